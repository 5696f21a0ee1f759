"""API tokens: made on the account page (shown once) or the command line, stored hashed,
revoked on the page; every use acts as the holder and writes the access trail."""

from __future__ import annotations

import re

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, ApiToken
from tests.api_support import Api, api_for, cli, new_carer, new_case, sharing_involvement
from tests.conftest import PageClient

SECRET = re.compile(r'id="new-token">(pp_[^<]+)<')


def test_token_page_creates_shows_once_and_revokes(pages: PageClient, make_user, app: Flask):
    user = make_user("practitioner")
    pages.sign_in(user)
    page = pages.get("/account").get_data(as_text=True)
    assert 'href="/account/tokens"' in page

    response = pages.submit("/account/tokens", {"name": "Case-management system"})
    assert response.status_code == 200
    secret = SECRET.search(response.get_data(as_text=True)).group(1)
    assert Api(app, secret).get("/api/v1/cases").status_code == 200

    listing = pages.get("/account/tokens").get_data(as_text=True)
    assert "Case-management system" in listing and secret not in listing
    with app.app_context():
        token = db.session.scalar(db.select(ApiToken))
        assert token.user_id == user.id and secret not in token.token_hash
        assert len(token.token_hash) == 64 and token.last_used_at is not None
        token_id = token.id

    response = pages.submit(f"/account/tokens/{token_id}/revoke", {}, form_url="/account/tokens")
    assert response.status_code == 302
    assert "Revoked" in pages.get("/account/tokens").get_data(as_text=True)
    assert Api(app, secret).get("/api/v1/cases").status_code == 401
    with app.app_context():
        actions = list(db.session.scalars(db.select(AccessEvent.action).order_by(AccessEvent.id)))
    assert "api_token_created" in actions and "api_token_revoked" in actions


def test_token_pages_need_csrf_and_a_name(pages: PageClient, make_user):
    pages.sign_in(make_user("practitioner"))
    assert pages.client.post("/account/tokens", data={"name": "x"}).status_code == 400
    response = pages.submit("/account/tokens", {"name": ""})
    assert "Enter a name for the token" in response.get_data(as_text=True)


def test_nobody_revokes_another_users_token(pages: PageClient, make_user, app: Flask):
    owner = make_user("practitioner")
    api = api_for(app, owner.email)
    with app.app_context():
        token_id = db.session.scalar(db.select(ApiToken.id))
    pages.sign_in(make_user("manager"))
    url = f"/account/tokens/{token_id}/revoke"
    assert pages.submit(url, {}, form_url="/account/tokens").status_code == 404
    assert api.get("/api/v1/cases").status_code == 200


def test_every_signed_in_role_can_make_tokens(pages: PageClient, make_user):
    pages.sign_in(make_user("admin", team=None))
    response = pages.submit("/account/tokens", {"name": "Lexicon script"})
    assert SECRET.search(response.get_data(as_text=True))


def test_create_token_command(app: Flask, make_user):
    user = make_user("manager")
    result = cli(app, "create-token", "--email", user.email.upper(), "--name", "Nightly sync")
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    assert secret.startswith("pp_")
    with app.app_context():
        token = db.session.scalar(db.select(ApiToken))
        assert token.name == "Nightly sync" and token.user_id == user.id
    missing = cli(app, "create-token", "--email", "nobody@example.org")
    assert missing.exit_code != 0 and "No user" in missing.output


def test_api_writes_and_reads_are_audited_as_the_token_holder(app: Flask, make_user):
    user = make_user("practitioner")
    api = api_for(app, user.email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    api.post(f"/api/v1/cases/{case['id']}/involvements", sharing_involvement([carer["id"]]))
    api.get(f"/api/v1/cases/{case['id']}")
    with app.app_context():
        events = list(
            db.session.scalars(
                db.select(AccessEvent)
                .where(AccessEvent.case_id == case["id"])
                .order_by(AccessEvent.id)
            )
        )
        assert [e.action for e in events] == [
            "case_opened", "carer_added", "involvement_logged", "case_viewed"
        ]
        assert {e.user_id for e in events} == {user.id}
        assert all(e.data.get("via") == "api" for e in events)


def test_revoke_token_command(app: Flask, make_user):
    user = make_user("practitioner")
    first = cli(app, "create-token", "--email", user.email).output.strip().splitlines()[-1]
    second = cli(app, "create-token", "--email", user.email).output.strip().splitlines()[-1]
    client = app.test_client(use_cookies=False)

    def status(secret: str) -> int:
        headers = {"Authorization": f"Bearer {secret}"}
        return client.get("/api/v1/cases", headers=headers).status_code

    assert status(first) == 200
    with app.app_context():
        from parent_partners.models import ApiToken

        first_id = db.session.scalar(db.select(db.func.min(ApiToken.id)))
    assert "Revoked 1 token" in cli(app, "revoke-token", "--id", str(first_id)).output
    assert status(first) == 401 and status(second) == 200
    assert "Revoked 1 token" in cli(app, "revoke-token", "--email", user.email).output
    assert status(second) == 401
    assert cli(app, "revoke-token", "--id", str(first_id)).exit_code != 0
