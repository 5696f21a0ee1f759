"""Signing in and out."""

from __future__ import annotations

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, User
from tests.conftest import PASSWORD


def test_sign_in_page_has_email_password_and_csrf(pages):
    body = pages.get("/login").get_data(as_text=True)
    assert 'name="email"' in body and 'name="password"' in body and 'name="csrf_token"' in body


def test_sign_in_then_cases_then_sign_out(pages, make_user):
    user = make_user("practitioner")
    response = pages.sign_in(user)
    assert response.headers["Location"].endswith("/cases")
    assert pages.get("/cases").status_code == 200
    token = pages.csrf_token("/cases")
    response = pages.client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert pages.get("/cases").status_code == 302  # back to sign-in


def test_wrong_password_is_refused_with_a_clear_message(pages, make_user, app: Flask):
    user = make_user("practitioner")
    response = pages.submit("/login", {"email": user.email, "password": "not the password"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Enter a correct email address and password" in body
    assert user.email in body  # what was typed is kept
    with app.app_context():
        actions = db.session.scalars(db.select(AccessEvent.action)).all()
    assert "sign_in_failed" in actions


def test_empty_form_names_each_missing_field(pages):
    body = pages.submit("/login", {"email": "", "password": ""}).get_data(as_text=True)
    assert "Enter your email address" in body and "Enter your password" in body
    assert 'href="#email"' in body


def test_sign_in_without_csrf_token_is_refused(pages, make_user):
    user = make_user("practitioner")
    response = pages.client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert pages.get("/cases").status_code == 302


def test_disabled_account_cannot_sign_in_and_loses_its_session(pages, make_user, app: Flask):
    user = make_user("practitioner")
    pages.sign_in(user)
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert pages.get("/cases").status_code == 302
    response = pages.submit("/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 200


def test_password_is_stored_as_argon2id(make_user, app: Flask):
    user = make_user("practitioner")
    with app.app_context():
        stored = db.session.get(User, user.id).password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_next_only_follows_local_paths(pages, make_user):
    user = make_user("practitioner")
    token = pages.csrf_token("/login")
    response = pages.client.post(
        "/login?next=https://evil.example/",
        data={"email": user.email, "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/cases"


def test_session_cookie_flags(app: Flask):
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_production_cookies_are_secure(monkeypatch, tmp_path):
    from parent_partners.config import load_config

    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.delenv("PARTNERS_ENV", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    config = load_config(str(tmp_path))
    assert config["SESSION_COOKIE_SECURE"] is True
