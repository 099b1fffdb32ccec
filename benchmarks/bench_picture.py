"""Benchmark: what the picture of the graph costs the topic page and the plan page.

Measures, in one process, through the test client with all middleware:

* a plain Django view rendering a small template (the reference);
* the topic page with its picture and without it (the picture's selector replaced by
  one that gives nothing, so the page renders only its heading), for KL divergence on
  the shipped curriculum and for the generated topic with the most neighbours in a
  100,000-topic graph (``benchmarks/graphgen.py``), for a student who marked a few
  topics known;
* the plan page with its picture and without it, for the same two topics as goals;
* the picture alone: its layout made afresh (as after an edit of the graph), the
  picture with its layout kept by the graph index and the learner's states
  (``learning.selectors.topic_picture``), that with its template rendered, and that
  with the markup kept from an earlier page (as a page gets it:
  ``learning.views._picture_html``);
* the queries of each page with and without the picture (they must be equal: the
  picture is drawn from the graph index and the knowledge the page has already read).

The figures are ratios: each page with its picture against the same page without it
(the medians of calls made in turn, with and without, so that a change in the machine's
load falls on both alike), and every row against the plain view. The aim: a page with
its picture within 1.25x the same page without it, in the process's CPU time (on a
shared machine other processes stretch the wall-clock time of a page by more than the
picture costs; the wall-clock ratio is printed beside it).

Run: .venv/bin/python benchmarks/bench_picture.py [--topics 100000 --edges 400000]
It uses a throwaway SQLite database in /tmp (or DATABASE_URL if set); ``--reuse`` keeps
a graph left by an earlier run with the same size.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import ensure_graph, plain_urlconf, start  # noqa: E402
from benchmarks.timing import best_of, print_table  # noqa: E402

AIM = 1.25


def main() -> None:
    args, reuse = start("sqlite:////tmp/kl_tutor_bench_picture.sqlite3", repeat=20)

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import F
    from django.template.loader import render_to_string
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from knowledge_graph import picture
    from knowledge_graph import selectors as graph_selectors
    from knowledge_graph.models import Prerequisite, Topic
    from learners.services import learner_ensure
    from learning import selectors, services, views
    from learning.selectors import plan as plan_selectors

    ensure_graph(args, reuse=reuse)
    get_user_model().objects.filter(username__startswith="bench-").delete()

    kl = Topic.objects.get(slug="kl-divergence")
    # The generated topic with the most direct neighbours: the fullest picture.
    busiest = (
        Topic.objects.filter(slug__startswith="gen-")
        .annotate(neighbours=F("prerequisite_count") + F("dependent_count"))
        .order_by("-neighbours", "id")
        .first()
    )
    index = graph_selectors.graph_index()

    def some_prerequisites(topic, count: int) -> list:
        """``count`` of the topic's prerequisites at half its depth (known, they make
        their own prerequisites known and leave the rest of the picture to colour)."""
        closure = index.topic_ids(index.closure(index.position(topic.pk))[:-1])
        found = Topic.objects.filter(id__in=closure, depth=topic.depth // 2).order_by("id")
        return list(found[:count])

    cases = []
    for name, topic in [("KL divergence", kl), (f"{busiest.slug} (busiest)", busiest)]:
        user = get_user_model().objects.create_user(
            username=f"bench-{len(cases)}", password="x" * 20
        )
        learner = learner_ensure(user=user, session_key=None)
        for known in some_prerequisites(topic, 3):
            services.known_add(learner=learner, topic=known)
        client = Client()
        client.force_login(user)
        cases.append((name, topic, client, learner))

    urlconf = plain_urlconf()

    with_topic_picture = selectors.topic_picture
    with_plan_picture = plan_selectors.plan_picture

    def pictures(on: bool) -> None:
        """Draw the pictures, or not (the pages then leave their place empty)."""
        views.selectors.topic_picture = with_topic_picture if on else (lambda *a, **k: None)
        plan_selectors.plan_picture = with_plan_picture if on else (lambda *a, **k: None)

    print()
    print(f"graph: {Topic.objects.count():,} topics, {Prerequisite.objects.count():,} edges")
    print(
        f"busiest generated topic {busiest.slug}: {busiest.prerequisite_count} prerequisites, "
        f"{busiest.dependent_count} dependents"
    )
    print()

    rows: list[tuple[str, float, float]] = []
    pairs: list[tuple[str, float, float]] = []  # name, with, without
    with override_settings(ROOT_URLCONF=urlconf, DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        anonymous = Client()
        assert anonymous.get("/plain/").status_code == 200
        plain, plain_median = best_of(lambda: anonymous.get("/plain/"), args.repeat * 3)
        rows.append(("plain Django view (reference)", plain, plain_median))
        for name, topic, client, learner in cases:
            for page, url in [
                ("topic page", f"/topics/{topic.slug}/"),
                ("plan page", f"/plan/{topic.slug}/"),
            ]:
                queries = {}
                for on in (True, False):
                    pictures(on)
                    response = client.get(url)  # warm: the picture's markup is kept
                    assert response.status_code == 200, url
                    assert (b'data-testid="graph-picture"' in response.content) == on, url
                    with CaptureQueriesContext(connection) as captured:
                        client.get(url)
                    queries[on] = len(captured)
                # With and without, one call each in turn, so that a change in the
                # machine's load falls on both alike.
                # The process's own CPU time too: other processes on a busy machine
                # stretch the wall-clock time of each call, but not that.
                times: dict[bool, list[float]] = {True: [], False: []}
                cpu: dict[bool, list[float]] = {True: [], False: []}
                for _ in range(args.repeat):
                    for on in (True, False):
                        pictures(on)
                        t0, c0 = time.perf_counter(), time.process_time()
                        client.get(url)
                        cpu[on].append(time.process_time() - c0)
                        times[on].append(time.perf_counter() - t0)
                for on in (True, False):
                    label = "with" if on else "without"
                    rows.append(
                        (
                            f"{name}: {page} {label} its picture",
                            min(times[on]),
                            statistics.median(times[on]),
                        )
                    )
                pictures(True)
                assert queries[True] == queries[False], (url, queries)
                pairs.append(
                    (
                        f"{name}: {page}",
                        *(statistics.median(times[on]) for on in (True, False)),
                        *(statistics.median(cpu[on]) for on in (True, False)),
                    )
                )
                print(f"{name}: {page}: {queries[True]} queries with or without the picture")

            # As the topic page reads it: the learner's knowledge with what they mastered.
            knowledge = selectors.knowledge_get(learner=learner, also=(topic.pk,))

            def laid_out_afresh(k=knowledge, t=topic) -> picture.Layout:
                return picture._neighbourhood_layout(
                    k.index, k.position(t.pk), near=picture.NEAR_LIMIT, far=picture.FAR_LIMIT
                )

            rows.append((f"{name}: the picture's layout, first", *best_of(laid_out_afresh, 100)))
            rows.append(
                (
                    f"{name}: the picture, its layout kept (the learner's states)",
                    *best_of(lambda k=knowledge, t=topic: selectors.topic_picture(k, t.pk), 100),
                )
            )

            def layout_and_render(k=knowledge, t=topic) -> str:
                found = selectors.topic_picture(k, t.pk)
                return render_to_string(
                    "learning/_graph_picture.html", {"picture": found, "kind": "topic"}
                )

            rows.append(
                (
                    f"{name}: the picture (layout kept) and its template",
                    *best_of(layout_and_render, 100),
                )
            )

            def as_the_page_gets_it(k=knowledge, t=topic) -> str:
                return views._picture_html(selectors.topic_picture(k, t.pk), "topic")

            rows.append(
                (
                    f"{name}: the picture as the page gets it (layout and markup kept)",
                    *best_of(as_the_page_gets_it, 100),
                )
            )

    print_table(rows, plain)
    for name, with_it, without, cpu_with, cpu_without in pairs:
        ratio = cpu_with / cpu_without
        met = "met" if ratio <= AIM else "NOT met"
        print(
            f"{name}: with the picture {ratio:.2f}x without it in CPU time "
            f"({cpu_with * 1e3:.2f} ms against {cpu_without * 1e3:.2f} ms), "
            f"{with_it / without:.2f}x in wall-clock time; medians (aim {AIM:g}x: {met})"
        )


if __name__ == "__main__":
    main()
