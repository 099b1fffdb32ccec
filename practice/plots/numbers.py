"""The numbers each plot shows, all from the KL engine, in bits."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from practice import kl_engine
from practice.plots.params import _canon


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


@dataclass(frozen=True, slots=True)
class Frame:
    """The axes a plot's numbers are drawn on: title, ranges and labels (``equal``: one
    unit is as long across as up); :func:`practice.plots.drawing.frame_axes` makes them."""

    title: str
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    xlabel: str = "x"
    ylabel: str = ""
    equal: bool = False
    bare: bool = False  # no y axis and no frame (a number line, a fraction bar)


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


def _f3(v: float) -> str:
    """``v`` to three decimals (never "-0.000")."""
    return f"{round(v, 3) + 0.0:.3f}"


def _fit_rows(
    fwd: kl_engine.GaussianFit, rev: kl_engine.GaussianFit
) -> tuple[tuple[Cell, ...], ...]:
    """The table's rows: each fit's μ, σ and the divergence it minimises."""
    return (
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


def _reverse_optimum(mu: float, width: float) -> tuple[str, str, list[str]]:
    """Which optimum the reverse fit found, centred at ``mu``: the caption, the sentence
    saying so, and the note on the mirror optimum when it locked onto one mode."""
    # The reverse fit picks one mode only once they are far enough apart (for width 0.8,
    # between sep 4.4 and 4.6); the caption says which optimum this setting found.
    if abs(mu) > 0.05 * width:
        return (
            f"Forward KL covers both modes; reverse KL locks onto one (μ = {_f3(mu)})",
            f"The reverse fit locks onto one mode, at μ = {_f3(mu)}.",
            [
                f"p is symmetric, so the reverse fit on the other mode (μ = {_f3(-mu)}) is "
                "just as good; the right-hand one is shown."
            ],
        )
    caption = (
        f"Both fits are centred (μ = {_f3(mu)}): the modes are too close for reverse KL to pick one"
    )
    found = (
        "The reverse fit is centred between the modes, like the forward fit: at this "
        "separation no single mode fits better."
    )
    return caption, found, []


def compute_forward_reverse(values: dict[str, Any]) -> PlotData:
    sep, width = values["sep"], values["width"]
    w, mus, sigmas = _mixture(sep, width)
    x = fit_grid(sep, width)
    density = kl_engine.gaussian_mixture_pdf(x, w, mus, sigmas)
    log_density = kl_engine.gaussian_mixture_logpdf(x, w, mus, sigmas)
    fwd = kl_engine.fit_gaussian(x, density, direction="forward", log_p_density=log_density)
    rev = kl_engine.fit_gaussian(x, density, direction="reverse", log_p_density=log_density)
    mixture = _mixture_text(sep, width)
    rows = _fit_rows(fwd, rev)
    caption, found, notes = _reverse_optimum(rev.mu, width)
    summary = (
        f"Density p = {mixture} with the single Gaussians q that minimise each direction. "
        f"Forward fit (minimises KL(p‖q)): μ = {_f3(fwd.mu)}, σ = {_f3(fwd.sigma)}, "
        f"KL(p‖q) = {_bits(fwd.kl)} bits. Reverse fit (minimises KL(q‖p)): "
        f"μ = {_f3(rev.mu)}, σ = {_f3(rev.sigma)}, KL(q‖p) = {_bits(rev.kl)} bits. {found}"
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
            "caption": caption,
        },
    )
