"""What is waiting for a practitioner: open flags on their cases, audits to respond to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from parent_partners.extensions import db
from parent_partners.models import Case, CaseAudit, Flag, User
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
    flags, cases = db.session.execute(
        select(func.count(Flag.id), func.count(func.distinct(Flag.case_id))).where(
            Flag.case_id.in_(mine), Flag.status.in_(OPEN_FLAG_STATUSES)
        )
    ).one()
    audits = db.session.scalar(
        select(func.count(CaseAudit.id)).where(
            CaseAudit.worker_id == user.id, CaseAudit.status == "graded"
        )
    )
    return Waiting(open_flags=flags or 0, flagged_cases=cases or 0, audits_to_answer=audits or 0)
