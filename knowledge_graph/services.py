"""Writes to the knowledge graph. Every change keeps the graph acyclic and the
derived numbers (depth, chain, counts) right before its transaction commits."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from knowledge_graph import graph as g
from knowledge_graph import selectors
from knowledge_graph.models import GraphState, Prerequisite, Topic

DERIVED_FIELDS = (
    "depth",
    "chain_parent",
    "ancestor_count",
    "descendant_count",
    "prerequisite_count",
    "dependent_count",
)


def graph_lock() -> GraphState:
    """Lock the graph for the rest of the current transaction (a row lock on PostgreSQL;
    SQLite already serialises writers). Call inside ``transaction.atomic``."""
    state = GraphState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        GraphState.objects.get_or_create(pk=1)
        state = GraphState.objects.select_for_update().get(pk=1)
    return state


def graph_load(
    *, without: Iterable[tuple[int, int]] = (), extra: Iterable[tuple[int, int]] = ()
) -> g.Graph:
    """The whole graph on topic ids, optionally with some edges removed or added."""
    removed = set(without)
    edges = [
        e
        for e in Prerequisite.objects.values_list("prerequisite_id", "dependent_id")
        if e not in removed
    ]
    edges += list(extra)
    return g.build(Topic.objects.values_list("id", flat=True), edges)


def cycle_error(cycle: list[int]) -> ValidationError:
    """The refusal naming ``cycle`` (topic ids) by its topics' titles. The titles are an
    instructor's text, so they go in as a parameter: Django %-formats a message that has
    parameters, and a title may hold a "%"."""
    titles = dict(Topic.objects.filter(id__in=cycle).values_list("id", "title"))
    path = " → ".join(titles.get(n, str(n)) for n in cycle)
    return ValidationError(
        "This would make a cycle: %(path)s. A topic cannot be its own prerequisite.",
        code="cycle",
        params={"path": path},
    )


def edges_check(
    *, proposed: Iterable[tuple[int, int]], replacing: Iterable[tuple[int, int]] = ()
) -> None:
    """Raise ValidationError naming a cycle if ``proposed`` edges (replacing the
    ``replacing`` ones) would close one. Locks the graph first, so two concurrent
    edits are checked one after the other."""
    proposed = list(proposed)
    for a, b in proposed:
        if a == b:
            raise ValidationError("A topic cannot be a prerequisite of itself.")
    graph_lock()
    if _all_go_deeper(proposed):
        return
    cycle = _cycle_with(proposed, set(replacing))
    if cycle:
        # Report the cycle starting from a newly proposed edge when possible.
        raise cycle_error(_rotate(cycle, proposed))


def _all_go_deeper(edges: list[tuple[int, int]]) -> bool:
    """True if each of ``edges`` goes from a topic to a deeper one, by the stored depths.

    Every stored edge does too (every edit recomputes the depths before it commits, and
    the caller holds the graph lock), so along any path depth only grows and no path can
    come back to where it started: the edges close no cycle, and the whole graph need not
    be read (about 0.4 s at 100,000 topics, ``benchmarks/bench_graph.py``). Should the
    stored depths ever be wrong, the recompute that follows every edit still refuses a
    cycle, and the edit's transaction is rolled back."""
    ids = {topic for edge in edges for topic in edge}
    depth = dict(Topic.objects.filter(id__in=ids).values_list("id", "depth"))
    return len(depth) == len(ids) and all(depth[a] < depth[b] for a, b in edges)


def _cycle_with(
    proposed: list[tuple[int, int]], replacing: set[tuple[int, int]]
) -> list[int] | None:
    """A cycle (of topic ids) in the stored graph with ``replacing`` edges taken out and
    ``proposed`` ones put in, or None. Reads the edges as arrays: a fraction of a second
    for 400,000 of them."""
    ids = np.fromiter(Topic.objects.values_list("id", flat=True), dtype=np.int64)
    edges = selectors.edge_array()
    if replacing:
        gone = np.array(sorted(replacing), dtype=np.int64).reshape(-1, 2)
        keep = ~np.isin(_pair_keys(edges, ids), _pair_keys(gone, ids))
        edges = edges[keep]
    added = np.array([e for e in proposed if e not in replacing], dtype=np.int64).reshape(-1, 2)
    found = g.index_of(ids, np.concatenate((edges, added)))
    if (found < 0).any():
        raise ValidationError("That topic no longer exists.")
    cycle = g.find_cycle_indexed(ids.size, found[:, 0], found[:, 1])
    return None if cycle is None else [int(ids[i]) for i in cycle]


