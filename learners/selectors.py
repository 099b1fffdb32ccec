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


def request_owner(request: HttpRequest) -> tuple[Any | None, str | None]:
    """Who owns the request's learner row: the signed-in user, else the session key."""
    if request.user.is_authenticated:
        return request.user, None
    return None, request.session.session_key


def request_learner(request: HttpRequest) -> Learner | None:
    """The learner the request speaks for, if they have written anything yet. Read once
    per request: a page asks from its view, its context processor and its partials, and
    each read was a query (an answer post made three). Read again if the owner changed
    (a log-in or a new session during the request)."""
    owner = request_owner(request)
    held = getattr(request, "_learner", None)
    if held is not None and held[0] == owner:
        return held[1]
    learner = learner_get(user=owner[0], session_key=owner[1])
    request._learner = (owner, learner)
    return learner


def remember_learner(request: HttpRequest, learner: Learner) -> None:
    """Hold ``learner`` as the request's learner (just created or found for a write)."""
    request._learner = (request_owner(request), learner)
