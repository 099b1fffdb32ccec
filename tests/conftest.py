"""Shared fixtures."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def no_cache_left_behind():
    """Leave nothing in the cache for the next test: pages cache parts of themselves by
    graph version, and plots by their parameters."""
    yield
    cache.clear()


@pytest.fixture
def curriculum(db):
    """The shipped curriculum (topics, edges, explainers, questions) in the test database."""
    from knowledge_graph import curriculum as c
    from practice.services import curriculum_load

    return curriculum_load(specs=c.load())
