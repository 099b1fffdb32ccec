"""The lessons of band 12 (KL plan positions 239 to 260): every number checked.

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

HOLE = 3  # limits: f(x) = (x^2 - 9)/(x - 3) near x = 3
NEAR_HOLE = (Fraction(29, 10), Fraction(299, 100), Fraction(301, 100), Fraction(31, 10))


def hole_function(x: Fraction) -> Fraction:
    """The lesson's f(x) = (x^2 - 9)/(x - 3), evaluated as written (never at 3)."""
    return (x * x - HOLE * HOLE) / (x - HOLE)


def limits_claims() -> list[Claim]:
    """The table of inputs near the hole and the outputs the unsimplified fraction gives."""
    slots = " | ".join(["«g»"] * len(NEAR_HOLE))
    return [
        claim(f"| $x$ | {slots} |", list(NEAR_HOLE)),
        claim(f"| $f(x)$ | {slots} |", [hole_function(x) for x in NEAR_HOLE]),
    ]


def function_of_a_variable_claims() -> list[Claim]:
    """The surprisals, in bits, of the probabilities 1/2, 1/4 and 1/4."""
    surprisals = [-math.log2(p) for p in (1 / 2, 1 / 4, 1 / 4)]
    return [claim("the surprisals are «g», «g» and «g» bits", surprisals)]


ROOT_OF_TWO = (1, 0, -2)  # continuity: x^2 - 2 on [1, 2], bisected twice


def quadratic(coefficients: tuple[int, int, int], x: Fraction) -> Fraction:
    a, b, c = coefficients
    return a * x * x + b * x + c


def bisect(coefficients, lo: Fraction, hi: Fraction, steps: int) -> list[tuple]:
    """The brackets halving [lo, hi] gives, keeping the half where the sign changes."""
    out = []
    for _ in range(steps):
        mid = (lo + hi) / 2
        if (quadratic(coefficients, lo) < 0) == (quadratic(coefficients, mid) < 0):
            lo = mid
        else:
            hi = mid
        out.append((lo, hi))
    return out


def continuity_claims() -> list[Claim]:
    """The brackets of the root of x^2 - 2 after one and two halvings."""
    (_, first), (second_lo, second_hi) = bisect(ROOT_OF_TWO, Fraction(1), Fraction(2), 2)
    return [
        claim("so the root lies in $[1, «g»]$", [first]),
        claim("so it lies in $[«g», «g»]$", [second_lo, second_hi]),
    ]


RATIONAL = ((3, 5, 0), (2, 0, -1))  # limits at infinity: (3x^2 + 5x)/(2x^2 - 1)
FAR_OUT = ((10, ".3f"), (100, ".3f"), (1000, ".4f"))


def rational(x: int) -> Fraction:
    (a, b, c), (d, e, f) = RATIONAL
    return Fraction(a * x * x + b * x + c, d * x * x + e * x + f)


def limits_at_infinity_claims() -> list[Claim]:
    """The rational example's values at 10, 100 and 1000, as fractions and rounded."""
    return [
        claim(
            f"$f({x}) = \\frac{{{rational(x).numerator}}}{{{rational(x).denominator}}} "
            f"\\approx «{spec}»$",
            [rational(x)],
        )
        for x, spec in FAR_OUT
    ]


FREE_THROW, QUARTER, BULB = Fraction(7, 10), Fraction(1, 4), Fraction(15, 100)


def binary_entropy(p: Fraction) -> float:
    return -sum(float(q) * math.log2(q) for q in (p, 1 - p) if q)


def bernoulli_claims() -> list[Claim]:
    """The free throw's p and mean, the entropies in bits, and the light bulb's answers."""
    p = FREE_THROW
    return [
        claim(
            "probability $p = «g»$. Then $\\mathbb{E}[X] = «g»$: over many throws she scores "
            "«g» points a throw on average, although no single throw scores «g».",
            [p, p, p, p],
        ),
        claim("which for the free throw is $H(«g») \\approx «.3f»$ bits", [p, binary_entropy(p)]),
        claim("carries $H(«g») \\approx «.3f»$ bits", [QUARTER, binary_entropy(QUARTER)]),
        claim("peaks at exactly «g» bit", [binary_entropy(Fraction(1, 2))]),
        claim("with probability $«g»$. Let", [BULB]),
        claim(
            "$\\mathbb{E}[X] = «g»$ and $\\operatorname{Var}(X) = «g» \\times «g» = «g»$",
            [BULB, BULB, 1 - BULB, BULB * (1 - BULB)],
        ),
    ]


HUFFMAN = ((40, 1), (30, 2), (20, 3), (10, 3))  # the Huffman lesson: counts, code lengths


def huffman_average() -> Fraction:
    return Fraction(sum(n * length for n, length in HUFFMAN), sum(n for n, _ in HUFFMAN))


def linearity_claims() -> list[Claim]:
    """The average codeword length of the Huffman lesson's code, in bits a symbol."""
    return [claim("at an average of $«g»$ bits a symbol", [huffman_average()])]


BALL = (-5, 20, 0)  # tangent lines: s(t) = 20t - 5t^2, a ball thrown up at 20 m/s
STEPS = (Fraction(1), Fraction(1, 10), Fraction(1, 100))


def height(t: Fraction) -> Fraction:
    a, b, c = BALL
    return a * t * t + b * t + c


def secant_slope(t: Fraction, h: Fraction) -> Fraction:
    return (height(t + h) - height(t)) / h


def tangent_claims() -> list[Claim]:
    """The table of steps and the secant slopes from t = 1 they give."""
    slots = " | ".join(["«g»"] * len(STEPS))
    return [
        claim(f"| $h$ | {slots} |", list(STEPS)),
        claim(
            f"| $\\frac{{s(1 + h) - s(1)}}{{h}}$ | {slots} |",
            [secant_slope(Fraction(1), h) for h in STEPS],
        ),
    ]


