"""A production-like load run (not part of the test suite; run it by hand):

    .venv/bin/python benchmarks/load.py [--students 50] [--requests 40] [--seconds 120]

1. (Re)creates the PostgreSQL database ``kl_tutor_load`` on 127.0.0.1:5432, migrates it,
   loads the curriculum and collects the static files, with DEBUG off.
2. Starts gunicorn (4 gthread workers, sharing a Redis cache) on a free loopback port with
   ``benchmarks.load_settings``: the production settings plus a ``/plain/`` page, plain
   http (no SSL redirect, no secure cookies).
3. Drives many concurrent students, each a thread with its own connection, cookie jar
   and CSRF token, through the scenario below (browse, search, practise, send an answer
   form twice, move a plot's control, mark known, set goals, open the plan and the
   dashboard; whichever of these the URLconf has), bounded in requests
   and time. Every answer a student submits carries a marker unique to that student
   and submission; afterwards the database must hold each exactly once.
4. The same load shape against ``/plain/``; prints both and their ratios.

gunicorn is stopped at the end, also on error. Nothing leaves the loopback interface.
Exit status: 0 when there were no errors and every attempt was stored exactly once.

To extend the scenario add an ``@action`` function: it receives the ``Student`` and
makes one or more requests; ``needs`` names the URL names it requires (the action is
left out, and reported, while the URLconf lacks them).
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PGHOST, PGPORT, PGUSER = "127.0.0.1", "5432", "postgres"
DATABASE = "kl_tutor_load"
HOST = "127.0.0.1"


# ---------------------------------------------------------------------------- setup


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-d", "postgres", "-v",
         "ON_ERROR_STOP=1", "-qc", sql],
        check=True,
    )  # fmt: skip


def server_environment(static_root: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.load_settings",
        "DATABASE_URL": f"postgres://{PGUSER}@{PGHOST}:{PGPORT}/{DATABASE}",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "LOAD_STATIC_ROOT": static_root,
        "LOG_LEVEL": "ERROR",
        "CACHE_URL": "redis://127.0.0.1:6379/14",
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",  # each student's address (Student.request)
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict[str, str], *args: str) -> None:
    t0 = time.perf_counter()
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    print(f"  manage.py {' '.join(args):<28} {time.perf_counter() - t0:5.1f} s")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn on a free loopback port; ``stop()`` ends it (and only it)."""

    def __init__(self, env: dict[str, str], workers: int, threads: int, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.proc = subprocess.Popen(
            [str(GUNICORN), "config.wsgi", "--bind", f"{HOST}:{self.port}",
             "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
             "--timeout", "60", "--graceful-timeout", "10", "--keep-alive", "5",
             "--error-logfile", str(log), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_ready(self, path: str = "/plain/", timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: see {self.log}\n{self.log.read_text()}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                conn.request("GET", path)
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer {path} within {timeout} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # the arbiter stops its workers gracefully
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ------------------------------------------------------------------------- students


class StopRun(Exception):
    """The student's request budget or the run's time is used up."""


@dataclass
class Record:
    action: str
    method: str
    path: str
    status: int
    seconds: float
    error: str = ""


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    def location(self) -> str:
        return self.headers.get("Location", "")


class Student:
    """One browser: its own keep-alive connection, cookie jar and CSRF token."""

    def __init__(self, n: int, port: int, budget: int, deadline: float, seed: int) -> None:
        self.n = n
        self.port = port
        self.budget = budget
        self.deadline = deadline
        self.rng = random.Random(seed * 1000 + n)
        self.cookies: dict[str, str] = {}
        self.records: list[Record] = []
        self.submitted: list[str] = []  # answer markers whose POST was accepted
        self.state: dict = {}  # whatever actions want to remember (practice form, ...)
        self.action = ""
        self.conn: http.client.HTTPConnection | None = None
        self._submissions = 0

    # -- HTTP
    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(
        self,
        method: str,
        path: str,
        data: dict | None = None,
        *,
        expect: tuple[int, ...] = (200,),
        headers: dict[str, str] | None = None,
    ) -> Response:
        if len(self.records) >= self.budget or time.monotonic() >= self.deadline:
            raise StopRun
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        hdrs = {
            "Host": f"{HOST}:{self.port}",
            "User-Agent": f"load-student-{self.n}",
            # Each student its own address, as a proxy in front would say (the per-address
            # limits count students apart; only a header: every request goes to loopback).
            "X-Real-IP": f"198.18.{self.n // 256}.{self.n % 256}",
        }
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
            hdrs["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        hdrs.update(headers or {})
        t0 = time.perf_counter()
        status, error, resp = 0, "", None
        for attempt in (1, 2):
            try:
                conn = self._connection()
                conn.request(method, path, body=body, headers=hdrs)
                r = conn.getresponse()
                resp = Response(r.status, r.headers, r.read().decode("utf-8", "replace"))
                status = r.status
                if r.headers.get("Connection", "").lower() == "close":
                    self.close()
                break
            except (http.client.HTTPException, OSError) as exc:
                self.close()
                error = f"{type(exc).__name__}: {exc}"
                # A GET on a keep-alive connection the server had just closed is retried
                # once; a POST never is, or an answer could be stored twice.
                if method != "GET" or attempt == 2:
                    break
        seconds = time.perf_counter() - t0
        if resp is not None:
            error = ""
            for morsel in http.cookies.SimpleCookie(
                "\n".join(resp.headers.get_all("Set-Cookie") or [])
            ).values():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(morsel.key, None)
                else:
                    self.cookies[morsel.key] = morsel.value
            if status not in expect:
                snippet = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", resp.body))[:160]
                error = f"HTTP {status} (expected {expect}): {snippet}"
        self.records.append(Record(self.action, method, path, status, seconds, error))
        return resp if resp is not None else Response(0, http.client.HTTPMessage(), "")

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, data: dict, **kw) -> Response:
        data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}
        return self.request("POST", path, data, **kw)

    def marker(self) -> str:
        """A plausible numeric answer, unique to this student and submission."""
        self._submissions += 1
        return f"0.{self.n:04d}{self._submissions:04d}1"


# -------------------------------------------------------------------------- scenario


@dataclass
class Action:
    name: str
    weight: int
    run: Callable[[Student], None]
    needs: tuple[str, ...] = ()


ACTIONS: list[Action] = []
WORDS: list[str] = []  # search words, filled from the topic titles
SLUGS: list[str] = []  # every topic's slug
QUESTION_TOPICS: list[str] = []  # topics with practice questions


def action(weight: int, needs: tuple[str, ...] = ()) -> Callable:
    def register(fn: Callable[[Student], None]) -> Callable[[Student], None]:
        ACTIONS.append(Action(fn.__name__, weight, fn, needs))
        return fn

    return register


@action(weight=2)
def home(s: Student) -> None:
    s.get("/")


@action(weight=3)
def kl_page(s: Student) -> None:
    s.get("/topics/kl-divergence/")


@action(weight=5)
def topic_page(s: Student) -> None:
    s.get(f"/topics/{s.rng.choice(SLUGS)}/")


@action(weight=3)
def search(s: Student) -> None:
    s.get("/topics/?" + urllib.parse.urlencode({"q": s.rng.choice(WORDS)}))


@action(weight=2)
def search_htmx(s: Student) -> None:
    q = urllib.parse.urlencode({"q": s.rng.choice(WORDS), "level": s.rng.choice(["", "graduate"])})
    s.get(f"/topics/?{q}", headers={"HX-Request": "true", "HX-Target": "results"})


@action(weight=1)
def missing_topic(s: Student) -> None:
    s.get(f"/topics/no-such-topic-{s.n}/", expect=(404,))


def _form_fields(html: str, form_marker: str) -> tuple[str, dict[str, str]] | None:
    """The action and hidden/named inputs of the first form containing ``form_marker``."""
    for m in re.finditer(r"<form\b([^>]*)>(.*?)</form>", html, re.S):
        attrs, inner = m.group(1), m.group(2)
        if form_marker not in m.group(0):
            continue
        act = re.search(r'(?:hx-post|action)="([^"]*)"', attrs)
        fields = {}
        for inp in re.finditer(r"<input\b([^>]*)>", inner):
            name = re.search(r'name="([^"]*)"', inp.group(1))
            value = re.search(r'value="([^"]*)"', inp.group(1))
            if name:
                fields[name.group(1)] = value.group(1) if value else ""
        return (act.group(1) if act else ""), fields
    return None


def _answer(s: Student, times: int) -> None:
    """Open a practice page and send its answer form ``times`` times with one marker:
    a double click when ``times`` is 2. The marker is counted once, as soon as one POST
    is accepted (a second may not be sent when the student's budget runs out)."""
    slug = s.rng.choice(QUESTION_TOPICS or ["kl-divergence"])
    page = s.get(f"/topics/{slug}/practice/")
    form = _form_fields(page.body, 'name="answer"')
    if form is None:
        s.records[-1].error = "no answer form on the practice page"
        return
    url, fields = form
    answer = s.marker()
    for _ in range(times):
        resp = s.post(url or f"/topics/{slug}/practice/", {**fields, "answer": answer},
                      expect=(200, 302, 303))  # fmt: skip
        if resp.status in (200, 302, 303) and answer not in s.submitted[-1:]:
            s.submitted.append(answer)


@action(weight=6, needs=("practice",))
def practise(s: Student) -> None:
    _answer(s, 1)


@action(weight=2, needs=("practice",))
def double_submit(s: Student) -> None:
    """The same answer form sent twice: stored once."""
    _answer(s, 2)


def _topic_action(s: Student, label: str, expect=(200, 302, 303)) -> None:
    slug = s.rng.choice(SLUGS)
    page = s.get(f"/topics/{slug}/")
    form = _form_fields(page.body, label)
    if form is None:
        s.records[-1].error = f"no “{label}” form on /topics/{slug}/"
        return
    url, fields = form
    s.post(url, fields, expect=expect)


def _distribution(s: Student) -> str:
    counts = [s.rng.randint(1, 18) for _ in range(3)]
    while sum(counts) != 20:
        counts = [s.rng.randint(1, 18) for _ in range(3)]
    return ",".join(f"{c / 20:g}" for c in counts)


@action(weight=3, needs=("plot_page", "plot_svg"))
def move_plot(s: Student) -> None:
    """Move a plot's control (the htmx fragment), then load the image it names."""
    if s.rng.random() < 0.5:
        name, query = "divergence", {"p": _distribution(s), "q": _distribution(s)}
    else:
        name, query = "forward-reverse", {"sep": s.rng.choice(range(0, 11)), "width": 0.8}
    qs = urllib.parse.urlencode(query)
    page = s.get(f"/plots/{name}/?{qs}", headers={"HX-Request": "true"})
    image = re.search(r'<img[^>]+src="([^"]+)"', page.body)
    if image is None:
        s.records[-1].error = "no plot image in the fragment"
        return
    s.get(image.group(1).replace("&amp;", "&"))


@action(weight=2, needs=("known_add",))
def mark_known(s: Student) -> None:
    _topic_action(s, "I know this")


@action(weight=1, needs=("goal_set",))
def set_goal(s: Student) -> None:
    _topic_action(s, "Set as goal")


@action(weight=2, needs=("plan",))
def plan(s: Student) -> None:
    s.get("/plan/")


@action(weight=1, needs=("dashboard",))
def dashboard(s: Student) -> None:
    s.get("/dashboard/", expect=(200, 302))


def student_app(s: Student, actions: list[Action]) -> None:
    s.action = "home"
    s.get("/")  # the CSRF cookie
    weights = [a.weight for a in actions]
    while True:
        a = s.rng.choices(actions, weights)[0]
        s.action = a.name
        a.run(s)


def student_plain(s: Student, actions: list[Action]) -> None:
    s.action = "plain"
    while True:
        s.get("/plain/")


# ------------------------------------------------------------------------------ run


@dataclass
class Phase:
    name: str
    wall: float
    records: list[Record]
    submitted: list[str] = field(default_factory=list)

    @property
    def latencies(self) -> list[float]:
        return sorted(r.seconds for r in self.records)

    @property
    def errors(self) -> list[Record]:
        return [r for r in self.records if r.error]

    def rps(self) -> float:
        return len(self.records) / self.wall

    def pct(self, q: float) -> float:
        lat = self.latencies
        if not lat:
            return float("nan")
        return lat[min(len(lat) - 1, int(round(q * (len(lat) - 1))))]


def run_phase(name, body, port, students, budget, seconds, seed, actions) -> Phase:
    deadline = time.monotonic() + seconds
    crowd = [Student(n, port, budget, deadline, seed) for n in range(students)]
    failures: list[str] = []

    def run(s: Student) -> None:
        try:
            body(s, actions)
        except StopRun:
            pass
        except Exception as exc:  # a bug in the driver must show, not hang the run
            failures.append(f"student {s.n} in {s.action}: {type(exc).__name__}: {exc}")
        finally:
            s.close()

    threads = [threading.Thread(target=run, args=(s,), daemon=True) for s in crowd]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    wall = time.perf_counter() - t0
    if failures:
        raise RuntimeError("driver failures:\n  " + "\n  ".join(failures[:10]))
    records = [r for s in crowd for r in s.records]
    submitted = [m for s in crowd for m in s.submitted]
    if time.monotonic() >= deadline:
        print(f"  {name}: hard stop after {seconds} s")
    return Phase(name, wall, records, submitted)


def verify_attempts(submitted: list[str]) -> list[str]:
    """Each submitted marker is stored exactly once; no other attempt has a marker."""
    if not submitted:
        return []
    from practice.models import Attempt

    stored = Counter(
        Attempt.objects.filter(raw_answer__startswith="0.").values_list("raw_answer", flat=True)
    )
    problems = []
    for marker in submitted:
        if stored[marker] != 1:
            problems.append(f"answer {marker} stored {stored[marker]} times")
    unknown = set(stored) - set(submitted)
    if unknown:
        problems.append(f"{len(unknown)} stored answers nobody submitted, e.g. {min(unknown)}")
    return problems


def print_phase_actions(phase: Phase) -> None:
    by_action: dict[str, list[Record]] = defaultdict(list)
    for r in phase.records:
        by_action[r.action].append(r)
    print(f"\n{phase.name}: per action")
    print(f"  {'action':<16} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8}")
    for name, recs in sorted(by_action.items()):
        lat = sorted(r.seconds for r in recs)
        p99 = lat[min(len(lat) - 1, int(round(0.99 * (len(lat) - 1))))]
        errs = sum(1 for r in recs if r.error)
        print(
            f"  {name:<16} {len(recs):>8} {errs:>6} "
            f"{statistics.median(lat) * 1e3:>8.1f} {p99 * 1e3:>8.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="per student")
    parser.add_argument("--seconds", type=float, default=120, help="hard stop per phase")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4, help="per gunicorn worker")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--keep-db", action="store_true", help="leave kl_tutor_load behind")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="kl-load-"))
    env = server_environment(str(workdir / "static"))
    print(f"== setting up {DATABASE} (DEBUG off) in {workdir}")
    psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_curriculum")
        manage(env, "collectstatic", "--noinput")

        # The driver reads the same database (topic slugs, the URLconf, the check).
        for key in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG", "SECRET_KEY",
                    "ALLOWED_HOSTS", "LOAD_STATIC_ROOT", "SECURE_SSL_REDIRECT"):  # fmt: skip
            os.environ[key] = env[key]
        import django

        django.setup()
        from django.urls import get_resolver

        from knowledge_graph.models import Topic

        names = {k for k in get_resolver().reverse_dict if isinstance(k, str)}
        SLUGS[:] = list(Topic.objects.values_list("slug", flat=True))
        WORDS[:] = sorted(
            {w.lower() for t in Topic.objects.values_list("title", flat=True) for w in
             re.findall(r"[A-Za-z]{4,}", t)}
        )  # fmt: skip
        try:
            QUESTION_TOPICS[:] = list(
                Topic.objects.filter(questions__is_active=True)
                .values_list("slug", flat=True)
                .distinct()
            )
        except Exception:  # the practice app without questions yet
            QUESTION_TOPICS[:] = []
        actions = [a for a in ACTIONS if all(n in names for n in a.needs)]
        missing = [f"{a.name} (needs {', '.join(a.needs)})" for a in ACTIONS if a not in actions]
        print(f"  {len(SLUGS)} topics; actions: {', '.join(a.name for a in actions)}")
        if missing:
            print(f"  left out, the URLconf lacks them: {'; '.join(missing)}")

        server = Gunicorn(env, args.workers, args.threads, workdir / "gunicorn.log")
        server.wait_ready()
        print(
            f"== gunicorn on {HOST}:{server.port}: {args.workers} gthread workers × "
            f"{args.threads} threads; {args.students} students × {args.requests} requests"
        )
        shape = (server.port, args.students, args.requests, args.seconds, args.seed, actions)
        app = run_phase("app (mixed)", student_app, *shape)
        plain = run_phase("/plain/", student_plain, *shape)
    finally:
        if server is not None:
            server.stop()
            log = server.log.read_text() if server.log.exists() else ""
            if "Traceback" in log or "ERROR" in log:
                print(f"\n== gunicorn's error log ({server.log}):\n{log[-4000:]}")

    problems = verify_attempts(app.submitted)
    if not args.keep_db:
        from django.db import connections

        connections.close_all()
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")

    print_phase_actions(app)
    print(f"\n{'scenario':<14} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} "
          f"{'p99 ms':>8}")  # fmt: skip
    for ph in (app, plain):
        print(
            f"{ph.name:<14} {len(ph.records):>8} {len(ph.errors):>6} {ph.rps():>8.1f} "
            f"{ph.pct(0.5) * 1e3:>8.1f} {ph.pct(0.99) * 1e3:>8.1f}"
        )
    print(
        f"{'app / plain':<14} {'':>8} {'':>6} {app.rps() / plain.rps():>7.2f}x "
        f"{app.pct(0.5) / plain.pct(0.5):>7.2f}x {app.pct(0.99) / plain.pct(0.99):>7.2f}x"
    )
    print(f"\nattempts submitted: {len(app.submitted)}; stored exactly once: "
          f"{'yes' if not problems else 'NO'}")  # fmt: skip
    for r in (app.errors + plain.errors)[:20]:
        print(f"  error: {r.action} {r.method} {r.path}: {r.error}")
    for p in problems[:20]:
        print(f"  attempt: {p}")
    return 1 if (app.errors or plain.errors or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
