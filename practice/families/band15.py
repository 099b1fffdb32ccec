"""Question families for band 15 of the KL plan (positions 305 to 321): the graphs of
tangent and the reciprocal trigonometric functions, the derivatives of all six, the
integral from antiderivatives to the definite integral and the fundamental theorem,
improper integrals, L'Hôpital's rule, Taylor series, self-information, and the first
distributions built on them (Poisson, densities and cumulative distribution functions).

Angles are drawn as exact multiples of pi (:class:`fractions.Fraction`), so the special
values behind each answer are known exactly; answers that stay rational are asked for
exactly, the others to 3 significant figures (with a wider tolerance where rounding the
intermediate steps to 3 figures would move the answer further). Each named mistake is the
value that mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
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
    plural,
    polynomial,
    shuffled_choice_variant,
    signed,
    term,
    values_variant,
)
from practice.grader import DEFAULT_REL_TOL
from practice.questions import Variant

SIG3 = "Give your answer to 3 significant figures (or exactly, e.g. `2/sqrt(3)`)."
EXACT = "Give an exact answer: a whole number or a fraction in lowest terms."

# sin and cos of the first-quadrant reference angles (as multiples of pi), in LaTeX.
_SIN_COS = {
    Fraction(1, 6): ("\\frac{1}{2}", "\\frac{\\sqrt{3}}{2}"),
    Fraction(1, 4): ("\\frac{\\sqrt{2}}{2}", "\\frac{\\sqrt{2}}{2}"),
    Fraction(1, 3): ("\\frac{\\sqrt{3}}{2}", "\\frac{1}{2}"),
}
# Angles (multiples of pi) whose sine and cosine are both nonzero and known exactly.
SPECIAL = tuple(
    sorted(
        {
            Fraction(n, d)
            for d in (6, 4, 3)
            for n in range(1, 2 * d)
            if Fraction(n, d).denominator > 2
        }
    )
)
UPPER = tuple(t for t in SPECIAL if t < 1)


def pi_times(q: Fraction) -> str:
    """``q`` times pi in LaTeX: ``\\pi``, ``2\\pi``, ``\\frac{\\pi}{4}``, ``\\frac{3\\pi}{4}``."""
    q = Fraction(q)
    top = "\\pi" if abs(q.numerator) == 1 else f"{abs(q.numerator)}\\pi"
    sign = "-" if q < 0 else ""
    return f"{sign}{top}" if q.denominator == 1 else f"{sign}\\frac{{{top}}}{{{q.denominator}}}"


def signed_frac(x: Fraction) -> str:
    """``x`` in LaTeX as a fraction with its sign in front: ``-\\frac{2}{3}``."""
    return f"-{frac(-x)}" if x < 0 else frac(x)


def _reference(theta: Fraction) -> Fraction:
    """The first-quadrant angle (a multiple of pi) that ``theta`` makes with the x-axis."""
    r = theta % 1
    return min(r, 1 - r)


def exact_sin_cos(theta: Fraction) -> tuple[str, str]:
    """sin and cos of ``theta`` pi in LaTeX, with the signs of its quadrant."""
    sin_ref, cos_ref = _SIN_COS[_reference(theta)]
    x = float(theta) * math.pi
    return (
        sin_ref if math.sin(x) > 0 else f"-{sin_ref}",
        cos_ref if math.cos(x) > 0 else f"-{cos_ref}",
    )


def cos_squared(theta: Fraction) -> Fraction:
    """cos^2 of ``theta`` pi, exactly (the reference angle fixes it)."""
    return {Fraction(1, 6): Fraction(3, 4), Fraction(1, 4): Fraction(1, 2)}.get(
        _reference(theta), Fraction(1, 4)
    )


# ------------------------------------- 305. graphing tangent and reciprocal trig functions


@family("tangent_period")
def tangent_period(rng: np.random.Generator) -> Variant:
    """The period of y = a tan(bx) is pi / b: tangent repeats after pi, not 2 pi."""
    a = pick(rng, (-4, -3, -2, -1, 1, 2, 3, 4, 5))
    b = draw(rng, 2, 8)
    value = math.pi / b
    head = term(a, f"\\tan({b}x)", first=True)
    return number_variant(
        prompt=(
            f"What is the period of $y = {head}$? Give it in radians: type it with `pi` "
            "(such as `pi/5`) or to 3 significant figures."
        ),
        params={"a": a, "b": b},
        value=value,
        unit="radians",
        solution=(
            f"Tangent repeats when its input grows by $\\pi$. The input here is ${b}x$, which "
            f"grows by $\\pi$ when $x$ grows by ${pi_times(Fraction(1, b))}$. The number "
            "in front of $\\tan$ stretches the graph up or down but does not change when "
            "it repeats, so the "
            f"period is ${pi_times(Fraction(1, b))} \\approx {value:.3g}$."
        ),
        mistakes={
            "sine_period_for_tangent": (
                2 * math.pi / b,
                "That is the period sine and cosine would have. Tangent is sine over cosine, "
                "and both change sign after half a turn, so tangent repeats after $\\pi$: "
                "divide $\\pi$, not $2\\pi$, by the number in front of $x$.",
            ),
            "multiplied_by_b": (
                math.pi * b,
                "A larger number in front of $x$ squeezes the graph, so the period gets "
                "shorter: divide the basic period by that number instead of multiplying.",
            ),
        },
    )


_RECIPROCAL = {
    "sec": ("\\sec", "\\cos", "cosine"),
    "csc": ("\\csc", "\\sin", "sine"),
    "cot": ("\\cot", "\\tan", "tangent"),
}


@family("reciprocal_trig_value")
def reciprocal_trig_value(rng: np.random.Generator) -> Variant:
    """sec, csc or cot at a special angle: one over cos, sin or tan there."""
    name = pick(rng, tuple(_RECIPROCAL))
    theta = pick(rng, SPECIAL)
    x = float(theta) * math.pi
    sin, cos = math.sin(x), math.cos(x)
    base = {"sec": cos, "csc": sin, "cot": sin / cos}[name]
    value = 1 / base
    sym, base_sym, base_name = _RECIPROCAL[name]
    sin_tex, cos_tex = exact_sin_cos(theta)
    angle = pi_times(theta)
    if name == "cot":
        working = (
            f"$\\cot {angle} = \\dfrac{{\\cos {angle}}}{{\\sin {angle}}} = "
            f"\\dfrac{{{cos_tex}}}{{{sin_tex}}}$"
        )
    else:
        shown = cos_tex if name == "sec" else sin_tex
        working = f"${sym} {angle} = \\dfrac{{1}}{{{base_sym} {angle}}} = \\dfrac{{1}}{{{shown}}}$"
    mistakes = {
        "forgot_reciprocal": (
            base,
            f"That is ${base_sym}$ itself. ${sym}$ is one over {base_name}: find "
            f"${base_sym}$ of the angle, then take its reciprocal.",
        )
    }
    if name != "cot":
        other = {"sec": sin, "csc": cos}[name]
        mistakes["wrong_partner"] = (
            1 / other,
            f"That is one over the other function. ${sym}$ goes with "
            f"${base_sym}$ (secant with cosine, cosecant with sine).",
        )
    return number_variant(
        prompt=f"Find ${sym} {angle}$. {SIG3}",
        params={"function": name, "theta": str(theta)},
        value=value,
        solution=f"{working} \\approx {value:.4g}$.".replace("$ \\approx", " \\approx"),
        mistakes=mistakes,
    )


# ------------------------------------------------ 306. derivatives of trigonometric functions


@family("trig_derivative_at_point")
def trig_derivative_at_point(rng: np.random.Generator) -> Variant:
    """f(x) = a sin(bx) or a cos(bx): f'(x0) = ab cos(bx0) or -ab sin(bx0), chain rule."""
    a = pick(rng, (-5, -4, -3, -2, 2, 3, 4, 5, 6))
    b = draw(rng, 2, 5)
    theta = pick(rng, UPPER)
    is_sine = bool(rng.integers(2))
    x0 = theta / b
    s, c = math.sin(float(theta) * math.pi), math.cos(float(theta) * math.pi)
    sin_tex, cos_tex = exact_sin_cos(theta)
    func, inner = ("\\sin", f"{b}x"), theta
    if is_sine:
        value, derivative = a * b * c, f"{a * b}\\cos({b}x)"
        at, shown = cos_tex, "\\cos"
        sign_slip = (
            -a * b * c,
            "The derivative of $\\sin$ is $+\\cos$; the minus sign belongs to the "
            "derivative of $\\cos$. Check on the graph: sine rises through $0$.",
        )
    else:
        func = ("\\cos", f"{b}x")
        value, derivative = -a * b * s, f"{-a * b}\\sin({b}x)"
        at, shown = sin_tex, "\\sin"
        sign_slip = (
            a * b * s,
            "The derivative of $\\cos x$ is $-\\sin x$: cosine falls just after its peak "
            "at $0$. Keep that minus sign.",
        )
    chain = value / b
    f_tex = term(a, f"{func[0]}({func[1]})", first=True)
    return number_variant(
        prompt=(f"Let $f(x) = {f_tex}$. Find $f'\\left({pi_times(x0)}\\right)$. {SIG3}"),
        params={"a": a, "b": b, "theta": str(theta), "sine": is_sine},
        value=value,
        solution=(
            f"By the chain rule $f'(x) = {derivative}$. At $x = {pi_times(x0)}$ the inside is "
            f"${b}x = {pi_times(inner)}$, and ${shown} {pi_times(inner)} = {at}$, so "
            f"$f'\\left({pi_times(x0)}\\right) \\approx {value:.4g}$."
        ),
        mistakes={
            "derivative_sign_slip": sign_slip,
            "dropped_chain_factor": (
                chain,
                f"The inside is ${b}x$, so the chain rule multiplies by its derivative "
                f"${b}$ as well.",
            ),
        },
    )


