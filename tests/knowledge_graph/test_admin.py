"""Instructors edit topics and edges in the admin; the graph stays acyclic and right."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from knowledge_graph.models import Prerequisite, Topic
from practice.models import QuestionTemplate
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db


@pytest.fixture
def instructor_client(client):
    call_command("create_instructor", "ines", password="a-long-Password-42", verbosity=0)
    assert client.login(username="ines", password="a-long-Password-42")
    return client


def test_create_instructor_makes_a_staff_member_of_the_instructors_group():
    call_command("create_instructor", "ines", password="pw-Secret-123", verbosity=0)
    user = User.objects.get(username="ines")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Instructors"]
    assert user.has_perm("knowledge_graph.change_topic")
    assert user.has_perm("knowledge_graph.add_prerequisite")
    assert user.has_perm("practice.change_questiontemplate")
    assert not user.has_perm("auth.change_user")


def test_instructor_cannot_reach_users(instructor_client):
    assert (
        instructor_client.get(reverse("admin:knowledge_graph_topic_changelist")).status_code == 200
    )
    assert instructor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert instructor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_the_admin_names_the_site_s_icon(instructor_client):
    """Without it the browser asks for /favicon.ico, which is not served: a 404 in the
    console of every admin page."""
    icon = '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
    assert icon in Client().get(reverse("admin:login")).content.decode()
    changelist = reverse("admin:knowledge_graph_topic_changelist")
    assert icon in instructor_client.get(changelist).content.decode()


def test_non_staff_user_is_sent_to_the_admin_login(client):
    User.objects.create_user("student", password="pw-Secret-123")
    client.login(username="student", password="pw-Secret-123")
    response = client.get(reverse("admin:knowledge_graph_topic_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_edge_that_closes_a_cycle_is_refused_in_the_edge_form(instructor_client):
    t = make_graph([("a", "b"), ("b", "c")])
    response = instructor_client.post(
        reverse("admin:knowledge_graph_prerequisite_add"),
        {"prerequisite": t["c"].pk, "dependent": t["a"].pk},
    )
    assert response.status_code == 200
    assert "C → A → B → C" in response.content.decode()
    assert not Prerequisite.objects.filter(prerequisite=t["c"], dependent=t["a"]).exists()


def test_valid_edge_in_the_edge_form_updates_depth(instructor_client):
    t = make_graph([("a", "b")], extra=("x",))
    response = instructor_client.post(
        reverse("admin:knowledge_graph_prerequisite_add"),
        {"prerequisite": t["b"].pk, "dependent": t["x"].pk},
    )
    assert response.status_code == 302
    assert Topic.objects.get(slug="x").depth == 2
    page = instructor_client.get(reverse("topic_detail", args=["x"]))
    assert "Depth 2 in the knowledge graph" in page.content.decode()


def inline_post(topic: Topic, rows: list[dict]) -> dict:
    data = {
        "title": topic.title,
        "slug": topic.slug,
        "level": topic.level,
        "aliases": topic.aliases,
        "minutes": topic.minutes,
        "core_idea": topic.core_idea,
        "explainer": topic.explainer,
        "prerequisite_edges-TOTAL_FORMS": len(rows),
        "prerequisite_edges-INITIAL_FORMS": sum(1 for r in rows if r.get("id")),
        "prerequisite_edges-MIN_NUM_FORMS": 0,
        "prerequisite_edges-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"prerequisite_edges-{i}-{key}"] = value
        data[f"prerequisite_edges-{i}-dependent"] = topic.pk
    return data


def test_topic_inline_refuses_a_cycle_and_saves_nothing(instructor_client):
    t = make_graph([("a", "b"), ("b", "c")])
    url = reverse("admin:knowledge_graph_topic_change", args=[t["a"].pk])
    before = Topic.objects.get(slug="a").title
    data = inline_post(t["a"], [{"prerequisite": t["c"].pk}])
    data["title"] = "Renamed"
    response = instructor_client.post(url, data)
    assert response.status_code == 200
    assert "This would make a cycle: C → A → B → C" in response.content.decode()
    assert Topic.objects.get(slug="a").title == before
    assert Prerequisite.objects.count() == 2


def test_topic_inline_edit_recomputes_derived_numbers(instructor_client):
    t = make_graph([("a", "b")], extra=("x",))
    url = reverse("admin:knowledge_graph_topic_change", args=[t["x"].pk])
    response = instructor_client.post(url, inline_post(t["x"], [{"prerequisite": t["b"].pk}]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Topic.objects.get(slug="x").depth == 2
    assert Topic.objects.get(slug="a").descendant_count == 2


def test_deleting_a_topic_in_the_admin_recomputes(instructor_client):
    t = make_graph([("a", "b"), ("b", "c")])
    url = reverse("admin:knowledge_graph_topic_delete", args=[t["b"].pk])
    assert instructor_client.post(url, {"post": "yes"}).status_code == 302
    assert Topic.objects.get(slug="c").depth == 0
    assert Topic.objects.get(slug="a").descendant_count == 0


PERCENT_TITLES = {"a": "100% sure", "b": "Odds %(x)s", "c": "Rates 5%%d"}


def test_titles_with_percent_signs_are_named_as_typed_in_a_refused_cycle(instructor_client):
    t = make_graph([("a", "b"), ("b", "c")])
    for slug, title in PERCENT_TITLES.items():
        Topic.objects.filter(slug=slug).update(title=title)
    response = instructor_client.post(
        reverse("admin:knowledge_graph_prerequisite_add"),
        {"prerequisite": t["c"].pk, "dependent": t["a"].pk},
    )
    assert response.status_code == 200
    cycle = "Rates 5%%d → 100% sure → Odds %(x)s → Rates 5%%d"
    assert escape(f"This would make a cycle: {cycle}.") in response.content.decode()
    url = reverse("admin:knowledge_graph_topic_change", args=[t["a"].pk])
    data = inline_post(Topic.objects.get(slug="a"), [{"prerequisite": t["c"].pk}])
    response = instructor_client.post(url, data)
    assert response.status_code == 200
    assert escape(f"This would make a cycle: {cycle}.") in response.content.decode()
    assert Prerequisite.objects.count() == 2


def test_an_instructor_saves_percent_signs_in_every_text_field_of_a_topic(instructor_client):
    t = make_graph([], extra=("a",))
    url = reverse("admin:knowledge_graph_topic_change", args=[t["a"].pk])
    data = inline_post(t["a"], [])
    data |= {"title": "50% %(x)s", "aliases": "100%%\nabc%d", "core_idea": "5% of $x$"}
    data["explainer"] = "A %(name)s and $p = 50\\%$ in 100%% of cases."
    response = instructor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    topic = Topic.objects.get(slug="a")
    assert (topic.title, topic.aliases) == ("50% %(x)s", "100%%\nabc%d")
    page = instructor_client.get(reverse("topic_detail", args=["a"])).content.decode()
    assert "50% %(x)s" in page and "A %(name)s and" in page and "in 100%% of cases" in page


@pytest.mark.parametrize("sent", ["100%", "%(x)s", "abc", str(10**400), "-1"])
def test_a_topic_that_is_not_a_key_is_refused_with_the_form_shown_again(instructor_client, sent):
    t = make_graph([("a", "b")])
    response = instructor_client.post(
        reverse("admin:knowledge_graph_prerequisite_add"),
        {"prerequisite": sent, "dependent": t["b"].pk},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    url = reverse("admin:knowledge_graph_topic_change", args=[t["b"].pk])
    response = instructor_client.post(url, inline_post(t["b"], [{"prerequisite": sent}]))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert Prerequisite.objects.count() == 1


HREF_FORMULA = r"$\href{javascript:alert(1)}{x}$"


def test_an_instructor_is_told_why_a_formula_with_a_link_or_a_style_is_refused(instructor_client):
    t = make_graph([], extra=("a",))
    url = reverse("admin:knowledge_graph_topic_change", args=[t["a"].pk])
    data = inline_post(t["a"], [])
    data["core_idea"] = r"Colour $\style{color:red}{p}$ it."
    data["explainer"] = f"A link {HREF_FORMULA} and $\\class{{navbar}}{{q}}$ here."
    response = instructor_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    reason = "is not allowed in a formula: a formula may not set links, styles, classes, ids"
    for latex, command in [
        (r"\style{color:red}{p}", r"\style"),
        (r"\href{javascript:alert(1)}{x}", r"\href"),
        (r"\class{navbar}{q}", r"\class"),
    ]:
        assert escape(f"The formula ${latex}$ cannot be shown: {command} {reason}") in html
    assert Topic.objects.get(slug="a").explainer == t["a"].explainer


# ------------------------------------------------------------------------------ coverage


def changelist_rows(html: str) -> dict[str, str]:
    """Each topic row of the admin's topic list, by the topic's slug."""
    rows = re.findall(r"<tr>.*?</tr>", html, re.S)
    return {
        re.search(r'class="field-slug">([^<]+)<', row).group(1): row
        for row in rows
        if 'class="field-slug"' in row
    }


def cell(row: str, pattern: str) -> str:
    return re.search(pattern, row).group(1)


def test_the_topic_list_shows_lesson_question_families_and_last_edited(instructor_client):
    topics = make_graph([("a", "b"), ("b", "c")])
    Topic.objects.filter(slug="a").update(explainer="# A\n\nWhat a is.")
    for i, active in enumerate([True, True, False]):
        QuestionTemplate.objects.create(
            topic=topics["b"],
            slug=f"b-{i}",
            title=f"B {i}",
            generator="entropy_binary",
            is_active=active,
        )
    url = reverse("admin:knowledge_graph_topic_changelist")
    rows = changelist_rows(instructor_client.get(url).content.decode())
    families = {
        s: re.search(r'field-question_families">(\d+)<', r).group(1) for s, r in rows.items()
    }
    assert families == {"a": "0", "b": "2", "c": "0"}  # the switched-off one is not counted
    lessons = {
        s: re.search(r'field-lesson"><img [^>]*alt="(\w+)"', r).group(1) for s, r in rows.items()
    }
    assert lessons == {"a": "True", "b": "False", "c": "False"}
    assert all('class="field-updated_at nowrap">' in r for r in rows.values())
    missing = changelist_rows(instructor_client.get(url, {"lesson": "no"}).content.decode())
    assert set(missing) == {"b", "c"}
    without = changelist_rows(instructor_client.get(url, {"questions": "no"}).content.decode())
    assert set(without) == {"a", "c"}
    by_families = instructor_client.get(url, {"o": "-5"}).content.decode()
    assert list(changelist_rows(by_families))[0] == "b"


def test_last_edited_follows_an_edit_in_the_admin(instructor_client):
    topics = make_graph([("a", "b")])
    old = timezone.now() - timedelta(days=3)
    Topic.objects.update(updated_at=old)
    topic = topics["a"]
    data = {**inline_post(topic, []), "title": "A edited"}
    response = instructor_client.post(
        reverse("admin:knowledge_graph_topic_change", args=[topic.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    edited = dict(Topic.objects.values_list("slug", "updated_at"))
    assert edited["a"] > old and edited["b"] == old  # the recompute is not an edit
