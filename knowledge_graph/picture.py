"""A picture of part of the prerequisite graph: which topics, in which columns, where.

Nothing here imports Django. Given the graph index (:mod:`knowledge_graph.graph_index`)
and what a learner knows, it chooses a bounded set of topics and lays them out in
columns (*layers*), every edge going from a column to one further right, and returns
plain data (:class:`Picture`) that a template draws as SVG. Two pictures:

* :func:`neighbourhood`, for the topic page: the topic, its prerequisites and its
  dependents up to two steps away, at most :data:`NEAR_LIMIT` direct ones and
  :data:`FAR_LIMIT` two steps away on each side, the rest counted as "N more". So it
  has at most ``1 + 2 * (NEAR_LIMIT + FAR_LIMIT)`` topics however big the graph is.
* :func:`plan_window`, for the plan page: the next steps of a plan (at most
  :data:`PLAN_WINDOW` of them, in at most :data:`PLAN_LAYERS` columns) and the goal.

Layers are longest paths inside the chosen set: a prerequisite sits one column left
of the leftmost of its shown dependents, a dependent one right of the rightmost of its
shown prerequisites. Within a column the order starts as learning order and is then
moved by a few barycentre sweeps (each topic towards the mean row of its neighbours),
which removes most crossings in pictures this small.

States, first that applies: ``due`` (for review), ``mastered`` (in practice), ``known``
(marked, or needed by a marked topic), ``ready`` (every prerequisite known) and
``locked``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from knowledge_graph.graph_index import GraphIndex, TopicData

NEAR_LIMIT = 5  # direct prerequisites shown, and direct dependents
FAR_LIMIT = 4  # topics two steps away shown, on each side
SIDE_LAYERS = 2  # columns on each side of the topic
PLAN_WINDOW = 12  # plan steps shown
PLAN_LAYERS = 4  # columns of plan steps (the goal has one more)
SWEEPS = 4  # barycentre passes, each one left to right and back

STATES = ("due", "mastered", "known", "ready", "locked")
STATE_LABELS = {
    "due": "due for review",
    "mastered": "mastered in practice",
    "known": "known",
    "ready": "ready to learn",
    "locked": "locked: needs a prerequisite first",
}

# Geometry, in SVG user units (the picture scales to the width it is given).
NODE_WIDTH = 164
NODE_HEIGHT = 42
COLUMN_GAP = 44
ROW_GAP = 12
MARGIN = 6
LINE_CHARS = 20  # characters of a title on one line of a node
LINES = 2


@dataclass(frozen=True, slots=True)
class Node:
    """One topic in the picture; ``x`` and ``y`` are its box's top-left corner."""

    position: int  # in the graph index
    topic: TopicData
    layer: int  # column, 0 the leftmost
    x: int
    y: int
    lines: tuple[str, ...]  # the title, wrapped (and shortened if it is long)
    is_centre: bool = False
    state: str = ""  # none in a Layout; one of STATES in a Picture

    @property
    def slug(self) -> str:
        return self.topic.slug

    @property
    def title(self) -> str:
        return self.topic.title

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def width(self) -> int:
        return NODE_WIDTH

    @property
    def height(self) -> int:
        return NODE_HEIGHT

    @property
    def middle_y(self) -> int:
        return self.y + NODE_HEIGHT // 2

    @property
    def first_line_y(self) -> int:
        """The baseline of the title's first line inside the box (lines 14 apart, the
        whole title centred)."""
        return NODE_HEIGHT // 2 + 4 - 7 * (len(self.lines) - 1)


@dataclass(frozen=True, slots=True)
class Edge:
    """A prerequisite edge drawn from the right side of ``source`` to the left side of
    ``target`` (a cubic curve whose control points sit half-way across)."""

    source: Node
    target: Node

    @property
    def x1(self) -> int:
        return self.source.x + NODE_WIDTH

    @property
    def y1(self) -> int:
        return self.source.middle_y

    @property
    def x2(self) -> int:
        return self.target.x

    @property
    def y2(self) -> int:
        return self.target.middle_y

    @property
    def bend_x(self) -> int:
        return (self.x1 + self.x2) // 2

    @property
    def touches_centre(self) -> bool:
        return self.source.is_centre or self.target.is_centre


