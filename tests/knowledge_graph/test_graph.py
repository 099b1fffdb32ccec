"""knowledge_graph/graph.py on plain data, checked against networkx on random DAGs."""

import random

import networkx as nx
import numpy as np
import pytest

from knowledge_graph import graph as g


def random_dag(n: int, p: float, seed: int) -> tuple[list[int], list[tuple[int, int]]]:
    rng = random.Random(seed)
    perm = list(range(n))
    rng.shuffle(perm)  # node labels not in topological order
    edges = [(perm[i], perm[j]) for i in range(n) for j in range(i + 1, n) if rng.random() < p]
    return list(range(n)), edges


def nx_depth(G: nx.DiGraph) -> dict[int, int]:
    depth = {}
    for n in nx.topological_sort(G):
        preds = list(G.predecessors(n))
        depth[n] = 1 + max(depth[p] for p in preds) if preds else 0
    return depth


@pytest.mark.parametrize("seed", range(40))
def test_derived_numbers_match_networkx(seed):
    n = random.Random(seed).randint(1, 60)
    nodes, edges = random_dag(n, random.Random(seed + 1000).uniform(0.02, 0.3), seed)
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    derived = g.derive_all(g.build(nodes, edges))
    depth = nx_depth(G)
    for v in nodes:
        d = derived[v]
        assert d.depth == depth[v]
        assert d.ancestor_count == len(nx.ancestors(G, v))
        assert d.descendant_count == len(nx.descendants(G, v))
        assert d.prerequisite_count == G.in_degree(v)
        assert d.dependent_count == G.out_degree(v)


@pytest.mark.parametrize("seed", range(20))
def test_chain_is_a_longest_path_and_deterministic(seed):
    nodes, edges = random_dag(40, 0.12, seed)
    graph = g.build(nodes, edges)
    shuffled = g.build(nodes, random.Random(seed).sample(edges, len(edges)))
    depth = g.depths(graph)
    for v in nodes:
        chain = g.prerequisite_chain(graph, v)
        assert chain[-1] == v
        assert len(chain) == depth[v] + 1
        assert all((a, b) in set(edges) for a, b in zip(chain, chain[1:], strict=False))
        assert chain == g.prerequisite_chain(shuffled, v)  # edge order does not matter
        assert not graph.parents[chain[0]]  # starts at a root


