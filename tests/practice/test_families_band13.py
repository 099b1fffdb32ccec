"""Band 13 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import product

import numpy as np

from practice import families
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(13)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_covariance_is_the_mean_product_minus_the_product_of_means():
    sizes = set()
    for v in variants("covariance_of_equally_likely_pairs"):
        pairs = v.params["pairs"]
        n = len(pairs)
        mean_xy = Fraction(sum(x * y for x, y in pairs), n)
        mean_x = Fraction(sum(x for x, _ in pairs), n)
        mean_y = Fraction(sum(y for _, y in pairs), n)
        assert v.answer.value == mean_xy - mean_x * mean_y
        sample = np.cov([x for x, _ in pairs], [y for _, y in pairs], ddof=1)[0, 1]
        assert math.isclose(v.answer.value * n / (n - 1), sample, abs_tol=1e-9)
        sizes.add(n)
    assert sizes == {3, 4}


def test_correlation_is_a_covariance_of_standardised_variables():
    signs = set()
    for v in variants("correlation_from_covariance"):
        p = v.params
        # Cov(X / sigma_X, Y / sigma_Y) = Cov(X, Y) / (sigma_X sigma_Y), and it lies in [-1, 1]
        a, b = 1 / math.sqrt(p["var_x"]), 1 / math.sqrt(p["var_y"])
        assert math.isclose(v.answer.value, a * b * p["cov"])
        assert -1 < v.answer.value < 1
        signs.add(v.answer.value > 0)
    assert signs == {True, False}


def test_mistake_messages_are_plain_text():
    """The practice page shows a mistake's message as text, not Markdown."""
    for name, make in GENERATORS.items():
        if make.__module__ != "practice.families.band13":
            continue
        for v in variants(name, 30):
            for code, message in v.answer.messages.items():
                assert not set("$\\*_^{}") & set(message), (name, code, message)


def test_every_family_gives_a_hint_that_keeps_the_answer_hidden():
    from practice.hints import hint_for, reveals

    band = [name for name, make in GENERATORS.items() if make.__module__.endswith("band13")]
    for name in band:
        drawn = variants(name, 40)
        hints = [(v, hint_for(v)) for v in drawn]
        assert all(h for _, h in hints), name
        assert sum(not reveals(h, v) for v, h in hints) >= 0.8 * len(hints), name


def test_binary_logarithm_undoes_powers_of_two():
    for v in variants("log2_by_change_of_base"):
        x = v.params["x"]
        assert math.isclose(2**v.answer.value, x)
        assert math.isclose(v.answer.value, math.log10(x) / math.log10(2))


def test_questions_needed_by_halving_until_one_option_is_left():
    for v in variants("yes_no_questions_for_n_options"):
        left, asked = v.params["n"], 0
        while left > 1:
            left = math.ceil(left / 2)  # the best split keeps the larger half at worst
            asked += 1
        assert v.answer.value == asked


def test_bits_and_nats_measure_the_same_count_of_options():
    ways = set()
    for v in variants("convert_between_bits_and_nats"):
        amount, to_nats = v.params["amount"], v.params["to_nats"]
        # the amount singles out one of N options: N = 2^bits = e^nats
        options = math.log(2) * amount if to_nats else amount  # ln N
        expected = options if to_nats else options / math.log(2)
        assert math.isclose(v.answer.value, expected)
        ways.add(to_nats)
    assert ways == {True, False}


def test_markov_bound_is_reached_by_a_two_point_distribution():
    """X = 0 or a, with P(X = a) = mean / a, has the given mean and meets the bound."""
    sides = set()
    for v in variants("markov_tail_bound"):
        mean, a, far = v.params["mean"], v.params["a"], v.params["far"]
        top = Fraction(mean, a)  # the chance of X = a in the extreme distribution
        assert 0 * (1 - top) + a * top == mean
        assert v.answer.value == (top if far else 1 - top)
        sides.add(far)
    assert sides == {True, False}