SSA = (10, 30, 6)  # congruent triangles: AB = 10, angle A = 30 degrees, BC = 6


def ssa_positions() -> tuple[float, float]:
    """The two distances AC at which the circle of radius BC about B meets the ray from A."""
    ab, angle, bc = SSA
    foot = ab * math.cos(math.radians(angle))  # along the ray, to the foot of the height
    height = ab * math.sin(math.radians(angle))
    half = math.sqrt(bc * bc - height * height)
    return foot - half, foot + half


def congruent_claims() -> list[Claim]:
    return [claim("meets the ray twice: at about «.2f» and about «.2f» from $A$", ssa_positions())]


TILE, LADDER, SHORT_LEG, DIAGONAL = 6, 10, 7, 12  # special right triangles


def special_right_claims() -> list[Claim]:
    """The decimals of the exact sides: legs times root 2 or root 3, hypotenuses over root 2."""
    r2, r3 = math.sqrt(2), math.sqrt(3)
    return [
        claim(f"Its diagonal is ${TILE}\\sqrt{{2}}$ cm, about «.3f» cm", [TILE * r2]),
        claim(f"${LADDER // 2}\\sqrt{{3}}$ m, about «.3f» m up the wall", [LADDER / 2 * r3]),
        claim(f"which is ${LADDER // 2}\\sqrt{{2}}$, about «.3f»: divide", [LADDER / r2]),
        claim(f"long leg ${SHORT_LEG}\\sqrt{{3}}$, about «.2f», hypotenuse", [SHORT_LEG * r3]),
        claim(f"which is ${DIAGONAL // 2}\\sqrt{{2}}$, about «.3f».", [DIAGONAL / r2]),
    ]


COINS = (Fraction(1, 2), Fraction(1, 4), Fraction(1, 10))  # triangle inequality: KL breaks it
THIRD_SIDE = (5, 8)  # two sides of a triangle; the third lies strictly between


def coin_divergence(p: Fraction, q: Fraction) -> float:
    from practice.kl_engine import kl_divergence

    return float(kl_divergence([float(p), float(1 - p)], [float(q), float(1 - q)]))


def triangle_inequality_claims() -> list[Claim]:
    """KL from the first coin to the third, and through the middle one, in bits."""
    p, q, r = COINS
    return [
        claim("to the third is about «.3f» bits", [coin_divergence(p, r)]),
        claim(
            "the two divergences add up to only about «.3f» bits",
            [coin_divergence(p, q) + coin_divergence(q, r)],
        ),
    ]


PERSON, TREE_SHADOW = (Fraction(3, 2), Fraction(5, 2)), 20  # height and shadow; tree's shadow
SPLIT = (6, 4, 9, 20)  # AD, DB, AE and BC for the line parallel to BC
SPLIT_TRY = (4, 6, 5)  # AD, DB, AE in the try-it


def tree_height() -> Fraction:
    height, shadow = PERSON
    return height * TREE_SHADOW / shadow


def proportions_claims() -> list[Claim]:
    height, shadow = PERSON
    ad, db, ae = SPLIT_TRY
    return [
        claim(
            f"a person «g» m tall casts a shadow «g» m long, and a tree casts a shadow "
            f"{TREE_SHADOW} m long",
            [height, shadow],
        ),
        claim(f"$$\\frac{{\\text{{tree}}}}{{{TREE_SHADOW}}} = \\frac{{«g»}}{{«g»}}", PERSON),
        claim("Every height is «g» times its shadow", [height / shadow]),
        claim(f"the tree is not $«g» + ({TREE_SHADOW} - «g»)$ metres tall", PERSON),
        claim(f"$EC = \\frac{{{ae} \\times {db}}}{{{ad}}} = «g»$", [Fraction(ae * db, ad)]),
    ]


CLAIMS = {
    "limits": limits_claims,
    "transformations-of-functions": no_claims,
    "triangle-angle-sum-theorem": no_claims,
    "exterior-angle-theorem": no_claims,
    "expected-value-of-a-function-of-a-random-variable": function_of_a_variable_claims,
    "infinite-geometric-series": no_claims,
    "laws-of-logarithms": no_claims,
    "limit-laws": no_claims,
    "marginal-distributions": no_claims,
    "continuity": continuity_claims,
    "conditional-distributions": no_claims,
    "independent-random-variables": no_claims,
    "limits-at-infinity": limits_at_infinity_claims,
    "bernoulli-distribution": bernoulli_claims,
    "linearity-of-expectation": linearity_claims,
    "tangent-lines-and-rates-of-change": tangent_claims,
    "congruent-triangles": congruent_claims,
    "special-right-triangles": special_right_claims,
    "triangle-inequality-theorem": triangle_inequality_claims,
    "proportions-in-similar-triangles": proportions_claims,
}
LESSONS = tuple(CLAIMS)

PARABOLA = (2, 1, 3, 1)  # transformations: g(x) = a (b(x - h))^2 + k from f(x) = x^2
MOVED_POINT = 1  # the parent's point (1, 1)


def moved_parabola(x: int) -> int:
    a, b, h, k = PARABOLA
    return a * (b * (x - h)) ** 2 + k


def expanded_parabola() -> tuple[int, int, int]:
    """The coefficients of the moved parabola, read off from three of its values."""
    y0, y1, y2 = moved_parabola(0), moved_parabola(1), moved_parabola(2)
    a = (y2 - 2 * y1 + y0) // 2
    return a, y1 - y0 - a, y0


