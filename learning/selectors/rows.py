"""Light topic rows: the few fields a list of topics shows, read by id in one query."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.links import slug_url
from knowledge_graph import graph_index
from knowledge_graph.graph_index import TopicData
from knowledge_graph.models import Level, Topic


@dataclass(frozen=True, slots=True)
class TopicRow:
    """The few fields a list of topics shows, without building model instances."""

    id: int
    slug: str
    title: str
    level: str
    depth: int
    minutes: int
    descendant_count: int

    @property
    def url(self) -> str:
        return slug_url("topic_detail", self.slug)

    @property
    def known_url(self) -> str:
        return slug_url("known_add", self.slug)

    @property
    def level_label(self) -> str:
        return Level(self.level).label


@dataclass(frozen=True, slots=True)
class GoalRow:
    """One of the learner's goals, as the dashboard and the plan list them."""

    topic: TopicRow
    is_current: bool


@dataclass(frozen=True, slots=True)
class KnownRow:
    """A topic the learner marked known, and who said so (the student, or placement)."""

    topic: TopicRow
    source: str

    @property
    def topic_id(self) -> int:
        return self.topic.id


_ROW_FIELDS = ("id", "slug", "title", "level", "depth", "minutes", "descendant_count")


def _read_rows(topic_ids: list[int]) -> dict[int, TopicRow]:
    found = Topic.objects.filter(id__in=topic_ids).order_by().values_list(*_ROW_FIELDS)
    return {row[0]: TopicRow(*row) for row in found}


def _row(t: TopicData) -> TopicRow:
    return TopicRow(t.id, t.slug, t.title, t.level, t.depth, t.minutes, t.descendant_count)


def rows_at(index: graph_index.GraphIndex, positions: np.ndarray) -> list[TopicRow]:
    """Light rows of the topics at ``positions`` of ``index``, from the index (no query)."""
    return [_row(t) for t in index.topics_at(positions)]


def topic_rows(
    topic_ids: list[int], *, index: graph_index.GraphIndex | None = None
) -> dict[int, TopicRow]:
    """Light rows of the given topics by id: from ``index`` for those it holds, in one
    query for the others (a topic newer than the index). A deleted topic has no row."""
    positions = index.positions(topic_ids) if index is not None else np.full(len(topic_ids), -1)
    held = positions >= 0
    found = {row.id: row for row in rows_at(index, positions[held])} if held.any() else {}
    missing = [topic_id for topic_id, h in zip(topic_ids, held, strict=True) if not h]
    if missing:
        found.update(_read_rows(missing))
    return found
