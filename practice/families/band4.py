"""Question families of band 4: adding integers to multi-digit multiplication.

Whole-number arithmetic throughout: every answer is an ``int`` (or a tuple of them)
computed from the drawn numbers, and every named mistake is the value that mistake gives
for the same numbers.
"""

from __future__ import annotations

import numpy as np

from practice.families import (
    choice_variant,
    clock_time,
    draw,
    family,
    integer_variant,
    pick,
    plural,
    shuffle_choices,
    signed,
    values_variant,
)
from practice.questions import Variant


def _variant(
    value, solution: str, prompt: str, params: dict, *, kind: str = "integer", **mistakes
) -> Variant:
    """A variant whose answer is ``value`` of ``kind``: "integer" (a whole number) or
    "values" (a tuple of whole numbers in order).

    ``mistakes`` maps a misconception code to ``(value it gives, message)``.
    """
    make = integer_variant if kind == "integer" else values_variant
    return make(prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes)


# ---------------------------------------------------------------------- adding integers

ADDED_SIZES = (
    "The signs are different, so the sizes should not be added: subtract the smaller size "
    "from the larger, then take the sign of the number farther from zero."
)
WRONG_SIGN_DIFFERENT = (
    "Check the sign: when the signs differ, the answer takes the sign of the number that "
    "is farther from zero."
)
LOST_SIGN = (
    "Adding a negative number moves you left on the number line. Both numbers here are "
    "negative: picture where the first one is, then which way the second one moves you."
)
SUBTRACTED_SIZES = (
    "Both numbers have the same sign, so add their sizes; subtracting them is the rule for "
    "different signs."
)


def _sum_steps(a: int, b: int) -> str:
    """The sign-rule working of ``a + b`` as a sentence with formulas."""
    total = a + b
    if (a < 0) == (b < 0):
        sign = "negative" if a < 0 else "positive"
        return (
            f"Both numbers are {sign}, so add the sizes, ${abs(a)} + {abs(b)} = "
            f"{abs(a) + abs(b)}$, and keep the sign: ${a} + {signed(b)} = {total}$."
        )
    big, small = max(abs(a), abs(b)), min(abs(a), abs(b))
    farther = a if abs(a) > abs(b) else b
    sign = "negative" if farther < 0 else "positive"
    return (
        f"The signs are different, so subtract the sizes: ${big} - {small} = {big - small}$. "
        f"The number farther from zero is ${farther}$, so the answer is {sign}: "
        f"${a} + {signed(b)} = {total}$."
    )


@family("adding_integers")
def adding_integers(rng: np.random.Generator) -> Variant:
    """Add two integers, at least one of them negative, with the sign rules."""
    big, small = sorted((draw(rng, 1, 20), draw(rng, 1, 20)), reverse=True)
    pattern = draw(rng, 0, 2)  # negative + positive, positive + negative, both negative
    if pattern == 2:
        a, b = -big, -small
        if rng.random() < 0.5:
            a, b = b, a
    else:
        a, b = (-big, small) if rng.random() < 0.5 else (-small, big)
        if pattern == 1:
            a, b = b, a
    total = a + b
    if pattern == 2:
        mistakes = {
            "lost_the_sign": (-total, LOST_SIGN),
            "subtracted_sizes": (-(big - small), SUBTRACTED_SIZES),
        }
    else:
        farther = a if abs(a) > abs(b) else b
        mistakes = {
            "added_sizes": ((big + small) * (1 if farther > 0 else -1), ADDED_SIZES),
            "wrong_sign": (-total, WRONG_SIGN_DIFFERENT),
        }
    return _variant(
        total,
        _sum_steps(a, b),
        f"Work out ${a} + {signed(b)}$. Give a whole number, with a minus sign if it is negative.",
        {"a": a, "b": b},
        **mistakes,
    )


@family("integer_temperature_change")
def integer_temperature_change(rng: np.random.Generator) -> Variant:
    """A temperature below zero rises or falls: add a positive or a negative change."""
    start = -draw(rng, 1, 15)
    size = draw(rng, 2, 20)
    rises = bool(rng.random() < 0.6)
    change = size if rises else -size
    end = start + change
    verb = "rises" if rises else "falls"
    return _variant(
        end,
        f"A {'rise' if rises else 'fall'} of ${size}$ degrees means adding ${change}$. "
        + _sum_steps(start, change)
        + f" The thermometer reads ${end}$ {plural(end, 'degree')}.",
        f"Early in the morning a thermometer reads ${start}$ degrees. Then the temperature "
        f"{verb} by ${size}$ degrees. What does the thermometer read now? Give a whole "
        "number, with a minus sign if it is below zero.",
        {"start": start, "change": change},
        wrong_direction=(
            start - change,
            f"You moved the wrong way: the temperature {verb}, so move "
            f"{'up' if rises else 'down'} the number line from the start.",
        ),
        ignored_start_sign=(
            -start + change,
            "The start is below zero: it is a negative number. Start from it, not from its size.",
        ),
    )


# ------------------------------------------------------------------------- elapsed time

HUNDRED_MINUTES = (
    "An hour has 60 minutes, not 100: count on from the start to the next o'clock, then in "
    "whole hours, then the minutes left over."
)


