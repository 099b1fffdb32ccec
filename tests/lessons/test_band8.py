"""The lessons of band 8 (KL plan positions 101 to 172): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs,
and the tests below check the facts a sentence states in words.
"""

from __future__ import annotations

import itertools
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest

from practice import plots
from practice.families.band8 import decimal_places, decimal_words
from practice.plots.kinds import parse_shortcode
from tests.lessons.checker import (
    Claim,
    claim,
    lesson,
    lesson_problems,
    no_claims,
    shape_problems,
    squash,
)


def tenths_either_side(x: Fraction) -> tuple[Fraction, Fraction]:
    """The two tenths a decimal lies between: 2.3 and 2.4 for 2.35."""
    low = Fraction(math.floor(x * 10), 10)
    return low, low + Fraction(1, 10)


def number_line() -> list[Claim]:
    """Each decimal the lesson names, placed between its tenths by computation."""
    marks = [2 + Fraction(k, 10) for k in (1, 2, 3, 9)]
    x = Fraction(235, 100)
    low, high = tenths_either_side(x)
    assert x == (low + high) / 2  # "exactly in the middle"
    y = Fraction(68, 100)
    y_low, y_high = tenths_either_side(y)
    assert y_high - y < y - y_low  # "closer to 0.7"
    start = Fraction(47, 10)
    try_start, try_x = Fraction(71, 10), Fraction(45, 100)
    try_low, try_high = tenths_either_side(try_x)
    assert try_x == (try_low + try_high) / 2
    return [
        claim("the marks read «g», «g», «g» and so on, up to «g» just before 3", marks),
        claim("Where does «g» go? It is more than «g» but less than «g»", [x, low, high]),
        claim("count 5 small steps to the right of «g»:", [low]),
        claim("so «g» sits exactly in the middle between «g» and «g».", [x, low, high]),
        claim("placing «g»", [y]),
        claim(
            "Look at the tenths: «g» has 6 tenths, so it is between «g» and «g».",
            [y, y_low, y_high],
        ),
        claim("count 8 small steps from «g», so", [y_low]),
        claim("so «g» is closer to «g» than to «g».", [y, y_high, y_low]),
        claim(
            "On a line from «g» to «g» cut into ten steps, a point 3 steps past «g» is",
            [start, start + Fraction(1, 10), start],
        ),
        claim("On the zoomed line from «g» to «g», a step", [low, high]),
        claim("not even between «g» and «g».", [low, high]),
        claim(
            "A line runs from «g» to «g» and is cut into ten equal steps. What number is 6 "
            "steps past «g»? Between which two tenths does «g» lie?",
            [try_start, try_start + Fraction(1, 10), try_start, try_x],
        ),
        claim(
            "And «g» lies between «g» and «g», exactly in the middle.", [try_x, try_low, try_high]
        ),
    ]


def powers_of_ten() -> list[Claim]:
    """The factors of the examples, and the kilometres that make 2500 metres."""
    three_point_seven = Fraction(37, 10)
    tenths = Fraction(3, 10), Fraction(4, 10)
    assert tenths[0] * tenths[1] == Fraction(3 * 4, 100)  # "3 × 4 = 12, divided by 100"
    return [
        claim("Work out $«g» \\times 100$.", [three_point_seven]),
        claim("metres in «g» kilometres", [Fraction(2500, 1000)]),
        claim("$«g» \\times «g»$ is $3 \\times 4 = 12$", tenths),
        claim(
            "not for decimals: «g» with a zero on the end is «.2f», which is the same "
            "number as «g».",
            [three_point_seven] * 3,
        ),
        claim(
            "Work out $«g» \\times 100$ and $«g» \\div 100$.", [Fraction(46, 100), Fraction(81, 10)]
        ),
    ]


def as_decimal(whole: int, part: int, places: int) -> Fraction:
    return whole + Fraction(part, 10**places)


def reading_decimals() -> list[Claim]:
    """Each decimal the lesson reads or writes, built from its whole part and its digits
    after the point; the words are checked against them in a test below."""
    example = as_decimal(4, 7, 2)
    nine = as_decimal(9, 36, 3)
    six, fourteen = as_decimal(6, 9, 2), as_decimal(14, 5, 3)
    return [
        claim("Here is how to read «g»:", [example]),
        claim("So «g» is", [example]),
        claim(
            'More examples: «g» is "three tenths", «g» is "twelve and forty-five '
            'hundredths", and «g» is "six thousandths".',
            [as_decimal(0, 3, 1), as_decimal(12, 45, 2), as_decimal(0, 6, 3)],
        ),
        claim("The decimal is «g». Check it", [nine]),
        claim('"Four and seven hundredths" written as «g» really says', [as_decimal(4, 7, 1)]),
        claim("Read «g» out loud.", [six]),
        claim('*Answers:* «g» is "six and nine hundredths". The other is «g»', [six, fourteen]),
    ]


