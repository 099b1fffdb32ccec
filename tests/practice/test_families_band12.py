"""Band 12 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np

from practice import families
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(12)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_hole_limit_is_approached_by_the_fraction_itself():
    for v in variants("limit_at_a_removable_hole"):
        a, r = v.params["a"], v.params["r"]

        def f(x: Fraction, a=a, r=r) -> Fraction:
            top = x * x - (a + r) * x + a * r
            return top / (x - a)

        for step in (Fraction(1, 10**6), Fraction(-1, 10**6)):
            assert abs(f(a + step) - v.answer.value) <= abs(step)


def test_one_sided_limit_follows_the_values_just_beside_the_break():
    sides = set()
    for v in variants("one_sided_limit_of_a_piecewise_function"):
        p = v.params
        c = p["c"]
        sides.add(p["side"])
        step = Fraction(1, 10**6) * (-1 if p["side"] == "left" else 1)
        x = c + step
        nearby = p["m1"] * x + p["b1"] if x < c else p["m2"] * x + p["b2"]
        assert abs(nearby - v.answer.value) <= 5 * abs(step)
        assert v.answer.value != p["at_c"]
    assert sides == {"left", "right"}


def test_moved_point_lies_on_the_moved_graph():
    """With f any function through (p, q), the new graph a f(x - h) + k passes through
    the answer: check it with a line through (p, q) and with a parabola through it."""
    for v in variants("point_after_shift_and_stretch"):
        p, q, a, h, k = (v.params[n] for n in ("p", "q", "a", "h", "k"))
        x, y = v.answer.value
        for f in (lambda t, p=p, q=q: q + 2 * (t - p), lambda t, p=p, q=q: q + (t - p) ** 2):
            assert a * f(x - h) + k == y


def test_squeezed_point_lies_on_the_squeezed_graph():
    for v in variants("point_after_horizontal_scaling"):
        b, t, q = v.params["b"], v.params["t"], v.params["q"]
        p = b * t
        x, y = v.answer.value
        for f in (lambda s, p=p, q=q: q + 3 * (s - p), lambda s, p=p, q=q: q - (s - p) ** 2):
            assert f(b * x) == y


def test_third_angle_completes_a_straight_angle():
    for v in variants("third_angle_of_a_triangle"):
        a, b = v.params["a"], v.params["b"]
        c = v.answer.value
        assert c > 0 and sorted([a, b, c]) and a + b + c == 180
        assert v.answer.unit == "degrees"


def test_ratio_angles_are_in_the_ratio_and_fill_the_triangle():
    for v in variants("triangle_angles_in_a_ratio"):
        order = v.params["order"]
        largest = v.answer.value
        angles = [Fraction(largest * n, max(order)) for n in order]
        assert sum(angles) == 180 and all(x.denominator == 1 for x in angles)


def test_exterior_angle_is_the_supplement_of_the_third_angle():
    for v in variants("exterior_angle_from_remote_angles"):
        a, b = v.params["a"], v.params["b"]
        third = 180 - a - b
        assert third > 0 and v.answer.value + third == 180


def test_solved_exterior_angle_equals_the_remote_sum_at_its_x():
    for v in variants("exterior_angle_solve_for_x"):
        p = v.params
        # solve p x + q = (r + t) x + (s + u) afresh
        x = Fraction(p["s"] + p["u"] - p["q"], p["p"] - p["r"] - p["t"])
        exterior = p["p"] * x + p["q"]
        remote = (p["r"] * x + p["s"], p["t"] * x + p["u"])
        assert exterior == v.answer.value == sum(remote)
        assert min(remote) > 0 and exterior < 180


def test_expected_function_agrees_with_the_distribution_of_the_function():
    """Group the x values by g(x) to get the mass function of g(X), then average that."""
    for name, g in (
        ("expected_square_of_a_random_variable", lambda x: Fraction(x * x)),
        ("expected_reciprocal_of_a_random_variable", lambda x: 1 / Fraction(x)),
    ):
        for v in variants(name):
            xs, ps = v.params["xs"], [Fraction(p) for p in v.params["ps"]]
            assert sum(ps) == 1 and len(set(xs)) == len(xs)
            of_g: dict[Fraction, Fraction] = {}
            for x, p in zip(xs, ps, strict=True):
                of_g[g(x)] = of_g.get(g(x), Fraction(0)) + p
            assert sum(y * p for y, p in of_g.items()) == v.answer.value
            # averaging the function never matches the function of the average here
            mean = sum(x * p for x, p in zip(xs, ps, strict=True))
            assert v.answer.value != g(mean)


def test_geometric_sum_is_where_the_partial_sums_settle():
    for v in variants("infinite_geometric_sum"):
        a, r = Fraction(v.params["a"]), Fraction(v.params["r"])
        assert 0 < abs(r) < 1
        total, term = Fraction(0), a
        for _ in range(200):
            total += term
            term *= r
        assert abs(float(total) - float(v.answer.value)) < 1e-9


def test_first_term_rebuilds_the_given_sum():
    for v in variants("first_term_from_the_infinite_sum"):
        total, r = Fraction(v.params["total"]), Fraction(v.params["r"])
        a = v.answer.value
        partial = sum(float(a) * float(r) ** k for k in range(200))
        assert abs(partial - float(total)) < 1e-9


def test_log_of_powers_matches_the_log_computed_from_x_and_y():
    """Take x = b^m and y = b^n, build the asked number exactly and read off its exponent."""
    for v in variants("log_of_powers_from_known_logs"):
        p = v.params
        b = Fraction(p["base"])
        x, y = b ** p["m"], b ** p["n"]
        number = x ** p["j"] / y ** p["k"] if p["quotient"] else x ** p["j"] * y ** p["k"]
        assert b**v.answer.value == number


def test_the_right_log_expression_has_the_value_of_the_log():
    import math

    for v in variants("which_expression_is_the_log_of_a_product"):
        p = v.params
        base, a, c = p["base"], p["p"], p["q"]
        target = math.log(a / c if p["quotient"] else a * c, base)
        right = math.log(a, base) + (-1 if p["quotient"] else 1) * math.log(c, base)
        assert math.isclose(target, right)
        key = "ABCD"[p["order"].index("right")]
        assert v.answer.value == key


def test_combination_limit_from_functions_with_those_limits():
    """f = L + (x - a) and g = M + (x - a)^2 have the given limits; evaluate near a."""
    for v in variants("limit_of_a_combination"):
        p = v.params
        x = p["a"] + 1e-9
        f, g = p["L"] + (x - p["a"]), p["M"] + (x - p["a"]) ** 2
        assert abs(p["p"] * f + p["q"] * g - v.answer.value) < 1e-6


def test_polynomial_limit_is_approached_from_both_sides():
    for v in variants("limit_of_a_polynomial_by_the_laws"):
        p = v.params
        for x in (p["a"] - 1e-9, p["a"] + 1e-9):
            near = p["c2"] * x * x + p["c1"] * x + p["c0"]
            assert abs(near - v.answer.value) < 1e-6


def joint(v) -> dict[tuple[int, int], Fraction]:
    """The variant's joint table as {(x, y): p}, Y running over 1, 2, 3."""
    return {
        (x, y + 1): Fraction(p)
        for x, row in zip(v.params["xs"], v.params["cells"], strict=True)
        for y, p in enumerate(row)
    }


