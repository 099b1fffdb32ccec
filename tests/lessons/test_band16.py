"""The lessons of band 16 (densities, continuous random variables, the Gaussian, Jensen's
inequality and codes): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula, computed here from the example's inputs (densities
integrated numerically as well as in closed form), and the tests below recompute the facts
the lessons state in words.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from practice import kl_engine as ke
from practice.families.band16 import LESSON_WAIT
from tests.knowledge_graph.test_explainers import huffman_lengths
from tests.lessons.checker import (
    Claim,
    claim,
    lesson,
    lesson_problems,
    no_claims,
    shape_problems,
    squash,
)
from tests.lessons.pages import check_topic_pages
from tests.lessons.test_lesson_plots import shown

NARROW_SIGMA = 0.2  # probability-density-functions: a Gaussian taller than 1
RATE, WAIT = 2.0, (0.5, 1.0)  # the exponential waiting time, and the interval asked about
TRY_DENSITY = (Fraction(3, 8), 2)  # its try-it: c x^2 on [0, 2]
SLIP_TOP = 6  # its common mistake: c x on [0, 6] given a peak of 1


def area(f, a: float, b: float, n: int = 200_000) -> float:
    """The integral of ``f`` from ``a`` to ``b`` by the midpoint rule."""
    width = (b - a) / n
    xs = a + width * (np.arange(n) + 0.5)
    return float(np.sum(f(xs)) * width)


def exponential(x):
    return RATE * np.exp(-RATE * x)


def density_claims() -> list[Claim]:
    lo, hi = WAIT
    peak = float(ke.gaussian_pdf(0.0, 0.0, NARROW_SIGMA))
    return [
        claim(
            "The Gaussian with $\\sigma = «g»$ peaks at"
            " $\\frac{1}{«g»\\sqrt{2\\pi}} \\approx «.3f»$",
            [NARROW_SIGMA, NARROW_SIGMA, peak],
        ),
        claim("$e^{-1} - e^{-2} \\approx «.3f»$", [area(exponential, lo, hi)]),
        claim("$e^{-2} \\approx «.3f»$", [area(exponential, hi, 40.0)]),
    ]


DART = (0.5, 0.8)  # continuous-random-variables: F(r) = r^2, P(0.5 < R <= 0.8)


def dart_cdf(r):
    """The share of a board of radius 1 within ``r`` of its centre: area over area."""
    return (math.pi * r * r) / math.pi


def dart_claims() -> list[Claim]:
    lo, hi = DART
    slope = (dart_cdf(lo + 1e-6) - dart_cdf(lo - 1e-6)) / 2e-6
    return [
        claim(
            "$$P(«g» < R \\le «g») = F(«g») - F(«g») = «g»^2 - «g»^2,$$",
            [lo, hi, hi, lo, hi, lo],
        ),
        claim(
            "which is $«.2f» - «.2f» = «.2f»$.",
            [dart_cdf(hi), dart_cdf(lo), dart_cdf(hi) - dart_cdf(lo)],
        ),
        claim("At $r = «g»$ the slope of $F$ is $«.0f»$", [lo, slope]),
        claim(
            "$F(«g») = «g»$ is the chance that the dart lands within $«g»$", [lo, dart_cdf(lo), lo]
        ),
        claim(
            "$f(«g») = «.0f»$ is not the chance of anything, and $P(R = «g») = 0$", [lo, slope, lo]
        ),
    ]


HEIGHTS = (70, 8, 62, 86)  # gaussian-distribution: exam marks N(70, 64) between 62 and 86
SCORES = (100, 15, 130)  # its try-it: N(100, 225) above 130


def table(z: float) -> float:
    """The standard normal CDF at ``z`` to 4 places, as a printed table gives it."""
    return round(float(ke.gaussian_cdf(z, 0.0, 1.0)), 4)


def gaussian_claims() -> list[Claim]:
    mu, sigma, lo, hi = HEIGHTS
    z_lo, z_hi = (lo - mu) / sigma, (hi - mu) / sigma
    within = [float(ke.gaussian_cdf(k, 0, 1) - ke.gaussian_cdf(-k, 0, 1)) for k in (1, 2, 3)]
    shaded = float(ke.gaussian_cdf(hi, mu, sigma) - ke.gaussian_cdf(lo, mu, sigma))
    peak = float(ke.gaussian_pdf(mu, mu, sigma))
    z_try = (SCORES[2] - SCORES[0]) / SCORES[1]
    return [
        claim("About «.0f»% of the area", [100 * within[0]]),
        claim("«.0f»% within two and «.1f»% within three", [100 * within[1], 100 * within[2]]),
        claim(
            "$\\Phi(«g») = «.4f»$ and $\\Phi(«g») = «.4f»$",
            [z_hi, table(z_hi), -z_lo, table(-z_lo)],
        ),
        claim(
            "= \\Phi(«g») - \\Phi(«g») = «.4f» - «.4f» = «.4f»,$$",
            [z_hi, z_lo, table(z_hi), 1 - table(-z_lo), table(z_hi) - (1 - table(-z_lo))],
        ),
        claim("$\\Phi(«g») = 1 - «.4f» = «.4f»$", [z_lo, table(-z_lo), 1 - table(-z_lo)]),
        claim("against $«.4f»$ for the shaded area", [shaded]),
        claim("\\approx «.4f»$", [peak]),
        claim(
            "it is $«g»$ nats, the squared distance",
            [ke.gaussian_kl(0.0, 1.0, 1.0, 1.0, base=math.e)],
        ),
        claim("Given $\\Phi(«g») = «.4f»$", [z_try, table(z_try)]),
    ]


WEATHER = (Fraction(1, 2), Fraction(1, 4), Fraction(1, 8), Fraction(1, 8))
WEATHER_CODE = ("0", "10", "110", "111")  # sunny, cloudy, rain, snow
FIVE = ((0.4, 0.2, 0.2, 0.1, 0.1), ("0", "100", "101", "110", "111"))  # the try-it


def fixed_length(n: int) -> int:
    """The fewest bits k with 2^k >= n, by doubling."""
    k = 0
    while 2**k < n:
        k += 1
    return k


def variable_length_claims() -> list[Claim]:
    average = sum(p * len(w) for p, w in zip(WEATHER, WEATHER_CODE, strict=True))
    saved = 1000 * (fixed_length(4) - average)
    return [
        claim("four symbols need «g» bits each, and five already need «g»", [2, 3]),
        claim("spends «g» bits on each report", [fixed_length(len(WEATHER))]),
        claim("«g» bits saved on every thousand reports", [saved]),
        claim("compare its lengths with the fixed «g» bits", [fixed_length(4)]),
        claim("worse than «g» bits", [fixed_length(4)]),
        claim("$\\lceil \\log_2 5 \\rceil = «g»$ bits", [fixed_length(5)]),
        claim("probabilities $«g»$, $«g»$, $«g»$, $«g»$, $«g»$ and codewords", FIVE[0]),
    ]


PREFIX_CODE = {"A": "0", "B": "10", "C": "110", "D": "111"}  # prefix-codes
TRY_PREFIX = ("1", "01", "001", "000")


def kraft(lengths) -> Fraction:
    return sum((Fraction(1, 2**ell) for ell in lengths), Fraction(0))


def prefix_claims() -> list[Claim]:
    room = 1 - kraft([2, 2, 3])
    shortest = next(ell for ell in range(1, 10) if Fraction(1, 2**ell) <= room)
    return [claim("a fourth codeword as short as «g» bits", [shortest])]


def decode(bits: str, words: dict[str, str]) -> list[str]:
    """Read ``bits`` left to right, emitting a symbol as soon as a codeword is complete."""
    out, held = [], ""
    for bit in bits:
        held += bit
        found = [s for s, w in words.items() if w == held]
        if found:
            out.append(found[0])
            held = ""
    assert held == "", "bits left over"
    return out


CLAIMS = {
    "probability-density-functions": density_claims,
    "continuous-random-variables": dart_claims,
    "expected-value-of-a-continuous-random-variable": no_claims,
    "gaussian-distribution": gaussian_claims,
    "variable-length-codes": variable_length_claims,
    "prefix-codes": prefix_claims,
}
LESSONS = tuple(CLAIMS)

PLOT_LINES = {
    "probability-density-functions": lambda: [
        f"[[plot:normal mu=0 sigma={NARROW_SIGMA:g} curve=density shade=between "
        f"a={-NARROW_SIGMA:g} b={NARROW_SIGMA:g}]]"
    ],
    "gaussian-distribution": lambda: [
        "[[plot:normal mu={} sigma={} curve=density shade=between a={} b={}]]".format(*HEIGHTS)
    ],
    "variable-length-codes": lambda: [
        "[[plot:code-lengths p={} q={}]]".format(
            ",".join(f"{float(p):g}" for p in WEATHER), ",".join(["0.25"] * 4)
        )
    ],
    "continuous-random-variables": lambda: [
        f"[[plot:function family=quadratic a=1 b=0 c=0 xmin=0 xmax=1 mark=tangent x0={DART[0]:g}]]"
    ],
}


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed_and_it_has_a_lessons_shape(slug):
    text = lesson(slug)
    assert lesson_problems(text, CLAIMS[slug]()) == []
    assert shape_problems(text) == []


def test_density_examples_have_area_one_and_the_stated_probabilities():
    """The uniform density of height 4 on [0, 1/4], the exponential 2e^(-2x) and the
    try-it's 3x^2/8 on [0, 2] all have area 1; the narrow Gaussian is taller than 1 and holds
    about two thirds of its area within one sigma (as its plot says); P(X < 1) = 1/8, and a
    peak of height 1 (c = 1/4) would leave an area of 2/3, not the right constant."""
    text = squash(lesson("probability-density-functions"))
    assert math.isclose(area(lambda x: 4 + 0 * x, 0, 0.25), 1)
    assert math.isclose(area(exponential, 0, 40), 1, rel_tol=1e-6)
    assert exponential(0.0) == RATE > 1 and exponential(0.3) < exponential(0.1)
    assert (RATE, *WAIT) == LESSON_WAIT  # the example its practice never asks again
    c, top = TRY_DENSITY
    assert math.isclose(area(lambda x: float(c) * x * x, 0, top), 1, rel_tol=1e-9)
    assert math.isclose(area(lambda x: float(c) * x * x, 0, 1), 1 / 8, rel_tol=1e-9)
    # the common mistake: c x on [0, 6] scaled to a peak of 1 has area 3, not 1
    wrong = Fraction(1, SLIP_TOP)  # the peak 6c = 1
    assert math.isclose(area(lambda x: float(wrong) * x, 0, SLIP_TOP), 3, rel_tol=1e-9)
    assert math.isclose(area(lambda x: x, 0, SLIP_TOP), 18, rel_tol=1e-9)
    assert math.isclose(area(lambda x: x / 18, 0, SLIP_TOP), 1, rel_tol=1e-9)
    # the try-it tells the right constant from the one that makes the peak 1
    peak_one = 1 / Fraction(top) ** 2
    assert peak_one != c and peak_one * Fraction(top) ** 3 / 3 == Fraction(2, 3)
    # a larger rate starts higher and falls faster, and its area stays 1
    assert 3 * math.exp(-3 * 0.0) > RATE and 3 * math.exp(-3 * 1.0) < exponential(1.0)
    assert math.isclose(area(lambda x: 3 * np.exp(-3 * x), 0, 40), 1, rel_tol=1e-6)
    (line,) = PLOT_LINES["probability-density-functions"]()
    summary = squash(shown(line).summary)
    assert "(height 1.9947)" in summary and "= 0.6827" in summary, summary
    assert "about two thirds of its area lies within one $\\sigma$" in text
    for phrase in (
        "has height $4$",
        "$f(x) = 2e^{-2x}$",
        "Here $f(0) = 2$, above 1",
        f"$f(x) = cx^2$ on $[0, {top}]$",
        f"so $c = \\frac{{{c.numerator}}}{{{c.denominator}}}$",
        f"would give $c = \\frac{{1}}{{{peak_one.denominator}}}$",
        f"a peak ${SLIP_TOP}c = 1$ gives $c = \\frac{{1}}{{{SLIP_TOP}}}$",
        "every probability three times too large",
        f"so $c = \\frac{{1}}{{{SLIP_TOP**2 // 2}}}$",
    ):
        assert phrase in text, phrase


def test_dart_cdf_by_simulation_and_its_density_and_the_try_it():
    """Uniform points of the unit disc: the share within r is r^2 (by a sample), the
    density 2r is F's slope (1 at 0.5, as the plot's tangent shows, 2 at the rim), and
    the try-it's x^3 has density 3x^2 and P(X > 1/2) = 7/8."""
    rng = np.random.default_rng(16)
    points = rng.uniform(-1, 1, size=(400_000, 2))
    r = np.hypot(points[:, 0], points[:, 1])
    r = r[r <= 1]
    for x in (0.3, 0.5, 0.8):
        assert abs(np.mean(r <= x) - dart_cdf(x)) < 0.005
    lo, hi = DART
    assert abs(np.mean((r > lo) & (r <= hi)) - 0.39) < 0.005
    for x in (0.2, 0.5, 1.0):
        slope = (dart_cdf(x + 1e-6) - dart_cdf(x - 1e-6)) / 2e-6
        assert math.isclose(slope, 2 * x, rel_tol=1e-6)
    (line,) = PLOT_LINES["continuous-random-variables"]()
    summary = squash(shown(line).summary)
    assert "The tangent there has slope 1:" in summary, summary
    cube = [Fraction(0), Fraction(1, 2), Fraction(1)]
    assert [3 * x * x for x in cube] == [0, Fraction(3, 4), 3]
    assert 1 - Fraction(1, 2) ** 3 == Fraction(7, 8)
    assert math.isclose(area(lambda x: 3 * x * x, 0.5, 1), 7 / 8, rel_tol=1e-9)
    text = squash(lesson("continuous-random-variables"))
    for phrase in ("So $F(r) = r^2$", "the density $f(r) = 2r$", "at the rim the density is $2$"):
        assert phrase in text


