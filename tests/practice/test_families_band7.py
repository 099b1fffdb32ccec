"""Band 7 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction

import numpy as np

from practice import families
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(7)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_scaled_ratio_keeps_its_value():
    for v in variants("equivalent_ratio_missing_term"):
        p = v.params
        assert Fraction(p["a"] * p["k"], v.answer.value) == Fraction(p["a"], p["b"])


def test_only_the_right_ratio_is_equivalent():
    for v in variants("which_ratio_is_equivalent"):
        a, b = v.params["a"], v.params["b"]
        for line in v.prompt.splitlines():
            if line.startswith("- **"):
                key, ratio = line[4], line.split("** ")[1]
                x, y = (int(n) for n in ratio.split(":"))
                assert (Fraction(x, y) == Fraction(a, b)) == (key == v.answer.value), line


def test_mixed_and_improper_forms_name_the_same_amount():
    """The wholes and the remainder of the division give back the fraction."""
    for v in variants("improper_to_mixed"):
        n, d = v.params["numerator"], v.params["denominator"]
        whole, rest = divmod(n, d)
        assert v.answer.value == whole + Fraction(rest, d) == Fraction(n, d)
        assert v.answer.form == "mixed" and 0 < rest < d
    for v in variants("mixed_to_improper"):
        w, r, d = (v.params[k] for k in ("wholes", "numerator", "denominator"))
        assert v.answer.value * d == w * d + r and v.answer.form == "fraction"


def test_groups_of_a_fraction_add_up():
    """n groups of a/b, added one group at a time, give the answer."""
    for v in variants("fraction_times_whole_number"):
        p = v.params
        total = sum((Fraction(p["numerator"], p["denominator"]),) * p["n"], Fraction(0))
        assert v.answer.value == total and v.answer.form == "lowest_terms"


def test_ratio_table_answer_keeps_the_ratio():
    """The asked column has the same cost per item as the given one."""
    for v in variants("ratio_table_missing_value"):
        p = v.params
        assert p["m"] % p["a"] != 0
        assert Fraction(v.answer.value, p["m"]) == Fraction(p["a"] * p["price"], p["a"])


def test_simplified_fraction_is_in_lowest_terms_and_the_same_amount():
    for v in variants("simplify_fraction"):
        top, bottom = v.params["numerator"], v.params["denominator"]
        g = math.gcd(top, bottom)
        assert g > 3, "one small division would already finish it"
        assert (v.answer.value.numerator, v.answer.value.denominator) == (top // g, bottom // g)


def test_product_of_proper_fractions_is_smaller_than_both():
    """The area model's count, and the product is less than each factor."""
    for v in variants("fraction_times_fraction"):
        a, b, c, d = (v.params[k] for k in "abcd")
        x, y = Fraction(a, b), Fraction(c, d)
        assert v.answer.value == Fraction(a * c, b * d)  # marked pieces over all pieces
        assert v.answer.value < x and v.answer.value < y


def test_reciprocal_times_the_number_is_one():
    kinds = set()
    for v in variants("reciprocal_of_a_number"):
        kinds.add(v.params["kind"])
        assert v.answer.value * Fraction(v.params["number"]) == 1
        assert v.answer.form == "fraction"
    assert kinds == {"fraction", "whole", "mixed"}


def test_tenths_plus_hundredths_is_the_sum_in_hundredths():
    for v in variants("tenths_plus_hundredths"):
        a, b = v.params["a"], v.params["b"]
        assert Fraction(v.answer.value, 100) == Fraction(a, 10) + Fraction(b, 100)
        assert v.answer.value < 100


def test_decimal_answer_is_the_division_of_top_by_bottom():
    for v in variants("fraction_to_decimal"):
        a, d = v.params["numerator"], v.params["denominator"]
        assert 100 % d == 0 and v.answer.form == "decimal"
        assert v.answer.value * 100 == Fraction(a * 100, d)  # a whole number of hundredths
        assert (v.answer.value * 100).denominator == 1
        assert abs(float(v.answer.value) - a / d) < 1e-12


def test_outcome_probabilities_form_a_distribution():
    for v in variants("missing_outcome_probability"):
        given = [Fraction(p) for p in v.params["given"]]
        assert all(p > 0 for p in given) and v.answer.value > 0
        assert sum(given) + v.answer.value == 1


