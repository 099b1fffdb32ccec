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
from collections.abc import Callable
from functools import partial
from itertools import combinations

import numpy as np

from practice import kl_engine as kl
from practice.families import family, integer_variant, number_variant, pick, plural, signed
from practice.questions import Variant

E = math.e
SIG3 = "to 3 significant figures"


def _apart(*values: float, gap: float = 0.04) -> bool:
    """Whether every two of ``values`` differ by more than ``gap`` (relative), so that an
    answer within a family's tolerance is near at most one of them."""
    return all(
        not math.isclose(x, y, rel_tol=gap, abs_tol=1e-3) for x, y in combinations(values, 2)
    )


def _sig3(x: float) -> float:
    """``x`` rounded to 3 significant figures."""
    return float(f"{x:.3g}")


def _fair_tol(*routes: Callable[[Callable[[float], float]], float], floor: float = 0.01) -> float:
    """The tolerance that marks right a student who rounds every intermediate step to
    3 significant figures, along any of ``routes`` (ways of working the solution).

    ``route(rnd)`` computes the answer, passing each intermediate value through ``rnd``.
    The tolerance is that student's largest relative error over the routes, with a
    quarter more for safety, plus the 0.5% of rounding the final answer; never below
    ``floor``. An answer of zero has no relative tolerance: infinity, for a redraw."""
    exact = routes[0](float)
    if exact == 0:
        return math.inf
    worst = max(abs(route(_sig3) - exact) for route in routes)
    return max(floor, 1.25 * worst / abs(exact) + 0.005)


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
        tol = _fair_tol(lambda rnd, s1=s1, rho=rho: s1 * rnd(math.sqrt(rnd(1 - rho * rho))))
        if s1 != s2 and _apart(value, *slips, gap=3 * tol):
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
    return number_variant(
        prompt=prompt,
        params={"sigma_1": s1, "sigma_2": s2, "rho": rho},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Reverse KL with a factorised q: each factor's precision is the matching diagonal "
            "entry of the posterior's precision matrix."
        ),
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
        tol = _fair_tol(lambda rnd, rho=rho: -0.5 * rnd(math.log(rnd(1 - rho * rho))))
        if _apart(value, value / math.log(2), 2 * value, marginal, gap=3 * tol):
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
    return number_variant(
        prompt=prompt,
        params={"sigma_1": s1, "sigma_2": s2, "rho": rho},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Put the fitted factors (variances one over the precision's diagonal) into the "
            "divergence between two Gaussians; the trace term is 2."
        ),
    )


# --------------------------------------------------------------------- evidence lower bound

BITS = "Give it in bits (base-2 logarithms) to 3 significant figures."
NATS_FOR_BITS = (
    "That is the value in nats, from natural logarithms. The question asks for bits: use "
    "base-2 logarithms throughout."
)


def _two_state(rng: np.random.Generator) -> tuple[list[float], list[float], list[float]]:
    """A prior over z in {0, 1}, the likelihood of the observed x under each z, and a
    guess q (all in tenths), with q not the posterior."""
    while True:
        prior0, lik0, lik1, q0 = (int(rng.integers(1, 10)) / 10 for _ in range(4))
        evidence = prior0 * lik0 + (1 - prior0) * lik1
        if lik0 != lik1 and not math.isclose(q0, prior0 * lik0 / evidence, abs_tol=0.05):
            return [prior0, round(1 - prior0, 1)], [lik0, lik1], [q0, round(1 - q0, 1)]


def _two_state_text(prior, lik, q) -> str:
    return (
        f"A hidden $z$ is $0$ or $1$ with prior probabilities $({prior[0]:g}, {prior[1]:g})$, "
        f"and the observed $x$ has likelihood $p(x \\mid z = 0) = {lik[0]:g}$ and "
        f"$p(x \\mid z = 1) = {lik[1]:g}$. Take the approximation "
        f"$q = ({q[0]:g}, {q[1]:g})$ over $z$."
    )


def _log2_terms(weights, ratios) -> str:
    """``w1 log2 r1 + w2 log2 r2`` in LaTeX, each ratio to 4 significant figures."""
    return " + ".join(f"{w:g} \\log_2 {r:.4g}" for w, r in zip(weights, ratios, strict=True))


@family("elbo_two_state_bits")
def elbo_two_state_bits(rng: np.random.Generator) -> Variant:
    """ELBO(q) = E_q[log2 p(x | z)] - D(q || prior) for a two-state hidden variable."""
    while True:
        prior, lik, q = _two_state(rng)
        fit = float(np.dot(q, np.log2(lik)))
        penalty = kl.kl_divergence(q, prior)
        value = fit - penalty
        evidence = float(np.dot(prior, lik))
        slips = (fit, math.log2(evidence), value * math.log(2), fit + penalty)

        def parts(rnd, prior=prior, lik=lik, q=q):
            fit = sum(rnd(a * rnd(math.log2(b))) for a, b in zip(q, lik, strict=True))
            ratios = [rnd(a / b) for a, b in zip(q, prior, strict=True)]
            return fit - sum(rnd(a * rnd(math.log2(r))) for a, r in zip(q, ratios, strict=True))

        def joint(rnd, prior=prior, lik=lik, q=q):
            terms = zip(q, prior, lik, strict=True)
            return sum(rnd(a * rnd(math.log2(rnd(b * c / a)))) for a, b, c in terms)

        tol = _fair_tol(parts, joint)
        if penalty > 0.01 and tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "left_out_the_kl_to_the_prior": (
            fit,
            "That is only the expected log-likelihood. The ELBO also subtracts the "
            "divergence of q from the prior, the price of moving away from it.",
        ),
        "gave_the_evidence": (
            math.log2(evidence),
            "That is the log-evidence log p(x) itself, which the ELBO bounds from below. "
            "The two are equal only when q is the posterior, and this q is not.",
        ),
        "used_natural_logs": (value * math.log(2), NATS_FOR_BITS),
        "added_the_kl": (
            fit + penalty,
            "You added the divergence from the prior. It is subtracted: straying from the "
            "prior costs, so the bound goes down.",
        ),
    }
    prompt = (
        f"{_two_state_text(prior, lik, q)} Find the evidence lower bound "
        "$\\mathrm{ELBO}(q) = \\mathbb{E}_q[\\log_2 p(x \\mid z)] - "
        f"D_{{\\mathrm{{KL}}}}(q\\,\\|\\,p(z))$. {BITS}"
    )
    solution = (
        f"The expected log-likelihood is ${_log2_terms(q, lik)} \\approx {fit:.4f}$ bits. "
        "The divergence from the prior is "
        f"${_log2_terms(q, [a / b for a, b in zip(q, prior, strict=True)])} \\approx "
        f"{penalty:.4f}$ bits. So $\\mathrm{{ELBO}} \\approx {fit:.4f} - {penalty:.4f} = "
        f"{value:.4f}$ bits, or {value:#.3g} {SIG3}. It lies below "
        f"$\\log_2 p(x) = \\log_2 {evidence:g} \\approx {math.log2(evidence):.4f}$ bits, as "
        "a lower bound must."
    )
    return number_variant(
        prompt=prompt,
        params={"prior": prior, "likelihood": lik, "q": q},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Two parts: average $\\log_2 p(x \\mid z)$ under $q$, then subtract "
            "$\\sum_z q(z)\\log_2\\frac{q(z)}{p(z)}$."
        ),
    )