def test_continuous_means_by_numerical_integration():
    """The dart's E[R] = 2/3 and E[R^2] = 1/2 (and its simulated mean), the waiting time's
    mean 1/2, the heavy tail 1/x^2 with area 1 but an unbounded mean, and the try-it's
    3x^2 with mean 3/4 and E[X^2] = 3/5."""
    assert math.isclose(area(lambda r: r * 2 * r, 0, 1), 2 / 3, rel_tol=1e-9)
    assert math.isclose(area(lambda r: r * r * 2 * r, 0, 1), 1 / 2, rel_tol=1e-9)
    assert Fraction(1, 2) - Fraction(2, 3) ** 2 == Fraction(1, 18)
    rng = np.random.default_rng(3)
    radius = np.sqrt(rng.uniform(0, 1, 200_000))  # the dart's distance: F(r) = r^2
    assert abs(radius.mean() - 2 / 3) < 0.003 and abs(radius.var() - 1 / 18) < 0.001
    assert math.isclose(area(lambda x: x * exponential(x), 0, 40), 1 / 2, rel_tol=1e-6)
    # the heavy tail, with x = e^u (dx = e^u du): area 1 - 1/T, mean integral ln T
    for top in (1e2, 1e4, 1e8):
        u = math.log(top)
        assert math.isclose(area(lambda u: np.exp(-u) + 0 * u, 0, u), 1 - 1 / top, rel_tol=1e-6)
        assert math.isclose(area(lambda u: 1 + 0 * u, 0, u), u)
    assert math.log(1e8) > 18  # the partial means keep growing: no expected value
    assert math.isclose(area(lambda x: x * 3 * x * x, 0, 1), 3 / 4, rel_tol=1e-9)
    assert math.isclose(area(lambda x: x * x * 3 * x * x, 0, 1), 3 / 5, rel_tol=1e-9)
    text = squash(lesson("expected-value-of-a-continuous-random-variable"))
    for phrase in (
        "\\left[\\frac{2r^3}{3}\\right]_0^1 = \\frac{2}{3}",
        "not the midpoint $\\frac{1}{2}$",
        "\\int_0^1 r^2 \\cdot 2r\\,dr = \\frac{1}{2}$",
        "= 0 + \\frac{1}{2},$$",
        "\\int_0^1 3x^3\\,dx = \\frac{3}{4}$ and $\\mathbb{E}[X^2] = \\frac{3}{5}$",
    ):
        assert phrase in text, phrase


