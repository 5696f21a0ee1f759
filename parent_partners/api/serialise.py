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


def flag(record: Flag) -> schemas.Flag:
    """A stored flag as the API shows it."""
    return schemas.Flag.model_validate(record)


def record_flags(record_type: str, record_id: int) -> list[schemas.Flag]:
    """Every flag that points at one record, oldest first."""
    flags = db.session.scalars(
        select(Flag)
        .where(Flag.record_type == record_type, Flag.record_id == record_id)
        .order_by(Flag.id)
    )
    return [flag(record) for record in flags]


def flag_keys(flags: list[schemas.Flag]) -> dict[str, list[schemas.Flag]]:
    """A body's flags under their name and under the older, deprecated ``findings``."""
    return {"flags": flags, "findings": flags}


def involvement(record: Involvement, flags: list[schemas.Flag]) -> schemas.Involvement:
    """An involvement with its flags."""
    values = _fields(schemas.Involvement, record, skip={"carer_ids", "flags", "findings"})
    return schemas.Involvement.model_validate(
        {**values, "carer_ids": [c.id for c in record.carers], **flag_keys(flags)}
    )


def consultation(record: Consultation, flags: list[schemas.Flag]) -> schemas.Consultation:
    """A consultation with its flags."""
    values = _fields(schemas.Consultation, record, skip={"carer_ids", "flags", "findings"})
    return schemas.Consultation.model_validate(
        {**values, "carer_ids": [c.id for c in record.carers], **flag_keys(flags)}
    )
