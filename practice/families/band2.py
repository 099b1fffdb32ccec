"""Question families of band 2: KL plan positions 22 to 43, from classifying
quadrilaterals to sample spaces (elementary to high school).

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; the contract is in :mod:`practice.families`.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import numpy as np

from practice.families import and_list, draw, exact_variant, family, integer_variant, plural
from practice.grader import Expected
from practice.questions import Variant

KEYS = "ABCDEFGH"


def _options(names: list[str]) -> tuple[str, dict[str, str]]:
    """The options as a Markdown list with keys A, B, ..., and name → key."""
    keys = {name: KEYS[i] for i, name in enumerate(names)}
    lines = "\n".join(f"- **{keys[n]}**: {n}" for n in names)
    ask = ", ".join(KEYS[: len(names) - 1]) + f" or {KEYS[len(names) - 1]}"
    return f"{lines}\n\nAnswer {ask}.", keys


def _choice(
    prompt: str,
    params: dict,
    solution: str,
    keys: dict[str, str],
    right: str,
    mistakes: dict[str, tuple[str, str]],
) -> Variant:
    """A choice variant: ``mistakes`` maps a code to (the option it picks, its message)."""
    return Variant(
        prompt=prompt,
        params=params,
        expected=0.0,
        solution=solution,
        answer=Expected(
            keys[right],
            kind="choice",
            options=tuple(keys.values()),
            alternatives={code: keys[name] for code, (name, _) in mistakes.items()},
            messages={code: message for code, (_, message) in mistakes.items()},
        ),
    )


def _whole(
    prompt: str,
    params: dict,
    solution: str,
    value: int | Fraction,
    mistakes: dict[str, tuple[int | Fraction, str]],
    *,
    kind: str = "integer",
    unit: str | None = None,
    form: str = "",
) -> Variant:
    """A whole-number variant (or, with ``kind="exact"``, a Fraction one, written in
    ``form``), in ``unit`` if it has one: ``mistakes`` maps a code to (the value it gives,
    its message)."""
    if kind == "integer":
        return integer_variant(
            prompt=prompt,
            params=params,
            value=value,
            solution=solution,
            mistakes=mistakes,
            unit=unit,
        )
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit=unit,
        form=form,
    )


# ------------------------------------------------------------ classifying quadrilaterals

QUADRILATERALS = ["trapezoid", "parallelogram", "rectangle", "square"]


@family("quadrilateral_best_name")
def quadrilateral_best_name(rng: np.random.Generator) -> Variant:
    """The most exact name of a quadrilateral described by its sides and corners."""
    kind = QUADRILATERALS[draw(rng, 0, 3)]
    a = draw(rng, 2, 12)
    b = a + draw(rng, 1, 6) * (1 if rng.random() < 0.5 else -1)
    b = b if b > 0 else a + 2
    if kind == "trapezoid":
        sides = [a, draw(rng, 2, 9), b, draw(rng, 2, 9)]
        pairs, right = 1, 2 * draw(rng, 0, 1)  # a right trapezoid has two right angles
    elif kind == "square":
        sides, pairs, right = [a, a, a, a], 2, 4
    else:
        sides, pairs, right = [a, b, a, b], 2, 4 if kind == "rectangle" else 0
    listed = and_list([f"{s} cm" for s in sides])
    parallel = "exactly one pair of parallel sides" if pairs == 1 else "two pairs of parallel sides"
    corners = (
        "none of its corners is a right angle"
        if right == 0
        else (f"{right} of its corners are right angles")
    )
    options, keys = _options(QUADRILATERALS)
    prompt = (
        f"A quadrilateral has sides of {listed}, in order around the shape. It has "
        f"{parallel}, and {corners}. What is its most exact name?\n\n{options}"
    )
    steps = []
    if pairs == 1:
        steps.append(
            "It has only one pair of parallel sides, so it is a trapezoid, not a parallelogram."
        )
        if right:
            steps.append(
                f"Its {right} right angles do not make it a rectangle: a rectangle "
                "needs two pairs of parallel sides and 4 right angles."
            )
    else:
        steps.append("It has two pairs of parallel sides, so it is a parallelogram.")
        if right == 0:
            steps.append("Its corners are not right angles, so it is not a rectangle.")
        else:
            steps.append("All 4 corners are right angles, so it is also a rectangle.")
            if kind == "square":
                steps.append(f"All four sides are {a} cm, so it is also a square.")
            else:
                steps.append(
                    f"Its sides are not all equal ({a} cm and {b} cm), so it is not a square."
                )
    solution = " ".join(steps) + f" The most exact name is {kind}: answer **{keys[kind]}**."
    more_exact = (
        "That name fits this shape, but a more exact one fits too: check the corners and "
        "whether all four sides are the same length."
    )
    mistakes = {
        "trapezoid": {
            "one_pair_is_not_two": (
                "parallelogram",
                "Count the parallel pairs again: a parallelogram needs two pairs of "
                "parallel sides.",
            ),
            **(
                {
                    "right_angles_not_enough": (
                        "rectangle",
                        "Right angles alone do not make a rectangle: a rectangle is first a "
                        "parallelogram, with two pairs of parallel sides.",
                    )
                }
                if right
                else {}
            ),
        },
        "parallelogram": {
            "rectangle_needs_right_angles": (
                "rectangle",
                "Look at the corners again: every rectangle has four right angles.",
            ),
            "two_pairs_is_not_one": (
                "trapezoid",
                "Count the parallel pairs again: trapezoids have only one pair of parallel sides.",
            ),
        },
        "rectangle": {
            "square_needs_equal_sides": (
                "square",
                "Compare the side lengths: every square has all four sides the same length.",
            ),
            "less_exact_name": ("parallelogram", more_exact),
        },
        "square": {"less_exact_name": ("rectangle", more_exact)},
    }[kind]
    params = {"kind": kind, "sides": sides, "parallel_pairs": pairs, "right_angles": right}
    return _choice(prompt, params, solution, keys, kind, mistakes)


@family("quadrilateral_sort_count")
def quadrilateral_sort_count(rng: np.random.Generator) -> Variant:
    """How many shapes in a box are rectangles (or parallelograms), squares included."""
    squares, rectangles, others, trapezoids = (draw(rng, 1, 7) for _ in range(4))
    asked = "rectangles" if rng.random() < 0.5 else "parallelograms"
    prompt = (
        f"A box holds {squares} {plural(squares, 'square')}, {rectangles} "
        f"{plural(rectangles, 'rectangle that is', 'rectangles that are')} not "
        f"{plural(rectangles, 'a square', 'squares')}, "
        f"{others} {plural(others, 'parallelogram')} with no right angles and {trapezoids} "
        f"{plural(trapezoids, 'trapezoid')}. "
        f"How many of the shapes are {asked}? Give a whole number."
    )
    params = {
        "squares": squares,
        "rectangles": rectangles,
        "parallelograms": others,
        "trapezoids": trapezoids,
        "asked": asked,
    }
    forgot = (
        "Every square is also a rectangle, and every rectangle is also a parallelogram: "
        "count the special shapes that belong to the group too."
    )
    if asked == "rectangles":
        value = squares + rectangles
        solution = (
            "A square is a rectangle too, so count the squares and the other rectangles: "
            f"${squares} + {rectangles} = {value}$. The parallelograms with no right angles "
            "and the trapezoids are not rectangles."
        )
        mistakes = {
            "forgot_squares": (rectangles, forgot),
            "counted_parallelograms": (
                value + others,
                "Parallelograms with no right angles are not rectangles: every rectangle "
                "has four right angles.",
            ),
        }
    else:
        value = squares + rectangles + others
        solution = (
            "Squares and rectangles have two pairs of parallel sides, so they are "
            f"parallelograms too: ${squares} + {rectangles} + {others} = {value}$. "
            "A trapezoid has only one pair of parallel sides, so it is left out."
        )
        mistakes = {
            "forgot_squares": (others, forgot),
            "counted_trapezoids": (
                value + trapezoids,
                "Trapezoids have only one pair of parallel sides, so they are not parallelograms.",
            ),
        }
    return _whole(prompt, params, solution, value, mistakes)


# ------------------------------------------------------------------- understanding area


@family("area_count_unit_squares")
def area_count_unit_squares(rng: np.random.Generator) -> Variant:
    """The area of a rectangle of unit squares: rows times squares in a row."""
    rows, columns = draw(rng, 2, 9), draw(rng, 2, 9)
    thing = ["floor", "rug", "tablecloth", "garden bed", "poster", "wall"][draw(rng, 0, 5)]
    value = rows * columns
    prompt = (
        f"A {thing} is covered with unit squares, with no gaps and no overlaps: "
        f"{rows} rows with {columns} squares in each row. What is the area of the {thing}? "
        "Give a whole number of square units."
    )
    solution = (
        f"The squares form an array of {rows} rows of {columns}, so multiply instead of "
        f"counting one by one: ${rows} \\times {columns} = {value}$ square units."
    )
    mistakes = {
        "added_sides": (
            rows + columns,
            "Adding the rows and the squares in a row measures along two edges; area counts "
            "every square inside. Each row holds the same number of squares: multiply.",
        ),
        "went_around_the_edge": (
            2 * (rows + columns),
            "That is the distance all the way round the edge. Area counts the squares that "
            "cover the inside.",
        ),
    }
    params = {"rows": rows, "columns": columns, "thing": thing}
    return _whole(prompt, params, solution, value, mistakes)


@family("area_compare_rectangles")
def area_compare_rectangles(rng: np.random.Generator) -> Variant:
    """Which of two rectangles covers more: the one with the larger area, whatever the
    distance around them."""
    same_edge = rng.random() < 0.5
    if same_edge:  # equal perimeters, different areas
        half = draw(rng, 6, 14)
        a, c = rng.choice(np.arange(1, half // 2 + 1), size=2, replace=False)
        first, second = (int(a), half - int(a)), (int(c), half - int(c))
    else:  # equal areas, different perimeters
        area = [12, 16, 18, 20, 24, 30, 36][draw(rng, 0, 6)]
        factors = [d for d in range(1, area + 1) if area % d == 0 and d * d <= area]
        a, c = rng.choice(factors, size=2, replace=False)
        first, second = (int(a), area // int(a)), (int(c), area // int(c))
    areas = [first[0] * first[1], second[0] * second[1]]
    edges = [2 * sum(first), 2 * sum(second)]
    names = ["the first", "the second", "they cover the same"]
    options, keys = _options(names)
    prompt = (
        f"Rectangle one is covered by {first[0]} {plural(first[0], 'row')} of {first[1]} unit "
        f"squares; rectangle two by {second[0]} {plural(second[0], 'row')} of {second[1]}. "
        f"Which covers more surface?\n\n{options}"
    )
    if areas[0] == areas[1]:
        right = names[2]
    else:
        right = names[0] if areas[0] > areas[1] else names[1]
    if edges[0] == edges[1]:
        wrong = names[2]
    else:
        wrong = names[0] if edges[0] > edges[1] else names[1]
    solution = (
        f"Compare the areas: ${first[0]} \\times {first[1]} = {areas[0]}$ and "
        f"${second[0]} \\times {second[1]} = {areas[1]}$ square units. "
        f"(The distances around them are {edges[0]} and {edges[1]} unit lengths, which "
        f"do not decide it.) So the answer is **{keys[right]}**: {right}."
    )
    mistakes = {
        "compared_the_edges": (
            wrong,
            "You compared the distance around the rectangles. Surface is measured by area: "
            "multiply each rectangle's two sides and compare those.",
        )
    }
    params = {"first": list(first), "second": list(second), "same_edge": same_edge}
    return _choice(prompt, params, solution, keys, right, mistakes)


# ------------------------------------------------------------------- understanding zero

THINGS = [
    ("apples", "in a bowl", "in the bowl", "{name} eats {n} of them"),
    ("ducks", "on a pond", "on the pond", "{name} sees {n} of them fly away"),
    ("cookies", "on a plate", "on the plate", "{name} eats {n} of them"),
    ("balloons", "tied to a chair", "on the chair", "{name} lets {n} of them float away"),
    ("crayons", "in a box", "in the box", "{name} gives {n} of them away"),
    ("fish", "in a tank", "in the tank", "{name} moves {n} of them to the pond"),
]
NAMES = ["Mia", "Leo", "Ana", "Sam", "Kai", "Zoe", "Omar", "Lily"]


@family("zero_after_taking_away")
def zero_after_taking_away(rng: np.random.Generator) -> Variant:
    """How many are left after some or all are taken away; often none: zero."""
    things, place, there, action = THINGS[draw(rng, 0, len(THINGS) - 1)]
    name = NAMES[draw(rng, 0, len(NAMES) - 1)]
    start = draw(rng, 2, 9)
    taken = start if rng.random() < 0.7 else draw(rng, 1, start - 1)
    value = start - taken
    done = action.format(name=name, n="all" if taken == start else taken)
    prompt = (
        f"There are {start} {things} {place}. {done}. How many {things} are {there} now? "
        "Give a whole number."
    )
    said = "none are left" if value == 0 else f"{value} {plural(value, 'is', 'are')} left"
    solution = (
        f"Start with {start} and take away {taken}: ${start} - {taken} = {value}$, so {said}."
    )
    if value == 0:
        solution += f" When nothing is there, the number is zero: **{value}** {things}."
    mistakes = {
        "gave_the_start": (
            start,
            "That is how many there were at the start. Some were taken away: count only "
            "the ones still there now.",
        ),
    }
    if value:
        mistakes["gave_the_taken"] = (
            taken,
            "That is how many were taken away. The question asks how many are still there.",
        )
    params = {"start": start, "taken": taken, "things": things, "name": name}
    return _whole(prompt, params, solution, value, mistakes)


@family("zero_which_is_empty")
def zero_which_is_empty(rng: np.random.Generator) -> Variant:
    """Which container holds zero things, among others holding one to five."""
    symbol, container, noun = [
        ("🐟", "bowl", "fish"),
        ("🍪", "plate", "cookies"),
        ("🥚", "basket", "eggs"),
        ("⭐", "box", "stars"),
    ][draw(rng, 0, 3)]
    size = draw(rng, 3, 4)
    others = [1, *(int(k) for k in rng.choice(np.arange(2, 6), size=size - 2, replace=False))]
    counts = [0, *others]
    rng.shuffle(counts)
    counts = [int(k) for k in counts]
    names = [" ".join([symbol] * k) if k else "(nothing)" for k in counts]
    options, keys = _options(names)
    prompt = f"Look at each {container}. Which {container} has **zero** {noun}?\n\n{options}"
    empty = names[counts.index(0)]
    solution = (
        f"Zero means none at all. The {container} marked {KEYS[counts.index(0)]} has nothing "
        "in it: "
        f"it has $0$ {noun}. The answer is **{keys[empty]}**."
    )
    mistakes = {
        "picked_one": (
            names[counts.index(1)],
            f"That {container} has a {noun[:-1] if noun != 'fish' else 'fish'} in it. "
            f"Zero means there is nothing there at all.",
        ),
        "picked_most": (
            names[counts.index(max(counts))],
            f"That {container} has the most {noun}. Zero is the number for none: look for "
            f"the {container} with nothing in it.",
        ),
    }
    params = {"counts": counts, "noun": noun}
    return _choice(prompt, params, solution, keys, empty, mistakes)


# -------------------------------------------------------------------- number line to 20


@family("number_line_hops")
def number_line_hops(rng: np.random.Generator) -> Variant:
    """Where a run of hops right (adding) or left (taking away) lands on a line 0 to 20."""
    right = rng.random() < 0.5
    size = draw(rng, 2, 9)
    start = draw(rng, 1, 20 - size) if right else draw(rng, size, 20)
    step = 1 if right else -1
    value = start + step * size
    way = "right" if right else "left"
    said = [start + step * k for k in range(1, size + 1)]
    sign = "+" if right else "-"
    prompt = (
        f"On a number line from 0 to 20, start on {start} and make {size} hops to the "
        f"{way}. Which number do you land on? Give a whole number."
    )
    solution = (
        f"Say one number for each hop, not counting the start: {', '.join(map(str, said))}. "
        f"You land on {value}: ${start} {sign} {size} = {value}$."
    )
    mistakes = {
        "counted_the_start": (
            value - step,
            "You counted the number you started on as a hop. Your finger waits on the start; "
            "the first hop takes you to the next number.",
        ),
        "wrong_direction": (
            start - step * size,
            f"Check the direction: hops to the {way} make the number "
            f"{'bigger' if right else 'smaller'}.",
        ),
    }
    params = {"start": start, "hops": size, "direction": way}
    return _whole(prompt, params, solution, value, mistakes)


@family("number_line_distance")
def number_line_distance(rng: np.random.Generator) -> Variant:
    """How many steps apart two numbers are on a number line: the hops, not the marks."""
    low = draw(rng, 0, 17)
    high = draw(rng, low + 2, 20)
    first, second = (low, high) if rng.random() < 0.5 else (high, low)
    value = high - low
    prompt = (
        f"On a number line, how many steps is it from {first} to {second}? Give a whole number."
    )
    solution = (
        f"Count the hops from {low} to {high}, not the marks: each hop lands on one of "
        f"{', '.join(str(k) for k in range(low + 1, high + 1))}. That is "
        f"${high} - {low} = {value}$ steps."
    )
    mistakes = {
        "counted_the_marks": (
            value + 1,
            "You counted the marks, including the one you start on. Count the hops between "
            "them: the start is not a hop.",
        ),
        "added_the_numbers": (
            low + high,
            "Adding the two numbers does not tell how far apart they are. Count the hops "
            "from the smaller number up to the bigger one.",
        ),
    }
    params = {"from": first, "to": second}
    return _whole(prompt, params, solution, value, mistakes)


# --------------------------------------------------------------------------- bar graphs

BAR_TOPICS = [
    ("favourite fruit", ["apples", "bananas", "grapes", "pears"]),
    ("favourite pet", ["cats", "dogs", "fish", "rabbits"]),
    ("favourite sport", ["soccer", "tennis", "swimming", "running"]),
    ("favourite colour", ["red", "blue", "green", "yellow"]),
]


def bar_drawing(counts: dict[str, int], step: int = 2, width: int = 4) -> str:
    """A bar graph in a code block: each bar's end sits at its count on a scale of labels
    ``step`` apart, ``width`` characters apart, starting at 0 under the bars' start."""
    name_width = max(map(len, counts)) + 2
    top = step * -(-max(counts.values()) // step)
    lines = [f"{name:<{name_width}}{'█' * (n * width // step)}" for name, n in counts.items()]
    scale = "".join(f"{v:<{width}}" for v in range(0, top + 1, step)).rstrip()
    return "```\n" + "\n".join(lines) + "\n" + " " * name_width + scale + "\n```"


def _bar_votes(rng: np.random.Generator) -> tuple[str, dict[str, int]]:
    """A survey's question and its votes: 3 or 4 categories, 1 to 16 votes each, distinct."""
    about, names = BAR_TOPICS[draw(rng, 0, len(BAR_TOPICS) - 1)]
    size = draw(rng, 3, 4)
    votes = rng.choice(np.arange(1, 17), size=size, replace=False)
    return about, {name: int(v) for name, v in zip(names[:size], votes, strict=True)}


@family("bar_graph_read")
def bar_graph_read(rng: np.random.Generator) -> Variant:
    """Read one bar against a scale that counts by twos, often halfway between labels."""
    about, votes = _bar_votes(rng)
    names = list(votes)
    asked = names[draw(rng, 0, len(names) - 1)]
    value = votes[asked]
    prompt = (
        f"Children voted for their {about}. The scale counts by twos.\n\n"
        f"{bar_drawing(votes)}\n\nHow many children chose {asked}? Give a whole number."
    )
    if value % 2:
        where = (
            f"ends halfway between {value - 1} and {value + 1}, and the number halfway "
            f"between them is {value}"
        )
    else:
        where = f"ends at the label {value}"
    solution = f"The {asked} bar {where}: **{value}** children chose {asked}."
    mistakes = {
        "counted_the_marks": (
            value // 2,
            "You counted the numbered marks the bar passes. This scale goes up by two each "
            "mark: read the number written on the scale where the bar ends.",
        ),
    }
    if value % 2:
        mistakes["read_the_label_before"] = (
            value - 1,
            "The bar goes past that label: it stops halfway to the next one. Find the number "
            "halfway between the two labels.",
        )
    params = {"votes": votes, "asked": asked}
    return _whole(prompt, params, solution, value, mistakes)


@family("bar_graph_how_many_more")
def bar_graph_how_many_more(rng: np.random.Generator) -> Variant:
    """How many more chose one category than another: read two bars and subtract."""
    about, votes = _bar_votes(rng)
    ranked = sorted(votes, key=votes.get)
    i, j = sorted(rng.choice(len(ranked), size=2, replace=False))
    less, more = ranked[int(i)], ranked[int(j)]
    value = votes[more] - votes[less]
    prompt = (
        f"Children voted for their {about}. The scale counts by twos.\n\n"
        f"{bar_drawing(votes)}\n\nHow many more children chose {more} than {less}? "
        "Give a whole number."
    )
    solution = (
        f"Read the two bars: {more} {votes[more]}, {less} {votes[less]}. Take the smaller "
        f"from the bigger: ${votes[more]} - {votes[less]} = {value}$ more."
    )
    mistakes = {
        "added_the_bars": (
            votes[more] + votes[less],
            "Adding the two bars tells how many chose either one. How many more means the "
            "difference: take the smaller from the bigger.",
        ),
        "read_one_bar": (
            votes[more],
            "That is only one bar. Read both bars, then find how much longer one is.",
        ),
    }
    params = {"votes": votes, "more": more, "less": less}
    return _whole(prompt, params, solution, value, mistakes)


# ---------------------------------------------------- rounding to the nearest ten and hundred


def round_half_up(n: int, place: int) -> int:
    """``n`` rounded to the nearest multiple of ``place``; a number exactly halfway goes up."""
    return (n + place // 2) // place * place


@family("round_to_nearest_ten")
def round_to_nearest_ten(rng: np.random.Generator) -> Variant:
    """Round a number below 1000 to the nearest ten, sometimes exactly halfway."""
    n = draw(rng, 1, 99) * 10 + (5 if rng.random() < 0.2 else draw(rng, 1, 9))
    value = round_half_up(n, 10)
    below, above = n - n % 10, n - n % 10 + 10
    ones = n % 10
    way = "up" if value == above else "down"
    prompt = f"Round {n} to the nearest ten. Give a whole number."
    solution = (
        f"{n} lies between {below} and {above}: it is ${n} - {below} = {n - below}$ past "
        f"{below} and ${above} - {n} = {above - n}$ short of {above}. "
        + (
            "It is exactly halfway, and halfway numbers round up"
            if ones == 5
            else f"The ones digit, {ones}, is {'5 or more' if ones >= 5 else 'less than 5'}"
        )
        + f", so {n} rounds {way} to **{value}**."
    )
    other = below if value == above else above
    if ones == 5:
        mistakes = {
            "halfway_goes_up": (
                other,
                "This number is exactly halfway between two tens. The rule for halfway is "
                "to round up.",
            )
        }
    else:
        mistakes = {
            "went_the_wrong_way": (
                other,
                "Compare the distances to the two tens on either side, or look at the ones "
                "digit: less than 5 rounds down, 5 or more rounds up.",
            )
        }
    params = {"n": n}
    return _whole(prompt, params, solution, value, mistakes)


@family("round_to_nearest_hundred")
def round_to_nearest_hundred(rng: np.random.Generator) -> Variant:
    """Round a number below 1000 to the nearest hundred; often one that rounding to the
    ten first would send the wrong way."""
    if rng.random() < 0.4:  # tens digit 4, ones 5 to 9: rounding twice goes up, wrongly
        n = draw(rng, 1, 9) * 100 + 40 + draw(rng, 5, 9)
    else:
        n = draw(rng, 101, 999)
    value = round_half_up(n, 100)
    below, above = n - n % 100, n - n % 100 + 100
    tens = n // 10 % 10
    prompt = f"Round {n} to the nearest hundred. Give a whole number."
    solution = (
        f"{n} lies between {below} and {above}: it is ${n} - {below} = {n - below}$ past "
        f"{below} and ${above} - {n} = {above - n}$ short of {above}. The tens digit, "
        f"{tens}, is {'5 or more' if tens >= 5 else 'less than 5'}, so {n} rounds "
        f"{'up' if value == above else 'down'} to **{value}**."
    )
    mistakes = {
        "rounded_twice": (
            round_half_up(round_half_up(n, 10), 100),
            "You rounded to the nearest ten first and then rounded that. Round the original "
            "number: look at its tens digit.",
        ),
        "went_the_wrong_way": (
            below if value == above else above,
            "Compare the distances to the hundreds on either side, or look at the tens "
            "digit: less than 5 rounds down, 5 or more rounds up.",
        ),
        "rounded_to_the_ten": (
            round_half_up(n, 10),
            "That is the nearest ten. The question asks for the nearest hundred: a multiple "
            "of one hundred.",
        ),
    }
    # When rounding twice lands on the other hundred, it is the mistake to name.
    kept: dict[str, tuple[int, str]] = {}
    for code, mistake in mistakes.items():
        if mistake[0] not in (value, *(v for v, _ in kept.values())):
            kept[code] = mistake
    params = {"n": n}
    return _whole(prompt, params, solution, value, kept)


# ---------------------------------------------------------------------- the number zero


@family("zero_add_or_take_away")
def zero_add_or_take_away(rng: np.random.Generator) -> Variant:
    """Adding or taking away zero leaves a number as it was."""
    n = draw(rng, 2, 20)
    form = draw(rng, 0, 2)
    sum_text = [f"{n} + 0", f"0 + {n}", f"{n} - 0"][form]
    value = n
    prompt = f"What is ${sum_text}$? Give a whole number."
    why = "Taking away 0 takes nothing away" if form == 2 else "Adding 0 adds nothing"
    solution = f"{why}, so the number stays the same: ${sum_text} = {value}$."
    mistakes = {
        "zero_as_one": (
            n - 1 if form == 2 else n + 1,
            "Zero is not one: it is nothing at all. Nothing was "
            f"{'taken away' if form == 2 else 'added'}, so think what that does to the number.",
        ),
        "answered_zero": (
            0,
            "A zero in the sum does not make the answer zero. Only the 0 is nothing; the "
            "other number is still there.",
        ),
    }
    params = {"n": n, "form": ["n + 0", "0 + n", "n - 0"][form]}
    return _whole(prompt, params, solution, value, mistakes)


@family("zero_in_the_count")
def zero_in_the_count(rng: np.random.Generator) -> Variant:
    """The missing number where a count reaches 0 or leaves it."""
    top = draw(rng, 3, 10)
    kind = draw(rng, 0, 2)
    if kind == 0:  # count back to the end
        shown = [*range(top, 0, -1), None]
        value, mistake = 0, ("repeated_the_last", 1)
        why = "Counting back, each number is one less than the one before, and one less than 1 is 0"
    elif kind == 1:  # the start of a count up
        shown = [None, *range(1, top + 1)]
        value, mistake = 0, ("repeated_the_next", 1)
        why = "Counting starts at 0, just before 1"
    else:  # just after 0
        shown = [0, None, *range(2, top + 1)]
        value, mistake = 1, ("repeated_the_last", 0)
        why = "Each number is one more than the one before, and one more than 0 is 1"
    listed = ", ".join("__" if k is None else str(k) for k in shown)
    prompt = f"Which number is missing? {listed}\n\nGive a whole number."
    solution = f"{why}: the missing number is **{value}**."
    messages = {
        "repeated_the_last": (
            "That number is already in the list. Each step of a count goes one further."
        ),
        "repeated_the_next": (
            "That number is already in the list. Think which number comes just before it "
            "when you count."
        ),
    }
    code, wrong = mistake
    params = {"top": top, "shown": [k for k in shown if k is not None], "kind": kind}
    return _whole(prompt, params, solution, value, {code: (wrong, messages[code])})


# ---------------------------------------------------------------------- counting to five

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven"]
PICTURES = [("●", "buttons"), ("★", "stars"), ("🐞", "ladybirds"), ("🌸", "flowers")]


def scatter(
    rng: np.random.Generator, count: int, symbol: str, rows: int = 3, columns: int = 5
) -> str:
    """``count`` copies of ``symbol`` at random places of a small grid, in a code block."""
    cells = rng.choice(rows * columns, size=count, replace=False)
    grid = [[" "] * columns for _ in range(rows)]
    for cell in cells:
        grid[int(cell) // columns][int(cell) % columns] = symbol
    lines = ["  ".join(row).rstrip() for row in grid]
    return "```\n" + "\n".join(lines).strip("\n") + "\n```"


@family("count_up_to_five")
def count_up_to_five(rng: np.random.Generator) -> Variant:
    """How many things in a scattered picture of zero to five."""
    count = draw(rng, 0, 5) if rng.random() < 0.1 else draw(rng, 1, 5)
    symbol, noun = PICTURES[draw(rng, 0, len(PICTURES) - 1)]
    picture = scatter(rng, count, symbol)
    prompt = f"How many {noun} are in the picture?\n\n{picture}\n\nGive a whole number."
    if count:
        words = ", ".join(NUMBER_WORDS[1 : count + 1])
        solution = (
            f"Touch each one once and say one word for each touch: {words}. The last word is "
            f"{NUMBER_WORDS[count]}, so there {plural(count, 'is', 'are')} **{count}** "
            f"{plural(count, noun[:-1], noun)}."
        )
    else:
        solution = f"There is nothing to touch: there are **{count}** {noun}."
    mistakes = {
        "counted_one_twice": (
            count + 1,
            "One of them got two number words. Mark each one as you count it, so that "
            "none is counted twice.",
        ),
    }
    if count:
        mistakes["missed_one"] = (
            count - 1,
            "One of them was not counted. Touch every one, and check that none is left over.",
        )
    params = {"count": count, "noun": noun}
    return _whole(prompt, params, solution, value=count, mistakes=mistakes)


@family("count_the_ring")
def count_the_ring(rng: np.random.Generator) -> Variant:
    """A count around a ring: the thing counted first must not be counted again."""
    count = draw(rng, 3, 5)
    name = NAMES[draw(rng, 0, len(NAMES) - 1)]
    noun, colour = [("shells", "pink"), ("blocks", "red"), ("beads", "blue"), ("cups", "green")][
        draw(rng, 0, 3)
    ]
    again = rng.random() < 0.5
    words = ", ".join(NUMBER_WORDS[1 : count + 1])
    if again:
        ending = (
            f"Then {name} touches the {colour} one from the start again and says "
            f'"{NUMBER_WORDS[count + 1]}".'
        )
    else:
        ending = f"Now {name} is back at the {colour} one from the start, and stops."
    prompt = (
        f"{name} counts the {noun} in a ring, starting at the {colour} one and going round, "
        f'touching each one and saying "{words}". {ending} How many {noun} are in the ring? '
        "Give a whole number."
    )
    solution = (
        f"Each {noun[:-1]} gets one number word, and the {colour} one already got "
        f'"one". The words for different {noun} are {words}: there are **{count}** {noun}.'
    )
    mistakes = {
        "counted_the_start_twice": (
            count + 1,
            f"The {colour} one was counted at the start. Coming back to it does not add "
            "another one: stop when you reach it again.",
        ),
    }
    params = {"count": count, "noun": noun, "counted_again": bool(again)}
    return _whole(prompt, params, solution, count, mistakes)


# ------------------------------------------------------------- one-to-one correspondence

PAIRINGS = [
    ("children", "chairs", "Each child sits on one chair"),
    ("cups", "saucers", "Each cup goes on one saucer"),
    ("bees", "flowers", "Each bee lands on one flower"),
    ("socks", "shoes", "Each sock goes into one shoe"),
    ("dogs", "bones", "Each dog gets one bone"),
]


@family("pair_up_leftovers")
def pair_up_leftovers(rng: np.random.Generator) -> Variant:
    """Pair two groups one for one: how many of the bigger group are left over."""
    first, second, rule = PAIRINGS[draw(rng, 0, len(PAIRINGS) - 1)]
    a, b = (int(k) for k in rng.choice(np.arange(2, 11), size=2, replace=False))
    more, fewer = (first, second) if a > b else (second, first)
    value = abs(a - b)
    prompt = (
        f"There are {a} {first} and {b} {second}. {rule}, until no more pairs can be made. "
        f"How many {more} are left over? Give a whole number."
    )
    pairs = min(a, b)
    solution = (
        f"Make pairs one at a time: after {pairs} pairs all the {fewer} are used. The "
        f"{more} left over: ${max(a, b)} - {pairs} = {value}$."
    )
    mistakes = {
        "added_the_groups": (
            a + b,
            "Adding puts the two groups together. Here they are matched in pairs: find how "
            "many have no partner.",
        ),
        "gave_the_bigger_group": (
            max(a, b),
            "That is the whole group. Some of them got a partner: count only the ones left "
            "without one.",
        ),
    }
    params = {"first": a, "second": b, "things": [first, second]}
    return _whole(prompt, params, solution, value, mistakes)


@family("which_row_has_more")
def which_row_has_more(rng: np.random.Generator) -> Variant:
    """Which of two rows has more, when the row with fewer (or as many) is spread out."""
    fewer = draw(rng, 3, 7)
    more = fewer + (0 if rng.random() < 0.3 else draw(rng, 1, 2))
    symbol = ["●", "★", "■", "▲"][draw(rng, 0, 3)]
    spread_on_top = rng.random() < 0.5
    spread = (" " * 4).join([symbol] * fewer)
    tight = " ".join([symbol] * more)
    top, bottom = (spread, tight) if spread_on_top else (tight, spread)
    counts = (fewer, more) if spread_on_top else (more, fewer)
    names = ["the top row", "the bottom row", "they have the same number"]
    options, keys = _options(names)
    prompt = f"Which row has more?\n\n```\n{top}\n{bottom}\n```\n\n{options}"
    if counts[0] == counts[1]:
        right = names[2]
        ending = "Every one has a partner and none is left over, so the rows are the same size"
    else:
        right = names[0] if counts[0] > counts[1] else names[1]
        ending = (
            f"After {fewer} pairs, ${more} - {fewer} = {more - fewer}$ are left in "
            f"{right}, so it has more"
        )
    longer = names[0] if spread_on_top else names[1]
    solution = (
        f"Pair each one in the top row with one in the bottom row. {ending}, even though "
        f"{longer} is longer. The answer is **{keys[right]}**."
    )
    mistakes = {
        "longer_looks_more": (
            longer,
            "Spreading a row out makes it look bigger, but length is not how many. Pair the "
            "rows up one for one and see which has some left over.",
        ),
    }
    params = {"top": counts[0], "bottom": counts[1]}
    return _choice(prompt, params, solution, keys, right, mistakes)


# ------------------------------------------------------- combining small groups within 5

GROUPS = [
    ("■", "□", "red blocks", "blue blocks", "blocks"),
    ("●", "○", "black buttons", "white buttons", "buttons"),
    ("★", "☆", "gold stars", "silver stars", "stars"),
    ("▲", "△", "green tents", "white tents", "tents"),
]


@family("combine_two_groups")
def combine_two_groups(rng: np.random.Generator) -> Variant:
    """Put two small groups together (total five at most) and count them all."""
    a = draw(rng, 1, 4)
    b = draw(rng, 1, 5 - a)
    full, hollow, first, second, noun = GROUPS[draw(rng, 0, len(GROUPS) - 1)]
    picture = f"```\n{' '.join([full] * a)}\n{' '.join([hollow] * b)}\n```"
    value = a + b
    prompt = (
        f"There {plural(a, 'is', 'are')} {a} {plural(a, first[:-1], first)} and {b} "
        f"{plural(b, second[:-1], second)}. Put them together in one pile. How many "
        f"{noun} are in the pile?\n\n{picture}\n\nGive a whole number."
    )
    solution = (
        f"Count every one of them, touching each once: "
        f"{', '.join(NUMBER_WORDS[1 : value + 1])}. So ${a} + {b} = {value}$ {noun}."
    )
    mistakes = {
        "counted_one_group": (
            max(a, b),
            "That counts only one of the groups. Put both groups together and count every one.",
        ),
        "counted_one_twice": (
            value + 1,
            "One of them was counted twice. Touch each one only once; the last number you "
            "say is how many.",
        ),
    }
    params = {"first": a, "second": b, "noun": noun}
    return _whole(prompt, params, solution, value, mistakes)


@family("missing_part_within_5")
def missing_part_within_5(rng: np.random.Generator) -> Variant:
    """Two groups make a whole of five or fewer: one group is hidden; how many are in it?"""
    whole = draw(rng, 2, 5)
    seen = draw(rng, 1, whole - 1)
    name = NAMES[draw(rng, 0, len(NAMES) - 1)]
    noun, hidden_in, seen_on = [
        ("marbles", "in the bag", "on the table"),
        ("crayons", "in the box", "on the desk"),
        ("shells", "in the bucket", "on the sand"),
        ("grapes", "in the bowl", "on the plate"),
    ][draw(rng, 0, 3)]
    value = whole - seen
    prompt = (
        f"{name} has {whole} {noun} in all. Some are {hidden_in} and {seen} are {seen_on}. "
        f"How many are {hidden_in}? Give a whole number."
    )
    solution = (
        f"The two groups together make {whole}. Count on from {seen} up to {whole}: "
        f"that is {value} more, so ${seen} + {value} = {whole}$ and **{value}** "
        f"{plural(value, 'is', 'are')} {hidden_in}."
    )
    mistakes = {
        "gave_the_whole": (
            whole,
            f"That is all of the {noun}. Some of them are in the other group: find how many "
            "are in the hidden group only.",
        ),
        "added_the_numbers": (
            whole + seen,
            f"The {whole} already includes both groups, so do not add to it. Find the number "
            "that goes with the group you can see to make the whole.",
        ),
    }
    params = {"whole": whole, "seen": seen, "noun": noun}
    return _whole(prompt, params, solution, value, mistakes)


# --------------------------------------------------------- comparing numbers with symbols

SIGNS = {"<": "< (is less than)", ">": "> (is greater than)", "=": "= (is equal to)"}


def _sign(a: int, b: int) -> str:
    return "<" if a < b else ">" if a > b else "="


@family("compare_with_a_sign")
def compare_with_a_sign(rng: np.random.Generator) -> Variant:
    """The sign between two two-digit numbers; often the ones digits point the other way."""
    roll = rng.random()
    if roll < 0.15:
        a = b = draw(rng, 10, 99)
    elif roll < 0.6:  # a trap: different tens, the ones digits disagree with the tens
        t1, t2 = (int(t) for t in rng.choice(np.arange(1, 10), size=2, replace=False))
        o_small, o_big = sorted(int(o) for o in rng.choice(10, size=2, replace=False))
        a, b = (
            (10 * t1 + o_big, 10 * t2 + o_small)
            if t1 < t2
            else (10 * t1 + o_small, 10 * t2 + o_big)
        )
    else:
        a, b = (int(x) for x in rng.choice(np.arange(10, 100), size=2, replace=False))
    right = _sign(a, b)
    names = list(SIGNS.values())
    options, keys = _options(names)
    prompt = f"Which sign goes in the box? ${a} \\;\\square\\; {b}$\n\n{options}"
    tens, ones = (a // 10, b // 10), (a % 10, b % 10)
    if a == b:
        why = f"The tens are the same ({tens[0]}) and the ones are the same ({ones[0]})"
    elif tens[0] != tens[1]:
        why = (
            f"Compare the tens first: {tens[0]} {plural(tens[0], 'ten')} and {tens[1]} "
            f"{plural(tens[1], 'ten')}"
        )
    else:
        why = f"The tens are the same, so compare the ones: {ones[0]} and {ones[1]}"
    solution = f"{why}. So ${a} {right} {b}$: the answer is **{keys[SIGNS[right]]}**."
    mistakes: dict[str, tuple[str, str]] = {}
    by_ones = _sign(ones[0], ones[1])
    if tens[0] != tens[1] and by_ones not in (right, "="):
        mistakes["compared_the_ones"] = (
            SIGNS[by_ones],
            "You compared the ones digits. Look at the tens first: a ten is worth more than "
            "any number of ones a two-digit number can have.",
        )
    elif a != b:
        mistakes["sign_turned_round"] = (
            SIGNS[_sign(b, a)],
            "The sign points the wrong way. Read your answer aloud from left to right and "
            "check it is true; the open side faces the bigger number.",
        )
    else:
        mistakes["not_equal"] = (
            SIGNS["<"],
            "Look again: compare the tens, then the ones. When both are the same, the "
            "numbers are the same.",
        )
    params = {"a": a, "b": b}
    return _choice(prompt, params, solution, keys, SIGNS[right], mistakes)


@family("greatest_or_least_of_three")
def greatest_or_least_of_three(rng: np.random.Generator) -> Variant:
    """The greatest (or least) of three two-digit numbers, by tens first, then ones."""
    if rng.random() < 0.6:  # two of them have the same digits the other way round
        t, o = (int(d) for d in rng.choice(np.arange(1, 10), size=2, replace=False))
        rest = [n for n in range(10, 100) if n not in (10 * t + o, 10 * o + t)]
        numbers = [10 * t + o, 10 * o + t, int(rng.choice(rest))]
        rng.shuffle(numbers)
    else:
        numbers = [int(x) for x in rng.choice(np.arange(10, 100), size=3, replace=False)]
    greatest = rng.random() < 0.5
    word = "greatest" if greatest else "least"
    value = max(numbers) if greatest else min(numbers)
    by_ones = (max if greatest else min)(numbers, key=lambda n: (n % 10, n // 10))
    listed = ", ".join(map(str, numbers))
    prompt = f"Which of these numbers is the {word}? {listed}\n\nGive the number."
    order = sorted(numbers, reverse=greatest)
    sign = ">" if greatest else "<"
    solution = (
        "Compare the tens first, and the ones only when the tens are the same: "
        f"${f' {sign} '.join(map(str, order))}$. The {word} is **{value}**."
    )
    mistakes = {
        "compared_the_ones": (
            by_ones,
            "You went by the ones digits. Compare the tens first; look at the ones only "
            "when the tens are the same.",
        ),
        "the_other_end": (
            min(numbers) if greatest else max(numbers),
            f"That one is the {'least' if greatest else 'greatest'}. Read the question again: "
            f"it asks for the {word}.",
        ),
    }
    params = {"numbers": numbers, "asked": word}
    return _whole(prompt, params, solution, value, mistakes)


# ------------------------------------------------- measuring length with nonstandard units

UNITS = [
    ("paper clips", "paper clip"),
    ("cubes", "cube"),
    ("crayons", "crayon"),
    ("erasers", "eraser"),
]
LONG_UNITS = [("pencils", "pencil"), ("craft sticks", "craft stick"), ("spoons", "spoon")]
MEASURED = ["book", "tray", "lunch box", "shoe box", "notebook", "board game"]


@family("gaps_and_overlaps")
def gaps_and_overlaps(rng: np.random.Generator) -> Variant:
    """What gaps or overlaps do to a count of units: the true length is longer or shorter."""
    units, _ = UNITS[draw(rng, 0, len(UNITS) - 1)]
    thing = MEASURED[draw(rng, 0, len(MEASURED) - 1)]
    name = NAMES[draw(rng, 0, len(NAMES) - 1)]
    count = draw(rng, 5, 15)
    how = ["left gaps between them", "let some of them overlap", "laid them snugly end to end"][
        draw(rng, 0, 2)
    ]
    names = [
        f"longer than {count} {units}",
        f"shorter than {count} {units}",
        f"exactly {count} {units}",
    ]
    options, keys = _options(names)
    prompt = (
        f"{name} measured a {thing} with {units} and {how}, from one end of the {thing} to "
        f"the other. {name} counted {count} {units}. How long is the {thing} really?\n\n"
        f"{options}"
    )
    if how.startswith("left gaps"):
        right, why = (
            names[0],
            "The gaps are part of the length too, but no unit was counted for them",
        )
        mistakes = {
            "gaps_backwards": (
                names[1],
                "Gaps leave parts of the length uncounted. Think "
                "whether filling them would need more units or fewer.",
            ),
            "gaps_ignored": (
                names[2],
                "The gaps matter: a fair count has no spaces between the units.",
            ),
        }
    elif how.startswith("let some"):
        right, why = names[1], "Where units overlap, the same stretch is counted twice"
        mistakes = {
            "overlaps_backwards": (
                names[0],
                "Overlapping units cover some of the length twice. "
                "Think whether that makes the count too big or too small.",
            ),
            "overlaps_ignored": (
                names[2],
                "The overlaps matter: a fair count has no units lying on top of each other.",
            ),
        }
    else:
        right, why = names[2], "No gaps and no overlaps make a fair count"
        mistakes = {
            "doubted_a_fair_count": (
                names[0],
                "With no gaps and no overlaps, the count is the "
                "length. Nothing was missed or counted twice.",
            ),
        }
    solution = f"{why}, so the {thing} is {right}: the answer is **{keys[right]}**."
    params = {"count": count, "how": how, "units": units}
    return _choice(prompt, params, solution, keys, right, mistakes)


@family("change_the_unit")
def change_the_unit(rng: np.random.Generator) -> Variant:
    """Measure again with a unit that is a whole number of the first units: the count goes
    down when the unit is longer, and up when it is shorter."""
    small, small_one = UNITS[draw(rng, 0, len(UNITS) - 1)]
    big, big_one = LONG_UNITS[draw(rng, 0, len(LONG_UNITS) - 1)]
    thing = MEASURED[draw(rng, 0, len(MEASURED) - 1)]
    per = draw(rng, 2, 5)
    count_big = draw(rng, 2, 6)
    count_small = per * count_big
    to_big = rng.random() < 0.5
    if to_big:
        given, asked, value = (count_small, small), big, count_big
        solution = (
            f"Every {per} {small} make one {big_one}, so count groups of {per}: "
            f"${' + '.join([str(per)] * count_big)} = {count_small}$ is {count_big} groups. "
            f"The {thing} is **{value}** {big} long."
        )
    else:
        given, asked, value = (count_big, big), small, count_small
        solution = (
            f"Each {big_one} is {per} {small} long, so add {per} for every {big_one}: "
            f"${' + '.join([str(per)] * count_big)} = {count_small}$. "
            f"The {thing} is **{value}** {small} long."
        )
    prompt = (
        f"A {thing} is {given[0]} {given[1]} long. One {big_one} is as long as {per} {small}, "
        f"laid end to end. How many {asked} long is the {thing}? Give a whole number."
    )
    wrong_way = count_small * per if to_big else count_big // per if count_big % per == 0 else None
    mistakes = {
        "added_the_numbers": (
            given[0] + per,
            "Adding the two numbers does not change the unit. Think how many of the new unit "
            "fit along the same length.",
        ),
        "kept_the_count": (
            given[0],
            f"The {thing} is the same length, but the new unit is a different size, so the "
            "count changes.",
        ),
    }
    if wrong_way is not None:
        mistakes["unit_size_backwards"] = (
            wrong_way,
            "A longer unit needs fewer of them, and a shorter unit needs more. Check which way "
            "the count should go.",
        )
    params = {"thing": thing, "per": per, "count_big": count_big, "to_big": bool(to_big)}
    return _whole(prompt, params, solution, value, mistakes)


# ------------------------------------------------------------ measuring length with a ruler

RULER_CM = 4
"""Characters per centimetre in a drawn ruler (a half centimetre is two)."""


def ruler_drawing(start: Fraction, end: Fraction, top: int) -> str:
    """An object from ``start`` to ``end`` cm drawn above a ruler from 0 to ``top`` cm
    with half-centimetre marks, in a code block."""
    first, last = int(start * RULER_CM), int(end * RULER_CM)
    thing = " " * first + "█" * (last - first)
    ticks = "|-:-" * top + "|"
    labels = "".join(f"{v:<{RULER_CM}}" for v in range(top + 1)).rstrip()
    return f"```\n{thing}\n{ticks}\n{labels}\n```"


def _cm(x: Fraction) -> str:
    """A length in centimetres as a child writes it: 7, or 7 1/2."""
    whole, half = divmod(x, 1)
    return f"{whole} 1/2" if half else f"{whole}"


def _tex(x: Fraction) -> str:
    """A whole number or a number and a half, as LaTeX that reads like ``7\\tfrac{1}{2}``."""
    whole, half = divmod(x, 1)
    return f"{whole}\\tfrac{{1}}{{2}}" if half else f"{whole}"


@family("ruler_read_length")
def ruler_read_length(rng: np.random.Generator) -> Variant:
    """The length of an object drawn on a ruler, which often does not start at 0."""
    start = Fraction(0 if rng.random() < 0.3 else draw(rng, 1, 3))
    length = Fraction(draw(rng, 2, 8)) + (Fraction(1, 2) if rng.random() < 0.3 else 0)
    end = start + length
    top = int(end) + 1 + draw(rng, 0, 1)
    thing = ["ribbon", "crayon", "twig", "key", "feather", "straw"][draw(rng, 0, 5)]
    prompt = (
        f"How long is the {thing}?\n\n{ruler_drawing(start, end, top)}\n\n"
        "Give the length in centimetres: a whole number, or a number and a half written "
        "like 1 1/2."
    )
    if start:
        solution = (
            f"The {thing} starts at {start} and ends at {_cm(end)}, so its length is the "
            f"steps between: ${_tex(end)} - {start} = {_tex(length)}$, that is "
            f"**{_cm(length)}** cm."
        )
    else:
        solution = (
            f"The {thing} starts at 0, so read the mark at its other end: **{_cm(length)}** cm."
        )
    mistakes: dict[str, tuple[Fraction, str]] = {}
    if start:
        mistakes["read_the_end_mark"] = (
            end,
            f"That is where the {thing} ends, but it does not start at 0. Count the "
            "centimetre steps from its start to its end.",
        )
    if length.denominator == 2:
        mistakes["missed_the_half"] = (
            Fraction(int(length)),
            "Look closely at the end: it stops at a half mark, between two numbers.",
        )
    else:
        mistakes["counted_the_marks"] = (
            length + 1,
            "You counted the numbered marks, including the one at the start. Count the "
            "steps between the marks instead.",
        )
    params = {"start": str(start), "end": str(end), "thing": thing}
    return _whole(prompt, params, solution, length, mistakes, kind="exact", form="mixed")


@family("ruler_line_up")
def ruler_line_up(rng: np.random.Generator) -> Variant:
    """Whether a reading is the length: lined up at 0, at the ruler's edge, or at 1."""
    name = NAMES[draw(rng, 0, len(NAMES) - 1)]
    thing = ["pencil", "spoon", "comb", "paintbrush", "shoelace"][draw(rng, 0, 4)]
    reading = draw(rng, 6, 15)
    case = draw(rng, 0, 2)
    where = [
        "lines up one end of it with the 0 mark",
        "lines up one end of it with the edge of the ruler, before the 0 mark",
        "lines up one end of it with the 1 mark",
    ][case]
    names = [f"exactly {reading} cm", f"longer than {reading} cm", f"shorter than {reading} cm"]
    options, keys = _options(names)
    prompt = (
        f"{name} measures a {thing} with a centimetre ruler and {where}. The other end is at "
        f"the {reading} mark. How long is the {thing}?\n\n{options}"
    )
    right = names[case]
    why = [
        f"Lined up at 0, the reading is the length: {reading} cm",
        "The strip before the 0 mark is part of the length too, but the reading leaves it "
        f"out, so the {thing} is a little longer than {reading} cm",
        f"The {thing} starts at 1, so it covers ${reading} - 1 = {reading - 1}$ centimetre "
        f"steps: shorter than {reading} cm",
    ][case]
    solution = f"{why}. The answer is **{keys[right]}**."
    message = (
        "Check where the object starts: the length is the steps from its start to its end, "
        "and only a start at the 0 mark makes the reading the length."
    )
    mistakes = {
        0: {"doubted_the_zero": (names[1], "Lined up at 0, nothing is missing. " + message)},
        1: {"edge_is_not_zero": (names[0], "The edge of a ruler is not its 0 mark. " + message)},
        2: {"read_the_end_mark": (names[0], message)},
    }[case]
    params = {"reading": reading, "case": case}
    return _choice(prompt, params, solution, keys, right, mistakes)


# ---------------------------------------------------------------------------- line plots


def _half_label(x: Fraction) -> str:
    whole, half = divmod(x, 1)
    return f"{whole}½" if half else f"{whole}"


def line_plot_drawing(counts: dict[Fraction, int], width: int = 4) -> str:
    """A line plot in a code block: a stack of X's over each labelled value."""
    values = sorted(counts)
    rows = [
        "".join(("X" if counts[v] >= level else " ").ljust(width) for v in values).rstrip()
        for level in range(max(counts.values()), 0, -1)
    ]
    line = ("+" + "-" * (width - 1)) * (len(values) - 1) + "+"
    labels = "".join(_half_label(v).ljust(width) for v in values).rstrip()
    return "```\n" + "\n".join([*rows, line, labels]) + "\n```"


def _leaf_plot(rng: np.random.Generator) -> tuple[str, str, dict[Fraction, int]]:
    """Measurements to the nearest half inch: 5 to 7 measured values, an empty mark at
    each end of the line, 0 to 4 X's on the values between."""
    thing, things = [
        ("leaf", "leaves"),
        ("shell", "shells"),
        ("pencil", "pencils"),
        ("worm", "worms"),
        ("feather", "feathers"),
    ][draw(rng, 0, 4)]
    low = Fraction(draw(rng, 2, 6))
    size = draw(rng, 5, 7)
    values = [low + Fraction(k, 2) for k in range(size)]
    counts = {v: draw(rng, 0, 4) for v in values}
    counts[values[0]] = counts[values[0]] or 1
    counts[values[-1]] = counts[values[-1]] or 1
    line = {values[0] - Fraction(1, 2): 0, **counts, values[-1] + Fraction(1, 2): 0}
    return thing, things, line


@family("line_plot_how_many")
def line_plot_how_many(rng: np.random.Generator) -> Variant:
    """How many measurements in all, or longer (shorter) than a value, on a line plot."""
    _, things, counts = _leaf_plot(rng)
    measured = [v for v in sorted(counts) if counts[v]]
    while len(measured) < 3:  # the pivot needs a measured value on each side of it
        _, things, counts = _leaf_plot(rng)
        measured = [v for v in sorted(counts) if counts[v]]
    ask = draw(rng, 0, 2)
    pivot = measured[draw(rng, 1, len(measured) - 2)]
    if ask == 0:
        chosen = measured
        question = f"How many {things} were measured in all?"
    elif ask == 1:
        chosen = [v for v in measured if v > pivot]
        question = f"How many {things} are longer than {_cm(pivot)} inches?"
    else:
        chosen = [v for v in measured if v < pivot]
        question = f"How many {things} are shorter than {_cm(pivot)} inches?"
    value = sum(counts[v] for v in chosen)
    prompt = (
        f"A class measured some {things} to the nearest half inch and made this line plot. "
        f"Each X is one of the {things}.\n\n{line_plot_drawing(counts)}\n\n{question} "
        "Give a whole number."
    )
    parts = " + ".join(str(counts[v]) for v in chosen)
    where = "" if ask == 0 else f" {'right' if ask == 1 else 'left'} of {_cm(pivot)}"
    solution = (
        f"Count the X's{where}: "
        + (f"${parts} = {value}$." if len(chosen) > 1 else f"{value}.")
        + f" So **{value}** {things}."
    )
    mistakes = {
        "counted_the_stacks": (
            len(chosen),
            "You counted the stacks. Each X is one measurement: count every X in every stack.",
        ),
    }
    if ask and counts[pivot]:
        mistakes["included_the_value"] = (
            value + counts[pivot],
            "The X's right above the length in the question are exactly that long, not "
            f"{'longer' if ask == 1 else 'shorter'}: leave them out.",
        )
    params = {"counts": {str(k): n for k, n in counts.items()}, "ask": ask, "pivot": str(pivot)}
    return _whole(prompt, params, solution, value, mistakes)


@family("line_plot_spread_or_mode")
def line_plot_spread_or_mode(rng: np.random.Generator) -> Variant:
    """The distance from the shortest to the longest measurement, or the most common one."""
    _, things, counts = _leaf_plot(rng)
    measured = [v for v in sorted(counts) if counts[v]]
    tallest = max(counts.values())
    modes = [v for v in measured if counts[v] == tallest]
    plot = line_plot_drawing(counts)
    intro = (
        f"A class measured some {things} to the nearest half inch and made this line plot."
        f"\n\n{plot}\n\n"
    )
    form = "Give a number of inches: a whole number, or a number and a half written like 1 1/2."
    if len(modes) == 1 and rng.random() < 0.5:
        value = modes[0]
        prompt = f"{intro}Which length is the most common? {form}"
        solution = (
            f"The tallest stack, with {tallest} X's, stands above {_cm(value)}: the most "
            f"common length is **{_cm(value)}** inches."
        )
        mistakes = {
            "gave_the_count": (
                Fraction(tallest),
                "That is how many X's are in the tallest stack. The question asks for the "
                "length written under it.",
            ),
        }
        params = {"asked": "mode"}
    else:
        low, high = measured[0], measured[-1]
        value = high - low
        ends = sorted(counts)
        prompt = (
            f"{intro}How many inches longer is the longest of the {things} than the shortest? "
            f"{form}"
        )
        solution = (
            f"The first X is above {_cm(low)} and the last above {_cm(high)}: "
            f"${_tex(high)} - {_tex(low)} = {_tex(value)}$, so **{_cm(value)}** inches."
        )
        mistakes = {
            "used_the_line_ends": (
                ends[-1] - ends[0],
                "The number line goes further than the data. Use the first and the last X, "
                "not the ends of the line.",
            ),
        }
        params = {"asked": "spread"}
    params["counts"] = {str(k): n for k, n in counts.items()}
    return _whole(prompt, params, solution, value, mistakes, kind="exact", form="mixed")


# ------------------------------------------------------ measuring angles with a protractor


@family("protractor_choose_the_scale")
def protractor_choose_the_scale(rng: np.random.Generator) -> Variant:
    """Two readings where a ray crosses a protractor's scales: the one that fits the angle."""
    angle = 5 * draw(rng, 2, 34)
    if angle == 90:
        angle = 5 * draw(rng, 19, 34)
    look = "narrower than a square corner" if angle < 90 else "wider than a square corner"
    readings = sorted([angle, 180 - angle])
    side = ["right", "left"][draw(rng, 0, 1)]
    prompt = (
        f"One ray of an angle lies along the 0° line on the {side} of a protractor. The angle "
        f"looks {look}. Where the other ray crosses, the two scales read {readings[0]} and "
        f"{readings[1]}. How big is the angle? Give a whole number of degrees."
    )
    kind = "acute" if angle < 90 else "obtuse"
    solution = (
        f"The two readings make a straight line: ${readings[0]} + {readings[1]} = 180$. The "
        f"angle is {look}, so it is {kind} and must be "
        f"{'less' if angle < 90 else 'more'} than 90°: it is **{angle}°**, the reading on the "
        f"scale that starts at 0 on the {side}."
    )
    mistakes = {
        "wrong_scale": (
            180 - angle,
            "That is the reading on the other scale. Check it against the angle's look: an "
            "acute angle is less than 90°, an obtuse one more.",
        )
    }
    params = {"angle": angle, "side": side}
    return _whole(prompt, params, solution, angle, mistakes, unit="degrees")


@family("protractor_neither_ray_at_zero")
def protractor_neither_ray_at_zero(rng: np.random.Generator) -> Variant:
    """An angle whose rays cross the same scale at two readings, neither of them 0."""
    first = 5 * draw(rng, 1, 20)
    angle = 5 * draw(rng, 3, min(30, (175 - first) // 5))
    second = first + angle
    prompt = (
        f"The centre of a protractor is on the vertex of an angle, but neither ray is on 0°. "
        f"On the same scale, one ray crosses at {first}° and the other at {second}°. How big "
        "is the angle? Give a whole number of degrees."
    )
    solution = (
        f"Count the degrees from one ray to the other, as on a ruler that does not start at "
        f"0: ${second} - {first} = {angle}$, so the angle is **{angle}°**."
    )
    mistakes = {
        "read_one_ray": (
            second,
            "That is where one ray crosses, but the other ray is not at 0. Find how many "
            "degrees lie between the two rays.",
        ),
        "added_the_readings": (
            first + second,
            "The angle is the gap between the two readings, so adding them is not the way.",
        ),
    }
    params = {"first": first, "second": second}
    return _whole(prompt, params, solution, angle, mistakes, unit="degrees")


# ------------------------------------------------------ measuring mass and liquid volume


@family("read_a_measuring_scale")
def read_a_measuring_scale(rng: np.random.Generator) -> Variant:
    """A reading between the labels of a jug or a kitchen scale: work out one small step."""
    gap, small = [(100, 1), (200, 1), (100, 4), (200, 3), (50, 4), (500, 4), (10, 1)][
        draw(rng, 0, 6)
    ]
    step = gap // (small + 1)
    device, unit, what = [
        ("measuring jug", "mL", "The water comes up to"),
        ("kitchen scale", "g", "The pointer is at"),
    ][draw(rng, 0, 1)]
    labels = [gap * k for k in range(6)]
    label = labels[draw(rng, 0, 4)]
    steps = draw(rng, 1, small)
    value = label + steps * step
    marks = "one small mark halfway" if small == 1 else f"{small} small marks, evenly spaced,"
    nth = ["first", "second", "third", "fourth"][steps - 1]
    prompt = (
        f"A {device} is labelled {', '.join(map(str, labels[:-1]))} and {labels[-1]} {unit}, "
        f"with {marks} between each pair of labels. {what} the {nth} small mark above "
        f"{label}. What does it read? Give a whole number of {UNIT_NAMES[unit]}."
    )
    solution = (
        f"From one label to the next is {gap} {unit}, split into {small + 1} equal steps: "
        f"${gap} \\div {small + 1} = {step}$ {unit} each. The reading is {steps} "
        f"step{'s' if steps > 1 else ''} above {label}: "
        f"${label} + {steps} \\times {step} = {value}$, so **{value}** {unit}."
    )
    mistakes = {
        "small_marks_as_ones": (
            label + steps,
            "A small mark is not worth 1 here. Work out one step from two labels: the gap "
            "between them divided by the number of steps.",
        ),
        "marks_as_labels": (
            label + steps * gap,
            "The small marks split the gap between two labels; each one is worth only part "
            "of that gap.",
        ),
    }
    params = {"gap": gap, "small_marks": small, "label": label, "steps": steps, "unit": unit}
    return _whole(prompt, params, solution, value, mistakes)


THINGS_TO_MEASURE = {
    ("mass", "g"): [
        "the mass of a pencil",
        "the mass of an apple",
        "the mass of a coin",
        "the mass of a slice of bread",
        "the mass of a letter",
    ],
    ("mass", "kg"): [
        "the mass of a dog",
        "the mass of a bicycle",
        "the mass of a suitcase",
        "the mass of a sack of potatoes",
        "the mass of a child",
    ],
    ("volume", "mL"): [
        "the medicine in a spoon",
        "the tea in a cup",
        "the juice in a glass",
        "the water in an egg cup",
    ],
    ("volume", "L"): [
        "the water in a full bathtub",
        "the water in a full bucket",
        "the water in a fish tank",
        "the water in a paddling pool",
    ],
}
UNIT_NAMES = {"g": "grams", "kg": "kilograms", "mL": "millilitres", "L": "litres"}


@family("choose_mass_or_volume_unit")
def choose_mass_or_volume_unit(rng: np.random.Generator) -> Variant:
    """The sensible unit for a measurement: the right kind (mass or liquid volume) and size."""
    keys = list(THINGS_TO_MEASURE)
    kind, unit = keys[draw(rng, 0, len(keys) - 1)]
    items = THINGS_TO_MEASURE[(kind, unit)]
    question = items[draw(rng, 0, len(items) - 1)]
    names = list(UNIT_NAMES.values())
    options, option_keys = _options(names)
    prompt = f"Which unit is the most sensible for measuring {question}?\n\n{options}"
    same_kind_other_size = {"g": "kg", "kg": "g", "mL": "L", "L": "mL"}[unit]
    other_kind_same_size = {"g": "mL", "kg": "L", "mL": "g", "L": "kg"}[unit]
    size = "small" if unit in ("g", "mL") else "large"
    measure = "how heavy something is" if kind == "mass" else "how much liquid there is"
    solution = (
        f"This measures {measure}, so the unit is "
        f"{'grams or kilograms' if kind == 'mass' else 'millilitres or litres'}; the amount "
        f"is {size}, so {UNIT_NAMES[unit]}: the answer is **{option_keys[UNIT_NAMES[unit]]}**."
    )
    mistakes = {
        "wrong_size_of_unit": (
            UNIT_NAMES[same_kind_other_size],
            "That is the right kind of unit but the wrong size: the number would be far too "
            f"{'small' if size == 'small' else 'big'}. Think how big the amount is.",
        ),
        "wrong_kind_of_unit": (
            UNIT_NAMES[other_kind_same_size],
            "Grams and kilograms measure how heavy something is; millilitres and litres "
            "measure how much liquid. Which is this question about?",
        ),
    }
    params = {"question": question, "kind": kind, "unit": unit}
    return _choice(prompt, params, solution, option_keys, UNIT_NAMES[unit], mistakes)


# ------------------------------------------------------------------- pairs that make ten


def ten_frame(full: int) -> str:
    """A ten-frame with ``full`` counters in a code block: two rows of five."""
    cells = ["●"] * full + ["○"] * (10 - full)
    return f"```\n{' '.join(cells[:5])}\n{' '.join(cells[5:])}\n```"


@family("ten_frame_how_many_more")
def ten_frame_how_many_more(rng: np.random.Generator) -> Variant:
    """How many more counters fill a ten-frame: the partner that makes ten."""
    full = draw(rng, 1, 9)
    value = 10 - full
    prompt = (
        f"How many more counters are needed to fill the ten-frame?\n\n{ten_frame(full)}\n\n"
        "Give a whole number."
    )
    solution = (
        f"Count the empty spaces: {value}. Check: ${full} + {value} = 10$, so **{value}** "
        "more make ten."
    )
    mistakes = {
        "counted_the_counters": (
            full,
            "You counted the counters already in the frame. The question asks how many more: "
            "count the empty spaces.",
        ),
        "one_too_many": (
            value + 1,
            "Check your answer: the counters in the frame and your number should make exactly ten.",
        ),
    }
    params = {"full": full}
    return _whole(prompt, params, solution, value, mistakes)


@family("make_a_ten_to_add")
def make_a_ten_to_add(rng: np.random.Generator) -> Variant:
    """A sum past ten by making a ten first: fill up the bigger number, add what is left."""
    a = draw(rng, 6, 9)
    b = draw(rng, 11 - a, 9)
    partner, rest = 10 - a, b - (10 - a)
    value = a + b
    prompt = (
        f"Make a ten to add ${a} + {b}$: {a} needs {partner} more to make ten, so split {b} "
        f"into {partner} and what is left. What is ${a} + {b}$? Give a whole number."
    )
    solution = (
        f"${a} + {b} = {a} + {partner} + {rest} = 10 + {rest} = {value}$, so the sum is "
        f"**{value}**."
    )
    mistakes = {
        "stopped_at_ten": (
            10,
            f"Making ten used only part of the {b}. Add the part that is left over too.",
        ),
        "added_the_partner": (
            10 + partner,
            "After making ten, add what is left of the second number, not the part you used "
            "to make the ten.",
        ),
    }
    params = {"a": a, "b": b}
    return _whole(prompt, params, solution, value, mistakes)


# ------------------------------------------------ partitioning shapes into equal shares

SHARES = {2: "halves", 3: "thirds", 4: "fourths"}
ONE_SHARE = {2: "one half", 3: "one third", 4: "one fourth"}
NOT_EQUAL = "they are not equal shares"


@family("name_the_equal_shares")
def name_the_equal_shares(rng: np.random.Generator) -> Variant:
    """What the pieces of a cut bar are called: count the pieces, not the cuts, and check
    that they are equal."""
    food = ["chocolate bar", "loaf of bread", "ribbon", "sandwich", "stick of clay"][
        draw(rng, 0, 4)
    ]
    names = [*SHARES.values(), NOT_EQUAL]
    options, keys = _options(names)
    equal = rng.random() < 0.8
    cuts = draw(rng, 1, 3) if equal else 1
    pieces = cuts + 1
    if equal:
        how = f"with {cuts} straight cut{'s' if cuts > 1 else ''} into pieces of the same size"
        right = SHARES[pieces]
        why = (
            f"{cuts} {plural(cuts, 'cut makes', 'cuts make')} ${cuts} + 1 = {pieces}$ equal "
            "pieces, "
            f"so each piece is {ONE_SHARE[pieces]}: they are {right}"
        )
        mistakes = (
            {
                "counted_the_cuts": (
                    SHARES[cuts],
                    "Count the pieces, not the cuts: each straight cut across makes one more "
                    "piece than the cuts.",
                )
            }
            if cuts > 1
            else {}
        )
    else:
        how = "with 1 straight cut into a big piece and a small piece"
        right = NOT_EQUAL
        why = "The two pieces are not the same size, so they are not halves"
        mistakes = {
            "unequal_halves": (
                "halves",
                "Two pieces are halves only if they are exactly the same size. Look at the "
                "sizes of these pieces.",
            )
        }
    prompt = f"A {food} is cut across {how}. What are the pieces?\n\n{options}"
    solution = f"{why}. The answer is **{keys[right]}**."
    params = {"cuts": cuts, "equal": bool(equal)}
    return _choice(prompt, params, solution, keys, right, mistakes)


@family("which_share_is_bigger")
def which_share_is_bigger(rng: np.random.Generator) -> Variant:
    """Of two equal shares of the same whole, the one from fewer shares is bigger."""
    food = ["pizza", "cake", "pie", "pancake", "tortilla"][draw(rng, 0, 4)]
    a, b = (int(k) for k in rng.choice([2, 3, 4], size=2, replace=False))
    first, second = ONE_SHARE[a], ONE_SHARE[b]
    names = [first, second, "they are the same size"]
    options, keys = _options(names)
    prompt = (
        f"Two {food}s of the same size are cut into equal shares: the first into "
        f"{SHARES[a]}, the second into {SHARES[b]}. Which is bigger, {first} of the first "
        f"{food} or {second} of the second?\n\n{options}"
    )
    right = first if a < b else second
    wrong = second if a < b else first
    solution = (
        f"The same {food} cut into more shares gives smaller shares: {SHARES[min(a, b)]} are "
        f"bigger than {SHARES[max(a, b)]}. So {right} is bigger: the answer is **{keys[right]}**."
    )
    mistakes = {
        "bigger_number_bigger_share": (
            wrong,
            "More shares of the same whole means each share is smaller, not bigger. Picture "
            "the same food cut for more people.",
        ),
    }
    params = {"first": a, "second": b}
    return _choice(prompt, params, solution, keys, right, mistakes)


# ------------------------------------------------------------------ sets and set notation


def _braces(values) -> str:
    return "\\{" + ", ".join(map(str, values)) + "\\}"


@family("set_cardinality")
def set_cardinality(rng: np.random.Generator) -> Variant:
    """The number of elements of a set given by a roster with repeats, or by a rule."""
    if rng.random() < 0.5:
        distinct = [
            int(x) for x in rng.choice(np.arange(1, 30), size=draw(rng, 4, 7), replace=False)
        ]
        repeats = [int(x) for x in rng.choice(distinct, size=draw(rng, 2, 4))]
        listed = distinct + repeats
        rng.shuffle(listed)
        listed = [int(x) for x in listed]
        value = len(set(listed))
        prompt = (
            f"How many elements does the set $S = {_braces(listed)}$ have? Give a whole number."
        )
        solution = (
            "A set's elements are distinct: a value listed twice is one element. Without the "
            f"repeats $S = {_braces(sorted(set(listed)))}$, so $|S| = {value}$."
        )
        mistakes = {
            "counted_the_repeats": (
                len(listed),
                "Listing an element again does not add a new element: count each different "
                "value once.",
            ),
        }
        params = {"listed": listed}
    else:
        k = draw(rng, 2, 7)
        low = k * draw(rng, 1, 6)
        high = low + draw(rng, 3 * k, 9 * k)
        members = [x for x in range(low, high + 1) if x % k == 0]
        value = len(members)
        prompt = (
            f"How many elements does $S = \\{{x \\in \\mathbb{{Z}} : {low} \\le x \\le {high},\\ "
            f"{k} \\text{{ divides }} x\\}}$ have? Give a whole number."
        )
        shown = members if value <= 8 else [*members[:3], "\\ldots", *members[-2:]]
        solution = (
            f"The multiples of {k} from {low} to {high}, both ends included: "
            f"$S = {_braces(shown)}$. From ${low} = {k} \\times {low // k}$ to "
            f"${members[-1]} = {k} \\times {members[-1] // k}$ there are "
            f"${members[-1] // k} - {low // k} + 1 = {value}$ of them."
        )
        mistakes = {
            "counted_every_integer": (
                high - low + 1,
                f"That counts every integer in the range. The rule keeps only the multiples "
                f"of {k}.",
            ),
            "left_out_an_end": (
                value - 1,
                f"The inequalities include both ends, and the first end is itself a multiple "
                f"of {k}: count it too.",
            ),
        }
        params = {"k": k, "low": low, "high": high}
    return _whole(prompt, params, solution, value, mistakes)


@family("count_the_subsets")
def count_the_subsets(rng: np.random.Generator) -> Variant:
    """How many subsets a small set has: two choices, in or out, for each element."""
    n = draw(rng, 3, 6)
    pool = ["a", "b", "c", "d", "e", "f"] if rng.random() < 0.5 else ["1", "2", "3", "4", "5", "6"]
    elements = pool[:n]
    value = 2**n
    prompt = (
        f"How many subsets does $T = {_braces(elements)}$ have, counting $\\varnothing$ and $T$ "
        "itself? Give a whole number."
    )
    solution = (
        f"A subset decides, for each of the {n} elements, in or out: "
        f"${' \\times '.join(['2'] * n)} = 2^{{{n}}} = {value}$ subsets."
    )
    mistakes = {
        "left_out_empty_and_whole": (
            value - 2,
            "The empty set and the whole set are subsets too: count them.",
        ),
        "counted_the_elements": (
            n,
            "That is the number of elements. Subsets are the groups you can choose from them, "
            "of every size.",
        ),
        "two_per_element_added": (
            2 * n,
            "The choices for the elements combine by multiplying, not adding: each choice "
            "for one element goes with every choice for the others.",
        ),
    }
    params = {"n": n, "elements": elements}
    return _whole(prompt, params, solution, value, mistakes)


# ------------------------------------------------------------------------ set operations

CLUBS = [
    ("play football", "play chess"),
    ("have a cat", "have a dog"),
    ("like maths", "like music"),
    ("walk to school", "eat lunch at school"),
]


@family("two_groups_survey")
def two_groups_survey(rng: np.random.Generator) -> Variant:
    """A survey of two overlapping groups: at least one, neither, or only the first,
    by inclusion–exclusion."""
    first, second = CLUBS[draw(rng, 0, len(CLUBS) - 1)]
    both = draw(rng, 2, 9)
    a = both + draw(rng, 2, 12)
    b = both + draw(rng, 2, 12)
    union = a + b - both
    size = union + draw(rng, 1, 10)
    ask = draw(rng, 0, 2)
    facts = f"In a group of {size} students, {a} {first}, {b} {second} and {both} do both."
    if ask == 0:
        value = union
        question = "How many do at least one of the two?"
        solution = (
            f"Adding {a} and {b} counts the {both} who do both twice; subtract them once: "
            f"$|A \\cup B| = {a} + {b} - {both} = {value}$."
        )
        mistakes = {
            "counted_both_twice": (
                a + b,
                "The students who do both are in each group, so "
                "adding the groups counts them twice.",
            ),
        }
    elif ask == 1:
        value = size - union
        question = "How many do neither?"
        solution = (
            f"At least one: ${a} + {b} - {both} = {union}$. Neither is the complement: "
            f"${size} - {union} = {value}$."
        )
        mistakes = {
            "counted_both_twice": (
                size - a - b,
                "The students who do both were taken away twice: they are in each group.",
            ),
            "gave_the_union": (
                union,
                "That is how many do at least one. Neither is what is "
                "left of the whole group: the complement.",
            ),
        }
    else:
        value = a - both
        question = f"How many {first} but do not {second}?"
        solution = (
            f"Of the {a} who {first}, {both} also {second}: ${a} - {both} = {value}$ {first} only."
        )
        mistakes = {
            "kept_the_overlap": (
                a,
                f"Some of those who {first} also {second}: take the overlap away.",
            ),
        }
    prompt = f"{facts} {question} Give a whole number."
    params = {"size": size, "a": a, "b": b, "both": both, "ask": ask}
    return _whole(prompt, params, solution, value, mistakes)


@family("union_intersection_complement")
def union_intersection_complement(rng: np.random.Generator) -> Variant:
    """The size of a union, an intersection or a complement of two sets given by rules."""
    n = 10 * draw(rng, 2, 5)
    p, q = (int(k) for k in rng.choice([2, 3, 4, 5, 6, 7], size=2, replace=False))
    universe = set(range(1, n + 1))
    a = {x for x in universe if x % p == 0}
    b = {x for x in universe if x % q == 0}
    ask = ["\\cup", "\\cap", "complement"][draw(rng, 0, 2)]
    setup = (
        f"Let $U = \\{{1, 2, \\ldots, {n}\\}}$, $A$ the multiples of {p} in $U$ and $B$ the "
        f"multiples of {q} in $U$."
    )
    both = a & b
    if ask == "\\cup":
        value = len(a | b)
        what = "$|A \\cup B|$"
        solution = (
            f"$|A| = {len(a)}$, $|B| = {len(b)}$, and $A \\cap B$ holds the common multiples, "
            f"{len(both)} of them. So $|A \\cup B| = {len(a)} + {len(b)} - {len(both)} = {value}$."
        )
        mistakes = {
            "counted_the_overlap_twice": (
                len(a) + len(b),
                "The numbers in both sets are counted twice by adding: subtract the overlap once.",
            ),
            "gave_the_intersection": (
                len(both),
                "That is the intersection, the numbers in both. The union holds those in either.",
            ),
        }
    elif ask == "\\cap":
        value = len(both)
        what = "$|A \\cap B|$"
        common = sorted(both)
        listed = ", ".join(map(str, common)) if common else "none"
        solution = (
            f"$A \\cap B$ holds the numbers that are multiples of both {p} and {q}: {listed}. "
            f"So $|A \\cap B| = {value}$."
        )
        mistakes = {
            "gave_the_union": (
                len(a | b),
                "That is the union, the numbers in either set. The "
                "intersection keeps only those in both.",
            ),
        }
    else:
        value = n - len(a)
        what = "$|A^c|$"
        solution = (
            f"$|A| = {len(a)}$ multiples of {p} up to {n}, so the complement has "
            f"$|A^c| = {n} - {len(a)} = {value}$ elements."
        )
        mistakes = {
            "gave_the_set_itself": (
                len(a),
                "That is the size of $A$. Its complement holds "
                "everything in $U$ that is not in $A$.",
            ),
        }
    prompt = f"{setup} What is {what}? Give a whole number."
    params = {"n": n, "p": p, "q": q, "ask": ask}
    return _whole(prompt, params, solution, value, mistakes)


# -------------------------------------------------------------- sample spaces and events


@family("two_dice_event_size")
def two_dice_event_size(rng: np.random.Generator) -> Variant:
    """How many of the 36 ordered outcomes of two dice make an event happen."""

    omega = list(product(range(1, 7), repeat=2))
    kind = draw(rng, 0, 2)
    if kind == 0:
        s = draw(rng, 3, 11)
        event = [o for o in omega if sum(o) == s]
        words = f"the sum is {s}"
    elif kind == 1:
        s = draw(rng, 8, 11)
        event = [o for o in omega if sum(o) >= s]
        words = f"the sum is at least {s}"
    else:
        d = draw(rng, 1, 4)
        event = [o for o in omega if abs(o[0] - o[1]) == d]
        words = f"the two numbers differ by {d}"
    value = len(event)
    unordered = len({tuple(sorted(o)) for o in event})
    shown = ", ".join(f"({a},{b})" for a, b in event)
    prompt = (
        "A red die and a blue die are rolled; an outcome is the pair (red, blue). How many of "
        f'the 36 outcomes are in the event "{words}"? Give a whole number.'
    )
    solution = f"List the pairs, keeping order: $\\{{{shown}\\}}$. That is **{value}** outcomes."
    mistakes = {
        "ignored_the_order": (
            unordered,
            "The dice are different colours, so (2,5) and (5,2) are two different outcomes: "
            "count each order.",
        ),
    }
    params = {"kind": kind, "words": words}
    return _whole(prompt, params, solution, value, mistakes)


@family("sample_space_size")
def sample_space_size(rng: np.random.Generator) -> Variant:
    """The number of outcomes of an experiment in several steps: multiply the choices."""
    steps = [
        [("a coin is tossed", 2)] * draw(rng, 2, 5),
        [("a die is rolled", 6), ("a coin is tossed", 2)],
        [("a die is rolled", 6), ("a second die is rolled", 6)],
        [(f"a spinner with {k} equal sections is spun", k) for k in [draw(rng, 3, 8)]]
        + [("a coin is tossed", 2)],
        [("a letter is picked from A, B, C", 3), ("a digit is picked from 0 to 9", 10)],
    ][draw(rng, 0, 4)]
    counts = [n for _, n in steps]
    value = int(np.prod(counts))
    if len(set(steps)) == 1:
        story = f"A coin is tossed {len(steps)} times and the results are written in order."
    else:
        story = " and ".join(what for what, _ in steps).capitalize() + "."
    prompt = f"{story} How many outcomes are in the sample space? Give a whole number."
    solution = (
        "Each outcome of one step goes with every outcome of the others, so multiply: "
        f"${' \\times '.join(map(str, counts))} = {value}$ outcomes."
    )
    mistakes = {
        "added_the_choices": (
            sum(counts),
            "Adding counts the choices one step at a time. Every choice of one step combines "
            "with every choice of the next: multiply.",
        ),
    }
    if counts == [6, 6]:
        mistakes["listed_the_sums"] = (
            11,
            "The possible sums are results, not outcomes: each sum can come from several "
            "pairs, and the pairs are the outcomes.",
        )
    params = {"counts": counts}
    return _whole(prompt, params, solution, value, mistakes)


# ----------------------------------------------------------------------------- subitizing

PIPS = {
    1: {(1, 1)},
    2: {(0, 0), (2, 2)},
    3: {(0, 0), (1, 1), (2, 2)},
    4: {(0, 0), (0, 2), (2, 0), (2, 2)},
    5: {(0, 0), (0, 2), (1, 1), (2, 0), (2, 2)},
    6: {(0, 0), (1, 0), (2, 0), (0, 2), (1, 2), (2, 2)},
}
"""The dots of a die face on a 3-by-3 grid: (row, column)."""


def die_face(n: int) -> list[str]:
    """The three lines of a die face showing ``n``, dots as ● and blanks as ·."""
    return [" ".join("●" if (r, c) in PIPS[n] else "·" for c in range(3)) for r in range(3)]


@family("dice_pattern_how_many")
def dice_pattern_how_many(rng: np.random.Generator) -> Variant:
    """How many dots on a die face, seen as a pattern."""
    n = draw(rng, 1, 6)
    face = "\n".join(die_face(n))
    prompt = (
        "How many dots are on this die? Try to see it at a glance.\n\n"
        f"```\n{face}\n```\n\nGive a whole number."
    )
    how = {
        1: "one dot in the middle",
        2: "two corners",
        3: "a line of three from corner to corner",
        4: "the four corners",
        5: "the four corners and one in the middle, $4 + 1 = 5$",
        6: "two columns of three, $3 + 3 = 6$",
    }[n]
    solution = f"The pattern is {how}: **{n}** {plural(n, 'dot')}."
    mistakes = {
        "counted_one_twice": (
            n + 1,
            "One dot was counted twice. Look at the shape the dots make: each die number has "
            "its own pattern.",
        ),
    }
    if n > 1:
        mistakes["missed_one"] = (
            n - 1,
            "A dot was missed. Check the corners and the middle of the pattern.",
        )
    params = {"n": n}
    return _whole(prompt, params, solution, n, mistakes)


@family("domino_total")
def domino_total(rng: np.random.Generator) -> Variant:
    """The dots on a domino: two small patterns seen at a glance and put together."""
    a, b = draw(rng, 1, 5), draw(rng, 1, 5)
    left, right = die_face(a), die_face(b)
    domino = "\n".join(f"{x} | {y}" for x, y in zip(left, right, strict=True))
    value = a + b
    prompt = (
        "How many dots are on this domino altogether? See each half at a glance, then put "
        f"them together.\n\n```\n{domino}\n```\n\nGive a whole number."
    )
    solution = f"The halves show {a} and {b} at a glance: ${a} + {b} = {value}$ dots."
    mistakes = {
        "saw_one_half": (
            max(a, b),
            "That is only one half of the domino. Find the number on each half, then put them "
            "together.",
        ),
        "counted_one_twice": (
            value + 1,
            "One dot was counted twice. See each half as a pattern, then add the two numbers.",
        ),
    }
    params = {"left": a, "right": b}
    return _whole(prompt, params, solution, value, mistakes)
