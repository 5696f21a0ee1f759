"""A case's access trail (who viewed or changed it, when, from where), and the subject access
export: everything held about one child, as one document.

The export is built generically: every mapped table with a ``case_id`` column
(carers, involvements, consultations, flags, audit events, case audits and any
added later) contributes its rows, so a new kind of record cannot be left out by
forgetting to list it here. Earlier versions of the case's records come from
``record_versions``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, inspect, or_, select

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Case, RecordVersion, User
from parent_partners.models.common import utcnow
from parent_partners.operations import access_trail
from parent_partners.operations.paging import Paging

# The table each versioned record type (after the case itself) lives in.
VERSIONED_TABLES = {"carer": "carers", "involvement": "involvements",
                    "consultation": "consultations", "feedback": "feedback"}


@dataclass
class TrailPage(Paging):
    """One page of a case's access trail, newest first."""

    events: list[AccessEvent]


def case_trail(case: Case, *, page: int = 1, per_page: int = 50) -> TrailPage:
    """Return one page of the case's access trail, newest first."""
    condition = AccessEvent.case_id == case.id
    total = int(db.session.scalar(select(func.count()).where(condition)) or 0)
    events = db.session.scalars(
        select(AccessEvent)
        .where(condition)
        .order_by(AccessEvent.at.desc(), AccessEvent.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    return TrailPage(events=list(events), total=total, page=page, per_page=per_page)


def describe(event: AccessEvent) -> str:
    """What an event's action means, in words."""
    return access_trail.ACTIONS.get(event.action, event.action)


def jsonable(value: Any) -> Any:
    """A stored value as JSON can carry it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    return value


def _row(record: Any) -> dict[str, Any]:
    """Every column of a record (by attribute name), and the ids of its parents or carers."""
    mapper = inspect(record.__class__)
    row = {attr.key: jsonable(getattr(record, attr.key)) for attr in mapper.column_attrs}
    carers = getattr(record, "carers", None)
    if isinstance(carers, list) and record.__class__ is not Case:
        row["carer_ids"] = [carer.id for carer in carers]
    return row


def _case_tables() -> list[type[Any]]:
    """Every mapped class with a ``case_id`` column, in a steady order."""
    found = []
    registry: Any = getattr(db.Model, "registry")  # noqa: B009 - not in the stubs
    for mapper in registry.mappers:
        cls = mapper.class_
        if "case_id" in mapper.columns and cls is not Case:
            found.append(cls)
    return sorted(found, key=lambda cls: cls.__tablename__)


def subject_access(case: Case, requested_by: User, *, fmt: str) -> dict[str, Any]:
    """Everything held about the child on ``case``, as one JSON-ready document. Audited first,
    so the export itself is in the document's access trail."""
    access_trail.record(
        "subject_access_exported",
        record_type="case",
        record_id=case.id,
        case_id=case.id,
        data={"format": fmt},
    )
    db.session.flush()
    records: dict[str, list[dict[str, Any]]] = {}
    ids: dict[str, set[int]] = {"case": {case.id}}
    for cls in _case_tables():
        key_column = inspect(cls).primary_key[0]
        rows = db.session.scalars(
            select(cls).where(cls.case_id == case.id).order_by(key_column)
        ).all()
        records[cls.__tablename__] = [_row(row) for row in rows]
    for record_type, table in VERSIONED_TABLES.items():
        ids[record_type] = {row["id"] for row in records.get(table, [])}
    versions = db.session.scalars(
        select(RecordVersion)
        .where(
            or_(
                *(
                    (RecordVersion.record_type == record_type)
                    & RecordVersion.record_id.in_(sorted(record_ids))
                    for record_type, record_ids in ids.items()
                    if record_ids
                )
            )
        )
        .order_by(RecordVersion.id)
    ).all()
    records["record_versions"] = [_row(version) for version in versions]
    people_ids = {
        value
        for rows in records.values()
        for row in rows
        for key, value in row.items()
        if (key == "user_id" or key.endswith("_by_id") or key == "worker_id") and value
    }
    people = db.session.scalars(select(User).where(User.id.in_(sorted(people_ids)))).all()
    child = _row(case)
    child["team"] = case.team.name
    child["worker"] = case.worker.name if case.worker else None
    return {
        "document": "Subject access export",
        "generated_at": utcnow().isoformat(),
        "generated_by": {"id": requested_by.id, "name": requested_by.name},
        "child": child,
        "staff": {str(person.id): {"name": person.name, "role": person.role} for person in people},
        "records": records,
    }
