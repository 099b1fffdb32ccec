"""Spaced review: a memory model per topic, and implicit repetition on the graph.

Pure (no Django): the learning app stores what this module computes, and
``benchmarks/bench_review.py`` runs it on simulated students.

The memory of one topic
-----------------------
Each topic a learner has mastered in practice gets a :class:`Memory`: an FSRS card
(the ``fsrs`` package's stability, difficulty, last review and due date) plus the
*credit* of implicit repetitions gathered since its last repetition. Practice drives
it: every answer to one of the topic's questions is a review, rated by
:func:`rating_for`:

- a wrong answer is ``Again`` (a lapse),
- a right answer on the second try is ``Hard``,
- a right answer on the first try is ``Good``.

An answer given once the worked solution was shown is no evidence of memory and is
not a review. (The learning app counts one review per variant, rated by how it
ended: a first wrong try waits for the second; see
``learning.services.answer_rating``.) The scheduler (:data:`SCHEDULER`) aims at 90%
recall when a topic falls due, counts intervals in whole days (no minute-long
learning steps: mastering a topic in practice is the learning) and never waits more
than a year.

Implicit repetition
-------------------
Solving a question on an advanced topic exercises the topics beneath it. A right
answer on topic T therefore gives each prerequisite P of T a fraction of a repetition
(:func:`spread`), by the length ``d`` of the shortest chain of prerequisite edges from
P up to T:

- the weight halves with each step: ``1/2`` for a direct prerequisite, ``1/4`` two
  steps down, ``1/8`` three steps down (:data:`WEIGHTS`);
- it stops there: a topic more than :data:`MAX_DISTANCE` steps below T gets nothing,
  however many paths lead to it (the shortest one counts, once);
- a topic's gathered credit is capped at one repetition: when it reaches 1 the topic
  counts as reviewed with ``Good`` at that moment (its interval grows as an explicit
  review's would) and the remainder is dropped (:func:`credit`).

So two right answers on topics that build directly on P stand for one review of P,
as do four on topics two steps above it. Only right answers give credit: a wrong one
says nothing about the prerequisites. Right answers while a topic is being learned
give credit too (learning it exercises what it builds on); a prerequisite without a
memory (not mastered yet) has nothing to keep and takes none.

The queue
---------
:func:`review_queue` orders the due topics so that a review comes first when its
credit would bring other due topics to a full repetition, *knocking them out*: they
need no review of their own that day. It is greedy: it takes the review that knocks
out the most, then the deepest topic (its credit reaches furthest), then the one least
likely to be recalled, and hands out the credit that review would give before
choosing the next.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import numpy as np
from fsrs import Card, Rating, Scheduler, State

from knowledge_graph import graph as g
from knowledge_graph.graph_index import GraphIndex

SCHEDULER = Scheduler(
    desired_retention=0.9,
    learning_steps=(),
    relearning_steps=(),
    maximum_interval=365,
    enable_fuzzing=False,
)
"""The FSRS scheduler every memory follows (its default weights)."""

WEIGHTS = (0.5, 0.25, 0.125)
"""Credit a right answer gives a prerequisite 1, 2 or 3 steps below its topic."""
MAX_DISTANCE = len(WEIGHTS)

REVIEW_MINUTES = 3
"""What one review (a practice question) is reckoned to take, for the daily estimate."""
NEW_TOPICS_A_DAY = 3
"""New topics the daily queue offers beside the reviews."""


class Outcome(enum.Enum):
    WRONG = "wrong"
    RIGHT_SECOND_TRY = "right on the second try"
    RIGHT_FIRST_TRY = "right first time"


RATINGS = {
    Outcome.WRONG: Rating.Again,
    Outcome.RIGHT_SECOND_TRY: Rating.Hard,
    Outcome.RIGHT_FIRST_TRY: Rating.Good,
}


def outcome_of(*, correct: bool, try_number: int) -> Outcome:
    """What one practice answer says about the learner's memory of its topic."""
    if not correct:
        return Outcome.WRONG
    return Outcome.RIGHT_FIRST_TRY if try_number <= 1 else Outcome.RIGHT_SECOND_TRY


