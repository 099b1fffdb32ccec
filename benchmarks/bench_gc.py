"""Benchmark: the garbage collector's pauses in a worker, with the heap loaded at start
frozen (``config/wsgi.py`` calls ``gc.freeze()``) and without.

A full collection looks at every object the process holds: Django, NumPy, matplotlib and
the URLconf's modules make some 120,000 of them before the first request. Such a pause
stops every thread of the worker, whichever request set it off, so it lands on the
slowest requests of a load run. Each run is a fresh process that loads the application
as gunicorn does (``config.wsgi``), then sends a mix of requests through the test client
(topic pages, practice pages, plots, the plan, the home page: 300 to warm up, then
``--requests`` measured), recording every collection with ``gc.callbacks``. The other run
undoes the freeze right after loading (``gc.unfreeze()``), which is the process as it was
before. Prints per generation the collections, their total and longest time, and the
mix's wall time; the aim: the longest pause with the frozen heap at most half the
longest without. Exits 1 if it is missed.

Run: .venv/bin/python benchmarks/bench_gc.py [--requests 1500]
It uses a throwaway SQLite database in /tmp with the curriculum loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "sqlite:////tmp/kl_tutor_bench_gc.sqlite3"
AIM = 1 / 2


def worker(frozen: bool, requests: int) -> dict:
    """In this process: load the app as a worker does, send the mix, report the GC."""
    import gc
    import random
    import time
    from collections import defaultdict

    sys.path.insert(0, str(ROOT))
    from config.wsgi import application  # noqa: F401  (loads and freezes)

    if not frozen:
        gc.unfreeze()
    from django.test import Client, override_settings

    from knowledge_graph.models import Topic

    client, rng = Client(), random.Random(3)
    slugs = list(Topic.objects.values_list("slug", flat=True))
    practised = list(
        Topic.objects.filter(questions__is_active=True).values_list("slug", flat=True).distinct()
    )
    pages = [
        (3, lambda: f"/topics/{rng.choice(slugs)}/"),
        (3, lambda: f"/topics/{rng.choice(practised)}/practice/"),
        (1, lambda: f"/plots/forward-reverse.svg?sep={rng.randint(0, 10)}&width=0.8"),
        (1, lambda: "/plan/"),
        (2, lambda: "/"),
    ]

    def one() -> None:
        url = rng.choices([p for _, p in pages], [w for w, _ in pages])[0]()
        assert client.get(url).status_code == 200, url

    pauses: dict[int, list[float]] = defaultdict(list)
    started = [0.0]

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            pauses[info["generation"]].append(time.perf_counter() - started[0])

    with override_settings(ALLOWED_HOSTS=["*"]):
        for _ in range(300):
            one()
        gc.callbacks.append(record)
        t0 = time.perf_counter()
        for _ in range(requests):
            one()
        wall = time.perf_counter() - t0
        gc.callbacks.remove(record)
    return {"wall": wall, "frozen": gc.get_freeze_count(), "pauses": pauses}


def run(frozen: bool, requests: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", "frozen" if frozen else "unfrozen",
         "--requests", str(requests)],
        env={**os.environ, "DATABASE_URL": DATABASE, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--worker", choices=["frozen", "unfrozen"])
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker == "frozen", args.requests)))
        return 0
    Path(DATABASE.removeprefix("sqlite:///")).unlink(missing_ok=True)
    env = {**os.environ, "DATABASE_URL": DATABASE}
    for command in (["migrate"], ["load_curriculum"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    longest = {}
    print(f"{args.requests} requests after 300 to warm up, one process each\n")
    print(f"{'heap at start':<14}{'frozen objects':>15}{'gen':>5}{'collections':>13}"
          f"{'total ms':>10}{'longest ms':>12}{'wall s':>8}")  # fmt: skip
    for frozen in (False, True):
        result = run(frozen, args.requests)
        name = "frozen" if frozen else "not frozen"
        longest[frozen] = max(max(p) for p in result["pauses"].values())
        for gen, pauses in sorted(result["pauses"].items()):
            print(f"{name:<14}{result['frozen']:>15}{gen:>5}{len(pauses):>13}"
                  f"{sum(pauses) * 1e3:>10.1f}{max(pauses) * 1e3:>12.1f}"
                  f"{result['wall']:>8.2f}")  # fmt: skip
    ratio = longest[True] / longest[False]
    print(f"\nlongest pause, frozen / not frozen: {ratio:.2f} (aim <= {AIM:.2f})")
    return 0 if ratio <= AIM else 1


if __name__ == "__main__":
    sys.exit(main())
