"""Writes for the learner's side: known topics, goals, the memory of topics for spaced
review, accounts, the merge of an anonymous session into an account, and the clean-up
of anonymous data whose session is gone.

Every function takes the learner it acts for (or the user and session key to
find it by); none takes an id from a URL, so a student can only change their own
data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from knowledge_graph import selectors as graph_selectors
from knowledge_graph.models import Topic
from learners.models import Learner
from learning import review
from learning.models import Goal, KnownTopic, TopicMemory
from learning.selectors import review as review_selectors
from practice import selectors as practice_selectors
from practice import services as practice_services
from practice.models import Attempt, SolutionReveal

# --- known topics ---------------------------------------------------------------


@transaction.atomic
def known_add(*, learner: Learner, topic: Topic) -> KnownTopic:
    """Mark ``topic`` known (idempotent). Its prerequisites become known implicitly.
    A topic placement had found becomes the student's own mark."""
    known, _ = KnownTopic.objects.update_or_create(
        learner=learner, topic=topic, defaults={"source": KnownTopic.Source.SELF}
    )
    return known


@transaction.atomic
def known_from_placement(*, learner: Learner, topic_ids: list[int]) -> int:
    """Replace what placement marked known for ``learner`` with ``topic_ids`` (the known
    topics no other known topic needs; their prerequisites follow implicitly). The
    student's own marks stay as they are. Returns how many marks were written."""
    _lock(learner)
    KnownTopic.objects.filter(learner=learner, source=KnownTopic.Source.PLACEMENT).delete()
    own = set(
        KnownTopic.objects.filter(learner=learner, topic_id__in=topic_ids).values_list(
            "topic_id", flat=True
        )
    )
    new = [
        KnownTopic(learner=learner, topic_id=topic_id, source=KnownTopic.Source.PLACEMENT)
        for topic_id in topic_ids
        if topic_id not in own
    ]
    KnownTopic.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def known_remove(*, learner: Learner, topic: Topic) -> bool:
    """Un-mark ``topic``; prerequisites known only through it become unknown again.

    Returns whether it was marked.
    """
    deleted, _ = KnownTopic.objects.filter(learner=learner, topic=topic).delete()
    return bool(deleted)


# --- goals --------------------------------------------------------------------------


def _lock(learner: Learner) -> None:
    """Serialise changes to one learner's goals (a row lock on PostgreSQL; SQLite
    already serialises writers), so two requests never both hold a current goal."""
    list(Learner.objects.select_for_update().filter(pk=learner.pk).values_list("pk", flat=True))


@transaction.atomic
def goal_set(*, learner: Learner, topic: Topic) -> Goal:
    """Make ``topic`` the learner's current goal, adding it to their goals if needed.

    The previous current goal stays among the goals, no longer current.
    """
    _lock(learner)
    Goal.objects.filter(learner=learner, is_current=True).exclude(topic=topic).update(
        is_current=False
    )
    goal, created = Goal.objects.get_or_create(
        learner=learner, topic=topic, defaults={"is_current": True}
    )
    if not created and not goal.is_current:
        goal.is_current = True
        goal.save(update_fields=["is_current"])
    return goal


@transaction.atomic
def goal_remove(*, learner: Learner, topic: Topic) -> bool:
    """Remove ``topic`` from the learner's goals. If it was the current one, the most
    recently added remaining goal becomes current. Returns whether it was a goal."""
    _lock(learner)
    goal = Goal.objects.filter(learner=learner, topic=topic).first()
    if goal is None:
        return False
    goal.delete()
    if goal.is_current:
        successor = Goal.objects.filter(learner=learner).order_by("-created_at", "-id").first()
        if successor is not None:
            successor.is_current = True
            successor.save(update_fields=["is_current"])
    return True


# --- memory for spaced review ---------------------------------------------------------


@dataclass(frozen=True)
class MemoryUpdate:
    """What one practice answer did to the learner's memories."""

    started: bool = False  # the topic's memory began (it was just mastered)
    reviewed: bool = False  # the topic's memory took the answer as a review
    credited: int = 0  # prerequisites' memories given implicit credit


def answer_rating(attempt: Attempt) -> review.Rating | None:
    """The review an answer stands for, or ``None``. One variant is one review, rated by
    how it ended: right first time ``Good``, right on the second try ``Hard``, wrong on
    the last try ``Again``; a first wrong try waits for the second, and an answer given
    after the worked solution was shown is no review at all."""
    if not attempt.correct and attempt.try_number < practice_services.TRIES:
        return None
    return review.rating_for(
        correct=attempt.correct, try_number=attempt.try_number, revealed=attempt.revealed
    )


