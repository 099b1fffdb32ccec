"""Band 14 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import heapq
import math
import re
from fractions import Fraction
from itertools import product

import numpy as np

from practice import families
from practice.families import frac
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(14)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_trig_ratio_matches_the_angle_measured_from_the_triangle():
    """The angle at A from its coordinates (C at the origin, A on the x-axis): the ratio
    asked must equal the sine, cosine or tangent of that angle."""
    seen = set()
    for v in variants("trig_ratio_from_sides", 200):
        p = v.params
        assert p["ac"] ** 2 + p["bc"] ** 2 == p["ab"] ** 2
        angle_a = math.atan2(p["bc"], p["ac"])
        angle = angle_a if p["angle"] == "A" else math.pi / 2 - angle_a
        fn = {"sin": math.sin, "cos": math.cos, "tan": math.tan}[p["ratio"]]
        assert math.isclose(float(v.answer.value), fn(angle))
        assert isinstance(v.answer.value, Fraction) and v.answer.form == "lowest_terms"
        seen.add((p["angle"], p["ratio"]))
    assert len(seen) == 6


def test_side_from_angle_fits_a_triangle_built_from_the_angle():
    """Build the triangle from the known side and the angle with coordinates, then
    measure the asked side with Pythagoras."""
    cases = set()
    for v in variants("side_from_angle_and_side", 200):
        p = v.params
        t = math.radians(p["theta"])
        if p["case"] == "tan":
            ac = p["known"]
            ab = ac / math.cos(t)
            expected = math.sqrt(ab**2 - ac**2)
        else:
            ab = p["known"]
            b = (ab * math.cos(t), ab * math.sin(t))  # A at the origin, C on the x-axis
            expected = b[1] if p["case"] == "opposite_from_hypotenuse" else b[0]
        assert math.isclose(v.answer.value, expected, rel_tol=1e-9)
        rounded = float(f"{v.answer.value:.3g}")
        for wrong in v.answer.alternatives.values():
            assert not math.isclose(rounded, wrong, rel_tol=v.answer.rel_tol)
        cases.add(p["case"])
    assert len(cases) == 3


def _prefix_code_exists(lengths) -> bool:
    """Search for binary words of the given lengths, none beginning another (small
    lengths only): the other way of deciding what the Kraft sum decides."""

    def place(i: int, chosen: list[str]) -> bool:
        if i == len(lengths):
            return True
        for bits in product("01", repeat=lengths[i]):
            word = "".join(bits)
            if all(not word.startswith(w) and not w.startswith(word) for w in chosen):
                if place(i + 1, [*chosen, word]):
                    return True
        return False

    return place(0, [])


def test_kraft_sum_decides_as_a_search_for_a_code_does():
    verdicts = set()
    for v in variants("kraft_sum", 60):
        lengths = v.params["lengths"]
        total = v.answer.value
        longest = max(lengths)
        assert total * 2**longest == sum(2 ** (longest - n) for n in lengths)
        exists = _prefix_code_exists(sorted(lengths))
        assert exists == (total <= 1)
        assert ("so a prefix code" in v.solution) == exists
        verdicts.add(exists)
    assert verdicts == {True, False}


def test_shortest_new_codeword_is_the_shortest_a_search_can_place():
    for v in variants("kraft_shortest_new_codeword", 60):
        lengths = v.params["lengths"]
        shortest = v.answer.value
        assert _prefix_code_exists(sorted([*lengths, shortest]))
        if shortest > 1:
            assert not _prefix_code_exists(sorted([*lengths, shortest - 1]))


def _poly(coefficients, x):
    return sum(c * x ** (len(coefficients) - 1 - i) for i, c in enumerate(coefficients))


def test_quotient_rule_at_a_point_agrees_with_a_symmetric_difference():
    for v in variants("quotient_rule_at_a_point"):
        f, g, k = v.params["f"], v.params["g"], v.params["k"]

        def h(x, f=f, g=g):
            return _poly(f, x) / _poly(g, x)

        step = 1e-5
        slope = (h(k + step) - h(k - step)) / (2 * step)
        assert math.isclose(float(v.answer.value), slope, rel_tol=1e-5, abs_tol=1e-6)


def test_linear_over_linear_numerator_by_exact_differences():
    """h(x) - h(y) = N (x - y) / ((cx + d)(cy + d)) for a Möbius function, so N can be
    read off two exact values of h."""
    for v in variants("quotient_rule_linear_over_linear"):
        a, b, c, d = (v.params[key] for key in "abcd")
        xs = [Fraction(n) for n in range(-12, 13) if c * n + d != 0][:2]
        x, y = xs

        def h(t, a=a, b=b, c=c, d=d):
            return (a * t + b) / (c * t + d)

        assert v.answer.value == (h(x) - h(y)) * (c * x + d) * (c * y + d) / (x - y)


def _sampled_extreme(f, at: int) -> str:
    """Whether the cubic ``f`` has a local minimum or maximum at ``at``, by comparing its
    value with values close by on both sides (no derivative used)."""
    here = _poly(f, Fraction(at))
    near = [_poly(f, Fraction(at) + Fraction(sign, 1000)) for sign in (-1, 1)]
    if all(v > here for v in near):
        return "minimum"
    if all(v < here for v in near):
        return "maximum"
    return "neither"


def test_second_derivative_classification_matches_nearby_values():
    kinds = set()
    for v in variants("second_derivative_classify"):
        f, at = v.params["f"], v.params["at"]
        kind = _sampled_extreme(f, at)
        right = v.params["order"].index("right")
        assert v.answer.value == "ABC"[right]
        assert f"local {kind} at" in v.prompt.split(f"**{v.answer.value}.**")[1].split("\n")[0]
        kinds.add(kind)
    assert kinds == {"minimum", "maximum"}


def test_found_extremum_is_the_asked_kind_by_nearby_values():
    for v in variants("second_derivative_find_extremum"):
        f, asked = v.params["f"], v.params["asked"]
        assert _sampled_extreme(f, v.answer.value) == asked
        # a critical point: the slope changes sign across it
        h = Fraction(1, 10**6)
        x = Fraction(v.answer.value)
        left = (_poly(f, x) - _poly(f, x - h)) / h
        right = (_poly(f, x + h) - _poly(f, x)) / h
        assert left * right <= 0


def test_log_chain_slope_by_a_symmetric_difference():
    for v in variants("log_derivative_chain"):
        g, k = v.params["g"], v.params["k"]
        assert _poly(g, k) > 0
        step = 1e-6
        slope = (math.log(_poly(g, k + step)) - math.log(_poly(g, k - step))) / (2 * step)
        assert math.isclose(float(v.answer.value), slope, rel_tol=1e-6, abs_tol=1e-9)


def test_log_base_b_slope_by_a_symmetric_difference():
    bases = set()
    for v in variants("log_base_b_derivative"):
        base, k = v.params["base"], v.params["k"]
        step = 1e-6
        slope = (math.log(k + step, base) - math.log(k - step, base)) / (2 * step)
        assert math.isclose(v.answer.value, slope, rel_tol=1e-6)
        bases.add(base)
    assert bases == {2, 3, 5, 10}


def _merge_weights(counts) -> int:
    """The sum of the weights of every merged node of Huffman's tree, built with a heap:
    it equals the total length of the message's encoding."""
    heap = list(counts)
    heapq.heapify(heap)
    total = 0
    while len(heap) > 1:
        merged = heapq.heappop(heap) + heapq.heappop(heap)
        total += merged
        heapq.heappush(heap, merged)
    return total


