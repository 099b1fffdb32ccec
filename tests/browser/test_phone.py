"""On a phone (360 px wide) every page a student or an instructor reaches fits the screen:
nothing scrolls sideways but the boxes meant to (display formulas, tables), the navbar
folds into a menu button that opens it, and plots and the picture of the graph scale
to the width.

``PHONE_SCREENSHOTS=1`` keeps a full-page screenshot of every page visited in
``test-artifacts/phone/``, to look at.
"""

from __future__ import annotations

import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from knowledge_graph.models import Topic
from practice.models import QuestionTemplate

from .conftest import ARTIFACTS

PHONE = {"width": 360, "height": 740}
PASSWORD = "a-long-Password-42"
OPEN = re.compile(r"^(?!.*collapsing).*\bshow\b")

STUDENT_PAGES = [
    "/",
    "/topics/",
    "/topics/?q=entropy",
    "/topics/?q=" + "w" * 100,  # the longest search, echoed in one unbroken word
    "/topics/kl-divergence/",
    "/topics/shannon-entropy/",
    "/topics/mutual-information/",
    "/topics/joint-and-conditional-entropy/",
    "/topics/f-divergences/",
    "/topics/jensen-shannon-divergence/",
    "/plan/",
    "/plan/kl-divergence/",
    "/dashboard/",
    "/plots/divergence/",
    "/plots/cross-entropy/",
    "/plots/code-lengths/",
    "/plots/forward-reverse/",
    "/plots/divergence/?p=0.05,0.05,0.1,0.1,0.1,0.2,0.2,0.2&q=0.2,0.2,0.2,0.1,0.1,0.1,0.05,0.05",
    "/accounts/login/",
    "/accounts/signup/",
    "/no-such-page/",
]

# What overflows the page, widest first: the first few elements whose right edge is
# past the window, named well enough to find them.
OVERFLOWING = """() => {
  const width = window.innerWidth;
  const classes = (e) => typeof e.className === "string" && e.className.trim()
    ? "." + e.className.trim().split(/\\s+/).join(".") : "";
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + classes(e);
  return [...document.body.querySelectorAll("*")]
    .filter((e) => e.getBoundingClientRect().right > width + 0.5)
    .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
    .slice(0, 6)
    .map((e) => `${name(e)} reaches ${Math.round(e.getBoundingClientRect().right)} px`);
}"""

# Whether some element matching the selector is wider inside than outside and scrolls.
SCROLLS_INSIDE = """(selector) => [...document.querySelectorAll(selector)].some((e) => {
  if (e.scrollWidth <= e.clientWidth) return false;
  e.scrollLeft = e.scrollWidth;
  return e.scrollLeft > 0 && e.getBoundingClientRect().right <= window.innerWidth;
})"""


def shot(page, url: str) -> None:
    if os.environ.get("PHONE_SCREENSHOTS") == "1":
        folder = ARTIFACTS / "phone"
        folder.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", url.strip("/")) or "home"
        page.screenshot(path=str(folder / f"{name[:90]}.png"), full_page=True)


def assert_fits(page, url: str) -> None:
    """The page at ``url`` is no wider than the window: no sideways scroll."""
    page.wait_for_load_state("load")
    shot(page, url)
    scroll, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{url} is {scroll} px wide at {inner} px: {page.evaluate(OVERFLOWING)}"


def visit(page, urls: list[str]) -> None:
    for url in urls:
        page.goto(url)
        assert_fits(page, url)


@pytest.fixture
def phone(page, page_problems):
    page.set_viewport_size(PHONE)
    page_problems.allow(r"status of 404\b")  # the missing page, on purpose
    return page


def test_every_student_page_fits_a_phone(phone, kl):
    visit(phone, STUDENT_PAGES)

    # The practice page after a wrong answer (the hint and the second try), and after the
    # second wrong answer (its worked solution open).
    url = "/topics/kl-divergence/practice/"
    phone.goto(url)
    assert_fits(phone, url)
    phone.get_by_label("Your answer").fill("0.123")
    phone.get_by_role("button", name="Check answer").click()
    expect(phone.get_by_test_id("hint")).to_be_visible()
    assert_fits(phone, url + "second try")
    phone.get_by_label("Your answer").fill("0.124")
    phone.get_by_role("button", name="Check answer").click()
    feedback = phone.get_by_test_id("feedback")
    expect(feedback.get_by_text("Not correct")).to_be_visible()
    expect(feedback.get_by_test_id("solution")).to_have_attribute("open", "")
    assert_fits(phone, url + "feedback")

    # A plot scales to the width of the screen; its table and the widest display
    # formulas scroll sideways inside their own box.
    phone.goto("/topics/kl-divergence/")
    image = phone.get_by_test_id("plot-image").first
    expect(image).to_be_visible()
    assert 0 < image.bounding_box()["width"] <= PHONE["width"]
    # So does the picture of the graph around the topic.
    picture = phone.locator("svg.graph-picture-svg")
    expect(picture).to_be_visible()
    assert 0 < picture.bounding_box()["width"] <= PHONE["width"]
    for selector in (".plot-table-scroll", 'math[display="block"]'):
        assert phone.evaluate(SCROLLS_INSIDE, selector), f"no {selector} scrolls inside its box"


