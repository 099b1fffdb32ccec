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
    shuffled_choice_variant,
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


def _bracketed(x: int | Fraction) -> str:
    """``x`` in LaTeX, in brackets when it is negative or a fraction: ``\\left(-3\\right)``."""
    x = Fraction(x)
    if x.denominator == 1 and x >= 0:
        return frac(x)
    return f"\\left({'-' if x < 0 else ''}{frac(abs(x))}\\right)"


def _far_apart(*values: float) -> bool:
    """Whether no two of ``values`` agree to within 2% (so a rounded answer can be told
    apart from each named mistake's value)."""
    return all(
        not math.isclose(x, y, rel_tol=0.02, abs_tol=1e-3)
        for i, x in enumerate(values)
        for y in values[i + 1 :]
    )


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
        f"In $f \\circ g$ the inner function $g$ acts first, so put $g(x)$ wherever $f$ has "
        f"$x$. "
        f"$f({_linear(c, d)}) = {a}({_linear(c, d)}){_plus(b)} = "
        f"{_linear(slope, a * d)}{_plus(b)} = {_linear(slope, intercept)}$. So "
        f"$m = {slope}$ and $n = {intercept}$."
    )
    mistakes = {
        "composed_in_the_wrong_order": (
            (slope, c * b + d),
            "That is g(f(x)): you put f inside g. In f ∘ g the function g acts first, so "
            "substitute g(x) into f.",
        ),
        "forgot_to_multiply_the_inner_constant": (
            (slope, d + b),
            "When g(x) goes into f, the whole of it is multiplied by the slope of f, its "
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
    hint = (
        f"Move the given angle to the {other} line first: corresponding angles are "
        "equal. Then ask whether the angle wanted is vertically opposite that one or "
        "beside it on a straight line."
    )
    return integer_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=steps,
        unit="degrees",
        mistakes={mistake[0]: mistake[1:]},
        hint=hint,
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
            "You made the two angles add to 180°. Corresponding angles at "
            "parallel lines are equal: set the two expressions equal to each other.",
        ),
        "gave_the_angle": (
            Fraction(angle),
            "That is the size of the angle. The question asks for x: stop once "
            "you have solved the equation for x.",
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
            f"X takes the values 0 to {n}, but they are not equally likely: count the "
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
            "A number moved to the other side of the inequality changes its sign. Solve "
            "it again step by step, then check that your boundary makes the inside 0.",
        ),
        "did_not_divide": (
            Fraction(-b),
            "You stopped before dividing by the coefficient of x. Divide both sides by "
            "it to get x alone.",
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
        f"Complete the square in $x$ and in $y$, using half of each coefficient. "
        f"$x^2{_plus(d)}x = {_shift('x', h)}^2 - {h * h}$ and "
        f"$y^2{_plus(e)}y = {_shift('y', k)}^2 - {k * k}$. The equation becomes "
        f"${_shift('x', h)}^2 + {_shift('y', k)}^2 = {h * h} + {k * k}{_plus(-f)} = "
        f"{r * r}$, so the centre is $({h}, {k})$ and $r = \\sqrt{{{r * r}}} = {r}$. "
        f"Answer: {h}, {k}, {r}."
    )
    mistakes = {
        "centre_signs_flipped": (
            (-h, -k, r),
            "The centre's coordinates have the opposite signs to the numbers inside the "
            "brackets: (x − h)² has +h as its coordinate. Check your signs.",
        ),
        "radius_not_square_rooted": (
            (h, k, r * r),
            "The number on the right of (x − h)² + (y − k)² = r² is the radius "
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
            f"The exponent belongs to {b} alone, not to {a} × {b}: work out the "
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
        if _far_apart(float(b) ** n, 1 + (float(b) - 1) * n, (p / 100) ** n):
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
    hint = (
        f"Each of the {n} {steps} multiplies the amount by the same factor: 1 plus or "
        f"minus {p}% written as a decimal."
    )
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes, hint=hint
    )


# --------------------------------------------------- 223. systems of linear equations


@family("solve_two_lines")
def solve_two_lines(rng: np.random.Generator) -> Variant:
    """Where y = m1 x + b1 meets y = m2 x + b2, with a whole-number crossing point."""
    while True:
        m1, m2 = _nonzero(rng, -5, 5), _nonzero(rng, -5, 5)
        x, y = _nonzero(rng, -6, 6), draw(rng, -12, 12)
        if m1 != m2:
            break
    b1, b2 = y - m1 * x, y - m2 * x
    prompt = (
        f"Solve the system $y = {_linear(m1, b1)}$ and $y = {_linear(m2, b2)}$. Give $x$ "
        f"and $y$ separated by a comma."
    )
    solution = (
        f"Both right-hand sides equal $y$, so set them equal: ${_linear(m1, b1)} = "
        f"{_linear(m2, b2)}$. Then ${_linear(m1 - m2, 0)} = {b2 - b1}$, so "
        f"$x = {x}$. Put it back into the first equation: $y = {m1} \\times {signed(x)}"
        f"{_plus(b1)} = {y}$. Check in the second: ${m2} \\times {signed(x)}{_plus(b2)} = "
        f"{y}$. The lines cross at $({x}, {y})$: {x}, {y}."
    )
    wrong_x = Fraction(b1 - b2, m1 - m2)
    mistakes = {
        "moved_a_term_without_changing_its_sign": (
            (wrong_x, m1 * wrong_x + b1),
            "A term that crosses the equals sign changes its sign. Gather the x terms on "
            "one side and the numbers on the other again, then check your point in both "
            "equations.",
        ),
    }
    if m1 + m2 != 0:
        added_x = Fraction(b2 - b1, m1 + m2)
        mistakes["added_the_x_terms"] = (
            (added_x, m1 * added_x + b1),
            "Taking an x term to the other side subtracts it: the x terms combine into "
            "the difference of the two slopes, not their sum.",
        )
    params = {"m1": m1, "b1": b1, "m2": m2, "b2": b2}
    return values_variant(
        prompt=prompt, params=params, value=(x, y), solution=solution, mistakes=mistakes
    )


@family("how_many_solutions_has_a_system")
def how_many_solutions_has_a_system(rng: np.random.Generator) -> Variant:
    """One, none or infinitely many solutions of two equations a x + b y = c, from their
    slopes and intercepts."""
    a, b = _nonzero(rng, -6, 6), _nonzero(rng, -6, 6)
    c = _nonzero(rng, -12, 12)
    k = pick(rng, (-3, -2, 2, 3))
    case = pick(rng, ("one", "none", "many"))
    if case == "one":
        a2, b2, c2 = k * a + pick(rng, (-1, 1)), k * b, draw(rng, -12, 12)
    elif case == "none":
        a2, b2, c2 = k * a, k * b, k * c + pick(rng, (-2, -1, 1, 2))
    else:
        a2, b2, c2 = k * a, k * b, k * c
    prompt = (
        f"How many solutions $(x, y)$ does this system have? "
        f"${_linear(a, 0)}{_plus(b)}y = {c}$ and ${_linear(a2, 0)}{_plus(b2)}y = {c2}$."
    )
    slope1, slope2 = Fraction(-a, b), Fraction(-a2, b2)
    if case == "one":
        reason = (
            f"The slopes are ${frac(slope1)}$ and ${frac(slope2)}$: different slopes, so "
            f"the lines cross at exactly one point."
        )
    elif case == "none":
        reason = (
            f"Multiplying the first equation by ${k}$ gives the same left side as the "
            f"second but ${k * c}$ on the right, not ${c2}$. The lines are parallel (both "
            f"slopes are ${frac(slope1)}$) and never meet: no solution."
        )
    else:
        reason = (
            f"The second equation is the first multiplied by ${k}$, so both describe the "
            f"same line, and every point on it is a solution: infinitely many."
        )
    choices = {
        "right": {"one": "exactly one", "none": "none", "many": "infinitely many"}[case],
    }
    wrong = {
        "one": {"thought_different_lines_never_meet": "none"},
        "none": {"ignored_the_constants": "infinitely many", "assumed_one": "exactly one"},
        "many": {"thought_parallel_means_none": "none", "assumed_one": "exactly one"},
    }[case]
    choices.update(wrong)
    messages = {
        "thought_different_lines_never_meet": (
            "Two lines with different slopes always cross, exactly once. Compare the slopes first."
        ),
        "ignored_the_constants": (
            "Equal slopes alone do not make the lines the same: compare the right-hand "
            "sides after scaling one equation to match the other."
        ),
        "assumed_one": (
            "Two equations do not always pin down one point. Compare the slopes: equal "
            "slopes mean the lines are parallel or the same line."
        ),
        "thought_parallel_means_none": (
            "Scale the first equation: if it becomes the second exactly, the two equations "
            "describe one line, and every point of it solves both."
        ),
    }
    hint = (
        "Compare the slopes of the two lines first. If they are equal, check whether one "
        "equation is a multiple of the other."
    )
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "a2": a2, "b2": b2, "c2": c2, "case": case},
        choices=choices,
        solution=reason,
        messages={code: messages[code] for code in wrong},
        hint=hint,
    )


