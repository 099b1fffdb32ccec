"""Band 1's families, checked a second way: the answer recounted from what the student sees."""

from __future__ import annotations

import json
import re
from fractions import Fraction
from itertools import combinations
from pathlib import Path

import pytest

from practice import families
from practice.families.band1 import NAMES, PICTURES
from practice.parser import evaluate
from practice.questions import variant_for

families.load()
SEEDS = range(100)
ROOT = Path(__file__).resolve().parents[2]


def pictures_in(prompt: str) -> int:
    return sum(prompt.count(p) for p in PICTURES)


@pytest.mark.parametrize("name", ["count_objects_to_10", "count_objects_to_20"])
def test_the_answer_is_the_number_of_pictures_shown(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        assert pictures_in(v.prompt) == v.answer.value, v.prompt


def test_the_number_after_or_before_is_the_neighbour_in_the_counting_words():
    for seed in SEEDS:
        v = variant_for("number_after_to_10", seed)
        word, n = re.search(r"\*\*(after|before)\*\* (\d+)\?", v.prompt).groups()
        counting = NAMES[1:11]
        at = counting.index(NAMES[int(n)])
        neighbour = counting[at + 1] if word == "after" else counting[at - 1]
        assert NAMES.index(neighbour) == v.answer.value


def test_a_teen_number_is_the_number_its_name_says():
    for seed in SEEDS:
        v = variant_for("teen_number_from_its_name", seed)
        word = re.search(r"\*\*(\w+)\*\*", v.prompt).group(1)
        assert NAMES.index(word) == v.answer.value


def test_counting_on_says_one_number_per_new_thing():
    for seed in SEEDS:
        v = variant_for("count_on_to_add", seed)
        start, more = v.params["start"], v.params["more"]
        said = list(range(start + 1, start + more + 1))
        assert len(said) == more and said[-1] == v.answer.value
        v = variant_for("count_on_how_many_steps", seed)
        said = list(range(v.params["start"] + 1, v.params["end"] + 1))
        assert len(said) == v.answer.value


def test_rolling_over_finds_the_neighbour_in_the_count_to_100():
    count = list(range(1, 101))
    for seed in SEEDS:
        v = variant_for("next_ten_rollover", seed)
        word, n = re.search(r"\*\*(after|before)\*\* (\d+)\?", v.prompt).groups()
        at = count.index(int(n))
        assert count[at + 1 if word == "after" else at - 1] == v.answer.value
        assert v.answer.value // 10 != int(n) // 10, "every step crosses into another ten"


@pytest.mark.parametrize("name", ["count_by_tens_next", "skip_count_next"])
def test_a_count_continues_the_jumps_shown(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        counting, numbers = v.prompt.split("__")[0].split(":")
        shown = [int(x) for x in re.findall(r"\d+", numbers)]
        jump = shown[1] - shown[0]
        assert jump == {"tens": 10}.get(counting.split()[-1], v.params["step"])
        assert f"by {jump}s" in counting or counting == "Count by tens"
        assert shown[2] - shown[1] == jump
        assert v.answer.value == (shown[-1] + jump, shown[-1] + 2 * jump)


def test_skip_counting_groups_adds_one_group_per_jump():
    for seed in SEEDS:
        v = variant_for("skip_count_groups", seed)
        groups = int(re.search(r"There are (\d+)", v.prompt).group(1))
        step = int(re.search(r"by (\d+)s", v.prompt).group(1))
        total = 0
        for _ in range(groups):
            total += step
        assert total == v.answer.value


CORNERS = {"circle": 0, "triangle": 3, "square": 4, "rectangle": 4, "hexagon": 6}


def test_the_sides_of_a_picture_are_counted_from_its_description():
    for seed in SEEDS:
        v = variant_for("sides_in_a_picture", seed)
        listed = re.findall(r"(\d+) (circle|triangle|square|rectangle|hexagon)", v.prompt)
        assert sum(int(k) * CORNERS[shape] for k, shape in listed) == v.answer.value


def test_the_named_shape_is_the_only_option_that_fits_the_description():
    for seed in SEEDS:
        v = variant_for("name_the_shape", seed)
        options = dict(re.findall(r"\*\*([A-D])\.\*\* (\w+)", v.prompt))
        numbers = [int(x) for x in re.findall(r"(\d+) straight sides", v.prompt)]
        sides = numbers[0] if numbers else 0
        equal = "same length" in v.prompt
        fits = [
            key
            for key, shape in options.items()
            if CORNERS[shape] == sides and (shape != "square" or equal)
        ]
        assert fits == [v.answer.value], (v.prompt, fits)


def test_the_segments_are_every_pair_of_points_listed():
    for seed in SEEDS:
        v = variant_for("segments_between_points", seed)
        points = re.search(r"points ([A-Z, and]+) lie", v.prompt).group(1)
        names = re.findall(r"[A-Z]", points)
        assert len(list(combinations(names, 2))) == v.answer.value


def groups_drawn(text: str) -> list[int]:
    """How many pictures are in each bracket of ``text``."""
    return [len(group.split()) for group in re.findall(r"\(([^)]*)\)", text)]


def test_groups_size_and_total_are_read_from_the_picture():
    for seed in SEEDS:
        v = variant_for("equal_groups_in_a_picture", seed)
        sizes = groups_drawn(v.prompt)
        assert len(set(sizes)) == 1
        assert v.answer.value == (len(sizes), sizes[0], sum(sizes))


def test_only_the_right_picture_has_that_many_equal_groups_of_that_size():
    for seed in SEEDS:
        v = variant_for("which_picture_shows_equal_groups", seed)
        groups, size = (int(x) for x in re.search(r"(\d+) groups of (\d+)", v.prompt).groups())
        options = dict(re.findall(r"\*\*([A-C])\.\*\* (.+)", v.prompt))
        fits = [k for k, drawn in options.items() if groups_drawn(drawn) == [size] * groups]
        assert fits == [v.answer.value]


def test_an_array_s_total_is_every_picture_drawn():
    for seed in SEEDS:
        v = variant_for("array_total", seed)
        lines = [line for line in v.prompt.splitlines() if pictures_in(line)]
        assert len({pictures_in(line) for line in lines}) == 1, "every row is full"
        assert pictures_in(v.prompt) == v.answer.value


def test_a_turned_array_is_the_grid_transposed():
    for seed in SEEDS:
        v = variant_for("array_turned", seed)
        rows, columns = (int(x) for x in re.search(r"(\d+) rows with (\d+)", v.prompt).groups())
        grid = [[1] * columns for _ in range(rows)]
        turned = [list(col) for col in zip(*grid, strict=True)]
        assert v.answer.value == (len(turned), len(turned[0]), sum(map(sum, turned)))


def value_of(latex: str) -> int:
    """The value of a small LaTeX sum or product such as ``7 \\times 4``."""
    return evaluate(latex.replace("\\times", "*").replace("$", ""))


def balances(sentence: str, box: int) -> bool:
    """Whether ``sentence`` (``a = b`` with a ``\\square``) holds with ``box`` in the box."""
    left, right = sentence.replace("\\square", str(box)).split("=")
    return value_of(left) == value_of(right)


def test_the_box_makes_both_sides_of_the_swap_equal():
    for seed in SEEDS:
        v = variant_for("times_swap_missing_factor", seed)
        sentence = re.search(r"\$(.+?)\$", v.prompt).group(1)
        assert balances(sentence, v.answer.value)
        for code, wrong in v.answer.alternatives.items():
            assert not balances(sentence, wrong), code


def test_only_the_swapped_factors_give_the_same_product():
    for seed in SEEDS:
        v = variant_for("same_product_as", seed)
        asked = value_of(re.search(r"as \$(.+?)\$", v.prompt).group(1))
        options = dict(re.findall(r"\*\*([A-D])\.\*\* (\$.+?\$)", v.prompt))
        assert [k for k, o in options.items() if value_of(o) == asked] == [v.answer.value]


LOOKS = {
    "🔴": ("red", "circle"),
    "🔵": ("blue", "circle"),
    "🟢": ("green", "circle"),
    "🟥": ("red", "square"),
    "🟦": ("blue", "square"),
    "🟩": ("green", "square"),
}


def test_a_sorted_group_is_counted_from_the_row_shown():
    for seed in SEEDS:
        v = variant_for("sort_and_count", seed)
        rule, wanted = re.search(
            r"by (colour|shape)\. How many are \*\*(\w+?)s?\*\*", v.prompt
        ).groups()
        at = 0 if rule == "colour" else 1
        shown = [c for c in v.prompt.split() if c in LOOKS]
        assert sum(1 for c in shown if LOOKS[c][at] == wanted) == v.answer.value


def test_the_sorting_rule_is_the_one_every_group_shares():
    for seed in SEEDS:
        v = variant_for("which_sorting_rule", seed)
        groups = [line.split(":")[1].split() for line in v.prompt.splitlines() if "Group" in line]
        options = dict(re.findall(r"\*\*([A-C])\.\*\* by (\w+)", v.prompt))
        fits = [
            key
            for key, rule in options.items()
            if rule in ("colour", "shape")
            and all(len({LOOKS[c][rule == "shape"] for c in g}) == 1 for g in groups)
        ]
        assert fits == [v.answer.value]


WORTH = {"quarter": 25, "dime": 10, "nickel": 5, "penny": 1}
WORTH |= {"quarters": 25, "dimes": 10, "nickels": 5, "pennies": 1}


def cents(text: str) -> int:
    return sum(int(k) * WORTH[coin] for k, coin in re.findall(r"(\d+) (\w+)", text))


def test_coins_are_worth_their_values_added():
    for seed in SEEDS:
        v = variant_for("count_coins_value", seed)
        assert cents(v.prompt.split(" worth")[0]) == v.answer.value


def test_the_richest_handful_is_found_by_value_not_by_coins():
    for seed in SEEDS:
        v = variant_for("which_coins_are_worth_more", seed)
        options = dict(re.findall(r"\*\*([A-C])\.\*\* (.+)", v.prompt))
        worth = {k: cents(o) for k, o in options.items()}
        assert max(worth, key=worth.get) == v.answer.value
        coins = {k: sum(int(n) for n in re.findall(r"\d+", o)) for k, o in options.items()}
        assert max(coins, key=coins.get) != v.answer.value


def marks(text: str) -> int:
    """Tally marks counted one stroke at a time: a gate is four upright and one across."""
    gate = "<s>||||</s>"
    return 5 * text.count(gate) + text.replace(gate, "").count("|")


def test_a_tally_shows_every_stroke_counted():
    for seed in SEEDS:
        v = variant_for("read_tally", seed)
        assert marks(v.prompt) == v.answer.value


def test_how_many_more_is_the_difference_of_two_rows_read_stroke_by_stroke():
    for seed in SEEDS:
        v = variant_for("tally_chart_how_many_more", seed)
        rows = dict(re.findall(r"^- (.+?): (.+)$", v.prompt, re.M))
        big, small = re.findall(r"\*\*(.+?)\*\*", v.prompt)
        assert marks(rows[big]) - marks(rows[small]) == v.answer.value > 0


def graph_rows(prompt: str) -> dict[str, int]:
    """What each row of a picture graph stands for, read with its key."""
    symbol, each = re.search(r"Key: (\S+) = (\d+)", prompt).groups()
    rows = re.findall(r"^- (.+?): (.+)$", prompt, re.M)
    return {name: drawn.split().count(symbol) * int(each) for name, drawn in rows}


def test_a_picture_graph_row_is_its_pictures_times_the_key():
    for seed in SEEDS:
        v = variant_for("read_picture_graph", seed)
        (asked,) = re.findall(r"\*\*(.+?)\*\*", v.prompt)
        assert graph_rows(v.prompt)[asked] == v.answer.value


def test_how_many_more_in_a_picture_graph_uses_the_key_on_both_rows():
    for seed in SEEDS:
        v = variant_for("picture_graph_how_many_more", seed)
        big, small = re.findall(r"\*\*(.+?)\*\*", v.prompt)
        rows = graph_rows(v.prompt)
        assert rows[big] - rows[small] == v.answer.value > 0


def test_ten_frames_show_every_counter_drawn():
    for seed in SEEDS:
        v = variant_for("ten_frame_count", seed)
        frames = v.prompt.split("\n\n", 1)[1]
        cells = [c for c in frames.split() if c in ("🔴", "⚪")]
        assert len(cells) == 20, "two frames of ten"
        assert cells.count("🔴") == v.answer.value


def test_a_teen_number_splits_into_its_digits():
    for seed in SEEDS:
        v = variant_for("teen_tens_and_ones", seed)
        n = int(re.search(r"\*\*(\d+)\*\*", v.prompt).group(1))
        assert v.answer.value == divmod(n, 10) and 10 < n < 20


def test_bundles_and_sticks_count_every_stick():
    for seed in SEEDS:
        v = variant_for("bundles_and_sticks", seed)
        bundles, loose = (int(x) for x in re.findall(r"\d+", v.prompt))
        sticks = [1] * loose + [1] * sum([10] * bundles)
        assert len(sticks) == v.answer.value


def test_a_digit_is_worth_its_place():
    for seed in SEEDS:
        v = variant_for("digit_value_to_100", seed)
        digit, number = re.findall(r"\*\*(\d+)\*\*", v.prompt)
        places = number[::-1].index(digit)
        assert int(digit) * 10**places == v.answer.value


def test_dollars_become_cents_a_hundred_each():
    for seed in SEEDS:
        v = variant_for("dollars_to_cents", seed)
        dollars, cents = re.search(r"\\mathdollar (\d+)\.(\d\d)\$", v.prompt).groups()
        assert int(dollars) * 100 + int(cents) == v.answer.value


def test_cents_written_in_dollars_read_back_as_the_same_cents():
    for seed in SEEDS:
        v = variant_for("cents_to_dollars", seed)
        cents = int(re.search(r"Write (\d+) cents", v.prompt).group(1))
        written = f"{v.answer.value.numerator * 100 // v.answer.value.denominator}"
        assert int(written) == cents and v.answer.value * 100 == cents


def test_blocks_are_counted_by_their_values():
    size = {"flat": 100, "rod": 10, "small cube": 1}
    for seed in SEEDS:
        v = variant_for("blocks_to_number", seed)
        found = re.findall(r"(\d+|no) (flat|rod|small cube)s?\b", v.prompt)
        assert len(found) == 3
        total = sum(0 if k == "no" else int(k) * size[kind] for k, kind in found)
        assert total == v.answer.value


def test_ten_or_a_hundred_more_is_counted_on_in_tens():
    for seed in SEEDS:
        v = variant_for("ten_or_hundred_more", seed)
        step, word, n = re.search(r"\*\*(\d+) (more|less)\*\* than (\d+)", v.prompt).groups()
        tens = int(step) // 10 * (1 if word == "more" else -1)
        value = int(n)
        for _ in range(abs(tens)):
            value += 10 if tens > 0 else -10
        assert value == v.answer.value


def test_an_expanded_form_adds_up_to_the_answer():
    for seed in SEEDS:
        v = variant_for("expanded_to_number", seed)
        assert value_of(re.search(r"\$(.+?)\$", v.prompt).group(1)) == v.answer.value


def test_the_missing_part_completes_the_expanded_form():
    for seed in SEEDS:
        v = variant_for("expanded_form_missing_part", seed)
        sentence = re.search(r"\$(.+?)\$", v.prompt).group(1)
        assert balances(sentence, v.answer.value)
        assert not balances(sentence, v.answer.alternatives["digit_not_value"])


def test_the_clock_angle_is_the_smaller_opening_between_the_hands():
    for seed in SEEDS:
        v = variant_for("clock_hands_angle", seed)
        hour = int(re.search(r"At (\d+) o'clock", v.prompt).group(1))
        hour_hand = hour / 12 * 360  # the minute hand points at 12, at 0 degrees
        assert min(hour_hand, 360 - hour_hand) == v.answer.value


def test_the_bigger_angle_is_the_bigger_turn_whatever_the_arms():
    for seed in SEEDS:
        v = variant_for("compare_angles_not_arms", seed)
        p, q = (int(x) for x in re.findall(r"turn of (\d+) degrees", v.prompt))
        options = dict(re.findall(r"\*\*([A-C])\.\*\* (.+)", v.prompt))
        right = "they are the same size" if p == q else ("angle P" if p > q else "angle Q")
        assert options[v.answer.value] == right


def kind_of(degrees: int) -> str:
    """Acute, right, obtuse or straight, by comparing with 90 and 180 degrees."""
    return ["acute", "right", "obtuse", "straight"][
        (degrees >= 90) + (degrees > 90) + (degrees >= 180)
    ]


def test_an_angle_is_named_by_comparing_it_with_90_and_180_degrees():
    for seed in SEEDS:
        v = variant_for("classify_angle", seed)
        degrees = int(re.search(r"\$(\d+)\^\\circ\$", v.prompt).group(1))
        options = dict(re.findall(r"\*\*([A-D])\.\*\* (\w+)", v.prompt))
        assert options[v.answer.value] == kind_of(degrees)


def test_the_count_of_acute_or_obtuse_angles_is_read_from_the_list():
    for seed in SEEDS:
        v = variant_for("count_acute_or_obtuse", seed)
        sizes = [int(d) for d in re.findall(r"\$(\d+)\^\\circ\$", v.prompt)]
        asked = re.search(r"\*\*(acute|obtuse)\*\*", v.prompt).group(1)
        assert sum(kind_of(d) == asked for d in sizes) == v.answer.value


CORNERS_OF = {
    "square": [(0, 0), (2, 0), (2, 2), (0, 2)],
    "rectangle": [(0, 0), (5, 0), (5, 2), (0, 2)],
    "parallelogram with no square corners": [(0, 0), (4, 0), (5, 2), (1, 2)],
    "rhombus with no square corners": [(0, 0), (5, 0), (8, 4), (3, 4)],
    "trapezoid with no square corners": [(0, 0), (6, 0), (4, 2), (1, 2)],
    "right-angled triangle": [(0, 0), (4, 0), (0, 3)],
}


def sides_of(corners):
    return [
        (x2 - x1, y2 - y1)
        for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1], strict=True)
    ]


