"""Sync from a case-management system: find a case by the host's reference or its own id,
change cases and carers with PATCH and their version (a stale one is a 409 naming the
current version), and page through cases by cursor in the order they changed."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import Flask
from sqlalchemy import inspect

from parent_partners.api.views.cases import CASE_PATCH
from parent_partners.api.views.partnership import CARER_PATCH
from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Carer, Case, RecordVersion
from tests.api_support import PROBLEM_JSON, Api, api_for, new_carer, new_case


def _path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_find_a_case_by_reference_or_external_id_in_your_own_team(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    made = new_case(api, reference="LA-2026-0042", external_id="mosaic:88123")
    new_case(api, child_name="Other Child", reference="LA-2026-0043")
    assert made["external_id"] == "mosaic:88123"

    found = api.get("/api/v1/cases?reference=LA-2026-0042").get_json()
    assert [c["id"] for c in found["cases"]] == [made["id"]] and found["total"] == 1
    by_id = api.get("/api/v1/cases?external_id=mosaic:88123").get_json()
    assert [c["id"] for c in by_id["cases"]] == [made["id"]]
    assert api.get("/api/v1/cases?reference=LA-NOPE").get_json()["cases"] == []

    elsewhere = api_for(app, make_user("practitioner", team="South Team").email)
    assert elsewhere.get("/api/v1/cases?reference=LA-2026-0042").get_json()["cases"] == []


def test_an_external_id_is_unique_across_the_service(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    new_case(api, external_id="mosaic:1")
    other = api_for(app, make_user("practitioner", team="South Team").email)
    response = other.post("/api/v1/cases", {"child_name": "Sam Lee", "external_id": "mosaic:1",
                                            "opened_on": "2026-06-01"})
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "external_id"
    assert "already" not in response.get_json()["errors"][0]["message"]


def test_patch_a_case_changes_only_what_is_sent_and_keeps_history(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api, reference="LA-1")
    response = api.open(
        f"/api/v1/cases/{case['id']}",
        "PATCH",
        json={"version": 1, "child_name": "Amira H.", "external_id": "mosaic:5",
              "contexts": ["school"]},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["child_name"] == "Amira H." and body["contexts"] == ["school"]
    assert body["reference"] == "LA-1" and body["gender"] == "girl"  # left alone
    assert body["version"] == 2 and body["external_id"] == "mosaic:5"

    cleared = api.open(f"/api/v1/cases/{case['id']}", "PATCH",
                       json={"version": 2, "external_id": None})
    assert cleared.status_code == 200 and cleared.get_json()["external_id"] is None
    with app.app_context():
        versions = list(db.session.scalars(
            db.select(RecordVersion).where(RecordVersion.record_type == "case")
            .order_by(RecordVersion.version)))
        edits = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == "case_edited")).all()
    assert [v.version for v in versions] == [2, 3]
    assert versions[0].changes["child_name"] == {"old": "Amira Hassan", "new": "Amira H."}
    assert len(edits) == 2 and edits[0].data["via"] == "api"


def test_a_stale_patch_is_a_409_naming_the_current_version(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    assert api.open(f"/api/v1/cases/{case['id']}", "PATCH",
                    json={"version": 1, "child_name": "First"}).status_code == 200
    response = api.open(f"/api/v1/cases/{case['id']}", "PATCH",
                        json={"version": 1, "child_name": "Second"})
    assert response.status_code == 409 and response.mimetype == PROBLEM_JSON
    problem = response.get_json()
    assert problem["current_version"] == 2 and "version 2" in problem["detail"]
    assert api.get(f"/api/v1/cases/{case['id']}").get_json()["child_name"] == "First"
    with app.app_context():
        refused = db.session.scalar(
            db.select(AccessEvent).where(AccessEvent.action == "edit_refused_stale"))
    assert refused is not None and refused.record_type == "case"


def test_a_patch_is_checked_by_the_same_rules_as_the_pages(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    url = f"/api/v1/cases/{case['id']}"
    before_birth = api.open(url, "PATCH", json={"version": 1, "opened_on": "2010-01-01"})
    assert before_birth.status_code == 422
    assert before_birth.get_json()["errors"][0]["message"] == (
        "The case cannot be opened before the child was born")
    closed_early = api.open(url, "PATCH", json={"version": 1, "closed_on": "2026-01-01"})
    assert closed_early.get_json()["errors"][0]["field"] == "closed_on"
    assert api.open(url, "PATCH", json={"version": 1, "child_name": None}).status_code == 422
    assert api.open(url, "PATCH", json={"version": 1, "colour": "red"}).status_code == 422
    assert api.open(url, "PATCH", json={"child_name": "No version"}).status_code == 422
    stranger = make_user("practitioner", team="South Team")
    assert api.open(url, "PATCH", json={"version": 1, "worker_id": stranger.id}).status_code == 422
    merge = api.open(url, "PATCH", data='{"version": 1, "child_dob": null}',
                     headers={"Content-Type": "application/merge-patch+json"})
    assert merge.status_code == 200 and merge.get_json()["child_dob"] is None
    assert api_for(app, stranger.email).open(
        url, "PATCH", json={"version": 2, "child_name": "X"}).status_code == 404


def test_patch_a_carer(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    url = f"/api/v1/cases/{case['id']}/carers/{carer['id']}"
    unsafe = api.open(url, "PATCH", json={"version": 1, "safe_to_involve": False})
    assert unsafe.status_code == 422
    assert {e["field"] for e in unsafe.get_json()["errors"]} == {"safe_reason", "safe_review_on"}
    response = api.open(url, "PATCH", json={
        "version": 1, "relationship": "grandparent", "interpreter_language": "Arabic"})
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body["relationship"] == "grandparent" and body["interpreter_language"] == "Arabic"
    assert body["name"] == "Leila Hassan" and body["version"] == 2
    stale = api.open(url, "PATCH", json={"version": 1, "name": "L. Hassan"})
    assert stale.status_code == 409 and stale.get_json()["current_version"] == 2
    other_case = new_case(api, child_name="Other Child")
    wrong = f"/api/v1/cases/{other_case['id']}/carers/{carer['id']}"
    assert api.open(wrong, "PATCH", json={"version": 2, "name": "X"}).status_code == 404


def test_every_field_a_patch_sends_lands_on_the_record():
    """A PATCH's fields come from its body: each must be a column of the record and a field
    of the input the operations check, or the merge would drop or refuse it."""
    for route, model in [(CASE_PATCH, Case), (CARER_PATCH, Carer)]:
        columns = set(inspect(model).column_attrs.keys())
        inputs = {f.name for f in fields(route.entry)}
        assert set(route.fields) <= columns & inputs, route.label
    assert "relationship_to_child" in CARER_PATCH.fields and "reference" in CASE_PATCH.fields


def test_cursor_paging_is_stable_under_inserts(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    made = [new_case(api, child_name=f"Child {n}")["id"] for n in range(5)]
    first = api.get("/api/v1/cases?cursor=&per_page=2").get_json()
    assert [c["id"] for c in first["cases"]] == made[:2]
    assert first["total"] is None and first["next_cursor"]
    assert first["next"].startswith("http://localhost/api/v1/cases?")

    late = new_case(api, child_name="Aaron Opened Meanwhile")["id"]  # sorts first by name
    seen = [c["id"] for c in first["cases"]]
    page = first
    while page["next"]:
        page = api.get(_path(page["next"])).get_json()
        seen += [c["id"] for c in page["cases"]]
    assert seen == [*made, late]


def test_updated_since_fetches_only_what_changed(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    cases = [new_case(api, child_name=f"Child {n}") for n in range(3)]
    since = datetime.now(UTC)
    changed = cases[1]
    api.open(f"/api/v1/cases/{changed['id']}", "PATCH", json={"version": 1, "child_name": "New"})
    stamp = since.isoformat().replace("+00:00", "Z")
    listing = api.get("/api/v1/cases", query_string={"updated_since": stamp}).get_json()
    assert [c["id"] for c in listing["cases"]] == [changed["id"]]
    assert listing["next"] is None
    later = (since + timedelta(hours=1)).isoformat()
    assert api.get("/api/v1/cases", query_string={"updated_since": later}).get_json()[
        "cases"] == []


def test_bad_cursors_and_mixed_paging_are_422(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    for cursor in ("not-a-cursor", "WzEsMl0", "eyJhIjoxfQ"):
        response = api.get("/api/v1/cases", query_string={"cursor": cursor})
        assert response.status_code == 422, cursor
        assert response.get_json()["errors"][0]["field"] == "cursor"
    assert api.get("/api/v1/cases?cursor=&page=2").status_code == 422


def test_page_numbers_still_work_with_a_next_link(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    for n in range(3):
        new_case(api, child_name=f"Child {n}")
    first = api.get("/api/v1/cases?per_page=2").get_json()
    assert first["page"] == 1 and first["total"] == 3 and first["next_cursor"] is None
    second = api.get(_path(first["next"])).get_json()
    assert second["page"] == 2 and len(second["cases"]) == 1 and second["next"] is None


def test_a_principal_reads_but_cannot_patch(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    principal = Api(app, api_for(app, make_user("principal").email).token)
    assert principal.get("/api/v1/cases?cursor=").get_json()["cases"][0]["id"] == case["id"]
    response = principal.open(f"/api/v1/cases/{case['id']}", "PATCH",
                              json={"version": 1, "child_name": "X"})
    assert response.status_code == 403


def test_edge_of_time_and_forged_cursors_are_answered_not_500(app: Flask, make_user):
    import base64
    import json

    api = api_for(app, make_user("practitioner").email)
    new_case(api)
    for since in ("0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"):
        response = api.get("/api/v1/cases", query_string={"updated_since": since})
        assert response.status_code == 200, since
    forged = base64.urlsafe_b64encode(
        json.dumps(["2026-01-01T00:00:00+00:00", 2**40]).encode()).decode()
    assert api.get("/api/v1/cases", query_string={"cursor": forged}).status_code == 422
