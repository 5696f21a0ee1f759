"""Dismissed flags with the reasons given, for managers to read from the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from parent_partners.extensions import db
from parent_partners.models import Case, Flag
from parent_partners.operations.paging import Paging


@dataclass
class DismissedListing(Paging):
    """A page of dismissed flags, newest first."""

    flags: list[Flag]


def _query(team_id: int | None, first: date, last: date) -> Select[Any]:
    start = datetime.combine(first, time.min, tzinfo=UTC)
    end = datetime.combine(last + timedelta(days=1), time.min, tzinfo=UTC)
    query = (
        select(Flag)
        .join(Case, Case.id == Flag.case_id)
        .where(Flag.status == "dismissed", Case.archived_at.is_(None))
        .where(Flag.dismissed_at >= start, Flag.dismissed_at < end)
    )
    return query if team_id is None else query.where(Case.team_id == team_id)


def dismissed_flags(
    team_id: int | None, first: date, last: date, *, page: int = 1, per_page: int = 50
) -> DismissedListing:
    """Flags dismissed between ``first`` and ``last`` on a team's cases (every team's if None)."""
    query = _query(team_id, first, last)
    total = db.session.scalar(query.with_only_columns(func.count(Flag.id)).order_by(None)) or 0
    flags = list(
        db.session.scalars(
            query.options(joinedload(Flag.case), joinedload(Flag.dismissed_by))
            .order_by(Flag.dismissed_at.desc(), Flag.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    return DismissedListing(flags=flags, total=total, page=page, per_page=per_page)