@transaction.atomic
def memory_record(*, attempt: Attempt) -> MemoryUpdate:
    """Update the learner's memories from a stored practice ``attempt``, at the moment
    it was made (called once per stored attempt, from practice's ``attempt_stored``).

    - The topic's memory, if it has one, takes the answer as a review
      (:func:`answer_rating`).
    - A topic without a memory gets one when this answer masters it (the answer is its
      first review).
    - A right answer gives the topic's prerequisites that have a memory their share of
      an implicit repetition (:func:`learning.review.spread`, through the graph index).
    - An answer given after the worked solution was shown changes nothing, nor does a
      first wrong try (the second try decides the review).
    """
    rating = answer_rating(attempt)
    if rating is None:  # shown the solution, or a first wrong try: nothing to record
        return MemoryUpdate()
    learner, topic_id, now = attempt.learner, attempt.question.topic_id, attempt.created_at
    _lock(learner)  # one learner's memories change one answer at a time
    row = TopicMemory.objects.filter(learner=learner, topic_id=topic_id).first()
    started = reviewed = False
    if row is not None:
        row.take(review.review(row.memory(), rating, now))
        row.save()
        reviewed = True
    elif attempt.correct:
        mastery = practice_selectors.topic_masteries(learner, topic=attempt.question.topic)
        if topic_id in mastery and mastery[topic_id].mastered:
            row = TopicMemory(learner=learner, topic_id=topic_id)
            row.take(review.start(rating, now))
            row.save(force_insert=True)
            started = True
    credited = _credit_prerequisites(learner, topic_id, now) if attempt.correct else 0
    return MemoryUpdate(started=started, reviewed=reviewed, credited=credited)


def _credit_prerequisites(learner: Learner, topic_id: int, now: datetime) -> int:
    """Give the prerequisites of ``topic_id`` that ``learner`` has a memory of their
    implicit credit for a right answer on it; return how many memories changed."""
    index = graph_selectors.graph_index()
    position = index.position(topic_id)
    if position < 0:
        return 0
    spread = review_selectors.spread_of(index, position)
    gifts = {int(index.ids[p]): weight for p, weight in spread.items()}
    if not gifts:
        return 0
    rows = {
        row.topic_id: row
        for row in TopicMemory.objects.filter(learner=learner, topic_id__in=list(gifts))
    }
    memories = {topic: row.memory() for topic, row in rows.items()}
    changed = review.credit_all(memories, gifts, now)
    for topic, memory in changed.items():
        rows[topic].take(memory)
    TopicMemory.objects.bulk_update(
        [rows[topic] for topic in changed],
        ["stability", "difficulty", "state", "step", "last_review", "due", "credit", "reviews"],
    )
    return len(changed)


# --- accounts ---------------------------------------------------------------------


@dataclass(frozen=True)
class MergeResult:
    known_added: int
    goals_added: int
    attempts_claimed: int
    memories_added: int = 0  # topic memories the account did not have, or had older


@transaction.atomic
def learner_merge(*, session_key: str | None, user: Any) -> MergeResult:
    """Carry what an anonymous session did over to ``user``, in one transaction.

    If the account has no learner row yet, the session's row simply becomes the
    account's: everything it owns goes with it. Otherwise the session's known topics
    are added to the account's, its goals appended (the account's current goal stays
    current; if it had none, the session's becomes current), its practice attempts and
    solution reveals moved, its memories of topics merged (of a topic both remember,
    the one reviewed last stays), and its row deleted. Safe to call with no session."""
    if not session_key:
        return MergeResult(0, 0, 0)
    anonymous = (
        Learner.objects.select_for_update()
        .filter(session_key=session_key, user__isnull=True)
        .first()
    )
    if anonymous is None:
        return MergeResult(0, 0, 0)
    target = Learner.objects.select_for_update().filter(user=user).first()
    if target is None:
        anonymous.user, anonymous.session_key = user, ""
        anonymous.save(update_fields=["user", "session_key"])
        return MergeResult(
            anonymous.known.count(),
            anonymous.goals.count(),
            anonymous.attempts.count(),
            anonymous.memories.count(),
        )
    known_added = _known_merge(anonymous, target)
    goals_added = _goals_merge(anonymous, target)
    attempts = practice_services.attempts_move(source=anonymous, target=target)
    memories = _memories_merge(anonymous, target)
    anonymous.delete()
    return MergeResult(known_added, goals_added, attempts, memories)


