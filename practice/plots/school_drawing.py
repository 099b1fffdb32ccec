"""Drawing the school and calculus plots. Every number drawn comes from the plot's
``series`` (:mod:`practice.plots.school_numbers`); the axes come from its :class:`Frame`."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path

from practice.plots.curves import MINUS, short
from practice.plots.drawing import _FONT, _P_COLOUR, _Q_COLOUR, _TICK_FONT, frame_axes
from practice.plots.numbers import PlotData

_INK = "#333333"
_SHADE = "#c9d6e8"
_BARE_RECT = (0.12, 0.04, 0.84, 0.9)


def _text(ax, x: float, y: float, text: str, **kw) -> None:
    kw.setdefault("fontsize", _FONT)
    kw.setdefault("ha", "center")
    ax.text(x, y, text.replace("-", MINUS), **kw)


def _dot(ax, x: float, y: float, colour: str, *, filled: bool = True, size: float = 7) -> None:
    face = colour if filled else "white"
    ax.plot([x], [y], "o", ms=size, mfc=face, mec=colour, mew=1.6, zorder=5)


# ---------------------------------------------------------------------------- number line


def draw_number_line(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"], (0.03, 0.04, 0.94, 0.9))
    lo, hi = s["frame"].xlim
    ax.annotate("", xy=(hi, 0), xytext=(lo, 0), arrowprops={"arrowstyle": "<|-|>", "color": _INK})
    ticks, wholes = s["ticks"], s["wholes"]
    segments = [((t, -0.07), (t, 0.07)) for t in ticks]
    segments += [((t, -0.13), (t, 0.13)) for t in wholes]
    ax.add_collection(LineCollection(segments, colors=_INK, linewidths=1.0), autolim=False)
    for x, label in s["labels"]:
        _text(ax, x, -0.22, label, va="top", fontsize=_TICK_FONT)
    show, a, b = s["show"], s["a"], s["b"]
    closed_a, closed_b = s["closed"]
    if show == "between":
        ax.plot([a, b], [0, 0], color=_Q_COLOUR, linewidth=5, solid_capstyle="butt")
        _dot(ax, a, 0, _Q_COLOUR, filled=closed_a)
        _dot(ax, b, 0, _Q_COLOUR, filled=closed_b)
    elif show in ("above", "below"):
        end = hi if show == "above" else lo
        ax.annotate(
            "",
            xy=(end, 0),
            xytext=(a, 0),
            arrowprops={"arrowstyle": "-|>,head_width=0.5,head_length=0.8", "color": _Q_COLOUR,
                        "linewidth": 4},
        )  # fmt: skip
        _dot(ax, a, 0, _Q_COLOUR, filled=closed_a)
    elif show == "jump":
        # An arc of the same height however long the jump: a quadratic Bézier curve whose
        # top, halfway along, is at y = 0.5.
        arc = Path(
            [(a, 0.08), ((a + b) / 2, 0.92), (b, 0.08)], [Path.MOVETO, Path.CURVE3, Path.CURVE3]
        )
        ax.add_patch(
            FancyArrowPatch(
                path=arc, arrowstyle="-|>", mutation_scale=14, color=_Q_COLOUR, linewidth=1.8
            )
        )
        jump = b - a
        _text(ax, (a + b) / 2, 0.56, ("+" if jump > 0 else "") + short(jump), color=_Q_COLOUR,
              va="bottom", fontweight="bold")  # fmt: skip
        _dot(ax, a, 0, _Q_COLOUR, size=5)
        _dot(ax, b, 0, _Q_COLOUR, size=5)
    for x, label in s["marks"]:
        _dot(ax, x, 0, _P_COLOUR)
        _text(ax, x, 0.2, label, va="bottom", color=_P_COLOUR, fontweight="bold")


# --------------------------------------------------------------------------- fraction bar


def _bar(ax, y: float, cells: list[str], whole_cells: int) -> None:
    """A row of equal cells (``whole_cells`` make one whole), each filled with its colour."""
    w = 1.0 / whole_cells
    verts = [((i * w, y), (i * w, y + 0.6), ((i + 1) * w, y + 0.6), ((i + 1) * w, y))
             for i in range(len(cells))]  # fmt: skip
    ax.add_collection(
        PolyCollection(verts, facecolors=cells, edgecolors=_INK, linewidths=1.0), autolim=False
    )
    for whole in range(1, math.ceil(len(cells) / whole_cells) + 1):
        ax.plot([whole, whole], [y - 0.08, y + 0.68], color=_INK, linewidth=2.2)
    ax.plot([0, 0], [y - 0.08, y + 0.68], color=_INK, linewidth=2.2)


def draw_fraction_bar(fig: Figure, data: PlotData) -> None:
    s = data.series
    rows = len(s["bars"]) + (1 if s["sum"] else 0)
    frame = s["frame"]
    ax = frame_axes(fig, frame, _BARE_RECT)
    ax.set_ylim(-0.3, rows)
    colours = (_P_COLOUR, _Q_COLOUR)
    for i, (n, k, name) in enumerate(s["bars"]):
        y = rows - 1 - i
        _bar(ax, y, [colours[i]] * k + ["white"] * (n - k), n)
        _text(ax, -0.03 * frame.xlim[1], y + 0.3, name, ha="right", va="center", fontsize=_FONT + 2)
    if s["sum"]:
        common, s1, s2 = s["sum"]
        wholes = math.ceil((s1 + s2) / common)
        cells = [colours[0]] * s1 + [colours[1]] * s2
        _bar(ax, 0, cells + ["white"] * (wholes * common - len(cells)), common)
        _text(ax, -0.03 * frame.xlim[1], 0.3, f"{s1 + s2}/{common}", ha="right", va="center",
              fontsize=_FONT + 2)  # fmt: skip


# ------------------------------------------------------------------- graphs of functions


def draw_function(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"])
    ax.plot(s["x"], s["y"], color=_P_COLOUR, linewidth=1.8)
    if s["tangent"] is not None:
        tx, ty, line = s["tangent"]
        ax.plot(tx, ty, color=_Q_COLOUR, linewidth=1.4, linestyle="--", label=f"tangent: {line}")
        ax.legend(fontsize=_TICK_FONT, frameon=False, loc="upper left")
    if s["point"] is not None:
        x0, y0 = s["point"]
        _dot(ax, x0, y0, _Q_COLOUR)
        ax.annotate(f"({short(x0)}, {short(y0)})".replace("-", MINUS), (x0, y0),
                    xytext=(6, -12), textcoords="offset points", fontsize=_FONT)  # fmt: skip


def draw_riemann(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"])
    w = s["width"]
    verts = [((x, 0.0), (x, h), (x + w, h), (x + w, 0.0))
             for x, h in zip(s["lefts"], s["heights"], strict=True)]  # fmt: skip
    ax.add_collection(
        PolyCollection(verts, facecolors=_SHADE, edgecolors=_P_COLOUR, linewidths=0.8),
        autolim=False,
    )
    ax.plot(s["x"], s["y"], color=_INK, linewidth=1.6)
    if len(s["at"]) <= 40:
        ax.plot(s["at"], s["heights"], "o", ms=3.5, color=_Q_COLOUR)


def draw_normal(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"])
    x, y = s["x"], s["y"]
    ax.plot(x, y, color=_P_COLOUR, linewidth=1.8)
    if s["shade"] is None:
        return
    a, b, fa, fb, prob = s["shade"]
    label = f"P({short(a)} < X < {short(b)}) = {short(prob)}".replace("-", MINUS)
    if s["curve"] == "density":
        inside = (x >= a) & (x <= b)
        ax.fill_between(x, y, where=inside, color=_Q_COLOUR, alpha=0.45, linewidth=0, label=label)
        ax.legend(fontsize=_TICK_FONT, frameon=False, loc="upper right")
        return
    for level in (fa, fb):
        ax.axhline(level, color=_Q_COLOUR, linewidth=0.8, linestyle=":")
    ax.plot([a, a], [0, fa], [b, b], [0, fb], color=_Q_COLOUR, linewidth=0.8, linestyle=":")
    right = x[-1]
    ax.annotate("", xy=(right, fb), xytext=(right, fa),
                arrowprops={"arrowstyle": "<|-|>", "color": _Q_COLOUR})  # fmt: skip
    _text(ax, right, (fa + fb) / 2, label + "  ", ha="right", va="center", color=_Q_COLOUR)


def draw_unit_circle(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"], (0.1, 0.08, 0.86, 0.82))
    t = np.linspace(0.0, 2.0 * np.pi, 241)
    ax.plot(np.cos(t), np.sin(t), color=_INK, linewidth=1.2)
    theta, c, sn = s["theta"], s["cos"], s["sin"]
    arc = np.linspace(0.0, theta, 121)
    radius = 0.2 + 0.025 * np.abs(arc) / (2 * np.pi)  # a spiral when it turns more than once
    ax.plot(radius * np.cos(arc), radius * np.sin(arc), color=_INK, linewidth=1.0)
    ax.plot([0, c], [0, sn], color=_INK, linewidth=1.4)
    ax.plot([0, c], [0, 0], color=_P_COLOUR, linewidth=3.5, solid_capstyle="butt")
    ax.plot([c, c], [0, sn], color=_Q_COLOUR, linewidth=3.5, solid_capstyle="butt")
    _dot(ax, c, sn, _INK, size=6)
    _text(ax, c / 2, -0.07 if sn >= 0 else 0.07, f"cos θ = {short(c)}", color=_P_COLOUR,
          va="top" if sn >= 0 else "bottom")  # fmt: skip
    side = 0.06 if c >= 0 else -0.06
    _text(ax, c + side, sn / 2, f"sin θ = {short(sn)}", color=_Q_COLOUR, va="center",
          ha="left" if c >= 0 else "right")  # fmt: skip


def draw_binary_entropy(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"])
    ax.plot(s["x"], s["y"], color=_P_COLOUR, linewidth=1.8)
    p, h = s["p"], s["h"]
    ax.plot([p, p, 0], [0, h, h], color=_Q_COLOUR, linewidth=0.9, linestyle=":")
    _dot(ax, p, h, _Q_COLOUR)
    left = p > 0.6  # keep the label inside the axes
    ax.annotate(
        f"H({short(p)}) = {h:.4f} bits",
        (p, h),
        xytext=(-8 if left else 8, 6),
        textcoords="offset points",
        fontsize=_FONT,
        ha="right" if left else "left",
    )
