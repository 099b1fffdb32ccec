"""What a learner knows, their progress towards a topic and the topic page's status.

The graph's structure comes from :mod:`knowledge_graph.graph_index` (held in memory,
checked against the database on every call); what a learner knows comes from their
rows. A learner's implicitly known topics are the ones they marked and every
prerequisite of those, derived on every read and never stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.http import Http404, HttpRequest

from core.links import slug_url
from knowledge_graph import graph as g
from knowledge_graph import graph_index
from knowledge_graph import selectors as graph_selectors
from knowledge_graph.models import Topic
from learners.models import Learner
from learning.models import Goal, KnownTopic
from learning.selectors.learners import request_learner
from learning.selectors.rows import GoalRow, KnownRow, TopicRow, topic_rows
from practice import selectors as practice_selectors


def _learner_rows(
    learner: Learner,
) -> tuple[dict[int, str], dict[int, bool], dict[int, practice_selectors.Mastery]]:
    """The topics the learner marked known (topic id → who said so, newest first), their
    goals (topic id → is current; the current one first, then in the order they were
    set) and their practice standing on every topic they practised (ORM reads: two here,
    two in practice's). The pages list marks and goals from these rows, so that each is
    read once a page."""
    marks = dict(KnownTopic.objects.filter(learner_id=learner.pk).values_list("topic_id", "source"))
    goals = dict(Goal.objects.filter(learner_id=learner.pk).values_list("topic_id", "is_current"))
    return marks, goals, practice_selectors.topic_masteries(learner)


@dataclass
class Knowledge:
    """A learner's knowledge on the graph index.

    What counts as known comes from two sources kept apart: the topics the learner marked
    (``marked``: "I know this", or a placement) and the topics they mastered in practice
    (``mastered``, topic ids); both make their prerequisites known too. A topic whose
    recent practice went badly (``doubted``, topic ids) is not known, whatever marks or
    needs it: it is back in the plan. ``have`` marks every position known that way;
    ``goals`` maps the learner's goal topic ids to whether each is the current one.
    """

    index: graph_index.GraphIndex
    marked: np.ndarray
    state: graph_index.LearnerState
    goals: dict[int, bool]
    mastered: frozenset[int] = frozenset()
    doubted: frozenset[int] = frozenset()
    masteries: dict[int, practice_selectors.Mastery] = field(default_factory=dict)
    marks: dict[int, str] = field(default_factory=dict)  # marked topic id → its source

    @property
    def have(self) -> np.ndarray:
        return self.state.have

    def position(self, topic: Topic | int) -> int:
        found = self.index.position(topic if isinstance(topic, int) else topic.pk)
        if found < 0:
            raise Http404("That topic is not in the knowledge graph.")
        return found

    def goal_rows(self) -> list[GoalRow]:
        """The learner's goals, the current one first, then in the order they were set."""
        rows = topic_rows(list(self.goals), index=self.index)
        return [GoalRow(rows[t], current) for t, current in self.goals.items() if t in rows]

    def known_rows(self) -> list[KnownRow]:
        """The topics the learner marked known, newest first, with who said so."""
        rows = topic_rows(list(self.marks), index=self.index)
        return [KnownRow(rows[t], source) for t, source in self.marks.items() if t in rows]


def present_positions(index: graph_index.GraphIndex, ids) -> np.ndarray:
    """The positions of the topic ids ``ids`` that are in ``index``."""
    if not ids:
        return np.empty(0, dtype=np.int32)
    positions = index.positions(list(ids))
    return positions[positions >= 0]  # a topic deleted in the meantime


def knowledge_get(
    *,
    learner: Learner | None,
    also: tuple[int, ...] = (),
    stamp: tuple | None = None,
) -> Knowledge:
    """The learner's knowledge, goals and practice (a constant number of queries).
    ``stamp`` is the graph's stamp if the caller has read it (the topic page reads it
    with the topic), saving that query. ``also`` names topic ids the caller will look
    up, so that the index is reloaded if one of them is newer than it.
    """
    marks: dict[int, str] = {}
    goals: dict[int, bool] = {}
    masteries: dict[int, practice_selectors.Mastery] = {}
    if learner is not None:
        marks, goals, masteries = _learner_rows(learner)
    marked = list(marks)
    mastered = frozenset(t for t, m in masteries.items() if m.mastered)
    doubted = frozenset(t for t, m in masteries.items() if m.struggling)
    index = graph_selectors.graph_index(stamp=stamp)
    wanted = [*marked, *goals, *mastered, *also]
    if wanted and (index.positions(wanted) < 0).any():
        index = graph_selectors.graph_index(refresh=True)
    positions = present_positions(index, marked)
    state = index.learner_state(
        np.concatenate([positions, present_positions(index, mastered)]),
        doubted=present_positions(index, doubted),
    )
    return Knowledge(
        index=index,
        marked=positions,
        state=state,
        goals=goals,
        mastered=mastered,
        doubted=doubted,
        masteries=masteries,
        marks=marks,
    )


# --- progress towards one topic ------------------------------------------------


class Tally:
    """What is left, as a count, a percentage and hours, from ``total``, ``known`` and
    ``minutes_left``."""

    total: int
    known: int
    minutes_left: int

    @property
    def left(self) -> int:
        return self.total - self.known

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.known / self.total)

    @property
    def hours_left(self) -> float:
        return round(self.minutes_left / 60, 1)


