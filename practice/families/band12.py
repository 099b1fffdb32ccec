"""Question families for band 12 of the KL plan (positions 239 to 260): limits and their
laws, continuity and limits at infinity; transformations of graphs; triangle angles,
congruence and special right triangles; infinite geometric series; laws of logarithms, the
natural logarithm and change of base; tangent lines; functions of random variables,
marginal and conditional distributions, independence, linearity of expectation, variance.

Every family draws its numbers from ``rng`` and computes the answer in code: integers or
:class:`fractions.Fraction` where the answer is exact. Each named mistake is the value that
mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
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
    nonzero,
    number_variant,
    pick,
    plural,
    polynomial,
    shuffled_choice_variant,
    signed,
    term,
    values_variant,
)
from practice.grader import DEFAULT_REL_TOL
from practice.questions import Variant

POINT = "Give its two coordinates separated by a comma (e.g. `3, -2`)."


def _minus(var: str, h: int) -> str:
    """``x - h`` with the sign of ``h`` folded in: ``x + 3`` for h = -3, ``x`` for 0."""
    if h == 0:
        return var
    return f"{var} - {h}" if h > 0 else f"{var} + {-h}"


def _degrees(prompt: str, params: dict, value: int, solution: str, mistakes: dict) -> Variant:
    """A whole-number answer in degrees (an angle of a triangle)."""
    return integer_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="degrees",
    )


# ------------------------------------------------------------------------- 239. limits


@family("limit_at_a_removable_hole")
def limit_at_a_removable_hole(rng: np.random.Generator) -> Variant:
    """lim (x - a)(x - r)/(x - a) as x → a, the numerator given expanded: factor, cancel."""
    a, r = nonzero(rng, -6, 6), nonzero(rng, -9, 9)
    top = polynomial([1, -(a + r), a * r])
    value = a - r
    prompt = f"Find $\\lim_{{x \\to {a}}} \\frac{{{top}}}{{{_minus('x', a)}}}$. {WHOLE}"
    solution = (
        f"Substituting $x = {a}$ gives $\\frac{{0}}{{0}}$, which says only that the fraction "
        f"must be simplified first. The numerator factors as "
        f"$({_minus('x', a)})({_minus('x', r)})$; for $x \\neq {a}$ the common factor "
        f"cancels, leaving ${_minus('x', r)}$. Now substitute: "
        f"${a} - {signed(r)} = {value}$. So the limit is ${value}$."
    )
    mistakes = {
        "took_zero_over_zero_as_zero": (
            0,
            "Zero over zero is not zero: it means direct substitution has failed. Factor "
            "the numerator, cancel the factor shared with the denominator, then substitute.",
        ),
        "sign_slip_in_the_factor": (
            a + r,
            "Check the sign in the factor you kept: multiply your two factors back out and "
            "compare with the numerator before you cancel.",
        ),
    }
    params = {"a": a, "r": r}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("one_sided_limit_of_a_piecewise_function")
def one_sided_limit_of_a_piecewise_function(rng: np.random.Generator) -> Variant:
    """A one-sided limit at the break of a three-part function whose value there differs."""
    c = draw(rng, -4, 4)
    m1, b1 = nonzero(rng, -5, 5), draw(rng, -9, 9)
    m2, b2 = nonzero(rng, -5, 5), draw(rng, -9, 9)
    at_c = draw(rng, -12, 12)
    side = pick(rng, ("left", "right"))

    def left(x: int) -> int:
        return m1 * x + b1

    def right(x: int) -> int:
        return m2 * x + b2

    near, other = (left(c), right(c)) if side == "left" else (right(c), left(c))
    sign = "-" if side == "left" else "+"
    prompt = (
        f"Let $g(x) = \\begin{{cases}} {polynomial([m1, b1])} & \\text{{if }} x < {c} \\\\ "
        f"{at_c} & \\text{{if }} x = {c} \\\\ "
        f"{polynomial([m2, b2])} & \\text{{if }} x > {c} \\end{{cases}}$. "
        f"Find $\\lim_{{x \\to {c}^{sign}}} g(x)$. {WHOLE}"
    )
    piece = polynomial([m1, b1]) if side == "left" else polynomial([m2, b2])
    m = m1 if side == "left" else m2
    b = b1 if side == "left" else b2
    rule = "x < " if side == "left" else "x > "
    worked = f"{m} \\times {signed(c)} {term(b)}" if b else f"{m} \\times {signed(c)}"
    solution = (
        f"Approaching ${c}$ from the {side} means taking $x$ with ${rule}{c}$, where "
        f"$g(x) = {piece}$. The value $g({c}) = {at_c}$ plays no part in a limit. As $x$ "
        f"nears ${c}$, ${piece}$ nears ${worked} = {near}$. So the limit is ${near}$."
    )
    mistakes = {
        "used_the_other_side": (
            other,
            "That formula holds on the other side of the break. A one-sided limit follows "
            "only the inputs on its own side: check the condition each formula carries.",
        ),
        "used_the_value_at_the_point": (
            at_c,
            "A limit never looks at the value at the point itself, only at the values "
            "nearby. Follow the formula that holds just beside the point.",
        ),
    }
    params = {"c": c, "m1": m1, "b1": b1, "m2": m2, "b2": b2, "at_c": at_c, "side": side}
    return integer_variant(
        prompt=prompt, params=params, value=near, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------- 240. transformations of graphs


@family("point_after_shift_and_stretch")
def point_after_shift_and_stretch(rng: np.random.Generator) -> Variant:
    """Where (p, q) on y = f(x) goes on y = a f(x - h) + k."""
    p, q = draw(rng, -6, 6), nonzero(rng, -6, 6)
    a = pick(rng, (-3, -2, -1, 2, 3, 4))
    h, k = nonzero(rng, -7, 7), nonzero(rng, -9, 9)
    new = (p + h, a * q + k)
    outer = term(a, f"f({_minus('x', h)})", first=True)
    prompt = (
        f"The point $({p}, {q})$ lies on the graph of $y = f(x)$. To which point does it "
        f"move on the graph of $y = {outer} {term(k)}$? {POINT}"
    )
    solution = (
        f"The new graph reaches at input $x$ the old height at $x - {signed(h)}$, so the "
        f"point moves sideways by ${h}$: ${p} + {signed(h)} = {new[0]}$. Its height is "
        f"stretched by ${a}$, then shifted by ${k}$: ${a} \\times {signed(q)} + {signed(k)} = "
        f"{new[1]}$. So the point is $({new[0]}, {new[1]})$."
    )
    mistakes = {
        "shifted_the_wrong_way": (
            (p - h, new[1]),
            "The horizontal shift goes against the sign written inside the bracket: in "
            "f(x - h) the graph moves by +h. Undo the inside operation to find the new input.",
        ),
        "shifted_before_stretching": (
            (new[0], a * (q + k)),
            "Outside the function, work in the order of operations: multiply the old "
            "height by the stretch factor first, then add the vertical shift.",
        ),
    }
    params = {"p": p, "q": q, "a": a, "h": h, "k": k}
    return values_variant(
        prompt=prompt, params=params, value=new, solution=solution, mistakes=mistakes
    )


@family("point_after_horizontal_scaling")
def point_after_horizontal_scaling(rng: np.random.Generator) -> Variant:
    """Where (p, q) on y = f(x) goes on y = f(bx): the input is divided by b."""
    b = pick(rng, (-3, -2, 2, 3, 4, 5))
    t, q = nonzero(rng, -6, 6), nonzero(rng, -9, 9)
    p = b * t
    prompt = (
        f"The point $({p}, {q})$ lies on the graph of $y = f(x)$. To which point does it "
        f"move on the graph of $y = f({b}x)$? {POINT}"
    )
    solution = (
        f"The new graph has height ${q}$ where ${b}x = {p}$, that is at "
        f"$x = \\frac{{{p}}}{{{b}}} = {t}$; the heights are unchanged. So the point is "
        f"$({t}, {q})$."
    )
    mistakes = {
        "multiplied_the_input": (
            (p * b, q),
            "A factor inside the function acts on the input, so it works in reverse: solve "
            "for the x at which the inside equals the old input, which means dividing.",
        ),
        "stretched_vertically": (
            (p, b * q),
            "A factor inside the bracket changes the graph sideways, not up and down; only "
            "a factor outside f multiplies the heights.",
        ),
    }
    params = {"b": b, "t": t, "q": q}
    return values_variant(
        prompt=prompt, params=params, value=(t, q), solution=solution, mistakes=mistakes
    )


# -------------------------------------------------------- 241. triangle angle sum theorem


@family("third_angle_of_a_triangle")
def third_angle_of_a_triangle(rng: np.random.Generator) -> Variant:
    """The third angle from two: 180 minus both."""
    a = draw(rng, 15, 110)
    b = draw(rng, 15, 165 - a)
    value = 180 - a - b
    prompt = (
        f"Two angles of a triangle measure ${a}^\\circ$ and ${b}^\\circ$. Find the third "
        f"angle in degrees. {WHOLE}"
    )
    solution = (
        f"The three angles of a triangle add up to $180^\\circ$, so the third is "
        f"$180 - {a} - {b} = {value}$ degrees."
    )
    mistakes = {
        "used_360": (
            360 - a - b,
            "360° is the total around a point or in a four-sided figure. A triangle's angles "
            "together make a straight line: half a turn.",
        ),
        "subtracted_one_angle": (
            180 - a,
            "Both known angles take their share of the 180°: subtract each of them.",
        ),
    }
    params = {"a": a, "b": b}
    return _degrees(prompt, params, value, solution, mistakes)


@family("triangle_angles_in_a_ratio")
def triangle_angles_in_a_ratio(rng: np.random.Generator) -> Variant:
    """The largest angle of a triangle whose angles are in a given whole-number ratio."""
    while True:
        ratio = sorted(draw(rng, 1, 9) for _ in range(3))
        if 180 % sum(ratio) == 0 and len(set(ratio)) > 1:
            break
    order = [ratio[int(i)] for i in rng.permutation(3)]
    part = 180 // sum(ratio)
    value = max(ratio) * part
    prompt = (
        f"The angles of a triangle are in the ratio ${order[0]} : {order[1]} : {order[2]}$. "
        f"Find the largest angle in degrees. {WHOLE}"
    )
    solution = (
        f"Write the angles as ${order[0]}x$, ${order[1]}x$ and ${order[2]}x$. They add to "
        f"$180^\\circ$: ${sum(ratio)}x = 180$, so $x = {part}$. The largest is "
        f"${max(ratio)} \\times {part} = {value}$ degrees."
    )
    mistakes = {
        "gave_one_share": (
            part,
            "That is the size of one share of the ratio. Multiply it by the largest number "
            "in the ratio to get the largest angle.",
        ),
        "used_360": (
            2 * value,
            "The angles of a triangle add up to half a turn, not a full turn: share out "
            "180° among the parts of the ratio.",
        ),
    }
    params = {"order": order}
    return _degrees(prompt, params, value, solution, mistakes)


# ------------------------------------------------------------ 243. exterior angle theorem


@family("exterior_angle_from_remote_angles")
def exterior_angle_from_remote_angles(rng: np.random.Generator) -> Variant:
    """An exterior angle from its two remote interior angles, without the third angle."""
    a = draw(rng, 20, 100)
    b = draw(rng, 15, 165 - a)
    value = a + b
    prompt = (
        f"In triangle $ABC$, $\\angle A = {a}^\\circ$ and $\\angle B = {b}^\\circ$. Side "
        f"$BC$ is extended past $C$. Find the exterior angle at $C$ in degrees. {WHOLE}"
    )
    solution = (
        f"An exterior angle equals the sum of the two remote interior angles, here "
        f"$\\angle A$ and $\\angle B$: ${a} + {b} = {value}$ degrees. (The interior angle at "
        f"$C$ is its supplement, $180 - {value} = {180 - value}$ degrees.)"
    )
    mistakes = {
        "gave_the_interior_angle": (
            180 - a - b,
            "That is the interior angle at C, the one beside the exterior angle. The "
            "exterior angle is its supplement: the sum of the two angles at the far corners.",
        ),
    }
    params = {"a": a, "b": b}
    return _degrees(prompt, params, value, solution, mistakes)


@family("exterior_angle_solve_for_x")
def exterior_angle_solve_for_x(rng: np.random.Generator) -> Variant:
    """Exterior angle (px + q) equal to the sum of remote angles (rx + s) + (tx + u)."""
    while True:
        x = draw(rng, 8, 40)
        r, t = draw(rng, 1, 4), draw(rng, 1, 4)
        s, u = draw(rng, -20, 30), draw(rng, -20, 30)
        p = r + t + pick(rng, (-2, -1, 1, 2))
        remote_a, remote_b = r * x + s, t * x + u
        value = remote_a + remote_b
        if p > 0 and remote_a > 0 and remote_b > 0 and value < 180:
            break
    q = value - p * x
    ext, one, two = polynomial([p, q]), polynomial([r, s]), polynomial([t, u])
    prompt = (
        f"An exterior angle of a triangle measures $({ext})^\\circ$ and its two remote "
        f"interior angles measure $({one})^\\circ$ and $({two})^\\circ$. Find the size of the "
        f"exterior angle in degrees. {WHOLE}"
    )
    solved = term(p - (r + t), "x", first=True)
    worked = f"{p} \\times {x} {term(q)}" if q else f"{p} \\times {x}"
    solution = (
        f"The exterior angle equals the sum of the remote interior angles: "
        f"${ext} = {polynomial([r + t, s + u])}$, so ${solved} = {s + u - q}$ and $x = {x}$. "
        f"The exterior angle is ${worked} = {value}$ degrees (check: "
        f"${remote_a} + {remote_b} = {value}$)."
    )
    mistakes = {
        "gave_x_not_the_angle": (
            x,
            "That is the value of x. The question asks for the angle: put x back into the "
            "exterior angle's expression.",
        ),
        "gave_the_interior_angle": (
            180 - value,
            "That is the interior angle beside the exterior one. Evaluate the exterior "
            "angle's own expression at your x.",
        ),
    }
    params = {"x": x, "p": p, "q": q, "r": r, "s": s, "t": t, "u": u}
    return _degrees(prompt, params, value, solution, mistakes)


# ------------------------------------ 242. expected value of a function of a random variable

EXACT = "Give an exact answer: a whole number or a fraction in lowest terms."


def _small_distribution(
    rng: np.random.Generator, values: list[int]
) -> tuple[list[int], list[Fraction]]:
    """Three distinct values from ``values`` with probabilities of small denominator."""
    xs = sorted(int(x) for x in rng.choice(values, size=3, replace=False))
    weights = [draw(rng, 1, 5) for _ in xs]
    total = sum(weights)
    return xs, [Fraction(w, total) for w in weights]


def _table(xs: list[int], ps: list[Fraction]) -> str:
    """The mass function of X as a Markdown table."""
    top = " | ".join(f"${x}$" for x in xs)
    bottom = " | ".join(f"${frac(p)}$" for p in ps)
    return f"| $x$ | {top} |\n|---|{'---|' * len(xs)}\n| $p(x)$ | {bottom} |"


def _function_of_x(
    *,
    xs: list[int],
    ps: list[Fraction],
    g: Callable[[int], Fraction],
    asked: str,
    shown: Callable[[int], str],
    mean_mistake: str,
) -> Variant:
    """E[g(X)] = sum of g(x) p(x), with g(E[X]) and the unweighted mean of g as slips."""
    value = sum((g(x) * p for x, p in zip(xs, ps, strict=True)), Fraction(0))
    mean = sum((x * p for x, p in zip(xs, ps, strict=True)), Fraction(0))
    terms = " + ".join(f"{shown(x)} \\times {frac(p)}" for x, p in zip(xs, ps, strict=True))
    prompt = f"$X$ has this mass function:\n\n{_table(xs, ps)}\n\nFind ${asked}$. {EXACT}"
    solution = (
        f"Apply the function to each value and weight it by that value's probability: "
        f"${asked} = {terms} = {frac(value)}$."
    )
    mistakes = {
        "applied_the_function_to_the_mean": (
            g(mean),
            mean_mistake,
        ),
        "forgot_the_probabilities": (
            sum((g(x) for x in xs), Fraction(0)) / len(xs),
            "The values are not equally likely: weight each value of the function by the "
            "probability of the x it came from.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"xs": xs, "ps": [str(p) for p in ps]},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("expected_square_of_a_random_variable")
def expected_square_of_a_random_variable(rng: np.random.Generator) -> Variant:
    """E[X^2] from a table of X, told apart from (E[X])^2."""
    xs, ps = _small_distribution(rng, list(range(-3, 5)))
    return _function_of_x(
        xs=xs,
        ps=ps,
        g=lambda x: Fraction(x * x),
        asked="\\mathbb{E}[X^2]",
        shown=lambda x: f"{signed(x)}^2",
        mean_mistake="That squares the mean. Square each value of X first, then take the "
        "probability-weighted average of the squares.",
    )


@family("expected_reciprocal_of_a_random_variable")
def expected_reciprocal_of_a_random_variable(rng: np.random.Generator) -> Variant:
    """E[1/X] for a positive X, told apart from 1/E[X]."""
    xs, ps = _small_distribution(rng, list(range(1, 9)))
    return _function_of_x(
        xs=xs,
        ps=ps,
        g=lambda x: 1 / Fraction(x),
        asked="\\mathbb{E}\\left[\\frac{1}{X}\\right]",
        shown=lambda x: f"\\frac{{1}}{{{x}}}",
        mean_mistake="That is one over the mean. Take the reciprocal of each value of X "
        "first, then the probability-weighted average of the reciprocals.",
    )


# ---------------------------------------------------------- 244. infinite geometric series


def _pretty(x: Fraction) -> str:
    """``x`` in LaTeX with its minus sign in front of the fraction: ``-\\frac{1}{2}``."""
    return f"-{frac(-x)}" if x < 0 else frac(x)


def _typed(x: Fraction) -> str:
    """How a student types ``x``, for the end of a worked solution (a fraction only)."""
    return "" if x.denominator == 1 else f" (typed `{x}`)"


def _ratio(rng: np.random.Generator) -> Fraction:
    """A ratio strictly between -1 and 1, other than 0, with a small denominator."""
    q = draw(rng, 2, 6)
    return Fraction(nonzero(rng, -(q - 1), q - 1), q)


def _geometric_terms(a: Fraction, r: Fraction, count: int = 3) -> str:
    """The first ``count`` terms of a + ar + ... in LaTeX, signs folded in, then dots."""
    out = frac(a) if a > 0 else f"-{frac(-a)}"
    for k in range(1, count):
        t = a * r**k
        out += f" + {frac(t)}" if t > 0 else f" - {frac(-t)}"
    return f"{out} {'+' if a * r**count > 0 else '-'} \\dots"


@family("infinite_geometric_sum")
def infinite_geometric_sum(rng: np.random.Generator) -> Variant:
    """The sum a / (1 - r) of a convergent geometric series given by its first terms."""
    r = _ratio(rng)
    a = Fraction(nonzero(rng, -6, 9) * r.denominator**2)
    value = a / (1 - r)
    prompt = f"Find the sum of the infinite series ${_geometric_terms(a, r)}$. {EXACT}"
    solution = (
        f"The first term is $a = {frac(a)}$ and the ratio of each term to the one before is "
        f"$r = {_pretty(r)}$, with $|r| < 1$, so the series converges to "
        f"$\\frac{{a}}{{1 - r}} = \\frac{{{frac(a)}}}{{{frac(1 - r)}}} = {_pretty(value)}$"
        f"{_typed(value)}."
    )
    mistakes = {
        "dropped_the_sign_of_r": (
            a / (1 - abs(r)) if r < 0 else a / (1 + r),
            "Keep the sign of the ratio: divide a term by the one before it, sign included, "
            "and subtract that r from one in the denominator.",
        ),
        "started_at_the_second_term": (
            a * r / (1 - r),
            "The numerator of the formula is the first term of the series, not the second.",
        ),
    }
    params = {"a": str(a), "r": str(r)}
    return exact_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("first_term_from_the_infinite_sum")
def first_term_from_the_infinite_sum(rng: np.random.Generator) -> Variant:
    """The first term a = S (1 - r) of a geometric series with a known sum and ratio."""
    r = _ratio(rng)
    total = Fraction(nonzero(rng, -9, 12) * r.denominator)
    value = total * (1 - r)
    prompt = (
        f"An infinite geometric series has common ratio ${_pretty(r)}$ and sum "
        f"${frac(total)}$. "
        f"Find its first term. {EXACT}"
    )
    solution = (
        f"From $S = \\frac{{a}}{{1 - r}}$ we get $a = S(1 - r) = {frac(total)} \\times "
        f"{frac(1 - r)} = {_pretty(value)}${_typed(value)}."
    )
    mistakes = {
        "divided_by_one_minus_r": (
            total / (1 - r),
            "The sum is the first term divided by one minus r, so undo that division: multiply "
            "the sum by one minus r.",
        ),
        "used_one_plus_r": (
            total * (1 + r),
            "The formula's denominator is one minus r: subtract the ratio, keeping its sign.",
        ),
    }
    params = {"total": str(total), "r": str(r)}
    return exact_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------------ 245. laws of logarithms


@family("log_of_powers_from_known_logs")
def log_of_powers_from_known_logs(rng: np.random.Generator) -> Variant:
    """log_b(x^j y^k) or log_b(x^j / y^k) from log_b x = m and log_b y = n."""
    base = pick(rng, (2, 3, 5, 7, 10))
    m, n = nonzero(rng, -4, 6), nonzero(rng, -4, 6)
    j, k = draw(rng, 2, 5), draw(rng, 1, 4)
    quotient = bool(rng.integers(2))
    sign = -1 if quotient else 1
    value = j * m + sign * k * n
    power_y = "y" if k == 1 else f"y^{{{k}}}"
    inside = f"\\frac{{x^{{{j}}}}}{{{power_y}}}" if quotient else f"x^{{{j}}} {power_y}"
    op = "-" if quotient else "+"
    y_term = f"{'' if k == 1 else k} \\log_{{{base}}} y".lstrip()
    prompt = (
        f"Given $\\log_{{{base}}} x = {m}$ and $\\log_{{{base}}} y = {n}$, find "
        f"$\\log_{{{base}}}\\left({inside}\\right)$. {WHOLE}"
    )
    rule = "quotient" if quotient else "product"
    y_part = f"{signed(n)}" if k == 1 else f"{k} \\times {signed(n)}"
    solution = (
        f"By the {rule} rule and then the power rule, "
        f"$\\log_{{{base}}}\\left({inside}\\right) = {j} \\log_{{{base}}} x {op} "
        f"{y_term} = {j} \\times {signed(m)} {op} "
        f"{y_part} = {value}$."
    )
    mistakes = {
        "forgot_the_powers": (
            m + sign * n,
            "An exponent inside the logarithm comes out in front as a multiplier: "
            "the log of x to a power is that power times the log of x.",
        ),
    }
    if quotient:
        mistakes["subtracted_the_wrong_way"] = (
            -value,
            "The logarithm of a quotient is the log of the top minus the log of the bottom, "
            "in that order.",
        )
    else:
        mistakes["multiplied_the_logs"] = (
            j * m * k * n,
            "The logarithm of a product is the sum of the logarithms, not their product.",
        )
    params = {"base": base, "m": m, "n": n, "j": j, "k": k, "quotient": quotient}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("which_expression_is_the_log_of_a_product")
def which_expression_is_the_log_of_a_product(rng: np.random.Generator) -> Variant:
    """Pick the expression equal to log_b(p q) (or log_b(p / q)) among common slips."""
    base = pick(rng, (2, 3, 5, 10))
    p = draw(rng, 2, 30)
    q = pick(rng, [n for n in range(2, 31) if n != p])
    quotient = bool(rng.integers(2))
    log = f"\\log_{{{base}}}"
    if quotient:
        asked = f"{log} \\frac{{{p}}}{{{q}}}"
        choices = {
            "right": f"${log} {p} - {log} {q}$",
            "divided_the_logs": f"$\\frac{{{log} {p}}}{{{log} {q}}}$",
            "log_of_a_difference": f"${log}({p} - {q})$",
            "subtracted_the_wrong_way": f"${log} {q} - {log} {p}$",
        }
        rule = "the logarithm of a quotient is the difference of the logarithms, top minus bottom"
    else:
        asked = f"{log}({p} \\times {q})"
        choices = {
            "right": f"${log} {p} + {log} {q}$",
            "multiplied_the_logs": f"${log} {p} \\cdot {log} {q}$",
            "log_of_a_sum": f"${log}({p} + {q})$",
            "power_rule_misapplied": f"${p} {log} {q}$",
        }
        rule = "the logarithm of a product is the sum of the logarithms"
    messages = {
        "divided_the_logs": "Dividing inside the logarithm subtracts outside it; the "
        "logarithms themselves are never divided.",
        "log_of_a_difference": "There is no rule for the logarithm of a difference: "
        "a quotient inside becomes a difference outside, not the other way round.",
        "subtracted_the_wrong_way": "Keep the order: the log of the top comes first, the "
        "log of the bottom is subtracted.",
        "multiplied_the_logs": "Multiplying inside the logarithm adds outside it; the "
        "logarithms themselves are never multiplied.",
        "log_of_a_sum": "There is no rule for the logarithm of a sum: a product inside "
        "becomes a sum outside, not the other way round.",
        "power_rule_misapplied": "Only an exponent inside the logarithm comes out in front "
        "as a multiplier; here the number is a factor, whose logarithm is added.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"Which expression equals ${asked}$?",
        params={"base": base, "p": p, "q": q, "quotient": quotient},
        choices=choices,
        solution=f"Since logarithms are exponents, {rule}: ${asked} = "
        f"{choices['right'].strip('$')}$.",
        messages={code: messages[code] for code in choices if code != "right"},
    )


# ----------------------------------------------------------------------- 246. limit laws


@family("limit_of_a_combination")
def limit_of_a_combination(rng: np.random.Generator) -> Variant:
    """lim (p f + q g) from lim f = L and lim g = M, by the sum and constant-multiple laws."""
    a = draw(rng, -5, 5)
    big_l, big_m = nonzero(rng, -9, 9), nonzero(rng, -9, 9)
    p, q = nonzero(rng, -5, 6), nonzero(rng, -5, 6)
    value = p * big_l + q * big_m
    combo = f"{term(p, 'f(x)', first=True)} {term(q, 'g(x)')}"
    prompt = (
        f"Given $\\lim_{{x \\to {a}}} f(x) = {big_l}$ and $\\lim_{{x \\to {a}}} g(x) = "
        f"{big_m}$, find $\\lim_{{x \\to {a}}} \\left({combo}\\right)$. {WHOLE}"
    )
    solution = (
        f"The limit of a sum is the sum of the limits, and constants come out: "
        f"${p} \\times {signed(big_l)} + {signed(q)} \\times {signed(big_m)} = {value}$."
    )
    mistakes = {
        "dropped_the_constants": (
            big_l + (big_m if q > 0 else -big_m),
            "A constant multiple carries through the limit: multiply each limit by its "
            "coefficient before adding.",
        ),
        "lost_a_minus_sign": (
            p * big_l + q * abs(big_m) if big_m < 0 else p * big_l - q * big_m,
            "Keep track of signs when a negative limit is multiplied by a coefficient: put "
            "each limit in brackets before multiplying.",
        ),
    }
    params = {"a": a, "L": big_l, "M": big_m, "p": p, "q": q}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("limit_of_a_polynomial_by_the_laws")
def limit_of_a_polynomial_by_the_laws(rng: np.random.Generator) -> Variant:
    """lim of a quadratic at a negative point: the laws make it the value there."""
    a = draw(rng, -6, -1)
    c2, c1, c0 = nonzero(rng, -5, 5), draw(rng, -9, 9), draw(rng, -12, 12)
    value = c2 * a * a + c1 * a + c0
    poly = polynomial([c2, c1, c0])
    prompt = f"Find $\\lim_{{x \\to {a}}} \\left({poly}\\right)$. {WHOLE}"
    worked = f"{c2} \\times ({a})^2 + {signed(c1)} \\times ({a}) + {signed(c0)}"
    solution = (
        f"By the sum, product and constant-multiple laws, with $\\lim x = {a}$, the limit "
        f"of a polynomial is its value at the point: ${worked} = {value}$."
    )
    mistakes = {
        "squared_without_the_sign": (
            -c2 * a * a + c1 * a + c0,
            "The square of a negative number is positive: put the negative input in "
            "brackets before squaring it.",
        ),
    }
    params = {"a": a, "c2": c2, "c1": c1, "c0": c0}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------ 247. marginal distributions


def _joint_table(rng: np.random.Generator) -> tuple[list[int], list[list[Fraction]]]:
    """X's two values and a 2 x 3 joint table whose cells share one denominator."""
    xs = sorted(int(x) for x in rng.choice(list(range(-3, 7)), size=2, replace=False))
    weights = [[draw(rng, 1, 6) for _ in range(3)] for _ in xs]
    total = sum(map(sum, weights))
    return xs, [[Fraction(w, total) for w in row] for row in weights]


