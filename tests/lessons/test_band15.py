"""The lessons of band 15 (KL plan positions 305 to 321): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula, computed here from the example's inputs, and the
tests below recompute the facts the lessons state in words.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from practice import plots
from practice.plots.kinds import parse_shortcode
from tests.lessons.checker import (
    Claim,
    claim,
    lesson,
    lesson_problems,
    no_claims,
    shape_problems,
    squash,
)

SINE_EXAMPLE = (5, 3, math.pi / 9)  # f(x) = 5 sin(3x) at x = pi/9
COSINE_TRY = (4, 2, math.pi / 12)  # g(x) = 4 cos(2x) at x = pi/12


def trig_derivative_claims() -> list[Claim]:
    """The slope of 5 sin(3x) at pi/9, from the chain rule."""
    a, b, x = SINE_EXAMPLE
    return [claim("= 15 \\times \\frac{1}{2} = «g».", [a * b * math.cos(b * x)])]


def self_information_claims() -> list[Claim]:
    """Bits of certain, even and rare outcomes, the forecast, the die and the cards."""
    rain = Fraction(1, 8)
    return [
        claim("$I(1) = «g»$ bits", [-math.log2(1)]),
        claim("$I(\\frac{1}{2}) = «g»$ bit", [-math.log2(0.5)]),
        claim("the surprisal is $\\log_2 8 = «g»$ bits", [-math.log2(rain)]),
        claim("$\\log_2 \\frac{8}{7}$, about $«.3f»$ bits", [-math.log2(1 - rain)]),
        claim("$\\log_2 6$, about $«.3f»$ bits", [math.log2(6)]),
        claim("$\\log_2 48$, about $«.3f»$ bits", [math.log2(48)]),
        claim("reaches «g» bit at", [-math.log2(0.5)]),
        claim("far less than the «g» bits of the rare outcome", [-math.log2(rain)]),
        claim("$\\log_2 4 = «g»$ bits for a spade", [math.log2(4)]),
        claim("$\\log_2 52$, about $«.3f»$ bits", [math.log2(52)]),
        claim("$\\log_2 13$, about $«.3f»$ bits", [math.log2(13)]),
    ]


def lhopital_claims() -> list[Claim]:
    """p ln p at two small probabilities."""
    return [
        claim("at $p = «g»$ it is about $«.3g»$", [0.01, 0.01 * math.log(0.01)]),
        claim("at $p = «g»$ about $«.3g»$", [0.001, 0.001 * math.log(0.001)]),
    ]


def ftc_claims() -> list[Claim]:
    """G'(2) for G(x) = the running area of sqrt(1 + t^3) up to x^2."""
    x = 2
    return [claim("$\\sqrt{65} \\times 4$, about $«.2f»$", [math.sqrt(1 + x**6) * 2 * x])]


def improper_claims() -> list[Claim]:
    """The area under 2^-x up to 10 and in all, and ln 1000."""
    ln2 = math.log(2)
    return [
        claim("\\times \\frac{1}{\\ln 2}$, about $«.4f»$", [(1 - 2.0**-10) / ln2]),
        claim("tends to $\\frac{1}{\\ln 2}$, about $«.4f»$", [1 / ln2]),
        claim("at $b = 1000$ it is already about $«.3f»$", [math.log(1000)]),
    ]


def taylor_series_claims() -> list[Claim]:
    """e, ln 1.5 and e^2, against which the partial sums are compared."""
    return [
        claim("against $e \\approx «.4f»$", [math.e]),
        claim("against $\\ln «g» \\approx «.4f»$", [1.5, math.log(1.5)]),
        claim("it is $e^2 \\approx «.3f»$", [math.exp(2)]),
    ]


CALLS, TYPOS = 3, 1.5  # poisson-distribution: calls an hour, typos a page
CALLERS, RING = 100, 0.03  # the binomial the calls are compared with


def poisson(lam: float, k: int) -> float:
    return math.exp(-lam) * lam**k / math.factorial(k)


def poisson_claims() -> list[Claim]:
    """The help desk's probabilities, the binomial beside them, the slip without k! and
    the typos of the try-it."""
    lam = CALLS
    two = poisson(lam, 2)
    upto = sum(poisson(lam, k) for k in range(3))
    binomial = math.comb(CALLERS, 2) * RING**2 * (1 - RING) ** (CALLERS - 2)
    none, t = poisson(TYPOS, 0), TYPOS
    return [
        claim("No call in an hour: $e^{-3}$, about $«.4f»$", [poisson(lam, 0)]),
        claim("\\frac{3^2}{2!} = «g»\\,e^{-3}$, about $«.4f»$", [lam**2 / 2, two]),
        claim(
            "= «g»$, about $«.4f»$, so more than two calls come with probability about $«.4f»$",
            [1 + lam + lam**2 / 2, upto, 1 - upto],
        ),
        claim("who each ring with chance $«g»$", [RING]),
        claim(
            "$P(X = 2) = \\binom{100}{2}(«g»)^2(«g»)^{98}$, about $«.4f»$. Poisson's $«.4f»$",
            [RING, 1 - RING, binomial, two],
        ),
        claim("step 2 would give $«g»e^{-3}$, about $«.4f»$", [lam**2, lam**2 * math.exp(-3)]),
        claim("A page has «g» typos on average", [t]),
        claim("$e^{«g»}$, about $«.4f»$", [-t, none]),
        claim(
            "$1 - e^{«g»}(1 + «g») = 1 - «g»\\,e^{«g»}$, about $«.4f»$",
            [-t, t, 1 + t, -t, 1 - none * (1 + t)],
        ),
    ]


