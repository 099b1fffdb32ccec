"""The practice flow: one question at a time, answered with or without JavaScript.

``GET /topics/<slug>/practice/`` shows the next question (``?q=<template slug>`` picks
one); every GET draws a new variant (a new seed). The answer form carries a signed
reference ``{"q": template id, "seed": seed, "token": uuid}``; ``POST`` to the same URL
grades it.

The tutoring loop: a first wrong answer gets the mistake's message (or "That is not
correct.") and a hint (:func:`practice.hints.hint_for`, else a pointer to the lesson), and
the same question again on the same numbers (the form of the next try carries the same
seed and :func:`practice.services.next_token`). The worked solution and the expected
answer are shown only after the second wrong answer, after a right one, or when the
student asks for them: the form's "Show the solution" button posts ``reveal=1`` with the
same signed reference (:func:`practice.services.solution_reveal`).

An htmx request aimed at the question card (``HX-Target: question-card``) gets only the
card back (the ``question``, ``feedback`` or ``problem`` partial of
``practice/practice.html``) followed by the progress panel as an out-of-band swap, so the
solved marks and the mastery line follow every answer; any other request gets the whole
page. Refused forms keep their HTTP status (400/403): ``base.html`` tells htmx to swap
4xx answers too, so the student always sees why.
"""

from __future__ import annotations

import math
import uuid

from django.contrib.sessions.backends.base import CreateError
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.views.decorators.http import require_http_methods

from core import throttle
from core.http import HtmxHttpRequest
from knowledge_graph.models import Topic
from knowledge_graph.selectors import topic_get
from learners.models import Learner
from learners.selectors import request_learner
from learners.services import request_learner_ensure
from practice import selectors, services
from practice.content import content_html
from practice.forms import AnswerForm, VariantRef, option_labels
from practice.grader import Expected, answer_text
from practice.hints import hint_for
from practice.models import Attempt, QuestionTemplate
from practice.questions import Variant

TEMPLATE = "practice/practice.html"
CARD_ID = "question-card"
# ValidationError code from attempt_submit → HTTP status of the re-shown form.
ERROR_STATUS = {
    "unparseable": 200,
    "not_an_option": 200,
    "no_percent": 200,
    "too_long": 400,
    "not_yours": 403,
}
# Units a question names beside the answer field ("Your answer (in degrees)").
LABELLED_UNITS = ("bits", "nats", "degrees", "radians", "percent")


FIRST_POST_SECONDS = 10
"""How long after a visitor's first answer the same form, sent again without a cookie,
is still taken for theirs (see :func:`_first_session_key`)."""


def _first_session_key(token: uuid.UUID) -> str:
    """The session key of a visitor whose first request is an answer, derived from the
    form's token with the server's secret: the same form sent several times before any
    cookie came back (a double click, a resent request) opens one session, so one
    attempt is stored and every response carries the cookie of the session that owns it.
    Nobody can work the key out without the secret and the form."""
    return salted_hmac("practice.first-session", str(token), algorithm="sha256").hexdigest()[:32]


def _open_first_session(session, token: uuid.UUID) -> None:
    """Give a visitor without a session the one derived from ``token`` (created by the
    first of several requests; the others join it). Once the form was answered more than
    :data:`FIRST_POST_SECONDS` ago, a new session instead: a later sender is someone else."""
    if selectors.form_answered_before(token=token, seconds=FIRST_POST_SECONDS):
        session.save()
        return
    session._session_key = _first_session_key(token)
    try:
        session.save(must_create=True)
    except CreateError:
        pass  # opened by a request sent at the same time: this one joins it


def _learner(
    request: HtmxHttpRequest, *, create: bool = False, token: uuid.UUID | None = None
) -> Learner | None:
    """The request's learner; ``create`` makes one if needed (an anonymous visitor gets a
    session first: for an answer, ``token`` being the form's, the one
    :func:`_first_session_key` derives)."""
    if not create:
        return request_learner(request)
    session = request.session
    if token is not None and not request.user.is_authenticated and not session.session_key:
        _open_first_session(session, token)
    return request_learner_ensure(request)


def _wants_card(request: HtmxHttpRequest) -> bool:
    """Whether this is an htmx request that will swap the question card."""
    return bool(request.htmx) and request.htmx.target == CARD_ID


def _intro_html(question: QuestionTemplate) -> str:
    return content_html(question.intro) if question.intro else ""