def _joint_markdown(xs: list[int], cells: list[list[Fraction]]) -> str:
    """The joint table with X down the side and Y = 1, 2, 3 across the top."""
    lines = ["| | $Y = 1$ | $Y = 2$ | $Y = 3$ |", "|---|---|---|---|"]
    for x, row in zip(xs, cells, strict=True):
        lines.append(f"| $X = {x}$ | " + " | ".join(f"${frac(p)}$" for p in row) + " |")
    return "\n".join(lines)


@family("marginal_probability_from_a_joint_table")
def marginal_probability_from_a_joint_table(rng: np.random.Generator) -> Variant:
    """P(Y = y) as a column total of a joint table."""
    xs, cells = _joint_table(rng)
    j = draw(rng, 0, 1)
    column = [row[j] for row in cells]
    value = sum(column, Fraction(0))
    prompt = (
        f"$X$ and $Y$ have this joint distribution:\n\n{_joint_markdown(xs, cells)}\n\n"
        f"Find $P(Y = {j + 1})$. {EXACT}"
    )
    added = " + ".join(frac(p) for p in column)
    solution = (
        f"Sum the joint probabilities over every value of $X$, down the column "
        f"$Y = {j + 1}$: ${added} = {frac(value)}$."
    )
    mistakes = {
        "read_a_single_cell": (
            column[0],
            "One cell is the chance of one pair of values. The marginal adds every cell "
            "with that value of Y, whatever X is.",
        ),
        "summed_a_row": (
            sum(cells[j], Fraction(0)),
            "That is a row total, the marginal of X. The marginal of Y adds down a column, "
            "over the values of X.",
        ),
    }
    params = {"xs": xs, "cells": [[str(p) for p in row] for row in cells], "j": j}
    return exact_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("expected_value_from_a_joint_table")
