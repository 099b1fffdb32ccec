"""The lessons of band 13 (KL plan positions 261 to 282): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs,
and the tests below recompute the facts the lessons state in words.
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
    arithmetic_formulas,
    claim,
    equation_problems,
    lesson,
    no_claims,
    number_problems,
    prose_words,
    squash,
)
from tests.lessons.pages import check_topic_pages


def binary_logarithm_claims() -> list[Claim]:
    """log2 1000 by a change of base, the bits of letters, and nats turned into bits."""
    ln2 = math.log(2)
    return [
        claim(
            "$\\ln 1000 \\approx «.3f»$ and $\\ln 2 \\approx «.4f»$ that is about $«.3f»$",
            [math.log(1000), ln2, math.log(1000) / ln2],
        ),
        claim("carries $\\log_2 26 \\approx «.3f»$ bits", [math.log2(26)]),
        claim("about $«.2f»$ bits, less than the «g» bits", [5 * math.log2(26), 5 * 5]),
        claim("multiply bits by $\\ln 2 \\approx «.4f»$", [ln2]),
        claim("«g» nat is about $«.3f»$ bits", [1, 1 / ln2]),
        claim(
            "the «g» nats of a choice among $e^«g»$ options are about $«.3f»$ bits", [3, 3, 3 / ln2]
        ),
        claim("$\\log_2 200 \\approx «.3f»$", [math.log2(200)]),
    ]


def channel_claims() -> list[Claim]:
    """The sensor's output and posterior over a channel with crossover 0.1, a byte's
    chance of arriving intact, and the try-it's channel with crossover 0.2."""
    p, eps = Fraction(3, 10), Fraction(1, 10)
    one = p * (1 - eps) + (1 - p) * eps
    kept = p * (1 - eps)
    return [
        claim("sends 1 with probability $«g»$ over a channel with $\\epsilon = «g»$", [p, eps]),
        claim("$P(X = 1 \\mid Y = 1) = \\frac{«g»}{«g»}$, about $«.3f»$", [kept, one, kept / one]),
        claim("probability $«g»^8$, about $«.3f»$", [1 - eps, (1 - eps) ** 8]),
        claim("$1 - \\epsilon = «g»$, but a received", [1 - eps]),
        claim("right with probability about $«.3f»$, because", [kept / one]),
        claim("With $\\epsilon = «g»$ and a 1 sent", [Fraction(1, 5)]),
    ]


def binomial_claims() -> list[Claim]:
    """Bin(5, 1/5): exactly two faulty, at least one, and one order of two faulty."""
    p, n = Fraction(1, 5), 5
    two = math.comb(n, 2) * p**2 * (1 - p) ** 3
    return [
        claim("= \\frac{128}{625}$, about $«.3f»$", [two]),
        claim("= \\frac{2101}{3125}$, about $«.3f»$", [1 - (1 - p) ** n]),
        claim("only $\\frac{64}{3125}$, about $«.3f»$", [p**2 * (1 - p) ** 3]),
    ]


def hartley_claims() -> list[Claim]:
    """Bits of a 4-digit code, with a letter added, of a biased coin, and of the lock."""
    biased = -(0.9 * math.log2(0.9) + 0.1 * math.log2(0.1))
    return [
        claim("$\\log_2 10000 = «g» \\log_2 10$, about $«.2f»$ bits", [4, math.log2(10**4)]),
        claim("the $«.3f»$ bits of one digit", [math.log2(10)]),
        claim(
            "by $\\log_2 26$, about $«.3f»$ bits, to about $«.2f»$ bits",
            [math.log2(26), math.log2(260000)],
        ),
        claim("so $H_0 = «g»$ bit", [math.log2(2)]),
        claim("its Shannon entropy is about $«.3f»$ bits", [biased]),
        claim("$\\log_2 40$, about $«.3f»$ bits", [math.log2(40)]),
        claim("$\\log_2 512 = «g»$ bits", [math.log2(512)]),
        claim("$«g» \\times \\log_2 8 = «g» \\times «g»$ bits", [3, 3, math.log2(8)]),
    ]


def sss_claims() -> list[Claim]:
    """The try-it's triangles: 3, 5, 7 scaled by 5/2."""
    small = (3, 5, 7)
    big = [Fraction(5, 2) * side for side in small]
    return [claim("sides «g», «g», «g» and «g», «g», «g» similar?", [*small, *big])]


def large_numbers_claims() -> list[Claim]:
    """The band of fractions of heads within one twentieth of a half."""
    half, tol = Fraction(1, 2), Fraction(1, 20)
    return [claim("falls outside $«.2f»$ to $«.2f»$", [half - tol, half + tol])]


def mean_value_claims() -> list[Claim]:
    """c = sqrt(3) for x^3 on [0, 3], against the midpoint."""
    c = math.sqrt((3**3 - 0**3) / (3 - 0) / 3)
    return [
        claim("so $c = \\sqrt{3}$, about $«.3f»$", [c]),
        claim("Check it lies inside: $0 < «.3f» < 3$", [c]),
        claim("not the midpoint $«g»$", [(0 + 3) / 2]),
    ]


