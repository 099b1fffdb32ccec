"""Checks that every number a lesson states is a computation's result.

Two checks, used by the explainer tests and by every lesson file of this package:

:func:`number_problems` (claims)
    A claim is a snippet of the lesson's text in which every number is a slot ``«spec»``
    (a format spec, e.g. ``«.3f»``), with the computed values that fill the slots. The
    checker fills each snippet and requires it in the text, then scans the text for every
    decimal number and every whole number followed by a unit (bit, bits, nat, nats) and
    requires each one to be a filled slot of some snippet. Editing a number breaks the
    first check, adding one without a computation the second.

:func:`equation_problems` (arithmetic)
    Every formula (``$...$`` or ``$$...$$``) that is pure arithmetic on both sides of its
    ``=`` signs (numbers, ``+ - \\times \\cdot \\div / ^``, ``\\frac``, ``\\sqrt``,
    parentheses) is evaluated exactly with :func:`practice.parser.evaluate`, and all its
    sides must be equal; a side after ``\\approx`` must be the others rounded as written.
    So ``$3 + 4 = 7$``, ``$\\frac{1}{2} + \\frac{1}{3} = \\frac{5}{6}$`` and
    ``$\\sqrt{2} \\approx 1.414$`` are checked with no claim at all; a formula with a
    letter in it (``$a + b = b + a$``) is left to the claims.

Each lesson file ``tests/lessons/test_<band>.py`` defines ``CLAIMS = {slug: function
returning a list of Claim}`` for the lessons it checks; :func:`registered_claims` gathers
them, so the explainer test that runs over every lesson finds them.

Plots: a ``[[plot:...]]`` line is neither checked for numbers nor counted as prose. A
lesson file that places plots defines ``PLOT_LINES = {slug: function returning the
lesson's plot lines}``, each built from the numbers of the example it pictures;
:func:`registered_plots` gathers them, and the explainer test requires a lesson's plot
lines to be exactly those and each to be a valid plot. What the prose says about a picture
is checked against the plot's own numbers (see ``test_lesson_plots.py``).
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from knowledge_graph.curriculum import EXPLAINER_DIR
from practice.parser import AnswerError, evaluate

_SLOT = re.compile(r"«([^»]*)»")
_NUMBER = re.compile(r"(?<![\w.\\])-?\d+(?:\.\d+)?(?!\d)")
_UNIT_AFTER = re.compile(r"\s*\$?\s*(?:\\[,;: ]\s*)?(?:\\(?:text|mathrm)\{\s*)?(?:bits?|nats?)\b")
SHORTCODE = re.compile(r"^\[\[plot:.*\]\]\s*$", re.M)


def lesson(slug: str) -> str:
    """The lesson of topic ``slug``, as written in ``fixtures/explainers/``."""
    return (EXPLAINER_DIR / f"{slug}.md").read_text(encoding="utf-8")


def prose_words(text: str) -> int:
    """How many words a lesson has outside its formulas (each formula counts as one) and
    its plot lines (a picture is not prose)."""
    return len(re.findall(r"[\w'-]+", re.sub(r"\$[^$]*\$", " x ", SHORTCODE.sub("", text))))


@dataclass(frozen=True)
class Claim:
    template: str
    values: tuple[float, ...]


def claim(template: str, values) -> Claim:
    return Claim(template, tuple(float(v) for v in values))


def no_claims() -> list[Claim]:
    """The claims of a lesson whose every number sits in a checked formula or is a count."""
    return []


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2212", "-")).strip()


def fmt(value: float, spec: str) -> str:
    if math.isinf(value):
        return r"\infty" if value > 0 else r"-\infty"
    out = format(value, spec or "g")
    return out.lstrip("-") if float(out) == 0 else out


def fill(c_: Claim) -> tuple[str, list[tuple[int, int]]]:
    """The snippet with its slots filled, and where each filled number sits in it."""
    parts = _SLOT.split(squash(c_.template))  # text, spec, text, spec, ..., text
    specs = parts[1::2]
    assert len(specs) == len(c_.values), f"{len(specs)} slots, {len(c_.values)} values: {c_}"
    out, spans = parts[0], []
    for spec, value, text in zip(specs, c_.values, parts[2::2], strict=True):
        number = fmt(value, spec)
        spans.append((len(out), len(out) + len(number)))
        out += number + text
    return out, spans


def is_checked(text: str, m: re.Match) -> bool:
    """A decimal number, or a whole number followed by a unit."""
    return "." in m.group() or _UNIT_AFTER.match(text, m.end()) is not None


def number_problems(raw: str, claims: list[Claim]) -> list[str]:
    """Why the numbers in ``raw`` do not match ``claims`` (empty if they all do).

    A decimal inside a formula that :func:`equation_problems` checks counts as computed.
    """
    text = squash(SHORTCODE.sub("", raw))
    out: list[str] = []
    covered: set[tuple[int, int]] = set(_arithmetic_spans(text))
    for cl in claims:
        bare = _SLOT.sub("", squash(cl.template))
        literal = [m.group() for m in _NUMBER.finditer(bare) if is_checked(bare, m)]
        assert not literal, f"snippet states a number itself instead of a slot: {cl.template}"
        snippet, spans = fill(cl)
        at = text.find(snippet)
        if at < 0:
            out.append(f"not in the text: {snippet!r}")
        while at >= 0:
            covered.update((at + a, at + b) for a, b in spans)
            at = text.find(snippet, at + 1)
    for m in _NUMBER.finditer(text):
        if is_checked(text, m) and m.span() not in covered:
            context = text[max(m.start() - 60, 0) : m.end() + 30]
            out.append(f"number without a computation: {m.group()!r} in …{context}…")
    return out


# ------------------------------------------------------------------ arithmetic formulas

_FORMULA = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$", re.S)
_SPACING = re.compile(r"\\[,;:! ]|\\quad|\\qquad|\\left|\\right|\\displaystyle")
_SIMPLE = {
    r"\times": "*",
    r"\cdot": "*",
    r"\div": "/",
    "×": "*",
    "÷": "/",
    "·": "*",
    r"\%": "/100",
}
_ALLOWED = re.compile(r"^[0-9.+\-*/^() ]*$")


def _group(s: str, i: int) -> tuple[str, int]:
    """The braced group starting at ``s[i] == '{'`` and the index after it (or the one
    character there, as in ``\\tfrac12``)."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i].isdigit():
        return s[i], i + 1
    if i >= len(s) or s[i] != "{":
        raise ValueError("no group")
    depth = 0
    for j in range(i, len(s)):
        depth += {"{": 1, "}": -1}.get(s[j], 0)
        if depth == 0:
            return s[i + 1 : j], j + 1
    raise ValueError("unbalanced braces")