@dataclass(frozen=True)
class Progress(Tally):
    """How far the learner is from ``topic``: its prerequisites known, and what is left.

    ``total`` is the topic's number of prerequisites (its ancestor count, as the
    topic page shows it); the topic itself is counted apart.
    """

    topic_id: int
    total: int
    known: int
    minutes_left: int
    topic_known: bool


def progress_of(knowledge: Knowledge, topic_id: int) -> Progress:
    index = knowledge.index
    position = knowledge.position(topic_id)
    closure = index.closure(position)  # the topic is last
    known = knowledge.have[closure]
    return Progress(
        topic_id=topic_id,
        total=closure.size - 1,
        known=int(np.count_nonzero(known[:-1])),
        minutes_left=int(index.minutes[closure[~known]].sum()),
        topic_known=bool(known[-1]),
    )


def progress_get(*, learner: Learner | None, topic: Topic) -> Progress:
    """Prerequisites of ``topic`` known and left, and the minutes left (one query).

    ``minutes_left`` counts every unknown prerequisite and the topic itself if unknown.
    """
    return progress_of(knowledge_get(learner=learner, also=(topic.pk,)), topic.pk)


# --- the topic page -----------------------------------------------------------


@dataclass(frozen=True)
class TopicStatus:
    """What the topic page says about the learner and one topic.

    What the learner said (``known``: marked, by "I know this" or a placement) and what
    practice showed (``mastery``) are kept apart; ``state`` says which made the topic
    known, if anything did.
    """

    topic: Topic
    known: bool  # the learner marked it known
    implicit: bool  # known because a topic that needs it is known
    via: TopicRow | None  # a marked topic that needs it (the nearest: least deep, by title)
    via_others: int  # how many other marked topics also need it
    mastery: practice_selectors.Mastery
    doubted: bool  # practice went badly lately: back in the plan, whatever said known
    is_goal: bool
    is_current_goal: bool
    progress: Progress
    # What the status was worked out from (with what the learner mastered in practice),
    # for the picture of the graph around the topic.
    knowledge: Knowledge | None = field(default=None, compare=False, repr=False)

    @property
    def mastered(self) -> bool:
        return self.mastery.mastered

    @property
    def plan_url(self) -> str:
        return slug_url("plan_for", self.topic.slug)

    @property
    def state(self) -> str:
        if self.doubted:
            return "doubted"
        if self.mastered:
            return "mastered"
        if self.known:
            return "known"
        if self.implicit:
            return "implicit"
        return "new"

    @property
    def label(self) -> str:
        if self.doubted:
            return "Back in your plan"
        if self.mastered:
            return "Known: mastered in practice"
        if self.known:
            return "Known"
        if self.via is not None:
            return f"Known through {self.via.title}"
        if self.implicit:
            return "Known through practice"
        return "New"


def topic_status(learner: Learner | None, topic: Topic) -> TopicStatus:
    """The learner's status for ``topic``, in a constant number of queries: the
    learner's marked topics, goals and practice, and the "known through" row."""
    knowledge = knowledge_get(
        learner=learner,
        also=(topic.pk,),
        stamp=getattr(topic, "graph_stamp", None),
    )
    progress = progress_of(knowledge, topic.pk)
    position = knowledge.position(topic)
    known = bool(np.any(knowledge.marked == position))
    mastery = knowledge.masteries.get(topic.pk) or practice_selectors.topic_mastery(
        learner=None, topic=topic
    )
    implicit = progress.topic_known and not known and not mastery.mastered
    via, via_others = _known_through(knowledge, position) if implicit else (None, 0)
    return TopicStatus(
        topic=topic,
        known=known,
        implicit=implicit,
        via=via,
        via_others=via_others,
        mastery=mastery,
        doubted=topic.pk in knowledge.doubted,
        is_goal=topic.pk in knowledge.goals,
        is_current_goal=knowledge.goals.get(topic.pk, False),
        progress=progress,
        knowledge=knowledge,
    )


def _known_through(knowledge: Knowledge, position: int) -> tuple[TopicRow | None, int]:
    """The marked topics that have ``position`` among their prerequisites: the nearest
    one (least deep, then by title: the smallest position) and how many others."""
    index = knowledge.index
    through = sorted(
        int(p)
        for p in knowledge.marked
        if p != position and g.members(index.closure(int(p)), position)
    )
    if not through:
        return None, 0
    topic_id = int(index.ids[through[0]])
    return topic_rows([topic_id], index=index).get(topic_id), len(through) - 1


def topic_status_context(request: HttpRequest, topic: Topic) -> dict:
    """Context for ``learning/_topic_actions.html`` on the topic page."""
    return {"topic_status": topic_status(request_learner(request), topic)}
