"""Band 1: the first topics on the way to KL divergence (counting, shapes, grouping).

Every family draws small whole numbers from ``rng`` and works the answer out with integer
arithmetic; the prompts are written for a young reader and say what form the answer
takes. Each family names the typical slip of its skill (counting one thing twice,
saying the start number again when counting on, ...) so the grader can say what went
wrong.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from practice.families import family
from practice.grader import Expected
from practice.questions import Variant

WHOLE = "Give a whole number."
PICTURES = ("🍎", "⭐", "🐟", "🌼", "🚗", "🎈", "🐞", "⚽")
NAMES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
"""Number words from zero to twenty, indexed by their value."""

COUNTED_TWICE = (
    "That is one too many. It looks like one thing was counted twice: touch each one "
    "once, and move it aside after you say its number."
)
SKIPPED_ONE = (
    "That is one too few. It looks like one thing was missed: touch every one, from the "
    "first to the last, and say one number for each touch."
)


def pick(rng: np.random.Generator, items):
    """One item of ``items``, drawn with ``rng``."""
    return items[int(rng.integers(len(items)))]


def whole_number(
    *,
    prompt: str,
    params: dict,
    value: int,
    solution: str,
    mistakes: Mapping[str, tuple[int, str]],
) -> Variant:
    """A variant whose answer is the whole number ``value``.

    ``mistakes`` maps a misconception code to the value that slip gives and the
    message that tells the student what went wrong.
    """
    answer = Expected(
        int(value),
        kind="integer",
        alternatives={code: int(v) for code, (v, _) in mistakes.items()},
        messages={code: message for code, (_, message) in mistakes.items()},
    )
    return Variant(
        prompt=prompt, params=params, expected=float(value), solution=solution, answer=answer
    )


def row(picture: str, count: int) -> str:
    """``count`` copies of ``picture`` in a row, spaced for counting."""
    return " ".join([picture] * count)


# ------------------------------------------------------------------ counting to 10


@family("count_objects_to_10")
def count_objects_to_10(rng: np.random.Generator) -> Variant:
    """How many pictures are in a row of 2 to 10."""
    n = int(rng.integers(2, 11))
    picture = pick(rng, PICTURES)
    words = ", ".join(NAMES[1 : n + 1])
    return whole_number(
        prompt=f"How many are there? Count them.\n\n{row(picture, n)}\n\n{WHOLE}",
        params={"count": n, "picture": picture},
        value=n,
        solution=(
            f"Touch each one once and say a number word for it: {words}. "
            f"The last word is *{NAMES[n]}*, so there are {n}: "
            f"${' + '.join(['1'] * n)} = {n}$."
        ),
        mistakes={
            "counted_one_twice": (n + 1, COUNTED_TWICE),
            "skipped_one": (n - 1, SKIPPED_ONE),
        },
    )


@family("number_after_to_10")
def number_after_to_10(rng: np.random.Generator) -> Variant:
    """The number just after, or just before, a number up to 10."""
    after = bool(rng.integers(2))
    n = int(rng.integers(1, 10)) if after else int(rng.integers(2, 11))
    value, other = (n + 1, n - 1) if after else (n - 1, n + 1)
    word = "after" if after else "before"
    way = "forward" if after else "backward"
    return whole_number(
        prompt=f"When you count, which number comes just **{word}** {n}? {WHOLE}",
        params={"n": n, "after": after},
        value=value,
        solution=(
            f"Count {way} from {n} by one step: "
            f"${n} {'+' if after else '-'} 1 = {value}$. The number just {word} {n} is "
            f"{value}."
        ),
        mistakes={
            "wrong_direction": (
                other,
                f"That number comes just {'before' if after else 'after'} {n}. Say the "
                f"counting words up to {n} and listen for the word on the other side.",
            ),
        },
    )
