"""Question families for band 10 of the KL plan (positions 195 to 216): rational
exponents, equations and inequalities, factoring, the Pythagorean theorem and distance,
angle relationships, functions, lines and arithmetic sequences.

Every family draws its numbers from ``rng`` and computes the answer with integers,
:class:`fractions.Fraction` or (for lengths with roots and pi) floats; each named mistake
is the value that mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice.families import (
    draw,
    exact_variant,
    family,
    frac,
    pick,
    shuffled_choice_variant,
    signed,
)
from practice.questions import Variant

WHOLE_OR_FRACTION = "Give a whole number or a fraction in lowest terms."


def _nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` other than 0."""
    while True:
        n = draw(rng, low, high)
        if n:
            return n


def _term(coefficient: int, letter: str = "x", *, first: bool = False) -> str:
    """``coefficient`` times ``letter`` as a LaTeX term: ``3x``, ``- x``, ``+ 5x``."""
    size = abs(coefficient)
    body = f"{'' if size == 1 and letter else size}{letter}"
    if first:
        return f"-{body}" if coefficient < 0 else body
    return f"- {body}" if coefficient < 0 else f"+ {body}"


def _const(n: int) -> str:
    """``n`` as a LaTeX term after another one: ``+ 4`` or ``- 4`` (nothing for 0)."""
    if n == 0:
        return ""
    return f"- {abs(n)}" if n < 0 else f"+ {n}"


# ----------------------------------------------------------- 195. rational exponents

_ROOT_BASES = ((2, 2), (3, 2), (4, 2), (5, 2), (6, 2), (7, 2), (2, 3), (3, 3), (4, 3), (2, 4))


@family("rational_exponent_value")
def rational_exponent_value(rng: np.random.Generator) -> Variant:
    """``a^(m/n)`` for a perfect n-th power ``a``: the root first, then the power (and a
    reciprocal when the exponent is negative)."""
    root, n = pick(rng, _ROOT_BASES)
    m = draw(rng, 1, 3) if n > 2 else pick(rng, (1, 3))
    while math.gcd(m, n) != 1:
        m = draw(rng, 1, 3)
    negative = bool(rng.integers(2))
    a = root**n
    exponent = Fraction(-m if negative else m, n)
    power = root**m
    value = Fraction(1, power) if negative else Fraction(power)
    shown = f"{a}^{{{'-' if negative else ''}{m}/{n}}}"
    prompt = f"Work out ${shown}$. {WHOLE_OR_FRACTION}"
    root_name = {2: "square root", 3: "cube root", 4: "fourth root"}[n]
    steps = (
        f"The bottom of the exponent, {n}, asks for the {root_name}: ${a}^{{1/{n}}} = {root}$, "
        f"since ${' \\times '.join([str(root)] * n)} = {a}$."
    )
    if m > 1:
        steps += f" The top, {m}, raises that to the power {m}: ${root}^{m} = {power}$."
    if negative:
        steps += f" The minus sign means the reciprocal: ${shown} = \\frac{{1}}{{{power}}}$."
    else:
        steps += f" So ${shown} = {power}$."
    mistakes = {
        "multiplied_base_by_exponent": (
            a * abs(exponent),
            "You multiplied the base by the exponent. A fractional exponent is a root and a "
            "power: the bottom number says which root to take, the top which power.",
        ),
        "took_the_root_only": (
            Fraction(1, root) if negative and m > 1 else Fraction(root),
            "That is only the root. Raise the root to the power given by the top of the "
            "exponent as well.",
        )
        if m > 1
        else (
            Fraction(a),
            "That leaves the base as it was. The bottom of the exponent asks for a root.",
        ),
    }
    if negative:
        mistakes["negative_exponent_as_negative_number"] = (
            -Fraction(power),
            "A negative exponent does not make the number negative: it means one over the "
            "power. Work out the power, then take its reciprocal.",
        )
    params = {"base": a, "m": m, "n": n, "negative": negative}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=steps,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("rational_exponent_product")
def rational_exponent_product(rng: np.random.Generator) -> Variant:
    """The exponent of ``x^(a/b) · x^(c/d)``: the exponents add, over a common bottom."""
    b, d = draw(rng, 2, 6), draw(rng, 2, 6)
    while b == d:
        d = draw(rng, 2, 6)
    a, c = draw(rng, 1, b - 1) if b > 2 else 1, draw(rng, 1, d + 1)
    first, second = Fraction(a, b), Fraction(c, d)
    value = first + second
    prompt = (
        f"For $x > 0$, write $x^{{{frac(first)}}} \\cdot x^{{{frac(second)}}}$ as a single "
        f"power $x^k$. What is $k$? Give a fraction in lowest terms."
    )
    common = math.lcm(first.denominator, second.denominator)
    top1, top2 = first * common, second * common
    solution = (
        f"Multiplying powers of the same base adds the exponents: "
        f"${frac(first)} + {frac(second)} = \\frac{{{top1}}}{{{common}}} + "
        f"\\frac{{{top2}}}{{{common}}} = {frac(value)}$, so the product is "
        f"$x^{{{frac(value)}}}$ and $k = {frac(value)}$."
    )
    mistakes = {
        "multiplied_the_exponents": (
            first * second,
            "Multiplying the exponents is the rule for a power of a power. Here two powers "
            "of $x$ are multiplied, so their exponents add.",
        ),
        "added_tops_and_bottoms": (
            Fraction(first.numerator + second.numerator, first.denominator + second.denominator),
            "Fractions do not add top to top and bottom to bottom. Write both exponents over "
            "a common denominator first.",
        ),
    }
    params = {"first": str(first), "second": str(second)}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


