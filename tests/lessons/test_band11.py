"""The lessons of band 11 (KL plan positions 217 to 238): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs,
and the tests below recompute the facts the lessons state in words.
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import product

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


def exponential_claims() -> list[Claim]:
    """The decay factor keeps what a 20% fall leaves; the town grows by half each year."""
    kept = 1 - Fraction(20, 100)
    town = 1 + Fraction(50, 100)
    return [
        claim("so the factor is $b = «g»$", [kept]),
        claim("the factor is $«g»$, so $f(x) = 400 \\cdot «g»^x$", [town, town]),
    ]


def quadratic_formula_claims() -> list[Claim]:
    """The irrational roots of x^2 - 4x + 1 = 0, and what dividing only the root by 2a
    gives for 2x^2 - 3x - 2 = 0."""
    root12 = math.sqrt(12)
    return [
        claim("about $«.3f»$ and $«.3f»$", [(4 + root12) / 2, (4 - root12) / 2]),
        claim("gives $«.2f»$ and $«.2f»$, and neither", [3 + 5 / 4, 3 - 5 / 4]),
    ]


def several_variables_claims() -> list[Claim]:
    """Radii of the level curves 5 and 10 of x^2 + y^2."""
    return [
        claim(
            "$\\sqrt{5} \\approx «.3f»$ and $\\sqrt{10} \\approx «.3f»$",
            [math.sqrt(5), math.sqrt(10)],
        )
    ]


def rational_claims() -> list[Claim]:
    """Values of 2x/(x - 3) just either side of its asymptote and far out."""

    def f(x: Fraction) -> Fraction:
        return 2 * x / (x - 3)

    right, left = Fraction(31, 10), Fraction(29, 10)
    return [
        claim(
            "$f(«g») = \\frac{«g»}{«g»} = «g»$",
            [right, 2 * right, right - 3, f(right)],
        ),
        claim("$f(«g») = \\frac{«g»}{«g»} = «g»$", [left, 2 * left, left - 3, f(left)]),
        claim("about $«.3f»$", [f(Fraction(1000))]),
    ]


def number_e_claims() -> list[Claim]:
    """(1 + 1/n)^n for the table's n, e itself, and the compound amounts of the examples."""
    table = [(1 + Fraction(1, n)) ** n for n in (2, 4, 12, 365)]
    return [
        claim("that is $«g»$. Paying", [Fraction(9, 4)]),
        claim(
            "| 2 | «.2f» | «.4f» | «.4f» | «.4f» |",
            [float(t) for t in table],
        ),
        claim("\\approx «.5f»,$$", [math.e]),
        claim("$rt = «g» \\times 10 = «g»$", [0.05, 0.05 * 10]),
        claim("$1000\\,e^{«g»} \\approx «.2f»$", [0.5, 1000 * math.exp(0.5)]),
        claim("adds only about $«.1f»$", [float(table[3] - table[2])]),
        claim(
            "$rt = «g» \\times 4 = «g»$, and $200\\,e^{«g»} \\approx «.2f»$",
            [0.1, 0.4, 0.4, 200 * math.exp(0.4)],
        ),
    ]


def logarithm_claims() -> list[Claim]:
    """Bits as base-2 logarithms of the number of outcomes (or of one over a chance), and
    the decimal whose logarithm the try-it asks for."""
    hundredth = Fraction(1, 100)
    return [
        claim(
            "8 outcomes need «g» bits, 1024 outcomes «g» bits",
            [math.log2(8), math.log2(1024)],
        ),
        claim("carries «g» bits", [-math.log2(1 / 8)]),
        claim("Find $\\log_{10} «g»$", [hundredth]),
        claim("so $\\log_{10} «g» = «g»$", [hundredth, math.log10(hundredth)]),
    ]


CLAIMS = {
    "function-composition": no_claims,
    "corresponding-angles": no_claims,
    "discrete-random-variables": no_claims,
    "domain-and-range": no_claims,
    "equation-of-a-circle": no_claims,
    "exponential-functions": exponential_claims,
    "systems-of-linear-equations": no_claims,
    "quadratic-formula": quadratic_formula_claims,
    "alternate-interior-angles": no_claims,
    "functions-of-several-variables": several_variables_claims,
    "geometric-sequences": no_claims,
    "graphing-quadratic-functions": no_claims,
    "inverse-functions": no_claims,
    "piecewise-functions": no_claims,
    "probability-mass-functions": no_claims,
    "rational-functions": rational_claims,
    "summation-notation": no_claims,
    "the-number-e": number_e_claims,
    "expected-value": no_claims,
    "finite-geometric-series": no_claims,
    "logarithms": logarithm_claims,
    "joint-probability-distributions": no_claims,
}
LESSONS = tuple(CLAIMS)