def test_gaussian_heights_scores_and_the_kl_between_two_normals():
    """N(70, 64) has sigma 8, the ends standardise to -1 and 2, the plot shades the same
    interval; the density has area 1, mean 170 and variance 64 (so the 64 is a variance);
    about 48 marks (six sigma) hold nearly all of it; dividing by the variance gives 0.25;
    the KL from N(0, 1) to N(1, 1) is 1/2 nat, the means' squared distance over 2; the
    try-it's sigma is 15 and z = 2."""
    mu, sigma, lo, hi = HEIGHTS
    assert sigma * sigma == 64 and ((lo - mu) / sigma, (hi - mu) / sigma) == (-1, 2)

    def density(x):
        return ke.gaussian_pdf(x, mu, sigma)

    assert math.isclose(area(density, mu - 10 * sigma, mu + 10 * sigma), 1, rel_tol=1e-9)
    assert math.isclose(area(lambda x: x * density(x), -10, 150), mu, rel_tol=1e-9)
    assert math.isclose(area(lambda x: (x - mu) ** 2 * density(x), -10, 150), 64, rel_tol=1e-9)
    assert area(density, mu - 3 * sigma, mu + 3 * sigma) > 0.997 and 6 * sigma == 48
    assert math.isclose(1 / (8 * math.sqrt(2 * math.pi)), float(density(mu)))
    (line,) = PLOT_LINES["gaussian-distribution"]()
    summary = squash(shown(line).summary)
    assert "P(62 < X < 86) = F(86) - F(62) = 0.9772 - 0.1587 = 0.8186" in summary, summary
    assert math.isclose(ke.gaussian_kl(0.0, 1.0, 1.0, 1.0, base=math.e), (1 - 0) ** 2 / 2)
    m, s, top = SCORES
    assert s * s == 225 and (top - m) / s == 2
    text = squash(lesson("gaussian-distribution"))
    for phrase in ("$N(70, 64)$, so $\\sigma = 8$", "the right $z$ is $2$"):
        assert phrase in text


