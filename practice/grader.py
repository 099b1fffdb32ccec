"""Grading students' answers against what a question expects.

Pure Python (no Django). :func:`grade` compares a numeric answer (text, a
:class:`~practice.parser.ParsedAnswer` or a plain number) with an expected float and
returns a :class:`Verdict`; :func:`grade_answer` grades every kind of answer a question
can ask for (:class:`Expected`): a number within a tolerance, an exact fraction or
integer, a written form (lowest terms, a mixed number), a choice among options, or
several values. Neither raises for text: text that cannot be read gives
``Verdict(correct=False, diagnosis="unparseable", message=<the parser's message>)``. They
raise :class:`ValueError`/:class:`TypeError` only for caller mistakes (a NaN expected
value, an unknown unit or diagnosis code, negative tolerances).

Tolerance (:func:`close`): ``|answer - expected| <= max(rel_tol*|expected|, abs_tol)``;
infinities only match the same infinity. The default ``rel_tol`` is 0.5 %
(:data:`DEFAULT_REL_TOL`): exactly enough that *any* correct answer rounded to three
significant figures is accepted (rounding to 3 s.f. changes a number by at most 0.5 % of
itself), while typical mistakes (reversed divergence, wrong unit, missing term) are far
outside it. ``abs_tol`` (default ``1e-9``) is the floor that lets ``0`` and ``1e-15``
both match an expected value of 0.

Units: ``bits``/``nats`` and ``degrees``/``radians`` convert into each other; an answer
with a unit is converted to the question's unit before it is compared. A percent (``35%``)
is 0.35 for a question without a unit and 35 for a question asked in percent; for a
question in bits, nats or an angle it is refused as the wrong unit.

If the answer is wrong the grader looks, in this order, for: the caller's
``alternatives`` (code → value that mistake would give); ``wrong_unit`` (the other unit
of the same kind); ``wrong_base`` (log base 10); ``sign_error`` (answer ≈ -expected);
``negative_divergence`` (a negative answer when ``nonnegative=True``); ``imprecise``
(within ten times the tolerance). Each code has a student-facing explanation in
:data:`DIAGNOSES`, or in the ``messages`` the caller gives for codes of its own.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from practice.parser import AnswerError, ParsedAnswer, parse_answer, parse_values

__all__ = [
    "DEFAULT_ABS_TOL",
    "DEFAULT_REL_TOL",
    "DIAGNOSES",
    "KINDS",
    "UNITS",
    "Expected",
    "Verdict",
    "answer_text",
    "close",
    "expected_from_data",
    "expected_to_data",
    "grade",
    "grade_answer",
]

DEFAULT_REL_TOL = 5e-3
"""Default relative tolerance: accepts any correct answer rounded to 3 significant figures."""

DEFAULT_ABS_TOL = 1e-9
"""Default absolute tolerance, the floor used near zero."""

UNITS = ("bits", "nats", "degrees", "radians", "percent")
KINDS = ("number", "exact", "integer", "choice", "values")
FORMS = ("", "lowest_terms", "mixed", "fraction", "decimal")

_LN2 = math.log(2.0)
_LOG10_2 = math.log10(2.0)
# unit → (its partner, the factor from it to the partner)
_PARTNER = {
    "bits": ("nats", _LN2),
    "nats": ("bits", 1 / _LN2),
    "degrees": ("radians", math.pi / 180),
    "radians": ("degrees", 180 / math.pi),
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The result of grading one answer."""

    correct: bool
    diagnosis: str | None  # a key of DIAGNOSES or of the question's messages, or None
    message: str  # student-facing sentence
    value: float | None  # the answer in the question's unit; None if unparseable or a choice
    expected: Any


