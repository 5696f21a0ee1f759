"""Server-side sign-in sessions and sign-in attempts.

A browser's cookie carries only a random session id (inside Flask's signed
cookie); the record here says whether that session still stands. Signing out,
or an administrator disabling the account, revokes the record, so a copy of the
cookie kept anywhere stops working at once. Redis holds the same records when
``REDIS_URL`` is set (``operations/sessions.py``); this table is the fallback.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from parent_partners.extensions import db
from parent_partners.models.common import utcnow


class UserSession(db.Model):  # type: ignore[name-defined]
    """One signed-in browser session. The id itself is never stored, only its SHA-256."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    sid_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_reason: Mapped[str | None] = mapped_column(String(40))
    ip_address: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(255))

    def __repr__(self) -> str:
        return f"<UserSession {self.id} user {self.user_id}{' revoked' if self.revoked_at else ''}>"


class SignInAttempt(db.Model):  # type: ignore[name-defined]
    """A password sign-in attempt, kept so throttling holds across processes without Redis."""

    __tablename__ = "sign_in_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    ip_address: Mapped[str | None] = mapped_column(String(64), index=True)
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)

    def __repr__(self) -> str:
        return f"<SignInAttempt {self.id} {'ok' if self.succeeded else 'failed'}>"


class ServiceInstance(db.Model):  # type: ignore[name-defined]
    """Which copy of the data this database is: a new epoch after every restore.

    Sessions and API tokens are bound to the epoch they were issued in, so one issued
    before a restore (or against another database) is refused instead of standing for
    whoever now has that user id.
    """

    __tablename__ = "service_instance"

    id: Mapped[int] = mapped_column(primary_key=True)
    epoch: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IdempotencyKey(db.Model):  # type: ignore[name-defined]
    """A save already made with this key: a form sent twice, or an API call retried.

    Pages keep where the save landed (``location``); the API keeps its whole answer
    (``status_code``, ``body``) and a digest of the request, to replay it exactly.
    """

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key", name="uq_idempotency_keys_user_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    key: Mapped[str] = mapped_column(String(100))
    request_digest: Mapped[str] = mapped_column(String(64), default="")
    location: Mapped[str] = mapped_column(String(500), default="")
    status_code: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