def test_chain_tie_break_uses_key():
    # Two equally long paths to d: a -> b -> d and a -> c -> d.
    graph = g.build("abcd", [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
    assert g.prerequisite_chain(graph, "d") == ["a", "b", "d"]
    assert g.prerequisite_chain(graph, "d", key=lambda n: -ord(n)) == ["a", "c", "d"]
    assert not g.is_unique_longest_chain(graph, "d", g.depths(graph))


def test_unique_longest_chain_detected():
    graph = g.build("abcd", [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    assert g.is_unique_longest_chain(graph, "d", g.depths(graph))


def test_cycle_found_and_named():
    graph = g.build("abcd", [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    cycle = g.find_cycle(graph)
    assert cycle is not None and cycle[0] == cycle[-1]
    assert set(cycle) == {"a", "b", "c"}
    assert all(
        (x, y) in {("a", "b"), ("b", "c"), ("c", "a")}
        for x, y in zip(cycle, cycle[1:], strict=False)
    )
    with pytest.raises(g.CycleError, match="→"):
        g.derive_all(graph)


def test_cycle_if_added_names_the_new_edge_first():
    graph = g.build("abc", [("a", "b"), ("b", "c")])
    assert g.cycle_if_added(graph, "c", "a") == ["c", "a", "b", "c"]
    assert g.cycle_if_added(graph, "a", "c") is None
    assert g.cycle_if_added(graph, "a", "a") == ["a", "a"]


@pytest.mark.parametrize("seed", range(20))
def test_cycle_if_added_agrees_with_networkx(seed):
    nodes, edges = random_dag(25, 0.15, seed)
    graph = g.build(nodes, edges)
    G = nx.DiGraph(edges)
    G.add_nodes_from(nodes)
    rng = random.Random(seed)
    for _ in range(30):
        a, b = rng.sample(nodes, 2)
        cycle = g.cycle_if_added(graph, a, b)
        assert (cycle is not None) == nx.has_path(G, b, a)
        if cycle:
            steps = list(zip(cycle, cycle[1:], strict=False))
            assert steps[0] == (a, b)
            assert all(G.has_edge(x, y) for x, y in steps[1:])


def test_build_rejects_self_loops_and_unknown_nodes():
    with pytest.raises(ValueError, match="self-loop"):
        g.build("ab", [("a", "a")])
    with pytest.raises(ValueError, match="unknown node"):
        g.build("ab", [("a", "z")])


def test_learning_plan_order_and_known():
    # a -> b -> d, a -> c -> d, d -> e
    graph = g.build("abcde", [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e")])
    plan = g.learning_plan(graph, "e", known=[])
    assert plan == ["a", "b", "c", "d", "e"]
    assert g.learning_plan(graph, "e", known=["b"]) == ["c", "d", "e"]  # b known implies a
    assert g.learning_plan(graph, "e", known=["d"]) == ["e"]
    assert g.implicitly_known(graph, ["d"]) == {"a", "b", "c", "d"}


@pytest.mark.parametrize("seed", range(10))
def test_learning_plan_respects_every_edge(seed):
    nodes, edges = random_dag(50, 0.1, seed)
    graph = g.build(nodes, edges)
    goal = max(nodes, key=lambda v: len(g.ancestors(graph, v)))
    known = random.Random(seed).sample(nodes, 5)
    plan = g.learning_plan(graph, goal, known)
    position = {v: i for i, v in enumerate(plan)}
    have = g.implicitly_known(graph, known)
    assert set(plan) == (g.ancestors(graph, goal) | {goal}) - have
    for a, b in edges:
        if a in position and b in position:
            assert position[a] < position[b]


def test_frontier_ranked_by_downstream_count():
    graph = g.build("abcde", [("a", "c"), ("b", "d"), ("d", "e")])
    counts = {"a": 1, "b": 2, "c": 0, "d": 1, "e": 0}
    assert g.frontier(graph, [], counts) == ["b", "a"]
    assert g.frontier(graph, ["b"], counts) == ["a", "d"]  # equal counts: key order
    assert g.frontier(graph, ["b"], {**counts, "d": 5}) == ["d", "a"]
    assert g.frontier(graph, ["b"], counts, within={"d", "e"}) == ["d"]


def test_derive_all_on_a_long_chain():
    n = 3000
    graph = g.build(range(n), [(i, i + 1) for i in range(n - 1)])
    derived = g.derive_all(graph)
    assert derived[n - 1].ancestor_count == n - 1
    assert derived[0].descendant_count == n - 1
    assert derived[n - 1].depth == n - 1


# --- derive_indexed: the same numbers on index arrays, as the recompute service runs it


def indexed(nodes, edges):
    pre = np.array([a for a, _ in edges], dtype=np.int64)
    dep = np.array([b for _, b in edges], dtype=np.int64)
    return len(nodes), pre, dep


@pytest.mark.parametrize("seed", range(12))
def test_derive_indexed_matches_networkx(seed):
    n = random.Random(seed).randint(1, 80)
    nodes, edges = random_dag(n, random.Random(seed + 7).uniform(0.02, 0.3), seed)
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    rank = np.array(random.Random(seed).sample(range(n), n), dtype=np.int64)
    d = g.derive_indexed(*indexed(nodes, edges), rank)
    keyed = g.derive_all(g.build(nodes, edges), key=lambda v: rank[v])
    depth = nx_depth(G)
    for v in nodes:
        assert d.depth[v] == depth[v]
        assert d.ancestor_count[v] == len(nx.ancestors(G, v))
        assert d.descendant_count[v] == len(nx.descendants(G, v))
        assert d.prerequisite_count[v] == G.in_degree(v)
        assert d.dependent_count[v] == G.out_degree(v)
        parent = keyed[v].chain_parent
        assert d.chain_parent[v] == (-1 if parent is None else parent)


def test_derive_indexed_refuses_bad_edges_and_names_a_cycle():
    with pytest.raises(ValueError, match="self-loop on 1"):
        g.derive_indexed(3, np.array([0, 1]), np.array([1, 1]))
    with pytest.raises(ValueError, match="outside 0..2"):
        g.derive_indexed(3, np.array([0]), np.array([3]))
    with pytest.raises(ValueError, match="differ in length"):
        g.derive_indexed(3, np.array([0, 1]), np.array([1]))
    # 0 -> 1 -> 2 -> 3 -> 1, and 4 hangs behind the cycle
    with pytest.raises(g.CycleError) as caught:
        g.derive_indexed(5, np.array([0, 1, 2, 3, 3]), np.array([1, 2, 3, 1, 4]))
    cycle = caught.value.cycle
    assert cycle[0] == cycle[-1] and set(cycle) == {1, 2, 3}


def test_derive_indexed_on_no_nodes_and_no_edges():
    d = g.derive_indexed(0, np.zeros(0), np.zeros(0))
    assert d.depth.size == 0
    d = g.derive_indexed(3, np.zeros(0), np.zeros(0))
    assert d.depth.tolist() == [0, 0, 0] and d.chain_parent.tolist() == [-1, -1, -1]
