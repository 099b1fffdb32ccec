"""The lessons of band 1 (counting, shapes, grouping): every number they state is computed.

``CLAIMS`` backs each counted picture and each stated total with a computation made here
(the pictures of a lesson are counted from its own text); the arithmetic formulas are
evaluated by the checker.
"""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from knowledge_graph import curriculum as c
from practice.families.band1 import NAMES
from tests.lessons.checker import (
    arithmetic_formulas,
    claim,
    equation_problems,
    lesson,
    number_problems,
)

SLUGS = (
    "counting-to-10",
    "counting-to-20",
    "counting-on",
    "counting-to-100",
    "recognizing-two-dimensional-shapes",
    "points-lines-segments-and-rays",
    "skip-counting-by-2s-5s-and-10s",
    "equal-groups",
    "arrays",
    "commutative-property-of-multiplication",
    "sorting-and-classifying-objects",
    "counting-coins",
    "tally-charts",
    "picture-graphs",
    "teen-numbers",
    "place-value-to-100",
    "dollars-and-cents",
    "place-value-to-1000",
    "expanded-form",
    "understanding-angles",
    "classifying-angles",
    "parallel-and-perpendicular-lines",
)


def pictures(slug: str, symbol: str) -> list[int]:
    """How many times ``symbol`` appears on each line that is a row of it, in order."""
    return [
        line.count(symbol)
        for line in lesson(slug).splitlines()
        if line.strip() and set(line.replace(" ", "")) == {symbol}
    ]


def ones(count: int) -> str:
    """The sum ``1 + 1 + ... = «g»`` that counts ``count`` things one at a time."""
    return " + ".join(["1"] * count) + " = «g»"


def counting_to_10():
    (stars,) = pictures("counting-to-10", "★")
    (hearts,) = pictures("counting-to-10", "♥")
    return [
        claim("so there are «g» stars", [stars]),
        claim(f"$${ones(stars)}$$", [stars]),
        claim("there are «g» hearts", [hearts]),
        claim(f"${ones(hearts)}$.", [hearts]),
    ]


def counting_to_20():
    full, short = pictures("counting-to-20", "✏")
    return [
        claim("so there are «g» pencils", [full + short]),
        claim("$«g» + «g» = «g»$", [full, short, full + short]),
    ]


def counting_on():
    cars, new_cars = 5, 4
    grapes, more = 8, 3
    return [
        claim("There are «g» cars in a garage. Then «g» more cars drive in.", [cars, new_cars]),
        claim(
            "So there are «g» cars: $«g» + «g» = «g»$",
            [cars + new_cars, cars, new_cars, cars + new_cars],
        ),
        claim("That gives «g», one too few", [cars + new_cars - 1]),
        claim("A plate has «g» grapes. You put «g» more on it.", [grapes, more]),
        claim("so «g» grapes: $«g» + «g» = «g»$", [grapes + more, grapes, more, grapes + more]),
    ]


