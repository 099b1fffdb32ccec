"""Answering practice questions through practice's own service, as a student does, for
the tests of spaced review (each stored answer updates the learner's memories)."""

from __future__ import annotations

import itertools
import uuid

from practice import services as practice_services
from practice.models import Attempt, QuestionTemplate
from practice.selectors import MASTERY_STREAK
from tests.knowledge_graph.factories import make_graph

_seeds = itertools.count(1)


def graph_with_questions(edges, extra=()):
    """``make_graph`` with one question (a discrete entropy) on every topic."""
    topics = make_graph(edges, extra)
    for slug, topic in topics.items():
        QuestionTemplate.objects.create(
            topic=topic, slug=f"{slug}-q", title=f"On {slug}", generator="entropy_discrete"
        )
    return topics


def answer(learner, topic, *, correct=True, seed=None, token=None) -> Attempt:
    """Answer one variant of ``topic``'s question, rightly or not."""
    question = QuestionTemplate.objects.get(topic=topic)
    seed = next(_seeds) if seed is None else seed
    expected = question.variant(seed).expected
    return practice_services.attempt_submit(
        question=question,
        seed=seed,
        token=token or uuid.uuid4(),
        raw_answer=f"{expected:.6f}" if correct else f"{expected + 7:.6f}",
        learner=learner,
    )


def master(learner, topic) -> None:
    """Answer rightly until ``topic`` (one question) is mastered."""
    for _ in range(MASTERY_STREAK):
        answer(learner, topic)
