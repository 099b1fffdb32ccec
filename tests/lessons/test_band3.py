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

LESSONS = ("addition-within-10",)


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


CLAIMS = {"addition-within-10": addition_within_10}


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