@family("tangent_slope_sec_squared")
def tangent_slope_sec_squared(rng: np.random.Generator) -> Variant:
    """The slope of y = a tan(bx) at x0 is ab sec^2(bx0) = ab / cos^2(bx0), exactly."""
    a = pick(rng, (-3, -2, -1, 1, 2, 3, 4))
    b = draw(rng, 2, 4)
    theta = pick(rng, UPPER)
    x0 = theta / b
    c2 = cos_squared(theta)
    value = Fraction(a * b) / c2
    _, cos_tex = exact_sin_cos(theta)
    head = term(a, f"\\tan({b}x)", first=True)
    return exact_variant(
        prompt=(f"Find the slope of $y = {head}$ at $x = {pi_times(x0)}$. {EXACT}"),
        params={"a": a, "b": b, "theta": str(theta)},
        value=value,
        solution=(
            f"$\\frac{{d}}{{dx}}\\tan u = \\sec^2 u \\cdot u'$, so "
            f"$y' = {a * b}\\sec^2({b}x)$. At $x = {pi_times(x0)}$ the inside is "
            f"${pi_times(theta)}$, where $\\cos {pi_times(theta)} = {cos_tex}$, so "
            f"$\\cos^2 {pi_times(theta)} = {frac(c2)}$ and "
            f"$\\sec^2 {pi_times(theta)} = {frac(1 / c2)}$. The slope is "
            f"${a * b} \\times {frac(1 / c2)} = {frac(value)}$."
        ),
        mistakes={
            "dropped_chain_factor": (
                Fraction(a) / c2,
                f"The inside is ${b}x$: the chain rule multiplies by ${b}$ too.",
            ),
            "cos_squared_for_sec_squared": (
                Fraction(a * b) * c2,
                "$\\sec^2$ is one over $\\cos^2$, not $\\cos^2$ itself: take the reciprocal "
                "of the squared cosine.",
            ),
        },
    )


# ---------------------------------------------------------------------- 307. antiderivatives


@family("antiderivative_from_a_point")
def antiderivative_from_a_point(rng: np.random.Generator) -> Variant:
    """F' = px^2 + qx + r with F(0) = k: F(t) = pt^3/3 + qt^2/2 + rt + k."""
    p = pick(rng, (-9, -6, -3, 3, 6, 9, 12))
    q = pick(rng, (-8, -6, -4, -2, 2, 4, 6, 8))
    r = draw(rng, -7, 7)
    k = pick(rng, (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 6))
    t = draw(rng, 1, 3)
    coefficients = [Fraction(p, 3), Fraction(q, 2), r]
    f_tex = polynomial([p, q, r])
    big_f = polynomial([int(c) for c in coefficients] + [0])
    rise = sum(c * t ** (3 - i) for i, c in enumerate(coefficients))
    value = rise + k
    return exact_variant(
        prompt=(f"A function $F$ has $F'(x) = {f_tex}$ and $F(0) = {k}$. Find $F({t})$. {EXACT}"),
        params={"p": p, "q": q, "r": r, "k": k, "t": t},
        value=value,
        solution=(
            f"Raise each power by one and divide by the new power: $F(x) = {big_f} + C$. "
            f"Differentiating gives back ${f_tex}$. Since $F(0) = C$, the constant is "
            f"$C = {k}$. So $F({t}) = {frac(rise)} + {frac(k)} = {frac(value)}$."
        ).replace("+ -", "- "),
        mistakes={
            "power_not_divided": (
                p * t**3 + q * t**2 + r * t + k,
                "You raised each power but did not divide by the new power. Differentiate "
                "your $F$: it comes out too big. Divide each coefficient by its new exponent.",
            ),
            "forgot_constant": (
                rise,
                "The condition on $F(0)$ fixes the constant $C$; it was left out. Find $C$ "
                "from $F(0)$ and add it.",
            ),
        },
    )


@family("antiderivative_of_cosine_wave")
def antiderivative_of_cosine_wave(rng: np.random.Generator) -> Variant:
    """F' = a cos(bx) with F(0) = k: F(x) = (a/b) sin(bx) + k, at x = theta/b."""
    a = pick(rng, (-6, -4, -3, -2, 2, 3, 4, 5, 6, 8))
    b = draw(rng, 2, 5)
    k = pick(rng, (-4, -3, -2, -1, 1, 2, 3, 4, 5))
    theta = pick(rng, (Fraction(1, 6), Fraction(1, 2)))
    sine = Fraction(1, 2) if theta == Fraction(1, 6) else Fraction(1)
    x = theta / b
    value = Fraction(a, b) * sine + k
    head = term(a, f"\\cos({b}x)", first=True)
    return exact_variant(
        prompt=(
            f"A function $F$ has $F'(x) = {head}$ and $F(0) = {k}$. "
            f"Find $F\\left({pi_times(x)}\\right)$. {EXACT}"
        ),
        params={"a": a, "b": b, "k": k, "theta": str(theta)},
        value=value,
        solution=(
            f"Since $\\frac{{d}}{{dx}}\\sin({b}x) = {b}\\cos({b}x)$, divide by the inner "
            f"factor: $F(x) = {signed_frac(Fraction(a, b))}\\sin({b}x) + C$. As $\\sin 0 = 0$, "
            f"$C = F(0) = {k}$. At $x = {pi_times(x)}$ the inside is ${pi_times(theta)}$, "
            f"whose sine is ${frac(sine)}$, so "
            f"$F = {signed_frac(Fraction(a, b))} \\times {frac(sine)} + {frac(k)} "
            f"= {frac(value)}$."
        ).replace("+ -", "- "),
        mistakes={
            "multiplied_by_inner_factor": (
                a * b * sine + k,
                f"That multiplies by the inner factor ${b}$, as differentiating would. "
                "Going backwards, divide by it; check by differentiating your $F$.",
            ),
            "antiderivative_sign": (
                -Fraction(a, b) * sine + k,
                "The minus sign belongs to the antiderivative of $\\sin$, not of $\\cos$: "
                "$\\sin$ differentiates to $+\\cos$.",
            ),
            "forgot_constant": (
                Fraction(a, b) * sine,
                "The condition on $F(0)$ fixes the constant $C$; it was left out.",
            ),
        },
    )


# ----------------------------------------------------------------- 308. indefinite integrals