DECAY = (4, Fraction(1, 2))  # limits at infinity: 4 (1/2)^x settles on y = 0
PLOT_LINES = {
    "proportions-in-similar-triangles": lambda: [
        f"[[plot:function family=linear m={float(PERSON[0] / PERSON[1]):g} b=0 xmin=0 "
        f"xmax={TREE_SHADOW} mark=point x0={TREE_SHADOW}]]"
    ],
    "triangle-inequality-theorem": lambda: [
        "[[plot:number-line start=0 end=15 show=between "
        f"a={abs(THIRD_SIDE[1] - THIRD_SIDE[0])} b={sum(THIRD_SIDE)}]]"
    ],
    "special-right-triangles": lambda: ["[[plot:unit-circle angle=30 unit=degrees]]"],
    "tangent-lines-and-rates-of-change": lambda: [
        "[[plot:function family=quadratic a={} b={} c={} xmin=0 xmax=4 mark=tangent x0=1]]".format(
            *BALL
        )
    ],
    "bernoulli-distribution": lambda: [f"[[plot:binary-entropy p={float(QUARTER):g}]]"],
    "limits-at-infinity": lambda: [
        f"[[plot:function family=exponential a={DECAY[0]} base={float(DECAY[1]):g} xmin=0 xmax=8]]"
    ],
    "continuity": lambda: [
        "[[plot:function family=quadratic a={} b={} c={} xmin=0 xmax=2 mark=point x0={:g}]]".format(
            *ROOT_OF_TWO, float(bisect(ROOT_OF_TWO, Fraction(1), Fraction(2), 1)[0][1])
        )
    ],
    "transformations-of-functions": lambda: [
        "[[plot:function family=quadratic a={} b={} c={} xmin=0 xmax=6 mark=point x0={}]]".format(
            *expanded_parabola(), MOVED_POINT + PARABOLA[2]
        )
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


def test_the_hole_is_at_the_height_of_the_cancelled_line():
    text = squash(lesson("limits"))
    # the cancelled form agrees with the fraction everywhere but at the hole
    for x in [*NEAR_HOLE, Fraction(-7), Fraction(10)]:
        assert hole_function(x) == x + HOLE
    assert "$(x - 3)(x + 3)$" in text and "$3 + 3 = 6$" in text
    # values close in from both sides: below 6 on the left, above it on the right
    left, right = NEAR_HOLE[:2], NEAR_HOLE[2:]
    assert all(hole_function(x) < 2 * HOLE for x in left)
    assert all(hole_function(x) > 2 * HOLE for x in right)
    # try it: (x^2 - 25)/(x - 5) is x + 5 away from 5
    assert all(Fraction(x * x - 25, x - 5) == x + 5 for x in (4, 6, 7))
    assert "$5 + 5 = 10$" in text


def test_the_one_sided_limits_of_the_piecewise_example_differ():
    def g(x: Fraction) -> Fraction:
        return 2 * x if x < 1 else x + 3

    text = squash(lesson("limits"))
    step = Fraction(1, 10**6)
    assert abs(g(1 - step) - 2) < 10 * step and abs(g(1 + step) - 4) < 10 * step
    assert g(Fraction(1)) == 4
    assert "\\lim_{x \\to 1^-} g(x) = 2$" in text and "\\lim_{x \\to 1^+} g(x) = 4$" in text


def test_the_moved_point_lies_on_the_moved_parabola():
    text = squash(lesson("transformations-of-functions"))
    a, b, h, k = PARABOLA
    p, q = MOVED_POINT, MOVED_POINT**2
    moved = (Fraction(p, b) + h, a * q + k)
    assert moved == (4, 3) and moved_parabola(4) == 3
    assert "$g(4) = 2 \\times (4 - 3)^2 + 1 = 3$" in text
    assert moved_parabola(h) == k and min(moved_parabola(x) for x in range(-10, 11)) == k
    assert "$(3, 1)$" in text and "$g(x) = 2x^2 - 12x + 19$" in text
    assert expanded_parabola() == (2, -12, 19)
    summary = pictured("transformations-of-functions")
    assert "(3, 1)" in summary and "(4, 3)" in summary


def test_squeeze_and_try_it_points():
    text = squash(lesson("transformations-of-functions"))
    assert (2 * 2) ** 2 == 4**2 == 16 and "$(2 \\times 2)^2 = 16$" in text
    # try it: (2, 5) on f goes to (2 - 4, 3 * 5 - 2) on 3 f(x + 4) - 2
    x, y = 2 - 4, 3 * 5 - 2
    assert (x, y) == (-2, 13) and "$(-2, 13)$" in text


def test_triangle_angles_add_to_a_straight_angle():
    text = squash(lesson("triangle-angle-sum-theorem"))
    third = 180 - 48 - 67
    assert third == 65 and "$180 - 48 - 67 = 65$" in text
    # the ratio 1 : 2 : 3 shares 180 degrees into 30, 60 and 90: a right triangle
    ratio = (1, 2, 3)
    part = Fraction(180, sum(ratio))
    angles = [r * part for r in ratio]
    assert angles == [30, 60, 90] and "angles of 30, 60 and 90 degrees" in text
    assert "$6x = 180$" in text and "$x = 30$" in text
    # the special right triangles' angles add to 180 too
    assert 45 + 45 + 90 == 30 + 60 + 90 == 180
    # try it: a right triangle with 34 degrees; angles x, x, 4x
    assert 180 - 90 - 34 == 56 and "$180 - 90 - 34 = 56$" in text
    assert (1 + 1 + 4) * 30 == 180 and "$6x = 180$, so $x = 30$" in text


def test_exterior_angle_is_the_sum_of_the_remote_two():
    text = squash(lesson("exterior-angle-theorem"))
    a, b = 35, 70
    c = 180 - a - b
    assert 180 - c == a + b == 105 and "$35 + 70 = 105$" in text and "$180 - 105 = 75$" in text
    # the algebra example: 4x - 10 = (2x + 10) + (x + 20)
    x = Fraction(30 + 10, 4 - 3)
    assert 4 * x - 10 == (2 * x + 10) + (x + 20) and x == 40
    assert "$x = 40$" in text and "$4 \\times 40 - 10 = 150$" in text
    assert 4 * x - 10 > max(2 * x + 10, x + 20)
    # try it
    assert "$52 + 61 = 113$" in text and "$130 - 45 = 85$" in text


def test_the_square_is_averaged_before_the_mean_is_squared():
    text = squash(lesson("expected-value-of-a-function-of-a-random-variable"))
    table = {-1: Fraction(1, 8), 0: Fraction(1, 4), 1: Fraction(3, 8), 2: Fraction(1, 4)}
    assert sum(table.values()) == 1
    lotus = sum(x * x * p for x, p in table.items())
    # the long way: the distribution of X^2 first, then its mean
    squares: dict[int, Fraction] = {}
    for x, p in table.items():
        squares[x * x] = squares.get(x * x, 0) + p
    assert squares == {1: Fraction(1, 2), 0: Fraction(1, 4), 4: Fraction(1, 4)}
    assert sum(y * p for y, p in squares.items()) == lotus == Fraction(3, 2)
    mean = sum(x * p for x, p in table.items())
    assert mean == Fraction(3, 4) and mean**2 == Fraction(9, 16) < lotus
    assert "\\frac{3}{4}\\right)^2 = \\frac{9}{16}" in text
    # entropy of (1/2, 1/4, 1/4) as an expected surprisal
    probs = (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))
    surprisals = [-math.log2(p) for p in probs]
    assert surprisals == [1, 2, 2]
    assert math.isclose(sum(float(p) * s for p, s in zip(probs, surprisals, strict=True)), 1.5)
    # try it: E[1/X] for X uniform on 1, 2, 4, and one over the mean
    values = (1, 2, 4)
    assert sum(Fraction(1, 3) / x for x in values) == Fraction(7, 12)
    assert 1 / (Fraction(sum(values), 3)) == Fraction(3, 7) < Fraction(7, 12)
    assert "= \\frac{7}{12}$" in text and "$\\frac{3}{7}$" in text


def geometric_partial_sums(a: Fraction, r: Fraction, count: int) -> list[Fraction]:
    """The first ``count`` partial sums of a + ar + ar^2 + ..., added term by term."""
    sums, total, term = [], Fraction(0), a
    for _ in range(count):
        total += term
        sums.append(total)
        term *= r
    return sums


def test_partial_sums_close_in_on_the_geometric_sum():
    text = squash(lesson("infinite-geometric-series"))
    for a, r, limit in ((6, Fraction(1, 2), 12), (8, Fraction(-1, 2), Fraction(16, 3))):
        sums = geometric_partial_sums(Fraction(a), r, 60)
        assert abs(sums[-1] - limit) < Fraction(1, 10**15)
        assert a / (1 - r) == limit
    assert geometric_partial_sums(Fraction(6), Fraction(1, 2), 4) == [
        6,
        9,
        Fraction(21, 2),
        Fraction(45, 4),
    ]
    # each step closes half the gap to 12
    gaps = [12 - s for s in geometric_partial_sums(Fraction(6), Fraction(1, 2), 4)]
    assert all(later == earlier / 2 for earlier, later in zip(gaps, gaps[1:], strict=False))
    # the alternating sums straddle 16/3
    s1, s2, s3 = geometric_partial_sums(Fraction(8), Fraction(-1, 2), 3)
    assert (s1, s2, s3) == (8, 4, 6) and s2 < Fraction(16, 3) < s3 < s1
    # the sign slip's 16 exceeds the first term
    assert 8 / (1 - Fraction(1, 2)) == 16 > 8 and "= 16$" in text
    # first head: 1/2 + 1/4 + ... = 1
    assert abs(geometric_partial_sums(Fraction(1, 2), Fraction(1, 2), 60)[-1] - 1) < 1e-15
    # try it
    assert 9 / (1 - Fraction(1, 3)) == Fraction(27, 2) and 10 / (1 + Fraction(1, 5)) == Fraction(
        25, 3
    )
    assert "\\frac{27}{2}$" in text and "\\frac{25}{3}$" in text


def test_log_laws_examples_agree_with_the_powers():
    text = squash(lesson("laws-of-logarithms"))
    assert 2**5 == 4 * 8 == 32 and 2**2 * 2**3 == 2 ** (2 + 3)
    assert Fraction(243, 9) == 27 == 3**3 == 3**5 // 3**2
    assert 8**4 == 4096 == 2**12 and "$4 \\times 3 = 12$" in text
    assert 4 * 9 == 36 == 6**2 and "= \\log_6 36$, which is 2" in text
    assert not any(6**k in (4, 9) for k in range(5))
    # the joint chance of heads and a 1 on a four-sided die, and its surprisal in bits
    assert Fraction(1, 2) * Fraction(1, 4) == Fraction(1, 8)
    assert math.log2(8) == math.log2(2) + math.log2(4) == 3
    # no rule for a sum: log2(8 + 8) = 4 but log2 8 + log2 8 = 6 = log2(8 * 8)
    assert math.log2(8 + 8) == 4 and 2 * math.log2(8) == math.log2(8 * 8) == 6
    assert "$\\log_2(8 + 8) = \\log_2 16 = 4$" in text and "$\\log_2 8 + \\log_2 8 = 6$" in text
    # try it: log5(x^2 y) = 2 log5 x + log5 y with x = 5^3, y = 5^2
    x, y = 5**3, 5**2
    assert round(math.log(x * x * y, 5)) == 8 and (x * x * y) == 5**8
    assert "$2 \\times 3 + 2 = 8$" in text
    assert 4 * 25 == 10**2 and "$\\log_{10} 100 = 2$" in text


def test_limit_laws_examples_follow_from_values_near_a():
    """f and g chosen with the stated limits (f = 4 + t, g = -2 + t^2 near t = 0): the
    combinations evaluated close to the point approach the lesson's values."""
    text = squash(lesson("limit-laws"))
    t = 1e-7
    f, g = 4 + t, -2 + t * t
    assert math.isclose(2 * f - 3 * g, 14, rel_tol=1e-6) and "= 14,$$" in text
    assert math.isclose(f * g, -8, rel_tol=1e-6) and "$4 \\times (-2) = -8$" in text
    assert math.isclose(f / g, -2, rel_tol=1e-6) and math.isclose(math.sqrt(f), 2, rel_tol=1e-6)
    # the polynomial's limit is its value at 2
    assert 3 * 2**2 - 2 + 4 == 14 and "3 \\times 2^2 - 2 + 4 = 14$" in text
    # the 0/0 example simplifies to x + 3, giving 6 at 3
    assert all(Fraction(x * x - 9, x - 3) == x + 3 for x in (1, 2, 4, 5))
    # try it: (f^2 - g)/(g + 1) with limits 5 and 3
    assert Fraction(5**2 - 3, 3 + 1) == Fraction(11, 2) and 3 + 1 != 0
    assert "\\frac{22}{4} = \\frac{11}{2}$" in text


def test_marginals_are_row_and_column_totals_and_forget_dependence():
    text = squash(lesson("marginal-distributions"))
    joint = {(0, 1): 1, (0, 2): 3, (0, 3): 2, (1, 1): 3, (1, 2): 1, (1, 3): 2}
    joint = {k: Fraction(v, 12) for k, v in joint.items()}
    assert sum(joint.values()) == 1
    p_x = {x: sum(p for (a, _), p in joint.items() if a == x) for x in (0, 1)}
    p_y = {y: sum(p for (_, b), p in joint.items() if b == y) for y in (1, 2, 3)}
    assert p_x == {0: Fraction(1, 2), 1: Fraction(1, 2)}
    assert p_y == {1: Fraction(1, 3), 2: Fraction(1, 3), 3: Fraction(1, 3)}
    assert sum(y * p for y, p in p_y.items()) == 2
    # the flat table has the same marginals and is the product of them
    for x, y in joint:
        assert p_x[x] * p_y[y] == Fraction(2, 12)
    assert joint != {k: Fraction(2, 12) for k in joint}
    # given X = 0, Y = 2 is three times as likely as given X = 1
    assert (joint[0, 2] / p_x[0]) / (joint[1, 2] / p_x[1]) == 3
    assert "$p(0, 2) = \\frac{3}{12}$" in text


def test_continuity_gluing_bisection_and_try_it():
    text = squash(lesson("continuity"))

    def glued(k: int, x: Fraction) -> Fraction:
        return x * x + 1 if x < 2 else k * x - 3

    # only k = 4 closes the gap at 2: the left limit, the right limit and the value agree
    step = Fraction(1, 10**6)
    for k in range(-10, 11):
        gap = abs(glued(k, 2 - step) - glued(k, Fraction(2)))
        assert (gap < 10 * step) == (k == 4), k
    assert "$2k - 3 = 5$, so $k = 4$" in text
    # the sign changes that the brackets follow, and the root inside them all
    assert quadratic(ROOT_OF_TWO, Fraction(1)) < 0 < quadratic(ROOT_OF_TWO, Fraction(2))
    for lo, hi in bisect(ROOT_OF_TWO, Fraction(1), Fraction(2), 2):
        assert quadratic(ROOT_OF_TWO, lo) < 0 < quadratic(ROOT_OF_TWO, hi)
        assert lo < math.sqrt(2) < hi
    assert "is positive, so the root" in text and "is negative, so it lies" in text
    # the plot marks the first halving's point above the axis and states the root
    summary = pictured("continuity")
    assert "(1.5, 0.25)" in summary and "1.41" in summary
    # try it: k = 2 joins kx + 1 to x^2 - 2 at 3; x^2 + x - 5 changes sign on [1, 2]
    assert [k for k in range(-10, 11) if 3 * k + 1 == 3**2 - 2] == [2]
    assert (1 + 1 - 5) * (4 + 2 - 5) < 0 and "$k = 2$" in text


MARGINAL_TABLE = {(0, 1): 1, (0, 2): 3, (0, 3): 2, (1, 1): 3, (1, 2): 1, (1, 3): 2}  # twelfths


def test_conditional_rows_add_to_one_and_average_back_to_the_mean():
    text = squash(lesson("conditional-distributions"))
    table = {k: Fraction(v, 12) for k, v in MARGINAL_TABLE.items()}
    p_x = {x: sum(p for (a, _), p in table.items() if a == x) for x in (0, 1)}
    given = {x: [table[x, y] / p_x[x] for y in (1, 2, 3)] for x in (0, 1)}
    assert given[0] == [Fraction(1, 6), Fraction(1, 2), Fraction(1, 3)]
    assert given[1] == [Fraction(1, 2), Fraction(1, 6), Fraction(1, 3)]
    assert all(sum(row) == 1 for row in given.values())
    assert "$\\frac{1}{2}, \\frac{1}{6}, \\frac{1}{3}$" in text
    means = {x: sum(y * p for y, p in zip((1, 2, 3), given[x], strict=True)) for x in (0, 1)}
    assert means == {0: Fraction(13, 6), 1: Fraction(11, 6)}
    overall = sum(y * p for (_, y), p in table.items())
    assert sum(p_x[x] * means[x] for x in (0, 1)) == overall == 2
    # the cell is half the conditional, since half the probability is left
    assert table[0, 2] / p_x[0] == 2 * table[0, 2] and "is twice that" in text
    # conditioning on X and on Y differ for the same pair
    p_y2 = table[0, 2] + table[1, 2]
    assert table[0, 2] / p_x[0] != table[0, 2] / p_y2
    # try it: P(Y = 3 | X = 1) and P(X = 0 | Y = 1)
    assert table[1, 3] / p_x[1] == Fraction(1, 3)
    assert table[0, 1] / (table[0, 1] + table[1, 1]) == Fraction(1, 4)


def test_independence_is_a_product_in_every_cell():
    text = squash(lesson("independent-random-variables"))
    coin, spinner = {0: Fraction(1, 2), 1: Fraction(1, 2)}, {1: Fraction(1, 3), 2: Fraction(2, 3)}
    table = {(x, y): coin[x] * spinner[y] for x in coin for y in spinner}
    assert table == {
        (0, 1): Fraction(1, 6),
        (0, 2): Fraction(1, 3),
        (1, 1): Fraction(1, 6),
        (1, 2): Fraction(1, 3),
    }
    # the marginal lesson's table fails at (0, 2): dependent
    joint = {k: Fraction(v, 12) for k, v in MARGINAL_TABLE.items()}
    p_x = {x: sum(p for (a, _), p in joint.items() if a == x) for x in (0, 1)}
    p_y = {y: sum(p for (_, b), p in joint.items() if b == y) for y in (1, 2, 3)}
    assert joint[0, 2] == Fraction(3, 12) != p_x[0] * p_y[2] == Fraction(1, 6)
    # two fair four-sided dice: P(X + Y = 5), E[XY] = E[X] E[Y] = 25/4, variances add
    faces = range(1, 5)
    pairs = [(x, y) for x in faces for y in faces]
    assert Fraction(sum(x + y == 5 for x, y in pairs), 16) == Fraction(1, 4)
    assert Fraction(sum(x * y for x, y in pairs), 16) == Fraction(25, 4)
    var = Fraction(sum(x * x for x in faces), 4) - Fraction(5, 2) ** 2
    mean_sum = Fraction(sum(x + y for x, y in pairs), 16)
    var_sum = Fraction(sum((x + y) ** 2 for x, y in pairs), 16) - mean_sum**2
    assert var_sum == 2 * var

    # mutual information: zero for the product table, positive for the dependent one
    def information(cells, px, py):
        return sum(float(p) * math.log2(p / (px[x] * py[y])) for (x, y), p in cells.items())

    assert information(table, coin, spinner) == 0
    assert information(joint, p_x, p_y) > 0
    # mutually exclusive values with positive chances are dependent
    exclusive = {(1, 1): Fraction(0), (1, 0): Fraction(1, 2), (0, 1): Fraction(1, 2)}
    assert exclusive[1, 1] != Fraction(1, 2) * Fraction(1, 2)
    assert "as dependent as variables get" in text
    # try it
    assert Fraction(1, 4) * Fraction(2, 3) == Fraction(1, 6)
    assert Fraction(sum(x + y == 3 for x, y in pairs), 16) == Fraction(1, 8)


def test_limits_at_infinity_follow_the_leading_terms():
    text = squash(lesson("limits-at-infinity"))
    (a, _, _), (d, _, _) = RATIONAL
    gaps = [rational(x) - Fraction(a, d) for x, _ in FAR_OUT]
    assert all(g > 0 for g in gaps) and gaps == sorted(gaps, reverse=True)
    assert abs(rational(10**9) - Fraction(3, 2)) < Fraction(1, 10**8)
    assert "closing in on $\\frac{3}{2}$ from above" in text

    # the degree rule, on the common mistake and the try-it
    def at(top, bottom, x):
        return sum(c * x**k for k, c in enumerate(top)) / sum(
            c * x**k for k, c in enumerate(bottom)
        )

    big = 10.0**8
    assert abs(at((1, 2), (3, 0, 1), big)) < 1e-7  # (2x + 1)/(x^2 + 3) -> 0, not 2
    assert math.isclose(at((0, -1, 0, 5), (7, 0, 0, 2), big), 5 / 2, rel_tol=1e-9)
    assert abs(at((1, 4), (-3, 0, 1), big)) < 1e-7
    # x^3 / 2^x: just below 1 at 10, tiny at 20, and falling from 5 on
    ratios = [Fraction(x**3, 2**x) for x in range(5, 60)]
    assert ratios == sorted(ratios, reverse=True) and ratios[-1] < Fraction(1, 10**11)
    # p log p -> 0: -log t / t shrinks as t grows
    assert all(math.log(t) / t > math.log(10 * t) / (10 * t) for t in (10, 100, 1000))
    # the plot: a decaying exponential, halving towards 0
    summary = pictured("limits-at-infinity")
    assert "(8, 0.0156)" in summary and "ever closer to 0" in summary
    assert DECAY[0] * DECAY[1] ** 8 == Fraction(1, 64)


def test_bernoulli_mean_variance_and_entropy_from_the_two_outcomes():
    text = squash(lesson("bernoulli-distribution"))
    for p in (FREE_THROW, QUARTER, BULB, Fraction(1, 2)):
        outcomes = {0: 1 - p, 1: p}
        mean = sum(x * q for x, q in outcomes.items())
        var = sum((x - mean) ** 2 * q for x, q in outcomes.items())
        assert (
            mean == p and var == p * (1 - p) == sum(x * x * q for x, q in outcomes.items()) - p**2
        )
    # the variance is largest at 1/2, where it is 1/4, and 0 at either end
    grid = [Fraction(k, 100) for k in range(101)]
    assert max(grid, key=lambda p: p * (1 - p)) == Fraction(1, 2)
    assert "$\\frac{1}{2} \\times \\frac{1}{2} = \\frac{1}{4}$" in text
    # entropy: highest at 1/2 with one bit, symmetric, 0 at the ends
    assert max(grid, key=binary_entropy) == Fraction(1, 2) and binary_entropy(Fraction(1)) == 0
    assert math.isclose(binary_entropy(FREE_THROW), binary_entropy(1 - FREE_THROW))
    summary = pictured("bernoulli-distribution")
    assert "p = 0.25, H = 0.8113 bits" in summary and "highest at p = 0.5 with 1 bit" in summary
    # the standard deviation is the square root of the variance
    assert "\\sqrt{0.21} \\approx 0.458" in text


def test_linearity_on_a_dependent_table_and_with_indicators():
    from itertools import permutations

    text = squash(lesson("linearity-of-expectation"))
    joint = {k: Fraction(v, 12) for k, v in MARGINAL_TABLE.items()}
    e_x = sum(x * p for (x, _), p in joint.items())
    e_y = sum(y * p for (_, y), p in joint.items())
    assert (e_x, e_y) == (Fraction(1, 2), 2)
    assert sum((x + y) * p for (x, y), p in joint.items()) == e_x + e_y == Fraction(5, 2)
    assert sum((x + y) * v for (x, y), v in MARGINAL_TABLE.items()) == 30
    # dependent, and E[XY] is not E[X] E[Y] there
    assert sum(x * y * p for (x, y), p in joint.items()) != e_x * e_y
    # guessing 12 questions with 4 options: the binomial mean, summed exactly
    n, p = 12, Fraction(1, 4)
    binomial = sum(k * math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1))
    assert binomial == n * p == 3
    # four letters in random envelopes: one right on average, over all 24 orders
    orders = list(permutations(range(4)))
    fixed = [sum(i == s for i, s in enumerate(o)) for o in orders]
    assert Fraction(sum(fixed), len(orders)) == 1 and 3 not in fixed
    assert "if three letters are right, so is the fourth" in text
    # the Huffman lesson's code: 1.9 bits a symbol, 190 bits for 100 symbols
    assert 100 * huffman_average() == 190
    # a fair coin: E[X^2] = 1/2 but E[X]^2 = 1/4
    coin = {0: Fraction(1, 2), 1: Fraction(1, 2)}
    assert sum(x * x * p for x, p in coin.items()) == Fraction(1, 2)
    assert sum(x * p for x, p in coin.items()) ** 2 == Fraction(1, 4)
    # try it
    assert 4 * 3 - 5 * (-2) + 1 == 23 and 30 * Fraction(1, 6) == 5


