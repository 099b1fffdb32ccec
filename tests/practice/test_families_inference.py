"""The inference and learning families checked another way: each answer recomputed from
the variant's params by a different route (a numerical search, a direct sum, an integral),
and followed by a student who rounds every intermediate step of the worked solution to
3 significant figures, who must still be marked right."""

from __future__ import annotations

import math

import numpy as np
import scipy.integrate
import scipy.optimize
import scipy.stats

from practice import families
from practice import kl_engine as ke
from practice.grader import grade_answer
from practice.questions import GENERATORS

families.load()
E = math.e


def variants(name: str, count: int = 60):
    rng = np.random.default_rng(21)
    return [GENERATORS[name](rng) for _ in range(count)]


def r3(x: float) -> float:
    """``x`` rounded to 3 significant figures, as a student writes an intermediate step."""
    return float(f"{x:.3g}")


def accepted(v, value: float) -> bool:
    """Whether ``value``, typed to 3 significant figures, is marked right for ``v``."""
    return grade_answer(f"{r3(value):g}", v.answer).correct


def _covariance(p) -> np.ndarray:
    s1, s2, rho = p["sigma_1"], p["sigma_2"], p["rho"]
    return np.array([[s1 * s1, rho * s1 * s2], [rho * s1 * s2, s2 * s2]])


def _best_mean_field(cov: np.ndarray) -> tuple[np.ndarray, float]:
    """The factor variances minimising D(q || p) for a centred diagonal q, found by a
    numerical search over their logarithms, and the divergence reached (nats)."""

    def reverse(log_var):
        return ke.multivariate_gaussian_kl(
            np.zeros(2), np.diag(np.exp(log_var)), np.zeros(2), cov, base=E
        )

    found = scipy.optimize.minimize(
        reverse,
        np.log(np.diag(cov)),
        method="Nelder-Mead",
        options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 4000},
    )
    return np.exp(found.x), float(found.fun)


def test_mean_field_width_is_the_reverse_kl_optimum_and_fair_to_rounding():
    for v in variants("vi_mean_field_width", 40):
        p = v.params
        variances, _ = _best_mean_field(_covariance(p))
        assert math.isclose(v.answer.value, math.sqrt(variances[0]), rel_tol=1e-4)
        alts = v.answer.alternatives
        assert alts["used_the_marginal_width"] == p["sigma_1"]
        assert math.isclose(
            alts["used_the_other_coordinate"], math.sqrt(variances[1]), rel_tol=1e-4
        )
        student = r3(p["sigma_1"] * r3(math.sqrt(r3(1 - p["rho"] ** 2))))
        assert accepted(v, student), (p, student)


def test_mean_field_divergence_is_the_minimum_reached_and_fair_to_rounding():
    for v in variants("vi_mean_field_divergence", 40):
        p = v.params
        _, reached = _best_mean_field(_covariance(p))
        assert math.isclose(v.answer.value, reached, rel_tol=1e-6)
        assert math.isclose(v.answer.alternatives["used_bits"], reached / math.log(2), rel_tol=1e-6)
        student = r3(0.5 * r3(-math.log(r3(1 - p["rho"] ** 2))))
        assert accepted(v, student), (p, student)


def _two_state(p):
    return np.array(p["prior"]), np.array(p["likelihood"]), np.array(p["q"])


def test_elbo_is_the_joint_form_and_fair_to_rounding():
    """ELBO as E_q[log2 p(x, z) - log2 q(z)]; the student rounds each log and each part."""
    for v in variants("elbo_two_state_bits", 100):
        prior, lik, q = _two_state(v.params)
        joint_form = float(np.sum(q * (np.log2(prior * lik) - np.log2(q))))
        assert math.isclose(v.answer.value, joint_form, rel_tol=1e-9)
        evidence = float(prior @ lik)
        assert v.answer.value < math.log2(evidence)
        assert v.answer.alternatives["gave_the_evidence"] == math.log2(evidence)
        fit = r3(sum(r3(a * r3(math.log2(b))) for a, b in zip(q, lik, strict=True)))
        penalty = r3(sum(r3(a * r3(math.log2(r3(a / b)))) for a, b in zip(q, prior, strict=True)))
        assert accepted(v, fit - penalty), (v.params, fit, penalty)
        joint = sum(
            r3(a * r3(math.log2(r3(b * c / a)))) for a, b, c in zip(q, prior, lik, strict=True)
        )
        assert accepted(v, joint), (v.params, joint)


def test_elbo_gap_is_the_evidence_minus_the_bound_and_fair_to_rounding():
    for v in variants("elbo_gap_bits", 100):
        prior, lik, q = _two_state(v.params)
        evidence = float(prior @ lik)
        bound = float(np.sum(q * np.log2(prior * lik / q)))
        assert math.isclose(v.answer.value, math.log2(evidence) - bound, rel_tol=1e-9)
        post = [r3(a * b / evidence) for a, b in zip(prior, lik, strict=True)]
        student = sum(r3(a * r3(math.log2(r3(a / b)))) for a, b in zip(q, post, strict=True))
        assert accepted(v, student), (v.params, student)
        # another student: the log of each probability apart, q's minus the posterior's
        logs = sum(
            r3(a * (r3(math.log2(a)) - r3(math.log2(b)))) for a, b in zip(q, post, strict=True)
        )
        assert accepted(v, logs), (v.params, logs)


def _bandit(p):
    return np.array(p["reference"]), np.array(p["reward"], dtype=float), p["beta"]


def _best_policy(ref, reward, beta) -> tuple[np.ndarray, float]:
    """The policy maximising E[r] - beta D(pi || ref), by a numerical search over softmax
    logits, and the value it reaches."""

    def loss(logits):
        pi = np.exp(logits - logits.max())
        pi /= pi.sum()
        return -(pi @ reward - beta * ke.kl_divergence(pi, ref, base=E))

    found = scipy.optimize.minimize(loss, np.zeros(3), method="BFGS", options={"gtol": 1e-10})
    pi = np.exp(found.x - found.x.max())
    return pi / pi.sum(), -float(found.fun)


def test_optimal_policy_probability_is_the_numerical_optimum_and_fair_to_rounding():
    for v in variants("kl_policy_optimal_probability", 40):
        p = v.params
        ref, reward, beta = _bandit(p)
        pi, _ = _best_policy(ref, reward, beta)
        assert math.isclose(v.answer.value, pi[p["action"]], rel_tol=1e-4), p
        weights = [r3(a * r3(math.exp(r / beta))) for a, r in zip(ref, reward, strict=True)]
        assert accepted(v, weights[p["action"]] / r3(sum(weights))), p


def test_optimal_policy_value_is_the_numerical_maximum_and_fair_to_rounding():
    for v in variants("kl_policy_optimal_value", 40):
        ref, reward, beta = _bandit(v.params)
        _, best = _best_policy(ref, reward, beta)
        assert math.isclose(v.answer.value, best, rel_tol=1e-6), v.params
        weights = [r3(a * r3(math.exp(r / beta))) for a, r in zip(ref, reward, strict=True)]
        assert accepted(v, beta * r3(math.log(r3(sum(weights))))), v.params


def test_the_penalised_objective_is_in_units_of_reward_not_nats():
    """Reward minus beta times nats is measured in reward: no prompt asks for it in nats."""
    for name in ("kl_policy_optimal_value", "kl_policy_penalised_objective"):
        for v in variants(name, 20):
            assert "nats" not in v.prompt, v.prompt


def test_penalised_objective_is_a_direct_sum_and_fair_to_rounding():
    for v in variants("kl_policy_penalised_objective", 60):
        ref, reward, beta = _bandit(v.params)
        pi = np.array(v.params["policy"])
        direct = float(pi @ reward - beta * np.sum(pi * (np.log(pi) - np.log(ref))))
        assert math.isclose(v.answer.value, direct, rel_tol=1e-9)
        reverse = float(pi @ reward - beta * np.sum(ref * np.log(ref / pi)))
        assert math.isclose(v.answer.alternatives["reversed_the_direction"], reverse, rel_tol=1e-9)
        terms = [r3(a * r3(math.log(r3(a / b)))) for a, b in zip(pi, ref, strict=True)]
        assert accepted(v, float(pi @ reward) - beta * r3(sum(terms))), v.params


def binomial_tail(n: int, k: int, q: float, at_least: bool) -> float:
    """P(at least k heads) or P(at most k heads) in n tosses of a q-coin, summed exactly."""
    counts = range(k, n + 1) if at_least else range(0, k + 1)
    return sum(math.comb(n, j) * q**j * (1 - q) ** (n - j) for j in counts)


