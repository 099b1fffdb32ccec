"""Tests for practice.kl_engine: against SciPy, exact rational/decimal references,
hypothesis properties, edge cases and error messages. No database needed."""

from __future__ import annotations

import math
import time
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np
import pytest
import scipy.special
import scipy.stats
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.spatial.distance import jensenshannon

from practice import kl_engine as ke

RTOL = 1e-12
ATOL = 1e-15
LN2 = math.log(2.0)

PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ----------------------------------------------------------------------------- helpers


def random_pmf(rng, shape, axis=-1, zero_frac=0.0):
    """Random distributions along ``axis`` with varied concentration and optional zeros."""
    x = rng.random(shape) ** rng.uniform(0.3, 5.0)
    if zero_frac:
        x[rng.random(shape) < zero_frac] = 0.0
    first = [slice(None)] * x.ndim
    first[axis] = 0
    empty = x.sum(axis=axis) == 0
    x[tuple(first)] += empty  # no all-zero vectors
    return x / x.sum(axis=axis, keepdims=True)


def pair_with_shared_support(rng, shape, axis=-1, zero_frac=0.3):
    """(p, q) with zeros in both, but q > 0 wherever p > 0 (so KL is finite)."""
    p = random_pmf(rng, shape, axis, zero_frac)
    q = rng.random(shape) ** rng.uniform(0.3, 5.0) + 1e-3
    q[(p == 0) & (rng.random(shape) < 0.5)] = 0.0
    return p, q / q.sum(axis=axis, keepdims=True)


def close(actual, expected, rtol=RTOL, atol=ATOL):
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol)


def dec_kl(p, q, prec=80, generalised=False):
    """KL in nats with 80-digit decimals: of the exactly renormalised float inputs, or (with
    ``generalised``) Σ p ln(p/q) + q − p of the float inputs as they are."""
    with localcontext() as ctx:
        ctx.prec = prec
        ps = [Decimal(float(v)) for v in p]
        qs = [Decimal(float(v)) for v in q]
        if generalised:
            total = sum(
                (a * (a.ln() - b.ln()) if a else 0) + b - a for a, b in zip(ps, qs, strict=True)
            )
            return float(total)
        sp, sq = sum(ps), sum(qs)
        total = sum(
            (a / sp) * ((a / sp).ln() - (b / sq).ln()) for a, b in zip(ps, qs, strict=True) if a
        )
        return float(total)


def series_bregman(d: Fraction, terms: int = 8) -> Fraction:
    """d − ln(1 + d) = Σ_{k>=2} (−d)^k / k, exactly in rationals (for tiny d)."""
    return sum(((-d) ** k) / k for k in range(2, terms + 2))


# --------------------------------------------------------------- comparisons with SciPy


def test_entropy_matches_scipy_on_random_vectors():
    rng = np.random.default_rng(1)
    for _ in range(1500):
        n = int(rng.integers(1, 40))
        p = random_pmf(rng, n, zero_frac=rng.choice([0.0, 0.3]))
        close(ke.entropy(p), scipy.stats.entropy(p, base=2))
        close(ke.entropy(p, base=math.e), scipy.stats.entropy(p))


@pytest.mark.parametrize(
    ("shape", "axis"),
    [((3000, 12), 1), ((12, 3000), 0), ((7, 9, 11), 0), ((7, 9, 11), 1), ((7, 9, 11), 2)],
)
def test_batched_measures_match_scipy(shape, axis):
    rng = np.random.default_rng(sum(shape) + axis)
    p, q = pair_with_shared_support(rng, shape, axis)
    close(ke.entropy(p, axis=axis), scipy.stats.entropy(p, base=2, axis=axis))
    close(ke.kl_divergence(p, q, axis=axis), scipy.stats.entropy(p, q, base=2, axis=axis))
    close(
        ke.kl_divergence(p, q, axis=axis, base=math.e),
        scipy.special.rel_entr(p, q).sum(axis=axis),
    )
    close(
        ke.cross_entropy(p, q, axis=axis),
        -scipy.special.xlogy(p, q).sum(axis=axis) / LN2,
    )
    close(ke.js_divergence(p, q, axis=axis), jensenshannon(p, q, base=2, axis=axis) ** 2)
    expected_shape = shape[:axis] + shape[axis + 1 :]
    assert ke.kl_divergence(p, q, axis=axis).shape == expected_shape


def test_divergences_match_scipy_on_random_vectors():
    rng = np.random.default_rng(2)
    for _ in range(1000):
        n = int(rng.integers(1, 30))
        p, q = pair_with_shared_support(rng, n)
        kl = ke.kl_divergence(p, q)
        assert isinstance(kl, float)
        close(kl, scipy.stats.entropy(p, q, base=2))
        close(ke.categorical_kl(p, q), kl, rtol=0, atol=0)
        close(ke.cross_entropy(p, q), scipy.stats.entropy(p, base=2) + kl, atol=1e-14)
        close(ke.js_divergence(p, q), jensenshannon(p, q, base=2) ** 2, atol=1e-14)


def test_kl_with_support_mismatch_is_inf_like_scipy():
    rng = np.random.default_rng(3)
    p = random_pmf(rng, (400, 6))
    q = random_pmf(rng, (400, 6))
    q[::3, 2] = 0.0
    q /= q.sum(axis=1, keepdims=True)
    ours = ke.kl_divergence(p, q, axis=1)
    ref = scipy.stats.entropy(p, q, base=2, axis=1)
    assert np.array_equal(np.isinf(ours), np.isinf(ref))
    assert np.isinf(ours[::3]).all() and np.isfinite(np.delete(ours, np.s_[::3])).all()
    close(ours[np.isfinite(ours)], ref[np.isfinite(ref)])
    assert np.isinf(ke.cross_entropy(p, q, axis=1)[::3]).all()
    assert np.isfinite(ke.js_divergence(p, q, axis=1)).all()


def test_joint_measures_match_scipy():
    rng = np.random.default_rng(4)
    for _ in range(400):
        nx, ny = (int(v) for v in rng.integers(1, 7, size=2))
        joint = random_pmf(rng, nx * ny, zero_frac=rng.choice([0.0, 0.3])).reshape(nx, ny)
        px, py = joint.sum(axis=1), joint.sum(axis=0)
        close(
            ke.mutual_information(joint),
            scipy.stats.entropy(joint.ravel(), np.outer(px, py).ravel(), base=2),
            atol=1e-14,
        )
        h_xy = scipy.stats.entropy(joint.ravel(), base=2)
        close(ke.joint_entropy(joint), h_xy)
        close(ke.conditional_entropy(joint), h_xy - scipy.stats.entropy(px, base=2), atol=1e-13)


def test_joint_measures_batched():
    rng = np.random.default_rng(5)
    joints = random_pmf(rng, (5, 4, 3 * 4), zero_frac=0.2).reshape(5, 4, 3, 4)
    mi = ke.mutual_information(joints)
    hyx = ke.conditional_entropy(joints)
    hxy = ke.joint_entropy(joints)
    assert mi.shape == hyx.shape == hxy.shape == (5, 4)
    for idx in np.ndindex(5, 4):
        close(mi[idx], ke.mutual_information(joints[idx]), atol=1e-15)
        close(hyx[idx], ke.conditional_entropy(joints[idx]))
        close(hxy[idx], ke.joint_entropy(joints[idx]))


def test_conditional_entropy_is_h_of_y_given_x_rows_are_x():
    # X determines Y (one non-zero per row) but Y does not determine X.
    joint = np.array([[0.25, 0.0], [0.25, 0.0], [0.0, 0.5]])
    assert ke.conditional_entropy(joint) == 0.0  # H(Y|X)
    assert math.isclose(ke.conditional_entropy(joint.T), 0.5)  # H(X|Y) = ½·1 bit


def test_gaussian_kl_matches_numeric_integration():
    rng = np.random.default_rng(6)
    from scipy.integrate import quad

    for _ in range(20):
        mp, mq = rng.normal(0, 2, size=2)
        sp, sq = rng.uniform(0.3, 3.0, size=2)

        def integrand(x, mp=mp, mq=mq, sp=sp, sq=sq):
            lp = scipy.stats.norm.logpdf(x, mp, sp)
            return math.exp(lp) * (lp - scipy.stats.norm.logpdf(x, mq, sq))

        ref = quad(integrand, -np.inf, np.inf, epsabs=1e-13, epsrel=1e-12)[0]
        close(ke.gaussian_kl(mp, sp, mq, sq, base=math.e), ref, rtol=1e-9, atol=1e-12)


def test_gaussian_kl_matches_textbook_formula_and_broadcasts():
    rng = np.random.default_rng(7)
    mp, mq = rng.normal(0, 3, size=(2, 1000))
    sp, sq = rng.uniform(0.1, 5, size=(2, 1000))
    ref = np.log(sq / sp) + (sp**2 + (mp - mq) ** 2) / (2 * sq**2) - 0.5
    close(ke.gaussian_kl(mp, sp, mq, sq, base=math.e), ref, atol=1e-14)
    out = ke.gaussian_kl(0.0, np.array([1.0, 2.0])[:, None], np.zeros(3), 1.0)
    assert out.shape == (2, 3)
    assert isinstance(ke.gaussian_kl(0, 1, 0, 1), float)
    assert ke.gaussian_kl(0, 1, 0, 1) == 0.0


def test_gaussian_kl_accurate_for_nearly_equal_scales():
    sigma_p = 1.0 + 1e-8
    rho = Fraction(sigma_p)  # sigma_q = 1
    d = rho - 1
    # ½(ρ² − 1) − ln ρ = (d + d²/2) − ln(1 + d) = d²/2 + (d − ln(1 + d))
    exact = float(d * d / 2 + series_bregman(d))
    close(ke.gaussian_kl(0.0, sigma_p, 0.0, 1.0, base=math.e), exact, rtol=1e-13, atol=0)
    naive = math.log(1 / sigma_p) + sigma_p**2 / 2 - 0.5
    assert abs(naive - exact) > 1e-3 * exact  # the textbook form really is worse


def random_spd(rng, k):
    a = rng.normal(size=(k, k))
    return a @ a.T + k * 0.2 * np.eye(k)


def textbook_mvn_kl(mp, cp, mq, cq):
    k = len(mp)
    iq = np.linalg.inv(cq)
    d = mq - mp
    return 0.5 * (
        np.trace(iq @ cp) + d @ iq @ d - k + np.linalg.slogdet(cq)[1] - np.linalg.slogdet(cp)[1]
    )


def test_multivariate_gaussian_kl_matches_textbook():
    rng = np.random.default_rng(8)
    for _ in range(200):
        k = int(rng.integers(1, 7))
        mp, mq = rng.normal(size=(2, k))
        cp, cq = random_spd(rng, k), random_spd(rng, k)
        ours = ke.multivariate_gaussian_kl(mp, cp, mq, cq, base=math.e)
        close(ours, textbook_mvn_kl(mp, cp, mq, cq), rtol=1e-10, atol=1e-13)
        assert isinstance(ours, float)


def test_multivariate_gaussian_kl_cross_checks():
    rng = np.random.default_rng(9)
    # k = 1 agrees with the univariate closed form.
    close(
        ke.multivariate_gaussian_kl([0.3], [[2.0]], [-1.0], [[0.5]]),
        ke.gaussian_kl(0.3, math.sqrt(2.0), -1.0, math.sqrt(0.5)),
    )
    # KL + H(p) = cross-entropy, with H(p) from SciPy's closed form.
    mp, mq = rng.normal(size=(2, 3))
    cp, cq = random_spd(rng, 3), random_spd(rng, 3)
    h_p = scipy.stats.multivariate_normal(mp, cp).entropy()
    d = mp - mq
    ce = 0.5 * (
        3 * math.log(2 * math.pi)
        + np.linalg.slogdet(cq)[1]
        + np.trace(np.linalg.solve(cq, cp))
        + d @ np.linalg.solve(cq, d)
    )
    close(ke.multivariate_gaussian_kl(mp, cp, mq, cq, base=math.e) + h_p, ce, rtol=1e-12)
    # Batched inputs broadcast; each entry equals the unbatched value.
    mps = rng.normal(size=(4, 3))
    cps = np.stack([random_spd(rng, 3) for _ in range(4)])
    out = ke.multivariate_gaussian_kl(mps, cps, mq, cq)
    assert out.shape == (4,)
    for i in range(4):
        close(out[i], ke.multivariate_gaussian_kl(mps[i], cps[i], mq, cq))
    # Same distribution: zero.
    assert ke.multivariate_gaussian_kl(mp, cp, mp, cp) <= 1e-28


def test_multivariate_gaussian_kl_matches_2d_numeric_integration():
    mp, mq = np.array([0.2, -0.1]), np.array([-0.4, 0.3])
    cp = np.array([[1.0, 0.3], [0.3, 0.6]])
    cq = np.array([[1.5, -0.2], [-0.2, 0.9]])
    g = np.linspace(-12, 12, 961)
    xx, yy = np.meshgrid(g, g, indexing="ij")
    pts = np.stack([xx, yy], axis=-1)
    lp = scipy.stats.multivariate_normal(mp, cp).logpdf(pts)
    lq = scipy.stats.multivariate_normal(mq, cq).logpdf(pts)
    h = g[1] - g[0]
    ref = float((np.exp(lp) * (lp - lq)).sum() * h * h)
    close(ke.multivariate_gaussian_kl(mp, cp, mq, cq, base=math.e), ref, rtol=1e-9)


def test_multivariate_gaussian_kl_accurate_for_nearly_equal_covariances():
    rng = np.random.default_rng(10)
    k, delta = 4, 1e-6
    cov = random_spd(rng, k)
    c = (1 + delta) ** 2  # cov_q = c·cov_p: every s_i = 1/(1 + δ)
    ours = ke.multivariate_gaussian_kl(np.zeros(k), cov, np.zeros(k), c * cov, base=math.e)
    # ½(ρ² − 1 − 2 ln ρ) per eigen-direction with ρ = 1/(1 + δ), exactly in rationals.
    r = Fraction(1) / (1 + Fraction(delta))
    d = r - 1
    exact = float(k * (d * d / 2 + series_bregman(d, 12)))
    close(ours, exact, rtol=1e-7, atol=0)
    textbook = textbook_mvn_kl(np.zeros(k), cov, np.zeros(k), c * cov)
    assert abs(textbook - exact) > 10 * abs(ours - exact)


def test_bernoulli_and_poisson_against_scipy():
    rng = np.random.default_rng(11)
    a, b = rng.random((2, 2000))
    a[:50], b[50:100] = 0.0, 1.0
    ours = ke.bernoulli_kl(a, b)
    ref = scipy.stats.entropy(np.stack([a, 1 - a]), np.stack([b, 1 - b]), base=2, axis=0)
    close(ours, ref, atol=1e-14)
    assert ke.bernoulli_kl(0.0, 0.0) == 0.0 and ke.bernoulli_kl(1.0, 1.0) == 0.0
    assert ke.bernoulli_kl(0.5, 0.0) == np.inf
    close(ke.bernoulli_kl(0.0, 0.5), 1.0)  # log2(1/(1 − ½))

    lp, lq = rng.uniform(0, 20, size=(2, 2000))
    ours = ke.poisson_kl(lp, lq, base=math.e)
    # SciPy's kl_div cancels terms of size ~λ, so allow its absolute rounding error.
    ref = scipy.special.kl_div(lp, lq)
    assert np.all(np.abs(ours - ref) <= 1e-12 * ref + 1e-15 * (lp + lq))
    with localcontext() as ctx:
        ctx.prec = 60
        exact = [
            float(Decimal(x) * (Decimal(x) / Decimal(y)).ln() + Decimal(y) - Decimal(x))
            for x, y in zip(lp[:300], lq[:300], strict=True)
        ]
    close(ours[:300], exact, rtol=1e-15, atol=0)  # ours is good to an ulp or so
    k = np.arange(200)
    for lam_p, lam_q in [(3.0, 5.0), (0.5, 7.5), (12.0, 11.0)]:
        pmf_p = scipy.stats.poisson.pmf(k, lam_p)
        direct = (
            pmf_p * (scipy.stats.poisson.logpmf(k, lam_p) - scipy.stats.poisson.logpmf(k, lam_q))
        ).sum()
        close(ke.poisson_kl(lam_p, lam_q, base=math.e), direct, rtol=1e-10)
    assert ke.poisson_kl(0.0, 2.5, base=math.e) == 2.5
    assert ke.poisson_kl(1.0, 0.0) == np.inf


def test_bernoulli_kl_accurate_for_nearly_equal_rates():
    a, b = 0.3, 0.3 + 1e-10
    with localcontext() as ctx:
        ctx.prec = 80
        da, db = Decimal(a), Decimal(b)
        exact = float(da * (da / db).ln() + (1 - da) * ((1 - da) / (1 - db)).ln())
    close(ke.bernoulli_kl(a, b, base=math.e), exact, rtol=1e-12, atol=0)


def test_densities_match_scipy():
    x = np.linspace(-8, 8, 301)
    close(ke.gaussian_pdf(x, 0.5, 1.7), scipy.stats.norm.pdf(x, 0.5, 1.7), atol=0)
    close(ke.gaussian_logpdf(x, 0.5, 1.7), scipy.stats.norm.logpdf(x, 0.5, 1.7), atol=1e-15)
    w, m, s = [0.2, 0.5, 0.3], [-2.0, 0.0, 3.0], [0.5, 1.0, 0.7]
    ref = sum(wk * scipy.stats.norm.pdf(x, mk, sk) for wk, mk, sk in zip(w, m, s, strict=True))
    close(ke.gaussian_mixture_pdf(x, w, m, s), ref, atol=1e-300)
    close(ke.gaussian_mixture_logpdf(x, w, m, s), np.log(ref), atol=1e-14)
    far = ke.gaussian_mixture_logpdf(np.array([200.0]), w, m, s)
    assert np.isfinite(far).all() and ke.gaussian_mixture_pdf(200.0, w, m, s) == 0.0
    close(
        far,
        scipy.special.logsumexp(
            [
                np.log(wk) + scipy.stats.norm.logpdf(200.0, mk, sk)
                for wk, mk, sk in zip(w, m, s, strict=True)
            ]
        ),
    )


# ------------------------------------------------------------------------- accuracy


def test_kl_near_equal_binary_pair_is_tiny_positive_and_exact():
    p = [0.5, 0.5]
    q = [0.5 + 1e-12, 0.5 - 1e-12]
    # Exact generalised KL of the float inputs, Σ p·(d − ln(1 + d)) with d = q/p − 1.
    exact_nats = sum(
        Fraction(pi) * series_bregman(Fraction(qi) / Fraction(pi) - 1)
        for pi, qi in zip(p, q, strict=True)
    )
    exact_bits = float(exact_nats) / LN2
    ours = ke.kl_divergence(p, q)
    assert ours > 0
    close(ours, exact_bits, rtol=1e-12, atol=0)
    # Analytically, for q = ½(1 ± 2δ): KL = −½ ln(1 − 4δ²) ≈ 2δ² nats.
    close(ours, 2e-24 / LN2, rtol=1e-4, atol=0)  # the floats are not exactly ½ ± 1e-12
    # Exactly representable, exactly normalised: q = ½ ± 2⁻⁴⁰ gives ½·ln(1/(1 − 2⁻⁷⁸)).
    q2 = [0.5 + 2.0**-40, 0.5 - 2.0**-40]
    assert sum(q2) == 1.0
    close(ke.kl_divergence(p, q2, base=math.e), 2.0**-79 * (1 + 2.0**-79), rtol=1e-15, atol=0)
    # The textbook sum Σ p·log(p/q) is rounding noise here (it even comes out negative),
    # and SciPy's log1p-based rel_entr still loses four digits to cancellation.
    naive = sum(pi * math.log(pi / qi) for pi, qi in zip(p, q, strict=True))
    assert abs(naive - exact_bits * LN2) > 1e-3 * exact_bits * LN2
    scipy_nats = float(scipy.special.rel_entr(p, q).sum())
    assert abs(scipy_nats - exact_bits * LN2) > 1e-6 * exact_bits * LN2


@pytest.mark.parametrize("eta", [1e-2, 1e-4, 1e-8, 1e-12])
def test_kl_near_equal_random_against_decimal(eta):
    rng = np.random.default_rng(int(-math.log10(eta)))
    p = random_pmf(rng, (40, 8))
    q = p * (1 + eta * rng.standard_normal(p.shape))
    q /= q.sum(axis=1, keepdims=True)
    ours = ke.kl_divergence(p, q, axis=1, base=math.e)
    assert (ours > 0).all()
    # Exactly what is computed: the generalised sum of the given floats, to a few ulp.
    gen = np.array([dec_kl(a, b, generalised=True) for a, b in zip(p, q, strict=True)])
    close(ours, gen, rtol=1e-14, atol=0)
    # KL of the exactly renormalised inputs: the same up to O(ε²) absolute (the inputs sum
    # to 1 only within rounding), which matters only for the 1e-24-sized cases.
    ref = np.array([dec_kl(a, b) for a, b in zip(p, q, strict=True)])
    close(ours, ref, rtol=1e-13, atol=1e-30)


def test_kl_fast_and_accurate_paths_agree_with_decimal_across_the_threshold():
    rng = np.random.default_rng(12)
    p = random_pmf(rng, (300, 16))
    scale = np.geomspace(0.02, 2.0, 300)[:, None]
    q = p * np.exp(scale * rng.standard_normal(p.shape))
    q /= q.sum(axis=1, keepdims=True)
    ours = ke.kl_divergence(p, q, axis=1, base=math.e)
    assert ours.min() < 1 / 32 < ours.max()  # both code paths are exercised
    ref = np.array([dec_kl(a, b) for a, b in zip(p, q, strict=True)])
    close(ours, ref, rtol=1e-13, atol=0)


def test_kl_with_extreme_ratios():
    # Subnormal q entry: the ratio q/p is subnormal, logs must be taken separately.
    q = [1.0, 5e-324]
    expected = 0.5 * (math.log(0.5 / 1.0) + (math.log(0.5) - math.log(5e-324)))
    close(ke.kl_divergence([0.5, 0.5], q, base=math.e), expected, rtol=1e-14, atol=0)
    # Subnormal p entry: q/p overflows; contribution ≈ q − p ≈ 0.5 − 5e-324, plus ½ln(1/½)·…
    p = [1.0, 5e-324]
    expected = math.log(2.0)  # 1·ln(1/0.5) + (0.5 − 5e-324) + (0.5 − 1) (generalised)
    close(ke.kl_divergence(p, [0.5, 0.5], base=math.e), expected, rtol=1e-14, atol=0)


def test_exact_zero_for_identical_and_zero_conventions():
    rng = np.random.default_rng(13)
    p = random_pmf(rng, (50, 9), zero_frac=0.3)
    assert (ke.kl_divergence(p, p, axis=1) == 0.0).all()
    assert (ke.js_divergence(p, p, axis=1) == 0.0).all()
    assert ke.kl_divergence([0.0, 1.0], [0.5, 0.5]) == 1.0  # 0·log(0/q) = 0
    assert ke.kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0  # 0·log(0/0) = 0
    assert ke.kl_divergence([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert ke.cross_entropy([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert ke.cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert ke.entropy([1.0, 0.0, 0.0]) == 0.0
    assert ke.js_divergence([1.0, 0.0], [0.0, 1.0]) == 1.0
    assert ke.entropy(np.full(8, 1 / 8)) == 3.0


def test_return_types():
    assert type(ke.entropy([0.5, 0.5])) is np.float64
    assert type(ke.kl_divergence([0.5, 0.5], [0.25, 0.75])) is np.float64
    assert type(ke.mutual_information(np.full((2, 2), 0.25))) is np.float64
    out = ke.entropy(np.full((3, 2), 0.5))
    assert isinstance(out, np.ndarray) and out.shape == (3,)


def test_normalize_rescales():
    close(
        ke.kl_divergence([1, 1], [1, 3], normalize=True),
        ke.kl_divergence([0.5, 0.5], [0.25, 0.75]),
    )
    close(ke.entropy([2.0, 2.0, 4.0], normalize=True), 1.5)
    close(ke.mutual_information([[2, 0], [0, 2]], normalize=True), 1.0)
    batch = np.array([[1.0, 3.0], [5.0, 5.0]])
    close(ke.entropy(batch, normalize=True), [scipy.stats.entropy([1, 3], base=2), 1.0])


# ------------------------------------------------------------------- hypothesis


entries = st.one_of(st.just(0.0), st.floats(1e-6, 1.0))


@st.composite
def pmf_pairs(draw, positive=False):
    n = draw(st.integers(1, 12))
    elements = st.floats(1e-6, 1.0) if positive else entries
    a = draw(hnp.arrays(np.float64, n, elements=elements))
    b = draw(hnp.arrays(np.float64, n, elements=elements))
    assume(a.sum() > 0 and b.sum() > 0)
    return a / a.sum(), b / b.sum()


@st.composite
def joints(draw):
    nx, ny = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    t = draw(hnp.arrays(np.float64, (nx, ny), elements=entries))
    assume(t.sum() > 0)
    return t / t.sum()


@PROPS
@given(pmf_pairs(positive=True))
def test_gibbs_inequality(pq):
    p, q = pq
    kl = ke.kl_divergence(p, q)
    assert kl >= 0.0
    assert ke.kl_divergence(p, p) == 0.0
    if not np.array_equal(p, q):
        assert kl > 0.0


@PROPS
@given(pmf_pairs())
def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    ce, h, kl = ke.cross_entropy(p, q), ke.entropy(p), ke.kl_divergence(p, q)
    if np.isinf(kl):
        assert np.isinf(ce)
    else:
        assert math.isclose(ce, h + kl, rel_tol=1e-12, abs_tol=1e-13)


@PROPS
@given(joints())
def test_mutual_information_is_kl_from_product_of_marginals(joint):
    px, py = joint.sum(axis=1), joint.sum(axis=0)
    mi = ke.mutual_information(joint)
    assert mi >= 0.0
    assert math.isclose(
        mi, ke.kl_divergence(joint.ravel(), np.outer(px, py).ravel()), rel_tol=1e-12, abs_tol=1e-14
    )
    # I(X;Y) = H(Y) − H(Y|X)
    assert math.isclose(
        mi, ke.entropy(py) - ke.conditional_entropy(joint), rel_tol=1e-9, abs_tol=1e-12
    )


@PROPS
@given(joints())
def test_chain_rule(joint):
    h_xy = ke.joint_entropy(joint)
    h_x = ke.entropy(joint.sum(axis=1))
    assert math.isclose(h_xy, h_x + ke.conditional_entropy(joint), rel_tol=1e-12, abs_tol=1e-13)


@PROPS
@given(pmf_pairs())
def test_js_symmetric_and_bounded(pq):
    p, q = pq
    js = ke.js_divergence(p, q)
    assert js == ke.js_divergence(q, p)
    assert 0.0 <= js <= 1.0
    # ½KL(p‖m) + ½KL(q‖m) with the KL implementation (m never misses support).
    m = (p + q) / 2
    ref = 0.5 * ke.kl_divergence(p, m) + 0.5 * ke.kl_divergence(q, m)
    assert math.isclose(js, ref, rel_tol=1e-12, abs_tol=1e-14)


@PROPS
@given(pmf_pairs(), st.sampled_from([2.0, 10.0, 3.5, 0.5]))
def test_base_conversion(pq, base):
    p, q = pq
    ln_b = math.log(base)
    for fn in (ke.kl_divergence, ke.js_divergence, ke.cross_entropy):
        nats = fn(p, q, base=math.e)
        if np.isfinite(nats):
            assert math.isclose(fn(p, q, base=base), nats / ln_b, rel_tol=1e-15, abs_tol=0)
    assert math.isclose(ke.entropy(p), ke.entropy(p, base=math.e) / LN2, rel_tol=1e-15)


# ------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ke.entropy([0.6, 0.5, -0.1]), r"p has a negative entry \(-0\.1 at index 2\)"),
        (
            lambda: ke.kl_divergence([0.5, 0.5], [1.2, -0.2]),
            r"q has a negative entry \(-0\.2 at index 1\)",
        ),
        (
            lambda: ke.entropy([[0.5, 0.5], [1.5, -0.5]]),
            r"p has a negative entry \(-0\.5 at index \(1, 1\)\)",
        ),
        (
            lambda: ke.entropy([[0.5, 1.5], [0.5, -0.5]], axis=0),
            r"p has a negative entry \(-0\.5 at index \(1, 1\)\)",
        ),
        (lambda: ke.entropy([0.5, np.nan]), r"p has a non-finite entry \(nan at index 1\)"),
        (lambda: ke.entropy([np.inf, 0.0]), r"p has a non-finite entry \(inf at index 0\)"),
        (lambda: ke.entropy([-np.inf, 1.0]), r"p has a non-finite entry \(-inf at index 0\)"),
        (
            lambda: ke.kl_divergence([0.2, 0.3, 0.5], [0.25] * 4),
            r"p and q have different shapes \(3,\) and \(4,\)",
        ),
        (lambda: ke.entropy([]), r"p is empty"),
        (lambda: ke.kl_divergence([], []), r"p is empty"),
        (lambda: ke.entropy(0.5), r"p must be an array with at least one axis"),
        (
            lambda: ke.entropy([0.5, 0.3, 0.1]),
            r"p sums to 0\.9, not 1 \(pass normalize=True to rescale\)",
        ),
        (
            lambda: ke.kl_divergence([0.5, 0.5], [0.5, 0.6]),
            r"q sums to 1\.1, not 1 \(pass normalize=True to rescale\)",
        ),
        (
            lambda: ke.entropy([[0.5, 0.5], [0.5, 0.4]]),
            r"p sums to 0\.9, not 1 \(distribution at batch index \(1,\)\)",
        ),
        (lambda: ke.entropy([0.0, 0.0], normalize=True), r"p sums to 0 \(all entries are zero\)"),
        (lambda: ke.entropy([-1, -1]), r"p has a negative entry \(-1 at index 0\)"),
        (lambda: ke.entropy([-1, -1], normalize=True), r"p has a negative entry"),
        (lambda: ke.kl_divergence([-1, -1], [-1, -1], normalize=True), r"p has a negative"),
        (lambda: ke.entropy([1e308, 1e308], normalize=True), r"p's sum overflows"),
        (lambda: ke.entropy([0.5, 0.5], axis=1), r"axis 1 is out of bounds"),
        (lambda: ke.entropy(["a", "b"]), r"p must be an array of real numbers"),
        (lambda: ke.mutual_information([0.5, 0.5]), r"joint must be a 2-D table"),
        (lambda: ke.conditional_entropy([[0.5, 0.6]]), r"joint sums to 1\.1, not 1"),
        (
            lambda: ke.joint_entropy([[0.5, -0.1], [0.3, 0.3]]),
            r"joint has a negative entry \(-0\.1 at index \(0, 1\)\)",
        ),
    ],
)
def test_validation_messages(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_sum_tolerance_is_1e_9():
    ke.entropy([0.5, 0.5 + 0.9e-9])  # accepted
    with pytest.raises(ValueError, match="not 1"):
        ke.entropy([0.5, 0.5 + 1.1e-9])


@pytest.mark.parametrize("base", [0, 1, 1.0, -2, float("nan"), float("inf"), "two", None])
def test_base_validation(base):
    with pytest.raises(ValueError, match="base must be"):
        ke.entropy([0.5, 0.5], base=base)
    with pytest.raises(ValueError, match="base must be"):
        ke.gaussian_kl(0, 1, 0, 1, base=base)


def test_base_accepts_valid_bases():
    assert ke.entropy([0.5, 0.5]) == 1.0  # bits by default
    assert math.isclose(ke.entropy([0.5, 0.5], base=math.e), LN2)
    assert math.isclose(ke.entropy([0.1] * 10, base=10), 1.0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: ke.gaussian_kl(0, 0, 0, 1), r"sigma_p must be positive and finite \(got 0\)"),
        (
            lambda: ke.gaussian_kl(0, 1, [0, 1], [1, -1]),
            r"sigma_q must be positive and finite \(got -1 at index 1\)",
        ),
        (lambda: ke.gaussian_kl(np.nan, 1, 0, 1), r"mu_p must be finite"),
        (lambda: ke.bernoulli_kl(1.5, 0.5), r"a must be a probability in \[0, 1\] \(got 1\.5\)"),
        (lambda: ke.bernoulli_kl(0.5, -0.1), r"b must be a probability in \[0, 1\]"),
        (lambda: ke.poisson_kl(1.0, -2.0), r"lam_q must be non-negative \(got -2\)"),
        (
            lambda: ke.multivariate_gaussian_kl([0, 0], np.eye(2), [0, 0], [[1, 2], [2, 1]]),
            r"cov_q is not positive definite",
        ),
        (
            lambda: ke.multivariate_gaussian_kl([0, 0], [[1, 0.5], [0, 1]], [0, 0], np.eye(2)),
            r"cov_p is not symmetric",
        ),
        (
            lambda: ke.multivariate_gaussian_kl([0, 0], np.eye(2), [0, 0, 0], np.eye(3)),
            r"mu_p and mu_q have different dimensions 2 and 3",
        ),
        (
            lambda: ke.multivariate_gaussian_kl([0, 0], np.eye(3), [0, 0], np.eye(2)),
            r"cov_p must have shape \(\.\.\., 2, 2\)",
        ),
        (
            lambda: ke.gaussian_mixture_pdf(0.0, [0.5, 0.6], [0, 1], [1, 1]),
            r"weights sums to 1\.1, not 1",
        ),
        (
            lambda: ke.gaussian_mixture_pdf(0.0, [0.5, 0.5], [0, 1, 2], [1, 1]),
            r"weights, mus and sigmas must be 1-D of equal length",
        ),
    ],
)
def test_closed_form_validation_messages(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ------------------------------------------------------------------ fit_gaussian


X = np.linspace(-10.0, 10.0, 2001)
W, MU, SIG = [0.5, 0.5], [-2.5, 2.5], [0.8, 0.8]
P_BIMODAL = ke.gaussian_mixture_pdf(X, W, MU, SIG)


def grid_forward_kl(x, p, mu, sigma):
    """Σ p̃ ln(p̃/q) Δx with p̃ = p/(Σ p Δx) and the analytic Gaussian q (nats)."""
    dx = x[1] - x[0]
    pt = p / (p.sum() * dx)
    lq = scipy.stats.norm.logpdf(x, mu, sigma)
    m = pt > 0
    return float((pt[m] * (np.log(pt[m]) - lq[m])).sum() * dx)


def grid_reverse_kl(x, p, mu, sigma):
    """Σ q̃ ln(q̃/p̃) Δx with both densities renormalised on the grid (nats)."""
    dx = x[1] - x[0]
    pt = p / (p.sum() * dx)
    q = scipy.stats.norm.pdf(x, mu, sigma)
    qt = q / (q.sum() * dx)
    m = qt > 0
    return float((qt[m] * (np.log(qt[m]) - np.log(pt[m]))).sum() * dx)


def test_fit_gaussian_forward_moment_matches():
    fit = ke.fit_gaussian(X, P_BIMODAL, direction="forward")
    assert isinstance(fit, ke.GaussianFit)
    assert abs(fit.mu) < 0.01
    assert abs(fit.sigma - 2.62) < 0.01
    assert math.isclose(fit.sigma, math.sqrt(0.8**2 + 2.5**2), rel_tol=1e-6)
    assert math.isclose(
        fit.kl, grid_forward_kl(X, P_BIMODAL, fit.mu, fit.sigma) / LN2, rel_tol=1e-9
    )
    with pytest.raises(AttributeError):
        fit.mu = 1.0  # frozen


def test_fit_gaussian_forward_is_the_minimum():
    fit = ke.fit_gaussian(X, P_BIMODAL, direction="forward", base=math.e)
    rng = np.random.default_rng(14)
    others = [(fit.mu + dm, fit.sigma + ds) for dm in (-0.1, 0, 0.1) for ds in (-0.05, 0, 0.05)]
    others += [(2.5, 0.81), (-2.5, 0.81)]
    others += [(m, s) for m, s in zip(rng.uniform(-3, 3, 20), rng.uniform(0.5, 5, 20), strict=True)]
    for mu, sigma in others:
        assert fit.kl <= grid_forward_kl(X, P_BIMODAL, mu, sigma) + 1e-12


def test_fit_gaussian_reverse_locks_onto_one_mode():
    fit = ke.fit_gaussian(X, P_BIMODAL, direction="reverse")
    assert abs(abs(fit.mu) - 2.5) < 0.05
    assert abs(fit.sigma - 0.81) < 0.02
    assert fit.mu > 0  # documented tie-break: the right-hand mode
    assert math.isclose(
        fit.kl, grid_reverse_kl(X, P_BIMODAL, fit.mu, fit.sigma) / LN2, rel_tol=1e-9
    )
    # About one bit: q sits on half of p's mass, KL ≈ ln 2.
    assert 0.95 < fit.kl < 1.05


def test_fit_gaussian_reverse_is_a_local_minimum():
    fit = ke.fit_gaussian(X, P_BIMODAL, direction="reverse", base=math.e)
    for dm in (-0.1, 0.0, 0.1):
        for ds in (-0.05, 0.0, 0.05):
            if dm or ds:
                assert fit.kl <= grid_reverse_kl(X, P_BIMODAL, fit.mu + dm, fit.sigma + ds)
    # ... and better than the mass-covering forward fit, in the reverse direction.
    fwd = ke.fit_gaussian(X, P_BIMODAL, direction="forward")
    assert fit.kl < grid_reverse_kl(X, P_BIMODAL, fwd.mu, fwd.sigma)


def test_fit_gaussian_is_deterministic_and_accepts_log_density():
    a = ke.fit_gaussian(X, P_BIMODAL, direction="reverse")
    b = ke.fit_gaussian(X, P_BIMODAL.copy(), direction="reverse")
    assert a == b
    log_p = ke.gaussian_mixture_logpdf(X, W, MU, SIG)
    c = ke.fit_gaussian(X, P_BIMODAL, direction="reverse", log_p_density=log_p)
    assert abs(c.mu - a.mu) < 1e-5 and abs(c.sigma - a.sigma) < 1e-5
    assert math.isclose(c.kl, a.kl, rel_tol=1e-6)


def test_fit_gaussian_reverse_prefers_the_heavier_mode():
    p = ke.gaussian_mixture_pdf(X, [0.6, 0.4], MU, SIG)
    fit = ke.fit_gaussian(X, p, direction="reverse")
    assert abs(fit.mu + 2.5) < 0.05  # the left mode has more mass: KL ≈ −log2(0.6)
    assert abs(fit.kl - (-math.log2(0.6))) < 0.05


def test_fit_gaussian_recovers_a_gaussian_target():
    p = ke.gaussian_pdf(X, 1.3, 0.7)
    for direction in ("forward", "reverse"):
        fit = ke.fit_gaussian(X, p, direction=direction)
        assert abs(fit.mu - 1.3) < 1e-4 and abs(fit.sigma - 0.7) < 1e-4
        assert fit.kl < 1e-8


def test_fit_gaussian_handles_underflowing_tails():
    # Narrow modes: p underflows to exactly 0 over much of the grid.
    p = ke.gaussian_mixture_pdf(X, W, [-5.0, 5.0], [0.1, 0.1])
    assert (p == 0).sum() > 400
    fit = ke.fit_gaussian(X, p, direction="reverse")
    assert abs(fit.mu - 5.0) < 0.01 and abs(fit.sigma - 0.1) < 0.005
    assert abs(fit.kl - 1.0) < 1e-3  # one bit: half the mass
    log_p = ke.gaussian_mixture_logpdf(X, W, [-5.0, 5.0], [0.1, 0.1])
    assert (p == 0).any() and np.isfinite(log_p).all()
    exact = ke.fit_gaussian(X, p, direction="reverse", log_p_density=log_p)
    assert abs(exact.mu - 5.0) < 0.01 and abs(exact.sigma - 0.1) < 0.005


def test_fit_gaussian_is_fast():
    ke.fit_gaussian(X, P_BIMODAL, direction="reverse")
    best = math.inf
    for _ in range(5):
        t0 = time.perf_counter()
        ke.fit_gaussian(X, P_BIMODAL, direction="reverse")
        best = min(best, time.perf_counter() - t0)
    assert best < 0.05


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"direction": "sideways"}, r"direction must be 'forward' or 'reverse'"),
        ({"x": np.r_[0.0, 1.0, 3.0, 4.0], "p_density": np.ones(4)}, r"x must be a uniform"),
        ({"p_density": np.ones(5)}, r"p_density has shape \(5,\), but x has shape \(2001,\)"),
        ({"p_density": np.zeros(2001)}, r"p_density sums to 0"),
        ({"p_density": -P_BIMODAL}, r"p_density has a negative entry"),
        ({"x": np.zeros((3, 3))}, r"x must be a 1-D grid"),
    ],
)
def test_fit_gaussian_validation(kwargs, message):
    args = {"x": X, "p_density": P_BIMODAL, "direction": "forward"} | kwargs
    with pytest.raises(ValueError, match=message):
        ke.fit_gaussian(**args)


def test_gaussian_cdf_matches_scipy_and_keeps_its_accuracy_in_the_far_left_tail():
    z = np.linspace(-30, 8, 400)  # down to a tail of about 5e-198
    for mu, sigma in ((0.0, 1.0), (1.5, 0.3)):
        x = mu + sigma * z
        got = ke.gaussian_cdf(x, mu, sigma)
        assert np.allclose(got, scipy.stats.norm.cdf(x, mu, sigma), rtol=1e-12, atol=0)
    assert float(ke.gaussian_cdf(-30.0, 0.0, 1.0)) > 0.0  # erfc, not 1 + erf
    assert ke.gaussian_cdf(0.0, 0.0, 1.0) == 0.5
    with pytest.raises(ValueError, match="sigma"):
        ke.gaussian_cdf(0.0, 0.0, 0.0)
