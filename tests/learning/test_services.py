"""Writes: known topics, goals, the anonymous-to-account merge."""

import pytest
from django.db import IntegrityError, transaction

from learners.models import Learner
from learners.services import learner_ensure
from learning import selectors, services
from learning.models import Goal, KnownTopic
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db

EDGES = [("a", "b"), ("b", "d"), ("c", "d"), ("x", "c"), ("d", "e"), ("f", "e")]


def current_topic(learner: Learner) -> str | None:
    goal = Goal.objects.filter(learner=learner, is_current=True).first()
    return goal.topic.slug if goal else None


def test_learner_ensure_creates_one_row_per_user_and_per_session(make_user):
    user = make_user()
    first = learner_ensure(user=user, session_key=None)
    assert learner_ensure(user=user, session_key=None) == first
    anon = learner_ensure(user=None, session_key="s" * 32)
    assert learner_ensure(user=None, session_key="s" * 32) == anon
    assert anon != first and Learner.objects.count() == 2


def test_a_learner_is_a_user_or_a_session_never_both_nor_neither(make_user):
    with pytest.raises(IntegrityError), transaction.atomic():
        Learner.objects.create(user=make_user(), session_key="abc")
    with pytest.raises(IntegrityError), transaction.atomic():
        Learner.objects.create(user=None, session_key="")


def test_known_add_is_idempotent_and_remove_reports_whether_it_was_known(learner):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["d"])
    services.known_add(learner=learner, topic=t["d"])
    assert KnownTopic.objects.filter(learner=learner).count() == 1
    assert services.known_remove(learner=learner, topic=t["d"]) is True
    assert services.known_remove(learner=learner, topic=t["d"]) is False


def test_prerequisites_of_a_known_topic_are_known_implicitly_and_undo_restores_them(learner):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["d"])
    status = selectors.topic_status(learner, t["x"])
    assert (status.known, status.implicit, status.state) == (False, True, "implicit")
    assert status.label == "Known through D"
    # nothing but the marked topic is stored
    assert list(KnownTopic.objects.values_list("topic__slug", flat=True)) == ["d"]

    services.known_remove(learner=learner, topic=t["d"])
    status = selectors.topic_status(learner, t["x"])
    assert (status.known, status.implicit, status.state, status.label) == (
        False,
        False,
        "new",
        "New",
    )


def test_goal_set_keeps_exactly_one_current_goal_and_switches(learner):
    t = make_graph(EDGES)
    services.goal_set(learner=learner, topic=t["e"])
    services.goal_set(learner=learner, topic=t["c"])
    assert current_topic(learner) == "c"
    assert set(Goal.objects.filter(learner=learner).values_list("topic__slug", flat=True)) == {
        "c",
        "e",
    }
    services.goal_set(learner=learner, topic=t["e"])  # switch back
    assert current_topic(learner) == "e"
    assert Goal.objects.filter(learner=learner, is_current=True).count() == 1
    assert Goal.objects.filter(learner=learner).count() == 2


