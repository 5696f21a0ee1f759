"""Listing, opening and presenting cases."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Consultation, Flag, Involvement, User
from parent_partners.operations import audit, validation
from parent_partners.scoping import can_edit, visible_cases

OPEN_FLAG_STATUSES = ("open", "reopened")


@dataclass
class CaseRow:
    """One line of the case list."""

    case: Case
    open_flags: int
    last_involvement: date | None


@dataclass
class CaseListing:
    """A page of the case list."""

    rows: list[CaseRow]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """Number of pages in the whole listing."""
        return max(1, -(-self.total // self.per_page))


def list_cases(user: User, *, page: int = 1, per_page: int = 50, mine: bool = False) -> CaseListing:
    """Return a page of the cases ``user`` may see, most recently active first.

    Flag counts and last-involvement dates come from grouped subqueries, so the
    page costs the same few queries whatever the caseload.
    """
    base = visible_cases(user)
    if mine:
        base = base.where(Case.worker_id == user.id)
    total = db.session.scalar(select(func.count()).select_from(base.subquery())) or 0
    flags = (
        select(Flag.case_id, func.count().label("n"))
        .where(Flag.status.in_(OPEN_FLAG_STATUSES))
        .group_by(Flag.case_id)
        .subquery()
    )
    last = (
        select(Involvement.case_id, func.max(Involvement.date).label("last"))
        .group_by(Involvement.case_id)
        .subquery()
    )
    query = (
        base.add_columns(func.coalesce(flags.c.n, 0), last.c.last)
        .outerjoin(flags, flags.c.case_id == Case.id)
        .outerjoin(last, last.c.case_id == Case.id)
        .options(selectinload(Case.worker), selectinload(Case.team))
        .order_by(Case.closed_on.is_not(None), Case.child_name, Case.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    rows = [
        CaseRow(case=c, open_flags=n, last_involvement=d) for c, n, d in db.session.execute(query)
    ]
    audit.note_read(row.case.id for row in rows)
    return CaseListing(rows=rows, total=total, page=page, per_page=per_page)


def team_workers(team_id: int) -> list[User]:
    """Return the active practitioners and managers of a team, by name."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.team_id == team_id, User.active.is_(True))
            .where(User.role.in_(("practitioner", "manager")))
            .order_by(User.name)
        )
    )


def new_reference() -> str:
    """Make a case reference that is not in use."""
    while True:
        reference = "PP-" + secrets.token_hex(3).upper()
        if not db.session.scalar(select(Case.id).where(Case.reference == reference)):
            return reference


# One answer whoever holds the reference: saying it "already exists" would tell someone
# in one team that another team has a case with it.
REFERENCE_REFUSED = (
    "This reference cannot be used. Enter a different reference, or leave it blank to have "
    "one made"
)


def open_case(
    *,
    team_id: int,
    worker_id: int | None,
    child_name: str,
    reference: str = "",
    child_dob: date | None,
    gender: str,
    ethnicity: str,
    communication_needs: str = "",
    harm_types: list[str],
    contexts: list[str],
    opened_on: date,
) -> Case | None:
    """Open a case; returns None if the given reference is already used.

    ``RecordInvalid`` if the dates break a rule (in the future, opened before birth).
    """
    validation.require(
        validation.case_problems({"child_dob": child_dob, "opened_on": opened_on})
    )
    reference = reference.strip() or new_reference()
    if db.session.scalar(select(Case.id).where(Case.reference == reference)):
        return None
    case = Case(
        reference=reference,
        child_name=child_name.strip(),
        child_dob=child_dob,
        gender=gender,
        ethnicity=ethnicity,
        communication_needs=communication_needs.strip(),
        harm_types=harm_types,
        contexts=contexts,
        team_id=team_id,
        worker_id=worker_id,
        opened_on=opened_on,
    )
    db.session.add(case)
    db.session.flush()
    audit.record("case_opened", record_type="case", record_id=case.id, case_id=case.id)
    return case


@dataclass
class TimelineEntry:
    """An involvement or consultation on the case timeline."""

    kind: str  # "involvement" | "consultation"
    date: date
    record: Any
    flags: list[Flag] = field(default_factory=list)


def case_page(user: User, case: Case) -> dict[str, Any]:
    """Gather what the case page shows, in a fixed number of queries."""
    involvements = list(
        db.session.scalars(
            select(Involvement)
            .where(Involvement.case_id == case.id, Involvement.archived_at.is_(None))
            .options(selectinload(Involvement.recorded_by))
        )
    )
    consultations = list(
        db.session.scalars(
            select(Consultation)
            .where(Consultation.case_id == case.id, Consultation.archived_at.is_(None))
            .options(selectinload(Consultation.recorded_by))
        )
    )
    flags = list(
        db.session.scalars(
            select(Flag)
            .where(Flag.case_id == case.id)
            .options(selectinload(Flag.dismissed_by), selectinload(Flag.reopened_by))
            .order_by(Flag.created_at.desc(), Flag.id.desc())
        )
    )
    by_record: dict[tuple[str | None, int | None], list[Flag]] = {}
    for flag in flags:
        if flag.is_open:
            by_record.setdefault((flag.record_type, flag.record_id), []).append(flag)
    timeline = [
        TimelineEntry("involvement", i.date, i, by_record.get(("involvement", i.id), []))
        for i in involvements
    ] + [
        TimelineEntry("consultation", c.date, c, by_record.get(("consultation", c.id), []))
        for c in consultations
    ]
    timeline.sort(key=lambda entry: (entry.date, entry.record.id), reverse=True)
    carers: list[Carer] = [c for c in case.carers if c.archived_at is None]
    records: dict[tuple[str, int], Any] = {("involvement", i.id): i for i in involvements}
    records.update({("consultation", c.id): c for c in consultations})
    records.update({("carer", c.id): c for c in carers})
    return {
        "case": case,
        "carers": carers,
        "timeline": timeline,
        "open_flags": [f for f in flags if f.is_open],
        "excerpts": {f.id: flag_excerpt(f, records) for f in flags if f.matched},
        "carer_names": {c.id: c.name for c in carers},
        "closed_flags": [f for f in flags if not f.is_open],
        "editable": can_edit(user, case),
        "today": date.today(),
    }


@dataclass
class Excerpt:
    """The words a text flag points at, with a little of the text around them."""

    before: str
    matched: str
    after: str


EXCERPT_CONTEXT = 80


def flag_excerpt(flag: Flag, records: dict[tuple[str, int], Any]) -> Excerpt | None:
    """Return the flagged words in their sentence, if the record still holds them there."""
    record = records.get((flag.record_type or "", flag.record_id or 0))
    text = getattr(record, flag.field or "", None) if record is not None else None
    start, end = flag.span_start, flag.span_end
    if not isinstance(text, str) or start is None or end is None or end > len(text):
        return None
    before = text[max(0, start - EXCERPT_CONTEXT) : start]
    after = text[end : end + EXCERPT_CONTEXT]
    return Excerpt(
        before=("…" if start > EXCERPT_CONTEXT else "") + before,
        matched=text[start:end],
        after=after + ("…" if end + EXCERPT_CONTEXT < len(text) else ""),
    )
