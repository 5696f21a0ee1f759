"""A graded case audit for tests that need one, written the way a manager writes it."""

from __future__ import annotations

from collections.abc import Iterable

from parent_partners.models import Case, CaseAudit, User
from parent_partners.operations import audit_drafts
from parent_partners.operations.case_audits import ActionInput
from parent_partners.principles import PRINCIPLES


def graded_audit(
    case: Case,
    manager: User,
    findings: str = "Good partnership.",
    actions: Iterable[ActionInput] = (),
    grade: str = "good",
) -> CaseAudit:
    """Start a draft, save every section, submit it: the audit then waits for the worker."""
    record = audit_drafts.start(case, manager)
    for principle in PRINCIPLES:
        evidence = f"Evidence for principle {principle.number} in the record."
        audit_drafts.save_principle(record, principle.number, grade, evidence)
    audit_drafts.save_findings(record, findings)
    audit_drafts.save_actions(record, list(actions))
    return audit_drafts.submit(record, manager)
