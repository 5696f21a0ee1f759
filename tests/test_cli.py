"""The partners command line."""

from __future__ import annotations

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Team, User


def run(app: Flask, *args: str):
    return app.test_cli_runner().invoke(args=["partners", *args])


def test_create_team_and_user(app: Flask):
    assert run(app, "create-team", "East Team").exit_code == 0
    result = run(
        app,
        "create-user",
        "--email",
        "New.Worker@Example.org",
        "--name",
        "New Worker",
        "--role",
        "practitioner",
        "--team",
        "East Team",
        "--password",
        "a long enough password",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "new.worker@example.org"))
        assert user is not None and user.team.name == "East Team"


def test_duplicate_team_is_refused_clearly(app: Flask):
    run(app, "create-team", "East Team")
    result = run(app, "create-team", "East Team")
    assert result.exit_code != 0 and "already exists" in result.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Team.id))) == 1


def test_practitioner_needs_an_existing_team(app: Flask):
    result = run(
        app,
        "create-user",
        "--email",
        "a@example.org",
        "--name",
        "A",
        "--role",
        "practitioner",
        "--team",
        "Nowhere",
        "--password",
        "a long enough password",
    )
    assert result.exit_code != 0 and "No team called 'Nowhere'" in result.output


def test_short_password_is_refused(app: Flask):
    result = run(
        app,
        "create-user",
        "--email",
        "p@example.org",
        "--name",
        "P",
        "--role",
        "principal",
        "--password",
        "short",
    )
    assert result.exit_code != 0 and "at least 12 characters" in result.output


def test_password_is_made_up_when_not_given(app: Flask):
    result = run(app, "create-user", "--email", "p@example.org", "--name", "P", "--role", "admin")
    assert result.exit_code == 0
    assert "Password: " in result.output