def test_a_worked_solution_with_a_long_sum_fits_a_phone(phone, kl):
    """The law of total probability's sum of weighted cases is a display formula in its
    solution: written inline, its fixed width pushed the page 30 px sideways."""
    url = "/topics/law-of-total-probability/practice/?q=total-probability-two-cases"
    for _ in range(3):  # three variants, three sets of numbers
        phone.goto(url)
        phone.get_by_test_id("reveal").click()
        expect(phone.get_by_test_id("solution")).to_have_attribute("open", "")
        assert_fits(phone, url + " solution")


def test_long_inline_formulas_scroll_in_their_own_box_on_a_phone(phone, kl):
    """Graduate solutions write long sums inline (an f-divergence term by term, a
    label-smoothed loss): each sits in a box that scrolls instead of widening the page."""
    pages = [
        "/topics/f-divergences/practice/?q=f-divergence-from-generator",
        "/topics/cross-entropy-loss/practice/?q=cross-entropy-label-smoothing",
    ]
    scrolled = False
    for url in pages:
        for _ in range(2):
            phone.goto(url)
            phone.get_by_test_id("reveal").click()
            expect(phone.get_by_test_id("solution")).to_have_attribute("open", "")
            assert_fits(phone, url + " solution")
            scrolled = scrolled or phone.evaluate(SCROLLS_INSIDE, ".math-wide")
    assert scrolled, "no long inline formula was wider than the phone"


def test_a_signed_in_student_pages_fit_a_phone(phone, kl):
    get_user_model().objects.create_user("student", password=PASSWORD)
    phone.goto("/accounts/login/")
    phone.get_by_label("Username").fill("student")
    phone.get_by_label("Password").fill(PASSWORD)
    phone.get_by_role("button", name="Log in").click()
    expect(phone).to_have_url(re.compile(r"/dashboard/$"))
    phone.goto("/topics/mutual-information/")
    phone.wait_for_load_state("load")
    phone.get_by_test_id("goal-set").click()
    expect(phone.get_by_test_id("goal-status")).to_have_text("Current goal")
    assert_fits(phone, "/topics/mutual-information/goal")
    visit(phone, ["/dashboard/", "/plan/", "/accounts/password/"])


def test_the_navbar_folds_into_a_menu_that_opens(phone, kl):
    phone.goto("/topics/kl-divergence/")
    nav = phone.get_by_role("navigation", name="Site")
    toggler = nav.get_by_role("button", name="Menu")
    menu = nav.locator("#site-menu")
    search = phone.get_by_role("searchbox", name="Search topics")
    expect(toggler).to_be_visible()
    expect(toggler).to_have_attribute("aria-expanded", "false")
    expect(search).to_be_hidden()
    expect(phone.get_by_role("link", name="Sign up")).to_be_hidden()

    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(menu).to_have_class(OPEN)
    expect(search).to_be_visible()
    assert search.bounding_box()["width"] >= 200  # room to type a topic's name
    for name in ("Topics", "Dashboard", "Plan", "Log in", "Sign up"):
        link = nav.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name
    assert_fits(phone, "/topics/kl-divergence/menu")

    search.fill("entropy")
    search.press("Enter")
    expect(phone).to_have_url(re.compile(r"/topics/\?q=entropy$"))
    toggler.click()
    expect(menu).to_have_class(OPEN)  # opened, and done moving (a click meanwhile is ignored)
    toggler.click()
    expect(search).to_be_hidden()
    expect(toggler).to_have_attribute("aria-expanded", "false")


def test_the_instructor_admin_fits_a_phone(phone, kl):
    call_command("create_instructor", "ines", password=PASSWORD, verbosity=0)
    phone.goto("/admin/")
    assert_fits(phone, "/admin/login/")
    phone.get_by_label("Username").fill("ines")
    phone.get_by_label("Password").fill(PASSWORD)
    phone.get_by_role("button", name="Log in").click()
    expect(phone.get_by_role("heading", name="Site administration")).to_be_visible()
    topic = Topic.objects.get(slug="kl-divergence")
    question = QuestionTemplate.objects.order_by("pk").first()
    visit(
        phone,
        [
            "/admin/",
            "/admin/knowledge_graph/topic/",
            f"/admin/knowledge_graph/topic/{topic.pk}/change/",
            "/admin/knowledge_graph/prerequisite/",
            "/admin/knowledge_graph/prerequisite/add/",
            "/admin/practice/questiontemplate/",
            f"/admin/practice/questiontemplate/{question.pk}/change/",
        ],
    )


def test_without_javascript_the_menu_is_shown_open(browser, live_server, kl):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport=PHONE
    )
    try:
        page = context.new_page()
        page.goto("/topics/kl-divergence/")
        nav = page.get_by_role("navigation", name="Site")
        expect(nav.get_by_role("button", name="Menu")).to_be_hidden()  # it could not open
        expect(nav.get_by_role("searchbox", name="Search topics")).to_be_visible()
        expect(nav.get_by_role("link", name="Sign up")).to_be_visible()
        assert_fits(page, "/topics/kl-divergence/no-script")
    finally:
        context.close()
