"""Database records to API response models."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import select

from parent_partners.api import schemas
from parent_partners.extensions import db
from parent_partners.models import Consultation, Flag, Involvement

M = TypeVar("M", bound=BaseModel)


def _fields(model: type[BaseModel], record: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        source = info.validation_alias if isinstance(info.validation_alias, str) else name
        values[source] = getattr(record, source)
    return values


def finding(flag: Flag) -> schemas.Flag:
    """A stored flag as an API finding."""
    return schemas.Flag.model_validate(flag)


def record_findings(record_type: str, record_id: int) -> list[schemas.Flag]:
    """Every finding that points at one record, newest first."""
    flags = db.session.scalars(
        select(Flag)
        .where(Flag.record_type == record_type, Flag.record_id == record_id)
        .order_by(Flag.id)
    )
    return [finding(flag) for flag in flags]


def involvement(record: Involvement, findings: list[schemas.Flag]) -> schemas.Involvement:
    """An involvement with its findings."""
    values = _fields(schemas.Involvement, record, skip={"carer_ids", "findings"})
    return schemas.Involvement.model_validate(
        {**values, "carer_ids": [c.id for c in record.carers], "findings": findings}
    )


def consultation(record: Consultation, findings: list[schemas.Flag]) -> schemas.Consultation:
    """A consultation with its findings."""
    values = _fields(schemas.Consultation, record, skip={"carer_ids", "findings"})
    return schemas.Consultation.model_validate(
        {**values, "carer_ids": [c.id for c in record.carers], "findings": findings}
    )
