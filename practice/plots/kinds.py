"""The plots (:data:`PLOTS`), and reading a plot's parameters or shortcode."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from practice.plots import pmf_drawing as pd
from practice.plots import pmf_numbers as pn
from practice.plots import school_drawing as sd
from practice.plots import school_numbers as sn
from practice.plots.curves import FAMILIES, INTEGRANDS, RULES
from practice.plots.drawing import (
    draw_code_lengths,
    draw_cross_entropy,
    draw_divergence,
    draw_forward_reverse,
)
from practice.plots.numbers import (
    compute_code_lengths,
    compute_cross_entropy,
    compute_divergence,
    compute_forward_reverse,
)
from practice.plots.params import (
    _MAX_SHORTCODE_CHARS,
    Choice,
    Distribution,
    PlotError,
    PlotKind,
    PlotSpec,
    Points,
    Scalar,
    _quote,
    _same_outcomes,
)

_DISTRIBUTIONS = (
    Distribution("p", "P", (0.5, 0.3, 0.2)),
    Distribution("q", "Q", (0.2, 0.3, 0.5)),
)


def _box(name: str, label: str, default: float, lo: float, hi: float, step: float) -> Scalar:
    """A number typed in a box (a slider would be too coarse over a wide range)."""
    return Scalar(name, label, default, lo, hi, step, widget="number")


SCHOOL_PLOTS = (
    PlotKind(
        "number-line",
        "A number line",
        (
            _box("start", "From", 0, -1000, 1000, 1),
            _box("end", "To", 10, -1000, 1000, 1),
            Scalar("parts", "Equal parts in each whole", 1, 1, 10, 1),
            Choice("labels", "Tick labels", "whole", ("whole", "fraction", "decimal")),
            Points("marks", "Marked points (e.g. 3, 2.5, 3/4)", ()),
            Choice("show", "Also show", "none", ("none", "jump", "between", "above", "below")),
            _box("a", "a", 0, -1000, 1000, 0.01),
            _box("b", "b", 1, -1000, 1000, 0.01),
            Choice("closed", "Filled dots", "none", ("none", "a", "b", "both")),
        ),
        sn.compute_number_line,
        sd.draw_number_line,
        (8.0, 1.6),
        sn.check_number_line,
        sn.uses_number_line,
    ),
    PlotKind(
        "fraction-bar",
        "Fraction bars",
        (
            Scalar("n1", "First bar: equal parts", 4, 1, 24, 1),
            Scalar("k1", "First bar: parts shaded", 3, 0, 24, 1),
            Scalar("n2", "Second bar: equal parts (0: none)", 0, 0, 24, 1),
            Scalar("k2", "Second bar: parts shaded", 0, 0, 24, 1),
            Choice("mode", "Show", "compare", ("compare", "add")),
        ),
        sn.compute_fraction_bar,
        sd.draw_fraction_bar,
        (8.0, 2.4),
        sn.check_fraction_bar,
        sn.uses_fraction_bar,
    ),
    PlotKind(
        "function",
        "The graph of a function",
        (
            Choice("family", "Family", "linear", FAMILIES),
            _box("m", "m (slope of a line)", 1, -20, 20, 0.01),
            _box("a", "a (x² of a quadratic, or the start of an exponential)", 1, -20, 20, 0.01),
            _box("b", "b (x of a quadratic, or where a line crosses the y-axis)", 0, -20, 20, 0.01),
            _box("c", "c (constant of a quadratic)", 0, -20, 20, 0.01),
            _box("base", "Base of an exponential or a logarithm", 2, 0.1, 10, 0.001),
            _box("amp", "Amplitude of a wave", 1, 0.1, 10, 0.01),
            _box("period", "Period of a wave, in multiples of π", 2, 0.25, 8, 0.05),
            _box("xmin", "x from", -5, -20, 20, 0.5),
            _box("xmax", "x to", 5, -20, 20, 0.5),
            Choice("mark", "Mark", "none", ("none", "point", "tangent")),
            _box("x0", "at x", 1, -20, 20, 0.001),
        ),
        sn.compute_function,
        sd.draw_function,
        (7.0, 3.8),
        sn.check_function,
        sn.uses_function,
    ),
    PlotKind(
        "riemann",
        "Riemann sums: rectangles under a curve",
        (
            Choice("family", "Function", "square", tuple(INTEGRANDS)),
            _box("a", "From x =", 0, -10, 10, 0.1),
            _box("b", "To x =", 2, -10, 10, 0.1),
            Scalar("n", "Rectangles", 4, 1, 100, 1),
            Choice("rule", "Height taken at", "left", RULES),
        ),
        sn.compute_riemann,
        sd.draw_riemann,
        (8.0, 3.4),
        sn.check_riemann,
    ),
    PlotKind(
        "normal",
        "The normal distribution",
        (
            _box("mu", "Mean μ", 0, -100, 100, 0.01),
            Scalar("sigma", "Standard deviation σ", 1, 0.1, 10, 0.01),
            Choice("curve", "Curve", "density", ("density", "cdf")),
            Choice("shade", "Shade", "none", ("none", "between")),
            _box("a", "from a", -1, -1000, 1000, 0.01),
            _box("b", "to b", 1, -1000, 1000, 0.01),
        ),
        sn.compute_normal,
        sd.draw_normal,
        (8.0, 3.2),
        sn.check_normal,
        sn.uses_normal,
    ),
    PlotKind(
        "unit-circle",
        "The unit circle: cos and sin of an angle",
        (
            Points("angle", "Angle (e.g. 30, 2.5 or 3/4)", ("30",), most=1),
            Choice("unit", "Unit", "degrees", ("degrees", "radians", "pi")),
        ),
        sn.compute_unit_circle,
        sd.draw_unit_circle,
        (5.0, 4.6),
        sn.check_unit_circle,
    ),
    PlotKind(
        "binary-entropy",
        "The entropy of a coin",
        (Scalar("p", "P(heads)", 0.25, 0.0, 1.0, 0.001),),
        sn.compute_binary_entropy,
        sd.draw_binary_entropy,
        (6.4, 3.4),
    ),
    PlotKind(
        "bars",
        "A probability distribution as bars",
        (
            Choice("family", "Distribution", "binomial", pn.FAMILIES),
            _box("lam", "λ (mean of a Poisson)", 3, 0.01, 100, 0.01),
            Scalar("n", "n (trials of a binomial)", 10, 1, 200, 1),
            Scalar("p", "p (chance of success)", 0.5, 0.0, 1.0, 0.001),
            Points("values", "Values (e.g. 0, 1, 2)", ("0", "1", "2"), most=pn.MOST_VALUES),
            Points(
                "probs",
                "Their probabilities (e.g. 1/4, 1/2, 1/4)",
                ("1/4", "1/2", "1/4"),
                most=pn.MOST_VALUES,
            ),
            _box("kmin", "k from", 0, 0, 1000, 1),
            _box("kmax", "k to", 10, 0, 1000, 1),
            Choice("mark", "Mark", "none", ("none", "mean")),
        ),
        pn.compute_bars,
        pd.draw_bars,
        (7.0, 3.4),
        pn.check_bars,
        pn.uses_bars,
    ),
    PlotKind(
        "vectors",
        "Vectors in the plane",
        (
            Points("u", "u (e.g. 3, 1)", ("3", "1"), most=2),
            Points("v", "v (e.g. -1, 2; empty: none)", ("-1", "2"), most=2),
            Points("w", "w (empty: none)", (), most=2),
            Choice("show", "Show", "sum", ("none", "sum", "difference", "angle")),
        ),
        pn.compute_vectors,
        pd.draw_vectors,
        (5.6, 5.0),
        pn.check_vectors,
        pn.uses_vectors,
    ),
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
        *SCHOOL_PLOTS,
    )
}


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
    if kind.uses is not None:
        used = kind.uses(values)
        values = {p.name: values[p.name] if p.name in used else p.default for p in kind.params}
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
