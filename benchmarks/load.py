"""A production-like load run (not part of the test suite; run it by hand):

    .venv/bin/python benchmarks/load.py [--students 50] [--requests 40] [--pause 1.0]

1. (Re)creates the PostgreSQL database ``kl_tutor_load`` on 127.0.0.1:5432, migrates it,
   loads the curriculum and collects the static files, with DEBUG off.
2. Starts gunicorn (4 gthread workers, sharing a Redis cache) on a free loopback port with
   ``benchmarks.load_settings``: the production settings plus a ``/plain/`` page, plain
   http (no SSL redirect, no secure cookies).
3. Drives many concurrent students, each a thread with its own connection, cookie jar
   and CSRF token, through the scenario below (browse, search, practise, send an answer
   form twice, move a plot's control, mark known, set goals, open the plan and the
   dashboard; whichever of these the URLconf has), bounded in requests and time. The
   students behave as the pages' htmx does in a browser: an answer is posted to the
   question card and the next question is loaded into it in place; a button posts,
   gets 204 and the blocks it changed fetch themselves again. Every answer a student
   submits carries a marker unique to that student and submission; afterwards the
   database must hold each exactly once. A warm-up run comes first, not measured (its
   answers are checked).
4. Two measured runs of the mixed load: "back to back" (each student sends its next
   request as soon as the last is answered: the server saturated, which gives its
   throughput, compared with the same load against a plain ``/plain/`` view), and
   "reading" (each student reads for a while between requests, ``--pause`` seconds on
   average, drawn from an exponential distribution: 50 students on a page at once).
   The latency aim (``--p99-aim``, 300 ms) is for the reading students: back to back,
   50 students on two cores must queue whatever each request costs.
5. For each run, per kind of request: its count, median and p99 as the student saw them,
   the p99 of the time spent in the application (``X-Server-Seconds``), and the share
   of the server's CPU (each response carries the CPU time its request took,
   ``benchmarks/load_cpu.py``); and the server's CPU, the driver's and the wall time.
6. The fault leg: the reading load again, for ``--fault-seconds`` (45 s), while the
   cache (the run's own Redis, started on a free port) is stopped a third of the way in
   and started again at two thirds, and one gunicorn worker is killed half-way (the
   arbiter starts another); the run fails if a fault came after the students stopped. Requests
   must go on without a 5xx; only the requests the killed worker held may fail (their
   connection is cut). Every answer the server accepted is stored exactly once, one
   whose connection was cut at most once, none twice.

gunicorn and the run's Redis are stopped at the end, also on error. Nothing leaves the
loopback interface. Exit status: 0 when there were no errors (beyond the cut connections
of the fault leg), every attempt was stored as above, and the reading students' p99 met
the aim.

To extend the scenario add an ``@action`` function: it receives the ``Student`` and
makes one or more requests; ``needs`` names the URL names it requires (the action is
left out, and reported, while the URLconf lacks them).
"""

from __future__ import annotations

import argparse
import http.client
import http.cookies
import itertools
import os
import random
import re
import secrets
import socket
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
KEEP_ALIVE = 5  # seconds gunicorn keeps an idle connection open


# ---------------------------------------------------------------------------- setup


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", PGHOST, "-p", PGPORT, "-U", PGUSER, "-d", "postgres", "-v",
         "ON_ERROR_STOP=1", "-qc", sql],
        check=True,
    )  # fmt: skip


def server_environment(static_root: str, redis_port: int) -> dict[str, str]:
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
        "CACHE_URL": f"redis://{HOST}:{redis_port}/0",
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


class Redis:
    """A Redis of the run's own on a free loopback port, keeping nothing on disk, so the
    fault leg can stop it without touching anything else on the machine."""

    def __init__(self) -> None:
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", HOST, "--save", "",
             "--appendonly", "no", "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection((HOST, self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


