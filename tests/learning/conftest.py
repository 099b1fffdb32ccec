"""Fixtures for the learner's side."""

import pytest
from django.contrib.auth import get_user_model

from learners.models import Learner
from learners.services import learner_ensure
from practice.models import Attempt, QuestionTemplate


@pytest.fixture
def make_user(db):
    def make(username: str = "ada", password: str = "correct horse battery"):
        return get_user_model().objects.create_user(username=username, password=password)

    return make


@pytest.fixture
def learner(make_user) -> Learner:
    return Learner.objects.create(user=make_user("learner"))


@pytest.fixture
def practise(db):
    """Store practice attempts the way the practice flow does: ``results`` is one
    True/False per attempt, cycling through the topic's active questions (a question
    is created for a topic that has none), by ``learner`` or the learner of ``user`` or
    ``session_key`` (created if need be). Returns the attempts."""

    def practise(
        topic, results, *, user=None, session_key: str = "", learner: Learner | None = None
    ) -> list[Attempt]:
        questions = list(QuestionTemplate.objects.filter(topic=topic, is_active=True))
        if not questions:
            questions = [
                QuestionTemplate.objects.create(
                    topic=topic,
                    slug=f"{topic.slug}-question",
                    title=f"A question on {topic.title}",
                    generator="entropy_discrete",
                )
            ]
        if learner is None:
            learner = learner_ensure(user=user, session_key=session_key or None)
        return [
            Attempt.objects.create(
                learner=learner,
                question=questions[i % len(questions)],
                seed=i,
                variant={"n": i},
                expected=1.0,
                raw_answer="1" if correct else "2",
                value=1.0 if correct else 2.0,
                correct=correct,
            )
            for i, correct in enumerate(results)
        ]

    return practise
