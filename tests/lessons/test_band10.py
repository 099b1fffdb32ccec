"""The lessons of band 10 (KL plan positions 195 to 216): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs.
Facts a lesson states in words (a root, a solution set, the value a mistake gives) are
checked below against a computation.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from tests.lessons.checker import (
    Claim,
    claim,
    lesson,
    lesson_problems,
    no_claims,
    shape_problems,
    squash,
)
from tests.lessons.test_lesson_plots import shown


def proportions() -> list[Claim]:
    """The flour for 12 loaves at 5 cups for 8, by cross-multiplying."""
    flour = Fraction(12 * 5, 8)
    return [claim("So «g» cups of flour are needed", [flour])]


def linear_inequalities() -> list[Claim]:
    """The boundary of 2x - 7 < 8."""
    return [claim("so $x < «g»$, and the greatest integer", [Fraction(8 + 7, 2)])]


PIZZA_RADIUS, SLICE = 15, 72  # arcs-and-central-angles
TRY_RADIUS, TRY_ANGLE = 10, 135
VERTEX_EXAMPLE = (1, -4, -1)  # completing-the-square: x^2 - 4x - 1


def arc(theta: float, r: float) -> float:
    return theta / 360 * 2 * math.pi * r


def arcs() -> list[Claim]:
    """The crust of the 72-degree slice and the try-it arc, from theta/360 of 2 pi r."""
    return [
        claim("= 6\\pi$ cm, about «.2f» cm", [arc(SLICE, PIZZA_RADIUS)]),
        claim("which is about «.3g» m", [arc(TRY_ANGLE, TRY_RADIUS)]),
    ]


def completing_the_square() -> list[Claim]:
    """The two solutions 2 ± √5 of x^2 - 4x - 1 = 0, by the quadratic formula."""
    a, b, c = VERTEX_EXAMPLE
    root = math.sqrt(b * b - 4 * a * c)
    high, low = (-b + root) / (2 * a), (-b - root) / (2 * a)
    return [claim("the solutions are about «.3f» and $«.3f»$", [high, low])]


CLAIMS = {
    "rational-exponents": no_claims,
    "solving-one-step-inequalities": no_claims,
    "solving-proportions": proportions,
    "two-step-equations": no_claims,
    "factoring-gcf-and-grouping": no_claims,
    "solving-multi-step-equations": no_claims,
    "equations-with-variables-on-both-sides": no_claims,
    "factoring-quadratic-trinomials": no_claims,
    "pythagorean-theorem": no_claims,
    "angle-pairs": no_claims,
    "linear-equations-in-two-variables": no_claims,
    "simplifying-rational-expressions": no_claims,
    "linear-inequalities": linear_inequalities,
    "solving-quadratics-by-factoring": no_claims,
    "distance-formula": no_claims,
    "two-column-proofs": no_claims,
    "arcs-and-central-angles": arcs,
    "completing-the-square": completing_the_square,
    "functions-and-function-notation": no_claims,
    "parallel-lines-and-transversals": no_claims,
    "slope-intercept-form": no_claims,
    "arithmetic-sequences": no_claims,
}
LESSONS = tuple(CLAIMS)

# The examples the plots picture, as the lessons state them.
ONE_STEP = (-3, 12)  # solving-one-step-inequalities: -3x >= 12
BOTH_SIDES = (4, -3, 2, 19)  # linear-inequalities: 4 - 3x >= 2x + 19
FACTORED = (1, -2, -15)
GRAPHED = (
    2,
    -3,
)  # slope-intercept-form: y = 2x - 3  # solving-quadratics-by-factoring: x^2 - 2x - 15 = 0


def at_most(k: int, c: int) -> Fraction:
    """The boundary of ``k x >= c`` for a negative ``k``: x <= c / k."""
    return Fraction(c, k)


def closed_ray_below(boundary: Fraction) -> str:
    b = int(boundary)
    return f"[[plot:number-line start={b - 5} end={b + 7} show=below a={b} closed=a]]"


PLOT_LINES = {
    "solving-one-step-inequalities": lambda: [closed_ray_below(at_most(*ONE_STEP))],
    "linear-inequalities": lambda: [
        closed_ray_below(at_most(BOTH_SIDES[1] - BOTH_SIDES[2], BOTH_SIDES[3] - BOTH_SIDES[0]))
    ],
    "solving-quadratics-by-factoring": lambda: [
        "[[plot:function family=quadratic a={} b={} c={} xmin=-5 xmax=7]]".format(*FACTORED)
    ],
    "slope-intercept-form": lambda: [
        "[[plot:function family=linear m={} b={} xmin=-2 xmax=5 mark=point x0=0]]".format(*GRAPHED)
    ],
    "completing-the-square": lambda: [
        "[[plot:function family=quadratic a={} b={} c={} xmin=-2 xmax=6]]".format(*VERTEX_EXAMPLE)
    ],
}


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed_and_it_has_a_lessons_shape(slug):
    text = lesson(slug)
    assert lesson_problems(text, CLAIMS[slug]()) == []
    assert shape_problems(text) == []


def _root(a: int, n: int) -> int:
    """The whole n-th root of ``a`` (which must be a perfect n-th power)."""
    r = round(a ** (1 / n))
    assert r**n == a, (a, n)
    return r


def test_rational_exponent_roots_and_mistakes_stated_in_words():
    text = squash(lesson("rational-exponents"))
    assert "The fourth root of 16 is 2, and $2^3 = 8$, so $16^{3/4} = 8$" in text
    assert _root(16, 4) ** 3 == 8
    assert "$4^{-1/2}$ is $\\frac{1}{2}$, not $-2$" in text
    assert Fraction(1, _root(4, 2)) == Fraction(1, 2)
    assert "The fifth root of 32 is 2" in text and _root(32, 5) == 2
    assert "$27^{1/3} = 3$" in text and _root(27, 3) == 3
    # the two exponent laws, on the lesson's exponents
    assert "$x^{1/2} \\cdot x^{1/3} = x^{5/6}$" in text
    assert Fraction(1, 2) + Fraction(1, 3) == Fraction(5, 6)
    assert "$(x^{3/4})^{2} = x^{3/2}$" in text and Fraction(3, 4) * 2 == Fraction(3, 2)


def test_one_step_inequality_solution_sets_hold_on_sample_numbers():
    """x + 4 < 10 is x < 6, -3x >= 12 is x <= -4 (not x >= -4), 4x < 20 is x < 5,
    x - 7 > 2 is x > 9 and x/(-2) < 3 is x > -6: tested on every whole number near them."""
    text = squash(lesson("solving-one-step-inequalities"))
    cases = [
        (
            "$$x + 4 - 4 < 10 - 4, \\qquad\\text{so}\\qquad x < 6.$$",
            lambda x: x + 4 < 10,
            lambda x: x < 6,
        ),
        ("the solution is $x \\le -4$", lambda x: -3 * x >= 12, lambda x: x <= -4),
        ("whose answer is $x < 5$", lambda x: 4 * x < 20, lambda x: x < 5),
        ("adding 7 gives $x > 9$", lambda x: x - 7 > 2, lambda x: x > 9),
        ("turns the sign: $x > -6$", lambda x: Fraction(x, -2) < 3, lambda x: x > -6),
    ]
    for sentence, original, solved in cases:
        assert sentence in text, sentence
        assert all(original(x) == solved(x) for x in range(-30, 31)), sentence
    # the kept-sign mistake really fails at 0, and both checks hold
    assert "some students write $x \\ge -4$" in text and not (-3 * 0 >= 12)
    assert "$x = -5$, which is less than $-4$" in text and -3 * -5 >= 12
    assert "Multiplying by $-2$" in text and Fraction(-4, -2) < 3


def test_two_step_solutions_solve_their_equations():
    text = squash(lesson("two-step-equations"))
    assert "so $3x = 15$" in text and "Divide both sides by 3: $x = 5$" in text
    assert 3 * 5 - 4 == 11
    assert "so $g = 7$" in text and 3 * 7 + 12 == 33
    assert "so $x = -3$" in text and 5 * -3 + 8 == -7
    assert "so $x = 20$" in text and Fraction(20, 4) - 2 == 3
    # the divided-first mistake gives a value that fails the check
    assert "$\\frac{11}{3} + 4$, does not pass" in text
    assert 3 * (Fraction(11, 3) + 4) - 4 != 11


def test_proportion_solutions_keep_the_ratio_and_adding_does_not():
    text = squash(lesson("solving-proportions"))
    assert "the top goes from 3 to 9 and $x = 9$" in text and Fraction(9, 12) == Fraction(3, 4)
    assert "which gives 9 cups" in text and Fraction(9, 12) > Fraction(5, 8)
    assert "$4x = 60$ and $x = 15$" in text and Fraction(6, 15) == Fraction(4, 10)


def polynomial(*coefficients: int):
    """The polynomial with ``coefficients`` from the highest power down, as a function."""
    return lambda x: sum(c * x**k for k, c in enumerate(reversed(coefficients)))


def same_polynomial(f, g) -> bool:
    """Equal at more points than either's degree (here: all the lessons' are at most 4)."""
    return all(f(x) == g(x) for x in range(-6, 7))


def test_factorisations_multiply_back_to_the_expression():
    grouping = squash(lesson("factoring-gcf-and-grouping"))
    assert "$6x^3 - 9x^2 = 3x^2(2x - 3)$" in grouping
    assert same_polynomial(polynomial(6, -9, 0, 0), lambda x: 3 * x**2 * (2 * x - 3))
    assert "the largest number dividing 6 and 9 is 3" in grouping
    assert "$(x^2 + 5)(x + 4)$" in grouping
    assert same_polynomial(polynomial(1, 4, 5, 20), lambda x: (x**2 + 5) * (x + 4))
    assert "giving $-3(x + 2)$" in grouping
    assert same_polynomial(polynomial(-3, -6), lambda x: -3 * (x + 2))
    assert "$5x^2(2x^2 + 3)$" in grouping
    assert same_polynomial(polynomial(10, 0, 15, 0, 0), lambda x: 5 * x**2 * (2 * x**2 + 3))
    assert "= (x^2 + 7)(x - 2)$" in grouping
    assert same_polynomial(polynomial(1, -2, 7, -14), lambda x: (x**2 + 7) * (x - 2))

    trinomials = squash(lesson("factoring-quadratic-trinomials"))
    for text, f, g in (
        ("$x^2 - x - 12 = (x + 3)(x - 4)$", polynomial(1, -1, -12), lambda x: (x + 3) * (x - 4)),
        ("= (2x + 1)(x + 3).$$", polynomial(2, 7, 3), lambda x: (2 * x + 1) * (x + 3)),
        ("so $(x + 5)(x - 3)$", polynomial(1, 2, -15), lambda x: (x + 5) * (x - 3)),
        ("$(3x + 4)(x + 2)$", polynomial(3, 10, 8), lambda x: (3 * x + 4) * (x + 2)),
    ):
        assert text in trinomials and same_polynomial(f, g), text
    # the swapped constants give 5x in the middle, not 7x
    assert "its middle term is $2x + 3x = 5x$, not $7x$" in trinomials
    assert not same_polynomial(polynomial(2, 7, 3), lambda x: (2 * x + 3) * (x + 1))
    assert same_polynomial(polynomial(2, 5, 3), lambda x: (2 * x + 3) * (x + 1))


def test_multi_step_and_both_sides_solutions_solve_their_equations():
    multi = squash(lesson("solving-multi-step-equations"))
    assert "Subtract 6 from both sides: $x = 4$" in multi and 2 * (4 + 3) - 4 == 10
    assert "$x = 3$" in multi and 3 * (2 * 3 - 1) + 4 * 3 == 27
    assert "$3x = 21$ and $x = 7$" in multi and 5 * (7 - 2) - 2 * 7 == 11
    # the first-term-only slip: 2x + 3 - x = 10 gives 7, which fails the real equation
    assert "$2x + 3 - x = 10$ gives $x = 7$" in multi and 2 * 7 + 3 - 7 == 10
    assert 2 * (7 + 3) - 7 == 13 != 10

    both = squash(lesson("equations-with-variables-on-both-sides"))
    assert "then divide by 2, so $x = 4$" in both and 5 * 4 + 2 == 3 * 4 + 10
    assert "Divide by 3: $g = 4$" in both and 20 + 2 * 4 == 8 + 5 * 4
    assert "Below 4 gigabytes plan B is cheaper" in both and 8 + 5 * 3 < 20 + 2 * 3
    assert "$x = 1$, and the check fails: the left side is 7 and the right side 13" in both
    assert 8 * 1 + 2 == 10 and 5 * 1 + 2 == 7 and 3 * 1 + 10 == 13
    assert "so $x = 3$" in both and 7 * 3 - 4 == 2 * 3 + 11
    # no solution and infinitely many: tested on many numbers
    assert "leaves 6 = 5: false" in both and "$2(x + 3) = 2x + 6$" in both
    assert all(2 * (x + 3) != 2 * x + 5 for x in range(-50, 51))
    assert all(2 * (x + 3) == 2 * x + 6 for x in range(-50, 51))


def test_pythagorean_lengths_satisfy_the_theorem():
    text = squash(lesson("pythagorean-theorem"))
    assert "so the hypotenuse is 5" in text and 3**2 + 4**2 == 5**2
    assert "ladder 13 m long" in text and "foot 5 m from the wall" in text
    assert "$h = 12$" in text and "reaches 12 m up" in text and 5**2 + 12**2 == 13**2
    # the converse: 6, 7, 9 is not right-angled, and 3-4-5 is
    assert "$6^2 + 7^2 = 85$, while $9^2 = 81$" in text and 6**2 + 7**2 != 9**2
    # the mistake: adding the legs 6 and 8 gives 14, the theorem gives 10
    assert "$\\sqrt{36 + 64} = \\sqrt{100} = 10$" in text and 6**2 + 8**2 == 10**2
    assert "$\\sqrt{1681} = 41$ cm" in text and 9**2 + 40**2 == 41**2


def test_angle_pairs_add_to_their_totals():
    text = squash(lesson("angle-pairs"))
    assert "$35^\\circ$ and $55^\\circ$ are complementary" in text and 35 + 55 == 90
    assert "such as $120^\\circ$ and $60^\\circ$, are supplementary" in text
    assert 120 + 60 == 180
    x = 35
    assert "so $x = 35$" in text and (3 * x + 10) + (2 * x - 5) == 180
    # set equal instead, the same expressions give x = -15 and a negative angle
    assert "$3x + 10 = 2x - 5$ gives $x = -15$" in text and 3 * -15 + 10 == 2 * -15 - 5
    assert "The complement of $40^\\circ$ is $50^\\circ$" in text
    assert "gives $140^\\circ$, which is its supplement" in text and 180 - 40 == 140
    assert "$62^\\circ$ and $152^\\circ$" in text and (90 - 28, 180 - 28) == (62, 152)
    assert "$2x = 26$ and $x = 13$" in text and 4 * 13 - 7 == 2 * 13 + 19 == 45


def test_points_named_on_the_line_satisfy_it():
    text = squash(lesson("linear-equations-in-two-variables"))

    def on_line(x, y) -> bool:
        return 2 * x + 3 * y == 12

    for x, y in ((3, 2), (0, 4), (-3, 6), (6, 0), (9, -2)):
        assert f"({x}, {y})" in text or f"$y = 4 - 6 = {y}$" in text, (x, y)
        assert on_line(x, y), (x, y)
    assert "$y = 4 - \\frac{2}{3}x$" in text
    assert all(on_line(x, 4 - Fraction(2, 3) * x) for x in range(-9, 10))
    # the divided-only-the-12 mistake, tested at x = 3
    assert "$y = 4 - 2x$" in text and "that rule gives $y = -2$" in text
    assert 4 - 2 * 3 == -2 and not on_line(3, -2)
    assert "so $(4, 0)$" in text and "$(0, -10)$" in text
    assert 5 * 4 - 2 * 0 == 20 and 5 * 0 - 2 * -10 == 20


def test_simplified_rational_expressions_agree_away_from_the_excluded_values():
    text = squash(lesson("simplifying-rational-expressions"))
    pairs = [
        ("$\\frac{x^2 - 9}{x - 3}$", lambda x: Fraction(x * x - 9, x - 3), lambda x: x + 3, {3}),
        (
            "= \\frac{x + 3}{x + 2}, \\quad x \\ne -2.",
            lambda x: Fraction(x * x + 5 * x + 6, x * x + 4 * x + 4),
            lambda x: Fraction(x + 3, x + 2),
            {-2},
        ),
        (
            "= \\frac{x}{x + 4}$, for $x \\ne 4$ and $x \\ne -4$",
            lambda x: Fraction(x * x - 4 * x, x * x - 16),
            lambda x: Fraction(x, x + 4),
            {4, -4},
        ),
    ]
    for sentence, original, simplified, excluded in pairs:
        assert sentence in text, sentence
        for x in range(-10, 11):
            if x not in excluded:
                assert original(x) == simplified(x), (sentence, x)
    assert "$x + 3$ would say 6" in text and 3 + 3 == 6
    # crossing out the x in (x + 6)/(x + 2) gives 3, but at x = 2 the value is 2
    assert "to get $\\frac{6}{2} = 3$" in text and Fraction(2 + 6, 2 + 2) == 2 != 3


def same_solution_set(original, solved) -> bool:
    """Both conditions agree on every quarter from -40 to 40."""
    return all(original(Fraction(n, 4)) == solved(Fraction(n, 4)) for n in range(-160, 161))


def test_linear_inequality_solution_sets_agree_with_the_originals():
    text = squash(lesson("linear-inequalities"))
    cases = [
        ("Add 5: $x < 6$", lambda x: 3 * x - 5 < 2 * x + 1, lambda x: x < 6),
        ("reverse the sign: $x \\le -3$", lambda x: 4 - 3 * x >= 2 * x + 19, lambda x: x <= -3),
        ("so $x > -4$", lambda x: 7 * x + 3 > 4 * x - 9, lambda x: x > -4),
    ]
    for sentence, original, solved in cases:
        assert sentence in text and same_solution_set(original, solved), sentence
    assert "at $x = 6$ both sides equal 13" in text and 3 * 6 - 5 == 2 * 6 + 1 == 13
    # the kept-sign answer x >= -3 is not the solution set, and fails at 0
    assert "writing $x \\ge -3$ looks tidy" in text
    assert not same_solution_set(lambda x: 4 - 3 * x >= 2 * x + 19, lambda x: x >= -3)
    assert "the greatest integer below it is 7" in text
    assert max(x for x in range(-20, 20) if 2 * x - 7 < 8) == 7


def test_quadratic_solutions_make_the_equations_true():
    text = squash(lesson("solving-quadratics-by-factoring"))
    assert "giving $x = -3$, or $x - 5 = 0$, giving $x = 5$" in text
    assert sorted(x for x in range(-20, 21) if x * x - 2 * x == 15) == [-3, 5]
    assert "only at $x = 3$" in text
    assert [x for x in range(-20, 21) if x * x - 6 * x + 9 == 0] == [3]
    assert "$x = -4$ or $x = 3$" in text
    assert sorted(x for x in range(-20, 21) if x * x + x - 12 == 0) == [-4, 3]
    assert "$x = 0$ or $x = 4$" in text
    assert sorted(x for x in range(-20, 21) if 2 * x * x == 8 * x) == [0, 4]
    # the mistake: x = 15 does not solve x(x - 2) = 15
    assert "$15 \\times (15 - 2) = 195$, not 15" in text and 15 * (15 - 2) != 15


def test_plots_show_what_the_lessons_say():
    """The shaded ray ends where the lesson's inequality does, filled; the parabola
    crosses the axis at the lesson's two solutions."""
    for slug, boundary in (
        ("solving-one-step-inequalities", "x \\le -4"),
        ("linear-inequalities", "x \\le -3"),
    ):
        assert f"${boundary}$" in lesson(slug)
        (line,) = PLOT_LINES[slug]()
        summary = squash(shown(line).summary)
        assert f"x ≤ {boundary.split()[-1]}" in summary and "filled dot" in summary, summary
    (line,) = PLOT_LINES["solving-quadratics-by-factoring"]()
    assert "crosses the x-axis at -3 and 5" in squash(shown(line).summary)


