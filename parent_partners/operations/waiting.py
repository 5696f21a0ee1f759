"""What is waiting for a practitioner: open flags on their cases, audits to respond to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, select

from parent_partners.extensions import db
from parent_partners.models import Case, CaseAudit, Flag, User
from parent_partners.operations import review_sweep
from parent_partners.scoping import visible_cases
from parent_partners.vocabulary import OPEN_FLAG_STATUSES


@dataclass(frozen=True)
class Waiting:
    """Counts for the "waiting for you" panel."""

    open_flags: int
    flagged_cases: int
    audits_to_answer: int

    @property
    def anything(self) -> bool:
        """Whether there is anything to show."""
        return bool(self.open_flags or self.audits_to_answer)


def waiting_for(user: User) -> Waiting:
    """Count the open flags on the cases allocated to ``user`` and their audits awaiting reply."""
    mine = visible_cases(user).where(Case.worker_id == user.id).with_only_columns(Case.id)
    flags, cases, audits, overdue = _counts(user, mine)
    if overdue:
        # A review date passed since the case was last saved: flag it, then count again.
        review_sweep.raise_overdue(review_sweep.overdue_case_ids(within=mine))
        flags, cases, audits, overdue = _counts(user, mine)
    return Waiting(open_flags=flags or 0, flagged_cases=cases or 0, audits_to_answer=audits or 0)


def _counts(user: User, mine: Any) -> Any:
    """Open flags, flagged cases, audits awaiting reply, and any unflagged overdue review:
    one round trip, since the home page is the page everyone opens most."""
    audits = (
        select(func.count(CaseAudit.id))
        .where(CaseAudit.worker_id == user.id, CaseAudit.status == "graded")
        .scalar_subquery()
    )
    overdue = exists(review_sweep.overdue_select(within=mine))
    return db.session.execute(
        select(
            func.count(Flag.id), func.count(func.distinct(Flag.case_id)), audits, overdue
        ).where(Flag.case_id.in_(mine), Flag.status.in_(OPEN_FLAG_STATUSES))
    ).one()