def rating_for(*, correct: bool, try_number: int, revealed: bool = False) -> Rating | None:
    """The FSRS rating of a practice answer; ``None`` for one given after the worked
    solution was shown, which is not a review.

    >>> rating_for(correct=True, try_number=1).name
    'Good'
    >>> rating_for(correct=True, try_number=2).name
    'Hard'
    >>> rating_for(correct=False, try_number=1).name
    'Again'
    >>> rating_for(correct=True, try_number=1, revealed=True) is None
    True
    """
    if revealed:
        return None
    return RATINGS[outcome_of(correct=correct, try_number=try_number)]


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC (the scheduler accepts nothing else); naive means UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Memory:
    """What the model holds of a learner's memory of one topic."""

    stability: float  # days until recall falls to 90%
    difficulty: float  # 1 (easy) to 10 (hard)
    last_review: datetime
    due: datetime
    credit: float = 0.0  # implicit repetitions gathered since the last repetition, < 1
    reviews: int = 1  # repetitions so far, explicit and implicit
    lapses: int = 0  # wrong answers in review

    def card(self) -> Card:
        return Card(
            card_id=0,
            state=State.Review,
            step=None,
            stability=self.stability,
            difficulty=self.difficulty,
            due=utc(self.due),
            last_review=utc(self.last_review),
        )

    def recall(self, now: datetime) -> float:
        """The probability of recalling the topic at ``now`` (FSRS's forgetting curve)."""
        return SCHEDULER.get_card_retrievability(self.card(), utc(now))

    def is_due(self, now: datetime) -> bool:
        """Due today: before the midnight (UTC) that follows ``now``."""
        return self.due < end_of_day(now)


def _from_card(card: Card, **counts) -> Memory:
    return Memory(
        stability=card.stability,
        difficulty=card.difficulty,
        last_review=card.last_review,
        due=card.due,
        **counts,
    )


def start(rating: Rating, now: datetime) -> Memory:
    """The memory of a topic first reviewed at ``now`` with ``rating``."""
    card, _ = SCHEDULER.review_card(Card(card_id=0), rating, utc(now))
    return _from_card(card, lapses=int(rating == Rating.Again))


def review(memory: Memory, rating: Rating, now: datetime) -> Memory:
    """``memory`` after an explicit review at ``now``; the gathered credit is spent."""
    card, _ = SCHEDULER.review_card(memory.card(), rating, utc(now))
    return _from_card(
        card,
        reviews=memory.reviews + 1,
        lapses=memory.lapses + int(rating == Rating.Again),
    )


def credit(memory: Memory, amount: float, now: datetime) -> Memory:
    """``memory`` given ``amount`` of an implicit repetition at ``now``.

    Credit gathers until it reaches one repetition; then the topic is reviewed with
    ``Good`` at ``now`` and the rest is dropped (the cap).

    >>> now = datetime(2026, 1, 10, tzinfo=UTC)
    >>> m = start(Rating.Good, now - timedelta(days=3))
    >>> half = credit(m, 0.5, now)
    >>> half.credit, half.due == m.due
    (0.5, True)
    >>> full = credit(half, 0.75, now)
    >>> full.credit, full.last_review == now, full.due > m.due
    (0.0, True, True)
    """
    gathered = memory.credit + amount
    if gathered < 1:
        return replace(memory, credit=gathered)
    return review(memory, Rating.Good, now)


def distances(index: GraphIndex, position: int, *, limit: int = MAX_DISTANCE) -> dict[int, int]:
    """The prerequisites of the topic at ``position`` at most ``limit`` steps below it,
    each with the length of its shortest chain up to the topic."""
    found: dict[int, int] = {}
    seen = np.zeros(len(index), dtype=bool)
    seen[position] = True
    front = np.array([position], dtype=np.int32)
    for step in range(1, limit + 1):
        layer = g.gather(index.parents_ptr, index.parents, front)
        layer = np.unique(layer[~seen[layer]])
        if not layer.size:
            break
        seen[layer] = True
        found.update(dict.fromkeys(layer.tolist(), step))
        front = layer
    return found


