"""Writes for practice: loading question templates, recording and moving attempts.

An attempt is stored only for an answer that could be read as one: a malformed answer
raises ``ValidationError(code="unparseable")`` and nothing is written, so the student
loses nothing (the view shows the parser's message next to the form, with their text
still in it). So is a choice that is not one of the options (``code="not_an_option"``)
and a percent where the question asks for another unit or for several values
(``code="no_percent"``). An answer longer than :data:`practice.parser.MAX_LENGTH`
characters is refused before any parsing (``code="too_long"``).

A question is graded one of two ways. Its variant may carry its own answer
(``Variant.answer``, a :class:`~practice.grader.Expected` of any kind: an exact fraction,
an integer, a choice, several values, an angle): it is graded with
:func:`~practice.grader.grade_answer`, the attempt keeps that answer as data
(:func:`~practice.grader.expected_to_data`) and has no bits/nats unit. Otherwise the
variant's ``expected`` value is graded in the question's unit, bits or nats.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from knowledge_graph import services as graph_services
from knowledge_graph.models import Topic
from knowledge_graph.rendering import math_problems
from knowledge_graph.services import LoadResult
from learners.models import Learner
from practice import authored
from practice.grader import (
    DEFAULT_ABS_TOL,
    Expected,
    Verdict,
    expected_to_data,
    grade,
    grade_answer,
)
from practice.models import Attempt, QuestionTemplate, SolutionReveal, Unit
from practice.parser import MAX_LENGTH, AnswerError, ParsedAnswer, parse_answer, parse_values
from practice.questions import GENERATORS, WRITTEN, Variant, gives_own_answer
from practice.signals import attempt_stored

QUESTIONS_DIR = Path(settings.BASE_DIR) / "fixtures" / "questions"
QUESTION_FIELDS = ("topic_id", "title", "generator", "intro", "unit", "rel_tol", "position")


# ------------------------------------------------------------------ question templates


def questions_problems(specs: Any) -> list[str]:
    """Everything wrong with the question specs (a JSON list of objects), as messages."""
    if not isinstance(specs, list):
        return ["the questions file must hold a JSON list"]
    found: list[str] = []
    seen: set[str] = set()
    required = ("slug", "topic", "title", "generator")
    for i, spec in enumerate(specs):
        if not isinstance(spec, dict):
            found.append(f"question {i}: not an object")
            continue
        name = spec.get("slug", f"#{i}")
        missing = [k for k in required if not spec.get(k)]
        if missing:
            found.append(f"question {name}: missing {', '.join(missing)}")
            continue
        if name in seen:
            found.append(f"question {name}: duplicate slug")
        seen.add(name)
        if spec["generator"] not in GENERATORS and spec["generator"] != WRITTEN:
            found.append(f"question {name}: unknown generator {spec['generator']!r}")
            continue
        if spec["generator"] == WRITTEN:
            rel_tol = float(spec.get("rel_tol", 5e-3))
            written = QuestionTemplate(**_written_values(spec), rel_tol=rel_tol).written()
            for field, messages in authored.problems(written).items():
                found += [f"question {name}: {field}: {m}" for m in messages]
        problem = unit_problem(spec["generator"], spec_unit(spec))
        if problem:
            found.append(f"question {name}: {problem}")
        for field in ("intro", "prompt", "solution"):
            text = spec.get(field) or ""
            found += [f"question {name}: {field}: {p}" for p in math_problems(text)]
    return found


WRITTEN_FIELDS = (
    "variables",
    "constraints",
    "prompt",
    "answer",
    "answer_kind",
    "answer_form",
    "misconceptions",
    "solution",
)
"""The fields of a question written without Python, in a question file as in the model."""


def _written_values(spec: dict) -> dict[str, Any]:
    return {f: spec.get(f, "") for f in WRITTEN_FIELDS}


def spec_unit(spec: dict) -> str:
    """The unit a question spec asks for: as given (``"none"`` for none), else none for a
    family that gives its own answer and bits for the others."""
    unit = spec.get("unit")
    if unit is None:
        return Unit.NONE if gives_own_answer(spec["generator"]) else Unit.BITS
    return Unit.NONE if unit == "none" else unit


def unit_problem(generator: str, unit: str) -> str | None:
    """Why ``unit`` does not fit the ``generator``'s questions, or None if it does."""
    if unit not in Unit.values:
        return f"unit must be bits, nats or none, not {unit!r}"
    if gives_own_answer(generator) and unit != Unit.NONE:
        return (
            f"the generator {generator!r} gives its own answer (a fraction, a choice, an "
            "angle...), so the question has no bits/nats unit: choose none"
        )
    if not gives_own_answer(generator) and unit == Unit.NONE:
        return f"the generator {generator!r} is graded in bits or nats: choose one of them"
    return None


