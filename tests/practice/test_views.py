"""The practice page through the Django test client: whole pages and htmx fragments,
grading feedback, refused forms, escaping, and anonymous attempts claimed at login."""

from __future__ import annotations

import math
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from practice.forms import SALT, VariantRef
from practice.models import Attempt, QuestionTemplate
from practice.questions import variant_for
from tests.knowledge_graph.hostile_math import HOSTILE_TEXT, active_markup
from tests.practice.concurrency import at_once

LN2 = math.log(2)
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "question-card"}
URL = reverse("practice", args=["kl-divergence"])


def form_ref(response) -> VariantRef:
    """The variant the page's answer form refers to."""
    match = re.search(r'name="variant" value="([^"]+)"', response.content.decode())
    assert match, "no answer form on the page"
    return VariantRef.unsign(match.group(1))


def form_of(response) -> str:
    return re.search(r'name="variant" value="([^"]+)"', response.content.decode()).group(1)


def variant_of(response):
    ref = form_ref(response)
    question = QuestionTemplate.objects.get(pk=ref.question_id)
    return question, variant_for(question.generator, ref.seed, unit=question.unit)


def answer(client, page, text: str, url: str = URL, **headers):
    return client.post(url, {"answer": text, "variant": form_of(page)}, **headers)


def text_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def page(client, kl_questions):
    """The practice page as a new visitor first sees it."""
    response = client.get(URL)
    assert response.status_code == 200
    return response


# ----------------------------------------------------------------------------------- GET


def test_the_page_shows_one_question_the_form_and_the_progress(page, kl_questions):
    html = text_of(page)
    assert [t.name for t in page.templates][:2] == ["practice/practice.html", "base.html"]
    assert "<title>Practice: Kl Divergence · KL Tutor</title>" in html
    question, variant = variant_of(page)
    assert question == kl_questions[0]  # nothing solved yet: the first question
    assert html.count('data-testid="question"') == 1
    assert escape(question.title) in html
    assert "<table>" in html and "<math" in html  # the prompt, rendered with MathML
    assert "$" not in re.sub(r"<math.*?</math>", "", html, flags=re.S)
    assert 'hx-post="/topics/kl-divergence/practice/"' in html
    assert 'method="post" action="/topics/kl-divergence/practice/"' in html
    assert "csrfmiddlewaretoken" in html
    assert 'id="answer-hint"' in html and "ln(2) nats" in html
    assert html.count('data-testid="unsolved"') == 4
    assert 'aria-current="step"' in html
    assert "Not started" in html and "Solved 0 of 4 questions" in html
    assert "HX-Request" in page["Vary"]
    assert "autofocus" not in html  # a page load leaves the focus alone


def test_the_page_keeps_to_the_content_security_policy(page):
    html = text_of(page)
    assert " style=" not in html and "<style" not in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag and "nonce=" in tag, tag
    assert not re.search(r"<[^>]+\son[a-z]+=", html)  # no inline event handlers


def test_every_visit_draws_a_new_variant(client, kl_questions):
    refs = [form_ref(client.get(URL)) for _ in range(5)]
    assert len({r.seed for r in refs}) == 5 and len({r.token for r in refs}) == 5
    assert {r.question_id for r in refs} == {kl_questions[0].pk}


def test_the_htmx_fragment_is_the_card_and_the_progress_out_of_band(client, kl_questions):
    response = client.get(URL, {"q": "kl-divergence-asymmetry"}, **HTMX)
    html = text_of(response).strip()
    assert response.status_code == 200
    assert html.startswith('<section class="card practice-card" id="question-card"')
    assert "<html" not in html and "<nav" not in html
    assert 'id="practice-progress"' in html and 'hx-swap-oob="true"' in html
    assert form_ref(response).question_id == kl_questions[1].pk
    assert "autofocus" in html  # the new question is ready to type into


def test_an_htmx_request_for_another_target_gets_the_whole_page(client, kl_questions):
    response = client.get(URL, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="main")
    assert "<html" in text_of(response)
    assert 'hx-swap-oob="true"' not in text_of(response)


def test_a_question_is_chosen_by_slug_and_an_unknown_one_is_404(client, kl_questions):
    response = client.get(URL, {"q": "cross-entropy-equals-entropy-plus-kl"})
    assert form_ref(response).question_id == kl_questions[2].pk
    assert client.get(URL, {"q": "entropy-of-a-biased-coin"}).status_code == 404
    assert client.get(URL, {"q": "nope"}).status_code == 404