def test_marginal_of_y_counts_every_pair_with_that_y():
    for v in variants("marginal_probability_from_a_joint_table"):
        table = joint(v)
        assert sum(table.values()) == 1
        y = v.params["j"] + 1
        assert v.answer.value == sum(p for (_, b), p in table.items() if b == y)


def test_expected_x_from_the_joint_table_pair_by_pair():
    """E[X] summed over all pairs, no marginal needed: sum of x p(x, y)."""
    for v in variants("expected_value_from_a_joint_table"):
        assert v.answer.value == sum(x * p for (x, _), p in joint(v).items())


def test_continuity_constant_closes_the_gap_at_the_break():
    """With the answer as k, the left piece just before the break and the right piece at
    it agree; no other k within reach does."""
    for v in variants("constant_that_makes_a_piecewise_function_continuous"):
        p = v.params
        c, d, (a2, a1, a0) = p["c"], p["d"], p["left"]
        k = v.answer.value
        step = Fraction(1, 10**6)
        x = c - step
        near = a2 * x * x + a1 * x + a0
        assert abs(near - (k * c + d)) < 100 * step
        for other in v.answer.alternatives.values():
            assert abs(near - (other * c + d)) > 100 * step


def test_discontinuity_kind_agrees_with_values_beside_the_point():
    """Sample f just left and right of a and at a: a blow-up shows huge values, a jump two
    different heights, a hole one height other than the value, continuity one height equal
    to it."""
    kinds = set()
    for v in variants("kind_of_discontinuity", 200):
        p = v.params
        a = p["a"]
        kinds.add(p["kind"])
        eps = Fraction(1, 10**6)
        if p["kind"] == "infinite":

            def f(x, p=p, a=a):
                return Fraction(p["k"]) / (x - a) ** 2

            value = p["value_at"]
        elif p["kind"] == "removable":

            def f(x, a=a):
                return (x * x - a * a) / (x - a)

            value = p["value_at"]
        else:

            def f(x, p=p, a=a):
                return p["m1"] * x + p["b1"] if x < a else p["m2"] * x + p["b2"]

            value = f(Fraction(a))
        left, right = f(a - eps), f(a + eps)
        if abs(left) > 10**6 and abs(right) > 10**6:
            found = "infinite"
        elif abs(left - right) > 10**-3:
            found = "jump"
        elif value is not None and abs(left - value) < 10**-3:
            found = "continuous"
        else:
            found = "removable"
        assert found == p["kind"]
        assert v.answer.value == "ABCD"[p["order"].index("right")]
        # only a negative number is bracketed after a times sign: 2 \times 1, not (1)
        assert not re.search(r"\\times \(\d", v.solution), v.solution
    assert kinds == {"continuous", "removable", "jump", "infinite"}


