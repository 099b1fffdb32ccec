"""Question families for band 9 of the KL plan (positions 173 to 194): the order of
operations with integers, total probability and Bayes' theorem, rigid motions and slope,
and the first algebra of expressions, exponents, polynomials, radicals and binary.

School families compute with integers and :class:`fractions.Fraction`; the probability
and information families with floats. Each named mistake is the value that mistake gives
for the variant's own numbers.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from practice.families import (
    WHOLE,
    draw,
    exact_variant,
    family,
    frac,
    integer_variant,
    number_variant,
    pick,
    signed,
)
from practice.questions import Variant


def term(coefficient: int, power: str = "", *, first: bool = False) -> str:
    """One term of a sum in LaTeX with its sign: ``- 3x``, ``+ x^2``, ``+ 7`` (``-3x``,
    ``x^2`` or ``7`` when it comes first); ``power`` is the letter part (``x``, ``x^2``)."""
    size = abs(coefficient)
    body = (str(size) if size != 1 or not power else "") + power
    if first:
        return f"-{body}" if coefficient < 0 else body
    return f"- {body}" if coefficient < 0 else f"+ {body}"


def polynomial(coefficients: list[int], letter: str = "x") -> str:
    """``coefficients`` (highest power first) as a LaTeX polynomial in ``letter``, zero
    terms left out: ``[3, 0, -5]`` gives ``3x^2 - 5``."""
    top = len(coefficients) - 1
    parts = []
    for i, c in enumerate(coefficients):
        if c == 0:
            continue
        k = top - i
        power = "" if k == 0 else letter if k == 1 else f"{letter}^{{{k}}}"
        parts.append(term(c, power, first=not parts))
    return " ".join(parts) if parts else "0"


def _nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` other than 0."""
    while True:
        n = draw(rng, low, high)
        if n:
            return n


# ------------------------------------------------- 173. integer order of operations


@family("integer_order_of_operations")
def integer_order_of_operations(rng: np.random.Generator) -> Variant:
    """An integer expression with a power after a minus sign, or with absolute value bars,
    worked in the right order."""
    if rng.random() < 0.5:
        b, c, d = draw(rng, 2, 6), draw(rng, 2, 9), _nonzero(rng, -9, -2)
        prompt = f"Work out $-{b}^2 + {c} \\times {signed(d)}$. {WHOLE}"
        value = -(b * b) + c * d
        solution = (
            f"The power comes first and belongs to {b} alone: ${b}^2 = {b * b}$, so "
            f"$-{b}^2 = -{b * b}$. Then multiply: ${c} \\times {signed(d)} = {c * d}$. "
            f"Last, add: $-{b * b} + {signed(c * d)} = {value}$."
        )
        mistakes = {
            "squared_the_minus_sign": (
                b * b + c * d,
                "The exponent belongs only to the number right before it, not to the minus "
                "sign in front. Square the number, then keep the minus.",
            ),
            "added_before_multiplying": (
                (-(b * b) + c) * d,
                "You added before multiplying. After the power, do the multiplication, and "
                "only then the addition.",
            ),
        }
        params = {"shape": "power", "b": b, "c": c, "d": d}
    else:
        a, k = draw(rng, 2, 20), draw(rng, 2, 5)
        m, n = draw(rng, -6, 6), draw(rng, -6, 6)
        if m >= n:
            m, n = n - 1, m + 1
        inside = m - n
        value = a - k * abs(inside)
        prompt = f"Work out ${a} - {k}\\,|{m} - {signed(n)}|$. {WHOLE}"
        solution = (
            f"The bars group like brackets, so start inside them: ${m} - {signed(n)} = "
            f"{inside}$, and $|{inside}| = {abs(inside)}$. Multiply: ${k} \\times "
            f"{abs(inside)} = {k * abs(inside)}$. Subtract: ${a} - {k * abs(inside)} = "
            f"{value}$."
        )
        mistakes = {
            "kept_the_sign_inside_the_bars": (
                a - k * inside,
                "The bars give the distance from zero, which is never negative. Drop the "
                "minus sign of the number inside before you multiply.",
            ),
            "subtracted_before_multiplying": (
                (a - k) * abs(inside),
                "You subtracted before multiplying. The number in front of the bars "
                "multiplies them, and that comes before the subtraction.",
            ),
        }
        params = {"shape": "absolute", "a": a, "k": k, "m": m, "n": n}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# --------------------------------------------------- 174. law of total probability


