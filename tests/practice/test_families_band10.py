"""Band 10 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np

from practice import families
from practice.hints import hint_for, reveals
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(10)
    return [GENERATORS[name](rng) for _ in range(count)]


def chosen(v) -> str:
    """The label of the option the variant marks right."""
    for line in v.prompt.splitlines():
        if line.startswith(f"- **{v.answer.value}.** "):
            return line.split("** ", 1)[1]
    raise AssertionError(v.prompt)


def test_rational_power_raised_back_gives_the_base():
    """(a^(m/n))^n = a^m, checked on the exact answer."""
    for v in variants("rational_exponent_value"):
        a, m, n = v.params["base"], v.params["m"], v.params["n"]
        power = a**m if not v.params["negative"] else Fraction(1, a**m)
        assert v.answer.value**n == power and v.answer.form == "lowest_terms"


def test_product_exponent_matches_floating_point_powers():
    for v in variants("rational_exponent_product"):
        first, second = Fraction(v.params["first"]), Fraction(v.params["second"])
        x = 1.7
        assert math.isclose(x**first * x**second, x ** float(v.answer.value), rel_tol=1e-12)


_OPS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b}
_OPS |= {">": lambda a, b: a > b, ">=": lambda a, b: a >= b}
_LATEX = {"<": "<", "\\le": "<=", ">": ">", "\\ge": ">="}


def left_side(kind: str, k: int, x: int) -> Fraction:
    return {
        "add": Fraction(x + k),
        "subtract": Fraction(x - k),
        "times": Fraction(k * x),
        "times_negative": Fraction(-k * x),
        "divide_negative": Fraction(x, -k),
    }[kind]


def test_chosen_inequality_agrees_with_the_original_on_every_nearby_number():
    for v in variants("one_step_inequality"):
        p = v.params
        m = re.fullmatch(r"\$x (\S+) (-?\d+)\$", chosen(v))
        sign, bound = _LATEX[m.group(1)], int(m.group(2))
        for x in range(-150, 151):
            original = _OPS[p["sign"]](left_side(p["kind"], p["k"], x), p["b"])
            assert original == _OPS[sign](x, bound), (p, x)


def test_proportion_answer_makes_the_two_ratios_equal():
    for v in variants("solve_proportion"):
        b, c, d = v.params["b"], v.params["c"], v.params["d"]
        assert v.answer.value / b == Fraction(c, d)


def test_two_step_answer_solves_the_equation():
    for v in variants("two_step_equation"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        assert a * v.answer.value + b == c and v.answer.value.denominator == 1


def test_common_factor_divides_every_term_and_leaves_no_common_factor():
    for v in variants("greatest_common_factor_of_terms"):
        c, k = v.answer.value
        coefficients, powers = v.params["coefficients"], v.params["powers"]
        assert all(a % c == 0 for a in coefficients) and all(p >= k for p in powers)
        rest = [a // c for a in coefficients]
        assert math.gcd(*rest) == 1 and min(p - k for p in powers) == 0


def test_grouped_factors_multiply_back():
    for v in variants("factor_by_grouping"):
        p, q = v.params["p"], v.params["q"]
        a, b = v.answer.value
        for x in range(-5, 6):
            assert (x**2 + a) * (x + b) == x**3 + q * x**2 + p * x + p * q


def test_monic_factors_multiply_back():
    for v in variants("factor_monic_trinomial"):
        p, q = v.answer.value
        assert p <= q
        for x in range(-5, 6):
            assert (x + p) * (x + q) == x**2 + v.params["b"] * x + v.params["c"]


def test_only_the_chosen_factored_form_expands_to_the_trinomial():
    """Every option is expanded at several points; only the right key matches."""
    form = re.compile(r"\$\((\d*)x ([+-]) (\d+)\)\(x ([+-]) (\d+)\)\$")
    for v in variants("factor_trinomial_leading_coefficient"):
        a, m, n = v.params["a"], v.params["m"], v.params["n"]
        for line in v.prompt.splitlines():
            if not line.startswith("- **"):
                continue
            key = line[4]
            lead, s1, c1, s2, c2 = form.search(line).groups()
            r, u = int(f"{s1}{c1}"), int(f"{s2}{c2}")
            lead = int(lead or 1)
            matches = all(
                (lead * x + r) * (x + u) == a * x**2 + (a * n + m) * x + m * n for x in range(-4, 5)
            )
            assert matches == (key == v.answer.value), line


def test_multi_step_answer_solves_the_bracketed_equation():
    for v in variants("multi_step_equation"):
        a, b, c, d = (v.params[k] for k in "abcd")
        x = v.answer.value
        assert a * (x + b) + c * x == d and x.denominator == 1


def test_both_sides_answer_makes_the_sides_equal():
    for v in variants("variables_on_both_sides"):
        a, b, c, d = (v.params[k] for k in "abcd")
        x = v.answer.value
        assert a * x + b == c * x + d and x.denominator == 1


def test_solution_count_matches_a_search_over_many_numbers():
    """Count the whole numbers (and halves, thirds, ...) that satisfy the equation."""
    labels = {"Exactly one solution": 1, "No solution": 0}
    for v in variants("how_many_solutions"):
        p = v.params
        candidates = {Fraction(n, d) for n in range(-60, 61) for d in range(1, 8)}
        hits = sum(p["a"] * (x + p["k"]) + p["e"] == p["slope"] * x + p["f"] for x in candidates)
        label = chosen(v)
        expected = labels.get(label, len(candidates))
        assert hits == expected, (p, label, hits)


def test_pythagorean_sides_satisfy_the_theorem():
    for v in variants("pythagorean_missing_side"):
        p, x = v.params, v.answer.value
        if p["find"] == "leg":
            assert math.isclose(x**2 + p["leg"] ** 2, p["hypotenuse"] ** 2)
            assert 0 < x < p["hypotenuse"]
        else:
            assert math.isclose(p["a"] ** 2 + p["b"] ** 2, x**2) and x > max(p["a"], p["b"])


def test_right_triangle_verdict_agrees_with_the_law_of_cosines():
    """The largest angle is 90 degrees exactly when the triangle is right-angled."""
    for v in variants("is_it_a_right_triangle"):
        x, y, z = sorted(v.params["sides"])
        cosine = Fraction(x * x + y * y - z * z, 2 * x * y)
        assert (cosine == 0) == chosen(v).startswith("Yes")


def test_angle_pair_partner_makes_the_pair():
    totals = {"complementary": 90, "supplementary": 180}
    for v in variants("angle_pair_partner"):
        kind, angle, other = v.params["kind"], v.params["angle"], v.answer.value
        if kind == "vertical":
            assert other == angle and 180 - other == 180 - angle
        else:
            assert angle + other == totals[kind] and other > 0
        assert v.answer.unit == "degrees"


def test_angle_pair_equation_gives_angles_that_fit_the_rule():
    for v in variants("angle_pair_equation"):
        p, x = v.params, v.answer.value
        first, second = p["a"] * x + p["b"], p["c"] * x + p["d"]
        assert first > 0 and second > 0
        if p["kind"] == "vertical":
            assert first == second
        else:
            assert first + second == {"complementary": 90, "supplementary": 180}[p["kind"]]


def test_intercepts_lie_on_the_line_and_on_the_axes():
    for v in variants("intercepts_of_a_line"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        x0, y0 = v.answer.value
        assert a * x0 + b * 0 == c and a * 0 + b * y0 == c


def test_point_with_the_given_x_lies_on_the_line():
    for v in variants("solve_for_y_at_x"):
        p = v.params
        assert p["a"] * p["x"] + p["b"] * v.answer.value == p["c"]


def test_chosen_simplification_agrees_with_the_original_except_where_it_is_undefined():
    for v in variants("simplify_rational_expression"):
        p, q = v.params["p"], v.params["q"]
        label = chosen(v)
        assert label == f"$x {'+' if q > 0 else '-'} {abs(q)}$, for $x \\ne {-p}$"
        for x in range(-12, 13):
            if x + p != 0:
                assert Fraction(x * x + (p + q) * x + p * q, x + p) == x + q


def test_excluded_values_make_the_denominator_zero():
    for v in variants("excluded_values_of_rational_expression"):
        p, q, k = v.params["p"], v.params["q"], v.params["k"]
        low, high = v.answer.value
        assert low < high
        for x in (low, high):
            assert x * x + (p + q) * x + p * q == 0 and x + k != 0


def test_chosen_inequality_with_x_on_both_sides_agrees_everywhere():
    for v in variants("inequality_with_x_on_both_sides"):
        p = v.params
        m = re.fullmatch(r"\$x (\S+) (-?\d+)\$", chosen(v))
        sign, bound = _LATEX[m.group(1)], int(m.group(2))
        for n in range(-200, 201):
            x = Fraction(n, 4)
            original = _OPS[p["sign"]](p["a"] * x + p["b"], p["c"] * x + p["d"])
            assert original == _OPS[sign](x, bound), (p, x)


def test_greatest_integer_solution_is_the_largest_that_works():
    for v in variants("greatest_integer_solution"):
        p = v.params
        works = [
            x
            for x in range(-100, 101)
            if (p["a"] * x + p["b"] < p["c"] if p["strict"] else p["a"] * x + p["b"] <= p["c"])
        ]
        assert v.answer.value == max(works)


def test_quadratic_roots_are_all_the_whole_solutions():
    for v in variants("quadratic_roots_by_factoring"):
        b, c = v.params["b"], v.params["c"]
        assert v.answer.value == tuple(x for x in range(-30, 31) if x * x + b * x + c == 0)
    for v in variants("zero_product_needs_zero"):
        b, k = v.params["b"], v.params["k"]
        assert v.answer.value == tuple(x for x in range(-30, 31) if x * (x + b) == k)


def test_distance_matches_math_dist():
    for v in variants("distance_between_points"):
        assert math.isclose(v.answer.value, math.dist(v.params["p"], v.params["q"]))


def test_missing_coordinate_is_at_the_distance_and_above():
    for v in variants("missing_coordinate_from_distance"):
        p = v.params
        y = v.answer.value
        assert y > p["y1"] and math.dist((p["x1"], p["y1"]), (p["x2"], y)) == p["distance"]


def proof_lines(step: str, a: int, b: int, x: int):
    """The two statements of the step as (left side as a function, right side) pairs."""
    return {
        "subtract": ((lambda t: a * t + b, a * x + b), (lambda t: a * t, a * x)),
        "add": ((lambda t: a * t - b, a * x - b), (lambda t: a * t, a * x)),
        "divide": ((lambda t: a * t, a * x), (lambda t: t, x)),
        "multiply": ((lambda t: Fraction(t, a), x), (lambda t: t, a * x)),
        "distribute": (
            (lambda t: a * (t + b), a * (x + b)),
            (lambda t: a * t + a * b, a * (x + b)),
        ),
    }[step]


_DONE = {
    "Addition": lambda v, n: v + n,
    "Subtraction": lambda v, n: v - n,
    "Multiplication": lambda v, n: v * n,
    "Division": lambda v, n: Fraction(v, n),
}


def test_proof_reason_turns_one_statement_into_the_next():
    """The property the right option names, done to both sides of the first statement
    with one of the numbers in it, gives the second; the distributive property rewrites
    the left side without changing its value."""
    for v in variants("reason_for_a_proof_step"):
        step, a, b, x = (v.params[k] for k in ("step", "a", "b", "x"))
        (left, right), (left2, right2) = proof_lines(step, a, b, x)
        word = chosen(v).split()[0]
        if word == "Distributive":
            assert all(left(t) == left2(t) for t in range(-9, 10)) and right == right2
            continue
        done = _DONE[word]
        assert any(
            done(right, n) == right2 and all(done(left(t), n) == left2(t) for t in range(-9, 10))
            for n in (a, b)
        ), (step, word)


def test_proof_statements_solve_the_given_equation():
    for v in variants("proof_missing_statements"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        p, q = v.answer.value
        assert p == a * q and a * (q + b) == c


def test_arc_and_angle_are_the_same_share_of_the_circle():
    """Arc over circumference equals angle over a full turn, both ways round."""
    for v in variants("arc_length_from_angle"):
        theta, r = v.params["theta"], v.params["r"]
        assert math.isclose(v.answer.value / (2 * math.pi * r), theta / 360)
        assert math.isclose(v.answer.value, r * math.radians(theta))
    for v in variants("central_angle_from_arc"):
        s, r = v.params["s"], v.params["r"]
        assert math.isclose(math.radians(v.answer.value) * r, s)
        assert v.answer.unit == "degrees"


def test_completed_square_expands_back():
    for v in variants("complete_the_square_constant"):
        b = v.params["b"]
        h = Fraction(b, 2)
        for x in range(-5, 6):
            assert x * x + b * x + v.answer.value == (x + h) ** 2
    for v in variants("vertex_form_by_completing_the_square"):
        b, c = v.params["b"], v.params["c"]
        h, k = v.answer.value
        assert all(x * x + b * x + c == (x - h) ** 2 + k for x in range(-9, 10))
        assert min(x * x + b * x + c for x in range(-20, 21)) == k


def test_function_value_is_the_rule_at_the_input():
    for v in variants("evaluate_function_notation"):
        a, b, c, k = (v.params[n] for n in "abck")
        assert v.answer.value == np.polyval([a, b, c], k)


def test_input_found_gives_the_output_back():
    for v in variants("input_for_a_given_output"):
        m, b, t = v.params["m"], v.params["b"], v.params["t"]
        assert m * v.answer.value + b == t


def test_transversal_partner_is_equal_or_supplementary_by_the_pair():
    for v in variants("transversal_angle_pair"):
        angle, other = v.params["angle"], v.answer.value
        if v.params["pair"] == "same-side interior":
            assert angle + other == 180
        else:
            assert other == angle
    for v in variants("transversal_solve_for_x"):
        p, x = v.params, v.answer.value
        first, second = p["a"] * x + p["b"], p["c"] * x + p["d"]
        assert 0 < first < 180 and 0 < second < 180
        assert (first + second == 180) == (p["pair"] == "same-side interior")
        assert (first == second) == (p["pair"] != "same-side interior")


def test_slope_intercept_form_describes_the_same_line():
    for v in variants("slope_intercept_from_standard_form"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        m, k = v.answer.value
        assert all(a * x + b * (m * x + k) == c for x in range(-5, 6))


def test_line_through_two_points_has_that_intercept():
    for v in variants("line_through_two_points"):
        (x1, y1), (x2, y2) = v.params["p"], v.params["q"]
        slope = np.polyfit([x1, x2], [y1, y2], 1)[0]
        assert math.isclose(y1 - slope * x1, float(v.answer.value), abs_tol=1e-9)


def test_sequence_term_and_sum_by_listing_every_term():
    for v in variants("arithmetic_sequence_term"):
        a1, d, n = v.params["a1"], v.params["d"], v.params["n"]
        terms = [a1]
        while len(terms) < n:
            terms.append(terms[-1] + d)
        assert v.answer.value == terms[-1]
    for v in variants("arithmetic_series_sum"):
        a1, d, n = v.params["a1"], v.params["d"], v.params["n"]
        assert v.answer.value == sum(a1 + i * d for i in range(n))


def test_mistake_messages_are_plain_text():
    """The practice page shows a mistake's message as text, not Markdown: no formula
    delimiters, LaTeX commands or emphasis marks that would show as raw symbols."""
    for name, make in GENERATORS.items():
        if make.__module__ != "practice.families.band10":
            continue
        for v in variants(name, 30):
            for code, message in v.answer.messages.items():
                assert not set("$\\*_^{}") & set(message), (name, code, message)


def test_every_family_gives_a_hint_that_keeps_the_answer_hidden():
    """After a first wrong answer each question offers a hint of its own or a first step
    of its solution, and never one that states the answer or names the right option."""
    for name, make in GENERATORS.items():
        if make.__module__ != "practice.families.band10":
            continue
        hinted = 0
        for v in variants(name, 40):
            hint = hint_for(v)
            if hint:
                hinted += 1
                assert not reveals(hint, v), (name, hint)
        assert hinted >= 20, (name, hinted)


def test_unknown_below_keeps_the_ratio():
    for v in variants("proportion_unknown_below"):
        b, c, d = v.params["b"], v.params["c"], v.params["d"]
        assert Fraction(b) / v.answer.value == Fraction(c, d)


def test_two_step_division_answer_solves_its_equation():
    for v in variants("two_step_equation_with_division"):
        a, b, c, x = v.params["a"], v.params["b"], v.params["c"], v.answer.value
        left = (x + b) / a if v.params["bracketed"] else x / a + b
        assert left == c and x.denominator == 1
