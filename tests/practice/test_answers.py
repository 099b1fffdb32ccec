"""Tests for practice.answers: the answer parser and the grader (pure Python, no database)."""

from __future__ import annotations

import ast
import dataclasses
import math
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from practice.answers import (
    DEFAULT_ABS_TOL,
    DEFAULT_REL_TOL,
    DIAGNOSES,
    MAX_DEPTH,
    MAX_LENGTH,
    AnswerError,
    ParsedAnswer,
    Verdict,
    close,
    grade,
    parse_answer,
)

ANSWERS_PY = Path(__file__).resolve().parents[2] / "practice" / "answers.py"
LN2 = math.log(2)
INF = math.inf


def value_of(text: str) -> float:
    return parse_answer(text).value


# ======================================================================================
# Accepted forms
# ======================================================================================

ACCEPTED = [
    # plain numbers
    ("0.25", 0.25, None),
    ("0", 0.0, None),
    ("42", 42.0, None),
    (".5", 0.5, None),
    ("3.", 3.0, None),
    ("1.2e-3", 1.2e-3, None),
    ("1.2E+3", 1200.0, None),
    ("1.2e3", 1200.0, None),
    ("2e\u22123", 2e-3, None),  # unicode minus inside an exponent
    ("007", 7.0, None),
    # scientific notation written out
    ("1.6*10^-3", 1.6e-3, None),
    ("1.6\u00d710^-3", 1.6e-3, None),  # ×
    ("1.6\u00b710^-3", 1.6e-3, None),  # ·
    # fractions and arithmetic
    ("3/4", 0.75, None),
    ("1/2 + 1/4", 0.75, None),
    ("6\u00f74", 1.5, None),  # ÷
    ("2*3", 6.0, None),
    ("2-3", -1.0, None),
    ("2+3", 5.0, None),
    # unary signs
    ("-2", -2.0, None),
    ("+2", 2.0, None),
    ("\u22122", -2.0, None),  # U+2212 minus sign
    ("\u20132", -2.0, None),  # en dash
    ("--2", 2.0, None),
    ("-+-2", 2.0, None),
    ("2*-3", -6.0, None),
    ("2--3", 5.0, None),
    ("2\u2212\u22123", 5.0, None),
    # powers
    ("2^10", 1024.0, None),
    ("2**10", 1024.0, None),
    ("2^-1", 0.5, None),
    ("2**-1", 0.5, None),
    ("4^0.5", 2.0, None),
    ("(-2)^3", -8.0, None),
    ("(-2)^2", 4.0, None),
    ("0^0", 1.0, None),
    # parentheses
    ("(1+2)*3", 9.0, None),
    ("((((1))))", 1.0, None),
    ("2*(3+4)", 14.0, None),
    # functions
    ("ln(e)", 1.0, None),
    ("ln(2)", LN2, None),
    ("log2(8)", 3.0, None),
    ("log10(1000)", 3.0, None),
    ("log(8, 2)", 3.0, None),
    ("log(9,3)", 2.0, None),
    ("log(0.25, 0.5)", 2.0, None),
    ("exp(0)", 1.0, None),
    ("exp(1)", math.e, None),
    ("sqrt(16)", 4.0, None),
    ("sqrt(0)", 0.0, None),
    ("0.5*log2(0.5/0.25) + 0.5*log2(0.5/0.75)", 0.5 + 0.5 * math.log2(2 / 3), None),
    ("ln(ln(e^e))", 1.0, None),
    # constants
    ("e", math.e, None),
    ("pi", math.pi, None),
    ("\u03c0", math.pi, None),  # π
    ("2*pi", 2 * math.pi, None),
    ("inf", INF, None),
    ("infinity", INF, None),
    ("\u221e", INF, None),  # ∞
    ("-inf", -INF, None),
    ("2*inf", INF, None),
    ("inf + 1", INF, None),
    ("1/inf", 0.0, None),
    ("exp(-inf)", 0.0, None),
    ("ln(inf)", INF, None),
    ("inf^2", INF, None),
    ("0.5^inf", 0.0, None),
    # case-insensitive names
    ("LN(E)", 1.0, None),
    ("Pi", math.pi, None),
    ("SQRT(4)", 2.0, None),
    ("Log2(4)", 2.0, None),
    ("INF", INF, None),
    # units
    ("0.5 bits", 0.5, "bits"),
    ("0.5 bit", 0.5, "bits"),
    ("0.5 nats", 0.5, "nats"),
    ("0.5 nat", 0.5, "nats"),
    ("0.5 BITS", 0.5, "bits"),
    ("0.5 Nats", 0.5, "nats"),
    ("0.5bits", 0.5, "bits"),
    ("ln(2) nats", LN2, "nats"),
    ("1/2 bits", 0.5, "bits"),
    ("-0.5 bits", -0.5, "bits"),
    ("inf bits", INF, "bits"),
    ("(0.5) bits", 0.5, "bits"),
    # whitespace everywhere
    ("  1 /  2  ", 0.5, None),
    ("\t2\n*\n3\t", 6.0, None),
    ("1\u00a0+\u00a01", 2.0, None),  # no-break spaces
    ("\u200b1+1", 2.0, None),  # zero-width space
]