# -------------------------------------------------------------- 224. the quadratic formula


def _quadratic(a: int, b: int, c: int) -> str:
    """``a x^2 + b x + c`` in LaTeX."""
    head = {1: "x^2", -1: "-x^2"}.get(a, f"{a}x^2")
    middle = "" if b == 0 else (f" + {_linear(b, 0)}" if b > 0 else f" - {_linear(-b, 0)}")
    return f"{head}{middle}{_plus(c)}"


@family("quadratic_formula_larger_root")
def quadratic_formula_larger_root(rng: np.random.Generator) -> Variant:
    """The larger root of a x^2 + b x + c = 0 whose discriminant is positive but not a
    perfect square, to 3 significant figures."""
    while True:
        a = pick(rng, (1, 2, 3, -1, -2))
        b, c = _nonzero(rng, -9, 9), _nonzero(rng, -12, 12)
        disc = b * b - 4 * a * c
        if disc <= 0 or math.isqrt(disc) ** 2 == disc:
            continue
        root = math.sqrt(disc)
        roots = sorted(((-b + root) / (2 * a), (-b - root) / (2 * a)))
        value = roots[1]
        only_root = max(-b + root / (2 * a), -b - root / (2 * a))
        sign_of_b = max((b + root) / (2 * a), (b - root) / (2 * a))
        if _far_apart(value, only_root, sign_of_b):
            break
    prompt = (
        f"Use the quadratic formula to find the larger solution of "
        f"${_quadratic(a, b, c)} = 0$. {SIG3}"
    )
    solution = (
        f"Here $a = {a}$, $b = {b}$, $c = {c}$. The discriminant is $b^2 - 4ac = "
        f"{signed(b)}^2 - 4 \\times {signed(a)} \\times {signed(c)} = {disc}$. So "
        f"$x = \\dfrac{{{-b} \\pm \\sqrt{{{disc}}}}}{{{2 * a}}}$, which gives "
        f"$x \\approx {roots[0]:.4f}$ and $x \\approx {roots[1]:.4f}$. The larger is "
        f"{value:.4f}, or {value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "divided_only_the_root_by_2a": (
            only_root,
            "The fraction bar runs under the whole of −b ± √(b² − 4ac): divide both terms "
            "by 2a, not just the square root.",
        ),
        "kept_the_sign_of_b": (
            sign_of_b,
            "The formula starts with −b, the opposite of the coefficient of x. Check "
            "the sign you used for b.",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    hint = (
        f"Work out the discriminant $b^2 - 4ac$ with $a = {a}$, $b = {b}$, $c = {c}$ "
        "first, then put it into the formula and keep the larger of the two values."
    )
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes, hint=hint
    )


