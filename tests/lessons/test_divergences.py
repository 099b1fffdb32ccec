"""The graduate lessons around KL divergence whose questions live in
``practice/families/divergences.py``: the facts they state in words, recomputed.

The numbers these lessons print are checked by the claims of
``tests/knowledge_graph/test_explainers.py`` (each a kl_engine result rounded as shown, and
every decimal in the text covered by one); :func:`test_every_printed_number_is_a_claim`
runs that check for these lessons here too. The tests below recompute, another way, what
the lessons say in words: a gradient, a minimum, a bound, a rate.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.special
import scipy.stats

from practice import kl_engine as ke
from tests.knowledge_graph.test_explainers import CLAIMS
from tests.lessons.checker import equation_problems, lesson, number_problems, squash
from tests.lessons.pages import check_topic_pages

E = math.e
LESSONS = (
    "cross-entropy-loss",
    "jensen-shannon-divergence",
    "f-divergences",
    "maximum-likelihood-as-kl-minimization",
    "fisher-information",
    "akaike-information-criterion",
    "chernoff-stein-lemma",
)


@pytest.mark.parametrize("slug", LESSONS)
def test_every_printed_number_is_a_claim(slug):
    text = lesson(slug)
    assert number_problems(text, CLAIMS[slug]()) == []
    assert equation_problems(text) == []


# ------------------------------------------------------------------ cross-entropy loss

PREDICTION = np.array([0.7, 0.2, 0.1])
SMOOTHED = np.array([0.9, 0.05, 0.05])


def test_cross_entropy_gradient_is_prediction_minus_target():
    """The lesson's (-0.3, 0.2, 0.1), from a finite difference of -log softmax(z)_1 at
    scores whose softmax is (0.7, 0.2, 0.1)."""
    z, h = np.log(PREDICTION), 1e-6
    slope = [
        (
            -scipy.special.log_softmax(z + h * np.eye(3)[k])[0]
            + scipy.special.log_softmax(z - h * np.eye(3)[k])[0]
        )
        / (2 * h)
        for k in range(3)
    ]
    assert np.allclose(slope, [-0.3, 0.2, 0.1], atol=1e-6)
    assert "the gradient is\n$(-0.3, 0.2, 0.1)$" in lesson("cross-entropy-loss")


def test_cross_entropy_facts_in_words():
    one_hot = np.eye(3)[0]
    # A one-hot target has no entropy: the loss is the KL divergence.
    assert ke.entropy(one_hot, base=E) == 0
    assert ke.cross_entropy(one_hot, PREDICTION, base=E) == pytest.approx(
        ke.kl_divergence(one_hot, PREDICTION, base=E)
    )
    # A confident mistake costs more than a hesitant success earns.
    assert ke.cross_entropy(np.eye(3)[2], PREDICTION, base=E) > 6 * ke.cross_entropy(
        one_hot, PREDICTION, base=E
    )
    # With a smoothed target the smallest loss is H(P), at q = P, over a grid of q.
    a, b = np.meshgrid(np.linspace(0.01, 0.98, 98), np.linspace(0.01, 0.98, 98))
    keep = a + b < 0.995
    grid = np.stack([a[keep], b[keep], 1 - a[keep] - b[keep]], -1)
    losses = ke.cross_entropy(np.broadcast_to(SMOOTHED, grid.shape), grid, base=E)
    assert losses.min() >= ke.entropy(SMOOTHED, base=E)
    assert grid[losses.argmin()] == pytest.approx(SMOOTHED, abs=0.011)
    # The reverse direction is infinite for a one-hot target.
    assert math.isinf(ke.kl_divergence(PREDICTION, one_hot))
    # Saturated on a wrong answer (true class at 1e-4): the cross-entropy gradient on the
    # true score stays near -1 while a squared error on the probabilities barely moves.
    z = np.array([0.0, 0.0, math.log(1e-4)])
    q = scipy.special.softmax(z)
    target = np.eye(3)[2]
    jacobian = np.diag(q) - np.outer(q, q)
    squared = jacobian @ (2 * (q - target))
    assert (q - target)[2] < -0.99 and abs(squared[2]) < 1e-3
    text = squash(lesson("cross-entropy-loss"))
    assert "a loss of $2.303$ nats is a perplexity of $10$" in text


# ------------------------------------------------------------ Jensen-Shannon divergence

P3, Q3 = np.array([0.6, 0.3, 0.1]), np.array([0.3, 0.3, 0.4])


def test_js_properties_the_lesson_lists():
    js = ke.js_divergence(P3, Q3)
    m = (P3 + Q3) / 2
    assert js == pytest.approx(ke.js_divergence(Q3, P3), rel=1e-12)
    # An entropy gap, and the mutual information between a fair coin and its draw.
    assert js == pytest.approx(ke.entropy(m) - ke.entropy(P3) / 2 - ke.entropy(Q3) / 2)
    assert js == pytest.approx(ke.mutual_information(np.stack([P3, Q3]) / 2), rel=1e-12)
    # Bounded by 1 bit, reached for disjoint supports, where both KL divergences are infinite.
    rng = np.random.default_rng(3)
    pairs = rng.dirichlet(np.ones(4), size=(500, 2))
    assert (ke.js_divergence(pairs[:, 0], pairs[:, 1]) < 1).all()
    assert ke.js_divergence([0.2, 0.8, 0, 0], [0, 0, 0.5, 0.5]) == pytest.approx(1)
    assert math.isinf(ke.kl_divergence([1, 0], [0, 1]))
    # The square root satisfies the triangle inequality on random triples.
    a, b, c = rng.dirichlet(np.ones(4), size=(3, 2000))
    root = [np.sqrt(ke.js_divergence(x, y)) for x, y in ((a, c), (a, b), (b, c))]
    assert (root[0] <= root[1] + root[2] + 1e-12).all()


def test_scipy_jensenshannon_returns_the_root_in_nats_unless_given_base_2():
    """The lesson's two printed values, from SciPy itself."""
    from scipy.spatial.distance import jensenshannon

    assert jensenshannon(P3, Q3) == pytest.approx(math.sqrt(ke.js_divergence(P3, Q3, base=E)))
    assert jensenshannon(P3, Q3, base=2) == pytest.approx(math.sqrt(ke.js_divergence(P3, Q3)))
    text = squash(lesson("jensen-shannon-divergence"))
    assert f"it prints ${jensenshannon(P3, Q3):.3f}$" in text
    assert f"in bits, it is ${jensenshannon(P3, Q3, base=2):.3f}$" in text


def test_the_gan_value_at_the_best_discriminator_is_twice_js_minus_log_4():
    best = P3 / (P3 + Q3)
    value = float(P3 @ np.log(best) + Q3 @ np.log(1 - best))
    assert value == pytest.approx(2 * ke.js_divergence(P3, Q3, base=E) - math.log(4))
    assert r"$2\,\mathrm{JS}(P_{\text{data}}, P_{\text{model}}) - \log 4$" in lesson(
        "jensen-shannon-divergence"
    )


# ------------------------------------------------------------------------ f-divergences


def _d(f, p, q):
    """sum_x q f(p / q), along the last axis."""
    return np.sum(q * f(p / q), axis=-1)


F_TABLE = {
    "kl": lambda t: t * np.log(t),
    "reverse": lambda t: -np.log(t),
    "tv": lambda t: np.abs(t - 1) / 2,
    "hellinger": lambda t: (np.sqrt(t) - 1) ** 2,
    "chi2": lambda t: (t - 1) ** 2,
    "js": lambda t: (t * np.log(t) - (t + 1) * np.log((t + 1) / 2)) / 2,
}


def test_the_table_s_generators_give_the_divergences_named():
    rng = np.random.default_rng(7)
    p, q = rng.dirichlet(np.ones(4), size=(2, 200))
    assert np.allclose(_d(F_TABLE["kl"], p, q), ke.kl_divergence(p, q, base=E))
    assert np.allclose(_d(F_TABLE["reverse"], p, q), ke.kl_divergence(q, p, base=E))
    assert np.allclose(_d(F_TABLE["tv"], p, q), np.abs(p - q).sum(-1) / 2)
    assert np.allclose(_d(F_TABLE["hellinger"], p, q), ((np.sqrt(p) - np.sqrt(q)) ** 2).sum(-1))
    assert np.allclose(_d(F_TABLE["chi2"], p, q), ((p - q) ** 2 / q).sum(-1))
    assert np.allclose(_d(F_TABLE["js"], p, q), ke.js_divergence(p, q, base=E))


