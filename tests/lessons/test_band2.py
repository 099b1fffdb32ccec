"""The lessons of band 2 (KL plan positions 22 to 43): every number checked.

Each lesson's arithmetic formulas are evaluated exactly by the checker; the numbers of its
examples that sit in prose (side lengths, counts, readings) are claims whose values are
computed here from the example itself: a shape named by its properties, a box of shapes
counted, and so on.
"""

from __future__ import annotations

import re
from fractions import Fraction
from itertools import combinations, product

import pytest

from practice.families.band2 import die_face
from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    claim,
    equation_problems,
    lesson,
    number_problems,
    squash,
)
from tests.lessons.drawings import read_bar_graph, read_line_plot, read_ruler

# ------------------------------------------------------------ classifying quadrilaterals


def best_name(sides: list[int], parallel_pairs: int, right_angles: int) -> str:
    """The most exact name of a quadrilateral, by the lesson's ladder of rules."""
    if parallel_pairs == 1:
        return "trapezoid"
    if right_angles < 4:
        return "parallelogram"
    return "square" if len(set(sides)) == 1 else "rectangle"


def rectangles_in(box: dict[str, int]) -> int:
    """How many shapes of a box are rectangles: every kind whose best name passes the
    rectangle rules (squares included)."""
    return sum(n for kind, n in box.items() if kind in ("square", "rectangle"))


def quadrilateral_claims() -> list[Claim]:
    frame = [5, 3, 5, 3]
    assert best_name(frame, 2, 4) == "rectangle"
    assert best_name([4] * 4, 2, 4) == "square" and best_name([6, 3, 4, 3], 1, 2) == "trapezoid"
    example = {"square": 3, "rectangle": 2, "trapezoid": 4}
    task = {"square": 4, "rectangle": 1, "trapezoid": 2}
    return [
        claim("sides of «g» cm, «g» cm, «g» cm and «g» cm", frame),
        claim("No: «g» cm and «g» cm differ", sorted(set(frame), reverse=True)),
        claim(
            "«g» squares, «g» other rectangles and «g» trapezoids. How many rectangles are in "
            "the box? The squares count too: $$«g» + «g» = «g».$$",
            [*example.values(), example["square"], example["rectangle"], rectangles_in(example)],
        ),
        claim(
            "holds «g» squares, «g» other rectangle and «g» trapezoids",
            list(task.values()),
        ),
        claim(
            r"$«g» + «g» = «g»$. Remember", [task["square"], task["rectangle"], rectangles_in(task)]
        ),
    ]


# ------------------------------------------------------------------- understanding area


def unit_squares(rows: int, columns: int) -> int:
    """The area of a rows-by-columns array of unit squares, counted square by square."""
    return len([(r, c) for r in range(rows) for c in range(columns)])


def around(rows: int, columns: int) -> int:
    """Unit lengths all the way round a rows-by-columns rectangle."""
    return 2 * (rows + columns)


def area_claims() -> list[Claim]:
    rug, task = (4, 6), (3, 5)
    thin, square = (2, 6), (4, 4)
    assert around(*thin) == around(*square) and unit_squares(*square) > unit_squares(*thin)
    return [
        claim("in «g» rows, with «g» squares in each row", rug),
        claim("Count one row: «g» squares", [rug[1]]),
        claim("The rug's area is «g» square units", [unit_squares(*rug)]),
        claim("gives «g» rows of «g»", rug[::-1]),
        claim("but «g» is not the area", [sum(rug)]),
        claim("A «g» by «g» rectangle and a «g» by «g» rectangle", [*thin, *square]),
        claim("an edge of «g» unit lengths", [around(*thin)]),
        claim("covered by «g» rows of «g» unit squares", task),
        claim(r"$«g» \times «g» = «g»$ square units.", [*task, unit_squares(*task)]),
    ]


# ------------------------------------------------------------------- understanding zero


def left_after(start: int, gone: int) -> int:
    """How many are still there: take the things away one at a time and count the rest."""
    things = ["thing"] * start
    for _ in range(gone):
        things.pop()
    return len(things)


def zero_claims() -> list[Claim]:
    apples, ducks, some, balloons = 3, 2, (4, 1), 5
    assert left_after(apples, apples) == left_after(ducks, ducks) == 0
    assert left_after(*some) == 3  # "Three ducks are still there."
    return [
        claim("There are «g» apples in a bowl", [apples]),
        claim("At first there are «g» apples", [apples]),
        claim("You eat them all: $«g» - «g» = «g»$", [apples, apples, left_after(3, 3)]),
        claim(
            "«g» ducks swim in a pond. Both ducks fly away: $«g» - «g» = «g»$",
            [ducks, ducks, ducks, left_after(ducks, ducks)],
        ),
        claim(
            "«g» ducks swim and «g» flies away: $«g» - «g» = «g»$",
            [*some, *some, left_after(*some)],
        ),
        claim("«g» balloons are tied to a chair. All «g» float away", [balloons, balloons]),
        claim(
            "$«g» - «g» = «g»$. There are zero balloons",
            [balloons, balloons, left_after(balloons, balloons)],
        ),
    ]


# -------------------------------------------------------------------- number line to 20


def hops(start: int, count: int, step: int = 1) -> list[int]:
    """The numbers said on ``count`` hops from ``start`` (to the right, or left for -1)."""
    return [start + step * k for k in range(1, count + 1)]


