"""Question families for band 14 of the KL plan (positions 283 to 304): right-triangle
trigonometry and the Kraft inequality.

Every family draws its numbers from ``rng`` and computes the answer in code: exact
fractions for ratios of sides and for Kraft sums, integers for codeword lengths, floats to
3 significant figures where a sine, cosine or tangent makes a length irrational. Each
named mistake is the value that mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice.families import (
    WHOLE,
    and_list,
    draw,
    exact_variant,
    family,
    frac,
    integer_variant,
    number_variant,
    pick,
)
from practice.questions import Variant

LOWEST = "Give a fraction in lowest terms."
SIG3 = "Give your answer to 3 significant figures."

# Right triangles with whole sides (leg, leg, hypotenuse), none of them isosceles.
TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41))


def _distinct_to_3sf(answer: float, *others: float) -> bool:
    """Whether ``answer`` rounded to 3 significant figures is still 2% away from each of
    ``others``, so a rounded answer is never mistaken for a named slip (or the reverse)."""
    return all(abs(answer - x) > 0.02 * max(abs(answer), abs(x)) for x in others)


# ------------------------------------------------ 283. right triangle trigonometry


@family("trig_ratio_from_sides")
def trig_ratio_from_sides(rng: np.random.Generator) -> Variant:
    """sin, cos or tan of an acute angle of a right triangle with whole sides."""
    a, b, c = pick(rng, TRIPLES)
    k = draw(rng, 1, 3)
    bc, ac, ab = k * a, k * b, k * c  # right angle at C: BC and AC are the legs
    angle = pick(rng, ("A", "B"))
    ratio = pick(rng, ("sin", "cos", "tan"))
    opp, adj = (bc, ac) if angle == "A" else (ac, bc)
    opp_name, adj_name = ("BC", "AC") if angle == "A" else ("AC", "BC")
    hyp = ab
    value = {"sin": Fraction(opp, hyp), "cos": Fraction(adj, hyp), "tan": Fraction(opp, adj)}
    upside_down = 1 / value[ratio]
    if ratio == "sin":
        wrong_side, wrong_text = Fraction(adj, hyp), "the adjacent side"
        rule = f"\\sin {angle} = \\frac{{\\text{{opposite}}}}{{\\text{{hypotenuse}}}}"
        step = f"\\frac{{{opp_name}}}{{AB}} = \\frac{{{opp}}}{{{hyp}}}"
    elif ratio == "cos":
        wrong_side, wrong_text = Fraction(opp, hyp), "the opposite side"
        rule = f"\\cos {angle} = \\frac{{\\text{{adjacent}}}}{{\\text{{hypotenuse}}}}"
        step = f"\\frac{{{adj_name}}}{{AB}} = \\frac{{{adj}}}{{{hyp}}}"
    else:
        wrong_side, wrong_text = Fraction(opp, hyp), "the hypotenuse"
        rule = f"\\tan {angle} = \\frac{{\\text{{opposite}}}}{{\\text{{adjacent}}}}"
        step = f"\\frac{{{opp_name}}}{{{adj_name}}} = \\frac{{{opp}}}{{{adj}}}"
    _, bottom = {"sin": (opp, hyp), "cos": (adj, hyp), "tan": (opp, adj)}[ratio]
    reduced = "" if value[ratio].denominator == bottom else f" = {frac(value[ratio])}"
    prompt = (
        f"Triangle $ABC$ has its right angle at $C$, with $BC = {bc}$, $AC = {ac}$ and "
        f"$AB = {ab}$. Find $\\{ratio} {angle}$. {LOWEST}"
    )
    solution = (
        f"Stand at angle ${angle}$. The side facing it is ${opp_name} = {opp}$ (opposite), "
        f"the other side touching it is ${adj_name} = {adj}$ (adjacent), and $AB = {hyp}$, "
        f"facing the right angle, is the hypotenuse. So ${rule} = {step}{reduced}$."
    )
    mistakes = {
        "ratio_upside_down": (
            upside_down,
            "Your ratio is upside down. Each ratio puts a particular side on top: opposite "
            "for sine and tangent, adjacent for cosine. Check which side goes on top.",
        ),
        "wrong_side_for_the_ratio": (
            wrong_side,
            f"You used {wrong_text} where another side belongs. Label the sides from the "
            f"asked angle first (opposite faces it, adjacent touches it, the hypotenuse "
            f"faces the right angle), then use SOH CAH TOA.",
        ),
    }
    params = {"bc": bc, "ac": ac, "ab": ab, "angle": angle, "ratio": ratio}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value[ratio],
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("side_from_angle_and_side")
def side_from_angle_and_side(rng: np.random.Generator) -> Variant:
    """A side of a right triangle from an acute angle and one other side (3 s.f.)."""
    while True:
        theta = draw(rng, 15, 75)
        known = draw(rng, 4, 30)
        case = pick(rng, ("opposite_from_hypotenuse", "adjacent_from_hypotenuse", "tan"))
        t = math.radians(theta)
        if case == "opposite_from_hypotenuse":
            value, wrong_ratio, radian_mode = (
                known * math.sin(t),
                known * math.cos(t),
                known * math.sin(theta),
            )
        elif case == "adjacent_from_hypotenuse":
            value, wrong_ratio, radian_mode = (
                known * math.cos(t),
                known * math.sin(t),
                known * math.cos(theta),
            )
        else:
            value, wrong_ratio, radian_mode = (
                known * math.tan(t),
                known / math.tan(t),
                known * math.tan(theta),
            )
        if _distinct_to_3sf(value, wrong_ratio, radian_mode) and _distinct_to_3sf(
            wrong_ratio, radian_mode
        ):
            break
    if case == "tan":
        given, asked = f"$AC = {known}$", "$BC$"
        work = (
            f"$BC$ is opposite $A$ and $AC$ is adjacent, so use tangent: "
            f"$\\tan {theta}^\\circ = \\frac{{BC}}{{{known}}}$, and "
            f"$BC = {known} \\tan {theta}^\\circ \\approx {value:.3g}$."
        )
    else:
        given = f"$AB = {known}$"
        asked = "$BC$" if case == "opposite_from_hypotenuse" else "$AC$"
        fn, side = (
            ("sin", "opposite") if case == "opposite_from_hypotenuse" else ("cos", "adjacent")
        )
        work = (
            f"{asked} is {side} to $A$ and $AB$ is the hypotenuse, so use "
            f"$\\{fn}$: $\\{fn} {theta}^\\circ = \\frac{{{asked[1:-1]}}}{{{known}}}$, and "
            f"{asked[:-1]} = {known} \\{fn} {theta}^\\circ \\approx {value:.3g}$."
        )
    prompt = (
        f"Triangle $ABC$ has its right angle at $C$, angle $A = {theta}^\\circ$ and {given}. "
        f"Find {asked}. {SIG3}"
    )
    solution = f"{work} (Your calculator must be in degree mode.)"
    mistakes = {
        "wrong_trig_ratio": (
            wrong_ratio,
            "You used the wrong ratio. Name the two sides involved from angle A (opposite, "
            "adjacent or hypotenuse) and pick the ratio that links exactly those two.",
        ),
        "calculator_in_radians": (
            radian_mode,
            "Your calculator was in radian mode, so it read the angle as radians. Switch it "
            "to degrees and work the same steps again.",
        ),
    }
    params = {"theta": theta, "known": known, "case": case}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------ 284. the Kraft inequality


def _lengths(rng: np.random.Generator, count: int) -> list[int]:
    """``count`` codeword lengths from 1 to 5, sorted."""
    return sorted(draw(rng, 1, 5) for _ in range(count))


def _kraft_terms(lengths: list[int]) -> str:
    return " + ".join(f"2^{{-{n}}}" for n in lengths)


@family("kraft_sum")
def kraft_sum(rng: np.random.Generator) -> Variant:
    """The Kraft sum of a list of binary codeword lengths, exactly."""
    lengths = _lengths(rng, draw(rng, 3, 6))
    total = sum(Fraction(1, 2**n) for n in lengths)
    linear = sum(Fraction(1, 2 * n) for n in lengths)
    doubled = sum(Fraction(1, n) for n in lengths)
    listed = and_list([str(n) for n in lengths])
    verdict = "at most 1, so a prefix code" if total <= 1 else "more than 1, so no prefix code"
    prompt = (
        f"A binary code has codewords of lengths {listed}. Compute the Kraft sum "
        f"$\\sum_i 2^{{-\\ell_i}}$. Give a whole number or a fraction in lowest terms."
    )
    halves = " + ".join(frac(Fraction(1, 2**n)) for n in lengths)
    solution = (
        f"$${_kraft_terms(lengths)} = {halves} = {frac(total)}.$$ The sum is {verdict} "
        f"with these lengths exists."
    )
    mistakes = {
        "multiplied_instead_of_powering": (
            linear,
            "You took each term as one over twice the length. A codeword of length ℓ uses "
            "up one over two to the power ℓ of the budget: each extra bit halves its share.",
        ),
        "one_over_length": (
            doubled,
            "You added one over each length. The share of a codeword of length ℓ is two to "
            "the power minus ℓ, a halving for every bit, not one over ℓ.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"lengths": lengths},
        value=total,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("kraft_shortest_new_codeword")
def kraft_shortest_new_codeword(rng: np.random.Generator) -> Variant:
    """The shortest length a further codeword can have so that a prefix code still exists."""
    while True:
        lengths = _lengths(rng, draw(rng, 2, 5))
        total = sum(Fraction(1, 2**n) for n in lengths)
        if total < 1:
            break
    room = 1 - total
    shortest = next(n for n in range(1, 64) if Fraction(1, 2**n) <= room)
    listed = and_list([str(n) for n in lengths])
    prompt = (
        f"A binary prefix code has codewords of lengths {listed}. One more codeword is to "
        f"be added and the code must stay a prefix code. What is the shortest length the "
        f"new codeword can have? {WHOLE}"
    )
    solution = (
        f"The Kraft sum so far is ${_kraft_terms(lengths)} = {frac(total)}$, so "
        f"${frac(room)}$ of the budget is left. The new codeword of length $\\ell$ needs "
        f"$2^{{-\\ell}} \\le {frac(room)}$. "
    )
    if shortest > 1:
        solution += (
            f"Length ${shortest - 1}$ would need ${frac(Fraction(1, 2 ** (shortest - 1)))}$, "
            f"too much; "
        )
    solution += (
        f"length ${shortest}$ needs ${frac(Fraction(1, 2**shortest))}$, which fits. So the "
        f"shortest length is ${shortest}$."
    )
    mistakes = {
        "share_larger_than_what_is_left": (
            shortest - 1,
            "A codeword of that length would take a larger share of the budget than is "
            "left, so the Kraft sum would pass one. Compare two to the power minus ℓ with what "
            "is left and pick the first length that fits.",
        ),
        "copied_the_longest_length": (
            max(lengths),
            "That length works, but a shorter one does too. Work out how much of the Kraft "
            "budget is left and find the first length whose share fits in it.",
        ),
    }
    if shortest - 1 < 1:
        del mistakes["share_larger_than_what_is_left"]
    return integer_variant(
        prompt=prompt,
        params={"lengths": lengths},
        value=shortest,
        solution=solution,
        mistakes=mistakes,
    )
