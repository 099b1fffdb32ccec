"""Band 2's question families, each answer recomputed another way from the variant's params."""

from __future__ import annotations

import re
from fractions import Fraction
from itertools import combinations, product

import pytest

from practice import families
from practice.grader import answer_text, grade_answer
from practice.questions import variant_for
from tests.lessons.drawings import read_bar_graph, read_line_plot, read_ruler

families.load()
SEEDS = range(200)


def option_named(prompt: str, name: str) -> str:
    """The key the prompt's option list gives ``name``."""
    m = re.search(rf"^- \*\*([A-H])\*\*: {re.escape(name)}$", prompt, re.M)
    assert m, (name, prompt)
    return m.group(1)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_quadrilateral_is_named_by_its_properties(seed):
    v = variant_for("quadrilateral_best_name", seed)
    p = v.params
    sides = p["sides"]
    # The named properties are consistent with the side lengths stated.
    if p["parallel_pairs"] == 2:
        assert sides[0] == sides[2] and sides[1] == sides[3]
    if p["parallel_pairs"] == 1:
        name = "trapezoid"
    elif p["right_angles"] != 4:
        name = "parallelogram"
    else:
        name = "square" if min(sides) == max(sides) else "rectangle"
    assert v.answer.value == option_named(v.prompt, name)
    assert f"{p['right_angles']} of its corners" in v.prompt or p["right_angles"] == 0


def test_every_quadrilateral_and_the_right_trapezoid_are_asked():
    seen = {
        (v.params["kind"], v.params["right_angles"])
        for v in map(lambda s: variant_for("quadrilateral_best_name", s), SEEDS)
    }
    assert {k for k, _ in seen} == {"trapezoid", "parallelogram", "rectangle", "square"}
    assert ("trapezoid", 2) in seen and ("trapezoid", 0) in seen


@pytest.mark.parametrize("seed", SEEDS)
def test_sorting_counts_every_shape_that_passes_the_rules(seed):
    v = variant_for("quadrilateral_sort_count", seed)
    p = v.params
    # Each kind's properties: (parallel pairs, right angles).
    kinds = {
        "squares": (2, 4),
        "rectangles": (2, 4),
        "parallelograms": (2, 0),
        "trapezoids": (1, 0),
    }
    if p["asked"] == "rectangles":
        passes = [k for k, (pairs, right) in kinds.items() if pairs == 2 and right == 4]
    else:
        passes = [k for k, (pairs, _) in kinds.items() if pairs == 2]
    assert v.answer.value == sum(p[k] for k in passes)
    assert v.answer.alternatives["forgot_squares"] < v.answer.value


@pytest.mark.parametrize("seed", SEEDS)
def test_the_area_is_the_number_of_unit_squares(seed):
    v = variant_for("area_count_unit_squares", seed)
    rows, columns = v.params["rows"], v.params["columns"]
    cells = {(r, c) for r in range(rows) for c in range(columns)}
    assert v.answer.value == len(cells)
    # Going round the edge: the unit lengths of the border of the array.
    border = sum(
        1
        for r, c in cells
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))
        if (r + dr, c + dc) not in cells
    )
    assert v.answer.alternatives["went_around_the_edge"] == border


@pytest.mark.parametrize("seed", SEEDS)
def test_the_rectangle_with_more_unit_squares_covers_more(seed):
    v = variant_for("area_compare_rectangles", seed)
    (a, b), (c, d) = v.params["first"], v.params["second"]
    one = len([1 for _ in range(a) for _ in range(b)])
    two = len([1 for _ in range(c) for _ in range(d)])
    name = "the first" if one > two else "the second" if two > one else "they cover the same"
    assert v.answer.value == option_named(v.prompt, name)
    # Every variant is one where the distance around misleads.
    assert (2 * (a + b) == 2 * (c + d)) != (one == two)


@pytest.mark.parametrize("seed", SEEDS)
def test_what_is_left_is_counted_after_the_taking_away(seed):
    v = variant_for("zero_after_taking_away", seed)
    start, taken = v.params["start"], v.params["taken"]
    left = list(range(start))[taken:]
    assert v.answer.value == len(left)
    assert ("all of them" in v.prompt) == (len(left) == 0)


