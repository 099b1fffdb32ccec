"""Band 3's families recomputed another way, from what the prompt shows the student.

The harness in test_families.py checks every family's contract; here each answer is
worked out again from the prompt's own numbers (as a student would read them), so a
family whose params and prompt drifted apart, or whose arithmetic is wrong, fails.
"""

from __future__ import annotations

import re
from collections import Counter

from practice import families
from practice.questions import variant_for

families.load()


def drawn(name: str):
    """200 variants of the family ``name``."""
    return (variant_for(name, seed) for seed in range(200))


def numbers(text: str) -> list[int]:
    """The whole numbers of ``text`` in order (a minus sign kept)."""
    return [int(n) for n in re.findall(r"[-\u2212]?\d+", text.replace("\u2212", "-"))]


def test_addition_within_10_adds_the_two_groups_of_the_story():
    for v in drawn("addition_within_10"):
        a, b = numbers(v.prompt)
        assert v.answer.value == a + b <= 10


def test_make_ten_sums_pass_ten_and_the_solution_fills_the_ten():
    for v in drawn("addition_within_20_make_ten"):
        a, b = numbers(v.prompt)
        assert 10 < v.answer.value == a + b <= 20
        assert f"= 10 + {a + b - 10} =" in v.solution


def test_the_commutative_box_makes_both_sides_equal():
    for v in drawn("commutative_missing_number"):
        a, b, c = numbers(v.prompt)
        assert a + b == c + v.answer.value


def test_three_addends_of_which_two_make_ten():
    for v in drawn("associative_make_ten_first"):
        a, b, c = numbers(v.prompt)
        assert v.answer.value == a + b + c
        assert 10 in (a + b, a + c, b + c)


def test_near_doubles_add_two_neighbours():
    for v in drawn("near_doubles"):
        a, b = numbers(v.prompt)
        assert abs(a - b) == 1 and v.answer.value == a + b