def test_chebyshev_bound_is_markov_for_the_squared_distance():
    for v in variants("chebyshev_tail_bound"):
        sd, k = v.params["sd"], v.params["k"]
        # Markov for (X - mu)^2 >= k^2, whose mean is the variance
        assert v.answer.value == Fraction(sd**2) / Fraction(k) ** 2 < 1


def test_parallel_cut_keeps_the_two_sides_in_one_ratio():
    for v in variants("parallel_cut_missing_side"):
        ad, ab, de = v.params["ad"], v.params["ab"], v.params["de"]
        bc = v.answer.value
        # the dilation from A with factor AB / AD carries D to B and E to C
        assert Fraction(de, ad) == bc / ab and bc > de


def test_aa_verdict_matches_the_sorted_angles():
    verdicts = set()
    for v in variants("aa_similar_or_not", 200):
        first, second = v.params["first"], v.params["second"]
        angles = [sorted([*t, 180 - sum(t)]) for t in (first, second)]
        similar = angles[0] == angles[1]
        assert similar == v.params["similar"] and min(angles[0] + angles[1]) > 0
        assert v.answer.value == "AB"[v.params["order"].index("right")]
        verdicts.add(similar)
    assert verdicts == {True, False}


def _bsc_joint(eps: Fraction, p: Fraction) -> np.ndarray:
    """The joint table of input (rows) and output (columns) as floats."""
    channel = np.array([[1 - eps, eps], [eps, 1 - eps]], dtype=float)
    return np.array([[float(1 - p)], [float(p)]]) * channel


def test_bsc_output_is_the_column_sum_of_the_joint_table():
    for v in variants("bsc_output_probability"):
        eps, p = Fraction(v.params["eps"]), Fraction(v.params["p"])
        joint = _bsc_joint(eps, p)
        assert math.isclose(float(v.answer.value), joint[:, 1].sum())


def test_bsc_posterior_is_the_joint_cell_over_its_column():
    seen = set()
    for v in variants("bsc_posterior_of_the_sent_bit"):
        eps, p, y = Fraction(v.params["eps"]), Fraction(v.params["p"]), v.params["seen"]
        joint = _bsc_joint(eps, p)
        assert math.isclose(v.answer.value, joint[y, y] / joint[:, y].sum())
        seen.add(y)
    assert seen == {0, 1}


def test_bsc_block_survives_when_a_binomial_count_of_flips_is_zero():
    for v in variants("bsc_block_arrives_intact"):
        eps, n = float(Fraction(v.params["eps"])), v.params["n"]
        flips = np.arange(n + 1)
        pmf = [math.comb(n, k) * eps**k * (1 - eps) ** (n - k) for k in flips]
        assert math.isclose(v.answer.value, 1 - sum(pmf[1:]))


def _binomial_pmf(n: int, p: float) -> np.ndarray:
    """Bin(n, p) by convolving n single trials (no binomial coefficient used)."""
    pmf = np.array([1.0])
    for _ in range(n):
        pmf = np.convolve(pmf, [1 - p, p])
    return pmf


def test_binomial_probability_matches_repeated_convolution():
    for v in variants("binomial_exactly_k_successes"):
        n, k, p = v.params["n"], v.params["k"], float(Fraction(v.params["p"]))
        assert math.isclose(v.answer.value, _binomial_pmf(n, p)[k])


def test_binomial_variance_from_the_distribution_itself():
    for v in variants("binomial_variance", 40):
        n, p = v.params["n"], float(Fraction(v.params["p"]))
        pmf = _binomial_pmf(n, p)
        ks = np.arange(n + 1)
        mean = (ks * pmf).sum()
        assert math.isclose(float(v.answer.value), ((ks - mean) ** 2 * pmf).sum(), rel_tol=1e-9)


def test_at_least_one_is_every_count_but_zero():
    for v in variants("binomial_at_least_one"):
        n, p = v.params["n"], float(Fraction(v.params["p"]))
        assert math.isclose(v.answer.value, _binomial_pmf(n, p)[1:].sum())