def _best_average(counts) -> Fraction:
    """The smallest average length of any prefix code, by trying every list of lengths
    that satisfies the Kraft inequality."""
    n = len(counts)
    best = None
    for lengths in product(range(1, n), repeat=n):
        if sum(Fraction(1, 2**ell) for ell in lengths) <= 1:
            cost = sum(c * ell for c, ell in zip(counts, lengths, strict=True))
            best = cost if best is None else min(best, cost)
    return Fraction(best, sum(counts))


def test_huffman_average_is_the_merge_total_and_the_best_possible():
    for i, v in enumerate(variants("huffman_expected_length", 60)):
        counts = v.params["counts"]
        assert v.answer.value == Fraction(_merge_weights(counts), sum(counts))
        if i < 10 and len(counts) <= 5:
            assert v.answer.value == _best_average(counts)


def test_huffman_codeword_length_by_a_heap_built_tree():
    for v in variants("huffman_codeword_length"):
        counts, asked = v.params["counts"], v.params["asked"]
        heap = [(c, [i]) for i, c in enumerate(counts)]
        heapq.heapify(heap)
        depth = [0] * len(counts)
        while len(heap) > 1:
            (w0, s0), (w1, s1) = heapq.heappop(heap), heapq.heappop(heap)
            for s in s0 + s1:
                depth[s] += 1
            heapq.heappush(heap, (w0 + w1, s0 + s1))
        assert v.answer.value == depth[asked]
        assert sum(Fraction(1, 2**d) for d in depth) == 1


