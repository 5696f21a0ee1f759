"""A practitioner's own reflection against the eight principles."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.common import Timestamped
from parent_partners.models.people import User


class Reflection(Timestamped, db.Model):  # type: ignore[name-defined]
    """One sitting with the individual reflection tool, kept with the figures seen beside it.

    Never edited: a new reflection is written instead, so the history shows how practice and
    thinking moved. Only the practitioner and their team's managers may read it.
    """

    __tablename__ = "reflections"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    # {"1": "what I notice in my own practice", ...}, by principle number.
    answers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    to_supervision: Mapped[str] = mapped_column(Text, default="")
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<Reflection {self.id} by {self.user_id}>"
