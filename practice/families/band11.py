"""Question families for band 11 of the KL plan (positions 217 to 238): functions and their
composition, inverses, domains and graphs; parallel-line angles; circles; exponentials,
e and logarithms; sequences, sums and series; random variables, their mass functions,
expected values and joint tables.

Every family draws its numbers from ``rng`` and computes the answer in code: integers or
:class:`fractions.Fraction` where the answer is exact, floats (to 3 significant figures)
where a root, a power of e or a logarithm makes it irrational. Each named mistake is the
value that mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import product

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
    values_variant,
)
from practice.questions import Variant

LOWEST = "Give a whole number or a fraction in lowest terms."
SIG3 = "Give your answer to 3 significant figures."


def _nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` other than 0."""
    while True:
        n = draw(rng, low, high)
        if n != 0:
            return n


def _linear(a: int | Fraction, b: int | Fraction, x: str = "x") -> str:
    """``a x + b`` in LaTeX, with signs and ones written as a student would: ``3x - 4``."""
    a, b = Fraction(a), Fraction(b)
    if a == 1:
        head = x
    elif a == -1:
        head = f"-{x}"
    else:
        head = f"{frac(a)}{x}" if a > 0 else f"-{frac(-a)}{x}"
    if b == 0:
        return head
    return f"{head} + {frac(b)}" if b > 0 else f"{head} - {frac(-b)}"


def _plus(c: int | Fraction) -> str:
    """`` + c`` or `` - |c|`` to follow a term in LaTeX (nothing for 0)."""
    c = Fraction(c)
    if c == 0:
        return ""
    return f" + {frac(c)}" if c > 0 else f" - {frac(-c)}"


def _reduced(top: int, bottom: int) -> str:
    """``top/bottom`` in LaTeX, followed by its lowest terms when they differ."""
    out = f"\\frac{{{top}}}{{{bottom}}}"
    value = Fraction(top, bottom)
    return out if value.denominator == bottom else f"{out} = {frac(value)}"


def _sig3(x: float) -> str:
    """``x`` rounded to 3 significant figures and written out in full: ``5630``."""
    return format(float(f"{x:.3g}"), "g")


def _shift(var: str, h: int) -> str:
    """``(x - h)`` with the sign of ``h`` folded in: ``(x + 3)`` for h = -3, ``x`` for 0."""
    if h == 0:
        return var
    return f"({var} - {h})" if h > 0 else f"({var} + {-h})"


# ----------------------------------------------------------- 217. function composition


