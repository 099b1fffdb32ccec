"""Drawing the ``bars`` and ``vectors`` plots from the series of
:mod:`practice.plots.pmf_numbers`."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from practice.plots.curves import MINUS, short
from practice.plots.drawing import _FONT, _P_COLOUR, _Q_COLOUR, _TICK_FONT, frame_axes
from practice.plots.numbers import PlotData

_INK = "#333333"
_COLOURS = {"u": _P_COLOUR, "v": _Q_COLOUR, "w": "#5b8e55"}


def draw_bars(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"])
    for line in list(ax.lines):  # the line x = 0 would run through the bar at k = 0
        line.remove()
    k, p, width = s["k"], s["p"], s["width"]
    lo, hi = s["frame"].xlim
    if width < 0.005 * (hi - lo):  # bars too thin to see (values far apart): stems instead
        ax.vlines(k, 0.0, p, colors=_P_COLOUR, linewidth=3)
    else:
        half = width / 2  # one collection, not a patch per bar: 60 bars draw in half the time
        verts = [((x - half, 0.0), (x - half, y), (x + half, y), (x + half, 0.0))
                 for x, y in zip(k, p, strict=True)]  # fmt: skip
        ax.add_collection(PolyCollection(verts, facecolors=_P_COLOUR, edgecolors="white",
                                         linewidths=0.5), autolim=False)  # fmt: skip
    if len(k) <= 20:
        for x, y in zip(k, p, strict=True):
            ax.text(x, y, short(y, 3), ha="center", va="bottom", fontsize=_TICK_FONT - 1)
    if len(k) <= 25 and np.all(k == np.round(k)):
        ax.set_xticks(k)
        ax.set_xticklabels([short(x).replace("-", MINUS) for x in k], fontsize=_TICK_FONT)
    mean = s["mean"]
    if mean is None:
        return
    top = s["frame"].ylim[1]
    ax.axvline(mean, color=_Q_COLOUR, linewidth=1.6)
    ax.text(mean, top * 0.97, f" mean {short(mean)}", color=_Q_COLOUR, fontsize=_FONT, va="top")
    sd, y = s["sd"], top * 0.8
    ax.annotate("", xy=(mean + sd, y), xytext=(mean - sd, y),
                arrowprops={"arrowstyle": "<|-|>", "color": _Q_COLOUR})  # fmt: skip
    ax.text(mean, y * 0.98, f"  ± sd {short(sd)}", color=_Q_COLOUR, fontsize=_TICK_FONT,
            ha="left", va="top")  # fmt: skip


def _arrow(ax, start, end, colour: str, *, dashed: bool = False, width: float = 1.8) -> None:
    ax.annotate("", xy=tuple(end), xytext=tuple(start),
                arrowprops={"arrowstyle": "-|>,head_width=0.35,head_length=0.7",
                            "color": colour, "linewidth": width, "shrinkA": 0, "shrinkB": 0,
                            "linestyle": "--" if dashed else "-"})  # fmt: skip


def _name(ax, at, text: str, colour: str) -> None:
    ax.annotate(text.replace("-", MINUS), tuple(at), xytext=(4, 4), textcoords="offset points",
                fontsize=_FONT, color=colour, fontweight="bold")  # fmt: skip


def draw_vectors(fig: Figure, data: PlotData) -> None:
    s = data.series
    ax = frame_axes(fig, s["frame"], (0.1, 0.1, 0.86, 0.8))
    vecs, show = s["vectors"], s["show"]
    origin = np.zeros(2)
    for name, x in vecs.items():
        _arrow(ax, origin, x, _COLOURS[name])
        _name(ax, x, f"{name} ({short(x[0])}, {short(x[1])})", _COLOURS[name])
    if show == "sum":
        u, v = vecs["u"], vecs["v"]
        _arrow(ax, u, u + v, _COLOURS["v"], dashed=True, width=1.2)
        _arrow(ax, origin, u + v, _INK, width=2.2)
        _name(ax, u + v, f"u + v ({short((u + v)[0])}, {short((u + v)[1])})", _INK)
    elif show == "difference":
        u, v = vecs["u"], vecs["v"]
        _arrow(ax, v, u, _INK, width=2.2)
        _arrow(ax, origin, u - v, _INK, dashed=True, width=1.2)
        _name(ax, u - v, f"u − v ({short((u - v)[0])}, {short((u - v)[1])})", _INK)
    elif show == "angle" and s["angle"] is not None:
        u, v = vecs["u"], vecs["v"]
        a, b = math.atan2(u[1], u[0]), math.atan2(v[1], v[0])
        turn = (b - a + math.pi) % (2 * math.pi) - math.pi  # the shorter way round
        t = np.linspace(a, a + turn, 61)
        r = 0.25 * min(math.hypot(*u), math.hypot(*v))
        ax.plot(r * np.cos(t), r * np.sin(t), color=_INK, linewidth=1.2)
        mid = a + turn / 2
        ax.text(1.35 * r * math.cos(mid), 1.35 * r * math.sin(mid), f"{short(s['angle'], 1)}°",
                fontsize=_FONT, ha="center", va="center", color=_INK)  # fmt: skip
