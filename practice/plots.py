"""The explainer's plots: drawn on the server from the KL engine's numbers, driven by the student.

Four plots, each placed in an explainer by a line of its own (a *shortcode*)::

    [[plot:divergence p=0.5,0.3,0.2 q=0.2,0.3,0.5]]
    [[plot:forward-reverse sep=5 width=0.8]]
    [[plot:cross-entropy p=0.5,0.3,0.2 q=0.2,0.3,0.5]]
    [[plot:code-lengths p=0.5,0.3,0.2 q=0.2,0.3,0.5]]

and served at ``/plots/<name>/?<params>`` (the plot with its numbers and controls: an htmx
fragment, or a whole page without JavaScript) and ``/plots/<name>.svg?<params>`` (the
image). Omitted parameters take the defaults of :data:`PLOTS`.

Parameters
----------
``p``, ``q``
    Distributions over the same 2–8 outcomes, comma-separated (or one value per repeated
    key, as a form sends them). Each value is a plain decimal number of at most 10
    characters in [0, 1]; each distribution sums to 1 within 1e-6. Each value is then
    rounded to the controls' precision (:data:`PROBABILITY_STEP`, 0.001) and the
    distribution divided by its sum, so the engine sees an exact distribution.
``sep``, ``width``
    The mixture ``p = ½N(−sep/2, width²) + ½N(sep/2, width²)``; 0 <= sep <= 10 and
    0.2 <= width <= 2.5, each rounded to its slider's step (0.1 and 0.05).

Anything else (an unknown plot or parameter, a value out of range, NaN or inf, a
distribution that does not sum to 1, too many outcomes) raises :class:`PlotError`, whose
message names the parameter and the reason; nothing is computed, drawn or cached for it.

Zeros
-----
A probability may be 0. Where ``q(x) = 0 < p(x)`` the divergence ``D(P‖Q)`` is infinite
(Q's code has no codeword for an outcome that happens), and so are that outcome's code
length and the cross-entropy. The plots show such values as ∞, drawn to the top of the
axes and explained in a note; outcomes with ``p(x) = 0`` contribute 0 (``0·log 0 = 0``).

Numbers
-------
Every number comes from :mod:`practice.kl_engine`, in bits. The code length of outcome
``x`` under ``q``, ``−log₂ q(x)``, is the engine's cross-entropy of the point mass at
``x`` against ``q``; the contribution of ``x`` to ``D(P‖Q)`` is ``p(x)`` times the extra
bits ``−log₂ q(x) − (−log₂ p(x))``, and these add up to the engine's ``kl_divergence``.

Rendering, determinism and caching
----------------------------------
Figures use matplotlib's object-oriented API (:class:`~matplotlib.figure.Figure` with
an explicit :class:`~matplotlib.backends.backend_svg.FigureCanvasSVG`): no pyplot and no
backend switching, so renders in several threads share no state. Axes are placed at fixed
positions (no layout engine), ``svg.hashsalt`` is fixed and the date left out, so the
same parameters give byte-identical SVG. The only global state touched is those two SVG
settings, set once when this module is imported.

The numbers (:class:`PlotData`) and the SVG are cached separately in the ``"plots"``
cache (shared between processes when the cache is Redis; bounded by its own lifetime,
``settings.PLOT_CACHE_SECONDS``, and in local memory by ``PLOT_CACHE_ENTRIES``), keyed
by the plot name and its normalised parameters, so ``p=0.50,0.5``, ``p=.5,.5`` and
``p=0.5002,0.4998`` are one entry. The ETag is the same key: a deterministic
render makes it a strong validator without rendering anything.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import matplotlib
import numpy as np
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from core.caching import cached
from practice import kl_engine

log = logging.getLogger(__name__)

# Bump when a drawing or a number changes, so cached entries and ETags are not reused.
PLOT_VERSION = "1"
_SIGNATURE = f"plots-v{PLOT_VERSION}-mpl{matplotlib.__version__}-np{np.__version__}"

MIN_OUTCOMES = 2
MAX_OUTCOMES = 8
MAX_NUMBER_CHARS = 10
SUM_TOLERANCE = 1e-6
_MAX_RAW_CHARS = MAX_OUTCOMES * (MAX_NUMBER_CHARS + 1) + 20
_MAX_SHORTCODE_CHARS = 500

# Text is written as SVG <text> in DejaVu Sans (the font matplotlib measures it with;
# browsers use a local sans-serif if it is missing, nothing is downloaded). Drawing glyphs
# as paths ("path") also works but costs 20-50% more time and 2-4 times the bytes
# (benchmarks/bench_plots.py).
SVG_FONTTYPE = "none"
matplotlib.rcParams["svg.hashsalt"] = "kl-tutor-plots"
matplotlib.rcParams["svg.fonttype"] = SVG_FONTTYPE

_P_COLOUR = "#3d5a80"
_Q_COLOUR = "#e07a5f"
_MIX_COLOUR = "#444444"
_FONT = 9
_TICK_FONT = 8

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d{1,3})?")
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.I)


class PlotError(ValueError):
    """Bad plot parameters. ``errors`` maps each bad parameter to its message (``""`` for
    the plot name); ``str(error)`` is every message, one per parameter."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