@transaction.atomic
@transaction.atomic
def curriculum_load(*, specs, questions: Path = QUESTIONS_DIR) -> LoadResult:
    """The whole curriculum: topics, edges and explainers from ``specs``
    (:func:`knowledge_graph.services.curriculum_load`), then the question templates."""
    result = graph_services.curriculum_load(specs=specs)
    result.extra.append(questions_load(path=questions))
    return result


def questions_read(path: Path = QUESTIONS_DIR) -> list[dict]:
    """The question templates of ``path``: a JSON file, or every ``*.json`` in a folder."""
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    return [spec for f in files for spec in json.loads(f.read_text(encoding="utf-8"))]


def questions_load(*, path: Path = QUESTIONS_DIR) -> str:
    """Create or refresh the question templates listed in ``path`` (matched by slug): a
    JSON file, or a folder whose ``*.json`` files are read in name order.

    Idempotent: a second run reports everything unchanged. Templates not in the file are
    left alone, and ``is_active`` of existing templates is never changed (an instructor
    may have switched one off), except that a template whose generator no longer exists
    is switched off. A question whose topic is not in the database is skipped.
    Returns a summary such as ``"questions: 3 created, 0 updated, 7 unchanged"``.
    """
    specs = questions_read(path)
    found = questions_problems(specs)
    if found:
        raise ValidationError(found)
    topic_ids = dict(
        Topic.objects.filter(slug__in={s["topic"] for s in specs}).values_list("slug", "id")
    )
    existing = {
        q.slug: q for q in QuestionTemplate.objects.filter(slug__in=[s["slug"] for s in specs])
    }
    created = updated = unchanged = skipped = 0
    for spec in specs:
        if spec["topic"] not in topic_ids:
            skipped += 1
            continue
        values = {
            "topic_id": topic_ids[spec["topic"]],
            "title": spec["title"],
            "generator": spec["generator"],
            "intro": spec.get("intro", ""),
            "unit": spec_unit(spec),
            "rel_tol": float(spec.get("rel_tol", 5e-3)),
            "position": int(spec.get("position", 0)),
            **_written_values(spec),
        }
        question = existing.get(spec["slug"])
        if question is None:
            question = QuestionTemplate(slug=spec["slug"], **values)
            created += 1
        elif any(getattr(question, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(question, f, v)
            updated += 1
        else:
            unchanged += 1
            continue
        question.full_clean()
        question.save()
    summary = f"questions: {created} created, {updated} updated, {unchanged} unchanged"
    if skipped:
        summary += f", {skipped} skipped (topic not loaded)"
    # A template whose generator left the code (a shipped family replaced by another)
    # cannot be drawn: switch it off rather than fail on its practice page.
    orphans = QuestionTemplate.objects.filter(is_active=True).exclude(
        generator__in=[*GENERATORS, WRITTEN]
    )
    gone = orphans.update(is_active=False)
    if gone:
        summary += f", {gone} switched off (generator no longer exists)"
    return summary


# ----------------------------------------------------------------------------- attempts


def _same_submission(
    attempt: Attempt, *, question: QuestionTemplate, seed: int, learner: Learner
) -> bool:
    return (
        attempt.question_id == question.pk
        and attempt.seed == seed
        and attempt.learner_id == learner.pk
    )


TRIES = 2
"""Wrong answers to one variant after which its worked solution is shown."""


def _of_variant(model, *, learner: Learner, question: QuestionTemplate, seed: int):
    """The learner's rows of ``model`` (attempts or reveals) for the variant ``(question,
    seed)``."""
    return model.objects.filter(learner=learner, question=question, seed=seed)


def next_token(token: uuid.UUID) -> uuid.UUID:
    """The token of the form for the next try after the answer sent with ``token``: the
    same for every copy of that answer, so a double submit shows one form, not two."""
    return uuid.uuid5(token, "next try")


def _existing(
    token: uuid.UUID, *, question: QuestionTemplate, seed: int, learner: Learner
) -> Attempt:
    attempt = Attempt.objects.select_related("question").get(token=token)
    if not _same_submission(attempt, question=question, seed=seed, learner=learner):
        raise ValidationError(
            "This answer form was already used by someone else; reload the question.",
            code="not_yours",
        )
    return attempt


@transaction.atomic
def attempt_submit(
    *,
    question: QuestionTemplate,
    seed: int,
    token: uuid.UUID | str,
    raw_answer: str,
    learner: Learner,
    checked: tuple[Variant, Verdict] | None = None,
) -> Attempt:
    """Grade ``raw_answer`` to the variant ``(question, seed)`` and store the attempt.
    ``checked`` is what :func:`answer_check` gave for this same answer, if the caller
    has asked it already (it is not drawn and graded again).

    ``token`` identifies the answer form that was shown: submitting the same token again
    (a double click, a resent request, or two racing requests) returns the attempt already
    stored for it instead of creating a second one. The attempt belongs to ``learner``.

    Raises ``ValidationError`` with code ``"too_long"`` (more than 200 characters, checked
    before parsing), ``"unparseable"`` (the parser's message, also as
    ``params["problem"]``; ``params["position"]`` is the 0-based index of the problem or
    ``None``), ``"not_an_option"`` (a choice that is not one of the options),
    ``"no_percent"`` (a percent where the question asks for another unit or for several
    values) or ``"not_yours"`` (the token is another learner's or another variant's).
    Nothing is stored in those cases, so a malformed answer does not use up a try.

    The attempt records which answer to the variant it is (``try_number``: the learner's
    attempts at ``(question, seed)`` before it, plus one) and whether the variant's
    solution had already been shown (``revealed``: a :class:`SolutionReveal` exists, asked
    for or after :data:`TRIES` wrong answers); a revealed attempt earns no mastery credit.
    The :data:`TRIES`-th wrong answer reveals the solution (:func:`solution_reveal`).
    A stored attempt is announced with :data:`practice.signals.attempt_stored`, in this
    transaction; one found already stored for ``token`` is not announced again.
    """
    token = uuid.UUID(str(token))
    if Attempt.objects.filter(token=token).exists():
        return _existing(token, question=question, seed=seed, learner=learner)
    variant, verdict = checked or answer_check(question=question, seed=seed, raw_answer=raw_answer)
    attempt = _attempt_row(learner, question, seed, variant, raw_answer, verdict)
    attempt.token = token
    # The learner and question rows were just read by the caller: checking that their
    # keys exist would be two more queries on every answer (an answer post made 28).
    attempt.full_clean(exclude=["learner", "question"], validate_unique=False)
    try:
        with transaction.atomic():
            attempt.save(force_insert=True)
    except IntegrityError:
        # Another request with the same token won the race: answer with its attempt.
        return _existing(token, question=question, seed=seed, learner=learner)
    if not attempt.correct and not attempt.revealed:
        wrong = _of_variant(Attempt, learner=learner, question=question, seed=seed)
        if wrong.filter(correct=False).count() >= TRIES:  # this one included
            solution_reveal(question=question, seed=seed, learner=learner)
    attempt_stored.send(sender=Attempt, attempt=attempt)
    return attempt


def answer_check(
    *, question: QuestionTemplate, seed: int, raw_answer: str
) -> tuple[Variant, Verdict]:
    """The variant ``(question, seed)`` and ``raw_answer`` graded against it, writing
    nothing; raises the ``ValidationError`` :func:`attempt_submit` would for an answer
    that cannot be read (so a view can refuse it before creating anything)."""
    if len(raw_answer) > MAX_LENGTH:
        raise ValidationError(
            f"Your answer is too long ({len(raw_answer)} characters; at most {MAX_LENGTH}).",
            code="too_long",
        )
    variant = question.variant(seed)
    return variant, _verdict(question, variant, raw_answer)


def _verdict(question: QuestionTemplate, variant: Variant, raw_answer: str) -> Verdict:
    """``raw_answer`` graded against the variant: against the answer it carries, or its
    expected value in the question's unit (bits or nats)."""
    if variant.answer is not None:
        return _grade_own(raw_answer, variant.answer)
    return grade(
        _parsed(raw_answer, unit=question.unit),
        variant.expected,
        unit=question.unit,
        rel_tol=question.rel_tol,
        abs_tol=max(variant.slack, DEFAULT_ABS_TOL),
        alternatives=variant.alternatives,
        nonnegative=variant.nonnegative,
    )


def _attempt_row(
    learner: Learner,
    question: QuestionTemplate,
    seed: int,
    variant: Variant,
    raw_answer: str,
    verdict: Verdict,
) -> Attempt:
    """The attempt to store (not saved): the variant's numbers and answer, the verdict,
    which try it is and whether the variant's solution had been shown already."""
    own = variant.answer is not None
    earlier = _of_variant(Attempt, learner=learner, question=question, seed=seed)
    return Attempt(
        learner=learner,
        question=question,
        seed=seed,
        variant=variant.params,
        expected=variant.expected,
        unit=Unit.NONE if own else question.unit,
        answer=expected_to_data(variant.answer) if own else None,
        raw_answer=raw_answer,
        value=verdict.value,
        correct=verdict.correct,
        diagnosis=verdict.diagnosis or "",
        feedback=feedback_message(verdict, variant.messages),
        try_number=earlier.count() + 1,
        revealed=_of_variant(
            SolutionReveal, learner=learner, question=question, seed=seed
        ).exists(),
    )


@transaction.atomic
def solution_reveal(
    *,
    question: QuestionTemplate,
    seed: int,
    learner: Learner,
) -> SolutionReveal:
    """Record that the worked solution of the variant ``(question, seed)`` is shown to
    this learner; from now on their answers to it are marked ``revealed``.

    Idempotent: asking again (a double click, two racing requests) returns the reveal
    already stored.
    """
    rows = _of_variant(SolutionReveal, learner=learner, question=question, seed=seed)
    found = rows.first()
    if found is not None:
        return found
    reveal = SolutionReveal(learner=learner, question=question, seed=seed)
    reveal.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            reveal.save(force_insert=True)
    except IntegrityError:
        return rows.get()  # another request recorded it first
    return reveal


def _refusal(message: str, code: str, position: int | None = None) -> ValidationError:
    """A refused answer (nothing is stored). The message quotes the student's text, so it
    goes in as a parameter: Django %-formats a message that has parameters."""
    message = message[:1].upper() + message[1:]
    if not message.endswith("."):
        message += "."
    return ValidationError(
        "%(problem)s", code=code, params={"problem": message, "position": position}
    )


def _percent_refusal(asks_for: str) -> ValidationError:
    return _refusal(
        f"A percent does not fit here: the question asks for {asks_for}; "
        "enter the number without the % sign",
        "no_percent",
    )


def _parsed(raw_answer: str, *, unit: str | None) -> ParsedAnswer:
    """The answer read as one number, refused if it cannot be or if it is a percent
    where the question asks for ``unit``."""
    try:
        parsed = parse_answer(raw_answer)
    except AnswerError as exc:
        raise _refusal(exc.message, "unparseable", exc.position) from None
    if parsed.unit == "percent" and unit not in (None, "percent"):
        raise _percent_refusal(unit)
    return parsed


def _grade_own(raw_answer: str, answer: Expected) -> Verdict:
    """Grade an answer to a variant that carries its own ``answer`` (any kind); refuse
    what cannot be read as that kind of answer.

    A percent is understood where the question asks for a percent or for one plain
    number (``25%`` is 1/4); it is refused where it asks for a unit (degrees) or for
    several values, which would be ambiguous.
    """
    if answer.kind == "choice":
        verdict = grade_answer(raw_answer, answer)
        if verdict.diagnosis == "not_an_option":
            keys = ", ".join(answer.options)
            raise _refusal(f"Choose one of the options ({keys})", "not_an_option")
        return verdict
    if answer.kind == "values":
        try:
            parsed = parse_values(raw_answer)
        except AnswerError as exc:
            raise _refusal(exc.message, "unparseable", exc.position) from None
        if answer.unit != "percent" and any(p.unit == "percent" for p in parsed):
            raise _percent_refusal(answer.unit or "plain numbers separated by commas")
    else:
        _parsed(raw_answer, unit=answer.unit)
    return grade_answer(raw_answer, answer)


def feedback_message(verdict: Verdict, messages: dict[str, str]) -> str:
    """The grader's message, reworded for this question when the variant says how."""
    if verdict.diagnosis and verdict.diagnosis in messages:
        return messages[verdict.diagnosis]
    return verdict.message


def attempt_regrade(*, attempt: Attempt) -> Verdict:
    """Grade a stored attempt again from its seed (nothing is written).

    The variant is drawn again in the unit the attempt was asked in (``attempt.unit``, so
    switching a question to nats later does not change the meaning of old attempts), and
    graded with the question's current tolerance; a variant that carries its own answer
    is graded against that answer, drawn again too.

    Raises ``ValidationError`` (code ``"variant_changed"``) if the generator no longer
    produces the stored numbers for that seed.
    """
    question = attempt.question
    variant = question.variant(attempt.seed, unit=attempt.unit)
    if json.loads(json.dumps(variant.params)) != attempt.variant:
        raise ValidationError(
            f"Generator {question.generator!r} no longer reproduces attempt {attempt.pk}.",
            code="variant_changed",
        )
    if variant.answer is not None:
        return grade_answer(attempt.raw_answer, variant.answer)
    return grade(
        attempt.raw_answer,
        variant.expected,
        unit=attempt.unit,
        rel_tol=question.rel_tol,
        abs_tol=max(variant.slack, DEFAULT_ABS_TOL),
        alternatives=variant.alternatives,
        nonnegative=variant.nonnegative,
    )


@transaction.atomic
def attempts_move(*, source: Learner, target: Learner) -> int:
    """Give ``target`` the attempts and solution reveals of ``source`` (an anonymous
    learner merged into an account that already had a learner); return how many attempts
    moved. A variant revealed to both keeps the target's reveal."""
    theirs = SolutionReveal.objects.filter(learner=target).values_list("question_id", "seed")
    for question_id, seed in theirs:
        SolutionReveal.objects.filter(learner=source, question_id=question_id, seed=seed).delete()
    SolutionReveal.objects.filter(learner=source).update(learner=target)
    return Attempt.objects.filter(learner=source).update(learner=target)