@family("elbo_gap_bits")
def elbo_gap_bits(rng: np.random.Generator) -> Variant:
    """The gap log p(x) - ELBO(q), which is D(q || p(z | x)): the posterior first."""
    while True:
        prior, lik, q = _two_state(rng)
        evidence = float(np.dot(prior, lik))
        post = [a * b / evidence for a, b in zip(prior, lik, strict=True)]
        value = kl.kl_divergence(q, post)
        slips = (kl.kl_divergence(q, prior), kl.kl_divergence(post, q), value * math.log(2))

        def ratios(rnd, post=post, q=q):
            quotients = [rnd(a / rnd(b)) for a, b in zip(q, post, strict=True)]
            return sum(rnd(a * rnd(math.log2(r))) for a, r in zip(q, quotients, strict=True))

        def logs(rnd, post=post, q=q):
            pairs = zip(q, post, strict=True)
            return sum(rnd(a * (rnd(math.log2(a)) - rnd(math.log2(rnd(b))))) for a, b in pairs)

        tol = _fair_tol(ratios, logs)
        if value > 0.05 and tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "measured_from_the_prior": (
            slips[0],
            "That is the divergence of q from the prior. The gap between the log-evidence "
            "and the ELBO is the divergence of q from the posterior: update the prior by "
            "the likelihood first.",
        ),
        "reversed_the_direction": (
            slips[1],
            "That is D(posterior || q), the divergence the other way round. The gap "
            "averages the log ratio under q, the approximation.",
        ),
        "used_natural_logs": (slips[2], NATS_FOR_BITS),
    }
    prompt = (
        f"{_two_state_text(prior, lik, q)} By how much does $\\mathrm{{ELBO}}(q)$ fall short "
        f"of $\\log_2 p(x)$? {BITS}"
    )
    solution = (
        "The gap is $D_{\\mathrm{KL}}(q\\,\\|\\,p(z \\mid x))$. The evidence is "
        f"$p(x) = {prior[0]:g} \\times {lik[0]:g} + {prior[1]:g} \\times {lik[1]:g} = "
        f"{evidence:g}$, so the posterior is $({post[0]:.4f}, {post[1]:.4f})$. Then "
        f"$D = {_log2_terms(q, [a / b for a, b in zip(q, post, strict=True)])} \\approx "
        f"{value:.4f}$ bits, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"prior": prior, "likelihood": lik, "q": q},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "$\\log p(x) = \\mathrm{ELBO}(q) + D_{\\mathrm{KL}}(q\\,\\|\\,p(z \\mid x))$: find the "
            "posterior by Bayes' rule, then the divergence of $q$ from it."
        ),
    )


@family("elbo_gap_after_model_change")
def elbo_gap_after_model_change(rng: np.random.Generator) -> Variant:
    """Raising the ELBO over the model need not shrink the gap: with q and the prior fixed,
    the change in D(q || posterior) is the change in log p(x) less the change in the ELBO."""
    while True:
        prior, lik, q = _two_state(rng)
        raised = round(lik[0] + int(rng.integers(1, 5)) / 10, 1)
        if raised >= 1:
            continue
        new = [raised, lik[1]]
        before, after = float(np.dot(prior, lik)), float(np.dot(prior, new))
        rise = q[0] * math.log2(raised / lik[0])  # the ELBO's change
        evidence = math.log2(after / before)
        value = evidence - rise
        slips = (-rise, evidence, rise, -value)

        def route(rnd, before=before, after=after, q0=q[0], old=lik[0], raised=raised):
            return rnd(math.log2(rnd(after / before))) - rnd(q0 * rnd(math.log2(rnd(raised / old))))

        tol = _fair_tol(route)
        if abs(value) > 0.03 and tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "gap_falls_by_the_elbo_rise": (
            slips[0],
            "You assumed the gap shrinks by as much as the ELBO rises. That holds when q "
            "changes and the model stays fixed; here the model changed, so log p(x) moved too.",
        ),
        "gave_the_evidence_change": (
            slips[1],
            "That is the change in log p(x) alone. The gap is log p(x) minus the ELBO: "
            "subtract the ELBO's change as well.",
        ),
        "gave_the_elbo_change": (
            slips[2],
            "That is how much the ELBO rose. The question asks how the gap between the "
            "log-evidence and the ELBO changed.",
        ),
        "flipped_the_sign": (
            slips[3],
            "The size is right but the direction is not: take the new gap minus the old one.",
        ),
    }
    prompt = (
        f"{_two_state_text(prior, lik, q)} A model update raises $p(x \\mid z = 0)$ from "
        f"${lik[0]:g}$ to ${raised:g}$, keeping the prior, $p(x \\mid z = 1)$ and $q$ as they "
        "are. By how much does the gap $\\log_2 p(x) - \\mathrm{ELBO}(q)$ change? Give the new "
        f"gap minus the old one (negative if it shrinks), in bits {SIG3}."
    )
    solution = (
        "With $q$ and the prior fixed, only $\\mathbb{E}_q[\\log_2 p(x \\mid z)]$ changes in the "
        f"ELBO: it rises by ${q[0]:g}\\log_2\\frac{{{raised:g}}}{{{lik[0]:g}}} \\approx "
        f"{rise:.4f}$ bits. The evidence goes from ${before:g}$ to ${after:g}$, so "
        f"$\\log_2 p(x)$ changes by $\\log_2\\frac{{{after:g}}}{{{before:g}}} \\approx "
        f"{evidence:.4f}$ bits. The gap changes by ${evidence:.4f} - {rise:.4f} \\approx "
        f"{value:.4f}$ bits, or {value:#.3g} {SIG3}: "
        + (
            "the bound rose and the gap grew, so $q$ is further from the new posterior."
            if value > 0
            else "the bound rose and the gap shrank, so $q$ is closer to the new posterior."
        )
    )
    return number_variant(
        prompt=prompt,
        params={"prior": prior, "likelihood": lik, "q": q, "raised": raised},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "The gap is $\\log_2 p(x) - \\mathrm{ELBO}(q)$: find how much each of the two "
            "changes, then subtract."
        ),
    )


# ------------------------------------------------------ KL-regularised policy optimisation

ACTIONS = ("left", "straight", "right")
BETAS = (0.5, 1, 2)


def _tenths(rng: np.random.Generator, size: int = 3) -> list[float]:
    """``size`` positive probabilities in tenths, summing to 1."""
    cuts = sorted(int(c) for c in rng.choice(np.arange(1, 10), size - 1, replace=False))
    return [int(x) / 10 for x in np.diff([0, *cuts, 10])]


def _bandit(rng: np.random.Generator) -> tuple[list[float], list[int], float]:
    """A reference policy over three actions, integer rewards (not all equal) and a beta."""
    while True:
        ref, reward = _tenths(rng), [int(r) for r in rng.integers(0, 4, 3)]
        if len(set(reward)) > 1:
            return ref, reward, pick(rng, BETAS)


