"""A case (one child) and the parents and carers around them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.common import Versioned
from parent_partners.models.people import Team, User

if TYPE_CHECKING:
    from parent_partners.models.partnership import Consultation, Involvement


class Case(Versioned, db.Model):  # type: ignore[name-defined]
    """One child's case, held by a team and allocated to a worker."""

    __tablename__ = "cases"
    # Sync pages through cases in the order they changed (operations/sync.py).
    __table_args__ = (Index("ix_cases_updated_at_id", "updated_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    # The host system's own id for the case, when it has one: unique within the service.
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    child_name: Mapped[str] = mapped_column(String(120))
    child_dob: Mapped[date | None] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(20), default="not_recorded")
    ethnicity: Mapped[str] = mapped_column(String(20), default="not_recorded")
    communication_needs: Mapped[str] = mapped_column(Text, default="")
    harm_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    contexts: Mapped[list[str]] = mapped_column(JSON, default=list)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id"), index=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    # Folded child name, reference and carers' names; kept by models/search_key.py.
    search_key: Mapped[str] = mapped_column(Text, default="")

    team: Mapped[Team] = relationship()
    worker: Mapped[User | None] = relationship()
    carers: Mapped[list[Carer]] = relationship(
        back_populates="case", order_by="Carer.id", lazy="selectin"
    )
    involvements: Mapped[list[Involvement]] = relationship(
        back_populates="case", order_by="Involvement.date"
    )
    consultations: Mapped[list[Consultation]] = relationship(
        back_populates="case", order_by="Consultation.date"
    )

    @property
    def is_open(self) -> bool:
        """A case is open until it has a closing date."""
        return self.closed_on is None

    def __repr__(self) -> str:
        return f"<Case {self.id} {self.reference}>"


class Carer(Versioned, db.Model):  # type: ignore[name-defined]
    """A parent or carer of the child, and whether it is safe to involve them."""

    __tablename__ = "carers"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    relationship_to_child: Mapped[str] = mapped_column("relationship", String(30))
    parental_responsibility: Mapped[bool] = mapped_column(Boolean, default=False)
    communication_needs: Mapped[str] = mapped_column(Text, default="")
    interpreter_language: Mapped[str] = mapped_column(String(60), default="")
    safe_to_involve: Mapped[bool] = mapped_column(Boolean, default=True)
    safe_reason: Mapped[str] = mapped_column(Text, default="")
    safe_review_on: Mapped[date | None] = mapped_column(Date)

    case: Mapped[Case] = relationship(back_populates="carers")

    def __repr__(self) -> str:
        return f"<Carer {self.id} {self.name!r}>"
