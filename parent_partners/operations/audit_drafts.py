"""Case audits as a task list: a manager saves each section (a principle, the findings, the
actions) as a draft, in any order and over several sittings, and submits the whole audit
once every required part is there. A draft is seen only by the manager writing it."""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort

from parent_partners.extensions import db
from parent_partners.models import AuditAction, AuditGrade, Case, CaseAudit, User
from parent_partners.models.common import utcnow
from parent_partners.operations import access_trail
from parent_partners.operations.case_audits import (
    GRADE_VALUES,
    MAX_ACTIONS,
    ActionInput,
    AuditConflict,
    AuditError,
    action_problems,
    audit_for,
    draft_of,
    entered_actions,
    grading_conflict,
    principle_problems,
)
from parent_partners.principles import PRINCIPLES

NOT_STARTED, IN_PROGRESS, COMPLETED = "Not started", "In progress", "Completed"


@dataclass(frozen=True)
class Task:
    """One section of the audit on its task list."""

    key: str  # "principle-3", "findings", "actions"
    title: str
    status: str
    hint: str = ""


def start(case: Case, auditor: User) -> CaseAudit:
    """The auditor's draft audit of ``case``: the one already begun, or a new one."""
    conflict = grading_conflict(case, auditor)
    if conflict:
        raise AuditConflict({"start": conflict})
    existing = draft_of(case, auditor)
    if existing is not None:
        return existing
    record = CaseAudit(
        case_id=case.id, team_id=case.team_id, worker_id=case.worker_id,
        auditor_id=auditor.id, status="draft", findings="",
    )
    db.session.add(record)
    db.session.flush()
    access_trail.record(
        "case_audit_drafted", record_type="case_audit", record_id=record.id, case_id=case.id
    )
    return record


def draft_for(user: User, audit_id: int) -> CaseAudit:
    """The draft if ``user`` is writing it; 404 otherwise (nobody else sees a draft)."""
    record = audit_for(user, audit_id)
    if record.status != "draft" or record.auditor_id != user.id:
        abort(404)
    return record


def _grade(record: CaseAudit, number: int) -> AuditGrade | None:
    return next((g for g in record.grades if g.principle == number), None)


def principle_status(record: CaseAudit, number: int) -> str:
    """Not started, In progress (a grade or evidence) or Completed (both)."""
    grade = _grade(record, number)
    has_grade = grade is not None and grade.grade in GRADE_VALUES
    has_evidence = grade is not None and bool(grade.evidence.strip())
    if has_grade and has_evidence:
        return COMPLETED
    return IN_PROGRESS if has_grade or has_evidence else NOT_STARTED


def tasks(record: CaseAudit) -> list[Task]:
    """The task list: each principle, then findings and actions, with their status."""
    out = [
        Task(f"principle-{p.number}", f"{p.number}. {p.name}", principle_status(record, p.number))
        for p in PRINCIPLES
    ]
    out.append(Task("findings", "Findings", COMPLETED if record.findings.strip() else NOT_STARTED))
    out.append(
        Task("actions", "Actions for the worker", COMPLETED if record.actions else NOT_STARTED,
             hint="Optional")
    )
    return out


def save_principle(record: CaseAudit, number: int, grade: str, evidence: str) -> None:
    """Keep what was entered for one principle, complete or not."""
    row = _grade(record, number)
    if row is None:
        row = AuditGrade(audit_id=record.id, principle=number, grade="", evidence="")
        db.session.add(row)
        record.grades.append(row)
    row.grade = grade if grade in GRADE_VALUES else ""
    row.evidence = evidence.strip()
    db.session.flush()


def save_findings(record: CaseAudit, findings: str) -> None:
    """Keep the findings as written so far."""
    record.findings = findings.strip()
    db.session.flush()


def save_actions(record: CaseAudit, actions: list[ActionInput]) -> None:
    """Replace the draft's actions; a row with words but no real due date is refused, since an
    action is kept only with the date it is due."""
    entered = entered_actions(actions)[:MAX_ACTIONS]
    errors = action_problems(entered)
    if errors:
        raise AuditError(errors)
    for old in list(record.actions):
        record.actions.remove(old)
        db.session.delete(old)
    for action in entered:
        assert action.due_on is not None
        record.actions.append(
            AuditAction(audit_id=record.id, text=action.text.strip(), due_on=action.due_on)
        )
    db.session.flush()


def missing(record: CaseAudit) -> list[tuple[str, str]]:
    """What stops the audit being submitted: (section key, message), in task-list order."""
    out: list[tuple[str, str]] = []
    for p in PRINCIPLES:
        status = principle_status(record, p.number)
        if status == COMPLETED:
            continue
        grade = _grade(record, p.number)
        problems = principle_problems(
            p.number, grade.grade if grade else "", grade.evidence if grade else ""
        )
        out += [(f"principle-{p.number}", message) for message in problems.values()]
    if not record.findings.strip():
        out.append(("findings", "Enter your findings"))
    return out


def submit(record: CaseAudit, auditor: User) -> CaseAudit:
    """Send the complete audit to the worker; refused, naming each gap, while any remains."""
    case = db.session.get(Case, record.case_id)
    assert case is not None
    conflict = grading_conflict(case, auditor)
    if conflict:
        raise AuditConflict({"submit": conflict})
    gaps = missing(record)
    if gaps:
        raise AuditError({f"{key}-{n}": message for n, (key, message) in enumerate(gaps)})
    record.status = "graded"
    record.graded_at = utcnow()
    record.worker_id = case.worker_id  # who holds the case now must respond
    db.session.flush()
    access_trail.record(
        "case_audit_graded", record_type="case_audit", record_id=record.id, case_id=case.id
    )
    return record
