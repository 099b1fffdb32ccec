from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from knowledge_graph import selectors


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    featured = selectors.topic_search(query="").filter(
        slug__in=[
            "kl-divergence",
            "mutual-information",
            "shannon-entropy",
            "joint-and-conditional-entropy",
        ]
    )
    return render(
        request,
        "tutor/home.html",
        {"featured": featured, "levels": selectors.level_summary()},
    )