def expected_value_from_a_joint_table(rng: np.random.Generator) -> Variant:
    """E[X] from a joint table: marginalise Y away, then weight X's values."""
    xs, cells = _joint_table(rng)
    marginal = [sum(row, Fraction(0)) for row in cells]
    value = sum((x * p for x, p in zip(xs, marginal, strict=True)), Fraction(0))
    prompt = (
        f"$X$ and $Y$ have this joint distribution:\n\n{_joint_markdown(xs, cells)}\n\n"
        f"Find $\\mathbb{{E}}[X]$. {EXACT}"
    )
    rows = ", ".join(f"$P(X = {x}) = {frac(p)}$" for x, p in zip(xs, marginal, strict=True))
    solution = (
        f"First the marginal of $X$, the row totals: {rows}. Then "
        f"$\\mathbb{{E}}[X] = {xs[0]} \\times {frac(marginal[0])} + {signed(xs[1])} \\times "
        f"{frac(marginal[1])} = {_pretty(value)}${_typed(value)}."
    )
    mistakes = {
        "used_one_column": (
            sum((x * row[0] for x, row in zip(xs, cells, strict=True)), Fraction(0)),
            "Using only the first column leaves out most of the probability. Add each row "
            "across all values of Y first, then weight the values of X.",
        ),
        "averaged_the_values": (
            Fraction(xs[0] + xs[1], 2),
            "The two values of X need not be equally likely: weight each by its marginal "
            "probability, the total of its row.",
        ),
    }
    params = {"xs": xs, "cells": [[str(p) for p in row] for row in cells]}
    return exact_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------------------ continuity


def _at(coefficients: list[int], x: int) -> str:
    """The polynomial with ``coefficients`` (highest first) evaluated at ``x``, as LaTeX
    arithmetic, zero terms left out: ``2 \\times (-3)^{2} + 5 \\times (-3) + 1``."""
    top = len(coefficients) - 1
    parts = []
    for i, c in enumerate(coefficients):
        k = top - i
        if c == 0 and (parts or k):
            continue
        power = "" if k == 0 else f" \\times {signed(x)}" + ("" if k == 1 else f"^{{{k}}}")
        parts.append((str(c) if not parts else f"{signed(c)}") + power)
    return " + ".join(parts)


def _value_at(coefficients: list[int], x: int | Fraction) -> Fraction:
    """The polynomial with ``coefficients`` (highest first) at ``x``, exactly."""
    out = Fraction(0)
    for c in coefficients:
        out = out * x + c
    return out


@family("constant_that_makes_a_piecewise_function_continuous")
def constant_that_makes_a_piecewise_function_continuous(rng: np.random.Generator) -> Variant:
    """k with kc + d equal to the left piece's limit at the break c."""
    c = nonzero(rng, -3, 3)
    left = [nonzero(rng, -3, 3), draw(rng, -5, 5), draw(rng, -9, 9)]
    d = draw(rng, -9, 9)
    height = _value_at(left, c)
    value = (height - d) / c
    right = f"kx {term(d)}" if d else "kx"
    prompt = (
        f"Let $f(x) = \\begin{{cases}} {polynomial(left)} & \\text{{if }} x < {c} \\\\ "
        f"{right} & \\text{{if }} x \\geq {c} \\end{{cases}}$. "
        f"Find the constant $k$ that makes $f$ continuous at $x = {c}$. {EXACT}"
    )
    solution = (
        f"From the left, $f(x)$ tends to the left piece's value at ${c}$: "
        f"${_at(left, c)} = {height}$. From the right, and at ${c}$ itself, $f$ equals "
        f"$k \\times {signed(c)} {term(d)}$. The pieces join when "
        f"${term(c, 'k', first=True)} {term(d)} = {height}$, so "
        f"$k = \\frac{{{height} - {signed(d)}}}{{{c}}} = {_pretty(value)}${_typed(value)}."
    )
    mistakes = {
        "gave_the_height": (
            height,
            "That is the height at which the two pieces must meet, not k. Set the right "
            "piece at the break equal to that height and solve for k.",
        ),
        "moved_the_constant_the_wrong_way": (
            (height + d) / c,
            "When the constant term moves to the other side of the equation its sign "
            "changes: subtract it from the height before dividing.",
        ),
        "multiplied_by_the_break": (
            (height - d) * c,
            "In the right piece k is multiplied by the break point, so undo that by "
            "dividing by it, not multiplying.",
        ),
    }
    params = {"c": c, "left": left, "d": d}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Where is the left piece heading as $x$ nears ${c}$? Evaluate it at $x = {c}$.",
    )


