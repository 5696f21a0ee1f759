"""Security headers on every kind of response: a CSP with a per-request nonce on every inline
script, no framing, no sniffing, a referrer policy, HSTS in production, and no caching of
anything that shows case data."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask import Flask

from parent_partners import create_app
from tests.api_support import api_for
from tests.conftest import PageClient, carer_ids
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

NONCE = re.compile(r"script-src 'self' 'nonce-([A-Za-z0-9_-]{16,})'")


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))


def check_headers(response, *, case_data: bool) -> None:  # type: ignore[no-untyped-def]
    """The headers every response carries; ``case_data``: it must not be cached."""
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    script_src = csp.split("script-src")[1].split(";")[0]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in script_src
    match = NONCE.search(csp)
    assert match, csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    if case_data:
        assert headers["Cache-Control"] == "no-store", response.request.path
    if response.mimetype == "text/html":
        parser = _Scripts()
        parser.feed(response.get_data(as_text=True))
        for script in parser.scripts:
            if not script.get("src"):
                # An inline script runs only with this response's nonce.
                assert script.get("nonce") == match.group(1), script
            elif "nonce" in script:
                assert script["nonce"] == match.group(1)
        return


def test_every_kind_of_page_carries_the_headers(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    carer = carer_ids(app, case)[0]
    page = PageClient(app.test_client())
    signed_out = [page.get("/login"), page.get("/healthz"), page.get("/no-such-page")]
    for response in signed_out:
        check_headers(response, case_data=False)
    assert signed_out[0].status_code == 200 and signed_out[2].status_code == 404
    static = page.get("/static/app/app.css")
    assert static.status_code == 200
    check_headers(static, case_data=False)
    static.close()
    page.sign_in(worker)
    for url in [
        "/cases",
        f"/cases/{case.id}",
        f"/cases/{case.id}/involvements/new",
        f"/cases/{case.id}/consultations/new",
        f"/cases/{case.id}/carers/{carer}/edit",
        "/account",
        "/account/tokens",
        f"/cases/{case.id + 1000}",  # a 404 for a signed-in person
        f"/cases/{case.id}/audit-trail",  # a 403
    ]:
        check_headers(page.get(url), case_data=True)
    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    for url in [f"/cases/{case.id}/audit-trail", f"/cases/{case.id}/subject-access",
                f"/cases/{case.id}/subject-access.json"]:
        response = manager.get(url)
        assert response.status_code == 200
        check_headers(response, case_data=True)


def test_the_page_with_inline_script_uses_the_nonce(app: Flask):
    """The GOV.UK template's own inline script (js-enabled) carries the request's nonce, and
    each request gets a new one."""
    client = app.test_client()
    first, second = client.get("/login"), client.get("/login")
    parser = _Scripts()
    parser.feed(first.get_data(as_text=True))
    assert any(not script.get("src") for script in parser.scripts)  # there is one to check
    first_nonce = NONCE.search(first.headers["Content-Security-Policy"])
    second_nonce = NONCE.search(second.headers["Content-Security-Policy"])
    assert first_nonce and second_nonce and first_nonce.group(1) != second_nonce.group(1)


def test_api_responses_carry_the_headers_and_are_not_cached(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    api = api_for(app, worker.email)
    for url in ["/api/v1/cases", f"/api/v1/cases/{case.id}", f"/api/v1/cases/{case.id}/flags",
                "/api/v1/cases/999999", "/api/v1/nothing-here"]:
        check_headers(api.get(url), case_data=True)
    check_headers(api.post("/api/v1/cases", {"child_name": 5}), case_data=True)
    anonymous = app.test_client()
    check_headers(anonymous.get("/api/v1/openapi.json"), case_data=False)
    check_headers(anonymous.get("/api/v1/docs"), case_data=False)
    check_headers(anonymous.get(f"/api/v1/cases/{case.id}"), case_data=False)


def test_hsts_in_production_only(app: Flask, tmp_path):
    assert "Strict-Transport-Security" not in app.test_client().get("/login").headers
    production = create_app(
        {
            "ENV_NAME": "production",
            "SECRET_KEY": "x" * 40,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p.sqlite",
            "SESSION_COOKIE_SECURE": True,
        }
    )
    response = production.test_client().get("/login", base_url="https://partners.example")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = response.headers.get("Set-Cookie", "")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
