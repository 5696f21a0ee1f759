"""Raising "past its review date" flags for dates that pass while nobody saves anything.

Case checks run when a record is saved, but a review date passes on its own. So the flag
is also raised (a) by ``partners review-sweep``, meant to run daily from cron, over every
open case; (b) for the practitioner's own cases when their home page ("waiting for you")
is shown; and (c) for one case when its page is opened. Each asks the database only for
carers whose date has passed and who have no flag for it yet, so on most days it finds
nothing and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, select

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Flag
from parent_partners.operations import flags

KIND = "review_overdue"
# A dismissed flag stands for the same date: the sweep leaves it to the person who dismissed it.
_STANDING = ("open", "reopened", "dismissed")


def _unflagged(carer: Any) -> Any:
    return ~exists().where(
        Flag.case_id == carer.case_id,
        Flag.kind == KIND,
        Flag.carer_id == carer.id,
        Flag.status.in_(_STANDING),
    )


def overdue_select(today: date | None = None, within: Any = None) -> Select[Any]:
    """The ids of open cases with a carer past their review date and no flag saying so yet.

    ``within`` narrows the search to the case ids a subquery selects (a user's cases).
    """
    day = today or date.today()
    query = (
        select(Carer.case_id)
        .join(Case, Case.id == Carer.case_id)
        .where(
            Carer.safe_to_involve.is_(False),
            Carer.safe_review_on < day,
            Carer.archived_at.is_(None),
            Case.archived_at.is_(None),
            Case.closed_on.is_(None),
            _unflagged(Carer),
        )
        .distinct()
        .order_by(Carer.case_id)
    )
    if within is not None:
        query = query.where(Carer.case_id.in_(within))
    return query


def overdue_case_ids(today: date | None = None, within: Any = None) -> list[int]:
    """Open cases with a carer past their review date and no flag saying so yet."""
    return list(db.session.scalars(overdue_select(today, within)))


def raise_overdue(case_ids: Iterable[int]) -> int:
    """Re-check each case so its overdue reviews become flags; return how many were opened."""
    opened = 0
    for case_id in case_ids:
        case = db.session.get(Case, case_id)
        if case is not None:
            opened += flags.refresh(case)[0]
    return opened


def needs_check(case: Case, standing: Iterable[Flag], today: date | None = None) -> bool:
    """Whether a case already in memory has a passed review date not yet flagged."""
    day = today or date.today()
    flagged = {f.carer_id for f in standing if f.kind == KIND and f.status in _STANDING}
    return any(
        not carer.safe_to_involve
        and carer.safe_review_on is not None
        and carer.safe_review_on < day
        and carer.archived_at is None
        and carer.id not in flagged
        for carer in case.carers
    )
