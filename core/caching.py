"""One way to use the cache: compute on a miss, and carry on without it if it is down.

Rendered fragments and plots are cached through Django's cache (Redis when
``CACHE_URL`` names one, so every process shares it). The cache only saves work: when
it cannot be reached the value is computed and served anyway, and a warning is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache

log = logging.getLogger(__name__)


def cached[T](key: str, compute: Callable[[], T], timeout: int) -> T:
    """The value stored under ``key``, or ``compute()`` stored there for ``timeout`` s."""
    try:
        value = cache.get(key)
    except Exception:  # a cache that is down must not take the page with it
        log.warning("cache unavailable for get %s", key, exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:
            log.warning("cache unavailable for set %s", key, exc_info=True)
    return value