def radian_claims() -> list[Claim]:
    """A full turn, one radian in degrees, sin 0.1, the degree factor, and the slip's rim
    and arc on a circle of radius 2."""
    return [
        claim("$2\\pi$ radians (about $«.3f»$)", [2 * math.pi]),
        claim("$\\frac{180}{\\pi}$ degrees, about $«.1f»$", [180 / math.pi]),
        claim("$\\sin «g» \\approx «.4f»$", [0.1, math.sin(0.1)]),
        claim("$\\frac{\\pi}{180} \\approx «.5f»$", [math.pi / 180]),
        claim("$4\\pi \\approx «.2f»$", [4 * math.pi]),
        claim("$\\frac{2\\pi}{3} \\approx «.3f»$", [2 * math.pi / 3]),
        claim("cut off by «g» radians", [1.5]),
    ]


def conversion_claims() -> list[Claim]:
    """2 radians in degrees, a full turn in radians, and pi."""
    return [
        claim("is $«g» \\times \\frac{180}{\\pi}$, about $«.1f»$ degrees", [2, 360 / math.pi]),
        claim("$2\\pi \\approx «.3f»$", [2 * math.pi]),
        claim("$\\pi$ is about $«.2f»$", [math.pi]),
    ]


def sum_identity_claims() -> list[Claim]:
    """cos 15 degrees, and the slip sin 30 + sin 60."""
    return [
        claim("about $«.4f»$. With ratios", [math.cos(math.radians(15))]),
        claim("about $«.3f»$, more than any sine", [0.5 + math.sqrt(3) / 2]),
    ]


def trig_limit_claims() -> list[Claim]:
    """sin x / x at x = 0.1 and 0.01."""
    return [
        claim("$\\frac{\\sin «g»}{«g»} \\approx «.5f»$", [x, x, math.sin(x) / x])
        for x in (0.1, 0.01)
    ]


def variance_claims() -> list[Claim]:
    """The spread of two tickets' total and of an average of 100 tickets."""
    var = 16
    return [
        claim("standard deviation about $«.3f»$ pounds", [math.sqrt(2 * var)]),
        claim("and standard deviation $«g»$: averages", [math.sqrt(var / 100)]),
    ]


def vector_claims() -> list[Claim]:
    """The length of <8, 16> and the angle between <3, 4> and <5, 12>."""
    u, v = (3, 4), (5, 12)
    cos = (u[0] * v[0] + u[1] * v[1]) / (math.hypot(*u) * math.hypot(*v))
    return [
        claim("about $«.2f»$: less than", [math.hypot(8, 16)]),
        claim("$\\theta$ is about $«.2f»$ degrees", [math.degrees(math.acos(cos))]),
    ]


def change_of_base_claims() -> list[Claim]:
    """log_3 50 from natural logarithms, bits per nat, the slip ln(50/3), and log_5 200."""
    return [
        claim("$\\ln 50 \\approx «.4f»$ and $\\ln 3 \\approx «.4f»$", [math.log(50), math.log(3)]),
        claim("\\frac{\\ln 50}{\\ln 3} \\approx «.3f».", [math.log(50) / math.log(3)]),
        claim(
            "$\\ln 2 \\approx «.4f»$, that is multiplied by about $«.4f»$",
            [math.log(2), 1 / math.log(2)],
        ),
        claim("which is about $«.3f»$", [math.log(50 / 3)]),
        claim("$\\frac{\\ln 200}{\\ln 5} \\approx «.3f»$", [math.log(200) / math.log(5)]),
    ]


def natural_log_claims() -> list[Claim]:
    """e, the doubling time at a continuous 5%, the coefficient example, and the try-it."""
    rate = 0.05
    return [
        claim("$e \\approx «.5f»$", [math.e]),
        claim("multiplied by $e^{«g»t}$", [rate]),
        claim("Solve $e^{«g»t} = 2$", [rate]),
        claim(
            "$$«g»t = \\ln 2, \\qquad t = \\frac{\\ln 2}{«g»} \\approx «.2f» \\text{ years}.$$",
            [rate, rate, math.log(2) / rate],
        ),
        claim("$x = \\frac{\\ln 20}{2}$, about $«.3f»$", [math.log(20) / 2]),
        claim(
            "$\\log_{10} 2 \\approx «.3f»$, while $\\ln 2 \\approx «.3f»$",
            [math.log10(2), math.log(2)],
        ),
        claim("$x = \\frac{\\ln 20}{3} \\approx «.3f»$", [math.log(20) / 3]),
    ]


CLAIMS = {
    "covariance-and-correlation": no_claims,
    "logarithm-base-2": binary_logarithm_claims,
    "markov-and-chebyshev-inequalities": no_claims,
    "similar-triangles-aa": no_claims,
    "binary-symmetric-channel": channel_claims,
    "binomial-distribution": binomial_claims,
    "definition-of-the-derivative": no_claims,
    "hartley-information": hartley_claims,
    "similar-triangles-sss-sas": sss_claims,
    "law-of-large-numbers": large_numbers_claims,
    "mean-value-theorem": mean_value_claims,
    "radian-measure": radian_claims,
    "converting-degrees-and-radians": conversion_claims,
    "the-unit-circle": no_claims,
    "angle-sum-identities": sum_identity_claims,
    "fundamental-trigonometric-limits": trig_limit_claims,
    "graphing-sine-and-cosine": no_claims,
    "variance": variance_claims,
    "vectors-in-the-plane": vector_claims,
    "change-of-base-formula": change_of_base_claims,
    "natural-logarithm": natural_log_claims,
}
LESSONS = tuple(CLAIMS)

SQUARE_AT = 3  # definition-of-the-derivative: f(x) = x^2 and its tangent at x = 3

ONE_RADIAN = 1  # radian-measure: the angle whose arc is one radius

WORKED_SHARE = Fraction(5, 6)  # converting-degrees-and-radians: 150 degrees is 5 pi / 6

