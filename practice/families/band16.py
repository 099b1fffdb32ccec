"""Question families for band 16 of the KL plan: densities and continuous random variables,
their expected values, the Gaussian, Jensen's inequality, and codes (variable-length codes,
prefix codes, the source coding theorem).

Densities are drawn from families whose integrals are exact (powers of x on an interval),
so their answers are asked for exactly; answers that need an exponential, a square root or
a logarithm are asked for to 3 significant figures, with a tolerance wide enough for a
student who rounds each intermediate number to 3 significant figures (:func:`rounded_tol`).
Each named mistake is the value that mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice import kl_engine
from practice.families import (
    WHOLE,
    draw,
    exact_variant,
    family,
    frac,
    integer_variant,
    nonzero,
    number_variant,
    pick,
    plural,
    shuffled_choice_variant,
)
from practice.grader import DEFAULT_REL_TOL
from practice.questions import Variant

SIG3 = "Give your answer to 3 significant figures."
EXACT = "Give an exact answer: a whole number or a fraction in lowest terms."


def rounded_tol(value: float, *steps: float) -> float:
    """The relative tolerance that accepts ``value`` worked from intermediate numbers
    ``steps``, each rounded to 3 significant figures (off by at most 0.5 % of itself),
    and the result rounded once more."""
    slack = sum(0.005 * abs(s) for s in steps)
    return DEFAULT_REL_TOL + slack / abs(value)


def apart(value: float, mistakes: dict, rel_tol: float) -> bool:
    """Whether the answer and every mistake's value lie more than twice the tolerance
    apart, so that a rounded answer is never taken for another one."""
    values = [value, *(v for v, _ in mistakes.values())]
    return all(
        abs(x - y) > 2 * rel_tol * max(abs(x), abs(y))
        for i, x in enumerate(values)
        for y in values[i + 1 :]
    )


def decimal(x: float) -> str:
    """``x`` without trailing zeros: 0.5, 1.5, 2."""
    return f"{x:g}"


# ----------------------------------------------------------- probability density functions


@family("density_normalising_constant")
def density_normalising_constant(rng: np.random.Generator) -> Variant:
    """f(x) = c x^k on [0, b] is a density when c = (k + 1) / b^(k + 1)."""
    k = draw(rng, 1, 3)
    b = draw(rng, 2, 5)
    area = Fraction(b ** (k + 1), k + 1)
    value = 1 / area
    power = "x" if k == 1 else f"x^{k}"
    mistakes = {
        "peak_height_one": (
            Fraction(1, b**k),
            "That makes the largest height of the density 1. A density's height is "
            "probability per unit length and may be anything; it is the total area under "
            "the curve that must be 1.",
        ),
        "power_not_divided": (
            Fraction(1, b ** (k + 1)),
            f"The antiderivative of ${power}$ divides by the new power: check the area "
            "under your density again.",
        ),
    }
    if k > 1:
        mistakes["uniform_height"] = (
            Fraction(1, b),
            "That is the height of a flat (uniform) density on the interval. This density "
            f"grows like ${power}$, so its area is an integral of ${power}$, not a rectangle.",
        )
    return exact_variant(
        prompt=(
            f"For which constant $c$ is $f(x) = c{power}$ for $0 \\le x \\le {b}$ (and $0$ "
            f"elsewhere) a probability density function? {EXACT}"
        ),
        params={"k": k, "b": b},
        value=value,
        solution=(
            f"The density is never negative for $c > 0$; its area must be 1. "
            f"$\\int_0^{{{b}}} {power}\\,dx = \\frac{{{b}^{{{k + 1}}}}}{{{k + 1}}} "
            f"= {frac(area)}$, so $c \\times {frac(area)} = 1$ and $c = {frac(value)}$."
        ),
        mistakes=mistakes,
        hint=f"Integrate ${power}$ from $0$ to ${b}$; $c$ times that area must be 1.",
    )


LESSON_WAIT = (2.0, 0.5, 1.0)
"""The rate and interval of the waiting time worked in the probability density lesson."""


@family("exponential_interval_probability")
def exponential_interval_probability(rng: np.random.Generator) -> Variant:
    """P(a < X < b) for the density lam e^(-lam x): e^(-lam a) - e^(-lam b)."""
    while True:
        lam = pick(rng, (0.5, 1.5, 2.0, 2.5, 3.0))
        a = pick(rng, (0.2, 0.4, 0.5, 1.0))
        b = round(a + pick(rng, (0.2, 0.4, 0.5, 1.0, 1.5)), 1)
        upper, lower = math.exp(-lam * a), math.exp(-lam * b)
        if lam * (b - a) < 0.5:  # a narrow interval: rounding both ends would swamp it
            continue
        if (lam, a, b) == LESSON_WAIT:  # the lesson works this one, answer and all
            continue
        value = upper - lower
        mistakes = {
            "density_values_subtracted": (
                lam * upper - lam * lower,
                "Those are heights of the density, not areas. Probability is the area under "
                "the density between the two ends: use an antiderivative of "
                "$\\lambda e^{-\\lambda x}$.",
            ),
            "upper_end_ignored": (
                upper,
                "That is the chance of waiting longer than the lower end. The interval also "
                "has an upper end: take away the area beyond it.",
            ),
        }
        rel_tol = rounded_tol(value, upper, lower)
        if apart(value, mistakes, rel_tol):
            break
    a_tex, b_tex, lam_tex = decimal(a), decimal(b), decimal(lam)
    return number_variant(
        prompt=(
            f"A waiting time $X$ (in hours) has density $f(x) = {lam_tex}e^{{-{lam_tex}x}}$ "
            f"for $x \\ge 0$. Find $P({a_tex} < X < {b_tex})$. {SIG3}"
        ),
        params={"lam": lam, "a": a, "b": b},
        value=value,
        rel_tol=rel_tol,
        solution=(
            f"An antiderivative of ${lam_tex}e^{{-{lam_tex}x}}$ is $-e^{{-{lam_tex}x}}$, so "
            f"$P({a_tex} < X < {b_tex}) = e^{{-{decimal(lam * a)}}} - e^{{-{decimal(lam * b)}}}"
            f" \\approx {upper:.4f} - {lower:.4f} \\approx {value:.4g}$."
        ),
        mistakes=mistakes,
        hint=(
            "Probability is area: find an antiderivative of the density and take the "
            "difference of its values at the two ends."
        ),
    )


# ------------------------------------------------------------- continuous random variables


def _power_cdf(k: int, b: int) -> str:
    """F(x) = (x/b)^k in LaTeX."""
    return f"\\left(\\frac{{x}}{{{b}}}\\right)^{{{k}}}"


def _cdf_setting(rng: np.random.Generator) -> tuple[int, int, str]:
    """A power CDF (x/b)^k on [0, b]: its power, its end, and the sentence stating it."""
    k = draw(rng, 2, 3)
    b = pick(rng, (2, 3, 4, 5, 6, 10))
    said = (
        f"A continuous random variable $X$ has CDF $F(x) = {_power_cdf(k, b)}$ for "
        f"$0 \\le x \\le {b}$ ($F = 0$ below $0$ and $F = 1$ above ${b}$)."
    )
    return k, b, said


@family("cdf_interval_probability")
def cdf_interval_probability(rng: np.random.Generator) -> Variant:
    """P(s < X <= t) = F(t) - F(s) for the CDF F(x) = (x/b)^k."""
    k, b, said = _cdf_setting(rng)
    s = Fraction(draw(rng, 1, 2 * b - 2), 2)
    t = Fraction(draw(rng, int(2 * s) + 1, 2 * b), 2)

    def cdf(x: Fraction) -> Fraction:
        return (x / b) ** k

    value = cdf(t) - cdf(s)
    return exact_variant(
        prompt=f"{said} Find $P({frac(s)} < X \\le {frac(t)})$. {EXACT}",
        params={"k": k, "b": b, "s": str(s), "t": str(t)},
        value=value,
        solution=(
            f"$P({frac(s)} < X \\le {frac(t)}) = F({frac(t)}) - F({frac(s)}) = "
            f"{frac(cdf(t))} - {frac(cdf(s))} = {frac(value)}$."
        ),
        mistakes={
            "upper_value_only": (
                cdf(t),
                f"$F({frac(t)})$ is the chance that $X$ is at most ${frac(t)}$, which includes "
                f"the values up to ${frac(s)}$. Take away the chance of those.",
            ),
            "cdf_of_the_width": (
                cdf(t - s),
                "That puts the length of the interval into $F$. $F$ measures from the "
                "bottom of the range, so evaluate it at each end and subtract.",
            ),
        },
        hint=(
            f"$F$ gives the chance of being at most a value: use $F({frac(t)})$ and $F({frac(s)})$."
        ),
    )


@family("density_from_cdf")
def density_from_cdf(rng: np.random.Generator) -> Variant:
    """f(t) = F'(t) = k t^(k-1) / b^k for the CDF F(x) = (x/b)^k."""
    k, b, said = _cdf_setting(rng)
    t = Fraction(draw(rng, 1, 2 * b - 1), 2)
    value = k * t ** (k - 1) / b**k
    power = "x" if k == 2 else f"x^{{{k - 1}}}"
    at = frac(t) if k == 2 else f"\\left({frac(t)}\\right)^{{{k - 1}}}"
    return exact_variant(
        prompt=f"{said} Find the density $f({frac(t)})$. {EXACT}",
        params={"k": k, "b": b, "t": str(t)},
        value=value,
        solution=(
            f"The density is the derivative of the CDF: $F(x) = \\frac{{x^{k}}}{{{b**k}}}$, so "
            f"$f(x) = F'(x) = \\frac{{{k}{power}}}{{{b**k}}}$ and "
            f"$f({frac(t)}) = \\frac{{{k} \\times {at}}}{{{b**k}}} = {frac(value)}$."
        ),
        mistakes={
            "cdf_for_density": (
                (t / b) ** k,
                "That is $F$ itself: the chance that $X$ is at most that value. The density is "
                "the rate at which $F$ climbs there, its derivative.",
            ),
            "power_not_lowered": (
                k * t**k / b**k,
                "When you differentiate a power, bring the exponent down and lower it by one; "
                "the power was kept as it was.",
            ),
        },
        hint="Differentiate $F$, then put the value in.",
    )


