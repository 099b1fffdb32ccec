"""Band 1: the first topics on the way to KL divergence (counting, shapes, grouping).

Every family draws small whole numbers from ``rng`` and works the answer out with integer
arithmetic; the prompts are written for a young reader and say what form the answer
takes. Each family names the typical slip of its skill (counting one thing twice,
saying the start number again when counting on, ...) so the grader can say what went
wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import numpy as np

from practice.families import (
    WHOLE,
    and_list,
    choice_variant,
    family,
    integer_variant,
    pick,
    values_variant,
)
from practice.grader import Expected
from practice.questions import Variant

KEYS = "ABCDEFGH"
PICTURES = ("🍎", "⭐", "🐟", "🌼", "🚗", "🎈", "🐞", "⚽")
NAMES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
"""Number words from zero to twenty, indexed by their value."""
TENS = ("", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
"""The words for whole tens, indexed by the number of tens."""


def some(n: int, word: str) -> str:
    """``n`` and the word for what is counted, singular for one: "1 ten", "3 tens"."""
    return f"{n} {word}{'s' if n != 1 else ''}"


COUNTED_TWICE = (
    "Count again slowly: it is easy to touch one thing twice. Touch each one once, and "
    "move it aside after you say its number."
)
SKIPPED_ONE = (
    "Count again slowly: it is easy to miss one thing. Touch every one, from the first to "
    "the last, and say one number for each touch."
)


def choice_of(
    *,
    prompt: str,
    params: dict,
    options: list[str],
    right: str,
    solution: str,
    mistakes: Mapping[str, tuple[str, str]],
) -> Variant:
    """A choice of ``right`` among ``options``, keyed A, B, C, ... in the order given.

    ``mistakes`` maps a misconception code to the option (not its key) that slip picks;
    the solution ends by naming the right key.
    """
    keys = {option: KEYS[i] for i, option in enumerate(options)}
    return choice_variant(
        prompt=prompt,
        params=params,
        options={keys[o]: o for o in options},
        right=keys[right],
        solution=f"{solution} The answer is **{keys[right]}** ({right}).",
        mistakes={code: (keys[o], message) for code, (o, message) in mistakes.items()},
    )


def row(picture: str, count: int) -> str:
    """``count`` copies of ``picture`` in a row, spaced for counting."""
    return " ".join([picture] * count)


# ------------------------------------------------------------------ counting to 10


@family("count_objects_to_10")
def count_objects_to_10(rng: np.random.Generator) -> Variant:
    """How many pictures are in a row of 2 to 10."""
    n = int(rng.integers(2, 11))
    picture = pick(rng, PICTURES)
    words = ", ".join(NAMES[1 : n + 1])
    return integer_variant(
        prompt=f"How many are there? Count them.\n\n{row(picture, n)}\n\n{WHOLE}",
        params={"count": n, "picture": picture},
        value=n,
        solution=(
            f"Touch each one once and say a number word for it: {words}. "
            f"The last word is *{NAMES[n]}*, so there are {n}: "
            f"${' + '.join(['1'] * n)} = {n}$."
        ),
        mistakes={
            "counted_one_twice": (n + 1, COUNTED_TWICE),
            "skipped_one": (n - 1, SKIPPED_ONE),
        },
    )


def neighbour(
    n: int, *, after: bool, note: str = "", mistakes: Mapping[str, tuple[int, str]] | None = None
) -> Variant:
    """The number counted just after (or just before) ``n``, one step away.

    ``note`` explains the step in the solution; ``mistakes`` adds misconceptions to
    ``wrong_direction`` (the neighbour on the other side).
    """
    value, other = (n + 1, n - 1) if after else (n - 1, n + 1)
    word = "after" if after else "before"
    return integer_variant(
        prompt=f"When you count by ones, which number comes just **{word}** {n}? {WHOLE}",
        params={"n": n, "after": after},
        value=value,
        solution=(
            f"Count one step {'forward' if after else 'back'} from {n}: "
            f"${n} {'+' if after else '-'} 1 = {value}$. {note}"
            f"The number just {word} {n} is {value}."
        ),
        mistakes={
            "wrong_direction": (
                other,
                f"That number is on the other side of {n}. Say the counting words up to "
                f"{n} and listen for the word just {word} it.",
            ),
            **(mistakes or {}),
        },
    )


@family("number_after_to_10")
def number_after_to_10(rng: np.random.Generator) -> Variant:
    """The number just after, or just before, a number up to 10."""
    after = bool(rng.integers(2))
    n = int(rng.integers(1, 10)) if after else int(rng.integers(2, 11))
    return neighbour(n, after=after)


# ------------------------------------------------------------------ counting to 20


@family("count_objects_to_20")
def count_objects_to_20(rng: np.random.Generator) -> Variant:
    """How many pictures: a full row of ten and a short row of 1 to 10 below it."""
    extra = int(rng.integers(1, 11))
    picture = pick(rng, PICTURES)
    total = 10 + extra
    words = ", ".join(NAMES[11 : total + 1])
    return integer_variant(
        prompt=(
            f"How many are there in all? The top row has ten.\n\n{row(picture, 10)}\n\n"
            f"{row(picture, extra)}\n\n{WHOLE}"
        ),
        params={"extra": extra, "picture": picture},
        value=total,
        solution=(
            f"The top row is ten. Start at ten and count the short row: {words}. "
            f"Ten and {NAMES[extra]} more is ${10} + {extra} = {total}$, so there are {total}."
        ),
        mistakes={
            "counted_one_twice": (total + 1, COUNTED_TWICE),
            "skipped_one": (total - 1, SKIPPED_ONE),
            "forgot_the_ten": (
                extra,
                "You counted only the short row. The full row is there too: start at ten "
                "and count on through the short row.",
            ),
        },
    )


@family("teen_number_from_its_name")
def teen_number_from_its_name(rng: np.random.Generator) -> Variant:
    """Write a teen number named in words (thirteen to nineteen) with digits."""
    n = int(rng.integers(13, 20))
    ones = n - 10
    return integer_variant(
        prompt=f"Write the number **{NAMES[n]}** with digits. {WHOLE}",
        params={"n": n},
        value=n,
        solution=(
            f"*{NAMES[n].capitalize()}* means {NAMES[ones]} and ten. The ten is written "
            f"first, then the ones: ${10} + {ones} = {n}$. So {NAMES[n]} is {n}."
        ),
        mistakes={
            "digits_reversed": (
                10 * ones + 1,
                "You wrote the digits the way the word sounds, ones first. In a teen "
                "number the ten comes first: write 1 for the ten, then the ones.",
            ),
            "teen_as_ty": (
                10 * ones,
                f"That is {TENS[ones]}, a much bigger number. A word ending in "
                "*teen* is ten and a few more: it is between 10 and 20.",
            ),
        },
    )


# ------------------------------------------------------------------ counting on

COUNTED_THE_START = (
    "You said the start number as your first step. The start number is what you already "
    "had: the first word you say out loud is the number after it."
)
THINGS = (
    ("shells", "in a bucket", "are dropped in"),
    ("grapes", "on a plate", "are put on it"),
    ("marbles", "in a jar", "are dropped in"),
    ("birds", "on a fence", "land on it"),
    ("books", "on a shelf", "are put on it"),
    ("ducks", "on a pond", "swim over"),
)
"""What is counted, where it is, and how more of it arrive."""


@family("count_on_to_add")
def count_on_to_add(rng: np.random.Generator) -> Variant:
    """Some things, then a few more: count on from the first amount."""
    start = int(rng.integers(3, 16))
    more = int(rng.integers(2, 6))
    things, where, arrive = pick(rng, THINGS)
    total = start + more
    said = ", ".join(str(start + i) for i in range(1, more + 1))
    return integer_variant(
        prompt=(
            f"There are {start} {things} {where}. Then {more} more {arrive}. Count on from "
            f"{start}. How many {things} are there now? {WHOLE}"
        ),
        params={"start": start, "more": more, "things": things},
        value=total,
        solution=(
            f"Keep {start} in your head and say one number for each of the {more} new "
            f"{things}: {said}. The last number is {total}: ${start} + {more} = {total}$."
        ),
        mistakes={"counted_the_start": (total - 1, COUNTED_THE_START)},
    )


@family("count_on_how_many_steps")
def count_on_how_many_steps(rng: np.random.Generator) -> Variant:
    """Count on from one number to another: how many numbers were said."""
    start = int(rng.integers(2, 15))
    steps = int(rng.integers(2, 6))
    end = start + steps
    said = ", ".join(str(start + i) for i in range(1, steps + 1))
    return integer_variant(
        prompt=(
            f"Start at {start} and count on until you say {end}. How many numbers do you "
            f"say out loud? {WHOLE}"
        ),
        params={"start": start, "end": end},
        value=steps,
        solution=(
            f"Keep {start} in your head and count on: {said}. That is {steps} numbers, "
            f"so {start} and {steps} more make {end}: ${start} + {steps} = {end}$."
        ),
        mistakes={
            "counted_the_start": (
                steps + 1,
                "You counted the start number too. The start number stays in your head: "
                "count only the numbers you say after it.",
            )
        },
    )


# ------------------------------------------------------------------ counting to 100


@family("next_ten_rollover")
def next_ten_rollover(rng: np.random.Generator) -> Variant:
    """The number just after a number ending in 9, or just before a whole ten, up to 100."""
    tens = int(rng.integers(1, 10))
    if rng.integers(2):
        return neighbour(
            10 * tens + 9,
            after=True,
            note="The ones pattern ran out at 9, so the tens went up by one. ",
            mistakes={
                "stayed_in_the_decade": (
                    10 * tens,
                    "You went back to the start of the same ten. After the ones reach 9 "
                    "the pattern rolls over: the tens go up by one and the ones start again.",
                )
            },
        )
    tens = min(tens + 1, 9)
    return neighbour(
        10 * tens,
        after=False,
        note="Stepping back from a whole ten lands on the 9 of the ten before. ",
        mistakes={
            "stayed_in_the_decade": (
                10 * tens + 9,
                "That number is in the same ten, further on. Going back from a whole ten "
                "takes you into the ten before it, to the end of its ones pattern.",
            )
        },
    )


def next_two(first: int, step: int, *, counting: str, note: str = "") -> Variant:
    """The next two numbers of a count by ``step`` whose first three are shown.

    ``counting`` names the count in the prompt ("tens", "5s"); ``note`` adds a remark
    to the solution's first sentence.
    """
    shown = [first + step * i for i in range(3)]
    last = shown[-1]
    value = (last + step, last + 2 * step)
    return values_variant(
        prompt=(
            f"Count by {counting}: {', '.join(map(str, shown))}, __, __. What are the next "
            "two numbers? Write both, separated by a comma."
        ),
        params={"shown": shown, "step": step},
        value=value,
        solution=(
            f"Each number is {step} more than the one before{note}: "
            f"${last} + {step} = {value[0]}$ and ${value[0]} + {step} = {value[1]}$. "
            f"The next two numbers are {value[0]}, {value[1]}."
        ),
        mistakes={
            "counted_by_ones": (
                (last + 1, last + 2),
                "You counted on by ones. Look at the jumps between the numbers shown: "
                f"each one is {step} more than the one before, so keep jumping by {step}.",
            )
        },
    )


@family("count_by_tens_next")
def count_by_tens_next(rng: np.random.Generator) -> Variant:
    """The next two numbers when counting by tens from any start."""
    first = int(rng.integers(1, 50))
    return next_two(first, 10, counting="tens", note=", so only the tens change")


# ------------------------------------------------------------------ two-dimensional shapes

SIDES = {"circle": 0, "triangle": 3, "square": 4, "rectangle": 4, "hexagon": 6}
"""Straight sides (and corners) of each named flat shape."""
PLURAL = {
    "circle": "circles",
    "triangle": "triangles",
    "square": "squares",
    "rectangle": "rectangles",
    "hexagon": "hexagons",
}


def amount(count: int, shape: str) -> str:
    """``1 square``, ``2 triangles``."""
    return f"{count} {shape if count == 1 else PLURAL[shape]}"


@family("sides_in_a_picture")
def sides_in_a_picture(rng: np.random.Generator) -> Variant:
    """The straight sides of a picture made of a few named shapes (maybe a circle)."""
    counts = {
        shape: int(rng.integers(0, 3))
        for shape in ("triangle", "square", "rectangle", "hexagon", "circle")
    }
    used = [s for s, k in counts.items() if k]
    if len([s for s in used if s != "circle"]) < 2:
        counts["triangle"] = counts["triangle"] or 1
        counts["hexagon"] = counts["hexagon"] or 1
        used = [s for s, k in counts.items() if k]
    parts = [(s, counts[s], counts[s] * SIDES[s]) for s in used]
    total = sum(p for _, _, p in parts)
    shapes = sum(counts.values())
    listed = ", ".join(amount(k, s) for s, k, _ in parts[:-1]) + " and " + amount(*parts[-1][1::-1])
    steps = "\n".join(
        f"- {amount(k, s)}: ${' + '.join([str(SIDES[s])] * k)} = {p}$"
        if k > 1
        else f"- {amount(k, s)}: {p}"
        for s, k, p in parts
    )
    mistakes = {
        "counted_shapes_not_sides": (
            shapes,
            "You counted the shapes. The question asks for their straight sides: count "
            "the sides of each shape, then add them up.",
        )
    }
    if counts["circle"]:
        mistakes["circle_has_a_side"] = (
            total + counts["circle"],
            "A circle is round all the way: it has no straight sides, so it adds nothing.",
        )
    return integer_variant(
        prompt=(
            f"A picture is made of {listed}. How many straight sides are there altogether? {WHOLE}"
        ),
        params={"counts": counts},
        value=total,
        solution=(
            f"Count the straight sides of each kind of shape:\n\n{steps}\n\n"
            f"Add them: ${' + '.join(str(p) for _, _, p in parts)} = {total}$. "
            f"There are {total} straight sides."
        ),
        mistakes=mistakes,
    )


DESCRIPTIONS = {
    "circle": "It is perfectly round, with no straight sides and no corners.",
    "triangle": "It has 3 straight sides and 3 corners.",
    "square": "It has 4 straight sides, all the same length, and 4 square corners.",
    "rectangle": "It has 4 straight sides and 4 square corners: two long sides and two short ones.",
    "hexagon": "It has 6 straight sides and 6 corners.",
}
LOOKS = (
    "A very big shape is painted on the playground.",
    "A tiny shape is drawn in the corner of a page.",
    "A shape is cut out of paper and turned upside down.",
    "A shape is drawn standing on one of its corners.",
    "A shape is turned on its side and drawn very thin.",
)


@family("name_the_shape")
def name_the_shape(rng: np.random.Generator) -> Variant:
    """Name a flat shape from its sides and corners, whatever its size or turn."""
    shape = pick(rng, list(SIDES)[1:] if rng.integers(4) else list(SIDES))
    look = pick(rng, LOOKS)
    if shape == "circle":
        look = look.replace(" standing on one of its corners", " in the sand")
    # A square is a rectangle too, so "rectangle" is never a wrong option for a square.
    others = [s for s in SIDES if s != shape and (shape, s) != ("square", "rectangle")]
    picked = [others[i] for i in sorted(rng.choice(len(others), size=3, replace=False))]
    if shape == "rectangle" and "square" not in picked:
        picked[0] = "square"
    options = [shape, *picked]
    options = [options[i] for i in rng.permutation(len(options))]
    mistakes = {}
    if shape == "rectangle":
        mistakes["square_needs_equal_sides"] = (
            "square",
            "Every side of a square has the same length, but this shape has two long "
            "sides and two short ones.",
        )
    sides = SIDES[shape]
    reason = (
        "It is round, with no straight sides"
        if shape == "circle"
        else f"It has {sides} straight sides and {sides} corners"
        + (
            ", all four sides the same length"
            if shape == "square"
            else ", two long and two short"
            if shape == "rectangle"
            else ""
        )
    )
    return choice_of(
        prompt=f"{look} {DESCRIPTIONS[shape]} Which shape is it?",
        params={"shape": shape, "options": options},
        options=options,
        right=shape,
        solution=(
            f"{reason}, so it is a {shape}. Its size and the way it is turned do not "
            "change its name."
        ),
        mistakes=mistakes,
    )


# ------------------------------------------------------------------ points, lines, segments, rays

FIGURES = ("point", "line", "line segment", "ray")
EXAMPLES = {
    "point": (
        "It marks one exact spot, like a tiny dot on a map. It has no length.",
        "It is just where two roads cross on a map: one exact spot, with no length.",
    ),
    "line": (
        "It is perfectly straight and goes on forever in both directions.",
        "It is drawn with an arrow at each end, because it never stops either way.",
    ),
    "line segment": (
        "It is straight, starts at one point and stops at another, like the edge of a ruler.",
        "It is the straight piece between two endpoints, like a crayon line from dot to dot.",
    ),
    "ray": (
        "It starts at one point and goes on forever in one direction, like light from a torch.",
        "It is drawn with one endpoint and one arrow, like a sunbeam leaving the sun.",
    ),
}
FIGURE_MISTAKES = {
    "point": (
        "point_has_no_length",
        "line segment",
        "Every line segment has two ends and a length you can measure. This is a single "
        "spot with no length at all.",
    ),
    "line": (
        "line_goes_both_ways",
        "ray",
        "Every ray has a starting point and goes on in only one direction. This one keeps "
        "going both ways.",
    ),
    "line segment": (
        "segment_has_two_ends",
        "line",
        "Lines never stop. This one starts at one point and stops at another.",
    ),
    "ray": (
        "ray_has_one_end",
        "line",
        "Lines go on forever both ways, with no starting point. This one has a "
        "starting point and goes only one way.",
    ),
}
REASONS = {
    "point": "a single spot with no length is a point",
    "line": "something straight that never stops in either direction is a line",
    "line segment": "a straight piece with two endpoints is a line segment",
    "ray": "something with one starting point that goes on forever one way is a ray",
}


@family("name_the_straight_figure")
def name_the_straight_figure(rng: np.random.Generator) -> Variant:
    """Point, line, segment or ray, from a description."""
    figure = pick(rng, FIGURES)
    description = pick(rng, EXAMPLES[figure])
    options = [FIGURES[i] for i in rng.permutation(len(FIGURES))]
    code, picked, message = FIGURE_MISTAKES[figure]
    return choice_of(
        prompt=f"{description} What is it?",
        params={"figure": figure, "options": options},
        options=options,
        right=figure,
        solution=f"Look at its ends: {REASONS[figure]}.",
        mistakes={code: (picked, message)},
    )


@family("segments_between_points")
def segments_between_points(rng: np.random.Generator) -> Variant:
    """How many segments join two of n points on a line."""
    n = int(rng.integers(3, 7))
    names = "ABCDEFGH"[:n] if rng.integers(2) else "PQRSTUVW"[:n]
    per_start = list(range(n - 1, 0, -1))
    total = sum(per_start)
    steps = "\n".join(
        f"- from {names[i]}: "
        + ", ".join(f"{names[i]}{names[j]}" for j in range(i + 1, n))
        + f" ({per_start[i]})"
        for i in range(n - 1)
    )
    return integer_variant(
        prompt=(
            f"The points {', '.join(names[:-1])} and {names[-1]} lie on a line, in that "
            "order. How many line segments have two of these points as their endpoints? "
            f"{WHOLE}"
        ),
        params={"n": n, "names": names},
        value=total,
        solution=(
            "Join each point to every point after it (a segment read backwards is the "
            f"same segment):\n\n{steps}\n\n"
            f"Altogether ${' + '.join(map(str, per_start))} = {total}$ segments."
        ),
        mistakes={
            "only_neighbours": (
                n - 1,
                "You counted only the short segments between neighbouring points. A "
                "segment can also skip over points: join each point to every point after it.",
            ),
            "counted_both_ways": (
                2 * total,
                "Segment AB and segment BA are the same piece, named from its two ends. "
                "Join each point only to the points after it, so no segment is counted "
                "from both of its ends.",
            ),
        },
    )


# ------------------------------------------------------------------ skip counting


@family("skip_count_next")
def skip_count_next(rng: np.random.Generator) -> Variant:
    """The next two numbers of a skip count by 2s, 5s or 10s."""
    step = pick(rng, (2, 5, 10))
    first = step * int(rng.integers(1, 40 // step + 6))
    return next_two(first, step, counting=f"{step}s")


GROUPS = {
    2: (("pairs of socks", "socks"), ("pairs of shoes", "shoes"), ("pairs of gloves", "gloves")),
    5: (("hands", "fingers"), ("star shapes with 5 points", "points"), ("packs of 5 pens", "pens")),
    10: (("boxes of 10 crayons", "crayons"), ("bundles of 10 sticks", "sticks")),
}


LOST_TRACK_OF_JUMPS = (
    "Check where you stopped: hold up one finger for each group as you jump, and say one "
    "number for every group, no more and no fewer."
)


@family("skip_count_groups")
def skip_count_groups(rng: np.random.Generator) -> Variant:
    """How many things in some equal groups of 2, 5 or 10, by skip counting."""
    step = pick(rng, (2, 5, 10))
    groups = int(rng.integers(3, 11))
    kind, things = pick(rng, GROUPS[step])
    total = groups * step
    said = ", ".join(str(step * i) for i in range(1, groups + 1))
    return integer_variant(
        prompt=(
            f"There are {groups} {kind}. Skip count by {step}s: how many {things} are "
            f"there? {WHOLE}"
        ),
        params={"groups": groups, "step": step, "things": things},
        value=total,
        solution=(
            f"Jump by {step} once for each of the {groups} {kind}: {said}. The last "
            f"number said is {total}: ${' + '.join([str(step)] * groups)} = {total}$."
        ),
        mistakes={
            "counted_groups": (
                groups,
                f"That is how many groups there are. The question asks for the {things}: "
                f"say one number of the count by {step}s for each group.",
            ),
            "one_jump_too_many": (
                total + step,
                LOST_TRACK_OF_JUMPS,
            ),
            "one_jump_too_few": (
                total - step,
                LOST_TRACK_OF_JUMPS,
            ),
        },
    )


# ------------------------------------------------------------------ equal groups

CONTAINERS = (
    ("plates", "strawberries", "🍓"),
    ("bags", "apples", "🍎"),
    ("nests", "eggs", "🥚"),
    ("vases", "flowers", "🌼"),
    ("boxes", "balls", "⚽"),
)


def groups_picture(sizes: list[int], picture: str) -> str:
    """Groups drawn in brackets, e.g. ``(🍎 🍎) (🍎 🍎)``."""
    return " ".join(f"({row(picture, k)})" for k in sizes)


@family("equal_groups_in_a_picture")
def equal_groups_in_a_picture(rng: np.random.Generator) -> Variant:
    """Read a picture of equal groups: how many groups, how many in each, how many in all."""
    groups = int(rng.integers(2, 6))
    size = int(rng.integers(2, 6))
    where, things, picture = pick(rng, CONTAINERS)
    total = groups * size
    return values_variant(
        prompt=(
            f"Each bracket is one of the {where}.\n\n{groups_picture([size] * groups, picture)}"
            f"\n\nHow many groups are there? How many {things} are in each group? How "
            f"many {things} are there in all? Write the three numbers in that order, "
            "separated by commas."
        ),
        params={"groups": groups, "size": size, "things": things},
        value=(groups, size, total),
        solution=(
            f"There are {groups} brackets, and each holds {size}: {groups} groups of "
            f"{size}. Add {size} once for each group: "
            f"${' + '.join([str(size)] * groups)} = {total}$. The answer is "
            f"{groups}, {size}, {total}."
        ),
        mistakes={
            "swapped_groups_and_size": (
                (size, groups, total),
                "The first two numbers are the wrong way round. Count the brackets for the "
                "groups first, then count what is inside one bracket.",
            ),
            "added_groups_and_size": (
                (groups, size, groups + size),
                "For the total you added the number of groups and the size of a group. "
                "Each group brings its own things: add the group size once for every group.",
            ),
        },
    )


@family("which_picture_shows_equal_groups")
def which_picture_shows_equal_groups(rng: np.random.Generator) -> Variant:
    """Pick the picture that shows g groups of s, among swapped and unequal ones."""
    groups, size = (int(x) for x in rng.choice(np.arange(2, 6), size=2, replace=False))
    _, things, picture = pick(rng, CONTAINERS)
    right = [size] * groups
    swapped = [groups] * size
    unequal = list(right)
    unequal[0] += 1
    unequal[-1] -= 1
    pictures = {"right": right, "swapped": swapped, "unequal": unequal}
    order = [list(pictures)[i] for i in rng.permutation(3)]
    drawn = {name: groups_picture(pictures[name], picture) for name in order}
    return choice_of(
        prompt=f"Which picture shows **{groups} groups of {size}** {things}?",
        params={"groups": groups, "size": size, "order": order},
        options=[drawn[name] for name in order],
        right=drawn["right"],
        solution=(
            f"{groups} groups of {size} means {groups} groups with {size} in every group. "
            f"Count the groups in each picture, then check that each group holds {size}."
        ),
        mistakes={
            "swapped_groups_and_size": (
                drawn["swapped"],
                "That picture has the numbers the other way round. The first number is "
                "how many groups there are; the second is how many are in each group.",
            ),
            "groups_not_equal": (
                drawn["unequal"],
                "The groups in that picture are not all the same size. In equal groups, "
                "every group holds the same number.",
            ),
        },
    )


# ------------------------------------------------------------------ arrays

ADDED_ROWS_AND_COLUMNS = (
    "You added the number of rows and the length of a row. That counts lines, not "
    "things: add the row length once for every row."
)


def array_picture(rows: int, columns: int, picture: str) -> str:
    """``rows`` lines of ``columns`` pictures, one row per line."""
    return "  \n".join([row(picture, columns)] * rows)


@family("array_total")
def array_total(rng: np.random.Generator) -> Variant:
    """How many things in an array drawn as rows of pictures."""
    rows = int(rng.integers(2, 6))
    columns = int(rng.integers(2, 7))
    picture = pick(rng, PICTURES)
    total = rows * columns
    mistakes = {
        "added_rows_and_columns": (rows + columns, ADDED_ROWS_AND_COLUMNS),
        "one_row_only": (
            columns,
            "That is how many are in one row. Every row is full: count each row.",
        ),
    }
    if rows > 2 and columns > 2:
        mistakes["counted_the_edge"] = (
            2 * rows + 2 * columns - 4,
            "You counted only the things around the edge. The middle of the array is "
            "full too: add the row length once for every row.",
        )
    return integer_variant(
        prompt=f"How many are in this array?\n\n{array_picture(rows, columns, picture)}\n\n{WHOLE}",
        params={"rows": rows, "columns": columns, "picture": picture},
        value=total,
        solution=(
            f"There are {rows} rows with {columns} in each row. Add a row of {columns} for "
            f"each row: ${' + '.join([str(columns)] * rows)} = {total}$, so "
            f"${rows} \\times {columns} = {total}$."
        ),
        mistakes=mistakes,
    )


@family("array_turned")
def array_turned(rng: np.random.Generator) -> Variant:
    """An array turned a quarter turn: its rows, row length and total."""
    rows, columns = (int(x) for x in rng.choice(np.arange(2, 10), size=2, replace=False))
    _, things, _ = pick(rng, CONTAINERS)
    total = rows * columns
    return values_variant(
        prompt=(
            f"A tray holds {things} in an array of {rows} rows with {columns} in each row. "
            "The tray is given a quarter turn. Now how many rows are there, how many "
            f"{things} are in each row, and how many {things} are there in all? Write the "
            "three numbers in that order, separated by commas."
        ),
        params={"rows": rows, "columns": columns, "things": things},
        value=(columns, rows, total),
        solution=(
            f"The {columns} columns become rows, each with {rows} {things}. Nothing is "
            f"added or taken away, so the total stays "
            f"${rows} \\times {columns} = {columns} \\times {rows} = {total}$. "
            f"The answer is {columns}, {rows}, {total}."
        ),
        mistakes={
            "turning_changes_nothing": (
                (rows, columns, total),
                "A quarter turn changes which way the lines run: the rows stand up and "
                "become columns, and the columns lie down and become rows.",
            ),
            "added_rows_and_columns": ((columns, rows, rows + columns), ADDED_ROWS_AND_COLUMNS),
        },
    )


# ------------------------------------------------------------------ commutative multiplication


@family("times_swap_missing_factor")
def times_swap_missing_factor(rng: np.random.Generator) -> Variant:
    """Fill the box in a × b = b × □ (or □ × a = a × b): the factors swap."""
    a, b = (int(x) for x in rng.choice(np.arange(2, 11), size=2, replace=False))
    box_right = bool(rng.integers(2))
    sentence = (
        f"{a} \\times {b} = {b} \\times \\square"
        if box_right
        else f"\\square \\times {a} = {a} \\times {b}"
    )
    value, copied = (a, b) if box_right else (b, a)
    return integer_variant(
        prompt=f"What number goes in the box? ${sentence}$ {WHOLE}",
        params={"a": a, "b": b, "box_right": box_right},
        value=value,
        solution=(
            "Swapping the factors keeps the product, so both sides use the same two "
            f"numbers, {a} and {b}: ${a} \\times {b} = {b} \\times {a} = {a * b}$. "
            f"The box is {value}."
        ),
        mistakes={
            "wrote_the_product": (
                a * b,
                "That is the product. The box stands for a factor: both sides must use "
                "the same two factors, in the other order.",
            ),
            "copied_the_factor_beside_it": (
                copied,
                "That number is already on that side. A swap uses both factors: put in "
                "the one that side is missing.",
            ),
        },
    )


@family("same_product_as")
def same_product_as(rng: np.random.Generator) -> Variant:
    """Which expression has the same product as a × b."""
    a, b = (int(x) for x in rng.choice(np.arange(2, 10), size=2, replace=False))
    right = f"${b} \\times {a}$"
    added = f"${a} + {b}$"
    doubled = f"${a} \\times {a}$"
    other = f"${b} \\times {b + 1}$"
    options = [right, added, doubled, other]
    options = [options[i] for i in rng.permutation(4)]
    return choice_of(
        prompt=f"Which of these has the same product as ${a} \\times {b}$?",
        params={"a": a, "b": b, "options": options},
        options=options,
        right=right,
        solution=(
            f"Swapping the two factors keeps the product: ${a} \\times {b} = {b} \\times "
            f"{a} = {a * b}$."
        ),
        mistakes={
            "added_instead": (
                added,
                "That adds the two numbers. Times means groups: swap the factors and "
                "keep the times sign.",
            ),
            "kept_one_factor": (
                doubled,
                "That uses one factor twice. Swapping keeps both factors and only changes "
                "their order.",
            ),
        },
    )


# ------------------------------------------------------------------ sorting and classifying

COUNTERS = {
    "🔴": ("red", "circle"),
    "🔵": ("blue", "circle"),
    "🟢": ("green", "circle"),
    "🟥": ("red", "square"),
    "🟦": ("blue", "square"),
    "🟩": ("green", "square"),
}
"""Counters that differ in colour and in shape: emoji → (colour, shape)."""
COLOURS = ("red", "blue", "green")
SHAPES = ("circle", "square")


def counters(rng: np.random.Generator, count: int) -> list[str]:
    """``count`` counters drawn at random, as emoji."""
    kinds = list(COUNTERS)
    return [kinds[int(i)] for i in rng.integers(len(kinds), size=count)]


@family("sort_and_count")
def sort_and_count(rng: np.random.Generator) -> Variant:
    """Sort a row of counters by colour or by shape and count one group."""
    drawn = counters(rng, int(rng.integers(6, 11)))
    by_colour = bool(rng.integers(2))
    at, other = (0, 1) if by_colour else (1, 0)
    rule = "colour" if by_colour else "shape"
    wanted = pick(rng, sorted({COUNTERS[c][at] for c in drawn}))
    group = [c for c in drawn if COUNTERS[c][at] == wanted]
    value = len(group)
    kinds = sorted({COUNTERS[c][other] for c in group})
    parts = [sum(1 for c in group if COUNTERS[c][other] == k) for k in kinds]

    def some(n: int, kind: str) -> str:
        return f"{n} {kind}{'s' if n != 1 else ''}" if by_colour else f"{n} {kind}"

    breakdown = and_list([some(n, k) for n, k in zip(parts, kinds, strict=True)])
    if len(parts) > 1:
        breakdown += f": ${' + '.join(map(str, parts))} = {value}$"
    mistakes = {
        "counted_the_rest": (
            len(drawn) - value,
            "You counted the things that are not in the group. Count only the ones "
            "that follow the rule.",
        )
    }
    if len(parts) > 1:
        mistakes["followed_two_rules"] = (
            max(parts),
            "You left some out because they look different in another way. The rule is "
            f"{rule} only: check each counter against that rule alone.",
        )
    return integer_variant(
        prompt=(
            f"Sort these counters by {rule}. How many are "
            f"**{wanted if by_colour else wanted + 's'}**?\n\n{' '.join(drawn)}\n\n{WHOLE}"
        ),
        params={"counters": drawn, "rule": rule, "wanted": wanted},
        value=value,
        solution=(
            f"Look only at {rule}. The {wanted} group is {' '.join(group)}, that is "
            f"{breakdown}. There {'is' if value == 1 else 'are'} {value}."
        ),
        mistakes=mistakes,
    )


RULES = ("by colour", "by shape", "by size")


@family("which_sorting_rule")
def which_sorting_rule(rng: np.random.Generator) -> Variant:
    """Which rule sorted these counters into groups: colour or shape."""
    by_colour = bool(rng.integers(2))
    at, other = (0, 1) if by_colour else (1, 0)
    while True:
        drawn = counters(rng, int(rng.integers(6, 10)))
        names = sorted({COUNTERS[c][at] for c in drawn})
        groups = [[c for c in drawn if COUNTERS[c][at] == n] for n in names]
        mixed = [len({COUNTERS[c][other] for c in g}) > 1 for g in groups]
        if len(groups) > 1 and any(mixed):
            break
    shown = "\n".join(f"- Group {i + 1}: {' '.join(g)}" for i, g in enumerate(groups))
    right, wrong = ("by colour", "by shape") if by_colour else ("by shape", "by colour")
    other_word = "shapes" if by_colour else "colours"
    same = "colour" if by_colour else "shape"
    return choice_of(
        prompt=f"These counters have been sorted into groups.\n\n{shown}\n\nWhat was the rule?",
        params={"groups": groups, "by_colour": by_colour},
        options=[RULES[i] for i in rng.permutation(len(RULES))],
        right=right,
        solution=(
            f"In every group the counters share one {same}, while the {other_word} are "
            f"mixed inside group {mixed.index(True) + 1}. So they were sorted {right}."
        ),
        mistakes={
            "rule_must_fit_every_group": (
                wrong,
                f"Look inside each group: the {other_word} are not all the same in every "
                "group, so that cannot be the rule.",
            )
        },
    )


# ------------------------------------------------------------------ counting coins

COINS = (("quarter", "quarters", 25), ("dime", "dimes", 10), ("nickel", "nickels", 5))
COINS += (("penny", "pennies", 1),)
"""US coins from the most to the least valuable: (name, plural, value in cents)."""


def coin_list(counts: list[int]) -> str:
    """``2 dimes, 1 nickel and 3 pennies`` for counts in the order of COINS."""
    return and_list(
        [
            f"{k} {one if k == 1 else many}"
            for (one, many, _), k in zip(COINS, counts, strict=True)
            if k
        ]
    )


def coin_values(counts: list[int]) -> list[int]:
    """The value of every coin, largest first."""
    return [v for (_, _, v), k in zip(COINS, counts, strict=True) for _ in range(k)]


@family("count_coins_value")
def count_coins_value(rng: np.random.Generator) -> Variant:
    """The value in cents of a handful of quarters, dimes, nickels and pennies."""
    counts = [int(rng.integers(0, 3)), int(rng.integers(0, 4))]
    counts += [int(rng.integers(1, 4)), int(rng.integers(0, 5))]
    if counts[1] == 0:
        counts[1] = 1
    values = coin_values(counts)
    total = sum(values)
    running = [sum(values[: i + 1]) for i in range(len(values))]
    mistakes = {
        "counted_coins": (
            len(values),
            "That is how many coins there are. Count what each coin is worth: "
            "quarters by 25, dimes by 10, nickels by 5 and pennies by 1.",
        )
    }
    q, d, n, p = counts
    if d != n:
        mistakes["nickel_and_dime_swapped"] = (
            25 * q + 5 * d + 10 * n + p,
            "You swapped the nickel and the dime. The dime is the smaller coin but it is "
            "worth 10 cents; the bigger nickel is worth 5.",
        )
    return integer_variant(
        prompt=f"How many cents are {coin_list(counts)} worth? {WHOLE}",
        params={"counts": dict(zip((c[0] for c in COINS), counts, strict=True))},
        value=total,
        solution=(
            "Start with the coin worth the most and count on: "
            f"{', '.join(map(str, running))}. "
            f"${' + '.join(map(str, values))} = {total}$, so they are worth {total} cents."
        ),
        mistakes=mistakes,
    )


@family("which_coins_are_worth_more")
def which_coins_are_worth_more(rng: np.random.Generator) -> Variant:
    """Which of three handfuls of coins is worth the most (the most coins is not)."""
    while True:
        hands = [[int(rng.integers(0, 3)) for _ in COINS] for _ in range(3)]
        hands[0][0] = max(hands[0][0], 1)  # a quarter in the first hand
        hands[1][3] += 4  # many pennies in the second
        totals = [sum(coin_values(h)) for h in hands]
        sizes = [sum(h) for h in hands]
        best, most = totals.index(max(totals)), sizes.index(max(sizes))
        if len(set(totals)) == 3 and len(set(sizes)) == 3 and best != most and all(sizes):
            break
    labels = [coin_list(h) for h in hands]
    order = [int(i) for i in rng.permutation(3)]
    options = [labels[i] for i in order]
    worked = "; ".join(
        f"{labels[i]}: ${' + '.join(map(str, coin_values(hands[i])))} = {totals[i]}$"
        if sizes[i] > 1
        else f"{labels[i]}: {totals[i]}"
        for i in order
    )
    return choice_of(
        prompt="Which handful of coins is worth the most money?",
        params={"hands": hands, "order": order},
        options=options,
        right=labels[best],
        solution=(
            f"Add up what each handful is worth, in cents: {worked}. The most is "
            f"{totals[best]} cents."
        ),
        mistakes={
            "most_coins_not_most_money": (
                labels[most],
                "That handful has the most coins, but not the most money. Add up what each "
                "coin is worth before you compare.",
            )
        },
    )


# ------------------------------------------------------------------ tally charts

GATE = "<s>||||</s>"
"""Five tally marks: four strokes standing up and a fifth across them."""


def tally(n: int) -> str:
    """``n`` as tally marks: gates of five, then the strokes left over."""
    gates, ones = divmod(n, 5)
    return " ".join([GATE] * gates + (["|" * ones] if ones else []))


def tally_steps(n: int) -> str:
    """Counting ``n``'s tally aloud: by fives over the gates, then on by ones."""
    gates, ones = divmod(n, 5)
    said = [5 * g for g in range(1, gates + 1)] + [5 * gates + i for i in range(1, ones + 1)]
    return ", ".join(map(str, said))