# ----------------------------------------------------------------------------- parameters


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


Param = Distribution | Scalar


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
        return [(p.name, p.text(v)) for p, (_, v) in pairs]

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


def kind_for(name: str) -> PlotKind:
    try:
        return PLOTS[name]
    except KeyError:
        known = ", ".join(PLOTS)
        raise PlotError({"": f"unknown plot {_quote(name)}: choose one of {known}"}) from None


def parse(name: str, raw: Mapping[str, Sequence[str]]) -> PlotSpec:
    """Validate ``raw`` (parameter -> its values as sent) for the plot ``name``.

    Raises :class:`PlotError` naming every bad parameter; computes nothing.
    """
    kind = kind_for(name)
    errors: dict[str, str] = {}
    unknown = [key for key in raw if kind.param(key) is None]
    if unknown:  # named in one message, at most three of them
        takes = " and ".join(p.name for p in kind.params)
        names = ", ".join(_quote(key) for key in unknown[:3])
        more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        s = "s" if len(unknown) > 1 else ""
        errors[unknown[0]] = (
            f"unknown parameter{s} {names}{more}: the {kind.name} plot takes {takes}"
        )
    values: dict[str, Any] = {}
    for p in kind.params:
        given = raw.get(p.name)
        if not given:
            values[p.name] = p.default
            continue
        try:
            values[p.name] = p.parse(given)
        except ValueError as exc:
            errors[p.name] = str(exc)
    if not errors and kind.checks is not None:
        errors.update(kind.checks(values))
    if errors:
        raise PlotError(errors)
    return PlotSpec(kind, tuple((p.name, values[p.name]) for p in kind.params))


def parse_shortcode(args: str) -> tuple[str, dict[str, list[str]]]:
    """``"divergence p=0.5,0.5 q=0.1,0.9"`` -> ``("divergence", {"p": [...], ...})``."""
    if len(args) > _MAX_SHORTCODE_CHARS:
        raise PlotError(
            {"": f"the shortcode is too long: at most {_MAX_SHORTCODE_CHARS} characters"}
        )
    tokens = args.split()
    if not tokens or "=" in tokens[0]:
        known = ", ".join(PLOTS)
        raise PlotError(
            {"": f"name the plot first, as in [[plot:divergence p=0.5,0.5 q=0.1,0.9]] ({known})"}
        )
    raw: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    for token in tokens[1:]:
        key, eq, value = token.partition("=")
        if not eq or not key:
            errors[token] = f"{_quote(token)} is not of the form key=value"
        elif key in raw:
            errors[key] = f"{key} is given more than once"
        else:
            raw[key] = [value]
    if errors:
        raise PlotError(errors)
    return tokens[0], raw


def _same_outcomes(values: dict[str, Any]) -> dict[str, str]:
    p, q = values["p"], values["q"]
    if len(p) != len(q):
        return {
            "q": f"q has {len(q)} outcomes but p has {len(p)}: P and Q must be over the "
            "same outcomes"
        }
    return {}


# ----------------------------------------------------------------------------- numbers


@dataclass(frozen=True, slots=True)
class Cell:
    """A number as shown (``text``) and exactly (``exact``, ``repr`` of the float)."""

    text: str
    exact: str = ""


@dataclass(frozen=True, slots=True)
class PlotData:
    """What a plot shows, as text: the text alternative, a table, totals and notes; and
    ``series``, the arrays it draws."""

    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[tuple[str, Cell], ...]
    notes: tuple[str, ...] = ()
    series: dict[str, Any] = field(default_factory=dict)


def _bits(x: float) -> str:
    return "∞" if math.isinf(x) else f"{x:.4f}"


def _num(x: float, unit: str = " bits", digits: int = 4) -> Cell:
    x = float(x)
    text = "∞" if math.isinf(x) else f"{round(x, digits) + 0.0:.{digits}f}"
    return Cell(text + unit, repr(x))


def _prob(x: float) -> Cell:
    return Cell(f"{x:.4g}", repr(float(x)))


def _label(text: str) -> Cell:
    return Cell(text)


