"""Reads for practice: a topic's questions, the next question, solved questions, mastery."""

from __future__ import annotations

import itertools
import random
import uuid

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from knowledge_graph.curriculum import question_families
from learners.models import Learner
from learners.services import learner_ensure
from practice import selectors
from practice.models import Attempt, QuestionTemplate
from tests.practice.conftest import QUESTION_TOPICS

SESSION = "s" * 32
_seeds = itertools.count(1)


def attempt(
    question, correct: bool, *, user=None, session_key=SESSION, revealed: bool = False
) -> Attempt:
    """A stored attempt (its verdict given directly: the grading is tested elsewhere)."""
    return Attempt.objects.create(
        learner=learner_of(user=user, session_key=session_key),
        question=question,
        seed=next(_seeds),
        variant={},
        expected=1.0,
        raw_answer="1" if correct else "2",
        value=1.0 if correct else 2.0,
        correct=correct,
        token=uuid.uuid4(),
        revealed=revealed,
    )


def learner_of(*, user=None, session_key=SESSION) -> Learner | None:
    """The learner of ``user`` or of the anonymous ``session_key`` (created on first use);
    none without either, as for a visitor who has written nothing."""
    if user is None and session_key is None:
        return None
    return learner_ensure(user=user, session_key=None if user else session_key)


def me(**kwargs):
    return {"learner": learner_of(**kwargs)}


# ------------------------------------------------------------------------------ questions


def test_active_questions_of_a_topic_in_their_order(kl_questions, topics):
    assert [q.slug for q in kl_questions] == [
        "kl-divergence-three-outcomes",
        "kl-divergence-asymmetry",
        "cross-entropy-equals-entropy-plus-kl",
        "mutual-information-as-kl-divergence",
    ]
    kl_questions[1].is_active = False
    kl_questions[1].save()
    kl_questions[3].position = 0
    kl_questions[3].save()
    active = selectors.questions_active(topic=topics["kl-divergence"])
    assert [q.slug for q in active] == [
        "mutual-information-as-kl-divergence",
        "kl-divergence-three-outcomes",
        "cross-entropy-equals-entropy-plus-kl",
    ]
    assert selectors.question_count(topic=topics["kl-divergence"]) == 3
    assert selectors.question_count(topic=topics["no-questions-yet"]) == 0


def test_question_counts_per_topic(question_set, topics):
    counts = selectors.question_counts()
    shipped = question_families()
    assert counts == {topics[slug].pk: shipped[slug] for slug in QUESTION_TOPICS}
    assert shipped["kl-divergence"] >= 12


def test_question_get_finds_only_the_topic_s_active_questions(kl_questions, topics):
    kl = topics["kl-divergence"]
    assert selectors.question_get(topic=kl, slug="kl-divergence-asymmetry") == kl_questions[1]
    with pytest.raises(Http404):
        selectors.question_get(topic=kl, slug="entropy-of-a-biased-coin")
    kl_questions[1].is_active = False
    kl_questions[1].save()
    with pytest.raises(Http404, match="has no practice question called"):
        selectors.question_get(topic=kl, slug="kl-divergence-asymmetry")


# ------------------------------------------------------------------------- next question


def test_the_next_question_is_the_first_one_not_yet_solved(kl_questions, topics):
    kl = topics["kl-divergence"]
    assert selectors.question_next(**me(), topic=kl) == kl_questions[0]
    attempt(kl_questions[0], False)
    assert selectors.question_next(**me(), topic=kl) == kl_questions[0]
    attempt(kl_questions[0], True)
    attempt(kl_questions[2], True)
    assert selectors.question_next(**me(), topic=kl) == kl_questions[1]
    attempt(kl_questions[1], True)
    assert selectors.question_next(**me(), topic=kl) == kl_questions[3]
    # Someone else's progress does not count.
    assert selectors.question_next(**me(session_key="x" * 32), topic=kl) == kl_questions[0]


def test_once_all_are_solved_the_questions_come_round_in_turn(kl_questions, topics):
    kl = topics["kl-divergence"]
    for q in kl_questions:
        attempt(q, True)
    assert selectors.question_next(**me(), topic=kl) == kl_questions[0]  # after the last
    attempt(kl_questions[1], False)
    assert selectors.question_next(**me(), topic=kl) == kl_questions[2]


def test_no_next_question_without_questions(topics):
    assert selectors.question_next(**me(), topic=topics["no-questions-yet"]) is None


def test_solved_questions_are_those_answered_correctly_at_least_once(kl_questions, topics):
    attempt(kl_questions[0], False)
    attempt(kl_questions[1], True)
    attempt(kl_questions[1], False)
    solved = selectors.solved_question_ids(**me(), topic=topics["kl-divergence"])
    assert solved == {kl_questions[1].pk}
    assert selectors.solved_question_ids(learner=None, topic=topics["kl-divergence"]) == set()


def test_recent_attempts_newest_first_for_a_user_or_a_session(kl_questions, make_user):
    user = make_user()
    mine = [attempt(kl_questions[i % 4], i % 2 == 0, user=user) for i in range(5)]
    attempt(kl_questions[0], True)  # the anonymous session's
    recent = selectors.attempts_recent(**me(user=user), limit=3)
    assert [a.pk for a in recent] == [a.pk for a in reversed(mine)][:3]
    assert recent[0].question.topic.slug == "kl-divergence"
    assert len(selectors.attempts_recent(**me())) == 1
    assert selectors.attempts_recent(learner=None) == []


