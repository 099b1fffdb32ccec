"""Over a limit, a visitor is told why and when to try again: in place for a button
pressed with htmx (the page stays, the notice above it), as a whole page otherwise."""

from __future__ import annotations

import os

from playwright.sync_api import expect

from .conftest import ARTIFACTS

TOO_MANY = r"(Response Status Error Code|the server responded with a status of) 429\b"


def test_a_visitor_over_the_button_limit_is_told_when_to_try_again(
    page, browser, live_server, kl, settings, page_problems
):
    page_problems.allow(TOO_MANY)
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "anonymous-write": "2/m"}
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/topics/mutual-information/")
    page.wait_for_load_state("load")
    page.evaluate("() => { window.stillTheSamePage = true }")
    page.get_by_test_id("known-add").click()
    expect(page.get_by_test_id("status")).to_have_text("Known")
    page.get_by_test_id("known-undo").click()
    expect(page.get_by_test_id("status")).to_have_text("New")

    page.get_by_test_id("known-add").click()
    notice = page.get_by_test_id("too-many-requests")
    expect(notice).to_be_in_viewport()
    expect(notice).to_contain_text(
        "Too many changes were made from your address without an account."
    )
    expect(notice.get_by_test_id("retry-after")).to_contain_text("Please try again in")
    expect(page.get_by_test_id("status")).to_have_text("New")  # nothing changed
    expect(page.get_by_test_id("known-add")).to_be_visible()  # the button is still there
    assert page.evaluate("() => window.stillTheSamePage === true"), "the page was reloaded"
    if os.environ.get("PHONE_SCREENSHOTS") == "1":
        page.screenshot(path=str(ARTIFACTS / "phone" / "429-htmx.png"))

    # Without JavaScript (a plain form post) the answer is the whole 429 page.
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    try:
        plain = context.new_page()
        plain.goto("/topics/mutual-information/")
        plain.get_by_test_id("known-add").click()
        expect(plain.get_by_role("heading", name="Too many requests")).to_be_visible()
        expect(plain.get_by_test_id("retry-after")).to_contain_text("Please try again in")
        expect(plain.get_by_role("navigation", name="Site")).to_be_visible()  # the layout
        width = plain.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert width[0] <= width[1]
        if os.environ.get("PHONE_SCREENSHOTS") == "1":
            plain.screenshot(path=str(ARTIFACTS / "phone" / "429-page.png"), full_page=True)
    finally:
        context.close()
