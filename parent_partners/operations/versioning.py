"""Editing versioned records: refuse stale edits, keep what each edit changed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm.exc import StaleDataError

from parent_partners.extensions import db
from parent_partners.models import RecordVersion
from parent_partners.models.common import Versioned, utcnow
from parent_partners.operations import access_trail


class StaleEditError(Exception):
    """Someone else saved the record after this editor opened it; nothing was written."""

    def __init__(self, record_type: str, record_id: int) -> None:
        super().__init__(f"{record_type} {record_id} changed since it was opened")
        self.record_type = record_type
        self.record_id = record_id


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if hasattr(value, "id") and hasattr(value, "__table__"):
        return value.id  # a related record is kept by its id
    return value


def apply_edit(
    record: Versioned,
    record_type: str,
    changes: dict[str, Any],
    *,
    seen_version: int,
    user_id: int | None,
) -> dict[str, Any]:
    """Apply ``changes`` to ``record`` if it is still at ``seen_version``.

    Returns the fields that really changed (old and new values), after keeping
    them as a ``RecordVersion``. Raises ``StaleEditError`` when another save came
    first, before or during this one.
    """
    record_id: int = record.id  # type: ignore[attr-defined]
    if record.version != seen_version:
        raise StaleEditError(record_type, record_id)
    diff: dict[str, Any] = {}
    for field, new in changes.items():
        old = getattr(record, field)
        if old != new:
            diff[field] = {"old": _jsonable(old), "new": _jsonable(new)}
            setattr(record, field, new)
    if not diff:
        return diff
    # Touching a column forces an UPDATE, so the version guard runs even when
    # only a many-to-many collection changed.
    record.updated_at = utcnow()
    db.session.add(
        RecordVersion(
            record_type=record_type,
            record_id=record_id,
            version=seen_version + 1,
            changed_by_id=user_id,
            changes=diff,
        )
    )
    try:
        db.session.flush()
    except StaleDataError as error:
        # A concurrent transaction committed between our read and our UPDATE.
        db.session.rollback()
        raise StaleEditError(record_type, record_id) from error
    return diff


def trailed_edit(
    record: Versioned,
    record_type: str,
    action: str,
    changes: dict[str, Any],
    *,
    seen_version: int,
    user_id: int,
    case_id: int | None = None,
) -> dict[str, Any]:
    """``apply_edit``, with its outcome on the access trail: a refused stale edit, or ``action``
    naming the fields changed (nothing when nothing changed). Returns the changed fields."""
    record_id: int = record.id  # type: ignore[attr-defined]
    try:
        diff = apply_edit(record, record_type, changes, seen_version=seen_version, user_id=user_id)
    except StaleEditError:
        access_trail.record("edit_refused_stale", record_type=record_type, record_id=record_id,
                            case_id=case_id, user_id=user_id)
        raise
    if diff:
        access_trail.record(action, record_type=record_type, record_id=record_id,
                            case_id=case_id, data={"fields": sorted(diff)})
    return diff


def history(record_type: str, record_id: int) -> list[RecordVersion]:
    """Return the earlier versions of a record, newest first."""
    return list(
        db.session.scalars(
            db.select(RecordVersion)
            .where(RecordVersion.record_type == record_type, RecordVersion.record_id == record_id)
            .order_by(RecordVersion.version.desc())
        )
    )