def test_distances_are_the_formula_on_the_named_points():
    text = squash(lesson("distance-formula"))

    def distance(p, q) -> float:
        return math.dist(p, q)

    assert "from $A(1, 2)$ to $B(7, 10)$" in text and distance((1, 2), (7, 10)) == 10
    assert "$P(-3, 4)$ to $Q(2, -1)$" in text
    assert "$d = \\sqrt{50} = 5\\sqrt{2}$" in text
    assert math.isclose(distance((-3, 4), (2, -1)), 5 * math.sqrt(2))
    assert "between $(-2, -3)$ and $(10, 2)$" in text and distance((-2, -3), (10, 2)) == 13
    # the walked distance and the forgotten root for A to B
    assert "$6 + 8 = 14$ is how far you would walk" in text and "giving 100" in text
    assert distance((1, 2), (7, 10)) ** 2 == 100


def test_proof_steps_follow_from_their_reasons():
    """Each line of the lesson's proofs has exactly the solutions of the line before."""
    text = squash(lesson("two-column-proofs"))
    rows = [
        ("| 1. $3(x - 2) = 15$ | Given |", lambda x: 3 * (x - 2) == 15),
        ("| 2. $3x - 6 = 15$ | Distributive Property |", lambda x: 3 * x - 6 == 15),
        ("| 3. $3x = 21$ | Addition Property of Equality (add 6) |", lambda x: 3 * x == 21),
        ("| 4. $x = 7$ | Division Property of Equality (divide by 3) |", lambda x: x == 7),
    ]
    for row, _ in rows:
        assert row in text, row
    for n in range(-80, 81):
        x = Fraction(n, 3)
        assert len({holds(x) for _, holds in rows}) == 1, x
    assert "| 4. $\\angle 2 = 115^\\circ$ |" in text and 180 - 65 == 115
    assert "from $3x + 4 = 19$ to $3x = 15$" in text and 19 - 4 == 15
    assert "2. $\\frac{x}{4} = 3$" in text and "3. $x = 12$" in text and 8 - 5 == 3 == 12 / 4


