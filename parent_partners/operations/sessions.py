"""Server-side sessions for the standalone service's password sign-in.

Flask's signed cookie still carries the session (the CSRF token, flash messages),
but it is only trusted together with a server-side record: at sign-in a random
session id is made, put in the cookie, and its SHA-256 stored (Redis when
``REDIS_URL`` is set, the ``user_sessions`` table otherwise). Every request checks
that record: it exists, was not revoked, belongs to this user, has been used in
the last ``PARTNERS_SESSION_IDLE_MINUTES`` (30) and is younger than
``PERMANENT_SESSION_LIFETIME`` (12 hours). Signing out revokes it; disabling an
account revokes all of that user's sessions, so a copied cookie stops working.

In plugin mode the host owns sign-in and sessions; none of this runs there.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from flask import current_app, has_request_context, request
from sqlalchemy import delete, select, update

from parent_partners.extensions import db
from parent_partners.models import UserSession
from parent_partners.models.common import utcnow

SESSION_KEY = "_pp_sid"
# Refresh "last seen" at most this often, so reading pages is not a write each time.
TOUCH_EVERY = timedelta(seconds=60)
REDIS_PREFIX = "pp:session:"
REDIS_USER_PREFIX = "pp:user-sessions:"


@dataclass(frozen=True)
class SessionRecord:
    """What the store knows about one session."""

    user_id: int
    created_at: datetime
    last_seen_at: datetime
    revoked: bool


class SessionStore(Protocol):
    """Where session records live."""

    def create(self, sid_hash: str, user_id: int, meta: dict[str, str | None]) -> None:
        """Store a new session."""

    def get(self, sid_hash: str) -> SessionRecord | None:
        """Return the session, or None if there is none."""

    def touch(self, sid_hash: str, now: datetime) -> None:
        """Record that the session was used at ``now``."""

    def revoke(self, sid_hash: str, reason: str) -> None:
        """End one session."""

    def revoke_user(self, user_id: int, reason: str) -> int:
        """End every session of a user; return how many were open."""


class DatabaseStore:
    """Sessions in the ``user_sessions`` table, written in the request's transaction."""

    def create(self, sid_hash: str, user_id: int, meta: dict[str, str | None]) -> None:
        # This user's sessions past the absolute lifetime are dead anyway: forget them.
        db.session.execute(
            delete(UserSession).where(
                UserSession.user_id == user_id,
                UserSession.created_at < utcnow() - absolute_lifetime(),
            )
        )
        db.session.add(
            UserSession(
                sid_hash=sid_hash,
                user_id=user_id,
                ip_address=meta.get("ip_address"),
                user_agent=(meta.get("user_agent") or "")[:255] or None,
            )
        )
        db.session.flush()

    def get(self, sid_hash: str) -> SessionRecord | None:
        row = db.session.scalar(select(UserSession).where(UserSession.sid_hash == sid_hash))
        if row is None:
            return None
        return SessionRecord(
            user_id=row.user_id,
            created_at=_aware(row.created_at),
            last_seen_at=_aware(row.last_seen_at),
            revoked=row.revoked_at is not None,
        )

    def touch(self, sid_hash: str, now: datetime) -> None:
        db.session.execute(
            update(UserSession).where(UserSession.sid_hash == sid_hash).values(last_seen_at=now)
        )

    def revoke(self, sid_hash: str, reason: str) -> None:
        db.session.execute(
            update(UserSession)
            .where(UserSession.sid_hash == sid_hash, UserSession.revoked_at.is_(None))
            .values(revoked_at=utcnow(), revoked_reason=reason)
        )

    def revoke_user(self, user_id: int, reason: str) -> int:
        result = db.session.execute(
            update(UserSession)
            .where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
            .values(revoked_at=utcnow(), revoked_reason=reason)
        )
        return int(getattr(result, "rowcount", 0) or 0)