def test_conditional_probability_agrees_with_bayes_the_other_way_round():
    """P(Y = y | X = x) = P(X = x | Y = y) P(Y = y) / P(X = x), the column conditioned
    first; and the whole conditional row adds to 1."""
    for v in variants("conditional_probability_from_a_joint_table"):
        table = joint(v)
        x, y = v.params["xs"][v.params["i"]], v.params["j"] + 1
        p_y = sum(p for (_, b), p in table.items() if b == y)
        p_x = sum(p for (a, _), p in table.items() if a == x)
        x_given_y = table[x, y] / p_y
        assert v.answer.value == x_given_y * p_y / p_x
        assert sum(table[x, b] / p_x for b in (1, 2, 3)) == 1


def test_conditional_expectation_as_a_ratio_of_two_expectations():
    """E[Y | X = x] = E[Y 1{X = x}] / P(X = x), in floating point over the pairs; it lies
    between Y's smallest and largest values."""
    for v in variants("conditional_expectation_from_a_joint_table"):
        x = v.params["xs"][v.params["i"]]
        pairs = np.array([(a, b, float(p)) for (a, b), p in joint(v).items()])
        on = pairs[:, 0] == x
        ratio = np.sum(pairs[on, 1] * pairs[on, 2]) / np.sum(pairs[on, 2])
        assert abs(ratio - float(v.answer.value)) < 1e-12
        assert 1 <= v.answer.value <= 3


def test_sum_of_independent_variables_is_a_convolution():
    """The distribution of X + Y for independent X and Y is the convolution of the two
    mass functions: read off its entry at s, and check it against a simulation too."""
    rng = np.random.default_rng(7)
    for v in variants("sum_of_independent_variables"):
        px = [float(Fraction(p)) for p in v.params["px"]]
        py = [float(Fraction(p)) for p in v.params["py"]]
        s = v.params["s"]
        assert abs(np.convolve(px, py)[s] - float(v.answer.value)) < 1e-12
    v = variants("sum_of_independent_variables", 1)[0]
    px = [float(Fraction(p)) for p in v.params["px"]]
    py = [float(Fraction(p)) for p in v.params["py"]]
    n = 200_000
    sums = rng.choice(3, size=n, p=px) + rng.choice(3, size=n, p=py)
    assert abs(np.mean(sums == v.params["s"]) - float(v.answer.value)) < 0.01


