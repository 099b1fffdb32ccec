"""An existing database upgrades to one learner identity: the learner table moves to the
``learners`` app, and every attempt and solution reveal, once owned by a user or an
anonymous session key, points at that owner's learner row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("learners", None),
    ("tutor", "0001_initial"),
    ("practice", "0004_tutoring_loop"),
    ("knowledge_graph", "0002_topic_updated_at"),
]
AFTER = [
    ("learners", "0002_learner_table_renamed"),
    ("practice", "0007_attempt_owned_by_learner"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1]]).apps


@pytest.fixture
def latest_schema_after():
    """Leave the test database at the latest migration of every app, as the tests after
    this one expect it: ``AFTER`` stops short of later migrations (the review memories
    of learning 0004), whose tables the tests that follow on the same database need."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_schema_after")
def test_an_existing_database_upgrades_with_every_attempt_owned_by_its_learner():
    old = migrate(BEFORE)
    User = old.get_model("auth", "User")
    OldLearner = old.get_model("tutor", "Learner")
    Topic = old.get_model("knowledge_graph", "Topic")
    Question = old.get_model("practice", "QuestionTemplate")
    Attempt = old.get_model("practice", "Attempt")
    Reveal = old.get_model("practice", "SolutionReveal")
    KnownTopic = old.get_model("tutor", "KnownTopic")

    ada = User.objects.create(username="ada")
    bob = User.objects.create(username="bob")
    ada_learner = OldLearner.objects.create(user=ada)  # bob never marked anything
    visitor = OldLearner.objects.create(session_key="v" * 32)
    topic = Topic.objects.create(slug="t", title="T", level="graduate", core_idea="x")
    KnownTopic.objects.create(learner=visitor, topic=topic)
    question = Question.objects.create(topic=topic, slug="q", title="Q", generator="g")

    def attempt(**owner):
        return Attempt.objects.create(
            question=question,
            seed=1,
            variant={},
            expected=1.0,
            raw_answer="1",
            correct=True,
            **owner,
        ).pk

    owned = {
        "ada": attempt(user=ada),
        "bob": attempt(user=bob),
        "visitor": attempt(session_key="v" * 32),
        "stranger": attempt(session_key="s" * 32),  # practised, never marked anything
    }
    Reveal.objects.create(user=bob, question=question, seed=1)
    Reveal.objects.create(session_key="s" * 32, question=question, seed=1)

    new = migrate(AFTER)
    Learner = new.get_model("learners", "Learner")
    Attempt = new.get_model("practice", "Attempt")
    Reveal = new.get_model("practice", "SolutionReveal")
    learner_of = {pk: Attempt.objects.get(pk=pk).learner for pk in owned.values()}
    assert learner_of[owned["ada"]].pk == ada_learner.pk
    assert learner_of[owned["visitor"]].pk == visitor.pk
    assert learner_of[owned["bob"]].user_id == bob.pk
    assert learner_of[owned["stranger"]].session_key == "s" * 32
    assert Learner.objects.count() == 4
    assert set(Reveal.objects.values_list("learner__user_id", "learner__session_key")) == {
        (bob.pk, ""),
        (None, "s" * 32),
    }
    assert new.get_model("tutor", "KnownTopic").objects.get().learner_id == visitor.pk
    tables = connection.introspection.table_names()
    assert "learners_learner" in tables and "tutor_learner" not in tables

    old = migrate(BEFORE)  # and back: every row keeps its owner
    Attempt = old.get_model("practice", "Attempt")
    assert Attempt.objects.get(pk=owned["bob"]).user_id == bob.pk
    assert Attempt.objects.get(pk=owned["stranger"]).session_key == "s" * 32
    migrate(AFTER)
