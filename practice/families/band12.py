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

import numpy as np

from practice.families import (
    WHOLE,
    draw,
    family,
    integer_variant,
    nonzero,
    pick,
    polynomial,
    signed,
    term,
    values_variant,
)
from practice.questions import Variant

POINT = "Give its two coordinates separated by a comma (e.g. `3, -2`)."


def _minus(var: str, h: int) -> str:
    """``x - h`` with the sign of ``h`` folded in: ``x + 3`` for h = -3, ``x`` for 0."""
    if h == 0:
        return var
    return f"{var} - {h}" if h > 0 else f"{var} + {-h}"


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
        f"cancels, leaving $f(x) = {_minus('x', r)}$. Now substitute: "
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
    solution = (
        f"Approaching ${c}$ from the {side} means taking $x$ with ${rule}{c}$, where "
        f"$g(x) = {piece}$. The value $g({c}) = {at_c}$ plays no part in a limit. As $x$ "
        f"nears ${c}$, ${piece}$ nears ${m} \\times {signed(c)} {term(b)} = {near}$. So the "
        f"limit is ${near}$."
        if b
        else f"Approaching ${c}$ from the {side} means taking $x$ with ${rule}{c}$, where "
        f"$g(x) = {piece}$. The value $g({c}) = {at_c}$ plays no part in a limit. As $x$ "
        f"nears ${c}$, ${piece}$ nears ${m} \\times {signed(c)} = {near}$. So the limit is "
        f"${near}$."
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