def test_f_divergences_share_the_properties_the_lesson_proves_or_states():
    rng = np.random.default_rng(8)
    p, q = rng.dirichlet(np.ones(4), size=(2, 300))
    channel = rng.dirichlet(np.ones(3), size=(300, 4))  # row-stochastic, 4 inputs to 3 outputs
    lam = rng.uniform(size=(300, 1))
    p2, q2 = rng.dirichlet(np.ones(4), size=(2, 300))
    for f in F_TABLE.values():
        d = _d(f, p, q)
        assert (d >= -1e-12).all()  # never negative
        out_p, out_q = np.einsum("ni,nij->nj", p, channel), np.einsum("ni,nij->nj", q, channel)
        assert (_d(f, out_p, out_q) <= d + 1e-12).all()  # data processing
        mixed = _d(f, lam * p + (1 - lam) * p2, lam * q + (1 - lam) * q2)
        assert (mixed <= lam[:, 0] * d + (1 - lam[:, 0]) * _d(f, p2, q2) + 1e-12).all()

        def mirror(t, f=f):
            return t * f(1 / t)

        assert np.allclose(_d(mirror, p, q), _d(f, q, p))  # swapping the arguments

        def shifted(t, f=f):
            return f(t) + 3 * (t - 1)

        assert np.allclose(_d(shifted, p, q), d)  # adding c (t - 1) changes nothing
    # KL's mirror is -log t: the table's reverse KL.
    t = np.linspace(0.1, 5, 50)
    assert np.allclose(t * F_TABLE["kl"](1 / t), F_TABLE["reverse"](t))


def test_near_equal_distributions_every_smooth_divergence_is_a_multiple_of_chi2():
    q = np.array([0.3, 0.3, 0.4])
    p = q + 1e-3 * np.array([1.0, -2.0, 1.0])
    chi2 = _d(F_TABLE["chi2"], p, q)
    h = 1e-4
    for name in ("kl", "reverse", "hellinger", "js"):
        f = F_TABLE[name]
        second = (f(1 + h) - 2 * f(1.0) + f(1 - h)) / h**2  # f''(1)
        assert _d(f, p, q) == pytest.approx(second / 2 * chi2, rel=5e-3), name


def test_not_every_distance_between_distributions_is_an_f_divergence():
    """The example's P and Q put on the points 0, 1, 2 and then on 0, 1, 10: an
    f-divergence sees only the probabilities, so every one of them is unchanged, while the
    Wasserstein distance grows with how far the mass must move; it is no f-divergence (the
    lesson says many, not most or all)."""
    assert "Many of the ways statisticians compare" in squash(lesson("f-divergences"))
    # _d, like every f-divergence, takes the probabilities alone: no positions enter
    near = scipy.stats.wasserstein_distance([0, 1, 2], [0, 1, 2], P3, Q3)
    far = scipy.stats.wasserstein_distance([0, 1, 10], [0, 1, 10], P3, Q3)
    assert near == pytest.approx(0.6) and far == pytest.approx(3.0)


def test_each_smooth_divergence_s_local_curvature_is_the_fisher_information_times_f2():
    """For coins theta and theta + delta, D_f ~ f''(1) I(theta) delta^2 / 2: the Fisher
    information scaled by f''(1) (1/4 for Jensen-Shannon, 2 for chi-squared), not one
    curvature shared by all."""
    assert "the Fisher\ninformation, scaled by $f''(1)$, as its local curvature" in lesson(
        "f-divergences"
    )
    theta, delta = 0.3, 1e-3
    p = np.array([theta, 1 - theta])
    q = np.array([theta + delta, 1 - theta - delta])
    info = 1 / (theta * (1 - theta))
    for name, second in (
        ("kl", 1.0),
        ("reverse", 1.0),
        ("hellinger", 0.5),
        ("js", 0.25),
        ("chi2", 2.0),
    ):
        assert _d(F_TABLE[name], p, q) == pytest.approx(second * info * delta**2 / 2, rel=5e-3)


def test_the_variational_form_recovers_kl():
    """sup_T E_P[T] - E_Q[f*(T)] with f(t) = t ln t, f*(u) = e^(u - 1): reached at
    T = 1 + ln(p/q), and below it for any other T."""
    p, q = P3, Q3
    best = 1 + np.log(p / q)

    def bound(t):
        return float(p @ t - q @ np.exp(t - 1))

    assert bound(best) == pytest.approx(ke.kl_divergence(p, q, base=E), rel=1e-12)
    rng = np.random.default_rng(9)
    assert all(bound(best + rng.normal(scale=0.3, size=3)) < bound(best) for _ in range(100))


# ------------------------------------------------- maximum likelihood as KL minimisation


def test_average_log_likelihood_is_minus_entropy_minus_divergence():
    rng = np.random.default_rng(11)
    data = rng.integers(0, 4, size=50)
    emp = np.bincount(data, minlength=4) / data.size
    for q in rng.dirichlet(np.ones(4), size=20):
        average = np.log2(q[data]).mean()
        assert average == pytest.approx(-ke.entropy(emp) - ke.kl_divergence(emp, q))
    # Seven heads in ten: the best coin on a fine grid is 0.7, and the fair coin is behind
    # it by exactly the divergence.
    grid = np.linspace(0.001, 0.999, 999)
    average = 0.7 * np.log2(grid) + 0.3 * np.log2(1 - grid)
    assert grid[average.argmax()] == pytest.approx(0.7)
    assert average.max() - (-1) == pytest.approx(ke.bernoulli_kl(0.7, 0.5), rel=1e-3)


def test_a_normal_fitted_to_two_humps_takes_their_overall_mean_and_variance():
    """Maximum likelihood on a large sample from an equal mixture of N(-3, 1) and N(3, 1)
    matches the mixture's moments (mean 0, variance 10): between the humps, where the data
    are scarce, its density is highest."""
    rng = np.random.default_rng(12)
    x = np.concatenate([rng.normal(-3, 1, 100_000), rng.normal(3, 1, 100_000)])
    mu, var = x.mean(), x.var()  # the maximum-likelihood normal
    assert abs(mu) < 0.05 and var == pytest.approx(10, rel=0.01)
    grid = np.linspace(-10, 10, 2001)
    loglik = [ke.gaussian_logpdf(x, m, math.sqrt(var)).sum() for m in (mu - 0.5, mu, mu + 0.5)]
    assert loglik[1] > max(loglik[0], loglik[2])
    assert abs(grid[np.argmax(ke.gaussian_pdf(grid, mu, math.sqrt(var)))]) < 0.1


def test_the_density_identity_holds_for_two_normals():
    """E_P[ln q(X)] = -h(P) - D(P || Q) for P = N(0, 1), Q = N(1, 2^2), by quadrature."""
    x = np.linspace(-12, 12, 240_001)
    p = ke.gaussian_pdf(x, 0.0, 1.0)
    expected = np.trapezoid(p * ke.gaussian_logpdf(x, 1.0, 2.0), x)
    h = 0.5 * math.log(2 * math.pi * math.e)
    assert expected == pytest.approx(-h - ke.gaussian_kl(0, 1, 1, 2, base=E), rel=1e-9)


# ---------------------------------------------------------------------- Fisher information


def _coin_scores(theta: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For x = 1, 0: the probabilities, the scores and the second derivatives of the log."""
    x = np.array([1.0, 0.0])
    probs = np.where(x == 1, theta, 1 - theta)
    score = x / theta - (1 - x) / (1 - theta)
    second = -x / theta**2 - (1 - x) / (1 - theta) ** 2
    return probs, score, second


def test_the_coin_s_score_has_mean_zero_and_variance_the_information():
    for theta in (0.5, 0.9):
        probs, score, second = _coin_scores(theta)
        assert probs @ score == pytest.approx(0, abs=1e-12)
        assert probs @ score**2 == pytest.approx(1 / (theta * (1 - theta)))
        assert -(probs @ second) == pytest.approx(1 / (theta * (1 - theta)))


def test_the_edge_coin_is_easier_to_tell_apart_and_worse_approximated():
    step = 0.05
    for theta in (0.5, 0.9):
        approx = step**2 / (2 * theta * (1 - theta))
        exact = ke.bernoulli_kl(theta, theta + step, base=E)
        error = abs(exact - approx) / exact
        assert error < 0.01 if theta == 0.5 else error > 0.3
    assert ke.bernoulli_kl(0.9, 0.95, base=E) > ke.bernoulli_kl(0.5, 0.55, base=E)


def test_with_several_parameters_the_fisher_matrix_is_the_curvature():
    """N(mu, sigma^2) in (mu, sigma): I = diag(1, 2) / sigma^2, and
    D(p || p + delta) ~ delta^T I delta / 2 for a small step."""
    mu, sigma = 1.0, 2.0
    fisher = np.diag([1.0, 2.0]) / sigma**2
    for delta in (np.array([1e-3, 0]), np.array([0, 1e-3]), np.array([7e-4, -5e-4])):
        exact = ke.gaussian_kl(mu, sigma, mu + delta[0], sigma + delta[1], base=E)
        assert exact == pytest.approx(delta @ fisher @ delta / 2, rel=5e-3)


def test_cramer_rao_for_100_fair_tosses_and_the_frequency_reaches_it():
    n, theta = 100, 0.5
    bound = math.sqrt(theta * (1 - theta) / n)
    frequency = scipy.stats.binom(n, theta).std() / n
    assert bound == pytest.approx(0.05) and frequency == pytest.approx(bound)


def test_information_changes_with_the_parametrisation_as_jeffreys_needs():
    """In the log-odds eta the coin's information is theta (1 - theta) = I(theta) (dtheta /
    deta)^2, so sqrt(I) d(parameter) is the same measure either way."""
    for theta in (0.2, 0.5, 0.9):
        eta, h = math.log(theta / (1 - theta)), 1e-5

        def kl_eta(d, eta=eta):
            a, b = scipy.special.expit(eta), scipy.special.expit(eta + d)
            return ke.bernoulli_kl(a, b, base=E)

        info_eta = 2 * kl_eta(h) / h**2
        slope = theta * (1 - theta)  # dtheta / deta
        assert info_eta == pytest.approx(slope**2 / (theta * (1 - theta)), rel=1e-3)


def test_natural_gradient_steps_agree_across_parametrisations_to_first_order_only():
    """One natural-gradient step on a coin's log-likelihood (7 heads in 10), taken in theta
    and in the log-odds eta, lands on the same coin up to a term in the square of the step,
    which does not vanish: the invariance holds to first order in the step size."""
    assert "to first order in the step size" in squash(lesson("fisher-information"))
    heads, n, theta = 7, 10, 0.4
    eta = math.log(theta / (1 - theta))
    score_theta = heads / theta - (n - heads) / (1 - theta)
    score_eta = heads - n * theta  # d/deta of the log-likelihood
    info_theta, info_eta = n / (theta * (1 - theta)), n * theta * (1 - theta)
    gaps = []
    for step in (0.1, 0.05, 0.025):
        by_theta = theta + step * score_theta / info_theta
        by_eta = scipy.special.expit(eta + step * score_eta / info_eta)
        gaps.append(abs(by_theta - by_eta))
    assert gaps[0] > 1e-4  # not the same coin after a finite step
    assert gaps[0] / gaps[1] == pytest.approx(4, rel=0.1)  # the gap shrinks like step^2
    assert gaps[1] / gaps[2] == pytest.approx(4, rel=0.1)


# ------------------------------------------------------------ Akaike information criterion


def test_the_in_sample_log_likelihood_is_optimistic_by_about_k():
    """A categorical model with k = 3 free probabilities fitted to 400 draws from a
    four-outcome truth: its maximised log-likelihood beats its expected log-likelihood on
    fresh data of the same size by about k, on average over many samples."""
    truth = np.array([0.1, 0.2, 0.3, 0.4])
    n, reps = 400, 4000
    rng = np.random.default_rng(13)
    counts = rng.multinomial(n, truth, size=reps)
    fitted = counts / n
    in_sample = (counts * np.log(fitted)).sum(axis=1)
    fresh = n * (truth * np.log(fitted)).sum(axis=1)
    assert (in_sample - fresh).mean() == pytest.approx(3, abs=0.2)


def test_for_a_badly_wrong_model_the_optimism_is_not_k():
    """A normal (k = 2: mean and variance) fitted to 400 draws from a Laplace truth: the
    in-sample optimism is about 1 + (kurtosis - 1) / 2 = 3.5 (Takeuchi's trace), not 2, as
    the lesson's condition on Akaike's k says."""
    assert "Takeuchi's criterion" in squash(lesson("akaike-information-criterion"))
    n, reps = 400, 4000
    rng = np.random.default_rng(17)
    x = rng.laplace(0, 1, size=(reps, n))  # variance 2, kurtosis 6
    mu, var = x.mean(axis=1), x.var(axis=1)
    in_sample = -n / 2 * (np.log(2 * math.pi * var) + 1)
    fresh = n * (-0.5 * np.log(2 * math.pi * var) - (2 + mu**2) / (2 * var))
    assert (in_sample - fresh).mean() == pytest.approx(3.5, abs=0.25)


def test_bic_picks_the_true_fair_coin_more_often_than_aic():
    """With the fair coin true, AIC prefers the free coin about P(chi2_1 > 2) of the time,
    BIC far less often at a large sample."""
    n, reps = 2000, 20_000
    rng = np.random.default_rng(14)
    heads = rng.binomial(n, 0.5, size=reps)
    a = heads / n
    gain = 2 * n * ke.bernoulli_kl(a, np.full(reps, 0.5), base=E)  # 2 (ln L_free - ln L_fair)
    aic_free = (gain > 2).mean()
    bic_free = (gain > math.log(n)).mean()
    assert aic_free == pytest.approx(scipy.stats.chi2(1).sf(2), abs=0.01)
    assert bic_free < 0.01 < aic_free


# ------------------------------------------------------------------- Chernoff-Stein lemma


def best_miss_rate(null: float, other: float, n: int, eps: float = 0.05) -> float:
    """-log2(beta_n) / n for the likelihood-ratio test of a coin (heads probability
    ``null`` protected at level ``eps`` against ``other``): it rejects the null on a heads
    count beyond a threshold, which the exact binomial tails place."""
    k = np.arange(n + 1)
    under_null, under_other = scipy.stats.binom(n, null), scipy.stats.binom(n, other)
    if other > null:  # many heads point to the other coin
        t = k[under_null.sf(k - 1) <= eps][0]  # the smallest threshold with alpha <= eps
        missed = k[k < t]
    else:
        t = k[under_null.cdf(k) <= eps][-1]
        missed = k[k > t]
    log_beta = scipy.special.logsumexp(under_other.logpmf(missed))  # no underflow
    return -log_beta / math.log(2) / n


def test_the_miss_rate_of_the_best_test_approaches_the_divergence_from_the_null():
    """Fair against 0.9: the rate climbs towards D(P || Q) = 0.737 bits per toss protecting
    the fair coin, and towards D(Q || P) = 0.531 protecting the biased one."""
    for null, other in ((0.5, 0.9), (0.9, 0.5)):
        d = ke.bernoulli_kl(null, other)
        rates = [best_miss_rate(null, other, n) for n in (100, 1000, 10_000, 100_000)]
        gaps = [d - r for r in rates]
        assert all(g > 0 for g in gaps) and gaps[0] > gaps[1] > gaps[2] > gaps[3]
        assert gaps[3] < 0.015 * d


def test_the_sample_size_rule_of_thumb():
    """log2(1/beta) / D readings bring 2^(-n D) down to beta."""
    d = ke.bernoulli_kl(0.5, 0.9)
    for beta in (1e-3, 1e-6):
        n = math.log2(1 / beta) / d
        assert 2 ** (-n * d) == pytest.approx(beta)


# ----------------------------------------------------------------------------- the plots

STEIN_COINS = (0.5, 0.9)  # the fair null and the biased alternative
HUMPS = (5, 0.8)  # the forward-reverse plot's separation and width, as on the KL page

PLOT_LINES = {
    "chernoff-stein-lemma": lambda: [
        "[[plot:divergence p={:g},{:g} q={:g},{:g}]]".format(
            *(x for heads in STEIN_COINS for x in (heads, 1 - heads))
        )
    ],
    "maximum-likelihood-as-kl-minimization": lambda: [
        "[[plot:forward-reverse sep={:g} width={:g}]]".format(*HUMPS)
    ],
}


def plot_summary(slug: str) -> str:
    from practice import plots
    from practice.plots.kinds import parse_shortcode

    (line,) = PLOT_LINES[slug]()
    name, raw = parse_shortcode(line[len("[[plot:") : -2])
    spec = plots.parse(name, raw)
    return squash(spec.kind.compute(spec.args).summary)


def test_the_stein_plot_shows_the_lesson_s_contributions_and_rates():
    summary = plot_summary("chernoff-stein-lemma")
    text = squash(lesson("chernoff-stein-lemma"))
    assert "Contributions p·log₂(p/q) in bits: -0.4240, 1.1610" in summary
    assert "q·log₂(q/p): 0.7632, -0.2322" in summary
    assert "D(P‖Q) = 0.7370 bits; D(Q‖P) = 0.5310 bits" in summary
    for said in ("$-0.424$", "$1.161$", "$0.763$", "$-0.232$", "= 0.737$", "= 0.531$"):
        assert said in text, said
    fair, biased = STEIN_COINS
    assert (1 - fair) / (1 - biased) == pytest.approx(5)  # "five times likelier"
    assert "five times likelier" in text


def test_the_forward_fit_in_the_plot_is_the_one_the_lesson_describes():
    summary = plot_summary("maximum-likelihood-as-kl-minimization")
    sep, width = HUMPS
    x = np.linspace(-10, 10, 2001)
    logp = ke.gaussian_mixture_logpdf(x, [0.5, 0.5], [-sep / 2, sep / 2], [width, width])
    fit = ke.fit_gaussian(x, np.exp(logp), direction="forward", log_p_density=logp)
    assert abs(fit.mu) < 1e-3 and f"{fit.sigma:.2f}" == "2.62"
    assert f"Forward fit (minimises KL(p‖q)): μ = 0.000, σ = {fit.sigma:.3f}" in summary
    assert "The reverse fit locks onto one mode" in summary
    text = squash(lesson("maximum-likelihood-as-kl-minimization"))
    assert r"$\sqrt{0.8^2 + 2.5^2} \approx 2.62$" in text


@pytest.mark.django_db
def test_each_topic_page_shows_its_lesson_and_plots_and_each_practice_page_a_question(
    client, curriculum
):
    check_topic_pages(client, LESSONS, PLOT_LINES)


def test_the_stein_rate_does_not_depend_on_the_tolerance():
    """ "for any fixed epsilon between zero and one": a strict and a loose tolerance give
    rates that close in on each other and on D(P || Q) as the sample grows."""
    d = ke.bernoulli_kl(0.5, 0.9)
    gaps = []
    for n in (1000, 100_000):
        strict, loose = best_miss_rate(0.5, 0.9, n, 0.01), best_miss_rate(0.5, 0.9, n, 0.3)
        assert strict < loose < d
        gaps.append(loose - strict)
    assert gaps[1] < gaps[0] / 5 and d - best_miss_rate(0.5, 0.9, 100_000, 0.01) < 0.03 * d
