"""The tutoring loop in a browser: a wrong answer gets its message and a hint but not the
answer, a second try on the same numbers, and the worked solution after the second wrong
try; "Show the solution" on a fresh question shows it at once, in place."""

from __future__ import annotations

from playwright.sync_api import expect

from practice import kl_engine
from practice.forms import VariantRef
from practice.models import Attempt, QuestionTemplate, SolutionReveal

URL = "/topics/kl-divergence/practice/"
REVERSED = "You computed D(Q‖P): KL divergence is not symmetric; the question asks for D(P‖Q)."


def shown_ref(page) -> VariantRef:
    return VariantRef.unsign(page.locator("#question-card input[name=variant]").input_value())


def shown_p_q(page) -> tuple[list[float], list[float]]:
    ref = shown_ref(page)
    question = QuestionTemplate.objects.get(pk=ref.question_id)
    params = question.variant(ref.seed).params
    return params["p"], params["q"]


def test_a_hint_then_a_second_try_on_the_same_numbers_then_the_solution(page, kl):
    page.goto(URL)
    page.evaluate("window.__noReload = 'still here'")
    card = page.locator("#question-card")
    first = shown_ref(page)
    p, q = shown_p_q(page)
    right = kl_engine.kl_divergence(p, q)
    reversed_kl = f"{kl_engine.kl_divergence(q, p):.5f}"

    card.get_by_label("Your answer").fill(reversed_kl)
    card.get_by_role("button", name="Check answer").click()
    retry = page.get_by_test_id("retry")
    expect(retry.get_by_test_id("retry-message")).to_have_text(REVERSED)
    expect(retry.get_by_test_id("hint")).to_contain_text("Work one outcome at a time")
    expect(retry.get_by_test_id("second-try")).to_be_visible()
    expect(page.get_by_test_id("solution")).to_have_count(0)
    expect(page.get_by_test_id("expected")).to_have_count(0)
    expect(card).not_to_contain_text(f"{right:.4f}")
    expect(card).not_to_contain_text(f"{right:.3f}")
    second = shown_ref(page)
    assert (second.question_id, second.seed) == (first.question_id, first.seed)
    assert second.token != first.token
    expect(card.get_by_label("Your answer")).to_be_focused()

    card.get_by_label("Your answer").fill(reversed_kl)
    card.get_by_role("button", name="Check answer").click()
    feedback = page.get_by_test_id("feedback")
    expect(feedback.get_by_test_id("diagnosis")).to_have_text(REVERSED)
    expect(feedback.get_by_test_id("solution")).to_contain_text("Adding the terms")
    expect(feedback.get_by_test_id("expected")).to_have_text(f"{right:.4f} bits")
    expect(feedback.get_by_test_id("no-credit")).to_be_visible()
    assert page.evaluate("window.__noReload") == "still here"
    assert list(Attempt.objects.order_by("id").values_list("try_number", "correct")) == [
        (1, False),
        (2, False),
    ]


def test_show_the_solution_on_a_fresh_question(page, kl):
    page.goto(URL)
    page.evaluate("window.__noReload = 'still here'")
    p, q = shown_p_q(page)
    right = kl_engine.kl_divergence(p, q)
    expect(page.get_by_test_id("solution")).to_have_count(0)

    page.get_by_role("button", name="Show the solution").click()
    feedback = page.get_by_test_id("feedback")
    expect(feedback.get_by_test_id("verdict")).to_have_text("The worked solution")
    expect(feedback.get_by_test_id("expected")).to_have_text(f"{right:.4f} bits")
    expect(feedback.get_by_test_id("solution")).to_contain_text("Adding the terms")
    expect(feedback.get_by_test_id("no-credit")).to_be_visible()
    assert page.evaluate("window.__noReload") == "still here"
    assert not Attempt.objects.exists() and SolutionReveal.objects.count() == 1

    feedback.get_by_role("link", name="Try a new variant").click()
    expect(page.get_by_test_id("question")).to_be_visible()
    expect(page.get_by_test_id("retry")).to_have_count(0)
