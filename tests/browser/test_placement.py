"""A new student takes the placement for KL divergence, answering as someone who knows
everything up to Shannon Entropy, and is shown a plan that starts near Joint and
Conditional Entropy."""

import re

from playwright.sync_api import expect

from tests.learning.placement_student import answer_for, up_to


def test_placement_for_kl_divergence_finds_a_student_who_knows_shannon_entropy(page, kl):
    knows = up_to("shannon-entropy")
    page.goto("/")
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Placement").click()
    expect(page.get_by_test_id("placement-goal")).to_have_value("kl-divergence")
    page.get_by_role("button", name="Begin").click()

    asked = 0
    question = page.get_by_test_id("placement-question")
    while page.get_by_test_id("placement-outcome").count() == 0:
        expect(question).to_be_visible()
        expect(page.get_by_test_id("placement-count")).to_contain_text(f"Question {asked + 1} ")
        topic = question.get_attribute("data-topic")
        variant = question.locator("input[name=variant]").input_value()
        text, is_choice = answer_for(variant, right=topic in knows)
        if is_choice:
            question.locator(f"input[name=answer][value='{text}']").check()
        else:
            question.get_by_label("Your answer").fill(text)
        question.get_by_role("button", name="Answer", exact=True).click()
        asked += 1
        page.wait_for_load_state("load")
        assert asked <= 25

    outcome = page.get_by_test_id("placement-outcome")
    expect(outcome.get_by_test_id("placement-known")).to_contain_text(
        re.compile(r"you know (29\d|30\d) of the 328 topics")
    )
    page.get_by_test_id("placement-plan").click()
    expect(page).to_have_url(re.compile(r"/plan/kl-divergence/$"))
    # The plan is what lies between Shannon Entropy and KL divergence (31 topics), not
    # the 328 from counting up: it starts with what Joint and Conditional Entropy still
    # needs (the law of total probability, through conditional distributions).
    expect(page.get_by_test_id("plan-left")).to_have_text(re.compile(r"^(2\d|3\d) topics to go"))
    first = page.get_by_test_id("plan-steps").get_by_role("link").first
    towards_joint = {
        "The Law of Total Probability",
        "Bayes' Theorem",
        "Marginal Distributions",
        "Conditional Distributions",
    }
    assert first.inner_text() in towards_joint
    page.goto("/dashboard/")
    expect(page.get_by_test_id("known-list")).to_contain_text("found by placement")