def test_the_database_refuses_a_second_current_goal(learner):
    t = make_graph(EDGES)
    Goal.objects.create(learner=learner, topic=t["e"], is_current=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.create(learner=learner, topic=t["c"], is_current=True)


def test_removing_the_current_goal_makes_the_latest_other_goal_current(learner):
    t = make_graph(EDGES)
    for slug in ("e", "c", "d"):
        services.goal_set(learner=learner, topic=t[slug])
    services.goal_set(learner=learner, topic=t["e"])
    assert services.goal_remove(learner=learner, topic=t["e"]) is True
    assert current_topic(learner) == "d"
    assert services.goal_remove(learner=learner, topic=t["c"]) is True
    assert current_topic(learner) == "d"
    assert services.goal_remove(learner=learner, topic=t["d"]) is True
    assert current_topic(learner) is None
    assert services.goal_remove(learner=learner, topic=t["d"]) is False


def test_merge_takes_the_union_of_known_topics_and_appends_goals(make_user):
    t = make_graph(EDGES)
    user = make_user()
    mine = learner_ensure(user=user, session_key=None)
    services.known_add(learner=mine, topic=t["a"])
    services.known_add(learner=mine, topic=t["c"])
    services.goal_set(learner=mine, topic=t["e"])

    anon = learner_ensure(user=None, session_key="k" * 32)
    services.known_add(learner=anon, topic=t["c"])
    services.known_add(learner=anon, topic=t["f"])
    services.goal_set(learner=anon, topic=t["d"])
    services.goal_set(learner=anon, topic=t["e"])  # d stays a goal, e is current

    result = services.learner_merge(session_key="k" * 32, user=user)

    assert (result.known_added, result.goals_added) == (1, 1)
    assert set(KnownTopic.objects.filter(learner=mine).values_list("topic__slug", flat=True)) == {
        "a",
        "c",
        "f",
    }
    assert set(Goal.objects.filter(learner=mine).values_list("topic__slug", flat=True)) == {
        "d",
        "e",
    }
    assert current_topic(mine) == "e"
    assert not Learner.objects.filter(session_key="k" * 32).exists()


def test_merge_into_an_account_without_a_goal_adopts_the_session_current_goal(make_user):
    t = make_graph(EDGES)
    user = make_user()
    anon = learner_ensure(user=None, session_key="k" * 32)
    services.goal_set(learner=anon, topic=t["d"])
    services.goal_set(learner=anon, topic=t["c"])
    services.learner_merge(session_key="k" * 32, user=user)
    mine = Learner.objects.get(user=user)
    assert current_topic(mine) == "c"
    assert Goal.objects.filter(learner=mine).count() == 2


def test_merge_keeps_the_account_current_goal(make_user):
    t = make_graph(EDGES)
    user = make_user()
    mine = learner_ensure(user=user, session_key=None)
    services.goal_set(learner=mine, topic=t["e"])
    anon = learner_ensure(user=None, session_key="k" * 32)
    services.goal_set(learner=anon, topic=t["c"])
    services.learner_merge(session_key="k" * 32, user=user)
    assert current_topic(mine) == "e"


def test_merge_without_a_session_or_anonymous_learner_changes_nothing(make_user):
    user = make_user()
    assert services.learner_merge(session_key=None, user=user) == services.MergeResult(0, 0, 0)
    assert services.learner_merge(session_key="nobody", user=user).known_added == 0
    assert not Learner.objects.exists()


def test_user_signup_creates_the_account_and_merges(db):
    t = make_graph(EDGES)
    anon = learner_ensure(user=None, session_key="k" * 32)
    services.known_add(learner=anon, topic=t["d"])
    user = services.user_signup(
        username="grace", password="a long passphrase", session_key="k" * 32
    )
    assert user.check_password("a long passphrase")
    assert list(
        KnownTopic.objects.filter(learner__user=user).values_list("topic__slug", flat=True)
    ) == ["d"]


def test_merge_into_an_account_without_a_learner_re_points_the_session_row(make_user, practise):
    """The session's row becomes the account's: the same row, with everything it owns."""
    t = make_graph(EDGES)
    user = make_user()
    anon = learner_ensure(user=None, session_key="k" * 32)
    services.known_add(learner=anon, topic=t["c"])
    services.goal_set(learner=anon, topic=t["d"])
    attempts = practise(t["b"], [True, False], learner=anon)
    result = services.learner_merge(session_key="k" * 32, user=user)
    assert result == services.MergeResult(1, 1, 2)
    mine = Learner.objects.get(user=user)
    assert mine.pk == anon.pk and mine.session_key == "" and Learner.objects.count() == 1
    assert {a.pk for a in mine.attempts.all()} == {a.pk for a in attempts}


def test_merge_into_an_account_with_a_learner_moves_attempts_and_reveals(make_user, practise):
    from practice.models import SolutionReveal

    t = make_graph(EDGES)
    user = make_user()
    mine = learner_ensure(user=user, session_key=None)
    anon = learner_ensure(user=None, session_key="k" * 32)
    practise(t["b"], [True], learner=mine)
    question = practise(t["b"], [False, True], learner=anon)[0].question
    SolutionReveal.objects.create(learner=mine, question=question, seed=0)
    SolutionReveal.objects.create(learner=anon, question=question, seed=0)  # the same variant
    SolutionReveal.objects.create(learner=anon, question=question, seed=1)
    result = services.learner_merge(session_key="k" * 32, user=user)
    assert result.attempts_claimed == 2 and mine.attempts.count() == 3
    assert sorted(mine.reveals.values_list("seed", flat=True)) == [0, 1]
    assert not Learner.objects.filter(pk=anon.pk).exists()
