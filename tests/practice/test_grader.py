"""Tests for practice.grader: grading answers (pure Python, no database)."""

from __future__ import annotations

import dataclasses
import math
import re

import pytest

from practice.grader import (
    DEFAULT_ABS_TOL,
    DEFAULT_REL_TOL,
    DIAGNOSES,
    Expected,
    Verdict,
    close,
    grade,
    grade_answer,
)
from practice.parser import ParsedAnswer, parse_answer

LN2 = math.log(2)
INF = math.inf


# ======================================================================================
# close()
# ======================================================================================


def test_close_relative_to_expected() -> None:
    assert close(1.004, 1.0, rel_tol=5e-3, abs_tol=0)
    assert not close(1.006, 1.0, rel_tol=5e-3, abs_tol=0)
    assert close(100.4, 100.0, rel_tol=5e-3, abs_tol=0)
    assert not close(100.6, 100.0, rel_tol=5e-3, abs_tol=0)
    # relative to the second argument, not symmetric
    assert close(0.0, 1e-10, rel_tol=0.5, abs_tol=1e-9)
    assert not close(2.0, 1.0, rel_tol=0.6, abs_tol=0)
    assert close(1.0, 2.0, rel_tol=0.6, abs_tol=0)


def test_close_absolute_floor() -> None:
    assert close(0.0, 0.0)
    assert close(1e-15, 0.0)
    assert close(-1e-15, 0.0)
    assert not close(1e-6, 0.0)
    assert close(1e-6, 0.0, abs_tol=1e-5)


def test_close_infinities_and_nan() -> None:
    assert close(INF, INF)
    assert close(-INF, -INF)
    assert not close(INF, -INF)
    assert not close(1e308, INF)
    assert not close(INF, 1e308, rel_tol=1e9)
    assert not close(math.nan, 1.0)
    assert not close(1.0, math.nan)
    assert not close(math.nan, math.nan)


def test_default_tolerance_accepts_every_three_significant_figure_rounding() -> None:
    for expected in [0.1005, 0.10049, 1.005, 1.0049, 0.3466, 0.5, 1.2345e-4, 9.995, 123.45]:
        rounded = float(f"{expected:.3g}")
        assert close(rounded, expected), (rounded, expected)
    assert DEFAULT_REL_TOL == 5e-3
    assert DEFAULT_ABS_TOL == 1e-9
    # two significant figures is usually not enough
    assert not close(0.35, 0.3466)


# ======================================================================================
# grade()
# ======================================================================================


