"""Question families for inference and learning (graduate): variational inference, the
evidence lower bound, KL-regularised policy optimisation, Sanov's theorem, the EM
algorithm, variational autoencoders and generative adversarial networks.

Every number comes from :mod:`practice.kl_engine` or NumPy; each named mistake is the
value that mistake gives for the variant's own numbers. Every prompt says the precision
expected, and the tolerance (``rel_tol``) of each family is chosen so that a student who
rounds every intermediate step of the worked solution to 3 significant figures is still
marked right (``tests/practice/test_families_inference.py`` follows that student), while
the variant is redrawn unless every named mistake lies well outside it.
"""

from __future__ import annotations

import math
from dataclasses import replace
from itertools import combinations

import numpy as np

from practice import kl_engine as kl
from practice.families import family, number_variant, pick
from practice.questions import Variant

E = math.e
SIG3 = "to 3 significant figures"


def _apart(*values: float, gap: float = 0.04) -> bool:
    """Whether every two of ``values`` differ by more than ``gap`` (relative), so that an
    answer within a family's tolerance is near at most one of them."""
    return all(
        not math.isclose(x, y, rel_tol=gap, abs_tol=1e-3) for x, y in combinations(values, 2)
    )


def _hinted(variant: Variant, hint: str) -> Variant:
    return replace(variant, hint=hint)


# ------------------------------------------------------------------ variational inference

RHOS = tuple(round(0.05 * k, 2) for k in range(6, 20))  # 0.3 to 0.95
SDS = (0.5, 1.5, 2, 2.5, 3, 4)


def _posterior(rng: np.random.Generator) -> tuple[float, float, float, np.ndarray]:
    """Standard deviations, a correlation (either sign) and the covariance of a
    two-dimensional Gaussian posterior."""
    s1, s2 = pick(rng, SDS), pick(rng, SDS)
    rho = pick(rng, RHOS) * pick(rng, (1, -1))
    cov = np.array([[s1 * s1, rho * s1 * s2], [rho * s1 * s2, s2 * s2]])
    return s1, s2, rho, cov


def _posterior_text(s1: float, s2: float, rho: float) -> str:
    return (
        "A posterior over two hidden quantities $(z_1, z_2)$ is Gaussian, with standard "
        f"deviations $\\sigma_1 = {s1:g}$ and $\\sigma_2 = {s2:g}$ and correlation "
        f"$\\rho = {rho:g}$. Mean-field variational inference fits "
        "$q(z) = q_1(z_1)\\,q_2(z_2)$ by minimising $D_{\\mathrm{KL}}(q\\,\\|\\,p(z \\mid x))$."
    )


@family("vi_mean_field_width")
def vi_mean_field_width(rng: np.random.Generator) -> Variant:
    """The standard deviation of the best mean-field factor: one over the square root of
    the posterior's precision, the conditional width, not the marginal one."""
    while True:
        s1, s2, rho, cov = _posterior(rng)
        precision = np.linalg.inv(cov)
        value = 1 / math.sqrt(precision[0, 0])
        shrink = 1 - rho * rho
        slips = (s1, s1 * shrink, s1 * s1 * shrink, s2 * math.sqrt(shrink))
        if s1 != s2 and _apart(value, *slips):
            break
    mistakes = {
        "used_the_marginal_width": (
            s1,
            "That is the marginal standard deviation, what the forward divergence "
            "D(p || q) would give. The reverse divergence punishes q for mass where the "
            "posterior has little, so each factor takes the width along a line with the "
            "other coordinate held fixed.",
        ),
        "forgot_the_square_root": (
            s1 * shrink,
            "You multiplied the standard deviation by 1 - rho squared itself. It is the "
            "variance that shrinks by that factor; the standard deviation shrinks by its "
            "square root.",
        ),
        "gave_the_variance": (
            s1 * s1 * shrink,
            "That is the variance of the factor. The question asks for its standard "
            "deviation, the square root.",
        ),
        "used_the_other_coordinate": (
            s2 * math.sqrt(shrink),
            "That is the width of the factor for z2. The factor for z1 scales the standard "
            "deviation of z1.",
        ),
    }
    prompt = (
        f"{_posterior_text(s1, s2, rho)} What is the standard deviation of the fitted "
        f"factor $q_1$? Give it {SIG3}."
    )
    solution = (
        "The best factor $q_1$ is Gaussian with variance one over the posterior's precision "
        "$\\Lambda_{11}$, the first diagonal entry of $\\Sigma^{-1}$: "
        f"$\\Lambda_{{11}} = \\frac{{1}}{{\\sigma_1^2 (1 - \\rho^2)}} = "
        f"\\frac{{1}}{{{s1:g}^2 \\times {shrink:g}}} \\approx {precision[0, 0]:.4g}$. So the "
        "standard deviation is "
        f"$\\sigma_1\\sqrt{{1 - \\rho^2}} = {s1:g} \\times \\sqrt{{{shrink:g}}} \\approx "
        f"{value:.4f}$, or {value:#.3g} {SIG3}: narrower than the marginal ${s1:g}$, "
        "because the reverse divergence fits the width along a line, not the spread."
    )
    variant = number_variant(
        prompt=prompt,
        params={"sigma_1": s1, "sigma_2": s2, "rho": rho},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=0.01,
    )
    return _hinted(
        variant,
        "Reverse KL with a factorised q: each factor's precision is the matching diagonal "
        "entry of the posterior's precision matrix.",
    )