class RedisStore:
    """Sessions in Redis: one key per session (expiring when idle), one set per user."""

    def __init__(self, url: str, idle: timedelta, lifetime: timedelta) -> None:
        import redis

        self.client: Any = redis.Redis.from_url(url, decode_responses=True)
        self.idle = idle
        self.lifetime = lifetime

    def _ttl(self, created_at: datetime, now: datetime) -> int:
        left = min(self.idle, created_at + self.lifetime - now)
        return max(int(left.total_seconds()), 1)

    def create(self, sid_hash: str, user_id: int, meta: dict[str, str | None]) -> None:
        now = utcnow()
        value = {"user_id": user_id, "created_at": now.isoformat(), "last_seen_at": now.isoformat()}
        value.update({key: item for key, item in meta.items() if item})
        pipe = self.client.pipeline()
        pipe.set(REDIS_PREFIX + sid_hash, json.dumps(value), ex=self._ttl(now, now))
        pipe.sadd(f"{REDIS_USER_PREFIX}{user_id}", sid_hash)
        pipe.expire(f"{REDIS_USER_PREFIX}{user_id}", int(self.lifetime.total_seconds()))
        pipe.execute()

    def get(self, sid_hash: str) -> SessionRecord | None:
        raw = self.client.get(REDIS_PREFIX + sid_hash)
        if raw is None:
            return None
        value = json.loads(raw)
        return SessionRecord(
            user_id=int(value["user_id"]),
            created_at=datetime.fromisoformat(value["created_at"]),
            last_seen_at=datetime.fromisoformat(value["last_seen_at"]),
            revoked=False,
        )

    def touch(self, sid_hash: str, now: datetime) -> None:
        key = REDIS_PREFIX + sid_hash
        raw = self.client.get(key)
        if raw is None:
            return
        value = json.loads(raw)
        value["last_seen_at"] = now.isoformat()
        created = datetime.fromisoformat(value["created_at"])
        # xx: only if it still exists, so a touch cannot bring back a revoked session.
        self.client.set(key, json.dumps(value), ex=self._ttl(created, now), xx=True)

    def revoke(self, sid_hash: str, reason: str) -> None:
        self.client.delete(REDIS_PREFIX + sid_hash)

    def revoke_user(self, user_id: int, reason: str) -> int:
        members_key = f"{REDIS_USER_PREFIX}{user_id}"
        members = self.client.smembers(members_key)
        removed = self.client.delete(*[REDIS_PREFIX + m for m in members]) if members else 0
        self.client.delete(members_key)
        return int(removed)


def _aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def idle_timeout() -> timedelta:
    """How long a session may go unused."""
    return timedelta(minutes=int(current_app.config.get("PARTNERS_SESSION_IDLE_MINUTES", 30)))


def absolute_lifetime() -> timedelta:
    """How long a session may last, however busy."""
    lifetime = current_app.config.get("PERMANENT_SESSION_LIFETIME", timedelta(hours=12))
    return lifetime if isinstance(lifetime, timedelta) else timedelta(seconds=int(lifetime))


def store() -> SessionStore:
    """The configured store: Redis when ``REDIS_URL`` is set, the database otherwise."""
    cache = current_app.extensions.setdefault("parent_partners_sessions", {})
    url = current_app.config.get("PARTNERS_SESSION_REDIS_URL") or current_app.config.get(
        "REDIS_URL"
    )
    key = url or "database"
    if key not in cache:
        cache[key] = (
            RedisStore(url, idle_timeout(), absolute_lifetime()) if url else DatabaseStore()
        )
    return cache[key]


def hash_sid(sid: str) -> str:
    """The stored form of a session id, bound to the database's epoch.

    After a restore the epoch is new, so no session id from before it hashes to a record.
    """
    from parent_partners.operations.instance import current_epoch

    return hashlib.sha256(f"{current_epoch()}:{sid}".encode()).hexdigest()


def start(user_id: int) -> str:
    """Make a new session for ``user_id``; return its id, for the cookie."""
    sid = secrets.token_urlsafe(32)
    meta: dict[str, str | None] = {}
    if has_request_context():
        meta = {
            "ip_address": request.remote_addr,
            "user_agent": request.headers.get("User-Agent", "")[:255],
        }
    store().create(hash_sid(sid), user_id, meta)
    return sid


def check(sid: object, user_id: int) -> str | None:
    """Return why the session ``sid`` does not stand for ``user_id``, or None if it does.

    A session in use is marked as seen (at most once a minute).
    """
    if not isinstance(sid, str) or not sid:
        return "missing"
    sid_hash = hash_sid(sid)
    sessions = store()
    record = sessions.get(sid_hash)
    if record is None:
        return "unknown"
    if record.revoked:
        return "revoked"
    if record.user_id != user_id:
        return "wrong_user"
    now = utcnow()
    if now - record.created_at >= absolute_lifetime():
        sessions.revoke(sid_hash, "expired")
        return "expired"
    if now - record.last_seen_at >= idle_timeout():
        sessions.revoke(sid_hash, "idle")
        return "idle"
    if now - record.last_seen_at >= TOUCH_EVERY:
        sessions.touch(sid_hash, now)
    return None


def end(sid: object, reason: str = "signed_out") -> None:
    """End one session (signing out)."""
    if isinstance(sid, str) and sid:
        store().revoke(hash_sid(sid), reason)


def end_all_for(user_id: int, reason: str) -> int:
    """End every session of a user (account disabled); return how many were open."""
    return store().revoke_user(user_id, reason)
