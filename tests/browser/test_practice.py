"""A student practises KL divergence: a wrong answer is diagnosed and a right one accepted,
in place (htmx), and the same page works as a plain form without JavaScript."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from practice import kl_engine
from practice.forms import VariantRef
from practice.models import Attempt, QuestionTemplate
from practice.questions import variant_for

URL = "/topics/kl-divergence/practice/"
# A 4xx answer that htmx swaps in is still logged as an error (by htmx, and by Chromium).
REFUSED = r"(Response Status Error Code|the server responded with a status of) 400\b"


def shown_variant(page):
    """The question template and the variant's params behind the form on the page."""
    signed = page.locator("#question-card input[name=variant]").input_value()
    ref = VariantRef.unsign(signed)
    question = QuestionTemplate.objects.get(pk=ref.question_id)
    return question, variant_for(question.generator, ref.seed).params


def test_a_wrong_answer_is_diagnosed_then_a_right_one_is_accepted(page, kl):
    page.goto("/topics/kl-divergence/")
    page.get_by_role("link", name="Practise KL Divergence").click()
    expect(page).to_have_url(re.compile(f"{URL}$"))
    page.evaluate("window.__noReload = 'still here'")
    card = page.locator("#question-card")
    expect(card.get_by_role("heading", level=2)).to_have_text(
        "KL divergence of two small distributions"
    )
    expect(card.locator("table math").first).to_be_visible()  # the prompt's table, typeset

    question, params = shown_variant(page)
    assert question.generator == "kl_divergence_discrete"
    reversed_kl = kl_engine.kl_divergence(params["q"], params["p"])  # D(Q‖P), not D(P‖Q)
    card.get_by_label("Your answer").fill(f"{reversed_kl:.5f}")
    card.get_by_role("button", name="Check answer").click()

    retry = page.get_by_test_id("retry")
    expect(retry.get_by_test_id("retry-message")).to_have_text(
        "You computed D(Q‖P): KL divergence is not symmetric; the question asks for D(P‖Q)."
    )
    expect(page.get_by_test_id("solution")).to_have_count(0)
    assert page.evaluate("window.__noReload") == "still here"
    attempt = Attempt.objects.get()
    assert (attempt.diagnosis, attempt.correct, attempt.learner.user) == ("reversed", False, None)

    assert shown_variant(page) == (question, params)  # a second try on the same numbers
    right = kl_engine.kl_divergence(params["p"], params["q"])
    expect(page.get_by_label("Your answer")).to_be_focused()  # ready to type
    page.keyboard.type(f"{right:.4f}")
    page.keyboard.press("Enter")

    expect(page.get_by_test_id("verdict")).to_have_text("Correct!")
    expect(page.get_by_test_id("expected")).to_have_text(f"{right:.4f} bits")
    # The progress panel followed (out-of-band swap), still without a reload.
    progress = page.get_by_test_id("progress")
    row = progress.locator(f"li[data-question={question.slug}]")
    expect(row.get_by_test_id("solved")).to_have_text("Solved")
    expect(progress.get_by_test_id("mastery-figures")).to_contain_text(
        f"Solved 1 of {QuestionTemplate.objects.filter(topic=question.topic).count()} questions"
    )
    assert page.evaluate("window.__noReload") == "still here"
    assert Attempt.objects.filter(correct=True).count() == 1


def test_an_unreadable_answer_keeps_the_text_and_says_where(page, kl):
    page.goto(URL)
    page.evaluate("window.__noReload = 'still here'")
    box = page.get_by_label("Your answer")
    box.fill("0.5 @ 2")
    page.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("answer-error")).to_have_text(
        "Unexpected character '@' at position 4."
    )
    expect(page.get_by_label("Your answer")).to_have_value("0.5 @ 2")
    expect(page.get_by_label("Your answer")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Your answer")).to_be_focused()
    assert page.evaluate("window.__noReload") == "still here"
    assert not Attempt.objects.exists()


def test_a_refused_form_shows_why_instead_of_doing_nothing(page, kl, page_problems):
    page_problems.allow(REFUSED)
    page.goto(URL)
    page.evaluate("window.__noReload = 'still here'")
    page.locator("#question-card input[name=variant]").evaluate("e => e.value = 'altered'")
    page.get_by_label("Your answer").fill("0.5")
    with page.expect_response(lambda r: r.request.method == "POST") as sent:
        page.get_by_role("button", name="Check answer").click()
    assert sent.value.status == 400
    expect(page.get_by_test_id("problem-message")).to_have_text(
        "This answer form was altered or is not valid: reload the question."
    )
    assert page.evaluate("window.__noReload") == "still here"
    page.get_by_role("link", name="Load a question").click()
    expect(page.get_by_label("Your answer")).to_be_visible()
    assert not Attempt.objects.exists()


def test_without_javascript_the_form_still_works(browser, live_server, kl):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(URL)
        question, params = shown_variant(page)
        right = kl_engine.kl_divergence(params["p"], params["q"])
        page.get_by_label("Your answer").fill(f"{right * 0.6931471805599453:.5f}")
        page.get_by_role("button", name="Check answer").click()
        expect(page.get_by_test_id("retry-message")).to_have_text(
            "That is the value in nats; the question asks for bits."
        )
        expect(page.get_by_role("heading", level=1)).to_have_text("Practise KL Divergence")
        assert shown_variant(page) == (question, params)  # the second try
        right = kl_engine.kl_divergence(params["p"], params["q"])
        page.get_by_label("Your answer").fill(f"{right:.4f}")
        page.get_by_role("button", name="Check answer").click()
        expect(page.get_by_test_id("verdict")).to_have_text("Correct!")
        assert Attempt.objects.filter(correct=True).count() == 1
    finally:
        context.close()
