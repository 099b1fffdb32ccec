"""A student who follows the worked solution's route, rounding every value they write down
to 3 significant figures, is marked right on every information-theory question.

Each route below is recomputed from the variant's numbers, independently of the
generators, the way a student with a calculator would: every term, every entropy and the
answer rounded to 3 significant figures as it is written down.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from practice.grader import DEFAULT_ABS_TOL, DEFAULT_REL_TOL, grade
from practice.questions import variant_for

SEEDS = range(300)


def r3(x: float) -> float:
    """``x`` rounded to 3 significant figures, as written down."""
    return float(f"{x:.3g}")


def plogq(p: float, q: float) -> float:
    """One term p log2(p/q), rounded."""
    return r3(p * math.log2(p / q))


def entropy(ps) -> float:
    """An entropy from its rounded terms -p log2 p, the sum rounded."""
    return r3(sum(r3(-p * math.log2(p)) for p in ps if p))


def kl(p, q) -> float:
    return r3(sum(plogq(a, b) for a, b in zip(p, q, strict=True)))


def marginals(joint):
    j = np.array(joint)
    return j.sum(axis=1), j.sum(axis=0)


def conditional_entropy(params) -> float:
    rows = [np.array(r, dtype=float) for r in params["counts"]]
    total = params["total"]
    weighted = [r3(r.sum() / total * entropy(r / r.sum())) for r in rows]
    return r3(sum(weighted))


def mutual_information_table(params) -> float:
    px, py = marginals(params["joint"])
    joint = np.ravel(params["joint"])
    return r3(entropy(px) + entropy(py) - entropy(joint))


def mutual_information_bsc(params) -> float:
    a, eps = params["a"], params["epsilon"]
    y1 = a * (1 - eps) + (1 - a) * eps
    return r3(entropy([y1, 1 - y1]) - entropy([eps, 1 - eps]))


def mutual_information_as_kl(params) -> float:
    px, py = marginals(params["joint"])
    return kl(np.ravel(params["joint"]), np.outer(px, py).ravel())


ROUTES = {
    "kl_divergence_discrete": lambda v: kl(v["p"], v["q"]),
    "kl_asymmetry": lambda v: r3(kl(v["q"], v["p"]) - kl(v["p"], v["q"])),
    "cross_entropy_decomposition": lambda v: r3(entropy(v["p"]) + kl(v["p"], v["q"])),
    "mutual_information_as_kl": mutual_information_as_kl,
    "entropy_discrete": lambda v: entropy(v["p"]),
    "entropy_binary": lambda v: entropy([v["p"], 1 - v["p"]]),
    "joint_entropy_table": lambda v: entropy(np.ravel(v["joint"])),
    "conditional_entropy_table": conditional_entropy,
    "mutual_information_table": mutual_information_table,
    "mutual_information_bsc": mutual_information_bsc,
}


def route_verdicts(name: str, *, slack: bool):
    for seed in SEEDS:
        variant = variant_for(name, seed)
        answer = ROUTES[name](variant.params)
        abs_tol = max(variant.slack, DEFAULT_ABS_TOL) if slack else DEFAULT_ABS_TOL
        yield grade(
            f"{answer}",
            variant.expected,
            rel_tol=DEFAULT_REL_TOL,
            abs_tol=abs_tol,
            alternatives=variant.alternatives,
            nonnegative=variant.nonnegative,
        )


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_rounding_as_you_go_to_3_figures_is_marked_right(name):
    wrong = [v for v in route_verdicts(name, slack=True) if not v.correct]
    assert wrong == []


def test_the_relative_tolerance_alone_failed_such_students():
    """Without the route's slack, the 0.5% tolerance refused many of these students
    (mutual information from three entropies and the asymmetry difference most)."""
    refused = {
        name: sum(not v.correct for v in route_verdicts(name, slack=False)) / len(SEEDS)
        for name in ("mutual_information_table", "kl_asymmetry", "mutual_information_bsc")
    }
    assert refused["mutual_information_table"] > 0.3
    assert refused["kl_asymmetry"] > 0.1
    assert refused["mutual_information_bsc"] > 0.1


def test_a_student_one_figure_short_is_still_caught_sometimes():
    """The slack is the rounding of the route, not a blanket: answers given to 1
    significant figure are mostly refused."""
    refused = 0
    for seed in SEEDS:
        variant = variant_for("kl_divergence_discrete", seed)
        rough = float(f"{variant.expected:.1g}")
        verdict = grade(
            f"{rough}",
            variant.expected,
            abs_tol=max(variant.slack, DEFAULT_ABS_TOL),
            alternatives=variant.alternatives,
        )
        refused += not verdict.correct
    assert refused / len(SEEDS) > 0.5
