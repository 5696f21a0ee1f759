"""The access trail: every view and change is an event; managers read a case's trail on a page
and through the API; the subject access export holds everything about a child, audited."""

from __future__ import annotations

import json

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Flag, Involvement
from tests.api_support import PROBLEM_JSON, api_for
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")


def _actions(app: Flask, **where: object) -> list[str]:
    with app.app_context():
        statement = db.select(AccessEvent.action).order_by(AccessEvent.id)
        for name, value in where.items():
            statement = statement.where(getattr(AccessEvent, name) == value)
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
    listing = api.get(f"/api/v1/access-events?case_id={case.id}")
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
        answer = api_for(app, user.email).get(f"/api/v1/access-events?case_id={case.id}")
        assert answer.status_code == expected, (role, team)
        if expected != 200:
            assert answer.headers["Content-Type"] == PROBLEM_JSON
    assert PageClient(app.test_client()).get(urls[0]).status_code == 302


def test_the_api_names_what_is_wrong_with_the_query(app: Flask, make_user):
    api = api_for(app, make_user("manager").email)
    for query in ["", "?case_id=x", "?case_id=1&per_page=500", "?case_id=1&colour=red"]:
        response = api.get(f"/api/v1/access-events{query}")
        assert response.status_code == 422, query
        assert response.get_json()["errors"], query
    assert api.get("/api/v1/access-events?case_id=999999").status_code == 404


def test_the_old_audit_events_path_still_answers_and_names_its_successor(
    app: Flask, make_user, make_case
):
    """``/audit-events`` (from before "audit" meant only a case audit) answers as
    ``/access-events`` does, says it is deprecated and links to it; the document marks it."""
    case = make_case(make_user("practitioner"))
    api = api_for(app, make_user("manager").email)
    old = api.get(f"/api/v1/audit-events?case_id={case.id}")
    assert old.status_code == 200 and old.headers["Deprecation"] == "true"
    assert f"/api/v1/access-events?case_id={case.id}" in old.headers["Link"]
    assert [e["action"] for e in old.get_json()["events"]][-1] == "case_opened"
    assert "Deprecation" not in api.get(f"/api/v1/access-events?case_id={case.id}").headers
    paths = api.get("/api/v1/openapi.json").get_json()["paths"]
    assert paths["/audit-events"]["get"]["deprecated"] is True
    assert "deprecated" not in paths["/access-events"]["get"]
    assert paths["/access-events"]["get"]["tags"] == ["Access trail"]


def test_the_trail_is_paged(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    with app.app_context():
        for number in range(120):
            db.session.add(
                AccessEvent(action="case_viewed", case_id=case.id, user_id=worker.id,
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
    body = api.get(f"/api/v1/access-events?case_id={case.id}&page=2&per_page=100").get_json()
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
                     "no_strengths", "Record versions", "Access events", "case_opened",
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
    actions = [event["action"] for event in records["access_events"]]
    assert {"case_opened", "carer_added", "involvement_logged", "involvement_edited"} <= set(
        actions
    )
    # Both exports are themselves recorded, and the JSON one holds its own event.
    exported = [e for e in records["access_events"] if e["action"] == "subject_access_exported"]
    assert [e["data"]["format"] for e in exported] == ["html", "json"]
    assert str(exported[-1]["user_id"]) in document["staff"]
