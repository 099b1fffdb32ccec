"""Question families for band 3 of the KL plan: early addition and subtraction, the equal
sign, missing addends and angles, negative numbers and absolute value, clocks, and
two-digit addition.

Every family draws small whole numbers from ``rng`` and computes its answer with integer
arithmetic; the named mistakes are the ones children make with these facts (counting the
start number when counting on, adding when the story takes away, forgetting a regrouped
ten, reading the hour hand as the minutes).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from practice.families import (
    WHOLE,
    choice_variant,
    clock_time,
    draw,
    family,
    integer_variant,
    pick,
    shuffled_choice_variant,
    signed,
    values_variant,
)
from practice.questions import Variant

NAMES = ("Ava", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hugo", "Isla", "Jack")
THINGS = ("apples", "shells", "stickers", "marbles", "crayons", "buttons", "toy cars", "stamps")
SIGNED_WHOLE = "Give a whole number (with a minus sign if it is negative)."


def _two_names(rng: np.random.Generator) -> tuple[str, str]:
    """Two different children's names."""
    names = rng.choice(NAMES, size=2, replace=False)
    return str(names[0]), str(names[1])


def _box(sentence: str, ask: str = WHOLE) -> str:
    """The prompt asking for the number in the box of ``sentence`` (LaTeX, with a box)."""
    return f"What number goes in the box? $${sentence}$$ {ask}"


COUNTED_START = (
    "You counted the starting number as one of the steps. When you count on, keep the "
    "start in your head and say the number after it first."
)


def _count_on(start: int, steps: int) -> str:
    """The numbers said when counting on ``steps`` from ``start``: "6, 7, 8"."""
    return ", ".join(str(start + k) for k in range(1, steps + 1))


# ---------------------------------------------------------------- 44. addition within 10


@family("addition_within_10")
def addition_within_10(rng: np.random.Generator) -> Variant:
    """Add two groups with a total of at most 10 (a story with everyday things)."""
    a = draw(rng, 2, 9)  # two or more, so that the things are plural
    b = draw(rng, 1, 10 - a)
    total = a + b
    who, things = pick(rng, NAMES), pick(rng, THINGS)
    big, small = max(a, b), min(a, b)
    mistakes = {
        "counted_start": (total - 1, COUNTED_START),
        "counted_one_extra": (
            total + 1,
            "You said more numbers than you were adding. Raise one finger for each number "
            "you say after the start, and stop when you have raised as many as the smaller "
            "number.",
        ),
    }
    return integer_variant(
        prompt=(
            f"{who} has {a} {things} and gets {b} more. "
            f"How many {things} does {who} have now? {WHOLE}"
        ),
        params={"a": a, "b": b},
        solution=(
            f"Start at the bigger number, {big}, and count on {small}: "
            f"{_count_on(big, small)}. So ${a} + {b} = {total}$."
        ),
        value=total,
        mistakes=mistakes,
    )


# ---------------------------------------------------------------- 45. addition within 20


@family("addition_within_20_make_ten")
def addition_within_20_make_ten(rng: np.random.Generator) -> Variant:
    """Add two one-digit numbers whose sum passes ten, by making a ten."""
    a = draw(rng, 5, 9)
    b = draw(rng, 11 - a, 9)
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
    return integer_variant(
        prompt=f"Work out ${a} + {b}$. Making a ten helps. {WHOLE}",
        params={"a": a, "b": b},
        solution=(
            f"{a} needs {fill} more to make 10, so break {b} into {fill} and {rest}: "
            f"${a} + {b} = {a} + {fill} + {rest} = 10 + {rest} = {total}$."
        ),
        value=total,
        mistakes=mistakes,
    )


# ---------------------------------------------------- 46. commutative property of addition


@family("commutative_missing_number")
def commutative_missing_number(rng: np.random.Generator) -> Variant:
    """Fill the box in a + b = b + □: the addends swap places, the sum stays."""
    a = draw(rng, 2, 19)
    b = draw(rng, 2, 19)
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
    return integer_variant(
        prompt=_box(f"{a} + {b} = {b} + \\square"),
        params={"a": a, "b": b},
        solution=(
            f"Swapping the order of two addends does not change the sum, so the right side "
            f"has the same numbers, {a} and {b}, swapped: ${a} + {b} = {b} + {a} = {a + b}$. "
            f"The box is {a}."
        ),
        value=a,
        mistakes=mistakes,
    )


# ---------------------------------------------------- 47. associative property of addition


