"""The placement page (/placement/) through the Django test client, on the shipped
curriculum."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from knowledge_graph.models import Topic
from learning.models import Goal, KnownTopic
from learning.views_placement import SESSION_KEY
from practice.forms import VariantRef
from practice.models import QuestionTemplate
from tests.learning.placement_student import answer_for, on_screen, up_to

URL = "/placement/"
PASSWORD = "correct horse battery"

pytestmark = pytest.mark.django_db


def start(client, goal: str = "kl-divergence"):
    response = client.post(URL, {"action": "start", "goal": goal})
    assert response.status_code == 302 and response["Location"] == URL
    return client.get(URL)


def answer(client, page, *, right: bool, **extra):
    topic, variant = on_screen(page.content.decode())
    text, _ = answer_for(variant, right=right)
    return client.post(URL, {"action": "answer", "variant": variant, "answer": text, **extra})


def answers_of(client) -> list:
    return client.session[SESSION_KEY]["answers"]


def take(client, knows, *, stop_after: int | None = None):
    """Answer every question as a student who knows the topics ``knows(slug)`` says."""
    page = start(client)
    asked = 0
    while (shown := on_screen(page.content.decode())) is not None:
        if stop_after is not None and asked == stop_after:
            client.post(URL, {"action": "stop"})
            break
        answer(client, page, right=knows(shown[0]))
        asked += 1
        page = client.get(URL)
    return client.get(URL), asked


def test_the_start_offers_kl_divergence_to_a_new_visitor(client, curriculum):
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="placement-start"' in html
    assert '<option value="kl-divergence" selected>KL Divergence</option>' in html
    assert 'href="/placement/"' in client.get("/dashboard/").content.decode()  # in the nav


def test_a_question_on_a_topic_below_the_goal_one_at_a_time(client, curriculum):
    page = start(client)
    topic, _ = on_screen(page.content.decode())
    assert topic in up_to("kl-divergence")
    assert "Question 1 of at most 25" in page.content.decode()
    answer(client, page, right=True)
    assert answers_of(client) == [[Topic.objects.get(slug=topic).pk, 1]]
    assert "Question 2 of at most 25" in client.get(URL).content.decode()


def test_a_form_sent_twice_counts_once(client, curriculum):
    page = start(client)
    first = answer(client, page, right=True)
    again = answer(client, page, right=False)
    assert first.status_code == again.status_code == 302
    assert len(answers_of(client)) == 1
    assert "already counted" in client.get(URL).content.decode()


def test_an_unreadable_answer_is_shown_again_and_counts_nothing(client, curriculum):
    page = start(client)
    _, variant = on_screen(page.content.decode())
    text, is_choice = answer_for(variant, right=True)
    sent = "zz" if is_choice else "2 +* 3"
    response = client.post(URL, {"action": "answer", "variant": variant, "answer": sent})
    assert response.status_code == 200
    assert 'data-testid="answer-error"' in response.content.decode()
    assert answers_of(client) == []


def test_not_learnt_yet_counts_as_a_wrong_answer(client, curriculum):
    page = start(client)
    topic, variant = on_screen(page.content.decode())
    client.post(URL, {"action": "answer", "variant": variant, "unknown": "1"})
    assert answers_of(client) == [[Topic.objects.get(slug=topic).pk, 0]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "answer", "variant": "forged", "answer": "1"}, "altered"),
        ({"action": "answer"}, "incomplete"),
        ({"action": "jump"}, "not one this page knows"),
    ],
)
def test_bad_forms_get_a_400_that_says_why(client, curriculum, data, message):
    start(client)
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert answers_of(client) == []


def test_without_a_placement_or_with_an_unknown_goal_a_400(client, curriculum):
    response = client.post(URL, {"action": "answer", "answer": "1"})
    assert response.status_code == 400 and "choose a goal" in response.content.decode()
    response = client.post(URL, {"action": "start", "goal": "no-such-topic"})
    assert response.status_code == 400 and "no such topic" in response.content.decode()


def test_a_student_who_knows_nothing_is_placed_at_the_start(client, curriculum):
    page, asked = take(client, lambda slug: False)
    html = page.content.decode()
    assert 'data-testid="placement-outcome"' in html
    assert 0 < asked <= 25
    # A wrong answer on a topic says its dependents are not known either: a handful of
    # answers places the student at the very start (a first topic or two without
    # questions may still be taken as known).
    known = int(re.search(r"you know (\d+) of the 328 topics", html).group(1))
    assert known <= 2
    assert KnownTopic.objects.count() <= known


def test_stopping_writes_the_known_topics_as_found_by_placement(client, curriculum):
    # Knows every topic below Shannon Entropy, and it.
    page, asked = take(client, up_to("shannon-entropy").__contains__)
    assert asked <= 25
    marks = KnownTopic.objects.all()
    assert marks and {k.source for k in marks} == {"placement"}
    dashboard = client.get("/dashboard/").content.decode()
    assert "found by placement" in dashboard
    # The outcome's count takes in the goal itself, which the plan's count of what lies
    # before it leaves out, and says so: 297 of 328 here is 297 / 327 on the plan.
    outcome = re.search(
        r"you know (\d+) of the (\d+) topics up to and including KL Divergence",
        page.content.decode(),
    )
    plan = re.search(r"(\d+) / (\d+) known", client.get("/plan/kl-divergence/").content.decode())
    assert outcome and plan
    assert (int(outcome[1]), int(outcome[2]) - 1) == (int(plan[1]), int(plan[2]))
    # Reloading the outcome writes nothing more; the page still shows it.
    count = marks.count()
    assert 'data-testid="placement-outcome"' in client.get(URL).content.decode()
    assert KnownTopic.objects.count() == count


def test_a_student_without_a_goal_gets_the_placement_s_goal(client, curriculum):
    take(client, up_to("shannon-entropy").__contains__, stop_after=3)
    goals = Goal.objects.all()
    assert [(g.topic.slug, g.is_current) for g in goals] == [("kl-divergence", True)]
    assert "No goal yet" not in client.get("/dashboard/").content.decode()


def test_a_placement_leaves_a_goal_the_student_chose(client, curriculum):
    client.post(reverse("goal_set", args=["mutual-information"]))
    chosen = [(g.topic.slug, g.is_current) for g in Goal.objects.all()]
    assert chosen == [("mutual-information", True)]
    take(client, up_to("shannon-entropy").__contains__, stop_after=3)
    assert [(g.topic.slug, g.is_current) for g in Goal.objects.all()] == chosen


def test_stop_at_any_time_and_take_it_again(client, curriculum):
    page, asked = take(client, lambda slug: True, stop_after=3)
    assert asked == 3
    html = page.content.decode()
    assert "From your 3 answers" in html
    assert client.post(URL, {"action": "answer", "answer": "1"}).status_code == 302
    assert len(answers_of(client)) == 3  # finished: nothing more counts
    client.post(URL, {"action": "restart"})
    assert 'data-testid="placement-start"' in client.get(URL).content.decode()


def test_a_retake_replaces_placement_marks_and_keeps_the_students_own(client, curriculum):
    client.post("/known/counting-to-10/")  # "I know this", pressed by the student

    def placement_marks() -> set[str]:
        found = KnownTopic.objects.filter(source="placement")
        return set(found.values_list("topic__slug", flat=True))

    take(client, lambda slug: True, stop_after=4)
    first = placement_marks()
    assert first
    client.post(URL, {"action": "restart"})
    take(client, lambda slug: False)  # to the end, this time knowing next to nothing
    assert placement_marks() != first and len(placement_marks()) <= 2
    assert KnownTopic.objects.get(topic__slug="counting-to-10").source == "self"


def test_a_visitor_s_placement_carries_into_the_account(client, curriculum):
    take(client, lambda slug: True, stop_after=4)
    marked = set(KnownTopic.objects.values_list("topic_id", "source"))
    assert marked
    response = client.post(
        "/accounts/signup/",
        {"username": "ada", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="ada")
    assert (
        set(KnownTopic.objects.filter(learner__user=user).values_list("topic_id", "source"))
        == marked
    )
    assert 'data-testid="placement-outcome"' in client.get(URL).content.decode()


def test_a_question_deleted_while_on_screen_gives_way_to_another(client, curriculum):
    page = start(client)
    _, variant = on_screen(page.content.decode())
    QuestionTemplate.objects.filter(pk=VariantRef.unsign(variant).question_id).delete()
    again = client.get(URL, follow=True)
    assert again.status_code == 200
    assert on_screen(again.content.decode())[1] != variant
    assert answers_of(client) == []
