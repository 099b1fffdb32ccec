"""Question families for band 6 of the KL plan (positions 110 to 131): division with
remainders, estimating quotients, long division, factors and multiples, and the first
steps with fractions.

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; each named mistake is the value that mistake gives for the
variant's own numbers.
"""

from __future__ import annotations

import numpy as np

from practice.families import family, integer_variant
from practice.families.band1 import values_variant
from practice.questions import Variant

WHOLE = "Give a whole number."


# ------------------------------------------------------- 110. division with remainders

_TOO_BIG = (
    "Your remainder is as big as the divisor or bigger, so it still holds another full "
    "group. Make one more group and take the divisor away from the remainder."
)
_PAST = (
    "You went one group too far: that many groups need more than you have. Use the "
    "biggest multiple of the divisor that is not more than the number, then subtract."
)


def _division_with_remainder(rng: np.random.Generator) -> tuple[int, int, int, int]:
    """A divisor 3..9, a quotient 2..12 and a remainder 1..divisor-1, and the dividend."""
    divisor = int(rng.integers(3, 10))
    quotient = int(rng.integers(2, 13))
    remainder = int(rng.integers(1, divisor))
    return divisor * quotient + remainder, divisor, quotient, remainder


@family("quotient_and_remainder")
def quotient_and_remainder(rng: np.random.Generator) -> Variant:
    """The quotient and remainder of a two-digit number divided by 3 to 9."""
    n, d, q, r = _division_with_remainder(rng)
    solution = (
        f"Count in {d}s up to {n}: ${d} \\times {q} = {d * q}$ fits and "
        f"${d} \\times {q + 1} = {d * (q + 1)}$ is too big, so there are {q} full groups. "
        f"Left over: ${n} - {d * q} = {r}$, which is smaller than {d}. So "
        f"${n} \\div {d} = {q} \\ \\mathrm{{R}}\\ {r}$. Check: ${d} \\times {q} + {r} = {n}$. "
        f"The answer is {q}, {r}."
    )
    return values_variant(
        prompt=(
            f"Work out ${n} \\div {d}$. Give the quotient and the remainder as whole "
            "numbers, separated by a comma."
        ),
        params={"n": n, "divisor": d},
        value=(q, r),
        solution=solution,
        mistakes={
            "remainder_not_less_than_divisor": ((q - 1, r + d), _TOO_BIG),
            "one_group_too_many": ((q + 1, d - r), _PAST),
        },
    )


_STORIES = (
    ("stickers", "pack", "packs"),
    ("eggs", "box", "boxes"),
    ("marbles", "bag", "bags"),
    ("pencils", "cup", "cups"),
    ("cards", "pile", "piles"),
)


@family("left_over_after_sharing")
def left_over_after_sharing(rng: np.random.Generator) -> Variant:
    """How many are left over when things are packed into equal groups."""
    n, d, q, r = _division_with_remainder(rng)
    things, group, groups = _STORIES[int(rng.integers(len(_STORIES)))]
    prompt = (
        f"There are {n} {things}. They are put into {groups} of {d}, filling as many "
        f"{groups} as possible. How many {things} are left over? {WHOLE}"
    )
    solution = (
        f"The biggest multiple of {d} that is not more than {n} is ${d} \\times {q} = "
        f"{d * q}$, so {q} {groups} are filled. Left over: ${n} - {d * q} = {r}$ {things}, "
        f"fewer than {d}, so no other {group} can be filled. The answer is {r}."
    )
    return integer_variant(
        prompt=prompt,
        params={"n": n, "divisor": d, "things": things},
        value=r,
        solution=solution,
        mistakes={
            "gave_the_quotient": (
                q,
                f"That is how many {groups} are filled. The question asks how many {things} "
                "are left when the full groups are taken away.",
            ),
            "remainder_not_less_than_divisor": (r + d, _TOO_BIG),
        },
    )
