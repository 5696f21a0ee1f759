"""Case audits: a case graded against the eight principles (written as a task list of
drafts, ``audit_drafts``), the worker responds, a second manager (or a principal)
moderates. Each step is versioned and an audit event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import abort
from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import joinedload, lazyload, selectinload

from parent_partners.extensions import db
from parent_partners.models import Case, CaseAudit, User
from parent_partners.models.common import utcnow
from parent_partners.operations import access_trail
from parent_partners.operations.exports import ExportTable
from parent_partners.operations.versioning import StaleEditError, apply_edit
from parent_partners.principles import AUDIT_GRADES, AUDIT_STATUSES, BY_NUMBER
from parent_partners.vocabulary import label

GRADE_VALUES = {value for value, _ in AUDIT_GRADES}
MAX_ACTIONS = 5

__all__ = [
    "AuditConflict",
    "AuditError",
    "StaleEditError",
    "grading_conflict",
    "moderate",
    "moderation_conflict",
    "respond",
]


class AuditError(ValueError):
    """What is wrong with what was entered, field by field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class AuditConflict(AuditError):
    """The person may not take this part in this audit (it would be marking their own work)."""


def grading_conflict(case: Case, user: User) -> str | None:
    """Why ``user`` may not grade ``case`` (it is allocated to them), or None."""
    if case.worker_id == user.id:
        return (
            "You cannot grade the audit of a case allocated to you. Ask another manager of "
            "your team to grade it"
        )
    return None


def moderation_conflict(record: CaseAudit, user: User) -> str | None:
    """Why ``user`` may not moderate this audit (they graded it, or the case is theirs)."""
    if record.auditor_id == user.id:
        return "You graded this audit. A different manager must moderate it"
    if user.id in (record.worker_id, record.case.worker_id):
        return (
            "You cannot moderate the audit of a case allocated to you. Ask another manager "
            "or a principal social worker to moderate it"
        )
    return None


@dataclass
class ActionInput:
    """An action for the worker as entered."""

    text: str
    due_on: date | None
    due_raw: bool = False  # something was typed in the date, even if it is not a date


def principle_problems(number: int, grade: str, evidence: str) -> dict[str, str]:
    """What one principle's grading still needs: a grade and the evidence for it."""
    errors: dict[str, str] = {}
    if grade not in GRADE_VALUES:
        errors[f"grade-{number}"] = f"Choose a grade for principle {number}"
    if not evidence.strip():
        errors[f"evidence-{number}"] = f"Enter the evidence for your grade for principle {number}"
    return errors


def entered_actions(actions: list[ActionInput]) -> list[ActionInput]:
    """The action rows someone wrote in (a blank row is no action)."""
    return [a for a in actions if a.text.strip() or a.due_raw]


def action_problems(actions: list[ActionInput]) -> dict[str, str]:
    """What the entered actions still need: words, and a real due date."""
    errors: dict[str, str] = {}
    for index, action in enumerate(actions):
        if not action.text.strip():
            errors[f"action-{index}-text"] = f"Enter what action {index + 1} asks for"
        if action.due_on is None:
            errors[f"action-{index}-due"] = f"Enter a real due date for action {index + 1}"
    return errors


def respond(
    record: CaseAudit, user: User, response: str, done_ids: set[int], seen_version: int
) -> CaseAudit:
    """The worker's response to an audit, and which actions they have done."""
    if record.status != "graded":
        raise AuditError({"response": "This audit is not waiting for a response"})
    if record.worker_id != user.id:
        raise AuditError({"response": "Only the worker the audit is for can respond to it"})
    if not response.strip():
        raise AuditError({"response": "Enter your response to the audit"})
    apply_edit(
        record,
        "case_audit",
        {
            "response": response.strip(),
            "status": "responded",
            "responded_at": utcnow(),
            "responded_by_id": user.id,
        },
        seen_version=seen_version,
        user_id=user.id,
    )
    for action in record.actions:  # only once the version check has passed
        action.done = action.id in done_ids
    access_trail.record(
        "case_audit_responded",
        record_type="case_audit",
        record_id=record.id,
        case_id=record.case_id,
    )
    return record


def moderate(
    record: CaseAudit,
    user: User,
    *,
    agrees: bool | None,
    note: str,
    different: dict[int, tuple[str, str]],
    seen_version: int,
) -> CaseAudit:
    """A second opinion: agree with the grades, or record a different grade and why."""
    if record.status != "responded":
        raise AuditError({"agrees": "This audit is not waiting for moderation"})
    conflict = moderation_conflict(record, user)
    if conflict:
        raise AuditConflict({"agrees": conflict})
    errors: dict[str, str] = {}
    if agrees is None:
        errors["agrees"] = "Say whether you agree with the grades"
    changes: dict[int, tuple[str, str]] = {}
    if agrees is False:
        grades = {g.principle: g for g in record.grades}
        for number, (grade, reason) in different.items():
            if not grade:
                continue
            original = grades.get(number)
            if grade not in GRADE_VALUES or original is None:
                errors[f"moderated-{number}"] = f"Choose a grade for principle {number}"
            elif grade == original.grade:
                errors[f"moderated-{number}"] = (
                    f"Principle {number}: choose a grade different from the auditor's, or none"
                )
            elif not reason.strip():
                errors[f"reason-{number}"] = (
                    f"Give the reason for your grade for principle {number}"
                )
            else:
                changes[number] = (grade, reason.strip())
        if not changes and not errors:
            errors["moderated-1"] = (
                "Record at least one principle where your grade differs, with the reason"
            )
    if errors:
        raise AuditError(errors)
    apply_edit(
        record,
        "case_audit",
        {
            "status": "moderated",
            "moderator_id": user.id,
            "moderated_at": utcnow(),
            "moderation_agrees": bool(agrees),
            "moderation_note": note.strip(),
        },
        seen_version=seen_version,
        user_id=user.id,
    )
    for grade_row in record.grades:  # only once the version check has passed
        if grade_row.principle in changes:
            grade_row.moderated_grade, grade_row.moderation_reason = changes[grade_row.principle]
    access_trail.record(
        "case_audit_moderated",
        record_type="case_audit",
        record_id=record.id,
        case_id=record.case_id,
        data={"agrees": bool(agrees), "changed": sorted(changes)},
    )
    return record


