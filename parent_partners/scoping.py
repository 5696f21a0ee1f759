"""Which cases a user may see. Every case lookup goes through here."""

from __future__ import annotations

from typing import Any

from flask import abort
from sqlalchemy import Select, false, select
from sqlalchemy.orm import joinedload

from parent_partners.extensions import db
from parent_partners.models import Case, User
from parent_partners.permissions import Permission, role_has

ALL_TEAMS_ROLES = {"principal"}


def visible_cases(user: User) -> Select[Any]:
    """Return a query for the cases ``user`` may read: their team's, or all for a principal."""
    query = select(Case).where(Case.archived_at.is_(None))
    if not role_has(user.role, Permission.VIEW_CASES):
        return query.where(false())
    if user.role in ALL_TEAMS_ROLES:
        return query
    if user.team_id is None:
        return query.where(false())
    return query.where(Case.team_id == user.team_id)


def case_for(user: User, case_id: int) -> Case:
    """Return the case if ``user`` may read it; otherwise 404, so its existence is not revealed."""
    # The team's name and the carers are on every case page: fetch them with the case, in
    # one round trip rather than three.
    query = (
        visible_cases(user)
        .where(Case.id == case_id)
        .options(joinedload(Case.team), joinedload(Case.carers))
    )
    case: Case | None = db.session.scalars(query).unique().first()
    if case is None:
        abort(404)
    from parent_partners.operations.access_trail import note_read

    note_read([case.id])
    return case


def can_edit(user: User, case: Case) -> bool:
    """Return whether ``user`` may change records on ``case`` (their own team's only)."""
    return role_has(user.role, Permission.EDIT_CASES) and user.team_id == case.team_id


def editable_case_for(user: User, case_id: int) -> Case:
    """Return the case if ``user`` may edit it; 404 if they cannot see it, 403 if read-only."""
    case = case_for(user, case_id)
    if not can_edit(user, case):
        abort(403)
    return case
