"""The lessons of band 3 (fixtures/explainers/): every number they state is checked.

Each arithmetic formula of a lesson (``$5 + 3 = 8$``) is evaluated exactly by the
checker; the counting a lesson does in words (counting on "6, 7, 8") is recomputed here
as a claim, so editing a number in the prose breaks a test.
"""

from __future__ import annotations

import re

import pytest

from knowledge_graph import curriculum as c
from practice.parser import evaluate
from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    claim,
    equation_problems,
    latex_to_expression,
    lesson,
    number_problems,
    sentences,
    squash,
)

LESSONS = (
    "addition-within-10",
    "addition-within-20",
    "commutative-property-of-addition",
    "associative-property-of-addition",
    "doubles-and-near-doubles",
    "even-and-odd-numbers",
    "meaning-of-the-equal-sign",
    "subtraction-within-10",
    "missing-addend-problems",
    "finding-unknown-angle-measures",
    "subtraction-within-20",
    "addition-and-subtraction-fact-families",
    "addition-and-subtraction-word-problems",
    "negative-numbers",
    "comparing-and-ordering-integers",
    "opposites",
    "absolute-value",
    "telling-time-to-the-hour-and-half-hour",
    "telling-time-to-five-minutes",
    "two-digit-addition-without-regrouping",
    "two-digit-addition-with-regrouping",
    "addition-within-100",
)


def counted(start: int, steps: int) -> list[int]:
    """The numbers said when counting on ``steps`` from ``start``."""
    return list(range(start + 1, start + steps + 1))


def addition_within_10() -> list[Claim]:
    return [
        claim("hold «g» in your head, then count two more: «g», «g».", [6, *counted(6, 2)]),
        claim("Count on three: «g», «g», «g».", counted(5, 3)),
        claim(
            'If you count "«g», «g», «g»" you land on «g», one too few.',
            [*counted(4, 3), 5 + 3 - 1],  # the start said again: counting on from one less
        ),
        claim("start at «g» and count on four: «g», «g», «g», «g».", [5, *counted(5, 4)]),
    ]


def make_ten(a: int, b: int) -> tuple[int, int]:
    """What ``a`` needs to make ten, and what is left of ``b`` after giving it that."""
    return 10 - a, b - (10 - a)


def addition_within_20() -> list[Claim]:
    fill, rest = make_ten(8, 5)
    bus_fill, bus_rest = make_ten(9, 7)
    try_fill, try_rest = make_ten(7, 6)
    return [
        claim(
            "The «g» needs «g» more to make 10. So break the «g» into «g» and «g»:",
            [8, fill, 5, fill, rest],
        ),
        claim("Eight cups are full. Two of your five eggs fill the box, and «g» eggs", [rest]),
        claim("one full box and «g» more, «g» eggs.", [rest, 8 + 5]),
        claim(
            "- «g» needs «g» more to make 10. - Break «g» into «g» and «g».",
            [9, bus_fill, 7, bus_fill, bus_rest],
        ),
        claim("There are «g» children on the bus.", [9 + 7]),
        claim("two of the five went into the ten, so only «g» are left to add.", [rest]),
        claim(
            "«g» needs «g» more to make 10, so break «g» into «g» and «g»:",
            [7, try_fill, 6, try_fill, try_rest],
        ),
    ]


def commutative_property_of_addition() -> list[Claim]:
    return [
        claim("count them: «g» beads.", [3 + 8]),
        claim("There are still «g»:", [8 + 3]),
        claim("Start at «g» and count on two: «g», «g».", [9, *counted(9, 2)]),
        claim(
            "The left side has «g» and «g», the right side already has «g», so the box is «g».",
            [6, 4, 4, 6],
        ),
        claim("so the box is «g», and", [5]),
    ]


def associative_property_of_addition() -> list[Claim]:
    return [
        claim("Both ways give «g».", [(7 + 6) + 4]),
        claim("Look for a pair that makes ten: «g» and «g».", [8, 10 - 8]),
        claim("The class has «g» cans.", [8 + 9 + 2]),
        claim("see $«g» + «g» = 10$, feel happy, and stop at 10.", [8, 10 - 8]),
        claim("*Answer:* «g» and «g» make ten", [4, 10 - 4]),
    ]


def doubles_and_near_doubles() -> list[Claim]:
    doubles = [n + n for n in range(1, 11)]
    (gap,) = {b - a for a, b in zip(doubles, doubles[1:], strict=False)}  # one gap only
    return [
        claim("Each double is «g» more than the one before it.", [gap]),
        claim("Maya reads «g» pages.", [8 + 9]),
        claim("then add one, giving «g» for", [9 + 9 + 1]),
    ]


