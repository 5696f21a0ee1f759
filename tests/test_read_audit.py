"""Every response that shows case data leaves an audit event: derived from the URL map.

Every GET route is requested, with real ids, by each person who may open it (the worker,
a manager, a principal; the API with each one's token). A response that shows the case
(its route names the case, or the page carries the child's or a carer's name) must have
written an audit event about that case in the same request. A route added later is
checked without anyone having to remember to add it here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Case, CaseAudit, Consultation, Involvement, User
from parent_partners.operations import partnership
from parent_partners.operations.record_inputs import ConsultationInput, InvolvementInput
from tests.api_support import Api, cli_token
from tests.audit_support import graded_audit
from tests.conftest import PageClient, carer_ids
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

CHILD = "Zephyrine Quillfeather"
CARER = "Ottoline Marchbank"
SKIP = {
    "static",
    "partners.api.unknown",
    "partners.api.docs",
    "partners.api.openapi",
    "partners.health.healthz",
}
QUERY = {"partners.dashboards.cases": "?metric=involvements&from=2024-01&to=2026-12"}


def _world(app: Flask, make_user, make_case) -> dict[str, Any]:
    worker = make_user("practitioner")
    manager = make_user("manager")
    principal = make_user("principal", team=None)
    case = make_case(worker, child_name=CHILD, carers=(CARER,))
    carers = carer_ids(app, case)
    with app.test_request_context():
        user = db.session.get(User, worker.id)
        loaded = db.session.get(Case, case.id)
        involvement = partnership.log_involvement(loaded, user, InvolvementInput(
            date=date(2026, 11, 2), kind="home_visit", partnership_level="informed",
            shares_child_information=True, shared_what="The plan.",
            notes=f"Met {CARER} at home.", carer_ids=tuple(carers)))
        consultation = partnership.record_consultation(loaded, user, ConsultationInput(
            date=date(2026, 11, 1), child_asked=True, child_wish="agrees",
            child_view="Fine to tell mum.", decision="proceed", carer_ids=tuple(carers)))
        audit = graded_audit(loaded, db.session.get(User, manager.id))
        db.session.commit()
        ids = {"case_id": case.id, "carer_id": carers[0], "involvement_id": involvement.id,
               "consultation_id": consultation.id, "audit_id": audit.id,
               "team_id": user.team_id, "worker_id": worker.id}
    return {"ids": ids, "people": [worker, manager, principal]}


def _events(app: Flask, case_id: int) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(AccessEvent).where(AccessEvent.case_id == case_id)
        ) or 0


def _url(rule: Any, ids: dict[str, int]) -> str | None:
    if not set(rule.arguments) <= set(ids):
        return None
    path = rule.rule
    for name in rule.arguments:
        path = re.sub(rf"<(?:[a-z]+:)?{name}>", str(ids[name]), path)
    return path + QUERY.get(rule.endpoint, "")


def test_every_route_that_shows_a_case_records_an_audit_event(
    app: Flask, make_user, make_case
):
    world = _world(app, make_user, make_case)
    ids = world["ids"]
    clients: list[tuple[str, Any]] = []
    for person in world["people"]:
        pages = PageClient(app.test_client())
        pages.sign_in(person)
        clients.append((person.email, pages.client))
        clients.append((person.email + " (API)", Api(app, cli_token(app, person.email))))
    unaudited: list[str] = []
    shown: set[str] = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or set()) or rule.endpoint in SKIP:
            continue
        url = _url(rule, ids)
        if url is None:
            continue
        api = rule.endpoint.startswith("partners.api.")
        for who, client in clients:
            if api != who.endswith("(API)"):
                continue
            before = _events(app, ids["case_id"])
            response = client.get(url)
            body = response.get_data(as_text=True)
            shows = response.status_code == 200 and (
                "case_id" in rule.arguments or CHILD in body or CARER in body
            )
            if not shows:
                continue
            shown.add(rule.endpoint)
            if _events(app, ids["case_id"]) == before:
                unaudited.append(f"{rule.endpoint} {url} as {who}")
    assert unaudited == [], "case data shown with no audit event:\n" + "\n".join(unaudited)
    # The check really looked: these all show the case.
    assert {
        "partners.cases.index", "partners.cases.show", "partners.involvements.edit",
        "partners.consultations.edit", "partners.carers.edit",
        "partners.api.list_flags", "partners.api.get_case", "partners.api.list_cases_view",
        "partners.dashboards.cases", "partners.audits.show", "partners.audits.index",
    } <= shown, shown
    with app.app_context():
        assert db.session.get(Involvement, ids["involvement_id"]) is not None
        assert db.session.get(Consultation, ids["consultation_id"]) is not None
        assert db.session.get(CaseAudit, ids["audit_id"]) is not None
        reads = db.session.scalars(
            select(AccessEvent).where(AccessEvent.action == "case_read",
                                     AccessEvent.case_id == ids["case_id"])
        ).all()
        pages = {event.data["page"] for event in reads}
        assert pages >= {"partners.involvements.edit", "partners.api.list_flags"}
