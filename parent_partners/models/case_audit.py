"""Case audits: a manager grades a case against the eight principles, the worker responds,
a second manager (or a principal) moderates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.case import Case
from parent_partners.models.common import Timestamped, Versioned
from parent_partners.models.people import Team, User


class CaseAudit(Versioned, db.Model):  # type: ignore[name-defined]
    """One manager's graded review of a case, and what happened to it afterwards."""

    __tablename__ = "case_audits"
    __table_args__ = (
        CheckConstraint(
            "status IN ('draft', 'graded', 'responded', 'moderated')", name="status_known"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    # The team and worker when the audit was graded: who must respond, who may see it.
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    auditor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(20), default="graded", index=True)
    findings: Mapped[str] = mapped_column(Text, default="")
    graded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    response: Mapped[str] = mapped_column(Text, default="")
    responded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    responded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    moderated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    moderation_agrees: Mapped[bool | None] = mapped_column(Boolean)
    moderation_note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship()
    team: Mapped[Team] = relationship()
    worker: Mapped[User | None] = relationship(foreign_keys=[worker_id])
    auditor: Mapped[User] = relationship(foreign_keys=[auditor_id])
    responded_by: Mapped[User | None] = relationship(foreign_keys=[responded_by_id])
    moderator: Mapped[User | None] = relationship(foreign_keys=[moderator_id])
    grades: Mapped[list[AuditGrade]] = relationship(
        back_populates="audit", order_by="AuditGrade.principle", lazy="selectin"
    )
    actions: Mapped[list[AuditAction]] = relationship(
        back_populates="audit", order_by="AuditAction.id", lazy="selectin"
    )

    def __repr__(self) -> str:
        return f"<CaseAudit {self.id} case {self.case_id} {self.status}>"


class AuditGrade(Timestamped, db.Model):  # type: ignore[name-defined]
    """The grade and evidence for one principle, and the moderator's grade if different."""

    __tablename__ = "audit_grades"
    __table_args__ = (
        UniqueConstraint("audit_id", "principle", name="uq_audit_grades_audit_principle"),
        CheckConstraint("principle BETWEEN 1 AND 8", name="principle_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("case_audits.id"), index=True)
    principle: Mapped[int] = mapped_column(Integer)
    grade: Mapped[str] = mapped_column(String(30))
    evidence: Mapped[str] = mapped_column(Text, default="")
    moderated_grade: Mapped[str | None] = mapped_column(String(30))
    moderation_reason: Mapped[str] = mapped_column(Text, default="")

    audit: Mapped[CaseAudit] = relationship(back_populates="grades")

class AuditAction(Timestamped, db.Model):  # type: ignore[name-defined]
    """Something the worker is asked to do, by a date."""

    __tablename__ = "audit_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("case_audits.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    audit: Mapped[CaseAudit] = relationship(back_populates="actions")
