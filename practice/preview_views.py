"""The lesson preview of the topic admin: the core idea and explainer as they stand in
the form, shown as students will see them, before anything is saved."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from core.http import HtmxHttpRequest
from knowledge_graph.rendering import math_problems
from practice.content import explainer_html

MAX_PREVIEW_CHARS = 100_000
"""A longer text is not rendered (a lesson runs to a few thousand characters)."""


@staff_member_required
@require_POST
def lesson_preview(request: HtmxHttpRequest) -> HttpResponse:
    """Render the posted ``core_idea`` and ``explainer`` (rendered afresh, not cached:
    unsaved text should not fill the shared cache) with every refused formula named."""
    if not request.user.has_perm("knowledge_graph.change_topic"):
        raise PermissionDenied("Only instructors who may edit topics can preview lessons.")
    title = request.POST.get("title", "")[:200]
    core_idea = request.POST.get("core_idea", "")
    explainer = request.POST.get("explainer", "")
    if len(core_idea) + len(explainer) > MAX_PREVIEW_CHARS:
        context = {
            "title": title,
            "problems": [
                f"The text is too long to preview (at most {MAX_PREVIEW_CHARS:,} characters)."
            ],  # fmt: skip
        }
        return render(request, "practice/lesson_preview.html", context, status=400)
    context = {
        "title": title,
        "problems": math_problems(core_idea) + math_problems(explainer),
        # sanitised by render_markdown; plot shortcodes are the project's own markup
        "core_idea_html": mark_safe(explainer_html(core_idea, inline=True)),
        "explainer_html": mark_safe(explainer_html(explainer)) if explainer.strip() else "",
    }
    return render(request, "practice/lesson_preview.html", context)
