"""Shared fixtures."""

import pytest


@pytest.fixture
def curriculum(db):
    """The shipped curriculum (topics, edges, explainers, questions) in the test database."""
    from knowledge_graph import curriculum as c
    from knowledge_graph.services import curriculum_load

    return curriculum_load(specs=c.load())