def _tuple_text(xs: Sequence[float]) -> str:
    return "(" + ", ".join(f"{x:.4g}" for x in xs) + ")"


def _normalised(values: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    p = np.array(values["p"], dtype=np.float64)
    q = np.array(values["q"], dtype=np.float64)
    return p / p.sum(), q / q.sum()


def code_lengths(d: np.ndarray) -> np.ndarray:
    """``−log₂ d(x)`` for every outcome ``x`` in bits (∞ where ``d(x) = 0``): the engine's
    cross-entropy ``H(δₓ, d)`` of the point mass at ``x`` against ``d``."""
    n = d.size
    return np.asarray(kl_engine.cross_entropy(np.eye(n), np.broadcast_to(d, (n, n))))


def contributions(p: np.ndarray, lp: np.ndarray, lq: np.ndarray) -> np.ndarray:
    """Each outcome's term ``p(x)·log₂(p(x)/q(x)) = p(x)·(L_q(x) − L_p(x))`` of
    ``D(P‖Q)`` from the code lengths ``L``; 0 where ``p(x) = 0``, ∞ where only q is 0."""
    out = np.zeros_like(p)
    pos = p > 0.0
    out[pos] = p[pos] * (lq[pos] - lp[pos])
    return out


def _zero_notes(p: np.ndarray, q: np.ndarray, *, both: bool) -> list[str]:
    notes = []
    for a, b, an, bn in ((p, q, "P", "Q"), (q, p, "Q", "P")):
        missing = np.flatnonzero((b == 0.0) & (a > 0.0)) + 1
        if missing.size:
            xs = ", ".join(str(i) for i in missing)
            s = "s" if missing.size > 1 else ""
            notes.append(
                f"{bn} gives outcome{s} {xs} probability 0 where {an} does not, so "
                f"D({an}‖{bn}) = ∞: {bn}'s code has no codeword for an outcome that happens "
                f"under {an}."
            )
        if not both:
            break
    return notes


def compute_divergence(values: dict[str, Any]) -> PlotData:
    p, q = _normalised(values)
    lp, lq = code_lengths(p), code_lengths(q)
    c_pq, c_qp = contributions(p, lp, lq), contributions(q, lq, lp)
    d_pq = float(kl_engine.kl_divergence(p, q))
    d_qp = float(kl_engine.kl_divergence(q, p))
    n = p.size
    rows = tuple(
        (_label(str(i + 1)), _prob(p[i]), _prob(q[i]), _num(c_pq[i], ""), _num(c_qp[i], ""))
        for i in range(n)
    )
    summary = (
        f"Bar charts over {n} outcomes. P = {_tuple_text(p)}, Q = {_tuple_text(q)}. "
        f"Contributions p·log₂(p/q) in bits: {', '.join(_bits(c) for c in c_pq)}; "
        f"q·log₂(q/p): {', '.join(_bits(c) for c in c_qp)}. "
        f"D(P‖Q) = {_bits(d_pq)} bits; D(Q‖P) = {_bits(d_qp)} bits."
    )
    return PlotData(
        summary=summary,
        columns=("outcome", "P(x)", "Q(x)", "p·log₂(p/q) (bits)", "q·log₂(q/p) (bits)"),
        rows=rows,
        totals=(("D(P‖Q)", _num(d_pq)), ("D(Q‖P)", _num(d_qp))),
        notes=tuple(_zero_notes(p, q, both=True)),
        series={"p": p, "q": q, "c_pq": c_pq, "c_qp": c_qp, "d_pq": d_pq, "d_qp": d_qp},
    )


def compute_cross_entropy(values: dict[str, Any]) -> PlotData:
    p, q = _normalised(values)
    h_p = float(kl_engine.entropy(p))
    d_pq = float(kl_engine.kl_divergence(p, q))
    h_pq = float(kl_engine.cross_entropy(p, q))
    summary = (
        f"Stacked bars for P = {_tuple_text(p)}, Q = {_tuple_text(q)}. "
        f"Coding P with its own code costs H(P) = {_bits(h_p)} bits per outcome; with Q's "
        f"code H(P, Q) = {_bits(h_pq)} bits, which is H(P) + D(P‖Q) = {_bits(h_p)} + "
        f"{_bits(d_pq)} bits."
    )
    return PlotData(
        summary=summary,
        columns=(),
        rows=(),
        totals=(("H(P)", _num(h_p)), ("D(P‖Q)", _num(d_pq)), ("H(P, Q)", _num(h_pq))),
        notes=tuple(_zero_notes(p, q, both=False)),
        series={"h_p": h_p, "d_pq": d_pq, "h_pq": h_pq},
    )


def compute_code_lengths(values: dict[str, Any]) -> PlotData:
    p, q = _normalised(values)
    lp, lq = code_lengths(p), code_lengths(q)
    extra = np.where(p > 0.0, lq - np.where(p > 0.0, lp, 0.0), np.nan)
    h_p = float(kl_engine.entropy(p))
    h_pq = float(kl_engine.cross_entropy(p, q))
    d_pq = float(kl_engine.kl_divergence(p, q))
    n = p.size
    rows = tuple(
        (
            _label(str(i + 1)),
            _prob(p[i]),
            _prob(q[i]),
            _num(lp[i], ""),
            _num(lq[i], ""),
            _num(extra[i], "") if p[i] > 0.0 else Cell("never occurs"),
        )
        for i in range(n)
    )
    notes = _zero_notes(p, q, both=False)
    if (p == 0.0).any():
        xs = ", ".join(str(i) for i in np.flatnonzero(p == 0.0) + 1)
        notes.append(
            f"Outcome {xs} never occurs under P, so its code length does not count (0·log 0 = 0)."
        )
    summary = (
        f"Bars of the code lengths −log₂ p(x) and −log₂ q(x) in bits for {n} outcomes, "
        f"P = {_tuple_text(p)}, Q = {_tuple_text(q)}: "
        f"−log₂ p(x) = {', '.join(_bits(v) for v in lp)}; "
        f"−log₂ q(x) = {', '.join(_bits(v) for v in lq)}. "
        f"Average length with P's code H(P) = {_bits(h_p)} bits, with Q's code "
        f"H(P, Q) = {_bits(h_pq)} bits: D(P‖Q) = {_bits(d_pq)} extra bits per outcome."
    )
    return PlotData(
        summary=summary,
        columns=("outcome", "P(x)", "Q(x)", "−log₂ p(x)", "−log₂ q(x)", "extra bits"),
        rows=rows,
        totals=(("H(P)", _num(h_p)), ("H(P, Q)", _num(h_pq)), ("D(P‖Q)", _num(d_pq))),
        notes=tuple(notes),
        series={"p": p, "lp": lp, "lq": lq, "extra": extra, "h_p": h_p, "h_pq": h_pq},
    )


FIT_POINTS = 2001


def fit_grid(sep: float, width: float) -> np.ndarray:
    """The grid the fits integrate on: at least [−10, 10], and 8 widths beyond each mode."""
    half = max(10.0, sep / 2.0 + 8.0 * width)
    return np.linspace(-half, half, FIT_POINTS)


def _mixture(sep: float, width: float) -> tuple[list[float], list[float], list[float]]:
    return [0.5, 0.5], [-sep / 2.0, sep / 2.0], [width, width]


def _mixture_text(sep: float, width: float) -> str:
    m, w = _canon(sep / 2.0), _canon(width)
    left = f"−{m}" if sep > 0.0 else m
    return f"½N({left}, {w}²) + ½N({m}, {w}²)"


def compute_forward_reverse(values: dict[str, Any]) -> PlotData:
    sep, width = values["sep"], values["width"]
    w, mus, sigmas = _mixture(sep, width)
    x = fit_grid(sep, width)
    density = kl_engine.gaussian_mixture_pdf(x, w, mus, sigmas)
    log_density = kl_engine.gaussian_mixture_logpdf(x, w, mus, sigmas)
    fwd = kl_engine.fit_gaussian(x, density, direction="forward", log_p_density=log_density)
    rev = kl_engine.fit_gaussian(x, density, direction="reverse", log_p_density=log_density)

    def f3(v: float) -> str:
        return f"{round(v, 3) + 0.0:.3f}"

    mixture = _mixture_text(sep, width)
    rows = (
        (
            _label("forward: minimises KL(p‖q), mass-covering"),
            _num(fwd.mu, "", 3),
            _num(fwd.sigma, "", 3),
            _num(fwd.kl),
        ),
        (
            _label("reverse: minimises KL(q‖p), mode-seeking"),
            _num(rev.mu, "", 3),
            _num(rev.sigma, "", 3),
            _num(rev.kl),
        ),
    )
    notes = []
    if abs(rev.mu) > 0.05 * width:
        notes.append(
            f"p is symmetric, so the reverse fit on the other mode (μ = {f3(-rev.mu)}) is just "
            "as good; the right-hand one is shown."
        )
    summary = (
        f"Density p = {mixture} with the single Gaussians q that minimise each direction. "
        f"Forward fit (minimises KL(p‖q)): μ = {f3(fwd.mu)}, σ = {f3(fwd.sigma)}, "
        f"KL(p‖q) = {_bits(fwd.kl)} bits. Reverse fit (minimises KL(q‖p)): "
        f"μ = {f3(rev.mu)}, σ = {f3(rev.sigma)}, KL(q‖p) = {_bits(rev.kl)} bits."
    )
    return PlotData(
        summary=summary,
        columns=("fit", "μ", "σ", "divergence minimised (bits)"),
        rows=rows,
        totals=(("p", Cell(mixture)),),
        notes=tuple(notes),
        series={
            "sep": sep,
            "width": width,
            "fwd": (fwd.mu, fwd.sigma, fwd.kl),
            "rev": (rev.mu, rev.sigma, rev.kl),
        },
    )


# ----------------------------------------------------------------------------- drawing


def _axes(fig: Figure, rect: tuple[float, float, float, float], *, title: str, ylabel: str):
    """Axes at a fixed place (no layout engine), lightly styled."""
    ax = fig.add_axes(rect)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=_TICK_FONT, length=3)
    ax.set_title(title, fontsize=_FONT + 1)
    ax.set_ylabel(ylabel, fontsize=_FONT)
    return ax


