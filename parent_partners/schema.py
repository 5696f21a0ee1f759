"""Keeping the service's schema apart from a host's in a shared database.

``PARTNERS_DB_SCHEMA`` (PostgreSQL) puts every table of the service, and its migration
history, in a schema of its own; the migration history always has its own version table
(``PARTNERS_ALEMBIC_VERSION_TABLE``), so ``flask db`` of a host and ``partners db`` never meet.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import Column, MetaData, String, Table, insert, inspect, select, text
from sqlalchemy.engine import Connection

DEFAULT_VERSION_TABLE = "partners_alembic_version"
LEGACY_VERSION_TABLE = "alembic_version"


def engine_options(url: str, options: dict[str, Any], schema: str | None) -> dict[str, Any]:
    """Engine options for ``url``, with ``schema`` first on PostgreSQL's search path."""
    result = {"pool_pre_ping": True, **options}
    if schema and url.startswith("postgresql"):
        if not schema.isidentifier():
            raise ValueError(f"PARTNERS_DB_SCHEMA {schema!r} is not a plain identifier")
        connect_args = dict(result.get("connect_args") or {})
        connect_args["options"] = f"-csearch_path={schema},public"
        result["connect_args"] = connect_args
    return result


def version_table(app: Flask) -> str:
    """Name of the table that records which of the service's migrations have run."""
    return str(app.config.get("PARTNERS_ALEMBIC_VERSION_TABLE") or DEFAULT_VERSION_TABLE)


def prepare_schema(connection: Connection, app: Flask) -> None:
    """Create the service's PostgreSQL schema if it is configured and missing."""
    schema = app.config.get("PARTNERS_DB_SCHEMA")
    if schema and connection.dialect.name == "postgresql":
        connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))


def adopt_legacy_version_table(connection: Connection, table: str, script: Any) -> None:
    """Carry the revision over from ``alembic_version`` for databases migrated before the
    service had a version table of its own, when the revision there is one of ours."""
    names = set(inspect(connection).get_table_names())
    if table in names or LEGACY_VERSION_TABLE not in names:
        return
    legacy = _version_table(LEGACY_VERSION_TABLE)
    revision = connection.execute(select(legacy.c.version_num)).scalar()
    if revision is None:
        return
    try:
        known = script.get_revision(revision) is not None
    except Exception:  # a host's revision, unknown to our script: not ours to adopt
        known = False
    if not known:
        return
    own = _version_table(table)
    own.create(connection)
    connection.execute(insert(own).values(version_num=revision))


def _version_table(name: str) -> Table:
    return Table(
        name,
        MetaData(),
        Column("version_num", String(32), primary_key=True),
    )
