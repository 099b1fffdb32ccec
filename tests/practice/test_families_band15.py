"""Band 15 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice import families
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(15)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_tangent_period_is_where_the_graph_repeats():
    xs = np.linspace(-0.1, 0.1, 7)
    for v in variants("tangent_period"):
        a, b = v.params["a"], v.params["b"]
        period = v.answer.value

        def y(x, a=a, b=b):
            return a * np.tan(b * x)

        assert np.allclose(y(xs + period), y(xs))
        assert not np.allclose(y(xs + period / 2), y(xs))
        assert v.answer.unit == "radians"


def test_reciprocal_values_times_their_partner_give_one():
    names = set()
    for v in variants("reciprocal_trig_value", 200):
        theta = float(Fraction(v.params["theta"])) * math.pi
        partner = {"sec": math.cos, "csc": math.sin, "cot": math.tan}[v.params["function"]]
        assert math.isclose(v.answer.value * partner(theta), 1)
        names.add(v.params["function"])
    assert names == {"sec", "csc", "cot"}


def test_wave_slopes_match_a_difference_quotient():
    h = 1e-6
    kinds = set()
    for v in variants("trig_derivative_at_point"):
        a, b = v.params["a"], v.params["b"]
        x0 = float(Fraction(v.params["theta"])) * math.pi / b
        wave = math.sin if v.params["sine"] else math.cos

        def f(x, a=a, b=b, wave=wave):
            return a * wave(b * x)

        assert math.isclose(v.answer.value, (f(x0 + h) - f(x0 - h)) / (2 * h), rel_tol=1e-6)
        kinds.add(v.params["sine"])
    assert kinds == {True, False}


def test_tangent_slopes_are_exact_and_match_a_difference_quotient():
    h = 1e-6
    for v in variants("tangent_slope_sec_squared"):
        a, b = v.params["a"], v.params["b"]
        x0 = float(Fraction(v.params["theta"])) * math.pi / b
        numeric = (a * math.tan(b * (x0 + h)) - a * math.tan(b * (x0 - h))) / (2 * h)
        assert isinstance(v.answer.value, Fraction)
        assert math.isclose(float(v.answer.value), numeric, rel_tol=1e-6)