def spread(index: GraphIndex, position: int) -> dict[int, float]:
    """The credit a right answer on the topic at ``position`` gives each prerequisite
    (by position), as the module's docstring explains."""
    return {p: WEIGHTS[d - 1] for p, d in distances(index, position).items()}


def credit_all(
    memories: Mapping[int, Memory], gifts: Mapping[int, float], now: datetime
) -> dict[int, Memory]:
    """The memories among ``memories`` that ``gifts`` (credit by key) change, changed."""
    return {k: credit(memories[k], amount, now) for k, amount in gifts.items() if k in memories}


def end_of_day(now: datetime) -> datetime:
    """Midnight (UTC) after ``now``: a topic due before it is due today."""
    now = utc(now)
    return datetime(now.year, now.month, now.day, tzinfo=UTC) + timedelta(days=1)


@dataclass(frozen=True, slots=True)
class QueueItem:
    position: int
    knocks_out: tuple[int, ...]  # due topics this review brings to a full repetition


def review_queue(
    index: GraphIndex,
    memories: Mapping[int, Memory],
    now: datetime,
    *,
    spreads: Mapping[int, Mapping[int, float]] | None = None,
) -> list[QueueItem]:
    """The due topics (by position, due before ``end_of_day(now)``) in the order to
    review them, each with the due topics its review would knock out (those are not
    listed again). ``spreads`` may hold :func:`spread` of some positions already."""
    due = {p for p, m in memories.items() if m.is_due(now)}
    gathered = {p: memories[p].credit for p in due}
    recall = {p: memories[p].recall(now) for p in due}
    reach = {p: (spreads[p] if spreads and p in spreads else spread(index, p)) for p in due}
    # Who reaches whom among the due topics: a review's knock-outs change only when a
    # topic it reaches leaves the queue or gathers credit, so only those are counted again.
    reached_by: dict[int, list[int]] = {p: [] for p in due}
    for p in due:
        for q in reach[p]:
            if q in due:
                reached_by[q].append(p)

    def knocks(p: int) -> list[int]:
        return [q for q, w in reach[p].items() if q in due and gathered[q] + w >= 1]

    key = {p: (len(knocks(p)), p, -recall[p]) for p in due}
    order: list[QueueItem] = []
    while due:
        best = max(due, key=key.__getitem__)
        knocked = knocks(best)
        order.append(QueueItem(best, tuple(sorted(knocked, reverse=True))))
        changed = {best, *knocked}
        due.difference_update(changed)
        for q, w in reach[best].items():
            if q in due:
                gathered[q] += w
                changed.add(q)
        for p in {p for q in changed for p in reached_by[q] if p in due}:
            key[p] = (len(knocks(p)), p, -recall[p])
    return order


@dataclass(frozen=True, slots=True)
class DailyQueue:
    reviews: tuple[QueueItem, ...]
    new: tuple[int, ...]  # positions of new topics to learn
    minutes: int

    @property
    def due(self) -> int:
        """Due topics, those knocked out by another review included."""
        return sum(1 + len(item.knocks_out) for item in self.reviews)


def daily_queue(
    index: GraphIndex,
    reviews: Iterable[QueueItem],
    ready: Iterable[int],
    *,
    new_topics: int = NEW_TOPICS_A_DAY,
) -> DailyQueue:
    """Today's work: ``reviews`` (from :func:`review_queue`) and the first
    ``new_topics`` of ``ready`` (the current goal's frontier, positions, best first),
    with an estimate of the minutes: :data:`REVIEW_MINUTES` a review, and each new
    topic's own minutes."""
    reviews = tuple(reviews)
    new = tuple(int(p) for p in list(ready)[:new_topics])
    minutes = REVIEW_MINUTES * len(reviews) + int(sum(index.minutes[list(new)]) if new else 0)
    return DailyQueue(reviews=reviews, new=new, minutes=minutes)
