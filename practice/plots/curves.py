"""The functions the school and calculus plots draw: a fixed set of families, each with its
formula as text, its derivative and (for the Riemann plot) its exact integral.

Pure Python and NumPy; nothing here imports Django. No expression a student types is ever
evaluated: a plot names a family and gives its numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

MINUS = "\u2212"


def short(x: float, digits: int = 4) -> str:
    """``x`` rounded to ``digits`` places, without trailing zeros ("2", "0.5", "-1.25").

    >>> short(2.0), short(-0.125), short(1 / 3), short(-1e-9)
    ('2', '-0.125', '0.3333', '0')
    """
    s = f"{round(float(x), digits) + 0.0:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def fraction_text(q: Fraction) -> str:
    """``3/4``, ``2``, ``-1/2``: a fraction in lowest terms.

    >>> fraction_text(Fraction(6, 8)), fraction_text(Fraction(4, 2)), fraction_text(Fraction(-1, 2))
    ('3/4', '2', '-1/2')
    """
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def mixed_text(q: Fraction) -> str:
    """``17/12`` as ``1 5/12``; a proper fraction or a whole number as it is."""
    whole, rest = divmod(q.numerator, q.denominator)
    if q < 0 or whole == 0 or rest == 0:
        return fraction_text(q)
    return f"{whole} {rest}/{q.denominator}"


def terms_text(terms: list[tuple[float, str]]) -> str:
    """A sum of ``coefficient·power`` terms as written by hand: zeros left out, a
    coefficient of 1 not written, minus signs between terms.

    >>> terms_text([(2.0, "x²"), (-3.0, "x"), (1.0, "")])
    '2x² − 3x + 1'
    >>> terms_text([(0.0, "x²"), (-1.0, "x"), (0.0, "")])
    '−x'
    """
    out = ""
    for coeff, power in terms:
        if coeff == 0.0:
            continue
        size = abs(coeff)
        body = short(size) if (size != 1.0 or not power) else ""
        body += power
        if not out:
            out = (MINUS if coeff < 0 else "") + body
        else:
            out += f" {MINUS if coeff < 0 else '+'} {body}"
    return out or "0"


# ----------------------------------------------------------------- graphs of functions

FAMILIES = ("linear", "quadratic", "exponential", "logarithm", "sine", "cosine")

FAMILY_PARAMS = {
    "linear": ("m", "b"),
    "quadratic": ("a", "b", "c"),
    "exponential": ("a", "base"),
    "logarithm": ("base",),
    "sine": ("amp", "period"),
    "cosine": ("amp", "period"),
}


@dataclass(frozen=True)
class Graph:
    """One function of a family with its numbers: ``f`` and its derivative ``df`` act on
    arrays; ``positive_only`` when it is defined only for ``x > 0``."""

    formula: str
    f: Callable[[np.ndarray], np.ndarray]
    df: Callable[[np.ndarray], np.ndarray]
    positive_only: bool = False


def graph(family: str, v: dict[str, float]) -> Graph:
    """The function of ``family`` with the numbers in ``v`` (see :data:`FAMILY_PARAMS`;
    the sine and cosine periods are in multiples of π)."""
    if family == "linear":
        m, b = v["m"], v["b"]
        return Graph(
            "y = " + terms_text([(m, "x"), (b, "")]),
            lambda x: m * x + b,
            lambda x: np.full_like(x, m),
        )
    if family == "quadratic":
        a, b, c = v["a"], v["b"], v["c"]
        return Graph(
            "y = " + terms_text([(a, "x²"), (b, "x"), (c, "")]),
            lambda x: (a * x + b) * x + c,
            lambda x: 2.0 * a * x + b,
        )
    if family == "exponential":
        a, base = v["a"], v["base"]
        lead = "" if a == 1.0 else (MINUS if a == -1.0 else short(a).replace("-", MINUS) + "·")
        return Graph(
            f"y = {lead}{short(base)}ˣ",
            lambda x: a * np.power(base, x),
            lambda x: a * math.log(base) * np.power(base, x),
        )
    if family == "logarithm":
        base = v["base"]
        return Graph(
            f"y = log base {short(base)} of x",
            lambda x: np.log(x) / math.log(base),
            lambda x: 1.0 / (x * math.log(base)),
            positive_only=True,
        )
    amp, period = v["amp"], v["period"]
    k = 2.0 / period  # sin(2πx / (period·π))
    inside = "x" if k == 1.0 else f"{short(k)}x"
    lead = "" if amp == 1.0 else f"{short(amp)} "
    if family == "sine":
        return Graph(
            f"y = {lead}sin({inside})",
            lambda x: amp * np.sin(k * x),
            lambda x: amp * k * np.cos(k * x),
        )
    return Graph(
        f"y = {lead}cos({inside})",
        lambda x: amp * np.cos(k * x),
        lambda x: -amp * k * np.sin(k * x),
    )


# ------------------------------------------------------------- integrands for Riemann sums


@dataclass(frozen=True)
class Integrand:
    """``f``, an antiderivative ``F`` and the exact integral over ``[a, b]`` as text
    (``exact(a, b)``, with a and b as written)."""

    label: str
    f: Callable[[np.ndarray], np.ndarray]
    F: Callable[[float], float]
    exact: Callable[[Fraction, Fraction], str]
    positive_only: bool = False  # a must be > 0 (or >= 0 for the square root)


def _power_exact(k: int) -> Callable[[Fraction, Fraction], str]:
    def exact(a: Fraction, b: Fraction) -> str:
        return fraction_text((b ** (k + 1) - a ** (k + 1)) / (k + 1))

    return exact


def _closed(template: str) -> Callable[[Fraction, Fraction], str]:
    def exact(a: Fraction, b: Fraction) -> str:
        return template.format(a=fraction_text(a), b=fraction_text(b)).replace("-", MINUS)

    return exact


INTEGRANDS: dict[str, Integrand] = {
    "square": Integrand("x²", lambda x: x * x, lambda x: x**3 / 3.0, _power_exact(2)),
    "cube": Integrand("x³", lambda x: x**3, lambda x: x**4 / 4.0, _power_exact(3)),
    "sqrt": Integrand(
        "√x",
        np.sqrt,
        lambda x: 2.0 / 3.0 * x**1.5,
        _closed("(2/3)·({b}^(3/2) - {a}^(3/2))"),
        positive_only=True,
    ),
    "sine": Integrand("sin x", np.sin, lambda x: -math.cos(x), _closed("cos({a}) - cos({b})")),
    "exponential": Integrand("eˣ", np.exp, math.exp, _closed("e^{b} - e^{a}")),
    "reciprocal": Integrand(
        "1/x", lambda x: 1.0 / x, math.log, _closed("ln({b}) - ln({a})"), positive_only=True
    ),
}

RULES = ("left", "right", "midpoint")


def riemann_points(a: float, b: float, n: int, rule: str) -> tuple[np.ndarray, np.ndarray, float]:
    """The left ends of the ``n`` rectangles on ``[a, b]``, the points where their heights
    are taken (by ``rule``), and their common width."""
    width = (b - a) / n
    lefts = a + width * np.arange(n)
    offset = {"left": 0.0, "right": 1.0, "midpoint": 0.5}[rule]
    return lefts, lefts + offset * width, width
