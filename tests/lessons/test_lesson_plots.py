"""The plots placed in school and undergraduate lessons: each shortcode is built from the
numbers of the example it pictures (``PLOT_LINES``, checked against the lesson by
``tests/knowledge_graph/test_explainers.py``), and what the lesson's prose says about the
picture agrees with the numbers the plot computes."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

import numpy as np
import pytest

from practice import plots
from practice.plots.kinds import parse_shortcode
from tests.lessons.checker import lesson, squash


def jump(start: int, end: int, a: int, b: int) -> str:
    return f"[[plot:number-line start={start} end={end} show=jump a={a} b={b}]]"


def frac(q: Fraction) -> str:
    return f"{q.numerator}/{q.denominator}"


def plain(text: str) -> str:
    """A lesson's text with ``\\frac{a}{b}`` as ``a/b`` and without dollar signs."""
    return squash(re.sub(r"\\frac\{([^{}]+)\}\{([^{}]+)\}", r"\1/\2", text)).replace("$", "")


def shown(line: str) -> plots.PlotData:
    name, raw = parse_shortcode(line[len("[[plot:") : -2])
    spec = plots.parse(name, raw)
    return spec.kind.compute(spec.args)


# The examples the plots picture, as the lessons state them.
HOPS_FROM, HOPS = 7, 5  # number-line-to-20: 7 and 5 more
SUNSET, FALL = 3, 5  # negative-numbers: 3 degrees, falling 5
SUM_FROM, SUM_STEPS = -5, 8  # adding-integers: -5 + 8
DAWN, AFTERNOON = -3, 4  # subtracting-integers: the rise from -3 to 4
FOURTHS = (Fraction(3, 4), Fraction(5, 4))  # fractions-on-a-number-line
BOUNDARY, TESTED = -2, (-5, 0)  # inequalities-on-a-number-line: x <= -2, tested at -5 and 0
SIXTHS, NINTHS = Fraction(5, 6), Fraction(7, 9)  # comparing fractions
THIRD, FOURTH = Fraction(1, 3), Fraction(1, 4)  # adding fractions
QUADRATIC = (1, -6, 5)  # graphing-quadratic-functions: x² − 6x + 5
SLOPE_POINTS = ((-2, 5), (4, -4))  # slope-of-a-line
CULTURE = (3, 2)  # exponential-functions: 3 bacteria doubling
JENSEN_VALUES = (1, 9)  # jensens-inequality: X is 1 or 9, φ(x) = x²
CIRCLE_ANGLE = 60  # equation-of-a-circle
HALF, SIXTHS_STRIP = Fraction(1, 2), (3, 6)  # equivalent-fractions: 1/2 and 3 of 6
ZOOMED = (2, 3, "2.35")  # decimals-on-a-number-line: 2.35 between 2 and 3


def slope_line() -> tuple[Fraction, Fraction]:
    (x1, y1), (x2, y2) = SLOPE_POINTS
    m = Fraction(y2 - y1, x2 - x1)
    return m, y1 - m * x1


