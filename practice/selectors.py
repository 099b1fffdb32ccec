"""Reads for practice: questions of a topic, a learner's attempts and mastery.

A learner is identified by ``user`` (signed in) or, for anonymous visitors, by
``session_key``; every function takes both and uses the user when it is authenticated.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from knowledge_graph.models import Topic
from practice.models import Attempt, QuestionTemplate

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser | None

MASTERY_STREAK = 3
"""A topic is mastered when every active question was answered correctly at least once
and the last this-many attempts on the topic were all correct."""


# ----------------------------------------------------------------------------- questions


def questions_active(*, topic: Topic) -> list[QuestionTemplate]:
    """The topic's offered questions, in their order."""
    return list(QuestionTemplate.objects.filter(topic=topic, is_active=True))


def question_count(*, topic: Topic) -> int:
    return QuestionTemplate.objects.filter(topic=topic, is_active=True).count()


def question_counts() -> dict[int, int]:
    """Active question count per topic id (topics without questions are absent)."""
    return dict(
        QuestionTemplate.objects.filter(is_active=True)
        .values_list("topic_id")
        .annotate(n=Count("id"))
        .values_list("topic_id", "n")
    )


def question_get(*, topic: Topic, slug: str) -> QuestionTemplate:
    """An active question of ``topic`` by slug; 404 with a message otherwise."""
    question = QuestionTemplate.objects.filter(topic=topic, slug=slug, is_active=True).first()
    if question is None:
        raise Http404(f"{topic.title} has no practice question called “{slug[:120]}”.")
    return question


# ------------------------------------------------------------------------------ attempts


def _owner_q(*, user: User, session_key: str | None) -> Q | None:
    if user is not None and user.is_authenticated:
        return Q(user=user)
    if session_key:
        return Q(user__isnull=True, session_key=session_key)
    return None


def attempts_of(*, user: User, session_key: str | None) -> QuerySet[Attempt]:
    """All attempts of this learner, newest first (none without a user or session)."""
    owner = _owner_q(user=user, session_key=session_key)
    if owner is None:
        return Attempt.objects.none()
    return Attempt.objects.filter(owner)


def attempts_recent(*, user: User, session_key: str | None, limit: int = 10) -> list[Attempt]:
    """The learner's latest attempts, with their question and topic (one query)."""
    return list(
        attempts_of(user=user, session_key=session_key).select_related("question__topic")[
            : max(0, limit)
        ]
    )


def solved_question_ids(*, user: User, session_key: str | None, topic: Topic) -> set[int]:
    """Ids of the topic's questions this learner has answered correctly at least once."""
    return set(
        attempts_of(user=user, session_key=session_key)
        .filter(question__topic=topic, correct=True)
        .values_list("question_id", flat=True)
        .distinct()
    )


def question_next(
    *,
    user: User,
    session_key: str | None,
    topic: Topic,
    questions: list[QuestionTemplate] | None = None,
) -> QuestionTemplate | None:
    """The question to offer next: the first one not yet answered correctly; once all
    are, the one after the most recently attempted (round robin)."""
    if questions is None:
        questions = questions_active(topic=topic)
    if not questions:
        return None
    solved = solved_question_ids(user=user, session_key=session_key, topic=topic)
    for question in questions:
        if question.pk not in solved:
            return question
    last = (
        attempts_of(user=user, session_key=session_key)
        .filter(question__topic=topic)
        .values_list("question_id", flat=True)
        .first()
    )
    ids = [q.pk for q in questions]
    i = ids.index(last) if last in ids else -1
    return questions[(i + 1) % len(questions)]


# ------------------------------------------------------------------------------- mastery


@dataclass(frozen=True)
class Mastery:
    """A learner's standing on one topic."""

    questions: int  # active questions of the topic
    solved: int  # of those, answered correctly at least once
    attempts: int  # attempts on the topic's questions
    recent_correct: int  # correct among the last MASTERY_STREAK attempts

    @property
    def recent(self) -> int:
        """How many attempts the streak looks at (fewer while there are fewer)."""
        return min(self.attempts, MASTERY_STREAK)

    @property
    def mastered(self) -> bool:
        return (
            self.questions > 0
            and self.solved == self.questions
            and self.recent_correct == MASTERY_STREAK
        )


def _mastery(
    owner: Q | None, *, topic_ids: list[int] | None = None, candidates_only: bool = False
) -> dict[int, Mastery]:
    """Mastery per topic id, in three queries whatever the number of topics.

    With ``candidates_only`` the streak query is limited to topics whose questions are
    all solved (the only ones that can be mastered), and other topics are left out.
    """
    if owner is None:
        return {}
    active = QuestionTemplate.objects.filter(is_active=True)
    attempts = Attempt.objects.filter(owner)
    if topic_ids is not None:
        active = active.filter(topic_id__in=topic_ids)
        attempts = attempts.filter(question__topic_id__in=topic_ids)
    counts = dict(
        active.values_list("topic_id").annotate(n=Count("id")).values_list("topic_id", "n")
    )
    solved = dict(
        attempts.filter(correct=True, question__is_active=True)
        .values_list("question__topic_id")
        .annotate(n=Count("question_id", distinct=True))
        .values_list("question__topic_id", "n")
    )
    wanted = list(counts)
    if candidates_only:
        wanted = [t for t, n in counts.items() if solved.get(t, 0) >= n]
        if not wanted:
            return {}
    topic = F("question__topic_id")
    latest = (
        attempts.filter(question__topic_id__in=wanted)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[topic], order_by=[F("created_at").desc(), F("id").desc()]
            ),
            total=Window(Count("id"), partition_by=[topic]),
        )
        .filter(rank__lte=MASTERY_STREAK)
        .values_list("question__topic_id", "correct", "total")
    )
    recent: dict[int, int] = defaultdict(int)
    totals: dict[int, int] = {}
    for topic_id, correct, total in latest:
        recent[topic_id] += bool(correct)
        totals[topic_id] = total
    return {
        t: Mastery(
            questions=counts.get(t, 0),
            solved=solved.get(t, 0),
            attempts=totals.get(t, 0),
            recent_correct=recent.get(t, 0),
        )
        for t in wanted
    }


def topic_mastery(*, user: User, session_key: str | None, topic: Topic) -> Mastery:
    """The learner's standing on ``topic`` (three queries)."""
    owner = _owner_q(user=user, session_key=session_key)
    found = _mastery(owner, topic_ids=[topic.pk]).get(topic.pk)
    if found is not None:
        return found
    return Mastery(questions=question_count(topic=topic), solved=0, attempts=0, recent_correct=0)


def mastered_topic_ids(*, user: User, session_key: str | None) -> set[int]:
    """Ids of every topic the learner has mastered, in at most three queries."""
    owner = _owner_q(user=user, session_key=session_key)
    return {t for t, m in _mastery(owner, candidates_only=True).items() if m.mastered}
