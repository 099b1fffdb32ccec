"""The learning plan towards a goal, a page of its steps at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import numpy as np

from knowledge_graph import graph as g
from knowledge_graph import graph_index
from knowledge_graph.models import Topic
from learners.models import Learner
from learning.selectors.knowledge import Knowledge, Tally, knowledge_get, present_positions
from learning.selectors.picture import Picture, plan_picture
from learning.selectors.rows import GoalRow, TopicRow, rows_at

FRONTIER_LIMIT = 8
PLAN_PAGE_SIZE = 400


class PlanStep(NamedTuple):
    number: int  # 1-based place in the whole plan
    topic: TopicRow
    ready: bool  # every prerequisite known: can be learned now


class PlanSteps(Sequence[PlanStep]):
    """One page of a plan's steps, kept as columns (a page holds hundreds of steps,
    and the page's template tag reads the columns without building a step each)."""

    __slots__ = ("first", "topics", "ready")

    def __init__(self, first: int, topics: list[TopicRow], ready: list[bool]) -> None:
        self.first = first  # the number of the first step
        self.topics, self.ready = topics, ready

    def __len__(self) -> int:
        return len(self.topics)

    def __iter__(self) -> Iterator[PlanStep]:
        numbers = range(self.first, self.first + len(self.topics))
        return map(PlanStep, numbers, self.topics, self.ready)

    def __getitem__(self, i: int | slice) -> PlanStep | list[PlanStep]:
        if isinstance(i, slice):
            return list(self)[i]
        i = range(len(self))[i]  # negative indices; IndexError when out of range
        return PlanStep(self.first + i, self.topics[i], self.ready[i])


@dataclass
class Plan(Tally):
    """Every prerequisite of ``goal`` not yet known, each after all its prerequisites.

    ``steps`` is one page of them; the counts are about the whole plan.
    """

    goal: TopicRow
    steps: PlanSteps  # this page of the prerequisites left, in learning order
    goal_known: bool
    goal_ready: bool
    goal_mastered: bool
    total: int  # the goal's prerequisites (its ancestor count)
    known: int  # of them known, explicitly or implicitly
    minutes_left: int  # the steps and the goal itself, if unknown
    ready: list[TopicRow]  # the plan's frontier, most downstream topics first (shortened)
    ready_total: int  # how many topics of the plan are ready in all
    marked: list[TopicRow]  # topics of the plan the learner marked known (goal included)
    doubted: list[TopicRow]  # topics of the plan back in it after practice went badly
    is_goal: bool = False
    is_current_goal: bool = False
    page: int = 1
    page_size: int = PLAN_PAGE_SIZE
    all_steps: int = 0
    # What the picture of the next steps is drawn from (see :attr:`picture`).
    knowledge: Knowledge | None = field(default=None, repr=False, compare=False)
    goal_position: int = -1
    steps_left: np.ndarray | None = field(default=None, repr=False, compare=False)
    due: frozenset[int] = frozenset()  # topic ids due for review, marked in the picture

    @cached_property
    def picture(self) -> Picture | None:
        """The next steps and the goal, while the goal is unknown; drawn when a page
        asks for it (the plan's own figures leave it out)."""
        if self.knowledge is None or self.goal_known:
            return None
        return plan_picture(self.knowledge, self.goal_position, self.steps_left, due=self.due)

    @cached_property
    def goals(self) -> list[GoalRow]:
        """The learner's goals, listed beside the plan (from the rows already read)."""
        return self.knowledge.goal_rows() if self.knowledge is not None else []

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.page_size + 1

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.steps) - 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.all_steps // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _plan_rows(
    index: graph_index.GraphIndex,
    goal: int,
    shown: np.ndarray,
    listed: np.ndarray,
    marked: np.ndarray,
) -> tuple[TopicRow, list[TopicRow], list[TopicRow], list[TopicRow]]:
    """The rows a plan page shows, from the index: the goal's, the steps' (``shown``),
    the ready ones' (``listed``) and the marked ones'."""
    return (
        rows_at(index, [goal])[0],
        rows_at(index, shown),
        rows_at(index, listed),
        rows_at(index, marked),
    )


def plan_build(
    learner: Learner | None,
    goal: Topic,
    *,
    page: int = 1,
    page_size: int = PLAN_PAGE_SIZE,
    ready_limit: int = FRONTIER_LIMIT,
    due: frozenset[int] = frozenset(),
) -> Plan:
    """The plan for ``goal``: the learner's knowledge, goals and practice mastery (a
    constant number of queries, with the graph's stamp unless ``goal`` came with it from
    :func:`knowledge_graph.selectors.topic_get`) and the rows shown, whatever the plan's
    size.

    The steps are in learning order (depth, then title), which puts every topic after
    all its prerequisites; the plan's frontier is the steps whose prerequisites are
    all known, ranked by how many topics they unlock. ``due`` (topic ids due for
    review, :func:`learning.selectors.review.due_topic_ids`) is marked in its picture.
    """
    knowledge = knowledge_get(
        learner=learner,
        also=(goal.pk,),
        stamp=getattr(goal, "graph_stamp", None),  # read with the goal by topic_get
    )
    index, have = knowledge.index, knowledge.have
    goal_position = knowledge.position(goal)
    closure = index.closure(goal_position)
    need, ready = knowledge.state.plan(goal_position)  # need: the goal last if unknown
    steps_all = need[:-1] if need.size and need[-1] == goal_position else need

    pages = max(1, -(-steps_all.size // page_size))
    page = max(1, min(page, pages))
    shown = steps_all[(page - 1) * page_size : page * page_size]
    marked = knowledge.marked  # those in the goal's closure (sorted positions)
    marked = np.sort(marked[g.members(closure, marked)])
    goal_row, shown_rows, ready_rows, marked_rows = _plan_rows(
        index, goal_position, shown, ready[:ready_limit], marked
    )
    steps = PlanSteps(
        (page - 1) * page_size + 1, shown_rows, g.members(np.sort(ready), shown).tolist()
    )
    doubted = present_positions(index, knowledge.doubted)
    doubted = np.sort(doubted[g.members(closure, doubted)])
    return Plan(
        goal=goal_row,
        steps=steps,
        goal_known=bool(have[goal_position]),
        goal_ready=bool((ready == goal_position).any()),
        goal_mastered=goal.pk in knowledge.mastered,
        total=closure.size - 1,
        known=closure.size - 1 - steps_all.size,
        minutes_left=int(index.minutes[need].sum()),
        ready=ready_rows,
        ready_total=ready.size,
        marked=marked_rows,
        doubted=rows_at(index, doubted),
        is_goal=goal.pk in knowledge.goals,
        is_current_goal=knowledge.goals.get(goal.pk, False),
        page=page,
        page_size=page_size,
        all_steps=steps_all.size,
        knowledge=knowledge,
        goal_position=goal_position,
        steps_left=steps_all,
        due=frozenset(due),
    )