@family("total_probability_two_cases")
def total_probability_two_cases(rng: np.random.Generator) -> Variant:
    """P(A) from P(B), P(A | B) and P(A | not B)."""
    p = Fraction(draw(rng, 2, 8), 10)
    a, c = Fraction(draw(rng, 50, 95), 100), Fraction(draw(rng, 5, 45), 100)
    value = p * a + (1 - p) * c
    prompt = (
        f"It rains on {p * 100}% of days. On a rainy day the bus is late with probability "
        f"${float(a):g}$; on a dry day with probability ${float(c):g}$. What is the "
        f"probability that the bus is late on a day picked at random? Give the exact "
        f"decimal."
    )
    solution = (
        f"Split the days into rainy and dry; they cover every day once. "
        f"$P(\\text{{late}}) = {float(p):g} \\times {float(a):g} + {float(1 - p):g} \\times "
        f"{float(c):g} = {float(p * a):g} + {float((1 - p) * c):g} = {float(value):g}$."
    )
    mistakes = {
        "averaged_without_weights": (
            (a + c) / 2,
            "That treats rainy and dry days as equally common. Weight each case's "
            "probability by how likely the case is, then add.",
        ),
        "left_out_a_case": (
            p * a,
            "That counts only the rainy days. The bus can also be late on a dry day: add "
            "that case, weighted by the chance of a dry day.",
        ),
    }
    params = {"p": str(p), "a": str(a), "c": str(c)}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="decimal",
    )


_SUPPLIERS = ("A", "B", "C")


@family("total_probability_three_suppliers")
def total_probability_three_suppliers(rng: np.random.Generator) -> Variant:
    """The share of faulty parts across three suppliers of different sizes and rates."""
    while True:
        first, second = draw(rng, 2, 6) * 10, draw(rng, 1, 4) * 10
        third = 100 - first - second
        if third > 0:
            break
    shares = [first, second, third]
    rates = [draw(rng, 1, 9) for _ in shares]
    value = Fraction(sum(s * r for s, r in zip(shares, rates, strict=True)), 100)
    listed = "; ".join(
        f"supplier {n} sends {s}% of the parts and {r}% of its parts are faulty"
        for n, s, r in zip(_SUPPLIERS, shares, rates, strict=True)
    )
    prompt = (
        f"A factory buys parts from three suppliers: {listed}. What percent of all the "
        f"parts are faulty? Give the exact value."
    )
    pairs = list(zip(shares, rates, strict=True))
    products = " + ".join(f"{s / 100:g} \\times {r}" for s, r in pairs)
    terms = " + ".join(f"{s * r / 100:g}" for s, r in pairs)
    solution = (
        f"Each part comes from exactly one supplier, so weight each supplier's faulty "
        f"rate by its share and add: ${products} = {terms} = {float(value):g}$, so "
        f"{float(value):g}% of the parts are faulty."
    )
    mistakes = {
        "averaged_the_rates": (
            Fraction(sum(rates), 3),
            "That averages the three rates as if every supplier sent as many parts. Weight "
            "each rate by the supplier's share first.",
        ),
        "added_the_rates": (
            Fraction(sum(rates)),
            "Adding the rates counts every part three times over. Multiply each rate by its "
            "supplier's share of the parts before adding.",
        ),
    }
    params = {"shares": shares, "rates": rates}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="percent",
    )


# -------------------------------------------------------------- 175. Bayes' theorem


