"""API tokens expire: 90 days by default, ``create-token --days N``; an expired token is a
401 problem saying so, and the account page shows when each token expires."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import ApiToken
from tests.api_support import PROBLEM_JSON, Api, cli, cli_token
from tests.conftest import PageClient


def _expires_at(app: Flask) -> datetime:
    with app.app_context():
        expires = db.session.scalar(db.select(ApiToken.expires_at))
    assert expires is not None
    return expires if expires.tzinfo else expires.replace(tzinfo=UTC)


def test_a_new_token_works_for_ninety_days(app: Flask, make_user):
    user = make_user("practitioner")
    secret = cli_token(app, user.email)
    left = _expires_at(app) - datetime.now(UTC)
    assert timedelta(days=89, hours=23) < left <= timedelta(days=90)
    assert Api(app, secret).get("/api/v1/cases").status_code == 200


def test_create_token_days_sets_the_expiry(app: Flask, make_user):
    user = make_user("practitioner")
    result = cli(app, "create-token", "--email", user.email, "--days", "7")
    assert result.exit_code == 0, result.output
    assert "working until" in result.output
    left = _expires_at(app) - datetime.now(UTC)
    assert timedelta(days=6, hours=23) < left <= timedelta(days=7)
    refused = cli(app, "create-token", "--email", user.email, "--days", "0")
    assert refused.exit_code != 0 and "1 to 366 days" in refused.output


def test_an_expired_token_is_a_401_problem(app: Flask, make_user):
    user = make_user("practitioner")
    secret = cli_token(app, user.email)
    with app.app_context():
        token = db.session.scalar(db.select(ApiToken))
        token.expires_at = datetime.now(UTC) - timedelta(minutes=1)
        db.session.commit()
    response = Api(app, secret).get("/api/v1/cases")
    assert response.status_code == 401
    assert response.mimetype == PROBLEM_JSON
    assert "expired" in response.get_json()["detail"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_account_page_shows_expiry_and_expired_tokens(
    pages: PageClient, app: Flask, make_user
):
    user = make_user("practitioner")
    cli_token(app, user.email)
    pages.sign_in(user)
    page = pages.get("/account/tokens").get_data(as_text=True)
    assert "Expires" in page and "Working" in page
    with app.app_context():
        token = db.session.scalar(db.select(ApiToken))
        token.expires_at = datetime.now(UTC) - timedelta(days=1)
        db.session.commit()
    page = pages.get("/account/tokens").get_data(as_text=True)
    assert "Expired" in page and "Working" not in page


def test_administrators_see_working_tokens_only(pages: PageClient, app: Flask, make_user):
    worker = make_user("practitioner")
    cli_token(app, worker.email)
    pages.sign_in(make_user("admin", team=None))
    listing = pages.get("/admin/tokens").get_data(as_text=True)
    assert worker.email in listing and "Expires" in listing
    with app.app_context():
        token = db.session.scalar(db.select(ApiToken))
        token.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        db.session.commit()
    assert worker.email not in pages.get("/admin/tokens").get_data(as_text=True)
