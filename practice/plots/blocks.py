"""A plot as the page shows it: the figure, its numbers and its controls."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse

from practice.plots.kinds import kind_for, parse, parse_shortcode
from practice.plots.numbers import PlotData
from practice.plots.params import (
    MAX_OUTCOMES,
    PROBABILITY_STEP,
    Choice,
    Distribution,
    PlotError,
    PlotKind,
    PlotSpec,
    Points,
    _canon,
)
from practice.plots.render import plot_data


@dataclass(frozen=True)
class Field:
    """One input of a plot's controls, with the value to show (as typed, or canonical)."""

    name: str
    label: str
    value: str
    kind: str  # "number" (a probability), "range", "box" (a number), "select" or "text"
    min: str = "0"
    max: str = "1"
    step: str = _canon(PROBABILITY_STEP)
    error: bool = False
    options: tuple[str, ...] = ()


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
        elif isinstance(p, Choice):
            value = raw[0].strip()[:20]
            fields = (
                Field(p.name, p.label, value, "select", error=bool(error), options=p.options),
            )
        elif isinstance(p, Points):
            fields = (Field(p.name, p.label, ",".join(raw)[:100], "text", error=bool(error)),)
        else:
            fields = (
                Field(
                    p.name,
                    p.label,
                    raw[0].strip()[:20],
                    "range" if p.widget == "range" else "box",
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
