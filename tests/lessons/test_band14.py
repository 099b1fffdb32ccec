"""The lessons of band 14 (KL plan positions 283 to 304): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (a sine worked on a calculator), computed here from
the example's inputs, and the tests below recompute the facts the lessons state in words.
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import product

import numpy as np
import pytest

from practice import plots
from practice.families.band14 import huffman_lengths
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

CALCULATOR_ANGLE, CALCULATOR_HYPOTENUSE = 40, 8  # right triangle: BC = 8 sin 40°


def right_triangle_claims() -> list[Claim]:
    """BC = 8 sin 40°, in degree mode and in the radian-mode slip."""
    h, a = CALCULATOR_HYPOTENUSE, CALCULATOR_ANGLE
    right, slip = h * math.sin(math.radians(a)), h * math.sin(a)
    return [
        claim("$BC = 8 \\sin 40^\\circ \\approx «.2f»$", [right]),
        claim("$8 \\sin 40 \\approx «.2f»$ instead of $«.2f»$", [slip, right]),
    ]


QUOTIENT_AT, QUOTIENT_STEP = 1, Fraction(1, 100)  # quotient rule: x^2 / (x + 1) near 1


def _quotient_example(x):
    return x**2 / (x + 1)


def quotient_rule_claims() -> list[Claim]:
    """The difference quotient of x^2/(x + 1) over a step of 0.01 from 1."""
    a, step = QUOTIENT_AT, QUOTIENT_STEP
    right = _quotient_example(a + step)
    slope = (right - _quotient_example(a)) / step
    return [
        claim("$h(«g») \\approx «.5f»$", [a + step, right]),
        claim("over a step of $«g»$ is about $«.3f»$", [step, slope]),
    ]


def log_derivative_claims() -> list[Claim]:
    """Slopes of log_2 x at 4 and of log_10 x at 1: one over x times ln of the base."""
    return [
        claim("$\\frac{1}{4 \\ln 2} \\approx «.3f»$", [1 / (4 * math.log(2))]),
        claim("$\\frac{1}{1 \\times \\ln 10} \\approx «.3f»$", [1 / math.log(10)]),
    ]


HUFFMAN_COUNTS = {"A": 40, "B": 30, "C": 20, "D": 10}  # huffman-coding: the worked example


def _huffman_lengths(counts: dict[str, int]) -> dict[str, int]:
    """Each symbol's Huffman codeword length (the weights here have no tie that matters)."""
    return dict(zip(counts, huffman_lengths(list(counts.values())), strict=True))


def huffman_claims() -> list[Claim]:
    """Average Huffman length, equal lengths, entropy and the waste, for the example; the
    backwards lengths; the try-it."""
    total = sum(HUFFMAN_COUNTS.values())
    p = {s: c / total for s, c in HUFFMAN_COUNTS.items()}
    lengths = _huffman_lengths(HUFFMAN_COUNTS)
    average = sum(p[s] * lengths[s] for s in p)
    entropy = -sum(x * math.log2(x) for x in p.values())
    backwards = dict(zip(p, sorted(lengths.values(), reverse=True), strict=True))
    wrong = sum(p[s] * backwards[s] for s in p)
    equal = math.ceil(math.log2(len(p)))
    tried = {"A": 50, "B": 25, "C": 15, "D": 10}
    tried_lengths = _huffman_lengths(tried)
    tried_average = sum(c * tried_lengths[s] for s, c in tried.items()) / sum(tried.values())
    return [
        claim(
            "that is «g» bits per symbol, against «g» bits for the code that gives every "
            "symbol two bits",
            [average, equal],
        ),
        claim(
            "about «.3f» bits, so Huffman's code wastes only about «.3f» bits",
            [entropy, average - entropy],
        ),
        claim("that is «g» bits per symbol, worse even", [wrong]),
        claim("that is «g» bits per symbol.", [tried_average]),
    ]


def taylor_claims() -> list[Claim]:
    """The cubic for e^x at 1/2, the quadratic for sqrt x about 4 at 5, the one for ln x
    about 1 at 3/2, each against the true value."""
    half = Fraction(1, 2)
    cubic = sum(half**k / math.factorial(k) for k in range(4))
    root = 2 + Fraction(1, 4) - Fraction(1, 64)
    return [
        claim("about «.5f», while $e^{1/2} \\approx «.5f»$", [cubic, math.exp(0.5)]),
        claim("about «.5f», against the true «.5f»", [root, math.sqrt(5)]),
        claim("$\\ln \\frac{3}{2} \\approx «.3f»$", [math.log(1.5)]),
    ]


def ratios_review_claims() -> list[Claim]:
    """Angles from two sides: tan^-1(8/6), its complement, tan^-1(7/10)."""
    a = math.degrees(math.atan2(8, 6))
    return [
        claim("$A = \\tan^{-1} \\frac{4}{3} \\approx «.2f»^\\circ$", [a]),
        claim("$B \\approx «.2f»^\\circ$", [90 - a]),
        claim(
            "$A = \\tan^{-1} \\frac{7}{10} \\approx «.2f»^\\circ$", [math.degrees(math.atan(0.7))]
        ),
    ]


GROWTH_RATE, GROWTH_START, GROWTH_SIZE = 0.03, 200, 500  # P(t) = 200 e^(0.03 t) at 500


def exponential_derivative_claims() -> list[Claim]:
    """The slope of 2^x at 3, of the bell curve at 1, the growth rate, and 10^x at 1."""
    r = GROWTH_RATE
    slope = 8 * math.log(2)
    return [
        claim("the slope is $8 \\ln 2 \\approx «.3f»$", [slope]),
        claim("$-e^{-1/2} \\approx «.3f»$", [-math.exp(-0.5)]),
        claim(
            "$P(t) = 200 e^{«g»t}$ has $P'(t) = «g» \\cdot 200 e^{«g»t} = «g»\\,P(t)$",
            [r, r, r, r],
        ),
        claim("instead of about «.3f».", [slope]),
        claim("$g'(1) = 10 \\ln 10 \\approx «.2f»$", [10 * math.log(10)]),
    ]


RUN_FENCE = 20  # optimization-problems: 20 m of fence, three sides against a wall


