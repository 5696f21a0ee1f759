"""Sign-in throttling (10 failures in 5 minutes per account and address, or per address;
an account-wide ceiling that slows and alerts but never locks the owner out) and the
password policy (12 characters, not a common password, no composition rules)."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, SignInAttempt
from parent_partners.models.common import utcnow
from parent_partners.operations import throttling
from parent_partners.operations.passwords import common_passwords, password_problem
from parent_partners.operations.people import PeopleError, create_user
from tests.conftest import PASSWORD, PageClient
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

WRONG = "not the right password"


def _attempt(page: PageClient, email: str, password: str, address: str = "192.0.2.1"):  # type: ignore[no-untyped-def]
    token = page.csrf_token("/login")
    return page.client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


def test_ten_wrong_passwords_from_one_address_lock_only_that_address_out(
    app: Flask, pages, make_user
):
    user = make_user("practitioner")
    for _ in range(10):
        assert _attempt(pages, user.email, WRONG, "192.0.2.66").status_code == 200
    response = _attempt(pages, user.email, PASSWORD, "192.0.2.66")
    assert response.status_code == 429  # the guesser's address: refused, right password too
    body = response.get_data(as_text=True)
    assert "Too many attempts to sign in" in body and "Wait 5 minutes, then try again" in body
    assert 0 < int(response.headers["Retry-After"]) <= 300
    owner = _attempt(pages, user.email.upper(), PASSWORD, "198.51.100.7")
    assert owner.status_code == 302  # the owner, elsewhere, signs in
    with app.app_context():
        events = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == "sign_in_throttled")
        ).all()
        assert len(events) == 1
        assert events[0].user_id == user.id and events[0].data["by"] == "account"
        assert events[0].ip_address == "192.0.2.66"


def test_guessing_from_many_addresses_slows_and_alerts_but_never_locks_the_owner_out(
    app: Flask, pages, make_user, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(app.config, "PARTNERS_SIGNIN_SLOW_SECONDS", 0.3)
    user = make_user("practitioner")
    for number in range(10):  # one guess each from ten addresses: no address is locked
        assert _attempt(pages, user.email, WRONG, f"192.0.2.{number + 10}").status_code == 200
    with app.app_context():
        alerts = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == "sign_in_ceiling_reached")
        ).all()
        assert len(alerts) == 1 and alerts[0].data["email"] == user.email
    # Past the ceiling, an address that has been guessing is refused ...
    assert _attempt(pages, user.email, PASSWORD, "192.0.2.10").status_code == 429
    # ... and one that has not is slowed, but the right password signs in.
    began = time.monotonic()
    owner = _attempt(pages, user.email, PASSWORD, "198.51.100.7")
    assert owner.status_code == 302
    assert time.monotonic() - began >= 0.3


def test_ten_failures_from_one_address_lock_that_address(app: Flask, pages, make_user):
    user = make_user("practitioner")
    for number in range(10):  # ten different accounts, one address
        _attempt(pages, f"nobody{number}@example.org", WRONG, "203.0.113.5")
    response = _attempt(pages, user.email, PASSWORD, "203.0.113.5")
    assert response.status_code == 429
    assert "from your network" in response.get_data(as_text=True)
    other = _attempt(pages, user.email, PASSWORD, "203.0.113.6")  # another address is fine
    assert other.status_code == 302


def test_the_lock_holds_in_either_counter_and_lifts_when_the_window_moves_on(
    app: Flask, pages, make_user
):
    user = make_user("practitioner")
    for _ in range(10):
        _attempt(pages, user.email, WRONG)
    with app.app_context():
        throttling.reset()  # Flask-Limiter's memory gone (another process, a restart) ...
    assert _attempt(pages, user.email, PASSWORD).status_code == 429  # ... the database holds
    with app.app_context():
        db.session.execute(
            db.update(SignInAttempt).values(at=utcnow() - timedelta(minutes=5, seconds=1))
        )
        db.session.commit()
        throttling.reset()
    assert _attempt(pages, user.email, PASSWORD).status_code == 302  # window moved on


def test_nine_failures_then_the_right_password_signs_in(pages, make_user):
    user = make_user("practitioner")
    for _ in range(9):
        _attempt(pages, user.email, WRONG)
    assert _attempt(pages, user.email, PASSWORD).status_code == 302


def test_unknown_accounts_lock_the_same_way(pages):
    for _ in range(10):
        assert _attempt(pages, "nobody@example.org", WRONG, "192.0.2.200").status_code == 200
    response = _attempt(pages, "nobody@example.org", WRONG, "192.0.2.200")
    assert response.status_code == 429  # the same answer as for a real account


def test_plugin_has_no_sign_in_throttling_of_its_own():
    from parent_partners.plugin import PartnersPlugin

    host = Flask("host")
    host.config.update(SECRET_KEY="x", SQLALCHEMY_DATABASE_URI="sqlite://")
    PartnersPlugin(identity_loader=lambda: None).init_app(host)
    assert throttling.EXTENSION_KEY not in host.extensions


# -- password policy ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short pass", "at least 12 characters"),
        ("password1234", "too common"),
        ("iloveyou12345", "too common"),
        ("passwordpassword", "too common"),
        ("123456789012", "too common"),
        ("aaaaaaaaaaaaaaa", "too common"),
        ("sam@example.org", "email address or your name"),
        ("x" * 513, "512 characters or fewer"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password: str, problem: str):
    found = password_problem(password, email="sam@example.org", name="Sam Okafor")
    assert found is not None and problem in found


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "all lower case and long",
        "ŝpecial ümlauts okay",
        "ABCDEFGHIJKZ",
    ],
)
def test_long_uncommon_passwords_need_no_digits_or_symbols(password: str):
    assert password_problem(password) is None


def test_the_common_password_list_is_shipped_and_large():
    common = common_passwords()
    assert len(common) >= 1000
    assert {"password", "123456", "qwerty"} <= common


def test_users_cannot_be_created_with_a_common_password(app: Flask, ctx):
    with pytest.raises(PeopleError, match="too common"):
        create_user(email="a@example.org", name="A", role="admin", password="password123456")
    result = app.test_cli_runner().invoke(
        args=["partners", "create-user", "--email", "b@example.org", "--name", "B",
              "--role", "admin", "--password", "qwertyuiop123"]
    )
    assert result.exit_code != 0 and "too common" in result.output
