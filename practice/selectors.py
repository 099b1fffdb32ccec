"""Reads for practice: questions of a topic, a learner's attempts and mastery.

A learner is identified by ``user`` (signed in) or, for anonymous visitors, by
``session_key``; every function takes both and uses the user when it is authenticated.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from knowledge_graph.models import Topic
from knowledge_graph.selectors import sql_rows
from practice.models import Attempt, QuestionTemplate, SolutionReveal

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser | None

MASTERY_STREAK = 3
"""A topic is mastered when every active question was answered correctly at least once
and the last this-many attempts on the topic were all correct. Attempts made after the
variant's solution was shown (``Attempt.revealed``) earn no credit: they count neither as
solving a question nor in the streak."""


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


def form_answered_before(*, token: uuid.UUID, seconds: float) -> bool:
    """Whether the answer form ``token`` was answered more than ``seconds`` ago."""
    since = timezone.now() - timedelta(seconds=seconds)
    return Attempt.objects.filter(token=token, created_at__lt=since).exists()


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
    """Ids of the topic's questions this learner has answered correctly at least once
    before seeing the solution."""
    return set(
        attempts_of(user=user, session_key=session_key)
        .filter(question__topic=topic, correct=True, revealed=False)
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


def attempt_last(
    *, user: User, session_key: str | None, question: QuestionTemplate, seed: int
) -> Attempt | None:
    """This learner's latest answer to the variant ``(question, seed)``, if any."""
    return (
        attempts_of(user=user, session_key=session_key).filter(question=question, seed=seed).first()
    )


def solution_revealed(
    *, user: User, session_key: str | None, question: QuestionTemplate, seed: int
) -> bool:
    """Whether the worked solution of the variant ``(question, seed)`` was shown to this
    learner (asked for, or after the second wrong try)."""
    owner = _owner_q(user=user, session_key=session_key)
    if owner is None:
        return False
    return SolutionReveal.objects.filter(owner, question=question, seed=seed).exists()


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


_A = Attempt._meta.db_table
_Q = QuestionTemplate._meta.db_table

# Per topic: active questions, those solved at least once, attempts, and correct answers
# among the latest MASTERY_STREAK attempts. Filled in: the owner condition on attempts
# ``a``, an optional restriction of questions ``q`` to some topics, and an optional one
# to the topics the learner has attempted.
_MASTERY_SQL = f"""
WITH owned AS (
    SELECT a.id, a.question_id, a.correct, a.created_at, q.topic_id, q.is_active
    FROM {_A} a JOIN {_Q} q ON q.id = a.question_id
    WHERE {{owner}} AND NOT a.revealed {{topics}}
),
counts AS (
    SELECT q.topic_id, COUNT(*) AS n FROM {_Q} q WHERE q.is_active {{topics}} {{attempted}}
    GROUP BY q.topic_id
),
solved AS (
    SELECT topic_id, COUNT(DISTINCT question_id) AS n FROM owned
    WHERE correct AND is_active GROUP BY topic_id
),
ranked AS (
    SELECT topic_id, correct,
           ROW_NUMBER() OVER (PARTITION BY topic_id ORDER BY created_at DESC, id DESC) AS place
    FROM owned
),
streak AS (
    SELECT topic_id, COUNT(*) AS total,
           SUM(CASE WHEN place <= {MASTERY_STREAK} AND correct THEN 1 ELSE 0 END) AS recent
    FROM ranked GROUP BY topic_id
)
SELECT c.topic_id AS topic_id, c.n AS questions, COALESCE(s.n, 0) AS solved,
       COALESCE(k.total, 0) AS attempts, COALESCE(k.recent, 0) AS recent
FROM counts c LEFT JOIN solved s ON s.topic_id = c.topic_id
LEFT JOIN streak k ON k.topic_id = c.topic_id
{{having}}
"""


def _owner_sql(*, user: User, session_key: str | None) -> tuple[str, list] | None:
    if user is not None and user.is_authenticated:
        return "a.user_id = %s", [user.pk]
    if session_key:
        return "a.user_id IS NULL AND a.session_key = %s", [session_key]
    return None


def _mastery_sql(
    *, user: User, session_key: str | None, topic_id: int | None = None, candidates_only=False
) -> tuple[str, list] | None:
    """The mastery query (a row per topic, of ``topic_id`` alone if given) and its
    parameters; ``None`` for a visitor without a session. With ``candidates_only`` only
    topics whose active questions are all solved (the only ones that can be mastered)
    are returned."""
    owner = _owner_sql(user=user, session_key=session_key)
    if owner is None:
        return None
    owner_sql, params = owner
    topics = "AND q.topic_id = %s" if topic_id is not None else ""
    topic_params = [topic_id] if topic_id is not None else []
    sql = _MASTERY_SQL.format(
        owner=owner_sql,
        topics=topics,
        # A topic is a candidate only if every one of its active questions (one at
        # least) is solved, so only attempted topics need counting.
        attempted="AND q.topic_id IN (SELECT topic_id FROM owned)" if candidates_only else "",
        having="WHERE COALESCE(s.n, 0) >= c.n" if candidates_only else "",
    )
    return sql, [*params, *topic_params, *topic_params]


def topic_mastery(*, user: User, session_key: str | None, topic: Topic) -> Mastery:
    """The learner's standing on ``topic`` (one query; none for a visitor who has not
    practised, when ``topic`` carries its ``question_count``)."""
    built = _mastery_sql(user=user, session_key=session_key, topic_id=topic.pk)
    found = sql_rows(*built) if built else []
    if found:  # a row, unless the topic has no active question
        _topic_id, n, solved, total, recent = found[0]
        return Mastery(questions=n, solved=solved, attempts=total, recent_correct=recent)
    count = getattr(topic, "question_count", None)  # annotated by the topic page's query
    if count is None:
        count = question_count(topic=topic)
    return Mastery(questions=count, solved=0, attempts=0, recent_correct=0)


def mastered_sql(*, user: User, session_key: str | None) -> tuple[str, list] | None:
    """A query for the ids of the topics the learner has mastered (one column,
    ``topic_id``) and its parameters, to run or to embed in another query; ``None`` for
    a visitor without a session. The condition is :attr:`Mastery.mastered`: among the
    candidates every active question is solved, so the last attempts decide."""
    built = _mastery_sql(user=user, session_key=session_key, candidates_only=True)
    if built is None:
        return None
    sql, params = built
    return f"SELECT topic_id FROM ({sql}) mastery WHERE recent = {MASTERY_STREAK}", params


def mastered_topic_ids(*, user: User, session_key: str | None) -> set[int]:
    """Ids of every topic the learner has mastered, in one query."""
    built = mastered_sql(user=user, session_key=session_key)
    if built is None:
        return set()
    return {row[0] for row in sql_rows(*built)}