def _outcome_axis(ax, n: int, label: str) -> None:
    """Outcomes 1..n along x, written as plain text: a tick costs five artists, a label
    one, and these axes need no tick marks."""
    ax.set_xticks([])
    ax.set_xlim(0.4, n + 0.6)
    where = ax.get_xaxis_transform()
    for i in range(1, n + 1):
        ax.text(i, -0.03, str(i), transform=where, ha="center", va="top", fontsize=_TICK_FONT)
    ax.set_xlabel(label, fontsize=_FONT, labelpad=14)


def _finite_limits(*arrays: np.ndarray) -> tuple[float, float, bool]:
    """(low, high, any infinite) over the finite values, always including 0."""
    vals = np.concatenate([np.ravel(a) for a in arrays])
    finite = vals[np.isfinite(vals)]
    lo = min(0.0, float(finite.min())) if finite.size else 0.0
    hi = max(0.0, float(finite.max())) if finite.size else 0.0
    return lo, hi, bool(np.isinf(vals).any())


def _bars(ax, centres, heights, *, width: float, colour: str, label: str, top: float) -> Patch:
    """Bars as one collection (cheaper than a Rectangle each); an infinite height is drawn
    up to ``top`` and marked ∞. Returns the legend entry."""
    centres = np.asarray(centres, dtype=np.float64)
    heights = np.asarray(heights, dtype=np.float64)
    inf = np.isinf(heights)
    shown = np.where(inf, top, np.nan_to_num(heights, nan=0.0))
    verts = [
        ((c - width / 2, 0.0), (c - width / 2, h), (c + width / 2, h), (c + width / 2, 0.0))
        for c, h in zip(centres, shown, strict=True)
    ]
    ax.add_collection(PolyCollection(verts, facecolors=colour, linewidths=0), autolim=False)
    for c in centres[inf]:
        ax.text(c, top, "∞", ha="center", va="bottom", fontsize=_FONT + 2, color=colour)
    return Patch(facecolor=colour, label=label)


