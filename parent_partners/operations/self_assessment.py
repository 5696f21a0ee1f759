"""The service self-assessment: a principal social worker rates the service against each
principle, with the evidence the records hold kept beside the judgement, actions with owners
and dates, and a comparison with the previous assessment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import abort
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import AssessmentAction, SelfAssessment, User
from parent_partners.operations import access_trail, periods
from parent_partners.operations.evidence import (
    MEASURES,
    Measure,
    Number,
    change,
    period_dates,
    service_evidence,
    show,
)
from parent_partners.operations.exports import ExportTable
from parent_partners.operations.versioning import trailed_edit
from parent_partners.principles import PRINCIPLES, SELF_ASSESSMENT_RATINGS, Principle


def start_assessment(
    user: User, title: str, period: periods.Period, ratings: dict[str, str],
    narratives: dict[str, str],
) -> SelfAssessment:
    """Save an assessment, keeping the evidence for its period as it stands today."""
    first, last = period_dates(period)
    assessment = SelfAssessment(
        title=title.strip(),
        period_start=first,
        period_end=last,
        figures=service_evidence(period),
        ratings=_known_ratings(ratings),
        narratives={k: v.strip() for k, v in narratives.items() if v.strip()},
        created_by_id=user.id,
    )
    db.session.add(assessment)
    db.session.flush()
    access_trail.record("self_assessment_saved", record_type="self_assessment",
                 record_id=assessment.id)
    return assessment


def _known_ratings(ratings: dict[str, str]) -> dict[str, str]:
    known = {value for value, _ in SELF_ASSESSMENT_RATINGS}
    return {str(p.number): ratings[str(p.number)] for p in PRINCIPLES
            if ratings.get(str(p.number)) in known}


def revise_assessment(
    assessment: SelfAssessment, user: User, ratings: dict[str, str],
    narratives: dict[str, str], seen_version: int,
) -> SelfAssessment:
    """Change the ratings and narrative, keeping the earlier version; refuses stale edits."""
    values = {
        "ratings": _known_ratings(ratings),
        "narratives": {k: v.strip() for k, v in narratives.items() if v.strip()},
    }
    trailed_edit(assessment, "self_assessment", "self_assessment_edited", values,
                 seen_version=seen_version, user_id=user.id)
    return assessment


def add_action(
    assessment: SelfAssessment, principle: int, action: str, owner: str, due_on: date
) -> AssessmentAction:
    """Set an action against a principle, with who owns it and by when."""
    item = AssessmentAction(assessment_id=assessment.id, principle=principle,
                            action=action.strip(), owner=owner.strip(), due_on=due_on)
    db.session.add(item)
    db.session.flush()
    access_trail.record("self_assessment_edited", record_type="self_assessment",
                 record_id=assessment.id, data={"action_added": item.id})
    return item


def assessments() -> list[SelfAssessment]:
    """Every assessment, the latest period first."""
    return list(db.session.scalars(
        select(SelfAssessment).where(SelfAssessment.archived_at.is_(None))
        .order_by(SelfAssessment.period_end.desc(), SelfAssessment.id.desc())
    ))


def assessment_or_404(assessment_id: int) -> SelfAssessment:
    """The assessment, or 404."""
    found = db.session.get(SelfAssessment, assessment_id)
    if found is None or found.archived_at is not None:
        abort(404)
    return found


def previous_to(assessment: SelfAssessment) -> SelfAssessment | None:
    """The assessment before this one: the latest whose period ended earlier."""
    return db.session.scalars(
        select(SelfAssessment)
        .where(SelfAssessment.archived_at.is_(None),
               SelfAssessment.period_end < assessment.period_end)
        .order_by(SelfAssessment.period_end.desc(), SelfAssessment.id.desc())
        .limit(1)
    ).first()


@dataclass
class EvidenceLine:
    """One figure on the page: what it is, now, before, and how it moved."""

    measure: Measure
    now: Number
    before: Number

    @property
    def shown(self) -> str:
        """The figure now, as it reads."""
        return show(self.measure, self.now)

    @property
    def shown_before(self) -> str:
        """The figure at the previous assessment, as it reads."""
        return show(self.measure, self.before) if self.before is not None else "–"

    @property
    def moved(self) -> str:
        """How it moved, in words."""
        return change(self.measure, self.now, self.before)


@dataclass
class PrincipleEvidence:
    """A principle, its evidence lines, and (for a saved assessment) its rating and actions."""

    principle: Principle
    lines: list[EvidenceLine]
    rating: str | None = None
    narrative: str = ""
    previous_rating: str | None = None
    actions: list[AssessmentAction] | None = None


def evidence_by_principle(
    figures: dict[str, Any], previous: dict[str, Any] | None = None,
    assessment: SelfAssessment | None = None, before: SelfAssessment | None = None,
) -> list[PrincipleEvidence]:
    """The evidence for each of the eight principles, beside the earlier figures if any."""
    out = []
    for principle in PRINCIPLES:
        key = str(principle.number)
        lines = [EvidenceLine(m, figures.get(m.key), (previous or {}).get(m.key))
                 for m in MEASURES[principle.number]]
        out.append(PrincipleEvidence(
            principle=principle,
            lines=lines,
            rating=assessment.ratings.get(key) if assessment else None,
            narrative=assessment.narratives.get(key, "") if assessment else "",
            previous_rating=before.ratings.get(key) if before else None,
            actions=[a for a in assessment.actions if a.principle == principle.number]
            if assessment else None,
        ))
    return out


def figures_table(assessment: SelfAssessment, before: SelfAssessment | None) -> ExportTable:
    """The assessment's figures, one row per figure, for CSV or XLSX."""
    table = ExportTable(
        key="figures",
        title=f"{assessment.title}: figures",
        headers=["Principle", "Figure", "Value", "Unit", "At the previous assessment",
                 "Change"],
    )
    for item in evidence_by_principle(assessment.figures, before.figures if before else None):
        for line in item.lines:
            table.rows.append([
                f"{item.principle.number}. {item.principle.name}", line.measure.label,
                line.now, line.measure.unit, line.before, line.moved,
            ])
    return table