class Gunicorn:
    """gunicorn on a free loopback port; ``stop()`` ends it (and only it)."""

    def __init__(self, env: dict[str, str], workers: int, threads: int, log: Path) -> None:
        self.port = free_port()
        self.log = log
        self.proc = subprocess.Popen(
            [str(GUNICORN), "config.wsgi", "--bind", f"{HOST}:{self.port}",
             "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
             "--timeout", "60", "--graceful-timeout", "10", "--keep-alive", str(KEEP_ALIVE),
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

    def kill_a_worker(self) -> int | None:
        """SIGKILL one worker (the arbiter starts another); its pid, if there was one."""
        found = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True,
                               text=True, check=False).stdout.split()  # fmt: skip
        if not found:
            return None
        os.kill(int(found[0]), 9)
        return int(found[0])

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
    cpu: float = 0.0  # the server's CPU time for it, as its X-CPU-Seconds said
    server: float = 0.0  # the time it spent in the application (X-Server-Seconds)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    def location(self) -> str:
        return self.headers.get("Location", "")


class Student:
    """One browser: its own keep-alive connection, cookie jar and CSRF token."""

    def __init__(
        self,
        n: int,
        port: int,
        budget: int,
        deadline: float,
        seed: int,
        phase: int = 1,
        pause: float = 0.0,
    ) -> None:
        self.n = n
        self.pause_mean = pause  # seconds of reading between requests, on average
        self.phase = phase  # in every answer marker, so that phases never share one
        self.port = port
        self.budget = budget
        self.deadline = deadline
        self.rng = random.Random(seed * 1000 + n)
        self.cookies: dict[str, str] = {}
        self.records: list[Record] = []
        self.submitted: list[str] = []  # answer markers whose POST was accepted
        self.uncertain: list[str] = []  # markers whose POST lost its connection
        self.state: dict = {}  # whatever actions want to remember (practice form, ...)
        self.action = ""
        self.conn: http.client.HTTPConnection | None = None
        self.used = 0.0  # when the connection last answered (time.monotonic())
        self._submissions = 0

    def pause(self) -> None:
        """Read the page: a pause drawn from an exponential distribution (at most ten
        times the mean), cut short by the run's deadline."""
        if self.pause_mean > 0:
            wait = min(self.rng.expovariate(1 / self.pause_mean), 10 * self.pause_mean)
            time.sleep(max(0.0, min(wait, self.deadline - time.monotonic())))

    # -- HTTP
    def _connection(self) -> http.client.HTTPConnection:
        # After a long read the server has closed the connection (or is about to): open
        # a new one, as a browser does, rather than send a form into a closed socket.
        if self.conn is not None and time.monotonic() - self.used > KEEP_ALIVE - 1:
            self.close()
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
            # A phase's students are new clients: their own addresses (and so limits).
            "X-Real-IP": f"198.{17 + self.phase}.{self.n // 256}.{self.n % 256}",
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
                self.used = time.monotonic()
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
        held = resp.headers if resp is not None else {}
        cpu, server = (float(held.get(h, 0)) for h in ("X-CPU-Seconds", "X-Server-Seconds"))
        self.records.append(Record(self.action, method, path, status, seconds, error, cpu, server))
        return resp if resp is not None else Response(0, http.client.HTTPMessage(), "")

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, data: dict, **kw) -> Response:
        data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}
        return self.request("POST", path, data, **kw)

    def marker(self) -> str:
        """A plausible numeric answer, unique to this student and submission."""
        self._submissions += 1
        return f"0.{self.phase}{self.n:04d}{self._submissions:04d}1"


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


def _htmx(target: str, url: str) -> dict[str, str]:
    """The headers htmx sends with a request that swaps the element ``#target``."""
    return {"HX-Request": "true", "HX-Target": target, "HX-Current-URL": url}


