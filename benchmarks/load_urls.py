"""The app's URLconf plus ``/plain/``: a small template rendered through the same
middleware, the reference every load figure is divided by."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.http import require_GET

from config.urls import urlpatterns as app_urlpatterns

PLAIN = engines["django"].from_string(
    """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plain · {{ request.path }}</title></head>
<body><h1>A plain page</h1>
<ul>{% for i in items %}<li>item {{ i }}</li>{% endfor %}</ul>
<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{{ csrf_token }}"></form>
</body></html>"""
)


@require_GET
def plain(request: HttpRequest) -> HttpResponse:
    return HttpResponse(PLAIN.render({"items": range(10)}, request))


urlpatterns = [path("plain/", plain, name="load_plain"), *app_urlpatterns]
