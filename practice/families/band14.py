"""Question families for band 14 of the KL plan (positions 283 to 304): right-triangle
trigonometry, the Kraft inequality, the quotient rule, the second derivative test, the
derivatives of logarithms, Huffman coding, Taylor polynomials, a review of the
trigonometric ratios, convex functions, the power, chain and product rules,
higher-order derivatives, the derivatives of exponentials and the first derivative
test, optimisation problems, partial derivatives, the gradient and Lagrange
multipliers.

Every family draws its numbers from ``rng`` and computes the answer in code: exact
fractions for ratios of sides and for Kraft sums, integers for codeword lengths, floats to
3 significant figures where a sine, cosine or tangent makes a length irrational. Each
named mistake is the value that mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction
from string import ascii_uppercase

import numpy as np

from practice.families import (
    WHOLE,
    and_list,
    choice_variant,
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
    term,
)
from practice.grader import Expected
from practice.questions import Variant

LOWEST = "Give a fraction in lowest terms."
WHOLE_OR_LOWEST = "Give a whole number or a fraction in lowest terms."
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


# ------------------------------------------------------------------ 285. the quotient rule


def _at(coefficients: list[int], x: Fraction | int) -> Fraction:
    """The polynomial with ``coefficients`` (highest power first) at ``x``, exactly."""
    value = Fraction(0)
    for c in coefficients:
        value = value * x + c
    return value


def _derivative(coefficients: list[int]) -> list[int]:
    """The coefficients of the polynomial's derivative (highest power first)."""
    top = len(coefficients) - 1
    return [c * (top - i) for i, c in enumerate(coefficients[:-1])] or [0]


@family("quotient_rule_at_a_point")
def quotient_rule_at_a_point(rng: np.random.Generator) -> Variant:
    """h'(k) for h = f/g, f a polynomial of degree at most 2, g linear or x^2 + c."""
    while True:
        f = [draw(rng, -3, 3), draw(rng, -5, 5), draw(rng, -6, 6)]
        if f[0] == 0 and f[1] == 0:
            continue
        g = pick(rng, ([1, 0, draw(rng, 1, 6)], [0, draw(rng, 1, 4), draw(rng, -6, 6)]))
        g = g[1:] if g[0] == 0 else g
        f = f[1:] if f[0] == 0 else f
        k = draw(rng, -3, 3)
        if _at(g, k) != 0 and _at(_derivative(g), k) != 0:
            break
    fk, gk = _at(f, k), _at(g, k)
    dfk, dgk = _at(_derivative(f), k), _at(_derivative(g), k)
    top = dfk * gk - fk * dgk
    value = top / gk**2
    prompt = (
        f"Let $h(x) = \\dfrac{{{polynomial(f)}}}{{{polynomial(g)}}}$. Find $h'({k})$. "
        f"Give a whole number or a fraction in lowest terms."
    )
    solution = (
        f"With $f(x) = {polynomial(f)}$ and $g(x) = {polynomial(g)}$: "
        f"$f'(x) = {polynomial(_derivative(f))}$ and $g'(x) = {polynomial(_derivative(g))}$. "
        f"At $x = {k}$: $f = {frac(fk)}$, $f' = {frac(dfk)}$, $g = {frac(gk)}$, "
        f"$g' = {frac(dgk)}$. The quotient rule gives "
        f"$$h'({k}) = \\frac{{f'g - fg'}}{{g^2}} = "
        f"\\frac{{({frac(dfk)})({frac(gk)}) - ({frac(fk)})({frac(dgk)})}}{{({frac(gk)})^2}} = "
        f"\\frac{{{frac(top)}}}{{{frac(gk**2)}}} = {frac(value)}.$$"
    )
    mistakes = {
        "numerator_order_reversed": (
            -value,
            "The two products in the numerator are the wrong way round, which flips the "
            "sign. The numerator is f' times g minus f times g': the derivative of the top "
            "comes first.",
        ),
        "quotient_of_derivatives": (
            dfk / dgk,
            "You divided the derivative of the top by the derivative of the bottom. A "
            "quotient is not differentiated piece by piece: use f'g - fg' over g squared.",
        ),
        "denominator_not_squared": (
            top / gk,
            "You divided by g instead of by g squared. The denominator of the quotient "
            "rule is the bottom function squared.",
        ),
    }
    params = {"f": f, "g": g, "k": k}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("quotient_rule_linear_over_linear")