def test_unknown_topic_is_404_and_a_topic_without_questions_is_friendly(client, topics):
    assert client.get(reverse("practice", args=["no-such-topic"])).status_code == 404
    response = client.get(reverse("practice", args=["no-questions-yet"]))
    assert response.status_code == 200
    html = text_of(response)
    assert "There are no practice questions for No Questions Yet yet." in html
    assert 'name="answer"' not in html
    assert 'href="/topics/no-questions-yet/"' in html


def test_only_get_and_post(client, kl_questions):
    assert client.put(URL).status_code == 405


# ---------------------------------------------------------------------------------- POST


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_correct_answer(client, page, headers):
    question, variant = variant_of(page)
    response = answer(client, page, f"{variant.expected:.4f}", **headers)
    assert response.status_code == 200
    html = text_of(response)
    assert 'data-testid="feedback"' in html and "feedback-correct" in html
    assert "Correct!" in html and "Not correct" not in html
    assert f"{variant.expected:.4f} bits" in html  # the expected answer
    assert "Worked solution" in html
    assert "Try a new variant" in html and "Next question" in html
    assert f'href="{URL}?q={question.slug}"' in html
    assert html.count('data-testid="solved"') == 1  # the progress panel follows
    assert "Solved 1 of 4 questions" in html
    assert ("<html" in html) is (headers == {})
    attempt = Attempt.objects.get()
    assert (attempt.question, attempt.correct, attempt.learner.user) == (question, True, None)
    assert attempt.learner.session_key == client.session.session_key
    assert attempt.seed == form_ref(page).seed


def test_an_answer_reads_its_learner_once(client, page):
    """The view, the grading and the progress panel share one read of the learner."""
    answer(client, page, "0.3", **HTMX)  # the first answer creates the learner
    card = client.get(URL, **HTMX)
    with CaptureQueriesContext(connection) as queries:
        assert answer(client, card, "0.4", **HTMX).status_code == 200
    reads = [q["sql"] for q in queries if 'FROM "learners_learner"' in q["sql"]]
    assert len(reads) == 1, reads


def test_an_answer_is_graded_once(client, page, monkeypatch):
    """The view checks that an answer can be read before it creates a learner row, and
    the attempt is stored with that same grading: the variant is not drawn again."""
    from practice import services

    graded = []
    real = services._verdict

    def counted(question, variant, raw_answer):
        graded.append(raw_answer)
        return real(question, variant, raw_answer)

    monkeypatch.setattr(services, "_verdict", counted)
    assert answer(client, page, "0.3", **HTMX).status_code == 200
    assert graded == ["0.3"]
    assert Attempt.objects.get().raw_answer == "0.3"


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_the_reversed_divergence_is_named_then_a_second_try_then_the_solution(
    client, page, headers
):
    question, variant = variant_of(page)
    reversed_kl = repr(variant.alternatives["reversed"])
    response = answer(client, page, reversed_kl, **headers)
    assert response.status_code == 200
    html = text_of(response)
    assert 'data-testid="retry"' in html and 'data-testid="feedback"' not in html
    assert escape("You computed D(Q‖P): KL divergence is not symmetric") in html
    assert 'data-testid="hint"' in html and "Work one outcome at a time" in html
    # Neither the answer nor the worked solution yet.
    assert f"{variant.expected:.4f}" not in html and f"{variant.expected:.3f}" not in html
    assert "Worked solution" not in html and "Adding the terms" not in html
    assert ("<html" in html) is (headers == {})
    retry = form_ref(response)
    assert (retry.question_id, retry.seed) == (question.pk, form_ref(page).seed)
    assert retry.token != form_ref(page).token

    response = answer(client, response, reversed_kl, **headers)
    html = text_of(response)
    assert "Not correct" in html and "feedback-wrong" in html
    assert f"{variant.expected:.4f} bits" in html
    assert '<details class="practice-solution mb-3" open' in html
    assert 'data-testid="no-credit"' in html
    attempts = list(Attempt.objects.order_by("id"))
    assert [(a.try_number, a.revealed, a.diagnosis) for a in attempts] == [
        (1, False, "reversed"),
        (2, False, "reversed"),
    ]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_right_second_try_shows_the_solution_and_solves_the_question(client, page, headers):
    question, variant = variant_of(page)
    response = answer(client, page, "123", **headers)
    html = text_of(response)
    assert escape("That is not correct.") in html and "Solved 0 of 4" in html
    response = answer(client, response, f"{variant.expected:.4f}", **headers)
    html = text_of(response)
    assert "Correct!" in html and f"{variant.expected:.4f} bits" in html
    assert 'data-testid="no-credit"' not in html and "Solved 1 of 4" in html
    assert Attempt.objects.filter(correct=True, try_number=2, revealed=False).count() == 1


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_show_the_solution_on_a_fresh_question(client, page, headers):
    question, variant = variant_of(page)
    html = text_of(page)
    assert 'name="reveal"' in html and "Show the solution" in html
    assert "Adding the terms" not in html
    response = client.post(URL, {"variant": form_of(page), "answer": "", "reveal": "1"}, **headers)
    assert response.status_code == 200
    html = text_of(response)
    assert 'data-testid="feedback"' in html and "The worked solution" in html
    assert f"{variant.expected:.4f} bits" in html and "Adding the terms" in html
    assert 'data-testid="your-answer"' not in html and 'data-testid="no-credit"' in html
    assert ("<html" in html) is (headers == {})
    assert not Attempt.objects.exists()
    # The same form sent again after the reveal (another tab, the back button): recorded as
    # right but revealed, and the question is not solved by it.
    again = client.post(URL, {"variant": form_of(page), "reveal": "1"}, **headers)
    assert again.status_code == 200
    response = answer(client, page, f"{variant.expected:.4f}", **headers)
    html = text_of(response)
    assert "Correct!" in html and "Recorded as correct, but the solution had been shown" in html
    assert "Solved 0 of 4" in html
    attempt = Attempt.objects.get()
    assert (attempt.correct, attempt.revealed) == (True, True)