# ------------------------------------------ expected value of a continuous random variable


@family("mean_of_power_density")
def mean_of_power_density(rng: np.random.Generator) -> Variant:
    """E[X] = (k + 1) b / (k + 2) for the density (k + 1) x^k / b^(k + 1) on [0, b]."""
    k = draw(rng, 1, 3)
    b = draw(rng, 2, 6)
    c = Fraction(k + 1, b ** (k + 1))
    integral = Fraction(b ** (k + 2), k + 2)
    value = c * integral
    power = "x" if k == 1 else f"x^{k}"
    return exact_variant(
        prompt=(
            f"$X$ has density $f(x) = {frac(c)}{power}$ for $0 \\le x \\le {b}$ (and $0$ "
            f"elsewhere). Find $\\mathbb{{E}}[X]$. {EXACT}"
        ),
        params={"k": k, "b": b},
        value=value,
        solution=(
            f"$\\mathbb{{E}}[X] = \\int_0^{{{b}}} x \\cdot {frac(c)}{power}\\,dx = "
            f"{frac(c)} \\times \\frac{{{b}^{{{k + 2}}}}}{{{k + 2}}} = {frac(c)} \\times "
            f"{frac(integral)} = {frac(value)}$. It lies above the midpoint "
            f"${frac(Fraction(b, 2))}$ because the density grows towards the top of the range."
        ),
        mistakes={
            "midpoint_of_range": (
                Fraction(b, 2),
                "That is the middle of the range, the mean of a flat density. This density is "
                "taller towards the top, so weight each value by it: integrate $x f(x)$.",
            ),
            "constant_left_out": (
                integral,
                "The integral of $x$ times the power is right, but the density's constant in "
                "front was left out. Multiply by it.",
            ),
        },
        hint="Multiply the density by $x$ and integrate over the range.",
    )


