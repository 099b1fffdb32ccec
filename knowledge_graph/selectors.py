"""Reads from the knowledge graph: the one place that knows its queries."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models import Count, Max, Min, Q, QuerySet
from django.http import Http404

from knowledge_graph.graph_index import GraphIndex, TopicData
from knowledge_graph.models import GraphState, Level, Prerequisite, Topic

LIST_FIELDS = ("id", "slug", "title", "level", "depth", "descendant_count", "minutes")

_CHAIN_SQL = """
WITH RECURSIVE chain(id, parent_id, n) AS (
    SELECT id, chain_parent_id, 0 FROM {t} WHERE id = %s
    UNION ALL
    SELECT t.id, t.chain_parent_id, c.n + 1 FROM {t} t JOIN chain c ON t.id = c.parent_id
    WHERE c.n < 100000
)
SELECT t.id, t.slug, t.title, t.level, t.depth FROM {t} t JOIN chain c ON t.id = c.id
ORDER BY c.n DESC
"""


def sql_rows(sql: str, params: Sequence = ()) -> list[tuple]:
    """Every row of a read written out in SQL (``%s`` placeholders), through Django's
    cursor: for the few reads the ORM cannot say in one statement (a recursive chain,
    the graph's stamp read together with a topic or a learner's rows)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class TopicLinks:
    """The graph around a topic: its longest prerequisite chain and its neighbours."""

    chain: list[Topic]
    prerequisites: list[Topic]
    leads_to: list[Topic]


def stamp_columns() -> str:
    """The graph's stamp as four columns of a ``SELECT``: the version and time of its
    last recompute and its highest topic and edge ids. Every edit of the graph changes
    one of them; the learner's side keys its in-memory graph on them
    (:mod:`knowledge_graph.graph_index`), and reads them inside its own queries."""
    s, t, e = GraphState._meta.db_table, Topic._meta.db_table, Prerequisite._meta.db_table
    return (
        f"(SELECT version FROM {s} WHERE id = 1), (SELECT recomputed_at FROM {s} WHERE id = 1), "
        f"(SELECT MAX(id) FROM {t}), (SELECT MAX(id) FROM {e})"
    )


def stamp_of(columns: Sequence) -> tuple:
    """The graph's stamp from the four values :func:`stamp_columns` read, as the
    learner's side keys its in-memory graph (with the database's alias)."""
    version, recomputed_at, max_topic_id, max_edge_id = columns
    return (connection.alias, version, recomputed_at, max_topic_id, max_edge_id)


_TOPIC_SQL = """
SELECT {columns}, {stamp}
FROM {t} t WHERE t.slug = %s
"""


def topic_get(slug: str) -> Topic:
    """The topic with ``graph_version`` and ``graph_recomputed_at`` (changed by every
    recompute of the graph) and ``graph_stamp`` annotated; one query, written out because
    the ORM takes longer to build it than to run it: 0.10 ms here, 1.5 ms as a queryset
    with the stamp as four ``Subquery`` annotations (0.28 ms for the topic alone, without
    the stamp), where the whole warm topic page takes about 3 ms."""
    fields = Topic._meta.concrete_fields
    sql = _TOPIC_SQL.format(
        columns=", ".join(f"t.{connection.ops.quote_name(f.column)}" for f in fields),
        stamp=stamp_columns(),
        t=Topic._meta.db_table,
    )
    found = sql_rows(sql, [slug])
    row = found[0] if found else None
    if row is None:
        raise Http404(f"No topic is called “{slug}”.")
    # Topic has no field that needs converting from what the database returns.
    topic = Topic.from_db(connection.alias, [f.attname for f in fields], row[: len(fields)])
    # The graph's stamp as read with the topic, so that the learner's side can check
    # its in-memory graph without a query of its own (see knowledge_graph.graph_index).
    topic.graph_stamp = stamp_of(row[len(fields) :])
    _alias, version, topic.graph_recomputed_at, *_ = topic.graph_stamp
    topic.graph_version = version or 0
    return topic


