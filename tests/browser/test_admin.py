"""An instructor edits the graph in the admin: a cycle is refused, a valid edge moves depth."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from knowledge_graph import graph as g
from knowledge_graph.models import Prerequisite, Topic

PASSWORD = "a-long-Password-42"


@pytest.fixture
def instructor(kl):
    call_command("create_instructor", "ines", password=PASSWORD, verbosity=0)
    return "ines"


def admin_login(page, username: str) -> None:
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def choose(page, field: str, title: str) -> None:
    """Pick ``title`` in the admin's autocomplete widget for ``field``."""
    page.locator(f'[aria-labelledby="select2-id_{field}-container"]').click()
    page.locator(".select2-search__field").fill(title)
    page.locator(".select2-results__option", has_text=re.compile(f"^{re.escape(title)}$")).click()


def deepening_edge() -> tuple[Topic, Topic]:
    """An edge that the graph allows and that makes its dependent deeper: from the deepest
    topic to the shallowest topic that is not one of its prerequisites."""
    graph = g.build(
        Topic.objects.values_list("id", flat=True),
        Prerequisite.objects.values_list("prerequisite_id", "dependent_id"),
    )
    deepest = Topic.objects.order_by("-depth", "slug").first()
    before = g.ancestors(graph, deepest.id) | {deepest.id}
    titles = list(Topic.objects.values_list("title", flat=True))
    unique = {t for t in titles if titles.count(t) == 1}
    target = (
        Topic.objects.exclude(id__in=before)
        .exclude(id__in=graph.children[deepest.id])
        .filter(title__in=unique)
        .order_by("depth", "slug")
        .first()
    )
    return deepest, target


def test_instructor_is_refused_a_cycle_and_a_valid_edge_changes_depth(page, instructor):
    admin_login(page, instructor)
    edges_before = Prerequisite.objects.count()

    page.goto("/admin/knowledge_graph/prerequisite/add/")
    choose(page, "prerequisite", "KL Divergence")
    choose(page, "dependent", "Shannon Entropy")
    page.get_by_role("button", name="Save", exact=True).click()
    error = page.locator(".errornote, .errorlist").filter(has_text="cycle")
    expect(error.first).to_be_visible()
    expect(error.first).to_contain_text("KL Divergence → Shannon Entropy →")
    expect(error.first).to_contain_text("→ KL Divergence")
    assert Prerequisite.objects.count() == edges_before

    source, target = deepening_edge()
    assert target.depth < source.depth + 1
    page.goto("/admin/knowledge_graph/prerequisite/add/")
    choose(page, "prerequisite", source.title)
    choose(page, "dependent", target.title)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Prerequisite.objects.count() == edges_before + 1

    page.goto(f"/topics/{target.slug}/")
    expect(page.get_by_test_id("depth")).to_have_text(
        f"Depth {source.depth + 1} in the knowledge graph"
    )
    expect(
        page.get_by_test_id("prerequisites").get_by_role("link", name=source.title)
    ).to_be_visible()


def test_student_cannot_open_the_admin(page, kl):
    from django.contrib.auth.models import User

    User.objects.create_user("student", password=PASSWORD)
    page.goto("/admin/")
    page.get_by_label("Username").fill("student")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".errornote")).to_contain_text("staff account")
    expect(page.get_by_role("heading", name="Site administration")).to_have_count(0)
