"""Spaced review for one learner: what is due today and in which order, what falls due
later, the ids of the topics due (for the pictures of the graph) and the daily queue
of the dashboard.

The model is :mod:`learning.review`'s; the memories are the learner's
:class:`~learning.models.TopicMemory` rows, read in one query and placed on the graph
index that :func:`~learning.selectors.knowledge.knowledge_get` keeps. "Today" ends at
the next midnight UTC (:func:`learning.review.end_of_day`), as the model counts days.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from knowledge_graph.graph_index import GraphIndex
from learners.models import Learner
from learning import review
from learning.models import TopicMemory
from learning.selectors.knowledge import Knowledge, knowledge_get
from learning.selectors.rows import TopicRow, rows_at

LATER_DAYS = 5
"""How many of the next days with reviews due the review page lists."""
LATER_TITLES = 8
"""How many topics due on one of those days it names (the rest are counted)."""


SPREADS_KEPT = 20_000
"""Topics whose :func:`learning.review.spread` each process keeps per graph index."""

_spreads: weakref.WeakKeyDictionary[GraphIndex, dict[int, dict[int, float]]] = (
    weakref.WeakKeyDictionary()
)
_spreads_lock = threading.Lock()


def spread_of(index: GraphIndex, position: int) -> dict[int, float]:
    """:func:`learning.review.spread` of the topic at ``position``, kept with the index
    (it depends on the graph alone; a new index after an edit starts afresh)."""
    with _spreads_lock:
        held = _spreads.setdefault(index, {})
        found = held.get(position)
    if found is None:
        found = review.spread(index, position)
        with _spreads_lock:
            if len(held) >= SPREADS_KEPT:
                held.clear()
            held[position] = found
    return found


_MEMORY_FIELDS = (
    "topic_id",
    "stability",
    "difficulty",
    "last_review",
    "due",
    "credit",
    "reviews",
    "lapses",
)


def memories_of(learner: Learner | None) -> dict[int, review.Memory]:
    """The learner's memories by topic id (one query; none for a visitor without a row)."""
    if learner is None:
        return {}
    found = TopicMemory.objects.filter(learner=learner).order_by().values_list(*_MEMORY_FIELDS)
    return {topic_id: review.Memory(*fields) for topic_id, *fields in found}


def due_topic_ids(learner: Learner | None, *, now: datetime | None = None) -> frozenset[int]:
    """Ids of the topics due for review today (one query; none for a visitor without a
    row): what the pictures of the graph mark "due for review"."""
    if learner is None:
        return frozenset()
    end = review.end_of_day(now or timezone.now())
    due = TopicMemory.objects.filter(learner_id=learner.pk, due__lt=end).order_by()
    return frozenset(due.values_list("topic_id", flat=True))


@dataclass(frozen=True)
class ReviewItem:
    """One review to do today: a practice question on ``topic``."""

    topic: TopicRow
    due: datetime
    recall: int  # the model's chance of recalling it now, in percent
    knocks_out: list[TopicRow]  # due topics this review also brings to a full repetition


@dataclass(frozen=True)
class DueDay:
    """A later day with reviews due, and its topics (the first few, earliest due first)."""

    day: date
    topics: list[TopicRow]
    count: int  # topics due that day

    @property
    def more(self) -> int:
        return self.count - len(self.topics)


@dataclass(frozen=True)
class Reviews:
    """Today's reviews in order, and what falls due later."""

    items: list[ReviewItem]  # in the order to do them
    due: int  # topics due today, those knocked out by another review included
    minutes: int  # the estimate for today's reviews
    later: list[DueDay]  # the next days with reviews due (at most LATER_DAYS)
    remembered: int  # topics with a memory

    @property
    def next_due(self) -> date | None:
        """The next day a review falls due after today, if any."""
        return self.later[0].day if self.later else None


def _by_position(
    knowledge: Knowledge, memories: dict[int, review.Memory]
) -> dict[int, review.Memory]:
    """``memories`` keyed by position on the index (a topic it does not hold is left out)."""
    ids = list(memories)
    positions = knowledge.index.positions(ids) if ids else []
    return {
        int(p): memories[topic_id] for topic_id, p in zip(ids, positions, strict=True) if p >= 0
    }


def _queue(
    knowledge: Knowledge, memories: dict[int, review.Memory], now: datetime
) -> tuple[list[review.QueueItem], dict[int, review.Memory]]:
    placed = _by_position(knowledge, memories)
    index = knowledge.index
    due = [p for p, memory in placed.items() if memory.is_due(now)]
    spreads = {p: spread_of(index, p) for p in due}
    return review.review_queue(index, placed, now, spreads=spreads), placed


def reviews_get(
    learner: Learner | None,
    *,
    now: datetime | None = None,
    knowledge: Knowledge | None = None,
    later_days: int | None = None,
) -> Reviews:
    """What the review page shows (two queries with ``knowledge``: the memories; and the
    learner's rows for it otherwise)."""
    now = now or timezone.now()
    later_days = LATER_DAYS if later_days is None else later_days
    if knowledge is None:
        knowledge = knowledge_get(learner=learner)
    memories = memories_of(learner)
    queue, placed = _queue(knowledge, memories, now)
    index = knowledge.index
    items = []
    for item in queue:
        memory = placed[item.position]
        topic, *knocked = rows_at(index, [item.position, *item.knocks_out])
        items.append(
            ReviewItem(
                topic=topic,
                due=memory.due,
                recall=round(100 * memory.recall(now)),
                knocks_out=knocked,
            )
        )
    waiting = sorted((memory.due, p) for p, memory in placed.items() if not memory.is_due(now))
    by_day: dict[date, list[int]] = {}
    for due, p in waiting:
        day = review.utc(due).date()
        if day not in by_day and len(by_day) == later_days:
            break
        by_day.setdefault(day, []).append(p)
    later = [
        DueDay(day, rows_at(index, positions[:LATER_TITLES]), len(positions))
        for day, positions in by_day.items()
    ]
    return Reviews(
        items=items,
        due=sum(1 + len(item.knocks_out) for item in queue),
        minutes=review.REVIEW_MINUTES * len(queue),
        later=later,
        remembered=len(placed),
    )


@dataclass(frozen=True)
class Daily:
    """Today's work on the dashboard: due reviews in order, and new topics from the
    frontier of the current goal (of the whole graph without a goal)."""

    reviews: list[TopicRow]
    due: int  # topics due, those knocked out by another review included
    new: list[TopicRow]
    minutes: int
    towards_goal: bool  # the new topics come from the current goal's frontier

    @property
    def empty(self) -> bool:
        return not self.reviews and not self.new


def daily_get(
    learner: Learner | None,
    knowledge: Knowledge,
    *,
    goal: int | None = None,
    now: datetime | None = None,
) -> Daily:
    """The daily queue (one query, the memories): ``goal`` is the current goal's topic id."""
    now = now or timezone.now()
    index = knowledge.index
    queue, _ = _queue(knowledge, memories_of(learner), now)
    position = index.position(goal) if goal is not None else -1
    if position >= 0:
        ready = knowledge.state.plan(position)[1]
    else:
        ready = knowledge.state.ready()
    daily = review.daily_queue(index, queue, ready)
    return Daily(
        reviews=rows_at(index, [item.position for item in daily.reviews]),
        due=daily.due,
        new=rows_at(index, list(daily.new)),
        minutes=daily.minutes,
        towards_goal=position >= 0,
    )
