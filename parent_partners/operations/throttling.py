"""Sign-in throttling: slow down guessing without letting anyone lock the owner out.

Failed password sign-ins are counted per account (the e-mail address typed, known or
not, so the answer reveals nothing) *and address together*, and per address. When the
pair, or the address, has ``PARTNERS_SIGNIN_LIMIT`` (10) failures within
``PARTNERS_SIGNIN_WINDOW_MINUTES`` (5), further attempts from there are refused, the
right password included, until the window has moved on. So whoever guesses from one
place locks only that place out: the owner, elsewhere, still signs in.

Guessing spread over many addresses meets the account-wide ceiling
(``PARTNERS_SIGNIN_ACCOUNT_CEILING``, 10 failures in the window, from anywhere): every
attempt on the account is then slowed (``PARTNERS_SIGNIN_SLOW_SECONDS``), an address
that has itself failed on the account is refused, administrators are alerted (a
``sign_in_ceiling_reached`` access trail event and a warning in the log), and an address that
has not been guessing is never refused the right password.

Two counters agree on this. Flask-Limiter's storage (Redis when ``REDIS_URL`` is
set, memory otherwise) is the fast one; the ``sign_in_attempts`` table holds across
processes and restarts even without Redis. A sign-in is refused if either says so.
"""

from __future__ import annotations

import math
import time
from datetime import timedelta
from typing import Any

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits import RateLimitItemPerMinute
from sqlalchemy import and_, delete, func, select
from sqlalchemy.sql import ColumnElement

from parent_partners.extensions import db
from parent_partners.models import SignInAttempt
from parent_partners.models.common import utcnow

NAMESPACE = "sign-in"
EXTENSION_KEY = "parent_partners_limiter"


def init_app(app: Flask) -> None:
    """Bind Flask-Limiter to the standalone app: Redis storage when ``REDIS_URL`` is set."""
    app.config.setdefault("PARTNERS_SIGNIN_LIMIT", 10)
    app.config.setdefault("PARTNERS_SIGNIN_WINDOW_MINUTES", 5)
    redis_url = app.config.get("REDIS_URL")
    app.config.setdefault("RATELIMIT_STORAGE_URI", redis_url or "memory://")
    app.config.setdefault("RATELIMIT_STRATEGY", "moving-window")
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "parent-partners")
    # One Limiter per app (its storage is per instance), found again through app.extensions.
    app.extensions[EXTENSION_KEY] = Limiter(key_func=get_remote_address, app=app)


def limiter() -> Limiter | None:
    """This app's Flask-Limiter, if sign-in throttling is set up on it (standalone only)."""
    found = current_app.extensions.get(EXTENSION_KEY)
    return found if isinstance(found, Limiter) else None


def _strategy() -> Any:
    found = limiter()
    return found.limiter if found is not None else None


def _limit() -> Any:
    count = int(current_app.config["PARTNERS_SIGNIN_LIMIT"])
    minutes = int(current_app.config["PARTNERS_SIGNIN_WINDOW_MINUTES"])
    return RateLimitItemPerMinute(count, minutes)


def _window() -> timedelta:
    return timedelta(minutes=int(current_app.config["PARTNERS_SIGNIN_WINDOW_MINUTES"]))


def _keys(email: str, address: str | None) -> list[tuple[str, str]]:
    return [("account", f"{email} from {address or 'unknown'}"), ("address", address or "unknown")]


def _enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def _limiter_wait(email: str, address: str | None) -> tuple[str, int] | None:
    """Ask Flask-Limiter's storage: (which key, seconds to wait) if either is spent."""
    strategy = _strategy()
    if strategy is None:
        return None
    item = _limit()
    for kind, value in _keys(email, address):
        if not strategy.test(item, NAMESPACE, kind, value):
            stats = strategy.get_window_stats(item, NAMESPACE, kind, value)
            return kind, max(math.ceil(stats.reset_time - time.time()), 1)
    return None


