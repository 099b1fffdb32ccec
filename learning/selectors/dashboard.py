"""The dashboard: goals, progress, today's queue of reviews and new topics, what is
ready to learn, what is known and mastered."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from knowledge_graph.models import Topic
from learners.models import Learner
from learning.models import Goal
from learning.selectors.knowledge import Knowledge, Progress, knowledge_get, progress_of
from learning.selectors.learners import attempts_recent
from learning.selectors.plan import FRONTIER_LIMIT
from learning.selectors.review import Daily, daily_get
from learning.selectors.rows import GoalRow, KnownRow, TopicRow, topic_rows


def frontier_global(
    *, learner: Learner | None, limit: int = FRONTIER_LIMIT, knowledge: Knowledge | None = None
) -> tuple[list[TopicRow], int]:
    """Topics ready to learn (not known, every prerequisite known), most downstream
    topics first, and how many there are in all (two queries: the marked topics with
    the graph's stamp, and the rows shown)."""
    if knowledge is None:
        knowledge = knowledge_get(learner=learner)
    ready = knowledge.state.ready()
    ids = knowledge.index.topic_ids(ready[:limit])
    rows = topic_rows(ids, index=knowledge.index)
    return [rows[topic_id] for topic_id in ids], int(ready.size)


_TOPIC_FIELDS = (
    "id",
    "slug",
    "title",
    "level",
    "depth",
    "minutes",
    "descendant_count",
    "ancestor_count",
)


def goal_list(*, learner: Learner | None) -> list[Goal]:
    """The learner's goals, the current one first."""
    if learner is None:
        return []
    return list(
        Goal.objects.filter(learner=learner)
        .select_related("topic")
        .only(
            "id", "is_current", "created_at", "learner_id", *(f"topic__{f}" for f in _TOPIC_FIELDS)
        )
    )


@dataclass(frozen=True)
class Dashboard:
    goals: list[GoalRow]
    current: GoalRow | None
    progress: Progress | None
    ready: list[TopicRow]
    ready_total: int
    known: list[KnownRow]
    attempts: list
    mastered: list[TopicRow]  # topics mastered in practice, by title
    daily: Daily | None = None  # today's reviews and new topics

    @cached_property
    def other_goals(self) -> list[GoalRow]:
        return [goal for goal in self.goals if not goal.is_current]

    @cached_property
    def mastered_ids(self) -> frozenset[int]:
        return frozenset(row.id for row in self.mastered)


def dashboard_get(learner: Learner | None) -> Dashboard:
    """Everything the dashboard shows, in a constant number of queries. The goals and
    the known topics are listed from the learner's rows that the knowledge read already
    holds (reading them again with their topics took two more queries, 1.2 ms)."""
    knowledge = knowledge_get(learner=learner)
    goals = knowledge.goal_rows()
    current = next((goal for goal in goals if goal.is_current), None)
    goal = current.topic.id if current else None
    ready, ready_total = frontier_global(learner=learner, knowledge=knowledge)
    mastered = topic_rows(sorted(knowledge.mastered), index=knowledge.index)
    return Dashboard(
        goals=goals,
        current=current,
        progress=progress_of(knowledge, goal) if current else None,
        ready=ready,
        ready_total=ready_total,
        known=knowledge.known_rows(),
        attempts=attempts_recent(learner),
        mastered=sorted(mastered.values(), key=lambda row: (row.title, row.id)),
        daily=daily_get(learner, knowledge, goal=goal),
    )


def current_goal(*, learner: Learner | None) -> Topic | None:
    """The topic of the learner's current goal, if any (one query)."""
    if learner is None:
        return None
    goal = Goal.objects.filter(learner=learner, is_current=True).select_related("topic").first()
    return goal.topic if goal else None