def test_arc_facts_stated_in_words_hold():
    text = squash(lesson("arcs-and-central-angles"))
    assert f"A pizza of radius {PIZZA_RADIUS} cm" in text and f"angle of ${SLICE}^\\circ$" in text
    assert math.isclose(arc(SLICE, PIZZA_RADIUS), 6 * math.pi)
    # an arc of 5 pi on the same circle: 60 degrees
    assert "so its angle is $\\frac{1}{6} \\times 360 = 60$" in text
    assert math.isclose(arc(60, PIZZA_RADIUS), 5 * math.pi)
    # proportional to the radius: double the pizza, double the crust; arc / radius fixed
    assert math.isclose(arc(SLICE, 2 * PIZZA_RADIUS), 2 * arc(SLICE, PIZZA_RADIUS))
    assert "it is $\\frac{6\\pi}{15}$, which is $\\frac{2\\pi}{5}$" in text
    assert math.isclose(arc(SLICE, PIZZA_RADIUS) / PIZZA_RADIUS, math.radians(SLICE))
    # the area mistake
    assert "\\times \\pi \\times 15^2 = 45\\pi$" in text
    assert math.isclose(SLICE / 360 * math.pi * 15**2, 45 * math.pi)
    assert f"radius {TRY_RADIUS} m" in text and f"a ${TRY_ANGLE}^\\circ$ central angle" in text
    assert math.isclose(arc(TRY_ANGLE, TRY_RADIUS), 15 / 2 * math.pi)