_DISCONTINUITY_LABELS = {
    "continuous": "$f$ is continuous at $x = {a}$",
    "removable": "a removable discontinuity (a hole) at $x = {a}$",
    "jump": "a jump discontinuity at $x = {a}$",
    "infinite": "an infinite discontinuity (a blow-up) at $x = {a}$",
}
_DISCONTINUITY_MESSAGES = {
    "removable": {
        "continuous": "The limit exists here, but continuity also asks that f be defined at "
        "the point and equal to that limit there: compare the value with the limit.",
        "jump": "Cancel the common factor first: the values close in on one height from "
        "both sides, so the one-sided limits agree.",
        "infinite": "The denominator is zero at the point, but so is the numerator: cancel "
        "the common factor before deciding that the values blow up.",
    },
    "jump": {
        "continuous": "Being defined at the point is not enough. Find the limit from each "
        "side: they must agree with each other and with the value.",
        "removable": "For a hole the two one-sided limits agree. Evaluate each piece at the "
        "break and compare them.",
        "infinite": "Both pieces are straight lines, which stay finite near the break: "
        "nothing grows without bound.",
    },
    "infinite": {
        "continuous": "The function is given a value at the point, but the values nearby "
        "are nowhere near it: follow the fraction as its denominator shrinks to zero.",
        "removable": "Nothing cancels here: the numerator stays away from zero while the "
        "denominator tends to zero, so the values grow without bound.",
        "jump": "Near the point the values settle on no height from either side: they grow "
        "without bound.",
    },
    "continuous": {
        "removable": "Evaluate both pieces at the break: they give the same height, and the "
        "value there is that height, so nothing is missing.",
        "jump": "Evaluate each piece at the break before deciding: they meet, so the "
        "one-sided limits agree.",
        "infinite": "Both pieces are straight lines and stay finite near the break.",
    },
}


@family("kind_of_discontinuity")
def kind_of_discontinuity(rng: np.random.Generator) -> Variant:
    """Continuous, or a hole, a jump or a blow-up at x = a: decide from the limits."""
    a = nonzero(rng, -5, 5)
    kind = pick(rng, ("continuous", "removable", "jump", "infinite"))
    at = f"x = {a}"
    if kind == "removable":
        top = polynomial([1, 0, -a * a])
        fraction = f"\\frac{{{top}}}{{{_minus('x', a)}}}"
        defined = bool(rng.integers(2))
        value_at = nonzero(rng, -9, 9) + 2 * a if defined else None
        if defined:
            shown = (
                f"$f(x) = \\begin{{cases}} {fraction} & \\text{{if }} x \\neq {a} \\\\ "
                f"{value_at} & \\text{{if }} x = {a} \\end{{cases}}$"
            )
            tail = f"while $f({a}) = {value_at}$ is a different number"
        else:
            shown = f"$f(x) = {fraction}$, which is not defined at ${at}$"
            tail = f"while $f({a})$ is not defined"
        why = (
            f"For $x \\neq {a}$ the fraction equals ${_minus('x', -a)}$, so both one-sided "
            f"limits are ${a} + {signed(a)} = {2 * a}$, {tail}: the limit exists but is not "
            f"the value, which is a hole."
        )
        params = {"a": a, "kind": kind, "value_at": value_at}
    elif kind == "infinite":
        k = nonzero(rng, -9, 9)
        value_at = draw(rng, -5, 5)
        shown = (
            f"$f(x) = \\begin{{cases}} \\frac{{{k}}}{{({_minus('x', a)})^2}} & \\text{{if }} "
            f"x \\neq {a} \\\\ {value_at} & \\text{{if }} x = {a} \\end{{cases}}$"
        )
        why = (
            f"As $x \\to {a}$ the denominator $({_minus('x', a)})^2$ tends to $0$ while the "
            f"numerator stays ${k}$, so $|f(x)|$ grows without bound from both sides: no "
            f"finite limit, whatever the value $f({a}) = {value_at}$. That is a blow-up."
        )
        params = {"a": a, "kind": kind, "k": k, "value_at": value_at}
    else:
        m1, m2 = nonzero(rng, -4, 4), nonzero(rng, -4, 4)
        b1 = draw(rng, -9, 9)
        meet = m1 * a + b1
        gap = 0 if kind == "continuous" else nonzero(rng, -6, 6)
        b2 = meet + gap - m2 * a
        shown = (
            f"$f(x) = \\begin{{cases}} {polynomial([m1, b1])} & \\text{{if }} x < {a} \\\\ "
            f"{polynomial([m2, b2])} & \\text{{if }} x \\geq {a} \\end{{cases}}$"
        )
        sides = (
            f"From the left $f$ tends to ${m1} \\times {signed(a)} + {signed(b1)} = {meet}$; from "
            f"the right, and at ${a}$ itself, it equals "
            f"${m2} \\times {signed(a)} + {signed(b2)} = {meet + gap}$."
        )
        if kind == "continuous":
            why = f"{sides} All three agree, so $f$ is continuous there."
        else:
            why = f"{sides} The one-sided limits differ, so the graph jumps."
        params = {"a": a, "kind": kind, "m1": m1, "b1": b1, "m2": m2, "b2": b2}
    choices = {"right": _DISCONTINUITY_LABELS[kind].format(a=a)}
    for other, label in _DISCONTINUITY_LABELS.items():
        if other != kind:
            choices[f"said_{other}"] = label.format(a=a)
    messages = {f"said_{o}": text for o, text in _DISCONTINUITY_MESSAGES[kind].items()}
    return shuffled_choice_variant(
        rng,
        prompt=f"Let {shown}. What happens at ${at}$?",
        params=params,
        choices=choices,
        solution=why,
        messages=messages,
        hint=f"Find the limit of $f$ from each side of ${a}$ and compare both with $f({a})$.",
    )


# ---------------------------------------------------------- conditional distributions


@family("conditional_probability_from_a_joint_table")
def conditional_probability_from_a_joint_table(rng: np.random.Generator) -> Variant:
    """P(Y = y | X = x): one cell of the joint table over its row total."""
    xs, cells = _joint_table(rng)
    i, j = draw(rng, 0, 1), draw(rng, 0, 2)
    x, y = xs[i], j + 1
    row = sum(cells[i], Fraction(0))
    column = cells[0][j] + cells[1][j]
    cell = cells[i][j]
    value = cell / row
    prompt = (
        f"$X$ and $Y$ have this joint distribution:\n\n{_joint_markdown(xs, cells)}\n\n"
        f"Find $P(Y = {y} \\mid X = {x})$. {EXACT}"
    )
    added = " + ".join(frac(p) for p in cells[i])
    solution = (
        f"Given $X = {x}$ only its row is possible, and it adds to "
        f"$P(X = {x}) = {added} = {frac(row)}$. Divide the cell by that total: "
        f"$P(Y = {y} \\mid X = {x}) = {frac(cell)} \\div {frac(row)} = {frac(value)}$."
    )
    mistakes = {
        "read_the_joint_cell": (
            cell,
            "That cell is the chance of the pair, counted out of all the probability. Once "
            "X is known only its row is left: divide the cell by the row's total.",
        ),
        "divided_by_the_column": (
            cell / column,
            "Dividing by the column total conditions on Y, giving the chance of X given Y. "
            "To condition on X, divide by the total of X's row.",
        ),
        "multiplied_by_the_marginal": (
            cell * row,
            "Conditioning rescales the row up so that it adds to 1: divide the cell by the "
            "row's total rather than multiplying by it.",
        ),
    }
    params = {"xs": xs, "cells": [[str(p) for p in r] for r in cells], "i": i, "j": j}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"What does the row $X = {x}$ add up to?",
    )


@family("conditional_expectation_from_a_joint_table")
def conditional_expectation_from_a_joint_table(rng: np.random.Generator) -> Variant:
    """E[Y | X = x]: the row rescaled to a distribution, then Y's values weighted."""
    xs, cells = _joint_table(rng)
    i = draw(rng, 0, 1)
    x = xs[i]
    row = sum(cells[i], Fraction(0))
    given = [p / row for p in cells[i]]
    value = sum((y * p for y, p in zip((1, 2, 3), given, strict=True)), Fraction(0))
    overall = sum((y * (cells[0][j] + cells[1][j]) for j, y in enumerate((1, 2, 3))), Fraction(0))
    prompt = (
        f"$X$ and $Y$ have this joint distribution:\n\n{_joint_markdown(xs, cells)}\n\n"
        f"Find $\\mathbb{{E}}[Y \\mid X = {x}]$. {EXACT}"
    )
    scaled = ", ".join(f"{frac(p)}" for p in given)
    weighted = " + ".join(f"{y} \\times {frac(p)}" for y, p in zip((1, 2, 3), given, strict=True))
    solution = (
        f"The row $X = {x}$ adds to ${frac(row)}$; dividing its cells by that total gives "
        f"the conditional distribution of $Y$ for $Y = 1, 2, 3$: ${scaled}$. Then "
        f"$\\mathbb{{E}}[Y \\mid X = {x}] = {weighted} = {frac(value)}${_typed(value)}."
    )
    mistakes = {
        "did_not_rescale_the_row": (
            value * row,
            "The cells of one row add up to less than 1. Divide each by the row's total "
            "before weighting the values of Y, so that the weights add to 1.",
        ),
        "used_the_overall_mean": (
            overall,
            "That averages Y over the whole table, ignoring what X is. Use only the row of "
            "the given X, rescaled to add to 1.",
        ),
    }
    params = {"xs": xs, "cells": [[str(p) for p in r] for r in cells], "i": i}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"First turn the row $X = {x}$ into a distribution that adds to 1.",
    )


# ------------------------------------------------------ independent random variables


def _weights(rng: np.random.Generator, count: int) -> list[Fraction]:
    """``count`` probabilities from whole-number weights 1 to 4, adding to 1."""
    ws = [draw(rng, 1, 4) for _ in range(count)]
    return [Fraction(w, sum(ws)) for w in ws]


def _mass_table(name: str, values: list[int], ps: list[Fraction]) -> str:
    """The mass function of ``name`` as a one-row Markdown table."""
    top = " | ".join(f"${v}$" for v in values)
    bottom = " | ".join(f"${frac(p)}$" for p in ps)
    head = f"| ${name.lower()}$ | {top} |\n|---|{'---|' * len(values)}"
    return f"{head}\n| $P({name} = {name.lower()})$ | {bottom} |"


@family("sum_of_independent_variables")
def sum_of_independent_variables(rng: np.random.Generator) -> Variant:
    """P(X + Y = s) for independent X, Y on 0, 1, 2: a sum of products over the pairs."""
    values = [0, 1, 2]
    px, py = _weights(rng, 3), _weights(rng, 3)
    s = draw(rng, 1, 3)
    pairs = [(x, s - x) for x in values if s - x in values]
    value = sum((px[x] * py[y] for x, y in pairs), Fraction(0))
    prompt = (
        f"$X$ and $Y$ are independent, with\n\n{_mass_table('X', values, px)}\n\n"
        f"{_mass_table('Y', values, py)}\n\nFind $P(X + Y = {s})$. {EXACT}"
    )
    listed = and_list([f"$({x}, {y})$" for x, y in pairs])
    products = " + ".join(f"{frac(px[x])} \\times {frac(py[y])}" for x, y in pairs)
    solution = (
        f"The sum is ${s}$ for the pairs {listed}. Independence makes each pair's "
        f"probability the product of the two margins, and the pairs exclude one another, so "
        f"$P(X + Y = {s}) = {products} = {frac(value)}$."
    )
    mistakes = {
        "added_instead_of_multiplying": (
            sum((px[x] + py[y] for x, y in pairs), Fraction(0)),
            "For independent variables the chance of both values together is the product "
            "of their chances, not the sum: multiply within each pair, then add the pairs.",
        ),
        "counted_pairs_as_equally_likely": (
            Fraction(len(pairs), 9),
            "The nine pairs are not equally likely here: weight each pair by the product of "
            "its two probabilities instead of counting pairs.",
        ),
    }
    params = {"px": [str(p) for p in px], "py": [str(p) for p in py], "s": s}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"List the pairs of values of $X$ and $Y$ that add up to ${s}$.",
    )