REACTION = (0.2, 0.5)  # pdfs: a reaction time spread evenly over these seconds
BATTERY = (-0.5, 1, 1)  # pdfs: the density 1 - x/2 (slope, intercept) marked at x = 1


def density_claims() -> list[Claim]:
    """The height of the even reaction-time density."""
    a, b = REACTION
    return [
        claim(
            "spread evenly over $[«g», «g»]$ seconds has density $\\frac{1}{«g»}$, about "
            "$«.3f»$ per second",
            [a, b, round(b - a, 10), 1 / (b - a)],
        ),
        claim(
            "it is $\\log_2 «g»$, about $«.3f»$ bits",
            [round(b - a, 10), -math.log2(1 / (b - a))],
        ),
    ]


def cdf_claims() -> list[Claim]:
    """The die's CDF between faces, the battery's median and the waiting time's median."""
    return [
        claim("so $F(«g») = F(3)", [3.5]),
        claim("$x = 2 - \\sqrt{2}$, about $«.3f»$ years", [2 - math.sqrt(2)]),
        claim("$x = \\frac{\\ln 2}{2}$, about $«.3f»$", [math.log(2) / 2]),
    ]


CLAIMS = {
    "graphing-tangent-and-reciprocal-trig": no_claims,
    "derivatives-of-trigonometric-functions": trig_derivative_claims,
    "antiderivatives": no_claims,
    "indefinite-integrals": no_claims,
    "basic-integration-rules": no_claims,
    "integration-by-parts": no_claims,
    "integration-by-substitution": no_claims,
    "riemann-sums": no_claims,
    "definite-integral-definition": no_claims,
    "self-information": self_information_claims,
    "lhopitals-rule": lhopital_claims,
    "fundamental-theorem-of-calculus": ftc_claims,
    "improper-integrals": improper_claims,
    "taylor-series": taylor_series_claims,
    "poisson-distribution": poisson_claims,
    "pdfs-and-continuous-distributions": density_claims,
    "cumulative-distribution-functions": cdf_claims,
}
LESSONS = tuple(CLAIMS)

SURPRISAL_BASE = 0.5  # self-information: log base 1/2 of p is -log2 p

FTC_STRIPS = (0, 2, 4)  # fundamental theorem: the midpoint sum of x^2 on [0, 2], 4 strips

HALVING = (1, 0.5)  # improper integrals: y = 1 times 0.5^x, whose whole area is 1/ln 2

PLOT_LINES = {
    "poisson-distribution": lambda: [
        f"[[plot:bars family=poisson lam={CALLS} kmin=0 kmax=10 mark=mean]]"
    ],
    "cumulative-distribution-functions": lambda: [
        "[[plot:normal mu=0 sigma=1 curve=cdf shade=between a=-1 b=1]]"
    ],
    "pdfs-and-continuous-distributions": lambda: [
        "[[plot:function family=linear m={} b={} xmin=0 xmax=2 mark=point x0={}]]".format(*BATTERY)
    ],
    "improper-integrals": lambda: [
        "[[plot:function family=exponential a={} base={} xmin=0 xmax=6]]".format(*HALVING)
    ],
    "fundamental-theorem-of-calculus": lambda: [
        "[[plot:riemann family=square a={} b={} n={} rule=midpoint]]".format(*FTC_STRIPS)
    ],
    "self-information": lambda: [
        f"[[plot:function family=logarithm base={SURPRISAL_BASE} xmin=0 xmax=1]]"
    ],
}


def plot_summary(line: str) -> str:
    """What a plot line's picture states, as its text alternative says it."""
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    return squash(spec.kind.compute(spec.args).summary)


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed_and_it_has_a_lessons_shape(slug):
    text = lesson(slug)
    assert lesson_problems(text, CLAIMS[slug]()) == []
    assert shape_problems(text) == []