@family("uniform_mean_of_square")
def uniform_mean_of_square(rng: np.random.Generator) -> Variant:
    """E[X^2] = (a^2 + ab + b^2) / 3 for X uniform on [a, b]."""
    a = draw(rng, -4, 3)
    b = draw(rng, a + 1, 6)
    width = b - a
    cubes = Fraction(b**3 - a**3, 3)
    value = cubes / width
    mean = Fraction(a + b, 2)
    return exact_variant(
        prompt=(
            f"$X$ is uniform on $[{a}, {b}]$: its density is $\\frac{{1}}{{{width}}}$ there and "
            f"$0$ elsewhere. Find $\\mathbb{{E}}[X^2]$. {EXACT}"
        ),
        params={"a": a, "b": b},
        value=value,
        solution=(
            f"$\\mathbb{{E}}[X^2] = \\int_{{{a}}}^{{{b}}} x^2 \\cdot \\frac{{1}}{{{width}}}\\,dx "
            f"= \\frac{{1}}{{{width}}} \\left[\\frac{{x^3}}{{3}}\\right]_{{{a}}}^{{{b}}} "
            f"= \\frac{{1}}{{{width}}} \\times {frac(cubes)} = {frac(value)}$."
        ),
        mistakes={
            "squared_the_mean": (
                mean * mean,
                "That squares the mean. The average of the squares is not the square of the "
                "average: integrate $x^2$ against the density instead.",
            ),
            "density_left_out": (
                cubes,
                "That integrates $x^2$ alone. Each value must be weighted by the density "
                f"$\\frac{{1}}{{{width}}}$ too.",
            ),
        },
        hint="Integrate $x^2$ times the density over the interval.",
    )


# ------------------------------------------------------------------- gaussian distribution


@family("gaussian_z_score")
def gaussian_z_score(rng: np.random.Generator) -> Variant:
    """z = (x - mu) / sigma for X ~ N(mu, sigma^2), with the variance written in N(., .)."""
    mu = 5 * draw(rng, 4, 40)
    sigma = draw(rng, 2, 12)
    x = mu + nonzero(rng, -3 * sigma, 3 * sigma)
    value = Fraction(x - mu, sigma)
    return exact_variant(
        prompt=(
            f"$X$ has distribution $N({mu}, {sigma * sigma})$. What is the $z$-score of "
            f"$x = {x}$, that is, how many standard deviations is it from the mean? {EXACT}"
        ),
        params={"mu": mu, "sigma": sigma, "x": x},
        value=value,
        solution=(
            f"The second number of $N({mu}, {sigma * sigma})$ is the variance, so "
            f"$\\sigma = \\sqrt{{{sigma * sigma}}} = {sigma}$. Then "
            f"$z = \\frac{{{x} - {mu}}}{{{sigma}}} = {frac(value)}$."
        ),
        mistakes={
            "divided_by_variance": (
                Fraction(x - mu, sigma * sigma),
                "That divides by the variance. The $z$-score counts standard deviations: "
                "divide by the square root of the second number in $N(\\mu, \\sigma^2)$.",
            ),
            "mean_not_subtracted": (
                Fraction(x, sigma),
                "A $z$-score measures the distance from the mean: subtract the mean before "
                "dividing.",
            ),
        },
        hint=(
            f"First find $\\sigma$: the ${sigma * sigma}$ in $N({mu}, {sigma * sigma})$ is "
            "$\\sigma^2$."
        ),
    )


PHI_AT = (0.5, 1.0, 1.5, 2.0, 2.5)


def phi(z: float) -> float:
    """The standard normal CDF at ``z``, rounded to 4 places as a table gives it."""
    return round(float(kl_engine.gaussian_cdf(z, 0.0, 1.0)), 4)


