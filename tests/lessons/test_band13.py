"""The lessons of band 13 (KL plan positions 261 to 282): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs,
and the tests below recompute the facts the lessons state in words.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.lessons.checker import (
    arithmetic_formulas,
    equation_problems,
    lesson,
    no_claims,
    number_problems,
    prose_words,
    squash,
)

CLAIMS = {
    "covariance-and-correlation": no_claims,
}
LESSONS = tuple(CLAIMS)


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), "no arithmetic formula is checked"


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_is_the_right_length_and_has_its_parts(slug):
    text = lesson(slug)
    words = prose_words(text)
    assert 150 <= words <= 450, words
    assert "### Try it" in text and ("*Answers:*" in text or "*Answer:*" in text)
    assert "### A common mistake" in text and "### Why it matters" in text


def test_covariance_example_the_uncorrelated_square_and_the_variance_slip():
    text = squash(lesson("covariance-and-correlation"))
    pairs = [(1, 2), (2, 3), (3, 5), (4, 6)]
    mx = Fraction(sum(x for x, _ in pairs), 4)
    my = Fraction(sum(y for _, y in pairs), 4)
    cov = sum((x - mx) * (y - my) for x, y in pairs) / 4
    vx = sum((x - mx) ** 2 for x, _ in pairs) / 4
    vy = sum((y - my) ** 2 for _, y in pairs) / 4
    assert (mx, my, cov, vx, vy) == (
        Fraction(5, 2),
        4,
        Fraction(7, 4),
        Fraction(5, 4),
        Fraction(5, 2),
    )
    assert "$(1, 2)$, $(2, 3)$, $(3, 5)$ and $(4, 6)$" in text
    assert [(x - mx) * (y - my) for x, y in pairs] == [3, Fraction(1, 2), Fraction(1, 2), 3]
    assert cov**2 / (vx * vy) == Fraction(49, 50)  # rho = 7 / sqrt(50)
    assert cov / (vx * vy) == Fraction(14, 25) and "\\frac{14}{25}" in text
    # X uniform on -1, 0, 1 and Y = X^2: E[XY] = E[X^3] = 0 = E[X] E[Y], yet Y depends on X
    xs = (-1, 0, 1)
    assert sum(x * x * x for x in xs) == 0 and sum(xs) == 0
    assert "the correlation is 0, yet $Y$ is fixed once $X$ is known" in text
    # try it: (0, 4) and (2, 0) equally likely lie on a falling line
    assert (
        (0 + 2) / 2 == 1 and (4 + 0) / 2 == 2 and ((0 - 1) * (4 - 2) + (2 - 1) * (0 - 2)) / 2 == -2
    )
    assert ((0 - 1) ** 2 + (2 - 1) ** 2) / 2 == 1 and ((4 - 2) ** 2 + (0 - 2) ** 2) / 2 == 4