@family("elapsed_time_between")
def elapsed_time_between(rng: np.random.Generator) -> Variant:
    """How long from one morning time to a later one, counting on across o'clock."""
    start_h = draw(rng, 6, 9)
    end_h = draw(rng, start_h + 1, 11)
    start_m = 5 * draw(rng, 2, 11)
    end_m = 5 * draw(rng, 0, start_m // 5 - 1)  # fewer minutes than the start: regroup
    total = (60 * end_h + end_m) - (60 * start_h + start_m)
    hours, mins = divmod(total, 60)
    start, end = clock_time(start_h, start_m), clock_time(end_h, end_m)
    to_hour = 60 - start_m
    steps = [f"From {start} to {start_h + 1}:00 is ${60} - {start_m} = {to_hour}$ minutes."]
    if hours:
        steps.append(f"From {start_h + 1}:00 to {end_h}:00 is {hours} {plural(hours, 'hour')}.")
    if end_m:
        steps.append(f"From {end_h}:00 to {end} is {end_m} minutes.")
        steps.append(f"The minutes together: ${to_hour} + {end_m} = {mins}$.")
    steps.append(
        f"Altogether {hours} {plural(hours, 'hour')} and {mins} minutes: **{hours}, {mins}**."
    )
    return _variant(
        (hours, mins),
        " ".join(steps),
        f"A bus leaves at {start} in the morning and arrives at {end} the same morning. How "
        "long is the journey? Write the hours, then the minutes, separated by a comma (for "
        "exactly 2 hours write 2, 0).",
        {"start": start, "end": end},
        kind="values",
        hundred_minute_hour=((end_h - start_h - 1, end_m + 100 - start_m), HUNDRED_MINUTES),
        subtracted_smaller_minutes=(
            (end_h - start_h, start_m - end_m),
            "The end time has fewer minutes than the start, so you cannot take the minutes "
            "away digit by digit: count on from the start to the next o'clock instead.",
        ),
    )


@family("elapsed_time_end")
def elapsed_time_end(rng: np.random.Generator) -> Variant:
    """When something ends, from its start time and how long it lasts."""
    start_h = draw(rng, 1, 5)
    start_m = 5 * draw(rng, 3, 11)
    add_h = draw(rng, 0, 3)
    add_m = 5 * draw(rng, 12 - start_m // 5, 11)  # the minutes pass the next o'clock
    total_m = start_m + add_m
    end_h, end_m = start_h + add_h + 1, total_m - 60
    start = clock_time(start_h, start_m)
    length = f"{add_h} {plural(add_h, 'hour')} and {add_m} minutes" if add_h else f"{add_m} minutes"
    steps = []
    if add_h:
        later = clock_time(start_h + add_h, start_m)
        steps.append(f"{add_h} {plural(add_h, 'hour')} after {start} is {later}.")
    steps.append(
        f"{'Then the' if add_h else 'The'} minutes: ${start_m} + {add_m} = {total_m}$, "
        "which is an hour or more: "
        f"${total_m} - 60 = {end_m}$, so the clock passes {end_h}:00 and shows "
        f"{clock_time(end_h, end_m)}: **{end_h}, {end_m}**."
    )
    return _variant(
        (end_h, end_m),
        " ".join(steps),
        f"A film starts at {start} in the afternoon and lasts {length}. At what time does "
        "it end? Write the hour, then the minutes, separated by a comma (for 12:05 write "
        "12, 5).",
        {"start": start, "hours": add_h, "minutes": add_m},
        kind="values",
        minutes_past_sixty=(
            (start_h + add_h, total_m),
            "A clock never shows 60 minutes or more: every 60 minutes make one more hour.",
        ),
    )


# ----------------------------------------------------------- number patterns and rules


def _ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``..."""
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def _pattern(start: int, step: int, count: int) -> list[int]:
    """The first ``count`` numbers of "start at ``start`` and add ``step``"."""
    return [start + i * step for i in range(count)]


@family("pattern_term_at_position")
def pattern_term_at_position(rng: np.random.Generator) -> Variant:
    """The number at a far position of an add-the-same-each-time pattern."""
    start, step = draw(rng, 1, 12), draw(rng, 2, 9)
    position = draw(rng, 6, 15)
    shown = ", ".join(str(n) for n in _pattern(start, step, 4))
    jumps = position - 1
    value = start + jumps * step
    return _variant(
        value,
        f"Each jump adds {step}. From the 1st number to the {_ordinal(position)} there are "
        f"${position} - 1 = {jumps}$ jumps, so the {_ordinal(position)} number is "
        f"${start} + {jumps} \\times {step} = {value}$.",
        f"A pattern starts ${shown}, \\dots$ and keeps adding the same number. What is "
        f"the {_ordinal(position)} number in the pattern? Give a whole number.",
        {"start": start, "step": step, "position": position},
        one_jump_too_many=(
            start + position * step,
            "Count the jumps again: the 1st number needs no jump at all, so to reach a "
            "number you jump one time fewer than its position.",
        ),
        forgot_the_start=(
            jumps * step,
            "You counted the jumps but left out where the pattern starts: add the jumps to "
            "the first number.",
        ),
    )


@family("pattern_next_number")
def pattern_next_number(rng: np.random.Generator) -> Variant:
    """Find the rule of a growing or shrinking pattern and give its next number."""
    step = draw(rng, 2, 11)
    grows = bool(rng.random() < 0.6)
    if grows:
        start = draw(rng, 1, 30)
    else:
        start = draw(rng, 5 * step + 1, 99)  # the next number is still above zero
        step = -step
    terms = _pattern(start, step, 5)
    last, value = terms[-1], terms[-1] + step
    size = abs(step)
    mistakes = {
        "added_the_first_number": (
            last + start,
            "The rule is the jump from one number to the next, not the first number: find "
            "the difference between two neighbours.",
        )
    }
    if not grows:
        mistakes["went_up"] = (
            last + size,
            "This pattern goes down, so each step takes the jump away.",
        )
    verb = f"add {size}" if grows else f"take away {size}"
    if grows:
        jumps = f"The jumps are all ${terms[1]} - {terms[0]} = {step}$"
    else:
        jumps = f"The jumps are all ${terms[0]} - {terms[1]} = {size}$ downwards"
    return _variant(
        value,
        f'{jumps}, so the rule is "start at {start} and {verb}". The next number is '
        f"${last} {'+' if grows else '-'} {size} = {value}$.",
        f"What is the next number in the pattern ${', '.join(map(str, terms))}, \\dots$? "
        "Give a whole number.",
        {"terms": terms},
        **mistakes,
    )


# ---------------------------------------------------------------------------- perimeter

UNITS = (("cm", "centimetres"), ("m", "metres"))
FOUND_AREA = (
    "That is the area, the squares inside the shape. The perimeter is the distance around "
    "its edge: add the lengths of all the sides."
)


def _rectangle(
    rng: np.random.Generator, longest: int, *, square: bool = True
) -> tuple[int, int, str, str]:
    """A length up to ``longest``, a width no longer than it (shorter unless ``square``),
    and a unit (short, name)."""
    length = draw(rng, 3, longest)
    width = draw(rng, 2, length if square else length - 1)
    short, name = UNITS[draw(rng, 0, 1)]
    return length, width, short, name


@family("rectangle_perimeter")
def rectangle_perimeter(rng: np.random.Generator) -> Variant:
    """The perimeter of a rectangle from its length and width."""
    length, width, short, name = _rectangle(rng, 20)
    thing = "garden" if short == "m" else "photo"
    value = 2 * length + 2 * width
    return _variant(
        value,
        f"Go all the way round: ${length} + {width} + {length} + {width} = {value}$, or "
        f"${2} \\times {length} + {2} \\times {width} = {value}$. The perimeter is {value} "
        f"{short}.",
        f"A {'square' if length == width else 'rectangular'} {thing} is {length} {short} "
        f"long and {width} {short} wide. What is its perimeter? Give the number of {name}.",
        {"length": length, "width": width, "unit": short},
        found_area=(length * width, FOUND_AREA),
        added_two_sides=(
            length + width,
            "A rectangle has four sides, two long and two short: trace the whole edge and "
            "add every side.",
        ),
    )


@family("rectangle_missing_side")
def rectangle_missing_side(rng: np.random.Generator) -> Variant:
    """The width of a rectangle from its perimeter and its length."""
    length, width, short, name = _rectangle(rng, 20, square=False)
    perimeter = 2 * length + 2 * width
    rest = perimeter - 2 * length
    return _variant(
        width,
        f"The two lengths use ${2} \\times {length} = {2 * length}$ {short}, which leaves "
        f"${perimeter} - {2 * length} = {rest}$ {short} for the two widths. One width is "
        f"${rest} \\div 2 = {width}$ {short}.",
        f"A rectangle has a perimeter of {perimeter} {short}. It is {length} {short} long. "
        f"How wide is it? Give the number of {name}.",
        {"perimeter": perimeter, "length": length, "unit": short},
        forgot_to_halve=(
            rest,
            "A rectangle has two widths of the same length: what the lengths leave of the "
            "perimeter is shared between both of them.",
        ),
        took_one_length=(
            perimeter - length,
            "The perimeter goes past the length twice, so take away two lengths, not one.",
        ),
    )


# ------------------------------------------------------ repeated addition, multiplication

ADDED_FACTORS = (
    "Times is not plus: it means that many groups of the other number. Add the group "
    "size once for every group."
)
THINGS = (
    ("plates", "strawberries", "on each plate"),
    ("boxes", "crayons", "in each box"),
    ("vases", "flowers", "in each vase"),
    ("bags", "marbles", "in each bag"),
    ("packs", "stickers", "in each pack"),
)


@family("equal_groups_total")
def equal_groups_total(rng: np.random.Generator) -> Variant:
    """How many altogether in equal groups, by repeated addition and as a product."""
    groups, size = draw(rng, 2, 6), draw(rng, 2, 10)
    holders, items, holder = pick(rng, THINGS)
    value = groups * size
    repeated = " + ".join([str(size)] * groups)
    return _variant(
        value,
        f"There are {groups} groups of {size}: ${repeated} = {value}$, which is "
        f"${groups} \\times {size} = {value}$.",
        f"There are {groups} {holders} with {size} {items} {holder}. How many "
        f"{items} are there altogether? Give a whole number.",
        {"groups": groups, "size": size},
        added_the_two_numbers=(groups + size, ADDED_FACTORS),
    )


@family("repeated_addition_as_product")
def repeated_addition_as_product(rng: np.random.Generator) -> Variant:
    """Write a repeated addition as groups times group size."""
    groups, size = draw(rng, 3, 9), draw(rng, 2, 9)
    repeated = " + ".join([str(size)] * groups)
    return _variant(
        (groups, size),
        f"Count the numbers being added: there are {groups} of them, and each one is "
        f"{size}. So ${repeated} = {groups} \\times {size} = {groups * size}$: "
        f"**{groups}, {size}**.",
        f"Write ${repeated}$ as a times sum, groups $\\times$ size. How many groups are "
        "there, and how many are in each group? Write the two numbers separated by a "
        "comma, groups first.",
        {"groups": groups, "size": size},
        kind="values",
        counted_plus_signs=(
            (groups - 1, size),
            "You counted the plus signs. Count the numbers that are added instead: each "
            "number is one group.",
        ),
    )


@family("multiplication_fact")
def multiplication_fact(rng: np.random.Generator) -> Variant:
    """A multiplication fact within 100, built from a nearby fact."""
    a, b = draw(rng, 3, 9), draw(rng, 3, 9)
    value = a * b
    turned = f"Turned around, ${a} \\times {b}$ is ${b} \\times {a}$, {b} groups of {a}."
    if b > 5:
        solution = (
            f"{turned} Build it from fives: ${a} \\times 5 = {a * 5}$, and {b - 5} more "
            f"{plural(b - 5, 'group')} of {a} {'is' if b == 6 else 'are'} "
            f"${a} \\times {b - 5} = {a * (b - 5)}$. So "
            f"${a} \\times {b} = {a * 5} + {a * (b - 5)} = {value}$."
        )
    else:
        repeated = " + ".join([str(a)] * b)
        solution = f"{turned} ${a} \\times {b} = {repeated} = {value}$."
    return _variant(
        value,
        solution,
        f"What is ${a} \\times {b}$? Give a whole number.",
        {"a": a, "b": b},
        added=(a + b, ADDED_FACTORS),
        one_group_short=(
            a * (b - 1),
            "That is a neighbouring fact. Count the groups again, and check it against a "
            "fact you are sure of, such as the five times table.",
        ),
        one_group_too_many=(
            a * (b + 1),
            "That is a neighbouring fact. Count the groups again, and check it against a "
            "fact you are sure of, such as the five times table.",
        ),
    )


@family("multiplication_missing_factor")
def multiplication_missing_factor(rng: np.random.Generator) -> Variant:
    """The missing number in a multiplication fact, by counting in the known factor."""
    a, b = draw(rng, 2, 9), draw(rng, 3, 9)
    product = a * b
    counted = ", ".join(str(a * k) for k in range(1, b + 1))
    return _variant(
        b,
        f"Count in {a}s up to {product}: {counted}. That is {b} jumps, so "
        f"${a} \\times {b} = {product}$.",
        f"What number goes in the box? $${a} \\times \\square = {product}$$ Give a whole number.",
        {"a": a, "product": product},
        subtracted=(
            product - a,
            "The box holds how many groups of the first number make the total, not what is "
            "left after taking it away once. Count up in that number until you reach the "
            "total.",
        ),
    )


# ------------------------------------------------------------------- area of rectangles


@family("rectangle_area")
def rectangle_area(rng: np.random.Generator) -> Variant:
    """The area of a rectangle from its length and width."""
    length, width, short, name = _rectangle(rng, 12)
    value = length * width
    shape = "square" if length == width else "rectangle"
    return _variant(
        value,
        f"There are {width} rows of {length} unit squares, so the area is "
        f"${length} \\times {width} = {value}$ square {name}.",
        f"A {shape} is {length} {short} long and {width} {short} wide. What is its area? "
        f"Give the number of square {name}.",
        {"length": length, "width": width, "unit": short},
        found_perimeter=(
            2 * length + 2 * width,
            "That is the perimeter, the distance around the edge. Area counts the squares "
            "that cover the inside: rows times squares in each row.",
        ),
        added_the_sides=(
            length + width,
            "Adding the length and the width does not count the squares inside. Area is "
            "length times width.",
        ),
    )


@family("rectangle_side_from_area")
def rectangle_side_from_area(rng: np.random.Generator) -> Variant:
    """The width of a rectangle from its area and its length."""
    length, width, short, name = _rectangle(rng, 10, square=False)
    area = length * width
    return _variant(
        width,
        f"The area is the length times the width: ${length} \\times ? = {area}$. Since "
        f"${length} \\times {width} = {area}$, the width is ${area} \\div {length} = "
        f"{width}$ {short}.",
        f"A rectangle has an area of {area} square {name} and a length of {length} {short}. "
        f"How wide is it? Give the number of {name}.",
        {"area": area, "length": length, "unit": short},
        subtracted_the_length=(
            area - length,
            "Area is length times width, so undo the times: ask how many times the length "
            "goes into the area.",
        ),
    )


# ------------------------------------------------------- associative property (times)

# Pairs whose product is a whole number of tens.
TEN_PAIRS = ((2, 5), (4, 5), (5, 6), (5, 8), (2, 50), (4, 25))


@family("associative_make_a_ten")
def associative_make_a_ten(rng: np.random.Generator) -> Variant:
    """Three factors, regrouped so that two of them make a multiple of ten."""
    a, b = pick(rng, TEN_PAIRS)
    if rng.random() < 0.5:
        a, b = b, a
    c = draw(rng, 3, 9)
    pair, value = a * b, a * b * c
    return _variant(
        value,
        f"Multiply the {a} and the {b} first, since they make a whole number of tens: "
        f"$({a} \\times {b}) \\times {c} = {pair} \\times {c} = {value}$. The grouping "
        "does not change the product.",
        f"Find ${a} \\times {c} \\times {b}$. Choose which two numbers to multiply first. "
        "Give a whole number.",
        {"factors": [a, c, b]},
        added_the_third=(
            pair + c,
            "Every sign here is a times sign: after multiplying two of the numbers, multiply "
            "by the third one too, do not add it.",
        ),
        used_a_number_twice=(
            pair * c * b,
            "You multiplied one number in twice. When you regroup, each number is used "
            "exactly once.",
        ),
    )


@family("associative_same_product")
def associative_same_product(rng: np.random.Generator) -> Variant:
    """Which regrouping of a product of three numbers keeps its value."""
    # b of 3 or more: (a + b) x c never equals the product (2 + 2 = 2 x 2 would)
    a, b, c = draw(rng, 2, 9), draw(rng, 3, 9), draw(rng, 2, 9)
    choices = {
        "same": f"${a} \\times ({b} \\times {c})$",
        "changed_the_operation": f"$({a} + {b}) \\times {c}$",
        "used_a_number_twice": f"$({a} \\times {c}) \\times ({b} \\times {c})$",
    }
    options, keys = shuffle_choices(rng, choices)
    product = a * b * c
    return choice_variant(
        prompt=f"Which of these is equal to $({a} \\times {b}) \\times {c}$?",
        params={"factors": [a, b, c]},
        options=options,
        right=keys["same"],
        solution=(
            f"Regrouping a product does not change it: $({a} \\times {b}) \\times {c} = "
            f"{a * b} \\times {c} = {product}$ and "
            f"${a} \\times ({b} \\times {c}) = {a} \\times {b * c} = {product}$. "
            f"The answer is **{keys['same']}**. Option "
            f"{keys['changed_the_operation']} adds instead of multiplying, and option "
            f"{keys['used_a_number_twice']} multiplies by {c} twice."
        ),
        mistakes={
            "changed_the_operation": (
                keys["changed_the_operation"],
                "That option adds two of the numbers. Regrouping may move the brackets, but "
                "every sign must stay a times sign.",
            ),
            "used_a_number_twice": (
                keys["used_a_number_twice"],
                "That option uses one number twice. Regrouping moves the brackets; each "
                "number still appears exactly once.",
            ),
        },
    )


# --------------------------------------------------------- converting measurement units

# (big unit, small unit, small units in one big unit, the number often used by mistake)
CONVERSIONS = (
    ("feet", "inches", 12, 10),
    ("yards", "feet", 3, 12),
    ("metres", "centimetres", 100, 1000),
    ("centimetres", "millimetres", 10, 100),
    ("kilograms", "grams", 1000, 100),
    ("litres", "millilitres", 1000, 100),
    ("hours", "minutes", 60, 100),
    ("minutes", "seconds", 60, 100),
)


def _one(unit: str) -> str:
    """The singular of a unit: ``feet`` → ``foot``, ``inches`` → ``inch``."""
    return {"feet": "foot", "inches": "inch"}.get(unit, unit[:-1])


def _wrong_factor(big: str, small: str) -> str:
    return (
        f"That uses the wrong number of {small} in one {_one(big)}. Look it up in a "
        "conversion table before you multiply or divide."
    )


@family("convert_to_smaller_unit")
def convert_to_smaller_unit(rng: np.random.Generator) -> Variant:
    """A measure in a big unit written in a smaller unit: multiply."""
    big, small, factor, wrong = pick(rng, CONVERSIONS)
    amount = draw(rng, 2, 9)
    value = amount * factor
    return _variant(
        value,
        f"One {_one(big)} is {factor} {small}, and {small} are smaller, so multiply: "
        f"${amount} \\times {factor} = {value}$. So {amount} {big} is {value} {small}.",
        f"How many {small} are in {amount} {big}? Give a whole number.",
        {"amount": amount, "from": big, "to": small},
        used_the_wrong_number=(amount * wrong, _wrong_factor(big, small)),
        added_instead=(
            amount + factor,
            f"Each {_one(big)} is a whole group of {small}: multiply by the number in one "
            f"{_one(big)}, do not add it.",
        ),
    )


@family("convert_to_larger_unit")
def convert_to_larger_unit(rng: np.random.Generator) -> Variant:
    """A measure in a small unit written in a bigger unit: divide."""
    big, small, factor, _ = pick(rng, CONVERSIONS)
    value = draw(rng, 2, 9)
    amount = value * factor
    return _variant(
        value,
        f"One {_one(big)} is {factor} {small}. {big.capitalize()} are bigger, so there are "
        f"fewer of them: divide, ${amount} \\div {factor} = {value}$. So {amount} {small} "
        f"is {value} {big}.",
        f"How many {big} are in {amount} {small}? Give a whole number.",
        {"amount": amount, "from": small, "to": big},
        multiplied_instead=(
            amount * factor,
            f"Changing to a bigger unit gives a smaller number: divide by the number of "
            f"{small} in one {_one(big)}.",
        ),
    )


# ------------------------------------------------------------------ distributive property


@family("distributive_tens_and_ones")
def distributive_tens_and_ones(rng: np.random.Generator) -> Variant:
    """A one-digit number times a teen or twenties number, split into tens and ones."""
    a = draw(rng, 3, 9)
    tens, ones = 10 * draw(rng, 1, 2), draw(rng, 1, 9)
    b = tens + ones
    value = a * b
    return _variant(
        value,
        f"Split {b} into ${tens} + {ones}$ and multiply each part by {a}: "
        f"${a} \\times {b} = {a} \\times {tens} + {a} \\times {ones} = {a * tens} + "
        f"{a * ones} = {value}$.",
        f"Work out ${a} \\times {b}$ by splitting {b} into tens and ones. Give a whole number.",
        {"a": a, "b": b},
        multiplied_only_the_tens=(
            a * tens + ones,
            "Every part must be multiplied: you multiplied the tens but only added the ones.",
        ),
        added_the_parts=(
            a + b,
            "Multiply each part by the single number and add the two products.",
        ),
    )


@family("distributive_missing_number")
def distributive_missing_number(rng: np.random.Generator) -> Variant:
    """The missing number when a product is split into two products."""
    a = draw(rng, 3, 9)
    first = draw(rng, 2, 10)
    second = draw(rng, 2, 9)
    b = first + second
    return _variant(
        second,
        f"The {b} is split into ${first} + {second}$, so the box holds {second}: "
        f"${a} \\times {b} = {a} \\times {first} + {a} \\times {second} = {a * first} + "
        f"{a * second} = {a * b}$.",
        f"What number goes in the box? $${a} \\times {b} = {a} \\times {first} + {a} "
        "\\times \\square$$ Give a whole number.",
        {"a": a, "b": b, "first": first},
        wrote_the_product=(
            a * second,
            "The box stands for the part of the number that is multiplied, not for the "
            "product of that part: the two parts must add up to the number being split.",
        ),
    )


# ------------------------------------------------------------ division as equal sharing

SHARED = (
    ("counters", "friends"),
    ("grapes", "plates"),
    ("pencils", "tables"),
    ("stickers", "children"),
    ("cards", "players"),
)


@family("share_equally")
def share_equally(rng: np.random.Generator) -> Variant:
    """How many each gets when a collection is dealt out fairly."""
    sharers, each = draw(rng, 2, 6), draw(rng, 2, 9)
    things, people = pick(rng, SHARED)
    total = sharers * each
    rounds = " + ".join([str(sharers)] * each)
    return _variant(
        each,
        f"Deal the {things} one at a time to the {sharers} {people}. Each round uses "
        f"{sharers}, and after {each} rounds all of them are used: ${rounds} = {total}$. "
        f"So each gets {each}, and ${total} \\div {sharers} = {each}$. Check: "
        f"${sharers} \\times {each} = {total}$.",
        f"{total} {things} are shared fairly among {sharers} {people}, so that each gets "
        "the same number and none are left over. How many does each get? Give a whole "
        "number.",
        {"total": total, "sharers": sharers},
        gave_the_number_of_sharers=(
            sharers,
            f"That is how many {people} there are. The question asks how many {things} "
            "one of them gets: count one share.",
        ),
        took_away_the_sharers=(
            total - sharers,
            f"Giving one to each of the {people} only uses up one round. Keep dealing "
            "until none are left, then count one share.",
        ),
    )


@family("shares_put_back_together")
def shares_put_back_together(rng: np.random.Generator) -> Variant:
    """The whole collection from the equal shares it was dealt into."""
    sharers, each = draw(rng, 2, 6), draw(rng, 2, 9)
    things, people = pick(rng, SHARED)
    total = sharers * each
    shares = " + ".join([str(each)] * sharers)
    return _variant(
        total,
        f"Put the {sharers} shares of {each} back together: ${shares} = {total}$, which "
        f"is ${sharers} \\times {each} = {total}$.",
        f"Some {things} were shared fairly among {sharers} {people}, with none left over. "
        f"Each got {each}. How many {things} were there before sharing? Give a whole "
        "number.",
        {"sharers": sharers, "each": each},
        added_the_two_numbers=(
            sharers + each,
            f"Each of the {people} got that many: add one share for every one of them, or "
            "multiply.",
        ),
    )


# --------------------------------------------------------------- division as grouping

GROUPED = (
    ("apples", "bags"),
    ("eggs", "boxes"),
    ("children", "teams"),
    ("flowers", "bunches"),
    ("books", "piles"),
)


@family("how_many_groups")
def how_many_groups(rng: np.random.Generator) -> Variant:
    """How many groups of a given size can be made from a total (measurement division)."""
    size, groups = draw(rng, 2, 9), draw(rng, 3, 9)
    things, holders = pick(rng, GROUPED)
    total = size * groups
    counted = ", ".join(str(size * k) for k in range(1, groups + 1))
    return _variant(
        groups,
        f"Count in {size}s up to {total}: {counted}. That is {groups} jumps, so "
        f"{groups} {holders}: ${total} \\div {size} = {groups}$. Check: "
        f"${groups} \\times {size} = {total}$.",
        f"There are {total} {things}. They are put into {holders} of {size}. How many "
        f"{holders} are there? Give a whole number.",
        {"total": total, "size": size},
        stopped_after_one_group=(
            total - size,
            "That is what is left after taking away one group. Keep taking groups away "
            "until none are left, and count the groups.",
        ),
        gave_the_group_size=(
            size,
            f"That is how many go in each of the {holders}. The question asks how many "
            f"{holders} there are.",
        ),
    )


@family("sharing_or_grouping")
def sharing_or_grouping(rng: np.random.Generator) -> Variant:
    """Whether a division story asks for the size of a share or the number of groups."""
    size, groups = draw(rng, 2, 9), draw(rng, 3, 9)
    things, holders = pick(rng, GROUPED)
    total = size * groups
    sharing = bool(rng.random() < 0.5)
    if sharing:
        story = f"{total} {things} are shared equally among {groups} {holders}."
        reason = (
            f"The number of {holders} ({groups}) is known and the story asks how many go "
            "in each: sharing."
        )
    else:
        story = f"{total} {things} are put into {holders} of {size}."
        reason = (
            f"The size of each group ({size}) is known and the story asks how many groups: "
            "grouping."
        )
    right, wrong = ("A", "B") if sharing else ("B", "A")
    return choice_variant(
        prompt=f"{story} What does the story ask you to find?",
        params={"total": total, "sharing": sharing, "known": groups if sharing else size},
        options={
            "A": f"How many {things} go in each of the {holders} (sharing)",
            "B": f"How many {holders} there are (grouping)",
        },
        right=right,
        solution=f"{reason} The answer is **{right}**. The division is ${total} \\div "
        f"{groups if sharing else size} = {size if sharing else groups}$.",
        mistakes={
            "mixed_up_sharing_and_grouping": (
                wrong,
                "Look at which number the story gives you: the number of groups means "
                "sharing, the size of each group means grouping.",
            )
        },
    )


# ------------------------------------------------------- fundamental counting principle

STAGES = (
    ("A clothes shop", ("shirts", "pairs of trousers", "hats")),
    ("A café", ("starters", "main courses", "desserts")),
    ("A sandwich bar", ("kinds of bread", "fillings", "sauces")),
    ("A T-shirt printer", ("colours", "sizes", "patterns")),
)
ADDED_STAGES = (
    "Adding counts the ways to make just one of the choices. Every stage is made, one after "
    "another, so multiply the numbers of options."
)


def _product_tex(factors: list[int]) -> str:
    return " \\times ".join(str(f) for f in factors)


@family("counting_stages")
def counting_stages(rng: np.random.Generator) -> Variant:
    """Independent choices made one after another: multiply the numbers of options."""
    place, names = pick(rng, STAGES)
    stages = draw(rng, 2, 3)
    counts = [draw(rng, 2, 9) for _ in range(stages)]
    value = int(np.prod(counts))
    listed = ", ".join(f"{c} {n}" for c, n in zip(counts, names, strict=False))
    return _variant(
        value,
        f"Each of the {stages} choices is made, and the options at each stage do not "
        f"depend on the earlier ones, so multiply: ${_product_tex(counts)} = {value}$.",
        f"{place} lets you pick one from each of: {listed}. How many different combinations "
        "can be made? Give a whole number.",
        {"counts": counts},
        added=(sum(counts), ADDED_STAGES),
    )


@family("counting_strings")
def counting_strings(rng: np.random.Generator) -> Variant:
    """Strings of a given length over an alphabet: the size to the power of the length."""
    kind = draw(rng, 0, 2)
    if kind == 0:
        size, length = 2, draw(rng, 3, 10)
        what = f"strings of {length} bits (each bit is 0 or 1)"
    elif kind == 1:
        size, length = 10, draw(rng, 2, 5)
        what = f"codes of {length} digits (each digit 0 to 9, repeats allowed)"
    else:
        size, length = draw(rng, 3, 6), draw(rng, 2, 4)
        what = (
            f"words of {length} letters made from the first {size} letters of the "
            "alphabet (repeats allowed)"
        )
    value = size**length
    return _variant(
        value,
        f"Each of the {length} places can be filled in {size} ways, whatever is in the "
        f"others: ${_product_tex([size] * length)} = {size}^{{{length}}} = {value}$.",
        f"How many different {what} are there? Give a whole number.",
        {"size": size, "length": length},
        multiplied_size_by_length=(
            size * length,
            "Each place multiplies the count again: multiply the number of options once "
            "for every place, not the options by the number of places.",
        ),
        power_the_wrong_way=(
            length**size,
            "The number of options is the base and the number of places is the power.",
        ),
    )


# (setting, who, one of them, how a role is given, the roles in order, what is shared out,
# the rule that forbids repeats)
ROLES = (
    ("a raffle", "people", "person", "wins", ("first prize", "second prize", "third prize"),
     "the prizes", "nobody can win twice"),
    ("a race", "runners", "runner", "wins", ("gold", "silver", "bronze"), "the medals",
     "nobody can win two medals"),
    ("a club", "members", "member", "is chosen as", ("captain", "secretary", "treasurer"),
     "the jobs", "nobody can hold two jobs"),
)  # fmt: skip


@family("counting_without_repeats")
def counting_without_repeats(rng: np.random.Generator) -> Variant:
    """Ordered choices where each option can be used only once."""
    setting, who, one, verb, all_roles, shared, rule = pick(rng, ROLES)
    people = draw(rng, 5, 12)
    places = draw(rng, 2, 3)
    roles = all_roles[:places]
    factors = [people - i for i in range(places)]
    value = int(np.prod(factors))
    return _variant(
        value,
        f"There are {people} choices for {roles[0]}; whoever it is, {people - 1} "
        f"{who} are left for {roles[1]}"
        + (f", then {people - 2} for {roles[2]}" if places == 3 else "")
        + f". So ${_product_tex(factors)} = {value}$.",
        f"In {setting} with {people} {who}, one {one} {verb} {roles[0]}"
        + (f", one {roles[1]} and one {roles[2]}" if places == 3 else f" and one {roles[1]}")
        + f", and {rule}. In how many different ways can {shared} go? Give a whole number.",
        {"people": people, "places": places, "setting": setting},
        allowed_repeats=(
            people**places,
            f"In this story {rule}, so each stage has one fewer to choose from than the "
            "stage before it.",
        ),
        added=(sum(factors), ADDED_STAGES),
    )


# -------------------------------------------------------------------- input-output tables


def _rule_text(times: int, plus: int) -> str:
    step = f"add {plus}" if plus > 0 else f"take away {-plus}"
    return f"multiply by {times}, then {step}"


def _rule_tex(n: int | str, times: int, plus: int) -> str:
    return f"{n} \\times {times} {'+' if plus > 0 else '-'} {abs(plus)}"


def _rule_table(inputs: list[int], times: int, plus: int) -> str:
    cells = " | ".join(str(n) for n in inputs)
    outs = " | ".join(str(n * times + plus) for n in inputs)
    rule = "|---|" + "---|" * len(inputs)
    return f"| input | {cells} |\n{rule}\n| output | {outs} |"


def _draw_rule(rng: np.random.Generator) -> tuple[int, int]:
    times = draw(rng, 2, 6)
    if rng.random() < 0.7:
        return times, draw(rng, 1, 9)
    return times, -draw(rng, 1, times - 1)  # every output of an input from 1 up is positive


def _rule_and_input(rng: np.random.Generator, low: int) -> tuple[int, int, int, int]:
    """A drawn rule (times, plus), a new input from ``low`` to 12 and its output."""
    times, plus = _draw_rule(rng)
    new = draw(rng, low, 12)
    return times, plus, new, new * times + plus


@family("io_table_output")
def io_table_output(rng: np.random.Generator) -> Variant:
    """The output of a two-step rule for a new input."""
    times, plus, new, value = _rule_and_input(rng, 6)
    inputs = [1, 2, 3, 4]
    return _variant(
        value,
        f'The rule is "{_rule_text(times, plus)}". For {new}: '
        f"${_rule_tex(new, times, plus)} = {value}$.",
        f'A machine follows the rule "{_rule_text(times, plus)}".\n\n'
        f"{_rule_table(inputs, times, plus)}\n\nWhat is the output for the input {new}? "
        "Give a whole number.",
        {"times": times, "plus": plus, "input": new},
        steps_in_the_wrong_order=(
            (new + plus) * times,
            "The order of the steps matters: multiply first, then add or take away.",
        ),
        only_the_first_step=(
            new * times,
            "The rule has two steps: after multiplying, do the second step too.",
        ),
    )


@family("io_table_input")
def io_table_input(rng: np.random.Generator) -> Variant:
    """The input that gives an output, by undoing a two-step rule in reverse order."""
    times, plus = _draw_rule(rng)
    value = draw(rng, 3, 12)
    output = value * times + plus
    undone = output - plus
    undo = f"{output} - {plus}" if plus > 0 else f"{output} + {-plus}"
    return _variant(
        value,
        f"Undo the steps in reverse order. Undo the last step: ${undo} = {undone}$. Undo "
        f"the multiplying: ${undone} \\div {times} = {value}$. Check: "
        f"${_rule_tex(value, times, plus)} = {output}$.",
        f'A machine follows the rule "{_rule_text(times, plus)}". Which input gives the '
        f"output {output}? Give a whole number.",
        {"times": times, "plus": plus, "output": output},
        forgot_to_divide=(
            undone,
            "That undoes only the last step. The rule multiplied first, so undo that too.",
        ),
        ran_the_rule_forwards=(
            output * times + plus,
            "That puts the output through the machine again. Work backwards: undo the last "
            "step first, then undo the multiplying.",
        ),
    )


@family("io_table_find_the_rule")
def io_table_find_the_rule(rng: np.random.Generator) -> Variant:
    """The output for a new input of a table whose two-step rule is not given."""
    times, plus, new, value = _rule_and_input(rng, 7)
    inputs = [2, 3, 4, 5]
    first, last = inputs[0] * times + plus, inputs[-1] * times + plus
    added = f"add {plus}" if plus > 0 else f"take away {-plus}"
    return _variant(
        value,
        f"When the input goes up by 1, the output goes up by {times}, so the rule multiplies "
        f"by {times}. But ${inputs[0]} \\times {times} = {inputs[0] * times}$, not {first}, "
        f'so the rule must also {added}: "{_rule_text(times, plus)}". Check it on the last '
        f"pair: ${_rule_tex(inputs[-1], times, plus)} = {last}$. For {new}: "
        f"${_rule_tex(new, times, plus)} = {value}$.",
        f"A machine follows a rule of two steps, multiply and then add or take away.\n\n"
        f"{_rule_table(inputs, times, plus)}\n\nFind the rule. What is the output for the "
        f"input {new}? Give a whole number.",
        {"times": times, "plus": plus, "input": new},
        rule_from_one_pair=(
            new + first - inputs[0],
            "A rule must work for every pair, not only the first one: check your rule on "
            "another pair of the table before you use it.",
        ),
        next_output_in_the_table=(
            last + times,
            f"That is the output that comes next in the table, for the input "
            f"{inputs[-1] + 1}. Find the rule that turns each input into its output, then "
            f"use it on {new}.",
        ),
    )


# ------------------------------------------------- graphing points in the first quadrant

PLACES = ("the well", "the old tree", "the gate", "the big rock", "the pond")


def _pair(x: int, y: int) -> str:
    return f"$({x}, {y})$"


@family("point_after_a_move")
def point_after_a_move(rng: np.random.Generator) -> Variant:
    """The ordered pair of a point reached by moving across and up from a plotted point."""
    x, y = draw(rng, 0, 8), draw(rng, 0, 8)
    right, up = draw(rng, 1, 7), draw(rng, 1, 7)
    place = pick(rng, PLACES)
    value = (x + right, y + up)
    return _variant(
        value,
        f"Across: ${x} + {right} = {value[0]}$. Up: ${y} + {up} = {value[1]}$. The treasure "
        f"is at {_pair(*value)}: **{value[0]}, {value[1]}**.",
        f"On a treasure map grid, {place} is at the point {_pair(x, y)}. The treasure is "
        f"{right} {plural(right, 'unit')} to the right of {place} and {up} "
        f"{plural(up, 'unit')} up from it. At which point is the treasure? Write its two "
        "numbers in order, separated by a comma.",
        {"start": [x, y], "right": right, "up": up},
        kind="values",
        swapped_the_numbers=(
            value[::-1],
            "The numbers are in the wrong order: the first number of a point is how far "
            "across, the second how far up.",
        ),
        moved_from_the_origin=(
            (right, up),
            f"That moves from the origin, not from {place}. Start at {place} and add the "
            "moves to its numbers.",
        ),
    )


@family("distance_along_a_grid_line")
def distance_along_a_grid_line(rng: np.random.Generator) -> Variant:
    """The distance between two points on the same horizontal or vertical grid line."""
    shared = draw(rng, 0, 9)
    low = draw(rng, 0, 8)
    high = draw(rng, low + 2, 12)
    across = bool(rng.random() < 0.5)
    first, second = ((low, shared), (high, shared)) if across else ((shared, low), (shared, high))
    if rng.random() < 0.5:
        first, second = second, first
    value = high - low
    same = "second" if across else "first"
    return _variant(
        value,
        f"Both points have the same {same} number, so they lie on one "
        f"{'horizontal' if across else 'vertical'} line. The distance is the difference of "
        f"the other numbers: ${high} - {low} = {value}$ units.",
        f"How far apart are the points {_pair(*first)} and {_pair(*second)}? Give the "
        "number of units.",
        {"first": list(first), "second": list(second)},
        counted_the_grid_lines=(
            value + 1,
            "You counted the grid lines, including the one you start on. Count the jumps "
            "from one line to the next instead.",
        ),
        added_the_numbers=(
            high + low,
            "The distance is how far it is from one number to the other: take the smaller "
            "away from the larger.",
        ),
    )


# --------------------------------------------- multiplication and division fact families


@family("fact_family_missing_divisor")
def fact_family_missing_divisor(rng: np.random.Generator) -> Variant:
    """The missing number of a division fact, found from a multiplication fact."""
    a, b = draw(rng, 2, 9), draw(rng, 2, 9)
    product = a * b
    return _variant(
        a,
        f"Think of the fact family: ${product} \\div \\square = {b}$ means "
        f"${b} \\times \\square = {product}$. Since ${b} \\times {a} = {product}$, the "
        f"missing number is {a}: ${product} \\div {a} = {b}$.",
        f"What number goes in the box? $${product} \\div \\square = {b}$$ Give a whole number.",
        {"product": product, "quotient": b},
        multiplied=(
            product * b,
            "Dividing makes the number smaller here. Turn the division into a "
            "multiplication of the same family: which number times the answer makes the "
            "first number?",
        ),
        subtracted=(
            product - b,
            "Division is not taking away once. Use the fact family: which number times the "
            "answer makes the first number?",
        ),
    )


@family("times_fact_family_member")
def times_fact_family_member(rng: np.random.Generator) -> Variant:
    """Which number sentence belongs to the fact family of three numbers."""
    a = draw(rng, 2, 9)
    b = draw(rng, 2, 9)
    if a == b:
        b = a + 1 if a < 9 else a - 1  # a family of four facts
    product = a * b
    right = rng.permutation([f"{product} \\div {a} = {b}", f"{product} \\div {b} = {a}"])[0]
    options, keys = shuffle_choices(
        rng,
        {
            "right": f"${right}$",
            "divided_the_smaller_number": f"${a} \\div {product} = {b}$",
            "used_adding": f"${a} + {b} = {a + b}$",
            "not_in_the_family": f"${product} \\div {a} = {b + 1}$",
        },
    )
    return choice_variant(
        prompt=f"Which number sentence belongs to the fact family of {a}, {b} and {product}?",
        params={"a": a, "b": b},
        options=options,
        right=keys["right"],
        solution=(
            f"The family is ${a} \\times {b} = {product}$, ${b} \\times {a} = {product}$, "
            f"${product} \\div {a} = {b}$ and ${product} \\div {b} = {a}$. The answer is "
            f"**{keys['right']}**."
        ),
        mistakes={
            "divided_the_smaller_number": (
                keys["divided_the_smaller_number"],
                "In a division fact of the family, the product, the biggest number, comes "
                "first: it is the one being shared.",
            ),
            "used_adding": (
                keys["used_adding"],
                "That sentence is true, but a multiplication and division family only "
                "multiplies and divides.",
            ),
            "not_in_the_family": (
                keys["not_in_the_family"],
                "Check that sentence with a multiplication: its answer times the number you "
                "divide by must give back the first number.",
            ),
        },
    )


# ------------------------------------------------------------------ inverse operations

OPERATIONS = {
    "add": ("add", "+", "-", "subtract"),
    "subtract": ("take away", "-", "+", "add"),
    "multiply": ("multiply it by", "\\times", "\\div", "divide"),
    "divide": ("divide it by", "\\div", "\\times", "multiply"),
}


@family("undo_one_step")
def undo_one_step(rng: np.random.Generator) -> Variant:
    """The starting number of a one-step "think of a number", by the inverse operation."""
    op = pick(rng, list(OPERATIONS))
    verb, sign, inverse, undo = OPERATIONS[op]
    if op == "add":
        start, n = draw(rng, 5, 60), draw(rng, 2, 30)
        result = start + n
        again = result + n
    elif op == "subtract":  # the result is more than n, so taking n away again is possible
        n = draw(rng, 2, 30)
        start = draw(rng, 2 * n + 1, 2 * n + 40)
        result = start - n
        again = result - n
    elif op == "multiply":
        n, start = draw(rng, 2, 9), draw(rng, 2, 12)
        result = start * n
        again = result * n
    else:  # the result is a multiple of n, so dividing again gives a whole number
        n = draw(rng, 2, 6)
        result = n * draw(rng, 1, 3)
        start = result * n
        again = result // n
    return _variant(
        start,
        f"Undo it with the inverse operation: ${result} {inverse} {n} = {start}$. Check: "
        f"${start} {sign} {n} = {result}$.",
        f"I think of a number and {verb} {n}. The answer is {result}. What was my number? "
        "Give a whole number.",
        {"operation": op, "n": n, "result": result},
        did_the_same_again=(
            again,
            f"Doing the same operation again takes you further away. To undo it, {undo} instead.",
        ),
    )


@family("check_with_the_inverse")
def check_with_the_inverse(rng: np.random.Generator) -> Variant:
    """Which calculation checks a subtraction or a division by undoing it."""
    if rng.random() < 0.5:
        whole, part = draw(rng, 30, 99), draw(rng, 11, 29)
        left = whole - part
        fact, op, inv = f"{whole} - {part} = {left}", "-", "+"
        choices = {
            "right": f"${left} + {part} = {whole}$",
            "added_to_the_start": f"${whole} + {part} = {whole + part}$",
            "did_the_same_again": f"${left} - {part} = {left - part}$",
        }
    else:
        part, left = draw(rng, 3, 9), draw(rng, 3, 9)
        whole = part * left
        fact, op, inv = f"{whole} \\div {part} = {left}", "\\div", "\\times"
        choices = {
            "right": f"${left} \\times {part} = {whole}$",
            "added_to_the_start": f"${whole} \\times {part} = {whole * part}$",
            "added_instead": f"${left} + {part} = {left + part}$",
        }
    options, keys = shuffle_choices(rng, choices)
    return choice_variant(
        prompt=f"Which calculation checks that ${fact}$ is right?",
        params={"whole": whole, "part": part, "operation": op},
        options=options,
        right=keys["right"],
        solution=(
            f"Undo the {'subtraction' if op == '-' else 'division'} with its inverse: "
            f"start from the answer {left} and {'add back' if op == '-' else 'multiply by'} "
            f"{part}. If you get {whole}, the fact is right: "
            f"${left} {inv} {part} = {whole}$. The answer is **{keys['right']}**."
        ),
        mistakes={
            "added_to_the_start": (
                keys["added_to_the_start"],
                "To check, start from the answer and undo the step, so that you should "
                "land back on the first number.",
            ),
            **{
                code: (keys[code], "That does not undo the step. Use the inverse operation.")
                for code in ("did_the_same_again", "added_instead")
                if code in keys
            },
        },
    )


# ------------------------------------------------------------ multiplication word problems

# (story with {groups} and {size}, what is counted, what the groups are)
STORIES = (
    ("A hall has {groups} rows of chairs with {size} chairs in each row.", "chairs", "rows"),
    ("A shop has {groups} packs of batteries, {size} in each pack.", "batteries", "packs"),
    ("A fair ticket costs {size} dollars, and a family buys {groups} tickets.", "dollars",
     "tickets"),
    ("A garden has {groups} rows of tulips, {size} tulips in every row.", "tulips", "rows"),
    ("There are {groups} spiders on a web, and a spider has {size} legs.", "legs", "spiders"),
    ("A baker fills {groups} trays with {size} rolls on each tray.", "rolls", "trays"),
)  # fmt: skip


def _story(rng: np.random.Generator) -> tuple[str, str, str, int, int]:
    """A story of equal groups: (text, counted thing, groups, number of groups, size)."""
    text, things, holders = pick(rng, STORIES)
    groups = draw(rng, 3, 9)
    size = 8 if things == "legs" else draw(rng, 3, 9)
    return text.format(groups=groups, size=size), things, holders, groups, size


@family("multiplication_story")
def multiplication_story(rng: np.random.Generator) -> Variant:
    """A one-step story of equal groups, arrays or rates: write and solve the product."""
    text, things, holders, groups, size = _story(rng)
    value = groups * size
    question = "How much do they pay" if things == "dollars" else f"How many {things} are there"
    return _variant(
        value,
        f"There are {groups} groups (the {holders}) with {size} in each. Let $n$ be the "
        f"answer: ${groups} \\times {size} = n$, and ${groups} \\times {size} = {value}$, "
        f"so $n = {value}$.",
        f"{text} {question} altogether? Give a whole number.",
        {"groups": groups, "size": size},
        added=(
            groups + size,
            "The story has equal groups, so multiply the number of groups by the number in "
            "each group.",
        ),
    )


@family("two_step_multiplication_story")
def two_step_multiplication_story(rng: np.random.Generator) -> Variant:
    """A story whose product is only the first step: some are then taken away."""
    boxes, each = draw(rng, 3, 9), draw(rng, 4, 9)
    total = boxes * each
    lost = draw(rng, 2, each - 1)
    value = total - lost
    return _variant(
        value,
        f"First the product: ${boxes} \\times {each} = {total}$ pencils. Then take away the "
        f"ones given away: ${total} - {lost} = {value}$.",
        f"A teacher has {boxes} boxes of pencils with {each} pencils in each box. She gives "
        f"away {lost} pencils. How many pencils does she have left? Give a whole number.",
        {"boxes": boxes, "each": each, "given": lost},
        stopped_after_the_product=(
            total,
            "That is how many pencils there were at first. Read to the end: some were given away.",
        ),
        added_the_groups=(
            boxes + each - lost,
            "The boxes hold equal groups of pencils: multiply to find how many there were "
            "before taking any away.",
        ),
    )


# -------------------------------------------------------------- multiplicative comparison

PAIRS = (("Sam", "Ana", "stickers"), ("Leo", "Mia", "shells"), ("Kai", "Zoe", "marbles"))


@family("times_as_many")
def times_as_many(rng: np.random.Generator) -> Variant:
    """The bigger amount from "k times as many" as a known amount."""
    big_name, small_name, things = pick(rng, PAIRS)
    small, times = draw(rng, 3, 12), draw(rng, 2, 8)
    value = times * small
    return _variant(
        value,
        f"{times} times as many means {times} lots of {small_name}'s amount: "
        f"${times} \\times {small} = {value}$.",
        f"{small_name} has {small} {things}. {big_name} has {times} times as many {things} "
        f"as {small_name}. How many {things} does {big_name} have? Give a whole number.",
        {"small": small, "times": times},
        added_instead=(
            small + times,
            f'"Times as many" is not "more than": {big_name} has whole copies of '
            f"{small_name}'s amount. Draw a bar for each copy.",
        ),
    )


@family("times_as_many_smaller")
def times_as_many_smaller(rng: np.random.Generator) -> Variant:
    """The smaller amount when the bigger one is "k times as many"."""
    big_name, small_name, things = pick(rng, PAIRS)
    value, times = draw(rng, 3, 12), draw(rng, 2, 8)
    big = times * value
    return _variant(
        value,
        f"{big_name}'s {big} is {times} equal bars, and {small_name} has one bar: "
        f"${big} \\div {times} = {value}$. Check: ${times} \\times {value} = {big}$.",
        f"{big_name} has {big} {things}. That is {times} times as many as {small_name} "
        f"has. How many {things} does {small_name} have? Give a whole number.",
        {"big": big, "times": times},
        multiplied_instead=(
            big * times,
            f"{small_name} has fewer {things}: {big_name}'s amount is {small_name}'s "
            "copied several times, so divide it into that many equal bars.",
        ),
        subtracted=(
            big - times,
            '"Times as many" compares by multiplying, not by adding on: divide into equal '
            "bars instead of taking away.",
        ),
    )


# (bigger thing, smaller thing, unit and its word, verb, adjective)
COMPARED = (
    ("red ribbon", "blue ribbon", "cm long", "is", "long"),
    ("big dog", "puppy", "kilograms", "weighs", "heavy"),
    ("tower", "hut", "metres tall", "is", "tall"),
)


@family("how_many_times_as_many")
def how_many_times_as_many(rng: np.random.Generator) -> Variant:
    """How many times as large one amount is as another."""
    small, value = draw(rng, 2, 10), draw(rng, 2, 9)
    big = small * value
    big_one, small_one, unit, verb, adjective = pick(rng, COMPARED)
    return _variant(
        value,
        f"Count how many times the {small_one}'s {small} fits into {big}: "
        f"${big} \\div {small} = {value}$, since ${value} \\times {small} = {big}$.",
        f"A {big_one} {verb} {big} {unit} and a {small_one} {verb} {small} {unit}. How many "
        f"times as {adjective} as the {small_one} is the {big_one}? Give a whole number.",
        {"big": big, "small": small},
        subtracted=(
            big - small,
            "That is how much bigger it is, a difference. The question asks how many times "
            "the smaller amount fits into the bigger one: divide.",
        ),
    )


# ------------------------------------------------------- multiplying by multiples of 10


def _zeros(k: int) -> int:
    return 10**k


@family("times_a_multiple_of_ten")
def times_a_multiple_of_ten(rng: np.random.Generator) -> Variant:
    """A one-digit number times a multiple of 10 or 100, from a basic fact."""
    a, b = draw(rng, 2, 9), draw(rng, 2, 9)
    k = 1 if rng.random() < 0.65 else 2
    big = b * _zeros(k)
    fact = a * b
    value = fact * _zeros(k)
    place = "tens" if k == 1 else "hundreds"
    return _variant(
        value,
        f"${big}$ is {b} {place}, so use the fact ${a} \\times {b} = {fact}$: "
        f"${a} \\times {big} = ({a} \\times {b}) \\times {_zeros(k)} = {fact} \\times "
        f"{_zeros(k)} = {value}$.",
        f"Work out ${a} \\times {big}$. Give a whole number.",
        {"a": a, "b": b, "power": k},
        lost_a_zero=(
            value // 10,
            f"Count the zeros. Work out the fact first, then make it that many {place}: "
            "a fact that already ends in zero still gets the extra zeros.",
        ),
        extra_zero=(
            value * 10,
            f"Count the zeros: ${big}$ is {b} {place}, so the fact becomes {place} and "
            "gets no more zeros than that.",
        ),
    )


@family("tens_times_tens")
def tens_times_tens(rng: np.random.Generator) -> Variant:
    """A multiple of ten times a multiple of ten: tens times tens make hundreds."""
    a, b = draw(rng, 2, 9), draw(rng, 2, 9)
    fact = a * b
    value = fact * 100
    return _variant(
        value,
        f"$({a} \\times 10) \\times ({b} \\times 10) = ({a} \\times {b}) \\times 100 = "
        f"{fact} \\times 100 = {value}$.",
        f"Work out ${a * 10} \\times {b * 10}$. Give a whole number.",
        {"a": a, "b": b},
        only_one_ten=(
            fact * 10,
            "Both numbers are tens, and tens times tens make hundreds: multiply the fact by "
            "100, not 10.",
        ),
    )


# ------------------------------------------------------- area model, written multiplication


def _place_parts(n: int) -> list[int]:
    """``n`` split by place value, largest place first, zeros left out: 305 -> [300, 5]."""
    digits = str(n)
    return [int(d) * 10 ** (len(digits) - 1 - i) for i, d in enumerate(digits) if d != "0"]


def _draw_multi_digit(rng: np.random.Generator) -> int:
    """A two- or three-digit number with no zero digit (every part of the model shows)."""
    digits = draw(rng, 2, 3)
    return int("".join(str(draw(rng, 1, 9)) for _ in range(digits)))


@family("area_model_product")
def area_model_product(rng: np.random.Generator) -> Variant:
    """A two- or three-digit number times a one-digit number, by partial products."""
    n, m = _draw_multi_digit(rng), draw(rng, 3, 9)
    pieces = _place_parts(n)
    products = [p * m for p in pieces]
    value = n * m
    split = " + ".join(map(str, pieces))
    rows = ", ".join(f"${p} \\times {m} = {p * m}$" for p in pieces)
    return _variant(
        value,
        f"Split {n} by place value: ${split}$. The parts of the rectangle are {rows}. Add "
        f"them: ${' + '.join(map(str, products))} = {value}$.",
        f"Use an area model to work out ${n} \\times {m}$. Give a whole number.",
        {"n": n, "m": m},
        digits_as_ones=(
            sum(int(d) for d in str(n)) * m,
            "Each digit is worth its place: the tens digit stands for tens and the hundreds "
            "digit for hundreds. Label each part of the rectangle with its real value.",
        ),
        left_out_a_part=(
            value - products[-1],
            "One part of the rectangle is missing: add the partial product of every place, "
            "the ones too.",
        ),
    )


@family("area_model_part")
def area_model_part(rng: np.random.Generator) -> Variant:
    """The area of the tens part of an area model."""
    tens, ones, m = draw(rng, 2, 9), draw(rng, 1, 9), draw(rng, 3, 9)
    n = 10 * tens + ones
    value = 10 * tens * m
    return _variant(
        value,
        f"The part that is {10 * tens} wide has area ${10 * tens} \\times {m} = "
        f"({tens} \\times {m}) \\times 10 = {value}$.",
        f"An area model for ${n} \\times {m}$ splits the rectangle into a part {10 * tens} "
        f"wide and a part {ones} wide, both {m} tall. What is the area of the part that is "
        f"{10 * tens} wide? Give a whole number.",
        {"n": n, "m": m},
        used_the_digit=(
            tens * m,
            "That part is tens wide, not ones: its width is the digit times ten.",
        ),
    )


def _columns(n: int, m: int, mistake: str = "") -> int:
    """``n`` times the digit ``m`` by the written method, ones first.

    ``mistake`` "no_carry" drops every carried digit; "carry_first" adds the carried digit
    to the next digit before multiplying.
    """
    digits = [int(d) for d in reversed(str(n))]
    written, carried = [], 0
    for i, d in enumerate(digits):
        if mistake == "carry_first":
            total = (d + carried) * m
        else:
            total = d * m + (0 if mistake == "no_carry" else carried)
        if i == len(digits) - 1:
            written.append(str(total))
        else:
            written.append(str(total % 10))
            carried = total // 10
    return int("".join(reversed(written)))


@family("multiply_with_regrouping")
def multiply_with_regrouping(rng: np.random.Generator) -> Variant:
    """A two-, three- or four-digit number times a one-digit number, carrying as you go."""
    digits = draw(rng, 2, 4)
    n = int("".join(str(draw(rng, 1, 9)) for _ in range(digits)))
    m = draw(rng, 3, 9)
    value = n * m
    steps, carried = [], 0
    names = ("ones", "tens", "hundreds", "thousands")
    for i, d in enumerate(int(c) for c in reversed(str(n))):
        total = d * m + carried
        add = f" + {carried}" if carried else ""
        last = i == digits - 1
        step = f"{names[i].capitalize()}: ${d} \\times {m}{add} = {total}$"
        carried = 0 if last else total // 10
        if last or not carried:
            steps.append(f"{step}, write {total if last else total % 10}.")
        else:
            steps.append(f"{step}, write {total % 10} and carry {carried}.")
    return _variant(
        value,
        " ".join(steps) + f" So ${n} \\times {m} = {value}$.",
        f"Work out ${n} \\times {m}$. Give a whole number.",
        {"n": n, "m": m},
        forgot_to_carry=(
            _columns(n, m, "no_carry"),
            "You left out the carried digits. After multiplying a place, add the digit "
            "carried from the place before it.",
        ),
        carried_before_multiplying=(
            _columns(n, m, "carry_first"),
            "Multiply the digit first, then add the carried digit; adding it before "
            "multiplying multiplies the carry too.",
        ),
    )


@family("estimate_a_product")
def estimate_a_product(rng: np.random.Generator) -> Variant:
    """Estimate a three-digit number times a one-digit number by rounding to a hundred."""
    n = draw(rng, 112, 988)
    if n % 100 == 50:
        n += 1  # no halfway case
    m = draw(rng, 3, 9)
    rounded = int(round(n / 100)) * 100
    other = rounded + 100 if rounded < n else rounded - 100
    value = rounded * m
    return _variant(
        value,
        f"{n} is nearer to {rounded} than to {other}, so round it to {rounded}. Then "
        f"${rounded} \\times {m} = {value}$.",
        f"Estimate ${n} \\times {m}$ by rounding {n} to the nearest hundred first. Give "
        "your estimate as a whole number.",
        {"n": n, "m": m},
        rounded_the_wrong_way=(
            other * m,
            "Round to the hundred that is nearer: look at the tens digit.",
        ),
        worked_it_out_exactly=(
            n * m,
            "That is the exact product. The question asks for an estimate: round to the "
            "nearest hundred first, then multiply.",
        ),
    )
