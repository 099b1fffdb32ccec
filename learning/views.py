"""The learner's pages and buttons.

Every button is a POST form that works without JavaScript (POST, then redirect
back to ``next``). With htmx its answer is empty and raises the ``learner-changed``
event; each block that shows the learner's state (the topic page's actions, the
dashboard, the plan) listens for it and fetches itself from its own page, which
answers an htmx request for that block with the block alone.
Every write acts on the request's own learner; no URL names a learner.
"""

import hashlib
from functools import lru_cache

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core import throttle
from core.caching import cached
from core.http import HtmxHttpRequest
from knowledge_graph import selectors as graph_selectors
from knowledge_graph.models import Topic
from knowledge_graph.rendering import RENDERING_VERSION
from learners.services import request_learner_ensure
from learning import selectors, services
from learning.forms import SignupForm
from practice import selectors as practice_selectors
from practice.content import CONTENT_CACHE_SECONDS, content_html


@require_safe
def home(request: HtmxHttpRequest) -> HttpResponse:
    featured = graph_selectors.topic_search(query="").filter(
        slug__in=[
            "kl-divergence",
            "mutual-information",
            "shannon-entropy",
            "joint-and-conditional-entropy",
        ]
    )
    return render(
        request,
        "learning/home.html",
        {"featured": featured, "levels": graph_selectors.level_summary()},
    )


# --- the topic page ----------------------------------------------------------------

TOPIC_TEMPLATE = "learning/topic_detail.html"


def _links_html(topic) -> str:
    """The chain, prerequisites and leads-to lists of ``topic``, rendered once per version
    of the graph (:func:`_graph_key`)."""
    key = f"topic-links:{_graph_key(topic)}"

    def render_links() -> str:
        context = {"topic": topic, "links": graph_selectors.topic_links(topic)}
        return render_to_string(f"{TOPIC_TEMPLATE}#graph-links", context)

    return mark_safe(cached(key, render_links, CONTENT_CACHE_SECONDS))  # our own template


def _graph_key(topic) -> str:
    """The part of a cache key that changes with the graph (every edit recomputes it,
    which changes its version and time; the time keeps two databases that share a cache
    from sharing a key) and with the rendering, for one topic."""
    recomputed = topic.graph_recomputed_at
    stamp = f"{topic.graph_version}:{recomputed.timestamp() if recomputed else 0}"
    return f"{RENDERING_VERSION}:{stamp}:{topic.pk}"


def _body_html(topic) -> str:
    """Everything the topic page shows below its title and buttons (unlocks, aliases,
    core idea, explainer, practice, chain and lists), rendered once per version of the
    graph, of the topic's text and of its question count (questions are edited without
    a recompute; the text is hashed so that even an edit made outside the admin shows)."""
    text = "\x00".join([topic.slug, topic.title, topic.aliases, topic.core_idea, topic.explainer])
    digest = hashlib.sha256(text.encode()).hexdigest()
    key = f"topic-body:{_graph_key(topic)}:{topic.question_count}:{digest}"

    def render_body() -> str:
        context = {
            "topic": topic,
            "core_idea_html": content_html(topic.core_idea, inline=True),
            "explainer_html": content_html(topic.explainer),
            "links_html": _links_html(topic),
        }
        return render_to_string(f"{TOPIC_TEMPLATE}#topic-body", context)

    return mark_safe(cached(key, render_body, CONTENT_CACHE_SECONDS))  # our own template


@require_safe
def topic_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    topic = graph_selectors.topic_get(slug)
    if request.htmx and request.htmx.target == "topic-actions":
        context = {"topic": topic, **selectors.topic_status_context(request, topic)}
        return render(request, "learning/_topic_actions.html", context)
    # Read first: the practice standing of a visitor who has not practised takes it.
    topic.question_count = practice_selectors.question_count(topic=topic)
    learner = selectors.request_learner(request)
    status = {"topic_status": selectors.topic_status(learner, topic)}
    # The picture comes from what the status read: the index and the learner's knowledge;
    # with the topics due for review.
    due = selectors.due_topic_ids(learner)
    picture = selectors.topic_picture(status["topic_status"].knowledge, topic.pk, due=due)
    context = {"topic": topic, "picture_html": _picture_html(picture, "topic")}
    if request.htmx and request.htmx.target == "topic-picture":
        return render(request, f"{TOPIC_TEMPLATE}#topic-picture", context)
    context.update(body_html=_body_html(topic), **status)
    return render(request, TOPIC_TEMPLATE, context)


