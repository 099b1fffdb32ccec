"""Band 15 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from practice import families
from practice.families import frac, polynomial
from practice.grader import grade_answer
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


def test_antiderivative_through_a_point_by_exact_integration():
    for v in variants("antiderivative_from_a_point"):
        p, q, r, k, t = (v.params[n] for n in "pqrkt")

        # the area under F' from 0 to t, by the exact Simpson rule for a quadratic, plus F(0)
        def f(x, p=p, q=q, r=r):
            return p * x * x + q * x + r

        area = Fraction(t, 6) * (f(0) + 4 * f(Fraction(t, 2)) + f(t))
        assert v.answer.value == area + k


def test_cosine_wave_antiderivative_matches_a_numerical_integral():
    for v in variants("antiderivative_of_cosine_wave"):
        a, b, k = v.params["a"], v.params["b"], v.params["k"]
        end = float(Fraction(v.params["theta"])) * math.pi / b
        xs = np.linspace(0, end, 2001)
        ys = a * np.cos(b * xs)
        area = float(np.sum((ys[1:] + ys[:-1]) / 2 * np.diff(xs)))
        assert math.isclose(float(v.answer.value), area + k, rel_tol=1e-5, abs_tol=1e-6)


def test_integrated_coefficients_differentiate_back():
    for v in variants("indefinite_integral_coefficients"):
        big_a, big_b, big_d = v.answer.value
        assert (3 * big_a, 2 * big_b, big_d) == (v.params["a"], v.params["b"], v.params["c"])


def test_the_right_family_member_differentiates_to_the_integrand():
    for v in variants("member_of_the_antiderivative_family"):
        a, b, k = v.params["a"], v.params["b"], v.params["k"]
        label = dict(zip(v.params["order"], v.answer.options, strict=True))
        assert label["right"] == v.answer.value
        # F(x) = (a/3)x^3 + (b/2)x^2 + k: its difference quotient matches ax^2 + bx
        for x in (Fraction(1), Fraction(-2), Fraction(3, 2)):
            h = Fraction(1, 1000)

            def big_f(t, a=a, b=b, k=k):
                return Fraction(a, 3) * t**3 + Fraction(b, 2) * t**2 + k

            quotient = (big_f(x + h) - big_f(x - h)) / (2 * h)
            assert quotient - (a * x * x + b * x) == Fraction(a, 3) * h * h
        listed = f"**{v.answer.value}.** ${polynomial([a // 3, b // 2, 0, k])}$"
        assert listed in v.prompt


def test_power_rule_answers_match_a_numerical_integral():
    for v in variants("power_rule_from_one"):
        a, n, k, t = v.params["a"], float(Fraction(v.params["n"])), v.params["k"], v.params["t"]
        xs = np.linspace(1, t, 4001)
        ys = a * xs**n
        area = float(np.sum((ys[1:] + ys[:-1]) / 2 * np.diff(xs)))
        assert isinstance(v.answer.value, Fraction)
        assert math.isclose(float(v.answer.value), area + k, rel_tol=1e-5, abs_tol=1e-5)


def test_exponential_antiderivative_differentiates_back_and_starts_at_k():
    h = 1e-6
    for v in variants("exponential_antiderivative_value"):
        a, b, k = v.params["a"], v.params["b"], v.params["k"]
        # F(x) = F(1) + (a/b)(e^(bx) - e^b) must satisfy F(0) = k
        start = v.answer.value + a / b * (1 - math.exp(b))
        assert math.isclose(start, k, rel_tol=1e-9, abs_tol=1e-9)

        def big_f(x, a=a, b=b, k=k):
            return k + a / b * (math.exp(b * x) - 1)

        assert math.isclose((big_f(1 + h) - big_f(1 - h)) / (2 * h), a * math.exp(b), rel_tol=1e-6)


def test_parts_answer_matches_a_numerical_integral_from_zero():
    for v in variants("parts_x_times_exponential"):
        b, k = v.params["b"], v.params["k"]
        xs = np.linspace(0, 1, 4001)
        ys = xs * np.exp(b * xs)
        area = float(np.sum((ys[1:] + ys[:-1]) / 2 * np.diff(xs)))
        assert math.isclose(v.answer.value, area + k, rel_tol=1e-5, abs_tol=1e-6)


def test_chosen_u_is_the_logarithm_or_else_the_power():
    for v in variants("parts_choose_u"):
        label = dict(zip(v.params["order"], v.answer.options, strict=True))
        assert label["right"] == v.answer.value
        right_line = next(
            line for line in v.prompt.splitlines() if line.startswith(f"- **{v.answer.value}.**")
        )
        wanted = "\\ln x" if "\\ln" in v.params["integrand"] else "x"
        assert right_line.split("$u = ")[1].startswith(wanted)
        assert "dv = dx" not in right_line


def _area(f, end: float, steps: int = 4000) -> float:
    """The trapezium-rule area under ``f`` from 0 to ``end``."""
    xs = np.linspace(0, end, steps + 1)
    ys = f(xs)
    return float(np.sum((ys[1:] + ys[:-1]) / 2 * np.diff(xs)))


def test_linear_inside_substitution_matches_a_numerical_integral():
    for v in variants("substitution_linear_inside"):
        a, b, n, k = (v.params[name] for name in "abnk")
        area = _area(lambda x, a=a, b=b, n=n: (a * x + b) ** n, 1)
        assert isinstance(v.answer.value, Fraction)
        assert math.isclose(float(v.answer.value), area + k, rel_tol=1e-5, abs_tol=1e-5)


def test_exp_square_substitution_matches_a_numerical_integral():
    for v in variants("substitution_x_exp_square"):
        c, k = v.params["c"], v.params["k"]
        area = _area(lambda x, c=c: x * np.exp(c * x * x), 1)
        assert math.isclose(v.answer.value, area + k, rel_tol=1e-5, abs_tol=1e-5)


def test_riemann_sum_by_numpy_at_the_strip_points():
    rules = set()
    for v in variants("riemann_sum_of_a_quadratic", 150):
        p, q, a, b, n = (v.params[name] for name in "pqabn")
        offset = {"left": 0.0, "right": 1.0, "midpoint": 0.5}[v.params["rule"]]
        xs = a + (np.arange(n) + offset) * (b - a) / n
        assert math.isclose(float(v.answer.value), float(np.sum(p * xs**2 + q)) * (b - a) / n)
        rules.add(v.params["rule"])
    assert rules == {"left", "right", "midpoint"}


def test_over_or_under_agrees_with_a_computed_sum():
    functions = {
        "e^x": (np.exp, 0, 2, lambda a, b: math.e**b - math.e**a),
        "x^2": (np.square, 0, 3, lambda a, b: (b**3 - a**3) / 3),
        "\\sqrt{x}": (np.sqrt, 1, 4, lambda a, b: 2 / 3 * (b**1.5 - a**1.5)),
        "\\frac{1}{x}": (np.reciprocal, 1, 3, lambda a, b: math.log(b / a)),
        "e^{-x}": (lambda x: np.exp(-x), 0, 2, lambda a, b: math.exp(-a) - math.exp(-b)),
        "4 - x^2": (lambda x: 4 - x**2, 0, 2, lambda a, b: 4 * (b - a) - (b**3 - a**3) / 3),
    }
    for v in variants("riemann_over_or_under"):
        f, a, b, area = functions[v.params["shape"]]
        n = v.params["n"]
        offset = 0.0 if v.params["rule"] == "left" else 1.0
        xs = a + (np.arange(n) + offset) * (b - a) / n
        total = float(np.sum(f(xs.astype(float)))) * (b - a) / n
        label = dict(zip(v.params["order"], v.answer.options, strict=True))
        line = next(s for s in v.prompt.splitlines() if s.startswith(f"- **{label['right']}.**"))
        assert ("underestimate" in line) == (total < area(a, b))


def test_signed_area_of_a_line_by_a_midpoint_sum():
    for v in variants("signed_area_of_a_line"):
        m, a, b = v.params["m"], v.params["a"], v.params["b"]
        line = v.prompt.split("(")[1].split(")")[0]
        assert "x" in line
        # the line m(x - r) through the stated root: its midpoint sum is exact for a line
        r = next(x for x in range(a, b + 1) if f"zero at $x = {x}$" in v.solution)
        n = 64
        xs = a + (np.arange(n) + 0.5) * (b - a) / n
        assert math.isclose(float(v.answer.value), float(np.sum(m * (xs - r))) * (b - a) / n)
        assert a < r < b


def test_integral_rules_by_building_piecewise_functions():
    """Constant pieces with the given integrals make the rules concrete."""
    for v in variants("definite_integral_rules"):
        a, b, p, q, g, k = (v.params[name] for name in ("a", "b", "p", "q", "g", "k"))
        f_left, f_right, g_level = Fraction(p, a), Fraction(q, b - a), Fraction(g, b)
        total = k * (f_left * a + f_right * (b - a)) + g_level * b
        assert v.answer.value == -total


def test_surprisal_is_the_number_of_fair_coin_flips_as_unlikely():
    """2 to the minus answer is the outcome's probability, counted from the story."""
    for v in variants("surprisal_of_an_outcome"):
        n, k = v.params["n"], v.params["k"]
        assert f"{n} " in v.prompt and f"{k} " in v.prompt
        assert math.isclose(2**-v.answer.value, k / n)
        assert v.answer.unit == "bits" and v.answer.value > 0