def test_secant_slopes_of_the_ball_close_in_on_its_velocity():
    text = squash(lesson("tangent-lines-and-rates-of-change"))
    one = Fraction(1)
    # the quotient is 10 - 5h for every step, so it tends to 10 from below
    for h in (*STEPS, Fraction(1, 10**6), Fraction(-1, 10)):
        assert secant_slope(one, h) == 10 - 5 * h
    assert "$\\frac{10h - 5h^2}{h} = 10 - 5h$" in text
    assert secant_slope(Fraction(0), one) == 15 and height(one) == 15
    first_second = secant_slope(Fraction(0), one)
    assert f"\\frac{{s(1) - s(0)}}{{1}} = {first_second}$" in text
    assert f"$(1, s(1)) = (1, {height(one)})$" in text
    assert f"The average over $[0, 1]$ is {first_second} metres per second" in text
    # the tangent y = 10t + 5 touches the parabola at t = 1 only, and lies above it
    for t in (Fraction(k, 4) for k in range(-8, 17)):
        gap = 10 * t + 5 - height(t)
        assert gap >= 0 and (gap == 0) == (t == 1)
    assert "$y = 10t + 5$" in text
    summary = pictured("tangent-lines-and-rates-of-change")
    assert "slope 10: y = 10x + 5" in summary and "vertex (2, 20)" in summary
    # from any time t the quotient is 20 - 10t - 5h, so the velocity is 20 - 10t
    for t in (Fraction(k, 2) for k in range(-4, 10)):
        for h in (*STEPS, Fraction(-3, 7)):
            assert secant_slope(t, h) == 20 - 10 * t - 5 * h
    assert "the quotient $20 - 10t - 5h$, so the velocity at $t$ is $20 - 10t$" in text
    # at rest at the top, t = 2; the whole flight averages 0 from t = 0 to 4
    assert abs(secant_slope(Fraction(2), Fraction(1, 10**9))) < Fraction(1, 10**8)
    assert height(Fraction(4)) == height(Fraction(0)) == 0
    assert f"\\frac{{s(4) - s(0)}}{{4}} = {secant_slope(Fraction(0), Fraction(4))}$" in text
    # try it: the average over [1, 3] is 0, and the tangent at 3 is y = -10t + 45
    assert secant_slope(one, Fraction(2)) == 0
    assert f"\\frac{{s(3) - s(1)}}{{2}} = {secant_slope(one, Fraction(2))}$" in text
    slope3 = secant_slope(Fraction(3), Fraction(1, 10**9)) + 5 * Fraction(1, 10**9)
    assert slope3 == -10 and height(Fraction(3)) - slope3 * 3 == 45
    assert f"$s(3) = {height(Fraction(3))}$" in text and "$y = -10t + 45$" in text