def test_taylor_coefficient_from_the_differential_equation():
    """e^(cx) solves f' = c f, so its series coefficients obey k a_k = c a_(k-1), a_0 = 1."""
    for v in variants("taylor_coefficient_exponential"):
        c, k = v.params["c"], v.params["k"]
        a = Fraction(1)
        for j in range(1, k + 1):
            a = c * a / j
        assert v.answer.value == a


def test_square_root_estimate_matches_the_polynomial_fitted_to_derivatives():
    """The quadratic through the centre with the root's value, slope and bending,
    recomputed from floats, and close to the true root."""
    for v in variants("taylor_square_root_estimate"):
        r, h = v.params["r"], v.params["h"]
        a = r * r
        d1 = (math.sqrt(a + 1e-4) - math.sqrt(a - 1e-4)) / 2e-4
        d2 = (math.sqrt(a + 1e-3) - 2 * r + math.sqrt(a - 1e-3)) / 1e-6
        estimate = r + d1 * h + d2 / 2 * h * h
        assert math.isclose(float(v.answer.value), estimate, rel_tol=1e-6)
        # Taylor's remainder: at most max|f'''| |h|^3 / 3!, with f'''(x) = (3/8) x^(-5/2)
        bound = 3 / 8 * min(a, a + h) ** -2.5 * abs(h) ** 3 / 6
        assert abs(float(v.answer.value) - math.sqrt(a + h)) <= bound


def test_reciprocal_ratio_from_the_angle_itself():
    names = set()
    for v in variants("reciprocal_trig_ratio"):
        p = v.params
        assert p["opp"] ** 2 + p["adj"] ** 2 == p["hyp"] ** 2
        angle = math.atan2(p["opp"], p["adj"])
        expected = {
            "sec": 1 / math.cos(angle),
            "csc": 1 / math.sin(angle),
            "cot": 1 / math.tan(angle),
        }[p["name"]]
        assert math.isclose(float(v.answer.value), expected)
        names.add(p["name"])
    assert names == {"sec", "csc", "cot"}


def test_angle_from_two_sides_rebuilds_the_triangle():
    """Put A at the origin with AC along the x-axis: the triangle built from the answer's
    angle must have the two given sides."""
    for v in variants("angle_from_two_sides"):
        case, x, y = v.params["case"], v.params["x"], v.params["y"]
        t = math.radians(v.answer.value)
        assert v.answer.unit == "degrees"
        if case == "tan":  # BC = x, AC = y
            assert math.isclose(y * math.tan(t), x)
        elif case == "sin":  # BC = x, AB = y
            assert math.isclose(y * math.sin(t), x)
        else:  # AC = x, AB = y
            assert math.isclose(y * math.cos(t), x)