def test_tangent_example_period_asymptote_and_height():
    """y = 3 tan(2x): period pi/2, first asymptote pi/4, height 3 at pi/8; the try-it's
    tan(4x) repeats after pi/4 and sec is 3 where cos is 1/3."""
    text = lesson("graphing-tangent-and-reciprocal-trig")
    xs = np.linspace(-0.7, 0.7, 11)
    assert np.allclose(3 * np.tan(2 * (xs + math.pi / 2)), 3 * np.tan(2 * xs))
    assert abs(math.cos(2 * math.pi / 4)) < 1e-12
    assert math.isclose(3 * math.tan(2 * math.pi / 8), 3)
    assert np.allclose(np.tan(4 * (xs + math.pi / 4)), np.tan(4 * xs))
    assert not np.allclose(np.tan(4 * (xs + math.pi / 8)), np.tan(4 * xs))
    assert math.isclose(1 / (1 / 3), 3)
    for phrase in (
        "the period is $\\frac{\\pi}{2}$",
        "so at $x = \\frac{\\pi}{4}$",
        "the period is $\\frac{\\pi}{4}$",
    ):
        assert phrase in text
    # tangent's period is pi, not 2 pi; secant never lies strictly between -1 and 1
    grid = np.linspace(-1.2, 1.2, 25)
    assert np.allclose(np.tan(grid + math.pi), np.tan(grid))
    assert np.all(np.abs(1 / np.cos(grid)) >= 1)


def test_trig_derivatives_match_difference_quotients():
    """The six rules, and both worked slopes, against a central difference."""
    h = 1e-6
    rules = {
        np.sin: np.cos,
        np.cos: lambda x: -np.sin(x),
        np.tan: lambda x: 1 / np.cos(x) ** 2,
        (lambda x: 1 / np.cos(x)): lambda x: np.tan(x) / np.cos(x),
        (lambda x: 1 / np.sin(x)): lambda x: -1 / (np.sin(x) * np.tan(x)),
        (lambda x: 1 / np.tan(x)): lambda x: -1 / np.sin(x) ** 2,
    }
    xs = np.array([0.3, 0.9, 1.2, 2.0])
    for f, df in rules.items():
        assert np.allclose((f(xs + h) - f(xs - h)) / (2 * h), df(xs), rtol=1e-6)

    def slope(f, x):
        return (f(x + h) - f(x - h)) / (2 * h)

    a, b, x = SINE_EXAMPLE
    assert math.isclose(slope(lambda t: a * math.sin(b * t), x), 7.5, rel_tol=1e-6)
    assert math.isclose(slope(math.tan, math.pi / 4), 2, rel_tol=1e-6)
    a, b, x = COSINE_TRY
    assert math.isclose(slope(lambda t: a * math.cos(b * t), x), -4, rel_tol=1e-6)
    text = lesson("derivatives-of-trigonometric-functions")
    assert "$g'(x) = -8\\sin(2x)$" in text and "$f'(x) = 15\\cos(3x)$" in text


def _polynomial(coefficients, x):
    """The polynomial with ``coefficients`` (highest power first) at ``x``."""
    return sum(c * x ** (len(coefficients) - 1 - i) for i, c in enumerate(coefficients))


def _derivative(coefficients):
    top = len(coefficients) - 1
    return [c * (top - i) for i, c in enumerate(coefficients[:-1])]


def test_antiderivative_examples_differentiate_back_and_meet_their_points():
    """F = 2x^3 - 2x^2 + x + 3 has F' = 6x^2 - 4x + 1, F(0) = 3, F(2) = 13; the try-it's
    F = x^4 + 2x + 2 has F' = 4x^3 + 2, F(1) = 5, F(2) = 22; raising without dividing
    gives a derivative three times too big."""
    big_f = [2, -2, 1, 3]
    assert _derivative(big_f) == [6, -4, 1]
    assert _polynomial(big_f, 0) == 3 and _polynomial(big_f, 2) == 13
    tried = [1, 0, 0, 2, 2]
    assert _derivative(tried) == [4, 0, 0, 2]
    assert _polynomial(tried, 1) == 5 and _polynomial(tried, 2) == 22
    assert _derivative([6, 0, 0, 0]) == [18, 0, 0]
    h, x = 1e-6, 0.4
    slope = (math.sin(3 * (x + h)) / 3 - math.sin(3 * (x - h)) / 3) / (2 * h)
    assert math.isclose(slope, math.cos(3 * x), rel_tol=1e-6)
    text = lesson("antiderivatives")
    for phrase in ("$F(x) = 2x^3 - 2x^2 + x + C.$", "$F(x) = x^4 + 2x + C$", "$18x^2$"):
        assert phrase in text