def test_completed_squares_equal_the_original_quadratics():
    text = squash(lesson("completing-the-square"))
    for sentence, original, square in (
        ("$x^2 + 6x + 9 = (x + 3)^2$", lambda x: x * x + 6 * x + 9, lambda x: (x + 3) ** 2),
        ("= (x - 2)^2 - 5$", lambda x: x * x - 4 * x - 1, lambda x: (x - 2) ** 2 - 5),
        ("= (x + 5)^2 - 18$", lambda x: x * x + 10 * x + 7, lambda x: (x + 5) ** 2 - 18),
    ):
        assert sentence in text and all(original(x) == square(x) for x in range(-9, 10))
    assert "the vertex is $(2, -5)$" in text and "the vertex is $(-5, -18)$" in text
    assert min((x - 2) ** 2 - 5 for x in range(-9, 10)) == -5
    # the forgotten subtraction gives (x - 2)^2 + 3: 7 at x = 0, where the original is -1
    assert "gives $(x - 2)^2 + 3$" in text and "at $x = 0$ it is 7" in text
    assert (0 - 2) ** 2 + 3 == 7 and 0 * 0 - 4 * 0 - 1 == -1
    (line,) = PLOT_LINES["completing-the-square"]()
    assert "crosses the x-axis at -0.2361 and 4.2361" in squash(shown(line).summary)
    assert "vertex (2, -5)" in squash(shown(line).summary)


