"""The school and calculus plots: parameters, the numbers they show (checked against
independent computations), their 400 messages, their SVG and their text alternative."""

from __future__ import annotations

import html
import math
import re
from fractions import Fraction

import numpy as np
import pytest
from django.core.cache import caches
from django.urls import reverse
from scipy import integrate, stats

from practice import plots
from practice.plots.kinds import parse_shortcode

cache = caches["plots"]
SCHOOL = ("number-line", "fraction-bar", "function", "riemann", "normal", "unit-circle",
          "binary-entropy", "bars", "vectors")  # fmt: skip


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def data_for(shortcode: str) -> plots.PlotData:
    name, raw = parse_shortcode(shortcode)
    spec = plots.parse(name, raw)
    return spec.kind.compute(spec.args)


# ----------------------------------------------------------------------------- parameters


def test_every_school_kind_is_registered_with_defaults_that_draw():
    for name in SCHOOL:
        spec = plots.parse(name, {})
        svg = plots.render_svg(spec, spec.kind.compute(spec.args)).decode()
        assert svg.lstrip().startswith("<?xml") and "<title>" in svg


def test_parameters_a_setting_does_not_use_are_left_out_and_name_no_second_plot():
    line = plots.parse("function", {"family": ["linear"], "m": ["2"], "a": ["7"], "c": ["3"]})
    plain = plots.parse("function", {"family": ["linear"], "m": ["2"]})
    assert line.key == plain.key
    assert line.shortcode == ("[[plot:function family=linear m=2 b=0 xmin=-5 xmax=5 mark=none]]")
    quad = plots.parse("function", {"family": ["quadratic"], "a": ["7"], "mark": ["tangent"]})
    assert "a=7" in quad.shortcode and "x0=1" in quad.shortcode and "m=" not in quad.shortcode
    bar = plots.parse("fraction-bar", {"n1": ["4"], "k1": ["1"], "k2": ["0"]})
    assert bar.shortcode == "[[plot:fraction-bar n1=4 k1=1 n2=0]]"


def test_points_keep_fractions_as_written_and_round_decimals_to_the_grid():
    spec = plots.parse("number-line", {"marks": ["2/4, 0.50004,-3/8"], "start": ["-1"]})
    assert spec.args["marks"] == ("2/4", "0.5", "-3/8")
    assert "marks=2/4,0.5,-3/8" in spec.shortcode
    assert plots.parse("number-line", {"marks": [""]}).args["marks"] == ()


def test_choices_and_integers_round_trip_through_the_shortcode():
    spec = plots.parse("riemann", {"family": ["sine"], "n": ["7.2"], "rule": ["right"]})
    assert spec.args["n"] == 7
    name, raw = parse_shortcode(spec.shortcode[len("[[plot:") : -2])
    assert plots.parse(name, raw).key == spec.key


# ----------------------------------------------------------------------------- 400s