def test_missing_cell_completes_a_table_that_is_the_product_of_its_margins():
    for v in variants("missing_cell_of_an_independent_table"):
        p, q = Fraction(v.params["p"]), Fraction(v.params["q"])
        table = {(1, 1): p * q, (0, 1): v.answer.value}
        table[1, 0], table[0, 0] = p - table[1, 1], (1 - p) - table[0, 1]
        assert sum(table.values()) == 1 and min(table.values()) >= 0
        p_x = {x: table[x, 0] + table[x, 1] for x in (0, 1)}
        p_y = {y: table[0, y] + table[1, y] for y in (0, 1)}
        assert all(table[x, y] == p_x[x] * p_y[y] for x in (0, 1) for y in (0, 1))
        assert p_x[1] == p


def test_rational_limit_at_infinity_is_where_the_values_settle():
    """Evaluate the fraction exactly at x = 10^6 and 10^7: it is near the answer, and
    nearer at the larger x."""
    lowers = 0
    for v in variants("limit_at_infinity_of_a_rational_function", 150):
        top, bottom = v.params["top"], v.params["bottom"]

        def f(x: int, top=top, bottom=bottom) -> Fraction:
            def poly(cs):
                return sum(c * x ** (len(cs) - 1 - k) for k, c in enumerate(cs))

            return Fraction(poly(top), poly(bottom))

        near, nearer = (abs(f(x) - v.answer.value) for x in (10**6, 10**7))
        assert nearer < near < Fraction(1, 10**4)
        lowers += len(top) < len(bottom)
    assert 20 < lowers < 100


def test_exponential_ratio_settles_at_the_end_asked():
    for v in variants("end_value_of_an_exponential_ratio"):
        p = v.params
        x = 60.0 if p["end"] == "+" else -60.0
        power = float(p["base"]) ** x
        at = (p["p"] * power + p["q"]) / (p["s"] * power + p["t"])
        assert abs(at - float(v.answer.value)) < 1e-9


def test_bernoulli_entropy_agrees_with_the_engine_and_survives_rounded_steps():
    """The engine's entropy of (p, 1 - p) in bits; and a student who rounds each
    logarithm and each term to 3 significant figures is still marked right."""
    from practice.grader import grade_answer
    from practice.kl_engine import entropy

    def sig3(x: float) -> float:
        return float(f"{x:.3g}")

    for v in variants("bernoulli_entropy_in_bits"):
        p = float(Fraction(v.params["p"]))
        assert abs(entropy([p, 1 - p]) - v.answer.value) < 1e-12
        rounded = sum(sig3(-q * sig3(math.log2(q))) for q in (p, 1 - p))
        assert grade_answer(f"{rounded:.3g}", v.answer).correct


def test_indicator_payoff_variance_from_the_two_outcomes():
    """E[Y^2] - E[Y]^2 over the game's two payoffs, exactly."""
    for v in variants("variance_of_an_indicator_payoff"):
        p, a, b = Fraction(v.params["p"]), v.params["a"], v.params["b"]
        mean = a * p + b * (1 - p)
        assert a * a * p + b * b * (1 - p) - mean**2 == v.answer.value


def test_linear_combination_mean_on_a_joint_table_with_dependence():
    """Build a joint distribution in which Y depends on X (Y = m + (X - E[X]) scaled, plus
    noise) with the stated E[Y], and average a X + b Y + c over it exactly."""
    for v in variants("expectation_of_a_linear_combination"):
        p = v.params
        xs, ps = p["xs"], [Fraction(q) for q in p["ps"]]
        mean_x = sum(x * q for x, q in zip(xs, ps, strict=True))
        joint = {}
        for x, q in zip(xs, ps, strict=True):
            for noise in (-1, 1):  # Y = E[Y] + 2 (x - E[X]) +- 1, dependent on X
                y = p["mean_y"] + 2 * (x - mean_x) + noise
                joint[x, y] = joint.get((x, y), 0) + q / 2
        assert sum(y * q for (_, y), q in joint.items()) == p["mean_y"]
        direct = sum((p["a"] * x + p["b"] * y + p["c"]) * q for (x, y), q in joint.items())
        assert direct == v.answer.value


