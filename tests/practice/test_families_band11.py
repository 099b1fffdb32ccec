"""Band 11 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import product

import numpy as np

from practice import families
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(11)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_composition_at_a_number_runs_the_inner_function_first():
    orders = set()
    for v in variants("compose_at_a_number"):
        p = v.params
        f = lambda x, p=p: p["a"] * x + p["b"]  # noqa: E731
        g = lambda x, p=p: x * x + p["c"]  # noqa: E731
        expected = f(g(p["k"])) if p["outer_first"] else g(f(p["k"]))
        assert v.answer.value == expected
        orders.add(p["outer_first"])
    assert orders == {True, False}


def test_composed_linear_function_agrees_at_every_input():
    for v in variants("compose_two_linear_functions"):
        a, b, c, d = (v.params[k] for k in "abcd")
        m, n = v.answer.value
        for x in range(-3, 4):
            assert m * x + n == a * (c * x + d) + b


def test_angle_at_the_other_line_by_turning_and_sliding():
    """Every angle measured the same way round: corner i sits at 45° + 90° i from the
    transversal's direction; the two crossings differ only by a slide along it."""
    turn = {"upper right": 0, "upper left": 1, "lower left": 2, "lower right": 3}
    for v in variants("angle_at_the_other_parallel", 200):
        x, given, asked = v.params["x"], v.params["given"], v.params["asked"]
        steps = (turn[asked] - turn[given]) % 4
        assert v.answer.value == (x if steps % 2 == 0 else 180 - x)
        assert v.answer.unit == "degrees"


def test_solved_x_makes_the_corresponding_angles_equal():
    for v in variants("corresponding_angles_solve_for_x"):
        a, b, c, d = (v.params[k] for k in "abcd")
        x = v.answer.value
        assert a * x + b == c * x + d and 0 < a * x + b < 180


def test_heads_probability_counts_every_sequence():
    for v in variants("heads_count_probability"):
        n, k = v.params["n"], v.params["k"]
        seqs = list(product("HT", repeat=n))
        assert v.answer.value == Fraction(sum(s.count("H") == k for s in seqs), len(seqs))


def test_dice_sum_probability_by_simulation_free_counting():
    for v in variants("dice_sum_probability"):
        m, s = v.params["m"], v.params["s"]
        grid = np.add.outer(np.arange(1, m + 1), np.arange(1, m + 1))
        assert v.answer.value == Fraction(int((grid == s).sum()), m * m)


def test_square_root_boundary_is_where_the_inside_is_zero():
    for v in variants("square_root_domain_boundary"):
        a, b = v.params["a"], v.params["b"]
        edge = v.answer.value
        assert a * edge + b == 0
        step = Fraction(1, 1000) * (1 if a > 0 else -1)
        assert a * (edge + step) + b > 0 and a * (edge - step) + b < 0


