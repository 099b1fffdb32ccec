"""Calls made from several threads at the same moment, each on its own connection."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection


def at_once[T](count: int, call: Callable[[], T], *, timeout: float = 60) -> list[T]:
    """What ``call()`` returned in each of ``count`` threads released together (in the
    order they finished); the first exception any of them raised is raised here."""
    barrier = threading.Barrier(count)
    results: list[T] = []
    errors: list[Exception] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(call())
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    if errors:
        raise errors[0]
    assert len(results) == count, "a thread did not finish"
    return results
