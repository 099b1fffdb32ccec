"""A student drives the explainer's plots: with htmx (no reload) and as a plain form.

The topic is made here, with its own shortcodes, so these tests do not depend on the
explainer prose of the shipped curriculum.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from playwright.sync_api import expect

from knowledge_graph.models import Topic
from practice import kl_engine, plots
from tests.knowledge_graph.factories import make_graph

SLUG = "plots-in-the-browser"
EXPLAINER = """How far apart are P and Q?

[[plot:divergence p=0.5,0.3,0.2 q=0.2,0.3,0.5]]

Fitting one Gaussian to two modes:

[[plot:forward-reverse]]

[[plot:divergence p=0.5,0.6]]
"""


@pytest.fixture
def topic(transactional_db) -> Topic:
    topic = make_graph([("probability", SLUG)])[SLUG]
    topic.explainer = EXPLAINER
    topic.save()
    return topic


def bits(p: list[float], q: list[float]) -> str:
    return f"{kl_engine.kl_divergence(np.array(p), np.array(q)):.4f} bits"


def image_loaded(img) -> bool:
    return img.evaluate("i => i.complete && i.naturalWidth > 100")


def total(plot, label: str):
    return plot.locator("dt", has_text=label).locator("xpath=following-sibling::dd[1]")


def test_changing_a_distribution_redraws_the_plot_without_a_reload(page, page_problems, topic):
    page_problems.allow(r"status of 400")  # the intermediate, invalid P answers 400
    page.goto(f"/topics/{SLUG}/")
    page.evaluate("window.__noReload = 'still here'")
    plot = page.get_by_test_id("plot").first
    img = plot.get_by_test_id("plot-image")
    expect(img).to_be_visible()
    assert image_loaded(img)
    first_src = img.get_attribute("src")
    expect(total(plot, "D(P‖Q)").first).to_have_text(bits([0.5, 0.3, 0.2], [0.2, 0.3, 0.5]))

    # The invalid shortcode shows its message; the rest of the page works.
    expect(page.get_by_test_id("plot-shortcode-error")).to_contain_text("p sums to 1.1, not 1")

    p = plot.get_by_role("group", name="P")
    p.get_by_label("P(x = 1)").fill("0.6")
    p.get_by_label("P(x = 1)").press("Tab")  # the change event, as when leaving the field
    # 0.6 + 0.3 + 0.2: the message says what is wrong, in place of the plot.
    expect(plot.get_by_test_id("plot-error")).to_contain_text("p sums to 1.1, not 1")
    expect(plot.get_by_test_id("plot-image")).to_have_count(0)

    p.get_by_label("P(x = 3)").fill("0.1")
    p.get_by_label("P(x = 3)").press("Tab")
    expect(plot.get_by_test_id("plot-error")).to_have_count(0)
    img = plot.get_by_test_id("plot-image")
    expect(img).to_have_attribute("src", re.compile(r"p=0\.6,0\.3,0\.1"))
    assert img.get_attribute("src") != first_src
    page.wait_for_function("i => i.complete && i.naturalWidth > 100", arg=img.element_handle())
    p_new, q = [0.6, 0.3, 0.1], [0.2, 0.3, 0.5]
    expect(total(plot, "D(P‖Q)").first).to_have_text(bits(p_new, q))
    expect(total(plot, "D(Q‖P)").first).to_have_text(bits(q, p_new))
    assert page.evaluate("window.__noReload") == "still here"


def test_moving_the_modes_apart_refits_both_gaussians(page, topic):
    page.goto(f"/topics/{SLUG}/")
    page.evaluate("window.__noReload = 'still here'")
    plot = page.locator('[data-plot="forward-reverse"]')
    rows = plot.locator("tbody tr")
    expected = plots.compute_forward_reverse({"sep": 5.0, "width": 0.8}).series
    expect(rows.nth(0)).to_contain_text(f"{expected['fwd'][1]:.3f}")

    slider = plot.get_by_role("slider", name="Distance between the modes")
    slider.fill("8")  # sets the value and fires input and change, as a drag does
    expect(plot.locator(".plot-value")).to_have_text(["8", "0.8"])
    expected = plots.compute_forward_reverse({"sep": 8.0, "width": 0.8}).series
    expect(rows.nth(0)).to_contain_text(f"{expected['fwd'][1]:.3f}")  # forward: wider
    expect(rows.nth(1)).to_contain_text(f"{expected['rev'][0]:.3f}")  # reverse: the mode
    expect(plot.get_by_test_id("plot-image")).to_have_attribute("src", re.compile(r"sep=8\b"))
    img = plot.get_by_test_id("plot-image")
    page.wait_for_function("i => i.complete && i.naturalWidth > 100", arg=img.element_handle())
    assert page.evaluate("window.__noReload") == "still here"


def test_without_javascript_the_controls_are_a_plain_form(browser, live_server, topic):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    problems: list[str] = []
    try:
        page = context.new_page()
        # CSP violations are reported on the console; failed loads are checked by URL.
        page.on(
            "console",
            lambda m: (
                problems.append(m.text)
                if m.type in ("error", "warning") and "Failed to load resource" not in m.text
                else None
            ),
        )
        page.on(
            "response",
            lambda r: (
                problems.append(f"HTTP {r.status} for {r.url}")
                if r.status >= 400 and "/favicon.ico" not in r.url and "/plots/" not in r.url
                else None
            ),
        )
        page.goto(f"/topics/{SLUG}/")
        plot = page.get_by_test_id("plot").first
        p = plot.get_by_role("group", name="P")
        p.get_by_label("P(x = 1)").fill("0.7")
        p.get_by_label("P(x = 3)").fill("0")
        plot.get_by_role("button", name="Update plot").click()

        expect(page).to_have_url(re.compile(r"/plots/divergence/\?p=0\.7&p=0\.3&p=0&q=0\.2"))
        expect(page.get_by_role("heading", level=1)).to_have_text(plots.PLOTS["divergence"].title)
        plot = page.get_by_test_id("plot")
        p_new, q = [0.7, 0.3, 0.0], [0.2, 0.3, 0.5]
        expect(total(plot, "D(P‖Q)")).to_have_text(bits(p_new, q))
        expect(total(plot, "D(Q‖P)")).to_have_text("∞ bits")  # Q has outcome 3, P does not
        expect(plot.get_by_test_id("plot-note")).to_contain_text("D(Q‖P) = ∞")
        page.wait_for_load_state("load")  # images included
        assert image_loaded(plot.get_by_test_id("plot-image"))

        # A bad value: a 400 page that says why and keeps what was typed.
        plot.get_by_role("group", name="Q").get_by_label("Q(x = 2)").fill("-0.3")
        with page.expect_response(re.compile(r"/plots/divergence/")) as answer:
            plot.get_by_role("button", name="Update plot").click()
        assert answer.value.status == 400
        expect(page.get_by_test_id("plot-error")).to_contain_text("q value 2 (-0.3) is negative")
        expect(page.get_by_label("P(x = 1)")).to_have_value("0.7")
        assert problems == []
    finally:
        context.close()