def _database_wait(email: str, address: str | None) -> tuple[str, int] | None:
    """Ask the ``sign_in_attempts`` table: (which key, seconds to wait) if either is spent."""
    limit = int(current_app.config["PARTNERS_SIGNIN_LIMIT"])
    now = utcnow()
    since = now - _window()
    for kind, condition in (
        ("account", and_(SignInAttempt.email == email, _from(address))),
        ("address", _from(address)),
    ):
        failures = (
            select(SignInAttempt.at)
            .where(condition, SignInAttempt.succeeded.is_(False), SignInAttempt.at >= since)
            .order_by(SignInAttempt.at.desc())
            .limit(limit)
        )
        times = list(db.session.scalars(failures))
        if len(times) >= limit:
            oldest = times[-1]
            if oldest.tzinfo is None:  # SQLite
                oldest = oldest.replace(tzinfo=now.tzinfo)
            wait = oldest + _window() - now
            return kind, max(math.ceil(wait.total_seconds()), 1)
    return None


def _from(address: str | None) -> ColumnElement[bool]:
    if address is None:
        return SignInAttempt.ip_address.is_(None)
    return SignInAttempt.ip_address == address


def _account_failures(email: str, address: str | None = None) -> int:
    """Failures on the account in the window: from anywhere, or from ``address`` only."""
    condition = and_(
        SignInAttempt.email == email,
        SignInAttempt.succeeded.is_(False),
        SignInAttempt.at >= utcnow() - _window(),
    )
    if address is not None:
        condition = and_(condition, _from(address))
    return int(
        db.session.scalar(select(func.count()).select_from(SignInAttempt).where(condition)) or 0
    )


def _ceiling() -> int:
    return int(current_app.config.get("PARTNERS_SIGNIN_ACCOUNT_CEILING", 10))


def under_attack(email: str, address: str | None) -> tuple[str, int] | None:
    """Past the account-wide ceiling: slow every attempt; refuse an address that guessed.

    Returns (``account``, seconds to wait) when this address is refused, else None.
    """
    if not _enabled() or _account_failures(email) < _ceiling():
        return None
    time.sleep(float(current_app.config.get("PARTNERS_SIGNIN_SLOW_SECONDS", 2)))
    if _account_failures(email, address) > 0:
        return "account", int(_window().total_seconds())
    return None


def locked(email: str, address: str | None) -> tuple[str, int] | None:
    """Return (``account`` or ``address``, seconds to wait) if sign-in is refused for now."""
    if not _enabled():
        return None
    found = [
        wait for wait in (_limiter_wait(email, address), _database_wait(email, address)) if wait
    ]
    if not found:
        return None
    return max(found, key=lambda pair: pair[1])


def record_failure(email: str, address: str | None) -> None:
    """Count a failed attempt towards the lock, in both counters.

    The failure that reaches the account-wide ceiling alerts the administrators.
    """
    db.session.add(SignInAttempt(email=email[:254], ip_address=address, succeeded=False))
    if not _enabled():
        return
    db.session.flush()
    if _account_failures(email) == _ceiling():
        from parent_partners.operations import access_trail

        access_trail.record(
            "sign_in_ceiling_reached",
            data={"email": email[:254], "failures": _ceiling(),
                  "window_minutes": int(_window().total_seconds() // 60)},
        )
        current_app.logger.warning(
            "Sign-in guessing on %s: %s failures in %s, from several addresses; attempts "
            "on it are slowed", email[:254], _ceiling(), _window(),
        )
    strategy = _strategy()
    if strategy is not None:
        item = _limit()
        for kind, value in _keys(email, address):
            strategy.hit(item, NAMESPACE, kind, value)


def prune(older_than: timedelta = timedelta(days=1)) -> None:
    """Drop counted attempts too old to matter (run at each successful sign-in)."""
    db.session.execute(delete(SignInAttempt).where(SignInAttempt.at < utcnow() - older_than))


def reset() -> None:
    """Forget Flask-Limiter's counts (tests; an operator unlocking everyone at once)."""
    found = limiter()
    if found is not None:
        found.reset()
