"""A host app with its own Flask-SQLAlchemy, its own ``users`` table, its own Alembic history
and its own ``cases`` blueprint mounts the service: both databases work, neither touches the
other's schema, and both ``cases`` blueprints answer."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Blueprint, Flask, render_template_string, session
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import inspect, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parent_partners import PartnersPlugin
from parent_partners.console import build_cli
from parent_partners.extensions import db as partners_db
from parent_partners.models import User
from parent_partners.operations import people
from tests.database_support import scratch_postgres

# A host's database and ours, each with engines of its own: writes really commit.
pytestmark = pytest.mark.commits


class HostBase(DeclarativeBase):
    """The host's own models."""


class HostUser(HostBase):
    """The host's own ``users`` table, with nothing in common with the service's."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str]


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    """(host URL, partners URL or None for "the host's own database, in its own schema")."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path}/host.sqlite", f"sqlite:///{tmp_path}/partners.sqlite"
        return
    with scratch_postgres(base, "host") as url:
        yield url, None


def build_host(host_url: str, partners_url: str | None) -> tuple[Flask, SQLAlchemy]:
    host = Flask("host_with_db")
    host.config.update(SECRET_KEY="host-secret", TESTING=True, SQLALCHEMY_DATABASE_URI=host_url)
    if partners_url:
        host.config["PARTNERS_DATABASE_URL"] = partners_url
    else:
        host.config["PARTNERS_DB_SCHEMA"] = "partners"
    host_db = SQLAlchemy(model_class=HostBase)
    host_db.init_app(host)
    host_cases = Blueprint("cases", __name__)

    @host_cases.get("/cases")
    def index() -> str:
        usernames = host_db.session.scalars(host_db.select(HostUser.username))
        return render_template_string(
            "{{ names }} at {{ url_for('cases.index') }}",  # rename-endpoints: keep
            names=", ".join(usernames),
        )

    host.register_blueprint(host_cases)

    @host.post("/login/<name>")
    def login(name: str) -> str:
        session["host_user"] = name
        return "signed in"

    def identity() -> User | None:
        name = session.get("host_user")
        if not name:
            return None
        email = people.normalise_email(f"{name}@council.example")
        user = partners_db.session.scalar(partners_db.select(User).where(User.email == email))
        if user is None:
            team = people.find_team("North") or people.create_team("North")
            user = people.create_user(
                email=email, name=name.title(), role="practitioner", team=team,
                password=secrets.token_urlsafe(24),
            )
        return user

    PartnersPlugin(host, url_prefix="/partners", identity_loader=identity)
    return host, host_db


def test_plugin_beside_a_host_database(databases: tuple[str, str | None]):
    host_url, partners_url = databases
    host, host_db = build_host(host_url, partners_url)
    with host.app_context():
        assert host.extensions["sqlalchemy"] is host_db  # the host keeps its own instance
        host_db.create_all()
        with host_db.engine.begin() as connection:  # the host's own Alembic history
            connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
            connection.execute(text("INSERT INTO alembic_version VALUES ('host_rev_1')"))
        host_db.session.add(HostUser(username="sam"))
        host_db.session.commit()

    result = CliRunner().invoke(build_cli(), ["db", "upgrade"], obj=_script_info(host))
    assert result.exit_code == 0, result.output

    client = host.test_client()
    assert client.get("/cases").get_data(as_text=True) == "sam at /cases"  # the host's own
    client.post("/login/sam")
    page = client.get("/partners/cases")
    assert page.status_code == 200, page.get_data(as_text=True)
    assert "Your cases" in page.get_data(as_text=True)

    with host.app_context():
        assert host_db.session.scalar(host_db.select(HostUser.username)) == "sam"
        assert partners_db.session.scalar(partners_db.select(User.email)) == "sam@council.example"
        with host_db.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == "host_rev_1"
            host_columns = {c["name"] for c in inspect(connection).get_columns("users")}
        assert host_columns == {"id", "username"}
        partners_tables = set(inspect(partners_db.engine).get_table_names())
        assert {"cases", "users", "partners_alembic_version"} <= partners_tables
        partners_db.session.remove()
        host_db.session.remove()
        partners_db.engine.dispose()
        host_db.engine.dispose()


def _script_info(app: Flask):
    from flask.cli import ScriptInfo

    return ScriptInfo(create_app=lambda: app)


def test_databases_migrated_before_the_version_table_are_adopted(tmp_path: Path):
    from parent_partners import create_app, migrating

    url = f"sqlite:///{tmp_path}/legacy.sqlite"
    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        migrating.upgrade("0004")
        with partners_db.engine.begin() as connection:  # as an older release left it
            connection.execute(
                text("ALTER TABLE partners_alembic_version RENAME TO alembic_version")
            )
        migrating.upgrade()
        with partners_db.engine.connect() as connection:
            head = connection.execute(text("SELECT version_num FROM partners_alembic_version"))
            assert head.scalar() == migrating_head()
        partners_db.engine.dispose()


def migrating_head() -> str:
    from alembic.script import ScriptDirectory

    from parent_partners.migrating import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def test_partners_db_upgrade_migrates_the_database_the_environment_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """As the README has a host do it: ``PARTNERS_DATABASE_URL=… partners db upgrade``."""
    from sqlalchemy import create_engine

    monkeypatch.setenv("PARTNERS_ENV", "development")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/standalone.sqlite")
    monkeypatch.setenv("PARTNERS_DATABASE_URL", f"sqlite:///{tmp_path}/host.sqlite")
    monkeypatch.setenv("PARTNERS_DB_SCHEMA", "partners")  # PostgreSQL only: ignored by SQLite
    result = CliRunner().invoke(build_cli(), ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    engine = create_engine(f"sqlite:///{tmp_path}/host.sqlite")
    assert {"cases", "partners_alembic_version"} <= set(inspect(engine).get_table_names())
    engine.dispose()
    assert not (tmp_path / "standalone.sqlite").exists()