def test_verdict_is_frozen_with_the_documented_fields() -> None:
    verdict = grade("0.5", 0.5)
    assert [f.name for f in dataclasses.fields(Verdict)] == [
        "correct",
        "diagnosis",
        "message",
        "value",
        "expected",
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.correct = False  # type: ignore[misc]


def test_correct_within_tolerance() -> None:
    for text in ["0.5", "1/2", "0.502", "0.498", "log2(sqrt(2))", "0.5 bits"]:
        verdict = grade(text, 0.5)
        assert verdict == Verdict(True, None, "Correct!", parse_answer(text).value, 0.5)


def test_outside_tolerance() -> None:
    verdict = grade("0.8", 0.5)
    assert not verdict.correct
    assert verdict.diagnosis is None
    assert verdict.message == "That is not correct."
    assert verdict.value == 0.8
    assert verdict.expected == 0.5


def test_just_outside_tolerance_is_imprecise() -> None:
    verdict = grade("0.51", 0.5)
    assert not verdict.correct
    assert verdict.diagnosis == "imprecise"
    assert verdict.message == DIAGNOSES["imprecise"]
    assert "3 significant figures" in verdict.message


def test_caller_can_tighten_or_loosen_tolerance() -> None:
    assert not grade("0.502", 0.5, rel_tol=1e-4).correct
    assert grade("0.55", 0.5, rel_tol=0.2).correct
    assert grade("1e-6", 0.0, abs_tol=1e-5).correct


@pytest.mark.parametrize("text", ["0", "1e-15", "-1e-15", "0.0", "0 bits", "0 nats"])
def test_zero_expected_uses_the_absolute_floor(text: str) -> None:
    verdict = grade(text, 0.0, nonnegative=True)
    assert verdict.correct
    assert verdict.diagnosis is None


def test_zero_expected_rejects_clearly_nonzero() -> None:
    verdict = grade("1e-6", 0.0)
    assert not verdict.correct
    assert verdict.diagnosis is None


def test_infinite_expected_accepts_only_infinity() -> None:
    for text in ["inf", "\u221e", "infinity", "inf bits", "inf nats", "2*inf"]:
        assert grade(text, INF).correct, text
    for text in ["1e308", "-inf", "0", "1e300*1e9"]:
        verdict = grade(text, INF)
        assert not verdict.correct, text
    assert grade("1e300*1e9", INF).diagnosis == "unparseable"
    assert not grade("inf", 0.5).correct


def test_wrong_unit_nats_for_bits() -> None:
    verdict = grade(f"{0.5 * LN2:.4f}", 0.5, unit="bits")
    assert not verdict.correct
    assert verdict.diagnosis == "wrong_unit"
    assert verdict.message == "That is the value in nats; the question asks for bits."


def test_wrong_unit_bits_for_nats() -> None:
    verdict = grade("0.5", 0.5 * LN2, unit="nats")
    assert not verdict.correct
    assert verdict.diagnosis == "wrong_unit"
    assert verdict.message == "That is the value in bits; the question asks for nats."


def test_wrong_unit_when_labelled_with_the_questions_unit() -> None:
    verdict = grade("0.3466 bits", 0.5, unit="bits")
    assert verdict.diagnosis == "wrong_unit"


def test_right_number_with_the_wrong_label() -> None:
    verdict = grade("0.5 nats", 0.5, unit="bits")
    assert not verdict.correct
    assert verdict.diagnosis == "wrong_unit"
    assert "labelled it nats" in verdict.message
    assert verdict.value == pytest.approx(0.5 / LN2)


def test_explicit_unit_is_converted() -> None:
    verdict = grade("0.3466 nats", 0.5, unit="bits")
    assert verdict.correct
    assert verdict.diagnosis is None
    assert verdict.value == pytest.approx(0.3466 / LN2)
    assert verdict.message == "Correct! (0.3466 nats is 0.5 bits.)"

    verdict = grade("ln(2) nats", 1.0, unit="bits")
    assert verdict.correct
    assert verdict.value == pytest.approx(1.0)

    verdict = grade("1 bit", LN2, unit="nats")
    assert verdict.correct
    assert verdict.value == pytest.approx(LN2)
    assert verdict.message == "Correct! (1 bit is 0.6931 nats.)"


def test_explicit_same_unit_is_plain_correct() -> None:
    verdict = grade("0.5 bits", 0.5, unit="bits")
    assert verdict == Verdict(True, None, "Correct!", 0.5, 0.5)


def test_wrong_base() -> None:
    expected_bits = 0.5
    base10 = expected_bits * math.log10(2)
    verdict = grade(f"{base10:.4f}", expected_bits, unit="bits")
    assert verdict.diagnosis == "wrong_base"
    assert verdict.message == DIAGNOSES["wrong_base"]
    # a question in nats: the base-10 value is the same number
    verdict = grade(f"{base10:.4f}", expected_bits * LN2, unit="nats")
    assert verdict.diagnosis == "wrong_base"


def test_reversed() -> None:
    verdict = grade("0.531", 0.415, alternatives={"reversed": 0.531})
    assert not verdict.correct
    assert verdict.diagnosis == "reversed"
    assert verdict.message == DIAGNOSES["reversed"]
    assert "D(Q\u2016P)" in verdict.message
    assert "not symmetric" in verdict.message


def test_missing_term() -> None:
    alternatives = {"reversed": 0.531, "missing_term": 0.5}
    verdict = grade("1/2", 0.415, alternatives=alternatives)
    assert verdict.diagnosis == "missing_term"
    assert verdict.message == "It looks like one term of the sum is missing."


def test_alternatives_use_the_same_tolerance_and_their_order() -> None:
    alternatives = {"reversed": 0.3, "missing_term": 0.3}
    assert grade("0.3005", 1.0, alternatives=alternatives).diagnosis == "reversed"
    assert grade("0.31", 1.0, alternatives=alternatives).diagnosis is None


def test_correct_beats_alternatives() -> None:
    verdict = grade("0.5", 0.5, alternatives={"reversed": 0.5})
    assert verdict.correct
    assert verdict.diagnosis is None


def test_alternative_after_unit_conversion() -> None:
    verdict = grade(f"{0.531 * LN2} nats", 0.415, alternatives={"reversed": 0.531})
    assert verdict.diagnosis == "reversed"
    assert verdict.value == pytest.approx(0.531)


def test_infinite_alternative() -> None:
    verdict = grade("inf", 0.5, alternatives={"reversed": INF})
    assert verdict.diagnosis == "reversed"


def test_sign_error() -> None:
    verdict = grade("-0.5", 0.5, nonnegative=True)
    assert verdict.diagnosis == "sign_error"
    assert verdict.message == DIAGNOSES["sign_error"]
    assert "never negative" in verdict.message

    verdict = grade("0.5", -0.5)
    assert verdict.diagnosis == "sign_error"
    assert verdict.message == "Your answer has the wrong sign."


def test_sign_error_is_not_reported_for_zero() -> None:
    verdict = grade("-1", 0.0)
    assert verdict.diagnosis is None


def test_negative_divergence() -> None:
    verdict = grade("-0.2", 0.5, nonnegative=True)
    assert not verdict.correct
    assert verdict.diagnosis == "negative_divergence"
    assert "Gibbs' inequality" in verdict.message
    assert grade("-0.2", 0.0, nonnegative=True).diagnosis == "negative_divergence"
    # without nonnegative a negative answer is just wrong
    assert grade("-0.2", 0.5).diagnosis is None


def test_unparseable_text_gives_a_verdict() -> None:
    verdict = grade("2pi", 0.5)
    assert verdict == Verdict(
        False,
        "unparseable",
        "missing operator between '2' and 'pi' at position 1 (write * to multiply)",
        None,
        0.5,
    )
    assert grade("", 0.5).message == "please enter an answer"
    assert grade("1/0", 0.5).diagnosis == "unparseable"


def test_grade_accepts_parsed_answers_and_numbers() -> None:
    assert grade(ParsedAnswer(0.5, None), 0.5).correct
    assert grade(ParsedAnswer(0.5 * LN2, "nats"), 0.5).correct
    assert grade(0.5, 0.5).correct
    assert grade(1, 1.0).correct
    assert not grade(0.8, 0.5).correct


def test_unitless_question() -> None:
    assert grade("0.25", 0.25, unit=None).correct
    verdict = grade("0.25 bits", 0.25, unit=None)
    assert not verdict.correct
    assert verdict.diagnosis == "unit_not_expected"
    # no unit/base diagnosis for a unitless quantity
    assert grade(f"{0.25 * LN2}", 0.25, unit=None).diagnosis is None


def test_huge_explicit_unit_conversion_is_not_mistaken_for_infinity() -> None:
    verdict = grade("1.7e308 nats", INF, unit="bits")
    assert not verdict.correct


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"expected": math.nan}, ValueError),
        ({"expected": "0.5"}, TypeError),
        ({"unit": "hartleys"}, ValueError),
        ({"rel_tol": -1.0}, ValueError),
        ({"abs_tol": math.nan}, ValueError),
        ({"alternatives": {"reverse": 0.2}}, ValueError),
        ({"alternatives": {"reversed": math.nan}}, ValueError),
    ],
)
def test_caller_mistakes_raise(kwargs: dict, error: type[Exception]) -> None:
    arguments = {"answer": "0.5", "expected": 0.5, **kwargs}
    with pytest.raises(error):
        grade(**arguments)


