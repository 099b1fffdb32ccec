"""Placement: an adaptive diagnostic of what a new student knows below a goal.

The belief
----------
In knowledge space theory a student's *knowledge state* is a set of topics closed
under prerequisites (whoever knows a topic knows everything it needs), and an
assessment keeps a probability over the states and asks the question that splits it
best. Over the 327 topics below KL divergence the states number far beyond anything
that can be listed, so the belief here is a weighted *sample* of states (particles):
:data:`PARTICLES` states (fewer for a goal with more than a thousand topics, see
:func:`particles_for`) drawn once per goal from a prior that only reads the graph, each
carrying a weight. What stays exact:

* every particle is a state closed under prerequisites, so the share of the weight on
  states holding a topic (its *marginal*) never exceeds its prerequisites' marginals,
  and the topics with a marginal of one half or more are themselves such a state;
* an answer updates every particle's weight by its exact likelihood under the slip and
  guess model (a topic in the state is answered right with ``1 - slip``, a topic outside
  it with ``guess``), so a right answer raises the states that hold the topic and with it
  all its prerequisites, and a wrong one lowers them, with their dependents;
* the belief is a function of the goal, the graph and the answers alone (the sample is
  seeded), so a page keeps only the answers between requests and rebuilds the rest.

The prior mixes two kinds of states, half each. *By level*: a student has an ability
and each topic a difficulty (its depth within the goal's prerequisites, scaled to 0..1,
plus noise of a width drawn per student); the state is the topics under the ability
whose prerequisites all are too. *From the basis*: in a knowledge space built from a
prerequisite relation every state is a union of single topics' prerequisite closures
(the space's basis); such a student learnt a few topics (1 + Poisson(3), uniformly
over the goal's prerequisites) and all they needed. The empty and the full state are
always in the sample.

The next question is the askable topic whose answer tells the most about the state:
the mutual information between the answer and the state, which for a topic held by a
share ``p`` of the belief is ``H(p(1 - slip) + (1 - p) guess) - p H(slip) - (1 - p)
H(guess)``, greatest where ``p`` is near one half (the half split of the classic
assessment). Every topic's ``p`` is one matrix-vector product of the weights with the
sample. The assessment is *confident* when the expected share of the
goal's topics it classifies correctly (the mean of ``max(p, 1 - p)``) reaches
:data:`CONFIDENCE`; the caller stops then, at its question budget, or when the student
asks to.

Why not ``kstpy``
-----------------
``kstpy`` 1.0.0 (PyPI, LGPL-3.0) works on knowledge structures listed state by state as
sets of frozensets (closure, basis, surmise relation, fringes, simulation under the
basic local independence model, fit indices). It has no adaptive assessment, and
listing the states of the goal's 327 topics is out of reach (an antichain of only 40
topics alone gives 2^40 states); it also pulls in networkx and matplotlib. Its ideas
are used here instead: states closed under the prerequisite relation, the basis of
single-topic closures, and the slip/guess likelihood of the basic local independence
model.

Everything is plain NumPy on :class:`knowledge_graph.graph_index.GraphIndex`
positions; nothing here imports Django.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge_graph.graph_index import GraphIndex

SLIP = 0.1  # a student who knows a topic answers wrong
GUESS = 0.1  # a student who does not answers right
PARTICLES = 4096
CONFIDENCE = 0.98
BUDGET = 25
# At most this many topic-particle cells a goal's sample (about 5 bytes each): a goal
# with more topics than CELLS / PARTICLES gets fewer particles.
CELLS = 2**22
MIN_PARTICLES = 512
NEGLIGIBLE = 1e-12
SAMPLES_KEPT = 8  # goals whose prior sample a process keeps


@dataclass(frozen=True, slots=True)
class Sample:
    """Prior states for one goal: ``states[i, j]`` says whether particle ``j`` holds
    the topic at ``positions[i]`` (the goal's closure, in learning order, goal last)."""

    positions: np.ndarray
    states: np.ndarray  # bool, (topics, particles)
    prior: np.ndarray  # each topic's marginal under the prior
    parent_ptr: np.ndarray  # the rows of row i's prerequisites are
    parents: np.ndarray  # parents[parent_ptr[i]:parent_ptr[i + 1]]
    by_particle: np.ndarray  # float32 (particles, topics): the states for weighted sums

    def places(self, positions: Iterable[int]) -> np.ndarray:
        """Rows of ``positions`` in :attr:`states`; ``-1`` for one outside the goal."""
        wanted = np.asarray(
            positions if isinstance(positions, np.ndarray) else list(positions), dtype=np.int64
        )
        rows = np.searchsorted(self.positions, wanted)
        rows = np.minimum(rows, self.positions.size - 1)
        return np.where(self.positions[rows] == wanted, rows, -1)


def _entropy(p: np.ndarray | float) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), 1e-12, 1 - 1e-12)
    return -(p * np.log2(p) + (1 - p) * np.log2(1 - p))


