"""What managers do with the demo's cases: a few flags dismissed with a reason, and case
audits at every stage (waiting for the worker, waiting for moderation, moderated), so the
dismissed-flags list, the audits list and "waiting for you" have something to show."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import AuditAction, AuditGrade, Case, CaseAudit, Flag, User
from parent_partners.principles import PRINCIPLES

# Why a practitioner might reasonably dismiss a flag, by kind; the manager can read and reopen it.
DISMISS_REASONS = {
    "child_blame": (
        "These are the police officer's words from the strategy meeting minutes, quoted so the "
        "record is accurate; the next sentence says why we do not describe it that way.",
        "A direct quote from the school's referral, which we have challenged with them.",
    ),
    "parent_blame": (
        "Quoting the referral from another agency as written; our own assessment follows and "
        "does not share that view of the parent.",
    ),
    "no_strengths": (
        "A short note to confirm a time; the strengths are in the visit record the same day.",
    ),
}
EVIDENCE = {
    "good": "The record shows this throughout: the child's words are quoted and acted on, and "
    "the parents' knowledge shapes the plan.",
    "requires_improvement": "Seen in places but not consistently: two contacts record no "
    "strengths and one note describes the child's choices rather than the harm done to them.",
    "outstanding": "Consistently strong: the worker returns to the child after each decision "
    "and the parents say they feel part of the plan.",
}
FINDINGS = (
    "A relationship-based piece of work with a clear plan. The child's voice is strong in the "
    "early consultations but thinner since the summer; the parents are treated as partners."
)
ACTIONS = (
    "Ask the child again before the next review and record their words.",
    "Record the strengths seen at each contact, including the small ones.",
)
RESPONSE = (
    "Thank you. I have arranged to see the child next week and will record their view before "
    "the review; I have added the strengths I had noted elsewhere."
)
# (status, how many days ago it was graded) for each team's audits, oldest first.
STAGES = (("moderated", 60), ("responded", 30), ("graded", 8))


def _when(day: date) -> datetime:
    return datetime.combine(day, time(10, 30), tzinfo=UTC)


def dismiss_some(rng: random.Random, today: date) -> int:
    """Dismiss about one open wording or strengths flag in eight, each with a reason; every
    kind keeps open flags to show."""
    open_flags = list(
        db.session.scalars(
            select(Flag)
            .where(Flag.status == "open", Flag.kind.in_(DISMISS_REASONS))
            .order_by(Flag.id)
        )
    )
    chosen: list[Flag] = []
    for kind in DISMISS_REASONS:
        of_kind = [f for f in open_flags if f.kind == kind]
        if len(of_kind) >= 2:  # one at least stays open, so every kind is still shown
            chosen += rng.sample(of_kind, max(1, len(of_kind) // 8))
    for flag in chosen:
        case = db.session.get(Case, flag.case_id)
        flag.status = "dismissed"
        flag.dismissed_reason = rng.choice(DISMISS_REASONS[flag.kind])
        flag.dismissed_at = _when(today - timedelta(days=rng.randint(1, 40)))
        flag.dismissed_by_id = case.worker_id if case is not None else None
    return len(chosen)


def audit_some(rng: random.Random, today: date, principal: User | None) -> int:
    """Each team's manager audits three open cases of their team at the three stages."""
    made = 0
    managers = db.session.scalars(select(User).where(User.role == "manager").order_by(User.id))
    for manager in managers:
        cases = list(
            db.session.scalars(
                select(Case)
                .where(Case.team_id == manager.team_id, Case.closed_on.is_(None),
                       Case.worker_id.is_not(None), Case.worker_id != manager.id)
                .order_by(Case.id)
                .limit(len(STAGES))
            )
        )
        for case, (status, ago) in zip(cases, STAGES, strict=False):
            _audit(rng, case, manager, principal, status, today - timedelta(days=ago))
            made += 1
    return made


def _audit(
    rng: random.Random, case: Case, manager: User, principal: User | None, status: str,
    graded_on: date,
) -> None:
    if status == "moderated" and principal is None:
        status = "responded"  # nobody to moderate it
    record = CaseAudit(
        case_id=case.id, team_id=case.team_id, worker_id=case.worker_id,
        auditor_id=manager.id, status=status, findings=FINDINGS, graded_at=_when(graded_on),
    )
    if status in ("responded", "moderated"):
        record.response = RESPONSE
        record.responded_at = _when(graded_on + timedelta(days=5))
        record.responded_by_id = case.worker_id
    if status == "moderated" and principal is not None:
        record.moderator_id = principal.id
        record.moderated_at = _when(graded_on + timedelta(days=12))
        record.moderation_agrees = True
    db.session.add(record)
    db.session.flush()
    for principle in PRINCIPLES:
        grade = rng.choice(("good", "good", "requires_improvement", "outstanding"))
        db.session.add(AuditGrade(audit_id=record.id, principle=principle.number, grade=grade,
                                  evidence=EVIDENCE[grade]))
    for number, text in enumerate(ACTIONS):
        db.session.add(AuditAction(audit_id=record.id, text=text,
                                   due_on=graded_on + timedelta(days=28 + 14 * number),
                                   done=status == "moderated"))