@family("missing_cell_of_an_independent_table")
def missing_cell_of_an_independent_table(rng: np.random.Generator) -> Variant:
    """P(X = 0, Y = 1) from P(X = 1) and P(X = 1, Y = 1) when X and Y are independent."""
    p = Fraction(draw(rng, 1, 4), 5) if rng.integers(2) else Fraction(pick(rng, (1, 2)), 3)
    q = Fraction(draw(rng, 1, 5), 6)
    cell = p * q
    value = (1 - p) * q
    prompt = (
        f"$X$ and $Y$ are independent, and $X$ is 0 or 1. You know $P(X = 1) = {frac(p)}$ "
        f"and $P(X = 1, Y = 1) = {frac(cell)}$. Find $P(X = 0, Y = 1)$. {EXACT}"
    )
    solution = (
        f"Independence says $P(X = 1, Y = 1) = P(X = 1)\\,P(Y = 1)$, so "
        f"$P(Y = 1) = {frac(cell)} \\div {frac(p)} = {frac(q)}$. Then "
        f"$P(X = 0, Y = 1) = P(X = 0)\\,P(Y = 1) = {frac(1 - p)} \\times {frac(q)} = "
        f"{frac(value)}$."
    )
    mistakes = {
        "copied_the_known_cell": (
            cell,
            "The two cells of a column are equal only when X's two values are equally "
            "likely. Find the chance that Y = 1 first, then multiply by the chance that X = 0.",
        ),
        "multiplied_the_cell": (
            (1 - p) * cell,
            "The known cell already contains the factor P(X = 1). Divide it out to get the "
            "chance that Y = 1 before multiplying by the chance that X = 0.",
        ),
        "stopped_at_the_margin": (
            q,
            "That is the chance that Y = 1 whatever X is. The cell asks for X = 0 as well: "
            "multiply by the chance of that.",
        ),
    }
    params = {"p": str(p), "q": str(q)}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Independence writes the known cell as a product: which factor is unknown?",
    )


# ----------------------------------------------------------------- limits at infinity


@family("limit_at_infinity_of_a_rational_function")
def limit_at_infinity_of_a_rational_function(rng: np.random.Generator) -> Variant:
    """lim (top)/(bottom) as x → ∞: the leading coefficients' ratio for equal degrees, and
    0 (on purpose, a third of the time) when the bottom's degree is higher."""
    degree = draw(rng, 2, 3)
    lower = rng.integers(3) == 0
    top_degree = degree - 1 if lower else degree
    top = [nonzero(rng, -9, 9)] + [draw(rng, -9, 9) for _ in range(top_degree)]
    bottom = [nonzero(rng, -6, 9)] + [draw(rng, -9, 9) for _ in range(degree)]
    top[-1] = top[-1] or 1
    bottom[-1] = bottom[-1] or 1
    leading = Fraction(top[0], bottom[0])
    value = Fraction(0) if lower else leading
    power = f"x^{{{degree}}}"
    prompt = (
        f"Find $\\lim_{{x \\to \\infty}} \\frac{{{polynomial(top)}}}{{{polynomial(bottom)}}}$. "
        f"{EXACT}"
    )
    if lower:
        why = (
            f"The bottom has degree ${degree}$ and the top only ${top_degree}$. Divide every "
            f"term by ${power}$: each term of the top then has a power of $x$ left in its "
            f"denominator and tends to $0$, while the bottom tends to ${bottom[0]}$. So the "
            f"limit is $\\frac{{0}}{{{bottom[0]}}} = 0$."
        )
    else:
        why = (
            f"Top and bottom both have degree ${degree}$. Divide every term by ${power}$: "
            f"every term but the leading ones tends to $0$, leaving "
            f"${_ratio_is(top[0], bottom[0])}${_typed(value)}."
        )
    mistakes = {
        "used_the_constant_terms": (
            Fraction(top[-1], bottom[-1]),
            "The constant terms matter near x = 0, not far out: as x grows the highest "
            "powers dominate. Divide every term by the highest power of x in the bottom.",
        ),
        "read_infinity_over_infinity_as_one": (
            Fraction(1),
            "Infinity over infinity is not 1: it only says that both parts grow. Divide "
            "every term by the highest power of x to see how they compare.",
        ),
    }
    if lower:
        mistakes["compared_leading_coefficients_of_different_degrees"] = (
            leading,
            "The leading coefficients are compared only when the degrees are equal. Here "
            "the bottom grows faster: divide by its highest power and see what the top becomes.",
        )
    params = {"top": top, "bottom": bottom}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=why,
        mistakes=mistakes,
        hint=f"Divide every term of the top and the bottom by ${power}$.",
    )


def _times(c: int) -> str:
    """A coefficient written before a power: ``3 \\cdot `` (nothing for 1, ``-`` for -1)."""
    return {1: "", -1: "-"}.get(c, f"{c} \\cdot ")


def _ratio_is(a: int, b: int) -> str:
    """``\\frac{a}{b}``, followed by ``= `` and its lowest terms when those differ."""
    value = Fraction(a, b)
    shown = f"\\frac{{{a}}}{{{b}}}"
    return shown if _pretty(value) == shown else f"{shown} = {_pretty(value)}"


@family("end_value_of_an_exponential_ratio")
def end_value_of_an_exponential_ratio(rng: np.random.Generator) -> Variant:
    """lim (p b^x + q)/(s b^x + t) as x → ∞ (p/s) or x → -∞ (q/t), with s, t > 0."""
    base = pick(rng, (2, 3, 10))
    p, q = nonzero(rng, -9, 9), nonzero(rng, -9, 9)
    s, t = draw(rng, 1, 9), draw(rng, 1, 9)
    end = pick(rng, ("+", "-"))
    value = Fraction(p, s) if end == "+" else Fraction(q, t)
    other = Fraction(q, t) if end == "+" else Fraction(p, s)
    power = f"{base}^x"
    top, bottom = f"{_times(p)}{power} {term(q)}", f"{_times(s)}{power} + {t}"
    where = "\\infty" if end == "+" else "-\\infty"
    prompt = f"Find $\\lim_{{x \\to {where}}} \\frac{{{top}}}{{{bottom}}}$. {EXACT}"
    if end == "+":
        why = (
            f"As $x \\to \\infty$, ${power}$ grows without bound. Divide top and bottom by it: "
            f"$\\frac{{{p} {term(q)} \\cdot {base}^{{-x}}}}{{{s} + {_times(t)}{base}^{{-x}}}}$, "
            f"and ${base}^{{-x}} \\to 0$, leaving ${_ratio_is(p, s)}$"
            f"{_typed(value)}."
        )
    else:
        why = (
            f"As $x \\to -\\infty$, ${power}$ shrinks to $0$, so the top tends to ${q}$ and the "
            f"bottom to ${t}$: the limit is ${_ratio_is(q, t)}$"
            f"{_typed(value)}."
        )
    mistakes = {
        "took_the_other_end": (
            other,
            "That is the limit at the other end. Decide first whether the power of the base "
            "grows without bound or shrinks to zero in the direction asked.",
        ),
        "evaluated_at_zero": (
            Fraction(p + q, s + t),
            "That is the value at x = 0. A limit at infinity asks where the values settle as "
            "x runs off far along the axis, where the power of the base dominates or vanishes.",
        ),
    }
    params = {"base": base, "p": p, "q": q, "s": s, "t": t, "end": end}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=why,
        mistakes=mistakes,
        hint=f"What does ${power}$ do as $x \\to {where}$: grow or shrink to 0?",
    )


# ------------------------------------------------------------- Bernoulli distribution


def _twentieths(rng: np.random.Generator) -> Fraction:
    """A success probability in twentieths, from 0.05 to 0.95, never one half."""
    return Fraction(pick(rng, [k for k in range(1, 20) if k != 10]), 20)


def _dec(x: Fraction) -> str:
    """A fraction with a terminating decimal written as that decimal, every digit kept:
    ``0.35``, ``191.3275``."""
    return format(Decimal(x.numerator) / Decimal(x.denominator), "f")


