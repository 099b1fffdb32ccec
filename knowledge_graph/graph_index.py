"""The prerequisite graph's structure in memory, for the learner's reads.

Progress towards a topic, the learning plan, the "Ready to learn" frontier and "known
through" all need ancestor sets. Walking them with a recursive query on every request
costs about 10 ms for a goal with 5,000 prerequisites on SQLite, and the plan's order
and frontier then cost as much again in Python. Instead each process holds the graph's
structure as a few NumPy arrays (about 50 bytes per topic and 8 per edge: some 8 MB
for 100,000 topics and 400,000 edges), and memoises the ancestor sets it walks, and
the edges inside those a plan was asked for (at most :data:`MEMO_BUDGET` entries in
all, 4 bytes each). Loading takes about a second for
100,000 topics, a few milliseconds for the shipped curriculum. It also memoises, for
the last :data:`STATE_MEMO_ENTRIES` sets of marks it was asked about, what they make
known and what is ready to learn (:class:`LearnerState`), so a learner's pages walk
the graph again only after they mark or unmark a topic, and it keeps the layouts of the
topic pages' pictures (:meth:`GraphIndex.kept`). A goal's plan works on the
edges inside the goal's ancestor set only, so after such a change it costs in
proportion to the goal's prerequisites, not to the graph.

The arrays are tied to the graph's *stamp*: the version and time of its last
recompute (every edit of topics or edges recomputes the graph) and the highest topic
and edge ids. A request reads the stamp (one small query) and reloads the arrays if
it changed, so every process answers from the graph as it is in the database.
The index also keeps each topic's id, slug, title, level, depth, minutes and
descendant count (about 200 bytes a topic), so the lists a page shows (a plan's steps,
what is ready) need no query: reading the 327 rows of the KL plan by id cost 1.6 ms of
the plan page's 4.8 ms.

Positions
---------
Topics are numbered ``0..n-1`` in *learning order*: by depth, then title, then id.
Every edge goes from a shallower topic to a deeper one, so any set of positions in
ascending order is already an order in which each topic comes after all its
prerequisites, and it is the order :func:`knowledge_graph.graph.learning_plan` gives
with the key ``(depth, title, id)``. The *frontier order* ranks topics by how many
topics they unlock (descendant count, highest first), then by slug.

:class:`GraphIndex` is plain NumPy (no Django) and is tested against the pure functions
of :mod:`knowledge_graph.graph`; :func:`knowledge_graph.selectors.graph_index` loads it
from the database and keeps the process's copy.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from knowledge_graph import graph as g

# How many positions the memo of ancestor sets and their edges may hold in all (4 bytes
# each; an edge is two).
MEMO_BUDGET = 8_000_000
# How many learners' states (known mask and frontiers, about one byte per topic each)
# the index keeps; a state is found again by the positions the learner marked.
STATE_MEMO_ENTRIES = 64
PLANS_PER_STATE = 8
# How many other results that depend on the graph alone the index keeps (a picture's
# layout: a few kilobytes each).
KEPT_ENTRIES = 4096

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class TopicData:
    """What the index keeps of one topic (the loader reads exactly this)."""

    id: int
    depth: int
    title: str
    slug: str
    minutes: int
    descendant_count: int
    level: str = ""


class GraphIndex:
    """The graph on positions ``0..n-1`` (learning order), with CSR adjacency both ways.

    Build it with :meth:`build`. Immutable apart from its memos (ancestor sets, their
    edges and learner states), which are safe to share between threads.
    """

    def __init__(
        self,
        *,
        ids: np.ndarray,
        minutes: np.ndarray,
        rank: np.ndarray,
        parents: tuple[np.ndarray, np.ndarray],
        children: tuple[np.ndarray, np.ndarray],
        topics: Sequence[TopicData] = (),
        memo_budget: int = MEMO_BUDGET,
    ) -> None:
        self.ids = ids  # topic id at each position
        self.topics = tuple(topics)  # what the index keeps of each, by position
        self.minutes = minutes
        self.rank = rank  # place of each position in the frontier order
        self.parents_ptr, self.parents = parents
        self.children_ptr, self.children = children
        self._sorted_ids = np.sort(ids)
        self._sorted_pos = np.argsort(ids, kind="stable").astype(np.int32)
        self.indegree = np.diff(self.parents_ptr)
        roots = np.flatnonzero(self.indegree == 0).astype(np.int32)
        self.roots = roots[np.argsort(rank[roots], kind="stable")]  # in frontier order
        self.roots.flags.writeable = False
        self._memo: OrderedDict[Hashable, tuple[np.ndarray, ...]] = OrderedDict()
        self._memo_size = 0
        self._memo_budget = memo_budget
        self._lock = threading.Lock()
        self._states: OrderedDict[bytes, LearnerState] = OrderedDict()
        self._kept: OrderedDict[Hashable, object] = OrderedDict()

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(
        cls,
        topics: Iterable[TopicData],
        edges: Iterable[tuple[int, int]],
        *,
        memo_budget: int = MEMO_BUDGET,
    ) -> GraphIndex:
        """Index ``topics`` and ``edges`` (``(prerequisite id, dependent id)``).

        Positions follow ``(depth, title, id)``. Should the stored depths be stale (an
        edge going to a topic that is not deeper), the positions follow a topological
        order with the same key instead, so the learning order stays right.
        """
        topics = list(topics)
        learning = sorted(topics, key=lambda t: (t.depth, t.title, t.id))
        ids = np.fromiter((t.id for t in learning), dtype=np.int64, count=len(learning))
        edge_array = np.asarray(
            edges if isinstance(edges, np.ndarray) else list(edges), dtype=np.int64
        ).reshape(-1, 2)
        pre, dep = _positions_of(ids, edge_array[:, 0]), _positions_of(ids, edge_array[:, 1])
        if np.any(pre >= dep):
            by_id = {t.id: t for t in topics}
            order = g.topological_order(
                g.build(by_id, edge_array.tolist()),
                key=lambda n: (by_id[n].depth, by_id[n].title, n),
            )
            learning = [by_id[n] for n in order]
            ids = np.array(order, dtype=np.int64)
            pre, dep = _positions_of(ids, edge_array[:, 0]), _positions_of(ids, edge_array[:, 1])
        n = len(learning)
        position = {t.id: i for i, t in enumerate(learning)}
        rank = np.empty(n, dtype=np.int32)
        frontier_order = sorted(learning, key=lambda t: (-t.descendant_count, t.slug, t.id))
        rank[[position[t.id] for t in frontier_order]] = np.arange(n, dtype=np.int32)
        minutes = np.fromiter((t.minutes for t in learning), dtype=np.int64, count=n)
        return cls(
            ids=ids,
            minutes=minutes,
            rank=rank,
            parents=g.csr(dep, pre, n),
            children=g.csr(pre, dep, n),
            topics=learning,
            memo_budget=memo_budget,
        )

    # --- ids and positions -------------------------------------------------------

    def positions(self, topic_ids: Sequence[int]) -> np.ndarray:
        """Positions of ``topic_ids``; ``-1`` for an id the index does not hold."""
        return g.lookup(self._sorted_ids, self._sorted_pos, np.asarray(topic_ids, dtype=np.int64))

    def position(self, topic_id: int) -> int:
        return int(self.positions([topic_id])[0])

    def topic_ids(self, positions: np.ndarray) -> list[int]:
        return self.ids[positions].tolist()

    def topics_at(self, positions: Sequence[int] | np.ndarray) -> list[TopicData]:
        """What the index keeps of the topics at ``positions``, as it was read."""
        held = self.topics
        return [held[i] for i in np.asarray(positions).tolist()]

    # --- reachability --------------------------------------------------------------

    def closure(self, position: int) -> np.ndarray:
        """The topic at ``position`` and all its prerequisites: sorted positions, so in
        learning order, the topic itself last. Memoised."""
        return self._memoised(position, lambda: (self._reach(np.array([position], np.int32)),))[0]

    def closure_edges(self, position: int) -> tuple[np.ndarray, np.ndarray]:
        """The edges among the topics of ``closure(position)``, as places in that array:
        ``(prerequisite places, dependent places)``, grouped by dependent. Memoised."""

        def walk() -> tuple[np.ndarray, np.ndarray]:
            closure = self.closure(position)
            # A prerequisite of a topic in the closure is in it too.
            prerequisites = g.gather(self.parents_ptr, self.parents, closure)
            places = np.searchsorted(closure, prerequisites).astype(np.int32)
            dependents = np.repeat(np.arange(closure.size, dtype=np.int32), self.indegree[closure])
            return places, dependents

        return self._memoised(("edges", position), walk)

    def _memoised(self, key: Hashable, walk: Callable[[], tuple[np.ndarray, ...]]) -> tuple:
        """``walk()``'s arrays, kept (read-only) in the memo of at most ``memo_budget``
        entries in all, the least recently used dropped first."""
        with self._lock:
            found = self._memo.get(key)
            if found is not None:
                self._memo.move_to_end(key)
                return found
        found = walk()
        for array in found:
            array.flags.writeable = False
        with self._lock:
            if key not in self._memo:
                self._memo[key] = found
                self._memo_size += sum(array.size for array in found)
                while self._memo_size > self._memo_budget and len(self._memo) > 1:
                    _, dropped = self._memo.popitem(last=False)
                    self._memo_size -= sum(array.size for array in dropped)
        return found

    def _reach(self, starts: np.ndarray) -> np.ndarray:
        """``starts`` and every position with a path to one of them, sorted."""
        seen = np.zeros(len(self), dtype=bool)
        seen[starts] = True
        front = starts
        while front.size:
            found = g.gather(self.parents_ptr, self.parents, front)
            found = found[~seen[found]]
            seen[found] = True
            front = np.unique(found)  # small: one layer of new prerequisites
        return np.flatnonzero(seen).astype(np.int32)

    def known_mask(self, known: Iterable[int]) -> np.ndarray:
        """Which positions are known, explicitly or implicitly: the ``known`` positions
        and all their prerequisites (a boolean array over every position)."""
        mask = np.zeros(len(self), dtype=bool)
        for position in known:
            mask[self.closure(int(position))] = True
        return mask

    def learner_state(self, marked: np.ndarray, doubted: np.ndarray | None = None) -> LearnerState:
        """The known mask and the frontiers of a learner who knows the positions
        ``marked`` (and so all their prerequisites), except the positions ``doubted``,
        which are unknown whatever needs them. Memoised (for :data:`STATE_MEMO_ENTRIES`
        sets of marks), so a learner's next page costs no walk until their marks
        change."""
        marked = np.unique(np.asarray(marked, dtype=np.int32))
        doubted = np.unique(np.asarray([] if doubted is None else doubted, dtype=np.int32))
        key = marked.tobytes() + b"/" + doubted.tobytes()
        with self._lock:
            state = self._states.get(key)
            if state is not None:
                self._states.move_to_end(key)
                return state
        have = self.known_mask(marked)
        have[doubted] = False
        have.flags.writeable = False
        state = LearnerState(self, have)
        with self._lock:
            self._states[key] = state
            while len(self._states) > STATE_MEMO_ENTRIES:
                self._states.popitem(last=False)
        return state

    def kept(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, kept for the last :data:`KEPT_ENTRIES` keys asked for. For work
        that depends on nothing but the graph (a picture's layout); it goes with the
        index when the graph changes."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]  # type: ignore[return-value]
        found = make()
        with self._lock:
            self._kept[key] = found
            while len(self._kept) > KEPT_ENTRIES:
                self._kept.popitem(last=False)
        return found

    def forget_learner_states(self) -> None:
        with self._lock:
            self._states.clear()

    # --- the frontier ----------------------------------------------------------------

    def frontier(self, have: np.ndarray) -> np.ndarray:
        """Positions not in ``have`` whose prerequisites all are, in frontier order.

        ``have`` must be closed under prerequisites (as :meth:`known_mask` gives). A
        goal's part of it is :meth:`LearnerState.plan`'s, worked out on its own.
        """
        known = np.flatnonzero(have)
        if not known.size:
            return self.roots
        # Ready: every prerequisite known, that is as many edges coming in from known
        # topics as the topic has prerequisites (none, for a root).
        from_known = np.bincount(
            g.gather(self.children_ptr, self.children, known), minlength=len(self)
        )
        ready = np.flatnonzero((from_known == self.indegree) & ~have)
        return ready[np.argsort(self.rank[ready], kind="stable")].astype(np.int32)


class LearnerState:
    """What one set of marks makes known on an index, and what is ready to learn.

    ``have`` marks every position known explicitly or implicitly. The frontier over
    the whole graph and each goal's frontier are computed once, when first asked for.
    """

    def __init__(self, index: GraphIndex, have: np.ndarray) -> None:
        self.index = index
        self.have = have
        self._ready: np.ndarray | None = None
        self._plans: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def ready(self) -> np.ndarray:
        """The frontier over the whole graph, in frontier order."""
        if self._ready is None:
            ready = self.index.frontier(self.have)
            ready.flags.writeable = False
            self._ready = ready
        return self._ready

    def plan(self, goal: int) -> tuple[np.ndarray, np.ndarray]:
        """For the goal at position ``goal``: what is left of its closure (in learning
        order, the goal last if unknown) and the frontier within it (in frontier
        order). Works on the closure's own edges, whatever the size of the graph."""
        found = self._plans.get(goal)
        if found is None:
            index = self.index
            closure = index.closure(goal)
            known = self.have[closure]
            prerequisites, dependents = index.closure_edges(goal)
            # Blocked: a topic with an unknown prerequisite.
            blocked = np.bincount(
                dependents[~known.take(prerequisites)], minlength=closure.size
            ).astype(bool)
            need = closure[~known]
            ready = closure[~(known | blocked)]
            ready = ready[np.argsort(index.rank[ready], kind="stable")]
            need.flags.writeable = ready.flags.writeable = False
            found = self._plans[goal] = (need, ready)
            while len(self._plans) > PLANS_PER_STATE:
                del self._plans[next(iter(self._plans))]
        return found


def _positions_of(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    found = g.index_of(ids, wanted)
    if np.any(found < 0):
        raise ValueError("an edge names a topic that is not in the graph")
    return found
