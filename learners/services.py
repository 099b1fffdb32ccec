"""Creating the request's learner on their first write."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from learners.models import Learner
from learners.selectors import remember_learner, request_learner, request_owner


def learner_ensure(*, user: Any | None, session_key: str | None) -> Learner:
    """The learner row of ``user`` (if signed in) or of the anonymous ``session_key``,
    created on first use; two requests racing to create it get the same row."""
    if user is not None:
        lookup, defaults = {"user": user}, {"session_key": ""}
    elif session_key:
        lookup, defaults = {"session_key": session_key, "user": None}, {}
    else:
        raise ValidationError("An anonymous learner needs a session.", code="no_owner")
    try:
        with transaction.atomic():
            learner, _ = Learner.objects.get_or_create(**lookup, defaults=defaults)
    except IntegrityError:  # a concurrent request created it first
        learner = Learner.objects.get(**lookup)
    return learner


def request_learner_ensure(request: HttpRequest) -> Learner:
    """The request's learner, created if needed: an anonymous visitor without a session
    gets one first (and its cookie, since the session is marked modified)."""
    if not request.user.is_authenticated:
        session = request.session
        if not session.session_key:
            session.save()
        session.modified = True
    learner = request_learner(request)
    if learner is None:
        user, session_key = request_owner(request)
        learner = learner_ensure(user=user, session_key=session_key)
        remember_learner(request, learner)
    return learner
