"""Tests for practice.parser: the answer parser (pure Python, no database)."""

from __future__ import annotations

import ast
import dataclasses
import math
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import pytest

from practice.parser import (
    MAX_DEPTH,
    MAX_LENGTH,
    AnswerError,
    ParsedAnswer,
    evaluate,
    parse_answer,
    parse_values,
)

PARSER_PY = Path(__file__).resolve().parents[2] / "practice" / "parser.py"
GRADER_PY = Path(__file__).resolve().parents[2] / "practice" / "grader.py"
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
    ("1 + $", r"^leave out the dollar sign at position 4: type the amount as a plain number$", 4),
    ("12#", r"unexpected character '#' at position 2", 2),
    ("1 % 2", r"the unit '%' at position 2 must come at the end of the answer", 2),
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
    with pytest.raises(AnswerError, match="unexpected character '#' at position 5") as info:
        parse_answer("   1+#")
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
    source = PARSER_PY.read_text(encoding="utf-8")
    found = [name for name in FORBIDDEN if name in source]
    assert found == []
    assert "sympy" not in source
    assert "__import__" not in source


def test_source_imports_only_the_standard_math_helpers() -> None:
    tree = ast.parse(PARSER_PY.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert imported <= {
        "__future__",
        "math",
        "fractions",
        "dataclasses",
        "collections.abc",
        "typing",
    }


def test_importing_does_not_import_django() -> None:
    code = (
        "import sys, practice.parser; "
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PARSER_PY.parents[1],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr


# ======================================================================================
# Exact values, written forms, units of a school curriculum, several values
# ======================================================================================

EXACT = [
    # (text, exact value or None, form, parts, unit)
    ("3/4", Fraction(3, 4), "fraction", (3, 4), None),
    ("6/8", Fraction(3, 4), "fraction", (6, 8), None),
    ("-3/4", Fraction(-3, 4), "fraction", (3, 4), None),
    ("1 1/2", Fraction(3, 2), "mixed", (1, 1, 2), None),
    ("-2 3/4", Fraction(-11, 4), "mixed", (2, 3, 4), None),
    ("2 1/2 + 1", Fraction(7, 2), "expression", (), None),
    ("0.75", Fraction(3, 4), "decimal", (), None),
    ("0.1 + 0.2", Fraction(3, 10), "expression", (), None),
    ("12", Fraction(12), "integer", (), None),
    ("8^(1/3)", Fraction(2), "expression", (), None),
    ("sqrt(9/4)", Fraction(3, 2), "expression", (), None),
    ("log2(1/8)", Fraction(-3), "expression", (), None),
    ("2^-3", Fraction(1, 8), "expression", (), None),
    ("sqrt(2)", None, "expression", (), None),
    ("pi/6", None, "expression", (), None),
    ("35%", Fraction(35), "integer", (), "percent"),
    ("12.5 %", Fraction(25, 2), "decimal", (), "percent"),
    ("30°", Fraction(30), "integer", (), "degrees"),
    ("30 degrees", Fraction(30), "integer", (), "degrees"),
    ("pi/6 rad", None, "expression", (), "radians"),
    ("1 radian", Fraction(1), "integer", (), "radians"),
]


@pytest.mark.parametrize(
    ("text", "exact", "form", "parts", "unit"), EXACT, ids=[r[0] for r in EXACT]
)
def test_exact_values_and_written_forms(text, exact, form, parts, unit) -> None:
    parsed = parse_answer(text)
    assert parsed.exact == exact
    assert parsed.form == form
    assert parsed.parts == parts
    assert parsed.unit == unit
    if exact is not None:
        assert parsed.value == float(exact)


def test_exact_values_give_way_to_floats_when_they_grow() -> None:
    small = parse_answer("2^-1500")  # 1501 bits: still exact, though its float is 0
    assert small.exact == Fraction(1, 2**1500) and small.value == 0.0
    tiny = parse_answer("2^-3000")  # over the limit: a float
    assert tiny.exact is None and tiny.value == 0.0
    assert parse_answer("(2/3)^2000 * 2").exact is None
    with pytest.raises(AnswerError, match="too large"):  # a result beyond a float
        parse_answer("7^600 / 7^599")


MIXED_REFUSED = [
    ("2 3", r"missing operator between '2' and '3'", 2),
    ("1 1/0", r"division by zero at position 3", 3),
    ("1 1/2^2", r"missing operator between '1' and '1'", 2),
    ("50 % 2", r"the unit '%' at position 3 must come at the end", 3),
    ("%", r"expected a number at position 0, but found the unit '%'", 0),
    ("30° bits", r"only one unit is allowed", 4),
]


@pytest.mark.parametrize(("text", "pattern", "position"), MIXED_REFUSED)
def test_mixed_numbers_and_units_refused_with_a_position(text, pattern, position) -> None:
    with pytest.raises(AnswerError, match=pattern) as info:
        parse_answer(text)
    assert info.value.position == position


def test_several_values() -> None:
    assert [p.exact for p in parse_values("7, 3")] == [7, 3]
    assert [p.exact for p in parse_values("7 r 3")] == [7, 3]
    assert [p.exact for p in parse_values("7 R 3")] == [7, 3]
    assert [p.exact for p in parse_values("1/2; 3/4")] == [Fraction(1, 2), Fraction(3, 4)]
    assert [p.value for p in parse_values("log(8, 2), 1")] == [3.0, 1.0]
    assert len(parse_values("5")) == 1
    with pytest.raises(AnswerError, match=r"^value 2 is missing"):
        parse_values("7,")
    with pytest.raises(AnswerError, match=r"^value 2: unknown name 'x'"):
        parse_values("7, x")
    with pytest.raises(AnswerError, match="too many values"):
        parse_values(",".join(["1"] * 9))


# ======================================================================================
# Template expressions
# ======================================================================================


def _gcd(args, pos):
    return math.gcd(int(args[0]), int(args[1]))


TEMPLATE_FUNCTIONS = {"gcd": (2, 2, _gcd)}


def test_template_expressions_bind_variables_exactly() -> None:
    names = {"a": 4, "b": Fraction(3, 2)}
    assert evaluate("a * b + 1/3", names=names) == Fraction(19, 3)
    assert evaluate("a^2 - 2*a", names=names) == 8
    assert evaluate("gcd(a, 6)", names=names, functions=TEMPLATE_FUNCTIONS) == 2
    assert isinstance(evaluate("sqrt(a)", names=names), Fraction)
    assert isinstance(evaluate("sqrt(a + 1)", names=names), float)


COMPARISONS = [
    ("a < b", 0),
    ("a > b", 1),
    ("a >= 4", 1),
    ("a <= 3", 0),
    ("a == 4", 1),
    ("a != 4", 0),
    ("a*b == 6", 1),
    ("(a > b) + (a == 4)", 2),
]


@pytest.mark.parametrize(("text", "value"), COMPARISONS)
def test_template_comparisons_give_one_or_zero(text: str, value: int) -> None:
    assert evaluate(text, names={"a": 4, "b": Fraction(3, 2)}) == value


TEMPLATE_REFUSED = [
    ("c + 1", r"unknown name 'c' at position 0; functions: .*gcd.*; variables: a, b"),
    ("a = 1", r"unexpected character '=' at position 2 \(compare with"),
    ("a bits", r"a unit \('bits' at position 2\) has no place in a template expression"),
    ("gcd(a)", r"gcd at position 0 takes 2 arguments, but got 1"),
    ("a/0", r"division by zero at position 1"),
    ("", r"please enter an answer"),
    ("1 +" * 300, r"too long"),
]


@pytest.mark.parametrize(("text", "pattern"), TEMPLATE_REFUSED)
def test_template_expressions_refused_with_a_message(text: str, pattern: str) -> None:
    with pytest.raises(AnswerError, match=pattern):
        evaluate(text, names={"a": 4, "b": 2}, functions=TEMPLATE_FUNCTIONS)


def test_students_cannot_use_variables_or_comparisons() -> None:
    with pytest.raises(AnswerError, match="unknown name 'a'"):
        parse_answer("a + 1")
    with pytest.raises(AnswerError, match="unexpected character '<'"):
        parse_answer("1 < 2")


@pytest.mark.parametrize(
    ("text", "shown", "position"),
    [("5,000", "(5000)", 1), (" 40,000", "(40000)", 3), ("1,234,567", "(1234567)", 1)],
)
def test_a_number_with_grouping_commas_is_told_to_leave_them_out(text, shown, position):
    """The general comma message suggests a decimal point, which would make 5,000 into 5."""
    with pytest.raises(AnswerError) as err:
        parse_answer(text)
    assert err.value.message == f"type the number without commas {shown}"
    assert err.value.position == position
    assert "decimals" not in err.value.message


@pytest.mark.parametrize("text", ["$1.35", "1.35$", "$ 5"])
def test_a_dollar_sign_is_refused_with_a_message_naming_it(text):
    for parse in (parse_answer, parse_values):
        with pytest.raises(AnswerError, match="leave out the dollar sign"):
            parse(text)


@pytest.mark.parametrize("text", ["(3, -4)", "(3,-4)", "[3, 4]", " (2; 5)"])
def test_values_inside_brackets_are_told_to_leave_the_brackets_out(text):
    with pytest.raises(AnswerError, match="leave out the brackets"):
        parse_values(text)


def test_brackets_around_each_value_are_still_read():
    assert [p.exact for p in parse_values("(1), (-2)")] == [1, -2]
    assert [p.exact for p in parse_values("(-3)")] == [-3]
