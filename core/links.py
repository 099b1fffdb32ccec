"""Links to slug-addressed pages, built without resolving the URL pattern every time.

Pages such as the topic page link to a hundred or more topics; ``reverse`` costs tens
of microseconds a call, so each URL name's pattern is resolved once (per URLconf and
script prefix) into a prefix and a suffix around the slug. Slugs contain only
``[-a-zA-Z0-9_]``, which need no quoting, so the result equals ``reverse(name, args=[slug])``.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_MARKER = "slug-placeholder-0"


@lru_cache(maxsize=64)
def _pattern(name: str, script_prefix: str, urlconf: object) -> tuple[str, str]:
    head, found, tail = reverse(name, args=[_MARKER], urlconf=urlconf).partition(_MARKER)
    if not found:
        raise ValueError(f"the URL named {name!r} does not end in its slug")
    return head, tail


def slug_url(name: str, slug: str) -> str:
    """``reverse(name, args=[slug])`` for a URL whose only argument is a slug."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    head, tail = _pattern(name, get_script_prefix(), urlconf)
    return f"{head}{slug}{tail}"
