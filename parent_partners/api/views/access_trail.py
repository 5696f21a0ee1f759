"""A case's access trail through the API: who viewed or changed it, when, from where.

``/access-events`` is the path; ``/audit-events`` is its older name, kept answering for
existing clients and marked deprecated ("audit" now means only a manager's case audit).
"""

from __future__ import annotations

from typing import Any

from flask.wrappers import Response
from pydantic import BaseModel, Field

from parent_partners.api.blueprint import operation, parse_query, reply
from parent_partners.api.schemas import Query, UtcDateTime
from parent_partners.identity import actor
from parent_partners.operations import access_trail
from parent_partners.operations.trail import case_trail, describe
from parent_partners.permissions import Permission
from parent_partners.scoping import case_for


class AccessEventsQuery(Query):
    """Which case's trail, and which page of it."""

    case_id: int = Field(ge=1, le=2**31 - 1, description="The case whose trail to list")
    page: int = Field(default=1, ge=1, le=1_000_000)
    per_page: int = Field(default=50, ge=1, le=200)


class AccessEventOut(BaseModel):
    """One event of the access trail."""

    id: int
    at: UtcDateTime
    action: str = Field(description="What happened, from a fixed vocabulary (e.g. case_viewed)")
    description: str = Field(description="The action in words")
    user_id: int | None = Field(description="Who did it; null when nobody was signed in")
    user_name: str | None
    user_role: str | None
    record_type: str | None
    record_id: int | None
    case_id: int | None
    ip_address: str | None = Field(description="From where; null for the command line")
    data: dict[str, Any]


class AccessEventList(BaseModel):
    """One page of a case's access trail, newest first."""

    events: list[AccessEventOut]
    total: int
    page: int
    per_page: int


@operation(
    "GET",
    "/access-events",
    summary="List a case's access trail",
    tag="Access trail",
    permission=Permission.VIEW_ACCESS_TRAIL,
    response=AccessEventList,
    query=AccessEventsQuery,
    errors=(404,),
    deprecated_alias=("/audit-events", "list_audit_events"),
)
def list_access_events() -> Response:
    """Who viewed or changed a case, when and from where, newest first (managers of the
    case's team, and principals). Another team's case is a 404. Reading the trail is itself
    recorded."""
    query = parse_query(AccessEventsQuery)
    case = case_for(actor(), query.case_id)
    access_trail.record(
        "audit_trail_viewed", record_type="case", record_id=case.id, case_id=case.id
    )
    trail = case_trail(case, page=query.page, per_page=query.per_page)
    events = [
        AccessEventOut(
            id=event.id,
            at=event.at,
            action=event.action,
            description=describe(event),
            user_id=event.user_id,
            user_name=event.user.name if event.user else None,
            user_role=event.user.role if event.user else None,
            record_type=event.record_type,
            record_id=event.record_id,
            case_id=event.case_id,
            ip_address=event.ip_address,
            data=dict(event.data or {}),
        )
        for event in trail.events
    ]
    return reply(
        AccessEventList(events=events, total=trail.total, page=trail.page, per_page=trail.per_page)
    )