def comparing_decimals() -> list[Claim]:
    """The decimals compared and ordered, sorted here by their values."""
    half, other = Fraction(5, 10), Fraction(45, 100)
    trio = [Fraction(32, 10), Fraction(319, 100), Fraction(3205, 1000)]
    least, middle, greatest = sorted(trio)
    tried = [Fraction(109, 100), Fraction(11, 10), Fraction(1009, 1000)]
    return [
        claim("Which is bigger, «g» or «g»?", [half, other]),
        claim("| «g» | 0 | 5 | 0 |", [half]),
        claim("| «g» | 0 | 4 | 5 |", [other]),
        claim("In the tenths, 5 beats 4, so «g» is the bigger number", [max(half, other)]),
        claim("Order «g», «g» and «g» from least to greatest.", trio),
        claim("Give them the same number of places: «.3f», «.3f» and «.3f».", trio),
        claim("The one with 1 tenth, «g», is the least.", [least]),
        claim("Compare «.3f» and «.3f»:", [middle, greatest]),
        claim("so «g» comes before «g».", [middle, greatest]),
        claim("From least to greatest: «g», «g», «g».", [least, middle, greatest]),
        claim(
            "(is «g» nearer «g» or «g»?)", [Fraction(648, 100), Fraction(64, 10), Fraction(65, 10)]
        ),
        claim("will say «g» is bigger", [other]),
        claim('Someone who reads «g» as "forty-five" and «g» as "five"', [other, half]),
        claim("Which is greater, «g» or «g»?", [Fraction(7, 10), Fraction(68, 100)]),
        claim(
            "and 70 hundredths is more than 68, so «g» is greater.",
            [max(Fraction(7, 10), Fraction(68, 100))],
        ),
        claim("Order «g», «g» and «g» from least to greatest.", tried),
        claim("With three places the numbers are «.3f», «.3f» and «.3f»", tried),
        claim("so the order is «g», «g», «g».", sorted(tried)),
    ]


def rational_line() -> list[Claim]:
    """The negative decimals of the ordering example, each a fraction's value."""
    three_quarters, eight_tenths = Fraction(3, 4), Fraction(8, 10)
    fifth, three_halves = Fraction(1, 5), Fraction(3, 2)
    numbers = [-three_quarters, -eight_tenths, fifth, -three_halves]
    sizes = sorted(abs(x) for x in numbers if x < 0)
    tried, five_quarters = -Fraction(12, 10), Fraction(5, 4)
    assert -eight_tenths < -three_quarters and -five_quarters < tried  # the lesson's verdicts
    return [
        claim("Order $-\\frac{3}{4}$, $«g»$, $\\frac{1}{5}$", [-eight_tenths]),
        claim("so the numbers are $«g»$, $«g»$, $«g»$ and $«g»$.", numbers),
        claim("Only $«g»$ is positive", [max(numbers)]),
        claim("at distances «g», «g» and «g».", sizes),
        claim("$-\\frac{3}{2}$, $«g»$, $-\\frac{3}{4}$", [-eight_tenths]),
        claim("such as $x > «g»$", [-three_halves]),
        claim("Since «g» is more than «g», it is tempting", [eight_tenths, three_quarters]),
        claim(
            "to say $«g»$ is more than $«g»$. But $«g»$",
            [-eight_tenths, -three_quarters, -eight_tenths],
        ),
        claim("Which is greater, $«g»$ or", [tried]),
        claim("further left than $«g»$, which makes $«g»$", [tried, max(tried, -five_quarters)]),
    ]


def adding_decimals() -> list[Claim]:
    """The numbers added and subtracted; the mistake's 1.62 from 35 + 127 hundredths."""
    a, b = Fraction(35, 10), Fraction(127, 100)
    c, d = Fraction(62, 10), Fraction(275, 100)
    lined_up_wrong = Fraction(35 + 127, 100)
    assert lined_up_wrong < a  # "less than 3.5 on its own"
    return [
        claim("Here is «g» + «g», with «g» written as «.2f»:", [a, b, a, a]),
        claim("«g» is about 4 and «g» is about 1", [a, b]),
        claim("Work out «g» - «g».", [c, d]),
        claim("fill the empty place: «.2f» - «g».", [c, d]),
        claim("Written that way, «g» + «g» becomes", [a, b]),
        claim("giving «g». That is less than «g» on its own", [lined_up_wrong, a]),
        claim(
            "Work out «g» + «g» and 9 - «g».",
            [Fraction(46, 10), Fraction(258, 100), Fraction(345, 100)],
        ),
        claim("Write 9 as «.2f»;", [9]),
    ]


