"""One way to use the cache: compute on a miss, and carry on without it if it is down.

Rendered fragments are cached through Django's default cache, plots through its
``"plots"`` cache, which is bounded on its own (Redis when ``CACHE_URL`` names one, so
every process shares them). The cache only saves work: when
it cannot be reached the value is computed and served anyway, and a warning is logged.

A Redis that accepts connections but stops answering costs each call its socket timeout
(``settings.CACHE_TIMEOUT_SECONDS``). So that it does not cost every request that much,
each process keeps a :class:`Breaker`: after ``CACHE_BREAKER_FAILURES`` failed calls in
a row the cache is not asked at all for ``CACHE_BREAKER_SECONDS``; then one call tries
it again, and a success puts it back in use. Every use of the cache goes through
:func:`ask` (the rate limits of ``core.throttle`` too).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches

log = logging.getLogger(__name__)


class Breaker:
    """Whether to ask a cache that may be failing. Closed (ask) until ``failures``
    calls in a row fail; then open (do not ask) for ``pause`` seconds; then the next
    caller may try once (the others still do not ask), and its outcome closes the
    breaker or opens it for another pause."""

    def __init__(self, *, failures: int, pause: float, clock: Callable[[], float] = time.monotonic):
        self.failures = failures
        self.pause = pause
        self.clock = clock
        self._failed = 0
        self._open_until = 0.0
        self._trying = False
        self._lock = threading.Lock()

    def allows(self) -> bool:
        """Whether this call may ask the cache."""
        with self._lock:
            if self._failed < self.failures:
                return True
            if self._trying or self.clock() < self._open_until:
                return False
            self._trying = True  # the one call that tries again after the pause
            return True

    def succeeded(self) -> None:
        with self._lock:
            self._failed, self._trying = 0, False

    def failed(self) -> None:
        with self._lock:
            self._failed += 1
            self._trying = False
            if self._failed >= self.failures:
                self._open_until = self.clock() + self.pause

    def reset(self) -> None:
        """Closed, with no failure counted (as a new process starts)."""
        with self._lock:
            self._failed, self._open_until, self._trying = 0, 0.0, False

    @property
    def is_open(self) -> bool:
        """Whether the cache is being left alone now."""
        with self._lock:
            return self._failed >= self.failures and self.clock() < self._open_until


breaker = Breaker(failures=settings.CACHE_BREAKER_FAILURES, pause=settings.CACHE_BREAKER_SECONDS)
"""This process's breaker for the default cache."""


def ask[T](what: str, call: Callable[[], T]) -> tuple[bool, T | None]:
    """``(True, call())`` when the cache may be asked and answers; ``(False, None)`` when
    the breaker is open or the call fails (logged, and counted by the breaker)."""
    if not breaker.allows():
        return False, None
    try:
        result = call()
    except Exception:  # a cache that is down must not take the page with it
        breaker.failed()
        log.warning("cache unavailable for %s", what, exc_info=True)
        return False, None
    breaker.succeeded()
    return True, result


def cached[T](key: str, compute: Callable[[], T], timeout: int, *, alias: str = "default") -> T:
    """The value stored under ``key`` in the cache ``alias`` (of ``settings.CACHES``), or
    ``compute()`` stored there for ``timeout`` s."""
    store = caches[alias]
    answered, value = ask(f"get {key}", lambda: store.get(key))
    if not answered:
        return compute()
    if value is None:
        value = compute()
        ask(f"set {key}", lambda: store.set(key, value, timeout))
    return value