def latex_to_expression(latex: str) -> str | None:
    """``latex`` as a plain arithmetic expression for the parser, or None if it is not one."""
    s = _SPACING.sub(" ", latex).replace("{,}", "")
    for a, b in _SIMPLE.items():
        s = s.replace(a, b)
    out, i = "", 0
    try:
        while i < len(s):
            for name, op in (
                (r"\dfrac", "frac"),
                (r"\tfrac", "frac"),
                (r"\frac", "frac"),
                (r"\sqrt", "sqrt"),
            ):
                if s.startswith(name, i):
                    i += len(name)
                    if op == "frac":
                        top, i = _group(s, i)
                        bottom, i = _group(s, i)
                        a, b = latex_to_expression(top), latex_to_expression(bottom)
                        if a is None or b is None:
                            return None
                        out += f"(({a})/({b}))"
                    else:
                        inner, i = _group(s, i)
                        a = latex_to_expression(inner)
                        if a is None:
                            return None
                        out += f"sqrt({a})"
                    break
            else:
                c = s[i]
                out += {"{": "(", "}": ")"}.get(c, c)
                i += 1
    except ValueError:
        return None
    bare = out.replace("sqrt(", "(")
    if not _ALLOWED.match(bare) or not re.search(r"\d", bare):
        return None
    return out


