"""API tokens: bearer secrets for the JSON API, stored only as a hash."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.common import utcnow
from parent_partners.models.people import User


class ApiToken(db.Model):  # type: ignore[name-defined]
    """One token a user made for a script or a host system. The secret itself is never kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    # sha256 of the secret, hex: the secret is long and random, so a fast hash is enough.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # None for tokens made before tokens expired: they work until revoked.
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()

    @property
    def is_active(self) -> bool:
        """A token works until it is revoked or expires."""
        return self.revoked_at is None and not self.is_expired

    @property
    def is_expired(self) -> bool:
        """Whether the token's expiry has passed."""
        if self.expires_at is None:
            return False
        expires = self.expires_at
        if expires.tzinfo is None:  # SQLite hands timestamps back without their zone
            expires = expires.replace(tzinfo=UTC)
        return expires <= utcnow()

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} {self.name!r}{' revoked' if self.revoked_at else ''}>"
