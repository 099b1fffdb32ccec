"""Band 8 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import itertools
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import numpy as np

from practice import families
from practice.parser import evaluate
from practice.questions import GENERATORS
from tests.lessons.checker import latex_to_expression

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(8)
    return [GENERATORS[name](rng) for _ in range(count)]


def options(variant) -> dict[str, str]:
    """The listed options of a choice variant: key → label."""
    return {
        line[4]: line.split("** ", 1)[1]
        for line in variant.prompt.splitlines()
        if line.startswith("- **")
    }


def test_root_squared_gives_the_number_back():
    contexts = set()
    for v in variants("square_root_of_perfect_square"):
        contexts.add(v.params["context"])
        assert v.answer.value**2 == v.params["n"] and v.answer.value > 0
    assert "bare" in contexts and len(contexts) >= 3


def test_root_lies_between_the_two_whole_numbers():
    for v in variants("square_root_between_whole_numbers"):
        low, high = v.answer.value
        n = v.params["n"]
        assert high == low + 1 and low < math.sqrt(n) < high


def test_only_the_right_expression_follows_the_words():
    """Each option is evaluated with the usual order of operations; only the right one
    does the first step and then the second."""
    for v in variants("expression_from_words"):
        p = v.params
        inner = p["a"] + p["b"] if p["first"] == "add" else p["a"] - p["b"]
        meant = inner * p["c"] if p["then"] == "multiply" else inner / p["c"]
        for key, label in options(v).items():
            worth = evaluate(latex_to_expression(label.strip("$")))
            assert (worth == meant) == (key == v.answer.value), label


def test_point_is_its_share_of_the_way_along_the_line():
    """Ten steps from start to end, so k steps are k tenths of the way."""
    for v in variants("decimal_on_a_zoomed_number_line"):
        start, end = Fraction(v.params["start"]), Fraction(v.params["end"])
        k = v.params["steps"]
        assert v.answer.value == start * Fraction(10 - k, 10) + end * Fraction(k, 10)
        assert start < v.answer.value < end and v.answer.form == "decimal"


def test_moving_digits_matches_decimal_arithmetic():
    """The answer's digits are the number's digits with the point moved."""
    for v in variants("multiply_or_divide_by_power_of_ten"):
        number = Decimal(str(float(Fraction(v.params["number"]))))
        k = len(str(v.params["power"])) - 1
        moved = number.scaleb(k if v.params["times"] else -k)
        assert Fraction(str(moved)) == v.answer.value


def read_aloud(words: str) -> Fraction:
    """The value of a decimal read out in words, parsed back word by word."""
    small = {w: i for i, w in enumerate(_ONES_WORDS.split())}
    tens = {w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS.split())}

    def whole(text: str) -> int:
        total = 0
        for word in text.replace("-", " ").split():
            if word == "hundred":
                total *= 100
            else:
                total += small.get(word, tens.get(word, 0))
        return total

    head, _, tail = words.rpartition(" and ") if " and " in words else ("", "", words)
    number, place = tail.rsplit(" ", 1)
    places = {"tenth": 1, "hundredth": 2, "thousandth": 3}[place.rstrip("s")]
    return (whole(head) if head else 0) + Fraction(whole(number), 10**places)


_ONES_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"


def test_decimal_is_the_value_its_words_name():
    zeros = 0
    for v in variants("decimal_from_words", 200):
        words = v.prompt.split('"')[1]
        assert read_aloud(words) == v.answer.value and v.answer.form == "decimal"
        zeros += "dropped_placeholder_zero" in v.answer.alternatives
    assert zeros > 50, "placeholder zeros should be common"


def test_only_the_greatest_decimal_is_the_answer():
    for v in variants("greatest_decimal"):
        values = {key: Fraction(label.strip("$")) for key, label in options(v).items()}
        assert max(values, key=values.get) == v.answer.value
        lengths = sorted(len(label.strip("$").split(".")[1]) for label in options(v).values())
        assert lengths == [1, 2, 3]


def test_integers_either_side_bracket_the_negative_number():
    forms = set()
    for v in variants("rational_between_integers"):
        x = Fraction(v.params["number"])
        low, high = v.answer.value
        forms.add("frac" in v.prompt)
        assert x < 0 and high == low + 1 and low < x < high
    assert forms == {True, False}, "both fractions and decimals are asked"


def as_decimal(text: str) -> Decimal:
    """A stored fraction such as "13/4" as the decimal it is (3.25)."""
    return Decimal(str(float(Fraction(text))))


def test_decimal_sum_or_difference_matches_exact_decimal_arithmetic():
    kinds = set()
    for v in variants("add_or_subtract_decimals"):
        a, b = as_decimal(v.params["a"]), as_decimal(v.params["b"])
        kinds.add(v.params["add"])
        exact = a + b if v.params["add"] else a - b
        assert Fraction(str(exact)) == v.answer.value > 0
        assert {-a.as_tuple().exponent, -b.as_tuple().exponent} == {1, 2}
    assert kinds == {True, False}


def test_rounding_agrees_with_decimal_half_up_rounding():
    asked = set()
    for v in variants("round_decimal", 200):
        places = v.params["places"]
        asked.add(places)
        exact = Decimal(v.params["number"]).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        assert Fraction(str(exact)) == v.answer.value
        assert abs(v.answer.value - Fraction(v.params["number"])) <= Fraction(1, 2 * 10**places)
    assert asked == {0, 1, 2}


def test_signed_fraction_sum_is_the_number_line_move():
    """Start at x and move |y| right or left, as the signs and the operation say."""
    for v in variants("add_subtract_signed_fractions"):
        x, y = Fraction(v.params["x"]), Fraction(v.params["y"])
        step = abs(y)
        rightwards = (y > 0) == v.params["add"]
        assert v.answer.value == (x + step if rightwards else x - step)
        assert v.answer.form == "lowest_terms"


def test_decimal_product_matches_decimal_arithmetic():
    for v in variants("multiply_decimals"):
        a, b = as_decimal(v.params["a"]), as_decimal(v.params["b"])
        assert Fraction(str(a * b)) == v.answer.value and v.answer.form == "decimal"


def test_quotient_times_divisor_is_the_dividend():
    wholes = set()
    for v in variants("divide_by_a_decimal"):
        dividend, divisor = Fraction(v.params["dividend"]), Fraction(v.params["divisor"])
        assert v.answer.value * divisor == dividend and divisor.denominator > 1
        wholes.add(v.answer.value.denominator == 1)
    assert wholes == {True, False}


def test_percent_of_a_number_is_that_many_hundredths():
    """p% of n counted out: n split into 100 equal parts, p of them taken."""
    for v in variants("percent_of_a_number"):
        p, n = v.params["percent"], v.params["number"]
        one_part = Fraction(n, 100)
        assert v.answer.value == sum([one_part] * p, Fraction(0))
        assert (v.answer.value < n) == (p < 100)


def test_price_after_change_is_the_price_times_the_multiplier():
    kinds = set()
    for v in variants("price_after_percent_change", 200):
        p, price, kind = v.params["percent"], v.params["price"], v.params["kind"]
        kinds.add(kind)
        multiplier = Fraction(100 - p if kind == "discount" else 100 + p, 100)
        assert v.answer.value == multiplier * price
        assert (v.answer.value * 100).denominator == 1, "a whole number of cents"
    assert kinds == {"discount", "tax", "tip"}


def test_quotient_of_fractions_times_the_divisor_gives_the_dividend():
    for v in variants("divide_fractions"):
        x, y = Fraction(v.params["x"]), Fraction(v.params["y"])
        assert v.answer.value * y == x and v.answer.form == "lowest_terms"
        # how many y fit into x, counted in a common unit
        unit = Fraction(1, math.lcm(x.denominator, y.denominator))
        assert v.answer.value == Fraction(int(x / unit), int(y / unit))


def test_unit_price_times_the_count_is_the_total():
    for v in variants("unit_price"):
        total = Fraction(v.params["total"])
        assert v.answer.value * v.params["count"] == total
        assert f"{float(total):.2f} dollars" in v.prompt


def test_conditional_from_table_counts_the_restricted_group():
    """Rebuild the surveyed people one by one and count inside the given group."""
    for v in variants("conditional_from_table"):
        counts = v.params["counts"]
        people = [(r, c) for r in range(2) for c in range(2) for _ in range(counts[r][c])]
        if v.params["given_row"]:
            group = [p for p in people if p[0] == 0]
            hits = [p for p in group if p[1] == 0]
        else:
            group = [p for p in people if p[1] == 0]
            hits = [p for p in group if p[0] == 0]
        assert v.answer.value == Fraction(len(hits), len(group))


def test_conditional_from_probabilities_satisfies_the_multiplication_rule():
    for v in variants("conditional_from_probabilities"):
        p = v.params
        assert math.isclose(v.answer.value * p["p_b"], p["p_ab"])
        assert 0 < v.answer.value <= 1 and p["p_a"] + p["p_b"] - p["p_ab"] <= 1


def test_mixed_difference_needs_regrouping_and_adds_back():
    for v in variants("mixed_number_subtract_with_regrouping"):
        x, y = Fraction(v.params["x"]), Fraction(v.params["y"])
        assert v.answer.value + y == x and v.answer.value > 0
        assert x - math.floor(x) < y - math.floor(y), "the top fraction part is the smaller"
        assert v.answer.form == "mixed"


def test_mixed_product_by_the_area_model():
    """(a + f)(b + g) = ab + ag + fb + fg: the four parts of the area model."""
    for v in variants("mixed_number_product"):
        x, y = Fraction(v.params["x"]), Fraction(v.params["y"])
        a, b = math.floor(x), math.floor(y)
        f, g = x - a, y - b
        assert v.answer.value == a * b + a * g + f * b + f * g


def test_signed_product_or_quotient_matches_the_sign_rule():
    for v in variants("multiply_divide_signed_fractions"):
        x, y = Fraction(v.params["x"]), Fraction(v.params["y"])
        size = abs(x) * abs(y) if v.params["times"] else abs(x) / abs(y)
        negative = (x < 0) != (y < 0)
        assert v.answer.value == (-size if negative else size)


def test_order_of_operations_value_matches_the_parser():
    """The expression as typed, evaluated by the answer parser's own precedence."""
    codes = set()
    for v in variants("evaluate_with_order_of_operations"):
        worth = evaluate(latex_to_expression(v.params["expression"]))
        assert worth == v.answer.value and v.answer.value.denominator == 1
        codes |= set(v.answer.alternatives)
    assert len(codes) == 4


