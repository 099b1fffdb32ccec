"""The lessons of band 5 (KL plan positions 88 to 109): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs.
Counting facts a lesson states in words are checked below against its own formulas.
"""

from __future__ import annotations

import math
import re

import pytest

from knowledge_graph import curriculum as c
from practice.parser import evaluate
from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    equation_problems,
    latex_to_expression,
    number_problems,
    squash,
)


def no_claims() -> list[Claim]:
    """A lesson whose every number sits in a checked formula or is a plain count."""
    return []


def counted(raw: str) -> str:
    """``raw`` with every factorial of a number (``$5!$ is $120$``, ``$3! = 6$``) and every
    ``\\binom{n}{k}`` of numbers replaced by its value, so that the checker evaluates
    those formulas too; a stated ``$n!$ is $v$`` becomes the formula ``$n! = v$``."""
    text = re.sub(r"\$(\d+)!\$ is \$(\d+)\$", r"$\1! = \2$", raw)
    text = re.sub(r"(\d+)!", lambda m: str(math.factorial(int(m.group(1)))), text)
    return re.sub(
        r"\\binom\{(\d+)\}\{(\d+)\}",
        lambda m: str(math.comb(int(m.group(1)), int(m.group(2)))),
        text,
    )


CLAIMS = {
    "multiplying-by-zero-and-one": no_claims,
    "multiplying-integers": no_claims,
    "permutations-and-factorials": no_claims,
}
LESSONS = tuple(CLAIMS)


def lesson(slug: str) -> str:
    return (c.EXPLAINER_DIR / f"{slug}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert equation_problems(counted(text)) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), "no arithmetic formula is checked"


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_is_the_right_length_and_has_its_parts(slug):
    text = lesson(slug)
    words = len(re.sub(r"\$[^$]*\$", " x ", text).split())
    assert 150 <= words <= 450, words
    assert "### Try it" in text and "*Answers:*" in text or "*Answer:*" in text


def terms(formula: str, sign: str = "+") -> list[str]:
    return [t.strip() for t in formula.split("=")[0].split(sign)]


def test_zero_and_one_sums_have_one_term_per_group():
    text = squash(lesson("multiplying-by-zero-and-one"))
    bags = re.search(r"(\d+) bags with 1 apple in each hold (\d+) apples: \$([^$]*)\$", text)
    assert bags, "the bags example moved"
    ones = terms(bags.group(3))
    assert ones == ["1"] * int(bags.group(1)) and len(ones) == int(bags.group(2))
    plates = re.search(r"picture (\d+) plates with no cookies.*?\$\$([^$]*)\$\$", text)
    assert plates and terms(plates.group(2)) == ["0"] * int(plates.group(1))
    assert f"${plates.group(1)} \\times 0 = 0$" in text


def table_rows(text: str) -> list[tuple[str, str]]:
    """The rows of a lesson's tables whose two cells are each one formula."""
    row = re.compile(r"^\| \$([^$]+)\$ \| \$([^$]+)\$ \|$", re.M)
    return row.findall(text)


@pytest.mark.parametrize("slug", LESSONS)
def test_table_rows_of_arithmetic_hold(slug):
    for left, right in table_rows(lesson(slug)):
        a, b = latex_to_expression(left), latex_to_expression(right)
        if a is not None and b is not None:
            assert evaluate(a) == evaluate(b), (left, right)


def test_the_sign_pattern_continues_the_table():
    raw = lesson("multiplying-integers")
    rows = re.findall(r"^\| \$([^$]+)\$ \| (\$[^$]+\$|\?) \|$", raw, re.M)
    known = [evaluate(latex_to_expression(r.strip("$"))) for _, r in rows if r != "?"]
    asked = [left for left, r in rows if r == "?"]
    assert len(known) == 4 and len(asked) == 2
    step = known[1] - known[0]
    assert all(b - a == step for a, b in zip(known, known[1:], strict=False))
    text = squash(raw)
    for k, left in enumerate(asked, start=1):
        value = known[-1] + k * step
        assert evaluate(latex_to_expression(left)) == value
        assert f"${left} = {value}$" in text, left


def test_counting_formulas_are_evaluated():
    raw = lesson("permutations-and-factorials")
    stated = re.findall(r"\$[^$]*\d![^$]*\$(?: is \$\d+\$)?", squash(raw))
    assert len(stated) >= 4
    checked = set(arithmetic_formulas(counted(raw)))
    for formula in stated:
        assert counted(formula).strip("$") in checked, formula
    wrong = raw.replace("$8!$ is $40320$", "$8!$ is $40310$")
    assert wrong != raw and equation_problems(counted(wrong))
