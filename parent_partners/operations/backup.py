"""Backing up and restoring the database, whole.

- SQLite: the sqlite3 online backup API (a consistent copy while the service runs),
  in both directions.
- PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists
  --single-transaction`` (the PostgreSQL client tools must be on PATH; the
  password, if any, is passed in ``PGPASSWORD``, never on the command line).

A restore replaces everything, so nothing can be half-restored: SQLite copies the
pages under one lock, and ``pg_restore`` runs in one transaction.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, make_url

from parent_partners.extensions import db


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message says why."""


def _url() -> URL:
    return make_url(str(db.engine.url.render_as_string(hide_password=False)))


def _sqlite_path(url: URL) -> str:
    if not url.database or url.database == ":memory:":
        raise BackupError("An in-memory SQLite database cannot be backed up")
    return url.database


def _pg_args(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for the PostgreSQL tools, and the environment with the password."""
    args = ["--dbname", url.database or ""]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return args, env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed: install the PostgreSQL client tools")
    return found


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(  # noqa: S603 - fixed tool, arguments built above
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-2000:]}")


def backup(target: Path) -> None:
    """Write a consistent copy of the whole database to ``target``."""
    url = _url()
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(_sqlite_path(url))
        dest = sqlite3.connect(target)
        try:
            with dest:
                source.backup(dest)
        finally:
            dest.close()
            source.close()
        return
    if url.get_backend_name() == "postgresql":
        args, env = _pg_args(url)
        _run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
             "--file", str(target), *args],
            env,
        )
        return
    raise BackupError(f"Backups of {url.get_backend_name()} databases are not supported")


def restore(source: Path) -> None:
    """Replace the whole database with the backup in ``source``."""
    url = _url()
    source = source.resolve()
    if not source.is_file():
        raise BackupError(f"No backup file at {source}")
    db.session.remove()
    db.engine.dispose()  # no connection of ours may hold a lock during the restore
    if url.get_backend_name() == "sqlite":
        backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            check = backup_db.execute("PRAGMA integrity_check").fetchone()
            if not check or check[0] != "ok":
                raise BackupError(f"{source} is not a sound SQLite database")
            live = sqlite3.connect(_sqlite_path(url))
            try:
                with live:
                    backup_db.backup(live)
            finally:
                live.close()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{source} is not a SQLite backup: {error}") from error
        finally:
            backup_db.close()
        return
    if url.get_backend_name() == "postgresql":
        args, env = _pg_args(url)
        _run(
            [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--single-transaction", "--exit-on-error", *args, str(source)],
            env,
        )
        return
    raise BackupError(f"Restores of {url.get_backend_name()} databases are not supported")


def fingerprint(tables: list[str] | None = None) -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 of every row (ordered by primary key) of each table.

    Two databases with the same fingerprint hold the same data; used to check a restore.
    """
    inspector = inspect(db.engine)
    names = tables or sorted(
        name for name in inspector.get_table_names() if name != "alembic_version"
    )
    result: dict[str, tuple[int, str]] = {}
    with db.engine.connect() as connection:
        for name in names:
            keys = inspector.get_pk_constraint(name).get("constrained_columns") or [
                column["name"] for column in inspector.get_columns(name)
            ]
            order = ", ".join(f'"{key}"' for key in keys)
            rows = connection.execute(text(f'SELECT * FROM "{name}" ORDER BY {order}'))  # noqa: S608
            digest = hashlib.sha256()
            count = 0
            for row in rows:
                count += 1
                digest.update(repr(tuple(_plain(value) for value in row)).encode())
            result[name] = (count, digest.hexdigest())
    return result


def _plain(value: object) -> object:
    """The same value whichever driver read it (SQLite gives naive datetimes and JSON text)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:19]
    return value
