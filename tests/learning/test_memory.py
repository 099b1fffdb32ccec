"""The memory of topics for spaced review, driven by practice: each stored answer
updates it once (practice's ``attempt_stored`` signal), through ``memory_record``."""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection

from learners.services import learner_ensure
from learning import services
from learning.models import TopicMemory
from learning.signals import memory_from_practice
from practice import services as practice_services
from practice.models import QuestionTemplate
from practice.selectors import MASTERY_STREAK
from practice.signals import attempt_stored
from tests.learning.practice_answers import answer, graph_with_questions, master
from tests.practice.concurrency import at_once

pytestmark = pytest.mark.django_db

# a -> b -> c -> d: d builds on c directly, on b two steps down, on a three.
EDGES = [("a", "b"), ("b", "c"), ("c", "d")]
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def topics():
    return graph_with_questions(EDGES)


def memory(learner, topic) -> TopicMemory | None:
    return TopicMemory.objects.filter(learner=learner, topic=topic).first()


@pytest.fixture
def learner(make_user):
    return learner_ensure(user=make_user(), session_key=None)


def test_a_topic_gets_its_memory_the_moment_it_is_mastered(learner, topics):
    with time_machine.travel(START, tick=False):
        for _ in range(MASTERY_STREAK - 1):
            answer(learner, topics["b"])
        assert memory(learner, topics["b"]) is None  # practised, not mastered yet
        answer(learner, topics["b"])
    row = memory(learner, topics["b"])
    assert row is not None and row.reviews == 1 and row.lapses == 0 and row.credit == 0
    assert row.last_review == START and row.due > START + timedelta(days=1)
    assert row.state == TopicMemory.State.REVIEW and row.step is None
    assert TopicMemory.objects.count() == 1  # its prerequisite a was never mastered


def test_a_right_answer_on_a_dependent_credits_prerequisites_by_distance(learner, topics):
    with time_machine.travel(START, tick=False):
        for slug in "abc":
            master(learner, topics[slug])
    before = {s: memory(learner, topics[s]) for s in "abc"}
    # Mastering b gave a 1/2 three times (a whole repetition, then 1/2 left); mastering
    # c gave it 1/4 three times (the second made a whole repetition, then 1/4 left).
    assert (before["a"].credit, before["a"].reviews) == (0.25, 3)
    with time_machine.travel(START + timedelta(days=2), tick=False):
        answer(learner, topics["d"])  # d: c one step down, b two, a three
    after = {s: memory(learner, topics[s]) for s in "abc"}
    assert after["c"].credit == pytest.approx(before["c"].credit + 0.5)
    assert after["b"].credit == pytest.approx(before["b"].credit + 0.25)
    assert after["a"].credit == pytest.approx(before["a"].credit + 0.125)
    assert memory(learner, topics["d"]) is None  # one answer does not master d


def test_credit_reaching_one_repetition_counts_as_a_review(learner, topics):
    with time_machine.travel(START, tick=False):
        master(learner, topics["c"])
    first = memory(learner, topics["c"])
    later = START + timedelta(days=3)
    with time_machine.travel(later, tick=False):
        answer(learner, topics["d"])
        assert memory(learner, topics["c"]).credit == 0.5
        answer(learner, topics["d"])
    row = memory(learner, topics["c"])
    assert (row.credit, row.reviews, row.last_review) == (0, 2, later)
    assert row.due > first.due


def test_a_wrong_answer_credits_nothing_and_a_second_wrong_try_is_a_lapse(learner, topics):
    with time_machine.travel(START, tick=False):
        master(learner, topics["c"])
    before = memory(learner, topics["c"])
    with time_machine.travel(START + timedelta(days=2), tick=False):
        answer(learner, topics["d"], correct=False, seed=5)
        assert memory(learner, topics["c"]).credit == before.credit
        answer(learner, topics["c"], correct=False, seed=7)
        assert memory(learner, topics["c"]).reviews == before.reviews  # the second try decides
        answer(learner, topics["c"], correct=False, seed=7)
    row = memory(learner, topics["c"])
    assert (row.reviews, row.lapses) == (before.reviews + 1, 1)
    assert row.stability < before.stability


def test_right_on_the_second_try_is_a_hard_review(learner, topics):
    with time_machine.travel(START, tick=False):
        master(learner, topics["c"])
    before = memory(learner, topics["c"])
    day = START + timedelta(days=4)
    with time_machine.travel(day, tick=False):
        answer(learner, topics["c"], correct=False, seed=11)
        answer(learner, topics["c"], correct=True, seed=11)
    hard = memory(learner, topics["c"])
    assert (hard.reviews, hard.lapses, hard.last_review) == (before.reviews + 1, 0, day)
    # the same answer right the first time would have been a Good review: a longer wait
    TopicMemory.objects.filter(pk=hard.pk).update(**_fields(before))
    with time_machine.travel(day, tick=False):
        answer(learner, topics["c"], correct=True, seed=12)
    assert memory(learner, topics["c"]).due > hard.due


def _fields(row: TopicMemory) -> dict:
    names = ("stability", "difficulty", "last_review", "due", "credit", "reviews", "lapses")
    return {name: getattr(row, name) for name in names}