# Each event of the independent-events family as the outcomes of its own experiment.
_DICE = {
    "a fair die shows a six": (range(1, 7), lambda x: x == 6),
    "a fair die shows a number above 4": (range(1, 7), lambda x: x > 4),
    "a fair die shows a number below 5": (range(1, 7), lambda x: x < 5),
    "a fair coin lands heads": (("H", "T"), lambda x: x == "H"),
    "a fair 8-sided die shows an 8": (range(1, 9), lambda x: x == 8),
}
_DECK = [(rank, suit) for rank in range(1, 14) for suit in "SHDC"]
_CARDS = {
    "is a heart": lambda c: c[1] == "H",
    "is a king": lambda c: c[0] == 13,
    "is a jack, queen or king": lambda c: c[0] >= 11,
    "is the queen of hearts": lambda c: c == (12, "H"),
    "is red": lambda c: c[1] in "HD",
}


def test_joint_surprisal_by_counting_the_paired_outcomes():
    seen = set()
    for v in variants("surprisal_of_independent_events", 200):
        faces, hit = _DICE[v.params["first"]]
        card = _CARDS[v.params["second"].removeprefix("a card drawn from a shuffled 52-card deck ")]
        pairs = [(x, c) for x in faces for c in _DECK]
        both = sum(1 for x, c in pairs if hit(x) and card(c))
        assert math.isclose(v.answer.value, math.log2(len(pairs) / both))
        # the total as a sum to 4 figures: 8.700 bits, not 8.7 when 3 figures are asked for
        total = v.answer.value
        shown = str(round(total)) if total == round(total) else f"{total:#.4g}"
        assert f"which is ${shown}$ bits" in v.solution
        seen.add((v.params["first"], v.params["second"]))
    assert len(seen) >= 15


