"""The pictures of the graph on the topic page and the plan, for one learner.

The layout is :mod:`knowledge_graph.picture`'s; this module gives it the learner's
knowledge as :func:`learning.selectors.knowledge.knowledge_get` already read it (the
graph index, what is known, what was mastered in practice), so a picture costs no
query of its own.

Due for review: ``due`` takes the ids of the topics due for review today
(:func:`learning.selectors.review.due_topic_ids`); the topic page and the plan pass the
learner's, and the picture marks them.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

from knowledge_graph import picture
from knowledge_graph.picture import Picture
from learning.selectors.knowledge import Knowledge


def _positions(knowledge: Knowledge, topic_ids: Collection[int]) -> set[int]:
    if not topic_ids:
        return set()
    found = knowledge.index.positions(sorted(topic_ids))
    return set(found[found >= 0].tolist())


def topic_picture(
    knowledge: Knowledge, topic_id: int, *, due: Collection[int] = frozenset()
) -> Picture:
    """The topic's neighbourhood (prerequisites and dependents up to two steps away,
    bounded in number), each coloured by the learner's state."""
    return picture.neighbourhood(
        knowledge.index,
        knowledge.position(topic_id),
        have=knowledge.have,
        mastered=_positions(knowledge, knowledge.mastered),
        due=_positions(knowledge, due),
    )


def plan_picture(
    knowledge: Knowledge, goal: int, steps: np.ndarray, *, due: Collection[int] = frozenset()
) -> Picture:
    """The plan's next steps towards the goal at position ``goal`` (``steps``: the
    plan's positions in learning order, the goal left out) and the goal itself."""
    return picture.plan_window(
        knowledge.index,
        goal,
        steps,
        have=knowledge.have,
        mastered=_positions(knowledge, knowledge.mastered),
        due=_positions(knowledge, due),
    )
