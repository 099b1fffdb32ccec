"""The lessons of band 11 (KL plan positions 217 to 238): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs,
and the tests below recompute the facts the lessons state in words.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import pytest

from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    claim,
    equation_problems,
    lesson,
    no_claims,
    number_problems,
    prose_words,
    squash,
)


def exponential_claims() -> list[Claim]:
    """The decay factor keeps what a 20% fall leaves; the town grows by half each year."""
    kept = 1 - Fraction(20, 100)
    town = 1 + Fraction(50, 100)
    return [
        claim("so the factor is $b = «g»$", [kept]),
        claim("the factor is $«g»$, so $f(x) = 400 \\cdot «g»^x$", [town, town]),
    ]


CLAIMS = {
    "function-composition": no_claims,
    "corresponding-angles": no_claims,
    "discrete-random-variables": no_claims,
    "domain-and-range": no_claims,
    "equation-of-a-circle": no_claims,
    "exponential-functions": exponential_claims,
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


def test_composition_values_in_both_orders():
    def f(x):
        return 2 * x + 1

    def g(x):
        return x**2

    text = squash(lesson("function-composition"))
    assert f(g(3)) == 19 and g(f(3)) == 49 and f(3) * g(3) == 63
    assert "$f(9) = 2 \\times 9 + 1 = 19$" in text and "$g(7) = 7^2 = 49$" in text
    # the expanded formulas agree with the values at 3
    assert all(2 * x**2 + 1 == f(g(x)) and 4 * x**2 + 4 * x + 1 == g(f(x)) for x in range(-5, 6))
    # try it: f(x) = x - 4, g(x) = 3x at 5
    assert (3 * 5) - 4 == 11 and 3 * (5 - 4) == 3
    assert "$f(g(5)) = 15 - 4 = 11$" in text and "$f(5) = 1$" in text


def test_angles_at_the_two_crossings():
    """Only two sizes at parallel lines: the given one and its supplement."""
    text = squash(lesson("corresponding-angles"))
    x = 70
    sizes = {"upper right": x, "lower left": x, "upper left": 180 - x, "lower right": 180 - x}
    for corner, size in sizes.items():
        assert f"{corner} ${size}^\\circ$" in text or f"{corner} angle is ${size}^\\circ$" in text
    assert "lower left angle is $48^\\circ$" in text and "$180 - 48 = 132$" in text


def test_heads_and_dice_are_counted_from_the_outcomes():
    text = squash(lesson("discrete-random-variables"))
    tosses = list(product("HT", repeat=3))
    heads = [t.count("H") for t in tosses]
    assert Fraction(heads.count(2), len(tosses)) == Fraction(3, 8)
    assert Fraction(sum(h >= 2 for h in heads), len(tosses)) == Fraction(1, 2)
    assert "$P(X = 2) = \\frac{3}{8}" in text and "$2^3 = 8$" in text
    sums = [a + b for a, b in product(range(1, 7), repeat=2)]
    assert len(set(sums)) == 11 and "which is 11 values" in text
    assert Fraction(sums.count(4), 36) == Fraction(1, 12) and "\\frac{3}{36}" in text
    # the mistake: four values, yet 2 does not have chance 1/4
    assert len(set(heads)) == 4 and Fraction(3, 8) != Fraction(1, 4)


def test_domain_edges_and_range_ends():
    text = squash(lesson("domain-and-range"))
    assert 2 * 3 - 6 == 0 and 2 * 2 - 6 < 0 and "$\\sqrt{-2}$" in text
    assert "all $x \\ge 3$" in text and "except 5" in text
    assert min((x - 1) ** 2 + 4 for x in range(-20, 21)) == 4 and "all $y \\ge 4$" in text
    assert 12 - 4 * 3 == 0 and "$x \\le 3$" in text
    assert max(-((x + 2) ** 2) + 7 for x in range(-20, 21)) == 7 and "all $y \\le 7$" in text


def test_circle_centres_and_radii_give_back_the_equations():
    text = squash(lesson("equation-of-a-circle"))

    def expanded(h, k, r):
        return (-2 * h, -2 * k, h * h + k * k - r * r)

    assert expanded(3, -2, 5) == (-6, 4, -12) and "$x^2 + y^2 - 6x + 4y - 12 = 0$" in text
    assert "centre is $(3, -2)$" in text and "$\\sqrt{25} = 5$" in text
    assert (6 - 3) ** 2 + (2 + 2) ** 2 == 25
    assert expanded(-5, 1, 4) == (10, -2, 10) and "centre is $(-5, 1)$" in text


def test_exponential_table_doubles_and_powers_come_first():
    text = squash(lesson("exponential-functions"))
    row = [3 * 2**x for x in range(5)]
    assert "| bacteria | " + " | ".join(map(str, row)) + " |" in text
    assert 3 * 2**5 == 96 and (3 * 2) ** 5 != 96 and "not $6^5$" in text
    assert 500 * Fraction(8, 10) ** 2 == 320
    assert 400 * Fraction(3, 2) ** 3 == 1350 and "= 1350$ people" in text
