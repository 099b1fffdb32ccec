"""Question families of every answer kind, registered for the tests of the practice flow.

They live here, not in ``practice/families/``, so that students never see them; the view
tests and the browser test import this module, which registers them once. Each draws its
numbers from ``rng`` and computes its answer and named mistakes exactly, like the real
families.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice.families import family
from practice.grader import Expected
from practice.questions import Variant

PREFIX = "test_kind_"


def _int(rng: np.random.Generator, low: int, high: int) -> int:
    return int(rng.integers(low, high + 1))


@family(f"{PREFIX}integer")
def boxes_of_eggs(rng: np.random.Generator) -> Variant:
    """How many eggs in some boxes (an integer; adding instead of multiplying)."""
    boxes, per_box = _int(rng, 3, 9), _int(rng, 3, 12)
    total = boxes * per_box
    return Variant(
        prompt=f"There are {boxes} boxes with {per_box} eggs in each. How many eggs are there?",
        params={"boxes": boxes, "per_box": per_box},
        expected=float(total),
        solution=f"{boxes} boxes of {per_box}: ${boxes} \\times {per_box} = {total}$ eggs.",
        answer=Expected(
            total,
            kind="integer",
            alternatives={"added": boxes + per_box},
            messages={"added": "You added the two numbers; each box holds the same number."},
        ),
    )


@family(f"{PREFIX}lowest_terms")
def add_fractions(rng: np.random.Generator) -> Variant:
    """Add two fractions, in lowest terms (adding the denominators as well)."""
    total = Fraction(1)
    while total.denominator == 1:  # a sum that is a fraction
        b, d = _int(rng, 2, 9), _int(rng, 2, 9)
        a, c = _int(rng, 1, b - 1), _int(rng, 1, d - 1)
        total = Fraction(a, b) + Fraction(c, d)
    return Variant(
        prompt=f"Work out ${a}/{b} + {c}/{d}$ and give it in lowest terms.",
        params={"a": a, "b": b, "c": c, "d": d},
        expected=float(total),
        solution=(
            f"Over the common denominator {b * d}: "
            f"${a * d}/{b * d} + {c * b}/{b * d} = {a * d + c * b}/{b * d}$, "
            f"which is {total.numerator}/{total.denominator} in lowest terms."
        ),
        answer=Expected(
            total,
            kind="exact",
            form="lowest_terms",
            alternatives={"added_denominators": Fraction(a + c, b + d)},
            messages={
                "added_denominators": "You added the denominators too: first write both "
                "fractions over one denominator, then add only the numerators."
            },
        ),
    )


@family(f"{PREFIX}mixed")
def improper_to_mixed(rng: np.random.Generator) -> Variant:
    """An improper fraction as a mixed number (whole part and remainder swapped)."""
    d = _int(rng, 3, 9)
    whole, rest = _int(rng, 2, 9), _int(rng, 1, d - 1)
    n = whole * d + rest
    value = Fraction(n, d)
    mistake = Fraction(rest) + Fraction(whole, d)
    return Variant(
        prompt=f"Write ${n}/{d}$ as a mixed number.",
        params={"n": n, "d": d},
        expected=float(value),
        solution=f"${n} \\div {d}$ is {whole} remainder {rest}, so ${n}/{d} = {whole} {rest}/{d}$.",
        answer=Expected(
            value,
            kind="exact",
            form="mixed",
            alternatives={"swapped_parts": mistake},
            messages={
                "swapped_parts": "The quotient is the whole number and the remainder goes "
                "over the denominator, not the other way round."
            },
        ),
    )


@family(f"{PREFIX}values")
def quotient_and_remainder(rng: np.random.Generator) -> Variant:
    """Quotient and remainder (one group too few)."""
    quotient = remainder = 0
    while quotient == remainder:  # so that the two values swapped are a different answer
        divisor = _int(rng, 3, 9)
        quotient, remainder = _int(rng, 3, 12), _int(rng, 1, divisor - 1)
    n = quotient * divisor + remainder
    return Variant(
        prompt=f"Divide {n} by {divisor}. Give the quotient and the remainder.",
        params={"n": n, "divisor": divisor},
        expected=float(quotient),
        solution=f"${divisor} \\times {quotient} = {n - remainder}$, and "
        f"${n} - {n - remainder} = {remainder}$: quotient {quotient}, remainder {remainder}.",
        answer=Expected(
            (Fraction(quotient), Fraction(remainder)),
            kind="values",
            alternatives={
                "one_group_short": (Fraction(quotient - 1), Fraction(remainder + divisor))
            },
            messages={
                "one_group_short": "Your remainder is as large as the divisor: one more group fits."
            },
        ),
    )


@family(f"{PREFIX}choice")
def which_direction(rng: np.random.Generator) -> Variant:
    """Which KL direction is mode-seeking (a choice; the reversed direction)."""
    keys = ["A", "B", "C"]
    order = [int(i) for i in rng.permutation(3)]
    wordings = ["the reverse KL D(q||p)", "the forward KL D(p||q)", "neither of them"]
    labels = tuple(wordings[i] for i in order)
    right = keys[order.index(0)]
    reversed_key = keys[order.index(1)]
    return Variant(
        prompt="Fitting a single Gaussian q to a two-mode mixture p, which divergence, "
        "minimised over q, locks onto one mode?",
        params={"order": order},
        expected=0.0,
        solution="The reverse divergence D(q||p) is large wherever q puts mass that p lacks, "
        f"so it keeps q inside one mode: option {right}.",
        answer=Expected(
            right,
            kind="choice",
            options=tuple(keys),
            labels=labels,
            alternatives={"reversed": reversed_key},
            messages={
                "reversed": "The forward divergence averages over p, so it spreads q over "
                "both modes."
            },
        ),
    )


@family(f"{PREFIX}degrees")
def radians_to_degrees(rng: np.random.Generator) -> Variant:
    """An angle in radians converted to degrees (the radians left as they were)."""
    k = [2, 3, 4, 6, 12][_int(rng, 0, 4)]
    m = _int(rng, 1, 2 * k - 1)
    while math.gcd(m, k) != 1:
        m += 1
    degrees = 180 * m / k
    return Variant(
        prompt=f"Convert ${m}\\pi/{k}$ radians to degrees.",
        params={"m": m, "k": k},
        expected=degrees,
        solution=f"$\\pi$ radians is 180°, so ${m}\\pi/{k}$ is "
        f"${m} \\times 180 / {k} = {degrees:g}$°.",
        answer=Expected(
            degrees,
            kind="number",
            unit="degrees",
            rel_tol=1e-3,
            alternatives={"kept_radians": m * math.pi / k},
            messages={"kept_radians": "That is the angle in radians; multiply by 180/π."},
        ),
    )


@family(f"{PREFIX}percent")
def share_as_percent(rng: np.random.Generator) -> Variant:
    """A share as a percentage (the fraction given instead)."""
    whole = [20, 25, 40, 50][_int(rng, 0, 3)]
    part = _int(rng, 1, whole - 1)
    percent = Fraction(100 * part, whole)
    return Variant(
        prompt=f"{part} of the {whole} pupils walk to school. What percentage is that?",
        params={"part": part, "whole": whole},
        expected=float(percent),
        solution=f"${part}/{whole} \\times 100 = {float(percent):g}$%.",
        answer=Expected(
            percent,
            kind="exact",
            unit="percent",
            alternatives={"fraction_only": Fraction(part, whole)},
            messages={"fraction_only": "That is the fraction; a percentage is out of 100."},
        ),
    )


KINDS = ("integer", "lowest_terms", "mixed", "values", "choice", "degrees", "percent")
"""The families above, by the suffix of their generator name."""
