"""The spaced-review core (learning/review.py), without a database."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from fsrs import Rating

from knowledge_graph.graph_index import GraphIndex, TopicData
from learning import review

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def index_of(edges: list[tuple[str, str]], minutes: int = 20) -> tuple[GraphIndex, dict]:
    """An index over the topics named in ``edges`` (prerequisite, dependent), depths
    from the edges, and the position of each name."""
    names = sorted({n for e in edges for n in e})
    depth = dict.fromkeys(names, 0)
    for _ in names:  # longest path from a root, by relaxation
        for a, b in edges:
            depth[b] = max(depth[b], depth[a] + 1)
    ids = {n: i for i, n in enumerate(names, start=1)}
    topics = [
        TopicData(id=ids[n], depth=depth[n], title=n, slug=n, minutes=minutes, descendant_count=0)
        for n in names
    ]
    index = GraphIndex.build(topics, [(ids[a], ids[b]) for a, b in edges])
    return index, {n: index.position(ids[n]) for n in names}


CHAIN = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")]


# --- ratings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("correct", "try_number", "rating"),
    [
        (False, 1, Rating.Again),
        (False, 2, Rating.Again),
        (True, 2, Rating.Hard),
        (True, 1, Rating.Good),
    ],
)
def test_each_practice_outcome_has_its_rating(correct, try_number, rating):
    assert review.rating_for(correct=correct, try_number=try_number) == rating


def test_an_answer_after_the_solution_was_shown_is_no_review():
    assert review.rating_for(correct=True, try_number=1, revealed=True) is None
    assert review.rating_for(correct=False, try_number=2, revealed=True) is None


# --- one topic's memory -----------------------------------------------------------


def test_a_first_review_schedules_the_topic_days_ahead_and_a_better_one_further():
    good, hard, again = (review.start(r, NOW) for r in (Rating.Good, Rating.Hard, Rating.Again))
    assert good.last_review == NOW
    assert good.due - NOW >= timedelta(days=1)
    assert again.due <= hard.due <= good.due
    assert again.lapses == 1 and good.lapses == 0
    assert not good.is_due(NOW)
    assert good.is_due(good.due)


def test_recall_falls_with_time_and_is_ninety_percent_when_due():
    memory = review.start(Rating.Good, NOW)
    later = [memory.recall(NOW + timedelta(days=d)) for d in (0, 1, 5, 30)]
    assert later == sorted(later, reverse=True)
    assert later[0] == pytest.approx(1.0)
    # FSRS schedules for 90% recall (the interval is rounded to whole days).
    assert memory.recall(memory.due) == pytest.approx(0.9, abs=0.03)


def test_reviews_on_time_stretch_the_interval_and_a_lapse_shrinks_it():
    memory = review.start(Rating.Good, NOW)
    recalled = review.review(memory, Rating.Good, memory.due)
    assert recalled.due - recalled.last_review > memory.due - memory.last_review
    assert recalled.reviews == 2
    forgot = review.review(recalled, Rating.Again, recalled.due)
    assert forgot.stability < recalled.stability
    assert forgot.lapses == 1 and forgot.reviews == 3


def test_due_today_means_before_the_next_midnight():
    memory = review.start(Rating.Good, NOW)
    that_morning = memory.due.replace(hour=0, minute=1)  # due at 15:00 the same day
    assert memory.is_due(that_morning)
    assert not memory.is_due(that_morning - timedelta(minutes=2))  # the evening before


# --- implicit credit ------------------------------------------------------------


def test_credit_gathers_below_one_repetition_without_moving_the_schedule():
    memory = review.start(Rating.Good, NOW - timedelta(days=2))
    half = review.credit(memory, 0.5, NOW)
    assert half.credit == 0.5
    assert (half.due, half.last_review, half.reviews) == (memory.due, memory.last_review, 1)


def test_a_full_repetition_of_credit_counts_as_a_good_review_and_the_rest_is_dropped():
    memory = review.start(Rating.Good, NOW - timedelta(days=2))
    full = review.credit(review.credit(memory, 0.75, NOW), 0.75, NOW)
    explicit = review.review(memory, Rating.Good, NOW)
    assert full.credit == 0  # capped: the 0.5 over one repetition is not kept
    assert (full.due, full.stability, full.reviews) == (
        explicit.due,
        explicit.stability,
        explicit.reviews,
    )


def test_an_explicit_review_spends_the_gathered_credit():
    memory = review.credit(review.start(Rating.Good, NOW), 0.5, NOW)
    assert review.review(memory, Rating.Again, NOW + timedelta(days=3)).credit == 0


def test_credit_halves_with_each_step_down_and_stops_after_three():
    index, at = index_of(CHAIN)
    assert review.distances(index, at["e"]) == {at["d"]: 1, at["c"]: 2, at["b"]: 3}
    assert review.spread(index, at["e"]) == {at["d"]: 0.5, at["c"]: 0.25, at["b"]: 0.125}
    assert review.spread(index, at["a"]) == {}


def test_a_prerequisite_reached_by_several_paths_is_credited_once_by_the_shortest():
    # a is a direct prerequisite of d and also two steps below it through b.
    index, at = index_of([("a", "b"), ("b", "d"), ("a", "d"), ("c", "d")])
    assert review.spread(index, at["d"]) == {at["a"]: 0.5, at["b"]: 0.5, at["c"]: 0.5}


def test_credit_all_touches_only_the_topics_with_a_memory():
    memories = {1: review.start(Rating.Good, NOW), 2: review.start(Rating.Good, NOW)}
    changed = review.credit_all(memories, {2: 0.25, 7: 0.5}, NOW)
    assert set(changed) == {2}
    assert changed[2].credit == 0.25


# --- the queue --------------------------------------------------------------------


def due_memory(days_overdue: int = 1, credit: float = 0.0) -> review.Memory:
    """A topic reviewed twice, due ``days_overdue`` days ago, with ``credit`` gathered."""
    memory = review.start(Rating.Good, NOW - timedelta(days=30))
    memory = review.review(memory, Rating.Good, NOW - timedelta(days=25))
    return replace(memory, due=NOW - timedelta(days=days_overdue), credit=credit)


def test_the_queue_holds_only_what_is_due_today():
    index, at = index_of(CHAIN)
    fresh = review.start(Rating.Good, NOW)
    memories = {at["a"]: due_memory(), at["b"]: fresh}
    assert [item.position for item in review.review_queue(index, memories, NOW)] == [at["a"]]


def test_a_review_that_knocks_out_another_due_topic_comes_first_and_covers_it():
    index, at = index_of(CHAIN)
    # c has gathered half a repetition already: one right answer on d (½) completes it.
    memories = {
        at["a"]: due_memory(days_overdue=9),
        at["c"]: due_memory(credit=0.5),
        at["d"]: due_memory(),
    }
    queue = review.review_queue(index, memories, NOW)
    assert queue[0] == review.QueueItem(at["d"], (at["c"],))
    assert [item.position for item in queue] == [at["d"], at["a"]]  # c is not listed again


def test_without_knock_outs_deeper_topics_come_first_so_their_credit_reaches_the_others():
    index, at = index_of([("a", "c"), ("b", "c")])
    # Reviewing c first gives a and b half a repetition each: not enough to knock out.
    memories = {p: due_memory() for p in at.values()}
    queue = review.review_queue(index, memories, NOW)
    assert [item.position for item in queue][0] == at["c"]
    assert all(item.knocks_out == () for item in queue)
    assert len(queue) == 3


def test_two_due_dependents_knock_out_their_shared_prerequisite():
    index, at = index_of([("a", "b"), ("a", "c")])
    memories = {p: due_memory() for p in at.values()}
    queue = review.review_queue(index, memories, NOW)
    # The first dependent gives a ½; the second brings it to a full repetition.
    assert len(queue) == 2
    assert {item.position for item in queue} == {at["b"], at["c"]}
    assert queue[1].knocks_out == (at["a"],)


def _queue_by_the_definition(index, memories, now) -> list[review.QueueItem]:
    """The greedy order as the module's notes define it, every count taken afresh."""
    due = {p for p, m in memories.items() if m.is_due(now)}
    gathered = {p: memories[p].credit for p in due}
    recall = {p: memories[p].recall(now) for p in due}
    reach = {p: review.spread(index, p) for p in due}

    def knocks(p):
        return [q for q, w in reach[p].items() if q in due and gathered[q] + w >= 1]

    order = []
    while due:
        best = max(due, key=lambda p: (len(knocks(p)), p, -recall[p]))
        knocked = knocks(best)
        order.append(review.QueueItem(best, tuple(sorted(knocked, reverse=True))))
        due.discard(best)
        due.difference_update(knocked)
        for q, w in reach[best].items():
            if q in due:
                gathered[q] += w
    return order


