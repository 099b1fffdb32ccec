"""A student answers a choice question with radio buttons and a fraction question in a
text field: each first wrong (the named mistake is explained, the answer kept back), then
right on the second try or after the solution, in place."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from practice.forms import VariantRef
from practice.grader import answer_text
from practice.models import QuestionTemplate, Unit
from tests.knowledge_graph.factories import make_graph
from tests.practice.answer_families import PREFIX

URL = "/topics/fractions/practice/"


@pytest.fixture
def questions(transactional_db) -> dict[str, QuestionTemplate]:
    topic = make_graph([], extra=("fractions",))["fractions"]
    return {
        kind: QuestionTemplate.objects.create(
            topic=topic,
            slug=f"kind-{kind.replace('_', '-')}",
            title=title,
            generator=f"{PREFIX}{kind}",
            unit=Unit.NONE,
            position=i,
        )
        for i, (kind, title) in enumerate(
            [("choice", "Which way locks onto a mode"), ("lowest_terms", "Add two fractions")]
        )
    }


def shown_answer(page, question: QuestionTemplate):
    """The expected answer of the variant behind the form on the page."""
    signed = page.locator("#question-card input[name=variant]").input_value()
    return question.variant(VariantRef.unsign(signed).seed).answer


def test_a_choice_and_a_fraction_wrong_then_right(page, questions):
    choice = questions["choice"]
    page.goto(f"{URL}?q={choice.slug}")
    page.evaluate("window.__noReload = 'still here'")
    card = page.locator("#question-card")
    answer = shown_answer(page, choice)
    labels = dict(zip(answer.options, answer.labels, strict=True))
    wrong = answer.alternatives["reversed"]
    expect(card.get_by_role("radio")).to_have_count(3)
    card.get_by_label(f"{wrong}: {labels[wrong]}").check()
    card.get_by_role("button", name="Check answer").click()
    retry = page.get_by_test_id("retry")
    expect(retry.get_by_test_id("retry-message")).to_have_text(answer.messages["reversed"])
    expect(retry).to_contain_text(labels[wrong])  # what the student chose
    expect(page.get_by_test_id("expected")).to_have_count(0)
    assert shown_answer(page, choice) == answer  # the second try: the same variant
    card.get_by_label(f"{answer.value}: {labels[answer.value]}").check()
    card.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("feedback").get_by_test_id("verdict")).to_contain_text("Correct!")

    fraction = questions["lowest_terms"]
    page.get_by_test_id("question-list").get_by_role("link", name=fraction.title).click()
    expect(card.get_by_role("heading", level=2)).to_have_text(fraction.title)
    answer = shown_answer(page, fraction)
    expect(card.get_by_text("A fraction in lowest terms, such as 3/4")).to_be_visible()
    added = answer.alternatives["added_denominators"]
    card.get_by_label("Your answer").fill(answer_text(answer, added))
    card.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("retry-message")).to_have_text(answer.messages["added_denominators"])
    card.get_by_label("Your answer").fill(answer_text(answer, added))
    card.get_by_role("button", name="Check answer").click()
    feedback = page.get_by_test_id("feedback")
    expect(feedback.get_by_test_id("diagnosis")).to_have_text(answer.messages["added_denominators"])
    value = answer.value
    expect(feedback.get_by_test_id("expected")).to_have_text(
        f"{value.numerator}/{value.denominator}"
    )

    feedback.get_by_role("link", name="Try a new variant").click()
    answer = shown_answer(page, fraction)
    value = answer.value
    card.get_by_label("Your answer").fill(f"{value.numerator}/{value.denominator}")
    card.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("feedback").get_by_test_id("verdict")).to_contain_text("Correct!")
    expect(page.get_by_test_id("mastery-figures")).to_contain_text("Solved 2 of 2 questions")
    assert page.evaluate("window.__noReload") == "still here"