@dataclass(frozen=True, slots=True)
class More:
    """How many topics of one kind the picture leaves out, drawn in ``layer``."""

    count: int
    kind: str  # "prerequisites", "dependents" or "steps"
    near: bool  # direct neighbours of the topic (listed in full on its page)
    layer: int
    x: int
    y: int

    @property
    def text_x(self) -> int:
        return self.x + NODE_WIDTH // 2

    @property
    def text_y(self) -> int:
        return self.y + NODE_HEIGHT // 2 + 4


@dataclass(frozen=True)
class Layout:
    """Where the topics, edges and "N more" notes of a picture go, and the drawing's
    size: everything but the learner's states (nodes have the state ``""``)."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    more: tuple[More, ...]
    width: int
    height: int
    centre: Node  # the topic of the page, or the plan's goal

    @cached_property
    def positions(self) -> list[int]:
        return [n.position for n in self.nodes]

    @cached_property
    def signature(self) -> str:
        """A digest of everything the layout shows (topics, titles, places, edges and
        notes): two layouts with the same signature draw the same."""
        parts = [
            (self.width, self.height, self.centre.topic.id),
            [(n.topic.id, n.slug, n.lines, n.title, n.x, n.y) for n in self.nodes],
            [(e.source.topic.id, e.target.topic.id) for e in self.edges],
            [(m.count, m.kind, m.near, m.x, m.y) for m in self.more],
        ]
        return hashlib.sha256(repr(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Picture:
    """A :class:`Layout` with each topic's state (``states`` runs along its nodes).

    The nodes and edges with their states are made when first asked for, so a page
    whose markup is kept (found by :attr:`signature`) does not make them."""

    layout: Layout
    states: tuple[str, ...]

    @property
    def signature(self) -> str:
        """Two pictures with the same signature draw the same."""
        return f"{self.layout.signature}:{','.join(self.states)}"

    @cached_property
    def nodes(self) -> tuple[Node, ...]:
        return tuple(
            replace(n, state=state) for n, state in zip(self.layout.nodes, self.states, strict=True)
        )

    @cached_property
    def _by_position(self) -> dict[int, Node]:
        return {n.position: n for n in self.nodes}

    @cached_property
    def edges(self) -> tuple[Edge, ...]:
        at = self._by_position
        return tuple(Edge(at[e.source.position], at[e.target.position]) for e in self.layout.edges)

    @property
    def centre(self) -> Node:
        return self._by_position[self.layout.centre.position]

    @property
    def more(self) -> tuple[More, ...]:
        return self.layout.more

    @property
    def width(self) -> int:
        return self.layout.width

    @property
    def height(self) -> int:
        return self.layout.height

    def layer_of(self, slug: str) -> int:
        return next(n.layer for n in self.nodes if n.slug == slug)

    @property
    def before(self) -> list[Node]:
        """The nodes left of the centre (prerequisites, or plan steps), in reading order."""
        return [n for n in self._reading_order if n.layer < self.centre.layer]

    @property
    def after(self) -> list[Node]:
        """The nodes right of the centre (dependents), in reading order."""
        return [n for n in self._reading_order if n.layer > self.centre.layer]

    @property
    def _reading_order(self) -> list[Node]:
        return sorted(self.nodes, key=lambda n: (n.layer, n.y))

    @property
    def legend(self) -> list[tuple[str, str]]:
        return [(state, STATE_LABELS[state]) for state in STATES]


# --- states -------------------------------------------------------------------------


def states_of(
    index: GraphIndex,
    positions: Sequence[int],
    *,
    have: np.ndarray,
    mastered: Collection[int] = (),
    due: Collection[int] = (),
) -> list[str]:
    """The state of each of ``positions``: ``have`` marks every known position (closed
    under prerequisites); ``mastered`` and ``due`` are positions."""
    found = []
    for p in positions:
        if p in due:
            found.append("due")
        elif p in mastered:
            found.append("mastered")
        elif have[p]:
            found.append("known")
        elif have[_parents(index, p)].all():
            found.append("ready")
        else:
            found.append("locked")
    return found


# --- choosing the topics ------------------------------------------------------------


def _parents(index: GraphIndex, p: int) -> np.ndarray:
    return index.parents[index.parents_ptr[p] : index.parents_ptr[p + 1]]


def _children(index: GraphIndex, p: int) -> np.ndarray:
    return index.children[index.children_ptr[p] : index.children_ptr[p + 1]]


def _side(
    index: GraphIndex, centre: int, *, upstream: bool, near: int, far: int
) -> tuple[list[int], list[int], int, int]:
    """One side of the neighbourhood: the direct neighbours kept and those two steps
    away kept (through a kept one), and how many of each are left out.

    Prerequisites kept are the deepest (the nearest to the topic's own level);
    dependents kept are those that unlock the most (the frontier order). Two steps
    away, those linked to more kept neighbours come first."""
    step = _parents if upstream else _children

    def preference(p: int) -> tuple:
        return (-p,) if upstream else (int(index.rank[p]),)

    direct = sorted({int(p) for p in step(index, centre)}, key=preference)
    kept = direct[:near]
    links: dict[int, int] = {}
    excluded = set(direct) | {centre}
    for p in kept:
        for q in step(index, p).tolist():
            if q not in excluded:
                links[q] = links.get(q, 0) + 1
    second = sorted(links, key=lambda q: (-links[q], *preference(q)))
    return kept, second[:far], len(direct) - len(kept), max(0, len(second) - far)


def _layers_from(
    index: GraphIndex, start: int, members: Iterable[int], *, upstream: bool
) -> dict[int, int]:
    """Longest-path layers of ``members`` on one side of ``start`` (layer 0): each is
    one column beyond the farthest of its neighbours among them nearer to ``start``."""
    members = set(members)
    layer = {start: 0}
    # Every edge goes from a smaller position to a larger one, so visiting positions
    # from ``start`` outwards meets each topic after its neighbours nearer to it.
    for p in sorted(members, reverse=upstream):
        toward = _children(index, p) if upstream else _parents(index, p)
        reached = [layer[q] for q in toward.tolist() if q in layer]
        if reached:
            layer[p] = max(reached) + 1
    return layer


def neighbourhood(
    index: GraphIndex,
    centre: int,
    *,
    have: np.ndarray,
    mastered: Collection[int] = (),
    due: Collection[int] = (),
    near: int = NEAR_LIMIT,
    far: int = FAR_LIMIT,
) -> Picture:
    """The topic at position ``centre`` with its prerequisites and dependents up to
    two steps away, bounded in number whatever the graph's size.

    The layout depends on the graph only, so the index keeps it (:meth:`GraphIndex.kept`):
    laid out afresh it takes 0.28 ms, kept 0.03 ms with the learner's states
    (``benchmarks/bench_picture.py``), about a tenth of the warm KL divergence page."""
    layout = index.kept(
        ("neighbourhood", centre, near, far),
        lambda: _neighbourhood_layout(index, centre, near=near, far=far),
    )
    return coloured(index, layout, have=have, mastered=mastered, due=due)


def _neighbourhood_layout(index: GraphIndex, centre: int, *, near: int, far: int) -> Layout:
    layer = {centre: 0}
    more: list[tuple[int, str, bool, int]] = []  # count, kind, near, signed layer
    for upstream, kind, sign in ((True, "prerequisites", -1), (False, "dependents", 1)):
        kept, second, near_left, far_left = _side(
            index, centre, upstream=upstream, near=near, far=far
        )
        depth = _layers_from(index, centre, kept + second, upstream=upstream)
        # A topic that would sit beyond the outermost column is left out (and counted):
        # leaving it out moves no topic nearer to the centre.
        beyond = [p for p, d in depth.items() if d > SIDE_LAYERS]
        near_left += sum(1 for p in beyond if p in kept)
        far_left += sum(1 for p in beyond if p not in kept)
        outermost = 0
        for p, d in depth.items():
            if p != centre and d <= SIDE_LAYERS:
                layer[p] = sign * d
                outermost = max(outermost, d)
        if near_left:
            more.append((near_left, kind, True, sign))
        if far_left:
            more.append((far_left, kind, False, sign * max(outermost, 1)))
    return _lay_out(index, layer, centre, more)


def plan_window(
    index: GraphIndex,
    goal: int,
    steps: np.ndarray,
    *,
    have: np.ndarray,
    mastered: Collection[int] = (),
    due: Collection[int] = (),
    window: int = PLAN_WINDOW,
    columns: int = PLAN_LAYERS,
) -> Picture:
    """The first steps of a plan (``steps``: positions in learning order, the goal left
    out) and the goal at position ``goal``, one column right of them.

    The steps shown are the plan's first ones, so each one's unknown prerequisites are
    shown too: the first column holds what can be learned now. They stop at ``window``
    steps, or before a step that would need a column beyond ``columns``."""
    layer: dict[int, int] = {}
    for p in steps[:window].tolist():
        reached = [layer[q] for q in _parents(index, p).tolist() if q in layer]
        at = max(reached) + 1 if reached else 0
        if at >= columns:
            break
        layer[p] = at
    goal_layer = max(layer.values(), default=-1) + 1
    layer[goal] = goal_layer
    left = steps.size - (len(layer) - 1)
    more = [(left, "steps", False, goal_layer)] if left else []
    layout = _lay_out(index, layer, goal, more)
    return coloured(index, layout, have=have, mastered=mastered, due=due)


def coloured(
    index: GraphIndex,
    layout: Layout,
    *,
    have: np.ndarray,
    mastered: Collection[int] = (),
    due: Collection[int] = (),
) -> Picture:
    """``layout`` with the state of each of its topics (see :func:`states_of`)."""
    states = states_of(index, layout.positions, have=have, mastered=mastered, due=due)
    return Picture(layout, tuple(states))


# --- laying out ---------------------------------------------------------------------


def _order_layers(
    index: GraphIndex, layer: dict[int, int], columns: list[list[int]]
) -> list[list[int]]:
    """Reorder each column towards the mean place of its neighbours in the columns
    already swept, left to right and back, :data:`SWEEPS` times."""
    neighbours = {
        p: [q for q in (*_parents(index, p).tolist(), *_children(index, p).tolist()) if q in layer]
        for p in layer
    }

    def place() -> dict[int, float]:
        # Rows centred on each column's middle, so columns of different heights compare.
        return {p: i - (len(col) - 1) / 2 for col in columns for i, p in enumerate(col)}

    def barycentre(p: int, at: dict[int, float], side: int) -> float:
        """The mean place of ``p``'s neighbours on ``side`` (-1 left, 1 right)."""
        seen = [at[q] for q in neighbours[p] if (layer[q] - layer[p]) * side > 0]
        return sum(seen) / len(seen) if seen else at[p]

    for _ in range(SWEEPS):
        for side, order in ((-1, range(1, len(columns))), (1, range(len(columns) - 2, -1, -1))):
            for c in order:
                at = place()
                # sorted is stable: ties keep their order
                columns[c] = sorted(columns[c], key=lambda p, at=at: barycentre(p, at, side))
    return columns


def _columns(
    index: GraphIndex, signed: dict[int, int], more: list[tuple[int, str, bool, int]]
) -> tuple[list[list[int]], list[list[tuple[int, str, bool]]]]:
    """The topics of each column, ordered, and the "N more" notes of each column:
    ``signed`` layers (and the notes' layers) shifted so the leftmost is column 0."""
    low = min(min(signed.values()), *(m[3] for m in more)) if more else min(signed.values())
    layer = {p: d - low for p, d in signed.items()}
    count = max(layer.values()) + 1
    if more:
        count = max(count, max(m[3] - low for m in more) + 1)
    columns: list[list[int]] = [[] for _ in range(count)]
    for p in sorted(layer):  # learning order to start with
        columns[layer[p]].append(p)
    notes: list[list[tuple[int, str, bool]]] = [[] for _ in range(count)]
    for amount, kind, is_near, d in more:
        notes[d - low].append((amount, kind, is_near))
    return _order_layers(index, layer, columns), notes


@dataclass(frozen=True)
class _Grid:
    """Where the boxes of columns holding ``filled`` boxes each go: each column centred
    on the tallest."""

    filled: tuple[int, ...]  # boxes (topics and notes) in each column

    @property
    def rows(self) -> int:
        return max(self.filled)

    @property
    def width(self) -> int:
        return 2 * MARGIN + len(self.filled) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP

    @property
    def height(self) -> int:
        return 2 * MARGIN + self.rows * (NODE_HEIGHT + ROW_GAP) - ROW_GAP

    def top(self, c: int, i: int) -> int:
        pitch = NODE_HEIGHT + ROW_GAP
        return MARGIN + (self.rows - self.filled[c]) * pitch // 2 + i * pitch

    def left(self, c: int) -> int:
        return MARGIN + c * (NODE_WIDTH + COLUMN_GAP)


def _lay_out(
    index: GraphIndex,
    signed: dict[int, int],
    centre: int,
    more: list[tuple[int, str, bool, int]],
) -> Layout:
    columns, notes = _columns(index, signed, more)
    grid = _Grid(
        tuple(len(col) + len(col_notes) for col, col_notes in zip(columns, notes, strict=True))
    )
    shown = [p for col in columns for p in col]
    nodes = {
        p: Node(
            position=p,
            topic=index.topics[p],
            layer=c,
            x=grid.left(c),
            y=grid.top(c, i),
            lines=wrap_title(index.topics[p].title),
            is_centre=p == centre,
        )
        for c, col in enumerate(columns)
        for i, p in enumerate(col)
    }
    edges = [
        Edge(nodes[q], nodes[p]) for p in shown for q in _parents(index, p).tolist() if q in nodes
    ]
    notes_placed = [
        More(amount, kind, is_near, c, grid.left(c), grid.top(c, len(columns[c]) + i))
        for c, col_notes in enumerate(notes)
        for i, (amount, kind, is_near) in enumerate(col_notes)
    ]
    return Layout(
        nodes=tuple(nodes.values()),
        edges=tuple(edges),
        more=tuple(notes_placed),
        width=grid.width,
        height=grid.height,
        centre=nodes[centre],
    )


def wrap_title(title: str, width: int = LINE_CHARS, lines: int = LINES) -> tuple[str, ...]:
    """``title`` in at most ``lines`` lines of at most ``width`` characters, broken
    between words (a word longer than a line is cut); what does not fit ends in "…".

    >>> wrap_title("Probability Density Functions and Continuous Distributions")
    ('Probability Density', 'Functions and…')
    >>> wrap_title("KL Divergence")
    ('KL Divergence',)
    """
    found: list[str] = []
    words = title.split()
    while words and len(found) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= width:
            line += " " + words.pop(0)
        if len(line) > width:
            words.insert(0, line[width:])
            line = line[:width]
        found.append(line)
    if words:
        rest = " ".join([found[-1], *words])[: width - 1]
        cut = rest.rfind(" ")  # at a space, unless that loses most of the line
        found[-1] = (rest[:cut] if cut >= width // 3 else rest).rstrip() + "…"
    return tuple(found)
