"""The topic list and search: topics by title, alias, level and depth."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.http import HtmxHttpRequest
from knowledge_graph import selectors
from knowledge_graph.models import Level


def _int_or_none(value: str | None, *, lo: int = 0, hi: int = 10_000) -> int | None:
    try:
        n = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return min(max(n, lo), hi)


@require_safe
def topic_list(request: HtmxHttpRequest) -> HttpResponse:
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
