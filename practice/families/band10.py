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
    integer_variant,
    number_variant,
    pick,
    polynomial,
    shuffled_choice_variant,
    signed,
    term,
    values_variant,
)
from practice.questions import Variant

WHOLE_OR_FRACTION = "Give a whole number or a fraction in lowest terms."


def _nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` other than 0."""
    while True:
        n = draw(rng, low, high)
        if n:
            return n


def _signed_frac(x: Fraction | int) -> str:
    """``x`` in LaTeX as a fraction with its sign in front: ``-\\frac{1}{2}``."""
    x = Fraction(x)
    return f"-{frac(-x)}" if x < 0 else frac(x)


def _const(n: int) -> str:
    """``n`` as a LaTeX term after another one: ``+ 4`` or ``- 4`` (nothing for 0)."""
    return term(n) if n else ""


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
            "of x are multiplied, so their exponents add.",
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
    return f"${left} {_SIGNS[sign]} {_signed_frac(right)}$"


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
            "The minus sign belongs to the number that multiplies x. Undo the whole "
            "number, minus sign included, and then turn the inequality sign round."
        )
    else:
        choices["flipped_without_a_negative"] = _inequality("x", _FLIP[sign], bound)
        messages["flipped_without_a_negative"] = _NO_FLIP
        choices["did_the_same_operation"] = _inequality("x", sign, wrong)
        messages["did_the_same_operation"] = (
            "To get x alone, do the opposite of what is done to x: undo an addition "
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
        hint=(
            f"Ask what is done to $x$ in ${left}$ and undo it on both sides. Is the number you "
            "multiply or divide by negative?"
        ),
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


@family("proportion_unknown_below")
def proportion_unknown_below(rng: np.random.Generator) -> Variant:
    """The unknown in a bottom: ``b / x = c / d``, so ``c x = b d``."""
    while True:
        c, d = draw(rng, 2, 12), draw(rng, 2, 15)
        b = draw(rng, 2, 20)
        if c != d and b != c and (b * d) % c == 0 and math.gcd(c, d) < c:
            break
    value = Fraction(b * d, c)
    prompt = (
        f"Solve the proportion $\\frac{{{b}}}{{x}} = \\frac{{{c}}}{{{d}}}$. {WHOLE_OR_FRACTION}"
    )
    solution = (
        f"Cross-multiply: ${c}x = {b} \\times {d} = {b * d}$. Divide by {c}: "
        f"$x = \\frac{{{b * d}}}{{{c}}} = {frac(value)}$. Check: "
        f"$\\frac{{{b}}}{{{frac(value)}}}$ and $\\frac{{{c}}}{{{d}}}$ are both "
        f"${frac(Fraction(c, d))}$."
    )
    mistakes = {
        "cross_multiplied_the_wrong_pair": (
            Fraction(b * c, d),
            "Multiply along the diagonals: each top times the other fraction's bottom. "
            "Here the unknown sits in a bottom, so it pairs with the other top.",
        ),
        "added_the_difference": (
            Fraction(b + d - c),
            "A proportion keeps the ratio the same, not the difference: the numbers scale "
            "by multiplying. Cross-multiply instead.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"b": b, "c": c, "d": d},
        value=value,
        solution=solution,
        mistakes=mistakes,
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


@family("two_step_equation_with_division")
def two_step_equation_with_division(rng: np.random.Generator) -> Variant:
    """``x/a + b = c`` or ``(x + b)/a = c``: the brackets change which step is undone
    first."""
    a = draw(rng, 2, 9)
    b = _nonzero(rng, -15, 15)
    q = draw(rng, -9, 12)
    bracketed = bool(rng.integers(2))
    if bracketed:
        x = a * q - b
        c = q
        equation = f"\\frac{{x {_const(b)}}}{{{a}}} = {c}"
        solution = (
            f"The bracket on top was added to first, then divided by {a}, so undo the "
            f"division first: multiply both sides by {a} to get $x {_const(b)} = {a * c}$. "
            f"Then {'subtract' if b > 0 else 'add'} {abs(b)}: $x = {a * c} {_const(-b)} "
            f"= {x}$. Check: $\\frac{{{x} {_const(b)}}}{{{a}}} = \\frac{{{x + b}}}{{{a}}} "
            f"= {c}$."
        )
        wrong = a * (c - b)
        message = (
            "The whole top, x and the added number together, is divided. Multiply both "
            "sides by the bottom number first, then undo the addition."
        )
    else:
        x = a * q
        c = q + b
        equation = f"\\frac{{x}}{{{a}}} {_const(b)} = {c}"
        solution = (
            f"Here $x$ was divided by {a}, then {abs(b)} was "
            f"{'added' if b > 0 else 'taken away'}, so undo that first: "
            f"$\\frac{{x}}{{{a}}} = {c} {_const(-b)} = {c - b}$. Then multiply by {a}: "
            f"$x = {c - b} \\times {a} = {x}$. Check: ${x} \\div {a} {_const(b)} = {c}$."
        )
        wrong = a * c - b
        message = (
            "Only x is divided, not the added number. Undo the addition or subtraction "
            "first, then multiply by the bottom number."
        )
    mistakes = {
        "undid_in_the_wrong_order": (Fraction(wrong), message),
        "divided_instead_of_multiplying": (
            Fraction(c - b, a) if not bracketed else Fraction(c, a) - b,
            "Dividing undoes multiplying. Here x is divided by a number, so multiply both "
            "sides by it.",
        ),
    }
    return exact_variant(
        prompt=f"Solve ${equation}$. {WHOLE_OR_FRACTION}",
        params={"a": a, "b": b, "c": c, "bracketed": bracketed},
        value=Fraction(x),
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------- 199. factoring by GCF and by grouping


@family("greatest_common_factor_of_terms")
def greatest_common_factor_of_terms(rng: np.random.Generator) -> Variant:
    """The greatest common factor ``g x^k`` of two or three terms ``c_i x^(p_i)``: the
    gcd of the coefficients and the smallest power."""
    g = draw(rng, 2, 8)
    count = draw(rng, 2, 3)
    while True:
        cofactors = [draw(rng, 1, 9) * pick(rng, (1, 1, -1)) for _ in range(count)]
        powers = sorted({draw(rng, 1, 6) for _ in range(count)}, reverse=True)
        if len(powers) == count and math.gcd(*cofactors) == 1 and cofactors[0] > 0:
            break
    coefficients = [g * c for c in cofactors]
    k = min(powers)

    def written(coefs: list[int], shift: int) -> str:
        """The terms ``c x^(p - shift)`` as a polynomial, highest power first."""
        top = powers[0] - shift
        dense = [0] * (top + 1)
        for c, p in zip(coefs, powers, strict=True):
            dense[top - (p - shift)] = c
        return polynomial(dense)

    expression, factored = written(coefficients, 0), written(cofactors, k)
    gcf = polynomial([g] + [0] * k)
    prompt = (
        f"The greatest common factor of ${expression}$ is $cx^k$. Give $c$ and $k$, "
        f"separated by a comma (for example: 4, 2)."
    )
    sizes = ", ".join(str(abs(c)) for c in coefficients)
    solution = (
        f"The largest whole number dividing {sizes} is {g}, and the smallest power of $x$ "
        f"in every term is ${polynomial([1] + [0] * k)}$. So the greatest common factor "
        f"is ${gcf}$, and "
        f"${expression} = {gcf}({factored})$: $c = {g}$, $k = {k}$."
    )
    smallest = min(abs(c) for c in coefficients)
    mistakes = {
        "took_the_highest_power": (
            (g, max(powers)),
            "A factor of every term can only use the power of x that every term has: "
            "take the smallest power, not the largest.",
        ),
    }
    if not all(c % smallest == 0 for c in coefficients):
        mistakes["took_the_smallest_coefficient"] = (
            (smallest, k),
            "The smallest coefficient does not divide all the others. Look for the largest "
            "number that divides every coefficient exactly.",
        )
    else:
        mistakes["took_a_smaller_common_factor"] = (
            (min(p for p in range(2, g + 1) if g % p == 0), k) if g > 2 else (1, k),
            "That number divides every coefficient, but it is not the greatest one. Check "
            "whether a larger number divides them all.",
        )
    params = {"coefficients": coefficients, "powers": powers}
    return values_variant(
        prompt=prompt,
        params=params,
        value=(g, k),
        solution=solution,
        mistakes=mistakes,
        hint=(
            "Look for the largest whole number that divides every coefficient exactly, then "
            "for the lowest power of $x$ that appears in every term."
        ),
    )


@family("factor_by_grouping")
def factor_by_grouping(rng: np.random.Generator) -> Variant:
    """``x^3 + q x^2 + p x + pq = (x^2 + p)(x + q)``: factor each pair, then the shared
    bracket."""
    p, q = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
    while p == q:
        q = _nonzero(rng, -9, 9)
    expression = f"x^3 {term(q, 'x^2')} {term(p, 'x')} {_const(p * q)}"
    prompt = (
        f"Factor ${expression}$ by grouping. It becomes $(x^2 + a)(x + b)$: give $a$ and "
        f"$b$, separated by a comma."
    )
    solution = (
        f"Group the first two and the last two terms. The first pair has the factor "
        f"$x^2$: $x^3 {term(q, 'x^2')} = x^2(x {_const(q)})$. The second pair has the "
        f"factor ${p}$: ${term(p, 'x', first=True)} {_const(p * q)} = {p}(x {_const(q)})$. "
        f"Both contain $(x {_const(q)})$, so ${expression} = (x^2 {_const(p)})"
        f"(x {_const(q)})$: $a = {p}$, $b = {q}$."
    )
    mistakes = {
        "lost_the_sign_of_the_second_factor": (
            (-p, q),
            "Check the sign of the second pair's common factor: multiplied back into the "
            "bracket it must give that pair exactly, signs included.",
        ),
        "took_the_constant_term": (
            (p * q, q),
            "The constant term is the product of both numbers. Factor the last pair to see "
            "which number multiplies the shared bracket.",
        ),
    }
    params = {"p": p, "q": q}
    return values_variant(
        prompt=prompt, params=params, value=(p, q), solution=solution, mistakes=mistakes
    )


# -------------------------------------------------- 200. solving multi-step equations


@family("multi_step_equation")
def multi_step_equation(rng: np.random.Generator) -> Variant:
    """``a(x + b) + c x = d``: distribute, combine the x terms, then two steps."""
    while True:
        a, c = draw(rng, 2, 7), _nonzero(rng, -6, 6)
        b, x = _nonzero(rng, -9, 9), draw(rng, -8, 12)
        if a + c not in (0, 1) and a != c:
            break
    d = a * (x + b) + c * x
    equation = f"{a}(x {_const(b)}) {term(c, 'x')} = {d}"
    both = a + c
    solution = (
        f"Distribute the {a} over both terms in the bracket: ${a}x {_const(a * b)} "
        f"{term(c, 'x')} = {d}$. Combine the $x$ terms: ${term(both, 'x', first=True)} "
        f"{_const(a * b)} = {d}$. {'Subtract' if a * b > 0 else 'Add'} {abs(a * b)}: "
        f"${term(both, 'x', first=True)} = {d - a * b}$. Divide by {both}: $x = {x}$. "
        f"Check: ${a} \\times ({signed(x)} {_const(b)}) {'+' if c > 0 else '-'} {abs(c)} "
        f"\\times {signed(x)} = {d}$."
    )
    mistakes = {
        "multiplied_only_the_first_term": (
            Fraction(d - b, both),
            "The number in front of the bracket multiplies every term inside it, not just "
            "the first one.",
        ),
        "dropped_a_sign_when_combining": (
            Fraction(d - a * b, a - c),
            "Combine the x terms with their signs: add the numbers in front of x as "
            "they stand, a minus sign included.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d}
    return exact_variant(
        prompt=f"Solve ${equation}$. {WHOLE_OR_FRACTION}",
        params=params,
        value=Fraction(x),
        solution=solution,
        mistakes=mistakes,
    )


# ----------------------------------------- 201. equations with variables on both sides


@family("variables_on_both_sides")
def variables_on_both_sides(rng: np.random.Generator) -> Variant:
    """``a x + b = c x + d``: gather the x terms on one side, the numbers on the other."""
    while True:
        a, c = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
        x, b = draw(rng, -9, 9), _nonzero(rng, -15, 15)
        if a > 0 and abs(a - c) > 1 and a + c != 0:
            break
    d = a * x + b - c * x
    left, right = (
        f"{term(a, 'x', first=True)} {_const(b)}",
        f"{term(c, 'x', first=True)} {_const(d)}",
    )
    solution = (
        f"{'Subtract' if c > 0 else 'Add'} ${term(abs(c), 'x', first=True)}$ "
        f"{'from' if c > 0 else 'to'} both sides to "
        f"gather the $x$ terms on the left: ${term(a - c, 'x', first=True)} {_const(b)} = {d}$. "
        f"Then {'subtract' if b > 0 else 'add'} {abs(b)}: "
        f"${term(a - c, 'x', first=True)} = {d - b}$, and divide by {a - c}: $x = {x}$. "
        f"Check: both sides are {a * x + b} at $x = {x}$."
    )
    mistakes = {
        "added_the_x_term_across": (
            Fraction(d - b, a + c),
            "Moving a term to the other side means doing the opposite operation on both "
            "sides: subtract the x term you move if it was added.",
        ),
        "moved_the_number_with_its_sign": (
            Fraction(d + b, a - c),
            "When the number moves across, its sign changes: subtract it from both sides "
            "if it was added, add it if it was subtracted.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d}
    return exact_variant(
        prompt=f"Solve ${left} = {right}$. {WHOLE_OR_FRACTION}",
        params=params,
        value=Fraction(x),
        solution=solution,
        mistakes=mistakes,
    )


_HOW_MANY = {
    "one": "Exactly one solution",
    "none": "No solution",
    "all": "Infinitely many solutions (every number works)",
}


@family("how_many_solutions")
def how_many_solutions(rng: np.random.Generator) -> Variant:
    """Whether ``a(x + k) + e = a x + f`` has one solution, none, or every number, once
    the x terms cancel or do not."""
    a, k = draw(rng, 2, 6), _nonzero(rng, -6, 6)
    e = _nonzero(rng, -9, 9)
    case = pick(rng, ("one", "none", "all"))
    slope = a if case != "one" else a + pick(rng, (-1, 1)) * draw(rng, 1, 2)
    f = a * k + e if case == "all" else a * k + e + _nonzero(rng, -5, 5)
    left = f"{a}(x {_const(k)}) {_const(e)}"
    right = f"{term(slope, 'x', first=True)} {_const(f)}"
    simplified = f"{a}x {_const(a * k + e)}"
    if case == "one":
        x = Fraction(f - a * k - e, a - slope)
        ending = (
            f"the $x$ terms do not cancel: ${term(a - slope, 'x', first=True)} = "
            f"{f - a * k - e}$, so there is exactly one solution, $x = {_signed_frac(x)}$."
        )
    elif case == "none":
        ending = (
            f"subtracting ${a}x$ from both sides leaves ${a * k + e} = {f}$, which is "
            f"false whatever $x$ is: no solution."
        )
    else:
        ending = (
            f"both sides are the same expression; subtracting ${a}x$ leaves "
            f"${a * k + e} = {f}$, true for every $x$: infinitely many solutions."
        )
    solution = f"Distribute: the left side is ${simplified}$. Compared with ${right}$, {ending}"
    wrong_zero = (
        "When the x terms cancel, no x is left to equal anything, so x = 0 is not "
        "the point: what matters is whether the numbers left over make a true statement."
    )
    messages = {
        "one": wrong_zero,
        "none": (
            "Look at what is left once the x terms are gathered: a true statement means "
            "every number works, a false one that none does, and leftover x terms mean "
            "one solution."
        ),
        "all": (
            "Only a statement that stays true for every x gives infinitely many "
            "solutions. Check what is left after the x terms are gathered."
        ),
    }
    if case == "one":
        messages["none"] = messages["all"] = (
            "The numbers in front of x differ on the two sides, so the x terms do not "
            "cancel: gather them and solve for the one value."
        )
    choices = {"right": _HOW_MANY[case]}
    choices |= {code: _HOW_MANY[code] for code in _HOW_MANY if code != case}
    codes = {
        code: f"thought_{code}" if code != "one" else "thought_cancelling_gives_one"
        for code in _HOW_MANY
    }
    choices = {("right" if c == "right" else codes[c]): label for c, label in choices.items()}
    params = {"a": a, "k": k, "e": e, "slope": slope, "f": f, "case": case}
    return shuffled_choice_variant(
        rng,
        prompt=f"How many solutions does ${left} = {right}$ have?",
        params=params,
        choices=choices,
        solution=solution,
        messages={codes[c]: m for c, m in messages.items() if c != case},
        hint=f"Multiply out ${left}$, then compare the numbers in front of $x$ on the two sides.",
    )


# --------------------------------------------- 202. factoring quadratic trinomials


def _two_distinct(rng: np.random.Generator, size: int) -> tuple[int, int]:
    """Two different non-zero whole numbers from ``-size`` to ``size``, smaller first,
    whose sum is not 0 (so the trinomial has a middle term)."""
    while True:
        p, q = _nonzero(rng, -size, size), _nonzero(rng, -size, size)
        if p != q and p + q != 0:
            return min(p, q), max(p, q)


@family("factor_monic_trinomial")
def factor_monic_trinomial(rng: np.random.Generator) -> Variant:
    """``x^2 + b x + c = (x + p)(x + q)``: two numbers with product c and sum b."""
    p, q = _two_distinct(rng, 10)
    b, c = p + q, p * q
    prompt = (
        f"Factor ${polynomial([1, b, c])}$ as $(x + p)(x + q)$. Give $p$ and $q$, smaller "
        f"first, separated by a comma."
    )
    solution = (
        f"Look for two numbers whose product is {c} and whose sum is {b}: {p} and {q}, "
        f"since ${signed(p)} \\times {signed(q)} = {c}$ and ${p} + {signed(q)} = {b}$. "
        f"So ${polynomial([1, b, c])} = (x {_const(p)})(x {_const(q)})$."
    )
    mistakes = {
        "gave_the_roots_instead": (
            (-q, -p),
            "Those numbers have the right size but the wrong signs: they make the "
            "brackets zero. Write the numbers that sit inside the brackets, which add to "
            "the middle coefficient.",
        ),
    }
    params = {"b": b, "c": c}
    return values_variant(
        prompt=prompt, params=params, value=(p, q), solution=solution, mistakes=mistakes
    )


def _binomial(a: int, n: int) -> str:
    """``(a x + n)`` in LaTeX."""
    return f"({term(a, 'x', first=True)} {_const(n)})"


@family("factor_trinomial_leading_coefficient")
def factor_trinomial_leading_coefficient(rng: np.random.Generator) -> Variant:
    """``a x^2 + b x + c = (a x + m)(x + n)``, with a prime leading coefficient: pick the
    factorisation among ones with the constants swapped, the signs wrong, or the leading
    coefficient dropped."""
    a = pick(rng, (2, 3, 5, 7))
    while True:
        m, n = _nonzero(rng, -7, 7), _nonzero(rng, -7, 7)
        if m != n and m % a and a * n + m != 0 and a * m + n != 0 and math.gcd(m, a) == 1:
            break
    b, c = a * n + m, m * n
    right = f"${_binomial(a, m)}{_binomial(1, n)}$"
    choices = {
        "right": right,
        "swapped_the_constants": f"${_binomial(a, n)}{_binomial(1, m)}$",
        "wrong_signs": f"${_binomial(a, -m)}{_binomial(1, -n)}$",
        "dropped_the_leading_coefficient": f"${_binomial(1, m)}{_binomial(1, n)}$",
    }
    trinomial = polynomial([a, b, c])
    solution = (
        f"Multiply out each option and compare with ${trinomial}$. For {right}: the first "
        f"terms give ${a}x^2$, the last terms ${signed(m)} \\times {signed(n)} = {c}$, and "
        f"the middle terms ${a} \\times {signed(n)} + {signed(m)} = {b}$, so the $x$ term "
        f"is ${term(b, 'x', first=True)}$, as it should be. In the ac method: "
        f"$a \\times c = {a * c}$, split ${term(b, 'x', first=True)}$ into "
        f"${term(a * n, 'x', first=True)} {term(m, 'x')}$ and group."
    )
    swapped_middle = a * m + n
    messages = {
        "swapped_the_constants": (
            f"The first and last terms match, but check the middle term: multiplied out, "
            f"that option gives {term(swapped_middle, 'x', first=True)}. The constant that "
            f"goes with {a}x matters."
        ),
        "wrong_signs": (
            "Multiply that option out: the middle term comes out with the opposite sign. "
            "The signs in the brackets must give the middle term's sign too."
        ),
        "dropped_the_leading_coefficient": (
            f"Multiply that option out: its first term is x², not {a}x². The leading "
            f"coefficient has to appear in one of the brackets."
        ),
    }
    params = {"a": a, "m": m, "n": n}
    return shuffled_choice_variant(
        rng,
        prompt=f"Which is the factored form of ${trinomial}$?",
        params=params,
        choices=choices,
        solution=solution,
        messages=messages,
        hint=(
            "Multiply each option out. The first and last terms are easy to check; the middle "
            "term decides."
        ),
    )


# ---------------------------------------------------------- 203. Pythagorean theorem

_TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29))
SIG3 = "Give the answer to 3 significant figures (a whole number if it comes out whole)."


@family("pythagorean_missing_side")
def pythagorean_missing_side(rng: np.random.Generator) -> Variant:
    """The hypotenuse from two legs, or a leg from the hypotenuse and the other leg."""
    if rng.integers(2):
        a, b, c = pick(rng, _TRIPLES)
        k = draw(rng, 1, 3)
        a, b, c = a * k, b * k, c * k
        if rng.integers(2):
            a, b = b, a
    else:
        a, b = draw(rng, 2, 15), draw(rng, 2, 15)
        c = draw(rng, max(a, b) + 1, a + b - 1)
    find_leg = bool(rng.integers(2))
    unit = pick(rng, ("cm", "m", "km"))
    if find_leg:
        value = math.sqrt(c * c - a * a)
        prompt = (
            f"A right triangle has hypotenuse {c} {unit} and one leg {a} {unit}. How long "
            f"is the other leg, in {unit}? {SIG3}"
        )
        solution = (
            f"The hypotenuse is the longest side, so $a^2 + b^2 = c^2$ gives "
            f"$b^2 = {c}^2 - {a}^2 = {c * c} - {a * a} = {c * c - a * a}$ and "
            f"$b = \\sqrt{{{c * c - a * a}}} \\approx {value:.4g}$ {unit}."
        )
        mistakes = {
            "added_the_squares_for_a_leg": (
                math.sqrt(c * c + a * a),
                "Adding the squares gives the hypotenuse, the longest side. Here the "
                "hypotenuse is known, so subtract the other leg's square from its square.",
            ),
            "subtracted_without_squaring": (
                c - a,
                "The theorem is about the squares of the sides, not the sides. Square, "
                "subtract, then take the square root.",
            ),
            "forgot_the_square_root": (
                c * c - a * a,
                "That is the square of the leg. Take its square root to get the length.",
            ),
        }
        params = {"hypotenuse": c, "leg": a, "find": "leg"}
    else:
        value = math.sqrt(a * a + b * b)
        prompt = (
            f"The two shorter sides of a right triangle are {a} {unit} and {b} {unit}. How "
            f"long is the hypotenuse, in {unit}? {SIG3}"
        )
        solution = (
            f"$c^2 = {a}^2 + {b}^2 = {a * a} + {b * b} = {a * a + b * b}$, so "
            f"$c = \\sqrt{{{a * a + b * b}}} \\approx {value:.4g}$ {unit}."
        )
        mistakes = {
            "added_without_squaring": (
                a + b,
                "The theorem adds the squares of the legs, not the legs. Square each leg, "
                "add, then take the square root.",
            ),
            "forgot_the_square_root": (
                a * a + b * b,
                "That is the square of the hypotenuse. Take its square root to get the length.",
            ),
        }
        params = {"a": a, "b": b, "find": "hypotenuse"}
    if float(value).is_integer():
        solution = solution.replace(f"\\approx {value:.4g}", f"= {int(value)}")
    return number_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=(
            "The hypotenuse is the longest side: subtract the square of the known leg from its "
            "square."
            if find_leg
            else "Square both legs and add them."
        ),
    )


@family("is_it_a_right_triangle")
def is_it_a_right_triangle(rng: np.random.Generator) -> Variant:
    """The converse: do three sides make a right angle (``a^2 + b^2 = c^2`` for the
    longest ``c``)?"""
    a, b, c = pick(rng, _TRIPLES)
    k = draw(rng, 1, 3)
    sides = [a * k, b * k, c * k]
    right = bool(rng.integers(2))
    if not right:
        sides[2] += pick(rng, (-1, 1))
    order = [sides[int(i)] for i in rng.permutation(3)]
    x, y, z = sorted(order)
    shown = ", ".join(str(s) for s in order)
    answers = {"yes": "Yes, it has a right angle", "no": "No, it has no right angle"}
    if right:
        choices = {"right": answers["yes"], "used_a_shorter_side_as_c": answers["no"]}
        messages = {
            "used_a_shorter_side_as_c": (
                "Only the longest side can be the hypotenuse. Compare the squares of the "
                "two shorter sides, added, with the square of the longest."
            )
        }
    else:
        choices = {"right": answers["no"], "judged_by_eye": answers["yes"]}
        messages = {
            "judged_by_eye": (
                "Close is not enough: the sum of the two smaller squares must equal the "
                "largest square exactly. Work out both and compare."
            )
        }
    verdict = (
        "equal, so by the converse of the theorem it is a right triangle"
        if right
        else "not equal, so it is not a right triangle"
    )
    solution = (
        f"The longest side is {z}. ${x}^2 + {y}^2 = {x * x} + {y * y} = {x * x + y * y}$ "
        f"and ${z}^2 = {z * z}$: {verdict}."
    )
    return shuffled_choice_variant(
        rng,
        prompt=f"A triangle has sides {shown}. Is it a right triangle?",
        params={"sides": order},
        choices=choices,
        solution=solution,
        messages=messages,
        hint=(
            "Square the two shorter sides and add; compare with the square of the longest side, "
            f"{z}."
        ),
    )


# ------------------------------------------------------------------ 204. angle pairs

_PAIR_TOTAL = {"complementary": 90, "supplementary": 180}


@family("angle_pair_partner")
def angle_pair_partner(rng: np.random.Generator) -> Variant:
    """The other angle of a complementary, supplementary or vertical pair."""
    kind = pick(rng, ("complementary", "supplementary", "vertical"))
    angle = draw(rng, 12, 78) if kind == "complementary" else draw(rng, 15, 165)
    if kind == "vertical":
        while angle == 90:
            angle = draw(rng, 15, 165)
        value = angle
        prompt = (
            f"Two straight lines cross. One of the four angles they make is "
            f"${angle}^\\circ$. What is the angle vertically opposite it, in degrees?"
        )
        solution = (
            f"Vertical angles are equal: each is ${180}^\\circ$ minus the same neighbour, "
            f"so the opposite angle is also ${angle}^\\circ$."
        )
        mistakes = {
            "took_the_neighbouring_angle": (
                180 - angle,
                "That is the angle beside it, which makes a straight line with it. The "
                "vertically opposite angle is across the crossing point, and it is equal.",
            )
        }
    else:
        total = _PAIR_TOTAL[kind]
        other = 270 - total  # the other pair's total
        value = total - angle
        prompt = (
            f"Two angles are {kind}. One measures ${angle}^\\circ$. What does the other "
            f"measure, in degrees?"
        )
        solution = (
            f"{kind.capitalize()} angles add to ${total}^\\circ$: "
            f"${total} - {angle} = {value}$, so the other angle is ${value}^\\circ$."
        )
        mistakes = {}
        if other > angle:
            mistakes["mixed_up_90_and_180"] = (
                other - angle,
                f"Complementary angles add to 90 degrees and supplementary ones to 180. "
                f"Check which total goes with {kind} angles.",
            )
        mistakes["subtracted_from_360"] = (
            360 - angle,
            f"A full turn is 360 degrees, but {kind} angles make up a "
            f"{'right angle' if total == 90 else 'straight line'}: subtract from that "
            f"total instead.",
        )
    return integer_variant(
        prompt=prompt,
        params={"kind": kind, "angle": angle},
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="degrees",
    )


@family("angle_pair_equation")
def angle_pair_equation(rng: np.random.Generator) -> Variant:
    """``x`` from angles ``(a x + b)`` and ``(c x + d)`` that are supplementary,
    complementary or vertical."""
    kind = pick(rng, ("complementary", "supplementary", "vertical"))
    while True:
        a, c = draw(rng, 2, 6), draw(rng, 1, 5)
        x = draw(rng, 3, 30)
        b = draw(rng, -15, 20)
        first = a * x + b
        if kind == "vertical":
            if a == c:
                continue
            d = first - c * x
            second = first
        else:
            second = _PAIR_TOTAL[kind] - first
            d = second - c * x
        if 5 <= first <= 175 and 5 <= second <= 175 and d != 0 and b != 0:
            break
    one, two = f"({a}x {_const(b)})^\\circ", f"({term(c, 'x', first=True)} {_const(d)})^\\circ"
    if kind == "vertical":
        prompt = f"Two crossing lines make vertical angles ${one}$ and ${two}$. Find $x$."
        solution = (
            f"Vertical angles are equal: ${a}x {_const(b)} = {term(c, 'x', first=True)} "
            f"{_const(d)}$. Gather $x$: ${a - c}x = {d - b}$, so $x = {x}$ (each angle is "
            f"${first}^\\circ$)."
        )
        mistakes = {
            "added_to_180": (
                Fraction(180 - b - d, a + c),
                "Vertical angles sit opposite each other across the crossing and are "
                "equal; they do not make a straight line. Set them equal.",
            )
        }
    else:
        total = _PAIR_TOTAL[kind]
        prompt = f"The angles ${one}$ and ${two}$ are {kind}. Find $x$."
        solution = (
            f"{kind.capitalize()} angles add to ${total}^\\circ$: "
            f"$({a}x {_const(b)}) + ({term(c, 'x', first=True)} {_const(d)}) = {total}$, so "
            f"${a + c}x {_const(b + d)} = {total}$, ${a + c}x = {total - b - d}$ and "
            f"$x = {x}$. Check: ${first} + {second} = {total}$."
        )
        mistakes = {
            "used_the_other_total": (
                Fraction(270 - total - b - d, a + c),
                "Complementary angles add to 90 degrees and supplementary ones to 180: use "
                f"the total that goes with {kind} angles.",
            ),
        }
        if a != c:
            mistakes["set_the_angles_equal"] = (
                Fraction(d - b, a - c),
                f"{kind.capitalize()} angles need not be equal; it is their sum that is "
                f"fixed. Add the two expressions and set the sum equal to the total.",
            )
    return exact_variant(
        prompt=prompt + f" {WHOLE_OR_FRACTION}",
        params={"kind": kind, "a": a, "b": b, "c": c, "d": d},
        value=Fraction(x),
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------- 205. linear equations in two variables


def _standard_form(a: int, b: int, c: int) -> str:
    """``a x + b y = c`` in LaTeX."""
    return f"{term(a, 'x', first=True)} {term(b, 'y')} = {c}"


@family("intercepts_of_a_line")
def intercepts_of_a_line(rng: np.random.Generator) -> Variant:
    """The x- and y-intercepts of ``a x + b y = c``: set the other variable to 0."""
    while True:
        a, b = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
        c = _nonzero(rng, -36, 36)
        if a > 0 and abs(a) != abs(b) and abs(c) != 1:
            break
    x0, y0 = Fraction(c, a), Fraction(c, b)
    equation = _standard_form(a, b, c)
    prompt = (
        f"Where does the line ${equation}$ cross the axes? Give the $x$-intercept, then "
        f"the $y$-intercept, separated by a comma (whole numbers or fractions)."
    )
    solution = (
        f"On the $x$-axis $y = 0$, so ${a}x = {c}$ and $x = {frac(x0)}$. On the "
        f"$y$-axis $x = 0$, so ${b}y = {c}$ and $y = {frac(y0)}$. The line "
        f"crosses at $({_signed_frac(x0)}, 0)$ and $(0, {_signed_frac(y0)})$."
    )
    mistakes = {
        "divided_the_wrong_way": (
            (Fraction(a, c), Fraction(b, c)),
            "You divided the coefficient by the constant. From ax = c, divide both sides "
            "by the coefficient a to get x alone.",
        ),
        "used_the_other_coefficient": (
            (Fraction(c, b), Fraction(c, a)),
            "Each intercept comes from setting the other variable to 0: on the x-axis "
            "the y term vanishes, so divide by the coefficient of x.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c},
        value=(x0, y0),
        solution=solution,
        mistakes=mistakes,
        hint="On the $x$-axis, $y = 0$; on the $y$-axis, $x = 0$. Put each in and solve.",
    )


@family("solve_for_y_at_x")
def solve_for_y_at_x(rng: np.random.Generator) -> Variant:
    """The ``y`` that pairs with a given ``x`` on ``a x + b y = c``."""
    while True:
        a, b = _nonzero(rng, -8, 8), _nonzero(rng, -8, 8)
        x, c = draw(rng, -6, 6), _nonzero(rng, -30, 30)
        if abs(b) > 1 and a > 0:
            break
    value = Fraction(c - a * x, b)
    equation = _standard_form(a, b, c)
    prompt = f"The point $({x}, y)$ lies on the line ${equation}$. What is $y$? {WHOLE_OR_FRACTION}"
    solution = (
        f"Put $x = {x}$ into the equation: ${a} \\times {signed(x)} {term(b, 'y')} = {c}$, "
        f"so ${a * x} {term(b, 'y')} = {c}$. "
        f"{f'Subtract {a * x} from' if a * x >= 0 else f'Add {-a * x} to'} both sides: "
        f"${term(b, 'y', first=True)} = {c - a * x}$. Divide by {b}: "
        f"$y = {frac(value)}$."
    )
    mistakes = {
        "forgot_to_divide": (
            Fraction(c - a * x),
            f"That is {term(b, 'y', first=True)}, not y. Divide by the coefficient of "
            f"y as the last step.",
        ),
        "added_instead_of_subtracting": (
            Fraction(c + a * x, b),
            "To move the x term's value to the other side, subtract it from both sides "
            "(subtracting a negative number adds).",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "x": x},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# --------------------------------------------- 206. simplifying rational expressions


@family("simplify_rational_expression")
def simplify_rational_expression(rng: np.random.Generator) -> Variant:
    """``(x + p)(x + q) / (x + p)`` written as a trinomial over a binomial: pick the
    simplified form with its excluded value."""
    p, q = _two_distinct(rng, 8)
    if rng.integers(2):
        p, q = q, p
    top = polynomial([1, p + q, p * q])
    restriction = f"x \\ne {-p}"
    choices = {
        "right": f"$x {_const(q)}$, for ${restriction}$",
        "forgot_the_excluded_value": f"$x {_const(q)}$, for every $x$",
        "excluded_the_wrong_sign": f"$x {_const(q)}$, for $x \\ne {p}$",
        "cancelled_terms_not_factors": f"$x {term(p + q, 'x')} {_const(q)}$",
    }
    solution = (
        f"Factor the top: ${top} = (x {_const(p)})(x {_const(q)})$, since "
        f"${signed(p)} \\times {signed(q)} = {p * q}$ and ${p} + {signed(q)} = {p + q}$. "
        f"Cancel the common factor $(x {_const(p)})$ to leave $x {_const(q)}$. The "
        f"original is undefined where $x {_const(p)} = 0$, at $x = {-p}$, so the "
        f"simplified form holds for ${restriction}$."
    )
    messages = {
        "forgot_the_excluded_value": (
            f"At x = {-p} the original expression divides by zero, while x {_const(q)} "
            f"does not. Keep that value out to say the two are equal."
        ),
        "excluded_the_wrong_sign": (
            f"Exclude the value that makes the denominator zero: solve x {_const(p)} = 0."
        ),
        "cancelled_terms_not_factors": (
            "Only a factor of the whole top and the whole bottom can cancel, not single "
            "terms. Factor the top first, then cancel a bracket."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"Simplify $\\dfrac{{{top}}}{{x {_const(p)}}}$.",
        params={"p": p, "q": q},
        choices=choices,
        solution=solution,
        messages={k: m for k, m in messages.items() if k in choices},
        hint=f"Find two numbers with product {p * q} and sum {p + q} to factor the top.",
    )


@family("excluded_values_of_rational_expression")
def excluded_values_of_rational_expression(rng: np.random.Generator) -> Variant:
    """The values of ``x`` where ``(x + k) / (x^2 + b x + c)`` is undefined: the roots
    of the denominator."""
    p, q = _two_distinct(rng, 9)
    k = _nonzero(rng, -9, 9)
    while k in (p, q):
        k = _nonzero(rng, -9, 9)
    bottom = polynomial([1, p + q, p * q])
    low, high = sorted((-p, -q))
    prompt = (
        f"For which values of $x$ is $\\dfrac{{x {_const(k)}}}{{{bottom}}}$ undefined? "
        f"Give both, smaller first, separated by a comma."
    )
    solution = (
        f"A fraction is undefined where its denominator is zero. Factor it: ${bottom} = "
        f"(x {_const(p)})(x {_const(q)})$. It is zero when $x {_const(p)} = 0$ or "
        f"$x {_const(q)} = 0$, that is at $x = {low}$ and $x = {high}$."
    )
    mistakes = {
        "read_the_numbers_in_the_brackets": (
            (min(p, q), max(p, q)),
            "Those are the numbers inside the brackets. The excluded values are the ones "
            "that make each bracket zero: solve x + p = 0 for each.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"p": p, "q": q, "k": k},
        value=(low, high),
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 207. linear inequalities


@family("inequality_with_x_on_both_sides")
def inequality_with_x_on_both_sides(rng: np.random.Generator) -> Variant:
    """``a x + b < c x + d``: gather x on the left; dividing by a negative ``a - c``
    turns the sign round. Pick the solution set."""
    sign = pick(rng, tuple(_SIGNS))
    while True:
        a, c = draw(rng, -6, 9), draw(rng, -6, 9)
        bound, b = draw(rng, -9, 9), _nonzero(rng, -12, 12)
        if a != c and abs(a - c) > 1 and a and c and bound:
            break
    k = a - c
    d = k * bound + b
    flips = k < 0
    right_sign = _FLIP[sign] if flips else sign
    choices = {"right": _inequality("x", right_sign, bound)}
    if flips:
        choices["kept_the_sign"] = _inequality("x", sign, bound)
        messages = {"kept_the_sign": _KEEP_SIGN}
    else:
        choices["flipped_without_a_negative"] = _inequality("x", _FLIP[sign], bound)
        messages = {"flipped_without_a_negative": _NO_FLIP}
    wrong = Fraction(d + b, k)
    if wrong != bound:
        choices["moved_the_number_with_its_sign"] = _inequality("x", right_sign, wrong)
        messages["moved_the_number_with_its_sign"] = (
            "When a number moves to the other side its sign changes: subtract it from "
            "both sides if it was added."
        )
    left = f"{term(a, 'x', first=True)} {_const(b)}"
    right = f"{term(c, 'x', first=True)} {_const(d)}"
    move = (
        f"Subtract ${term(c, 'x', first=True)}$ from"
        if c > 0
        else f"Add ${term(-c, 'x', first=True)}$ to"
    )
    solution = (
        f"{move} both sides: ${term(k, 'x', first=True)} {_const(b)} {_SIGNS[sign]} {d}$. "
        f"{'Subtract' if b > 0 else 'Add'} {abs(b)}: ${term(k, 'x', first=True)} "
        f"{_SIGNS[sign]} {d - b}$. Divide by {k}"
        + (", a negative number, so the sign turns round" if flips else "")
        + f": $x {_SIGNS[right_sign]} {bound}$."
    )
    params = {"a": a, "b": b, "c": c, "d": d, "sign": sign}
    return shuffled_choice_variant(
        rng,
        prompt=f"Solve ${left} {_SIGNS[sign]} {right}$. Which is the solution set?",
        params=params,
        choices=choices,
        solution=solution,
        messages=messages,
        hint=(
            f"{move} both sides first. If you then divide by a negative number, the sign turns "
            "round."
        ),
    )


@family("greatest_integer_solution")
def greatest_integer_solution(rng: np.random.Generator) -> Variant:
    """The greatest integer with ``a x + b < c`` (or ``<=``), ``a`` positive."""
    a = draw(rng, 2, 9)
    b = _nonzero(rng, -20, 20)
    strict = bool(rng.integers(2))
    c = b + a * draw(rng, -6, 10) + (draw(rng, 1, a - 1) if rng.integers(2) else 0)
    limit = Fraction(c - b, a)
    value = math.floor(limit)
    if strict and limit == value:
        value -= 1
    sign = "<" if strict else "<="
    prompt = (
        f"What is the greatest integer $x$ with ${a}x {_const(b)} {_SIGNS[sign]} {c}$? "
        f"Give an integer."
    )
    solution = (
        f"{'Subtract' if b > 0 else 'Add'} {abs(b)}: ${a}x {_SIGNS[sign]} {c - b}$. Divide "
        f"by {a}: $x {_SIGNS[sign]} {frac(limit)}$. The greatest integer "
        f"{'below' if strict else 'up to'} ${frac(limit)}$ is {value}. Check: "
        f"${a} \\times {signed(value)} {_const(b)} = {a * value + b}$, and "
        f"${a * value + b} {_SIGNS[sign]} {c}$."
    )
    mistakes = {}
    if strict and limit.denominator == 1:
        mistakes["included_the_boundary"] = (
            int(limit),
            "The sign is strict: the boundary value itself makes both sides equal, which is "
            "not less than. Take the next whole number below it.",
        )
    mistakes["moved_the_number_with_its_sign"] = (
        math.floor(Fraction(c + b, a)),
        "When a number moves to the other side its sign changes: subtract it from both "
        "sides if it was added, add it if it was subtracted.",
    )
    if limit.denominator != 1:
        mistakes["rounded_up_past_the_limit"] = (
            math.ceil(limit),
            "That number is above the boundary, so it does not satisfy the inequality. "
            "Take the greatest integer that stays below the boundary.",
        )
    return integer_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "strict": strict},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=(
            "Solve for the boundary as if it were an equation, then ask which integers satisfy "
            f"${_SIGNS[sign]}$."
        ),
    )


# ------------------------------------------------ 208. solving quadratics by factoring


@family("quadratic_roots_by_factoring")
def quadratic_roots_by_factoring(rng: np.random.Generator) -> Variant:
    """The roots of ``x^2 + b x + c = 0`` (sometimes written ``x^2 + b x = -c``) by the
    zero product property."""
    p, q = _two_distinct(rng, 9)
    b, c = p + q, p * q
    rearrange = bool(rng.integers(2))
    if rearrange:
        equation = f"x^2 {term(b, 'x')} = {-c}"
        first = f"Move everything to one side: ${polynomial([1, b, c])} = 0$. "
    else:
        equation = f"{polynomial([1, b, c])} = 0"
        first = ""
    low, high = sorted((-p, -q))
    prompt = (
        f"Solve ${equation}$ by factoring. Give both solutions, smaller first, separated "
        f"by a comma."
    )
    solution = (
        f"{first}Two numbers with product {c} and sum {b} are {p} and {q}, so "
        f"$(x {_const(p)})(x {_const(q)}) = 0$. A product is zero only when a factor is: "
        f"$x {_const(p)} = 0$ or $x {_const(q)} = 0$, so $x = {low}$ or $x = {high}$."
    )
    mistakes = {
        "kept_the_signs_from_the_brackets": (
            (min(p, q), max(p, q)),
            "Those numbers sit inside the brackets. A solution makes its bracket zero: "
            "solve x + p = 0, which changes the sign.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"b": b, "c": c, "rearranged": rearrange},
        value=(low, high),
        solution=solution,
        mistakes=mistakes,
        hint=(
            "Find two numbers whose product is the constant term and whose sum is the "
            "coefficient of $x$; each bracket is zero at one solution."
        ),
    )


@family("zero_product_needs_zero")
def zero_product_needs_zero(rng: np.random.Generator) -> Variant:
    """``x(x + b) = k`` with ``k`` not zero: expand, move k across, factor again; setting
    each factor to ``k`` or to 0 straight away is the trap."""
    while True:
        r, s = _two_distinct(rng, 9)
        b, k = -(r + s), -(r * s)
        if k and b and (r, s) != (0, -b) and 0 not in (r, s):
            break
    prompt = (
        f"Solve $x(x {_const(b)}) = {k}$. Give both solutions, smaller first, separated by a comma."
    )
    solution = (
        f"The zero product property needs 0 on one side, so expand and rearrange first: "
        f"$x^2 {term(b, 'x')} {_const(-k)} = 0$. Two numbers with product {-k} and sum {b} are "
        f"{-r} and {-s}, so $(x {_const(-r)})(x {_const(-s)}) = 0$ and $x = {r}$ or "
        f"$x = {s}$. Check: ${signed(r)} \\times ({r} {_const(b)}) = {k}$."
    )
    mistakes = {
        "set_each_factor_to_zero_anyway": (
            tuple(sorted((0, -b))),
            f"Those values make the left side 0, not {k}. The zero product property only "
            f"works when the product equals 0: move {k} across first.",
        ),
        "set_each_factor_to_the_right_side": (
            tuple(sorted((k, k - b))),
            f"Two factors multiplying to {k} need not each be {k}. Rearrange so that one "
            f"side is 0, then factor.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"b": b, "k": k},
        value=(r, s),
        solution=solution,
        mistakes=mistakes,
    )


# -------------------------------------------------------------- 209. distance formula


def _point(x: int, y: int) -> str:
    return f"({x}, {y})"


@family("distance_between_points")
def distance_between_points(rng: np.random.Generator) -> Variant:
    """The distance between two grid points, a root to 3 significant figures."""
    while True:
        x1, y1, x2, y2 = (draw(rng, -9, 9) for _ in range(4))
        dx, dy = x2 - x1, y2 - y1
        if dx and dy and abs(dx) != abs(dy):
            break
    value = math.hypot(dx, dy)
    square = dx * dx + dy * dy
    prompt = f"How far apart are the points ${_point(x1, y1)}$ and ${_point(x2, y2)}$? {SIG3}"
    shown = f"= {int(value)}" if value.is_integer() else f"\\approx {value:.4g}"
    solution = (
        f"The horizontal gap is ${x2} - {signed(x1)} = {dx}$ and the vertical gap "
        f"${y2} - {signed(y1)} = {dy}$. They are the legs of a right triangle, so "
        f"$d = \\sqrt{{{signed(dx)}^2 + {signed(dy)}^2}} = \\sqrt{{{dx * dx} + {dy * dy}}} "
        f"= \\sqrt{{{square}}} {shown}$."
    )
    mistakes = {
        "added_the_gaps": (
            abs(dx) + abs(dy),
            "That is the distance walking along the grid lines. The straight-line distance "
            "is the hypotenuse: square the gaps, add, then take the square root.",
        ),
        "forgot_the_square_root": (
            square,
            "That is the square of the distance. Take its square root.",
        ),
        "added_the_coordinates": (
            math.hypot(x1 + x2, y1 + y2),
            "The formula uses the differences of the coordinates, x₂ - x₁ and "
            "y₂ - y₁, not their sums.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"p": [x1, y1], "q": [x2, y2]},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


_SCALED_TRIPLES = tuple((a * k, b * k) for a, b, _ in _TRIPLES[:3] for k in (1, 2))


@family("missing_coordinate_from_distance")
def missing_coordinate_from_distance(rng: np.random.Generator) -> Variant:
    """The y-coordinate of a point a whole distance from a given one, above it."""
    run, rise = pick(rng, _SCALED_TRIPLES)
    if rng.integers(2):
        run, rise = rise, run
    distance = math.isqrt(run * run + rise * rise)
    x1, y1 = draw(rng, -8, 8), draw(rng, -8, 8)
    x2 = x1 + run * pick(rng, (-1, 1))
    y2 = y1 + rise
    prompt = (
        f"The point $({x2}, y)$ is {distance} units from ${_point(x1, y1)}$, and it lies "
        f"above it. What is $y$? Give a whole number."
    )
    solution = (
        f"The horizontal gap is $|{x2} - {signed(x1)}| = {run}$. The distance formula gives "
        f"${run}^2 + (y - {signed(y1)})^2 = {distance}^2$, so "
        f"$(y - {signed(y1)})^2 = {distance * distance} - {run * run} = {rise * rise}$ and "
        f"the vertical gap is {rise}. Above the point: $y = {y1} + {rise} = {y2}$."
    )
    mistakes = {
        "subtracted_the_gaps": (
            y1 + distance - run,
            "Distances do not subtract like that: square the distance and the horizontal "
            "gap, subtract the squares, then take the square root.",
        ),
        "gave_the_vertical_gap": (
            rise,
            f"{rise} is how far up the point is. Add it to the starting y-coordinate.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"x1": x1, "y1": y1, "x2": x2, "distance": distance},
        value=y2,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------- 210. two-column proofs

_PROPERTIES = {
    "add": "Addition Property of Equality",
    "subtract": "Subtraction Property of Equality",
    "multiply": "Multiplication Property of Equality",
    "divide": "Division Property of Equality",
    "distribute": "Distributive Property",
}
_INVERSE = {"add": "subtract", "subtract": "add", "multiply": "divide", "divide": "multiply"}


@family("reason_for_a_proof_step")
def reason_for_a_proof_step(rng: np.random.Generator) -> Variant:
    """The property that justifies one step of a two-column proof of an equation."""
    step = pick(rng, tuple(_PROPERTIES))
    a, b, x = draw(rng, 2, 9), draw(rng, 2, 12), draw(rng, 2, 9)
    if step == "subtract":
        before, after = f"{a}x + {b} = {a * x + b}", f"{a}x = {a * x}"
        how = f"{b} was subtracted from both sides"
    elif step == "add":
        before, after = f"{a}x - {b} = {a * x - b}", f"{a}x = {a * x}"
        how = f"{b} was added to both sides"
    elif step == "divide":
        before, after = f"{a}x = {a * x}", f"x = {x}"
        how = f"both sides were divided by {a}"
    elif step == "multiply":
        before, after = f"\\frac{{x}}{{{a}}} = {x}", f"x = {a * x}"
        how = f"both sides were multiplied by {a}"
    else:
        before, after = f"{a}(x + {b}) = {a * (x + b)}", f"{a}x + {a * b} = {a * (x + b)}"
        how = f"the {a} was multiplied into each term of the bracket"
    choices = {"right": _PROPERTIES[step]}
    messages = {}
    if step in _INVERSE:
        seen = _INVERSE[step]
        choices["named_the_operation_seen"] = _PROPERTIES[seen]
        messages["named_the_operation_seen"] = (
            "The reason names what was done to both sides, not the operation already "
            "in the equation. Compare the two lines: what changed, and how?"
        )
        choices["named_a_property_of_expressions"] = _PROPERTIES["distribute"]
        messages["named_a_property_of_expressions"] = (
            "Nothing was multiplied into a bracket here. The step did the same thing to "
            "both sides of the equation: name that property of equality."
        )
    else:
        choices["called_it_multiplication"] = _PROPERTIES["multiply"]
        messages["called_it_multiplication"] = (
            "Multiplying both sides by a number would change both sides. Here only the "
            "left side was rewritten, by multiplying into a bracket."
        )
        choices["called_it_division"] = _PROPERTIES["divide"]
        messages["called_it_division"] = (
            "Nothing was divided. The bracket was multiplied out, which rewrites one side "
            "without changing its value."
        )
    solution = f"From ${before}$ to ${after}$, {how}. That is justified by the {_PROPERTIES[step]}."
    return shuffled_choice_variant(
        rng,
        prompt=(
            f"In a two-column proof, the statement ${before}$ is followed by ${after}$. "
            f"Which reason belongs beside the second statement?"
        ),
        params={"step": step, "a": a, "b": b, "x": x},
        choices=choices,
        solution=solution,
        messages=messages,
        hint=(
            "Compare the two statements: what was done to both sides (or to one side) to get from"
            " the first to the second?"
        ),
    )


@family("proof_missing_statements")
def proof_missing_statements(rng: np.random.Generator) -> Variant:
    """The right-hand sides of statements 3 and 4 of a proof that solves
    ``a(x + b) = c``: distribute, subtract, divide."""
    a, x = draw(rng, 2, 9), draw(rng, -6, 12)
    b = _nonzero(rng, -9, 9)
    c = a * (x + b)
    prompt = (
        f"Complete the proof.\n\n"
        f"| Statement | Reason |\n| --- | --- |\n"
        f"| 1. ${a}(x {_const(b)}) = {c}$ | Given |\n"
        f"| 2. ${a}x {_const(a * b)} = {c}$ | Distributive Property |\n"
        f"| 3. ${a}x = p$ | {'Subtraction' if b > 0 else 'Addition'} Property of Equality |\n"
        f"| 4. $x = q$ | Division Property of Equality |\n\n"
        f"Give $p$ and $q$, separated by a comma."
    )
    solution = (
        f"Statement 3 {'subtracts' if b > 0 else 'adds'} {abs(a * b)} "
        f"{'from' if b > 0 else 'to'} both sides: "
        f"$p = {c} {_const(-a * b)} = {c - a * b}$. Statement 4 divides both sides by {a}: "
        f"$q = {c - a * b} \\div {a} = {x}$."
    )
    mistakes = {
        "moved_the_number_with_its_sign": (
            (c + a * b, Fraction(c + a * b, a)),
            "A number that was added is removed by subtracting it from both sides, and one "
            "that was subtracted by adding it.",
        ),
        "did_not_distribute_the_constant": (
            (c - b, Fraction(c - b, a)),
            f"Statement 2 already multiplied the {a} into the bracket: the number to remove "
            f"is the one in statement 2, not the one in the bracket.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c},
        value=(c - a * b, x),
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------ 211. arcs and central angles


@family("arc_length_from_angle")
def arc_length_from_angle(rng: np.random.Generator) -> Variant:
    """The length of the arc cut off by a central angle: ``θ/360 · 2πr``."""
    theta = pick(rng, (20, 30, 40, 45, 60, 72, 80, 100, 120, 135, 150, 210, 240, 270, 300))
    r = draw(rng, 2, 15)
    value = theta / 360 * 2 * math.pi * r
    share = Fraction(theta, 360)
    unit = pick(rng, ("cm", "m", "mm"))
    prompt = (
        f"A circle has radius {r} {unit}. How long is the arc cut off by a central angle "
        f"of ${theta}^\\circ$, in {unit}? {SIG3}"
    )
    solution = (
        f"The arc is $\\frac{{{theta}}}{{360}} = {frac(share)}$ of the circumference, and "
        f"the circumference is $2\\pi \\times {r} = {2 * r}\\pi$. So the arc is "
        f"${frac(share)} \\times {2 * r}\\pi = {frac(share * 2 * r)}\\pi \\approx "
        f"{value:.4g}$ {unit}."
    )
    mistakes = {
        "used_the_area_formula": (
            theta / 360 * math.pi * r * r,
            "That is the area of the slice (πr²). An arc is a length: take the "
            "fraction of the circumference 2πr.",
        ),
        "forgot_the_two": (
            theta / 360 * math.pi * r,
            "The circumference is 2πr, not πr: one full turn around a circle "
            "is twice the radius times pi.",
        ),
        "used_the_angle_as_radians": (
            theta * r,
            "Multiplying the radius by the angle only works with the angle in radians. In "
            "degrees, take the fraction θ/360 of the circumference.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"theta": theta, "r": r},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("central_angle_from_arc")
def central_angle_from_arc(rng: np.random.Generator) -> Variant:
    """The central angle, in degrees, that cuts off an arc of length ``s`` from a circle
    of radius ``r``: ``θ = 360 s / (2πr)``."""
    r = draw(rng, 3, 20)
    s = draw(rng, 2, 5 * r)
    value = 360 * s / (2 * math.pi * r)
    prompt = (
        f"An arc of length {s} cm lies on a circle of radius {r} cm. What central angle "
        f"does it cut off, in degrees? {SIG3}"
    )
    solution = (
        f"The whole circumference is $2\\pi \\times {r} \\approx {2 * math.pi * r:.4g}$ cm. "
        f"The arc is $\\frac{{{s}}}{{2\\pi \\times {r}}}$ of it, so the angle is that "
        f"fraction of $360^\\circ$: $\\theta = \\frac{{360 \\times {s}}}{{2\\pi \\times {r}}} "
        f"\\approx {value:.4g}^\\circ$."
    )
    mistakes = {
        "gave_radians": (
            s / r,
            "Arc length divided by radius is the angle in radians. The question asks for "
            "degrees: take that fraction of the circumference of 360°.",
        ),
        "forgot_the_two": (
            360 * s / (math.pi * r),
            "The circumference is 2πr. Divide the arc by the full circumference.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"s": s, "r": r},
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="degrees",
    )


# ----------------------------------------------------------- 212. completing the square


@family("complete_the_square_constant")
def complete_the_square_constant(rng: np.random.Generator) -> Variant:
    """The number that makes ``x^2 + b x`` a perfect square: ``(b/2)^2``."""
    b = _nonzero(rng, -14, 14)
    while abs(b) < 3:
        b = _nonzero(rng, -14, 14)
    half = Fraction(b, 2)
    value = half * half
    prompt = (
        f"What number must be added to $x^2 {term(b, 'x')}$ to make a perfect square "
        f"$(x + h)^2$? {WHOLE_OR_FRACTION}"
    )
    squared = (
        f"{signed(int(half))}^2" if half.denominator == 1 else f"\\left({frac(half)}\\right)^2"
    )
    solution = (
        f"$(x + h)^2 = x^2 + 2hx + h^2$, so $2h = {b}$ and $h = {frac(half)}$. The number "
        f"to add is $h^2 = {squared} = {frac(value)}$: "
        f"$x^2 {term(b, 'x')} + {frac(value)} = \\left(x {'+' if b > 0 else '-'} "
        f"{frac(abs(half))}\\right)^2$."
    )
    mistakes = {
        "halved_without_squaring": (
            abs(half),
            "Half the coefficient is the number inside the bracket. The number to add is "
            "its square.",
        ),
        "squared_without_halving": (
            Fraction(b * b),
            "Halve the coefficient of x first, then square: the middle term of (x + h)² is 2hx.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("vertex_form_by_completing_the_square")
def vertex_form_by_completing_the_square(rng: np.random.Generator) -> Variant:
    """``x^2 + b x + c = (x - h)^2 + k`` for even ``b``: give ``h`` and ``k``."""
    h = _nonzero(rng, -8, 8)
    c = draw(rng, -20, 20)
    b = -2 * h
    k = c - h * h
    prompt = (
        f"Write $x^2 {term(b, 'x')} {_const(c)}$ as $(x - h)^2 + k$. Give $h$ and $k$, "
        f"separated by a comma."
    )
    solution = (
        f"Half of {b} is {-h}, and ${signed(-h)}^2 = {h * h}$. Add and subtract it: "
        f"$x^2 {term(b, 'x')} + {h * h} - {h * h} {_const(c)} = (x {_const(-h)})^2 {_const(k)}$"
        f"{' + 0' if k == 0 else ''}. In the form $(x - h)^2 + k$: $h = {h}$, $k = {k}$."
    )
    mistakes = {
        "took_the_sign_from_the_bracket": (
            (-h, k),
            "In (x - h)² the bracket shows minus h: if the bracket reads (x + 3), then h = -3.",
        ),
        "added_the_square_instead_of_subtracting": (
            (h, c + h * h),
            "Adding (b/2)² to complete the square changes the value, so the same amount "
            "must be subtracted again: k = c - (b/2)².",
        ),
    }
    hint = (
        "Halve the coefficient of $x$ and square it; add that square and subtract it "
        "again, so the value does not change."
    )
    return values_variant(
        prompt=prompt,
        params={"b": b, "c": c},
        value=(h, k),
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ----------------------------------------------- 213. functions and function notation


@family("evaluate_function_notation")
def evaluate_function_notation(rng: np.random.Generator) -> Variant:
    """``f(k)`` for ``f(x) = a x^2 + b x + c``, often at a negative ``k``."""
    a = pick(rng, (1, 2, 3, -1, -2))
    b, c = draw(rng, -9, 9), draw(rng, -12, 12)
    k = _nonzero(rng, -6, 6)
    value = a * k * k + b * k + c
    rule = polynomial([a, b, c])
    prompt = f"If $f(x) = {rule}$, what is $f({k})$? Give a whole number."
    pieces = f"{a} \\times {signed(k)}^2"
    if b:
        pieces += f" + {b} \\times {signed(k)}" if b > 0 else f" - {-b} \\times {signed(k)}"
    pieces += f" {_const(c)}"
    solution = (
        f"$f({k})$ means: put {k} in place of every $x$. "
        f"$f({k}) = {pieces} = {a * k * k} {_const(b * k) if b else ''} {_const(c)} = "
        f"{value}$.".replace("  ", " ")
    )
    mistakes = {
        "doubled_instead_of_squaring": (
            a * 2 * k + b * k + c,
            "x² means x times itself, not two times x.",
        ),
    }
    if k < 0:
        mistakes["squared_without_the_sign"] = (
            -a * k * k + b * k + c,
            "A negative number squared is positive: put the whole input, sign included, in "
            "brackets before squaring.",
        )
    else:
        mistakes["multiplied_f_by_the_input"] = (
            k * (a + b + c),
            "f(3) is not f times 3: it is the output of the rule when the input is 3. "
            "Replace each x with the input.",
        )
    return integer_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=(
            "Replace every $x$ in the rule with the input, in brackets, and work out the "
            "power first."
        ),
    )


@family("input_for_a_given_output")
def input_for_a_given_output(rng: np.random.Generator) -> Variant:
    """The ``x`` with ``f(x) = t`` for a linear ``f(x) = m x + b``."""
    m = _nonzero(rng, -7, 9)
    while abs(m) == 1:
        m = _nonzero(rng, -7, 9)
    b, x = draw(rng, -12, 12), draw(rng, -8, 10)
    t = m * x + b
    rule = f"{term(m, 'x', first=True)} {_const(b)}"
    prompt = f"For $f(x) = {rule}$, find the input $x$ with $f(x) = {t}$. {WHOLE_OR_FRACTION}"
    solution = (
        f"Here the output is known and the input is not: solve ${rule} = {t}$. "
        f"${term(m, 'x', first=True)} = {t} {_const(-b)} = {t - b}$, so "
        f"$x = \\frac{{{t - b}}}{{{m}}} = {x}$. Check: $f({x}) = {m} \\times {signed(x)} "
        f"{_const(b)} = {t}$."
    )
    mistakes = {
        "evaluated_f_at_the_output": (
            Fraction(m * t + b),
            f"That is f({t}), the output for the input {t}. Here {t} is the output: set "
            f"the rule equal to it and solve for x.",
        ),
    }
    if b:
        mistakes["moved_the_number_with_its_sign"] = (
            Fraction(t + b, m),
            "To undo the added number, subtract it from both sides (add it if it was "
            "subtracted), then divide.",
        )
    return exact_variant(
        prompt=prompt,
        params={"m": m, "b": b, "t": t},
        value=Fraction(x),
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------- 214. parallel lines and transversals

_PAIR_RULE = {
    "corresponding": "equal",
    "alternate interior": "equal",
    "alternate exterior": "equal",
    "same-side interior": "supplementary",
}


@family("transversal_angle_pair")
def transversal_angle_pair(rng: np.random.Generator) -> Variant:
    """The partner of an angle in a named pair made by a transversal across two parallel
    lines: equal, or supplementary for same-side interior angles."""
    pair = pick(rng, tuple(_PAIR_RULE))
    angle = draw(rng, 25, 155)
    while angle == 90:
        angle = draw(rng, 25, 155)
    equal = _PAIR_RULE[pair] == "equal"
    value = angle if equal else 180 - angle
    prompt = (
        f"A transversal crosses two parallel lines. One angle of a pair of {pair} angles "
        f"is ${angle}^\\circ$. What is the other angle of the pair, in degrees?"
    )
    if equal:
        solution = (
            f"With parallel lines, {pair} angles are equal, so the other angle is also "
            f"${value}^\\circ$."
        )
        mistake = (
            180 - angle,
            f"{pair.capitalize()} angles are equal when the lines are parallel. Only "
            f"same-side interior angles add to 180 degrees.",
        )
    else:
        solution = (
            f"With parallel lines, same-side interior angles are supplementary: "
            f"$180 - {angle} = {value}$, so the other angle is ${value}^\\circ$."
        )
        mistake = (
            angle,
            "Same-side interior angles are not equal: they lie between the parallel lines "
            "on one side of the transversal and add to 180 degrees.",
        )
    return integer_variant(
        prompt=prompt,
        params={"pair": pair, "angle": angle},
        value=value,
        solution=solution,
        mistakes={"mixed_up_equal_and_supplementary": mistake},
        unit="degrees",
        hint=f"Decide first: are {pair} angles equal, or do they add to $180^\\circ$?",
    )


@family("transversal_solve_for_x")
def transversal_solve_for_x(rng: np.random.Generator) -> Variant:
    """``x`` from two angle expressions in a named transversal pair across parallel lines."""
    pair = pick(rng, tuple(_PAIR_RULE))
    equal = _PAIR_RULE[pair] == "equal"
    while True:
        a, c = draw(rng, 2, 7), draw(rng, 1, 6)
        x, b = draw(rng, 4, 25), draw(rng, -20, 20)
        first = a * x + b
        second = first if equal else 180 - first
        d = second - c * x
        if 10 <= first <= 170 and first != 90 and a != c and b and d:
            break
    one = f"({a}x {_const(b)})^\\circ"
    two = f"({term(c, 'x', first=True)} {_const(d)})^\\circ"
    prompt = (
        f"Two parallel lines are cut by a transversal. A pair of {pair} angles measure "
        f"${one}$ and ${two}$. Find $x$. {WHOLE_OR_FRACTION}"
    )
    if equal:
        solution = (
            f"{pair.capitalize()} angles are equal: ${a}x {_const(b)} = "
            f"{term(c, 'x', first=True)} {_const(d)}$, so ${a - c}x = {d - b}$ and $x = {x}$. "
            f"Both angles are then ${first}^\\circ$."
        )
        wrong = Fraction(180 - b - d, a + c)
        message = (
            f"{pair.capitalize()} angles across parallel lines are equal, so set the two "
            f"expressions equal rather than adding them to 180."
        )
    else:
        solution = (
            f"Same-side interior angles add to 180: $({a}x {_const(b)}) + "
            f"({term(c, 'x', first=True)} {_const(d)}) = 180$, so ${a + c}x = {180 - b - d}$ "
            f"and $x = {x}$. Check: ${first} + {second} = 180$."
        )
        wrong = Fraction(d - b, a - c)
        message = (
            "Same-side interior angles are supplementary, not equal: add the two "
            "expressions and set the sum to 180."
        )
    return exact_variant(
        prompt=prompt,
        params={"pair": pair, "a": a, "b": b, "c": c, "d": d},
        value=Fraction(x),
        solution=solution,
        mistakes={"mixed_up_equal_and_supplementary": (wrong, message)},
    )


# ----------------------------------------------------------- 215. slope-intercept form


@family("slope_intercept_from_standard_form")
def slope_intercept_from_standard_form(rng: np.random.Generator) -> Variant:
    """The slope and y-intercept of ``a x + b y = c``, by solving for ``y``."""
    while True:
        a, b = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
        c = _nonzero(rng, -30, 30)
        if abs(b) > 1 and a > 0 and abs(a) != abs(b):
            break
    m, k = Fraction(-a, b), Fraction(c, b)
    equation = _standard_form(a, b, c)
    prompt = (
        f"Write ${equation}$ in the form $y = mx + b$. Give the slope $m$, then the "
        f"$y$-intercept $b$, separated by a comma (whole numbers or fractions)."
    )
    solution = (
        f"Subtract ${term(a, 'x', first=True)}$ from both sides: "
        f"${term(b, 'y', first=True)} = {term(-a, 'x', first=True)} {_const(c)}$. Divide "
        f"every term by {b}: $y = {frac(m)}x + {frac(k)}$. So the slope is ${frac(m)}$ "
        f"and the $y$-intercept is ${frac(k)}$."
    )
    mistakes = {
        "kept_the_sign_when_moving": (
            (Fraction(a, b), k),
            "Moving the x term across the equals sign means subtracting it from both "
            "sides, so its sign changes.",
        ),
        "divided_only_the_x_term": (
            (m, Fraction(c)),
            "Divide every term by the coefficient of y, the constant as well as the x term.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c},
        value=(m, k),
        solution=solution,
        mistakes=mistakes,
    )


@family("line_through_two_points")
def line_through_two_points(rng: np.random.Generator) -> Variant:
    """The y-intercept of the line through two points: slope first, then ``b = y - m x``."""
    while True:
        m = Fraction(_nonzero(rng, -6, 6), pick(rng, (1, 1, 2, 3)))
        k = draw(rng, -10, 10)
        x1, x2 = draw(rng, -6, 6), draw(rng, -6, 6)
        y1, y2 = m * x1 + k, m * x2 + k
        if x1 != x2 and x1 and y1.denominator == 1 and y2.denominator == 1 and y1 != y2:
            break
    y1, y2 = int(y1), int(y2)
    shown_mx = f"({_signed_frac(m * x1)})" if m * x1 < 0 else _signed_frac(m * x1)
    prompt = (
        f"A line passes through ${_point(x1, y1)}$ and ${_point(x2, y2)}$. What is its "
        f"$y$-intercept $b$ in $y = mx + b$? {WHOLE_OR_FRACTION}"
    )
    solution = (
        f"The slope is $m = \\frac{{{y2} - {signed(y1)}}}{{{x2} - {signed(x1)}}} = "
        f"\\frac{{{y2 - y1}}}{{{x2 - x1}}} = {_signed_frac(m)}$. Put the first point into "
        f"$y = mx + b$: ${y1} = {_signed_frac(m)} \\times {signed(x1)} + b$, so "
        f"$b = {y1} - {shown_mx} = {frac(k)}$."
    )
    upside = Fraction(x2 - x1, y2 - y1)
    mistakes = {
        "used_run_over_rise": (
            y1 - upside * x1,
            "Slope is rise over run: the change in y divided by the change in x. Find "
            "the slope that way, then b.",
        ),
        "added_instead_of_subtracting": (
            y1 + m * x1,
            "From y = mx + b, b = y - mx: subtract mx from the point's y.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"p": [x1, y1], "q": [x2, y2]},
        value=Fraction(k),
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------------------- 216. arithmetic sequences


def _sequence_start(rng: np.random.Generator) -> tuple[int, int, list[int]]:
    """A first term, a non-zero difference, and the first four terms."""
    a1, d = draw(rng, -20, 30), _nonzero(rng, -9, 12)
    return a1, d, [a1 + i * d for i in range(4)]


@family("arithmetic_sequence_term")
def arithmetic_sequence_term(rng: np.random.Generator) -> Variant:
    """The n-th term of an arithmetic sequence from its first terms: ``a_1 + (n - 1) d``."""
    a1, d, first = _sequence_start(rng)
    n = draw(rng, 10, 60)
    value = a1 + (n - 1) * d
    listed = ", ".join(str(t) for t in first)
    prompt = f"The sequence ${listed}, \\dots$ is arithmetic. What is its term number {n}? " + (
        "Give a whole number."
    )
    solution = (
        f"The difference is $d = {first[1]} - {signed(first[0])} = {d}$. Term {n} is "
        f"{n - 1} steps after the first, so $a_{{{n}}} = {a1} + ({n} - 1) \\times "
        f"{signed(d)} = {a1} {_const((n - 1) * d)} = {value}$."
    )
    mistakes = {
        "counted_n_steps": (
            a1 + n * d,
            f"From term 1 to term {n} there are {n} - 1 steps, not {n}: the first term "
            f"already counts as one.",
        ),
        "multiplied_n_by_d_only": (
            n * d,
            "The sequence starts at its first term, not at 0: add the steps to a₁.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"a1": a1, "d": d, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("arithmetic_series_sum")
def arithmetic_series_sum(rng: np.random.Generator) -> Variant:
    """The sum of the first n terms, by pairing first with last:
    ``S_n = n (a_1 + a_n) / 2``."""
    a1, d, first = _sequence_start(rng)
    n = draw(rng, 8, 40)
    last = a1 + (n - 1) * d
    value = n * (a1 + last) // 2
    prompt = (
        f"Add the first {n} terms of the arithmetic sequence that starts "
        f"${', '.join(str(t) for t in first)}, \\dots$. Give a whole number."
    )
    solution = (
        f"The difference is {d}, so term {n} is $a_{{{n}}} = {a1} + {n - 1} \\times "
        f"{signed(d)} = {last}$. Pair the first term with the last, the second with the "
        f"one before last, and so on: every pair adds to ${a1} + {signed(last)} = "
        f"{a1 + last}$, and there are $\\frac{{{n}}}{{2}}$ pairs. So "
        f"$S_{{{n}}} = \\frac{{{n} \\times {signed(a1 + last)}}}{{2}} = {value}$."
    )
    mistakes = {
        "forgot_to_halve": (
            n * (a1 + last),
            "Pairing first with last counts each term once only if there are n/2 pairs: "
            "divide n(a₁ + aₙ) by 2.",
        ),
    }
    wrong_total = n * (2 * a1 + n * d)
    if wrong_total % 2 == 0:
        mistakes["used_n_steps_for_the_last_term"] = (
            wrong_total // 2,
            "The last term is a₁ + (n - 1)d: there are n - 1 steps from the first term to term n.",
        )
    return integer_variant(
        prompt=prompt,
        params={"a1": a1, "d": d, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )
