"""The explainer's plots over HTTP.

``GET /plots/<name>/?<params>`` (``HEAD`` too, for both)
    The plot block: the image, its numbers and the controls. An htmx request (the
    controls changing) gets only the image and numbers (``_plot.html#output``); any other
    request the whole page, so the controls also work as a plain form without JavaScript.
``GET /plots/<name>.svg?<params>``
    The image, with ``ETag`` and ``Cache-Control``; ``If-None-Match`` gets a 304.

A client that asks for too many plots the cache does not hold gets the 429 answer
instead (``RATE_LIMITS["plot-render"]``; computing the numbers and drawing the image
count apart). Bad parameters, and an unknown plot name, answer 400 with a message that
names the parameter and the reason (HTML for the page, plain text for the image); nothing is
computed, drawn or cached for them.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from core import throttle
from core.http import HtmxHttpRequest
from practice import plots

# The SVG is matplotlib's output: no script, inline styles only. Opened on its own it
# needs those styles, and nothing else.
SVG_CSP = {"default-src": [CSP.NONE], "style-src": [CSP.UNSAFE_INLINE]}


def _counter(request: HtmxHttpRequest):
    """Counts one cold render against the client's limit (raises over it)."""
    return lambda: throttle.check(request, "plot-render")


@require_safe
def plot_page(request: HtmxHttpRequest, name: str) -> HttpResponse:
    block = plots.plot_block(name, dict(request.GET.lists()), cold=_counter(request))
    status = 400 if block.error else 200
    context = {"plot": block}
    if request.htmx and not request.htmx.history_restore_request:
        response = render(request, "practice/_plot.html#output", context, status=status)
    else:
        response = render(request, "practice/plot_page.html", context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
@csp_override(SVG_CSP)
def plot_svg(request: HtmxHttpRequest, name: str) -> HttpResponse:
    try:
        spec = plots.parse(name, dict(request.GET.lists()))
    except plots.PlotError as exc:
        return HttpResponse(
            f"Bad plot parameters: {exc}\n", status=400, content_type="text/plain; charset=utf-8"
        )
    response = get_conditional_response(request, etag=spec.etag)
    if response is None:
        svg = plots.plot_svg(spec, cold=_counter(request))
        response = HttpResponse(svg, content_type="image/svg+xml")
    response.headers["ETag"] = spec.etag
    patch_cache_control(response, public=True, max_age=settings.PLOT_CACHE_SECONDS)
    return response
