"""Fixtures for the practice app: the four topics that have questions, their questions."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from practice import services
from practice.models import QuestionTemplate
from tests.knowledge_graph.factories import make_graph

QUESTION_TOPICS = (
    "shannon-entropy",
    "joint-and-conditional-entropy",
    "mutual-information",
    "kl-divergence",
)


@pytest.fixture
def topics(db):
    """The information-theory questions' topics in a small chain, and one without questions."""
    chain = list(zip(QUESTION_TOPICS, QUESTION_TOPICS[1:], strict=False))
    return make_graph(chain, extra=("no-questions-yet",))


@pytest.fixture
def question_set(topics) -> dict[str, QuestionTemplate]:
    """The shipped question templates, loaded with the service, by slug."""
    services.questions_load()
    return {q.slug: q for q in QuestionTemplate.objects.select_related("topic")}


@pytest.fixture
def kl_questions(question_set, topics) -> list[QuestionTemplate]:
    """The first four KL divergence questions, in their order.

    The topic's other families are switched off, so that mastery (every active question
    solved) stays four questions long in the tests written against these four.
    """
    questions = list(QuestionTemplate.objects.filter(topic=topics["kl-divergence"]))
    QuestionTemplate.objects.filter(pk__in=[q.pk for q in questions[4:]]).update(is_active=False)
    return questions[:4]


@pytest.fixture
def make_user(db):
    def make(username: str = "ada", password: str = "a-long-Password-42"):
        return get_user_model().objects.create_user(username=username, password=password)

    return make