def test_empty_boxes_mean_over_every_equally_likely_assignment():
    """Enumerate all n^k ways the choices can fall and average the number of empty ones."""
    from itertools import product

    for v in variants("expected_number_of_empty_boxes", 60):
        n, k = v.params["n"], v.params["k"]
        ways = list(product(range(n), repeat=k))
        empty = sum(n - len(set(w)) for w in ways)
        assert Fraction(empty, len(ways)) == v.answer.value
        # two choices are "both", never "all 2"
        assert ("both choices miss it" in v.solution) == (k == 2)
        assert "all 2 " not in v.solution


def test_tangent_line_touches_the_parabola_once_and_matches_a_tiny_secant():
    """The line meets the parabola only at x0 (a double root), and its slope matches the
    central difference there."""
    for v in variants("tangent_line_of_a_quadratic"):
        p = v.params
        a, b, c, x0 = p["a"], p["b"], p["c"], p["x0"]
        m, k = v.answer.value

        def f(x, a=a, b=b, c=c):
            return a * x * x + b * x + c

        # f(x) - (mx + k) = a (x - x0)^2 exactly
        for x in range(-6, 7):
            assert f(x) - (m * x + k) == a * (x - x0) ** 2
        h = Fraction(1, 10**6)
        assert (f(x0 + h) - f(x0 - h)) / (2 * h) == m


def test_average_velocity_is_the_mean_of_the_instantaneous_velocities():
    """For a quadratic position the average velocity over [t1, t2] equals the velocity at
    the midpoint, and the mean of many secant slopes over sub-intervals."""
    for v in variants("average_velocity_over_an_interval"):
        (a, b, c), t1, t2 = v.params["s"], v.params["t1"], v.params["t2"]
        mid = Fraction(t1 + t2, 2)
        assert 2 * a * mid + b == v.answer.value
        ts = [t1 + Fraction(k * (t2 - t1), 10) for k in range(11)]

        def s(t, a=a, b=b, c=c):
            return a * t * t + b * t + c

        pieces = [(s(u) - s(t)) / (u - t) for t, u in zip(ts, ts[1:], strict=False)]
        assert sum(pieces) / len(pieces) == v.answer.value


def test_congruence_criterion_read_back_from_the_facts():
    """Parse the facts (sides as letter pairs, angles as letters, with their numbers) and
    decide the test from scratch; for SSA, the law of sines finds two triangles."""
    import re

    seen = set()
    for v in variants("congruence_criterion", 200):
        sides, angles = {}, {}
        for fact in v.params["facts"]:
            if m := re.match(r"\$\\angle (\w) = .* = (\d+)\^\\circ\$", fact):
                angles[m.group(1)] = int(m.group(2))
            else:
                m = re.match(r"\$(\w)(\w) = \w+ = (\d+)\$", fact)
                sides[frozenset(m.group(1, 2))] = int(m.group(3))
        if len(sides) == 3:
            found = "SSS"
        elif len(angles) == 3:
            found = "none"
            assert sum(angles.values()) == 180
        elif len(sides) == 2:
            (vertex,) = angles
            found = "SAS" if all(vertex in s for s in sides) else "none"
            if found == "none":  # SSA: the side opposite the angle swings to two places
                opposite = next(n for s, n in sides.items() if vertex not in s)
                adjacent = next(n for s, n in sides.items() if vertex in s)
                height = adjacent * math.sin(math.radians(angles[vertex]))
                assert height < opposite < adjacent
        else:
            (side,) = sides
            found = "ASA" if side == frozenset(angles) else "AAS"
            assert sum(angles.values()) < 180
        seen.add(v.params["case"])
        right = v.params["order"].index("right")
        assert v.answer.value == "ABCDE"[right]
        label = {"none": "none of these"}.get(found, found)
        assert re.search(rf"\*\*{v.answer.value}\.\*\* {label}", v.prompt)
        # AAS and ASA both hold once the third angle is found: the prompt asks for the facts
        # as given, and the other one's message grants that step instead of denying it
        assert "as they are given" in v.prompt
        other = {"AAS": "said_ASA", "ASA": "said_AAS"}.get(found)
        if other:
            assert "third angle" in v.answer.messages[other]
    assert seen == {"SSS", "SAS", "ASA", "AAS", "SSA", "AAA"}