def test_sanov_exponent_is_the_closest_frequency_and_bounds_the_exact_tail():
    """The answer is the smallest D(P || Q) over a grid of frequencies in the event; the
    exact binomial tail never exceeds 2^(-n D*) (the Chernoff bound); students rounding
    either way are marked right."""
    for v in variants("sanov_coin_exponent", 60):
        q, n, k = v.params["q"], v.params["n"], v.params["k"]
        a, above = k / n, k / n > q
        grid = np.linspace(a, 0.999, 2000) if above else np.linspace(0.001, a, 2000)
        assert math.isclose(v.answer.value, float(ke.bernoulli_kl(grid, q).min()), rel_tol=1e-9)
        assert binomial_tail(n, k, q, above) <= 2 ** (-n * v.answer.value)
        ratios = r3(a * r3(math.log2(r3(a / q)))) + r3(
            (1 - a) * r3(math.log2(r3((1 - a) / (1 - q))))
        )
        logs = r3(a * (r3(math.log2(a)) - r3(math.log2(q)))) + r3(
            (1 - a) * (r3(math.log2(1 - a)) - r3(math.log2(1 - q)))
        )
        assert accepted(v, ratios) and accepted(v, logs), (v.params, ratios, logs)


def test_sanov_tosses_are_the_first_count_below_the_threshold_even_when_rounded():
    for v in variants("sanov_tosses_needed", 60):
        q, a, m = v.params["q"], v.params["a"], v.params["digits"]
        d = a * math.log2(a / q) + (1 - a) * math.log2((1 - a) / (1 - q))
        n = v.answer.value
        assert n * d >= m * math.log2(10) > (n - 1) * d
        assert math.ceil(m * 3.32 / r3(d)) == n
        assert grade_answer(str(n), v.answer).correct


def test_conditional_limit_is_the_closest_spinner_in_the_event():
    """A search over how the rest is split finds the I-projection the answer names."""
    for v in variants("sanov_conditional_shape", 60):
        p = v.params
        spinner, hot, other, t = np.array(p["spinner"]), p["hot"], p["other"], p["t"]
        third = 3 - hot - other

        def divergence(share, spinner=spinner, hot=hot, other=other, third=third, t=t):
            candidate = np.zeros(3)
            candidate[hot], candidate[other], candidate[third] = t, share, 1 - t - share
            return ke.kl_divergence(candidate, spinner)

        found = scipy.optimize.minimize_scalar(
            divergence, bounds=(1e-9, 1 - t - 1e-9), method="bounded", options={"xatol": 1e-12}
        )
        assert math.isclose(v.answer.value, found.x, rel_tol=1e-6), p
        assert accepted(v, r3(spinner[other] * (1 - t)) / (1 - spinner[hot])), p


def test_responsibility_is_bayes_rule_with_scipy_densities_and_fair_to_rounding():
    for v in variants("em_responsibility", 80):
        p = v.params
        w1, w2 = p["w1"], 1 - p["w1"]
        a = w1 * scipy.stats.norm.pdf(p["x"], p["mu1"], p["sigma"])
        b = w2 * scipy.stats.norm.pdf(p["x"], p["mu2"], p["sigma"])
        assert math.isclose(v.answer.value, a / (a + b), rel_tol=1e-9), p
        dens = [
            r3(w * r3(scipy.stats.norm.pdf(p["x"], m, p["sigma"])))
            for w, m in ((w1, p["mu1"]), (w2, p["mu2"]))
        ]
        assert accepted(v, dens[0] / r3(sum(dens))), p
        exponent = r3(((p["x"] - p["mu1"]) ** 2 - (p["x"] - p["mu2"]) ** 2) / (2 * p["sigma"] ** 2))
        assert accepted(v, 1 / (1 + r3(w2 / w1 * r3(math.exp(exponent))))), p


def test_responsibility_is_never_just_the_mixing_weight():
    """A point midway between the means has equal densities, so its responsibility is the
    first weight, which the prompt states: such points are not drawn, and a student who
    gives the weight is told why it is wrong."""
    for v in variants("em_responsibility", 200):
        p = v.params
        assert 2 * p["x"] != p["mu1"] + p["mu2"], p
        assert v.answer.alternatives["gave_the_mixing_weight"] == p["w1"]
        assert not grade_answer(f"{p['w1']:g}", v.answer).correct, p


def test_two_coins_responsibility_is_never_a_prior_from_the_prompt():
    """Tosses that favour neither coin (as many heads as tails for mirrored biases such as
    0.3 and 0.7), or favour one by exactly its prior odds, leave a responsibility equal to
    a prior the prompt states: such tosses are not drawn, and giving coin A's prior is a
    named mistake."""
    for v in variants("em_two_coins", 200):
        prior_a = v.params["prior_a"]
        assert v.answer.alternatives["gave_the_prior"] == prior_a
        for prior in (prior_a, round(1 - prior_a, 1)):
            assert not grade_answer(f"{prior:g}", v.answer).correct, v.params


def test_m_step_mean_maximises_the_weighted_log_likelihood():
    """The new mean maximises sum_i r_i log N(x_i; mu, 1) over mu, found by a search."""
    for v in variants("em_m_step_mean", 80):
        xs, rs = np.array(v.params["x"], dtype=float), np.array(v.params["r"])

        def loss(mu, xs=xs, rs=rs):
            return -float(rs @ scipy.stats.norm.logpdf(xs, mu, 1.0))

        found = scipy.optimize.minimize_scalar(
            loss, bounds=(-10, 20), method="bounded", options={"xatol": 1e-10}
        )
        assert math.isclose(v.answer.value, found.x, rel_tol=1e-6, abs_tol=1e-8), v.params
        assert accepted(v, r3(float(rs @ xs)) / r3(float(rs.sum())))


def test_vae_kl_term_is_the_integral_of_q_log_q_over_p_and_fair_to_rounding():
    """Each coordinate's divergence integrated numerically against the standard normal."""
    for v in variants("vae_kl_term", 30):
        mu, sd = v.params["mu"], v.params["sigma"]
        total = 0.0
        for m, s in zip(mu, sd, strict=True):
            q = scipy.stats.norm(m, s)

            def integrand(z, q=q):
                return q.pdf(z) * (q.logpdf(z) - scipy.stats.norm.logpdf(z))

            total += scipy.integrate.quad(integrand, m - 12 * s, m + 12 * s, epsabs=1e-12)[0]
        assert math.isclose(v.answer.value, total, rel_tol=1e-7), v.params
        student = sum(
            r3(0.5 * (r3(m * m) + r3(s * s) - 1 - r3(math.log(r3(s * s)))))
            for m, s in zip(mu, sd, strict=True)
        )
        assert accepted(v, student), (v.params, student)


def test_reparameterised_sample_has_the_encoders_distribution():
    """z = mu + sigma eps: many draws of eps give the mean mu and the variance e^v; the
    answer is the draw for the variant's eps; a student rounding sigma is marked right."""
    noise = np.random.default_rng(5).standard_normal(200_000)
    for v in variants("vae_reparameterised_sample", 60):
        mu, log_var, eps = v.params["mu"], v.params["log_var"], v.params["eps"]
        sigma = math.sqrt(math.exp(log_var))
        samples = mu + sigma * noise
        assert abs(samples.mean() - mu) < 0.02 and math.isclose(
            samples.var(), math.exp(log_var), rel_tol=0.02
        )
        assert math.isclose(v.answer.value, mu + sigma * eps, rel_tol=1e-12)
        assert accepted(v, mu + r3(r3(sigma) * eps)), v.params


def _best_output(p: float, g: float) -> tuple[float, float]:
    """The D in (0, 1) maximising p ln D + g ln(1 - D), by a search, and that maximum."""
    found = scipy.optimize.minimize_scalar(
        lambda d: -(p * math.log(d) + g * math.log(1 - d)),
        bounds=(1e-9, 1 - 1e-9),
        method="bounded",
        options={"xatol": 1e-12},
    )
    return found.x, -found.fun


def test_optimal_discriminator_is_the_pointwise_maximum():
    for v in variants("gan_optimal_discriminator", 60):
        k = v.params["outcome"]
        best, _ = _best_output(v.params["data"][k], v.params["model"][k])
        assert math.isclose(v.answer.value, best, rel_tol=1e-6), v.params
        assert math.isclose(
            v.answer.alternatives["gave_the_fake_probability"], 1 - best, rel_tol=1e-6
        )


def test_value_at_the_optimum_is_the_searched_maximum_and_fair_to_rounding():
    for v in variants("gan_value_at_optimum", 60):
        data, model = v.params["data"], v.params["model"]
        best = sum(_best_output(p, g)[1] for p, g in zip(data, model, strict=True))
        assert math.isclose(v.answer.value, best, rel_tol=1e-7), v.params
        outputs = [r3(p / (p + g)) for p, g in zip(data, model, strict=True)]
        student = sum(r3(p * r3(math.log(d))) for p, d in zip(data, outputs, strict=True)) + sum(
            r3(g * r3(math.log(r3(1 - d)))) for g, d in zip(model, outputs, strict=True)
        )
        assert accepted(v, student), (v.params, student)


def test_gap_change_is_the_difference_of_two_divergences_from_the_posterior():
    """The new gap minus the old, each as D(q || posterior) from Bayes' rule; both signs
    occur, so raising the ELBO over the model sometimes widens the gap."""
    signs = set()
    for v in variants("elbo_gap_after_model_change", 80):
        prior, lik, q = _two_state(v.params)
        raised = np.array([v.params["raised"], lik[1]])
        gaps = []
        for model in (lik, raised):
            post = prior * model / (prior @ model)
            gaps.append(ke.kl_divergence(q, post))
        assert math.isclose(v.answer.value, gaps[1] - gaps[0], rel_tol=1e-9, abs_tol=1e-12)
        signs.add(v.answer.value > 0)
        ratio = r3(float(prior @ raised) / float(prior @ lik))
        student = r3(math.log2(ratio)) - r3(q[0] * r3(math.log2(r3(raised[0] / lik[0]))))
        assert accepted(v, student), (v.params, student)
        assert v.params["raised"] > lik[0], "the update must raise the ELBO"
        reading = "further from" if v.answer.value > 0 else "closer to"
        assert f"so $q$ is {reading} the new posterior" in v.solution, v.solution
    assert signs == {True, False}


def test_vae_loss_is_bernoulli_cross_entropy_plus_the_integrated_kl():
    for v in variants("vae_negative_elbo", 30):
        p = v.params
        recon = -float(np.sum(scipy.stats.bernoulli.logpmf(p["pixels"], p["decoded"])))
        q = scipy.stats.norm(p["mu"], p["sigma"])
        lo, hi = p["mu"] - 12 * p["sigma"], p["mu"] + 12 * p["sigma"]
        penalty = scipy.integrate.quad(
            lambda z, q=q: q.pdf(z) * (q.logpdf(z) - scipy.stats.norm.logpdf(z)),
            lo,
            hi,
            epsabs=1e-12,
        )[0]
        assert math.isclose(v.answer.value, recon + penalty, rel_tol=1e-7), p
        assert math.isclose(v.answer.alternatives["left_out_the_kl"], recon, rel_tol=1e-9)
        kept = [d if b else 1 - d for b, d in zip(p["pixels"], p["decoded"], strict=True)]
        m, s = p["mu"], p["sigma"]
        student = sum(r3(-math.log(k)) for k in kept) + r3(
            0.5 * (r3(m * m) + r3(s * s) - 1 - r3(math.log(r3(s * s))))
        )
        assert accepted(v, student), (p, student)


def test_two_coin_responsibility_is_bayes_rule_with_binomial_likelihoods():
    """The posterior with the binomial pmf (coefficient included) as likelihood."""
    for v in variants("em_two_coins", 80):
        p = v.params
        a = p["prior_a"] * scipy.stats.binom.pmf(p["heads"], p["n"], p["theta_a"])
        b = (1 - p["prior_a"]) * scipy.stats.binom.pmf(p["heads"], p["n"], p["theta_b"])
        assert math.isclose(v.answer.value, a / (a + b), rel_tol=1e-9), p
        h, t = p["heads"], p["n"] - p["heads"]
        wa = r3(p["prior_a"] * r3(r3(p["theta_a"] ** h) * r3((1 - p["theta_a"]) ** t)))
        wb = r3((1 - p["prior_a"]) * r3(r3(p["theta_b"] ** h) * r3((1 - p["theta_b"]) ** t)))
        assert accepted(v, wa / r3(wa + wb)), p