@family("gaussian_interval_from_table")
def gaussian_interval_from_table(rng: np.random.Generator) -> Variant:
    """P(mu - s sigma < X < mu + t sigma) = Phi(t) - (1 - Phi(s)), from a table of Phi."""
    mu = 10 * draw(rng, 2, 30)
    sigma = pick(rng, (2, 4, 5, 6, 8, 10, 12, 15))
    below, above = pick(rng, PHI_AT), pick(rng, PHI_AT)
    a, b = mu - below * sigma, mu + above * sigma
    p_below, p_above = phi(below), phi(above)
    value = round(p_above - (1 - p_below), 4)
    table = ", ".join(f"$\\Phi({z:g}) = {phi(z):.4f}$" for z in sorted({below, above}))
    return number_variant(
        prompt=(
            f"$X$ has distribution $N({mu}, {sigma * sigma})$. Using {table}, find "
            f"$P({a:g} < X < {b:g})$. Give your answer to 4 decimal places."
        ),
        params={"mu": mu, "sigma": sigma, "below": below, "above": above},
        value=value,
        solution=(
            f"$\\sigma = {sigma}$, so the ends standardise to "
            f"$\\frac{{{a:g} - {mu}}}{{{sigma}}} = -{below:g}$ and "
            f"$\\frac{{{b:g} - {mu}}}{{{sigma}}} = {above:g}$. By symmetry "
            f"$\\Phi(-{below:g}) = 1 - {p_below:.4f} = {1 - p_below:.4f}$, so "
            f"$P = \\Phi({above:g}) - \\Phi(-{below:g}) = {p_above:.4f} - {1 - p_below:.4f} "
            f"= {value:.4f}$."
        ),
        mistakes={
            "negative_z_read_as_positive": (
                p_above - p_below,
                f"$\\Phi({below:g})$ is the area below $+{below:g}$. The lower end is "
                f"${below:g}$ {plural(below, 'standard deviation')} below the mean: use the "
                f"symmetry $\\Phi(-z) = 1 - \\Phi(z)$.",
            ),
            "upper_end_only": (
                p_above,
                "That is the chance of being below the upper end. Take away the chance of "
                "being below the lower end as well.",
            ),
        },
        hint="Turn both ends into $z$-scores, then take the difference of $\\Phi$ at them.",
    )


# ---------------------------------------------------------------------- jensen's inequality


def _two_point(rng: np.random.Generator, low: int) -> tuple[int, int, Fraction]:
    """Two different values from ``low`` to 9 and the chance of the first (not 1/2)."""
    x1 = draw(rng, low, 8)
    x2 = draw(rng, x1 + 1, 9)
    p = pick(rng, (Fraction(1, 4), Fraction(1, 3), Fraction(2, 3), Fraction(3, 4)))
    return x1, x2, p


# name: (LaTeX, the function exactly, its LaTeX at a given whole number)
_GAP_FUNCTIONS = {
    "square": ("x^2", lambda x: Fraction(x) ** 2, lambda x: f"{x}^2"),
    "reciprocal": ("\\frac{1}{x}", lambda x: 1 / Fraction(x), lambda x: f"\\frac{{1}}{{{x}}}"),
}


GAP_DENOMINATOR = 200
"""The largest denominator of a Jensen gap asked for exactly."""


@family("jensen_gap")
def jensen_gap(rng: np.random.Generator) -> Variant:
    """E[phi(X)] - phi(E[X]) for a convex phi (x^2 or 1/x) and a two-valued X."""
    name = pick(rng, tuple(_GAP_FUNCTIONS))
    tex, phi_of, at = _GAP_FUNCTIONS[name]
    while True:  # a fraction worked by hand: 1/x on 8 and 9 would give a gap of 1/3360
        x1, x2, p = _two_point(rng, 1)
        mean = p * x1 + (1 - p) * x2
        mean_phi = p * phi_of(x1) + (1 - p) * phi_of(x2)
        value = mean_phi - phi_of(mean)
        if value.denominator <= GAP_DENOMINATOR:
            break
    half = (x1 + x2) * Fraction(1, 2)
    even = (phi_of(x1) + phi_of(x2)) / 2 - phi_of(half)
    return exact_variant(
        prompt=(
            f"$X$ is ${x1}$ with probability ${frac(p)}$ and ${x2}$ with probability "
            f"${frac(1 - p)}$, and $\\varphi(x) = {tex}$. Find the Jensen gap "
            f"$\\mathbb{{E}}[\\varphi(X)] - \\varphi(\\mathbb{{E}}[X])$. {EXACT}"
        ),
        params={"function": name, "x1": x1, "x2": x2, "p": str(p)},
        value=value,
        solution=(
            f"$\\mathbb{{E}}[X] = {frac(p)} \\times {x1} + {frac(1 - p)} \\times {x2} = "
            f"{frac(mean)}$, so $\\varphi(\\mathbb{{E}}[X]) = {frac(phi_of(mean))}$. "
            f"$\\mathbb{{E}}[\\varphi(X)] = {frac(p)} \\times {frac(phi_of(x1))} + "
            f"{frac(1 - p)} \\times {frac(phi_of(x2))} = {frac(mean_phi)}$. The gap is "
            f"${frac(mean_phi)} - {frac(phi_of(mean))} = {frac(value)}$, positive as "
            f"Jensen's inequality says for a convex function."
        ),
        mistakes={
            "phi_of_mean_only": (
                phi_of(mean),
                "That is $\\varphi(\\mathbb{E}[X])$ alone. The gap is the average of "
                "$\\varphi$ over the values minus $\\varphi$ of the average.",
            ),
            "mean_of_phi_only": (
                mean_phi,
                "That is $\\mathbb{E}[\\varphi(X)]$ alone. Subtract $\\varphi$ of the mean.",
            ),
            "equal_weights": (
                even,
                "That weights the two values equally. Use the given probabilities, both for "
                "the mean of $X$ and for the mean of $\\varphi(X)$.",
            ),
        },
        hint=(
            f"Find $\\mathbb{{E}}[X]$ first; then average ${at(x1)}$ and ${at(x2)}$ "
            "with the same weights."
        ),
    )