def test_ratio_of_powers_limits_by_factoring_out_x_minus_a():
    """(x^n - a^n)/(x - a) = x^(n-1) + a x^(n-2) + ... + a^(n-1): n a^(n-1) at x = a."""
    for v in variants("lhopital_ratio_of_powers"):
        a, n, m = v.params["a"], v.params["n"], v.params["m"]

        def quotient(k, a=a):  # the cofactor of x - a in x^k - a^k, at x = a
            return sum(a**i * a ** (k - 1 - i) for i in range(k))

        assert v.answer.value == Fraction(quotient(n), quotient(m))
        x = a + 1e-6
        assert math.isclose((x**n - a**n) / (x**m - a**m), float(v.answer.value), rel_tol=1e-4)


def test_twice_exponential_limits_from_the_series_of_e():
    """e^(ax) = 1 + ax + (ax)^2/2 + ...: the limit is the x^2 coefficient over c."""
    for v in variants("lhopital_twice_exponential"):
        a, c = v.params["a"], v.params["c"]
        assert v.answer.value == Fraction(a, 1) ** 2 / 2 / c
        x = 1e-4
        near = (math.expm1(a * x) - a * x) / (c * x * x)
        assert math.isclose(near, float(v.answer.value), rel_tol=1e-3)


def test_ftc_integrals_match_simpsons_rule():
    """Simpson's rule is exact for a quadratic: (b - a)/6 (f(a) + 4 f(m) + f(b))."""
    for v in variants("ftc_definite_integral"):
        p, q, r, a, b = (v.params[k] for k in "pqrab")

        def f(x, p=p, q=q, r=r):
            return p * x * x + q * x + r

        middle = Fraction(a + b, 2)
        assert v.answer.value == Fraction(b - a, 6) * (f(a) + 4 * f(middle) + f(b))


