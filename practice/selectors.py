"""Reads for practice: questions of a topic, a learner's attempts and mastery.

Every read of a learner's attempts takes their :class:`~learners.models.Learner` row, or
``None`` for a visitor who has not written anything yet (and so has no attempts).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone

from knowledge_graph.models import Topic
from learners.models import Learner
from practice.models import Attempt, QuestionTemplate, SolutionReveal

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


def attempts_of(*, learner: Learner | None) -> QuerySet[Attempt]:
    """All attempts of this learner, newest first (none for a visitor without a row)."""
    if learner is None:
        return Attempt.objects.none()
    return Attempt.objects.filter(learner=learner)


def attempts_recent(*, learner: Learner | None, limit: int = 10) -> list[Attempt]:
    """The learner's latest attempts, with their question and topic (one query)."""
    return list(attempts_of(learner=learner).select_related("question__topic")[: max(0, limit)])


def solved_question_ids(*, learner: Learner | None, topic: Topic) -> set[int]:
    """Ids of the topic's questions this learner has answered correctly at least once
    before seeing the solution."""
    return set(
        attempts_of(learner=learner)
        .filter(question__topic=topic, correct=True, revealed=False)
        .values_list("question_id", flat=True)
        .distinct()
    )


def question_next(
    *,
    learner: Learner | None,
    topic: Topic,
    questions: list[QuestionTemplate] | None = None,
) -> QuestionTemplate | None:
    """The question to offer next: the first one not yet answered correctly; once all
    are, the one after the most recently attempted (round robin)."""
    if questions is None:
        questions = questions_active(topic=topic)
    if not questions:
        return None
    solved = solved_question_ids(learner=learner, topic=topic)
    for question in questions:
        if question.pk not in solved:
            return question
    last = (
        attempts_of(learner=learner)
        .filter(question__topic=topic)
        .values_list("question_id", flat=True)
        .first()
    )
    ids = [q.pk for q in questions]
    i = ids.index(last) if last in ids else -1
    return questions[(i + 1) % len(questions)]


def attempt_last(
    *, learner: Learner | None, question: QuestionTemplate, seed: int
) -> Attempt | None:
    """This learner's latest answer to the variant ``(question, seed)``, if any."""
    return attempts_of(learner=learner).filter(question=question, seed=seed).first()


def solution_revealed(*, learner: Learner | None, question: QuestionTemplate, seed: int) -> bool:
    """Whether the worked solution of the variant ``(question, seed)`` was shown to this
    learner (asked for, or after the second wrong try)."""
    if learner is None:
        return False
    return SolutionReveal.objects.filter(learner=learner, question=question, seed=seed).exists()


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

    @property
    def struggling(self) -> bool:
        """Practice went badly lately: at most one of the last :data:`MASTERY_STREAK`
        answers (before any solution was shown) was right."""
        return self.recent == MASTERY_STREAK and self.recent_correct <= 1


def topic_masteries(learner: Learner | None, *, topic: Topic | None = None) -> dict[int, Mastery]:
    """The learner's standing on every topic they have attempted (on ``topic`` alone if
    given), by topic id: two queries, the active question counts and the learner's
    attempts made before any solution was shown, newest first, read in one pass. None for
    a visitor without a learner row (building the empty queries took a sixth of a
    visitor's topic page)."""
    if learner is None:
        return {}
    attempts = attempts_of(learner=learner).filter(revealed=False)
    questions = QuestionTemplate.objects.filter(is_active=True)
    if topic is not None:
        attempts = attempts.filter(question__topic=topic)
        questions = questions.filter(topic=topic)
    seen: dict[int, list] = {}  # topic id → [questions solved, attempts, recent correct]
    for topic_id, question_id, active, correct in attempts.values_list(
        "question__topic_id", "question_id", "question__is_active", "correct"
    ):
        solved, total, recent = seen.setdefault(topic_id, [set(), 0, 0])
        if correct and active:
            solved.add(question_id)
        if total < MASTERY_STREAK and correct:
            recent += 1
        seen[topic_id] = [solved, total + 1, recent]
    if not seen:
        return {}
    counts = dict(
        questions.filter(topic_id__in=seen)
        .values_list("topic_id")
        .annotate(n=Count("id"))
        .values_list("topic_id", "n")
    )
    return {
        topic_id: Mastery(
            questions=counts.get(topic_id, 0),
            solved=len(solved),
            attempts=total,
            recent_correct=recent,
        )
        for topic_id, (solved, total, recent) in seen.items()
    }


def topic_mastery(*, learner: Learner | None, topic: Topic) -> Mastery:
    """The learner's standing on ``topic`` (no query about attempts for a visitor without a
    learner row; none about questions when ``topic`` carries its ``question_count``)."""
    found = topic_masteries(learner, topic=topic).get(topic.pk)
    if found is not None:
        return found
    count = getattr(topic, "question_count", None)  # annotated by the topic page's query
    if count is None:
        count = question_count(topic=topic)
    return Mastery(questions=count, solved=0, attempts=0, recent_correct=0)


def mastered_topic_ids(*, learner: Learner | None) -> set[int]:
    """Ids of every topic the learner has mastered in practice (two queries at most)."""
    return {topic_id for topic_id, m in topic_masteries(learner).items() if m.mastered}