# name: (LaTeX, shape, the function on floats); every X drawn lies in (0, 10)
_SHAPES = {
    "exp": ("e^{x}", "convex", math.exp),
    "square": ("x^2", "convex", lambda x: x * x),
    "reciprocal": ("\\frac{1}{x}", "convex", lambda x: 1 / x),
    "log": ("\\ln x", "concave", math.log),
    "sqrt": ("\\sqrt{x}", "concave", math.sqrt),
    "linear": ("3x + 2", "linear", lambda x: 3 * x + 2),
}
_RELATIONS = {
    "above": "$\\mathbb{E}[\\varphi(X)] > \\varphi(\\mathbb{E}[X])$",
    "below": "$\\mathbb{E}[\\varphi(X)] < \\varphi(\\mathbb{E}[X])$",
    "equal": "$\\mathbb{E}[\\varphi(X)] = \\varphi(\\mathbb{E}[X])$",
}
_RIGHT = {"convex": "above", "concave": "below", "linear": "equal"}
# for each shape, the misconception code of picking each wrong relation
_SLIPS = {
    "convex": {"below": "reversed_direction", "equal": "curvature_ignored"},
    "concave": {"above": "reversed_direction", "equal": "curvature_ignored"},
    "linear": {"above": "line_taken_as_convex", "below": "line_taken_as_concave"},
}


@family("jensen_direction")
def jensen_direction(rng: np.random.Generator) -> Variant:
    """Which way Jensen's inequality points for a convex, concave or linear phi."""
    name = pick(rng, tuple(_SHAPES))
    tex, shape, _ = _SHAPES[name]
    x1, x2, p = _two_point(rng, 1)
    right = _RIGHT[shape]
    choices = {"right": _RELATIONS[right]}
    choices |= {code: _RELATIONS[relation] for relation, code in _SLIPS[shape].items()}
    reason = {
        "convex": "it is convex (it curves upwards), so every chord lies above the graph and "
        "the average of $\\varphi$ exceeds $\\varphi$ of the average",
        "concave": "it is concave (it curves downwards), so every chord lies below the graph "
        "and the average of $\\varphi$ falls short of $\\varphi$ of the average",
        "linear": "it is a straight line, so averaging before or after applying it gives "
        "the same number",
    }[shape]
    return shuffled_choice_variant(
        rng,
        prompt=(
            f"$X$ is ${x1}$ with probability ${frac(p)}$ and ${x2}$ with probability "
            f"${frac(1 - p)}$. For $\\varphi(x) = {tex}$, which is true?"
        ),
        params={"function": name, "x1": x1, "x2": x2, "p": str(p)},
        choices=choices,
        solution=(
            f"$X$ is not constant, and $\\varphi(x) = {tex}$ on the values of $X$: {reason}."
        ),
        messages={
            "reversed_direction": (
                "That is the direction for the opposite curvature. Look at which way "
                "$\\varphi$ bends: the chord between two points of a convex graph lies above "
                "it, of a concave graph below it."
            ),
            "curvature_ignored": (
                "Equality needs $X$ constant or $\\varphi$ straight over the whole interval "
                "between the values of $X$. This $\\varphi$ curves there and $X$ takes two "
                "values; try the numbers."
            ),
            "line_taken_as_convex": (
                "This $\\varphi$ is a straight line, which bends neither way: the average "
                "of $3X + 2$ is $3$ times the average of $X$ plus $2$. Try the numbers."
            ),
            "line_taken_as_concave": (
                "This $\\varphi$ is a straight line, which bends neither way: the average "
                "of $3X + 2$ is $3$ times the average of $X$ plus $2$. Try the numbers."
            ),
        },
        hint=(
            f"Sketch $\\varphi(x) = {tex}$ from ${x1}$ to ${x2}$: does the chord between "
            "the two ends lie above the graph, below it, or on it?"
        ),
    )


# ------------------------------------------------------------------- variable-length codes

SYMBOLS = "ABCDEFGH"


def tree_lengths(rng: np.random.Generator, n: int) -> list[int]:
    """Codeword lengths of a complete binary code tree with ``n`` leaves, shortest first:
    start from the two leaves of a root and split a leaf drawn at random until there are
    ``n``."""
    lengths = [1, 1]
    while len(lengths) < n:
        leaf = int(rng.integers(len(lengths)))
        depth = lengths.pop(leaf)
        lengths += [depth + 1, depth + 1]
    return sorted(lengths)


def canonical_code(lengths: list[int]) -> list[str]:
    """The canonical prefix code for ``lengths`` (shortest first, Kraft sum at most 1):
    each codeword is the previous one plus one, shifted left to the new length."""
    words, code, previous = [], 0, lengths[0]
    for length in lengths:
        code <<= length - previous
        words.append(format(code, f"0{length}b"))
        code, previous = code + 1, length
    return words


def weighted_lengths(probabilities: list[Fraction], lengths: list[int]) -> str:
    """The average length as a sum in LaTeX: ``\\frac{1}{2} \\times 1 + ...``."""
    return " + ".join(
        f"{frac(p)} \\times {ell}" for p, ell in zip(probabilities, lengths, strict=True)
    )


def _code_table(words: list[str], probabilities: list[Fraction] | None = None) -> str:
    """A Markdown table of symbols, their codewords and (if given) their probabilities."""
    head = "| symbol | codeword |" + (" probability |" if probabilities else "")
    rule = "| --- | --- |" + (" --- |" if probabilities else "")
    rows = [
        f"| {SYMBOLS[i]} | `{w}` |" + (f" ${frac(probabilities[i])}$ |" if probabilities else "")
        for i, w in enumerate(words)
    ]
    return "\n".join([head, rule, *rows])


