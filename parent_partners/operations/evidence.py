"""The evidence the records already hold, principle by principle, for the service
self-assessment and for a practitioner's own reflection.

Practice figures come from the dashboard summaries (``dashboards.figures_by``); the rest
(case-audit grades, children's and parents' feedback, gaps in what is recorded) from a few
grouped queries. Every figure has a key, so an assessment can keep them as they stood and be
compared with the next one.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import case, func, or_, select

from parent_partners.extensions import db
from parent_partners.models import AuditGrade, Case, CaseAudit
from parent_partners.operations import dashboards as dash
from parent_partners.operations import periods
from parent_partners.operations.voice import MINIMUM, feedback_in_scope
from parent_partners.principles import CARER_QUESTIONS, CHILD_QUESTIONS, PRINCIPLES
from parent_partners.vocabulary import BLAME_KINDS

Number = float | int | None


@dataclass(frozen=True)
class Measure:
    """One figure: its key, what it says, how it reads, and whether higher is better."""

    key: str
    label: str
    unit: str = "%"  # "%", "per 100" or "" (a count)
    higher_is_better: bool | None = True


def _flags(kind: str, label: str) -> Measure:
    return Measure(f"flags_{kind}", f"{label} per 100 involvements", "per 100", False)


def _feedback(principle: int, who: str) -> Measure:
    noun = "children" if who == "child" else "parents and carers"
    return Measure(
        f"{who}_feedback_p{principle}",
        f"Share of {noun} saying this is mostly or completely true",
    )


def _grades(principle: int) -> Measure:
    return Measure(f"audit_good_p{principle}", "Case audits graded good or outstanding")


MEASURES: dict[int, list[Measure]] = {
    1: [
        _flags("child_blame", "Wording that blames the child"),
        Measure("flags_child_blame_previous", "The same, in the period before", "per 100", False),
    ],
    2: [
        Measure("ethnicity_not_recorded", "Children whose ethnicity is not recorded", "%", False),
        Measure(
            "communication_not_recorded",
            "Children with no communication needs recorded (not even 'none')",
            "%",
            False,
        ),
    ],
    3: [
        Measure("consultation_share", "Information shared after the child was consulted"),
        Measure("views_overridden", "Times the child's view was overridden", "", False),
        Measure("consultations", "Consultations with children recorded", ""),
        _flags("child_not_consulted", "Child not consulted"),
    ],
    4: [
        Measure("strengths_share", "Involvements with strengths recorded"),
        _flags("no_strengths", "No strengths recorded"),
    ],
    5: [_flags("distress_unsupported", "A parent's distress with no support")],
    6: [
        Measure("flags_resolved", "Flags resolved by changing the record", ""),
        Measure("flags_dismissed", "Flags dismissed with a reason", "", None),
        Measure("audits_moderated", "Case audits moderated", ""),
        Measure("moderation_agreed", "Moderations agreeing with the auditor"),
    ],
    7: [
        Measure("partnership_share", "Involvements reaching 'involved' or 'partner'"),
        Measure("informed_share", "Involvements stuck at 'informed'", "%", False),
        _flags("partnership_stalled", "Partnership stuck at informed"),
        _flags("review_overdue", "Safety decisions past their review date"),
        _flags("parent_blame", "Wording that blames a parent or carer"),
        Measure("flags_parent_blame_previous", "The same, in the period before", "per 100",
                False),
    ],
    8: [Measure("contexts_recorded", "Children with the places or contexts of harm recorded")],
}
for _principle in PRINCIPLES:
    MEASURES[_principle.number] += [
        _grades(_principle.number),
        _feedback(_principle.number, "child"),
    ]
for _question in CARER_QUESTIONS:
    MEASURES[_question.principle].append(
        Measure(
            f"carer_feedback_{_question.key}",
            f"Parents and carers: \u201c{_question.text}\u201d",
        )
    )

def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _per_100(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def practice_figures(period: periods.Period, *, worker_id: int | None = None) -> dict[str, Number]:
    """Consultation, strengths, partnership and flag figures for the period (one query)."""
    by_team = dash.figures_by(period, "team_id", worker_id=worker_id)
    total = sum(by_team.values(), dash.Figures())
    length = len(period.months)
    before = periods.Period(
        periods.add_months(period.start, -length), periods.add_months(period.start, -1)
    )
    previous = sum(dash.figures_by(before, "team_id", worker_id=worker_id).values(), dash.Figures())
    involvements = total.involvements
    found: dict[str, Number] = {
        "involvements": involvements,
        "consultation_share": _pct(total["consulted_ok"], total["needs_consultation"]),
        "views_overridden": total["views_overridden"],
        "consultations": total["consultations"],
        "strengths_share": _pct(total["with_strengths"], involvements),
        "partnership_share": _pct(total.level("involved") + total.level("partner"), involvements),
        "informed_share": _pct(total.level("informed"), involvements),
        "flags_raised": _per_100(total.flags_raised, involvements),
        "flags_resolved": total.resolved,
        "flags_dismissed": total["flags_dismissed"],
        "flags_open": total["flags_open"],
    }
    # Blame in the wording, against the period of the same length just before: the trend.
    for kind in BLAME_KINDS:
        found[f"flags_{kind}_previous"] = _per_100(previous.flags(kind), previous.involvements)
    for kind in dash.ALL_KINDS:
        found[f"flags_{kind}"] = _per_100(total.flags(kind), involvements)
    for level in dash.LEVEL_VALUES:
        found[f"level_{level}"] = total.level(level)
    return found


def recording_gaps(end: date) -> dict[str, Number]:
    """Of the children whose cases were open at ``end``, how many lack ethnicity, communication
    needs or contexts of harm in the record."""
    open_then = (
        Case.archived_at.is_(None),
        Case.opened_on <= end,
        or_(Case.closed_on.is_(None), Case.closed_on >= end),
    )
    total, no_ethnicity, no_communication = db.session.execute(
        select(
            func.count(),
            func.sum(case((Case.ethnicity == "not_recorded", 1), else_=0)),
            func.sum(case((Case.communication_needs == "", 1), else_=0)),
        ).where(*open_then)
    ).one()
    contexts = db.session.scalars(select(Case.contexts).where(*open_then)).all()
    recorded = sum(1 for value in contexts if value)
    return {
        "children": int(total or 0),
        "ethnicity_not_recorded": _pct(int(no_ethnicity or 0), int(total or 0)),
        "communication_not_recorded": _pct(int(no_communication or 0), int(total or 0)),
        "contexts_recorded": _pct(recorded, int(total or 0)),
    }


def audit_figures(start: date, end: date) -> dict[str, Number]:
    """Case-audit grades by principle (final, after moderation) and how moderation went."""
    in_period = (
        CaseAudit.archived_at.is_(None),
        CaseAudit.status != "draft",
        CaseAudit.graded_at >= datetime.combine(start, time.min, UTC),
        CaseAudit.graded_at < datetime.combine(end + timedelta(days=1), time.min, UTC),
    )
    found: dict[str, Number] = {}
    grades = db.session.execute(
        select(AuditGrade.principle, AuditGrade.grade, AuditGrade.moderated_grade)
        .join(CaseAudit, CaseAudit.id == AuditGrade.audit_id)
        .where(*in_period)
    ).all()
    for principle in PRINCIPLES:
        finals = [moderated or grade for number, grade, moderated in grades
                  if number == principle.number]
        good = sum(1 for grade in finals if grade in {"good", "outstanding"})
        found[f"audit_good_p{principle.number}"] = _pct(good, len(finals))
        found[f"audits_p{principle.number}"] = len(finals)
    moderated = db.session.execute(
        select(CaseAudit.moderation_agrees).where(*in_period, CaseAudit.status == "moderated")
    ).scalars().all()
    found["audits_moderated"] = len(moderated)
    found["moderation_agreed"] = _pct(sum(1 for agreed in moderated if agreed), len(moderated))
    return found


def feedback_figures(
    start: date, end: date, *, team_id: int | None = None, worker_id: int | None = None
) -> dict[str, Number]:
    """Children's and parents' feedback: the share saying each statement is mostly or
    completely true, withheld (None) where fewer than ``MINIMUM`` answered."""
    found: dict[str, Number] = {}
    for who, questions, key in (
        ("child", CHILD_QUESTIONS, lambda q: f"child_feedback_p{q.principle}"),
        ("carer", CARER_QUESTIONS, lambda q: f"carer_feedback_{q.key}"),
    ):
        given = feedback_in_scope(who, start, end, team_id, worker_id)
        found[f"{who}_feedback_count"] = len(given)
        for question in questions:
            scores = [f.answers.get(question.key) for f in given]
            answered = [s for s in scores if s is not None]
            positive = sum(1 for s in answered if s >= 3)
            enough = len(answered) >= MINIMUM
            found[key(question)] = _pct(positive, len(answered)) if enough else None
    return found


def service_evidence(period: periods.Period) -> dict[str, Number]:
    """Every figure the self-assessment shows, for the whole service over ``period``."""
    first, last = period_dates(period)
    return {
        **practice_figures(period),
        **recording_gaps(last),
        **audit_figures(first, last),
        **feedback_figures(first, last),
    }


def period_dates(period: periods.Period) -> tuple[date, date]:
    """The first and last days of a period of whole months."""
    first = date(period.start // 100, period.start % 100, 1)
    year, month = period.end // 100, period.end % 100
    return first, date(year, month, calendar.monthrange(year, month)[1])


def show(measure: Measure, value: Number) -> str:
    """A figure as it reads on the page: withheld or not yet known, a share, a rate, a count."""
    if value is None:
        return "Not enough to show"
    if measure.unit == "%":
        return f"{value:g}%"
    if measure.unit == "per 100":
        return f"{value:g} per 100"
    return f"{value:g}"


def change(measure: Measure, now: Number, before: Number) -> str:
    """How a figure moved since the previous assessment, in words."""
    if now is None or before is None:
        return "No comparison"
    if now == before:
        return "No change"
    better = (now > before) == bool(measure.higher_is_better)
    direction = "up" if now > before else "down"
    amount = show(measure, round(abs(now - before), 1))
    if measure.higher_is_better is None:
        return f"{direction} {amount}"
    return f"{direction} {amount} ({'better' if better else 'worse'})"
