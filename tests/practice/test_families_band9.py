"""Band 9 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import itertools
import operator
from fractions import Fraction

import numpy as np

from practice import families
from practice.parser import evaluate
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(9)
    return [GENERATORS[name](rng) for _ in range(count)]


def chosen_option(v) -> str:
    """The listed option line of a choice variant's right answer."""
    return next(
        line for line in v.prompt.splitlines() if line.startswith(f"- **{v.answer.value}.**")
    )


def test_integer_expressions_evaluate_by_the_parser():
    """The prompt's own expression, read by the answer parser, gives the answer."""
    shapes = set()
    for v in variants("integer_order_of_operations"):
        p = v.params
        shapes.add(p["shape"])
        if p["shape"] == "power":
            text = f"-{p['b']}^2 + {p['c']} * ({p['d']})"
        else:
            inside = evaluate(f"{p['m']} - ({p['n']})")
            text = f"{p['a']} - {p['k']} * {abs(inside)}"
        assert evaluate(text) == v.answer.value, text
    assert shapes == {"power", "absolute"}


def test_late_bus_counts_days():
    """Over 100 equally likely days with 100 equally likely buses each: count the late ones."""
    for v in variants("total_probability_two_cases", 30):
        p, a, c = (Fraction(v.params[k]) for k in ("p", "a", "c"))
        rainy = int(p * 100)
        late = sum(
            1
            for day, bus in itertools.product(range(100), range(100))
            if bus < (a * 100 if day < rainy else c * 100)
        )
        assert Fraction(late, 10000) == v.answer.value


