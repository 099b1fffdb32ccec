"""The lessons of band 7 (KL plan positions 132 to 153): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs.
"""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction

import pytest

from practice.parser import evaluate
from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    claim,
    equation_problems,
    latex_to_expression,
    lesson,
    no_claims,
    number_problems,
    prose_words,
    squash,
)


def fractions_and_decimals() -> list[Claim]:
    """The decimals the lesson names outside a formula: each is a fraction's value, or
    (for the mistakes) the digits of a fraction's top and bottom set around a point."""
    return [
        claim('Read $«g»$ as "forty-seven hundredths"', [Fraction(47, 100)]),
        claim(
            "A price of $«.2f»$ dollars is «g» whole dollars and «g» cents",
            [Fraction(235, 100), 2, 35],
        ),
        claim("Without that zero you would have $«g»$, which is seven *tenths*", [0.7]),
        claim("a chance of $\\frac{1}{4}$ is usually written $«g»$", [Fraction(1, 4)]),
        claim("$\\frac{3}{4}$ is not $«g»$", [3 + Fraction(4, 10)]),
        claim("$\\frac{7}{100}$ is not $«g»$", [Fraction(7, 10)]),
    ]


def converting() -> list[Claim]:
    """The dividend written with three places, and the decimal of the mistake's example."""
    six_hundredths = Fraction(6, 100)
    return [
        claim("writing 3 as $«.3f»$ so there are digits", [3]),
        claim("Some students turn $«g»$ into $«g»\\%$", [six_hundredths, 60]),
        claim("$60\\% = «.2f»$, ten times as much", [Fraction(60, 100)]),
        claim("makes sense: $«g»$ is a little more than none", [six_hundredths]),
    ]


def place_value() -> list[Claim]:
    """Each decimal the lesson names, built from its digits place by place."""

    def from_digits(ones: int, *after: int) -> Fraction:
        return ones + sum(Fraction(d, 10 ** (i + 1)) for i, d in enumerate(after))

    example = from_digits(3, 4, 7, 6)
    half, other = from_digits(0, 5), from_digits(0, 4, 5)
    three, near = from_digits(0, 3), from_digits(0, 2, 9)
    return [
        claim("the digits of «.3f» In «.3f» the digits mean", [example, example]),
        claim("$$«.3f» = 3 + \\frac{4}{10}", [example]),
        claim(
            "Which is bigger, «g» or «g»? Both have 0 ones. In the tenths place, 5 tenths "
            "beats 4 tenths, so «g» is bigger.",
            [half, other, max(half, other)],
        ),
        claim("«g» has more digits than «g», but it is smaller", [other, half]),
        claim(
            "What is the 8 worth in «.3f»? Which is bigger, «g» or «g»?",
            [from_digits(2, 0, 8, 4), three, near],
        ),
        claim("more than 29 hundredths, so «g» is bigger", [max(three, near)]),
    ]


CLAIMS = {
    "equivalent-ratios": no_claims,
    "mixed-numbers-and-improper-fractions": no_claims,
    "multiplying-fractions-by-whole-numbers": no_claims,
    "ratio-tables": no_claims,
    "simplifying-fractions": no_claims,
    "multiplying-fractions": no_claims,
    "reciprocals": no_claims,
    "tenths-and-hundredths": no_claims,
    "relating-fractions-and-decimals": fractions_and_decimals,
    "axioms-of-probability": no_claims,
    "complement-and-addition-rules": no_claims,
    "understanding-percent": no_claims,
    "converting-fractions-decimals-and-percents": converting,
    "unknowns-in-number-sentences": no_claims,
    "volume-of-rectangular-prisms": no_claims,
    "whole-number-exponents": no_claims,
    "exponents-with-negative-bases": no_claims,
    "powers-of-ten": no_claims,
    "decimal-place-value": place_value,
}
LESSONS = tuple(CLAIMS)


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), "no arithmetic formula is checked"


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_is_the_right_length_and_has_its_parts(slug):
    text = lesson(slug)
    words = prose_words(text)
    assert 150 <= words <= 450, words
    assert "### Try it" in text and ("*Answers:*" in text or "*Answer:*" in text)
    assert "### A common mistake" in text and "### Why it matters" in text


def test_equivalent_ratio_claims_hold():
    """Every "x:y is equivalent to u:v" in the lesson names two ratios of equal value, and
    the ratio that adding gives (7:6 from 3:2) is not equivalent."""
    text = squash(lesson("equivalent-ratios"))
    pairs = re.findall(r"(\d+):(\d+)\W*(?:text\W*)?is equivalent to\W*(\d+):(\d+)", text)
    assert len(pairs) >= 3
    for a, b, x, y in pairs:
        assert Fraction(int(a), int(b)) == Fraction(int(x), int(y)), (a, b, x, y)
    assert Fraction(3, 2) != Fraction(7, 6) and "7:6" in text
    assert "4:7 equivalent to 8:11" in text and Fraction(4, 7) != Fraction(8, 11)


