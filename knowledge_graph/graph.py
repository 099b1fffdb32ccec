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

Two ways in
-----------
:func:`derive_all` takes a keyed :class:`Graph` (as :func:`build` makes it) and is
what tests and small callers use. :func:`derive_indexed` takes nodes ``0..n-1`` and
two edge arrays, which is how the recompute service reads the database. Both give the
same numbers.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

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


def derive_all(graph: Graph, key: Callable[[Node], Any] | None = None) -> dict[Node, Derived]:
    """Every derived number for every node. Raises :class:`CycleError` on a cycle."""
    nodes = list(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    pre = np.fromiter((index[p] for n in nodes for p in graph.parents[n]), dtype=np.int64)
    dep = np.repeat(np.arange(len(nodes), dtype=np.int64), [len(graph.parents[n]) for n in nodes])
    try:
        d = derive_indexed(len(nodes), pre, dep, rank=_ranks(nodes, key))
    except CycleError as exc:
        raise CycleError([nodes[i] for i in exc.cycle]) from None
    parent = [None if p < 0 else nodes[p] for p in d.chain_parent.tolist()]
    return {
        nodes[i]: Derived(*values)
        for i, values in enumerate(
            zip(
                d.depth.tolist(),
                parent,
                d.ancestor_count.tolist(),
                d.descendant_count.tolist(),
                d.prerequisite_count.tolist(),
                d.dependent_count.tolist(),
                strict=True,
            )
        )
    }


def _ranks(nodes: list[Node], key: Callable[[Node], Any] | None) -> np.ndarray:
    """Each node's place when all are sorted by ``key`` (by default the node itself)."""
    by_key = sorted(range(len(nodes)), key=lambda i: (key or _identity)(nodes[i]))
    rank = np.empty(len(nodes), dtype=np.int64)
    rank[by_key] = np.arange(len(nodes), dtype=np.int64)
    return rank


# --- arrays of node indices ---------------------------------------------------
#
# Shared by the derivation below and by the learner's in-memory index (knowledge_graph.graph_index).

_NONE = np.empty(0, dtype=np.int32)


def csr(source: np.ndarray, target: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Adjacency of nodes ``0..n-1``: node ``i``'s targets are ``targets[ptr[i]:ptr[i + 1]]``."""
    order = np.argsort(source, kind="stable")
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(source, minlength=n), out=ptr[1:])
    return ptr, np.asarray(target)[order].astype(np.int32)


def gather(ptr: np.ndarray, values: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """The concatenated neighbour lists of ``nodes`` in a :func:`csr` (duplicates kept)."""
    if not nodes.size:
        return _NONE
    lo = ptr[nodes]
    lengths = ptr[nodes + 1] - lo
    total = int(lengths.sum())
    if not total:
        return _NONE
    shift = np.repeat(lo - (np.cumsum(lengths) - lengths), lengths)
    return values[np.arange(total) + shift]


def _find(sorted_keys: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    at = np.minimum(np.searchsorted(sorted_keys, wanted), max(sorted_keys.size - 1, 0))
    hit = sorted_keys[at] == wanted if sorted_keys.size else np.zeros(np.shape(wanted), bool)
    return at, hit


def members(sorted_keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which of ``wanted`` are in ``sorted_keys`` (ascending), as a boolean array."""
    return _find(sorted_keys, wanted)[1]


def lookup(sorted_keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """For each of ``wanted``, the value stored with it (``values`` runs along the
    ascending ``sorted_keys``), or -1 where it is not a key."""
    at, hit = _find(sorted_keys, wanted)
    if not sorted_keys.size:
        return np.full(np.shape(wanted), -1, dtype=np.int32)
    return np.where(hit, values[at], -1).astype(np.int32)


def index_of(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Where each of ``wanted`` stands in ``keys`` (in any order); -1 where it is absent."""
    order = np.argsort(keys, kind="stable")
    return lookup(keys[order], order, wanted)


# --- the same numbers on index arrays -----------------------------------------
#
# Nodes are 0..n-1 and edges two integer arrays, which is how the recompute service
# reads them from the database. Depth comes from peeling the graph level by level
# (Kahn's algorithm run a whole level at a time: a node's level is its longest path
# from a root), the chain parent from one sort of the edges, and the two closure
# counts from bitsets.


@dataclass(frozen=True, slots=True)
class DerivedArrays:
    """The :class:`Derived` numbers of nodes ``0..n-1``, one array each (chain parent -1: none)."""

    depth: np.ndarray
    chain_parent: np.ndarray
    ancestor_count: np.ndarray
    descendant_count: np.ndarray
    prerequisite_count: np.ndarray
    dependent_count: np.ndarray


def derive_indexed(
    n: int,
    prerequisite: np.ndarray,
    dependent: np.ndarray,
    rank: np.ndarray | None = None,
) -> DerivedArrays:
    """Every derived number of nodes ``0..n-1`` for the edges ``prerequisite[k] -> dependent[k]``.

    ``rank`` breaks ties in the prerequisite chain (smallest first; by default the index).
    Raises :class:`CycleError` naming
    one cycle by indices, and ``ValueError`` on a self-loop or an index out of range.
    """
    pre = np.asarray(prerequisite, dtype=np.int64).ravel()
    dep = np.asarray(dependent, dtype=np.int64).ravel()
    if pre.shape != dep.shape:
        raise ValueError("prerequisite and dependent differ in length")
    if pre.size and (min(pre.min(), dep.min()) < 0 or max(pre.max(), dep.max()) >= n):
        raise ValueError(f"an edge names a node outside 0..{n - 1}")
    loops = np.flatnonzero(pre == dep)
    if loops.size:
        raise ValueError(f"self-loop on {int(pre[loops[0]])}")
    rank = np.arange(n, dtype=np.int64) if rank is None else np.asarray(rank, dtype=np.int64)
    depth, order = _levels(n, pre, dep)
    if order.size < n:
        raise CycleError(_cycle_among(n, pre, dep, depth < 0))
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n, dtype=np.int64)
    forward = (position[pre], position[dep])
    backward = (n - 1 - forward[1], n - 1 - forward[0])

    # Chain parent: among each node's prerequisites the deepest, then the smallest rank.
    by_choice = np.lexsort((rank[pre], -depth[pre], dep))
    first = np.ones(by_choice.size, dtype=bool)
    first[1:] = dep[by_choice][1:] != dep[by_choice][:-1]
    chain_parent = np.full(n, -1, dtype=np.int64)
    chain_parent[dep[by_choice][first]] = pre[by_choice][first]

    anc, desc = _closure(n, *forward), _closure(n, *backward)
    anc, desc = anc[position], desc[::-1][position]
    return DerivedArrays(
        depth=depth,
        chain_parent=chain_parent,
        ancestor_count=anc,
        descendant_count=desc,
        prerequisite_count=np.bincount(dep, minlength=n),
        dependent_count=np.bincount(pre, minlength=n),
    )


def find_cycle_indexed(n: int, prerequisite: np.ndarray, dependent: np.ndarray) -> list[int] | None:
    """One directed cycle among nodes ``0..n-1`` (first node repeated last), or None."""
    pre = np.asarray(prerequisite, dtype=np.int64).ravel()
    dep = np.asarray(dependent, dtype=np.int64).ravel()
    loops = np.flatnonzero(pre == dep)
    if loops.size:
        return [int(pre[loops[0]])] * 2
    depth, order = _levels(n, pre, dep)
    return None if order.size == n else _cycle_among(n, pre, dep, depth < 0)


def _levels(n: int, pre: np.ndarray, dep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Depth of every node (-1 if on or behind a cycle) and the nodes level by level."""
    indegree = np.bincount(dep, minlength=n)
    ptr, children = csr(pre, dep, n)
    depth = np.full(n, -1, dtype=np.int64)
    level = np.flatnonzero(indegree == 0)
    levels = []
    d = 0
    while level.size:
        depth[level] = d
        levels.append(level)
        reached, times = np.unique(gather(ptr, children, level), return_counts=True)
        indegree[reached] -= times
        level = reached[indegree[reached] == 0]
        d += 1
    order = np.concatenate(levels) if levels else np.zeros(0, dtype=np.int64)
    return depth, order


def _cycle_among(n: int, pre: np.ndarray, dep: np.ndarray, stuck: np.ndarray) -> list[int]:
    """One cycle through the nodes ``stuck`` (those the level peeling never reached)."""
    keep = stuck[pre] & stuck[dep]
    rest = build(
        np.flatnonzero(stuck).tolist(), zip(pre[keep].tolist(), dep[keep].tolist(), strict=True)
    )
    return _some_cycle(rest, set(rest.nodes))


def _closure(n: int, pre: np.ndarray, dep: np.ndarray) -> np.ndarray:
    """How many positions reach each position, for edges with ``pre < dep``.

    Each position's reachable set is a Python int used as a bitset; a set is dropped as
    soon as its last consumer has used it, which keeps memory near the graph's "width"
    rather than its size.
    """
    ptr, parent_array = csr(dep, pre, n)
    parents, bounds = parent_array.tolist(), ptr.tolist()
    pending = np.bincount(pre, minlength=n).tolist()
    bits = [0] * n
    counts = [0] * n
    for i in range(n):
        acc = 1 << i
        for p in parents[bounds[i] : bounds[i + 1]]:
            acc |= bits[p]
            left = pending[p] - 1
            pending[p] = left
            if not left:
                bits[p] = 0
        counts[i] = acc.bit_count() - 1
        if pending[i]:
            bits[i] = acc
    return np.array(counts, dtype=np.int64)


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
