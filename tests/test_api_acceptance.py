"""The issue's acceptance script, end to end, using only the documented interface:
the command line for a team, a practitioner and a token, then the JSON API."""

from __future__ import annotations

from flask import Flask
from openapi_spec_validator import validate

from tests.api_support import Api, cli, cli_token, new_carer, new_case, sharing_involvement

CHILD_BLAME = "Amira keeps putting herself at risk by going to the flat."


def test_acceptance_script(app: Flask, tmp_path):
    # A team, a practitioner and a token, with the command line.
    assert cli(app, "create-team", "North Exploitation Team").exit_code == 0
    result = cli(
        app, "create-user", "--email", "sam@example.org", "--name", "Sam Okafor",
        "--role", "practitioner", "--team", "North Exploitation Team",
    )
    assert result.exit_code == 0, result.output
    api = Api(app, cli_token(app, "sam@example.org"))

    # A case, a carer, and an involvement that shares information with no consultation.
    case = new_case(api)
    carer = new_carer(api, case["id"])
    response = api.post(
        f"/api/v1/cases/{case['id']}/involvements", sharing_involvement([carer["id"]])
    )
    assert response.status_code == 201
    involvement = response.get_json()
    [finding] = [f for f in involvement["flags"] if f["kind"] == "child_not_consulted"]
    assert finding["status"] == "open" and finding["carer_id"] == carer["id"]

    listed = api.get(f"/api/v1/cases/{case['id']}/flags?status=open").get_json()["flags"]
    assert [f["id"] for f in listed if f["kind"] == "child_not_consulted"] == [finding["id"]]

    # A consultation about that carer resolves it.
    response = api.post(
        f"/api/v1/cases/{case['id']}/consultations",
        {
            "carer_ids": [carer["id"]],
            "date": "2026-11-01",
            "child_view": "Mum can know about the plan.",
            "child_wish": "agrees",
            "decision": "proceed",
            "child_told_outcome": True,
        },
    )
    assert response.status_code == 201, response.get_json()
    findings = api.get(f"/api/v1/cases/{case['id']}/flags").get_json()["flags"]
    [after] = [f for f in findings if f["id"] == finding["id"]]
    assert after["status"] == "resolved"
    open_now = api.get(f"/api/v1/cases/{case['id']}/flags?status=open").get_json()
    assert all(f["kind"] != "child_not_consulted" for f in open_now["flags"])

    # The check finds child-blaming wording, with a span and a suggestion.
    response = api.post("/api/v1/check", {"text": CHILD_BLAME})
    assert response.status_code == 200
    [blame] = [f for f in response.get_json()["findings"] if f["kind"] == "child_blame"]
    assert CHILD_BLAME[blame["start"] : blame["end"]] == blame["matched"]
    assert blame["suggestion"] and blame["source"] and blame["id"] and blame["status"]

    # Another team's token gets 404 on the case.
    cli(app, "create-team", "South Exploitation Team")
    cli(
        app, "create-user", "--email", "jo@example.org", "--name", "Jo Reid",
        "--role", "practitioner", "--team", "South Exploitation Team",
    )
    other = Api(app, cli_token(app, "jo@example.org"))
    response = other.get(f"/api/v1/cases/{case['id']}")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"

    # The OpenAPI document validates as OpenAPI 3.1.
    document = Api(app, None).get("/api/v1/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    validate(document)

    # An import file with one bad row writes nothing and names the row.
    source = tmp_path / "cases.csv"
    source.write_text(
        "reference,child_name,child_dob,gender,ethnicity,harm_types,contexts,team,"
        "worker_email,opened_on,carer_name,carer_relationship,carer_parental_responsibility\n"
        "CMS-1,Jayden Clarke,2010-02-03,boy,black,cce;county_lines,transport,"
        "North Exploitation Team,sam@example.org,2026-05-01,Grace Clarke,mother,yes\n"
        "CMS-2,Sophie Walsh,2012-13-01,girl,white,cse,online,"
        "North Exploitation Team,sam@example.org,2026-05-02,,,\n",
        encoding="utf-8",
    )
    result = cli(app, "import-cases", str(source))
    assert result.exit_code != 0
    assert "line 3" in result.output and "child_dob" in result.output
    listing = api.get("/api/v1/cases").get_json()
    assert [c["reference"] for c in listing["cases"]] == [case["reference"]]