PLOT_LINES: dict[str, Callable[[], list[str]]] = {
    "number-line-to-20": lambda: [jump(0, 20, HOPS_FROM, HOPS_FROM + HOPS)],
    "negative-numbers": lambda: [jump(-6, 6, SUNSET, SUNSET - FALL)],
    "adding-integers": lambda: [jump(-6, 6, SUM_FROM, SUM_FROM + SUM_STEPS)],
    "subtracting-integers": lambda: [jump(-5, 5, DAWN, AFTERNOON)],
    "fractions-on-a-number-line": lambda: [
        "[[plot:number-line start=0 end=2 parts=4 labels=fraction marks="
        + ",".join(frac(q) for q in FOURTHS)
        + "]]"
    ],
    "inequalities-on-a-number-line": lambda: [
        f"[[plot:number-line start=-6 end=4 show=below a={BOUNDARY} closed=a "
        f"marks={','.join(str(x) for x in TESTED)}]]"
    ],
    "comparing-fractions-with-unlike-denominators": lambda: [
        f"[[plot:fraction-bar n1={SIXTHS.denominator} k1={SIXTHS.numerator} "
        f"n2={NINTHS.denominator} k2={NINTHS.numerator}]]"
    ],
    "adding-and-subtracting-fractions-with-unlike-denominators": lambda: [
        f"[[plot:fraction-bar n1={THIRD.denominator} k1={THIRD.numerator} "
        f"n2={FOURTH.denominator} k2={FOURTH.numerator} mode=add]]"
    ],
    "graphing-quadratic-functions": lambda: [
        "[[plot:function family=quadratic a={} b={} c={} xmin=-1 xmax=7]]".format(*QUADRATIC)
    ],
    "slope-of-a-line": lambda: [
        f"[[plot:function family=linear m={float(slope_line()[0]):g} b={float(slope_line()[1]):g}"
        f" xmin=-4 xmax=10 mark=point x0={SLOPE_POINTS[1][0]}]]"
    ],
    "exponential-functions": lambda: [
        "[[plot:function family=exponential a={} base={} xmin=0 xmax=5]]".format(*CULTURE)
    ],
    "jensens-inequality": lambda: [
        "[[plot:function family=quadratic a=1 b=0 c=0 xmin=0 xmax=10 mark=tangent "
        f"x0={sum(JENSEN_VALUES) // 2}]]"
    ],
    "equation-of-a-circle": lambda: [f"[[plot:unit-circle angle={CIRCLE_ANGLE}]]"],
    "equivalent-fractions": lambda: [
        f"[[plot:fraction-bar n1={HALF.denominator} k1={HALF.numerator} "
        f"n2={SIXTHS_STRIP[1]} k2={SIXTHS_STRIP[0]}]]"
    ],
    "decimals-on-a-number-line": lambda: [
        "[[plot:number-line start={} end={} parts=10 labels=decimal marks={}]]".format(*ZOOMED)
    ],
}


def plotted(slug: str) -> tuple[str, plots.PlotData]:
    (line,) = PLOT_LINES[slug]()
    return plain(lesson(slug)), shown(line)


def summary(data: plots.PlotData) -> str:
    return squash(data.summary)


def test_the_hops_on_the_number_lines_are_the_lessons_sums():
    text, data = plotted("number-line-to-20")
    end = HOPS_FROM + HOPS
    assert f"{HOPS_FROM} + {HOPS} = {end}" in summary(data)
    assert f"{HOPS_FROM} + {HOPS} = {end}." in text
    assert f"makes the same {HOPS} hops, from {HOPS_FROM} to {end}" in text

    text, data = plotted("negative-numbers")
    dawn = SUNSET - FALL
    assert f"{SUNSET} - {FALL} = {dawn}" in summary(data) and f"{SUNSET} - {FALL} = {dawn}" in text
    assert f"{FALL} steps left from {SUNSET}, past zero to {dawn}" in text

    text, data = plotted("adding-integers")
    total = SUM_FROM + SUM_STEPS
    assert f"{SUM_FROM} + {SUM_STEPS} = {total}" in summary(data)
    assert f"{SUM_FROM} + {SUM_STEPS} = {total}." in text

    text, data = plotted("subtracting-integers")
    rise = AFTERNOON - DAWN
    assert f"a change of +{rise}" in summary(data)
    assert f"{AFTERNOON} - ({DAWN}) = {rise}," in text
    assert f"the rise is the arrow from {DAWN} to {AFTERNOON}" in text


def test_fourths_on_the_number_line():
    text, data = plotted("fractions-on-a-number-line")
    names = ", ".join(f"{frac(q)} ({float(q):g})" for q in FOURTHS)
    assert f"Marked points: {names}." in summary(data)
    assert [label for _, label in data.series["labels"]][:4] == ["0", "1/4", "2/4", "3/4"]
    assert f"with {frac(FOURTHS[0])} and {frac(FOURTHS[1])} marked" in text


def test_the_inequality_pictured_is_the_worked_example():
    text, data = plotted("inequalities-on-a-number-line")
    assert f"x ≤ {BOUNDARY}" in summary(data) and f"filled dot at {BOUNDARY}" in summary(data)
    assert f"Show x \\le {BOUNDARY} on a number line" in text
    assert f"closed circle at {BOUNDARY}" in text
    for x in TESTED:
        holds = x <= BOUNDARY  # shaded exactly when the inequality holds
        assert f"{x} \\le {BOUNDARY} is {'true' if holds else 'false'}" in text
        assert [m for m, _ in data.series["marks"]].count(float(x)) == 1