def draw_divergence(fig: Figure, data: PlotData) -> None:
    s = data.series
    p, q, c_pq, c_qp = s["p"], s["q"], s["c_pq"], s["c_qp"]
    n = p.size
    x = np.arange(1, n + 1)
    bw = 0.38

    ax = _axes(fig, (0.07, 0.17, 0.38, 0.66), title="P and Q", ylabel="probability")
    top = max(float(p.max()), float(q.max()))
    handles = [
        _bars(ax, x - bw / 2, p, width=bw, colour=_P_COLOUR, label="P", top=top),
        _bars(ax, x + bw / 2, q, width=bw, colour=_Q_COLOUR, label="Q", top=top),
    ]
    _outcome_axis(ax, n, "outcome x")
    ax.set_ylim(0.0, top * 1.35)
    ax.yaxis.set_major_locator(MaxNLocator(4))
    ax.legend(handles=handles, fontsize=_TICK_FONT, frameon=False, loc="upper right")

    title = f"D(P‖Q) = {_bits(s['d_pq'])} bits;  D(Q‖P) = {_bits(s['d_qp'])} bits"
    ax = _axes(fig, (0.57, 0.17, 0.41, 0.66), title=title, ylabel="bits")
    lo, hi, any_inf = _finite_limits(c_pq, c_qp)
    span = (hi - lo) or 1.0
    top = hi + (0.3 if any_inf else 0.1) * span
    handles = [
        _bars(ax, x - bw / 2, c_pq, width=bw, colour=_P_COLOUR, label="p·log₂(p/q)", top=top),
        _bars(ax, x + bw / 2, c_qp, width=bw, colour=_Q_COLOUR, label="q·log₂(q/p)", top=top),
    ]
    ax.axhline(0.0, color="#333333", linewidth=0.8)
    _outcome_axis(ax, n, "outcome x")
    ax.set_ylim(lo - 0.1 * span if lo < 0 else 0.0, top + 0.5 * span)
    ax.yaxis.set_major_locator(MaxNLocator(4))
    ax.legend(handles=handles, fontsize=_TICK_FONT, frameon=False, loc="upper right")


