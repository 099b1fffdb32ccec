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

from practice import kl_engine as ke
from tests.knowledge_graph.test_explainers import CLAIMS
from tests.lessons.checker import equation_problems, lesson, number_problems, squash

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
