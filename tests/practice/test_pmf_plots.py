"""The ``bars`` and ``vectors`` plots: parameters, the numbers they show (checked against
independent computations) and their cached SVG. Their 400 messages and text alternatives
are checked with the other school plots (``test_school_plots.py``)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from scipy import stats

from practice import plots
from practice.plots import render
from practice.plots.kinds import parse_shortcode
from practice.plots.pmf_drawing import draw_bars
from tests.practice.test_school_plots import data_for, empty_cache

__all__ = ["empty_cache"]  # the autouse fixture, shared with the other school plots


def totals(data: plots.PlotData) -> dict[str, float]:
    return {name: float(cell.exact) for name, cell in data.totals if cell.exact}


# ----------------------------------------------------------------------------- bars


@pytest.mark.parametrize("lam", [0.5, 3.0, 12.75])
def test_poisson_bars_are_scipys_pmf_and_state_what_lies_outside(lam):
    data = data_for(f"bars family=poisson lam={lam} kmin=0 kmax=8")
    k = np.arange(0, 9)
    assert np.allclose(data.series["p"], stats.poisson.pmf(k, lam), rtol=1e-12, atol=0)
    got = totals(data)
    assert got["mean"] == pytest.approx(lam) and got["variance"] == pytest.approx(lam)
    outside = stats.poisson.sf(8, lam)
    assert got["probability outside"] == pytest.approx(outside, abs=1e-12)
    if outside > 5e-5:
        assert "lies outside k = 0 to 8" in data.summary
        assert f"{round(outside, 4):.4f}".rstrip("0") in data.summary


def test_binomial_bars_state_each_probability_the_mean_and_the_variance():
    data = data_for("bars family=binomial n=10 p=0.3 kmax=10")
    expected = stats.binom.pmf(np.arange(11), 10, 0.3)
    assert np.allclose(data.series["p"], expected, rtol=1e-12)
    assert "P(X = 3) = 0.2668" in data.summary  # C(10,3)·0.3³·0.7⁷ = 0.266827932
    assert "Mean np = 10 × 0.3 = 3" in data.summary
    assert "variance np(1 − p) = 10 × 0.3 × 0.7 = 2.1" in data.summary
    assert "The bars hold all the probability" in data.summary
    cut = data_for("bars family=binomial n=20 p=0.3 kmin=2 kmax=10")
    outside = stats.binom.cdf(1, 20, 0.3) + stats.binom.sf(10, 20, 0.3)
    assert totals(cut)["probability outside"] == pytest.approx(outside, abs=1e-12)
    assert list(cut.series["k"]) == list(range(2, 11))
    # kmax beyond n stops at n
    assert list(data_for("bars family=binomial n=4 kmax=30").series["k"]) == [0, 1, 2, 3, 4]


def test_bernoulli_and_custom_bars_with_the_mean_marked():
    coin = data_for("bars family=bernoulli p=0.3 mark=mean")
    assert list(coin.series["p"]) == pytest.approx([0.7, 0.3])
    assert "variance p(1 − p) = 0.3 × 0.7 = 0.21" in coin.summary
    assert coin.series["mean"] == pytest.approx(0.3)
    assert coin.series["sd"] == pytest.approx(math.sqrt(0.21))
    die = data_for("bars family=custom values=3,1,2 probs=1/2,1/4,1/4 mark=mean")
    x, p = np.array([1, 2, 3]), np.array([0.25, 0.25, 0.5])
    mean = (x * p).sum()
    var = (p * (x - mean) ** 2).sum()
    assert list(die.series["k"]) == [1, 2, 3]  # sorted by value, each with its probability
    assert list(die.series["p"]) == [0.25, 0.25, 0.5]
    assert totals(die)["mean"] == pytest.approx(2.25) == mean
    assert totals(die)["variance"] == pytest.approx(var) == pytest.approx(0.6875)
    assert "Marked: the mean 2.25, and mean ± sd from 1.4208 to 3.0792." in die.summary
    decimals = data_for("bars family=custom values=-1,0.5 probs=0.25,0.75")
    assert totals(decimals)["mean"] == pytest.approx(0.125)


def test_unused_bar_parameters_are_left_out_of_the_shortcode():
    spec = plots.parse("bars", {"family": ["bernoulli"], "lam": ["7"], "kmax": ["30"]})
    assert spec.shortcode == "[[plot:bars family=bernoulli p=0.5 mark=none]]"
    plain = plots.parse("bars", {"family": ["bernoulli"]})
    assert spec.key == plain.key
    custom = plots.parse("bars", {"family": ["custom"], "values": ["0,1"], "probs": ["2/4,1/2"]})
    assert custom.shortcode == "[[plot:bars family=custom values=0,1 probs=2/4,1/2 mark=none]]"


# ----------------------------------------------------------------------------- vectors


def test_vectors_state_lengths_sum_and_angle_as_numpy_computes_them():
    data = data_for("vectors u=3,1 v=-1,2 show=sum")
    u, v = np.array([3.0, 1.0]), np.array([-1.0, 2.0])
    angle = np.degrees(np.arccos(u @ v / np.linalg.norm(u) / np.linalg.norm(v)))
    assert "|u| = √(3² + 1²) = √10 ≈ 3.1623" in data.summary
    assert "|v| = √((−1)² + 2²) = √5 ≈ 2.2361" in data.summary
    assert "The sum u + v = (2, 3), of length 3.6056" in data.summary
    assert f"The angle between u and v is {angle:.2f}°" in data.summary  # 98.13
    assert totals(data)["angle between u and v"] == pytest.approx(angle)
    assert [r[3].text for r in data.rows] == ["3.1623", "2.2361"]
    right = data_for("vectors u=3,4 v=-4,3 show=angle")
    assert "|u| = √(3² + 4²) = 5." in right.summary
    assert "90°" in right.summary and "perpendicular" in right.summary


def test_vectors_difference_fractions_and_a_third_vector():
    data = data_for("vectors u=1/2,1 v=1,2 w=-2,-1 show=difference")
    assert "u − v = (−0.5, −1)" in data.summary
    assert "|u| = √((1/2)² + 1²) = √(5/4) ≈ 1.118." in data.summary
    assert "|w| = √((−2)² + (−1)²) = √5 ≈ 2.2361." in data.summary
    assert (
        "= √((3/2)² + 2²) = 5/2 = 2.5." in data_for("vectors u=3/2,2 v= show=none").summary
    )  # √(9/4 + 4) exactly
    assert "w = (−2, −1)" in data.summary
    assert data.series["angle"] == pytest.approx(0.0, abs=1e-6)  # u and v point the same way
    assert set(data.series["vectors"]) == {"u", "v", "w"}


def test_one_vector_and_an_emptied_v_round_trip():
    spec = plots.parse("vectors", {"u": ["3,4"], "v": [""], "show": ["none"]})
    assert spec.args["v"] == ()
    assert spec.shortcode == "[[plot:vectors u=3,4 v= show=none]]"
    name, raw = parse_shortcode(spec.shortcode[len("[[plot:") : -2])
    assert plots.parse(name, raw).key == spec.key
    data = spec.kind.compute(spec.args)
    assert data.summary == "u = (3, 4) has length |u| = √(3² + 4²) = 5."


# ----------------------------------------------------------------------------- views
# (their 400s and text alternatives are checked with the other school plots')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "shortcode", ["bars family=poisson lam=4 mark=mean", "vectors u=2,2 v=1,-3 show=difference"]
)
def test_the_image_is_drawn_once_and_then_served_from_the_cache(client, monkeypatch, shortcode):
    spec = plots.parse(*parse_shortcode(shortcode))
    first = client.get(spec.svg_url)
    assert first.status_code == 200 and first["Content-Type"] == "image/svg+xml"

    def no_second_render(*args):
        raise AssertionError("drawn again")

    monkeypatch.setattr(render, "render_svg", no_second_render)
    again = client.get(spec.svg_url)
    assert again.status_code == 200 and again.content == first.content
    assert client.get(spec.svg_url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_bars_far_from_the_probability_still_draw_and_say_where_it_is():
    far = data_for("bars family=poisson lam=0.5 kmin=40 kmax=60")
    assert far.series["frame"].ylim[1] > 0  # not a flat, singular axis
    assert "1 lies outside k = 40 to 60" in far.summary
    data = data_for("bars family=custom values=-1000,1/3,1000 probs=1/4,1/2,1/4")
    fig = Figure()
    draw_bars(fig, data)
    (stems,) = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
    tops = sorted((seg[0][0], seg[1][1]) for seg in stems.get_segments())
    assert np.allclose(tops, [(-1000, 0.25), (1 / 3, 0.5), (1000, 0.25)])  # not thin bars