def test_most_take_away_stories_leave_zero():
    answers = [variant_for("zero_after_taking_away", s).answer.value for s in SEEDS]
    assert 0.5 < answers.count(0) / len(answers) < 0.9


@pytest.mark.parametrize("seed", SEEDS)
def test_the_empty_container_is_the_option_with_no_pictures(seed):
    v = variant_for("zero_which_is_empty", seed)
    lines = re.findall(r"^- \*\*([A-H])\*\*: (.*)$", v.prompt, re.M)
    symbols = {key: len(text.split()) if "nothing" not in text else 0 for key, text in lines}
    assert list(symbols.values()) == v.params["counts"]
    assert [k for k, n in symbols.items() if n == 0] == [v.answer.value]


@pytest.mark.parametrize("seed", SEEDS)
def test_hops_land_where_walking_the_line_does(seed):
    v = variant_for("number_line_hops", seed)
    p = v.params
    line = list(range(21))
    at = line.index(p["start"])
    for _ in range(p["hops"]):
        at += 1 if p["direction"] == "right" else -1
        assert 0 <= at < len(line)  # every hop stays on the line
    assert v.answer.value == line[at]


@pytest.mark.parametrize("seed", SEEDS)
def test_distance_is_the_number_of_hops_between(seed):
    v = variant_for("number_line_distance", seed)
    a, b = sorted((v.params["from"], v.params["to"]))
    marks = list(range(a, b + 1))
    assert v.answer.value == len(marks) - 1
    assert v.answer.alternatives["counted_the_marks"] == len(marks)