def test_function_values_and_inputs_are_computed_from_the_rules():
    text = squash(lesson("functions-and-function-notation"))

    def f(x):
        return 2 * x + 1

    def g(x):
        return x * x - 3 * x + 2

    def h(x):
        return 5 - 2 * x

    assert "put in 3 and you always get 7" in text and f(3) == 7
    assert "so $g(-2) = 12$" in text and g(-2) == 12
    assert "$x = 0$ or $x = 3$" in text
    assert [x for x in range(-20, 21) if g(x) == 2] == [0, 3]
    # the missing-brackets slip: -2^2 read as -4 makes the total 4
    assert "the total comes out as 4 instead of 12" in text and -(2**2) - 3 * -2 + 2 == 4
    assert "$h(4) = 5 - 8 = -3$" in text and h(4) == -3
    assert "so $x = -3$" in text and [x for x in range(-20, 21) if h(x) == 11] == [-3]
    # the pairs: a function only when no input has two outputs
    assert "$(1, 5)$, $(2, 5)$, $(3, 8)$ are a function" in text


def test_transversal_angles_fit_the_parallel_line_rules():
    """The eight angles of the worked example, by position: upper crossing 1 to 4
    clockwise from the top left, lower crossing 5 to 8; the lower copies the upper."""
    text = squash(lesson("parallel-lines-and-transversals"))
    first = 70
    upper = {1: first, 2: 180 - first, 3: first, 4: 180 - first}
    angles = upper | {k + 4: v for k, v in upper.items()}
    assert "angle 1 is $70^\\circ$" in text and "$180 - 70 = 110$" in text
    assert angles[1] == angles[5]  # corresponding
    assert angles[3] == angles[5]  # alternate interior
    assert angles[1] == angles[7]  # alternate exterior
    assert angles[3] + angles[6] == 180  # same-side interior
    assert "angles 5 and 7 are $70^\\circ$, and 6 and 8 are $110^\\circ$" in text
    assert {angles[5], angles[7]} == {70} and {angles[6], angles[8]} == {110}
    for a, b in ((1, 5), (3, 5), (1, 7), (3, 6)):
        assert f"such as {a} and {b}" in text or f"such as {a} and {b}." in text
    assert "$2x = 32$ and $x = 16$" in text and 3 * 16 + 5 == 5 * 16 - 27 == 53
    assert "$5x = 200$ and $x = 40$" in text and (2 * 40 + 20) + (3 * 40 - 40) == 180


