"""Earlier versions of edited records: who changed what, and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.common import utcnow
from parent_partners.models.people import User


class RecordVersion(db.Model):  # type: ignore[name-defined]
    """One edit of a versioned record: the fields it changed, before and after."""

    __tablename__ = "record_versions"
    __table_args__ = (Index("ix_record_versions_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # {"field": {"old": ..., "new": ...}} in JSON-safe form.
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    changed_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<RecordVersion {self.record_type}:{self.record_id} v{self.version}>"
