"""The lessons of band 9 (KL plan positions 173 to 194): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula, computed here from the example's inputs, and the
tests below check the facts the lessons state in words.
"""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction

import pytest

from practice import plots
from practice.parser import evaluate
from practice.plots.kinds import parse_shortcode
from tests.lessons.checker import (
    Claim,
    claim,
    latex_to_expression,
    lesson,
    lesson_problems,
    no_claims,
    shape_problems,
    squash,
)


def dilation_about_the_origin() -> list[Claim]:
    """The slip's point: (7, 1) scaled by one half about the origin instead of about C."""
    k = Fraction(1, 2)
    return [claim("gives $(«g», «g»)$, which is a dilation about the origin", [k * 7, k * 1])]


def tax_added() -> list[Claim]:
    """8% tax on a price p, as a decimal part and as one factor."""
    rate = Fraction(8, 100)
    return [claim("$p + «g»p = «g»p$", [rate, 1 + rate])]


def bits_of_equally_likely_choices() -> list[Claim]:
    """Each count of bits is log2 of the number of equally likely possibilities."""
    coin, eight, die, four = math.log2(2), math.log2(8), math.log2(6), math.log2(4)
    guess, card, letters, sixteen = math.log2(32), math.log2(32), math.log2(64), math.log2(16)
    return [
        claim("settles them, and that is «g» bit", [coin]),
        claim("which one occurred gives «g» bits", [eight]),
        claim("is worth $\\log_2 32 = «g»$ bits", [guess]),
        claim(
            "carries $\\log_2 6 \\approx «.3f»$ bits, between the «g» bits of four choices "
            "and the «g» bits of eight",
            [die, four, eight],
        ),
        claim("A coin toss («g» bit) and a card from 32 («g» bits)", [coin, card]),
        claim(
            "Eight possibilities are «g» bits, not «g» bits and not «g». Sixteen possibilities "
            "are «g» bits",
            [eight, 8, 8 / 2, sixteen],
        ),
        claim("*Answers:* $\\log_2 64 = «g»$ bits", [letters]),
    ]


CLAIMS = {
    "integer-order-of-operations": no_claims,
    "law-of-total-probability": no_claims,
    "bayes-theorem": no_claims,
    "rigid-transformations": no_claims,
    "slope-of-a-line": no_claims,
    "variable-expressions": no_claims,
    "combining-like-terms": no_claims,
    "dilations-and-scale-factor": dilation_about_the_origin,
    "evaluating-expressions": no_claims,
    "inequalities-on-a-number-line": no_claims,
    "laws-of-exponents": no_claims,
    "writing-equations-from-word-problems": tax_added,
    "adding-and-subtracting-polynomials": no_claims,
    "binary-number-system": no_claims,
    "equivalent-expressions": no_claims,
    "one-step-equations": no_claims,
    "simplifying-radical-expressions": no_claims,
    "tables-of-values-for-expressions": no_claims,
    "zero-and-negative-exponents": no_claims,
    "binary-trees": no_claims,
    "bits": bits_of_equally_likely_choices,
    "multiplying-polynomials": no_claims,
}
LESSONS = tuple(CLAIMS)

TABLE = (2, 5)  # tables-of-values: 2x + 5, the row for x = 4 marked
LADDER = (2, -2)  # zero-and-negative-exponents: powers of 2, the point 2^-2 marked
PLOT_LINES = {
    "tables-of-values-for-expressions": lambda: [
        "[[plot:function family=linear m={} b={} xmin=0 xmax=5 mark=point x0=4]]".format(*TABLE)
    ],
    "zero-and-negative-exponents": lambda: [
        "[[plot:function family=exponential a=1 base={} xmin=-3 xmax=3 mark=point x0={}]]".format(
            *LADDER
        )
    ],
}


def plot_summary(slug: str) -> str:
    """What the lesson's one plot shows, in the words the plot computes for it."""
    (line,) = PLOT_LINES[slug]()
    name, raw = parse_shortcode(line[len("[[plot:") : -2])
    spec = plots.parse(name, raw)
    return squash(spec.kind.compute(spec.args).summary)


def test_plotted_table_has_the_lessons_row_values():
    text = lesson("tables-of-values-for-expressions")
    m, b = TABLE
    row = next(line for line in text.splitlines() if line.startswith(f"| ${m}x + {b}$"))
    for x, y in enumerate(int(c) for c in row.strip().strip("|").split("|")[1:]):
        assert f"({x}, {y})" in plot_summary("tables-of-values-for-expressions")
    assert "Marked: the point (4, 13)" in plot_summary("tables-of-values-for-expressions")