def _answer(s: Student, times: int) -> None:
    """Answer a question: most of the time the next one on the practice page already
    open (its "Next question" loads into the question card), else a practice page opened
    afresh; then send the answer form ``times`` times with one marker, as htmx does (a
    double click when ``times`` is 2). The marker is counted once, as soon as one POST
    is accepted (a second may not be sent when the student's budget runs out)."""
    page_url = s.state.get("practice_page")
    if page_url and s.rng.random() < 0.7:
        card = s.get(page_url, headers=_htmx("question-card", page_url))
    else:
        slug = s.rng.choice(QUESTION_TOPICS or ["kl-divergence"])
        page_url = s.state["practice_page"] = f"/topics/{slug}/practice/"
        card = s.get(page_url)
    form = _form_fields(card.body, 'name="answer"')
    if form is None:
        s.records[-1].error = "no answer form on the practice page"
        return
    url, fields = form
    answer = s.marker()
    s.pause()
    for _ in range(times):
        resp = s.post(url or page_url, {**fields, "answer": answer},
                      headers=_htmx("question-card", page_url))  # fmt: skip
        # Graded (feedback, or a second try) means stored; a form shown again with a
        # message (an answer a question cannot read, e.g. a number for a choice) is not.
        graded = 'data-testid="feedback"' in resp.body or 'data-testid="retry"' in resp.body
        if resp.status in (200, 302, 303) and graded and answer not in s.submitted[-1:]:
            s.submitted.append(answer)
        elif resp.status == 0 and answer not in s.uncertain[-1:]:
            s.uncertain.append(answer)  # sent, but the connection was cut: stored or not


@action(weight=6, needs=("practice",))
def practise(s: Student) -> None:
    _answer(s, 1)


@action(weight=2, needs=("practice",))
def double_submit(s: Student) -> None:
    """The same answer form sent twice: stored once."""
    _answer(s, 2)


def _topic_action(s: Student, label: str) -> None:
    """Press a button on a topic page as htmx does: the POST answers 204 and raises
    ``learner-changed``, upon which the page's status block and picture fetch themselves."""
    page_url = f"/topics/{s.rng.choice(SLUGS)}/"
    page = s.get(page_url)
    form = _form_fields(page.body, label)
    if form is None:
        s.records[-1].error = f"no “{label}” form on {page_url}"
        return
    url, fields = form
    s.pause()
    s.post(url, fields, expect=(204,), headers=_htmx("", page_url))
    for block in ("topic-actions", "topic-picture"):
        s.get(page_url, headers=_htmx(block, page_url))


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
    page = s.get(f"/plots/{name}/?{qs}", headers=_htmx("", f"/plots/{name}/"))
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
        s.pause()
        a.run(s)


def student_plain(s: Student, actions: list[Action]) -> None:
    s.action = "plain"
    while True:
        s.pause()
        s.get("/plain/")


# ------------------------------------------------------------------------------ run


def _quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (the nearest rank), NaN for none."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class Phase:
    name: str
    wall: float
    records: list[Record]
    submitted: list[str] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # what the fault leg did, and when
    driver_cpu: float = 0.0  # the CPU the students' threads took, in seconds

    @property
    def errors(self) -> list[Record]:
        return [r for r in self.records if r.error]

    def rps(self) -> float:
        return len(self.records) / self.wall

    def pct(self, q: float) -> float:
        return _quantile([r.seconds for r in self.records], q)


_PHASES = itertools.count(1)


def run_phase(
    name, body, port, students, budget, seconds, seed, actions, faults=(), pause=0.0
) -> Phase:
    """Run ``students`` concurrent students through ``body``, each reading ``pause``
    seconds on average between requests; ``faults`` are ``(share of the phase's time,
    what to do)`` pairs, each done at that point by a thread of its own (whatever it
    returns is logged as an event)."""
    deadline = time.monotonic() + seconds
    phase = next(_PHASES)
    crowd = [Student(n, port, budget, deadline, seed, phase, pause) for n in range(students)]
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

    events: list[str] = []
    late: list[str] = []  # faults that came when no student was left to feel them

    def inject() -> None:
        for share, fault in sorted(faults, key=lambda f: f[0]):
            time.sleep(max(0.0, t0 + share * seconds - time.perf_counter()))
            if not any(t.is_alive() for t in threads):
                late.append(fault.__name__)
            events.append(f"{time.perf_counter() - t0:6.1f} s  {fault()}")

    threads = [threading.Thread(target=run, args=(s,), daemon=True) for s in crowd]
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    injector = threading.Thread(target=inject, daemon=True)
    injector.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    wall = time.perf_counter() - t0
    driver_cpu = time.process_time() - cpu0
    injector.join(seconds + 10)
    if failures:
        raise RuntimeError("driver failures:\n  " + "\n  ".join(failures[:10]))
    if late:
        raise RuntimeError(f"{name}: the students had finished before {', '.join(late)}")
    records = [r for s in crowd for r in s.records]
    submitted = [m for s in crowd for m in s.submitted]
    uncertain = [m for s in crowd for m in s.uncertain]
    if time.monotonic() >= deadline:
        print(f"  {name}: hard stop after {seconds} s")
    return Phase(name, wall, records, submitted, uncertain, events, driver_cpu)


