"""Feedback from a child, parent or carer on how the work with them feels."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.case import Carer, Case
from parent_partners.models.common import Versioned
from parent_partners.models.people import User


class Feedback(Versioned, db.Model):  # type: ignore[name-defined]
    """What one child, parent or carer said, statement by statement, on one day.

    ``answers`` maps each question key (``parent_partners.principles``) to a score from 1
    to 4, or to None where the person would rather not say. ``own_words`` is their voice:
    it is shown as they said it and never checked for blame.
    """

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    respondent: Mapped[str] = mapped_column(String(10))
    carer_id: Mapped[int | None] = mapped_column(ForeignKey("carers.id"), index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    own_words: Mapped[str] = mapped_column(Text, default="")
    # The person agreed their own words may be read beyond their case (anonymised).
    share_beyond_case: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship()
    carer: Mapped[Carer | None] = relationship()
    recorded_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Feedback {self.id} {self.respondent} {self.date}>"