@family("variable_length_saving")
def variable_length_saving(rng: np.random.Generator) -> Variant:
    """Bits per symbol a variable-length code saves over the fixed-length code:
    ceil(log2 n) - sum p(x) l(x)."""
    while True:  # whole-number weights, the more frequent on the shorter codewords
        n = draw(rng, 3, 6)
        lengths = tree_lengths(rng, n)
        total = pick(rng, (10, 20))
        cuts = sorted(int(c) for c in rng.choice(np.arange(1, total), n - 1, replace=False))
        weights = sorted(np.diff([0, *cuts, total]).tolist(), reverse=True)
        probabilities = [Fraction(w, total) for w in weights]
        average = sum(p * ell for p, ell in zip(probabilities, lengths, strict=True))
        fixed = math.ceil(math.log2(n))
        if average < fixed:
            break
    words = canonical_code(lengths)
    value = fixed - average
    plain = Fraction(sum(lengths), n)
    terms = weighted_lengths(probabilities, lengths)
    return exact_variant(
        prompt=(
            f"A source emits {n} symbols with these probabilities and codewords:\n\n"
            f"{_code_table(words, probabilities)}\n\n"
            "How many bits per symbol, on average, does this code save compared with a "
            f"fixed-length binary code for the {n} symbols? {EXACT}"
        ),
        params={"lengths": lengths, "weights": weights, "total": total},
        value=value,
        solution=(
            f"A fixed-length code for {n} symbols needs $\\lceil \\log_2 {n} \\rceil = {fixed}$ "
            f"bits, since $2^{{{fixed}}} = {2**fixed} \\ge {n}$. The variable-length code "
            f"averages $L = {terms} = {frac(average)}$ bits. The saving is "
            f"${fixed} - {frac(average)} = {frac(value)}$ {plural(value, 'bit')} per symbol."
        ),
        mistakes={
            "unweighted_lengths": (
                fixed - plain,
                "That uses the plain average of the codeword lengths. Symbols are not "
                "equally frequent: weight each length by its symbol's probability.",
            ),
            "average_for_saving": (
                average,
                "That is the code's average length. The question asks how much shorter it is "
                "than the fixed-length code: subtract it from the fixed length.",
            ),
        },
        hint=(
            f"Find the fixed length for {n} symbols, then the average "
            "$\\sum_x p(x)\\,\\ell(x)$ of this code."
        ),
    )


def parsings(bits: str, words: dict[str, str]) -> list[list[str]]:
    """Every way to split ``bits`` into codewords (symbol → codeword), as symbol lists."""
    if not bits:
        return [[]]
    found = []
    for symbol, word in words.items():
        if bits.startswith(word):
            found += [[symbol, *rest] for rest in parsings(bits[len(word) :], words)]
    return found


# small codes whose codewords differ but that are not uniquely decodable
_AMBIGUOUS = (
    ("0", "01", "10"),
    ("1", "10", "01"),
    ("0", "10", "01", "11"),
    ("1", "01", "10", "00"),
    ("0", "1", "01"),
    ("0", "01", "001", "1"),
    ("00", "0", "1", "10"),
)


@family("ambiguous_code_parsings")
def ambiguous_code_parsings(rng: np.random.Generator) -> Variant:
    """How many ways a bit string splits into the codewords of a code that is not uniquely
    decodable (counted by trying every first codeword, then the rest)."""
    while True:
        code = pick(rng, _AMBIGUOUS)
        words = {SYMBOLS[i]: w for i, w in enumerate(code)}
        message = [pick(rng, tuple(words)) for _ in range(draw(rng, 3, 4))]
        bits = "".join(words[s] for s in message)
        ways = parsings(bits, words)
        if 2 <= len(ways) <= 8 and len(bits) <= 7:
            break
    listed = "; ".join(
        "$" + " \\mid ".join(words[s] for s in way) + "$ (" + "".join(way) + ")" for way in ways
    )
    return integer_variant(
        prompt=(
            f"A code has codewords {', '.join(f'{s} = `{w}`' for s, w in words.items())}. "
            f"In how many different ways can the bit string `{bits}` be split into "
            "codewords, that is, read as a message? Give a whole number."
        ),
        params={"code": list(code), "bits": bits},
        value=len(ways),
        solution=(
            f"Try each codeword that the string starts with, then split the rest the same "
            f"way. The splittings are: {listed}. That is {len(ways)} ways, so this code is "
            "not uniquely decodable."
        ),
        mistakes={
            "assumed_unique": (
                1,
                "Different codewords do not guarantee a single reading. After each codeword "
                "you could have cut, try every codeword that fits the bits that follow.",
            ),
        },
        hint=(
            "List the codewords the string could begin with, and for each one split the "
            "bits that remain in every possible way."
        ),
    )


# --------------------------------------------------------------------------- prefix codes


def kraft_sum(lengths: list[int]) -> Fraction:
    """The Kraft sum of codeword ``lengths``: the share of the code tree they use up."""
    return sum((Fraction(1, 2**ell) for ell in lengths), Fraction(0))


def is_prefix_free(words: list[str]) -> bool:
    """Whether no codeword of ``words`` is the beginning of another."""
    return not any(a != b and b.startswith(a) for a in words for b in words)