def test_running_area_slopes_by_a_difference_quotient_of_the_area():
    uppers = {"square": lambda x: x * x, "cube": lambda x: x**3, "double": lambda x: 2 * x}
    uppers["triple"] = lambda x: 3 * x
    seen = set()
    for v in variants("ftc_derivative_of_running_area"):
        p, s, c, x0 = (v.params[k] for k in ("p", "s", "c", "x0"))
        g = uppers[v.params["upper"]]

        def area(x, p=p, s=s, c=c, g=g):  # the exact area of p t^2 + s from c to g(x)
            top = Fraction(g(x))
            return Fraction(p, 3) * (top**3 - c**3) + s * (top - c)

        h = Fraction(1, 10**6)
        slope = (area(x0 + h) - area(x0 - h)) / (2 * h)
        assert abs(slope - v.answer.value) < Fraction(1, 1000)
        seen.add(v.params["upper"])
    assert seen == set(uppers)


def test_power_tails_by_a_substitution_onto_a_finite_interval():
    """x = a/u maps [a, inf) onto (0, 1]: the area is the integral of k a^(1-n) u^(n-2)."""
    for v in variants("improper_power_tail"):
        n, a, k = v.params["n"], v.params["a"], v.params["k"]
        us = (np.arange(4000) + 0.5) / 4000
        area = float(np.mean(k * a ** (1 - n) * us ** (n - 2)))
        assert math.isclose(float(v.answer.value), area, rel_tol=1e-6)


def test_exponential_tails_are_survival_probabilities():
    """k e^(-cx) is k/c times the density of an exponential waiting time with rate c, so
    the tail is k/c times the chance that such a wait outlasts a, by simulation too."""
    rng = np.random.default_rng(7)
    for v in variants("improper_exponential_tail", 60):
        c, a, k = v.params["c"], float(Fraction(v.params["a"])), v.params["k"]
        waits = rng.exponential(1 / c, 200000)
        assert math.isclose(v.answer.value, k / c * float(np.mean(waits > a)), rel_tol=0.05)
        xs = a + (np.arange(20000) + 0.5) * (40 / c) / 20000
        area = float(np.sum(k * np.exp(-c * xs))) * (40 / c) / 20000
        assert math.isclose(v.answer.value, area, rel_tol=1e-6)


def test_exponential_series_sums_by_adding_terms():
    for v in variants("series_sum_of_exponential"):
        a, c, start = float(Fraction(v.params["a"])), v.params["c"], v.params["start"]
        total = sum(c * a**k / math.factorial(k) for k in range(start, 40))
        assert math.isclose(v.answer.value, total, rel_tol=1e-12)
        assert f"k={start}" in v.prompt


def test_log_series_coefficients_by_a_contour_average():
    """The x^n coefficient of a power series is the average of f(z) z^-n over a circle
    inside its interval (Cauchy): computed for log(1 + az) on |z| = 1/(2|a|)."""
    thetas = np.arange(64) * 2 * np.pi / 64
    for v in variants("log_series_coefficient"):
        a, n = float(Fraction(v.params["a"])), v.params["n"]
        r = 0.5 / abs(a)
        z = r * np.exp(1j * thetas)
        coefficient = np.mean(np.log(1 + a * z) * np.exp(-1j * n * thetas)) / r**n
        assert math.isclose(coefficient.real, float(v.answer.value), rel_tol=1e-9)
        assert f"|x| < {frac(1 / abs(Fraction(v.params['a'])))}$" in v.solution


def _rounded(x: float) -> float:
    """``x`` to 3 significant figures, as a student writes an intermediate step."""
    return float(f"{x:.3g}")


def test_poisson_counts_match_a_binomial_with_many_small_chances():
    """Binomial(n, lam/n) tends to the Poisson: at n = 10^6 it agrees to 1e-5; a student
    rounding e^-lam and lam^k/k! to 3 figures is still right."""
    for v in variants("poisson_exact_count"):
        lam, k = v.params["lam"], v.params["k"]
        n = 10**6
        binomial = math.comb(n, k) * (lam / n) ** k * (1 - lam / n) ** (n - k)
        assert math.isclose(v.answer.value, binomial, rel_tol=1e-5)
        student = _rounded(math.exp(-lam)) * _rounded(lam**k / math.factorial(k))
        assert grade_answer(f"{student:.3g}", v.answer).correct


def test_poisson_tails_by_summing_the_tail_itself():
    for v in variants("poisson_at_least"):
        lam, m = v.params["lam"], v.params["m"]
        term, tail = math.exp(-lam), 0.0
        for k in range(0, 80):
            if k >= m:
                tail += term
            term *= lam / (k + 1)
        assert math.isclose(v.answer.value, tail, rel_tol=1e-9)
        e = _rounded(math.exp(-lam))
        below = _rounded(sum(_rounded(e * lam**k / math.factorial(k)) for k in range(m)))
        assert grade_answer(f"{1 - below:.3g}", v.answer).correct, (lam, m)


