"""The request's learner: read once per request, read again when its owner changes."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from learners.models import Learner
from learners.selectors import request_learner
from learners.services import request_learner_ensure

pytestmark = pytest.mark.django_db


def _request(user=None):
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    request.session = SessionStore()
    return request


def test_a_request_reads_its_learner_once_and_again_when_the_owner_changes():
    request = _request()
    with CaptureQueriesContext(connection) as queries:
        assert request_learner(request) is None  # no session yet: nothing to read
    assert len(queries) == 0

    learner = request_learner_ensure(request)  # creates the session and the row
    assert learner.session_key == request.session.session_key
    with CaptureQueriesContext(connection) as queries:
        assert request_learner(request) == learner
        assert request_learner_ensure(request) == learner
    assert len(queries) == 0, [q["sql"] for q in queries]

    # Logging in during the request makes the user the owner: read again.
    user = get_user_model().objects.create_user("reader", password="pw-long-enough-1")
    mine = Learner.objects.create(user=user)
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        assert request_learner(request) == mine
    assert len(queries) == 1
    assert request_learner(request) == mine


def test_a_learner_created_by_another_request_is_found_not_duplicated():
    first = _request()
    made = request_learner_ensure(first)
    second = _request()
    second.session = SessionStore(session_key=first.session.session_key)
    assert request_learner(second) == made
    assert request_learner_ensure(second) == made
    assert Learner.objects.count() == 1