ROOT_EDGE, ROOT_TRIED = 3, (2, 3)  # domain-and-range: sqrt(2x - 6) needs x >= 3
QUADRATIC = (2, -3, -2)  # quadratic-formula: 2x^2 - 3x - 2 = 0
LOG_BASE, LOG_TOP = 2, 8  # logarithms: log_2 x up to x = 8

HEART_GAME = {18: Fraction(1, 4), -2: Fraction(3, 4)}  # expected-value: net gain of a game

LINEAR_PMF = {x: Fraction(x, 10) for x in range(1, 5)}  # probability-mass-functions: c x

PLOT_LINES = {
    "probability-mass-functions": lambda: [
        "[[plot:bars family=custom values={} probs={}]]".format(
            ",".join(str(x) for x in LINEAR_PMF),
            ",".join(f"{p.numerator * 10 // p.denominator}/10" for p in LINEAR_PMF.values()),
        )
    ],
    "expected-value": lambda: [
        "[[plot:bars family=custom values={} probs={} mark=mean]]".format(
            ",".join(str(g) for g in HEART_GAME), ",".join(str(p) for p in HEART_GAME.values())
        )
    ],
    "domain-and-range": lambda: [
        f"[[plot:number-line start=-2 end=8 show=above a={ROOT_EDGE} closed=a "
        f"marks={','.join(str(x) for x in ROOT_TRIED)}]]"
    ],
    "quadratic-formula": lambda: [
        "[[plot:function family=quadratic a={} b={} c={} xmin=-2 xmax=3]]".format(*QUADRATIC)
    ],
    "logarithms": lambda: [
        f"[[plot:function family=logarithm base={LOG_BASE} xmin=0 xmax={LOG_TOP}]]"
    ],
}


def pictured(slug: str) -> str:
    """What the lesson's plot states about itself (its text alternative)."""
    (line,) = PLOT_LINES[slug]()
    name, raw = parse_shortcode(line[len("[[plot:") : -2])
    spec = plots.parse(name, raw)
    return squash(spec.kind.compute(spec.args).summary)


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


def test_composition_values_in_both_orders():
    def f(x):
        return 2 * x + 1

    def g(x):
        return x**2

    text = squash(lesson("function-composition"))
    assert f(g(3)) == 19 and g(f(3)) == 49 and f(3) * g(3) == 63
    assert "$f(9) = 2 \\times 9 + 1 = 19$" in text and "$g(7) = 7^2 = 49$" in text
    # the expanded formulas agree with the values at 3
    assert all(2 * x**2 + 1 == f(g(x)) and 4 * x**2 + 4 * x + 1 == g(f(x)) for x in range(-5, 6))
    # try it: f(x) = x - 4, g(x) = 3x at 5
    assert (3 * 5) - 4 == 11 and 3 * (5 - 4) == 3
    assert "$f(g(5)) = 15 - 4 = 11$" in text and "$f(5) = 1$" in text


def test_angles_at_the_two_crossings():
    """Only two sizes at parallel lines: the given one and its supplement."""
    text = squash(lesson("corresponding-angles"))
    x = 70
    sizes = {"upper right": x, "lower left": x, "upper left": 180 - x, "lower right": 180 - x}
    for corner, size in sizes.items():
        assert f"{corner} ${size}^\\circ$" in text or f"{corner} angle is ${size}^\\circ$" in text
    assert "lower left angle is $48^\\circ$" in text and "$180 - 48 = 132$" in text


