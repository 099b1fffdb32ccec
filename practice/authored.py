"""Questions written without Python: named random numbers, a prompt, an answer expression.

Pure Python (NumPy for the random draws, no Django). An instructor writes a
:class:`Written` question in the admin:

* ``variables``: one ``name = expression`` per line, drawn in order; ``int(2, 9)`` is a
  random whole number from 2 to 9 (both included), ``pick(2, 5, 10)`` one of the values
  given, ``frac(1, 9, 2, 9)`` a random fraction (numerator from 1 to 9, denominator from
  2 to 9); a line may also compute from the names above it (``total = a * b``).
* ``constraints``: one condition per line that every draw must meet (``gcd(a, b) == 1``,
  ``a != b``, ``a/b < 1``); a draw that does not is drawn again.
* ``prompt`` and ``solution``: Markdown with ``$LaTeX$``; ``{a}`` is replaced by the value
  of ``a`` and ``{= a*b}`` by the value of the expression (fractions written ``3/4``).
  Other braces are left alone, so ``\\frac{{a}}{{b}}`` becomes ``\\frac{3}{4}``.
* ``answer``: an expression evaluated exactly (fractions stay fractions) by
  :func:`practice.parser.evaluate`; several expressions separated by commas for the
  ``values`` kind.
* ``kind``: ``integer``, ``exact`` (with an optional written ``form``: ``lowest_terms``,
  ``mixed``, ``fraction``, ``decimal``), ``number`` (within ``rel_tol``) or ``values``.
* ``misconceptions``: one ``code: expression: message`` per line: the value a typical
  mistake gives, and what to tell the student who makes it.

Besides ``ln``, ``log2``, ``log10``, ``log(x, b)``, ``exp`` and ``sqrt``, every expression
may use ``gcd``, ``lcm``, ``abs``, ``min``, ``max``, ``floor``, ``ceil``, ``quotient(a, b)``
(whole-number division) and ``remainder(a, b)``.

:func:`variant` draws a question from a seed exactly as the families of
:mod:`practice.families` do: the same seed gives the same numbers, and a draw that breaks a
constraint, cannot be computed (a division by zero), or is degenerate (an answer that is
not finite or not of its kind, a misconception that gives the answer or another
misconception's value) is drawn again. :func:`problems` finds what is wrong with a
written question, field by field, for the admin's form.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from practice.families import degenerate
from practice.grader import Expected
from practice.parser import AnswerError, Number, evaluate
from practice.questions import MAX_DRAWS, Variant

__all__ = ["FORMS", "KINDS", "TemplateError", "Written", "problems", "variant"]

KINDS = ("integer", "exact", "number", "values")
FORMS = ("", "lowest_terms", "mixed", "fraction", "decimal")
CHECKED_SEEDS = 200
"""How many seeds :func:`problems` draws to check a question."""
MAX_RANGE = 10**6
"""Widest range ``int(low, high)`` may draw from."""

_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
_PLACEHOLDER = re.compile(r"\{(=[^{}]*|[a-z][a-z0-9_]*)\}")
_RESERVED = {"e", "pi", "inf", "infinity"}


class TemplateError(ValueError):
    """What is wrong with a written question: ``field`` names the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Written:
    """A question written in the admin (see the module's docstring)."""

    variables: str
    prompt: str
    answer: str
    kind: str = "exact"
    form: str = ""
    constraints: str = ""
    misconceptions: str = ""
    solution: str = ""
    rel_tol: float = 5e-3


# ------------------------------------------------------------------------ functions


def _whole(x: Number, pos: int, what: str) -> int:
    if isinstance(x, Fraction) and x.denominator == 1:
        return x.numerator
    raise AnswerError(f"{what} needs whole numbers (at position {pos})", pos)


