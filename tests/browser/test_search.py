"""A student finds KL divergence by one of its other names."""

import re

from playwright.sync_api import expect


def test_search_by_alias_from_the_navbar_lands_on_kl(page, kl):
    page.goto("/")
    box = page.get_by_role("search").get_by_role("searchbox", name="Search topics")
    box.fill("relative entropy")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/topics/\?q=relative\+entropy"))
    results = page.locator("#results")
    expect(results.get_by_test_id("result-count")).to_contain_text("matching “relative entropy”")
    results.get_by_role("link", name="KL Divergence", exact=True).click()
    expect(page).to_have_url(re.compile(r"/topics/kl-divergence/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("KL Divergence")


def test_typing_in_the_search_page_filters_without_a_reload(page, kl):
    page.goto("/topics/")
    page.evaluate("window.__noReload = 'still here'")
    page.get_by_label("Title or alias").fill("kullback")
    results = page.locator("#results")
    expect(results.get_by_role("link", name="KL Divergence", exact=True)).to_be_visible()
    expect(results.get_by_role("row")).to_have_count(2)  # the header and KL divergence
    assert page.evaluate("window.__noReload") == "still here"
    expect(page).to_have_url(re.compile(r"q=kullback"))