def _bandit_text(ref, reward, beta) -> str:
    listed = ", ".join(
        f"{a} (reward ${r}$, reference probability ${p:g}$)"
        for a, r, p in zip(ACTIONS, reward, ref, strict=True)
    )
    return (
        f"A driving policy chooses one of three actions: {listed}. It maximises "
        "$\\mathbb{E}_{a \\sim \\pi}[r(a)] - \\beta\\, D_{\\mathrm{KL}}(\\pi\\,\\|\\,"
        f"\\pi_{{\\text{{ref}}}})$ with $\\beta = {beta:g}$."
    )


def _tilt(ref, reward, beta, rnd=float) -> tuple[list[float], float]:
    """The weights pi_ref(a) e^(r(a) / beta) and their sum Z, each step through ``rnd``."""
    weights = [rnd(p * rnd(math.exp(r / beta))) for p, r in zip(ref, reward, strict=True)]
    return weights, rnd(sum(weights))


def _tilt_table(ref, reward, beta) -> str:
    weights, z = _tilt(ref, reward, beta)
    rows = " + ".join(f"{p:g}\\,e^{{{r}/{beta:g}}}" for p, r in zip(ref, reward, strict=True))
    listed = " + ".join(f"{w:.4f}" for w in weights)
    return f"$Z = {rows} \\approx {listed} \\approx {z:.4f}$"


@family("kl_policy_optimal_probability")
def kl_policy_optimal_probability(rng: np.random.Generator) -> Variant:
    """pi*(a) = pi_ref(a) e^(r(a) / beta) / Z for one action."""
    while True:
        ref, reward, beta = _bandit(rng)
        k = int(rng.integers(3))
        weights, z = _tilt(ref, reward, beta)
        value = weights[k] / z
        plain = [math.exp(r / beta) for r in reward]
        times = [p * math.exp(beta * r) for p, r in zip(ref, reward, strict=True)]
        slips = (plain[k] / sum(plain), times[k] / sum(times), weights[k], ref[k])

        def route(rnd, ref=ref, reward=reward, beta=beta, k=k):
            weights, z = _tilt(ref, reward, beta, rnd)
            return weights[k] / z

        tol = _fair_tol(route)
        if tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "ignored_the_reference": (
            slips[0],
            "You tilted a uniform policy. The optimum reweights the reference policy: "
            "multiply each exponentiated reward by the action's reference probability.",
        ),
        "multiplied_by_beta": (
            slips[1],
            "You multiplied the reward by beta. The exponent is the reward divided by "
            "beta: a larger beta means a stronger leash, so a smaller tilt.",
        ),
        "forgot_to_normalise": (
            slips[2],
            "That is the action's weight before normalising. Divide by the sum of all "
            "three weights, so that the probabilities add up to 1.",
        ),
        "kept_the_reference": (
            slips[3],
            "That is the reference probability. The penalty keeps the policy near the "
            "reference but does not hold it there: the best policy tilts it towards reward.",
        ),
    }
    prompt = (
        f"{_bandit_text(ref, reward, beta)} What probability does the optimal policy give "
        f"to {ACTIONS[k]}? Give it {SIG3}."
    )
    solution = (
        "The optimum is $\\pi^*(a) = \\pi_{\\text{ref}}(a)\\,e^{r(a)/\\beta}/Z$. Here "
        f"{_tilt_table(ref, reward, beta)}, so $\\pi^*(\\text{{{ACTIONS[k]}}}) \\approx "
        f"\\frac{{{weights[k]:.4f}}}{{{z:.4f}}} \\approx {value:.4f}$, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"reference": ref, "reward": reward, "beta": beta, "action": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Weight each action by its reference probability times $e^{r(a)/\\beta}$, then "
            "divide by the total weight."
        ),
    )


@family("kl_policy_optimal_value")
def kl_policy_optimal_value(rng: np.random.Generator) -> Variant:
    """The best value of the penalised objective, beta ln Z, in the reward's units."""
    while True:
        ref, reward, beta = _bandit(rng)
        weights, z = _tilt(ref, reward, beta)
        value = beta * math.log(z)
        policy = np.array(weights) / z
        slips = (
            math.log(z),
            float(policy @ reward),
            beta * math.log(sum(math.exp(r / beta) for r in reward)),
        )

        def route(rnd, ref=ref, reward=reward, beta=beta):
            return beta * rnd(math.log(_tilt(ref, reward, beta, rnd)[1]))

        tol = _fair_tol(route)
        if tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "forgot_beta": (
            slips[0],
            "That is ln Z alone. The best value is beta times ln Z: the objective is "
            "measured in reward, and the divergence is charged at beta per nat.",
        ),
        "left_out_the_penalty": (
            slips[1],
            "That is the optimal policy's expected reward. The objective also subtracts "
            "beta times its divergence from the reference.",
        ),
        "dropped_the_reference_weights": (
            slips[2],
            "You summed the exponentiated rewards without the reference probabilities. "
            "Z weights each action by how likely the reference makes it.",
        ),
    }
    prompt = (
        f"{_bandit_text(ref, reward, beta)} What is the largest value the objective can "
        f"reach? Give it {SIG3}."
    )
    solution = (
        "The objective equals $\\beta\\ln Z - \\beta D_{\\mathrm{KL}}(\\pi\\,\\|\\,\\pi^*)$, so "
        "its maximum, at $\\pi = \\pi^*$, is $\\beta\\ln Z$. Here "
        f"{_tilt_table(ref, reward, beta)}, so the maximum is ${beta:g}\\ln {z:.4f} \\approx "
        f"{value:.4f}$, or {value:#.3g} {SIG3}: the expected reward "
        f"${slips[1]:.4f}$ less the penalty."
    )
    return number_variant(
        prompt=prompt,
        params={"reference": ref, "reward": reward, "beta": beta},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Find the normaliser $Z = \\sum_a \\pi_{\\text{ref}}(a)\\,e^{r(a)/\\beta}$ first.",
    )


@family("kl_policy_penalised_objective")
def kl_policy_penalised_objective(rng: np.random.Generator) -> Variant:
    """E_pi[r] - beta D(pi || pi_ref) for a given policy: the divergence from the policy."""
    while True:
        ref, reward, beta = _bandit(rng)
        policy = _tenths(rng)
        gain = float(np.dot(policy, reward))
        penalty = kl.kl_divergence(policy, ref, base=E)
        value = gain - penalty * beta
        slips = (
            gain - beta * kl.kl_divergence(ref, policy, base=E),
            gain - beta * penalty / math.log(2),
            gain + beta * penalty,
        )

        def route(rnd, policy=policy, ref=ref, beta=beta, gain=gain):
            terms = [rnd(p * rnd(math.log(rnd(p / q)))) for p, q in zip(policy, ref, strict=True)]
            return gain - beta * rnd(sum(terms))

        tol = _fair_tol(route)
        if (
            policy != ref
            and abs(value) > 0.1
            and tol <= 0.03
            and _apart(value, *slips, gap=3 * tol)
        ):
            break
    mistakes = {
        "reversed_the_direction": (
            slips[0],
            "You measured D(pi_ref || pi). The penalty averages the log ratio under the new "
            "policy pi: its own probabilities weight the terms.",
        ),
        "used_bits": (
            slips[1],
            "You took the divergence in bits. Rewards are charged per nat here: use "
            "natural logarithms.",
        ),
        "added_the_penalty": (
            slips[2],
            "You added the divergence. It is a cost: subtract beta times it from the "
            "expected reward.",
        ),
    }
    listed = ", ".join(f"${p:g}$ to {a}" for a, p in zip(ACTIONS, policy, strict=True))
    prompt = (
        f"{_bandit_text(ref, reward, beta)} A candidate policy gives probability {listed}. "
        f"What is its objective? Give it {SIG3}."
    )
    terms = " + ".join(
        f"{p:g}\\ln\\frac{{{p:g}}}{{{q:g}}}" for p, q in zip(policy, ref, strict=True)
    )
    solution = (
        f"Its expected reward is ${gain:g}$. Its divergence from the reference is "
        f"${terms} \\approx {penalty:.4f}$ nats, so the objective is "
        f"${gain:g} - {beta:g} \\times {penalty:.4f} \\approx {value:.4f}$, or {value:#.3g} "
        f"{SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"reference": ref, "reward": reward, "beta": beta, "policy": policy},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Expected reward under the candidate, then subtract $\\beta$ times "
            "$\\sum_a \\pi(a)\\ln\\frac{\\pi(a)}{\\pi_{\\text{ref}}(a)}$."
        ),
    )


# ------------------------------------------------------------------------- Sanov's theorem


def _rare_coin(rng: np.random.Generator) -> tuple[float, int, int, float]:
    """A coin's heads probability q, a number of tosses n and a count k whose frequency
    a = k / n lies at least 0.1 away from q, on either side."""
    while True:
        q = pick(rng, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8))
        n = pick(rng, (50, 100, 200))
        k = int(rng.integers(1, n))
        if 0.1 <= abs(k / n - q) <= 0.35:
            return q, n, k, k / n


def _coin_event(q: float, n: int, k: int, a: float) -> str:
    side = "at least" if a > q else "at most"
    return (
        f"A coin lands heads with probability ${q:g}$. It is tossed ${n}$ times, and we ask "
        f"how likely {side} ${k}$ heads are (a heads frequency {side} ${a:g}$)."
    )


def _bern_ratios(rnd, a: float, q: float) -> float:
    """D(Bern(a) || Bern(q)) in bits, term by term through the ratios, steps through rnd."""
    heads = rnd(a * rnd(math.log2(rnd(a / q))))
    return heads + rnd((1 - a) * rnd(math.log2(rnd((1 - a) / (1 - q)))))


def _bern_logs(rnd, a: float, q: float) -> float:
    """The same divergence from the logarithm of each probability apart."""
    heads = rnd(a * (rnd(math.log2(a)) - rnd(math.log2(q))))
    return heads + rnd((1 - a) * (rnd(math.log2(1 - a)) - rnd(math.log2(1 - q))))


@family("sanov_coin_exponent")
def sanov_coin_exponent(rng: np.random.Generator) -> Variant:
    """D* = D(Bern(a) || Bern(q)) in bits per toss: the closest frequency in the event."""
    while True:
        q, n, k, a = _rare_coin(rng)
        value = kl.bernoulli_kl(a, q)
        slips = (kl.bernoulli_kl(q, a), kl.bernoulli_kl(a, q, base=E), a * math.log2(a / q))

        tol = _fair_tol(partial(_bern_ratios, a=a, q=q), partial(_bern_logs, a=a, q=q))
        if tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "reversed_the_direction": (
            slips[0],
            "You measured D(Q || P*), from the coin to the frequency. Sanov's exponent "
            "averages under the frequency the rare sample shows: D(P* || Q).",
        ),
        "used_nats": (
            slips[1],
            "That is the exponent in nats. The estimate is written as a power of 2, so the "
            "exponent is in bits: use base-2 logarithms.",
        ),
        "only_the_heads_term": (
            slips[2],
            "You kept only the heads term. A frequency of heads fixes the frequency of "
            "tails too, and the divergence has a term for each.",
        ),
    }
    prompt = (
        f"{_coin_event(q, n, k, a)} Sanov's theorem estimates the probability as "
        "$2^{-n D^*}$. Find the exponent $D^*$ per toss. Give it in bits (base-2 "
        f"logarithms) {SIG3}."
    )
    solution = (
        f"Of all heads frequencies in the event, the one closest to ${q:g}$ in KL divergence "
        f"is the boundary, ${a:g}$. So $D^* = D_{{\\mathrm{{KL}}}}"
        f"(\\mathrm{{Bern}}({a:g})\\,\\|\\,\\mathrm{{Bern}}({q:g})) = {a:g}\\log_2\\frac{{{a:g}}}"
        f"{{{q:g}}} + {1 - a:g}\\log_2\\frac{{{1 - a:g}}}{{{1 - q:g}}} \\approx {value:.4f}$ "
        f"bits per toss, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"q": q, "n": n, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "The exponent is the smallest $D_{\\mathrm{KL}}(P\\,\\|\\,Q)$ over the event: take "
            "the frequency on its boundary as $P$ and the coin as $Q$."
        ),
    )


LOG2_10 = math.log2(10)


def _tosses(exponent_bits: float, digits: int, log2_10: float = LOG2_10) -> int:
    """The fewest tosses n with 2^(-n D) at most 10^(-digits)."""
    return math.ceil(digits * log2_10 / exponent_bits)


@family("sanov_tosses_needed")
def sanov_tosses_needed(rng: np.random.Generator) -> Variant:
    """How many tosses before Sanov's estimate of a rare frequency drops below 10^-m."""
    while True:
        q = pick(rng, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8))
        a = round(q + pick(rng, (-0.3, -0.2, -0.15, -0.1, 0.1, 0.15, 0.2, 0.3)), 2)
        digits = int(rng.integers(3, 10))
        if not 0.05 <= a <= 0.95:
            continue
        d = kl.bernoulli_kl(a, q)
        value = _tosses(d, digits)
        # a student's D* worked to 3 significant figures, by either route, with log2 10
        # exact or as 3.32, must give the same count
        rounded = (_sig3(d), _bern_ratios(_sig3, a, q), _bern_logs(_sig3, a, q))
        rough = {_tosses(r, digits, g) for r in rounded for g in (3.32, LOG2_10)}
        slips = (
            _tosses(kl.bernoulli_kl(q, a), digits),
            _tosses(kl.bernoulli_kl(a, q, base=E), digits),
            value - 1,
        )
        if rough == {value} and len({value, *slips}) == 4:
            break
    side = "at least" if a > q else "at most"
    mistakes = {
        "reversed_the_direction": (
            slips[0],
            "You used D(Q || P*), from the coin to the frequency. Sanov's exponent averages "
            "under the frequency the rare sample shows: D(P* || Q).",
        ),
        "used_nats_with_powers_of_2": (
            slips[1],
            "You put a divergence in nats into a power of 2. Either use bits with 2^(-nD), or "
            "nats with e^(-nD); mixing them changes the count.",
        ),
        "rounded_down": (
            slips[2],
            "With that many tosses the estimate is still above the threshold. The count "
            "must be rounded up, to the first whole number that gets below it.",
        ),
    }
    prompt = (
        f"A coin lands heads with probability ${q:g}$. Sanov's theorem estimates the "
        f"probability that $n$ tosses show a heads frequency {side} ${a:g}$ as "
        f"$2^{{-n D^*}}$. What is the smallest $n$ for which this estimate is at most "
        f"$10^{{-{digits}}}$? Give a whole number."
    )
    solution = (
        f"$D^* = D_{{\\mathrm{{KL}}}}(\\mathrm{{Bern}}({a:g})\\,\\|\\,\\mathrm{{Bern}}({q:g})) "
        f"\\approx {d:.4f}$ bits per toss. We need $2^{{-n D^*}} \\le 10^{{-{digits}}}$, that "
        f"is $n \\ge \\frac{{{digits}\\log_2 10}}{{D^*}} \\approx \\frac{{{digits * LOG2_10:.4f}}}"
        f"{{{d:.4f}}} \\approx {digits * LOG2_10 / d:.2f}$, so the smallest whole number is "
        f"${value}$."
    )
    return integer_variant(
        prompt=prompt,
        params={"q": q, "a": a, "digits": digits},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Take logarithms base 2 of $2^{-n D^*} \\le 10^{-m}$ and solve for $n$.",
    )


COLOURS = ("red", "green", "blue")


@family("sanov_conditional_shape")
def sanov_conditional_shape(rng: np.random.Generator) -> Variant:
    """Given a rare excess of one outcome, the others keep their proportions: the
    I-projection P*(b) = Q(b) (1 - t) / (1 - Q(a))."""
    while True:
        spinner = _tenths(rng)
        hot, other = (int(i) for i in rng.choice(3, 2, replace=False))
        t = round(spinner[hot] + pick(rng, (0.1, 0.15, 0.2, 0.25, 0.3)), 2)
        if t >= 0.9:
            continue
        rest = 1 - spinner[hot]
        value = spinner[other] * (1 - t) / rest
        slips = (spinner[other], (1 - t) / 2, spinner[other] - (t - spinner[hot]))

        def route(rnd, q=spinner[other], t=t, rest=rest):
            return rnd(q * (1 - t)) / rest

        tol = _fair_tol(route)
        if slips[2] > 0 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "kept_the_old_frequency": (
            slips[0],
            "That is the colour's chance on a single spin. Once the rare colour takes a "
            "larger share, the other two must fit into what is left, so their shares shrink.",
        ),
        "split_the_rest_equally": (
            slips[1],
            "You split what is left equally. The least unlikely way for the event to "
            "happen keeps the other colours in their usual proportion to each other.",
        ),
        "took_the_excess_from_one_colour": (
            slips[2],
            "You took all of the extra share from this one colour. The closest distribution "
            "in KL divergence scales both remaining colours down by the same factor.",
        ),
    }
    chances = ", ".join(f"{c} ${p:g}$" for c, p in zip(COLOURS, spinner, strict=True))
    prompt = (
        f"A spinner shows each colour with probability {chances}. It is spun a very large "
        f"number of times, and {COLOURS[hot]} comes up on at least a fraction ${t:g}$ of the "
        f"spins, a rare event. By the conditional limit theorem, what fraction of the spins "
        f"were almost certainly {COLOURS[other]}? Give it {SIG3}."
    )
    solution = (
        "Given the event, the frequencies are almost surely near the distribution in the event "
        f"closest to the spinner in KL divergence. It gives {COLOURS[hot]} exactly ${t:g}$ "
        "and, by the chain rule of KL divergence, leaves the other two in their usual "
        f"proportions, scaled to share ${1 - t:g}$: "
        f"${spinner[other]:g} \\times \\frac{{{1 - t:g}}}{{{rest:g}}} \\approx {value:.4f}$, "
        f"or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"spinner": spinner, "hot": hot, "other": other, "t": t},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            f"Write $D(P\\,\\|\\,Q)$ as the divergence of the {COLOURS[hot]} share plus the "
            "divergence of the other two colours' split, weighted; the second part can be "
            "made zero."
        ),
    )


# ---------------------------------------------------------- expectation-maximisation


def _mixture(rng: np.random.Generator) -> tuple[float, int, int, float, float]:
    """A two-component mixture in one dimension (weight of the first, the two means, the
    common standard deviation) and a point between or beside the means."""
    w1 = pick(rng, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8))
    mu1 = int(rng.integers(-3, 3))
    mu2 = mu1 + int(rng.integers(2, 5))
    sigma = pick(rng, (1, 1.5, 2))
    x = int(rng.integers(2 * mu1 - 2, 2 * mu2 + 3)) / 2
    return w1, mu1, mu2, sigma, x


@family("em_responsibility")
def em_responsibility(rng: np.random.Generator) -> Variant:
    """The E-step: the posterior probability that a point came from the first component."""
    while True:
        w1, mu1, mu2, sigma, x = _mixture(rng)
        w2 = round(1 - w1, 1)
        d1, d2 = kl.gaussian_pdf(x, mu1, sigma), kl.gaussian_pdf(x, mu2, sigma)
        value = w1 * d1 / (w1 * d1 + w2 * d2)
        slips = (d1 / (d1 + d2), 1 - value, w1 * d1, w1)

        def densities(rnd, w1=w1, w2=w2, d1=d1, d2=d2):
            a, b = rnd(w1 * rnd(d1)), rnd(w2 * rnd(d2))
            return a / rnd(a + b)

        def odds(rnd, w1=w1, w2=w2, x=x, mu1=mu1, mu2=mu2, sigma=sigma):
            exponent = rnd(((x - mu1) ** 2 - (x - mu2) ** 2) / (2 * sigma**2))
            return 1 / (1 + rnd(w2 / w1 * rnd(math.exp(exponent))))

        tol = _fair_tol(densities, odds)
        if 0.02 < value < 0.98 and tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "ignored_the_weights": (
            slips[0],
            "You compared the two densities alone. Each component's density is first "
            "multiplied by its mixing weight, its prior probability.",
        ),
        "gave_the_other_component": (
            slips[1],
            "That is the responsibility of the second component. The question asks how "
            "likely the first one is.",
        ),
        "forgot_to_normalise": (
            slips[2],
            "That is the weighted density of the first component, not a probability. "
            "Divide it by the sum of both weighted densities.",
        ),
        "gave_the_mixing_weight": (
            slips[3],
            "That is the first component's mixing weight, its probability before the point "
            "is seen. The point is evidence too: multiply each weight by its component's "
            "density at the point, then take the first one's share.",
        ),
    }
    prompt = (
        f"A mixture of two normal distributions with common standard deviation "
        f"$\\sigma = {sigma:g}$ has a first component with weight ${w1:g}$ and mean "
        f"${mu1}$ and a second with weight ${w2:g}$ and mean ${mu2}$. In the E-step of EM, "
        f"what is the responsibility of the first component for the point $x = {x:g}$, the "
        f"posterior probability that it came from there? Give it {SIG3}."
    )
    solution = (
        "Bayes' rule with the mixing weights as priors: "
        f"$r = \\frac{{{w1:g}\\,\\mathcal{{N}}({x:g}; {mu1}, {sigma:g}^2)}}"
        f"{{{w1:g}\\,\\mathcal{{N}}({x:g}; {mu1}, {sigma:g}^2) + "
        f"{w2:g}\\,\\mathcal{{N}}({x:g}; {mu2}, {sigma:g}^2)}}$. The densities are "
        f"$\\approx {d1:.5f}$ and $\\approx {d2:.5f}$, so "
        f"$r \\approx \\frac{{{w1 * d1:.5f}}}{{{w1 * d1:.5f} + {w2 * d2:.5f}}} \\approx "
        f"{value:.4f}$, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"w1": w1, "mu1": mu1, "mu2": mu2, "sigma": sigma, "x": x},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Weight each component's density at the point by its mixing weight, then take "
            "the first one's share of the total."
        ),
    )


COIN_BIASES = (0.2, 0.3, 0.4, 0.6, 0.7, 0.8)


@family("em_two_coins")
def em_two_coins(rng: np.random.Generator) -> Variant:
    """The E-step for a mixture of two coins: which coin tossed a set of heads and tails."""
    while True:
        theta_a, theta_b = (float(t) for t in rng.choice(COIN_BIASES, 2, replace=False))
        prior_a = pick(rng, (0.3, 0.4, 0.5, 0.6, 0.7))
        n = pick(rng, (5, 6, 8, 10))
        heads = int(rng.integers(0, n + 1))
        like_a = theta_a**heads * (1 - theta_a) ** (n - heads)
        like_b = theta_b**heads * (1 - theta_b) ** (n - heads)
        value = prior_a * like_a / (prior_a * like_a + (1 - prior_a) * like_b)
        only_heads = prior_a * theta_a**heads
        only_heads /= only_heads + (1 - prior_a) * theta_b**heads
        slips = (only_heads, like_a / (like_a + like_b), 1 - value, prior_a)

        def route(rnd, a=theta_a, b=theta_b, pa=prior_a, n=n, h=heads):
            wa = rnd(pa * rnd(rnd(a**h) * rnd((1 - a) ** (n - h))))
            wb = rnd((1 - pa) * rnd(rnd(b**h) * rnd((1 - b) ** (n - h))))
            return wa / rnd(wa + wb)

        tol = _fair_tol(route)
        if 0.03 < value < 0.97 and tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    prior_b = round(1 - prior_a, 1)
    mistakes = {
        "forgot_the_tails": (
            slips[0],
            "You used only the heads. The tails are evidence too: each one multiplies the "
            "likelihood by one minus the coin's heads probability.",
        ),
        "ignored_the_prior": (
            slips[1],
            "You compared the likelihoods alone. Each coin's likelihood is first weighted by "
            "how often that coin is picked.",
        ),
        "gave_coin_b": (
            slips[2],
            "That is the responsibility of coin B. The question asks about coin A.",
        ),
        "gave_the_prior": (
            slips[3],
            "That is how often coin A is picked, its probability before the tosses are seen. "
            "The tosses are evidence too: weight each coin's prior by how likely it makes "
            "these heads and tails, then take coin A's share.",
        ),
    }
    tails = n - heads
    prompt = (
        f"One of two coins is picked, coin A with probability ${prior_a:g}$ and coin B with "
        f"probability ${prior_b:g}$, and tossed ${n}$ times. Coin A lands heads with "
        f"probability ${theta_a:g}$ and coin B with ${theta_b:g}$. The tosses show ${heads}$ "
        f"{plural(heads, 'head')} and ${tails}$ {plural(tails, 'tail')}. In the E-step of EM, "
        f"what is the responsibility of coin A, the posterior probability that it was "
        f"tossed? Give it {SIG3}."
    )
    solution = (
        f"Weight each coin's likelihood by its prior: coin A gives ${prior_a:g} \\times "
        f"{theta_a:g}^{{{heads}}} \\times {1 - theta_a:g}^{{{tails}}} \\approx "
        f"{prior_a * like_a:.4g}$ and coin B ${prior_b:g} \\times {theta_b:g}^{{{heads}}} "
        f"\\times {1 - theta_b:g}^{{{tails}}} \\approx {prior_b * like_b:.4g}$ (the "
        "binomial coefficient is the same for both and cancels). Coin A's share is "
        f"$\\approx {value:.4f}$, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"theta_a": theta_a, "theta_b": theta_b, "prior_a": prior_a, "n": n, "heads": heads},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "For each coin multiply its prior by $\\theta^{\\text{heads}}"
            "(1 - \\theta)^{\\text{tails}}$, then take coin A's share of the total."
        ),
    )


@family("em_m_step_mean")
def em_m_step_mean(rng: np.random.Generator) -> Variant:
    """The M-step: a component's new mean, the responsibility-weighted average."""
    while True:
        xs = sorted(int(v) for v in rng.choice(np.arange(-4, 11), 4, replace=False))
        resp = sorted((int(v) / 100 for v in rng.integers(3, 98, 4)), reverse=True)
        total = sum(resp)
        value = float(np.dot(resp, xs)) / total
        other = [1 - r for r in resp]
        slips = (
            float(np.dot(resp, xs)) / len(xs),
            sum(xs) / len(xs),
            float(np.dot(other, xs)) / sum(other),
        )
        if abs(value) > 0.2 and _apart(value, *slips, gap=0.05):
            break
    mistakes = {
        "divided_by_the_count": (
            slips[0],
            "You divided by the number of points. Each point counts only as much as the "
            "component owns it: divide by the total responsibility instead.",
        ),
        "plain_average": (
            slips[1],
            "That is the plain average of all the points. The M-step weights each point by "
            "the component's responsibility for it.",
        ),
        "used_the_other_component": (
            slips[2],
            "That is the new mean of the other component, weighted by one minus each "
            "responsibility. Use the responsibilities given for the first component.",
        ),
    }
    table = " | ".join(f"${x}$" for x in xs)
    weights = " | ".join(f"${r:g}$" for r in resp)
    prompt = (
        "In a two-component Gaussian mixture, the E-step has given the first component these "
        f"responsibilities for four points:\n\n| $x$ | {table} |\n| --- | --- | --- | --- | --- |\n"
        f"| $r$ | {weights} |\n\nWhat is the first component's new mean after the M-step? "
        f"Give it {SIG3}."
    )
    products = " + ".join(f"{r:g} \\times {signed(x)}" for r, x in zip(resp, xs, strict=True))
    solution = (
        "The M-step mean is the responsibility-weighted average "
        "$\\mu_1 = \\frac{\\sum_i r_i x_i}{\\sum_i r_i}$. The numerator is "
        f"${products} = {float(np.dot(resp, xs)):g}$ and the denominator "
        f"${' + '.join(f'{r:g}' for r in resp)} = {total:g}$, so "
        f"$\\mu_1 = \\frac{{{float(np.dot(resp, xs)):g}}}{{{total:g}}} \\approx {value:.4f}$, "
        f"or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"x": xs, "r": resp},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Weight each point by its responsibility, and divide by the sum of the weights.",
    )


# ----------------------------------------------------------------- variational autoencoders

LATENT_MEANS = (-1.5, -1, -0.5, 0.5, 1, 1.5, 2)
LATENT_SDS = (0.2, 0.4, 0.5, 0.6, 0.8, 1.2, 1.5, 2)


@family("vae_kl_term")
def vae_kl_term(rng: np.random.Generator) -> Variant:
    """The encoder's divergence from the standard normal prior over two latent coordinates."""
    while True:
        mu = [pick(rng, LATENT_MEANS) for _ in range(2)]
        sd = [pick(rng, LATENT_SDS) for _ in range(2)]
        parts = [kl.gaussian_kl(m, s, 0.0, 1.0, base=E) for m, s in zip(mu, sd, strict=True)]
        value = sum(parts)
        slips = (
            sum(kl.gaussian_kl(0.0, 1.0, m, s, base=E) for m, s in zip(mu, sd, strict=True)),
            sum(0.5 * (m * m + s - 1 - math.log(s)) for m, s in zip(mu, sd, strict=True)),
            2 * value,
        )

        def route(rnd, mu=mu, sd=sd):
            return sum(
                rnd(0.5 * (rnd(m * m) + rnd(s * s) - 1 - rnd(2 * rnd(math.log(s)))))
                for m, s in zip(mu, sd, strict=True)
            )

        tol = _fair_tol(route)
        if tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "reversed_the_direction": (
            slips[0],
            "You measured the prior's divergence from the encoder, D(p || q). The ELBO's "
            "term averages under the encoder: D(q(z | x) || p(z)).",
        ),
        "used_sigma_for_the_variance": (
            slips[1],
            "You used the standard deviations where the formula has variances. Square each "
            "sigma, in the sigma-squared term and inside the logarithm.",
        ),
        "dropped_the_half": (
            slips[2],
            "You left out the factor one half in front of each coordinate's term.",
        ),
    }
    prompt = (
        "A variational autoencoder's encoder maps an input to "
        f"$q(z \\mid x) = \\mathcal{{N}}\\big(({mu[0]:g}, {mu[1]:g}),\\ "
        f"\\operatorname{{diag}}({sd[0]:g}^2, {sd[1]:g}^2)\\big)$ over a two-dimensional "
        "latent $z$ with prior $\\mathcal{N}(0, I)$. Find the KL term of its ELBO, "
        f"$D_{{\\mathrm{{KL}}}}(q(z \\mid x)\\,\\|\\,p(z))$, in nats {SIG3}."
    )
    terms = " + ".join(
        f"\\frac{{1}}{{2}}({signed(m)}^2 + {s:g}^2 - 1 - \\ln {s:g}^2)"
        for m, s in zip(mu, sd, strict=True)
    )
    solution = (
        "Per coordinate, $D = \\frac{1}{2}(\\mu^2 + \\sigma^2 - 1 - \\ln\\sigma^2)$, and the "
        f"coordinates add: ${terms} \\approx {parts[0]:.4f} + {parts[1]:.4f} = "
        f"{value:.4f}$ nats, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"mu": mu, "sigma": sd},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Against a standard normal each coordinate costs "
            "$\\frac{1}{2}(\\mu^2 + \\sigma^2 - 1 - \\ln\\sigma^2)$; add the two."
        ),
    )


@family("vae_reparameterised_sample")
def vae_reparameterised_sample(rng: np.random.Generator) -> Variant:
    """z = mu + exp(v / 2) eps, from an encoder that outputs the log-variance v."""
    while True:
        mu = pick(rng, LATENT_MEANS)
        log_var = int(rng.integers(-20, 11)) / 10
        eps = int(rng.integers(-20, 21)) / 10
        sd = math.exp(log_var / 2)
        value = mu + sd * eps
        slips = (mu + log_var * eps, mu + math.exp(log_var) * eps, sd * eps)

        def route(rnd, mu=mu, log_var=log_var, eps=eps):
            return mu + rnd(rnd(math.exp(log_var / 2)) * eps)

        tol = _fair_tol(route)
        if eps and log_var and tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "used_the_log_variance_as_sigma": (
            slips[0],
            "You used the network's output itself as the standard deviation. It is the "
            "logarithm of the variance: exponentiate half of it to get sigma.",
        ),
        "used_the_variance": (
            slips[1],
            "You scaled the noise by the variance. The sample moves by the standard "
            "deviation times epsilon: take the exponential of half the log-variance.",
        ),
        "forgot_the_mean": (
            slips[2],
            "That is only the scaled noise. The sample is centred on the encoder's mean: add mu.",
        ),
    }
    prompt = (
        "An encoder outputs, for one latent coordinate, the mean $\\mu = "
        f"{mu:g}$ and the log-variance $\\ln\\sigma^2 = {log_var:g}$. With the "
        f"reparameterisation trick and the noise draw $\\varepsilon = {eps:g}$, what is the "
        f"sampled $z$? Give it {SIG3}."
    )
    solution = (
        f"$\\sigma = e^{{\\frac{{1}}{{2}}\\ln\\sigma^2}} = e^{{{log_var / 2:g}}} \\approx "
        f"{sd:.4f}$, so $z = \\mu + \\sigma\\varepsilon \\approx {mu:g} + {sd:.4f} \\times "
        f"{signed(eps)} \\approx {value:.4f}$, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"mu": mu, "log_var": log_var, "eps": eps},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Turn the log-variance into a standard deviation first: $\\sigma = e^{v/2}$.",
    )


@family("vae_negative_elbo")
def vae_negative_elbo(rng: np.random.Generator) -> Variant:
    """The training loss for one image and one sample: the pixels' cross-entropy under the
    decoder plus the encoder's KL to the prior."""
    while True:
        mu, sd = pick(rng, LATENT_MEANS), pick(rng, LATENT_SDS)
        pixels = [int(b) for b in rng.integers(0, 2, 3)]
        decoded = [int(p) / 10 for p in rng.integers(1, 10, 3)]
        if len(set(pixels)) == 1:
            continue
        kept = [p if b else 1 - p for b, p in zip(pixels, decoded, strict=True)]
        recon = -sum(math.log(k) for k in kept)
        penalty = kl.gaussian_kl(mu, sd, 0.0, 1.0, base=E)
        value = recon + penalty
        slips = (recon, -sum(math.log(p) for p in decoded) + penalty, recon - penalty)

        def route(rnd, kept=kept, mu=mu, sd=sd):
            logs = sum(rnd(-math.log(k)) for k in kept)
            return logs + rnd(0.5 * (rnd(mu * mu) + rnd(sd * sd) - 1 - rnd(2 * rnd(math.log(sd)))))

        tol = _fair_tol(route)
        if tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "left_out_the_kl": (
            slips[0],
            "That is the reconstruction part alone. The loss is the negative ELBO, so the "
            "encoder's divergence from the prior is added to it.",
        ),
        "scored_white_pixels_by_black": (
            slips[1],
            "You scored every pixel by its probability of being black. A white pixel (0) "
            "is scored by one minus that probability.",
        ),
        "subtracted_the_kl": (
            slips[2],
            "You subtracted the divergence. The ELBO subtracts it, so its negative, the "
            "loss, adds it.",
        ),
    }
    shown = ", ".join(str(b) for b in pixels)
    probs = ", ".join(f"{p:g}" for p in decoded)
    prompt = (
        f"A variational autoencoder's encoder gives $q(z \\mid x) = \\mathcal{{N}}({mu:g}, "
        f"{sd:g}^2)$ for an image of three black-or-white pixels $({shown})$ (1 for black), "
        "with the prior $\\mathcal{N}(0, 1)$. For the sampled $z$, the decoder gives the "
        f"pixels probabilities $({probs})$ of being black. What is this sample's loss, the "
        f"negative ELBO, in nats? Give it {SIG3}."
    )
    terms = " + ".join(f"\\ln {k:g}" for k in kept)
    solution = (
        "The loss is $-\\ln p(x \\mid z) + D_{\\mathrm{KL}}(q\\,\\|\\,p(z))$. Each black pixel "
        "scores its probability and each white one one minus it: "
        f"$-({terms}) \\approx {recon:.4f}$. The divergence is "
        f"$\\frac{{1}}{{2}}({signed(mu)}^2 + {sd:g}^2 - 1 - \\ln {sd:g}^2) \\approx "
        f"{penalty:.4f}$, so the loss is $\\approx {recon:.4f} + {penalty:.4f} = {value:.4f}$ "
        f"nats, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"mu": mu, "sigma": sd, "pixels": pixels, "decoded": decoded},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Two parts: minus the log-probability the decoder gives the actual pixels, plus "
            "$\\frac{1}{2}(\\mu^2 + \\sigma^2 - 1 - \\ln\\sigma^2)$."
        ),
    )


# --------------------------------------------------------- generative adversarial networks

OUTCOMES = ("a", "b", "c", "d")


def _data_and_model(rng: np.random.Generator, size: int) -> tuple[list[float], list[float]]:
    """Two different distributions in tenths, all positive, over ``size`` outcomes."""
    while True:
        data, model = _tenths(rng, size), _tenths(rng, size)
        if data != model:
            return data, model


def _gan_text(data, model) -> str:
    names = OUTCOMES[: len(data)]
    listed = ", ".join(f"${n}$" for n in names)
    return (
        f"Real data take the values {listed} with probabilities "
        f"$({', '.join(f'{p:g}' for p in data)})$, and a generator produces them with "
        f"probabilities $({', '.join(f'{p:g}' for p in model)})$. A discriminator $D(x)$ "
        "gives the probability that $x$ is real, trained on "
        "$V(D, G) = \\mathbb{E}_{\\text{data}}[\\ln D(x)] + "
        "\\mathbb{E}_{G}[\\ln(1 - D(x))]$."
    )


@family("gan_optimal_discriminator")
def gan_optimal_discriminator(rng: np.random.Generator) -> Variant:
    """D*(x) = p_data(x) / (p_data(x) + p_g(x)) at one outcome."""
    while True:
        data, model = _data_and_model(rng, 3)
        k = int(rng.integers(3))
        p, g = data[k], model[k]
        value = p / (p + g)
        slips = (g / (p + g), p / g, p)
        if p != g and _apart(value, *slips, gap=0.03):
            break
    mistakes = {
        "gave_the_fake_probability": (
            slips[0],
            "That is the probability that the value is fake. The discriminator outputs the "
            "probability of real: the data's probability goes on top.",
        ),
        "took_the_ratio": (
            slips[1],
            "That is the likelihood ratio of data to generator, which can exceed 1. Divide "
            "the data's probability by the sum of both, not by the generator's alone.",
        ),
        "gave_the_data_probability": (
            slips[2],
            "That is how often the data take this value. The best discriminator compares it "
            "with how often the generator does: divide by their sum.",
        ),
    }
    name = OUTCOMES[k]
    prompt = (
        f"{_gan_text(data, model)} For this generator, what does the best discriminator "
        f"output at ${name}$? Give it {SIG3}."
    )
    solution = (
        "Maximising $p_{\\text{data}}(x)\\ln D + p_g(x)\\ln(1 - D)$ at each $x$ gives "
        "$D^*(x) = \\frac{p_{\\text{data}}(x)}{p_{\\text{data}}(x) + p_g(x)}$, here "
        f"$\\frac{{{p:g}}}{{{p:g} + {g:g}}} \\approx {value:.4f}$, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"data": data, "model": model, "outcome": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=(
            "Set the derivative of $p_{\\text{data}}\\ln D + p_g\\ln(1 - D)$ with respect to "
            "$D$ to zero."
        ),
    )


@family("gan_value_at_optimum")
def gan_value_at_optimum(rng: np.random.Generator) -> Variant:
    """V(D*, G) = 2 JS(p_data, p_g) - ln 4 in nats."""
    while True:
        data, model = _data_and_model(rng, 3)
        js = kl.js_divergence(data, model, base=E)
        value = 2 * js - math.log(4)
        slips = (2 * js, 2 * kl.js_divergence(data, model) - 2, js - math.log(4))

        def direct(rnd, data=data, model=model):
            best = [rnd(p / (p + g)) for p, g in zip(data, model, strict=True)]
            return sum(rnd(p * rnd(math.log(d))) for p, d in zip(data, best, strict=True)) + sum(
                rnd(g * rnd(math.log(rnd(1 - d)))) for g, d in zip(model, best, strict=True)
            )

        def through_js(rnd, data=data, model=model):
            mid = [(p + g) / 2 for p, g in zip(data, model, strict=True)]
            return sum(
                rnd(p * rnd(math.log(rnd(p / m))))
                for dist in (data, model)
                for p, m in zip(dist, mid, strict=True)
            ) - rnd(math.log(4))

        tol = _fair_tol(direct, through_js)
        if tol <= 0.03 and _apart(value, *slips, gap=3 * tol):
            break
    mistakes = {
        "forgot_the_log_4": (
            slips[0],
            "That is twice the Jensen-Shannon divergence alone. Each of the two averages "
            "also carries a ln(1/2) from comparing with the midpoint: subtract ln 4.",
        ),
        "used_bits": (
            slips[1],
            "That is the value in bits. The game is written with natural logarithms: work in nats.",
        ),
        "dropped_the_factor_2": (
            slips[2],
            "You took the Jensen-Shannon divergence once. The value has the divergence of "
            "each distribution from the midpoint in full, twice the JS divergence.",
        ),
    }
    prompt = (
        f"{_gan_text(data, model)} What is the value $V(D^*, G)$ of the game when the "
        f"discriminator is the best one for this generator? Give it in nats {SIG3}."
    )
    best = [p / (p + g) for p, g in zip(data, model, strict=True)]
    solution = (
        "With $D^* = \\frac{p_{\\text{data}}}{p_{\\text{data}} + p_g}$, here "
        f"$({', '.join(f'{d:.4f}' for d in best)})$, the value is "
        "$2\\,\\mathrm{JS}(p_{\\text{data}}, p_g) - \\ln 4$. The Jensen-Shannon divergence "
        f"is $\\approx {js:.5f}$ nats, so $V \\approx 2 \\times {js:.5f} - {math.log(4):.4f} "
        f"\\approx {value:.4f}$, or {value:#.3g} {SIG3}."
    )
    return number_variant(
        prompt=prompt,
        params={"data": data, "model": model},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Put $D^*$ into both averages, or use $V(D^*, G) = "
            "2\\,\\mathrm{JS}(p_{\\text{data}}, p_g) - \\ln 4$."
        ),
    )
