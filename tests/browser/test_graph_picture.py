"""The picture of the graph: a student clicks a topic in it and lands on that topic; the
picture follows "I know this" without a reload; the plan's picture leads on too."""

import re

from playwright.sync_api import expect


def node(page, slug: str):
    return page.get_by_test_id("graph-picture").locator(f'[data-node="{slug}"]')


def test_clicking_a_topic_in_the_picture_opens_it(page, kl):
    page.goto("/topics/kl-divergence/")
    picture = page.get_by_test_id("graph-picture")
    expect(picture).to_be_visible()
    expect(node(page, "kl-divergence")).to_have_attribute("aria-current", "page")
    box = picture.locator("svg.graph-picture-svg").bounding_box()
    assert 0 < box["width"] <= 1280

    mutual_information = node(page, "mutual-information")
    expect(mutual_information).to_have_attribute("data-state", "locked")
    mutual_information.click()
    expect(page).to_have_url(re.compile(r"/topics/mutual-information/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mutual Information")
    # The new page's picture is centred on it, with KL divergence among what it leads to.
    expect(node(page, "mutual-information")).to_have_attribute("aria-current", "page")
    expect(node(page, "kl-divergence")).to_be_visible()


def test_the_picture_follows_i_know_this_and_the_plan_leads_on(page, kl):
    page.goto("/topics/mutual-information/")
    page.wait_for_load_state("load")
    page.get_by_test_id("known-add").click()
    expect(page.get_by_test_id("status")).to_have_text("Known")
    # Refreshed in place: the topic is known, and so is what it stands on.
    expect(node(page, "mutual-information")).to_have_attribute("data-state", "known")
    expect(node(page, "shannon-entropy")).to_have_attribute("data-state", "known")
    # KL divergence needs two more prerequisites.
    expect(node(page, "kl-divergence")).to_have_attribute("data-state", "locked")

    page.goto("/plan/kl-divergence/")
    goal = node(page, "kl-divergence")
    expect(goal).to_have_attribute("data-state", "locked")
    first = page.get_by_test_id("graph-picture").locator('[data-state="ready"]').first
    slug = first.get_attribute("data-node")
    first.click()
    expect(page).to_have_url(re.compile(f"/topics/{slug}/$"))
