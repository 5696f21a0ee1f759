"""The JSON check behind flags-while-typing, and administrators' rule changes."""

from __future__ import annotations

import json

from flask import Flask

from tests.conftest import PageClient

CHILD_BLAME = "Amira keeps putting herself at risk by going to the flat."


def check(pages: PageClient, text: str, token: str | None = None):
    token = token or pages.csrf_token("/cases")
    return pages.client.post("/check", json={"text": text}, headers={"X-CSRFToken": token})


def test_check_returns_findings_with_span_and_suggestion(pages: PageClient, make_user):
    pages.sign_in(make_user("practitioner"))
    response = check(pages, CHILD_BLAME)
    assert response.status_code == 200
    [finding] = response.get_json()["findings"]
    assert finding["kind"] == "child_blame"
    assert CHILD_BLAME[finding["start"] : finding["end"]] == finding["matched"]
    assert finding["suggestion"] and finding["source"] and finding["explanation"]


def test_check_needs_the_csrf_header(pages: PageClient, make_user):
    pages.sign_in(make_user("practitioner"))
    assert pages.client.post("/check", json={"text": CHILD_BLAME}).status_code == 400


def test_check_refuses_bad_input_clearly(pages: PageClient, make_user):
    pages.sign_in(make_user("practitioner"))
    token = pages.csrf_token("/cases")
    response = pages.client.post(
        "/check", data="not json", headers={"X-CSRFToken": token, "Content-Type": "text/plain"}
    )
    assert response.status_code == 400 and "text" in response.get_json()["error"]


def test_check_is_not_open_to_administrators_or_the_signed_out(pages: PageClient, make_user):
    assert pages.client.post("/check", json={"text": "x"}).status_code in {302, 400}
    pages.sign_in(make_user("admin", team=None))
    assert check(pages, CHILD_BLAME, pages.csrf_token("/admin/lexicon")).status_code == 403


def test_involvement_form_asks_for_live_checks(pages: PageClient, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    body = pages.get(f"/cases/{case.id}/involvements/new").get_data(as_text=True)
    assert 'data-check-url="/check"' in body and "live_check.js" in body
    assert body.count("data-live-check") == 6
    assert 'id="parent_view"' in body  # present, but not checked: it is the parent's voice


def test_admin_switches_a_rule_off_and_adds_one(pages: PageClient, make_user, app: Flask):
    practitioner = PageClient(app.test_client())
    practitioner.sign_in(make_user("practitioner"))
    [finding] = check(practitioner, CHILD_BLAME).get_json()["findings"]
    rule = finding["rule"]

    pages.sign_in(make_user("admin", team=None))
    assert rule in pages.get("/admin/lexicon").get_data(as_text=True)
    pages.submit(f"/admin/lexicon/{rule}/switch", {"enabled": "0"}, form_url="/admin/lexicon")
    # The rule's finding goes; the learned stage, always on (issue 10), may still read the
    # sentence as blaming, under its own learned.* id.
    after = [f["rule"] for f in check(practitioner, CHILD_BLAME).get_json()["findings"]]
    assert rule not in after and all(r.startswith("learned.") for r in after)

    new_rule = {
        "rule_id": "lured_by_choice",
        "kind": "child_blame",
        "subject": "child",
        "patterns": "gallivant~",
        "should_flag": "He was gallivanting around town.",
        "should_not_flag": "He was not gallivanting; he was taken there.",
        "suggestion": "Say who took the child, and how they were coerced.",
        "note": "Presents the child as choosing the harm done to them.",
        "source": "The Children's Society, Appropriate language (2022)",
    }
    response = pages.submit("/admin/lexicon/new", new_rule)
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    findings = check(practitioner, "He was gallivanting with them.").get_json()["findings"]
    assert [f["rule"] for f in findings] == ["lured_by_choice"]


def test_admin_rule_with_a_taken_id_is_refused(pages: PageClient, make_user):
    pages.sign_in(make_user("admin", team=None))
    rule = {
        "rule_id": "lured_by_choice",
        "kind": "child_blame",
        "subject": "child",
        "patterns": "gallivant~",
        "should_flag": "He was gallivanting around town.",
        "should_not_flag": "He was not gallivanting; he was taken there.",
        "suggestion": "s",
        "note": "n",
        "source": "src",
    }
    assert pages.submit("/admin/lexicon/new", rule).status_code == 302
    body = pages.submit("/admin/lexicon/new", rule).get_data(as_text=True)
    assert "There is already a rule called lured_by_choice" in body


def test_check_command_reads_json_lines_and_plain_text(app: Flask, tmp_path):
    source = tmp_path / "notes.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": CHILD_BLAME})
        + "\n"
        + json.dumps({"id": "b", "text": "Mum came to the meeting."})
        + "\n",
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["partners", "check", str(source)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["findings"][0]["kind"] == "child_blame" and lines[1]["findings"] == []

    plain = tmp_path / "notes.txt"
    plain.write_text("Mum came to the meeting.\n" + CHILD_BLAME + "\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["partners", "check", str(plain)])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(line["id"], len(line["findings"])) for line in lines] == [(1, 0), (2, 1)]
