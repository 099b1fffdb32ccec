"""Fixtures for the learner's side."""

import pytest
from django.contrib.auth import get_user_model

from tutor.models import Learner


@pytest.fixture
def make_user(db):
    def make(username: str = "ada", password: str = "correct horse battery"):
        return get_user_model().objects.create_user(username=username, password=password)

    return make


@pytest.fixture
def learner(make_user) -> Learner:
    return Learner.objects.create(user=make_user("learner"))
