"""Server-side sessions: signing out or disabling an account ends the session everywhere;
idle and absolute timeouts; a new session id at every sign-in; Redis or the database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta

import pytest
from flask import Flask

from parent_partners import create_app
from parent_partners.extensions import db
from parent_partners.models import AccessEvent, UserSession
from parent_partners.models.common import utcnow
from parent_partners.operations import sessions
from tests import transaction_support
from tests.conftest import PASSWORD, PageClient
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

COOKIE = "partners_session"
REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def _cookie(page: PageClient) -> str:
    cookie = page.client.get_cookie(COOKIE)
    assert cookie is not None
    return cookie.value


def _replay(app: Flask, value: str) -> PageClient:
    """A different browser holding a copy of someone's session cookie."""
    other = PageClient(app.test_client())
    other.client.set_cookie(COOKIE, value)
    return other


def _sign_out(page: PageClient) -> None:
    response = page.client.post("/logout", data={"csrf_token": page.csrf_token("/account")})
    assert response.status_code == 302


def _sent_to_sign_in(response) -> bool:  # type: ignore[no-untyped-def]
    return response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_signed_out_cookie_replayed_is_refused(app: Flask, pages, make_user):
    pages.sign_in(make_user("practitioner"))
    copied = _cookie(pages)
    assert _replay(app, copied).get("/cases").status_code == 200  # the copy works while signed in
    _sign_out(pages)
    assert _sent_to_sign_in(_replay(app, copied).get("/cases"))
    assert _sent_to_sign_in(_replay(app, copied).get("/account"))


def test_each_sign_in_gets_a_new_server_side_session(app: Flask, pages, make_user):
    user = make_user("practitioner")
    pages.sign_in(user)
    first = _cookie(pages)
    _sign_out(pages)
    pages.sign_in(user)
    assert _cookie(pages) != first
    with app.app_context():
        rows = db.session.scalars(db.select(UserSession).order_by(UserSession.id)).all()
        assert len(rows) == 2 and rows[0].sid_hash != rows[1].sid_hash
        assert rows[0].revoked_at is not None and rows[0].revoked_reason == "signed_out"
        assert rows[1].revoked_at is None
        assert all(len(row.sid_hash) == 64 for row in rows)  # only the hash is kept


def test_a_session_fixed_before_sign_in_is_not_kept(app: Flask, pages, make_user):
    pages.get("/login")
    before = _cookie(pages)
    pages.sign_in(make_user("practitioner"))
    assert _cookie(pages) != before
    assert _sent_to_sign_in(_replay(app, before).get("/cases"))


def test_a_cookie_without_its_server_side_session_is_refused(app: Flask, pages, make_user):
    pages.sign_in(make_user("practitioner"))
    copied = _cookie(pages)
    with app.app_context():
        db.session.execute(db.delete(UserSession))
        db.session.commit()
    assert _sent_to_sign_in(_replay(app, copied).get("/cases"))


def test_idle_for_thirty_minutes_ends_the_session(app: Flask, pages, make_user):
    pages.sign_in(make_user("practitioner"))
    with app.app_context():
        db.session.execute(
            db.update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=29))
        )
        db.session.commit()
    assert pages.get("/cases").status_code == 200  # 29 minutes idle: still fine, and seen now
    with app.app_context():
        seen = db.session.scalar(db.select(UserSession.last_seen_at))
        assert seen is not None and utcnow() - sessions._aware(seen) < timedelta(minutes=1)
        db.session.execute(
            db.update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=31))
        )
        db.session.commit()
    assert _sent_to_sign_in(pages.get("/cases"))
    with app.app_context():
        assert db.session.scalar(db.select(UserSession.revoked_reason)) == "idle"


def test_twelve_hours_ends_the_session_however_busy(app: Flask, pages, make_user):
    pages.sign_in(make_user("practitioner"))
    with app.app_context():
        db.session.execute(
            db.update(UserSession).values(created_at=utcnow() - timedelta(hours=12, minutes=1))
        )
        db.session.commit()
    assert _sent_to_sign_in(pages.get("/cases"))
    with app.app_context():
        assert db.session.scalar(db.select(UserSession.revoked_reason)) == "expired"