@family("free_codewords_of_a_length")
def free_codewords_of_a_length(rng: np.random.Generator) -> Variant:
    """How many codewords of length L a prefix code can still take: the 2^L strings of that
    length, less those that begin with a codeword, which is 2^L (1 - Kraft sum)."""
    while True:
        lengths = tree_lengths(rng, draw(rng, 4, 6))
        kept = sorted(int(i) for i in rng.choice(len(lengths), draw(rng, 2, 3), replace=False))
        words = [canonical_code(lengths)[i] for i in kept]
        size = max(len(w) for w in words) + draw(rng, 0, 1)
        used = kraft_sum([len(w) for w in words])
        value = int(2**size * (1 - used))
        if value > 0 and size <= 5:
            break
    blocked = [2 ** (size - len(w)) for w in words]
    listed = ", ".join(f"`{w}`" for w in words)
    return integer_variant(
        prompt=(
            f"A prefix code so far has the codewords {listed}. How many codewords of length "
            f"{size} can still be added, all at once, so that it stays a prefix code? {WHOLE}"
        ),
        params={"words": words, "size": size},
        value=value,
        solution=(
            f"There are $2^{{{size}}} = {2**size}$ strings of length {size}. A new codeword "
            "may not begin with an existing one: "
            + ", ".join(f"`{w}` begins ${2 ** (size - len(w))}$ of them" for w in words)
            + f". That leaves ${2**size} - {' - '.join(map(str, blocked))} = {value}$, and "
            "strings of the same length never begin one another, so all of them can be "
            f"added: {value} {plural(value, 'codeword')}."
        ),
        mistakes={
            "prefix_rule_ignored": (
                2**size,
                "Not every string of that length may be used: one that begins with an "
                "existing codeword would make that codeword its prefix.",
            ),
            "only_the_codewords_removed": (
                2**size - len(words),
                "A codeword shorter than the new length blocks more than one string: every "
                "string that begins with it. Count those for each codeword.",
            ),
        },
        hint=f"Count the strings of length {size}, then how many begin with each codeword.",
    )


@family("which_code_is_prefix_free")
def which_code_is_prefix_free(rng: np.random.Generator) -> Variant:
    """Pick the prefix code among codes whose lengths all pass the Kraft inequality."""
    while True:
        lengths = tree_lengths(rng, draw(rng, 4, 5))
        words = canonical_code(lengths)
        flip = [w.translate(str.maketrans("01", "10")) for w in words]
        base = flip if rng.integers(2) else words
        reversed_words = [w[::-1] for w in base]
        short = min(range(len(base)), key=lambda i: len(base[i]))
        long = max(range(len(base)), key=lambda i: len(base[i]))
        tail = base[long][len(base[short]) :]
        clash = [*base]
        clash[long] = base[short] + tail[::-1] if tail[::-1] != tail else base[short] + tail
        codes = [base, reversed_words, clash]
        if (
            not is_prefix_free(reversed_words)
            and not is_prefix_free(clash)
            and len({tuple(sorted(c)) for c in codes}) == 3
            and len(set(clash)) == len(clash)
        ):
            break
    order = [int(i) for i in rng.permutation(len(base))]

    def listed(code: list[str]) -> str:
        return ", ".join(f"`{code[i]}`" for i in order)

    a, b = next(
        (a, b) for a in reversed_words for b in reversed_words if a != b and b.startswith(a)
    )
    c, d = base[short], clash[long]
    return shuffled_choice_variant(
        rng,
        prompt=(
            "The codewords of each code below have lengths that pass the Kraft inequality. "
            "Which one is a prefix code?"
        ),
        params={"code": base, "reversed": reversed_words, "clash": clash},
        choices={
            "right": listed(base),
            "suffix_code_taken_for_prefix": listed(reversed_words),
            "lengths_taken_as_proof": listed(clash),
        },
        solution=(
            f"Compare each codeword with the start of every longer one. In the code "
            f"{listed(reversed_words)}, `{a}` begins `{b}`; in the code {listed(clash)}, "
            f"`{c}` begins `{d}`. In the code {listed(base)} no codeword begins another."
        ),
        messages={
            "suffix_code_taken_for_prefix": (
                "In that code one codeword is the beginning of another. Here no codeword "
                "ends another, so it can still be decoded, but only by waiting for later "
                "bits: it is not a prefix code."
            ),
            "lengths_taken_as_proof": (
                "In that code a short codeword is the beginning of a longer one. Lengths "
                "that pass the Kraft inequality only promise that some prefix code has them; "
                "check the codewords themselves."
            ),
        },
        hint="For each code, take each codeword and ask whether a longer codeword starts with it.",
    )


# ------------------------------------------------------------------ source coding theorem


def _source(rng: np.random.Generator, n: int, total: int = 20) -> list[Fraction]:
    """``n`` probabilities with denominator ``total``, largest first, none zero."""
    cuts = sorted(int(c) for c in rng.choice(np.arange(1, total), n - 1, replace=False))
    weights = sorted(np.diff([0, *cuts, total]).tolist(), reverse=True)
    return [Fraction(w, total) for w in weights]


def entropy_bits(probabilities: list[Fraction]) -> float:
    """H(P) in bits, by the KL engine."""
    return float(kl_engine.entropy([float(p) for p in probabilities]))


def shannon_length(p: Fraction) -> int:
    """ceil(-log2 p), exactly: the fewest bits l with 2^-l <= p."""
    length = 0
    while Fraction(1, 2**length) > p:
        length += 1
    return length


