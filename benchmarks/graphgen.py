"""Seeded random prerequisite graphs shaped like a curriculum.

Node ``i`` takes its prerequisites among earlier nodes, mostly nearby ones, so
the graph is a DAG with long chains and wide layers, like real mathematics.
"""

from __future__ import annotations

import numpy as np


def generate_graph(
    n_topics: int, n_edges: int, seed: int = 0, window: int = 400
) -> list[tuple[int, int]]:
    """Edges ``(prerequisite, dependent)`` over nodes ``0..n_topics-1``, about ``n_edges`` of them.

    Deterministic for a given seed; no self-loops, no duplicates, always acyclic
    (every edge goes from a smaller to a larger index).
    """
    rng = np.random.default_rng(seed)
    per_node = n_edges / max(n_topics - 1, 1)
    counts = rng.poisson(per_node, size=n_topics)
    counts[0] = 0
    edges: set[tuple[int, int]] = set()
    for i in range(1, n_topics):
        k = int(min(counts[i], i))
        if k == 0:
            continue
        # Mostly near neighbours, sometimes a far earlier foundation.
        near = rng.integers(max(0, i - window), i, size=k)
        far = rng.integers(0, i, size=k)
        pick = np.where(rng.random(k) < 0.85, near, far)
        for p in np.unique(pick):
            edges.add((int(p), i))
    return sorted(edges)


def insert_graph(n_topics: int, edges: list[tuple[int, int]], *, prefix: str = "gen") -> list[int]:
    """Insert generated topics and edges with bulk_create; return the topic ids by index.

    Needs Django set up. Levels and minutes vary so plans and filters have work to do.
    """
    from knowledge_graph.models import Level, Prerequisite, Topic

    levels = Level.values
    Topic.objects.bulk_create(
        [
            Topic(
                slug=f"{prefix}-{i}",
                title=f"Generated topic {i}",
                level=levels[min(i * len(levels) // n_topics, len(levels) - 1)],
                core_idea="A generated topic used to measure the graph at scale.",
                minutes=15 + (i % 4) * 15,
            )
            for i in range(n_topics)
        ],
        batch_size=2000,
    )
    ids = dict(Topic.objects.filter(slug__startswith=f"{prefix}-").values_list("slug", "id"))
    index = [ids[f"{prefix}-{i}"] for i in range(n_topics)]
    Prerequisite.objects.bulk_create(
        [Prerequisite(prerequisite_id=index[a], dependent_id=index[b]) for a, b in edges],
        batch_size=5000,
    )
    return index
