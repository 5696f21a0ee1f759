"""Flags: slips in practice found by the checks, and what people did about them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.case import Case
from parent_partners.models.common import Timestamped
from parent_partners.models.people import User
from parent_partners.vocabulary import OPEN_FLAG_STATUSES


class Flag(Timestamped, db.Model):  # type: ignore[name-defined]
    """One finding of the checks on a case, with its life: open, resolved, dismissed, reopened."""

    __tablename__ = "flags"
    # One open flag per finding on a case, however many saves re-check it at once.
    __table_args__ = (
        Index(
            "uq_flags_open_finding",
            "case_id",
            "finding_key",
            unique=True,
            postgresql_where=text("status IN ('open', 'reopened')"),
            sqlite_where=text("status IN ('open', 'reopened')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    rule: Mapped[str] = mapped_column(String(80))
    # Identity of the finding across re-checks; see checks.Finding.key.
    finding_key: Mapped[str] = mapped_column(String(64), index=True)
    record_type: Mapped[str | None] = mapped_column(String(20))
    record_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(40))
    carer_id: Mapped[int | None] = mapped_column(ForeignKey("carers.id"))
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    matched: Mapped[str | None] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text, default="")
    suggestion: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    # Text flags: the blame category (checks/categories.py) and the checker's confidence.
    category: Mapped[str | None] = mapped_column(String(40))
    confidence: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    dismissed_reason: Mapped[str] = mapped_column(Text, default="")
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    dismissed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reopened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship()
    dismissed_by: Mapped[User | None] = relationship(foreign_keys=[dismissed_by_id])
    reopened_by: Mapped[User | None] = relationship(foreign_keys=[reopened_by_id])

    @property
    def is_open(self) -> bool:
        """Open and reopened flags both still ask for attention."""
        return self.status in OPEN_FLAG_STATUSES

    def __repr__(self) -> str:
        return f"<Flag {self.id} {self.kind} {self.status}>"
