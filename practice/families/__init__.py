"""Question families for every topic of the curriculum, one module per band of the graph.

A family is a function ``(rng: numpy.random.Generator) -> Variant`` registered with
:func:`family` under a stable name (stored in ``QuestionTemplate.generator``: never rename
one). It draws fresh numbers from ``rng``, computes the answer in code (exact
:class:`fractions.Fraction` or integer arithmetic for school mathematics, NumPy or the KL
engine for the rest; never a stored answer) and returns a
:class:`~practice.questions.Variant` whose ``answer`` is a :class:`~practice.grader.Expected`:

* ``kind="integer"``: only a whole number is right (a count, a quotient);
* ``kind="exact"``: a :class:`~fractions.Fraction` (``3/4``, ``1 1/2``, ``0.75`` all
  match 3/4), with ``form="lowest_terms" | "mixed" | "fraction" | "decimal"`` when the
  written form is part of the skill;
* ``kind="number"``: a float within ``rel_tol`` (a root, a logarithm, a probability to
  3 significant figures); ``unit="degrees" | "radians" | "percent"`` where it has one;
* ``kind="values"``: several values in order (quotient and remainder: ``7, 3``);
* ``kind="choice"``: ``value`` is the key of the right option in ``options`` (the prompt
  lists the options with their keys, e.g. ``A``, ``B``, ``C``), for conceptual questions.
  The student picks one with radio buttons that show the keys; give ``labels`` (one per
  option) to show each option's wording beside its key as well.

``answer.alternatives`` maps a misconception code to the value that mistake gives for this
variant (adding the denominators, counting one too many, degrees for radians, ...) and
``answer.messages`` words each code for the student: say what the mistake is and how to
put it right, never the expected value. ``Variant.prompt`` and ``Variant.solution`` are
Markdown with ``$LaTeX$``; the solution works the variant's own numbers through to the
answer. ``Variant.params`` holds the drawn numbers (JSON-serialisable). Set
``Variant.expected`` to ``float(answer.value)`` for numeric kinds (``0.0`` for a choice).
Every builder below (:func:`integer_variant`, :func:`exact_variant`, ...) takes the
variant's ``hint``: Markdown shown after a first wrong answer, written from the variant's
numbers, never the answer.

:func:`family` redraws (from the same ``rng``) while a variant is degenerate: its answer
not finite, or a misconception's value equal to the answer or to another misconception's,
so every named mistake can be told apart. A family about a special case (zero, infinity)
says so by returning it on purpose; the checks treat equality, not size, as degenerate.

Each module here is imported by :func:`load` (called when the ``practice`` app is ready),
so a new module needs no registration elsewhere; a question template in
``fixtures/questions/*.json`` names the family by its registered name.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from functools import wraps

import numpy as np

from practice.grader import DEFAULT_REL_TOL, Expected, grade_answer
from practice.questions import GENERATORS, MAX_DRAWS, Generator, Variant

__all__ = [
    "WHOLE",
    "and_list",
    "choice_variant",
    "clock_time",
    "degenerate",
    "draw",
    "exact_variant",
    "family",
    "frac",
    "integer_variant",
    "load",
    "mixed",
    "nonzero",
    "number_variant",
    "pick",
    "polynomial",
    "shuffle_choices",
    "shuffled_choice_variant",
    "signed",
    "term",
    "values_variant",
]

WHOLE = "Give a whole number."
"""The end of a prompt whose answer is a whole number."""


def _as_number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Fraction):
        return float(value)
    return None


def _as_given(value):
    """``value`` itself: a choice's keys are kept as they are."""
    return value


def _same(a, b) -> bool:
    if isinstance(a, Fraction | int) and isinstance(b, Fraction | int):
        return Fraction(a) == Fraction(b)
    x, y = _as_number(a), _as_number(b)
    if x is not None and y is not None:
        return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(_same(p, q) for p, q in zip(a, b, strict=True))
    return a == b


def degenerate(answer: Expected) -> str | None:
    """Why ``answer`` cannot be told apart from its named mistakes, or None if it can."""
    values = answer.value if answer.kind == "values" else (answer.value,)
    for v in values:
        x = _as_number(v)
        if answer.kind != "choice" and (x is None or not math.isfinite(x)):
            return f"the answer {v!r} is not a finite number"
    if answer.kind == "choice" and answer.value not in answer.options:
        return f"the answer {answer.value!r} is not one of the options"
    seen = [answer.value]
    for code, alt in answer.alternatives.items():
        if any(_same(alt, s) for s in seen):
            return f"the mistake {code!r} gives the same value as the answer or another mistake"
        seen.append(alt)
    return None


EXAMPLE = re.compile(r"`([^`]+)`")
"""A typing example in a prompt, such as ``(e.g. `3, -2`)``."""