def test_chord_gap_is_the_weighted_variance_times_the_curvature():
    """For c x^2 the gap is c times the variance of the two-point mix: c w (1 - w)(x - y)^2."""
    for v in variants("convex_chord_gap"):
        c, x, y = v.params["c"], v.params["x"], v.params["y"]
        w = Fraction(*v.params["w"])
        assert v.answer.value == c * w * (1 - w) * (x - y) ** 2 > 0


def _second_differences(label: str) -> np.ndarray:
    """Second differences of the function a choice names, on a grid of its domain."""
    grid = np.linspace(0.2, 4, 60) if "x > 0" in label else np.linspace(-4, 4, 81)
    functions = {
        "e^{-x}": lambda t: np.exp(-t),
        "-\\ln x": lambda t: -np.log(t),
        "x^4 + 2x^2": lambda t: t**4 + 2 * t**2,
        "x \\ln x": lambda t: t * np.log(t),
        "= \\ln x": np.log,
        "\\sqrt{x}": np.sqrt,
        "-x^2": lambda t: -(t**2),
        "x^3 - 3x": lambda t: t**3 - 3 * t,
        "x^3$": lambda t: t**3,
        "\\sin x": np.sin,
    }
    (f,) = [fn for key, fn in functions.items() if key in label]
    return np.diff(f(grid), 2)


def test_only_the_right_choice_bends_up_everywhere():
    for v in variants("which_is_convex", 60):
        p = v.params
        assert np.all(_second_differences(p["right"]) > 0)
        assert np.all(_second_differences(p["concave"]) < 0)
        mixed = _second_differences(p["mixed"])
        assert np.any(mixed > 0) and np.any(mixed < 0)


def _central(f, x: float, h: float = 1e-5) -> float:
    return (f(x + h) - f(x - h)) / (2 * h)


def test_power_rule_slope_by_a_symmetric_difference():
    degrees = set()
    for v in variants("power_rule_polynomial_slope"):
        coefficients, k = v.params["coefficients"], v.params["k"]
        slope = _central(np.poly1d(coefficients), k)
        assert math.isclose(v.answer.value, slope, rel_tol=1e-6, abs_tol=1e-6)
        degrees.add(len(coefficients) - 1)
    assert degrees == {3, 4}


def test_root_or_reciprocal_slope_by_a_symmetric_difference():
    kinds = set()
    for v in variants("power_rule_root_or_reciprocal"):
        a, n, at = v.params["a"], Fraction(*v.params["n"]), v.params["at"]

        def f(x, a=a, n=float(n)):
            return a * x**n

        assert math.isclose(float(v.answer.value), _central(f, at), rel_tol=1e-6)
        kinds.add("root" if n > 0 else "reciprocal")
    assert kinds == {"root", "reciprocal"}


def test_chain_rule_power_by_a_symmetric_difference():
    inner_degrees = set()
    for v in variants("chain_rule_power_of_polynomial"):
        inner, n, k = v.params["inner"], v.params["n"], v.params["k"]
        g = np.poly1d(inner)
        slope = _central(lambda x, g=g, n=n: g(x) ** n, k)
        assert math.isclose(v.answer.value, slope, rel_tol=1e-6)
        inner_degrees.add(len(inner) - 1)
    assert inner_degrees == {1, 2}


def test_chain_rule_from_a_table_by_piecewise_linear_functions():
    """Build f and g as functions that have exactly the table's values and slopes near
    each listed x (the tangent line there), compose them and differentiate numerically."""
    for v in variants("chain_rule_from_a_table"):
        p = v.params

        def near(x, values, slopes):
            i = round(x) - 1
            return values[i] + slopes[i] * (x - (i + 1))

        def h(x, p=p):
            return near(near(x, p["g"], p["dg"]), p["f"], p["df"])

        assert math.isclose(v.answer.value, _central(h, p["a"], 1e-3), abs_tol=1e-6)


