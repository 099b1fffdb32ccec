"""Reads: progress, topic status, the learning plan and the frontier, in constant queries."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.graphgen import generate_graph, insert_graph
from knowledge_graph import graph as g
from knowledge_graph import selectors as graph_selectors
from knowledge_graph import services as graph_services
from knowledge_graph.models import Prerequisite, Topic
from knowledge_graph.services import graph_recompute
from learning import selectors, services
from learning.selectors import knowledge
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db

#   a → b → d → e ← f
#   x → c ↗
EDGES = [("a", "b"), ("b", "d"), ("c", "d"), ("x", "c"), ("d", "e"), ("f", "e")]


def whole_graph() -> g.Graph:
    return g.build(
        Topic.objects.values_list("id", flat=True),
        Prerequisite.objects.values_list("prerequisite_id", "dependent_id"),
    )


def slugs(rows) -> list[str]:
    return [r.slug for r in rows]


def assert_respects_every_edge(order: list[int]) -> None:
    position = {n: i for i, n in enumerate(order)}
    edges = Prerequisite.objects.filter(
        prerequisite_id__in=position, dependent_id__in=position
    ).values_list("prerequisite_id", "dependent_id")
    for a, b in edges:
        assert position[a] < position[b], f"{a} comes after its dependent {b}"


def test_new_learner_plan_is_every_prerequisite_then_the_goal():
    t = make_graph(EDGES, extra=("y",))
    plan = selectors.plan_build(None, t["e"])
    steps = [s.topic.slug for s in plan.steps]
    assert set(steps) == {"a", "b", "c", "d", "x", "f"}
    assert (plan.total, plan.known, plan.left) == (6, 0, 6)
    assert plan.total == t["e"].ancestor_count
    assert plan.minutes_left == 7 * 30  # six steps and the goal, 30 minutes each
    assert plan.goal.slug == "e" and not plan.goal_known
    assert_respects_every_edge([s.topic.id for s in plan.steps] + [t["e"].id])


def test_plan_leaves_out_known_and_implicitly_known_topics(learner):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["c"])  # and x, implicitly
    plan = selectors.plan_build(learner, t["e"])
    assert {s.topic.slug for s in plan.steps} == {"a", "b", "d", "f"}
    assert (plan.known, plan.left) == (2, 4)
    progress = selectors.progress_get(learner=learner, topic=t["e"])
    assert (progress.total, progress.known, progress.left) == (plan.total, plan.known, plan.left)
    assert progress.minutes_left == plan.minutes_left == 5 * 30


def test_a_known_topic_outside_the_goal_still_makes_its_prerequisites_known(learner):
    # z is not a prerequisite of e, but knowing z means knowing b and a.
    t = make_graph([*EDGES, ("b", "z")])
    services.known_add(learner=learner, topic=t["z"])
    plan = selectors.plan_build(learner, t["e"])
    assert {s.topic.slug for s in plan.steps} == {"c", "x", "d", "f"}
    assert plan.known == 2


def test_knowing_the_goal_empties_the_plan(learner):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["e"])
    plan = selectors.plan_build(learner, t["e"])
    assert not plan.steps and plan.goal_known
    assert (plan.known, plan.left, plan.minutes_left) == (6, 0, 0)


def test_plan_order_respects_every_edge_on_a_generated_graph(learner):
    ids = insert_graph(600, generate_graph(600, 2400, seed=3))
    graph_recompute()
    goal = Topic.objects.get(id=ids[-1])
    rng = random.Random(5)
    for topic_id in rng.sample(ids[:500], 15):
        services.known_add(learner=learner, topic=Topic.objects.get(id=topic_id))
    plan = selectors.plan_build(learner, goal, page_size=10_000)
    order = [s.topic.id for s in plan.steps] + [goal.id]
    assert_respects_every_edge(order)

    graph = whole_graph()
    known = set(learner.known.values_list("topic_id", flat=True))
    assert set(order) == set(g.learning_plan(graph, goal.id, known))
    assert plan.total == goal.ancestor_count
    assert plan.left == len(order) - 1


def test_plan_frontier_is_the_ready_steps_ranked_by_what_they_unlock(learner):
    # a unlocks b, d, e; x unlocks c, d, e; f unlocks e only.
    t = make_graph(EDGES)
    plan = selectors.plan_build(None, t["e"])
    assert slugs(plan.ready) == ["a", "x", "f"]
    assert {s.topic.slug for s in plan.steps if s.ready} == {"a", "x", "f"}
    services.known_add(learner=learner, topic=t["a"])
    plan = selectors.plan_build(learner, t["e"])
    assert slugs(plan.ready) == ["x", "b", "f"]  # x unlocks 3, b 2, f 1


def test_global_frontier_ranks_by_descendant_count_and_counts_all():
    make_graph(EDGES, extra=("y",))
    ready, total = selectors.frontier_global(learner=None, limit=2)
    assert slugs(ready) == ["a", "x"] and total == 4  # a, x, f, y


def test_global_frontier_matches_the_pure_function_on_generated_graphs(learner):
    ids = insert_graph(400, generate_graph(400, 1500, seed=11))
    graph_recompute()
    graph = whole_graph()
    rows = {t.id: t for t in Topic.objects.all()}
    rng = random.Random(2)
    for _ in range(4):
        for topic_id in rng.sample(ids, 6):
            services.known_add(learner=learner, topic=rows[topic_id])
        known = set(learner.known.values_list("topic_id", flat=True))
        expected = g.frontier(
            graph,
            known,
            {n: rows[n].descendant_count for n in rows},
            key=lambda n: rows[n].slug,
        )
        ready, total = selectors.frontier_global(learner=learner, limit=len(rows))
        assert [r.id for r in ready] == expected and total == len(expected)


def test_progress_counts_the_topic_apart_from_its_prerequisites(learner):
    t = make_graph(EDGES)
    progress = selectors.progress_get(learner=None, topic=t["d"])
    assert (progress.total, progress.known, progress.topic_known) == (4, 0, False)
    services.known_add(learner=learner, topic=t["d"])
    progress = selectors.progress_get(learner=learner, topic=t["d"])
    assert (progress.total, progress.known, progress.topic_known) == (4, 4, True)
    assert (progress.left, progress.percent, progress.minutes_left) == (0, 100, 0)


def test_known_through_names_the_nearest_known_topic_and_counts_the_others(learner):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["e"])
    services.known_add(learner=learner, topic=t["d"])
    status = selectors.topic_status(learner, t["a"])
    assert status.via.slug == "d" and status.via_others == 1
    assert status.label == "Known through D"


def test_topic_status_reports_goals_and_counts_mastery_as_knowing(learner, practise):
    t = make_graph(EDGES)
    services.goal_set(learner=learner, topic=t["e"])
    services.goal_set(learner=learner, topic=t["d"])
    practise(t["e"], [True, True, True], user=learner.user)
    practise(t["d"], [True, False], user=learner.user)
    e = selectors.topic_status(learner, t["e"])
    d = selectors.topic_status(learner, t["d"])
    assert (e.is_goal, e.is_current_goal, e.mastered, e.state) == (True, False, True, "mastered")
    assert e.label == "Known: mastered in practice" and not e.known  # not said to be known
    # d is needed by e, so known through practice, though its own practice is under way
    assert (d.is_goal, d.is_current_goal, d.mastered, d.state) == (True, True, False, "implicit")
    assert (d.mastery.solved, d.mastery.questions, d.mastery.attempts) == (1, 1, 2)

    services.known_add(learner=learner, topic=t["e"])
    e = selectors.topic_status(learner, t["e"])
    assert (e.state, e.mastered, e.known) == ("mastered", True, True)


def test_a_wrong_answer_among_the_last_three_undoes_mastery(learner, practise):
    t = make_graph(EDGES)
    practise(t["b"], [True, True, True, False], user=learner.user)
    assert not selectors.topic_status(learner, t["b"]).mastered
    practise(t["b"], [True, True, True], user=learner.user)
    assert selectors.topic_status(learner, t["b"]).mastered


def test_a_topic_mastered_in_practice_is_known_with_its_prerequisites(learner, practise):
    t = make_graph(EDGES)
    practise(t["b"], [True, True, True], user=learner.user)
    plan = selectors.plan_build(learner, t["e"])
    assert plan.known == 2 and {"a", "b"}.isdisjoint(s.topic.slug for s in plan.steps)
    assert plan.marked == [] and plan.doubted == []  # what the learner said stays apart
    assert selectors.topic_status(learner, t["b"]).state == "mastered"
    a = selectors.topic_status(learner, t["a"])
    assert (a.state, a.label) == ("implicit", "Known through practice")
    assert selectors.progress_get(learner=learner, topic=t["d"]).known == 2
    dash = selectors.dashboard_get(learner)
    assert dash.progress is None and [r.slug for r in dash.mastered] == ["b"]
    assert "b" not in {r.slug for r in dash.ready} and "d" not in {r.slug for r in dash.ready}


def test_practice_that_goes_badly_puts_a_topic_back_in_the_plan(learner, practise):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["d"])  # and so a, b, c and x
    assert [s.topic.slug for s in selectors.plan_build(learner, t["e"]).steps] == ["f"]
    practise(t["c"], [True, False, False], user=learner.user)  # one of the last three right
    plan = selectors.plan_build(learner, t["e"])
    assert [s.topic.slug for s in plan.steps] == ["f", "c"]
    assert [r.slug for r in plan.doubted] == ["c"] and plan.known == plan.total - 2  # c, f
    status = selectors.topic_status(learner, t["c"])
    assert (status.state, status.label) == ("doubted", "Back in your plan")
    assert selectors.topic_status(learner, t["d"]).state == "known"  # the mark stays
    practise(t["c"], [True, True, True], user=learner.user)  # then mastered
    plan = selectors.plan_build(learner, t["e"])
    assert [s.topic.slug for s in plan.steps] == ["f"] and plan.doubted == []


def test_the_learner_query_reads_practice_mastery_for_that_learner(learner, practise, make_user):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["a"])
    practise(t["b"], [True, True, True], user=learner.user)
    practise(t["c"], [True, True, True], user=make_user())  # somebody else's
    _, _, masteries = knowledge._learner_rows(learner)
    mastered = {topic_id for topic_id, m in masteries.items() if m.mastered}
    assert mastered == selectors.mastered_ids(learner) == {t["b"].id}


def test_plan_lists_the_topics_marked_known_within_it(learner):
    t = make_graph([*EDGES, ("b", "z")])
    for slug in ("c", "z", "f"):
        services.known_add(learner=learner, topic=t[slug])
    plan = selectors.plan_build(learner, t["e"])
    # in learning order; z is outside e's prerequisites (it only makes a and b known)
    assert slugs(plan.marked) == ["f", "c"]


def test_plan_order_is_the_pure_learning_plan_with_the_depth_title_key(learner):
    ids = insert_graph(300, generate_graph(300, 1200, seed=4))
    graph_recompute()
    rows = {t.id: t for t in Topic.objects.all()}
    goal = rows[ids[-1]]
    rng = random.Random(9)
    for topic_id in rng.sample(ids[:250], 5):
        services.known_add(learner=learner, topic=rows[topic_id])
    known = set(learner.known.values_list("topic_id", flat=True))
    expected = g.learning_plan(
        whole_graph(), goal.id, known, key=lambda n: (rows[n].depth, rows[n].title, n)
    )
    plan = selectors.plan_build(learner, goal, page_size=10_000)
    assert [s.topic.id for s in plan.steps] + [goal.id] == expected
    assert plan.minutes_left == sum(rows[n].minutes for n in expected)


def test_a_change_to_the_graph_shows_at_once(learner):
    t = make_graph(EDGES, extra=("y",))
    assert selectors.plan_build(learner, t["e"]).left == 6
    graph_services.edge_create(prerequisite=t["y"], dependent=t["f"])
    plan = selectors.plan_build(learner, t["e"])
    assert plan.left == 7 and "y" in {s.topic.slug for s in plan.steps}
    # A topic created after the index was read is found too.
    late = Topic.objects.create(slug="late", title="Late", level="graduate", core_idea="Late.")
    assert selectors.plan_build(learner, late).total == 0


def test_plan_pages_split_long_plans(learner):
    t = make_graph(EDGES)
    first = selectors.plan_build(None, t["e"], page=1, page_size=4)
    second = selectors.plan_build(None, t["e"], page=2, page_size=4)
    assert len(first.steps) == 4 and len(second.steps) == 2
    assert first.has_next and not second.has_next and second.first_number == 5
    assert [s.topic.slug for s in [*first.steps, *second.steps]] == [
        s.topic.slug for s in selectors.plan_build(None, t["e"]).steps
    ]


def queries_for(fn) -> int:
    """Queries ``fn`` makes."""
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_plan_frontier_and_status_use_a_constant_number_of_queries(learner):
    small = make_graph(EDGES)
    ids = insert_graph(1500, generate_graph(1500, 6000, seed=7))
    graph_recompute()
    big = Topic.objects.get(id=ids[-1])
    assert big.ancestor_count > 200
    for topic in (small["c"], Topic.objects.get(id=ids[700])):
        services.known_add(learner=learner, topic=topic)
    ref = learner
    # Both topics are known only through a known topic that needs them, so the two
    # status reads take the same path.
    big_implicit = Topic.objects.get(
        id=Prerequisite.objects.filter(dependent_id=ids[700]).values_list(
            "prerequisite_id", flat=True
        )[0]
    )
    assert selectors.topic_status(ref, small["x"]).state == "implicit"
    assert selectors.topic_status(ref, big_implicit).state == "implicit"

    counts = {
        "plan": (
            queries_for(lambda: selectors.plan_build(ref, small["e"])),
            queries_for(lambda: selectors.plan_build(ref, big)),
        ),
        "status": (
            queries_for(lambda: selectors.topic_status(ref, small["x"])),
            queries_for(lambda: selectors.topic_status(ref, big_implicit)),
        ),
        "frontier": (
            queries_for(lambda: selectors.frontier_global(learner=learner)),
            queries_for(lambda: selectors.frontier_global(learner=learner, limit=500)),
        ),
        "dashboard": (queries_for(lambda: selectors.dashboard_get(ref)),) * 2,
    }
    for name, (few, many) in counts.items():
        assert few == many, name
    # the learner's marks, goals and attempts (no question counts: no attempts), and the
    # graph's stamp (the rows shown come from the graph's index)
    assert counts["plan"][0] == 4
    # the same, the "known through" row and the topic's practice standing
    assert counts["status"][0] <= 6
    # the same as the plan's
    assert counts["frontier"][0] == 4


def test_plan_steps_read_as_a_sequence_of_steps():
    rows = [selectors.TopicRow(i, f"s{i}", f"S{i}", "graduate", 1, 30, 0) for i in range(1, 4)]
    steps = selectors.PlanSteps(5, rows, [True, False, False])
    assert len(steps) == 3 and bool(steps)
    assert list(steps) == [
        selectors.PlanStep(5, rows[0], True),
        selectors.PlanStep(6, rows[1], False),
        selectors.PlanStep(7, rows[2], False),
    ]
    assert steps[-1] == steps[2] == selectors.PlanStep(7, rows[2], False)
    assert steps[1:] == list(steps)[1:]
    with pytest.raises(IndexError):
        steps[3]
    assert not selectors.PlanSteps(1, [], [])


def test_the_learner_rows_are_their_marks_goals_and_mastery(learner):
    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["c"])
    services.goal_set(learner=learner, topic=t["e"])
    services.known_add(learner=learner, topic=t["a"])
    services.goal_set(learner=learner, topic=t["d"])  # the current goal now
    marks, goals, masteries = knowledge._learner_rows(learner)
    # Marks newest first with their source; goals the current first, then as set.
    assert list(marks.items()) == [(t["a"].id, "self"), (t["c"].id, "self")]
    assert list(goals.items()) == [(t["d"].id, True), (t["e"].id, False)]
    assert masteries == {}
    read = knowledge.knowledge_get(learner=learner)
    assert [(row.topic.slug, row.is_current) for row in read.goal_rows()] == [
        ("d", True),
        ("e", False),
    ]
    assert [(row.topic.slug, row.source) for row in read.known_rows()] == [
        ("a", "self"),
        ("c", "self"),
    ]


def test_rows_come_from_the_index_and_a_topic_newer_than_it_is_read():
    t = make_graph(EDGES)
    index = graph_selectors.graph_index()
    positions = index.positions([t["a"].pk, t["b"].pk, t["a"].pk])
    with CaptureQueriesContext(connection) as ctx:
        first = selectors.rows_at(index, positions)
        by_id = selectors.topic_rows([t["b"].pk], index=index)
    assert [row.slug for row in first] == ["a", "b", "a"] and len(ctx.captured_queries) == 0
    b = Topic.objects.get(pk=t["b"].pk)
    assert by_id[b.pk] == selectors.TopicRow(
        b.pk, "b", b.title, b.level, b.depth, b.minutes, b.descendant_count
    )
    assert b.descendant_count == 2  # d and e
    # A topic newer than the index is read by id; a deleted one has no row.
    late = Topic.objects.create(slug="late", title="Late", level="graduate", core_idea="Late.")
    assert index.position(late.pk) < 0
    assert selectors.topic_rows([late.pk, t["b"].pk], index=index)[late.pk].slug == "late"
    assert selectors.topic_rows([late.pk + 1]) == {}
    # After an edit (which recomputes the graph) the index, and so the rows, follow.
    Topic.objects.filter(pk=t["b"].pk).update(title="Bee")
    graph_recompute()
    fresh = graph_selectors.graph_index()
    assert fresh is not index
    assert selectors.rows_at(fresh, fresh.positions([t["b"].pk]))[0].title == "Bee"


def test_a_goal_read_with_the_graphs_stamp_spares_the_plan_reading_it(learner):
    from knowledge_graph.selectors import topic_get

    t = make_graph(EDGES)
    services.known_add(learner=learner, topic=t["b"])
    goal = topic_get("e")
    selectors.plan_build(learner, goal)  # the graph's index, loaded once
    with CaptureQueriesContext(connection) as ctx:
        plan = selectors.plan_build(learner, goal)
    # the learner's marks, goals and attempts (the rows shown come from the index)
    assert len(ctx.captured_queries) == 3
    assert not any("graphstate" in q["sql"] for q in ctx.captured_queries)
    assert (plan.left, plan.known) == (plan.total - 2, 2)
    again = selectors.plan_build(learner, t["e"])  # the plan reads the stamp
    assert list(plan.steps) == list(again.steps) and plan.ready == again.ready
