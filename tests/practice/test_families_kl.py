"""The KL divergence families checked another way: each answer (and each named mistake)
recomputed from the variant's params by numerical integration, a direct sum or SciPy,
never by the engine's closed forms that the families use."""

from __future__ import annotations

import itertools
import math
from functools import cache

import numpy as np
import scipy.integrate
import scipy.optimize
import scipy.special
import scipy.stats

from practice import families
from practice.grader import DEFAULT_ABS_TOL, grade, grade_answer
from practice.questions import GENERATORS

families.load()
LN2 = math.log(2)


def variants(name: str, count: int = 60):
    rng = np.random.default_rng(14)
    return [GENERATORS[name](rng) for _ in range(count)]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def integral_kl(p, q) -> float:
    """D(p || q) in nats of two frozen SciPy densities, integrated numerically."""

    def integrand(x):
        return p.pdf(x) * (p.logpdf(x) - q.logpdf(x))

    return scipy.integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-12, limit=200)[0]


def right_label(v) -> str:
    """The wording of the right option of a choice variant, read from its prompt."""
    for line in v.prompt.splitlines():
        if line.startswith(f"- **{v.answer.value}.** "):
            return line.split("** ", 1)[1]
    raise AssertionError(v.prompt)


def test_univariate_gaussian_kl_is_the_integral_of_p_log_p_over_q():
    for v in variants("kl_gaussian_univariate", 30):
        a = v.params
        p = scipy.stats.norm(a["mu_p"], a["sigma_p"])
        q = scipy.stats.norm(a["mu_q"], a["sigma_q"])
        assert math.isclose(v.answer.value, integral_kl(p, q), rel_tol=1e-6)
        alts = v.answer.alternatives
        assert math.isclose(alts["reversed_the_direction"], integral_kl(q, p), rel_tol=1e-6)
        assert close(alts["used_log_base_2_for_nats"], v.answer.value / LN2)
        # the mean gap is written as a student writes it: (3 - 1), (-3 - (-1)), not (3 - (1))
        mq = a["mu_q"]
        gap = f"({a['mu_p']} - {f'({mq})' if mq < 0 else mq})^2"
        assert gap in v.solution, v.solution


def test_diagonal_gaussian_kl_matches_the_trace_and_determinant_formula():
    for v in variants("kl_gaussian_diagonal"):
        a = v.params
        sp, sq = np.diag(a["var_p"]).astype(float), np.diag(a["var_q"]).astype(float)
        d = np.subtract(a["mu_q"], a["mu_p"])
        inv = np.linalg.inv(sq)
        value = 0.5 * (
            np.trace(inv @ sp) + d @ inv @ d - 2 + math.log(np.linalg.det(sq) / np.linalg.det(sp))
        )
        assert close(v.answer.value, value)
        one = integral_kl(
            scipy.stats.norm(a["mu_p"][0], math.sqrt(a["var_p"][0])),
            scipy.stats.norm(a["mu_q"][0], math.sqrt(a["var_q"][0])),
        )
        assert math.isclose(
            v.answer.alternatives["kept_only_the_first_coordinate"], one, rel_tol=1e-6
        )


def test_bernoulli_kl_matches_scipy_entropy_in_nats():
    for v in variants("kl_bernoulli_nats"):
        a, b = v.params["a"], v.params["b"]
        p, q = [a, 1 - a], [b, 1 - b]
        assert close(v.answer.value, scipy.stats.entropy(p, q))
        alts = v.answer.alternatives
        assert close(alts["reversed_the_direction"], scipy.stats.entropy(q, p))
        assert close(alts["used_log_base_2_for_nats"], scipy.stats.entropy(p, q, base=2))


def test_poisson_kl_is_the_direct_sum_over_counts():
    for v in variants("kl_poisson_nats"):
        lp, lq = v.params["lam_p"], v.params["lam_q"]
        k = np.arange(0, 120)
        p, q = scipy.stats.poisson(lp), scipy.stats.poisson(lq)
        direct = float(np.sum(p.pmf(k) * (p.logpmf(k) - q.logpmf(k))))
        assert close(v.answer.value, direct)
        back = float(np.sum(q.pmf(k) * (q.logpmf(k) - p.logpmf(k))))
        assert close(v.answer.alternatives["reversed_the_direction"], back)