def test_limit_definition_agrees_with_a_shrinking_symmetric_quotient():
    for v in variants("derivative_from_the_limit_definition"):
        p, q, r, a = (v.params[k] for k in ("p", "q", "r", "a"))

        def f(x: Fraction, p=p, q=q, r=r) -> Fraction:
            return p * x * x + q * x + r

        h = Fraction(1, 10**6)  # a quadratic's symmetric quotient is exact for every h
        assert v.answer.value == (f(a + h) - f(a - h)) / (2 * h)


def test_difference_quotient_is_the_secant_slope_for_its_step():
    steps = set()
    for v in variants("difference_quotient_for_a_step"):
        p, q, r, a = (v.params[k] for k in ("p", "q", "r", "a"))
        h = Fraction(v.params["h"])
        coefficients = np.polyfit(
            [a, float(a + h)], [float(p * x * x + q * x + r) for x in (a, a + h)], 1
        )
        assert math.isclose(float(v.answer.value), coefficients[0], rel_tol=1e-9)
        steps.add(h)
    assert len(steps) > 2


def test_hartley_bits_count_the_codes_and_undo_to_them():
    for v in variants("hartley_bits_of_a_code"):
        size, length = v.params["size"], v.params["length"]
        codes = len(set(product(range(size), repeat=length))) if size**length < 5000 else None
        count = codes if codes is not None else size**length
        assert math.isclose(v.answer.value, math.log2(count)) and v.answer.unit == "bits"
    for v in variants("messages_from_hartley_bits"):
        n = v.answer.value
        assert n & (n - 1) == 0 and n.bit_length() - 1 == v.params["bits"]


def test_sss_verdict_is_one_scale_factor_for_the_sorted_sides():
    verdicts = set()
    for v in variants("sss_similar_or_not", 200):
        small, big = sorted(v.params["small"]), sorted(v.params["big"])
        similar = len({Fraction(b, a) for a, b in zip(small, big, strict=True)}) == 1
        assert similar == v.params["similar"]
        assert v.answer.value == "AB"[v.params["order"].index("right")]
        assert big[2] < big[0] + big[1] and small[2] < small[0] + small[1]
        verdicts.add(similar)
    assert verdicts == {True, False}


def test_sas_side_keeps_the_ratio_of_the_known_pair():
    for v in variants("sas_side_for_similarity"):
        a, b, scaled = v.params["a"], v.params["b"], v.params["scaled"]
        x = v.answer.value
        assert x / b == Fraction(scaled, a) and x * a == b * scaled


def test_sample_mean_variance_from_the_covariance_matrix():
    for v in variants("variance_of_a_sample_mean", 40):
        sd, n = v.params["sd"], v.params["n"]
        weights = np.full(n, 1 / n)
        covariance = np.eye(n) * sd**2  # independent draws
        assert math.isclose(float(v.answer.value), weights @ covariance @ weights)


def test_sample_size_is_the_first_n_meeting_the_bound():
    for v in variants("chebyshev_sample_size"):
        sd, eps, delta = v.params["sd"], Fraction(v.params["eps"]), Fraction(v.params["delta"])
        n = v.answer.value

        def bound(m: int, sd=sd, eps=eps) -> Fraction:
            return Fraction(sd * sd) / (m * eps * eps)

        assert bound(n) <= delta < bound(n - 1)


def test_mean_value_points_make_the_tangent_parallel_to_the_chord():
    for v in variants("mean_value_point_of_a_cubic"):
        a, b, k = v.params["a"], v.params["b"], v.params["k"]
        c = v.answer.value
        assert a < c < b and math.isclose(3 * k * c * c, (k * b**3 - k * a**3) / (b - a))
    for v in variants("mean_value_point_of_a_quadratic"):
        p, q, a, b = (v.params[key] for key in ("p", "q", "a", "b"))
        c = v.answer.value
        slope = Fraction(p * b * b + q * b - p * a * a - q * a, b - a)
        assert a < c < b and 2 * p * c + q == slope and c == Fraction(a + b, 2)