def quotient_rule_linear_over_linear(rng: np.random.Generator) -> Variant:
    """The numerator of the derivative of (ax + b)/(cx + d), a constant."""
    while True:
        a, b = draw(rng, -6, 6), draw(rng, -9, 9)
        c, d = draw(rng, 1, 5), draw(rng, -9, 9)
        value = a * d - b * c
        if a != 0 and b != 0 and d != 0 and value != 0:
            break
    top, bottom = polynomial([a, b]), polynomial([c, d])
    prompt = (
        f"Let $h(x) = \\dfrac{{{top}}}{{{bottom}}}$. Its derivative can be written "
        f"$h'(x) = \\dfrac{{N}}{{({bottom})^2}}$ with $N$ a constant. Find $N$. {WHOLE}"
    )
    solution = (
        f"The top has derivative ${a}$ and the bottom ${c}$. The quotient rule gives the "
        f"numerator $({a})({bottom}) - ({top})({c})$. Both products contain "
        f"${term(a * c, 'x', first=True)}$, so the terms in $x$ cancel, leaving "
        f"$N = ({a})({d}) - ({b})({c}) = {value}$."
    )
    mistakes = {
        "numerator_order_reversed": (
            -value,
            "The two products in the numerator are the wrong way round: take the top's "
            "derivative times the bottom, then subtract the top times the bottom's "
            "derivative.",
        ),
        "added_the_products": (
            a * d + b * c,
            "The quotient rule subtracts the second product, it does not add it. Only the "
            "product rule has a plus sign.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------- 286. the second derivative test


def _cubic_with_critical_points(rng: np.random.Generator) -> tuple[int, int, int, list[int]]:
    """``a, r, s`` and the coefficients of a cubic whose derivative is 3a(x - r)(x - s),
    with whole critical points r < s of the same parity (so every coefficient is whole)."""
    a = pick(rng, (-2, -1, 1, 2))
    while True:
        r, s = sorted((draw(rng, -5, 5), draw(rng, -5, 5)))
        if r < s and (r + s) % 2 == 0:
            break
    d = draw(rng, -9, 9)
    return a, r, s, [a, -3 * a * (r + s) // 2, 3 * a * r * s, d]


def _factor(root: int) -> str:
    """``(x - root)`` in LaTeX with its sign folded in; ``x`` for a root at 0."""
    if root == 0:
        return "x"
    return f"(x - {root})" if root > 0 else f"(x + {-root})"


@family("second_derivative_classify")
def second_derivative_classify(rng: np.random.Generator) -> Variant:
    """What the second derivative test says at a critical point of a cubic."""
    a, r, s, f = _cubic_with_critical_points(rng)
    at = pick(rng, (r, s))
    df, ddf = _derivative(f), _derivative(_derivative(f))
    curvature = _at(ddf, at)
    kind, other = ("minimum", "maximum") if curvature > 0 else ("maximum", "minimum")
    sign = ">" if curvature > 0 else "<"
    prompt = (
        f"The function $f(x) = {polynomial(f)}$ has $f'({at}) = 0$. What does the second "
        f"derivative test say about $x = {at}$?"
    )
    solution = (
        f"$f'(x) = {polynomial(df)}$ and $f''(x) = {polynomial(ddf)}$, so "
        f"$f''({at}) = {frac(curvature)} {sign} 0$. There the graph bends "
        f"{'upward, like a cup' if curvature > 0 else 'downward, like a cap'}, so "
        f"$x = {at}$ is a local {kind}."
    )
    choices = {
        "right": f"$f$ has a local {kind} at $x = {at}$.",
        "sign_rule_reversed": f"$f$ has a local {other} at $x = {at}$.",
        "critical_point_taken_for_inflection": (
            f"$f$ has a point of inflection at $x = {at}$, not a maximum or minimum."
        ),
    }
    messages = {
        "sign_rule_reversed": (
            "The sign rule is the other way round. When the second derivative is positive, "
            "the graph bends up like a cup, so the critical point sits at the bottom."
        ),
        "critical_point_taken_for_inflection": (
            "An inflection point needs the second derivative to change sign there; here it "
            "is not zero. Its sign decides between a maximum and a minimum."
        ),
    }
    params = {"a": a, "r": r, "s": s, "f": f, "at": at}
    return shuffled_choice_variant(
        rng, prompt=prompt, params=params, choices=choices, solution=solution, messages=messages
    )


@family("second_derivative_find_extremum")
def second_derivative_find_extremum(rng: np.random.Generator) -> Variant:
    """The x of a cubic's local maximum or minimum, critical points found and tested."""
    a, r, s, f = _cubic_with_critical_points(rng)
    asked = pick(rng, ("minimum", "maximum"))
    ddf = _derivative(_derivative(f))
    at_min = r if _at(ddf, r) > 0 else s
    at_max = s if at_min == r else r
    value, other = (at_min, at_max) if asked == "minimum" else (at_max, at_min)
    inflection = (r + s) // 2
    prompt = f"Find the $x$-coordinate of the local {asked} of $f(x) = {polynomial(f)}$. {WHOLE}"
    df = _derivative(f)
    solution = (
        f"$f'(x) = {polynomial(df)} = {term(3 * a, _factor(r) + _factor(s), first=True)}$, "
        f"so the critical points are $x = {r}$ and "
        f"$x = {s}$. With $f''(x) = {polynomial(ddf)}$: $f''({r}) = {frac(_at(ddf, r))}$ and "
        f"$f''({s}) = {frac(_at(ddf, s))}$. The positive one marks the minimum, the negative "
        f"one the maximum, so the local {asked} is at $x = {value}$."
    )
    mistakes = {
        "sign_rule_reversed": (
            other,
            "That is the other critical point: the sign rule is the other way round. Where "
            "the second derivative is positive the graph is a cup, so that point is a "
            "minimum; where it is negative it is a maximum.",
        ),
        "root_of_second_derivative": (
            inflection,
            "You set the second derivative to zero, which finds where the bending changes "
            "(an inflection point). Extremes are where the first derivative is zero; the "
            "second derivative's sign there tells which is which.",
        ),
    }
    params = {"a": a, "r": r, "s": s, "f": f, "asked": asked}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------- 287. derivatives of logarithmic functions


@family("log_derivative_chain")
def log_derivative_chain(rng: np.random.Generator) -> Variant:
    """The slope of ln(g(x)) at a point, g a quadratic positive there: g'(k) / g(k)."""
    while True:
        g = [draw(rng, 1, 3), draw(rng, -6, 6), draw(rng, 1, 9)]
        k = draw(rng, -3, 4)
        gk, dgk = _at(g, k), _at(_derivative(g), k)
        if gk > 0 and dgk != 0 and gk != 1:
            break
    value = dgk / gk
    prompt = (
        f"Let $h(x) = \\ln({polynomial(g)})$. Find $h'({k})$. Give a whole number or a "
        f"fraction in lowest terms."
    )
    solution = (
        f"By the chain rule, $\\frac{{d}}{{dx}} \\ln g(x) = \\frac{{g'(x)}}{{g(x)}}$ with "
        f"$g(x) = {polynomial(g)}$ and $g'(x) = {polynomial(_derivative(g))}$. At $x = {k}$: "
        f"$g({k}) = {frac(gk)}$ and $g'({k}) = {frac(dgk)}$, so "
        f"$h'({k}) = \\frac{{{frac(dgk)}}}{{{frac(gk)}}}"
        f"{'' if value.denominator == gk else f' = {frac(value)}'}$."
    )
    mistakes = {
        "forgot_the_chain_factor": (
            1 / gk,
            "You differentiated the logarithm but not what is inside it. The chain rule "
            "multiplies one over the inside by the inside's own derivative.",
        ),
        "derivative_of_the_inside_only": (
            dgk,
            "You kept only the derivative of the inside. The logarithm's derivative, one "
            "over the inside, must divide it.",
        ),
    }
    params = {"g": g, "k": k}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("log_base_b_derivative")
def log_base_b_derivative(rng: np.random.Generator) -> Variant:
    """The slope of log_b x at x = k: 1 / (k ln b), to 3 significant figures."""
    base = pick(rng, (2, 3, 5, 10))
    k = draw(rng, 2, 20)
    value = 1 / (k * math.log(base))
    prompt = f"Find the derivative of $f(x) = \\log_{{{base}}} x$ at $x = {k}$. {SIG3}"
    solution = (
        f"Change the base: $\\log_{{{base}}} x = \\frac{{\\ln x}}{{\\ln {base}}}$, and "
        f"$\\ln {base}$ is a constant, so $f'(x) = \\frac{{1}}{{x \\ln {base}}}$. At "
        f"$x = {k}$: $f'({k}) = \\frac{{1}}{{{k} \\ln {base}}} \\approx "
        f"\\frac{{1}}{{{k * math.log(base):.4g}}} \\approx {value:.3g}$."
    )
    mistakes = {
        "forgot_the_ln_of_the_base": (
            1 / k,
            "That is the slope of the natural logarithm. In another base the logarithm is "
            "the natural one divided by the logarithm of the base, and that constant "
            "divides the derivative too.",
        ),
        "multiplied_by_ln_of_the_base": (
            math.log(base) / k,
            "The natural logarithm of the base belongs in the denominator: the logarithm "
            "in another base is the natural one divided by it, not multiplied.",
        ),
    }
    params = {"base": base, "k": k}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------------------ 288. Huffman coding


def huffman_lengths(counts: list[int]) -> list[int] | None:
    """The codeword length of each symbol in a Huffman code for ``counts``, or None when a
    tie among the weights would let two Huffman codes give a symbol different lengths."""
    nodes = [(c, [i]) for i, c in enumerate(counts)]
    lengths = [0] * len(counts)
    while len(nodes) > 1:
        nodes.sort(key=lambda node: node[0])
        if len(nodes) > 2 and nodes[1][0] == nodes[2][0]:
            return None
        (w0, s0), (w1, s1) = nodes[0], nodes[1]
        for i in s0 + s1:
            lengths[i] += 1
        nodes = [(w0 + w1, s0 + s1), *nodes[2:]]
    return lengths


def _source(rng: np.random.Generator) -> tuple[list[str], list[int], list[int]]:
    """Symbols, their counts in a message and their Huffman lengths (no ties, not all equal
    lengths)."""
    while True:
        n = draw(rng, 4, 6)
        counts = sorted((draw(rng, 1, 30) for _ in range(n)), reverse=True)
        lengths = huffman_lengths(counts)
        if lengths is not None and len(set(lengths)) > 1:
            return list(ascii_uppercase[:n]), counts, lengths


def _merges(counts: list[int], symbols: list[str]) -> str:
    """The merges of Huffman's algorithm on ``counts``, one sentence each, in LaTeX."""
    nodes = [(c, [s]) for c, s in zip(counts, symbols, strict=True)]
    steps = []

    def name(group: list[str]) -> str:
        return f"${group[0]}$" if len(group) == 1 else "{" + ", ".join(sorted(group)) + "}"

    while len(nodes) > 1:
        nodes.sort(key=lambda node: node[0])
        (w0, s0), (w1, s1) = nodes[0], nodes[1]
        steps.append(f"{name(s0)} ({w0}) with {name(s1)} ({w1}) into {w0 + w1}")
        nodes = [(w0 + w1, s0 + s1), *nodes[2:]]
    return "merge " + "; then ".join(steps)


def _message(symbols: list[str], counts: list[int]) -> str:
    total = sum(counts)
    listed = and_list([f"${s}$ {c} times" for s, c in zip(symbols, counts, strict=True)])
    return f"In a message of {total} symbols, {listed}."


@family("huffman_expected_length")
def huffman_expected_length(rng: np.random.Generator) -> Variant:
    """The average codeword length, in bits per symbol, of a Huffman code for a message."""
    symbols, counts, lengths = _source(rng)
    total = sum(counts)
    value = Fraction(sum(c * n for c, n in zip(counts, lengths, strict=True)), total)
    fixed = max(1, math.ceil(math.log2(len(counts))))
    backwards = Fraction(
        sum(c * n for c, n in zip(counts, sorted(lengths, reverse=True), strict=True)), total
    )
    prompt = (
        f"{_message(symbols, counts)} A binary Huffman code is built from these counts. "
        f"How many bits per symbol does it use on average? Give the exact value as a "
        f"fraction or a decimal."
    )
    table = ", ".join(f"${s}$: {n}" for s, n in zip(symbols, lengths, strict=True))
    products = " + ".join(f"{c} \\times {n}" for c, n in zip(counts, lengths, strict=True))
    solution = (
        f"Repeatedly merge the two smallest counts: {_merges(counts, symbols)}. Each merge "
        f"adds one bit to every symbol inside it, so the lengths are {table}. On average "
        f"$\\frac{{{products}}}{{{total}}} = {frac(value)}$ bits per symbol."
    )
    mistakes = {
        "fixed_length_code": (
            fixed,
            "That is the length of a code that gives every symbol the same number of bits. "
            "Huffman's code gives common symbols short codewords and rare ones long ones: "
            "build the tree and weight each length by its count.",
        ),
        "short_codewords_for_rare_symbols": (
            backwards,
            "You gave the shortest codewords to the rarest symbols. Huffman's merges start "
            "with the rarest symbols, so they end up deepest, with the longest codewords.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"counts": counts},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("huffman_codeword_length")
def huffman_codeword_length(rng: np.random.Generator) -> Variant:
    """How long one symbol's codeword is in a Huffman code for a message."""
    symbols, counts, lengths = _source(rng)
    i = draw(rng, 0, len(counts) - 1)
    total = sum(counts)
    value = lengths[i]
    shannon = math.ceil(math.log2(Fraction(total, counts[i])) - 1e-12)
    fixed = max(1, math.ceil(math.log2(len(counts))))
    prompt = (
        f"{_message(symbols, counts)} A binary Huffman code is built from these counts. "
        f"How many bits long is the codeword for ${symbols[i]}$? {WHOLE}"
    )
    solution = (
        f"Repeatedly merge the two smallest counts: {_merges(counts, symbols)}. "
        f"${symbols[i]}$ takes part in {value} of these merges, one bit for each, so its "
        f"codeword has {value} {plural(value, 'bit')}."
    )
    mistakes = {
        "rounded_up_surprisal": (
            shannon,
            "You rounded up the symbol's surprise, log base two of one over its share. That "
            "is a good code's length but not Huffman's: count the merges the symbol goes "
            "through.",
        ),
        "fixed_length_code": (
            fixed,
            "That is the length every symbol gets in a code of equal lengths. Huffman's "
            "lengths follow the counts: build the tree and count the merges above the "
            "symbol.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"counts": counts, "asked": i},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# -------------------------------------------------------------- 289. Taylor polynomials


@family("taylor_coefficient_exponential")
def taylor_coefficient_exponential(rng: np.random.Generator) -> Variant:
    """The coefficient of x^k in the Maclaurin polynomial of e^(cx): c^k / k!."""
    c = pick(rng, (-3, -2, 2, 3))
    k = draw(rng, 3, 5)
    value = Fraction(c**k, math.factorial(k))
    prompt = (
        f"Find the coefficient of $x^{{{k}}}$ in the Taylor polynomial of $f(x) = e^{{{c}x}}$ "
        f"about $x = 0$. {WHOLE_OR_LOWEST}"
    )
    solution = (
        f"Each derivative brings down a factor ${c}$, so $f^{{({k})}}(x) = ({c})^{{{k}}} "
        f"e^{{{c}x}}$ and $f^{{({k})}}(0) = {c**k}$. The coefficient is "
        f"$\\frac{{f^{{({k})}}(0)}}{{{k}!}} = \\frac{{{c**k}}}{{{math.factorial(k)}}}"
        f"{'' if value.denominator == math.factorial(k) else f' = {frac(value)}'}$."
    )
    mistakes = {
        "forgot_the_factorial": (
            Fraction(c**k),
            "You used the derivative itself. Each Taylor coefficient is the derivative "
            "divided by k factorial.",
        ),
        "divided_by_k_not_k_factorial": (
            Fraction(c**k, k),
            "You divided by k only. The coefficient of the k-th power divides by k "
            "factorial, the product of all whole numbers up to k.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"c": c, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("taylor_square_root_estimate")
def taylor_square_root_estimate(rng: np.random.Generator) -> Variant:
    """The degree-2 Taylor polynomial of the square root about a perfect square, used to
    estimate a nearby root exactly."""
    r = draw(rng, 2, 6)
    h = pick(rng, (-3, -2, -1, 1, 2, 3))
    a = r * r
    first, second = Fraction(1, 2 * r), Fraction(-1, 4 * r**3)
    value = r + first * h + second / 2 * h * h
    prompt = (
        f"Use the degree-2 Taylor polynomial of $f(x) = \\sqrt{{x}}$ about $x = {a}$ to "
        f"estimate $\\sqrt{{{a + h}}}$. Give the exact value of the estimate as a fraction "
        f"or a decimal."
    )
    solution = (
        f"$f({a}) = {r}$, $f'(x) = \\frac{{1}}{{2\\sqrt{{x}}}}$ gives $f'({a}) = {frac(first)}$, "
        f"and $f''(x) = -\\frac{{1}}{{4x^{{3/2}}}}$ gives $f''({a}) = {frac(second)}$. With "
        f"$x - {a} = {h}$: $P_2 = {r} + {frac(first)} \\cdot ({h}) + "
        f"\\frac{{1}}{{2}} \\cdot ({frac(second)}) \\cdot ({h})^2 = {frac(value)}$, about "
        f"${float(value):.5g}$."
    )
    mistakes = {
        "forgot_the_factorial": (
            r + first * h + second * h * h,
            "The squared term's coefficient is the second derivative divided by two "
            "factorial; you left out that division.",
        ),
        "stopped_at_degree_one": (
            r + first * h,
            "That is the tangent-line estimate, degree 1. The degree-2 polynomial adds the "
            "second derivative's term, which bends the estimate.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"r": r, "h": h},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------ 290. trigonometric ratios review

RECIPROCALS = {"sec": ("cos", "adjacent"), "csc": ("sin", "opposite"), "cot": ("tan", "")}


@family("reciprocal_trig_ratio")
def reciprocal_trig_ratio(rng: np.random.Generator) -> Variant:
    """sec, csc or cot of an acute angle of a right triangle with whole sides."""
    a, b, c = pick(rng, TRIPLES)
    k = draw(rng, 1, 3)
    opp, adj, hyp = k * a, k * b, k * c
    if rng.integers(2):
        opp, adj = adj, opp
    name = pick(rng, tuple(RECIPROCALS))
    base, _ = RECIPROCALS[name]
    plain = {"sin": Fraction(opp, hyp), "cos": Fraction(adj, hyp), "tan": Fraction(opp, adj)}
    value = 1 / plain[base]
    swapped = {"cos": "sin", "sin": "cos", "tan": "tan"}[base]
    wrong_partner = Fraction(hyp, adj) if name == "cot" else 1 / plain[swapped]
    prompt = (
        f"In triangle $ABC$ the right angle is at $C$, $BC = {opp}$, $AC = {adj}$ and "
        f"$AB = {hyp}$. Find $\\{name} A$. {WHOLE_OR_LOWEST}"
    )
    solution = (
        f"$\\{name} A = \\frac{{1}}{{\\{base} A}}$. From $A$, $BC = {opp}$ is opposite, "
        f"$AC = {adj}$ adjacent and $AB = {hyp}$ the hypotenuse, so "
        f"$\\{base} A = {frac(plain[base])}$ and $\\{name} A = {frac(value)}$."
    )
    mistakes = {
        "forgot_the_reciprocal": (
            plain[base],
            f"That is {base} A itself. The {name} is its reciprocal: turn the fraction "
            f"upside down.",
        ),
        "reciprocal_of_the_wrong_ratio": (
            wrong_partner,
            "You took the reciprocal of the wrong ratio. Secant goes with cosine, cosecant "
            "with sine (the co- names are crossed), and cotangent is adjacent over opposite.",
        ),
    }
    params = {"opp": opp, "adj": adj, "hyp": hyp, "name": name}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("angle_from_two_sides")
def angle_from_two_sides(rng: np.random.Generator) -> Variant:
    """An acute angle of a right triangle from two of its sides, by an inverse ratio."""
    while True:
        case = pick(rng, ("tan", "sin", "cos"))
        x, y = draw(rng, 2, 20), draw(rng, 2, 20)
        if case != "tan" and x >= y:
            continue
        ratio = x / y
        inverse = {"tan": math.atan, "sin": math.asin, "cos": math.acos}[case]
        value = math.degrees(inverse(ratio))
        if 5 < value < 85 and _distinct_to_3sf(value, 90 - value, math.radians(value)):
            break
    names = {
        "tan": ("BC", "AC", "opposite", "adjacent"),
        "sin": ("BC", "AB", "opposite", "hypotenuse"),
        "cos": ("AC", "AB", "adjacent", "hypotenuse"),
    }[case]
    prompt = (
        f"In triangle $ABC$ the right angle is at $C$, ${names[0]} = {x}$ and "
        f"${names[1]} = {y}$. Find angle $A$ in degrees. {SIG3}"
    )
    solution = (
        f"From $A$, ${names[0]}$ is the {names[2]} side and ${names[1]}$ the {names[3]}, so "
        f"$\\{case} A = \\frac{{{x}}}{{{y}}}$ and $A = \\{case}^{{-1}}"
        f"\\left(\\frac{{{x}}}{{{y}}}\\right) \\approx {value:.3g}^\\circ$ (degree mode)."
    )
    mistakes = {
        "found_the_other_angle": (
            90 - value,
            "That is angle B, the other acute angle. Label the sides from angle A before "
            "choosing the ratio.",
        ),
        "answer_in_radians": (
            math.radians(value),
            "That is the angle in radians: your calculator was in radian mode. Switch to "
            "degrees, or multiply by 180 and divide by pi.",
        ),
    }
    params = {"case": case, "x": x, "y": y}
    return number_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="degrees",
    )


# -------------------------------------------------------------- 291. convex functions


@family("convex_chord_gap")
def convex_chord_gap(rng: np.random.Generator) -> Variant:
    """How far the chord of a convex quadratic lies above its graph at a weighted mix."""
    while True:
        c = draw(rng, 1, 3)
        x, y = draw(rng, -4, 6), draw(rng, -4, 6)
        w = Fraction(draw(rng, 1, 3), 4)
        if x != y:
            break

    def f(t):
        return c * t * t

    mix = w * x + (1 - w) * y
    chord = w * f(x) + (1 - w) * f(y)
    value = chord - f(mix)
    prompt = (
        f"Let $f(x) = {term(c, 'x^2', first=True)}$, $x_1 = {x}$, $x_2 = {y}$ and "
        f"$\\lambda = {frac(w)}$. By how much does the chord value "
        f"$\\lambda f(x_1) + (1 - \\lambda) f(x_2)$ exceed "
        f"$f(\\lambda x_1 + (1 - \\lambda) x_2)$? {WHOLE_OR_LOWEST}"
    )
    solution = (
        f"The mixed point is ${frac(w)} \\cdot ({x}) + {frac(1 - w)} \\cdot ({y}) = "
        f"{frac(mix)}$, where $f = {frac(f(mix))}$. The chord there is "
        f"${frac(w)} \\cdot {f(x)} + {frac(1 - w)} \\cdot {f(y)} = {frac(chord)}$. The "
        f"gap is ${frac(chord)} - {frac(f(mix))} = {frac(value)}$, positive as convexity "
        f"promises."
    )
    mistakes = {
        "gave_the_chord_value": (
            chord,
            "That is the chord's height itself. The question asks how far it lies above "
            "the graph: subtract the function's value at the mixed point.",
        ),
        "gave_the_function_value": (
            f(mix),
            "That is the function's value at the mixed point. Work out the chord's height "
            "too and give the difference.",
        ),
    }
    params = {"c": c, "x": x, "y": y, "w": [w.numerator, w.denominator]}
    return exact_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


CONVEX = (
    ("$f(x) = e^{-x}$ on all real numbers", "f''(x) = e^{-x} > 0"),
    ("$f(x) = -\\ln x$ for $x > 0$", "f''(x) = \\frac{1}{x^2} > 0"),
    ("$f(x) = x^4 + 2x^2$ on all real numbers", "f''(x) = 12x^2 + 4 > 0"),
    ("$f(x) = x \\ln x$ for $x > 0$", "f''(x) = \\frac{1}{x} > 0"),
)
CONCAVE = (
    "$f(x) = \\ln x$ for $x > 0$",
    "$f(x) = \\sqrt{x}$ for $x > 0$",
    "$f(x) = -x^2$ on all real numbers",
)
MIXED = (
    "$f(x) = x^3$ on all real numbers",
    "$f(x) = \\sin x$ on all real numbers",
    "$f(x) = x^3 - 3x$ on all real numbers",
)


@family("which_is_convex")
def which_is_convex(rng: np.random.Generator) -> Variant:
    """Pick the convex function among a convex, a concave and a sign-changing one."""
    right, reason = pick(rng, CONVEX)
    concave, mixed = pick(rng, CONCAVE), pick(rng, MIXED)
    choices = {
        "right": right,
        "concave_taken_for_convex": concave,
        "convex_on_part_only": mixed,
    }
    messages = {
        "concave_taken_for_convex": (
            "That function is concave: its second derivative is negative, so its chords lie "
            "below the graph. Convex needs the second derivative at least zero everywhere."
        ),
        "convex_on_part_only": (
            "That function's second derivative changes sign, so it is convex on one part of "
            "its domain and concave on another. Convexity must hold on the whole domain."
        ),
    }
    solution = (
        f"Check the sign of the second derivative on the whole domain. For {right}, "
        f"${reason}$ everywhere, so every chord lies above the graph."
    )
    return shuffled_choice_variant(
        rng,
        prompt="Which of these functions is convex on the whole of its domain?",
        params={"right": right, "concave": concave, "mixed": mixed},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# ------------------------------------------------------------------ 292. the power rule


def _power(x: int) -> str:
    """``x`` as a base in LaTeX, bracketed when negative: ``(-2)``."""
    return f"({x})" if x < 0 else str(x)


def _substituted(coefficients: list[int], k: int) -> str:
    """The polynomial with ``coefficients`` written out at ``x = k`` in LaTeX, one product
    per term: ``12 \\cdot 2^{2} - 10 \\cdot 2 + 7``."""
    top = len(coefficients) - 1
    powers = {0: "", 1: _power(k)}
    factors = [
        (c, powers.get(top - i, f"{_power(k)}^{{{top - i}}}"))
        for i, c in enumerate(coefficients)
        if c
    ]
    written = [
        term(c, f" \\cdot {factor}" if factor and abs(c) != 1 else factor, first=i == 0)
        for i, (c, factor) in enumerate(factors)
    ]
    return " ".join(written) or "0"


@family("power_rule_polynomial_slope")
def power_rule_polynomial_slope(rng: np.random.Generator) -> Variant:
    """The slope of a cubic or quartic at a whole number, term by term."""
    degree = draw(rng, 3, 4)
    coefficients = [nonzero(rng, -5, 5)] + [draw(rng, -9, 9) for _ in range(degree - 1)]
    coefficients.append(nonzero(rng, -9, 9))
    k = pick(rng, (-2, -1, 2, 3))
    slope = _derivative(coefficients)
    value = _at(slope, k)
    powers = [degree - i for i in range(degree + 1)]
    kept = sum(c * n * k**n for c, n in zip(coefficients, powers, strict=True))
    unmultiplied = sum(
        c * k ** (n - 1) for c, n in zip(coefficients[:-1], powers[:-1], strict=True)
    )
    prompt = (
        f"Let $f(x) = {polynomial(coefficients)}$. Find the slope of its graph at "
        f"$x = {k}$, that is $f'({k})$. {WHOLE}"
    )
    solution = (
        f"Bring each exponent down and lower it by one; the constant "
        f"${coefficients[-1]}$ has derivative $0$. So $f'(x) = {polynomial(slope)}$, and "
        f"$$f'({k}) = {_substituted(slope, k)} = {value}.$$"
    )
    mistakes = {
        "exponent_not_lowered": (
            kept,
            "You brought each exponent down as a factor but kept the power as it was. The "
            "rule lowers the exponent by one as well: x to the n becomes n times x to the "
            "n minus 1.",
        ),
        "exponent_not_brought_down": (
            unmultiplied,
            "You lowered each exponent but did not multiply by it. The old exponent comes "
            "down in front as a factor before the power drops by one.",
        ),
        "kept_the_constant": (
            value + coefficients[-1],
            "A constant term does not change as x moves, so its derivative is 0: leave it "
            "out of the derivative.",
        ),
    }
    hint = (
        f"Differentiate term by term: $x^n$ becomes $nx^{{n-1}}$, a number in front stays, "
        f"and the constant drops out. Then put in $x = {k}$."
    )
    return integer_variant(
        prompt=prompt,
        params={"coefficients": coefficients, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


def _root(p: int, q: int) -> str:
    """x to the power p/q as a root in LaTeX: ``\\sqrt{x}``, ``\\sqrt[3]{x^{2}}``."""
    inside = "x" if p == 1 else f"x^{{{p}}}"
    return f"\\sqrt{{{inside}}}" if q == 2 else f"\\sqrt[{q}]{{{inside}}}"


@family("power_rule_root_or_reciprocal")
def power_rule_root_or_reciprocal(rng: np.random.Generator) -> Variant:
    """The slope of a multiple of a root or of a reciprocal power: rewrite as x^n first."""
    a = draw(rng, 2, 8)
    if rng.integers(2):
        q = pick(rng, (2, 3))
        p = pick(rng, (1, 3) if q == 2 else (1, 2, 4, 5))
        t = draw(rng, 2, 3)
        n, at = Fraction(p, q), t**q
        shown = f"{a}{_root(p, q)}"
        # x = t^q, so x^(n - 1) = t^(p - q) and x^(n + 1) = t^(p + q)
        value = a * n * Fraction(t) ** (p - q)
        raised = a * n * Fraction(t) ** (p + q)
        slips = {
            "exponent_raised": (
                raised,
                "You raised the exponent by one; the power rule lowers it. Written as a "
                "power, the new exponent is the old one minus 1.",
            ),
            "exponent_not_brought_down": (
                a * Fraction(t) ** (p - q),
                "You lowered the exponent but did not multiply by it. The fractional "
                "exponent comes down in front as a factor too.",
            ),
        }
        rewrite = (
            f"$f(x) = {a}x^{{{frac(n)}}}$, so $f'(x) = {a} \\cdot {frac(n)}\\,"
            f"x^{{{_sfrac(n - 1)}}}$. At $x = {at} = {t}^{{{q}}}$, "
            f"$x^{{{_sfrac(n - 1)}}} = {t}^{{{p - q}}}$"
        )
        work = f"{a} \\cdot {frac(n)} \\cdot {frac(Fraction(t) ** (p - q))} = {_sfrac(value)}"
    else:
        m = draw(rng, 1, 3)
        at = pick(rng, (-2, -1, 2, 3))
        n = Fraction(-m)
        shown = f"\\dfrac{{{a}}}{{x{'' if m == 1 else f'^{{{m}}}'}}}"
        value = -a * m * Fraction(at) ** (-m - 1)
        slips = {
            "exponent_raised": (
                -a * m * Fraction(at) ** (1 - m),
                f"You added one to the exponent, taking $-{m}$ to ${1 - m}$. Lowering by "
                f"one moves a negative exponent further from zero.",
            ),
            "lost_the_minus_sign": (
                -value,
                "The exponent is negative, so bringing it down in front makes the "
                "derivative's sign flip. Keep the minus sign.",
            ),
        }
        rewrite = (
            f"$f(x) = {a}x^{{{-m}}}$, so $f'(x) = {a} \\cdot ({-m})\\,x^{{{-m - 1}}} = "
            f"{-a * m}x^{{{-m - 1}}}$"
        )
        work = f"{-a * m} \\cdot {_power(at)}^{{{-m - 1}}} = {_sfrac(value)}"
    prompt = f"Let $f(x) = {shown}$. Find $f'({at})$. {WHOLE_OR_LOWEST}"
    solution = f"Write it as a power: {rewrite}. So $f'({at}) = {work}$."
    hint = (
        "Write it as a multiple of a power of $x$ first: a root $\\sqrt[q]{x^p}$ is "
        "$x^{p/q}$, and a power of $x$ in the denominator moves up with the sign of its "
        "exponent changed. Then use the power rule."
    )
    return exact_variant(
        prompt=prompt,
        params={"a": a, "n": [n.numerator, n.denominator], "at": at},
        value=value,
        solution=solution,
        mistakes=slips,
        form="lowest_terms",
        hint=hint,
    )


# ------------------------------------------------------------------ 293. the chain rule


@family("chain_rule_power_of_polynomial")
def chain_rule_power_of_polynomial(rng: np.random.Generator) -> Variant:
    """h'(k) for h = g^n, g a line or a quadratic: outer derivative at g(k) times g'(k)."""
    while True:
        if rng.integers(2):
            inner = [nonzero(rng, -2, 2), draw(rng, -3, 3), draw(rng, -4, 4)]
        else:
            inner = [nonzero(rng, -4, 4), draw(rng, -6, 6)]
        n = draw(rng, 2, 5)
        k = draw(rng, -2, 2)
        u, du = _at(inner, k), _at(_derivative(inner), k)
        # the inside has two terms at least: (2x)^4 is just 16x^4, no chain to follow
        if u != 0 and du != 0 and abs(u) <= 4 and sum(c != 0 for c in inner) >= 2:
            break
    value = n * u ** (n - 1) * du
    prompt = f"Let $h(x) = \\left({polynomial(inner)}\\right)^{{{n}}}$. Find $h'({k})$. {WHOLE}"
    power = "" if n == 2 else f"^{{{n - 1}}}"
    solution = (
        f"The outer function is $u^{{{n}}}$, with derivative ${n}u{power}$; the inner "
        f"function is $u = {polynomial(inner)}$, with derivative "
        f"${polynomial(_derivative(inner))}$. At $x = {k}$: $u = {u}$ and $u' = {du}$. So "
        f"$$h'({k}) = {n} \\cdot {_power(int(u))}{power} \\cdot {_power(int(du))} = {value}.$$"
    )
    mistakes = {
        "forgot_the_inner_derivative": (
            n * u ** (n - 1),
            "You differentiated the outer power but stopped there. The chain rule multiplies "
            "by the derivative of the inside as well.",
        ),
        "power_not_lowered": (
            n * u**n * du,
            "The outer function's derivative lowers the power by one: u to the n becomes n "
            "times u to the n minus 1, with the inside left as it is.",
        ),
        "differentiated_inside_the_bracket": (
            n * du ** (n - 1),
            "You put the inner derivative inside the bracket. The bracket keeps the inner "
            "function itself; its derivative is a separate factor outside.",
        ),
    }
    hint = (
        f"Name the inside $u = {polynomial(inner)}$. Work out $u$ and $u'$ at $x = {k}$, "
        f"then multiply the outer derivative at $u$ by $u'$."
    )
    return integer_variant(
        prompt=prompt,
        params={"inner": inner, "n": n, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


def _value_table(xs: list[int], columns: dict[str, list[int]]) -> str:
    """A Markdown table of function values: one row per ``x``, one column per name."""
    head = "| $x$ | " + " | ".join(f"${name}$" for name in columns) + " |"
    rule = "|---|" + "---|" * len(columns)
    rows = [
        f"| {x} | " + " | ".join(str(values[i]) for values in columns.values()) + " |"
        for i, x in enumerate(xs)
    ]
    return "\n".join([head, rule, *rows])


@family("chain_rule_from_a_table")
def chain_rule_from_a_table(rng: np.random.Generator) -> Variant:
    """(f∘g)'(a) from a table of values of f, f', g and g'."""
    xs = [1, 2, 3, 4]
    while True:
        f = [draw(rng, -6, 9) for _ in xs]
        df = [nonzero(rng, -5, 6) for _ in xs]
        g = [pick(rng, xs) for _ in xs]
        dg = [nonzero(rng, -4, 5) for _ in xs]
        a = pick(rng, xs)
        i = a - 1
        if g[i] != a:
            break
    j = g[i] - 1  # the row of g(a)
    value = df[j] * dg[i]
    table = _value_table(xs, {"f(x)": f, "f'(x)": df, "g(x)": g, "g'(x)": dg})
    prompt = (
        f"The table gives values of two differentiable functions and their derivatives.\n\n"
        f"{table}\n\nLet $h(x) = f(g(x))$. Find $h'({a})$. {WHOLE}"
    )
    solution = (
        f"By the chain rule $h'({a}) = f'(g({a}))\\,g'({a})$. The table gives "
        f"$g({a}) = {g[i]}$ and $g'({a}) = {dg[i]}$, and then $f'({g[i]}) = {df[j]}$. So "
        f"$h'({a}) = {_power(df[j])} \\cdot {_power(dg[i])} = {value}$."
    )
    mistakes = {
        "outer_derivative_at_x": (
            df[i] * dg[i],
            f"You read $f'$ at ${a}$. The outer derivative is taken where the outer "
            f"function is evaluated, at the inside value $g({a})$: look that up first.",
        ),
        "forgot_the_inner_derivative": (
            df[j],
            "That is the outer derivative alone. The chain rule multiplies it by the "
            "inner function's derivative at the same point.",
        ),
        "used_f_instead_of_f_prime": (
            f[j] * dg[i],
            "You used the value of f where its derivative belongs. The chain rule needs "
            "f' at the inside value, times g'.",
        ),
    }
    hint = f"First find $g({a})$ in the table: the outer derivative $f'$ is read there."
    return integer_variant(
        prompt=prompt,
        params={"f": f, "df": df, "g": g, "dg": dg, "a": a},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ---------------------------------------------------------------- 294. the product rule


@family("product_rule_at_a_point")
def product_rule_at_a_point(rng: np.random.Generator) -> Variant:
    """h'(k) for h = f g, f and g polynomials of degree 1 or 2."""
    while True:
        f = [nonzero(rng, -3, 3), draw(rng, -5, 5), draw(rng, -6, 6)][draw(rng, 0, 1) :]
        g = [nonzero(rng, -4, 4), nonzero(rng, -6, 6)]
        if rng.integers(2):
            f, g = g, f
        k = draw(rng, -2, 3)
        fk, gk = _at(f, k), _at(g, k)
        dfk, dgk = _at(_derivative(f), k), _at(_derivative(g), k)
        if fk and gk and dfk and dgk:
            break
    value = dfk * gk + fk * dgk
    prompt = (
        f"Let $h(x) = \\left({polynomial(f)}\\right)\\left({polynomial(g)}\\right)$. "
        f"Find $h'({k})$. {WHOLE}"
    )
    solution = (
        f"With $f(x) = {polynomial(f)}$ and $g(x) = {polynomial(g)}$: "
        f"$f'(x) = {polynomial(_derivative(f))}$ and $g'(x) = {polynomial(_derivative(g))}$. "
        f"At $x = {k}$: $f = {fk}$, $f' = {dfk}$, $g = {gk}$, $g' = {dgk}$. The product "
        f"rule gives $$h'({k}) = f'g + fg' = {_power(int(dfk))} \\cdot {_power(int(gk))} + "
        f"{_power(int(fk))} \\cdot {_power(int(dgk))} = {value}.$$"
    )
    mistakes = {
        "product_of_derivatives": (
            dfk * dgk,
            "You multiplied the two derivatives. The derivative of a product is not the "
            "product of the derivatives: each factor is differentiated in turn while the "
            "other stays as it is, and the two results are added.",
        ),
        "one_term_only": (
            dfk * gk,
            "You differentiated the first factor only. The product rule has two terms: "
            "add the first factor times the second one's derivative.",
        ),
        "subtracted_the_terms": (
            dfk * gk - fk * dgk,
            "You subtracted the two terms, as in the quotient rule's numerator. For a "
            "product the two terms are added.",
        ),
    }
    hint = f"Work out $f$, $f'$, $g$ and $g'$ at $x = {k}$ first, then combine them."
    return integer_variant(
        prompt=prompt,
        params={"f": f, "g": g, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


@family("product_rule_growing_rectangle")
def product_rule_growing_rectangle(rng: np.random.Generator) -> Variant:
    """How fast a rectangle's area changes while its width and height both change."""
    width, height = draw(rng, 3, 12), draw(rng, 2, 10)
    grow_w = draw(rng, 1, 5)
    grow_h = nonzero(rng, -4, 5)
    value = grow_w * height + width * grow_h
    height_words = (
        f"its height is growing at {grow_h} cm per second"
        if grow_h > 0
        else f"its height is shrinking at {-grow_h} cm per second"
    )
    prompt = (
        f"At one moment a rectangle is {width} cm wide and {height} cm tall. Its width is "
        f"growing at {grow_w} cm per second and {height_words}. How fast is its area "
        f"changing at that moment, in square centimetres per second? (A negative answer "
        f"means the area is shrinking.) {WHOLE}"
    )
    solution = (
        f"The area is $A = wh$, so by the product rule $A' = w'h + wh'$. Here $w = {width}$, "
        f"$w' = {grow_w}$, $h = {height}$ and $h' = {grow_h}$, so "
        f"$A' = {grow_w} \\times {height} + {width} \\times {_power(grow_h)} = {value}$ "
        f"square centimetres per second."
    )
    mistakes = {
        "product_of_rates": (
            grow_w * grow_h,
            "You multiplied the two rates. The area changes in two strips: the growth in "
            "width times the height, plus the width times the change in height.",
        ),
        "width_change_only": (
            grow_w * height,
            "That counts only the strip the widening adds. The height is changing too: "
            "add the width times the change in height.",
        ),
        "ignored_the_shrinking": (
            grow_w * height + width * abs(grow_h),
            "A shrinking height is a negative rate of change, so its strip is taken away, "
            "not added.",
        ),
    }
    if grow_h > 0:
        del mistakes["ignored_the_shrinking"]
    hint = (
        "Picture the rectangle a moment later: the area gains a strip along the height "
        "from the widening and a strip along the width from the change in height."
    )
    return integer_variant(
        prompt=prompt,
        params={"width": width, "height": height, "grow_w": grow_w, "grow_h": grow_h},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ------------------------------------------------------- 295. higher-order derivatives


@family("second_derivative_at_a_point")
def second_derivative_at_a_point(rng: np.random.Generator) -> Variant:
    """f''(k) for a polynomial of degree 3 to 5: differentiate twice, then substitute."""
    degree = draw(rng, 3, 5)
    coefficients = [nonzero(rng, -4, 4)] + [draw(rng, -7, 7) for _ in range(degree)]
    k = pick(rng, (-2, -1, 1, 2))
    first = _derivative(coefficients)
    second = _derivative(first)
    value = _at(second, k)
    slope = _at(first, k)
    powers = [degree - i for i in range(degree + 1)]
    one_factor = sum(
        c * n * Fraction(k) ** (n - 2) for c, n in zip(coefficients, powers, strict=True) if n >= 2
    )
    prompt = f"Let $f(x) = {polynomial(coefficients)}$. Find $f''({k})$. {WHOLE}"
    solution = (
        f"Differentiate twice: $f'(x) = {polynomial(first)}$ and "
        f"$f''(x) = {polynomial(second)}$. Then $$f''({k}) = {_substituted(second, k)} = "
        f"{value}.$$"
    )
    mistakes = {
        "first_derivative_only": (
            slope,
            "That is f', the first derivative. The second derivative is the derivative of "
            "f': differentiate once more before putting in the number.",
        ),
        "squared_the_first_derivative": (
            slope**2,
            "f'' means differentiating twice, not squaring the first derivative. "
            "Differentiate f' again.",
        ),
        "one_factor_only": (
            one_factor,
            "Each differentiation brings down its own factor, so two steps bring down two: "
            "the old exponent and the exponent after it was lowered once. You brought down "
            "only one of them.",
        ),
    }
    hint = f"Find $f'(x)$ first, differentiate it again, and only then put in $x = {k}$."
    return integer_variant(
        prompt=prompt,
        params={"coefficients": coefficients, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


@family("acceleration_when_at_rest")
def acceleration_when_at_rest(rng: np.random.Generator) -> Variant:
    """The acceleration of a particle at the first moment its velocity is zero, for a
    cubic position s = c(2t^3 - 3(p + q)t^2 + 6pq t), whose velocity is 6c(t - p)(t - q)."""
    p = draw(rng, 1, 4)
    q = draw(rng, p + 1, 6)
    c = nonzero(rng, -3, 3)  # moving forwards first (it then brakes) or backwards first
    position = [2 * c, -3 * c * (p + q), 6 * c * p * q, 0]
    velocity = _derivative(position)
    acceleration = _derivative(velocity)
    value = _at(acceleration, p)
    prompt = (
        f"A particle moves along a line; its position after $t$ seconds is "
        f"$s(t) = {polynomial(position, 't')}$ metres. What is its acceleration, in "
        f"metres per second squared, at the first moment $t > 0$ when it is at rest? "
        f"{WHOLE}"
    )
    solution = (
        f"Velocity is $v(t) = s'(t) = {polynomial(velocity, 't')} = {6 * c}(t - {p})(t - {q})$, "
        f"which is zero first at $t = {p}$. Acceleration is $a(t) = v'(t) = "
        f"{polynomial(acceleration, 't')}$, so $a({p}) = {_substituted(acceleration, p)} = "
        f"{value}$. At rest but accelerating: the particle is turning round."
    )
    mistakes = {
        "acceleration_at_the_later_rest": (
            _at(acceleration, q),
            "That is the acceleration at the second moment of rest. The question asks "
            "about the first time the velocity is zero.",
        ),
        "position_at_rest": (
            _at(position, p),
            "That is where the particle is when it stops. Acceleration is the second "
            "derivative of position: differentiate the velocity.",
        ),
        "acceleration_at_the_start": (
            _at(acceleration, 0),
            "That is the acceleration at t = 0. Find when the velocity is zero first, and "
            "evaluate the acceleration then.",
        ),
    }
    hint = (
        "Differentiate $s$ to get the velocity, factor it to find when it is zero, then "
        "differentiate again."
    )
    return integer_variant(
        prompt=prompt,
        params={"p": p, "q": q, "c": c},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ------------------------------------------- 296. derivatives of exponential functions


def _sig3(x: float) -> str:
    """``x`` rounded to 3 significant figures and written out in full, trailing zeros
    kept: ``-0.520``, ``89.0``, ``1010``."""
    if x == 0:
        return "0"
    rounded = float(f"{x:.3g}")
    places = 2 - math.floor(math.log10(abs(rounded)))
    return f"{rounded:.{max(places, 0)}f}"


def _times(x: Fraction | int) -> str:
    """``x`` as a factor in front of a function in LaTeX: nothing for 1, ``-`` for -1,
    else the number: ``-\\frac{3}{4} ``."""
    x = Fraction(x)
    if abs(x) == 1:
        return "" if x > 0 else "-"
    return f"{_sfrac(x)} "


EXPONENTIAL_BASES = (2, 3, 5, Fraction(1, 2), Fraction(1, 3))


@family("exponential_base_b_slope")
def exponential_base_b_slope(rng: np.random.Generator) -> Variant:
    """f'(k) for f = a b^x: a b^k ln b, to 3 significant figures."""
    while True:
        a = nonzero(rng, -4, 6)
        b = pick(rng, EXPONENTIAL_BASES)
        k = draw(rng, -1, 4)
        height = a * Fraction(b) ** k  # exact: a b^k, a fraction when k < 0
        value = float(height) * math.log(b)
        power_rule = float(a * k * Fraction(b) ** (k - 1))
        no_log = float(height)
        common_log = float(height) * math.log10(b)
        if (
            _distinct_to_3sf(value, power_rule, no_log, common_log)
            and _distinct_to_3sf(power_rule, no_log, common_log)
            and _distinct_to_3sf(no_log, common_log)
        ):
            break
    base = frac(b) if b > 1 else f"\\left({frac(b)}\\right)"
    shown = f"{'' if a == 1 else '-' if a == -1 else f'{a} \\cdot '}{base}^{{x}}"
    prompt = f"Let $f(x) = {shown}$. Find $f'({k})$. {SIG3}"
    solution = (
        f"For any base, $\\frac{{d}}{{dx}} b^x = b^x \\ln b$, so "
        f"$f'(x) = {shown} \\ln {base}$. At $x = {k}$: $f({k}) = {_sfrac(height)}$, and "
        f"$$f'({k}) = {_times(height)}\\ln {base} \\approx {_sig3(value)}.$$"
        + (" The slope is negative: a base below 1 means decay." if b < 1 and a > 0 else "")
    )
    mistakes = {
        "power_rule_on_an_exponential": (
            power_rule,
            "You used the power rule, bringing the exponent x down in front. Here x is the "
            "exponent and the base is fixed: an exponential's derivative is itself times "
            "the natural logarithm of the base.",
        ),
        "forgot_the_log_of_the_base": (
            no_log,
            "Only e to the x is its own derivative. For another base the derivative picks "
            "up a factor, the natural logarithm of the base.",
        ),
        "used_the_common_logarithm": (
            common_log,
            "You used the logarithm to base 10. The factor is the natural logarithm, ln, "
            "to base e.",
        ),
    }
    hint = f"Write down $\\frac{{d}}{{dx}} b^x$ for $b = {frac(b)}$, then put in $x = {k}$."
    b_param = [Fraction(b).numerator, Fraction(b).denominator]
    return number_variant(
        prompt=prompt,
        params={"a": a, "b": b_param, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


@family("exponential_chain_slope")
def exponential_chain_slope(rng: np.random.Generator) -> Variant:
    """f'(k) for f = a e^(g(x)), g a line or a quadratic: a e^(g(k)) g'(k) (3 s.f.)."""
    while True:
        a = nonzero(rng, -3, 5)
        if rng.integers(2):
            inner = [nonzero(rng, -2, 2), draw(rng, -3, 3), draw(rng, -2, 2)]
        else:
            inner = [pick(rng, (-3, -2, 2, 3, 4)), draw(rng, -3, 3)]
        k = draw(rng, -2, 2)
        u = int(_at(inner, k))
        du = int(_at(_derivative(inner), k))
        if abs(u) > 3 or du in (0, 1) or u in (0, 1):
            continue
        value = a * math.exp(u) * du
        no_inner = a * math.exp(u)
        brought_down = a * u * math.exp(u - 1)
        only_inner = float(a * du)
        others = (no_inner, brought_down, only_inner)
        if _distinct_to_3sf(value, *others) and all(
            _distinct_to_3sf(x, *others[i + 1 :]) for i, x in enumerate(others)
        ):
            break
    coefficient = "" if a == 1 else "-" if a == -1 else str(a)
    shown = f"{coefficient}e^{{{polynomial(inner)}}}"
    prompt = f"Let $f(x) = {shown}$. Find $f'({k})$. {SIG3}"
    solution = (
        f"By the chain rule, $\\frac{{d}}{{dx}} e^{{g(x)}} = e^{{g(x)}} g'(x)$. Here "
        f"$g(x) = {polynomial(inner)}$ and $g'(x) = {polynomial(_derivative(inner))}$, so at "
        f"$x = {k}$: $g = {u}$ and $g' = {du}$. Then "
        f"$$f'({k}) = {_times(a)}e^{{{u}}} \\cdot {_power(du)} \\approx {_sig3(value)}.$$"
    )
    mistakes = {
        "forgot_the_inner_derivative": (
            no_inner,
            "e to the x is its own derivative, but here the exponent is a function of x: "
            "the chain rule multiplies by the exponent's derivative.",
        ),
        "brought_the_exponent_down": (
            brought_down,
            "You treated the exponent like a power and brought it down. The variable is "
            "in the exponent: e to the g has derivative e to the g times g'.",
        ),
        "dropped_the_exponential": (
            only_inner,
            "The exponential does not disappear when you differentiate: it stays, "
            "multiplied by the derivative of its exponent.",
        ),
    }
    hint = f"Find the exponent $g(x) = {polynomial(inner)}$ and its derivative at $x = {k}$."
    return number_variant(
        prompt=prompt,
        params={"a": a, "inner": inner, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ---------------------------------------------------------- 297. the first derivative test


def _factored(k: int, factors: list[tuple[int, int]]) -> str:
    """``k`` times ``(x - root)`` to each ``power`` in LaTeX, a factor x first:
    ``-2x(x + 2)^{2}``."""
    lead = "" if k == 1 else "-" if k == -1 else str(k)
    parts = []
    for root, power in sorted(factors, key=lambda f: f[0] != 0):
        exponent = "" if power == 1 else f"^{{{power}}}"
        parts.append(f"x{exponent}" if root == 0 else f"(x {term(-root)}){exponent}")
    return lead + "".join(parts)


def _sfrac(x: Fraction) -> str:
    """``x`` in LaTeX with its sign in front: ``-\\frac{9}{2}``."""
    return f"-{frac(-x)}" if x < 0 else frac(x)


def _sign_word(x: Fraction) -> str:
    return "positive" if x > 0 else "negative"


EXTREME_OPTIONS = {
    "A": "a local maximum",
    "B": "a local minimum",
    "C": "neither: no local maximum or minimum",
}


@family("first_derivative_classify")
def first_derivative_classify(rng: np.random.Generator) -> Variant:
    """Classify a critical point from the factored derivative by the sign of f' on each
    side: a maximum, a minimum, or neither when the sign does not change."""
    k = pick(rng, (-3, -2, -1, 1, 2, 3))
    p = draw(rng, -4, 4)
    q = pick(rng, [x for x in range(-4, 5) if x != p])
    m, n = draw(rng, 1, 2), draw(rng, 1, 2)

    def slope(x: Fraction) -> Fraction:
        return k * (x - p) ** m * (x - q) ** n

    left, right = slope(p - Fraction(1, 2)), slope(p + Fraction(1, 2))
    if left > 0 > right:
        answer = "A"
    elif left < 0 < right:
        answer = "B"
    else:
        answer = "C"
    derivative = _factored(k, [(p, m), (q, n)])
    prompt = (
        f"A function $f$ has derivative $f'(x) = {derivative}$. What does $f$ have at "
        f"its critical point $x = {p}$?"
    )
    verdict = {
        "A": "changes from positive to negative: rising then falling, a local maximum",
        "B": "changes from negative to positive: falling then rising, a local minimum",
        "C": "does not change, so $f$ keeps going the same way: neither a maximum nor a minimum",
    }[answer]
    solution = (
        f"Test a point on each side of ${p}$ (the other critical point ${q}$ is not "
        f"between them): $f'({_sfrac(p - Fraction(1, 2))}) = {_sfrac(left)}$ is "
        f"{_sign_word(left)} and $f'({_sfrac(p + Fraction(1, 2))}) = {_sfrac(right)}$ is "
        f"{_sign_word(right)}. The sign of $f'$ {verdict}."
    )
    if answer == "C":
        mistakes = {
            "called_it_a_maximum": (
                "A",
                "f' is zero there, but it has the same sign on both sides, so f keeps "
                "going the same way: a critical point need not be an extreme.",
            ),
            "called_it_a_minimum": (
                "B",
                "f' is zero there, but it has the same sign on both sides, so f keeps "
                "going the same way: a critical point need not be an extreme.",
            ),
        }
    else:
        mistakes = {
            "reversed_the_sign_rule": (
                "B" if answer == "A" else "A",
                "You read the sign change backwards. Positive f' means rising: rising then "
                "falling is a peak, falling then rising a valley.",
            ),
            "missed_the_sign_change": (
                "C",
                "Check the sign of f' just left and just right of the point again: a "
                "squared factor never changes sign, but a factor to the first power does.",
            ),
        }
    hint = (
        f"Work out the sign of $f'$ at a point just left of ${p}$ and just right of it, "
        f"such as ${_sfrac(p - Fraction(1, 2))}$ and ${_sfrac(p + Fraction(1, 2))}$."
    )
    return choice_variant(
        prompt=prompt,
        params={"k": k, "p": p, "q": q, "m": m, "n": n},
        options=EXTREME_OPTIONS,
        right=answer,
        solution=f"{solution} The answer is {answer}.",
        mistakes=mistakes,
        hint=hint,
    )


@family("local_maximum_value")
def local_maximum_value(rng: np.random.Generator) -> Variant:
    """The local maximum value of a cubic whose critical points are whole numbers."""
    p = draw(rng, -3, 2)
    q = draw(rng, p + 1, 4)
    a = pick(rng, (-1, 1))
    d = draw(rng, -9, 9)
    f = [2 * a, -3 * a * (p + q), 6 * a * p * q, d]  # f' = 6a(x - p)(x - q)
    top, bottom = (p, q) if a > 0 else (q, p)
    value = _at(f, top)
    prompt = f"Find the local maximum value of $f(x) = {polynomial(f)}$. {WHOLE}"
    derivative = polynomial(_derivative(f))
    factored = _factored(6 * a, [(p, 1), (q, 1)])
    if a > 0:
        signs = f"positive before ${p}$, negative between ${p}$ and ${q}$, positive after ${q}$"
    else:
        signs = f"negative before ${p}$, positive between ${p}$ and ${q}$, negative after ${q}$"
    solution = (
        f"$f'(x) = {derivative} = {factored}$, so the critical points are $x = {p}$ and "
        f"$x = {q}$. The sign of $f'$ is {signs}, so $f$ rises then falls at $x = {top}$: "
        f"the local maximum. Its value is $f({top}) = {_substituted(f, top)} = {value}$."
    )
    mistakes = {
        "gave_the_place": (
            top,
            "That is where the maximum is, the x-value. The question asks for the "
            "maximum value itself: put that x into f.",
        ),
        "gave_the_local_minimum": (
            _at(f, bottom),
            "That is the value at the other critical point, where f' changes from "
            "negative to positive: a local minimum.",
        ),
    }
    hint = (
        "Factor $f'(x)$, find where it changes from positive to negative, then evaluate $f$ there."
    )
    return integer_variant(
        prompt=prompt,
        params={"a": a, "p": p, "q": q, "d": d},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ------------------------------------------------------------ 298. optimization problems

# (what the fence makes, copies of the side x, copies of the side y): fencing m x + n y = L
PENS = (
    ("a rectangular pen against a long wall, fenced on the other three sides", 2, 1),
    (
        "a rectangular pen against a long wall, fenced on the other three sides and split "
        "into two pens by one more fence at right angles to the wall",
        3,
        1,
    ),
    (
        "a rectangular field fenced on all four sides and split into two by one more fence "
        "parallel to two of its sides",
        3,
        2,
    ),
    (
        "a rectangular field fenced on all four sides and split into three by two more "
        "fences parallel to two of its sides",
        4,
        2,
    ),
)


@family("fence_max_area")
def fence_max_area(rng: np.random.Generator) -> Variant:
    """The largest area a given length of fence encloses in one of several layouts."""
    layout, m, n = pick(rng, PENS)
    length = pick(rng, (24, 36, 48, 60, 72, 84, 120))
    side = Fraction(length, 2 * m)
    other = Fraction(length - m * side, n)
    value = side * other
    square = Fraction(length, m + n) ** 2
    others = "the one that runs" if n == 1 else f"each of the {n} that run"
    prompt = (
        f"A farmer has {length} m of fencing to build {layout}. Call $x$ the length of "
        f"each of the {m} fence pieces that run one way and $y$ the length of {others} "
        f"the other way. What is the largest area, in square metres, that can be "
        f"enclosed? Give a whole number or an exact fraction."
    )
    if n == 1:
        fence, y_is = f"{m}x + y", f"{length} - {m}x"
        area, slope = f"x({length} - {m}x)", f"{length} - {2 * m}x"
    else:
        fence, y_is = f"{m}x + {n}y", f"\\frac{{{length} - {m}x}}{{{n}}}"
        area = f"x \\cdot {y_is}"
        slope = f"\\frac{{{length} - {2 * m}x}}{{{n}}}"
    solution = (
        f"The fence gives ${fence} = {length}$, so $y = {y_is}$ and the area is "
        f"$A(x) = {area}$ for $0 \\le x \\le {frac(Fraction(length, m))}$. "
        f"Then $A'(x) = {slope}$, which is zero at "
        f"$x = {frac(side)}$; $A'' < 0$, and $A = 0$ at both ends, so this is the "
        f"maximum. There $y = {frac(other)}$ and $A = {frac(side)} \\times {frac(other)} = "
        f"{frac(value)}$ square metres."
    )
    mistakes = {
        "assumed_a_square": (
            square,
            "You made the pen square. With a wall or extra fences the pieces are not used "
            "equally, and the best shape is found by setting the derivative of the area "
            "to zero, not assumed.",
        ),
        "gave_the_side": (
            side,
            "That is the best length x, not the area. Find y from the fence equation and multiply.",
        ),
    }
    hint = f"Use ${fence} = {length}$ to write the area as a function of $x$ alone."
    return exact_variant(
        prompt=prompt,
        params={"length": length, "m": m, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


@family("absolute_max_on_interval")
def absolute_max_on_interval(rng: np.random.Generator) -> Variant:
    """The largest value of a cubic on a closed interval: critical points and endpoints
    compared."""
    p = draw(rng, -2, 1)
    q = draw(rng, p + 1, 3)
    a = pick(rng, (-1, 1))
    d = draw(rng, -5, 5)
    # the ends lie beyond the critical points, so the student has four values to compare
    left, right = draw(rng, p - 2, p - 1), draw(rng, q + 1, q + 2)
    f = [2 * a, -3 * a * (p + q), 6 * a * p * q, d]  # f' = 6a(x - p)(x - q)
    candidates = {x: _at(f, x) for x in sorted({left, p, q, right})}
    value = max(candidates.values())
    inside = max(_at(f, p), _at(f, q))
    where = [x for x, y in candidates.items() if y == value]
    prompt = (
        f"Find the largest value of $f(x) = {polynomial(f)}$ on the interval "
        f"${left} \\le x \\le {right}$. {WHOLE}"
    )
    listed = ", ".join(f"$f({x}) = {y}$" for x, y in candidates.items())
    solution = (
        f"$f'(x) = {polynomial(_derivative(f))} = {_factored(6 * a, [(p, 1), (q, 1)])}$, "
        f"zero at $x = {p}$ and $x = {q}$, both in the interval. Compare $f$ at the "
        f"critical points and at the ends: {listed}. The largest is ${value}$, at "
        f"{and_list([f'$x = {x}$' for x in where])}."
    )
    mistakes = {
        "ignored_the_endpoints": (
            inside,
            "That is the largest value at a critical point, but on a closed interval the "
            "largest value can sit at an end. Work out f at both ends too.",
        ),
        "gave_the_smallest_value": (
            min(candidates.values()),
            "That is the smallest of the values. The question asks for the largest.",
        ),
    }
    if inside == value:
        del mistakes["ignored_the_endpoints"]
    hint = f"Find the critical points, then list $f$ at them and at $x = {left}$ and $x = {right}$."
    return integer_variant(
        prompt=prompt,
        params={"a": a, "p": p, "q": q, "d": d, "left": left, "right": right},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ------------------------------------------------------------- 299. partial derivatives

Monomial = tuple[int, int, int]  # (coefficient, power of x, power of y)


def _monomials(terms: list[Monomial]) -> str:
    """A polynomial in x and y in LaTeX: ``3x^{2}y - xy^{3} + 4y``."""
    parts = []
    for c, px, py in terms:
        letters = "".join(
            name if k == 1 else f"{name}^{{{k}}}" for name, k in (("x", px), ("y", py)) if k
        )
        parts.append(term(c, letters, first=not parts))
    return " ".join(parts)


def _partial(terms: list[Monomial], variable: str) -> list[Monomial]:
    """The partial derivative's terms, the other letter held fixed."""
    out = []
    for c, px, py in terms:
        k = px if variable == "x" else py
        if k:
            out.append((c * k, px - (variable == "x"), py - (variable == "y")))
    return out


def _monomials_at(terms: list[Monomial], x: int, y: int) -> str:
    """The polynomial in x and y with the point put in, one product per term, in LaTeX:
    ``8 \\cdot 3 \\cdot 3^{2} - (-2)^{2} + 4``."""
    parts = []
    for c, px, py in terms:
        factors = [_power(v) + (f"^{{{k}}}" if k > 1 else "") for v, k in ((x, px), (y, py)) if k]
        if abs(c) != 1 or not factors:
            factors.insert(0, str(abs(c)))
        body = " \\cdot ".join(factors)
        if not parts:
            parts.append(f"-{body}" if c < 0 else body)
        else:
            parts.append(f"- {body}" if c < 0 else f"+ {body}")
    return " ".join(parts)


def _value(terms: list[Monomial], x: int | Fraction, y: int | Fraction) -> int | Fraction:
    return sum(c * x**px * y**py for c, px, py in terms)


@family("partial_derivative_polynomial")
def partial_derivative_polynomial(rng: np.random.Generator) -> Variant:
    """f_x or f_y of a polynomial in x and y at a point with whole coordinates."""
    while True:
        terms: list[Monomial] = [
            (nonzero(rng, -4, 4), draw(rng, 1, 3), draw(rng, 1, 2)),
            (nonzero(rng, -4, 4), draw(rng, 1, 2), draw(rng, 1, 3)),
            (nonzero(rng, -5, 5), draw(rng, 1, 3), 0),
            (nonzero(rng, -5, 5), 0, draw(rng, 1, 2)),
        ]
        if terms[0][1:] == terms[1][1:]:
            continue
        variable = pick(rng, ("x", "y"))
        other = "y" if variable == "x" else "x"
        x0, y0 = pick(rng, (-2, -1, 1, 2, 3)), pick(rng, (-2, -1, 1, 2, 3))
        partial = _partial(terms, variable)
        value = _value(partial, x0, y0)
        wrong_letter = _value(_partial(terms, other), x0, y0)
        # the other letter set to zero: only terms without it survive
        as_zero = _value([t for t in partial if t[2 if variable == "x" else 1] == 0], x0, y0)
        if value != 0:
            break
    prompt = (
        f"Let $f(x, y) = {_monomials(terms)}$. Find "
        f"$\\dfrac{{\\partial f}}{{\\partial {variable}}}$ at $({x0}, {y0})$. {WHOLE}"
    )
    solution = (
        f"Hold ${other}$ fixed and differentiate with respect to ${variable}$; the term "
        f"without ${variable}$ is a constant and drops out: "
        f"$$\\frac{{\\partial f}}{{\\partial {variable}}} = {_monomials(partial)}.$$ At "
        f"$x = {x0}$, $y = {y0}$ this is ${_monomials_at(partial, x0, y0)} = {value}$."
    )
    mistakes = {
        "differentiated_the_other_variable": (
            wrong_letter,
            f"That is the partial derivative with respect to {other}. Here {other} is held "
            f"fixed and only {variable} moves.",
        ),
        "held_variable_set_to_zero": (
            as_zero,
            f"Holding {other} fixed means treating it as a constant number, not as zero. "
            f"Terms containing both letters keep {other} as a factor.",
        ),
    }
    hint = (
        f"Treat ${other}$ like a fixed number: differentiate each term with respect "
        f"to ${variable}$ by the power rule."
    )
    return integer_variant(
        prompt=prompt,
        params={"terms": [list(t) for t in terms], "variable": variable, "at": [x0, y0]},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


@family("partial_derivative_chain")
def partial_derivative_chain(rng: np.random.Generator) -> Variant:
    """f_x or f_y of (a x^p + b y^q + c)^n at a point: the chain rule with one letter
    held fixed."""
    while True:
        inside: list[Monomial] = [
            (nonzero(rng, -3, 3), draw(rng, 1, 2), 0),
            (nonzero(rng, -3, 3), 0, draw(rng, 1, 2)),
        ]
        c = draw(rng, -3, 3)
        n = draw(rng, 2, 4)
        variable = pick(rng, ("x", "y"))
        x0, y0 = pick(rng, (-2, -1, 1, 2)), pick(rng, (-2, -1, 1, 2))
        u = _value(inside, x0, y0) + c
        du = _value(_partial(inside, variable), x0, y0)
        other_du = _value(_partial(inside, "y" if variable == "x" else "x"), x0, y0)
        if u and du and abs(u) <= 4:
            break
    value = n * u ** (n - 1) * du
    inner = _monomials(inside) + ("" if c == 0 else f" {term(c)}")
    prompt = (
        f"Let $f(x, y) = \\left({inner}\\right)^{{{n}}}$. Find "
        f"$\\dfrac{{\\partial f}}{{\\partial {variable}}}$ at $({x0}, {y0})$. {WHOLE}"
    )
    power = "" if n == 2 else f"^{{{n - 1}}}"
    solution = (
        f"With $u = {inner}$, the chain rule gives "
        f"$\\frac{{\\partial f}}{{\\partial {variable}}} = {n}u{power} \\cdot "
        f"\\frac{{\\partial u}}{{\\partial {variable}}}$, and "
        f"$\\frac{{\\partial u}}{{\\partial {variable}}} = "
        f"{_monomials(_partial(inside, variable))}$. At $({x0}, {y0})$: $u = {u}$ and "
        f"$\\frac{{\\partial u}}{{\\partial {variable}}} = {du}$, so the answer is "
        f"${n} \\cdot {_power(u)}{power} \\cdot {_power(du)} = {value}$."
    )
    mistakes = {
        "forgot_the_inner_derivative": (
            n * u ** (n - 1),
            "You differentiated the outer power only. The chain rule multiplies by the "
            "inside's partial derivative as well.",
        ),
        "differentiated_the_other_variable": (
            n * u ** (n - 1) * other_du,
            "You multiplied by the inside's derivative with respect to the other letter. "
            "Only the asked variable moves; the other is held fixed.",
        ),
    }
    hint = (
        f"Call the bracket $u$; find $u$ and its partial derivative with respect to "
        f"${variable}$ at the point."
    )
    return integer_variant(
        prompt=prompt,
        params={
            "inside": [list(t) for t in inside],
            "c": c,
            "n": n,
            "variable": variable,
            "at": [x0, y0],
        },
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ----------------------------------------------------------------- 300. the gradient vector

DIRECTIONS = ((3, 4), (4, 3), (5, 12), (12, 5), (8, 15), (1, 0), (0, 1))


def _gradient(terms: list[Monomial], x: int, y: int) -> tuple[int, int]:
    return _value(_partial(terms, "x"), x, y), _value(_partial(terms, "y"), x, y)


def _two_letter_polynomial(rng: np.random.Generator) -> list[Monomial]:
    """x^2, y^2 and xy terms, and one or two linear ones, with small coefficients."""
    return [
        (nonzero(rng, -3, 3), 2, 0),
        (draw(rng, -3, 3), 1, 1),
        (nonzero(rng, -3, 3), 0, 2),
        (draw(rng, -5, 5), 1, 0),
        (draw(rng, -5, 5), 0, 1),
    ]


@family("directional_derivative")
def directional_derivative(rng: np.random.Generator) -> Variant:
    """The rate of change of f(x, y) at a point in the direction of a given vector: the
    gradient dotted with the unit vector."""
    while True:
        terms = [t for t in _two_letter_polynomial(rng) if t[0]]
        x0, y0 = draw(rng, -2, 2), draw(rng, -2, 2)
        a, b = pick(rng, DIRECTIONS)
        a, b = a * pick(rng, (-1, 1)), b * pick(rng, (-1, 1))
        gx, gy = _gradient(terms, x0, y0)
        length = math.isqrt(a * a + b * b)
        value = Fraction(gx * a + gy * b, length)
        if gx and gy and value and length > 1:
            break
    prompt = (
        f"Let $f(x, y) = {_monomials(terms)}$. At the point $({x0}, {y0})$, how fast does "
        f"$f$ change per unit distance in the direction of the vector $({a}, {b})$? "
        f"{WHOLE_OR_LOWEST}"
    )
    solution = (
        f"The gradient is $\\nabla f = \\left({_monomials(_partial(terms, 'x'))},\\ "
        f"{_monomials(_partial(terms, 'y'))}\\right)$, which at $({x0}, {y0})$ is "
        f"$({gx}, {gy})$. The vector $({a}, {b})$ has length "
        f"$\\sqrt{{{a * a + b * b}}} = {length}$, so the unit direction is "
        f"$u = \\left({_sfrac(Fraction(a, length))}, {_sfrac(Fraction(b, length))}\\right)$, "
        f"and $D_u f = \\nabla f \\cdot u = \\frac{{{_power(gx)} \\times {_power(a)} + "
        f"{_power(gy)} \\times {_power(b)}}}{{{length}}} = {_sfrac(value)}$."
    )
    mistakes = {
        "direction_not_a_unit_vector": (
            value * length,
            "You used the direction vector as it stands. A rate per unit distance needs a "
            "unit vector: divide the vector by its length first.",
        ),
        "components_crossed": (
            Fraction(gy * a + gx * b, length),
            "You paired the x-part of the gradient with the y-part of the direction. The "
            "dot product multiplies x with x and y with y.",
        ),
    }
    hint = (
        f"Find $\\nabla f$ at $({x0}, {y0})$, and turn $({a}, {b})$ into a unit vector by "
        f"dividing by its length."
    )
    return exact_variant(
        prompt=prompt,
        params={"terms": [list(t) for t in terms], "at": [x0, y0], "direction": [a, b]},
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
        hint=hint,
    )


@family("gradient_descent_step")
def gradient_descent_step(rng: np.random.Generator) -> Variant:
    """One step of gradient descent on a bowl-shaped f(x, y) (positive x^2 and y^2 terms
    that outweigh the xy term) from a point with a given learning rate."""
    while True:
        terms = [t for t in _two_letter_polynomial(rng) if t[0]]
        squares = {(px, py): c for c, px, py in terms}
        a, b, c = squares.get((2, 0), 0), squares.get((0, 2), 0), squares.get((1, 1), 0)
        if a <= 0 or b <= 0 or c * c >= 4 * a * b:
            continue
        x0, y0 = draw(rng, -3, 3), draw(rng, -3, 3)
        rate = pick(rng, (Fraction(1, 10), Fraction(1, 4), Fraction(1, 2)))
        gx, gy = _gradient(terms, x0, y0)
        new = (x0 - rate * gx, y0 - rate * gy)
        # a step too long for the bowl's steepness overshoots and climbs: descent must descend
        if gx and gy and _value(terms, *new) < _value(terms, x0, y0):
            break
    prompt = (
        f"Gradient descent minimises $f(x, y) = {_monomials(terms)}$ with learning rate "
        f"$\\eta = {frac(rate)}$. Starting from $({x0}, {y0})$, where is it after one step? "
        f"Give the new point as two numbers separated by a comma, $x$ first (whole "
        f"numbers, fractions or decimals)."
    )
    solution = (
        f"$\\nabla f = \\left({_monomials(_partial(terms, 'x'))},\\ "
        f"{_monomials(_partial(terms, 'y'))}\\right)$, which at $({x0}, {y0})$ is "
        f"$({gx}, {gy})$. A step of descent moves against the gradient: "
        f"$$({x0}, {y0}) - {frac(rate)} \\cdot ({gx}, {gy}) = "
        f"\\left({_sfrac(new[0])}, {_sfrac(new[1])}\\right),$$ that is "
        f"$({float(new[0]):g}, {float(new[1]):g})$."
    )
    mistakes = {
        "stepped_uphill": (
            (x0 + rate * gx, y0 + rate * gy),
            "You moved along the gradient, which is the direction of steepest increase. "
            "To make f smaller, subtract the scaled gradient.",
        ),
        "forgot_the_learning_rate": (
            (x0 - gx, y0 - gy),
            "You subtracted the whole gradient. The step is the gradient times the learning rate.",
        ),
        "gave_the_gradient": (
            (gx, gy),
            "That is the gradient at the starting point, not the new point. Subtract the "
            "learning rate times the gradient from the starting point.",
        ),
    }
    answer = Expected(
        tuple(Fraction(v) for v in new),
        kind="values",
        alternatives={code: tuple(Fraction(v) for v in vs) for code, (vs, _) in mistakes.items()},
        messages={code: message for code, (_, message) in mistakes.items()},
    )
    hint = f"Work out both partial derivatives at $({x0}, {y0})$ first."
    return Variant(
        prompt=prompt,
        params={
            "terms": [list(t) for t in terms],
            "at": [x0, y0],
            "rate": [rate.numerator, rate.denominator],
        },
        expected=float(new[0]),
        solution=solution,
        answer=answer,
        hint=hint,
    )


# ---------------------------------------------------------- 301. Lagrange multipliers


def _times_lambda(k: Fraction | int) -> str:
    """``k`` times lambda in LaTeX: ``\\lambda``, ``-\\lambda``, ``-\\frac{3}{2}\\lambda``."""
    k = Fraction(k)
    size = "" if abs(k) == 1 else frac(abs(k))
    return f"{'-' if k < 0 else ''}{size}\\lambda"


@family("lagrange_closest_point")
def lagrange_closest_point(rng: np.random.Generator) -> Variant:
    """The least value of x^2 + y^2 on the line ax + by = c, by ∇f = λ∇g."""
    while True:
        a, b = draw(rng, 1, 4), nonzero(rng, -4, 4)  # a line written as ax + by = c, a > 0
        c = nonzero(rng, -12, 12)
        if a + b != 0 and abs(a) != abs(b):
            break
    norm = a * a + b * b
    lam = Fraction(2 * c, norm)
    x, y = lam * a / 2, lam * b / 2
    value = Fraction(c * c, norm)
    line = f"{term(a, 'x', first=True)} {term(b, 'y')} = {c}"
    prompt = (
        f"Find the smallest value of $x^2 + y^2$ for points on the line ${line}$. {WHOLE_OR_LOWEST}"
    )
    solution = (
        f"With $f = x^2 + y^2$ and $g = {line.split(' =')[0]}$, the condition "
        f"$\\nabla f = \\lambda \\nabla g$ reads $2x = {_times_lambda(a)}$ and "
        f"$2y = {_times_lambda(b)}$, so $x = {_times_lambda(Fraction(a, 2))}$ and "
        f"$y = {_times_lambda(Fraction(b, 2))}$. "
        f"Putting these into the constraint: "
        f"$\\frac{{{a * a} + {b * b}}}{{2}}\\lambda = {c}$, so $\\lambda = {_sfrac(lam)}$, "
        f"$x = {_sfrac(x)}$ and $y = {_sfrac(y)}$. Then "
        f"$x^2 + y^2 = {frac(x * x)} + {frac(y * y)} = {frac(value)}$."
    )
    same = Fraction(c, a + b)
    mistakes = {
        "assumed_x_equals_y": (
            2 * same * same,
            "You took x and y equal. On this line the closest point has x and y in the "
            "ratio of the line's coefficients: solve the gradient condition for them.",
        ),
        "gave_the_multiplier": (
            lam,
            "That is the multiplier λ. Use it to find x and y, then evaluate x² + y².",
        ),
    }
    hint = (
        f"Set $(2x, 2y) = \\lambda ({a}, {b})$, write $x$ and $y$ in terms of $\\lambda$, "
        f"and put them into the line's equation."
    )
    return exact_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c},
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
        hint=hint,
    )


@family("lagrange_multiplier_sensitivity")
def lagrange_multiplier_sensitivity(rng: np.random.Generator) -> Variant:
    """The multiplier for the largest xy with px + qy = c, which is also the rate at which
    that largest value grows as c grows."""
    p, q = draw(rng, 1, 5), draw(rng, 1, 5)
    c = draw(rng, 6, 30)
    lam = Fraction(c, 2 * p * q)
    x, y = lam * q, lam * p
    best = x * y
    prompt = (
        f"The largest value of $xy$ with $x, y > 0$ and ${term(p, 'x', first=True)} "
        f"{term(q, 'y')} = {c}$ is found with a Lagrange multiplier $\\lambda$ "
        f"($\\nabla(xy) = \\lambda \\nabla({term(p, 'x', first=True)} {term(q, 'y')})$). "
        f"Find $\\lambda$, which is also the rate at which that largest value grows as "
        f"the right-hand side ${c}$ grows. {WHOLE_OR_LOWEST}"
    )
    solution = (
        f"$\\nabla(xy) = (y, x)$ and the constraint's gradient is $({p}, {q})$, so "
        f"$y = {_times_lambda(p)}$ and $x = {_times_lambda(q)}$. The constraint gives "
        f"${p} \\cdot {q}\\lambda + {q} \\cdot {p}\\lambda = {2 * p * q}\\lambda = {c}$, so "
        f"$\\lambda = {frac(lam)}$. Then $x = {frac(x)}$, $y = {frac(y)}$ and the largest "
        f"value is ${frac(best)}$. In general it is $\\frac{{c^2}}{{{4 * p * q}}}$, whose "
        f"derivative with respect to $c$ is $\\frac{{c}}{{{2 * p * q}}}$, exactly "
        f"$\\lambda$: the multiplier is the extra value a unit more of the constraint buys."
    )
    mistakes = {
        "gave_the_largest_value": (
            best,
            "That is the largest value of xy itself. The multiplier is the number λ that "
            "makes the two gradients parallel; solve for it.",
        ),
        "gave_a_coordinate": (
            x,
            "That is the best x. The multiplier λ is the factor between the two "
            "gradients: x is a multiple of it, not the same.",
        ),
        "exact_growth_for_one_more": (
            Fraction(2 * c + 1, 4 * p * q),
            "That is how much the largest value grows from one right-hand side to the next "
            "whole number. The multiplier is the rate of growth, the derivative, which "
            "that step only approximates: solve the gradient condition for λ.",
        ),
        "added_instead_of_doubling": (
            Fraction(c, p * q),
            "Both terms of the constraint contribute pq λ, so together they give twice "
            "pq λ, not once.",
        ),
    }
    hint = f"Write $(y, x) = \\lambda ({p}, {q})$ and put $x$ and $y$ into the constraint."
    return exact_variant(
        prompt=prompt,
        params={"p": p, "q": q, "c": c},
        value=lam,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
        hint=hint,
    )
