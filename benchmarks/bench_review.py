"""Spaced review with and without implicit repetition, on simulated students.

Each simulated student learns the KL plan (every prerequisite of KL divergence, in
learning order, :data:`NEW_PER_DAY` new topics a day, each mastered as practice asks:
:data:`LESSON_ANSWERS` right answers in a row) and, every day for :data:`DAYS` days,
does every review that falls due. Two runs per student, on the same student and the
same random draws:

- **per topic**: each topic's FSRS card alone decides when it is reviewed;
- **implicit**: :mod:`learning.review` as the app runs it: right answers give
  prerequisites fractional credit, and the queue puts first the reviews that knock
  out other due ones.

The student's *true* memory is a second FSRS card per topic, updated by FSRS's own
formulas, with the student's own initial stabilities (the defaults scaled by a factor
drawn once per student, so the scheduler's model is not exactly the student). A
question is answered right with the true card's recall probability. Working a
question on a topic really exercises its prerequisites: one ``d`` steps below is used
with probability ``EXERCISE x USE[d - 1]`` (:data:`USE`: a direct prerequisite half the
time, and half as often each step further down), and then counts as a true review of
it, recalled or not. The scheduler does not see those uses; it credits its own
weights (:data:`learning.review.WEIGHTS`), and only for right answers. ``--exercise``
sets the factor: at 1 the scheduler's weights happen to equal the true uses; at 0.5
they overrate them twice, at 0 questions exercise nothing beneath them.

Retention is probed every :data:`PROBE_EVERY` days, before that day's reviews: the
expected share of the topics learned so far that the student would recall (the mean of
their true recall probabilities). Reviews are the questions answered from the review
queue (learning new topics is the same in both runs and not counted).

Aims: both runs keep retention at 90% or more (the recall FSRS aims at when a topic
falls due), and the implicit run needs 30% fewer reviews or better. Prints the figures,
the ratio of reviews and the difference in retention; exits 1 if an aim is missed.

    .venv/bin/python benchmarks/bench_review.py [--students 12] [--exercise 1.0]
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fsrs import Card, Rating, Scheduler  # noqa: E402
from fsrs.scheduler import DEFAULT_PARAMETERS  # noqa: E402

from knowledge_graph import curriculum  # noqa: E402
from knowledge_graph import graph as g  # noqa: E402
from knowledge_graph.graph_index import GraphIndex, TopicData  # noqa: E402
from learning import review  # noqa: E402

DAYS = 180
NEW_PER_DAY = review.NEW_TOPICS_A_DAY
PROBE_EVERY = 7
LESSON_ANSWERS = 3  # practice.selectors.MASTERY_STREAK (that module needs Django)
GOAL = "kl-divergence"
START = datetime(2026, 1, 1, 12, tzinfo=UTC)

USE = (0.5, 0.25, 0.125)
"""How often a question on a topic truly uses a prerequisite 1, 2 or 3 steps below it."""

RETENTION_AIM = 0.90  # both runs
REVIEWS_AIM = 0.70  # implicit reviews / per-topic reviews


def kl_index() -> tuple[GraphIndex, list[int]]:
    """The shipped curriculum's index and the KL plan (positions, learning order)."""
    specs = curriculum.load()
    graph = curriculum.to_graph(specs)
    derived = g.derive_all(graph)
    ids = {s.slug: i for i, s in enumerate(specs, start=1)}
    topics = [
        TopicData(
            id=ids[s.slug],
            depth=derived[s.slug].depth,
            title=s.title,
            slug=s.slug,
            minutes=s.minutes,
            descendant_count=derived[s.slug].descendant_count,
        )
        for s in specs
    ]
    edges = [(ids[p], ids[s.slug]) for s in specs for p in s.prerequisites]
    index = GraphIndex.build(topics, edges)
    return index, index.closure(index.position(ids[GOAL])).tolist()


def student_scheduler(factor: float) -> Scheduler:
    """FSRS with the initial stabilities scaled by ``factor``: a student's true memory."""
    weights = list(DEFAULT_PARAMETERS)
    weights[:4] = [min(max(w * factor, 0.01), 100.0) for w in weights[:4]]
    return Scheduler(weights, learning_steps=(), relearning_steps=(), enable_fuzzing=False)


@dataclass
class Run:
    reviews: int = 0
    implicit: int = 0
    probed: float = 0.0  # sum of recall probabilities at the probes
    probes: int = 0  # topics probed
    lapses: int = 0

    @property
    def retention(self) -> float:
        return self.probed / self.probes if self.probes else 1.0