def optimization_claims() -> list[Claim]:
    """The square run's area, as a decimal."""
    side = RUN_FENCE / 3
    return [claim("about «.1f» square metres", [side * side])]


def _surface(x, y):
    """partial-derivatives: f(x, y) = x^2 y + 3xy^2 - 2y."""
    return x**2 * y + 3 * x * y**2 - 2 * y


SURFACE_AT, SURFACE_STEP = (1, 2), 0.01


def partial_derivative_claims() -> list[Claim]:
    """f one step east of (1, 2)."""
    (x, y), h = SURFACE_AT, SURFACE_STEP
    return [
        claim(
            "$f(«g», 2) = «.4f»$, a rise of about 16 times the step of $«g»$",
            [x + h, _surface(x + h, y), h],
        )
    ]


BOWL_AT, BOWL_RATE = (2, 1), 0.1  # gradient-vector: f(x, y) = x^2 + 3y^2


def _bowl(x, y):
    return x**2 + 3 * y**2


def gradient_claims() -> list[Claim]:
    """One step of gradient descent on the bowl from (2, 1)."""
    (x, y), eta = BOWL_AT, BOWL_RATE
    gx, gy = 2 * x, 6 * y
    return [
        claim(
            "With $\\eta = «g»$, $(2, 1)$ moves to $(2 - «g», 1 - «g»)$, that is $(«g», «g»)$",
            [eta, eta * gx, eta * gy, x - eta * gx, y - eta * gy],
        )
    ]


BUDGET = 12  # lagrange-multipliers: the largest xy with 2x + y = 12


def _best_product(c: float) -> float:
    """The largest xy with 2x + y = c, found by search over x."""
    xs = np.linspace(0, c / 2, 200001)
    return float((xs * (c - 2 * xs)).max())


def lagrange_claims() -> list[Claim]:
    """The gain from one more unit of the constraint, and the uniform entropy in bits."""
    return [
        claim("about «.1f» more", [Fraction(13**2, 8) - Fraction(BUDGET**2, 8)]),
        claim("$\\log_2 4 = «g»$ bits", [math.log2(4)]),
    ]


CLAIMS = {
    "right-triangle-trigonometry-introduction": right_triangle_claims,
    "kraft-inequality": no_claims,
    "quotient-rule": quotient_rule_claims,
    "second-derivative-test": no_claims,
    "derivatives-of-logarithmic-functions": log_derivative_claims,
    "huffman-coding": huffman_claims,
    "taylor-polynomials": taylor_claims,
    "trigonometric-ratios-review": ratios_review_claims,
    "convex-functions": no_claims,
    "power-rule": no_claims,
    "chain-rule": no_claims,
    "product-rule": no_claims,
    "higher-order-derivatives": no_claims,
    "derivatives-of-exponential-functions": exponential_derivative_claims,
    "first-derivative-test": no_claims,
    "optimization-problems": optimization_claims,
    "partial-derivatives": partial_derivative_claims,
    "gradient-vector": gradient_claims,
    "lagrange-multipliers": lagrange_claims,
}
LESSONS = tuple(CLAIMS)

POWER_PARABOLA, POWER_TANGENT_AT = (1, -4, 3), 3  # power-rule: x^2 - 4x + 3, tangent at 3
PARTICLE = (1, -6, 9, 0)  # higher-order-derivatives: s(t) = t^3 - 6t^2 + 9t
PARTICLE_TURNS = 1  # where its velocity's tangent is drawn
TURNING_CUBIC = (1, 0, -12, 1)  # first-derivative-test: x^3 - 12x + 1


def _function_plot(family: str, coefficients: dict, xmin, xmax, mark: str, x0) -> str:
    """A ``function`` plot line with its numbers in the order the lessons write them."""
    numbers = " ".join(f"{k}={v}" for k, v in coefficients.items())
    return (
        f"[[plot:function family={family} {numbers} xmin={xmin} xmax={xmax} mark={mark} x0={x0}]]"
    )


LEVEL_DIRECTION = (3, -2)  # gradient-vector: along the level curve through (2, 1)

