"""Mastery in a browser: a student who masters Shannon Entropy by practice sees it known
on its page, on the dashboard and in the progress towards their goal, and its
prerequisites known through it; nothing was pressed but "Check answer"."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from practice.forms import VariantRef
from practice.models import QuestionTemplate
from practice.selectors import MASTERY_STREAK

TOPIC = "/topics/shannon-entropy/"


def answer_rightly(page) -> None:
    """Open the next question of Shannon Entropy and answer it right."""
    page.goto(TOPIC + "practice/")
    card = page.locator("#question-card")
    ref = VariantRef.unsign(card.locator("input[name=variant]").input_value())
    expected = QuestionTemplate.objects.get(pk=ref.question_id).variant(ref.seed).expected
    card.get_by_label("Your answer").fill(f"{expected:.5f}")
    card.get_by_role("button", name="Check answer").click()
    expect(page.get_by_test_id("verdict")).to_contain_text("Correct")


def test_a_topic_mastered_in_practice_is_known_everywhere(page, kl):
    page.goto("/topics/kl-divergence/")
    page.get_by_test_id("goal-set").click()
    expect(page.get_by_test_id("goal-status")).to_have_text("Current goal")
    page.goto("/dashboard/")
    before = int(re.match(r"(\d+) /", page.get_by_test_id("goal-progress").inner_text())[1])

    questions = QuestionTemplate.objects.filter(topic__slug="shannon-entropy").count()
    for _ in range(max(questions, MASTERY_STREAK)):
        answer_rightly(page)

    page.goto(TOPIC)
    expect(page.get_by_test_id("status")).to_have_text("Known: mastered in practice")
    expect(page.get_by_test_id("known-add")).to_have_count(0)
    page.goto("/topics/probability-mass-functions/")  # one of its prerequisites
    expect(page.get_by_test_id("status")).to_have_text("Known through practice")
    page.goto("/dashboard/")
    expect(page.get_by_test_id("mastered-list")).to_contain_text("Shannon Entropy")
    after = int(re.match(r"(\d+) /", page.get_by_test_id("goal-progress").inner_text())[1])
    assert after > before + 100  # Shannon Entropy and everything beneath it