def test_ssa_gives_two_triangles_and_the_congruence_examples_hold():
    text = squash(lesson("congruent-triangles"))
    ab, angle, bc = SSA
    for ac in ssa_positions():
        # the law of cosines gives BC = 6 back from AB, AC and the angle at A
        third = math.sqrt(ab * ab + ac * ac - 2 * ab * ac * math.cos(math.radians(angle)))
        assert math.isclose(third, bc) and ac > 0
    low, high = ssa_positions()
    assert not math.isclose(low, high)

    # SAS: 7 and 9 about 50 degrees, drawn twice (once turned, slid and flipped), give the
    # same third side and the same angle at A and D
    def drawn(at, turn, flip):
        b = np.array(at, dtype=float)
        a = b + 7 * np.array([math.cos(turn), math.sin(turn)])
        towards_c = turn + flip * math.radians(50)
        c = b + 9 * np.array([math.cos(towards_c), math.sin(towards_c)])
        u, w = b - a, c - a
        angle_a = math.degrees(math.acos(u @ w / (np.linalg.norm(u) * np.linalg.norm(w))))
        return np.linalg.norm(c - a), angle_a

    (ac, at_a), (df, at_d) = drawn((0, 0), 0.0, 1), drawn((3, -2), 1.1, -1)
    assert math.isclose(ac, df) and math.isclose(at_a, at_d)
    assert "congruent by SAS" in text
    # the algebra: 2x + 3 = 11; try it: 3x - 4 = 17, and the third angles 65
    assert [x for x in range(-20, 21) if 2 * x + 3 == 11] == [4]
    assert [x for x in range(-20, 21) if 3 * x - 4 == 17] == [7]
    assert "$2x + 3 = 11$, so $x = 4$" in text and "$3x - 4 = 17$, so $x = 7$" in text
    assert 180 - 40 - 75 == 65 and "$180 - 40 - 75 = 65$" in text


