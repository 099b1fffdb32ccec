"""The hint shown after a first wrong answer, before a second try on the same numbers.

A variant may carry its own hint (``Variant.hint``, written from its numbers). A family
without one gets the first step of its worked solution, but only when the solution has
more than one step and that first step does not give the answer away (no number in it
equals or comes close to the answer, in any way the solution might write it); otherwise
there is no hint and the page points at the lesson. A choice never gets its solution's
first step: the reasoning that leads to an option usually names it.

Imports nothing from Django.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from practice.grader import Expected
from practice.questions import Variant

# A number as a worked solution writes it: \frac{3}{4}, 3/4, 1,234, 0.75, 12.
_FRAC = re.compile(r"\\[dt]?frac\{\s*(-?\d+)\s*\}\{\s*(\d+)\s*\}")
_SLASH = re.compile(r"(?<![\d.])(-?\d+)\s*/\s*(\d+)(?![\d.])")
_NUMBER = re.compile(r"(?<![\d.])-?\d+(?:\.\d+)?(?![\d])")
_GROUPING = re.compile(r"(?<=\d)(?:,|\{,\}|\\,)(?=\d{3}(?!\d))")
# The end of a step: a full stop or colon (outside $math$) before a space or line break.
_STEP_END = re.compile(r"[.:](?=\s)|\n\s*\n")


def steps(solution: str) -> list[str]:
    """The solution cut into its steps: sentences and paragraphs, never inside ``$math$``."""
    found, start = [], 0
    for match in _STEP_END.finditer(solution):
        head = solution[start : match.end()]
        if head.count("$") % 2:  # inside a formula: not the end of a step
            continue
        if head.strip():
            found.append(head.strip())
        start = match.end()
    if solution[start:].strip():
        found.append(solution[start:].strip())
    return found


def numbers_in(text: str) -> list[Fraction | float]:
    """Every number ``text`` writes: fractions exactly, decimals as floats."""
    text = text.replace("\u2212", "-")
    text = _GROUPING.sub("", text)
    found: list[Fraction | float] = []
    for pattern in (_FRAC, _SLASH):
        for a, b in pattern.findall(text):
            if int(b):
                found.append(Fraction(int(a), int(b)))
        text = pattern.sub(" ", text)
    for token in _NUMBER.findall(text):
        found.append(Fraction(int(token)) if "." not in token else float(token))
    return found


def _targets(variant: Variant) -> list[Fraction | float]:
    """The values whose appearance gives the answer away."""
    answer: Expected | None = variant.answer
    if answer is None:
        return [variant.expected]
    values = answer.value if answer.kind == "values" else (answer.value,)
    targets = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
            continue
        targets.append(value)
        if answer.unit == "percent":
            targets += [value * 100, value / 100]
    return targets


def _matches(number: Fraction | float, target: Fraction | float) -> bool:
    """Whether ``number`` is ``target``, leaving the sign aside ("10 below zero" is -10)."""
    number, target = abs(number), abs(target)
    if isinstance(number, Fraction) and isinstance(target, Fraction | int):
        return number == target
    a, b = float(number), float(target)
    if not (math.isfinite(a) and math.isfinite(b)):
        return a == b
    # A rounded decimal gives a value away too (0.47 for 0.4690).
    return abs(a - b) <= max(0.01 * abs(b), 1e-9)


def reveals(text: str, variant: Variant) -> bool:
    """Whether ``text`` gives away the answer of ``variant``: a number in it matches the
    answer (or one of several values), or, for a choice, it names the right option."""
    answer = variant.answer
    if answer is not None and answer.kind == "choice":
        key = str(answer.value)
        labels = dict(zip(answer.options, answer.labels, strict=False))
        label = labels.get(key, "")
        named = re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", text)
        return bool(named) or bool(label and label.lower() in text.lower())
    targets = _targets(variant)
    return any(_matches(n, t) for n in numbers_in(text) for t in targets)


def hint_for(variant: Variant) -> str | None:
    """The variant's hint (Markdown), or ``None`` when it has none that keeps the answer
    hidden (then the page points at the lesson)."""
    if variant.hint:
        return variant.hint
    if variant.answer is not None and variant.answer.kind == "choice":
        return None
    found = steps(variant.solution)
    if len(found) < 2 or reveals(found[0], variant):
        return None
    first = found[0]
    return first[:-1] + "." if first.endswith(":") else first
