"""Placement's belief, update, choice and classification (learning/placement.py), on
small graphs, without a database."""

import numpy as np
import pytest

from benchmarks.graphgen import generate_graph
from knowledge_graph import graph as g
from knowledge_graph.graph_index import GraphIndex, TopicData
from learning import placement


def index_for(n: int, edges: list[tuple[int, int]]) -> GraphIndex:
    """An index over topics with ids 1..n (node i is id i + 1)."""
    pre = np.array([a for a, _ in edges], dtype=np.int64)
    dep = np.array([b for _, b in edges], dtype=np.int64)
    derived = g.derive_indexed(n, pre, dep)
    topics = [
        TopicData(
            id=i + 1,
            depth=int(derived.depth[i]),
            title=f"Topic {i:03d}",
            slug=f"topic-{i}",
            minutes=30,
            descendant_count=int(derived.descendant_count[i]),
        )
        for i in range(n)
    ]
    return GraphIndex.build(topics, [(a + 1, b + 1) for a, b in edges])


@pytest.fixture(scope="module")
def generated():
    """A 120-topic curriculum-like graph and its deepest topic as the goal."""
    edges = generate_graph(120, 300, seed=4, window=15)
    index = index_for(120, edges)
    goal = max(range(120), key=lambda p: index.closure(p).size)
    return index, goal, placement.draw_sample(index, goal, particles=2048, seed=1)


@pytest.fixture(scope="module")
def chain():
    """Twenty topics in one chain, node 0 first; the goal is the last."""
    index = index_for(20, [(i, i + 1) for i in range(19)])
    return index, index.position(20), placement.draw_sample(index, index.position(20))


def answered_at_random(sample, *, seed: int, count: int, right: float) -> placement.Belief:
    """A belief after ``count`` answers on random topics, each right with chance ``right``."""
    belief = placement.Belief(sample)
    rng = np.random.default_rng(seed)
    for position in rng.choice(sample.positions, count):
        belief.update(int(position), bool(rng.random() < right))
    return belief


def parents_of(sample, row):
    return sample.parents[sample.parent_ptr[row] : sample.parent_ptr[row + 1]]


def test_every_prior_state_holds_its_topics_prerequisites(generated):
    index, goal, sample = generated
    assert sample.positions[-1] == goal
    assert sample.positions.tolist() == index.closure(goal).tolist()
    for row in range(sample.positions.size):
        for parent in parents_of(sample, row):
            # No particle holds a topic without each of its prerequisites.
            assert not np.any(sample.states[row] & ~sample.states[parent])
    # Neither all nor nothing everywhere: the prior is spread out.
    assert 0.05 < sample.prior.mean() < 0.95


def test_answers_move_a_topic_with_its_prerequisites_or_its_dependents(generated):
    index, goal, sample = generated
    middle = int(sample.positions[sample.positions.size // 2])
    row = int(sample.places([middle])[0])
    above = [r for r in range(sample.positions.size) if row in parents_of(sample, r)]
    below = parents_of(sample, row)
    assert above and below.size

    right = placement.Belief(sample)
    right.update(middle, True)
    assert right.marginals()[row] > sample.prior[row]
    assert np.all(right.marginals()[below] > sample.prior[below])

    wrong = placement.Belief(sample)
    wrong.update(middle, False)
    assert wrong.marginals()[row] < sample.prior[row]
    assert np.all(wrong.marginals()[above] < sample.prior[above])


def test_marginals_never_exceed_a_prerequisites_and_the_known_set_is_a_state(generated):
    index, goal, sample = generated
    belief = answered_at_random(sample, seed=5, count=12, right=0.5)
    p = belief.marginals()
    for row in range(p.size):
        assert np.all(p[parents_of(sample, row)] >= p[row] - 1e-9)
    known = set(belief.known().tolist())
    for position in known:
        assert set(index.closure(position).tolist()) <= known


def test_a_student_who_never_slips_is_found_on_a_chain_by_halving(chain):
    index, goal, sample = chain
    for knows in (0, 7, 13, 20):  # the first `knows` topics of the chain
        belief = placement.Belief(sample, slip=0.0, guess=0.0)
        asked = 0
        while not belief.confident(0.999) and asked < 20:
            position = belief.next_topic(sample.positions)
            belief.update(position, int(position) < knows)
            asked += 1
        assert belief.known().tolist() == list(range(knows))
        assert asked <= 6  # about log2(21) questions, not one per topic


def test_the_next_question_is_one_that_can_be_asked_and_splits_the_belief(generated):
    index, goal, sample = generated
    askable = sample.positions[::3]
    belief = placement.Belief(sample)
    chosen = belief.next_topic(askable)
    assert chosen in askable.tolist()
    rows = sample.places(askable)
    # It is the askable topic whose share of the belief is nearest one half.
    p = belief.marginals(rows)
    assert abs(p[rows.tolist().index(sample.places([chosen])[0])] - 0.5) == pytest.approx(
        np.abs(p - 0.5).min()
    )
    outside = [p for p in range(len(index)) if p not in set(sample.positions.tolist())]
    assert belief.next_topic(outside) is None


def test_replaying_the_answers_gives_the_same_belief(generated):
    index, goal, sample = generated
    answers = [(int(sample.positions[i]), i % 3 == 0) for i in (5, 40, 17, 60, 5)]
    one = placement.Belief(sample)
    for position, right in answers:
        one.update(position, right)
    two = placement.Belief.replay(sample, answers)
    assert two.answers == answers
    assert np.array_equal(one.marginals(), two.marginals())
    again = placement.draw_sample(index, goal, particles=2048, seed=1)
    assert np.array_equal(again.states, sample.states)


def test_the_sample_is_kept_per_goal_and_index(chain):
    index, goal, _ = chain
    first = placement.sample_for(index, goal, particles=256)
    assert placement.sample_for(index, goal, particles=256) is first
    rebuilt = index_for(20, [(i, i + 1) for i in range(19)])
    assert placement.sample_for(rebuilt, goal, particles=256) is not first


def test_bad_model_and_topics_outside_the_goal_are_refused(chain):
    index, goal, sample = chain
    with pytest.raises(ValueError, match="slip and guess"):
        placement.Belief(sample, slip=0.6)
    other = index_for(21, [(i, i + 1) for i in range(19)])
    lonely = placement.draw_sample(other, other.position(20), particles=64)
    belief = placement.Belief(lonely)
    with pytest.raises(ValueError, match="not among the goal"):
        belief.update(other.position(21), True)


def test_the_marks_are_the_known_topics_nothing_known_needs(generated):
    index, goal, sample = generated
    belief = answered_at_random(sample, seed=8, count=15, right=0.6)
    known, marks = belief.known(), belief.marks()
    assert known.size > marks.size > 0
    assert set(index.known_mask(marks).nonzero()[0].tolist()) == set(known.tolist())
    for mark in marks:
        below = set(index.closure(int(mark)).tolist()) - {int(mark)}
        assert not below & set(marks.tolist())