def test_product_rule_by_multiplying_out_first():
    """numpy multiplies the two polynomials, then differentiates the product."""
    for v in variants("product_rule_at_a_point"):
        product = np.poly1d(v.params["f"]) * np.poly1d(v.params["g"])
        assert v.answer.value == product.deriv()(v.params["k"])


def test_growing_rectangle_by_the_area_a_moment_later():
    for v in variants("product_rule_growing_rectangle"):
        p, dt = v.params, 1e-7
        later = (p["width"] + p["grow_w"] * dt) * (p["height"] + p["grow_h"] * dt)
        rate = (later - p["width"] * p["height"]) / dt
        assert math.isclose(v.answer.value, rate, abs_tol=1e-4)


def test_second_derivative_by_a_second_difference():
    for v in variants("second_derivative_at_a_point"):
        f, k, h = np.poly1d(v.params["coefficients"]), v.params["k"], 1e-3
        second = (f(k + h) - 2 * f(k) + f(k - h)) / h**2
        assert math.isclose(v.answer.value, second, rel_tol=1e-4, abs_tol=1e-3)


def test_acceleration_at_rest_by_simulating_the_motion():
    """Sample the position finely, find the first positive time the velocity changes
    sign, and take the second difference of the position there. A particle that moves
    forwards first brakes to its first rest, one that moves backwards first is pushed
    forwards there: both signs of the answer occur."""
    signs = set()
    for v in variants("acceleration_when_at_rest", 40):
        p, q, c = v.params["p"], v.params["q"], v.params["c"]

        def s(t, p=p, q=q, c=c):
            return c * (2 * t**3 - 3 * (p + q) * t**2 + 6 * p * q * t)

        ts = np.linspace(0.001, 7, 70000)
        velocity = np.gradient(s(ts), ts)
        first = ts[np.argmax(np.sign(velocity[:-1]) != np.sign(velocity[1:]))]
        h = 1e-3
        acceleration = (s(first + h) - 2 * s(first) + s(first - h)) / h**2
        assert math.isclose(v.answer.value, acceleration, rel_tol=1e-2)
        signs.add(v.answer.value > 0)
    assert signs == {True, False}


def test_exponential_slope_by_a_symmetric_difference():
    bases = set()
    for v in variants("exponential_base_b_slope"):
        a, b, k = v.params["a"], Fraction(*v.params["b"]), v.params["k"]
        slope = _central(lambda x, a=a, b=float(b): a * b**x, k)
        assert math.isclose(v.answer.value, slope, rel_tol=1e-6)
        # a student who rounds b^k ln b's pieces to 3 s.f. is still right
        rounded = float(f"{a * float(b) ** k:.3g}") * float(f"{math.log(b):.3g}")
        assert math.isclose(rounded, v.answer.value, rel_tol=v.answer.rel_tol)
        bases.add(b)
    assert len(bases) == 5


def test_exponential_chain_slope_by_a_symmetric_difference():
    for v in variants("exponential_chain_slope"):
        a, g, k = v.params["a"], np.poly1d(v.params["inner"]), v.params["k"]
        slope = _central(lambda x, a=a, g=g: a * math.exp(g(x)), k)
        assert math.isclose(v.answer.value, slope, rel_tol=1e-6)
        rounded = a * float(f"{math.exp(g(k)):.3g}") * g.deriv()(k)
        assert math.isclose(rounded, v.answer.value, rel_tol=v.answer.rel_tol)