@family("associative_make_ten_first")
def associative_make_ten_first(rng: np.random.Generator) -> Variant:
    """Add three numbers, two of which make ten, by grouping the ten first."""
    x = draw(rng, 1, 9)
    pair = (x, 10 - x)
    other = draw(rng, 2, 9)
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
    return integer_variant(
        prompt=(f"Work out ${a} + {b} + {c}$. Look for two numbers that make ten. {WHOLE}"),
        params={"numbers": [a, b, c]},
        solution=(
            f"{pair[0]} and {pair[1]} make ten, so add them first: "
            f"$({pair[0]} + {pair[1]}) + {other} = 10 + {other} = {total}$."
        ),
        value=total,
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 48. doubles and near doubles


@family("near_doubles")
def near_doubles(rng: np.random.Generator) -> Variant:
    """Add two neighbouring numbers from the double of the smaller one."""
    small = draw(rng, 2, 9)
    big = small + 1
    a, b = (small, big) if rng.integers(2) else (big, small)
    total = a + b
    mistakes = {
        "double_only": (
            2 * small,
            "That is only the double, as if the two numbers were the same. They are not: "
            "start from the double and make up the difference between them.",
        ),
        "wrong_way_from_double": (
            2 * big + 1,
            "You started from the double of the bigger number and added one. From the "
            "bigger double you must take one away, because it is already too big.",
        ),
    }
    return integer_variant(
        prompt=f"Use a double to work out ${a} + {b}$. {WHOLE}",
        params={"a": a, "b": b},
        solution=(
            f"{big} is one more than {small}, so ${a} + {b}$ is one more than "
            f"${small} + {small} = {2 * small}$: ${a} + {b} = {2 * small} + 1 = {total}$."
        ),
        value=total,
        mistakes=mistakes,
    )


# ------------------------------------------------------------------ 49. even and odd numbers

EVEN_ODD = {"A": "even", "B": "odd"}


def _parity_key(n: int) -> str:
    return "A" if n % 2 == 0 else "B"


@family("even_or_odd")
def even_or_odd(rng: np.random.Generator) -> Variant:
    """Say whether a two-digit number is even or odd from its ones digit."""
    tens = draw(rng, 1, 9)
    ones = draw(rng, 0, 9)
    n = 10 * tens + ones
    half, left = divmod(n, 2)
    split = f"{n} = {half} + {half}" if left == 0 else f"{n} = {half} + {half} + 1"
    right = _parity_key(n)
    mistakes = {}
    if tens % 2 != ones % 2:  # only then does the first digit point the wrong way
        mistakes["looked_at_first_digit"] = (
            _parity_key(tens),
            "You looked at the first digit. Only the ones digit, the last one, decides "
            "whether a number is even or odd: cover the others with your finger.",
        )
    return choice_variant(
        prompt=f"Is {n} even or odd?",
        params={"n": n},
        solution=(
            f"The ones digit of {n} is {ones}, which is {EVEN_ODD[_parity_key(ones)]}, so {n} "
            f"is {EVEN_ODD[right]}: ${split}$. The answer is {right}."
        ),
        options=EVEN_ODD,
        right=right,
        mistakes=mistakes,
    )


@family("even_or_odd_sum")
def even_or_odd_sum(rng: np.random.Generator) -> Variant:
    """Say whether a sum is even or odd from the parity of its two parts, without adding."""
    a = draw(rng, 11, 49)
    b = draw(rng, 11, 49)
    total = a + b
    right = _parity_key(total)
    mistakes = {}
    if a % 2 == 1 and b % 2 == 1:
        mistakes["odd_plus_odd_is_odd"] = (
            "B",
            "Two odd numbers each have one left over when you make pairs, and those two "
            "leftovers make one more pair. So odd plus odd leaves nothing over.",
        )
    elif a % 2 != b % 2:
        mistakes["mixed_sum_is_even"] = (
            "A",
            "The even number pairs up completely, and the odd number has one left over, so "
            "the sum still has one left over.",
        )
    else:
        mistakes["even_plus_even_is_odd"] = (
            "B",
            "Both numbers pair up with nothing left over, so their sum pairs up too.",
        )
    words = [EVEN_ODD[_parity_key(a)], EVEN_ODD[_parity_key(b)]]
    return choice_variant(
        prompt=f"Without adding, is ${a} + {b}$ even or odd?",
        params={"a": a, "b": b},
        solution=(
            f"{a} is {words[0]} and {b} is {words[1]}; {words[0]} plus {words[1]} is "
            f"{EVEN_ODD[right]}. Check: ${a} + {b} = {total}$, which ends in {total % 10}. "
            f"The answer is {right}."
        ),
        options=EVEN_ODD,
        right=right,
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 50. the meaning of the equal sign


@family("equal_sign_balance")
def equal_sign_balance(rng: np.random.Generator) -> Variant:
    """Fill the box in a + b = □ + c: both sides of the equal sign have the same value."""
    a = draw(rng, 2, 9)
    b = draw(rng, 2, 9)
    c = int(rng.choice([n for n in range(1, a + b) if n not in (a, b)]))
    box = a + b - c
    mistakes = {
        "wrote_the_sum": (
            a + b,
            "You wrote the answer to the left side. The equal sign says both sides have the "
            "same value: the box plus the number beside it must make that total.",
        ),
        "added_everything": (
            a + b + c,
            "You added every number you could see. The box and the number beside it "
            "together must be worth the same as the other side.",
        ),
    }
    if rng.integers(2):
        shown = f"{a} + {b} = \\square + {c}"
    else:
        shown = f"\\square + {c} = {a} + {b}"
    return integer_variant(
        prompt=_box(shown),
        params={"a": a, "b": b, "c": c, "flipped": "\\square" in shown.split("=")[0]},
        solution=(
            f"${a} + {b} = {a + b}$, so the other side must be {a + b} too. "
            f"${box} + {c} = {a + b}$, so the box is {box}."
        ),
        value=box,
        mistakes=mistakes,
    )


TRUE_FALSE = {"A": "true", "B": "false"}


@family("equal_sign_true_or_false")
def equal_sign_true_or_false(rng: np.random.Generator) -> Variant:
    """Say whether a number sentence is true: the sum written first, a sum on each side,
    or one side with an extra number."""
    a, b = draw(rng, 2, 9), draw(rng, 2, 9)
    total = a + b
    kind = ("sum_first", "sums_both_sides", "extra_number")[draw(rng, 0, 2)]
    mistakes = {}
    if kind == "sum_first":
        shown, true = f"{total} = {a} + {b}", True
        why = f"The right side is ${a} + {b} = {total}$, the same as the left side"
        mistakes["answer_must_come_last"] = (
            "B",
            "The equal sign does not mean that the answer comes next. Number sentences are true "
            "when both sides have the same value, whichever side the sum is on.",
        )
    elif kind == "sums_both_sides":
        c = int(rng.choice([n for n in range(1, total) if n not in (a, b)]))
        d = total - c
        if rng.integers(2):  # make it false by one
            d += 1 if d == 1 else -1
        shown, true = f"{a} + {b} = {c} + {d}", c + d == total
        why = (
            f"The left side is ${a} + {b} = {total}$ and the right side is "
            f"${c} + {d} = {c + d}$: {'the same' if true else 'not the same'}"
        )
        if true:  # reading "=" as "the answer comes next" compares the sum with c alone
            mistakes["read_as_answer_next"] = (
                "B",
                "The number straight after the equal sign is not the answer to the left "
                "side. Work out both sides and compare them.",
            )
    else:
        c = draw(rng, 1, 9)
        shown, true = f"{a} + {b} = {total} + {c}", False
        why = (
            f"The left side is {total} and the right side is ${total} + {c} = {total + c}$: "
            "not the same"
        )
        mistakes["stopped_at_the_sum"] = (
            "A",
            "Read the whole right side, not just the first number. Work out each side "
            "completely and compare.",
        )
    right = "A" if true else "B"
    return choice_variant(
        prompt=f"Is this number sentence true or false? $${shown}$$",
        params={"sentence": shown, "kind": kind},
        options=TRUE_FALSE,
        right=right,
        solution=f"{why}, so it is {TRUE_FALSE[right]}. The answer is {right}.",
        mistakes=mistakes,
    )


# ---------------------------------------------------------------- 51. subtraction within 10

COUNTED_START_BACK = (
    "You counted the starting number as one of the steps back. When you count back, keep "
    "the start in your head and say the number below it first."
)
ADDED_INSTEAD = (
    "You added. The question asks how many are left (or how many more), so take the "
    "smaller number away from the bigger one."
)


@family("subtraction_within_10")
def subtraction_within_10(rng: np.random.Generator) -> Variant:
    """Take away, or compare two groups, within 10 (a story with everyday things)."""
    a = draw(rng, 3, 10)
    b = draw(rng, 1, a - 1)
    left = a - b
    (who, other), things = _two_names(rng), pick(rng, THINGS)
    mistakes = {"added_instead": (a + b, ADDED_INSTEAD)}
    if rng.integers(2):
        prompt = f"{who} had {a} {things} and gave {b} to {other}. How many are left?"
        steps = ", ".join(str(a - k) for k in range(1, b + 1))
        how = f"Count back {b} from {a}: {steps}."
        mistakes["counted_start"] = (left + 1, COUNTED_START_BACK)
    else:
        prompt = f"{who} has {a} {things} and {other} has {b}. How many more does {who} have?"
        how = f"Pair them up: {b} pairs, and {who} has {left} without a partner."
    return integer_variant(
        prompt=f"{prompt} {WHOLE}",
        params={"a": a, "b": b},
        solution=f"{how} So ${a} - {b} = {left}$. Check: ${left} + {b} = {a}$.",
        value=left,
        mistakes=mistakes,
    )


# ---------------------------------------------------------------- 52. missing addend problems


@family("missing_addend")
def missing_addend(rng: np.random.Generator) -> Variant:
    """Find the missing addend in a + □ = total (total up to 20)."""
    total = draw(rng, 6, 20)
    a = draw(rng, 2, total - 2)
    box = total - a
    mistakes = {
        "added_the_numbers": (
            a + total,
            "You added the two numbers you can see. The box is a part of the total, so it "
            "must be smaller than the total: put your answer in the box and check.",
        ),
        "counted_start": (
            box + 1,
            "You counted the number you already have as a step. When you count up, start "
            "counting with the number after the one you know.",
        ),
    }
    shown = f"{a} + \\square = {total}" if rng.integers(2) else f"\\square + {a} = {total}"
    return integer_variant(
        prompt=_box(shown),
        params={"a": a, "total": total, "box_first": shown.startswith("\\square")},
        solution=(
            f"The box is the part that is missing: ${total} - {a} = {box}$. "
            f"Check: ${a} + {box} = {total}$."
        ),
        value=box,
        mistakes=mistakes,
    )


# --------------------------------------------------------- 53. finding unknown angle measures

WHOLES = {
    90: "together fill a right angle (a square corner)",
    180: "sit side by side along a straight line (together they make a straight angle)",
}


@family("unknown_angle")
def unknown_angle(rng: np.random.Generator) -> Variant:
    """Find the unknown part of a right angle or of a straight angle."""
    whole = 90 if rng.integers(2) else 180
    known = draw(rng, 10, whole - 10)
    x = whole - known
    mistakes = {}
    other = 270 - whole  # the other whole: 180 for a right angle, 90 for a straight line
    if other - known > 0:
        mistakes["used_the_wrong_whole"] = (
            other - known,
            f"Check which whole the two angles fill. Angles that fill a right angle add to "
            f"90; angles side by side on a straight line add to 180. This one is "
            f"{'a right angle' if whole == 90 else 'a straight line'}.",
        )
    return integer_variant(
        prompt=(
            f"Two angles {WHOLES[whole]}. One of them measures {known}°. "
            f"How many degrees is the other one? Give a whole number of degrees."
        ),
        params={"whole": whole, "known": known},
        solution=(
            f"The two parts make {whole}, so ${known} + x = {whole}$ and "
            f"$x = {whole} - {known} = {x}$. The other angle is {x}°."
        ),
        value=x,
        mistakes=mistakes,
        unit="degrees",
    )


# ---------------------------------------------------------------- 54. subtraction within 20


@family("subtraction_within_20_back_to_ten")
def subtraction_within_20_back_to_ten(rng: np.random.Generator) -> Variant:
    """Take a one-digit number from a teen number when the ones run out (via ten)."""
    a = draw(rng, 11, 18)
    ones = a - 10
    b = draw(rng, ones + 1, 9)
    left = a - b
    mistakes = {
        "took_smaller_from_larger": (
            10 + b - ones,
            "You took the smaller ones digit from the bigger one, the wrong way round. "
            "Take away the loose ones first to reach ten, then take the rest from the ten.",
        ),
        "counted_start": (left + 1, COUNTED_START_BACK),
    }
    return integer_variant(
        prompt=f"Work out ${a} - {b}$. Going back to ten helps. {WHOLE}",
        params={"a": a, "b": b},
        solution=(
            f"Take {ones} to get back to ten, then the other {b - ones} of the {b}: "
            f"${a} - {b} = {a} - {ones} - {b - ones} = 10 - {b - ones} = {left}$. "
            f"Check: ${b} + {left} = {a}$."
        ),
        value=left,
        mistakes=mistakes,
    )


# ------------------------------------------------- 55. addition and subtraction fact families


@family("fact_family_member")
def fact_family_member(rng: np.random.Generator) -> Variant:
    """Pick the subtraction fact that belongs to the family of a given addition fact."""
    a = draw(rng, 3, 9)
    # b is neither a nor twice or half of a, so that b - a is never one of the family
    b = int(rng.choice([n for n in range(3, 10) if n not in (a, 2 * a) and 2 * n != a]))
    whole = a + b
    part = a if rng.integers(2) else b
    facts = {
        "right": f"${whole} - {part} = {whole - part}$",
        "subtracted_the_parts": f"${max(a, b)} - {min(a, b)} = {abs(a - b)}$",
        "added_whole_and_part": f"${whole} + {part} = {whole + part}$",
    }
    messages = {
        "subtracted_the_parts": (
            "That sentence is true, but it takes one part from the other and makes a number "
            "that is not in the family. Taking-away facts start with the whole."
        ),
        "added_whole_and_part": (
            "Adding a part to the whole makes a new number that is not in the family. Every "
            "fact of a family uses the same three numbers."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=(
            f"Which fact belongs to the same fact family as ${a} + {b} = {whole}$? "
            "All three are true, but only one is in the family."
        ),
        params={"a": a, "b": b, "part": part},
        choices=facts,
        solution=(
            f"The family is {a}, {b} and {whole}: the whole is {whole}. A taking-away fact "
            f"starts with the whole and leaves the other part, {facts['right']}."
        ),
        messages=messages,
    )


# ------------------------------------------------- 56. addition and subtraction word problems

WRONG_OPERATION = (
    "Read the story again and picture it: does the amount you are asked for grow or shrink? "
    "Your answer does not fit the story, so the other operation is needed."
)


class Story(NamedTuple):
    """A word problem within 20 and the number sentences it can be written as."""

    kind: str  # add_to, take_from, put_together, compare, more_than
    text: str
    sentence: str  # the story as a number sentence, the unknown a box (LaTeX)
    work: str  # how the box is found (LaTeX)
    value: int
    wrong_sentence: str  # the same numbers with the other operation
    wrong_value: int
    backwards: str | None  # the smaller number minus the bigger one, where that is a slip


def _two_within_20(rng: np.random.Generator) -> tuple[int, int]:
    """Two different whole numbers from 2 to 20, the smaller first."""
    x, y = sorted(int(n) for n in rng.choice(np.arange(2, 21), size=2, replace=False))
    return x, y


def _story(rng: np.random.Generator, who: str, other: str, things: str) -> Story:
    """One word problem within 20: adding to, taking from, putting together, comparing."""
    kind = ("add_to", "take_from", "put_together", "compare", "more_than")[draw(rng, 0, 4)]
    x, y = _two_within_20(rng)
    while kind == "add_to" and x + y > 20:  # the sum of a joining story stays within 20
        x, y = _two_within_20(rng)
    box = "\\square"
    if kind == "add_to":
        text = f"{who} has {x} {things} and gets {y} more. How many {things} now?"
        sentence, work = f"{x} + {y} = {box}", f"{x} + {y} = {x + y}"
        return Story(kind, text, sentence, work, x + y, f"{y} - {x} = {box}", y - x, None)
    if kind == "more_than":
        d = y - x
        text = (
            f"{who} has {y} {things}. That is {d} more than {other} has. How many {things} "
            f"does {other} have?"
        )
        sentence, work, wrong = f"{y} - {d} = {box}", f"{y} - {d} = {x}", f"{y} + {d} = {box}"
        return Story(kind, text, sentence, work, x, wrong, y + d, f"{d} - {y} = {box}")
    # The other three stories find y - x; the other operation adds the two numbers, and
    # taking the bigger number from the smaller one is the backwards slip.
    text, sentence, work, wrong_sentence = {
        "take_from": (
            f"{who} had {y} {things}, gave some away, and has {x} left. How many were given away?",
            f"{y} - {box} = {x}",
            f"{box} = {y} - {x} = {y - x}",
            f"{y} + {x} = {box}",
        ),
        "put_together": (
            f"{who} has {y} {things} in all. {x} of them are in a box and the rest are in a "
            "bag. How many are in the bag?",
            f"{x} + {box} = {y}",
            f"{box} = {y} - {x} = {y - x}",
            f"{x} + {y} = {box}",
        ),
        "compare": (
            f"{who} has {y} {things} and {other} has {x}. How many fewer does {other} have?",
            f"{y} - {x} = {box}",
            f"{y} - {x} = {y - x}",
            f"{y} + {x} = {box}",
        ),
    }[kind]
    return Story(kind, text, sentence, work, y - x, wrong_sentence, x + y, f"{x} - {y} = {box}")


@family("add_or_subtract_story")
def add_or_subtract_story(rng: np.random.Generator) -> Variant:
    """Choose the operation a story needs (adding to, taking from, putting together,
    comparing) and find its unknown, within 20."""
    who, other = _two_names(rng)
    story = _story(rng, who, other, pick(rng, THINGS))
    return integer_variant(
        prompt=f"{story.text} {WHOLE}",
        params={"kind": story.kind, "text": story.text},
        solution=(
            f"Number sentence: ${story.sentence}$. Then ${story.work}$. "
            f"The answer is {story.value}."
        ),
        value=story.value,
        mistakes={"wrong_operation": (story.wrong_value, WRONG_OPERATION)},
    )


@family("story_number_sentence")
def story_number_sentence(rng: np.random.Generator) -> Variant:
    """Choose the number sentence that fits a story (the operation and where the unknown
    is), without solving it."""
    who, other = _two_names(rng)
    story = _story(rng, who, other, pick(rng, THINGS))
    sentences = {"right": story.sentence, "wrong_operation": story.wrong_sentence}
    messages = {
        "wrong_operation": WRONG_OPERATION.replace("Your answer", "That sentence"),
        "subtracted_the_wrong_way": (
            "That takes the bigger number away from the smaller one, which the story never "
            "does. Start a taking-away sentence with the larger amount."
        ),
    }
    if story.backwards is not None:
        sentences["subtracted_the_wrong_way"] = story.backwards
    return shuffled_choice_variant(
        rng,
        prompt=f"{story.text} Which number sentence fits the story? (Do not solve it.)",
        params={"kind": story.kind, "text": story.text},
        choices={code: f"${sentence}$" for code, sentence in sentences.items()},
        solution=f"The story is ${story.sentence}$, and ${story.work}$.",
        messages=messages,
    )


# ------------------------------------------------------------------------ 57. negative numbers


@family("temperature_below_zero")
def temperature_below_zero(rng: np.random.Generator) -> Variant:
    """A temperature that falls past zero: start − fall, a negative number."""
    start = draw(rng, 1, 9)
    fall = draw(rng, start + 1, start + 10)
    end = start - fall
    mistakes = {
        "dropped_the_sign": (
            -end,
            "The temperature went below zero, so the answer is a negative number: write "
            "the minus sign.",
        ),
        "stopped_at_zero": (
            0,
            "The fall does not stop at zero. Count how many degrees it takes to reach zero, "
            "then keep going below zero for the rest.",
        ),
    }
    return integer_variant(
        prompt=(
            f"At sunset it is {start} °C. Overnight the temperature falls by {fall} degrees. "
            f"What is the temperature at dawn, in °C? Give a whole number (with a minus "
            f"sign if it is below zero)."
        ),
        params={"start": start, "fall": fall},
        solution=(
            f"{start} degrees of the fall bring it down to 0, and the other {fall - start} "
            f"take it below zero: ${start} - {fall} = {end}$. It is ${end}$ °C at dawn."
        ),
        value=end,
        mistakes=mistakes,
    )


@family("number_line_moves")
def number_line_moves(rng: np.random.Generator) -> Variant:
    """Start at an integer and move left or right along the number line."""
    while True:  # the move starts or ends below zero: this topic is about negatives
        start = draw(rng, -9, 9)
        steps = draw(rng, 2, 12)
        right = bool(rng.integers(2))
        end = start + steps if right else start - steps
        if min(start, end) < 0:
            break
    mistakes = {
        "moved_the_wrong_way": (
            start - steps if right else start + steps,
            "You moved the wrong way. Right is towards the bigger numbers (add), left is "
            "towards the smaller ones (subtract).",
        ),
    }
    if start < 0:
        mistakes["ignored_the_start_sign"] = (
            -start + steps if right else -start - steps,
            "You started from the wrong side of zero. The start is a negative number, left "
            "of zero.",
        )
    way = "right" if right else "left"
    op = "+" if right else "-"
    return integer_variant(
        prompt=(
            f"On a number line, start at ${start}$ and move {steps} steps to the {way}. "
            f"Where do you land? Give a whole number."
        ),
        params={"start": start, "steps": steps, "right": right},
        solution=(
            f"Moving {way} {'adds' if right else 'subtracts'}: "
            f"${signed(start)} {op} {steps} = {end}$. You land on ${end}$."
        ),
        value=end,
        mistakes=mistakes,
    )


# --------------------------------------------------------- 58. comparing and ordering integers


@family("order_integers")
def order_integers(rng: np.random.Generator) -> Variant:
    """Put four integers, at least two of them negative, from least to greatest."""
    negatives = [-int(n) for n in rng.choice(np.arange(1, 16), size=2, replace=False)]
    others = [int(n) for n in rng.choice(np.arange(-15, 16), size=6, replace=False)]
    values = negatives + [n for n in others if n not in negatives][:2]
    rng.shuffle(values)
    ordered = tuple(sorted(values))
    by_digits = tuple(sorted(values, key=lambda n: (abs(n), n)))
    mistakes = {
        "ordered_by_digits": (
            by_digits,
            "You ordered the numbers by their digits and ignored the minus signs. A "
            "negative number is further left, and so smaller, the bigger its digits.",
        ),
        "greatest_first": (
            ordered[::-1],
            "Those are from greatest to least; the question asks least first.",
        ),
    }
    listed = ", ".join(f"${n}$" for n in values)
    return values_variant(
        prompt=(
            f"Put these numbers in order from least to greatest: {listed}. Write them "
            f"separated by commas, least first."
        ),
        params={"numbers": values},
        solution=(
            "On a number line the numbers increase to the right; read them from left to "
            f"right: {', '.join(f'${n}$' for n in ordered)}. In order: "
            f"{', '.join(str(n) for n in ordered)}."
        ),
        value=ordered,
        mistakes=mistakes,
    )


COMPARE = {"A": "<", "B": ">"}


@family("compare_integers")
def compare_integers(rng: np.random.Generator) -> Variant:
    """Choose < or > between two integers, at least one of them negative."""
    a, b = (-int(n) for n in rng.choice(np.arange(1, 20), size=2, replace=False))
    if rng.integers(3) == 0:
        b = -b  # sometimes a negative against a positive
    right = "A" if a < b else "B"
    mistakes = {}
    if (abs(a) < abs(b)) != (a < b):
        mistakes["compared_the_digits"] = (
            "A" if abs(a) < abs(b) else "B",
            "You compared the numbers without their minus signs. On the number line, the "
            "number further to the right is greater, and negative numbers further from "
            "zero are further left.",
        )
    return choice_variant(
        prompt=f"Which sign makes this true? $${a} \\;\\square\\; {b}$$",
        params={"a": a, "b": b},
        options={"A": "$<$ (less than)", "B": "$>$ (greater than)"},
        right=right,
        solution=(
            f"${a if a < b else b}$ is further left on the number line than "
            f"${b if a < b else a}$, so ${a} {COMPARE[right]} {b}$. The answer is {right}."
        ),
        mistakes=mistakes,
    )


# ------------------------------------------------------------------------------ 59. opposites


@family("opposite_of_a_number")
def opposite_of_a_number(rng: np.random.Generator) -> Variant:
    """The opposite of an integer, written as "the opposite of n" or as −(n)."""
    n = int(rng.choice([k for k in range(-30, 31) if k != 0]))
    if rng.integers(2):
        prompt = f"What is the opposite of ${n}$?"
        shown = f"\\text{{the opposite of }} {n}"
    else:
        prompt = f"Work out $-({n})$."
        shown = f"-({n})"
    mistakes = {
        "kept_the_sign": (
            n,
            "That is the same number. The opposite is on the other side of zero, the same "
            "distance away: a negative number's opposite is positive, and a positive "
            "number's opposite is negative.",
        ),
    }
    return integer_variant(
        prompt=f"{prompt} {SIGNED_WHOLE}",
        params={"n": n, "form": "words" if "opposite" in prompt else "sign"},
        solution=(
            f"${n}$ is {abs(n)} steps {'right' if n > 0 else 'left'} of zero; its opposite is "
            f"{abs(n)} steps {'left' if n > 0 else 'right'}: ${shown} = {-n}$. "
            f"Check: ${signed(n)} + {signed(-n)} = 0$."
        ),
        value=-n,
        mistakes=mistakes,
    )


@family("opposites_make_zero")
def opposites_make_zero(rng: np.random.Generator) -> Variant:
    """Find the number that added to n gives zero: n's opposite."""
    n = int(rng.choice([k for k in range(-40, 41) if k != 0]))
    shown = f"{n} + \\square = 0" if rng.integers(2) else f"\\square + {signed(n)} = 0"
    mistakes = {
        "kept_the_sign": (
            n,
            "Adding a number to itself doubles it; it does not make zero. The number that "
            "cancels it sits on the other side of zero, the same distance away.",
        ),
    }
    return integer_variant(
        prompt=_box(shown, SIGNED_WHOLE),
        params={"n": n, "box_first": shown.startswith("\\square")},
        solution=(
            f"A number plus its opposite is zero, and the opposite of ${n}$ is ${-n}$: "
            f"${signed(n)} + {signed(-n)} = 0$. The box is ${-n}$."
        ),
        value=-n,
        mistakes=mistakes,
    )


# -------------------------------------------------------------------------- 60. absolute value


@family("temperature_distance")
def temperature_distance(rng: np.random.Generator) -> Variant:
    """How far apart a temperature above zero and one below zero are."""
    warm = draw(rng, 1, 15)
    cold = -draw(rng, 1, 15)
    gap = warm - cold
    mistakes = {
        "subtracted_the_digits": (
            abs(warm - abs(cold)),
            "You took one number from the other without their signs. The temperatures are "
            "on opposite sides of zero: add the distance of each from zero.",
        ),
    }
    return integer_variant(
        prompt=(
            f"At noon it is {warm} °C and at midnight it is ${cold}$ °C. How many degrees "
            f"apart are the two temperatures? {WHOLE}"
        ),
        params={"warm": warm, "cold": cold},
        solution=(
            f"From ${cold}$ up to 0 is $|{cold}| = {-cold}$ degrees and from 0 up to {warm} is "
            f"$|{warm}| = {warm}$ degrees: ${-cold} + {warm} = {gap}$ degrees apart."
        ),
        value=gap,
        mistakes=mistakes,
    )


@family("absolute_value_sum")
def absolute_value_sum(rng: np.random.Generator) -> Variant:
    """Add the absolute values of two integers, at least one of them negative."""
    a = -draw(rng, 1, 20)
    b = int(rng.choice([k for k in range(-20, 21) if k != 0]))
    if rng.integers(2):
        a, b = b, a
    value = abs(a) + abs(b)
    mistakes = {
        "ignored_the_bars": (
            a + b,
            "You added the numbers themselves. Take each absolute value first, the distance "
            "from zero, which is never negative, then add.",
        ),
    }
    return integer_variant(
        prompt=f"Work out $|{a}| + |{b}|$. {WHOLE}",
        params={"a": a, "b": b},
        solution=f"$|{a}| = {abs(a)}$ and $|{b}| = {abs(b)}$, so the sum is "
        f"${abs(a)} + {abs(b)} = {value}$.",
        value=value,
        mistakes=mistakes,
    )


# ------------------------------------------------- 61. telling time to the hour and half hour


def _next_hour(hour: int) -> int:
    return hour % 12 + 1


@family("read_the_clock_hour_half")
def read_the_clock_hour_half(rng: np.random.Generator) -> Variant:
    """Read a clock whose long hand is on 12 (o'clock) or on 6 (half past)."""
    hour = draw(rng, 1, 12)
    half = bool(rng.integers(2))
    minutes = 30 if half else 0
    if half:
        hands = (
            f"The short hand is half-way between {hour} and {_next_hour(hour)}. "
            "The long hand points at 6."
        )
        why = f"The long hand at 6 is half past; the short hand has passed {hour}"
    else:
        hands = f"The short hand points at {hour}. The long hand points at 12."
        why = f"The long hand at 12 is o'clock; the short hand is on {hour}"
    long_number = 6 if half else 12
    times = {
        "right": clock_time(hour, minutes),
        "read_the_hands_swapped": clock_time(long_number, 5 * hour % 60),
    }
    if times["read_the_hands_swapped"] == times["right"]:  # 6:30 and 12:00 read the same
        del times["read_the_hands_swapped"]
    if half:
        times["read_the_next_hour"] = clock_time(_next_hour(hour), minutes)
    else:
        times["read_the_long_hand_as_minutes"] = clock_time(hour, 12)
    messages = {
        "read_the_hands_swapped": (
            "You read the long hand as the hour. The short hand shows the hour; the long hand "
            "shows the minutes."
        ),
        "read_the_next_hour": (
            "At half past, the short hand is between two numbers: the hour is the number it "
            "has passed, not the one it is heading for."
        ),
        "read_the_long_hand_as_minutes": (
            "The long hand on 12 does not mean 12 minutes: it marks the start of the hour, "
            "before any minutes have gone by."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"{hands} What time is it?",
        params={"hour": hour, "minutes": minutes},
        choices=times,
        solution=f"{why}, so it is {times['right']}.",
        messages=messages,
    )


HAND_MESSAGES = {
    "short_hand_not_moved": (
        "The short hand does not jump from number to number: it creeps round all the time, "
        "and it has been creeping since o'clock. How far has the long hand gone round since "
        "then?"
    ),
    "short_hand_on_next_hour": (
        "The short hand only reaches the next number at the next o'clock, and that time has "
        "not come yet. How much of the hour has gone by?"
    ),
    "short_hand_half_way": (
        "The short hand sits between two numbers only once some of the hour has gone by. "
        "At o'clock, how many minutes have passed since the hour began?"
    ),
    "swapped_hands": (
        "That is where the other hand goes. The short hand shows the hour; the long hand "
        "shows the minutes."
    ),
    "long_hand_on_12_for_half": (
        "The long hand on 12 means o'clock, with no minutes past. By half past it has gone "
        "half of the way round the clock: which number is that?"
    ),
    "read_30_as_3": (
        "The 3 is only a quarter of the way round the clock. By half past the long hand has "
        "gone half of the way round: which number is that?"
    ),
    "long_hand_on_6_for_o_clock": (
        "The long hand on 6 means half past: it has gone half of the way round. At o'clock "
        "the long hand has not set off yet: where does it start each hour?"
    ),
}


@family("clock_hands_for_a_time")
def clock_hands_for_a_time(rng: np.random.Generator) -> Variant:
    """Where the short or the long hand is at an o'clock or half-past time."""
    hour = draw(rng, 1, 11)
    half = bool(rng.integers(2))
    short = bool(rng.integers(2))
    said = f"half past {hour}" if half else f"{hour} o'clock"
    nxt = _next_hour(hour)
    if short and half:
        places = {
            "right": f"half-way between {hour} and {nxt}",
            "short_hand_not_moved": f"pointing at {hour}",
            "short_hand_on_next_hour": f"pointing at {nxt}",
        }
        why = f"At half past, the short hand is half-way from {hour} to {nxt}"
    elif short:
        places = {
            "right": f"pointing at {hour}",
            "short_hand_half_way": f"half-way between {hour} and {nxt}",
            "swapped_hands": "pointing at 12",
        }
        why = f"At o'clock the short hand points exactly at the hour, {hour}"
    elif half:
        places = {
            "right": "pointing at 6",
            "long_hand_on_12_for_half": "pointing at 12",
            "read_30_as_3": "pointing at 3",
        }
        why = "At half past, the long hand has gone half-way round, to 6"
    else:
        places = {
            "right": "pointing at 12",
            "swapped_hands": f"pointing at {hour}",
            "long_hand_on_6_for_o_clock": "pointing at 6",
        }
        why = "At o'clock the long hand points straight up at 12"
    which = "short hand (the hour hand)" if short else "long hand (the minute hand)"
    return shuffled_choice_variant(
        rng,
        prompt=f"It is {said}. Where is the {which}?",
        params={"hour": hour, "half": half, "short": short},
        choices=places,
        solution=f"{why}.",
        messages=HAND_MESSAGES,
    )


# ------------------------------------------------------------ 62. telling time to five minutes


@family("minutes_from_the_long_hand")
def minutes_from_the_long_hand(rng: np.random.Generator) -> Variant:
    """How many minutes past the hour the long hand shows, counting in fives."""
    number = draw(rng, 1, 11)
    minutes = 5 * number
    mistakes = {
        "read_the_number": (
            number,
            "The number the long hand points at is not the minutes. Each number on the clock "
            "is five more minutes: count in fives from 12.",
        ),
        "counted_one_five_too_many": (
            minutes + 5,
            "You counted a five for the 12 as well. The 12 is where the hour starts, with "
            "no minutes gone yet: the first five is for the 1.",
        ),
    }
    fives = ", ".join(str(5 * k) for k in range(1, number + 1))
    return integer_variant(
        prompt=(
            f"The long hand of a clock points at {number}. How many minutes past the hour is "
            f"it? {WHOLE}"
        ),
        params={"number": number},
        solution=(
            f"Count in fives from 12, one five for each number: {fives}. "
            f"That is ${number} \\times 5 = {minutes}$ minutes past."
        ),
        value=minutes,
        mistakes=mistakes,
    )


@family("minutes_to_the_hour")
def minutes_to_the_hour(rng: np.random.Generator) -> Variant:
    """How many minutes are left to the next hour, from a time such as 7:35."""
    hour = draw(rng, 1, 12)
    past = 5 * draw(rng, 7, 11)
    to = 60 - past
    mistakes = {
        "gave_the_minutes_past": (
            past,
            "That is how many minutes have gone past the hour. The question asks how many "
            "are left until the next o'clock.",
        ),
        "took_from_100": (
            100 - past,
            "An hour has 60 minutes, not 100: take the minutes past away from 60.",
        ),
    }
    return integer_variant(
        prompt=(
            f"A clock shows {clock_time(hour, past)}. How many minutes is it to "
            f"{_next_hour(hour)} o'clock? {WHOLE}"
        ),
        params={"hour": hour, "past": past},
        solution=(
            f"An hour has 60 minutes and {past} have gone: ${60} - {past} = {to}$. "
            f"It is {to} minutes to {_next_hour(hour)}."
        ),
        value=to,
        mistakes=mistakes,
    )


# ---------------------------------------------------- 63. two-digit addition without regrouping


def _digit_sum(*numbers: int) -> int:
    return sum(int(d) for n in numbers for d in str(n))


@family("two_digit_addition_no_regrouping")
def two_digit_addition_no_regrouping(rng: np.random.Generator) -> Variant:
    """Add a two-digit number and a one- or two-digit number with no column reaching ten."""
    a_tens, a_ones = draw(rng, 1, 8), draw(rng, 0, 8)
    b_ones = draw(rng, 1, 9 - a_ones)
    b_tens = draw(rng, 0, 9 - a_tens)  # 0: a one-digit number
    a, b = 10 * a_tens + a_ones, 10 * b_tens + b_ones
    total = a + b
    mistakes = {
        "added_all_digits": (
            _digit_sum(a, b),
            "You added every digit together, which mixes tens with ones. Add the tens to "
            "the tens and the ones to the ones.",
        ),
    }
    if b_tens == 0:
        mistakes["lined_up_left"] = (
            a + 10 * b,
            "You put the one-digit number under the tens. Line numbers up on the right, so "
            "that ones sit under ones.",
        )
        how = f"Ones: ${a_ones} + {b_ones} = {a_ones + b_ones}$; the {a_tens} tens stay."
    else:
        how = (
            f"Tens: ${10 * a_tens} + {10 * b_tens} = {10 * (a_tens + b_tens)}$. "
            f"Ones: ${a_ones} + {b_ones} = {a_ones + b_ones}$."
        )
    return integer_variant(
        prompt=f"Work out ${a} + {b}$. {WHOLE}",
        params={"a": a, "b": b},
        solution=f"{how} So ${a} + {b} = {total}$.",
        value=total,
        mistakes=mistakes,
    )


# ------------------------------------------------------- 64. two-digit addition with regrouping


@family("two_digit_addition_with_regrouping")
def two_digit_addition_with_regrouping(rng: np.random.Generator) -> Variant:
    """Add two two-digit numbers whose ones make a new ten (total below 100)."""
    a_ones = draw(rng, 2, 9)
    b_ones = draw(rng, 10 - a_ones, 9)
    a_tens = draw(rng, 1, 7)
    b_tens = draw(rng, 1, 8 - a_tens)
    a, b = 10 * a_tens + a_ones, 10 * b_tens + b_ones
    total = a + b
    ones = a_ones + b_ones
    tens = a_tens + b_tens
    mistakes = {
        "forgot_the_carried_ten": (
            total - 10,
            "The ones made a new ten, and it was left out. Carry it to the tens column and "
            "add it with the other tens.",
        ),
        "wrote_both_digits": (
            100 * tens + ones,
            "You wrote the whole ones sum under the ones. Only one digit fits in a column: "
            "keep the ones digit and carry the ten.",
        ),
    }
    return integer_variant(
        prompt=f"Work out ${a} + {b}$. {WHOLE}",
        params={"a": a, "b": b},
        solution=(
            f"Ones: ${a_ones} + {b_ones} = {ones}$, that is 1 ten and {ones - 10} ones: "
            f"write {ones - 10}, carry 1. Tens: ${a_tens} + {b_tens} + 1 = {tens + 1}$. "
            f"So ${a} + {b} = {total}$."
        ),
        value=total,
        mistakes=mistakes,
    )


# -------------------------------------------------------------------- 65. addition within 100


@family("add_three_two_digit_numbers")
def add_three_two_digit_numbers(rng: np.random.Generator) -> Variant:
    """Add three two-digit numbers with a total up to 100, the ones making at least a ten."""
    while True:
        parts = [draw(rng, 11, 49) for _ in range(3)]
        ones = sum(p % 10 for p in parts)
        if sum(parts) <= 100 and ones >= 10:
            break
    total = sum(parts)
    carried = ones // 10
    mistakes = {
        "lost_the_carried_ten": (
            total - 10 * carried,
            "The ones make at least one new ten, and it never reached the tens column. Carry "
            "every ten the ones make over to the tens and add it with the other tens.",
        ),
    }
    a, b, c = parts
    tens = sum(p // 10 for p in parts)
    return integer_variant(
        prompt=f"Work out ${a} + {b} + {c}$. {WHOLE}",
        params={"numbers": parts},
        solution=(
            f"Ones: ${' + '.join(str(p % 10) for p in parts)} = {ones}$: write {ones % 10}, "
            f"carry {carried}. Tens: ${' + '.join(str(p // 10) for p in parts)} + {carried} "
            f"= {tens + carried}$. So ${a} + {b} + {c} = {total}$."
        ),
        value=total,
        mistakes=mistakes,
    )


@family("add_tens_by_jumps")
def add_tens_by_jumps(rng: np.random.Generator) -> Variant:
    """Add a whole number of tens to a two-digit number by jumps of ten."""
    start = draw(rng, 11, 69)
    jumps = draw(rng, 2, (100 - start) // 10)
    total = start + 10 * jumps
    mistakes = {
        "added_ones_not_tens": (
            start + jumps,
            "You added ones instead of tens. Each jump is a whole ten: the tens digit goes "
            "up by one for each jump and the ones digit stays the same.",
        ),
    }
    landings = ", ".join(str(start + 10 * k) for k in range(1, jumps + 1))
    return integer_variant(
        prompt=f"Work out ${start} + {10 * jumps}$ by jumping in tens. {WHOLE}",
        params={"start": start, "tens": jumps},
        solution=(
            f"${10 * jumps}$ is {jumps} jumps of ten. From {start}: {landings}. "
            f"So ${start} + {10 * jumps} = {total}$."
        ),
        value=total,
        mistakes=mistakes,
    )