def counting_to_100():
    text = lesson("counting-to-100")
    (line,) = [x for x in text.splitlines() if x.startswith("ten, twenty")]
    tens = line.rstrip(".").split(", ")
    plus = " + ".join(["10"] * len(tens))
    start = 23
    return [
        claim(f"$${plus} = «g»$$", [10 * len(tens)]),
        claim("where «g» means «g» tens and «g» ones", [47, 47 // 10, 47 % 10]),
        claim(
            "Start at «g» and jump a ten each time: «g», «g», «g», «g».",
            [start, *range(start, start + 40, 10)],
        ),
        claim("the ones stay «g»", [start % 10]),
        claim("slowly: «g», «g», «g», «g», «g».", range(37, 42)),
        claim("**Answer:** $«g» + 1 = «g»$", [59, 60]),
        claim("$«g» - 1 = «g»$, so", [80, 79]),
    ]


SIDES = {"circle": 0, "triangle": 3, "square": 4, "rectangle": 4, "hexagon": 6}
"""Straight sides of each flat shape, which is also its number of corners."""


def shapes():
    t, sq, hx = SIDES["triangle"], SIDES["square"], SIDES["hexagon"]
    picture = {"triangle": 2, "square": 1, "hexagon": 1}
    triangles = picture["triangle"] * t
    total = sum(k * SIDES[s] for s, k in picture.items())
    return [
        claim("A **triangle** has «g» straight sides and «g» corners.", [t, t]),
        claim("A **square** has «g» straight sides, all the same length, and «g» square", [sq, sq]),
        claim(
            "A **rectangle** has «g» straight sides and «g» square corners.",
            [SIDES["rectangle"]] * 2,
        ),
        claim("A **hexagon** has «g» straight sides and «g» corners", [hx, hx]),
        claim(
            "Mia makes a picture with «g» triangles, «g» square and «g» hexagon.",
            picture.values(),
        ),
        claim(
            "Each triangle has «g» sides, and there are «g» triangles: $«g» + «g» = «g»$.",
            [t, picture["triangle"], t, t, triangles],
        ),
        claim("The square has «g» sides.", [sq]),
        claim("The hexagon has «g» sides.", [hx]),
        claim("$«g» + «g» + «g» = «g»$", [triangles, sq, hx, total]),
        claim("So her picture has «g» straight sides.", [total]),
        claim("the answer stays «g»", [total + SIDES["circle"]]),
        claim("it still has «g» sides of the same length and «g» square corners", [sq, sq]),
        claim("both triangles, because each has «g» sides.", [t]),
        claim("A road sign has «g» straight sides and «g» corners", [t, t]),
        claim("It has «g» sides, and standing", [t]),
    ]


def segments(points: str) -> list[tuple[str, str]]:
    """Every segment with two of ``points`` (in order on a line) as endpoints."""
    return list(combinations(points, 2))


def points_and_lines():
    four, three = segments("ABCD"), segments("PQR")
    per_start = [sum(1 for a, _ in four if a == p) for p in "ABC"]
    try_it = [sum(1 for a, _ in three if a == p) for p in "PQ"]
    return [
        claim("Put «g» points on a line", [len("ABCD")]),
        claim("$AB$, $AC$, $AD$. That is «g».", [per_start[0]]),
        claim("$BC$, $BD$. That is «g».", [per_start[1]]),
        claim("only $CD$ is left. That is «g».", [per_start[2]]),
        claim("Altogether: $«g» + «g» + «g» = «g»$ segments.", [*per_start, len(four)]),
        claim("so $«g» + «g» = «g»$ segments.", [*try_it, len(three)]),
    ]


def jumps(step: int, count: int) -> list[int]:
    """The first ``count`` numbers said when skip counting by ``step``."""
    return [step * i for i in range(1, count + 1)]


def listed(count: int) -> str:
    return ", ".join(["«g»"] * count)


def skip_counting():
    children, fingers = 4, 5
    hands = children + children
    total = hands * fingers
    shoes = 6
    return [
        claim(f"By 2s: {listed(6)}, …", jumps(2, 6)),
        claim(f"By 5s: {listed(6)}, …", jumps(5, 6)),
        claim(f"By 10s: {listed(6)}, …", jumps(10, 6)),
        claim(f"the last digit goes {listed(5)} and then", [n % 10 for n in jumps(2, 5)]),
        claim(f"Counting by 5s, it goes {listed(4)}.", [n % 10 for n in jumps(5, 4)]),
        claim("Counting by 10s, it is always «g».", {n % 10 for n in jumps(10, 9)}),
        claim(
            "Each hand has «g» fingers, and there are $«g» + «g» = «g»$ hands.",
            [fingers, children, children, hands],
        ),
        claim(f"keep track on your own fingers: {listed(hands)}.", jumps(fingers, hands)),
        claim("You made «g» jumps and landed on «g».", [hands, total]),
        claim("So there are «g» fingers.", [total]),
        claim(f"$${' + '.join([str(fingers)] * hands)} = «g»$$", [total]),
        claim(
            f"two hands make «g» fingers: four children is {listed(children)}.",
            [2 * fingers, *jumps(2 * fingers, children)],
        ),
        claim('with the number of groups ("«g»")', [hands]),
        claim(
            f"**Answer:** {listed(shoes)}, so there are «g» shoes:", [*jumps(2, shoes), 2 * shoes]
        ),
        claim(f"${' + '.join(['2'] * shoes)} = «g»$.", [2 * shoes]),
    ]


def bracketed(slug: str) -> list[list[int]]:
    """The sizes of the groups on each line of ``slug`` drawn as ``(x x) (x x x)``."""
    return [
        [len(group.split()) for group in re.findall(r"\(([^)]*)\)", line)]
        for line in lesson(slug).splitlines()
        if line.startswith("(")
    ]


def equal_groups():
    equal, unequal = bracketed("equal-groups")
    assert len(set(equal)) == 1 and len(set(unequal)) > 1
    groups, size = len(equal), equal[0]
    total = sum(equal)
    bags, apples = 5, 2
    return [
        claim("There are «g» plates, and each plate has «g» strawberries.", [groups, size]),
        claim("**«g» groups of «g»**", [groups, size]),
        claim("How many strawberries are in «g» groups of «g»?", [groups, size]),
        claim(
            "Each group has «g». Say the total after each plate, counting by «g»s: "
            f"{listed(groups)}.",
            [size, size, *jumps(size, groups)],
        ),
        claim("That is «g» plates, so you stop after «g» numbers.", [groups, groups]),
        claim(f"$${' + '.join([str(size)] * groups)} = «g»$$", [total]),
        claim("So «g» groups of «g» make «g» strawberries.", [groups, size, total]),
        claim("and add the two numbers: $«g» + «g» = «g»$.", [groups, size, groups + size]),
        claim("Each plate brings «g» more, so you add «g» four times.", [size, size]),
        claim("There are «g» bags with «g» apples in each bag.", [bags, apples]),
        claim(
            f"**Answer:** «g» groups of «g», so ${' + '.join([str(apples)] * bags)} = «g»$ apples.",
            [bags, apples, bags * apples],
        ),
    ]


def arrays():
    lines = pictures("arrays", "⭐")
    rows, columns = len(lines), lines[0]
    assert set(lines) == {columns}, "every row of an array is full"
    total = sum(lines)
    chairs_rows, chairs = 4, 3
    return [
        claim(
            "This array has «g» rows, and each row has «g» stars. It also has «g» columns, "
            "with «g» stars in each column.",
            [rows, columns, columns, rows],
        ),
        claim(r"«g» rows of «g» is $«g» \times «g»$.", [rows, columns, rows, columns]),
        claim("Count the rows: there are «g».", [rows]),
        claim("Count one row: it has «g» stars.", [columns]),
        claim(f"counting by «g»s: {listed(rows)}.", [columns, *jumps(columns, rows)]),
        claim(f"$${' + '.join([str(columns)] * rows)} = «g»$$", [total]),
        claim(
            r"So the array holds «g» stars, and we write $«g» \times «g» = «g»$, "
            '"«g» rows of «g»".',
            [total, rows, columns, total, rows, columns],
        ),
        claim("so you see «g» rows of «g».", [columns, rows]),
        claim(f"${' + '.join([str(rows)] * columns)} = «g»$.", [total]),
        claim(r"$«g» \times «g» = «g» \times «g»$.", [rows, columns, columns, rows]),
        claim(
            "$«g» + «g» = «g»$. But «g» counts lines",
            [rows, columns, rows + columns] * 1 + [rows + columns],
        ),
        claim(
            "A classroom has «g» rows of chairs with «g» chairs in each row.", [chairs_rows, chairs]
        ),
        claim(
            f"**Answer:** ${' + '.join([str(chairs)] * chairs_rows)} = «g»$ chairs, "
            r"which is $«g» \times «g» = «g»$.",
            [chairs * chairs_rows, chairs_rows, chairs, chairs * chairs_rows],
        ),
    ]


def commutative_multiplication():
    table = [(a, b) for a in range(1, 11) for b in range(1, 11)]
    different = {tuple(sorted(fact)) for fact in table}
    rows, per_row = 4, 6
    product = rows * per_row
    return [
        claim("Picture «g» rows of chairs with «g» chairs in each row.", [rows, per_row]),
        claim("you see «g» rows with «g» chairs in each.", [per_row, rows]),
        claim("has «g» facts, but most", [len(table)]),
        claim("That leaves only «g» different facts to learn", [len(different)]),
        claim("Take «g» rows of «g».", [rows, per_row]),
        claim(
            "Add a row of «g» for each of the «g» rows: "
            f"${' + '.join([str(per_row)] * rows)} = «g»$.",
            [per_row, rows, product],
        ),
        claim("now there are «g» rows of «g».", [per_row, rows]),
        claim(
            "Add a row of «g» for each of the «g» rows: "
            f"${' + '.join([str(rows)] * per_row)} = «g»$.",
            [rows, per_row, product],
        ),
        claim("Both ways give «g», so", [product]),
        claim("you cannot take «g» away from «g» and get «g».", [8, 2, 8 - 2]),
        claim(r"$«g» \div «g»$ is not «g».", [3, 12, 12 // 3]),
        claim('"«g» bags of «g» sweets" and "«g» bags of «g» sweets"', [3, 5, 5, 3]),
    ]


COUNTERS = {"🔴": ("red", "circle"), "🔵": ("blue", "circle"), "🟥": ("red", "square")}
COUNTERS |= {"🟦": ("blue", "square")}


def sorting():
    rows = [
        line.split()
        for line in lesson("sorting-and-classifying-objects").splitlines()
        if line.strip() and set(line.split()) <= set(COUNTERS)
    ]
    row, try_row = rows[0], rows[-1]
    groups = {
        line.split(":")[0].strip("- "): line.split(":")[1].split()
        for line in lesson("sorting-and-classifying-objects").splitlines()
        if line.startswith("- ")
        and ":" in line
        and set(line.split(":")[1].split()) <= set(COUNTERS)
    }
    for name, members in groups.items():
        at = 0 if name in ("red", "blue") else 1
        assert members == [c for c in row if COUNTERS[c][at] == name.rstrip("s")], name
    red = [c for c in row if COUNTERS[c][0] == "red"]
    circles = sum(1 for c in red if COUNTERS[c][1] == "circle")
    squares = [c for c in try_row if COUNTERS[c][1] == "square"]
    return [
        claim("there are «g» red circles and «g» red square.", [circles, len(red) - circles]),
        claim("Add them: $«g» + «g» = «g»$.", [circles, len(red) - circles, len(red)]),
        claim(
            "So the red group has «g» counters, and the blue group has the other "
            "$«g» - «g» = «g»$.",
            [len(red), len(row), len(red), len(row) - len(red)],
        ),
        claim(
            "the groups add up to all of them: $«g» + «g» = «g»$.",
            [len(red), len(row) - len(red), len(row)],
        ),
        claim(
            f"the squares are {' '.join(squares)}, so there are «g» squares. The other «g» "
            "things are circles, and $«g» + «g» = «g»$,",
            [
                len(squares),
                len(try_row) - len(squares),
                len(squares),
                len(try_row) - len(squares),
                len(try_row),
            ],
        ),
    ]


CENTS = {"penny": 1, "nickel": 5, "dime": 10, "quarter": 25}


def running(values: list[int]) -> list[int]:
    """The amounts said while counting on coin by coin."""
    return [sum(values[: i + 1]) for i in range(len(values))]


def coins():
    ella = [CENTS["dime"]] * 2 + [CENTS["nickel"]] + [CENTS["penny"]] * 3
    said = running(ella)
    try_it = [CENTS["quarter"], CENTS["dime"], CENTS["penny"], CENTS["penny"]]
    return [
        *(claim(f"a **{name}** is worth «g» cent", [v]) for name, v in CENTS.items()),
        claim(
            "$«g» - «g» = «g»$ cents more",
            [CENTS["dime"], CENTS["nickel"], CENTS["dime"] - CENTS["nickel"]],
        ),
        claim("where «g» cents make one dollar", [100]),
        claim("Ella has «g» dimes, «g» nickel and «g» pennies.", [2, 1, 3]),
        claim("Count by 10s: «g», «g».", said[:2]),
        claim("counting on by 5: «g».", said[2:3]),
        claim("counting on by 1s: «g», «g», «g».", said[3:]),
        claim("So Ella has «g» cents:", [sum(ella)]),
        claim(f"$${' + '.join(map(str, ella))} = «g»$$", [sum(ella)]),
        claim("Ella has «g» coins, but that does not mean she has «g» cents.", [len(ella)] * 2),
        claim("count a nickel as «g» because", [CENTS["dime"]]),
        claim(
            "count on: «g», «g», «g», «g». That is «g» cents,",
            [*running(try_it), sum(try_it)],
        ),
        claim(f"${' + '.join(map(str, try_it))} = «g»$.", [sum(try_it)]),
    ]


GATE = "<s>||||</s>"


def tally_value(marks: str) -> int:
    """What a row of tally marks shows: five for each gate, one for each other stroke."""
    return 5 * marks.count(GATE) + marks.replace(GATE, "").count("|")


def tallies():
    text = lesson("tally-charts")
    words = dict(re.findall(r"((?:<s>\|{4}</s> ?|\|)+) is (\w+)", text))
    assert len(words) == 3
    assert {NAMES.index(w) for w in words.values()} == {tally_value(m) for m in words}
    chart = dict(re.findall(r"^- (\w+): (.+)$", text, re.M))
    apple, banana, grape = (tally_value(chart[k]) for k in ("apple", "banana", "grape"))
    (try_it,) = [line for line in text.splitlines() if line.startswith(GATE)][-1:]
    shown = tally_value(try_it)

    def steps(n: int) -> list[int]:
        gates, ones = divmod(n, 5)
        return [5 * g for g in range(1, gates + 1)] + [5 * gates + i for i in range(1, ones + 1)]

    def plus(n: int) -> str:
        gates, ones = divmod(n, 5)
        return " + ".join(["5"] * gates + ([str(ones)] if ones else []))

    return [
        claim(
            f"Apple has «g» gates and «g» strokes. Count by fives, then on by ones: "
            f"{listed(len(steps(apple)))}.",
            [*divmod(apple, 5), *steps(apple)],
        ),
        claim(f"So ${plus(apple)} = «g»$ children chose apple.", [apple]),
        claim(
            f"Banana has «g» gate and «g» stroke: ${plus(banana)} = «g»$.",
            [*divmod(banana, 5), banana],
        ),
        claim("Grape has «g» strokes and no gate yet, so «g».", [grape, grape]),
        claim("It has $«g» - «g» = «g»$ more votes than banana", [apple, banana, apple - banana]),
        claim(
            "the whole class is $«g» + «g» + «g» = «g»$ children.",
            [apple, banana, grape, apple + banana + grape],
        ),
        claim(
            f"{listed(len(steps(shown)))}, so it is «g», because ${plus(shown)} = «g»$.",
            [*steps(shown), shown, shown],
        ),
    ]


def picture_graphs():
    text = lesson("picture-graphs")
    each = int(re.search(r"Key: 📘 = (\d+) books", text).group(1))
    rows = {name: marks.count("📘") for name, marks in re.findall(r"^- (\w+): (.+)$", text, re.M)}
    books = {name: k * each for name, k in rows.items()}
    ana, ben, cai = books["Ana"], books["Ben"], books["Cai"]
    (paws,) = re.findall(r"The row for dogs is ((?:🐾 ?)+)\.", text)
    dogs = paws.count("🐾")

    def adds(name: str) -> str:
        return " + ".join([str(each)] * rows[name])

    return [
        claim("each 📘 stands for «g» books.", [each]),
        claim("Count Ben's pictures: there are «g».", [rows["Ben"]]),
        claim(
            f"Count by «g»s, one jump per picture: {listed(rows['Ben'])}.",
            [each, *jumps(each, rows["Ben"])],
        ),
        claim(f"So Ben read ${adds('Ben')} = «g»$ books.", [ben]),
        claim(
            f"Ana read ${adds('Ana')} = «g»$ books and Cai read ${adds('Cai')} = «g»$.", [ana, cai]
        ),
        claim("$«g» - «g» = «g»$ more than Ana.", [ben, ana, ben - ana]),
        claim("$«g» + «g» + «g» = «g»$ books.", [ben, ana, cai, ben + ana + cai]),
        claim(
            "Ben has «g» pictures, but he did not read «g» books: every picture means «g».",
            [rows["Ben"]] * 2 + [each],
        ),
        claim("the key says 🐾 = «g» pets.", [5]),
        claim(f"count by 5s four times: {listed(dogs)}.", jumps(5, dogs)),
        claim(f"${' + '.join(['5'] * dogs)} = «g»$ dogs.", [5 * dogs]),
    ]


def frames(slug: str) -> list[tuple[int, int]]:
    """(counters, empty spaces) of each ten-frame drawn in ``slug``, two lines per frame."""
    lines = [
        line.split()
        for line in lesson(slug).splitlines()
        if line.strip() and set(line.split()) <= {"🔴", "⚪"}
    ]
    pairs = [lines[i] + lines[i + 1] for i in range(0, len(lines), 2)]
    return [(p.count("🔴"), p.count("⚪")) for p in pairs]


def teen_numbers():
    (full, none), (ones, empty) = frames("teen-numbers")
    assert (full, none) == (10, 0) and ones + empty == 10
    n = full + ones
    nine, five = 9, 5
    left = five - (10 - nine)
    three, eight = 3, 8
    return [
        claim("The second frame has «g» counters and «g» empty spaces", [ones, empty]),
        claim("one ten and «g» ones:", [ones]),
        claim("$$«g» + «g» = «g»$$", [full, ones, n]),
        claim("In the number «g», the 1 on the left", [n]),
        claim("the «g» on the right stands", [ones]),
        claim("$«g» + «g»$, fill the frame first.", [nine, five]),
        claim("and «g» are left over: $«g» + «g» = «g»$.", [left, 10, left, nine + five]),
        claim("That is «g» counters.", [three]),
        claim("one ten and «g» ones: $«g» + «g» = «g»$.", [three, 10, three, 10 + three]),
        claim("with 1 counter and «g» counters, you only have «g».", [three, 1 + three]),
        claim('"ten and three" as «g».', [int(f"{10}{three}")]),
        claim(
            "«g» ten and «g» ones, because $«g» + «g» = «g»$.", [1, eight, 10, eight, 10 + eight]
        ),
        claim("with «g» empty spaces.", [10 - eight]),
    ]


def place_value_to_100():
    text = lesson("place-value-to-100")
    bundles = re.search(r"bundles of ten: (.+)$", text, re.M).group(1).count("🟫")
    loose = re.search(r"loose sticks: (.+)$", text, re.M).group(1).count("|")
    n = 10 * bundles + loose
    swapped = 10 * loose + bundles
    tens, ones = divmod(63, 10)
    eight, five = divmod(85, 10)
    return [
        claim("- «g» bundles of ten:", [bundles]),
        claim("- «g» loose sticks:", [loose]),
        claim("In **«g»**, the left digit", [n]),
        claim("So «g» means «g» tens and «g» ones:", [n, bundles, loose]),
        claim(f"$${' + '.join(['10'] * bundles)} + «g» = «g»$$", [loose, n]),
        claim(
            r"The «g» in «g» is worth $«g» \times 10 = «g»$, while the «g» is worth just «g».",
            [bundles, n, bundles, 10 * bundles, loose, loose],
        ),
        claim("The same digit «g» in «g» is worth only «g»", [bundles, swapped, swapped % 10]),
        claim(
            "The left digit is «g», so take «g» bundles of ten. That is «g» sticks.",
            [tens, tens, 10 * tens],
        ),
        claim("The right digit is «g», so add «g» loose sticks.", [ones, ones]),
        claim("Together: $«g» + «g» = «g»$.", [10 * tens, ones, 63]),
        claim(
            "you might write «g» and then «g», and get «g».",
            [10 * bundles, loose, int(f"{10 * bundles}{loose}")],
        ),
        claim("The «g» in «g» already means forty", [bundles, n]),
        claim("think the «g» in «g» is worth «g».", [bundles, n, bundles]),
        claim("What does the «g» in «g» stand for?", [eight, 85]),
        claim(
            r"stands for «g» tens, and it is worth $«g» \times 10 = «g»$. The «g» is worth «g», "
            "and $«g» + «g» = «g»$.",
            [eight, eight, 10 * eight, five, five, 10 * eight, five, 85],
        ),
    ]


def dollars_and_cents():
    dollar = 100
    in_dollars = {"quarters": dollar // CENTS["quarter"], "dimes": dollar // CENTS["dime"]}
    coins = [CENTS["dime"]] * 3 + [CENTS["penny"]] * 4
    leo = 2 * dollar + sum(coins)
    five = CENTS["nickel"]
    return [
        claim(
            "One dollar is worth «g» cents, the same as «g» quarters or «g» dimes:",
            [dollar, in_dollars["quarters"], in_dollars["dimes"]],
        ),
        claim(r"is written $\mathdollar «.2f»$.", [3 + 45 / dollar]),
        claim("Leo has «g» one-dollar bills, «g» dimes and «g» pennies.", [2, 3, 4]),
        claim("The bills are whole dollars: «g» dollars.", [2]),
        claim(
            f"Count them: {listed(len(coins))}. That is «g» cents,", [*running(coins), sum(coins)]
        ),
        claim(r"then the two cent digits: $\mathdollar «.2f»$.", [leo / dollar]),
        claim("the whole amount is $«g» + «g» = «g»$ cents", [2 * dollar, sum(coins), leo]),
        claim(
            r"Five cents is $\mathdollar «.2f»$, not $\mathdollar «.1f»$: that would be «g» cents",
            [five / dollar, 10 * five / dollar, 10 * five],
        ),
        claim(r"three dollars and five cents is $\mathdollar «.2f»$.", [3 + five / dollar]),
        claim(
            "If you write «.1f», you have written three dollars and fifty cents.", [3 + 50 / dollar]
        ),
        claim(
            r"**Answer:** $\mathdollar «.2f»$, which is $«g» + «g» = «g»$ cents.",
            [7 + 60 / dollar, 7 * dollar, 60, 7 * dollar + 60],
        ),
    ]


def place_value_to_1000():
    h, t, o = 2, 4, 6
    n = 100 * h + 10 * t + o
    flats, rods, cubes = 3, 0, 5
    shown = 100 * flats + 10 * rods + cubes
    seven = 7 * 100 + 0 * 10 + 2
    return [
        claim("So «g» means «g» hundreds, «g» tens and «g» ones", [n, h, t, o]),
        claim("$$«g» + «g» + «g» = «g»$$", [100 * h, 10 * t, o, n]),
        claim("«g» flats, no rods and «g» small cubes.", [flats, cubes]),
        claim("Hundreds: «g» flats, so the hundreds digit is «g».", [flats, flats]),
        claim("The tens digit is «g».", [rods]),
        claim("Ones: «g» cubes, so the ones digit is «g».", [cubes, cubes]),
        claim(
            "The number is «g»: $«g» + «g» + «g» = «g»$.",
            [shown, 100 * flats, 10 * rods, cubes, shown],
        ),
        claim(
            "Without it you would write «g», which is only «g» tens and «g» ones.",
            [10 * flats + cubes, flats, cubes],
        ),
        claim(
            "some children write «g», putting down «g» and then «g».",
            [int(f"{100 * flats}{cubes}"), 100 * flats, cubes],
        ),
        claim("«g» and «g» are very different numbers.", [10 * flats + cubes, shown]),
        claim("**Answer:** «g», because $«g» + «g» + «g» = «g»$.", [seven, 700, 0, 2, seven]),
        claim(r"worth $«g» \times 100 = «g»$.", [7, 700]),
    ]


def expanded(n: int) -> list[int]:
    return [n // 100 * 100, n // 10 % 10 * 10, n % 10]


def expanded_form():
    places = ("hundreds", "tens", "ones")
    n, m = 583, 629
    digits = [int(d) for d in str(n)]
    try_parts = [300, 9, 50]
    return [
        *(
            claim(f"the «g» is in the {p} place, so it is worth «g»;", [d, v])
            for p, d, v in zip(places[:2], digits, expanded(n), strict=False)
        ),
        claim("the «g» is in the ones place, so it is worth «g».", [digits[2], expanded(n)[2]]),
        claim("$$«g» = «g» + «g» + «g»$$", [n, *expanded(n)]),
        claim("you can leave it out: $«g» = «g» + «g»$.", [407, 400, 7]),
        *(
            claim(f"The «g» is in the {p} place: it is worth «g».", [int(d), v])
            for p, d, v in zip(places, str(m), expanded(m), strict=True)
        ),
        claim("Add the values: $«g» = «g» + «g» + «g»$.", [m, *expanded(m)]),
        claim("$«g» + «g» + «g»$ is only «g», not «g».", [*digits, sum(digits), n]),
        claim("$«g» + «g»$ is «g», not «g».", [400, 7, 407, int(f"{4}{7}")]),
        claim("Which number is $«g» + «g» + «g»$?", try_parts),
        claim("$«g» + «g» + «g» = «g»$.", [*sorted(try_parts, reverse=True), sum(try_parts)]),
    ]


def understanding_angles():
    full, hours = 360, 12
    step = full // hours
    return [
        claim(r"$«g»^\circ$ means ninety degrees.", [full // 4]),
        claim(r"A full turn, all the way round, is $«g»^\circ$.", [full]),
        claim(r"is $«g» \div 2 = «g»$ degrees.", [full, full // 2]),
        claim(r"is $«g» \div 4 = «g»$ degrees.", [full, full // 4]),
        claim(r"the next is $«g» \div «g» = «g»$ degrees.", [full, hours, step]),
        claim("one hand points at 12 and the other at «g»: that is «g» steps.", [4, 4]),
        claim(r"So the angle is $«g» \times «g» = «g»$ degrees.", [4, step, 4 * step]),
        claim(
            r"At «g» o'clock the angle is $«g» \times «g» = «g»$ degrees", [3, 3, step, 3 * step]
        ),
        claim(r"same quarter turn of $«g»^\circ$.", [full // 4]),
        claim(
            r"**Answer:** «g» steps of «g» degrees, so $«g» \times «g» = «g»$",
            [2, step, 2, step, 2 * step],
        ),
    ]


def classifying_angles():
    right, straight = 360 // 4, 360 // 2
    step = 360 // 12
    return [
        claim(r"which is a quarter turn of $«g»^\circ$.", [right]),
        claim(r"less than $«g»^\circ$.", [right]),
        claim(r"A **right** angle is exactly $«g»^\circ$.", [right]),
        claim(r"between $«g»^\circ$ and $«g»^\circ$.", [right, straight]),
        claim(r"A **straight** angle is exactly $«g»^\circ$, a half turn.", [straight]),
        claim(r"turn $«g» \div «g» = «g»$ degrees", [360, 12, step]),
        claim(
            r"At 2 o'clock: $«g» \times «g» = «g»$ degrees. That is less than «g»",
            [2, step, 2 * step, right],
        ),
        claim(r"At 3 o'clock: $«g» \times «g» = «g»$ degrees, exactly", [3, step, 3 * step]),
        claim(
            r"At 5 o'clock: $«g» \times «g» = «g»$ degrees. It is more than «g» and less than «g»",
            [5, step, 5 * step, right, straight],
        ),
        claim(
            r"At 6 o'clock: $«g» \times «g» = «g»$ degrees, a straight angle.", [6, step, 6 * step]
        ),
        claim(r"an angle of exactly $«g»^\circ$ is right", [right]),
        claim(r"an angle of exactly $«g»^\circ$ is straight", [straight]),
        claim(r"Is an angle of $«g»^\circ$ acute", [135]),
        claim("it is more than «g» and less than «g» degrees", [right, straight]),
        claim(r"$«g» - «g» = «g»$ degrees wider", [135, right, 135 - right]),
    ]


def side_pairs(corners: list[tuple[int, int]]) -> tuple[int, int]:
    """(parallel pairs, perpendicular pairs) among the sides of a polygon given by corners."""
    sides = [
        (x2 - x1, y2 - y1)
        for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1], strict=True)
    ]
    pairs = list(combinations(sides, 2))
    parallel = sum(1 for (a, b), (c, d) in pairs if a * d - b * c == 0)
    perpendicular = sum(1 for (a, b), (c, d) in pairs if a * c + b * d == 0)
    return parallel, perpendicular


def parallel_and_perpendicular():
    rectangle = [(0, 0), (4, 0), (4, 2), (0, 2)]
    square = [(0, 0), (3, 0), (3, 3), (0, 3)]
    parallel, perpendicular = side_pairs(rectangle)
    per_side = (2 * parallel // 4, 2 * perpendicular // 4)
    sq_parallel, sq_right = side_pairs(square)
    return [
        claim(r"a square corner of $«g»^\circ$.", [90]),
        claim("That is «g» pairs of parallel sides.", [parallel]),
        claim(
            "There are «g» corners, so «g» pairs of perpendicular sides.",
            [len(rectangle), perpendicular],
        ),
        claim("$«g» + «g» = «g»$ partners for each side.", [*per_side, sum(per_side)]),
        claim(
            "**Answer:** «g» pairs of parallel sides, just like a rectangle, and «g» right angles",
            [sq_parallel, sq_right],
        ),
    ]


CLAIMS = {
    "counting-to-10": counting_to_10,
    "counting-to-20": counting_to_20,
    "counting-on": counting_on,
    "counting-to-100": counting_to_100,
    "recognizing-two-dimensional-shapes": shapes,
    "points-lines-segments-and-rays": points_and_lines,
    "skip-counting-by-2s-5s-and-10s": skip_counting,
    "equal-groups": equal_groups,
    "arrays": arrays,
    "commutative-property-of-multiplication": commutative_multiplication,
    "sorting-and-classifying-objects": sorting,
    "counting-coins": coins,
    "tally-charts": tallies,
    "picture-graphs": picture_graphs,
    "teen-numbers": teen_numbers,
    "place-value-to-100": place_value_to_100,
    "dollars-and-cents": dollars_and_cents,
    "place-value-to-1000": place_value_to_1000,
    "expanded-form": expanded_form,
    "understanding-angles": understanding_angles,
    "classifying-angles": classifying_angles,
    "parallel-and-perpendicular-lines": parallel_and_perpendicular,
}


@pytest.mark.parametrize("slug", SLUGS)
def test_the_lesson_exists_and_belongs_to_a_topic(slug):
    assert slug in {s.slug for s in c.load()}
    prose = re.sub(r"\$\$.+?\$\$|\$.+?\$", "", lesson(slug), flags=re.S)
    words = re.findall(r"[A-Za-z]+(?:['-][A-Za-z]+)*", prose)
    assert 150 <= len(words) <= 450, f"{len(words)} words of prose"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_number_of_the_lesson_is_computed(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), "no arithmetic formula is checked"


def test_the_different_multiplication_facts_are_compared_with_half_of_the_table_rightly():
    table = [(a, b) for a in range(1, 11) for b in range(1, 11)]
    different = len({tuple(sorted(fact)) for fact in table})
    side = "more than half" if 2 * different > len(table) else "less than half"
    text = " ".join(lesson("commutative-property-of-multiplication").split())
    assert f"{different} different facts to learn, a little {side}" in text
