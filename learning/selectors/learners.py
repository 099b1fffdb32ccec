"""Who is asking, and what the practice app knows of them.

The request's learner comes from :mod:`learners.selectors`; every read of this package
filters by that learner, so one student never reads another's data.
"""

from __future__ import annotations

from learners.models import Learner
from learners.selectors import learner_get, request_learner
from practice import selectors as practice_selectors

__all__ = ["attempts_recent", "learner_get", "mastered_ids", "request_learner"]


def mastered_ids(learner: Learner | None) -> frozenset[int]:
    """Topics the learner has mastered in practice."""
    return frozenset(practice_selectors.mastered_topic_ids(learner=learner))


def attempts_recent(learner: Learner | None, *, limit: int = 10) -> list:
    """The learner's latest practice attempts, newest first."""
    return practice_selectors.attempts_recent(learner=learner, limit=limit)
