"""Question families for band 8 of the KL plan (positions 101 to 172): square roots,
writing expressions, decimals from the number line to division, percents, dividing
fractions, rational numbers, the order of operations, and the first rules of
conditional probability.

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; each named mistake is the value that mistake gives for the
variant's own numbers.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import numpy as np

from practice.families import (
    WHOLE,
    choice_variant,
    draw,
    exact_variant,
    family,
    frac,
    integer_variant,
    mixed,
    number_variant,
    pick,
    shuffled_choice_variant,
    values_variant,
)
from practice.questions import Variant


def dec(x: Fraction | int) -> str:
    """``x`` (a terminating decimal) written out exactly: ``Fraction(13, 250)`` as 0.052."""
    x = Fraction(x)
    out = format((Decimal(x.numerator) / Decimal(x.denominator)).normalize(), "f")
    return "0" if out in ("-0", "0") else out


# ------------------------------------------------------------------ 101. square roots


@family("square_root_of_perfect_square")
def square_root_of_perfect_square(rng: np.random.Generator) -> Variant:
    """The root of a perfect square, asked bare or as the side of a square of given area."""
    k = draw(rng, 3, 20)
    n = k * k
    if rng.random() < 0.5:
        prompt = f"What is $\\sqrt{{{n}}}$? {WHOLE}"
        context = "bare"
    else:
        thing, unit = pick(rng, (("tile", "centimetres"), ("garden", "metres"), ("rug", "feet")))
        prompt = (
            f"A square {thing} has an area of {n} square {unit}. How long is each side, in "
            f"{unit}? {WHOLE}"
        )
        context = thing
    below = k - 1
    solution = (
        f"We need the number that multiplied by itself gives {n}. "
        f"${below} \\times {below} = {below * below}$ is too small, and "
        f"${k} \\times {k} = {n}$, so $\\sqrt{{{n}}} = {k}$."
    )
    mistakes = {}
    if n % 2 == 0:
        mistakes["halved"] = (
            n // 2,
            "That number added to itself makes the area, but a root must give the number "
            "when it is multiplied by itself. Square your answer to check it.",
        )
    mistakes["squared_instead"] = (
        n * n,
        "You multiplied the number by itself. The root goes the other way: look for the "
        "number whose square is the one given.",
    )
    return integer_variant(
        prompt=prompt,
        params={"n": n, "context": context},
        value=k,
        solution=solution,
        mistakes=mistakes,
    )


@family("square_root_between_whole_numbers")
def square_root_between_whole_numbers(rng: np.random.Generator) -> Variant:
    """The two whole numbers either side of the root of a number that is not a square."""
    k = draw(rng, 2, 14)
    n = draw(rng, k * k + 1, (k + 1) ** 2 - 1)
    prompt = (
        f"$\\sqrt{{{n}}}$ lies between two whole numbers next to each other. Which two? "
        "Give the smaller one first, separated by a comma."
    )
    solution = (
        f"Find the perfect squares either side of {n}: ${k} \\times {k} = {k * k}$ and "
        f"${k + 1} \\times {k + 1} = {(k + 1) ** 2}$. As {n} lies between {k * k} and "
        f"{(k + 1) ** 2}, $\\sqrt{{{n}}}$ lies between {k} and {k + 1}."
    )
    mistakes = {
        "gave_the_squares": (
            (k * k, (k + 1) ** 2),
            "Those are the perfect squares either side of the number. The question asks for "
            "their roots: the numbers that were squared to make them.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"n": n},
        value=(k, k + 1),
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------- 133. writing numerical expressions

_FIRST_STEPS = {
    "add": ("Add {a} and {b}", "{a} + {b}"),
    "subtract": ("Subtract {b} from {a}", "{a} - {b}"),
}
_THEN_STEPS = {
    "multiply": ("then multiply by {c}", "\\times"),
    "divide": ("then divide by {c}", "\\div"),
}


@family("expression_from_words")
def expression_from_words(rng: np.random.Generator) -> Variant:
    """The expression, with parentheses, for a two-step calculation told in words."""
    first = pick(rng, tuple(_FIRST_STEPS))
    then = pick(rng, tuple(_THEN_STEPS))
    c = draw(rng, 2, 9)
    while True:
        a, b = draw(rng, 5, 40), draw(rng, 2, 30)
        inner = a + b if first == "add" else a - b
        value = Fraction(inner * c) if then == "multiply" else Fraction(inner, c)
        swapped = (a * b if then == "multiply" else Fraction(a, b)) + c
        if inner > 1 and value.denominator == 1 and a != b and swapped != value:
            break
    words_first, inside = _FIRST_STEPS[first]
    words_then, op = _THEN_STEPS[then]
    words = f"{words_first.format(a=a, b=b)}, {words_then.format(c=c)}."
    inside = inside.format(a=a, b=b)
    choices = {
        "right": f"$({inside}) {op} {c}$",
        "no_parentheses": f"${inside} {op} {c}$",
    }
    messages = {
        "no_parentheses": (
            "Without parentheses the multiplying or dividing is done first, and only on the "
            "last number. The words do the first step before that: put it in parentheses."
        ),
    }
    if first == "subtract":
        choices["reversed_subtraction"] = f"$({b} - {a}) {op} {c}$"
        messages["reversed_subtraction"] = (
            '"Subtract one number from another" starts with the second number named and '
            "takes the first away from it. Check which number comes first."
        )
    else:
        choices["swapped_the_steps"] = f"$({a} {op} {b}) + {c}$"
        messages["swapped_the_steps"] = (
            "The operations are in the wrong places. Write the first step with the first "
            "two numbers, then apply the second step to its result."
        )
    value = int(value)
    solution = (
        f"The first step is ${inside} = {inner}$, and the second acts on that whole result, "
        f"so the first step goes in parentheses: ${choices['right'][1:-1]} = {value}$."
    )
    return shuffled_choice_variant(
        rng,
        prompt=f'Which expression means "{words}"?',
        params={"a": a, "b": b, "c": c, "first": first, "then": then},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# --------------------------------------------------- 150. decimals on a number line


@family("decimal_on_a_zoomed_number_line")
def decimal_on_a_zoomed_number_line(rng: np.random.Generator) -> Variant:
    """The number a point marks, some steps past the start of a line cut into ten steps:
    a line from a whole number (steps of a tenth) or from a tenth (steps of a hundredth)."""
    zoomed = bool(rng.random() < 0.6)
    step = Fraction(1, 100) if zoomed else Fraction(1, 10)
    start = Fraction(draw(rng, 0, 99), 10) if zoomed else Fraction(draw(rng, 0, 9))
    end = start + 10 * step
    k = draw(rng, 1, 9)
    value = start + k * step
    prompt = (
        f"A number line runs from {dec(start)} to {dec(end)}, and the gap is cut into 10 equal "
        f"steps. A point sits {k} steps to the right of {dec(start)}. What number does it "
        "mark? Write it as a decimal."
    )
    solution = (
        f"The line covers ${dec(end)} - {dec(start)} = {dec(end - start)}$, so one step is "
        f"${dec(end - start)} \\div 10 = {dec(step)}$. Then "
        f"${dec(start)} + {k} \\times {dec(step)} = {dec(value)}$."
    )
    other = Fraction(1, 10) if zoomed else Fraction(1, 100)
    mistakes = {
        "wrong_step_size": (
            start + k * other,
            "Check the size of one step: the distance between the two ends, shared into 10 "
            "equal steps. Your point is not where those steps lead.",
        ),
        "counted_from_the_other_end": (
            end - k * step,
            "You counted back from the right-hand end. The steps are counted to the right of "
            "the left-hand end.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"start": str(start), "end": str(end), "steps": k},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# ------------------------------------ 152. multiplying and dividing by powers of ten


@family("multiply_or_divide_by_power_of_ten")
def multiply_or_divide_by_power_of_ten(rng: np.random.Generator) -> Variant:
    """A decimal times or divided by 10, 100 or 1000: the digits move that many places."""
    places = draw(rng, 0, 2)
    number = Fraction(draw(rng, 11, 999), 10**places)
    if number.denominator == 1 and places:
        number += Fraction(1, 10**places)
    k = draw(rng, 1, 3)
    power = 10**k
    times = bool(rng.random() < 0.5)
    value = number * power if times else number / power
    sign, direction = ("\\times", "left") if times else ("\\div", "right")
    prompt = f"Work out ${dec(number)} {sign} {power}$. Write the answer as a decimal."
    steps = [number]
    for _ in range(k):
        steps.append(steps[-1] * 10 if times else steps[-1] / 10)
    walk = ", then ".join(
        f"${dec(a)} {sign} 10 = {dec(b)}$" for a, b in zip(steps, steps[1:], strict=False)
    )
    solution = (
        f"{power} has {k} {'zero' if k == 1 else 'zeros'}, so every digit moves {k} "
        f"{'place' if k == 1 else 'places'} to the {direction}"
    )
    if k > 1:
        solution += f", one place at a time: {walk}. Altogether"
    solution += f": ${dec(number)} {sign} {power} = {dec(value)}$."
    wrong_way = number / power if times else number * power
    mistakes = {
        "moved_the_wrong_way": (
            wrong_way,
            "The digits moved the wrong way. Multiplying by 10, 100 or 1000 makes a number "
            "bigger and dividing makes it smaller.",
        ),
        "one_place_off": (
            value * 10 if times else value / 10,
            "Count the zeros of the power of ten again: the digits move one place for each "
            "zero, no more and no less.",
        ),
    }
    if times and number.denominator > 1:
        mistakes["put_zeros_on_the_end"] = (
            number,
            "Writing zeros on the end of a decimal does not change it. The digits must move to "
            "bigger places instead.",
        )
    return exact_variant(
        prompt=prompt,
        params={"number": str(number), "power": power, "times": times},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# ---------------------------------------------------- 153. reading and writing decimals

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_PLACE_NAMES = ("tenth", "hundredth", "thousandth")


def number_words(n: int) -> str:
    """A whole number from 0 to 999 in words: 236 is "two hundred thirty-six"."""
    if not 0 <= n <= 999:
        raise ValueError(f"{n} is outside 0 to 999")
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(_TENS[tens] + (f"-{_ONES[ones]}" if ones else ""))
    elif rest or not hundreds:
        words.append(_ONES[rest])
    return " ".join(words)


def decimal_words(whole: int, part: int, places: int) -> str:
    """How ``whole`` and ``part`` over ``10**places`` is read: "four and seven hundredths"."""
    place = _PLACE_NAMES[places - 1] + ("" if part == 1 else "s")
    after = f"{number_words(part)} {place}"
    return f"{number_words(whole)} and {after}" if whole else after


@family("decimal_from_words")
def decimal_from_words(rng: np.random.Generator) -> Variant:
    """A decimal read out in words ("nine and thirty-six thousandths") written in digits,
    often with placeholder zeros after the point."""
    places = draw(rng, 2, 3) if rng.random() < 0.8 else 1
    whole = draw(rng, 0, 30)
    if places > 1 and rng.random() < 0.7:
        part = draw(rng, 1, 10 ** (places - 1) - 1)  # needs a zero right after the point
    else:
        part = draw(rng, 10 ** (places - 1), 10**places - 1)
    while part % 10 == 0:
        part += 1
    value = whole + Fraction(part, 10**places)
    words = decimal_words(whole, part, places)
    digits = len(str(part))
    place = _PLACE_NAMES[places - 1] + "s"
    prompt = f'Write "{words}" as a decimal.'
    solution = (
        f"The whole number part is {whole}. The last place named is {place}, which is place "
        f"{places} after the point, so {places} {'digit goes' if places == 1 else 'digits go'} "
        f"after the point"
    )
    if digits < places:
        solution += f": {part} has only {digits}, so {places - digits} placeholder zero"
        solution += "s come" if places - digits > 1 else " comes"
        solution += " first"
    solution += (
        f". Check: ${whole} + \\frac{{{part}}}{{{10**places}}} = {dec(value)}$, so the "
        f"decimal is {dec(value)}."
    )
    mistakes = {}
    if digits < places:
        mistakes["dropped_placeholder_zero"] = (
            whole + Fraction(part, 10**digits),
            "Count the places again: the last place named says how many digits go after "
            "the point. Fill the empty places with zeros right after the point.",
        )
    if digits == places:
        mistakes["one_place_too_many"] = (
            whole + Fraction(part, 10 ** (places + 1)),
            "That number has one place too many after the point. Tenths take one place, "
            "hundredths two, thousandths three.",
        )
    mistakes["part_as_whole_number"] = (
        int(f"{whole}{part}") if whole else part,
        'The part after "and" is a decimal fraction, not more whole ones. Write the '
        "point, then the digits.",
    )
    return exact_variant(
        prompt=prompt,
        params={"whole": whole, "part": part, "places": places},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# --------------------------------------------------- 155. comparing and ordering decimals


@family("greatest_decimal")
def greatest_decimal(rng: np.random.Generator) -> Variant:
    """The greatest of three decimals with one, two and three places, where the longest one
    and the one with a zero after the point are the traps."""
    whole = draw(rng, 0, 9)
    d = draw(rng, 2, 8)
    short = whole + Fraction(d, 10)
    tail = draw(rng, 11, 99)
    while tail % 10 == 0:
        tail += 1
    longer = whole + Fraction(d - 1, 10) + Fraction(tail, 1000)
    zeroed = whole + Fraction(draw(rng, d + 1, 9), 100)
    choices = {
        "right": f"${dec(short)}$",
        "longer_is_bigger": f"${dec(longer)}$",
        "ignored_the_zero": f"${dec(zeroed)}$",
    }
    messages = {
        "longer_is_bigger": (
            "More digits does not make a decimal bigger. Line up the points and compare the "
            "tenths first."
        ),
        "ignored_the_zero": (
            "Look at the zero right after the point: that number has no tenths at all. "
            "Compare the tenths of each number first."
        ),
    }
    width = 3
    padded = ", ".join(f"{float(x):.{width}f}" for x in (short, longer, zeroed))
    solution = (
        f"Give all three the same number of places: {padded}. The ones are the same, so "
        f"compare the tenths: {d}, {d - 1} and 0. The most tenths is {d}, so "
        f"{dec(short)} is the greatest."
    )
    return shuffled_choice_variant(
        rng,
        prompt="Which number is the greatest?",
        params={"numbers": [str(short), str(longer), str(zeroed)]},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# ------------------------------------------- 156. rational numbers on the number line


@family("rational_between_integers")
def rational_between_integers(rng: np.random.Generator) -> Variant:
    """The two integers either side of a negative fraction or decimal."""
    if rng.random() < 0.5:
        d = pick(rng, (2, 3, 4, 5, 6, 8))
        n = draw(rng, d + 1, 6 * d)
        while n % d == 0:
            n += 1
        x = -Fraction(n, d)
        shown = f"-\\frac{{{n}}}{{{d}}}"
        size = f"$\\frac{{{n}}}{{{d}}} = {n // d} + {frac(Fraction(n % d, d))}$"
    else:
        x = -Fraction(draw(rng, 11, 99), 10)
        while x.denominator == 1:
            x -= Fraction(1, 10)
        shown = dec(x)
        size = f"${dec(-x)}$"
    low = math.floor(x)
    prompt = (
        f"Between which two integers next to each other does ${shown}$ lie on the number "
        "line? Give the smaller one first, separated by a comma."
    )
    solution = (
        f"The size of the number is {size}. So ${shown}$ is more than {-low - 1} but less than "
        f"{-low} units to the left of 0: past ${low + 1}$, but not as far as ${low}$. It "
        f"lies between ${low}$ and ${low + 1}$."
    )
    mistakes = {
        "rounded_towards_zero": (
            (low + 1, low + 2),
            "Those integers are too close to 0. The size of the number is more than the "
            "larger of them, so the point lies further to the left.",
        ),
        "dropped_the_sign": (
            (-low - 1, -low),
            "The number is negative, so it lies to the left of 0, between two negative integers.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"number": str(x)},
        value=(low, low + 1),
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------- 158. adding and subtracting decimals


def _hundredths_digits(x: Fraction, width: int) -> list[int]:
    """The digits of ``x`` (a whole number of hundredths), ``width`` of them, from the
    left: 6.2 with width 3 is [6, 2, 0]."""
    return [int(c) for c in str(int(x * 100)).zfill(width)]


@family("add_or_subtract_decimals")
def add_or_subtract_decimals(rng: np.random.Generator) -> Variant:
    """A sum or difference of a decimal with one place and one with two, so that the points
    must be lined up (and, for a difference, places regrouped)."""
    tenths = Fraction(draw(rng, 11, 99), 10)
    hundredths = Fraction(draw(rng, 101, 999), 100)
    while tenths.denominator == 1:
        tenths += Fraction(1, 10)
    while hundredths.denominator < 100:
        hundredths += Fraction(1, 100)
    add = bool(rng.random() < 0.5)
    if add:
        a, b = (tenths, hundredths) if rng.random() < 0.5 else (hundredths, tenths)
        value = a + b
    else:
        a, b = max(tenths, hundredths), min(tenths, hundredths)
        value = a - b
    sign = "+" if add else "-"
    prompt = f"Work out ${dec(a)} {sign} {dec(b)}$. Write the answer as a decimal."
    solution = (
        f"Line up the points and give both numbers two places: ${a:.2f} {sign} {b:.2f}$. "
        f"Then work place by place, as with whole numbers: "
        f"${int(a * 100)} {sign} {int(b * 100)} = {int(value * 100)}$ hundredths. So "
        f"${dec(a)} {sign} {dec(b)} = {dec(value)}$."
    )
    # the last digits lined up: each number read as a whole count of its smallest place,
    # and the point put back as in the number with more places
    slip = int(a * a.denominator) + (1 if add else -1) * int(b * b.denominator)
    mistakes = {}
    if slip > 0:
        mistakes["lined_up_last_digits"] = (
            Fraction(slip, 100),
            "The last digits were lined up instead of the decimal points. Put the points in "
            "one column so tenths sit under tenths, and fill the gap with a zero.",
        )
    width = max(len(str(int(a * 100))), len(str(int(b * 100))))
    top, bottom = _hundredths_digits(a, width), _hundredths_digits(b, width)
    if add:
        columns = [(x + y) % 10 for x, y in zip(top, bottom, strict=True)]
        columns[0] = top[0] + bottom[0]  # the leftmost place is written in full
        code, message = (
            "forgot_to_carry",
            "A place added up to ten or more, and the extra ten was lost. Carry it to the "
            "next place on the left, as with whole numbers.",
        )
    else:
        columns = [abs(x - y) for x, y in zip(top, bottom, strict=True)]
        code, message = (
            "took_smaller_from_larger",
            "In some place the smaller digit was taken from the larger one, whichever was on "
            "top. Regroup from the place to the left instead.",
        )
    slipped = Fraction(int("".join(map(str, columns))), 100)
    if slipped != value:
        mistakes[code] = (slipped, message)
    return exact_variant(
        prompt=prompt,
        params={"a": str(a), "b": str(b), "add": add},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 159. rounding decimals

_ROUND_TO = ((0, "whole number"), (1, "tenth"), (2, "hundredth"))


def round_half_up(x: Fraction, places: int) -> Fraction:
    """``x`` rounded to ``places`` decimal places, a half rounded up (``x`` positive)."""
    scale = 10**places
    return Fraction(math.floor(x * scale + Fraction(1, 2)), scale)


@family("round_decimal")
def round_decimal(rng: np.random.Generator) -> Variant:
    """A decimal with three or four places rounded to the nearest whole, tenth or
    hundredth, with the truncated, rounded-in-steps and wrong-place mistakes."""
    places, name = pick(rng, _ROUND_TO)
    length = places + draw(rng, 2, 3)
    x = Fraction(draw(rng, 10 ** (length - 1) + 1, 10 ** (length + 1) - 1), 10**length)
    while (x * 10**length) % 10 == 0:
        x += Fraction(1, 10**length)
    value = round_half_up(x, places)
    digits = format(x, f".{length}f")
    point = digits.index(".")
    next_digit = int(digits[point + places + 1])
    prompt = f"Round {digits} to the nearest {name}."
    if places:
        prompt += " Write the answer as a decimal."
    verdict = (
        "5 or more, so round up" if next_digit >= 5 else "4 or less, so keep the digit as it is"
    )
    rounding_place = "the ones place" if places == 0 else f"the {name}s place"
    solution = (
        f"The digit in {rounding_place} is {digits[point + places - (places == 0)]}. "
        f"The next digit to its right is {next_digit}, which is {verdict}. Drop every "
        f"digit after {rounding_place}: {digits} rounds to {format(value, f'.{places}f')}."
    )
    if format(value, f".{places}f") != dec(value):
        solution += f" As a number that is {dec(value)}."
    steps = x
    for p in range(length - 1, places - 1, -1):
        steps = round_half_up(steps, p)
    mistakes = {
        "truncated": (
            Fraction(math.floor(x * 10**places), 10**places),
            "The digits after the rounding place were just cut off. Look at the next digit: "
            "if it is five or more, the rounding digit goes up by one.",
        ),
        "rounded_in_steps": (
            steps,
            "You rounded one digit at a time from the right. Only the digit right after the "
            "rounding place decides; the digits after it do not matter.",
        ),
        "wrong_place": (
            round_half_up(x, places + 1),
            f"That is rounded to the wrong place. Find the {name}s place first: "
            + (
                "the ones digit, just before the point."
                if places == 0
                else "count the places after the point: tenths, then hundredths."
            ),
        ),
    }
    mistakes = {code: m for code, m in mistakes.items() if m[0] != value}
    return exact_variant(
        prompt=prompt,
        params={"number": digits, "places": places},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# ------------------------------------- 160. adding and subtracting rational numbers


def _signed_fraction(rng: np.random.Generator) -> Fraction:
    """A fraction in lowest terms, not whole, of either sign: -5/6, 3/4, ..."""
    d = pick(rng, (2, 3, 4, 5, 6, 8, 10, 12))
    n = draw(rng, 1, 2 * d - 1)
    while math.gcd(n, d) != 1:
        n += 1
    return Fraction(n, d) * pick(rng, (1, -1))


def sfrac(x: Fraction | int) -> str:
    """``x`` in LaTeX as a fraction with its sign in front: ``-\\frac{3}{4}``."""
    return f"-{frac(-x)}" if x < 0 else frac(x)


def _bracketed(x: Fraction) -> str:
    """``x`` in LaTeX as a term after a sign: ``(-\\frac{3}{4})`` when negative."""
    return f"({sfrac(x)})" if x < 0 else frac(x)


@family("add_subtract_signed_fractions")
def add_subtract_signed_fractions(rng: np.random.Generator) -> Variant:
    """A sum or difference of two fractions of any sign, in lowest terms."""
    while True:
        x, y = _signed_fraction(rng), _signed_fraction(rng)
        if (x < 0 or y < 0) and x.denominator != y.denominator:
            break
    add = bool(rng.random() < 0.5)
    value = x + y if add else x - y
    sign = "+" if add else "-"
    common = math.lcm(x.denominator, y.denominator)
    prompt = (
        f"Work out ${sfrac(x)} {sign} {_bracketed(y)}$. Give the answer as a fraction in "
        "lowest terms (a whole number if it is one)."
    )
    moved = y if add else -y
    rewrite = ""
    if not add:
        rewrite = f"Subtracting is adding the opposite: ${sfrac(x)} + {_bracketed(moved)}$. "
    tops = [z.numerator * common // z.denominator for z in (x, moved)]
    total = Fraction(tops[0] + tops[1], common)
    combined = f"\\frac{{{tops[0] + tops[1]}}}{{{common}}}"
    if (total.numerator, total.denominator) != (tops[0] + tops[1], common):
        combined += f" = \\frac{{{total.numerator}}}{{{total.denominator}}}"
    solution = (
        f"{rewrite}With the common denominator {common}: "
        f"$\\frac{{{tops[0]}}}{{{common}}} + \\frac{{{tops[1]}}}{{{common}}} = {combined}$"
    )
    if value < 0 or value.denominator == 1:
        solution += f", that is ${sfrac(value)}$"
    solution += "."
    mistakes = {
        "second_sign_flipped": (
            x - y if add else x + y,
            "A sign went wrong on the second number. Adding a negative moves left; "
            "subtracting a negative is adding its opposite and moves right.",
        ),
        "added_the_sizes": (
            (abs(x) + abs(y)) * (1 if value > 0 else -1),
            "When the two numbers you combine have different signs, subtract their sizes and "
            "take the sign of the larger size.",
        ),
    }
    if add:
        mistakes["added_tops_and_bottoms"] = (
            Fraction(x.numerator + y.numerator, x.denominator + y.denominator),
            "Tops and bottoms were added separately. Rewrite both fractions over a common "
            "denominator first, then combine only the tops.",
        )
    mistakes = {code: m for code, m in mistakes.items() if m[0] != value}
    return exact_variant(
        prompt=prompt,
        params={"x": str(x), "y": str(y), "add": add},
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


def decimal_places(x: Fraction) -> int:
    """How many places the terminating decimal ``x`` has after the point: 2 for 1.35."""
    n = 0
    while (x * 10**n).denominator != 1:
        n += 1
    return n


def _decimal_with_places(rng: np.random.Generator, places: int, low: int, high: int) -> Fraction:
    """A decimal with exactly ``places`` places whose digits, read as a whole number, lie
    in ``low..high`` (not ending in 0)."""
    n = draw(rng, low, high)
    while n % 10 == 0:
        n += 1
    return Fraction(n, 10**places)


# ------------------------------------------------------------ 161. multiplying decimals


@family("multiply_decimals")
def multiply_decimals(rng: np.random.Generator) -> Variant:
    """A product of two decimals with one or two places each: multiply as whole numbers,
    then count the places of both factors."""
    p, q = draw(rng, 1, 2), draw(rng, 1, 2)
    a = _decimal_with_places(rng, p, 2, 99)
    b = _decimal_with_places(rng, q, 2, 60)
    value = a * b
    whole_a, whole_b = int(a * 10**p), int(b * 10**q)
    prompt = f"Work out ${dec(a)} \\times {dec(b)}$. Write the answer as a decimal."
    solution = (
        f"Ignore the points: ${whole_a} \\times {whole_b} = {whole_a * whole_b}$. "
        f"{dec(a)} has {p} decimal {'place' if p == 1 else 'places'} and {dec(b)} has {q}, "
        f"so the product has ${p} + {q} = {p + q}$: "
        f"${dec(a)} \\times {dec(b)} = {dec(value)}$."
    )
    mistakes = {
        "places_of_one_factor": (
            Fraction(whole_a * whole_b, 10 ** max(p, q)),
            "The point is in the wrong place. A product gets the decimal places of both "
            "factors added together, not just those of the longer one.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"a": str(a), "b": str(b)},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# ------------------------------------------------------------- 162. dividing decimals


@family("divide_by_a_decimal")
def divide_by_a_decimal(rng: np.random.Generator) -> Variant:
    """A decimal divided by a decimal, made whole by moving both points."""
    places = draw(rng, 1, 2)
    divisor = _decimal_with_places(rng, places, 2, 9 if places == 1 else 40)
    quotient = Fraction(draw(rng, 2, 60)) if rng.random() < 0.6 else Fraction(draw(rng, 11, 99), 10)
    dividend = divisor * quotient
    scale = 10**places
    prompt = f"Work out ${dec(dividend)} \\div {dec(divisor)}$. Write the answer as a decimal."
    solution = (
        f"The divisor {dec(divisor)} has {places} decimal "
        f"{'place' if places == 1 else 'places'}, so multiply both numbers by {scale}: "
        f"${dec(dividend)} \\div {dec(divisor)} = {dec(dividend * scale)} \\div "
        f"{dec(divisor * scale)} = {dec(quotient)}$. Check: "
        f"${dec(quotient)} \\times {dec(divisor)} = {dec(dividend)}$."
    )
    mistakes = {
        "moved_only_the_divisor": (
            quotient / scale,
            "Only the divisor's point moved. Whatever you multiply the divisor by, multiply "
            "the dividend by the same number, so the answer does not change.",
        ),
        "moved_only_the_dividend": (
            quotient * scale,
            "The dividend was made bigger but the divisor was not. Move both points the same "
            "number of places.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"dividend": str(dividend), "divisor": str(divisor)},
        value=quotient,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# ----------------------------------------------------------- 163. percent of a number

_PERCENTS = (5, 10, 12, 15, 20, 25, 30, 35, 40, 45, 60, 75, 80, 120, 150)


def _whole_or_tenths_percent(
    rng: np.random.Generator, percents: tuple[int, ...], low: int, high: int
) -> tuple[int, int]:
    """A percent and a whole number whose percent is a whole number or has one decimal."""
    while True:
        p, n = pick(rng, percents), draw(rng, low, high)
        if (Fraction(p * n, 100) * 10).denominator == 1:
            return p, n


@family("percent_of_a_number")
def percent_of_a_number(rng: np.random.Generator) -> Variant:
    """p% of n, as the percent written as a decimal times the number."""
    p, n = _whole_or_tenths_percent(rng, _PERCENTS, 8, 400)
    rate = Fraction(p, 100)
    value = rate * n
    prompt = f"What is {p}% of {n}? Give the exact value (a whole number or a decimal)."
    solution = (
        f"Write the percent as a decimal: ${p}\\% = {dec(rate)}$. Then multiply: "
        f"${dec(rate)} \\times {n} = {dec(value)}$."
    )
    mistakes = {
        "forgot_to_divide_by_100": (
            Fraction(p * n),
            "A percent is a number of hundredths. Write it as a decimal (divide by 100) "
            "before you multiply.",
        ),
        "decimal_one_place_off": (
            value * 10 if p < 10 or p % 10 else value / 10,
            "The percent became the wrong decimal. Dividing by 100 moves the point two places "
            "to the left: check how many hundredths the percent is.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"percent": p, "number": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# --------------------------------------------- 164. discounts, sales tax and tips

_CHANGES = {
    "discount": ("is on sale at {p}% off", "What do you pay?", -1, (10, 15, 20, 25, 30, 40, 50)),
    "tax": ("has {p}% sales tax added", "What is the total?", 1, (4, 5, 6, 8, 10)),
    "tip": ("gets a {p}% tip", "What is the total with the tip?", 1, (10, 15, 18, 20, 25)),
}
_PRICED = {
    "discount": ("pair of shoes", "bike", "jacket", "video game"),
    "tax": ("lamp", "backpack", "pair of headphones", "chair"),
    "tip": ("restaurant bill", "taxi fare", "haircut"),
}


@family("price_after_percent_change")
def price_after_percent_change(rng: np.random.Generator) -> Variant:
    """A price after a percent discount, sales tax or tip, to the cent."""
    kind = pick(rng, tuple(_CHANGES))
    phrase, question, direction, percents = _CHANGES[kind]
    p, price = _whole_or_tenths_percent(rng, percents, 12, 240)
    while p == price:
        price += 2
    thing = pick(rng, _PRICED[kind])
    change = Fraction(p, 100) * price
    value = price + direction * change
    prompt = (
        f"A {price}-dollar {thing} {phrase.format(p=p)}. {question} Give the amount in "
        "dollars, exact to the cent."
    )
    word = {"discount": "The discount", "tax": "The tax", "tip": "The tip"}[kind]
    sign = "-" if direction < 0 else "+"
    solution = (
        f"{word} is ${p}\\% \\text{{ of }} {price} = {dec(Fraction(p, 100))} \\times {price} = "
        f"{dec(change)}$ dollars. So the amount is ${price} {sign} {dec(change)} = "
        f"{dec(value)}$ dollars, written {float(value):.2f}."
    )
    mistakes = {
        "percent_taken_as_dollars": (
            Fraction(price + direction * p),
            "A percent is not a number of dollars. Find that percent of the price first (the "
            "percent as a decimal times the price), then use the amount you get.",
        ),
        "gave_only_the_change": (
            change,
            f"That is the amount of the {kind}, not what is paid. Use it to change the price.",
        ),
        "changed_the_wrong_way": (
            price - direction * change,
            "A discount is taken off the price; tax and tips are added on. Check which way "
            "this one goes.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"kind": kind, "percent": p, "price": price},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 165. dividing fractions


def _proper_fraction(rng: np.random.Generator) -> Fraction:
    """A proper fraction in lowest terms with a bottom from 2 to 9."""
    d = draw(rng, 2, 9)
    n = draw(rng, 1, d - 1)
    while math.gcd(n, d) != 1:
        n = draw(rng, 1, d - 1)
    return Fraction(n, d)


@family("divide_fractions")
def divide_fractions(rng: np.random.Generator) -> Variant:
    """A fraction (or a whole number) divided by a fraction, by multiplying by the
    reciprocal of the divisor."""
    x = _proper_fraction(rng) if rng.random() < 0.75 else Fraction(draw(rng, 2, 6))
    y = _proper_fraction(rng)
    while y == x:
        y = _proper_fraction(rng)
    value = x / y
    flip = 1 / y
    raw = (x.numerator * flip.numerator, x.denominator * flip.denominator)
    prompt = (
        f"Work out ${frac(x)} \\div {frac(y)}$. Give the answer as a fraction in lowest terms "
        "(or a whole number)."
    )
    solution = (
        f"Multiply by the reciprocal of the divisor: ${frac(x)} \\div {frac(y)} = "
        f"{frac(x)} \\times {frac(flip)} = \\frac{{{raw[0]}}}{{{raw[1]}}}"
    )
    solution += f" = {frac(value)}$." if raw != (value.numerator, value.denominator) else "$."
    mistakes = {
        "flipped_the_first": (
            (1 / x) * y,
            "The wrong fraction was flipped. Keep the first number as it is and flip only the "
            "divisor, the fraction after the division sign.",
        ),
        "did_not_flip": (
            x * y,
            "That multiplies the two fractions as they are. Dividing by a fraction is "
            "multiplying by its reciprocal: flip the divisor first.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"x": str(x), "y": str(y)},
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ------------------------------------------------------------------- 166. unit rates

_UNIT_GOODS = (
    ("notebooks", "notebook"),
    ("bottles of water", "bottle"),
    ("bus tickets", "ticket"),
    ("packs of seeds", "pack"),
    ("kilograms of apples", "kilogram"),
)


@family("unit_price")
def unit_price(rng: np.random.Generator) -> Variant:
    """The price of one item from the price of several, by dividing the money by the
    count."""
    many, one = pick(rng, _UNIT_GOODS)
    count = draw(rng, 3, 12)
    each = Fraction(draw(rng, 25, 480), 100)
    while (each * 20).denominator != 1:  # prices in steps of 5 cents
        each += Fraction(1, 100)
    total = each * count
    prompt = (
        f"{count} {many} cost {float(total):.2f} dollars. What is the price per {one}, in "
        "dollars? Give the exact amount."
    )
    solution = (
        f"Per {one} means divide the dollars by the number of {many}: "
        f"${dec(total)} \\div {count} = {dec(each)}$ dollars, written {float(each):.2f}."
    )
    mistakes = {
        "divided_the_wrong_way": (
            count / total,
            f"That is {many} per dollar. The price per {one} puts the {many} in the "
            "divisor: divide the dollars by the count.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"count": count, "total": str(total)},
        value=each,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------- 167. conditional probability

_TABLES = (
    ("students", ("have a pet", "have no pet"), ("walk to school", "do not walk")),
    ("commuters", ("took the train", "drove"), ("arrived on time", "arrived late")),
    ("patients", ("had the treatment", "had no treatment"), ("recovered in a week", "did not")),
    ("shoppers", ("used a coupon", "used no coupon"), ("spent over 50 dollars", "spent less")),
)


@family("conditional_from_table")
def conditional_from_table(rng: np.random.Generator) -> Variant:
    """P(column | row) or P(row | column) read from a two-way table of counts."""
    who, rows, cols = pick(rng, _TABLES)
    counts = [[draw(rng, 5, 60) for _ in range(2)] for _ in range(2)]
    total = sum(map(sum, counts))
    row_total, col_total = sum(counts[0]), counts[0][0] + counts[1][0]
    both = counts[0][0]
    table = (
        f"| | {cols[0]} | {cols[1]} | total |\n|---|---|---|---|\n"
        + "".join(
            f"| {rows[i]} | {counts[i][0]} | {counts[i][1]} | {sum(counts[i])} |\n"
            for i in range(2)
        )
        + f"| total | {col_total} | {total - col_total} | {total} |"
    )
    given_row = bool(rng.random() < 0.5)
    if given_row:
        asked, given, size = f"{who} who {cols[0]}", f"those who {rows[0]}", row_total
        other, marginal = Fraction(both, col_total), Fraction(col_total, total)
    else:
        asked, given, size = f"{who} who {rows[0]}", f"those who {cols[0]}", col_total
        other, marginal = Fraction(both, row_total), Fraction(row_total, total)
    value = Fraction(both, size)
    prompt = (
        f"A survey of {total} {who}:\n\n{table}\n\nOne of the {who} is picked at random. "
        f"Given that they are one of {given}, what is the probability that they are one of "
        f"the {asked}? Give a fraction in lowest terms."
    )
    solution = (
        f"Restrict to {given}: there are {size} of them, and {both} of those are also "
        f"{asked}. So the probability is $\\frac{{{both}}}{{{size}}}"
    )
    solution += f" = {frac(value)}$." if value.denominator != size else "$."
    mistakes = {
        "reversed_the_condition": (
            other,
            "That conditions on the other event. The group you are told about is the one you "
            "restrict to, so its total is the denominator.",
        ),
        "divided_by_the_grand_total": (
            Fraction(both, total),
            "Dividing by everyone surveyed gives the chance of both events together. Given "
            "the condition, divide by the size of that group only.",
        ),
        "ignored_the_condition": (
            marginal,
            "That is the overall chance, ignoring what you were told. Restrict to the given "
            "group first.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"counts": counts, "given_row": given_row, "who": who},
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("conditional_from_probabilities")
def conditional_from_probabilities(rng: np.random.Generator) -> Variant:
    """P(A | B) from P(A), P(B) and P(A ∩ B), by the definition."""
    while True:
        p_ab = draw(rng, 4, 40) / 100
        p_a = draw(rng, int(p_ab * 100) + 5, 90) / 100
        p_b = draw(rng, int(p_ab * 100) + 5, 90) / 100
        if p_a != p_b and p_a + p_b - p_ab <= 1:
            break
    value = p_ab / p_b
    prompt = (
        f"Events $A$ and $B$ have $P(A) = {p_a:g}$, $P(B) = {p_b:g}$ and "
        f"$P(A \\cap B) = {p_ab:g}$. Find $P(A \\mid B)$ to 3 significant figures."
    )
    solution = (
        f"By definition $P(A \\mid B) = \\frac{{P(A \\cap B)}}{{P(B)}} = "
        f"\\frac{{{p_ab:g}}}{{{p_b:g}}} \\approx {value:.3g}$."
    )
    mistakes = {
        "divided_by_the_wrong_event": (
            p_ab / p_a,
            "That is the probability of $B$ given $A$. Given $B$, divide by the probability "
            "of $B$.",
        ),
        "multiplied_instead": (
            p_ab * p_b,
            "A conditional probability divides by the chance of the condition; it does not "
            "multiply by it.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"p_a": p_a, "p_b": p_b, "p_ab": p_ab},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------------------- 168. mixed number arithmetic


def _mixed_number(rng: np.random.Generator, d: int | None = None) -> Fraction:
    """A mixed number from 1 1/2 to 6 8/9 whose fraction part is in lowest terms."""
    d = d or draw(rng, 2, 9)
    n = draw(rng, 1, d - 1)
    while math.gcd(n, d) != 1:
        n = draw(rng, 1, d - 1)
    return draw(rng, 1, 6) + Fraction(n, d)


def _parts(x: Fraction) -> tuple[int, Fraction]:
    """The whole part and the fraction part of a positive number."""
    whole = math.floor(x)
    return whole, x - whole


@family("mixed_number_subtract_with_regrouping")
def mixed_number_subtract_with_regrouping(rng: np.random.Generator) -> Variant:
    """a b/d - c e/d where the fraction part on top is the smaller, so a whole is broken
    into pieces first."""
    d = draw(rng, 3, 9)
    while True:
        x, y = _mixed_number(rng, d), _mixed_number(rng, d)
        (xw, xf), (yw, yf) = _parts(x), _parts(y)
        if xf < yf and xw > yw:
            break
    value = x - y
    regrouped = xf + 1
    prompt = (
        f"Work out ${mixed(x)} - {mixed(y)}$. Give the answer as a mixed number (or a "
        "proper fraction if it is less than 1)."
    )
    solution = (
        f"You cannot take ${frac(yf)}$ from ${frac(xf)}$, so regroup one whole as "
        f"$\\frac{{{d}}}{{{d}}}$: ${mixed(x)}$ is {xw - 1} and ${frac(regrouped)}$. Then "
        f"${xw - 1} - {yw} = {xw - 1 - yw}$ and ${frac(regrouped)} - {frac(yf)} = "
        f"{frac(regrouped - yf)}$, so the answer is ${mixed(value)}$."
    )
    mistakes = {
        "took_smaller_from_larger": (
            (xw - yw) + (yf - xf),
            "The smaller fraction was taken from the larger one, whichever came first. "
            "Regroup one whole of the first number into pieces instead.",
        ),
        "regrouped_without_reducing_the_whole": (
            value + 1,
            "A whole was broken into pieces, but the whole-number part was not made one "
            "smaller. Regrouping moves a whole; it does not add one.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"x": str(x), "y": str(y)},
        value=value,
        solution=solution,
        form="mixed",
        mistakes=mistakes,
    )


@family("mixed_number_product")
def mixed_number_product(rng: np.random.Generator) -> Variant:
    """The product of two mixed numbers, through improper fractions."""
    x, y = _mixed_number(rng), _mixed_number(rng)
    value = x * y
    (xw, xf), (yw, yf) = _parts(x), _parts(y)
    raw = (x.numerator * y.numerator, x.denominator * y.denominator)
    prompt = (
        f"Work out ${mixed(x)} \\times {mixed(y)}$. Give the answer as a mixed number (or a "
        "whole number)."
    )
    solution = (
        f"Write both as improper fractions: ${mixed(x)}$ is ${frac(x)}$ and ${mixed(y)}$ is "
        f"${frac(y)}$. Then ${frac(x)} \\times {frac(y)} = \\frac{{{raw[0]}}}{{{raw[1]}}}$, "
        f"which is ${mixed(value)}$."
    )
    mistakes = {
        "multiplied_parts_separately": (
            xw * yw + xf * yf,
            "Multiplying wholes by wholes and fractions by fractions leaves out the wholes "
            "times the other fraction. Write both as improper fractions first.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"x": str(x), "y": str(y)},
        value=value,
        solution=solution,
        form="mixed",
        mistakes=mistakes,
    )


# ------------------------------------------- 169. multiplying and dividing rational numbers


@family("multiply_divide_signed_fractions")
def multiply_divide_signed_fractions(rng: np.random.Generator) -> Variant:
    """A product or quotient of two signed fractions: the sign by counting negatives, the
    size by the fraction method."""
    while True:
        x, y = _signed_fraction(rng), _signed_fraction(rng)
        if x < 0 or y < 0:
            break
    times = bool(rng.random() < 0.5)
    value = x * y if times else x / y
    sign = "\\times" if times else "\\div"
    negatives = (x < 0) + (y < 0)
    verdict = "positive" if negatives % 2 == 0 else "negative"
    prompt = (
        f"Work out ${sfrac(x)} {sign} {_bracketed(y)}$. Give the answer as a fraction in lowest "
        "terms (or a whole number)."
    )
    factor = y if times else 1 / y
    size = abs(x) * abs(factor)
    solution = (
        f"Sign: {negatives} negative {'number' if negatives == 1 else 'numbers'}, so the "
        f"answer is {verdict}. "
    )
    if not times:
        solution += (
            f"Dividing is multiplying by the reciprocal, which keeps its sign: "
            f"${sfrac(x)} \\times {_bracketed(factor)}$. "
        )
    solution += (
        f"Size: ${frac(abs(x))} \\times {frac(abs(factor))} = {frac(size)}$. So the answer "
        f"is ${sfrac(value)}$"
    )
    if value < 0 and value.denominator > 1:
        solution += f", typed as ${value.numerator}/{value.denominator}$"
    solution += "."
    mistakes = {
        "wrong_sign": (
            -value,
            "The size is right but the sign is not. Count the negative numbers: an even count "
            "gives a positive answer, an odd count a negative one.",
        ),
    }
    if not times:
        mistakes["did_not_flip"] = (
            x * y,
            "Dividing by a fraction means multiplying by its reciprocal: flip the divisor "
            "before you multiply.",
        )
    return exact_variant(
        prompt=prompt,
        params={"x": str(x), "y": str(y), "times": times},
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ---------------------------------------------------------- 170. order of operations


def _order_expression(rng: np.random.Generator) -> tuple[str, Fraction, str, Fraction, str, str]:
    """An expression with a trap, its value, the trap's code and value, its message and the
    worked steps."""
    shape = draw(rng, 0, 3)
    if shape == 0:  # a + b × c
        a, b, c = draw(rng, 2, 20), draw(rng, 2, 9), draw(rng, 2, 9)
        return (
            f"{a} + {b} \\times {c}",
            Fraction(a + b * c),
            "left_to_right",
            Fraction((a + b) * c),
            "Multiplication comes before addition, wherever it stands. Multiply first, then add.",
            f"${b} \\times {c} = {b * c}$, then ${a} + {b * c} = {a + b * c}$",
        )
    if shape == 1:  # a ÷ b × c
        b, c, q = draw(rng, 2, 6), draw(rng, 2, 6), draw(rng, 2, 9)
        a = b * q
        return (
            f"{a} \\div {b} \\times {c}",
            Fraction(q * c),
            "multiplied_before_dividing",
            Fraction(a, b * c),
            "Multiplication and division share one step: work them from left to right, as "
            "they come.",
            f"${a} \\div {b} = {q}$, then ${q} \\times {c} = {q * c}$",
        )
    if shape == 2:  # a - b + c
        b, c = draw(rng, 2, 15), draw(rng, 2, 15)
        a = draw(rng, b + c + 1, 40)
        return (
            f"{a} - {b} + {c}",
            Fraction(a - b + c),
            "added_before_subtracting",
            Fraction(a - (b + c)),
            "Addition and subtraction share one step: work them from left to right, as they come.",
            f"${a} - {b} = {a - b}$, then ${a - b} + {c} = {a - b + c}$",
        )
    a, b, c, d = draw(rng, 2, 30), draw(rng, 4, 9), draw(rng, 1, 3), draw(rng, 2, 5)
    inner = b - c
    return (
        f"{a} + ({b} - {c})^2 \\times {d}",
        Fraction(a + inner**2 * d),
        "multiplied_before_the_power",
        Fraction(a + (inner * d) ** 2),
        "Powers come before multiplication: square the parentheses' value first, then multiply.",
        f"${b} - {c} = {inner}$, then ${inner}^2 = {inner**2}$, then "
        f"${inner**2} \\times {d} = {inner**2 * d}$, then ${a} + {inner**2 * d} = "
        f"{a + inner**2 * d}$",
    )


@family("evaluate_with_order_of_operations")
def evaluate_with_order_of_operations(rng: np.random.Generator) -> Variant:
    """An expression whose value depends on following the agreed order of operations."""
    latex, value, code, wrong, message, steps = _order_expression(rng)
    prompt = f"Work out ${latex}$. {WHOLE}"
    solution = f"Following the order of operations: {steps}. So ${latex} = {value}$."
    return exact_variant(
        prompt=prompt,
        params={"expression": latex},
        value=value,
        solution=solution,
        mistakes={code: (wrong, message)},
    )


# ------------------------------------------------------------- 171. multiplication rule

_COLOURS = (("red", "blue"), ("green", "yellow"), ("black", "white"), ("striped", "plain"))


def _bag(rng: np.random.Generator) -> tuple[str, str, int, int]:
    """Two colours and how many marbles of each are in a bag."""
    first, second = pick(rng, _COLOURS)
    return first, second, draw(rng, 3, 9), draw(rng, 3, 9)


@family("two_draws_without_replacement")
def two_draws_without_replacement(rng: np.random.Generator) -> Variant:
    """P(first colour, then a given colour) for two marbles drawn without replacement."""
    first, second, r, b = _bag(rng)
    n = r + b
    same = bool(rng.random() < 0.5)
    then, left = (first, r - 1) if same else (second, b)
    value = Fraction(r, n) * Fraction(left, n - 1)
    prompt = (
        f"A bag holds {r} {first} and {b} {second} marbles. Two are drawn one after the "
        f"other, without putting the first back. What is the probability that the first is "
        f"{first} and the second is {then}? Give a fraction in lowest terms."
    )
    solution = (
        f"$P(\\text{{first {first}}}) = \\frac{{{r}}}{{{n}}}$. That leaves {n - 1} marbles, "
        f"{left} of them {then}, so the second factor is $\\frac{{{left}}}{{{n - 1}}}$. By the "
        f"multiplication rule the probability is $\\frac{{{r}}}{{{n}}} \\times "
        f"\\frac{{{left}}}{{{n - 1}}} = \\frac{{{r * left}}}{{{n * (n - 1)}}} = {frac(value)}$."
    )
    mistakes = {
        "as_if_replaced": (
            Fraction(r, n) * Fraction(r if same else b, n),
            "The second draw was treated as if the first marble went back. After the first "
            "draw there is one marble fewer, and the counts change.",
        ),
        "added_instead_of_multiplying": (
            Fraction(r, n) + Fraction(left, n - 1),
            "Both things must happen, so the probabilities multiply along the path; adding "
            "is for one path or another.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"first": r, "second": b, "same": same},
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("chain_rule_three_draws")
def chain_rule_three_draws(rng: np.random.Generator) -> Variant:
    """P(three marbles of one colour in a row) without replacement, by the chain rule."""
    first, second, r, b = _bag(rng)
    n = r + b
    factors = [Fraction(r - k, n - k) for k in range(3)]
    value = factors[0] * factors[1] * factors[2]
    written = " \\times ".join(f"\\frac{{{r - k}}}{{{n - k}}}" for k in range(3))
    prompt = (
        f"A bag holds {r} {first} and {b} {second} marbles. Three are drawn one after the "
        f"other without replacement. What is the probability that all three are {first}? "
        "Give a fraction in lowest terms."
    )
    solution = (
        f"By the chain rule, multiply the chance of {first} on each draw given the draws "
        f"before it: each {first} marble drawn leaves one {first} marble fewer and one marble "
        f"fewer in all. ${written} = {frac(value)}$."
    )
    mistakes = {
        "as_if_replaced": (
            Fraction(r, n) ** 3,
            "Each factor used the full bag, as if every marble went back. Condition each "
            "draw on the ones before it: fewer marbles, fewer of that colour.",
        ),
        "stopped_after_two": (
            factors[0] * factors[1],
            "That is the chance of two in a row. The chain rule needs one factor for each of "
            "the three draws.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"first": r, "second": b},
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# -------------------------------------------------------------- 172. independent events


@family("independent_at_least_one")
def independent_at_least_one(rng: np.random.Generator) -> Variant:
    """P(at least one of two independent events), through the complement."""
    a, b = draw(rng, 10, 90) / 100, draw(rng, 10, 90) / 100
    value = 1 - (1 - a) * (1 - b)
    prompt = (
        f"Independent events $A$ and $B$ have $P(A) = {a:g}$ and $P(B) = {b:g}$. Find the "
        "probability that at least one of them happens, to 3 significant figures."
    )
    solution = (
        f"Neither happens with probability $(1 - {a:g})(1 - {b:g}) = {1 - a:g} \\times "
        f"{1 - b:g} = {(1 - a) * (1 - b):.4g}$, because the complements of independent events "
        f"are independent too. So $P(\\text{{at least one}}) = 1 - {(1 - a) * (1 - b):.4g} "
        f"\\approx {value:.3g}$."
    )
    mistakes = {
        "both_instead_of_either": (
            a * b,
            "That is the chance that both happen. At least one is everything except neither: "
            "work out the chance of neither first.",
        ),
    }
    if a + b <= 1.5:
        mistakes["added_the_probabilities"] = (
            a + b,
            "Adding counts the outcomes where both happen twice. Use one minus the chance "
            "that neither happens.",
        )
    return number_variant(
        prompt=prompt,
        params={"a": a, "b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("check_independence")
def check_independence(rng: np.random.Generator) -> Variant:
    """Independent or dependent, from P(A), P(B) and P(A ∩ B): compare with the product."""
    a, b = draw(rng, 2, 8) / 10, draw(rng, 2, 8) / 10
    case = pick(rng, ("independent", "dependent", "disjoint"))
    product = round(a * b, 2)
    if case == "independent":
        both = product
    elif case == "disjoint":
        both = 0.0
        while a + b > 1:
            b = round(b - 0.1, 1)
        product = round(a * b, 2)
    else:
        shifts = [round(product + k / 100, 2) for k in (-6, -4, -2, 2, 4, 6)]
        valid = [x for x in shifts if 0 < x <= min(a, b) and a + b - x <= 1]
        both = pick(rng, valid)  # a shift of +0.02 always fits: a·b + 0.02 ≤ min(a, b)
    right = "A" if case == "independent" else "B"
    wrong = "B" if right == "A" else "A"
    code, message = {
        "independent": (
            "overlap_taken_as_dependence",
            "Events that can happen together can still be independent. Compare "
            "$P(A \\cap B)$ with $P(A)P(B)$: if they are equal, the events are independent.",
        ),
        "dependent": (
            "did_not_compare_with_the_product",
            "Independence is a fact to check, not a default. Compare $P(A \\cap B)$ with "
            "$P(A)P(B)$.",
        ),
        "disjoint": (
            "disjoint_taken_as_independent",
            "Events that cannot happen together are not independent: if one happens, the "
            "other certainly does not.",
        ),
    }[case]
    verdict = "equal" if case == "independent" else "different"
    solution = (
        f"$P(A)P(B) = {a:g} \\times {b:g} = {product:g}$, and $P(A \\cap B) = {both:g}$. "
        f"They are {verdict}, so $A$ and $B$ are {'in' if right == 'A' else ''}dependent: "
        f"{right}."
    )
    return choice_variant(
        prompt=(
            f"$P(A) = {a:g}$, $P(B) = {b:g}$ and $P(A \\cap B) = {both:g}$. Are $A$ and $B$ "
            "independent?"
        ),
        params={"a": a, "b": b, "both": both},
        options={"A": "independent", "B": "dependent"},
        right=right,
        solution=solution,
        mistakes={code: (wrong, message)},
    )
