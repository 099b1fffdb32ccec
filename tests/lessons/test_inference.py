"""The lessons of inference and learning (graduate): every number checked.

Variational inference, the evidence lower bound, KL-regularised policy optimisation,
Sanov's theorem, the EM algorithm, variational autoencoders and GANs. ``CLAIMS`` computes
every number a lesson states from the example's inputs with the KL engine (or a few lines
of NumPy where the engine has no function), and the tests below recompute the facts the
lessons state in words.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from practice import kl_engine as ke
from tests.lessons.checker import Claim, claim, lesson, lesson_problems, shape_problems, squash
from tests.lessons.test_lesson_plots import shown

E = math.e


def sci(value: float) -> tuple[float, float]:
    """``value`` as (mantissa, exponent) for a snippet like ``«.2f» \\times 10^{«.0f»}``."""
    exponent = math.floor(math.log10(value))
    return value / 10.0**exponent, exponent


# ------------------------------------------------------------------ variational inference

VI_RHO = 0.9  # the posterior's correlation in the mean-field example


def mean_field_fit(rho: float, direction: str = "reverse"):
    """Best isotropic factorised Gaussian for N(0, [[1, rho], [rho, 1]]) by a search over
    its standard deviation: (sd, divergence in nats), reverse D(q||p) or forward D(p||q)."""
    cov = np.array([[1.0, rho], [rho, 1.0]])
    sds = np.linspace(0.2, 1.2, 100_001)
    qs = sds[:, None, None] ** 2 * np.eye(2)
    zeros = np.zeros((sds.size, 2))
    if direction == "reverse":
        kl = ke.multivariate_gaussian_kl(zeros, qs, np.zeros(2), cov, base=E)
    else:
        kl = ke.multivariate_gaussian_kl(np.zeros(2), cov, zeros, qs, base=E)
    best = int(np.argmin(kl))
    return float(sds[best]), float(kl[best])


VI_SEP, VI_WIDTH = 6.0, 1.0  # the two-humped posterior: modes at -3 and 3, unit widths


def two_hump_fits():
    """The forward and reverse single-Gaussian fits to the two-humped posterior."""
    x = np.linspace(-10.0, 10.0, 2001)
    mus, widths = [-VI_SEP / 2, VI_SEP / 2], [VI_WIDTH, VI_WIDTH]
    logp = ke.gaussian_mixture_logpdf(x, [0.5, 0.5], mus, widths)
    fits = {
        d: ke.fit_gaussian(x, np.exp(logp), direction=d, log_p_density=logp)
        for d in ("forward", "reverse")
    }
    return fits["forward"], fits["reverse"]


def vi_claims() -> list[Claim]:
    sd, kl = mean_field_fit(VI_RHO)
    fwd, rev = two_hump_fits()
    return [
        claim("two unit-width humps centred at $«g»$ and $«g»$", [-VI_SEP / 2, VI_SEP / 2]),
        claim(r"with $\mu = «.2f»$ and $\sigma = «.2f»$; the forward fit", [rev.mu, rev.sigma]),
        claim(r"with $\mu = «.0f»$ and $\sigma = «.2f»$, spreads", [fwd.mu, fwd.sigma]),
        claim(r"correlation $\rho = «g»$", [VI_RHO]),
        claim(r"standard deviation $\sqrt{1 - \rho^2} = «.3f»$", [sd]),
        claim("The divergence achieved is $«.3f»$ nats", [kl]),
        claim("too narrow by a factor of $«.2f»$", [1 / sd]),
    ]


def test_the_two_hump_plot_shows_the_fits_the_lesson_states():
    """The plot's own numbers are the engine's fits; the forward fit's peak sits where the
    posterior has under a fortieth of its peak density."""
    (line,) = PLOT_LINES["variational-inference"]()
    data = shown(line).series
    fwd, rev = two_hump_fits()
    assert data["fwd"][:2] == pytest.approx((fwd.mu, fwd.sigma), abs=1e-6)
    assert data["rev"][:2] == pytest.approx((rev.mu, rev.sigma), abs=1e-6)
    mus, widths = [-VI_SEP / 2, VI_SEP / 2], [VI_WIDTH, VI_WIDTH]
    valley, peak = ke.gaussian_mixture_pdf(np.array([fwd.mu, rev.mu]), [0.5, 0.5], mus, widths)
    assert valley < peak / 40


def test_mean_field_widths_reverse_conditional_forward_marginal():
    """Reverse KL gives the conditional width sqrt(1 - rho^2); forward KL the marginal 1."""
    assert mean_field_fit(VI_RHO)[0] == pytest.approx(math.sqrt(1 - VI_RHO**2), abs=1e-4)
    assert mean_field_fit(VI_RHO, "forward")[0] == pytest.approx(1.0, abs=1e-4)
    text = squash(lesson("variational-inference"))
    assert "gives each factor the true marginal standard deviation $1$" in text


# --------------------------------------------------------------------- evidence lower bound

ELBO_PRIOR = np.array([0.5, 0.5])
ELBO_LIKELIHOOD = np.array([0.8, 0.2])  # p(x | z) for z = 0, 1
ELBO_REFIT = np.array([0.98, 0.2])  # the model after raising the likelihood under z = 0


def two_state(prior, likelihood, q):
    """(evidence, posterior, ELBO, gap) of the two-state model in bits."""
    evidence = float(prior @ likelihood)
    posterior = prior * likelihood / evidence
    elbo = float(q @ np.log2(likelihood)) - ke.kl_divergence(q, prior)
    gap = ke.kl_divergence(q, posterior)
    return evidence, posterior, elbo, gap


def elbo_claims() -> list[Claim]:
    prior, lik = ELBO_PRIOR, ELBO_LIKELIHOOD
    evidence, post, elbo_prior, gap = two_state(prior, lik, prior)
    log_evidence = math.log2(evidence)
    new_evidence, new_post, new_elbo, new_gap = two_state(prior, ELBO_REFIT, prior)
    return [
        claim("has likelihood «g» under $z = 0$ and «g» under $z = 1$", lik),
        claim(
            r"$p(x) = «g»$, so $\log_2 p(x) = «g»$ bit, and the posterior is $(«g», «g»)$",
            [evidence, log_evidence, *post],
        ),
        claim(r"$\mathrm{ELBO} = \mathbb{E}_q[\log_2 p(x \mid z)] = «.3f»$ bits", [elbo_prior]),
        claim("The gap to the evidence, $«.3f»$ bits", [gap]),
        claim(
            r"the bound is tight: $\mathrm{ELBO} = «g»$ bit",
            [two_state(prior, lik, post)[2]],
        ),
        claim(
            "$z = 0$ from «g» to «g». The ELBO rises to $«.3f»$ bits",
            [lik[0], ELBO_REFIT[0], new_elbo],
        ),
        claim(
            "to $p(x) = «g»$ ($«.3f»$ bits), and the gap grows to $«.3f»$ bits",
            [new_evidence, math.log2(new_evidence), new_gap],
        ),
        claim("the posterior moved to $(«.3f», «.3f»)$", new_post),
    ]


def test_elbo_identity_and_a_model_change_that_widens_the_gap():
    """ELBO = log p(x) - D(q || posterior) for every q; raising the likelihood under z = 0
    raises the ELBO of q = prior and widens its gap (the lesson's point about the model)."""
    for a in np.linspace(0.05, 0.95, 19):
        q = np.array([a, 1 - a])
        evidence, _, elbo, gap = two_state(ELBO_PRIOR, ELBO_LIKELIHOOD, q)
        assert elbo == pytest.approx(math.log2(evidence) - gap, rel=1e-12)
        assert elbo <= math.log2(evidence)
    _, _, before, gap_before = two_state(ELBO_PRIOR, ELBO_LIKELIHOOD, ELBO_PRIOR)
    _, _, after, gap_after = two_state(ELBO_PRIOR, ELBO_REFIT, ELBO_PRIOR)
    assert after > before and gap_after > gap_before
    text = squash(lesson("evidence-lower-bound"))
    assert "raising the ELBO over $q$ is the same as lowering the KL divergence" in text
    assert "the log-likelihood never decreases" in text
    kl_page = squash(lesson("kl-divergence"))
    assert "both improves the model and pulls" not in kl_page
    assert "raising the ELBO over $q$ pulls $q$ towards the posterior" in kl_page


# ------------------------------------------------------------ KL-regularised policy optimisation

POLICY_REWARD, POLICY_BETA = np.array([1.0, 0.0, 0.0]), 0.5


def tilted_policy(ref, reward, beta):
    """The optimal policy pi_ref e^(r / beta) / Z and Z."""
    tilted = ref * np.exp(reward / beta)
    return tilted / tilted.sum(), float(tilted.sum())


def policy_claims() -> list[Claim]:
    reward, beta = POLICY_REWARD, POLICY_BETA
    ref = np.full(3, 1 / 3)
    policy, z = tilted_policy(ref, reward, beta)
    kl = ke.kl_divergence(policy, ref, base=E)
    value = float(policy @ reward) - beta * kl
    assert value == pytest.approx(beta * math.log(z), rel=1e-12)
    return [
        claim(r"rewards $(«g», «g», «g»)$ and $\beta = «g»$", [*reward, beta]),
        claim(r"$\pi^* = («.3f», «.3f», «.3f»)$", policy),
        claim(
            "Its expected reward is $«.3f»$, its divergence from the reference is $«.3f»$ nats,"
            " and the objective is $«.3f»$",
            [policy @ reward, kl, value],
        ),
    ]


def test_the_tilted_policy_beats_every_other_policy_on_the_penalised_objective():
    """Over a grid of policies on three actions none scores above beta log Z; small beta
    is greedy and large beta stays near the reference."""
    ref = np.full(3, 1 / 3)
    best, z = tilted_policy(ref, POLICY_REWARD, POLICY_BETA)
    grid = np.linspace(0.001, 0.998, 200)
    a, b = np.meshgrid(grid, grid)
    keep = a + b < 0.999
    pis = np.stack([a[keep], b[keep], 1 - a[keep] - b[keep]], axis=-1)
    scores = pis @ POLICY_REWARD - POLICY_BETA * ke.kl_divergence(
        pis, np.tile(ref, (len(pis), 1)), base=E
    )
    assert scores.max() <= POLICY_BETA * math.log(z) + 1e-12
    assert tilted_policy(ref, POLICY_REWARD, 0.01)[0][0] > 0.999
    assert np.allclose(tilted_policy(ref, POLICY_REWARD, 100.0)[0], ref, atol=0.01)


# ------------------------------------------------------------------------- Sanov's theorem


def tail(n: int, k: int) -> float:
    """P(at least k heads in n fair tosses), exactly."""
    return sum(math.comb(n, j) for j in range(k, n + 1)) / 2**n


def sanov_claims() -> list[Claim]:
    d = ke.bernoulli_kl(0.7, 0.5)
    return [
        claim("heads frequency at least «g»", [0.7]),
        claim("frequency exactly «g», at $D^* = «.3f»$ bits", [0.7, d]),
        claim(
            r"$«.2f» \times 10^{«.0f»}$, while $2^{-n D^*} = «.2f» \times 10^{«.0f»}$",
            [*sci(tail(100, 70)), *sci(2 ** (-100 * d))],
        ),
        claim(
            "probability is $«.3f»$ for $100$ tosses and $«.3f»$ for $1000$",
            [-math.log2(tail(100, 70)) / 100, -math.log2(tail(1000, 700)) / 1000],
        ),
        claim("approaching $D^* = «.3f»$", [d]),
        claim("probabilities $(«g», «g», «g»)$; suppose red", SPINNER),
        claim("looks like $(«g», «.2f», «.2f»)$", spinner_projection()),
        claim(
            "its exponent is the coin's, $«.3f»$ bits",
            [ke.kl_divergence(spinner_projection(), SPINNER)],
        ),
    ]


SPINNER, SPINNER_RED = np.array([0.5, 0.3, 0.2]), 0.7  # red, green, blue; red at least 0.7


def spinner_projection() -> np.ndarray:
    """Red at its bound, green and blue scaled to share the rest in their usual ratio."""
    rest = SPINNER[1:] * (1 - SPINNER_RED) / SPINNER[1:].sum()
    return np.array([SPINNER_RED, *rest])


def test_the_spinner_projection_is_the_closest_distribution_in_the_event():
    """A grid over every distribution with red at least 0.7 finds no smaller divergence
    than the stated shape, whose exponent equals the coin's D(Bern(0.7) || Bern(0.5))."""
    best = ke.kl_divergence(spinner_projection(), SPINNER)
    red, green = np.meshgrid(np.linspace(0.7, 0.999, 300), np.linspace(0.0005, 0.3, 300))
    keep = red + green < 1 - 1e-4
    grid = np.stack([red[keep], green[keep], 1 - red[keep] - green[keep]], axis=-1)
    assert ke.kl_divergence(grid, np.tile(SPINNER, (len(grid), 1))).min() >= best - 1e-12
    assert best == pytest.approx(ke.bernoulli_kl(SPINNER_RED, SPINNER[0]), rel=1e-12)
    text = squash(lesson("sanovs-theorem"))
    assert "green and blue keep their usual $3 : 2$ ratio" in text


def test_sanov_bound_and_the_conditional_limit_for_the_coin():
    """2^(-n D*) bounds the tail from above here, the polynomial bound holds, and given at
    least 70 heads in 100 fair tosses, 70 to 72 of them come more than nine times in ten,
    80 or more less than once in ten thousand."""
    d = ke.bernoulli_kl(0.7, 0.5)
    assert tail(100, 70) < 2 ** (-100 * d) < (100 + 1) ** 2 * 2 ** (-100 * d)
    near = sum(math.comb(100, j) for j in (70, 71, 72)) / 2**100
    assert near / tail(100, 70) > 0.9 and tail(100, 80) / tail(100, 70) < 1e-4
    text = squash(lesson("sanovs-theorem"))
    assert "more than nine times in ten, and $80$ or more hardly ever" in text


# ------------------------------------------------------------ expectation-maximisation

EM_POINTS = np.array([0.0, 1.0, 4.0, 5.0])
EM_START = np.array([1.0, 2.0])  # the two means; unit variances, equal weights
EM_TRY = 3.0


def em_weighted(means: np.ndarray, points: np.ndarray = EM_POINTS) -> np.ndarray:
    """Each point's weight 1/2 N(x; mu_k, 1) under each component (rows: points)."""
    return 0.5 * ke.gaussian_pdf(points[:, None], means[None, :], 1.0)


def em_round(means: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One E-step (the responsibilities) and the M-step's new means."""
    joint = em_weighted(means)
    resp = joint / joint.sum(axis=1, keepdims=True)
    return resp, (resp * EM_POINTS[:, None]).sum(axis=0) / resp.sum(axis=0)


def em_log_likelihood(means: np.ndarray) -> float:
    return float(np.log(em_weighted(means).sum(axis=1)).sum())


def em_bound(resp: np.ndarray, means: np.ndarray) -> float:
    """ELBO(q, theta) with q the given responsibilities."""
    return float(np.sum(resp * (np.log(em_weighted(means)) - np.log(resp))))


def em_path(rounds: int) -> list[np.ndarray]:
    means = [EM_START]
    for _ in range(rounds):
        means.append(em_round(means[-1])[1])
    return means


def em_claims() -> list[Claim]:
    resp, first = em_round(EM_START)
    r1 = resp[:, 0]
    path = em_path(3)
    rows = [
        claim(
            f"| {label} | $«.3f»$ | $«.3f»$ | $«.3f»$ |",
            [*path[k], em_log_likelihood(path[k])],
        )
        for k, label in ((1, "1"), (2, "2"), (3, "3"))
    ]
    midpoint = EM_START.mean()
    try_it = 1 / (1 + math.exp(EM_TRY - midpoint))
    return [
        claim(r"leaving $1/(1 + e^{x_i - «g»})$, with $«g»$ the midpoint", [midpoint, midpoint]),
        claim("of the means: $«.3f»$, $«.3f»$, $«.3f»$ and $«.3f»$", r1),
        claim(
            r"$\mu_1 = \sum_i r_i x_i / \sum_i r_i = «.3f»/«.3f» = «.3f»$,"
            r" and likewise $\mu_2 = «.3f»$",
            [r1 @ EM_POINTS, r1.sum(), first[0], first[1]],
        ),
        claim("| start | $«g»$ | $«g»$ | $«.3f»$ |", [*EM_START, em_log_likelihood(EM_START)]),
        *rows,
        claim(
            "the bound with the old $q$ is $«.3f»$, above the starting $«.3f»$ and below the new"
            " log-likelihood $«.3f»$",
            [em_bound(resp, first), em_log_likelihood(EM_START), em_log_likelihood(first)],
        ),
        claim(r"$\mu_1 = «.3f»/4 = «.3f»$", [r1 @ EM_POINTS, r1 @ EM_POINTS / 4]),
        claim(r"$1/(1 + e^{«g»}) = «.3f»$", [EM_TRY - midpoint, try_it]),
    ]


def test_em_never_lowers_the_likelihood_and_the_bound_sits_between():
    """Twenty rounds: the log-likelihood never falls; after each M-step the old q's bound
    lies between the old and the new log-likelihood; the E-step makes the bound tight; the
    n-divided slip scores a lower bound than the M-step; the try-it point leans to mu_2."""
    means = EM_START
    for _ in range(20):
        resp, new = em_round(means)
        assert em_bound(resp, means) == pytest.approx(em_log_likelihood(means), rel=1e-12)
        assert em_log_likelihood(means) <= em_bound(resp, new) + 1e-12
        assert em_bound(resp, new) <= em_log_likelihood(new) + 1e-12
        means = new
    resp, first = em_round(EM_START)
    slip = np.array([resp[:, 0] @ EM_POINTS / 4, first[1]])
    assert em_bound(resp, slip) < em_bound(resp, first)
    assert abs(EM_TRY - EM_START[1]) < abs(EM_TRY - EM_START[0])
    text = squash(lesson("expectation-maximization-algorithm"))
    assert "the log-likelihood never decreases" in text


# ----------------------------------------------------------------- variational autoencoders

VAE_MU, VAE_SIGMA = np.array([0.5, -1.0]), np.array([0.5, 0.8])  # the encoder's output
VAE_EPS = np.array([0.4, -1.5])
VAE_PIXELS, VAE_DECODED = np.array([1, 0, 1, 1]), np.array([0.9, 0.2, 0.7, 0.6])
VAE_TRY = (1.0, 1.0, -0.5)  # mu, sigma, epsilon of the try-it


def sum_try() -> float:
    mu, sigma, eps = VAE_TRY
    return mu + sigma * eps


def vae_kl(mu, sigma) -> np.ndarray:
    """Each latent coordinate's D(N(mu, sigma^2) || N(0, 1)) in nats, by the engine."""
    return ke.gaussian_kl(mu, sigma, 0.0, 1.0, base=E)


def vae_reconstruction() -> float:
    """log p(x | z) of the black-or-white pixels under the decoder's probabilities."""
    x, p = VAE_PIXELS, VAE_DECODED
    return float(np.sum(x * np.log(p) + (1 - x) * np.log(1 - p)))


def vae_claims() -> list[Claim]:
    parts = vae_kl(VAE_MU, VAE_SIGMA)
    z = VAE_MU + VAE_SIGMA * VAE_EPS
    kept = [p if x else 1 - p for x, p in zip(VAE_PIXELS, VAE_DECODED, strict=True)]
    log_var = 2 * np.log(VAE_SIGMA)
    misread = vae_kl(VAE_MU, np.exp(log_var))  # ln sigma^2 read as ln sigma
    return [
        claim(r"$\mu = («g», «g»)$ and $\sigma = («g», «g»)$", [*VAE_MU, *VAE_SIGMA]),
        claim("the prior is $«.3f» + «.3f» = «.3f»$ nats", [*parts, parts.sum()]),
        claim(r"Drawing $\varepsilon = («g», «g»)$", VAE_EPS),
        claim(
            r"$z = («g» + «g» \times «g», «g» + «g» \times («g»)) = («g», «g»)$",
            [VAE_MU[0], VAE_SIGMA[0], VAE_EPS[0], VAE_MU[1], VAE_SIGMA[1], VAE_EPS[1], *z],
        ),
        claim("probabilities $«g», «g», «g», «g»$ of being black", VAE_DECODED),
        claim(
            r"$\ln «g» + \ln «g» + \ln «g» + \ln «g» = «.3f»$ nats",
            [*kept, vae_reconstruction()],
        ),
        claim("ELBO estimate is $«.3f»$ nats", [vae_reconstruction() - parts.sum()]),
        claim("that output is $(«.3f», «.3f»)$", log_var),
        claim("gives a divergence of $«.3f»$ nats", [misread.sum()]),
        claim(r"and the sample for $\varepsilon = «g»$", [VAE_TRY[2]]),
        claim(r"$«g» + «g» \times («g») = «g»$.", [VAE_TRY[0], VAE_TRY[1], VAE_TRY[2], sum_try()]),
    ]


def test_vae_kl_formula_pixels_and_the_try_it():
    """The closed form the lesson states equals the engine's Gaussian KL; the pixels read
    as black (1) score p and white (0) score 1 - p; the try-it's coordinate costs half a
    nat; sampling moves z by sigma times epsilon."""
    mu, sigma = np.linspace(-2, 2, 9), np.linspace(0.2, 2.2, 9)
    closed = 0.5 * (mu**2 + sigma**2 - 1 - np.log(sigma**2))
    assert np.allclose(closed, vae_kl(mu, sigma), rtol=1e-12)
    assert vae_kl(*VAE_TRY[:2]) == pytest.approx(0.5, rel=1e-12)
    assert vae_kl(0.0, 1.0) == pytest.approx(0.0, abs=1e-15)
    text = squash(lesson("variational-autoencoders"))
    assert "four black-or-white pixels $(1, 0, 1, 1)$" in text
    assert r"$\sigma = e^{\frac{1}{2}\ln\sigma^2}$" in text


# --------------------------------------------------------- generative adversarial networks

GAN_DATA, GAN_MODEL = np.array([0.5, 0.3, 0.2]), np.array([0.2, 0.3, 0.5])
GAN_TRY = np.array([0.3, 0.3, 0.4])  # the generator after it moves


def gan_value(data, model, disc) -> float:
    """V(D, G) = E_data[ln D] + E_g[ln(1 - D)] on a finite set (nats)."""
    return float(data @ np.log(disc) + model @ np.log(1 - disc))


def best_discriminator(data, model) -> np.ndarray:
    return data / (data + model)


def gan_claims() -> list[Claim]:
    best = best_discriminator(GAN_DATA, GAN_MODEL)
    value = gan_value(GAN_DATA, GAN_MODEL, best)
    js = ke.js_divergence(GAN_DATA, GAN_MODEL, base=E)
    terms = [*zip(GAN_DATA, best, strict=True), *zip(GAN_MODEL, 1 - best, strict=True)]
    formula = " + ".join(r"«g»\ln «.3g»" for _ in terms)
    moved = best_discriminator(GAN_DATA, GAN_TRY)
    return [
        claim(
            "probabilities $(«g», «g», «g»)$ and the generator $(«g», «g», «g»)$",
            [*GAN_DATA, *GAN_MODEL],
        ),
        claim("$D^* = («.3f», «g», «.3f»)$", best),
        claim(f"${formula} = «.3f»$ nats", [*(x for pair in terms for x in pair), value]),
        claim(
            r"which is $2 \times «.4f» - «.3f»$ with $\mathrm{JS} = «.4f»$ nats",
            [js, math.log(4), js],
        ),
        claim("On $a$ that gives $«.3f»$", [GAN_MODEL[0] / (GAN_DATA[0] + GAN_MODEL[0])]),
        claim("If the generator moves to $(«g», «g», «g»)$", GAN_TRY),
        claim(r"$\frac{«g»}{«g» + «g»} = «g»$", [GAN_DATA[0], GAN_DATA[0], GAN_TRY[0], moved[0]]),
        claim("and $V = «.3f»$ nats", [gan_value(GAN_DATA, GAN_TRY, moved)]),
    ]


def test_gan_optimal_discriminator_and_the_js_identity():
    """D* beats every constant tweak pointwise; V(D*, G) = 2 JS - ln 4 on random pairs;
    disjoint supports pin JS at ln 2 and V at 0; the try-it's value is nearer -ln 4."""
    best = best_discriminator(GAN_DATA, GAN_MODEL)
    for shift in np.linspace(-0.2, 0.2, 9):
        if shift:
            tweak = np.clip(best + shift, 1e-6, 1 - 1e-6)
            assert gan_value(GAN_DATA, GAN_MODEL, tweak) < gan_value(GAN_DATA, GAN_MODEL, best)
    rng = np.random.default_rng(3)
    for _ in range(50):
        data, model = rng.dirichlet(np.ones(4)), rng.dirichlet(np.ones(4))
        value = gan_value(data, model, best_discriminator(data, model))
        assert value == pytest.approx(2 * ke.js_divergence(data, model, base=E) - math.log(4))
    apart, other = np.array([0.5, 0.5, 0.0, 0.0]), np.array([0.0, 0.0, 0.3, 0.7])
    assert ke.js_divergence(apart, other, base=E) == pytest.approx(math.log(2))
    assert 2 * math.log(2) - math.log(4) == pytest.approx(0.0, abs=1e-15)
    # Supports that overlap, however slightly, leave JS below ln 2 and D* strictly between
    # 0 and 1 on the shared value: the lesson states the stuck value for disjoint ones only.
    touching = np.array([0.0, 0.01, 0.29, 0.7])
    assert ke.js_divergence(apart, touching, base=E) < math.log(2)
    assert 0 < best_discriminator(apart, touching)[1] < 1
    assert "need not meet at all. When they do not, $D^*$ is 1" in squash(
        lesson("generative-adversarial-networks")
    )
    moved = gan_value(GAN_DATA, GAN_TRY, best_discriminator(GAN_DATA, GAN_TRY))
    before = gan_value(GAN_DATA, GAN_MODEL, best)
    assert abs(moved + math.log(4)) < abs(before + math.log(4))


PLOT_LINES = {
    "variational-inference": lambda: [
        f"[[plot:forward-reverse sep={VI_SEP:g} width={VI_WIDTH:g}]]",
    ],
}

CLAIMS = {
    "variational-inference": vi_claims,
    "evidence-lower-bound": elbo_claims,
    "kl-regularized-policy-optimization": policy_claims,
    "sanovs-theorem": sanov_claims,
    "expectation-maximization-algorithm": em_claims,
    "variational-autoencoders": vae_claims,
    "generative-adversarial-networks": gan_claims,
}
NEW_LESSONS = (
    "expectation-maximization-algorithm",
    "variational-autoencoders",
    "generative-adversarial-networks",
)


@pytest.mark.parametrize("slug", NEW_LESSONS)
def test_new_lessons_numbers_are_computed_and_they_have_a_lessons_shape(slug):
    text = lesson(slug)
    assert lesson_problems(text, CLAIMS[slug]()) == []
    assert shape_problems(text) == []