def test_special_triangles_from_half_a_square_and_half_an_equilateral():
    text = squash(lesson("special-right-triangles"))
    # half a square of side 1: legs 1, 1 and the diagonal root 2, angles of 45 degrees
    assert math.isclose(math.hypot(1, 1), math.sqrt(2))
    assert math.isclose(math.degrees(math.atan2(1, 1)), 45)
    # half an equilateral triangle of side 2: short leg 1, hypotenuse 2, long leg root 3
    apex, foot = np.array([1.0, math.sqrt(3)]), np.array([1.0, 0.0])
    assert math.isclose(np.linalg.norm(apex - np.array([0.0, 0.0])), 2)
    assert math.isclose(np.linalg.norm(apex - foot), math.sqrt(3))
    assert math.isclose(math.degrees(math.atan2(math.sqrt(3), 1)), 60)
    # the ladder: hypotenuse 10 at 60 degrees to the ground
    assert math.isclose(LADDER * math.cos(math.radians(60)), LADDER / 2)
    assert math.isclose(LADDER * math.sin(math.radians(60)), LADDER / 2 * math.sqrt(3))
    assert "$\\frac{10}{2} = 5$" in text
    # the legs of a 45-45-90 triangle with hypotenuse 10 and of a square with diagonal 12
    for hyp in (LADDER, DIAGONAL):
        leg = hyp / math.sqrt(2)
        assert math.isclose(math.hypot(leg, leg), hyp) and math.isclose(leg, hyp / 2 * math.sqrt(2))
    # the circle's point at 30 degrees: cos and sin as the special triangle names them
    summary = pictured("special-right-triangles")
    assert "cos θ = 0.866 = √3/2" in summary and "sin θ = 0.5 = 1/2" in summary
    assert "$\\cos 30^\\circ = \\frac{\\sqrt{3}}{2}$" in text
    assert math.isclose(math.sin(math.radians(45)), math.sqrt(2) / 2)


