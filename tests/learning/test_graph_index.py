"""The in-memory graph index against the pure functions of knowledge_graph.graph (no
database)."""

import random

import numpy as np
import pytest

from benchmarks.graphgen import generate_graph
from knowledge_graph import graph as g
from knowledge_graph.graph_index import GraphIndex, TopicData


def topics_for(n: int, seed: int) -> dict[int, TopicData]:
    """Topics with ids 10, 13, 16, ... (not positions), real depths and descendant
    counts, and titles that do not follow the ids."""
    rng = random.Random(seed)
    edges = generate_graph(n, 4 * n, seed=seed, window=40)
    ids = [10 + 3 * i for i in range(n)]
    graph = g.build(ids, [(ids[a], ids[b]) for a, b in edges])
    derived = g.derive_all(graph)
    topics = {
        i: TopicData(
            id=i,
            depth=derived[i].depth,
            title=f"Topic {rng.randrange(1000):03d}",
            slug=f"t-{rng.randrange(10_000):04d}-{i}",
            minutes=rng.choice([15, 30, 45]),
            descendant_count=derived[i].descendant_count,
        )
        for i in ids
    }
    return topics, [(ids[a], ids[b]) for a, b in edges], graph


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_closure_known_set_plan_and_frontier_match_the_pure_functions(seed):
    topics, edges, graph = topics_for(250, seed)
    index = GraphIndex.build(topics.values(), edges)
    rng = random.Random(seed)
    ids = list(topics)

    def key(n):
        return (topics[n].depth, topics[n].title, n)

    for topic_id in rng.sample(ids, 20):
        closure = index.topic_ids(index.closure(index.position(topic_id)))
        assert set(closure) == g.ancestors(graph, topic_id) | {topic_id}
        assert closure[-1] == topic_id
        # The closure's own edges, as places in it: every edge between its topics.
        places = index.closure(index.position(topic_id))
        prerequisites, dependents = index.closure_edges(index.position(topic_id))
        inside = set(closure)
        assert sorted(
            zip(
                index.topic_ids(places[prerequisites]),
                index.topic_ids(places[dependents]),
                strict=True,
            )
        ) == sorted((a, b) for a, b in edges if a in inside and b in inside)

    for _ in range(10):
        known = rng.sample(ids, rng.randrange(0, 12))
        have = index.known_mask(index.positions(known))
        assert set(index.topic_ids(np.flatnonzero(have))) == g.implicitly_known(graph, known)

        goal = rng.choice(ids)
        closure = index.closure(index.position(goal))
        need = closure[~have[closure]]
        assert index.topic_ids(need) == g.learning_plan(graph, goal, known, key=key)

        descendants = {n: topics[n].descendant_count for n in ids}
        slug = {n: topics[n].slug for n in ids}
        assert index.topic_ids(index.frontier(have)) == g.frontier(
            graph, known, descendants, key=slug.get
        )
        goal_frontier = g.frontier(
            graph, known, descendants, within=set(index.topic_ids(need)), key=slug.get
        )

        # The memoised learner state gives the same, however often it is asked.
        state = index.learner_state(index.positions(known))
        assert state is index.learner_state(index.positions(known)[::-1])
        assert state.have.tolist() == have.tolist()
        for _ in range(2):
            assert state.ready().tolist() == index.frontier(have).tolist()
            plan_need, plan_ready = state.plan(index.position(goal))
            assert plan_need.tolist() == need.tolist()
            assert index.topic_ids(plan_ready) == goal_frontier


def test_positions_follow_depth_then_title_then_id():
    topics, edges, _ = topics_for(120, 5)
    index = GraphIndex.build(topics.values(), edges)
    assert index.topic_ids(np.arange(len(index))) == [
        t.id for t in sorted(topics.values(), key=lambda t: (t.depth, t.title, t.id))
    ]
    assert index.position(999_999) == -1
    assert index.positions([10, 999_999, 13]).tolist()[1] == -1


def test_stale_depths_still_give_a_learning_order():
    # b's stored depth says 0 though it needs z, and "B" sorts before "Z": positions
    # must still put z first.
    topics = [
        TopicData(1, 0, "B", "b", 30, 0),
        TopicData(2, 0, "Z", "z", 30, 1),
    ]
    index = GraphIndex.build(topics, [(2, 1)])
    assert index.topic_ids(index.closure(index.position(1))) == [2, 1]


def test_a_graph_without_edges_has_every_topic_ready():
    topics = [TopicData(i, 0, f"T{i}", f"t{i}", 10, 0) for i in (5, 6, 7)]
    index = GraphIndex.build(topics, [])
    have = index.known_mask(index.positions([6]))
    assert index.topic_ids(index.frontier(have)) == [5, 7]


def test_the_memo_of_ancestor_sets_keeps_within_its_budget():
    topics, edges, graph = topics_for(200, 7)
    index = GraphIndex.build(topics.values(), edges, memo_budget=300)
    deepest = max(topics.values(), key=lambda t: t.depth).id
    for topic_id in topics:
        index.closure(index.position(topic_id))
        index.closure_edges(index.position(topic_id))
        assert index._memo_size <= 300 or len(index._memo) == 1
    # answers are the same whether remembered or walked again
    again = index.topic_ids(index.closure(index.position(deepest)))
    assert set(again) == g.ancestors(graph, deepest) | {deepest}


def test_learner_states_are_kept_within_their_limit_and_can_be_forgotten():
    from knowledge_graph import graph_index

    topics, edges, _ = topics_for(100, 9)
    index = GraphIndex.build(topics.values(), edges)
    states = [index.learner_state(np.array([p])) for p in range(graph_index.STATE_MEMO_ENTRIES + 5)]
    assert len(index._states) == graph_index.STATE_MEMO_ENTRIES
    assert index.learner_state(np.array([0])) is not states[0]  # dropped, walked again
    last = graph_index.STATE_MEMO_ENTRIES + 4
    assert index.learner_state(np.array([last])) is states[-1]
    for goal in range(graph_index.PLANS_PER_STATE + 3):
        states[-1].plan(goal)
    assert len(states[-1]._plans) == graph_index.PLANS_PER_STATE
    index.forget_learner_states()
    assert index.learner_state(np.array([last])) is not states[-1]
    with pytest.raises(ValueError):
        states[-1].have[0] = True  # shared between requests, so read-only