def example_gives_answer(variant: Variant) -> str | None:
    """A typing example of ``variant``'s prompt that would be marked right, if any: the
    prompt would be showing the answer."""
    for example in EXAMPLE.findall(variant.prompt):
        if grade_answer(example, variant.answer).correct:
            return example
    return None


def family(name: str) -> Callable[[Callable[[np.random.Generator], Variant]], Generator]:
    """Register ``draw`` under ``name``; redraw (same rng) while a variant is degenerate or
    its prompt's typing example happens to be its answer."""

    def register(draw: Callable[[np.random.Generator], Variant]) -> Generator:
        @wraps(draw)
        def make(rng: np.random.Generator) -> Variant:
            for _ in range(MAX_DRAWS):
                variant = draw(rng)
                if variant.answer is None:
                    raise TypeError(f"{name}: a family's variant must carry an answer")
                if degenerate(variant.answer) is None and example_gives_answer(variant) is None:
                    return variant
            raise RuntimeError(f"{name}: no usable variant in {MAX_DRAWS} draws")

        if name in GENERATORS:
            raise ValueError(f"duplicate generator name {name!r}")
        make.gives_own_answer = True  # its question has no bits/nats unit
        GENERATORS[name] = make
        return make

    return register


def _expected(kind: str, value, mistakes: Mapping | None, cast: Callable, **rules) -> Expected:
    """The answer ``cast(value)`` of ``kind`` (with ``rules`` such as ``unit``, ``form``,
    ``rel_tol`` or ``options``); ``mistakes`` maps a misconception code to the value that
    slip gives (put through ``cast`` too) and the message that tells the student what went
    wrong."""
    mistakes = mistakes or {}
    return Expected(
        cast(value),
        kind=kind,
        alternatives={code: cast(v) for code, (v, _) in mistakes.items()},
        messages={code: message for code, (_, message) in mistakes.items()},
        **rules,
    )


def integer_variant(
    *,
    prompt: str,
    params: dict,
    value: int,
    solution: str,
    mistakes: Mapping[str, tuple[int, str]] | None = None,
    unit: str | None = None,
    hint: str = "",
) -> Variant:
    """A variant whose answer is the whole number ``value`` (in ``unit``, if it has one).

    ``mistakes`` maps a misconception code to the value that slip gives and the message
    that tells the student what went wrong.
    """
    answer = _expected("integer", value, mistakes, int, unit=unit)
    return Variant(prompt, params, float(value), solution, answer=answer, hint=hint)


def exact_variant(
    *,
    prompt: str,
    params: dict,
    value: Fraction,
    solution: str,
    mistakes: Mapping[str, tuple[Fraction, str]] | None = None,
    form: str = "",
    unit: str | None = None,
    hint: str = "",
) -> Variant:
    """A variant whose answer is the exact fraction ``value`` (in ``unit``, if it has one),
    written in ``form`` when the written form is part of the skill (``"lowest_terms"``,
    ``"mixed"``, ``"fraction"``, ``"decimal"``); ``mistakes`` maps a misconception code to
    the value that slip gives and its message."""
    answer = _expected("exact", value, mistakes, Fraction, form=form, unit=unit)
    return Variant(prompt, params, float(value), solution, answer=answer, hint=hint)


def number_variant(
    *,
    prompt: str,
    params: dict,
    value: float,
    solution: str,
    mistakes: Mapping[str, tuple[float, str]] | None = None,
    unit: str | None = None,
    rel_tol: float = DEFAULT_REL_TOL,
    hint: str = "",
) -> Variant:
    """A variant whose answer is the real number ``value`` (in ``unit``, if it has one),
    right within ``rel_tol``: say in the prompt what precision is expected (the default
    accepts any answer rounded to 3 significant figures). ``mistakes`` maps a misconception
    code to the value that slip gives and its message."""
    answer = _expected("number", value, mistakes, float, unit=unit, rel_tol=rel_tol)
    return Variant(prompt, params, float(value), solution, answer=answer, hint=hint)


def choice_variant(
    *,
    prompt: str,
    params: dict,
    options: Mapping[str, str],
    right: str,
    solution: str,
    mistakes: Mapping[str, tuple[str, str]] | None = None,
    hint: str = "",
) -> Variant:
    """A choice among ``options`` (key → label), listed under ``prompt`` with their keys.

    ``right`` is the key of the right option; ``mistakes`` maps a misconception code to
    the key that slip picks and the message that tells the student what went wrong.
    """
    keys = list(options)
    listed = "\n".join(f"- **{key}.** {label}" for key, label in options.items())
    ask = f"Answer {', '.join(keys[:-1])} or {keys[-1]}."
    answer = _expected("choice", right, mistakes, _as_given, options=tuple(keys))
    return Variant(
        f"{prompt}\n\n{listed}\n\n{ask}", params, 0.0, solution, answer=answer, hint=hint
    )