def test_arc_lengths_are_the_fraction_of_the_circumference():
    for v in variants("arc_length_from_radians"):
        r, theta = v.params["r"], float(Fraction(v.params["theta"]))
        # the angle is theta / (2 pi) of a full turn, so the arc is that share of the rim
        assert math.isclose(v.answer.value, theta / (2 * math.pi) * 2 * math.pi * r)
        assert 0 < theta < 2 * math.pi


def test_angles_from_arcs_give_back_the_arc_and_agree_in_degrees():
    for v in variants("angle_from_arc_and_radius"):
        s, r = v.params["s"], v.params["r"]
        theta = v.answer.value
        assert math.isclose(r * theta, s) and v.answer.unit == "radians"
        assert math.isclose(math.degrees(theta) / 360 * 2 * math.pi * r, s)


def test_degrees_to_radians_agree_with_the_math_library():
    for v in variants("degrees_to_radians"):
        assert math.isclose(v.answer.value, math.radians(v.params["degrees"]))
        assert v.answer.unit is None  # a typed unit would let the given angle through


def test_radians_to_degrees_agree_with_the_math_library():
    for v in variants("radians_to_degrees"):
        k, n = v.params["k"], v.params["n"]
        assert math.isclose(v.answer.value, math.degrees(k * math.pi / n))
        assert 0 < v.answer.value < 360 and v.answer.value % 180


def test_unit_circle_coordinates_match_the_math_library():
    asked = set()
    for v in variants("unit_circle_coordinate", 200):
        x = float(Fraction(v.params["theta"])) * math.pi
        assert math.isclose(v.answer.value, math.sin(x) if v.params["sine"] else math.cos(x))
        asked.add((v.params["sine"], v.params["degrees"], v.answer.value > 0))
        assert "at angle $\\theta = " in v.prompt  # the theta of (cos theta, sin theta)
    assert len(asked) == 8


