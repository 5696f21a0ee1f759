"""API errors are RFC 9457 problem details, never HTML: 401, 404, 405, 413, 415, 422, 500."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.api_support import PROBLEM_JSON, Api, api_for, new_carer, new_case
from tests.conftest import PageClient


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.headers["Content-Type"] == PROBLEM_JSON
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    assert "<html" not in response.get_data(as_text=True).lower()
    return body


def test_no_token_bad_token_and_revoked_token_are_401(app: Flask, make_user):
    user = make_user("practitioner")
    for api in [Api(app, None), Api(app, "pp_not-a-real-token"), Api(app, "nonsense")]:
        response = api.get("/api/v1/cases")
        problem(response, 401)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    api = api_for(app, user.email)
    assert api.get("/api/v1/cases").status_code == 200


def test_the_session_cookie_does_not_open_the_api(pages: PageClient, make_user):
    pages.sign_in(make_user("practitioner"))
    assert pages.get("/cases").status_code == 200
    problem(pages.get("/api/v1/cases"), 401)


def test_a_disabled_users_token_stops_working(app: Flask, make_user):
    from parent_partners.extensions import db
    from parent_partners.models import User

    user = make_user("practitioner")
    api = api_for(app, user.email)
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    problem(api.get("/api/v1/cases"), 401)


def test_another_teams_case_and_finding_are_404(app: Flask, make_user):
    north = api_for(app, make_user("practitioner", team="North Team").email)
    south = api_for(app, make_user("practitioner", team="South Team").email)
    case = new_case(north)
    carer = new_carer(north, case["id"])
    response = north.post(
        f"/api/v1/cases/{case['id']}/involvements",
        {
            "carer_ids": [carer["id"]],
            "date": "2026-11-10",
            "kind": "home_visit",
            "partnership_level": "informed",
            "notes": "Amira keeps putting herself at risk by going to the flat.",
        },
    )
    finding = response.get_json()["flags"][0]
    for url in [f"/api/v1/cases/{case['id']}", f"/api/v1/cases/{case['id']}/flags"]:
        problem(south.get(url), 404)
    for url, body in [
        (f"/api/v1/cases/{case['id']}/carers", {"name": "X", "relationship": "father"}),
        (f"/api/v1/flags/{finding['id']}/dismiss", {"reason": "Not ours"}),
        ("/api/v1/flags/999999/dismiss", {"reason": "Nothing there"}),
    ]:
        problem(south.post(url, body), 404)
    assert south.get("/api/v1/cases").get_json()["cases"] == []


def test_read_only_roles_get_403(app: Flask, make_user):
    writer = api_for(app, make_user("practitioner").email)
    case = new_case(writer)
    principal = api_for(app, make_user("principal", team=None).email)
    assert principal.get(f"/api/v1/cases/{case['id']}").status_code == 200
    problem(principal.post(f"/api/v1/cases/{case['id']}/carers", {"name": "X"}), 403)
    admin = api_for(app, make_user("admin", team=None).email)
    problem(admin.get(f"/api/v1/cases/{case['id']}"), 403)


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"child_name": "A", "colour": "blue"}, {"colour"}),
        ({"child_name": 5}, {"child_name"}),
        ({"child_name": "A", "child_dob": 5}, {"child_dob"}),
        ({"child_name": "A", "child_dob": "14/05/2011"}, {"child_dob"}),
        ({"child_name": "A", "harm_types": "cse"}, {"harm_types"}),
        ({"child_name": "A", "harm_types": ["cse", "shoplifting"]}, {"harm_types.1"}),
        ({"child_name": "A", "gender": "female"}, {"gender"}),
        ({}, {"child_name"}),
    ],
)
def test_case_body_errors_are_422_naming_the_field(app: Flask, make_user, body, fields):
    api = api_for(app, make_user("practitioner").email)
    found = problem(api.post("/api/v1/cases", body), 422)
    assert {error["field"] for error in found["errors"]} == fields
    assert all(field in found["detail"] for field in fields)
    assert all(error["pointer"].startswith("/") for error in found["errors"])


def test_involvement_wrong_types_and_rules_are_422(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    url = f"/api/v1/cases/{case['id']}/involvements"
    base = {"carer_ids": [carer["id"]], "date": "2026-11-10", "kind": "home_visit",
            "partnership_level": "informed"}
    cases = [
        ({**base, "date": 5}, {"date"}),
        ({**base, "carer_ids": "x"}, {"carer_ids"}),
        ({**base, "carer_ids": ["1"]}, {"carer_ids.0"}),
        ({**base, "shares_child_information": "yes"}, {"shares_child_information"}),
        ({**base, "unknown": 1}, {"unknown"}),
        ({**base, "carer_ids": []}, {"carer_ids"}),
        ({**base, "carer_ids": [999999]}, {"carer_ids"}),
        ({**base, "partnership_level": "not_involved"}, {"not_involved_reason"}),
        ({**base, "shares_child_information": True}, {"shared_what"}),
    ]
    for body, fields in cases:
        found = problem(api.post(url, body), 422)
        assert {error["field"] for error in found["errors"]} == fields, body
    [extra] = problem(api.post(url, {**base, "unknown": 1}), 422)["errors"]
    assert extra["code"] == "extra_forbidden" and extra["message"] == "Unknown field"
    consultation = {"carer_ids": [carer["id"]], "date": "2026-11-01", "child_wish": "maybe"}
    found = problem(api.post(f"/api/v1/cases/{case['id']}/consultations", consultation), 422)
    assert "child_wish" in {error["field"] for error in found["errors"]}


def test_bad_json_is_400_and_not_json_is_415(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    problem(
        api.post("/api/v1/check", data="{not json", headers={"Content-Type": "application/json"}),
        400,
    )
    problem(api.post("/api/v1/check", data="text=hello"), 415)
    problem(api.post("/api/v1/check", [1, 2]), 422)


def test_a_too_large_body_is_413(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    limit = app.config["PARTNERS_API_MAX_BODY"]
    problem(api.post("/api/v1/check", {"text": "x" * (limit + 10)}), 413)


def test_unknown_api_urls_and_wrong_methods_are_problems(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    for client in (api, Api(app, None)):
        problem(client.get("/api/v1/nothing/here"), 404)
        problem(client.get("/api/v1/"), 404)
    response = api.open("/api/v1/cases", "DELETE")
    problem(response, 405)
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}
    problem(api.get("/api/v1/check"), 405)
    problem(api.open("/api/v1/cases/1", "PUT"), 405)


def test_an_unexpected_error_is_a_500_problem_without_a_trace(
    app: Flask, make_user, monkeypatch
):
    from parent_partners.api.views import check

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    api = api_for(app, make_user("practitioner").email)
    monkeypatch.setattr(check.checks, "scan_text", broken)
    response = api.post("/api/v1/check", {"text": "hello"})
    body = problem(response, 500)
    assert "secret internals" not in response.get_data(as_text=True)
    assert "Traceback" not in body["detail"]


def test_pages_still_answer_html_errors(pages: PageClient, make_user):
    pages.sign_in(make_user("practitioner"))
    response = pages.get("/no-such-page")
    assert response.status_code == 404 and "text/html" in response.headers["Content-Type"]