def test_an_answer_after_the_solution_was_shown_changes_nothing(learner, topics):
    with time_machine.travel(START, tick=False):
        master(learner, topics["c"])
    before = {s: _fields(memory(learner, topics[s])) for s in "c"}
    question_d = QuestionTemplate.objects.get(topic=topics["d"])
    question_c = QuestionTemplate.objects.get(topic=topics["c"])
    with time_machine.travel(START + timedelta(days=2), tick=False):
        practice_services.solution_reveal(question=question_d, seed=3, learner=learner)
        practice_services.solution_reveal(question=question_c, seed=3, learner=learner)
        assert answer(learner, topics["d"], seed=3).revealed
        assert answer(learner, topics["c"], seed=3).revealed
    assert {s: _fields(memory(learner, topics[s])) for s in "c"} == before


def test_a_double_submit_counts_once(learner, topics):
    with time_machine.travel(START, tick=False):
        master(learner, topics["c"])
    token = uuid.uuid4()
    with time_machine.travel(START + timedelta(days=1), tick=False):
        first = answer(learner, topics["d"], seed=9, token=token)
        again = answer(learner, topics["d"], seed=9, token=token)
    assert first.pk == again.pk
    assert memory(learner, topics["c"]).credit == 0.5  # not a whole repetition


def test_memory_record_tells_what_it_did(learner, topics):
    with time_machine.travel(START, tick=False):
        master(learner, topics["b"])
        attempt = answer(learner, topics["c"])
    # Called again by hand (practice calls it once): the same answer reviews nothing of c
    # (no memory) and credits b once more.
    assert services.memory_record(attempt=attempt) == services.MemoryUpdate(credited=1)


def test_login_merges_memories_keeping_the_latest_of_a_topic(make_user, topics):
    user = make_user()
    mine = learner_ensure(user=user, session_key=None)
    anon = learner_ensure(user=None, session_key="k" * 32)
    with time_machine.travel(START, tick=False):
        master(mine, topics["a"])
        master(mine, topics["b"])
    with time_machine.travel(START + timedelta(days=1), tick=False):
        master(anon, topics["b"])  # later than the account's memory of b
        master(anon, topics["c"])
    anon_b = _fields(memory(anon, topics["b"]))
    result = services.learner_merge(session_key="k" * 32, user=user)
    assert result.memories_added == 2
    assert sorted(mine.memories.values_list("topic__slug", flat=True)) == ["a", "b", "c"]
    assert _fields(memory(mine, topics["b"])) == anon_b
    assert TopicMemory.objects.count() == 3


def test_login_keeps_the_account_memory_when_it_is_the_later(make_user, topics):
    user = make_user()
    mine = learner_ensure(user=user, session_key=None)
    anon = learner_ensure(user=None, session_key="k" * 32)
    with time_machine.travel(START, tick=False):
        master(anon, topics["b"])
    with time_machine.travel(START + timedelta(days=1), tick=False):
        master(mine, topics["b"])
    own = _fields(memory(mine, topics["b"]))
    assert services.learner_merge(session_key="k" * 32, user=user).memories_added == 0
    assert _fields(memory(mine, topics["b"])) == own and TopicMemory.objects.count() == 1


def test_a_session_row_becoming_the_account_keeps_its_memories(make_user, topics):
    anon = learner_ensure(user=None, session_key="k" * 32)
    master(anon, topics["a"])
    result = services.learner_merge(session_key="k" * 32, user=make_user())
    assert result.memories_added == 1 and memory(anon, topics["a"]) is not None


def test_the_anonymous_purge_takes_the_memories_along(topics):
    anon = learner_ensure(user=None, session_key="k" * 32)  # no such session
    master(anon, topics["a"])
    assert services.anonymous_purge(dry_run=True).memories == 1
    assert services.anonymous_purge().memories == 1
    assert TopicMemory.objects.count() == 0


@contextmanager
def answers_meeting():
    """While it lasts, practice's ``attempt_stored`` first waits until two answers have
    both been stored (each transaction holding its attempt), then updates the memories:
    the worst overlap two answers can have."""
    barrier = threading.Barrier(2)
    uid = "learning.memory_from_practice"

    def meet(sender, attempt, **kwargs):
        barrier.wait(timeout=10)

    attempt_stored.disconnect(dispatch_uid=uid)
    attempt_stored.connect(meet, dispatch_uid="tests.meet")
    attempt_stored.connect(memory_from_practice, dispatch_uid=uid)
    try:
        yield
    finally:
        attempt_stored.disconnect(dispatch_uid="tests.meet")


@pytest.mark.django_db(transaction=True)
def test_answers_stored_at_the_same_moment_both_count(make_user):
    """Two answers of one student at once (two tabs), both stored before either updates
    the memories: each credits once (no update lost), and when they master a topic
    together it gets one memory (without the learner's lock, the second is refused by
    the unique constraint and its answer lost)."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("threads cannot share an in-memory SQLite database (runs on PostgreSQL)")
    topics = graph_with_questions(EDGES)
    learner = learner_ensure(user=make_user(), session_key=None)
    with time_machine.travel(START, tick=False):
        master(learner, topics["c"])
    rounds = 3
    with answers_meeting():
        for _ in range(rounds):
            at_once(2, lambda: answer(learner, topics["d"]).pk, timeout=30)
    row = memory(learner, topics["c"])
    # every right answer on d gives c half a repetition: two answers, one repetition
    assert (row.reviews, row.credit) == (1 + rounds, 0)
    assert memory(learner, topics["d"]).reviews == 2 * rounds - MASTERY_STREAK + 1
