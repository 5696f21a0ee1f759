"""The audit trail: every view and change is an event; managers read a case's trail on a page
and through the API; the subject access export holds everything about a child, audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AuditEvent, Flag, Involvement
from tests.api_support import PROBLEM_JSON, api_for, cli, new_carer, new_case, sharing_involvement
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.test_import import HEADER
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")


def _actions(app: Flask, **where: object) -> list[str]:
    with app.app_context():
        statement = db.select(AuditEvent.action).order_by(AuditEvent.id)
        for name, value in where.items():
            statement = statement.where(getattr(AuditEvent, name) == value)
        return list(db.session.scalars(statement))


def test_a_practitioners_view_is_in_the_managers_trail(app: Flask, make_user, make_case):
    worker = make_user("practitioner", name="Priya Shah")
    case = make_case(worker)
    page = PageClient(app.test_client())
    page.sign_in(worker)
    assert page.client.get(
        f"/cases/{case.id}", environ_base={"REMOTE_ADDR": "10.1.2.3"}
    ).status_code == 200
    api_for(app, worker.email).get(f"/api/v1/cases/{case.id}")

    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    case_page = manager.get(f"/cases/{case.id}").get_data(as_text=True)
    assert f'href="/cases/{case.id}/audit-trail"' in case_page
    response = manager.get(f"/cases/{case.id}/audit-trail")
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "Priya Shah" in body and "Viewed a case" in body and "10.1.2.3" in body
    assert 'data-action="case_viewed"' in body and "API" in body

    api = api_for(app, make_user("manager", email="m2@example.org").email)
    listing = api.get(f"/api/v1/audit-events?case_id={case.id}")
    assert listing.status_code == 200 and listing.headers["Cache-Control"] == "no-store"
    events = listing.get_json()["events"]
    views = [e for e in events if e["action"] == "case_viewed" and e["user_name"] == "Priya Shah"]
    assert {e["ip_address"] for e in views} >= {"10.1.2.3"}
    assert {e["data"].get("via") for e in views} == {"api", None}
    assert events[0]["at"] >= events[-1]["at"]  # newest first
    # Reading the trail is itself recorded.
    assert "audit_trail_viewed" in _actions(app, case_id=case.id)


def test_only_managers_and_principals_read_trails_and_only_where_they_may(
    app: Flask, make_user, make_case
):
    case = make_case(make_user("practitioner"))
    urls = [f"/cases/{case.id}/audit-trail", f"/cases/{case.id}/subject-access",
            f"/cases/{case.id}/subject-access.json"]
    for role, team, expected in [
        ("practitioner", "North Team", 403),
        ("admin", None, 403),
        ("manager", "South Team", 404),
        ("manager", "North Team", 200),
        ("principal", None, 200),
    ]:
        user = make_user(role, team=team)
        page = PageClient(app.test_client())
        page.sign_in(user)
        for url in urls:
            assert page.get(url).status_code == expected, (role, team, url)
        answer = api_for(app, user.email).get(f"/api/v1/audit-events?case_id={case.id}")
        assert answer.status_code == expected, (role, team)
        if expected != 200:
            assert answer.headers["Content-Type"] == PROBLEM_JSON
    assert PageClient(app.test_client()).get(urls[0]).status_code == 302


def test_the_api_names_what_is_wrong_with_the_query(app: Flask, make_user):
    api = api_for(app, make_user("manager").email)
    for query in ["", "?case_id=x", "?case_id=1&per_page=500", "?case_id=1&colour=red"]:
        response = api.get(f"/api/v1/audit-events{query}")
        assert response.status_code == 422, query
        assert response.get_json()["errors"], query
    assert api.get("/api/v1/audit-events?case_id=999999").status_code == 404


def test_the_trail_is_paged(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    with app.app_context():
        for number in range(120):
            db.session.add(
                AuditEvent(action="case_viewed", case_id=case.id, user_id=worker.id,
                           summary=f"view {number}", data={})
            )
        db.session.commit()
    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    first = manager.get(f"/cases/{case.id}/audit-trail").get_data(as_text=True)
    assert "page 1 of 3" in first and f"/cases/{case.id}/audit-trail?page=2" in first
    assert "page 3 of 3" in manager.get(f"/cases/{case.id}/audit-trail?page=3").get_data(
        as_text=True
    )
    api = api_for(app, make_user("principal", team=None).email)
    body = api.get(f"/api/v1/audit-events?case_id={case.id}&page=2&per_page=100").get_json()
    assert body["total"] >= 120 and body["page"] == 2 and 0 < len(body["events"]) <= 100


def test_subject_access_holds_everything_about_the_child(app: Flask, make_user, make_case):
    worker = make_user("practitioner", name="Priya Shah")
    case = make_case(worker, child_name="Tyrese Walker", carers=("Dionne Walker",))
    page = PageClient(app.test_client())
    page.sign_in(worker)
    carers = carer_ids(app, case)
    page.submit(f"/cases/{case.id}/involvements/new",
                involvement_form(carers, strengths="", notes="First note."))
    with app.app_context():
        involvement_id = db.session.scalar(db.select(Involvement.id))
        flag_count = db.session.scalar(db.select(db.func.count()).select_from(Flag))
    assert flag_count  # no strengths recorded: flagged
    edit = f"/cases/{case.id}/involvements/{involvement_id}/edit"
    page.submit(edit, involvement_form(carers, strengths="", notes="Edited note."))

    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    html = manager.get(f"/cases/{case.id}/subject-access")
    text = html.get_data(as_text=True)
    assert html.status_code == 200 and html.headers["Cache-Control"] == "no-store"
    for expected in ["Tyrese Walker", "Dionne Walker", "Edited note.", "First note.",
                     "no_strengths", "Record versions", "Audit events", "case_opened",
                     "Priya Shah", "Download as JSON"]:
        assert expected in text, expected

    download = manager.get(f"/cases/{case.id}/subject-access.json")
    assert download.status_code == 200 and download.headers["Cache-Control"] == "no-store"
    assert "attachment" in download.headers["Content-Disposition"]
    document = json.loads(download.get_data(as_text=True))
    assert document["child"]["child_name"] == "Tyrese Walker"
    records = document["records"]
    assert [c["name"] for c in records["carers"]] == ["Dionne Walker"]
    assert records["involvements"][0]["notes"] == "Edited note."
    assert records["involvements"][0]["carer_ids"] == carers
    assert records["flags"] and records["record_versions"]
    assert records["record_versions"][0]["changes"]["notes"]["old"] == "First note."
    actions = [event["action"] for event in records["audit_events"]]
    assert {"case_opened", "carer_added", "involvement_logged", "involvement_edited"} <= set(
        actions
    )
    # Both exports are themselves recorded, and the JSON one holds its own event.
    exported = [e for e in records["audit_events"] if e["action"] == "subject_access_exported"]
    assert [e["data"]["format"] for e in exported] == ["html", "json"]
    assert str(exported[-1]["user_id"]) in document["staff"]


def test_every_change_path_writes_an_audit_event(
    app: Flask, make_user, make_case, tmp_path: Path
):
    """Walk each way the records change (pages, API, command line) and check each is recorded,
    with who did it and, for requests, from where."""
    worker = make_user("practitioner")
    case = make_case(worker)
    carers = carer_ids(app, case)
    page = PageClient(app.test_client())
    page.sign_in(worker)
    # Pages: case, carer, involvement, consultation (new and edit), flag dismiss, token.
    opened = page.submit("/cases/new", {
        "child_name": "Sophie Walsh", "reference": "", "gender": "girl",
        "ethnicity": "white", "worker_id": str(worker.id),
        "opened_on": ["1", "6", "2026"], "communication_needs": "",
        "child_dob": ["3", "2", "2012"], "harm_types": ["cce"],
    })
    assert opened.status_code == 302, opened.get_data(as_text=True)[-800:]
    carer_form = {"name": "Dean Price", "relationship": "step_parent",
                  "parental_responsibility": "no", "safe_to_involve": "yes", "version": "1"}
    assert page.submit(f"/cases/{case.id}/carers/new", carer_form).status_code == 302
    assert page.submit(
        f"/cases/{case.id}/carers/{carers[0]}/edit",
        {**carer_form, "name": "Leila Hassan-Price", "relationship": "mother"},
    ).status_code == 302
    assert page.submit(f"/cases/{case.id}/involvements/new",
                       involvement_form(carers, strengths="")).status_code == 302
    with app.app_context():
        involvement_id = db.session.scalar(db.select(Involvement.id))
        flag_id = db.session.scalar(db.select(Flag.id).where(Flag.kind == "no_strengths"))
    assert page.submit(f"/cases/{case.id}/involvements/{involvement_id}/edit",
                       involvement_form(carers, strengths="", notes="Changed.")).status_code == 302
    consultation = {"date": ["9", "11", "2026"], "carer_ids": [str(c) for c in carers],
                    "child_asked": "yes", "child_view": "Fine.", "child_wish": "agrees",
                    "decision": "proceed", "child_told_outcome": "yes", "version": "1"}
    assert page.submit(f"/cases/{case.id}/consultations/new", consultation).status_code == 302
    with app.app_context():
        from parent_partners.models import Consultation

        consultation_id = db.session.scalar(db.select(Consultation.id))
    assert page.submit(f"/cases/{case.id}/consultations/{consultation_id}/edit",
                       {**consultation, "child_view": "Fine by me."}).status_code == 302
    case_url = f"/cases/{case.id}"
    assert page.submit(f"{case_url}/flags/{flag_id}/dismiss",
                       {"reason": "Strengths are in the next visit."},
                       form_url=case_url).status_code == 302
    page.submit("/account/tokens", {"name": "Laptop script"})
    with app.app_context():
        from parent_partners.models import ApiToken

        token_id = db.session.scalar(db.select(ApiToken.id))
    assert page.submit(f"/account/tokens/{token_id}/revoke", {},
                       form_url="/account/tokens").status_code == 302
    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    assert manager.submit(f"{case_url}/flags/{flag_id}/reopen", {},
                          form_url=case_url).status_code == 302
    # API.
    api = api_for(app, worker.email)
    made = new_case(api, child_name="Jayden Clarke")
    carer = new_carer(api, made["id"])
    response = api.post(f"/api/v1/cases/{made['id']}/involvements",
                        sharing_involvement([carer["id"]], strengths=""))
    assert response.status_code == 201
    finding = next(f for f in response.get_json()["findings"] if f["kind"] == "no_strengths")
    assert api.post(f"/api/v1/findings/{finding['id']}/dismiss",
                    {"reason": "Recorded elsewhere."}).status_code == 200
    assert api.post(f"/api/v1/cases/{made['id']}/consultations", {
        "carer_ids": [carer["id"]], "date": "2026-11-01", "child_asked": True,
        "child_view": "OK.", "child_wish": "agrees", "decision": "proceed",
        "child_told_outcome": True}).status_code == 201
    # Administrators: the lexicon and accounts.
    admin = PageClient(app.test_client())
    admin.sign_in(make_user("admin", team=None))
    assert admin.submit("/admin/lexicon/new", {
        "rule_id": "test_rule", "kind": "child_blame", "subject": "child",
        "patterns": "gallivanting", "should_flag": "Kai was gallivanting.",
        "should_not_flag": "Kai was not gallivanting.",
        "suggestion": "was away from home", "note": "Blames the child.",
        "source": "Test source"}).status_code == 302
    assert admin.submit("/admin/lexicon/test_rule/switch", {"enabled": "0"},
                        form_url="/admin/lexicon").status_code == 302
    other = make_user("practitioner", email="other@example.org")
    assert admin.submit(f"/admin/users/{other.id}/disable", {},
                        form_url="/admin/users").status_code == 302
    assert admin.submit(f"/admin/users/{other.id}/enable", {},
                        form_url="/admin/users").status_code == 302
    # Command line.
    csv_file = tmp_path / "cases.csv"
    csv_file.write_text(
        HEADER + f"IMP-1,Casey Jones,2012-01-01,girl,,cce,online,North Team,{worker.email},"
        "2026-05-01,Ann Jones,mother,yes\n",
        encoding="utf-8",
    )
    assert cli(app, "import-cases", str(csv_file)).exit_code == 0
    assert cli(app, "create-team", "East Team").exit_code == 0

    actions = set(_actions(app))
    expected = {
        "sign_in", "case_opened", "case_viewed", "carer_added", "carer_edited",
        "involvement_logged", "involvement_edited", "consultation_recorded",
        "consultation_edited", "flag_dismissed", "flag_reopened", "api_token_created",
        "api_token_revoked", "lexicon_rule_added", "lexicon_rule_disabled", "user_created",
        "user_disabled", "user_enabled", "cases_imported", "team_created",
    }
    assert expected <= actions, expected - actions
    with app.app_context():
        requests_events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.ip_address.is_not(None))
        ).all()
        assert requests_events
        for event in requests_events:
            if event.action not in {"sign_in_failed"}:
                assert event.user_id is not None, event.action
        api_events = [e for e in requests_events if e.data.get("via") == "api"]
        assert {"case_opened", "carer_added", "involvement_logged", "flag_dismissed",
                "consultation_recorded"} <= {e.action for e in api_events}