def test_jensen_lesson_example_proof_and_applications_recomputed():
    """X is 1 or 9: the mean 5, phi(5) = 25, E[X^2] = 41 and the gap 16 is the variance;
    the tangent at (5, 25) stays below x^2 and averages to phi(m); for P and Q of the lesson
    the average of q/p is the sum of q over p's support, 1, and q/p is not constant; the
    dyadic source has E[1/p(X)] = 4 and H = 1.75 <= 2; the ELBO's gap is a KL divergence;
    geometric means never exceed arithmetic ones. (The stated numbers are also claims in
    tests/knowledge_graph/test_explainers.py.)"""
    text = squash(lesson("jensens-inequality"))
    x, w = np.array([1.0, 9.0]), np.array([0.5, 0.5])
    m = float(w @ x)
    assert (m, m**2, float(w @ x**2), float(w @ x**2) - m**2) == (5, 25, 41, 16)
    assert float(w @ (x - m) ** 2) == 16
    grid = np.linspace(-20, 30, 501)
    tangent = m**2 + 2 * m * (grid - m)  # the supporting line of x^2 at m
    assert np.all(tangent <= grid**2 + 1e-9) and float(w @ (m**2 + 2 * m * (x - m))) == m**2
    assert "it touches the graph at $(5, 25)$" in text and "For the example, $m = 5$" in text
    p, q = np.array([0.6, 0.3, 0.1]), np.array([0.3, 0.3, 0.4])
    assert math.isclose(float(p @ np.log2(q / p)), -ke.kl_divergence(p, q))
    assert math.isclose(float(p @ (q / p)), q[p > 0].sum()) and math.isclose(q.sum(), 1)
    assert np.ptp(q / p) > 0 and float(p @ np.log2(q / p)) < math.log2(float(p @ (q / p)))
    dyadic = np.array([0.5, 0.25, 0.125, 0.125])
    assert float(dyadic @ (1 / dyadic)) == 4 and ke.entropy(dyadic) == 1.75 <= math.log2(4)
    assert math.isclose(ke.entropy(np.full(4, 0.25)), math.log2(4))
    # the ELBO: a joint p(x, z) over three z for one observed x, and any q(z)
    joint = np.array([0.10, 0.05, 0.15])
    guess = np.array([0.2, 0.5, 0.3])
    elbo = float(guess @ np.log(joint / guess))
    posterior = joint / joint.sum()
    assert elbo < math.log(joint.sum())
    assert math.isclose(
        math.log(joint.sum()) - elbo, ke.kl_divergence(guess, posterior, base=math.e)
    )
    rng = np.random.default_rng(16)
    for _ in range(200):
        a = rng.uniform(0.1, 10, size=rng.integers(2, 6))
        assert np.exp(np.mean(np.log(a))) <= np.mean(a) + 1e-12
    # equality: X constant, or phi linear on X's values
    assert float(w @ (3 * x + 2)) == 3 * m + 2 and math.log(5) == float(np.mean(np.log([5, 5])))
    # agreeing with a line at the values alone is not enough: x^2 meets the chord 10x - 9
    # at 1 and at 9, and the gap is still 16; the line must hold over the whole interval
    assert list(x**2) == list(10 * x - 9) and float(w @ x**2) - m**2 == 16
    assert "linear over the whole interval from the smallest to the largest value" in text