CIRCLE_POINT = Fraction(2, 3)  # the-unit-circle: the point at 2 pi / 3

SINE_TANGENT_AT = 0  # fundamental-trigonometric-limits: sin x and its tangent y = x at 0

WAVE = (3, 2)  # graphing-sine-and-cosine: y = 3 sin(2x)

FAULTY = (5, Fraction(1, 5))  # binomial-distribution: 5 parts, each faulty one time in five
TICKET = {0: Fraction(4, 5), 10: Fraction(1, 5)}  # variance: the ticket's pounds and chances
ARROWS = ((3, 4), (5, 12))  # vectors-in-the-plane: u and v of the worked example


def _vectors_line(show: str) -> str:
    (a, b), (c, d) = ARROWS
    return f"[[plot:vectors u={a},{b} v={c},{d} show={show}]]"


PLOT_LINES = {
    "binomial-distribution": lambda: [
        f"[[plot:bars family=binomial n={FAULTY[0]} p={float(FAULTY[1]):g} kmin=0 "
        f"kmax={FAULTY[0]} mark=mean]]"
    ],
    "variance": lambda: [
        "[[plot:bars family=custom values={} probs={} mark=mean]]".format(
            ",".join(str(x) for x in TICKET), ",".join(str(p) for p in TICKET.values())
        )
    ],
    "vectors-in-the-plane": lambda: [_vectors_line("sum"), _vectors_line("angle")],
    "graphing-sine-and-cosine": lambda: [
        f"[[plot:function family=sine amp={WAVE[0]} period={Fraction(2, WAVE[1])} xmin=-1 xmax=4]]"
    ],
    "fundamental-trigonometric-limits": lambda: [
        "[[plot:function family=sine amp=1 period=2 xmin=-1.5 xmax=1.5 mark=tangent "
        f"x0={SINE_TANGENT_AT}]]"
    ],
    "the-unit-circle": lambda: [
        f"[[plot:unit-circle angle={CIRCLE_POINT.numerator}/{CIRCLE_POINT.denominator} unit=pi]]"
    ],
    "converting-degrees-and-radians": lambda: [
        f"[[plot:unit-circle angle={WORKED_SHARE.numerator}/{WORKED_SHARE.denominator} unit=pi]]"
    ],
    "radian-measure": lambda: [f"[[plot:unit-circle angle={ONE_RADIAN} unit=radians]]"],
    "definition-of-the-derivative": lambda: [
        f"[[plot:function family=quadratic a=1 b=0 c=0 xmin=0 xmax=5 mark=tangent x0={SQUARE_AT}]]"
    ],
}


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), "no arithmetic formula is checked"


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_is_the_right_length_and_has_its_parts(slug):
    text = lesson(slug)
    words = prose_words(text)
    assert 150 <= words <= 450, words
    assert "### Try it" in text and ("*Answers:*" in text or "*Answer:*" in text)
    assert "### A common mistake" in text and "### Why it matters" in text


def test_covariance_example_the_uncorrelated_square_and_the_variance_slip():
    text = squash(lesson("covariance-and-correlation"))
    pairs = [(1, 2), (2, 3), (3, 5), (4, 6)]
    mx = Fraction(sum(x for x, _ in pairs), 4)
    my = Fraction(sum(y for _, y in pairs), 4)
    cov = sum((x - mx) * (y - my) for x, y in pairs) / 4
    vx = sum((x - mx) ** 2 for x, _ in pairs) / 4
    vy = sum((y - my) ** 2 for _, y in pairs) / 4
    assert (mx, my, cov, vx, vy) == (
        Fraction(5, 2),
        4,
        Fraction(7, 4),
        Fraction(5, 4),
        Fraction(5, 2),
    )
    assert "$(1, 2)$, $(2, 3)$, $(3, 5)$ and $(4, 6)$" in text
    assert [(x - mx) * (y - my) for x, y in pairs] == [3, Fraction(1, 2), Fraction(1, 2), 3]
    assert cov**2 / (vx * vy) == Fraction(49, 50)  # rho = 7 / sqrt(50)
    assert cov / (vx * vy) == Fraction(14, 25) and "\\frac{14}{25}" in text
    # X uniform on -1, 0, 1 and Y = X^2: E[XY] = E[X^3] = 0 = E[X] E[Y], yet Y depends on X
    xs = (-1, 0, 1)
    assert sum(x * x * x for x in xs) == 0 and sum(xs) == 0
    assert "the correlation is 0, yet $Y$ is fixed once $X$ is known" in text
    # try it: (0, 4) and (2, 0) equally likely lie on a falling line
    assert (
        (0 + 2) / 2 == 1 and (4 + 0) / 2 == 2 and ((0 - 1) * (4 - 2) + (2 - 1) * (0 - 2)) / 2 == -2
    )
    assert ((0 - 1) ** 2 + (2 - 1) ** 2) / 2 == 1 and ((4 - 2) ** 2 + (0 - 2) ** 2) / 2 == 4


def test_halvings_questions_and_the_direction_of_unit_conversion():
    text = squash(lesson("logarithm-base-2"))
    halvings, n = [], 64
    while n > 1:
        n //= 2
        halvings.append(n)
    assert halvings == [32, 16, 8, 4, 2, 1] and "32, 16, 8, 4, 2, 1, six of them" in text
    assert 2**9 < 1000 <= 2**10 and math.ceil(math.log2(1000)) == 10
    assert Fraction(1000, 2**9) > 1 and "needs 10 questions" in text
    assert 26**5 < 2**25  # five letters need fewer bits than five separate 5-bit codes
    assert math.e > 2 and 3 / math.log(2) > 3  # a quantity takes more bits than nats
    assert 2**7 < 200 <= 2**8 and math.ceil(math.log2(200)) == 8 and "so 8 questions" in text