def draw_forward_reverse(fig: Figure, data: PlotData) -> None:
    s = data.series
    sep, width = s["sep"], s["width"]
    (fmu, fsig, _), (rmu, rsig, _) = s["fwd"], s["rev"]
    half = max(sep / 2.0 + 4.0 * width, 3.0 * fsig)
    x = np.linspace(-half, half, 401)
    w, mus, sigmas = _mixture(sep, width)
    p = kl_engine.gaussian_mixture_pdf(x, w, mus, sigmas)
    qf = kl_engine.gaussian_pdf(x, fmu, fsig)
    qr = kl_engine.gaussian_pdf(x, rmu, rsig)

    title = "Forward KL covers both modes; reverse KL locks onto one"
    ax = _axes(fig, (0.07, 0.15, 0.9, 0.7), title=title, ylabel="density")
    ax.fill_between(x, p, color="#d9d9d9", linewidth=0)
    ax.plot(x, p, color=_MIX_COLOUR, linewidth=1.4, label="p (the data)")
    ax.plot(
        x,
        qf,
        color=_P_COLOUR,
        linewidth=1.8,
        linestyle="--",
        label=f"forward fit, argmin KL(p‖q): μ = {round(fmu, 2) + 0.0:.2f}, σ = {fsig:.2f}",
    )
    ax.plot(
        x,
        qr,
        color=_Q_COLOUR,
        linewidth=1.8,
        label=f"reverse fit, argmin KL(q‖p): μ = {round(rmu, 2) + 0.0:.2f}, σ = {rsig:.2f}",
    )
    ax.set_xlim(-half, half)
    ax.set_ylim(0.0, max(float(p.max()), float(qf.max()), float(qr.max())) * 1.35)
    ax.yaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_locator(MaxNLocator(8))
    ax.set_xlabel("x", fontsize=_FONT)
    ax.legend(fontsize=_TICK_FONT, frameon=False, loc="upper left")


def draw_cross_entropy(fig: Figure, data: PlotData) -> None:
    s = data.series
    h_p, d_pq, h_pq = s["h_p"], s["d_pq"], s["h_pq"]
    title = f"H(P, Q) = H(P) + D(P‖Q) = {_bits(h_p)} + {_bits(d_pq)} = {_bits(h_pq)} bits"
    ax = _axes(fig, (0.2, 0.25, 0.75, 0.52), title=title, ylabel="")
    finite_end = h_pq if math.isfinite(h_pq) else h_p * 1.6 + 0.5
    right = max(finite_end, h_p) * 1.12 or 1.0
    ax.barh([1], [h_p], color=_P_COLOUR, height=0.55, label="H(P)")
    ax.barh([0], [h_p], color=_P_COLOUR, height=0.55)
    if math.isfinite(d_pq):
        ax.barh([0], [d_pq], left=[h_p], color=_Q_COLOUR, height=0.55, label="D(P‖Q)")
        ax.text(h_pq + 0.01 * right, 0, f" {_bits(h_pq)}", va="center", fontsize=_FONT)
    else:
        ax.barh(
            [0],
            [finite_end - h_p],
            left=[h_p],
            color=_Q_COLOUR,
            height=0.55,
            hatch="//",
            label="D(P‖Q) = ∞",
        )
        ax.text(finite_end + 0.01 * right, 0, " ∞", va="center", fontsize=_FONT + 2)
    ax.text(h_p + 0.01 * right, 1, f" {_bits(h_p)}", va="center", fontsize=_FONT)
    ax.set_yticks([1, 0], ["P's own code", "Q's code"])
    ax.set_ylim(-0.6, 1.6)
    ax.set_xlim(0.0, right * 1.08)
    ax.xaxis.set_major_locator(MaxNLocator(6))
    ax.set_xlabel("expected code length (bits per outcome drawn from P)", fontsize=_FONT)
    ax.legend(fontsize=_TICK_FONT, frameon=False, loc="lower right", ncols=2)


