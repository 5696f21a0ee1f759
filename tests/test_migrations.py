"""Migrations are the only source of schema: they build it, match the models, and go back down."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

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
