"""Browser tests: Playwright's sync API drives Debian's Chromium against pytest-django's
live server (which serves static files through ``django.contrib.staticfiles``).

One browser for the whole package, a fresh context and page per test. Every page
records console errors, uncaught exceptions and failed requests; a test that leaves
any behind fails, because under the strict Content Security Policy a refused script
or style only ever shows up there. A failing test leaves a screenshot in
``test-artifacts/<test name>.png``.

Set ``SKIP_BROWSER=1`` to skip these tests on a machine without Chromium; without
it a missing Chromium is an error, not a skip (``scripts/ensure_chromium`` installs it).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import connection

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-features=Translate,MediaRouter,OptimizationHints",
]
# Playwright's default timeout is 30 s; a page of this app answers in well under one.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if os.environ.get("SKIP_BROWSER") == "1":
                item.add_marker(pytest.mark.skip(reason="SKIP_BROWSER=1"))


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, answering one request at a time on SQLite.

    The SQLite test database lives in memory, shared between the live server's threads
    through SQLite's shared cache, where a writer locks a whole table and a reader beside
    it fails at once with "database table is locked" instead of waiting: a page's write
    (setting a goal) and the reads htmx sends around it then turn into 500s that no
    deployment sees (a file database makes them wait their turn). Taking requests in
    turn is what that wait amounts to. PostgreSQL makes its own readers and writers wait
    and is left as it is."""
    if connection.vendor == "sqlite":
        server = live_server.thread.httpd
        application = server.get_app()
        turn = threading.Lock()

        def one_at_a_time(environ, start_response):
            with turn:
                return application(environ, start_response)

        server.set_app(one_at_a_time)
    return live_server


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser() -> Iterator:
    """One Chromium for all browser tests (they run one after the other: pytest-django
    orders transactional tests together), closed when they are done."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run scripts/ensure_chromium (or set SKIP_BROWSER=1)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop registered as running on this
    # thread, which Django's async-safety check mistakes for async code calling the
    # ORM (in fixtures, flushes and the test bodies). Allowed only while it runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class PageProblems:
    """What went wrong in the page that the user would not see as a failed assertion."""

    errors: list[str] = field(default_factory=list)
    allowed: list[re.Pattern] = field(default_factory=list)

    def allow(self, pattern: str) -> None:
        """Expect console errors matching ``pattern`` (e.g. a 4xx answer htmx swaps in)."""
        self.allowed.append(re.compile(pattern))

    def add(self, message: str) -> None:
        self.errors.append(message)

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(p.search(e) for p in self.allowed)]


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def page(browser, live_server, request, page_problems) -> Iterator:
    """A fresh page (own cookies) whose relative URLs go to the live server."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    # Loopback only: anything addressed elsewhere is refused and reported.
    origin = live_server.url

    def guard(route) -> None:
        url = route.request.url
        if url.startswith(origin) or url.startswith("data:"):
            route.continue_()
        else:
            page_problems.add(f"request to another site blocked: {url}")
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.on(
        "console",
        lambda msg: (
            page_problems.add(f"console.{msg.type}: {msg.text}")
            if msg.type in ("error", "warning") and "[DOM]" not in msg.text
            else None
        ),
    )
    pg.on("pageerror", lambda exc: page_problems.add(f"uncaught exception: {exc}"))
    pg.on(
        "response",
        lambda resp: (
            page_problems.add(f"HTTP {resp.status} for {resp.url}") if resp.status >= 500 else None
        ),
    )
    yield pg
    problems = page_problems.unexpected()
    failed = getattr(request.node, "rep_call", None)
    if (failed is not None and failed.failed) or problems:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception as exc:  # a crashed page must not hide the real failure
            print(f"screenshot failed: {exc}")
    context.close()
    if problems:
        pytest.fail(
            "the page reported problems (CSP violations show up here):\n  " + "\n  ".join(problems),
            pytrace=False,
        )


@pytest.fixture
def kl(curriculum):
    """The shipped curriculum, loaded into this test's (transactional) database."""
    return curriculum
