"""Turning check findings into flags, and what people do with flags.

A flag's identity is its finding key: the same slip found again keeps the same
flag (and its history); a slip no longer found resolves its flag.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import select

from parent_partners import checks
from parent_partners.extensions import db
from parent_partners.models import Case, Consultation, Flag, Involvement, User
from parent_partners.models.common import utcnow
from parent_partners.operations import access_trail
from parent_partners.operations.locking import lock_case
from parent_partners.vocabulary import OPEN_FLAG_STATUSES

OPEN = OPEN_FLAG_STATUSES  # the name other modules know
_HELD = "partners_checks_held"


class FlagError(ValueError):
    """A flag action that cannot be taken as asked."""


def finding_key(finding: checks.Finding) -> str:
    """Return a short stable digest of the finding's identity."""
    raw = json.dumps(list(finding.key()), default=str, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()[:64]


def carer_data(carer: Any, carer_id: int) -> checks.CarerData:
    """Map a parent or carer (a row, or anything with its fields) onto the checker's data."""
    return checks.CarerData(
        id=carer_id,
        name=carer.name,
        relationship=carer.relationship_to_child,
        safe_to_involve=carer.safe_to_involve,
        safe_reason=carer.safe_reason or "",
        safe_review_on=None if carer.safe_to_involve else carer.safe_review_on,
    )


def involvement_data(
    involvement: Any, involvement_id: int, carer_ids: tuple[int, ...]
) -> checks.InvolvementData:
    """Map an involvement (a row, or anything with its fields) onto the checker's data."""
    return checks.InvolvementData(
        id=involvement_id,
        date=involvement.date,
        carer_ids=carer_ids,
        kind=involvement.kind,
        partnership_level=involvement.partnership_level,
        shares_child_information=involvement.shares_child_information,
        shared_what=involvement.shared_what or "",
        shared_why=involvement.shared_why or "",
        parent_view=involvement.parent_view or "",
        strengths=involvement.strengths or "",
        parent_distress=involvement.parent_distress,
        distress_support=involvement.distress_support or "",
        actions=involvement.actions or "",
        notes=involvement.notes or "",
    )


def consultation_data(
    consultation: Any, consultation_id: int, carer_ids: tuple[int, ...]
) -> checks.ConsultationData:
    """Map a consultation (a row, or anything with its fields) onto the checker's data.

    When the child was not asked there is no wish; when they were, no reason for not asking.
    """
    asked = consultation.child_asked
    return checks.ConsultationData(
        id=consultation_id,
        date=consultation.date,
        carer_ids=carer_ids,
        child_view=consultation.child_view or "",
        child_wish=consultation.child_wish if asked else None,
        influence=consultation.influence or "",
        decision=consultation.decision,
        override_rationale=consultation.override_rationale or "",
        child_told_outcome=consultation.child_told_outcome,
        not_asked_reason=None if asked else consultation.not_asked_reason,
        not_asked_detail=consultation.not_asked_detail or "",
    )


def case_data(case: Case) -> checks.CaseData:
    """Map a case and its live records onto the checker's plain data."""
    involvements = db.session.scalars(
        select(Involvement).where(Involvement.case_id == case.id, Involvement.archived_at.is_(None))
    ).all()
    consultations = db.session.scalars(
        select(Consultation).where(
            Consultation.case_id == case.id, Consultation.archived_at.is_(None)
        )
    ).all()
    return checks.CaseData(
        id=case.id,
        child_name=case.child_name,
        child_dob=case.child_dob,
        carers=tuple(carer_data(c, c.id) for c in case.carers if c.archived_at is None),
        involvements=tuple(
            involvement_data(i, i.id, tuple(c.id for c in i.carers)) for i in involvements
        ),
        consultations=tuple(
            consultation_data(c, c.id, tuple(carer.id for carer in c.carers)) for c in consultations
        ),
    )


def check_settings() -> checks.CheckSettings:
    """Return the check settings from the app configuration."""
    if not has_app_context():
        return checks.CheckSettings()
    config = current_app.config
    return checks.CheckSettings(
        consultation_window_days=config.get("CONSULTATION_WINDOW_DAYS", 90),
        strengths_exempt_kinds=tuple(config.get("STRENGTHS_EXEMPT_KINDS", ("phone_call",))),
        strengths_exempt_max_chars=config.get("STRENGTHS_EXEMPT_MAX_CHARS", 200),
    )


def refresh(case: Case, lexicon: checks.Lexicon | None = None) -> tuple[int, int]:
    """Re-run every check on the case and bring its flags up to date.

    Returns (flags opened, flags resolved). Holds the case's lock from here to the commit,
    so a second save to the case re-checks after this one's flags are written. Inside
    ``checks_held`` it only notes the case for later and returns (0, 0).
    """
    held = db.session().info.get(_HELD)
    if held is not None:
        held[case.id] = case
        return 0, 0
    lock_case(case.id)
    db.session.flush()
    if lexicon is None:
        from parent_partners.operations.lexicon import current_lexicon

        lexicon = current_lexicon()
    findings = checks.check_case(case_data(case), check_settings(), lexicon)
    found = {finding_key(f): f for f in findings}
    existing: dict[str, Flag] = {}
    opened = resolved = 0
    now = utcnow()
    # Oldest first, so one open flag per key wins; any second open flag of a key (left by
    # saves that raced before the lock existed) is resolved, so it cannot stay open forever.
    for row in db.session.scalars(select(Flag).where(Flag.case_id == case.id).order_by(Flag.id)):
        kept = existing.get(row.finding_key)
        if kept is None or (row.is_open and not kept.is_open):
            existing[row.finding_key] = row
        elif row.is_open:
            row.status, row.resolved_at = "resolved", now
    for key, finding in found.items():
        flag = existing.get(key)
        if flag is None:
            db.session.add(_new_flag(case, key, finding))
            opened += 1
            continue
        _update_from_finding(flag, finding)
        if flag.status == "resolved":
            # The slip is back after being fixed: it needs attention again.
            flag.status = "open"
            flag.resolved_at = None
            opened += 1
    for key, flag in existing.items():
        if key not in found and flag.status != "resolved":
            flag.status = "resolved"
            flag.resolved_at = now
            resolved += 1
    db.session.flush()
    return opened, resolved


@contextmanager
def checks_held(lexicon: checks.Lexicon | None = None) -> Iterator[None]:
    """Run the checks once per case for the records written inside the block.

    Inside, ``refresh`` only notes the case; when the block ends without an error, each
    noted case is refreshed once, with ``lexicon``. For a writer that enters a whole case
    history record by record (demo seeding): it gets the flags of the finished case, not
    flags that its partial states would raise and then resolve, and the checks run once.
    """
    session = db.session()
    held: dict[int, Case] = {}
    session.info[_HELD] = held
    try:
        yield
    finally:
        session.info.pop(_HELD, None)
    for case in held.values():
        refresh(case, lexicon)


def _new_flag(case: Case, key: str, finding: checks.Finding) -> Flag:
    flag = Flag(
        case_id=case.id, finding_key=key, kind=finding.kind, rule=finding.rule, status="open"
    )
    _update_from_finding(flag, finding)
    return flag


def _update_from_finding(flag: Flag, finding: checks.Finding) -> None:
    flag.record_type = finding.record_type
    flag.record_id = finding.record_id
    flag.field = finding.field
    flag.carer_id = finding.carer_id
    flag.span_start = finding.start
    flag.span_end = finding.end
    flag.matched = finding.matched
    flag.explanation = finding.explanation
    flag.suggestion = finding.suggestion
    flag.source = finding.source
    flag.category = finding.category
    flag.confidence = finding.confidence


def _lock(flag: Flag) -> None:
    """Read the flag again, locked until the request commits (PostgreSQL: FOR UPDATE).

    Of two people changing one flag at once, the second waits for the first, then sees
    what the first did (and is told), instead of silently overwriting it.
    """
    db.session.refresh(flag, with_for_update=True)


def _trail(flag: Flag, action: str, **data: Any) -> None:
    """Put a change of the flag's status on its case's access trail, with the flag's kind."""
    access_trail.record(action, record_type="flag", record_id=flag.id, case_id=flag.case_id,
                        data={**data, "kind": flag.kind})


def dismiss(flag: Flag, user: User, reason: str) -> Flag:
    """Dismiss an open flag with a reason a manager can read."""
    reason = reason.strip()
    if not reason:
        raise FlagError("Enter why you are dismissing this flag")
    lock_case(flag.case_id)
    _lock(flag)
    if not flag.is_open:
        raise FlagError("Only an open flag can be dismissed")
    flag.status = "dismissed"
    flag.dismissed_reason = reason
    flag.dismissed_at = utcnow()
    flag.dismissed_by_id = user.id
    _trail(flag, "flag_dismissed", reason=reason)
    return flag


def reopen(flag: Flag, user: User) -> Flag:
    """Reopen a dismissed flag (managers), so the worker looks at it again."""
    lock_case(flag.case_id)
    _lock(flag)
    if flag.status != "dismissed":
        raise FlagError("Only a dismissed flag can be reopened")
    flag.status = "reopened"
    flag.reopened_at = utcnow()
    flag.reopened_by_id = user.id
    _trail(flag, "flag_reopened")
    return flag