def tally_sum(n: int) -> str:
    """``5 + 5 + 3 = 13`` for ``n = 13``; just ``5`` for a single gate (or ``4``, strokes only)."""
    gates, ones = divmod(n, 5)
    parts = ["5"] * gates + ([str(ones)] if ones else [])
    return f"{' + '.join(parts)} = {n}" if len(parts) > 1 else str(n)


GATE_AS_FOUR = (
    "You read a gate as four. A gate has five strokes: the four standing up and the one "
    "across them."
)


def tally_parts(gates: int, ones: int) -> str:
    """What a tally is made of, in words: "are 2 gates of five and 1 stroke left over"."""
    gate_words = f"{gates} gate{'s' if gates != 1 else ''} of five"
    verb = "are" if gates != 1 else "is"
    if ones == 0:
        return f"{verb} {gate_words} and no strokes left over"
    return f"{verb} {gate_words} and {ones} stroke{'s' if ones != 1 else ''} left over"


@family("read_tally")
def read_tally(rng: np.random.Generator) -> Variant:
    """How many a row of tally marks shows."""
    n = int(rng.integers(6, 30))
    gates, ones = divmod(n, 5)
    return integer_variant(
        prompt=f"How many does this tally show?\n\n{tally(n)}\n\n{WHOLE}",
        params={"n": n},
        value=n,
        solution=(
            f"There {tally_parts(gates, ones)}. Count by fives, then on by ones: "
            f"{tally_steps(n)}. So ${tally_sum(n)}$."
        ),
        mistakes={
            "gate_counted_as_four": (4 * gates + ones, GATE_AS_FOUR),
            "gate_counted_as_one": (
                gates + ones,
                "You counted each gate as one mark. Every gate stands for five: count the "
                "gates by fives.",
            ),
        },
    )


