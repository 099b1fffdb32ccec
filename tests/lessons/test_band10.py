"""The lessons of band 10 (KL plan positions 195 to 216): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs.
Facts a lesson states in words (a root, a solution set, the value a mistake gives) are
checked below against a computation.
"""

from __future__ import annotations

from fractions import Fraction

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


def proportions() -> list[Claim]:
    """The flour for 12 loaves at 5 cups for 8, by cross-multiplying."""
    flour = Fraction(12 * 5, 8)
    return [claim("So «g» cups of flour are needed", [flour])]


CLAIMS = {
    "rational-exponents": no_claims,
    "solving-one-step-inequalities": no_claims,
    "solving-proportions": proportions,
    "two-step-equations": no_claims,
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


def _root(a: int, n: int) -> int:
    """The whole n-th root of ``a`` (which must be a perfect n-th power)."""
    r = round(a ** (1 / n))
    assert r**n == a, (a, n)
    return r


def test_rational_exponent_roots_and_mistakes_stated_in_words():
    text = squash(lesson("rational-exponents"))
    assert "The fourth root of 16 is 2, and $2^3 = 8$, so $16^{3/4} = 8$" in text
    assert _root(16, 4) ** 3 == 8
    assert "$4^{-1/2}$ is $\\frac{1}{2}$, not $-2$" in text
    assert Fraction(1, _root(4, 2)) == Fraction(1, 2)
    assert "The fifth root of 32 is 2" in text and _root(32, 5) == 2
    assert "$27^{1/3} = 3$" in text and _root(27, 3) == 3
    # the two exponent laws, on the lesson's exponents
    assert "$x^{1/2} \\cdot x^{1/3} = x^{5/6}$" in text
    assert Fraction(1, 2) + Fraction(1, 3) == Fraction(5, 6)
    assert "$(x^{3/4})^{2} = x^{3/2}$" in text and Fraction(3, 4) * 2 == Fraction(3, 2)


def test_one_step_inequality_solution_sets_hold_on_sample_numbers():
    """x + 4 < 10 is x < 6, -3x >= 12 is x <= -4 (not x >= -4), 4x < 20 is x < 5,
    x - 7 > 2 is x > 9 and x/(-2) < 3 is x > -6: tested on every whole number near them."""
    text = squash(lesson("solving-one-step-inequalities"))
    cases = [
        (
            "$$x + 4 - 4 < 10 - 4, \\qquad\\text{so}\\qquad x < 6.$$",
            lambda x: x + 4 < 10,
            lambda x: x < 6,
        ),
        ("the solution is $x \\le -4$", lambda x: -3 * x >= 12, lambda x: x <= -4),
        ("whose answer is $x < 5$", lambda x: 4 * x < 20, lambda x: x < 5),
        ("adding 7 gives $x > 9$", lambda x: x - 7 > 2, lambda x: x > 9),
        ("turns the sign: $x > -6$", lambda x: Fraction(x, -2) < 3, lambda x: x > -6),
    ]
    for sentence, original, solved in cases:
        assert sentence in text, sentence
        assert all(original(x) == solved(x) for x in range(-30, 31)), sentence
    # the kept-sign mistake really fails at 0, and both checks hold
    assert "some students write $x \\ge -4$" in text and not (-3 * 0 >= 12)
    assert "$x = -5$, which is less than $-4$" in text and -3 * -5 >= 12
    assert "Multiplying by $-2$" in text and Fraction(-4, -2) < 3


def test_two_step_solutions_solve_their_equations():
    text = squash(lesson("two-step-equations"))
    assert "so $3x = 15$" in text and "Divide both sides by 3: $x = 5$" in text
    assert 3 * 5 - 4 == 11
    assert "so $g = 7$" in text and 3 * 7 + 12 == 33
    assert "so $x = -3$" in text and 5 * -3 + 8 == -7
    assert "so $x = 20$" in text and Fraction(20, 4) - 2 == 3
    # the divided-first mistake gives a value that fails the check
    assert "$\\frac{11}{3} + 4$, does not pass" in text
    assert 3 * (Fraction(11, 3) + 4) - 4 != 11


def test_proportion_solutions_keep_the_ratio_and_adding_does_not():
    text = squash(lesson("solving-proportions"))
    assert "the top goes from 3 to 9 and $x = 9$" in text and Fraction(9, 12) == Fraction(3, 4)
    assert "which gives 9 cups" in text and Fraction(9, 12) > Fraction(5, 8)
    assert "$4x = 60$ and $x = 15$" in text and Fraction(6, 15) == Fraction(4, 10)