def test_parallel_sides_and_right_angles_are_found_from_coordinates():
    for seed in SEEDS:
        v = variant_for("parallel_sides_and_right_angles", seed)
        shape = re.search(r"\*\*(.+?)\*\*", v.prompt).group(1)
        if shape not in CORNERS_OF:
            continue  # the regular hexagon has no whole-number corners
        sides = sides_of(CORNERS_OF[shape])
        if "pairs of parallel sides" in v.prompt:
            pairs = combinations(sides, 2)
            assert sum(a * d == b * c for (a, b), (c, d) in pairs) == v.answer.value
        else:
            turns = zip(sides, sides[1:] + sides[:1], strict=True)
            assert sum(a * c + b * d == 0 for (a, b), (c, d) in turns) == v.answer.value


BAND1 = sorted(
    {t["generator"] for t in json.loads((ROOT / "fixtures/questions/band1.json").read_text())}
)
# Phrases that tell a student how far off the answer is, which gives the answer away.
GIVES_IT_AWAY = (
    "one too many",
    "one too few",
    "one short",
    "one jump too",
    "stopped one jump",
    "swap the two numbers",
    "is ten more",
    "a straight line, has",
    "each segment twice",
)


@pytest.mark.parametrize("name", BAND1)
def test_no_message_says_how_far_off_the_answer_is(name):
    for seed in range(50):
        for message in variant_for(name, seed).answer.messages.values():
            assert not [p for p in GIVES_IT_AWAY if p in message.lower()], (name, message)


