"""The practice flow: one question at a time, answered with or without JavaScript.

``GET /topics/<slug>/practice/`` shows the next question (``?q=<template slug>`` picks
one); every GET draws a new variant (a new seed). The answer form carries a signed
reference ``{"q": template id, "seed": seed, "token": uuid}``; ``POST`` to the same URL
grades it. An htmx request gets only the question card back (``#question`` or
``#feedback`` partial), a plain request the whole page.
"""

from __future__ import annotations

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from knowledge_graph.rendering import render_markdown
from knowledge_graph.selectors import topic_get
from practice import selectors, services
from practice.forms import AnswerForm, VariantRef
from practice.models import Attempt, QuestionTemplate
from practice.questions import variant_for

TEMPLATE = "practice/practice.html"
CARD_ID = "question-card"
# ValidationError code from attempt_submit → HTTP status of the re-shown form.
ERROR_STATUS = {"unparseable": 200, "too_long": 400, "not_yours": 403}


def _learner(request: HttpRequest, *, create: bool = False) -> tuple:
    """``(user or None, session key or None)``; ``create`` gives an anonymous visitor a
    session (and so a key) if they have none yet."""
    if request.user.is_authenticated:
        return request.user, None
    session = request.session
    if create and not session.session_key:
        session.save()
    if create:
        # Also marks the session modified, so its cookie is sent, and keeps the key that
        # anonymous attempts are stored under (login cycles the session key).
        session.setdefault(services.SESSION_KEY_NAME, session.session_key)
        session.modified = True
    return None, session.session_key


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "400.html", {"exception": message}, status=400)


def _question_context(
    question: QuestionTemplate, ref: VariantRef, *, form: AnswerForm | None = None, error=""
) -> dict:
    variant = variant_for(question.generator, ref.seed, unit=question.unit)
    if form is None:
        form = AnswerForm(initial={"variant": ref.sign()})
    return {
        "question": question,
        "seed": ref.seed,
        "intro_html": render_markdown(question.intro) if question.intro else "",
        "prompt_html": render_markdown(variant.prompt),
        "form": form,
        "error": error,
        "card_id": CARD_ID,
    }


def _feedback_context(attempt: Attempt) -> dict:
    question = attempt.question
    variant = variant_for(question.generator, attempt.seed, unit=question.unit)
    return {
        "question": question,
        "seed": attempt.seed,
        "attempt": attempt,
        "intro_html": render_markdown(question.intro) if question.intro else "",
        "prompt_html": render_markdown(variant.prompt),
        "solution_html": render_markdown(variant.solution),
        "card_id": CARD_ID,
    }


def _page_context(request: HttpRequest, topic, questions, current) -> dict:
    user, session_key = _learner(request)
    solved = selectors.solved_question_ids(user=user, session_key=session_key, topic=topic)
    return {
        "topic": topic,
        "questions": questions,
        "solved_ids": solved,
        "current": current,
        "mastery": selectors.topic_mastery(user=user, session_key=session_key, topic=topic),
    }


def _render(request, topic, partial: str, card: dict, *, status: int = 200) -> HttpResponse:
    """The card alone for htmx, else the whole page around it."""
    if request.htmx:
        return render(request, f"{TEMPLATE}#{partial}", card, status=status)
    questions = selectors.questions_active(topic=topic)
    context = _page_context(request, topic, questions, card["question"])
    context.update(card, card_partial=partial)
    return render(request, TEMPLATE, context, status=status)


@require_http_methods(["GET", "POST"])
def practice(request: HttpRequest, slug: str) -> HttpResponse:
    topic = topic_get(slug)
    if request.method == "POST":
        return _answer(request, topic)
    questions = selectors.questions_active(topic=topic)
    if not questions:
        return render(request, TEMPLATE, {"topic": topic, "questions": []})
    if "q" in request.GET:
        question = selectors.question_get(topic=topic, slug=request.GET["q"])
    else:
        user, session_key = _learner(request)
        question = selectors.question_next(
            user=user, session_key=session_key, topic=topic, questions=questions
        )
    card = _question_context(question, VariantRef.new(question.pk))
    if request.htmx and request.htmx.target == CARD_ID:
        return render(request, f"{TEMPLATE}#question", card)
    context = _page_context(request, topic, questions, question)
    context.update(card, card_partial="question")
    return render(request, TEMPLATE, context)


def _answer(request: HttpRequest, topic) -> HttpResponse:
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _bad_request(request, "The answer form is incomplete: reload the question.")
    try:
        ref = VariantRef.unsign(form.cleaned_data["variant"])
    except signing.BadSignature:
        return _bad_request(
            request, "This answer form was altered or is not valid: reload the question."
        )
    question = QuestionTemplate.objects.filter(pk=ref.question_id, topic=topic).first()
    if question is None:
        return _bad_request(request, "This answer form belongs to another topic's question.")
    user, session_key = _learner(request, create=True)
    try:
        attempt = services.attempt_submit(
            question=question,
            seed=ref.seed,
            token=ref.token,
            raw_answer=form.cleaned_data["answer"],
            user=user,
            session_key=session_key,
        )
    except ValidationError as exc:
        card = _question_context(question, ref, form=form, error=exc.messages[0])
        return _render(request, topic, "question", card, status=ERROR_STATUS.get(exc.code, 400))
    return _render(request, topic, "feedback", _feedback_context(attempt))