def said(numbers: list[int]) -> str:
    """A slot for each number said, as the lesson lists them."""
    return ", ".join(["«g»"] * len(numbers))


def number_line_claims() -> list[Claim]:
    right, left, apart, task = (7, 5), (15, 4), (4, 10), (9, 6)
    forward, back = hops(*right), hops(*left, step=-1)
    between = hops(apart[0], apart[1] - apart[0])
    counted_start = [right[0], *hops(*right)][: right[1]]
    assert counted_start[-1] == forward[-1] - 1  # "one short"
    mine = hops(*task)
    return [
        claim("the mark for «g» is «g» steps from «g»", [6, len(hops(0, 6)), 0]),
        claim("so «g» is bigger than «g» because", [14, 9]),
        claim(
            f"What is «g» and «g» more? Put your finger on «g». Make «g» hops to the right, "
            f"saying one number for each hop: {said(forward)}. You land on «g»",
            [*right, right[0], right[1], *forward, forward[-1]],
        ),
        claim(
            f"What is «g» take away «g»? Start on «g» and make «g» hops to the left: "
            f"{said(back)}. You land on «g», so $«g» - «g» = «g»$.",
            [*left, *left, *back, back[-1], *left, back[-1]],
        ),
        claim(
            f"From «g» to «g», count the hops, not the marks: {said(between)} is «g» hops",
            [*apart, *between, len(between)],
        ),
        claim(
            f'Starting on «g» and saying "{said(counted_start)}" for «g» hops lands on «g»,'
            " one short",
            [right[0], *counted_start, right[1], counted_start[-1]],
        ),
        claim("the first hop takes you to «g»", [forward[0]]),
        claim("Start on «g» and hop «g» to the right", task),
        claim(
            f"*Answer:* {said(mine)}, so you land on «g», and $«g» + «g» = «g»$.",
            [*mine, mine[-1], *task, mine[-1]],
        ),
    ]


def test_the_drawn_number_line_has_equal_steps_from_0_to_20():
    text = lesson("number-line-to-20")
    labels, ticks = re.search(r"```\n(.*)\n(.*)\n```", text).groups()
    numbers = [(m.start(), int(m.group())) for m in re.finditer(r"\d+", labels)]
    marks = [i for i, ch in enumerate(ticks) if ch == "|"]
    assert [n for _, n in numbers] == list(range(21))
    assert [at for at, _ in numbers] == marks  # each number sits on its mark
    assert len({b - a for a, b in zip(marks, marks[1:], strict=False)}) == 1  # equal steps


# --------------------------------------------------------------------------- bar graphs


def bar_graph_claims() -> list[Claim]:
    votes = read_bar_graph(lesson("bar-graphs"))
    apples, bananas, grapes = votes["apples"], votes["bananas"], votes["grapes"]
    marks = [v for v in range(2, 17, 2) if v <= apples]  # numbered marks the bar passes
    return [
        claim("The bananas bar ends at the «g», so «g» children chose bananas", [bananas] * 2),
        claim(
            "halfway between «g» and «g», so apples got «g» votes", [apples - 1, apples + 1, apples]
        ),
        claim("The grapes bar ends at «g».", [grapes]),
        claim("Read the grapes bar: «g».", [grapes]),
        claim("Read the apples bar: «g».", [apples]),
        claim(
            "$«g» - «g» = «g»$. So «g» more children chose grapes",
            [grapes, apples, grapes - apples, grapes - apples],
        ),
        claim("$«g» + «g» + «g» = «g»$", [apples, bananas, grapes, apples + bananas + grapes]),
        claim("passes «g» numbered marks after 0 («g», «g» and «g»)", [len(marks), *marks]),
        claim("the number between «g» and «g» is «g»", [apples - 1, apples + 1, apples]),
        claim(
            "bananas «g», apples «g», so $«g» - «g» = «g»$ more",
            [bananas, apples, bananas, apples, bananas - apples],
        ),
    ]


# -------------------------------------------------------- rounding to the nearest ten/hundred


def nearest(n: int, place: int) -> int:
    """``n`` rounded to the nearest multiple of ``place``, halfway up, by comparing the
    distances to the multiples on either side (as on a number line)."""
    below = n - n % place
    above = below + place
    return above if above - n <= n - below else below