def test_tail_bounds_hold_for_the_die_and_the_examples():
    text = squash(lesson("markov-and-chebyshev-inequalities"))
    faces = range(1, 7)
    mean = Fraction(sum(faces), 6)
    var = sum((f - mean) ** 2 for f in faces) / 6
    assert (mean, var) == (Fraction(7, 2), Fraction(35, 12))
    assert Fraction(sum(f >= 6 for f in faces), 6) == Fraction(1, 6) <= mean / 6
    far = [f for f in faces if abs(f - mean) >= Fraction(5, 2)]
    assert far == [1, 6] and Fraction(len(far), 6) == Fraction(1, 3) <= var / Fraction(25, 4)
    assert "which means rolling 1 or 6" in text
    assert 70 - 16 == 54 and 70 + 16 == 86 and 16 == 2 * 8
    assert "strictly between 54 and 86" in text and "two standard deviations" in text
    assert Fraction(8, 16) > Fraction(8**2, 16**2)  # the slip gives a weaker bound


def test_aa_examples_scale_every_side_by_one_factor():
    text = squash(lesson("similar-triangles-aa"))
    assert sorted([48, 71, 180 - 48 - 71]) == sorted([61, 48, 180 - 61 - 48]) == [48, 61, 71]
    assert "both have angles 48, 61 and 71" in text
    factor = Fraction(20, 4)
    assert 3 * factor == 15 and Fraction(15, 20) == Fraction(3, 4)  # same height-to-shadow
    ad, ab, de = 4, 10, 6
    bc = de * Fraction(ab, ad)
    assert bc == 15 and Fraction(de, bc) == Fraction(ad, ab)
    assert de + (ab - ad) == 12 != bc and "$BC = 6 + 6 = 12$" in text
    assert 2 * Fraction(30, 5) == 12 and Fraction(12, 30) == Fraction(2, 5)


def test_channel_outputs_are_both_routes_and_the_posterior_is_bayes():
    text = squash(lesson("binary-symmetric-channel"))
    p, eps = Fraction(3, 10), Fraction(1, 10)
    joint = {
        (x, y): (p if x else 1 - p) * (1 - eps if x == y else eps) for x in (0, 1) for y in (0, 1)
    }
    assert sum(joint.values()) == 1
    one = joint[1, 1] + joint[0, 1]
    assert one == Fraction(34, 100) > p and joint[1, 1] == Fraction(27, 100)
    assert (
        Fraction(4, 5) - Fraction(1, 100) < joint[1, 1] / one < Fraction(4, 5)
    )  # "about four times in five"
    assert (1 - eps) ** 8 < Fraction(1, 2) and "most bytes carry at least one error" in text
    h = lambda e: 0.0 if e in (0, 1) else -(e * math.log2(e) + (1 - e) * math.log2(1 - e))  # noqa: E731
    assert 1 - h(0.5) == 0 and 1 - h(0) == 1
    half, e2 = Fraction(1, 2), Fraction(1, 5)
    out = half * (1 - e2) + half * e2
    assert out == half and half * (1 - e2) / out == 1 - e2


def test_binomial_example_counts_the_orders():
    text = squash(lesson("binomial-distribution"))
    p = Fraction(1, 5)
    pmf = [math.comb(5, k) * p**k * (1 - p) ** (5 - k) for k in range(6)]
    assert sum(pmf) == 1 and pmf[2] == Fraction(128, 625) == 10 * Fraction(64, 3125)
    assert "$\\binom{5}{2} = \\frac{5 \\times 4}{2} = 10$" in text and math.comb(5, 2) == 10
    assert 1 - pmf[0] == Fraction(2101, 3125) and (1 - p) ** 5 == Fraction(1024, 3125)
    assert sum(k * q for k, q in enumerate(pmf)) == 1
    assert sum((k - 1) ** 2 * q for k, q in enumerate(pmf)) == Fraction(4, 5)
    assert Fraction(64, 3125) * 10 == pmf[2] and "a tenth of the right answer" in text
    coin = [math.comb(4, k) * Fraction(1, 16) for k in range(5)]
    assert coin[3] == Fraction(1, 4) and sum(k * q for k, q in enumerate(coin)) == 2
    assert "$\\binom{4}{3} \\times \\frac{1}{2^4} = \\frac{4}{16}" in text


def test_difference_quotients_close_in_on_the_tangent_slope():
    text = squash(lesson("definition-of-the-derivative"))
    a = SQUARE_AT
    quotients = [((a + h) ** 2 - a * a) / h for h in (Fraction(1, 10), Fraction(1, 100))]
    assert quotients == [Fraction(61, 10), Fraction(601, 100)]  # 6 + h
    assert all(q > 2 * a for q in quotients) and "close in on 6 from above" in text
    (line,) = PLOT_LINES["definition-of-the-derivative"]()
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    assert "The tangent there has slope 6" in squash(spec.kind.compute(spec.args).summary)
    h = Fraction(1, 1000)
    assert (1 / (2 + h) - Fraction(1, 2)) / h == Fraction(-1, 2 * (2 + h))
    assert all(abs(k) / k == (1 if k > 0 else -1) for k in (Fraction(1, 10), Fraction(-1, 10)))
    slipped = ((a * a + h * h) - a * a) / h  # (a + h)^2 taken as a^2 + h^2
    assert slipped == h and 'the "derivative" comes out as 0' in text
    f = lambda x: x * x + 4 * x  # noqa: E731
    assert (f(1 + h) - f(1)) / h == 6 + h


