"""Question families for band 7 of the KL plan (positions 132 to 153): equivalent
ratios, mixed numbers and improper fractions, fractions times whole numbers, and on
towards decimals and exponents.

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; each named mistake is the value that mistake gives for the
variant's own numbers.
"""

from __future__ import annotations

import math

import numpy as np

from practice.families import WHOLE, draw, family, integer_variant, pick, shuffled_choice_variant
from practice.questions import Variant


def _coprime_pair(rng: np.random.Generator, low: int, high: int) -> tuple[int, int]:
    """Two different whole numbers in ``low..high`` with no common factor but 1."""
    while True:
        a, b = draw(rng, low, high), draw(rng, low, high)
        if a != b and math.gcd(a, b) == 1:
            return a, b


# ------------------------------------------------------------- 132. equivalent ratios

_RATIO_THINGS = (
    ("cups of water", "cups of juice", "a drink"),
    ("cans of blue paint", "cans of yellow paint", "a paint mix"),
    ("spoons of flour", "spoons of sugar", "a cake batter"),
    ("red beads", "white beads", "a bracelet pattern"),
)


@family("equivalent_ratio_missing_term")
def equivalent_ratio_missing_term(rng: np.random.Generator) -> Variant:
    """The missing amount when a ratio a:b is scaled up so that a becomes k × a."""
    a, b = _coprime_pair(rng, 2, 9)
    k = draw(rng, 2, 9)
    first, second, what = pick(rng, _RATIO_THINGS)
    big = a * k
    value = b * k
    prompt = (
        f"{what.capitalize()} uses {a} {first} for every {b} {second}. To make a bigger "
        f"batch that is just the same, you use {big} {first}. How many {second} do you "
        f"need? {WHOLE}"
    )
    solution = (
        f"The {first} went from {a} to {big}, and ${a} \\times {k} = {big}$, so multiply "
        f"the {second} by {k} as well: ${b} \\times {k} = {value}$. The ratio "
        f"{big}:{value} is equivalent to {a}:{b}."
    )
    mistakes = {
        "added_instead_of_multiplied": (
            b + big - a,
            "You added the same amount to both parts. Equivalent ratios come from "
            "multiplying both parts by the same number: find what the first part was "
            "multiplied by.",
        ),
        "copied_the_scale_factor": (
            k,
            "That is the number the first part was multiplied by, not the amount asked "
            "for. Multiply the second part by that same number.",
        ),
    }
    params = {"a": a, "b": b, "k": k, "first": first, "second": second}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("which_ratio_is_equivalent")
def which_ratio_is_equivalent(rng: np.random.Generator) -> Variant:
    """Pick the ratio equivalent to a:b among ones made by adding, scaling one part, or
    swapping the parts."""
    a, b = _coprime_pair(rng, 2, 9)
    k = draw(rng, 2, 6)
    choices = {
        "right": f"{a * k}:{b * k}",
        "added_same_number": f"{a + k}:{b + k}",
        "scaled_one_part": f"{a * k}:{b}",
        "swapped_the_parts": f"{b * k}:{a * k}",
    }
    solution = (
        f"Multiply both parts of {a}:{b} by {k}: ${a} \\times {k} = {a * k}$ and "
        f"${b} \\times {k} = {b * k}$, which gives {a * k}:{b * k}."
    )
    messages = {
        "added_same_number": (
            "Adding the same number to both parts changes the relationship. Look for a "
            "ratio whose parts are both the original parts times one number."
        ),
        "scaled_one_part": (
            "Only the first part was multiplied there. An equivalent ratio multiplies "
            "both parts by the same number."
        ),
        "swapped_the_parts": (
            "The order of a ratio matters: the first number must still belong to the "
            "first amount. Check which part each number scales."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"Which ratio is equivalent to {a}:{b}?",
        params={"a": a, "b": b, "k": k},
        choices=choices,
        solution=solution,
        messages=messages,
    )
