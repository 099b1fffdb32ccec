"""Reads for the learner's side: the one place that knows their queries.

The graph's structure comes from :mod:`knowledge_graph.graph_index` (held in memory, checked
against the database on every call); what a learner knows comes from their rows. A
learner's implicitly known topics are the ones they marked and every prerequisite
of those, derived on every read and never stored. Every read here takes a constant
number of queries whatever the size of the graph, and reads only the rows it shows.

A learner is found from the request (:func:`learner_ref`); every query below
filters by that learner, so one student never reads another's data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np
from django.http import Http404, HttpRequest

from core.links import slug_url
from knowledge_graph import graph as g
from knowledge_graph import graph_index
from knowledge_graph import selectors as graph_selectors
from knowledge_graph.models import Level, Topic
from knowledge_graph.selectors import sql_rows, stamp_columns, stamp_of
from learning.models import Goal, KnownTopic, Learner
from practice import selectors as practice_selectors

FRONTIER_LIMIT = 8
PLAN_PAGE_SIZE = 400


# --- who is asking ----------------------------------------------------------


@dataclass(frozen=True)
class LearnerRef:
    """The request's learner: a signed-in user or an anonymous session.

    ``learner`` is None until the first write creates the row; ``user`` and
    ``session_key`` are what the practice app keys attempts by.
    """

    user: Any | None
    session_key: str | None
    learner: Learner | None

    @property
    def learner_id(self) -> int | None:
        return self.learner.pk if self.learner else None


NOBODY = LearnerRef(user=None, session_key=None, learner=None)


def learner_get(*, user: Any | None, session_key: str | None) -> Learner | None:
    """The learner row of a user, or of an anonymous session (one query), if any."""
    if user is not None:
        return Learner.objects.filter(user=user).first()
    if session_key:
        return Learner.objects.filter(session_key=session_key, user__isnull=True).first()
    return None


def learner_ref(request: HttpRequest) -> LearnerRef:
    """Who the request speaks for; never creates anything."""
    user = request.user if request.user.is_authenticated else None
    session_key = None if user else request.session.session_key
    return LearnerRef(
        user=user, session_key=session_key, learner=learner_get(user=user, session_key=session_key)
    )


# --- the practice app's view of the learner -----------------------------------


def mastered_ids(ref: LearnerRef) -> frozenset[int]:
    """Topics the learner has mastered in practice (apart from what they say they know)."""
    if ref.user is None and not ref.session_key:
        return frozenset()
    return frozenset(
        practice_selectors.mastered_topic_ids(user=ref.user, session_key=ref.session_key)
    )


def attempts_recent(ref: LearnerRef, *, limit: int = 10) -> list:
    """The learner's latest practice attempts, newest first."""
    if ref.user is None and not ref.session_key:
        return []
    return practice_selectors.attempts_recent(
        user=ref.user, session_key=ref.session_key, limit=limit
    )


# --- light topic rows ---------------------------------------------------------


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


# --- what the learner knows -------------------------------------------------------


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


class _Tally:
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
class Progress(_Tally):
    """How far the learner is from ``topic``: its prerequisites known, and what is left.

    ``total`` is the topic's number of prerequisites (its ancestor count, as the
    topic page shows it); the topic itself is counted apart.
    """

    topic_id: int
    total: int
    known: int
    minutes_left: int
    topic_known: bool


def _progress(knowledge: Knowledge, topic_id: int) -> Progress:
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
    return _progress(knowledge_get(learner=learner, also=(topic.pk,)), topic.pk)


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
    graph's stamp, the learner's marked topics and goals, the "known through" row
    and the practice standing (up to three)."""
    learner = ref.learner
    knowledge = knowledge_get(
        learner=learner, also=(topic.pk,), stamp=getattr(topic, "graph_stamp", None)
    )
    progress = _progress(knowledge, topic.pk)
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
    return topic_rows([topic_id]).get(topic_id), len(through) - 1


def topic_status_context(request: HttpRequest, topic: Topic) -> dict:
    """Context for ``learning/_topic_actions.html`` on the topic page."""
    return {"topic_status": topic_status(learner_ref(request), topic)}


# --- the learning plan ----------------------------------------------------------


class PlanStep(NamedTuple):
    number: int  # 1-based place in the whole plan
    topic: TopicRow
    mastered: bool
    ready: bool  # every prerequisite known: can be learned now


class PlanSteps(Sequence[PlanStep]):
    """One page of a plan's steps, kept as columns (a page holds hundreds of steps,
    and the page's template tag reads the columns without building a step each)."""

    __slots__ = ("first", "topics", "mastered", "ready")

    def __init__(
        self, first: int, topics: list[TopicRow], mastered: list[bool], ready: list[bool]
    ) -> None:
        self.first = first  # the number of the first step
        self.topics, self.mastered, self.ready = topics, mastered, ready

    def __len__(self) -> int:
        return len(self.topics)

    def __iter__(self) -> Iterator[PlanStep]:
        numbers = range(self.first, self.first + len(self.topics))
        return map(PlanStep, numbers, self.topics, self.mastered, self.ready)

    def __getitem__(self, i: int | slice) -> PlanStep | list[PlanStep]:
        if isinstance(i, slice):
            return list(self)[i]
        i = range(len(self))[i]  # negative indices; IndexError when out of range
        return PlanStep(self.first + i, self.topics[i], self.mastered[i], self.ready[i])


