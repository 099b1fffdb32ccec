import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from knowledge_graph import services
from knowledge_graph.models import GraphState, Prerequisite, Topic
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db


def fresh(slug: str) -> Topic:
    return Topic.objects.get(slug=slug)


def test_edge_create_updates_every_derived_number():
    t = make_graph([("a", "b"), ("b", "c")], extra=("x",))
    assert (fresh("c").depth, fresh("c").ancestor_count) == (2, 2)
    services.edge_create(prerequisite=t["x"], dependent=t["a"])
    c = fresh("c")
    assert (c.depth, c.ancestor_count) == (3, 3)
    assert fresh("x").descendant_count == 3
    assert fresh("x").dependent_count == 1
    assert c.chain_parent_id == t["b"].id


def test_edge_closing_a_cycle_is_refused_with_its_path_and_nothing_saved():
    t = make_graph([("a", "b"), ("b", "c")])
    before = Prerequisite.objects.count()
    with pytest.raises(ValidationError) as err:
        services.edge_create(prerequisite=t["c"], dependent=t["a"])
    assert "C → A → B → C" in err.value.messages[0]
    assert Prerequisite.objects.count() == before


def test_an_edge_to_a_deeper_topic_is_added_without_reading_the_whole_graph():
    """Depth only grows along stored edges, so an edge to a deeper topic cannot close a
    cycle: the check reads the two topics' depths, not every edge. An edge that does not
    go deeper still gets the whole check, so the refusals stay."""
    from django.test.utils import CaptureQueriesContext

    t = make_graph([("a", "b"), ("b", "c"), ("x", "y")])
    edges_table = Prerequisite._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        services.edges_check(proposed=[(t["a"].pk, t["c"].pk), (t["x"].pk, t["c"].pk)])
    assert not any(
        f'FROM "{edges_table}"' in q["sql"] or f"FROM {edges_table}" in q["sql"] for q in queries
    ), [q["sql"] for q in queries]
    # Same depth, shallower, or two new edges between topics of equal depth: checked.
    services.edges_check(proposed=[(t["a"].pk, t["x"].pk)])  # depth 0 -> 0, no cycle
    with pytest.raises(ValidationError, match="cycle"):
        services.edges_check(proposed=[(t["a"].pk, t["x"].pk), (t["x"].pk, t["a"].pk)])
    with pytest.raises(ValidationError, match="cycle"):
        services.edges_check(proposed=[(t["c"].pk, t["a"].pk)])


def test_stale_depths_cannot_let_a_cycle_in():
    """Were the stored depths wrong (edges written around the services), an edge the
    depth check lets through would still be refused by the recompute, and nothing kept."""
    from knowledge_graph.graph import CycleError

    t = make_graph([("a", "b")])
    Topic.objects.filter(pk=t["a"].pk).update(depth=5)  # an edit that skipped the recompute
    with pytest.raises(CycleError):
        services.edge_create(prerequisite=t["b"], dependent=t["a"])
    assert list(Prerequisite.objects.values_list("prerequisite__slug", "dependent__slug")) == [
        ("a", "b")
    ]


def test_self_loop_and_duplicate_refused():
    t = make_graph([("a", "b")])
    with pytest.raises(ValidationError, match="itself"):
        services.edge_create(prerequisite=t["a"], dependent=t["a"])
    with pytest.raises(ValidationError, match="already"):
        services.edge_create(prerequisite=t["a"], dependent=t["b"])


def test_deleting_edges_and_topics_recomputes():
    t = make_graph([("a", "b"), ("b", "c"), ("a", "c")])
    services.edge_delete(edge=Prerequisite.objects.get(prerequisite=t["b"], dependent=t["c"]))
    assert fresh("c").depth == 1
    services.topic_delete(topic=t["a"])
    assert fresh("c").depth == 0
    assert fresh("b").descendant_count == 0


def test_recompute_bumps_the_graph_version_and_writes_only_changes():
    make_graph([("a", "b")])
    version = GraphState.objects.get(pk=1).version
    assert services.graph_recompute() == 0
    assert GraphState.objects.get(pk=1).version == version + 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_edges_cannot_close_a_cycle_together():
    """a → b and b → a submitted at the same moment: exactly one is saved."""
    t = make_graph([], extra=("a", "b"))
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def add(x: str, y: str) -> None:
        barrier.wait()
        try:
            services.edge_create(prerequisite=t[x], dependent=t[y])
            outcomes.append("saved")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=p) for p in [("a", "b"), ("b", "a")]]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(outcomes)[-1] == "saved", outcomes
    assert "cycle" in sorted(outcomes)[0], outcomes
    assert Prerequisite.objects.count() == 1