@family("bayes_positive_test")
def bayes_positive_test(rng: np.random.Generator) -> Variant:
    """The chance of having a condition after a positive test, from its prevalence and the
    test's true and false positive rates."""
    prior = pick(rng, (0.001, 0.002, 0.005, 0.01, 0.02, 0.05))
    hit = draw(rng, 80, 99) / 100
    false = draw(rng, 1, 10) / 100
    evidence = prior * hit + (1 - prior) * false
    value = prior * hit / evidence
    prompt = (
        f"A condition affects a fraction ${prior:g}$ of people. A test is positive for "
        f"${hit:g}$ of people with it and for ${false:g}$ of people without it. A person "
        f"picked at random tests positive. What is the probability that they have the "
        f"condition? Give it to 3 significant figures."
    )
    solution = (
        f"First the chance of a positive test, by total probability: ${prior:g} \\times "
        f"{hit:g} + {1 - prior:g} \\times {false:g} = {evidence:.4g}$. Then Bayes' theorem: "
        f"$\\frac{{{prior:g} \\times {hit:g}}}{{{evidence:.4g}}} = {value:.3g}$. The "
        f"false alarms from the many people without the condition outnumber the true "
        f"positives."
    )
    mistakes = {
        "reversed_the_condition": (
            hit,
            "That is the chance of a positive test given the condition, the other way "
            "round. Divide the true positives by all the positives.",
        ),
        "ignored_the_base_rate": (
            hit / (hit + false),
            "That treats having and not having the condition as equally common. Weight "
            "each group's positive rate by how common the group is.",
        ),
    }
    params = {"prior": prior, "hit": hit, "false": false}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("bayes_which_bag")
def bayes_which_bag(rng: np.random.Generator) -> Variant:
    """Which of two bags a red counter came from, when a die roll chooses the bag."""
    k = draw(rng, 1, 5)
    n1, n2 = draw(rng, 4, 10), draw(rng, 4, 10)
    r1, r2 = draw(rng, 1, n1 - 1), draw(rng, 1, n2 - 1)
    prior = Fraction(k, 6)
    joint1, joint2 = prior * Fraction(r1, n1), (1 - prior) * Fraction(r2, n2)
    value = joint1 / (joint1 + joint2)
    chooser = "a roll of 1" if k == 1 else f"a roll of {k} or less"
    prompt = (
        f"Bag 1 holds {r1} red counters out of {n1}; bag 2 holds {r2} red out of {n2}. "
        f"A fair die picks the bag: {chooser} picks bag 1, any other roll bag 2. One "
        f"counter is drawn from the chosen bag and it is red. What is the probability "
        f"that it came from bag 1? Give a fraction in lowest terms."
    )
    solution = (
        f"Prior: $P(1) = {frac(prior)}$ and $P(2) = {frac(1 - prior)}$. Red through bag 1: "
        f"${frac(prior)} \\times \\frac{{{r1}}}{{{n1}}} = {frac(joint1)}$; through bag 2: "
        f"${frac(1 - prior)} \\times \\frac{{{r2}}}{{{n2}}} = {frac(joint2)}$. Bayes: "
        f"$P(1 \\mid \\text{{red}}) = {frac(joint1)} \\div \\left({frac(joint1)} + "
        f"{frac(joint2)}\\right) = {frac(value)}$."
    )
    mistakes = {
        "gave_the_likelihood": (
            Fraction(r1, n1),
            "That is the chance of red if the counter came from bag 1, the reverse of what "
            "is asked. Compare the two ways of getting red.",
        ),
        "ignored_the_prior": (
            Fraction(r1, n1) / (Fraction(r1, n1) + Fraction(r2, n2)),
            "That treats the two bags as equally likely to be chosen. Multiply each bag's "
            "chance of red by the chance the die picks that bag.",
        ),
        "kept_the_prior": (
            prior,
            "That is the chance of bag 1 before the counter was seen. Use the red draw to "
            "update it.",
        ),
    }
    params = {"k": k, "r1": r1, "n1": n1, "r2": r2, "n2": n2}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )
