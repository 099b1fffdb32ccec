"""The inference and learning families checked another way: each answer recomputed from
the variant's params by a different route (a numerical search, a direct sum, an integral),
and followed by a student who rounds every intermediate step of the worked solution to
3 significant figures, who must still be marked right."""

from __future__ import annotations

import math

import numpy as np
import scipy.optimize

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