@pytest.mark.parametrize("seed", range(12))
def test_the_queue_counts_again_only_what_a_review_changes_and_orders_as_defined(seed):
    rng = np.random.default_rng(seed)
    names = [f"t{i:02d}" for i in range(40)]
    edges = [
        (names[a], names[b])
        for b in range(1, len(names))
        for a in rng.choice(b, size=min(b, int(rng.integers(1, 4))), replace=False)
    ]
    index, at = index_of(edges)
    memories = {
        p: due_memory(
            days_overdue=int(rng.integers(0, 5)), credit=float(rng.choice([0, 0.25, 0.5, 0.75]))
        )
        for p in at.values()
        if rng.random() < 0.7
    }
    queue = review.review_queue(index, memories, NOW)
    assert queue == _queue_by_the_definition(index, memories, NOW)
    assert any(item.knocks_out for item in queue)


def test_the_daily_queue_counts_reviews_new_topics_and_minutes():
    index, at = index_of([("a", "b"), ("a", "c"), ("c", "d")], minutes=25)
    memories = {p: due_memory() for p in (at["a"], at["b"], at["c"])}
    reviews = review.review_queue(index, memories, NOW)
    daily = review.daily_queue(index, reviews, [at["d"]], new_topics=2)
    assert daily.due == 3
    assert daily.new == (at["d"],)
    assert daily.minutes == review.REVIEW_MINUTES * len(reviews) + 25
    empty = review.daily_queue(index, [], [])
    assert (empty.due, empty.new, empty.minutes) == (0, (), 0)