def rounding_claims() -> list[Claim]:
    bike, helmet, n, half, task = 347, 228, 347, 345, 682
    exact = bike + helmet
    ten, hundred = nearest(n, 10), nearest(n, 100)
    down10, down100 = n - n % 10, n - n % 100
    t10, t100 = nearest(task, 10), nearest(task, 100)
    assert nearest(nearest(n, 10), 100) != hundred  # two steps go wrong for 347
    return [
        claim("a bike for «g» dollars and a helmet for «g» dollars", [bike, helmet]),
        claim(
            "about $«g» + «g» = «g»$ dollars",
            [nearest(bike, 10), nearest(helmet, 10), nearest(bike, 10) + nearest(helmet, 10)],
        ),
        claim("The exact total is $«g» + «g» = «g»$", [bike, helmet, exact]),
        claim("an answer like «g» would", [10 * exact]),
        claim(
            "**Round «g» to the nearest ten.** It lies between «g» and «g».",
            [n, down10, down10 + 10],
        ),
        claim(
            "«g» is closer, so «g» rounds to **«g»**. A quicker way: look at the ones digit. "
            "It is «g»",
            [ten, n, ten, n % 10],
        ),
        claim(
            "**Round «g» to the nearest hundred.** It lies between «g» and «g».",
            [n, down100, down100 + 100],
        ),
        claim(
            "«g» is closer, so «g» rounds to **«g»**. The quick way looks at the tens digit: "
            "it is «g»",
            [hundred, n, hundred, n // 10 % 10],
        ),
        claim("«g» is just as close to «g» as to «g»", [half, half - 5, half + 5]),
        claim("so «g» rounds to «g».", [half, nearest(half, 10)]),
        claim(
            "Rounding «g» to the nearest ten gives «g», and rounding «g» to the nearest "
            "hundred gives «g», but «g» itself is nearer to «g».",
            [n, ten, ten, nearest(ten, 100), n, hundred],
        ),
        claim("Round «g» to the nearest ten", [task]),
        claim(
            "«g» is «g» past «g» and «g» short of «g», so it rounds to «g». It is «g» past «g»"
            " and «g» short of «g», so it rounds to «g».",
            [
                task,
                task % 10,
                task - task % 10,
                10 - task % 10,
                task - task % 10 + 10,
                t10,
                task % 100,
                task - task % 100,
                100 - task % 100,
                task - task % 100 + 100,
                t100,
            ],
        ),
    ]


# ---------------------------------------------------------------------- the number zero


def the_number_zero_claims() -> list[Claim]:
    counting = list(range(6))
    back = list(range(5, -1, -1))
    stickers, birds = 4, 7
    return [
        claim(r"$$" + r",\ ".join(["«g»"] * len(counting)) + r", \ldots$$", counting),
        claim("Counting back, «g» is where we stop: " + said(back), [back[-1], *back]),
        claim("Sam has «g» stickers. He gets «g» more.", [stickers, 0]),
        claim("There are «g» birds on a wire. «g» fly away.", [birds, 0]),
        claim("say $«g» + «g»$ is «g». But", [stickers, 0, stickers + 1]),
        claim("no more stickers came, so there are still «g».", [stickers + 0]),
        claim("the «g» stickers are still there", [stickers - 0]),
        claim("Count back: " + said(back[-4:-1]) + ", and then?", back[-4:-1]),
        claim("After «g» comes «g».", [1, 1 - 1]),
    ]


# ---------------------------------------------------------------------- counting to five

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def drawings(text: str) -> list[str]:
    """The code blocks of ``text``, in order."""
    return re.findall(r"```\n(.*?)```", text, re.S)


def counting_to_five_claims() -> list[Claim]:
    text = squash(lesson("counting-to-five"))
    heap, stars = drawings(lesson("counting-to-five"))
    buttons, star_count = heap.count("●"), stars.count("★")
    touches = WORDS[1 : buttons + 1]
    # The words said for the heap, the double-counted ring and the stars.
    assert ", then ".join(f'"{w}"' for w in touches[2:]) in text
    assert f"{WORDS[buttons]} buttons get counted as {WORDS[buttons + 1]}" in text
    assert f'"{", ".join(WORDS[1 : star_count + 1])}". The last word is {WORDS[star_count]}' in text
    return [
        claim("so there are «g» buttons", [buttons]),
        claim("$$" + " + ".join(["«g»"] * buttons) + " = «g».$$", [1] * buttons + [buttons]),
        claim("The same «g» buttons in a row, or in a ring, are still «g» buttons", [buttons] * 2),
        claim("so there are «g» stars", [star_count]),
    ]


# ------------------------------------------------------------- one-to-one correspondence


def pair_off(first: int, second: int) -> tuple[int, int, int]:
    """Pair the two groups one thing at a time: (pairs made, left of first, left of second)."""
    a, b, pairs = list(range(first)), list(range(second)), 0
    while a and b:
        a.pop()
        b.pop()
        pairs += 1
    return pairs, len(a), len(b)


def one_to_one_claims() -> list[Claim]:
    chart, rows = drawings(lesson("one-to-one-correspondence"))
    children, chairs = chart.count("🙂"), chart.count("🪑")
    top, bottom = (line.count("●") for line in rows.splitlines())
    pairs, standing, empty = pair_off(children, chairs)
    assert empty == 0 and pair_off(children, chairs + 1)[1:] == (0, 0)  # a fifth chair
    assert pair_off(top, bottom)[1:] == (0, 0) and len(rows.splitlines()[0]) > len(
        rows.splitlines()[1]
    )
    cups, saucers = 6, 4
    cup_pairs, spare, _ = pair_off(cups, saucers)
    return [
        claim("There are «g» children and «g» chairs.", [children, chairs]),
        claim(
            "After «g» pairs every chair has a child, and «g» child is left standing.",
            [pairs, standing],
        ),
        claim("$$«g» - «g» = «g».$$", [children, chairs, standing]),
        claim("so the rows are the same size, «g» and «g», even", [top, bottom]),
        claim("There are «g» cups and «g» saucers.", [cups, saucers]),
        claim(
            "after «g» pairs, $«g» - «g» = «g»$ cups are left over",
            [cup_pairs, cups, saucers, spare],
        ),
    ]


# ------------------------------------------------------- combining small groups within 5


def combining_claims() -> list[Claim]:
    text = squash(lesson("combining-small-groups-within-5"))
    (blocks,) = drawings(lesson("combining-small-groups-within-5"))
    red, blue = (line.count("■") for line in blocks.splitlines())
    pile = red + blue
    assert f"Count them all, touching each block once: {', '.join(WORDS[1 : pile + 1])}." in text
    apples = (1, 3)
    assert ", ".join(WORDS[1 : sum(apples) + 1]) + "." in text
    ducks = (2, 2)
    assert f"*Answer:* {', '.join(WORDS[1 : sum(ducks) + 1])}, so" in text
    return [
        claim("You have «g» red blocks. A friend gives you «g» blue blocks.", [red, blue]),
        claim("There are «g» blocks.", [pile]),
        claim("$$«g» + «g» = «g».$$", [red, blue, pile]),
        claim('saying "«g»" only counts the blue blocks', [max(red, blue)]),
        claim("A plate has «g» apple. Mum puts «g» more apples on it.", apples),
        claim("The first group: «g» apple.", [apples[0]]),
        claim("The second group: «g» apples.", [apples[1]]),
        claim("So $«g» + «g» = «g»$: there are «g» apples", [*apples, sum(apples), sum(apples)]),
        claim(
            "«g» apples and then «g» apple is the same pile: $«g» + «g» = «g»$",
            [apples[1], apples[0], apples[1], apples[0], sum(apples)],
        ),
        claim("«g» ducks are in the pond and «g» more swim over", ducks),
        claim("$«g» + «g» = «g»$ ducks", [*ducks, sum(ducks)]),
    ]


# --------------------------------------------------------- comparing numbers with symbols


def by_places(a: int, b: int) -> str:
    """The sign between two numbers below 100, found as the lesson does: tens first, then
    ones; checked against the numbers' order."""
    tens, ones = (a // 10, b // 10), (a % 10, b % 10)
    first = tens if tens[0] != tens[1] else ones
    sign = "<" if first[0] < first[1] else ">" if first[0] > first[1] else "="
    assert sign == ("<" if a < b else ">" if a > b else "=")
    return sign


def comparing_claims() -> list[Claim]:
    def sign(a, b):
        return claim(f"$«g» {by_places(a, b)} «g»$", [a, b])

    assert by_places(3, 8) == "<" and by_places(9, 4) == ">"
    assert (39 % 10 > 41 % 10) and by_places(39, 41) == "<"  # the ones mislead
    return [
        sign(3, 8),
        sign(9, 4),
        claim("**Compare «g» and «g».** Split", [47, 52]),
        claim("The tens are «g» and «g».", [47 // 10, 52 // 10]),
        sign(47, 52),
        claim("The ones («g» and «g») do not matter", [47 % 10, 52 % 10]),
        claim("**Compare «g» and «g».** The tens are the same", [63, 68]),
        claim("at the ones: «g» is less than «g», and", [63 % 10, 68 % 10]),
        sign(63, 68),
        claim("**Compare «g» and «g».** Same tens, same ones", [75, 75]),
        claim(
            "In «g» and «g», the «g» is bigger than the «g», but «g» has only «g» tens while «g» "
            "has «g» tens.",
            [39, 41, 39 % 10, 41 % 10, 39, 39 // 10, 41, 41 // 10],
        ),
        sign(39, 41),
        claim('"«g» is less than «g»"', [39, 41]),
        claim("Which sign goes between «g» and «g»?", [58, 85]),
        claim(
            f"has «g» tens and $«g» = «g» + «g»$ has «g» tens, so $«g» {by_places(58, 85)} «g»$",
            [58 // 10, 85, 80, 5, 85 // 10, 58, 85],
        ),
    ]


# ------------------------------------------------- measuring length with nonstandard units


def units_along(row: str) -> tuple[int, int]:
    """(how many units are laid along a drawn row, how far they reach, in characters):
    a unit is a bracketed piece ``[...]``, laid end to end with no gaps."""
    pieces = re.findall(r"\[[^\]]*\]", row)
    assert "".join(pieces) == row.strip(), "a gap or something else between the units"
    return len(pieces), sum(map(len, pieces))


def nonstandard_claims() -> list[Claim]:
    (picture,) = drawings(lesson("measuring-length-with-nonstandard-units"))
    rows = dict(line.split(":", 1) for line in picture.splitlines())
    book = len(rows["book"].strip())
    clips, clip_reach = units_along(rows["clips"])
    sticks, stick_reach = units_along(rows["sticks"])
    assert clip_reach == stick_reach == book  # both start and stop at the book's ends
    per_stick = clips // sticks
    assert per_stick * sticks == clips
    shoe, spoon = 6, 2
    text = squash(lesson("measuring-length-with-nonstandard-units"))
    assert f"{WORDS[clips].capitalize()} clips fit along the book" in text
    assert f"{WORDS[sticks].capitalize()} sticks fit along the same book" in text
    return [
        claim("the book is «g» clips long.", [clips]),
        claim("the book is «g» sticks long.", [sticks]),
        claim("A stick is as long as «g» clips", [per_stick]),
        claim("$$" + " + ".join(["«g»"] * sticks) + " = «g».$$", [per_stick] * sticks + [clips]),
        claim('"«g»" alone could be «g» clips or «g» sticks', [clips] * 3),
        claim("A shoe is «g» clips long. A spoon is as long as «g» clips.", [shoe, spoon]),
        claim(
            "«g» clips make one spoon, and $"
            + " + ".join(["«g»"] * (shoe // spoon))
            + " = «g»$, so the shoe is «g» spoons long.",
            [spoon] * (1 + shoe // spoon) + [shoe, shoe // spoon],
        ),
    ]


# ------------------------------------------------------------ measuring length with a ruler


def ruler_claims() -> list[Claim]:
    start, end = read_ruler(lesson("measuring-length-with-a-ruler"))
    length = end - start
    steps = list(range(int(start), int(end)))  # each step from k to k + 1 under the crayon
    leaf = (2, 10)
    return [
        claim("If the pencil's far end is at «g», the pencil is «g» cm long.", [9, 9]),
        claim("This crayon starts at «g» and ends at «g»:", [start, end]),
        claim("$$«g» - «g» = «g».$$", [end, start, length]),
        claim("The crayon is «g» cm long.", [length]),
        claim(
            "from «g» to «g», from «g» to «g», and so on up to «g» makes «g» steps",
            [steps[0], steps[0] + 1, steps[1], steps[1] + 1, end, len(steps)],
        ),
        claim("half mark between «g» and «g» is $«g» + \\frac{«g»}{«g»}$ cm", [5, 6, 5, 1, 2]),
        claim(
            "The crayon above ends at «g», but it is not «g» cm long, because it started at «g».",
            [end, end, start],
        ),
        claim("A leaf starts at the «g» mark and ends at the «g» mark.", leaf),
        claim(
            "$«g» - «g» = «g»$, so the leaf is «g» cm long.",
            [leaf[1], leaf[0], leaf[1] - leaf[0], leaf[1] - leaf[0]],
        ),
    ]


# ---------------------------------------------------------------------------- line plots


def mixed(x: Fraction) -> str:
    """A half-inch length as the lesson writes it: 4, or 3\\frac{1}{2} (inside math)."""
    whole, part = divmod(x, 1)
    return f"{whole}" if not part else f"{whole}\\frac{{{part.numerator}}}{{{part.denominator}}}"


def line_plot_claims() -> list[Claim]:
    text = squash(lesson("line-plots"))
    plot = read_line_plot(lesson("line-plots"))
    leaves = [v for v, n in plot.items() for _ in range(n)]
    measured = [v for v in plot if plot[v]]
    empty = [v for v in plot if not plot[v]]
    most = max(plot, key=plot.get)
    longer = [plot[v] for v in measured if v > most]
    shorter = [plot[v] for v in measured if v < 4]
    # "one leaf is 3 inches long, two are 3 1/2 inches, ..." in the plot's order.
    said = ", ".join(
        f"{WORDS[plot[v]]} {'leaf is' if plot[v] == 1 else 'are'} "
        f"{'$' + mixed(v) + '$' if v.denominator > 1 else mixed(v)} inches"
        for v in measured
    )
    assert said.replace(", two are 5", " and two are 5") in text
    assert f"Nobody's leaf was ${mixed(empty[0])}$ or ${mixed(empty[-1])}$ inches" in text
    assert (min(plot), max(plot)) == tuple(empty)  # the line runs past the data at both ends
    return [
        claim("Nadia measured «g» leaves from the garden", [len(leaves)]),
        claim(
            "Count every X: $" + " + ".join(["«g»"] * len(measured)) + " = «g»$.",
            [plot[v] for v in measured] + [len(leaves)],
        ),
        claim(
            "The tallest stack is above «g», with «g» X's, so «g» inches", [most, plot[most], most]
        ),
        claim(
            "longer than «g» inches?** Only the X's to the right of «g» count: $«g» + «g» = «g»$",
            [most, most, *longer, sum(longer)],
        ),
        claim(
            "The X's reach from «g» to «g», so $«g» - «g» = «g»$ inches.",
            [min(leaves), max(leaves), max(leaves), min(leaves), max(leaves) - min(leaves)],
        ),
        claim("shorter than «g» inches?", [4]),
        claim("$«g» + «g» = «g»$ leaves.", [*shorter, sum(shorter)]),
    ]


# ------------------------------------------------------ measuring angles with a protractor


def protractor_reading(turn: int, ray_on: str) -> tuple[int, int]:
    """Where a ray turned ``turn`` degrees from a ray on the right crosses the two scales:
    (the scale from 0 on ``ray_on``'s side, the other scale)."""
    from_right, from_left = turn, 180 - turn
    return (from_right, from_left) if ray_on == "right" else (from_left, from_right)


def protractor_claims() -> list[Claim]:
    acute = 50
    right_scale, left_scale = protractor_reading(acute, "right")
    assert acute < 90
    rays = (20, 95)
    obtuse = 145
    assert obtuse > 90
    return [
        claim("A square corner, a right angle, is «g»°.", [90]),
        claim(
            "bigger than «g»° but less than «g»° is *obtuse*. A straight line makes «g»°.",
            [90, 180, 180],
        ),
        claim("marked from «g»° to «g»°", [0, 180]),
        claim("where the two scales read «g» and «g». Which", [left_scale, right_scale]),
        claim("along that scale the other ray is at «g».", [right_scale]),
        claim("$«g» + «g» = «g»$.", [left_scale, right_scale, 180]),
        claim("must be less than «g»°. The angle is **«g»°**.", [90, acute]),
        claim(
            "Rays crossing one scale at «g» and at «g» make an angle of $«g» - «g» = «g»$ degrees",
            [*rays, rays[1], rays[0], rays[1] - rays[0]],
        ),
        claim("here «g»° instead of «g»°", [left_scale, right_scale]),
        claim("the scales show «g» and «g».", [180 - obtuse, obtuse]),
        claim(
            "the angle is «g»°. The other reading is the rest of the straight line, "
            "$«g» - «g» = «g»$.",
            [obtuse, 180, obtuse, 180 - obtuse],
        ),
    ]


# ------------------------------------------------------ measuring mass and liquid volume


def read_marks(labels: list[int], small_between: int, label: int, steps: int) -> int:
    """The reading ``steps`` small steps above ``label`` on a scale whose labels are evenly
    spaced with ``small_between`` small marks dividing each gap into equal steps."""
    gap = labels[1] - labels[0]
    assert all(b - a == gap for a, b in zip(labels, labels[1:], strict=False))
    step = Fraction(gap, small_between + 1)
    return int(label + steps * step)


def mass_volume_claims() -> list[Claim]:
    jug = [0, 200, 400, 600, 800, 1000]
    water = read_marks(jug, 1, 400, 1)
    scale_step = Fraction(100, 2)
    flour = read_marks([0, 100, 200, 300], 1, 200, 1)
    return [
        claim("One kilogram is «g» grams.", [1000]),
        claim("One litre is «g» millilitres.", [1000]),
        claim("A jug is labelled «g», «g», «g», «g», «g» and «g» mL.", jug),
        claim("comes up to the small mark just above «g».", [400]),
        claim("From «g» to «g» is $«g» - «g» = «g»$ mL", [400, 600, 600, 400, 200]),
        claim("$«g» \\div «g» = «g»$ mL each", [200, 2, 200 // 2]),
        claim("one step above «g»: $«g» + «g» = «g»$.", [400, 400, 200 // 2, water]),
        claim("The jug holds «g» mL of water.", [water]),
        claim("a small mark is worth «g» mL, not «g» mL", [200 // 2, 1]),
        claim("between «g» and «g». What is the mass?", [200, 300]),
        claim(
            "one step is $«g» \\div «g» = «g»$ g, and $«g» + «g» = «g»$, so «g» g.",
            [100, 2, scale_step, 200, scale_step, flour, flour],
        ),
    ]


# ------------------------------------------------------------------- pairs that make ten


def ten_frame(full: int) -> str:
    """A ten-frame with ``full`` counters, as the lessons draw it."""
    cells = ["●"] * full + ["○"] * (10 - full)
    return " ".join(cells[:5]) + "\n" + " ".join(cells[5:]) + "\n"


def pairs_claims() -> list[Claim]:
    (frame,) = drawings(lesson("pairs-that-make-ten"))
    full, empty = frame.count("●"), frame.count("○")
    assert frame == ten_frame(full)
    pairs = [(k, 10 - k) for k in range(6)]
    four = 4
    return [
        claim(
            "Here «g» spaces are full and «g» are empty, so «g» and «g» make ten: "
            "$«g» + «g» = «g»$",
            [full, empty, full, empty, full, empty, full + empty],
        ),
        claim(
            ", ".join(["$«g» + «g» = «g»$"] * 5) + ",",
            [x for a, b in pairs[:5] for x in (a, b, 10)],
        ),
        claim(
            "$«g» + «g» = «g»$, and then the same pairs the other way round, such as "
            "$«g» + «g» = «g»$",
            [5, 5, 10, 6, 4, 10],
        ),
        claim('when you see «g», think "«g» more makes ten"', [6, 10 - 6]),
        claim(
            "To add $«g» + «g»$, take «g» from the «g» to fill up the «g» (because «g» and «g» "
            "make ten), and «g» are left over",
            [8, 5, 10 - 8, 5, 8, 8, 10 - 8, 5 - (10 - 8)],
        ),
        claim("A ten-frame has «g» counters.", [four]),
        claim("there are «g». 2. Check: $«g» + «g» = «g»$.", [10 - four, four, 10 - four, 10]),
        claim(
            'In the first frame there are «g» counters, but the answer to "how many more make '
            'ten?" is the «g» empty spaces.',
            [full, empty],
        ),
        claim("What goes with «g» to make ten? And what is $«g» + «g»$?", [9, 9, 4]),
        claim("$«g» + «g» = «g»$, so «g».", [9, 10 - 9, 10, 10 - 9]),
    ]


# ------------------------------------------------ partitioning shapes into equal shares

SHARE_NAMES = {2: "halves", 3: "thirds", 4: "fourths"}


def equal_shares_claims() -> list[Claim]:
    text = squash(lesson("partitioning-shapes-into-equal-shares"))
    (bar,) = drawings(lesson("partitioning-shapes-into-equal-shares"))
    inside = bar.strip()[1:-1]
    pieces = inside.split("|")
    cuts = inside.count("|")
    assert len(set(map(len, pieces))) == 1  # the pieces are the same size
    for n, name in SHARE_NAMES.items():
        assert f"{n} equal shares are called **{name}**" in text
    assert f"each one is one {SHARE_NAMES[len(pieces)][:-1]} of the bar" in text
    assert Fraction(1, 4) < Fraction(1, 2) and Fraction(1, 3) < Fraction(1, 2)
    return [
        claim("cut straight across, «g» times, into pieces", [cuts]),
        claim("«g» cuts make $«g» + «g» = «g»$ pieces", [cuts, cuts, 1, len(pieces)]),
        claim("All «g» fourths together", [len(pieces)]),
        claim("because «g» is bigger than «g».", [4, 2]),
        claim(
            "A pizza cut into «g» equal slices gives smaller slices than the same pizza cut into "
            "«g».",
            [4, 2],
        ),
        claim("the bar above has «g» cuts but «g» pieces", [cuts, len(pieces)]),
        claim("A round cake is cut into «g» equal pieces.", [3]),
    ]


# ------------------------------------------------------------------ sets and set notation


def roster(values) -> str:
    """Slots for a set listed in braces, as the lesson writes it."""
    return "\\{" + ", ".join(["«g»"] * len(values)) + "\\}"


def sets_claims() -> list[Claim]:

    a = sorted(x for x in range(1, 11) if x % 2 == 0)
    b = [4, 8]
    assert set(b) <= set(a) and not set(a) <= set(b) and 2 not in b
    listed = [1, 2, 2, 3]
    c = ["a", "b", "c"]
    subsets = [s for k in range(len(c) + 1) for s in combinations(c, k)]
    primes = [p for p in range(2, 12) if all(p % d for d in range(2, p))]
    text = squash(lesson("sets-and-set-notation"))
    shown = ", ".join(
        "$C$ itself"
        if len(s) == len(c)
        else "$\\varnothing$"
        if not s
        else "$\\{" + ", ".join(s) + "\\}$"
        for s in subsets
    )
    assert shown.replace(", $C$ itself", " and $C$ itself") in text
    return [
        claim("$A = " + roster(a) + "$. Order", a),
        claim(
            "$" + roster(listed) + "$ is the set $" + roster(sorted(set(listed))) + "$",
            [*listed, *sorted(set(listed))],
        ),
        claim("\\{x \\in \\mathbb{Z} : «g» \\le x \\le «g»,\\ x \\text{ even}\\}", [1, 10]),
        claim("Listing it gives $A = " + roster(a) + "$, so $|A| = «g»$.", [*a, len(a)]),
        claim(
            "The set $B = " + roster(b) + "$ is a subset of $A$, since $«g» \\in A$ and "
            "$«g» \\in A$; but $A \\not\\subseteq B$, since $«g» \\notin B$.",
            [*b, *b, min(set(a) - set(b))],
        ),
        claim(
            "for each of the «g» elements, in or out: $«g» \\times «g» \\times «g» = «g»$",
            [len(c), 2, 2, 2, len(subsets)],
        ),
        claim(
            "The number «g» is an *element* of $A$, $«g» \\in A$, while the set $\\{«g»\\}$",
            [4, 4, 4],
        ),
        claim("comes out «g» short.", [len(subsets) - len([s for s in subsets if 0 < len(s) < 3])]),
        claim("prime number less than } «g»\\}$", [12]),
        claim(
            "$P = " + roster(primes) + "$, so $|P| = «g»$. («g» is not prime.)",
            [*primes, len(primes), 1],
        ),
    ]


# ------------------------------------------------------------------------ set operations


def set_operations_claims() -> list[Claim]:
    u = set(range(1, 11))
    a = {x for x in u if x % 2 == 0}
    b = {x for x in u if x % 3 == 0}
    union, both, not_a = sorted(a | b), sorted(a & b), sorted(u - a)
    outside = sorted(u - (a | b))
    assert len(a) + len(b) - len(a & b) == len(union)
    football, chess, club_both, size = 18, 12, 5, 30
    either = football + chess - club_both
    return [
        claim("$U = \\{«g», «g», \\ldots, «g»\\}$", [1, 2, 10]),
        claim(
            "$$A = " + roster(sorted(a)) + ", \\quad B = " + roster(sorted(b)) + ".$$",
            [*sorted(a), *sorted(b)],
        ),
        claim("$A \\cap B = " + roster(both) + "$: the only number", both),
        claim("$A \\cup B = " + roster(union) + "$, with «g» elements.", [*union, len(union)]),
        claim("$A^c = " + roster(not_a) + "$, the odd numbers", not_a),
        claim("$|A| + |B|$ counts «g» twice", both),
        claim("= «g» + «g» - «g» = «g».$$", [len(a), len(b), len(both), len(union)]),
        claim(
            "In a class of «g» students, «g» play football, «g» play chess and «g» do both. Then "
            "$«g» + «g» = «g»$",
            [size, football, chess, club_both, football, chess, football + chess],
        ),
        claim(
            "the «g» who do both were counted twice: $«g» + «g» - «g» = «g»$ play at least one, "
            "and $«g» - «g» = «g»$ play neither.",
            [club_both, football, chess, club_both, either, size, either, size - either],
        ),
        claim(
            "$U$ has «g» elements and $A \\cup B$ has «g», so $«g» - «g» = «g»$ remain: "
            "$(A \\cup B)^c = " + roster(outside) + "$.",
            [len(u), len(union), len(u), len(union), len(outside), *outside],
        ),
    ]


# -------------------------------------------------------------- sample spaces and events


def pairs_roster(pairs) -> str:
    return "\\{" + ", ".join(["(«g»,«g»)"] * len(pairs)) + "\\}"


def sample_space_claims() -> list[Claim]:

    die = list(range(1, 7))
    omega = list(product(die, die))
    seven = [o for o in omega if sum(o) == 7]
    doubles = [o for o in omega if o[0] == o[1]]
    coins = ["".join(t) for t in product("HT", repeat=3)]
    two_heads = [c for c in coins if c.count("H") >= 2]
    text = squash(lesson("sample-spaces-and-events"))
    assert "$\\{" + ", ".join(two_heads) + "\\}$" in text
    assert all(sum(d) % 2 == 0 for d in doubles) and not set(seven) & set(doubles)
    sums = sorted({sum(o) for o in omega})
    even = [x for x in die if x % 2 == 0]
    big = [x for x in die if x > 4]
    return [
        claim("$\\Omega = " + roster(die) + "$", die),
        claim('"The roll is even" is the event $E = ' + roster(even) + "$", even),
        claim("$|\\Omega| = «g» \\times «g» = «g»$", [6, 6, len(omega)]),
        claim(
            "$$S = " + pairs_roster(seven) + ",$$ «g» outcomes.",
            [*(x for o in seven for x in o), len(seven)],
        ),
        claim("also «g» outcomes", [len(doubles)]),
        claim(
            "$S \\cup D$ has $«g» + «g» - «g» = «g»$ outcomes",
            [len(seven), len(doubles), 0, len(set(seven) | set(doubles))],
        ),
        claim("$«g» \\times «g» \\times «g» = «g»$ outcomes", [2, 2, 2, len(coins)]),
        claim("«g» of them.", [len(two_heads)]),
        claim("$\\{«g», «g», \\ldots, «g»\\}$ as the sample space", [sums[0], sums[1], sums[-1]]),
        claim(
            "its «g» results are not equally likely: a sum of «g» comes from «g» outcomes, a sum "
            "of «g» only from $(«g»,«g»)$",
            [len(sums), 7, len(seven), 2, 1, 1],
        ),
        claim(
            "$A = "
            + roster(even)
            + "$ and $B = "
            + roster(big)
            + "$, so $A \\cup B = "
            + roster(sorted(set(even) | set(big)))
            + "$ and $A \\cap B = "
            + roster(sorted(set(even) & set(big)))
            + "$",
            [*even, *big, *sorted(set(even) | set(big)), *sorted(set(even) & set(big))],
        ),
        claim('$B$ = "greater than «g»"', [4]),
    ]


# ----------------------------------------------------------------------------- subitizing


def subitizing_claims() -> list[Claim]:
    faces, domino = drawings(lesson("subitizing"))
    text = squash(lesson("subitizing"))
    # The three faces side by side: split each line into its three faces.
    rows = [line.split("   ") for line in faces.splitlines()]
    shown = ["".join(r[i] for r in rows).count("●") for i in range(3)]
    halves = [line.split(" | ") for line in domino.splitlines()]
    left, right = ("".join(h[i] for h in halves).count("●") for i in (0, 1))
    assert [die_face(n) for n in shown] == [[r[i] for r in rows] for i in range(3)]
    assert f"{WORDS[1]}, {WORDS[2]}, {WORDS[3]}, {WORDS[4]}, {WORDS[5]}" in text
    return [
        claim("These faces show «g», «g» and «g».", shown),
        claim("The left half is a line of three from corner to corner: «g».", [left]),
        claim("The right half is the four corners: «g».", [right]),
        claim("Put them together: $«g» + «g» = «g»$.", [left, right, left + right]),
        claim("Six dots in two columns of three are $«g» + «g» = «g»$.", [3, 3, 6]),
        claim("a group of «g» as «g» and «g», or as «g» and «g»", [5, 4, 1, 2, 3]),
        claim("A domino has «g» dots on one half and «g» on the other.", [2, 3]),
        claim("see «g» and «g» at a glance: $«g» + «g» = «g»$.", [2, 3, 2, 3, 5]),
    ]


CLAIMS = {
    "classifying-quadrilaterals": quadrilateral_claims,
    "understanding-area": area_claims,
    "understanding-zero": zero_claims,
    "number-line-to-20": number_line_claims,
    "bar-graphs": bar_graph_claims,
    "rounding-to-the-nearest-ten-and-hundred": rounding_claims,
    "the-number-zero": the_number_zero_claims,
    "counting-to-five": counting_to_five_claims,
    "one-to-one-correspondence": one_to_one_claims,
    "combining-small-groups-within-5": combining_claims,
    "comparing-numbers-with-symbols": comparing_claims,
    "measuring-length-with-nonstandard-units": nonstandard_claims,
    "measuring-length-with-a-ruler": ruler_claims,
    "line-plots": line_plot_claims,
    "measuring-angles-with-a-protractor": protractor_claims,
    "measuring-mass-and-liquid-volume": mass_volume_claims,
    "pairs-that-make-ten": pairs_claims,
    "partitioning-shapes-into-equal-shares": equal_shares_claims,
    "sets-and-set-notation": sets_claims,
    "set-operations": set_operations_claims,
    "sample-spaces-and-events": sample_space_claims,
    "subitizing": subitizing_claims,
}
LESSONS = list(CLAIMS)


@pytest.mark.parametrize("slug", LESSONS)
def test_every_number_of_the_lesson_is_computed(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), "no arithmetic formula is checked"


@pytest.mark.parametrize("slug", LESSONS)
def test_the_lesson_has_every_part_at_its_length(slug):
    text = lesson(slug)
    words = len(re.findall(r"[A-Za-z0-9]+", re.sub(r"\$[^$]*\$", " x ", text)))
    assert 150 <= words <= 450, words
    assert re.search(r"worked example", text, re.I)
    assert re.search(r"common mistake", text, re.I)
    assert re.search(r"### Try it", text) and "*Answer:*" in text
