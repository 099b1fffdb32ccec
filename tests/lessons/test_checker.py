"""Tests for tests/lessons/checker.py: the lesson checks must be able to fail."""

from tests.lessons.checker import (
    arithmetic_formulas,
    claim,
    equation_problems,
    latex_to_expression,
    lesson_problems,
    number_problems,
    shape_problems,
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


def test_several_number_sentences_in_one_formula_are_each_checked():
    text = r"$$4 - (-3) = 7,$$ and $$3 + 4 = 7, \quad 7 - 4 = 3, \quad 7 - 3 = 5.$$"
    assert arithmetic_formulas(text) == ["4 - (-3) = 7", "3 + 4 = 7", "7 - 4 = 3", "7 - 3 = 5"]
    assert equation_problems(text) == ["$7 - 3 = 5$: 5 is 5.0, not 4.0"]
    # A comma inside parentheses, or a thousands separator, is not a separator.
    assert equation_problems(r"$P = (0.5, 0.5)$ and $1{,}000 + 1 = 1{,}001$") == []
    assert arithmetic_formulas(r"$1{,}000 + 1 = 1{,}001$") == [r"1{,}000 + 1 = 1{,}001"]


def test_a_computation_the_checker_cannot_read_is_reported_not_skipped():
    assert latex_to_expression(r"\tfrac12 + \tfrac14") == "((1)/(2)) + ((1)/(4))"
    assert equation_problems(r"$3 \times 4 = 12 \text{ and } 5 + 1 = 7$") == [
        "$5 + 1 = 7$: 7 is 7.0, not 6.0"
    ]
    assert equation_problems(r"$6 \times ? = 42$ and $3! = 6$ and $= 0.5$") == []
    assert equation_problems(r"$2 ] 3 = 6$") == [
        r"$2 ] 3 = 6$ looks like arithmetic the checker cannot read"
    ]


def test_lesson_and_shape_problems_name_what_a_lesson_lacks():
    text = "### Try it\n\nWork out $2 + 2$.\n\n*Answer:* $2 + 2 = 5$, or 4.5 nearly.\n"
    problems = lesson_problems(text, [])
    assert any("2 + 2 = 5" in p for p in problems), problems
    assert any("4.5" in p for p in problems), problems
    assert lesson_problems("Half of $6$ is three.", []) == ["no arithmetic formula is checked"]
    shape = shape_problems(text)
    assert any("prose words" in p for p in shape)
    assert "no '### Why it matters'" in shape and "no '### A common mistake'" in shape
    assert "no *Answers:* for the Try it" not in shape