def draw_code_lengths(fig: Figure, data: PlotData) -> None:
    s = data.series
    lp, lq, extra = s["lp"], s["lq"], s["extra"]
    n = lp.size
    x = np.arange(1, n + 1)
    bw = 0.38
    _, hi, any_inf = _finite_limits(lp, lq)
    hi = hi or 1.0
    top = hi * (1.25 if any_inf else 1.0)

    title = "Code lengths: what coding with Q instead of P costs per outcome"
    ax = _axes(fig, (0.07, 0.17, 0.9, 0.66), title=title, ylabel="code length (bits)")
    handles = [
        _bars(
            ax, x - bw / 2, lp, width=bw, colour=_P_COLOUR, label="−log₂ p(x), P's code", top=top
        ),
        _bars(
            ax, x + bw / 2, lq, width=bw, colour=_Q_COLOUR, label="−log₂ q(x), Q's code", top=top
        ),
    ]
    for xi, e, lpi, lqi in zip(x, extra, lp, lq, strict=True):
        if np.isnan(e):
            continue
        y = max(min(lpi, top), min(lqi, top))
        text = "+∞" if math.isinf(e) else f"{e:+.2f}"
        ax.text(
            xi,
            y + 0.04 * top + (0.08 * top if math.isinf(lqi) else 0),
            text,
            ha="center",
            va="bottom",
            fontsize=_TICK_FONT,
            color="#333333",
        )
    for h, colour, name in ((s["h_p"], _P_COLOUR, "H(P)"), (s["h_pq"], _Q_COLOUR, "H(P, Q)")):
        if math.isfinite(h):
            handles.append(
                ax.axhline(
                    h, color=colour, linewidth=1, linestyle=":", label=f"{name} = {_bits(h)}"
                )
            )
    _outcome_axis(ax, n, "outcome x (the number above a pair: extra bits with Q's code)")
    ax.set_ylim(0.0, top * 1.6)
    ax.yaxis.set_major_locator(MaxNLocator(5))
    ax.legend(handles=handles, fontsize=_TICK_FONT, frameon=False, loc="upper left", ncols=2)


_DISTRIBUTIONS = (
    Distribution("p", "P", (0.5, 0.3, 0.2)),
    Distribution("q", "Q", (0.2, 0.3, 0.5)),
)

PLOTS: dict[str, PlotKind] = {
    kind.name: kind
    for kind in (
        PlotKind(
            "divergence",
            "KL divergence, outcome by outcome",
            _DISTRIBUTIONS,
            compute_divergence,
            draw_divergence,
            (8.0, 3.0),
            _same_outcomes,
        ),
        PlotKind(
            "forward-reverse",
            "Forward and reverse KL: fitting one Gaussian to two modes",
            (
                Scalar("sep", "Distance between the modes", 5.0, 0.0, 10.0, 0.1),
                Scalar("width", "Width of each mode (σ)", 0.8, 0.2, 2.5, 0.05),
            ),
            compute_forward_reverse,
            draw_forward_reverse,
            (8.0, 3.2),
        ),
        PlotKind(
            "cross-entropy",
            "Cross-entropy = entropy + KL divergence",
            _DISTRIBUTIONS,
            compute_cross_entropy,
            draw_cross_entropy,
            (8.0, 2.3),
            _same_outcomes,
        ),
        PlotKind(
            "code-lengths",
            "Code lengths: the extra bits of the wrong code",
            _DISTRIBUTIONS,
            compute_code_lengths,
            draw_code_lengths,
            (8.0, 3.0),
            _same_outcomes,
        ),
    )
}


# ----------------------------------------------------------------------------- rendering


def render_svg(spec: PlotSpec, data: PlotData) -> bytes:
    """The SVG for ``spec`` (uncached). Deterministic: same spec, same bytes."""
    fig = Figure(figsize=spec.kind.size, dpi=72, facecolor="white")
    canvas = FigureCanvasSVG(fig)
    spec.kind.draw(fig, data)
    buf = io.StringIO()
    canvas.print_svg(buf, metadata={"Date": None, "Title": spec.kind.title})
    svg = buf.getvalue()
    # An accessible name for the image when it is opened on its own.
    start = svg.index(">", svg.index("<svg")) + 1
    title = f"<title>{html.escape(data.summary, quote=False)}</title>"
    return (svg[:start] + title + svg[start:]).encode()


def _counting[T](compute: Callable[[], T], cold: Callable[[], None] | None) -> Callable[[], T]:
    """``compute``, calling ``cold()`` first when it runs (on a cache miss)."""
    if cold is None:
        return compute

    def run() -> T:
        cold()
        return compute()

    return run


def plot_data(spec: PlotSpec, *, cold: Callable[[], None] | None = None) -> PlotData:
    """The numbers for ``spec``, from the cache or the engine. ``cold()`` is called
    before computing them afresh (a view counts a client's cold renders with it; it may
    raise to refuse)."""
    return cached(
        f"{_SIGNATURE}:data:{spec.key}",
        _counting(lambda: spec.kind.compute(spec.args), cold),
        settings.PLOT_CACHE_SECONDS,
        alias="plots",
    )