BAD = [
    ("number-line", "start=5&end=2", "end", "must be greater than start"),
    ("number-line", "start=0&end=100&parts=10", "parts", "at most 200"),
    ("number-line", "end=5&marks=1,7", "marks", "outside the line"),
    ("number-line", "marks=1/0", "marks", "divides by zero"),
    ("number-line", "marks=1,2,3,4,5,6,7,8,9", "marks", "too many"),
    ("number-line", "marks=one", "marks", "not a number"),
    ("number-line", "marks=1e308", "marks", "too large"),
    ("unit-circle", "angle=-9e99", "angle", "too large"),
    ("number-line", "show=jump&a=3&b=3", "b", "must differ"),
    ("number-line", "show=between&a=4&b=2", "b", "greater than a"),
    ("number-line", "show=above&a=20", "a", "outside the line"),
    ("number-line", "show=above&a=2&closed=both", "closed", "one end"),
    ("number-line", "show=sideways", "show", "not one of the choices"),
    ("number-line", "start=nan", "start", "not a finite number"),
    ("fraction-bar", "n1=4&k1=5", "k1", "at most 4"),
    ("fraction-bar", "n1=0", "n1", "out of range"),
    ("fraction-bar", "mode=add", "n2", "needs a second bar"),
    ("fraction-bar", "n1=7&k1=1&n2=9&k2=1&mode=add", "n2", "common denominator of 7 and 9 is 63"),
    ("function", "family=cubic", "family", "not one of the choices"),
    ("function", "family=quadratic&a=0", "a", "must not be 0"),
    ("function", "family=logarithm&base=1", "base", "must not be 1"),
    ("function", "family=logarithm&xmax=-1", "xmax", "x > 0 only"),
    ("function", "family=logarithm&mark=point&x0=-2", "x0", "x > 0 only"),
    ("function", "xmin=3&xmax=1", "xmax", "greater than xmin"),
    ("function", "mark=point&x0=9", "x0", "outside the graph"),
    ("function", "m=1e5", "m", "out of range"),
    ("riemann", "a=2&b=1", "b", "greater than a"),
    ("riemann", "n=0", "n", "out of range"),
    ("riemann", "n=101", "n", "out of range"),
    ("riemann", "family=sqrt&a=-1", "a", "x ≥ 0 only"),
    ("riemann", "family=reciprocal&a=0", "a", "x > 0 only"),
    ("riemann", "rule=trapezoid", "rule", "not one of the choices"),
    ("normal", "sigma=0", "sigma", "out of range"),
    ("normal", "shade=between&a=1&b=1", "b", "greater than a"),
    ("normal", "curve=pdf", "curve", "not one of the choices"),
    ("unit-circle", "angle=800", "angle", "out of range"),
    ("unit-circle", "angle=5&unit=pi", "angle", "out of range"),
    ("unit-circle", "angle=", "angle", "is empty"),
    ("unit-circle", "angle=30,60", "angle", "too many"),
    ("unit-circle", "unit=grad", "unit", "not one of the choices"),
    ("binary-entropy", "p=1.5", "p", "out of range"),
    ("binary-entropy", "p=inf", "p", "not a finite number"),
    ("binary-entropy", "q=0.5", "q", "unknown parameter"),
    ("bars", "family=gaussian", "family", "not one of the choices"),
    ("bars", "family=poisson&lam=0", "lam", "out of range"),
    ("bars", "family=poisson&lam=nan", "lam", "not a finite number"),
    ("bars", "family=poisson&kmin=5&kmax=2", "kmax", "at least kmin"),
    ("bars", "family=poisson&kmin=0&kmax=200", "kmax", "at most 60"),
    ("bars", "family=binomial&n=5&kmin=6", "kmin", "above n"),
    ("bars", "family=binomial&n=0", "n", "out of range"),
    ("bars", "family=binomial&p=1.2", "p", "out of range"),
    ("bars", "kmin=-1", "kmin", "out of range"),
    ("bars", "family=custom&values=0,1&probs=0.3,0.3", "probs", "not 1"),
    ("bars", "family=custom&values=0,1,2&probs=1/2,1/2", "probs", "one probability for each"),
    ("bars", "family=custom&values=1,1&probs=1/2,1/2", "values", "once"),
    ("bars", "family=custom&values=0,1&probs=3/2,-1/2", "probs", "outside 0 to 1"),
    ("bars", "family=custom&values=0,5000&probs=1/2,1/2", "values", "too large"),
    ("bars", "family=custom&values=&probs=1", "values", "is empty"),
    ("bars", "family=custom&values=0,1&probs=1/0,1", "probs", "divides by zero"),
    ("bars", "family=custom&values=" + ",".join(map(str, range(13))), "values", "too many"),
    ("bars", "mark=median", "mark", "not one of the choices"),
    ("vectors", "u=1,2,3", "u", "too many"),
    ("vectors", "u=1", "u", "two"),
    ("vectors", "u=", "u", "is empty"),
    ("vectors", "u=30,1", "u", "at most 20"),
    ("vectors", "v=1e400,1", "v", "not a finite number"),
    ("vectors", "v=&show=sum", "v", "needs two vectors"),
    ("vectors", "u=0,0&show=angle", "u", "zero vector"),
    ("vectors", "show=cross", "show", "not one of the choices"),
    ("vectors", "z=1,1", "z", "unknown parameter"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "query", "param", "words"), BAD)
def test_bad_parameters_get_400_naming_the_parameter_and_nothing_is_drawn(
    client, name, query, param, words
):
    for view in ("plot_page", "plot_svg"):
        response = client.get(f"{reverse(view, args=[name])}?{query}")
        assert response.status_code == 400, (view, query)
        text = html.unescape(response.content.decode())
        assert words in text, (view, text[:800])
        assert re.search(rf"\b{re.escape(param)}\b", text)
        assert "<svg" not in text and 'data-testid="plot-image"' not in text
    assert not cache._cache  # nothing computed or drawn is kept


