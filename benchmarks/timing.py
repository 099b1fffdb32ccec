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


def print_table(rows: list[tuple[str, float, float]], reference: float) -> None:
    """Rows of (measure, best s, median s) in milliseconds, each best against
    ``reference`` (seconds)."""
    print()
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'measure':<{width}}{'best ms':>10}{'median ms':>11}{'x plain':>9}")
    for name, best, median in rows:
        print(f"{name:<{width}}{best * 1e3:>10.2f}{median * 1e3:>11.2f}{best / reference:>9.2f}")
    print()