def plot_svg(spec: PlotSpec, *, cold: Callable[[], None] | None = None) -> bytes:
    """The SVG for ``spec``, from the cache or freshly drawn (``cold()`` first, as for
    :func:`plot_data`; one call however much of it is drawn afresh)."""
    return cached(
        f"{_SIGNATURE}:svg:{spec.key}",
        _counting(lambda: render_svg(spec, plot_data(spec)), cold),
        settings.PLOT_CACHE_SECONDS,
        alias="plots",
    )


# ----------------------------------------------------------------------------- HTML


@dataclass(frozen=True)
class Field:
    """One input of a plot's controls, with the value to show (as typed, or canonical)."""

    name: str
    label: str
    value: str
    kind: str  # "number" (a probability) or "range"
    min: str = "0"
    max: str = "1"
    step: str = _canon(PROBABILITY_STEP)
    error: bool = False


@dataclass(frozen=True)
class Control:
    """A group of inputs for one parameter (a distribution's outcomes, or one slider)."""

    name: str
    label: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class PlotBlock:
    """Everything the plot templates show: the plot or the error, and the controls."""

    kind: PlotKind | None
    spec: PlotSpec | None
    data: PlotData | None
    error: PlotError | None
    controls: tuple[Control, ...]

    @property
    def name(self) -> str:
        return self.kind.name if self.kind else ""

    @property
    def form_url(self) -> str:
        return reverse("plot_page", args=[self.kind.name]) if self.kind else ""

    @property
    def width_px(self) -> int:
        return round(self.kind.size[0] * 96) if self.kind else 0

    @property
    def height_px(self) -> int:
        return round(self.kind.size[1] * 96) if self.kind else 0


def _controls(
    kind: PlotKind, shown: Mapping[str, Sequence[str]], errors: Mapping[str, str]
) -> tuple[Control, ...]:
    """Inputs for every parameter of ``kind`` showing ``shown`` (raw values as sent, so a
    rejected value can be corrected) or else the default."""
    out = []
    for p in kind.params:
        raw = list(shown.get(p.name) or [p.text(p.default)])
        error = errors.get(p.name, "")
        if isinstance(p, Distribution):
            pieces = ",".join(raw).split(",")[:MAX_OUTCOMES]
            fields = tuple(
                Field(p.name, f"{p.label}(x = {i})", v.strip()[:20], "number", error=bool(error))
                for i, v in enumerate(pieces, start=1)
            )
        else:
            fields = (
                Field(
                    p.name,
                    p.label,
                    raw[0].strip()[:20],
                    "range",
                    _canon(p.lo),
                    _canon(p.hi),
                    _canon(p.step),
                    bool(error),
                ),
            )
        out.append(Control(p.name, p.label, fields))
    return tuple(out)


def plot_block(
    name: str, raw: Mapping[str, Sequence[str]], *, cold: Callable[[], None] | None = None
) -> PlotBlock:
    """Validate and compute a plot for the templates; never raises for bad parameters
    (the block carries the error and nothing is computed). ``cold`` as for
    :func:`plot_data`."""
    try:
        kind = kind_for(name)
    except PlotError as exc:
        return PlotBlock(None, None, None, exc, ())
    try:
        spec = parse(name, raw)
    except PlotError as exc:
        return PlotBlock(kind, None, None, exc, _controls(kind, raw, exc.errors))
    shown = {k: [v] for k, v in spec.texts()}
    return PlotBlock(kind, spec, plot_data(spec, cold=cold), None, _controls(kind, shown, {}))


def render_shortcode(name: str, args: str) -> str:
    """HTML for an explainer line ``[[name: args]]``: the plot with its numbers and
    controls, or, for a shortcode that is not valid, a message saying what is wrong."""
    shortcode = f"[[{name}:{args}]]"
    if name != "plot":
        message = f"unknown shortcode [[{name}]]: plots are written [[plot:NAME key=value …]]"
        return render_to_string(
            "practice/_plot_error.html", {"message": message, "shortcode": shortcode}
        )
    try:
        plot_name, raw = parse_shortcode(args)
    except PlotError as exc:
        return render_to_string(
            "practice/_plot_error.html", {"message": str(exc), "shortcode": shortcode[:200]}
        )
    block = plot_block(plot_name, raw)
    if block.error is not None:
        return render_to_string(
            "practice/_plot_error.html",
            {"message": str(block.error), "shortcode": shortcode[:200]},
        )
    return render_to_string("practice/_plot.html", {"plot": block})
