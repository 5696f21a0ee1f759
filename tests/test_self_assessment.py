"""The service self-assessment: for each principle the evidence the records hold (moving when
the records change), a rating, a narrative, actions with owners and dates, the comparison with
the previous assessment, a printable report and the figures as CSV and XLSX."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_partners.operations.exports import read_csv_rows, read_xlsx_rows
from parent_partners.principles import PRINCIPLES
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.feedback_support import add_child_feedback, figure_on
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

NEW = "/self-assessment/new?from=2026-01&to=2026-12"



def _answers(title: str, rating: str = "developing") -> dict[str, str]:
    data = {"title": title, "version": "1"}
    for p in PRINCIPLES:
        data[f"rating_{p.number}"] = rating
        data[f"narrative_{p.number}"] = f"What we see for principle {p.number}."
    return data


def test_the_evidence_moves_when_the_records_change(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    page = PageClient(app.test_client())
    page.sign_in(worker)
    carers = carer_ids(app, case)
    page.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers))
    principal = PageClient(app.test_client())
    principal.sign_in(make_user("principal"))

    before = principal.get(NEW).get_data(as_text=True)
    assert all(f"{p.number}. {p.name}" in before for p in PRINCIPLES)
    assert figure_on(before, "strengths_share") == "100%"
    assert figure_on(before, "ethnicity_not_recorded") == "0%"
    assert figure_on(before, "child_feedback_p3") == "Not enough to show"

    # An involvement with no strengths, a child whose ethnicity is not recorded, and ten
    # children's feedback: each shows in the evidence.
    page.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, strengths=""))
    opened = page.submit("/cases/new", {
        "child_name": "Sophie Walsh", "reference": "", "gender": "girl",
        "ethnicity": "not_recorded", "worker_id": str(worker.id),
        "opened_on": ["1", "6", "2026"], "communication_needs": "",
        "child_dob": ["3", "2", "2012"], "harm_types": ["cce"],
    })
    assert opened.status_code == 302
    add_child_feedback(app, case, worker, 10, score=3)
    after = principal.get(NEW).get_data(as_text=True)
    assert figure_on(after, "strengths_share") == "50%"
    assert figure_on(after, "flags_no_strengths") == "50 per 100"
    assert figure_on(after, "ethnicity_not_recorded") == "50%"
    assert figure_on(after, "child_feedback_p3") == "100%"


def test_a_principal_rates_sets_actions_prints_and_compares(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    page = PageClient(app.test_client())
    page.sign_in(worker)
    page.submit(f"/cases/{case.id}/involvements/new", involvement_form(carer_ids(app, case)))
    principal = PageClient(app.test_client())
    principal.sign_in(make_user("principal"))

    earlier = "/self-assessment/new?from=2026-01&to=2026-06"
    refused = principal.submit(earlier, {**_answers("Spring"), "rating_4": ""})
    assert "Select a rating for principle 4" in refused.get_data(as_text=True)
    assert principal.submit(earlier, _answers("Spring review")).status_code == 302
    saved = principal.submit(NEW, _answers("Winter review", "strong"))
    assert saved.status_code == 302
    show_url = saved.headers["Location"].split("#")[0]
    shown = principal.get(show_url).get_data(as_text=True)
    assert "Compared with “Spring review”" in shown
    assert "A strength across the service" in shown and "previously: Developing" in shown
    # Nothing was recorded in the spring; the winter has one involvement with strengths.
    assert "100%" in shown and "No comparison" in shown

    added = principal.submit(f"{show_url}/actions", {
        "principle": "7", "action": "Invite two parents to co-design the partnership training.",
        "owner": "Principal social worker", "due_on": ["31", "3", "2027"],
    }, form_url=show_url)
    assert added.status_code == 302
    report = principal.get(f"{show_url}/print").get_data(as_text=True)
    assert "Invite two parents to co-design" in report
    assert "owner: Principal social worker" in report
    assert "What we see for principle 8." in report

    csv = read_csv_rows(principal.get(f"{show_url}?format=csv").get_data(as_text=True))
    assert csv[0][:3] == ["Principle", "Figure", "Value"]
    strengths = next(row for row in csv if row[1] == "Involvements with strengths recorded")
    assert strengths[2] == "100.0" and strengths[0].startswith("4.")
    xlsx = read_xlsx_rows(principal.get(f"{show_url}?format=xlsx").data)
    assert len(xlsx) == len(csv)

    changed = principal.submit(f"{show_url}/edit", {**_answers("Winter review"), "version": "1"})
    assert changed.status_code == 302
    assert "Developing: good in places" in principal.get(show_url).get_data(as_text=True)


def test_only_principals_assess_the_service(app: Flask, make_user):
    for role in ("practitioner", "manager", "admin"):
        client = PageClient(app.test_client())
        client.sign_in(make_user(role))
        assert client.get("/self-assessment").status_code == 403
