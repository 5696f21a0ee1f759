"""Editing a case's details; adding and editing parents and carers, involvements and
consultations.

Every change re-runs the case checks (``flags.refresh``) in the same transaction,
so flags never disagree with the records they point at.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Consultation, Involvement, User
from parent_partners.operations import access_trail, cases, flags, validation
from parent_partners.operations.locking import lock_case
from parent_partners.operations.record_inputs import (
    CarerInput,
    CaseDetails,
    ConsultationInput,
    InvolvementInput,
)
from parent_partners.operations.validation import RecordInvalid
from parent_partners.operations.versioning import StaleEditError, trailed_edit

__all__ = [
    "CarerInput",
    "CaseDetails",
    "ConsultationInput",
    "InvolvementInput",
    "RecordInvalid",
    "StaleEditError",
    "add_carer",
    "edit_carer",
    "edit_case",
    "edit_consultation",
    "edit_involvement",
    "log_involvement",
    "record_consultation",
]


def case_carers(case: Case, ids: tuple[int, ...] | list[int]) -> list[Carer]:
    """Return the case's carers with these ids (others are ignored: they are not on this case)."""
    if not ids:
        return []
    # Carers are flushed when added (they have ids), so what is pending (an access-trail
    # event, a record about to be added) need not be written before this look-up.
    with db.session.no_autoflush:
        return list(
            db.session.scalars(
                select(Carer)
                .where(Carer.case_id == case.id, Carer.id.in_(ids))
                .order_by(Carer.id)
            )
        )


def _dates(case: Case) -> validation.CaseDates:
    return validation.CaseDates(child_dob=case.child_dob, opened_on=case.opened_on)


def add_carer(case: Case, entry: CarerInput) -> Carer:
    """Add a parent or carer to the case (``RecordInvalid`` if it breaks a rule)."""
    validation.require(entry.problems())
    lock_case(case.id)
    carer = Carer(case_id=case.id, **entry.stored())
    db.session.add(carer)
    db.session.flush()
    access_trail.record("carer_added", record_type="carer", record_id=carer.id, case_id=case.id)
    flags.refresh(case)
    return carer


def edit_case(case: Case, user: User, entry: CaseDetails, seen_version: int) -> Case:
    """Change a case's details, keeping the earlier version; refuses stale edits, and a
    reference, external id or worker that cannot be used (``RecordInvalid``)."""
    found = entry.problems()
    if entry.reference and cases.reference_taken(entry.reference, case.id):
        found.append(("reference", cases.REFERENCE_REFUSED))
    if cases.external_id_taken(entry.external_id, case.id):
        found.append(("external_id", cases.EXTERNAL_ID_REFUSED))
    if entry.worker_id is not None and entry.worker_id not in {
        worker.id for worker in cases.team_workers(case.team_id)
    }:
        found.append(("worker_id", validation.WORKER_NOT_IN_TEAM))
    validation.require(found)
    _edit(case, case, "case", "case_edited", entry.stored(), seen_version, user)
    return case


def edit_carer(carer: Carer, user: User, entry: CarerInput, seen_version: int) -> Carer:
    """Change a parent or carer, keeping the earlier version; refuses stale edits."""
    validation.require(entry.problems())
    _edit(carer, carer.case, "carer", "carer_edited", entry.stored(), seen_version, user)
    return carer


def log_involvement(case: Case, user: User, entry: InvolvementInput) -> Involvement:
    """Log an involvement of parents or carers on the case (``RecordInvalid`` if it breaks
    a rule, such as a date before the case was opened)."""
    validation.require(entry.problems(_dates(case)))
    lock_case(case.id)
    # The carers are looked up before the record joins the session, so one flush writes
    # the record with its carers (and there is no empty collection to load first).
    carers = case_carers(case, entry.carer_ids)
    involvement = Involvement(
        case_id=case.id, recorded_by_id=user.id, carers=carers, **entry.stored()
    )
    db.session.add(involvement)
    db.session.flush()
    access_trail.record(
        "involvement_logged", record_type="involvement", record_id=involvement.id, case_id=case.id
    )
    flags.refresh(case)
    return involvement


def edit_involvement(
    involvement: Involvement, user: User, entry: InvolvementInput, seen_version: int
) -> Involvement:
    """Change an involvement, keeping the earlier version; refuses stale edits."""
    validation.require(entry.problems(_dates(involvement.case)))
    values = {**entry.stored(), "carers": case_carers(involvement.case, entry.carer_ids)}
    _edit(
        involvement, involvement.case, "involvement", "involvement_edited", values,
        seen_version, user,
    )
    return involvement


def record_consultation(case: Case, user: User, entry: ConsultationInput) -> Consultation:
    """Record a consultation with the child about involving parents or carers
    (``RecordInvalid`` if it breaks a rule)."""
    validation.require(entry.problems(_dates(case)))
    lock_case(case.id)
    carers = case_carers(case, entry.carer_ids)  # before joining the session, as above
    consultation = Consultation(
        case_id=case.id, recorded_by_id=user.id, carers=carers, **entry.stored()
    )
    db.session.add(consultation)
    db.session.flush()
    access_trail.record(
        "consultation_recorded",
        record_type="consultation",
        record_id=consultation.id,
        case_id=case.id,
    )
    flags.refresh(case)
    return consultation


def edit_consultation(
    consultation: Consultation, user: User, entry: ConsultationInput, seen_version: int
) -> Consultation:
    """Change a consultation, keeping the earlier version; refuses stale edits."""
    validation.require(entry.problems(_dates(consultation.case)))
    values = {**entry.stored(), "carers": case_carers(consultation.case, entry.carer_ids)}
    _edit(
        consultation, consultation.case, "consultation", "consultation_edited", values,
        seen_version, user,
    )
    return consultation


def _edit(
    record: Case | Carer | Involvement | Consultation,
    case: Case,
    record_type: str,
    action: str,
    values: dict[str, Any],
    seen_version: int,
    user: User,
) -> None:
    case_id = case.id
    lock_case(case_id)
    if trailed_edit(record, record_type, action, values, seen_version=seen_version,
                    user_id=user.id, case_id=case_id):
        flags.refresh(case)