def test_indefinite_integral_examples_differentiate_back():
    """3x^4 - 2x^3 + 4x^2 - 5x differentiates to 12x^3 - 6x^2 + 8x - 5; 3x^3 + 5x^2 - 7x to
    9x^2 + 10x - 7; the old-power slip 4x^4 to 16x^3."""
    assert _derivative([3, -2, 4, -5, 0]) == [12, -6, 8, -5]
    assert _derivative([3, 5, -7, 0]) == [9, 10, -7]
    assert _derivative([4, 0, 0, 0, 0]) == [16, 0, 0, 0]
    h, x = 1e-6, 0.7

    def mixed(t):
        return 4 * math.sin(t) + 3 * math.exp(t)

    slope = (mixed(x + h) - mixed(x - h)) / (2 * h)
    assert math.isclose(slope, 4 * math.cos(x) + 3 * math.exp(x), rel_tol=1e-6)
    text = lesson("indefinite-integrals")
    for phrase in ("3x^4 - 2x^3 + 4x^2 - 5x + C", "$3x^3 + 5x^2 - 7x + C$", "$16x^3$"):
        assert phrase in text


def test_basic_rules_example_and_try_it_differentiate_back():
    """2x^(3/2) - 2x^(-2) + 2 ln x differentiates to 3 sqrt x + 4/x^3 + 2/x; 2e^(3x) to
    6e^(3x); x^5 - 3 ln x + 4e^(2x) to 5x^4 - 3/x + 8e^(2x); the old-power slip on 4x^-3
    differentiates to the wrong multiple."""
    h = 1e-6

    def slope(f, x):
        return (f(x + h) - f(x - h)) / (2 * h)

    for x in (0.5, 1.3, 2.0):
        example = slope(lambda t: 2 * t**1.5 - 2 * t**-2 + 2 * math.log(t), x)
        assert math.isclose(example, 3 * math.sqrt(x) + 4 / x**3 + 2 / x, rel_tol=1e-6)
        assert math.isclose(slope(lambda t: 2 * math.exp(3 * t), x), 6 * math.exp(3 * x))
        tried = slope(lambda t: t**5 - 3 * math.log(t) + 4 * math.exp(2 * t), x)
        assert math.isclose(tried, 5 * x**4 - 3 / x + 8 * math.exp(2 * x), rel_tol=1e-6)
        slip = slope(lambda t: 4 / -3 * t**-2, x)
        assert not math.isclose(slip, 4 * x**-3, rel_tol=1e-3)
    text = lesson("basic-integration-rules")
    for phrase in (
        "= 2x^{3/2} - \\frac{2}{x^2} + 2\\ln x + C",
        "$\\int 6e^{3x}\\,dx = 2e^{3x} + C$",
        "$x^5 - 3\\ln|x| + 4e^{2x} + C$",
    ):
        assert phrase in text


def test_parts_examples_differentiate_back():
    """x e^(2x)/2 - e^(2x)/4, x ln x - x and x e^(3x)/3 - e^(3x)/9 differentiate to their
    integrands; the factor-by-factor slip x^2/2 * e^(2x)/2 does not."""
    h = 1e-6

    def slope(f, x):
        return (f(x + h) - f(x - h)) / (2 * h)

    for x in (0.4, 1.1, 1.7):
        worked = slope(lambda t: t * math.exp(2 * t) / 2 - math.exp(2 * t) / 4, x)
        assert math.isclose(worked, x * math.exp(2 * x), rel_tol=1e-6)
        assert math.isclose(slope(lambda t: t * math.log(t) - t, x), math.log(x), abs_tol=1e-6)
        tried = slope(lambda t: t * math.exp(3 * t) / 3 - math.exp(3 * t) / 9, x)
        assert math.isclose(tried, x * math.exp(3 * x), rel_tol=1e-6)
        slip = slope(lambda t: t * t / 2 * math.exp(2 * t) / 2, x)
        assert not math.isclose(slip, x * math.exp(2 * x), rel_tol=1e-3)
    text = lesson("integration-by-parts")
    for phrase in (
        "\\frac{1}{2}x e^{2x} - \\frac{1}{4}e^{2x} + C",
        "x\\ln x - x + C",
        "$\\frac{1}{3}x e^{3x} - \\frac{1}{9}e^{3x} + C$",
    ):
        assert phrase in text


def test_substitution_examples_differentiate_back():
    """(x^2 + 1)^4 / 4, e^(x^2) / 2, (3x - 1)^6 / 18 and (x^3 + 2)^5 / 5 differentiate to
    their integrands; the slip (3x - 1)^6 / 6 is three times too steep."""
    h = 1e-6

    def slope(f, x):
        return (f(x + h) - f(x - h)) / (2 * h)

    for x in (0.3, 0.8, 1.2):
        pairs = [
            (lambda t: (t * t + 1) ** 4 / 4, 2 * x * (x * x + 1) ** 3),
            (lambda t: math.exp(t * t) / 2, x * math.exp(x * x)),
            (lambda t: (3 * t - 1) ** 6 / 18, (3 * x - 1) ** 5),
            (lambda t: (t**3 + 2) ** 5 / 5, 3 * x * x * (x**3 + 2) ** 4),
        ]
        for f, integrand in pairs:
            assert math.isclose(slope(f, x), integrand, rel_tol=1e-6, abs_tol=1e-9)
        slip = slope(lambda t: (3 * t - 1) ** 6 / 6, x)
        assert math.isclose(slip, 3 * (3 * x - 1) ** 5, rel_tol=1e-6, abs_tol=1e-9)
    text = lesson("integration-by-substitution")
    for phrase in (
        "\\frac{(x^2 + 1)^4}{4} + C",
        "\\frac{1}{2}e^{x^2} + C",
        "\\frac{(3x - 1)^6}{18} + C",
        "\\frac{(x^3 + 2)^5}{5} + C",
    ):
        assert phrase in text


