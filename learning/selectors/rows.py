"""Light topic rows: the few fields a list of topics shows, read by id in one query."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.links import slug_url
from knowledge_graph import graph_index
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


_ROW_FIELDS = ("id", "slug", "title", "level", "depth", "minutes", "descendant_count")


def _read_rows(topic_ids: list[int]) -> dict[int, TopicRow]:
    found = Topic.objects.filter(id__in=topic_ids).order_by().values_list(*_ROW_FIELDS)
    return {row[0]: TopicRow(*row) for row in found}


def rows_at(
    index: graph_index.GraphIndex, positions: np.ndarray
) -> tuple[list[TopicRow | None], bool]:
    """Light rows of the topics at ``positions`` of ``index`` (one query), and whether
    every one has a row: a topic deleted since the index was read has ``None``."""
    if not positions.size:
        return [], True
    ids = index.topic_ids(positions)
    read = _read_rows(ids)
    found = [read.get(topic_id) for topic_id in ids]
    return found, all(row is not None for row in found)


def topic_rows(topic_ids: list[int]) -> dict[int, TopicRow]:
    """Light rows of the given topics by id (one query). A topic deleted since has no
    row."""
    return _read_rows(topic_ids)
