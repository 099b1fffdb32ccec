"""Bad and hostile input against every URL of the project, through the test client.

The sweep walks the project's URLconf, so no endpoint can be forgotten: every pattern is
either a case below (its path with a real slug, the methods it takes, the query
parameters and form fields its view reads with a valid value for each, the htmx targets
it knows) or exempt with a reason. Each case is sent, one field at a time, every hostile
value (markup, SQL fragments, NaN and infinities, negative and huge numbers, 10 kB
strings, RTL override, zero-width and NUL characters, lone surrogates and invalid UTF-8
as percent-encoded bytes, outside addresses, "%" signs that could be taken for
formatting), and each field missing and repeated, by every method it takes, the htmx
headers taking turns; then the methods it does not
take, a 1 MB and a 3 MB body, too many fields, unknown and odd slugs, and POSTs without
(and with) the CSRF token. Every response must

- never be a 5xx;
- carry a message a person can read when it is a 4xx;
- never hold hostile markup as markup (its escaped form may appear);
- write no row when it refuses the request, and give a refused answer back to correct;
- redirect only within the site;

and no NUL character may reach the database: PostgreSQL refuses them (a 500 in
production), so the test database is made to refuse them too.

After the sweep: the error pages, one student's session after logout, and admin rights
beyond what tests/learning/test_views.py, tests/knowledge_graph/test_admin.py and
tests/practice/test_admin.py check. ``check --deploy`` with production settings is
tests/test_settings.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import DataError, OperationalError, connection
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, resolve, reverse
from django.utils.html import escape

from knowledge_graph.models import Prerequisite, Topic
from learners.models import Learner
from learners.services import learner_ensure
from learning.models import Goal, KnownTopic
from learning.views import server_error
from practice.forms import VariantRef
from practice.models import Attempt, QuestionTemplate

PASSWORD = "a-long-Password-42"
NEW_PASSWORD = "another-long-Password-43"
FORM = "application/x-www-form-urlencoded"

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
MARKUP = (SCRIPT, ATTRIBUTE)  # never verbatim in any response
MARKUP_PIECES = ("<script>alert", "<img src=x", '"><img')  # never in an HTML response


def _q(text: str) -> str:
    return quote(text, safe="")


# Each value as sent: percent-encoded, so that bytes which are not UTF-8 can be sent too.
HOSTILE: dict[str, str] = {
    "script tag": _q(SCRIPT),
    "attribute breakout": _q(ATTRIBUTE),
    "SQL or": _q("' OR 1=1 --"),
    "SQL drop": _q("'; DROP TABLE knowledge_graph_topic; --"),
    "NaN": "NaN",
    "nan": "nan",
    "inf": "inf",
    "-inf": "-inf",
    "-1": "-1",
    "1e308": "1e308",
    "1e-400": "1e-400",
    "10**400": str(10**400),
    "10 kB": _q(SCRIPT * 400),
    "RTL override": _q("\u202e0.5"),
    "zero-width space": _q("0.5\u200b"),
    "NUL": _q("0.5\x00"),
    "lone surrogate": "%ED%A0%80",
    "invalid UTF-8": "%FF%FE%C0%AF",
    "javascript URL": _q("javascript:alert(1)"),
    "outside URL": _q("//evil.example/"),
    # Django %-formats a ValidationError's message when it has parameters: typed text
    # that reaches such a message must go in as a parameter.
    "percent": _q("50%"),
    "small percent": _q("5%"),
    "percent conversion": _q("abc%d"),
    "double percent": _q("100%%"),
    "named conversion": _q("%(x)s"),
}
# Path segments for slugs and plot names: unknown, long, and characters no slug has.
ODD_SLUGS = {
    "unknown": "no-such-thing",
    "long": "a" * 300,
    "script tag": _q(SCRIPT),
    "SQL": _q("' OR 1=1 --"),
    "NUL": "%00",
    "lone surrogate": "%ED%A0%80",
    "RTL override": "%E2%80%AE",
    "traversal": "..%2F..%2Fetc%2Fpasswd",
}
ONE_MB = _q(SCRIPT * 40_000)
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
TOO_MANY_FIELDS = "&".join(f"f{i}=1" for i in range(1001))
ACCEPTED = -1  # an expected status: any below 400
CSRF_TOKEN = "k" * 32


# ----------------------------------------------------------------------------- cases


def kl_question() -> QuestionTemplate:
    return QuestionTemplate.objects.filter(topic__slug="kl-divergence", is_active=True).first()


def fresh_variant() -> str:
    """A newly signed answer form for a KL divergence question, as the page hands out."""
    return VariantRef.new(kl_question().pk).sign()


_names = itertools.count()


def new_username() -> str:
    return f"newcomer{next(_names)}"


Value = str | Callable[[], str]


@dataclass(frozen=True)
class Case:
    """How one URL pattern is called: ``path`` with ``{}`` for the slug or name, the
    methods it takes (None: any), the query parameters and form fields its view reads
    with a valid value for each, the htmx targets it tells apart, whether it is called
    signed in, whether an accepted request may write rows, and the status for an
    unknown slug or name."""

    path: str
    methods: frozenset[str] | None
    slug: str = ""
    query: dict[str, Value] = field(default_factory=dict)
    form: dict[str, Value] = field(default_factory=dict)
    targets: tuple[str, ...] = ()
    signed_in: bool = False
    writes: bool = False
    unknown_status: int = 404

    def url(self, slug: str | None = None) -> str:
        return self.path.format(self.slug if slug is None else slug)


GET = frozenset({"GET"})
SAFE = frozenset({"GET", "HEAD"})
POST = frozenset({"POST"})
GET_POST = frozenset({"GET", "POST"})
BUTTON_FORM: dict[str, Value] = {"next": "/dashboard/", "plan": "kl-divergence", "page": "1"}
BUTTON_TARGETS = ("topic-actions", "dashboard", "plan")
DISTRIBUTIONS: dict[str, Value] = {"p": "0.5,0.3,0.2", "q": "0.2,0.3,0.5"}
MIXTURE: dict[str, Value] = {"sep": "5", "width": "0.8"}
LINE: dict[str, Value] = {
    "start": "-5",
    "end": "5",
    "parts": "2",
    "labels": "fraction",
    "marks": "1/2,-3",
    "show": "between",
    "a": "-2",
    "b": "3",
    "closed": "a",
}
GRAPH: dict[str, Value] = {
    "family": "quadratic",
    "a": "1",
    "b": "-2",
    "c": "-3",
    "xmin": "-4",
    "xmax": "4",
    "mark": "tangent",
    "x0": "2",
}


def button(route: str) -> Case:
    return Case(
        route,
        POST,
        slug="mutual-information",
        form=BUTTON_FORM,
        targets=BUTTON_TARGETS,
        writes=True,
    )


BARS: dict[str, Value] = {
    "family": "custom",
    "values": "0,1,2",
    "probs": "1/4,1/2,1/4",
    "mark": "mean",
}
VECTORS: dict[str, Value] = {"u": "3,1", "v": "-1,2", "w": "0,-2", "show": "angle"}


def plot(route: str, name: str, query: dict[str, Value]) -> Case:
    return Case(route, SAFE, slug=name, query=query, unknown_status=400)


CASES: dict[str, tuple[Case, ...]] = {
    "home": (Case("/", GET),),
    "topic_list": (
        Case(
            "/topics/",
            GET,
            query={
                "q": "entropy",
                "level": "graduate",
                "min_depth": "1",
                "max_depth": "40",
                "page": "1",
            },
            targets=("results",),
        ),
    ),
    "topic_detail": (Case("/topics/{}/", GET, slug="kl-divergence"),),
    "practice": (
        Case(
            "/topics/{}/practice/",
            GET_POST,
            slug="kl-divergence",
            query={"q": lambda: kl_question().slug},
            form={"answer": "0.5", "variant": fresh_variant},
            targets=("question-card",),
            writes=True,
        ),
    ),
    "plot_svg": (
        plot("/plots/{}.svg", "divergence", DISTRIBUTIONS),
        plot("/plots/{}.svg", "forward-reverse", MIXTURE),
        plot("/plots/{}.svg", "number-line", LINE),
        plot("/plots/{}.svg", "bars", BARS),
        plot("/plots/{}.svg", "vectors", VECTORS),
    ),
    "plot_page": (
        plot("/plots/{}/", "code-lengths", DISTRIBUTIONS),
        plot("/plots/{}/", "forward-reverse", MIXTURE),
        plot("/plots/{}/", "function", GRAPH),
        plot("/plots/{}/", "bars", BARS),
        plot("/plots/{}/", "vectors", VECTORS),
    ),
    "dashboard": (Case("/dashboard/", GET, targets=("dashboard",)),),
    "review": (Case("/review/", SAFE),),
    "plan": (Case("/plan/", GET, query={"page": "1"}, targets=("plan",)),),
    "plan_for": (
        Case("/plan/{}/", GET, slug="mutual-information", query={"page": "2"}, targets=("plan",)),
    ),
    "placement": (
        Case(
            "/placement/",
            GET_POST,
            query={"goal": "kl-divergence"},
            form={"action": "start", "goal": "kl-divergence"},
            writes=True,
        ),
    ),
    "known_add": (button("/known/{}/"),),
    "known_remove": (button("/known/{}/undo/"),),
    "goal_set": (button("/goals/{}/"),),
    "goal_remove": (button("/goals/{}/remove/"),),
    "signup": (
        Case(
            "/accounts/signup/",
            GET_POST,
            query={"next": "/plan/"},
            form={
                "username": new_username,
                "password1": PASSWORD,
                "password2": PASSWORD,
                "next": "/plan/",
            },
            writes=True,
        ),
    ),
    "login": (
        Case(
            "/accounts/login/",
            GET_POST,
            query={"next": "/plan/"},
            form={"username": "student", "password": PASSWORD, "next": "/plan/"},
        ),
    ),
    "logout": (Case("/accounts/logout/", POST, form={"next": "/topics/"}, signed_in=True),),
    "password_change": (
        Case(
            "/accounts/password/",
            GET_POST,
            form={
                "old_password": PASSWORD,
                "new_password1": NEW_PASSWORD,
                "new_password2": NEW_PASSWORD,
            },
            signed_in=True,
        ),
    ),
    "password_change_done": (Case("/accounts/password/done/", GET, signed_in=True),),
    # The admin's entry: anyone not staff is sent to its login, whatever the method.
    "admin:index": (Case("/admin/", None, query={"next": "/admin/"}),),
    # The lesson preview of the topic admin: the same for anyone not staff.
    "lesson_preview": (
        Case(
            "/admin/preview/lesson/",
            None,
            form={"title": "A lesson", "core_idea": "An idea.", "explainer": "Some $x^2$."},
        ),
    ),
}
EXEMPT_NAMESPACES = {
    "admin": (
        "Django's admin behind its entry: staff only; every one of its URLs sends anyone "
        "else to the admin login (test_every_admin_url_sends_non_staff_to_the_admin_login)"
    ),
}
EXEMPT: dict[str, str] = {}


def url_patterns(patterns=None, namespace: str = "", prefix: str = "") -> Iterator[tuple]:
    """``(namespace, id)`` of every pattern of the project; the id is ``namespace:name``
    (the route when the pattern has no name)."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            inner = f"{namespace}:{p.namespace}".strip(":") if p.namespace else namespace
            yield from url_patterns(p.url_patterns, inner, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            name = p.name or prefix + str(p.pattern)
            yield namespace, f"{namespace}:{name}" if namespace else name


def test_every_url_pattern_is_swept_or_exempt_with_a_reason():
    found = list(url_patterns())
    ids = [i for _, i in found]
    forgotten = [
        i
        for namespace, i in found
        if i not in CASES and i not in EXEMPT and namespace not in EXEMPT_NAMESPACES
    ]
    assert forgotten == [], "add a case to CASES (or an exemption with its reason)"
    assert sorted(set(CASES) - set(ids)) == []  # no case for a pattern that is gone
    assert "admin:index" in CASES and "admin:auth_user_change" in ids


# ----------------------------------------------------------------------------- calls


@dataclass(frozen=True)
class Call:
    """One request of the sweep. ``query`` and ``body`` are raw (percent-encoded);
    ``expect`` is the status when the sweep knows it; ``field``/``value`` name the hostile
    value sent, if any."""

    label: str
    method: str
    path: str
    query: str = ""
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    expect: int | None = None
    field: str = ""
    value: str = ""
    csrf: str | None = None  # None: not checked; "": no token; else the token sent


def _raw(value: Value) -> str:
    return _q(value() if callable(value) else value)


def _encode(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{k}={v}" for k, v in pairs)


def header_variants(case: Case) -> list[dict[str, str]]:
    return [
        {},
        {"HX-Request": "true"},
        *({"HX-Request": "true", "HX-Target": target} for target in case.targets),
        {"HX-Request": "true", "HX-Target": SCRIPT, "HX-Current-URL": "javascript:alert(1)"},
        {"HX-Request": "true", "HX-History-Restore-Request": "true"},
    ]


def field_calls(case: Case, method: str, headers: Iterator[dict[str, str]]) -> Iterator[Call]:
    """Calls by ``method`` (GET, HEAD: the query; POST: the form) with each field hostile,
    missing and repeated, unknown fields, and bodies too big or with too many fields."""
    fields = case.form if method == "POST" else case.query

    def make(label: str, pairs: list[tuple[str, str]], **more) -> Call:
        data = _encode(pairs)
        place = {"body": data} if method == "POST" else {"query": data}
        more.setdefault("headers", next(headers))
        return Call(label, method, case.url(), **place, **more)

    def valid(but: str = "") -> list[tuple[str, str]]:
        return [(k, _raw(v)) for k, v in fields.items() if k != but]

    yield make("valid", valid(), expect=None if case.methods is None else ACCEPTED)
    for name in fields:
        for label, raw in HOSTILE.items():
            yield make(f"{name}={label}", [*valid(but=name), (name, raw)], field=name, value=raw)
        yield make(f"{name} missing", valid(but=name))
        yield make(f"{name} repeated", [*valid(), (name, HOSTILE["script tag"])])
        yield make(f"{name} repeated", [(name, HOSTILE["NUL"]), *valid()])
    yield make("unknown fields", [*valid(), *((raw, raw) for raw in HOSTILE.values())])
    if method == "POST":
        first = next(iter(fields), "x")
        yield make("1 MB", [*valid(but=first), (first, ONE_MB)], field=first, value=ONE_MB)
    if fields and case.methods is not None:  # a view that reads its fields refuses these
        plain = {"headers": {}}  # some htmx answers read no field at all
        if method == "POST":
            yield make("3 MB", [("x", "y" * 3_000_000)], expect=400, **plain)
        yield make("too many fields", [(f"f{i}", "1") for i in range(1001)], expect=400, **plain)


def calls(case: Case) -> Iterator[Call]:
    """Every request the sweep sends for ``case``. Built lazily: valid values such as a
    freshly signed answer form are drawn just before their request is sent."""
    headers = itertools.cycle(header_variants(case))
    methods = sorted(case.methods or {"GET", "POST"})
    for method in methods:
        if method in ("GET", "HEAD", "POST"):
            yield from field_calls(case, method, headers)
    if case.methods is not None:
        for method in METHODS:
            if method not in case.methods:
                yield Call(f"wrong method {method}", method, case.url(), expect=405)
        yield Call("OPTIONS", "OPTIONS", case.url())
    if "{}" in case.path:
        for label, slug in ODD_SLUGS.items():
            expect = case.unknown_status if label in ("unknown", "long") else None
            yield Call(f"slug {label}", methods[0], case.url(slug), expect=expect)
    if "POST" in methods and case.methods is not None:
        body = _encode([(k, _raw(v)) for k, v in case.form.items()])
        htmx = {"HX-Request": "true", "HX-Target": (case.targets or ("main",))[0]}
        yield Call("no CSRF token", "POST", case.url(), body=body, expect=403, csrf="")
        yield Call(
            "no CSRF token, htmx", "POST", case.url(), body=body, headers=htmx, expect=403, csrf=""
        )
        yield Call("hostile CSRF token", "POST", case.url(), body=body, expect=403, csrf=SCRIPT)
        body = _encode([(k, _raw(v)) for k, v in case.form.items()])  # a new answer form
        yield Call("CSRF token", "POST", case.url(), body=body, expect=ACCEPTED, csrf=CSRF_TOKEN)


# ----------------------------------------------------------------------------- checks

COUNTED = (
    get_user_model(),
    Learner,
    KnownTopic,
    Goal,
    Attempt,
    Topic,
    Prerequisite,
    QuestionTemplate,
    Group,
)


def row_counts() -> dict[str, int]:
    """Rows of every table a request could write to, in one query."""
    tables = [model._meta.db_table for model in COUNTED]
    columns = ", ".join(f'(SELECT COUNT(*) FROM "{table}")' for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def readable(content: bytes) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", content.decode(errors="replace"), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def refused(response) -> bool:
    """Refused: a 4xx, or a form shown again with its errors."""
    return response.status_code >= 400 or any(
        mark in response.content for mark in (b"is-invalid", b"invalid-feedback", b"alert-danger")
    )


def refuse_nul(execute, sql, params, many, context):
    """Refuse a NUL character in a query parameter, as PostgreSQL does."""
    rows = params if many else [params]
    for row in rows or ():
        values = row.values() if isinstance(row, dict) else row or ()
        if any(isinstance(v, str) and "\x00" in v for v in values):
            raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return execute(sql, params, many, context)


@pytest.fixture(autouse=True)
def database_refuses_nul():
    with connection.execute_wrapper(refuse_nul):
        yield


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def student(db):
    return get_user_model().objects.create_user("student", password=PASSWORD)


def client_for(case: Case, call: Call, student) -> tuple[Client, dict[str, str]]:
    """A new client for ``call`` (signed in if the case is) and the headers to send."""
    client = Client(enforce_csrf_checks=call.csrf is not None)
    headers = dict(call.headers)
    if case.signed_in:
        student.set_password(PASSWORD)  # the call before may have changed it
        student.save(update_fields=["password"])
        client.force_login(student)
    if call.csrf:
        client.cookies["csrftoken"] = CSRF_TOKEN
        headers["X-CSRFToken"] = call.csrf
    return client, headers


def send(client: Client, call: Call, headers: dict[str, str]):
    url = f"{call.path}?{call.query}" if call.query else call.path
    return client.generic(
        call.method, url, data=call.body.encode(), content_type=FORM, headers=headers
    )


def check(case: Case, call: Call, response, before: dict[str, int]) -> None:
    where = f"{call.method} {call.path} [{call.label}] {call.headers}"
    status, content = response.status_code, response.content
    assert status < 500, where
    if call.expect == ACCEPTED:
        assert status < 400, (where, status, readable(content)[:300])
    elif call.expect is not None:
        assert status == call.expect, (where, status, readable(content)[:300])
    if status >= 400 and call.method != "HEAD":
        assert len(readable(content)) >= 20, (where, status, content[:300])
    for markup in MARKUP:
        assert markup.encode() not in content, where
    if response.get("Content-Type", "").startswith("text/html"):
        for piece in MARKUP_PIECES:
            assert piece.encode() not in content, (where, piece)
    elif content:  # plain text or an image: never read as HTML
        assert response["X-Content-Type-Options"] == "nosniff", where
    if 300 <= status < 400:
        location = urlsplit(response["Location"])
        assert location.scheme in ("", "http", "https"), (where, location)
        assert location.netloc in ("", "testserver"), (where, location)
    after = row_counts()
    if not case.writes or refused(response):
        assert after == before, (where, status, readable(content)[:300])
    if call.field == "answer" and call.method == "POST" and after == before:
        typed = QueryDict(f"answer={call.value}")["answer"]  # as the view reads it
        assert escape(typed) in content.decode(), (where, "the answer is not given back")


@pytest.mark.parametrize(
    "pattern, number",
    [(pattern, i) for pattern, cases in CASES.items() for i in range(len(cases))],
)
def test_hostile_input_is_refused_with_a_message_and_changes_nothing(
    pattern, number, curriculum, student
):
    case = CASES[pattern][number]
    tables = set(connection.introspection.table_names())
    topics = Topic.objects.count()
    for call in calls(case):
        client, headers = client_for(case, call, student)
        before = row_counts()
        check(case, call, send(client, call, headers), before)
    assert tables <= set(connection.introspection.table_names())
    assert Topic.objects.count() == topics


# URL names whose requests count against a limit (core/throttle.py), and the log-in.
THROTTLED = {
    "signup",
    "login",
    "known_add",
    "known_remove",
    "goal_set",
    "goal_remove",
    "practice",
    "plot_page",
    "plot_svg",
}


def test_over_its_limit_every_url_answers_429_with_a_message_and_changes_nothing(
    curriculum, student, settings
):
    """The sweep again, from one address, with every limit at one request an hour and
    a log-in locked after one failure: whatever is refused for a limit is a 429 that says
    when to try again, writes nothing, and never a 5xx."""
    settings.RATE_LIMITS = {name: "1/h" for name in settings.RATE_LIMITS}
    settings.AXES_FAILURE_LIMIT = 1
    throttled = set()
    for pattern, cases in CASES.items():
        for case in cases:
            for call in calls(case):
                client, headers = client_for(case, call, student)
                before = row_counts()
                response = send(client, call, headers)
                if response.status_code == 429:
                    throttled.add(pattern)
                    assert int(response["Retry-After"]) > 0, (pattern, call.label)
                    if call.method != "HEAD":
                        assert "Please try again in" in readable(response.content)
                    call = replace(call, expect=None)  # refused for the limit instead
                check(case, call, response, before)
    assert throttled == THROTTLED


# ----------------------------------------------------------------------------- what the sweep found


@pytest.mark.parametrize("target", ["nan", "inf", "-1", "dashboard", "' OR 1=1 --"])
def test_a_next_that_is_not_a_path_is_ignored_not_taken_for_a_view_name(client, curriculum, target):
    response = client.post("/known/mutual-information/", {"next": target})
    assert (response.status_code, response["Location"]) == (302, "/topics/mutual-information/")


def test_no_nul_character_reaches_the_database(client, curriculum):
    """PostgreSQL refuses them (here the test database does too): each is a 500 there."""
    for address in ["/topics/", "/topics/kl-divergence/practice/", "/admin/login/"]:
        response = client.get(address, {"q": "a\x00b"})
        assert response.status_code == 400
        assert "NUL character" in readable(response.content)
    pressed = client.post(
        "/known/mutual-information/", {"next": "/plan/\x00/"}, headers={"HX-Request": "true"}
    )
    assert pressed.status_code == 204 and KnownTopic.objects.count() == 1
    refresh = client.get("/plan/kl-divergence\x00/", headers={"HX-Request": "true"})
    assert refresh.status_code == 404  # no slug holds a NUL: the address matches no page


def test_an_answer_with_a_nul_character_is_given_back_with_where_the_problem_is(client, curriculum):
    response = client.post(
        "/topics/kl-divergence/practice/", {"answer": "0.5\x00", "variant": fresh_variant()}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Unexpected character U+0000 at position 3." in readable(response.content)
    assert 'value="0.5\x00"' in html and "is-invalid" in html
    assert not Attempt.objects.exists()


@pytest.mark.parametrize("body", ["next=/&x=" + "y" * 3_000_000, TOO_MANY_FIELDS])
def test_a_button_whose_form_cannot_be_read_changes_nothing(client, curriculum, body):
    response = client.post("/goals/mutual-information/", body, content_type=FORM)
    assert response.status_code == 400
    assert not Learner.objects.exists() and not Goal.objects.exists()
    assert "your current goal" not in readable(client.get("/").content)  # no message left


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/password/"])
def test_the_account_forms_take_only_what_a_form_sends(client, student, url, method):
    if url == "/accounts/password/":
        client.force_login(student)
    response = client.generic(method, url, data=b"old_password=x", content_type=FORM)
    assert response.status_code == 405
    assert "it takes GET, POST, HEAD, OPTIONS" in readable(response.content)


# ----------------------------------------------------------------------------- error pages


def assert_keeps_to_the_csp(response) -> None:
    """No inline style or script (the policy refuses them) and no inline handlers."""
    html = response.content.decode()
    assert "Content-Security-Policy" in response
    assert not re.search(r"<style|\sstyle=", html)
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or "nonce=" in tag, tag
    assert not re.search(r"<[^>]+\son[a-z]+=", html)


@pytest.mark.parametrize("cookie", [False, True], ids=["cookies blocked", "form expired"])
@pytest.mark.parametrize("htmx", [False, True])
def test_a_csrf_failure_explains_itself_in_the_site_layout(db, cookie, htmx):
    client = Client(enforce_csrf_checks=True)
    if cookie:
        client.get("/")  # sets the token cookie; the token sent below is an old one
    headers = {"HX-Request": "true", "HX-Target": "topic-actions"} if htmx else {}
    data = {"next": "/", "csrfmiddlewaretoken": "x" * 64}
    response = client.post("/known/kl-divergence/", data, headers=headers)
    assert response.status_code == 403
    text = readable(response.content)
    assert "The form expired or cookies are blocked" in text
    assert "Reload the page and try again" in text
    assert "Nothing was changed" in text
    assert 'class="navbar' in response.content.decode()  # the site's layout
    assert "CSRF verification failed" not in text  # not Django's own page
    assert_keeps_to_the_csp(response)
    assert not Learner.objects.exists()


@pytest.mark.parametrize(
    "path, status, words",
    [
        (f"/topics/?{TOO_MANY_FIELDS}", 400, "The request could not be understood."),
        ("/no/such/page/", 404, "There is nothing at this address."),
        ("/topics/no-such-topic/", 404, "No topic is called “no-such-topic”."),
        ("/known/kl-divergence/", 405, "does not take a GET request; it takes POST."),
        ("/accounts/logout/", 405, "does not take a GET request; it takes POST, OPTIONS."),
    ],
)
def test_error_pages_say_what_happened_in_the_site_layout(client, db, path, status, words):
    response = client.get(path)
    assert response.status_code == status
    text = readable(response.content)
    assert words in text
    assert "Resolver404" not in text and "Http404" not in text
    assert 'class="navbar' in response.content.decode()
    assert_keeps_to_the_csp(response)


def unreachable_database(request):
    raise OperationalError("the database cannot be reached")


urlpatterns = [path("broken/", unreachable_database)]
handler500 = server_error


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_500_page_needs_no_database_and_says_only_what_is_known(method):
    """No database here: a query made while rendering the page would fail the test."""
    client = Client(raise_request_exception=False)
    response = client.generic(method, "/broken/", data=b"answer=0.5", content_type=FORM)
    assert response.status_code == 500
    text = readable(response.content)
    assert "Something went wrong on our side" in text
    assert "Nothing you entered was lost" not in text
    sent = "What you just sent (an answer, a sign-up, a change) may or may not have been saved."
    assert (sent in text, "Nothing was changed." in text) == (method == "POST", method == "GET")
    assert 'class="navbar' not in response.content.decode()  # the template alone


def test_an_answer_stored_before_the_page_failed_is_not_called_lost(
    client, curriculum, monkeypatch
):
    """The answer is stored, then showing the feedback fails: the page may not say that
    nothing was lost, nor that nothing was saved."""

    def fail(*args, **kwargs):
        raise RuntimeError("the feedback could not be shown")

    monkeypatch.setattr("practice.views._render", fail)
    client.raise_request_exception = False
    response = client.post(
        "/topics/kl-divergence/practice/", {"answer": "0.5", "variant": fresh_variant()}
    )
    assert response.status_code == 500 and Attempt.objects.count() == 1
    text = readable(response.content)
    assert "Nothing you entered was lost" not in text and "Nothing was changed" not in text
    assert "may or may not have been saved" in text


# ----------------------------------------------------------------------------- sessions


def username_shown(client: Client) -> str | None:
    html = client.get("/dashboard/").content.decode()
    match = re.search(r'data-testid="username">([^<]*)<', html)
    return match.group(1) if match else None


def test_a_session_cookie_replayed_after_logout_or_a_password_change_opens_nothing(curriculum):
    student = get_user_model().objects.create_user("ada", password=PASSWORD)
    ada = Client()
    signed_in = ada.post("/accounts/login/", {"username": "ada", "password": PASSWORD})
    assert signed_in.status_code == 302
    ada.post("/known/mutual-information/", {"next": "/"})
    ada.post("/goals/kl-divergence/", {"next": "/"})
    stolen = ada.cookies["sessionid"].value

    thief = Client()
    thief.cookies["sessionid"] = stolen
    assert username_shown(thief) == "ada"  # while Ada is signed in, the cookie is hers
    ada.post("/accounts/logout/")

    thief.cookies["sessionid"] = stolen
    assert username_shown(thief) is None
    assert "Mutual Information" not in thief.get("/dashboard/").content.decode()
    thief.cookies["sessionid"] = stolen
    thief.post("/known/shannon-entropy/", {"next": "/"})
    thief.cookies["sessionid"] = stolen
    thief.post("/goals/kl-divergence/remove/", {"next": "/"})
    mine = Learner.objects.get(user=student)
    assert set(mine.known.values_list("topic__slug", flat=True)) == {"mutual-information"}
    assert set(mine.goals.values_list("topic__slug", flat=True)) == {"kl-divergence"}
    assert not Learner.objects.filter(session_key=stolen).exists()

    # Signed in again, Ada changes her password: a cookie taken before is worth nothing.
    ada.post("/accounts/login/", {"username": "ada", "password": PASSWORD})
    stolen = ada.cookies["sessionid"].value
    other = Client()
    other.cookies["sessionid"] = stolen
    assert username_shown(other) == "ada"
    changed = ada.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert changed.status_code == 302 and username_shown(ada) == "ada"
    other.cookies["sessionid"] = stolen
    assert username_shown(other) is None


# ----------------------------------------------------------------------------- the admin


@pytest.fixture
def instructor(db):
    call_command("create_instructor", "ines", password=PASSWORD, verbosity=0)
    return get_user_model().objects.get(username="ines")


@pytest.fixture
def root(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)


def admin_routes() -> Iterator[tuple[URLPattern, str]]:
    """Every pattern of the admin with its full route ("/admin/auth/user/<id>/password/")."""

    def walk(patterns, prefix: str):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                yield p, prefix + str(p.pattern)

    admin_site = next(
        p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "admin"
    )
    yield from walk(admin_site.url_patterns, "/admin/")


def admin_url(route: str) -> str:
    """``route`` with a real object for its id (of the model it is under), an app label
    or an unknown address for its other parameters."""
    object_id = ""
    for model in apps.get_models():
        if route.startswith(f"/admin/{model._meta.app_label}/{model._meta.model_name}/"):
            pks = model._default_manager.order_by("pk").values_list("pk", flat=True)
            object_id = str(pks.first())
    url = route.replace("<path:object_id>", object_id).replace("<id>", object_id)
    url = re.sub(r"\(\?P<app_label>[^)]*\)", "knowledge_graph", url)
    url = url.replace("(?P<url>.*)", "no/such/page/")
    return url.replace("^", "").replace("$", "")


ADMIN_NOT_BEHIND_LOGIN = {
    "login": "the admin's login page itself",
    "logout": "logs out whoever calls it (POST only)",
    "view_on_site": "a public redirect to the object's own page on the site, if it has one",
}


def test_every_admin_url_sends_non_staff_to_the_admin_login(curriculum, student, instructor):
    question = kl_question()
    Attempt.objects.create(  # so that every model of the admin has an object to ask for
        learner=learner_ensure(user=student, session_key=None),
        question=question,
        seed=1,
        variant={},
        expected=1.0,
        raw_answer="1",
        value=1.0,
        correct=True,
    )
    users = {"anonymous": None, "student": student}
    checked = 0
    for pattern, route in admin_routes():
        if pattern.name in ADMIN_NOT_BEHIND_LOGIN:
            continue
        url = admin_url(route)
        assert resolve(url).func is pattern.callback, (route, url)  # the URL is the pattern's
        for who, user in users.items():
            for method in ("GET", "POST"):
                client = Client()
                if user:
                    client.force_login(user)
                response = client.generic(method, url, data=b"is_superuser=on", content_type=FORM)
                assert response.status_code == 302, (who, method, url, response.status_code)
                assert response["Location"].startswith("/admin/login/?next="), (who, url)
                checked += 1
    assert checked >= 4 * 40
    student.refresh_from_db()
    assert not student.is_staff and not student.is_superuser


def test_a_non_staff_user_sees_the_admin_login_and_cannot_sign_in_there(student):
    client = Client()
    client.force_login(student)
    page = client.get("/admin/login/")
    assert page.status_code == 200
    assert "You are authenticated as student, but are not authorized" in readable(page.content)
    tried = client.post("/admin/login/", {"username": "student", "password": PASSWORD})
    assert tried.status_code == 200 and "staff account" in readable(tried.content)
    assert client.get("/admin/").status_code == 302


def test_an_instructor_can_neither_see_nor_change_users_or_groups(instructor, root):
    client = Client()
    client.force_login(instructor)
    group = Group.objects.get(name="Instructors")
    all_permissions = list(range(1, 200))
    attempts = {
        reverse("admin:auth_user_add"): {
            "username": "mallory",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
        },
        **{
            reverse(f"admin:auth_user_{view}", args=[user.pk]): {
                "username": user.username,
                "is_staff": "on",
                "is_superuser": "on",
                "is_active": "on",
                "groups": [group.pk],
                "user_permissions": all_permissions,
                "post": "yes",
            }
            for user in (instructor, root)
            for view in ("change", "delete", "history")
        },
        **{
            reverse("admin:auth_user_password_change", args=[user.pk]): {
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "usable_password": "true",
            }
            for user in (instructor, root)
        },
        reverse("admin:auth_group_add"): {"name": "Admins", "permissions": all_permissions},
        **{
            reverse(f"admin:auth_group_{view}", args=[group.pk]): {
                "name": group.name,
                "permissions": all_permissions,
                "post": "yes",
            }
            for view in ("change", "delete", "history")
        },
    }
    permissions = set(group.permissions.values_list("pk", flat=True))
    for url, data in attempts.items():
        assert client.get(url).status_code == 403, url
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "You do not have permission to see this page." in readable(response.content)

    instructor.refresh_from_db()
    root.refresh_from_db()
    assert not instructor.is_superuser and not instructor.user_permissions.exists()
    assert root.check_password(PASSWORD) and instructor.check_password(PASSWORD)
    assert set(group.permissions.values_list("pk", flat=True)) == permissions
    users = get_user_model().objects.order_by("username")
    assert list(users.values_list("username", flat=True)) == ["ines", "root"]
    assert list(Group.objects.values_list("name", flat=True)) == ["Instructors"]