def test_plotted_powers_are_the_ladder_and_stay_positive():
    summary = plot_summary("zero-and-negative-exponents")
    base, marked = LADDER
    for e in range(-3, 4):
        assert f"({e}, {float(Fraction(base) ** e):g})" in summary
    assert f"Marked: the point ({marked}, {base**marked:g})" in summary
    assert "never reaches it, so every power of 2 is positive" in squash(
        lesson("zero-and-negative-exponents")
    )


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed(slug):
    assert lesson_problems(lesson(slug), CLAIMS[slug]()) == []


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_has_a_lessons_shape(slug):
    assert shape_problems(lesson(slug)) == []


def value(latex: str) -> Fraction:
    return evaluate(latex_to_expression(latex))


def test_integer_order_examples_and_their_slips():
    text = squash(lesson("integer-order-of-operations"))
    # the power belongs to the number before it
    assert "$-3^2 = -9$" in text and value("-3^2") == -9 and value("(-3)^2") == 9
    assert "write 25" in text and value("(-5)^2") == 25 and "$-5^2 = -25$" in text
    # absolute value bars: 5 - 2|1 - 4| step by step
    assert "$|-3| = 3$" in text and 5 - 2 * abs(1 - 4) == -1 and "$5 - 6 = -1$" in text
    # left to right only: (-2 + 4) × (-3) is the slip, -14 the value
    assert "adding first would give $2 \\times (-3) = -6$" in text
    assert value("-2 + 4 \\times (-3)") == -14
    assert "$-2 + (-12) = -14$" in text


def test_machines_counts_match_the_weighted_sum():
    text = squash(lesson("law-of-total-probability"))
    shares = {1: Fraction(1, 2), 2: Fraction(30, 100), 3: Fraction(20, 100)}
    fails = {1: Fraction(2, 100), 2: Fraction(3, 100), 3: Fraction(5, 100)}
    assert sum(shares.values()) == 1
    assert "Machine 1 makes half of them and 2% of its bulbs fail" in text
    assert "machine 2 makes 30% with 3% failing; machine 3 makes 20% with 5% failing" in text
    total = sum(shares[m] * fails[m] for m in shares)
    assert total * 1000 == 29 and "About 29 bulbs in every thousand fail" in text
    for m in shares:
        made = shares[m] * 1000
        assert f"${made} \\times {float(fails[m]):g} = {made * fails[m]}$" in text
    assert sum(fails.values()) / 3 > total  # the unweighted average is too high
    assert "40% of days" in text and Fraction(4, 10) * Fraction(7, 10) + Fraction(6, 10) * Fraction(
        2, 10
    ) == Fraction(40, 100)


def test_positive_test_posterior_in_words_and_counts():
    text = squash(lesson("bayes-theorem"))
    prior, hit, false = Fraction(1, 100), Fraction(90, 100), Fraction(5, 100)
    posterior = prior * hit / (prior * hit + (1 - prior) * false)
    assert "affects 1% of people" in text and "90% of people who have it" in text
    assert "5% of people who do not" in text
    assert round(posterior * 100) == 15 and "Only about 15% of positives" in text
    people = 10000
    sick = people * prior
    assert f"of {people} people, {sick} have it" in text and f"{people - sick} do not" in text
    assert Fraction(sick * hit, sick * hit + (people - sick) * false) == posterior
    # the bags: a fair coin, 3 of 4 red against 1 of 4
    bag = Fraction(1, 2) * Fraction(3, 4)
    assert bag / (bag + Fraction(1, 2) * Fraction(1, 4)) == Fraction(3, 4)


def test_rigid_motion_images_follow_their_rules():
    text = squash(lesson("rigid-transformations"))
    quarter = {"P": (1, 2), "Q": (4, 2), "R": (4, 6)}
    for name, (x, y) in quarter.items():
        assert f"${name}({x}, {y}) \\mapsto ({-y}, {x})$" in text, name
    # lengths kept: PQ along a row, P'Q' up a column
    (px, py), (qx, qy) = quarter["P"], quarter["Q"]
    assert (qx - px, qy - py) == (3, 0) and (-qy - -py, qx - px) == (0, 3)
    assert "Reflecting $(3, 5)$ in the $x$-axis gives $(3, -5)$" in text
    assert "$(3 - 4, -5 + 1)$, which is $(-1, -4)$" in text
    assert "$(1, 0)$ on the positive $x$-axis should go to $(0, 1)$" in text
    assert "*Answers:* $(3, 7)$ and $(-2, 5)$" in text  # (-3, 7) mirrored, (2, -5) turned


