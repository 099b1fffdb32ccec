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
``config.settings``; ``DB_PREPARE=0`` turns it off). When queries are logged (``DEBUG``,
or a test capturing them) or an execute wrapper is installed, the read goes through
Django's cursor wrapper like any other; otherwise it takes the wrapper's checks
(health, thread, broken transaction) and its error translation without building the
wrapper, which saves about a fifth of a small read's time. On SQLite it is a plain
cursor.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection


def rows(sql: str, params: Sequence = ()) -> list[tuple]:
    """Every row of a read (``%s`` placeholders, as for a Django cursor)."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    from django.db.backends.postgresql.base import ServerBindingCursor

    # What BaseDatabaseWrapper.cursor() and CursorWrapper.execute() check, in order.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    if connection.queries_logged or connection.execute_wrappers:
        with connection.wrap_database_errors:
            raw = ServerBindingCursor(connection.connection)
        wrap = connection.make_debug_cursor if connection.queries_logged else connection.make_cursor
        with wrap(raw) as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    connection.validate_no_broken_transaction()
    with connection.wrap_database_errors, ServerBindingCursor(connection.connection) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
