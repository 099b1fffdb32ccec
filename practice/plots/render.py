"""SVG rendering and the plot cache."""

from __future__ import annotations

import html
import io
from collections.abc import Callable

import matplotlib
from django.conf import settings
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from core.caching import cached
from practice.plots.numbers import PlotData
from practice.plots.params import _SIGNATURE, PlotSpec

# Text is written as SVG <text> in DejaVu Sans (the font matplotlib measures it with;
# browsers use a local sans-serif if it is missing, nothing is downloaded). Drawing glyphs
# as paths ("path") also works but costs 20-50% more time and 2-4 times the bytes
# (benchmarks/bench_plots.py).
SVG_FONTTYPE = "none"
matplotlib.rcParams["svg.hashsalt"] = "kl-tutor-plots"
matplotlib.rcParams["svg.fonttype"] = SVG_FONTTYPE


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