TALLY_TOPICS = (
    ("favourite pets", ("cat", "dog", "fish", "rabbit")),
    ("birds at the feeder", ("robin", "sparrow", "pigeon", "blackbird")),
    ("favourite colours", ("red", "blue", "green", "yellow")),
    ("cars going past", ("red cars", "white cars", "black cars", "blue cars")),
)


@family("tally_chart_how_many_more")
def tally_chart_how_many_more(rng: np.random.Generator) -> Variant:
    """How many more in one row of a tally chart than in another."""
    title, names = pick(rng, TALLY_TOPICS)
    counts = [int(x) for x in rng.choice(np.arange(3, 21), size=3, replace=False)]
    rows = names[:3]
    big, small = (int(i) for i in np.argsort(counts)[::-1][[0, 2]])
    a, b = counts[big], counts[small]
    chart = "\n".join(f"- {name}: {tally(k)}" for name, k in zip(rows, counts, strict=True))
    as_four = [4 * (k // 5) + k % 5 for k in counts]
    return integer_variant(
        prompt=(
            f"A tally chart of {title}:\n\n{chart}\n\nHow many more for **{rows[big]}** "
            f"than for **{rows[small]}**? {WHOLE}"
        ),
        params={"rows": list(rows), "counts": counts, "big": big, "small": small},
        value=a - b,
        solution=(
            f"{rows[big].capitalize()}: ${tally_sum(a)}$. {rows[small].capitalize()}: "
            f"${tally_sum(b)}$. How many more is the difference: ${a} - {b} = {a - b}$."
        ),
        mistakes={
            "added_instead": (
                a + b,
                "You added the two counts. How many more asks for the difference: take the "
                "smaller count away from the bigger one.",
            ),
            "gate_counted_as_four": (as_four[big] - as_four[small], GATE_AS_FOUR),
        },
    )


# ------------------------------------------------------------------ picture graphs

GRAPHS = (
    ("books read", "📘", "books", ("Ana", "Ben", "Cai", "Dev")),
    ("apples picked", "🍎", "apples", ("Mia", "Noor", "Olu", "Pia")),
    ("goals scored", "⚽", "goals", ("Reds", "Blues", "Greens", "Golds")),
    ("fish caught", "🐟", "fish", ("Sam", "Tia", "Uma", "Vic")),
)
IGNORED_THE_KEY = (
    "You counted the pictures but forgot the key. Each picture stands for more than one: "
    "count by the key's number, one jump per picture."
)


def picture_graph(rng: np.random.Generator, rows: int) -> tuple[dict, str]:
    """A picture graph drawn at random: its numbers and its Markdown (key and rows)."""
    title, picture, things, names = pick(rng, GRAPHS)
    each = pick(rng, (2, 5, 10))
    counts = [int(x) for x in rng.choice(np.arange(1, 8), size=rows, replace=False)]
    shown = "\n".join(
        f"- {name}: {row(picture, k)}" for name, k in zip(names[:rows], counts, strict=True)
    )
    graph = {"title": title, "things": things, "each": each, "counts": counts}
    graph["names"] = list(names[:rows])
    return graph, f"A picture graph of {title}.\n\nKey: {picture} = {each} {things}\n\n{shown}"


def counted_by(k: int, each: int) -> str:
    """``k`` jumps of ``each`` as a formula: ``$2 + 2 + 2 = 6$`` (``$2$`` for one jump)."""
    if k == 1:
        return f"${each}$"
    return f"${' + '.join([str(each)] * k)} = {k * each}$"


@family("read_picture_graph")
def read_picture_graph(rng: np.random.Generator) -> Variant:
    """How many one row of a picture graph stands for, using the key."""
    graph, drawn = picture_graph(rng, 3)
    at = int(rng.integers(3))
    name, k, each = graph["names"][at], graph["counts"][at], graph["each"]
    value = k * each
    return integer_variant(
        prompt=f"{drawn}\n\nHow many {graph['things']} for **{name}**? {WHOLE}",
        params=graph | {"asked": at},
        value=value,
        solution=(
            f"Each picture stands for {each}, and {name} has {k} "
            f"picture{'s' if k != 1 else ''}. Count by {each}s, one jump per picture: "
            f"{counted_by(k, each)}. So the answer is {value}."
        ),
        mistakes={
            "ignored_the_key": (k, IGNORED_THE_KEY),
            "one_picture_too_many": (
                value + each,
                "Count the pictures in the row again, touching each one once.",
            ),
        },
    )


@family("picture_graph_how_many_more")
def picture_graph_how_many_more(rng: np.random.Generator) -> Variant:
    """How many more one row of a picture graph stands for than another."""
    graph, drawn = picture_graph(rng, 3)
    counts, names, each = graph["counts"], graph["names"], graph["each"]
    big, small = counts.index(max(counts)), counts.index(min(counts))
    a, b = counts[big] * each, counts[small] * each
    return integer_variant(
        prompt=(
            f"{drawn}\n\nHow many more {graph['things']} for **{names[big]}** than for "
            f"**{names[small]}**? {WHOLE}"
        ),
        params=graph | {"big": big, "small": small},
        value=a - b,
        solution=(
            f"Each picture stands for {each}. {names[big]} has "
            f"{counted_by(counts[big], each)} and {names[small]} has "
            f"{counted_by(counts[small], each)}. The difference is ${a} - {b} = {a - b}$."
        ),
        mistakes={
            "ignored_the_key": (counts[big] - counts[small], IGNORED_THE_KEY),
            "added_instead": (
                a + b,
                "You added the two rows. How many more asks for the difference: take the "
                "smaller amount away from the bigger one.",
            ),
        },
    )


# ------------------------------------------------------------------ teen numbers

FULL, EMPTY = "🔴", "⚪"


def ten_frame(filled: int) -> str:
    """A ten-frame (two rows of five) with ``filled`` counters, as two Markdown lines."""
    cells = [FULL] * filled + [EMPTY] * (10 - filled)
    return f"{' '.join(cells[:5])}  \n{' '.join(cells[5:])}"


@family("ten_frame_count")
def ten_frame_count(rng: np.random.Generator) -> Variant:
    """The teen number shown by a full ten-frame and a part-filled one."""
    ones = int(rng.integers(1, 10))
    n = 10 + ones
    return integer_variant(
        prompt=(
            f"What number do these ten-frames show? {EMPTY} is an empty space.\n\n"
            f"{ten_frame(10)}\n\n{ten_frame(ones)}\n\n{WHOLE}"
        ),
        params={"ones": ones},
        value=n,
        solution=(
            f"The first frame is full: one ten. The second has {ones} counter"
            f"{'s' if ones != 1 else ''}. One ten and {some(ones, 'one')}: $10 + {ones} = {n}$."
        ),
        mistakes={
            "counted_the_empty_spaces": (
                20 - ones,
                "You counted the empty spaces in the second frame. Count only the "
                "counters: the spaces show how many more would fill it.",
            ),
            "forgot_the_full_frame": (
                ones,
                "You counted only the second frame. The full frame counts too: start from "
                "its ten and count on through the second frame.",
            ),
        },
    )


@family("teen_tens_and_ones")
def teen_tens_and_ones(rng: np.random.Generator) -> Variant:
    """How many tens and how many ones make a teen number."""
    n = int(rng.integers(11, 20))
    ones = n - 10
    return values_variant(
        prompt=(
            f"How many tens and how many ones are in **{n}**? Write the two numbers, "
            "tens first, separated by a comma."
        ),
        params={"n": n},
        value=(1, ones),
        solution=(
            f"{n} is one full ten and {ones} more: $10 + {ones} = {n}$. "
            f"So it is 1 ten and {ones} ones: 1, {ones}."
        ),
        mistakes={
            "wrote_ten_for_one_ten": (
                (10, ones),
                "The question asks how many tens, not how many things are in them. One "
                "full ten-frame is one ten.",
            ),
            "tens_and_ones_swapped": (
                (ones, 1),
                "The two numbers are the wrong way round. The left digit counts the tens; "
                "the right digit counts the ones.",
            ),
        },
    )


# ------------------------------------------------------------------ place value to 100


@family("bundles_and_sticks")
def bundles_and_sticks(rng: np.random.Generator) -> Variant:
    """The number shown by bundles of ten and loose sticks."""
    tens = int(rng.integers(2, 10))
    ones = int(rng.integers(1, 10))
    n = 10 * tens + ones
    return integer_variant(
        prompt=(
            f"There are {tens} bundles of ten sticks and {ones} loose stick"
            f"{'s' if ones != 1 else ''}. How many sticks is that? {WHOLE}"
        ),
        params={"tens": tens, "ones": ones},
        value=n,
        solution=(
            f"{tens} bundles of ten are {tens} tens: ${tens} \\times 10 = {10 * tens}$. "
            f"Add the {some(ones, 'one')}: ${10 * tens} + {ones} = {n}$. "
            f"The tens digit is {tens} and the ones digit is {ones}: {n}."
        ),
        mistakes={
            "added_bundles_and_sticks": (
                tens + ones,
                "You added the bundles as if each were one stick. Every bundle holds ten: "
                "count the bundles by tens.",
            ),
            "wrote_tens_then_ones": (
                int(f"{10 * tens}{ones}"),
                "You wrote the tens as a whole number and then the ones after it, which "
                "makes a number in the hundreds. The tens digit already means that many "
                "tens: write it, then the ones digit.",
            ),
        },
    )


WHICH_PLACE = (
    "Its place tells what it is worth: check whether it is the left digit, which counts "
    "tens, or the right one, which counts ones."
)


@family("digit_value_to_100")
def digit_value_to_100(rng: np.random.Generator) -> Variant:
    """What one digit of a two-digit number is worth."""
    tens, ones = (int(x) for x in rng.choice(np.arange(1, 10), size=2, replace=False))
    n = 10 * tens + ones
    in_tens = bool(rng.integers(3))  # the tens digit is asked two times in three
    digit = tens if in_tens else ones
    value = 10 * tens if in_tens else ones
    place = "tens" if in_tens else "ones"
    mistakes = (
        {
            "face_value": (
                tens,
                f"That is the digit itself. {WHICH_PLACE}",
            )
        }
        if in_tens
        else {
            "read_as_tens": (
                10 * ones,
                WHICH_PLACE,
            )
        }
    )
    return integer_variant(
        prompt=f"What is the **{digit}** in **{n}** worth? {WHOLE}",
        params={"n": n, "digit": digit, "place": place},
        value=value,
        solution=(
            f"In {n} the {digit} is in the {place} place, so it is worth "
            + (
                f"{some(tens, 'ten')}: ${tens} \\times 10 = {value}$."
                if in_tens
                else f"{some(ones, 'one')}: {value}."
            )
            + f" Check: ${10 * tens} + {ones} = {n}$."
        ),
        mistakes=mistakes,
    )


# ------------------------------------------------------------------ dollars and cents


def money(cents: int) -> str:
    """``cents`` written in dollars for a formula: ``\\mathdollar 3.05``."""
    return f"\\mathdollar {cents // 100}.{cents % 100:02d}"


@family("dollars_to_cents")
def dollars_to_cents(rng: np.random.Generator) -> Variant:
    """How many cents an amount written in dollars is."""
    dollars = int(rng.integers(1, 10))
    cents = int(rng.integers(1, 100))
    total = 100 * dollars + cents
    return integer_variant(
        prompt=f"How many cents is ${money(total)}$? {WHOLE}",
        params={"dollars": dollars, "cents": cents},
        value=total,
        solution=(
            f"${money(total)}$ is {some(dollars, 'dollar')} and {some(cents, 'cent')}. Each "
            f"dollar is 100 cents: ${dollars} \\times 100 = {100 * dollars}$, and "
            f"${100 * dollars} + {cents} = {total}$ cents."
        ),
        mistakes={
            "only_the_cents": (
                cents,
                "That counts only the digits after the point. The digits before the point "
                "are whole dollars, and each dollar is 100 cents.",
            ),
            "dollar_as_ten_cents": (
                10 * dollars + cents,
                "A dollar is worth 100 cents, not 10: ten dimes make one dollar.",
            ),
        },
    )


@family("cents_to_dollars")
def cents_to_dollars(rng: np.random.Generator) -> Variant:
    """Write an amount of cents in dollars, with a decimal point."""
    dollars = int(rng.integers(1, 10))
    cents = int(rng.integers(1, 10)) if rng.integers(5) < 2 else int(rng.integers(10, 100))
    total = 100 * dollars + cents
    value = Fraction(total, 100)
    alternatives = {"cents_as_dollars": Fraction(total), "point_one_place_off": Fraction(total, 10)}
    messages = {
        "cents_as_dollars": (
            "That many dollars would be far too much. Split the cents into whole dollars "
            "(100 cents each) and the cents left over, and put the point between them."
        ),
        "point_one_place_off": (
            "The point is in the wrong place. The cents take exactly two digits after the "
            "point, because a cent is one hundredth of a dollar."
        ),
    }
    if cents < 10:
        alternatives["dropped_the_zero"] = dollars + Fraction(cents, 10)
        messages["dropped_the_zero"] = (
            "With fewer than ten cents, the first digit after the point must be 0: the two "
            "places after the point count the cents."
        )
    answer = Expected(
        value, kind="exact", form="decimal", alternatives=alternatives, messages=messages
    )
    written = f"{dollars}.{cents:02d}"
    shorter = f"{float(value):g}"
    return Variant(
        prompt=(
            f"Write {total} cents in dollars, as a decimal number such as 0.75 (without the "
            "dollar sign)."
        ),
        params={"cents": total},
        expected=float(value),
        solution=(
            f"{total} cents is {dollars} whole dollar{'s' if dollars != 1 else ''} "
            f"({100 * dollars} cents) and ${total} - {100 * dollars} = {cents}$ "
            f"cent{'s' if cents != 1 else ''} left over. The cents take two places after the "
            f"point: ${money(total)}$, so the answer is {written}"
            + (f" (or {shorter})." if shorter != written else ".")
        ),
        answer=answer,
    )


# ------------------------------------------------------------------ place value to 1000


@family("blocks_to_number")
def blocks_to_number(rng: np.random.Generator) -> Variant:
    """The number shown by hundreds flats, tens rods and ones cubes (tens often zero)."""
    hundreds = int(rng.integers(1, 10))
    tens = 0 if rng.integers(5) < 2 else int(rng.integers(1, 10))
    ones = int(rng.integers(1, 10))
    n = 100 * hundreds + 10 * tens + ones
    rods = f"{tens} rod{'s' if tens != 1 else ''} (tens)" if tens else "no rods (tens)"
    mistakes = {
        "counted_the_blocks": (
            hundreds + tens + ones,
            "You counted the blocks one each. A flat is a hundred and a rod is ten: count "
            "each kind by its value.",
        )
    }
    if tens == 0:
        mistakes["left_out_the_zero"] = (
            10 * hundreds + ones,
            "You left out the empty tens place. With no rods, the tens digit is 0, and it "
            "must be written to keep the hundreds in their place.",
        )
    else:
        mistakes["wrote_each_value"] = (
            int(f"{hundreds}00{10 * tens}{ones}"),
            "You wrote the hundreds, the tens and the ones as whole numbers one after the "
            "other. Each place holds one digit: three digits in all.",
        )
    return integer_variant(
        prompt=(
            f"A number is shown with {hundreds} flat{'s' if hundreds != 1 else ''} (hundreds), "
            f"{rods} and {ones} small cube{'s' if ones != 1 else ''} (ones). What is the "
            f"number? {WHOLE}"
        ),
        params={"hundreds": hundreds, "tens": tens, "ones": ones},
        value=n,
        solution=(
            f"The hundreds digit is {hundreds}, the tens digit is {tens} and the ones digit "
            f"is {ones}: ${100 * hundreds} + {10 * tens} + {ones} = {n}$. The number is {n}."
        ),
        mistakes=mistakes,
    )


@family("ten_or_hundred_more")
def ten_or_hundred_more(rng: np.random.Generator) -> Variant:
    """10 or 100 more (or less) than a three-digit number, changing one digit only.

    The number is drawn again while the step would carry into the next place (396 + 10,
    502 - 10): the lesson and the solution change exactly one digit by one.
    """
    step, other = (10, 100) if rng.integers(2) else (100, 10)
    sign = 1 if rng.integers(3) else -1
    n = int(rng.integers(110, 890))
    while (n // step % 10) + sign not in range(10):
        n = int(rng.integers(110, 890))
    value = n + sign * step
    word = "more" if sign > 0 else "less"
    place = "tens" if step == 10 else "hundreds"
    return integer_variant(
        prompt=f"What number is **{step} {word}** than {n}? {WHOLE}",
        params={"n": n, "step": step, "sign": sign},
        value=value,
        solution=(
            f"{step} {word} changes the {place} by one: "
            f"${n} {'+' if sign > 0 else '-'} {step} = {value}$."
        ),
        mistakes={
            "changed_the_wrong_place": (
                n + sign * other,
                f"You changed the wrong digit. {step} is one {place[:-1]}: change the "
                f"{place} digit by one.",
            ),
            "changed_the_ones": (
                n + sign,
                f"You changed the ones by one. {step} {word} means one {place[:-1]} {word}.",
            ),
        },
    )


# ------------------------------------------------------------------ expanded form

PLACES = ("hundreds", "tens", "ones")


def place_values(n: int) -> list[int]:
    """The values of the hundreds, tens and ones digits of ``n`` (zeros included)."""
    return [n // 100 * 100, n // 10 % 10 * 10, n % 10]


@family("expanded_to_number")
def expanded_to_number(rng: np.random.Generator) -> Variant:
    """The number whose expanded form is given, perhaps with a place missing or shuffled."""
    hundreds, ones = int(rng.integers(1, 10)), int(rng.integers(1, 10))
    tens = 0 if rng.integers(3) == 0 else int(rng.integers(1, 10))
    n = 100 * hundreds + 10 * tens + ones
    parts = [v for v in place_values(n) if v]
    shuffled = len(parts) == 3 and rng.integers(2) == 1
    shown = [parts[i] for i in rng.permutation(3)] if shuffled else parts
    mistakes = {}
    if tens == 0:
        mistakes["left_out_the_zero"] = (
            10 * hundreds + ones,
            "There is no tens part, so the tens digit is 0. Write it, or the hundreds slide "
            "into the tens place.",
        )
    if shown != parts:
        mistakes["wrote_in_given_order"] = (
            int("".join(str(v)[0] for v in shown)),
            "You wrote the digits in the order the parts are listed. Put each part in its "
            "own place: hundreds first, then tens, then ones.",
        )
    if not mistakes:
        mistakes["added_the_parts_as_digits"] = (
            hundreds + tens + ones,
            "You added the digits. Each part is already worth its place value: add the "
            "parts themselves.",
        )
    return integer_variant(
        prompt=f"Which number is ${' + '.join(map(str, shown))}$? {WHOLE}",
        params={"shown": shown},
        value=n,
        solution=(
            "Put the parts in place order, hundreds, tens, ones"
            + (", with 0 tens" if tens == 0 else "")
            + f": ${' + '.join(map(str, parts))} = {n}$."
        ),
        mistakes=mistakes,
    )


@family("expanded_form_missing_part")
def expanded_form_missing_part(rng: np.random.Generator) -> Variant:
    """The missing part in the expanded form of a three-digit number."""
    digits = [int(rng.integers(1, 10)) for _ in range(3)]
    n = 100 * digits[0] + 10 * digits[1] + digits[2]
    values = place_values(n)
    at = int(rng.integers(0, 2))  # the hundreds or the tens part
    shown = [str(v) for v in values]
    shown[at] = "\\square"
    return integer_variant(
        prompt=f"What number goes in the box? ${n} = {' + '.join(shown)}$ {WHOLE}",
        params={"n": n, "missing": PLACES[at]},
        value=values[at],
        solution=(
            f"The {digits[at]} in {n} is in the {PLACES[at]} place, so it is worth "
            f"{values[at]}: ${n} = {' + '.join(map(str, values))}$. The box is {values[at]}."
        ),
        mistakes={
            "digit_not_value": (
                digits[at],
                "That is the digit, not what it is worth. Write the value of its place: "
                "tens end in one 0 and hundreds in two.",
            )
        },
    )


# ------------------------------------------------------------------ understanding angles

HOUR_STEP = 360 // 12
"""Degrees between two neighbouring numbers of a clock face."""


@family("clock_hands_angle")
def clock_hands_angle(rng: np.random.Generator) -> Variant:
    """The smaller angle between a clock's hands at a whole hour, in degrees."""
    hour = pick(rng, (1, 2, 3, 4, 5, 7, 8, 9, 10, 11))
    steps = min(hour, 12 - hour)
    value = steps * HOUR_STEP
    way = (
        f"from 12 to {hour} is {some(steps, 'step')}"
        if hour <= 6
        else f"the shorter way round, from {hour} on to 12, is {some(steps, 'step')}"
    )
    mistakes = {
        "counted_steps_not_degrees": (
            steps,
            "That is the number of steps between the hands. Each step of the clock face is "
            "a turn of several degrees: a full turn of 360 degrees is shared by 12 steps.",
        ),
        "took_the_bigger_angle": (
            360 - value,
            "That is the angle the long way round. The angle between the hands is the "
            "smaller opening between them.",
        ),
    }
    return integer_variant(
        prompt=(
            f"At {hour} o'clock, what is the angle between the hands of a clock (the smaller "
            "one), in degrees? Give a whole number."
        ),
        params={"hour": hour},
        value=value,
        solution=(
            f"A full turn is 360 degrees and passes 12 numbers, so one step is "
            f"$360 \\div 12 = {HOUR_STEP}$ degrees. At {hour} o'clock, {way}: "
            f"${steps} \\times {HOUR_STEP} = {value}$ degrees."
        ),
        mistakes=mistakes,
        unit="degrees",
    )


@family("compare_angles_not_arms")
def compare_angles_not_arms(rng: np.random.Generator) -> Variant:
    """Which of two angles is bigger when the arms' lengths point the other way."""
    sizes = [int(x) for x in rng.choice(np.arange(2, 17) * 10, size=2, replace=False)]
    if rng.integers(3) == 0:
        sizes[1] = sizes[0]
    arms = [int(x) for x in rng.choice(np.arange(2, 13), size=2, replace=False)]
    # the longer arms go with the smaller (or equal) angle
    if (arms[0] > arms[1]) == (sizes[0] > sizes[1]) and sizes[0] != sizes[1]:
        arms.reverse()
    same = sizes[0] == sizes[1]
    bigger = "P" if sizes[0] > sizes[1] else "Q"
    longer = "P" if arms[0] > arms[1] else "Q"
    options = ["angle P", "angle Q", "they are the same size"]
    right = options[2] if same else f"angle {bigger}"
    return choice_of(
        prompt=(
            f"Angle P opens a turn of {sizes[0]} degrees and has arms {arms[0]} cm long. "
            f"Angle Q opens a turn of {sizes[1]} degrees and has arms {arms[1]} cm long. "
            "Which angle is bigger?"
        ),
        params={"sizes": sizes, "arms": arms},
        options=options,
        right=right,
        solution=(
            "The size of an angle is its turn, not the length of its arms. Compare the "
            f"turns: {sizes[0]} degrees and {sizes[1]} degrees"
            + (" are the same." if same else f", so angle {bigger} is bigger.")
        ),
        mistakes={
            "longer_arms_bigger": (
                f"angle {longer}",
                "That angle has the longer arms, but arms can be drawn as long as you like. "
                "Compare how far each angle turns.",
            )
        },
    )


# ------------------------------------------------------------------ classifying angles

KINDS = ("acute", "right", "obtuse", "straight")


def angle_kind(degrees: int) -> str:
    """The name of an angle of ``degrees`` (0 < degrees <= 180)."""
    if degrees < 90:
        return "acute"
    if degrees == 90:
        return "right"
    return "obtuse" if degrees < 180 else "straight"


WHY_KIND = {
    "acute": "less than 90 degrees",
    "right": "exactly 90 degrees",
    "obtuse": "more than 90 and less than 180 degrees",
    "straight": "exactly 180 degrees",
}


@family("classify_angle")
def classify_angle(rng: np.random.Generator) -> Variant:
    """Name an angle from its size in degrees."""
    kind = pick(rng, ("acute", "acute", "obtuse", "obtuse", "right", "straight"))
    degrees = {
        "acute": int(rng.integers(1, 18)) * 5,
        "right": 90,
        "obtuse": int(rng.integers(19, 36)) * 5,
        "straight": 180,
    }[kind]
    mistakes = {
        "acute": {
            "names_swapped": (
                "obtuse",
                "Obtuse angles are the wide ones, bigger than a right angle. Compare this "
                "angle with 90 degrees.",
            )
        },
        "obtuse": {
            "names_swapped": (
                "acute",
                "Acute angles are the small, sharp ones, less than a right angle. Compare "
                "this angle with 90 degrees.",
            )
        },
        "right": {
            "edge_case": (
                "acute",
                "Acute means less than 90 degrees. An angle of exactly 90 degrees has a "
                "name of its own.",
            )
        },
        "straight": {
            "edge_case": (
                "obtuse",
                "Obtuse angles are less than 180 degrees. An angle of exactly 180 degrees has "
                "a name of its own.",
            )
        },
    }[kind]
    return choice_of(
        prompt=f"What kind of angle measures ${degrees}^\\circ$?",
        params={"degrees": degrees},
        options=list(KINDS),
        right=kind,
        solution=f"${degrees}^\\circ$ is {WHY_KIND[kind]}, so the angle is {kind}.",
        mistakes=mistakes,
    )


@family("count_acute_or_obtuse")
def count_acute_or_obtuse(rng: np.random.Generator) -> Variant:
    """How many angles of a list are acute (or obtuse)."""
    not_right = [k for k in range(2, 36) if k * 5 != 90]
    sizes = [int(x) * 5 for x in rng.choice(not_right, size=5, replace=False)]
    sizes[int(rng.integers(5))] = 90  # one right angle, always, and only one
    asked = pick(rng, ("acute", "obtuse"))
    other = "obtuse" if asked == "acute" else "acute"
    kinds = [angle_kind(d) for d in sizes]
    value = kinds.count(asked)
    picked = [f"{d}^\\circ" for d, k in zip(sizes, kinds, strict=True) if k == asked]
    return integer_variant(
        prompt=(
            "Here are some angles: "
            + ", ".join(f"${d}^\\circ$" for d in sizes)
            + f". How many of them are **{asked}**? {WHOLE}"
        ),
        params={"sizes": sizes, "asked": asked},
        value=value,
        solution=(
            f"{asked.capitalize()} means {WHY_KIND[asked]}. "
            + (
                f"The {asked} angle{' is' if len(picked) == 1 else 's are'} ${', '.join(picked)}$"
                if picked
                else f"None is {asked}"
            )
            + f", and $90^\\circ$ is a right angle, neither acute nor obtuse. "
            f"There {'is' if value == 1 else 'are'} {value}."
        ),
        mistakes={
            "counted_the_right_angle": (
                value + 1,
                "A right angle is exactly 90 degrees: it is neither acute nor obtuse, so "
                "leave it out.",
            ),
            "names_swapped": (
                kinds.count(other),
                f"You counted the {other} angles. Acute angles are less than 90 degrees; "
                "obtuse angles are between 90 and 180 degrees.",
            ),
        },
    )


# ------------------------------------------------------------------ parallel and perpendicular

LINE_PAIRS = (
    ("the two rails of a straight railway track", "parallel"),
    ("the top edge and the bottom edge of a door", "parallel"),
    ("two lines on a page of writing paper", "parallel"),
    ("the edges that meet at the corner of a book", "perpendicular"),
    ("a flagpole standing straight up and the flat ground", "perpendicular"),
    ("the two strokes of a plus sign, +", "perpendicular"),
    ("the two strokes of the letter X", "neither"),
    ("two roads that cross at a slant", "neither"),
    ("two short lines that do not touch but get closer towards one end", "neither"),
)
LINE_MISTAKES = {
    "the two strokes of the letter X": "crossing_is_not_square",
    "two roads that cross at a slant": "crossing_is_not_square",
    "two short lines that do not touch but get closer towards one end": "not_touching_yet",
}


@family("parallel_or_perpendicular")
def parallel_or_perpendicular(rng: np.random.Generator) -> Variant:
    """Parallel, perpendicular or neither, for a pair of lines in everyday things."""
    thing, kind = pick(rng, LINE_PAIRS)
    code = LINE_MISTAKES.get(thing)
    mistakes = {}
    if code == "crossing_is_not_square":
        mistakes[code] = (
            "perpendicular",
            "These lines cross, but not at a square corner. Perpendicular lines meet at "
            "exactly 90 degrees.",
        )
    elif code == "not_touching_yet":
        mistakes[code] = (
            "parallel",
            "They do not touch yet, but they get closer, so they would meet if drawn "
            "longer. Parallel lines stay the same distance apart all the way along.",
        )
    elif kind == "parallel":
        mistakes["parallel_never_meet"] = (
            "neither",
            "These lines run side by side in the same direction and stay the same "
            "distance apart. Think of what such lines are called.",
        )
    reasons = {
        "parallel": "they run in the same direction and never meet",
        "perpendicular": "they meet at a square corner, a right angle",
        "neither": "they meet (or would meet) but not at a right angle",
    }
    return choice_of(
        prompt=f"Think of {thing}. Are these lines parallel, perpendicular, or neither?",
        params={"thing": thing},
        options=["parallel", "perpendicular", "neither"],
        right=kind,
        solution=f"They are {kind}: {reasons[kind]}.",
        mistakes=mistakes,
    )


FIGURES_2D = {
    "square": (4, 2, 4),
    "rectangle": (4, 2, 4),
    "parallelogram with no square corners": (4, 2, 0),
    "rhombus with no square corners": (4, 2, 0),
    "trapezoid with no square corners": (4, 1, 0),
    "right-angled triangle": (3, 0, 1),
    "regular hexagon": (6, 3, 0),
}
"""Shape → (sides, pairs of parallel sides, right angles)."""


def one_of(question: str) -> str:
    """The words for one of what is counted: "pairs of parallel sides" -> "pair of ..."."""
    return question.replace("pairs", "pair", 1) if question.startswith("pairs") else question[:-1]


@family("parallel_sides_and_right_angles")
def parallel_sides_and_right_angles(rng: np.random.Generator) -> Variant:
    """How many pairs of parallel sides, or how many right angles, a shape has."""
    shape = pick(rng, list(FIGURES_2D))
    sides, parallel, right = FIGURES_2D[shape]
    ask_parallel = bool(rng.integers(2))
    value = parallel if ask_parallel else right
    other = right if ask_parallel else parallel
    question = "pairs of parallel sides" if ask_parallel else "right angles"
    candidates = {
        "counted_sides": (
            sides,
            "That is the number of sides. "
            + (
                "A pair of parallel sides is two sides that point the same way: count the pairs."
                if ask_parallel
                else "Count only the corners where two sides meet square, at 90 degrees."
            ),
        ),
        "parallel_and_perpendicular_mixed_up": (
            other,
            "You counted the other kind. Parallel sides never meet; perpendicular sides "
            "meet at a right angle.",
        ),
    }
    mistakes, seen = {}, {value}
    for code, (wrong, message) in candidates.items():
        if wrong not in seen:
            mistakes[code] = (wrong, message)
            seen.add(wrong)
    return integer_variant(
        prompt=f"How many {question} does a **{shape}** have? {WHOLE}",
        params={"shape": shape, "asked": question},
        value=value,
        solution=(
            f"A {shape} has {sides} sides, {parallel} pair{'s' if parallel != 1 else ''} of "
            f"parallel sides and {right} right angle{'s' if right != 1 else ''}. So it has "
            f"{value} {one_of(question) if value == 1 else question}."
        ),
        mistakes=mistakes,
    )