def test_heads_and_dice_are_counted_from_the_outcomes():
    text = squash(lesson("discrete-random-variables"))
    tosses = list(product("HT", repeat=3))
    heads = [t.count("H") for t in tosses]
    assert Fraction(heads.count(2), len(tosses)) == Fraction(3, 8)
    assert Fraction(sum(h >= 2 for h in heads), len(tosses)) == Fraction(1, 2)
    assert "$P(X = 2) = \\frac{3}{8}" in text and "$2^3 = 8$" in text
    sums = [a + b for a, b in product(range(1, 7), repeat=2)]
    assert len(set(sums)) == 11 and "which is 11 values" in text
    assert Fraction(sums.count(4), 36) == Fraction(1, 12) and "\\frac{3}{36}" in text
    # the mistake: four values, yet 2 does not have chance 1/4
    assert len(set(heads)) == 4 and Fraction(3, 8) != Fraction(1, 4)


def test_domain_edges_and_range_ends():
    text = squash(lesson("domain-and-range"))
    assert 2 * 3 - 6 == 0 and 2 * 2 - 6 < 0 and "$\\sqrt{-2}$" in text
    assert "all $x \\ge 3$" in text and "except 5" in text
    assert min((x - 1) ** 2 + 4 for x in range(-20, 21)) == 4 and "all $y \\ge 4$" in text
    assert 12 - 4 * 3 == 0 and "$x \\le 3$" in text
    assert max(-((x + 2) ** 2) + 7 for x in range(-20, 21)) == 7 and "all $y \\le 7$" in text


def test_circle_centres_and_radii_give_back_the_equations():
    text = squash(lesson("equation-of-a-circle"))

    def expanded(h, k, r):
        return (-2 * h, -2 * k, h * h + k * k - r * r)

    assert expanded(3, -2, 5) == (-6, 4, -12) and "$x^2 + y^2 - 6x + 4y - 12 = 0$" in text
    assert "centre is $(3, -2)$" in text and "$\\sqrt{25} = 5$" in text
    assert (6 - 3) ** 2 + (2 + 2) ** 2 == 25
    assert expanded(-5, 1, 4) == (10, -2, 10) and "centre is $(-5, 1)$" in text


def test_exponential_table_doubles_and_powers_come_first():
    text = squash(lesson("exponential-functions"))
    row = [3 * 2**x for x in range(5)]
    assert "| bacteria | " + " | ".join(map(str, row)) + " |" in text
    assert 3 * 2**5 == 96 and (3 * 2) ** 5 != 96 and "not $6^5$" in text
    assert 500 * Fraction(8, 10) ** 2 == 320
    assert 400 * Fraction(3, 2) ** 3 == 1350 and "= 1350$ people" in text


def test_systems_points_lie_on_both_lines_and_the_slip_does_not():
    text = squash(lesson("systems-of-linear-equations"))
    assert 2 * 2 + 1 == 5 == -2 + 7 and "cross at $(2, 5)$" in text
    assert 2 * 2 - 5 == -1 and 2 + 5 == 7  # the elimination form holds at (2, 5)
    # the sign slip 2x - x = 6 gives x = 6: on the first line only
    assert 2 * 6 + 1 != -6 + 7 and "$x = 6$" in text
    # x + 2y = 4 doubled is 2x + 4y = 8, so 2x + 4y = 9 is parallel to it
    assert "$2x + 4y = 8$, which cannot also equal 9" in text
    assert 3 * 3 - 4 == 3 + 2 == 5 and "so $x = 3$ and $y = 3 + 2 = 5$" in text


def test_quadratic_formula_roots_solve_their_equations():
    text = squash(lesson("quadratic-formula"))
    for x in (Fraction(2), Fraction(-1, 2)):
        assert 2 * x**2 - 3 * x - 2 == 0
    for x in (3 + 5 / 4, 3 - 5 / 4):
        assert abs(2 * x**2 - 3 * x - 2) > 1
    assert "$16 - 4 = 12$" in text and 4**2 - 4 * 1 * 1 == 12
    for x in ((4 + math.sqrt(12)) / 2, (4 - math.sqrt(12)) / 2):
        assert math.isclose(x * x - 4 * x + 1, 0, abs_tol=1e-12)
    assert 2**2 - 4 * 5 < 0 and (-6) ** 2 - 4 * 9 == 0 and 3**2 - 6 * 3 + 9 == 0


def test_alternate_interior_example_and_the_supplementary_slip():
    text = squash(lesson("alternate-interior-angles"))
    x = Fraction(30 + 10, 5 - 3)
    assert x == 20 and 3 * x + 10 == 5 * x - 30 == 70
    assert "$x = 20$" in text and 180 - 70 == 110
    slip = Fraction(180 - 10 + 30, 3 + 5)
    assert slip == 25 and (3 * slip + 10, 5 * slip - 30) == (85, 95)
    assert "$x = 25$ and angles of 85 and 95 degrees" in text
    assert Fraction(25 + 5, 6 - 4) == 15 and "$x = 15$" in text


