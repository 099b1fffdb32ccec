"""The lessons of band 16 (densities, continuous random variables, the Gaussian, Jensen's
inequality and codes): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula, computed here from the example's inputs (densities
integrated numerically as well as in closed form), and the tests below recompute the facts
the lessons state in words.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from practice import kl_engine as ke
from tests.lessons.checker import Claim, claim, lesson, lesson_problems, shape_problems, squash
from tests.lessons.test_lesson_plots import shown

NARROW_SIGMA = 0.2  # probability-density-functions: a Gaussian taller than 1
RATE, WAIT = 2.0, (0.5, 1.0)  # the exponential waiting time, and the interval asked about


def area(f, a: float, b: float, n: int = 200_000) -> float:
    """The integral of ``f`` from ``a`` to ``b`` by the midpoint rule."""
    width = (b - a) / n
    xs = a + width * (np.arange(n) + 0.5)
    return float(np.sum(f(xs)) * width)


def exponential(x):
    return RATE * np.exp(-RATE * x)


def density_claims() -> list[Claim]:
    lo, hi = WAIT
    peak = float(ke.gaussian_pdf(0.0, 0.0, NARROW_SIGMA))
    return [
        claim(
            "The Gaussian with $\\sigma = «g»$ peaks at"
            " $\\frac{1}{«g»\\sqrt{2\\pi}} \\approx «.3f»$",
            [NARROW_SIGMA, NARROW_SIGMA, peak],
        ),
        claim("$e^{-1} - e^{-2} \\approx «.3f»$", [area(exponential, lo, hi)]),
        claim("$e^{-2} \\approx «.3f»$", [area(exponential, hi, 40.0)]),
    ]


CLAIMS = {
    "probability-density-functions": density_claims,
}
LESSONS = tuple(CLAIMS)

PLOT_LINES = {
    "probability-density-functions": lambda: [
        f"[[plot:normal mu=0 sigma={NARROW_SIGMA:g} curve=density shade=between "
        f"a={-NARROW_SIGMA:g} b={NARROW_SIGMA:g}]]"
    ],
}


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed_and_it_has_a_lessons_shape(slug):
    text = lesson(slug)
    assert lesson_problems(text, CLAIMS[slug]()) == []
    assert shape_problems(text) == []


def test_density_examples_have_area_one_and_the_stated_probabilities():
    """The uniform density of height 4 on [0, 1/4], the exponential 2e^(-2x) and the
    try-it's x^2/9 on [0, 3] all have area 1; the narrow Gaussian is taller than 1 and holds
    about two thirds of its area within one sigma (as its plot says); P(X < 1) = 1/27."""
    text = squash(lesson("probability-density-functions"))
    assert math.isclose(area(lambda x: 4 + 0 * x, 0, 0.25), 1)
    assert math.isclose(area(exponential, 0, 40), 1, rel_tol=1e-6)
    assert exponential(0.0) == RATE > 1 and exponential(0.3) < exponential(0.1)
    assert math.isclose(area(lambda x: x * x / 9, 0, 3), 1, rel_tol=1e-9)
    assert math.isclose(area(lambda x: x * x / 9, 0, 1), 1 / 27, rel_tol=1e-9)
    assert Fraction(1, 9) * Fraction(1, 3) == Fraction(1, 27)
    # a larger rate starts higher and falls faster, and its area stays 1
    assert 3 * math.exp(-3 * 0.0) > RATE and 3 * math.exp(-3 * 1.0) < exponential(1.0)
    assert math.isclose(area(lambda x: 3 * np.exp(-3 * x), 0, 40), 1, rel_tol=1e-6)
    (line,) = PLOT_LINES["probability-density-functions"]()
    summary = squash(shown(line).summary)
    assert "(height 1.9947)" in summary and "= 0.6827" in summary, summary
    assert "about two thirds of its area lies within one $\\sigma$" in text
    for phrase in ("has height $4$", "$f(x) = 2e^{-2x}$", "Here $f(0) = 2$, above 1"):
        assert phrase in text