def test_even_or_odd_follows_the_ones_digit_and_cannot_be_read_off_the_first():
    """The first digit agrees with the answer in some variants and not in others (else a
    student could answer by flipping it); where it disagrees, looking at it is named."""
    agrees = set()
    for v in drawn("even_or_odd"):
        (n,) = numbers(v.prompt.split("\n")[0])
        assert v.answer.value == ("A" if n % 2 == 0 else "B")
        agrees.add((n // 10) % 2 == n % 2)
        assert ("looked_at_first_digit" in v.answer.alternatives) == ((n // 10) % 2 != n % 2)
    assert agrees == {True, False}


def test_even_or_odd_sum_is_the_parity_of_the_sum():
    for v in drawn("even_or_odd_sum"):
        a, b = numbers(v.prompt.split("\n")[0])
        assert v.answer.value == ("A" if (a + b) % 2 == 0 else "B")


def test_the_equal_sign_box_balances_the_two_sides():
    for v in drawn("equal_sign_balance"):
        left, right = v.prompt.split("$$")[1].split("=")
        box, *rest = (left, right) if "square" in left else (right, left)
        assert sum(numbers(box)) + v.answer.value == sum(numbers(rest[0]))


def test_subtraction_within_10_takes_the_smaller_group_from_the_bigger():
    for v in drawn("subtraction_within_10"):
        a, b = numbers(v.prompt)
        assert 0 < v.answer.value == a - b and a <= 10


def test_the_missing_addend_completes_the_total():
    for v in drawn("missing_addend"):
        a, total = numbers(v.prompt)
        assert a + v.answer.value == total and v.answer.value > 0


def test_the_unknown_angle_and_the_known_one_fill_the_whole():
    for v in drawn("unknown_angle"):
        (known,) = numbers(v.prompt)
        whole = 90 if "right angle" in v.prompt else 180
        assert known + v.answer.value == whole and v.answer.unit == "degrees"


def test_back_to_ten_subtractions_cross_ten():
    for v in drawn("subtraction_within_20_back_to_ten"):
        a, b = numbers(v.prompt)
        assert v.answer.value == a - b < 10 < a


def test_the_family_fact_uses_the_three_numbers_and_the_others_do_not():
    for v in drawn("fact_family_member"):
        a, b, whole = numbers(v.prompt.split("\n")[0])
        family = sorted([a, b, whole])
        options = {
            line[4]: sorted(numbers(line[6:]))
            for line in v.prompt.splitlines()
            if line.startswith("- **")
        }
        assert options[v.answer.value] == family
        assert all(o != family for k, o in options.items() if k != v.answer.value)


def test_story_answers_fit_the_story():
    for v in drawn("add_or_subtract_story"):
        given = numbers(v.prompt)
        answer = v.answer.value
        kind = v.params["kind"]
        if kind == "add_to":
            assert answer == sum(given)
        elif kind == "more_than":  # y is d more than the unknown
            assert answer == given[0] - given[1]
        else:  # the difference of the two numbers the story gives
            assert answer == max(given) - min(given)
        assert 0 < answer <= 20


def test_temperatures_fall_below_zero():
    for v in drawn("temperature_below_zero"):
        start, fall = numbers(v.prompt)
        assert v.answer.value == start - fall < 0


def test_number_line_moves_land_where_counting_steps_lands():
    for v in drawn("number_line_moves"):
        start, steps = numbers(v.prompt)
        position = start
        for _ in range(steps):
            position += 1 if "right" in v.prompt else -1
        assert v.answer.value == position and min(start, position) < 0


def test_ordered_integers_increase_and_are_the_prompt_numbers():
    for v in drawn("order_integers"):
        shown = numbers(v.prompt)
        ordered = list(v.answer.value)
        assert sorted(shown) == ordered and all(
            x < y for x, y in zip(ordered, ordered[1:], strict=False)
        )


def test_the_comparison_sign_is_true():
    for v in drawn("compare_integers"):
        a, b = numbers(v.prompt.split("$$")[1])
        assert v.answer.value == ("A" if a < b else "B")


def test_a_number_and_its_opposite_add_to_zero():
    for v in drawn("opposite_of_a_number"):
        (n,) = numbers(v.prompt.split("Give")[0])
        assert n + v.answer.value == 0 and n != 0


def test_temperatures_apart_is_the_distance_along_the_line():
    for v in drawn("temperature_distance"):
        warm, cold = numbers(v.prompt.split("How")[0])
        steps = len(range(cold, warm))  # unit steps from the cold one up to the warm one
        assert cold < 0 < warm and v.answer.value == steps


def test_absolute_values_add_as_distances():
    for v in drawn("absolute_value_sum"):
        a, b = numbers(v.prompt)
        assert v.answer.value == max(a, -a) + max(b, -b) and min(a, b) < 0


def test_the_clock_reading_matches_the_hands():
    for v in drawn("read_the_clock_hour_half"):
        hands = v.prompt.split("What")[0]
        options = dict(re.findall(r"- \*\*([A-C])\.\*\* (\d+:\d\d)", v.prompt))
        hour, minute = (int(x) for x in options[v.answer.value].split(":"))
        if "half-way" in hands:
            passed, _ = numbers(hands)[:2]
            assert (hour, minute) == (passed, 30)
        else:
            assert (hour, minute) == (numbers(hands)[0], 0)
        assert len(set(options.values())) == len(options)


def test_each_number_on_the_clock_is_five_more_minutes():
    for v in drawn("minutes_from_the_long_hand"):
        (number,) = numbers(v.prompt.split("How")[0])
        assert v.answer.value == sum(5 for _ in range(number))  # one five per number


def test_minutes_to_and_minutes_past_make_an_hour():
    for v in drawn("minutes_to_the_hour"):
        hour, past, next_hour = numbers(v.prompt)
        assert v.answer.value + past == 60 and next_hour == hour % 12 + 1


def column_sum(*parts: int) -> tuple[int, int]:
    """The written method: the total and how many tens were carried from the ones."""
    ones = sum(p % 10 for p in parts)
    tens = sum(p // 10 for p in parts) + ones // 10
    return 10 * tens + ones % 10, ones // 10


def test_no_regrouping_sums_carry_nothing():
    for v in drawn("two_digit_addition_no_regrouping"):
        a, b = numbers(v.prompt)
        total, carried = column_sum(a, b)
        assert v.answer.value == total and carried == 0 and total < 100


def test_regrouping_sums_carry_one_ten():
    for v in drawn("two_digit_addition_with_regrouping"):
        a, b = numbers(v.prompt)
        total, carried = column_sum(a, b)
        assert v.answer.value == total and carried == 1 and total < 100


def test_three_numbers_to_100_carry_at_least_one_ten():
    for v in drawn("add_three_two_digit_numbers"):
        parts = numbers(v.prompt)
        total, carried = column_sum(*parts)
        assert len(parts) == 3 and v.answer.value == total <= 100 and carried >= 1


def test_jumps_of_ten_keep_the_ones_digit():
    for v in drawn("add_tens_by_jumps"):
        start, tens = numbers(v.prompt)
        assert tens % 10 == 0 and v.answer.value % 10 == start % 10
        assert v.answer.value == column_sum(start, tens)[0] <= 100


def side(latex: str) -> int:
    """The value of one side of a number sentence: numbers joined by + and -."""
    terms = re.findall(r"([+-]?)\s*(\d+)", latex.replace(" ", ""))
    return sum(-int(n) if sign == "-" else int(n) for sign, n in terms)


def test_true_or_false_matches_the_two_sides():
    for v in drawn("equal_sign_true_or_false"):
        left, right = v.prompt.split("$$")[1].split("=")
        assert v.answer.value == ("A" if side(left) == side(right) else "B")


def test_the_fitting_sentence_gives_the_story_answer_and_the_others_do_not():
    for v, w in zip(drawn("story_number_sentence"), drawn("add_or_subtract_story"), strict=True):
        assert v.params["text"] == w.params["text"]  # the same story for the same seed
        options = dict(re.findall(r"- \*\*([A-C])\.\*\* \$(.+?)\$", v.prompt))
        for key, sentence in options.items():
            left, right = sentence.split("=")
            # the box's value solves the sentence only for the right option
            box = w.answer.value
            fits = side(left.replace("\\square", str(box))) == side(
                right.replace("\\square", str(box))
            )
            assert fits == (key == v.answer.value), (sentence, box)


def test_the_hands_are_where_the_time_puts_them():
    for v in drawn("clock_hands_for_a_time"):
        hour, half, short = (v.params[k] for k in ("hour", "half", "short"))
        options = dict(re.findall(r"- \*\*([A-C])\.\*\* (.+)", v.prompt))
        place = options[v.answer.value]
        # the hands as positions in minutes round the face (12 at 0, 6 at 30)
        minute_hand = 30 if half else 0
        hour_hand = 5 * hour + (2.5 if half else 0)
        spot = hour_hand if short else minute_hand
        first = numbers(place)[0]
        named = 5 * first + (2.5 if "half-way" in place else 0)  # half-way on to the next
        assert named % 60 == spot % 60, (v.prompt, place)


def test_the_box_and_the_number_make_zero():
    for v in drawn("opposites_make_zero"):
        (n,) = numbers(v.prompt.split("$$")[1].replace("= 0", ""))
        assert n + v.answer.value == 0


def test_the_clock_hand_messages_do_not_say_where_the_hand_is():
    """After a wrong pick the message explains the slip; it must not name the right place
    (its number, "half-way", or the top or bottom of the clock)."""
    for v in drawn("clock_hands_for_a_time"):
        options = dict(re.findall(r"- \*\*([A-C])\.\*\* (.+)", v.prompt))
        place = options[v.answer.value]
        told = [str(n) for n in numbers(place)] + ["straight up", "bottom", "top"]
        if "half-way" in place:
            told.append("half-way")
        for code, message in v.answer.messages.items():
            words = re.findall(r"[\w-]+", message)
            for phrase in told:
                hit = phrase in message if " " in phrase else phrase in words
                assert not hit, (v.prompt, code, phrase)


def test_the_lost_ten_message_fits_ones_that_make_exactly_ten_or_two_tens():
    """The ones of three numbers can make exactly 10, or 20 and more: the message about the
    lost ten must be true of every variant (not "more than ten", not "the ten")."""
    seen = set()
    for v in drawn("add_three_two_digit_numbers"):
        ones = sum(n % 10 for n in numbers(v.prompt))
        seen.add("ten" if ones == 10 else "teens" if ones < 20 else "twenties")
        message = v.answer.messages["lost_the_carried_ten"]
        if ones == 10:
            assert "more than ten" not in message
        if ones >= 20:
            assert "the carried ten" not in message
    assert seen == {"ten", "teens", "twenties"}


def test_each_kind_of_story_comes_up_about_as_often():
    """Joining stories must not turn into comparing ones when their sum would pass 20: each
    of the five kinds is drawn for roughly a fifth of the variants."""
    for name in ("add_or_subtract_story", "story_number_sentence"):
        kinds = Counter(variant_for(name, seed).params["kind"] for seed in range(1000))
        assert len(kinds) == 5 and all(150 <= n <= 250 for n in kinds.values()), kinds
