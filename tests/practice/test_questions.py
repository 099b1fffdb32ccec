"""Question generators: reproducible from the seed, answers from the engine, every named
mistake told apart and recognised by the grader, worked solutions with the variant's
numbers."""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import scipy.stats

from practice import kl_engine as kl
from practice import questions
from practice.grader import DIAGNOSES, grade
from practice.questions import GENERATORS, SEED_LIMIT, variant_for

LN2 = math.log(2)
SEEDS = [*range(12), 2**32 - 1, 987_654_321_012, SEED_LIMIT - 1]
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "questions"
# This module's generators (practice.families' are tested in test_families.py).
OWN = [name for name, make in GENERATORS.items() if make.__module__ == questions.__name__]
KL_GENERATORS = (
    "kl_divergence_discrete",
    "kl_asymmetry",
    "cross_entropy_decomposition",
    "mutual_information_as_kl",
)


def _plogq(p: float, q: float) -> float:
    """One term p·log2(p/q), written out with the standard library."""
    return p * math.log2(p / q)


def _h(values) -> float:
    return -sum(v * math.log2(v) for v in values)


# An independent recomputation per generator, from the variant's params only:
# (expected, {diagnosis code: value of that mistake}), in bits.
def _pq(params):
    return np.array(params["p"]), np.array(params["q"])


def _joint(params):
    joint = np.array(params["joint"])
    return joint, joint.sum(axis=1), joint.sum(axis=0)


def _kl_divergence_discrete(params):
    p, q = _pq(params)
    d = kl.kl_divergence(p, q)
    return d, {
        "reversed": kl.kl_divergence(q, p),
        "cross_entropy": kl.cross_entropy(p, q),
        "missing_term": _plogq(p[0], q[0]) + _plogq(p[1], q[1]),
    }


def _kl_asymmetry(params):
    p, q = _pq(params)
    diff = kl.kl_divergence(q, p) - kl.kl_divergence(p, q)
    return diff, {"reversed": -diff, "missing_term": kl.kl_divergence(q, p)}


def _cross_entropy_decomposition(params):
    p, q = _pq(params)
    return kl.cross_entropy(p, q), {
        "entropy": kl.entropy(p),
        "missing_term": kl.kl_divergence(p, q),
        "reversed": kl.cross_entropy(q, p),
    }


def _mutual_information_as_kl(params):
    joint, px, py = _joint(params)
    prod = np.outer(px, py)
    mi = kl.mutual_information(joint)
    last = _plogq(joint[1, 1], prod[1, 1])
    return mi, {
        "reversed": kl.kl_divergence(prod.ravel(), joint.ravel()),
        "cross_entropy": kl.cross_entropy(joint.ravel(), prod.ravel()),
        "missing_term": mi - last,
    }


def _entropy_discrete(params):
    p = params["p"]
    h = kl.entropy(p)
    return h, {"missing_term": _h(p[:-1])}


def _entropy_binary(params):
    p = params["p"]
    return kl.entropy([p, 1 - p]), {"missing_term": -p * math.log2(p)}


def _joint_entropy_table(params):
    joint, px, py = _joint(params)
    h = kl.joint_entropy(joint)
    return h, {
        "entropy": kl.entropy(px) + kl.entropy(py),
        "missing_term": _h(joint.ravel()[:-1]),
    }


def _conditional_entropy_table(params):
    joint, px, py = _joint(params)
    h_xy = kl.joint_entropy(joint)
    return h_xy - kl.entropy(px), {
        "reversed": h_xy - kl.entropy(py),
        "missing_term": h_xy,
        "entropy": kl.entropy(py),
    }


def _mutual_information_table(params):
    joint, px, py = _joint(params)
    h_x, h_y, h_xy = kl.entropy(px), kl.entropy(py), kl.joint_entropy(joint)
    return h_x + h_y - h_xy, {"missing_term": h_x + h_y, "entropy": h_xy - h_x}


