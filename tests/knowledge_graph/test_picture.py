"""The picture's layout (knowledge_graph/picture.py) on plain data, no database."""

import random

import numpy as np
import pytest

from benchmarks.graphgen import generate_graph
from knowledge_graph import graph as g
from knowledge_graph import picture
from knowledge_graph.graph_index import GraphIndex, TopicData


def index_of(n: int, edges, titles=None) -> GraphIndex:
    """Topics with ids ``i + 1`` for node ``i`` at position ``i``: every edge must go from
    a smaller node to a larger one, so that node order is a learning order."""
    assert all(a < b for a, b in edges)
    topics = [
        TopicData(
            id=i + 1,
            depth=i,
            title=titles[i] if titles else f"Topic number {i}",
            slug=f"t-{i}",
            minutes=15,
            descendant_count=0,
        )
        for i in range(n)
    ]
    return GraphIndex.build(topics, [(a + 1, b + 1) for a, b in edges])


def nothing_known(index: GraphIndex) -> np.ndarray:
    return np.zeros(len(index), dtype=bool)


def crossings(found: picture.Picture) -> int:
    """Pairs of edges between the same two columns whose ends are in opposite orders."""
    edges = [(e.source.layer, e.target.layer, e.source.y, e.target.y) for e in found.edges]
    return sum(
        1
        for i, (a1, b1, s1, t1) in enumerate(edges)
        for a2, b2, s2, t2 in edges[i + 1 :]
        if (a1, b1) == (a2, b2) and (s1 - s2) * (t1 - t2) < 0
    )


def assert_well_formed(index: GraphIndex, found: picture.Picture) -> None:
    positions = [n.position for n in found.nodes]
    assert len(set(positions)) == len(positions)
    shown = set(positions)
    for e in found.edges:  # every edge goes to a column further right
        assert e.source.layer < e.target.layer
        assert e.x1 < e.x2
    # Every edge between shown topics is drawn.
    drawn = {(e.source.position, e.target.position) for e in found.edges}
    for p in shown:
        for q in index.parents[index.parents_ptr[p] : index.parents_ptr[p + 1]].tolist():
            if q in shown:
                assert (q, p) in drawn
    # Boxes and notes do not overlap and stay inside the drawing.
    boxes = [(n.x, n.y) for n in found.nodes] + [(m.x, m.y) for m in found.more]
    for i, (x1, y1) in enumerate(boxes):
        assert 0 <= x1 and x1 + picture.NODE_WIDTH <= found.width
        assert 0 <= y1 and y1 + picture.NODE_HEIGHT <= found.height
        for x2, y2 in boxes[i + 1 :]:
            assert x1 != x2 or abs(y1 - y2) >= picture.NODE_HEIGHT
    for n in found.nodes:
        assert n.slug == index.topics[n.position].slug and n.lines


@pytest.fixture(scope="module")
def big() -> GraphIndex:
    return index_of(100_000, generate_graph(100_000, 400_000, seed=3))


def test_a_neighbourhood_in_a_100000_topic_graph_is_bounded_and_well_formed(big):
    rng = random.Random(5)
    limit = 1 + 2 * (picture.NEAR_LIMIT + picture.FAR_LIMIT)
    sizes = []
    for centre in [0, 99_999, *rng.sample(range(len(big)), 40)]:
        found = picture.neighbourhood(big, centre, have=nothing_known(big))
        assert_well_formed(big, found)
        assert len(found.nodes) <= limit
        assert found.centre.position == centre
        assert max(n.layer for n in found.nodes) <= 2 * picture.SIDE_LAYERS
        assert found.width <= 2 * picture.MARGIN + 5 * (picture.NODE_WIDTH + picture.COLUMN_GAP)
        sizes.append(len(found.nodes))
        ancestors = set(big.closure(centre).tolist())
        for n in found.nodes:  # prerequisites left of the topic, dependents right
            if n.layer < found.centre.layer:
                assert n.position in ancestors
            elif n.layer > found.centre.layer:
                assert centre in set(big.closure(n.position).tolist())
            else:
                assert n.is_centre
    assert max(sizes) == limit  # the caps are reached: the rest is counted, not drawn


