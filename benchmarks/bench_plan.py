"""Benchmark: the learning plan and the "Ready to learn" frontier.

Measures, in one process, against a plain Django view that renders a small template
through the test client with all middleware (the reference):

* the plan and the frontier for the KL divergence goal on the shipped curriculum,
  for a new student and for one who marked Mutual Information known;
* the same for a goal with about 5,000 prerequisites in a 100,000-topic generated
  graph (``benchmarks/graphgen.py``), for a new student and for one who marked a
  few of its prerequisites known;
* the whole plan page and dashboard for those goals, through the test client;
* for scale, one ORM query, the plan page's read of its goal (outside the plan's
  figures: any page about a topic reads it), the practice app's mastery read alone
  (the plan reads it inside the learner's query), and the one-off load of the graph
  index after a change of the graph.

"plan and its frontier" is ``learning.selectors.plan_build``: the goal's prerequisites
left, in learning order, with the counts, the time estimate and the goal's own "Ready
to learn" frontier, as the plan page shows them. "whole-graph frontier" is
``frontier_global``, the dashboard's "Ready to learn" over every topic. Each reads
the learner's knowledge itself (one query), as its page does: the plan page reads its
goal with the graph's stamp (``knowledge_graph.selectors.topic_get``, done here once,
before timing), so the plan's query leaves the stamp out; the dashboard has no topic
and reads the stamp in its learner query. Both together are shown for scale. A
learner's state (what their marks make known, and the frontiers) is memoised by the
graph index until they mark or unmark a topic, so each is measured twice: as on a
repeated page view, and as on the first page after a change of knowledge (the state
walked afresh). The aim is within 3x the plain view, for each.

Run: .venv/bin/python benchmarks/bench_plan.py [--topics 100000 --edges 400000 --prereqs 5000]
It uses a throwaway SQLite database in /tmp (or DATABASE_URL if set, e.g.
postgres://postgres@127.0.0.1:5432/kl_tutor_bench after ``CREATE DATABASE``); ``--reuse``
keeps a graph left by an earlier run with the same size.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import ensure_graph, plain_urlconf, start  # noqa: E402
from benchmarks.timing import best_of, print_table  # noqa: E402

AIM = 3.0


def main() -> None:
    args, reuse = start("sqlite:////tmp/kl_tutor_bench_plan.sqlite3", repeat=30, prereqs=True)

    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    from knowledge_graph import selectors as graph_selectors
    from knowledge_graph.models import Prerequisite, Topic
    from learners.models import Learner
    from learners.services import learner_ensure
    from learning import selectors, services

    ensure_graph(args, reuse=reuse)
    Learner.objects.all().delete()
    get_user_model().objects.filter(username__startswith="bench-").delete()

    kl = Topic.objects.get(slug="kl-divergence")
    mutual_information = Topic.objects.get(slug="mutual-information")
    big = (
        Topic.objects.filter(slug__startswith="gen-", ancestor_count__gte=args.prereqs)
        .order_by("ancestor_count", "id")
        .first()
    )
    assert big is not None, "no generated topic has that many prerequisites"
    # Three of the big goal's prerequisites at half its depth, known: their own
    # prerequisites become known implicitly, and the plan keeps the deeper half.
    index = graph_selectors.graph_index()
    big_prerequisites = index.topic_ids(index.closure(index.position(big.pk))[:-1])
    big_known = list(
        Topic.objects.filter(id__in=big_prerequisites, depth=big.depth // 2).order_by("id")[:3]
    )

    def student(name: str, known: list) -> tuple:
        user = get_user_model().objects.create_user(username=f"bench-{name}", password="x" * 20)
        learner = learner_ensure(user=user, session_key=None)
        for topic in known:
            services.known_add(learner=learner, topic=topic)
        return user, learner

    cases = []
    for label, goal, known in [
        ("KL divergence, new student", kl, []),
        ("KL divergence, Mutual Information known", kl, [mutual_information]),
        (f"{big.ancestor_count:,}-prerequisite goal, new student", big, []),
        (f"{big.ancestor_count:,}-prerequisite goal, 3 known halfway", big, big_known),
    ]:
        user, ref = student(f"{len(cases)}", known)
        services.goal_set(learner=ref, topic=goal)
        # As the plan page reads its goal: with the graph's stamp.
        cases.append((label, graph_selectors.topic_get(goal.slug), user, ref))

    urlconf = plain_urlconf()

    print()
    print(f"graph: {Topic.objects.count():,} topics, {Prerequisite.objects.count():,} edges")
    print(f"KL divergence: {kl.ancestor_count} prerequisites")
    print(f"generated goal {big.slug}: {big.ancestor_count:,} prerequisites, depth {big.depth}")
    print()

    rows = []
    aimed = set()  # the rows the aim is for
    held_index = graph_selectors.graph_index()  # the graph does not change during the run
    with override_settings(ROOT_URLCONF=urlconf, DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        anonymous = Client()
        assert anonymous.get("/plain/").status_code == 200
        plain, plain_med = best_of(lambda: anonymous.get("/plain/"), args.repeat * 3)
        rows.append(("plain Django view (reference)", plain, plain_med))
        rows.append(
            (
                "for scale: one ORM query (a topic by id)",
                *best_of(lambda: Topic.objects.filter(pk=kl.pk).first(), args.repeat),
            )
        )
        rows.append(
            (
                "for scale: the plan page's read of its goal, with the graph's stamp",
                *best_of(lambda: graph_selectors.topic_get(kl.slug), args.repeat),
            )
        )
        for label, goal, user, ref in cases:
            plan = selectors.plan_build(ref, goal)
            ready, ready_total = selectors.frontier_global(learner=ref)
            assert plan.left == plan.total - plan.known == plan.all_steps
            print(
                f"{label}: {plan.left:,} of {plan.total:,} to go, "
                f"{plan.ready_total:,} ready in the plan, {ready_total:,} ready in all"
            )

            def plan_and_its_frontier(ref=ref, goal=goal):
                selectors.plan_build(ref, goal)

            def whole_graph_frontier(ref=ref):
                selectors.frontier_global(learner=ref)

            def both(ref=ref, goal=goal):
                selectors.plan_build(ref, goal)
                selectors.frontier_global(learner=ref)

            # "After a change": the learner's state is walked afresh, as on the first page
            # after "I know this" (the goal's ancestor set and its edges, shared by every
            # learner, stay).
            fresh = held_index.forget_learner_states
            for name, compute in [
                (f"{label}: plan and its frontier", plan_and_its_frontier),
                (f"{label}: whole-graph frontier", whole_graph_frontier),
                ("  for scale: both, each with its own read", both),
            ]:
                for when, before in [("", None), (", after a change of knowledge", fresh)]:
                    rows.append((name + when, *best_of(compute, args.repeat, before=before)))
                    if not name.startswith(" "):
                        aimed.add(name + when)
            rows.append(
                (
                    "  for scale: practice mastery read alone (practice.selectors)",
                    *best_of(lambda ref=ref: selectors.mastered_ids(ref), args.repeat),
                )
            )
            client = Client()
            client.force_login(user)
            for url, name in [(f"/plan/{goal.slug}/", "plan page"), ("/dashboard/", "dashboard")]:
                assert client.get(url).status_code == 200, url
                rows.append((f"{label}: {name}", *best_of(lambda c=client, u=url: c.get(u), 10)))

    load, _ = best_of(lambda: graph_selectors.graph_index(refresh=True), 3)
    print(f"\nloading the graph index (once per process and graph change): {load:.2f} s")
    print_table(rows, plain)
    computed = [(name, best) for name, best, _ in rows if name in aimed]
    for name, best in computed:
        met = best / plain <= AIM
        print(f"aim: {name} within {AIM:g}x the plain view: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