@family("compose_at_a_number")
def compose_at_a_number(rng: np.random.Generator) -> Variant:
    """f(g(k)) for a linear f and a quadratic g: inner function first."""
    a, b = _nonzero(rng, -5, 5), _nonzero(rng, -9, 9)
    c = _nonzero(rng, -6, 6)
    k = _nonzero(rng, -4, 4)
    outer_first = bool(rng.integers(2))

    def f(x: int) -> int:
        return a * x + b

    def g(x: int) -> int:
        return x * x + c

    if outer_first:
        asked, inner, outer, name = "f(g", g(k), f(g(k)), ("g", "f")
        wrong_order = g(f(k))
    else:
        asked, inner, outer, name = "g(f", f(k), g(f(k)), ("f", "g")
        wrong_order = f(g(k))
    prompt = (
        f"Let $f(x) = {_linear(a, b)}$ and $g(x) = x^2{_plus(c)}$. Find ${asked}({k}))$. {WHOLE}"
    )
    inner_name, outer_name = name
    solution = (
        f"Work from the inside out. First ${inner_name}({k}) = {inner}$. Then feed that "
        f"into ${outer_name}$: ${outer_name}({inner}) = {outer}$. So ${asked}({k})) = "
        f"{outer}$."
    )
    mistakes = {
        "composed_in_the_wrong_order": (
            wrong_order,
            "You applied the outer function first. In a composition the function written "
            "nearest the input acts first: work out the inner bracket, then feed the result "
            "to the outer function.",
        ),
        "multiplied_the_functions": (
            f(k) * g(k),
            "You multiplied the two functions' values. A composition feeds one function's "
            "output into the other; it is not a product.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "k": k, "outer_first": outer_first}
    return integer_variant(
        prompt=prompt, params=params, value=outer, solution=solution, mistakes=mistakes
    )


@family("compose_two_linear_functions")
def compose_two_linear_functions(rng: np.random.Generator) -> Variant:
    """The slope and intercept of f(g(x)) for two linear functions."""
    a, b = _nonzero(rng, -6, 6), _nonzero(rng, -9, 9)
    c, d = _nonzero(rng, -6, 6), _nonzero(rng, -9, 9)
    slope, intercept = a * c, a * d + b
    prompt = (
        f"Let $f(x) = {_linear(a, b)}$ and $g(x) = {_linear(c, d)}$. Write "
        f"$(f \\circ g)(x)$ as $mx + n$ and give $m$ and $n$, separated by a comma "
        f"(e.g. `6, -1`)."
    )
    solution = (
        f"$(f \\circ g)(x) = f(g(x))$: put $g(x)$ wherever $f$ has $x$. "
        f"$f({_linear(c, d)}) = {a}({_linear(c, d)}){_plus(b)} = "
        f"{_linear(slope, a * d)}{_plus(b)} = {_linear(slope, intercept)}$. So "
        f"$m = {slope}$ and $n = {intercept}$."
    )
    mistakes = {
        "composed_in_the_wrong_order": (
            (slope, c * b + d),
            "That is $g(f(x))$: you put $f$ inside $g$. In $f \\circ g$ the function $g$ "
            "acts first, so substitute $g(x)$ into $f$.",
        ),
        "forgot_to_multiply_the_inner_constant": (
            (slope, d + b),
            "When $g(x)$ goes into $f$, the whole of it is multiplied by $f$'s slope, its "
            "constant too. Expand the bracket fully.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d}
    return values_variant(
        prompt=prompt,
        params=params,
        value=(slope, intercept),
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 218. corresponding angles

_CORNERS = ("upper left", "upper right", "lower left", "lower right")
_LINES = ("top", "bottom")


def _same_measure(first: str, second: str) -> bool:
    """Whether two corners at the crossings of a transversal with two parallel lines have
    the same measure: upper left matches lower right (vertical angles), upper right matches
    lower left, and each corner matches itself at the other line (corresponding angles)."""
    pairs = {"upper left": 0, "lower right": 0, "upper right": 1, "lower left": 1}
    return pairs[first] == pairs[second]


@family("angle_at_the_other_parallel")
def angle_at_the_other_parallel(rng: np.random.Generator) -> Variant:
    """An angle at one crossing found from an angle at the other: corresponding angles,
    then vertical or supplementary angles."""
    x = draw(rng, 25, 155)
    while x == 90:
        x = draw(rng, 25, 155)
    given, asked = pick(rng, _CORNERS), pick(rng, _CORNERS)
    top_given = bool(rng.integers(2))
    at, other = _LINES if top_given else _LINES[::-1]
    same = _same_measure(given, asked)
    value = x if same else 180 - x
    prompt = (
        f"Two parallel lines are crossed by a transversal that slopes up to the right. At "
        f"the {at} line, the {given} angle measures ${x}^\\circ$. What is the {asked} angle "
        f"at the {other} line? Give it in degrees."
    )
    steps = f"The corresponding angle, {given} at the {other} line, is also ${x}^\\circ$."
    if asked == given:
        steps += f" That is the angle asked for: ${x}^\\circ$."
    elif same:
        steps += f" The {asked} angle is vertically opposite it, so it is equal: ${x}^\\circ$."
    else:
        steps += (
            f" The {asked} angle sits beside it on a straight line, so the two add to "
            f"$180^\\circ$: $180 - {x} = {value}$, so ${value}^\\circ$."
        )
    message_equal = (
        "Not every angle at the other line equals the one given: only the corresponding "
        "angle and the one vertically opposite it do. An angle beside it on the same "
        "straight line is supplementary."
    )
    message_supplement = (
        "That angle is not beside the given one on a straight line. Move the given angle "
        "to the other line by corresponding angles first, then see whether the angle asked "
        "is vertically opposite it or next to it."
    )
    mistake = (
        ("took_every_angle_as_equal", x, message_equal)
        if not same
        else ("took_the_supplement", 180 - x, message_supplement)
    )
    params = {"x": x, "given": given, "asked": asked, "top_given": top_given}
    return integer_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=steps,
        unit="degrees",
        mistakes={mistake[0]: mistake[1:]},
    )


@family("corresponding_angles_solve_for_x")
def corresponding_angles_solve_for_x(rng: np.random.Generator) -> Variant:
    """Corresponding angles (ax + b)° and (cx + d)° at parallel lines are equal: find x."""
    while True:
        x = draw(rng, 6, 30)
        a, c = draw(rng, 2, 9), draw(rng, 2, 9)
        if a == c:
            continue
        angle = draw(rng, 30, 150)
        b, d = angle - a * x, angle - c * x
        if angle != 90 and abs(b) <= 120 and abs(d) <= 120 and b != 0 and d != 0:
            break
    prompt = (
        f"A transversal crosses two parallel lines. Two corresponding angles measure "
        f"$({_linear(a, b)})^\\circ$ and $({_linear(c, d)})^\\circ$. Find $x$. "
        f"{LOWEST}"
    )
    solution = (
        f"Corresponding angles at parallel lines are equal, so ${_linear(a, b)} = "
        f"{_linear(c, d)}$. Gather the $x$ terms: ${_linear(a - c, 0)} = {d - b}$, so "
        f"$x = {frac(Fraction(d - b, a - c))}$. Check: both angles are ${angle}^\\circ$."
    )
    mistakes = {
        "made_them_supplementary": (
            Fraction(180 - b - d, a + c),
            "You made the two angles add to $180^\\circ$. Corresponding angles at "
            "parallel lines are equal: set the two expressions equal to each other.",
        ),
        "gave_the_angle": (
            Fraction(angle),
            "That is the size of the angle. The question asks for $x$: stop once "
            "you have solved the equation for $x$.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d}
    return exact_variant(
        prompt=prompt, params=params, value=Fraction(x), solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------ 219. discrete random variables


@family("heads_count_probability")
def heads_count_probability(rng: np.random.Generator) -> Variant:
    """P(X = k) for X the number of heads in n fair tosses, by listing the outcomes."""
    n = draw(rng, 3, 5)
    k = draw(rng, 1, n - 1)
    ways = math.comb(n, k)
    value = Fraction(ways, 2**n)
    prompt = (
        f"A fair coin is tossed {n} times and $X$ is the number of heads. Find "
        f"$P(X = {k})$. {LOWEST}"
    )
    solution = (
        f"There are $2^{n} = {2**n}$ equally likely sequences of heads and tails. $X = {k}$ "
        f"for every sequence with heads in exactly {k} of the {n} places: there are "
        f"$\\binom{{{n}}}{{{k}}} = {ways}$ of them. So $P(X = {k}) = "
        f"{_reduced(ways, 2**n)}$."
    )
    mistakes = {
        "took_the_values_as_equally_likely": (
            Fraction(1, n + 1),
            f"$X$ takes the values 0 to {n}, but they are not equally likely: count the "
            "equally likely toss sequences that give each value.",
        ),
        "counted_one_sequence": (
            Fraction(1, 2**n),
            "That is the chance of one particular sequence. Several sequences give the same "
            "number of heads: count all of them.",
        ),
    }
    params = {"n": n, "k": k}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("dice_sum_probability")
def dice_sum_probability(rng: np.random.Generator) -> Variant:
    """P(X = s) for X the sum of two fair dice with m faces each."""
    m = pick(rng, (4, 6, 8))
    s = draw(rng, 3, 2 * m - 1)
    pairs = [(i, j) for i, j in product(range(1, m + 1), repeat=2) if i + j == s]
    value = Fraction(len(pairs), m * m)
    prompt = (
        f"Two fair dice with faces numbered 1 to {m} are rolled, and $X$ is the sum of the "
        f"two numbers. Find $P(X = {s})$. {LOWEST}"
    )
    listed = ", ".join(f"({i}, {j})" for i, j in pairs)
    solution = (
        f"There are ${m} \\times {m} = {m * m}$ equally likely ordered pairs. Those with sum "
        f"{s} are {listed}: {len(pairs)} of them. So $P(X = {s}) = "
        f"{_reduced(len(pairs), m * m)}$."
    )
    mistakes = {
        "took_the_values_as_equally_likely": (
            Fraction(1, 2 * m - 1),
            f"The sum can be any of 2 to {2 * m}, but not with equal chances. Count the "
            "equally likely pairs of faces that give this sum.",
        ),
        "counted_unordered_pairs": (
            Fraction(len({tuple(sorted(p)) for p in pairs}), m * m),
            "The two dice are different dice, so (1, 2) and (2, 1) are different outcomes. "
            "Count ordered pairs.",
        ),
    }
    params = {"m": m, "s": s}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ------------------------------------------------------------------ 220. domain and range


@family("square_root_domain_boundary")
def square_root_domain_boundary(rng: np.random.Generator) -> Variant:
    """The end of the domain of sqrt(a x + b): where a x + b stops being negative."""
    a = _nonzero(rng, -6, 6)
    b = _nonzero(rng, -20, 20)
    boundary = Fraction(-b, a)
    sign = "\\ge" if a > 0 else "\\le"
    word = "smallest" if a > 0 else "largest"
    prompt = (
        f"The function $f(x) = \\sqrt{{{_linear(a, b)}}}$ accepts only the inputs for "
        f"which the number under the root is not negative. What is the {word} $x$ in its "
        f"domain? {LOWEST}"
    )
    solve = f"${a}x \\ge {-b}$"
    if a < 0:
        solve += f", and dividing by ${a}$ (negative) turns the sign round"
    solution = (
        f"Need ${_linear(a, b)} \\ge 0$, that is {solve}: $x {sign} {frac(boundary)}$. "
        f"The {word} allowed input is ${frac(boundary)}$."
    )
    mistakes = {
        "sign_slip_moving_the_constant": (
            -boundary,
            f"Moving ${frac(abs(b))}$ to the other side changes its sign. Solve "
            f"${_linear(a, b)} \\ge 0$ again step by step.",
        ),
        "did_not_divide": (
            Fraction(-b),
            "You stopped before dividing by the coefficient of $x$. Divide both sides by "
            "it to get $x$ alone.",
        ),
    }
    params = {"a": a, "b": b}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=boundary,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("excluded_input_of_a_quotient")
def excluded_input_of_a_quotient(rng: np.random.Generator) -> Variant:
    """The one real number left out of the domain of (x + c)/(a x + b)."""
    a = _nonzero(rng, -7, 7)
    b = _nonzero(rng, -15, 15)
    c = _nonzero(rng, -9, 9)
    excluded = Fraction(-b, a)
    prompt = (
        f"Which real number is not in the domain of $f(x) = \\dfrac{{{_linear(1, c)}}}"
        f"{{{_linear(a, b)}}}$? {LOWEST}"
    )
    solution = (
        f"Division by zero is impossible, so the input that makes the bottom zero is left "
        f"out: ${_linear(a, b)} = 0$ gives $x = {frac(excluded)}$. Every other real number "
        f"is allowed."
    )
    mistakes = {
        "excluded_the_zero_of_the_top": (
            Fraction(-c),
            "A zero on top is allowed: the function is just 0 there. Only a zero in the "
            "denominator must be left out.",
        ),
        "sign_slip_moving_the_constant": (
            -excluded,
            "Check the sign: put your number into the denominator and see whether it "
            "really gives 0.",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=excluded,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("range_of_a_shifted_square")
def range_of_a_shifted_square(rng: np.random.Generator) -> Variant:
    """The least (or greatest) output of a(x - h)^2 + k: the end of the range."""
    a = pick(rng, (-3, -2, -1, 1, 2, 3))
    h, k = _nonzero(rng, -8, 8), _nonzero(rng, -12, 12)
    word = "least" if a > 0 else "greatest"
    sign = "\\ge" if a > 0 else "\\le"
    coefficient = {1: "", -1: "-"}.get(a, str(a))
    prompt = (
        f"The range of $f(x) = {coefficient}{_shift('x', h)}^2{_plus(k)}$ is all "
        f"$y {sign} m$. What is $m$? {WHOLE}"
    )
    solution = (
        f"A square is never negative and is 0 at $x = {h}$. Multiplied by ${a}$ it is "
        f"{'never negative' if a > 0 else 'never positive'}, so $f(x) {sign} {k}$, with "
        f"$f({h}) = {k}$. The {word} output is {k}: the range is $y {sign} {k}$."
    )
    mistakes = {
        "gave_the_input": (
            h,
            "That is the input where the extreme output happens. The range is about "
            "outputs: put that input into the function.",
        ),
        "read_the_shift_with_its_sign_flipped": (
            -k,
            "The constant added at the end is the extreme output as it stands, with its "
            "own sign: nothing flips it.",
        ),
    }
    params = {"a": a, "h": h, "k": k}
    return integer_variant(
        prompt=prompt, params=params, value=k, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------ 221. equation of a circle


@family("circle_centre_and_radius")
def circle_centre_and_radius(rng: np.random.Generator) -> Variant:
    """Centre and radius of x^2 + y^2 + D x + E y + F = 0, by completing the squares."""
    h, k = _nonzero(rng, -7, 7), _nonzero(rng, -7, 7)
    r = draw(rng, 2, 9)
    d, e, f = -2 * h, -2 * k, h * h + k * k - r * r
    prompt = (
        f"Find the centre $(h, k)$ and the radius $r$ of the circle "
        f"$x^2 + y^2{_plus(d)}x{_plus(e)}y{_plus(f)} = 0$. Give $h$, $k$ and $r$ "
        f"separated by commas."
    )
    solution = (
        f"Complete each square: $x^2{_plus(d)}x = {_shift('x', h)}^2 - {h * h}$ and "
        f"$y^2{_plus(e)}y = {_shift('y', k)}^2 - {k * k}$. The equation becomes "
        f"${_shift('x', h)}^2 + {_shift('y', k)}^2 = {h * h} + {k * k}{_plus(-f)} = "
        f"{r * r}$, so the centre is $({h}, {k})$ and $r = \\sqrt{{{r * r}}} = {r}$. "
        f"Answer: {h}, {k}, {r}."
    )
    mistakes = {
        "centre_signs_flipped": (
            (-h, -k, r),
            "The centre's coordinates have the opposite signs to the numbers inside the "
            "brackets: $(x - h)^2$ has $+h$ as its coordinate. Check your signs.",
        ),
        "radius_not_square_rooted": (
            (h, k, r * r),
            "The number on the right of $(x - h)^2 + (y - k)^2 = r^2$ is the radius "
            "squared. Take its square root.",
        ),
    }
    params = {"h": h, "k": k, "r": r}
    return values_variant(
        prompt=prompt, params=params, value=(h, k, r), solution=solution, mistakes=mistakes
    )


@family("circle_through_a_point")
def circle_through_a_point(rng: np.random.Generator) -> Variant:
    """r^2 for the circle with a given centre that passes through a given point."""
    h, k = draw(rng, -6, 6), draw(rng, -6, 6)
    px, py = draw(rng, -9, 9), draw(rng, -9, 9)
    dx, dy = px - h, py - k
    value = dx * dx + dy * dy
    prompt = (
        f"A circle has centre $({h}, {k})$ and passes through the point $({px}, {py})$. "
        f"Its equation is ${_shift('x', h)}^2 + {_shift('y', k)}^2 = c$. What is $c$? "
        f"{WHOLE}"
    )
    solution = (
        f"$c$ is the radius squared, the squared distance from the centre to the point: "
        f"$({px} - {signed(h)})^2 + ({py} - {signed(k)})^2 = {signed(dx)}^2 + "
        f"{signed(dy)}^2 = {dx * dx} + {dy * dy} = {value}$."
    )
    mistakes = {
        "added_the_centre_coordinates": (
            (px + h) ** 2 + (py + k) ** 2,
            "The distance from the centre uses the differences of the coordinates: "
            "subtract the centre from the point, do not add.",
        ),
        "did_not_square_the_differences": (
            dx + dy,
            "Each difference must be squared before adding: the equation holds the "
            "distance squared, by Pythagoras.",
        ),
    }
    params = {"h": h, "k": k, "px": px, "py": py}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ---------------------------------------------------------- 222. exponential functions


@family("exponential_function_value")
def exponential_function_value(rng: np.random.Generator) -> Variant:
    """f(n) = a b^n for whole a, b and n: the starting value times n factors of b."""
    a, b, n = draw(rng, 2, 9), draw(rng, 2, 5), draw(rng, 2, 5)
    value = a * b**n
    prompt = f"Let $f(x) = {a} \\cdot {b}^x$. Find $f({n})$. {WHOLE}"
    factors = " \\times ".join([str(b)] * n)
    solution = (
        f"The power comes first: ${b}^{n} = {factors} = {b**n}$. Then "
        f"$f({n}) = {a} \\times {b**n} = {value}$."
    )
    mistakes = {
        "multiplied_before_the_power": (
            (a * b) ** n,
            f"The exponent belongs to ${b}$ alone, not to ${a} \\cdot {b}$: work out the "
            "power first, then multiply by the starting value.",
        ),
        "grew_by_adding": (
            a + b * n,
            "An exponential function multiplies by the same factor at each step; it does "
            "not add a fixed amount. Multiply by the base once per step.",
        ),
    }
    params = {"a": a, "b": b, "n": n}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


_GROWING = (
    ("A town has {a} people and grows by {p}% each year.", "people", "years"),
    ("A savings account holds {a} dollars and earns {p}% interest each year.", "dollars", "years"),
    ("A colony of {a} bacteria grows by {p}% every hour.", "bacteria", "hours"),
)


@family("percent_growth_after_steps")
def percent_growth_after_steps(rng: np.random.Generator) -> Variant:
    """a (1 + p/100)^n, or a (1 - p/100)^n for decay, to 3 significant figures."""
    a = pick(rng, (500, 800, 1200, 2000, 5000))
    decay = bool(rng.integers(2))
    while True:  # far enough from the added-each-step amount to tell them apart
        p, n = draw(rng, 4, 25), draw(rng, 3, 10)
        b = Fraction(100 - p if decay else 100 + p, 100)
        if abs(float(b) ** n - (1 + (float(b) - 1) * n)) > 0.05 * float(b) ** n:
            break
    if decay:
        text, unit, steps = (
            "A car worth {a} dollars loses {p}% of its value each year.",
            "dollars",
            "years",
        )
    else:
        text, unit, steps = pick(rng, _GROWING)
    value = a * float(b) ** n
    linear = a * (1 + (float(b) - 1) * n)
    prompt = f"{text.format(a=a, p=p)} How many {unit} are there after {n} {steps}? {SIG3}"
    solution = (
        f"Each step multiplies by ${float(b):g}$, so after {n} {steps} the amount is "
        f"${a} \\times {float(b):g}^{{{n}}} \\approx {value:.6g}$, about {_sig3(value)} {unit}."
    )
    mistakes = {
        "changed_by_the_same_amount_each_step": (
            linear,
            f"You took {p}% of the starting amount every time. Each step changes the "
            "amount it starts from, so multiply by the same factor once per step.",
        ),
        "used_the_percent_as_the_factor": (
            a * (p / 100) ** n,
            f"The factor is not {p}% itself but what is left after the change: 1 plus or "
            "minus the percent as a decimal.",
        ),
    }
    params = {"a": a, "p": p, "n": n, "decay": decay}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )
