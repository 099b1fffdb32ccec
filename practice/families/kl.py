"""Question families for the KL divergence topic, as deep as a first graduate course: the
Gaussian closed forms, Bernoulli and Poisson KL, support and infinity, additivity over
independent draws, the chain rule, data processing through a noisy channel, Pinsker's
bound, estimating KL from samples and the choice between the forward and reverse
directions.

Every number comes from :mod:`practice.kl_engine` in nats (``base=math.e``); each named
mistake is the value that mistake gives for the variant's own numbers, and every prompt
says what precision is expected.
"""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np

from practice import kl_engine as kl
from practice.families import draw, family, number_variant, pick, shuffled_choice_variant
from practice.grader import DEFAULT_REL_TOL
from practice.questions import Variant, route_slack

NATS = "Give your answer in nats (natural logarithms) to 3 significant figures."
E = math.e


def _distinct(*values: float) -> bool:
    """Whether every two of ``values`` differ by more than 3%, so that an answer rounded to
    3 significant figures is near at most one of them."""
    return all(
        not math.isclose(x, y, rel_tol=0.03, abs_tol=1e-3) for x, y in combinations(values, 2)
    )


MAX_ROUTE_TOL = 0.015
"""The widest relative tolerance a variant may need (redrawn otherwise), half the 3% by
which :func:`_distinct` keeps the answer and its named mistakes apart."""


def _route_tol(value: float, *steps: float) -> float:
    """The relative tolerance that marks right a student who follows the worked solution,
    rounding each of ``steps`` (and the answer) to 3 significant figures: never below the
    grader's default (infinite for an answer of 0, which no draw keeps)."""
    if not value:
        return math.inf
    return max(DEFAULT_REL_TOL, route_slack(*steps, value) / abs(value))


def _dist(values: list[float]) -> str:
    return "(" + ", ".join(f"{v:g}" for v in values) + ")"


def _draw_distribution(rng: np.random.Generator, size: int, zeros: int = 0) -> list[float]:
    """``size`` probabilities in tenths, all positive except ``zeros`` of them at the end."""
    while True:
        cuts = sorted(int(c) for c in rng.choice(np.arange(1, 10), size - zeros - 1, replace=False))
        parts = np.diff([0, *cuts, 10])
        if len(parts) == size - zeros:
            return [int(x) / 10 for x in parts] + [0.0] * zeros


REVERSED = (
    "That is the divergence the other way round, D(Q || P). KL divergence is not "
    "symmetric: average the log ratio under P, the first distribution."
)
BITS = (
    "That is the value in bits, from base-2 logarithms. The question asks for nats: use "
    "natural logarithms throughout (a value in bits times ln 2 is the value in nats)."
)


# ------------------------------------------------------------- Gaussian closed forms


@family("kl_gaussian_univariate")
def kl_gaussian_univariate(rng: np.random.Generator) -> Variant:
    """D(N(mu_p, s_p^2) || N(mu_q, s_q^2)) in nats from the closed form."""
    while True:
        mp, mq = draw(rng, -3, 3), draw(rng, -3, 3)
        sp, sq = draw(rng, 1, 4), draw(rng, 1, 4)
        value = kl.gaussian_kl(mp, sp, mq, sq, base=E)
        reverse = kl.gaussian_kl(mq, sq, mp, sp, base=E)
        bits = kl.gaussian_kl(mp, sp, mq, sq, base=2)
        no_ratio = value - 0.5 * ((sp / sq) ** 2 - 1)
        log_term = math.log(sq / sp)
        ratio_term = sp**2 / (2 * sq**2)
        mean_term = (mp - mq) ** 2 / (2 * sq**2)
        tol = _route_tol(value, log_term, ratio_term, mean_term)
        if (
            sp != sq
            and value > 0.05
            and tol <= MAX_ROUTE_TOL
            and _distinct(value, reverse, bits, no_ratio)
        ):
            break
    prompt = (
        f"Let $P = \\mathcal{{N}}({mp}, {sp}^2)$ and $Q = \\mathcal{{N}}({mq}, {sq}^2)$. Find "
        f"$D_{{\\mathrm{{KL}}}}(P \\| Q)$. {NATS}"
    )
    solution = (
        "For two normals, $D(P \\| Q) = \\ln\\frac{\\sigma_Q}{\\sigma_P} + "
        "\\frac{\\sigma_P^2 + (\\mu_P - \\mu_Q)^2}{2\\sigma_Q^2} - \\frac{1}{2}$. Here "
        f"$\\ln\\frac{{{sq}}}{{{sp}}} \\approx {log_term:.4f}$, "
        f"$\\frac{{{sp}^2}}{{2 \\times {sq}^2}} \\approx {ratio_term:.4f}$ and "
        f"$\\frac{{({mp} - {f'({mq})' if mq < 0 else mq})^2}}{{2 \\times {sq}^2}} "
        f"\\approx {mean_term:.4f}$, so "
        f"$D \\approx {log_term:.4f} + {ratio_term:.4f} + {mean_term:.4f} - 0.5 "
        f"\\approx {value:.4f}$ nats, or {value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "reversed_the_direction": (reverse, REVERSED),
        "used_log_base_2_for_nats": (bits, BITS),
        "forgot_the_variance_ratio_term": (
            no_ratio,
            "You left out the variance ratio term and the minus one half. The closed form "
            "has the variance of P over twice the variance of Q, then subtracts one half.",
        ),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"mu_p": mp, "sigma_p": sp, "mu_q": mq, "sigma_q": sq},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Use the closed form: a log of the ratio of standard deviations, a variance "
            "ratio, a squared mean gap over twice the variance of Q, minus one half."
        ),
    )


@family("kl_gaussian_diagonal")
def kl_gaussian_diagonal(rng: np.random.Generator) -> Variant:
    """D between two 2-D normals with diagonal covariances: the sum of per-axis KLs."""
    while True:
        mp = [draw(rng, -2, 2) for _ in range(2)]
        mq = [draw(rng, -2, 2) for _ in range(2)]
        vp = [draw(rng, 1, 6) for _ in range(2)]
        vq = [draw(rng, 1, 6) for _ in range(2)]
        value = kl.multivariate_gaussian_kl(mp, np.diag(vp), mq, np.diag(vq), base=E)
        reverse = kl.multivariate_gaussian_kl(mq, np.diag(vq), mp, np.diag(vp), base=E)
        squared = kl.multivariate_gaussian_kl(
            mp, np.diag(np.square(vp)), mq, np.diag(np.square(vq)), base=E
        )
        first = kl.gaussian_kl(mp[0], math.sqrt(vp[0]), mq[0], math.sqrt(vq[0]), base=E)
        parts = [
            kl.gaussian_kl(mp[i], math.sqrt(vp[i]), mq[i], math.sqrt(vq[i]), base=E)
            for i in range(2)
        ]
        steps = [
            *(vp[i] / vq[i] for i in range(2)),
            *((mp[i] - mq[i]) ** 2 / vq[i] for i in range(2)),
            *(math.log(vq[i] / vp[i]) for i in range(2)),
            *parts,
        ]
        tol = _route_tol(value, *steps)
        if value > 0.05 and tol <= MAX_ROUTE_TOL and _distinct(value, reverse, squared, first):
            break
    prompt = (
        "Two normal distributions on the plane have independent coordinates: "
        f"$P$ has mean $({mp[0]}, {mp[1]})$ and covariance "
        f"$\\operatorname{{diag}}({vp[0]}, {vp[1]})$, $Q$ has mean $({mq[0]}, {mq[1]})$ and "
        f"covariance $\\operatorname{{diag}}({vq[0]}, {vq[1]})$ (the entries are variances). "
        f"Find $D_{{\\mathrm{{KL}}}}(P \\| Q)$. {NATS}"
    )
    solution = (
        "With diagonal covariances the coordinates are independent under both, so the "
        "divergence is the sum of the two one-dimensional ones, "
        "$\\frac{1}{2}\\left(\\frac{v_P}{v_Q} + \\frac{(\\mu_P - \\mu_Q)^2}{v_Q} - 1 + "
        "\\ln\\frac{v_Q}{v_P}\\right)$ per axis. "
        f"The first axis gives $\\approx {parts[0]:.4f}$ and the second "
        f"$\\approx {parts[1]:.4f}$, so $D \\approx {value:.4f}$ nats, or {value:#.3g} to 3 "
        "significant figures."
    )
    mistakes = {
        "reversed_the_direction": (reverse, REVERSED),
        "took_variances_as_standard_deviations": (
            squared,
            "You squared the diagonal entries. They are already variances: use them as "
            "they are in the variance ratio and in the log.",
        ),
        "kept_only_the_first_coordinate": (
            first,
            "That is only the first coordinate. With independent coordinates the "
            "divergences of the two axes add up.",
        ),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"mu_p": mp, "var_p": vp, "mu_q": mq, "var_q": vq},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Independent coordinates: work out each axis alone, then add them.",
    )


# ------------------------------------------------------------- Bernoulli and Poisson


@family("kl_bernoulli_nats")
def kl_bernoulli_nats(rng: np.random.Generator) -> Variant:
    """D(Bern(a) || Bern(b)) in nats."""
    while True:
        a, b = draw(rng, 1, 19) / 20, draw(rng, 1, 19) / 20
        value = kl.bernoulli_kl(a, b, base=E)
        reverse = kl.bernoulli_kl(b, a, base=E)
        bits = kl.bernoulli_kl(a, b, base=2)
        head = a * math.log(a / b)
        t1, t2 = head, (1 - a) * math.log((1 - a) / (1 - b))
        tol = _route_tol(value, t1, t2)
        if (
            a != b
            and value > 0.01
            and tol <= MAX_ROUTE_TOL
            and _distinct(value, reverse, bits, head)
        ):
            break
    prompt = (
        f"A coin lands heads with probability ${a:g}$ under $P$ and ${b:g}$ under $Q$. "
        f"Find $D_{{\\mathrm{{KL}}}}(P \\| Q)$. {NATS}"
    )
    solution = (
        "$D(P \\| Q) = a \\ln\\frac{a}{b} + (1 - a)\\ln\\frac{1 - a}{1 - b}$ with "
        f"$a = {a:g}$ and $b = {b:g}$: "
        f"${a:g} \\ln\\frac{{{a:g}}}{{{b:g}}} \\approx {t1:.4f}$ and "
        f"${1 - a:g} \\ln\\frac{{{1 - a:g}}}{{{1 - b:g}}} \\approx {t2:.4f}$, so "
        f"$D \\approx {value:.4f}$ nats, or {value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "reversed_the_direction": (reverse, REVERSED),
        "used_log_base_2_for_nats": (bits, BITS),
        "dropped_the_tails_term": (
            head,
            "You kept only the heads term. Tails is an outcome too: add its probability "
            "under P times the log of its ratio.",
        ),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"a": a, "b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Two outcomes, two terms: heads and tails, each weighted by P.",
    )


@family("kl_poisson_nats")
def kl_poisson_nats(rng: np.random.Generator) -> Variant:
    """D(Poisson(lp) || Poisson(lq)) = lp ln(lp/lq) + lq - lp, in nats."""
    while True:
        lp, lq = draw(rng, 1, 9), draw(rng, 1, 9)
        value = kl.poisson_kl(lp, lq, base=E)
        reverse = kl.poisson_kl(lq, lp, base=E)
        bits = kl.poisson_kl(lp, lq, base=2)
        log_only = lp * math.log(lp / lq)
        t = log_only
        tol = _route_tol(value, t)
        if lp != lq and tol <= MAX_ROUTE_TOL and _distinct(value, reverse, bits, log_only):
            break
    prompt = (
        f"Counts follow a Poisson distribution with rate ${lp}$ under $P$ and rate ${lq}$ "
        f"under $Q$. Find $D_{{\\mathrm{{KL}}}}(P \\| Q)$. {NATS}"
    )
    solution = (
        "For Poisson rates, $D(P \\| Q) = \\lambda_P \\ln\\frac{\\lambda_P}{\\lambda_Q} + "
        f"\\lambda_Q - \\lambda_P$: ${lp} \\ln\\frac{{{lp}}}{{{lq}}} \\approx {t:.4f}$, plus "
        f"${lq} - {lp} = {lq - lp}$, so $D \\approx {value:.4f}$ nats, or {value:#.3g} to 3 "
        "significant figures."
    )
    mistakes = {
        "reversed_the_direction": (reverse, REVERSED),
        "used_log_base_2_for_nats": (bits, BITS),
        "dropped_the_rate_difference": (
            log_only,
            "You kept only the log term. The expected count differs between the two "
            "distributions: add the rate of Q minus the rate of P.",
        ),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"lam_p": lp, "lam_q": lq},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Average the log ratio of the two probability mass functions under P; the "
            "factorials cancel."
        ),
    )


# ------------------------------------------------------------- support and infinity


@family("kl_support_and_infinity")
def kl_support_and_infinity(rng: np.random.Generator) -> Variant:
    """What D(P || Q) is when one of the two gives probability 0 to an outcome."""
    zero_in_q = bool(rng.integers(2))
    p = _draw_distribution(rng, 3, zeros=0 if zero_in_q else 1)
    q = _draw_distribution(rng, 3, zeros=1 if zero_in_q else 0)
    value = kl.kl_divergence(p, q, base=E)
    prompt = (
        f"On three outcomes, $P = {_dist(p)}$ and $Q = {_dist(q)}$. What is "
        "$D_{\\mathrm{KL}}(P \\| Q)$?"
    )
    if zero_in_q:
        finite_label = "A finite number: the outcome Q rules out is simply left out of the sum."
        solution = (
            f"The third outcome has probability ${p[2]:g}$ under $P$ but $0$ under $Q$, so "
            f"its term is ${p[2]:g} \\ln\\frac{{{p[2]:g}}}{{0}} = +\\infty$: $Q$ calls "
            "impossible something $P$ produces, and $D(P \\| Q) = \\infty$."
        )
        choices = {
            "right": "Infinite.",
            "left_out_the_impossible_outcome": finite_label,
            "called_log_zero_undefined": "Undefined, because the logarithm of 0 has no value.",
        }
    else:
        solution = (
            "The third outcome has probability 0 under $P$, and by the convention "
            "$0 \\ln\\frac{0}{q} = 0$ it adds nothing. The other two terms give "
            f"$D(P \\| Q) \\approx {value:.4f}$ nats, a finite number."
        )
        choices = {
            "right": "A finite number: the outcome with probability 0 under P adds 0.",
            "thought_any_zero_makes_it_infinite": "Infinite.",
            "called_log_zero_undefined": "Undefined, because the logarithm of 0 has no value.",
        }
    messages = {
        "left_out_the_impossible_outcome": "An outcome that P can produce but Q rules out "
        "makes the log ratio infinite, and it is weighted by a positive probability.",
        "called_log_zero_undefined": "The terms are defined by their limits: 0 log(0/q) is "
        "0, and p log(p/0) with p positive is infinite. Neither is undefined.",
        "thought_any_zero_makes_it_infinite": "Only a zero in Q where P is positive makes "
        "the divergence infinite; a zero in P contributes 0, by the limit of x log x.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"p": p, "q": q},
        choices=choices,
        solution=solution,
        messages=messages,
        hint="Look at the outcome with probability 0 and ask which distribution gives it 0.",
    )


# ------------------------------------------------------------- additivity over draws


@family("kl_additivity_over_draws")
def kl_additivity_over_draws(rng: np.random.Generator) -> Variant:
    """D(P^n || Q^n) = n D(P || Q) for n independent coin flips."""
    while True:
        a, b = draw(rng, 1, 9) / 10, draw(rng, 1, 9) / 10
        n = draw(rng, 3, 8)
        one = kl.bernoulli_kl(a, b, base=E)
        value = n * one
        bits = n * kl.bernoulli_kl(a, b, base=2)
        # the route: one flip's two terms, their sum, times n
        terms = (a * math.log(a / b), (1 - a) * math.log((1 - a) / (1 - b)), one)
        tol = _route_tol(value) + n * route_slack(*terms) / value if value else math.inf
        if a != b and tol <= MAX_ROUTE_TOL and _distinct(value, one, bits, one + n, one**n):
            break
    prompt = (
        f"A coin lands heads with probability ${a:g}$ under $P$ and ${b:g}$ under $Q$. It "
        f"is flipped ${n}$ times independently. Find the divergence between the two "
        f"distributions of the whole sequence, $D_{{\\mathrm{{KL}}}}(P^{{{n}}} \\| Q^{{{n}}})$. "
        f"{NATS}"
    )
    solution = (
        "For one flip, $D(P \\| Q) = a \\ln\\frac{a}{b} + (1-a)\\ln\\frac{1-a}{1-b} "
        f"\\approx {one:.4f}$ nats. The log ratio of a whole sequence is the sum of the "
        "flips' log ratios, so the divergences add: "
        f"$D(P^{{{n}}} \\| Q^{{{n}}}) = {n} \\times {one:.4f} \\approx {value:.4f}$ nats, or "
        f"{value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "gave_a_single_flip": (
            one,
            "That is the divergence of one flip. For independent flips the divergences "
            "add up over the sequence.",
        ),
        "used_log_base_2_for_nats": (bits, BITS),
        "added_n_instead_of_multiplying": (
            one + n,
            "You added the number of flips. Each flip contributes the same divergence, so "
            "multiply by the number of flips.",
        ),
        "raised_to_the_power_n": (
            one**n,
            "Probabilities of independent flips multiply, but their logarithms add: the "
            "divergence is multiplied by the number of flips, not raised to its power.",
        ),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"a": a, "b": b, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Work out one flip first; then think about how logs of products behave.",
    )


# ------------------------------------------------------------- the chain rule


@family("kl_chain_rule")
def kl_chain_rule(rng: np.random.Generator) -> Variant:
    """D(P_XY || Q_XY) = D(P_X || Q_X) + sum_x P(x) D(P_Y|x || Q_Y|x) for two bits."""
    while True:
        px, qx = draw(rng, 1, 9) / 10, draw(rng, 1, 9) / 10  # P(X = 1), Q(X = 1)
        py = [draw(rng, 1, 9) / 10 for _ in range(2)]  # P(Y = 1 | X = x), x = 0, 1
        qy = [draw(rng, 1, 9) / 10 for _ in range(2)]
        weights = [1 - px, px]
        joint_p = [w * c for w, y in zip(weights, py, strict=True) for c in (1 - y, y)]
        joint_q = [w * c for w, y in zip([1 - qx, qx], qy, strict=True) for c in (1 - y, y)]
        value = kl.kl_divergence(joint_p, joint_q, base=E)
        marginal = kl.bernoulli_kl(px, qx, base=E)
        conditionals = [kl.bernoulli_kl(py[i], qy[i], base=E) for i in range(2)]
        weighted = [weights[i] * conditionals[i] for i in range(2)]
        unweighted = marginal + sum(conditionals) / 2
        by_q = marginal + (1 - qx) * conditionals[0] + qx * conditionals[1]
        bits = kl.kl_divergence(joint_p, joint_q, base=2)
        terms = [
            px * math.log(px / qx),
            (1 - px) * math.log((1 - px) / (1 - qx)),
            *(y * math.log(y / z) for y, z in zip(py, qy, strict=True)),
            *((1 - y) * math.log((1 - y) / (1 - z)) for y, z in zip(py, qy, strict=True)),
        ]
        tol = _route_tol(value, *terms, marginal, *conditionals, *weighted)
        if (
            px != qx
            and py != qy
            and min(conditionals) > 0.005
            and tol <= MAX_ROUTE_TOL
            and _distinct(value, marginal, unweighted, by_q, bits)
        ):
            break
    prompt = (
        "Two bits $X$ and $Y$ are drawn one after the other. Under $P$, "
        f"$P(X = 1) = {px:g}$, then $P(Y = 1 \\mid X = 0) = {py[0]:g}$ and "
        f"$P(Y = 1 \\mid X = 1) = {py[1]:g}$. Under $Q$, $Q(X = 1) = {qx:g}$, "
        f"$Q(Y = 1 \\mid X = 0) = {qy[0]:g}$ and $Q(Y = 1 \\mid X = 1) = {qy[1]:g}$. "
        "Use the chain rule to find $D_{\\mathrm{KL}}(P_{XY} \\| Q_{XY})$, the divergence "
        f"between the joint distributions. {NATS}"
    )
    solution = (
        "The chain rule splits the joint divergence into the first bit's divergence and "
        "the second bit's, averaged over the first bit as $P$ draws it: "
        "$D(P_{XY} \\| Q_{XY}) = D(P_X \\| Q_X) + \\sum_x P(x)\\, "
        "D(P_{Y \\mid x} \\| Q_{Y \\mid x})$.\n\n"
        f"- First bit: $D(\\mathrm{{Bern}}({px:g}) \\| \\mathrm{{Bern}}({qx:g})) \\approx "
        f"{marginal:.4f}$ nats.\n"
        f"- Given $X = 0$: $D(\\mathrm{{Bern}}({py[0]:g}) \\| \\mathrm{{Bern}}({qy[0]:g})) "
        f"\\approx {conditionals[0]:.4f}$, weighted by $P(X = 0) = {1 - px:g}$: "
        f"$\\approx {weighted[0]:.4f}$.\n"
        f"- Given $X = 1$: $D(\\mathrm{{Bern}}({py[1]:g}) \\| \\mathrm{{Bern}}({qy[1]:g})) "
        f"\\approx {conditionals[1]:.4f}$, weighted by $P(X = 1) = {px:g}$: "
        f"$\\approx {weighted[1]:.4f}$.\n\n"
        f"So $D(P_{{XY}} \\| Q_{{XY}}) \\approx {marginal:.4f} + {weighted[0]:.4f} + "
        f"{weighted[1]:.4f} \\approx {value:.4f}$ nats, or {value:#.3g} to 3 significant "
        "figures: the same as summing over the four joint outcomes directly."
    )
    mistakes = {
        "left_out_the_conditional_term": (
            marginal,
            "That is the divergence of the first bit alone. The second bit's conditional "
            "distributions differ too: add their divergence, averaged over the first bit.",
        ),
        "averaged_the_conditionals_equally": (
            unweighted,
            "You gave the two conditional divergences equal weight. Weight each by how "
            "often P produces that value of the first bit.",
        ),
        "weighted_by_q": (
            by_q,
            "You weighted the conditional divergences by Q's chances for the first bit. "
            "The divergence is an average under P, so use P(X = x) as the weights.",
        ),
        "used_log_base_2_for_nats": (bits, BITS),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"px": px, "py_given_x": py, "qx": qx, "qy_given_x": qy},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "First the divergence of X alone; then, for each value of X, the divergence "
            "of Y given that value, weighted by how often P produces it."
        ),
    )


# ------------------------------------------------------------- Pinsker's inequality


@family("kl_pinsker_bound")
def kl_pinsker_bound(rng: np.random.Generator) -> Variant:
    """Pinsker's upper bound sqrt(D / 2) on the total variation distance, D in nats."""
    while True:
        p, q = _draw_distribution(rng, 3), _draw_distribution(rng, 3)
        d = kl.kl_divergence(p, q, base=E)
        value = math.sqrt(d / 2)
        bits = math.sqrt(kl.kl_divergence(p, q, base=2) / 2)
        terms = [x * math.log(x / y) for x, y in zip(p, q, strict=True)]
        # a square root halves the divergence's relative error; then the answer is rounded
        tol = _route_tol(value) + route_slack(*terms, d) / d / 2 if d else math.inf
        if d > 0.02 and tol <= MAX_ROUTE_TOL and _distinct(value, bits, d / 2, math.sqrt(d)):
            break
    tv = 0.5 * sum(abs(x - y) for x, y in zip(p, q, strict=True))
    prompt = (
        f"On three outcomes, $P = {_dist(p)}$ and $Q = {_dist(q)}$. Use Pinsker's "
        "inequality to give an upper bound on the total variation distance "
        f"$\\delta(P, Q) = \\frac{{1}}{{2}}\\sum_i |p_i - q_i|$. Give it to 3 significant figures."
    )
    solution = (
        "Pinsker's inequality says $\\delta(P, Q) \\le \\sqrt{D(P \\| Q) / 2}$ with $D$ in "
        f"nats. Here $D(P \\| Q) = \\sum_i p_i \\ln\\frac{{p_i}}{{q_i}} \\approx {d:.4f}$, so "
        f"the bound is $\\sqrt{{{d:.4f} / 2}} \\approx {value:.4f}$, or {value:#.3g} to 3 "
        f"significant figures. (The true distance is ${tv:g}$, below the bound.)"
    )
    mistakes = {
        "used_bits_in_pinsker": (
            bits,
            "Pinsker's inequality in this form takes the divergence in nats. Use natural "
            "logarithms.",
        ),
        "forgot_the_square_root": (
            d / 2,
            "The bound is the square root of half the divergence; take the square root.",
        ),
        "forgot_the_half": (
            math.sqrt(d),
            "Halve the divergence before taking the square root.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"p": p, "q": q},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Find the divergence in nats first; the bound is a square root of it.",
    )


# ------------------------------------------------------------- data processing


@family("kl_data_processing_channel")
def kl_data_processing_channel(rng: np.random.Generator) -> Variant:
    """A bit from P or Q sent through a channel that flips it: the divergence shrinks."""
    while True:
        a, b = draw(rng, 1, 19) / 20, draw(rng, 1, 19) / 20
        eps = pick(rng, (0.05, 0.1, 0.15, 0.2, 0.25, 0.3))
        a_out, b_out = a * (1 - eps) + (1 - a) * eps, b * (1 - eps) + (1 - b) * eps
        value = kl.bernoulli_kl(a_out, b_out, base=E)
        before = kl.bernoulli_kl(a, b, base=E)
        one_side = kl.bernoulli_kl(a_out, b, base=E)
        scaled = (1 - 2 * eps) * before
        bits = kl.bernoulli_kl(a_out, b_out, base=2)
        t1 = a_out * math.log(a_out / b_out)
        t2 = (1 - a_out) * math.log((1 - a_out) / (1 - b_out))
        tol = _route_tol(value, a_out, b_out, t1, t2)
        if (
            a != b
            and value > 0.01
            and tol <= MAX_ROUTE_TOL
            and _distinct(value, before, one_side, scaled, bits)
        ):
            break
    prompt = (
        f"A bit is 1 with probability ${a:g}$ under $P$ and ${b:g}$ under $Q$. It is sent "
        f"through a noisy channel that flips it with probability ${eps:g}$, whichever "
        "distribution it came from. Find the divergence between the two distributions of "
        f"the received bit, $D_{{\\mathrm{{KL}}}}(P' \\| Q')$. {NATS}"
    )
    solution = (
        "A received 1 is a sent 1 kept or a sent 0 flipped: "
        f"$P'(1) = {a:g}(1 - {eps:g}) + {1 - a:g} \\times {eps:g} = {a_out:g}$ and "
        f"$Q'(1) = {b:g}(1 - {eps:g}) + {1 - b:g} \\times {eps:g} = {b_out:g}$. Then "
        f"$D(P' \\| Q') = {a_out:g} \\ln\\frac{{{a_out:g}}}{{{b_out:g}}} + "
        f"{1 - a_out:g} \\ln\\frac{{{1 - a_out:g}}}{{{1 - b_out:g}}} \\approx {t1:.4f} + "
        f"({t2:.4f}) \\approx {value:.4f}$ nats, or {value:#.3g} to 3 significant figures. "
        f"Before the channel the divergence was $\\approx {before:.4f}$ nats: as the data "
        "processing inequality says, no channel can make the two sources easier to tell "
        "apart."
    )
    mistakes = {
        "ignored_the_channel": (
            before,
            "That is the divergence of the bits before the channel. Work out the chance "
            "of receiving a 1 under each distribution first.",
        ),
        "passed_only_p_through_the_channel": (
            one_side,
            "The channel flips the bit whichever distribution produced it: pass Q through "
            "it as well as P.",
        ),
        "scaled_by_the_channel": (
            scaled,
            "The divergence does shrink, but not by a fixed factor: compute the received "
            "distributions and their divergence.",
        ),
        "used_log_base_2_for_nats": (bits, BITS),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"a": a, "b": b, "epsilon": eps},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=(
            "Find the chance of receiving a 1 under P and under Q (kept or flipped); then "
            "compare the two received distributions."
        ),
    )


# ------------------------------------------------------------- estimating from samples


@family("kl_estimate_from_samples")
def kl_estimate_from_samples(rng: np.random.Generator) -> Variant:
    """The Monte Carlo estimate (1/n) sum ln p(x_i)/q(x_i) from draws of P."""
    outcomes = ("a", "b", "c")
    while True:
        p, q = _draw_distribution(rng, 3), _draw_distribution(rng, 3)
        n = pick(rng, (10, 20))
        counts = [int(c) for c in rng.multinomial(n, p)]
        ratios = [math.log(x / y) for x, y in zip(p, q, strict=True)]
        value = sum(c * r for c, r in zip(counts, ratios, strict=True)) / n
        seen = [r for c, r in zip(counts, ratios, strict=True) if c]
        per_outcome = sum(seen) / len(seen)
        bits = value / math.log(2)
        exact = kl.kl_divergence(p, q, base=E)
        # the route rounds each log ratio: the answer may need a wider tolerance than
        # MAX_ROUTE_TOL (refusing such draws would keep only estimates far above the truth),
        # so each mistake is kept twice that tolerance away instead
        total = sum(c * r for c, r in zip(counts, ratios, strict=True))
        slack = sum(c * route_slack(r) for c, r in zip(counts, ratios, strict=True)) / n
        tol = _route_tol(value) + (slack + route_slack(total) / n) / abs(value or math.nan)
        # with counts in P's own proportions the estimate is the exact divergence, and a
        # student who ignored the draws would be marked right: such samples are redrawn
        mistaken = (-value, per_outcome, bits, exact)
        if (
            p != q
            and abs(value) > 0.02
            and tol <= 0.1
            and all(abs(m - value) > 2 * tol * abs(value) + 1e-3 for m in mistaken)
            and _distinct(*mistaken)
        ):
            break
    sample = [o for o, c in zip(outcomes, counts, strict=True) for _ in range(c)]
    order = [sample[i] for i in rng.permutation(len(sample))]
    prompt = (
        f"On the outcomes $a, b, c$, $P = {_dist(p)}$ and $Q = {_dist(q)}$. Pretending "
        f"we could not sum over $P$ exactly, we draw ${n}$ samples from $P$: "
        f"{', '.join(order)}. Estimate $D_{{\\mathrm{{KL}}}}(P \\| Q)$ by the sample "
        "average of $\\ln\\frac{P(x)}{Q(x)}$ over the draws. Give the estimate in nats to "
        "3 significant figures."
    )
    lines = "\n".join(
        f"- ${o}$ drawn {'once' if c == 1 else f'${c}$ times'}, "
        f"$\\ln\\frac{{{x:g}}}{{{y:g}}} \\approx {r:.4f}$"
        for o, c, x, y, r in zip(outcomes, counts, p, q, ratios, strict=True)
    )
    solution = (
        "Each draw contributes its log ratio; the estimate is their average:\n\n"
        f"{lines}\n\n"
        "so the estimate is $\\frac{1}{"
        + str(n)
        + "}\\left("
        + " + ".join(
            f"{c} \\times " + (f"({r:.4f})" if r < 0 else f"{r:.4f}")
            for c, r in zip(counts, ratios, strict=True)
        )
        + f"\\right) \\approx {value:.4f}$ nats, or {value:#.3g} to 3 significant figures. "
        f"The exact divergence is $\\approx {exact:.4f}$ nats; the estimate is unbiased and "
        "its error shrinks like one over the square root of the number of draws, and with "
        "few draws it can even come out negative."
    )
    mistakes = {
        "reversed_the_log_ratio": (
            -value,
            "You averaged the log of Q over P. The divergence of P from Q averages "
            "ln(P(x)/Q(x)), P on top.",
        ),
        "averaged_over_distinct_outcomes": (
            per_outcome,
            "You averaged over the distinct outcomes seen. Each draw counts: an outcome "
            "drawn several times contributes its log ratio that many times.",
        ),
        "used_log_base_2_for_nats": (bits, BITS),
        "computed_the_exact_divergence": (
            exact,
            "That is the exact divergence, the sum over the outcomes weighted by P. The "
            "question asks for the estimate from these draws: average the log ratio over "
            "the sample, so each outcome counts as often as it was drawn.",
        ),
    }
    return number_variant(
        unit="nats",
        prompt=prompt,
        params={"p": p, "q": q, "n": n, "sample": order},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Count how often each outcome was drawn; each draw adds ln(P(x)/Q(x)).",
    )


# ------------------------------------------------------------- forward versus reverse


@family("kl_forward_or_reverse")
def kl_forward_or_reverse(rng: np.random.Generator) -> Variant:
    """Which single normal each direction of KL picks for a two-peaked target."""
    while True:
        m = draw(rng, 2, 6)
        s = pick(rng, (0.5, 0.75, 1))
        # peaks at least 6 standard deviations apart: closer (N(+-2, 0.75^2), 5.3 apart),
        # the reverse fit's best normal is the wide one centred between them, not a peak
        if m >= 3 * s:
            break
    forward = bool(rng.integers(2))
    objective = "D(P \\| q)" if forward else "D(q \\| P)"
    prompt = (
        f"$P$ is an equal mixture of $\\mathcal{{N}}(-{m}, {s:g}^2)$ and "
        f"$\\mathcal{{N}}({m}, {s:g}^2)$: two well-separated peaks. A single normal $q$ is "
        f"fitted by minimising ${objective}$ over its mean and variance. What does the fit "
        "look like?"
    )
    wide = (
        "A wide normal centred at 0 that spreads over both peaks "
        f"(mean 0, variance {s**2 + m**2:g})."
    )
    narrow = f"A narrow normal sitting on one of the peaks (mean near {m} or -{m})."
    if forward:
        solution = (
            "The forward divergence averages $\\ln\\frac{P}{q}$ under $P$, so $q$ is "
            "punished wherever $P$ has mass and $q$ has little: it must cover both peaks. "
            "Minimising it over normals matches the mean and variance of $P$: mean $0$ and "
            f"variance ${s:g}^2 + {m}^2 = {s**2 + m**2:g}$."
        )
        choices = {"right": wide, "swapped_forward_and_reverse": narrow}
    else:
        solution = (
            "The reverse divergence averages $\\ln\\frac{q}{P}$ under $q$, so $q$ is "
            "punished for putting mass where $P$ has almost none, such as the gap between "
            "the peaks. The fit settles on one peak."
        )
        choices = {"right": narrow, "swapped_forward_and_reverse": wide}
    choices["thought_kl_symmetric"] = "The same normal either way, since the two directions agree."
    messages = {
        "swapped_forward_and_reverse": "Ask which distribution the average is taken under. "
        "Under P, q must cover all of P's mass; under q, q avoids where P is small.",
        "thought_kl_symmetric": "KL divergence is not symmetric, and for a two-peaked target "
        "the two directions pick very different normals.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"m": m, "s": s, "forward": forward},
        choices=choices,
        solution=solution,
        messages=messages,
        hint="Under which distribution is the log ratio averaged, P or the fitted q?",
    )
