"""Placement (``/placement/``): an adaptive diagnostic for a new student and a goal.

One page in three states: choosing the goal, answering one question at a time, and the
outcome (the known topics, the goal's frontier, a link to the plan). Every form posts to
the page and is answered with a redirect back to it, so a reload never sends anything
twice and the page works without JavaScript.

A placement in progress lives in the session under :data:`SESSION_KEY`: the goal's id,
the answers as ``[topic id, 1 or 0]`` pairs and the question on screen (its topic and its
signed variant reference, whose token names the form). An answer counts only if its
form's token is the one on screen; the token is then cleared, so the same form sent twice
(a double click, a resent request) counts once. The session carries into an account on
sign-up or log-in like the rest of a visitor's data. The outcome's known topics are
written as the learner's known topics, marked as coming from placement
(:func:`learning.services.known_from_placement`), and a learner without a goal gets the
placement's goal as their current goal.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core import throttle
from core.http import HtmxHttpRequest
from knowledge_graph.models import Topic
from learners.selectors import request_learner
from learners.services import request_learner_ensure
from learning import selectors, services
from learning.selectors import placement as placement_selectors
from practice import services as practice_services
from practice.content import content_html
from practice.forms import AnswerForm, VariantRef
from practice.models import QuestionTemplate
from practice.views import ERROR_STATUS, LABELLED_UNITS

SESSION_KEY = "placement"
TEMPLATE = "learning/placement.html"
DEFAULT_GOAL = "kl-divergence"
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")


@require_http_methods(["GET", "POST"])
def placement(request: HtmxHttpRequest) -> HttpResponse:
    state = request.session.get(SESSION_KEY)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "start":
            return _start(request)
        if action == "restart":
            request.session.pop(SESSION_KEY, None)
            return redirect("placement")
        if state is None:
            return _refuse(request, "No placement is under way: choose a goal to start one.")
        if state.get("done"):
            return redirect("placement")  # finished already: the outcome stands
        if action == "answer":
            return _answer(request, state)
        if action == "stop":
            return _finish(request, state)
        return _refuse(request, "That button is not one this page knows: reload the page.")
    goal = Topic.objects.filter(pk=state["goal"]).first() if state else None
    if goal is None:
        return render(request, TEMPLATE, _start_context(request))
    if state.get("done"):
        return render(request, TEMPLATE, _outcome_context(goal, state))
    context = _question_context(goal, state)
    if context is None:  # its question was deleted meanwhile: ask another
        return _ask_next(request, goal, state)
    return render(request, TEMPLATE, context)


# --- the three states -------------------------------------------------------------


def _start_context(request: HtmxHttpRequest) -> dict:
    """The goals offered: the learner's goals (the current one first) and KL divergence."""
    learner = request_learner(request)
    goals = [g.topic for g in selectors.goal_list(learner=learner)]
    kl = _topic_named(DEFAULT_GOAL)
    if kl is not None and kl not in goals:
        goals.append(kl)
    extra = _topic_named(request.GET.get("goal", ""))
    if extra is not None and extra not in goals:
        goals.insert(0, extra)
    chosen = extra or (goals[0] if goals else None)
    return {
        "stage": "start",
        "goals": goals,
        "chosen": chosen,
        "budget": placement_selectors.BUDGET,
    }


def _question_context(goal: Topic, state: dict, *, form: AnswerForm | None = None
                      ) -> dict | None:  # fmt: skip
    """The question on screen; None if there is none, or it was deleted."""
    if not state.get("q"):
        return None
    ref = VariantRef.unsign(state["q"]["ref"])
    question = QuestionTemplate.objects.filter(pk=ref.question_id).select_related("topic").first()
    if question is None:
        return None
    variant = question.variant(ref.seed)
    if form is None:
        form = AnswerForm(initial={"variant": ref.sign()})
    form.fit(variant.answer)
    form.focus()
    unit = question.unit if variant.answer is None else variant.answer.unit
    return {
        "unit_label": unit if unit in LABELLED_UNITS else "",
        "stage": "question",
        "goal": goal,
        "question": question,
        "topic": question.topic,
        "prompt_html": content_html(variant.prompt),
        "intro_html": content_html(question.intro) if question.intro else "",
        "form": form,
        "number": len(state["answers"]) + 1,
        "budget": placement_selectors.BUDGET,
    }


def _outcome_context(goal: Topic, state: dict) -> dict:
    if state["answers"]:
        step = placement_selectors.placement_step(goal=goal, answers=state["answers"])
        outcome = placement_selectors.placement_outcome(goal=goal, step=step)
    else:
        outcome = None
    return {"stage": "outcome", "goal": goal, "outcome": outcome}


