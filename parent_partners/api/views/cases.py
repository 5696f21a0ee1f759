"""Cases: list, open, read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import url_for
from flask.wrappers import Response

from parent_partners.api import schemas, serialise
from parent_partners.api.blueprint import operation, parse, parse_query, reply
from parent_partners.api.errors import ApiError, field_error, validation_problem
from parent_partners.api.patches import CasePatch, PatchRoute, patch_record
from parent_partners.identity import actor
from parent_partners.models import Case
from parent_partners.operations import access_trail
from parent_partners.operations.case_page import case_page
from parent_partners.operations.cases import (
    REFERENCE_REFUSED,
    CaseRow,
    list_cases,
    open_case,
)
from parent_partners.operations.partnership import edit_case
from parent_partners.operations.record_inputs import CaseDetails
from parent_partners.operations.sync import CursorInvalid, changed_cases
from parent_partners.permissions import Permission
from parent_partners.scoping import case_for, editable_case_for


def case_detail(case: Case) -> schemas.Case:
    """A case with its carers, records and open flags, as the case page shows it."""
    page = case_page(actor(), case)
    involvements, consultations = [], []
    for entry in sorted(page["timeline"], key=lambda e: (e.date, e.record.id)):
        flags = serialise.record_flags(entry.kind, entry.record.id)
        if entry.kind == "involvement":
            involvements.append(serialise.involvement(entry.record, flags))
        else:
            consultations.append(serialise.consultation(entry.record, flags))
    summary = schemas.CaseSummary.model_validate(case).model_dump()
    return schemas.Case.model_validate(
        {
            **summary,
            "communication_needs": case.communication_needs,
            "carers": [schemas.Carer.model_validate(c) for c in page["carers"]],
            "involvements": involvements,
            "consultations": consultations,
            **serialise.flag_keys([serialise.flag(f) for f in page["open_flags"]]),
        }
    )


def _list_item(row: CaseRow) -> schemas.CaseListItem:
    return schemas.CaseListItem.model_validate(
        {
            **schemas.CaseSummary.model_validate(row.case).model_dump(),
            "open_flags": row.open_flags,
            "open_findings": row.open_flags,  # the older name, deprecated
            "last_involvement": row.last_involvement,
        }
    )


def _link(query: schemas.CaseListQuery, **changes: Any) -> str:
    """This listing's address with some parameters changed (absolute, for any client)."""
    params = {**query.model_dump(exclude_none=True, exclude_defaults=True), **changes}
    if isinstance(params.get("updated_since"), datetime):
        params["updated_since"] = params["updated_since"].isoformat()
    return url_for("partners.api.list_cases_view", _external=True, **params)


@operation(
    "GET",
    "/cases",
    summary="List the cases you may see",
    tag="Cases",
    permission=Permission.VIEW_CASES,
    response=schemas.CaseList,
    query=schemas.CaseListQuery,
)
def list_cases_view() -> Response:
    """Your team's cases (every team's, for a principal). By page number: open cases first,
    by child's name. By cursor (send ``cursor`` empty, or ``updated_since``): oldest change
    first, in an order that cases opened meanwhile never shift; follow ``next`` until it is
    null. ``reference`` and ``external_id`` find your system's case."""
    query = parse_query(schemas.CaseListQuery)
    if query.by_cursor:
        if query.page is not None:
            raise validation_problem(
                [field_error(("page",), "Use either page or cursor, not both", "paging")]
            )
        try:
            changes = changed_cases(
                actor(),
                cursor=query.cursor,
                updated_since=query.updated_since,
                per_page=query.per_page,
                reference=query.reference,
                external_id=query.external_id,
                mine=query.mine,
            )
        except CursorInvalid as error:
            raise validation_problem([field_error(("cursor",), str(error), "cursor")]) from None
        following = changes.next_cursor
        return reply(
            schemas.CaseList(
                cases=[_list_item(row) for row in changes.rows],
                total=None,
                page=None,
                per_page=query.per_page,
                next=_link(query, cursor=following) if following else None,
                next_cursor=following,
            )
        )
    listing = list_cases(
        actor(),
        page=query.page or 1,
        per_page=query.per_page,
        mine=query.mine,
        reference=query.reference,
        external_id=query.external_id,
    )
    more = listing.page < listing.pages
    return reply(
        schemas.CaseList(
            cases=[_list_item(row) for row in listing.rows],
            total=listing.total,
            page=listing.page,
            per_page=listing.per_page,
            next=_link(query, page=listing.page + 1) if more else None,
        )
    )


@operation(
    "POST",
    "/cases",
    summary="Open a case",
    tag="Cases",
    permission=Permission.EDIT_CASES,
    status=201,
    body=schemas.CaseIn,
    response=schemas.Case,
    errors=(422,),
)
def create_case() -> Response:
    """Open a case for your team. A reference that cannot be used is a 422 (not saying why)."""
    user = actor()
    if user.team_id is None:
        raise ApiError(403, "Only a member of a team can open a case.")
    body = parse(schemas.CaseIn)
    # A worker from outside the team is a 422 from open_case (RecordInvalid), as on the page.
    worker_id = body.worker_id if body.worker_id is not None else user.id
    case = open_case(body.to_input(user.team_id, worker_id))
    if case is None:
        raise validation_problem([field_error(("reference",), REFERENCE_REFUSED, "unavailable")])
    location = url_for("partners.api.get_case", case_id=case.id)
    return reply(case_detail(case), 201, location)


@operation(
    "GET",
    "/cases/<int:case_id>",
    summary="Read a case",
    tag="Cases",
    permission=Permission.VIEW_CASES,
    response=schemas.Case,
)
def get_case(case_id: int) -> Response:
    """A case with its parents and carers, involvements, consultations and open flags.
    Reading a case is recorded, as on the case page."""
    case = case_for(actor(), case_id)
    access_trail.record("case_viewed", record_type="case", record_id=case.id, case_id=case.id)
    return reply(case_detail(case))


# The rest of a case is its records, changed on their own. An empty external id removes
# it: CaseDetails keeps None for "none".
CASE_PATCH = PatchRoute(
    body=CasePatch, entry=CaseDetails, edit=edit_case, render=case_detail, label="case"
)


@operation(
    "PATCH",
    "/cases/<int:case_id>",
    summary="Change a case's details",
    tag="Cases",
    permission=Permission.EDIT_CASES,
    body=CasePatch,
    response=schemas.Case,
)
def patch_case(case_id: int) -> Response:
    """Change some of a case's details: send only those fields, with the ``version`` you
    read (a JSON merge patch; ``application/merge-patch+json`` is accepted too). If the case
    changed since, nothing is saved: a 409 gives its ``current_version``. The change is
    checked by the same rules as the case pages, kept on the access trail, and the earlier
    version kept."""
    user = actor()
    return patch_record(editable_case_for(user, case_id), user, CASE_PATCH)