def _riemann(f, a, b, n, offset):
    width = Fraction(b - a, n)
    return width * sum(f(a + (i + offset) * width) for i in range(n))


def test_riemann_sums_of_x_squared_and_the_true_area():
    """x^2 on [0, 2] with 4 strips: left 7/4, right 15/4, midpoint 21/8, against the
    area 8/3 (checked by a fine midpoint sum); the try-it's right sum on [0, 3] is 14,
    area 9."""

    def square(x):
        return x * x

    assert _riemann(square, 0, 2, 4, 0) == Fraction(7, 4)
    assert _riemann(square, 0, 2, 4, 1) == Fraction(15, 4)
    assert _riemann(square, 0, 2, 4, Fraction(1, 2)) == Fraction(21, 8)
    fine = _riemann(square, 0, 2, 2000, Fraction(1, 2))
    assert abs(fine - Fraction(8, 3)) < Fraction(1, 10**5)
    assert _riemann(square, 0, 2, 4, 0) < Fraction(8, 3) < _riemann(square, 0, 2, 4, 1)
    assert _riemann(square, 0, 3, 3, 1) == 14
    assert abs(_riemann(square, 0, 3, 3000, Fraction(1, 2)) - 9) < Fraction(1, 10**5)
    text = lesson("riemann-sums")
    for phrase in ("The true area turns out to be $\\frac{8}{3}$", "(the true area is $9$)"):
        assert phrase in text


def test_definite_integral_examples_by_sums():
    """Right sums of x on [0, 1] are (n + 1)/(2n), 11/20 at n = 10, tending to 1/2; the
    integral of x - 1 on [0, 4] is 4 while the unsigned area is 5; the try-it gives 4."""
    for n in (3, 10, 50):
        assert _riemann(lambda x: x, 0, 1, n, 1) == Fraction(n + 1, 2 * n)
    assert _riemann(lambda x: x, 0, 1, 10, 1) == Fraction(11, 20)
    assert _riemann(lambda x: x - 1, 0, 4, 400, Fraction(1, 2)) == 4
    assert _riemann(lambda x: abs(x - 1), 0, 4, 400, Fraction(1, 2)) == 5
    assert -(3 + (-7)) == 4
    text = lesson("definite-integral-definition")
    for phrase in ("the integral is $4$", "reversing the limits gives $4$"):
        assert phrase in text


def test_surprisal_adds_for_independent_events_and_the_curve_is_minus_log2():
    """Rain at 1/8 and a six: 1/48, whose bits are the sum; the forecast's entropy; the
    card's bits split into suit and rank; the plotted base-1/2 logarithm is -log2 p,
    reaching 1 bit at p = 1/2; adding the chances overshoots either one."""
    text = squash(lesson("self-information"))
    rain, six = Fraction(1, 8), Fraction(1, 6)
    assert rain * six == Fraction(1, 48)
    assert math.isclose(math.log2(48), math.log2(8) + math.log2(6))
    assert "is exactly the sum of the two surprises" in text
    entropy = -(rain * math.log2(rain) + (1 - rain) * math.log2(1 - rain))
    assert round(entropy, 3) == 0.544
    assert math.isclose(math.log2(52), math.log2(4) + math.log2(13))
    assert math.isclose(-math.log2(Fraction(13, 52)), 2) and Fraction(13, 52) == Fraction(1, 4)
    ps = np.linspace(0.01, 1, 50)
    assert np.allclose(np.log(ps) / np.log(SURPRISAL_BASE), -np.log2(ps))
    (line,) = PLOT_LINES["self-information"]()
    assert "reaching 1 at x = 0.5" in plot_summary(line)
    assert "reaches 1 bit at $p = \\frac{1}{2}$" in text
    assert rain + six > max(rain, six) and "larger than either chance alone" in text
    # additivity: the surprisal of a product is the sum, for any independent pair
    for p, q in ((0.3, 0.7), (0.05, 0.5), (1.0, 0.2)):
        assert math.isclose(-math.log2(p * q), -math.log2(p) - math.log2(q))