# ----------------------------------------------------------------------------- reading


def visible_audits(user: User) -> Select[Any]:
    """Audits ``user`` may read: principals all; managers their team's; workers their own.
    A draft is only its author's until it is submitted."""
    query = select(CaseAudit).where(
        CaseAudit.archived_at.is_(None),
        or_(CaseAudit.status != "draft", CaseAudit.auditor_id == user.id),
    )
    if user.role == "principal":
        return query
    if user.role == "manager" and user.team_id is not None:
        return query.where(CaseAudit.team_id == user.team_id)
    if user.role == "practitioner":
        return query.where(CaseAudit.worker_id == user.id)
    return query.where(false())


def draft_of(case: Case, auditor: User) -> CaseAudit | None:
    """The draft audit of ``case`` that ``auditor`` has begun, if any."""
    return db.session.scalars(
        select(CaseAudit).where(
            CaseAudit.case_id == case.id,
            CaseAudit.auditor_id == auditor.id,
            CaseAudit.status == "draft",
            CaseAudit.archived_at.is_(None),
        )
    ).first()


def audit_for(user: User, audit_id: int) -> CaseAudit:
    """The audit if ``user`` may read it; 404 otherwise."""
    record = db.session.scalars(
        visible_audits(user)
        .where(CaseAudit.id == audit_id)
        .options(
            selectinload(CaseAudit.case),
            selectinload(CaseAudit.auditor),
            selectinload(CaseAudit.worker),
            selectinload(CaseAudit.moderator),
        )
    ).first()
    if record is None:
        abort(404)
    access_trail.note_read([record.case_id])
    return record


@dataclass
class AuditListing:
    """A page of audits."""

    audits: list[CaseAudit]
    total: int
    page: int
    per_page: int
    counts: dict[str, int]

    @property
    def pages(self) -> int:
        """Number of pages."""
        return max(1, -(-self.total // self.per_page))


def list_audits(
    user: User, *, status: str | None, page: int = 1, per_page: int = 50
) -> AuditListing:
    """A page of the audits ``user`` may read, newest first, with counts by status."""
    base = visible_audits(user)
    counts = {
        s: n
        for s, n in db.session.execute(
            select(CaseAudit.status, func.count())
            .where(CaseAudit.id.in_(base.with_only_columns(CaseAudit.id).scalar_subquery()))
            .group_by(CaseAudit.status)
        )
    }
    if status:
        base = base.where(CaseAudit.status == status)
    total = counts.get(status, 0) if status else sum(counts.values())
    audits = list(
        db.session.scalars(
            # One round trip: the people and the case are joined; the list shows no grades
            # or actions, so they are not loaded unless asked for.
            base.options(
                joinedload(CaseAudit.case),
                joinedload(CaseAudit.auditor),
                joinedload(CaseAudit.worker),
                joinedload(CaseAudit.moderator),
                lazyload(CaseAudit.grades),
                lazyload(CaseAudit.actions),
            )
            .order_by(CaseAudit.created_at.desc(), CaseAudit.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    access_trail.note_read(a.case_id for a in audits)
    return AuditListing(audits, total, page, per_page, counts)


def results_table(user: User, status: str | None) -> ExportTable:
    """Every visible audit's results, one row per principle, for CSV and XLSX (drafts are
    not results yet)."""
    query = visible_audits(user).where(CaseAudit.status != "draft").options(
        selectinload(CaseAudit.case),
        selectinload(CaseAudit.auditor),
        selectinload(CaseAudit.worker),
        selectinload(CaseAudit.moderator),
        selectinload(CaseAudit.team),
    )
    if status:
        query = query.where(CaseAudit.status == status)
    rows: list[list[Any]] = []
    for record in db.session.scalars(query.order_by(CaseAudit.id)):
        access_trail.note_read([record.case_id])
        for grade in record.grades:
            rows.append(
                [
                    record.id,
                    record.case.reference,
                    record.team.name,
                    record.worker.name if record.worker else "",
                    record.auditor.name,
                    label(AUDIT_STATUSES, record.status),
                    record.graded_at,
                    grade.principle,
                    BY_NUMBER[grade.principle].name,
                    label(AUDIT_GRADES, grade.grade),
                    grade.evidence,
                    label(AUDIT_GRADES, grade.moderated_grade) if grade.moderated_grade else "",
                    grade.moderation_reason,
                    record.moderator.name if record.moderator else "",
                    record.findings,
                    record.response,
                ]
            )
    return ExportTable(
        "audits",
        "Case audit results",
        [
            "Audit",
            "Case reference",
            "Team",
            "Worker",
            "Auditor",
            "Status",
            "Graded",
            "Principle",
            "Principle name",
            "Grade",
            "Evidence",
            "Moderated grade",
            "Moderation reason",
            "Moderator",
            "Findings",
            "Worker's response",
        ],
        rows,
    )