def test_an_unreadable_second_try_keeps_the_hint_and_the_try(client, page):
    _, variant = variant_of(page)
    first = answer(client, page, "123", **HTMX)
    response = answer(client, first, "0.5 @ 2", **HTMX)
    html = text_of(response)
    assert 'data-testid="answer-error"' in html and 'data-testid="hint"' in html
    assert form_ref(response) == form_ref(first)  # the same try, not used up
    response = answer(client, response, f"{variant.expected:.4f}", **HTMX)
    assert "Correct!" in text_of(response)
    assert [a.try_number for a in Attempt.objects.order_by("id")] == [1, 2]


def test_a_double_submitted_wrong_answer_offers_one_second_try(client, page):
    first = answer(client, page, "123", **HTMX)
    again = answer(client, page, "123", **HTMX)
    assert form_ref(first) == form_ref(again)
    answer(client, first, "124", **HTMX)
    answer(client, again, "124", **HTMX)
    assert [a.try_number for a in Attempt.objects.order_by("id")] == [1, 2]


def test_the_value_in_nats_is_named(client, page):
    _, variant = variant_of(page)
    response = answer(client, page, f"{variant.expected * LN2:.5f}", **HTMX)
    assert escape("That is the value in nats; the question asks for bits.") in text_of(response)
    assert Attempt.objects.get().diagnosis == "wrong_unit"


def test_a_wrong_answer_without_a_diagnosis(client, page):
    _, variant = variant_of(page)
    response = answer(client, page, "123", **HTMX)
    html = text_of(response)
    assert "Not correct" in html and 'data-testid="diagnosis"' not in html
    assert Attempt.objects.get().correct is False


def test_a_signed_in_student_s_attempt_is_theirs(client, page, make_user):
    user = make_user()
    client.force_login(user)
    page = client.get(URL)
    _, variant = variant_of(page)
    answer(client, page, f"{variant.expected:.5f}")
    attempt = Attempt.objects.get()
    assert (attempt.learner.user, attempt.correct) == (user, True)
    assert 'data-testid="anonymous-note"' not in text_of(client.get(URL))


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_an_unreadable_answer_keeps_the_text_and_says_where(client, page, headers):
    response = answer(client, page, "0.5 @ 2", **headers)
    assert response.status_code == 200
    html = text_of(response)
    assert 'value="0.5 @ 2"' in html
    assert escape("Unexpected character '@' at position 4.") in html
    assert 'aria-invalid="true"' in html and "is-invalid" in html
    assert form_of(response) == form_of(page)  # the same variant, the same form
    assert not Attempt.objects.exists()
    # Corrected, the same form is then graded.
    _, variant = variant_of(page)
    assert "Correct!" in text_of(answer(client, page, f"{variant.expected:.4f}"))
    assert Attempt.objects.count() == 1


def test_student_text_is_always_escaped(client, page):
    hostile = '<script>alert("x")</script>'
    response = answer(client, page, hostile, **HTMX)
    html = text_of(response)
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert escape(hostile) in html  # kept in the field, harmlessly
    assert escape("Unexpected character '<' at position 0.") in html