def test_a_hub_shows_its_caps_and_counts_the_rest():
    # The hub 30 needs the 30 roots 0..29, and the 40 topics 31..70 each need the hub.
    edges = [(i, 30) for i in range(30)] + [(30, j) for j in range(31, 71)]
    index = index_of(71, edges)
    found = picture.neighbourhood(index, 30, have=nothing_known(index))
    assert_well_formed(index, found)
    assert len(found.nodes) == 1 + 2 * picture.NEAR_LIMIT
    counts = {(m.kind, m.near): m.count for m in found.more}
    assert counts == {
        ("prerequisites", True): 30 - picture.NEAR_LIMIT,
        ("dependents", True): 40 - picture.NEAR_LIMIT,
    }
    # The prerequisites kept are the deepest (the latest in learning order).
    kept = sorted(n.position for n in found.nodes if n.layer < found.centre.layer)
    assert kept == list(range(30 - picture.NEAR_LIMIT, 30))


def test_two_steps_each_way_in_columns_by_longest_path():
    #   a -> b -> c -> d -> e, and b -> d (so d is one step from c, e two)
    a, b, c, d, e = range(5)
    index = index_of(5, [(a, b), (b, c), (c, d), (d, e), (b, d)])
    found = picture.neighbourhood(index, c, have=nothing_known(index))
    layers = {n.position: n.layer for n in found.nodes}
    assert layers == {a: 0, b: 1, c: 2, d: 3, e: 4}
    assert not found.more

    # A direct prerequisite that is also one further back sits in that further column,
    # and one that would need a third column is counted, not drawn.
    #   x -> y -> z -> t, and x -> t, y -> t
    x, y, z, t = range(4)
    index = index_of(4, [(x, y), (y, z), (z, t), (x, t), (y, t)])
    found = picture.neighbourhood(index, t, have=nothing_known(index))
    assert_well_formed(index, found)
    assert {n.position: n.layer for n in found.nodes} == {y: 0, z: 1, t: 2}
    assert [(m.kind, m.near, m.count) for m in found.more] == [("prerequisites", True, 1)]


def test_the_barycentre_sweeps_untangle_crossed_edges():
    # Learning order puts g1 above g2 and p1 above p2, but g1 feeds p2 and g2 feeds p1.
    g1, g2, p1, p2, c = range(5)
    index = index_of(5, [(g1, p2), (g2, p1), (p1, c), (p2, c)])
    found = picture.neighbourhood(index, c, have=nothing_known(index))
    assert_well_formed(index, found)
    assert crossings(found) == 0
    y = {n.position: n.y for n in found.nodes}
    assert (y[g1] < y[g2]) == (y[p2] < y[p1])


def test_states_follow_knowledge_mastery_and_review():
    #  a -> b -> c,  d -> c,  c -> e (numbered so that every edge goes forward)
    a, d, b, c, e = range(5)
    index = index_of(5, [(a, b), (b, c), (d, c), (c, e)])
    have = index.known_mask([a])
    states = picture.states_of(index, [a, b, c, d, e], have=have)
    assert states == ["known", "ready", "locked", "ready", "locked"]
    states = picture.states_of(index, [a, b, c], have=have, mastered={b}, due={a})
    assert states == ["due", "mastered", "locked"]
    found = picture.neighbourhood(index, c, have=index.known_mask([b, d]), mastered={d})
    assert {n.position: n.state for n in found.nodes} == {
        a: "known",
        b: "known",
        d: "mastered",
        c: "ready",
        e: "locked",
    }


def test_the_layout_is_kept_by_the_index_and_only_the_states_change():
    """The index lays out a topic's neighbourhood once; another learner's picture of it
    has the same places, its own states, and a signature of its own."""
    a, d, b, c, e = range(5)
    index = index_of(5, [(a, b), (b, c), (d, c), (c, e)])
    calls = []
    real = picture._neighbourhood_layout

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    picture._neighbourhood_layout = counted
    try:
        first = picture.neighbourhood(index, c, have=nothing_known(index))
        second = picture.neighbourhood(index, c, have=index.known_mask([b, d]), mastered={d})
        again = picture.neighbourhood(index, c, have=nothing_known(index))
        other = picture.neighbourhood(index, b, have=nothing_known(index))
    finally:
        picture._neighbourhood_layout = real
    assert len(calls) == 2  # c once, b once
    assert first.layout is second.layout is again.layout is not other.layout
    places = lambda found: [(n.position, n.x, n.y) for n in found.nodes]  # noqa: E731
    assert places(first) == places(second)
    assert {n.state for n in first.nodes} == {"ready", "locked"}
    assert {n.position: n.state for n in second.nodes}[d] == "mastered"
    assert first.signature == again.signature != second.signature
    # The edges join the nodes with their states, not the layout's stateless ones.
    assert all(e.source.state and e.target.state for e in second.edges)
    assert second.centre.state == "ready"  # b and d known
    assert second.centre is next(n for n in second.nodes if n.position == c)
    # A new index (the graph changed) lays it out afresh.
    fresh = index_of(5, [(a, b), (b, c), (d, c), (c, e)])
    assert picture.neighbourhood(fresh, c, have=nothing_known(fresh)).layout is not first.layout


