"""The lessons of band 4 (adding integers to multi-digit multiplication): their numbers.

Every computation a lesson states is an arithmetic formula, evaluated exactly by the
checker; the counts, times and measures it states in words are claims computed here from
the example's own inputs (clock times as minutes after midnight, counters counted).
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from knowledge_graph.rendering import render_markdown
from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    claim,
    equation_problems,
    number_problems,
)

EXPLAINERS = Path(__file__).resolve().parents[2] / "fixtures" / "explainers"


def minutes(clock: str) -> int:
    """Minutes after midnight of a time written ``h:mm``."""
    hours, mins = clock.split(":")
    return 60 * int(hours) + int(mins)


def clock(total: int) -> tuple[int, int]:
    """``(hour, minute)`` of a time given in minutes after midnight."""
    return divmod(total, 60)


def elapsed(start: str, end: str) -> tuple[int, int]:
    """``(hours, minutes)`` from ``start`` to ``end`` on the same day."""
    return divmod(minutes(end) - minutes(start), 60)


def adding_integers() -> list[Claim]:
    a, b = -5, 8
    pairs = min(abs(a), abs(b))  # each red counter cancels one yellow one
    return [
        claim(
            "move $«g»$ steps right: after $«g»$ steps you reach $0$, and $«g»$ more steps"
            " take you to $«g»$",
            [b, -a, b + a, a + b],
        ),
        claim(
            "lay down $«g»$ red counters and $«g»$ yellow ones. Match them up: $«g»$ zero"
            " pairs vanish and $«g»$ yellow counters are left",
            [-a, b, pairs, b - pairs],
        ),
    ]


def elapsed_time() -> list[Claim]:
    return [
        claim(
            "starts at «g»:«02.0f» and ends at «g»:«g» has an elapsed time of «g» hour and «g»"
            " minutes",
            [2, 0, 3, 30, *elapsed("2:00", "3:30")],
        ),
        claim(
            "leaves at «g»:«g» and arrives at «g»:«g»", [*clock(9 * 60 + 40), *clock(11 * 60 + 15)]
        ),
        claim("the journey takes «g» hour and «g» minutes", elapsed("9:40", "11:15")),
        claim(
            "one hour later is «g»:«g», and «g» more minutes is «g»:«g»",
            [
                *clock(minutes("9:40") + 60),
                elapsed("9:40", "11:15")[1],
                *clock(minutes("9:40") + 60 + elapsed("9:40", "11:15")[1]),
            ],
        ),
        claim("so 75 minutes is «g» hour and «g» minutes", divmod(75, 60)),
        claim("A film starts at «g»:«g» and ends at «g»:«g»", [4, 50, 6, 40]),
        claim("from 6:00 to 6:«g» is «g» minutes", [40, minutes("6:40") - minutes("6:00")]),
        claim("That makes «g» hour and", [elapsed("4:50", "6:40")[0]]),
        claim("and $10 + 40 = «g»$ minutes", [elapsed("4:50", "6:40")[1]]),
    ]


def pattern(start: int, step: int, count: int) -> list[int]:
    """The first ``count`` numbers of "start at ``start`` and add ``step``"."""
    return [start + i * step for i in range(count)]


def number_patterns() -> list[Claim]:
    seen = pattern(5, 3, 4)
    down = pattern(50, -5, 4)
    tried = pattern(6, 5, 4)
    return [
        claim(r"$$«g», \; «g», \; «g», \; «g», \; «g», \; \dots$$", pattern(3, 4, 5)),
        claim("For $«g», «g», «g», «g»$ the jumps", seen),
        claim('rule is "start at «g» and add «g»"', [seen[0], seen[1] - seen[0]]),
        claim("In $«g», «g», «g», «g»$ each jump", down),
        claim('"start at «g» and take away «g»"', [down[0], down[0] - down[1]]),
        claim("In $«g», «g», «g», «g»$ every number is odd", pattern(3, 4, 4)),
        claim("rule of $«g», «g», «g», «g», \\dots$", tried),
        claim('"start at «g» and add «g»"', [tried[0], tried[1] - tried[0]]),
        claim("from the 1st number to the 3rd is only «g» jumps", [3 - 1]),
    ]


def perimeter() -> list[Claim]:
    rug = (6, 4)
    return [
        claim("For a rug «g» m long and «g» m wide", rug),
        claim("covers $«g» \\times «g» = «g»$ squares", [*rug, rug[0] * rug[1]]),
        claim("but its perimeter is «g» m", [2 * sum(rug)]),
        claim("perimeter of «g» cm and a length of «g» cm", [2 * (9 + 6), 9]),
    ]


def terms(total: str) -> list[int]:
    """The numbers of a written sum such as ``6 + 6 + 6``."""
    return [int(t) for t in total.split("+")]


def repeated_addition() -> list[Claim]:
    spiders, legs = 4, 8
    sixes = terms("6 + 6 + 6 + 6 + 6")
    fives = terms("5 + 5 + 5 + 5 + 5 + 5")
    return [
        claim("Three bags each hold «g» apples", [terms("4 + 4 + 4")[0]]),
        claim("skip count by twos, five times: «g», «g», «g», «g», «g»", [2, 4, 6, 8, 10]),
        claim("How many legs do «g» spiders have?", [spiders]),
        claim("There are «g» groups (the spiders) with «g» in each group", [spiders, legs]),
        claim("Four spiders have «g» legs", [spiders * legs]),
        claim("there are «g» plus signs but «g» sixes", [len(sixes) - 1, len(sixes)]),
        claim("there are «g» fives", [len(fives)]),
        claim("ten boxes of «g» pencils", [7]),
    ]


def multiplication_facts() -> list[Claim]:
    sixes = list(range(6, 43, 6))
    return [
        claim(
            "Counting in sixes, «g», «g», «g», «g», «g», «g», «g», takes «g» jumps",
            [*sixes, len(sixes)],
        ),
        # the neighbouring facts: one group of 7 fewer, one more
        claim("such as saying $7 \\times 8$ is «g» or «g»", [7 * (8 - 1), 7 * (8 + 1)]),
        claim("how many sixes make «g»?", [sixes[-1]]),
    ]


def area_of_rectangles() -> list[Claim]:
    rows, per_row = 3, 5
    floor = (8, 6)
    return [
        claim("«g» cm long and «g» cm wide can be covered", [per_row, rows]),
        claim("There are «g» rows, and each row has «g» squares", [rows, per_row]),
        claim("covers «g» square centimetres", [rows * per_row]),
        claim("A bedroom floor is «g» m long and «g» m wide", floor),
        claim("A carpet for it needs «g» squares", [floor[0] * floor[1]]),
        claim("an area of «g» square centimetres and a length of «g» cm", [36, 9]),
        claim("the width is «g» cm", [36 // 9]),
        claim("A photo is «g» cm long and «g» cm wide", [7, 4]),
    ]


def associative_property() -> list[Claim]:
    boxes, packs, stickers = 2, 7, 5
    return [
        claim(
            "Picture «g» boxes. Each box holds «g» packs, and each pack holds «g» stickers",
            [boxes, packs, stickers],
        ),
        claim("the stickers in «g» packs of «g»", [boxes * packs, stickers]),
        claim("then the stickers in «g» boxes", [boxes]),
        claim("the «g» and the «g» multiply to «g»", [5, 2, 5 * 2]),
        claim("group the «g» and the «g»:", [5, 2]),
    ]


# Small units in one big unit, as the conversion lesson's table lists them.
PER = {
    ("foot", "inches"): 12,
    ("yard", "feet"): 3,
    ("metre", "centimetres"): 100,
    ("centimetre", "millimetres"): 10,
    ("kilogram", "grams"): 1000,
    ("litre", "millilitres"): 1000,
    ("hour", "minutes"): 60,
    ("minute", "seconds"): 60,
}


def converting_units() -> list[Claim]:
    inches = PER["foot", "inches"]
    return [
        *(claim(f"| «g» {big} | «g» {small} |", [1, n]) for (big, small), n in PER.items()),
        claim("might be «g» metres long, or «g» centimetres", [2, 2 * PER["metre", "centimetres"]]),
        claim("Each foot is «g» inches, so «g» feet are «g» groups of «g»", [inches, 4, 4, inches]),
        claim("So «g» feet is «g» inches", [4, 4 * inches]),
        claim("| feet | «g» | «g» | «g» | «g» | «g» |", range(1, 6)),
        claim("| inches | «g» | «g» | «g» | «g» | «g» |", [k * inches for k in range(1, 6)]),
        claim("how many groups of «g» inches fit. For «g» inches", [inches, 3 * inches]),
        claim("so «g» inches is «g» feet", [3 * inches, 3]),
        claim("a mass of «g» kg", [3]),
        claim("The bag holds «g» grams", [3 * PER["kilogram", "grams"]]),
        claim("An hour is «g» minutes, not «g», so «g» hours", [PER["hour", "minutes"], 100, 2]),
        claim("minutes, not «g».", [2 * 100]),
        claim("one yard is «g» feet", [PER["yard", "feet"]]),
    ]


def distributive_property() -> list[Claim]:
    tall, wide, tens = 7, 13, 10
    return [
        claim("But «g» is $«g» + «g»$", [wide, tens, wide - tens]),
        claim("a rectangle «g» squares tall and «g» squares wide", [tall, wide]),
        claim("a piece «g» squares wide and a piece «g» squares wide", [tens, wide - tens]),
        claim("For $6 \\times 8$, split «g» into $«g» + «g»$", [8, 5, 3]),
        claim("just one «g» less", [9]),
        claim("«g» boxes of $x$ and «g» boxes of $x$ make «g» boxes", [3, 4, 3 + 4]),
        claim("by splitting «g» into a ten", [16]),
    ]


def deal(total: int, shares: int) -> list[tuple[int, int]]:
    """Deal ``total`` things one at a time into ``shares`` piles until none are left:
    after each round, (things in one pile, things used so far)."""
    piles, rounds = [0] * shares, []
    while sum(piles) < total:
        for i in range(shares):
            piles[i] += 1
        rounds.append((piles[0], sum(piles)))
    assert sum(piles) == total, "the things do not share out equally"
    return rounds


def take_groups(total: int, size: int) -> list[int]:
    """What is left after each group of ``size`` is taken from ``total``, down to 0."""
    left = [total]
    while left[-1] > 0:
        left.append(left[-1] - size)
    assert left[-1] == 0
    return left[1:]


def equal_sharing() -> list[Claim]:
    rounds = deal(12, 3)
    words = ("one round", "two rounds", "three rounds", "four rounds")
    each = rounds[-1][0]
    return [
        claim("Three friends find «g» shiny counters", [12]),
        *(
            claim(f"After {w}, each {'friend ' if i == 0 else ''}has «g»", [r[0]])
            for i, (w, r) in enumerate(zip(words, rounds, strict=True))
        ),
        claim("counter and «g» counters are used", [rounds[0][1]]),
        claim("Each friend gets «g» counters", [each]),
        claim("Lina puts «g» strawberries on «g» plates", [15, 5]),
        claim("each of the «g» plates", [5]),
        claim("so each plate has «g»", [deal(15, 5)[-1][0]]),
        claim('"«g» shared among «g» is «g»"', [12, 3, each]),
        claim("«g» is how many friends there are", [3]),
        claim("Share «g» stickers fairly among «g» children", [18, 3]),
        claim(
            "dealing in rounds of «g», «g» rounds use them all, so each child gets «g»",
            [3, len(deal(18, 3)), deal(18, 3)[-1][0]],
        ),
    ]


def grouping() -> list[Claim]:
    apples = take_groups(20, 4)
    teams = list(range(3, 19, 3))
    eggs = take_groups(24, 6)
    return [
        claim("A farmer has «g» apples and puts them in bags of «g»", [20, 4]),
        claim("taking «g» apples away from the pile each time", [4]),
        claim("there are «g» take-aways, so «g» bags", [len(apples), len(apples)]),
        claim(
            "skip count by the group size until you reach the total: «g», «g», «g», «g», «g»",
            range(4, 21, 4),
        ),
        claim("That is «g» jumps, so «g» bags", [len(apples), len(apples)]),
        claim("«g» apples shared among «g» baskets", [20, 4]),
        claim(
            "number of groups («g») and ask how many go in each: «g» apples per basket",
            [4, 20 // 4],
        ),
        claim("«g» apples in bags of «g». You know the size of each group («g»)", [20, 4, 4]),
        claim("how many groups: «g» bags", [len(apples)]),
        claim("but the «g» means different things", [len(apples)]),
        claim("There are «g» children in a class, and the teacher makes teams of «g»", [18, 3]),
        claim(
            "Count in threes: «g», «g», «g», «g», «g», «g». That is «g» jumps, so there are"
            " «g» teams",
            [*teams, len(teams), len(teams)],
        ),
        claim(
            "After taking «g» apples away once, «g» apples are left, but the answer is not «g»",
            [4, apples[0], apples[0]],
        ),
        claim("How many boxes of «g» eggs can be filled from «g» eggs?", [6, 24]),
        claim("«g» take-aways, so «g» boxes", [len(eggs), len(eggs)]),
    ]


def counting_principle() -> list[Claim]:
    shirts, trousers = 3, 4
    outfits = list(itertools.product(range(shirts), range(trousers)))
    runners = 8
    podiums = list(itertools.permutations(range(runners), 2))
    labels = 1000
    bits = math.ceil(math.log2(labels))
    return [
        claim("Take «g» shirts and «g» pairs of trousers", [shirts, trousers]),
        claim("each shirt goes with «g» pairs of trousers", [trousers]),
        claim("«g» branches, each splitting into «g»", [len({s for s, _ in outfits}), trousers]),
        claim("a choice of «g» starters, «g» mains and «g» desserts", [2, 3, 4]),
        claim("among «g» runners: «g» runners can take gold", [runners, runners]),
        claim("«g» remain for silver", [len({b for a, b in podiums if a == 0})]),
        claim("$«g» \\times «g» = «g»$ possible podiums", [runners, runners - 1, len(podiums)]),
        claim("Arranging «g» books", [4]),
        claim("A «g»-digit lock", [3]),
        claim("a byte of «g» bits gives", [8]),
        claim("To give «g» messages different labels you need «g» bits", [labels, bits]),
        claim("because $2^«g» = «g»$ falls short", [bits - 1, 2 ** (bits - 1)]),
        claim("How many «g»-digit PINs", [4]),
    ]


def rule(n: int, times: int, plus: int) -> int:
    return n * times + plus


def input_output() -> list[Claim]:
    first = [rule(n, 3, 1) for n in range(1, 6)]
    found = [rule(n, 2, 5) for n in range(2, 6)]
    return [
        claim("| input | «g» | «g» | «g» | «g» | «g» |", range(1, 6)),
        claim("| output | «g» | «g» | «g» | «g» | «g» |", first),
        claim("For the input «g» the machine", [4]),
        claim("What comes out for the input «g»?", [10]),
        claim("Which input gives the output «g»?", [22]),
        claim("| input | «g» | «g» | «g» | «g» |", range(2, 6)),
        claim("| output | «g» | «g» | «g» | «g» |", found),
        claim("When the input goes up by «g», the output goes up by «g»", [1, found[1] - found[0]]),
        claim("$2 \\times 2 = 4$, not «g»", [found[0]]),
        claim('"multiply by «g», then add «g»"', [2, 5]),
        claim(
            'From the first pair, $«g» \\to «g»$, "add «g»" looks right',
            [2, found[0], found[0] - 2],
        ),
        claim("and the table says «g»", [found[1]]),
        claim("What is the output for «g», and which input gives «g»?", [6, rule(5, 4, -2)]),
        claim("so the input is «g»", [5]),
    ]


def graphing_points() -> list[Claim]:
    across, up = 3, 5
    line = [(x, x + 2) for x in range(1, 5)]  # the rule "add 2"
    start, end = 2, 7
    crossed = len(range(start, end + 1))  # grid lines from the start line to the end line
    return [
        claim("such as $(«g», «g»)$", [across, up]),
        claim("walk «g» steps right, then climb «g» steps up", [across, up]),
        claim("$(«g», «g»)$ is «g» across and «g» up", [up, across, up, across]),
        claim(
            "gives the pairs $(«g», «g»)$, $(«g», «g»)$, $(«g», «g»)$ and $(«g», «g»)$",
            [n for pair in line for n in pair],
        ),
        claim(
            "$(«g», «g»)$ plotted as «g» up and «g» across lands on $(«g», «g»)$",
            [6, 2, 6, 2, 2, 6],
        ),
        claim("you cross «g» lines, but the distance is «g» units", [crossed, end - start]),
        claim("Which point is «g» across and «g» up?", [6, 2]),
        claim("the point is $(«g», «g»)$", [6, 2]),
    ]


def fact_families() -> list[Claim]:
    a, b = 4, 7
    return [
        claim(
            "The numbers «g», «g» and «g» belong together, because «g» groups of «g» make «g»",
            [a, b, a * b, a, b, a * b],
        ),
        claim("Picture «g» dots in «g» rows of «g»", [a * b, a, b]),
        claim("Sharing the dots among the «g» rows puts «g» in each", [a, a * b // a]),
        claim("among the «g» columns puts «g» in each", [b, a * b // b]),
        claim("the missing number is «g»", [56 // 8]),
        claim("as in «g», «g» and «g»", [6, 6, 36]),
        claim('"«g» divided by «g» is «g»"', [b, a * b, a]),
        claim("sharing «g» things among «g» people cannot give each person «g»", [b, a * b, a]),
        claim('"«g» shared into «g» groups gives «g» each"', [a * b, a, b]),
        claim("Write the fact family of «g», «g» and «g»", [3, 9, 27]),
    ]


def inverse_operations() -> list[Claim]:
    return [
        claim("Put «g» marbles into a bag", [9]),
        claim("then take «g» out", [9]),
        claim("Adding «g» and subtracting «g» undo each other", [9, 9]),
        claim("add «g». The answer is «g»", [9, 14 + 9]),
        claim("My number was «g»", [23 - 9]),
        claim("multiply it by «g». The answer is «g»", [4, 8 * 4]),
        claim("then add «g», and get «g»", [5, 8 * 3 + 5]),
        claim("dividing «g» by «g» first does not even give a whole number", [29, 3]),
        claim("take away «g», and get «g»", [6, 21 - 6]),
    ]


def word_problems() -> list[Claim]:
    boxes, crayons = 6, 8
    return [
        claim("A teacher has «g» boxes of crayons. Each box holds «g» crayons", [boxes, crayons]),
        claim("There are «g» groups (the boxes) and «g» in each group", [boxes, crayons]),
        claim("so $c$ is «g»", [boxes * crayons]),
        claim("there are «g» crayons", [boxes * crayons]),
        claim("«g» boxes of «g» crayons, as above", [boxes, crayons]),
        claim("a hall has «g» rows of chairs with «g» chairs in each row", [7, 9]),
        claim("a bus ticket costs «g» dollars, and a family buys «g» tickets", [4, 5]),
        claim("Each ticket is a group of «g» dollars", [4]),
        claim("makes «g» trays of «g» rolls and sells «g» of them", [5, 6, 7]),
        claim("sketch the «g» boxes, write «g» in each", [boxes, crayons]),
        claim("adding «g» six times", [crayons]),
        claim("such as «g» crayons packed «g» to a box", [boxes * crayons, crayons]),
        claim("A garden has «g» rows of tulips with «g» tulips in each row", [4, 7]),
        claim("so there are «g» tulips", [4 * 7]),
    ]


def comparison() -> list[Claim]:
    ana, times = 5, 3
    sam = times * ana
    return [
        claim("Ana has «g» stickers. Sam has **«g» times as many**", [ana, times]),
        claim('"Sam has «g» **more** stickers than Ana"', [times]),
        claim("write «g» in it. For Sam, draw «g» bars", [ana, times]),
        claim("Sam's row is «g» times as long as Ana's", [times]),
        claim("and it holds $«g» + «g» + «g» = «g»$ stickers", [ana, ana, ana, sam]),
        claim("Ana has «g» and Sam has «g» times as many", [ana, times]),
        claim("Sam has «g», which is «g» times as many as Ana", [sam, times]),
        claim("Sam has «g» and Ana has «g». How many", [sam, ana]),
        claim("so Sam has «g» times as many", [sam // ana]),
        claim("A tree is «g» metres tall and a house is «g» metres tall", [24, 8]),
        claim("The tree is «g» times as tall as the house", [24 // 8]),
        claim(
            "If Ana has «g» and Sam has «g» times as many, the answer is not «g»",
            [ana, times, ana + times],
        ),
        claim('"«g» times as many" means three whole copies', [times]),
        claim('while "«g» more" just adds', [times]),
        claim("the ratio «g» to «g»", [times, 1]),
        claim("A blue ribbon is «g» cm long. A red ribbon is «g» times as long", [4, 6]),
    ]


def multiples_of_ten() -> list[Claim]:
    a, tens = 6, 4
    fact = a * tens
    return [
        claim(
            "The number 40 is «g» tens, so 6 lots of 40 is 6 lots of «g» tens, which is «g»"
            " tens. Since «g» tens is «g»",
            [tens, tens, fact, fact, fact * 10],
        ),
        claim("«g» ones become «g» tens", [fact, fact]),
        claim('"«g» tens" instead', [5 * 6]),
        claim("write «g», you have lost a place", [5 * 6]),
    ]


def parts(n: int) -> list[int]:
    """``n`` split by place value, largest place first: 347 -> [300, 40, 7]."""
    digits = str(n)
    return [int(d) * 10 ** (len(digits) - 1 - i) for i, d in enumerate(digits) if d != "0"]


def area_model() -> list[Claim]:
    two, three = parts(23), parts(347)
    return [
        claim("A rectangle «g» units long and «g» units wide", [23, 6]),
        claim("Counting «g» squares one by one", [23 * 6]),
        claim("«g» is «g» tens and «g» ones", [23, two[0] // 10, two[1]]),
        claim("| $\\times$ | «g» | «g» |", two),
        claim("| «g» | «g» | «g» |", [6, *(p * 6 for p in two)]),
        claim("split «g» into hundreds, tens and ones", [347]),
        claim("| $\\times$ | «g» | «g» | «g» |", three),
        claim("| «g» | «g» | «g» | «g» |", [6, *(p * 6 for p in three)]),
        claim("The «g» in «g» means «g»", [2, 23, two[0]]),
        claim("«g» is a bit more than «g»", [23, two[0]]),
        claim("must be more than «g»", [two[0] * 6]),
        claim("with its real value, «g» not «g»", [two[0], two[0] // 10]),
        claim("split «g» into $«g» + «g»$", [58, *parts(58)]),
    ]


def column_multiply(n: int, m: int, *, carry: bool = True) -> tuple[int, list[tuple[int, int]]]:
    """``n`` times the digit ``m`` by the standard algorithm, ones first.

    Returns the answer and, for each place, (digit written, carry taken on). With
    ``carry=False`` the carries are dropped, as in the forgotten-carry mistake.
    """
    written, steps, carried = [], [], 0
    digits = [int(d) for d in reversed(str(n))]
    for i, d in enumerate(digits):
        total = d * m + (carried if carry else 0)
        last = i == len(digits) - 1
        written.append(str(total) if last else str(total % 10))
        carried = 0 if last else total // 10
        steps.append((total % 10, carried))
    return int("".join(reversed(written))), steps


def multi_digit() -> list[Claim]:
    answer, steps = column_multiply(347, 6)
    assert answer == 347 * 6
    small, _ = column_multiply(253, 4)
    return [
        claim("To multiply «g» by «g»", [347, 6]),
        claim("Write «g» in the ones place and carry the «g» tens", list(steps[0])),
        claim("Write «g» in the tens place and carry the «g» hundreds", list(steps[1])),
        claim("Write «g».", [answer // 100]),
        claim("Round «g» to «g»", [347, 350]),
        claim("The answer «g» is close to «g»", [answer, 350 * 6]),
        claim("An answer like «g», far from «g»", [column_multiply(347, 6, carry=False)[0], 2100]),
        claim("you get $«g»$ instead of «g»", [column_multiply(347, 6, carry=False)[0], answer]),
        claim(
            "write the «g» from «g» and the «g» from «g» but never add",
            [(7 * 6) % 10, 7 * 6, (4 * 6) % 10, 4 * 6],
        ),
        claim("write «g», carry «g». Tens", [3 * 4 % 10, 3 * 4 // 10]),
        claim("write «g», carry «g». Hundreds", [(5 * 4 + 1) % 10, (5 * 4 + 1) // 10]),
        claim("write «g». So", [small // 100]),
    ]


CLAIMS = {
    "adding-integers": adding_integers,
    "elapsed-time": elapsed_time,
    "number-patterns-and-rules": number_patterns,
    "perimeter": perimeter,
    "repeated-addition-as-multiplication": repeated_addition,
    "multiplication-facts-within-100": multiplication_facts,
    "area-of-rectangles": area_of_rectangles,
    "associative-property-of-multiplication": associative_property,
    "converting-measurement-units": converting_units,
    "distributive-property": distributive_property,
    "division-as-equal-sharing-intro": equal_sharing,
    "division-as-grouping-measurement": grouping,
    "fundamental-counting-principle": counting_principle,
    "input-output-tables": input_output,
    "graphing-points-in-the-first-quadrant": graphing_points,
    "multiplication-and-division-fact-families": fact_families,
    "inverse-operations": inverse_operations,
    "multiplication-word-problems": word_problems,
    "multiplicative-comparison": comparison,
    "multiplying-by-multiples-of-10": multiples_of_ten,
    "area-model-for-multiplication": area_model,
    "multi-digit-by-one-digit-multiplication": multi_digit,
}


@pytest.mark.parametrize("slug", sorted(CLAIMS))
def test_lesson_numbers_are_computed(slug):
    path = EXPLAINERS / f"{slug}.md"
    assert path.exists(), slug
    text = path.read_text(encoding="utf-8")
    assert equation_problems(text) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), f"{slug}: no arithmetic formula is checked"


@pytest.mark.parametrize("slug", sorted(CLAIMS))
def test_lesson_typesets(slug):
    html = render_markdown((EXPLAINERS / f"{slug}.md").read_text(encoding="utf-8"))
    assert "math-error" not in html and "<math" in html


def test_the_conversion_table_holds_every_conversion_the_practice_asks():
    """A student told to look a number up in the table finds it in the lesson."""
    from practice.families.band4 import CONVERSIONS, _one

    text = (EXPLAINERS / "converting-measurement-units.md").read_text(encoding="utf-8")
    for big, small, factor, _ in CONVERSIONS:
        assert f"| 1 {_one(big)} | {factor} {small} |" in text, (big, small)
