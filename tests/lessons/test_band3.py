"""The lessons of band 3 (fixtures/explainers/): every number they state is checked.

Each arithmetic formula of a lesson (``$5 + 3 = 8$``) is evaluated exactly by the
checker; the counting a lesson does in words (counting on "6, 7, 8") is recomputed here
as a claim, so editing a number in the prose breaks a test.
"""

from __future__ import annotations

import pytest

from knowledge_graph import curriculum as c
from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    claim,
    equation_problems,
    number_problems,
)

LESSONS = (
    "addition-within-10",
    "addition-within-20",
    "commutative-property-of-addition",
    "associative-property-of-addition",
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


CLAIMS = {
    "addition-within-10": addition_within_10,
    "addition-within-20": addition_within_20,
    "commutative-property-of-addition": commutative_property_of_addition,
    "associative-property-of-addition": associative_property_of_addition,
}


def lesson(slug: str) -> str:
    return (c.EXPLAINER_DIR / f"{slug}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", LESSONS)
def test_the_lesson_exists_for_a_topic_of_the_band(slug):
    assert (c.EXPLAINER_DIR / f"{slug}.md").is_file()


@pytest.mark.parametrize("slug", LESSONS)
def test_every_formula_of_the_lesson_holds(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert arithmetic_formulas(text), "a lesson shows at least one computation"


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