# ------------------------------------------------ 196. solving one-step inequalities

_SIGNS = {"<": "<", "<=": "\\le", ">": ">", ">=": "\\ge"}
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _inequality(left: str, sign: str, right: int | Fraction) -> str:
    """``left sign right`` in LaTeX, e.g. ``x \\ge -4``."""
    return f"${left} {_SIGNS[sign]} {frac(right)}$"


_NO_FLIP = (
    "Only multiplying or dividing both sides by a negative number turns the sign round. "
    "Nothing negative was multiplied or divided here, so keep the sign as it is."
)
_KEEP_SIGN = (
    "You divided or multiplied both sides by a negative number but kept the sign. That "
    "swaps which side is bigger, so the inequality sign must turn round."
)


@family("one_step_inequality")
def one_step_inequality(rng: np.random.Generator) -> Variant:
    """A one-step inequality (add, subtract, multiply or divide, sometimes by a negative
    number): pick its solution set."""
    sign = pick(rng, tuple(_SIGNS))
    kind = pick(rng, ("add", "subtract", "times", "times_negative", "divide_negative"))
    k = draw(rng, 2, 9)
    flips = kind in ("times_negative", "divide_negative")
    if kind == "add":
        b = _nonzero(rng, -12, 15)
        left, bound, wrong = f"x + {k}", b - k, b + k
        step = f"Subtract {k} from both sides: $x {_SIGNS[sign]} {b} - {k} = {b - k}$."
    elif kind == "subtract":
        b = _nonzero(rng, -12, 15)
        left, bound, wrong = f"x - {k}", b + k, b - k
        step = f"Add {k} to both sides: $x {_SIGNS[sign]} {b} + {k} = {b + k}$."
    elif kind == "times":
        bound = _nonzero(rng, -9, 9)
        b = k * bound
        left, wrong = f"{k}x", b * k
        step = (
            f"Divide both sides by {k}, a positive number, so the sign stays: "
            f"$x {_SIGNS[sign]} {b} \\div {k} = {bound}$."
        )
    elif kind == "times_negative":
        bound = _nonzero(rng, -9, 9)
        b = -k * bound
        left, wrong = f"-{k}x", -bound
        step = (
            f"Divide both sides by $-{k}$. Dividing by a negative number turns the sign "
            f"round: $x {_SIGNS[_FLIP[sign]]} {b} \\div ({-k}) = {bound}$."
        )
    else:
        b = _nonzero(rng, -9, 9)
        bound = -k * b
        left, wrong = f"\\frac{{x}}{{-{k}}}", k * b
        step = (
            f"Multiply both sides by $-{k}$. Multiplying by a negative number turns the "
            f"sign round: $x {_SIGNS[_FLIP[sign]]} {b} \\times ({-k}) = {bound}$."
        )
    right_sign = _FLIP[sign] if flips else sign
    choices = {"right": _inequality("x", right_sign, bound)}
    messages = {}
    if flips:
        choices["kept_the_sign"] = _inequality("x", sign, bound)
        messages["kept_the_sign"] = _KEEP_SIGN
        choices["ignored_the_negative"] = _inequality("x", sign, wrong)
        messages["ignored_the_negative"] = (
            "The minus sign belongs to the number that multiplies $x$. Undo the whole "
            "number, minus sign included, and then turn the inequality sign round."
        )
    else:
        choices["flipped_without_a_negative"] = _inequality("x", _FLIP[sign], bound)
        messages["flipped_without_a_negative"] = _NO_FLIP
        choices["did_the_same_operation"] = _inequality("x", sign, wrong)
        messages["did_the_same_operation"] = (
            "To get $x$ alone, do the opposite of what is done to $x$: undo an addition "
            "by subtracting, a multiplication by dividing."
        )
    test = bound + 1 if right_sign in (">", ">=") else bound - 1
    at_test = {
        "add": Fraction(test + k),
        "subtract": Fraction(test - k),
        "times": Fraction(k * test),
        "times_negative": Fraction(-k * test),
        "divide_negative": Fraction(test, -k),
    }[kind]
    solution = (
        f"{step} Check with a number from that set: $x = {test}$ makes the left side "
        f"${frac(at_test)}$, and ${frac(at_test)} {_SIGNS[sign]} {b}$ is true."
    )
    params = {"kind": kind, "sign": sign, "k": k, "b": b, "bound": bound}
    return shuffled_choice_variant(
        rng,
        prompt=f"Solve ${left} {_SIGNS[sign]} {b}$. Which is the solution set?",
        params=params,
        choices=choices,
        solution=solution,
        messages=messages,
    )