@pytest.mark.parametrize(("text", "value", "unit"), ACCEPTED, ids=[r[0] for r in ACCEPTED])
def test_accepted_forms(text: str, value: float, unit: str | None) -> None:
    parsed = parse_answer(text)
    assert isinstance(parsed, ParsedAnswer)
    assert type(parsed.value) is float
    assert parsed.unit == unit
    if math.isinf(value):
        assert parsed.value == value
    else:
        assert parsed.value == pytest.approx(value, rel=1e-12, abs=1e-15)


PRECEDENCE = [
    ("1+2*3", 7.0),
    ("(1+2)*3", 9.0),
    ("1-2-3", -4.0),  # left-associative
    ("8/4/2", 1.0),  # left-associative
    ("2*3/4", 1.5),
    ("8/2*4", 16.0),
    ("2^3^2", 512.0),  # right-associative
    ("(2^3)^2", 64.0),
    ("2**3**2", 512.0),
    ("-2^2", -4.0),  # unary minus binds looser than power
    ("(-2)^2", 4.0),
    ("-2**2", -4.0),
    ("2^-2^2", 2.0**-4),  # 2^(-(2^2))
    ("-3*2", -6.0),
    ("1 - -1", 2.0),
    ("2*3^2", 18.0),
    ("2^2*3", 12.0),
    ("1+2^3*2-1", 16.0),
    ("10^-3*2", 0.002),
    ("-ln(e)^2", -1.0),
    ("-e^0", -1.0),
]


@pytest.mark.parametrize(("text", "value"), PRECEDENCE, ids=[r[0] for r in PRECEDENCE])
def test_precedence_and_associativity(text: str, value: float) -> None:
    assert value_of(text) == pytest.approx(value, rel=1e-12)


def test_negative_zero_is_normalised() -> None:
    parsed = parse_answer("-0")
    assert parsed.value == 0.0
    assert math.copysign(1.0, parsed.value) == 1.0