@family("bernoulli_entropy_in_bits")
def bernoulli_entropy_in_bits(rng: np.random.Generator) -> Variant:
    """H(p) = -p log2 p - (1 - p) log2 (1 - p) of one Bernoulli trial, in bits."""
    p = _twentieths(rng)
    what = pick(
        rng,
        (
            "A seed sprouts with probability {p}.",
            "A packet is lost on a noisy link with probability {p}.",
            "A free throw goes in with probability {p}.",
            "A bent coin lands heads with probability {p}.",
        ),
    )
    a, b = float(p), float(1 - p)
    parts = [-a * math.log2(a), -b * math.log2(b)]
    value = sum(parts)
    prompt = (
        f"{what.format(p=_dec(p))} Let $X = 1$ if it happens and $0$ if not. Find the "
        f"entropy $H(X)$ in bits, to 3 significant figures."
    )
    solution = (
        f"$X$ is Bernoulli with $p = {_dec(p)}$, so $H(X) = -p \\log_2 p - (1 - p) \\log_2 "
        f"(1 - p) = -{_dec(p)} \\log_2 {_dec(p)} - {_dec(1 - p)} \\log_2 {_dec(1 - p)} "
        f"\\approx {parts[0]:.4f} + {parts[1]:.4f} \\approx {value:#.3g}$ bits."
    )
    mistakes = {
        "used_natural_logarithms": (
            value * math.log(2),
            "Those are nats: the natural logarithm was used. For bits take logarithms to base "
            "2, or divide each natural logarithm by ln 2.",
        ),
        "left_out_the_failure_term": (
            parts[0],
            "The entropy sums over both outcomes: add the term for X = 0, with probability "
            "one minus p, to the term for X = 1.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"p": str(p), "what": what},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Write one term $-q \\log_2 q$ for each outcome, with $q$ its probability.",
    )


@family("variance_of_an_indicator_payoff")
def variance_of_an_indicator_payoff(rng: np.random.Generator) -> Variant:
    """Var(b + (a - b) X) = (a - b)^2 p (1 - p) for a Bernoulli X: a two-outcome payoff."""
    p = _twentieths(rng)
    a = draw(rng, 3, 20)
    b = draw(rng, a - 9, a - 2)  # a gap of at most 9 keeps the answer to 6 figures
    spread = a - b
    value = spread * spread * p * (1 - p)
    prompt = (
        f"A game scores ${a}$ points with probability ${_dec(p)}$ and ${b}$ "
        f"{plural(b, 'point')} otherwise. "
        f"Find the variance of the payoff. Give an exact decimal or fraction."
    )
    solution = (
        f"Let $X$ be the Bernoulli indicator of the win, with $\\operatorname{{Var}}(X) = "
        f"p(1 - p) = {_dec(p)} \\times {_dec(1 - p)} = {_dec(p * (1 - p))}$. The payoff is "
        f"${b} + {signed(spread)}X$: adding a constant leaves the variance alone and scaling "
        f"by ${spread}$ multiplies it by ${spread}^2$, so the variance is "
        f"${spread}^2 \\times {_dec(p * (1 - p))} = {_dec(value)}$."
    )
    mistakes = {
        "did_not_square_the_scale": (
            spread * p * (1 - p),
            "Variance is measured in squared units: scaling X by a factor multiplies its "
            "variance by the square of that factor.",
        ),
        "scaled_by_the_prize_alone": (
            a * a * p * (1 - p),
            "The payoff moves between its two values, so the scale is their difference, "
            "not the larger payoff by itself.",
        ),
        "gave_the_indicator_variance": (
            p * (1 - p),
            "That is the variance of the win indicator, which is 0 or 1. The payoff differs "
            "from it by a scale: multiply by the square of the gap between the payoffs.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"p": str(p), "a": a, "b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Write the payoff as a constant plus a multiple of a 0-or-1 indicator of winning.",
    )


# ---------------------------------------------------------- linearity of expectation


@family("expectation_of_a_linear_combination")
def expectation_of_a_linear_combination(rng: np.random.Generator) -> Variant:
    """E[aX + bY + c] with E[X] from a table of X and E[Y] given; X and Y dependent."""
    xs, ps = _small_distribution(rng, list(range(-3, 7)))
    mean_y = nonzero(rng, -6, 8)
    a, b, c = nonzero(rng, -5, 5), nonzero(rng, -5, 5), nonzero(rng, -9, 9)
    mean_x = sum((x * p for x, p in zip(xs, ps, strict=True)), Fraction(0))
    value = a * mean_x + b * mean_y + c
    combo = f"{term(a, 'X', first=True)} {term(b, 'Y')} {term(c)}"
    weighted = " + ".join(f"{signed(x)} \\times {frac(p)}" for x, p in zip(xs, ps, strict=True))
    prompt = (
        f"$X$ has this mass function:\n\n{_table(xs, ps)}\n\n$Y$ is another random "
        f"variable on the same experiment, not independent of $X$, with "
        f"$\\mathbb{{E}}[Y] = {mean_y}$. Find $\\mathbb{{E}}[{combo}]$. {EXACT}"
    )
    solution = (
        f"First $\\mathbb{{E}}[X] = {weighted} = {_pretty(mean_x)}$. Expectation is linear "
        f"whether or not $X$ and $Y$ are independent, so "
        f"$\\mathbb{{E}}[{combo}] = {a} \\times {_paren(mean_x)} + {signed(b)} \\times "
        f"{signed(mean_y)} + {signed(c)} = {_pretty(value)}${_typed(value)}."
    )
    mistakes = {
        "dropped_the_constant": (
            value - c,
            "The constant is part of the sum: a constant's expected value is itself, so add "
            "it on at the end.",
        ),
        "averaged_the_values_of_x": (
            a * Fraction(sum(xs), len(xs)) + b * mean_y + c,
            "The values of X are not equally likely: find its mean by weighting each value "
            "with its probability.",
        ),
    }
    params = {"xs": xs, "ps": [str(p) for p in ps], "mean_y": mean_y, "a": a, "b": b, "c": c}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find $\\mathbb{E}[X]$ from the table; independence is not needed for the rest.",
    )


def _paren(x: Fraction) -> str:
    """``x`` in LaTeX, in brackets when negative: ``\\left(-\\frac{1}{2}\\right)``."""
    return f"\\left({_pretty(x)}\\right)" if x < 0 else frac(x)


@family("expected_number_of_empty_boxes")
def expected_number_of_empty_boxes(rng: np.random.Generator) -> Variant:
    """k balls dropped at random into n boxes: n ((n - 1)/n)^k boxes stay empty on average,
    by adding the boxes' indicators, which are dependent."""
    n, k = draw(rng, 3, 6), draw(rng, 2, 5)
    story = pick(
        rng,
        (
            (
                "{k} balls are dropped at random into {n} boxes",
                "box",
                "boxes",
                "stays empty",
                "stay empty",
            ),
            (
                "{k} guests each pick one of {n} tables at random",
                "table",
                "tables",
                "is left empty",
                "are left empty",
            ),
            (
                "{k} emails are each sent to one of {n} servers at random",
                "server",
                "servers",
                "receives none",
                "receive none",
            ),
        ),
    )
    text, one, many, empty, empties = story
    miss = Fraction(n - 1, n) ** k
    every = "both" if k == 2 else f"all {k}"
    value = n * miss
    prompt = (
        f"{text.format(k=k, n=n)}, each choice independent and equally likely. What is the "
        f"expected number of {many} that {empties}? {EXACT}"
    )
    solution = (
        f"Let $I_j = 1$ if {one} $j$ {empty}. That happens when {every} choices miss it, each one "
        f"missing with probability $\\frac{{{n - 1}}}{{{n}}}$, so $\\mathbb{{E}}[I_j] = "
        f"\\left(\\frac{{{n - 1}}}{{{n}}}\\right)^{{{k}}} = {frac(miss)}$. The count is "
        f"$I_1 + \\dots + I_{{{n}}}$, and although the indicators depend on each other, "
        f"expectation adds: ${n} \\times {frac(miss)} = {_pretty(value)}${_typed(value)}."
    )
    mistakes = {
        "gave_one_indicator": (
            miss,
            f"That is the chance that one particular {one} {empty}. The count adds an "
            f"indicator for every {one}: multiply by how many there are.",
        ),
        "assumed_every_choice_is_new": (
            Fraction(max(n - k, 0)),
            f"Two choices can land on the same {one}, so fewer {many} get used than there "
            f"are choices. Find each {one}'s chance of being missed by every choice instead.",
        ),
    }
    params = {"n": n, "k": k, "story": list(story)}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Give each {one} an indicator. What is the chance that one given {one} {empty}?",
    )


# ------------------------------------------------ tangent lines and rates of change


