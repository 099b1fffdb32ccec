"""Drawing each plot with matplotlib's object-oriented API (no pyplot)."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from practice import kl_engine
from practice.plots.numbers import Frame, PlotData, _bits, _mixture

_P_COLOUR = "#3d5a80"
_Q_COLOUR = "#e07a5f"
_MIX_COLOUR = "#444444"
_FONT = 9
_TICK_FONT = 8


def _axes(fig: Figure, rect: tuple[float, float, float, float], *, title: str, ylabel: str):
    """Axes at a fixed place (no layout engine), lightly styled."""
    ax = fig.add_axes(rect)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=_TICK_FONT, length=3)
    ax.set_title(title, fontsize=_FONT + 1)
    ax.set_ylabel(ylabel, fontsize=_FONT)
    return ax


FRAME_RECT = (0.08, 0.16, 0.88, 0.7)
_NICE_STEPS = (1, 2, 2.5, 5, 10)


def frame_axes(fig: Figure, frame: Frame, rect: tuple[float, float, float, float] = FRAME_RECT):
    """Axes for a plot's :class:`Frame`: its ranges, labels and title, a light grid and
    the lines x = 0 and y = 0 where they fall inside; a bare frame (a number line, a
    fraction bar) keeps only the x range."""
    ax = _axes(fig, rect, title=frame.title, ylabel=frame.ylabel)
    ax.set_xlim(*frame.xlim)
    ax.set_ylim(*frame.ylim)
    if frame.bare:
        ax.set_axis_off()
        return ax
    if frame.equal:
        ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel(frame.xlabel, fontsize=_FONT)
    ax.xaxis.set_major_locator(MaxNLocator(9, steps=_NICE_STEPS))
    ax.yaxis.set_major_locator(MaxNLocator(6, steps=_NICE_STEPS))
    ax.grid(True, color="#e6e6e6", linewidth=0.6)
    ax.set_axisbelow(True)
    for lo, hi, line in ((*frame.ylim, ax.axhline), (*frame.xlim, ax.axvline)):
        if lo < 0.0 < hi:
            line(0.0, color="#555555", linewidth=0.8)
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

    ax = _axes(fig, (0.07, 0.15, 0.9, 0.7), title=s["caption"], ylabel="density")
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
