"""The request type the views are written against: Django's, with django-htmx's details."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """An ``HttpRequest`` as django-htmx's middleware leaves it: ``request.htmx`` says
    whether htmx sent it and, if so, which element it targets."""

    htmx: HtmxDetails