def test_slope_examples_and_the_mixed_order_slip():
    text = squash(lesson("slope-of-a-line"))
    (x1, y1), (x2, y2) = (-2, 5), (4, -4)
    assert f"through $({x1}, {y1})$ and $({x2}, {y2})$" in text
    assert Fraction(y2 - y1, x2 - x1) == Fraction(-3, 2) and "slope is $-\\frac{3}{2}$" in text
    assert "so $(8, -10)$ is on it" in text and Fraction(-10 - y2, 8 - x2) == Fraction(-3, 2)
    # the mixed order: y from the second point first, x from the first point first
    assert Fraction(y2 - y1, x1 - x2) == Fraction(3, 2) and "gives $\\frac{3}{2}$" in text
    assert Fraction(7 - 7, 6 - 0) == 0 and "the second line is horizontal" in text


def test_ticket_and_taxi_rules_give_the_stated_costs():
    text = squash(lesson("variable-expressions"))
    assert "Tickets cost 9 dollars each" in text and "booking fee of 2 dollars" in text
    assert "gives $11 \\times 4 = 44$ dollars instead of 38" in text and 9 * 4 + 2 == 38
    assert "4 dollars to start and 3 dollars per kilometre" in text
    assert "*Answers:* $3k + 4$" in text and 3 * 5 + 4 == 19


def test_like_terms_example_agrees_with_the_long_form():
    text = squash(lesson("combining-like-terms"))
    assert "So $5a - 2 - 8a + 9 + a = -2a + 7$" in text
    for a in range(-5, 6):
        assert 5 * a - 2 - 8 * a + 9 + a == -2 * a + 7
    assert "Adding $5 + 8$ would give $13a$, far from $-3a$" in text and 5 - 8 == -3
    assert "*Answers:* $4y - 6$, and $5x - x^2$" in text
    for x in range(-5, 6):
        assert 6 * x + 4 - 2 * x - 10 == 4 * x - 6
        assert x - 3 * x**2 + 4 * x + 2 * x**2 == 5 * x - x**2


def test_dilation_example_image_and_areas():
    text = squash(lesson("dilations-and-scale-factor"))
    k, (cx, cy), (px, py) = Fraction(1, 2), (1, 3), (7, 1)
    image = (cx + k * (px - cx), cy + k * (py - cy))
    assert "Dilate $P(7, 1)$ with centre $C(1, 3)$" in text
    assert image == (4, 2) and "the image $P'(4, 2)$" in text
    assert "a 3 by 5 rectangle dilated by 2 becomes a 6 by 10 rectangle" in text
    assert (6 * 10) / (3 * 5) == 2**2


def test_evaluated_expressions_match_a_direct_computation():
    text = squash(lesson("evaluating-expressions"))
    assert "Evaluate $2x^2 - 5x + 1$ when $x = -3$" in text
    x = -3
    assert 2 * x**2 - 5 * x + 1 == 34 and "$18 + 15 + 1 = 34$" in text
    assert "gives $-9$, so $2x^2$ comes out as $-18$ instead of 18" in text
    assert 2 * -(3**2) == -18 and 2 * x**2 == 18
    a, b = 4, -5
    assert 3 * a + 2 * b == 2 and (-2) ** 2 - (-2) == 6


def test_number_line_pictures_hold_for_sample_numbers():
    text = squash(lesson("inequalities-on-a-number-line"))
    assert "Show $x \\le -2$ on a number line" in text and "closed circle at $-2$" in text
    assert -5 <= -2 and not 0 <= -2 and -3 <= -2 and -10 <= -2
    assert "$-5$ is in the shaded part" in text and "$0$ is not shaded" in text
    assert all((4 > x) == (x < 4) for x in range(-10, 10))
    assert "an open circle at $-1$ with the arrow to the right" in text
    assert "closed circle at 7 with the arrow to the left" in text
    assert 21 > 20 and "$12 + 9 = 21$ kilograms is refused" in text


def test_exponent_laws_hold_for_the_examples():
    text = squash(lesson("laws-of-exponents"))
    x = Fraction(2)
    assert (3 * x**2) ** 3 * x**4 / x**5 == 27 * x**5 and "the result is $27x^5$" in text
    for x in range(2, 6):
        assert x**3 * x**4 == x**7 != x**12 and (x**2) ** 3 == x**6
        assert (2 * x) ** 3 == 8 * x**3 != 2 * x**3
    assert "*Answers:* $y^8$" in text and "and $4a^8$" in text and (2 * 3**4) ** 2 == 4 * 3**8