@pytest.mark.parametrize("bad", [None, True, b"0.5"])
def test_answer_of_the_wrong_type_raises(bad: object) -> None:
    with pytest.raises(TypeError):
        grade(bad, 0.5)  # type: ignore[arg-type]


def test_every_diagnosis_has_a_message_and_grade_only_returns_known_codes() -> None:
    required = {
        "unparseable",
        "reversed",
        "missing_term",
        "sign_error",
        "negative_divergence",
        "wrong_unit",
        "wrong_base",
        "imprecise",
        "unit_not_expected",
    }
    assert required <= DIAGNOSES.keys()
    for code, message in DIAGNOSES.items():
        assert re.fullmatch(r"[a-z_]+", code)
        assert message.endswith(".") and message[0].isupper()
    seen = {
        grade(text, expected, **kwargs).diagnosis
        for text, expected, kwargs in [
            ("x", 1.0, {}),
            ("0.3466", 0.5, {}),
            ("0.1505", 0.5, {}),
            ("-0.5", 0.5, {}),
            ("-0.1", 0.5, {"nonnegative": True}),
            ("0.51", 0.5, {}),
            ("1 bit", 0.5, {"unit": None}),
        ]
    }
    assert seen == {
        "unparseable",
        "wrong_unit",
        "wrong_base",
        "sign_error",
        "negative_divergence",
        "imprecise",
        "unit_not_expected",
    }


def test_a_choice_key_is_read_whatever_its_case():
    """A student who types ``b`` or `` c `` for the options A, B, C is understood."""
    expected = Expected(
        "B",
        kind="choice",
        options=("A", "B", "C"),
        alternatives={"swapped": "C"},
        messages={"swapped": "Those two are swapped."},
    )
    assert grade_answer("b", expected).correct
    assert grade_answer(" c ", expected).diagnosis == "swapped"
    assert grade_answer("d", expected).diagnosis == "not_an_option"
    roman = Expected("II", kind="choice", options=("I", "II", "III", "IV"))
    assert grade_answer("ii", roman).correct
    assert not grade_answer("iii", roman).correct


def test_options_that_differ_only_by_case_are_told_apart_exactly():
    expected = Expected("a", kind="choice", options=("a", "A"))
    assert grade_answer("a", expected).correct
    assert not grade_answer("A", expected).correct