DIAGNOSES: dict[str, str] = {
    "unparseable": "Your answer could not be read as a number.",
    "reversed": (
        "You computed D(Q\u2016P): KL divergence is not symmetric; "
        "the question asks for D(P\u2016Q)."
    ),
    "missing_term": "It looks like one term of the sum is missing.",
    "cross_entropy": (
        "That is the cross-entropy H(P, Q); the KL divergence is H(P, Q) \u2212 H(P)."
    ),
    "entropy": "That is the entropy H(P), not the quantity the question asks for.",
    "sign_error": ("Your answer has the wrong sign. KL divergence and entropy are never negative."),
    "negative_divergence": (
        "Your answer is negative, but this quantity can never be negative: by Gibbs' "
        "inequality D(P\u2016Q) \u2265 0, with equality only when P = Q."
    ),
    "wrong_unit": (
        "That is the value in the wrong unit: bits use log base 2 and nats use the natural "
        "log (1 nat = 1/ln 2 \u2248 1.443 bits)."
    ),
    "wrong_base": (
        "It looks like you used log base 10. Use log base 2 (log2) for bits, or the "
        "natural log (ln) for nats."
    ),
    "unit_not_expected": "This quantity has no unit; enter just the number.",
    "imprecise": (
        "Close, but not accurate enough: keep more digits in the intermediate steps and "
        "give at least 3 significant figures."
    ),
    "not_exact": (
        "Close, but this answer is exact: give it as a fraction or a whole number, "
        "not a rounded decimal."
    ),
    "not_integer": "The answer is a whole number.",
    "not_simplified": (
        "That has the right value but is not in lowest terms: divide the numerator and "
        "the denominator by their greatest common factor."
    ),
    "not_mixed": (
        "That has the right value; now write it as a mixed number: a whole number and a "
        "proper fraction, such as 2 1/3."
    ),
    "not_fraction": "That has the right value; now write it as a single fraction, such as 7/3.",
    "not_decimal": "That has the right value; now write it as a decimal, such as 0.75.",
    "not_an_option": "Choose one of the options.",
    "value_count": "The answer has a different number of values.",
    "swapped": "The values are right but in the wrong order.",
}
"""Diagnosis code → student-facing explanation."""

_CORRECT = "Correct!"
_INCORRECT = "That is not correct."
_SIGN_ONLY = "Your answer has the wrong sign."


@dataclass(frozen=True)
class Expected:
    """What a question expects, and the mistakes it recognises.

    ``kind``:

    * ``"number"``: ``value`` a float, right within ``rel_tol`` (in ``unit``);
    * ``"exact"``: ``value`` a :class:`~fractions.Fraction`, right only exactly, in the
      written ``form`` if one is asked for (``"lowest_terms"``, ``"mixed"``,
      ``"fraction"``, ``"decimal"``);
    * ``"integer"``: ``value`` an int (a Fraction with denominator 1 also does);
    * ``"choice"``: ``value`` the key of the right option among ``options``; ``labels``
      (optional, one per option) words each option beside its key on the answer form,
      when the prompt does not already list them;
    * ``"values"``: ``value`` a tuple of Fractions (exact) or floats (within ``rel_tol``).

    ``alternatives`` maps a diagnosis code to the value (of the same kind) that mistake
    gives; ``messages`` words the codes that are not in :data:`DIAGNOSES`, or rewords
    those that are, for this question.
    """

    value: Any
    kind: str = "number"
    unit: str | None = None
    rel_tol: float = DEFAULT_REL_TOL
    form: str = ""
    alternatives: Mapping[str, Any] = field(default_factory=dict)
    messages: Mapping[str, str] = field(default_factory=dict)
    nonnegative: bool = False
    options: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()

    def message(self, code: str) -> str:
        return self.messages.get(code) or DIAGNOSES[code]


def close(
    a: float,
    b: float,
    *,
    rel_tol: float = DEFAULT_REL_TOL,
    abs_tol: float = DEFAULT_ABS_TOL,
) -> bool:
    """Whether ``a`` matches the reference value ``b``.

    ``|a - b| <= max(rel_tol * |b|, abs_tol)`` -- the tolerance is relative to ``b`` (the
    expected value), not symmetric.  An infinite value matches only the same infinity;
    NaN matches nothing.
    """
    if math.isnan(a) or math.isnan(b):
        return False
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(rel_tol * abs(b), abs_tol)


def answer_text(expected: Expected, value: Any = None) -> str:
    """``value`` (default: the right answer) written as a student would type it.

    A Fraction as ``3/4`` (``1 1/2`` when the form asked for is mixed, ``0.75`` when it is
    decimal), an integer as ``7``, a float to 6 significant figures with its unit, several
    values separated by commas, a choice as its key.
    """
    value = expected.value if value is None else value
    if expected.kind == "choice":
        return str(value)
    if expected.kind == "values":
        return ", ".join(_one_text(v, expected) for v in value)
    return _one_text(value, expected)


def _value_data(value: Any) -> Any:
    if isinstance(value, Fraction):
        return str(value)  # "3/4", or "2" for a whole number
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)  # a NumPy integer too
    if isinstance(value, numbers.Real):
        x = float(value)
        return x if math.isfinite(x) else {"float": str(x)}  # JSON has no infinity
    return value