def test_several_variables_values_and_level_radii():
    text = squash(lesson("functions-of-several-variables"))

    def g(x, y):
        return 3 * x - x * y + y**2

    assert g(2, -1) == 9 and g(-1, 2) == 3
    assert "= 6 + 2 + 1 = 9" in text and "$g(-1, 2) = -3 + 2 + 4 = 3$" in text
    assert [math.isqrt(c) for c in (1, 4, 9)] == [1, 2, 3]
    assert "levels 1, 4 and 9 are circles of radius 1, 2 and 3" in text
    assert math.sqrt(10) - math.sqrt(5) < math.sqrt(5)
    assert (3 - 1) ** 2 + (0 + 2) ** 2 == 8 and "$f(3, 0) = 2^2 + 2^2 = 8$" in text


def test_geometric_terms_by_repeated_multiplication():
    text = squash(lesson("geometric-sequences"))
    terms = [5]
    for _ in range(6):
        terms.append(terms[-1] * 3)
    assert terms[:4] == [5, 15, 45, 135] and terms[5] == 1215 and terms[6] == 3645
    assert "a_6 = 5 \\times 3^{5} = 5 \\times 243 = 1215" in text
    assert "is the 7th term, not the 6th" in text
    assert 6 * 3**3 == 162 and "$a_2 = 6$ and $a_5 = 162$" in text
    assert [3 * (-2) ** i for i in range(4)] == [3, -6, 12, -24]
    assert 64 * Fraction(1, 2) ** 6 == 1


def test_parabola_vertex_intercepts_and_roots():
    text = squash(lesson("graphing-quadratic-functions"))

    def f(x):
        return x * x - 6 * x + 5

    assert f(3) == -4 == min(f(x) for x in range(-10, 11)) and "$(3, -4)$" in text
    assert f(0) == f(6) == 5 and f(1) == f(5) == 0
    assert f(-3) == 32 and "$f(-3) = 9 + 18 + 5 = 32$" in text

    def g(x):
        return -2 * x * x + 8 * x - 3

    assert g(2) == 5 == max(g(x) for x in range(-10, 11)) and "vertex is $(2, 5)$" in text


def test_inverse_undoes_the_function_and_the_slips_do_not():
    text = squash(lesson("inverse-functions"))

    def f(x):
        return 3 * x + 5

    def inverse(y):
        return Fraction(y - 5, 3)

    assert all(inverse(f(x)) == x for x in range(-10, 11)) and f(4) == 17
    assert Fraction(17, 3) - 5 == Fraction(2, 3) != 4
    assert "$(4, 17)$ and $(17, 4)$" in text
    assert (-3) ** 2 == 3**2 == 9 and "both 3 and $-3$ to 9" in text
    assert all(Fraction(2 * x - 7 + 7, 2) == x for x in range(-5, 15)) and 2 * 10 - 7 == 13


def test_piecewise_values_and_tiered_price():
    text = squash(lesson("piecewise-functions"))

    def f(x):
        return x + 2 if x < 1 else 4 - x * x

    assert [f(-3), f(1), f(2), f(0), f(3)] == [-1, 3, 0, 2, -5]
    assert 1 + 2 == f(1) and 1 + 5 == 6 != f(1) and "from near 6 down to 3" in text
    minutes, first = 130, 100
    assert first * 10 + (minutes - first) * 4 == 1120 and "= 1000 + 120 = 1120$ cents" in text
    assert minutes * 4 == 520 and minutes * 10 == 1300
    assert "gives 520 cents, and at 10 cents gives 1300" in text