# --- actions ----------------------------------------------------------------------


def _start(request: HtmxHttpRequest) -> HttpResponse:
    slug = request.POST.get("goal", "")
    goal = _topic_named(slug)
    if goal is None:
        return _refuse(request, "There is no such topic to place you below: choose a goal.")
    state = {"goal": goal.pk, "answers": [], "q": None, "done": False}
    return _ask_next(request, goal, state)


def _ask_next(request: HtmxHttpRequest, goal: Topic, state: dict) -> HttpResponse:
    """Put the most telling question on screen, or finish when nothing is left to ask."""
    step = placement_selectors.placement_step(goal=goal, answers=state["answers"])
    question = None
    if step.next_topic_id is not None:
        asked = sum(topic_id == step.next_topic_id for topic_id, _ in state["answers"])
        question = placement_selectors.placement_question(
            topic_id=step.next_topic_id, asked_before=asked
        )
    if question is None:
        return _finish(request, state, goal=goal, step=step)
    state["q"] = {"topic": question.topic_id, "ref": VariantRef.new(question.pk).sign()}
    _save(request, state)
    return redirect("placement")


def _answer(request: HtmxHttpRequest, state: dict) -> HttpResponse:
    goal = Topic.objects.filter(pk=state["goal"]).first()
    if goal is None:
        request.session.pop(SESSION_KEY, None)
        return _refuse(request, "The goal of this placement is gone: choose another.")
    form = AnswerForm(request.POST)
    unknown = bool(request.POST.get("unknown"))  # "I have not learnt this yet"
    if not (form.is_valid() or (unknown and request.POST.get("variant"))):
        return _refuse(request, "The answer form is incomplete: reload the page.")
    try:
        ref = VariantRef.unsign(request.POST["variant"])
    except signing.BadSignature:
        return _refuse(request, "This answer form was altered or is not valid: reload the page.")
    shown = state.get("q")
    if shown is None or VariantRef.unsign(shown["ref"]).token != ref.token:
        messages.info(request, "That answer was already counted; here is the next question.")
        return redirect("placement")
    try:
        throttle.check(request, "answer", per_account=True)
    except throttle.Throttled as exc:
        form.refuse_answer(exc.message)
        response = render(request, TEMPLATE, _question_context(goal, state, form=form), status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response
    right = False
    question = QuestionTemplate.objects.filter(pk=ref.question_id).first()
    if not unknown and question is not None:
        try:
            _, verdict = practice_services.answer_check(
                question=question, seed=ref.seed, raw_answer=form.cleaned_data["answer"]
            )
        except ValidationError as exc:  # unreadable: nothing counted, the same question again
            form.refuse_answer(exc.messages[0])
            context = _question_context(goal, state, form=form)
            return render(request, TEMPLATE, context, status=ERROR_STATUS.get(exc.code, 400))
        right = verdict.correct
    state["answers"].append([shown["topic"], int(right)])
    state["q"] = None
    _save(request, state)
    return _ask_next(request, goal, state)


def _finish(request: HtmxHttpRequest, state: dict, *, goal: Topic | None = None, step=None
            ) -> HttpResponse:  # fmt: skip
    """Write what placement found as the learner's known topics and show the outcome."""
    goal = goal or Topic.objects.filter(pk=state["goal"]).first()
    if goal is not None and state["answers"]:
        step = step or placement_selectors.placement_step(goal=goal, answers=state["answers"])
        outcome = placement_selectors.placement_outcome(goal=goal, step=step)
        learner = request_learner_ensure(request)
        services.known_from_placement(learner=learner, topic_ids=outcome.marked_ids)
        if not selectors.goal_list(learner=learner):  # placed below it: the goal to follow
            services.goal_set(learner=learner, topic=goal)
    state["q"], state["done"] = None, True
    _save(request, state)
    return redirect("placement")


def _topic_named(slug: str) -> Topic | None:
    """The topic called ``slug``; None for no such topic, or for text that cannot be a
    slug (a NUL character would make PostgreSQL refuse the query)."""
    if not SLUG.fullmatch(slug):
        return None
    return Topic.objects.filter(slug=slug).first()


def _save(request: HtmxHttpRequest, state: dict) -> None:
    request.session[SESSION_KEY] = state
    request.session.modified = True


def _refuse(request: HtmxHttpRequest, message: str) -> HttpResponse:
    return render(request, "400.html", {"exception": message}, status=400)