@family("shannon_code_average_length")
def shannon_code_average_length(rng: np.random.Generator) -> Variant:
    """The average length of the Shannon code, lengths ceil(-log2 p): H <= L < H + 1."""
    while True:
        probabilities = _source(rng, draw(rng, 3, 5))
        lengths = [shannon_length(p) for p in probabilities]
        floors = [
            ell - 1 if Fraction(1, 2**ell) != p else ell
            for ell, p in zip(lengths, probabilities, strict=True)
        ]
        value = float(sum(p * ell for p, ell in zip(probabilities, lengths, strict=True)))
        entropy = entropy_bits(probabilities)
        mistakes = {
            "entropy_for_length": (
                entropy,
                "That is the entropy, the average of $-\\log_2 p(x)$ itself. Codewords have "
                "whole numbers of bits: round each $-\\log_2 p(x)$ up before averaging.",
            ),
            "rounded_down": (
                float(sum(p * ell for p, ell in zip(probabilities, floors, strict=True))),
                "Rounding $-\\log_2 p(x)$ down makes codewords too short to fit in a prefix "
                "code (their Kraft sum passes 1). Round each one up.",
            ),
        }
        if apart(value, mistakes, DEFAULT_REL_TOL):
            break
    rows = "\n".join(
        f"| {SYMBOLS[i]} | ${frac(p)}$ | ${-math.log2(p):.3f}$ | ${ell}$ |"
        for i, (p, ell) in enumerate(zip(probabilities, lengths, strict=True))
    )
    terms = weighted_lengths(probabilities, lengths)
    listed = ", ".join(f"${frac(p)}$" for p in probabilities)
    return number_variant(
        prompt=(
            f"A source emits {len(probabilities)} symbols with probabilities {listed}. The "
            "Shannon code gives each symbol $x$ a codeword of $\\lceil -\\log_2 p(x) \\rceil$ "
            f"bits. What is its average length in bits per symbol? {SIG3}"
        ),
        params={"weights": [int(p * 20) for p in probabilities]},
        value=value,
        unit="bits",
        solution=(
            "Round each surprisal up to a whole number of bits:\n\n"
            "| symbol | $p(x)$ | $-\\log_2 p(x)$ | length |\n| --- | --- | --- | --- |\n"
            f"{rows}\n\n"
            f"The average is $L = {terms} = {value:.4g}$ bits. The entropy is "
            f"$H \\approx {entropy:.3f}$ bits, and as the theorem promises "
            f"$H \\le L < H + 1$."
        ),
        mistakes=mistakes,
        hint=(
            "Find $-\\log_2 p(x)$ for each symbol and round it up; then weight the lengths "
            "by the probabilities."
        ),
    )


@family("mismatched_code_extra_bits")
def mismatched_code_extra_bits(rng: np.random.Generator) -> Variant:
    """A code built for Q (lengths -log2 q) used on a source P spends
    L - H(P) = D(P || Q) extra bits per symbol."""
    while True:
        n = draw(rng, 3, 5)
        lengths = tree_lengths(rng, n)
        order = [int(i) for i in rng.permutation(n)]
        lengths = [lengths[i] for i in order]
        words = canonical_code(sorted(lengths))
        by_length = {}
        for w in words:
            by_length.setdefault(len(w), []).append(w)
        code = [by_length[ell].pop(0) for ell in lengths]
        probabilities = _source(rng, n)
        p = np.array([float(x) for x in probabilities])
        q = np.array([2.0**-ell for ell in lengths])
        average = float(sum(x * ell for x, ell in zip(probabilities, lengths, strict=True)))
        entropy = entropy_bits(probabilities)
        value = float(kl_engine.kl_divergence(p, q))
        mistakes = {
            "average_length_for_excess": (
                average,
                "That is the code's whole average length. The extra bits are what it spends "
                "beyond the entropy of the source: subtract the entropy.",
            ),
            "divergence_reversed": (
                float(kl_engine.kl_divergence(q, p)),
                "That weights the log-ratios by the code's distribution $q(x) = 2^{-\\ell(x)}$. "
                "The symbols arrive with the source's probabilities, so average under $p$: "
                "$D_{\\mathrm{KL}}(P\\|Q)$.",
            ),
        }
        if value <= 0.1:  # a code (nearly) ideal for this source: no excess to ask about
            continue
        # the entropy's terms rounded, then the entropy itself: up to 1 % of it
        rel_tol = rounded_tol(value, entropy, entropy)
        if apart(value, mistakes, rel_tol):
            break
    rows = "\n".join(
        f"| {SYMBOLS[i]} | ${frac(x)}$ | `{w}` |"
        for i, (x, w) in enumerate(zip(probabilities, code, strict=True))
    )
    terms = weighted_lengths(probabilities, lengths)
    return number_variant(
        prompt=(
            "A prefix code was designed for one source and is now used on another, whose "
            "probabilities are given:\n\n| symbol | probability | codeword |\n| --- | --- | --- |\n"
            f"{rows}\n\n"
            "How many bits per symbol does the code spend, on average, beyond the entropy of "
            f"this source? {SIG3}"
        ),
        params={"weights": [int(x * 20) for x in probabilities], "lengths": lengths},
        value=value,
        unit="bits",
        rel_tol=rel_tol,
        solution=(
            f"The average length is $L = {terms} = {average:.4g}$ bits. The entropy of the "
            f"source is $H(P) \\approx {entropy:.4f}$ bits. The excess is "
            f"$L - H(P) \\approx {value:.4f}$ bits per symbol: it is "
            "$D_{\\mathrm{KL}}(P\\|Q)$ for the distribution $q(x) = 2^{-\\ell(x)}$ the code "
            "is ideal for."
        ),
        mistakes=mistakes,
        hint=(
            "Work out the code's average length on this source and the source's entropy; "
            "the excess is their difference."
        ),
    )
