"""Raw reads on the learner's hot paths, with their query plans kept on PostgreSQL.

A learner's page runs a few small statements over and over: the topic with the
graph's stamp, the learner's marks and goals, the rows shown. On PostgreSQL,
planning such a statement costs more than running it: reading the graph's stamp (four
sub-selects) takes 0.17 ms planned afresh and 0.05 ms prepared. Django binds parameters
on the client by default, so PostgreSQL sees a new text every time and cannot keep a
plan; binding on the server for every query would instead limit any query to 65,535
parameters, which large deletes and ``IN`` lists in the admin go over.

:func:`rows` binds on the server for these reads only, so psycopg prepares a
statement once it has run ``prepare_threshold`` times on a connection (set in
``tutor.settings``; ``DB_PREPARE=0`` turns it off). The queries go through Django's
cursor wrapper like any other: they are logged, counted by tests and wrapped in
Django's database errors. On SQLite it is a plain cursor.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection


def rows(sql: str, params: Sequence = ()) -> list[tuple]:
    """Every row of a read (``%s`` placeholders, as for a Django cursor)."""
    with _cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _cursor():
    if connection.vendor != "postgresql":
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    # As BaseDatabaseWrapper.cursor() does, with a server-binding cursor.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    with connection.wrap_database_errors:
        cursor = ServerBindingCursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)