def _question_context(
    request: HtmxHttpRequest,
    topic: Topic,
    question: QuestionTemplate,
    ref: VariantRef,
    *,
    form: AnswerForm | None = None,
) -> dict:
    """The question card; after a wrong answer to this variant (its solution not shown
    yet) it says what was wrong, gives the hint, and asks for the next try."""
    variant = question.variant(ref.seed)
    if form is None:
        form = AnswerForm(initial={"variant": ref.sign()})
    form.fit(variant.answer)
    unit = question.unit if variant.answer is None else variant.answer.unit
    last = selectors.attempt_last(learner=_learner(request), question=question, seed=ref.seed)
    retry = last is not None and not last.correct and not last.revealed
    hint = hint_for(variant) if retry else None
    return {
        "topic": topic,
        "question": question,
        "seed": ref.seed,
        "unit_label": unit if unit in LABELLED_UNITS else "",
        "intro_html": _intro_html(question),
        "prompt_html": content_html(variant.prompt),
        "form": form,
        "card_id": CARD_ID,
        "retry": last if retry else None,
        "retry_value_text": _value_text(last, variant) if retry else "",
        "retry_feedback_html": _feedback_html(last) if retry else "",
        "hint_html": content_html(hint) if hint else "",
    }


def _number(x: float | None) -> str:
    """A value for the feedback card: four decimals like the worked solutions, a real
    minus sign, and words for infinity."""
    if x is None:
        return ""
    if math.isinf(x):
        return "infinity" if x > 0 else "\u2212infinity"
    text = f"{x:.4f}"
    if text == "-0.0000":
        text = "0.0000"
    return text.replace("-", "\u2212")


def _choice_text(answer: Expected, key: str) -> str:
    """A choice's key with its wording, if the question gives one."""
    return dict(option_labels(answer)).get(key, key)


def _expected_text(variant: Variant, unit: str) -> str:
    """The expected answer as a student would write it: fractions as fractions, a choice
    with its wording, a value in bits or nats with its unit."""
    answer = variant.answer
    if answer is None:
        return f"{_number(variant.expected)} {unit}"
    if answer.kind == "choice":
        return _choice_text(answer, answer.value)
    return answer_text(answer)


def _value_text(attempt: Attempt, variant: Variant) -> str:
    """What the student's answer came to beside it as typed: its value for bits or nats,
    the option's wording for a choice."""
    answer = variant.answer
    if answer is None:
        value = attempt.value
        return f"= {_number(value)} {attempt.unit}" if value is not None else ""
    if answer.kind == "choice":
        chosen = _choice_text(answer, attempt.raw_answer.strip())
        return "" if chosen == attempt.raw_answer else chosen
    return ""


def _feedback_html(attempt: Attempt) -> str:
    """The attempt's feedback (a mistake's message may hold a formula: ``$x^2$``)."""
    return content_html(attempt.feedback, inline=True) if attempt.feedback else ""


def _feedback_context(
    topic: Topic,
    question: QuestionTemplate,
    seed: int,
    *,
    attempt: Attempt | None,
    raw_answer: str | None = None,
) -> dict:
    """The card with the worked solution: after a right answer, after the last wrong
    try, or (``attempt`` None or any) when the student asked for it."""
    unit = attempt.unit if attempt is not None else question.unit
    variant = question.variant(seed, unit=unit or None)
    return {
        "topic": topic,
        "question": question,
        "seed": seed,
        "attempt": attempt,
        "expected_text": _expected_text(variant, unit or question.unit),
        "value_text": _value_text(attempt, variant) if attempt is not None else "",
        "feedback_html": _feedback_html(attempt) if attempt is not None else "",
        # The same form was sent again with a different answer (say after going back in
        # the browser): the first answer stands, and the page says so.
        "already_answered": attempt is not None
        and raw_answer is not None
        and attempt.raw_answer != raw_answer,
        "intro_html": _intro_html(question),
        "prompt_html": content_html(variant.prompt),
        "solution_html": content_html(variant.solution),
        "card_id": CARD_ID,
    }


def _progress_context(
    request: HtmxHttpRequest, topic: Topic, questions: list[QuestionTemplate], current
) -> dict:
    learner = _learner(request)
    return {
        "topic": topic,
        "questions": questions,
        "solved_ids": selectors.solved_question_ids(learner=learner, topic=topic),
        "current": current,
        "mastery": selectors.topic_mastery(learner=learner, topic=topic),
        "mastery_streak": selectors.MASTERY_STREAK,
    }