def test_first_derivative_classification_by_sampling_f():
    """Integrate f' numerically (cumulative sums on a fine grid) and look at f around
    the point: a peak, a valley, or neither."""
    seen = set()
    for v in variants("first_derivative_classify"):
        p = v.params
        xs = np.linspace(p["p"] - 0.4, p["p"] + 0.4, 801)
        slope = p["k"] * (xs - p["p"]) ** p["m"] * (xs - p["q"]) ** p["n"]
        f = np.concatenate([[0.0], np.cumsum((slope[1:] + slope[:-1]) / 2 * np.diff(xs))])
        middle = f[400]
        if middle >= f.max() - 1e-12:
            kind = "A"
        elif middle <= f.min() + 1e-12:
            kind = "B"
        else:
            kind = "C"
        assert v.answer.value == kind, p
        seen.add(kind)
    assert seen == {"A", "B", "C"}


def test_local_maximum_value_by_sampling_around_the_critical_points():
    for v in variants("local_maximum_value"):
        p = v.params
        a, low, high, d = p["a"], p["p"], p["q"], p["d"]
        f = np.poly1d([2 * a, -3 * a * (low + high), 6 * a * low * high, d])
        peaks = [f(c) for c in (low, high) if f(c) >= max(f(np.linspace(c - 0.5, c + 0.5, 101)))]
        assert peaks == [v.answer.value]


def test_fence_max_area_by_searching_every_split_of_the_fence():
    layouts = set()
    for v in variants("fence_max_area"):
        length, m, n = v.params["length"], v.params["m"], v.params["n"]
        xs = np.linspace(0, length / m, 24001)
        areas = xs * (length - m * xs) / n
        assert math.isclose(float(v.answer.value), areas.max(), rel_tol=1e-6)
        layouts.add((m, n))
    assert len(layouts) == 4


def test_absolute_max_by_sampling_the_interval():
    endpoint_wins = 0
    for v in variants("absolute_max_on_interval"):
        p = v.params
        a, low, high = p["a"], p["p"], p["q"]
        f = np.poly1d([2 * a, -3 * a * (low + high), 6 * a * low * high, p["d"]])
        xs = np.linspace(p["left"], p["right"], 4001)
        sampled = f(xs).max()  # a grid just misses a critical point: within 0.001
        assert sampled - 1e-9 <= v.answer.value <= sampled + 1e-3
        endpoint_wins += "ignored_the_endpoints" in v.answer.alternatives
        # the ends lie beyond both critical points: four values to compare, never two
        assert p["left"] < low < high < p["right"]
        assert not any(" and " in math for math in v.solution.split("$")[1::2]), v.solution
    assert 10 < endpoint_wins < 90


def _partial_difference(f, at, variable: str, h: float = 1e-5) -> float:
    x, y = at
    if variable == "x":
        return (f(x + h, y) - f(x - h, y)) / (2 * h)
    return (f(x, y + h) - f(x, y - h)) / (2 * h)


def test_partial_derivative_of_a_polynomial_by_moving_one_coordinate():
    letters = set()
    for v in variants("partial_derivative_polynomial"):
        terms = v.params["terms"]

        def f(x, y, terms=terms):
            return sum(c * x**px * y**py for c, px, py in terms)

        slope = _partial_difference(f, v.params["at"], v.params["variable"])
        assert math.isclose(v.answer.value, slope, rel_tol=1e-6, abs_tol=1e-5)
        letters.add(v.params["variable"])
    assert letters == {"x", "y"}


def test_partial_derivative_chain_by_moving_one_coordinate():
    for v in variants("partial_derivative_chain"):
        p = v.params

        def f(x, y, p=p):
            u = sum(c * x**px * y**py for c, px, py in p["inside"]) + p["c"]
            return u ** p["n"]

        slope = _partial_difference(f, p["at"], p["variable"])
        assert math.isclose(v.answer.value, slope, rel_tol=1e-6, abs_tol=1e-5)


def _polynomial_in_x_and_y(terms):
    def f(x, y):
        return sum(c * x**px * y**py for c, px, py in terms)

    return f