def test_side_from_congruent_triangles_by_the_letter_correspondence():
    for v in variants("side_from_congruent_triangles"):
        p = v.params
        de = p["p"] * p["x"] + p["q"]
        x = Fraction(de - p["q"], p["p"])  # solve AB = DE afresh
        assert v.answer.value == p["r"] * x + p["s"] > 0
        ab, bc, ac = de, v.answer.value, p["ac"]
        assert max(ab, bc, ac) < ab + bc + ac - max(ab, bc, ac)


def test_thirty_sixty_ninety_sides_fit_an_equilateral_triangle_cut_in_half():
    """Draw the triangle from its short leg as half an equilateral triangle in coordinates,
    measure the asked side, and check the angles are 30, 60 and 90 degrees."""
    names = set()
    for v in variants("side_of_a_30_60_90_triangle", 150):
        s = v.params["short"]
        # the right angle at the origin, the short leg along the x-axis, and the apex at the
        # height of the equilateral triangle of side 2s whose half this is
        right, base_end = np.array([0.0, 0.0]), np.array([float(s), 0.0])
        apex = np.array([0.0, math.sqrt((2 * s) ** 2 - s**2)])
        sides = {
            "short leg": np.linalg.norm(base_end - right),
            "long leg": np.linalg.norm(apex - right),
            "hypotenuse": np.linalg.norm(apex - base_end),
        }
        assert math.isclose(sides[v.params["asked"]], v.answer.value)
        assert math.isclose(math.degrees(math.atan2(sides["long leg"], s)), 60)
        names.add((v.params["given"], v.params["asked"]))
    assert len(names) == 6


def test_square_side_and_diagonal_by_pythagoras():
    for v in variants("side_of_a_45_45_90_triangle"):
        n = v.params["n"]
        if v.params["to_diagonal"]:
            assert math.isclose(math.hypot(n, n), v.answer.value)
        else:
            side = v.answer.value
            assert math.isclose(side * side + side * side, n * n)


def test_special_triangle_sides_survive_a_rounded_root_and_solutions_go_through_the_short_leg():
    """A student who writes root 2 as 1.41 and root 3 as 1.73 (3 significant figures) and
    rounds the side is marked right, and no mistake is; each 30-60-90 solution finds the
    short leg from the given side by the ratio, naming it once."""
    from practice.grader import grade_answer

    roots = {1: 1.0, 2: 1.41, 3: 1.73}
    ratio = {"short leg": (1, 1), "long leg": (1, 3), "hypotenuse": (2, 1)}
    for v in variants("side_of_a_30_60_90_triangle", 150):
        s, given, asked = v.params["short"], v.params["given"], v.params["asked"]
        (fg, rg), (fa, ra) = ratio[given], ratio[asked]
        given_rounded = s * fg * roots[rg]  # the given side, with its root rounded
        worked = given_rounded / (fg * roots[rg]) * fa * roots[ra]
        assert grade_answer(f"{worked:.3g}", v.answer).correct, v.params
        for slip in v.answer.alternatives.values():
            assert not grade_answer(f"{slip:.3g}", v.answer).correct, v.params
        assert v.solution.count("so the short leg is") == (given != "short leg")
        assert ("Find the short leg first" in v.hint) == (given != "short leg")
        if given == "long leg":
            assert f"\\div \\sqrt{{3}} = {s}$" in v.solution
    for v in variants("side_of_a_45_45_90_triangle"):
        n = v.params["n"]
        for worked in (n * 1.41, n / 1.41, n / 2 * 1.41, n * 0.707):
            if (worked > n) == v.params["to_diagonal"]:
                assert grade_answer(f"{worked:.3g}", v.answer).correct, (v.params, worked)
        for slip in v.answer.alternatives.values():
            assert not grade_answer(f"{slip:.3g}", v.answer).correct, v.params
        # a garden is measured in metres, a tile or a sheet of paper in centimetres
        unit = "m" if "garden" in v.params["thing"] else "cm"
        assert f"${n}$ {unit}." in v.prompt and v.solution.endswith(f"$ {unit}.")