# --- the picture of the graph -------------------------------------------------------

PICTURE_TEMPLATE = "learning/_graph_picture.html"


@lru_cache(maxsize=1)
def _picture_template_digest() -> str:
    """A digest of the picture's template, so that a changed template is not answered
    from copies kept by the one before."""
    source = get_template(PICTURE_TEMPLATE).template.source
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _picture_html(picture, kind: str) -> str:
    """The picture drawn (``kind`` "topic" or "plan"), or nothing without one.

    Its markup depends on what it shows only (:attr:`Picture.signature`), whoever asks,
    so it is kept in the cache. Rendering the template every time cost the KL
    divergence page about as much as the rest of it (3.9 ms without the picture, 7.4 ms
    with it; the layout and template alone 2.7 ms, the layout 0.3 ms); with the markup
    kept the picture costs 0.3 ms (``benchmarks/bench_picture.py``, 100,000 topics).
    """
    if picture is None:
        return ""
    key = f"graph-picture:{_picture_template_digest()}:{kind}:{picture.signature}"

    def render_picture() -> str:
        return render_to_string(PICTURE_TEMPLATE, {"picture": picture, "kind": kind})

    return mark_safe(cached(key, render_picture, CONTENT_CACHE_SECONDS))  # our own template


# --- helpers ----------------------------------------------------------------------


def _safe_next(request: HtmxHttpRequest, default: str) -> str:
    """``next`` from the form or the query string if it is a path into this site (a bare
    word such as ``nan`` is not: ``redirect`` would take it for a view name)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _topic(slug: str) -> Topic:
    return get_object_or_404(Topic, slug=slug)


def _page_number(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def _plan_context(request: HtmxHttpRequest, goal: Topic | None, page: int = 1) -> dict:
    """The plan for ``goal``, or for the current goal when ``goal`` is None."""
    learner = selectors.request_learner(request)
    plan_slug = goal.slug if goal is not None else ""
    if goal is None:
        goal = selectors.current_goal(learner=learner)
    plan = None
    if goal is not None:
        due = selectors.due_topic_ids(learner)
        plan = selectors.plan_build(learner, goal, page=page, due=due)
    return {
        "plan": plan,
        "plan_picture_html": _picture_html(plan and plan.picture, "plan"),
        "plan_slug": plan_slug,
        "goals": plan.goals if plan is not None else selectors.goal_list(learner=learner),
        "back": request.get_full_path(),
    }


def _dashboard_context(request: HtmxHttpRequest) -> dict:
    return {
        "dash": selectors.dashboard_get(selectors.request_learner(request)),
        "back": request.get_full_path(),
    }


def _after_action(request: HtmxHttpRequest, message: str, back: str) -> HttpResponse:
    """With htmx, an empty answer that raises ``learner-changed``: every block showing
    the learner's state fetches itself again. Without, a message and a redirect ``back``."""
    if request.htmx:
        return HttpResponse(status=204, headers={"HX-Trigger": "learner-changed"})
    messages.success(request, message)
    return redirect(back)


# --- buttons ----------------------------------------------------------------------


def _back_after_button(request: HtmxHttpRequest, topic: Topic) -> str:
    """Where a plain button returns to. Reading it reads the button's form, before
    anything is written: a form that cannot be read (too big, too many fields) is
    refused with a 400 and changes nothing."""
    return _safe_next(request, topic.get_absolute_url())


def _button(request: HtmxHttpRequest, slug: str, write, message: str) -> HttpResponse:
    """A learner button: ``write(learner=, topic=)`` for the request's own learner, then
    the block re-rendered (htmx) or a redirect back. ``message`` takes the topic's title.
    A visitor without an account is limited to ``RATE_LIMITS["anonymous-write"]``."""
    if not request.user.is_authenticated:
        throttle.check(request, "anonymous-write")
    topic = _topic(slug)
    back = _back_after_button(request, topic)
    write(learner=request_learner_ensure(request), topic=topic)
    return _after_action(request, message.format(topic.title), back)


@require_POST
def known_add(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    return _button(request, slug, services.known_add, "Marked {} as known.")


@require_POST
def known_remove(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    return _button(request, slug, services.known_remove, "{} is no longer marked as known.")


@require_POST
def goal_set(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    return _button(request, slug, services.goal_set, "{} is your current goal.")


@require_POST
def goal_remove(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    return _button(request, slug, services.goal_remove, "{} is no longer one of your goals.")


# --- pages --------------------------------------------------------------------------


@never_cache
@require_safe
def dashboard(request: HtmxHttpRequest) -> HttpResponse:
    template = "learning/dashboard.html"
    if request.htmx and request.htmx.target == "dashboard":
        template += "#dashboard"
    return render(request, template, _dashboard_context(request))


@never_cache
@require_safe
def plan(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    # With the graph's stamp, which the plan then need not read again.
    goal = graph_selectors.topic_get(slug) if slug else None
    template = "learning/plan.html"
    if request.htmx and request.htmx.target == "plan":
        template += "#plan"
    return render(
        request, template, _plan_context(request, goal, _page_number(request.GET.get("page")))
    )


@never_cache
@require_safe
def review(request: HtmxHttpRequest) -> HttpResponse:
    """Today's reviews in the order to do them, and when the next ones fall due."""
    learner = selectors.request_learner(request)
    return render(request, "learning/review.html", {"reviews": selectors.reviews_get(learner)})


# --- errors -------------------------------------------------------------------------


@requires_csrf_token
def page_not_found(request: HtmxHttpRequest, exception: Exception) -> HttpResponse:
    """The 404 page with the message the view gave (``Http404("No topic is called
    …")``); for an address no URL matches, the page's own words rather than the name of
    the exception, which is all Django's default would show."""
    message = exception.args[0] if exception.args else ""
    return render(
        request, "404.html", {"exception": message if isinstance(message, str) else ""}, status=404
    )


SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def server_error(request: HtmxHttpRequest) -> HttpResponse:
    """The 500 page, which says only what is known: a request that sent something (an
    answer, a sign-up, a button) may or may not have been saved, so the student is asked
    to check; any other request changed nothing. Rendered from the template alone (no
    database, no context processors): whatever failed may be the database."""
    sent = request.method not in SAFE_METHODS
    return HttpResponseServerError(render_to_string("500.html", {"sent": sent}))


# --- accounts -----------------------------------------------------------------------


# Django's form views take PUT as if it were POST (with an empty form); these take the
# methods a browser's form uses, and answer any other with 405.
FORM_METHODS = ["get", "post", "head", "options"]


def _anonymous_session_key(request: HtmxHttpRequest) -> str | None:
    return None if request.user.is_authenticated else request.session.session_key


class LoginView(auth_views.LoginView):
    """Django's login, then the anonymous session's work is carried over to the account."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True
    http_method_names = FORM_METHODS

    def form_valid(self, form):
        session_key = _anonymous_session_key(self.request)
        response = super().form_valid(form)
        services.learner_merge(session_key=session_key, user=form.get_user())
        return response


@never_cache
@require_http_methods(["GET", "POST"])
@throttle.limit("signup")
def signup(request: HtmxHttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_signup(
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password1"],
            session_key=_anonymous_session_key(request),
        )
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.get_username()}. Your progress is saved.")
        return redirect(_safe_next(request, reverse("dashboard")))
    return render(
        request, "registration/signup.html", {"form": form, "next": _safe_next(request, "")}
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    http_method_names = FORM_METHODS
    success_url = reverse_lazy("password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_complete.html"