def _value_from(data: Any, kind: str) -> Any:
    if isinstance(data, dict):
        return float(data["float"])
    if kind in ("exact", "values") and isinstance(data, str):
        return Fraction(data)
    if kind == "integer":
        return int(data)
    return data


def expected_to_data(expected: Expected) -> dict[str, Any]:
    """What a stored attempt keeps of ``expected`` to show it again: its kind, value,
    unit, form and options, as JSON data (a Fraction as the text ``"3/4"``, an infinite
    float as ``{"float": "inf"}``). The misconceptions are left out: a regrade draws the
    variant again from its seed."""
    values = expected.value
    if expected.kind == "values":
        value = [_value_data(v) for v in values]
    else:
        value = _value_data(values)
    data: dict[str, Any] = {"kind": expected.kind, "value": value}
    if expected.unit:
        data["unit"] = expected.unit
    if expected.form:
        data["form"] = expected.form
    if expected.options:
        data["options"] = list(expected.options)
    if expected.labels:
        data["labels"] = list(expected.labels)
    return data


def expected_from_data(data: Mapping[str, Any]) -> Expected:
    """The :class:`Expected` that :func:`expected_to_data` wrote (without misconceptions).

    >>> e = Expected(Fraction(3, 4), kind="exact", form="lowest_terms")
    >>> expected_from_data(expected_to_data(e)) == e
    True
    """
    kind = data["kind"]
    if kind == "values":
        value: Any = tuple(_value_from(v, kind) for v in data["value"])
    else:
        value = _value_from(data["value"], kind)
    return Expected(
        value,
        kind=kind,
        unit=data.get("unit"),
        form=data.get("form", ""),
        options=tuple(data.get("options", ())),
        labels=tuple(data.get("labels", ())),
    )


def _one_text(value: Any, expected: Expected) -> str:
    unit = {"degrees": "°", "percent": "%"}.get(expected.unit or "", f" {expected.unit or ''}")
    unit = unit.rstrip()
    if isinstance(value, int | Fraction) and not isinstance(value, bool):
        f = Fraction(value)
        if f.denominator == 1:
            return f"{f.numerator}{unit}"
        if expected.form == "decimal":
            return f"{float(f):.10g}{unit}"
        whole, rest = divmod(abs(f.numerator), f.denominator)
        if expected.form == "mixed" and whole:
            sign = "-" if f < 0 else ""
            return f"{sign}{whole} {rest}/{f.denominator}{unit}"
        return f"{f.numerator}/{f.denominator}{unit}"
    return f"{float(value):.6g}{unit}"


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "infinity" if x > 0 else "\u2212infinity"
    return f"{x:.4g}"


def _label(unit: str, x: float) -> str:
    if unit == "percent":
        return "%"
    return unit[:-1] if x == 1 else unit  # "1 bit", "2 bits"


def _check_float(name: str, x: object) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float | Fraction):
        raise TypeError(f"{name} must be a number, not {type(x).__name__}")
    x = float(x)
    if math.isnan(x):
        raise ValueError(f"{name} must not be NaN")
    return x


def _check_codes(codes, messages: Mapping[str, str]) -> None:
    for code in codes:
        if code not in DIAGNOSES and code not in messages:
            raise ValueError(
                f"unknown diagnosis code {code!r}: give it a message, or use one of "
                f"{sorted(DIAGNOSES)}"
            )


@dataclass(frozen=True)
class _InUnit:
    """An answer converted to the question's unit, or the verdict that it cannot be."""

    value: float
    exact: Fraction | None
    refused: tuple[str | None, str] | None = None  # (diagnosis, message)


def _to_unit(parsed: ParsedAnswer, unit: str | None) -> _InUnit:
    given = parsed.unit
    raw, exact = parsed.value, parsed.exact
    if given is None or given == unit:
        return _InUnit(raw, exact)
    if given == "percent":
        if unit is None:
            return _InUnit(raw / 100, exact / 100 if exact is not None else None)
        message = f"A percent does not fit here: the question asks for {unit}."
        return _InUnit(raw, exact, ("wrong_unit", message))
    if unit is None:
        return _InUnit(raw, exact, ("unit_not_expected", DIAGNOSES["unit_not_expected"]))
    partner = _PARTNER.get(given)
    if partner is None or partner[0] != unit:
        return _InUnit(raw, exact, ("wrong_unit", f"The question asks for {unit}, not {given}."))
    value = raw * partner[1]
    if math.isinf(value) and math.isfinite(raw):
        return _InUnit(value, None, (None, _INCORRECT))
    return _InUnit(value, None)


