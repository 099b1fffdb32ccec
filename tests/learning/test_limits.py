"""Throttles on the learner's side: log-in lockout (django-axes) for students and staff,
sign-up floods, anonymous visitors' buttons, and staff sessions shorter than students'.
Each limit counts per client address; time is moved, never waited for."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command

from learning.models import KnownTopic
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-Password-42"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
HOME = {"REMOTE_ADDR": "203.0.113.7"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.23"}


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def lockout(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def make_student() -> None:
    get_user_model().objects.create_user("ada", password=PASSWORD)


def make_instructor() -> None:
    call_command("create_instructor", "ada", password=PASSWORD, verbosity=0)


@pytest.mark.parametrize(
    ("login_url", "make"),
    [("/accounts/login/", make_student), ("/admin/login/", make_instructor)],
    ids=["student", "staff"],
)
def test_forty_wrong_passwords_lock_the_log_in_until_the_cool_off_ends(
    client, lockout, login_url, make
):
    make()
    with time_machine.travel(START, tick=False) as clock:
        wrong = [{"username": "ada", "password": f"guess-{i}"} for i in range(40)]
        statuses = [client.post(login_url, data, **HOME).status_code for data in wrong]
        assert statuses[:4] == [200] * 4 and set(statuses[4:]) == {429}

        clock.shift(timedelta(minutes=14))
        right = client.post(login_url, {"username": "ada", "password": PASSWORD}, **HOME)
        assert right.status_code == 429 and not logged_in(client)
        page = right.content.decode()
        assert "Too many failed log-ins for this account from your address." in page
        assert "Please try again in 15 minutes" in page and right["Retry-After"] == "900"

        # The same account from another address is not locked out.
        other = client.__class__()
        assert other.post(login_url, {"username": "ada", "password": PASSWORD}, **ELSEWHERE)
        assert logged_in(other)

        # The refused right password started the cool-off again: 15 minutes from it.
        clock.shift(timedelta(minutes=15, seconds=1))
        right = client.post(login_url, {"username": "ada", "password": PASSWORD}, **HOME)
        assert right.status_code == 302 and logged_in(client)


def test_the_lockout_page_is_in_the_site_layout(client, lockout):
    get_user_model().objects.create_user("ada", password=PASSWORD)
    for _ in range(5):
        response = client.post("/accounts/login/", {"username": "ada", "password": "no"}, **HOME)
    assert response.status_code == 429
    page = response.content.decode()
    assert '<nav class="navbar' in page and "<h1>Too many requests</h1>" in page


def signup(client, username: str, address: dict):
    data = {"username": username, "password1": PASSWORD, "password2": PASSWORD}
    response = client.post("/accounts/signup/", data, **address)
    client.logout()
    return response


def test_a_sign_up_flood_from_one_address_gets_429_and_creates_nothing(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "signup": "3/h"}
    users = get_user_model().objects
    with time_machine.travel(START, tick=False) as clock:
        statuses = [signup(client, f"flood{i}", HOME).status_code for i in range(20)]
        assert statuses == [302] * 3 + [429] * 17
        assert users.count() == 3

        refused = signup(client, "one-more", HOME)
        assert 0 < int(refused["Retry-After"]) <= 3600
        assert "Too many accounts were created from your address." in refused.content.decode()

        # Another address is counted on its own.
        assert signup(client, "neighbour", ELSEWHERE).status_code == 302

        clock.shift(timedelta(hours=1))
        assert signup(client, "next-hour", HOME).status_code == 302
    assert set(users.values_list("username", flat=True)) == {
        "flood0",
        "flood1",
        "flood2",
        "neighbour",
        "next-hour",
    }


def test_anonymous_buttons_are_limited_per_address_and_accounts_are_not(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "anonymous-write": "4/m"}
    make_graph([("a", "b")], extra=("c",))
    with time_machine.travel(START, tick=False):
        statuses = [client.post("/known/c/", **HOME).status_code for _ in range(6)]
        assert statuses == [302] * 4 + [429] * 2
        assert client.post("/known/a/", **ELSEWHERE).status_code == 302

        # htmx gets the notice alone, shown above the page's content.
        response = client.post("/goals/b/", HTTP_HX_REQUEST="true", **HOME)
        assert response.status_code == 429
        assert response["HX-Retarget"] == "#messages" and response["HX-Reswap"] == "innerHTML"
        notice = response.content.decode()
        assert "<html" not in notice and 'data-testid="too-many-requests"' in notice

        ada = get_user_model().objects.create_user("ada", password=PASSWORD)
        client.force_login(ada)
        statuses = [client.post("/known/c/", **HOME).status_code for _ in range(6)]
        assert statuses == [302] * 6
    assert KnownTopic.objects.filter(learner__user=ada).count() == 1


def test_staff_sessions_are_shorter_than_students(client, settings):
    settings.SESSION_COOKIE_AGE = 14 * 24 * 3600
    settings.STAFF_SESSION_SECONDS = 8 * 3600
    get_user_model().objects.create_user("student", password=PASSWORD)
    call_command("create_instructor", "ines", password=PASSWORD, verbosity=0)

    client.post("/accounts/login/", {"username": "student", "password": PASSWORD})
    assert logged_in(client) and client.session.get_expiry_age() == 14 * 24 * 3600
    client.logout()

    for url in ("/accounts/login/", "/admin/login/"):
        client.post(url, {"username": "ines", "password": PASSWORD})
        assert logged_in(client) and client.session.get_expiry_age() == 8 * 3600
        client.logout()