def test_linear_density_intervals_by_simulation_and_a_triangle():
    """X = b(1 - sqrt(U)) has density 2(b - x)/b^2; the answer also equals the triangle
    area left of s minus that left of t, over the whole triangle."""
    rng = np.random.default_rng(3)
    for v in variants("linear_density_interval", 60):
        b, s, t = v.params["b"], Fraction(v.params["s"]), Fraction(v.params["t"])
        tail = lambda x, b=b: Fraction((b - x) ** 2, b * b)  # noqa: E731 P(X >= x)
        assert v.answer.value == tail(s) - tail(t)
        draws = b * (1 - np.sqrt(rng.random(100000)))
        share = float(np.mean((draws >= float(s)) & (draws <= float(t))))
        assert abs(share - float(v.answer.value)) < 0.01
        # the solution shows the difference of the antiderivative it multiplies by c
        anti = lambda x, b=b: b * x - x * x / 2  # noqa: E731
        assert f"\\left({frac(anti(t))} - {frac(anti(s))}\\right) = " in v.solution


def test_the_valid_density_is_the_one_with_area_one_and_no_negative_part():
    for v in variants("valid_density_choice"):
        k, low, width, high = (v.params[n] for n in ("k", "low", "width", "high"))
        pieces = {  # each option as (height, length) pieces
            "right": [(k, Fraction(1, k))],
            "heights_below_one_suffice": [(Fraction(low), width)],
            "negative_heights_allowed": [(high, 1), (1 - high, 1)],
        }
        valid = [
            code
            for code, parts in pieces.items()
            if all(h >= 0 for h, _ in parts) and sum(h * w for h, w in parts) == 1
        ]
        assert valid == ["right"]
        label = dict(zip(v.params["order"], v.answer.options, strict=True))
        assert label["right"] == v.answer.value


def test_discrete_cdf_intervals_by_adding_the_jumps():
    for v in variants("discrete_cdf_interval"):
        cdf = [Fraction(x) for x in v.params["cdf"]]
        jumps = [cdf[0]] + [b - a for a, b in zip(cdf, cdf[1:], strict=False)]
        assert all(j > 0 for j in jumps) and cdf[-1] == 1
        a, b = v.params["a"], v.params["b"]
        assert v.answer.value == sum(jumps[a : b + 1])


def test_exponential_quantiles_by_bisection_on_the_cdf():
    for v in variants("exponential_cdf_quantile"):
        rate, q = v.params["rate"], float(Fraction(v.params["q"]))
        lo, hi = 0.0, 100.0
        for _ in range(200):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if 1 - math.exp(-rate * mid) < q else (lo, mid)
        assert math.isclose(v.answer.value, lo, rel_tol=1e-9)


def test_poisson_approximations_are_close_to_the_binomial_and_accept_it():
    """The answer is within 2% of the exact binomial probability, and a student who works
    the binomial exactly, or rounds the Poisson steps to 3 figures, is marked right."""
    for v in variants("poisson_from_binomial"):
        n, lam, k = v.params["n"], v.params["lam"], v.params["k"]
        p = lam / n
        exact = math.comb(n, k) * p**k * (1 - p) ** (n - k)
        assert abs(exact - v.answer.value) / exact < 0.02
        assert grade_answer(f"{exact:.3g}", v.answer).correct
        student = _rounded(math.exp(-lam)) * _rounded(lam**k / math.factorial(k))
        assert grade_answer(f"{student:.3g}", v.answer).correct
        # and the Poisson value is the limit of Bin(m, lam/m) as m grows
        m = 10**6
        limit = math.comb(m, k) * (lam / m) ** k * (1 - lam / m) ** (m - k)
        assert math.isclose(v.answer.value, limit, rel_tol=1e-5)


def test_probability_from_bits_by_counting_equally_likely_outcomes():
    """b bits is one outcome among 2^b equally likely ones: two independent such outcomes
    are one pair among 2^b1 * 2^b2 pairs."""
    for v in variants("probability_from_bits"):
        b1, b2 = v.params["b1"], v.params["b2"]
        pairs = [(i, j) for i in range(2**b1) for j in range(2**b2)]
        assert v.answer.value == Fraction(sum(1 for pair in pairs if pair == (0, 0)), len(pairs))
        assert math.isclose(-math.log2(v.answer.value), b1 + b2)