def grade(
    answer: str | ParsedAnswer | float,
    expected: float,
    *,
    unit: str | None = "bits",
    rel_tol: float = DEFAULT_REL_TOL,
    abs_tol: float = DEFAULT_ABS_TOL,
    alternatives: Mapping[str, float] | None = None,
    messages: Mapping[str, str] | None = None,
    nonnegative: bool = False,
) -> Verdict:
    """Grade a numeric ``answer`` against ``expected`` (a value in ``unit``).

    ``answer`` is the student's text (parsed with :func:`~practice.parser.parse_answer`;
    unparseable text gives diagnosis ``"unparseable"`` instead of an exception), a
    :class:`~practice.parser.ParsedAnswer`, or a plain number (taken as having no unit).

    ``unit`` is one of :data:`UNITS` or ``None`` for a quantity without a unit (a
    probability, say). An answer with an explicit unit is converted to ``unit`` before
    comparison (``0.3466 nats`` is right for 0.5 bits); with ``unit=None`` an explicit unit
    other than a percent is diagnosed ``"unit_not_expected"``.

    ``alternatives`` maps diagnosis codes to the value the corresponding mistake would
    produce, in ``unit``; they are checked in order, before the built-in checks; codes
    that are not in :data:`DIAGNOSES` need a message in ``messages``.
    ``nonnegative=True`` says the quantity can never be negative (divergence, entropy),
    enabling ``negative_divergence``.

    Raises ``ValueError``/``TypeError`` only for invalid arguments from the caller.
    """
    expected = _check_float("expected", expected)
    alts = _checked_arguments(unit, rel_tol, abs_tol, alternatives, messages or {})
    messages = messages or {}
    parsed = _read(answer)
    if isinstance(parsed, AnswerError):
        return Verdict(False, "unparseable", parsed.message, None, expected)

    def verdict(correct: bool, diagnosis: str | None, message: str) -> Verdict:
        return Verdict(correct, diagnosis, message, value, expected)

    def matches(x: float, target: float) -> bool:
        return close(x, target, rel_tol=rel_tol, abs_tol=abs_tol)

    converted = _to_unit(parsed, unit)
    value = converted.value
    if converted.refused is not None:
        return verdict(False, *converted.refused)
    if matches(value, expected):
        return verdict(True, None, _correct_message(parsed, value, unit))
    for code, alt in alts:
        if matches(value, alt):
            return verdict(False, code, messages.get(code) or DIAGNOSES[code])
    special = expected == 0 or math.isinf(expected)
    if not special:
        found = _unit_mistake(parsed, expected, unit, matches, messages)
        if found is not None:
            return verdict(False, *found)
    if not special and matches(value, -expected):
        message = DIAGNOSES["sign_error"] if nonnegative else _SIGN_ONLY
        return verdict(False, "sign_error", messages.get("sign_error") or message)
    if nonnegative and value < 0:
        code = "negative_divergence"
        return verdict(False, code, messages.get(code) or DIAGNOSES[code])
    if close(value, expected, rel_tol=10 * rel_tol, abs_tol=10 * abs_tol):
        return verdict(False, "imprecise", messages.get("imprecise") or DIAGNOSES["imprecise"])
    return verdict(False, None, _INCORRECT)


def _checked_arguments(
    unit: str | None,
    rel_tol: float,
    abs_tol: float,
    alternatives: Mapping[str, float] | None,
    messages: Mapping[str, str],
) -> list[tuple[str, float]]:
    """:func:`grade`'s arguments checked (``ValueError``/``TypeError`` for a caller's
    mistake), and its alternatives as ``(code, value)`` pairs."""
    if unit is not None and unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS} or None, not {unit!r}")
    for name, tol in (("rel_tol", rel_tol), ("abs_tol", abs_tol)):
        if _check_float(name, tol) < 0:
            raise ValueError(f"{name} must not be negative")
    _check_codes(alternatives or {}, messages)
    return [
        (code, _check_float(f"alternatives[{code!r}]", alt))
        for code, alt in (alternatives or {}).items()
    ]


