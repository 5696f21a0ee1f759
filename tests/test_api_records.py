"""The API's resources: cases, carers, involvements, consultations, flags, check."""

from __future__ import annotations

from flask import Flask

from tests.api_support import (
    PROBLEM_JSON,
    Api,
    api_for,
    new_carer,
    new_case,
    sharing_involvement,
)

BLAME = "Amira keeps putting herself at risk by going to the flat."


def test_case_list_and_detail(app: Flask, make_user):
    worker = make_user("practitioner")
    api = api_for(app, worker.email)
    case = new_case(api, reference="CMS-0001")
    assert case["reference"] == "CMS-0001" and case["worker_id"] == worker.id
    response = api.post("/api/v1/cases", {"child_name": "Jayden Clarke"})
    assert response.status_code == 201 and response.headers["Location"].endswith(
        f"/api/v1/cases/{response.get_json()['id']}"
    )
    listing = api.get("/api/v1/cases?per_page=1").get_json()
    assert listing["total"] == 2 and len(listing["cases"]) == 1 and listing["per_page"] == 1
    assert api.get("/api/v1/cases?per_page=0").status_code == 422
    assert api.get("/api/v1/cases?colour=blue").status_code == 422

    carer = new_carer(api, case["id"], safe_to_involve=False, safe_reason="Suspected of harm",
                      safe_review_on="2027-01-01")
    assert carer["relationship"] == "mother" and carer["safe_to_involve"] is False
    detail = api.get(f"/api/v1/cases/{case['id']}").get_json()
    assert [c["id"] for c in detail["carers"]] == [carer["id"]]
    assert detail["harm_types"] == ["cse", "online_grooming"]


def test_a_taken_reference_is_refused_alike_for_every_team_and_worker_must_be_in_the_team(
    app: Flask, make_user
):
    api = api_for(app, make_user("practitioner", team="North Team").email)
    new_case(api, reference="CMS-9")
    south = api_for(app, make_user("practitioner", team="South Team").email)
    answers = [
        client.post("/api/v1/cases", {"child_name": "B", "reference": "CMS-9"})
        for client in (api, south)
    ]
    for response in answers:
        assert response.status_code == 422 and response.headers["Content-Type"] == PROBLEM_JSON
        assert response.get_json()["errors"][0]["field"] == "reference"
        assert "exists" not in response.get_data(as_text=True)
    # Another team learns nothing: its answer is the same as the owning team's.
    assert answers[0].get_json()["errors"] == answers[1].get_json()["errors"]
    outsider = make_user("practitioner", team="South Team")
    response = api.post("/api/v1/cases", {"child_name": "B", "worker_id": outsider.id})
    assert response.status_code == 422
    assert response.get_json()["errors"][0]["field"] == "worker_id"