@pytest.mark.django_db
def test_the_controls_offer_choices_boxes_and_sliders(client):
    body = client.get(reverse("plot_page", args=["number-line"])).content.decode()
    assert '<select class="form-select form-select-sm" name="show"' in body
    assert '<option value="jump">jump</option>' in body
    assert 'name="start" value="0" type="number" min="-1000" max="1000" step="1"' in body
    assert 'name="marks" value="" type="text"' in body
    assert 'type="range" name="parts"' in body
    bad = client.get(reverse("plot_page", args=["number-line"]), {"show": "sideways"})
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.content.decode()


# ----------------------------------------------------------------------------- numbers


def test_number_line_states_the_jump_and_the_marks():
    data = data_for("number-line start=-6 end=6 show=jump a=-3 b=2 marks=3/4,-4.5")
    assert "A number line from -6 to 6 with a tick at every whole number." in data.summary
    assert "Marked points: 3/4 (0.75), -4.5." in data.summary
    assert "An arrow jumps from -3 to 2, a change of +5: -3 + 5 = 2." in data.summary
    assert [x for x, _ in data.series["marks"]] == [0.75, -4.5]
    assert list(data.series["wholes"]) == list(range(-6, 7))
    back = data_for("number-line start=-6 end=6 show=jump a=4 b=-1")
    assert "a change of −5: 4 − 5 = -1" in back.summary


def test_number_line_ticks_labels_and_inequalities():
    quarters = data_for("number-line start=0 end=2 parts=4 labels=fraction")
    assert [t for _, t in quarters.series["labels"]] == [
        "0", "1/4", "2/4", "3/4", "1", "5/4", "6/4", "7/4", "2"
    ]  # fmt: skip
    assert len(quarters.series["ticks"]) == 9
    tenths = data_for("number-line start=2 end=3 parts=10 labels=decimal")
    assert [t for _, t in tenths.series["labels"]][:3] == ["2", "2.1", "2.2"]
    hundred = data_for("number-line start=0 end=100")
    assert [x for x, _ in hundred.series["labels"]] == [float(x) for x in range(0, 101, 5)]
    assert "labelled every 5" in hundred.summary
    assert list(hundred.series["wholes"]) == [float(x) for x in range(0, 101, 5)]  # long ticks
    assert len(hundred.series["ticks"]) == 101
    ray = data_for("number-line start=-5 end=5 show=above a=-2 closed=a")
    assert "x ≥ -2" in ray.summary and "filled dot at -2" in ray.summary
    between = data_for("number-line start=-5 end=5 show=between a=-2 b=4 closed=b")
    assert "-2 < x ≤ 4" in between.summary and "hollow dot at -2" in between.summary


def test_fraction_bars_compare_and_add_exactly():
    data = data_for("fraction-bar n1=4 k1=3 n2=3 k2=2")
    assert "3/4 > 2/3: the first shaded length is longer." in data.summary
    equal = data_for("fraction-bar n1=4 k1=2 n2=2 k2=1")
    assert "2/4 of the whole (= 1/2)" in equal.summary
    assert "2/4 = 1/2: the shaded lengths are equal" in equal.summary
    added = data_for("fraction-bar n1=4 k1=3 n2=3 k2=2 mode=add")
    assert Fraction(3, 4) + Fraction(2, 3) == Fraction(17, 12)
    assert "3/4 + 2/3 = 9/12 + 8/12 = 17/12 = 1 5/12" in added.summary
    assert added.series["sum"] == (12, 9, 8) and added.series["frame"].xlim[1] > 2
    small = data_for("fraction-bar n1=6 k1=1 n2=3 k2=1 mode=add")
    assert "1/6 + 1/3 = 1/6 + 2/6 = 3/6 = 1/2, 0.5 of a whole." in small.summary


def test_function_features_and_tangent_match_an_independent_computation():
    data = data_for("function family=quadratic a=1 b=-2 c=-3 mark=tangent x0=2")
    assert "y = x² − 2x − 3" in data.summary
    assert "vertex (1, -4)" in data.summary and "crosses the x-axis at -1 and 3" in data.summary
    assert np.allclose(data.series["y"], data.series["x"] ** 2 - 2 * data.series["x"] - 3)
    tx, ty, line = data.series["tangent"]
    slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
    h = 1e-6
    assert slope == pytest.approx(
        ((2 + h) ** 2 - 2 * (2 + h) - (2 - h) ** 2 + 2 * (2 - h)) / (2 * h)
    )
    assert line == "y = 2x − 7" and "The tangent there has slope 2: y = 2x − 7." in data.summary
    log = data_for("function family=logarithm base=10 xmin=-1 xmax=20 mark=tangent x0=10")
    assert (log.series["x"] > 0).all()
    assert "reaching 1 at x = 10" in log.summary and "(10, 1)" in log.summary
    assert "slope 0.0434" in log.summary  # 1 / (10 ln 10)
    wave = data_for("function family=sine amp=2 period=1 xmin=0 xmax=4")
    assert np.allclose(wave.series["y"], 2 * np.sin(2 * wave.series["x"]))
    assert "y = 2 sin(2x)" in wave.summary
    assert "amplitude 2" in wave.summary and "period π ≈ 3.1416" in wave.summary
    assert "y = cos(x)" in data_for("function family=cosine").summary
    grow = data_for("function family=exponential a=3 base=2")
    assert "y = 3·2ˣ" in grow.summary and "(1, 6)" in grow.summary