def test_the_fraction_bars_are_the_lessons_fractions():
    text, data = plotted("comparing-fractions-with-unlike-denominators")
    assert SIXTHS > NINTHS
    assert f"{frac(SIXTHS)} > {frac(NINTHS)}" in summary(data)
    assert f"{frac(SIXTHS)} > {frac(NINTHS)}" in text
    assert "the shaded five sixths reach a little further than the shaded seven ninths" in text

    text, data = plotted("adding-and-subtracting-fractions-with-unlike-denominators")
    common = 12
    sentence = (
        f"{frac(THIRD)} + {frac(FOURTH)} = {int(THIRD * common)}/{common} + "
        f"{int(FOURTH * common)}/{common} = {frac(THIRD + FOURTH)}"
    )
    assert sentence in summary(data) and sentence in text
    assert data.series["sum"] == (common, 4, 3)


def test_the_graphs_show_the_points_the_lessons_find():
    text, data = plotted("graphing-quadratic-functions")
    a, b, c = QUADRATIC
    h = Fraction(-b, 2 * a)
    k = a * h * h + b * h + c
    roots = sorted(float(r) for r in np.roots(QUADRATIC))
    assert f"vertex ({h}, {k})" in summary(data) and f"lowest point is ({h}, {k})" in text
    assert f"crosses the x-axis at {roots[0]:g} and {roots[1]:g}" in summary(data)
    assert f"which is {roots[0]:g} or {roots[1]:g}" in text
    for point in ((0, c), (2 * h, c)):
        assert f"({point[0]}, {point[1]})" in summary(data) and f"({point[0]}, {point[1]})" in text

    text, data = plotted("slope-of-a-line")
    m, icpt = slope_line()
    assert m == Fraction(-3, 2) and f"slope {float(m):g}" in summary(data)
    for x in (-2, 4, 8):
        point = f"({x}, {m * x + icpt})"
        assert point in summary(data) and point in text
    assert data.series["point"] == SLOPE_POINTS[1]

    text, data = plotted("exponential-functions")
    start, factor = CULTURE
    values = [start * factor**x for x in range(6)]
    assert " | ".join(str(v) for v in values[:5]) in text and f"= {values[5]}." in text
    for x, v in enumerate(values):
        assert f"({x}, {v})" in summary(data)


def test_jensens_supporting_line_touches_at_the_mean_and_stays_below():
    text, data = plotted("jensens-inequality")
    m = sum(JENSEN_VALUES) / 2
    assert f"m = {m:g}" in text and f"the graph at ({m:g}, {m * m:g})" in text
    assert f"varphi(\\mathbb{{E}}[X]) = {m * m:g}" in text
    assert f"Marked: the point ({m:g}, {m * m:g})." in summary(data)
    tx, ty, _ = data.series["tangent"]
    slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
    x = data.series["x"]
    assert (x * x >= m * m + slope * (x - m) - 1e-9).all()


def test_the_circle_point_satisfies_the_unit_circle():
    text, data = plotted("equation-of-a-circle")
    assert data.series["cos"] ** 2 + data.series["sin"] ** 2 == pytest.approx(1.0, abs=1e-12)
    assert f"Turning {CIRCLE_ANGLE} degrees" in text and "x^2 + y^2 = 1" in text
    assert f"{CIRCLE_ANGLE}°" in summary(data)


def test_equal_amounts_and_a_point_halfway():
    text, data = plotted("equivalent-fractions")
    k, n = SIXTHS_STRIP
    assert Fraction(k, n) == HALF
    assert f"{frac(HALF)} = {k}/{n}: the shaded lengths are equal" in summary(data)
    assert f"{frac(HALF)} = 2/4 = {k}/{n}." in text

    text, data = plotted("decimals-on-a-number-line")
    start, end, point = ZOOMED
    ((x, label),) = data.series["marks"]
    labels = [t for _, t in data.series["labels"]]
    below, above = (f"{start}.{d}" for d in (3, 4))
    step = labels.index(above) - labels.index(below)
    assert label == point and step == 1  # one tenth apart, with the point between them
    assert x == pytest.approx((float(below) + float(above)) / 2)
    assert f"{point} sits exactly in the middle between {below} and {above}" in text
    assert f"The gap from {start} to {end} in tenths, with that point marked" in text