def _splits(bits: str, words: tuple[str, ...]) -> list[list[str]]:
    """Every way to cut ``bits`` into ``words``, found by trying every set of cut points."""
    found = []
    for mask in range(2 ** max(len(bits) - 1, 0)):
        cuts = [i + 1 for i in range(len(bits) - 1) if mask >> i & 1]
        pieces = [bits[a:b] for a, b in zip([0, *cuts], [*cuts, len(bits)], strict=True)]
        if all(piece in words for piece in pieces):
            found.append(pieces)
    return found


def test_variable_length_examples_recomputed():
    """Fixed lengths 2 for four symbols and 3 for five; the weather code averages 7/4 bits
    (the plot's H(P), with D(P||Q) = 0.25 extra bits for the fixed code); 110010 splits
    only as rain, sunny, cloudy; 010 splits two ways under A = 0, B = 01, C = 10; the plain
    average of 1, 2, 3, 3 is 9/4; the try-it averages 2.2 bits, saving 0.8."""
    assert (fixed_length(4), fixed_length(5)) == (2, 3) and math.ceil(math.log2(5)) == 3
    average = sum(p * len(w) for p, w in zip(WEATHER, WEATHER_CODE, strict=True))
    assert average == Fraction(7, 4) == Fraction(ke.entropy([float(p) for p in WEATHER]))
    (line,) = PLOT_LINES["variable-length-codes"]()
    summary = squash(shown(line).summary)
    assert "H(P) = 1.7500 bits" in summary and "D(P‖Q) = 0.2500 extra bits" in summary
    assert _splits("110010", WEATHER_CODE) == [["110", "0", "10"]]
    assert sorted(_splits("010", ("0", "01", "10"))) == [["0", "10"], ["01", "0"]]
    assert Fraction(1 + 2 + 3 + 3, 4) == Fraction(9, 4) > 2
    p, words = FIVE
    five = sum(q * len(w) for q, w in zip(p, words, strict=True))
    assert math.isclose(five, 2.2) and math.isclose(fixed_length(5) - five, 0.8)
    assert sum(2.0 ** -len(w) for w in words) == 1  # a complete code
    assert all(not b.startswith(a) for a in words for b in words if a != b)
    text = squash(lesson("variable-length-codes"))
    assert "110, 0, 10 is rain, sunny, cloudy" in text and "0, 10 (A then C)" in text


