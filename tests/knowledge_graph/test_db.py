"""The raw reads of the learner's hot paths: logged like any query, prepared on
PostgreSQL once they have run a couple of times on a connection."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from knowledge_graph import db
from knowledge_graph.models import Topic
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db

SQL = f"SELECT slug, depth FROM {Topic._meta.db_table} WHERE slug IN (%s, %s) ORDER BY slug"


def test_rows_reads_with_parameters_and_is_logged_like_any_query():
    make_graph([("a", "b")])
    with CaptureQueriesContext(connection) as queries:
        assert db.rows(SQL, ["b", "a"]) == [("a", 0), ("b", 1)]
        assert db.rows(SQL, ["a", "zzz"]) == [("a", 0)]
    assert len(queries) == 2 and "SELECT slug, depth" in queries[0]["sql"]


def test_an_execute_wrapper_sees_the_read_and_unlogged_reads_still_answer():
    make_graph([("a", "b")])
    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append((sql, tuple(params)))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        assert db.rows(SQL, ["a", "b"]) == [("a", 0), ("b", 1)]
    assert seen == [(SQL, ("a", "b"))]
    assert not connection.queries_logged  # the unwrapped way, as in production
    assert db.rows(SQL, ["b", "zzz"]) == [("b", 1)]


def test_a_bad_read_raises_djangos_database_error():
    with pytest.raises(DatabaseError):
        db.rows("SELECT nothing FROM no_such_table WHERE id = %s", [1])
    # The connection stays usable (the test's transaction is not broken on SQLite;
    # on PostgreSQL a savepoint would be needed, so only the error is checked there).
    if connection.vendor == "sqlite":
        assert db.rows("SELECT %s", [7]) == [(7,)]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)
def test_on_postgresql_a_repeated_read_is_prepared():
    make_graph([("a", "b")])
    marker = "SELECT depth, slug FROM"  # a statement no other test runs
    sql = f"{marker} {Topic._meta.db_table} WHERE slug IN (%s, %s) ORDER BY slug"

    def prepared() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                [f"%{marker}%"],
            )
            return cursor.fetchone()[0]

    db.rows(sql, ["a", "b"])
    assert prepared() == 0
    for _ in range(3):
        assert db.rows(sql, ["a", "b"]) == [(0, "a"), (1, "b")]
    assert prepared() == 1