def makes_a_triangle(a: float, b: float, c: float) -> bool:
    """Whether three points with these distances exist off a line: place two of them and
    look for the third by the law of cosines (a real angle strictly between 0 and 180)."""
    if min(a, b, c) <= 0:
        return False
    cos_c = (a * a + b * b - c * c) / (2 * a * b)
    return -1 < cos_c < 1


def test_triangle_inequality_examples_against_the_law_of_cosines():
    text = squash(lesson("triangle-inequality-theorem"))
    assert makes_a_triangle(4, 7, 10) and not makes_a_triangle(3, 5, 9)
    assert not makes_a_triangle(3, 5, 8) and not makes_a_triangle(6, 6, 13)
    # the largest-side check agrees with all three checks on many triples
    for a in range(1, 12):
        for b in range(1, 12):
            for c in range(1, 12):
                small, mid, big = sorted((a, b, c))
                assert (big < small + mid) == makes_a_triangle(a, b, c)
    # the third side with 5 and 8: whole lengths 4 to 12, nine of them
    a, b = THIRD_SIDE
    lengths = [x for x in range(1, 30) if makes_a_triangle(a, b, x)]
    assert lengths == list(range(4, 13)) and len(lengths) == 9
    assert "4, 5, ..., 12" in text
    # the try-it's range for 4 and 9
    assert [x for x in range(1, 30) if makes_a_triangle(4, 9, x)] == list(range(6, 13))
    # the plot shades the open interval 3 < x < 13
    summary = pictured("triangle-inequality-theorem")
    assert "3 < x < 13 are shaded" in summary and "hollow dot at 3" in summary
    # KL breaks the inequality for the three coins
    p, q, r = COINS
    assert coin_divergence(p, r) > coin_divergence(p, q) + coin_divergence(q, r)