def test_the_index_keeps_a_bounded_number_of_results(monkeypatch):
    from knowledge_graph import graph_index

    monkeypatch.setattr(graph_index, "KEPT_ENTRIES", 3)
    index = index_of(2, [(0, 1)])
    made = []
    for key in [1, 2, 3, 1, 4, 2]:
        index.kept(key, lambda key=key: made.append(key) or key * 10)
    # 1 was used again before 4 came, so 2 was the least recently used and went.
    assert made == [1, 2, 3, 4, 2]
    assert index.kept(1, lambda: -1) == 10


def test_the_plan_window_shows_the_next_steps_then_the_goal():
    edges = generate_graph(400, 1600, seed=11, window=30)
    index = index_of(400, edges)
    rng = random.Random(2)
    goal = 399
    for known in ([], rng.sample(range(300), 5), rng.sample(range(300), 40)):
        have = index.known_mask(known)
        need, ready = index.learner_state(np.array(known, dtype=np.int32)).plan(goal)
        steps = need[:-1]
        found = picture.plan_window(index, goal, steps, have=have)
        assert_well_formed(index, found)
        shown = [n.position for n in found.nodes if not n.is_centre]
        assert 0 < len(shown) <= picture.PLAN_WINDOW
        assert sorted(shown) == steps[: len(shown)].tolist()  # the plan's first steps
        assert found.centre.position == goal
        assert found.centre.layer == max(n.layer for n in found.nodes)
        assert found.centre.layer <= picture.PLAN_LAYERS
        first = {n.position for n in found.nodes if n.layer == 0}
        assert first <= set(ready.tolist())  # the first column can be learned now
        assert all(n.state == "ready" for n in found.nodes if n.layer == 0)
        left = steps.size - len(shown)
        assert [m.count for m in found.more] == ([left] if left else [])
        assert all(m.layer == found.centre.layer for m in found.more)


def test_the_plan_window_of_a_ready_goal_is_the_goal_alone():
    index = index_of(3, [(0, 2), (1, 2)])
    found = picture.plan_window(
        index, 2, np.empty(0, dtype=np.int32), have=index.known_mask([0, 1])
    )
    assert [(n.position, n.state, n.layer) for n in found.nodes] == [(2, "ready", 0)]
    assert not found.edges and not found.more


@pytest.mark.parametrize(
    "title",
    [
        "KL Divergence",
        "Probability Density Functions and Continuous Distributions",
        "Adding and Subtracting Fractions with Unlike Denominators",
        "Supercalifragilisticexpialidociously long word",
        "A",
    ],
)
def test_titles_wrap_into_two_short_lines(title):
    lines = picture.wrap_title(title)
    assert 1 <= len(lines) <= picture.LINES
    assert all(0 < len(line) <= picture.LINE_CHARS for line in lines)
    joined = " ".join(lines)
    if len(title) <= picture.LINE_CHARS:
        assert lines == (title,)
    if joined.endswith("…"):
        assert title.replace(" ", "").startswith(joined[:-1].replace(" ", ""))
    else:
        assert joined.replace(" ", "") == title.replace(" ", "")


def test_the_shipped_wrapping_examples():
    assert picture.wrap_title("Probability Density Functions and Continuous Distributions") == (
        "Probability Density",
        "Functions and…",
    )
    assert picture.wrap_title("Shannon's Source Coding Theorem") == (
        "Shannon's Source",
        "Coding Theorem",
    )


def test_layers_match_longest_paths_in_the_shown_subgraph():
    edges = generate_graph(300, 1200, seed=4, window=25)
    index = index_of(300, edges)
    for centre in range(0, 300, 7):
        found = picture.neighbourhood(index, centre, have=nothing_known(index))
        assert_well_formed(index, found)
        shown = {n.position: n for n in found.nodes}
        graph = g.build(shown, [(e.source.position, e.target.position) for e in found.edges])
        for n in found.nodes:  # no column is skipped without a reason
            if n.layer < found.centre.layer:
                assert any(shown[q].layer == n.layer + 1 for q in graph.children[n.position])
            elif n.layer > found.centre.layer:
                assert any(shown[q].layer == n.layer - 1 for q in graph.parents[n.position])