def _read(answer: str | ParsedAnswer | float) -> ParsedAnswer | AnswerError:
    """The answer as parsed (a plain number has no unit), or why its text cannot be read."""
    if isinstance(answer, str):
        try:
            return parse_answer(answer)
        except AnswerError as err:
            return err
    if isinstance(answer, ParsedAnswer):
        return answer
    return ParsedAnswer(_check_float("answer", answer))


def _correct_message(parsed: ParsedAnswer, value: float, unit: str | None) -> str:
    """ "Correct!", saying what the answer is in the question's unit if it had another."""
    raw, given = parsed.value, parsed.unit
    if given is None or given == unit:
        return _CORRECT
    asked = "" if unit is None else " " + _label(unit, value)
    return f"{_CORRECT} ({_fmt(raw)} {_label(given, raw)} is {_fmt(value)}{asked}.)"


def _unit_mistake(
    parsed: ParsedAnswer,
    expected: float,
    unit: str | None,
    matches: Callable[[float, float], bool],
    messages: Mapping[str, str],
) -> tuple[str, str] | None:
    """The answer in the unit's partner (bits and nats, degrees and radians), written
    without a unit or labelled wrongly, or worked with log base 10: ``(code, message)``."""
    partner = _PARTNER.get(unit) if unit is not None else None
    if partner is None:
        return None
    raw, given = parsed.value, parsed.unit
    other, factor = partner
    if given in (None, unit) and matches(raw, expected * factor):
        return "wrong_unit", messages.get("wrong_unit") or (
            f"That is the value in {other}; the question asks for {unit}."
        )
    if given == other and matches(raw, expected):
        return "wrong_unit", (
            f"That number is the answer in {unit}, but you labelled it {other}; "
            f"the question asks for {unit}."
        )
    if unit in ("bits", "nats"):
        base10 = (expected if unit == "bits" else expected / _LN2) * _LOG10_2
        if matches(raw, base10):
            return "wrong_base", messages.get("wrong_base") or DIAGNOSES["wrong_base"]
    return None


# --------------------------------------------------------------------------------------
# Every kind of answer
# --------------------------------------------------------------------------------------


def grade_answer(answer: str, expected: Expected) -> Verdict:
    """Grade the student's text ``answer`` against ``expected`` (see :class:`Expected`)."""
    if expected.kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {expected.kind!r}")
    if expected.form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, not {expected.form!r}")
    _check_codes(expected.alternatives, expected.messages)
    if expected.kind == "number":
        return grade(
            answer,
            expected.value,
            unit=expected.unit,
            rel_tol=expected.rel_tol,
            alternatives=expected.alternatives,
            messages=expected.messages,
            nonnegative=expected.nonnegative,
        )
    if expected.kind == "choice":
        return _grade_choice(answer, expected)
    if expected.kind == "values":
        return _grade_values(answer, expected)
    try:
        parsed = parse_answer(answer)
    except AnswerError as err:
        return Verdict(False, "unparseable", err.message, None, expected.value)
    return _grade_exact(parsed, expected)


def _same(value: float, exact: Fraction | None, target: Any, rel_tol: float) -> bool:
    """Whether an answer equals ``target``: exactly for a Fraction or int, else closely."""
    if isinstance(target, Fraction | int):
        return exact is not None and exact == target
    return close(value, float(target), rel_tol=rel_tol)


def _grade_exact(parsed: ParsedAnswer, expected: Expected) -> Verdict:
    """An exact number (``kind`` "exact" or "integer"), in a written form if asked for."""
    target = Fraction(expected.value)
    if expected.kind == "integer" and target.denominator != 1:
        raise ValueError(f"an integer question expects an integer, not {expected.value!r}")

    def verdict(correct: bool, code: str | None, message: str, value: float) -> Verdict:
        return Verdict(correct, code, message, value, expected.value)

    converted = _to_unit(parsed, expected.unit)
    value, exact = converted.value, converted.exact
    if converted.refused is not None:
        code, message = converted.refused
        return verdict(False, code, message, value)
    if exact is not None and exact == target:
        problem = _form_problem(parsed, expected)
        if problem:
            return verdict(False, problem, expected.message(problem), value)
        return verdict(True, None, _CORRECT, value)
    for code, alt in expected.alternatives.items():
        if _same(value, exact, Fraction(alt) if isinstance(alt, int) else alt, expected.rel_tol):
            return verdict(False, code, expected.message(code), value)
    if target != 0 and exact is not None and exact == -target:
        return verdict(False, "sign_error", expected.messages.get("sign_error", _SIGN_ONLY), value)
    if expected.kind == "integer" and (exact is None or exact.denominator != 1):
        if close(value, float(target), rel_tol=0.01):
            return verdict(False, "not_integer", expected.message("not_integer"), value)
    if close(value, float(target), rel_tol=DEFAULT_REL_TOL, abs_tol=DEFAULT_ABS_TOL):
        return verdict(False, "not_exact", expected.message("not_exact"), value)
    return verdict(False, None, _INCORRECT, value)