FRAC = r"\$\\frac\{(\d+)\}\{(\d+)\}\$"
MIXED = r"\$(\d+)\\frac\{(\d+)\}\{(\d+)\}\$"


def test_each_mixed_number_names_its_improper_fraction():
    """ "$\\frac{17}{5}$ is the mixed number $3\\frac{2}{5}$" and "$4\\frac{1}{3}$ is
    $\\frac{13}{3}$": both sides of every such sentence are the same amount."""
    text = squash(lesson("mixed-numbers-and-improper-fractions"))
    forward = re.findall(FRAC + r" is (?:the mixed number )?" + MIXED, text)
    backward = re.findall(MIXED + r" is " + FRAC, text)
    assert len(forward) >= 2 and len(backward) >= 1
    for n, d, w, r, e in forward:
        assert Fraction(int(n), int(d)) == int(w) + Fraction(int(r), int(e)), (n, d, w, r, e)
    for w, r, e, n, d in backward:
        assert Fraction(int(n), int(d)) == int(w) + Fraction(int(r), int(e)), (w, r, e, n, d)
    # the mistake: 4 1/3 taken for 5/3, which is less than 2
    assert "into $\\frac{5}{3}$ by adding $4 + 1 = 5$" in text and Fraction(5, 3) < 2


def test_groups_of_a_fraction_are_counted_and_the_mistake_is_the_same_amount():
    text = squash(lesson("multiplying-fractions-by-whole-numbers"))
    sums = re.findall(r"\$\$ ?((?:\\frac\{\d+\}\{\d+\} \+ )+\\frac\{\d+\}\{\d+\}) =", text)
    assert sums, "the repeated addition moved"
    assert len(sums[0].split("+")) == 5 and "you bake 5 batches" in text
    # the mistake: 10/15 is the same amount as 2/3, so five batches would need no more milk
    assert "as $\\frac{10}{15}$" in text and Fraction(10, 15) == Fraction(2, 3)
    assert "$4\\frac{2}{4}$ metres, which is $4\\frac{1}{2}$" in text
    assert Fraction(18, 4) == 4 + Fraction(2, 4) == 4 + Fraction(1, 2)


def test_every_column_of_the_ratio_table_has_the_same_ratio():
    text = lesson("ratio-tables")
    rows = [
        [int(cell) for cell in line.strip("|").split("|")[1:]]
        for line in text.splitlines()
        if re.match(r"^\| [A-Z][^|]* \|( \d+ \|)+$", line)
    ]
    assert len(rows) == 2, rows
    first, second = rows
    assert len({Fraction(y, x) for x, y in zip(first, second, strict=True)}) == 1
    assert 1 in first and 7 in first and "12 dollars for 3" in text
    # the try-it: 10 litres for 150 km, so 25 litres for 375 km
    assert Fraction(375, 25) == Fraction(150, 10) and "25 litres for $300 + 75 = 375$" in text


def test_simplifying_facts_stated_in_words_hold():
    text = squash(lesson("simplifying-fractions"))
    assert "The greatest number that divides both 18 and 24 is 6" in text
    assert math.gcd(18, 24) == 6
    assert "The greatest common factor of 20 and 30 is 10" in text and math.gcd(20, 30) == 10
    assert "9 and 12 still share the factor 3" in text and math.gcd(9, 12) == 3
    assert "Do 3 and 4 share a factor other than 1? No" in text and math.gcd(3, 4) == 1
    # the subtracting slip: 15 from both parts of 18/24 gives 3/9, one third
    assert "Subtracting 15 from both parts" in text and "gives $\\frac{3}{9}$" in text
    assert Fraction(18 - 15, 24 - 15) == Fraction(1, 3) != Fraction(18, 24)
    assert "eat 4 of them" in text and Fraction(4, 8) == Fraction(1, 2)


def test_area_model_counts_match_the_product():
    """The square cut in 4 columns and 3 rows, 2 rows of the 3 shaded columns marked."""
    text = squash(lesson("multiplying-fractions"))
    columns, shaded, rows, marked = 4, 3, 3, 2
    assert f"Cut it into {columns} equal columns and shade {shaded}" in text
    assert f"cut the square into {rows} equal rows" in text and f"mark {marked} of the" in text
    assert f"ate {marked * shaded} of {rows * columns} pieces" in text
    assert Fraction(marked, rows) * Fraction(shaded, columns) == Fraction(6, 12)
    # the mistake: 6/7 is more than 3/4, so it cannot be a part of it
    assert "as $\\frac{6}{7}$" in text and Fraction(6, 7) > Fraction(3, 4)


