from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from knowledge_graph import selectors
from knowledge_graph.explainers import explainer_html
from knowledge_graph.models import Level
from tutor.selectors import topic_status_context


@require_GET
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.topic_page(slug)
    context = {
        "page": page,
        "topic": page.topic,
        "core_idea_html": explainer_html(page.topic.core_idea, inline=True),
        "explainer_html": explainer_html(page.topic.explainer),
    }
    context.update(topic_status_context(request, page.topic))
    return render(request, "knowledge_graph/topic_detail.html", context)


def _int_or_none(value: str | None, *, lo: int = 0, hi: int = 10_000) -> int | None:
    try:
        n = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return min(max(n, lo), hi)


@require_GET
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
