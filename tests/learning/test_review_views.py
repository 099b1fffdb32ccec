"""The review page, the dashboard's daily queue and the topics due in the pictures of
the graph, through the Django test client: for visitors and signed-in students, each
seeing only their own memories."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from learners.services import learner_ensure
from learning import services
from learning.models import TopicMemory
from learning.selectors import review as review_selectors
from tests.learning.practice_answers import answer, graph_with_questions, master
from tests.learning.test_picture import states

pytestmark = pytest.mark.django_db

#   a → b → c → d,  e (alone)
EDGES = [("a", "b"), ("b", "c"), ("c", "d")]
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DUE = START + timedelta(days=2)  # a topic mastered right at START falls due then


@pytest.fixture
def topics():
    return graph_with_questions(EDGES, extra=("e",))


def signed_in(client: Client, username: str = "ada"):
    user = get_user_model().objects.create_user(username=username, password="correct horse 42")
    client.force_login(user)
    return learner_ensure(user=user, session_key=None)


def visitor(client: Client, topics):
    """A visitor without an account who has written something (a goal), so their
    session has a learner."""
    client.post("/goals/d/")
    return learner_ensure(user=None, session_key=client.session.session_key)


def by_testid(html: str, name: str) -> str:
    """The text of the element ``data-testid=name`` (none of its kind nested in it)."""
    found = re.search(rf'<(\w+)[^>]*data-testid="{name}"[^>]*>(.*?)</\1>', html, re.S)
    assert found, f"no {name} on the page"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found[2])).strip()


def page(client: Client, url: str, when: datetime) -> str:
    with time_machine.travel(when, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitor_who_never_practised_sees_how_review_works(client, topics):
    html = page(client, "/review/", START)
    assert "Nothing is due for review today." in by_testid(html, "review-empty")
    assert "Master a topic in practice" in html and "review-queue" not in html
    assert 'href="/review/"' in html  # in the navbar


@pytest.mark.parametrize("who", ["student", "visitor"])
def test_a_mastered_topic_is_due_after_its_interval_then_listed_to_practise(client, topics, who):
    learner = signed_in(client) if who == "student" else visitor(client, topics)
    with time_machine.travel(START, tick=False):
        master(learner, topics["b"])
    html = page(client, "/review/", START + timedelta(days=1))
    assert "Nothing is due for review today." in html
    assert by_testid(html, "next-due") == "Wednesday 4 March 2026"
    assert "B" in by_testid(html, "review-later")

    html = page(client, "/review/", DUE)
    assert "review-empty" not in html
    assert by_testid(html, "review-counts") == ("1 topic due · 1 review to do · about 3 minutes")
    assert '<a class="btn btn-sm btn-primary" href="/topics/b/practice/"' in html
    # due when recall falls to about 90% (the interval is rounded to whole days)
    assert 88 <= int(re.search(r"recall about (\d+)%", html)[1]) <= 95


def test_a_review_that_covers_another_due_one_comes_first_and_says_so(client, topics):
    learner = signed_in(client)
    with time_machine.travel(START, tick=False):
        for slug in "abc":
            master(learner, topics[slug])
    TopicMemory.objects.filter(learner=learner).update(due=DUE, credit=0)
    TopicMemory.objects.filter(learner=learner, topic=topics["b"]).update(credit=0.5)
    html = page(client, "/review/", DUE)
    # c (reviewing it gives b the half it lacks) first; a then, b needing no review.
    assert by_testid(html, "review-counts") == ("3 topics due · 2 reviews to do · about 6 minutes")
    items = [item.strip() for item in by_testid(html, "review-queue").split("Practise")]
    assert [item.split()[0] for item in items if item] == ["C", "A"]
    assert items[0].endswith("Also reviews B.") and "Also" not in items[1]


def test_each_student_sees_only_their_own_reviews(topics):
    ada, bob = Client(), Client()
    with time_machine.travel(START, tick=False):
        master(signed_in(ada, "ada"), topics["b"])
    signed_in(bob, "bob")
    assert "review-queue" in page(ada, "/review/", DUE)
    html = page(bob, "/review/", DUE)
    assert "Master a topic in practice" in html and "review-queue" not in html
    assert by_testid(page(bob, "/dashboard/", DUE), "daily-counts").startswith("0 reviews")


def test_the_dashboard_mixes_due_reviews_and_new_topics_towards_the_goal(client, topics):
    learner = signed_in(client)
    services.goal_set(learner=learner, topic=topics["d"])
    with time_machine.travel(START, tick=False):
        master(learner, topics["a"])
    html = page(client, "/dashboard/", START)
    daily = by_testid(html, "daily-counts")
    assert daily == f"0 reviews and 1 new topic · about {topics['b'].minutes} minutes"
    assert "B" in by_testid(html, "daily-new") and "E" not in by_testid(html, "daily-new")

    html = page(client, "/dashboard/", DUE)
    minutes = 3 + topics["b"].minutes
    assert by_testid(html, "daily-counts") == f"1 review and 1 new topic · about {minutes} minutes"
    assert '<a href="/topics/a/practice/">A</a>' in html


def test_without_a_goal_the_new_topics_come_from_the_whole_frontier(client, topics):
    html = page(client, "/dashboard/", START)
    new = by_testid(html, "daily-new")
    assert "A" in new and "E" in new and "towards" not in html.split('data-testid="daily"')[1][:600]


def test_the_topic_page_marks_the_topics_due(client, topics):
    learner = signed_in(client)
    with time_machine.travel(START, tick=False):
        master(learner, topics["b"])
    with time_machine.travel(START + timedelta(days=1), tick=False):
        assert states(client.get("/topics/c/"))["b"] == "mastered"
        assert states(client.get("/topics/b/"))["b"] == "mastered"
    with time_machine.travel(DUE, tick=False):
        assert states(client.get("/topics/c/"))["b"] == "due"
        assert states(client.get("/topics/b/"))["b"] == "due"
    assert states(Client().get("/topics/c/"))["b"] != "due"  # another visitor's picture


def test_the_plan_marks_a_forgotten_topic_back_in_it_as_due(client, topics):
    learner = signed_in(client)
    services.goal_set(learner=learner, topic=topics["d"])
    with time_machine.travel(START, tick=False):
        master(learner, topics["c"])
    with time_machine.travel(DUE, tick=False):
        for seed in (101, 101, 102, 102):  # two variants, each wrong twice: two lapses
            answer(learner, topics["c"], correct=False, seed=seed)
        # back in the plan (locked: it alone made a and b known), not due yet
        assert states(client.get("/plan/"))["c"] == "locked"
    row = TopicMemory.objects.get(learner=learner, topic=topics["c"])
    assert row.lapses == 2
    with time_machine.travel(row.due, tick=False):
        assert states(client.get("/plan/"))["c"] == "due"


def test_the_review_page_reads_as_much_for_one_memory_as_for_many(client, topics):
    learner = signed_in(client)
    counts = []
    for slugs in ("a", "abcd"):
        with time_machine.travel(START, tick=False):
            for slug in slugs:
                if not TopicMemory.objects.filter(learner=learner, topic=topics[slug]).exists():
                    master(learner, topics[slug])
        with time_machine.travel(DUE, tick=False), CaptureQueriesContext(connection) as queries:
            assert client.get("/review/").status_code == 200
        counts.append(len(queries))
    assert TopicMemory.objects.filter(learner=learner).count() == 4
    assert counts[0] == counts[1]


def test_later_days_name_a_few_topics_each_and_count_the_rest(client, topics, monkeypatch):
    monkeypatch.setattr(review_selectors, "LATER_TITLES", 2)
    monkeypatch.setattr(review_selectors, "LATER_DAYS", 2)
    learner = signed_in(client)
    with time_machine.travel(START, tick=False):
        for slug in "abcde":
            master(learner, topics[slug])
    memories = TopicMemory.objects.filter(learner=learner)
    memories.filter(topic__slug__in="abc").update(due=START + timedelta(days=3, hours=1))
    memories.filter(topic__slug="d").update(due=START + timedelta(days=4))
    memories.filter(topic__slug="e").update(due=START + timedelta(days=9))
    html = page(client, "/review/", START)
    assert by_testid(html, "review-later") == (
        "Due later Thursday 5 March 2026 (3): A, B and 1 more Friday 6 March 2026 (1): D"
    )
    assert by_testid(html, "next-due") == "Thursday 5 March 2026"
