"""Migrations are the only source of schema: they build it, match the models, and go back down."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from parent_partners import create_app
from parent_partners.extensions import db
from tests.database_support import scratch_postgres

# Migrations run on databases of their own and really commit.
pytestmark = pytest.mark.commits


@pytest.fixture
def scratch_url(tmp_path) -> Iterator[str]:
    """A database of its own: SQLite, or a scratch PostgreSQL database beside the test one."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path}/migrations.sqlite"
        return
    with scratch_postgres(base, "migrations") as url:
        yield url


def test_upgrade_matches_models_and_downgrade_empties(scratch_url: str):
    app = create_app(
        {"ENV_NAME": "test", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": scratch_url}
    )
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"version_table": "partners_alembic_version"}
            )
            diff = compare_metadata(context, db.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        downgrade(revision="base")
        tables = set(inspect(db.engine).get_table_names()) - {"partners_alembic_version"}
        assert tables == set()
        upgrade()
        assert "cases" in inspect(db.engine).get_table_names()
        db.engine.dispose()


def _trail_names(table: str) -> dict[str, object]:
    """The names a fresh install gives the trail's table, keys and indexes, as found now."""
    found = inspect(db.engine)
    return {
        "primary": found.get_pk_constraint(table)["name"],
        "foreign": sorted(key["name"] for key in found.get_foreign_keys(table)),
        "indexes": sorted(index["name"] for index in found.get_indexes(table)),
    }


def _expected_names(table: str) -> dict[str, object]:
    return {
        "primary": f"pk_{table}",
        "foreign": [f"fk_{table}_case_id_cases", f"fk_{table}_user_id_users"],
        "indexes": [f"ix_{table}_{column}" for column in ("action", "at", "case_id", "user_id")],
    }


def test_the_access_trail_rename_keeps_the_rows_both_ways(scratch_url: str):
    """A host on 0011 keeps every trail row through 0012 and back, and ends with the names
    a fresh install has, so a later migration can name them."""
    app = create_app(
        {"ENV_NAME": "test", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": scratch_url}
    )
    row = {"at": "2026-01-02 03:04:05+00:00", "action": "case_viewed", "summary": "Viewed a case",
           "data": "{}"}
    insert = "INSERT INTO {} (at, action, summary, data) VALUES (:at, :action, :summary, :data)"
    with app.app_context():
        upgrade(revision="0011")
        with db.engine.begin() as connection:
            connection.execute(text(insert.format("audit_events")), row)
        upgrade(revision="0012")
        assert "audit_events" not in inspect(db.engine).get_table_names()
        assert _trail_names("access_events") == _expected_names("access_events")
        with db.engine.begin() as connection:
            kept = connection.execute(text("SELECT id, action FROM access_events")).all()
            assert [tuple(r) for r in kept] == [(1, "case_viewed")]
            # The id keeps counting from where it was: the next event is 2, not a clash.
            connection.execute(text(insert.format("access_events")), row)
            assert connection.execute(text("SELECT max(id) FROM access_events")).scalar() == 2
        downgrade(revision="0011")
        assert "access_events" not in inspect(db.engine).get_table_names()
        assert _trail_names("audit_events") == _expected_names("audit_events")
        with db.engine.begin() as connection:
            assert connection.execute(text("SELECT count(*) FROM audit_events")).scalar() == 2
        db.engine.dispose()
