"""Learned and rule findings in the app: stored with category and confidence, shown on the
case page and while typing, served by the API, dismissed the same way, and exported."""

from __future__ import annotations

import json

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Flag
from tests.api_support import api_for, new_carer, new_case, sharing_involvement
from tests.conftest import PageClient, carer_ids, involvement_form

# No lexicon rule lists this wording: only the learned stage finds it.
HINDSIGHT = "A single look at the tablet by mum would have prevented all of this."
RULE_BLAME = "Amira keeps putting herself at risk by going to the flat."


def text_flags(app: Flask) -> list[Flag]:
    with app.app_context():
        query = db.select(Flag).where(Flag.kind.in_(["child_blame", "parent_blame"]))
        found = list(db.session.scalars(query.order_by(Flag.id)))
        db.session.expunge_all()
        return found


def test_a_learned_flag_is_stored_and_shown_with_its_category_and_confidence(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    pages.submit(
        f"/cases/{case.id}/involvements/new",
        involvement_form(carer_ids(app, case), notes=HINDSIGHT),
    )
    [flag] = text_flags(app)
    assert flag.kind == "parent_blame" and flag.rule == "learned.failure_to_protect"
    assert flag.category == "failure_to_protect" and 0.5 <= (flag.confidence or 0) <= 1
    assert HINDSIGHT[flag.span_start : flag.span_end] == flag.matched
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Kind of blame" in page and "Failure to protect from harm by others" in page
    assert f"{round(flag.confidence * 100)}%" in page


def test_a_rule_flag_stores_its_rules_category(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    pages.submit(
        f"/cases/{case.id}/involvements/new",
        involvement_form(carer_ids(app, case), notes=RULE_BLAME),
    )
    [flag] = text_flags(app)
    assert flag.rule == "putting_self_at_risk" and flag.category == "risk_taking"
    assert flag.confidence is not None
    assert "Risk-taking framing" in pages.get(f"/cases/{case.id}").get_data(as_text=True)


def test_the_live_check_names_the_category_in_plain_words(pages: PageClient, make_user):
    pages.sign_in(make_user("practitioner"))
    token = pages.csrf_token("/cases")
    response = pages.client.post("/check", json={"text": HINDSIGHT}, headers={"X-CSRFToken": token})
    [finding] = response.get_json()["findings"]
    assert finding["category"] == "failure_to_protect"
    assert finding["category_label"] == "failure to protect from harm by others"
    assert 0 < finding["confidence"] <= 1


def test_the_api_serves_category_and_confidence(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    [finding] = api.post("/api/v1/check", {"text": HINDSIGHT}).get_json()["findings"]
    assert finding["category"] == "failure_to_protect" and 0 < finding["confidence"] <= 1
    case = new_case(api)
    carer = new_carer(api, case["id"])
    involvement = api.post(
        f"/api/v1/cases/{case['id']}/involvements",
        sharing_involvement([carer["id"]], shares_child_information=False, notes=RULE_BLAME),
    ).get_json()
    [blame] = [f for f in involvement["flags"] if f["kind"] == "child_blame"]
    assert blame["category"] == "risk_taking" and blame["confidence"] is not None
    schema = api.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert {"category", "confidence"} <= set(schema["TextFinding"]["properties"])
    assert {"category", "confidence"} <= set(schema["Flag"]["properties"])


def test_dismissed_wording_flags_are_exported_for_review(
    pages: PageClient, make_user, make_case, app: Flask, tmp_path
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    notes = "Home visit on Monday. " + HINDSIGHT
    pages.submit(
        f"/cases/{case.id}/involvements/new", involvement_form(carer_ids(app, case), notes=notes)
    )
    [flag] = text_flags(app)
    reason = "Mum said this herself; I was recording her words."
    case_url = f"/cases/{case.id}"
    pages.submit(f"{case_url}/flags/{flag.id}/dismiss", {"reason": reason}, form_url=case_url)
    target = tmp_path / "dismissed.jsonl"
    result = app.test_cli_runner().invoke(
        args=["partners", "export-dismissals", "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    [row] = [json.loads(line) for line in target.read_text().splitlines()]
    assert row["sentence"] == HINDSIGHT and row["dismissed_reason"] == reason
    assert row["kind"] == "parent_blame" and row["category"] == "failure_to_protect"
    assert row["rule"] == "learned.failure_to_protect" and row["dismissed_at"]
    assert case.child_name not in json.dumps(row)
    with app.app_context():
        actions = db.session.scalars(db.select(AccessEvent.action)).all()
    assert "dismissals_exported" in actions


def test_export_dismissals_leaves_out_open_and_record_flags(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    form = involvement_form(carer_ids(app, case), notes=HINDSIGHT, strengths="")
    pages.submit(f"/cases/{case.id}/involvements/new", form)
    with app.app_context():
        record_flag = db.session.scalars(db.select(Flag).filter_by(kind="no_strengths")).one()
        flag_id = record_flag.id
    case_url = f"/cases/{case.id}"
    dismiss = f"{case_url}/flags/{flag_id}/dismiss"
    pages.submit(dismiss, {"reason": "Not yet known"}, form_url=case_url)
    assert [f.status for f in text_flags(app)] == ["open"]
    result = app.test_cli_runner().invoke(args=["partners", "export-dismissals"])
    assert result.exit_code == 0 and result.output == ""
