"""Each test inside one database transaction that is rolled back when it ends.

SQLAlchemy's "join a session into an external transaction" pattern: the test app's
sessions are bound to one connection whose outer transaction the test never commits;
each session works in a SAVEPOINT (``join_transaction_mode="create_savepoint"``), so
the code's own ``commit()`` releases a savepoint and ``rollback()`` goes back to it,
as it would in production, and the test ends by rolling the whole transaction back.

Tests whose work must really be committed (other threads, other processes, live
servers) carry the ``commits`` marker and are cleaned up by emptying the tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, current_app, has_app_context
from sqlalchemy.engine import Connection

from parent_partners.extensions import db

_JOINED: dict[int, Connection] = {}
"""id(app) → the connection its sessions are joined to, while a test runs."""


def install(app: Flask) -> None:
    """Make ``db.session`` use the joined connection of ``app`` while a test holds one.

    Patches only the session class ``db.session`` makes (a subclass of its own), so
    other apps a test builds keep their own engines and commit for real.
    """
    factory = db.session.session_factory
    session_class: Any = factory.class_
    if getattr(session_class, "_joins_test_transaction", False):
        return
    engine_bind = session_class.get_bind

    def get_bind(self: Any, mapper: Any = None, clause: Any = None, bind: Any = None,
                 **kwargs: Any) -> Any:
        if bind is None and has_app_context():
            joined = _JOINED.get(id(current_app._get_current_object()))  # type: ignore[attr-defined]
            if joined is not None:
                return joined
        return engine_bind(self, mapper=mapper, clause=clause, bind=bind, **kwargs)

    session_class.get_bind = get_bind
    session_class._joins_test_transaction = True
    factory.configure(join_transaction_mode="create_savepoint")


def is_savepoint(statement: str) -> bool:
    """Whether ``statement`` is the harness's own savepoint work (not a query a page makes).

    Production runs each request in a plain transaction; under the test transaction the
    same commit becomes a SAVEPOINT and its RELEASE, which round-trip counts leave out.
    """
    return statement.lstrip().upper().startswith(_SAVEPOINT_WORDS)


_SAVEPOINT_WORDS = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


@contextmanager
def rolled_back(app: Flask) -> Iterator[None]:
    """Run the block with ``app``'s sessions in one transaction, rolled back afterwards."""
    with app.app_context():
        db.session.remove()
        connection = db.engine.connect()
    sqlite = connection.dialect.name == "sqlite"
    driver: Any = connection.connection.driver_connection
    if sqlite:
        # pysqlite would let the first SAVEPOINT start (and its RELEASE commit) the real
        # transaction; taking transaction control from it keeps the savepoints nested.
        driver.isolation_level = None
    outer = connection.begin()
    if sqlite:
        connection.exec_driver_sql("BEGIN")
    _JOINED[id(app)] = connection
    try:
        yield
    finally:
        del _JOINED[id(app)]
        with app.app_context():
            db.session.remove()
        outer.rollback()
        if sqlite:
            driver.isolation_level = ""
        connection.close()


@contextmanager
def sharing(app: Flask, other: Flask) -> Iterator[None]:
    """Let ``other`` (a host app on the same database) work in ``app``'s test transaction."""
    joined = _JOINED.get(id(app))
    if joined is None:  # a test marked ``commits``: both apps commit for real
        yield
        return
    _JOINED[id(other)] = joined
    try:
        yield
    finally:
        with other.app_context():
            db.session.remove()
        del _JOINED[id(other)]


def empty_tables(app: Flask) -> None:
    """Delete every row the test committed (for tests marked ``commits``)."""
    with app.app_context():
        db.session.rollback()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
        db.session.remove()
