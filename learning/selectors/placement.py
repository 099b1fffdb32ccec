"""Reads for placement: the belief after a student's answers, the next question, the
outcome. The assessment itself is :mod:`learning.placement` (pure); this module feeds it
the graph index and the topics that have questions, and reads the rows a page shows.

A placement in progress is a small dict kept in the session (see
:mod:`learning.views_placement`): the goal's id, the answers as ``[topic id, right]``
pairs, and the question on screen. Everything else is rebuilt from those on each
request: the goal's prior sample is kept by the process, and replaying 25 answers costs
well under a millisecond (``benchmarks/bench_placement.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from knowledge_graph.graph_index import GraphIndex
from knowledge_graph.models import Topic
from knowledge_graph.selectors import graph_index
from learning import placement
from learning.selectors.rows import TopicRow, rows_at
from practice import selectors as practice_selectors
from practice.models import QuestionTemplate

BUDGET = placement.BUDGET
READY_SHOWN = 8


@dataclass(frozen=True)
class Step:
    """Where a placement in progress stands."""

    index: GraphIndex
    goal: int  # position
    belief: placement.Belief
    next_topic_id: int | None  # None: confident, out of questions or at the budget

    @property
    def asked(self) -> int:
        return len(self.belief.answers)


@dataclass(frozen=True)
class Outcome:
    """What placement concluded: the topics known (every one, and the few whose
    prerequisites make up the rest), the goal's frontier and its size."""

    goal: Topic
    known_ids: list[int]
    marked_ids: list[int]  # the known topics no other known topic needs
    total: int  # topics below the goal, the goal included
    ready: list[TopicRow]
    ready_total: int
    asked: int


def askable_positions(index: GraphIndex) -> np.ndarray:
    """Positions of the topics that have active questions."""
    positions = index.positions(list(practice_selectors.question_counts()))
    return positions[positions >= 0]


def placement_step(*, goal: Topic, answers: list[list[int]]) -> Step:
    """The belief after ``answers`` (``[topic id, right]``) and the topic to ask next."""
    index = graph_index()
    goal_position = index.position(goal.pk)
    if goal_position < 0:
        index = graph_index(refresh=True)
        goal_position = index.position(goal.pk)
    sample = placement.sample_for(index, goal_position)
    positions = index.positions([topic_id for topic_id, _ in answers]) if answers else []
    held = [
        (int(p), bool(right)) for p, (_, right) in zip(positions, answers, strict=True) if p >= 0
    ]
    belief = placement.Belief.replay(sample, held)
    next_id = None
    if len(held) < BUDGET and not belief.confident():
        chosen = belief.next_topic(askable_positions(index))
        next_id = None if chosen is None else int(index.ids[chosen])
    return Step(index, goal_position, belief, next_id)


def placement_question(*, topic_id: int, asked_before: int) -> QuestionTemplate | None:
    """One of the topic's questions: the next in its order each time it is asked again."""
    questions = list(
        QuestionTemplate.objects.filter(topic_id=topic_id, is_active=True).select_related("topic")
    )
    return questions[asked_before % len(questions)] if questions else None


def placement_outcome(*, goal: Topic, step: Step) -> Outcome:
    """The known set, its marks and the goal's frontier, from the finished ``step``."""
    index, belief = step.index, step.belief
    marks = belief.marks()
    _, ready = index.learner_state(marks).plan(step.goal)
    return Outcome(
        goal=goal,
        known_ids=index.topic_ids(belief.known()),
        marked_ids=index.topic_ids(marks),
        total=belief.sample.positions.size,
        ready=rows_at(index, ready[:READY_SHOWN]),
        ready_total=int(ready.size),
        asked=step.asked,
    )
