"""Question families for band 15 of the KL plan (positions 305 to 321): the graphs of
tangent and the reciprocal trigonometric functions, and the derivatives of all six.

Angles are drawn as exact multiples of pi (:class:`fractions.Fraction`), so the special
values behind each answer are known exactly; answers that stay rational are asked for
exactly, the others to 3 significant figures. Each named mistake is the value that mistake
gives for the variant's own numbers.
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
    number_variant,
    pick,
    term,
)
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
