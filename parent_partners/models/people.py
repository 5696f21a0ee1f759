"""Teams and the people who sign in."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.common import Timestamped


class Team(Timestamped, db.Model):  # type: ignore[name-defined]
    """A team of practitioners with a manager, holding a shared caseload."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)

    members: Mapped[list[User]] = relationship(back_populates="team")

    def __repr__(self) -> str:
        return f"<Team {self.id} {self.name!r}>"


class User(UserMixin, Timestamped, db.Model):  # type: ignore[name-defined]
    """Somebody who signs in: a practitioner, manager, principal or administrator."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "role IN ('practitioner', 'manager', 'principal', 'admin')", name="role_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    team: Mapped[Team | None] = relationship(back_populates="members")

    @property
    def is_active(self) -> bool:
        """Disabled accounts cannot sign in and lose any session they had."""
        return bool(self.active)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email!r} {self.role}>"