def test_faulty_percent_counts_parts():
    """Of 10000 parts split by share, count the faulty ones."""
    for v in variants("total_probability_three_suppliers"):
        shares, rates = v.params["shares"], v.params["rates"]
        assert sum(shares) == 100 and v.answer.unit == "percent"
        faulty = sum(100 * s * r // 100 for s, r in zip(shares, rates, strict=True))
        assert Fraction(faulty, 10000) * 100 == v.answer.value


def test_positive_test_posterior_by_simulated_population():
    """A population of a million people, split exactly by the rates."""
    for v in variants("bayes_positive_test"):
        p = v.params
        people = 1_000_000
        sick = people * p["prior"]
        true_pos, false_pos = sick * p["hit"], (people - sick) * p["false"]
        assert abs(v.answer.value - true_pos / (true_pos + false_pos)) < 1e-9
        # a rare condition: the posterior is below what equal priors would give
        assert v.answer.value < p["hit"] / (p["hit"] + p["false"])


def test_which_bag_by_counting_every_die_roll_and_counter():
    for v in variants("bayes_which_bag"):
        p = v.params
        red_from_1 = red = 0
        for roll in range(1, 7):
            bag = 1 if roll <= p["k"] else 2
            n, r = (p["n1"], p["r1"]) if bag == 1 else (p["n2"], p["r2"])
            for counter in range(n):  # weight each counter by the other bag's size
                if counter < r:
                    weight = p["n2"] if bag == 1 else p["n1"]
                    red += weight
                    red_from_1 += weight if bag == 1 else 0
        assert Fraction(red_from_1, red) == v.answer.value


def turn(point: tuple[int, int], degrees: int) -> tuple[int, int]:
    """A point turned anticlockwise about the origin, by a rotation matrix."""
    c, s = round(np.cos(np.radians(degrees))), round(np.sin(np.radians(degrees)))
    x, y = point
    return (c * x - s * y, s * x + c * y)


def test_rigid_motion_images_by_matrices_and_lengths():
    mirrors = {"reflect_x": ((1, 0), (0, -1)), "reflect_y": ((-1, 0), (0, 1))}
    seen = set()
    for v in variants("image_under_a_rigid_motion", 200):
        p = v.params
        seen.add(p["motion"])
        point = (p["x"], p["y"])
        if p["motion"] in mirrors:
            (a, b), (c, d) = mirrors[p["motion"]]
            expected = (a * p["x"] + b * p["y"], c * p["x"] + d * p["y"])
        else:
            expected = turn(point, 90 if p["motion"] == "rotate_90" else 180)
        assert v.answer.value == expected
        assert sum(t * t for t in expected) == sum(t * t for t in point)  # distance to O kept
    assert seen == {"reflect_x", "reflect_y", "rotate_90", "rotate_180"}


def test_reflect_then_translate_keeps_the_distance_between_two_vertices():
    """Moving A and a second vertex the same way keeps the distance between them."""
    for v in variants("reflect_then_translate"):
        p = v.params
        other = (p["x"] + 3, p["y"] + 4)
        moved = (other[0] + p["h"], -other[1] + p["k"])
        ax, ay = v.answer.value
        assert (moved[0] - ax) ** 2 + (moved[1] - ay) ** 2 == 25
        assert (ax - p["h"], -(ay - p["k"])) == (p["x"], p["y"])  # undone in reverse order


def test_slope_is_the_same_from_either_point_and_on_the_line():
    for v in variants("slope_from_two_points"):
        p = v.params
        m = v.answer.value
        assert m == Fraction(p["y1"] - p["y2"], p["x1"] - p["x2"])
        # the point halfway lies on the line through the first point with slope m
        mx, my = Fraction(p["x1"] + p["x2"], 2), Fraction(p["y1"] + p["y2"], 2)
        assert my - p["y1"] == m * (mx - p["x1"])


def test_point_along_a_slope_lies_on_the_line():
    for v in variants("point_along_a_slope"):
        p = v.params
        assert Fraction(v.answer.value - p["y1"], p["x2"] - p["x1"]) == Fraction(
            p["rise"], p["run"]
        )


def test_rule_expression_matches_the_costs_it_describes():
    """The right option, read back from the prompt, costs what the story says for n = 1..5."""
    for v in variants("expression_for_a_rule"):
        p = v.params
        chosen = chosen_option(v)
        a, b = (int(t) for t in chosen.split("$")[1].replace("n", "").split(" + "))
        for n in range(1, 6):
            assert a * n + b == p["price"] * n + p["fee"]


def test_combined_terms_agree_with_the_long_form_for_several_x():
    for v in variants("combine_like_terms"):
        a, b, c, d = (v.params[k] for k in "abcd")
        p, q = v.answer.value
        for x in range(-3, 4):
            assert a * x + b + c * x + d == p * x + q


def test_dilated_point_is_k_times_as_far_along_the_same_ray():
    for v in variants("dilation_image_of_a_point"):
        p = v.params
        k = Fraction(p["k"])
        (ix, iy), (cx, cy) = v.answer.value, (p["cx"], p["cy"])
        step, image_step = (p["x"] - cx, p["y"] - cy), (ix - cx, iy - cy)
        assert step[0] * image_step[1] == step[1] * image_step[0]  # on the line through C
        assert step[0] * image_step[0] + step[1] * image_step[1] > 0  # on the same side
        assert image_step[0] ** 2 + image_step[1] ** 2 == k * k * (step[0] ** 2 + step[1] ** 2)


def test_dilated_area_counts_unit_squares_of_a_rectangle():
    """A rectangle of the given area (1 by area) scaled: its sides' product."""
    for v in variants("dilated_area"):
        k, area = Fraction(v.params["k"]), v.params["area"]
        assert (k * 1) * (k * area) == v.answer.value


def test_evaluated_quadratic_matches_numpy():
    for v in variants("evaluate_at_a_negative"):
        p = v.params
        assert np.polyval([p["a"], -p["b"], p["c"]], p["x"]) == v.answer.value


def test_number_line_choice_matches_the_numbers_that_work():
    """Sample numbers around the boundary: the chosen picture includes exactly those."""
    ops = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge}
    for v in variants("inequality_on_a_number_line"):
        p = v.params
        chosen = chosen_option(v)
        closed, right = "closed" in chosen, chosen.endswith("to the right")
        for x in (p["n"] - 1, p["n"], p["n"] + 1):
            shown = (x > p["n"]) == right if x != p["n"] else closed
            assert shown == ops[p["sign"]](x, p["n"]), (chosen, x)


