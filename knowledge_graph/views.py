import hashlib

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from knowledge_graph import selectors
from knowledge_graph.explainers import CONTENT_CACHE_SECONDS, content_html
from knowledge_graph.models import Level
from knowledge_graph.rendering import RENDERING_VERSION
from tutor.caching import cached
from tutor.selectors import topic_status_context

TOPIC_TEMPLATE = "knowledge_graph/topic_detail.html"


def _links_html(topic) -> str:
    """The chain, prerequisites and leads-to lists of ``topic``, rendered once per version
    of the graph (:func:`_graph_key`)."""
    key = f"topic-links:{_graph_key(topic)}"

    def render_links() -> str:
        context = {"topic": topic, "links": selectors.topic_links(topic)}
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
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = selectors.topic_get(slug)
    context = {
        "topic": topic,
        "body_html": _body_html(topic),
        **topic_status_context(request, topic),
    }
    return render(request, TOPIC_TEMPLATE, context)


def _int_or_none(value: str | None, *, lo: int = 0, hi: int = 10_000) -> int | None:
    try:
        n = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return min(max(n, lo), hi)


@require_safe
def topic_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    level = request.GET.get("level", "")
    min_depth = _int_or_none(request.GET.get("min_depth"))
    max_depth = _int_or_none(request.GET.get("max_depth"))
    topics = selectors.topic_search(
        query=query, level=level, min_depth=min_depth, max_depth=max_depth
    )
    page = Paginator(topics, 50).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "query": query,
        "level": level if level in Level.values else "",
        "min_depth": min_depth,
        "max_depth": max_depth,
        "levels": selectors.level_summary(),
    }
    template = "knowledge_graph/topic_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(request, template, context)
