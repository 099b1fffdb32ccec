"""Question families for band 3 of the KL plan: early addition and subtraction, the equal
sign, missing addends and angles, negative numbers and absolute value, clocks, and
two-digit addition.

Every family draws small whole numbers from ``rng`` and computes its answer with integer
arithmetic; the named mistakes are the ones children make with these facts (counting the
start number when counting on, adding when the story takes away, forgetting a regrouped
ten, reading the hour hand as the minutes).
"""

from __future__ import annotations

import numpy as np

from practice.families import family
from practice.grader import Expected
from practice.questions import Variant

WHOLE = "Give a whole number."

NAMES = ("Ava", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hugo", "Isla", "Jack")
THINGS = ("apples", "shells", "stickers", "marbles", "crayons", "buttons", "toy cars", "stamps")


def _int(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, both included."""
    return int(rng.integers(low, high + 1))


def _pick(rng: np.random.Generator, options: tuple[str, ...]) -> str:
    return options[int(rng.integers(len(options)))]


def _whole(value: int, mistakes: dict[str, tuple[int, str]]) -> Expected:
    """An integer answer; ``mistakes`` maps a code to (the value it gives, its message)."""
    return Expected(
        value,
        kind="integer",
        alternatives={code: v for code, (v, _) in mistakes.items()},
        messages={code: m for code, (_, m) in mistakes.items()},
    )


def _whole_variant(
    prompt: str, params: dict, solution: str, value: int, mistakes: dict[str, tuple[int, str]]
) -> Variant:
    """A variant whose answer is the whole number ``value`` (see :func:`_whole`)."""
    return Variant(
        prompt=prompt,
        params=params,
        expected=float(value),
        solution=solution,
        answer=_whole(value, mistakes),
    )


COUNTED_START = (
    "You landed one short. When you count on, the first number you say is one more than "
    "the starting number: do not count the start again."
)


def _count_on(start: int, steps: int) -> str:
    """The numbers said when counting on ``steps`` from ``start``: "6, 7, 8"."""
    return ", ".join(str(start + k) for k in range(1, steps + 1))


# ---------------------------------------------------------------- 44. addition within 10


@family("addition_within_10")
def addition_within_10(rng: np.random.Generator) -> Variant:
    """Add two groups with a total of at most 10 (a story with everyday things)."""
    a = _int(rng, 2, 9)  # two or more, so that the things are plural
    b = _int(rng, 1, 10 - a)
    total = a + b
    who, things = _pick(rng, NAMES), _pick(rng, THINGS)
    big, small = max(a, b), min(a, b)
    mistakes = {
        "counted_start": (total - 1, COUNTED_START),
        "counted_one_extra": (
            total + 1,
            "You went one too far. Raise one finger for each number you say after the "
            "start, and stop when you have raised as many as the smaller number.",
        ),
    }
    return _whole_variant(
        f"{who} has {a} {things} and gets {b} more. How many {things} does {who} have now? {WHOLE}",
        {"a": a, "b": b},
        f"Start at the bigger number, {big}, and count on {small}: "
        f"{_count_on(big, small)}. So ${a} + {b} = {total}$.",
        total,
        mistakes,
    )


# ---------------------------------------------------------------- 45. addition within 20


@family("addition_within_20_make_ten")
def addition_within_20_make_ten(rng: np.random.Generator) -> Variant:
    """Add two one-digit numbers whose sum passes ten, by making a ten."""
    a = _int(rng, 5, 9)
    b = _int(rng, 11 - a, 9)
    total = a + b
    fill = 10 - a  # what a needs to make ten
    rest = b - fill  # what is left of b after making the ten
    mistakes = {
        "added_whole_second_number": (
            10 + b,
            "You made the ten and then added the whole second number again. Part of it "
            "went into the ten: add only what is left of it.",
        ),
        "dropped_the_ten": (
            total - 10,
            "You wrote only the leftover ones. The sum passed ten, so the answer is ten "
            "and some more: put the ten back.",
        ),
        "counted_start": (total - 1, COUNTED_START),
    }
    return _whole_variant(
        f"Work out ${a} + {b}$. Making a ten helps. {WHOLE}",
        {"a": a, "b": b},
        f"{a} needs {fill} more to make 10, so break {b} into {fill} and {rest}: "
        f"${a} + {b} = {a} + {fill} + {rest} = 10 + {rest} = {total}$.",
        total,
        mistakes,
    )


# ---------------------------------------------------- 46. commutative property of addition


@family("commutative_missing_number")
def commutative_missing_number(rng: np.random.Generator) -> Variant:
    """Fill the box in a + b = b + □: the addends swap places, the sum stays."""
    a = _int(rng, 2, 19)
    b = _int(rng, 2, 19)
    mistakes = {
        "wrote_the_sum": (
            a + b,
            "The box is not the answer to the sum. Both sides must hold the same two "
            "numbers in a different order: which number is missing on the right?",
        ),
        "copied_the_other_addend": (
            b,
            "That number is already on the right side. Both sides need the same two "
            "numbers: which one of the left side is missing on the right?",
        ),
    }
    return _whole_variant(
        f"What number goes in the box? $${a} + {b} = {b} + \\square$$ {WHOLE}",
        {"a": a, "b": b},
        f"Swapping the order of two addends does not change the sum, so the right side "
        f"has the same numbers, {a} and {b}, swapped: ${a} + {b} = {b} + {a} = {a + b}$. "
        f"The box is {a}.",
        a,
        mistakes,
    )


# ---------------------------------------------------- 47. associative property of addition


@family("associative_make_ten_first")
def associative_make_ten_first(rng: np.random.Generator) -> Variant:
    """Add three numbers, two of which make ten, by grouping the ten first."""
    x = _int(rng, 1, 9)
    pair = (x, 10 - x)
    other = _int(rng, 2, 9)
    order = [pair[0], other, pair[1]] if rng.integers(2) else [other, pair[0], pair[1]]
    if rng.integers(2):
        order.reverse()
    a, b, c = order
    total = a + b + c
    mistakes = {
        "stopped_at_ten": (
            10,
            "You added the pair that makes ten and stopped. Cross out each number as you "
            "use it: one number is still waiting to be added.",
        ),
        "counted_start": (total - 1, COUNTED_START),
    }
    return _whole_variant(
        f"Work out ${a} + {b} + {c}$. Look for two numbers that make ten. {WHOLE}",
        {"numbers": [a, b, c]},
        f"{pair[0]} and {pair[1]} make ten, so add them first: "
        f"$({pair[0]} + {pair[1]}) + {other} = 10 + {other} = {total}$.",
        total,
        mistakes,
    )