def test_exponent_of_a_product_and_quotient_by_counting_factors():
    for v in variants("product_and_quotient_of_powers"):
        p = v.params
        factors = ["top"] * (p["m"] + p["n"])
        for _ in range(p["p"]):
            factors.pop()  # each factor below cancels one above
        assert len(factors) == v.answer.value
        if p["base"].isdigit():
            b = Fraction(int(p["base"]))
            assert b ** p["m"] * b ** p["n"] / b ** p["p"] == b**v.answer.value


def test_power_of_a_monomial_matches_at_several_x():
    for v in variants("power_of_a_monomial"):
        c, a, n = v.params["c"], v.params["a"], v.params["n"]
        k, m = v.answer.value
        for x in (2, 3):
            assert (c * x**a) ** n == k * x**m


def test_story_equation_is_true_exactly_for_the_story_count():
    for v in variants("equation_from_a_story"):
        p = v.params
        chosen = chosen_option(v)
        left, right = chosen.split("$")[1].split(" = ")
        fee, rate_term = left.split(" + ")
        rate = int(rate_term[:-1])
        solutions = [n for n in range(200) if int(fee) + rate * n == int(right)]
        assert len(solutions) == 1 and int(fee) == p["fee"] and rate == p["rate"]


def test_polynomial_difference_matches_numpy():
    for v in variants("subtract_polynomials"):
        diff = np.polysub(v.params["first"], v.params["second"])
        assert tuple(int(c) for c in np.pad(diff, (3 - len(diff), 0))) == v.answer.value


def test_degree_after_cancelling_by_numpy():
    for v in variants("degree_after_cancelling"):
        diff = np.trim_zeros(np.polysub(v.params["first"], v.params["second"]), "f")
        assert len(diff) - 1 == v.answer.value < len(v.params["first"]) - 1


def test_binary_numerals_read_by_python():
    for v in variants("binary_to_decimal"):
        assert int(v.params["digits"], 2) == v.answer.value


def test_values_with_binary_digits_by_listing_them():
    kinds = set()
    for v in variants("values_with_binary_digits", 60):
        n = v.params["n"]
        kinds.add(v.params["largest"])
        numbers = [int("".join(bits), 2) for bits in itertools.product("01", repeat=n)]
        expected = max(numbers) if v.params["largest"] else len(set(numbers))
        assert expected == v.answer.value
    assert kinds == {True, False}


def linear_from_option(line: str) -> tuple[int, int]:
    """(p, q) of an option written as px + q in LaTeX: "$-4x + 25$" gives (-4, 25)."""
    body = line.split("$")[1].replace(" ", "")
    coefficient, constant = body.split("x")
    p = {"": 1, "-": -1}.get(coefficient, None)
    return (int(coefficient) if p is None else p), (int(constant) if constant else 0)


def test_equivalent_option_agrees_at_every_x_and_no_other_does():
    for v in variants("equivalent_expression_choice"):
        k, b, c = (v.params[n] for n in "kbc")
        for line in v.prompt.splitlines():
            if line.startswith("- **"):
                p, q = linear_from_option(line)
                same = all(p * x + q == k * (x + b) - c * x for x in range(-3, 4))
                assert same == (line[4] == v.answer.value), line


def test_one_step_solution_balances_its_equation():
    shapes = set()
    for v in variants("solve_one_step_equation"):
        p, x = v.params, v.answer.value
        shapes.add(p["shape"])
        left = {
            "add": Fraction(x + p["a"]),
            "subtract": Fraction(x - p["a"]),
            "multiply": Fraction(p["a"] * x),
            "divide": Fraction(x, p["a"]),
        }[p["shape"]]
        assert left == p["b"]
    assert shapes == {"add", "subtract", "multiply", "divide"}


def test_simplified_root_squares_back_and_leaves_no_square():
    for v in variants("simplify_a_square_root"):
        a, b = v.answer.value
        assert a * a * b == v.params["n"]
        assert all(b % (d * d) for d in range(2, b + 1))