def _decimals(text: str) -> int | None:
    """Decimal places of the single number ``text`` is, else None."""
    m = re.fullmatch(r"\s*-?\d+(?:\.(\d+))?\s*", text)
    return None if m is None else len(m.group(1) or "")


def _formula_sides(body: str) -> list[tuple[str, str]] | None:
    """(relation, side) pairs of an all-arithmetic formula, or None."""
    parts = re.split(r"(=|\\approx)", body)
    if len(parts) < 3:
        return None
    sides = [("=", parts[0])] + list(zip(parts[1::2], parts[2::2], strict=True))
    if any(latex_to_expression(side) is None for _, side in sides):
        return None
    return sides


def _value(side: str) -> Fraction | float:
    return evaluate(latex_to_expression(side))


def _formula_problem(body: str) -> str | None:
    sides = _formula_sides(body)
    if sides is None:
        return None
    try:
        values = [_value(side) for _, side in sides]
    except AnswerError as exc:
        return f"cannot evaluate ${body}$: {exc}"
    exact = values[0]
    for (relation, side), value in zip(sides[1:], values[1:], strict=True):
        if relation == "=":
            same = (
                value == exact
                if isinstance(value, Fraction) and isinstance(exact, Fraction)
                else math.isclose(float(value), float(exact), rel_tol=1e-12, abs_tol=1e-12)
            )
            if not same:
                return f"${body}$: {side.strip()} is {float(value)!r}, not {float(exact)!r}"
        else:
            places = _decimals(side)
            if places is None:
                return f"${body}$: after \\approx write one rounded number"
            if abs(float(exact) - float(value)) > 0.5 * 10.0**-places * (1 + 1e-9):
                return f"${body}$: {float(exact)!r} does not round to {side.strip()}"
    return None


_SEPARATOR = re.compile(r"\\q?quad|\\text\{[^}]*\}|;|,")


def sentences(body: str) -> list[str]:
    """The number sentences of a formula ``body`` (see :func:`_sentences`)."""
    return [text for _, text in _sentences(body)]


def _sentences(body: str) -> list[tuple[int, str]]:
    """The number sentences of a formula, with where each starts in ``body``: a formula
    may hold several, apart by ``\\quad``, a ``\\text{...}``, a semicolon or a comma
    outside any parentheses or braces (``3 + 4 = 7, \\quad 7 - 4 = 3.``); a trailing
    full stop is not part of a sentence."""
    out, start, depth = [], 0, 0
    i = 0
    while i < len(body):
        c = body[i]
        depth += {"(": 1, "{": 1, "[": 1, ")": -1, "}": -1, "]": -1}.get(c, 0)
        m = _SEPARATOR.match(body, i) if depth == 0 else None
        if m and not (c == "," and body.startswith("{,}", i - 1)):
            out.append((start, body[start:i]))
            start = i = m.end()
            continue
        i += 1
    out.append((start, body[start:]))
    trimmed = []
    for at, text in out:
        text = text.rstrip().removesuffix(".")
        lead = len(text) - len(text.lstrip())
        if text.strip():
            trimmed.append((at + lead, text[lead:]))
    return trimmed


_ARITHMETIC_COMMANDS = re.compile(
    r"\\(?:times|div|cdot|frac|dfrac|tfrac|sqrt|approx|left|right|[,;:! ]|q?quad)"
)


def _looks_arithmetic(sentence: str) -> bool:
    """Numbers on both sides of an equal sign, with no letter, blank (``?``) or factorial:
    meant as a computation."""
    bare = _ARITHMETIC_COMMANDS.sub("", sentence).replace("{,}", "")
    if not re.match(r"\s*[^=\s]", bare):  # "= 0.645", the next line of a longer display
        return False
    return "=" in bare and bool(re.search(r"\d", bare)) and not re.search(r"[A-Za-z\\|?!]", bare)


