"""Writes for practice: loading question templates, grading and storing attempts
(idempotent per answer form), regrading, and moving attempts between learners."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import QuerySet

from learners.models import Learner
from learners.services import learner_ensure
from practice import selectors, services
from practice.models import Attempt, QuestionTemplate, SolutionReveal
from practice.parser import MAX_LENGTH
from practice.questions import variant_for
from tests.practice.concurrency import at_once

LN2 = math.log(2)
ROOT = Path(__file__).resolve().parents[2]
SESSION = "s" * 32


def learner_of(user=None, session_key=SESSION) -> Learner:
    """The learner of ``user`` or, without one, of the anonymous ``session_key``."""
    return learner_ensure(user=user, session_key=None if user else session_key)


def submit(question, seed=7, *, answer, user=None, session_key=SESSION, token=None):
    return services.attempt_submit(
        question=question,
        seed=seed,
        token=token or uuid.uuid4(),
        raw_answer=answer,
        learner=learner_of(user, session_key),
    )


# ----------------------------------------------------------------------- questions_load


def test_questions_load_creates_the_shipped_questions_and_is_idempotent(topics):
    shipped = services.QUESTIONS_DIR / "information_theory.json"
    assert services.questions_load(path=shipped) == "questions: 10 created, 0 updated, 0 unchanged"
    assert services.questions_load(path=shipped) == "questions: 0 created, 0 updated, 10 unchanged"
    per_topic = {
        t: QuestionTemplate.objects.filter(topic__slug=t).count()
        for t in ("kl-divergence", "shannon-entropy", "joint-and-conditional-entropy")
    }
    assert per_topic == {
        "kl-divergence": 4,
        "shannon-entropy": 2,
        "joint-and-conditional-entropy": 2,
    }


def test_questions_load_refreshes_edits_but_keeps_an_instructor_s_switch(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    question.title = "Edited in the admin"
    question.is_active = False
    question.save()
    unchanged = QuestionTemplate.objects.count() - 1
    assert services.questions_load().startswith(
        f"questions: 0 created, 1 updated, {unchanged} unchanged"
    )
    question.refresh_from_db()
    assert question.title == "KL divergence of two small distributions"
    assert question.is_active is False


def test_questions_load_switches_off_a_question_whose_generator_is_gone(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    QuestionTemplate.objects.filter(pk=question.pk).update(generator="a_family_since_removed")
    summary = services.questions_load(path=services.QUESTIONS_DIR / "kl.json")
    assert summary.endswith(", 1 switched off (generator no longer exists)")
    question.refresh_from_db()
    assert question.is_active is False
    assert question not in selectors.questions_active(topic=question.topic)


def test_questions_load_skips_questions_whose_topic_is_missing(db, tmp_path):
    path = tmp_path / "questions.json"
    path.write_text(
        json.dumps([{"slug": "q", "topic": "nowhere", "title": "Q", "generator": "entropy_binary"}])
    )
    assert services.questions_load(path=path) == (
        "questions: 0 created, 0 updated, 0 unchanged, 1 skipped (topic not loaded)"
    )
    assert not QuestionTemplate.objects.exists()


def test_questions_load_refuses_a_bad_file_and_names_every_problem(topics, tmp_path):
    specs = [
        {"slug": "a", "topic": "kl-divergence", "title": "A", "generator": "nope"},
        {"slug": "a", "topic": "kl-divergence", "title": "A", "generator": "entropy_binary"},
        {"slug": "b", "topic": "kl-divergence", "title": "B"},
        {"slug": "c", "topic": "kl-divergence", "title": "C", "generator": "entropy_binary",
         "unit": "hartleys"},
        "not an object",
    ]  # fmt: skip
    path = tmp_path / "questions.json"
    path.write_text(json.dumps(specs))
    with pytest.raises(ValidationError) as caught:
        services.questions_load(path=path)
    assert caught.value.messages == [
        "question a: unknown generator 'nope'",
        "question a: duplicate slug",
        "question b: missing generator",
        "question c: unit must be bits, nats or none, not 'hartleys'",
        "question 4: not an object",
    ]
    assert not QuestionTemplate.objects.exists()


def test_questions_load_refuses_an_intro_whose_formula_would_set_a_link(topics, tmp_path):
    spec = {"slug": "d", "topic": "kl-divergence", "title": "D", "generator": "entropy_binary"}
    spec["intro"] = "Read $\\cssId{x}{p}$ first."
    path = tmp_path / "questions.json"
    path.write_text(json.dumps([spec]))
    with pytest.raises(ValidationError) as caught:
        services.questions_load(path=path)
    assert caught.value.messages == [
        "question d: intro: The formula $\\cssId{x}{p}$ cannot be shown: \\cssId is not "
        "allowed in a formula: a formula may not set links, styles, classes, ids or HTML "
        "attributes."
    ]
    assert not QuestionTemplate.objects.exists()


# ----------------------------------------------------------------------- attempt_submit


def test_a_correct_answer_is_stored_with_everything_needed_to_regrade(question_set, make_user):
    question = question_set["kl-divergence-three-outcomes"]
    user = make_user()
    variant = variant_for(question.generator, 7)
    attempt = submit(question, answer=f"{variant.expected:.4f}", user=user)
    stored = Attempt.objects.get()
    assert stored == attempt
    assert (stored.learner.user, stored.question, stored.seed) == (user, question, 7)
    assert stored.variant == variant.params and stored.unit == "bits"
    assert stored.raw_answer == f"{variant.expected:.4f}"
    assert math.isclose(stored.value, float(f"{variant.expected:.4f}"))
    assert stored.expected == variant.expected
    assert (stored.correct, stored.diagnosis, stored.feedback) == (True, "", "Correct!")
    assert stored.created_at is not None


def test_an_anonymous_attempt_belongs_to_the_session(question_set):
    question = question_set["entropy-of-a-biased-coin"]
    attempt = submit(question, answer="0.5")
    assert attempt.learner.user is None and attempt.learner.session_key == SESSION
    assert attempt.correct is False


def test_an_attempt_needs_an_owner(question_set):
    with pytest.raises(ValidationError) as caught:
        submit(question_set["entropy-of-a-biased-coin"], answer="0.5", session_key=None)
    assert caught.value.code == "no_owner"
    assert not Attempt.objects.exists() and not Learner.objects.exists()


def test_the_reversed_divergence_is_diagnosed_and_stored_as_wrong(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    variant = variant_for(question.generator, 7)
    attempt = submit(question, answer=repr(variant.alternatives["reversed"]))
    assert (attempt.correct, attempt.diagnosis) == (False, "reversed")
    assert "D(Q‖P)" in attempt.feedback and "not symmetric" in attempt.feedback


def test_a_question_s_own_wording_of_a_mistake_is_used(question_set):
    question = question_set["conditional-entropy-of-a-table"]
    variant = variant_for(question.generator, 7)
    attempt = submit(question, answer=repr(variant.alternatives["reversed"]))
    assert attempt.diagnosis == "reversed"
    assert attempt.feedback == variant.messages["reversed"]
    assert "H(X | Y)" in attempt.feedback


def test_the_value_in_nats_is_named_as_the_wrong_unit(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    variant = variant_for(question.generator, 7)
    attempt = submit(question, answer=f"{variant.expected * LN2:.5f}")
    assert (attempt.correct, attempt.diagnosis) == (False, "wrong_unit")
    assert attempt.feedback == "That is the value in nats; the question asks for bits."
    labelled = submit(question, answer=f"{variant.expected * LN2:.5f} nats")
    assert labelled.correct and "nats is" in labelled.feedback


def test_a_question_asked_in_nats_grades_in_nats(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    question.unit = "nats"
    question.save()
    bits = variant_for(question.generator, 7)
    attempt = submit(question, answer=f"{bits.expected * LN2:.5f}")
    assert attempt.correct and attempt.unit == "nats"
    assert math.isclose(attempt.expected, bits.expected * LN2)
    wrong = submit(question, answer=f"{bits.expected:.5f}")
    assert wrong.feedback == "That is the value in bits; the question asks for nats."


def test_the_question_s_tolerance_is_used(question_set):
    question = question_set["entropy-of-a-biased-coin"]
    expected = variant_for(question.generator, 7).expected
    assert not submit(question, answer=repr(expected * 1.02)).correct
    question.rel_tol = 0.03
    question.save()
    assert submit(question, answer=repr(expected * 1.02)).correct


def test_the_same_form_sent_twice_stores_one_attempt(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    token = uuid.uuid4()
    first = submit(question, answer="0.1", token=token)
    again = submit(question, answer="0.2", token=token)  # a resent or edited form
    assert again.pk == first.pk and again.raw_answer == "0.1"
    assert Attempt.objects.count() == 1


def test_a_form_token_cannot_be_reused_by_someone_else_or_for_another_variant(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    token = uuid.uuid4()
    submit(question, answer="0.1", token=token)
    for kwargs in ({"session_key": "other" * 6}, {"seed": 8}):
        with pytest.raises(ValidationError) as caught:
            submit(question, answer="0.1", token=token, **kwargs)
        assert caught.value.code == "not_yours"
    assert Attempt.objects.count() == 1


def test_a_race_lost_at_the_insert_answers_with_the_winner_s_attempt(question_set, monkeypatch):
    """Two requests with one token both pass the look-up; the unique token decides."""
    question = question_set["kl-divergence-three-outcomes"]
    token = uuid.uuid4()
    winner = submit(question, answer="0.1", token=token)
    real_exists = QuerySet.exists
    monkeypatch.setattr(
        QuerySet,
        "exists",
        lambda qs: False if qs.model is Attempt else real_exists(qs),
    )
    loser = submit(question, answer="0.1", token=token)
    assert loser.pk == winner.pk
    assert Attempt.objects.count() == 1


RACE_ROUNDS = 15


def _send_twice(question: QuestionTemplate, token: uuid.UUID) -> list[int]:
    """Submit the form ``token`` from two threads at once; the attempt ids they got."""
    return at_once(2, lambda: submit(question, answer="0.25", token=token).pk, timeout=30)


def _race(question: QuestionTemplate, rounds: int = RACE_ROUNDS) -> list[tuple[int, int]]:
    """Send each of ``rounds`` forms twice at the same moment from two threads (each with
    its own database connection); return ``(attempts stored, distinct answers)`` per form.
    """
    outcome = []
    for _ in range(rounds):
        token = uuid.uuid4()
        results = _send_twice(question, token)
        outcome.append((Attempt.objects.filter(token=token).count(), len(set(results))))
    return outcome


RACE_SCRIPT = """
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from practice import services
from practice.models import QuestionTemplate
from tests.knowledge_graph.factories import make_graph
from tests.practice import test_services
make_graph([], extra=("kl-divergence",))
services.questions_load()
question = QuestionTemplate.objects.get(slug="kl-divergence-three-outcomes")
print(json.dumps(test_services._race(question)))
"""


@pytest.mark.django_db(transaction=True)
def test_concurrent_double_submit_stores_one_attempt(topics, tmp_path):
    """Two requests with one form at the same moment: one attempt, both get it.

    In-memory SQLite test databases cannot be shared between threads' connections, so on
    SQLite the race runs in a child process on a database file with the project's real
    settings (WAL, immediate transactions); on PostgreSQL it runs right here.
    """
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}"}
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        done = subprocess.run(
            [sys.executable, "-c", RACE_SCRIPT],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        outcome = [tuple(pair) for pair in json.loads(done.stdout.strip().splitlines()[-1])]
    else:
        services.questions_load()
        outcome = _race(QuestionTemplate.objects.get(slug="kl-divergence-three-outcomes"))
    assert outcome == [(1, 1)] * RACE_ROUNDS


@pytest.mark.parametrize(
    ("answer", "position", "message"),
    [
        ("0.5 @ 2", 4, "Unexpected character '@' at position 4."),
        ("2pi", 1, "Missing operator between '2' and 'pi' at position 1 (write * to multiply)."),
        ("", None, "Please enter an answer."),
        ("log(2)", 0, None),
    ],
)
def test_an_unreadable_answer_is_refused_and_not_stored(question_set, answer, position, message):
    with pytest.raises(ValidationError) as caught:
        submit(question_set["entropy-of-a-biased-coin"], answer=answer)
    assert caught.value.code == "unparseable"
    assert caught.value.params["position"] == position
    if message:
        assert caught.value.messages == [message]
    assert not Attempt.objects.exists()


def test_an_over_long_answer_is_refused_before_parsing(question_set):
    with pytest.raises(ValidationError) as caught:
        submit(question_set["entropy-of-a-biased-coin"], answer="1" * (MAX_LENGTH + 1))
    assert caught.value.code == "too_long"
    assert "201 characters; at most 200" in caught.value.messages[0]
    assert not Attempt.objects.exists()


# ----------------------------------------------------------------------- attempt_regrade


def test_regrading_reproduces_every_stored_verdict(question_set):
    attempts = []
    for question in question_set.values():
        for seed in (3, 11):
            variant = variant_for(question.generator, seed)
            if variant.answer is not None and variant.answer.kind == "choice":
                answers = list(variant.answer.options)
            else:
                answers = [f"{variant.expected:.4f}", f"{variant.expected * LN2:.4f}", "0.123"]
                answers += [repr(v) for v in variant.alternatives.values()]
            attempts += [submit(question, seed, answer=a) for a in answers]
    assert len(attempts) > 50
    for attempt in Attempt.objects.select_related("question"):
        verdict = services.attempt_regrade(attempt=attempt)
        assert (verdict.correct, verdict.diagnosis or "") == (attempt.correct, attempt.diagnosis)
        assert verdict.value == attempt.value
        if not isinstance(verdict.expected, str):  # a choice's key is not stored as a number
            assert verdict.expected == attempt.expected


def test_regrading_keeps_the_unit_the_attempt_was_asked_in(question_set):
    question = question_set["entropy-of-a-biased-coin"]
    variant = variant_for(question.generator, 3)
    attempt = submit(question, 3, answer=f"{variant.expected:.4f}")
    question.unit = "nats"
    question.save()
    attempt = Attempt.objects.select_related("question").get(pk=attempt.pk)
    assert services.attempt_regrade(attempt=attempt).correct


def test_regrading_notices_a_generator_that_changed(question_set):
    attempt = submit(question_set["entropy-of-a-biased-coin"], answer="0.5")
    attempt.variant = {**attempt.variant, "heads": -1}
    attempt.save()
    with pytest.raises(ValidationError) as caught:
        services.attempt_regrade(attempt=attempt)
    assert caught.value.code == "variant_changed"


# ------------------------------------------------------------------------ attempts_move


def test_moving_gives_one_learner_s_attempts_to_another(question_set, make_user):
    question = question_set["entropy-of-a-biased-coin"]
    mine = [submit(question, answer=a) for a in ("0.5", "0.6")]
    others = submit(question, answer="0.7", session_key="x" * 32)
    target = learner_of(make_user())
    assert services.attempts_move(source=learner_of(), target=target) == 2
    assert {a.pk for a in target.attempts.all()} == {a.pk for a in mine}
    others.refresh_from_db()
    assert others.learner == learner_of(session_key="x" * 32)
    assert services.attempts_move(source=learner_of(), target=target) == 0


# ---------------------------------------------------------------------- the tutoring loop


def reveal(question, seed=7, *, user=None, session_key=SESSION):
    return services.solution_reveal(
        question=question, seed=seed, learner=learner_of(user, session_key)
    )


def test_two_tries_then_the_solution_is_shown(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    variant = variant_for(question.generator, 7)
    first = submit(question, answer="0.01")
    assert (first.try_number, first.revealed, first.correct) == (1, False, False)
    assert not SolutionReveal.objects.exists()
    second = submit(question, answer="0.02", token=services.next_token(first.token))
    assert (second.try_number, second.revealed) == (2, False)
    assert SolutionReveal.objects.get().seed == 7  # shown after the second wrong try
    third = submit(question, answer=f"{variant.expected:.4f}")
    assert (third.try_number, third.revealed, third.correct) == (3, True, True)
    other = submit(question, seed=8, answer="0.01")  # another variant starts afresh
    assert (other.try_number, other.revealed) == (1, False)


def test_a_right_second_try_earns_credit(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    variant = variant_for(question.generator, 7)
    submit(question, answer="0.01")
    right = submit(question, answer=f"{variant.expected:.4f}")
    assert (right.try_number, right.revealed, right.correct) == (2, False, True)
    assert not SolutionReveal.objects.exists()


def test_a_right_answer_after_asking_for_the_solution_is_correct_but_revealed(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    variant = variant_for(question.generator, 7)
    shown = reveal(question)
    assert reveal(question) == shown  # asked twice: one reveal
    attempt = submit(question, answer=f"{variant.expected:.4f}")
    assert (attempt.correct, attempt.revealed, attempt.try_number) == (True, True, 1)
    assert submit(question, seed=8, answer="0.01").revealed is False
    # Reveals are the learner's own.
    assert submit(question, answer="0.01", session_key="t" * 32).revealed is False


def test_a_reveal_needs_an_owner(question_set):
    with pytest.raises(ValidationError) as caught:
        reveal(question_set["entropy-of-a-biased-coin"], session_key=None)
    assert caught.value.code == "no_owner"
    assert not SolutionReveal.objects.exists()


def test_a_malformed_answer_does_not_use_up_a_try(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    first = submit(question, answer="0.01")
    token = services.next_token(first.token)
    for bad in ("0.5 @ 2", "", "((("):
        with pytest.raises(ValidationError):
            submit(question, answer=bad, token=token)
    second = submit(question, answer="0.02", token=token)
    assert second.try_number == 2
    assert Attempt.objects.count() == 2


def test_a_double_submitted_try_is_stored_once(question_set):
    question = question_set["kl-divergence-three-outcomes"]
    first = submit(question, answer="0.01")
    token = services.next_token(first.token)
    assert token == services.next_token(first.token) != first.token
    second = submit(question, answer="0.02", token=token)
    assert submit(question, answer="0.03", token=token) == second
    assert Attempt.objects.count() == 2 and SolutionReveal.objects.count() == 1


def test_a_reveal_race_lost_at_the_insert_answers_with_the_winner_s(question_set, monkeypatch):
    question = question_set["kl-divergence-three-outcomes"]
    winner = SolutionReveal.objects.create(learner=learner_of(), question=question, seed=7)
    real_first = QuerySet.first
    calls = []

    def first_misses_once(self):  # the other request's row lands just after the look-up
        if self.model is SolutionReveal and not calls:
            calls.append(1)
            return None
        return real_first(self)

    monkeypatch.setattr(QuerySet, "first", first_misses_once)
    assert reveal(question) == winner
    assert SolutionReveal.objects.count() == 1


def test_moving_gives_the_reveals_too(question_set, make_user):
    question = question_set["kl-divergence-three-outcomes"]
    user = make_user()
    reveal(question, seed=7)
    reveal(question, seed=8)
    reveal(question, seed=8, user=user)  # already the user's
    services.attempts_move(source=learner_of(), target=learner_of(user))
    assert set(SolutionReveal.objects.values_list("learner__user", "seed")) == {
        (user.pk, 7),
        (user.pk, 8),
    }
    variant = variant_for(question.generator, 7)
    assert submit(question, answer=f"{variant.expected:.4f}", user=user).revealed is True