def test_slope_intercept_lines_pass_through_the_points_named():
    text = squash(lesson("slope-intercept-form"))
    m, b = GRAPHED
    for x, y in ((0, -3), (1, -1), (2, 1)):
        assert f"({x}, {y})" in text and m * x + b == y
    (line,) = PLOT_LINES["slope-intercept-form"]()
    assert "Marked: the point (0, -3)" in squash(shown(line).summary)
    assert "$y = -\\frac{1}{2}x + 4$" in text
    assert all(3 * x + 6 * (Fraction(-1, 2) * x + 4) == 24 for x in range(-9, 10))
    assert "$(8, 0)$" in text and 3 * 8 + 6 * 0 == 24
    assert "the line is $y = 3x + 2$" in text and 3 * 1 + 2 == 5 and 3 * 4 + 2 == 14
    assert "so $y = 4$, not 24" in text and Fraction(24, 6) == 4
    assert "$y = 2x - 5$: slope 2, $y$-intercept $-5$" in text
    assert all(4 * x - 2 * (2 * x - 5) == 10 for x in range(-9, 10))


def test_sequence_terms_and_sums_match_counting_one_by_one():
    text = squash(lesson("arithmetic-sequences"))
    terms = [5 + 3 * i for i in range(40)]
    assert "$$5, 8, 11, 14, 17, \\dots$$" in text and terms[:5] == [5, 8, 11, 14, 17]
    assert "$5 + 39 \\times 3 = 122$" in text and terms[39] == 122
    assert "| column sum | 127 | 127 | ... | 127 |" in text
    assert {a + b for a, b in zip(terms, reversed(terms), strict=True)} == {127}
    assert "= 2540.$$" in text and sum(terms) == 2540
    assert "= 5050$" in text and sum(range(1, 101)) == 5050
    # the n-steps slip lands on term 41
    assert "$5 + 40 \\times 3 = 125$: that is term 41" in text and 5 + 3 * 40 == 125
    seats = [18 + 2 * i for i in range(25)]
    assert "= 66$" in text and seats[-1] == 66
    assert "= 1050$ seats" in text and sum(seats) == 1050
