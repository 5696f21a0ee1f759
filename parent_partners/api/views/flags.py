"""Flags: list a case's, dismiss one with a reason.

A *finding* is what the checker returns; a *flag* is the finding stored on the case, with an id
and a life (open, dismissed, resolved, reopened). Paths and keys say ``flags``; the older
``/cases/<id>/findings`` and ``/findings/<id>/dismiss`` keep answering, marked deprecated.
"""

from __future__ import annotations

from flask import abort
from flask.wrappers import Response
from sqlalchemy import select

from parent_partners.api import flag_schemas, schemas, serialise
from parent_partners.api.blueprint import operation, parse, parse_query, reply
from parent_partners.api.errors import CONFLICT, ApiError
from parent_partners.extensions import db
from parent_partners.identity import actor
from parent_partners.models import Flag
from parent_partners.operations.flags import FlagError, dismiss
from parent_partners.permissions import Permission
from parent_partners.scoping import case_for, editable_case_for
from parent_partners.vocabulary import OPEN_FLAG_STATUSES


@operation(
    "GET",
    "/cases/<int:case_id>/flags",
    summary="List a case's flags",
    tag="Flags",
    permission=Permission.VIEW_CASES,
    response=flag_schemas.FlagList,
    query=flag_schemas.FlagsQuery,
    # The older name, from before a stored flag and the checker's finding had names of their own.
    deprecated_alias=("/cases/<int:case_id>/findings", "list_findings"),
)
def list_flags(case_id: int) -> Response:
    """What the checks found on a case and kept as flags, oldest first. ``status=open``
    gives those that still need attention (open and reopened)."""
    case = case_for(actor(), case_id)
    query = parse_query(flag_schemas.FlagsQuery)
    statement = select(Flag).where(Flag.case_id == case.id).order_by(Flag.id)
    if query.status == "open":
        statement = statement.where(Flag.status.in_(OPEN_FLAG_STATUSES))
    elif query.status is not None:
        statement = statement.where(Flag.status == query.status)
    if query.kind is not None:
        statement = statement.where(Flag.kind == query.kind)
    flags = [serialise.flag(flag) for flag in db.session.scalars(statement)]
    return reply(flag_schemas.FlagList(**serialise.flag_keys(flags)))


@operation(
    "POST",
    "/flags/<int:flag_id>/dismiss",
    summary="Dismiss a flag",
    tag="Flags",
    permission=Permission.EDIT_CASES,
    body=flag_schemas.DismissIn,
    response=schemas.Flag,
    errors=(409,),
    # The older name: the id was always a flag's.
    deprecated_alias=("/findings/<int:flag_id>/dismiss", "dismiss_finding"),
)
def dismiss_flag(flag_id: int) -> Response:
    """Dismiss an open flag with a reason; managers see the reason. A flag that is not open
    is a 409."""
    user = actor()
    flag = db.session.get(Flag, flag_id)
    if flag is None:
        abort(404)
    editable_case_for(user, flag.case_id)
    body = parse(flag_schemas.DismissIn)
    try:
        dismiss(flag, user, body.reason)
    except FlagError as error:
        raise ApiError(409, str(error), title="Conflict", type_=CONFLICT) from error
    return reply(serialise.flag(flag))
