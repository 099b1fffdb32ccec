"""Reads for the learner's side: the one place that knows their queries.

Everything is answered in a constant number of queries, whatever the size of
the graph: the goal's prerequisite subgraph comes from one recursive CTE, the
learner's implicitly known topics (the known ones and all their prerequisites)
from another, and the pure functions of :mod:`knowledge_graph.graph` run on
that subgraph only. Nothing here loads the whole graph.

A learner is found from the request (:func:`learner_ref`); every query below
filters by that learner, so one student never reads another's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db import connection
from django.http import HttpRequest
from django.urls import reverse

from knowledge_graph import graph as g
from knowledge_graph.models import Level, Prerequisite, Topic
from practice import selectors as practice_selectors
from tutor.models import Goal, KnownTopic, Learner

FRONTIER_LIMIT = 8
PLAN_PAGE_SIZE = 400

_T = Topic._meta.db_table
_E = Prerequisite._meta.db_table
_K = KnownTopic._meta.db_table
_G = Goal._meta.db_table

# The learner's implicitly known topics: the known ones and every prerequisite of them.
# One parameter: the learner id (None gives the empty set).
_HAVE = f"""have(id) AS (
    SELECT topic_id FROM {_K} WHERE learner_id = %s
    UNION
    SELECT e.prerequisite_id FROM {_E} e JOIN have h ON e.dependent_id = h.id
)"""

# A topic and all its prerequisites. One parameter: the topic id.
_SUB = f"""sub(id) AS (
    SELECT id FROM {_T} WHERE id = %s
    UNION
    SELECT e.prerequisite_id FROM {_E} e JOIN sub s ON e.dependent_id = s.id
)"""

_TOPIC_COLUMNS = "t.id, t.slug, t.title, t.level, t.depth, t.minutes, t.descendant_count"


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
        return _url("topic_detail", self.slug)

    @property
    def known_url(self) -> str:
        return _url("known_add", self.slug)

    @property
    def level_label(self) -> str:
        return Level(self.level).label


_URL_PREFIXES: dict[str, str] = {}


def _url(name: str, slug: str) -> str:
    """``reverse(name, args=[slug])`` without resolving the pattern for every row."""
    prefix = _URL_PREFIXES.get(name)
    if prefix is None:
        marker = "--slug--"
        url = reverse(name, args=[marker])
        prefix = _URL_PREFIXES[name] = (
            url[: url.index(marker)] + "{}" + url[url.index(marker) + len(marker) :]
        )
    return prefix.format(slug)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- progress towards one topic ------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """How far the learner is from ``topic``: its prerequisites known, and what is left.

    ``total`` is the topic's number of prerequisites (its ancestor count, as the
    topic page shows it); the topic itself is counted apart.
    """

    topic_id: int
    total: int
    known: int
    minutes_left: int
    topic_known: bool

    @property
    def left(self) -> int:
        return self.total - self.known

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.known / self.total)

    @property
    def hours_left(self) -> float:
        return round(self.minutes_left / 60, 1)


def progress_get(*, learner: Learner | None, topic: Topic) -> Progress:
    """Prerequisites of ``topic`` known and left, and the minutes left (one query).

    ``minutes_left`` counts every unknown prerequisite and the topic itself if unknown.
    """
    sql = f"""WITH RECURSIVE {_HAVE}, {_SUB}
    SELECT
        COUNT(*) - 1,
        COALESCE(SUM(CASE WHEN h.id IS NOT NULL AND s.id <> %s THEN 1 ELSE 0 END), 0),
        COALESCE(SUM(CASE WHEN h.id IS NULL THEN t.minutes ELSE 0 END), 0),
        COALESCE(SUM(CASE WHEN h.id IS NOT NULL AND s.id = %s THEN 1 ELSE 0 END), 0)
    FROM sub s JOIN {_T} t ON t.id = s.id LEFT JOIN have h ON h.id = s.id"""
    lid = learner.pk if learner else None
    total, known, minutes, topic_known = _rows(sql, [lid, topic.pk, topic.pk, topic.pk])[0]
    return Progress(
        topic_id=topic.pk,
        total=total,
        known=known,
        minutes_left=minutes,
        topic_known=bool(topic_known),
    )


# --- the topic page -----------------------------------------------------------


@dataclass(frozen=True)
class TopicStatus:
    """What the topic page says about the learner and one topic."""

    topic: Topic
    known: bool  # the learner marked it known
    implicit: bool  # known because a topic that needs it is known
    via: TopicRow | None  # that topic (the nearest one, by depth)
    via_others: int  # how many other known topics also need it
    mastered: bool  # from practice, apart from self-reported knowledge
    is_goal: bool
    is_current_goal: bool
    progress: Progress

    @property
    def state(self) -> str:
        if self.known:
            return "known"
        if self.implicit:
            return "implicit"
        if self.mastered:
            return "mastered"
        return "new"

    @property
    def label(self) -> str:
        if self.known:
            return "Known"
        if self.implicit and self.via is not None:
            return f"Known through {self.via.title}"
        if self.implicit:
            return "Known"
        if self.mastered:
            return "Mastered in practice"
        return "New"


def topic_status(ref: LearnerRef, topic: Topic) -> TopicStatus:
    """The learner's status for ``topic``: two to four queries, whatever the graph's size."""
    learner = ref.learner
    progress = progress_get(learner=learner, topic=topic)
    known = implicit = is_goal = is_current = False
    via, via_others = None, 0
    if learner is not None:
        known = KnownTopic.objects.filter(learner=learner, topic=topic).exists()
        goal = Goal.objects.filter(learner=learner, topic=topic).values("is_current").first()
        is_goal, is_current = goal is not None, bool(goal and goal["is_current"])
        implicit = progress.topic_known and not known
        if implicit:
            via, via_others = _known_through(learner, topic)
    return TopicStatus(
        topic=topic,
        known=known,
        implicit=implicit,
        via=via,
        via_others=via_others,
        mastered=topic.pk in mastered_ids(ref),
        is_goal=is_goal,
        is_current_goal=is_current,
        progress=progress,
    )


def _known_through(learner: Learner, topic: Topic) -> tuple[TopicRow | None, int]:
    """A known topic that has ``topic`` among its prerequisites, nearest first (one query).

    Walks down from ``topic`` through implicitly known topics only: every topic on
    a path to a known one is itself implicitly known, so the walk stays small.
    """
    sql = f"""WITH RECURSIVE {_HAVE},
    down(id) AS (
        SELECT %s
        UNION
        SELECT e.dependent_id FROM {_E} e JOIN down d ON e.prerequisite_id = d.id
        WHERE e.dependent_id IN (SELECT id FROM have)
    )
    SELECT {_TOPIC_COLUMNS}, COUNT(*) OVER ()
    FROM down d JOIN {_K} k ON k.topic_id = d.id AND k.learner_id = %s
    JOIN {_T} t ON t.id = d.id
    WHERE d.id <> %s
    ORDER BY t.depth, t.title, t.id
    LIMIT 1"""
    rows = _rows(sql, [learner.pk, topic.pk, learner.pk, topic.pk])
    if not rows:
        return None, 0
    *columns, n = rows[0]
    return TopicRow(*columns), n - 1


def topic_status_context(request: HttpRequest, topic: Topic) -> dict:
    """Context for ``tutor/_topic_actions.html`` on the topic page."""
    return {"topic_status": topic_status(learner_ref(request), topic)}


# --- the learning plan ----------------------------------------------------------


@dataclass(frozen=True)
class PlanStep:
    topic: TopicRow
    mastered: bool
    ready: bool  # every prerequisite known: can be learned now


@dataclass
class Plan:
    """Every prerequisite of ``goal`` not yet known, each after all its prerequisites."""

    goal: TopicRow
    steps: list[PlanStep]  # the prerequisites left, in learning order (goal excluded)
    goal_known: bool
    goal_ready: bool
    goal_mastered: bool
    total: int  # the goal's prerequisites (its ancestor count)
    known: int  # of them known, explicitly or implicitly
    minutes_left: int  # the steps and the goal itself, if unknown
    ready: list[TopicRow]  # the plan's frontier, most downstream topics first
    is_goal: bool = False
    is_current_goal: bool = False
    page: int = 1
    page_size: int = PLAN_PAGE_SIZE
    all_steps: int = field(default=0)

    @property
    def left(self) -> int:
        return self.total - self.known

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.known / self.total)

    @property
    def hours_left(self) -> float:
        return round(self.minutes_left / 60, 1)

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.page_size + 1

    @property
    def last_number(self) -> int:
        return self.first_number + len(self.steps) - 1

    @property
    def has_next(self) -> bool:
        return self.page * self.page_size < self.all_steps

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def plan_build(
    ref: LearnerRef, goal: Topic, *, page: int = 1, page_size: int = PLAN_PAGE_SIZE
) -> Plan:
    """The plan for ``goal``: three queries for the subgraph and the learner's knowledge,
    one for mastery, one for the goal row; then :func:`graph.learning_plan` and
    :func:`graph.frontier` on the subgraph."""
    lid = ref.learner_id
    rows = _rows(
        f"""WITH RECURSIVE {_HAVE}, {_SUB}
        SELECT {_TOPIC_COLUMNS}, CASE WHEN h.id IS NULL THEN 0 ELSE 1 END
        FROM sub s JOIN {_T} t ON t.id = s.id LEFT JOIN have h ON h.id = s.id""",
        [lid, goal.pk],
    )
    edges = _rows(
        f"""WITH RECURSIVE {_SUB}
        SELECT e.prerequisite_id, e.dependent_id FROM sub s JOIN {_E} e ON e.dependent_id = s.id""",
        [goal.pk],
    )
    topics = {r[0]: TopicRow(*r[:7]) for r in rows}
    have = {r[0] for r in rows if r[7]}
    sub = g.build(topics, edges)

    def order_key(n: int) -> tuple:
        return (topics[n].depth, topics[n].title, n)

    def slug_key(n: int) -> str:
        return topics[n].slug

    order = g.learning_plan(sub, goal.pk, have, key=order_key)
    todo = set(order)
    descendant_count = {n: topics[n].descendant_count for n in todo}
    ready_ids = g.frontier(sub, have, descendant_count, within=todo, key=slug_key)
    ready_set = set(ready_ids)
    mastered = mastered_ids(ref)

    steps_all = [n for n in order if n != goal.pk]
    page = max(1, min(page, 1 + max(len(steps_all) - 1, 0) // page_size))
    shown = steps_all[(page - 1) * page_size : page * page_size]
    goal_row = Goal.objects.filter(learner_id=lid, topic=goal).values("is_current").first()
    return Plan(
        goal=topics[goal.pk],
        steps=[PlanStep(topics[n], n in mastered, n in ready_set) for n in shown],
        goal_known=goal.pk in have,
        goal_ready=goal.pk in ready_set,
        goal_mastered=goal.pk in mastered,
        total=len(topics) - 1,
        known=len(have) - (goal.pk in have),
        minutes_left=sum(topics[n].minutes for n in order),
        ready=[topics[n] for n in ready_ids],
        is_goal=goal_row is not None,
        is_current_goal=bool(goal_row and goal_row["is_current"]),
        page=page,
        page_size=page_size,
        all_steps=len(steps_all),
    )


# --- the dashboard ------------------------------------------------------------------


def frontier_global(*, learner: Learner | None, limit: int = FRONTIER_LIMIT) -> tuple[list, int]:
    """Topics ready to learn (not known, every prerequisite known), most downstream
    topics first, and how many there are in all (one query).

    Candidates are the roots and the dependents of known topics, so the query
    touches the learner's neighbourhood rather than the whole graph.
    """
    sql = f"""WITH RECURSIVE {_HAVE},
    cand(id) AS (
        SELECT id FROM {_T} WHERE depth = 0
        UNION
        SELECT e.dependent_id FROM have h JOIN {_E} e ON e.prerequisite_id = h.id
    )
    SELECT {_TOPIC_COLUMNS}, COUNT(*) OVER ()
    FROM cand c JOIN {_T} t ON t.id = c.id
    WHERE c.id NOT IN (SELECT id FROM have)
      AND NOT EXISTS (
          SELECT 1 FROM {_E} e
          WHERE e.dependent_id = c.id AND e.prerequisite_id NOT IN (SELECT id FROM have)
      )
    ORDER BY t.descendant_count DESC, t.slug
    LIMIT %s"""
    rows = _rows(sql, [learner.pk if learner else None, limit])
    total = rows[0][-1] if rows else 0
    return [TopicRow(*r[:-1]) for r in rows], total


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


@dataclass(frozen=True)
class Dashboard:
    goals: list[Goal]
    current: Goal | None
    progress: Progress | None
    ready: list[TopicRow]
    ready_total: int
    known: list[KnownTopic]
    attempts: list
    mastered: frozenset[int]

    @cached_property
    def other_goals(self) -> list[Goal]:
        return [goal for goal in self.goals if not goal.is_current]


def dashboard_get(ref: LearnerRef) -> Dashboard:
    """Everything the dashboard shows, in a constant number of queries."""
    goals = goal_list(learner=ref.learner)
    current = next((goal for goal in goals if goal.is_current), None)
    ready, ready_total = frontier_global(learner=ref.learner)
    return Dashboard(
        goals=goals,
        current=current,
        progress=progress_get(learner=ref.learner, topic=current.topic) if current else None,
        ready=ready,
        ready_total=ready_total,
        known=known_list(learner=ref.learner),
        attempts=attempts_recent(ref),
        mastered=mastered_ids(ref),
    )


def current_goal(*, learner: Learner | None) -> Topic | None:
    """The topic of the learner's current goal, if any (one query)."""
    if learner is None:
        return None
    goal = Goal.objects.filter(learner=learner, is_current=True).select_related("topic").first()
    return goal.topic if goal else None