@family("tangent_line_of_a_quadratic")
def tangent_line_of_a_quadratic(rng: np.random.Generator) -> Variant:
    """Slope and intercept of the tangent to ax^2 + bx + c at x0, the slope found as the
    limit of the secant slopes 2a x0 + b + a h."""
    a, b, c = nonzero(rng, -4, 4), draw(rng, -8, 8), draw(rng, -9, 9)
    x0 = nonzero(rng, -4, 4)
    y0 = a * x0 * x0 + b * x0 + c
    slope = 2 * a * x0 + b
    intercept = y0 - slope * x0
    f = polynomial([a, b, c])
    prompt = (
        f"Find the tangent line to $y = {f}$ at $x = {x0}$, written as $y = mx + k$. "
        f"Give $m$ and $k$ separated by a comma (e.g. `3, -2`)."
    )
    solution = (
        f"The point is $({x0}, {y0})$, since ${_at([a, b, c], x0)} = {y0}$. The secant slope "
        f"over a step $h$ is $\\frac{{f({x0} + h) - f({x0})}}{{h}} = "
        f"{polynomial([a, slope], 'h')}$, which tends to ${slope}$ as "
        f"$h \\to 0$: that is $m$. The line through the point is "
        f"${_minus('y', y0)} = {slope}({_minus('x', x0)})$, so "
        f"$k = {y0} - {signed(slope)} \\times {signed(x0)} = {intercept}$: $m = {slope}$ and "
        f"$k = {intercept}$."
    )
    mistakes = {
        "took_the_height_for_the_intercept": (
            (slope, y0),
            "The intercept is where the line meets x = 0, not the height of the curve at "
            "the point of contact: solve for it from the point-slope form.",
        ),
        "added_m_x0_instead_of_subtracting": (
            (slope, y0 + slope * x0),
            "From y - y0 = m(x - x0) the intercept is y0 minus m times x0: check the sign "
            "when you expand the bracket.",
        ),
        "used_the_secant_over_one_step": (
            (slope + a, y0 - (slope + a) * x0),
            "That slope belongs to the secant over a step of 1. The tangent's slope is the "
            "limit as the step shrinks to 0: drop the term that still contains h.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "x0": x0}
    return values_variant(
        prompt=prompt,
        params=params,
        value=(slope, intercept),
        solution=solution,
        mistakes=mistakes,
        hint=f"Simplify $\\frac{{f({x0} + h) - f({x0})}}{{h}}$ and let $h$ shrink to 0.",
    )


@family("average_velocity_over_an_interval")
def average_velocity_over_an_interval(rng: np.random.Generator) -> Variant:
    """(s(t2) - s(t1)) / (t2 - t1) for a quadratic position s(t), in metres per second."""
    a = pick(rng, (-5, -4, -3, -2, 2, 3, 4, 5))
    b, c = draw(rng, -10, 30), draw(rng, 0, 40)
    t1 = draw(rng, 0, 4)
    t2 = t1 + draw(rng, 1, 5)
    s = [a, b, c]
    s1, s2 = _value_at(s, t1), _value_at(s, t2)
    value = (s2 - s1) / (t2 - t1)
    prompt = (
        f"An object's position after $t$ seconds is $s(t) = {polynomial(s, 't')}$ metres. "
        f"Find its average velocity from $t = {t1}$ to $t = {t2}$, in metres per second. "
        f"{EXACT}"
    )
    solution = (
        f"$s({t1}) = {_at(s, t1)} = {s1}$ and $s({t2}) = {_at(s, t2)} = {s2}$. The average "
        f"velocity is the change in position over the time taken: "
        f"$\\frac{{{s2} - {signed(int(s1))}}}{{{t2} - {t1}}} = {_pretty(value)}${_typed(value)} "
        f"metres per second."
    )
    mistakes = {
        "did_not_divide_by_the_time": (
            s2 - s1,
            "That is the change in position. A velocity is a change per second: divide by "
            "the time the change took.",
        ),
        "gave_the_velocity_at_the_end": (
            Fraction(2 * a * t2 + b),
            "That is the velocity at the final instant, the slope of the tangent there. The "
            "average over the interval is the slope of the secant through both ends.",
        ),
        "divided_position_by_time": (
            s2 / t2,
            "Position over time since the start is not the average over this interval: use "
            "the change in position between the two times, over the time between them.",
        ),
    }
    params = {"s": s, "t1": t1, "t2": t2}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Find $s({t1})$ and $s({t2})$ first.",
    )


# ----------------------------------------------------------------- congruent triangles

_CRITERIA = {
    "SSS": "SSS",
    "SAS": "SAS",
    "ASA": "ASA",
    "AAS": "AAS",
    "none": "none of these: the facts given do not prove congruence",
}
_CRITERION_MESSAGES = {
    "SSS": "SSS needs all three pairs of sides equal: count how many pairs of sides are given.",
    "SAS": "SAS needs two pairs of sides and the angle between them, at the vertex where those "
    "two sides meet. Check where the equal angle sits.",
    "ASA": "ASA needs two pairs of angles and the side joining their two vertices. Check which "
    "side is given and whether it runs between the two angles.",
    "AAS": "AAS needs two pairs of angles and a pair of sides, the sides not between the "
    "angles. Check what is given against that.",
    "none": "These facts are enough: match them against the four tests, watching which side "
    "lies between which angles.",
}

# Two angles fix the third, so facts that fit AAS also prove congruence by ASA once the
# third angle is worked out, and the other way round: the question asks which test the
# facts fit as given, and says so to a student who took that extra step.
_ANGLE_SIDE_MESSAGES = {
    "AAS": {
        "said_ASA": "That holds only after working out the third angle. As given, the side "
        "does not join the vertices of the two given angles: find the test that fits the "
        "facts as they stand."
    },
    "ASA": {
        "said_AAS": "That holds only after working out the third angle. As given, the side "
        "joins the vertices of the two given angles: find the test that fits the facts as "
        "they stand."
    },
}


@family("congruence_criterion")
def congruence_criterion(rng: np.random.Generator) -> Variant:
    """Which test (SSS, SAS, ASA, AAS) the given equal parts fit, or none (SSA, AAA)."""
    case = pick(rng, ("SSS", "SAS", "ASA", "AAS", "SSA", "AAA"))
    order = [int(n) for n in rng.permutation(3)]
    i, j, k = order
    first, second = "ABC", "DEF"

    def side(u: int, w: int) -> str:
        u, w = sorted((u, w))
        return f"${first[u]}{first[w]} = {second[u]}{second[w]}"

    def angle(u: int) -> str:
        return f"$\\angle {first[u]} = \\angle {second[u]}"

    angles = [draw(rng, 30, 80), draw(rng, 30, 80)]
    if case == "SSS":
        lengths = sorted(draw(rng, 4, 15) for _ in range(3))
        while lengths[0] + lengths[1] <= lengths[2]:
            lengths = sorted(draw(rng, 4, 15) for _ in range(3))
        facts = [
            f"{side(i, j)} = {lengths[0]}$",
            f"{side(j, k)} = {lengths[1]}$",
            f"{side(i, k)} = {lengths[2]}$",
        ]
        why = "All three pairs of sides are equal, so the triangles are congruent by SSS."
    elif case == "SAS":
        facts = [
            f"{side(i, j)} = {draw(rng, 4, 15)}$",
            f"{angle(i)} = {angles[0]}^\\circ$",
            f"{side(i, k)} = {draw(rng, 4, 15)}$",
        ]
        why = (
            f"The equal angle at ${first[i]}$ lies between the two given sides "
            f"${first[min(i, j)]}{first[max(i, j)]}$ and ${first[min(i, k)]}{first[max(i, k)]}$, "
            f"which meet there: SAS."
        )
    elif case == "SSA":
        theta = draw(rng, 25, 60)
        adjacent = draw(rng, 8, 15)
        lowest = math.floor(adjacent * math.sin(math.radians(theta))) + 1
        opposite = draw(rng, lowest, adjacent - 1)
        facts = [
            f"{side(j, k)} = {adjacent}$",
            f"{angle(k)} = {theta}^\\circ$",
            f"{side(i, j)} = {opposite}$",
        ]
        why = (
            f"The equal angle at ${first[k]}$ is not between the two given sides, which meet "
            f"at ${first[j]}$: this is SSA, which is not a test. Here the side of length "
            f"${opposite}$ can swing to two positions, giving two different triangles."
        )
    elif case == "AAA":
        third = 180 - angles[0] - angles[1]
        facts = [
            f"{angle(i)} = {angles[0]}^\\circ$",
            f"{angle(j)} = {angles[1]}^\\circ$",
            f"{angle(k)} = {third}^\\circ$",
        ]
        why = (
            "Only angles are given. Equal angles fix the shape but not the size: the "
            "triangles are similar, and one may be an enlargement of the other."
        )
    else:
        between = case == "ASA"
        length = draw(rng, 4, 15)
        given = f"{side(i, j)} = {length}$" if between else f"{side(j, k)} = {length}$"
        facts = [f"{angle(i)} = {angles[0]}^\\circ$", f"{angle(j)} = {angles[1]}^\\circ$", given]
        named = (
            f"${first[min(i, j)]}{first[max(i, j)]}$"
            if between
            else f"${first[min(j, k)]}{first[max(j, k)]}$"
        )
        where = "joins" if between else "does not join"
        why = (
            f"Two pairs of angles are equal, at ${first[i]}$ and ${first[j]}$, and the side "
            f"{named} {where} those two vertices: {case}."
        )
    facts = [facts[int(n)] for n in rng.permutation(3)]
    right = "none" if case in ("SSA", "AAA") else case
    choices = {"right": _CRITERIA[right]}
    for name, label in _CRITERIA.items():
        if name != right:
            choices[f"said_{name}"] = label
    messages = {f"said_{name}": _CRITERION_MESSAGES[name] for name in _CRITERIA if name != right}
    messages.update(_ANGLE_SIDE_MESSAGES.get(right, {}))
    return shuffled_choice_variant(
        rng,
        prompt=(
            f"In triangles $ABC$ and $DEF$ you know that {and_list(facts)}. Which test, "
            f"applied to these facts as they are given, proves $\\triangle ABC \\cong "
            f"\\triangle DEF$?"
        ),
        params={"case": case, "order": order, "facts": facts},
        choices=choices,
        solution=why,
        messages=messages,
        hint=(
            "Mark the given sides and angles on a sketch: is each angle between the given "
            "sides, and is the side between the given angles?"
        ),
    )


@family("side_from_congruent_triangles")
def side_from_congruent_triangles(rng: np.random.Generator) -> Variant:
    """BC = rx + s once x is found from AB = DE in ABC ≅ DEF (DF given as a distractor)."""
    while True:
        x = draw(rng, 2, 9)
        p, q = draw(rng, 2, 5), draw(rng, -5, 9)
        r, s = draw(rng, 1, 4), draw(rng, -3, 9)
        ab, bc = p * x + q, r * x + s
        if ab > 0 and bc > 0 and ab != bc:
            break
    ac = draw(rng, abs(ab - bc) + 1, ab + bc - 1)
    value = bc
    wrong_x = Fraction(ac - q, p)
    prompt = (
        f"$\\triangle ABC \\cong \\triangle DEF$, with $AB = {polynomial([p, q])}$, "
        f"$BC = {polynomial([r, s])}$, $DE = {ab}$ and $DF = {ac}$. Find the length of "
        f"$BC$. {EXACT}"
    )
    solution = (
        f"The order of the letters pairs $A$ with $D$ and $B$ with $E$, so $AB$ corresponds "
        f"to $DE$: ${polynomial([p, q])} = {ab}$, so ${p}x = {ab - q}$ and $x = {x}$. Then "
        f"$BC = {r} \\times {x} + {signed(s)} = {value}$ (it matches $EF$, which was not given)."
    )
    mistakes = {
        "matched_ab_with_df": (
            r * wrong_x + s,
            "AB corresponds to DE, not DF: read the correspondence from the order of the "
            "letters, first with first and second with second.",
        ),
        "gave_x": (
            Fraction(x),
            "That is x. The question asks for the side: put x back into the expression for BC.",
        ),
    }
    params = {"x": x, "p": p, "q": q, "r": r, "s": s, "ac": ac}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=Fraction(value),
        solution=solution,
        mistakes=mistakes,
        hint="Which side of $\\triangle DEF$ corresponds to $AB$?",
    )


# ----------------------------------------------------------- special right triangles

ROOTS = "Give the exact value (e.g. `5*sqrt(3)`) or a decimal to 3 significant figures."
_ROOT_ROUNDED = 2 * DEFAULT_REL_TOL
"""A side worked with the root rounded to 3 significant figures (1.41 for root 2 is off by
0.3 %), then rounded itself, is right: 4.5 times 1.41 gives 6.35 for 6.36."""


def _root_text(coefficient: Fraction, root: int) -> str:
    """``coefficient`` times the square root of ``root`` in LaTeX: ``5\\sqrt{3}``,
    ``\\frac{7}{2}\\sqrt{3}``, ``\\sqrt{2}``; just the number when ``root`` is 1."""
    if root == 1:
        return frac(coefficient)
    lead = "" if coefficient == 1 else frac(coefficient)
    return f"{lead}\\sqrt{{{root}}}"


# the 30-60-90 triangle's sides, as multiples of the short leg: (factor, root)
_THIRTY_SIXTY = {
    "short leg": (Fraction(1), 1),
    "long leg": (Fraction(1), 3),
    "hypotenuse": (Fraction(2), 1),
}


def _side_value(side: tuple[Fraction, int], unit: Fraction) -> float:
    factor, root = side
    return float(unit * factor) * math.sqrt(root)


@family("side_of_a_30_60_90_triangle")
def side_of_a_30_60_90_triangle(rng: np.random.Generator) -> Variant:
    """One side of a 30-60-90 triangle from another, by the ratio 1 : √3 : 2."""
    short = Fraction(draw(rng, 2, 12))
    given, asked = (str(s) for s in rng.choice(list(_THIRTY_SIXTY), size=2, replace=False))
    g_factor, g_root = _THIRTY_SIXTY[given]
    a_factor, a_root = _THIRTY_SIXTY[asked]
    shown = _root_text(short * g_factor, g_root)
    value = _side_value((a_factor, a_root), short)
    where = {
        "short leg": "the short leg (opposite the $30^\\circ$ angle)",
        "long leg": "the long leg (opposite the $60^\\circ$ angle)",
        "hypotenuse": "the hypotenuse",
    }
    prompt = f"In a 30-60-90 triangle, {where[given]} is ${shown}$. Find {where[asked]}. {ROOTS}"
    exact = _root_text(short * a_factor, a_root)
    if a_root != 1:
        exact += f" \\approx {value:#.4g}"
    to_short = {
        "short leg": "",
        "long leg": f", which is $\\sqrt{{3}}$ times the short leg, so the short leg is "
        f"${shown} \\div \\sqrt{{3}} = {frac(short)}$",
        "hypotenuse": f", twice the short leg, so the short leg is "
        f"${shown} \\div 2 = {frac(short)}$",
    }[given]
    from_short = {
        "short leg": "",
        "long leg": f"the long leg is $\\sqrt{{3}}$ times it, ${exact}$",
        "hypotenuse": f"the hypotenuse is twice it, ${exact}$",
    }[asked]
    if given == "short leg":
        found = f", so {from_short}."
    elif asked == "short leg":
        found = f"{to_short}."
    else:
        found = f"{to_short}, and {from_short}."
    solution = (
        f"The sides are in the ratio $1 : \\sqrt{{3}} : 2$ (short leg, long leg, "
        f"hypotenuse). Here the {given} is ${shown}${found}"
    )
    # the slip that puts root 3 on the hypotenuse and 2 on the long leg
    swapped = {
        "short leg": (Fraction(1), 1),
        "long leg": (Fraction(2), 1),
        "hypotenuse": (Fraction(1), 3),
    }
    from_given = short * g_factor * math.sqrt(g_root)
    wrong_short = from_given / (float(swapped[given][0]) * math.sqrt(swapped[given][1]))
    mistakes = {
        "put_root_three_on_the_hypotenuse": (
            wrong_short * float(swapped[asked][0]) * math.sqrt(swapped[asked][1]),
            "The hypotenuse is the longest side, twice the short leg; the square root of three "
            "belongs to the long leg, opposite the sixty-degree angle.",
        ),
        "used_the_45_45_90_ratio": (
            float(short * g_factor) * math.sqrt(g_root) * _ratio_45(given, asked),
            "That uses the ratio of half a square, one to one to root two. This triangle is "
            "half an equilateral triangle: its sides go one to root three to two.",
        ),
    }
    params = {"short": int(short), "given": given, "asked": asked}
    if given == "short leg":
        hint = f"How many times the short leg is the {asked}?"
    else:
        hint = f"Find the short leg first: how does the {given} compare with it?"
    return number_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=_ROOT_ROUNDED,
        hint=hint,
    )


def _ratio_45(given: str, asked: str) -> float:
    """What the 45-45-90 ratio would multiply the given side by to reach the asked one."""
    size = {"short leg": 1.0, "long leg": 1.0, "hypotenuse": math.sqrt(2)}
    return size[asked] / size[given]