def test_excluded_input_makes_only_the_bottom_zero():
    for v in variants("excluded_input_of_a_quotient"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        x = v.answer.value
        assert a * x + b == 0 and x + c != 0


def test_range_end_is_the_extreme_output_on_a_grid():
    for v in variants("range_of_a_shifted_square"):
        a, h, k = v.params["a"], v.params["h"], v.params["k"]
        outputs = [a * (x - h) ** 2 + k for x in range(-30, 31)]
        assert v.answer.value == (min(outputs) if a > 0 else max(outputs))


def test_circle_centre_and_radius_give_back_the_equation():
    for v in variants("circle_centre_and_radius"):
        h, k, r = v.answer.value
        assert r > 0
        # every point at distance r from (h, k) solves the expanded equation in the prompt
        for x, y in ((h + r, k), (h, k - r), (h - r, k)):
            assert (x - h) ** 2 + (y - k) ** 2 == r * r
        assert f"{-2 * h:+d}x".replace("+", "+ ").replace("-", "- ") in v.prompt


def test_circle_through_a_point_by_the_distance_formula():
    for v in variants("circle_through_a_point"):
        p = v.params
        assert math.isclose(
            math.sqrt(v.answer.value), math.dist((p["h"], p["k"]), (p["px"], p["py"]))
        )


def test_exponential_value_by_repeated_multiplication():
    for v in variants("exponential_function_value"):
        out = v.params["a"]
        for _ in range(v.params["n"]):
            out *= v.params["b"]
        assert v.answer.value == out


def test_percent_growth_step_by_step():
    kinds = set()
    for v in variants("percent_growth_after_steps"):
        p = v.params
        amount = float(p["a"])
        for _ in range(p["n"]):
            amount += amount * p["p"] / 100 * (-1 if p["decay"] else 1)
        assert math.isclose(v.answer.value, amount, rel_tol=1e-12)
        kinds.add(p["decay"])
    assert kinds == {True, False}


def test_crossing_point_lies_on_both_lines():
    for v in variants("solve_two_lines"):
        p = v.params
        x, y = v.answer.value
        assert y == p["m1"] * x + p["b1"] == p["m2"] * x + p["b2"]


def test_number_of_solutions_by_elimination():
    """Solve by Cramer's determinant: nonzero means one solution; zero means none or
    infinitely many, as the right-hand sides agree with the scaling or not."""
    seen = set()
    for v in variants("how_many_solutions_has_a_system", 150):
        p = v.params
        det = p["a"] * p["b2"] - p["a2"] * p["b"]
        if det:
            truth = "exactly one"
        else:
            scale = Fraction(p["a2"], p["a"])
            truth = "infinitely many" if p["c2"] == scale * p["c"] else "none"
        labels = dict(line[4:].split("** ", 1) for line in v.prompt.splitlines() if "**" in line)
        assert labels[v.answer.value + "."] == truth
        seen.add(truth)
    assert seen == {"exactly one", "none", "infinitely many"}


def test_larger_root_solves_the_equation_and_is_the_larger():
    for v in variants("quadratic_formula_larger_root"):
        a, b, c = (v.params[k] for k in "abc")
        x = v.answer.value
        assert math.isclose(a * x * x + b * x + c, 0, abs_tol=1e-9)
        other = -b / a - x  # the roots add to -b/a
        assert x > other


def test_discriminant_count_matches_the_real_roots():
    for v in variants("discriminant_and_number_of_roots", 150):
        a, b, c = (v.params[k] for k in "abc")
        disc, count = v.answer.value
        roots = np.roots([a, b, c])
        real = {round(r.real, 6) for r in roots if abs(r.imag) < 1e-7}
        assert disc == b * b - 4 * a * c and count == len(real)


def test_alternate_interior_angles_equal_and_parallel_test():
    for v in variants("alternate_interior_angle_measure"):
        a, b, c, d = (v.params[k] for k in "abcd")
        x = Fraction(d - b, a - c)
        assert v.answer.value == a * x + b == c * x + d and v.answer.unit == "degrees"
    for v in variants("are_the_lines_parallel"):
        x, y = v.params["x"], v.params["y"]
        parallel = x == y if v.params["pair"] == "alternate" else x + y == 180
        labels = dict(line[4:].split("** ", 1) for line in v.prompt.splitlines() if "**" in line)
        assert labels[v.answer.value + "."].startswith("Yes" if parallel else "No")


def test_several_variables_value_term_by_term():
    for v in variants("several_variables_value"):
        p = v.params
        terms = (p["a"] * p["x"] ** 2, p["b"] * p["x"] * p["y"], p["c"] * p["y"], p["d"])
        assert v.answer.value == sum(terms)


def test_level_curve_radius_reaches_the_level():
    for v in variants("level_curve_radius"):
        h, k, c = v.params["h"], v.params["k"], v.params["c"]
        r = v.answer.value
        for t in np.linspace(0, 2 * math.pi, 7):
            x, y = h + r * math.cos(t), k + r * math.sin(t)
            assert math.isclose((x - h) ** 2 + (y - k) ** 2, c)


def test_geometric_terms_by_stepping_and_ratio_by_root():
    for v in variants("geometric_nth_term"):
        term, r = Fraction(v.params["a1"]), Fraction(v.params["r"])
        for _ in range(v.params["n"] - 1):
            term *= r
        assert v.answer.value == term
    gaps = set()
    for v in variants("geometric_ratio_from_two_terms"):
        p = v.params
        assert p["first"] * v.answer.value ** p["gap"] == p["later"]
        gaps.add(p["gap"])
    assert gaps == {2, 3}


def test_vertex_is_the_extreme_point_on_a_grid():
    for v in variants("parabola_vertex"):
        a, b, c = (v.params[k] for k in "abc")
        h, k = v.answer.value
        assert a * h * h + b * h + c == k
        near = [a * (h + t) ** 2 + b * (h + t) + c for t in (-1, 1)]
        assert all((y > k) == (a > 0) for y in near) and near[0] == near[1]
    for v in variants("parabola_extreme_value"):
        a, b, c = (v.params[k] for k in "abc")
        outputs = [a * x * x + b * x + c for x in range(-20, 21)]
        assert v.answer.value == (min(outputs) if a > 0 else max(outputs))


def test_inverse_value_is_sent_back_by_f():
    for v in variants("inverse_at_a_value"):
        a, b, y = v.params["a"], v.params["b"], v.params["y"]
        assert a * v.answer.value + b == y


def test_inverse_formula_composes_to_the_identity():
    for v in variants("inverse_linear_formula"):
        a, b = v.params["a"], v.params["b"]
        m, n = v.answer.value
        for x in range(-4, 5):
            assert m * (a * x + b) + n == x and a * (m * x + n) + b == x


def test_piecewise_value_uses_the_piece_whose_condition_holds():
    at_break = 0
    for v in variants("piecewise_value", 200):
        p = v.params
        x = p["x"]
        pieces = [(x < p["c"], p["a"] * x + p["b"]), (x >= p["c"], p["d"] * x * x + p["e"])]
        assert [value for holds, value in pieces if holds] == [v.answer.value]
        at_break += x == p["c"]
    assert at_break > 0


def test_tiered_charge_adds_unit_by_unit():
    for v in variants("tiered_charge"):
        p = v.params
        units = range(1, p["used"] + 1)
        assert v.answer.value == p["fee"] + sum(
            p["low"] if u <= p["first"] else p["high"] for u in units
        )


def test_normalising_constant_makes_the_probabilities_sum_to_one():
    for v in variants("pmf_normalising_constant"):
        n, shape = v.params["n"], v.params["shape"]
        weights = {
            "x^2": [x**2 for x in range(1, n + 1)],
            "x + 1": list(range(2, n + 2)),
            "2x + 1": list(range(3, 2 * n + 2, 2)),
            "x^2 + 1": [x**2 + 1 for x in range(1, n + 1)],
        }[shape]
        assert sum(v.answer.value * w for w in weights) == 1


def test_event_probability_from_the_completed_table():
    for v in variants("pmf_event_probability"):
        probs = [Fraction(p) for p in v.params["probs"]]
        k = v.params["k"]
        assert sum(probs) == 1 and all(p > 0 for p in probs)
        below = sum(probs[: k + 1], Fraction(0))
        assert v.answer.value == (below if v.params["at_most"] else 1 - below)


def test_vertical_asymptote_is_where_the_simplified_bottom_vanishes():
    for v in variants("vertical_asymptote_after_cancelling"):
        p, q = v.params["p"], v.params["q"]
        c = v.answer.value
        assert (c - p) * (c - q) == 0 and c != p  # a zero of the bottom that does not cancel

        def f(x, p=p, q=q):
            return (x - p) / ((x - p) * (x - q))

        assert abs(f(c + 1e-6)) > 1e5 and abs(f(p + 1e-6)) < 1e3


def test_horizontal_asymptote_is_the_far_out_value():
    for v in variants("horizontal_asymptote"):
        a, b, c, d = (v.params[k] for k in "abcd")
        square_top = "x^2" in v.params["top"]
        square_bottom = "x^2" in v.params["bottom"]
        x = Fraction(10**9)
        top = a * x**2 + b if square_top else a * x + b
        bottom = c * x**2 + d if square_bottom else c * x + d
        assert abs(float(top / bottom) - float(v.answer.value)) < 1e-6


def test_sums_by_adding_every_term():
    for v in variants("evaluate_a_linear_sum"):
        p = v.params
        assert v.answer.value == sum(p["a"] * i + p["b"] for i in range(p["m"], p["n"] + 1))
    for v in variants("sum_of_a_constant"):
        p = v.params
        assert v.answer.value == sum(p["c"] for _ in range(p["m"], p["n"] + 1))


def test_continuous_compounding_is_the_limit_of_frequent_compounding():
    for v in variants("continuous_compounding"):
        p = v.params
        r, t = p["rate"] / 100, p["years"]
        often = p["principal"] * (1 + r / 10**6) ** (10**6 * t)
        assert math.isclose(v.answer.value, often, rel_tol=1e-4)
    for v in variants("compound_interest_n_times"):
        p = v.params
        amount = float(p["principal"])
        for _ in range(p["n"] * p["years"]):
            amount *= 1 + p["rate"] / 100 / p["n"]
        assert math.isclose(v.answer.value, amount, rel_tol=1e-9)


def test_expected_value_is_the_long_run_average_of_a_listed_population():
    """Build a population of 24 (or 20) outcomes in the table's proportions and average it."""
    for v in variants("expected_value_from_a_table"):
        probs = [Fraction(p) for p in v.params["probs"]]
        size = math.lcm(*(p.denominator for p in probs))
        population = [
            x for x, p in zip(v.params["values"], probs, strict=True) for _ in range(int(p * size))
        ]
        assert sum(probs) == 1 and Fraction(sum(population), len(population)) == v.answer.value


def test_expected_gain_over_every_face_of_the_die():
    for v in variants("expected_gain_of_a_game"):
        p = v.params
        faces = range(1, p["sides"] + 1)
        gains = [(p["prize"] if face == p["sides"] else 0) - p["cost"] for face in faces]
        assert v.answer.value == Fraction(sum(gains), p["sides"])


def test_geometric_series_by_adding_the_terms():
    for v in variants("finite_geometric_sum"):
        a, r, n = v.params["a"], Fraction(v.params["r"]), v.params["n"]
        assert v.answer.value == sum(a * r**k for k in range(n))
    for v in variants("nodes_in_a_full_tree"):
        k, d = v.params["k"], v.params["d"]
        level, total = [0], 1
        for _ in range(d):  # grow the tree level by level
            level = [child for _node in level for child in range(k)]
            total += len(level)
        assert v.answer.value == total


def test_logarithm_is_the_exponent_that_gives_the_number():
    for v in variants("evaluate_a_logarithm"):
        b, x = v.params["b"], Fraction(v.params["x"])
        assert math.isclose(math.log(x, b), v.answer.value, abs_tol=1e-9)
    for v in variants("solve_a_logarithmic_equation"):
        b, k = v.params["b"], v.params["k"]
        assert math.isclose(math.log(v.answer.value, b), k)


def test_marginal_adds_the_column_and_the_table_sums_to_one():
    for v in variants("marginal_from_a_joint_table"):
        table = np.array([[float(Fraction(p)) for p in row] for row in v.params["table"]])
        assert math.isclose(table.sum(), 1) and (table > 0).all()
        assert math.isclose(table.sum(axis=0)[v.params["j"]], float(v.answer.value))


def test_independent_joint_probability_by_counting_pairs():
    """Ten equally likely cases for X and six die faces: count the pairs with both ones."""
    for v in variants("joint_probability_of_independent_variables"):
        px, m = Fraction(v.params["px"]), v.params["m"]
        x_cases = [1] * int(px * 10) + [0] * int((1 - px) * 10)
        y_cases = [1 if face <= m else 0 for face in range(1, 7)]
        both = sum(1 for x, y in product(x_cases, y_cases) if x == y == 1)
        assert v.answer.value == Fraction(both, len(x_cases) * len(y_cases))


def test_every_family_mostly_gives_a_hint_that_keeps_the_answer_hidden():
    """After a first wrong answer a student gets the family's own hint or the first step of
    its solution. Hints are written from the drawn inputs, so an input may now and then
    coincide with the answer; in most variants no number of the hint is the answer."""
    from practice.hints import hint_for, reveals

    band = [name for name, make in GENERATORS.items() if make.__module__.endswith("band11")]
    assert len(band) >= 44
    for name in band:
        drawn = variants(name, 40)
        hints = [(v, hint_for(v)) for v in drawn]
        given = [(v, h) for v, h in hints if h]
        assert len(given) >= 0.7 * len(drawn), name
        assert sum(not reveals(h, v) for v, h in given) >= 0.8 * len(given), name


def test_mistake_messages_are_plain_text():
    """The practice page shows a mistake's message as text, not Markdown: no formula
    delimiters, LaTeX commands or emphasis marks that would show as raw symbols."""
    for name, make in GENERATORS.items():
        if make.__module__ != "practice.families.band11":
            continue
        for v in variants(name, 30):
            for code, message in v.answer.messages.items():
                assert not set("$\\*_^{}") & set(message), (name, code, message)