def test_mass_function_table_sums_and_events():
    text = squash(lesson("probability-mass-functions"))
    c = Fraction(1, sum(range(1, 5)))
    p = {x: c * x for x in range(1, 5)}
    assert c == Fraction(1, 10) and sum(p.values()) == 1
    assert "$c = \\frac{1}{10}$" in text
    row = " | ".join(f"$\\frac{{{x}}}{{10}}$" for x in range(1, 5))
    assert f"| $p(x)$ | {row} |" in text
    assert p[3] + p[4] == Fraction(7, 10) and p[1] + p[2] == 1 - Fraction(7, 10)
    assert sum(Fraction(x, 4) for x in range(1, 5)) > 1
    q2 = 1 - Fraction(1, 2) - Fraction(1, 3)
    assert q2 == Fraction(1, 6) and Fraction(1, 3) + q2 == Fraction(1, 2)
    assert "$p(2) = 1 - \\frac{1}{2} - \\frac{1}{3} = \\frac{1}{6}$" in text


def test_rational_function_hole_and_asymptotes():
    text = squash(lesson("rational-functions"))

    def original(x):
        return Fraction(2 * x * x - 2 * x, x * x - 4 * x + 3)

    for x in (-2, 0, 2, 5, 10):
        assert original(x) == Fraction(2 * x, x - 3)
    assert 1 * 1 - 4 * 1 + 3 == 0 and 3 * 3 - 4 * 3 + 3 == 0
    assert "asymptote $x = 3$" in text and "$y = 2$" in text
    assert Fraction(2 * 1000, 1000 - 3) == Fraction(2000, 997)
    assert 4 * 4 - 16 == 0 and "vertical asymptote $x = 4$" in text


def test_sums_term_by_term():
    text = squash(lesson("summation-notation"))
    terms = [3 * i - 1 for i in range(2, 6)]
    assert terms == [5, 8, 11, 14] and sum(terms) == 38
    assert sum(range(2, 6)) == 14 and 3 * 14 - len(terms) == 38 and 3 * 14 - 1 == 41
    assert "writing $3 \\times 14 - 1 = 41$ is wrong" in text
    assert sum(k * k for k in range(1, 5)) == 30 and len(range(3, 11)) * 5 == 40


def test_compounding_more_often_approaches_e_from_below():
    text = squash(lesson("the-number-e"))
    amounts = [(1 + 1 / n) ** n for n in (1, 2, 4, 12, 365, 10**6)]
    assert amounts == sorted(amounts) and all(a < math.e for a in amounts)
    assert "| payments $n$ | 1 | 2 | 4 | 12 | 365 |" in text
    assert 1000 * (1 + 0.05 * 10) == 1500 and "gives 1500 dollars" in text
    assert round(1000 * math.exp(0.5) - 1000 * 1.05**10) == 20 and "about 20 dollars" in text


def test_expected_values_weight_every_outcome():
    text = squash(lesson("expected-value"))
    assert sum(Fraction(face, 6) for face in range(1, 7)) == Fraction(7, 2)
    deck = ["heart"] * 13 + ["other"] * 39
    gains = [20 - 2 if card == "heart" else -2 for card in deck]
    assert Fraction(sum(gains), len(deck)) == 3 and "= 3$ dollars per game" in text
    assert Fraction(18 + (-2), 2) == 8 and "the average of 18 and $-2$ is 8" in text
    assert 0 * Fraction(7, 10) + 10 * Fraction(1, 5) + 100 * Fraction(1, 10) == 12
    assert Fraction(7, 10) + Fraction(1, 5) + Fraction(1, 10) == 1


def test_geometric_series_by_adding_the_terms():
    text = squash(lesson("finite-geometric-series"))
    assert sum(3 * 2**k for k in range(5)) == 93 and sum(3 * 2**k for k in range(6)) == 189
    assert 3 * 2**5 == 96 and "a sixth term, 96" in text
    assert sum(Fraction(1, 2**k) for k in range(1, 5)) == Fraction(15, 16)
    assert all(sum(2**i for i in range(d + 1)) == 2 ** (d + 1) - 1 for d in range(10))
    assert sum(3**k for k in range(6)) == 364 and "1 + 3 + 9 + 27 + 81 + 243" in text


def test_logarithms_are_the_exponents():
    text = squash(lesson("logarithms"))
    facts = {(2, Fraction(8)): 3, (10, Fraction(1000)): 3, (3, Fraction(81)): 4}
    facts |= {(2, Fraction(1, 8)): -3, (4, Fraction(8)): Fraction(3, 2)}
    facts |= {(9, Fraction(27)): Fraction(3, 2), (10, Fraction(1, 100)): -2}
    for (b, x), y in facts.items():
        assert math.isclose(math.log(x) / math.log(b), y)
    assert "$\\log_4 8 = \\frac{3}{2}$" in text and "$\\log_9 27 = \\frac{3}{2}$" in text
    assert 5**3 == 125 and 5 * 3 == 15 and 2**5 == 32 and "$x = 2^5 = 32$" in text