def test_directional_derivative_by_a_small_step_along_the_direction():
    for v in variants("directional_derivative"):
        f = _polynomial_in_x_and_y(v.params["terms"])
        (x, y), (a, b) = v.params["at"], v.params["direction"]
        u = np.array([a, b]) / math.hypot(a, b)
        h = 1e-6
        rate = (f(x + h * u[0], y + h * u[1]) - f(x - h * u[0], y - h * u[1])) / (2 * h)
        assert math.isclose(float(v.answer.value), rate, rel_tol=1e-6, abs_tol=1e-6)


def test_gradient_descent_step_goes_downhill_by_the_rate_times_the_slope():
    """The new point is the start minus rate times a numerical gradient, and f is lower
    there: a rate too large for the bowl would overshoot and climb, which is no descent."""
    rates = set()
    for v in variants("gradient_descent_step"):
        f = _polynomial_in_x_and_y(v.params["terms"])
        (x, y), rate = v.params["at"], Fraction(*v.params["rate"])
        gx = _partial_difference(f, (x, y), "x")
        gy = _partial_difference(f, (x, y), "y")
        new = [float(c) for c in v.answer.value]
        assert np.allclose(new, [x - float(rate) * gx, y - float(rate) * gy])
        assert f(*new) < f(x, y), (v.params, new)
        rates.add(rate)
    assert len(rates) == 3