def test_hartley_bits_add_when_the_counts_multiply():
    text = squash(lesson("hartley-information"))
    assert 10**4 == 10000 and 10000 * 26 == 260000
    assert math.isclose(math.log2(260000), math.log2(10000) + math.log2(26))
    assert math.isclose(math.log2(10000), 4 * math.log2(10)) and "is exactly 4 hartleys" in text
    for p in (0.6, 0.9, 0.99):  # no coin has more entropy than its Hartley bit
        assert -(p * math.log2(p) + (1 - p) * math.log2(1 - p)) < 1
    assert "lands heads nine times in ten" in text
    assert 4 * 10 == 40 < 10**4 and "do not give $10 + 10 + 10 + 10 = 40$" in text
    assert 8**3 == 512 and math.log2(512) == 3 * math.log2(8) == 9


def test_sss_ratios_agree_only_when_the_sides_are_sorted():
    text = squash(lesson("similar-triangles-sss-sas"))
    small, big = (4, 6, 8), (6, 9, 12)
    assert {Fraction(b, a) for a, b in zip(small, big, strict=True)} == {Fraction(3, 2)}
    assert Fraction(13, 8) != Fraction(3, 2) and Fraction(9, 6) == Fraction(3, 2)
    assert "even though two of the ratios still match" in text
    listed = [Fraction(b, a) for a, b in zip((8, 4, 6), (9, 12, 6), strict=True)]
    assert len(set(listed)) == 3 and "three different ratios" in text
    assert sorted((8, 4, 6)) == list(small) and sorted((9, 12, 6)) == list(big)
    assert Fraction(15, 5) == Fraction(21, 7) == 3


def test_chebyshev_bound_for_coin_averages_and_the_tosses_it_needs():
    text = squash(lesson("law-of-large-numbers"))
    var, tol = Fraction(1, 4), Fraction(1, 20)

    def bound(n: int, eps: Fraction = tol) -> Fraction:
        return var / (n * eps**2)

    assert bound(1000) == Fraction(1, 10) and "at most one chance in ten" in text
    needed = next(n for n in range(1, 20001) if bound(n) <= Fraction(1, 100))
    assert needed == 10000 and "needs $n \\ge 10000$ tosses" in text
    assert var / (needed * (tol / 2) ** 2) == 4 * bound(needed)  # half the tolerance
    assert "four times as many" in text
    faces = range(1, 7)
    mean = Fraction(sum(faces), 6)
    assert sum((f - mean) ** 2 for f in faces) / 6 == Fraction(35, 12)
    assert Fraction(35, 12) / 350 == Fraction(1, 120)


def test_mean_value_points_are_where_the_tangent_matches_the_chord():
    text = squash(lesson("mean-value-theorem"))
    assert Fraction(120) / Fraction(3, 2) == 80 and "read exactly 80" in text
    chord = Fraction(3**3 - 0, 3 - 0)
    assert chord == 9 and math.isclose(3 * math.sqrt(3) ** 2, 9)
    # x^2 on [1, 4]: chord slope 5, reached at the midpoint
    assert Fraction(16 - 1, 4 - 1) == 5 and 2 * Fraction(5, 2) == 5 == 2 * Fraction(1 + 4, 2)
    # |x| on [-1, 1]: chord slope 0, derivative only -1 or 1
    assert (abs(1) - abs(-1)) / 2 == 0
    assert {(abs(x + 1e-6) - abs(x)) / 1e-6 > 0 for x in (-0.5, 0.5)} == {True, False}


def test_radian_arcs_count_radii_and_one_radian_is_under_sixty_degrees():
    text = squash(lesson("radian-measure"))
    # the chord of 60 degrees is one radius, its arc longer, so one radian is under 60
    assert math.isclose(2 * math.sin(math.pi / 6), 1) and math.pi / 3 > 1
    assert 180 / math.pi < 60 and "a little less than $60^\\circ$" in text
    assert 35 * 4 == 140 and Fraction(75, 30) == Fraction(5, 2) < 2 * math.pi
    assert abs(math.sin(0.1) - 0.1) < 0.001  # sin x is about x for small x in radians
    h = 1e-6  # in degrees the slope of sine at 0 is pi/180, not 1
    assert math.isclose((math.sin(math.radians(h)) - math.sin(0)) / h, math.pi / 180, rel_tol=1e-6)
    assert 2 * 60 == 120 > 4 * math.pi and math.isclose(2 * math.radians(60), 2 * math.pi / 3)
    assert 6 * 1.5 == 9 and Fraction(15, 6) == Fraction(5, 2)
    (line,) = PLOT_LINES["radian-measure"]()
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    assert "(57.3°)" in spec.kind.compute(spec.args).summary