@pytest.mark.parametrize(
    "typed, message",
    [
        ("100%%", "Only one unit is allowed, but found '%' at position 3 and '%' at position 4."),
        ("%(x)s", "Expected a number at position 0, but found the unit '%'"),
        ("abc%d", "Unknown name 'abc' at position 0"),
    ],
)
def test_an_answer_with_percent_signs_is_given_back_with_the_parser_s_words(
    client, page, typed, message
):
    """The parser's message quotes the answer; its "%" signs are shown as typed, never
    taken for formatting (which was a server error)."""
    response = answer(client, page, typed, **HTMX)
    assert response.status_code == 200
    html = text_of(response)
    assert f'value="{escape(typed)}"' in html
    assert escape(message) in html
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("typed", ["50%", "5%"])
def test_a_percentage_in_bits_is_refused_with_a_message(client, page, typed):
    response = answer(client, page, typed)
    assert response.status_code == 200
    html = text_of(response)
    assert f'value="{escape(typed)}"' in html  # kept, to correct
    assert escape("A percent does not fit here: the question asks for bits") in html
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_an_over_long_answer_is_400_with_the_message(client, page, headers):
    response = answer(client, page, "1" * 201, **headers)
    assert response.status_code == 400
    html = text_of(response)
    assert "Your answer is too long (201 characters; at most 200)." in html
    assert 'name="answer"' in html  # the form is shown again
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_tampered_variant_is_400(client, page, headers):
    ref = form_ref(page)
    forged = signing.dumps({"q": ref.question_id, "seed": ref.seed + 1, "token": str(ref.token)})
    tampered = form_of(page)[:-2] + ("AA" if not form_of(page).endswith("AA") else "BB")
    for value in (forged, tampered, "garbage"):
        response = client.post(URL, {"answer": "0.5", "variant": value}, **headers)
        assert response.status_code == 400
        assert "This answer form was altered or is not valid" in text_of(response)
    if headers:
        assert 'data-testid="problem"' in text_of(response) and "<html" not in text_of(response)
    assert not Attempt.objects.exists()


def test_a_form_signed_for_the_wrong_purpose_is_refused(client, page):
    ref = form_ref(page)
    other_salt = signing.dumps({"q": ref.question_id, "seed": 1, "token": str(ref.token)}, salt="x")
    assert signing.loads(form_of(page), salt=SALT)["q"] == ref.question_id
    response = client.post(URL, {"answer": "0.5", "variant": other_salt})
    assert response.status_code == 400


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_another_topic_s_question_is_400(client, question_set, headers):
    page = client.get(reverse("practice", args=["shannon-entropy"]))
    response = answer(client, page, "0.5", **headers)
    assert response.status_code == 400
    assert "This answer form belongs to another topic&#x27;s question." in text_of(response)
    assert not Attempt.objects.exists()


def test_an_incomplete_form_is_400(client, kl_questions):
    response = client.post(URL, {"answer": "0.5"})
    assert response.status_code == 400
    assert "The answer form is incomplete" in text_of(response)


def test_a_double_submit_stores_one_attempt_and_says_so_if_the_answer_changed(client, page):
    _, variant = variant_of(page)
    first = answer(client, page, "0.1", **HTMX)
    again = answer(client, page, "0.1", **HTMX)
    assert first.status_code == again.status_code == 200
    assert 'data-testid="already-answered"' not in text_of(again)
    assert ">0.1</code>" in text_of(again)
    changed = answer(client, page, f"{variant.expected:.4f}")
    html = text_of(changed)
    assert 'data-testid="already-answered"' in html
    assert ">0.1</code>" in html and "Not correct" in html  # the first answer stands
    assert Attempt.objects.count() == 1


def test_a_form_sent_from_another_session_is_refused(client, page, kl_questions):
    from django.test import Client

    answer(client, page, "0.1")
    stranger = Client()
    answer(stranger, stranger.get(URL), "0.2")  # a visitor with a session of their own
    response = answer(stranger, page, "0.1", **HTMX)
    assert response.status_code == 403
    assert "This answer form was already used by someone else" in text_of(response)
    assert Attempt.objects.count() == 2


def first_posts(page, count: int):
    """``count`` first posts of the form on ``page``, each by a client without a cookie."""
    from django.test import Client

    return [answer(Client(), page, "0.1", **HTMX) for _ in range(count)]


