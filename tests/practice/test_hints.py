"""The hint after a first wrong answer: the information-theory generators' own hints,
and the first step of a worked solution for the families without one, never the answer."""

from __future__ import annotations

from fractions import Fraction

import pytest

from practice.grader import Expected
from practice.hints import hint_for, numbers_in, reveals, steps
from practice.questions import GENERATORS, Variant, gives_own_answer, variant_for

INFORMATION_THEORY = [name for name in GENERATORS if not gives_own_answer(name)]


def own(solution: str, answer: Expected, hint: str = "") -> Variant:
    return Variant(prompt="?", params={}, expected=0.0, solution=solution, answer=answer, hint=hint)


@pytest.mark.parametrize("name", INFORMATION_THEORY)
@pytest.mark.parametrize("unit", ["bits", "nats"])
def test_every_information_theory_generator_hints_without_the_answer(name, unit):
    for seed in range(60):
        variant = variant_for(name, seed, unit=unit)
        assert variant.hint, name
        assert hint_for(variant) == variant.hint
        # Numbers the prompt does not show are the hint's own: none is near the answer
        # (whole numbers are the formulas' own: log base 2, 1 - p, X = 0).
        shown = {abs(n) for n in numbers_in(variant.prompt)}
        new = [
            n
            for n in numbers_in(variant.hint)
            if abs(n) not in shown and not (isinstance(n, Fraction) and n.denominator == 1)
        ]
        assert not reveals(" ".join(str(float(n)) for n in new), variant), (seed, new)
        assert f"{variant.expected:.3f}" not in variant.hint
        assert ("ln" in variant.hint) is (unit == "nats")


def test_the_hint_works_from_the_variant_s_numbers():
    variant = variant_for("kl_divergence_discrete", 3)
    p, q = variant.params["p"][0], variant.params["q"][0]
    assert f"{p:g} \\log_2 \\frac{{{p:g}}}{{{q:g}}}" in variant.hint


def test_steps_are_sentences_and_paragraphs_never_cut_inside_a_formula():
    text = "Add $0.5 + 0.25. 3$ first: then more.\n\nNext paragraph. Last"
    assert steps(text) == ["Add $0.5 + 0.25. 3$ first:", "then more.", "Next paragraph.", "Last"]


def test_numbers_are_read_as_a_solution_writes_them():
    found = numbers_in(r"$\tfrac{3}{4}$ and 5/8, 1,234, −7 and 0.25")
    assert found == [Fraction(3, 4), Fraction(5, 8), Fraction(1234), Fraction(-7), 0.25]


def test_a_family_s_first_step_is_the_hint_when_it_keeps_the_answer_hidden():
    answer = Expected(value=41, kind="integer")
    variant = own(
        'The rule is "multiply by 5, then take away 4". For 9: $9 \\times 5 - 4 = 41$.', answer
    )
    assert hint_for(variant) == 'The rule is "multiply by 5, then take away 4".'
    ends_in_colon = own("Read the two bars: 7 and 5. So 2 more.", Expected(2, kind="integer"))
    assert hint_for(ends_in_colon) == "Read the two bars."


@pytest.mark.parametrize(
    ("solution", "answer"),
    [
        ("The digits give $700 + 10 + 8 = 718$. The number is 718.", Expected(718, kind="integer")),
        ("It is $\\tfrac{3}{4}$ of the whole. Done.", Expected(Fraction(3, 4), kind="exact")),
        ("Seven below zero is −7 degrees. So −7.", Expected(-7, kind="integer")),
        ("The other 10 take it below zero. So it is −10.", Expected(-10, kind="integer")),
        ("About 0.47 of it. Exactly 0.4690.", Expected(0.469, kind="number")),
        ("That leaves 6 tens. So 6, 17.", Expected((Fraction(6), Fraction(17)), kind="values")),
        ("A quarter is 25 in a hundred. So 25%.", Expected(0.25, kind="number", unit="percent")),
        ("Two and two make four", Expected(9, kind="integer")),  # the whole solution
    ],
)
def test_a_first_step_that_gives_the_answer_away_is_no_hint(solution, answer):
    assert hint_for(own(solution, answer)) is None


def test_a_choice_gets_no_step_of_its_solution_but_keeps_its_own_hint():
    answer = Expected("B", kind="choice", options=("A", "B", "C"), labels=("x", "y", "z"))
    assert hint_for(own("The lines never meet. So they are parallel: **B**.", answer)) is None
    assert hint_for(own("Never meet. **B**.", answer, hint="Do they ever meet?")) == (
        "Do they ever meet?"
    )
    assert reveals("the answer is B", own("", answer)) and reveals("it is y", own("", answer))
    assert not reveals("A line is straight", own("", answer))