def test_or_and_neither_count_the_students():
    """Count the students one by one: in a club, or in none."""
    for v in variants("addition_rule_or_neither"):
        p = v.params
        students = range(p["total"])
        first = set(students[: p["a"]])
        second = set(students[p["a"] - p["both"] : p["a"] - p["both"] + p["b"]])
        assert len(first & second) == p["both"]
        joined = len(first | second)
        count = p["total"] - joined if p["neither"] else joined
        assert v.answer.value == Fraction(count, p["total"])


def test_percent_is_the_part_per_hundred():
    for v in variants("part_as_percent"):
        k, n = v.params["k"], v.params["n"]
        assert Fraction(v.answer.value, 100) == Fraction(k, n) and v.answer.unit == "percent"


def test_percent_of_a_fraction_is_per_hundred():
    for v in variants("fraction_to_percent"):
        a, d = v.params["numerator"], v.params["denominator"]
        assert v.answer.value == Fraction(100 * a, d) and v.answer.unit == "percent"
        assert (v.answer.value * 10).denominator == 1 or (v.answer.value * 100).denominator == 1


def test_the_box_makes_the_sentence_true():
    do = {"+": int.__add__, "-": int.__sub__, "×": int.__mul__, "÷": Fraction}
    ops, places = set(), set()
    for v in variants("missing_number_in_sentence", 200):
        p = v.params
        ops.add(p["op"])
        places.add(p["first"])
        a, b = (v.answer.value, p["known"]) if p["first"] else (p["known"], v.answer.value)
        assert do[p["op"]](a, b) == p["result"]
    assert ops == {"+", "-", "×", "÷"} and places == {True, False}


def test_volume_is_layers_of_the_bottom_rectangle():
    for v in variants("rectangular_prism_volume"):
        p = v.params
        layers = [p["length"] * p["width"]] * p["height"]
        assert v.answer.value == sum(layers)


def test_power_is_repeated_multiplication():
    for v in variants("evaluate_power"):
        product = 1
        for _ in range(v.params["exponent"]):
            product *= v.params["base"]
        assert v.answer.value == product


def test_negative_base_sign_follows_brackets_and_parity():
    seen = set()
    for v in variants("negative_base_power", 200):
        b, e, bracketed = v.params["b"], v.params["e"], v.params["bracketed"]
        seen.add((bracketed, e % 2))
        product = 1
        for _ in range(e):
            product *= -b if bracketed else b
        assert v.answer.value == (product if bracketed else -product)
    assert seen == {(True, 0), (True, 1), (False, 0), (False, 1)}


def test_power_of_ten_is_a_one_and_k_zeros():
    for v in variants("power_of_ten"):
        k = v.params["k"]
        assert v.answer.value in (int("1" + "0" * k), k)


def test_digit_value_reads_the_number_place_by_place():
    """The number is the sum of its digits' values, and the answer is one of them."""
    for v in variants("decimal_digit_value"):
        number, place = v.params["number"], v.params["place"]
        ones, after = number.split(".")
        worths = [Fraction(int(d), 10 ** (i + 1)) for i, d in enumerate(after)]
        assert int(ones) + sum(worths) == Fraction(number)
        assert v.answer.value == worths[place - 1]


def test_only_the_right_assignment_obeys_the_axioms():
    """Read each listed assignment back from the prompt and check the axioms on it."""
    value = re.compile(r"= (-?)(?:\\frac\{(\d+)\}\{(\d+)\}|(\d+))\$")
    kinds = set()
    for v in variants("valid_probability_assignment"):
        valid = []
        for line in v.prompt.splitlines():
            if not line.startswith("- **"):
                continue
            key = line[4]
            probs = [
                (-1 if sign else 1) * (Fraction(int(n), int(d)) if n else Fraction(int(whole)))
                for sign, n, d, whole in value.findall(line)
            ]
            assert len(probs) == 3, line
            if all(p >= 0 for p in probs) and sum(probs) == 1:
                valid.append(key)
            else:
                kinds.add("negative" if min(probs) < 0 else "sum")
        assert valid == [v.answer.value]
    assert kinds == {"negative", "sum"}


def test_at_least_one_matches_counting_every_sequence_of_rolls():
    for v in variants("at_least_one_by_the_complement"):
        k, n = v.params["sides"], v.params["rolls"]
        hits = sum(k in rolls for rolls in itertools.product(range(1, k + 1), repeat=n))
        assert v.answer.value == Fraction(hits, k**n)
        assert v.answer.alternatives["added_the_chances"] == Fraction(n, k)
