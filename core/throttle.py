"""Per-client limits on the requests that cost the most or write the most, and the
"too many requests" answer (429) that says when to try again.

The counters are django-ratelimit's, kept in Django's cache (Redis in production, so
every process shares them), one fixed window per client address (or per account, for
answers by a signed-in student). Each limit is named in ``settings.RATE_LIMITS``
(``"10/h"``, ``"30/m"``, ``"5/10m"``: that many requests per window). A view asks with
:func:`check`, or :func:`limit` as a decorator; over the limit :class:`Throttled` is
raised and :class:`ThrottleMiddleware` answers it. A cache that cannot be reached, or
that :mod:`core.caching`'s breaker is leaving alone, lets the request through (the cache
only ever saves work here; it never stops a page).

Failed log-ins are counted by django-axes, which answers a locked-out client with
:func:`login_locked_out`: the same page.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django_ratelimit.core import get_usage

from core import caching

log = logging.getLogger(__name__)

# What each limit is for, in the words the 429 page uses.
REASONS = {
    "signup": "Too many accounts were created from your address.",
    "anonymous-write": "Too many changes were made from your address without an account.",
    "answer": "Too many answers were sent in a short time.",
    "plot-render": "Too many new plots were asked for from your address.",
    "login": "Too many failed log-ins for this account from your address.",
}


class Throttled(Exception):
    """A client went over the limit ``name``; it may try again in ``retry_after`` s."""

    def __init__(self, name: str, retry_after: int):
        super().__init__(f"{name}: retry after {retry_after} s")
        self.name = name
        self.retry_after = max(1, retry_after)

    @property
    def message(self) -> str:
        """Why, and when to try again, in a sentence a form can show."""
        return f"{REASONS[self.name]} Please try again in {wait_text(self.retry_after)}."


AXES_USERNAME_LENGTH = 255
"""What django-axes' tables hold of a username (its column is 255 characters long)."""


def login_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The username a log-in attempt is counted under (``AXES_USERNAME_CALLABLE``): what
    was typed, cut to what django-axes can store. Longer text was refused with a
    "value too long" database error on PostgreSQL, a server error for the visitor; no
    real username is that long (Django's own allow 150 characters)."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username") if source else None
    return username[:AXES_USERNAME_LENGTH] if isinstance(username, str) else username


def client_ip(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or the header named by
    ``settings.CLIENT_IP_HEADER`` behind a proxy (its last address, the one the proxy
    added; addresses before it are whatever the client claimed)."""
    value = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR") or ""
    return value.rsplit(",", 1)[-1].strip() or "0.0.0.0"


def check(request: HttpRequest, name: str, *, per_account: bool = False) -> None:
    """Count this request against the limit ``name``; raise :class:`Throttled` over it.

    ``per_account``: a signed-in user is counted by account instead of by address.
    """
    rate = settings.RATE_LIMITS[name]
    key = "user_or_ip" if per_account else "ip"
    _, usage = caching.ask(  # a cache that is down, or left alone, lets the request through
        f"rate limit {name}",
        lambda: get_usage(request, group=name, key=key, rate=rate, increment=True),
    )
    if usage is not None and usage["should_limit"] and usage["time_left"] >= 0:
        raise Throttled(name, usage["time_left"])


def limit(name: str, *, methods: tuple[str, ...] = ("POST",), per_account: bool = False):
    """Decorate a view: its ``methods`` requests count against the limit ``name``."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method in methods:
                check(request, name, per_account=per_account)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def wait_text(seconds: int) -> str:
    """How long to wait, in words a visitor reads at a glance.

    >>> wait_text(1), wait_text(45), wait_text(60), wait_text(61), wait_text(3600)
    ('1 second', '45 seconds', '1 minute', '2 minutes', '1 hour')
    >>> wait_text(5400)
    '1 hour 30 minutes'
    """
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


def too_many_requests(request: HttpRequest, name: str, retry_after: int) -> HttpResponse:
    """The 429 answer: the whole page in the site's layout, or for an htmx request the
    notice alone, shown above the page's content (what the visitor typed stays)."""
    context = {
        "reason": REASONS.get(name, "Too many requests came from your address."),
        "wait": wait_text(retry_after),
        "retry_at": timezone.now() + timedelta(seconds=retry_after),
    }
    if getattr(request, "htmx", False):
        response = render(request, "429.html#notice", context, status=429)
        response["HX-Retarget"] = "#messages"
        response["HX-Reswap"] = "innerHTML"
    else:
        response = render(request, "429.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def login_locked_out(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked-out log-in (``AXES_LOCKOUT_CALLABLE``): the cool-off
    starts again at each failure, so the wait is the whole cool-off."""
    cool_off: timedelta = settings.AXES_COOLOFF_TIME
    return too_many_requests(request, "login", int(cool_off.total_seconds()))


class ThrottleMiddleware:
    """Answer :class:`Throttled`, raised anywhere in a view, with the 429 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, Throttled):
            return too_many_requests(request, exception.name, exception.retry_after)
        return None
