"""A new student signs up, sets KL divergence as the goal and follows the plan; the
buttons update the page in place (htmx) under the strict Content Security Policy."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from knowledge_graph.models import Topic
from tests.knowledge_graph.seed import KL_FIGURES

PASSWORD = "a long and private passphrase"


@pytest.fixture(autouse=True)
def no_cache_left_behind():
    """Pages cache parts of themselves by graph version, which starts over in every
    test's database: leave nothing for the next test to find."""
    yield
    cache.clear()


def sign_up(page, username: str) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill(username)
    page.locator('input[name="password1"]').fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_test_id("username")).to_have_text(username)


def mark_page(page) -> None:
    """Leave a mark in the window: a full page load would wipe it. Waits for the page
    to finish loading first: a button pressed before htmx has started is sent as a
    plain form (which works, but reloads the page)."""
    page.wait_for_load_state("load")
    page.evaluate("() => { window.stillTheSamePage = true }")


def assert_same_page(page) -> None:
    assert page.evaluate("() => window.stillTheSamePage === true"), "the page was reloaded"


def test_new_student_sets_kl_as_goal_and_the_plan_shrinks_and_grows_in_place(page, kl):
    kl_topic = Topic.objects.get(slug="kl-divergence")
    mi = Topic.objects.get(slug="mutual-information")
    total = kl_topic.ancestor_count
    assert total == KL_FIGURES["ancestor_count"]  # the seed's 327
    shrunk = total - (mi.ancestor_count + 1)

    sign_up(page, "newstudent")
    page.goto("/topics/kl-divergence/")
    expect(page.get_by_test_id("status")).to_have_text("New")
    expect(page.get_by_test_id("topic-left")).to_have_text(f"{total} to go")
    mark_page(page)
    page.get_by_test_id("goal-set").click()
    expect(page.get_by_test_id("goal-status")).to_have_text("Current goal")
    assert_same_page(page)

    page.get_by_test_id("topic-plan-link").click()
    expect(page).to_have_url(re.compile(r"/plan/kl-divergence/$"))
    expect(page.get_by_test_id("goal-status")).to_have_text("Current goal")
    expect(page.get_by_test_id("plan-left")).to_have_text(f"{total} topics to go")
    expect(page.get_by_test_id("plan-known")).to_have_text(f"0 / {total} known")
    steps = page.get_by_test_id("plan-steps").get_by_role("listitem")
    expect(steps).to_have_count(total)

    mark_page(page)
    page.get_by_role("button", name="I know Mutual Information", exact=True).click()
    expect(page.get_by_test_id("plan-left")).to_have_text(f"{shrunk} topics to go")
    expect(steps).to_have_count(shrunk)
    expect(page.get_by_test_id("plan-marked")).to_contain_text("Mutual Information")
    expect(
        page.get_by_test_id("plan-steps").locator('[data-slug="mutual-information"]')
    ).to_have_count(0)
    assert_same_page(page)

    page.get_by_role("button", name="Undo “I know Mutual Information”").click()
    expect(page.get_by_test_id("plan-left")).to_have_text(f"{total} topics to go")
    expect(steps).to_have_count(total)
    expect(page.get_by_test_id("plan-marked")).to_have_count(0)
    assert_same_page(page)

    # The dashboard agrees.
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_test_id("current-goal-title")).to_have_text("KL Divergence")
    expect(page.get_by_test_id("goal-progress")).to_contain_text(
        f"0 / {total} known · {total} topics to go"
    )


def test_i_know_this_on_a_topic_page_marks_its_prerequisites_and_undoes(page, kl):
    kl_topic = Topic.objects.get(slug="kl-divergence")
    mi = Topic.objects.get(slug="mutual-information")
    page.goto("/topics/mutual-information/")
    mark_page(page)
    page.get_by_test_id("known-add").click()
    expect(page.get_by_test_id("status")).to_have_text("Known")
    expect(page.get_by_test_id("known-undo")).to_be_visible()
    assert_same_page(page)

    page.goto("/topics/shannon-entropy/")
    expect(page.get_by_test_id("status")).to_have_text("Known through Mutual Information")
    page.goto("/topics/kl-divergence/")
    left = kl_topic.ancestor_count - (mi.ancestor_count + 1)
    expect(page.get_by_test_id("topic-left")).to_have_text(f"{left} to go")

    page.goto("/topics/mutual-information/")
    mark_page(page)
    page.get_by_test_id("known-undo").click()
    expect(page.get_by_test_id("status")).to_have_text("New")
    assert_same_page(page)
    page.goto("/topics/shannon-entropy/")
    expect(page.get_by_test_id("status")).to_have_text("New")


def test_what_a_visitor_marks_is_kept_when_they_sign_up(page, kl):
    page.goto("/topics/mutual-information/")
    page.get_by_test_id("known-add").click()
    expect(page.get_by_test_id("status")).to_have_text("Known")
    page.get_by_test_id("goal-set").click()
    expect(page.get_by_test_id("goal-status")).to_have_text("Current goal")

    sign_up(page, "visitor")
    expect(page.get_by_test_id("current-goal-title")).to_have_text("Mutual Information")
    expect(page.get_by_test_id("known-list")).to_contain_text("Mutual Information")
    # Undo on the dashboard, in place.
    mark_page(page)
    page.get_by_test_id("known-list").get_by_role("button").click()
    expect(page.get_by_test_id("known-list")).to_contain_text("None yet")
    assert_same_page(page)