def _checked(text: str) -> list[tuple[int, str, str | None]]:
    """(offset in ``text``, sentence, problem or None) for every arithmetic sentence; a
    sentence that looks like arithmetic but cannot be read as such is a problem too."""
    found = []
    for m in _FORMULA.finditer(text):
        group = 1 if m.group(1) is not None else 2
        for at, sentence in _sentences(m.group(group)):
            if _formula_sides(sentence) is not None:
                found.append((m.start(group) + at, sentence, _formula_problem(sentence)))
            elif _looks_arithmetic(sentence):
                problem = f"${sentence}$ looks like arithmetic the checker cannot read"
                found.append((m.start(group) + at, sentence, problem))
    return found


def _arithmetic_spans(text: str) -> list[tuple[int, int]]:
    """Where the numbers of the checked (and holding) arithmetic sentences sit."""
    return [
        (at + n.start(), at + n.end())
        for at, sentence, problem in _checked(text)
        if problem is None
        for n in _NUMBER.finditer(sentence)
    ]


def equation_problems(raw: str) -> list[str]:
    """Arithmetic sentences of ``raw`` whose sides are not equal (empty if all hold)."""
    text = squash(SHORTCODE.sub("", raw))
    return [problem for _, _, problem in _checked(text) if problem]


def arithmetic_formulas(raw: str) -> list[str]:
    """The arithmetic sentences of ``raw`` that :func:`equation_problems` checks."""
    text = squash(SHORTCODE.sub("", raw))
    return [sentence for _, sentence, _ in _checked(text)]


def lesson_problems(raw: str, claims: list[Claim]) -> list[str]:
    """Everything wrong with the numbers of lesson text ``raw`` and its ``claims``: a false
    arithmetic sentence, a number without a computation, or no checked arithmetic at all."""
    out = equation_problems(raw) + number_problems(raw, claims)
    if not arithmetic_formulas(raw):
        out.append("no arithmetic formula is checked")
    return out


def shape_problems(raw: str) -> list[str]:
    """What lesson text ``raw`` lacks of a lesson's shape: 150 to 450 prose words, and the
    sections Why it matters, A common mistake and Try it with its answers."""
    out = []
    words = prose_words(raw)
    if not 150 <= words <= 450:
        out.append(f"{words} prose words, not 150 to 450")
    for part in ("### Why it matters", "### A common mistake", "### Try it"):
        if part not in raw:
            out.append(f"no {part!r}")
    if "*Answers:*" not in raw and "*Answer:*" not in raw:
        out.append("no *Answers:* for the Try it")
    return out


# -------------------------------------------------------------------------- registry


def _registered(name: str) -> dict[str, Callable[[], list]]:
    """The dictionaries ``name`` of every lesson file ``tests/lessons/test_*.py``, merged."""
    merged: dict[str, Callable[[], list]] = {}
    here = Path(__file__).parent
    for info in pkgutil.iter_modules([str(here)]):
        if info.name.startswith("test_"):
            module = importlib.import_module(f"tests.lessons.{info.name}")
            for slug, fn in getattr(module, name, {}).items():
                assert slug not in merged, f"{slug} has {name} in two lesson files"
                merged[slug] = fn
    return merged


def registered_claims() -> dict[str, Callable[[], list[Claim]]]:
    """``CLAIMS`` of every lesson file ``tests/lessons/test_*.py``, merged."""
    return _registered("CLAIMS")


def registered_plots() -> dict[str, Callable[[], list[str]]]:
    """``PLOT_LINES`` of every lesson file: for a lesson, the plot shortcodes it must hold,
    each built from the numbers of the example it pictures."""
    return _registered("PLOT_LINES")
