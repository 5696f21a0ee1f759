"""What happens on a case: involvements of parents and carers, and child consultations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parent_partners.extensions import db
from parent_partners.models.case import Carer, Case
from parent_partners.models.common import Versioned
from parent_partners.models.people import User

involvement_carers = Table(
    "involvement_carers",
    db.metadata,
    Column("involvement_id", ForeignKey("involvements.id"), primary_key=True),
    Column("carer_id", ForeignKey("carers.id"), primary_key=True, index=True),
)

consultation_carers = Table(
    "consultation_carers",
    db.metadata,
    Column("consultation_id", ForeignKey("consultations.id"), primary_key=True),
    Column("carer_id", ForeignKey("carers.id"), primary_key=True, index=True),
)


class Involvement(Versioned, db.Model):  # type: ignore[name-defined]
    """One engagement with one or more parents or carers, and how far partnership reached."""

    __tablename__ = "involvements"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    partnership_level: Mapped[str] = mapped_column(String(20))
    not_involved_reason: Mapped[str] = mapped_column(Text, default="")
    shares_child_information: Mapped[bool] = mapped_column(Boolean, default=False)
    shared_what: Mapped[str] = mapped_column(Text, default="")
    shared_why: Mapped[str] = mapped_column(Text, default="")
    parent_view: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    parent_distress: Mapped[bool] = mapped_column(Boolean, default=False)
    distress_support: Mapped[str] = mapped_column(Text, default="")
    actions: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="involvements")
    carers: Mapped[list[Carer]] = relationship(
        secondary=involvement_carers, order_by="Carer.id", lazy="selectin"
    )
    recorded_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Involvement {self.id} {self.date} {self.kind}>"


class Consultation(Versioned, db.Model):  # type: ignore[name-defined]
    """The child's view, in their own words, on involving particular parents or carers."""

    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    child_asked: Mapped[bool] = mapped_column(Boolean, default=True)
    child_view: Mapped[str] = mapped_column(Text, default="")
    child_wish: Mapped[str | None] = mapped_column(String(30))
    influence: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str | None] = mapped_column(String(20))
    override_rationale: Mapped[str] = mapped_column(Text, default="")
    child_told_outcome: Mapped[bool] = mapped_column(Boolean, default=False)
    not_asked_reason: Mapped[str | None] = mapped_column(String(30))
    not_asked_detail: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    case: Mapped[Case] = relationship(back_populates="consultations")
    carers: Mapped[list[Carer]] = relationship(
        secondary=consultation_carers, order_by="Carer.id", lazy="selectin"
    )
    recorded_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Consultation {self.id} {self.date}>"