# The ways a student works each 3-significant-figure answer of band 15's information and
# probability questions, every written intermediate value rounded with ``r``.
_ROUTES = {
    "surprisal_of_an_outcome": lambda p, r: (
        -math.log2(r(p["k"] / p["n"])),  # round p, then take -log2
        math.log2(r(p["n"] / p["k"])),  # round 1/p, as the solution writes it
        r(math.log(r(p["n"] / p["k"]))) / r(math.log(2)),  # natural logs, ln 2 = 0.693
    ),
    "surprisal_of_independent_events": lambda p, r: (
        r(-math.log2(_EVENT_P[p["first"]])) + r(-math.log2(_EVENT_P[p["second"]])),
    ),
    "exponential_cdf_quantile": lambda p, r: (
        r(math.log(r(1 / (1 - Fraction(p["q"]))))) / p["rate"],  # ln(1/(1 - q)), as written
        -r(math.log(1 - Fraction(p["q"]))) / p["rate"],
    ),
    "poisson_exact_count": lambda p, r: (
        r(math.exp(-p["lam"])) * r(p["lam"] ** p["k"] / math.factorial(p["k"])),
    ),
    "poisson_at_least": lambda p, r: (
        1
        - r(r(math.exp(-p["lam"])) * sum(p["lam"] ** j / math.factorial(j) for j in range(p["m"]))),
        1 - sum(r(math.exp(-p["lam"]) * p["lam"] ** j / math.factorial(j)) for j in range(p["m"])),
    ),
    "improper_exponential_tail": lambda p, r: (
        r(p["k"] / p["c"]) * r(math.exp(-p["c"] * Fraction(p["a"]))),
    ),
    "series_sum_of_exponential": lambda p, r: (
        p["c"] * (r(math.exp(Fraction(p["a"]))) - p["start"]),
    ),
}
_EVENT_P = {
    "a fair die shows a six": 1 / 6,
    "a fair die shows a number above 4": 2 / 6,
    "a fair die shows a number below 5": 4 / 6,
    "a fair coin lands heads": 1 / 2,
    "a fair 8-sided die shows an 8": 1 / 8,
    "a card drawn from a shuffled 52-card deck is a heart": 13 / 52,
    "a card drawn from a shuffled 52-card deck is a king": 4 / 52,
    "a card drawn from a shuffled 52-card deck is a jack, queen or king": 12 / 52,
    "a card drawn from a shuffled 52-card deck is the queen of hearts": 1 / 52,
    "a card drawn from a shuffled 52-card deck is red": 26 / 52,
}


@pytest.mark.parametrize("name", sorted(_ROUTES))
def test_answers_worked_with_every_step_rounded_to_3_figures_are_right(name):
    """A student who rounds each value written down to 3 significant figures, along any
    natural route, and gives the result to 3 figures is marked right (log2 of 17/14 worked
    from 1.21 is 0.275, not 0.280; ln of 4/3 worked from 1.33 is 0.285, not 0.288)."""
    for v in variants(name, 300):
        assert all(math.isclose(w, v.answer.value) for w in _ROUTES[name](v.params, float))
        for worked in _ROUTES[name](v.params, _rounded):
            assert grade_answer(f"{worked:.3g}", v.answer).correct, (v.params, worked)


_WRITTEN = (
    "lhopital_ratio_of_powers",
    "lhopital_twice_exponential",
    "ftc_definite_integral",
    "improper_power_tail",
    "improper_exponential_tail",
    "series_sum_of_exponential",
    "log_series_coefficient",
)


@pytest.mark.parametrize("name", _WRITTEN)
def test_calculus_solutions_write_numbers_as_a_teacher_would(name):
    """A negative fraction has its sign in front (not 1/-3 style), no e^0 is left standing,
    an antiderivative's coefficient is in lowest terms, and a top evaluated at 0 keeps the
    sign of its ax term."""
    for v in variants(name, 200):
        text = v.prompt + v.solution
        assert "\\frac{-" not in text and "(\\frac{-" not in text
        assert "e^{0}" not in text
        if name == "improper_power_tail":
            co = Fraction(v.params["k"], v.params["n"] - 1)
            assert f"$F(x) = -\\frac{{{co.numerator}}}{{" in v.solution
            if co.denominator == 1:
                assert f"{{{v.params['n'] - 1}x" not in v.solution
        if name == "lhopital_twice_exponential":
            sign = "-" if v.params["a"] > 0 else "+"
            assert f"the top is $1 - 1 {sign} 0 = 0$" in v.solution
