"""The learner's pages and buttons through the Django test client."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from knowledge_graph import services as graph_services
from knowledge_graph.models import Topic
from learners.models import Learner
from learning.models import Goal, KnownTopic
from practice.models import Attempt
from tests.knowledge_graph.factories import make_graph
from tests.knowledge_graph.seed import KL_FIGURES

pytestmark = pytest.mark.django_db

#   a → b → d → e ← f
#   x → c ↗
EDGES = [("a", "b"), ("b", "d"), ("c", "d"), ("x", "c"), ("d", "e"), ("f", "e")]
PASSWORD = "correct horse battery"

BUTTONS = ["known_add", "known_remove", "goal_set", "goal_remove"]
BUTTON_URLS = {
    "known_add": "/known/{}/",
    "known_remove": "/known/{}/undo/",
    "goal_set": "/goals/{}/",
    "goal_remove": "/goals/{}/remove/",
}


@pytest.fixture
def graph(db):
    return make_graph(EDGES, extra=("y",))


def url(button: str, slug: str) -> str:
    return BUTTON_URLS[button].format(slug)


def htmx_post(client: Client, path: str, target: str, **data):
    """Press a button with htmx (an empty answer raising ``learner-changed``), then fetch
    the block ``target`` as it refreshes itself: the topic page's actions for the
    button's topic, the dashboard, or the plan named by ``plan`` (page ``page``)."""
    pressed = client.post(path, data, HTTP_HX_REQUEST="true")
    assert pressed.status_code == 204, pressed.status_code
    assert pressed["HX-Trigger"] == "learner-changed"
    slug = [part for part in path.split("/") if part][1]
    block = {
        "topic-actions": f"/topics/{slug}/",
        "dashboard": "/dashboard/",
        "plan": f"/plan/{data['plan']}/" if data.get("plan") else "/plan/",
    }[target]
    if target == "plan" and data.get("page"):
        block += f"?page={data['page']}"
    return client.get(block, HTTP_HX_REQUEST="true", HTTP_HX_TARGET=target)


