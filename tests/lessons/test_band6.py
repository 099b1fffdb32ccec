"""The lessons of band 6 (KL plan positions 110 to 131): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula. Facts a lesson states in words (a count in fours,
a quotient and remainder written with R) are checked below against a computation.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest

from tests.lessons.checker import (
    Claim,
    arithmetic_formulas,
    claim,
    equation_problems,
    lesson,
    no_claims,
    number_problems,
    prose_words,
    squash,
)


def classical_probability() -> list[Claim]:
    """The information in one of n equally likely outcomes, log2(n) bits."""
    return [
        claim("A fair coin flip carries «g» bit", [math.log2(2)]),
        claim("a fair die roll carries $\\log_2 «g» \\approx «.3f»$ bits", [6, math.log2(6)]),
    ]


CLAIMS = {
    "division-with-remainders": no_claims,
    "estimating-quotients": no_claims,
    "remainders-and-quotients-in-division": no_claims,
    "division-word-problems": no_claims,
    "introduction-to-long-division": no_claims,
    "factors-and-multiples": no_claims,
    "least-common-multiple": no_claims,
    "multi-step-word-problems": no_claims,
    "prime-and-composite-numbers": no_claims,
    "prime-factorization": no_claims,
    "greatest-common-factor": no_claims,
    "unit-fractions": no_claims,
    "fractions-as-parts-of-a-whole": no_claims,
    "fractions-as-division": no_claims,
    "fractions-on-a-number-line": no_claims,
    "adding-and-subtracting-fractions-with-like-denominators": no_claims,
    "comparing-fractions-with-like-numerators-or-denominators": no_claims,
    "equivalent-fractions": no_claims,
    "adding-and-subtracting-fractions-with-unlike-denominators": no_claims,
    "classical-probability": classical_probability,
    "comparing-fractions-with-unlike-denominators": no_claims,
    "introduction-to-ratios": no_claims,
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


WITH_R = re.compile(r"\$(\d+) \\div (\d+) = (\d+) \\ \\mathrm\{R\}\\ (\d+)\$")


@pytest.mark.parametrize(
    ("slug", "count"),
    [
        ("division-with-remainders", 3),
        ("remainders-and-quotients-in-division", 2),
        ("division-word-problems", 2),
        ("introduction-to-long-division", 1),
        ("fractions-as-division", 1),
    ],
)
def test_every_quotient_and_remainder_is_right(slug, count):
    found = WITH_R.findall(squash(lesson(slug)))
    assert len(found) == count
    for n, d, q, r in found:
        assert divmod(int(n), int(d)) == (int(q), int(r)), (n, d, q, r)


def test_counting_in_steps_stops_at_the_first_multiple_past_the_number():
    text = squash(lesson("division-with-remainders"))
    for step, word, n in ((6, "sixes", 38), (5, "fives", 29)):
        shown = re.search(rf"[Cc]ount in {word}: ([\d, ]+)\. The number (\d+)", text)
        listed = [int(x) for x in shown.group(1).split(", ")]
        assert listed == list(range(step, n + step, step))[: len(listed)]
        assert listed[-1] > n >= listed[-2] and int(shown.group(2)) == listed[-1]
    fours = re.search(r"counting in fours: ([\d, ]+)\. That makes (\d+) full packs", text)
    listed = [int(x) for x in fours.group(1).split(", ")]
    assert listed == list(range(4, 23 // 4 * 4 + 1, 4)) and int(fours.group(2)) == len(listed)


def test_the_mistake_is_the_remainder_one_group_short():
    text = squash(lesson("division-with-remainders"))
    q, r = divmod(23, 4)
    said = f"says 23 divided by 4 is {q - 1}, remainder {r + 4}"
    assert f"counts only to {4 * (q - 1)} {said}" in text
    assert f"${r + 4} - 4 = {r}$" in text


def nearest_multiple(n: int, step: int) -> int:
    return min(range(step, n + step + 1, step), key=lambda m: abs(m - n))


def test_each_estimate_uses_the_nearest_compatible_number():
    text = squash(lesson("estimating-quotients"))
    for n, d in ((283, 7), (412, 6), (358, 9)):
        compatible = nearest_multiple(n, 10 * d)
        assert f"${compatible} \\div {d} = {compatible // d}$" in text, n
    assert f"The exact answer is {412 // 6} with {412 % 6} left over" in text
    assert "rounding 412 to the nearest ten gives 410" in text and 410 % 6
    for first, d, near in ((41, 6, 42), (35, 9, 36)):
        assert near % d == 0 and near == nearest_multiple(first, d)
        assert f"make {first}" in text and f" = {near}$" in text


def test_the_rule_and_its_checks_tell_right_from_wrong():
    text = squash(lesson("remainders-and-quotients-in-division"))
    parts = re.search(r"In (\d+) divided by (\d+):", text).groups()
    n, d = (int(x) for x in parts)
    q, r = divmod(n, d)
    assert f"the **quotient**, {q}," in text and f"the **remainder**, {r}," in text
    sam = re.search(r"Sam says (\d+) divided by (\d+) is (\d+), remainder (\d+)", text)
    n, d, q, r = (int(x) for x in sam.groups())
    assert divmod(n, d)[0] == q and n - (d * q + r) == 1 and "Sam is one short" in text
    mia = re.search(r"Mia says (\d+) divided by (\d+) is (\d+), remainder (\d+)", text)
    n, d, q, r = (int(x) for x in mia.groups())
    assert d * q + r == n and r >= d
    assert "$50 - 1 = 49$, and then $49 \\div 7 = 7$" in text and divmod(50, 7) == (7, 1)
    assert "Yes: $7 \\times 8 + 6 = 62$, and 6 is smaller than 7" in text
    assert divmod(62, 7) == (8, 6) and divmod(43, 5) == (8, 3) and divmod(43, 9) == (4, 7)
    assert "36 divided by 9 is exactly 4" in text and 36 % 9 == 0


def test_each_story_uses_the_remainder_its_own_way():
    text = squash(lesson("division-word-problems"))
    q, r = divmod(50, 8)
    assert "the same numbers, 50 and 8" in text
    assert f"{r} children would be left behind" in text
    assert f"so the answer is {q + 1} vans" in text
    assert f"The {r} spare crayons do not make a pack, so the answer is {q} packs" in text
    assert f"the remainder itself: {r} stickers" in text
    assert f"${8 * q} + {r}" not in text and f"do {q} vans carry everyone" in text
    q, r = divmod(45, 4)
    assert r and f"so {q + 1} boxes. 2. Only {q} boxes are full" in text


NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())
}


def places(n: int, d: int) -> list[tuple[int, int, int]]:
    """Long division of ``n`` by ``d`` done by hand: (number divided, digit, left) per place,
    from the first place where something is written."""
    out, carried = [], 0
    for k, ch in enumerate(str(n)):
        current = carried * 10 + int(ch)
        if out or current >= d or k == len(str(n)) - 1:
            out.append((current, current // d, current % d))
        carried = current % d
    return out


def test_long_division_table_and_examples_follow_the_steps():
    raw = lesson("introduction-to-long-division")
    rows = re.findall(
        r"^\| \w+ \| 3 fits into (\d+) (\w+) times: write (\d) \| \$(\d) \\times 3 = (\d+)\$ "
        r"\| \$(\d+) - (\d+) = (\d+)\$ \|",
        raw,
        re.M,
    )
    assert len(rows) == 3
    for (part, word, digit, times, product, a, b, left), step in zip(
        rows, places(756, 3), strict=True
    ):
        assert (int(part), NUMBER_WORDS[word], int(left)) == step and int(digit) == step[1]
        assert int(times) == int(digit) and int(a) == int(part) and int(b) == int(product)
    text = squash(raw)
    assert f"so the quotient is {756 // 3}" in text
    assert [digit for _, digit, _ in places(824, 4)] == [2, 0, 6]
    assert f"The quotient is {824 // 4}" in text and "writes 26" in text
    assert int(str(824 // 4).replace("0", "")) == 26
    steps = places(917, 4)
    for (part, digit, left), word in zip(steps, ("two", "two", "nine"), strict=True):
        assert f"4 fits into {part} {word} times" in text and NUMBER_WORDS[word] == digit
        assert f"${part} - {4 * digit} = {left}$" in text


def divisors(n: int) -> list[int]:
    return [k for k in range(1, n + 1) if n % k == 0]


def listed(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", text)]


def test_factor_lists_are_complete_and_multiples_are_in_order():
    text = squash(lesson("factors-and-multiples"))
    for n in (12, 36, 20):
        found = re.search(
            rf"(?:The factors of {n} are|the factors are) ([\d, and]+?)(?:\.| and \d+\.)", text
        )
        assert found, n
    assert listed(re.search(r"The factors of 12 are ([\d, and]+)\.", text).group(1)) == divisors(12)
    assert listed(re.search(r"The factors of 36 are ([\d, and]+)\.", text).group(1)) == divisors(36)
    assert listed(re.search(r"so the factors are ([\d, and]+)\.", text).group(1)) == divisors(20)
    word = {n: w for w, n in NUMBER_WORDS.items()}[len(divisors(36))]
    assert f"so 36 has {word} factors" in text
    assert listed(re.search(r"The multiples of 4 are ([\d, ]+) and so on", text).group(1)) == [
        4,
        8,
        12,
        16,
        20,
    ]
    assert listed(re.search(r"2\. (7, [\d, and]+)\.", text).group(1)) == [
        7 * k for k in range(1, 6)
    ]
    assert "5 leaves a remainder" in text and 36 % 5 and 12 % 5 == 2 and 12 // 5 == 2
    assert 24 % 6 == 0 and "6 is a factor of 24" in text


def test_least_common_multiples_are_least():
    text = squash(lesson("least-common-multiple"))
    fours = listed(re.search(r"multiples of 4: ([\d, ]+), \.\.\.", text).group(1))
    sixes = listed(re.search(r"multiples of 6: ([\d, ]+), \.\.\.", text).group(1))
    assert fours == list(range(4, 29, 4)) and sixes == list(range(6, 31, 6))
    common = sorted(set(fours) & set(sixes))
    assert common == [12, 24] and "in both lists: 12, 24," in text
    for a, b in ((4, 6), (6, 8)):
        assert f"$\\operatorname{{lcm}}({a}, {b}) = {math.lcm(a, b)}$" in text
    assert f"leave together again {math.lcm(6, 9)} minutes later, at 8:{math.lcm(6, 9)}" in text
    assert "count in tens: 10, 20, 30 and 40, and 40 is the first that 8 divides" in text
    assert math.lcm(10, 8) == 40 and all(k % 8 for k in (10, 20, 30))
    assert f"so the least common multiple is {math.lcm(9, 12)}" in text.replace("So", "so")
    assert math.gcd(3, 5) == 1 and math.lcm(3, 5) == 15 and math.lcm(4, 6) < 4 * 6


def test_each_step_uses_the_story_numbers():
    text = squash(lesson("multi-step-word-problems"))
    tickets, price, note = 4, 9, 50
    assert "Four friends buy cinema tickets at 9 dollars each" in text and tickets == 4
    assert f"with a {note}-dollar note" in text
    cost = tickets * price
    assert f"${tickets} \\times {price} = {cost}$, so {cost} dollars" in text
    assert f"${note} - {cost} = {note - cost}$, so {note - cost} dollars" in text
    assert cost < 40 and note - cost > 10 and "14 fits" in text
    assert f"$50 - 4 \\times 9 = {note - cost}$" in text
    muffins = 6 * 24
    assert f"$6 \\times 24 = {muffins}$" in text and f"${muffins} \\div 8 = {muffins // 8}$" in text
    assert f"$6 \\times {24 // 8} = {muffins // 8}$ boxes" in text
    assert f"$30 - {3 * 7 + 2} = {30 - 3 * 7 - 2}$, so {30 - 3 * 7 - 2} dollars" in text


def prime(n: int) -> bool:
    return len(divisors(n)) == 2


def test_prime_facts_are_true():
    text = squash(lesson("prime-and-composite-numbers"))
    up_to_30 = listed(re.search(r"The primes up to 30 are ([\d, and]+)\.", text).group(1))
    assert up_to_30 == [n for n in range(1, 31) if prime(n)]
    assert [n for n in range(1, 100, 1) if prime(n) and n % 2 == 0] == [2]
    assert "It has six factors" in text and len(divisors(12)) == NUMBER_WORDS["six"]
    assert listed(re.search(r"51 has the factors ([\d, and]+), and", text).group(1)) == divisors(51)
    for n in (9, 15, 21, 51, 57):
        assert not prime(n) and n % 2
    for n in (29, 31):
        assert prime(n) and f"{n} is prime" in text
        assert all(n % k for k in (2, 3, 5)) and 6 * 6 > n > 5 * 5
    assert "so 57 is composite" in text and len(divisors(1)) == 1


def test_factorizations_are_prime_and_count_the_factors():
    raw = lesson("prime-factorization")
    text = squash(raw)
    products = re.findall(r"\$(\d+) = ((?:\d+ \\times )+\d+)", text)
    assert {n for n, _ in products} >= {"60", "84", "6", "10", "4", "15"}
    for n, product in products:
        parts = [int(p) for p in product.split(" \\times ")]
        assert math.prod(parts) == int(n)
        if n in ("60", "84") and len(parts) > 2:
            assert all(prime(p) for p in parts) and parts == sorted(parts)
    assert "The leaves of the tree are 2, 3, 2 and 5" in text
    assert f"for $3 \\times 2 \\times 2 = {len(divisors(60))}$ factors in all" in text
    assert 60 % 12 == 0 and 60 % 15 == 0 and 60 % 7
    assert "$60 = 2^2 \\times 3 \\times 5$" in text


def test_greatest_common_factors_are_greatest():
    text = squash(lesson("greatest-common-factor"))
    for n in (18, 24):
        found = re.search(rf"factors of {n}: ([\d, ]+)[;.]", text)
        assert listed(found.group(1)) == divisors(n)
    common = sorted(set(divisors(18)) & set(divisors(24)))
    assert listed(re.search(r"in both lists, ([\d, and]+), are", text).group(1)) == common
    assert max(common) == math.gcd(18, 24) == 6 and "The largest, 6," in text
    assert "the GCF is $2 \\times 3 = 6$" in text
    assert "The greatest number of bunches is the GCF, 6" in text
    assert "gives $\\frac{18}{24} = \\frac{9}{12}$" in text and math.gcd(9, 12) == 3
    assert f"the least common multiple, {math.lcm(18, 24)}, instead" in text
    assert f"so the GCF is $2 \\times 5 = {math.gcd(20, 30)}$" in text


def test_unit_fraction_sums_have_one_term_per_part():
    text = squash(lesson("unit-fractions"))
    for n, word in ((4, "Four fourths"), (6, "Six sixths")):
        terms = " + ".join([f"\\frac{{1}}{{{n}}}"] * n)
        assert f"{terms} = 1" in text and word in text
    assert "$\\frac{1}{8}$ is less than $\\frac{1}{4}$" in text and 1 / 8 < 1 / 4
    assert "1. $\\frac{1}{3}$ is bigger" in text and 1 / 3 > 1 / 5


def test_the_pictures_and_counts_match_the_fractions():
    raw = lesson("fractions-as-parts-of-a-whole")
    strip = next(line for line in raw.splitlines() if line.startswith("■"))
    shaded, parts = strip.count("■"), len(strip.split())
    text = squash(raw)
    assert f"cut into {parts} equal parts, and {shaded} are shaded" in text
    assert f"is $\\frac{{{shaded}}}{{{parts}}}$ of the strip" in text
    assert f"unshaded part is $\\frac{{{parts - shaded}}}{{{parts}}}$" in text
    assert f"to write $\\frac{{{shaded}}}{{{parts - shaded}}}$" in text
    assert "A chocolate bar has 8 equal squares" in text and "You eat 3" in text
    assert f"so {8 - 3} are left. That is $\\frac{{{8 - 3}}}{{8}}$" in text
    assert f"Left: {6 - 5} of the 6 slices" in text


def test_sharing_stories_match_their_divisions():
    text = squash(lesson("fractions-as-division"))
    assert "Three pizzas are shared equally by 4 friends" in text
    slices = "\\frac{1}{4} + \\frac{1}{4} + \\frac{1}{4} = \\frac{3}{4}"
    assert slices in text and slices.count("+") + 1 == 3
    assert "each child gets 3 sandwiches, and 1 is left over" in text and divmod(7, 2) == (3, 1)
    assert "some write $\\frac{4}{3}$" in text and 4 / 3 > 1
    assert "1. $2 \\div 5 = \\frac{2}{5}$" in text


def test_the_number_line_is_drawn_in_fourths():
    raw = lesson("fractions-on-a-number-line")
    line = raw.split("```")[1].strip()
    marks = line.split(" ——— ")
    assert marks[0] == "0" and marks[-1] == "1"
    lengths = len(marks) - 1
    dot = marks.index("●")
    assert (dot, lengths) == (3, 4)
    text = squash(raw)
    assert f"Between 0 and 1 above there are {lengths - 1} marks" in text
    assert f"there are {lengths + 1} marks in all, but there are {lengths} equal" in text
    assert f"split it into {lengths} equal lengths. That needs {lengths - 1} tick marks" in text
    assert "has 5 tick marks between 0 and 1" in text and "sits on the second mark" in text
    assert "$5 + 1 = 6$ equal lengths" in text and "$\\frac{2}{6}$." in text


def test_the_added_denominators_mistake_really_shrinks_the_sum():
    text = squash(lesson("adding-and-subtracting-fractions-with-like-denominators"))
    assert "Ana eats 2 slices and Ben eats 3" in text and "which is 5 sevenths" in text
    assert "writing 2/7 + 3/7 as 5/14" in text
    assert Fraction(5, 14) < Fraction(3, 7) and "5/14 is less than the 3/7" in text
    assert Fraction(7, 5) == 1 + Fraction(2, 5) and "one whole and two fifths more" in text


COMPARISON = re.compile(r"\$\\frac\{(\d+)\}\{(\d+)\} ([<>]) \\frac\{(\d+)\}\{(\d+)\}\.?\$")


@pytest.mark.parametrize(
    "slug",
    [
        "comparing-fractions-with-like-numerators-or-denominators",
        "comparing-fractions-with-unlike-denominators",
    ],
)
def test_every_comparison_sign_is_true(slug):
    text = squash(lesson(slug))
    found = COMPARISON.findall(text)
    assert len(found) >= 5
    for a, b, sign, p, q in found:
        x, y = Fraction(int(a), int(b)), Fraction(int(p), int(q))
        assert (x > y) if sign == ">" else (x < y), (a, b, sign, p, q)


BOXED = re.compile(
    r"\$\\frac\{(\d+|\\square)\}\{(\d+|\\square)\} = \\frac\{(\d+|\\square)\}\{(\d+|\\square)\}\$"
)


def test_boxes_are_filled_with_equivalent_fractions():
    text = squash(lesson("equivalent-fractions"))
    puzzles = BOXED.findall(text)
    answers = {("3", "5", "\\square", "20"): 12, ("3", "4", "\\square", "12"): 9}
    answers[("10", "15", "2", "\\square")] = 3
    assert set(puzzles) == set(answers)
    for puzzle, value in answers.items():
        a, b, c, d = (value if x == "\\square" else int(x) for x in puzzle)
        assert Fraction(a, b) == Fraction(c, d)
    assert "The missing number is 12." in text and "$\\frac{9}{12}$" in text
    assert Fraction(1 + 1, 2 + 1) > Fraction(1, 2) and "two thirds is more than one half" in text
    assert "it is 3 of 6" in text and "the shaded part is 2 of 4" in text


def test_common_denominators_are_least_and_the_slip_shrinks_the_sum():
    text = squash(lesson("adding-and-subtracting-fractions-with-unlike-denominators"))
    assert f"The least common multiple of 3 and 4 is {math.lcm(3, 4)}" in text
    assert f"the least common multiple of 6 and 4 is {math.lcm(6, 4)}" in text
    assert math.lcm(6, 4) < 24 and 24 % 6 == 0 == 24 % 4
    assert "writing 1/3 + 1/4 as 2/7" in text and Fraction(2, 7) < Fraction(1, 3)


def test_probabilities_are_counted_from_the_outcomes():
    text = squash(lesson("classical-probability"))
    die = range(1, 7)
    even = [k for k in die if k % 2 == 0]
    assert "is $\\{2, 4, 6\\}$, with $k = 3$" in text and len(even) == 3
    assert "is $\\{5, 6\\}$, with probability $\\frac{2}{6}" in text
    pairs = [(r, b) for r in die for b in die if r + b == 7]
    shown = [f"({r}, {b})" for r, b in pairs]
    assert f"The sum is 7 for {', '.join(shown[:-1])} and {shown[-1]}, six outcomes" in text
    assert f"\\frac{{{len(pairs)}}}{{36}} = \\frac{{1}}{{6}}" in text
    sums = {r + b for r in die for b in die}
    assert len(sums) == 11 and "there are 11 possible sums" in text
    unordered = {tuple(sorted(p)) for p in pairs}
    assert f"getting $\\frac{{{len(unordered)}}}{{36}}$" in text
    assert "There are 13 hearts, so $\\frac{13}{52}" in text and 52 // 4 == 13


def test_benchmarks_are_on_the_side_the_lesson_says():
    text = squash(lesson("comparing-fractions-with-unlike-denominators"))
    half = Fraction(1, 2)
    assert Fraction(3, 8) < half < Fraction(4, 7) and Fraction(5, 12) < half < Fraction(3, 5)
    assert 1 - Fraction(7, 8) < 1 - Fraction(5, 6) and "An eighth is the smaller gap" in text
    assert f"The least common multiple of 6 and 9 is {math.lcm(6, 9)}" in text
    assert "15 eighteenths is more than 14 eighteenths" in text


def test_ratios_name_the_counts_in_order():
    text = squash(lesson("introduction-to-ratios"))
    assert "3 cups of flour for every 2 cups of milk" in text and "$3:2$" in text
    girls, boys = 12, 18
    assert f"A class has {girls} girls and {boys} boys" in text
    assert f"girls to boys is {girls}:{boys}" in text
    assert f"girls to all students is {girls}:{girls + boys}" in text
    g = math.gcd(girls, boys)
    assert f"same mix as {girls // g}:{boys // g}" in text
    assert "red to green is 5:7" in text and f"$\\frac{{5}}{{{5 + 7}}}$" in text
    assert "1. 4:6" in text and f"oranges to all the fruit is 6:{4 + 6}" in text