PLOT_LINES = {
    "gradient-vector": lambda: [
        "[[plot:vectors u={},{} v={},{} show=angle]]".format(
            *(2 * BOWL_AT[0], 6 * BOWL_AT[1]), *LEVEL_DIRECTION
        )
    ],
    "lagrange-multipliers": lambda: [
        _function_plot("quadratic", {"a": -2, "b": BUDGET, "c": 0}, 0, BUDGET // 2, "tangent", 3)
    ],
    "optimization-problems": lambda: [
        _function_plot(
            "quadratic", {"a": -2, "b": RUN_FENCE, "c": 0}, 0, RUN_FENCE // 2, "tangent", 5
        )
    ],
    "first-derivative-test": lambda: [
        "[[plot:function family=quadratic "
        + " ".join(
            f"{k}={v:g}"
            for k, v in zip("abc", np.poly1d(TURNING_CUBIC).deriv().coeffs, strict=True)
        )
        + " xmin=-4 xmax=4]]"
    ],
    "derivatives-of-exponential-functions": lambda: [
        _function_plot("exponential", {"a": 1, "base": 2}, -2, 4, "tangent", 3)
    ],
    "higher-order-derivatives": lambda: [
        _function_plot(
            "quadratic",
            dict(zip("abc", np.poly1d(PARTICLE).deriv().coeffs.tolist(), strict=True)),
            0,
            4,
            "tangent",
            PARTICLE_TURNS,
        )
    ],
    "power-rule": lambda: [
        _function_plot(
            "quadratic",
            dict(zip("abc", POWER_PARABOLA, strict=True)),
            -1,
            5,
            "tangent",
            POWER_TANGENT_AT,
        )
    ],
}


def _plot_summary(line: str) -> str:
    spec = plots.parse(*parse_shortcode(line.removeprefix("[[plot:").removesuffix("]]")))
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


def _ratios(opposite: int, adjacent: int, hypotenuse: int) -> dict[str, Fraction]:
    return {
        "sin": Fraction(opposite, hypotenuse),
        "cos": Fraction(adjacent, hypotenuse),
        "tan": Fraction(opposite, adjacent),
    }


def test_right_triangle_ratios_from_the_sides():
    text = squash(lesson("right-triangle-trigonometry-introduction"))
    bc, ac, ab = 5, 12, 13
    assert bc**2 + ac**2 == ab**2
    for name, value in _ratios(bc, ac, ab).items():
        assert f"$\\{name} A = \\frac{{{value.numerator}}}{{{value.denominator}}}$" in text
    # from B the opposite side is AC: sin B is cos A
    assert _ratios(ac, bc, ab)["sin"] == _ratios(bc, ac, ab)["cos"] == Fraction(12, 13)
    assert "$\\sin B = \\frac{12}{13}$" in text
    # the doubled triangle keeps the sine
    assert Fraction(2 * bc, 2 * ab) == Fraction(bc, ab) and "$\\frac{10}{26}" in text
    # try it: 8, 15, 17
    assert 8**2 + 15**2 == 17**2
    for name, value in _ratios(8, 15, 17).items():
        assert f"$\\{name} A = \\frac{{{value.numerator}}}{{{value.denominator}}}$" in text


def test_right_triangle_sides_from_an_angle():
    text = squash(lesson("right-triangle-trigonometry-introduction"))
    assert math.isclose(math.sin(math.radians(30)), 0.5)
    assert math.isclose(math.cos(math.radians(60)), 0.5)
    assert "$\\sin 30^\\circ = \\frac{1}{2}$" in text and "$20 \\times \\frac{1}{2} = 10$" in text
    assert (
        "$\\cos 60^\\circ = \\frac{1}{2}$" in text and "$AC = 10 \\times \\frac{1}{2} = 5$" in text
    )


def _kraft(lengths) -> Fraction:
    return sum(Fraction(1, 2**n) for n in lengths)


def _is_prefix_free(words) -> bool:
    return not any(a != b and b.startswith(a) for a in words for b in words)


def test_kraft_examples_agree_with_actual_codes():
    text = squash(lesson("kraft-inequality"))
    code = ["0", "10", "110", "111"]
    assert _is_prefix_free(code) and _kraft(len(w) for w in code) == 1
    assert "$0, 10, 110, 111$" in text
    # lengths 1, 1, 2: no binary words of those lengths are prefix-free
    assert _kraft([1, 1, 2]) == Fraction(5, 4)
    words = ["".join(bits) for n in (1, 2) for bits in product("01", repeat=n)]
    assert not any(
        _is_prefix_free([a, b, c]) and len(a) == len(b) == 1 and len(c) == 2
        for a in words
        for b in words
        for c in words
        if a != b
    )
    # lengths 2, 2, 3 leave 3/8: a length-2 word fits, a length-1 word does not
    room = 1 - _kraft([2, 2, 3])
    assert room == Fraction(3, 8) and Fraction(1, 4) <= room < Fraction(1, 2)
    assert _is_prefix_free(["00", "01", "100", "11"])
    # the slip 1/(2l) on 1, 2, 3, 3
    assert sum(Fraction(1, 2 * n) for n in (1, 2, 3, 3)) == Fraction(13, 12)
    # a code with Kraft sum 1 that is not prefix-free
    assert _kraft([1, 2, 2]) == 1 and not _is_prefix_free(["0", "01", "11"])
    assert "$0$ begins $01$" in text


def test_kraft_try_it_shortest_new_codeword():
    text = squash(lesson("kraft-inequality"))
    room = 1 - _kraft([1, 3, 3, 3])
    shortest = min(n for n in range(1, 10) if Fraction(1, 2**n) <= room)
    assert room == Fraction(1, 8) and shortest == 3
    assert "shortest new codeword has length 3" in text


def test_quotient_rule_example_and_its_mistakes():
    """The derivative of x^2/(x + 1) checked at several points against the formula the
    lesson states, and the slips' values at 1."""
    text = squash(lesson("quotient-rule"))
    for x in (Fraction(-3), Fraction(0), Fraction(1), Fraction(5, 2)):
        by_rule = (2 * x * (x + 1) - x**2) / (x + 1) ** 2
        assert by_rule == (x**2 + 2 * x) / (x + 1) ** 2
        h = 1e-6
        numeric = (_quotient_example(float(x) + h) - _quotient_example(float(x) - h)) / (2 * h)
        assert math.isclose(numeric, float(by_rule), rel_tol=1e-6, abs_tol=1e-9)
    assert _quotient_example(Fraction(1)) == Fraction(1, 2) and "$h(1) = \\frac{1}{2}$" in text
    assert "$h'(x) = \\dfrac{x^2 + 2x}{(x + 1)^2}$" in text
    # top and bottom differentiated separately: 2x / 1 at 1; products swapped: -3/4
    assert 2 * 1 / 1 == 2 and "which is $2$ at $x = 1$" in text
    assert "gives $-\\frac{3}{4}$" in text


def test_quotient_rule_tangent_and_try_it():
    text = squash(lesson("quotient-rule"))
    for x in (0.3, 1.0, -1.2):
        assert math.isclose(
            (math.cos(x) ** 2 + math.sin(x) ** 2) / math.cos(x) ** 2, 1 / math.cos(x) ** 2
        )
    # (3x - 1)/(x + 2): numerator 3(x + 2) - (3x - 1) is the constant 7
    assert all(3 * (x + 2) - (3 * x - 1) == 7 for x in range(-5, 6))
    assert Fraction(7, 2**2) == Fraction(7, 4) and "\\dfrac{7}{(x + 2)^2}" in text


def _second_derivative_facts(coefficients):
    """Critical points of a cubic (whole roots of f') with f'' at each, by NumPy."""
    p = np.poly1d(coefficients)
    roots = sorted(round(float(r.real)) for r in p.deriv().roots)
    return p, roots, [float(p.deriv(2)(r)) for r in roots]


def test_second_derivative_example_and_try_it():
    text = squash(lesson("second-derivative-test"))
    p, roots, curvature = _second_derivative_facts([1, -3, -9, 5])
    assert roots == [-1, 3] and curvature == [-12, 12]
    assert p(-1) == 10 and p(3) == -22 and p.deriv(2).roots[0] == 1
    assert "$f'(x) = 3x^2 - 6x - 9 = 3(x + 1)(x - 3)$" in text and "$f''(x) = 6x - 6$" in text
    assert "so a local maximum, with $f(-1)" in text and "so a local minimum, with $f(3)" in text
    _, roots, curvature = _second_derivative_facts([2, -3, -12, 1])
    assert roots == [-1, 2] and curvature == [-18, 18]
    assert "$f'(x) = 6x^2 - 6x - 12 = 6(x + 1)(x - 2)$" in text and "$f''(x) = 12x - 6$" in text
    assert "= -18$, a local maximum" in text and "= 18$, a local minimum" in text
    # x^4 has a minimum at 0 and x^3 none, though both have f''(0) = 0
    xs = np.linspace(-1, 1, 201)
    assert np.all(xs**4 >= 0) and np.any(xs**3 < 0) and np.any(xs**3 > 0)
    assert np.poly1d([1, 0, 0, 0, 0]).deriv(2)(0) == 0 == np.poly1d([1, 0, 0, 0]).deriv(2)(0)


def _slope(f, x: float, h: float = 1e-6) -> float:
    return (f(x + h) - f(x - h)) / (2 * h)


def test_log_derivative_examples_by_difference_quotients():
    text = squash(lesson("derivatives-of-logarithmic-functions"))
    assert math.isclose(_slope(lambda x: math.log(x**2 + 1), 2), 4 / 5, rel_tol=1e-6)
    assert "$h'(x) = \\dfrac{2x}{x^2 + 1}$" in text
    # ln(5x) has the slope of ln x everywhere
    assert all(
        math.isclose(_slope(lambda x: math.log(5 * x), x), 1 / x, rel_tol=1e-6) for x in (0.5, 3)
    )
    # log_2 at 4: steeper than ln at 4
    assert math.isclose(_slope(math.log2, 4), 1 / (4 * math.log(2)), rel_tol=1e-6)
    assert 1 / (4 * math.log(2)) > 1 / 4 and "a little more than the natural logarithm's" in text
    # concave: the second difference is negative and equals -1/x^2
    x, h = 3.0, 1e-3
    second = (math.log(x + h) - 2 * math.log(x) + math.log(x - h)) / h**2
    assert math.isclose(second, -1 / x**2, rel_tol=1e-4)
    # the mistake at 2: 1/(x^2 + 1) gives 1/5
    assert Fraction(1, 2**2 + 1) == Fraction(1, 5) and "gives $\\frac{1}{5}$" in text
    # try it
    assert math.isclose(_slope(lambda x: math.log(3 * x**2 + 2), 1), 6 / 5, rel_tol=1e-6)
    assert math.isclose(_slope(math.log10, 1), 1 / math.log(10), rel_tol=1e-6)


def test_huffman_example_code_and_its_kl_excess():
    text = squash(lesson("huffman-coding"))
    lengths = _huffman_lengths(HUFFMAN_COUNTS)
    assert lengths == {"A": 1, "B": 2, "C": 3, "D": 3}
    code = {"A": "0", "B": "10", "C": "110", "D": "111"}
    assert all(len(code[s]) == n for s, n in lengths.items())
    assert _is_prefix_free(list(code.values())) and _kraft(lengths.values()) == 1
    assert "$A = 0$, $B = 10$, $C = 110$, $D = 111$, lengths 1, 2, 3 and 3" in text
    # the average length is the entropy plus D(p || 2^-l)
    total = sum(HUFFMAN_COUNTS.values())
    p = [c / total for c in HUFFMAN_COUNTS.values()]
    q = [2.0 ** -lengths[s] for s in HUFFMAN_COUNTS]
    entropy = -sum(x * math.log2(x) for x in p)
    kl = sum(x * math.log2(x / y) for x, y in zip(p, q, strict=True))
    average = sum(x * lengths[s] for x, s in zip(p, HUFFMAN_COUNTS, strict=True))
    assert math.isclose(average, entropy + kl) and average < entropy + 1
    # the try-it lengths
    assert _huffman_lengths({"A": 50, "B": 25, "C": 15, "D": 10}) == lengths
    assert "lengths 1, 2, 3, 3" in text
    assert "(lengths 3 for $A$ and $B$, 2 for $C$, 1 for $D$)" in text


def test_taylor_polynomials_match_their_derivatives():
    """Each polynomial the lesson writes has the function's value and derivatives at its
    centre (by NumPy's polynomial derivatives), and the stated error claims hold."""
    text = squash(lesson("taylor-polynomials"))
    exp3 = np.poly1d([Fraction(1, 6), Fraction(1, 2), 1, 1])
    assert all(exp3.deriv(k)(0) == 1 for k in range(4))
    assert "$$P_3(x) = 1 + x + \\frac{x^2}{2} + \\frac{x^3}{6}.$$" in text
    assert exp3(Fraction(1, 2)) == Fraction(79, 48)
    assert round(float(exp3(0.5)), 2) == round(math.exp(0.5), 2)
    # sqrt about 4: f(4) = 2, f'(4) = 1/4, f''(4) = -1/32
    assert Fraction(1, 2 * 2) == Fraction(1, 4) and Fraction(-1, 4 * 2**3) == Fraction(-1, 32)
    assert Fraction(-1, 32) / 2 == Fraction(-1, 64)
    assert "$P_2(x) = 2 + \\frac{1}{4}(x - 4) - \\frac{1}{64}(x - 4)^2$" in text
    # no factorials: 1 + x + x^2 + x^3 at 1/2
    assert sum(Fraction(1, 2) ** k for k in range(4)) == Fraction(15, 8)
    # ln x about 1: derivatives 0, 1, -1
    h = 1e-4
    assert math.isclose((math.log(1 + h) - math.log(1 - h)) / (2 * h), 1, rel_tol=1e-6)
    second = (math.log(1 + h) - 2 * math.log(1) + math.log(1 - h)) / h**2
    assert math.isclose(second, -1, rel_tol=1e-4)
    assert "$P_2(x) = (x - 1) - \\frac{1}{2}(x - 1)^2$" in text


def test_ratios_review_reciprocals_and_exact_values():
    text = squash(lesson("trigonometric-ratios-review"))
    for name, value in _ratios(8, 6, 10).items():
        reciprocal = {"sin": "csc", "cos": "sec", "tan": "cot"}[name]
        assert f"$\\{reciprocal} A = \\frac{{{value.denominator}}}{{{value.numerator}}}$" in text
    # the wrong pairing: one over sine is 5/4, not the secant
    assert 1 / _ratios(8, 6, 10)["sin"] == Fraction(5, 4) != 1 / _ratios(8, 6, 10)["cos"]
    # exact values from the special triangles
    exact = {
        "\\sin 30^\\circ": 1 / 2,
        "\\sin 60^\\circ": math.sqrt(3) / 2,
        "\\sin 45^\\circ": 1 / math.sqrt(2),
        "\\tan 45^\\circ": 1.0,
        "\\tan 60^\\circ": math.sqrt(3),
    }
    functions = {"sin": math.sin, "tan": math.tan}
    for written, value in exact.items():
        fn, degrees = written[1:4], int(written[5:7])
        assert math.isclose(functions[fn](math.radians(degrees)), value)
        assert f"${written}" in text or f"{written} =" in text
    # try it on 5, 12, 13
    assert (
        1 / _ratios(5, 12, 13)["cos"] == Fraction(13, 12) and "$\\sec A = \\frac{13}{12}$" in text
    )
    assert 1 / _ratios(5, 12, 13)["tan"] == Fraction(12, 5) and "$\\cot A = \\frac{12}{5}$" in text
    assert math.isclose(math.tan(math.radians(30)) * math.tan(math.radians(60)), 1)


def test_special_triangles_are_right_triangles():
    assert math.isclose(1**2 + math.sqrt(3) ** 2, 2**2)
    assert math.isclose(1**2 + 1**2, math.sqrt(2) ** 2)


def _chord_gap(f, x1, x2, w):
    return w * f(x1) + (1 - w) * f(x2) - f(w * x1 + (1 - w) * x2)


def test_convex_examples_gaps_and_the_cubic_counterexample():
    text = squash(lesson("convex-functions"))

    def square(t):
        return t * t

    for x1, x2, w in ((1, 5, Fraction(1, 2)), (0, 4, Fraction(1, 4))):
        assert _chord_gap(square, x1, x2, w) == w * (1 - w) * (x1 - x2) ** 2
    assert _chord_gap(square, 1, 5, Fraction(1, 2)) == 4 and "lies $13 - 9 = 4$ above" in text
    assert _chord_gap(square, 0, 4, Fraction(1, 4)) == 3
    # x^3: the chord from -2 to 0 lies below the graph (a negative gap)
    assert all(_chord_gap(lambda t: t**3, -2, 0, Fraction(k, 10)) < 0 for k in range(1, 10))
    assert "the chord from $-2$ to $0$ lies below the graph" in text
    # the convex examples have positive second differences, ln x a negative one
    for f, xs in ((math.exp, (-1, 0, 2)), (lambda t: -math.log(t), (0.5, 1, 3))):
        assert all(f(x + 0.01) - 2 * f(x) + f(x - 0.01) > 0 for x in xs)
    assert math.log(1.01) - 2 * math.log(1) + math.log(0.99) < 0
    # the KL divergence is never negative (Gibbs), on a few drawn pairs
    rng = np.random.default_rng(291)
    for _ in range(20):
        p, q = rng.dirichlet(np.ones(4)), rng.dirichlet(np.ones(4))
        assert float(np.sum(p * np.log(p / q))) >= 0


def test_power_rule_examples_by_numpy_and_difference_quotients():
    text = squash(lesson("power-rule"))
    # the rule for a real exponent is stated for x > 0 (sqrt x has no slope at 0 or
    # below), and for whole exponents wherever the power is defined, negative x too
    assert "For any real exponent $n$ and every $x > 0$" in text
    # the later rules lean on it for the powers they produce; they do not reduce to it
    # (the chain rule through e^(x^2) meets no power rule at the outer step)
    assert (
        "reduce to it" not in text and "split a formula into pieces that are often powers" in text
    )
    assert math.isclose(_slope(lambda x: x**-3, -2), -3 * (-2) ** -4, rel_tol=1e-6)
    cubic = np.poly1d([4, -5, 7, -2])
    assert list(cubic.deriv().coeffs) == [12, -10, 7] and cubic.deriv()(2) == 35
    assert "= 12x^2 - 10x + 7,$$" in text and "$12 \\times 4 - 10 \\times 2 + 7 = 35$" in text
    assert math.isclose(_slope(math.sqrt, 9), 1 / 6, rel_tol=1e-6)
    assert math.isclose(_slope(lambda x: x**-2, 2), -1 / 4, rel_tol=1e-6)
    # the two half-rules on 4x^3 give 12x^3 and 4x^2, neither the slope 12x^2
    assert all(12 * x**3 != 12 * x**2 != 4 * x**2 for x in (2, 3))
    assert "$4x^3 \\to 12x^3$" in text and "$4x^3 \\to 4x^2$" in text
    # try it
    assert np.poly1d([2, 0, 0, 0, -3, 8]).deriv()(1) == 7 and "$g'(1) = 10 - 3 = 7$" in text
    assert math.isclose(_slope(lambda x: 6 * math.sqrt(x), 4), 3 / 2, rel_tol=1e-6)
    assert "$h'(4) = \\frac{3}{2}$" in text


def test_power_rule_plot_shows_the_slope_the_lesson_computes():
    text = squash(lesson("power-rule"))
    parabola = np.poly1d(POWER_PARABOLA)
    slope = parabola.deriv()(POWER_TANGENT_AT)
    assert slope == 2 and parabola.deriv()(2) == 0
    (line,) = PLOT_LINES["power-rule"]()
    assert line in lesson("power-rule")
    assert f"The tangent there has slope {slope:g}" in _plot_summary(line)
    assert "$y = x^2 - 4x + 3$" in text and "climbs 2 for every step of 1" in text


def test_chain_rule_examples_by_difference_quotients():
    """Each derivative the lesson writes agrees with a symmetric difference, at the worked
    point and elsewhere; the slip without the inner derivative is short by 6x."""
    text = squash(lesson("chain-rule"))

    def h(x):
        return (3 * x**2 + 1) ** 4

    for x in (-1.5, 0.5, 1.0, 2.0):
        assert math.isclose(_slope(h, x), 24 * x * (3 * x**2 + 1) ** 3, rel_tol=1e-6)
        assert math.isclose(
            _slope(lambda t: math.sqrt(t**2 + 9), x), x / math.sqrt(x**2 + 9), rel_tol=1e-6
        )
    assert math.isclose(_slope(h, 1), 1536, rel_tol=1e-6)
    assert "$$h'(x) = 4(3x^2 + 1)^3 \\cdot 6x = 24x(3x^2 + 1)^3.$$" in text
    assert math.isclose(_slope(lambda t: math.sqrt(t**2 + 9), 4), 4 / 5, rel_tol=1e-6)
    # (3x^2 + 1)^4 expands into five terms, from 81x^8 down to 1
    expanded = (np.poly1d([3, 0, 1]) ** 4).coeffs
    assert np.count_nonzero(expanded) == 5 and expanded[0] == 81 and expanded[-1] == 1
    assert "into five terms from $81x^8$ down to $1$" in text
    assert 4 * 4**3 * 6 == 6 * (4 * 4**3)
    # try it
    assert math.isclose(_slope(lambda t: (2 * t - 5) ** 3, 3), 6, rel_tol=1e-6)
    assert math.isclose(_slope(lambda t: math.sqrt(4 * t + 1), 2), 2 / 3, rel_tol=1e-6)


def test_product_rule_example_rectangle_and_try_it():
    text = squash(lesson("product-rule"))
    f, g = np.poly1d([1, 0, 1]), np.poly1d([2, -3])
    by_rule = f.deriv() * g + f * g.deriv()
    assert by_rule == (f * g).deriv() == np.poly1d([6, -6, 2])
    assert "= 6x^2 - 6x + 2.$$" in text and "$h(x) = 2x^3 - 3x^2 + 2x - 3$" in text
    assert (f * g) == np.poly1d([2, -3, 2, -3])
    assert (f.deriv()(2), g(2), f(2), g.deriv()(2)) == (4, 1, 5, 2) and by_rule(2) == 14
    assert "$f' = 4$, $g = 1$, $f = 5$ and $g' = 2$" in text
    # the slip f'g' at 2
    assert f.deriv()(2) * g.deriv()(2) == 8 and "$2x \\times 2 = 8$ at $x = 2$, not 14" in text
    # the rectangle: the area a moment later, by a small step in time
    dt = 1e-6
    area_rate = ((6 + 2 * dt) * (4 + 3 * dt) - 6 * 4) / dt
    assert math.isclose(area_rate, 26, rel_tol=1e-5)
    # x ln x has derivative ln x + 1
    assert all(
        math.isclose(_slope(lambda t: t * math.log(t), x), math.log(x) + 1, rel_tol=1e-6)
        for x in (0.5, 2.0)
    )
    # try it
    cubic, quad = np.poly1d([1, 0, 0, 0]), np.poly1d([1, 0, -4])
    assert (cubic.deriv() * quad + cubic * quad.deriv())(1) == -7
    assert (cubic * quad).deriv() == np.poly1d([5, 0, -12, 0, 0])


def test_particle_velocity_acceleration_and_its_plot():
    text = squash(lesson("higher-order-derivatives"))
    s = np.poly1d(PARTICLE)
    v, a = s.deriv(), s.deriv(2)
    assert v == np.poly1d([3, -12, 9]) and a == np.poly1d([6, -12])
    assert "v(t) = s'(t) = 3t^2 - 12t + 9, \\qquad a(t) = s''(t) = 6t - 12." in text
    assert sorted(v.roots.round(9).tolist()) == [1, 3]
    assert (v(1), a(1), v(3), a(3)) == (0, -6, 0, 6)
    # at rest at 1 and turning: the velocity changes sign there
    assert v(0.9) > 0 > v(1.1) and v(2.9) < 0 < v(3.1)
    assert "it turns round and heads back" in text and "turns forward" in text
    (line,) = PLOT_LINES["higher-order-derivatives"]()
    assert "The tangent there has slope -6" in _plot_summary(line)
    assert "The tangent at $t = 1$ has slope $-6$" in text


def test_derivatives_of_powers_run_out_and_the_try_it():
    text = squash(lesson("higher-order-derivatives"))
    quartic = np.poly1d([1, 0, 0, 0, 0])
    chain = [quartic.deriv(k) for k in range(1, 6)]
    assert chain[:4] == [np.poly1d(c) for c in ([4, 0, 0, 0], [12, 0, 0], [24, 0], [24])]
    assert chain[4] == np.poly1d([0]) and math.factorial(4) == 24
    assert "$f^{(4)} = 24$" in text
    # (f')^2 against f'' for x^3 at 1
    cube = np.poly1d([1, 0, 0, 0])
    assert cube.deriv()(1) ** 2 == 9 and cube.deriv(2)(1) == 6
    # try it
    f = np.poly1d([2, 0, -1, 0, 0, 0])
    assert f.deriv(2) == np.poly1d([40, 0, -6, 0]) and f.deriv(2)(1) == 34
    assert f.deriv(5) == np.poly1d([240]) and math.factorial(5) == 120
    assert "$5! = 120$" in text and "$f^{(5)}(x) = 2 \\times 120 = 240$" in text


def test_exponential_rules_by_difference_quotients_and_the_plot():
    text = squash(lesson("derivatives-of-exponential-functions"))
    # the slope of b^x at 0 is ln b, and 1 exactly for e
    for b in (2, 3, 10):
        assert math.isclose(_slope(lambda x, b=b: b**x, 0), math.log(b), rel_tol=1e-6)
    assert math.isclose(_slope(math.exp, 0), 1, rel_tol=1e-9) and math.log(2) < 1
    assert math.isclose(_slope(lambda x: 2**x, 3), 8 * math.log(2), rel_tol=1e-6)
    (line,) = PLOT_LINES["derivatives-of-exponential-functions"]()
    summary = _plot_summary(line)
    assert "The tangent there has slope 5.545" in summary, summary
    # the bell curve
    bell = lambda x: math.exp(-(x**2) / 2)  # noqa: E731
    assert math.isclose(_slope(bell, 1), -math.exp(-0.5), rel_tol=1e-6)
    assert "has derivative $-x e^{-x^2/2}$" in text
    # a softmax is not an exponential itself but exponentials divided by their sum
    scores = np.array([1.0, 2.0, 0.5])
    softmax = np.exp(scores) / np.exp(scores).sum()
    assert math.isclose(softmax.sum(), 1) and not np.allclose(softmax, np.exp(scores))
    assert (
        "built from exponentials of other functions (a softmax divides each by their sum)" in text
    )
    # growth in proportion to size: at any time where P = 500 the rate is 15
    t = math.log(GROWTH_SIZE / GROWTH_START) / GROWTH_RATE
    population = lambda s: GROWTH_START * math.exp(GROWTH_RATE * s)  # noqa: E731
    assert math.isclose(population(t), GROWTH_SIZE)
    assert math.isclose(_slope(population, t), 15, rel_tol=1e-6)
    # the power-rule slip at 3, and the try-it
    assert 3 * 2**2 == 12
    assert math.isclose(_slope(lambda x: 5 * math.exp(3 * x), 0), 15, rel_tol=1e-6)
    assert math.isclose(_slope(lambda x: 10**x, 1), 10 * math.log(10), rel_tol=1e-6)
    assert "so $f'(0)$ is $5 \\times 3 = 15$" in text


def _sign_changes(f, roots, step=1e-3) -> list[str]:
    """For each root, how the sign of ``f`` changes across it: "+-", "-+", "++" or "--"."""
    return [("+" if f(r - step) > 0 else "-") + ("+" if f(r + step) > 0 else "-") for r in roots]


def test_first_derivative_test_example_by_sampling_the_function():
    text = squash(lesson("first-derivative-test"))
    # the corner of |x| is a critical point where f' does not exist: the definition
    # cannot be one for differentiable functions only
    assert "differentiable function" not in text
    assert "where $f'(c) = 0$, or where $f'$ does not exist, as at the corner of $|x|$" in text
    f = np.poly1d(TURNING_CUBIC)
    slope = f.deriv()
    assert slope == 3 * np.poly1d([1, 2]) * np.poly1d([1, -2])
    assert _sign_changes(slope, [-2, 2]) == ["+-", "-+"]
    # the extremes found by sampling f itself near each point
    near = np.linspace(-0.5, 0.5, 101)
    assert f(-2) == 17 == max(f(-2 + near)) and f(2) == -15 == min(f(2 + near))
    assert "a local maximum at $x = -2$" in text and "a local minimum at $x = 2$" in text
    (line,) = PLOT_LINES["first-derivative-test"]()
    assert "it crosses the x-axis at -2 and 2" in _plot_summary(line)
    # x^3 climbs through its critical point
    cube_slope = np.poly1d([3, 0, 0])
    assert _sign_changes(cube_slope, [0]) == ["++"]
    # try it: x^4 - 4x^3
    g = np.poly1d([1, -4, 0, 0, 0])
    assert g.deriv() == np.poly1d([4, -12, 0, 0])
    assert _sign_changes(g.deriv(), [0, 3]) == ["--", "-+"] and g(3) == -27
    assert min(g(np.linspace(-1, 5, 601))) == -27


def test_chicken_run_maximum_by_searching_every_depth():
    text = squash(lesson("optimization-problems"))
    depths = np.linspace(0, RUN_FENCE / 2, 2001)
    areas = depths * (RUN_FENCE - 2 * depths)
    best = int(np.argmax(areas))
    assert math.isclose(depths[best], 5) and math.isclose(areas[best], 50)
    assert np.poly1d([-2, RUN_FENCE, 0]).deriv() == np.poly1d([-4, 20])
    # the ends enclose nothing and the arch bends down everywhere
    assert areas[0] == 0 == areas[-1] and np.poly1d([-2, RUN_FENCE, 0]).deriv(2)(0) == -4
    assert "At the ends $x = 0$ and $x = 10$ the area is $0$, and $A''(x) = -4 < 0$" in text
    assert "$A'(x) = 20 - 4x$, which is zero at $x = 5$" in text
    (line,) = PLOT_LINES["optimization-problems"]()
    summary = _plot_summary(line)
    assert "The tangent there has slope 0" in summary and "vertex (5, 50)" in summary
    # the square run: three equal sides use the whole fence and enclose less
    assert Fraction(RUN_FENCE, 3) ** 2 == Fraction(400, 9) < 50
    # the endpoint beats the critical point for x^3 - 3x on [0, 3]
    cubic = np.poly1d([1, 0, -3, 0])
    assert cubic.deriv().roots.tolist() == [-1, 1] or sorted(cubic.deriv().roots) == [-1, 1]
    xs = np.linspace(0, 3, 3001)
    assert cubic(xs).max() == cubic(3) == 18 and cubic(1) == -2 == cubic(xs).min()
    # the mean minimises the squared errors
    data = np.array([2.0, 3.0, 7.0, 8.0])
    cs = np.linspace(0, 10, 10001)
    errors = ((data[:, None] - cs[None, :]) ** 2).sum(axis=0)
    assert math.isclose(cs[np.argmin(errors)], data.mean())
    # try it: 40 m and no wall
    sides = np.linspace(0, 20, 2001)
    assert math.isclose(sides[np.argmax(sides * (20 - sides))], 10)
    assert "a square of area $10 \\times 10 = 100$ square metres" in text


def _partial_slope(f, point, axis: int, h: float = 1e-6) -> float:
    """A symmetric difference along one axis, the other coordinate held."""
    step = np.eye(2)[axis] * h
    p = np.array(point, dtype=float)
    return (f(*(p + step)) - f(*(p - step))) / (2 * h)


def test_partial_derivatives_by_moving_one_coordinate():
    text = squash(lesson("partial-derivatives"))
    for point in ((1, 2), (-1.5, 0.5), (2, -3)):
        x, y = point
        assert math.isclose(_partial_slope(_surface, point, 0), 2 * x * y + 3 * y**2, abs_tol=1e-6)
        assert math.isclose(_partial_slope(_surface, point, 1), x**2 + 6 * x * y - 2, abs_tol=1e-6)
    assert math.isclose(_partial_slope(_surface, SURFACE_AT, 0), 16, rel_tol=1e-6)
    assert math.isclose(_partial_slope(_surface, SURFACE_AT, 1), 11, rel_tol=1e-6)
    assert _surface(*SURFACE_AT) == 10 and "$f(1, 2) = 2 + 12 - 4 = 10$" in text
    rise = (_surface(1 + SURFACE_STEP, 2) - 10) / SURFACE_STEP
    assert round(rise) == 16
    # the chain rule with x held
    g = lambda x, y: (x + y**2) ** 3  # noqa: E731
    assert math.isclose(_partial_slope(g, (1, 2), 1), 3 * (1 + 4) ** 2 * 4, rel_tol=1e-6)
    # dD/dq_i = -p_i / q_i
    p, q = np.array([0.5, 0.3, 0.2]), np.array([0.2, 0.3, 0.5])
    d = lambda q0: float(np.sum(p * np.log(p / np.array([q0, *q[1:]]))))  # noqa: E731
    assert math.isclose(_slope(d, q[0]), -p[0] / q[0], rel_tol=1e-6)
    # the slips on x^2 y and 3xy^2
    assert "$\\frac{\\partial}{\\partial x}(x^2 y) = 2xy$, not $2x$ and not $0$" in text
    # try it
    t = lambda x, y: x**3 - 4 * x * y + y**2  # noqa: E731
    assert math.isclose(_partial_slope(t, (2, 1), 0), 8, rel_tol=1e-6)
    assert math.isclose(_partial_slope(t, (2, 1), 1), -6, rel_tol=1e-6)


def test_gradient_points_uphill_and_across_the_level_curve():
    text = squash(lesson("gradient-vector"))
    gradient = np.array([_partial_slope(_bowl, BOWL_AT, axis) for axis in (0, 1)])
    assert np.allclose(gradient, [4, 6])
    # the steepest rate over many unit directions is the gradient's length, along it
    angles = np.linspace(0, 2 * np.pi, 3601)
    units = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    rates = [(_bowl(*(np.array(BOWL_AT) + 1e-6 * u)) - _bowl(*BOWL_AT)) / 1e-6 for u in units]
    best = int(np.argmax(rates))
    assert math.isclose(max(rates), math.sqrt(52), rel_tol=1e-4)
    assert np.allclose(units[best], gradient / np.linalg.norm(gradient), atol=1e-3)
    # the direction (3, -4), and the level curve's direction (3, -2)
    assert math.isclose(float(gradient @ np.array([3, -4]) / 5), -12 / 5)
    # the slip: (3, -4) as it stands gives -12, five times the rate, as it is 5 long
    unnormalised = float(gradient @ np.array([3, -4]))
    assert math.isclose(unnormalised, -12) and math.hypot(3, -4) == 5
    assert math.isclose(unnormalised / (-12 / 5), 5)
    assert "whose length is $5$" in text and "five times the true rate" in text
    level = lambda t: _bowl(2 + 3 * t, 1 - 2 * t)  # noqa: E731
    assert math.isclose(_slope(level, 0), 0, abs_tol=1e-6) and _bowl(*BOWL_AT) == 7
    assert "the level curve $x^2 + 3y^2 = 7$" in text
    # the descent step lowers f
    step = np.array(BOWL_AT) - BOWL_RATE * gradient
    assert np.allclose(step, [1.6, 0.4]) and math.isclose(_bowl(*step), 3.04)
    # try it: x^2 y at (1, 3)
    g = lambda x, y: x**2 * y  # noqa: E731
    assert np.allclose([_partial_slope(g, (1, 3), axis) for axis in (0, 1)], [6, 1])
    assert "$\\nabla f = (2xy, x^2) = (6, 1)$" in text


def test_lagrange_example_by_search_and_the_multiplier_as_a_rate():
    text = squash(lesson("lagrange-multipliers"))
    assert math.isclose(_best_product(BUDGET), 18, rel_tol=1e-9)
    # at (3, 6) the gradients (y, x) and (2, 1) are parallel with factor 3
    assert np.allclose(np.array([6, 3]), 3 * np.array([2, 1]))
    assert "so $\\lambda = 3$, $x = 3$, $y = 6$" in text
    (line,) = PLOT_LINES["lagrange-multipliers"]()
    summary = _plot_summary(line)
    assert "vertex (3, 18)" in summary and "The tangent there has slope 0" in summary
    assert "sits at $x = 3$ with height 18" in text
    # the best value is c^2 / 8 and grows at rate lambda
    for c in (8, 12, 20):
        assert math.isclose(_best_product(c), c * c / 8, rel_tol=1e-9)
    rate = (_best_product(BUDGET + 1e-3) - _best_product(BUDGET - 1e-3)) / 2e-3
    assert math.isclose(rate, 3, rel_tol=1e-4)
    assert Fraction(13**2, 8) == Fraction(169, 8)
    # the uniform distribution has the most entropy among many drawn on four outcomes
    rng = np.random.default_rng(301)
    draws = rng.dirichlet(np.ones(4), 2000)
    entropy = -(draws * np.log2(draws)).sum(axis=1)
    assert entropy.max() < 2 == -4 * (0.25 * math.log2(0.25))
    # try it: the closest point of x + 2y = 5 to the origin, by search along the line
    ys = np.linspace(-5, 5, 100001)
    squares = (5 - 2 * ys) ** 2 + ys**2
    assert math.isclose(ys[np.argmin(squares)], 2) and math.isclose(squares.min(), 5)


CALCULUS_LESSONS = (
    "power-rule",
    "chain-rule",
    "product-rule",
    "higher-order-derivatives",
    "derivatives-of-exponential-functions",
    "first-derivative-test",
    "optimization-problems",
    "partial-derivatives",
    "gradient-vector",
    "lagrange-multipliers",
)


@pytest.mark.django_db
def test_each_calculus_topic_page_shows_its_lesson_and_plots_and_a_question(client, curriculum):
    check_topic_pages(client, CALCULUS_LESSONS, PLOT_LINES)


def test_the_gradient_picture_is_at_right_angles_to_the_level_curve():
    text = squash(lesson("gradient-vector"))
    (line,) = PLOT_LINES["gradient-vector"]()
    gradient = np.array([_partial_slope(_bowl, BOWL_AT, axis) for axis in (0, 1)])
    assert f"u={round(gradient[0]):d},{round(gradient[1]):d}" in line
    assert abs(gradient @ np.array(LEVEL_DIRECTION)) < 1e-6
    summary = _plot_summary(line)
    assert "The angle between u and v is 90°" in summary and "perpendicular" in summary
    assert "√52 ≈ 7.2111" in summary and "\\sqrt{52} \\approx 7.211" in text
    assert "the angle between them is a right angle" in text