def test_gym_and_plumber_equations_tell_their_stories():
    text = squash(lesson("writing-equations-from-word-problems"))
    fee, monthly, total = 20, 15, 110
    assert f"charges {fee} dollars to join plus {monthly} dollars a month" in text
    assert f"paid {total} dollars in all" in text and "$$20 + 15m = 110$$" in text
    months = [m for m in range(0, 20) if fee + monthly * m == total]
    assert months == [6] and "Solving gives $m = 6$" in text
    assert "here 35 dollars" in text and (fee + monthly) * 1 == 35
    assert [h for h in range(20) if 40 + 25 * h == 140] == [4]
    assert '5 less than $x$" is $x - 5$' in text


def test_polynomial_difference_matches_at_many_points():
    text = squash(lesson("adding-and-subtracting-polynomials"))
    for x in range(-4, 5):
        first, second = 2 * x**3 + x**2 - 6, 2 * x**3 - 3 * x**2 + x - 4
        assert first - second == 4 * x**2 - x - 2
        assert 2 * x**3 + x**2 - 6 - 2 * x**3 - 3 * x**2 + x - 4 == -2 * x**2 + x - 10
        assert (3 * x**2 - 5 * x + 2) + (x**2 + 4 * x - 9) == 4 * x**2 - x - 7
        assert (5 * x**2 + 2 * x - 1) - (3 * x**2 - 2 * x + 6) == 2 * x**2 + 4 * x - 7
    assert "The difference is $4x^2 - x - 2$. Its degree is 2, not 3" in text
    assert "gets $-2x^2 + x - 10$" in text and "gives $-11$ instead of 1" in text
    assert "The sum is $4x^2 - x - 7$" in text and "*Answer:* $2x^2 + 4x - 7$" in text


def test_binary_numerals_in_the_lesson_read_as_stated():
    text = squash(lesson("binary-number-system"))
    assert int("1011", 2) == 11 and "$1011_2$ has a 1 in the eights" in text
    assert format(45, "b") == "101101" and "so 45 is $101101_2$" in text
    assert "got 1, 0, 1, 1, 0, 1" in text
    three = ["".join(bits) for bits in itertools.product("01", repeat=3)]
    assert "000, 001, 010, 011, 100, 101, 110 and 111" in text
    assert [int(b, 2) for b in three] == list(range(8))
    assert int("110", 2) == 6 and int("011", 2) == 3 and "$4 + 2 = 6$" in text
    assert int("10010", 2) == 18 and format(13, "b") == "1101" and "13 is $1101_2$" in text


def test_equivalent_forms_agree_everywhere_and_the_others_do_not():
    text = squash(lesson("equivalent-expressions"))
    xs = range(-5, 6)
    assert all(4 * (x - 3) + 2 * x == 6 * x - 12 for x in xs)
    assert all(3 * (x + 2) == 3 * x + 6 for x in xs) and all(6 * (x - 2) == 6 * x - 12 for x in xs)
    assert 2 * 4 == 4 + 4 == 8 and (2 * 0, 0 + 4) == (0, 4)
    assert "$2x$ and $x + 4$ both give 8 when $x = 4$, yet at $x = 0$ they give 0 and 4" in text
    assert "*Answer:* only (a)" in text and all(5 * (x + 1) - x == 4 * x + 5 for x in xs)
    assert (4 * 0 + 1, 6 * 1 + 5, 4 * 1 + 5) == (1, 11, 9)