def _form_problem(parsed: ParsedAnswer, expected: Expected) -> str | None:
    """The diagnosis of a right value in the wrong written form, or None."""
    form, value = expected.form, Fraction(expected.value)
    if not form:
        return None
    written = parsed.form
    if parsed.unit == "percent" and expected.unit != "percent":
        written = "percent"  # 75% is 3/4, but not written as a fraction or a decimal
    if form == "decimal":
        return None if written in ("decimal", "integer") else "not_decimal"
    if value.denominator == 1:  # a whole number: written as one
        return None if written == "integer" else "not_simplified"
    if form == "mixed" and abs(value) > 1:
        if written != "mixed":
            return "not_mixed"
        _, numerator, denominator = parsed.parts
        if numerator >= denominator or math.gcd(numerator, denominator) != 1:
            return "not_simplified"
        return None
    if form == "fraction" or form == "mixed":  # a proper fraction is its own mixed number
        if written != "fraction":
            return "not_fraction"
    if written == "fraction":
        numerator, denominator = parsed.parts
        return None if math.gcd(numerator, denominator) == 1 else "not_simplified"
    if written == "mixed" and form == "lowest_terms":
        _, numerator, denominator = parsed.parts
        ok = numerator < denominator and math.gcd(numerator, denominator) == 1
        return None if ok else "not_simplified"
    return "not_fraction"


def _option_key(answer: str, options: tuple[str, ...]) -> str:
    """The option ``answer`` names: exactly, or ignoring case when no two options differ
    only by case (``b`` for ``B``); the stripped answer itself when it names none."""
    key = answer.strip()
    if key in options:
        return key
    folded = [option for option in options if option.casefold() == key.casefold()]
    lowered = {option.casefold() for option in options}
    if len(folded) == 1 and len(lowered) == len(options):
        return folded[0]
    return key


def _grade_choice(answer: str, expected: Expected) -> Verdict:
    key = _option_key(answer, expected.options)
    if key not in expected.options:
        return Verdict(False, "not_an_option", expected.message("not_an_option"), None, key)
    if key == expected.value:
        return Verdict(True, None, _CORRECT, None, expected.value)
    for code, option in expected.alternatives.items():
        if option == key:
            return Verdict(False, code, expected.message(code), None, expected.value)
    return Verdict(False, None, _INCORRECT, None, expected.value)


def _grade_values(answer: str, expected: Expected) -> Verdict:
    targets = tuple(expected.value)
    try:
        parsed = parse_values(answer)
    except AnswerError as err:
        return Verdict(False, "unparseable", err.message, None, targets)
    if expected.unit is not None and any(p.unit for p in parsed):
        given = next(p.unit for p in parsed if p.unit)
        if given != expected.unit:
            message = f"The question asks for {expected.unit}, not {given}."
            return Verdict(False, "wrong_unit", message, None, targets)
    if len(parsed) != len(targets):
        message = (
            f"{expected.message('value_count')} Enter {len(targets)} values separated by "
            f"commas; you entered {len(parsed)}."
        )
        return Verdict(False, "value_count", message, None, targets)

    def matches(candidate: tuple) -> bool:
        return all(
            _same(p.value, p.exact, t, expected.rel_tol)
            for p, t in zip(parsed, candidate, strict=True)
        )

    first = parsed[0].value
    if matches(targets):
        return Verdict(True, None, _CORRECT, first, targets)
    for code, alt in expected.alternatives.items():
        if len(alt) == len(targets) and matches(tuple(alt)):
            return Verdict(False, code, expected.message(code), first, targets)
    if len(targets) > 1 and matches(targets[::-1]) and targets != targets[::-1]:
        return Verdict(False, "swapped", expected.message("swapped"), first, targets)
    return Verdict(False, None, _INCORRECT, first, targets)
