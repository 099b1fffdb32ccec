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
from knowledge_graph.selectors import sql_rows, stamp_columns, stamp_of
from learning.models import Goal, KnownTopic, Learner
from learning.selectors.learners import LearnerRef, learner_ref, mastered_ids
from learning.selectors.rows import TopicRow, topic_rows
from practice import selectors as practice_selectors

_K = KnownTopic._meta.db_table
_G = Goal._meta.db_table


def _learner_rows(
    learner: Learner, *, mastery_of: LearnerRef | None = None, stamp: bool = True
) -> tuple[list[int], dict[int, bool], tuple | None, frozenset[int] | None]:
    """In one query: the topics the learner marked known, their goals (topic id → is
    current), the graph's stamp (as :func:`knowledge_graph.selectors.graph_stamp` reads it;
    ``None`` if not asked for) and, with ``mastery_of`` (the same learner's practice
    identity), the topics they mastered in practice (else ``None``)."""
    none = "NULL, NULL, NULL, NULL"
    branches = [
        f"SELECT topic_id, 0, {none} FROM {_K} WHERE learner_id = %s",
        f"""SELECT topic_id, CASE WHEN is_current THEN 2 ELSE 1 END, {none} FROM {_G}
        WHERE learner_id = %s""",
    ]
    params = [learner.pk, learner.pk]
    if stamp:
        # First: on SQLite a union's columns take their types (here the recompute
        # time's) from its first SELECT.
        branches.insert(0, f"SELECT NULL, 3, {stamp_columns()}")
    practised = mastery_of and practice_selectors.mastered_sql(
        user=mastery_of.user, session_key=mastery_of.session_key
    )
    if practised:
        branches.append(f"SELECT topic_id, 4, {none} FROM ({practised[0]}) practised")
        params += practised[1]
    sql = "\nUNION ALL\n".join(branches)
    found = sql_rows(sql, params)
    read = next((stamp_of(row[2:]) for row in found if row[1] == 3), None)
    marked = [row[0] for row in found if row[1] == 0]
    goals = {row[0]: row[1] == 2 for row in found if row[1] in (1, 2)}
    mastered = frozenset(row[0] for row in found if row[1] == 4) if mastery_of else None
    return marked, goals, read, mastered


@dataclass
class Knowledge:
    """A learner's knowledge on the graph index: ``have`` marks every position known
    explicitly or implicitly; ``marked`` are the positions the learner marked;
    ``goals`` maps the learner's goal topic ids to whether each is the current one."""

    index: graph_index.GraphIndex
    marked: np.ndarray
    state: graph_index.LearnerState
    goals: dict[int, bool]
    mastered: frozenset[int] = frozenset()  # mastered in practice, when asked for

    @property
    def have(self) -> np.ndarray:
        return self.state.have

    def position(self, topic: Topic | int) -> int:
        found = self.index.position(topic if isinstance(topic, int) else topic.pk)
        if found < 0:
            raise Http404("That topic is not in the knowledge graph.")
        return found


def knowledge_get(
    *,
    learner: Learner | None,
    also: tuple[int, ...] = (),
    marked: list[int] | None = None,
    stamp: tuple | None = None,
    mastery_of: LearnerRef | None = None,
) -> Knowledge:
    """The learner's knowledge and goals, in one query: the learner's rows with the
    graph's stamp. With ``marked`` ids given (or no learner), the goals are left empty
    and only the stamp is read, unless ``stamp`` is given too: then nothing is read.
    ``also`` names topic ids the caller will look up, so that the index is reloaded if
    one of them is newer than it. With ``mastery_of`` (the learner's practice identity)
    the learner's query also reads what they mastered in practice.
    """
    goals: dict[int, bool] = {}
    mastered = None
    if marked is None and learner is not None:
        marked, goals, read, mastered = _learner_rows(
            learner, mastery_of=mastery_of, stamp=stamp is None
        )
        stamp = stamp or read
    if mastered is None and mastery_of is not None:  # no learner row: a visitor
        mastered = mastered_ids(mastery_of)
    index = graph_selectors.graph_index(stamp=stamp)
    marked = marked or []
    wanted = [*marked, *also]
    if wanted and (index.positions(wanted) < 0).any():
        index = graph_selectors.graph_index(refresh=True)
    positions = index.positions(marked) if marked else np.empty(0, dtype=np.int32)
    positions = positions[positions >= 0]  # a topic deleted in the meantime
    return Knowledge(
        index=index,
        marked=positions,
        state=index.learner_state(positions),
        goals=goals,
        mastered=mastered or frozenset(),
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

    Knowledge (what the learner says they know) and mastery (what practice showed)
    are kept apart: ``state`` is about knowledge only.
    """

    topic: Topic
    known: bool  # the learner marked it known
    implicit: bool  # known because a topic that needs it is marked known
    via: TopicRow | None  # that topic (the nearest one: least deep, then by title)
    via_others: int  # how many other marked topics also need it
    mastery: practice_selectors.Mastery
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
        if self.known:
            return "known"
        if self.implicit:
            return "implicit"
        return "new"

    @property
    def label(self) -> str:
        if self.known:
            return "Known"
        if self.implicit and self.via is not None:
            return f"Known through {self.via.title}"
        if self.implicit:
            return "Known"
        return "New"


def topic_status(ref: LearnerRef, topic: Topic) -> TopicStatus:
    """The learner's status for ``topic``, in a constant number of queries: the
    graph's stamp, the learner's marked topics, goals and topics mastered in practice
    (one query; a visitor without a learner row reads the mastered topics apart), the
    "known through" row and the practice standing."""
    learner = ref.learner
    knowledge = knowledge_get(
        learner=learner,
        also=(topic.pk,),
        stamp=getattr(topic, "graph_stamp", None),
        mastery_of=ref,
    )
    progress = progress_of(knowledge, topic.pk)
    position = knowledge.position(topic)
    known = bool(np.any(knowledge.marked == position))
    implicit = progress.topic_known and not known
    via, via_others = _known_through(knowledge, position) if implicit else (None, 0)
    return TopicStatus(
        topic=topic,
        known=known,
        implicit=implicit,
        via=via,
        via_others=via_others,
        mastery=practice_selectors.topic_mastery(
            user=ref.user, session_key=ref.session_key, topic=topic
        ),
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
    return {"topic_status": topic_status(learner_ref(request), topic)}
