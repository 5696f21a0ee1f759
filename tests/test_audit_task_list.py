"""A case audit as a GOV.UK task list: each section saved as a draft (complete or not), the
whole audit submitted only when nothing is missing; nobody but its author sees a draft."""

from __future__ import annotations

import re
from html import unescape

from flask import Flask
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, CaseAudit
from parent_partners.principles import PRINCIPLES
from tests.test_case_audit import _client, grading_form

FULL = grading_form()


def _statuses(html: str) -> dict[str, str]:
    """Task title -> status text, from the GOV.UK task list markup."""
    items = re.findall(
        r'govuk-task-list__name-and-hint">\s*<a[^>]*>([^<]+)</a>.*?'
        r'govuk-task-list__status[^"]*"[^>]*>(.*?)</div>',
        html,
        re.S,
    )
    return {unescape(t.strip()): re.sub(r"<[^>]+>", "", s).strip() for t, s in items}


def _start(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    manager = make_user("manager")
    case = make_case(worker)
    pages = _client(app, manager)
    start = pages.get(f"/cases/{case.id}/audits/new").get_data(as_text=True)
    assert "Start the audit" in start
    response = pages.submit(f"/cases/{case.id}/audits/draft", {},
                            form_url=f"/cases/{case.id}/audits/new")
    assert response.status_code == 302
    return pages, worker, case, response.headers["Location"]


def _section(pages, task_list: str, key: str, data: dict[str, str], save: str = "continue"):
    return pages.submit(f"{task_list}/{key}", {**data, "save": save})


def test_each_section_saves_as_a_draft_and_shows_its_status(app: Flask, make_user, make_case):
    pages, worker, _case, task_list = _start(app, make_user, make_case)
    html = pages.get(task_list).get_data(as_text=True)
    assert 'class="govuk-task-list"' in html
    statuses = _statuses(html)
    assert len(statuses) == 10 and set(statuses.values()) == {"Not started"}

    # A grade with no evidence yet, saved as a draft: kept, and the section is in progress.
    response = _section(pages, task_list, "principle-1", {"grade-1": "good"}, save="draft")
    assert response.status_code == 302
    html = pages.get(task_list).get_data(as_text=True)
    assert _statuses(html)["1. Put children and young people first"] == "In progress"
    assert "You have completed 0 of 9 sections" in html
    section = pages.get(f"{task_list}/principle-1").get_data(as_text=True)
    assert 'value="good" checked' in section

    # "Save and continue" checks the section: an error summary, what was typed kept.
    response = _section(pages, task_list, "principle-1",
                        {"grade-1": "good", "evidence-1": ""})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "govuk-error-summary" in body
    assert "Enter the evidence for your grade for principle 1" in body
    assert 'value="good" checked' in body

    # Nobody else sees a draft: not the worker, not in their list, not waiting for them.
    audit_id = int(task_list.rsplit("/", 2)[-2])
    worker_pages = _client(app, worker)
    assert worker_pages.get(f"/audits/{audit_id}").status_code == 404
    assert f'data-audit="{audit_id}"' not in worker_pages.get("/audits").get_data(as_text=True)
    assert "waiting for your response" not in worker_pages.get("/cases").get_data(as_text=True)


def test_submitting_lists_what_is_missing_then_sends_the_complete_audit(
    app: Flask, make_user, make_case
):
    pages, worker, _case, task_list = _start(app, make_user, make_case)
    _section(pages, task_list, "principle-2", {"grade-2": "good"}, save="draft")
    response = pages.submit(f"{task_list}/submit", {}, form_url=task_list)
    assert response.status_code == 400
    body = unescape(response.get_data(as_text=True))
    summary = body.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    assert "Choose a grade for principle 1" in summary
    assert "Enter the evidence for your grade for principle 2" in summary
    assert "Choose a grade for principle 2" not in summary
    assert "Enter your findings" in summary
    assert f'href="{task_list}/principle-1"' in summary
    assert f'href="{task_list}/findings"' in summary
    with app.app_context():
        assert db.session.scalars(select(CaseAudit.status)).one() == "draft"

    for p in PRINCIPLES:
        keys = (f"grade-{p.number}", f"evidence-{p.number}")
        response = _section(pages, task_list, f"principle-{p.number}", {k: FULL[k] for k in keys})
        assert response.status_code == 302
    findings = {"findings": FULL["findings"]}
    assert _section(pages, task_list, "findings", findings).status_code == 302
    actions = {k: v for k, v in FULL.items() if k.startswith("action-0")}
    assert _section(pages, task_list, "actions", actions).status_code == 302
    html = pages.get(task_list).get_data(as_text=True)
    assert set(_statuses(html).values()) == {"Completed"}

    response = pages.submit(f"{task_list}/submit", {}, form_url=task_list)
    assert response.status_code == 302
    with app.app_context():
        record = db.session.scalars(select(CaseAudit)).one()
        assert record.status == "graded" and record.worker_id == worker.id
        assert [g.grade for g in record.grades][6] == "requires_improvement"
        assert [a.text for a in record.actions] == [FULL["action-0-text"]]
        events = set(db.session.scalars(select(AccessEvent.action)))
        assert {"case_audit_drafted", "case_audit_graded"} <= events
    worker_pages = _client(app, worker)
    assert "1 case audit waiting for your response" in worker_pages.get("/cases").get_data(
        as_text=True
    )


def test_starting_again_goes_back_to_the_same_draft(app: Flask, make_user, make_case):
    pages, _worker, case, task_list = _start(app, make_user, make_case)
    start = pages.get(f"/cases/{case.id}/audits/new").get_data(as_text=True)
    assert "Continue your draft audit" in start
    again = pages.submit(f"/cases/{case.id}/audits/draft", {},
                         form_url=f"/cases/{case.id}/audits/new")
    assert again.headers["Location"] == task_list
    with app.app_context():
        assert len(db.session.scalars(select(CaseAudit)).all()) == 1


def test_a_section_that_does_not_exist_is_a_404(app: Flask, make_user, make_case):
    pages, _worker, _case, task_list = _start(app, make_user, make_case)
    for key in ("principle-9", "principle-²", "principle-", "summary"):
        assert pages.get(f"{task_list}/{key}").status_code == 404, key