def rounded(x: str, places: int) -> Decimal:
    """``x`` rounded to ``places`` decimal places, halves up, as the lesson teaches."""
    return Decimal(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rounding() -> list[Claim]:
    """Each rounding the lesson states, done by Decimal's half-up rounding; the halfway
    points as the means of the neighbours."""
    first, low, high = Decimal("6.482"), Decimal("6.4"), Decimal("6.5")
    half = (low + high) / 2
    worked = Decimal("12.3649")
    w_low = rounded(str(worked), 2)
    w_half = w_low + Decimal("0.005")
    nine = Decimal("3.97")
    price = Decimal("2.678")
    steps = Decimal("6.449")
    steps_slip = rounded(str(rounded(str(steps), 2)), 1)
    assert steps_slip != rounded(str(steps), 1)
    a, b = Decimal("8.263"), Decimal("0.7951")
    return [
        claim("To round «g» to the nearest tenth", [first]),
        claim("it lies between: «g» and «g». Halfway between them is «g».", [low, high, half]),
        claim(
            "It is 8, so «g» is past the halfway point and closer to «g». So «g» rounds to «g».",
            [first, high, first, rounded(str(first), 1)],
        ),
        claim("Round «g» to the nearest hundredth.", [worked]),
        claim("so the neighbours are «g» and «g».", [w_low, w_low + Decimal("0.01")]),
        claim("keep the 6: the answer is «g».", [w_low]),
        claim(
            "the halfway point is «g», and «g» is just below it, so «g» really",
            [w_half, worked, w_low],
        ),
        claim("Round «g» to the nearest tenth: the next digit", [nine]),
        claim("So «g» rounds to «.1f».", [nine, rounded(str(nine), 1)]),
        claim(
            "A price of «g» dollars is paid as «g», to the nearest cent.",
            [price, rounded(str(price), 2)],
        ),
        claim(
            "Rounding «g» to the nearest tenth that way goes «g», then «g», then «g», "
            "which is wrong.",
            [steps, steps, rounded(str(steps), 2), steps_slip],
        ),
        claim("and it is 4, so «g» rounds to «g».", [steps, rounded(str(steps), 1)]),
        claim(
            "You can check: «g» is below the halfway point «g».", [steps, rounded(str(steps), 2)]
        ),
        claim("Round «g» to the nearest tenth, and «g» to the nearest hundredth.", [a, b]),
        claim("*Answers:* «g», because", [rounded(str(a), 1)]),
        claim("And «.2f», because", [rounded(str(b), 2)]),
    ]


def multiplying_decimals() -> list[Claim]:
    """The factors of each example, and the products placed by counting places."""
    a, b = Fraction(3, 10), Fraction(4, 10)
    c, d = Fraction(24, 10), Fraction(135, 100)
    assert decimal_places(c) + decimal_places(d) == 3 and c * d == Fraction(3240, 1000)
    slip = Fraction(3 * 4, 10 ** max(decimal_places(a), decimal_places(b)))
    assert slip == 10 * a * b and slip > a
    rug = Fraction(25, 10), Fraction(12, 10)
    return [
        claim("What is $«g» \\times «g»$?", [a, b]),
        claim("Work out $«g» \\times «g»$. 1.", [c, d]),
        claim("«g» has one decimal place and «g» has two", [c, d]),
        claim("of 3240: «.3f», which is the same as «g».", [c * d, c * d]),
        claim("«g» is a bit more than 2 and «g» is about «g»", [c, d, round(d * 2) / 2]),
        claim("A rug «g» metres long and «g» metres wide", rug),
        claim("That turns $«g» \\times «g»$ into «g», ten times too big.", [a, b, slip]),
        claim("less than «g», and «g» is not.", [a, slip]),
        claim(
            "Work out $«g» \\times «g»$ and $«g» \\times «g»$.",
            [Fraction(6, 10), Fraction(7, 10), Fraction(32, 10), Fraction(5, 100)],
        ),
    ]


def dividing_decimals() -> list[Claim]:
    """The divisions of the lesson, each with its divisor made whole."""
    a, b = Fraction(45, 10), Fraction(3, 10)
    c, d = Fraction(756, 100), Fraction(18, 100)
    assert c / d == 42 and (c * 100, d * 100) == (756, 18)
    e, f = Fraction(21, 10), Fraction(7, 100)
    assert e / f == Fraction(210, 7)
    assert a / (b * 10) == Fraction(15, 10)  # the divisor-only slip, ten times too small
    price, mass = Fraction(63, 10), Fraction(15, 10)
    return [
        claim("turned $«g» \\div «g»$ into", [a, b]),
        claim("Work out $«g» \\div «g»$. 1. The divisor «g» has two", [c, d, d]),
        claim("A second case: $«g» \\div «g»$.", [e, f]),
        claim("working it as «.2f» divided by 8", [Fraction(52, 10)]),
        claim("Unit rates are divisions: «g» dollars for «g» kilograms", [price, mass]),
        claim("Then $«g» \\div «g»$ becomes", [a, b]),
        claim(
            "Work out $«g» \\div «g»$ and $«g» \\div «g»$.",
            [Fraction(63, 10), Fraction(9, 10), Fraction(12, 10), Fraction(4, 100)],
        ),
    ]


def percent_of_a_number() -> list[Claim]:
    """1% of 80 from the table, and the decimals of the 5% slip."""
    five = Fraction(5, 100)
    return [
        claim("| 1% | divide by 100 | «g» |", [Fraction(80, 100)]),
        claim("A related slip writes 5% as «g», which is really 50%.", [10 * five]),
        claim("5% is «g», two places to the left.", [five]),
    ]


def discounts() -> list[Claim]:
    """The tip's benchmarks and the totals written to the cent."""
    meal = 46
    ten = Fraction(10, 100) * meal
    return [
        claim("10% of 46 is «g» and 5% is half of that, «g»,", [ten, ten / 2]),
        claim("which is written «.2f».", [meal + Fraction(15, 100) * meal]),
        claim("written «.2f».", [Fraction(80 * 70 * 105, 100 * 100)]),
        claim('"a price $p$ after 30% off is $«g»p$"', [1 - Fraction(30, 100)]),
    ]


def unit_rates() -> list[Claim]:
    """The prices as written on tags (to the cent), and the honey's unit rate."""
    honey, ounces = Fraction(54, 10), 12
    notebooks = Fraction(105, 10)
    return [
        claim("A 12-ounce jar of honey costs «.2f» dollars", [honey]),
        claim(
            "bag of rice costs «.2f» dollars, and a 750-gram bag costs «.2f» dollars",
            [Fraction(35, 10), Fraction(48, 10)],
        ),
        claim('"cost = «g» × ounces"', [honey / ounces]),
        claim("Seven notebooks cost «.2f» dollars.", [notebooks]),
        claim("rides 15 kilometres in «g» hours", [Fraction(125, 100)]),
        claim("dollars, so «.2f» each.", [notebooks / 7]),
    ]


PASS_TABLE = {
    ("practised", "passed"): 72,
    ("practised", "failed"): 8,
    ("not", "passed"): 66,
    ("not", "failed"): 54,
}


def conditional() -> list[Claim]:
    """The table's conditional probabilities, each a count over its row's or column's."""
    practised = sum(v for (row, _), v in PASS_TABLE.items() if row == "practised")
    passed = sum(v for (_, col), v in PASS_TABLE.items() if col == "passed")
    both, total = PASS_TABLE[("practised", "passed")], sum(PASS_TABLE.values())
    pass_given, given_pass = Fraction(both, practised), Fraction(both, passed)
    return [
        claim("= \\frac{72}{80} = «g», \\qquad", [pass_given]),
        claim("= \\frac{72}{138} \\approx «.3f».$$", [given_pass]),
        claim("$P(\\text{pass}) = \\frac{138}{200} = «g»$", [Fraction(passed, total)]),
        claim(
            "in the table, «g» of those who practised passed, but only about «.3f» of",
            [pass_given, given_pass],
        ),
    ]


def rational_products() -> list[Claim]:
    """The factors of the addition-rule slip, whose signs the lesson contrasts."""
    a, b = -Fraction(5, 10), Fraction(4, 10)
    c, d = -Fraction(2, 10), Fraction(5, 10)
    assert a * b < 0 and c * d < 0  # different signs: negative, whatever the sizes
    assert abs(a) > abs(b) and abs(c) < abs(d)  # the slip's "bigger" size differs
    return [
        claim("reason that $(«g») \\times «g»$ is negative", [a, b]),
        claim('"because «g» is bigger", and then that $(«g») \\times «g»$', [abs(a), c, d]),
        claim("and $«g» \\div («g»)$.", [Fraction(18, 10), -Fraction(6, 10)]),
    ]


ORDERED = ("-3/2", "-0.8", "-3/4", "1/5")  # rational numbers, least first, as written
EIGHTHS = (Fraction(3, 4), Fraction(1, 8))  # dividing-fractions: 3/4 ÷ 1/8


PLOT_LINES = {
    "rational-numbers-on-the-number-line": lambda: [
        "[[plot:number-line start=-2 end=1 parts=4 labels=fraction marks="
        + ",".join(ORDERED)
        + "]]"
    ],
    "dividing-fractions": lambda: [
        f"[[plot:fraction-bar n1={EIGHTHS[0].denominator} k1={EIGHTHS[0].numerator} "
        f"n2={EIGHTHS[1].denominator} k2={int(EIGHTHS[0] / EIGHTHS[1])}]]"
    ],
}


def plot_summary(slug: str) -> str:
    """What the lesson's one plot shows, in the words the plot computes for it."""
    (line,) = PLOT_LINES[slug]()
    name, raw = parse_shortcode(line[len("[[plot:") : -2])
    spec = plots.parse(name, raw)
    return squash(spec.kind.compute(spec.args).summary)


def test_plotted_points_are_in_the_lessons_order():
    summary = plot_summary("rational-numbers-on-the-number-line")
    listed = re.findall(
        r"(-?[\d/.]+)(?: \((-?[\d.]+)\))?[,.] ", summary.split("Marked points: ")[1] + " "
    )
    values = [Fraction(a) for a, _ in listed]
    assert values == sorted(values) == [Fraction(x) for x in ORDERED]
    assert "the four points sit in that order from left to right" in squash(
        lesson("rational-numbers-on-the-number-line")
    )


def test_fraction_bars_show_three_quarters_as_six_eighths():
    summary = plot_summary("dividing-fractions")
    assert "3/4 = 6/8: the shaded lengths are equal" in summary
    assert "Three quarters is six eighths, so the answer is 6" in squash(
        lesson("dividing-fractions")
    )


CLAIMS = {
    "square-roots": no_claims,
    "writing-numerical-expressions": no_claims,
    "decimals-on-a-number-line": number_line,
    "multiplying-and-dividing-by-powers-of-ten": powers_of_ten,
    "reading-and-writing-decimals": reading_decimals,
    "comparing-and-ordering-decimals": comparing_decimals,
    "rational-numbers-on-the-number-line": rational_line,
    "adding-and-subtracting-decimals": adding_decimals,
    "rounding-decimals": rounding,
    "adding-and-subtracting-rational-numbers": no_claims,
    "multiplying-decimals": multiplying_decimals,
    "dividing-decimals": dividing_decimals,
    "percent-of-a-number": percent_of_a_number,
    "percent-discounts-tax-and-tips": discounts,
    "dividing-fractions": no_claims,
    "unit-rates": unit_rates,
    "conditional-probability": conditional,
    "mixed-number-arithmetic": no_claims,
    "multiplying-and-dividing-rational-numbers": rational_products,
    "order-of-operations": no_claims,
    "multiplication-rule": no_claims,
    "independent-events": no_claims,
}
LESSONS = tuple(CLAIMS)


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed_and_it_has_a_lessons_shape(slug):
    text = lesson(slug)
    assert lesson_problems(text, CLAIMS[slug]()) == []
    assert shape_problems(text) == []


def test_square_roots_named_in_words_lie_where_the_lesson_says():
    text = squash(lesson("square-roots"))
    for n in (1, 4, 9, 16, 25, 144):
        assert math.isqrt(n) ** 2 == n
    assert "Numbers such as 1, 4, 9, 16, 25 and 144 are **perfect squares**" in text
    assert "the root of 50 lies between 7 and 8" in text and math.isqrt(50) == 7
    assert "$\\sqrt{30}$ lies between 5 and 6" in text and math.isqrt(30) == 5
    assert "each side of the garden is 12 metres" in text and 12 * 12 == 144
    # the halving mistake: 32 is half of 64, and its square is far from 64
    assert "$\\sqrt{64}$ is not 32" in text and 64 / 2 == 32 and 32 * 32 != 64
    assert "each side is 8 centimetres" in text and 8 * 8 == 64


def test_expressions_read_from_words_do_the_named_steps_in_order():
    text = squash(lesson("writing-numerical-expressions"))
    assert '"Add 8 and 7, then multiply by 2."' in text and (8 + 7) * 2 == 30
    assert "$2 \\times 15 = 30$" in text
    assert '"subtract 4 from 20, then divide by 8"' in text and (20 - 4) / 8 == 2
    assert '"subtract 3 from 9, then multiply by 4"' in text
    assert "$(9 - 3) \\times 4$" in text
    assert '"three times the sum of 5 and 6"' in text and 3 * (5 + 6) == 33
    assert "$(6 + 9) \\div 3$" in text and (6 + 9) / 3 == 5
    # the missing-parentheses mistake gives 22, not 30
    assert "not 30" in text and 8 + 7 * 2 == 22
    assert re.search(r"\$4 - 20\$", text)


def test_number_line_mistake_lands_off_the_zoomed_piece():
    text = squash(lesson("decimals-on-a-number-line"))
    low, high = Fraction(23, 10), Fraction(24, 10)
    assert "$2.3 + 5 \\times 0.1 = 2.8$" in text and not low <= low + 5 * Fraction(1, 10) <= high
    assert "Five steps out of ten is halfway" in text and Fraction(5, 10) == Fraction(1, 2)
    assert "That is 8 of the 10 small steps, past the middle" in text


def test_power_of_ten_table_moves_as_many_places_as_zeros():
    rows = re.findall(
        r"^\| (multiply|divide) \| (.*) \|$",
        lesson("multiplying-and-dividing-by-powers-of-ten"),
        re.M,
    )
    assert [name for name, _ in rows] == ["multiply", "divide"]
    for name, cells in rows:
        for power, cell in zip((10, 100, 1000), cells.split(" | "), strict=True):
            places = str(power).count("0")
            side = "left" if name == "multiply" else "right"
            assert cell == f"{places} place{'s' if places > 1 else ''} {side}", cell
            number = Fraction(37, 10)
            moved = number * power if name == "multiply" else number / power
            assert moved == number * Fraction(10) ** (places if side == "left" else -places)


def test_each_decimal_is_read_with_the_name_of_its_last_place():
    text = squash(lesson("reading-and-writing-decimals"))
    read = {
        (4, 7, 2): '4.07 is "four and seven hundredths"',
        (0, 3, 1): '0.3 is "three tenths"',
        (12, 45, 2): '12.45 is "twelve and forty-five hundredths"',
        (0, 6, 3): '0.006 is "six thousandths"',
        (6, 9, 2): '6.09 is "six and nine hundredths"',
    }
    for (whole, part, places), sentence in read.items():
        assert sentence in text, sentence
        assert f'"{decimal_words(whole, part, places)}"' in sentence
    for whole, part, places in ((9, 36, 3), (14, 5, 3)):
        assert f'"{decimal_words(whole, part, places)}"' in text.lower()
    assert "Thirty-six has only two digits" in text and len(str(36)) == 2
    # the mistake: 4.7 is seven tenths, ten times seven hundredths
    assert "ten times as much as seven hundredths" in text
    assert Fraction(7, 10) == 10 * Fraction(7, 100)


def test_decimals_are_told_apart_by_the_first_place_that_differs():
    text = squash(lesson("comparing-and-ordering-decimals"))
    assert "In the tenths, 5 beats 4" in text and "50 hundredths is more than 45" in text
    assert "Tenths: 2, 1 and 2." in text
    assert [int(Fraction(x) * 10) % 10 for x in ("3.2", "3.19", "3.205")] == [2, 1, 2]
    assert "because 45 is more than 5" in text and Fraction(45, 100) < Fraction(5, 10)


def test_rational_points_lie_where_the_lesson_puts_them():
    text = squash(lesson("rational-numbers-on-the-number-line"))
    seven_thirds = Fraction(7, 3)
    assert "three goes into seven twice with 1 left over" in text and divmod(7, 3) == (2, 1)
    assert "The point lies between $-3$ and $-2$, closer to $-2$" in text
    assert math.floor(-seven_thirds) == -3 and -seven_thirds - (-3) > -2 - (-seven_thirds)
    assert "$-\\frac{11}{4}$ lies between $-3$ and $-2$" in text
    assert math.floor(Fraction(-11, 4)) == -3
    assert "owing 80 cents is worse than owing 75" in text
    # the mistake: rounding -7/3 towards zero puts it between -2 and -1
    assert "between $-2$ and $-1$, rounding towards zero" in text and math.ceil(-seven_thirds) == -2


def test_decimal_sums_are_worked_place_by_place():
    text = lesson("adding-and-subtracting-decimals")
    rows = re.findall(
        r"^\| (first number|second number|sum) \| (\d) \| (\d) \| (\d) \|$", text, re.M
    )
    digits = {name: int("".join(d)) for name, *d in rows}
    assert digits["first number"] + digits["second number"] == digits["sum"] == 477
    flat = squash(text)
    # 6.20 - 2.75 regrouped: hundredths 10 - 5, tenths 11 - 7, ones 5 - 2
    assert "$10 - 5 = 5$ hundredths, and 1 tenth is left" in flat
    assert "$11 - 7 = 4$ tenths, and 5 ones are left" in flat
    assert 620 - 275 == 345 and "35 + 127 = 162" in flat


def test_rounding_looks_only_at_the_next_digit():
    text = squash(lesson("rounding-decimals"))
    assert "It is 8, so" in text and "6.482"[3] == "8"
    assert "The next digit, in the thousandths place, is 4." in text and "12.3649"[5] == "4"
    assert "the next digit, 7, says round up" in text and "3.97"[3] == "7"
    assert "the hundredths digit 6 is 5 or more" in text and "8.263"[3] == "6"
    assert "the digit after the hundredths is 5" in text and "0.7951"[4] == "5"


def test_signed_fraction_sums_follow_the_sign_rules():
    text = squash(lesson("adding-and-subtracting-rational-numbers"))
    # the mistake: the sizes added under one minus give -11/12, further from 0 than -2/3
    slip = -(Fraction(2, 3) + Fraction(1, 4))
    assert "getting $-\\frac{11}{12}$" in text and slip == Fraction(-11, 12)
    assert abs(Fraction(-5, 12)) < abs(Fraction(-2, 3)) < abs(slip)
    assert "is not $\\frac{2}{5}$" in text and Fraction(1, 2) + Fraction(1, 3) != Fraction(2, 5)
    assert "$\\frac{19}{12}$ is more than 1" in text and Fraction(19, 12) > 1
    assert "Common denominator 12" in text and math.lcm(4, 6) == 12


def test_long_division_of_756_by_18_is_the_lessons():
    text = squash(lesson("dividing-decimals"))
    first, over = divmod(75, 18)
    assert (first, over) == (4, 3) and "18 goes into 75 four times" in text
    assert "with 3 over); bring down the 6 to make 36" in text and over * 10 + 6 == 36
    assert "18 goes into 36 twice" in text and 36 // 18 == 2
    assert "as many places as it has after the point" in text


def test_benchmark_percents_of_80_are_the_table():
    text = lesson("percent-of-a-number")
    rows = re.findall(r"^\| (\d+)% \| [^|]+ \| ([\d.]+) \|$", text, re.M)
    assert len(rows) == 5
    for percent, value in rows:
        assert Fraction(int(percent), 100) * 80 == Fraction(value), (percent, value)
    flat = squash(text)
    assert "10% of 240 is 24, so 30% is $3 \\times 24 = 72$" in flat
    assert "so 150% of 40 is 60" in flat and Fraction(150, 100) * 40 == 60
    assert "Multiplying 15 by 80 gives 1200, which is far more than 80" in flat


def test_money_steps_use_the_percent_of_the_right_price():
    text = squash(lesson("percent-discounts-tax-and-tips"))
    assert "costs 40 dollars and is 25% off" in text and Fraction(25, 100) * 40 == 10
    assert "costs 80 dollars. It is 30% off, and then 5% sales tax" in text
    sale = 80 - Fraction(30, 100) * 80
    assert sale == 56 and Fraction(5, 100) * sale == Fraction(28, 10)
    assert "you pay the other 75% of the price" in text and 100 - 25 == 75
    assert "you pay 115% of the price" in text and 100 + 15 == 115
    assert "A 60-dollar game is 15% off" in text and Fraction(15, 100) * 60 == 9
    assert "20% tip on a 35-dollar meal" in text and Fraction(20, 100) * 35 == 7


def test_fractions_fit_as_many_times_as_the_lesson_says():
    text = squash(lesson("dividing-fractions"))
    assert "Three quarters is six eighths" in text and Fraction(3, 4) == Fraction(6, 8)
    assert "each whole holds one and a half pieces of size" in text and 1 / Fraction(2, 3) == 1.5
    assert "one and a quarter times" in text and Fraction(5, 6) / Fraction(2, 3) == Fraction(5, 4)
    # the flipped-the-first slip gives 4/5, less than 1, though 2/3 is less than 5/6
    assert "gives $\\frac{4}{5}$, which is less than 1" in text
    assert Fraction(6, 5) * Fraction(2, 3) == Fraction(4, 5) < 1 and Fraction(2, 3) < Fraction(5, 6)


def test_better_buy_is_the_cheaper_per_gram():
    text = squash(lesson("unit-rates"))
    small, big = Fraction(35, 10) / 500, Fraction(48, 10) / 750
    assert big < small and "The big bag costs less per 100 grams" in text
    assert "A 12-ounce jar" in text and Fraction(54, 10) / 12 * 100 == 45
    assert "45 cents an ounce" in text


def test_pass_table_adds_up_and_the_cards_are_counted():
    text = lesson("conditional-probability")
    rows = dict(
        (name, [int(c) for c in cells.split(" | ")])
        for name, cells in re.findall(
            r"^\| (practised|did not practise|total) \| (.*) \|$", text, re.M
        )
    )
    assert rows["practised"][:2] == [72, 8] and rows["did not practise"][:2] == [66, 54]
    for row in rows.values():
        assert row[0] + row[1] == row[2]
    assert [
        a + b for a, b in zip(rows["practised"], rows["did not practise"], strict=True)
    ] == rows["total"]
    deck = [(rank, suit) for rank in range(1, 14) for suit in "SHDC"]
    faces = [c for c in deck if c[0] > 10]
    red = [c for c in deck if c[1] in "HD"]
    flat = squash(text)
    assert (
        f"There are {len(faces)} face cards and {sum(c[0] == 13 for c in faces)} of them are kings"
        in flat
    )
    assert f"There are {len(red)} red cards and {sum(c[1] == 'H' for c in red)} are hearts" in flat
    die_even = {2, 4, 6}
    assert "one of the three even faces" in flat and Fraction(1, len(die_even)) == Fraction(1, 3)


def test_mixed_number_steps_name_the_right_amounts():
    text = squash(lesson("mixed-number-arithmetic"))

    def m(whole: int, top: int, bottom: int) -> Fraction:
        return whole + Fraction(top, bottom)

    assert m(2, 3, 4) + m(1, 2, 3) == m(4, 5, 12) and "the sum is $4\\frac{5}{12}$" in text
    assert m(5, 1, 4) == 4 + Fraction(5, 4) and "is the same as $4\\frac{5}{4}$" in text
    assert m(5, 1, 4) - m(2, 3, 4) == m(2, 1, 2) and "giving $2\\frac{1}{2}$" in text
    assert (m(1, 1, 2), m(2, 2, 3)) == (Fraction(3, 2), Fraction(8, 3))
    assert m(3, 3, 4) / m(1, 1, 4) == 3 and (m(3, 3, 4), m(1, 1, 4)) == (
        Fraction(15, 4),
        Fraction(5, 4),
    )
    assert m(2, 1, 2) * m(2, 1, 3) == Fraction(35, 6) and 5 < Fraction(35, 6) < 6
    assert "giving $2\\frac{1}{3}$ instead of 4" in text and 1 * 2 + Fraction(1, 2) * Fraction(
        2, 3
    ) == m(2, 1, 3)
    assert m(3, 1, 3) == 2 + Fraction(4, 3) and m(3, 1, 3) - m(1, 2, 3) == m(1, 2, 3)
    assert m(2, 1, 4) == Fraction(9, 4) and m(1, 1, 3) == Fraction(4, 3)


def test_sign_rules_and_the_order_of_operations_slips():
    text = squash(lesson("multiplying-and-dividing-rational-numbers"))
    assert "The reciprocal of $-\\frac{10}{9}$ is $-\\frac{9}{10}$" in text
    assert Fraction(-10, 9) * Fraction(-9, 10) == 1
    assert "with three negatives" in text and (-1) ** 3 < 0
    ops = squash(lesson("order-of-operations"))
    assert "If you add first you get 14, and if you multiply first you get 11" in ops
    assert (3 + 4) * 2 == 14 and 3 + 4 * 2 == 11
    # the PEMDAS slips: multiplying before dividing, adding before subtracting
    assert "$24 \\div 8 = 3$" in ops and 24 / (4 * 2) == 3 != 24 / 4 * 2
    assert "$10 - 7 = 3$" in ops and 10 - (4 + 3) == 3 != 10 - 4 + 3


def draws_without_replacement(counts: dict[str, int], sequence: tuple[str, ...]) -> Fraction:
    """P(drawing ``sequence`` in order), by listing every ordered draw of distinct items."""
    items = [colour for colour, n in counts.items() for _ in range(n)]
    orders = list(itertools.permutations(range(len(items)), len(sequence)))
    hits = [o for o in orders if tuple(items[i] for i in o) == sequence]
    return Fraction(len(hits), len(orders))


def test_multiplication_rule_examples_match_counting():
    text = squash(lesson("multiplication-rule"))
    deck = {"ace": 4, "other": 48}
    aces = Fraction(4 * 3, 52 * 51)
    assert aces == Fraction(1, 221) and "3 aces remain among 51 cards" in text
    hearts = Fraction(13 * 12 * 11, 52 * 51 * 50)
    assert hearts == Fraction(11, 850) and deck["ace"] + deck["other"] == 52
    bag = {"R": 5, "B": 3}
    assert draws_without_replacement(bag, ("R", "B")) == Fraction(15, 56)
    assert draws_without_replacement(bag, ("B", "R")) == Fraction(15, 56)
    assert "7 marbles remain, 3 of them blue" in text
    box = {"G": 3, "Y": 2}
    assert draws_without_replacement(box, ("G", "G")) == Fraction(3, 10)
    # the with-replacement slip overstates two aces
    assert Fraction(4, 52) ** 2 == Fraction(1, 169) > aces and "too big" in text


def test_die_events_are_independent_or_not_as_stated():
    text = squash(lesson("independent-events"))
    faces = range(1, 7)

    def p(event) -> Fraction:
        return Fraction(sum(1 for f in faces if event(f)), 6)

    even, at_most_4, at_most_3 = (lambda f: f % 2 == 0), (lambda f: f <= 4), (lambda f: f <= 3)
    assert p(lambda f: even(f) and at_most_4(f)) == p(even) * p(at_most_4)
    assert "$A$ and $B$ are independent" in text
    assert p(lambda f: even(f) and at_most_3(f)) != p(even) * p(at_most_3)
    assert "$A$ and $C$ are dependent" in text
    assert "The overlap is $\\{2, 4\\}$" in text and "$A \\cap C = \\{2\\}$" in text
    two_dice = list(itertools.product(faces, repeat=2))
    hits = [d for d in two_dice if d[0] == 6 and d[1] % 2 == 0]
    assert Fraction(len(hits), len(two_dice)) == Fraction(1, 12)