def test_the_support_question_is_infinite_exactly_when_q_rules_out_what_p_allows():
    kinds = set()
    for v in variants("kl_support_and_infinity"):
        p, q = v.params["p"], v.params["q"]
        assert math.isclose(sum(p), 1) and math.isclose(sum(q), 1)
        total = float(np.sum(scipy.special.rel_entr(p, q)))
        infinite = math.isinf(total)
        assert (right_label(v) == "Infinite.") == infinite, (p, q, v.prompt)
        kinds.add(infinite)
    assert kinds == {True, False}


def test_additivity_matches_the_sum_over_every_sequence_of_flips():
    for v in variants("kl_additivity_over_draws", 30):
        a, b, n = v.params["a"], v.params["b"], v.params["n"]
        total = 0.0
        for flips in itertools.product((0, 1), repeat=n):
            heads = sum(flips)
            p = a**heads * (1 - a) ** (n - heads)
            q = b**heads * (1 - b) ** (n - heads)
            total += p * math.log(p / q)
        assert close(v.answer.value, total)
        assert close(v.answer.alternatives["gave_a_single_flip"], total / n)


def test_pinsker_bound_is_computed_in_nats_and_bounds_the_true_distance():
    for v in variants("kl_pinsker_bound"):
        p, q = v.params["p"], v.params["q"]
        d = scipy.stats.entropy(p, q)
        assert close(v.answer.value, math.sqrt(d / 2))
        tv = 0.5 * sum(abs(x - y) for x, y in zip(p, q, strict=True))
        assert tv <= v.answer.value + 1e-12
        assert close(v.answer.alternatives["forgot_the_half"], math.sqrt(d))


def test_forward_kl_fit_matches_the_moments_and_reverse_sits_on_a_peak():
    directions = set()
    for v in variants("kl_forward_or_reverse", 30):
        m, s, forward = v.params["m"], v.params["s"], v.params["forward"]
        label = right_label(v)
        directions.add(forward)
        if forward:
            # the forward fit over normals matches the mixture's mean and variance
            mixture = scipy.stats.norm(-m, s), scipy.stats.norm(m, s)
            second = 0.5 * sum(c.expect(lambda x: x * x) for c in mixture)
            assert label.startswith("A wide normal") and f"variance {second:g}" in label
        else:
            assert label.startswith("A narrow normal")
            on_peak, centred = _reverse_fits(m, s)
            assert on_peak < centred, (m, s)
    assert directions == {True, False}


@cache
def _reverse_fits(m: float, s: float) -> tuple[float, float]:
    """D(q || P) in nats for the equal mixture P of N(-m, s^2) and N(m, s^2): with q the
    normal on one peak, N(m, s^2), and with q the best normal centred at 0."""
    mixture = (scipy.stats.norm(-m, s), scipy.stats.norm(m, s))

    def reverse(mu: float, sd: float) -> float:
        q = scipy.stats.norm(mu, sd)
        x = np.linspace(mu - 12 * sd, mu + 12 * sd, 20001)  # q's mass, finely
        log_p = np.logaddexp(mixture[0].logpdf(x), mixture[1].logpdf(x)) - math.log(2)
        return float(np.trapezoid(q.pdf(x) * (q.logpdf(x) - log_p), x))

    best = scipy.optimize.minimize_scalar(
        lambda sd: reverse(0.0, sd), bounds=(0.1, 2 * math.hypot(m, s)), method="bounded"
    )
    return reverse(m, s), best.fun


def test_the_reverse_fit_leaves_the_peaks_for_the_middle_when_they_are_close():
    """Why the question keeps its peaks 6 standard deviations apart: at 5.3 (N(+-2, 0.75^2))
    the wide normal centred at 0 already beats a normal on one peak in D(q || P)."""
    on_peak, centred = _reverse_fits(2, 0.75)
    assert centred < on_peak


def test_chain_rule_matches_the_sum_over_the_four_joint_outcomes():
    for v in variants("kl_chain_rule"):
        px, qx = v.params["px"], v.params["qx"]
        py, qy = v.params["py_given_x"], v.params["qy_given_x"]
        p = [(1 - px) * (1 - py[0]), (1 - px) * py[0], px * (1 - py[1]), px * py[1]]
        q = [(1 - qx) * (1 - qy[0]), (1 - qx) * qy[0], qx * (1 - qy[1]), qx * qy[1]]
        assert close(v.answer.value, scipy.stats.entropy(p, q))
        assert close(
            v.answer.alternatives["left_out_the_conditional_term"],
            scipy.stats.entropy([1 - px, px], [1 - qx, qx]),
        )
        assert close(v.answer.alternatives["used_log_base_2_for_nats"], v.answer.value / LN2)


def test_data_processing_divergence_is_of_the_received_bits_and_never_grows():
    for v in variants("kl_data_processing_channel"):
        a, b, eps = v.params["a"], v.params["b"], v.params["epsilon"]
        channel = np.array([[1 - eps, eps], [eps, 1 - eps]])
        p_out = np.array([1 - a, a]) @ channel
        q_out = np.array([1 - b, b]) @ channel
        assert close(v.answer.value, scipy.stats.entropy(p_out, q_out))
        before = scipy.stats.entropy([1 - a, a], [1 - b, b])
        assert close(v.answer.alternatives["ignored_the_channel"], before)
        assert v.answer.value < before


def test_sample_estimate_is_the_average_log_ratio_over_the_listed_draws():
    signs = set()
    for v in variants("kl_estimate_from_samples"):
        p = dict(zip("abc", v.params["p"], strict=True))
        q = dict(zip("abc", v.params["q"], strict=True))
        sample = v.params["sample"]
        assert len(sample) == v.params["n"]
        estimate = np.mean([math.log(p[x] / q[x]) for x in sample])
        assert close(v.answer.value, estimate)
        assert all(p[x] > 0 for x in sample)  # only what P can produce is drawn
        for x in set(sample):  # each listed draw appears in the prompt
            assert f"{x}," in v.prompt or f"{x}." in v.prompt
        exact = scipy.stats.entropy(v.params["p"], v.params["q"])
        signs.add(estimate > exact)
        # a student who sums over P instead of the draws is told so, never marked right
        assert not grade_answer(f"{exact:.3g}", v.answer).correct, sample
        assert close(v.answer.alternatives["computed_the_exact_divergence"], exact)
        for x in "abc":
            drawn = sample.count(x)
            assert (f"${x}$ drawn once," if drawn == 1 else f"${x}$ drawn ${drawn}$ times,") in (
                v.solution
            )
    assert signs == {True, False}  # the estimate falls on both sides of the truth


def test_mistake_messages_are_plain_text_and_every_variant_has_a_hint():
    for name, make in GENERATORS.items():
        if make.__module__ != "practice.families.kl":
            continue
        for v in variants(name, 20):
            assert v.hint
            for code, message in v.answer.messages.items():
                assert not set("$\\*_^{}") & set(message), (name, code, message)


def test_answers_asked_in_nats_may_carry_their_unit():
    for name, make in GENERATORS.items():
        if make.__module__ != "practice.families.kl":
            continue
        for v in variants(name, 5):
            if v.answer.kind != "number" or "nats" not in v.prompt:
                continue
            value = v.answer.value
            assert v.answer.unit == "nats", name
            assert grade_answer(f"{value:.6g} nats", v.answer).correct, name
            assert grade_answer(f"{value / LN2:.6g} bits", v.answer).correct, name


def test_the_page_s_information_theory_questions_state_the_precision_they_accept():
    """The four KL-page questions of ``practice/questions.py`` ask for 3 significant
    figures, and an answer written so is right (graded as the practice page grades it)."""
    for name in (
        "kl_divergence_discrete",
        "kl_asymmetry",
        "cross_entropy_decomposition",
        "mutual_information_as_kl",
    ):
        for v in variants(name, 40):
            assert v.prompt.endswith("Give your answer to 3 significant figures."), name
            abs_tol = max(v.slack, DEFAULT_ABS_TOL)
            assert grade(f"{v.expected:.3g}", v.expected, unit=v.unit, abs_tol=abs_tol).correct