@family("discriminant_and_number_of_roots")
def discriminant_and_number_of_roots(rng: np.random.Generator) -> Variant:
    """The discriminant b^2 - 4ac and how many real solutions it promises."""
    a = _nonzero(rng, -4, 4)
    case = pick(rng, ("two", "one", "none"))
    while True:
        b = draw(rng, -10, 10)
        if case == "one":
            r = _nonzero(rng, -5, 5)
            b, c = -2 * a * r, a * r * r
        else:
            c = _nonzero(rng, -12, 12)
        disc = b * b - 4 * a * c
        if (disc > 0) == (case == "two") and (disc == 0) == (case == "one") and abs(b) <= 40:
            break
    count = 2 if disc > 0 else 1 if disc == 0 else 0
    wrong_disc = b * b + 4 * a * c
    wrong_count = 2 if wrong_disc > 0 else 1 if wrong_disc == 0 else 0
    prompt = (
        f"For ${_quadratic(a, b, c)} = 0$, find the discriminant and the number of real "
        f"solutions. Give both, separated by a comma (e.g. `-7, 0`)."
    )
    word = {2: "two real solutions", 1: "one real solution", 0: "no real solutions"}[count]
    solution = (
        f"$b^2 - 4ac = {signed(b)}^2 - 4 \\times {signed(a)} \\times {signed(c)} = "
        f"{b * b} {'-' if 4 * a * c >= 0 else '+'} {abs(4 * a * c)} = {disc}$. "
        f"{'Positive' if disc > 0 else 'Zero' if disc == 0 else 'Negative'}, so there "
        f"{'are' if count != 1 else 'is'} {word}: {disc}, {count}."
    )
    mistakes = {
        "added_4ac": (
            (wrong_disc, wrong_count),
            "The discriminant subtracts 4ac: b² − 4ac. Watch the signs when a or c is negative.",
        ),
        "misread_the_sign_of_the_discriminant": (
            (disc, 0 if count else 2),
            "Read the number of solutions from the sign of the discriminant: positive "
            "gives two (the ± makes two values), zero gives one, negative gives none "
            "(no real square root).",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    hint = (
        "Work out the discriminant, $b$ squared minus four times $a$ times $c$, from the "
        "equation's coefficients; its sign then tells how many real solutions there are."
    )
    return values_variant(
        prompt=prompt,
        params=params,
        value=(disc, count),
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ------------------------------------------------------- 225. alternate interior angles


@family("alternate_interior_angle_measure")
def alternate_interior_angle_measure(rng: np.random.Generator) -> Variant:
    """Alternate interior angles (a x + b)° and (c x + d)° at parallel lines: the angle's
    size, found by setting them equal."""
    while True:
        x = draw(rng, 5, 30)
        a, c = draw(rng, 2, 9), draw(rng, 2, 9)
        angle = draw(rng, 25, 155)
        b, d = angle - a * x, angle - c * x
        if a != c and angle != 90 and b != 0 and d != 0 and abs(b) <= 120 and abs(d) <= 120:
            break
    supplementary_x = Fraction(180 - b - d, a + c)
    prompt = (
        f"Two parallel lines are cut by a transversal. A pair of alternate interior angles "
        f"measure $({_linear(a, b)})^\\circ$ and $({_linear(c, d)})^\\circ$. How large is "
        f"each angle, in degrees? {LOWEST}"
    )
    solution = (
        f"Alternate interior angles at parallel lines are equal: ${_linear(a, b)} = "
        f"{_linear(c, d)}$, so ${_linear(a - c, 0)} = {d - b}$ and $x = {x}$. Each angle "
        f"is ${a} \\times {x}{_plus(b)} = {angle}$ degrees."
    )
    mistakes = {
        "stopped_at_x": (
            Fraction(x),
            "That is x. The question asks for the angle: put x back into either expression.",
        ),
        "made_them_supplementary": (
            a * supplementary_x + b,
            "Alternate interior angles at parallel lines are equal, not supplementary: set "
            "the two expressions equal. (Interior angles on the same side are the ones "
            "that add to 180°.)",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=Fraction(angle),
        solution=solution,
        unit="degrees",
        mistakes=mistakes,
    )


@family("are_the_lines_parallel")
def are_the_lines_parallel(rng: np.random.Generator) -> Variant:
    """Decide from two alternate interior angles (or two same-side interior angles) whether
    the lines are parallel."""
    x = draw(rng, 35, 145)
    while x == 90:
        x = draw(rng, 35, 145)
    pair = pick(rng, ("alternate", "same-side"))
    parallel = bool(rng.integers(2))
    if pair == "alternate":
        y = x if parallel else x + pick(rng, (-3, -2, 2, 3))
        rule = "Alternate interior angles are equal exactly when the lines are parallel"
        wrong_code = "wanted_them_to_add_to_180"
    else:
        y = 180 - x if parallel else 180 - x + pick(rng, (-3, -2, 2, 3))
        rule = (
            "Interior angles on the same side of the transversal add to $180^\\circ$ "
            "exactly when the lines are parallel"
        )
        wrong_code = "wanted_them_equal"
    prompt = (
        f"A transversal crosses two lines. Two {pair} interior angles measure ${x}^\\circ$ "
        f"and ${y}^\\circ$. Are the two lines parallel?"
    )
    check = f"${x} + {y} = {x + y}$" if pair == "same-side" else f"${x}^\\circ$ and ${y}^\\circ$"
    solution = (
        f"{rule}. Here {check}, so the lines "
        f"{'are parallel' if parallel else 'are not parallel: they meet on one side'}."
    )
    choices = {
        "right": "Yes, they are parallel." if parallel else "No, they are not parallel.",
        wrong_code: "No, they are not parallel." if parallel else "Yes, they are parallel.",
    }
    messages = {
        "wanted_them_to_add_to_180": (
            "For alternate interior angles the test is equality, not a sum of "
            "180°: compare the two angles."
        ),
        "wanted_them_equal": (
            "Same-side interior angles are not equal at parallel lines; they add to "
            "180°. Add the two angles."
        ),
    }
    hint = (
        f"Recall what {pair} interior angles do when the lines are parallel: are they "
        "equal, or do they add to $180^\\circ$?"
    )
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"x": x, "y": y, "pair": pair},
        choices=choices,
        solution=solution,
        messages={wrong_code: messages[wrong_code]},
        hint=hint,
    )


# -------------------------------------------------- 226. functions of several variables


@family("several_variables_value")
def several_variables_value(rng: np.random.Generator) -> Variant:
    """f(x, y) = a x^2 + b x y + c y + d at a point whose x is negative."""
    a, b, c, d = (_nonzero(rng, -5, 5) for _ in range(4))
    px, py = draw(rng, -4, -1), _nonzero(rng, -4, 4)

    def f(x: int, y: int) -> int:
        return a * x * x + b * x * y + c * y + d

    value = f(px, py)
    formula = (
        f"{_linear(a, 0, 'x^2')} {'+' if b > 0 else '-'} {_linear(abs(b), 0, 'xy')} "
        f"{'+' if c > 0 else '-'} {_linear(abs(c), 0, 'y')}{_plus(d)}"
    )
    prompt = f"Let $f(x, y) = {formula}$. Find $f({px}, {py})$. {WHOLE}"
    solution = (
        f"Put $x = {px}$ and $y = {py}$ into every term, with the negative number in "
        f"brackets: ${a} \\times ({px})^2 + {signed(b)} \\times ({px}) \\times {signed(py)} + "
        f"{signed(c)} \\times {signed(py)} + {signed(d)} = {a * px * px} + "
        f"{signed(b * px * py)} + {signed(c * py)} + {signed(d)} = {value}$."
    )
    mistakes = {
        "swapped_the_inputs": (
            f(py, px),
            "The first number of the point goes in for x and the second for y: you "
            "used them the other way round.",
        ),
        "squared_without_brackets": (
            value - 2 * a * px * px,
            "A negative number squared is positive: (−3)² = 9, while −3² is −9. "
            "Put the negative input in brackets before squaring.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d, "x": px, "y": py}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("level_curve_radius")
def level_curve_radius(rng: np.random.Generator) -> Variant:
    """The radius of the level curve f(x, y) = c of f = (x - h)^2 + (y - k)^2."""
    h, k = draw(rng, -5, 5), draw(rng, -5, 5)
    while True:
        c = draw(rng, 3, 60)
        if math.isqrt(c) ** 2 != c:
            break
    value = math.sqrt(c)
    prompt = (
        f"Let $f(x, y) = {_shift('x', h)}^2 + {_shift('y', k)}^2$. The level curve "
        f"$f(x, y) = {c}$ is a circle. What is its radius? {SIG3}"
    )
    solution = (
        f"The points with $f(x, y) = {c}$ are those whose squared distance from "
        f"$({h}, {k})$ is {c}, so the radius is $\\sqrt{{{c}}} \\approx {value:.4f}$, "
        f"or {value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "took_the_level_as_the_radius": (
            float(c),
            "The level is the squared distance from the centre, since f adds two "
            "squares. Take its square root.",
        ),
        "halved_the_level": (
            c / 2,
            "Undo a square with a square root, not by halving.",
        ),
    }
    params = {"h": h, "k": k, "c": c}
    hint = f"On the level curve, {c} is the squared distance from the centre."
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes, hint=hint
    )


# ------------------------------------------------------------- 227. geometric sequences


@family("geometric_nth_term")
def geometric_nth_term(rng: np.random.Generator) -> Variant:
    """a_n = a_1 r^(n - 1) for a whole or fractional ratio, positive or negative."""
    a1 = _nonzero(rng, -9, 9)
    r = pick(rng, (Fraction(2), Fraction(3), Fraction(-2), Fraction(1, 2), Fraction(-1, 2)))
    if r.denominator == 2:
        a1 *= 2 ** draw(rng, 2, 5)
    n = draw(rng, 5, 8)
    terms = [a1 * r**i for i in range(4)]
    value = a1 * r ** (n - 1)
    listed = ", ".join(f"{frac(t)}" for t in terms)
    prompt = (
        f"The geometric sequence ${listed}, \\dots$ continues with the same ratio. Find "
        f"its term number {n}. {LOWEST}"
    )
    solution = (
        f"The ratio is $r = \\frac{{{frac(terms[1])}}}{{{frac(terms[0])}}} = {frac(r)}$. "
        f"Term $n$ is $a_1 r^{{n-1}}$, so term {n} is ${frac(a1)} \\times "
        f"{_bracketed(r)}^{{{n - 1}}} = {frac(a1)} \\times {_bracketed(r ** (n - 1))} "
        f"= {frac(value)}$."
    )
    mistakes = {
        "used_n_as_the_exponent": (
            a1 * r**n,
            "The first term has had no factor of r yet, so term n has one factor fewer "
            "than its number: the exponent is one less than n.",
        ),
        "added_the_ratio": (
            a1 + (n - 1) * r,
            "A geometric sequence multiplies by the ratio at each step; adding it would "
            "make an arithmetic sequence.",
        ),
    }
    params = {"a1": a1, "r": str(r), "n": n}
    return exact_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("geometric_ratio_from_two_terms")
def geometric_ratio_from_two_terms(rng: np.random.Generator) -> Variant:
    """The ratio of a geometric sequence from two terms some steps apart."""
    r = _nonzero(rng, -4, 4)
    while abs(r) == 1:
        r = _nonzero(rng, -4, 4)
    i = draw(rng, 1, 3)
    gap = pick(rng, (2, 3)) if abs(r) <= 3 else 2
    a1 = _nonzero(rng, -5, 5)
    first, later = a1 * r ** (i - 1), a1 * r ** (i + gap - 1)
    if gap == 2:
        r = abs(r)  # a square cannot tell the sign: keep the positive ratio
        first, later = a1 * r ** (i - 1), a1 * r ** (i + gap - 1)
    prompt = (
        f"In a geometric sequence{' with a positive ratio' if gap == 2 else ''}, "
        f"$a_{{{i}}} = {first}$ and $a_{{{i + gap}}} = {later}$. What is the common "
        f"ratio $r$? {WHOLE}"
    )
    solution = (
        f"From term {i} to term {i + gap} the sequence multiplies by $r$ {gap} times, so "
        f"$r^{gap} = \\frac{{{later}}}{{{first}}} = {Fraction(later, first)}$ and "
        f"$r = {r}$."
    )
    mistakes = {
        "treated_it_as_arithmetic": (
            Fraction(later - first, gap),
            "That is the common difference of an arithmetic sequence. Here each step "
            "multiplies, so divide the terms and take a root.",
        ),
        "did_not_take_the_root": (
            Fraction(later, first),
            "Dividing the terms gives a power of r, one factor for each step between "
            "them. Take the matching root to get r itself.",
        ),
    }
    params = {"i": i, "gap": gap, "first": first, "later": later}
    hint = (
        "Dividing the later term by the earlier one gives $r$ multiplied by itself once "
        "for each step between them."
    )
    return exact_variant(
        prompt=prompt,
        params=params,
        value=Fraction(r),
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ------------------------------------------------ 228. graphing quadratic functions


@family("parabola_vertex")
def parabola_vertex(rng: np.random.Generator) -> Variant:
    """The vertex (h, f(h)) of f(x) = a x^2 + b x + c, with h = -b/(2a)."""
    a = _nonzero(rng, -3, 3)
    h = _nonzero(rng, -5, 5)
    c = draw(rng, -10, 10)
    b = -2 * a * h

    def f(x: Fraction) -> Fraction:
        return a * x * x + b * x + c

    k = f(Fraction(h))
    prompt = (
        f"Find the vertex of the parabola $y = {_quadratic(a, b, c)}$. Give its $x$ and "
        f"$y$ coordinates separated by a comma."
    )
    solution = (
        f"The vertex is at $x = -\\frac{{b}}{{2a}} = -\\frac{{{b}}}{{{2 * a}}} = {h}$. "
        f"Its height is $y = {a} \\times {signed(h)}^2 + {signed(b)} \\times {signed(h)} + "
        f"{signed(c)} = {k}$. The vertex is $({h}, {k})$: {h}, {k}."
    )
    mistakes = {
        "dropped_the_minus_in_minus_b_over_2a": (
            (Fraction(-h), f(Fraction(-h))),
            "The vertex is at x = −b/(2a): the minus sign matters. Check the sign "
            "of your x coordinate.",
        ),
        "forgot_the_2_in_2a": (
            (Fraction(2 * h), f(Fraction(2 * h))),
            "Divide −b by 2a, twice the leading coefficient, not by a.",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    hint = (
        "The vertex's $x$ is the opposite of $b$ divided by twice $a$; its height is the "
        "function's value at that $x$."
    )
    return values_variant(
        prompt=prompt, params=params, value=(h, k), solution=solution, mistakes=mistakes, hint=hint
    )


@family("parabola_extreme_value")
def parabola_extreme_value(rng: np.random.Generator) -> Variant:
    """Whether f(x) = a x^2 + b x + c has a greatest or a least value, and what it is."""
    a = _nonzero(rng, -3, 3)
    h = _nonzero(rng, -5, 5)
    c = _nonzero(rng, -10, 10)
    b = -2 * a * h
    k = a * h * h + b * h + c
    kind = "least" if a > 0 else "greatest"
    prompt = (
        f"Does $f(x) = {_quadratic(a, b, c)}$ have a greatest value or a least value? "
        f"Decide which, then give that value. {WHOLE}"
    )
    opens = "up" if a > 0 else "down"
    solution = (
        f"The coefficient of $x^2$ is ${a}$, so the parabola opens {opens} and its vertex "
        f"is its {'lowest' if a > 0 else 'highest'} point: the function has a {kind} "
        f"value. The vertex is at $x = -\\frac{{{b}}}{{{2 * a}}} = {h}$, and $f({h}) = "
        f"{k}$. So the {kind} value is {k}."
    )
    mistakes = {
        "gave_the_x_of_the_vertex": (
            h,
            "That is where the extreme value happens. The value itself is the output "
            "there: put that x into f.",
        ),
        "gave_the_y_intercept": (
            c,
            "That is f(0), where the graph crosses the y-axis. The extreme value is at "
            "the vertex, x = −b/(2a).",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    return integer_variant(
        prompt=prompt, params=params, value=k, solution=solution, mistakes=mistakes
    )


# --------------------------------------------------------------- 229. inverse functions


@family("inverse_at_a_value")
def inverse_at_a_value(rng: np.random.Generator) -> Variant:
    """f^{-1}(y) for a linear f(x) = a x + b: the input that f sends to y."""
    a, b = _nonzero(rng, -7, 7), _nonzero(rng, -12, 12)
    while abs(a) == 1:
        a = _nonzero(rng, -7, 7)
    y = draw(rng, -20, 20)
    value = Fraction(y - b, a)
    prompt = f"Let $f(x) = {_linear(a, b)}$. Find $f^{{-1}}({y})$. {LOWEST}"
    solution = (
        f"$f^{{-1}}({y})$ is the input that $f$ sends to {y}: solve ${_linear(a, b)} = {y}$. "
        f"Undo the steps of $f$ in reverse order: ${_linear(a, 0)} = {y - b}$, so "
        f"$x = {frac(value)}$. Check: $f({frac(value)}) = {y}$."
    )
    mistakes = {
        "took_the_reciprocal_of_f": (
            Fraction(1, a * y + b) if a * y + b else Fraction(y - b),
            "f⁻¹ is the function that undoes f, not 1/f. Find the input that f sends to "
            "the given number.",
        ),
        "undid_in_the_wrong_order": (
            Fraction(y, a) - b,
            "Undo the last step first: f multiplies and then adds, so the inverse takes "
            "away the added number first and then divides.",
        ),
    }
    if a * y + b == 0:
        del mistakes["took_the_reciprocal_of_f"]
    params = {"a": a, "b": b, "y": y}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("inverse_linear_formula")
def inverse_linear_formula(rng: np.random.Generator) -> Variant:
    """The slope and intercept of f^{-1} for f(x) = a x + b."""
    a, b = _nonzero(rng, -6, 6), _nonzero(rng, -12, 12)
    while abs(a) == 1:
        a = _nonzero(rng, -6, 6)
    m, n = Fraction(1, a), Fraction(-b, a)
    prompt = (
        f"Let $f(x) = {_linear(a, b)}$. Write $f^{{-1}}(x)$ as $mx + n$ and give $m$ and "
        f"$n$, separated by a comma (fractions are fine, e.g. `1/3, -2/3`)."
    )
    solution = (
        f"Write $y = {_linear(a, b)}$ and solve for $x$: ${_linear(a, 0, 'x')} = "
        f"y{_plus(-b)}$, so $x = \\frac{{y{_plus(-b)}}}{{{a}}}$. Swap the names: "
        f"$f^{{-1}}(x) = {_linear(m, n)}$, so $m = {frac(m)}$ and $n = {frac(n)}$. "
        f"Check: $f^{{-1}}(f(0)) = f^{{-1}}({b}) = {frac(m * b + n)}$."
    )
    mistakes = {
        "undid_in_the_wrong_order": (
            (m, Fraction(-b)),
            "Subtract the constant before dividing: the inverse undoes the last step of "
            "f first, so the constant is divided by the slope too.",
        ),
        "flipped_only_the_slope": (
            (m, Fraction(b)),
            "The inverse must also undo the added constant. Solve y = f(x) for x step "
            "by step; the constant changes sign.",
        ),
    }
    params = {"a": a, "b": b}
    return values_variant(
        prompt=prompt, params=params, value=(m, n), solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------ 230. piecewise functions


@family("piecewise_value")
def piecewise_value(rng: np.random.Generator) -> Variant:
    """A function given by a line below a break point and a square from it on, at an
    input near (or at) the break."""
    c = draw(rng, -3, 4)
    a, b = _nonzero(rng, -5, 5), draw(rng, -9, 9)
    d, e = pick(rng, (1, 2, -1)), draw(rng, -9, 9)
    x = c + pick(rng, (-2, -1, 0, 0, 1, 2))

    def left(t: int) -> int:
        return a * t + b

    def right(t: int) -> int:
        return d * t * t + e

    value = left(x) if x < c else right(x)
    square = {1: "x^2", -1: "-x^2"}.get(d, f"{d}x^2")
    prompt = (
        f"Let $f(x) = \\begin{{cases}} {_linear(a, b)} & \\text{{if }} x < {c} \\\\ "
        f"{square}{_plus(e)} & \\text{{if }} x \\ge {c} \\end{{cases}}$. Find $f({x})$. "
        f"{WHOLE}"
    )
    if x < c:
        rule = f"${x} < {c}$, so the first line applies: ${a} \\times {signed(x)}{_plus(b)}"
    else:
        times = {1: "", -1: "-"}.get(d, f"{d} \\times ")
        rule = f"${x} \\ge {c}$, so the second line applies: ${times}{signed(x)}^2{_plus(e)}"
    solution = f"{rule} = {value}$. So $f({x}) = {value}$."
    mistakes = {
        "used_the_other_piece": (
            right(x) if x < c else left(x),
            "Check which condition the input meets before choosing a formula: each formula "
            "applies only on its own part of the domain.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d, "e": e, "x": x}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("tiered_charge")
def tiered_charge(rng: np.random.Generator) -> Variant:
    """A tiered price: the first units at one rate and every unit beyond at another."""
    first = pick(rng, (50, 100, 200))
    low, high = draw(rng, 2, 6), draw(rng, 7, 12)
    fee = pick(rng, (0, 5, 10))
    used = first + draw(rng, 5, 150)
    thing, one, many = pick(
        rng, (("electricity", "kWh", "kWh"), ("water", "litre", "litres"), ("data", "MB", "MB"))
    )
    value = fee + low * first + high * (used - first)
    fee_text = f"a fixed fee of {fee} cents plus " if fee else ""
    article = "An" if thing[0] in "aeiou" else "A"
    prompt = (
        f"{article} {thing} plan charges {fee_text}{low} cents per {one} for the first "
        f"{first} {many}, and {high} cents per {one} for every {one} after that. What is "
        f"the charge, in cents, for {used} {many}? {WHOLE}"
    )
    fee_term = f"{fee} + " if fee else ""
    solution = (
        f"Split the {used} {many} at {first}: the first {first} cost "
        f"${first} \\times {low} = {low * first}$ cents and the other "
        f"${used} - {first} = {used - first}$ cost ${used - first} \\times {high} = "
        f"{high * (used - first)}$ cents. Total: "
        f"${fee_term}{low * first} + {high * (used - first)} = {value}$ cents."
    )
    mistakes = {
        "charged_everything_at_the_higher_rate": (
            fee + high * used,
            "Only the units beyond the first tier cost the higher rate; the first ones "
            "keep the lower price. Split the amount at the break.",
        ),
        "charged_everything_at_the_lower_rate": (
            fee + low * used,
            "The lower rate stops at the end of the first tier. Price the units beyond "
            "it at the higher rate.",
        ),
    }
    params = {"first": first, "low": low, "high": high, "fee": fee, "used": used}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


def _probabilities(rng: np.random.Generator, count: int, denominator: int) -> list[Fraction]:
    """``count`` positive probabilities with the given denominator that add to 1, not all
    equal: the gaps between ``count - 1`` different cut points drawn in ``1..denominator-1``."""
    while True:
        cuts = sorted(int(v) for v in rng.choice(np.arange(1, denominator), count - 1, False))
        parts = np.diff([0, *cuts, denominator]).tolist()
        if len(set(parts)) > 1:
            return [Fraction(int(part), denominator) for part in parts]


def _mass_table(values: list[int], shown: list[str]) -> str:
    """A Markdown table of a mass function: the values of $X$ over the cells ``shown``
    (LaTeX, or ``?`` for a missing entry)."""
    cells = " | ".join(cell if cell == "?" else f"${cell}$" for cell in shown)
    listed = " | ".join(str(x) for x in values)
    return f"| $x$ | {listed} |\n|{'---|' * (len(values) + 1)}\n| $P(X = x)$ | {cells} |"


# ------------------------------------------------------ 231. probability mass functions


@family("pmf_normalising_constant")
def pmf_normalising_constant(rng: np.random.Generator) -> Variant:
    """The constant c making p(x) = c x (or c x^2) a mass function on 1..n."""
    n = draw(rng, 3, 6)
    shape = pick(rng, ("x^2", "x + 1", "2x + 1", "x^2 + 1"))
    weight = {
        "x^2": lambda x: x * x,
        "x + 1": lambda x: x + 1,
        "2x + 1": lambda x: 2 * x + 1,
        "x^2 + 1": lambda x: x * x + 1,
    }[shape]
    weights = [weight(x) for x in range(1, n + 1)]
    value = Fraction(1, sum(weights))
    prompt = (
        f"A random variable $X$ takes the values $1, 2, \\dots, {n}$ with "
        f"$P(X = x) = c\\,({shape})$. What must $c$ be? {LOWEST}"
    )
    listed = " + ".join(str(w) for w in weights)
    solution = (
        f"The probabilities must add to 1: $c\\,({listed}) = 1$, that is "
        f"${sum(weights)}c = 1$, so $c = {frac(value)}$."
    )
    mistakes = {
        "divided_by_the_number_of_values": (
            Fraction(1, n),
            "That would be right if every value were equally likely. Here the "
            "probabilities grow with x: make their sum equal 1.",
        ),
        "divided_by_the_largest_value": (
            Fraction(1, weights[-1]),
            "That makes the largest probability 1, leaving nothing for the others. The "
            "condition is that all the probabilities add to 1.",
        ),
    }
    params = {"n": n, "shape": shape}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("pmf_event_probability")
def pmf_event_probability(rng: np.random.Generator) -> Variant:
    """P(X <= k) or P(X > k) from a table of a mass function with one entry missing."""
    n = draw(rng, 4, 5)
    probs = _probabilities(rng, n, pick(rng, (10, 12, 20)))
    values = list(range(n))
    hidden = draw(rng, 0, n - 1)
    k = draw(rng, 1, n - 2)
    at_most = bool(rng.integers(2))
    event = [x for x in values if (x <= k if at_most else x > k)]
    value = sum((probs[x] for x in event), Fraction(0))
    shown = ["?" if x == hidden else frac(probs[x]) for x in values]
    table = _mass_table(values, shown)
    sign = "\\le" if at_most else ">"
    plain_sign = "≤" if at_most else ">"
    prompt = (
        f"The table gives the mass function of $X$; one entry is missing.\n\n{table}\n\n"
        f"Find $P(X {sign} {k})$. {LOWEST}"
    )
    known = sum((probs[x] for x in values if x != hidden), Fraction(0))
    terms = " + ".join(frac(probs[x]) for x in event)
    solution = (
        f"The entries add to 1, so the missing one is $1 - {frac(known)} = "
        f"{frac(probs[hidden])}$. Then $P(X {sign} {k})$ adds the values "
        f"{', '.join(str(x) for x in event)}: ${terms} = {frac(value)}$."
    )
    strict = [x for x in values if (x < k if at_most else x >= k)]
    mistakes = {
        "took_the_single_value": (
            probs[k],
            f"P(X {plain_sign} {k}) is about a range of values, not just X = {k}: add the "
            "probabilities of every value in the event.",
        ),
        "misread_the_inequality": (
            sum((probs[x] for x in strict), Fraction(0)),
            f"Check whether {k} itself belongs: ≤ includes it, > leaves it out.",
        ),
    }
    params = {"probs": [str(p) for p in probs], "hidden": hidden, "k": k, "at_most": at_most}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ------------------------------------------------------------- 232. rational functions


@family("vertical_asymptote_after_cancelling")
def vertical_asymptote_after_cancelling(rng: np.random.Generator) -> Variant:
    """The vertical asymptote of (x - p)/((x - p)(x - q)) written out: the factor that
    cancels leaves a hole, the other an asymptote."""
    while True:
        p, q = _nonzero(rng, -7, 7), _nonzero(rng, -7, 7)
        if p != q and p != -q:
            break
    top = _linear(1, -p)
    bottom = _quadratic(1, -(p + q), p * q)
    prompt = (
        f"The graph of $f(x) = \\dfrac{{{top}}}{{{bottom}}}$ has one vertical asymptote. "
        f"It is the line $x = c$: what is $c$? {WHOLE}"
    )
    solution = (
        f"Factor the bottom: ${bottom} = {_shift('x', p)}{_shift('x', q)}$. The factor "
        f"${top}$ cancels, so $f(x) = \\frac{{1}}{{{_linear(1, -q)}}}$ for $x \\ne {p}$: at "
        f"$x = {p}$ the graph has a hole, not an asymptote. The bottom that is left is "
        f"zero at $x = {q}$, where the values grow without bound: the asymptote is "
        f"$x = {q}$."
    )
    mistakes = {
        "took_the_hole_for_an_asymptote": (
            p,
            "That zero of the denominator cancels with the numerator, leaving a hole in "
            "the graph. Simplify first; only the zeros left in the denominator give "
            "asymptotes.",
        ),
        "sign_slip_reading_the_factor": (
            -q,
            "The factor (x − c) is zero at x = c: check the sign by putting your "
            "number back into the denominator.",
        ),
    }
    params = {"p": p, "q": q}
    return integer_variant(
        prompt=prompt, params=params, value=q, solution=solution, mistakes=mistakes
    )


@family("horizontal_asymptote")
def horizontal_asymptote(rng: np.random.Generator) -> Variant:
    """The horizontal asymptote y = L of a quotient of polynomials, by comparing degrees."""
    a, b = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
    c, d = _nonzero(rng, -6, 6), _nonzero(rng, -9, 9)
    same_degree = bool(rng.integers(3))
    if same_degree:
        top = _quadratic(a, 0, b) if rng.integers(2) else _linear(a, b)
        square = "x^2" in top
        bottom = _quadratic(c, 0, d) if square else _linear(c, d)
        value = Fraction(a, c)
        reason = (
            f"The top and bottom have the same degree, so far out only the leading terms "
            f"matter: $f(x) \\approx \\frac{{{a}{'x^2' if square else 'x'}}}{{{c}"
            f"{'x^2' if square else 'x'}}} = {frac(value)}$. The asymptote is "
            f"$y = {frac(value)}$."
        )
    else:
        top = _linear(a, b)
        bottom = _quadratic(c, 0, d)
        value = Fraction(0)
        reason = (
            "The bottom has the higher degree, so it outgrows the top and the quotient "
            "shrinks towards 0 as $x$ grows in either direction. The asymptote is $y = 0$."
        )
    prompt = (
        f"Find the horizontal asymptote $y = L$ of $f(x) = \\dfrac{{{top}}}{{{bottom}}}$. "
        f"Give $L$. {LOWEST}"
    )
    mistakes = {
        "divided_the_constant_terms": (
            Fraction(b, d),
            "The constant terms matter near x = 0, not far out. For large x compare "
            "the terms of highest degree.",
        ),
    }
    if not same_degree:
        mistakes["divided_leading_coefficients_of_different_degrees"] = (
            Fraction(a, c),
            "Dividing the leading coefficients works only when top and bottom have the "
            "same degree. Here the bottom's degree is higher: what happens to the quotient "
            "as x grows?",
        )
    params = {"a": a, "b": b, "c": c, "d": d, "top": top, "bottom": bottom}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=reason,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ------------------------------------------------------------- 233. summation notation


@family("evaluate_a_linear_sum")
def evaluate_a_linear_sum(rng: np.random.Generator) -> Variant:
    """The sum of a i + b for i from m to n, written in sigma notation."""
    a, b = _nonzero(rng, -5, 5), _nonzero(rng, -9, 9)
    m = draw(rng, 0, 3)
    n = m + draw(rng, 3, 6)
    terms = [a * i + b for i in range(m, n + 1)]
    value = sum(terms)
    prompt = f"Evaluate $\\sum_{{i={m}}}^{{{n}}} ({_linear(a, b, 'i')})$. {WHOLE}"
    listed = " + ".join(signed(t) if k else str(t) for k, t in enumerate(terms))
    solution = (
        f"Put $i = {m}, {m + 1}, \\dots, {n}$ into ${_linear(a, b, 'i')}$ and add the "
        f"{n - m + 1} terms: ${listed} = {value}$."
    )
    mistakes = {
        "added_the_constant_once": (
            a * sum(range(m, n + 1)) + b,
            "The constant is part of every term, so it is added once per term, not once "
            "for the whole sum. Count the terms.",
        ),
        "left_out_the_last_term": (
            value - terms[-1],
            f"The top limit is included: the sum runs up to and including i = {n}.",
        ),
    }
    params = {"a": a, "b": b, "m": m, "n": n}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("sum_of_a_constant")
def sum_of_a_constant(rng: np.random.Generator) -> Variant:
    """The sum of a constant c for k from m to n: c times the number of terms."""
    c = _nonzero(rng, -9, 9)
    m = draw(rng, 1, 12)
    n = m + draw(rng, 4, 30)
    count = n - m + 1
    value = c * count
    prompt = f"Evaluate $\\sum_{{k={m}}}^{{{n}}} {signed(c)}$. {WHOLE}"
    solution = (
        f"The term does not depend on $k$, so the sum is {c} added once for each $k$ from "
        f"{m} to {n}. That is ${n} - {m} + 1 = {count}$ terms, and ${c} \\times {count} = "
        f"{value}$."
    )
    mistakes = {
        "counted_one_term_too_few": (
            c * (n - m),
            "Both ends of the range count: the number of terms is the top limit minus the "
            "bottom one, plus one.",
        ),
        "gave_the_term_itself": (
            c,
            "The sum adds the term once for every value of the index, even when the term "
            "does not change. Count the terms and multiply.",
        ),
    }
    params = {"c": c, "m": m, "n": n}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ---------------------------------------------------------------------- 234. the number e


@family("continuous_compounding")
def continuous_compounding(rng: np.random.Generator) -> Variant:
    """P e^(r t): an amount growing continuously at rate r for t years."""
    principal = pick(rng, (100, 250, 500, 1000, 2000))
    while True:  # far enough from yearly compounding to tell the two apart
        rate, years = draw(rng, 4, 25), draw(rng, 2, 20)
        rt = rate * years / 100
        value = principal * math.exp(rt)
        yearly = principal * (1 + rate / 100) ** years
        if _far_apart(value, yearly, principal * (1 + rt)):
            break
    prompt = (
        f"An amount of {principal} dollars grows at {rate}% a year, compounded "
        f"continuously. How much is there after {years} years? {SIG3}"
    )
    solution = (
        f"Continuous compounding gives $P e^{{rt}}$ with $r = {rate / 100:g}$ and "
        f"$t = {years}$: $rt = {rt:g}$, and ${principal} e^{{{rt:g}}} \\approx "
        f"{value:.2f}$, about {_sig3(value)} dollars."
    )
    mistakes = {
        "compounded_once_a_year": (
            yearly,
            "That compounds once a year. Continuously compounded growth is "
            "P times e to the power rt, with the rate as a decimal.",
        ),
        "used_simple_interest": (
            principal * (1 + rt),
            "Interest that is never added back in grows in a straight line. Here interest "
            "earns interest at every instant: use P times e to the power rt.",
        ),
    }
    params = {"principal": principal, "rate": rate, "years": years}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("compound_interest_n_times")
def compound_interest_n_times(rng: np.random.Generator) -> Variant:
    """(1 + 1/n)^n or P (1 + r/n)^(n t) for a stated number of compoundings a year."""
    principal = pick(rng, (100, 500, 1000))
    while True:  # far enough from yearly compounding to tell the two apart
        rate = pick(rng, (10, 12, 20, 25, 50, 100))
        n, label = pick(rng, ((2, "twice a year"), (4, "quarterly"), (12, "monthly")))
        years = draw(rng, 1, 6)
        r = rate / 100
        value = principal * (1 + r / n) ** (n * years)
        if _far_apart(value, principal * (1 + r) ** years, principal * (1 + r) ** (n * years)):
            break
    prompt = (
        f"{principal} dollars earn {rate}% a year, compounded {label}. How much is there "
        f"after {years} year{'s' if years > 1 else ''}? {SIG3}"
    )
    solution = (
        f"Each of the ${n} \\times {years} = {n * years}$ periods multiplies by "
        f"$1 + \\frac{{{r:g}}}{{{n}}}$: ${principal}\\left(1 + \\frac{{{r:g}}}{{{n}}}\\right)"
        f"^{{{n * years}}} \\approx {value:.2f}$, about {_sig3(value)} dollars."
    )
    mistakes = {
        "applied_the_full_rate_each_period": (
            principal * (1 + r) ** (n * years),
            f"The yearly rate is shared among the {n} periods of a year: each period "
            "multiplies by 1 plus the rate divided by the number of periods.",
        ),
        "compounded_once_a_year": (
            principal * (1 + r) ** years,
            f"The interest is added {label}, so it starts earning interest of its own "
            "within the year: count every period.",
        ),
    }
    params = {"principal": principal, "rate": rate, "n": n, "years": years}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ----------------------------------------------------------------- 235. expected value


@family("expected_value_from_a_table")
def expected_value_from_a_table(rng: np.random.Generator) -> Variant:
    """E[X] = sum of x p(x) over a small table with unequal probabilities."""
    n = draw(rng, 3, 4)
    values = sorted(int(v) for v in rng.choice(np.arange(-5, 11), n, replace=False))
    probs = _probabilities(rng, n, pick(rng, (8, 10, 12)))
    value = sum((x * p for x, p in zip(values, probs, strict=True)), Fraction(0))
    table = _mass_table(values, [frac(p) for p in probs])
    prompt = f"$X$ has this distribution:\n\n{table}\n\nFind $E[X]$. {LOWEST}"
    products = " + ".join(
        f"{signed(x)} \\times {frac(p)}" for x, p in zip(values, probs, strict=True)
    )
    solution = f"Weight each value by its probability and add: $E[X] = {products} = {frac(value)}$."
    mistakes = {
        "averaged_the_values": (
            Fraction(sum(values), n),
            "That is the plain average of the values, as if each were equally likely. "
            "Weight each value by its own probability.",
        ),
        "added_the_values": (
            Fraction(sum(values)),
            "Each value counts only in proportion to its probability: multiply every value "
            "by its probability before adding.",
        ),
    }
    params = {"values": values, "probs": [str(p) for p in probs]}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("expected_gain_of_a_game")
def expected_gain_of_a_game(rng: np.random.Generator) -> Variant:
    """The expected net gain of paying to play a game with one prize."""
    cost = draw(rng, 1, 5)
    prize = draw(rng, 5, 40)
    sides, winning = pick(rng, ((6, "a six"), (4, "a four"), (8, "an eight"), (10, "a ten")))
    p = Fraction(1, sides)
    value = p * (prize - cost) + (1 - p) * (-cost)
    prompt = (
        f"A game costs {cost} dollars to play. You roll a fair {sides}-sided die and win "
        f"{prize} dollars if it shows {winning}; otherwise you win nothing. What is your "
        f"expected net gain per game, in dollars? {LOWEST}"
    )
    solution = (
        f"You gain ${prize} - {cost} = {prize - cost}$ with probability ${frac(p)}$ and lose "
        f"{cost} with probability ${frac(1 - p)}$: $E = {frac(p)} \\times {prize - cost} + "
        f"{frac(1 - p)} \\times (-{cost}) = {frac(value)}$. The same as "
        f"${frac(p)} \\times {prize} - {cost}$."
    )
    mistakes = {
        "forgot_the_cost": (
            p * prize,
            "That is the expected prize. You pay to play every time, win or lose: "
            "subtract the cost.",
        ),
        "ignored_the_probability": (
            Fraction(prize - cost),
            "That is the gain when you win, but you win only sometimes. Weight each "
            "outcome by its probability.",
        ),
    }
    params = {"cost": cost, "prize": prize, "sides": sides}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ------------------------------------------------------- 236. finite geometric series


@family("finite_geometric_sum")
def finite_geometric_sum(rng: np.random.Generator) -> Variant:
    """The sum of the first n terms of a, a r, a r^2, ... by a (1 - r^n)/(1 - r)."""
    a = _nonzero(rng, -6, 6)
    r = pick(rng, (Fraction(2), Fraction(3), Fraction(-2), Fraction(1, 2), Fraction(-1, 3)))
    n = draw(rng, 4, 7)
    if r.denominator > 1:
        a *= r.denominator ** (n - 1)
    terms = [a * r**k for k in range(n)]
    value = a * (1 - r**n) / (1 - r)
    listed = ", ".join(frac(t) for t in terms[:3])
    prompt = (
        f"Find the sum of the first {n} terms of the geometric sequence ${listed}, \\dots$ {LOWEST}"
    )
    solution = (
        f"Here $a = {a}$, $r = {frac(r)}$ and $n = {n}$. "
        f"$S_{n} = a\\frac{{1 - r^{n}}}{{1 - r}} = {a} \\times "
        f"\\frac{{1 - {_bracketed(r)}^{n}}}{{1 - {_bracketed(r)}}} = {frac(value)}$. "
        f"Check by adding the terms: ${' + '.join(_bracketed(t) for t in terms)} = "
        f"{frac(value)}$."
    )
    mistakes = {
        "one_term_too_many": (
            a * (1 - r ** (n + 1)) / (1 - r),
            "The exponent in 1 − rⁿ is the number of terms. Start from r⁰ for the "
            "first term and count again.",
        ),
        "gave_the_last_term": (
            terms[-1],
            "That is the last term alone. The series adds all the terms.",
        ),
    }
    params = {"a": a, "r": str(r), "n": n}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("nodes_in_a_full_tree")
def nodes_in_a_full_tree(rng: np.random.Generator) -> Variant:
    """All the nodes of a full k-ary tree of depth d: 1 + k + ... + k^d."""
    k = draw(rng, 2, 4)
    d = draw(rng, 2, 6 if k == 2 else 4)
    value = (k ** (d + 1) - 1) // (k - 1)
    prompt = (
        f"In a tree, the root splits into {k} branches, and every node splits into {k} "
        f"again, down to level {d} (the root is level 0). How many nodes are there in "
        f"all, on every level from 0 to {d}? {WHOLE}"
    )
    levels = " + ".join(f"{k}^{i}" for i in range(d + 1))
    solution = (
        f"Level $i$ holds ${k}^i$ nodes, so the total is ${levels} = "
        f"\\frac{{{k}^{{{d + 1}}} - 1}}{{{k} - 1}} = \\frac{{{k ** (d + 1) - 1}}}{{{k - 1}}} "
        f"= {value}$."
    )
    mistakes = {
        "counted_only_the_last_level": (
            k**d,
            "That is the number of nodes on the bottom level. Add the nodes of every level "
            "from the root down.",
        ),
        "missed_the_bottom_level": (
            (k**d - 1) // (k - 1),
            "There are as many levels as the depth plus one: include the bottom level.",
        ),
    }
    params = {"k": k, "d": d}
    hint = f"Level $i$ holds ${k}^i$ nodes: add the levels from 0 to {d}."
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes, hint=hint
    )


# --------------------------------------------------------------------- 237. logarithms


@family("evaluate_a_logarithm")
def evaluate_a_logarithm(rng: np.random.Generator) -> Variant:
    """log_b x for x a whole, fractional or root power of b."""
    root, base_power = pick(rng, ((2, 1), (3, 1), (5, 1), (10, 1), (2, 2), (2, 3), (3, 2)))
    b = root**base_power
    exponent = Fraction(pick(rng, (-3, -2, -1, 2, 3, 4, 5)), base_power)
    if base_power > 1 and rng.integers(2):
        exponent = Fraction(pick(rng, (1, 2, 4, 5, 7)), base_power)
    x = Fraction(root) ** (exponent * base_power)
    if x.denominator == 1 and x.numerator > 10**6:
        exponent, x = Fraction(2), Fraction(b * b)
    prompt = f"Find $\\log_{{{b}}} {frac(x)}$. {LOWEST}"
    solution = (
        f"The question is which power of {b} gives ${frac(x)}$. Write both as powers of "
        f"{root}: "
        f"${b} = {root}^{{{base_power}}}$ and ${frac(x)} = {root}^{{{exponent * base_power}}}$"
        f", so ${b}^{{{frac(exponent)}}} = {frac(x)}$ and "
        f"$\\log_{{{b}}} {frac(x)} = {frac(exponent)}$."
    )
    mistakes = {
        "divided_by_the_base": (
            x / b,
            "A logarithm is an exponent, not a quotient: find the power that the base must "
            "be raised to.",
        ),
        "lost_the_sign_of_the_exponent": (
            -exponent,
            "A number between 0 and 1 needs a negative exponent, and a number above 1 a "
            "positive one. Check the sign.",
        ),
    }
    params = {"b": b, "x": str(x)}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=exponent,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("solve_a_logarithmic_equation")
def solve_a_logarithmic_equation(rng: np.random.Generator) -> Variant:
    """x from log_b x = k, by rewriting it as x = b^k."""
    b = pick(rng, (2, 3, 4, 5, 10))
    k = pick(rng, (-2, -1, 2, 3, 4) if b < 10 else (-2, -1, 2, 3))
    value = Fraction(b) ** k
    prompt = f"Solve $\\log_{{{b}}} x = {k}$. {LOWEST}"
    solution = (
        f"$\\log_{{{b}}} x = {k}$ says that ${k}$ is the power of {b} that gives $x$: "
        f"$x = {b}^{{{k}}} = {frac(value)}$."
    )
    mistakes = {
        "multiplied_base_and_log": (
            Fraction(b * k),
            "The logarithm is an exponent: x is the base raised to that power, not the "
            "base times it.",
        ),
        "swapped_base_and_exponent": (
            Fraction(k) ** b,
            "The base stays at the bottom: x is the base raised to the logarithm, not "
            "the logarithm raised to the base.",
        ),
    }
    params = {"b": b, "k": k}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ---------------------------------------------------- 238. joint probability distributions


def _joint_table(rng: np.random.Generator) -> tuple[list[int], list[str], list[list[Fraction]]]:
    """Values of X, labels of Y and a joint table (rows X, columns Y) in twentieths or
    twenty-fourths, every cell positive."""
    rows, cols = 2, 3
    cells = _probabilities(rng, rows * cols, pick(rng, (20, 24)))
    table = [cells[i * cols : (i + 1) * cols] for i in range(rows)]
    return [0, 1], ["a", "b", "c"], table


def _table_markdown(xs: list[int], ys: list[str], table: list[list[Fraction]]) -> str:
    head = "| | " + " | ".join(f"$Y = {y}$" for y in ys) + " |\n|" + "---|" * (len(ys) + 1)
    body = "\n".join(
        f"| $X = {x}$ | " + " | ".join(f"${frac(p)}$" for p in row) + " |"
        for x, row in zip(xs, table, strict=True)
    )
    return f"{head}\n{body}"


@family("marginal_from_a_joint_table")
def marginal_from_a_joint_table(rng: np.random.Generator) -> Variant:
    """P(Y = y) from a joint table of X and Y: add the column."""
    xs, ys, table = _joint_table(rng)
    j = draw(rng, 0, 2)
    x = draw(rng, 0, 1)
    column = [row[j] for row in table]
    value = sum(column, Fraction(0))
    prompt = (
        f"The table gives the joint distribution $P(X = x, Y = y)$.\n\n"
        f"{_table_markdown(xs, ys, table)}\n\nFind $P(Y = {ys[j]})$. {LOWEST}"
    )
    solution = (
        f"$Y = {ys[j]}$ happens together with $X = 0$ or with $X = 1$, so add the column: "
        f"${frac(column[0])} + {frac(column[1])} = {frac(value)}$."
    )
    mistakes = {
        "read_a_single_cell": (
            table[x][j],
            "One cell is the chance of Y taking that value and X one particular value "
            "together. Y can take it with every value of X: add them all.",
        ),
        "added_the_row": (
            sum(table[x], Fraction(0)),
            "That adds a row, which gives a probability for X. For Y add down the "
            "column of the value asked.",
        ),
    }
    params = {"table": [[str(p) for p in row] for row in table], "j": j, "x": x}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


@family("joint_probability_of_independent_variables")
def joint_probability_of_independent_variables(rng: np.random.Generator) -> Variant:
    """P(X = x, Y = y) = P(X = x) P(Y = y) for independent X and Y."""
    px = Fraction(draw(rng, 1, 9), 10)
    m = draw(rng, 1, 5)
    py = Fraction(m, 6)
    value = px * py
    event = pick(rng, ("a train is late", "a seed sprouts", "a server is busy"))
    prompt = (
        f"Let $X = 1$ if {event} and $X = 0$ otherwise, with $P(X = 1) = {frac(px)}$. A "
        f"fair die is rolled separately; let $Y = 1$ if it shows at most {m} and $Y = 0$ "
        f"otherwise. $X$ and $Y$ are independent. Find $P(X = 1, Y = 1)$. {LOWEST}"
    )
    solution = (
        f"For independent variables each cell of the joint table is the product of the "
        f"marginals. $P(Y = 1) = \\frac{{{m}}}{{6}}$, so $P(X = 1, Y = 1) = {frac(px)} "
        f"\\times {frac(py)} = {frac(value)}$."
    )
    mistakes = {
        "added_the_marginals": (
            px + py,
            "Adding gives the chance of one or the other (and counts the overlap twice). "
            "Both at once, for independent variables, is the product.",
        ),
        "averaged_the_marginals": (
            (px + py) / 2,
            "Averaging does not combine probabilities of two events happening together. "
            "For independent variables multiply them.",
        ),
    }
    params = {"px": str(px), "m": m}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )
