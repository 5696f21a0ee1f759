"""Cases: list, open, read."""

from __future__ import annotations

from datetime import date

from flask import url_for
from flask.wrappers import Response

from parent_partners.api import schemas, serialise
from parent_partners.api.blueprint import operation, parse, parse_query, reply
from parent_partners.api.errors import ApiError, field_error, validation_problem
from parent_partners.identity import actor
from parent_partners.models import Case
from parent_partners.operations import audit
from parent_partners.operations.case_page import case_page
from parent_partners.operations.cases import (
    REFERENCE_REFUSED,
    list_cases,
    open_case,
    team_workers,
)
from parent_partners.permissions import Permission
from parent_partners.scoping import case_for


def case_detail(case: Case) -> schemas.Case:
    """A case with its carers, records and open findings, as the case page shows it."""
    page = case_page(actor(), case)
    involvements, consultations = [], []
    for entry in sorted(page["timeline"], key=lambda e: (e.date, e.record.id)):
        findings = serialise.record_findings(entry.kind, entry.record.id)
        if entry.kind == "involvement":
            involvements.append(serialise.involvement(entry.record, findings))
        else:
            consultations.append(serialise.consultation(entry.record, findings))
    summary = schemas.CaseSummary.model_validate(case).model_dump()
    return schemas.Case.model_validate(
        {
            **summary,
            "communication_needs": case.communication_needs,
            "carers": [schemas.Carer.model_validate(c) for c in page["carers"]],
            "involvements": involvements,
            "consultations": consultations,
            "findings": [serialise.finding(f) for f in page["open_flags"]],
        }
    )


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
    """Your team's cases (every team's, for a principal), most recently active first."""
    query = parse_query(schemas.CaseListQuery)
    listing = list_cases(actor(), page=query.page, per_page=query.per_page, mine=query.mine)
    items = [
        schemas.CaseListItem.model_validate(
            {
                **schemas.CaseSummary.model_validate(row.case).model_dump(),
                "open_findings": row.open_flags,
                "last_involvement": row.last_involvement,
            }
        )
        for row in listing.rows
    ]
    return reply(
        schemas.CaseList(
            cases=items, total=listing.total, page=listing.page, per_page=listing.per_page
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
    workers = {worker.id for worker in team_workers(user.team_id)}
    worker_id = body.worker_id if body.worker_id is not None else user.id
    if worker_id not in workers:
        raise validation_problem(
            [field_error(("worker_id",), "Not a practitioner or manager of your team", "team")]
        )
    case = open_case(
        team_id=user.team_id,
        worker_id=worker_id,
        child_name=body.child_name,
        reference=body.reference,
        child_dob=body.child_dob,
        gender=body.gender,
        ethnicity=body.ethnicity,
        communication_needs=body.communication_needs,
        harm_types=list(body.harm_types),
        contexts=list(body.contexts),
        opened_on=body.opened_on or date.today(),
    )
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
    """A case with its parents and carers, involvements, consultations and open findings.
    Reading a case is recorded, as on the case page."""
    case = case_for(actor(), case_id)
    audit.record("case_viewed", record_type="case", record_id=case.id, case_id=case.id)
    return reply(case_detail(case))