def test_parsed_answer_is_frozen() -> None:
    parsed = parse_answer("1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.value = 2.0  # type: ignore[misc]


def test_literal_that_underflows_is_zero() -> None:
    assert value_of("1e-400") == 0.0
    assert value_of("2**-99999999") == 0.0


# ======================================================================================
# Refusals: message content and position
# ======================================================================================

REFUSED = [
    # (text, regex the message must match, expected position)
    ("1 + $", r"^unexpected character '\$' at position 4$", 4),
    ("12#", r"unexpected character '#' at position 2", 2),
    ("1 % 2", r"unexpected character '%' at position 2", 2),
    ("\u00b2", r"unexpected character '\u00b2' at position 0", 0),
    ("1\x00", r"unexpected character U\+0000 at position 1", 1),
    (".", r"unexpected character '\.' at position 0", 0),
    ("1=1", r"unexpected character '=' at position 1", 1),
    (
        "foo",
        r"^unknown name 'foo' at position 0; allowed functions: ln, log2, log10, log\(x, b\), "
        r"exp, sqrt; constants: e, pi, inf$",
        0,
    ),
    ("1 + nan", r"unknown name 'nan' at position 4", 4),
    ("2foo", r"unknown name 'foo' at position 1", 1),
    ("ln2", r"unknown name 'ln2' at position 0.*e\.g\. ln\(2\)", 0),
    ("log3(9)", r"unknown name 'log3'.*for base 3 write log\(x, 3\)", 0),
    ("e2", r"unknown name 'e2' at position 0", 0),
    # implicit multiplication
    ("2pi", r"missing operator between '2' and 'pi' at position 1", 1),
    ("2(3)", r"missing operator between '2' and '\(' at position 1", 1),
    ("(2)(3)", r"missing operator between '\)' and '\(' at position 3", 3),
    ("2 3", r"missing operator between '2' and '3' at position 2", 2),
    ("2e", r"missing operator between '2' and 'e' at position 1", 1),
    ("pi e", r"missing operator between 'pi' and 'e' at position 3", 3),
    ("2ln(2)", r"missing operator between '2' and 'ln' at position 1", 1),
    ("1.2.3", r"missing operator between '1\.2' and '\.3' at position 3", 3),
    ("e(2)", r"missing operator between 'e' and '\(' at position 1", 1),
    # parentheses
    ("1+(2", r"^missing '\)' to close the '\(' at position 2$", 2),
    ("((1)", r"missing '\)' to close the '\(' at position 0", 0),
    ("ln(2", r"missing '\)' to close the '\(' at position 2", 2),
    ("1+2)", r"^unmatched '\)' at position 3$", 3),
    ("(1))", r"unmatched '\)' at position 3", 3),
    (")", r"expected a number, a name or '\(' at position 0, but found '\)'", 0),
    ("()", r"empty parentheses at position 0", 0),
    ("ln()", r"empty parentheses after 'ln' at position 2", 2),
    # operators in the wrong place
    ("*1", r"expected a number, a name or '\(' at position 0, but found '\*'", 0),
    ("1+", r"at position 2, but found the end of the answer", 2),
    ("1*/2", r"at position 2, but found '/'", 2),
    ("2^", r"at position 2, but found the end of the answer", 2),
    ("1***2", r"at position 3, but found '\*'", 3),
    ("1,5", r"unexpected ',' at position 1; use '\.' for decimals", 1),
    ("(1, 2)", r"unexpected ',' at position 2", 2),
    # functions
    (
        "log(2)",
        r"log\(x\) at position 0 is ambiguous: write ln\(x\).*log2\(x\).*log10\(x\).*log\(x, b\)",
        0,
    ),
    ("ln 2", r"the function 'ln' at position 0 must be followed by '\(', e\.g\. ln\(2\)", 0),
    ("sqrt", r"the function 'sqrt' at position 0 must be followed by '\('", 0),
    ("1+log", r"'log' at position 2 must be followed by '\(', e\.g\. log\(8, 2\)", 2),
    ("ln(2, 3)", r"ln at position 0 takes 1 argument, but got 2", 0),
    ("log(8, 2, 2)", r"log at position 0 takes 2 arguments \(x, b\), but got 3", 0),
    # units in the wrong place
    ("2 bits + 1", r"the unit 'bits' at position 2 must come at the end of the answer", 2),
    ("2 bits 3", r"the unit 'bits' at position 2 must come at the end", 2),
    ("ln(2 nats)", r"the unit 'nats' at position 5 must come at the end", 5),
    (
        "2 bits nats",
        r"only one unit is allowed, but found 'bits' at position 2 and 'nats' at position 7",
        7,
    ),
    ("1 nat bit", r"only one unit is allowed", 6),
    ("bits", r"expected a number at position 0, but found the unit 'bits'", 0),
    ("2 + nats", r"expected a number at position 4, but found the unit 'nats'", 4),
    # values that are undefined or too large
    ("1/0", r"^division by zero at position 1$", 1),
    ("1/(1-1)", r"division by zero at position 1", 1),
    ("inf/0", r"division by zero at position 3", 3),
    ("0^-1", r"division by zero: 0 raised to a negative power", 1),
    ("ln(0)", r"^ln is not defined for 0 \(at position 0\)$", 0),
    ("ln(-1)", r"^ln is not defined for negative numbers \(at position 0\)$", 0),
    ("1 + log2(-inf)", r"log2 is not defined for negative numbers \(at position 4\)", 4),
    ("log10(0)", r"log10 is not defined for 0", 0),
    ("log(0, 2)", r"log is not defined for 0", 0),
    ("log(2, 1)", r"the base of log must be a positive finite number other than 1", 0),
    ("log(2, -2)", r"the base of log must be a positive finite number", 0),
    ("log(2, inf)", r"the base of log must be a positive finite number", 0),
    ("sqrt(-1)", r"^sqrt is not defined for negative numbers \(at position 0\)$", 0),
    ("(-8)^(1/3)", r"a negative number raised to a non-integer power is not defined", 4),
    ("(-2)^inf", r"a negative number raised to an infinite power is undefined", 4),
    ("1^inf", r"1 raised to an infinite power is undefined", 1),
    ("inf^0", r"infinity raised to the power 0 is undefined", 3),
    ("inf - inf", r"^infinity minus infinity is undefined \(at position 4\)$", 4),
    ("inf + -inf", r"infinity minus infinity is undefined", 4),
    ("0*inf", r"^zero times infinity is undefined \(at position 1\)$", 1),
    ("inf/inf", r"infinity divided by infinity is undefined", 3),
    ("1e308*10", r"^the result is too large to compute \(at position 5\)$", 5),
    ("1e308+1e308", r"the result is too large to compute \(at position 5\)", 5),
    ("1e300/1e-300", r"the result is too large to compute", 5),
    ("-1e308-1e308", r"the result is too large to compute", 6),
    ("exp(1000)", r"the result is too large to compute \(at position 0\)", 0),
    ("10^400", r"the result is too large to compute \(at position 2\)", 2),
    ("1e999", r"^the number '1e999' at position 0 is too large$", 0),
]


@pytest.mark.parametrize(("text", "pattern", "position"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refusals(text: str, pattern: str, position: int) -> None:
    with pytest.raises(AnswerError, match=pattern) as info:
        parse_answer(text)
    assert info.value.position == position
    assert str(info.value) == info.value.message


@pytest.mark.parametrize("text", ["", " ", "\t\n ", "\u200b", "\u00a0\u200b "])
def test_empty_input(text: str) -> None:
    with pytest.raises(AnswerError, match=r"^please enter an answer$") as info:
        parse_answer(text)
    assert info.value.position is None


def test_too_long_input_is_refused_before_tokenising() -> None:
    # Garbage that the tokenizer would refuse at position 0: the length check must come first.
    with pytest.raises(AnswerError, match=r"^answer is too long \(201 characters; at most 200\)$"):
        parse_answer("$" * 201)
    with pytest.raises(AnswerError, match=r"answer is too long \(10000 characters"):
        parse_answer("1" * 10_000)


def test_length_limit_is_exactly_200_after_stripping() -> None:
    at_limit = "10" + "+1" * 99
    assert len(at_limit) == MAX_LENGTH
    assert value_of(at_limit) == 109.0
    padded = "   " + "1" * MAX_LENGTH + "   "
    assert value_of(padded) == float("1" * MAX_LENGTH)
    with pytest.raises(AnswerError, match="too long"):
        parse_answer("1" * (MAX_LENGTH + 1))


def test_positions_count_leading_whitespace() -> None:
    with pytest.raises(AnswerError, match="unexpected character '\\$' at position 5") as info:
        parse_answer("   1+$")
    assert info.value.position == 5


def test_nesting_limit() -> None:
    ok = "(" * MAX_DEPTH + "1" + ")" * MAX_DEPTH
    assert value_of(ok) == 1.0
    too_deep = "(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(AnswerError, match=r"nested too deeply \(more than 20 levels\)") as info:
        parse_answer(too_deep)
    assert info.value.position == MAX_DEPTH
    # function calls and powers count as nesting too
    with pytest.raises(AnswerError, match="nested too deeply"):
        parse_answer("sqrt(" * (MAX_DEPTH + 1) + "1" + ")" * (MAX_DEPTH + 1))
    with pytest.raises(AnswerError, match="nested too deeply"):
        parse_answer("^".join(["1"] * (MAX_DEPTH + 2)))
    assert value_of("^".join(["1"] * (MAX_DEPTH + 1))) == 1.0


def test_messages_never_echo_more_than_20_characters_of_input() -> None:
    long_name = "a" * 150
    with pytest.raises(AnswerError) as info:
        parse_answer(long_name)
    assert "'" + "a" * 19 + "\u2026'" in str(info.value)
    assert "a" * 21 not in str(info.value)
    assert "unknown name 'aaaaaaaaaaaaaaaaaaa\u2026' at position 0" in str(info.value)
    long_number = "1" * 90
    with pytest.raises(AnswerError, match="missing operator") as info:
        parse_answer(f"{long_number} {long_number}")
    assert "1" * 21 not in str(info.value)
    with pytest.raises(AnswerError) as info:
        parse_answer("9" * 150 + "e999")
    assert "9" * 21 not in str(info.value)
    assert "too large" in str(info.value)


def test_answer_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_answer("1/0")
    err = AnswerError("boom", 3)
    assert err.position == 3
    assert AnswerError("boom").position is None


@pytest.mark.parametrize("bad", [None, 1, 1.5, b"1", ["1"]])
def test_non_string_input_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="expects a str"):
        parse_answer(bad)  # type: ignore[arg-type]


# ======================================================================================
# Hostile input is answered quickly
# ======================================================================================

HOSTILE = [
    "9^9^9",
    "9**9**9",
    "(10^1000)^1000",
    "10^10^10^10",
    "exp(exp(exp(10)))",
    "2**-99999999",
    "2^99999999999",
    "(-2)^99999999999",
    "99999999999999999999^99999999999999999999",
    "1e308^1e308",
    "x" * 10_000,
    "9" * 10_000,
    "(" * 10_000,
    "(" * 100 + "1" + ")" * 100,
    "(" * 199,
    "-" * 199 + "1",
    "1" + "^1" * 99,
    "1" + "+1" * 99,
    "sqrt(" * 40,
    "ln(" * 33 + "2" + ")" * 33,
    "2^" * 99 + "2",
    "1e" + "9" * 197,
    "\u221e" * 200,
    " " * 10_000 + "1",
    "\u200b" * 199 + "1",
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"{h[:15]}..{len(h)}" for h in HOSTILE])
def test_hostile_input_answers_quickly(text: str) -> None:
    start = time.perf_counter()
    try:
        result = parse_answer(text)
    except AnswerError as err:
        assert err.message
    else:
        assert isinstance(result.value, float)
        assert not math.isnan(result.value)
    assert time.perf_counter() - start < 0.05


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("9^9^9", "too large"),
        ("(10^1000)^1000", "too large"),
        ("10^10^10^10", "too large"),
        ("exp(exp(exp(10)))", "too large"),
        ("x" * 10_000, "too long"),
        ("(" * 199, "nested too deeply"),
        ("(" * 90 + "1" + ")" * 90, "nested too deeply"),
    ],
)
def test_hostile_input_outcome(text: str, pattern: str) -> None:
    with pytest.raises(AnswerError, match=pattern):
        parse_answer(text)


def test_long_chains_within_the_limit_evaluate() -> None:
    assert value_of("-" * 199 + "1") == -1.0  # 199 minus signs: odd
    assert value_of("1" + "+1" * 99) == 100.0
    assert value_of("\u200b" * 199 + "1") == 1.0


# ======================================================================================
# The module never uses Python's own expression machinery and does not import Django
# ======================================================================================

FORBIDDEN = ["eval(", "exec(", "compile(", "sympify", "parse_expr", "numexpr", "literal_eval"]


def test_source_has_no_forbidden_names() -> None:
    source = ANSWERS_PY.read_text(encoding="utf-8")
    found = [name for name in FORBIDDEN if name in source]
    assert found == []
    assert "sympy" not in source
    assert "__import__" not in source


def test_source_imports_only_the_standard_math_helpers() -> None:
    tree = ast.parse(ANSWERS_PY.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert imported <= {"__future__", "math", "dataclasses", "collections.abc", "typing"}


def test_importing_does_not_import_django() -> None:
    code = (
        "import sys, practice.answers; "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ANSWERS_PY.parents[1],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr


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