def test_lhopital_limits_agree_with_values_close_to_the_point():
    """Each limit the lesson states, against the function a little way from its point."""
    text = squash(lesson("lhopitals-rule"))
    near = {
        "cube over square at 2": (lambda x: (x**3 - 8) / (x**2 - 4), 2, 3),
        "square over e^x at infinity": (lambda x: x * x / math.exp(x), math.inf, 0),
        "p ln p at 0": (lambda p: p * math.log(p), 0, 0),
        "ln x over x - 1 at 1": (lambda x: math.log(x) / (x - 1), 1, 1),
        "1 - cos x over x^2 at 0": (lambda x: (1 - math.cos(x)) / x**2, 0, 0.5),
    }
    for f, point, limit in near.values():
        xs = [60.0, 80.0] if point == math.inf else [point + 1e-4, point + 1e-5]
        assert all(math.isclose(f(x), limit, abs_tol=1e-3) for x in xs)
    # one step of the rule on p ln p = ln p / (1/p) leaves -p
    for p in (0.3, 0.01):
        assert math.isclose((1 / p) / (-1 / p**2), -p)
    # the not-indeterminate trap: (x + 1)/(x + 2) at 1 is 2/3, the derivatives' ratio 1
    assert Fraction(1 + 1, 1 + 2) == Fraction(2, 3)
    for phrase in ("is simply $\\frac{2}{3}$", "would wrongly give 1", "which tends to 0"):
        assert phrase in text


def _area(f, a: float, b: float, n: int = 20000) -> float:
    """A fine midpoint sum of ``f`` over [a, b]."""
    xs = a + (np.arange(n) + 0.5) * (b - a) / n
    return float(np.sum(f(xs))) * (b - a) / n


def test_fundamental_theorem_examples_against_sums_and_difference_quotients():
    """8/3 and the plotted midpoint sum 21/8; 34 for 3x^2 + 2x on [1, 3] (36 without F(1));
    G'(2) = 4 sqrt 65 by differencing a numerical running area; the try-it's 14/3 and 27."""
    text = squash(lesson("fundamental-theorem-of-calculus"))
    a, b, n = FTC_STRIPS
    assert _riemann(lambda x: x * x, a, b, n, Fraction(1, 2)) == Fraction(21, 8)
    (line,) = PLOT_LINES["fundamental-theorem-of-calculus"]()
    shown = plot_summary(line)
    assert "Midpoint sum: 2.625" in shown and "0.0417 less" in shown
    assert math.isclose(float(Fraction(8, 3) - Fraction(21, 8)), 0.0417, abs_tol=5e-5)
    assert math.isclose(_area(lambda x: 3 * x * x + 2 * x, 1, 3), 34, rel_tol=1e-8)
    assert 3**3 + 3**2 == 36 and "taking $F(3) = 36$ as the integral" in text

    def running(x: float) -> float:
        return _area(lambda t: np.sqrt(1 + t**3), 0, x * x)

    h = 1e-3
    slope = (running(2 + h) - running(2 - h)) / (2 * h)
    assert math.isclose(slope, 4 * math.sqrt(65), rel_tol=1e-5)
    assert math.isclose(_area(np.sqrt, 1, 4), 14 / 3, rel_tol=1e-7)
    three = (_area(lambda t: t * t, 5, 3 * (1 + h)) - _area(lambda t: t * t, 5, 3 * (1 - h))) / (
        2 * h
    )
    assert math.isclose(three, 27, rel_tol=1e-5) and "$G'(1) = 9 \\times 3 = 27$" in text
    # the telescoping sum of the mean value theorem proof: F(x_i) - F(x_{i-1}) add up
    big_f = lambda x: x**3 / 3  # noqa: E731
    points = np.linspace(0, 2, 9)
    assert math.isclose(float(np.sum(np.diff(big_f(points)))), 8 / 3)


def test_improper_integrals_are_the_limits_the_lesson_states():
    """Finite integrals against fine sums, their limits against a long sum, and the
    divergent ones growing; the plotted curve is 2^-x."""
    text = squash(lesson("improper-integrals"))
    (line,) = PLOT_LINES["improper-integrals"]()
    assert "(1, 0.5), (2, 0.25)" in plot_summary(line)
    start, base = HALVING
    for b in (3, 10):
        assert math.isclose(
            _area(lambda x: start * base**x, 0, b), (1 - 2.0**-b) / math.log(2), rel_tol=1e-7
        )
    assert math.isclose(_area(lambda x: 2.0**-x, 0, 60, 200000), 1 / math.log(2), rel_tol=1e-6)
    for b in (4, 50):
        assert math.isclose(_area(lambda x: x**-2.0, 1, b), 1 - 1 / b, rel_tol=1e-6)
        assert math.isclose(_area(lambda x: 1 / x, 1, b), math.log(b), rel_tol=1e-6)
        assert math.isclose(
            _area(lambda x: 3 * np.exp(-3 * x), 0, b), 1 - math.exp(-3 * b), rel_tol=1e-5
        )
        assert math.isclose(_area(lambda x: 8 / x**3, 2, b), 1 - 4 / b**2, rel_tol=1e-6)
        assert math.isclose(
            _area(lambda x: 5 * np.exp(-x), 0, b), 5 - 5 * math.exp(-b), rel_tol=1e-5
        )
    for a in (0.25, 0.01):
        assert math.isclose(_area(lambda x: x**-0.5, a, 1), 2 - 2 * math.sqrt(a), rel_tol=1e-6)
    # p-integrals up to b: (1 - b^(1 - p)) / (p - 1), which tends to 1/(p - 1) for p > 1
    for p in (1.5, 2, 3):
        b = 100.0
        tail = (1 - b ** (1 - p)) / (p - 1)
        assert math.isclose(_area(lambda x, p=p: x**-p, 1, b, 10**6), tail, rel_tol=1e-6)
    # the blow-up at 0: the formula gives -2, each half grows without bound
    assert (-1 / 1) - (-1 / -1) == -2 and "= -2$, a negative area" in text
    assert _area(lambda x: x**-2.0, 1e-4, 1) > 9000


