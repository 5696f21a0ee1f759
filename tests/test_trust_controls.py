"""Smaller trust controls: tokens stay revoked, administrators revoke any token, the session
cookie is not kept on disk, and audited downloads answer only this site's own requests."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, ApiToken
from tests.api_support import Api, cli, cli_token
from tests.conftest import PageClient
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")


def test_a_token_stays_revoked_when_its_account_is_enabled_again(app: Flask, make_user):
    worker = make_user("practitioner")
    api = Api(app, cli_token(app, worker.email))
    assert api.get("/api/v1/cases").status_code == 200
    assert cli(app, "disable-user", "--email", worker.email).exit_code == 0
    assert api.get("/api/v1/cases").status_code == 401
    assert cli(app, "enable-user", "--email", worker.email).exit_code == 0
    assert api.get("/api/v1/cases").status_code == 401  # not revived
    fresh = Api(app, cli_token(app, worker.email))
    assert fresh.get("/api/v1/cases").status_code == 200


def test_an_administrator_revokes_anyones_token(app: Flask, make_user):
    worker = make_user("practitioner")
    api = Api(app, cli_token(app, worker.email))
    admin = PageClient(app.test_client())
    admin.sign_in(make_user("admin", team=None))
    listing = admin.get("/admin/tokens").get_data(as_text=True)
    assert worker.email in listing
    with app.app_context():
        token_id = db.session.scalar(db.select(ApiToken.id).where(ApiToken.user_id == worker.id))
    response = admin.submit(f"/admin/tokens/{token_id}/revoke", {}, form_url="/admin/tokens")
    assert response.status_code == 302
    assert api.get("/api/v1/cases").status_code == 401
    assert worker.email not in admin.get("/admin/tokens").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(
            db.select(AccessEvent.record_id).where(AccessEvent.action == "api_token_revoked")
        ) == token_id


def test_the_session_cookie_has_no_expiry_date(app: Flask, make_user):
    pages = PageClient(app.test_client())
    response = pages.sign_in(make_user("practitioner"))
    cookies = [value for key, value in response.headers.items() if key == "Set-Cookie"]
    session_cookie = next(c for c in cookies if c.startswith("partners_session="))
    assert "Expires" not in session_cookie and "Max-Age" not in session_cookie


def test_audited_downloads_refuse_requests_from_other_sites(app: Flask, make_user, make_case):
    manager = make_user("manager")
    case = make_case(make_user("practitioner"))
    pages = PageClient(app.test_client())
    pages.sign_in(manager)
    downloads = [
        f"/dashboard/teams/{manager.team_id}?format=csv&table=figures",
        "/audits?format=csv",
        f"/cases/{case.id}/subject-access.json",
    ]
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count()).select_from(AccessEvent))
    for url in downloads:
        for headers in ({"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                        {"Origin": "https://evil.example"}):
            assert pages.get(url, headers=headers).status_code == 403, (url, headers)
    with app.app_context():
        exports = db.session.scalar(
            db.select(db.func.count()).select_from(AccessEvent).where(
                AccessEvent.id > (before or 0),
                AccessEvent.action.in_(["dashboard_exported", "case_audits_exported",
                                       "subject_access_exported"]))
        )
        assert exports == 0
    for url in downloads:
        for headers in ({"Sec-Fetch-Site": "same-origin"}, {"Sec-Fetch-Site": "none"}, {}):
            response = pages.get(url, headers=headers)
            assert response.status_code == 200, (url, headers)
            assert "attachment" in response.headers["Content-Disposition"]


def test_a_save_the_database_refuses_for_contention_is_a_409_not_a_500(
    app: Flask, make_user, make_case, monkeypatch: pytest.MonkeyPatch
):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from parent_partners.blueprints.involvements import views as involvement_views
    from parent_partners.models import Involvement
    from tests.api_support import new_carer, new_case, sharing_involvement
    from tests.conftest import carer_ids, involvement_form

    def busy(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    worker = make_user("practitioner")
    case = make_case(worker)
    pages = PageClient(app.test_client())
    pages.sign_in(worker)
    monkeypatch.setattr(involvement_views, "log_involvement", busy)
    response = pages.submit(f"/cases/{case.id}/involvements/new",
                            involvement_form(carer_ids(app, case)))
    assert response.status_code == 409 and response.headers["Retry-After"] == "1"
    body = response.get_data(as_text=True)
    # The form comes back with what was typed and a button to save it again.
    assert "Your form was not saved yet" in body and "saved to this case at the same moment" in body
    assert "friends and noticed the new phone first." in body
    assert '<input type="hidden" name="kind" value="home_visit">' in body
    assert "X-Content-Type-Options" in response.headers

    from parent_partners.api.views import partnership as api_records

    api = Api(app, cli_token(app, worker.email))
    api_case = new_case(api)
    carer = new_carer(api, api_case["id"])
    monkeypatch.setattr(api_records, "log_involvement", busy)
    refused = api.post(f"/api/v1/cases/{api_case['id']}/involvements",
                       sharing_involvement([carer["id"]]))
    assert refused.status_code == 409 and refused.headers["Retry-After"] == "1"
    assert refused.get_json()["type"].endswith(":conflict")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Involvement)) == 0
