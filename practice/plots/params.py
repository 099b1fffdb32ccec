"""Plot parameters: reading, checking and normalising what a student or a shortcode sends."""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import matplotlib
import numpy as np
from django.urls import reverse
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from practice.plots.numbers import PlotData

log = logging.getLogger(__name__)

# Bump when a drawing or a number changes, so cached entries and ETags are not reused.
PLOT_VERSION = "4"
_SIGNATURE = f"plots-v{PLOT_VERSION}-mpl{matplotlib.__version__}-np{np.__version__}"

MIN_OUTCOMES = 2
MAX_OUTCOMES = 8
MAX_NUMBER_CHARS = 10
SUM_TOLERANCE = 1e-6
_MAX_RAW_CHARS = MAX_OUTCOMES * (MAX_NUMBER_CHARS + 1) + 20
_MAX_SHORTCODE_CHARS = 500


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?")
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.I)


class PlotError(ValueError):
    """Bad plot parameters. ``errors`` maps each bad parameter to its message (``""`` for
    the plot name); ``str(error)`` is every message, one per parameter."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))

    @property
    def messages(self) -> list[str]:
        """Every message, in order (a template cannot say ``errors.values``: a parameter
        named ``values`` would be looked up first)."""
        return list(self.errors.values())


def _quote(raw: str, limit: int = 20) -> str:
    """A raw value for a message, cut short (the template escapes it)."""
    return repr(raw if len(raw) <= limit else raw[:limit] + "…")


def _canon(x: float) -> str:
    """Shortest text that reads back as ``x`` ("0.5", "5", "1e-05")."""
    s = repr(x + 0.0)  # -0.0 -> 0.0
    return s[:-2] if s.endswith(".0") else s


PROBABILITY_STEP = 0.001
"""The precision of a probability: the controls' step, and the grid every value is
rounded to before it names a plot (so that ``p=0.1234,0.8766`` and ``p=0.1231,0.8769``
are one cached plot, not two)."""


def _on_grid(x: float, step: float, origin: float = 0.0) -> float:
    """``x`` rounded to the nearest ``origin + k·step``.

    >>> _on_grid(0.12345, 0.001), _on_grid(4.96, 0.1), _on_grid(0.81, 0.05, origin=0.2)
    (0.123, 5.0, 0.8)
    """
    return round(origin + round((x - origin) / step) * step, 10) + 0.0


def _number(param: str, raw: str, where: str = "") -> float:
    """One number as typed; raises ``ValueError`` with a message naming ``param``."""
    at = f"{param}{where}"
    text = raw.strip()
    if not text:
        raise ValueError(f"{at} is empty")
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(
            f"{at} ({_quote(text)}) is too long: at most {MAX_NUMBER_CHARS} characters"
        )
    if _NON_FINITE.fullmatch(text):
        raise ValueError(f"{at} ({text}) is not a finite number")
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"{at} ({_quote(text)}) is not a number")
    x = float(text)
    if not math.isfinite(x):
        raise ValueError(f"{at} ({text}) is not a finite number")
    return x + 0.0


@dataclass(frozen=True)
class Distribution:
    """A parameter holding a probability distribution over 2–8 outcomes."""

    name: str
    label: str
    default: tuple[float, ...]

    def parse(self, values: Sequence[str]) -> tuple[float, ...]:
        raw = ",".join(values)
        if len(raw) > _MAX_RAW_CHARS:
            raise ValueError(
                f"{self.name} is too long ({len(raw)} characters): at most {MAX_OUTCOMES} "
                f"values of at most {MAX_NUMBER_CHARS} characters each"
            )
        pieces = raw.split(",")
        if len(pieces) > MAX_OUTCOMES:
            raise ValueError(
                f"{self.name} has {len(pieces)} outcomes, too many: at most {MAX_OUTCOMES}"
            )
        out = []
        for i, piece in enumerate(pieces, start=1):
            x = _number(self.name, piece, f" value {i}")
            if x < 0.0:
                raise ValueError(
                    f"{self.name} value {i} ({_canon(x)}) is negative: a probability lies "
                    "between 0 and 1"
                )
            if x > 1.0:
                raise ValueError(
                    f"{self.name} value {i} ({_canon(x)}) is above 1: a probability lies "
                    "between 0 and 1"
                )
            out.append(x)
        if len(pieces) < MIN_OUTCOMES:
            raise ValueError(
                f"{self.name} has {len(pieces)} outcome, too few: at least {MIN_OUTCOMES}"
            )
        total = math.fsum(out)
        if abs(total - 1.0) > SUM_TOLERANCE:
            raise ValueError(
                f"{self.name} sums to {total:.10g}, not 1: the probabilities of all outcomes "
                "must add up to 1"
            )
        return tuple(_on_grid(x, PROBABILITY_STEP) for x in out)

    def text(self, value: tuple[float, ...]) -> str:
        return ",".join(_canon(x) for x in value)


@dataclass(frozen=True)
class Scalar:
    """A parameter holding one number in ``[lo, hi]``, set with a slider."""

    name: str
    label: str
    default: float
    lo: float
    hi: float
    step: float
    widget: str = "range"  # or "number", a box to type in (for wide ranges)

    def parse(self, values: Sequence[str]) -> float:
        if len(values) > 1:
            raise ValueError(f"{self.name} is given {len(values)} times: give it once")
        x = _number(self.name, values[0])
        if not self.lo <= x <= self.hi:
            raise ValueError(
                f"{self.name} ({_canon(x)}) is out of range: it must lie between "
                f"{_canon(self.lo)} and {_canon(self.hi)}"
            )
        return min(_on_grid(x, self.step, self.lo), self.hi)  # the slider's positions

    def text(self, value: float) -> str:
        return _canon(value)


@dataclass(frozen=True)
class Choice:
    """A parameter holding one of a few words (a family of curves, a rule), set with a
    drop-down list."""

    name: str
    label: str
    default: str
    options: tuple[str, ...]

    def parse(self, values: Sequence[str]) -> str:
        if len(values) > 1:
            raise ValueError(f"{self.name} is given {len(values)} times: give it once")
        text = values[0].strip()
        if text not in self.options:
            raise ValueError(
                f"{self.name} ({_quote(text)}) is not one of the choices: "
                + ", ".join(self.options)
            )
        return text

    def text(self, value: str) -> str:
        return value


POINT_LIMIT = 1_000_000
_FRACTION = re.compile(r"([+-]?\d{1,4})/(\d{1,3})")


@dataclass(frozen=True)
class Points:
    """A parameter holding up to ``most`` numbers, each a decimal or a fraction ``n/d``
    (kept as written, so ``2/4`` is labelled 2/4, not 1/2), typed in one box."""

    name: str
    label: str
    default: tuple[str, ...]
    most: int = 8

    def parse(self, values: Sequence[str]) -> tuple[str, ...]:
        raw = ",".join(values).strip()
        if not raw:
            return ()
        if len(raw) > self.most * (MAX_NUMBER_CHARS + 1):
            raise ValueError(f"{self.name} is too long: at most {self.most} numbers")
        pieces = raw.split(",")
        if len(pieces) > self.most:
            raise ValueError(
                f"{self.name} has {len(pieces)} numbers, too many: at most {self.most}"
            )
        out = []
        for i, piece in enumerate(pieces, start=1):
            text = piece.strip()
            m = _FRACTION.fullmatch(text)
            if m is None:
                x = _number(self.name, text, f" value {i}")
                if abs(x) > POINT_LIMIT:
                    raise ValueError(
                        f"{self.name} value {i} ({_quote(text)}) is too large: at most "
                        f"{POINT_LIMIT} either way"
                    )
                out.append(_canon(_on_grid(x, 0.001)))
            elif int(m.group(2)) == 0:
                raise ValueError(f"{self.name} value {i} ({text}) divides by zero")
            else:
                out.append(f"{int(m.group(1))}/{int(m.group(2))}")
        return tuple(out)

    def text(self, value: tuple[str, ...]) -> str:
        return ",".join(value)


def point_value(text: str) -> Fraction:
    """The exact value of a :class:`Points` entry (``"3/4"`` or ``"0.75"``)."""
    return Fraction(text)


Param = Distribution | Scalar | Choice | Points


@dataclass(frozen=True)
class PlotKind:
    """One plot: its parameters, the numbers it shows and how it is drawn."""

    name: str
    title: str
    params: tuple[Param, ...]
    compute: Callable[[dict[str, Any]], PlotData]
    draw: Callable[[Figure, PlotData], None]
    size: tuple[float, float]  # inches
    checks: Callable[[dict[str, Any]], dict[str, str]] | None = None
    # The parameters that matter for these values (all if None): the others are reset to
    # their defaults, left out of the shortcode, and never name a second cache entry.
    uses: Callable[[dict[str, Any]], set[str]] | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class PlotSpec:
    """A plot with validated, normalised parameters; equal specs draw equal plots."""

    kind: PlotKind
    values: tuple[tuple[str, Any], ...]  # in the order of kind.params

    @property
    def name(self) -> str:
        return self.kind.name

    @property
    def args(self) -> dict[str, Any]:
        return dict(self.values)

    def texts(self) -> list[tuple[str, str]]:
        pairs = zip(self.kind.params, self.values, strict=True)
        used = self.kind.uses(self.args) if self.kind.uses else None
        return [(p.name, p.text(v)) for p, (_, v) in pairs if used is None or p.name in used]

    @property
    def query(self) -> str:
        """Canonical query string, e.g. ``p=0.5,0.5&q=0.1,0.9`` (commas unescaped)."""
        return urlencode(self.texts(), safe=",")

    @property
    def key(self) -> str:
        digest = hashlib.sha256(f"{_SIGNATURE}|{self.name}|{self.query}".encode()).hexdigest()
        return digest[:40]

    @property
    def etag(self) -> str:
        return f'"{self.key}"'

    @property
    def shortcode(self) -> str:
        return "[[plot:" + " ".join([self.name, *(f"{k}={v}" for k, v in self.texts())]) + "]]"

    @property
    def page_url(self) -> str:
        return f"{reverse('plot_page', args=[self.name])}?{self.query}"

    @property
    def svg_url(self) -> str:
        return f"{reverse('plot_svg', args=[self.name])}?{self.query}"


def _same_outcomes(values: dict[str, Any]) -> dict[str, str]:
    p, q = values["p"], values["q"]
    if len(p) != len(q):
        return {
            "q": f"q has {len(q)} outcomes but p has {len(p)}: P and Q must be over the "
            "same outcomes"
        }
    return {}
