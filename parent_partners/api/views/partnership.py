"""Records on a case: parents and carers, involvements, consultations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from flask import abort
from flask.wrappers import Response
from pydantic import BaseModel

from parent_partners.api import schemas, serialise
from parent_partners.api.blueprint import operation, parse, reply
from parent_partners.api.errors import field_error, validation_problem
from parent_partners.api.patches import CarerPatch, PatchRoute, patch_record
from parent_partners.identity import actor
from parent_partners.models import Case, User
from parent_partners.operations.partnership import (
    add_carer,
    edit_carer,
    log_involvement,
    record_consultation,
)
from parent_partners.operations.record_inputs import CarerInput
from parent_partners.permissions import Permission
from parent_partners.scoping import editable_case_for


def _case_carer_ids(case: Case, wanted: list[int]) -> list[int]:
    """The ids, if every one is a current parent or carer on the case; otherwise a 422."""
    known = {carer.id for carer in case.carers if carer.archived_at is None}
    unknown = [carer_id for carer_id in wanted if carer_id not in known]
    if unknown:
        raise validation_problem(
            [
                field_error(
                    ("carer_ids",),
                    "Not a parent or carer on this case: " + ", ".join(map(str, unknown)),
                    "unknown_carer",
                )
            ]
        )
    return sorted(set(wanted))


def _new_record(
    case_id: int,
    body_model: type[schemas.InvolvementIn] | type[schemas.ConsultationIn],
    save: Callable[[Case, User, Any], Any],
    record_type: str,
    render: Callable[[Any, list[schemas.Flag]], BaseModel],
) -> Response:
    """Save the body as a new record on a case your team holds, its carers checked against the
    case's (a 422 naming any other); 201 with the record and the flags its checks raised."""
    user = actor()
    case = editable_case_for(user, case_id)
    body = parse(body_model)
    entry = replace(body.to_input(), carer_ids=tuple(_case_carer_ids(case, body.carer_ids)))
    record = save(case, user, entry)
    return reply(render(record, serialise.record_flags(record_type, record.id)), 201)


@operation(
    "POST",
    "/cases/<int:case_id>/carers",
    summary="Add a parent or carer",
    tag="Records",
    permission=Permission.EDIT_CASES,
    status=201,
    body=schemas.CarerIn,
    response=schemas.Carer,
)
def add_carer_view(case_id: int) -> Response:
    """Add a parent or carer to a case your team holds."""
    user = actor()
    case = editable_case_for(user, case_id)
    body = parse(schemas.CarerIn)
    carer = add_carer(case, body.to_input())
    return reply(schemas.Carer.model_validate(carer), 201)


# No review date for a carer it is safe to involve: CarerInput empties it.
CARER_PATCH = PatchRoute(
    body=CarerPatch,
    entry=CarerInput,
    edit=edit_carer,
    render=schemas.Carer.model_validate,
    label="parent or carer",
    renamed={"relationship": "relationship_to_child"},
)


@operation(
    "PATCH",
    "/cases/<int:case_id>/carers/<int:carer_id>",
    summary="Change a parent or carer",
    tag="Records",
    permission=Permission.EDIT_CASES,
    body=CarerPatch,
    response=schemas.Carer,
)
def patch_carer(case_id: int, carer_id: int) -> Response:
    """Change some of a parent's or carer's details: send only those fields, with the
    ``version`` you read (a JSON merge patch). If they changed since, nothing is saved: a
    409 gives the ``current_version``. Checked, kept on the access trail and versioned as on
    the pages."""
    user = actor()
    case = editable_case_for(user, case_id)
    carer = next((c for c in case.carers if c.id == carer_id and c.archived_at is None), None)
    if carer is None:
        abort(404)
    return patch_record(carer, user, CARER_PATCH)


@operation(
    "POST",
    "/cases/<int:case_id>/involvements",
    summary="Log an involvement",
    tag="Records",
    permission=Permission.EDIT_CASES,
    status=201,
    body=schemas.InvolvementIn,
    response=schemas.Involvement,
)
def log_involvement_view(case_id: int) -> Response:
    """Log an involvement of parents or carers. The checks run at once: the reply carries
    the involvement's findings (for example ``child_not_consulted`` when it shares
    information about the child and the child was not asked)."""
    return _new_record(case_id, schemas.InvolvementIn, log_involvement, "involvement",
                       serialise.involvement)


@operation(
    "POST",
    "/cases/<int:case_id>/consultations",
    summary="Record a consultation with the child",
    tag="Records",
    permission=Permission.EDIT_CASES,
    status=201,
    body=schemas.ConsultationIn,
    response=schemas.Consultation,
)
def record_consultation_view(case_id: int) -> Response:
    """Record the child's view on involving parents or carers. The checks run at once, so
    findings it answers (such as ``child_not_consulted``) are resolved."""
    return _new_record(case_id, schemas.ConsultationIn, record_consultation, "consultation",
                       serialise.consultation)