@family("indefinite_integral_coefficients")
def indefinite_integral_coefficients(rng: np.random.Generator) -> Variant:
    """∫(ax^2 + bx + c) dx = (a/3)x^3 + (b/2)x^2 + cx + C: the three coefficients."""
    a = 6 * pick(rng, (-3, -2, -1, 1, 2, 3))
    b = 2 * pick(rng, (-5, -4, -3, -2, -1, 1, 2, 3, 4, 5))
    c = pick(rng, (-9, -7, -5, -4, -3, -1, 1, 2, 3, 5, 7, 8))
    value = (a // 3, b // 2, c)
    return values_variant(
        prompt=(
            f"Write $\\int ({polynomial([a, b, c])})\\,dx = Ax^3 + Bx^2 + Dx + C$. Give $A$, "
            "$B$ and $D$ as whole numbers separated by commas."
        ),
        params={"a": a, "b": b, "c": c},
        value=value,
        solution=(
            f"Integrate term by term, raising each power by one and dividing by the new power: "
            f"$\\frac{{{a}}}{{3}} = {a // 3}$, $\\frac{{{b}}}{{2}} = {b // 2}$, and the constant "
            f"${c}$ becomes ${term(c, 'x', first=True)}$. So the integral is "
            f"${polynomial([*value, 0])} + C$, and "
            f"$A, B, D = {value[0]}, {value[1]}, {value[2]}$."
        ),
        mistakes={
            "power_not_divided": (
                (a, b, c),
                "You raised the powers but kept the coefficients. Divide each one by its new "
                "exponent; differentiating your answer shows the difference.",
            ),
            "divided_by_old_power": (
                (a // 2, b, c),
                "You divided by the exponent before raising it. Raise the power first, then "
                "divide by the raised power.",
            ),
        },
    )


@family("member_of_the_antiderivative_family")
def member_of_the_antiderivative_family(rng: np.random.Generator) -> Variant:
    """Which listed function lies in ∫(ax^2 + bx) dx: F + k, not the derivative or a slip."""
    a = 6 * pick(rng, (-3, -2, -1, 1, 2, 3))
    b = 2 * pick(rng, (-4, -3, -2, -1, 1, 2, 3, 4))
    k = draw(rng, 2, 9)
    f_tex = polynomial([a, b, 0])
    right = polynomial([a // 3, b // 2, 0, k])
    choices = {
        "right": f"${right}$",
        "power_not_divided": f"${polynomial([a, b, 0, k])}$",
        "differentiated_instead": f"${polynomial([2 * a, b])}$",
        "divided_by_old_power": f"${polynomial([a // 2, b, 0, k])}$",
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"Which of these functions belongs to $\\int ({f_tex})\\,dx$?",
        params={"a": a, "b": b, "k": k},
        choices=choices,
        solution=(
            f"Differentiate each option and look for ${f_tex}$. The derivative of ${right}$ is "
            f"${f_tex}$: the constant ${k}$ vanishes, so this is one member of "
            f"the family ${polynomial([a // 3, b // 2, 0, 0])} + C$ with $C = {k}$."
        ),
        messages={
            "power_not_divided": (
                "Differentiate that option: its coefficients come out too big, because the "
                "powers were raised without dividing by the new exponents."
            ),
            "differentiated_instead": (
                "That is the derivative of the integrand, not an antiderivative. Look for a "
                "function whose derivative is the integrand."
            ),
            "divided_by_old_power": (
                "That divides by the exponent before raising it. Differentiate it to see that "
                "the $x^2$ term does not come back."
            ),
        },
    )


# ------------------------------------------------------------ 309. basic integration rules

# (n, the LaTeX of a x^n for a given a, the upper ends t whose power t^(n+1) is rational)
_POWERS = (
    (Fraction(1, 2), "{a}\\sqrt{{x}}", (4, 9)),
    (Fraction(-1, 2), "\\frac{{{a}}}{{\\sqrt{{x}}}}", (4, 9)),
    (Fraction(-2), "\\frac{{{a}}}{{x^2}}", (2, 3)),
    (Fraction(-3), "\\frac{{{a}}}{{x^3}}", (2, 3)),
    (Fraction(2), "{a}x^2", (2, 3)),
    (Fraction(3), "{a}x^3", (2, 3)),
)


def rational_power(t: int, p: Fraction) -> Fraction:
    """``t ** p`` exactly, for a perfect square ``t`` when ``p`` is a half-integer."""
    if p.denominator == 2:
        root = math.isqrt(t)
        return Fraction(root) ** (2 * p)
    return Fraction(t) ** p


def _power_tex(p: Fraction) -> str:
    """An exponent in LaTeX: ``3``, ``-2``, ``\\frac{3}{2}``, ``-\\frac{1}{2}``."""
    return signed_frac(p)


@family("power_rule_from_one")
def power_rule_from_one(rng: np.random.Generator) -> Variant:
    """F' = a x^n (n a half, negative or whole) with F(1) = k: F(t) = a(t^(n+1) - 1)/(n+1) + k."""
    n, shape, ends = _POWERS[int(rng.integers(len(_POWERS)))]
    a = pick(rng, (2, 3, 4, 5, 6, 8, 9, 10, 12))
    k = pick(rng, (-3, -2, -1, 1, 2, 3, 4))
    t = pick(rng, ends)
    up = n + 1
    gain = rational_power(t, up) - 1
    value = Fraction(a) / up * gain + k
    integrand = shape.format(a=a)
    coefficient = Fraction(a) / up
    rise = coefficient * gain
    return exact_variant(
        prompt=(
            f"A function $F$ has $F'(x) = {integrand}$ for $x > 0$ and $F(1) = {k}$. "
            f"Find $F({t})$. {EXACT}"
        ),
        params={"a": a, "n": str(n), "k": k, "t": t},
        value=value,
        solution=(
            f"As a power the integrand is ${a}x^{{{_power_tex(n)}}}$. The new power is "
            f"${_power_tex(up)}$, so "
            f"$F(x) = {signed_frac(coefficient)}x^{{{_power_tex(up)}}} + C$. "
            f"The constant cancels in $F({t}) - F(1) = {signed_frac(coefficient)}"
            f"\\left({frac(rational_power(t, up))} - 1\\right) = {signed_frac(rise)}$, "
            f"so $F({t}) = {signed_frac(rise)} + {frac(k)} = {frac(value)}$."
        ).replace("+ -", "- "),
        mistakes={
            "divided_by_old_power": (
                Fraction(a) / n * gain + k,
                "You divided by the exponent before raising it. Raise the power by one "
                "first, then divide by the raised power (watch the sign when it is negative).",
            ),
            "power_not_divided": (
                a * gain + k,
                "You raised the power but did not divide by the new power. Differentiate "
                "your $F$ to see that it does not give back the integrand.",
            ),
        },
    )


@family("exponential_antiderivative_value")
def exponential_antiderivative_value(rng: np.random.Generator) -> Variant:
    """F' = a e^(bx) with F(0) = k: F(1) = (a/b)(e^b - 1) + k."""
    a = pick(rng, (-6, -4, -3, -2, 2, 3, 4, 5, 6, 8))
    b = pick(rng, (-3, -2, 2, 3))
    k = pick(rng, (-3, -2, -1, 1, 2, 3, 5))
    grow = math.exp(b) - 1
    value = a / b * grow + k
    coefficient = Fraction(a, b)
    head = term(a, f"e^{{{b}x}}", first=True)
    return number_variant(
        prompt=(f"A function $F$ has $F'(x) = {head}$ and $F(0) = {k}$. Find $F(1)$. {SIG3}"),
        params={"a": a, "b": b, "k": k},
        value=value,
        solution=(
            f"Divide by the ${b}$ in the exponent: "
            f"$F(x) = {signed_frac(coefficient)}e^{{{b}x}} + C$. "
            f"Then $F(0) = {signed_frac(coefficient)} + C = {k}$, so "
            f"$C = {signed_frac(k - coefficient)}$, and "
            f"$F(1) = {signed_frac(coefficient)}e^{{{b}}} + {signed_frac(k - coefficient)} "
            f"\\approx {value:#.4g}$."
        ).replace("+ -", "- "),
        mistakes={
            "multiplied_by_exponent_factor": (
                a * b * grow + k,
                f"Differentiating $e^{{{b}x}}$ multiplies by ${b}$; going backwards you must "
                "divide by it instead.",
            ),
            "constant_is_start_value": (
                a / b * math.exp(b) + k,
                "$F(0)$ is not the constant $C$ here: at $x = 0$ the exponential term is "
                "not zero. Solve $F(0) = \\ldots + C$ for $C$.",
            ),
            "exponent_factor_ignored": (
                a * grow + k,
                f"The chain rule puts a factor ${b}$ into the derivative of $e^{{{b}x}}$, so "
                "the antiderivative needs a division by it.",
            ),
        },
    )


# ---------------------------------------------------------------- 310. integration by parts


@family("parts_x_times_exponential")
def parts_x_times_exponential(rng: np.random.Generator) -> Variant:
    """F' = x e^(bx), F(0) = k: F(x) = (x/b - 1/b^2) e^(bx) + k + 1/b^2, asked at x = 1."""
    b = pick(rng, (-3, -2, -1, 2, 3))
    k = pick(rng, (-3, -2, -1, 1, 2, 3, 4))
    c = k + Fraction(1, b * b)
    value = (1 / b - 1 / b**2) * math.exp(b) + float(c)
    head = {1: "e^{x}", -1: "e^{-x}"}.get(b, f"e^{{{b}x}}")
    return number_variant(
        prompt=f"A function $F$ has $F'(x) = x{head}$ and $F(0) = {k}$. Find $F(1)$. {SIG3}",
        params={"b": b, "k": k},
        value=value,
        solution=(
            f"By parts with $u = x$ and $dv = {head}\\,dx$: $du = dx$ and "
            f"$v = {signed_frac(Fraction(1, b))}{head}$, so "
            f"$F(x) = {signed_frac(Fraction(1, b))}x{head} - {signed_frac(Fraction(1, b * b))}"
            f"{head} + C$. Then $F(0) = -{frac(Fraction(1, b * b))} + C = {k}$ gives "
            f"$C = {signed_frac(c)}$, and $F(1) \\approx {value:#.4g}$."
        ).replace("- -", "+ "),
        mistakes={
            "product_integrated_factor_by_factor": (
                math.exp(b) / (2 * b) + k,
                "The integral of a product is not the product of the integrals: "
                "differentiate your $F$ and you get two terms. Use $\\int u\\,dv = uv - "
                "\\int v\\,du$ with $u = x$.",
            ),
            "parts_sign_flipped": (
                (1 / b + 1 / b**2) * math.exp(b) + k - 1 / b**2,
                "The parts formula subtracts: $uv - \\int v\\,du$. Redo the second term "
                "with a minus sign.",
            ),
        },
    )


_PARTS_PAIRS = (
    ("x e^{x}", "x", "e^{x}\\,dx", "log"),
    ("x \\cos x", "x", "\\cos x\\,dx", "log"),
    ("x^2 \\sin x", "x^2", "\\sin x\\,dx", "log"),
    ("x \\ln x", "\\ln x", "x\\,dx", "ln"),
    ("x^3 \\ln x", "\\ln x", "x^3\\,dx", "ln"),
)


@family("parts_choose_u")
def parts_choose_u(rng: np.random.Generator) -> Variant:
    """Which choice of u and dv makes the new integral simpler."""
    integrand, u, dv, kind = _PARTS_PAIRS[int(rng.integers(len(_PARTS_PAIRS)))]
    swapped_u = dv.replace("\\,dx", "")
    swapped_dv = f"{u}\\,dx"
    choices = {
        "right": f"$u = {u}$, $dv = {dv}$",
        "harder_choice": f"$u = {swapped_u}$, $dv = {swapped_dv}$",
        "whole_product_as_u": f"$u = {integrand}$, $dv = dx$",
    }
    reason = (
        "Differentiating $\\ln x$ gives $\\frac{1}{x}$, which cancels against the power, while "
        "$\\ln x$ itself has no easy antiderivative to put in $v$."
        if kind == "ln"
        else f"Differentiating ${u}$ lowers its power, and ${dv.replace('\\,dx', '')}$ is "
        "as easy to integrate as to differentiate, so $\\int v\\,du$ is simpler."
    )
    return shuffled_choice_variant(
        rng,
        prompt=(
            f"To find $\\int {integrand}\\,dx$ by parts, which choice makes the new integral "
            "$\\int v\\,du$ simpler than the original?"
        ),
        params={"integrand": integrand},
        choices=choices,
        solution=f"Take $u = {u}$ and $dv = {dv}$. {reason}",
        messages={
            "harder_choice": (
                "With that choice $v$ gets a higher power (or needs the antiderivative of "
                "$\\ln x$), so $\\int v\\,du$ is harder than what you started with. Let $u$ "
                "be the factor that simplifies when differentiated."
            ),
            "whole_product_as_u": (
                "With $dv = dx$ you get $v = x$ and $du$ is the whole derivative of the "
                "product, which is no easier. Split the product into a part to differentiate "
                "and a part to integrate."
            ),
        },
    )


# ---------------------------------------------------------- 311. integration by substitution


@family("substitution_linear_inside")
def substitution_linear_inside(rng: np.random.Generator) -> Variant:
    """F' = (ax + b)^n, F(0) = k: F(1) = ((a + b)^(n+1) - b^(n+1)) / (a(n + 1)) + k."""
    a = draw(rng, 2, 5)
    b = pick(rng, (-3, -2, -1, 1, 2))
    n = draw(rng, 2, 4)
    k = pick(rng, (-3, -2, -1, 1, 2, 3))
    top = (a + b) ** (n + 1) - b ** (n + 1)
    value = Fraction(top, a * (n + 1)) + k
    inside = f"{a}x {'+' if b > 0 else '-'} {abs(b)}"
    end = a + b if a + b >= 0 else f"({a + b})"
    return exact_variant(
        prompt=(
            f"A function $F$ has $F'(x) = ({inside})^{n}$ and $F(0) = {k}$. Find $F(1)$. {EXACT}"
        ),
        params={"a": a, "b": b, "n": n, "k": k},
        value=value,
        solution=(
            f"Let $u = {inside}$, so $du = {a}\\,dx$ and $dx = \\frac{{1}}{{{a}}}du$. Then "
            f"$F(x) = \\frac{{({inside})^{n + 1}}}{{{a * (n + 1)}}} + C$. The constant cancels "
            f"in $F(1) - F(0) = \\frac{{{end}^{n + 1} - ({b})^{n + 1}}}{{{a * (n + 1)}}} = "
            f"{signed_frac(Fraction(top, a * (n + 1)))}$, so "
            f"$F(1) = {signed_frac(Fraction(top, a * (n + 1)))} + {frac(k)} = {frac(value)}$."
        ).replace("+ -", "- "),
        mistakes={
            "ignored_du_factor": (
                Fraction(top, n + 1) + k,
                f"Differentiate your $F$: the chain rule brings out an extra factor ${a}$. "
                f"Since $du = {a}\\,dx$, divide by ${a}$ as well.",
            ),
            "multiplied_by_du_factor": (
                Fraction(top * a, n + 1) + k,
                f"With $du = {a}\\,dx$, $dx$ is $du$ divided by ${a}$, not multiplied by it.",
            ),
        },
    )


@family("substitution_x_exp_square")
def substitution_x_exp_square(rng: np.random.Generator) -> Variant:
    """F' = x e^(c x^2), F(0) = k: F(x) = e^(c x^2) / (2c) + k - 1/(2c), asked at x = 1."""
    c = pick(rng, (-3, -2, -1, 1, 2))
    k = pick(rng, (-2, -1, 1, 2, 3))
    value = (math.exp(c) - 1) / (2 * c) + k
    power = {1: "x^2", -1: "-x^2"}.get(c, f"{c}x^2")
    half = Fraction(1, 2 * c)
    return number_variant(
        prompt=f"A function $F$ has $F'(x) = xe^{{{power}}}$ and $F(0) = {k}$. Find $F(1)$. {SIG3}",
        params={"c": c, "k": k},
        value=value,
        solution=(
            f"Let $u = {power}$, so $du = {2 * c}x\\,dx$ and $x\\,dx = {signed_frac(half)}\\,du$. "
            f"Then $F(x) = {signed_frac(half)}e^{{{power}}} + C$, and "
            f"$F(0) = {signed_frac(half)} + C = {k}$ gives $C = {signed_frac(k - half)}$. "
            f"So $F(1) = {signed_frac(half)}e^{{{c}}} + {signed_frac(k - half)} "
            f"\\approx {value:#.4g}$."
        ).replace("+ -", "- "),
        mistakes={
            "ignored_du_factor": (
                (math.exp(c) - 1) / c + k,
                f"$du = {2 * c}x\\,dx$ carries a factor 2 from differentiating $x^2$; "
                "divide by all of it, then check by differentiating your $F$.",
            ),
            "constant_is_start_value": (
                math.exp(c) / (2 * c) + k,
                "$F(0)$ is not the constant $C$: at $x = 0$ the exponential is $1$, not $0$. "
                "Solve $F(0) = \\ldots + C$ for $C$.",
            ),
        },
    )


# ---------------------------------------------------------------------- 312. Riemann sums

_OFFSETS = {"left": Fraction(0), "right": Fraction(1), "midpoint": Fraction(1, 2)}
_POINT_NAMES = {"left": "left end", "right": "right end", "midpoint": "midpoint"}


def riemann_sum(f, a: int, b: int, n: int, rule: str) -> tuple[Fraction, list[Fraction]]:
    """The ``rule`` Riemann sum of ``f`` on [a, b] with ``n`` strips, exactly, and the
    points where the heights are taken."""
    width = Fraction(b - a, n)
    points = [a + (i + _OFFSETS[rule]) * width for i in range(n)]
    return width * sum(f(x) for x in points), points


@family("riemann_sum_of_a_quadratic")
def riemann_sum_of_a_quadratic(rng: np.random.Generator) -> Variant:
    """A left, right or midpoint sum of px^2 + q on [a, b] with n strips, exactly."""
    p = pick(rng, (1, 2, 3))
    q = draw(rng, 0, 4)
    a = draw(rng, 0, 2)
    n = pick(rng, (2, 3, 4))
    b = a + pick(rng, tuple(w for w in (1, 2, 3, 6) if w != n))
    rule = pick(rng, tuple(_OFFSETS))

    def f(x):
        return p * x * x + q

    value, points = riemann_sum(f, a, b, n, rule)
    width = Fraction(b - a, n)
    other = {"left": "right", "right": "left", "midpoint": "left"}[rule]
    heights = " + ".join(frac(f(x)) for x in points)
    return exact_variant(
        prompt=(
            f"Approximate the area under $f(x) = {polynomial([p, 0, q])}$ from $x = {a}$ to "
            f"$x = {b}$ with ${n}$ rectangles of equal width, using the "
            f"**{_POINT_NAMES[rule]}** of each strip for the height. {EXACT}"
        ),
        params={"p": p, "q": q, "a": a, "b": b, "n": n, "rule": rule},
        value=value,
        solution=(
            f"The width is $\\Delta x = \\frac{{{b} - {a}}}{{{n}}} = {frac(width)}$. The "
            f"heights are taken at ${', '.join(frac(x) for x in points)}$, where $f$ is "
            f"${', '.join(frac(f(x)) for x in points)}$. So the sum is "
            f"${frac(width)} \\times ({heights}) = {frac(value)}$."
        ),
        mistakes={
            "forgot_width": (
                value / width,
                "That adds the heights only. Each rectangle's area is its height times the "
                "width $\\Delta x$: multiply the sum of heights by it.",
            ),
            "wrong_end_of_strip": (
                riemann_sum(f, a, b, n, other)[0],
                f"Those heights come from the wrong points. Use the {_POINT_NAMES[rule]} of "
                "each strip, as asked.",
            ),
        },
    )


_SHAPES = (
    ("e^x", "rises", 0, 2),
    ("x^2", "rises", 0, 3),
    ("\\sqrt{x}", "rises", 1, 4),
    ("\\frac{1}{x}", "falls", 1, 3),
    ("e^{-x}", "falls", 0, 2),
    ("4 - x^2", "falls", 0, 2),
)


@family("riemann_over_or_under")
def riemann_over_or_under(rng: np.random.Generator) -> Variant:
    """Left or right sums of a monotone function: which way they miss the area."""
    shape, trend, a, b = _SHAPES[int(rng.integers(len(_SHAPES)))]
    rule = pick(rng, ("left", "right"))
    n = draw(rng, 3, 8)
    under = (trend == "rises") == (rule == "left")
    choices = {
        "right": "an underestimate" if under else "an overestimate",
        "reversed_direction": "an overestimate" if under else "an underestimate",
        "thinks_exact": "exactly the area",
    }
    lower_end = "left" if trend == "rises" else "right"
    return shuffled_choice_variant(
        rng,
        prompt=(
            f"The area under $f(x) = {shape}$ from $x = {a}$ to $x = {b}$ is approximated by "
            f"${n}$ rectangles using the **{rule} end** of each strip. The sum is"
        ),
        params={"shape": shape, "rule": rule, "n": n},
        choices=choices,
        solution=(
            f"On $[{a}, {b}]$ the function {trend}, so on every strip the {lower_end} end is "
            f"the lowest point. {rule.capitalize()}-end rectangles therefore lie "
            f"{'below' if under else 'above'} the curve, and their total is "
            f"{choices['right']}."
        ),
        messages={
            "reversed_direction": (
                "Picture one strip: where is the function lower, at its left end or its right "
                "end? Any rectangle as tall as the lower end sits under the curve."
            ),
            "thinks_exact": (
                "The top of each rectangle is flat while the curve is not, so some area is "
                "always missed or added; the sum only approaches the area as the strips "
                "narrow."
            ),
        },
    )


# ------------------------------------------------------- 313. definite integral definition


@family("signed_area_of_a_line")
def signed_area_of_a_line(rng: np.random.Generator) -> Variant:
    """∫_a^b m(x - r) dx for a line crossing the axis at r inside [a, b]: two triangles."""
    m = pick(rng, (-3, -2, -1, 1, 2, 3))
    a = draw(rng, -2, 1)
    r = a + draw(rng, 1, 3)
    b = r + draw(rng, 1, 4)
    left = Fraction(m * (r - a) ** 2, 2)  # the triangle on [a, r], taken as positive area
    right = Fraction(m * (b - r) ** 2, 2)
    value = right - left
    line = polynomial([m, -m * r])
    return exact_variant(
        prompt=f"Find $\\int_{{{a}}}^{{{b}}} ({line})\\,dx$ from the signed areas. {EXACT}",
        params={"m": m, "a": a, "b": b},
        value=value,
        solution=(
            f"The line is zero at $x = {r}$. On $[{a}, {r}]$ it bounds a triangle of base "
            f"${r - a}$ and height ${abs(m * (a - r))}$, area ${frac(abs(left))}$; on "
            f"$[{r}, {b}]$ one of base ${b - r}$ and height ${abs(m * (b - r))}$, area "
            f"${frac(abs(right))}$. The triangle below the axis counts negatively, so the "
            f"integral is ${signed_frac(right)} - {frac(left)} = {frac(value)}$."
        ).replace("- -", "+ "),
        mistakes={
            "area_not_signed": (
                abs(left) + abs(right),
                "That adds both triangles as positive areas. The integral counts area below "
                "the axis as negative: subtract that triangle.",
            ),
        },
    )


@family("definite_integral_rules")
def definite_integral_rules(rng: np.random.Generator) -> Variant:
    """∫_b^0 (k f + g) from ∫_0^a f, ∫_a^b f and ∫_0^b g: join, scale, reverse."""
    a = draw(rng, 1, 3)
    b = a + draw(rng, 1, 4)
    p = pick(rng, (-6, -5, -3, -2, 2, 4, 5, 7))
    q = pick(rng, (-7, -4, -3, -1, 1, 3, 6, 8))
    g = pick(rng, (-5, -4, -2, 1, 2, 3, 5, 9))
    k = draw(rng, 2, 5)
    forward = k * (p + q) + g
    value = -forward
    return integer_variant(
        prompt=(
            f"Given $\\int_0^{{{a}}} f(x)\\,dx = {p}$, $\\int_{{{a}}}^{{{b}}} f(x)\\,dx = {q}$ "
            f"and $\\int_0^{{{b}}} g(x)\\,dx = {g}$, find "
            f"$\\int_{{{b}}}^0 \\left({k}f(x) + g(x)\\right)dx$. {WHOLE}"
        ),
        params={"a": a, "b": b, "p": p, "q": q, "g": g, "k": k},
        value=value,
        solution=(
            f"Join the intervals: $\\int_0^{{{b}}} f\\,dx = {p} + ({q}) = {p + q}$. Then "
            f"$\\int_0^{{{b}}} ({k}f + g)\\,dx = {k} \\times ({p + q}) + ({g}) = {forward}$. "
            f"Reversing the limits changes the sign, so the answer is ${value}$."
        ),
        mistakes={
            "ignored_reversed_limits": (
                forward,
                "The integral runs from the larger number down to $0$. Reversing the limits "
                "of integration changes the sign.",
            ),
            "left_out_a_piece": (
                -(k * q + g),
                "The integral of $f$ from $0$ reaches over both intervals: add the two "
                "pieces before scaling.",
            ),
        },
    )


# ------------------------------------------------------------------- self-information

_DRAWS = (
    "A bag holds {n} counters, {k} of them red. One is drawn at random, and it is red.",
    "A spinner has {n} equal sectors, {k} of them blue. It is spun and lands on blue.",
    "Of the {n} tickets in a raffle drum, {k} {win} a prize. You draw one, and it wins.",
)


def _about(x: float) -> str:
    """``= 3`` for a whole number, ``= 2.25`` for a short decimal, else ``\\approx 2.585``:
    how a worked step ends."""
    if math.isclose(x, round(x), abs_tol=1e-12):
        return f"= {round(x)}"
    return f"= {x:g}" if float(f"{x:.4g}") == x else f"\\approx {x:.4g}"


def sig3(x: float) -> float:
    """``x`` rounded to 3 significant figures, as a student writes down a step."""
    return float(f"{x:.3g}")


def worked_tol(value: float, *worked: float) -> float:
    """The relative tolerance that marks right ``value`` worked along routes whose every
    written step was rounded to 3 significant figures (``worked`` holds each route's
    result): the furthest such result, a quarter more for safety, and the 0.5 % of
    rounding the answer itself."""
    miss = max(abs(w - value) for w in worked) / abs(value)
    return DEFAULT_REL_TOL + 1.25 * miss


def _figures(x: float) -> str:
    """``x`` to 4 significant figures, trailing zeros kept (``5.700``), a whole number as
    itself (``3``)."""
    return str(round(x)) if math.isclose(x, round(x), abs_tol=1e-12) else f"{x:#.4g}"


def _log2_fraction(p: Fraction) -> str:
    """``\\log_2 \\frac{n}{k}``, the surprisal of ``p = k/n`` in LaTeX (one over p)."""
    return f"\\log_2 {frac(1 / p)}"


@family("surprisal_of_an_outcome")
def surprisal_of_an_outcome(rng: np.random.Generator) -> Variant:
    """An outcome of probability k/n carries log2(n/k) bits of self-information."""
    n = draw(rng, 3, 20)
    k = draw(rng, 1, (5 * n) // 6)
    p = Fraction(k, n)
    value = -math.log2(p)
    # near p = 1 a rounded n/k moves the logarithm by far more than 0.5 %
    tol = worked_tol(
        value,
        -math.log2(sig3(k / n)),
        math.log2(sig3(n / k)),
        sig3(math.log(sig3(n / k))) / sig3(math.log(2)),
    )
    story = pick(rng, _DRAWS).format(n=n, k=k, win=plural(k, "wins", "win"))
    reduced = "" if math.gcd(k, n) == 1 else f" = {frac(p)}"
    return number_variant(
        prompt=(
            f"{story} How much self-information (surprisal) does that outcome carry? "
            "Give it in bits to 3 significant figures."
        ),
        params={"n": n, "k": k},
        value=value,
        unit="bits",
        rel_tol=tol,
        solution=(
            f"The outcome has probability $p = \\frac{{{k}}}{{{n}}}{reduced}$. "
            f"Its self-information is $-\\log_2 p = {_log2_fraction(p)} {_about(value)}$ bits."
        ),
        mistakes={
            "forgot_minus": (
                math.log2(p),
                "A probability is at most 1, so its logarithm is negative or zero. "
                "Self-information is minus that logarithm, the logarithm of one over "
                "the probability, so it is never negative.",
            ),
            "surprisal_of_the_other_outcome": (
                -math.log2(1 - p),
                "That measures the surprise of the outcome that did not happen. Use the "
                "probability of the outcome you observed.",
            ),
        },
        hint=(
            "First find the probability of what happened; the surprisal is $\\log_2$ of one "
            "over it."
        ),
    )


_DIE_EVENTS = (
    ("a fair die shows a six", Fraction(1, 6)),
    ("a fair die shows a number above 4", Fraction(2, 6)),
    ("a fair die shows a number below 5", Fraction(4, 6)),
    ("a fair coin lands heads", Fraction(1, 2)),
    ("a fair 8-sided die shows an 8", Fraction(1, 8)),
)
_CARD_EVENTS = (
    ("a card drawn from a shuffled 52-card deck is a heart", Fraction(13, 52)),
    ("a card drawn from a shuffled 52-card deck is a king", Fraction(4, 52)),
    ("a card drawn from a shuffled 52-card deck is a jack, queen or king", Fraction(12, 52)),
    ("a card drawn from a shuffled 52-card deck is the queen of hearts", Fraction(1, 52)),
    ("a card drawn from a shuffled 52-card deck is red", Fraction(26, 52)),
)


@family("surprisal_of_independent_events")
def surprisal_of_independent_events(rng: np.random.Generator) -> Variant:
    """Both of two independent events: log2 1/(p q) = log2 1/p + log2 1/q bits."""
    first, p = pick(rng, _DIE_EVENTS)
    second, q = pick(rng, _CARD_EVENTS)
    each = (-math.log2(p), -math.log2(q))
    value = sum(each)
    return number_variant(
        prompt=(
            f"At the same time and independently, {first} and {second}. How many bits of "
            "self-information does learning that both happened carry? Give it to 3 "
            "significant figures."
        ),
        params={"first": first, "second": second},
        value=value,
        unit="bits",
        solution=(
            f"The probabilities are ${frac(p)}$ and ${frac(q)}$, and for independent "
            f"events they multiply: both happen with probability ${frac(p * q)}$. So the "
            f"self-information is ${_log2_fraction(p * q)} = {_log2_fraction(p)} + "
            f"{_log2_fraction(q)}$, about ${_figures(each[0])} + {_figures(each[1])}$, "
            f"which is ${_figures(value)}$ bits: the surprises of independent events add."
        ),
        mistakes={
            "added_probabilities": (
                -math.log2(p + q),
                "Adding the probabilities gives (roughly) the chance that either event "
                "happens. For both independent events, multiply the probabilities, or "
                "add their bits.",
            ),
            "multiplied_bits": (
                each[0] * each[1],
                "The probabilities multiply, so their logarithms add: the bits of "
                "independent events are added, not multiplied.",
            ),
        },
        hint="Find the probability that both happen first; independent probabilities multiply.",
    )


@family("probability_from_bits")
def probability_from_bits(rng: np.random.Generator) -> Variant:
    """Independent outcomes of b1 and b2 bits happen together with probability 2^-(b1 + b2)."""
    b1 = draw(rng, 1, 5)
    b2 = draw(rng, 2, 6)
    value = Fraction(1, 2 ** (b1 + b2))
    return exact_variant(
        prompt=(
            f"Learning that a sensor tripped carries ${b1}$ {plural(b1, 'bit')} of "
            f"self-information, and learning that an independent alarm rang carries ${b2}$ "
            f"bits. What is the probability that both happen? {EXACT}"
        ),
        params={"b1": b1, "b2": b2},
        value=value,
        solution=(
            f"Surprisals of independent events add, so both together carry "
            f"${b1} + {b2} = {b1 + b2}$ bits. An outcome of $b$ bits has probability "
            f"$2^{{-b}}$, so the probability is $2^{{-{b1 + b2}}} = {frac(value)}$. "
            f"(Check: $\\frac{{1}}{{{2**b1}}} \\times \\frac{{1}}{{{2**b2}}} = "
            f"{frac(value)}$.)"
        ),
        mistakes={
            "added_probabilities": (
                Fraction(1, 2**b1) + Fraction(1, 2**b2),
                "Adding the two probabilities gives (roughly) the chance of either event. "
                "For both, the bits add, so the probabilities multiply.",
            ),
            "multiplied_bits": (
                Fraction(1, 2 ** (b1 * b2)),
                "Bits of independent events add; they are not multiplied.",
            ),
            "bits_as_one_over_p": (
                Fraction(1, b1 + b2),
                "Self-information is the logarithm of one over the probability, not one "
                "over the probability itself: undo the logarithm with a power of 2.",
            ),
        },
        hint=(
            "Turn each number of bits back into a probability: $b$ bits means a chance of $2^{-b}$."
        ),
    )


# ---------------------------------------------------------------------- L'Hôpital's rule


def x_power(k: int) -> str:
    """``x^k`` in LaTeX for a polynomial term: ``x`` for the first power."""
    return "x" if k == 1 else f"x^{{{k}}}"


def _ratio(top: int, bottom: int) -> str:
    """``top / bottom`` in LaTeX, followed by its lowest terms when they differ."""
    q = Fraction(top, bottom)
    if (q.numerator, q.denominator) == (top, bottom):
        return signed_frac(q)
    return f"\\dfrac{{{top}}}{{{bottom}}} = {signed_frac(q)}"


@family("lhopital_ratio_of_powers")
def lhopital_ratio_of_powers(rng: np.random.Generator) -> Variant:
    """lim_{x->a} (x^n - a^n)/(x^m - a^m) = n a^(n-1) / (m a^(m-1)), a 0/0 form."""
    a = pick(rng, (-3, -2, 2, 3, 4))
    n, m = (int(k) for k in rng.choice(np.arange(2, 6), size=2, replace=False))
    value = Fraction(n * a ** (n - 1), m * a ** (m - 1))
    top, bottom = (
        polynomial([1] + [0] * (n - 1) + [-(a**n)]),
        polynomial([1] + [0] * (m - 1) + [-(a**m)]),
    )
    df, dg = n * a ** (n - 1), m * a ** (m - 1)
    return exact_variant(
        prompt=f"Find $\\lim_{{x \\to {a}}} \\dfrac{{{top}}}{{{bottom}}}$. {EXACT}",
        params={"a": a, "n": n, "m": m},
        value=value,
        solution=(
            f"At $x = {a}$ the top is ${signed(a)}^{n} {term(-(a**n))} = 0$ and the bottom "
            f"${signed(a)}^{m} {term(-(a**m))} = 0$: the form $\\frac{{0}}{{0}}$. "
            f"Differentiate top and bottom separately: ${term(n, x_power(n - 1), first=True)}$ "
            f"over ${term(m, x_power(m - 1), first=True)}$. At $x = {a}$ that is "
            f"${_ratio(df, dg)}$."
        ),
        mistakes={
            "derivatives_flipped": (
                1 / value,
                "That is the bottom's derivative over the top's. Keep the fraction the "
                "right way up: the top's derivative goes on top.",
            ),
            "dropped_the_powers_of_a": (
                Fraction(n, m),
                f"Those are only the exponents brought down. Each derivative still has a "
                f"power of $x$ in it: evaluate both at $x = {a}$.",
            ),
        },
        hint=(
            f"Check that top and bottom are both 0 at $x = {a}$, then differentiate each "
            "one on its own."
        ),
    )


@family("lhopital_twice_exponential")
def lhopital_twice_exponential(rng: np.random.Generator) -> Variant:
    """lim_{x->0} (e^(ax) - 1 - ax) / (c x^2) = a^2 / (2c): L'Hôpital's rule twice."""
    a = pick(rng, (-4, -3, -2, 2, 3, 4, 5))
    c = pick(rng, (1, 2, 3, 4, 5, 6))
    value = Fraction(a * a, 2 * c)
    exp_tex = f"e^{{{a}x}}"
    top = f"{exp_tex} - 1 {term(-a, 'x')}"
    bottom = "x^2" if c == 1 else f"{c}x^2"
    return exact_variant(
        prompt=f"Find $\\lim_{{x \\to 0}} \\dfrac{{{top}}}{{{bottom}}}$. {EXACT}",
        params={"a": a, "c": c},
        value=value,
        solution=(
            f"At $x = 0$ the top is $1 - 1 {'-' if a > 0 else '+'} 0 = 0$ and the bottom "
            f"is $0$. One step of L'Hôpital's rule gives "
            f"$\\dfrac{{{a}{exp_tex} {term(-a, '')}}}{{{2 * c}x}}$, "
            f"still $\\frac{{0}}{{0}}$ at $x = 0$. A second step gives "
            f"$\\dfrac{{{a * a}{exp_tex}}}{{{2 * c}}}$, which at $x = 0$ is "
            f"${_ratio(a * a, 2 * c)}$."
        ),
        mistakes={
            "dropped_the_two": (
                Fraction(a * a, c),
                "Differentiating $x^2$ gives $2x$, and differentiating again leaves its factor "
                "two in the bottom: keep it.",
            ),
            "one_chain_factor": (
                Fraction(a, 2 * c),
                f"Each derivative of ${exp_tex}$ brings out a factor ${a}$ by the chain rule, "
                "and you differentiated twice.",
            ),
        },
        hint=(
            "Substitute $x = 0$: is it $\\frac{0}{0}$? After one step of the rule, check "
            "again before substituting."
        ),
    )


# ---------------------------------------------------------- fundamental theorem of calculus


def fraction_term(c: Fraction, letters: str, *, first: bool = False) -> str:
    """One term ``c`` times ``letters`` of a sum in LaTeX with its sign, the coefficient
    as a fraction: ``- \\frac{2}{3}x^{3}``, ``+ x^{2}`` (no sign when it comes first)."""
    size = abs(Fraction(c))
    body = ("" if size == 1 and letters else frac(size)) + letters
    sign = "-" if c < 0 else "" if first else "+"
    return f"{sign}{body}" if first else f"{sign} {body}"


def bracketed(x: Fraction) -> str:
    """``x`` in LaTeX to follow a minus sign: in brackets when negative."""
    return f"\\left(-{frac(-x)}\\right)" if x < 0 else frac(x)


def _at(coefficients: list, x) -> Fraction:
    """The polynomial with ``coefficients`` (highest power first) at ``x``, exactly."""
    return Fraction(np.polyval([Fraction(c) for c in coefficients], Fraction(x)))


@family("ftc_definite_integral")
def ftc_definite_integral(rng: np.random.Generator) -> Variant:
    """∫_a^b (p x^2 + q x + r) dx = F(b) - F(a) with F = p x^3/3 + q x^2/2 + r x."""
    p = pick(rng, (-3, -2, -1, 1, 2, 3))
    q = pick(rng, (-4, -2, 2, 4, 6))
    r = draw(rng, -5, 5)
    a = draw(rng, -2, 2)
    b = a + draw(rng, 1, 3)
    big_f = [Fraction(p, 3), Fraction(q, 2), r, 0]
    at_b, at_a = _at(big_f, b), _at(big_f, a)
    value = at_b - at_a
    f = [p, q, r]
    f_tex = polynomial(f)
    shown_f = " ".join(
        fraction_term(c, x_power(3 - i) if i < 3 else "", first=i == 0)
        for i, c in enumerate(big_f[:3])
        if c
    )
    return exact_variant(
        prompt=f"Find $\\int_{{{a}}}^{{{b}}} ({f_tex})\\,dx$. {EXACT}",
        params={"p": p, "q": q, "r": r, "a": a, "b": b},
        value=value,
        solution=(
            f"An antiderivative is $F(x) = {shown_f}$. Then $F({b}) = {signed_frac(at_b)}$ "
            f"and $F({a}) = {signed_frac(at_a)}$, so the integral is $F({b}) - F({a}) = "
            f"{signed_frac(at_b)} - {bracketed(at_a)} = {signed_frac(value)}$."
        ),
        mistakes={
            "forgot_lower_limit": (
                at_b,
                f"That is $F({b})$ alone. The theorem subtracts the antiderivative at the "
                f"lower limit too: work out $F({a})$ and take it away.",
            ),
            "limits_reversed": (
                -value,
                "That is $F(a) - F(b)$, the integral with its limits swapped. Subtract the "
                "value at the lower limit from the value at the upper one.",
            ),
            "integrand_not_antiderivative": (
                _at(f, b) - _at(f, a),
                "That subtracts values of the integrand itself. First find an "
                "antiderivative $F$, then take $F(b) - F(a)$.",
            ),
        },
        hint=(
            "Find an antiderivative $F$ of the integrand first, then work out both "
            "$F$(upper limit) and $F$(lower limit)."
        ),
    )


_UPPER = {  # the upper limit g(x): its LaTeX, the function and its derivative
    "square": ("x^2", lambda x: x * x, lambda x: 2 * x, "2x"),
    "cube": ("x^3", lambda x: x**3, lambda x: 3 * x * x, "3x^2"),
    "double": ("2x", lambda x: 2 * x, lambda x: 2, "2"),
    "triple": ("3x", lambda x: 3 * x, lambda x: 3, "3"),
}


@family("ftc_derivative_of_running_area")
def ftc_derivative_of_running_area(rng: np.random.Generator) -> Variant:
    """G(x) = ∫_c^{g(x)} (p t^2 + s) dt: G'(x0) = (p g(x0)^2 + s) g'(x0), by part 1."""
    p = pick(rng, (-2, -1, 1, 2, 3))
    s = pick(rng, (-5, -4, -3, -1, 1, 2, 3, 5, 7))
    c = pick(rng, (-3, -2, -1, 1, 2, 4, 5))
    upper = pick(rng, tuple(_UPPER))
    x0 = pick(rng, (-2, -1, 1, 2))
    g_tex, g, dg, dg_tex = _UPPER[upper]

    def f(t: int) -> int:
        return p * t * t + s

    inside = g(x0)
    value = f(inside) * dg(x0)
    f_tex = polynomial([p, 0, s], "t")
    return integer_variant(
        prompt=(f"Let $G(x) = \\int_{{{c}}}^{{{g_tex}}} ({f_tex})\\,dt$. Find $G'({x0})$. {WHOLE}"),
        params={"p": p, "s": s, "c": c, "upper": upper, "x0": x0},
        value=value,
        solution=(
            f"By the first part of the theorem and the chain rule, $G'(x) = f({g_tex}) "
            f"\\cdot {dg_tex}$ where $f(t) = {f_tex}$; the lower limit ${c}$ plays no part. "
            f"At $x = {x0}$ the upper limit is ${inside}$, where $f({inside}) = "
            f"{f(inside)}$, and the chain factor is ${dg(x0)}$. So $G'({x0}) = "
            f"{f(inside)} \\times {signed(dg(x0))} = {value}$."
        ),
        mistakes={
            "forgot_chain_factor": (
                f(inside),
                f"The upper limit is ${g_tex}$, not $x$: by the chain rule multiply by "
                "its derivative as well.",
            ),
            "integrand_at_x": (
                f(x0),
                f"The running area is read up to ${g_tex}$, so the integrand is "
                "evaluated at the upper limit, not at $x$ itself.",
            ),
            "subtracted_lower_limit": (
                value - f(c),
                "A constant lower limit contributes a constant to $G$, and a constant "
                "has derivative 0: nothing is subtracted for it.",
            ),
        },
        hint=(
            "Part 1 of the theorem: the derivative of a running area is the integrand at "
            "the upper limit, times the derivative of that limit."
        ),
    )


# ------------------------------------------------------------------- improper integrals


@family("improper_power_tail")
def improper_power_tail(rng: np.random.Generator) -> Variant:
    """∫_a^∞ k / x^n dx = k a^(1-n) / (n - 1): the limit of k (a^(1-n) - b^(1-n)) / (n - 1)."""
    n = draw(rng, 2, 4)
    a = draw(rng, 1, 3)
    k = pick(rng, (1, 2, 3, 4, 6, 8, 9, 12))
    value = Fraction(k, (n - 1) * a ** (n - 1))
    head = f"\\frac{{{k}}}{{x^{n}}}"
    co = Fraction(k, n - 1)  # F(x) = -co / x^(n - 1), in lowest terms

    def over(v: str) -> str:
        power = v if n == 2 else f"{v}^{{{n - 1}}}"
        below = power if co.denominator == 1 else f"{co.denominator}{power}"
        return f"\\frac{{{co.numerator}}}{{{below}}}"

    big_f = f"-{over('x')}"
    return exact_variant(
        prompt=f"Find $\\int_{{{a}}}^{{\\infty}} {head}\\,dx$. {EXACT}",
        params={"n": n, "a": a, "k": k},
        value=value,
        solution=(
            f"An antiderivative is $F(x) = {big_f}$. So $\\int_{{{a}}}^b {head}\\,dx = "
            f"F(b) - F({a}) = {frac(value)} - {over('b')}$"
            + f". As $b \\to \\infty$ the last term tends to $0$, so the integral "
            f"converges to ${frac(value)}$."
        ),
        mistakes={
            "divided_by_old_power": (
                Fraction(k, n * a ** (n - 1)),
                f"Raising $x^{{-{n}}}$ by one gives $x^{{{1 - n}}}$, and you divide by the "
                "new power, not the old one.",
            ),
            "sign_of_the_lower_end": (
                -value,
                "The antiderivative is negative, so $-F(a)$ is positive: an area under a "
                "positive function cannot be negative. Recheck the signs in "
                "$F(b) - F(a)$.",
            ),
        },
        hint="Integrate from the lower limit up to a finite $b$, then let $b$ grow.",
    )


@family("improper_exponential_tail")
def improper_exponential_tail(rng: np.random.Generator) -> Variant:
    """∫_a^∞ k e^(-cx) dx = (k/c) e^(-ca): the area of an exponential's tail."""
    c = draw(rng, 2, 5)
    a = pick(rng, tuple(Fraction(h, 2) for h in range(0, 5) if h * c <= 8))
    k = draw(rng, 1, 9)
    value = k / c * math.exp(-c * float(a))
    e_tex = f"e^{{{signed_frac(-c * a)}}}"
    ratio = Fraction(k, c)
    coef = "" if ratio == 1 else frac(ratio)
    return number_variant(
        prompt=(
            f"Find $\\int_{{{frac(a)}}}^{{\\infty}} {k if k > 1 else ''}e^{{-{c}x}}\\,dx$. "
            "Give it to 3 significant figures."
        ),
        params={"c": c, "a": str(a), "k": k},
        value=value,
        solution=(
            f"An antiderivative is $-{coef}e^{{-{c}x}}$. Up to a finite $b$ the integral "
            f"is ${coef}\\left({e_tex if a else 1} - e^{{-{c}b}}\\right)$, and "
            f"$e^{{-{c}b}} \\to 0$ as $b \\to \\infty$. So it converges to "
            + (
                f"${coef}{e_tex} \\approx {value:.4g}$."
                if a
                else f"${frac(ratio)}{'' if ratio.denominator == 1 else ' ' + _about(value)}$."
            )
        ),
        mistakes={
            "multiplied_by_rate": (
                k * c * math.exp(-c * float(a)),
                f"Differentiate your antiderivative: it gives ${c}$ times too much. "
                f"Integrating $e^{{-{c}x}}$ divides by ${c}$.",
            ),
            "infinity_gives_one": (
                k / c * (math.exp(-c * float(a)) - 1),
                f"As $b \\to \\infty$, $e^{{-{c}b}}$ tends to $0$, not to $1$: "
                "the exponent is a large negative number.",
            ),
        },
        hint=(
            "Integrate up to a finite $b$ first; then ask what $e$ to a large negative "
            "power tends to."
        ),
    )


# ------------------------------------------------------------------------ Taylor series


@family("series_sum_of_exponential")
def series_sum_of_exponential(rng: np.random.Generator) -> Variant:
    """sum_{k >= s} c a^k / k! = c (e^a - [s = 1]): the series of e^x at x = a."""
    a = pick(rng, (-2, -1, Fraction(-1, 2), Fraction(1, 2), 2, 3))
    c = pick(rng, (1, 2, 3, 5))
    start = draw(rng, 0, 1)
    x = float(a)
    value = c * (math.exp(x) - start)
    top = (
        f"\\left({signed_frac(Fraction(a))}\\right)^k"
        if a < 0 and Fraction(a).denominator > 1
        else f"({a})^k"
        if a < 0
        else (f"{frac(a)}^k" if a.denominator == 1 else f"\\left({frac(a)}\\right)^k")
    )
    lead = "" if c == 1 else f"{c} \\cdot "
    series = f"\\sum_{{k={start}}}^{{\\infty}} {lead}\\frac{{{top}}}{{k!}}"
    e_tex = f"e^{{{signed_frac(Fraction(a))}}}"
    whole = f"{c if c > 1 else ''}{e_tex}"
    answer_tex = whole if start == 0 else (f"{c}({e_tex} - 1)" if c > 1 else f"{e_tex} - 1")
    geometric = c * (x if start else 1) / (1 - x)
    mistakes = {
        "summed_as_geometric": (
            geometric,
            "Those terms have factorials below them, so this is not a geometric series: "
            "compare it with the series for $e^x$.",
        )
    }
    if start == 1:
        mistakes["kept_the_first_term"] = (
            c * math.exp(x),
            "The sum starts at $k = 1$, so the $k = 0$ term of the exponential series, "
            f"${c}$, is missing from it: take it away.",
        )
    return number_variant(
        prompt=f"Find ${series}$. Give it to 3 significant figures.",
        params={"a": str(a), "c": c, "start": start},
        value=value,
        solution=(
            f"Since $e^x = \\sum_{{k=0}}^{{\\infty}} \\frac{{x^k}}{{k!}}$ for every $x$, "
            f"with $x = {signed_frac(Fraction(a))}$ "
            + (
                f"the series is ${answer_tex}$"
                if start == 0
                else f"the terms from $k = 1$ on are the whole series less its first "
                f"term $1$, so the sum is ${answer_tex}$"
            )
            + f", about ${value:.4g}$."
        ),
        mistakes=mistakes,
        hint=(
            "Compare the terms with $\\frac{x^k}{k!}$, the terms of the series for $e^x$: "
            "what is $x$ here?"
        ),
    )


@family("log_series_coefficient")
def log_series_coefficient(rng: np.random.Generator) -> Variant:
    """The x^n coefficient of ln(1 + ax) is (-1)^(n+1) a^n / n; it converges for |ax| < 1."""
    a = pick(rng, (-3, -2, Fraction(-1, 2), Fraction(1, 2), 2, 3, 4))
    a = Fraction(a)
    n = draw(rng, 2, 5)
    sign = 1 if n % 2 else -1
    value = sign * a**n / n
    inside = f"1 {'+' if a > 0 else '-'} {frac(abs(a))}x"
    power_of_a = frac(a**n) if a**n > 0 else f"\\left({signed_frac(a**n)}\\right)"
    shown = f"{'' if sign > 0 else '-'}{power_of_a} \\div {n}"
    return exact_variant(
        prompt=(
            f"In the Maclaurin series of $\\ln({inside})$, what is the coefficient of "
            f"$x^{n}$? {EXACT}"
        ),
        params={"a": str(a), "n": n},
        value=value,
        solution=(
            f"Put $u = {signed_frac(a)}x$ into $\\ln(1 + u) = u - \\frac{{u^2}}{{2}} + "
            f"\\frac{{u^3}}{{3}} - \\cdots$, whose $u^{n}$ term is "
            f"${'+' if sign > 0 else '-'}\\frac{{u^{n}}}{{{n}}}$. Since "
            f"$u^{n} = {bracketed_power(a, n)}x^{n}$, the coefficient is "
            f"${shown} = {signed_frac(value)}$. "
            f"(The series converges for $|x| < {frac(1 / abs(a))}$.)"
        ).replace("$+\\frac", "$\\frac"),
        mistakes={
            "factorial_for_n": (
                sign * a**n / math.factorial(n),
                "Factorials belong to the series of $e^x$. The logarithm's series divides "
                "the $k$-th power by $k$ itself.",
            ),
            "sign_pattern": (
                -value,
                "The logarithm's series starts with $+u$ and then alternates: even powers "
                "come with a minus sign, odd powers with a plus sign."
                + (
                    f" And the minus sign of ${signed_frac(a)}x$ stays in its odd powers."
                    if a < 0 and n % 2
                    else ""
                ),
            ),
            "dropped_power_of_a": (
                sign * a / n,
                f"The whole of ${signed_frac(a)}x$ is raised to the power ${n}$, so the number "
                "in front of $x$ is raised to that power too.",
            ),
        },
        hint=(
            "Substitute $u$ for the whole inside in the series $u - \\frac{u^2}{2} + "
            "\\frac{u^3}{3} - \\cdots$, then expand the power of $u$."
        ),
    )


def bracketed_power(a: Fraction, n: int) -> str:
    """``a^n x^n = (value) x^n`` in LaTeX, with ``a`` bracketed when negative or a fraction."""
    base = frac(a) if a > 0 and a.denominator == 1 else f"\\left({signed_frac(a)}\\right)"
    return f"{base}^{n}x^{n} = {signed_frac(a**n)}"


# ------------------------------------------------------------------ Poisson distribution

_COUNTS = (  # what is counted, and the window it is counted in
    ("emails", "an hour"),
    ("goals", "a match"),
    ("typos", "a page"),
    ("meteors", "a minute of watching"),
    ("customers", "five minutes"),
)
_RATES = (0.5, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0)


def poisson_pmf(lam: float, k: int) -> float:
    """P(X = k) for X ~ Poisson(lam)."""
    return math.exp(-lam) * lam**k / math.factorial(k)


@family("poisson_exact_count")
def poisson_exact_count(rng: np.random.Generator) -> Variant:
    """P(X = k) = e^(-lam) lam^k / k! for a count with average lam per window."""
    things, window = pick(rng, _COUNTS)
    lam = pick(rng, _RATES)
    k = pick(rng, tuple(k for k in range(2, 7) if poisson_pmf(lam, k) >= 0.01))
    value = poisson_pmf(lam, k)
    return number_variant(
        prompt=(
            f"The number of {things} in {window} follows a Poisson distribution with an "
            f"average of ${lam:g}$. What is the probability of exactly ${k}$ {things} in "
            f"{window}? Give it to 3 significant figures."
        ),
        params={"lam": lam, "k": k},
        value=value,
        solution=(
            f"With $\\lambda = {lam:g}$, $P(X = {k}) = e^{{-{lam:g}}} \\times "
            f"\\frac{{{lam:g}^{k}}}{{{k}!}} = e^{{-{lam:g}}} \\times "
            f"\\frac{{{lam**k:.10g}}}{{{math.factorial(k)}}} \\approx {value:.4g}$."
        ),
        mistakes={
            "missing_factorial": (
                value * math.factorial(k),
                "The $\\lambda^k$ must be divided by $k!$: without it the probabilities "
                "of all counts would add up to far more than 1.",
            ),
            "missing_exponential_factor": (
                lam**k / math.factorial(k),
                "The factor $e^{-\\lambda}$ is missing. It is what makes the "
                "probabilities of all counts add up to 1.",
            ),
        },
        hint="Put $\\lambda$ and $k$ into $e^{-\\lambda}\\dfrac{\\lambda^k}{k!}$.",
    )


@family("poisson_at_least")
def poisson_at_least(rng: np.random.Generator) -> Variant:
    """P(X >= m) = 1 - sum_{k < m} P(X = k), through the complement."""
    things, window = pick(rng, _COUNTS)
    lam = pick(rng, _RATES[1:])
    m = draw(rng, 1, 3)
    below = [poisson_pmf(lam, k) for k in range(m)]
    value = 1 - sum(below)
    terms = " + ".join(f"\\frac{{{lam:g}^{k}}}{{{k}!}}" for k in range(m))
    terms = terms.replace(f"\\frac{{{lam:g}^0}}{{0!}}", "1").replace(
        f"\\frac{{{lam:g}^1}}{{1!}}", f"{lam:g}"
    )
    inside = f"\\left({terms}\\right)" if m > 1 else ""
    return number_variant(
        prompt=(
            f"The number of {things} in {window} follows a Poisson distribution with an "
            f"average of ${lam:g}$. What is the probability of at least ${m}$ "
            f"{plural(m, things.removesuffix('s'), things)} in {window}? Give it to 3 "
            "significant figures."
        ),
        params={"lam": lam, "m": m},
        value=value,
        # a student who rounds e^(-lam) and each term to 3 significant figures stays
        # within 0.001 of the answer
        rel_tol=max(5e-3, 2e-3 / value),
        solution=(
            f"Use the complement: $P(X \\ge {m}) = 1 - P(X \\le {m - 1}) = "
            f"1 - e^{{-{lam:g}}}{inside} \\approx 1 - {sum(below):.4f} "
            f"= {value:.4f}$."
        ),
        mistakes={
            "forgot_complement": (
                sum(below),
                f"That is the chance of fewer than ${m}$. Subtract it from 1 to get the "
                "chance of at least that many.",
            ),
            "boundary_left_out": (
                value - poisson_pmf(lam, m),
                f"That is the chance of more than ${m}$. At least ${m}$ includes exactly "
                f"${m}$, so only the counts below ${m}$ are taken away.",
            ),
        },
        hint=(
            f"At least ${m}$ is everything except the counts below ${m}$: find those and "
            "subtract from 1."
        ),
    )


# ------------------------------------------------ densities and continuous distributions


@family("linear_density_interval")
def linear_density_interval(rng: np.random.Generator) -> Variant:
    """f(x) = c(b - x) on [0, b], c = 2/b^2: P(s <= X <= t) = c[(bx - x^2/2)] from s to t."""
    b = draw(rng, 2, 6)
    s = Fraction(draw(rng, 0, 2 * b - 2), 2)
    t = s + Fraction(draw(rng, 1, int(2 * (b - s))), 2)
    c = Fraction(2, b * b)

    def area(x: Fraction) -> Fraction:  # the antiderivative of b - x
        return b * x - x * x / 2

    bare = area(t) - area(s)
    value = c * bare
    heights = c * (b - s) - c * (b - t)
    return exact_variant(
        prompt=(
            f"A lifetime $X$ (in years) has density $f(x) = c({b} - x)$ for "
            f"$0 \\le x \\le {b}$, and $0$ elsewhere. Find "
            f"$P({frac(s)} \\le X \\le {frac(t)})$. {EXACT}"
        ),
        params={"b": b, "s": str(s), "t": str(t)},
        value=value,
        solution=(
            f"The total area is a triangle, $\\frac{{1}}{{2}} \\times {b} \\times {b}c = "
            f"{frac(Fraction(b * b, 2))}c$, which must be 1, so $c = {frac(c)}$. An "
            f"antiderivative of ${b} - x$ is ${b}x - \\frac{{x^2}}{{2}}$, which is "
            f"${frac(area(t))}$ at ${frac(t)}$ and ${frac(area(s))}$ at ${frac(s)}$. So "
            f"$P = {frac(c)} \\times \\left({frac(area(t))} - {frac(area(s))}\\right) = "
            f"{frac(c)} \\times {frac(bare)} = {frac(value)}$."
        ),
        mistakes={
            "constant_left_out": (
                bare,
                "That is the area under $" + f"{b} - x$" + " alone. First find the "
                "constant $c$ that makes the total area 1, then multiply by it.",
            ),
            "density_heights_subtracted": (
                heights,
                "That subtracts two heights of the density. A probability is the area "
                "under the density between the two ends.",
            ),
        },
        hint="First choose $c$ so that the whole area is 1; then integrate between the two ends.",
    )


@family("valid_density_choice")
def valid_density_choice(rng: np.random.Generator) -> Variant:
    """A tall narrow uniform is a density; a low one of the wrong area, or one that dips
    below 0 with area 1, is not."""
    k = draw(rng, 2, 6)
    low = Fraction(1, draw(rng, 2, 4))
    width = pick(rng, tuple(w for w in (1, 2, 3, 4) if low * w != 1))
    high = draw(rng, 2, 4)
    choices = {
        "right": f"$f(x) = {k}$ for $0 \\le x \\le \\frac{{1}}{{{k}}}$, and $0$ elsewhere",
        "heights_below_one_suffice": (
            f"$f(x) = {frac(low)}$ for $0 \\le x \\le {width}$, and $0$ elsewhere"
        ),
        "negative_heights_allowed": (
            f"$f(x) = {high}$ for $0 \\le x \\le 1$, $f(x) = {1 - high}$ for $1 < x \\le 2$, "
            "and $0$ elsewhere"
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt="Which of these is a probability density function?",
        params={"k": k, "low": str(low), "width": width, "high": high},
        choices=choices,
        solution=(
            f"A density must be $\\ge 0$ everywhere with total area 1. The height ${k}$ on an "
            f"interval of length $\\frac{{1}}{{{k}}}$ has area $1$: a density, even though it "
            f"is taller than 1. The height ${frac(low)}$ over a length ${width}$ has area "
            f"${frac(low * width)}$, not 1. The function that is ${1 - high}$ on $(1, 2]$ has "
            f"area ${high} + ({1 - high}) = 1$ but is negative there, and no probability "
            "can be."
        ),
        messages={
            "heights_below_one_suffice": (
                "Heights of at most 1 are not what makes a density: a height is probability "
                "per unit length. Check the total area under that function."
            ),
            "negative_heights_allowed": (
                "Its area is 1, but part of it lies below the axis, and that part would give "
                "an interval a negative probability. Densities are never negative."
            ),
        },
        hint=(
            "For each function ask two things: is it ever negative, and is the total area "
            "under it exactly 1? Area is height times length for each flat piece."
        ),
    )


# ------------------------------------------------------ cumulative distribution functions


@family("discrete_cdf_interval")
def discrete_cdf_interval(rng: np.random.Generator) -> Variant:
    """P(a <= X <= b) = F(b) - F(a - 1) for a count X on 0..5 given by its CDF table."""
    cuts = sorted(int(c) for c in rng.choice(np.arange(1, 20), size=5, replace=False))
    cdf = [Fraction(c, 20) for c in cuts] + [Fraction(1)]
    a = draw(rng, 1, 4)
    b = draw(rng, a + 1, 5)
    value = cdf[b] - cdf[a - 1]
    header = " & ".join(str(x) for x in range(6))
    row = " & ".join(frac(v) for v in cdf)
    table = (
        f"$$\\begin{{array}}{{c|cccccc}} x & {header} \\\\ \\hline "
        f"F(x) = P(X \\le x) & {row} \\end{{array}}$$"
    )
    return exact_variant(
        prompt=(
            f"A count $X$ takes the values $0$ to $5$, with this cumulative distribution "
            f"function:\n\n{table}\n\nFind $P({a} \\le X \\le {b})$. {EXACT}"
        ),
        params={"cdf": [str(v) for v in cdf], "a": a, "b": b},
        value=value,
        solution=(
            f"$F({b})$ counts every value up to ${b}$; take away those below ${a}$, which "
            f"$F({a - 1})$ counts. So $P({a} \\le X \\le {b}) = F({b}) - F({a - 1}) = "
            f"{frac(cdf[b])} - {frac(cdf[a - 1])} = {frac(value)}$."
        ),
        mistakes={
            "dropped_left_endpoint": (
                cdf[b] - cdf[a],
                f"$F({a})$ includes the value ${a}$ itself, so subtracting it leaves "
                f"${a}$ out. For a count, subtract the CDF just below the interval.",
            ),
            "upper_value_only": (
                cdf[b],
                f"$F({b})$ also counts the values below ${a}$. Take their probability away.",
            ),
        },
        hint=f"Which values does $F({b})$ count, and which of them lie below ${a}$?",
    )


@family("exponential_cdf_quantile")
def exponential_cdf_quantile(rng: np.random.Generator) -> Variant:
    """F(x) = 1 - e^(-rate x) = q at x = -ln(1 - q) / rate: a quantile read backwards."""
    rate = pick(rng, (0.5, 2.0, 3.0, 4.0, 0.25))
    q = pick(rng, (Fraction(1, 2), Fraction(3, 4), Fraction(9, 10), Fraction(1, 4)))
    value = -math.log(1 - q) / rate
    # ln(4/3) worked from 1.33 is 0.285, not 0.288
    tol = worked_tol(value, sig3(math.log(sig3(1 / (1 - q)))) / rate, -sig3(math.log(1 - q)) / rate)
    share = f"{float(q) * 100:g}%"
    mistakes = {
        "multiplied_by_rate": (
            -math.log(1 - q) * rate,
            f"From $e^{{-{rate:g}x}} = {frac(1 - q)}$, taking logarithms gives "
            f"$-{rate:g}x = \\ln {frac(1 - q)}$: divide by the rate, do not multiply.",
        ),
    }
    if q != Fraction(1, 2):
        mistakes["solved_for_the_survival"] = (
            -math.log(q) / rate,
            f"That sets $e^{{-{rate:g}x}}$ equal to ${frac(q)}$. But $e^{{-{rate:g}x}}$ is "
            f"$1 - F(x)$, the chance of waiting longer: it must equal ${frac(1 - q)}$.",
        )
    return number_variant(
        prompt=(
            f"A waiting time $X$ (in minutes) has CDF $F(x) = 1 - e^{{-{rate:g}x}}$ for "
            f"$x \\ge 0$. By what time have {share} of the waits ended, that is, for which "
            f"$x$ is $F(x) = {frac(q)}$? Give it to 3 significant figures."
        ),
        params={"rate": rate, "q": str(q)},
        value=value,
        rel_tol=tol,
        solution=(
            f"Solve $1 - e^{{-{rate:g}x}} = {frac(q)}$: $e^{{-{rate:g}x}} = {frac(1 - q)}$, "
            f"so $x = \\frac{{-\\ln {frac(1 - q)}}}{{{rate:g}}} = "
            f"\\frac{{\\ln {frac(1 / (1 - q))}}}{{{rate:g}}} \\approx {value:.4g}$ minutes."
        ),
        mistakes=mistakes,
        hint=f"Set $F(x) = {frac(q)}$, get $e^{{-{rate:g}x}}$ alone, then take logarithms.",
    )


_RARE = (  # n independent chances, each small: what is counted
    ("A printer prints {n} pages; each jams with probability {p:g}", "jams"),
    ("A batch holds {n} chips; each is faulty with probability {p:g}", "faulty chips"),
    ("A server answers {n} requests; each fails with probability {p:g}", "failed requests"),
)


@family("poisson_from_binomial")
def poisson_from_binomial(rng: np.random.Generator) -> Variant:
    """Bin(n, p) with n large and p small is close to Poisson(np): P(X = k) ~ e^-np (np)^k/k!."""
    story, things = pick(rng, _RARE)
    n = pick(rng, (200, 250, 400, 500, 800, 1000))
    lam = pick(rng, (1.0, 1.5, 2.0, 2.5, 3.0, 4.0))
    p = lam / n
    k = draw(rng, 2, 4)
    value = poisson_pmf(lam, k)
    exact = math.comb(n, k) * p**k * (1 - p) ** (n - k)
    return number_variant(
        prompt=(
            f"{story.format(n=n, p=p)}, independently. Use the Poisson approximation to "
            f"find the probability of exactly ${k}$ {things}. Give it to 3 significant "
            "figures."
        ),
        params={"n": n, "lam": lam, "k": k},
        value=value,
        # the exact binomial probability, rounded to 3 figures, is right too
        rel_tol=abs(exact - value) / value + 5e-3,
        solution=(
            f"Many chances, each small: the count is close to Poisson with "
            f"$\\lambda = np = {n} \\times {p:g} = {lam:g}$. So $P(X = {k}) \\approx "
            f"e^{{-{lam:g}}} \\times \\frac{{{lam:g}^{k}}}{{{k}!}} \\approx {value:.4g}$ "
            f"(the exact binomial value is ${exact:.4g}$)."
        ),
        mistakes={
            "rate_is_the_chance": (
                poisson_pmf(p, k),
                "The rate $\\lambda$ is the expected count over all the tries, not the "
                "chance of one: multiply the chance by the number of tries.",
            ),
            "missing_factorial": (
                value * math.factorial(k),
                "The $\\lambda^k$ must be divided by $k!$, one for each order in which "
                "the same events could be listed.",
            ),
        },
        hint=(
            "The Poisson rate is the expected count: the number of tries times the chance of each."
        ),
    )
