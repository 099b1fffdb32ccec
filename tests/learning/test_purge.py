"""Anonymous learners and practice attempts are deleted once their session is gone
(``learning.services.anonymous_purge`` and ``manage.py purge_anonymous``); nothing of a live
session or of a signed-in learner is touched."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from learners.models import Learner
from learners.services import learner_ensure
from learning import services
from learning.models import Goal, KnownTopic
from practice import services as practice_services
from practice.models import Attempt, SolutionReveal
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db

GONE = "gone0000gone0000gone0000gone0000"  # a key no session has


@pytest.fixture
def graph(db):
    return make_graph([("a", "b"), ("b", "c")])


def session(**data) -> str:
    """A live session in the database holding ``data``; its key."""
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def expire(key: str) -> None:
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )


def anonymous_learner(key: str, graph) -> Learner:
    """An anonymous learner who marked B known and set C as their goal."""
    learner = learner_ensure(user=None, session_key=key)
    services.known_add(learner=learner, topic=graph["b"])
    services.goal_set(learner=learner, topic=graph["c"])
    return learner


def anonymous_keys() -> tuple[set[str], set[str]]:
    """Session keys of the anonymous learners and of the anonymous attempts left."""
    return (
        set(Learner.objects.filter(user__isnull=True).values_list("session_key", flat=True)),
        set(
            Attempt.objects.filter(learner__user__isnull=True).values_list(
                "learner__session_key", flat=True
            )
        ),
    )


def test_rows_of_a_gone_or_expired_session_go_and_a_live_session_keeps_its_own(
    graph, practise, make_user
):
    live, expired = session(), session()
    expire(expired)
    for key in (live, expired, GONE):
        anonymous_learner(key, graph)
        practise(graph["c"], [True, False], session_key=key)
    student = make_user("ada")
    services.known_add(learner=learner_ensure(user=student, session_key=None), topic=graph["a"])
    practise(graph["c"], [True], user=student)

    result = services.anonymous_purge()

    assert result == services.PurgeResult(learners=2, known_topics=2, goals=2, attempts=4)
    assert anonymous_keys() == ({live}, {live})
    assert KnownTopic.objects.filter(learner__session_key=live).count() == 1
    assert Goal.objects.filter(learner__session_key=live).count() == 1
    assert KnownTopic.objects.filter(learner__user=student).count() == 1
    assert Attempt.objects.filter(learner__user=student).count() == 1


def test_shown_solutions_go_with_their_gone_session(graph, practise, make_user):
    live = session()
    question = practise(graph["c"], [False], session_key=live)[0].question
    student = make_user("ada")
    for owner in (
        {"user": None, "session_key": live},
        {"user": None, "session_key": GONE},
        {"user": student, "session_key": None},
    ):
        learner = learner_ensure(**owner)
        practice_services.solution_reveal(question=question, seed=1, learner=learner)

    assert services.anonymous_purge(dry_run=True).reveals == 1
    assert services.anonymous_purge().reveals == 1
    assert set(SolutionReveal.objects.values_list("learner__session_key", "learner__user")) == {
        (live, None),
        ("", student.pk),
    }


def test_a_dry_run_counts_and_removes_nothing(graph, practise):
    anonymous_learner(GONE, graph)
    practise(graph["c"], [True, False, True], session_key=GONE)

    result = services.anonymous_purge(dry_run=True)

    assert result == services.PurgeResult(learners=1, known_topics=1, goals=1, attempts=3)
    assert anonymous_keys() == ({GONE}, {GONE})
    assert (KnownTopic.objects.count(), Goal.objects.count()) == (1, 1)


def test_the_command_says_what_it_removed_and_a_dry_run_what_it_would(graph, practise):
    anonymous_learner(GONE, graph)
    practise(graph["c"], [True], session_key=GONE)

    out = StringIO()
    call_command("purge_anonymous", "--dry-run", stdout=out)
    assert out.getvalue().strip() == (
        "Would remove 1 anonymous learner (1 known topic, 1 goal) and 1 anonymous practice "
        "attempt whose session is gone."
    )
    assert anonymous_keys() == ({GONE}, {GONE})

    out = StringIO()
    call_command("purge_anonymous", stdout=out)
    assert out.getvalue().startswith("Removed 1 anonymous learner (1 known topic, 1 goal)")
    assert anonymous_keys() == (set(), set())

    out = StringIO()
    call_command("purge_anonymous", stdout=out)
    assert out.getvalue().startswith("Removed 0 anonymous learners (0 known topics, 0 goals)")


def practise_through_the_site(client: Client) -> None:
    """Answer a KL divergence question and mark Shannon entropy known, as a visitor."""
    page = client.get("/topics/kl-divergence/practice/").content.decode()
    variant = re.search(r'name="variant" value="([^"]+)"', page).group(1)
    answered = client.post("/topics/kl-divergence/practice/", {"answer": "0.5", "variant": variant})
    assert answered.status_code == 200
    client.post("/known/shannon-entropy/", {"next": "/"})


def test_a_visitor_keeps_everything_until_the_session_expires_and_clearsessions_ran():
    make_graph([("shannon-entropy", "kl-divergence")])
    practice_services.questions_load()
    staying, leaving = Client(), Client()
    practise_through_the_site(staying)
    practise_through_the_site(leaving)
    assert Attempt.objects.filter(learner__user__isnull=True).count() == 2

    assert services.anonymous_purge() == services.PurgeResult(0, 0, 0, 0)

    leaving_key = leaving.session.session_key
    expire(leaving_key)
    call_command("clearsessions")
    assert not Session.objects.filter(session_key=leaving_key).exists()
    assert anonymous_keys() == (
        {staying.session.session_key, leaving_key},
        {staying.session.session_key, leaving_key},
    )

    assert services.anonymous_purge() == services.PurgeResult(1, 1, 0, 1)
    staying_key = staying.session.session_key
    assert anonymous_keys() == ({staying_key}, {staying_key})
    assert Attempt.objects.get().learner.session_key == staying_key
    assert KnownTopic.objects.get().learner.session_key == staying_key


def test_sessions_kept_outside_the_database_are_refused_and_nothing_is_removed(
    graph, practise, settings
):
    anonymous_learner(GONE, graph)
    practise(graph["c"], [True], session_key=GONE)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"

    with pytest.raises(ValidationError, match="not in the database"):
        services.anonymous_purge()
    with pytest.raises(CommandError, match="nothing was removed"):
        call_command("purge_anonymous")
    assert anonymous_keys() == ({GONE}, {GONE})