def test_each_stated_reciprocal_multiplies_to_one():
    text = squash(lesson("reciprocals"))
    stated = {
        "The reciprocal of $\\frac{3}{5}$ is $\\frac{5}{3}$": (Fraction(3, 5), Fraction(5, 3)),
        "4 is $\\frac{4}{1}$ and its reciprocal is $\\frac{1}{4}$": (4, Fraction(1, 4)),
        "the reciprocal of $\\frac{1}{7}$ is 7": (Fraction(1, 7), 7),
        "Flip it: the reciprocal is $\\frac{2}{5}$": (2 + Fraction(1, 2), Fraction(2, 5)),
        "Its reciprocal is $\\frac{4}{7}$": (1 + Fraction(3, 4), Fraction(4, 7)),
    }
    for sentence, (number, reciprocal) in stated.items():
        assert sentence in text, sentence
        assert number * reciprocal == 1, sentence
    # the flipped-only-the-fraction-part slip: 2 2/1 is 4, and 5/2 times 4 is 10, not 1
    assert "$2\\frac{2}{1}$, which is 4" in text and 2 + Fraction(2, 1) == 4
    # the scoops: 6 cups in scoops of 3/4 cup
    assert 6 / Fraction(3, 4) == 8 and "= 8$ scoops" in text


def test_tenths_and_hundredths_counts_hold():
    text = squash(lesson("tenths-and-hundredths"))
    assert "Colour 7 strips" in text and "7 strips cover $7 \\times 10 = 70$ small squares" in text
    assert "Ten pennies are worth a dime, so 7 dimes are worth 70 pennies" in text
    assert "She coloured 55 of the 100 small squares" in text
    assert Fraction(3, 10) + Fraction(25, 100) == Fraction(55, 100)
    # the mistake: 3/10 + 25/100 taken as 28/100
    assert "as $\\frac{28}{100}$" in text and Fraction(28, 100) != Fraction(55, 100)


def test_loaded_die_is_a_valid_probability_and_the_overlap_is_counted():
    text = lesson("axioms-of-probability")
    row = next(line for line in text.splitlines() if line.startswith("| $P$"))
    probs = [Fraction(*map(int, m)) for m in re.findall(r"\\frac\{(\d+)\}\{(\d+)\}", row)]
    assert len(probs) == 6 and all(p >= 0 for p in probs) and sum(probs) == 1
    assert probs[1] + probs[3] + probs[5] == Fraction(1, 2)
    fair = {face: Fraction(1, 6) for face in range(1, 7)}
    even, high = {2, 4, 6}, {4, 5, 6}
    assert squash("union $\\{2, 4, 5, 6\\}$") in squash(text) and even | high == {2, 4, 5, 6}
    assert sum(fair[f] for f in even | high) == Fraction(2, 3)


def test_club_and_card_counts_hold():
    text = squash(lesson("complement-and-addition-rules"))
    total, football, chess, both = 30, 12, 10, 4
    clubs = f"{total} students, {football} play football, {chess} play chess, and {both} do both"
    assert clubs in text
    either = football + chess - both
    assert f"so $8 + 6 + 4 = {either}$ students play at least one" in text
    assert f"the $30 - 18 = {total - either}$ students in no club" in text
    deck = [(rank, suit) for rank in range(1, 14) for suit in "SHDC"]
    hearts = {c for c in deck if c[1] == "H"}
    faces = {c for c in deck if c[0] > 10}
    assert (len(hearts), len(faces), len(hearts & faces)) == (13, 12, 3)
    assert "13 hearts, 12 face cards and 3 heart face cards" in text
    assert Fraction(len(hearts | faces), len(deck)) == Fraction(11, 26)


def test_percent_examples_are_parts_of_a_hundred():
    text = squash(lesson("understanding-percent"))
    assert "Shading 35 of them shades 35% of the grid" in text
    assert "Shade 50 squares and you have shaded exactly half" in text
    assert "Shade 25 squares, one quarter" in text and Fraction(25, 100) == Fraction(1, 4)
    assert "gets 18 questions right out of 25" in text and Fraction(18, 25) * 100 == 72
    assert "36 right out of 50" in text and Fraction(36, 50) == Fraction(18, 25)
    assert "is not 18%" in text and Fraction(18, 100) != Fraction(18, 25)


def long_division_digits(top: int, bottom: int) -> list[tuple[int, int, int]]:
    """The steps of top ÷ bottom after the point: (number divided, digit, remainder)."""
    steps, r = [], top
    while r:
        digit, rest = divmod(10 * r, bottom)
        steps.append((10 * r, digit, rest))
        r = rest
    return steps