# ------------------------------------------------------------------------------- mastery


def test_mastery_needs_every_question_and_the_last_three_correct(kl_questions, topics):
    kl = topics["kl-divergence"]

    def mastery():
        return selectors.topic_mastery(**me(), topic=kl)

    assert mastery() == selectors.Mastery(questions=4, solved=0, attempts=0, recent_correct=0)
    assert not mastery().mastered
    for q in kl_questions[:3]:
        attempt(q, True)
    m = mastery()
    assert (m.solved, m.attempts, m.recent, m.recent_correct) == (3, 3, 3, 3)
    assert not m.mastered  # the fourth question was never solved
    attempt(kl_questions[3], False)
    assert (mastery().solved, mastery().recent_correct) == (3, 2)
    attempt(kl_questions[3], True)
    m = mastery()
    assert (m.solved, m.recent_correct) == (4, 2)
    assert not m.mastered  # every question solved, but one of the last three was wrong
    attempt(kl_questions[0], True)
    assert not mastery().mastered  # the wrong one is still among the last three
    attempt(kl_questions[1], True)
    m = mastery()
    assert (m.solved, m.attempts, m.recent_correct, m.mastered) == (4, 7, 3, True)
    attempt(kl_questions[2], False)
    assert not mastery().mastered
    assert selectors.mastered_topic_ids(**me()) == set()


def test_fewer_than_three_attempts_never_master_a_topic(question_set, topics):
    entropy = topics["shannon-entropy"]
    for q in question_set.values():
        if q.topic_id == entropy.pk:
            attempt(q, True)
    m = selectors.topic_mastery(**me(), topic=entropy)
    assert (m.questions, m.solved, m.recent, m.recent_correct) == (2, 2, 2, 2)
    assert not m.mastered


def test_switched_off_questions_do_not_count_towards_mastery(kl_questions, topics):
    kl = topics["kl-divergence"]
    for q in kl_questions[:3]:
        attempt(q, True)
    kl_questions[3].is_active = False
    kl_questions[3].save()
    m = selectors.topic_mastery(**me(), topic=kl)
    assert (m.questions, m.solved, m.mastered) == (3, 3, True)
    assert selectors.mastered_topic_ids(**me()) == {kl.pk}


def test_mastery_is_per_learner(kl_questions, topics, make_user):
    kl = topics["kl-divergence"]
    user = make_user()
    for q in kl_questions:
        attempt(q, True, user=user)
    assert selectors.topic_mastery(**me(user=user), topic=kl).mastered
    assert not selectors.topic_mastery(**me(), topic=kl).mastered
    assert selectors.mastered_topic_ids(**me(user=user)) == {kl.pk}
    assert selectors.mastered_topic_ids(**me()) == set()
    nobody = selectors.topic_mastery(learner=None, topic=kl)
    assert (nobody.questions, nobody.attempts, nobody.mastered) == (4, 0, False)


def test_mastered_topics_are_found_in_a_few_queries(question_set, topics):
    for q in question_set.values():
        for _ in range(3):
            attempt(q, True)
    mine = me()
    with CaptureQueriesContext(connection) as queries:
        mastered = selectors.mastered_topic_ids(**mine)
    assert mastered == {
        topics[s].pk
        for s in (
            "kl-divergence",
            "shannon-entropy",
            "joint-and-conditional-entropy",
            "mutual-information",
        )
    }
    assert len(queries) <= 3
    assert QuestionTemplate.objects.count() == sum(question_families()[s] for s in QUESTION_TOPICS)


@pytest.mark.parametrize("seed", range(4))
def test_the_mastered_topics_are_those_whose_mastery_says_so(question_set, topics, seed):
    rng = random.Random(seed)
    questions = list(question_set.values())
    # A few topics' questions switched off, so a topic can be mastered with fewer.
    for q in rng.sample(questions, 2):
        q.is_active = False
        q.save()
    for _ in range(40):
        attempt(rng.choice(questions), rng.random() < 0.8)
    practised = {q.topic_id for q in questions}
    expected = {
        topic.pk
        for topic in topics.values()
        if topic.pk in practised and selectors.topic_mastery(**me(), topic=topic).mastered
    }
    assert selectors.mastered_topic_ids(**me()) == expected


def test_answers_after_the_solution_was_shown_earn_no_credit(kl_questions, topics):
    kl = topics["kl-divergence"]
    for q in kl_questions:
        attempt(q, True, revealed=True)
    m = selectors.topic_mastery(**me(), topic=kl)
    assert (m.solved, m.attempts, m.mastered) == (0, 0, False)
    assert selectors.solved_question_ids(**me(), topic=kl) == set()
    for q in kl_questions[:3]:
        attempt(q, True)
    attempt(kl_questions[3], True, revealed=True)
    m = selectors.topic_mastery(**me(), topic=kl)
    assert (m.solved, m.recent_correct, m.mastered) == (3, 3, False)  # the fourth unsolved
    assert selectors.mastered_topic_ids(**me()) == set()
    attempt(kl_questions[3], True)
    assert selectors.topic_mastery(**me(), topic=kl).mastered
    assert selectors.mastered_topic_ids(**me()) == {kl.pk}
    # A revealed answer neither breaks nor extends the streak.
    attempt(kl_questions[0], False, revealed=True)
    assert selectors.topic_mastery(**me(), topic=kl).mastered
