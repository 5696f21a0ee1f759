"""An administrator adds users, resets a password (shown once) and revokes a user's tokens."""

from __future__ import annotations

import re

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, ApiToken, User
from parent_partners.operations import tokens
from tests.conftest import PASSWORD, PageClient

SHOWN = re.compile(r'data-testid="shown-password">([^<]+)<')


def test_an_administrator_adds_a_user_who_can_then_sign_in(
    pages: PageClient, make_user, make_team, app: Flask
):
    team = make_team("North Team")
    pages.sign_in(make_user("admin", team=None))
    assert 'href="/admin/users/new"' in pages.get("/admin/users").get_data(as_text=True)
    data = {"name": "Priya Shah", "email": "priya@example.org", "role": "practitioner"}
    refused = pages.submit("/admin/users/new", {**data, "team_id": "0"})
    assert refused.status_code == 400
    assert "Choose the team a practitioner or manager belongs to" in refused.get_data(as_text=True)
    added = pages.submit("/admin/users/new", {**data, "team_id": str(team.id)})
    password = SHOWN.search(added.get_data(as_text=True))
    assert added.status_code == 200 and password
    PageClient(app.test_client()).sign_in("priya@example.org", password.group(1))
    with app.app_context():
        assert db.session.scalar(db.select(User).where(User.email == "priya@example.org")).team_id


def test_a_reset_password_is_shown_once_and_ends_the_users_sessions(
    pages: PageClient, make_user, app: Flask
):
    worker = make_user("practitioner")
    theirs = PageClient(app.test_client())
    theirs.sign_in(worker)
    pages.sign_in(make_user("admin", team=None))
    reset = pages.submit(f"/admin/users/{worker.id}/reset-password", {}, form_url="/admin/users")
    password = SHOWN.search(reset.get_data(as_text=True))
    assert reset.status_code == 200 and password
    assert "/login" in theirs.get("/cases").headers.get("Location", "")
    fresh = PageClient(app.test_client())
    assert fresh.submit("/login", {"email": worker.email, "password": PASSWORD}).status_code == 200
    fresh.sign_in(worker, password.group(1))
    with app.app_context():
        actions = set(db.session.scalars(db.select(AccessEvent.action)))
        assert "password_reset" in actions


def test_revoking_a_users_tokens_stops_every_one(pages: PageClient, make_user, app: Flask):
    worker = make_user("practitioner")
    with app.app_context():
        user = db.session.get(User, worker.id)
        _, secret = tokens.create_token(user, "Sync")
        tokens.create_token(user, "Script")
        db.session.commit()
    api = app.test_client(use_cookies=False)
    headers = {"Authorization": f"Bearer {secret}"}
    assert api.get("/api/v1/cases", headers=headers).status_code == 200
    pages.sign_in(make_user("admin", team=None))
    response = pages.submit(f"/admin/users/{worker.id}/revoke-tokens", {}, form_url="/admin/users")
    assert response.status_code == 302
    assert "2 API tokens of" in pages.get("/admin/users").get_data(as_text=True)
    assert api.get("/api/v1/cases", headers=headers).status_code == 401
    with app.app_context():
        live = db.session.scalars(db.select(ApiToken).where(ApiToken.revoked_at.is_(None)))
        assert list(live) == []