def _pair_keys(pairs: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """One integer per ``(prerequisite, dependent)`` pair of topic ids."""
    return pairs[:, 0] * (int(ids.max(initial=0)) + 1) + pairs[:, 1]


def _rotate(cycle: list[int], proposed: list[tuple[int, int]]) -> list[int]:
    ring = cycle[:-1]
    for i in range(len(ring)):
        if (ring[i], ring[(i + 1) % len(ring)]) in set(proposed):
            ring = ring[i:] + ring[:i]
            break
    return [*ring, ring[0]]


@transaction.atomic
def edge_create(*, prerequisite: Topic, dependent: Topic) -> Prerequisite:
    """Add ``prerequisite -> dependent``; refuse duplicates, self-loops and cycles."""
    if prerequisite.pk == dependent.pk:
        raise ValidationError("A topic cannot be a prerequisite of itself.")
    edges_check(proposed=[(prerequisite.pk, dependent.pk)])
    if Prerequisite.objects.filter(prerequisite=prerequisite, dependent=dependent).exists():
        raise ValidationError(
            "%(prerequisite)s is already a prerequisite of %(dependent)s.",
            params={"prerequisite": prerequisite, "dependent": dependent},
        )
    edge = Prerequisite(prerequisite=prerequisite, dependent=dependent)
    edge.full_clean()
    edge.save()
    graph_recompute()
    return edge


@transaction.atomic
def edge_delete(*, edge: Prerequisite) -> None:
    graph_lock()
    edge.delete()
    graph_recompute()


@transaction.atomic
def topic_delete(*, topic: Topic) -> None:
    graph_lock()
    topic.delete()
    graph_recompute()


@transaction.atomic
def graph_recompute() -> int:
    """Recompute every derived number from the stored graph; return how many topics changed.

    Reads the topics and edges with two queries into arrays, derives everything with
    :func:`knowledge_graph.graph.derive_indexed`, and writes only the rows whose numbers
    changed.
    """
    state = graph_lock()
    rows = list(Topic.objects.order_by().values_list("id", "slug", *DERIVED_FIELDS))
    edges = selectors.edge_array()
    n = len(rows)
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=n)
    # Stored numbers as one array; a chain parent of NULL becomes -1 like a root's.
    old = np.fromiter(
        (-1 if value is None else value for row in rows for value in row[2:]),
        dtype=np.int64,
        count=n * len(DERIVED_FIELDS),
    ).reshape(n, len(DERIVED_FIELDS))
    index = g.index_of(ids, edges)
    by_slug = sorted(range(n), key=lambda i: rows[i][1])
    rank = np.empty(n, dtype=np.int64)
    rank[by_slug] = np.arange(n, dtype=np.int64)
    try:
        d = g.derive_indexed(n, index[:, 0], index[:, 1], rank)
    except g.CycleError as exc:
        raise g.CycleError([int(ids[i]) for i in exc.cycle]) from None
    chain_parent = np.where(d.chain_parent < 0, -1, ids[d.chain_parent])
    new = np.column_stack(
        (
            d.depth,
            chain_parent,
            d.ancestor_count,
            d.descendant_count,
            d.prerequisite_count,
            d.dependent_count,
        )
    )
    differ = np.flatnonzero((old != new).any(axis=1))
    changed = [
        (topic_id, depth, None if parent < 0 else parent, *counts)
        for topic_id, depth, parent, *counts in np.column_stack((ids, new))[differ].tolist()
    ]
    _derived_write(changed)
    state.version += 1
    state.recomputed_at = timezone.now()
    state.save(update_fields=["version", "recomputed_at"])
    return len(changed)


_DERIVED_COLUMNS = tuple(Topic._meta.get_field(name).column for name in DERIVED_FIELDS)


