"""Band 6's question families, checked another way than they compute their answers.

The numbers are read back from the prompt the student sees, and the answer is found by
a plain search (counting up in steps, trying every candidate) instead of the family's
formula.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest

from practice import families
from practice.parser import evaluate
from practice.questions import variant_for
from tests.lessons.checker import latex_to_expression
from tests.lessons.test_band6 import places

families.load()
SEEDS = range(200)


def division_shown(prompt: str) -> tuple[int, int]:
    m = re.search(r"\$(\d+) \\div (\d+)\$", prompt)
    assert m, prompt
    return int(m.group(1)), int(m.group(2))


def test_quotient_and_remainder_by_counting_up():
    for seed in SEEDS:
        v = variant_for("quotient_and_remainder", seed)
        n, d = division_shown(v.prompt)
        groups = 0
        while (groups + 1) * d <= n:
            groups += 1
        assert v.answer.value == (groups, n - groups * d)
        assert 0 < n - groups * d < d


def test_left_over_is_what_the_full_groups_do_not_use():
    for seed in SEEDS:
        v = variant_for("left_over_after_sharing", seed)
        n, d = (int(x) for x in re.search(r"There are (\d+) .* of (\d+),", v.prompt).groups())
        left = n
        while left >= d:
            left -= d
        assert v.answer.value == left


def nearest_compatible_estimate(n: int, d: int) -> int:
    """The quotient of the multiple of ten times ``d`` nearest to ``n``, by search."""
    candidates = range(10 * d, 1000 + 10 * d, 10 * d)
    best = min(candidates, key=lambda m: abs(m - n))
    return best // d


def test_estimates_use_the_nearest_compatible_number():
    for seed in SEEDS:
        v = variant_for("compatible_number_estimate", seed)
        n, d = division_shown(v.prompt)
        assert v.answer.value == nearest_compatible_estimate(n, d)
        c = variant_for("estimate_a_quotient", seed)
        n, d = division_shown(c.prompt)
        right = re.search(rf"\*\*{c.answer.value}\.\*\* about (\d+)", c.prompt)
        assert int(right.group(1)) == nearest_compatible_estimate(n, d)
        assert abs(n - int(right.group(1)) * d) < 5 * d  # the estimate really is close


def test_missing_dividend_divides_back():
    for seed in SEEDS:
        v = variant_for("missing_dividend", seed)
        d, q, r = (int(x) for x in re.findall(r"\d+", v.prompt)[:3])
        assert divmod(v.answer.value, d) == (q, r)


def test_the_right_verdict_follows_from_dividing():
    verdicts = set()
    for seed in SEEDS:
        v = variant_for("check_a_division", seed)
        n, d, q, r = (
            int(x)
            for x in re.search(
                r"\$(\d+) \\div (\d+) = (\d+) \\ \\mathrm\{R\}\\ (\d+)\$", v.prompt
            ).groups()
        )
        if divmod(n, d) == (q, r):
            right = "A"
        elif d * q + r == n:
            right = "B"
        else:
            right = "C"
        assert v.answer.value == right
        verdicts.add(right)
    assert verdicts == {"A", "B", "C"}


def test_story_answers_by_filling_groups_one_at_a_time():
    kinds = set()
    for seed in SEEDS:
        v = variant_for("division_story", seed)
        n, d = (int(x) for x in re.findall(r"\d+", v.prompt)[:2])
        groups, left = 0, n
        while left >= d:  # fill one more full group
            groups, left = groups + 1, left - d
        if "needed" in v.prompt:
            right = groups + (left > 0)
        elif "full packs" in v.prompt:
            right = groups
        else:
            right = left
        assert v.answer.value == right
        kinds.add(v.params["kind"])
        c = variant_for("what_to_do_with_the_remainder", seed)
        chosen = re.search(rf"\*\*{c.answer.value}\.\*\* (\w+)", c.prompt).group(1)
        if "needed" in c.prompt:
            assert chosen == "Round"
        elif "full packs" in c.prompt:
            assert chosen == "Drop"
        else:
            assert chosen == "The" and "left over?" in c.prompt
    assert len(kinds) == 3


def test_long_division_agrees_with_dividing_by_hand():
    zeros = 0
    for seed in SEEDS:
        v = variant_for("long_division", seed)
        n, d = division_shown(v.prompt)
        assert v.answer.value == divmod(n, d)
        steps = places(n, d)
        assert int("".join(str(digit) for _, digit, _ in steps)) == n // d
        for part, digit, _ in steps:
            assert f"Divide {part} by {d}: write {digit}." in v.solution
        zeros += "skipped_a_zero_in_the_quotient" in v.answer.alternatives
    assert 60 <= zeros <= 140  # about half the quotients have a zero to write


def test_quotient_digits_are_counted():
    for seed in SEEDS:
        v = variant_for("quotient_digit_count", seed)
        n, d = division_shown(v.prompt)
        assert v.answer.value == len(str(n // d)) == len(places(n, d))


def test_factor_counts_by_trying_every_number():
    for seed in SEEDS:
        v = variant_for("count_the_factors", seed)
        n = int(re.search(r"does (\d+) have", v.prompt).group(1))
        assert v.answer.value == sum(n % k == 0 for k in range(1, n + 1))


def test_the_true_sentence_puts_the_divisor_first_as_a_factor():
    for seed in SEEDS:
        v = variant_for("factor_or_multiple", seed)
        right = re.search(rf"\*\*{v.answer.value}\.\*\* (\d+) is a (\w+) of (\d+)", v.prompt)
        x, word, y = int(right.group(1)), right.group(2), int(right.group(3))
        assert (y % x == 0) if word == "factor" else (x % y == 0)
        for key in "ABC":
            other = re.search(rf"\*\*{key}\.\*\* (\d+) is a (\w+) of (\d+)", v.prompt)
            x, word, y = int(other.group(1)), other.group(2), int(other.group(3))
            true = (y % x == 0) if word == "factor" else (x % y == 0)
            assert true == (key == v.answer.value)


def test_least_common_multiples_by_search():
    for seed in SEEDS:
        v = variant_for("least_common_multiple", seed)
        a, b = (int(x) for x in re.findall(r"\d+", v.prompt)[:2])
        first = next(m for m in range(1, a * b + 1) if m % a == 0 and m % b == 0)
        assert v.answer.value == first
        p = variant_for("packs_to_match", seed)
        a, b = (int(x) for x in re.findall(r"packs of (\d+)", p.prompt))
        packs = next(k for k in range(1, b + 1) if (k * a) % b == 0)
        assert p.answer.value == packs


def test_two_step_stories_read_from_the_prompt():
    for seed in SEEDS:
        v = variant_for("change_after_buying", seed)
        count, price, note = (int(x) for x in re.findall(r"\d+", v.prompt)[:3])
        left = note
        for _ in range(count):  # pay for one thing at a time
            left -= price
        assert v.answer.value == left > 0
        t = variant_for("trays_into_boxes", seed)
        trays, per_tray, box = (int(x) for x in re.findall(r"\d+", t.prompt)[:3])
        assert t.answer.value * box == trays * per_tray


def factor_count(n: int) -> int:
    return sum(n % k == 0 for k in range(1, n + 1))


def test_prime_verdicts_and_counts_by_counting_factors():
    kinds = set()
    for seed in SEEDS:
        v = variant_for("prime_or_composite", seed)
        n = int(re.search(r"Is (\d+) prime", v.prompt).group(1))
        count = factor_count(n)
        right = "A" if count == 2 else "B" if count > 2 else "C"
        assert v.answer.value == right
        kinds.add(right)
        c = variant_for("count_primes_in_a_range", seed)
        a, b = (int(x) for x in re.findall(r"\d+", c.prompt)[:2])
        assert c.answer.value == sum(factor_count(n) == 2 for n in range(a, b + 1))
    assert kinds == {"A", "B", "C"}


def test_prime_factorizations_multiply_back_and_are_prime():
    for seed in SEEDS:
        v = variant_for("prime_factorization", seed)
        n = int(re.search(r"Write \$(\d+) =", v.prompt).group(1))
        a, b, c, d = v.answer.value
        assert 2**a * 3**b * 5**c * 7**d == n and max(a, b, c, d) >= 2
        w = variant_for("number_from_prime_factorization", seed)
        shown = re.search(r"\$(\d)\^\{(\d)\} \\times ([^$]+)\$", w.prompt)
        base, power = int(shown.group(1)), int(shown.group(2))
        rest = [int(p) for p in shown.group(3).split(" \\times ")]
        assert w.answer.value == math.prod([base] * power + rest)


def test_greatest_common_factors_by_trying_every_divisor():
    for seed in SEEDS:
        for name in ("greatest_common_factor", "largest_equal_groups"):
            v = variant_for(name, seed)
            a, b = (int(x) for x in re.findall(r"\d+", v.prompt)[:2])
            best = max(k for k in range(1, min(a, b) + 1) if a % k == 0 and b % k == 0)
            assert v.answer.value == best


def test_unit_fractions_from_the_story():
    for seed in SEEDS:
        v = variant_for("one_equal_piece", seed)
        n = int(re.search(r"(\d+)", v.prompt).group(1))
        pieces = n + 1 if "times into equal pieces" in v.prompt else n
        assert v.answer.value == Fraction(1, pieces)
        c = variant_for("compare_unit_fractions", seed)
        a, b = c.params["a"], c.params["b"]
        assert c.answer.value == ("A" if Fraction(1, a) > Fraction(1, b) else "B")


def test_parts_of_a_whole_from_the_picture_and_the_story():
    for seed in SEEDS:
        v = variant_for("shaded_fraction", seed)
        strip = next(line for line in v.prompt.splitlines() if "■" in line)
        assert v.answer.value == Fraction(strip.count("■"), len(strip.split()))
        w = variant_for("fraction_left", seed)
        parts, eaten = (int(x) for x in re.findall(r"\d+", w.prompt)[:2])
        assert w.answer.value == 1 - Fraction(eaten, parts)


def test_shares_and_decimals_by_long_division():
    for seed in SEEDS:
        v = variant_for("equal_share_as_a_fraction", seed)
        things, people = (int(x) for x in re.findall(r"\d+", v.prompt)[:2])
        assert v.answer.value * people == things
        d = variant_for("division_to_decimal", seed)
        top, bottom = d.params["top"], d.params["bottom"]
        digits, rest = str(top // bottom) + ".", top % bottom
        while rest:  # long division, one decimal place at a time
            digits, rest = digits + str(rest * 10 // bottom), rest * 10 % bottom
        assert f"The answer is {digits}." in d.solution
        assert d.answer.value == Fraction(digits)


def test_number_line_points_by_counting_lengths():
    for seed in SEEDS:
        v = variant_for("fraction_at_a_point", seed)
        marks = v.prompt.split("```")[1].strip().split(" ——— ")
        assert v.answer.value == Fraction(marks.index("●"), len(marks) - 1)
        w = variant_for("fraction_past_one", seed)
        step = Fraction(re.search(r"\\frac\{1\}\{(\d+)\}", w.prompt).group(1))
        beyond = int(re.search(r"dot is (\d+) step", w.prompt).group(1))
        assert w.answer.value == 1 + beyond / step


def test_like_denominators_by_the_parser():
    for seed in SEEDS:
        v = variant_for("like_denominators", seed)
        shown = re.search(r"\$([^$]+)\$", v.prompt).group(1)
        assert v.answer.value == evaluate(latex_to_expression(shown))


@pytest.mark.parametrize("name", ["compare_like_fractions", "compare_unlike_fractions"])
def test_comparison_signs_by_cross_multiplying(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        a, b, c, d = v.params["fractions"]
        assert (a == c or b == d) == (name == "compare_like_fractions")
        right = "A" if a * d < b * c else "C" if a * d > b * c else "B"
        assert v.answer.value == right != "B"


def test_the_box_makes_the_two_fractions_equal():
    for seed in SEEDS:
        v = variant_for("missing_number_in_equivalent_fractions", seed)
        shown = (
            re.search(r"\$([^$]+)\$", v.prompt).group(1).replace("\\square", str(v.answer.value))
        )
        left, right = shown.split(" = ")
        assert evaluate(latex_to_expression(left)) == evaluate(latex_to_expression(right))


def test_unlike_denominators_by_the_parser():
    for seed in SEEDS:
        v = variant_for("unlike_denominators", seed)
        shown = re.search(r"\$([^$]+)\$", v.prompt).group(1)
        assert v.answer.value == evaluate(latex_to_expression(shown)) > 0


def test_probabilities_by_listing_every_outcome():
    for seed in SEEDS:
        v = variant_for("die_event_probability", seed)
        n = v.params["faces"]
        event = v.params["event"]
        t = int(re.search(r"(\d+)$", event).group(1)) if event[-1].isdigit() else None
        tests = {
            "even": lambda k: k % 2 == 0,
            "odd": lambda k: k % 2 == 1,
            "a multiple of 3": lambda k: k % 3 == 0,
        }
        if event.startswith("greater than"):
            hit = [k for k in range(1, n + 1) if k > t]
        elif event.startswith("at most"):
            hit = [k for k in range(1, n + 1) if k <= t]
        else:
            hit = [k for k in range(1, n + 1) if tests[event](k)]
        assert v.answer.value == Fraction(len(hit), n)
        w = variant_for("two_dice_sum_probability", seed)
        total = w.params["total"]
        ways = sum(1 for r in range(1, 7) for b in range(1, 7) if r + b == total)
        assert w.answer.value == Fraction(ways, 36)


def test_ratios_and_fractions_read_from_the_prompt():
    for seed in SEEDS:
        v = variant_for("write_a_ratio", seed)
        p, q = (int(x) for x in re.findall(r"holds (\d+) \w+ \w+ and (\d+)", v.prompt)[0])
        asked = re.search(r"ratio of (.+?)\. Give", v.prompt).group(1)
        first_named = asked.split(" to ")[0].split()[0]
        first_word = re.search(r"holds \d+ (\w+)", v.prompt).group(1)
        whole = "all the" in asked
        lead = p if first_named == first_word else q
        other = p + q if whole else (q if lead == p else p)
        assert v.answer.value == (lead, other)
        f = variant_for("fraction_from_a_ratio", seed)
        a, b = (int(x) for x in re.search(r"\$(\d+):(\d+)\$", f.prompt).groups())
        assert f.answer.value == Fraction(a, a + b)