def _mutual_information_bsc(params):
    a, eps = params["a"], params["epsilon"]
    joint = np.array([[(1 - a) * (1 - eps), (1 - a) * eps], [a * eps, a * (1 - eps)]])
    np.testing.assert_allclose(joint, np.array(params["joint"]), rtol=0, atol=1e-15)
    y1 = joint[:, 1].sum()
    return kl.mutual_information(joint), {
        "missing_term": kl.entropy([1 - y1, y1]),
        "entropy": kl.entropy([1 - eps, eps]),
    }


RECOMPUTE = {
    "kl_divergence_discrete": _kl_divergence_discrete,
    "kl_asymmetry": _kl_asymmetry,
    "cross_entropy_decomposition": _cross_entropy_decomposition,
    "mutual_information_as_kl": _mutual_information_as_kl,
    "entropy_discrete": _entropy_discrete,
    "entropy_binary": _entropy_binary,
    "joint_entropy_table": _joint_entropy_table,
    "conditional_entropy_table": _conditional_entropy_table,
    "mutual_information_table": _mutual_information_table,
    "mutual_information_bsc": _mutual_information_bsc,
}


def _grade(variant, answer):
    return grade(
        answer,
        variant.expected,
        unit=variant.unit,
        alternatives=variant.alternatives,
        nonnegative=variant.nonnegative,
    )


def test_every_generator_is_covered_here_and_offered_as_a_choice():
    assert set(RECOMPUTE) == set(OWN)
    names = [name for name, _ in questions.generator_choices()]
    assert names == [*GENERATORS, questions.WRITTEN]  # last, a question written in the admin
    for name, label in questions.generator_choices():
        assert label.startswith(f"{name}: ") and len(label) > len(name) + 5


def test_the_fixture_uses_registered_generators_and_the_kl_page_has_twelve():
    specs = [s for f in sorted(FIXTURES.glob("*.json")) for s in json.loads(f.read_text())]
    assert {s["generator"] for s in specs} <= set(GENERATORS)
    kl_specs = [s for s in specs if s["topic"] == "kl-divergence"]
    on_page = [s["generator"] for s in kl_specs]
    assert set(KL_GENERATORS) <= set(on_page) and len(set(on_page)) == len(on_page) >= 12
    positions = [s["position"] for s in kl_specs]
    assert len(set(positions)) == len(positions)


@pytest.mark.parametrize("name", OWN)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_variant_is_reproduced_exactly_from_its_seed(name, seed):
    first, again = variant_for(name, seed), variant_for(name, seed)
    assert first == again
    # What an attempt stores (the params, as JSON) comes back unchanged.
    assert json.loads(json.dumps(first.params)) == first.params


@pytest.mark.parametrize("name", OWN)
def test_different_seeds_give_different_numbers(name):
    params = {json.dumps(variant_for(name, seed).params) for seed in range(30)}
    assert len(params) >= 10


@pytest.mark.parametrize("name", OWN)
@pytest.mark.parametrize("seed", SEEDS)
def test_expected_and_mistakes_match_an_independent_computation(name, seed):
    variant = variant_for(name, seed)
    expected, mistakes = RECOMPUTE[name](variant.params)
    assert variant.unit == "bits"
    assert math.isclose(variant.expected, float(expected), rel_tol=1e-12, abs_tol=1e-15)
    assert set(variant.alternatives) == set(mistakes)
    for code, value in mistakes.items():
        assert math.isclose(variant.alternatives[code], float(value), rel_tol=1e-9, abs_tol=1e-12)


@pytest.mark.parametrize("name", KL_GENERATORS)
def test_kl_answers_agree_with_scipy(name):
    for seed in SEEDS:
        variant = variant_for(name, seed)
        params = variant.params
        if "p" in params:
            p, q = np.array(params["p"]), np.array(params["q"])
            d_pq = scipy.stats.entropy(p, q, base=2)
            d_qp = scipy.stats.entropy(q, p, base=2)
            reference = {
                "kl_divergence_discrete": d_pq,
                "kl_asymmetry": d_qp - d_pq,
                "cross_entropy_decomposition": scipy.stats.entropy(p, base=2) + d_pq,
            }[name]
        else:
            joint = np.array(params["joint"])
            prod = np.outer(joint.sum(axis=1), joint.sum(axis=0))
            reference = scipy.stats.entropy(joint.ravel(), prod.ravel(), base=2)
        assert math.isclose(variant.expected, reference, rel_tol=1e-10)