def test_taylor_series_partial_sums_and_where_they_fail():
    """The partial sums stated for e and ln 1.5; the logarithm's terms at 2 growing; the
    Poisson total; the KL approximation for nearby distributions; e^(-x^2)'s terms."""
    text = squash(lesson("taylor-series"))
    assert sum(Fraction(1, math.factorial(k)) for k in range(6)) == Fraction(163, 60)
    assert abs(math.e - sum(1 / math.factorial(k) for k in range(20))) < 1e-15
    half = Fraction(1, 2)
    partial = sum((-1) ** (k + 1) * half**k / k for k in range(1, 5))
    assert partial == Fraction(77, 192) < Fraction(math.log(1.5))
    long = sum((-1) ** (k + 1) * 0.5**k / k for k in range(1, 60))
    assert math.isclose(long, math.log(1.5))
    terms = [(-1) ** (k + 1) * Fraction(2**k, k) for k in range(1, 6)]
    assert terms == [2, -2, Fraction(8, 3), -4, Fraction(32, 5)]
    assert all(abs(b) >= abs(a) for a, b in zip(terms, terms[1:], strict=False))
    for lam in (0.5, 3.0):
        total = sum(math.exp(-lam) * lam**k / math.factorial(k) for k in range(60))
        assert math.isclose(total, 1)
    q = np.array([0.5, 0.3, 0.2])
    p = q + np.array([0.01, -0.004, -0.006])
    kl = float(np.sum(p * np.log(p / q)))
    assert math.isclose(kl, 0.5 * float(np.sum((p - q) ** 2 / q)), rel_tol=0.05)
    assert math.isclose(sum(2**k / math.factorial(k) for k in range(40)), math.exp(2))
    x = 0.1
    assert abs(math.exp(-(x**2)) - (1 - x**2 + x**4 / 2)) < x**6
    assert "$1 - x^2 + \\frac{x^4}{2}$" in text


def test_poisson_sums_to_one_has_mean_and_variance_lambda_and_is_the_binomial_limit():
    text = squash(lesson("poisson-distribution"))
    for lam in (CALLS, TYPOS):
        pmf = np.array([poisson(lam, k) for k in range(80)])
        ks = np.arange(80)
        assert math.isclose(pmf.sum(), 1)
        mean = float((ks * pmf).sum())
        assert math.isclose(mean, lam) and math.isclose(float(((ks - mean) ** 2 * pmf).sum()), lam)
        # the k-th term of the mean is lambda times the (k - 1)-th probability
        assert np.allclose(ks[1:] * pmf[1:], lam * pmf[:-1])
    # binomial(n, lam/n) approaches the Poisson probabilities as n grows
    gaps = [
        abs(math.comb(n, 2) * (CALLS / n) ** 2 * (1 - CALLS / n) ** (n - 2) - poisson(CALLS, 2))
        for n in (10, 100, 10000)
    ]
    assert gaps[0] > gaps[1] > gaps[2] < 1e-4
    assert CALLERS * RING == CALLS and "needs neither the number of callers" in text
    # without k! the values are twice the truth at k = 2; without e^-lambda they total e^lambda
    assert math.isclose(CALLS**2 * math.exp(-3) / poisson(CALLS, 2), 2)
    assert "twice the true value" in text
    assert math.isclose(sum(CALLS**k / math.factorial(k) for k in range(60)), math.exp(CALLS))
    # the closed-form KL against a direct sum
    lam, mu = 3.0, 2.0
    direct = sum(poisson(lam, k) * math.log(poisson(lam, k) / poisson(mu, k)) for k in range(80))
    assert math.isclose(direct, lam * math.log(lam / mu) + mu - lam)