def text(response) -> str:
    """The page's text with tags dropped and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


class _TestIdText(HTMLParser):
    """Collects the text inside the first element with a given ``data-testid``."""

    VOID = {"input", "br", "img", "hr", "meta", "link", "source", "wbr"}

    def __init__(self, name: str):
        super().__init__()
        self.name, self.depth, self.found, self.parts = name, 0, False, []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
        elif not self.found and dict(attrs).get("data-testid") == self.name:
            self.depth, self.found = 1, True

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def by_testid(response, name: str) -> str:
    """The text of the element with ``data-testid=name``, whitespace collapsed."""
    parser = _TestIdText(name)
    parser.feed(response.content.decode())
    assert parser.found, f"no {name} in the page"
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def login(client: Client, username: str) -> None:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    client.force_login(user)
    return user


def known_slugs(**owner) -> set[str]:
    return set(KnownTopic.objects.filter(**owner).values_list("topic__slug", flat=True))


def goals_of(**owner) -> dict[str, bool]:
    return dict(Goal.objects.filter(**owner).values_list("topic__slug", "is_current"))


# --- buttons ----------------------------------------------------------------------


@pytest.mark.parametrize("button", BUTTONS)
@pytest.mark.parametrize("target", ["topic-actions", "dashboard", "plan"])
def test_every_button_answers_htmx_with_an_event_and_each_block_refreshes(
    client, graph, button, target
):
    client.post(url("goal_set", "e"), {"next": "/"})  # so there is a plan and a goal to remove
    response = htmx_post(client, url(button, "d"), target, next="/dashboard/", plan="e")
    assert response.status_code == 200
    body = response.content.decode().strip()
    assert body.startswith(f'<div id="{target}"'), body[:200]
    assert "<html" not in body and "<nav" not in body


@pytest.mark.parametrize("button", BUTTONS)
def test_every_button_works_as_a_plain_form_and_returns_to_a_safe_next(client, graph, button):
    response = client.post(url(button, "d"), {"next": "/plan/e/?page=1"})
    assert (response.status_code, response["Location"]) == (302, "/plan/e/?page=1")
    page = client.get(response["Location"])
    assert page.status_code == 200 and "D" in by_testid(page, "plan")


@pytest.mark.parametrize("button", BUTTONS)
@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""]
)
def test_an_external_or_missing_next_is_ignored(client, graph, button, target):
    response = client.post(url(button, "d"), {"next": target})
    assert (response.status_code, response["Location"]) == (302, "/topics/d/")


def test_a_plain_post_leaves_a_message_on_the_page_it_returns_to(client, graph):
    response = client.post(url("known_add", "d"), {"next": "/topics/d/"}, follow=True)
    assert "Marked D as known." in text(response)
    assert by_testid(response, "status") == "Known"


@pytest.mark.parametrize("button", BUTTONS)
def test_get_on_a_button_is_refused(client, graph, button):
    assert client.get(url(button, "d")).status_code == 405
    assert not Learner.objects.exists()


@pytest.mark.parametrize("button", BUTTONS)
def test_an_unknown_topic_is_a_404(client, graph, button):
    assert client.post(url(button, "no-such-topic"), {"next": "/"}).status_code == 404
    assert client.get("/plan/no-such-topic/").status_code == 404


@pytest.mark.parametrize("button", BUTTONS)
def test_a_post_without_the_csrf_token_is_refused(graph, button):
    client = Client(enforce_csrf_checks=True)
    login(client, "ada")
    assert client.post(url(button, "d"), {"next": "/"}).status_code == 403
    assert client.post(url(button, "d"), HTTP_HX_REQUEST="true").status_code == 403
    assert not KnownTopic.objects.exists() and not Goal.objects.exists()


def test_the_page_carries_the_csrf_token_for_forms_and_htmx(graph):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/topics/d/")
    token = client.cookies["csrftoken"].value
    html = page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert '"X-CSRFToken": "' in html  # hx-headers on <body>
    form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert (
        client.post(url("known_add", "d"), {"csrfmiddlewaretoken": form_token}).status_code == 302
    )
    response = client.post(url("goal_set", "e"), HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 204
    assert known_slugs() == {"d"} and goals_of() == {"e": True}


# --- the topic page ----------------------------------------------------------------


def test_topic_page_status_known_implicit_new_and_undo(client, graph):
    assert by_testid(client.get("/topics/x/"), "status") == "New"
    response = htmx_post(client, url("known_add", "d"), "topic-actions")
    assert by_testid(response, "status") == "Known"
    assert 'data-testid="known-undo"' in response.content.decode()
    assert by_testid(client.get("/topics/x/"), "status") == "Known through D"
    htmx_post(client, url("known_add", "e"), "topic-actions")
    assert by_testid(client.get("/topics/x/"), "status") == "Known through D and 1 other"

    response = htmx_post(client, url("known_remove", "d"), "topic-actions")
    assert by_testid(response, "status") == "Known through E"  # d itself, through e
    htmx_post(client, url("known_remove", "e"), "topic-actions")
    assert by_testid(client.get("/topics/x/"), "status") == "New"
    assert by_testid(client.get("/topics/d/"), "status") == "New"


def test_topic_page_goal_buttons_switch_in_place(client, graph):
    response = htmx_post(client, url("goal_set", "e"), "topic-actions")
    assert by_testid(response, "goal-status") == "Current goal"
    assert by_testid(response, "goal-remove") == "Remove goal"
    htmx_post(client, url("goal_set", "d"), "topic-actions")
    page = client.get("/topics/e/")
    assert by_testid(page, "goal-set") == "Make current goal"
    response = htmx_post(client, url("goal_remove", "e"), "topic-actions")
    assert by_testid(response, "goal-set") == "Set as goal"
    assert 'data-testid="goal-remove"' not in response.content.decode()


def test_topic_page_progress_counts_the_prerequisites(client, graph):
    e = graph["e"]
    assert by_testid(client.get("/topics/e/"), "topic-left") == f"{e.ancestor_count} to go"
    client.post(url("known_add", "c"), {"next": "/"})  # and x
    assert by_testid(client.get("/topics/e/"), "topic-left") == f"{e.ancestor_count - 2} to go"


# --- accounts and carrying an anonymous session over -----------------------------------


def act_anonymously(client: Client, graph) -> str:
    """Mark d known, set goals e then c, and answer a question: as a visitor."""
    client.post(url("known_add", "d"), {"next": "/"})
    client.post(url("goal_set", "e"), {"next": "/"})
    client.post(url("goal_set", "c"), {"next": "/"})
    session_key = client.session.session_key
    assert Learner.objects.get(session_key=session_key).user is None
    from practice.models import QuestionTemplate

    question = QuestionTemplate.objects.create(
        topic=graph["e"], slug="e-q", title="Q", generator="entropy_discrete"
    )
    Attempt.objects.create(
        learner=Learner.objects.get(session_key=session_key),
        question=question,
        seed=1,
        variant={},
        expected=1.0,
        raw_answer="1",
        value=1.0,
        correct=True,
    )
    return session_key


def test_signup_keeps_what_the_visitor_did(client, graph):
    session_key = act_anonymously(client, graph)
    page = client.get("/accounts/signup/")
    assert 'class="form-control' in page.content.decode()  # crispy, Bootstrap 5
    response = client.post(
        "/accounts/signup/",
        {"username": "grace", "password1": PASSWORD, "password2": PASSWORD, "next": "/plan/"},
    )
    assert (response.status_code, response["Location"]) == (302, "/plan/")
    user = get_user_model().objects.get(username="grace")
    assert known_slugs(learner__user=user) == {"d"}
    assert goals_of(learner__user=user) == {"e": False, "c": True}
    assert Attempt.objects.get().learner.user == user
    assert not Learner.objects.filter(session_key=session_key).exists()
    dashboard = client.get("/dashboard/")
    assert by_testid(dashboard, "username") == "grace"
    assert by_testid(dashboard, "current-goal-title") == "C"
    assert "correct" in by_testid(dashboard, "recent-practice")


def test_signup_refuses_a_bad_form_and_keeps_the_visitor_anonymous(client, graph):
    act_anonymously(client, graph)
    response = client.post(
        "/accounts/signup/", {"username": "grace", "password1": PASSWORD, "password2": "other"}
    )
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert not get_user_model().objects.exists()
    assert known_slugs(learner__user__isnull=True) == {"d"}


def test_login_merges_the_visitor_into_the_account(client, graph):
    user = get_user_model().objects.create_user(username="ada", password=PASSWORD)
    mine = Learner.objects.create(user=user)
    KnownTopic.objects.create(learner=mine, topic=graph["f"])
    Goal.objects.create(learner=mine, topic=graph["b"], is_current=True)
    act_anonymously(client, graph)

    page = client.get("/accounts/login/?next=/plan/")
    assert 'class="form-control' in page.content.decode()
    response = client.post(
        "/accounts/login/", {"username": "ada", "password": PASSWORD, "next": "/plan/"}
    )
    assert (response.status_code, response["Location"]) == (302, "/plan/")
    assert known_slugs(learner=mine) == {"d", "f"}
    assert goals_of(learner=mine) == {"b": True, "e": False, "c": False}
    assert Attempt.objects.get().learner.user == user
    assert Learner.objects.count() == 1


def test_login_ignores_an_external_next(client, graph):
    get_user_model().objects.create_user(username="ada", password=PASSWORD)
    response = client.post(
        "/accounts/login/",
        {"username": "ada", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert (response.status_code, response["Location"]) == (302, "/dashboard/")


def test_password_change_and_logout(client, graph):
    login(client, "ada")
    assert 'class="form-control' in client.get("/accounts/password/").content.decode()
    new = "a different long passphrase"
    response = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert (response.status_code, response["Location"]) == (302, "/accounts/password/done/")
    assert client.get("/accounts/password/done/").status_code == 200

    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/accounts/password/").status_code == 302  # login needed again
    assert not client.login(username="ada", password=PASSWORD)
    assert client.login(username="ada", password=new)


def test_a_wrong_old_password_changes_nothing(client, graph):
    login(client, "ada")
    response = client.post(
        "/accounts/password/",
        {"old_password": "wrong", "new_password1": "x" * 20, "new_password2": "x" * 20},
    )
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert client.login(username="ada", password=PASSWORD)


# --- one student's data is theirs alone -----------------------------------------------


def test_two_students_never_see_or_change_each_others_data(graph):
    ada, bob = Client(), Client()
    login(ada, "ada")
    ada.post(url("known_add", "b"), {"next": "/"})
    ada.post(url("goal_set", "e"), {"next": "/"})
    ada.post(url("goal_set", "d"), {"next": "/"})
    login(bob, "bob")

    assert "None yet" in by_testid(bob.get("/dashboard/"), "known-list")
    assert 'data-testid="other-goals"' not in bob.get("/dashboard/").content.decode()
    assert by_testid(bob.get("/plan/"), "no-goal").startswith("You have no goal yet")
    assert by_testid(bob.get("/plan/e/"), "plan-known") == f"0 / {graph['e'].ancestor_count} known"
    assert by_testid(bob.get("/topics/a/"), "status") == "New"

    # Bob's buttons act on Bob alone, even on Ada's topics.
    for button in BUTTONS:
        for slug in ("b", "e", "d"):
            bob.post(url(button, slug), {"next": "/"})
    bob.post(url("goal_set", "c"), {"next": "/"})
    assert known_slugs(learner__user__username="ada") == {"b"}
    assert goals_of(learner__user__username="ada") == {"e": False, "d": True}
    assert goals_of(learner__user__username="bob")["c"] is True
    assert by_testid(ada.get("/plan/"), "plan-known") == f"2 / {graph['d'].ancestor_count} known"


def test_two_visitors_have_separate_sessions(graph):
    one, two = Client(), Client()
    one.post(url("known_add", "b"), {"next": "/"})
    assert by_testid(two.get("/topics/a/"), "status") == "New"
    two.post(url("known_remove", "b"), {"next": "/"})
    assert by_testid(one.get("/topics/a/"), "status") == "Known through B"
    assert Learner.objects.filter(user__isnull=True).count() == 2


# --- the plan and the dashboard -----------------------------------------------------------


def test_plan_numbers_for_kl_divergence_match_the_topic_page(client, curriculum):
    kl = Topic.objects.get(slug="kl-divergence")
    # The seed's figure for KL divergence, which the topic page shows too.
    assert kl.ancestor_count == KL_FIGURES["ancestor_count"]
    topic_page = client.get("/topics/kl-divergence/")
    assert f"{kl.ancestor_count} total prerequisite topics" in by_testid(
        topic_page, "chain-summary"
    )
    assert by_testid(topic_page, "topic-left") == f"{kl.ancestor_count} to go"

    client.post(url("goal_set", "kl-divergence"), {"next": "/"})
    plan = client.get("/plan/")
    assert by_testid(plan, "plan-left") == f"{kl.ancestor_count} topics to go"
    assert by_testid(plan, "plan-known") == f"0 / {kl.ancestor_count} known"
    steps = re.findall(r'data-slug="([^"]+)"', plan.content.decode())
    assert len(steps) == kl.ancestor_count and "kl-divergence" not in steps
    minutes = sum(
        Topic.objects.filter(slug__in=[*steps, "kl-divergence"]).values_list("minutes", flat=True)
    )
    assert by_testid(plan, "plan-hours") == f"about {round(minutes / 60, 1)} hours"
    assert "KL Divergence" in by_testid(plan, "plan-goal")
    dashboard = client.get("/dashboard/")
    assert by_testid(dashboard, "goal-progress").startswith(
        f"0 / {kl.ancestor_count} known · {kl.ancestor_count} topics to go"
    )


def test_marking_mutual_information_shrinks_the_plan_by_its_ancestors_and_itself(
    client, curriculum
):
    kl = Topic.objects.get(slug="kl-divergence")
    mi = Topic.objects.get(slug="mutual-information")
    client.post(url("goal_set", "kl-divergence"), {"next": "/"})
    response = htmx_post(client, url("known_add", "mutual-information"), "plan", plan="")
    left = kl.ancestor_count - (mi.ancestor_count + 1)
    assert by_testid(response, "plan-left") == f"{left} topics to go"
    assert (
        by_testid(response, "plan-known") == f"{mi.ancestor_count + 1} / {kl.ancestor_count} known"
    )
    assert len(re.findall(r'data-slug="', response.content.decode())) == left
    assert "Mutual Information" in by_testid(response, "plan-marked")
    topic_page = client.get("/topics/kl-divergence/")
    assert by_testid(topic_page, "topic-left") == f"{left} to go"

    response = htmx_post(client, url("known_remove", "mutual-information"), "plan", plan="")
    assert by_testid(response, "plan-left") == f"{kl.ancestor_count} topics to go"
    assert 'data-testid="plan-marked"' not in response.content.decode()


def test_plan_steps_come_after_their_prerequisites_and_mark_what_is_ready(client, graph):
    page = client.get("/plan/e/")
    order = re.findall(r'data-slug="([^"]+)"', page.content.decode())
    assert sorted(order) == ["a", "b", "c", "d", "f", "x"]
    for before, after in EDGES:
        if after != "e":
            assert order.index(before) < order.index(after)
    ready = by_testid(page, "plan-ready")
    assert ready.index("A") < ready.index("F") and "X" in ready and "B" not in ready


def test_plan_steps_escape_what_instructors_wrote_and_link_each_topic(client, graph):
    Topic.objects.filter(slug="a").update(title='<b>A & "a"</b>')
    graph_services.graph_recompute()
    html = client.get("/plan/e/").content.decode()
    step = re.search(r'<li[^>]*data-slug="a".*?</li>', html, re.S).group(0)
    assert "<b>" not in step
    assert "&lt;b&gt;A &amp; &quot;a&quot;&lt;/b&gt;" in step
    assert '<a href="/topics/a/">' in step
    assert f'formaction="{url("known_add", "a")}"' in step
    assert "ready" in step and "min</small>" in step


def test_plan_buttons_re_render_the_same_plan_and_page(client, graph):
    client.post(url("goal_set", "d"), {"next": "/"})
    # Marking on e's plan (not the current goal) keeps showing e's plan.
    response = htmx_post(client, url("known_add", "x"), "plan", plan="e", page="1")
    assert "Plan for E" in text(response)
    assert by_testid(response, "plan-left") == "5 topics to go"
    response = htmx_post(client, url("goal_set", "e"), "plan", plan="e")
    assert by_testid(response, "goal-status") == "Current goal"


def test_mastery_counts_as_knowing_and_is_shown_apart_from_what_was_said(client, graph, practise):
    client.post(url("goal_set", "e"), {"next": "/"})
    session_key = client.session.session_key
    practise(graph["b"], [True, True, True], session_key=session_key)
    practise(graph["a"], [False], session_key=session_key)

    b = client.get("/topics/b/")
    assert by_testid(b, "status") == "Known: mastered in practice"
    assert 'data-testid="known-add"' not in b.content.decode()  # nothing left to say
    a = client.get("/topics/a/")  # needed by b, so known; its own practice under way
    assert (by_testid(a, "status"), by_testid(a, "mastery")) == (
        "Known through practice",
        "Practice: 0 of 1 question solved",
    )
    plan = client.get("/plan/")
    assert by_testid(plan, "plan-known") == f"2 / {graph['e'].ancestor_count} known"
    assert 'data-slug="b"' not in plan.content.decode()
    dashboard = client.get("/dashboard/")
    assert by_testid(dashboard, "mastered-list") == "B"
    assert "wrong" in by_testid(dashboard, "recent-practice")

    client.post(url("known_add", "b"), {"next": "/"})
    b = client.get("/topics/b/")
    assert by_testid(b, "status") == "Known: mastered in practice"
    assert 'data-testid="known-undo"' in b.content.decode()  # what was said can be undone


def test_practice_that_goes_badly_on_a_known_topic_puts_it_back_with_a_message(
    client, graph, practise
):
    client.post(url("goal_set", "e"), {"next": "/"})
    client.post(url("known_add", "d"), {"next": "/"})
    practise(graph["c"], [False, True, False], session_key=client.session.session_key)
    c = client.get("/topics/c/")
    assert by_testid(c, "status") == "Back in your plan"
    assert by_testid(c, "doubted").startswith("Only 1 of your last 3 answers here were right")
    plan = client.get("/plan/")
    assert re.search(r'data-slug="c"', plan.content.decode())
    assert "went badly: C." in by_testid(plan, "plan-doubted")


def test_dashboard_shows_goal_progress_ready_known_and_other_goals(client, graph):
    client.post(url("goal_set", "d"), {"next": "/"})
    client.post(url("goal_set", "e"), {"next": "/"})
    client.post(url("known_add", "c"), {"next": "/"})
    page = client.get("/dashboard/")
    assert by_testid(page, "current-goal-title") == "E"
    assert by_testid(page, "goal-progress").startswith("2 / 6 known · 4 topics to go")
    assert '<progress class="learner-progress" max="6" value="2"' in page.content.decode()
    # a, f and y unlock the most (3, 1 and 0 topics)
    assert re.findall(r"(\w+) unlocks (\d+)", by_testid(page, "ready")) == [
        ("A", "3"),
        ("F", "1"),
        ("Y", "0"),
    ]
    assert "C" in by_testid(page, "known-list")
    assert "D" in by_testid(page, "other-goals")

    response = htmx_post(client, url("goal_set", "d"), "dashboard", next="/dashboard/")
    assert by_testid(response, "current-goal-title") == "D"
    response = htmx_post(client, url("known_remove", "c"), "dashboard", next="/dashboard/")
    assert "None yet" in by_testid(response, "known-list")
    response = htmx_post(client, url("goal_remove", "d"), "dashboard", next="/dashboard/")
    assert by_testid(response, "current-goal-title") == "E"


def test_the_dashboard_reads_as_much_for_many_known_topics_as_for_one(client, graph):
    """The list of known topics shows where each came from ("found by placement")
    without a query per topic."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.post(url("known_add", "a"), {"next": "/"})
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as one:
        client.get("/dashboard/")
    for slug in ["c", "f", "x", "y"]:
        client.post(url("known_add", slug), {"next": "/"})
    KnownTopic.objects.filter(topic__slug="x").update(source="placement")
    with CaptureQueriesContext(connection) as five:
        page = client.get("/dashboard/")
    assert len(five) == len(one), [q["sql"][:120] for q in five]
    assert by_testid(page, "from-placement") == "found by placement"


def test_pages_for_a_visitor_with_nothing_yet(client, graph):
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code == 200 and "anonymous-note" in dashboard.content.decode()
    assert "No goal yet" in by_testid(dashboard, "current-goal")
    assert client.get("/plan/").status_code == 200
    assert not Learner.objects.exists()  # reading creates nothing


def test_pages_never_use_inline_styles_or_scripts(client, graph):
    client.post(url("goal_set", "e"), {"next": "/"})
    client.post(url("known_add", "c"), {"next": "/"})
    for path in ["/dashboard/", "/plan/", "/topics/e/", "/accounts/signup/", "/accounts/login/"]:
        html = client.get(path).content.decode()
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r"<script(?![^>]*\bnonce=)", html), path
        assert not re.search(r"\son\w+=", html), path
