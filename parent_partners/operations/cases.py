"""Listing, opening and presenting cases."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import lazyload, selectinload

from parent_partners.extensions import db
from parent_partners.models import Case, Flag, Involvement, User
from parent_partners.operations import access_trail, validation
from parent_partners.operations.paging import Paging
from parent_partners.operations.record_inputs import CaseInput
from parent_partners.scoping import visible_cases
from parent_partners.search_text import query_words
from parent_partners.vocabulary import OPEN_FLAG_STATUSES, TEAM_ROLES


@dataclass
class CaseRow:
    """One line of the case list."""

    case: Case
    open_flags: int
    last_involvement: date | None


@dataclass
class CaseListing(Paging):
    """A page of the case list."""

    rows: list[CaseRow]


def list_cases(
    user: User,
    *,
    page: int = 1,
    per_page: int = 50,
    mine: bool = False,
    query: str = "",
    flagged: bool = False,
    reference: str | None = None,
    external_id: str | None = None,
) -> CaseListing:
    """Return a page of the cases ``user`` may see, open cases first, by child's name.

    ``query`` finds cases by the child's name, the reference or a carer's name,
    whatever the case and accents (every word must match); ``flagged`` keeps only
    cases with an open flag; ``reference`` and ``external_id`` match exactly (a host
    looking up its own case). The page's cases are
    picked first, by id alone; only those fifty then get their flag counts and
    last involvement, so the cost does not grow with the caseload.
    """
    base = matching(visible_cases(user), reference, external_id)
    if mine:
        base = base.where(Case.worker_id == user.id)
    if flagged:
        with_open_flags = select(Flag.case_id).where(Flag.status.in_(OPEN_FLAG_STATUSES))
        base = base.where(Case.id.in_(with_open_flags))
    for word in query_words(query):
        base = base.where(Case.search_key.contains(word, autoescape=True))
    page_ids = list(
        db.session.scalars(
            base.with_only_columns(Case.id)
            .order_by(Case.closed_on.is_not(None), Case.child_name, Case.id)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    total = db.session.scalar(base.with_only_columns(func.count(Case.id)).order_by(None)) or 0
    return CaseListing(rows=case_rows(page_ids), total=total, page=page, per_page=per_page)


def matching(base: Select[Any], reference: str | None, external_id: str | None) -> Select[Any]:
    """Narrow a case query to a host's exact reference and/or its own id for the case."""
    if reference is not None:
        base = base.where(Case.reference == reference.strip())
    if external_id is not None:
        base = base.where(Case.external_id == external_id.strip())
    return base


def case_rows(page_ids: list[int]) -> list[CaseRow]:
    """The list lines of these cases, in this order, each with its open flags and latest
    involvement (three queries, whatever the page size); each case is noted as read."""
    if not page_ids:
        return []
    cases = {
        c.id: c
        for c in db.session.scalars(
            select(Case)
            .where(Case.id.in_(page_ids))
            .options(selectinload(Case.worker), selectinload(Case.team), lazyload(Case.carers))
        )
    }
    open_flags: dict[int, int] = {
        case_id: n
        for case_id, n in db.session.execute(
            select(Flag.case_id, func.count())
            .where(Flag.case_id.in_(page_ids), Flag.status.in_(OPEN_FLAG_STATUSES))
            .group_by(Flag.case_id)
        )
    }
    last: dict[int, date] = {
        case_id: day
        for case_id, day in db.session.execute(
            select(Involvement.case_id, func.max(Involvement.date))
            .where(Involvement.case_id.in_(page_ids), Involvement.archived_at.is_(None))
            .group_by(Involvement.case_id)
        )
    }
    rows = [
        CaseRow(case=cases[i], open_flags=open_flags.get(i, 0), last_involvement=last.get(i))
        for i in page_ids
    ]
    access_trail.note_read(row.case.id for row in rows)
    return rows


def team_workers(team_id: int) -> list[User]:
    """Return the active practitioners and managers of a team, by name."""
    return list(
        db.session.scalars(
            select(User)
            .where(User.team_id == team_id, User.active.is_(True))
            .where(User.role.in_(TEAM_ROLES))
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
EXTERNAL_ID_REFUSED = "This external id cannot be used: each case needs its own"


def reference_taken(reference: str, case_id: int | None = None) -> bool:
    """Whether another case (any team's) already has this reference."""
    query = select(Case.id).where(Case.reference == reference)
    if case_id is not None:
        query = query.where(Case.id != case_id)
    return db.session.scalar(query) is not None


def external_id_taken(external_id: str | None, case_id: int | None = None) -> bool:
    """Whether another case (any team's) already has this external id."""
    if not external_id:
        return False
    query = select(Case.id).where(Case.external_id == external_id)
    if case_id is not None:
        query = query.where(Case.id != case_id)
    return db.session.scalar(query) is not None


def open_case(entry: CaseInput) -> Case | None:
    """Open a case; returns None if the given reference is already used.

    ``RecordInvalid`` if it breaks a rule: dates in the future or opened before birth, an
    allocated worker who is not an active practitioner or manager of the case's team, or
    another case has the host's ``external_id``.
    """
    problems = entry.problems()
    if entry.worker_id is not None and entry.worker_id not in {
        worker.id for worker in team_workers(entry.team_id)
    }:
        problems.append(("worker_id", validation.WORKER_NOT_IN_TEAM))
    if external_id_taken(entry.external_id):
        problems.append(("external_id", EXTERNAL_ID_REFUSED))
    validation.require(problems)
    reference = entry.reference or new_reference()
    if reference_taken(reference):
        return None
    case = Case(
        **{
            **asdict(entry),
            "reference": reference,
            "harm_types": list(entry.harm_types),
            "contexts": list(entry.contexts),
        }
    )
    db.session.add(case)
    db.session.flush()
    access_trail.record("case_opened", record_type="case", record_id=case.id, case_id=case.id)
    return case
