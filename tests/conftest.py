"""Shared fixtures, and Hypothesis's settings.

Under CI (``CI`` set) the property tests draw the same examples on every run
(``derandomize``), so a run's result depends only on the code; elsewhere they draw
afresh each time, which is how they find new counterexamples.
"""

import os

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory
from hypothesis import settings as hypothesis_settings

from core import caching

hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


class AxesClient(Client):
    """Django's test client, whose ``login()`` passes a request to ``authenticate()``:
    django-axes refuses a log-in it cannot trace to a client address."""

    def login(self, **credentials) -> bool:
        credentials.setdefault("request", RequestFactory().post("/accounts/login/"))
        return super().login(**credentials)


@pytest.fixture
def client() -> Client:
    return AxesClient()


@pytest.fixture(autouse=True)
def no_cache_left_behind():
    """Leave nothing in the cache for the next test: pages cache parts of themselves by
    graph version, and plots by their parameters; and no cache breaker left open (a test
    of a cache that is down opens it)."""
    yield
    caching.breaker.reset()
    for store in caches.all():
        store.clear()


@pytest.fixture(autouse=True)
def limits_out_of_the_way(settings):
    """Tests send many requests from one address: the limits are set far above that
    here, and a test of a limit lowers the one it tests."""
    settings.RATE_LIMITS = {name: "100000/s" for name in settings.RATE_LIMITS}
    settings.AXES_FAILURE_LIMIT = 100000


@pytest.fixture
def curriculum(db):
    """The shipped curriculum (topics, edges, explainers, questions) in the test database."""
    from knowledge_graph import curriculum as c
    from practice.services import curriculum_load

    return curriculum_load(specs=c.load())


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_collection_modifyitems(config, items):
    """With ``DATABASE_TESTS_ONLY=1``, run only the tests that touch the database (a
    ``django_db`` mark, or a fixture that needs one): the second database's run in CI
    skips the pure computations (question families, lessons' numbers, the parser, the
    engine), which give the same result whatever the database, after the first run."""
    if os.environ.get("DATABASE_TESTS_ONLY") != "1":
        return
    keep, skip = [], []
    for item in items:
        uses = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        (keep if uses else skip).append(item)
    items[:] = keep
    config.hook.pytest_deselected(items=skip)
