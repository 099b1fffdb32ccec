"""One topic of each level, as a student meets it: the lesson with its plot drawn, then a
practice question answered wrong (a second try is offered, the answer kept back) and then
right. The answers come from the variant behind the form, as the grader computes them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from practice.forms import VariantRef
from practice.grader import answer_text
from practice.models import QuestionTemplate

# level → a topic of that level whose lesson has a plot
WALK = {
    "Elementary": "number-line-to-20",
    "Middle School": "negative-numbers",
    "High School": "slope-of-a-line",
    "Undergraduate": "shannon-entropy",
    "Graduate": "kl-divergence",
}


def typed_question(topic: str) -> QuestionTemplate:
    """The topic's first question answered by typing (not a choice among options)."""
    for question in QuestionTemplate.objects.filter(topic__slug=topic, is_active=True):
        answer = question.variant(0).answer
        if answer is None or answer.kind != "choice":
            return question
    raise AssertionError(f"{topic} has no typed question")


def right_and_wrong(question: QuestionTemplate, seed: int) -> tuple[str, str]:
    """How a student types the right answer to the variant, and a wrong one (a named
    mistake's value when the variant models one)."""
    variant = question.variant(seed)
    answer = variant.answer
    if answer is None:  # graded in bits or nats
        wrong = next(iter(variant.alternatives.values()), variant.expected * 2 + 1)
        return f"{variant.expected:.5f}", f"{wrong:.5f}"
    if answer.alternatives:
        wrong = answer_text(answer, next(iter(answer.alternatives.values())))
    elif answer.kind == "values":
        wrong = answer_text(answer, tuple(v + 1 for v in answer.value))
    else:
        wrong = answer_text(answer, answer.value + 1)
    return answer_text(answer), wrong


@pytest.mark.parametrize("level", list(WALK))
def test_a_lesson_with_its_plot_then_a_wrong_and_a_right_answer(page, kl, level):
    topic = WALK[level]
    page.goto(f"/topics/{topic}/")
    expect(page.get_by_test_id("level")).to_have_text(level)
    plot = page.get_by_test_id("plot-image").first
    expect(plot).to_be_visible()
    assert plot.evaluate("img => img.complete && img.naturalWidth > 0")
    assert len(page.locator(".explainer").inner_text().split()) > 150

    question = typed_question(topic)
    page.goto(f"/topics/{topic}/practice/?q={question.slug}")
    card = page.locator("#question-card")
    ref = VariantRef.unsign(card.locator("input[name=variant]").input_value())
    right, wrong = right_and_wrong(question, ref.seed)
    card.get_by_label("Your answer").fill(wrong)
    card.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("retry")).to_be_visible()
    expect(page.get_by_test_id("expected")).to_have_count(0)
    card.get_by_label("Your answer").fill(right)
    card.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("Correct")