def _render(
    request: HtmxHttpRequest,
    topic: Topic,
    partial: str,
    card: dict,
    *,
    questions: list[QuestionTemplate] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The card and the out-of-band progress panel for htmx, else the whole page."""
    if questions is None:
        questions = selectors.questions_active(topic=topic)
    context = _progress_context(request, topic, questions, card.get("question"))
    context.update(card)
    if _wants_card(request):
        context["oob"] = True
        response = render(request, f"{TEMPLATE}#{partial}", context, status=status)
    else:
        context["card_partial"] = partial
        response = render(request, TEMPLATE, context, status=status)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


def _refuse(request: HtmxHttpRequest, topic: Topic, message: str) -> HttpResponse:
    """A form that cannot be graded at all (altered, incomplete, another topic's)."""
    if _wants_card(request):
        card = {"topic": topic, "message": message, "card_id": CARD_ID}
        return _render(request, topic, "problem", card, status=400)
    return render(request, "400.html", {"exception": message}, status=400)


@require_http_methods(["GET", "POST"])
def practice(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    topic = topic_get(slug)
    if request.method == "POST":
        return _answer(request, topic)
    questions = selectors.questions_active(topic=topic)
    if not questions:
        return render(request, TEMPLATE, {"topic": topic, "questions": []})
    if "q" in request.GET:
        question = selectors.question_get(topic=topic, slug=request.GET["q"])
    else:
        question = selectors.question_next(
            learner=_learner(request), topic=topic, questions=questions
        )
    card = _question_context(request, topic, question, VariantRef.new(question.pk))
    if _wants_card(request):
        card["form"].focus()  # a new question in place of the last one: ready to type
    return _render(request, topic, "question", card, questions=questions)


def _posted_variant(
    request: HtmxHttpRequest, topic: Topic
) -> tuple[AnswerForm, VariantRef, QuestionTemplate] | HttpResponse:
    """The posted form, the variant it refers to and its question; or the refusal."""
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _refuse(request, topic, "The answer form is incomplete: reload the question.")
    try:
        ref = VariantRef.unsign(form.cleaned_data["variant"])
    except signing.BadSignature:
        return _refuse(
            request, topic, "This answer form was altered or is not valid: reload the question."
        )
    question = QuestionTemplate.objects.filter(pk=ref.question_id, topic=topic).first()
    if question is None:
        return _refuse(request, topic, "This answer form belongs to another topic's question.")
    return form, ref, question


def _answer(request: HtmxHttpRequest, topic: Topic) -> HttpResponse:
    posted = _posted_variant(request, topic)
    if isinstance(posted, HttpResponse):
        return posted
    form, ref, question = posted
    raw_answer = form.cleaned_data["answer"]
    try:
        throttle.check(request, "answer", per_account=True)
    except throttle.Throttled as exc:  # the card again, the answer kept to send later
        form.refuse_answer(exc.message)
        card = _question_context(request, topic, question, ref, form=form)
        response = _render(request, topic, "question", card, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response
    if request.POST.get("reveal"):
        learner = _learner(request, create=True, token=ref.token)
        services.solution_reveal(question=question, seed=ref.seed, learner=learner)
        attempt = selectors.attempt_last(learner=learner, question=question, seed=ref.seed)
        card = _feedback_context(topic, question, ref.seed, attempt=attempt)
        return _render(request, topic, "feedback", card)
    try:
        # An answer that cannot be read is refused before the visitor gets a learner row.
        checked = services.answer_check(question=question, seed=ref.seed, raw_answer=raw_answer)
        learner = _learner(request, create=True, token=ref.token)
        attempt = services.attempt_submit(
            question=question,
            seed=ref.seed,
            token=ref.token,
            raw_answer=raw_answer,
            learner=learner,
            checked=checked,
        )
    except ValidationError as exc:
        form.refuse_answer(exc.messages[0])
        card = _question_context(request, topic, question, ref, form=form)
        return _render(request, topic, "question", card, status=ERROR_STATUS.get(exc.code, 400))
    revealed = selectors.solution_revealed(learner=learner, question=question, seed=ref.seed)
    if not attempt.correct and not revealed:  # a second try on the same numbers
        retry = VariantRef(question.pk, ref.seed, services.next_token(attempt.token))
        card = _question_context(request, topic, question, retry)
        card["form"].focus()
        card["already_answered"] = attempt.raw_answer != raw_answer
        return _render(request, topic, "question", card)
    card = _feedback_context(topic, question, ref.seed, attempt=attempt, raw_answer=raw_answer)
    return _render(request, topic, "feedback", card)