def test_conversions_scale_by_one_half_turn():
    text = squash(lesson("converting-degrees-and-radians"))
    assert 180 * WORKED_SHARE == 150 and 5 * 30 == 150
    assert math.gcd(150, 180) == 30 and "cancel the common factor 30" in text
    assert math.isclose(math.radians(150), 5 * math.pi / 6)
    assert math.isclose(math.degrees(3 * math.pi / 4), 135)
    for degrees, share in ((30, 6), (45, 4), (60, 3), (90, 2)):
        assert math.isclose(math.radians(degrees), math.pi / share)
        assert f"${degrees}^\\circ = \\frac{{\\pi}}{{{share}}}$" in text
    slip = 150 * 180 / math.pi
    assert round(slip) == 8594 and "about $8594$" in text and 23 < slip / 360 < 24
    assert "almost 24 full turns" in text
    assert math.isclose(math.radians(225), 5 * math.pi / 4)
    assert math.isclose(math.degrees(7 * math.pi / 6), 210)
    (line,) = PLOT_LINES["converting-degrees-and-radians"]()
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    assert "(150°" in spec.kind.compute(spec.args).summary


def test_unit_circle_points_signs_and_the_identity_backwards():
    text = squash(lesson("the-unit-circle"))
    x, y = math.cos(CIRCLE_POINT * math.pi), math.sin(CIRCLE_POINT * math.pi)
    assert math.isclose(x, -1 / 2) and math.isclose(y, math.sqrt(3) / 2)
    assert "\\left(-\\frac{1}{2}, \\frac{\\sqrt{3}}{2}\\right)" in text
    assert math.isclose(math.degrees(CIRCLE_POINT * math.pi), 120)
    (line,) = PLOT_LINES["the-unit-circle"]()
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    summary = spec.kind.compute(spec.args).summary
    assert "quadrant II" in summary and "−1/2" in summary and "√3/2" in summary
    # sin = 3/5 in quadrant II: cos^2 = 16/25 and cos is negative there
    sin = Fraction(3, 5)
    assert 1 - sin**2 == Fraction(16, 25) == Fraction(4, 5) ** 2
    assert "$\\cos^2\\theta = 1 - \\frac{9}{25} = \\frac{16}{25}$" in text
    # the slip cos = 1 - sin fails at pi / 6
    assert not math.isclose(1 - math.sin(math.pi / 6), math.cos(math.pi / 6))
    # try it: 5 pi / 4 in quadrant III, and sin = -5/13 in quadrant IV
    assert math.isclose(math.cos(5 * math.pi / 4), -math.sqrt(2) / 2)
    assert math.isclose(math.sin(5 * math.pi / 4), -math.sqrt(2) / 2)
    assert 1 - Fraction(5, 13) ** 2 == Fraction(144, 169) == Fraction(12, 13) ** 2
    assert "\\cos^2\\theta = 1 - \\frac{25}{169} = \\frac{144}{169}" in text
    angle = math.atan2(-5, 12)
    assert -math.pi / 2 < angle < 0 and math.isclose(math.cos(angle), 12 / 13)
    # an angle on an axis makes 0 or a right angle with the x-axis, never an acute one, so
    # the lesson claims a reference angle only for the angles off the axes
    for turn in (0, 90, 180, 270):
        reference = min(turn % 180, 180 - turn % 180)
        assert not 0 < reference < 90
    assert "Every angle off the axes has a **reference angle**" in text


def test_sum_identities_hold_and_the_examples_follow_from_them():
    text = squash(lesson("angle-sum-identities"))
    rng = np.random.default_rng(0)
    for a, b in rng.uniform(-4, 4, size=(20, 2)):
        assert math.isclose(math.sin(a + b), math.sin(a) * math.cos(b) + math.cos(a) * math.sin(b))
        assert math.isclose(math.cos(a - b), math.cos(a) * math.cos(b) + math.sin(a) * math.sin(b))
        chord = (math.cos(a) - math.cos(b)) ** 2 + (math.sin(a) - math.sin(b)) ** 2
        assert math.isclose(chord, 2 - 2 * math.cos(a - b), abs_tol=1e-12)
    exact = (math.sqrt(6) + math.sqrt(2)) / 4
    assert math.isclose(math.cos(math.radians(15)), exact)
    assert (
        math.isclose(math.sin(math.radians(75)), exact) and "the same as $\\cos 15^\\circ$" in text
    )
    sin_a, cos_b = Fraction(3, 5), Fraction(5, 13)
    cos_a, sin_b = Fraction(4, 5), Fraction(12, 13)
    assert sin_a**2 + cos_a**2 == 1 and sin_b**2 + cos_b**2 == 1
    assert sin_a * cos_b + cos_a * sin_b == Fraction(63, 65) and "\\frac{63}{65}" in text
    a, b = math.asin(3 / 5), math.acos(5 / 13)
    assert math.isclose(math.sin(a + b), 63 / 65) and math.isclose(math.cos(a + b), -16 / 65)
    assert 0.5 + math.sqrt(3) / 2 > 1 == math.sin(math.radians(90))


def test_the_squeeze_and_the_limits_the_lesson_states():
    text = squash(lesson("fundamental-trigonometric-limits"))
    xs = np.array([0.5, 0.1, 0.01, 1e-3])
    # triangle <= sector <= tangent triangle, so cos x <= sin x / x <= 1
    assert np.all(np.sin(xs) / 2 <= xs / 2) and np.all(xs / 2 <= np.tan(xs) / 2)
    assert np.all(np.cos(xs) <= np.sin(xs) / xs) and np.all(np.sin(xs) / xs <= 1)
    small = 1e-4
    assert math.isclose(math.sin(small) / small, 1, rel_tol=1e-8)
    assert abs((1 - math.cos(small)) / small) < 1e-4
    assert math.isclose((1 - math.cos(small)) / small**2, 0.5, rel_tol=1e-6)
    assert math.isclose(math.sin(math.radians(small)) / small, math.pi / 180, rel_tol=1e-8)
    assert math.isclose(math.sin(5 * small) / (3 * small), 5 / 3, rel_tol=1e-6)
    assert math.isclose(math.sin(2 * small) / (7 * small), 2 / 7, rel_tol=1e-6)
    assert math.isclose(math.tan(4 * small) / small, 4, rel_tol=1e-6)
    assert "\\to \\frac{5}{3}" in text and "*Answers:* $\\frac{2}{7}$, and $4$" in text
    (line,) = PLOT_LINES["fundamental-trigonometric-limits"]()
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    assert "The tangent there has slope 1: y = x" in spec.kind.compute(spec.args).summary


