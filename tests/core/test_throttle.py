"""core/throttle.py: the client's address, the wait in words, and a cache that is down."""

from __future__ import annotations

import doctest

import pytest
from django.test import RequestFactory

from core import throttle


def test_the_doc_examples_hold():
    assert doctest.testmod(throttle).failed == 0


def test_the_address_is_remote_addr_unless_a_proxy_header_is_named(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )
    settings.CLIENT_IP_HEADER = "REMOTE_ADDR"
    assert throttle.client_ip(request) == "10.0.0.1"  # a claimed address changes nothing
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert throttle.client_ip(request) == "203.0.113.9"  # the one the proxy added


def test_a_cache_that_is_down_lets_requests_through(settings, monkeypatch):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": "1/h"}

    def down(*args, **kwargs):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(throttle, "get_usage", down)
    request = RequestFactory().post("/accounts/signup/", REMOTE_ADDR="10.0.0.1")
    for _ in range(3):
        throttle.check(request, "signup")  # no Throttled, no error


def test_over_the_limit_says_how_long_to_wait(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": "1/h"}
    request = RequestFactory().post("/accounts/signup/", REMOTE_ADDR="10.0.0.1")
    throttle.check(request, "signup")
    with pytest.raises(throttle.Throttled) as refused:
        throttle.check(request, "signup")
    assert refused.value.name == "signup" and 0 < refused.value.retry_after <= 3600


@pytest.mark.django_db
def test_a_username_longer_than_the_lockout_table_holds_is_counted_cut_short(client):
    from axes.models import AccessAttempt

    typed = "u" * 300
    response = client.post("/accounts/login/", {"username": typed, "password": "wrong"})
    assert response.status_code == 200  # the form again, with its error; not a server error
    (attempt,) = AccessAttempt.objects.all()
    assert attempt.username == typed[: throttle.AXES_USERNAME_LENGTH]