def test_lagrange_closest_point_is_the_squared_distance_to_the_line():
    """The squared distance from the origin to ax + by = c, by the distance formula, and
    by a search along the line."""
    for v in variants("lagrange_closest_point"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        assert a > 0, "a line is written 3x + 4y = 1, not -3x - 4y = -1"
        assert v.answer.value == Fraction(c * c, a * a + b * b)
        ts = np.linspace(-20, 20, 400001)  # points (x0 + t b, y0 - t a) on the line
        x0, y0 = (c / a, 0.0)
        squares = (x0 + ts * b) ** 2 + (y0 - ts * a) ** 2
        assert math.isclose(float(v.answer.value), squares.min(), rel_tol=1e-6)


def test_lagrange_multiplier_is_the_growth_rate_of_the_best_product():
    for v in variants("lagrange_multiplier_sensitivity", 60):
        p, q, c = v.params["p"], v.params["q"], v.params["c"]

        def best(budget, p=p, q=q):
            xs = np.linspace(0, budget / p, 200001)
            return float((xs * (budget - p * xs) / q).max())

        rate = (best(c + 0.01) - best(c - 0.01)) / 0.02
        assert math.isclose(float(v.answer.value), rate, rel_tol=1e-4)


CALCULUS_FAMILIES = (
    "power_rule_polynomial_slope",
    "power_rule_root_or_reciprocal",
    "chain_rule_power_of_polynomial",
    "chain_rule_from_a_table",
    "product_rule_at_a_point",
    "product_rule_growing_rectangle",
    "second_derivative_at_a_point",
    "acceleration_when_at_rest",
    "exponential_base_b_slope",
    "exponential_chain_slope",
    "first_derivative_classify",
    "local_maximum_value",
    "fence_max_area",
    "absolute_max_on_interval",
    "partial_derivative_polynomial",
    "partial_derivative_chain",
    "directional_derivative",
    "gradient_descent_step",
    "lagrange_closest_point",
    "lagrange_multiplier_sensitivity",
)


def test_calculus_hints_add_no_number_that_is_the_answer():
    """Each family writes its own hint; a number the hint adds to the prompt's never
    equals the answer (sign aside, within 1%)."""
    from practice.hints import numbers_in

    def near(a, b) -> bool:
        return abs(abs(float(a)) - abs(float(b))) <= max(0.01 * abs(float(b)), 1e-9)

    for name in CALCULUS_FAMILIES:
        for v in variants(name, 150):
            assert v.hint, name
            if v.answer.kind == "choice":
                assert v.answer.value not in v.hint.split(), name
                continue
            targets = v.answer.value if v.answer.kind == "values" else (v.answer.value,)
            shown = numbers_in(v.prompt)
            added = [n for n in numbers_in(v.hint) if not any(near(n, s) for s in shown)]
            assert not any(near(n, t) for n in added for t in targets), (name, v.hint)


def _stated_approximation(solution: str) -> str:
    """The number a solution gives after its last ``\\approx``."""
    return re.findall(r"\\approx (-?[0-9]+(?:\.[0-9]+)?)", solution)[-1]


def _significant_figures(written: str) -> int:
    digits = written.lstrip("-").replace(".", "").lstrip("0")
    return len(digits) if "." in written else len(digits.rstrip("0")) or 1


def test_exponential_solutions_state_the_height_exactly_and_the_slope_to_3_figures():
    """The height a b^k is written as the exact fraction it is (5/3 at k = -1, not a
    float's 53-bit fraction), and the slope as a plain decimal to 3 significant
    figures (1010, not 1.01e+03; -0.520 and 89.0, with their zeros)."""
    for name in ("exponential_base_b_slope", "exponential_chain_slope"):
        for v in variants(name):
            stated = _stated_approximation(v.solution)
            assert "e+" not in v.solution and "e-0" not in v.solution, v.solution
            assert float(stated) == float(f"{v.answer.value:.3g}"), (stated, v.answer.value)
            assert _significant_figures(stated) == 3 or abs(float(stated)) >= 1000, stated
            if name == "exponential_base_b_slope":
                a, b, k = v.params["a"], Fraction(*v.params["b"]), v.params["k"]
                height = a * b**k
                assert height.denominator <= 3**4  # (1/3)^4 at most
                written = frac(abs(height))
                assert f"$f({k}) = {'-' if height < 0 else ''}{written}$" in v.solution


def test_calculus_solutions_put_a_fraction_s_minus_sign_in_front():
    """A negative fraction is written -\\frac{21}{16}, and a negative exponent
    x^{-\\frac{1}{2}}, never \\frac{-21}{16} or x^{\\frac{-1}{2}}."""
    for name in CALCULUS_FAMILIES:
        for v in variants(name, 150):
            assert "\\frac{-" not in v.solution, (name, v.solution)


def test_partial_derivative_solution_works_the_point_through():
    """The solution puts the point into the partial derivative term by term, and that
    arithmetic, evaluated as written, gives the answer."""
    for v in variants("partial_derivative_polynomial"):
        worked = re.search(r"this is \$(.*) = (-?\d+)\$\.$", v.solution)
        assert worked, v.solution
        python = re.sub(r"\^\{(\d+)\}", r"**\1", worked[1].replace("\\cdot", "*"))
        assert eval(python) == int(worked[2]) == v.answer.value, python  # noqa: S307


def test_first_derivative_verdict_reads_as_a_sentence():
    """The solution says the sign of f' changes from one sign to the other, or does not
    change: never that it 'changes not at all'."""
    for v in variants("first_derivative_classify"):
        verdict = {"A": "changes from positive", "B": "changes from negative"}
        expected = verdict.get(v.answer.value, "does not change")
        assert f"The sign of $f'$ {expected}" in v.solution, v.solution


def test_chain_rule_inside_is_never_a_single_term():
    """(2x)^4 is 16x^4: the inside of the power has two terms at least."""
    for v in variants("chain_rule_power_of_polynomial", 300):
        assert sum(c != 0 for c in v.params["inner"]) >= 2, v.prompt


def test_closest_point_question_is_titled_by_what_it_asks():
    """The Lagrange question asks for the smallest x^2 + y^2, not for the point: its title
    says so, so a student does not answer with coordinates."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    templates = json.loads((root / "fixtures/questions/band14.json").read_text())
    (template,) = [t for t in templates if t["slug"] == "lagrange-closest-point"]
    (v,) = variants("lagrange_closest_point", 1)
    assert "smallest value of $x^2 + y^2$" in v.prompt
    assert template["title"] == "The smallest value of x² + y² on a line"