def test_wave_amplitude_period_crest_and_shifted_extremes():
    text = squash(lesson("graphing-sine-and-cosine"))
    amp, b = WAVE
    xs = np.linspace(-2, 2, 41)

    def y(x):
        return amp * np.sin(b * x)

    assert np.allclose(y(xs + math.pi), y(xs)) and not np.allclose(y(xs + math.pi / 2), y(xs))
    assert math.isclose(y(math.pi / 4), 3) and abs(y(math.pi / 2)) < 1e-12
    assert np.allclose(np.cos(xs), np.sin(xs + math.pi / 2))
    grid = np.linspace(0, 2 * math.pi, 20001)
    shifted = 3 * np.sin(2 * (grid - math.pi / 6)) + 1
    assert math.isclose(shifted.max(), 4, abs_tol=1e-6) and math.isclose(
        shifted.min(), -2, abs_tol=1e-6
    )
    assert np.allclose(np.sin(2 * grid - math.pi / 3), np.sin(2 * (grid - math.pi / 6)))
    tried = 4 * np.cos(3 * grid) - 2
    assert math.isclose(tried.max(), 2) and math.isclose(tried.min(), -6)
    assert np.allclose(4 * np.cos(3 * (xs + 2 * math.pi / 3)) - 2, 4 * np.cos(3 * xs) - 2)
    assert "period $\\frac{2\\pi}{3}$" in text and "not $4\\pi$" in text
    # a factor below one stretches the wave: sin(x / 2) takes 4 pi, longer than 2 pi
    half = np.sin(xs / 2)
    assert np.allclose(np.sin((xs + 4 * math.pi) / 2), half)
    assert not np.allclose(np.sin((xs + 2 * math.pi) / 2), half)
    assert "squeezes or stretches the wave sideways" in text
    (line,) = PLOT_LINES["graphing-sine-and-cosine"]()
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    summary = spec.kind.compute(spec.args).summary
    assert "y = 3 sin(2x)" in summary and "amplitude 3" in summary and "period π" in summary


def test_ticket_variance_both_ways_and_the_rules_on_simulated_draws():
    text = squash(lesson("variance"))
    ticket = {10: Fraction(1, 5), 0: Fraction(4, 5)}
    mean = sum(x * p for x, p in ticket.items())
    var = sum((x - mean) ** 2 * p for x, p in ticket.items())
    assert mean == 2 and var == 16 == sum(x * x * p for x, p in ticket.items()) - mean**2
    two = {a + b: 0 for a in ticket for b in ticket}
    for a, pa in ticket.items():
        for b, pb in ticket.items():
            two[a + b] += pa * pb
    two_mean = sum(x * p for x, p in two.items())
    assert sum((x - two_mean) ** 2 * p for x, p in two.items()) == 32
    assert 2 * math.sqrt(var) == 8 > math.sqrt(32) and "less than the $8$ pounds" in text
    rng = np.random.default_rng(1)
    x, y = rng.normal(0, 1, 200_000), rng.normal(0, 2, 200_000)
    assert math.isclose(np.var(x - y), 1 + 4, rel_tol=0.02)  # variances add for a difference
    assert math.isclose(np.var(3 * x + 7), 9, rel_tol=0.02)
    coin = {1: Fraction(1, 2), 3: Fraction(1, 2)}
    m = sum(v * p for v, p in coin.items())
    assert m == 2 and sum(v * v * p for v, p in coin.items()) == 5
    assert sum((2 * v + 5 - (2 * m + 5)) ** 2 * p for v, p in coin.items()) == 4


def test_vector_example_sum_dot_product_and_perpendicular_pair():
    text = squash(lesson("vectors-in-the-plane"))
    u, v = np.array([3, 4]), np.array([5, 12])
    assert np.linalg.norm(u) == 5 and np.linalg.norm(v) == 13
    assert list(u + v) == [8, 16] and list(2 * u) == [6, 8]
    assert np.linalg.norm(u + v) < 5 + 13 and int(u @ v) == 63
    assert math.isclose(u @ v, 5 * 13 * math.cos(math.atan2(12, 5) - math.atan2(4, 3)))
    assert int(u @ np.array([-4, 3])) == 0
    assert 3 * 12 + 4 * 5 == 56 != 63 and "crosses them" in text
    a, b = np.array([1, 2]), np.array([3, -1])
    assert list(a + 2 * b) == [7, 0] and int(a @ b) == 1
    # the rate along a unit vector at angle t to the gradient is |g| cos t: largest at t = 0
    g = np.array([2.0, 1.0])
    ts = np.linspace(0, 2 * math.pi, 73)
    rates = [g @ np.array([math.cos(t), math.sin(t)]) for t in ts + math.atan2(1, 2)]
    assert int(np.argmax(rates)) == 0 and math.isclose(max(rates), np.linalg.norm(g))


