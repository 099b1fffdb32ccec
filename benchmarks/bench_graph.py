"""Benchmark: the knowledge graph at 100,000 topics and about 400,000 edges.

Measures, in one process:
* the pure recompute of every derived number (knowledge_graph.graph.derive_all);
* the full recompute service (load edges from the database, derive, write changes);
* the KL-style topic page's server time on that graph, against a plain Django view
  that renders a small template, both through the test client with all middleware.

Run: .venv/bin/python benchmarks/bench_graph.py [--topics 100000 --edges 400000]
It uses a throwaway SQLite database in /tmp (or DATABASE_URL if set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tutor.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/kl_tutor_bench_graph.sqlite3")


def best_of(fn, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    db = os.environ["DATABASE_URL"]
    if db.startswith("sqlite:///"):
        Path(db.removeprefix("sqlite:///")).unlink(missing_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.http import HttpResponse
    from django.template import engines
    from django.test import Client, override_settings
    from django.urls import path

    from benchmarks.graphgen import generate_graph, insert_graph
    from knowledge_graph import graph as g
    from knowledge_graph import services
    from knowledge_graph.curriculum import load
    from knowledge_graph.models import Topic

    call_command("migrate", verbosity=0)
    services.curriculum_load(specs=load())

    t = time.perf_counter()
    edges = generate_graph(args.topics, args.edges, seed=1)
    index = insert_graph(args.topics, edges)
    # Hang the generated graph below KL divergence's foundations so the KL page is "KL-style"
    # on a big graph: its own numbers stay those of the seed page.
    insert_s = time.perf_counter() - t
    print(
        f"generated and inserted {args.topics:,} topics, {len(edges):,} edges in {insert_s:.1f} s"
    )

    nodes = list(range(args.topics))
    pure_build, _ = best_of(lambda: g.build(nodes, edges), 3)
    graph = g.build(nodes, edges)
    pure_derive, _ = best_of(lambda: g.derive_all(graph), 3)

    t = time.perf_counter()
    changed = services.graph_recompute()
    first_recompute = time.perf_counter() - t
    steady_recompute, _ = best_of(services.graph_recompute, 3)

    template = engines["django"].from_string(
        "<!doctype html><html><body><h1>{{ title }}</h1><p>{{ body }}</p></body></html>"
    )

    def plain_view(request):
        return HttpResponse(template.render({"title": "Plain", "body": "A plain page."}, request))

    from tutor import urls as project_urls

    urlconf = type("urlconf", (), {})()
    urlconf.urlpatterns = [path("plain/", plain_view), *project_urls.urlpatterns]
    client = Client()
    deepest = Topic.objects.filter(id__in=index).order_by("-depth").first()
    with override_settings(ROOT_URLCONF=urlconf, DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        for url in ["/plain/", "/topics/kl-divergence/", f"/topics/{deepest.slug}/"]:
            assert client.get(url).status_code == 200, url
        plain, plain_med = best_of(lambda: client.get("/plain/"), args.repeat)
        kl, kl_med = best_of(lambda: client.get("/topics/kl-divergence/"), args.repeat)
        deep, deep_med = best_of(lambda: client.get(f"/topics/{deepest.slug}/"), args.repeat)

    kl_topic = Topic.objects.get(slug="kl-divergence")
    print()
    print(f"graph: {Topic.objects.count():,} topics (the curriculum plus the generated graph)")
    print(f"KL divergence still: depth {kl_topic.depth}, {kl_topic.ancestor_count} ancestors")
    print(f"deepest generated topic: depth {deepest.depth}, {deepest.ancestor_count:,} ancestors")
    print()
    print(f"{'measure':<52}{'seconds':>10}")
    print(f"{'build adjacency (pure)':<52}{pure_build:>10.3f}")
    print(f"{'derive all numbers (pure, derive_all)':<52}{pure_derive:>10.3f}")
    label = f"recompute service, first ({changed:,} rows written)"
    print(f"{label:<52}{first_recompute:>10.3f}")
    print(f"{'recompute service, nothing changed':<52}{steady_recompute:>10.3f}")
    print()
    label = f"page (best of {args.repeat}, median)"
    print(f"{label:<40}{'best ms':>10}{'median ms':>11}{'× plain':>9}")
    for name, best, med in [
        ("plain Django view", plain, plain_med),
        ("KL divergence topic page", kl, kl_med),
        (f"deepest generated topic (depth {deepest.depth})", deep, deep_med),
    ]:
        print(f"{name:<40}{best * 1e3:>10.2f}{med * 1e3:>11.2f}{best / plain:>9.2f}")
    print()
    aims = [
        ("full recompute (pure) under 2 s", pure_build + pure_derive < 2),
        ("topic page within 3x the plain view", kl / plain <= 3),
    ]
    for aim, met in aims:
        print(f"aim: {aim}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
