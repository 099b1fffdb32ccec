"""Small hand-built graphs for tests."""

from knowledge_graph.models import Level, Prerequisite, Topic
from knowledge_graph.services import graph_recompute


def make_graph(edges: list[tuple[str, str]], extra: tuple[str, ...] = ()) -> dict[str, Topic]:
    """Create topics named by the slugs in ``edges`` (and ``extra``), the edges, and derive."""
    slugs = sorted({s for e in edges for s in e} | set(extra))
    topics = {
        s: Topic.objects.create(
            slug=s,
            title=s.replace("-", " ").title(),
            level=Level.UNDERGRADUATE,
            core_idea=f"What {s} is about.",
        )
        for s in slugs
    }
    for a, b in edges:
        Prerequisite.objects.create(prerequisite=topics[a], dependent=topics[b])
    graph_recompute()
    for t in topics.values():
        t.refresh_from_db()
    return topics