def test_an_administrator_disabling_an_account_ends_its_sessions_everywhere(
    app: Flask, make_user
):
    user = make_user("practitioner")
    laptop, phone = PageClient(app.test_client()), PageClient(app.test_client())
    laptop.sign_in(user)
    phone.sign_in(user)
    copied = _cookie(laptop)
    admin = PageClient(app.test_client())
    admin.sign_in(make_user("admin", team=None))
    listing = admin.get("/admin/users").get_data(as_text=True)
    assert user.email in listing and "Disable" in listing
    response = admin.submit(f"/admin/users/{user.id}/disable", {}, form_url="/admin/users")
    assert response.status_code == 302
    page = admin.get(response.headers["Location"]).get_data(as_text=True)
    assert "2 signed-in sessions were ended" in page
    assert _sent_to_sign_in(laptop.get("/cases"))
    assert _sent_to_sign_in(phone.get("/cases"))
    # Enabled again, the old cookies stay dead: only a new sign-in works.
    enable = admin.submit(f"/admin/users/{user.id}/enable", {}, form_url="/admin/users")
    assert enable.status_code == 302
    assert _sent_to_sign_in(_replay(app, copied).get("/cases"))
    fresh = PageClient(app.test_client())
    fresh.sign_in(user)
    assert fresh.get("/cases").status_code == 200
    with app.app_context():
        actions = db.session.scalars(
            db.select(AccessEvent.action).where(AccessEvent.record_id == user.id)
        ).all()
    assert "user_disabled" in actions and "user_enabled" in actions


def test_only_administrators_manage_users_and_not_themselves(app: Flask, pages, make_user):
    admin = make_user("admin", team=None)
    pages.sign_in(make_user("manager"))
    assert pages.get("/admin/users").status_code == 403
    own = PageClient(app.test_client())
    own.sign_in(admin)
    response = own.submit(f"/admin/users/{admin.id}/disable", {}, form_url="/admin/users")
    assert "You cannot disable your own account" in own.get(response.headers["Location"]).get_data(
        as_text=True
    )
    assert own.get("/admin/users").status_code == 200


def test_disable_user_on_the_command_line_ends_sessions(app: Flask, pages, make_user):
    user = make_user("practitioner")
    pages.sign_in(user)
    result = app.test_cli_runner().invoke(args=["partners", "disable-user", "--email", user.email])
    assert result.exit_code == 0 and "ended 1 signed-in session" in result.output
    assert _sent_to_sign_in(pages.get("/cases"))


# -- Redis ---------------------------------------------------------------------------------


def _redis_or_skip(url: str) -> None:
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as error:  # any failure to reach it
        if os.environ.get("CI") == "true":
            raise AssertionError(f"Redis at {url} is needed in CI: {error}") from error
        pytest.skip(f"Redis is not reachable at {url} ({error}); start redis-server to run this")


@pytest.fixture
def redis_app(app: Flask, database_url: str) -> Iterator[Flask]:
    """The service with REDIS_URL set (sessions and throttling in Redis db 13), cleaned after."""
    _redis_or_skip(REDIS_TEST_URL)
    import redis

    application = create_app(
        {
            "ENV_NAME": "test",
            "TESTING": True,
            "SECRET_KEY": "test-secret-key",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "REDIS_URL": REDIS_TEST_URL,
        }
    )
    with transaction_support.sharing(app, application):
        yield application
    client = redis.Redis.from_url(REDIS_TEST_URL)
    for pattern in (sessions.REDIS_PREFIX + "*", sessions.REDIS_USER_PREFIX + "*", "LIMITS*"):
        keys = list(client.scan_iter(pattern))
        if keys:
            client.delete(*keys)
    with application.app_context():
        db.engine.dispose()


def test_sessions_live_in_redis_when_it_is_configured(redis_app: Flask, make_user):
    import redis

    user = make_user("practitioner")
    laptop = PageClient(redis_app.test_client())
    laptop.sign_in(user)
    copied = _cookie(laptop)
    with redis_app.app_context():
        assert isinstance(sessions.store(), sessions.RedisStore)
        assert db.session.scalar(db.select(db.func.count()).select_from(UserSession)) == 0
    client = redis.Redis.from_url(REDIS_TEST_URL)
    assert len(list(client.scan_iter(sessions.REDIS_PREFIX + "*"))) == 1
    assert 0 < client.ttl(next(client.scan_iter(sessions.REDIS_PREFIX + "*"))) <= 30 * 60
    assert laptop.get("/cases").status_code == 200
    _sign_out(laptop)
    assert _sent_to_sign_in(_replay(redis_app, copied).get("/cases"))
    # Disabling ends every Redis session of the user.
    phone = PageClient(redis_app.test_client())
    phone.sign_in(user)
    result = redis_app.test_cli_runner().invoke(
        args=["partners", "disable-user", "--email", user.email]
    )
    assert result.exit_code == 0, result.output
    assert _sent_to_sign_in(phone.get("/cases"))
    assert list(client.scan_iter(sessions.REDIS_PREFIX + "*")) == []


def test_sign_in_throttling_uses_redis_when_configured(redis_app: Flask, make_user):
    user = make_user("practitioner")
    page = PageClient(redis_app.test_client())
    for _ in range(10):
        page.submit("/login", {"email": user.email, "password": "wrong password here"})
    with redis_app.app_context():
        # Only Redis counts now: the database's count is wiped, the lock holds.
        from parent_partners.models import SignInAttempt

        db.session.execute(db.delete(SignInAttempt))
        db.session.commit()
    response = page.submit("/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 429