def test_prefix_code_examples_recomputed():
    """The code 0, 10, 110, 111 is prefix-free, decodes 100110111 on the fly as B, A, C, D
    (its tree drawn in the lesson has those four leaves) and fills the tree; 1, 1, 2 are
    impossible; 2, 2, 3 leave 3/8, room for a 2-bit codeword; 0 and 01 pass Kraft but are
    not prefix-free, while 0 and 10 are; the try-it code is prefix-free and full and
    decodes 0010001 as its third, fourth and first codewords."""
    words = list(PREFIX_CODE.values())
    assert all(not b.startswith(a) for a in words for b in words if a != b)
    assert decode("100110111", PREFIX_CODE) == ["B", "A", "C", "D"]
    assert kraft(len(w) for w in words) == 1
    assert kraft([1, 1, 2]) == Fraction(5, 4) > 1
    assert kraft([2, 2, 3]) == Fraction(5, 8) and kraft([2, 2, 3, 2]) <= 1
    assert kraft([1, 2]) == Fraction(3, 4) and "01".startswith("0") and not "10".startswith("0")
    assert all(not b.startswith(a) for a in TRY_PREFIX for b in TRY_PREFIX if a != b)
    assert kraft(len(w) for w in TRY_PREFIX) == 1
    named = {f"w{i}": w for i, w in enumerate(TRY_PREFIX, start=1)}
    assert decode("0010001", named) == ["w3", "w4", "w1"]
    text = lesson("prefix-codes")
    tree = text[text.index("```") : text.rindex("```")]
    for path, symbol in (("0", "A"), ("10", "B"), ("110", "C"), ("111", "D")):
        assert PREFIX_CODE[symbol] == path and f"─{path[-1]}─ {symbol}" in tree
    assert "as 10, 0, 110, 111, that is B, A, C, D" in squash(text)


