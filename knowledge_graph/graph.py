"""Prerequisite-graph algorithms on plain data.

Nothing here imports Django. A graph is given as nodes (any hashable, orderable
keys) and edges ``(prerequisite, dependent)``: an edge ``a -> b`` means "learn
``a`` before ``b``".

Conventions
-----------
* A *root* has no prerequisites and has depth 0. The depth of any other node is
  the length (in edges) of the longest path from a root to it.
* The *prerequisite chain* of a node is one longest path ending at it. Where
  several longest paths exist, each step picks the deepest prerequisite and,
  among equally deep ones, the one with the smallest tie-break key (by default
  the node key itself), so the chain is deterministic.
* *Ancestors* are all nodes from which the node can be reached (its total
  prerequisites); *descendants* are all nodes reachable from it (the topics it
  unlocks). Neither includes the node itself.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Node = Hashable


class CycleError(ValueError):
    """The edges contain a directed cycle; ``cycle`` lists it, first node repeated last."""

    def __init__(self, cycle: list[Node]):
        self.cycle = cycle
        super().__init__("cycle: " + " → ".join(map(str, cycle)))


@dataclass(frozen=True, slots=True)
class Graph:
    """Adjacency in both directions. Build it with :func:`build`."""

    parents: Mapping[Node, tuple[Node, ...]]
    children: Mapping[Node, tuple[Node, ...]]

    @property
    def nodes(self) -> Iterable[Node]:
        return self.parents.keys()

    def __len__(self) -> int:
        return len(self.parents)


@dataclass(frozen=True, slots=True)
class Derived:
    """Every number the topic page shows for one node."""

    depth: int
    chain_parent: Node | None
    ancestor_count: int
    descendant_count: int
    prerequisite_count: int
    dependent_count: int


def build(nodes: Iterable[Node], edges: Iterable[tuple[Node, Node]]) -> Graph:
    """Build a :class:`Graph`; edges must join known nodes, with no self-loops."""
    parents: dict[Node, list[Node]] = {n: [] for n in nodes}
    children: dict[Node, list[Node]] = {n: [] for n in parents}
    for a, b in edges:
        if a == b:
            raise ValueError(f"self-loop on {a!r}")
        if a not in parents or b not in parents:
            raise ValueError(f"edge {a!r} -> {b!r} names an unknown node")
        children[a].append(b)
        parents[b].append(a)
    return Graph(
        parents={n: tuple(ps) for n, ps in parents.items()},
        children={n: tuple(cs) for n, cs in children.items()},
    )


def topological_order(graph: Graph, key: Callable[[Node], Any] | None = None) -> list[Node]:
    """Kahn's algorithm; ready nodes leave in ``key`` order, so the result is deterministic.

    Raises :class:`CycleError` naming one cycle if the graph is not acyclic.
    """
    sort_key = key or _identity
    indegree = {n: len(ps) for n, ps in graph.parents.items()}
    heap = [(sort_key(n), i, n) for i, n in enumerate(graph.nodes) if indegree[n] == 0]
    heapq.heapify(heap)
    order: list[Node] = []
    counter = len(heap)
    while heap:
        _, _, n = heapq.heappop(heap)
        order.append(n)
        for c in graph.children[n]:
            indegree[c] -= 1
            if indegree[c] == 0:
                counter += 1
                heapq.heappush(heap, (sort_key(c), counter, c))
    if len(order) != len(graph):
        raise CycleError(_some_cycle(graph, {n for n, d in indegree.items() if d > 0}))
    return order


def _identity(n: Node) -> Any:
    return n


def _some_cycle(graph: Graph, candidates: set[Node]) -> list[Node]:
    """Walk backwards through nodes that still have unprocessed parents until one repeats."""
    start = min(candidates, key=repr)
    seen: dict[Node, int] = {}
    path: list[Node] = []
    node = start
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(p for p in graph.parents[node] if p in candidates)
    cycle = path[seen[node] :]
    cycle.reverse()  # we walked against the edges
    return [*cycle, cycle[0]]


def find_cycle(graph: Graph) -> list[Node] | None:
    """Return one directed cycle (first node repeated last), or None if acyclic."""
    try:
        topological_order(graph)
    except CycleError as exc:
        return exc.cycle
    return None


def path_between(graph: Graph, source: Node, target: Node) -> list[Node] | None:
    """A shortest path ``source -> ... -> target`` along edges, or None."""
    if source == target:
        return [source]
    previous: dict[Node, Node] = {source: source}
    frontier = [source]
    while frontier:
        nxt: list[Node] = []
        for n in frontier:
            for c in graph.children[n]:
                if c not in previous:
                    previous[c] = n
                    if c == target:
                        path = [c]
                        while path[-1] != source:
                            path.append(previous[path[-1]])
                        return path[::-1]
                    nxt.append(c)
        frontier = nxt
    return None


def cycle_if_added(graph: Graph, prerequisite: Node, dependent: Node) -> list[Node] | None:
    """The cycle that the new edge ``prerequisite -> dependent`` would close, or None.

    The cycle starts with the new edge: ``[prerequisite, dependent, ..., prerequisite]``.
    """
    if prerequisite == dependent:
        return [prerequisite, prerequisite]
    back = path_between(graph, dependent, prerequisite)
    return None if back is None else [prerequisite, *back]


def ancestors(graph: Graph, node: Node) -> set[Node]:
    """All nodes with a path to ``node`` (its total prerequisites), not ``node`` itself."""
    return _reach(graph.parents, [node]) - {node}


def descendants(graph: Graph, node: Node) -> set[Node]:
    """All nodes reachable from ``node`` (the topics it unlocks), not ``node`` itself."""
    return _reach(graph.children, [node]) - {node}


def _reach(adjacency: Mapping[Node, tuple[Node, ...]], starts: Iterable[Node]) -> set[Node]:
    seen = set(starts)
    stack = list(seen)
    while stack:
        for m in adjacency[stack.pop()]:
            if m not in seen:
                seen.add(m)
                stack.append(m)
    return seen


def depths(graph: Graph, order: list[Node] | None = None) -> dict[Node, int]:
    """Longest-path depth from a root for every node (roots: 0)."""
    order = order if order is not None else topological_order(graph)
    depth: dict[Node, int] = {}
    for n in order:
        ps = graph.parents[n]
        depth[n] = 1 + max(depth[p] for p in ps) if ps else 0
    return depth


def chain_parents(
    graph: Graph, depth: Mapping[Node, int], key: Callable[[Node], Any] | None = None
) -> dict[Node, Node | None]:
    """For each node, the prerequisite its chain steps back to (None for roots)."""
    sort_key = key or _identity
    out: dict[Node, Node | None] = {}
    for n, ps in graph.parents.items():
        out[n] = min(ps, key=lambda p: (-depth[p], sort_key(p))) if ps else None
    return out


def prerequisite_chain(
    graph: Graph, node: Node, key: Callable[[Node], Any] | None = None
) -> list[Node]:
    """One longest path from a root to ``node`` (inclusive), chosen deterministically."""
    sub = _reach(graph.parents, [node])
    depth = depths(subgraph(graph, sub))
    step = chain_parents(subgraph(graph, sub), depth, key)
    chain = [node]
    while (p := step[chain[-1]]) is not None:
        chain.append(p)
    return chain[::-1]


def is_unique_longest_chain(graph: Graph, node: Node, depth: Mapping[Node, int]) -> bool:
    """True if exactly one longest path ends at ``node`` (no tie-break was needed)."""
    n = node
    while graph.parents[n]:
        deepest = [p for p in graph.parents[n] if depth[p] == depth[n] - 1]
        if len(deepest) != 1:
            return False
        n = deepest[0]
    return True


def subgraph(graph: Graph, keep: set[Node]) -> Graph:
    """The graph induced on ``keep``."""
    return Graph(
        parents={n: tuple(p for p in graph.parents[n] if p in keep) for n in keep},
        children={n: tuple(c for c in graph.children[n] if c in keep) for n in keep},
    )


def closure_counts(graph: Graph, order: list[Node]) -> tuple[dict[Node, int], dict[Node, int]]:
    """Number of ancestors and of descendants of every node, in one pass each way.

    Each node's reachable set is a Python int used as a bitset indexed by
    topological position; a set is released as soon as its last consumer has
    used it, which keeps memory near the graph's "width" rather than its size.
    """
    return _closure(graph.parents, graph.children, order), _closure(
        graph.children, graph.parents, order[::-1]
    )


def _closure(
    inward: Mapping[Node, tuple[Node, ...]],
    outward: Mapping[Node, tuple[Node, ...]],
    order: list[Node],
) -> dict[Node, int]:
    position = {n: i for i, n in enumerate(order)}
    pending = {n: len(outward[n]) for n in order}
    bits: dict[Node, int] = {}
    counts: dict[Node, int] = {}
    for n in order:
        acc = 1 << position[n]
        for p in inward[n]:
            acc |= bits[p]
            pending[p] -= 1
            if pending[p] == 0:
                del bits[p]
        counts[n] = acc.bit_count() - 1
        if pending[n]:
            bits[n] = acc
    return counts


def derive_all(graph: Graph, key: Callable[[Node], Any] | None = None) -> dict[Node, Derived]:
    """Every derived number for every node. Raises :class:`CycleError` on a cycle."""
    order = topological_order(graph, key)
    depth = depths(graph, order)
    step = chain_parents(graph, depth, key)
    n_anc, n_desc = closure_counts(graph, order)
    return {
        n: Derived(
            depth=depth[n],
            chain_parent=step[n],
            ancestor_count=n_anc[n],
            descendant_count=n_desc[n],
            prerequisite_count=len(graph.parents[n]),
            dependent_count=len(graph.children[n]),
        )
        for n in order
    }


# --- the learner's view -----------------------------------------------------


def implicitly_known(graph: Graph, known: Iterable[Node]) -> set[Node]:
    """Known topics together with all their prerequisites."""
    return _reach(graph.parents, [k for k in known if k in graph.parents])


def learning_plan(
    graph: Graph, goal: Node, known: Iterable[Node], key: Callable[[Node], Any] | None = None
) -> list[Node]:
    """Every prerequisite of ``goal`` not yet known, then ``goal`` itself if unknown.

    Ordered so each topic comes after all its prerequisites (deterministic Kahn
    order on the goal's prerequisite subgraph).
    """
    have = implicitly_known(graph, known)
    need = _reach(graph.parents, [goal]) - have
    return topological_order(subgraph(graph, need), key)


def frontier(
    graph: Graph,
    known: Iterable[Node],
    descendant_count: Mapping[Node, int],
    within: set[Node] | None = None,
    key: Callable[[Node], Any] | None = None,
) -> list[Node]:
    """Unknown topics whose prerequisites are all known, most downstream topics first.

    ``within`` restricts the answer (e.g. to one goal's plan).
    """
    sort_key = key or _identity
    have = implicitly_known(graph, known)
    candidates = within if within is not None else graph.nodes
    ready = [n for n in candidates if n not in have and all(p in have for p in graph.parents[n])]
    return sorted(ready, key=lambda n: (-descendant_count[n], sort_key(n)))
