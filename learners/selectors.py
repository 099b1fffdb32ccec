"""Who is asking: the request's learner, found and never created."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from learners.models import Learner


def learner_get(*, user: Any | None, session_key: str | None) -> Learner | None:
    """The learner row of a signed-in ``user``, or of an anonymous ``session_key``, if
    one was created (one query; none without either)."""
    if user is not None:
        return Learner.objects.filter(user=user).first()
    if session_key:
        return Learner.objects.filter(session_key=session_key, user__isnull=True).first()
    return None


def request_learner(request: HttpRequest) -> Learner | None:
    """The learner the request speaks for, if they have written anything yet."""
    if request.user.is_authenticated:
        return learner_get(user=request.user, session_key=None)
    return learner_get(user=None, session_key=request.session.session_key)
