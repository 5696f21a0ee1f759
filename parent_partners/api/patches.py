"""Partial updates: what a PATCH may send, and the answer to a stale one.

A PATCH body is a JSON merge patch (RFC 7396) one level deep, plus ``version``: a field
left out keeps its value, a field sent replaces it, and ``null`` empties a field that may
be empty (a field that may not is a 422). ``version`` is the version the client last
read; if the record has moved on since, nothing is written and the answer is a 409 naming
the version it is at now. The merged record then goes through the same rules as the
pages and the import (``operations/validation.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Generic, TypeVar

from flask.wrappers import Response
from pydantic import BaseModel, Field, StringConstraints

from parent_partners.api.blueprint import parse, reply
from parent_partners.api.errors import CONFLICT, problem
from parent_partners.api.schemas import (
    Context,
    Ethnicity,
    ExternalId,
    Gender,
    HarmType,
    Id,
    LongText,
    Name,
    Reference,
    Relationship,
    Request,
)
from parent_partners.extensions import db
from parent_partners.models import User
from parent_partners.models.common import Versioned
from parent_partners.operations.versioning import StaleEditError

T = TypeVar("T")
R = TypeVar("R", bound=Versioned)
E = TypeVar("E")
Language = Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)]


def _no_default(schema: dict[str, Any]) -> None:
    # Left out means "keep": a default of null in the document would say "clear".
    schema.pop("default", None)


def _keep(description: str | None = None) -> Any:
    """A field a patch may leave out (it then keeps its value)."""
    return Field(default=None, description=description, json_schema_extra=_no_default)


class Patch(Request):
    """A partial update with the version it was based on."""

    version: Id = Field(
        description="The version you last read; if the record is newer, nothing is saved (409)"
    )

    def changes(self) -> dict[str, Any]:
        """The fields sent (other than ``version``), with their new values."""
        return {name: getattr(self, name) for name in self.model_fields_set - {"version"}}


class CasePatch(Patch):
    """Change a case's details: send only the fields to change, with the case's version."""

    reference: Reference = _keep()
    external_id: ExternalId | None = _keep("Your system's own id; null or empty to remove it")
    child_name: Name = _keep()
    child_dob: date | None = _keep()
    gender: Gender = _keep()
    ethnicity: Ethnicity = _keep()
    communication_needs: LongText = _keep()
    harm_types: list[HarmType] = _keep()
    contexts: list[Context] = _keep()
    worker_id: Id | None = _keep("The allocated worker, from the case's team")
    opened_on: date = _keep()
    closed_on: date | None = _keep("When the case was closed; null to reopen it")


class CarerPatch(Patch):
    """Change a parent or carer: send only the fields to change, with the carer's version."""

    name: Name = _keep()
    relationship: Relationship = _keep()
    parental_responsibility: bool = _keep()
    communication_needs: LongText = _keep()
    interpreter_language: Language = _keep("Empty when no interpreter is needed")
    safe_to_involve: bool = _keep()
    safe_reason: LongText = _keep("Needed when it is not safe to involve them")
    safe_review_on: date | None = _keep("Needed when it is not safe to involve them")


def merged(record: Any, fields: tuple[str, ...], changes: dict[str, Any]) -> dict[str, Any]:
    """Every field of the record as it would be after the patch."""
    return {name: changes.get(name, getattr(record, name)) for name in fields}


def edit_or_conflict(
    record: Versioned, label: str, edit: Callable[[], T], render: Callable[[T], BaseModel]
) -> Response:
    """Run ``edit`` and answer with ``render`` of what it returns; if the record moved on
    since the client read it, a 409 naming the version it is at now (the refusal's access
    event is kept: the 409 is committed)."""
    try:
        return reply(render(edit()))
    except StaleEditError:
        db.session.refresh(record)
        now = record.version
        return problem(
            409,
            f"This {label} was changed by someone else: it is at version {now} now. Read it "
            f"again, then send your change with version {now}.",
            title="The record has changed",
            type_=CONFLICT,
            current_version=now,
        )


@dataclass(frozen=True)
class PatchRoute(Generic[R, E]):
    """How one kind of record is patched through the API."""

    body: type[Patch]
    entry: Callable[..., E]  # the operations' typed input, from every field once merged
    edit: Callable[[R, User, E, int], R]  # the operation: record, who, input, version read
    render: Callable[[R], BaseModel]
    label: str  # the record in words, for the 409
    # A body field whose name differs from the record's attribute: body name -> attribute.
    renamed: dict[str, str] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[str, ...]:
        """The record's attributes a patch may change (every field of the body)."""
        names = (name for name in self.body.model_fields if name != "version")
        return tuple(self.renamed.get(name, name) for name in names)


def patch_record(record: R, user: User, route: PatchRoute[R, E]) -> Response:
    """Read the request's patch, merge it into ``record``, and run the route's edit (the
    same rules as the pages); a patch based on an older version is a 409."""
    body = parse(route.body)
    changes = {route.renamed.get(name, name): value for name, value in body.changes().items()}
    entry = route.entry(**merged(record, route.fields, changes))
    return edit_or_conflict(
        record, route.label, lambda: route.edit(record, user, entry, body.version), route.render
    )