def test_the_other_coordinate_puts_the_point_on_the_circle_in_its_quadrant():
    for v in variants("other_coordinate_from_the_identity", 200):
        p = v.params
        # the angle from atan2 of the point lands in the stated quadrant
        a, b, c = p["a"], p["b"], p["c"]
        q = p["quadrant"]
        point = (b if q in (1, 4) else -b, a if q in (1, 2) else -a)
        angle = math.atan2(*point[::-1]) % (2 * math.pi)
        assert int(angle // (math.pi / 2)) + 1 == q
        found = v.answer.value
        assert found == Fraction(point[0] if p["given_sine"] else point[1], c)
        assert found.denominator == c and abs(found) < 1


def test_sum_identity_values_are_the_function_of_the_combined_angle():
    angles = set()
    for v in variants("sum_identity_exact_value", 200):
        p = v.params
        angle = math.radians(p["a"] + p["op"] * p["b"])
        assert math.isclose(v.answer.value, math.sin(angle) if p["sine"] else math.cos(angle))
        angles.add(p["a"] + p["op"] * p["b"])
        # sin(a - b) is not sin a - sin b either: the message covers a difference too
        assert "subtracted" in v.answer.messages["split_the_function_over_the_sum"]
    # odd multiples of 15 degrees, none of them a special angle itself
    assert all(d % 30 == 15 and d % 45 for d in angles) and len(angles) == 5


def test_sum_identity_from_ratios_matches_the_angles_themselves():
    for v in variants("sum_identity_from_ratios", 200):
        p = v.params
        a = math.asin(float(Fraction(p["sin_a"])))
        b = math.acos(float(Fraction(p["cos_b"])))
        angle = a + p["op"] * b
        expected = math.sin(angle) if p["sine"] else math.cos(angle)
        assert math.isclose(float(v.answer.value), expected, abs_tol=1e-12)


def test_sine_ratio_limits_match_the_quotient_near_zero():
    forms = set()
    x = 1e-5
    for v in variants("limit_of_a_scaled_sine_ratio"):
        a, b, form = v.params["a"], v.params["b"], v.params["form"]
        top = math.tan(a * x) if form == "tan" else math.sin(a * x)
        bottom = math.sin(b * x) if form == "sin_over_sin" else b * x
        assert math.isclose(float(v.answer.value), top / bottom, rel_tol=1e-6)
        forms.add(form)
    assert len(forms) == 3


def test_cosine_limits_match_the_quotient_near_zero():
    x = 1e-3
    for v in variants("limit_of_one_minus_cosine_over_square"):
        a, b = v.params["a"], v.params["b"]
        # 1 - cos(ax) = 2 sin^2(ax / 2), which keeps the digits that 1 - cos loses
        quotient = 2 * math.sin(a * x / 2) ** 2 / (b * x * x)
        assert math.isclose(float(v.answer.value), quotient, rel_tol=1e-4)


def test_sinusoid_periods_are_where_the_wave_repeats():
    xs = np.linspace(-3, 3, 25)
    for v in variants("sinusoid_period"):
        p = v.params
        b = float(Fraction(p["b"]))
        wave = np.sin if p["sine"] else np.cos

        def y(x, a=p["a"], b=b, d=p["d"], wave=wave):
            return a * wave(b * x) + d

        period = v.answer.value
        assert np.allclose(y(xs + period), y(xs))
        assert not np.allclose(y(xs + period / 2), y(xs))


def test_sinusoid_extremes_on_a_fine_grid():
    grid = np.linspace(0, 2 * math.pi, 40001)
    for v in variants("sinusoid_greatest_or_least"):
        p = v.params
        wave = np.sin if p["sine"] else np.cos
        shift = float(Fraction(p["shift"])) * math.pi
        y = p["a"] * wave(p["b"] * (grid - shift)) + p["d"]
        extreme = y.max() if p["greatest"] else y.min()
        assert math.isclose(v.answer.value, extreme, abs_tol=1e-6)


def test_distribution_variances_are_mean_squared_deviations():
    for v in variants("variance_of_a_distribution"):
        xs = np.array(v.params["values"], dtype=float)
        ps = np.array([float(Fraction(p)) for p in v.params["probs"]])
        assert math.isclose(ps.sum(), 1)
        mean = (xs * ps).sum()
        assert math.isclose(float(v.answer.value), ((xs - mean) ** 2 * ps).sum())


def test_combination_variances_match_simulated_independent_draws():
    rng = np.random.default_rng(7)
    for v in variants("variance_of_a_linear_combination", 20):
        p = v.params
        x = rng.normal(0, math.sqrt(p["var_x"]), 100_000)
        y = rng.normal(0, math.sqrt(p["var_y"]), 100_000)
        spread = np.var(p["a"] * x + p["b"] * y + p["c"])
        assert math.isclose(v.answer.value, spread, rel_tol=0.03)
        assert v.answer.value == p["a"] ** 2 * p["var_x"] + p["b"] ** 2 * p["var_y"]


def test_vector_combination_lengths_match_numpy():
    for v in variants("magnitude_of_a_vector_combination"):
        p = v.params
        w = p["a"] * np.array(p["u"]) + p["b"] * np.array(p["v"])
        assert math.isclose(v.answer.value, np.linalg.norm(w))


def test_angles_between_vectors_match_their_polar_angles():
    for v in variants("angle_between_vectors"):
        (u1, u2), (v1, v2) = v.params["u"], v.params["v"]
        turn = abs(math.degrees(math.atan2(v2, v1) - math.atan2(u2, u1))) % 360
        assert math.isclose(v.answer.value, min(turn, 360 - turn), abs_tol=1e-9)
        assert v.answer.unit == "degrees"


def test_exact_logarithms_raise_the_base_back_to_the_number():
    for v in variants("log_between_powers_of_one_base"):
        c, m, n = v.params["c"], v.params["m"], v.params["n"]
        assert math.isclose(float(c**m) ** float(v.answer.value), float(c) ** n)
        assert math.isclose(float(v.answer.value), math.log(float(c) ** n, c**m))


def test_calculator_logarithms_undo_the_power():
    for v in variants("log_in_any_base_by_calculator"):
        b, x = v.params["b"], v.params["x"]
        assert math.isclose(b**v.answer.value, x)
        assert math.isclose(v.answer.value, math.log10(x) / math.log10(b))


def test_exponential_solutions_satisfy_the_equation():
    for v in variants("solve_an_exponential_with_ln"):
        a, k, c = v.params["a"], float(Fraction(v.params["k"])), v.params["c"]
        assert math.isclose(a * math.exp(k * v.answer.value), c)


def test_slopes_of_ln_ax_match_a_difference_quotient():
    h = 1e-7
    for v in variants("slope_of_ln_of_a_multiple"):
        a, x0 = v.params["a"], float(Fraction(v.params["x0"]))
        slope = (math.log(a * (x0 + h)) - math.log(a * (x0 - h))) / (2 * h)
        assert math.isclose(float(v.answer.value), slope, rel_tol=1e-6)


def test_perpendicular_components_give_a_right_angle():
    for v in variants("perpendicular_vector_component"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        k = float(v.answer.value)
        turn = math.atan2(k, c) - math.atan2(b, a)
        assert math.isclose(abs(math.cos(turn)), 0, abs_tol=1e-12)


def test_ln_of_powers_of_e_by_evaluating_the_expression():
    roots = set()
    for v in variants("ln_of_powers_of_e"):
        p, q, n, r = (v.params[k] for k in "pqnr")
        inside = math.exp(p) * math.exp(q) ** (1 / n) / math.exp(r)
        assert math.isclose(float(v.answer.value), math.log(inside), abs_tol=1e-12)
        roots.add(n)
    assert roots == {2, 3}


def test_no_example_of_how_to_type_an_answer_is_ever_the_answer():
    """An example such as `sqrt(3)/2` or `2*pi/3` shows the syntax; it must never be the
    value asked for (it was: sin 75 degrees, sin 120 degrees, the period of sin 3x, and
    150 degrees in radians were each given away by their own example)."""
    import re

    from practice.grader import grade_answer

    band = [name for name, make in GENERATORS.items() if make.__module__.endswith("band13")]
    for name in band:
        for v in variants(name, 200):
            for example in re.findall(r"such as `([^`]+)`", v.prompt):
                assert not grade_answer(example, v.answer).correct, (name, example)
                # nor the answer with its sign changed
                assert not grade_answer(f"-({example})", v.answer).correct, (name, example)


def _sig3(x: float) -> str:
    return f"{x:.3g}"


def _marked(answer: float, v) -> tuple[bool, str | None]:
    from practice.grader import grade_answer

    verdict = grade_answer(_sig3(answer), v.answer)
    return verdict.correct, verdict.diagnosis


def _worked_with_rounded_steps(name: str, v) -> list[float]:
    """The answers of a student who writes every step down to 3 significant figures."""
    r = lambda x: float(_sig3(x))  # noqa: E731
    p = v.params
    if name == "angle_between_vectors":
        (u1, u2), (v1, v2) = p["u"], p["v"]
        dot = u1 * v1 + u2 * v2
        lengths = r(math.hypot(u1, u2)) * r(math.hypot(v1, v2))
        cosines = (
            r(dot / lengths),
            r(dot / r(lengths)),
            r(dot / math.hypot(u1, u2) / math.hypot(v1, v2)),
        )
        return [math.degrees(math.acos(max(-1, min(1, c)))) for c in cosines]
    if name == "log_in_any_base_by_calculator":
        return [r(lg(p["x"])) / r(lg(p["b"])) for lg in (math.log, math.log10)]
    a, k, c = p["a"], float(Fraction(p["k"])), p["c"]
    return [r(math.log(q)) / k for q in (c / a, r(c / a))]


def test_answers_worked_with_steps_rounded_to_3_figures_are_marked_right():
    """Rounding every step to 3 significant figures, as the prompts allow, still gets the
    mark (the inverse cosine of a cosine near 1 used to magnify that rounding past the
    tolerance), and every named mistake typed to 3 significant figures is still named."""
    for name in (
        "angle_between_vectors",
        "log_in_any_base_by_calculator",
        "solve_an_exponential_with_ln",
    ):
        for v in variants(name, 300):
            for answer in _worked_with_rounded_steps(name, v):
                assert _marked(answer, v) == (True, None), (name, v.params, answer)
            for code, slip in v.answer.alternatives.items():
                assert _marked(slip, v) == (False, code), (name, v.params, code)
            assert v.answer.rel_tol <= 0.012, (name, v.params)


def test_the_multiplied_period_message_fits_factors_below_one():
    """x/2 and 2x/3 stretch the wave: the message must not say every factor squeezes it."""
    below = 0
    for v in variants("sinusoid_period", 200):
        message = v.answer.messages["multiplied_by_the_factor"]
        if Fraction(v.params["b"]) < 1:
            below += 1
            assert "stretches" in message and not message.startswith("A factor larger")
    assert below


def test_a_coordinate_left_without_its_square_root_is_the_square_of_the_answer():
    """The message says "That is the square of the answer": so it must be, sign and all."""
    signs = set()
    for v in variants("other_coordinate_from_the_identity", 200):
        assert v.answer.alternatives["left_out_the_square_root"] == v.answer.value**2
        signs.add(v.answer.value > 0)
    assert signs == {True, False}


def test_solutions_write_negative_fractions_with_the_sign_in_front_and_no_step_twice():
    import re

    for name in ("perpendicular_vector_component", "variance_of_a_distribution"):
        for v in variants(name, 200):
            assert "\\frac{-" not in v.solution, (name, v.solution)
            steps = re.findall(r"\$k = ([^$]+)\$", v.solution)
            assert len(steps) == len(set(steps)), v.solution


def test_unsquared_factors_give_a_variance_a_student_could_believe():
    """Forgetting to square 3 in Var(-3X) gives 3 Var(X), not a negative variance; and
    X - Y, the lesson's own warning about subtracted variances, is asked too."""
    differences = 0
    unit_factors = 0
    for v in variants("variance_of_a_linear_combination", 300):
        p = v.params
        slip = v.answer.alternatives.get("did_not_square_the_factors")
        if (abs(p["a"]), abs(p["b"])) == (1, 1):
            unit_factors += 1
            assert slip is None and v.answer.alternatives
            differences += p["a"] * p["b"] < 0
        else:
            assert slip == abs(p["a"]) * p["var_x"] + abs(p["b"]) * p["var_y"] > 0
    assert unit_factors and differences


def test_sine_ratio_hints_and_messages_fit_each_form():
    """sin 9x / sin 6x needs both angles matched, and a tangent is not a sine."""
    from practice.hints import hint_for

    for v in variants("limit_of_a_scaled_sine_ratio", 200):
        a, b, form = v.params["a"], v.params["b"], v.params["form"]
        name = lambda k: "x" if k == 1 else f"{k}x"  # noqa: E731
        if form == "sin_over_sin":
            assert name(a) in hint_for(v) and name(b) in hint_for(v)
        assert "sine on top" not in v.answer.messages["inverted_the_factor"]


def test_sum_identity_solutions_end_on_the_exact_value():
    """The prompt asks for the value exactly; the worked solution shows that exact form."""
    import re

    for v in variants("sum_identity_exact_value", 100):
        found = re.search(
            r"exactly \$(-?)\\frac\{\\sqrt\{6\} ([+-]) \\sqrt\{2\}\}\{4\}\$", v.solution
        )
        assert found, v.solution
        sign = -1 if found[1] else 1
        exact = sign * (math.sqrt(6) + (1 if found[2] == "+" else -1) * math.sqrt(2)) / 4
        assert math.isclose(exact, v.answer.value)