def _parents_within(index: GraphIndex, goal: int) -> tuple[np.ndarray, np.ndarray]:
    """The goal's closure edges as a CSR list of parent rows per row."""
    closure = index.closure(goal)
    prerequisites, dependents = index.closure_edges(goal)
    ptr = np.zeros(closure.size + 1, dtype=np.int64)
    np.cumsum(np.bincount(dependents, minlength=closure.size), out=ptr[1:])
    return ptr, prerequisites


def _depths(ptr: np.ndarray, parents: np.ndarray) -> np.ndarray:
    """Longest path from a root of the closure to each row (rows are in learning order)."""
    depth = np.zeros(ptr.size - 1, dtype=np.int64)
    for row in range(depth.size):
        own = parents[ptr[row] : ptr[row + 1]]
        if own.size:
            depth[row] = depth[own].max() + 1
    return depth


def particles_for(topics: int) -> int:
    """How many particles a goal with ``topics`` topics (itself included) gets."""
    return max(MIN_PARTICLES, min(PARTICLES, CELLS // max(topics, 1)))


def draw_sample(index: GraphIndex, goal: int, *, particles: int | None = None, seed: int = 0
                ) -> Sample:  # fmt: skip
    """Draw the prior states for the goal at position ``goal`` (see the module notes);
    ``particles`` defaults to :func:`particles_for` the goal's size."""
    rng = np.random.default_rng(seed)
    positions = index.closure(goal)
    particles = particles or particles_for(positions.size)
    ptr, parents = _parents_within(index, goal)
    n = positions.size
    depth = _depths(ptr, parents)
    level = depth / max(int(depth.max()), 1)
    by_level = particles // 2
    basis = particles - by_level - 2

    # By level: under the ability, with every prerequisite under it too.
    ability = rng.uniform(-0.05, 1.05, size=by_level)
    spread = rng.uniform(0.0, 0.3, size=by_level) * (rng.random(by_level) < 0.75)
    noise = rng.standard_normal((n, by_level))
    under = level[:, None] + spread[None, :] * noise < ability[None, :]
    for row in range(n):
        own = parents[ptr[row] : ptr[row + 1]]
        if own.size:
            under[row] &= under[own].all(axis=0)

    # From the basis: a union of a few topics' prerequisite closures.
    learnt = np.zeros((n, basis), dtype=bool)
    picks = 1 + rng.poisson(3.0, size=basis)
    columns = np.repeat(np.arange(basis), picks)
    learnt[rng.integers(0, n, size=columns.size), columns] = True
    for row in range(n - 1, -1, -1):
        own = parents[ptr[row] : ptr[row + 1]]
        if own.size:
            learnt[own] |= learnt[row]

    states = np.concatenate(
        [under, learnt, np.zeros((n, 1), dtype=bool), np.ones((n, 1), dtype=bool)], axis=1
    )
    prior = states.mean(axis=1)
    # Weighted sums over particles are one matrix-vector product on this copy (a bool
    # matrix would be converted to numbers on every sum).
    by_particle = np.ascontiguousarray(states.T, dtype=np.float32)
    for array in (positions, states, prior, ptr, parents, by_particle):
        array.flags.writeable = False
    return Sample(positions, states, prior, ptr, parents, by_particle)


_samples: OrderedDict[tuple, tuple[GraphIndex, Sample]] = OrderedDict()
_samples_lock = threading.Lock()


def sample_for(index: GraphIndex, goal: int, *, particles: int | None = None, seed: int = 0
               ) -> Sample:  # fmt: skip
    """:func:`draw_sample`, kept for the last :data:`SAMPLES_KEPT` goals (and indexes:
    a new index, after a change of the graph, draws afresh)."""
    key = (id(index), goal, particles, seed)
    with _samples_lock:
        held = _samples.get(key)
        if held is not None and held[0] is index:
            _samples.move_to_end(key)
            return held[1]
    sample = draw_sample(index, goal, particles=particles, seed=seed)
    with _samples_lock:
        _samples[key] = (index, sample)
        while len(_samples) > SAMPLES_KEPT:
            _samples.popitem(last=False)
    return sample


class Belief:
    """The belief over one student's knowledge state: the sample and a weight per particle.

    ``slip`` and ``guess`` are the answer model's error rates (each below one half).
    """

    def __init__(self, sample: Sample, *, slip: float = SLIP, guess: float = GUESS) -> None:
        if not (0 <= slip < 0.5 and 0 <= guess < 0.5):
            raise ValueError("slip and guess must each be at least 0 and below 0.5")
        self.sample = sample
        self.slip, self.guess = slip, guess
        self.log_weight = np.zeros(sample.states.shape[1])
        self.answers: list[tuple[int, bool]] = []  # (position, right)
        self._marginals: np.ndarray | None = sample.prior

    @classmethod
    def replay(cls, sample: Sample, answers: Iterable[tuple[int, bool]], **model: float
               ) -> Belief:  # fmt: skip
        """The belief after ``answers`` (``(position, right)``, in the order given)."""
        belief = cls(sample, **model)
        for position, right in answers:
            belief.update(position, right)
        return belief

    def update(self, position: int, right: bool) -> None:
        """Take in one answer on the topic at ``position`` (one of the goal's topics)."""
        row = int(self.sample.places([position])[0])
        if row < 0:
            raise ValueError("the topic is not among the goal's prerequisites")
        held = self.sample.states[row]
        if right:
            self.log_weight += np.where(held, np.log1p(-self.slip), np.log(self.guess or 1e-300))
        else:
            self.log_weight += np.where(held, np.log(self.slip or 1e-300), np.log1p(-self.guess))
        self.answers.append((int(position), bool(right)))
        self._marginals = None

    def weights(self) -> np.ndarray:
        """The particles' normalised weights (those below :data:`NEGLIGIBLE` of the
        heaviest set to zero: in float32 they would be subnormal numbers, whose products
        cost a hundred times more and made a choice take 16 ms instead of 0.2)."""
        weight = np.exp(self.log_weight - self.log_weight.max())
        weight[weight < NEGLIGIBLE] = 0.0
        return weight / weight.sum()

    def marginals(self, rows: np.ndarray | None = None) -> np.ndarray:
        """Each topic's probability of being known (for ``rows`` of the sample, or all)."""
        if self._marginals is None:
            weight = self.weights().astype(np.float32)
            # einsum's own loop, not BLAS: a threaded BLAS product waited up to 20 ms
            # for cores on a busy two-core machine; this takes 0.15 ms, every time.
            held = np.einsum("i,ij->j", weight, self.sample.by_particle)
            self._marginals = held.astype(np.float64)
        return self._marginals if rows is None else self._marginals[rows]

    def information(self, rows: np.ndarray) -> np.ndarray:
        """What an answer on each of ``rows`` tells about the state, in bits."""
        p = self.marginals(rows)
        right = p * (1 - self.slip) + (1 - p) * self.guess
        return _entropy(right) - p * _entropy(self.slip) - (1 - p) * _entropy(self.guess)

    def next_topic(self, askable: Sequence[int] | np.ndarray) -> int | None:
        """The position, among ``askable`` positions, whose answer tells the most;
        None if none of them is among the goal's topics. Ties go to the earlier one in
        learning order."""
        askable = np.asarray(askable, dtype=np.int64)
        askable = askable[askable >= 0]
        positions = self.sample.positions
        if not askable.size:
            return None
        # A mask over positions, not a search: a sort of 45,000 askable topics of a
        # 100,000-topic graph cost 14 ms of a 16 ms choice.
        can = np.zeros(max(int(askable.max()), int(positions[-1])) + 1, dtype=bool)
        can[askable] = True
        rows = np.flatnonzero(can[positions])
        if not rows.size:
            return None
        best = rows[int(np.argmax(self.information(rows)))]
        return int(self.sample.positions[best])

    def expected_accuracy(self) -> float:
        """The share of the goal's topics the belief expects to classify correctly."""
        p = self.marginals()
        return float(np.maximum(p, 1 - p).mean())

    def confident(self, threshold: float = CONFIDENCE) -> bool:
        return self.expected_accuracy() >= threshold

    def known(self) -> np.ndarray:
        """The classification: positions of the topics held with probability one half or
        more, with their prerequisites (a state), in learning order."""
        return self.sample.positions[self._known_rows()]

    def marks(self) -> np.ndarray:
        """The known topics that no other known topic needs (in learning order): marking
        these known makes the whole of :meth:`known` known, and nothing more."""
        held = self._known_rows()
        ptr, parents = self.sample.parent_ptr, self.sample.parents
        rows = np.flatnonzero(held)
        needed = np.zeros(held.size, dtype=bool)
        if rows.size:
            needed[np.concatenate([parents[ptr[r] : ptr[r + 1]] for r in rows])] = True
        return self.sample.positions[held & ~needed]

    def _known_rows(self) -> np.ndarray:
        held = self.marginals() >= 0.5
        ptr, parents = self.sample.parent_ptr, self.sample.parents
        for row in range(held.size - 1, -1, -1):
            if held[row]:
                held[parents[ptr[row] : ptr[row + 1]]] = True
        return held
