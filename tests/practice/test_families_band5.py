"""Band 5's question families, checked another way than they compute their answers.

A "Work out ..." prompt is read back by the lessons' own LaTeX reader and evaluated by the
safe parser, so the answer is recomputed from what the student sees, not from the
family's numbers.
"""

from __future__ import annotations

import cmath
import itertools
import math
import re
from fractions import Fraction

import pytest

from practice import families
from practice.grader import grade_answer
from practice.parser import evaluate
from practice.questions import variant_for
from tests.lessons.checker import latex_to_expression
from tests.lessons.test_band5 import holds

families.load()
SEEDS = range(200)


def shown_expression(prompt: str) -> str:
    m = re.match(r"Work out \$([^$]+)\$", prompt)
    assert m, prompt
    return m.group(1)


@pytest.mark.parametrize(
    "name", ["integer_product", "integer_product_of_several", "integer_quotient"]
)
def test_integer_products_are_what_the_prompt_shows(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        value = evaluate(latex_to_expression(shown_expression(v.prompt)))
        assert value == v.answer.value, (seed, v.prompt)
        negatives = len(re.findall(r"-\d", v.prompt))
        assert (v.answer.value > 0) == (negatives % 2 == 0), v.prompt


def test_zero_and_one_products_follow_the_two_rules():
    for seed in SEEDS:
        v = variant_for("zero_and_one_products", seed)
        a, b = v.params["a"], v.params["b"]
        assert f"${a} \\times {b}$" in v.prompt
        other = b if a in (0, 1) else a
        rule = 0 if 0 in (a, b) else other
        assert v.answer.value == rule, v.prompt


def test_the_missing_factor_makes_the_equation_true():
    for seed in SEEDS:
        v = variant_for("zero_and_one_missing_factor", seed)
        equation = re.search(r"\$([^$]+)\$", v.prompt).group(1)
        left, right = equation.replace("?", str(v.answer.value)).split("=")
        assert evaluate(latex_to_expression(left)) == evaluate(latex_to_expression(right))


def test_ordered_selections_match_a_listing():
    for seed in range(40):
        v = variant_for("ordered_selections", seed)
        n, k = v.params["n"], v.params["k"]
        assert f" {n} " in v.prompt
        assert v.answer.value == sum(1 for _ in itertools.permutations(range(n), k))
        assert v.answer.alternatives["order_ignored"] == sum(
            1 for _ in itertools.combinations(range(n), k)
        )


def test_arrangements_match_a_listing_when_small():
    listed = 0
    for seed in SEEDS:
        v = variant_for("arrangements_factorial", seed)
        n = v.params["n"]
        assert f" {n} " in v.prompt
        if n <= 7:
            assert v.answer.value == sum(1 for _ in itertools.permutations(range(n)))
            listed += 1
    assert listed >= 20


def digit_places(prompt: str, pattern: str) -> tuple[int, list[int]]:
    """The digit the prompt asks about (``pattern``'s group) and, for each of its
    appearances in the number shown, how many places lie to its right."""
    digit = re.search(pattern, prompt).group(1)
    written = re.search(r"\$([\d{},]+)\$", prompt).group(1).replace("{,}", "")
    return int(digit), [len(written) - 1 - i for i, d in enumerate(written) if d == digit]


def test_digit_values_read_from_the_number_shown():
    for seed in SEEDS:
        v = variant_for("digit_value", seed)
        digit, places = digit_places(v.prompt, r"the digit (\d) in")
        assert len(places) == 1, v.prompt
        assert v.answer.value == digit * 10 ** places[0]


def test_times_as_much_compares_the_two_places_shown():
    for seed in SEEDS:
        v = variant_for("times_as_much_place_value", seed)
        _, places = digit_places(v.prompt, r"The digit (\d) appears twice")
        assert len(places) == 2, v.prompt
        assert v.answer.value == 10 ** (places[0] - places[1])


def shown_point(prompt: str) -> complex:
    x, y = re.search(r"\$\((-?\d+), (-?\d+)\)\$", prompt).groups()
    return complex(int(x), int(y))


def test_quadrants_go_counterclockwise_by_angle():
    for seed in SEEDS:
        v = variant_for("quadrant_of_point", seed)
        angle = cmath.phase(shown_point(v.prompt)) % (2 * math.pi)
        assert v.answer.value == ("I", "II", "III", "IV")[int(angle // (math.pi / 2))]


def test_reflections_are_mirror_images():
    for seed in SEEDS:
        v = variant_for("reflect_point_over_axis", seed)
        z = shown_point(v.prompt)
        mirror = z.conjugate() if "$x$-axis" in v.prompt else -z.conjugate()
        assert tuple(v.answer.value) == (mirror.real, mirror.imag)


def test_one_step_answers_make_the_equation_true():
    for seed in SEEDS:
        v = variant_for("balance_one_step", seed)
        equation = re.search(r"Solve \$([^$]+)\$", v.prompt).group(1)
        assert holds(equation, v.answer.value), (equation, v.answer.value)
        for alt in v.answer.alternatives.values():
            assert alt.denominator != 1 or not holds(equation, int(alt))


INVERSE = {"+": "subtract", "-": "add", "frac": "multiply"}


def test_the_right_step_is_the_inverse_done_to_both_sides():
    for seed in SEEDS:
        v = variant_for("which_step_keeps_balance", seed)
        equation = re.search(r"To solve \$([^$]+)\$", v.prompt).group(1)
        options = dict(re.findall(r"^- \*\*([ABC])\.\*\* (.*)$", v.prompt, re.M))
        right = options[v.answer.value]
        sign = next((s for s in INVERSE if s in equation), None)
        verb = INVERSE[sign] if sign else "divide"
        assert right.startswith(verb) and right.endswith(
            ("both sides", f"both sides by {v.params['a']}")
        ), (equation, right)


def test_exactly_one_option_is_a_square_number():
    for seed in SEEDS:
        v = variant_for("which_is_a_square_number", seed)
        options = dict(re.findall(r"^- \*\*([ABC])\.\*\* (\d+)$", v.prompt, re.M))
        squares = [k for k, value in options.items() if math.isqrt(int(value)) ** 2 == int(value)]
        assert squares == [v.answer.value], v.prompt


def test_square_arrays_have_as_many_rows_as_columns():
    for seed in SEEDS:
        total = variant_for("square_of_a_number", seed).answer.value
        assert math.isqrt(total) ** 2 == total
        side = variant_for("side_of_a_square_array", seed)
        shown = int(re.match(r"(\d+) ", side.prompt).group(1))
        assert side.answer.value * side.answer.value == shown


def test_integer_differences_are_what_the_prompt_shows():
    for seed in SEEDS:
        v = variant_for("subtract_integers", seed)
        assert evaluate(latex_to_expression(shown_expression(v.prompt))) == v.answer.value


def test_a_temperature_change_is_the_distance_on_the_number_line():
    for seed in SEEDS:
        v = variant_for("temperature_change", seed)
        start, end = (int(t) for t in re.findall(r"\$(-?\d+)\$ degrees", v.prompt))
        steps = len(range(min(start, end), max(start, end)))  # one-degree steps between
        assert v.answer.value == steps and (start < 0) != (end < 0)
        assert ("rise" in v.prompt) == (end > start)


def test_two_digit_products_match_the_numbers_shown():
    for seed in SEEDS:
        v = variant_for("two_digit_product", seed)
        a, b = (int(n) for n in re.findall(r"\b(\d\d)\b", v.prompt)[:2])
        assert v.answer.value == a * b and a % 10 and b % 10


def test_the_two_rows_add_up_to_the_product():
    for seed in SEEDS:
        v = variant_for("tens_row_of_a_product", seed)
        a, b, first = re.search(r"\$(\d+) \\times (\d+)\$.*?= (\d+)\$", v.prompt).groups()
        assert int(first) + v.answer.value == int(a) * int(b)
        assert v.answer.value % 10 == 0


def test_two_digit_differences_add_back_to_the_first_number():
    for seed in SEEDS:
        v = variant_for("two_digit_difference", seed)
        a, b = (int(n) for n in re.findall(r"\b(\d\d)\b", v.prompt)[:2])
        assert v.answer.value + b == a and a % 10 < b % 10


def test_repeated_subtraction_counts_the_groups_by_taking_them_away():
    for seed in SEEDS:
        v = variant_for("repeated_subtraction_groups", seed)
        total, size = v.params["total"], v.params["size"]
        assert f"There are {total} " in v.prompt and f"takes {size} " in v.prompt
        left, count = total, 0
        while left > 0:
            left, count = left - size, count + 1
        assert left == 0 and v.answer.value == count


def test_a_fair_share_times_the_number_of_shares_is_the_total():
    for seed in SEEDS:
        v = variant_for("fair_share_size", seed)
        total, parts = (int(n) for n in re.findall(r"\d+", v.prompt)[:2])
        assert v.answer.value * parts == total


def test_missing_factors_and_fact_families_multiply_back():
    for seed in SEEDS:
        v = variant_for("division_as_missing_factor", seed)
        total, divisor = v.params["total"], v.params["divisor"]
        assert f"${divisor} \\times ? = {total}$" in v.prompt
        assert v.answer.value * divisor == total
        f = variant_for("fact_family_divisions", seed)
        product = re.search(r"= (\d+)\$", f.prompt).group(1)
        divisors = re.findall(rf"\${product} \\div (\d+)\$", f.prompt)
        assert [int(product) // int(d) for d in divisors] == list(f.answer.value)


def test_group_counts_multiply_back_to_the_total():
    for name in ("same_division_two_readings",):
        for seed in SEEDS:
            v = variant_for(name, seed)
            total = int(re.search(r"(\d+) ", v.prompt).group(1))
            size = v.params.get("size", v.params.get("divisor"))
            assert v.answer.value * size == total, (name, v.prompt)


def test_basic_division_facts_multiply_back():
    for seed in SEEDS:
        v = variant_for("basic_division_fact", seed)
        dividend, divisor = v.params["dividend"], v.params["divisor"]
        assert f"${dividend} \\div {divisor}$" in v.prompt and 1 <= divisor <= 9
        assert v.answer.value * divisor == dividend and v.answer.value <= 9
        h = variant_for("helping_multiplication_fact", seed)
        options = dict(re.findall(r"^- \*\*([ABC])\.\*\* \$(.*)\$$", h.prompt, re.M))
        right = options[h.answer.value]
        a, b, product = re.fullmatch(r"(\d) \\times (\d) = (\d+)", right).groups()
        assert int(a) * int(b) == int(product) == h.params["dividend"]


def test_only_the_division_by_zero_has_no_answer():
    for seed in SEEDS:
        v = variant_for("which_division_is_undefined", seed)
        options = dict(re.findall(r"^- \*\*([ABC])\.\*\* \$(.*)\$$", v.prompt, re.M))
        for key, division in options.items():
            defined = True
            try:
                evaluate(latex_to_expression(division))
            except Exception:
                defined = False
            assert defined == (key != v.answer.value), division


def test_missing_numbers_make_the_division_fact_true():
    positions = set()
    for seed in SEEDS:
        v = variant_for("division_fact_unknown_anywhere", seed)
        puzzle = re.search(r"\$([^$]*\?[^$]*)\$", v.prompt).group(1)
        assert holds_with(puzzle, v.answer.value)
        assert int(re.findall(r"\d+|\?", puzzle)[0].replace("?", str(v.answer.value))) <= 100
        positions.add(re.findall(r"\d+|\?", puzzle).index("?"))
    assert positions == {0, 1, 2}


def holds_with(puzzle: str, value: int) -> bool:
    left, right = puzzle.replace("?", str(value)).split("=")
    return evaluate(latex_to_expression(left)) == evaluate(latex_to_expression(right))


def test_combinations_match_a_listing():
    for seed in range(60):
        v = variant_for("choose_k_from_n", seed)
        n, k = v.params["n"], v.params["k"]
        assert v.answer.value == sum(1 for _ in itertools.combinations(range(n), k))
        s = variant_for("sequences_with_k_successes", seed)
        n, k = s.params["n"], s.params["k"]
        listed = sum(1 for seq in itertools.product((0, 1), repeat=n) if sum(seq) == k)
        assert s.answer.value == listed and f" {n} times" in s.prompt


@pytest.mark.parametrize("name", ["divisible_by_digit_sum", "divisible_by_ones_digit"])
def test_exactly_the_right_option_is_divisible(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        d = int(re.search(r"divisible by (\d+)\?", v.prompt).group(1))
        options = dict(re.findall(r"^- \*\*([ABC])\.\*\* (\d+)$", v.prompt, re.M))
        assert [k for k, n in options.items() if int(n) % d == 0] == [v.answer.value]


def test_change_plus_price_is_the_payment():
    for seed in SEEDS:
        v = variant_for("change_from_a_payment", seed)
        price = Fraction(re.search(r"costs (\d+\.\d\d) dollars", v.prompt).group(1))
        paid = int(re.search(r"a (\d+)-dollar bill", v.prompt).group(1))
        assert price + v.answer.value == paid and 0 < v.answer.value < paid
        assert price.denominator != 1  # the price has cents, so a dollar is broken


@pytest.mark.parametrize("name", ["multi_digit_sum", "subtract_across_zeros"])
def test_column_results_spell_the_answer(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        assert v.answer.value == evaluate(latex_to_expression(shown_expression(v.prompt)))
        results = [
            int(r)
            for r in re.findall(r"(?:Ones|Tens|Hundreds|Thousands): \$[^$]*= (\d+)\$", v.solution)
        ]
        assert len(results) == 4
        assert sum(r % 10 * 10**i for i, r in enumerate(results)) == v.answer.value % 10**4


def test_splitting_divisions_and_their_friendly_splits():
    for seed in SEEDS:
        v = variant_for("divide_by_splitting", seed)
        dividend, divisor = v.params["dividend"], v.params["divisor"]
        assert 10 <= dividend <= 99 and v.answer.value * divisor == dividend
        f = variant_for("friendly_split_for_division", seed)
        d = f.params["divisor"]
        splits = dict(re.findall(r"^- \*\*([ABC])\.\*\* \$\d+ = (\d+ \+ \d+)\$$", f.prompt, re.M))
        both = [
            k for k, parts in splits.items() if all(int(p) % d == 0 for p in parts.split(" + "))
        ]
        assert both == [f.answer.value], f.prompt
        assert all(
            evaluate(latex_to_expression(p)) == f.params["dividend"] for p in splits.values()
        )


def test_counting_up_reaches_the_next_dollar():
    for seed in SEEDS:
        v = variant_for("cents_to_the_next_dollar", seed)
        price, next_dollar = (Fraction(p) for p in re.findall(r"\d+\.\d\d", v.prompt)[1:3])
        assert next_dollar.denominator == 1 and next_dollar - 1 < price < next_dollar
        assert price + Fraction(v.answer.value, 100) == next_dollar


def test_regrouped_tens_and_ones_keep_the_number():
    for seed in SEEDS:
        v = variant_for("regroup_a_ten", seed)
        n, taken = v.params["n"], v.params["taken"]
        tens, ones = v.answer.value
        assert 10 * tens + ones == n and ones >= 10 and ones >= taken
        assert f"${n} - 1{taken}$" in v.prompt and n % 10 < taken


def test_a_subtraction_chain_counts_its_groups():
    for seed in SEEDS:
        v = variant_for("read_a_subtraction_chain", seed)
        chain = re.search(r"\$([\d -]+) = 0\$", v.prompt).group(1)
        assert evaluate(latex_to_expression(chain)) == 0
        assert v.answer.value == chain.count("-")


def test_subtracting_across_zeros_describes_the_regrouping_that_happens():
    """The solution says a zero passes a ten on only when the ones borrow across a zero
    (for 5050 - 4831 the ones take their ten from the 5 tens: no zero is crossed)."""
    crossed = not_crossed = 0
    for seed in SEEDS:
        v = variant_for("subtract_across_zeros", seed)
        top = v.params["top"]
        tens = top // 10 % 10
        if tens == 0:
            crossed += 1
            assert "nothing to give" in v.solution
        else:
            not_crossed += 1
            assert "nothing to give" not in v.solution and "keeps 9" not in v.solution
    assert crossed and not_crossed


def test_a_place_value_prompt_s_example_is_never_the_answer():
    for name in ("digit_value", "times_as_much_place_value"):
        for seed in SEEDS:
            v = variant_for(name, seed)
            example = re.search(r"\((\d+), not", v.prompt)
            assert example, v.prompt
            assert int(example.group(1)) != v.answer.value


def test_a_split_for_division_is_named_by_its_groups():
    """ "a multiple of 70" read as if 70 itself were divided; the split is named as groups."""
    for seed in SEEDS:
        v = variant_for("divide_by_splitting", seed)
        assert "multiple of" not in v.solution
        m = re.search(r"into (\d+), which is (\d+) groups of (\d+)", v.solution)
        if m:
            big, groups, size = map(int, m.groups())
            assert big == groups * size and size == v.params["divisor"]


def test_change_typed_in_cents_is_named_and_the_example_is_never_the_answer():
    """A student who answers 370 for 3.70 dollars is told about the unit, and the prompt's
    example (2.48) never gives away the answer (1.35 could: 5.00 - 3.65)."""
    for seed in SEEDS:
        v = variant_for("change_from_a_payment", seed)
        change = v.params["paid"] - v.params["price"]
        assert grade_answer(str(change), v.answer).diagnosis == "answered_in_cents"
        example = re.search(r"like (\d+\.\d+)", v.prompt).group(1)
        assert Fraction(example) != v.answer.value
