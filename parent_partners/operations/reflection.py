"""A practitioner's own reflection against the eight principles, beside their own figures.

Private: only the practitioner and a manager of their team may read it. Reflections are never
changed once written, so the history stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Reflection, User
from parent_partners.operations import access_trail, periods
from parent_partners.operations.evidence import (
    Measure,
    Number,
    feedback_figures,
    period_dates,
    practice_figures,
    show,
)
from parent_partners.principles import PRINCIPLES

# The practitioner's own figures, in the order the reflection page shows them.
OWN_MEASURES: tuple[Measure, ...] = (
    Measure("involvements", "Involvements you recorded", ""),
    Measure("consultation_share", "Information shared after the child was consulted"),
    Measure("views_overridden", "Times a child's view was overridden", "", False),
    Measure("flags_raised", "Flags per 100 involvements", "per 100", False),
    Measure("flags_child_blame", "Wording that blames the child, per 100", "per 100", False),
    Measure("flags_parent_blame", "Wording that blames a parent, per 100", "per 100", False),
    Measure("flags_resolved", "Flags resolved by changing the record", ""),
    Measure("flags_dismissed", "Flags dismissed with a reason", "", None),
    Measure("flags_open", "Flags still open", "", False),
    Measure("strengths_share", "Involvements with strengths recorded"),
    Measure("level_informed", "Involvements that reached 'informed'", ""),
    Measure("level_consulted", "Involvements that reached 'consulted'", ""),
    Measure("level_involved", "Involvements that reached 'involved'", ""),
    Measure("level_partner", "Involvements that reached 'partner'", ""),
    Measure("child_feedback_count", "Feedback from children on your cases", ""),
    Measure("carer_feedback_count", "Feedback from parents and carers on your cases", ""),
    *(
        Measure(f"child_feedback_p{p.number}", f"Children: \u201c{p.feels}\u201d")
        for p in PRINCIPLES
    ),
)


@dataclass
class OwnFigure:
    """One of a practitioner's own figures, as it reads."""

    measure: Measure
    value: Number

    @property
    def shown(self) -> str:
        """The figure as it reads."""
        return show(self.measure, self.value)


def own_figures(user: User, period: periods.Period) -> dict[str, Number]:
    """The practitioner's own figures for the period: on the records they hold."""
    first, last = period_dates(period)
    return {
        **practice_figures(period, worker_id=user.id),
        **feedback_figures(first, last, worker_id=user.id),
    }


def readable(figures: dict[str, Number]) -> list[OwnFigure]:
    """The figures the reflection page shows, in order."""
    return [OwnFigure(m, figures.get(m.key)) for m in OWN_MEASURES]


def write_reflection(
    user: User, period: periods.Period, answers: dict[str, str], to_supervision: str
) -> Reflection:
    """Keep a reflection, with the practitioner's own figures as they stand today."""
    first, last = period_dates(period)
    reflection = Reflection(
        user_id=user.id,
        period_start=first,
        period_end=last,
        answers={k: v.strip() for k, v in answers.items() if v.strip()},
        to_supervision=to_supervision.strip(),
        figures=own_figures(user, period),
    )
    db.session.add(reflection)
    db.session.flush()
    access_trail.record("reflection_written", record_type="reflection", record_id=reflection.id)
    return reflection


def may_read(reader: User, author: User) -> bool:
    """Whether ``reader`` may read ``author``'s reflections: their own, or as their manager."""
    if reader.id == author.id:
        return True
    return reader.role == "manager" and reader.team_id is not None and (
        reader.team_id == author.team_id
    )


def author_or_404(reader: User, author_id: int) -> User:
    """The author whose reflections ``reader`` asks for; 404 unless they may read them."""
    author = db.session.get(User, author_id)
    if author is None or not may_read(reader, author):
        abort(404)
    return author


def reflections_of(author: User) -> list[Reflection]:
    """Every reflection the author wrote, newest first."""
    return list(db.session.scalars(
        select(Reflection).where(Reflection.user_id == author.id)
        .order_by(Reflection.created_at.desc(), Reflection.id.desc())
    ))


def reflection_or_404(reader: User, reflection_id: int) -> Reflection:
    """One reflection, if ``reader`` may read it; otherwise 404."""
    reflection = db.session.get(Reflection, reflection_id)
    if reflection is None or not may_read(reader, reflection.user):
        abort(404)
    access_trail.record("reflection_viewed", record_type="reflection", record_id=reflection.id,
                 data={"author_id": reflection.user_id})
    return reflection


def team_members(manager: User) -> list[User]:
    """The practitioners and managers of a manager's team, whose reflections they may read."""
    if manager.role != "manager" or manager.team_id is None:
        return []
    return list(db.session.scalars(
        select(User).where(User.team_id == manager.team_id, User.id != manager.id)
        .order_by(User.name)
    ))
