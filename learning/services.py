"""Writes for the learner's side: known topics, goals, accounts, the merge of an
anonymous session into an account, and the clean-up of anonymous data whose session
is gone.

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
from django.db import IntegrityError, transaction
from django.utils import timezone

from knowledge_graph.models import Topic
from learning.models import Goal, KnownTopic, Learner
from practice.models import Attempt, SolutionReveal
from practice.services import SESSION_KEY_NAME, attempts_claim


def learner_ensure(*, user: Any | None, session_key: str | None) -> Learner:
    """The learner row of ``user`` (if signed in) or of the anonymous ``session_key``,
    created on first use."""
    if user is not None:
        learner, _ = Learner.objects.get_or_create(user=user, defaults={"session_key": ""})
        return learner
    if not session_key:
        raise ValidationError("An anonymous learner needs a session.")
    try:
        with transaction.atomic():
            learner, _ = Learner.objects.get_or_create(session_key=session_key, user=None)
    except IntegrityError:  # a concurrent request created it first
        learner = Learner.objects.get(session_key=session_key, user=None)
    return learner


# --- known topics ---------------------------------------------------------------


@transaction.atomic
def known_add(*, learner: Learner, topic: Topic) -> KnownTopic:
    """Mark ``topic`` known (idempotent). Its prerequisites become known implicitly."""
    known, _ = KnownTopic.objects.get_or_create(learner=learner, topic=topic)
    return known


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


# --- accounts ---------------------------------------------------------------------


@dataclass(frozen=True)
class MergeResult:
    known_added: int
    goals_added: int
    attempts_claimed: int


@transaction.atomic
def learner_merge(*, session_key: str | None, user: Any) -> MergeResult:
    """Carry what an anonymous session did over to ``user``: the union of known topics,
    the session's goals appended (the user's current goal stays current; if the user
    had none, the session's becomes current), and the session's practice attempts
    claimed. The anonymous learner row is then deleted. Safe to call with no session."""
    if not session_key:
        return MergeResult(0, 0, 0)
    attempts = attempts_claim(session_key=session_key, user=user)
    anonymous = (
        Learner.objects.select_for_update()
        .filter(session_key=session_key, user__isnull=True)
        .first()
    )
    if anonymous is None:
        return MergeResult(0, 0, attempts)
    target = learner_ensure(user=user, session_key=None)

    have = set(KnownTopic.objects.filter(learner=target).values_list("topic_id", flat=True))
    new_known = [
        KnownTopic(learner=target, topic_id=topic_id)
        for topic_id in anonymous.known.order_by("created_at", "id").values_list(
            "topic_id", flat=True
        )
        if topic_id not in have
    ]
    KnownTopic.objects.bulk_create(new_known)

    goals = {goal.topic_id: goal for goal in Goal.objects.filter(learner=target)}
    has_current = any(goal.is_current for goal in goals.values())
    incoming = list(anonymous.goals.order_by("created_at", "id"))
    new_goals = [
        Goal(learner=target, topic_id=goal.topic_id, is_current=False)
        for goal in incoming
        if goal.topic_id not in goals
    ]
    Goal.objects.bulk_create(new_goals)
    anonymous_current = next((goal for goal in incoming if goal.is_current), None)
    if not has_current and anonymous_current is not None:
        Goal.objects.filter(learner=target, topic_id=anonymous_current.topic_id).update(
            is_current=True
        )
    anonymous.delete()
    return MergeResult(len(new_known), len(new_goals), attempts)


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


def _carried_keys(live, candidates: set[str]) -> set[str]:
    """Of ``candidates``, the keys that a live session still carries as the key its
    visitor's practice attempts are stored under (set when they first practised)."""
    if not candidates:
        return set()
    carried = set()
    for session in live.only("session_key", "session_data").iterator():
        key = session.get_decoded().get(SESSION_KEY_NAME)
        if key in candidates:
            carried.add(key)
    return carried


@transaction.atomic
def anonymous_purge(*, dry_run: bool = False, now: datetime | None = None) -> PurgeResult:
    """Delete the anonymous learners (their known topics and goals with them) and the
    anonymous practice attempts whose browser session is gone: no longer in the session
    table, or expired. ``manage.py clearsessions`` deletes the sessions, not these rows.

    A live session keeps the rows stored under its key, and the attempts stored under
    the key it carries as ``practice.services.SESSION_KEY_NAME``. Signed-in learners and
    their attempts are never touched. With ``dry_run`` nothing is deleted and the counts
    are what would be. Raises ``ValidationError`` if sessions are not kept in the
    database, where nothing can tell a live session from a gone one.
    """
    if settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
        raise ValidationError(
            f"Sessions are kept by {settings.SESSION_ENGINE}, not in the database: "
            "nothing can tell which anonymous data is still in use, so nothing was removed."
        )
    live = Session.objects.filter(expire_date__gt=now or timezone.now())
    live_keys = live.values("session_key")
    learners = Learner.objects.filter(user__isnull=True).exclude(session_key__in=live_keys)
    attempts = Attempt.objects.filter(user__isnull=True).exclude(session_key__in=live_keys)
    reveals = SolutionReveal.objects.filter(user__isnull=True).exclude(session_key__in=live_keys)
    candidates = set(learners.values_list("session_key", flat=True))
    candidates.update(attempts.values_list("session_key", flat=True).distinct())
    candidates.update(reveals.values_list("session_key", flat=True).distinct())
    carried = _carried_keys(live, candidates)
    learners = learners.exclude(session_key__in=carried)
    attempts = attempts.exclude(session_key__in=carried)
    reveals = reveals.exclude(session_key__in=carried)
    if dry_run:
        return PurgeResult(
            learners=learners.count(),
            known_topics=KnownTopic.objects.filter(learner__in=learners).count(),
            goals=Goal.objects.filter(learner__in=learners).count(),
            attempts=attempts.count(),
            reveals=reveals.count(),
        )
    _, by_learner = learners.delete()
    _, by_attempt = attempts.delete()
    removed_reveals, _ = reveals.delete()
    return PurgeResult(
        learners=by_learner.get(Learner._meta.label, 0),
        known_topics=by_learner.get(KnownTopic._meta.label, 0),
        goals=by_learner.get(Goal._meta.label, 0),
        attempts=by_attempt.get(Attempt._meta.label, 0),
        reveals=removed_reveals,
    )