@pytest.mark.parametrize("name", OWN)
@pytest.mark.parametrize("seed", SEEDS)
def test_every_named_mistake_is_recognised_and_none_is_accepted(name, seed):
    variant = variant_for(name, seed)
    e = variant.expected
    assert questions.distinguishable(variant)
    assert abs(e) >= questions.MIN_ANSWER
    values = [e, *variant.alternatives.values()]
    assert len({round(v, 6) for v in values}) == len(values)  # all distinct
    for code, value in variant.alternatives.items():
        assert code in DIAGNOSES
        verdict = _grade(variant, value)
        assert (verdict.correct, verdict.diagnosis) == (False, code)
    # The grader's built-in mistakes, for every question:
    nats = _grade(variant, e * LN2)
    assert nats.diagnosis == "wrong_unit"
    assert nats.message == "That is the value in nats; the question asks for bits."
    assert _grade(variant, e * math.log10(2)).diagnosis == "wrong_base"
    sign = _grade(variant, -e)
    assert not sign.correct
    assert sign.diagnosis == ("reversed" if name == "kl_asymmetry" else "sign_error")


@pytest.mark.parametrize("name", OWN)
def test_rounded_answers_are_accepted_and_a_1_percent_error_is_not(name):
    for seed in SEEDS:
        variant = variant_for(name, seed)
        e = variant.expected
        three_figures = float(f"{e:.3g}")
        assert _grade(variant, three_figures).correct
        assert _grade(variant, f"{e:.4f}").correct
        assert _grade(variant, f"{e * LN2:.5f} nats").correct  # the right value, labelled
        off = _grade(variant, e * 1.01)
        assert not off.correct and off.diagnosis == "imprecise"


def test_kl_questions_name_the_issue_s_mistakes():
    """Reversed direction, a missing term, wrong log base and a sign error (D(P‖Q))."""
    variant = variant_for("kl_divergence_discrete", 3)
    p, q = np.array(variant.params["p"]), np.array(variant.params["q"])
    reversed_answer = "+".join(f"{b}*log2({b}/{a})" for a, b in zip(p, q, strict=True))
    verdict = _grade(variant, reversed_answer)
    assert verdict.diagnosis == "reversed"
    assert "D(Q‖P)" in verdict.message and "not symmetric" in verdict.message
    ln_answer = "+".join(f"{a}*ln({a}/{b})" for a, b in zip(p, q, strict=True))
    assert _grade(variant, ln_answer).diagnosis == "wrong_unit"
    log10_answer = "+".join(f"{a}*log10({a}/{b})" for a, b in zip(p, q, strict=True))
    assert _grade(variant, log10_answer).diagnosis == "wrong_base"
    flipped = "+".join(f"{a}*log2({b}/{a})" for a, b in zip(p, q, strict=True))
    assert _grade(variant, flipped).diagnosis == "sign_error"
    two_terms = "+".join(f"{a}*log2({b_})" for a, b_ in zip(p[:2], p[:2] / q[:2], strict=True))
    assert _grade(variant, two_terms).diagnosis == "missing_term"
    right = "+".join(f"{a}*log2({a}/{b})" for a, b in zip(p, q, strict=True))
    assert _grade(variant, right).correct


def _shown(value: float, total: int) -> list[str]:
    """Ways a probability may be written in a prompt: 0.15 or \\tfrac{3}{16}."""
    f = Fraction(value).limit_denominator(total)
    return [f"{value:g}", rf"\tfrac{{{f.numerator}}}{{{f.denominator}}}"]


def _inputs(name: str, params) -> list[float]:
    """The probabilities a student is given."""
    if name == "mutual_information_bsc":
        return [params["a"], params["epsilon"]]
    if name == "entropy_binary":
        return [params["p"]]
    if "joint" in params:
        return [v for row in params["joint"] for v in row]
    return [*params["p"], *params.get("q", [])]