def verify_attempts(submitted: list[str], uncertain: list[str] = ()) -> list[str]:
    """Each submitted marker is stored exactly once, each ``uncertain`` one (sent on a
    connection that was cut) at most once, and no other attempt has a marker."""
    if not submitted and not uncertain:
        return []
    from practice.models import Attempt

    stored = Counter(
        Attempt.objects.filter(raw_answer__startswith="0.").values_list("raw_answer", flat=True)
    )
    problems = []
    for marker in submitted:
        if stored[marker] != 1:
            problems.append(f"answer {marker} stored {stored[marker]} times")
    for marker in set(uncertain) - set(submitted):
        if stored[marker] > 1:
            problems.append(f"answer {marker} (connection cut) stored {stored[marker]} times")
    unknown = set(stored) - set(submitted) - set(uncertain)
    if unknown:
        problems.append(f"{len(unknown)} stored answers nobody submitted, e.g. {min(unknown)}")
    return problems


def print_phase_actions(phase: Phase) -> None:
    """Per kind of request: how many, errors, median and p99 time as the student saw
    it, p99 of the time in the application, and its share of the CPU the server spent
    on the phase; then the server's CPU against the driver's and the wall time."""
    by_action: dict[str, list[Record]] = defaultdict(list)
    for r in phase.records:
        by_action[r.action].append(r)
    cpu_total = sum(r.cpu for r in phase.records)
    print(f"\n{phase.name}: per kind of request")
    print(
        f"  {'action':<16} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'in app p99':>10} {'CPU ms':>7} {'CPU %':>6}"
    )
    for name, recs in sorted(by_action.items(), key=lambda kv: -sum(r.cpu for r in kv[1])):
        seconds = [r.seconds for r in recs]
        in_app = _quantile([r.server for r in recs], 0.99)
        errs = sum(1 for r in recs if r.error)
        cpu = sum(r.cpu for r in recs)
        print(
            f"  {name:<16} {len(recs):>8} {errs:>6} {_quantile(seconds, 0.5) * 1e3:>8.1f} "
            f"{_quantile(seconds, 0.99) * 1e3:>8.1f} {in_app * 1e3:>10.1f} "
            f"{cpu / len(recs) * 1e3:>7.1f} {100 * cpu / (cpu_total or 1):>5.1f}%"
        )
    print(
        f"  server CPU {cpu_total:.1f} s, driver CPU {phase.driver_cpu:.1f} s, in "
        f"{phase.wall:.1f} s of wall time on {os.cpu_count()} cores"
    )
    for event in phase.events:
        print(f"  {event}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="per student")
    parser.add_argument("--seconds", type=float, default=120, help="hard stop per phase")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4, help="per gunicorn worker")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--keep-db", action="store_true", help="leave kl_tutor_load behind")
    parser.add_argument(
        "--pause", type=float, default=1.0, help="seconds a reading student reads, on average"
    )
    parser.add_argument("--p99-aim", type=float, default=0.3, help="seconds, reading run")
    parser.add_argument("--no-faults", action="store_true", help="skip the fault leg")
    parser.add_argument(
        "--fault-seconds", type=float, default=45, help="how long the fault leg lasts"
    )
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="kl-load-"))
    redis = Redis()
    redis.start()
    env = server_environment(str(workdir / "static"), redis.port)
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
        # Warm-up, not measured: each worker loads the graph's index, compiles its
        # templates and fills the caches once, as a server does in its first minute.
        warm = run_phase("warm-up", student_app, *shape)
        app = run_phase("back to back", student_app, *shape)
        plain = run_phase("/plain/", student_plain, *shape)
        reading = run_phase("reading", student_app, *shape, pause=args.pause)
        faulty = None
        if not args.no_faults:

            def redis_down() -> str:
                redis.stop()
                return "cache (Redis) stopped"

            def redis_up() -> str:
                redis.start()
                return "cache (Redis) started again"

            def kill_worker() -> str:
                return f"gunicorn worker {server.kill_a_worker()} killed"

            faults = [(1 / 3, redis_down), (1 / 2, kill_worker), (2 / 3, redis_up)]
            # Bounded by time alone, so that every fault falls while students are at work.
            faulty = run_phase(
                "faults", student_app, server.port, args.students, 10**6, args.fault_seconds,
                args.seed, actions, faults=faults, pause=args.pause,
            )  # fmt: skip
    finally:
        redis.stop()
        if server is not None:
            server.stop()
            log = server.log.read_text() if server.log.exists() else ""
            if "Traceback" in log or "ERROR" in log:
                print(f"\n== gunicorn's error log ({server.log}):\n{log[-4000:]}")

    problems = verify_attempts(
        warm.submitted + app.submitted + reading.submitted + (faulty.submitted if faulty else []),
        faulty.uncertain if faulty else [],
    )
    # In the fault leg only the requests of the killed worker may fail: their connection
    # was cut (no status). Any answer with a status that was not expected is an error.
    fault_errors = [r for r in faulty.errors if r.status != 0] if faulty else []
    cut = len(faulty.errors) - len(fault_errors) if faulty else 0
    if not args.keep_db:
        from django.db import connections

        connections.close_all()
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")

    measured = (app, reading, *([faulty] if faulty else []))
    for ph in measured:
        print_phase_actions(ph)
    print(f"\n{'scenario':<14} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} "
          f"{'p99 ms':>8}")  # fmt: skip
    for ph in (app, plain, *measured[1:]):
        print(
            f"{ph.name:<14} {len(ph.records):>8} {len(ph.errors):>6} {ph.rps():>8.1f} "
            f"{ph.pct(0.5) * 1e3:>8.1f} {ph.pct(0.99) * 1e3:>8.1f}"
        )
    print(
        f"{'back to back / plain':<20} {'':>2} {app.rps() / plain.rps():>7.2f}x "
        f"{app.pct(0.5) / plain.pct(0.5):>7.2f}x {app.pct(0.99) / plain.pct(0.99):>7.2f}x"
    )
    answers = sum(len(ph.submitted) for ph in (warm, *measured))
    print(f"\nattempts submitted: {answers}; stored exactly once: "
          f"{'yes' if not problems else 'NO'}")  # fmt: skip
    if faulty:
        print(f"fault leg: {cut} requests cut with the killed worker, {len(fault_errors)} other "
              f"errors; {len(faulty.uncertain)} answers sent on a cut connection")  # fmt: skip
    p99_met = reading.pct(0.99) <= args.p99_aim
    print(f"reading students ({args.students}, {args.pause:g} s pauses): p99 "
          f"{reading.pct(0.99) * 1e3:.0f} ms, aim <= {args.p99_aim * 1e3:.0f} ms "
          f"{'met' if p99_met else 'NOT met'}; back to back: {app.rps():.1f} req/s, "
          f"{app.rps() / plain.rps():.0%} of the plain view's")  # fmt: skip
    errors = app.errors + plain.errors + reading.errors + fault_errors
    for r in errors[:20]:
        print(f"  error: {r.action} {r.method} {r.path}: {r.error}")
    for p in problems[:20]:
        print(f"  attempt: {p}")
    return 1 if (errors or problems or not p99_met) else 0


if __name__ == "__main__":
    sys.exit(main())