def test_similar_triangle_proportions_by_coordinates():
    text = squash(lesson("proportions-in-similar-triangles"))
    # the tree: 12 m, on the line through the origin that the person's point sets
    assert tree_height() == 12 and "= 12 \\text{ metres tall.}" in text
    height, shadow = PERSON
    assert tree_height() / TREE_SHADOW == height / shadow
    assert "Marked: the point (20, 12)." in pictured("proportions-in-similar-triangles")
    assert height + (TREE_SHADOW - shadow) != tree_height()
    # the parallel line: place A, B, C, cut AB at D, draw the parallel through D
    ad, db, ae, bc = SPLIT
    a, b = np.array([0.0, 0.0]), np.array([10.0, 0.0])
    c = a + 15 * np.array([math.cos(0.7), math.sin(0.7)])  # AC = 15, as the lesson finds
    d = a + (b - a) * ad / (ad + db)
    # E is where the parallel to BC through D meets AC: solve d + s (c - b) = t c
    _, t_ = np.linalg.solve(np.column_stack([c - b, -(c - a)]), a - d)
    e = a + t_ * (c - a)
    assert math.isclose(np.linalg.norm(e - a), ae) and math.isclose(np.linalg.norm(c - e), 6)
    assert math.isclose(np.linalg.norm(e - d) / np.linalg.norm(c - b), ad / (ad + db))
    assert Fraction(ad, db) == Fraction(ae, 6)
    assert bc * Fraction(ad, ad + db) == 12 and bc * Fraction(ad, db) == 30 > bc
    # try it: the post and the building; AD = 4, DB = 6, AE = 5
    assert Fraction(2 * 27, 3) == 18
    ad, db, ae = SPLIT_TRY
    assert Fraction(ae * db, ad) == Fraction(15, 2)


@pytest.mark.django_db
def test_each_topic_page_shows_its_lesson_and_plots_and_a_question(client, curriculum):
    check_topic_pages(client, LESSONS, PLOT_LINES)