def test_joint_table_margins_and_the_independence_check():
    text = squash(lesson("joint-probability-distributions"))
    table = [[3, 4, 5], [2, 1, 5]]  # in twentieths, rows X = 0, 1; columns winter, summer, other
    cells = "| $X = 0$ | " + " | ".join(f"$\\frac{{{c}}}{{20}}$" for c in table[0]) + " |"
    assert cells in text
    assert sum(map(sum, table)) == 20
    walk = Fraction(sum(table[1]), 20)
    other = Fraction(table[0][2] + table[1][2], 20)
    assert walk == Fraction(2, 5) and other == Fraction(1, 2)
    assert walk * other == Fraction(1, 5) != Fraction(table[1][2], 20) == Fraction(1, 4)
    assert Fraction(table[0][0] + table[1][0], 20) == Fraction(1, 4)
    assert Fraction(sum(table[0]), 20) == Fraction(3, 5)


def test_the_graphs_cross_where_the_lessons_say():
    text = squash(lesson("quadratic-formula"))
    roots = sorted(float(r) for r in np.roots(QUADRATIC))
    assert roots == [-0.5, 2.0]
    assert f"crosses the x-axis at {roots[0]:g} and {roots[1]:g}" in pictured("quadratic-formula")
    assert "at $-\\frac{1}{2}$ and at 2:" in text
    summary = pictured("logarithms")
    assert "defined for x > 0 only, crossing the x-axis at 1 and reaching 1 at x = 2" in summary
    assert "(4, 2)" in summary and f"({LOG_TOP}, {math.log2(LOG_TOP):g})" in summary
    text = squash(lesson("logarithms"))
    assert math.log2(8) - math.log2(4) == 1 and "from 4 to 8 adds just 1" in text


def test_the_domain_pictured_is_where_the_root_is_defined():
    summary = pictured("domain-and-range")
    assert f"x ≥ {ROOT_EDGE} are shaded, from a filled dot at {ROOT_EDGE}" in summary
    inside = [x for x in ROOT_TRIED if 2 * x - 6 >= 0]
    assert inside == [ROOT_EDGE]  # 2 falls outside, 3 is the edge itself
    text = squash(lesson("domain-and-range"))
    assert "the inputs tried, 2 and 3, marked" in text and "all $x \\ge 3$" in text


def test_the_game_bars_balance_at_the_expected_gain():
    text = squash(lesson("expected-value"))
    (line,) = PLOT_LINES["expected-value"]()
    spec = plots.parse(*parse_shortcode(line[len("[[plot:") : -2]))
    data = spec.kind.compute(spec.args)
    mean = sum(g * p for g, p in HEART_GAME.items())
    assert mean == 3 and data.series["mean"] == mean
    # the balance point: the weights' moments about the mean cancel
    assert sum((g - mean) * p for g, p in HEART_GAME.items()) == 0
    assert list(data.series["k"]) == [-2, 18] and list(data.series["p"]) == [0.75, 0.25]
    assert "a tall one at a loss of 2 dollars and a short one at a gain of 18" in text
    assert abs(mean - (-2)) < abs(18 - mean) and "much nearer the likely loss" in text
    assert "Marked: the mean 3," in pictured("expected-value")


def test_the_pmf_bars_are_c_x_and_the_event_holds_more_than_half():
    text = squash(lesson("probability-mass-functions"))
    (line,) = PLOT_LINES["probability-mass-functions"]()
    assert "probs=1/10,2/10,3/10,4/10" in line  # written as the lesson's table writes them
    spec = plots.parse(*parse_shortcode(line[len("[[plot:") : -2]))
    data = spec.kind.compute(spec.args)
    assert sum(LINEAR_PMF.values()) == 1
    assert np.allclose(data.series["p"], [float(p) for p in LINEAR_PMF.values()])
    steps = np.diff(data.series["p"])
    assert np.allclose(steps, 0.1) and "each bar is one tenth taller" in text
    assert LINEAR_PMF[3] + LINEAR_PMF[4] > Fraction(1, 2) and "hold more than half" in text
    assert "The bars hold all the probability" in data.summary