def test_a_form_sent_again_without_a_cookie_is_one_attempt_with_one_session(page, kl_questions):
    """A visitor's first answer, sent several times before any cookie came back (a
    double click, a resent request): one attempt, the same answer to each, and one
    session, which owns the attempt, in every cookie. (The clock stands still: on a
    crowded machine five posts must not drift out of the window of a resend.)"""
    with time_machine.travel(timezone.now(), tick=False):
        responses = first_posts(page, 5)
    assert [r.status_code for r in responses] == [200] * 5
    assert Attempt.objects.count() == 1
    cards = {re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", text_of(r)) for r in responses}
    assert len(cards) == 1 and "0.1" in text_of(responses[0])
    keys = {r.cookies["sessionid"].value for r in responses}
    assert len(keys) == 1 and Attempt.objects.get().learner.session_key == keys.pop()


def test_the_same_form_without_a_cookie_long_after_is_someone_else(page, kl_questions):
    first_posts(page, 1)
    Attempt.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    [late] = first_posts(page, 1)
    assert late.status_code == 403
    assert "This answer form was already used by someone else" in text_of(late)
    assert Attempt.objects.count() == 1


def test_mastery_shows_when_every_question_is_solved(client, kl_questions):
    for question in kl_questions:
        page = client.get(URL, {"q": question.slug})
        _, variant = variant_of(page)
        response = answer(client, page, f"{variant.expected:.4f}", **HTMX)
        assert "Correct!" in text_of(response)
    html = text_of(response)
    assert "Mastered" in html and html.count('data-testid="solved"') == 4
    # With everything solved, "Next question" goes round to the one after the last.
    assert form_ref(client.get(URL)).question_id == kl_questions[0].pk


# -------------------------------------------------------- anonymous attempts, then login


def _answer_twice_anonymously(client):
    for _ in range(2):
        page = client.get(URL)
        _, variant = variant_of(page)
        answer(client, page, f"{variant.expected:.4f}", **HTMX)
    key = client.session.session_key
    assert Attempt.objects.filter(learner__session_key=key).count() == 2
    return key


def test_anonymous_attempts_are_claimed_at_login(client, kl_questions, make_user):
    user = make_user("ines", "a-long-Password-42")
    _answer_twice_anonymously(client)
    response = client.post(reverse("login"), {"username": "ines", "password": "a-long-Password-42"})
    assert response.status_code == 302
    assert Attempt.objects.filter(learner__user=user).count() == 2
    assert not Attempt.objects.filter(learner__user=None).exists()
    html = text_of(client.get(URL))
    assert html.count('data-testid="solved"') == 2 and "Solved 2 of 4 questions" in html


def test_anonymous_attempts_are_claimed_at_signup(client, kl_questions):
    _answer_twice_anonymously(client)
    response = client.post(
        reverse("signup"),
        {
            "username": "newbie",
            "password1": "a-long-Password-42",
            "password2": "a-long-Password-42",
        },
    )
    assert response.status_code == 302
    assert Attempt.objects.filter(learner__user__username="newbie").count() == 2
    assert not Attempt.objects.filter(learner__user=None).exists()


def test_an_intro_whose_formulas_would_set_links_or_styles_is_shown_inert(client, kl_questions):
    QuestionTemplate.objects.filter(pk=kl_questions[0].pk).update(intro=HOSTILE_TEXT)
    response = client.get(URL, {"q": kl_questions[0].slug})
    html = text_of(response)
    assert active_markup(html) == []
    assert "\\href{javascript:alert(1)}{x}</code>" in html


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ten connections writing at once need PostgreSQL"
)
def test_ten_first_posts_at_once_store_one_attempt_and_answer_alike(kl_questions):
    """Ten cookieless posts of one form at the same moment (scripts/test_postgres)."""
    from django.test import Client

    page = Client().get(URL)
    responses = at_once(10, lambda: answer(Client(), page, "0.1", **HTMX))
    assert [r.status_code for r in responses] == [200] * 10
    assert Attempt.objects.count() == 1
    keys = {r.cookies["sessionid"].value for r in responses}
    assert keys == {Attempt.objects.get().learner.session_key}


def test_a_mistake_s_message_is_shown_with_its_formulas_typeset():
    from practice.views import _feedback_html

    attempt = Attempt(feedback="You squared the sum: $(a + b)^2$ is not $a^2 + b^2$.")
    html = _feedback_html(attempt)
    assert html.count("<math") == 2 and "$" not in html and "You squared the sum" in html
    assert _feedback_html(Attempt(feedback="")) == ""