def _closes_up(a: int, b: int, c: int) -> bool:
    """Whether sides a and b can hinge to close on a third side c with a real angle strictly
    between 0 and 180 degrees (the law of cosines), i.e. a triangle that is not flat."""
    cos_angle = Fraction(a * a + b * b - c * c, 2 * a * b)
    return -1 < cos_angle < 1


def test_third_side_count_by_trying_every_length():
    for v in variants("whole_lengths_for_the_third_side"):
        a, b = v.params["a"], v.params["b"]
        assert sum(_closes_up(a, b, c) for c in range(1, 3 * (a + b))) == v.answer.value


def test_exactly_one_listed_set_closes_up_into_a_triangle():
    import re

    for v in variants("which_lengths_make_a_triangle"):
        options = re.findall(r"\*\*([A-C])\.\*\* \$(\d+)\$, \$(\d+)\$ and \$(\d+)\$", v.prompt)
        assert len(options) == 3
        makes = [key for key, *sides in options if _closes_up(*map(int, sides))]
        assert makes == [v.answer.value]
        flat = v.params["flat"]
        assert sorted(flat)[0] + sorted(flat)[1] == max(flat)


def test_shadow_height_lies_on_the_ray_through_the_post_top():
    """Put the shadows' tips at the origin: the ray through the post's top, continued to the
    object's distance, reaches exactly the answer's height."""
    for v in variants("height_from_a_shadow"):
        post, shadow = float(Fraction(v.params["post"])), float(Fraction(v.params["shadow"]))
        angle = math.atan2(post, shadow)
        assert math.isclose(v.params["far"] * math.tan(angle), v.answer.value)


def sig3(x: float | Fraction) -> float:
    """``x`` rounded to 3 significant figures, as a student writes an intermediate step."""
    return float(f"{float(x):.3g}")


def test_shadow_height_is_believable_and_survives_a_rounded_ratio():
    """A tree, flagpole, building or lighthouse of a height such things have; and a student
    who rounds the post's height over its shadow to 3 significant figures, then the
    height, is marked right, while neither mistake is accepted as right."""
    from practice.grader import grade_answer

    tall = {"tree": (4, 40), "flagpole": (4, 25), "building": (8, 120), "lighthouse": (10, 70)}
    for v in variants("height_from_a_shadow", 400):
        post, shadow = Fraction(v.params["post"]), Fraction(v.params["shadow"])
        low, high = tall[v.params["thing"].split()[1]]
        assert low <= v.answer.value <= high
        far = v.params["far"]
        # height over shadow rounded, times the shadow; or shadow over height, divided into it
        for worked in (sig3(post / shadow) * far, far / sig3(shadow / post)):
            assert grade_answer(f"{worked:.3g}", v.answer).correct, (v.params, worked)
        for slip in v.answer.alternatives.values():
            assert not grade_answer(f"{slip:.3g}", v.answer).correct


def test_side_splitter_answer_by_coordinates():
    """Build the triangle with A at the origin, D and E on AB and AC at the same fraction
    of the way (which is what parallel to BC means), and measure."""
    for v in variants("side_splitter_length"):
        p = v.params
        t = Fraction(p["ad"], p["ad"] + p["db"])  # D is this fraction of the way along AB
        b = np.array([float(p["ad"] + p["db"]), 0.0])
        if p["ask_ec"]:
            ac = p["ae"] / float(t)
            c = ac * np.array([math.cos(1.1), math.sin(1.1)])
            e = float(t) * c
            assert math.isclose(np.linalg.norm(e), p["ae"])
            assert math.isclose(np.linalg.norm(c - e), float(v.answer.value))
        else:
            # choose C so that BC has the given length, then DE = t BC by the parallel
            c = b + p["bc"] * np.array([math.cos(2.0), math.sin(2.0)])
            d, e = float(t) * b, float(t) * c
            assert math.isclose(np.linalg.norm(e - d), float(v.answer.value))
            (u1, u2), (w1, w2) = e - d, c - b
            assert math.isclose(u1 * w2 - u2 * w1, 0, abs_tol=1e-9)  # DE parallel to BC
