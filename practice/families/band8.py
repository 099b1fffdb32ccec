"""Question families for band 8 of the KL plan (positions 101 to 172): square roots,
writing expressions, decimals from the number line to division, percents, dividing
fractions, rational numbers, the order of operations, and the first rules of
conditional probability.

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; each named mistake is the value that mistake gives for the
variant's own numbers.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np

from practice.families import (
    WHOLE,
    draw,
    family,
    integer_variant,
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