@dataclass
class Plan(_Tally):
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
    mastered_left: int  # steps mastered in practice though not marked known
    is_goal: bool = False
    is_current_goal: bool = False
    page: int = 1
    page_size: int = PLAN_PAGE_SIZE
    all_steps: int = 0

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
) -> tuple[np.ndarray, tuple[TopicRow, list[TopicRow], list[TopicRow], list[TopicRow]]]:
    """The rows a plan page shows, in one read: the goal's, the steps' (``shown``), the
    ready ones' (``listed``) and the marked ones'. A topic deleted since the index was
    read is left out (``shown`` loses it too); a deleted goal is a 404."""
    rows, complete = rows_at(index, np.concatenate([shown, listed, marked, [goal]]))
    goal_row = rows.pop()
    if goal_row is None:  # deleted since the index was read
        raise Http404("That topic is not in the knowledge graph.")
    parts = [
        rows[: shown.size],
        rows[shown.size : shown.size + listed.size],
        rows[shown.size + listed.size :],
    ]
    if not complete:
        shown = shown[[row is not None for row in parts[0]]]
        parts = [[row for row in part if row is not None] for part in parts]
    return shown, (goal_row, *parts)


def plan_build(
    ref: LearnerRef,
    goal: Topic,
    *,
    page: int = 1,
    page_size: int = PLAN_PAGE_SIZE,
    ready_limit: int = FRONTIER_LIMIT,
) -> Plan:
    """The plan for ``goal``: the learner's knowledge, goals and practice mastery (one
    query, with the graph's stamp unless ``goal`` came with it from
    :func:`knowledge_graph.selectors.topic_get`) and the rows shown (at most one more),
    whatever the plan's size.

    The steps are in learning order (depth, then title), which puts every topic after
    all its prerequisites; the plan's frontier is the steps whose prerequisites are
    all known, ranked by how many topics they unlock.
    """
    knowledge = knowledge_get(
        learner=ref.learner,
        also=(goal.pk,),
        stamp=getattr(goal, "graph_stamp", None),  # read with the goal by topic_get
        mastery_of=ref,
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
    shown, (goal_row, shown_rows, ready_rows, marked_rows) = _plan_rows(
        index, goal_position, shown, ready[:ready_limit], marked
    )
    mastered = knowledge.mastered
    steps = PlanSteps(
        (page - 1) * page_size + 1,
        shown_rows,
        [row.id in mastered for row in shown_rows] if mastered else [False] * shown.size,
        g.members(np.sort(ready), shown).tolist(),
    )
    mastered_at = index.positions(sorted(mastered)) if mastered else np.empty(0, np.int32)
    return Plan(
        goal=goal_row,
        steps=steps,
        goal_known=bool(have[goal_position]),
        goal_ready=bool((ready == goal_position).any()),
        goal_mastered=goal.pk in mastered,
        total=closure.size - 1,
        known=closure.size - 1 - steps_all.size,
        minutes_left=int(index.minutes[need].sum()),
        ready=ready_rows,
        ready_total=ready.size,
        marked=marked_rows,
        mastered_left=int(np.count_nonzero(g.members(steps_all, mastered_at))),
        is_goal=goal.pk in knowledge.goals,
        is_current_goal=knowledge.goals.get(goal.pk, False),
        page=page,
        page_size=page_size,
        all_steps=steps_all.size,
    )


# --- the dashboard ------------------------------------------------------------------


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
    rows = topic_rows(ids)
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


def known_list(*, learner: Learner | None) -> list[KnownTopic]:
    """The topics the learner marked known, newest first."""
    if learner is None:
        return []
    return list(
        KnownTopic.objects.filter(learner=learner)
        .select_related("topic")
        .only("id", "created_at", "learner_id", *(f"topic__{f}" for f in _TOPIC_FIELDS))
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
    goals: list[Goal]
    current: Goal | None
    progress: Progress | None
    ready: list[TopicRow]
    ready_total: int
    known: list[KnownTopic]
    attempts: list
    mastered: list[TopicRow]  # topics mastered in practice, by title

    @cached_property
    def other_goals(self) -> list[Goal]:
        return [goal for goal in self.goals if not goal.is_current]

    @cached_property
    def mastered_ids(self) -> frozenset[int]:
        return frozenset(row.id for row in self.mastered)


def dashboard_get(ref: LearnerRef) -> Dashboard:
    """Everything the dashboard shows, in a constant number of queries."""
    goals = goal_list(learner=ref.learner)
    current = next((goal for goal in goals if goal.is_current), None)
    known = known_list(learner=ref.learner)
    knowledge = knowledge_get(
        learner=ref.learner,
        also=(current.topic_id,) if current else (),
        marked=[k.topic_id for k in known],
    )
    ready, ready_total = frontier_global(learner=ref.learner, knowledge=knowledge)
    mastered = topic_rows(sorted(mastered_ids(ref)))
    return Dashboard(
        goals=goals,
        current=current,
        progress=_progress(knowledge, current.topic_id) if current else None,
        ready=ready,
        ready_total=ready_total,
        known=known,
        attempts=attempts_recent(ref),
        mastered=sorted(mastered.values(), key=lambda row: (row.title, row.id)),
    )


def current_goal(*, learner: Learner | None) -> Topic | None:
    """The topic of the learner's current goal, if any (one query)."""
    if learner is None:
        return None
    goal = Goal.objects.filter(learner=learner, is_current=True).select_related("topic").first()
    return goal.topic if goal else None