@dataclass
class Student:
    """One run of one simulated student."""

    index: GraphIndex
    plan: list[int]
    reach: dict[int, dict[int, int]]  # prerequisites by distance, of each plan topic
    spreads: dict[int, dict[int, float]]  # the credit the scheduler gives them
    truth: Scheduler
    rng: random.Random
    exercise: float
    with_credit: bool
    true: dict[int, Card] = field(default_factory=dict)
    model: dict[int, review.Memory] = field(default_factory=dict)
    run: Run = field(default_factory=Run)

    def true_review(self, position: int, now: datetime) -> bool:
        """The student meets ``position`` at ``now``: recalled or not, and their memory
        of it is refreshed either way (a failure is followed by the solution)."""
        card = self.true[position]
        recalled = self.rng.random() < self.truth.get_card_retrievability(card, now)
        self.true[position], _ = self.truth.review_card(
            card, Rating.Good if recalled else Rating.Again, now
        )
        return recalled

    def work(self, position: int, now: datetime) -> None:
        """A question on ``position``: it exercises the prerequisites the student has
        learned, each with its probability."""
        for p, distance in self.reach[position].items():
            if p in self.true and self.rng.random() < self.exercise * USE[distance - 1]:
                self.true_review(p, now)

    def give_credit(self, position: int, now: datetime) -> None:
        if self.with_credit:
            changed = review.credit_all(self.model, self.spreads[position], now)
            self.run.implicit += sum(m.reviews > self.model[p].reviews for p, m in changed.items())
            self.model.update(changed)

    def learn(self, position: int, now: datetime) -> None:
        """Master a topic as practice asks: :data:`LESSON_ANSWERS` right answers, each a
        question that exercises the prerequisites and gives them credit; the topic's
        memory starts with the last."""
        for _ in range(LESSON_ANSWERS):
            self.work(position, now)
            self.give_credit(position, now)
        self.true[position], _ = self.truth.review_card(Card(card_id=0), Rating.Good, now)
        self.model[position] = review.start(Rating.Good, now)

    def do_review(self, position: int, now: datetime) -> None:
        self.run.reviews += 1
        self.work(position, now)
        recalled = self.true_review(position, now)
        rating = Rating.Good if recalled else Rating.Again
        self.run.lapses += not recalled
        self.model[position] = review.review(self.model[position], rating, now)
        if recalled:
            self.give_credit(position, now)

    def probe(self, now: datetime) -> None:
        self.run.probes += len(self.true)
        self.run.probed += sum(
            self.truth.get_card_retrievability(card, now) for card in self.true.values()
        )

    def day(self, number: int) -> None:
        now = START + timedelta(days=number)
        if number and number % PROBE_EVERY == 0:
            self.probe(now)
        if self.with_credit:
            while queue := review.review_queue(self.index, self.model, now, spreads=self.spreads):
                for item in queue:
                    if self.model[item.position].is_due(now):  # not knocked out meanwhile
                        self.do_review(item.position, now)
        else:
            for position in [p for p, m in self.model.items() if m.is_due(now)]:
                self.do_review(position, now)
        start = number * NEW_PER_DAY
        for position in self.plan[start : start + NEW_PER_DAY]:
            self.learn(position, now)


def simulate(students: int, exercise: float, seed: int) -> tuple[Run, Run]:
    index, plan = kl_index()
    reach = {p: review.distances(index, p) for p in plan}
    spreads = {p: review.spread(index, p) for p in plan}
    runs = (Run(), Run())
    for number in range(students):
        factor = random.Random(seed * 1000 + number).lognormvariate(0.0, 0.3)
        for with_credit, total in zip((False, True), runs, strict=True):
            student = Student(
                index=index,
                plan=plan,
                reach=reach,
                spreads=spreads,
                truth=student_scheduler(factor),
                rng=random.Random(seed * 1000 + number),
                exercise=exercise,
                with_credit=with_credit,
            )
            for day in range(DAYS):
                student.day(day)
            for name in ("reviews", "implicit", "probed", "probes", "lapses"):
                setattr(total, name, getattr(total, name) + getattr(student.run, name))
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=12)
    parser.add_argument("--exercise", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    plain, implicit = simulate(args.students, args.exercise, args.seed)
    print(
        f"{args.students} students, {DAYS} days, {NEW_PER_DAY} new topics a day on the KL "
        f"plan, prerequisites truly used at {args.exercise:g} x USE"
    )
    for name, run in (("per-topic FSRS", plain), ("implicit repetition", implicit)):
        print(
            f"  {name:20} reviews {run.reviews / args.students:7.1f} a student, "
            f"lapses {run.lapses / max(run.reviews, 1):5.1%}, implicit repetitions "
            f"{run.implicit / args.students:7.1f}, retention {run.retention:6.2%}"
        )
    ratio = implicit.reviews / plain.reviews
    print(f"reviews, implicit / per-topic: {ratio:.2f} (aim <= {REVIEWS_AIM:.2f})")
    print(
        f"retention, implicit - per-topic: {implicit.retention - plain.retention:+.2%} "
        f"(aim: both >= {RETENTION_AIM:.0%})"
    )
    missed = []
    if ratio > REVIEWS_AIM:
        missed.append("30% fewer reviews")
    for name, run in (("per-topic", plain), ("implicit", implicit)):
        if run.retention < RETENTION_AIM:
            missed.append(f"retention of {RETENTION_AIM:.0%} ({name})")
    if missed:
        print("missed: " + ", ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