def _known_merge(source: Learner, target: Learner) -> int:
    """Add ``source``'s known topics to ``target``'s, each with its source (the
    student's own or placement's); return how many were new."""
    have = set(KnownTopic.objects.filter(learner=target).values_list("topic_id", flat=True))
    marks = source.known.order_by("created_at", "id").values_list("topic_id", "source")
    new_known = [
        KnownTopic(learner=target, topic_id=topic_id, source=by)
        for topic_id, by in marks
        if topic_id not in have
    ]
    KnownTopic.objects.bulk_create(new_known)
    return len(new_known)


def _goals_merge(source: Learner, target: Learner) -> int:
    """Append ``source``'s goals to ``target``'s; ``source``'s current goal becomes
    current only if ``target`` had none. Return how many goals were new."""
    goals = {goal.topic_id: goal for goal in Goal.objects.filter(learner=target)}
    has_current = any(goal.is_current for goal in goals.values())
    incoming = list(source.goals.order_by("created_at", "id"))
    new_goals = [
        Goal(learner=target, topic_id=goal.topic_id, is_current=False)
        for goal in incoming
        if goal.topic_id not in goals
    ]
    Goal.objects.bulk_create(new_goals)
    source_current = next((goal for goal in incoming if goal.is_current), None)
    if not has_current and source_current is not None:
        Goal.objects.filter(learner=target, topic_id=source_current.topic_id).update(
            is_current=True
        )
    return len(new_goals)


def _memories_merge(source: Learner, target: Learner) -> int:
    """Give ``target`` the memories of ``source``: of a topic both remember, the one
    reviewed last stays (it holds the latest evidence). Return how many moved."""
    theirs = dict(TopicMemory.objects.filter(learner=target).values_list("topic_id", "last_review"))
    older = [
        topic_id
        for topic_id, last_review in source.memories.values_list("topic_id", "last_review")
        if topic_id in theirs and last_review <= theirs[topic_id]
    ]
    source.memories.filter(topic_id__in=older).delete()
    TopicMemory.objects.filter(
        learner=target, topic_id__in=source.memories.values("topic_id")
    ).delete()
    return source.memories.update(learner=target)


@transaction.atomic
def user_signup(*, username: str, password: str, session_key: str | None = None):
    """Create an account (the form has validated the name and password) and carry the
    anonymous session's work over to it."""
    user = get_user_model().objects.create_user(username=username, password=password)
    learner_merge(session_key=session_key, user=user)
    return user


# --- anonymous data whose session is gone -------------------------------------------

DATABASE_SESSION_ENGINES = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)


@dataclass(frozen=True)
class PurgeResult:
    learners: int
    known_topics: int
    goals: int
    attempts: int
    reveals: int = 0  # anonymous "solution shown" marks of practice variants
    memories: int = 0  # anonymous memories of topics for spaced review


@transaction.atomic
def anonymous_purge(*, dry_run: bool = False, now: datetime | None = None) -> PurgeResult:
    """Delete the anonymous learners whose browser session is gone (no longer in the
    session table, or expired), and with them everything they own: known topics, goals,
    practice attempts, solution reveals and memories of topics. ``manage.py
    clearsessions`` deletes the sessions, not these rows.

    Signed-in learners are never touched. With ``dry_run`` nothing is deleted and the
    counts are what would be. Raises ``ValidationError`` if sessions are not kept in the
    database, where nothing can tell a live session from a gone one.
    """
    if settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
        raise ValidationError(
            f"Sessions are kept by {settings.SESSION_ENGINE}, not in the database: "
            "nothing can tell which anonymous data is still in use, so nothing was removed."
        )
    live = Session.objects.filter(expire_date__gt=now or timezone.now())
    learners = Learner.objects.filter(user__isnull=True).exclude(
        session_key__in=live.values("session_key")
    )
    if dry_run:
        return PurgeResult(
            learners=learners.count(),
            known_topics=KnownTopic.objects.filter(learner__in=learners).count(),
            goals=Goal.objects.filter(learner__in=learners).count(),
            attempts=Attempt.objects.filter(learner__in=learners).count(),
            reveals=SolutionReveal.objects.filter(learner__in=learners).count(),
            memories=TopicMemory.objects.filter(learner__in=learners).count(),
        )
    _, removed = learners.delete()
    return PurgeResult(
        learners=removed.get(Learner._meta.label, 0),
        known_topics=removed.get(KnownTopic._meta.label, 0),
        goals=removed.get(Goal._meta.label, 0),
        attempts=removed.get(Attempt._meta.label, 0),
        reveals=removed.get(SolutionReveal._meta.label, 0),
        memories=removed.get(TopicMemory._meta.label, 0),
    )