def test_change_of_base_examples_and_facts():
    text = squash(lesson("change-of-base-formula"))
    rng = np.random.default_rng(3)
    for x, b in rng.uniform(1.5, 50, size=(10, 2)):
        quotients = {math.log(x, a) / math.log(b, a) for a in (2, math.e, 10, 7)}
        assert all(math.isclose(q, math.log(x) / math.log(b)) for q in quotients)
        assert math.isclose(math.log(x, b) * math.log(b, x), 1)
    assert 3**3 < 50 < 3**4 and "between 3 and 4" in text
    assert math.isclose(math.log(32, 8), 5 / 3) and math.isclose(8 ** (5 / 3), 32)
    assert not math.isclose(math.log(50) / math.log(3), math.log(50 / 3))
    assert math.log(3) / math.log(50) < 1 and math.isclose(
        math.log(3) / math.log(50), math.log(3, 50)
    )
    assert 5**3 == 125 < 200 < 5**4 and math.isclose(math.log(8, 4), 3 / 2)
    # putting x = a in the formula: log_b a = 1 / log_a b, reciprocals
    for a, b in ((2, 8), (3, 50), (10, math.e)):
        assert math.isclose(math.log(a, b), 1 / math.log(b, a))
    assert "Putting $x = a$ gives $\\log_b a = \\frac{1}{\\log_a b}$" in text


def test_natural_log_undoes_e_and_has_slope_one_over_x():
    text = squash(lesson("natural-logarithm"))
    for x in (0.3, 1.0, 2.5, 40.0):
        assert math.isclose(math.exp(math.log(x)), x) and math.isclose(math.log(math.exp(x)), x)
    assert math.log(1) == 0 and math.log(math.e) == 1 and math.isclose(math.log(1 / math.e), -1)
    h = 1e-6
    for x in (0.5, 1.0, 3.0):
        slope = (math.log(x + h) - math.log(x - h)) / (2 * h)
        assert math.isclose(slope, 1 / x, rel_tol=1e-8)
        slope10 = (math.log10(x + h) - math.log10(x - h)) / (2 * h)
        assert not math.isclose(slope10, 1 / x, rel_tol=1e-3)  # base 10 carries 1 / ln 10
    t = math.log(2) / 0.05
    assert math.isclose(math.exp(0.05 * t), 2)
    x = math.log(20) / 2
    assert math.isclose(3 * math.exp(2 * x), 60)
    assert math.isclose(math.log(3 * math.exp(2 * 0.7)), math.log(3) + 2 * 0.7)
    assert math.isclose(math.exp(3 * math.log(20) / 3), 20)
    assert math.isclose(math.log(math.exp(5) / math.exp(2)), 3) and "5 - 2 = 3" in text


@pytest.mark.django_db
def test_each_band13_topic_page_shows_its_lesson_and_plots_and_a_question(client, curriculum):
    check_topic_pages(client, LESSONS, PLOT_LINES)


def _shown(line: str) -> plots.PlotData:
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
    return spec.kind.compute(spec.args)


def test_the_binomial_bars_are_the_faulty_parts_and_one_is_likeliest():
    text = squash(lesson("binomial-distribution"))
    n, p = FAULTY
    exact = [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]
    assert sum(exact) == 1 and exact[1] == Fraction(256, 625) and exact[0] == Fraction(1024, 3125)
    assert max(exact) == exact[1] > exact[0]
    assert "One faulty part is the likeliest count" in text and "just ahead of none" in text
    (line,) = PLOT_LINES["binomial-distribution"]()
    data = _shown(line)
    assert np.allclose(data.series["p"], [float(x) for x in exact], rtol=1e-12)
    assert len(data.series["k"]) == 6 and "all six counts" in text
    assert max(exact[4:]) < max(exact) / 50  # the last two bars barely rise above the axis
    summary = squash(data.summary)
    assert "Mean np = 5 × 0.2 = 1" in summary and "= 0.8 (standard deviation 0.8944)" in summary
    assert data.series["mean"] == 1


def test_the_ticket_bars_mark_the_mean_and_one_standard_deviation():
    text = squash(lesson("variance"))
    (line,) = PLOT_LINES["variance"]()
    data = _shown(line)
    mean = sum(x * p for x, p in TICKET.items())
    sd = math.sqrt(sum((x - mean) ** 2 * p for x, p in TICKET.items()))
    assert (mean, sd) == (2, 4)
    assert data.series["mean"] == mean and data.series["sd"] == sd
    assert "mean ± sd from -2 to 6" in squash(data.summary)
    assert "from $2 - 4 = -2$ to $2 + 4 = 6$ pounds" in text
    assert list(data.series["k"]) == [0, 10] and data.series["p"][0] > data.series["p"][1]
    assert "a tall one at 0 and a short one at 10 pounds" in text


def test_the_vector_pictures_are_the_worked_sum_and_angle():
    text = squash(lesson("vectors-in-the-plane"))
    total, angle = (_shown(line) for line in PLOT_LINES["vectors-in-the-plane"]())
    u, v = (np.array(a) for a in ARROWS)
    assert "The sum u + v = (8, 16)" in squash(total.summary)
    assert total.series["show"] == "sum" and angle.series["show"] == "angle"
    cos = u @ v / (np.linalg.norm(u) * np.linalg.norm(v))
    degrees = math.degrees(math.acos(cos))
    assert angle.series["angle"] == pytest.approx(degrees)
    assert f"is {degrees:.2f}°" in squash(angle.summary)
    assert f"about ${degrees:.2f}$ degrees" in text and "small angle" in text
