"""The numbers of the school and calculus plots, with the checks their parameters must pass
together and the parameters each setting uses.

Each ``compute_*`` returns a :class:`PlotData` whose ``series`` holds everything the drawing
needs (a :class:`Frame` and the arrays), and whose summary, the text alternative, states
the numbers the picture shows from those same values.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from practice import kl_engine
from practice.plots import curves
from practice.plots.curves import MINUS, fraction_text, short
from practice.plots.numbers import Cell, Frame, PlotData, _bits, _label, _num, code_lengths
from practice.plots.params import point_value

CURVE_POINTS = 401


def _cell(x: float, digits: int = 4) -> Cell:
    """A number as a school table shows it: rounded, without trailing zeros (32, 0.75)."""
    return Cell(short(x, digits), repr(float(x)))


def _signed(x: float) -> str:
    return ("+" if x > 0 else MINUS if x < 0 else "") + short(abs(x))


def _y_range(y: np.ndarray, *extra: float, cap: float = 1000.0) -> tuple[float, float]:
    """A y range holding every finite value (and 0, and ``extra``), at most ``cap`` from 0
    each way, with a margin."""
    finite = np.concatenate([y[np.isfinite(y)], np.array([0.0, *extra])])
    lo, hi = max(float(finite.min()), -cap), min(float(finite.max()), cap)
    pad = 0.08 * ((hi - lo) or 1.0)
    return lo - pad, hi + pad


# ---------------------------------------------------------------------------- number line

_LABEL_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
MOST_LABELS = 21


def check_number_line(v: dict[str, Any]) -> dict[str, str]:
    errors = {}
    start, end, parts = v["start"], v["end"], int(v["parts"])
    if end <= start:
        return {"end": f"end ({short(end)}) must be greater than start ({short(start)})"}
    if (end - start) * parts > 200:
        errors["parts"] = (
            f"{short(end - start)} units cut into {parts} parts each make "
            f"{int((end - start) * parts)} ticks: at most 200 fit on a line"
        )
    outside = [t for t in v["marks"] if not start <= point_value(t) <= end]
    if outside:
        errors["marks"] = (
            f"marks {', '.join(outside)} lie outside the line from {short(start)} to {short(end)}"
        )
    show = v["show"]
    ends = ("a", "b") if show in ("jump", "between") else ("a",) if show != "none" else ()
    for name in ends:
        if not start <= v[name] <= end:
            errors[name] = (
                f"{name} ({short(v[name])}) lies outside the line from {short(start)} to "
                f"{short(end)}"
            )
    if show == "jump" and v["a"] == v["b"] and "a" not in errors:
        errors["b"] = "a jump must go somewhere: b must differ from a"
    if show == "between" and v["a"] >= v["b"] and not errors.keys() & {"a", "b"}:
        errors["b"] = f"b ({short(v['b'])}) must be greater than a ({short(v['a'])})"
    if show in ("above", "below") and v["closed"] in ("b", "both"):
        errors["closed"] = f"the {show} ray has one end, a: closed may be none or a"
    return errors


def uses_number_line(v: dict[str, Any]) -> set[str]:
    used = {"start", "end", "parts", "show"} | ({"marks"} if v["marks"] else set())
    if v["parts"] > 1:
        used.add("labels")
    show = v["show"]
    if show != "none":
        used.add("a")
    if show in ("jump", "between"):
        used.add("b")
    if show in ("between", "above", "below"):
        used.add("closed")
    return used


def _tick_label(q: Fraction, parts: int, style: str) -> str:
    if q.denominator == 1 or style == "whole":
        return fraction_text(q)
    if style == "decimal":
        return short(float(q), 3)
    n = q * parts  # unreduced: 2/4 stays 2/4 on a line cut into quarters
    return f"{n.numerator}/{parts}"


def _number_line_ticks(
    start: int, end: int, parts: int, style: str
) -> tuple[list[Fraction], int, list[Fraction]]:
    """The ticks of a line cut into ``parts`` in each whole, the step of its whole-number
    labels, and the ticks labelled (every tick when fractions or decimals fit)."""
    ticks = [Fraction(start) + Fraction(k, parts) for k in range((end - start) * parts + 1)]
    every = next((s for s in _LABEL_STEPS if (end - start) / s < MOST_LABELS), 100)
    if parts > 1 and style != "whole" and len(ticks) <= MOST_LABELS:
        return ticks, every, ticks
    return ticks, every, [t for t in ticks if t.denominator == 1 and t.numerator % every == 0]


def _number_line_show(
    show: str, a: float, b: float, closed_a: bool, closed_b: bool
) -> tuple[list[str], list[tuple[str, Cell]]]:
    """What the line shows besides its ticks and marks (a jump from ``a`` to ``b``, the
    numbers between them, or a ray from ``a``): the sentence saying it, and its totals."""
    if show == "jump":
        said = (
            f"An arrow jumps from {short(a)} to {short(b)}, a change of {_signed(b - a)}: "
            f"{short(a)} {'+' if b > a else MINUS} {short(abs(b - a))} = {short(b)}."
        )
        return [said], [
            ("start", _cell(a)),
            ("change", Cell(_signed(b - a), repr(b - a))),
            ("end", _cell(b)),
        ]
    if show == "between":
        rule = f"{short(a)} {'≤' if closed_a else '<'} x {'≤' if closed_b else '<'} {short(b)}"
        said = (
            f"The numbers x with {rule} are shaded: a {'filled' if closed_a else 'hollow'} dot "
            f"at {short(a)} and a {'filled' if closed_b else 'hollow'} dot at {short(b)}."
        )
        return [said], [("shaded", Cell(rule)), ("length", _cell(b - a))]
    if show in ("above", "below"):
        sign = (">" if show == "above" else "<") + ("=" if closed_a else "")
        rule = f"x {sign.replace('>=', '≥').replace('<=', '≤')} {short(a)}"
        said = (
            f"The numbers x with {rule} are shaded, from a {'filled' if closed_a else 'hollow'} "
            f"dot at {short(a)} {'to the right' if show == 'above' else 'to the left'}, "
            "on past the end of the line."
        )
        return [said], [("shaded", Cell(rule))]
    return [], []


def compute_number_line(v: dict[str, Any]) -> PlotData:
    start, end, parts = int(v["start"]), int(v["end"]), int(v["parts"])
    ticks, every, labelled = _number_line_ticks(start, end, parts, v["labels"])
    labels = [(float(t), _tick_label(t, parts, v["labels"])) for t in labelled]
    marks = [(float(point_value(t)), t) for t in v["marks"]]

    cut = "every whole number" if parts == 1 else f"every 1/{parts} (each whole cut into {parts})"
    said = [f"A number line from {start} to {end} with a tick at {cut}"]
    if every > 1 and labelled is not ticks:
        said[0] += f", labelled every {every}"
    said[0] += "."
    rows = []
    if marks:
        names = [t if "/" not in t else f"{t} ({short(x)})" for x, t in marks]
        said.append(f"Marked point{'s' if len(marks) > 1 else ''}: {', '.join(names)}.")
        rows = [(_label(t), _cell(x)) for x, t in marks]
    show, a, b = v["show"], v["a"], v["b"]
    closed_a = v["closed"] in ("a", "both")
    closed_b = v["closed"] in ("b", "both")
    shown, totals = _number_line_show(show, a, b, closed_a, closed_b)
    said += shown
    pad = 0.04 * (end - start)
    return PlotData(
        summary=" ".join(said),
        columns=("point", "value") if rows else (),
        rows=tuple(rows),
        totals=tuple(totals),
        series={
            "frame": Frame("", (start - pad, end + pad), (-1.0, 1.0), xlabel="", bare=True),
            "ticks": np.array([float(t) for t in ticks]),
            # long ticks: the whole numbers, or only the labelled ones on a long line
            "wholes": np.array([float(t) for t in ticks if t.denominator == 1 and t % every == 0]),
            "labels": labels,
            "marks": marks,
            "show": show,
            "a": a,
            "b": b,
            "closed": (closed_a, closed_b),
        },
    )


# --------------------------------------------------------------------------- fraction bar

MOST_COMMON_PARTS = 60


def check_fraction_bar(v: dict[str, Any]) -> dict[str, str]:
    errors = {}
    n1, k1, n2, k2 = (int(v[k]) for k in ("n1", "k1", "n2", "k2"))
    if k1 > n1:
        errors["k1"] = f"k1 ({k1}) shaded parts of a bar cut into {n1}: at most {n1}"
    if n2 and k2 > n2:
        errors["k2"] = f"k2 ({k2}) shaded parts of a bar cut into {n2}: at most {n2}"
    if v["mode"] == "add":
        if not n2:
            errors["n2"] = "adding needs a second bar: give n2 (1 to 24 parts)"
        elif math.lcm(n1, n2) > MOST_COMMON_PARTS:
            errors["n2"] = (
                f"n2 ({n2}): the common denominator of {n1} and {n2} is {math.lcm(n1, n2)}, "
                f"more parts than a bar can show (at most {MOST_COMMON_PARTS})"
            )
    return errors


def uses_fraction_bar(v: dict[str, Any]) -> set[str]:
    return {"n1", "k1", "n2"} | ({"k2", "mode"} if v["n2"] else set())


def compute_fraction_bar(v: dict[str, Any]) -> PlotData:
    n1, k1, n2, k2 = (int(v[k]) for k in ("n1", "k1", "n2", "k2"))
    bars = [(n1, k1, f"{k1}/{n1}")]
    if n2:
        bars.append((n2, k2, f"{k2}/{n2}"))
    said = [
        f"Bar {i}: a whole cut into {n} equal parts with {k} shaded, {name} of the whole"
        + ("" if Fraction(k, n).denominator == n else f" (= {fraction_text(Fraction(k, n))})")
        + f", {short(k / n)}."
        for i, (n, k, name) in enumerate(bars, start=1)
    ]
    rows = [(_label(name), Cell(str(n)), Cell(str(k)), _cell(k / n)) for n, k, name in bars]
    totals: list[tuple[str, Cell]] = []
    stacked = None
    if n2:
        f1, f2 = Fraction(k1, n1), Fraction(k2, n2)
        if v["mode"] == "add":
            common = math.lcm(n1, n2)
            s1, s2 = k1 * common // n1, k2 * common // n2
            total = f1 + f2
            said.append(
                f"Sum bar, cut into {common}ths: {bars[0][2]} + {bars[1][2]} = {s1}/{common} + "
                f"{s2}/{common} = {s1 + s2}/{common}"
                + (
                    ""
                    if total == Fraction(s1 + s2, common) and total.denominator == common
                    else f" = {fraction_text(total)}"
                )  # fmt: skip
                + (f" = {curves.mixed_text(total)}" if total > 1 and total.denominator > 1 else "")
                + f", {short(float(total))} of a whole."
            )
            totals = [("sum", Cell(fraction_text(total), repr(float(total))))]
            stacked = (common, s1, s2)
        else:
            sign = ">" if f1 > f2 else "<" if f1 < f2 else "="
            said.append(
                f"{bars[0][2]} {sign} {bars[1][2]}"
                + (
                    ": the shaded lengths are equal."
                    if sign == "="
                    else f": the first shaded length is {'longer' if sign == '>' else 'shorter'}."
                )  # fmt: skip
            )
            totals = [("comparison", Cell(f"{bars[0][2]} {sign} {bars[1][2]}"))]
    wholes = 2.0 if stacked and stacked[1] + stacked[2] > stacked[0] else 1.0
    return PlotData(
        summary=" ".join(said),
        columns=("fraction", "parts", "shaded", "value"),
        rows=tuple(rows),
        totals=tuple(totals),
        series={
            "frame": Frame("", (-0.02 * wholes, wholes * 1.02), (0.0, 1.0), xlabel="", bare=True),
            "bars": bars,
            "sum": stacked,
        },
    )


# ------------------------------------------------------------------- graph of a function


def check_function(v: dict[str, Any]) -> dict[str, str]:
    family, errors = v["family"], {}
    if v["xmax"] <= v["xmin"]:
        return {"xmax": f"xmax ({short(v['xmax'])}) must be greater than xmin ({short(v['xmin'])})"}
    if family == "quadratic" and v["a"] == 0:
        errors["a"] = "a must not be 0 for a quadratic (with a = 0 it is a line)"
    if family == "exponential" and v["a"] == 0:
        errors["a"] = "a must not be 0 (the graph would be the line y = 0)"
    if family in ("exponential", "logarithm") and v["base"] == 1:
        errors["base"] = "base must not be 1: choose a positive base other than 1"
    if family == "logarithm" and v["xmax"] <= 0:
        errors["xmax"] = "a logarithm is defined for x > 0 only: xmax must be above 0"
    if v["mark"] != "none":
        if not v["xmin"] <= v["x0"] <= v["xmax"]:
            errors["x0"] = (
                f"x0 ({short(v['x0'])}) lies outside the graph, from {short(v['xmin'])} to "
                f"{short(v['xmax'])}"
            )
        elif family == "logarithm" and v["x0"] <= 0:
            errors["x0"] = "a logarithm is defined for x > 0 only: x0 must be above 0"
    return errors


def uses_function(v: dict[str, Any]) -> set[str]:
    used = {"family", "xmin", "xmax", "mark", *curves.FAMILY_PARAMS[v["family"]]}
    return used | ({"x0"} if v["mark"] != "none" else set())


def _table_xs(lo: float, hi: float, positive: bool) -> list[float]:
    step = next(s for s in (1, 2, 5, 10) if (hi - lo) / s <= 10)
    first = math.ceil(lo / step) * step
    xs = [float(x) for x in range(int(first), int(math.floor(hi)) + 1, step)]
    return [x for x in xs if x > 0] if positive else xs


def _features(family: str, v: dict[str, float], g: curves.Graph) -> tuple[str, list]:
    """What a student should read off the graph, as a sentence and as totals."""
    if family == "linear":
        m, b = v["m"], v["b"]
        text = (
            f"slope {short(m)} (y changes by {short(m)} for each step of 1 in x), crossing "
            f"the y-axis at {short(b)}"
        )
        totals = [("slope", _cell(m)), ("y-intercept", _cell(b))]
        if m != 0:
            text += f" and the x-axis at {short(-b / m)}"
            totals.append(("x-intercept", _cell(-b / m)))
        return text, totals
    if family == "quadratic":
        a, b, c = v["a"], v["b"], v["c"]
        h = -b / (2 * a)
        k = float(g.f(np.array(h)))
        disc = b * b - 4 * a * c
        text = (
            f"a parabola opening {'up' if a > 0 else 'down'} with vertex ({short(h)}, {short(k)}), "
            f"crossing the y-axis at {short(c)}"
        )
        totals = [("vertex", Cell(f"({short(h)}, {short(k)})")), ("discriminant", _cell(disc))]
        if disc > 0:
            r = sorted(((-b - math.sqrt(disc)) / (2 * a), (-b + math.sqrt(disc)) / (2 * a)))
            text += f"; it crosses the x-axis at {short(r[0])} and {short(r[1])}"
            totals.append(("roots", Cell(f"{short(r[0])}, {short(r[1])}")))
        elif disc == 0:
            text += f"; it touches the x-axis at {short(h)}"
            totals.append(("root", _cell(h)))
        else:
            text += "; it never meets the x-axis (no real roots)"
        return text, totals
    if family == "exponential":
        a, base = v["a"], v["base"]
        kind, away = ("growth", "ever faster") if base > 1 else ("decay", "ever closer to 0")
        text = (
            f"crosses the y-axis at {short(a)} and is multiplied by {short(base)} for each step "
            f"of 1 in x ({kind}: its distance from the x-axis changes {away})"
        )
        return text, [("y-intercept", _cell(a)), ("factor per step", _cell(base))]
    if family == "logarithm":
        base = v["base"]
        text = (
            f"defined for x > 0 only, crossing the x-axis at 1 and reaching 1 at x = {short(base)}"
        )
        return text, [("x-intercept", _cell(1.0)), ("y = 1 at x", _cell(base))]
    amp, period = v["amp"], v["period"]
    turns = "π" if period == 1 else f"{short(period)}π"
    text = (
        f"a wave of amplitude {short(amp)} (between {short(-amp)} and {short(amp)}) and "
        f"period {turns} ≈ {short(period * math.pi)}"
    )
    return text, [("amplitude", _cell(amp)), ("period", _cell(period * math.pi))]


def compute_function(v: dict[str, Any]) -> PlotData:
    family = v["family"]
    g = curves.graph(family, v)
    lo, hi = v["xmin"], v["xmax"]
    start = max(lo, hi / 1000.0) if g.positive_only else lo
    x = np.linspace(start, hi, CURVE_POINTS)
    y = g.f(x)
    features, totals = _features(family, v, g)
    said = [f"The graph of {g.formula} for x from {short(lo)} to {short(hi)}: {features}."]
    xs = _table_xs(lo, hi, g.positive_only)
    ys = g.f(np.array(xs)) if xs else np.array([])
    if xs:
        pairs = ", ".join(f"({short(a)}, {short(b)})" for a, b in zip(xs, ys, strict=True))
        said.append(f"Points on it: {pairs}.")
    point = tangent = None
    extra: tuple[float, ...] = ()
    if v["mark"] != "none":
        x0 = v["x0"]
        y0 = float(g.f(np.array(x0)))
        point = (x0, y0)
        extra = (y0,)
        said.append(f"Marked: the point ({short(x0)}, {short(y0)}).")
        totals.append(("marked point", Cell(f"({short(x0)}, {short(y0)})")))
        if v["mark"] == "tangent":
            slope = float(g.df(np.array(x0)))
            icpt = y0 - slope * x0
            line = "y = " + curves.terms_text([(round(slope, 4), "x"), (round(icpt, 4), "")])
            said.append(f"The tangent there has slope {short(slope)}: {line}.")
            totals.append(("tangent slope", _cell(slope)))
            reach = (hi - lo) / 4.0
            tx = np.array([max(lo, x0 - reach), min(hi, x0 + reach)])
            tangent = (tx, y0 + slope * (tx - x0), line)
    return PlotData(
        summary=" ".join(said),
        columns=("x", "y") if xs else (),
        rows=tuple((_label(short(a)), _cell(b)) for a, b in zip(xs, ys, strict=True)),
        totals=tuple(totals),
        series={
            "frame": Frame(g.formula, (lo, hi), _y_range(y, *extra), ylabel="y"),
            "x": x,
            "y": y,
            "point": point,
            "tangent": tangent,
        },
    )


# ---------------------------------------------------------------------------- Riemann sums

MOST_ROWS = 12


def check_riemann(v: dict[str, Any]) -> dict[str, str]:
    a, b = v["a"], v["b"]
    if b <= a:
        return {"b": f"b ({short(b)}) must be greater than a ({short(a)})"}
    f = curves.INTEGRANDS[v["family"]]
    if v["family"] == "sqrt" and a < 0:
        return {"a": "√x is defined for x ≥ 0 only: a must be 0 or more"}
    if f.positive_only and v["family"] != "sqrt" and a <= 0:
        return {"a": f"{f.label} is defined here for x > 0 only: a must be above 0"}
    return {}


def compute_riemann(v: dict[str, Any]) -> PlotData:
    f = curves.INTEGRANDS[v["family"]]
    a, b, n, rule = v["a"], v["b"], int(v["n"]), v["rule"]
    lefts, at, width = curves.riemann_points(a, b, n, rule)
    heights = f.f(at)
    total = math.fsum(heights * width)
    exact = f.F(b) - f.F(a)
    exact_text = f.exact(Fraction(str(a)), Fraction(str(b)))
    where = {"left": "left end", "right": "right end", "midpoint": "midpoint"}[rule]
    gap = total - exact
    said = (
        f"The graph of y = {f.label} from {short(a)} to {short(b)} with {n} rectangle"
        f"{'s' if n > 1 else ''} of width {short(width)}, each as high as the curve at its "
        f"{where}. {rule.capitalize()} sum: {short(total)}. Exact integral of {f.label} from "
        f"{short(a)} to {short(b)}: {exact_text}"
        + ("" if exact_text == short(exact) else f" ≈ {short(exact)}")
        + (
            "; the sum equals it."
            if abs(gap) < 5e-5
            else f"; the sum is {short(abs(gap))} {'more' if gap > 0 else 'less'}."
        )
    )
    pad = 0.05 * (b - a)
    lo = max(a - pad, a / 2) if f.positive_only else a - pad  # √x and 1/x: not below 0
    x = np.linspace(lo, b + pad, CURVE_POINTS)
    y = f.f(x)
    rows = ()
    if n <= MOST_ROWS:
        rows = tuple(
            (_label(str(i + 1)), _cell(at[i]), _cell(heights[i]), _cell(heights[i] * width))
            for i in range(n)
        )
    return PlotData(
        summary=said,
        columns=("rectangle", "x where the height is taken", "height", "area") if rows else (),
        rows=rows,
        totals=(
            (f"{rule} sum", Cell(short(total), repr(total))),
            ("exact integral", Cell(f"{exact_text} ≈ {short(exact)}", repr(exact))),
            ("sum − integral", Cell(short(gap), repr(gap))),
        ),
        series={
            "frame": Frame(
                f"{rule.capitalize()} sum with {n} rectangles: {short(total)}; "
                f"integral {short(exact)}",
                (float(x[0]), float(x[-1])),
                _y_range(np.concatenate([y, heights])),
                ylabel="y",
            ),
            "x": x,
            "y": y,
            "lefts": lefts,
            "at": at,
            "heights": heights,
            "width": width,
        },
    )


# --------------------------------------------------------------------- normal distribution


def check_normal(v: dict[str, Any]) -> dict[str, str]:
    if v["shade"] == "between" and v["b"] <= v["a"]:
        return {"b": f"b ({short(v['b'])}) must be greater than a ({short(v['a'])})"}
    return {}


def uses_normal(v: dict[str, Any]) -> set[str]:
    return {"mu", "sigma", "curve", "shade"} | ({"a", "b"} if v["shade"] == "between" else set())


def compute_normal(v: dict[str, Any]) -> PlotData:
    mu, sigma, curve = v["mu"], v["sigma"], v["curve"]
    x = np.linspace(mu - 4 * sigma, mu + 4 * sigma, CURVE_POINTS)
    name = f"N({short(mu)}, {short(sigma)}²)"
    peak = float(kl_engine.gaussian_pdf(mu, mu, sigma))
    if curve == "density":
        y = np.asarray(kl_engine.gaussian_pdf(x, mu, sigma))
        said = [
            f"The density of {name}, the normal distribution with mean {short(mu)} and "
            f"standard deviation {short(sigma)}: a bell highest at x = {short(mu)} "
            f"(height {short(peak)}), with about two thirds of its area within one standard "
            f"deviation, from {short(mu - sigma)} to {short(mu + sigma)}."
        ]
    else:
        y = np.asarray(kl_engine.gaussian_cdf(x, mu, sigma))
        said = [
            f"The cumulative distribution function F(x) = P(X ≤ x) of {name}: it rises from 0 "
            f"to 1 and passes 0.5 at the mean, x = {short(mu)}."
        ]
    totals = [("mean μ", _cell(mu)), ("standard deviation σ", _cell(sigma))]
    shade = None
    if v["shade"] == "between":
        a, b = v["a"], v["b"]
        fa, fb = (float(kl_engine.gaussian_cdf(t, mu, sigma)) for t in (a, b))
        prob = fb - fa
        za, zb = (a - mu) / sigma, (b - mu) / sigma
        said.append(
            f"P({short(a)} < X < {short(b)}) = F({short(b)}) − F({short(a)}) = "
            f"{short(fb)} − {short(fa)} = {short(prob)} (z from {short(za)} to {short(zb)})"
            + (", the shaded area." if curve == "density" else ", the rise of F between them.")
        )
        totals.append((f"P({short(a)} < X < {short(b)})", _cell(prob)))
        shade = (a, b, fa, fb, prob)
    ylim = (0.0, peak * 1.15) if curve == "density" else (0.0, 1.08)
    return PlotData(
        summary=" ".join(said),
        columns=(),
        rows=(),
        totals=tuple(totals),
        series={
            "frame": Frame(
                ("Density" if curve == "density" else "Cumulative distribution") + f" of {name}",
                (float(x[0]), float(x[-1])),
                ylim,
                ylabel="density" if curve == "density" else "P(X ≤ x)",
            ),
            "x": x,
            "y": y,
            "curve": curve,
            "shade": shade,
            "mu": mu,
            "sigma": sigma,
        },
    )


# ------------------------------------------------------------------------------ unit circle

_EXACT = {0: "1", 30: "√3/2", 45: "√2/2", 60: "1/2", 90: "0"}


def check_unit_circle(v: dict[str, Any]) -> dict[str, str]:
    if not v["angle"]:
        return {"angle": "angle is empty: give one angle"}
    limit = {"degrees": 720, "radians": 4 * math.pi, "pi": 4}[v["unit"]]
    value = point_value(v["angle"][0])
    if abs(value) > limit:
        unit = {"degrees": "°", "radians": " radians", "pi": "π"}[v["unit"]]
        return {
            "angle": f"angle ({v['angle'][0]}) is out of range: at most two turns, "
            f"{short(limit, 2)}{unit}, either way"
        }
    return {}


def _exact(degrees: Fraction, value: float) -> str:
    """cos of ``degrees`` in surd form, when the angle is a multiple of 30° or 45°."""
    ref = degrees % 360
    ref = min(ref % 180, 180 - ref % 180)
    if ref not in _EXACT or value == 0.0:
        return "0" if value == 0.0 and ref in _EXACT else ""
    return ("−" if value < 0 else "") + _EXACT[ref]


def _pi_text(turns: Fraction) -> str:
    if turns == 0:
        return "0"
    top = "" if abs(turns.numerator) == 1 else str(abs(turns.numerator))
    sign = MINUS if turns < 0 else ""
    return f"{sign}{top}π" + ("" if turns.denominator == 1 else f"/{turns.denominator}")


def _unit_circle_angle(given: Fraction, unit: str) -> tuple[Fraction, float]:
    """The angle ``given`` in ``unit``, in degrees (exact, or the nearest fraction with a
    denominator up to 1000 for radians) and in radians."""
    if unit == "degrees":
        return given, float(given) * math.pi / 180.0
    if unit == "pi":
        return given * 180, float(given) * math.pi
    theta = float(given)
    return Fraction(theta * 180.0 / math.pi).limit_denominator(1000), theta


def _angle_names(degrees: Fraction, theta: float, unit: str) -> list[str]:
    """The angle in degrees, as a multiple of π (when a simple one, and not given in
    radians) and in radians; the unit it was given in first."""
    turns = degrees / 180
    names = [f"{short(float(degrees), 2)}°"]
    if unit != "radians" and turns.denominator <= 12:
        names.append(_pi_text(turns))
    names.append(f"{short(theta)} rad")
    if unit == "pi":
        names.insert(0, names.pop(1))
    elif unit == "radians":
        names.insert(0, names.pop())
    return names


def _circle_place(degrees: Fraction) -> str:
    """Where the angle ends: on an axis, or in which quadrant."""
    where = degrees % 360
    if where % 90 == 0:
        return f"on the {'x' if where % 180 == 0 else 'y'}-axis"
    return f"in quadrant {'I II III IV'.split()[int(where // 90)]}"


def _also_exact(value: float, exact: str) -> str:
    """`` = exact`` after a value, when the exact form says more than the rounded one."""
    return f" = {exact}" if exact and exact != short(value) else ""


def compute_unit_circle(v: dict[str, Any]) -> PlotData:
    raw, unit = v["angle"][0], v["unit"]
    degrees, theta = _unit_circle_angle(point_value(raw), unit)
    c, s = round(math.cos(theta), 12) + 0.0, round(math.sin(theta), 12) + 0.0
    names = _angle_names(degrees, theta, unit)
    angle = f"{names[0]} ({', '.join(names[1:])})"
    exact_c = _exact(degrees, c) if degrees.denominator == 1 else ""
    exact_s = _exact(degrees - 90, s) if degrees.denominator == 1 else ""
    said = (
        f"The unit circle with the angle {angle} measured "
        f"{'counter-clockwise' if theta >= 0 else 'clockwise'} from the positive x-axis. "
        f"It ends at the point (cos θ, sin θ) = ({short(c)}, {short(s)}), "
        f"{_circle_place(degrees)}: cos θ = {short(c)}{_also_exact(c, exact_c)} is its "
        f"x-coordinate and sin θ = {short(s)}{_also_exact(s, exact_s)} its y-coordinate."
    )
    totals = [
        ("θ", Cell(angle)),
        ("cos θ", Cell(short(c) + _also_exact(c, exact_c), repr(c))),
        ("sin θ", Cell(short(s) + _also_exact(s, exact_s), repr(s))),
    ]
    return PlotData(
        summary=said,
        columns=(),
        rows=(),
        totals=tuple(totals),
        series={
            "frame": Frame(f"θ = {names[0]}", (-1.9, 1.9), (-1.3, 1.3), equal=True),
            "theta": theta,
            "cos": c,
            "sin": s,
            "name": names[0],
        },
    )


# --------------------------------------------------------------------- entropy of a coin


def compute_binary_entropy(v: dict[str, Any]) -> PlotData:
    p = v["p"]
    grid = np.linspace(0.0, 1.0, CURVE_POINTS)
    h = np.asarray(kl_engine.entropy(np.stack([grid, 1.0 - grid], axis=-1)))
    coin = np.array([p, 1.0 - p])
    hp = float(kl_engine.entropy(coin))
    surprise = code_lengths(coin)
    parts = np.where(coin > 0, coin * np.where(coin > 0, surprise, 0.0), 0.0)
    terms = " + ".join(
        f"{short(q)} × {_bits(b)} bits" if q > 0 else "0 (0·log 0 = 0)"
        for q, b in zip(coin, surprise, strict=True)
    )
    said = (
        "The entropy H(p) = −p·log₂ p − (1 − p)·log₂(1 − p) of a coin that lands heads with "
        "probability p, in bits, for p from 0 to 1: 0 at p = 0 and at p = 1 (no surprise), "
        f"highest at p = 0.5 with 1 bit. Marked: p = {short(p)}, H = {_bits(hp)} bits "
        f"(heads and tails: {terms})."
    )
    return PlotData(
        summary=said,
        columns=("outcome", "probability", "surprise −log₂ (bits)", "share of H (bits)"),
        rows=tuple(
            (
                _label(name),
                _cell(q),
                _num(b, "") if q > 0 else Cell("never happens"),
                _num(part, ""),
            )
            for name, q, b, part in zip(("heads", "tails"), coin, surprise, parts, strict=True)
        ),
        totals=(("p", _cell(p)), ("H(p)", _num(hp))),
        series={
            "frame": Frame(
                f"Entropy of a coin: H({short(p)}) = {_bits(hp)} bits",
                (0.0, 1.0),
                (0.0, 1.12),
                xlabel="p = P(heads)",
                ylabel="H(p) (bits)",
            ),
            "x": grid,
            "y": h,
            "p": p,
            "h": hp,
        },
    )