# -------------------------------------------------------- 197. solving proportions

_RECIPES = (
    ("A recipe uses {c} cups of rice for {d} people.", "cups of rice", "people"),
    (
        "A mortar mix uses {c} buckets of sand for {d} buckets of cement.",
        "buckets of sand",
        "buckets of cement",
    ),
    ("A printer prints {c} pages in {d} minutes.", "pages", "minutes"),
)


@family("solve_proportion")
def solve_proportion(rng: np.random.Generator) -> Variant:
    """The unknown of ``x / b = c / d`` by cross-multiplying: ``d x = b c``."""
    while True:
        c, d = draw(rng, 2, 12), draw(rng, 2, 12)
        b = draw(rng, 3, 30)
        if c != d and math.gcd(c, d) == 1 and b % d and b != d:
            break
    value = Fraction(b * c, d)
    if rng.integers(2):
        prompt = (
            f"Solve the proportion $\\frac{{x}}{{{b}}} = \\frac{{{c}}}{{{d}}}$. {WHOLE_OR_FRACTION}"
        )
    else:
        text, first, second = pick(rng, _RECIPES)
        prompt = (
            f"{text.format(c=c, d=d)} At the same rate, how many {first} go with {b} "
            f"{second}? Give a whole number or a fraction in lowest terms (a decimal is "
            f"fine too)."
        )
    solution = (
        f"Set up $\\frac{{x}}{{{b}}} = \\frac{{{c}}}{{{d}}}$ and cross-multiply: "
        f"${d}x = {b} \\times {c} = {b * c}$. Divide by {d}: "
        f"$x = \\frac{{{b * c}}}{{{d}}}$"
    )
    solution += "." if value.denominator == d else f", which is ${frac(value)}$ in lowest terms."
    mistakes = {
        "cross_multiplied_the_wrong_pair": (
            Fraction(b * d, c),
            "You multiplied numbers that sit on the same side of the fraction line. Cross-"
            "multiply along the diagonals: each top times the other fraction's bottom.",
        ),
        "added_the_difference": (
            Fraction(c + b - d),
            "You kept the difference between the numbers the same, but a proportion keeps "
            "the ratio the same: the amounts grow by multiplying, not by adding.",
        ),
    }
    params = {"b": b, "c": c, "d": d}
    return exact_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------ 198. two-step equations


@family("two_step_equation")
def two_step_equation(rng: np.random.Generator) -> Variant:
    """``a x + b = c`` (or a phone bill: a fee plus a price per gigabyte), undone in
    reverse order: first the addition, then the multiplication."""
    a = draw(rng, 2, 9)
    x = draw(rng, -9, 12) if rng.integers(2) else draw(rng, 1, 12)
    b = _nonzero(rng, -20, 20)
    c = a * x + b
    v = "x"
    if rng.integers(2) and b > 0 and x > 0:
        v = "g"
        prompt = (
            f"A phone plan costs {b} dollars a month plus {a} dollars for each gigabyte "
            f"used. One month's bill is {c} dollars. How many gigabytes were used? "
            f"Solve ${a}g + {b} = {c}$."
        )
    else:
        prompt = f"Solve ${a}x {_const(b)} = {c}$. {WHOLE_OR_FRACTION}"
    undo = f"Subtract {b} from" if b > 0 else f"Add {-b} to"
    solution = (
        f"Undo the last operation first. {undo} both sides: "
        f"${a}{v} = {c} {_const(-b)} = {c - b}$. Then divide by {a}: "
        f"${v} = \\frac{{{c - b}}}{{{a}}} = {x}$. Check: ${a} \\times {signed(x)} "
        f"{_const(b)} = {c}$."
    )
    mistakes = {
        "divided_before_undoing_the_addition": (
            Fraction(c, a) - b,
            "You divided before taking away the added number, so only part of the left "
            "side was divided. Undo the addition or subtraction first, then divide.",
        ),
        "moved_the_number_with_the_wrong_sign": (
            Fraction(c + b, a),
            "To move a number to the other side, do the opposite operation: an added "
            "number is subtracted from both sides, a subtracted one is added.",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    return exact_variant(
        prompt=prompt, params=params, value=Fraction(x), solution=solution, mistakes=mistakes
    )
