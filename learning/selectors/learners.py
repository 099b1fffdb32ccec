"""Who is asking: the request's learner, and the practice app's view of them.

A learner is found from the request (:func:`learner_ref`); every read of this package
filters by that learner, so one student never reads another's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from learning.models import Learner
from practice import selectors as practice_selectors


@dataclass(frozen=True)
class LearnerRef:
    """The request's learner: a signed-in user or an anonymous session.

    ``learner`` is None until the first write creates the row; ``user`` and
    ``session_key`` are what the practice app keys attempts by.
    """

    user: Any | None
    session_key: str | None
    learner: Learner | None

    @property
    def learner_id(self) -> int | None:
        return self.learner.pk if self.learner else None


NOBODY = LearnerRef(user=None, session_key=None, learner=None)


def learner_get(*, user: Any | None, session_key: str | None) -> Learner | None:
    """The learner row of a user, or of an anonymous session (one query), if any."""
    if user is not None:
        return Learner.objects.filter(user=user).first()
    if session_key:
        return Learner.objects.filter(session_key=session_key, user__isnull=True).first()
    return None


def learner_ref(request: HttpRequest) -> LearnerRef:
    """Who the request speaks for; never creates anything."""
    user = request.user if request.user.is_authenticated else None
    session_key = None if user else request.session.session_key
    return LearnerRef(
        user=user, session_key=session_key, learner=learner_get(user=user, session_key=session_key)
    )


# --- the practice app's view of the learner -----------------------------------


def mastered_ids(ref: LearnerRef) -> frozenset[int]:
    """Topics the learner has mastered in practice (apart from what they say they know)."""
    if ref.user is None and not ref.session_key:
        return frozenset()
    return frozenset(
        practice_selectors.mastered_topic_ids(user=ref.user, session_key=ref.session_key)
    )


def attempts_recent(ref: LearnerRef, *, limit: int = 10) -> list:
    """The learner's latest practice attempts, newest first."""
    if ref.user is None and not ref.session_key:
        return []
    return practice_selectors.attempts_recent(
        user=ref.user, session_key=ref.session_key, limit=limit
    )