def _derived_write(rows: list[tuple]) -> None:
    """Store ``(id, *derived numbers)`` rows: one statement with arrays on PostgreSQL,
    one prepared UPDATE by primary key repeated elsewhere. Written out because
    ``bulk_update`` builds a ``CASE`` per column and row: storing all 100,342 rows of the
    graph in ``benchmarks/bench_graph.py`` took it 120 s on SQLite, against 1.0 s here."""
    if not rows:
        return
    table = connection.ops.quote_name(Topic._meta.db_table)
    columns = [connection.ops.quote_name(c) for c in _DERIVED_COLUMNS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            unnest = ", ".join("%s::bigint[]" for _ in range(len(columns) + 1))
            names = ", ".join(["id", *(f"c{i}" for i in range(len(columns)))])
            assignments = ", ".join(f"{c} = v.c{i}" for i, c in enumerate(columns))
            cursor.execute(
                f"UPDATE {table} AS t SET {assignments} "
                f"FROM unnest({unnest}) AS v({names}) WHERE t.id = v.id",
                [list(column) for column in zip(*rows, strict=True)],
            )
        else:
            assignments = ", ".join(f"{c} = %s" for c in columns)
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE id = %s",
                [(*row[1:], row[0]) for row in rows],
            )


# --- curriculum and instructors ----------------------------------------------

INSTRUCTOR_PERMISSIONS = {
    "knowledge_graph": ("topic", "prerequisite"),
    "practice": ("questiontemplate",),
}


def instructors_group_ensure():
    """The "Instructors" group, with exactly the rights to edit topics, edges and questions."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name="Instructors")
    perms = Permission.objects.filter(
        content_type__app_label__in=INSTRUCTOR_PERMISSIONS,
    ).select_related("content_type")
    wanted = [
        p for p in perms if p.content_type.model in INSTRUCTOR_PERMISSIONS[p.content_type.app_label]
    ]
    group.permissions.set(wanted)
    return group


class LoadResult:
    def __init__(self) -> None:
        self.created = self.updated = self.unchanged = 0
        self.edges_added = self.edges_removed = 0
        self.extra: list[str] = []

    def summary(self) -> str:
        parts = [
            f"topics: {self.created} created, {self.updated} updated, {self.unchanged} unchanged",
            f"edges: {self.edges_added} added, {self.edges_removed} removed",
            *self.extra,
        ]
        return "; ".join(parts)


CONTENT_FIELDS = ("title", "level", "aliases", "core_idea", "explainer", "minutes")


@transaction.atomic
def curriculum_load(*, specs) -> LoadResult:
    """Create or refresh every topic in ``specs`` and make its prerequisite edges exactly
    the listed ones; topics not in ``specs`` are left alone. Idempotent. (Practice
    questions are loaded on top of this by :func:`practice.services.curriculum_load`.)"""
    from knowledge_graph.curriculum import problems

    found = problems(specs)
    if found:
        raise ValidationError(found)
    graph_lock()
    result = LoadResult()
    now = timezone.now()
    existing = {t.slug: t for t in Topic.objects.all()}
    to_create, to_update = [], []
    for s in specs:
        values = {
            "title": s.title,
            "level": s.level,
            "aliases": "\n".join(s.aliases),
            "core_idea": s.core_idea,
            "explainer": s.explainer,
            "minutes": s.minutes,
        }
        topic = existing.get(s.slug)
        if topic is None:
            topic = Topic(slug=s.slug, **values)
            topic.full_clean(validate_unique=False, validate_constraints=False)
            to_create.append(topic)
        elif any(getattr(topic, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(topic, f, v)
            topic.updated_at = now  # bulk_update leaves auto_now fields alone
            to_update.append(topic)
        else:
            result.unchanged += 1
    Topic.objects.bulk_create(to_create, batch_size=500)
    Topic.objects.bulk_update(to_update, [*CONTENT_FIELDS, "updated_at"], batch_size=500)
    result.created, result.updated = len(to_create), len(to_update)

    ids = dict(Topic.objects.filter(slug__in=[s.slug for s in specs]).values_list("slug", "id"))
    wanted = {(ids[p], ids[s.slug]) for s in specs for p in s.prerequisites}
    managed = set(ids.values())
    have = set(
        Prerequisite.objects.filter(dependent_id__in=managed).values_list(
            "prerequisite_id", "dependent_id"
        )
    )
    stale = have - wanted
    for a, b in stale:
        Prerequisite.objects.filter(prerequisite_id=a, dependent_id=b).delete()
    Prerequisite.objects.bulk_create(
        [Prerequisite(prerequisite_id=a, dependent_id=b) for a, b in wanted - have],
        batch_size=1000,
    )
    result.edges_added, result.edges_removed = len(wanted - have), len(stale)
    cycle = g.find_cycle(graph_load())
    if cycle:
        raise cycle_error(cycle)
    graph_recompute()
    instructors_group_ensure()
    return result
