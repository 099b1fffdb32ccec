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
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
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
            "A term that crosses the equals sign changes its sign. Gather the $x$ terms on "
            "one side and the numbers on the other again, then check your point in both "
            "equations.",
        ),
    }
    if m1 + m2 != 0:
        added_x = Fraction(b2 - b1, m1 + m2)
        mistakes["added_the_x_terms"] = (
            (added_x, m1 * added_x + b1),
            "Taking an $x$ term to the other side subtracts it: the $x$ terms combine into "
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
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "a2": a2, "b2": b2, "c2": c2, "case": case},
        choices=choices,
        solution=reason,
        messages={code: messages[code] for code in wrong},
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
            "The fraction bar runs under the whole of $-b \\pm \\sqrt{b^2 - 4ac}$: divide "
            "both terms by $2a$, not just the square root.",
        ),
        "kept_the_sign_of_b": (
            sign_of_b,
            "The formula starts with $-b$, the opposite of the coefficient of $x$. Check "
            "the sign you used for $b$.",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
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
            "The discriminant subtracts $4ac$: $b^2 - 4ac$. Watch the signs when $a$ or "
            "$c$ is negative.",
        ),
        "misread_the_sign_of_the_discriminant": (
            (disc, 0 if count else 2),
            "Read the number of solutions from the sign of the discriminant: positive "
            "gives two (the $\\pm$ makes two values), zero gives one, negative gives none "
            "(no real square root).",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    return values_variant(
        prompt=prompt, params=params, value=(disc, count), solution=solution, mistakes=mistakes
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
            "That is $x$. The question asks for the angle: put $x$ back into either expression.",
        ),
        "made_them_supplementary": (
            a * supplementary_x + b,
            "Alternate interior angles at parallel lines are equal, not supplementary: set "
            "the two expressions equal. (Interior angles on the same side are the ones "
            "that add to $180^\\circ$.)",
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
            "$180^\\circ$: compare the two angles."
        ),
        "wanted_them_equal": (
            "Same-side interior angles are not equal at parallel lines; they add to "
            "$180^\\circ$. Add the two angles."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"x": x, "y": y, "pair": pair},
        choices=choices,
        solution=solution,
        messages={wrong_code: messages[wrong_code]},
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
            "The first number of the point goes in for $x$ and the second for $y$: you "
            "used them the other way round.",
        ),
        "squared_without_brackets": (
            value - 2 * a * px * px,
            "A negative number squared is positive: $(-3)^2 = 9$, while $-3^2$ is $-9$. "
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
            "The level is the squared distance from the centre, since $f$ adds two "
            "squares. Take its square root.",
        ),
        "halved_the_level": (
            c / 2,
            "Undo a square with a square root, not by halving.",
        ),
    }
    params = {"h": h, "k": k, "c": c}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
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
            "The first term has had no factor of $r$ yet, so term $n$ has $n - 1$ of them: "
            "the exponent is $n - 1$.",
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
            "Dividing the terms gives a power of $r$, one factor for each step between "
            "them. Take the matching root to get $r$ itself.",
        ),
    }
    params = {"i": i, "gap": gap, "first": first, "later": later}
    return exact_variant(
        prompt=prompt, params=params, value=Fraction(r), solution=solution, mistakes=mistakes
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
            "The vertex is at $x = -\\frac{b}{2a}$: the minus sign matters. Check the sign "
            "of your $x$ coordinate.",
        ),
        "forgot_the_2_in_2a": (
            (Fraction(2 * h), f(Fraction(2 * h))),
            "Divide $-b$ by $2a$, twice the leading coefficient, not by $a$.",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    return values_variant(
        prompt=prompt, params=params, value=(h, k), solution=solution, mistakes=mistakes
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
            "there: put that $x$ into $f$.",
        ),
        "gave_the_y_intercept": (
            c,
            "That is $f(0)$, where the graph crosses the $y$-axis. The extreme value is at "
            "the vertex, $x = -\\frac{b}{2a}$.",
        ),
    }
    params = {"a": a, "b": b, "c": c}
    return integer_variant(
        prompt=prompt, params=params, value=k, solution=solution, mistakes=mistakes
    )
