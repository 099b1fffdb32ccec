"""Spaced review in a browser: a student masters Shannon Entropy by practice; it is not
due at once (the review page says when it will be), and once the model's clock has moved
past its interval (``time_machine``, no sleeping) it is on the review page and in the
dashboard's queue, with a link to practise it."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import time_machine
from playwright.sync_api import expect

from learning.models import TopicMemory
from practice.models import QuestionTemplate
from practice.selectors import MASTERY_STREAK
from tests.browser.test_mastery import answer_rightly


def test_a_topic_mastered_by_practice_comes_back_for_review_after_its_interval(page, kl):
    with time_machine.travel(datetime.now(UTC), tick=True) as clock:
        questions = QuestionTemplate.objects.filter(topic__slug="shannon-entropy").count()
        for _ in range(max(questions, MASTERY_STREAK)):
            answer_rightly(page)
        memory = TopicMemory.objects.get(topic__slug="shannon-entropy")

        page.get_by_role("navigation", name="Site").get_by_role("link", name="Review").click()
        expect(page.get_by_test_id("review-empty")).to_contain_text(
            "Nothing is due for review today."
        )
        due = memory.due
        expect(page.get_by_test_id("next-due")).to_have_text(f"{due:%A} {due.day} {due:%B %Y}")
        expect(page.get_by_test_id("review-later")).to_contain_text("Shannon Entropy")

        clock.move_to(memory.due + timedelta(hours=1))
        page.goto("/review/")
        expect(page.get_by_test_id("review-counts")).to_contain_text("about 3 minutes")
        item = page.get_by_test_id("review-item").filter(has_text="Shannon Entropy")
        expect(item).to_have_count(1)
        page.goto("/dashboard/")
        expect(page.get_by_test_id("daily-reviews")).to_contain_text("Shannon Entropy")
        page.goto("/review/")
        item.get_by_role("link", name="Practise Shannon Entropy").click()
        expect(page).to_have_url(re.compile(r"/topics/shannon-entropy/practice/$"))

        answer_rightly(page)  # the review, done: next due further away
        page.goto("/review/")
        expect(page.get_by_test_id("review-empty")).to_be_visible()
        memory.refresh_from_db()
        assert memory.reviews == 2 and memory.due > due + timedelta(days=1)