@pytest.mark.parametrize(
    ("family", "a", "b", "exact_text"),
    [
        ("square", 0, 2, "8/3"),
        ("cube", -1, 2, "15/4"),
        ("sqrt", 0, 4, "(2/3)·(4^(3/2) − 0^(3/2))"),
        ("sine", 0, 3.1, "cos(0) − cos(31/10)"),
        ("exponential", -1, 1, "e^1 − e^−1"),
        ("reciprocal", 0.5, 3, "ln(3) − ln(1/2)"),
    ],
)
@pytest.mark.parametrize("rule", ["left", "right", "midpoint"])
def test_riemann_sums_and_the_exact_integral(family, a, b, exact_text, rule):
    n = 7
    data = data_for(f"riemann family={family} a={a} b={b} n={n} rule={rule}")
    f = {"square": np.square, "cube": lambda x: x**3, "sqrt": np.sqrt, "sine": np.sin,
         "exponential": np.exp, "reciprocal": lambda x: 1 / x}[family]  # fmt: skip
    width = (b - a) / n
    offset = {"left": 0, "right": 1, "midpoint": 0.5}[rule]
    expected = sum(f(a + (i + offset) * width) * width for i in range(n))
    exact, _ = integrate.quad(f, a, b)
    total = float(dict(data.totals)[f"{rule} sum"].exact)
    integral = float(dict(data.totals)["exact integral"].exact)
    assert total == pytest.approx(expected, rel=1e-12)
    assert integral == pytest.approx(exact, rel=1e-9)
    assert f"{exact_text} ≈ {round(exact, 4):.4f}".rstrip("0") in data.summary or (
        f"{exact_text}" in data.summary
    )
    assert f"{rule.capitalize()} sum: {round(total, 4):.4f}".rstrip("0").rstrip(".") in (
        data.summary
    )
    assert len(data.rows) == n


def test_riemann_sums_approach_the_integral_and_say_by_how_much():
    gaps = [
        abs(float(dict(data_for(f"riemann n={n}").totals)["sum − integral"].exact))
        for n in (2, 8, 32, 100)
    ]
    assert gaps == sorted(gaps, reverse=True) and gaps[-1] < 0.05
    data = data_for("riemann n=4")
    assert "Left sum: 1.75. Exact integral of x² from 0 to 2: 8/3 ≈ 2.6667; the sum is " \
        "0.9167 less." in data.summary  # fmt: skip
    assert data_for("riemann n=100").rows == ()  # too many rectangles for a table


@pytest.mark.parametrize("curve", ["density", "cdf"])
def test_normal_probability_is_the_difference_of_the_cdf(curve):
    data = data_for(f"normal mu=1 sigma=2 curve={curve} shade=between a=-1 b=4")
    p = stats.norm.cdf(4, 1, 2) - stats.norm.cdf(-1, 1, 2)
    assert float(dict(data.totals)["P(-1 < X < 4)"].exact) == pytest.approx(p, rel=1e-12)
    assert f"= {p:.4f} (z from -1 to 1.5)" in data.summary
    reference = stats.norm.pdf if curve == "density" else stats.norm.cdf
    assert np.allclose(data.series["y"], reference(data.series["x"], 1, 2), rtol=1e-12)


@pytest.mark.parametrize(
    ("angle", "unit", "degrees", "words"),
    [
        ("30", "degrees", 30, "cos θ = 0.866 = √3/2 is its x-coordinate and sin θ = 0.5 = 1/2"),
        ("3/4", "pi", 135, "(-0.7071, 0.7071), in quadrant II"),
        ("-90", "degrees", -90, "(0, -1), on the y-axis"),
        ("2", "radians", 2 * 180 / math.pi, "(-0.4161, 0.9093), in quadrant II"),
        ("4/3", "pi", 240, "sin θ = -0.866 = −√3/2"),
        ("405", "degrees", 405, "in quadrant I"),
    ],
)
def test_unit_circle_cos_and_sin(angle, unit, degrees, words):
    data = data_for(f"unit-circle angle={angle} unit={unit}")
    theta = math.radians(degrees)
    assert data.series["cos"] == pytest.approx(math.cos(theta), abs=1e-12)
    assert data.series["sin"] == pytest.approx(math.sin(theta), abs=1e-12)
    assert words in data.summary
    assert float(dict(data.totals)["cos θ"].exact) == data.series["cos"]


