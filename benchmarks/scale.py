"""What the page benchmarks share: a database holding the shipped curriculum and a
generated graph of a given size (``benchmarks/graphgen.py``), and the plain view they
measure against.

Call :func:`start` first (it reads the command line and sets Django up), then
:func:`ensure_graph`.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path


def start(
    default_url: str, *, repeat: int, prereqs: bool = False
) -> tuple[argparse.Namespace, bool]:
    """Read the command line (the graph's size, repeats, ``--reuse``, and with
    ``prereqs`` the size of the goal's prerequisites), then :func:`open_database`."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=repeat)
    parser.add_argument("--reuse", action="store_true", help="keep an existing database")
    if prereqs:
        parser.add_argument("--prereqs", type=int, default=5_000)
    args = parser.parse_args()
    return args, open_database(args, default_url)


def open_database(args: argparse.Namespace, default_url: str) -> bool:
    """Point Django at ``DATABASE_URL`` (``default_url`` if unset) and set it up; a SQLite
    file is started afresh unless ``--reuse`` was given and it exists. Whether the
    database is reused."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DATABASE_URL", default_url)
    db = os.environ["DATABASE_URL"]
    db_file = Path(db.removeprefix("sqlite:///")) if db.startswith("sqlite:///") else None
    reuse = args.reuse and (db_file is None or db_file.exists())
    if db_file is not None and not reuse:
        db_file.unlink(missing_ok=True)

    import django

    django.setup()
    return reuse


def ensure_graph(args: argparse.Namespace, *, reuse: bool) -> None:
    """Migrate, and unless an earlier run left a graph of this size: load the curriculum,
    add ``args.topics`` generated topics and about ``args.edges`` edges, and derive."""
    from django.core.management import call_command

    from benchmarks.graphgen import generate_graph, insert_graph
    from knowledge_graph import services as graph_services
    from knowledge_graph.curriculum import load
    from knowledge_graph.models import Topic

    call_command("migrate", verbosity=0)
    generated = Topic.objects.filter(slug__startswith="gen-").count()
    if reuse and generated == args.topics:
        return
    t = time.perf_counter()
    graph_services.curriculum_load(specs=load())
    Topic.objects.filter(slug__startswith="gen-").delete()
    edges = generate_graph(args.topics, args.edges, seed=1)
    insert_graph(args.topics, edges)
    graph_services.graph_recompute()
    print(
        f"generated and inserted {args.topics:,} topics, {len(edges):,} edges "
        f"and derived their numbers in {time.perf_counter() - t:.1f} s"
    )


def plain_urlconf():
    """The project's URLs and ``/plain/``: a plain Django view rendering a small template,
    the reference every page is measured against."""
    from django.http import HttpResponse
    from django.template import engines
    from django.urls import path

    from config import urls as project_urls

    template = engines["django"].from_string(
        "<!doctype html><html><body><h1>{{ title }}</h1><p>{{ body }}</p></body></html>"
    )

    def plain_view(request):
        return HttpResponse(template.render({"title": "Plain", "body": "A plain page."}, request))

    urlconf = type("urlconf", (), {})()
    urlconf.urlpatterns = [path("plain/", plain_view), *project_urls.urlpatterns]
    return urlconf