def test_rationalised_form_has_the_same_value():
    for v in variants("rationalise_a_denominator"):
        a, b = v.answer.value
        assert b == v.params["b"]
        assert abs(v.params["m"] / np.sqrt(b) - a * np.sqrt(b)) < 1e-9


def test_two_expressions_agree_only_at_the_answer():
    for v in variants("where_two_expressions_agree"):
        p = v.params
        equal = [x for x in range(0, 7) if p["a1"] * x + p["b1"] == p["a2"] * x + p["b2"]]
        assert equal == [v.answer.value]


def test_negative_power_times_the_positive_power_is_one():
    for v in variants("negative_power_as_a_fraction"):
        base, n = Fraction(v.params["base"]), v.params["n"]
        product = Fraction(1)
        for _ in range(n):
            product *= base
        assert v.answer.value * product == 1 and v.answer.value > 0


def test_quotient_by_cancelling_factors():
    kinds = set()
    for v in variants("quotient_to_a_zero_or_negative_power"):
        a, m, n = v.params["a"], v.params["m"], v.params["n"]
        kinds.add(m == n)
        assert v.answer.value == Fraction(a**m, a**n)
    assert kinds == {True, False}


def test_perfect_tree_counts_by_listing_paths():
    for v in variants("nodes_of_a_perfect_binary_tree", 40):
        d = v.params["depth"]
        paths = [p for k in range(d + 1) for p in itertools.product("01", repeat=k)]
        leaves = [p for p in paths if len(p) == d]
        assert v.answer.value == (len(leaves) if v.params["leaves"] else len(paths))


def test_least_depth_is_the_fewest_doublings_reaching_the_count():
    for v in variants("depth_for_enough_leaves"):
        n, depth, leaves = v.params["n"], 0, 1
        while leaves < n:
            leaves, depth = 2 * leaves, depth + 1
        assert depth == v.answer.value


def test_bits_are_the_halvings_to_one():
    for v in variants("bits_to_single_out_one"):
        count, halvings = 2 ** v.params["k"], 0
        while count > 1:
            count, halvings = count // 2, halvings + 1
        assert halvings == v.answer.value and v.answer.unit == "bits"


def test_bits_of_independent_rolls_are_log2_of_all_outcomes():
    for v in variants("bits_of_independent_choices"):
        outcomes = len(list(itertools.product(*(range(f) for f in v.params["faces"]))))
        assert np.isclose(v.answer.value, np.log(outcomes) / np.log(2))


def test_binomial_product_matches_numpy():
    for v in variants("multiply_two_binomials"):
        p = v.params
        product = np.polymul([p["p"], p["a"]], [p["q"], p["b"]])
        assert tuple(int(c) for c in product) == v.answer.value


def test_special_products_match_numpy():
    shapes = set()
    for v in variants("special_product"):
        p = v.params
        shapes.add(p["shape"])
        if p["shape"] == "square":
            c = p["sign"] * p["a"]
            product = np.polymul([1, c], [1, c])
        else:
            product = np.polymul([1, p["a"]], [1, -p["a"]])
        assert tuple(int(c) for c in product) == v.answer.value
    assert shapes == {"square", "difference"}


def test_expanded_form_agrees_with_the_original_at_several_x():
    for v in variants("expand_and_simplify"):
        k, a, b, c, d = (v.params[n] for n in "kabcd")
        p, q = v.answer.value
        for x in range(-3, 4):
            assert k * (a * x + b) + c * x + d == p * x + q


def test_integers_satisfying_an_inequality_by_testing_each():
    signs = set()
    for v in variants("whole_numbers_satisfying_an_inequality"):
        p = v.params
        signs.add(p["sign"])
        test = {"<": operator.lt, ">": operator.gt, "<=": operator.le, ">=": operator.ge}
        count = sum(1 for x in range(p["low"], p["high"] + 1) if test[p["sign"]](x, p["n"]))
        assert count == v.answer.value
    assert signs == {"<", ">", "<=", ">="}