def test_battery_density_areas_and_the_try_it():
    """1 - x/2 on [0, 2] has area 1; the first year 3/4, half to one and a half 1/2 (the
    plotted height at 1 times the width, as for any line); heights subtracted for the first
    year give 1/2; the try-it's k(x + 1) has k = 1/4 and P(X >= 1) = 5/8."""
    text = squash(lesson("pdfs-and-continuous-distributions"))
    slope, intercept, marked = BATTERY
    f = lambda x: slope * x + intercept  # noqa: E731
    assert math.isclose(_area(f, 0, 2), 1)
    assert math.isclose(_area(f, 0, 1), 3 / 4) and math.isclose(_area(f, 0.5, 1.5), 1 / 2)
    assert math.isclose(f(marked), 1 / 2) and math.isclose(_area(f, 0.5, 1.5), f(1) * 1)
    (line,) = PLOT_LINES["pdfs-and-continuous-distributions"]()
    assert "crossing the y-axis at 1 and the x-axis at 2" in plot_summary(line)
    assert "Marked: the point (1, 0.5)" in plot_summary(line)
    assert f(0) - f(1) == 1 / 2 != _area(f, 0, 1) and "not $\\frac{3}{4}$" in text
    assert math.isclose(f(0.5) - f(1.5), _area(f, 0.5, 1.5)) and "happens to match" in text
    a, b = REACTION
    assert math.isclose(_area(lambda x: 0 * x + 1 / (b - a), a, b), 1)
    # the reaction time's differential entropy, -integral of f log2 f, is below 0
    height = 1 / (b - a)
    entropy = -_area(lambda x: 0 * x + height * math.log2(height), a, b)
    assert math.isclose(entropy, math.log2(b - a)) and entropy < 0
    assert "it can be negative" in text and "entropy, treats heights as if" in text
    k = 1 / _area(lambda x: x + 1, 0, 2)
    assert math.isclose(k, 1 / 4) and math.isclose(k * _area(lambda x: x + 1, 1, 2), 5 / 8)
    # a bar chart of monthly probability over width settles on the density
    months = np.arange(24) / 12
    bars = np.array([_area(f, m, m + 1 / 12) for m in months]) * 12
    assert np.allclose(bars, f(months + 1 / 24), atol=1e-9)


def test_cdf_examples_die_battery_bell_coins_and_waiting_time():
    text = squash(lesson("cumulative-distribution-functions"))
    die = [Fraction(sum(1 for face in range(1, 7) if face <= x), 6) for x in range(7)]
    assert die[3] == Fraction(1, 2) and die[4] - die[1] == Fraction(1, 2)
    assert die[4] - die[2] == Fraction(2, 6) and Fraction(1, 6) == die[2] - die[1]
    # the battery: F is the running area of 1 - x/2, F(1) = 3/4, the median 2 - sqrt 2
    f = lambda x: 1 - x / 2  # noqa: E731
    for x in (0.3, 1.0, 1.7):
        assert math.isclose(_area(f, 0, x), x - x * x / 4, rel_tol=1e-9)
    median = 2 - math.sqrt(2)
    assert math.isclose(median - median**2 / 4, 0.5) and median**2 - 4 * median + 2 < 1e-12
    # the plotted bell: F rises through 1/2 at 0 and by 0.6827 from -1 to 1
    (line,) = PLOT_LINES["cumulative-distribution-functions"]()
    shown = plot_summary(line)
    assert "passes 0.5 at the mean, x = 0" in shown and "= 0.6827" in shown
    normal_cdf = lambda z: 0.5 * (1 + math.erf(z / math.sqrt(2)))  # noqa: E731
    assert round(normal_cdf(1) - normal_cdf(-1), 4) == 0.6827
    # inverse sampling: F^-1(U) for the battery has the battery's CDF
    u = np.random.default_rng(0).random(200000)
    draws = 2 - 2 * np.sqrt(1 - u)  # solves x - x^2/4 = u on [0, 2]
    assert abs(float(np.mean(draws <= 1)) - 0.75) < 0.01
    assert "solving $F(x) = U$" in text
    coins = [Fraction(math.comb(3, k), 8) for k in range(4)]
    assert coins[0] + coins[1] == Fraction(1, 2) == coins[2] + coins[3]
    assert math.isclose(1 - math.exp(-2 * math.log(2) / 2), 0.5)


def test_the_help_desk_bars_have_two_equal_peaks_and_little_past_ten_calls():
    text = squash(lesson("poisson-distribution"))
    (line,) = PLOT_LINES["poisson-distribution"]()
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    data = spec.kind.compute(spec.args)
    probs = [poisson(CALLS, k) for k in range(11)]
    assert np.allclose(data.series["p"], probs, rtol=1e-12)
    assert math.isclose(probs[2], probs[3]) and max(probs) == pytest.approx(probs[2])
    assert "Two calls and three calls are equally likely, the tallest bars" in text
    assert 1 - sum(probs) < 0.001 and "past 10 calls hardly any probability is left" in text
    assert data.series["mean"] == CALLS and data.series["sd"] == pytest.approx(math.sqrt(CALLS))
    summary = plot_summary(line)
    assert "Mean λ = 3; variance λ = 3" in summary and "0.0003 lies outside" in summary
