"""The four plots (:data:`PLOTS`), and reading a plot's parameters or shortcode."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
    Distribution,
    PlotError,
    PlotKind,
    PlotSpec,
    Scalar,
    _quote,
    _same_outcomes,
)

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