@family("side_of_a_45_45_90_triangle")
def side_of_a_45_45_90_triangle(rng: np.random.Generator) -> Variant:
    """A square's diagonal from its side, or its side from its diagonal: 1 : 1 : √2."""
    n = draw(rng, 2, 15)
    to_diagonal = bool(rng.integers(2))
    thing, unit, units = pick(
        rng,
        (
            ("a square tile", "cm", "centimetres"),
            ("a square garden", "m", "metres"),
            ("a square sheet of paper", "cm", "centimetres"),
        ),
    )
    if to_diagonal:
        value = n * math.sqrt(2)
        prompt = (
            f"The side of {thing} is ${n}$ {unit}. How long is its diagonal, in {units}? {ROOTS}"
        )
        solution = (
            f"The diagonal cuts the square into two 45-45-90 triangles with legs ${n}$, so it "
            f"is the hypotenuse: ${n}\\sqrt{{2}} \\approx {value:#.4g}$ {unit}."
        )
        flipped, halved = n / math.sqrt(2), n / 2
    else:
        value = n / math.sqrt(2)
        prompt = (
            f"The diagonal of {thing} is ${n}$ {unit}. How long is its side, in {units}? {ROOTS}"
        )
        solution = (
            f"The diagonal is the hypotenuse of a 45-45-90 triangle whose legs are the sides, "
            f"and the hypotenuse is $\\sqrt{{2}}$ times a leg. So the side is "
            f"$\\frac{{{n}}}{{\\sqrt{{2}}}} = {_root_text(Fraction(n, 2), 2)} \\approx "
            f"{value:#.4g}$ {unit}."
        )
        flipped, halved = n * math.sqrt(2), n / 2
    mistakes = {
        "multiplied_and_divided_the_wrong_way": (
            flipped,
            "The diagonal is the longest side of the triangle, so it is the side times root "
            "2, and the side is the diagonal divided by root 2. Check which way you went.",
        ),
        "used_root_three": (
            n * math.sqrt(3) if to_diagonal else n / math.sqrt(3),
            "Root 3 belongs to the 30-60-90 triangle. Half a square has legs 1 and 1, so its "
            "hypotenuse is the square root of 1 + 1.",
        ),
    }
    if not to_diagonal:
        mistakes["halved_the_diagonal"] = (
            halved,
            "The two sides are not half the diagonal each: they meet at a right angle, so by "
            "Pythagoras the side is the diagonal divided by root 2.",
        )
    params = {"n": n, "to_diagonal": to_diagonal, "thing": thing, "unit": unit}
    return number_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=_ROOT_ROUNDED,
        hint="The diagonal splits the square into two 45-45-90 triangles.",
    )


# ------------------------------------------------------- triangle inequality theorem


@family("whole_lengths_for_the_third_side")
def whole_lengths_for_the_third_side(rng: np.random.Generator) -> Variant:
    """How many whole lengths the third side can take: those strictly between |a - b| and
    a + b, which is 2 min(a, b) - 1 of them."""
    a, b = draw(rng, 2, 20), draw(rng, 2, 20)
    while a == b:
        b = draw(rng, 2, 20)
    low, high = abs(a - b), a + b
    value = high - low - 1
    prompt = (
        f"Two sides of a triangle are ${a}$ cm and ${b}$ cm long. The third side is a whole "
        f"number of centimetres. How many different lengths can it have? {WHOLE}"
    )
    solution = (
        f"The third side $x$ must be less than ${a} + {b} = {high}$, and the longer given side "
        f"must be less than the shorter one plus $x$, so $x > {max(a, b)} - {min(a, b)} = "
        f"{low}$. The whole numbers with ${low} < x < {high}$ run from ${low + 1}$ to "
        f"${high - 1}$: ${high - 1} - {low + 1} + 1 = {value}$ lengths."
    )
    mistakes = {
        "included_the_ends": (
            value + 2,
            "At either end the triangle would lie flat: the two shorter sides would add up "
            "exactly to the longest. Leave both end values out.",
        ),
        "forgot_the_lower_bound": (
            high - 1,
            "A short third side fails too: the longer given side must be less than the other "
            "two together. Find the smallest length allowed as well as the largest.",
        ),
        "counted_the_gap": (
            high - low,
            "Subtracting the ends counts the steps between them, not the whole numbers "
            "strictly inside: list the allowed lengths from the smallest to the largest.",
        ),
    }
    params = {"a": a, "b": b}
    return integer_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the largest and the smallest length the third side can have.",
    )


@family("which_lengths_make_a_triangle")
def which_lengths_make_a_triangle(rng: np.random.Generator) -> Variant:
    """Pick the one set of three lengths that makes a triangle, beside a flat set (the two
    smaller adding to the largest) and a set whose two smaller fall short."""
    small = draw(rng, 2, 9)
    middle = draw(rng, small, 12)
    good = (small, middle, small + middle - draw(rng, 1, min(small, 3)))
    s2 = draw(rng, 2, 9)
    m2 = draw(rng, s2, 12)
    flat = (s2, m2, s2 + m2)
    s3 = draw(rng, 2, 9)
    m3 = draw(rng, s3, 12)
    short = (s3, m3, s3 + m3 + draw(rng, 1, 4))

    def listed(triple: tuple[int, int, int]) -> str:
        shown = [triple[int(i)] for i in rng.permutation(3)]
        return f"${shown[0]}$, ${shown[1]}$ and ${shown[2]}$"

    choices = {
        "right": listed(good),
        "took_equal_as_enough": listed(flat),
        "checked_the_wrong_pair": listed(short),
    }
    messages = {
        "took_equal_as_enough": "Add the two smaller lengths: they come to exactly the "
        "largest, so the sides would lie flat along one line. The sum must be strictly more.",
        "checked_the_wrong_pair": "Compare the largest length with the sum of the other two: "
        "any sum that includes the largest proves nothing.",
    }
    why = (
        f"Compare the largest length with the sum of the other two. For "
        f"{good[0]}, {good[1]}, {good[2]}: ${good[0]} + {good[1]} = {good[0] + good[1]}$, more "
        f"than ${good[2]}$. For {flat[0]}, {flat[1]}, {flat[2]} the sum is exactly the largest "
        f"(flat), and for {short[0]}, {short[1]}, {short[2]} it is "
        f"${short[0] + short[1]}$, less than ${short[2]}$."
    )
    return shuffled_choice_variant(
        rng,
        prompt="Which three lengths can be the sides of a triangle?",
        params={"good": list(good), "flat": list(flat), "short": list(short)},
        choices=choices,
        solution=why,
        messages=messages,
        hint="In each set, is the largest length less than the other two added?",
    )


# -------------------------------------------------- proportions in similar triangles


# how tall each object may be, in metres: the drawn shadows are redrawn until it fits
_TALL = {
    "a tree": (4, 40),
    "a flagpole": (4, 25),
    "a building": (8, 120),
    "a lighthouse": (10, 70),
}


@family("height_from_a_shadow")
def height_from_a_shadow(rng: np.random.Generator) -> Variant:
    """An object's height from its shadow, by the proportion with a post's height and shadow."""
    thing, (lowest, highest) = pick(rng, tuple(_TALL.items()))
    while True:
        post = Fraction(draw(rng, 10, 25), 10)
        shadow = Fraction(draw(rng, 5, 40), 10)
        far = draw(rng, 6, 60)
        height = post * far / shadow
        inverted, added = shadow * far / post, post + (far - shadow)
        # told apart from the answer however the student rounds (see rel_tol below)
        apart = all(abs(slip - height) > 4 * DEFAULT_REL_TOL * height for slip in (inverted, added))
        if shadow != post and lowest <= height <= highest and apart:
            break
    value = float(height)
    prompt = (
        f"At the same moment, a post ${_dec(post)}$ m tall casts a shadow ${_dec(shadow)}$ m "
        f"long and {thing} casts a shadow ${far}$ m long on the same level ground. How tall "
        f"is the {thing.split()[1]}, in metres? Give your answer to 3 significant figures."
    )
    solution = (
        f"The sun's rays make the same angle with the ground for both, so the two triangles "
        f"of height, shadow and ray are similar, and heights are in proportion to shadows: "
        f"$\\frac{{h}}{{{far}}} = \\frac{{{_dec(post)}}}{{{_dec(shadow)}}}$, so "
        f"$h = \\frac{{{_dec(post)} \\times {far}}}{{{_dec(shadow)}}} \\approx {value:#.3g}$ m."
    )
    mistakes = {
        "inverted_the_ratio": (
            float(inverted),
            "Pair like with like: height over shadow for the post equals height over shadow "
            "for the object. Your ratio has the post's shadow over its height.",
        ),
        "added_the_difference": (
            float(added),
            "Similar triangles scale: every length is multiplied by the same factor. Adding "
            "the extra shadow length to the height treats the change as a difference.",
        ),
    }
    params = {"post": str(post), "shadow": str(shadow), "far": far, "thing": thing}
    return number_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        # the ratio of the post's height to its shadow rounded to 3 significant figures
        # first, then the height: each rounding is off by up to 0.5 %
        rel_tol=2 * DEFAULT_REL_TOL,
        hint="Write height over shadow for the post, and the same for the object.",
    )


@family("side_splitter_length")
def side_splitter_length(rng: np.random.Generator) -> Variant:
    """With DE parallel to BC: EC from AD, DB and AE, or DE from AD, DB and BC."""
    ad, db = draw(rng, 2, 12), draw(rng, 2, 12)
    while ad == db:
        db = draw(rng, 2, 12)
    ask_ec = bool(rng.integers(2))
    setting = (
        "In triangle $ABC$, a line parallel to $BC$ meets $AB$ at $D$ and $AC$ at $E$. "
        f"$AD = {ad}$ and $DB = {db}$"
    )
    if ask_ec:
        ae = draw(rng, 2, 15)
        value = Fraction(ae * db, ad)
        prompt = f"{setting}, and $AE = {ae}$. Find $EC$. {EXACT}"
        solution = (
            f"The parallel line cuts $AB$ and $AC$ in the same ratio: "
            f"$\\frac{{AD}}{{DB}} = \\frac{{AE}}{{EC}}$, so $\\frac{{{ad}}}{{{db}}} = "
            f"\\frac{{{ae}}}{{EC}}$ and $EC = \\frac{{{ae} \\times {db}}}{{{ad}}} = "
            f"{frac(value)}${_typed(value)}."
        )
        mistakes = {
            "inverted_the_ratio": (
                Fraction(ae * ad, db),
                "Keep the pieces in the same order on both sides: the top piece over the "
                "bottom piece on AB equals the top piece over the bottom piece on AC.",
            ),
            "gave_the_whole_side": (
                Fraction(ae * (ad + db), ad),
                "That is all of AC. The question asks for the piece EC: subtract AE.",
            ),
            "added_the_difference": (
                Fraction(ae + db - ad),
                "The sides are cut in the same ratio, not by the same difference: set up a "
                "proportion and cross-multiply.",
            ),
        }
        params = {"ad": ad, "db": db, "ae": ae, "ask_ec": True}
    else:
        bc = draw(rng, 5, 30)
        value = Fraction(bc * ad, ad + db)
        prompt = f"{setting}, and $BC = {bc}$. Find $DE$. {EXACT}"
        solution = (
            f"Triangle $ADE$ is similar to triangle $ABC$, so "
            f"$\\frac{{DE}}{{BC}} = \\frac{{AD}}{{AB}}$ with the whole side "
            f"$AB = {ad} + {db} = {ad + db}$: $DE = {bc} \\times \\frac{{{ad}}}{{{ad + db}}} = "
            f"{frac(value)}${_typed(value)}."
        )
        mistakes = {
            "used_the_piece_for_the_whole": (
                Fraction(bc * ad, db),
                "DE belongs to the small triangle ADE and BC to the big one ABC, so compare AD "
                "with the whole side AB, not with the piece DB.",
            ),
            "used_the_other_piece": (
                Fraction(bc * db, ad + db),
                "The small triangle's side on AB is AD, the piece at the shared corner A: "
                "use it, not DB, over the whole side.",
            ),
        }
        params = {"ad": ad, "db": db, "bc": bc, "ask_ec": False}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Triangle $ADE$ is a scaled copy of triangle $ABC$: which sides correspond?",
    )
