"""Shared fixtures: an app on a migrated database, a page-driving client, record factories.

The database is built by running the Alembic migrations (never ``create_all``),
on SQLite by default or on PostgreSQL when ``TEST_DATABASE_URL`` is set, once
per session. Each test runs in a transaction rolled back at its end
(``tests/transaction_support.py``); tests that need real commits are marked
``commits`` and the tables are emptied after them. CSRF stays on: the client
reads the token from the page like a browser does.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from parent_partners import create_app
from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Team, User
from parent_partners.operations import cases as case_ops
from parent_partners.operations import partnership, people
from parent_partners.operations.record_inputs import CarerInput, CaseInput
from tests import transaction_support
from tests.page_checks import CheckedClient

PASSWORD = "correct horse battery staple"
CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def _fresh_postgres(url: str) -> None:
    """Empty the PostgreSQL test database so the migrations run from nothing."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests drive a live server in another thread: their writes must really commit."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.commits)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The test database: TEST_DATABASE_URL (PostgreSQL) or a fresh SQLite file."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        _fresh_postgres(url)
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")


@pytest.fixture(scope="session")
def app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The app, with the migrations applied once for the session."""
    application = create_app(
        {
            "ENV_NAME": "test",
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "WTF_CSRF_ENABLED": True,
            "SERVER_NAME": None,
            "PARTNERS_SIGNIN_SLOW_SECONDS": 0.05,  # the slowing is measured, not waited out
        }
    )
    application.test_client_class = CheckedClient  # every page fetched is checked
    with application.app_context():
        upgrade()
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _push_request_context() -> Iterator[None]:
    """Switch off pytest-flask's request context around each test.

    Kept, every request of a test would share one app context, and so one ``g``
    and one database session, which no real browser ever does.
    """
    yield


@pytest.fixture(autouse=True)
def _database_per_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Roll back everything a test wrote; empty the tables after tests marked ``commits``."""
    if "app" not in request.fixturenames:
        yield
        return
    application: Flask = request.getfixturevalue("app")
    if request.node.get_closest_marker("commits"):
        yield
        transaction_support.empty_tables(application)
        return
    transaction_support.install(application)
    with transaction_support.rolled_back(application):
        yield


@pytest.fixture(autouse=True)
def _forget_sign_in_throttling(request: pytest.FixtureRequest) -> Iterator[None]:
    """Forget Flask-Limiter's sign-in counts after each test (its memory outlives a test)."""
    yield
    if "app" not in request.fixturenames:
        return
    from parent_partners.operations import throttling

    with request.getfixturevalue("app").app_context():
        throttling.reset()


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    """An app context for tests that call operations directly."""
    with app.app_context():
        yield
        db.session.rollback()


class PageClient:
    """A test client that works pages the way a person does: read the form, then send it."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def get(self, url: str, **kwargs: Any) -> Any:
        """GET a page."""
        return self.client.get(url, **kwargs)

    def csrf_token(self, url: str) -> str:
        """Open ``url`` and return the CSRF token in its form."""
        page = self.client.get(url)
        match = CSRF_INPUT.search(page.get_data(as_text=True))
        assert match, f"no CSRF token on {url} ({page.status_code})"
        return match.group(1)

    def submit(
        self, url: str, data: dict[str, Any], *, form_url: str | None = None, **kwargs: Any
    ) -> Any:
        """POST ``data`` with the CSRF token read from the page at ``form_url`` (or ``url``)."""
        token = self.csrf_token(form_url or url)
        return self.client.post(url, data={**data, "csrf_token": token}, **kwargs)

    def sign_in(self, user: User | str, password: str = PASSWORD) -> Any:
        """Sign in through the sign-in page."""
        email = user if isinstance(user, str) else user.email
        response = self.submit("/login", {"email": email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
        return response


@pytest.fixture
def pages(app: Flask) -> PageClient:
    """A signed-out page client."""
    return PageClient(app.test_client())


@pytest.fixture
def make_team(app: Flask) -> Callable[..., Team]:
    """Factory: a team, committed."""

    def make(name: str = "North Team") -> Team:
        with app.app_context():
            team = people.find_team(name) or people.create_team(name)
            db.session.commit()
            db.session.refresh(team)
            db.session.expunge(team)
            return team

    return make


@pytest.fixture
def make_user(app: Flask, make_team: Callable[..., Team]) -> Callable[..., User]:
    """Factory: a user of a role (practitioners and managers get a team), committed."""
    counter = iter(range(1, 10_000))

    def make(role: str = "practitioner", team: str | None = "North Team", **kwargs: Any) -> User:
        number = next(counter)
        team_obj = make_team(team) if team and role in {"practitioner", "manager"} else None
        with app.app_context():
            user = people.create_user(
                email=kwargs.get("email", f"{role}{number}@example.org"),
                name=kwargs.get("name", f"{role.title()} {number}"),
                role=role,
                password=kwargs.get("password", PASSWORD),
                team=db.session.get(Team, team_obj.id) if team_obj else None,
            )
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    return make


@pytest.fixture
def make_case(app: Flask) -> Callable[..., Case]:
    """Factory: a case held by ``worker``'s team, with carers named in ``carers``, committed."""

    def make(
        worker: User, child_name: str = "Amira Hassan", carers: tuple[str, ...] = ("Leila Hassan",)
    ) -> Case:
        with app.app_context():
            user = db.session.get(User, worker.id)
            assert user is not None and user.team_id is not None
            case = case_ops.open_case(CaseInput(
                team_id=user.team_id,
                worker_id=user.id,
                child_name=child_name,
                child_dob=date(2011, 5, 14),
                gender="girl",
                ethnicity="mixed",
                harm_types=["cse", "online_grooming"],
                contexts=["online", "park"],
                opened_on=date(2026, 6, 1),
            ))
            assert case is not None
            for name in carers:
                partnership.add_carer(case, CarerInput(
                        name=name,
                        relationship_to_child="mother",
                        parental_responsibility=True,
                        safe_to_involve=True))
            db.session.commit()
            case_id = case.id
        with app.app_context():
            loaded = db.session.get(Case, case_id)
            assert loaded is not None
            _ = [c.name for c in loaded.carers]
            db.session.expunge_all()
            return loaded

    return make


def carer_ids(app: Flask, case: Case) -> list[int]:
    """Return the ids of the case's carers."""
    with app.app_context():
        return list(db.session.scalars(db.select(Carer.id).where(Carer.case_id == case.id)))


def involvement_form(carers: list[int], **overrides: Any) -> dict[str, Any]:
    """A valid involvement form, as a browser would send it."""
    data: dict[str, Any] = {
        "date": ["10", "11", "2026"],
        "carer_ids": [str(c) for c in carers],
        "kind": "home_visit",
        "partnership_level": "consulted",
        "shares_child_information": "no",
        "parent_view": "I just want her home safe.",
        "strengths": "Mum knows Amira's friends and noticed the new phone first.",
        "parent_distress": "no",
        "notes": "Talked through the safety plan together.",
        "version": "1",
    }
    data.update(overrides)
    return data


ROOT = Path(__file__).resolve().parent.parent
