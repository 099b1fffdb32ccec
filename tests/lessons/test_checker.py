"""Tests for tests/lessons/checker.py: the lesson checks must be able to fail."""

from tests.lessons.checker import (
    arithmetic_formulas,
    claim,
    equation_problems,
    latex_to_expression,
    number_problems,
)


def test_arithmetic_formulas_are_evaluated_exactly():
    good = (
        r"$3 + 4 = 7$, $12 \div 4 = 3$, $\frac{1}{2} + \frac{1}{3} = \frac{5}{6}$, "
        r"$2^{10} = 1024$, $\sqrt{2} \approx 1.414$, $0.1 + 0.2 = 0.3$, $6 \times 7 = 42$"
    )
    assert equation_problems(good) == []
    assert len(arithmetic_formulas(good)) == 7
    bad = r"$3 + 4 = 8$ then $\frac{1}{2} + \frac{1}{3} = \frac{2}{5}$ and $\sqrt{2} \approx 1.42$"
    found = equation_problems(bad)
    assert len(found) == 3, found


def test_formulas_with_letters_are_left_to_claims():
    assert latex_to_expression(r"a + b") is None
    assert latex_to_expression(r"\log_2 8") is None
    assert arithmetic_formulas(r"$a + b = b + a$ and $x = 3$") == []
    assert latex_to_expression(r"\frac{3}{4} \times 8") == "((3)/(4)) * 8"


def test_decimals_need_a_claim_unless_their_formula_is_checked():
    text = "A sum $0.5 + 0.25 = 0.75$, and a loose 0.3 bits."
    found = number_problems(text, [])
    assert len(found) == 1 and "'0.3'" in found[0]
    assert number_problems(text, [claim("a loose «g» bits", [0.3])]) == []
    assert number_problems(text, [claim("a loose «g» bits", [0.4])]) != []
