"""core/caching.py: a Redis that accepts connections and never answers costs a request
its socket timeout at most, and the breaker stops asking it for a while."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client, override_settings

from config.settings import cache_settings
from core import caching
from core.caching import Breaker

PLOT = "/plots/divergence.svg"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_breaker_opens_after_failures_in_a_row_and_lets_one_call_try_after_the_pause():
    clock = Clock()
    breaker = Breaker(failures=3, pause=30, clock=clock)
    for _ in range(2):
        assert breaker.allows()
        breaker.failed()
    breaker.succeeded()  # a success in between starts the count again
    for _ in range(3):
        assert breaker.allows()
        breaker.failed()
    assert not breaker.allows() and breaker.is_open
    clock.now += 29
    assert not breaker.allows()
    clock.now += 2
    assert breaker.allows()  # one call tries again...
    assert not breaker.allows()  # ...and only one
    breaker.failed()
    assert not breaker.allows() and breaker.is_open  # another pause
    clock.now += 31
    assert breaker.allows()
    breaker.succeeded()
    assert breaker.allows() and breaker.allows() and not breaker.is_open


class SilentServer:
    """A loopback TCP listener that accepts every connection and never answers."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.listener.settimeout(0.05)
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"
        self.connections: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            self.connections.append(conn)  # held open, never read or written

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self.connections:
            conn.close()
        self.listener.close()


@pytest.fixture
def silent_redis() -> Iterator[SilentServer]:
    server = SilentServer()
    try:
        with override_settings(CACHES=cache_settings(server.url)):
            yield server
    finally:
        server.close()


def get_within(path: str, query: dict, seconds: float = 10):
    """The response to ``GET path``, from a thread given ``seconds`` at most: a request
    that hangs on the cache fails the test instead of hanging it."""
    answer = []
    thread = threading.Thread(target=lambda: answer.append(Client().get(path, query)), daemon=True)
    thread.start()
    thread.join(timeout=seconds)
    assert answer, f"GET {path} did not answer within {seconds} s"
    return answer[0]


def test_plots_are_served_and_the_silent_cache_is_left_alone_after_a_few_tries(
    silent_redis, monkeypatch
):
    clock = Clock()
    monkeypatch.setattr(caching.breaker, "clock", clock)
    failures = settings.CACHE_BREAKER_FAILURES
    for i in range(6):  # each a new plot: the rate limit, the numbers and the image
        response = get_within(PLOT, {"p": f"0.{i + 1},0.{9 - i}", "q": "0.5,0.5"})
        assert response.status_code == 200
        assert response.content.startswith(b"<?xml") and b"<svg" in response.content
    # The first calls each waited for the timeout; after that the cache was not asked.
    assert len(silent_redis.connections) == failures and caching.breaker.is_open

    clock.now += settings.CACHE_BREAKER_SECONDS + 1  # after the pause, one call tries
    assert get_within(PLOT, {"p": "0.3,0.7", "q": "0.6,0.4"}).status_code == 200
    assert len(silent_redis.connections) == failures + 1 and caching.breaker.is_open


def test_the_socket_timeouts_bound_every_call_to_a_silent_cache(silent_redis):
    """Each call gives up after CACHE_TIMEOUT_SECONDS; the value is computed instead."""
    calls = []
    for i in range(settings.CACHE_BREAKER_FAILURES):
        value = caching.cached(f"silent:{i}", lambda: calls.append(1) or "computed", 60)
        assert value == "computed"
    assert len(calls) == settings.CACHE_BREAKER_FAILURES
    assert caching.breaker.is_open
    assert caching.cached("silent:after", lambda: "computed at once", 60) == "computed at once"
    assert len(silent_redis.connections) == settings.CACHE_BREAKER_FAILURES