def values_variant(
    *,
    prompt: str,
    params: dict,
    value: tuple[int, ...],
    solution: str,
    mistakes: Mapping[str, tuple[tuple[int, ...], str]] | None = None,
    hint: str = "",
) -> Variant:
    """A variant whose answer is several whole numbers in order, typed with commas.

    ``mistakes`` maps a misconception code to the numbers that slip gives and its message.
    """
    answer = _expected("values", value, mistakes, tuple)
    return Variant(prompt, params, float(value[0]), solution, answer=answer, hint=hint)


def shuffled_choice_variant(
    rng: np.random.Generator,
    *,
    prompt: str,
    params: dict,
    choices: Mapping[str, str],
    solution: str,
    messages: Mapping[str, str],
    hint: str = "",
) -> Variant:
    """A choice among ``choices`` (code → label: ``"right"`` for the right option, the
    misconception code of the slip that picks it for each other one), listed in an order
    drawn from ``rng`` under keys A, B, C, ...

    ``messages`` words each misconception code (codes without an option are left out);
    ``params`` gains ``"order"``, the codes as listed, and ``solution`` ends by naming the
    right key.
    """
    options, key = shuffle_choices(rng, choices)
    order = list(key)
    return choice_variant(
        prompt=prompt,
        params={**params, "order": order},
        options=options,
        right=key["right"],
        solution=f"{solution} The answer is {key['right']}.",
        mistakes={code: (key[code], messages[code]) for code in order if code != "right"},
        hint=hint,
    )


def shuffle_choices(
    rng: np.random.Generator, choices: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """``choices`` (code → label) in an order drawn from ``rng`` under keys A, B, C, ...:
    the options (key → label) and the key of each code, both in the order listed."""
    codes = list(choices)
    order = [codes[int(i)] for i in rng.permutation(len(codes))]
    key = {code: "ABCDEFGH"[i] for i, code in enumerate(order)}
    return {key[code]: choices[code] for code in order}, key


def plural(n: int, word: str, many: str = "") -> str:
    """``word`` for a count of one (or minus one), else ``many`` (``word + "s"`` if not
    given): "1 row", "3 rows"."""
    return word if abs(n) == 1 else many or word + "s"


def and_list(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def draw(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, both included, drawn with ``rng``."""
    return int(rng.integers(low, high + 1))


def nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high``, both included, other than 0, drawn with
    ``rng`` (a slope, a shift or a factor that must not vanish)."""
    if low == high == 0:
        raise ValueError("no whole number other than 0 lies from 0 to 0")
    while True:
        n = draw(rng, low, high)
        if n != 0:
            return n


def pick(rng: np.random.Generator, options: tuple | list):
    """One of ``options``, drawn with ``rng``."""
    return options[int(rng.integers(len(options)))]


def signed(n: int) -> str:
    """``n`` for LaTeX as a term after an operation sign, in brackets when negative: ``(-3)``."""
    return f"({n})" if n < 0 else str(n)


def term(coefficient: int, power: str = "", *, first: bool = False) -> str:
    """One term of a sum in LaTeX with its sign: ``- 3x``, ``+ x^2``, ``+ 7`` (``-3x``,
    ``x^2`` or ``7`` when it comes first); ``power`` is the letter part (``x``, ``x^2``)."""
    size = abs(coefficient)
    body = (str(size) if size != 1 or not power else "") + power
    if first:
        return f"-{body}" if coefficient < 0 else body
    return f"- {body}" if coefficient < 0 else f"+ {body}"


def polynomial(coefficients: list[int], letter: str = "x") -> str:
    """``coefficients`` (highest power first) as a LaTeX polynomial in ``letter``, zero
    terms left out: ``[3, 0, -5]`` gives ``3x^{2} - 5`` and ``[-1, 4]`` gives ``-x + 4``."""
    top = len(coefficients) - 1
    parts = []
    for i, c in enumerate(coefficients):
        if c == 0:
            continue
        k = top - i
        power = "" if k == 0 else letter if k == 1 else f"{letter}^{{{k}}}"
        parts.append(term(c, power, first=not parts))
    return " ".join(parts) if parts else "0"


def frac(x: Fraction | int) -> str:
    """``x`` in LaTeX as a fraction: ``\\frac{11}{4}``, or a whole number as itself."""
    x = Fraction(x)
    return str(x.numerator) if x.denominator == 1 else f"\\frac{{{x.numerator}}}{{{x.denominator}}}"


def mixed(x: Fraction) -> str:
    """``x`` (positive) in LaTeX as a mixed number: ``2\\frac{3}{4}``."""
    whole, rest = divmod(x.numerator, x.denominator)
    if rest == 0:
        return str(whole)
    part = f"\\frac{{{rest}}}{{{x.denominator}}}"
    return f"{whole}{part}" if whole else part


def clock_time(hour: int, minutes: int) -> str:
    """A time as a digital clock shows it: ``7:05``."""
    return f"{hour}:{minutes:02d}"


def load() -> None:
    """Import every module of this package, so that its families are registered."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