def test_carer_not_safe_to_involve_needs_a_reason(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    response = api.post(
        f"/api/v1/cases/{case['id']}/carers",
        {"name": "Dan", "relationship": "father", "safe_to_involve": False},
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.get_json()["errors"]} == {"safe_reason", "safe_review_on"}


def test_involvement_findings_carry_span_suggestion_source(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    response = api.post(
        f"/api/v1/cases/{case['id']}/involvements",
        sharing_involvement([carer["id"]], shares_child_information=False, notes=BLAME),
    )
    assert response.status_code == 201
    involvement = response.get_json()
    assert involvement["carer_ids"] == [carer["id"]] and involvement["notes"] == BLAME
    [blame] = [f for f in involvement["flags"] if f["kind"] == "child_blame"]
    assert blame["record_type"] == "involvement" and blame["record_id"] == involvement["id"]
    assert blame["field"] == "notes" and BLAME[blame["start"] : blame["end"]] == blame["matched"]
    assert blame["suggestion"] and blame["source"] and blame["status"] == "open"


def _unconsulted_flag(app: Flask, make_user) -> tuple[Api, dict, dict]:
    """A practitioner's API, a case, and the "child not consulted" flag of its sharing."""
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    involvement = api.post(
        f"/api/v1/cases/{case['id']}/involvements", sharing_involvement([carer["id"]])
    ).get_json()
    [flag] = [f for f in involvement["flags"] if f["kind"] == "child_not_consulted"]
    return api, case, flag


def test_dismiss_a_finding_with_a_reason(app: Flask, make_user):
    api, case, finding = _unconsulted_flag(app, make_user)
    url = f"/api/v1/flags/{finding['id']}/dismiss"
    assert api.post(url, {"reason": "   "}).status_code == 422
    response = api.post(url, {"reason": "Immediate safeguarding: police were present."})
    assert response.status_code == 200
    assert response.get_json()["status"] == "dismissed"
    assert response.get_json()["dismissed_reason"].startswith("Immediate safeguarding")
    again = api.post(url, {"reason": "Again"})
    assert again.status_code == 409 and again.headers["Content-Type"] == PROBLEM_JSON
    dismissed = api.get(f"/api/v1/cases/{case['id']}/flags?status=dismissed").get_json()
    assert [f["id"] for f in dismissed["flags"]] == [finding["id"]]
    assert api.get(f"/api/v1/cases/{case['id']}/flags?status=lost").status_code == 422


def test_the_old_findings_path_still_dismisses_and_names_its_successor(app: Flask, make_user):
    """``/findings/<id>/dismiss`` (the id was always a flag's) answers as the flag path does,
    says it is deprecated and links to ``/flags/<id>/dismiss``; the document marks it so."""
    api, _case, flag = _unconsulted_flag(app, make_user)
    response = api.post(f"/api/v1/findings/{flag['id']}/dismiss", {"reason": "Police present."})
    assert response.status_code == 200 and response.get_json()["status"] == "dismissed"
    assert response.headers["Deprecation"] == "true"
    assert f"/api/v1/flags/{flag['id']}/dismiss" in response.headers["Link"]
    paths = api.get("/api/v1/openapi.json").get_json()["paths"]
    assert paths["/findings/{flag_id}/dismiss"]["post"]["deprecated"] is True
    assert "deprecated" not in paths["/flags/{flag_id}/dismiss"]["post"]


def test_the_older_findings_names_still_answer_marked_deprecated(app: Flask, make_user):
    """A record's flags are ``flags`` now; the older ``findings`` keys (and ``open_findings``)
    hold the same, and ``/cases/<id>/findings`` answers as ``/cases/<id>/flags`` does with
    ``Deprecation`` and a ``Link`` to it. The document marks each old name deprecated."""
    api, case, flag = _unconsulted_flag(app, make_user)
    detail = api.get(f"/api/v1/cases/{case['id']}").get_json()
    [involvement] = detail["involvements"]
    assert flag["id"] in [f["id"] for f in involvement["flags"]]
    assert involvement["findings"] == involvement["flags"]
    assert detail["findings"] == detail["flags"] and flag in detail["flags"]
    [row] = api.get("/api/v1/cases").get_json()["cases"]
    assert row["open_flags"] == row["open_findings"] == len(detail["flags"])

    new = api.get(f"/api/v1/cases/{case['id']}/flags?status=open")
    old = api.get(f"/api/v1/cases/{case['id']}/findings?status=open")
    assert new.status_code == old.status_code == 200 and "Deprecation" not in new.headers
    assert old.get_json() == new.get_json() and flag in new.get_json()["flags"]
    assert new.get_json()["findings"] == new.get_json()["flags"]
    assert old.headers["Deprecation"] == "true"
    assert f"/api/v1/cases/{case['id']}/flags?status=open" in old.headers["Link"]

    document = api.get("/api/v1/openapi.json").get_json()
    paths, schemas = document["paths"], document["components"]["schemas"]
    assert paths["/cases/{case_id}/findings"]["get"]["deprecated"] is True
    assert "deprecated" not in paths["/cases/{case_id}/flags"]["get"]
    for schema, new_key, old_key in [("Involvement", "flags", "findings"),
                                     ("Consultation", "flags", "findings"),
                                     ("Case", "flags", "findings"),
                                     ("FlagList", "flags", "findings"),
                                     ("CaseListItem", "open_flags", "open_findings")]:
        properties = schemas[schema]["properties"]
        assert properties[old_key]["deprecated"] is True, schema
        assert "deprecated" not in properties[new_key], schema
    # What the checker returns is not stored: those stay findings, and are not deprecated.
    assert "deprecated" not in schemas["TextFindings"]["properties"]["findings"]


def test_consultation_not_asked_needs_a_reason(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    url = f"/api/v1/cases/{case['id']}/consultations"
    body = {"carer_ids": [carer["id"]], "date": "2026-11-01", "child_asked": False}
    response = api.post(url, body)
    assert {e["field"] for e in response.get_json()["errors"]} == {"not_asked_reason"}
    response = api.post(url, {**body, "not_asked_reason": "child_missing"})
    assert response.status_code == 201
    assert response.get_json()["child_wish"] is None


def test_check_with_clean_text_finds_nothing(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    response = api.post("/api/v1/check", {"text": "Adults at the flat are targeting Amira."})
    assert response.status_code == 200 and response.get_json() == {"findings": []}