def test_a_tally_s_solution_names_its_gates_and_strokes_in_good_english():
    for seed in SEEDS:
        solution = variant_for("read_tally", seed).solution
        assert not re.search(r"\b1 (gates|strokes)\b|\b0 strokes?\b", solution), solution
        assert not re.search(r"\bis \d+ gates|\bare 1 gate\b", solution), solution


def test_a_digit_s_messages_do_not_say_what_it_is_worth():
    for seed in SEEDS:
        v = variant_for("digit_value_to_100", seed)
        for message in v.answer.messages.values():
            assert str(v.params["digit"]) not in message, message
            assert "one each" not in message, message


def test_cents_in_dollars_never_has_the_prompt_s_example_as_its_answer():
    for seed in range(300):
        v = variant_for("cents_to_dollars", seed)
        example = re.search(r"such as (\d+\.\d+)", v.prompt).group(1)
        assert Fraction(example) != v.answer.value, (seed, v.prompt)
        assert not re.search(r"\b1 (whole dollars|cents)\b", v.solution), v.solution


def test_ten_or_a_hundred_more_changes_one_digit_by_one_as_the_solution_says():
    for seed in range(300):
        v = variant_for("ten_or_hundred_more", seed)
        before, after = f"{v.params['n']:04d}", f"{v.answer.value:04d}"
        changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
        assert len(changed) == 1 and abs(int(changed[0][0]) - int(changed[0][1])) == 1, v.prompt