def test_unit_circle_names_the_angle_in_each_unit():
    assert data_for("unit-circle angle=3/4 unit=pi").summary.startswith(
        "The unit circle with the angle 3π/4 (135°, 2.3562 rad)"
    )
    assert "the angle 150° (5π/6, 2.618 rad)" in data_for("unit-circle angle=150").summary
    assert "clockwise" in data_for("unit-circle angle=-45").summary


def test_binary_entropy_is_the_engines_and_peaks_at_one_bit():
    data = data_for("binary-entropy p=0.11")
    p = 0.11
    h = -p * math.log2(p) - (1 - p) * math.log2(1 - p)
    assert data.series["h"] == pytest.approx(h, rel=1e-12)
    assert float(dict(data.totals)["H(p)"].exact) == data.series["h"]
    assert f"H = {h:.4f} bits" in data.summary
    assert max(data.series["y"]) == pytest.approx(1.0) and data.series["y"][0] == 0.0
    certain = data_for("binary-entropy p=1")
    assert "H = 0.0000 bits" in certain.summary and "0 (0·log 0 = 0)" in certain.summary


# ----------------------------------------------------------------------------- views

EXAMPLES = [
    "number-line start=-5 end=5 show=jump a=-3 b=2 marks=1/2",
    "fraction-bar n1=4 k1=3 n2=3 k2=2 mode=add",
    "function family=cosine amp=1.5 period=2 mark=tangent x0=1",
    "riemann family=exponential a=-1 b=1 n=50 rule=midpoint",
    "normal curve=cdf shade=between a=-1 b=1",
    "unit-circle angle=1.2 unit=radians",
    "binary-entropy p=0.5",
    "bars family=poisson lam=4 kmin=0 kmax=14 mark=mean",
    "bars family=custom values=0,1,2 probs=1/4,1/2,1/4",
    "bars family=binomial n=200 p=0.5 kmin=70 kmax=129",
    "vectors u=3,1 v=-1,2 show=sum",
    "vectors u=2,0 v=1,1 w=0,-3 show=angle",
    "vectors u=-3,-2 v=0,0 show=difference",
]


@pytest.mark.django_db
@pytest.mark.parametrize("shortcode", EXAMPLES)
def test_each_kind_serves_its_svg_and_its_text_alternative(client, shortcode):
    name, raw = parse_shortcode(shortcode)
    spec = plots.parse(name, raw)
    svg = client.get(spec.svg_url)
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert svg.content == plots.render_svg(spec, spec.kind.compute(spec.args))  # deterministic
    page = client.get(spec.page_url)
    assert page.status_code == 200
    body = page.content.decode()
    alt = html.unescape(re.search(r'alt="([^"]+)"', body).group(1))
    assert alt == spec.kind.compute(spec.args).summary
    title = html.unescape(re.search(r"<title>(.*?)</title>", svg.content.decode(), re.S).group(1))
    assert title == alt
    assert html.escape(spec.shortcode, quote=False) in body


# ----------------------------------------------------------------- forward/reverse caption


@pytest.mark.parametrize(("sep", "locked"), [(0.0, False), (4.4, False), (4.6, True), (8.0, True)])
def test_the_forward_reverse_caption_says_which_optimum_was_found(sep, locked):
    spec = plots.parse("forward-reverse", {"sep": [str(sep)], "width": ["0.8"]})
    data = spec.kind.compute(spec.args)
    rmu = data.series["rev"][0]
    assert (abs(rmu) > 0.5) is locked  # the engine's optimum: on a mode, or central
    caption = data.series["caption"]
    svg = html.unescape(plots.render_svg(spec, data).decode())
    assert caption in svg
    if locked:
        assert caption == f"Forward KL covers both modes; reverse KL locks onto one (μ = {rmu:.3f})"
        assert "The reverse fit locks onto one mode" in data.summary
    else:
        assert "locks onto" not in caption + data.summary
        assert caption.startswith("Both fits are centred (μ = 0.000)")
        assert "The reverse fit is centred between the modes" in data.summary
