"""Feedback and self-assessments through the JSON API: the same rules, permissions, scoping
and access trail as the pages."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent
from tests.api_support import PROBLEM_JSON, api_for, new_carer, new_case
from tests.conftest import PageClient
from tests.test_self_assessment import NEW, _answers
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")


def test_feedback_through_the_api(app: Flask, make_user):
    worker = make_user("practitioner")
    api = api_for(app, worker.email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    url = f"/api/v1/cases/{case['id']}/feedback"
    made = api.post(url, {"date": "2026-11-20", "respondent": "child",
                          "answers": {"p1": 4, "p3": None}, "own_words": "She gets it.",
                          "share_beyond_case": True})
    assert made.status_code == 201, made.get_data(as_text=True)
    body = made.get_json()
    assert body["answers"]["p1"] == 4 and body["answers"]["p3"] is None
    assert body["answers"]["p8"] is None  # not asked: kept as "rather not say"

    refused = api.post(url, {"date": "2026-11-20", "respondent": "carer",
                             "answers": {"p1": 5, "nonsense": 2}})
    assert refused.status_code == 422 and refused.mimetype == PROBLEM_JSON
    fields = {error["field"] for error in refused.get_json()["errors"]}
    assert "answers.p1" in fields or "answers" in fields
    missing = api.post(url, {"date": "2026-11-20", "respondent": "carer", "answers": {}})
    assert {e["field"] for e in missing.get_json()["errors"]} == {"carer_id"}
    parent = api.post(url, {"date": "2026-11-21", "respondent": "carer",
                            "carer_id": carer["id"], "answers": {"partner": 3}})
    assert parent.status_code == 201

    listed = api.get(url).get_json()["feedback"]
    assert [item["respondent"] for item in listed] == ["carer", "child"]
    stranger = api_for(app, make_user("practitioner", team="South Team").email)
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, {"date": "2026-11-20", "respondent": "child"}).status_code == 404
    with app.app_context():
        recorded = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == "feedback_recorded")
        ).all()
        assert len(recorded) == 2 and all(e.data.get("via") == "api" for e in recorded)


def test_self_assessments_through_the_api(app: Flask, make_user):
    principal = make_user("principal")
    page = PageClient(app.test_client())
    page.sign_in(principal)
    saved = page.submit(NEW, _answers("Winter review", "priority"))
    assert saved.status_code == 302
    api = api_for(app, principal.email)
    listed = api.get("/api/v1/self-assessments").get_json()["assessments"]
    assert [a["title"] for a in listed] == ["Winter review"]
    one = api.get(f"/api/v1/self-assessments/{listed[0]['id']}").get_json()
    assert one["ratings"]["7"] == "priority" and "consultation_share" in one["figures"]
    assert one["previous_id"] is None and one["actions"] == []
    manager = api_for(app, make_user("manager").email)
    assert manager.get("/api/v1/self-assessments").status_code == 403