def even_and_odd_numbers() -> list[Claim]:
    return [
        claim("With «g» socks you make «g» pairs and none is left over", [6, 6 // 2]),
        claim("With «g» socks you make «g» pairs and one sock", [7, 7 // 2]),
        claim(
            "lands only on even numbers: «g», «g», «g», «g», «g», «g», «g», and so on",
            range(0, 13, 2),
        ),
        claim("Even numbers end in «g», «g», «g», «g» or «g».", range(0, 10, 2)),
        claim("Odd numbers end in «g», «g», «g», «g» or «g».", range(1, 10, 2)),
        claim("In «g» the ones digit is «g».", [34, 34 % 10]),
        claim("In «g» the ones digit is «g».", [43, 43 % 10]),
        claim("In «g» the first digit, «g», is even", [43, 43 // 10]),
        claim("the ones digit is «g», which is even, so «g» is even.", [58 % 10, 58]),
        claim("each friend gets «g»,", [58 // 2]),
    ]


def meaning_of_the_equal_sign() -> list[Claim]:
    return [
        claim("Both sides are worth «g», so the sentence is", [4 + 4]),
        claim(
            "Count up from «g» to «g»: that is «g» steps. So the box is «g».",
            [4, 7 + 5, 7 + 5 - 4, 7 + 5 - 4],
        ),
        claim("both sides are «g».", [8 + 4]),
        claim("and «g» is not «g», so it is false", [6 + 2, 9]),
        claim("and write «g» in the box", [7 + 5]),
        claim("and «g» is not «g».", [12 + 4, 7 + 5]),
        claim("add every number they see and write «g».", [7 + 5 + 4]),
        claim("so the box is «g».", [6 + 3 - 5]),
    ]


def counted_back(start: int, steps: int) -> list[int]:
    """The numbers said when counting back ``steps`` from ``start``."""
    return list(range(start - 1, start - steps - 1, -1))


def subtraction_within_10() -> list[Claim]:
    return [
        claim("Cover the «g» you ate: «g» are left.", [4, 9 - 4]),
        claim(
            "Omar runs out after «g» pairs and Sara still has «g» shells without a partner, "
            "so Sara has «g» more",
            [3, 7 - 3, 7 - 3],
        ),
        claim("For $8 - 3$: start at «g», then «g», «g», «g».", [8, *counted_back(8, 3)]),
        claim("«g» birds are left on the fence.", [10 - 6]),
        claim("the first step back is «g», not «g».", [counted_back(8, 1)[0], 8]),
        claim(
            'If you count "«g», «g», «g»" you stop at «g», one too many.',
            [8, *counted_back(8, 2), 8 - 3 + 1],
        ),
        claim("count back two from «g»: «g», «g».", [7, *counted_back(7, 2)]),
        claim("and Ana has «g» balloons.", [7 - 2]),
    ]


def missing_addend_problems() -> list[Claim]:
    return [
        claim(
            "From «g» to «g»: «g», «g», «g», «g», «g», «g», «g». "
            "That is «g» steps, so the box is «g».",
            [5, 12, *counted(5, 12 - 5), 12 - 5, 12 - 5],
        ),
        claim(
            "Count up from «g» to «g» (that is «g»), then from «g» to «g» (that is «g»).",
            [9, 10, 10 - 9, 10, 15, 15 - 10],
        ),
        claim("Mia has «g» pages left.", [15 - 9]),
        claim("they write «g».", [5 + 12]),
        claim(
            "count up from «g»: «g», «g», «g», «g», «g» is «g» steps.", [8, *counted(8, 5), 13 - 8]
        ),
    ]


def finding_unknown_angle_measures() -> list[Claim]:
    right, straight = 90, 180
    return [
        claim("the square corner of a page, measures «g»°.", [right]),
        claim("one of them is «g»°.", [35]),
        claim("so $x$ is «g»°.", [right - 35]),
        claim("A **right angle** is «g»°.", [right]),
        claim("the angle along a straight line, is «g»°", [straight]),
        claim("the road and the fence is «g»°.", [130]),
        claim("The other angle is «g»°.", [straight - 130]),
        claim("gives an answer that is «g» too big", [straight - right]),
        claim("One part is «g»°.", [62]),
        claim("that is «g»°.", [right - 62]),
    ]


def subtraction_within_20() -> list[Claim]:
    return [
        claim("That is «g», because", [15 - 10]),
        claim(
            "You still have «g» more to take away, since «g» is «g» and «g».", [7 - 5, 7, 5, 7 - 5]
        ),
        claim("then take «g» out of the box, and «g» are left.", [7 - 5, 15 - 7]),
        claim(
            "From «g», it is «g» to reach 10 and «g» more to reach «g».", [7, 10 - 7, 15 - 10, 15]
        ),
        claim("«g» is «g» and «g», so «g» more to take", [6, 13 - 10, 6 - 3, 6 - 3]),
        claim("«g» pears are left.", [13 - 6]),
        claim("look at the ones digit, «g», see that «g» is bigger", [15 % 10, 7]),
        claim("and then write «g».", [10 + (7 - 5)]),
        claim("then «g» more:", [8 - 4]),
    ]


def addition_and_subtraction_fact_families() -> list[Claim]:
    return [
        claim("The biggest number, «g», is the whole. The parts are «g» and «g».", [8 + 5, 8, 5]),
        claim("so the family is «g», «g» and «g», and", [17 - 9, 9, 17]),
        claim("and «g» is not in the family at all.", [9 - 6]),
    ]


def addition_and_subtraction_word_problems() -> list[Claim]:
    return [
        claim("Kim has «g» more cards.", [13 - 8]),
        claim("the box is «g».", [17 - 9]),
        claim("«g» rolls were sold.", [17 - 9]),
        claim("Adding would give «g», more than Kim has", [13 + 5]),
        claim("Tia read «g» pages after lunch.", [14 - 6]),
    ]


def negative_numbers() -> list[Claim]:
    start, fall = 3, 5
    return [
        claim("is «g» metres below sea level", [abs(-12)]),
        claim("- Start at «g» on the number line and move «g» steps to the left.", [start, fall]),
        claim("Three steps take you to 0, and two more take you to $«g»$.", [start - fall]),
        claim("At dawn it is $«g»$ °C.", [start - fall]),
        claim(
            "The first «g» degrees of the fall only bring the temperature down to zero; the "
            "other «g» degrees take it below zero.",
            [start, fall - start],
        ),
        claim("«g» floors down reach floor 0 and «g» more go below it", [2, 6 - 2]),
    ]


def comparing_and_ordering_integers() -> list[Claim]:
    temperatures = [4, -6, 0, -1, -9]
    negatives = [t for t in temperatures if t < 0]
    return [
        claim("From least to greatest: $«g»$, $«g»$, $«g»$, $«g»$, $«g»$.", sorted(temperatures)),
        claim(
            "$«g»$ is furthest from zero, so it is the least, then $«g»$, then $«g»$.",
            sorted(negatives),
        ),
        claim("some students write $«g»$, $«g»$, $«g»$ from least", sorted(negatives, key=abs)),
        claim("From least to greatest: $«g»$, $«g»$, $«g»$.", sorted([3, -4, -10])),
    ]


def opposite(n: int) -> int:
    """The number the same distance from zero on the other side."""
    return 0 - n


def opposites() -> list[Claim]:
    return [
        claim(
            "The opposite of «g» is $«g»$: both are «g» steps from zero", [7, opposite(7), abs(-7)]
        ),
        claim("The opposite of $«g»$ is «g».", [-3, opposite(-3)]),
        claim("Rising «g» metres and then sinking «g» metres", [12, opposite(-12)]),
        claim(
            "The opposite of «g» is $«g»$, and the opposite of $«g»$ is «g» again",
            [4, opposite(4), opposite(4), opposite(opposite(4))],
        ),
        claim("- $«g»$ is «g» steps to the left of zero.", [-15, abs(-15)]),
        claim(
            "The number «g» steps to the right is «g», so the opposite is «g».",
            [15, 15, opposite(-15)],
        ),
        claim("the opposite of $«g»$ is «g», so", [-9, opposite(-9)]),
    ]


def absolute_value() -> list[Claim]:
    return [
        claim("Both «g» and $«g»$ are «g» steps from zero", [6, -6, abs(-6)]),
        claim("a dive to $«g»$ metres and a climb to «g» metres", [-8, abs(-8)]),
        claim("just as a debt of «g» is more money than a coin of «g».", [abs(-10), abs(3)]),
        claim("The temperatures are «g» degrees apart.", [abs(-4) + abs(5)]),
        claim("which is $«g»$, and its absolute value is «g».", [2 - 7, abs(2 - 7)]),
    ]


HOUR = 60  # minutes


def telling_time_to_the_hour_and_half_hour() -> list[Claim]:
    half = HOUR // 2
    return [
        claim("so half past «g» is written «g»:«g».", [3, 3, half]),
        claim("The time is half past «g», written «g»:«g».", [7, 7, half]),
        claim("half past «g», or «g»:«g».", [9, 9, half]),
    ]


def telling_time_to_five_minutes() -> list[Claim]:
    return [
        claim(
            'count "«g», «g», «g», «g»": it is «g» minutes past the hour.', [5, 10, 15, 20, 4 * 5]
        ),
        claim("«g» numbers of «g» minutes each make a whole hour", [HOUR // 5, 5]),
        claim(
            '«g»:«g» is "«g» minutes past «g»". It is also "«g» minutes to «g»"',
            [7, 35, 35, 7, HOUR - 35, 8],
        ),
        claim("after «g» minutes there are «g» minutes left", [35, HOUR - 35]),
        claim('The time is «g»:«g», "«g» minutes past «g»".', [2, 9 * 5, 9 * 5, 2]),
        claim('so it is also "«g» minutes to «g»"', [HOUR - 45, 3]),
        claim("The long hand on «g» means «g» minutes, not «g» minutes", [4, 4 * 5, 4]),
        claim("so it is «g»:«g», ten minutes", [6, 2 * 5]),
    ]


def two_digit_addition_without_regrouping() -> list[Claim]:
    (t1, o1), (t2, o2) = divmod(34, 10), divmod(25, 10)
    return [
        claim(
            "«g» is «g» tens and «g» ones; «g» is «g» tens and «g» ones.", [34, t1, o1, 25, t2, o2]
        ),
        claim(
            "- Tens: «g» tens and «g» tens make «g» tens, which is «g».",
            [t1, t2, t1 + t2, 10 * (t1 + t2)],
        ),
        claim("- Ones: «g» ones and «g» ones make «g» ones.", [o1, o2, o1 + o2]),
        claim("- Together: «g» tens and «g» ones is «g».", [t1 + t2, o1 + o2, 34 + 25]),
        claim("«g» + «g» ---- «g»", [34, 25, 34 + 25]),
        claim("There are «g» children.", [42 + 36]),
        claim("the «g» goes under the «g», not under the «g».", [4, 53 % 10, 53 // 10]),
    ]


def two_digit_addition_with_regrouping() -> list[Claim]:
    ones = 7 + 6
    return [
        claim(
            "So we *regroup*: «g» ones is «g» ten and «g» ones. The «g» stays",
            [ones, ones // 10, ones % 10, ones % 10],
        ),
        claim(
            "«g» loose straws is enough to tie up one more bundle of ten, with «g» left loose.",
            [ones, ones - 10],
        ),
        claim("«g» «g» + «g» ---- «g»", [ones // 10, 47, 36, 47 + 36]),
        claim("Write «g» in the ones column and carry the «g» ten", [ones % 10, ones // 10]),
        claim("The answer is «g» tens and «g» ones:", [(47 + 36) // 10, (47 + 36) % 10]),
        claim("that is «g» ten and «g» ones. Write «g», carry «g».", [1, 13 - 10, 13 - 10, 1]),
        claim("the answer looks like «g», ten too small.", [58 + 25 - 10]),
        claim("a three-digit answer such as «g»:", [100 * (5 + 2) + (8 + 5)]),
        claim("write «g» and carry «g».", [(9 + 6) % 10, (9 + 6) // 10]),
    ]


def nearer_ten(answer: int, estimate: int) -> list[int]:
    """``answer``, the ten it rounds to, and ``estimate``, checked to be another ten."""
    ten = round(answer, -1)
    assert ten != estimate and abs(answer - ten) < abs(answer - estimate)
    return [answer, ten, estimate]


def addition_within_100() -> list[Claim]:
    shells = [23, 41, 17]
    return [
        claim("jump forward in tens: «g», «g», «g», «g».", [38 + 10 * k for k in range(1, 5)]),
        claim("jump «g» tens to «g», then «g» ones", [4, 38 + 40, 5]),
        claim("«g» needs «g» to reach «g»", [38, 40 - 38, 40]),
        claim("write «g», carry «g».", [(7 + 8) % 10, (7 + 8) // 10]),
        claim("the ones «g» and «g» make ten, so add «g» and «g» first", [6, 10 - 6, 26, 14]),
        claim("They have «g» shells.", [sum(shells)]),
        claim("write «g» and carry «g»;", [sum(s % 10 for s in shells) % 10, 1]),
        claim("the total is «g».", [sum(shells)]),
        claim("forgetting it gives «g».", [sum(shells) - 10]),
        claim(
            "«g», «g» and «g» are about «g», «g» and «g», so the answer should be about «g».",
            [*shells, *(round(s, -1) for s in shells), sum(round(s, -1) for s in shells)],
        ),
        claim(
            "An answer of «g» is nearer «g» than «g», a sign that a ten went missing",
            nearer_ten(sum(shells) - 10, sum(round(s, -1) for s in shells)),
        ),
        claim("the ones «g» and «g» make ten:", [5, 10 - 5]),
    ]


CLAIMS = {
    "addition-within-10": addition_within_10,
    "addition-within-20": addition_within_20,
    "commutative-property-of-addition": commutative_property_of_addition,
    "associative-property-of-addition": associative_property_of_addition,
    "doubles-and-near-doubles": doubles_and_near_doubles,
    "even-and-odd-numbers": even_and_odd_numbers,
    "meaning-of-the-equal-sign": meaning_of_the_equal_sign,
    "subtraction-within-10": subtraction_within_10,
    "missing-addend-problems": missing_addend_problems,
    "finding-unknown-angle-measures": finding_unknown_angle_measures,
    "subtraction-within-20": subtraction_within_20,
    "addition-and-subtraction-fact-families": addition_and_subtraction_fact_families,
    "addition-and-subtraction-word-problems": addition_and_subtraction_word_problems,
    "negative-numbers": negative_numbers,
    "comparing-and-ordering-integers": comparing_and_ordering_integers,
    "opposites": opposites,
    "absolute-value": absolute_value,
    "telling-time-to-the-hour-and-half-hour": telling_time_to_the_hour_and_half_hour,
    "telling-time-to-five-minutes": telling_time_to_five_minutes,
    "two-digit-addition-without-regrouping": two_digit_addition_without_regrouping,
    "two-digit-addition-with-regrouping": two_digit_addition_with_regrouping,
    "addition-within-100": addition_within_100,
}


@pytest.mark.parametrize("slug", LESSONS)
def test_the_lesson_exists_for_a_topic_of_the_band(slug):
    assert (c.EXPLAINER_DIR / f"{slug}.md").is_file()


@pytest.mark.parametrize("slug", LESSONS)
def test_every_formula_of_the_lesson_holds(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert arithmetic_formulas(text), "a lesson shows at least one computation"


@pytest.mark.parametrize("slug", LESSONS)
def test_no_number_sentence_escapes_the_arithmetic_check(slug):
    """A formula of numbers only (no letter, no box) with an equal sign is checked: two
    sentences joined into one formula ("$1 + 9 = 10, 2 + 8 = 10$") would not be."""
    checked = set(arithmetic_formulas(lesson(slug)))
    for m in re.finditer(r"\$\$(.+?)\$\$|\$(.+?)\$", squash(lesson(slug)), re.S):
        body = m.group(1) or m.group(2)
        bare = re.sub(r"\\(?:times|div|cdot|frac|dfrac|tfrac|sqrt|,|;|quad|qquad)", "", body)
        if "=" in bare and re.search(r"\d", bare) and not re.search(r"[A-Za-z\\|]", bare):
            assert body.rstrip(".") in checked or set(sentences(body)) <= checked, body


def without_bars(body: str) -> str:
    """``body`` with each ``|...|`` (innermost first) replaced by its absolute value."""
    while (m := re.search(r"\|([^|]*)\|", body)) is not None:
        inside = evaluate(latex_to_expression(m.group(1)))
        body = f"{body[: m.start()]}({abs(inside)}){body[m.end() :]}"
    return body


@pytest.mark.parametrize("slug", LESSONS)
def test_every_absolute_value_sentence_holds(slug):
    """The checker's parser has no absolute value: work out the bars here, then check."""
    for m in re.finditer(r"\$([^$]*\|[^$]*)\$", squash(lesson(slug))):
        if "=" in m.group(1):
            plain = f"${without_bars(m.group(1))}$"
            assert arithmetic_formulas(plain) and equation_problems(plain) == [], m.group(1)


@pytest.mark.parametrize("slug", LESSONS)
def test_every_number_of_the_lesson_is_computed(slug):
    text = lesson(slug)
    assert number_problems(text, CLAIMS[slug]() if slug in CLAIMS else []) == []


@pytest.mark.parametrize("slug", LESSONS)
def test_the_lesson_has_the_parts_a_student_needs(slug):
    text = lesson(slug)
    words = len(text.split())
    assert 150 <= words <= 450, words
    for part in ("Why it matters", "A common mistake", "Try it", "*Answer:*"):
        assert part in text, part
