"""The service self-assessment against the eight principles, and the actions it sets."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.common import Versioned
from parent_partners.models.people import User


class SelfAssessment(Versioned, db.Model):  # type: ignore[name-defined]
    """A principal social worker's assessment of the service over a period.

    ``figures`` keeps the evidence as it stood when the assessment was saved, so a later
    assessment is compared with what was actually seen then, not with today's records.
    """

    __tablename__ = "self_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date, index=True)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # {"1": "strong", ...} and {"1": "what we see and why", ...}, by principle number.
    ratings: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    narratives: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    created_by: Mapped[User | None] = relationship()
    actions: Mapped[list[AssessmentAction]] = relationship(
        back_populates="assessment", order_by="AssessmentAction.id", lazy="selectin"
    )

    def __repr__(self) -> str:
        return f"<SelfAssessment {self.id} {self.period_end}>"


class AssessmentAction(db.Model):  # type: ignore[name-defined]
    """One thing the service will do about a principle: who owns it and by when."""

    __tablename__ = "assessment_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("self_assessments.id"), index=True)
    principle: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    assessment: Mapped[SelfAssessment] = relationship(back_populates="actions")