def edge_array() -> np.ndarray:
    """Every edge as a row ``(prerequisite id, dependent id)`` of an m×2 array (one
    query, its rows flattened straight into the array: 400,000 edges in 0.3 s)."""
    rows = Prerequisite.objects.order_by().values_list("prerequisite_id", "dependent_id")
    return np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64).reshape(-1, 2)


def topic_chain(topic: Topic) -> list[Topic]:
    """The stored longest prerequisite chain, root first, ending at ``topic`` (one query)."""
    sql = _CHAIN_SQL.format(t=Topic._meta.db_table)
    return list(Topic.objects.raw(sql, [topic.pk]))


def topic_links(topic: Topic) -> TopicLinks:
    """The chain, the direct prerequisites and the direct dependents (three queries)."""
    return TopicLinks(
        chain=topic_chain(topic),
        prerequisites=list(
            Topic.objects.filter(dependent_edges__dependent=topic)
            .only(*LIST_FIELDS)
            .order_by("-depth", "title")
        ),
        leads_to=list(
            Topic.objects.filter(prerequisite_edges__prerequisite=topic)
            .only(*LIST_FIELDS)
            .order_by("depth", "title")
        ),
    )


def topic_search(
    *, query: str = "", level: str = "", min_depth: int | None = None, max_depth: int | None = None
) -> QuerySet[Topic]:
    """Topics whose title or an alias contains ``query`` (case-insensitive)."""
    qs = Topic.objects.only(*LIST_FIELDS, "aliases", "core_idea")
    query = query.strip()
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(aliases__icontains=query) | Q(slug=query))
    if level in Level.values:
        qs = qs.filter(level=level)
    if min_depth is not None:
        qs = qs.filter(depth__gte=min_depth)
    if max_depth is not None:
        qs = qs.filter(depth__lte=max_depth)
    return qs.order_by("depth", "title", "slug")


def level_summary() -> list[dict]:
    """Per level: how many topics and their depth range."""
    rows = {
        r["level"]: r
        for r in Topic.objects.values("level").annotate(
            n=Count("id"), lo=Min("depth"), hi=Max("depth")
        )
    }
    return [
        {"value": value, "label": label, **rows.get(value, {"n": 0, "lo": None, "hi": None})}
        for value, label in Level.choices
    ]


# --- the process's graph index, reloaded when the graph changes -----------------------

_held_index: tuple[tuple, GraphIndex] | None = None
_index_lock = threading.Lock()


def graph_stamp() -> tuple:
    """What changes whenever the stored graph does (one query, written out: 0.03 ms,
    where the ORM needs three queries and 0.69 ms; every learner page without a topic
    reads it)."""
    return stamp_of(sql_rows(f"SELECT {stamp_columns()}")[0])


def _index_load() -> GraphIndex:
    topics = Topic.objects.values_list(
        "id", "depth", "title", "slug", "minutes", "descendant_count", "level"
    ).order_by()
    return GraphIndex.build([TopicData(*row) for row in topics], edge_array())


def graph_index(*, refresh: bool = False, stamp: tuple | None = None) -> GraphIndex:
    """The index of the graph as stored now, loaded again only if the graph changed.

    ``refresh`` reloads it even if the stamp is unchanged (for a topic the index does
    not hold yet). ``stamp``, if given, is the graph's stamp as the caller has just read
    it (:func:`topic_get` reads it with the topic), which saves the query.
    """
    global _held_index
    stamp = stamp if stamp is not None else graph_stamp()
    held = _held_index
    if held is not None and held[0] == stamp and not refresh:
        return held[1]
    with _index_lock:
        held = _held_index
        if held is not None and held[0] == stamp and not refresh:
            return held[1]
        index = _index_load()
        # Keep it only if the graph did not change while it was read.
        if graph_stamp() == stamp:
            _held_index = (stamp, index)
        return index