def _exact_functions() -> dict[str, tuple[int, int, Any]]:
    """The deterministic functions every expression may use."""

    def gcd(args, pos):
        return Fraction(math.gcd(*(_whole(a, pos, "gcd") for a in args)))

    def lcm(args, pos):
        return Fraction(math.lcm(*(_whole(a, pos, "lcm") for a in args)))

    def rounding(op):
        def f(args, pos):
            (x,) = args
            return Fraction(op(x)) if isinstance(x, Fraction) else float(op(x))

        return f

    def quotient(args, pos):
        a, b = (_whole(x, pos, "quotient") for x in args)
        if b == 0:
            raise AnswerError(f"division by zero at position {pos}", pos)
        return Fraction(a // b)

    def remainder(args, pos):
        a, b = (_whole(x, pos, "remainder") for x in args)
        if b == 0:
            raise AnswerError(f"division by zero at position {pos}", pos)
        return Fraction(a % b)

    return {
        "gcd": (2, 8, gcd),
        "lcm": (2, 8, lcm),
        "abs": (1, 1, lambda args, pos: abs(args[0])),
        "min": (1, 8, lambda args, pos: min(args)),
        "max": (1, 8, lambda args, pos: max(args)),
        "floor": (1, 1, rounding(math.floor)),
        "ceil": (1, 1, rounding(math.ceil)),
        "quotient": (2, 2, quotient),
        "remainder": (2, 2, remainder),
    }


def _random_functions(rng: np.random.Generator) -> dict[str, tuple[int, int, Any]]:
    """``int``, ``pick`` and ``frac``, drawing from ``rng``."""

    def draw_int(low: int, high: int, pos: int) -> int:
        if low > high:
            raise AnswerError(f"int(low, high) needs low <= high (at position {pos})", pos)
        if high - low > MAX_RANGE:
            raise AnswerError(f"the range is too wide (more than {MAX_RANGE:,} values)", pos)
        return int(rng.integers(low, high + 1))

    def int_(args, pos):
        low, high = (_whole(a, pos, "int(low, high)") for a in args)
        return Fraction(draw_int(low, high, pos))

    def pick(args, pos):
        return args[int(rng.integers(len(args)))]

    def frac(args, pos):
        n_low, n_high, d_low, d_high = (_whole(a, pos, "frac") for a in args)
        numerator = draw_int(n_low, n_high, pos)
        denominator = draw_int(d_low, d_high, pos)
        if denominator == 0:
            raise AnswerError(f"division by zero at position {pos}", pos)
        return Fraction(numerator, denominator)

    return {"int": (2, 2, int_), "pick": (1, 20, pick), "frac": (4, 4, frac)}


# -------------------------------------------------------------------------- reading


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of ``text`` that are not comments (``#``), numbered from 1."""
    return [
        (n, line.strip())
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.strip().startswith("#")
    ]


def _assignments(text: str) -> list[tuple[int, str, str]]:
    """``(line, name, expression)`` for every line of the variables."""
    found = []
    seen: set[str] = set()
    functions = set(_exact_functions()) | {"int", "pick", "frac"}
    for n, line in _lines(text):
        name, equals, expression = line.partition("=")
        name = name.strip().lower()
        if not equals or not expression.strip() or expression.startswith("="):
            raise TemplateError("variables", f"line {n}: write it as 'name = expression'")
        if not _NAME.match(name):
            raise TemplateError(
                "variables",
                f"line {n}: {name!r} is not a name (a lower-case letter, then letters, "
                "digits or _)",
            )
        if name in _RESERVED or name in functions or name in ("ln", "log", "exp", "sqrt"):
            raise TemplateError(
                "variables",
                f"line {n}: {name!r} is already the name of a "
                "constant or a function; choose another",
            )
        if name in seen:
            raise TemplateError("variables", f"line {n}: {name!r} is defined twice")
        seen.add(name)
        found.append((n, name, expression.strip()))
    if not found:
        raise TemplateError("variables", "define at least one variable, such as a = int(2, 9)")
    return found


def _split(text: str) -> list[str]:
    """``text`` split at the commas outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        depth += c == "("
        depth -= c == ")"
        if c == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def _misconceptions(text: str) -> list[tuple[int, str, str, str]]:
    """``(line, code, expression, message)`` for every misconception line."""
    found = []
    for n, line in _lines(text):
        parts = line.split(":", 2)
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise TemplateError(
                "misconceptions", f"line {n}: write it as 'code: expression: message'"
            )
        code, expression, message = (p.strip() for p in parts)
        if not _NAME.match(code):
            raise TemplateError(
                "misconceptions",
                f"line {n}: the code {code!r} must be a lower-case word such as added_tops",
            )
        if code in (c for _, c, _, _ in found):
            raise TemplateError("misconceptions", f"line {n}: the code {code!r} is used twice")
        found.append((n, code, expression, message))
    return found


def _check_shape(written: Written) -> None:
    if written.kind not in KINDS:
        raise TemplateError("kind", f"the answer kind must be one of {', '.join(KINDS)}")
    if written.form not in FORMS:
        raise TemplateError("form", f"the form must be one of {', '.join(FORMS[1:])} or empty")
    if written.form and written.kind != "exact":
        raise TemplateError("form", "a written form goes only with the exact kind")
    if not written.prompt.strip():
        raise TemplateError("prompt", "write the question the student sees")
    if not written.answer.strip():
        raise TemplateError("answer", "write the expression that computes the answer")
    if not written.solution.strip():
        raise TemplateError("solution", "write the worked solution, with the draw's numbers")


# ------------------------------------------------------------------------- drawing


def _show(value: Number) -> str:
    """A value as a prompt shows it: ``7``, ``3/4``, ``-2/5``, ``0.3333``."""
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value}"
    return f"{value:.6g}"


def _json(value: Number) -> Any:
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else str(value)
    return value


class _Draw:
    """One draw of a written question's variables, and expressions evaluated in it."""

    def __init__(self, written: Written, rng: np.random.Generator) -> None:
        self.written = written
        self.functions = _exact_functions()
        self.names: dict[str, Number] = {}
        random = {**self.functions, **_random_functions(rng)}
        for n, name, expression in _assignments(written.variables):
            self.names[name] = self._eval(expression, "variables", f"line {n}", random)

    def _eval(self, expression: str, field: str, where: str, functions=None) -> Number:
        try:
            return evaluate(expression, names=self.names, functions=functions or self.functions)
        except AnswerError as err:
            raise TemplateError(field, f"{where}: {err.message}") from None

    def meets_constraints(self) -> str | None:
        """The first constraint this draw breaks, or None."""
        for n, condition in _lines(self.written.constraints):
            if self._eval(condition, "constraints", f"line {n}") == 0:
                return f"line {n} ({condition})"
        return None

    def value(self, expression: str, field: str, where: str) -> Any:
        """An answer of the question's kind from ``expression``."""
        kind = self.written.kind
        if kind == "values":
            return tuple(self._eval(p, field, where) for p in _split(expression))
        found = self._eval(expression, field, where)
        if kind in ("integer", "exact") and not isinstance(found, Fraction):
            raise TemplateError(field, f"{where}: the value is not exact ({_show(found)})")
        if kind == "integer" and found.denominator != 1:
            raise TemplateError(field, f"{where}: the value {found} is not a whole number")
        if kind == "integer":
            return found.numerator
        return found if kind == "exact" else float(found)

    def fill(self, text: str, field: str) -> str:
        """``text`` with its placeholders replaced by this draw's values."""

        def replace(match: re.Match) -> str:
            inside = match.group(1)
            if inside.startswith("="):
                return _show(self._eval(inside[1:], field, f"{{{inside}}}"))
            return _show(self.names[inside]) if inside in self.names else match.group(0)

        return _PLACEHOLDER.sub(replace, text)


def _variant(written: Written, rng: np.random.Generator) -> tuple[Variant | None, str, str]:
    """One draw: ``(variant, "", "")``, or ``(None, field, why)`` when it is not usable."""
    draw = _Draw(written, rng)
    broken = draw.meets_constraints()
    if broken:
        return None, "constraints", f"it breaks the constraint on {broken}"
    value = draw.value(written.answer, "answer", "the answer")
    alternatives, messages = {}, {}
    for n, code, expression, message in _misconceptions(written.misconceptions):
        alternatives[code] = draw.value(expression, "misconceptions", f"line {n}")
        messages[code] = message
    values = value if written.kind == "values" else (value,)
    answer = Expected(
        value,
        kind=written.kind,
        form=written.form,
        rel_tol=written.rel_tol,
        alternatives=alternatives,
        messages=messages,
    )
    why = degenerate(answer)
    if why:
        return None, "misconceptions" if "mistake" in why else "answer", why
    solution = draw.fill(written.solution, "solution")
    return (
        Variant(
            prompt=draw.fill(written.prompt, "prompt"),
            params={name: _json(v) for name, v in draw.names.items()},
            expected=float(values[0]),
            solution=solution,
            answer=answer,
        ),
        "",
        "",
    )


def variant(written: Written, seed: int) -> Variant:
    """The variant of ``written`` for ``seed``: the same seed gives the same numbers.

    Draws again (from the same random stream) while a draw breaks a constraint, cannot
    be computed, or is degenerate. Raises :class:`TemplateError` when the question itself
    is wrong, or when no draw is usable in :data:`~practice.questions.MAX_DRAWS` tries.
    """
    _check_shape(written)
    rng = np.random.default_rng(seed)
    field, why = "constraints", ""
    for _ in range(MAX_DRAWS):
        try:
            found, field, why = _variant(written, rng)
        except TemplateError as err:
            if not _computational(err):
                raise
            found, field, why = None, err.field, err.message
        if found is not None:
            return found
    raise TemplateError(field, f"no usable draw in {MAX_DRAWS} tries (the last: {why})")


def _computational(err: TemplateError) -> bool:
    """Whether an error belongs to one draw (a division by zero, a value not of the
    answer's kind), not to the question as written."""
    return any(
        phrase in err.message
        for phrase in ("division by zero", "is not a whole number", "is not exact", "too large")
    )


def problems(written: Written) -> dict[str, list[str]]:
    """What is wrong with ``written``, by field (empty if nothing is).

    The question must be well formed; of the first draws of :data:`CHECKED_SEEDS` seeds,
    some must meet the constraints, and most of those must be usable (computable, of the
    answer's kind, not degenerate); otherwise the most frequent reason is named.
    """
    try:
        _check_shape(written)
        _assignments(written.variables)
        _misconceptions(written.misconceptions)
    except TemplateError as err:
        return {err.field: [err.message]}
    reasons: Counter[tuple[str, str]] = Counter()
    broken: Counter[str] = Counter()
    for seed in range(CHECKED_SEEDS):
        rng = np.random.default_rng(seed)
        try:
            found, field, why = _variant(written, rng)
        except TemplateError as err:
            if not _computational(err):
                return {err.field: [err.message]}
            found, field, why = None, err.field, err.message
        if field == "constraints":
            broken[why] += 1
        elif found is None:
            reasons[field, why] += 1
    met = CHECKED_SEEDS - sum(broken.values())
    if not met:
        why = broken.most_common(1)[0][0]
        return {
            "constraints": [
                f"none of {CHECKED_SEEDS} draws meets the constraints (most often {why}): "
                "widen the ranges or loosen the constraints"
            ]
        }
    if sum(reasons.values()) > met // 2:
        (field, why), count = reasons.most_common(1)[0]
        usable = met - sum(reasons.values())
        return {
            field: [
                f"only {usable} of {met} draws that meet the constraints are usable ({count} "
                f"are not because {why}): add a constraint that rules those draws out"
            ]
        }
    return {}