def _steps(name: str, params) -> list[float]:
    """Intermediate results the worked solution must show (to four decimals)."""
    if name in ("kl_divergence_discrete", "kl_asymmetry", "cross_entropy_decomposition"):
        p, q = _pq(params)
        steps = [_plogq(a, b) for a, b in zip(p, q, strict=True)] + [kl.kl_divergence(p, q)]
        if name == "cross_entropy_decomposition":
            return [*steps, *(-a * math.log2(a) for a in p), kl.entropy(p)]
        steps.append(kl.kl_divergence(q, p))  # the other direction, for comparison
        if name == "kl_asymmetry":
            steps += [_plogq(b, a) for a, b in zip(p, q, strict=True)]
        return steps
    if name == "entropy_discrete":
        return [-a * math.log2(a) for a in params["p"]]
    if name == "entropy_binary":
        a = params["p"]
        return [-a * math.log2(a), -(1 - a) * math.log2(1 - a)]
    if name == "mutual_information_bsc":
        return [kl.entropy([params["epsilon"], 1 - params["epsilon"]])]
    joint, px, py = _joint(params)
    if name == "mutual_information_as_kl":
        prod = np.outer(px, py)
        return [_plogq(a, b) for a, b in zip(joint.ravel(), prod.ravel(), strict=True)]
    if name == "joint_entropy_table":
        return [-a * math.log2(a) for a in joint.ravel()]
    if name == "conditional_entropy_table":
        rows = [kl.entropy(row / row.sum()) for row in joint]
        return [*rows, kl.joint_entropy(joint), kl.entropy(px)]
    assert name == "mutual_information_table"
    return [kl.entropy(px), kl.entropy(py), kl.joint_entropy(joint)]


@pytest.mark.parametrize("name", OWN)
@pytest.mark.parametrize("seed", SEEDS[:6])
def test_prompt_and_solution_show_the_variant_s_numbers(name, seed):
    variant = variant_for(name, seed)
    params = variant.params
    total = 20 if name == "mutual_information_bsc" else params["total"]
    for value in _inputs(name, params):
        assert any(form in variant.prompt for form in _shown(value, total)), value
    for step in _steps(name, params):
        assert f"{abs(step):.4f}" in variant.solution, (step, variant.solution)
    # The solution ends at the expected value, to four decimals.
    assert f"{variant.expected:.4f}" in variant.solution
    assert "in bits" in variant.prompt


@pytest.mark.parametrize("name", OWN)
def test_a_variant_in_nats_is_the_same_question_scaled(name):
    bits = variant_for(name, 5)
    nats = variant_for(name, 5, unit="nats")
    assert nats.unit == "nats" and nats.params == bits.params
    assert math.isclose(nats.expected, bits.expected * LN2, rel_tol=1e-12)
    assert "in nats" in nats.prompt and "in bits" not in nats.prompt
    assert f"{nats.expected:.4f}" in nats.solution
    for code, value in bits.alternatives.items():
        assert math.isclose(nats.alternatives[code], value * LN2, rel_tol=1e-12)
        assert _grade(nats, nats.alternatives[code]).diagnosis == code
    wrong_unit = _grade(nats, bits.expected)
    assert wrong_unit.diagnosis == "wrong_unit"
    assert wrong_unit.message == "That is the value in bits; the question asks for nats."
    assert _grade(nats, bits.expected * math.log10(2)).diagnosis == "wrong_base"


@pytest.mark.parametrize("seed", [-1, SEED_LIMIT, True, 1.5, "3"])
def test_seeds_outside_the_stored_range_are_refused(seed):
    with pytest.raises(ValueError, match="seed"):
        variant_for("entropy_binary", seed)


def test_unknown_generator_is_refused():
    with pytest.raises(ValueError, match="unknown question generator"):
        variant_for("no_such_generator", 1)


def test_a_generator_that_cannot_separate_its_mistakes_gives_up(monkeypatch):
    monkeypatch.setattr(questions, "MAX_DRAWS", 5)
    monkeypatch.setattr(questions, "GENERATORS", {})

    @questions.generator("always_ambiguous")
    def ambiguous(rng):
        value = float(rng.uniform(0.5, 1.0))
        return questions.Variant("p", {}, value, "s", alternatives={"reversed": value * 1.001})

    with pytest.raises(RuntimeError, match="no distinguishable variant in 5 draws"):
        variant_for("always_ambiguous", 1)
