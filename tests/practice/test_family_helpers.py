"""The helpers that question families share (practice/families/__init__.py)."""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest

from practice.families import (
    and_list,
    choice_variant,
    clock_time,
    draw,
    exact_variant,
    frac,
    integer_variant,
    mixed,
    nonzero,
    number_variant,
    polynomial,
    shuffled_choice_variant,
    signed,
    term,
    values_variant,
)
from practice.grader import answer_text, grade_answer
from practice.parser import evaluate

CHOICES = {"right": "pointing at 6", "read_30_as_3": "pointing at 3", "swapped": "at 12"}
MESSAGES = {"read_30_as_3": "The 3 is a quarter.", "swapped": "Other hand.", "unused": "-"}


def shuffled(seed: int):
    return shuffled_choice_variant(
        np.random.default_rng(seed),
        prompt="Where is the long hand?",
        params={"hour": 4},
        choices=CHOICES,
        solution="Half past is half-way round.",
        messages=MESSAGES,
    )


def test_a_shuffled_choice_lists_every_option_under_its_key_and_names_the_right_one():
    orders = set()
    for seed in range(40):
        v = shuffled(seed)
        listed = dict(re.findall(r"- \*\*([A-C])\.\*\* (.+)", v.prompt))
        assert sorted(listed.values()) == sorted(CHOICES.values())
        assert listed[v.answer.value] == CHOICES["right"]
        assert v.params["hour"] == 4 and [listed[k] for k in "ABC"] == [
            CHOICES[code] for code in v.params["order"]
        ]
        assert v.solution.endswith(f"The answer is {v.answer.value}.")
        for code in ("read_30_as_3", "swapped"):
            verdict = grade_answer(answer_text(v.answer, v.answer.alternatives[code]), v.answer)
            assert verdict.diagnosis == code and verdict.message == MESSAGES[code]
            assert listed[v.answer.alternatives[code]] == CHOICES[code]
        assert "unused" not in v.answer.alternatives
        orders.add(tuple(v.params["order"]))
    assert len(orders) == 6  # every order of three options is drawn


def test_a_values_answer_is_the_numbers_in_order():
    v = values_variant(
        prompt="Order them.",
        params={},
        value=[-3, 1, 2],
        solution="-3, 1, 2",
        mistakes={"greatest_first": ((2, 1, -3), "Least first.")},
    )
    assert grade_answer("-3, 1, 2", v.answer).correct
    assert grade_answer("2, 1, -3", v.answer).diagnosis == "greatest_first"
    assert v.expected == -3.0


def test_every_builder_puts_its_hint_on_the_variant_and_none_by_default():
    question = {"prompt": "?", "params": {}, "solution": "Because."}
    builders = {
        "integer": lambda **hint: integer_variant(value=3, **question, **hint),
        "exact": lambda **hint: exact_variant(value=Fraction(1, 3), **question, **hint),
        "number": lambda **hint: number_variant(value=0.5, **question, **hint),
        "values": lambda **hint: values_variant(value=(1, 2), **question, **hint),
        "choice": lambda **hint: choice_variant(
            options={"A": "yes", "B": "no"}, right="A", **question, **hint
        ),
        "shuffled": lambda **hint: shuffled_choice_variant(
            np.random.default_rng(0), **question, choices=CHOICES, messages=MESSAGES, **hint
        ),
    }
    for kind, build in builders.items():
        assert build().hint == "", kind
        assert build(hint="Start from the units.").hint == "Start from the units.", kind


def test_small_writing_helpers():
    rng = np.random.default_rng(0)
    assert {draw(rng, 1, 3) for _ in range(200)} == {1, 2, 3}
    assert (signed(-4), signed(0), signed(7)) == ("(-4)", "0", "7")
    assert (clock_time(7, 5), clock_time(12, 30)) == ("7:05", "12:30")


def test_an_exact_answer_is_graded_exactly_and_in_its_form():
    v = exact_variant(
        prompt="Write 11/4 as a mixed number.",
        params={},
        value=Fraction(11, 4),
        solution="$2\\frac{3}{4}$",
        form="mixed",
        mistakes={"dropped_the_remainder": (Fraction(2), "Keep the pieces left over.")},
    )
    assert grade_answer("2 3/4", v.answer).correct
    assert not grade_answer("11/4", v.answer).correct  # right amount, wrong form
    assert grade_answer("2", v.answer).diagnosis == "dropped_the_remainder"
    assert v.expected == 2.75 and frac(Fraction(11, 4)) == "\\frac{11}{4}"
    assert mixed(Fraction(11, 4)) == "2\\frac{3}{4}" and frac(Fraction(6, 3)) == "2"


def test_a_number_answer_is_right_within_its_tolerance_and_names_its_mistake():
    v = number_variant(
        prompt="Give ln 2 to 3 significant figures.",
        params={},
        value=0.693147,
        solution="$\\ln 2 \\approx 0.693$",
        mistakes={"used_log10": (0.30103, "That is the base-10 logarithm.")},
    )
    assert grade_answer("0.693", v.answer).correct
    assert not grade_answer("0.68", v.answer).correct
    assert grade_answer("0.301", v.answer).diagnosis == "used_log10"


def test_terms_carry_their_signs_and_drop_a_coefficient_of_one():
    assert [term(-3, "x"), term(1, "x^2"), term(7), term(-1, "y")] == [
        "- 3x",
        "+ x^2",
        "+ 7",
        "- y",
    ]
    assert [term(-3, "x", first=True), term(1, "x", first=True), term(-1)] == ["-3x", "x", "- 1"]


def test_polynomials_read_back_to_their_coefficients():
    """Each written polynomial, evaluated at several x by the answer parser, matches."""
    for coefficients in ([3, 0, -5], [-1, 4], [1, -1, 1, -1], [0, 0, 2], [2, 0]):
        written = polynomial(coefficients)
        for x in (-2, 3):
            text = re.sub(r"(\d)x", r"\1*x", written).replace("{", "(").replace("}", ")")
            value = evaluate(text.replace("x", f"({x})"))
            assert value == sum(c * x**k for k, c in enumerate(reversed(coefficients))), written
    assert polynomial([3, 0, -5]) == "3x^{2} - 5" and polynomial([0, 0]) == "0"
    assert polynomial([1, -2], letter="t") == "t - 2"


def test_a_list_of_words_is_joined_as_a_sentence_says_it():
    assert and_list(["cats"]) == "cats"
    assert and_list(["cats", "dogs"]) == "cats and dogs"
    assert and_list(["cats", "dogs", "owls"]) == "cats, dogs and owls"


def test_nonzero_draws_every_whole_number_of_its_range_but_zero():
    rng = np.random.default_rng(3)
    seen = {nonzero(rng, -2, 2) for _ in range(200)}
    assert seen == {-2, -1, 1, 2}
    assert {nonzero(rng, 0, 1) for _ in range(20)} == {1}
    with pytest.raises(ValueError):
        nonzero(rng, 0, 0)