@pytest.mark.parametrize("name", ["bar_graph_read", "bar_graph_how_many_more"])
def test_bar_graphs_answer_what_the_drawing_shows(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        drawn = read_bar_graph(v.prompt)
        assert drawn == v.params["votes"]
        if name == "bar_graph_read":
            assert v.answer.value == drawn[v.params["asked"]]
        else:
            assert v.answer.value == drawn[v.params["more"]] - drawn[v.params["less"]] > 0


def test_some_bars_end_between_two_labels():
    asked = [variant_for("bar_graph_read", s) for s in SEEDS]
    assert any(v.answer.value % 2 for v in asked) and any(v.answer.value % 2 == 0 for v in asked)


@pytest.mark.parametrize(
    "name,place", [("round_to_nearest_ten", 10), ("round_to_nearest_hundred", 100)]
)
def test_rounding_picks_the_closer_multiple(name, place):
    twice = 0
    for seed in SEEDS:
        v = variant_for(name, seed)
        n = v.params["n"]
        multiples = [m for m in range(0, 1100, place)]
        best = min(multiples, key=lambda m: (abs(n - m), -m))  # a tie goes to the larger
        assert v.answer.value == best
        twice += "rounded_twice" in v.answer.alternatives
    if place == 100:
        assert twice > 40  # the two-step mistake is asked often


@pytest.mark.parametrize("seed", SEEDS)
def test_adding_or_taking_zero_is_computed_from_the_prompt(seed):
    v = variant_for("zero_add_or_take_away", seed)
    a, op, b = re.search(r"\$(\d+) ([+-]) (\d+)\$", v.prompt).groups()
    assert "0" in (a, b)
    assert v.answer.value == (int(a) + int(b) if op == "+" else int(a) - int(b)) == v.params["n"]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_missing_number_continues_the_count(seed):
    v = variant_for("zero_in_the_count", seed)
    items = re.search(r"missing\? (.*)\n", v.prompt).group(1).split(", ")
    gap = items.index("__")
    known = [(i, int(x)) for i, x in enumerate(items) if x != "__"]
    (i0, x0), (i1, x1) = known[0], known[1]
    step = (x1 - x0) // (i1 - i0)
    assert v.answer.value == x0 + step * (gap - i0)
    assert 0 in (v.answer.value, *[x for _, x in known])  # every count reaches zero


@pytest.mark.parametrize("seed", SEEDS)
def test_the_picture_holds_as_many_as_the_answer(seed):
    v = variant_for("count_up_to_five", seed)
    picture = re.search(r"```\n(.*?)```", v.prompt, re.S).group(1)
    assert sum(picture.count(symbol) for symbol in "●★🐞🌸") == v.answer.value <= 5


@pytest.mark.parametrize("seed", SEEDS)
def test_the_ring_has_as_many_as_different_things_touched(seed):
    v = variant_for("count_the_ring", seed)
    words = re.search(r'saying "([a-z, ]+)"', v.prompt).group(1).split(", ")
    said_again = re.search(r'again and says "([a-z]+)"', v.prompt)
    assert v.answer.value == len(words)  # one word per thing, the start not counted again
    assert (said_again is not None) == v.params["counted_again"]


@pytest.mark.parametrize("seed", SEEDS)
def test_leftovers_are_what_pairing_off_leaves(seed):
    v = variant_for("pair_up_leftovers", seed)
    a, b = list(range(v.params["first"])), list(range(v.params["second"]))
    while a and b:
        a.pop()
        b.pop()
    assert v.answer.value == len(a) + len(b) > 0


@pytest.mark.parametrize("seed", SEEDS)
def test_the_row_with_more_is_counted_not_measured(seed):
    v = variant_for("which_row_has_more", seed)
    top, bottom = re.search(r"```\n(.*)\n(.*)\n```", v.prompt).groups()
    t, b = len(top.split()), len(bottom.split())
    assert (t, b) == (v.params["top"], v.params["bottom"])
    name = "the top row" if t > b else "the bottom row" if b > t else "they have the same number"
    assert v.answer.value == option_named(v.prompt, name)
    # The row with fewer (or as many) is the one drawn longer.
    (long, n_long), (short, n_short) = sorted([(top, t), (bottom, b)], key=lambda r: -len(r[0]))
    assert len(long) > len(short) and n_long <= n_short


@pytest.mark.parametrize("seed", SEEDS)
def test_the_pile_holds_every_block_of_both_groups(seed):
    v = variant_for("combine_two_groups", seed)
    picture = re.search(r"```\n(.*?)```", v.prompt, re.S).group(1)
    assert v.answer.value == len(picture.split()) <= 5


@pytest.mark.parametrize("seed", SEEDS)
def test_the_hidden_group_and_the_seen_group_make_the_whole(seed):
    v = variant_for("missing_part_within_5", seed)
    whole, seen = v.params["whole"], v.params["seen"]
    assert [h for h in range(6) if h + seen == whole] == [v.answer.value]
    assert v.answer.value > 0 and whole <= 5


SIGN_OPTIONS = ["< (is less than)", "> (is greater than)", "= (is equal to)"]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_sign_makes_a_true_statement(seed):
    v = variant_for("compare_with_a_sign", seed)
    a, b = v.params["a"], v.params["b"]
    true = [s for s, holds in (("<", a < b), (">", a > b), ("=", a == b)) if holds]
    assert v.answer.value == option_named(
        v.prompt, next(o for o in SIGN_OPTIONS if o[0] == true[0])
    )


def test_the_ones_trap_is_set_often():
    trapped = [variant_for("compare_with_a_sign", s).answer.alternatives for s in SEEDS]
    assert sum("compared_the_ones" in t for t in trapped) > 50


@pytest.mark.parametrize("seed", SEEDS)
def test_greatest_and_least_by_sorting(seed):
    v = variant_for("greatest_or_least_of_three", seed)
    numbers = [int(n) for n in re.search(r"\? ([\d, ]+)\n", v.prompt).group(1).split(", ")]
    assert numbers == v.params["numbers"] and len(set(numbers)) == 3
    ordered = sorted(numbers)
    assert v.answer.value == (ordered[-1] if v.params["asked"] == "greatest" else ordered[0])


@pytest.mark.parametrize("seed", SEEDS)
def test_gaps_make_the_thing_longer_and_overlaps_shorter(seed):
    v = variant_for("gaps_and_overlaps", seed)
    count, how, units = v.params["count"], v.params["how"], v.params["units"]
    # Lay `count` units of length 1 with a gap (+1/2) or an overlap (-1/2) between each.
    between = {"left gaps": 0.5, "let some": -0.5}.get(" ".join(how.split()[:2]), 0.0)
    length = count + between * (count - 1)
    word = "longer than" if length > count else "shorter than" if length < count else "exactly"
    assert v.answer.value == option_named(v.prompt, f"{word} {count} {units}")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_length_in_either_unit(seed):
    v = variant_for("change_the_unit", seed)
    p = v.params
    length = p["per"] * p["count_big"]  # in the small unit
    asked_size = p["per"] if p["to_big"] else 1
    assert v.answer.value * asked_size == length
    given = int(re.search(r"is (\d+) ", v.prompt).group(1))
    assert given * (1 if p["to_big"] else p["per"]) == length


@pytest.mark.parametrize("seed", SEEDS)
def test_the_ruler_length_is_read_from_the_drawing(seed):
    v = variant_for("ruler_read_length", seed)
    start, end = read_ruler(v.prompt)
    assert (str(start), str(end)) == (v.params["start"], v.params["end"])
    assert v.answer.value == end - start > 0


def test_rulers_often_start_elsewhere_and_end_on_halves():
    variants = [variant_for("ruler_read_length", s) for s in SEEDS]
    assert sum(read_ruler(v.prompt)[0] != 0 for v in variants) > 100
    assert sum(v.answer.value.denominator == 2 for v in variants) > 30


@pytest.mark.parametrize("seed", SEEDS)
def test_a_reading_is_the_length_only_from_zero(seed):
    v = variant_for("ruler_line_up", seed)
    reading = v.params["reading"]
    start = {"the 0 mark": 0.0, "before the 0 mark": -0.3, "the 1 mark": 1.0}[
        next(k for k in ("before the 0 mark", "the 0 mark", "the 1 mark") if k in v.prompt)
    ]
    length = reading - start
    word = "exactly" if length == reading else "longer than" if length > reading else "shorter than"
    assert v.answer.value == option_named(v.prompt, f"{word} {reading} cm")


@pytest.mark.parametrize("seed", SEEDS)
def test_line_plot_counts_are_read_from_the_drawing(seed):
    v = variant_for("line_plot_how_many", seed)
    plot = read_line_plot(v.prompt)
    assert {str(k): n for k, n in plot.items()} == v.params["counts"]
    m = re.search(r"(longer|shorter) than ([\d ]+(?:1/2)?) inches", v.prompt)
    if m is None:
        assert v.answer.value == sum(plot.values())
    else:
        pivot = sum(Fraction(p) for p in m.group(2).split())
        keep = (lambda x: x > pivot) if m.group(1) == "longer" else (lambda x: x < pivot)
        assert v.answer.value == sum(n for x, n in plot.items() if keep(x))


@pytest.mark.parametrize("seed", [342, 579, 727, 921, 961])
def test_a_line_plot_with_two_measured_lengths_is_drawn_again(seed):
    # These seeds first draw a plot with X's only at its two ends, which leaves no length
    # between them to ask about; the variant must still come out, asking about a middle one.
    v = variant_for("line_plot_how_many", seed)
    measured = sorted(Fraction(k) for k, n in v.params["counts"].items() if n)
    assert len(measured) >= 3 and measured[0] < Fraction(v.params["pivot"]) < measured[-1]


@pytest.mark.parametrize("seed", SEEDS)
def test_line_plot_spread_and_mode_from_the_drawing(seed):
    v = variant_for("line_plot_spread_or_mode", seed)
    plot = read_line_plot(v.prompt)
    xs = [x for x, n in plot.items() if n]
    if v.params["asked"] == "mode":
        assert [x for x in xs if plot[x] == max(plot.values())] == [v.answer.value]
    else:
        assert v.answer.value == max(xs) - min(xs)
        assert min(plot) < min(xs) and max(plot) > max(xs)  # the line runs past the data


@pytest.mark.parametrize("seed", SEEDS)
def test_the_scale_is_the_one_that_fits_the_look(seed):
    v = variant_for("protractor_choose_the_scale", seed)
    a, b = (int(x) for x in re.search(r"read (\d+) and (\d+)", v.prompt).groups())
    assert a + b == 180
    acute = "narrower than a square corner" in v.prompt
    assert v.answer.value == (min(a, b) if acute else max(a, b))
    assert v.answer.value != 90 and (v.answer.value < 90) == acute


@pytest.mark.parametrize("seed", SEEDS)
def test_an_angle_between_two_readings(seed):
    v = variant_for("protractor_neither_ray_at_zero", seed)
    first, second = (int(x) for x in re.findall(r"at (\d+)°", v.prompt))
    assert v.answer.value == second - first > 0 and second <= 180


@pytest.mark.parametrize("seed", SEEDS)
def test_a_scale_reading_counts_equal_steps_between_labels(seed):
    v = variant_for("read_a_measuring_scale", seed)
    labels = [int(x) for x in re.findall(r"\d+", v.prompt.split(" with ")[0])]
    gap = labels[1] - labels[0]
    small = 1 if "one small mark" in v.prompt else int(re.search(r"with (\d) small", v.prompt)[1])
    nth = ["first", "second", "third", "fourth"].index(
        re.search(r"the (\w+) small mark", v.prompt)[1]
    )
    label = int(re.search(r"small mark above (\d+)", v.prompt)[1])
    assert v.answer.value == label + Fraction(gap, small + 1) * (nth + 1)
    assert label + gap > v.answer.value > label  # between two labels


@pytest.mark.parametrize("seed", SEEDS)
def test_the_unit_is_of_the_kind_the_question_measures(seed):
    v = variant_for("choose_mass_or_volume_unit", seed)
    heavy = "the mass of" in v.prompt
    names = {"grams", "kilograms"} if heavy else {"millilitres", "litres"}
    assert any(v.answer.value == option_named(v.prompt, n) for n in names)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_empty_spaces_make_ten_with_the_counters(seed):
    v = variant_for("ten_frame_how_many_more", seed)
    frame = re.search(r"```\n(.*?)```", v.prompt, re.S).group(1)
    assert frame.count("●") + frame.count("○") == 10
    assert v.answer.value == frame.count("○")


@pytest.mark.parametrize("seed", SEEDS)
def test_making_a_ten_gives_the_sum(seed):
    v = variant_for("make_a_ten_to_add", seed)
    a, b = v.params["a"], v.params["b"]
    frame = ["●"] * a + ["○"] * (10 - a)
    left = b
    while "○" in frame:  # fill the frame from the second number
        frame[frame.index("○")] = "●"
        left -= 1
    assert left > 0 and v.answer.value == len(frame) + left


@pytest.mark.parametrize("seed", SEEDS)
def test_shares_are_named_by_the_number_of_equal_pieces(seed):
    v = variant_for("name_the_equal_shares", seed)
    cuts = int(re.search(r"with (\d+) straight cut", v.prompt).group(1))
    bar = "|".join(["    "] * (cuts + 1))  # cut the bar into equal pieces
    pieces = len(bar.split("|"))
    name = {2: "halves", 3: "thirds", 4: "fourths"}[pieces]
    if "big piece and a small piece" in v.prompt:
        name = "they are not equal shares"
    assert v.answer.value == option_named(v.prompt, name)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_bigger_share_is_the_bigger_fraction(seed):
    v = variant_for("which_share_is_bigger", seed)
    a, b = v.params["first"], v.params["second"]
    names = {2: "one half", 3: "one third", 4: "one fourth"}
    bigger = a if Fraction(1, a) > Fraction(1, b) else b
    assert v.answer.value == option_named(v.prompt, names[bigger])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_set_has_as_many_elements_as_distinct_members(seed):
    v = variant_for("set_cardinality", seed)
    p = v.params
    if "listed" in p:
        listed = [int(x) for x in re.search(r"S = \\\{([\d, ]+)\\\}", v.prompt)[1].split(", ")]
        assert listed == p["listed"] and v.answer.value == len(set(listed)) < len(listed)
    else:
        low, high, k = p["low"], p["high"], p["k"]
        assert f"{low} \\le x \\le {high}" in v.prompt
        assert v.answer.value == sum(1 for x in range(low, high + 1) if x % k == 0)


@pytest.mark.parametrize("seed", range(20))
def test_the_subsets_listed_one_by_one(seed):
    v = variant_for("count_the_subsets", seed)
    elements = v.params["elements"]
    every = {frozenset(c) for k in range(len(elements) + 1) for c in combinations(elements, k)}
    assert v.answer.value == len(every)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_survey_counted_person_by_person(seed):
    v = variant_for("two_groups_survey", seed)
    p = v.params
    # Build the group: who is in each club, then count the asked region.
    people = list(range(p["size"]))
    first = set(people[: p["a"]])
    second = set(people[p["a"] - p["both"] : p["a"] - p["both"] + p["b"]])
    assert len(first & second) == p["both"] and len(second) == p["b"]
    region = [first | second, set(people) - (first | second), first - second][p["ask"]]
    assert v.answer.value == len(region)


@pytest.mark.parametrize("seed", SEEDS)
def test_set_operations_on_the_multiples(seed):
    v = variant_for("union_intersection_complement", seed)
    n, p, q = (
        int(x)
        for x in re.search(r"ldots, (\d+).*multiples of (\d).*multiples of (\d)", v.prompt).groups()
    )
    u = set(range(1, n + 1))
    a, b = {x for x in u if x % p == 0}, {x for x in u if x % q == 0}
    sizes = {"cup": len(a | b), "cap": len(a & b), "A^c": len(u - a)}
    asked = next(k for k in sizes if k in v.prompt.split("What is")[1])
    assert v.answer.value == sizes[asked]


@pytest.mark.parametrize("seed", SEEDS)
def test_two_dice_events_counted_over_the_36_pairs(seed):
    v = variant_for("two_dice_event_size", seed)
    words = re.search(r'event "(.*)"', v.prompt).group(1)
    n = int(words.split()[-1])
    test = {
        "the sum is at least": lambda a, b: a + b >= n,
        "the sum is": lambda a, b: a + b == n,
        "the two numbers differ by": lambda a, b: abs(a - b) == n,
    }[
        next(
            k
            for k in ("the sum is at least", "the sum is", "the two numbers differ by")
            if words.startswith(k)
        )
    ]
    pairs = [(a, b) for a in range(1, 7) for b in range(1, 7)]
    assert v.answer.value == sum(test(a, b) for a, b in pairs)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_sample_space_listed_in_full(seed):
    v = variant_for("sample_space_size", seed)
    outcomes = list(product(*(range(n) for n in v.params["counts"])))
    assert v.answer.value == len(outcomes) == len(set(outcomes))


@pytest.mark.parametrize("name", ["dice_pattern_how_many", "domino_total"])
def test_the_dots_drawn_are_the_answer(name):
    for seed in SEEDS:
        v = variant_for(name, seed)
        picture = re.search(r"```\n(.*?)```", v.prompt, re.S).group(1)
        assert picture.count("●") == v.answer.value
        if name == "domino_total":
            halves = [line.split(" | ") for line in picture.splitlines()]
            left = "".join(h[0] for h in halves).count("●")
            assert left == v.params["left"] and v.answer.value - left == v.params["right"]


@pytest.mark.parametrize("name", ["ruler_read_length", "line_plot_spread_or_mode"])
def test_half_lengths_are_shown_and_accepted_as_a_child_writes_them(name):
    halves = [
        v for v in map(lambda s: variant_for(name, s), SEEDS) if v.answer.value.denominator == 2
    ]
    assert halves
    for v in halves:
        whole = v.answer.value.numerator // 2
        assert answer_text(v.answer) == f"{whole} 1/2"
        assert grade_answer(f"{whole} 1/2", v.answer).correct
        assert grade_answer(f"{v.answer.value.numerator}/2", v.answer).diagnosis == "not_mixed"