def test_source_coding_lesson_recomputed():
    """The 0.9 coin: one bit a toss is more than twice its entropy; the pairs' Huffman
    lengths are 1, 2, 3, 3, ideal for (1/2, 1/4, 1/8, 1/8), averaging the cross-entropy
    with excess D(P^2||Q); longer blocks get closer to H without passing it and stay
    within 1/n of it; Shannon lengths ceil(-log2 p) satisfy Kraft and average below H + 1;
    a Kraft sum below one adds -log2 of it; typical sequences number about 2^(nH).
    (The stated numbers are also claims in tests/knowledge_graph/test_explainers.py.)"""
    coin = np.array([0.9, 0.1])
    h = ke.entropy(coin)
    assert 1 > 2 * h
    pairs = np.outer(coin, coin).ravel()
    lengths = huffman_lengths(pairs)
    assert sorted(lengths) == [1, 2, 3, 3]
    q = 2.0 ** -np.array(lengths)
    assert sorted(q, reverse=True) == [0.5, 0.25, 0.125, 0.125]
    average = float(pairs @ lengths)
    assert math.isclose(average, ke.cross_entropy(pairs, q))
    assert math.isclose(average - ke.entropy(pairs), ke.kl_divergence(pairs, q))
    per_toss = []
    for n in range(1, 8):
        block = coin
        for _ in range(n - 1):
            block = np.outer(block, coin).ravel()
        rate = float(block @ huffman_lengths(block)) / n
        assert h <= rate < h + 1 / n
        per_toss.append(rate)
    assert per_toss[0] == 1 and math.isclose(per_toss[1], average / 2)
    assert per_toss[-1] < per_toss[1] and per_toss[-1] - h < 0.05
    rng = np.random.default_rng(16)
    for _ in range(100):
        p = rng.dirichlet(np.ones(rng.integers(2, 8)))
        shannon = np.ceil(-np.log2(p))
        assert np.sum(2.0**-shannon) <= 1 and ke.entropy(p) <= p @ shannon < ke.entropy(p) + 1
        # an incomplete code: the average is H + D(P||Q) plus -log2 of the Kraft sum
        spare = shannon + rng.integers(0, 2, size=p.size)
        kraft_total = np.sum(2.0**-spare)
        normalised = 2.0**-spare / kraft_total
        split = ke.entropy(p) + ke.kl_divergence(p, normalised) - math.log2(kraft_total)
        assert math.isclose(p @ spare, split, rel_tol=1e-9)
    n = 1000
    typical = math.lgamma(n + 1) - math.lgamma(901) - math.lgamma(101)  # ln C(1000, 100)
    assert abs(typical / math.log(2) / n - h) < 0.01
    text = squash(lesson("source-coding-theorem"))
    assert "more than twice the entropy" in text and "lengths $1, 2, 3, 3$" in text


@pytest.mark.django_db
def test_each_band16_topic_page_shows_its_lesson_and_plots_and_a_question(client, curriculum):
    check_topic_pages(client, [*LESSONS, "jensens-inequality", "source-coding-theorem"], PLOT_LINES)