@family("vi_mean_field_divergence")
def vi_mean_field_divergence(rng: np.random.Generator) -> Variant:
    """The reverse KL the best mean-field Gaussian leaves, -1/2 ln(1 - rho^2) nats: it
    depends on the correlation alone."""
    while True:
        s1, s2, rho, cov = _posterior(rng)
        widths = 1 / np.diag(np.linalg.inv(cov))  # the fitted factors' variances
        zero = np.zeros(2)
        value = kl.multivariate_gaussian_kl(zero, np.diag(widths), zero, cov, base=E)
        marginal = kl.multivariate_gaussian_kl(zero, np.diag(np.diag(cov)), zero, cov, base=E)
        if _apart(value, value / math.log(2), 2 * value, marginal):
            break
    shrink = 1 - rho * rho
    mistakes = {
        "used_bits": (
            value / math.log(2),
            "That is the divergence in bits. The question asks for nats: use natural logarithms.",
        ),
        "dropped_the_half": (
            2 * value,
            "You left out the factor one half in front of the Gaussian divergence's log "
            "of the determinant ratio.",
        ),
        "used_the_marginal_widths": (
            marginal,
            "That is the reverse divergence of the factors with the marginal widths. The "
            "best reverse-KL factors are narrower: each has the conditional variance, one "
            "over a diagonal entry of the precision matrix.",
        ),
    }
    prompt = (
        f"{_posterior_text(s1, s2, rho)} How large is $D_{{\\mathrm{{KL}}}}(q\\,\\|\\,"
        f"p(z \\mid x))$ for the best such $q$? Give it in nats {SIG3}."
    )
    solution = (
        "The best factors are centred on the posterior mean with the conditional variances "
        "$\\sigma_j^2(1 - \\rho^2)$. In the Gaussian divergence the trace term then equals "
        "the dimension, 2, and cancels the $-2$, leaving half the log of the determinant "
        "ratio: $\\frac{1}{2}\\ln\\frac{\\sigma_1^2\\sigma_2^2(1 - \\rho^2)}"
        "{\\sigma_1^2(1 - \\rho^2)\\,\\sigma_2^2(1 - \\rho^2)} = -\\frac{1}{2}\\ln(1 - \\rho^2)$. "
        f"With $1 - \\rho^2 = {shrink:g}$ that is "
        f"$-\\frac{{1}}{{2}}\\ln {shrink:g} \\approx {value:.4f}$ nats, or {value:#.3g} {SIG3}. "
        "The standard deviations cancel: only the correlation, which a factorised $q$ "
        "cannot express, costs anything."
    )
    variant = number_variant(
        prompt=prompt,
        params={"sigma_1": s1, "sigma_2": s2, "rho": rho},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=0.01,
    )
    return _hinted(
        variant,
        "Put the fitted factors (variances one over the precision's diagonal) into the "
        "divergence between two Gaussians; the trace term is 2.",
    )
