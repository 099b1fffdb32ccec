"""Timing for the benchmarks: the best and the median of repeated single calls."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import NamedTuple


class Timing(NamedTuple):
    best: float  # seconds
    median: float  # seconds


def best_of(fn: Callable[[], object], repeat: int, *, before: Callable[[], object] | None = None
            ) -> Timing:  # fmt: skip
    """Time ``repeat`` single calls of ``fn`` after one untimed warm-up call; ``before``
    runs untimed ahead of each call (to clear a cache, say)."""
    if before:
        before()
    fn()
    times = []
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return Timing(min(times), statistics.median(times))
