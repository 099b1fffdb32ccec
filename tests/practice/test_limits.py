"""Throttles on practice: answer posts (per account, or per address for a visitor) and
plots the cache does not hold yet (per address; cached ones are always served)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from practice.models import Attempt
from tests.knowledge_graph.factories import make_graph

from .test_views import URL, form_of

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HOME = {"REMOTE_ADDR": "203.0.113.7"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.23"}


def cookieless_answer(client_class, form: str, address: dict):
    """An answer posted by a new client each time, as a script without cookies would."""
    return client_class().post(URL, {"answer": "0.5", "variant": form}, **address)


def test_cookieless_answer_floods_are_refused_per_address(client, kl_questions, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answer": "5/m"}
    with time_machine.travel(START, tick=False) as clock:
        forms = [form_of(client.get(URL)) for _ in range(12)]
        statuses = [cookieless_answer(client.__class__, f, HOME).status_code for f in forms[:10]]
        assert statuses == [200] * 5 + [429] * 5
        assert Attempt.objects.count() == 5  # nothing stored for a refused answer

        assert cookieless_answer(client.__class__, forms[10], ELSEWHERE).status_code == 200
        clock.shift(timedelta(minutes=1))
        assert cookieless_answer(client.__class__, forms[11], HOME).status_code == 200
    assert Attempt.objects.count() == 7


def test_a_signed_in_student_is_counted_by_account(client, kl_questions, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "answer": "3/m"}
    client.force_login(get_user_model().objects.create_user("ada"))
    with time_machine.travel(START, tick=False):
        statuses = []
        for address in (HOME, ELSEWHERE, HOME, ELSEWHERE):
            page = client.get(URL)
            statuses.append(client.post(URL, {"answer": "1", "variant": form_of(page)}, **address))
        assert [r.status_code for r in statuses] == [200, 200, 200, 429]
        # The card comes back with why and when, the typed answer kept (with htmx too).
        for headers in ({}, {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "question-card"}):
            page = client.get(URL)
            data = {"answer": "0.25 + 1/3", "variant": form_of(page)}
            response = client.post(URL, data, **headers)
            assert response.status_code == 429 and int(response["Retry-After"]) > 0
            text = response.content.decode()
            assert 'value="0.25 + 1/3"' in text and 'id="question-card"' in text
            assert "Too many answers were sent in a short time. Please try again in" in text
    assert Attempt.objects.count() == 3


@pytest.fixture
def plot_topic(db):
    return make_graph([], extra=("kl-divergence",))


def plot_url(kind: str, n: int) -> str:
    """A divergence plot's page or image whose parameters differ with ``n``."""
    p = f"0.{10 + n},0.{90 - n}"
    return reverse(kind, args=["divergence"]) + f"?p={p}&q=0.5,0.5"


def test_cold_plot_renders_are_limited_and_cached_ones_are_not(client, settings, plot_topic):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "plot-render": "4/m"}
    with time_machine.travel(START, tick=False) as clock:
        # Each new image is one cold render (its numbers and its drawing counted once).
        statuses = [client.get(plot_url("plot_svg", n), **HOME).status_code for n in range(6)]
        assert statuses == [200] * 4 + [429] * 2
        refused = client.get(plot_url("plot_svg", 5), **HOME)
        assert 0 < int(refused["Retry-After"]) <= 60

        # What is cached is served to anyone, however many they made cold.
        for n in range(4):
            assert client.get(plot_url("plot_svg", n), **HOME).status_code == 200
        # The page's numbers for a new setting count too; another address has its own.
        assert client.get(plot_url("plot_page", 9), **HOME).status_code == 429
        assert client.get(plot_url("plot_page", 9), **ELSEWHERE).status_code == 200

        clock.shift(timedelta(minutes=1))
        assert client.get(plot_url("plot_svg", 5), **HOME).status_code == 200