def test_each_one_step_solution_makes_its_equation_true():
    text = squash(lesson("one-step-equations"))
    solved = {"x + 7 = 12": 5, "x - 4 = -9": -5, "4x = 20": 5, "\\frac{x}{3} = -6": -18}
    for equation, x in solved.items():
        assert f"{equation}$" in text, equation
        left, right = equation.replace("4x", "4 \\times x").replace("x", f"({x})").split(" = ")
        assert value(left) == value(right), equation
    assert "adding 7 gives 19" in text and 12 + 7 == 19
    assert "multiplying gives 80 instead of 5" in text and 20 * 4 == 80
    assert 6 - 15 + 15 == 6 and -3 * (21 // -3) == 21


def test_simplified_roots_square_back_to_the_number():
    text = squash(lesson("simplifying-radical-expressions"))
    stated = {72: (6, 2), 50: (5, 2), 48: (4, 3)}
    for n, (a, b) in stated.items():
        assert f"${a}\\sqrt{{{b}}}$" in text and a * a * b == n
        assert all(b % (d * d) for d in range(2, b + 1))  # nothing square left under the root
    squares = [s * s for s in range(2, 9) if 72 % (s * s) == 0]
    assert max(squares) == 36 and "is not $36\\sqrt{2}$" in text and 36**2 * 2 > 72
    assert "as $2\\sqrt{18}$ is true but not simplest" in text and 2 * 2 * 18 == 72 and 18 % 9 == 0
    assert "which is $2\\sqrt{5}$" in text and Fraction(10, 5) == 2


def test_tables_of_values_rows_are_the_expressions():
    text = lesson("tables-of-values-for-expressions")
    rows = {
        line.split("|")[1].strip(): [int(c) for c in line.strip().strip("|").split("|")[1:]]
        for line in text.splitlines()
        if line.startswith("| $") and "x$ |" not in line[:6]
    }
    assert rows["$2x + 5$"][:6] == [2 * x + 5 for x in range(6)]
    assert rows["$3x + 1$"] == [3 * x + 1 for x in range(6)]
    meet = [x for x in range(6) if 2 * x + 5 == 3 * x + 1]
    flat = squash(text)
    assert meet == [4] and "The rows match at $x = 4$, where both cost 13 dollars" in flat
    assert [x for x in range(4) if x + 6 == 4 * x] == [2] and "at $x = 2$, where both are 8" in flat
    assert "the rows are 6, 7, 8, 9 and 0, 4, 8, 12" in flat


def test_zero_and_negative_powers_follow_the_halving_pattern():
    text = squash(lesson("zero-and-negative-exponents"))
    ladder = re.findall(r"\$2\^\{?(-?\d+)\}? = (?:\\frac\{1\}\{(\d+)\}|(\d+))\$", text)
    stated = {int(e): Fraction(1, int(d)) if d else Fraction(int(n)) for e, d, n in ladder}
    assert set(range(-3, 4)) <= set(stated)
    for e, v in stated.items():
        assert Fraction(2) ** e == v, e
    assert "is not $-8$ and not $-6$: it is $\\frac{1}{8}$" in text
    assert (-(2**3), 2 * -3) == (-8, -6)
    assert Fraction(5) ** 4 * Fraction(5) ** -6 / Fraction(5) ** -1 == Fraction(1, 5)


def perfect_tree(depth: int) -> list[str]:
    """Every node of a perfect binary tree as its path string from the root."""
    return ["".join(p) for d in range(depth + 1) for p in itertools.product("01", repeat=d)]


def test_binary_tree_counts_by_building_the_tree():
    text = squash(lesson("binary-trees"))
    nodes = perfect_tree(3)
    leaves = [n for n in nodes if len(n) == 3]
    assert (len(leaves), len(nodes)) == (
        8,
        15,
    ) and "has 8 leaves but 15 nodes, and 4 levels" in text
    assert ", ".join(sorted(leaves)) in text
    assert (len([n for n in perfect_tree(4) if len(n) == 4]), len(perfect_tree(4))) == (16, 31)
    assert "left, left, right" in text and "the leaf of the string 001" in text
    assert 2**4 < 26 <= 2**5 and "26 letters a leaf each" in text and "needs depth 5" in text


def test_guessing_game_halves_to_one_in_five_questions():
    text = squash(lesson("bits"))
    candidates, asked = list(range(1, 33)), 0
    while len(candidates) > 1:
        candidates = candidates[: len(candidates) // 2]
        asked += 1
    assert asked == 5 and "Five questions always suffice" in text
    assert 'leaves 16 candidates; "is it 8 or less (among those)?" leaves 8' in text
    assert math.isclose(math.log2(2 * 32), 1 + 5) and math.isclose(math.log2(2 * 64), 7)


def test_products_expand_to_the_stated_polynomials():
    text = squash(lesson("multiplying-polynomials"))
    for x in range(-4, 5):
        assert (x + 3) * (x - 5) == x**2 - 2 * x - 15
        assert (x + 2) * (x**2 - x + 4) == x**3 + x**2 + 2 * x + 8
        assert x**3 - x**2 + 4 * x + 2 * x**2 - 2 * x + 8 == x**3 + x**2 + 2 * x + 8
        assert (x + 4) ** 2 == x**2 + 8 * x + 16 and (x + 4) * (x - 4) == x**2 - 16
        assert (2 * x - 1) * (x + 6) == 2 * x**2 + 11 * x - 6 and (x - 3) ** 2 == x**2 - 6 * x + 9
    assert "$(x + 3)(x - 5) = x^2 - 2x - 15$" in text
    assert "combine to $x^3 + x^2 + 2x + 8$" in text
    assert "is not $x^2 + 16$" in text and (1 + 4) ** 2 != 1 + 16