def test_blocks_are_named_one_flat_one_rod_one_cube():
    for seed in range(300):
        prompt = variant_for("blocks_to_number", seed).prompt
        assert not re.search(r"\b1 (flats|rods|small cubes)\b", prompt), prompt


def test_one_acute_or_obtuse_angle_is_named_in_the_singular():
    for seed in SEEDS:
        v = variant_for("count_acute_or_obtuse", seed)
        assert ("angles are" in v.solution) == (v.answer.value > 1), v.solution


def test_one_right_angle_or_one_pair_of_parallel_sides_is_said_in_the_singular():
    for seed in range(200):
        solution = variant_for("parallel_sides_and_right_angles", seed).solution
        assert not re.search(r"\b1 (right angles|pairs)\b", solution), solution


def test_a_sorted_group_of_one_is_counted_in_the_singular():
    for seed in range(400):
        solution = variant_for("sort_and_count", seed).solution
        assert "There are 1." not in solution, solution


@pytest.mark.parametrize(
    "name",
    [
        "ten_frame_count",
        "bundles_and_sticks",
        "digit_value_to_100",
        "dollars_to_cents",
        "clock_hands_angle",
    ],
)
def test_one_of_a_thing_is_said_in_the_singular(name):
    for seed in range(400):
        solution = variant_for(name, seed).solution
        assert not re.search(r"(?<![\d.$])1 (ones|tens|dollars|cents|steps)\b", solution), solution


def test_the_list_of_angles_holds_exactly_one_right_angle():
    for seed in range(300):
        v = variant_for("count_acute_or_obtuse", seed)
        assert v.params["sizes"].count(90) == 1, v.prompt


def test_a_tally_row_of_one_gate_is_not_written_as_a_sum_of_itself():
    for seed in range(300):
        solution = variant_for("tally_chart_how_many_more", seed).solution
        assert not re.search(r"\$(\d+) = \1\$", solution), solution