def ordered_draw_probability(first: int, second: int, wanted: tuple[int, ...]) -> Fraction:
    """P(the marbles drawn in order have the colours ``wanted`` (0 or 1)), counting every
    ordered draw of distinct marbles."""
    marbles = [0] * first + [1] * second
    orders = list(itertools.permutations(range(len(marbles)), len(wanted)))
    hits = sum(1 for o in orders if tuple(marbles[i] for i in o) == wanted)
    return Fraction(hits, len(orders))


def test_two_draws_match_counting_ordered_pairs():
    for v in variants("two_draws_without_replacement", 40):
        p = v.params
        wanted = (0, 0) if p["same"] else (0, 1)
        assert v.answer.value == ordered_draw_probability(p["first"], p["second"], wanted)


def test_three_draws_match_counting_ordered_triples():
    for v in variants("chain_rule_three_draws", 30):
        p = v.params
        assert v.answer.value == ordered_draw_probability(p["first"], p["second"], (0, 0, 0))


def test_at_least_one_by_inclusion_exclusion():
    for v in variants("independent_at_least_one"):
        a, b = v.params["a"], v.params["b"]
        assert math.isclose(v.answer.value, a + b - a * b)


def test_independence_verdict_compares_the_joint_with_the_product():
    cases = set()
    for v in variants("check_independence"):
        a, b, both = v.params["a"], v.params["b"], v.params["both"]
        assert 0 <= both <= min(a, b) and a + b - both <= 1 + 1e-12
        independent = math.isclose(both, a * b)
        cases.add((independent, both == 0))
        assert (v.answer.value == "A") == independent
    assert cases == {(True, False), (False, False), (False, True)}
