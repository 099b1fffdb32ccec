"""The lessons of band 5 (KL plan positions 88 to 109): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs.
Counting facts a lesson states in words are checked below against its own formulas.
"""

from __future__ import annotations

import math
import re

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


def counted(raw: str) -> str:
    """``raw`` with every factorial of a number (``$5!$ is $120$``, ``$3! = 6$``) and every
    ``\\binom{n}{k}`` of numbers replaced by its value, so that the checker evaluates
    those formulas too; a stated ``$n!$ is $v$`` becomes the formula ``$n! = v$``."""
    text = re.sub(r"\$(\d+)!\$ is \$(\d+)\$", r"$\1! = \2$", raw)
    text = re.sub(r"(\d+)!", lambda m: str(math.factorial(int(m.group(1)))), text)
    return re.sub(
        r"\\binom\{(\d+)\}\{(\d+)\}",
        lambda m: str(math.comb(int(m.group(1)), int(m.group(2)))),
        text,
    )


def making_change() -> list[Claim]:
    """The sandwich (365 cents, paid 500) and the book (740 cents, paid 1000), in cents."""
    price, paid = 365, 500
    steps = [price, -(-price // 25) * 25, -(-price // 100) * 100, paid]  # 3.65 3.75 4.00 5.00
    change = paid - price
    whole, cents = divmod(change, 100)
    # dollars and cents taken apart: 5 - 3 dollars, and 35 cents to fill up the 65
    apart = (paid // 100 - price // 100) * 100 + (100 - price % 100)
    book, bill = 740, 1000
    to_dollar = -(-book // 100) * 100
    names = ("to the next quarter", "to the next dollar", "to the amount paid")
    coins = ("a dime", "a quarter", "a dollar")
    rows = zip(names, coins, steps[:-1], steps[1:], strict=True)
    return [
        claim(
            "written «.2f» dollars, and you pay with a «g»-dollar bill", [price / 100, paid / 100]
        ),
        claim("Count up from «.2f» to «.2f» in easy steps", [price / 100, paid / 100]),
        *(
            claim(
                f"| {name} | $«.2f»$ | $«.2f»$ | {coin}, $«.2f»$ |",
                [a / 100, b / 100, (b - a) / 100],
            )
            for name, coin, a, b in rows
        ),
        claim(
            "The change is «.2f» dollars, which is «g» dollar and «g» cents",
            [change / 100, whole, cents],
        ),
        claim("there are no cents in «.2f», so", [paid / 100]),
        claim("leaving «g» dollars and «g» cents", [paid // 100 - 1, 100]),
        claim("giving «.2f» dollars", [apart / 100]),
        claim("The answer is one dollar less, «.2f».", [(apart - 100) / 100]),
        claim("= «.2f»$, not «.2f».", [(price + apart) / 100, paid / 100]),
        claim(
            "A book costs «.2f» dollars and you pay with a «g»-dollar bill",
            [book / 100, bill / 100],
        ),
        claim(
            "«g» cents takes «.2f» to «.2f», and «g» more dollars reach «.2f»",
            [to_dollar - book, book / 100, to_dollar / 100, (bill - to_dollar) // 100, bill / 100],
        ),
    ]


CLAIMS = {
    "multiplying-by-zero-and-one": no_claims,
    "multiplying-integers": no_claims,
    "permutations-and-factorials": no_claims,
    "place-value-in-multi-digit-numbers": no_claims,
    "plotting-points-in-all-four-quadrants": no_claims,
    "properties-of-equality": no_claims,
    "square-numbers": no_claims,
    "subtracting-integers": no_claims,
    "two-digit-by-two-digit-multiplication": no_claims,
    "two-digit-subtraction": no_claims,
    "division-grouping-repeated-subtraction-model": no_claims,
    "division-fair-sharing-model": no_claims,
    "division-as-equal-sharing": no_claims,
    "division-as-grouping": no_claims,
    "basic-division-facts": no_claims,
    "dividing-integers": no_claims,
    "division-facts-within-100": no_claims,
    "combinations": no_claims,
    "divisibility-rules": no_claims,
    "making-change": making_change,
    "multi-digit-addition-and-subtraction": no_claims,
    "two-digit-by-one-digit-division": no_claims,
}
LESSONS = tuple(CLAIMS)


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed(slug):
    text = lesson(slug)
    assert equation_problems(text) == []
    assert equation_problems(counted(text)) == []
    assert number_problems(text, CLAIMS[slug]()) == []
    assert arithmetic_formulas(text), "no arithmetic formula is checked"


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_is_the_right_length_and_has_its_parts(slug):
    text = lesson(slug)
    words = prose_words(text)
    assert 150 <= words <= 450, words
    assert "### Try it" in text and ("*Answers:*" in text or "*Answer:*" in text)
    assert "### A common mistake" in text and "### Why it matters" in text


def terms(formula: str, sign: str = "+") -> list[str]:
    return [t.strip() for t in formula.split("=")[0].split(sign)]


def test_zero_and_one_sums_have_one_term_per_group():
    text = squash(lesson("multiplying-by-zero-and-one"))
    bags = re.search(r"(\d+) bags with 1 apple in each hold (\d+) apples: \$([^$]*)\$", text)
    assert bags, "the bags example moved"
    ones = terms(bags.group(3))
    assert ones == ["1"] * int(bags.group(1)) and len(ones) == int(bags.group(2))
    plates = re.search(r"picture (\d+) plates with no cookies.*?\$\$([^$]*)\$\$", text)
    assert plates and terms(plates.group(2)) == ["0"] * int(plates.group(1))
    assert f"${plates.group(1)} \\times 0 = 0$" in text


def table_rows(text: str) -> list[tuple[str, str]]:
    """The rows of a lesson's tables whose two cells are each one formula."""
    row = re.compile(r"^\| \$([^$]+)\$ \| \$([^$]+)\$ \|$", re.M)
    return row.findall(text)


@pytest.mark.parametrize("slug", LESSONS)
def test_table_rows_of_arithmetic_hold(slug):
    for left, right in table_rows(lesson(slug)):
        a, b = latex_to_expression(left), latex_to_expression(right)
        if a is not None and b is not None:
            assert evaluate(a) == evaluate(b), (left, right)


def test_the_sign_pattern_continues_the_table():
    raw = lesson("multiplying-integers")
    rows = re.findall(r"^\| \$([^$]+)\$ \| (\$[^$]+\$|\?) \|$", raw, re.M)
    known = [evaluate(latex_to_expression(r.strip("$"))) for _, r in rows if r != "?"]
    asked = [left for left, r in rows if r == "?"]
    assert len(known) == 4 and len(asked) == 2
    step = known[1] - known[0]
    assert all(b - a == step for a, b in zip(known, known[1:], strict=False))
    text = squash(raw)
    for k, left in enumerate(asked, start=1):
        value = known[-1] + k * step
        assert evaluate(latex_to_expression(left)) == value
        assert f"${left} = {value}$" in text, left


def test_counting_formulas_are_evaluated():
    raw = lesson("permutations-and-factorials")
    stated = re.findall(r"\$[^$]*\d![^$]*\$(?: is \$\d+\$)?", squash(raw))
    assert len(stated) >= 4
    checked = set(arithmetic_formulas(counted(raw)))
    for formula in stated:
        assert counted(formula).strip("$") in checked, formula
    wrong = raw.replace("$8!$ is $40320$", "$8!$ is $40310$")
    assert wrong != raw and equation_problems(counted(wrong))


PLACES = {
    "one": 1,
    "ten": 10,
    "hundred": 100,
    "thousand": 1_000,
    "ten thousand": 10_000,
    "hundred thousand": 100_000,
    "million": 1_000_000,
}


def digit_values(number: int) -> dict[int, int]:
    """The value of each place of ``number``: place -> digit times place."""
    return {10**i: int(d) * 10**i for i, d in enumerate(reversed(str(number)))}


def listed_places(sentence: str) -> int:
    """The number a sentence like "8 ones, 1 ten, 4 hundreds" describes."""
    pattern = r"(\d) ((?:ten |hundred )?(?:one|ten|hundred|thousand|million))s?\b"
    return sum(int(d) * PLACES[place] for d, place in re.findall(pattern, sentence))


def number(written: str) -> int:
    return int(written.replace("{,}", "").replace(",", ""))


def test_place_value_examples_read_the_digits_right():
    text = squash(lesson("place-value-in-multi-digit-numbers"))
    listing = re.search(
        r"Take ([\d,]+)\. Write each digit.*?starting at the right: ([^.]*)\.", text
    )
    assert listing and listed_places(listing.group(2)) == number(listing.group(1))
    values = digit_values(number(listing.group(1)))
    worth = re.findall(r"the (\d) is worth \$\1 \\times ([\d{},]+) = ([\d{},]+)\$", text)
    assert len(worth) == 4  # three in the example, one in the mistake
    for digit, place, value in worth[:3]:
        assert values[number(place)] == number(value) == int(digit) * number(place)
    mistake = re.search(r"the 5 in ([\d,]+) is worth ([\d,]+)\. Count.*?instead: ([^.]*)\.", text)
    assert mistake  # the count stops at the 5: it covers the lowest places only
    counted_places = len(mistake.group(3).split(","))
    low = number(mistake.group(1)) % 10**counted_places
    assert listed_places(mistake.group(3)) == low
    assert digit_values(number(mistake.group(1)))[10_000] == 50_000 != number(mistake.group(2))
    assert "$5 \\times 10{,}000 = 50{,}000$" in text
    assert digit_values(2_361_905)[10_000] == 60_000 and "the 6 in 2,361,905" in text
    assert "$6 \\times 10{,}000 = 60{,}000$" in text
    first, second = sorted(v for v in digit_values(88_000).values() if v)[::-1]
    assert f"is worth ${first:,}$ and the second ${second:,}$".replace(",", "{,}") in text


def quadrant(x: int, y: int) -> str:
    """The quadrant of a point off the axes, counterclockwise from the top right."""
    return {(1, 1): "I", (-1, 1): "II", (-1, -1): "III", (1, -1): "IV"}[
        (1 if x > 0 else -1, 1 if y > 0 else -1)
    ]


POINT = r"\$\((-?\d+), (-?\d+)\)\$"


def test_quadrant_lesson_places_and_reflects_its_points():
    text = squash(lesson("plotting-points-in-all-four-quadrants"))
    placed = re.findall(POINT + r" is in Quadrant (IV|I{1,3})\b", text)
    assert len(placed) == 3
    for x, y, named in placed:
        assert quadrant(int(x), int(y)) == named
    flips = re.findall(POINT + r" over the \$([xy])\$-axis[^$]*the image is " + POINT, text)
    assert len(flips) == 2
    for x, y, axis, fx, fy in flips:
        x, y = int(x), int(y)
        assert (int(fx), int(fy)) == ((x, -y) if axis == "x" else (-x, y))
    assert "Change both signs and you land diagonally across the origin, at $(-3, 1)$" in text
    asked = re.search(POINT + r" when it is reflected over the \$y\$-axis", text)
    image = f"giving $({-int(asked.group(1))}, {asked.group(2)})$"
    assert image in text
    # the distances between (-2, 4) and (3, -1), as the lesson subtracts them
    assert "$3 - (-2) = 5$" in text and "$4 - (-1) = 5$" in text
    assert abs(3 - (-2)) == 5 and abs(4 - (-1)) == 5


def holds(equation: str, x: int) -> bool:
    """Whether ``equation`` (LaTeX in the unknown x) is true for ``x``."""
    filled = re.sub(r"(\d)x", r"\1 \\times x", equation).replace("x", f"({x})")
    left, right = filled.split("=")
    return evaluate(latex_to_expression(left)) == evaluate(latex_to_expression(right))


def test_equality_lesson_solutions_solve_their_equations():
    text = squash(lesson("properties-of-equality"))
    equations = re.findall(r"[Ss]olve \$([^$]+)\$", text) + re.findall(
        r"and \$(\\frac\{x\}[^$]+)\$", text
    )
    solutions = [int(v) for v in re.findall(r"so(?: \$|\}\\quad ?)x = (\d+)", text)]
    assert len(equations) == 4 and len(solutions) == 4
    for equation, x in zip(equations, solutions, strict=True):
        assert holds(equation, x), (equation, x)
    wrong = int(re.search(r"or \$x = (\d+)\$", text).group(1))
    assert not holds(equations[0], wrong) and wrong == 19 + 7


def test_square_numbers_lesson_counts_its_array_and_its_non_squares():
    raw = lesson("square-numbers")
    rows = [line.split() for line in raw.splitlines() if line.startswith("●")]
    assert len(rows) == 4 and all(len(r) == len(rows) for r in rows)
    text = squash(raw)
    dots = sum(len(r) for r in rows)
    assert f"Here are {len(rows)} rows with {len(rows[0])} counters in each" in text
    assert f"${len(rows)} \\times {len(rows[0])} = {dots}$ counters, so {dots} is" in text
    squares = [n * n for n in range(1, 11)]
    table = [evaluate(latex_to_expression(r)) for _, r in table_rows(raw)]
    assert table == squares[: len(table)] and len(table) == 5
    for number in re.findall(r"(?:So|Is) (\d+) (?:is not )?a square number", text):
        assert int(number) not in squares, number
    assert "So 12 is not a square number" in text and "Is 20 a square number?" in text


def test_subtraction_lesson_rewrites_each_difference_as_adding_the_opposite():
    text = squash(lesson("subtracting-integers"))
    pairs = re.findall(r"\$(-?\d+) - (\(-\d+\)|\d+) = (-?\d+) \+ (\(-\d+\)|\d+)", text)
    assert len(pairs) >= 5
    for a, b, a2, b2 in pairs:
        assert a == a2 and evaluate(b2.strip("()")) == -evaluate(b.strip("()")), (a, b, b2)
    temperature = re.search(r"was \$(-?\d+)\$ degrees; by the afternoon it was \$(-?\d+)\$", text)
    low, high = (int(t) for t in temperature.groups())
    assert f"$${high} - ({low}) = {high - low},$$" in text
    assert f"climb {-low} degrees to reach zero and {high} more" in text


def test_the_written_multiplication_adds_up():
    raw = lesson("two-digit-by-two-digit-multiplication")
    block = raw.split("```")[1]
    lines = [line.split() for line in block.strip().splitlines() if re.search(r"\d", line)]
    top, (_, bottom), first, (_, second, *_), total = lines
    a, b = int(top[0]), int(bottom)
    assert int(first[0]) == a * (b % 10) and first[1:] == [str(a), "×", str(b % 10)]
    assert int(second) == a * (b - b % 10) and lines[3][2:] == [str(a), "×", str(b - b % 10)]
    assert int(total[0]) == a * b == int(first[0]) + int(second)
    text = squash(raw)
    assert f"${a} \\times {b} = {a * b}$" in text
    tens = [t * 10 for t in (a // 10, b // 10)]
    rows = [int(evaluate(latex_to_expression(r))) for _, r in table_rows(raw)]
    assert rows == [x * y for x in (tens[0], a % 10) for y in (tens[1], b % 10)]
    forgot = a * (b % 10) + a * (b // 10)
    assert f"${a * (b % 10)} + {a * (b // 10)} = {forgot}$" in text
    assert f"${rows[0]} + {rows[3]} = {rows[0] + rows[3]}$" in text
    by_tens, by_ones = rows[0::2], rows[1::2]  # the partial products with 20, with 7
    assert f"multiply by {tens[1]} (${by_tens[0]} + {by_tens[1]} = {sum(by_tens)}$)" in text
    assert f"multiply by {b % 10} (${by_ones[0]} + {by_ones[1]} = {sum(by_ones)}$)" in text
    assert sum(by_tens) == a * tens[1] and sum(by_ones) == a * (b % 10)


def tens_and_ones(n: int) -> str:
    return f"{n // 10} tens and {n % 10} ones"


def test_subtraction_lesson_regroups_each_example_right():
    text = squash(lesson("two-digit-subtraction"))
    assert f"there are {tens_and_ones(58 - 23)} left, and $58 - 23 = {58 - 23}$" in text
    for a, b in ((52, 27), (63, 38)):
        assert a % 10 < b % 10  # these two need a regrouping
        regrouped = f"{a // 10 - 1} tens and {a % 10 + 10} ones"
        assert f"{a} is {tens_and_ones(a)}" in text and regrouped in text
        assert f"${a % 10 + 10} - {b % 10} = {(a - b) % 10}$" in text
        assert f"${a // 10 - 1} - {b // 10} = {(a - b) // 10}$" in text
        assert f"${a - b} + {b} = {a}$" in text
    assert f"The answer is {tens_and_ones(52 - 27)}: $52 - 27 = 25$" in text
    wrong = 10 * (5 - 2) + (7 - 2)  # the smaller digit taken from the larger in each column
    assert f"which gives {wrong}" in text and f"${wrong} + 27 = {wrong + 27}$" in text
    assert "27 cents and you pay with 52 cents, you get 25 cents back" in text


WORDS = {w: i for i, w in enumerate("zero one two three four five six seven".split())}


def subtraction_chain(text: str, start: int, step: int) -> list[tuple[int, int]]:
    """The steps ``$a - step = b$`` of the chain from ``start`` down to 0, in order."""
    found = [(int(a), int(b)) for a, b in re.findall(rf"\$(\d+) - {step} = (\d+)\$", text)]
    chain, at = [], start
    for a, b in found:
        if a == at and b == a - step:
            chain.append((a, b))
            at = b
    assert at == 0, f"the chain from {start} by {step} stops at {at}"
    return chain


def test_repeated_subtraction_counts_its_steps():
    text = squash(lesson("division-grouping-repeated-subtraction-model"))
    apples = subtraction_chain(text, 20, 4)
    assert len(apples) == 20 // 4
    ordinal = ["one", "two", "three", "four", "five"]
    for k, (_, left) in enumerate(apples):
        assert f"= {left}$: {ordinal[k]} bag" in text
    count = re.search(r"We took 4 away (\w+) times, so (\d+) bags", text)
    assert WORDS[count.group(1)] == int(count.group(2)) == len(apples)
    line = re.search(r"jump back 4 at a time: ([\d, ]+)\.", text).group(1).split(", ")
    assert [int(n) for n in line] == list(range(20, -1, -4))
    assert f"There are {len(line) - 1} jumps" in text
    named = re.search(
        r"the numbers ([\d, and]+) are (\w+) numbers, but there are only (\w+) jumps", text
    )
    assert WORDS[named.group(2)] == len(line) and WORDS[named.group(3)] == len(line) - 1
    stickers = subtraction_chain(text, 24, 6)
    assert f"That is {ordinal[len(stickers) - 1]} subtractions, so {len(stickers)} children" in text


def test_fair_sharing_deals_rounds_until_the_total_is_given_out():
    raw = lesson("division-fair-sharing-model")
    rounds = re.findall(r"^\| (\d+) \| \$3 \\times (\d+) = (\d+)\$ \|$", raw, re.M)
    assert [(int(r), int(k)) for r, k, _ in rounds] == [(k, k) for k in range(1, 5)]
    assert int(rounds[-1][2]) == 12 and 12 // 3 == len(rounds)
    text = squash(raw)
    assert f"After {len(rounds)} rounds all 12 are given out, and each friend has {12 // 3}" in text
    bar = re.search(
        r"\| friend 1 \| friend 2 \| friend 3 \| \| --- \| --- \| --- \| ([^\n]*?) \| The", text
    )
    shares = [int(c) for c in bar.group(1).strip("| ").split(" | ")]
    assert shares == [12 // 3] * 3
    assert "after 4 rounds all 20 are gone" in text and 20 // 5 == 4


FACT = re.compile(r"\$(\d+) (\\times|\\div) (\d+) = (\d+)\$")


def test_fact_families_use_the_same_three_numbers():
    text = squash(lesson("division-as-equal-sharing"))
    table = text[text.index("| multiplication | division |") : text.index("The biggest number")]
    worked = re.search(r"The whole fact family is ([^.]*)\.", text).group(1)
    answer = re.search(r"The division facts are ([^.]*)\.", text).group(1)
    for listing, size in ((table, 4), (worked, 4), (answer, 2)):
        facts = FACT.findall(listing)
        assert len(facts) == size, listing
        numbers = {frozenset((int(x), int(y), int(z))) for x, _, y, z in facts}
        assert len(numbers) == 1, listing
        for x, op, y, z in facts:
            if op == "\\div":
                assert int(x) == max(int(x), int(y), int(z))


def test_grouping_array_reads_both_ways():
    raw = lesson("division-as-grouping")
    rows = [line.split() for line in raw.splitlines() if line.startswith("●")]
    height, width = len(rows), len(rows[0])
    assert all(len(r) == width for r in rows)
    text = squash(raw)
    total = height * width
    assert f"Here are {total} dots" in text
    assert f"there are {height} rows of {width}, so {total} holds three groups of {width}" in text
    assert f"there are {width} columns of {height}, so {total} split into {width} equal" in text
    assert f"gives {height} in each" in text and height == WORDS["three"]
    assert f"${total} \\div {width} = {height}$" in text


def test_each_quotient_is_read_from_the_multiplication_fact_before_it():
    text = squash(lesson("basic-division-facts"))
    pairs = re.findall(r"\$(\d) \\times (\d) = (\d+)\$,? so \$(\d+) \\div (\d) = (\d)\$", text)
    assert len(pairs) >= 3
    for a, b, product, dividend, divisor, quotient in pairs:
        assert product == dividend and {a, b} == {divisor, quotient}


def test_integer_division_table_multiplies_back():
    raw = lesson("dividing-integers")
    rows = re.findall(r"^\| \$([^$]+)\$ \| \$([^$]+)\$ \| \$([^$]+)\$ \|$", raw, re.M)
    assert len(rows) == 4
    signs = set()
    for division, quotient, check in rows:
        value = evaluate(latex_to_expression(division))
        assert value == evaluate(latex_to_expression(quotient))
        dividend, divisor = (evaluate(latex_to_expression(p)) for p in division.split("\\div"))
        product, result = check.split("=")
        assert evaluate(latex_to_expression(result)) == dividend
        assert evaluate(latex_to_expression(product)) == divisor * value
        signs.add((dividend > 0, divisor > 0))
    assert len(signs) == 4  # every pair of signs once


def solves(puzzle: str, missing: str) -> bool:
    """Whether putting ``missing`` for the ? makes the LaTeX fact ``puzzle`` true."""
    left, right = puzzle.replace("?", missing).split("=")
    return evaluate(latex_to_expression(left)) == evaluate(latex_to_expression(right))


def test_missing_number_puzzles_are_solved():
    raw = lesson("division-facts-within-100")
    rows = re.findall(r"^\| \$([^$]*\?[^$]*)\$ \| [^|]+ \| \$(\d+)\$ \|$", raw, re.M)
    assert len(rows) == 3
    assert {re.findall(r"\d+|\?", p).index("?") for p, _ in rows} == {0, 1, 2}
    for puzzle, missing in rows:
        assert solves(puzzle, missing), puzzle
    text = squash(raw)
    asked = re.findall(r"\$([^$]*\?[^$]*)\$", text.split("### Try it")[1])
    answers = re.findall(r"so \$([^$]+)\$", text.split("*Answers:*")[1])
    assert len(asked) == len(answers) == 3
    for puzzle, fact in zip(asked, answers, strict=True):
        shown, filled = re.findall(r"\d+|\?", puzzle), re.findall(r"\d+", fact)
        assert [a for a in shown if a != "?"] == [
            b for a, b in zip(shown, filled, strict=True) if a != "?"
        ]
        assert solves(puzzle, filled[shown.index("?")]), (puzzle, fact)


def test_binomial_coefficients_are_evaluated_and_listed_right():
    raw = lesson("combinations")
    text = squash(raw)
    stated = [f for f in re.findall(r"\$([^$]*\\binom\{\d+\}[^$]*)\$", text) if "=" in f]
    assert len(stated) >= 6
    checked = set(arithmetic_formulas(counted(raw)))
    for formula in stated:
        assert squash(counted(f"${formula}$")).strip("$") in checked, formula
    row = re.search(r"for (\d+) tosses they are ([\d, ]+), largest", text)
    n = int(row.group(1))
    assert [int(v) for v in row.group(2).split(", ")] == [math.comb(n, k) for k in range(n + 1)]
    assert f"There are {math.comb(8, 3)} possible groups" in text
    wrong = raw.replace(r"\binom{5}{2} = 10", r"\binom{5}{2} = 12")
    assert wrong != raw and equation_problems(counted(wrong))


def digit_sum(n: int) -> int:
    return sum(int(d) for d in str(n))


def test_divisibility_lesson_states_true_facts():
    text = squash(lesson("divisibility-rules"))
    ones = re.search(r"\| 2 \| the ones digit is even: ([\d, or]+) \|", text).group(1)
    assert sorted(int(d) for d in re.findall(r"\d", ones)) == [0, 2, 4, 6, 8]
    for n in range(1, 2000):  # the table's rules agree with dividing
        assert (n % 10 in (0, 5)) == (n % 5 == 0)
        assert (digit_sum(n) % 3 == 0) == (n % 3 == 0)
        assert (digit_sum(n) % 9 == 0) == (n % 9 == 0)
    assert f"$3 + 7 + 2 = {digit_sum(372)}$" in text and 372 % 3 == 0 and 372 % 9 != 0
    assert "so 372 is not" in text and "Its ones digit is 2, so no" in text and 372 % 5
    assert f"$9 + 4 + 5 = {digit_sum(945)}$" in text
    assert 945 % 5 == 0 and 945 % 3 == 0 and 945 % 9 == 0 and 945 % 2 == 1
    assert "23 ends in 3 but is not divisible by 3" in text and 23 % 3
    assert "27 ends in 7 yet" in text and 27 % 3 == 0
    assert "has an even top and bottom" in text and 372 % 2 == 0 == 462 % 2


def columns(n: int, width: int) -> list[int]:
    """The digits of ``n`` from the ones up, ``width`` of them."""
    return [n // 10**i % 10 for i in range(width)]


def carrying_columns(a: int, b: int) -> list[str]:
    """The places whose column sum reaches ten when adding ``a + b``."""
    names, carry, out = ("ones", "tens", "hundreds", "thousands"), 0, []
    for i, (x, y) in enumerate(zip(columns(a, 4), columns(b, 4), strict=True)):
        carry = (x + y + carry) // 10
        if carry:
            out.append(names[i])
    return out


def no_payback(a: int, b: int) -> int:
    """``a - b`` by the slip that turns a small digit into ten more without borrowing."""
    digits = [
        x + 10 - y if x < y else x - y for x, y in zip(columns(a, 4), columns(b, 4), strict=True)
    ]
    return sum(d % 10 * 10**i for i, d in enumerate(digits))


def places_value(text: str) -> int:
    pattern = r"(\d+) (thousands|hundreds|tens|ones)"
    worth = {"thousands": 1000, "hundreds": 100, "tens": 10, "ones": 1}
    return sum(int(d) * worth[p] for d, p in re.findall(pattern, text))


def test_column_work_matches_the_numbers():
    text = squash(lesson("multi-digit-addition-and-subtraction"))
    steps = re.findall(r"\d\. (Ones|Tens|Hundreds|Thousands): \$([^$]+) = (\d+)\$", text)
    assert len(steps) == 4
    carry = 0
    for (place, sum_, total), x, y in zip(steps, columns(2768, 4), columns(1457, 4), strict=True):
        terms = [int(t) for t in sum_.split(" + ")]
        assert terms == [x, y] + ([carry] if carry else []), place
        carry = int(total) // 10
    assert "$2768 + 1457 = 4225$" in text and carrying_columns(2768, 1457) == [
        "ones",
        "tens",
        "hundreds",
    ]
    regrouped = re.search(r"4003 reads as ([^,]+, [^,]+, [^,]+ and \d+ ones)", text).group(1)
    assert places_value(regrouped) == 4003
    wrong = no_payback(4003, 1658)
    assert f"so {wrong}, which is too big" in text and f"${wrong} + 1658 = {wrong + 1658}$" in text
    assert carrying_columns(3586, 2749) == ["ones", "tens", "hundreds"]
    assert "(carries in the ones, tens and hundreds)" in text
    six = re.search(r"regroup 6000 as ([^:]+):", text).group(1)
    assert places_value(six) == 6000


def test_friendly_parts_are_the_biggest_tens_of_the_divisor():
    text = squash(lesson("two-digit-by-one-digit-division"))
    splits = re.findall(r"\$\$?(\d\d) = (\d+) \+ (\d+)\.?\$", text)
    divisors = {"84": 4, "72": 3, "96": 3, "91": 7}
    assert {n for n, _, _ in splits} == set(divisors)
    for n, big, rest in splits:
        d = divisors[n]
        assert int(big) == int(n) // (10 * d) * 10 * d and int(rest) % d == 0
        quotients = f"{int(big) // d} + {int(rest) // d} = {int(n) // d}"
        assert quotients in text, quotients
    tens = re.search(r"for 3 that is ([\d, ]+)\. The biggest one that fits in 72 is (\d+)", text)
    assert [int(t) for t in tens.group(1).split(", ")] == [30, 60, 90]
    assert int(tens.group(2)) == max(t for t in (30, 60, 90) if t <= 72)
    assert "7 is not a multiple of 3" in text and 7 % 3