def test_long_division_steps_are_the_lessons():
    text = squash(lesson("converting-fractions-decimals-and-percents"))
    steps = long_division_digits(3, 8)
    assert [d for _, d, _ in steps] == [3, 7, 5]
    for (n, d, r), word in zip(steps, ("three times", "seven times", "five times"), strict=True):
        assert f"8 goes into {n} {word}" in text
        assert f"${d} \\times 8 = {n - r}$" in text
    assert "The digits after the point are 3, 7 and 5" in text
    tried = long_division_digits(5, 8)
    assert [(n, d, r) for n, d, r in tried] == [(50, 6, 2), (20, 2, 4), (40, 5, 0)]
    assert "into 50 six times with 2 over, into 20 twice with 4 over, into 40 five times" in text


def test_every_box_the_lesson_fills_makes_its_sentence_true():
    text = squash(lesson("unknowns-in-number-sentences"))
    filled = {
        "\\square - 9 = 14": (23, "The box is 23"),
        "48 \\div \\square = 6": (8, "so the box is $48 \\div 6 = 8$"),
        "7 \\times \\square = 56": (8, "so the box is 8"),
        "\\square + 27 = 61": (34, "Put 34 in the box"),
        "\\square \\div 4 = 9": (36, "the first box is 36"),
        "36 - \\square = 20": (16, "$36 - 16 = 20$"),
    }
    for sentence, (value, stated) in filled.items():
        assert f"${sentence}$" in text or f"$${sentence}$$" in text, sentence
        assert stated in text, stated
        left, right = sentence.replace("\\square", str(value)).split("=")
        assert evaluate(latex_to_expression(left)) == evaluate(right), sentence
    # the mistake: subtracting again gives 5, and 5 - 9 is not 14
    assert "$14 - 9 = 5$" in text and 5 - 9 != 14


def test_boxes_hold_their_cubes_counted_one_by_one():
    text = squash(lesson("volume-of-rectangular-prisms"))

    def cubes(length: int, width: int, height: int) -> int:
        return len([(x, y, z) for x in range(length) for y in range(width) for z in range(height)])

    assert "4 cubes long and 3 cubes wide" in text and "5 cubes tall" in text
    assert "box holds $12 \\times 5 = 60$ cubes" in text and cubes(4, 3, 5) == 60
    assert "$4 + 3 + 5 = 12$" in text and "the bottom layer alone has 12" in text
    assert "6 units long, 2 units wide and 4 units tall" in text and cubes(6, 2, 4) == 48
    assert "12 in each layer, and 4 layers" in text and cubes(6, 2, 1) == 12
    tank = cubes(50, 20, 30)
    assert f"the volume is {tank} cubic centimetres" in text
    assert f"${tank} \\div 1000 = 30$ litres" in text


def test_powers_written_out_have_as_many_factors_as_the_exponent():
    text = squash(lesson("whole-number-exponents"))
    written = re.findall(r"(\d+)\^(\d+) = ((?:\d+ \\times )+\d+) =", text)
    assert len(written) >= 4
    for base, exponent, factors in written:
        assert factors.split(" \\times ") == [base] * int(exponent), (base, exponent)
    steps = re.findall(r"\$(\d+) \\times 3 = (\d+)\$", text)
    assert len(steps) == 3 and int(steps[-1][1]) == 3**4
    assert "$2^{10} = 1024$ ways to answer ten yes-or-no questions" in text
    assert len(list(itertools.product("yn", repeat=10))) == 1024
    assert "$2^5$ is not $2 \\times 5 = 10$" in text


def test_sign_rules_match_the_stated_powers():
    text = squash(lesson("exponents-with-negative-bases"))
    bracketed = re.findall(r"\$\(-(\d+)\)\^(\d+) = (-?\d+)\$", text)
    bare = re.findall(r"\$-(\d+)\^(\d+) = (-?\d+)\$", text)
    assert len(bracketed) >= 4 and len(bare) >= 2
    for b, e, v in bracketed:
        assert (int(v) > 0) == (int(e) % 2 == 0) and abs(int(v)) == int(b) ** int(e)
    for b, e, v in bare:
        assert int(v) == -(int(b) ** int(e))
    assert "Many students answer 9 for $-3^2$" in text and (-3) ** 2 == 9


def test_powers_of_ten_table_counts_tens_and_zeros():
    text = lesson("powers-of-ten")
    rows = re.findall(r"^\| \$10\^(\d)\$ \| (.*?) \| (\d+) \|$", text, re.M)
    assert len(rows) == 4
    for exponent, tens, value in rows:
        k = int(exponent)
        assert int(value) == 10**k and value.count("0") == k
        assert tens == "one ten" if k == 1 else tens.count("10") == k
    flat = squash(text)
    assert "$10^6$ has six zeros, so it is one million, written 1,000,000" in flat
    assert "1,000,000".replace(",", "") == str(10**6)
    assert "$10^3$ is not 30 and not 103" in flat
