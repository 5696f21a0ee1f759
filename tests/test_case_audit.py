"""Case audit: a manager grades a case against the eight principles, the worker responds, a
second manager moderates, and the audit shows in the list by status."""

from __future__ import annotations

from html import unescape
from typing import Any

from flask import Flask
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, CaseAudit, RecordVersion
from parent_partners.principles import PRINCIPLES
from tests.conftest import PageClient


def grading_form(**overrides: str) -> dict[str, str]:
    data: dict[str, str] = {}
    for p in PRINCIPLES:
        data[f"grade-{p.number}"] = "good"
        data[f"evidence-{p.number}"] = f"Evidence for principle {p.number} in the record."
    data["grade-7"] = "requires_improvement"
    data["findings"] = "Mum's knowledge is used well; the child's view is not always recorded."
    data.update(
        {
            "action-0-text": "Record Amira's view before the next strategy meeting.",
            "action-0-due-day": "15",
            "action-0-due-month": "12",
            "action-0-due-year": "2026",
        }
    )
    data.update(overrides)
    return data


def grade_through_pages(pages: PageClient, case_id: int, form: dict[str, str]) -> Any:
    """Grade a case as a manager does on the pages: start the draft, save each section of
    the task list, submit. Returns the answer to starting (if refused) or to submitting."""
    start = pages.submit(f"/cases/{case_id}/audits/draft", {},
                         form_url=f"/cases/{case_id}/audits/new")
    if start.status_code != 302:
        return start
    task_list = start.headers["Location"]
    sections: dict[str, dict[str, str]] = {
        f"principle-{p.number}": {
            key: form[key] for key in (f"grade-{p.number}", f"evidence-{p.number}")
        }
        for p in PRINCIPLES
    }
    sections["findings"] = {"findings": form["findings"]}
    sections["actions"] = {k: v for k, v in form.items() if k.startswith("action-")}
    for key, data in sections.items():
        saved = pages.submit(f"{task_list}/{key}", {**data, "save": "draft"})
        assert saved.status_code == 302, saved.get_data(as_text=True)[-1500:]
    return pages.submit(f"{task_list}/submit", {}, form_url=task_list)


def _version(app: Flask) -> str:
    """The version of the one audit, as a page's form carries it."""
    with app.app_context():
        return str(db.session.scalars(select(CaseAudit)).one().version)


def _client(app: Flask, user) -> PageClient:
    client = PageClient(app.test_client())
    client.sign_in(user)
    return client


def test_grade_respond_moderate_and_list(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    auditor = make_user("manager")
    moderator = make_user("manager")
    case = make_case(worker)

    manager_pages = _client(app, auditor)
    page = manager_pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert f"/cases/{case.id}/audits/new" in page
    form = manager_pages.get(f"/cases/{case.id}/audits/new").get_data(as_text=True)
    for p in PRINCIPLES:
        assert unescape(p.prompt) in unescape(form)  # a reflective prompt per principle
    response = grade_through_pages(manager_pages, case.id, grading_form())
    assert response.status_code == 302
    audit_url = response.headers["Location"]
    with app.app_context():
        record = db.session.scalars(select(CaseAudit)).one()
        assert record.status == "graded" and record.worker_id == worker.id
        assert [g.grade for g in record.grades][6] == "requires_improvement"
        assert len(record.actions) == 1
        audit_id = record.id
    listing = manager_pages.get("/audits?status=graded").get_data(as_text=True)
    assert f'data-audit="{audit_id}"' in listing

    # The worker responds; nobody else can.
    assert manager_pages.get(f"/audits/{audit_id}/respond").status_code == 403
    worker_pages = _client(app, worker)
    mine = worker_pages.get("/audits").get_data(as_text=True)
    assert f'data-audit="{audit_id}"' in mine
    assert "Respond to this audit" in worker_pages.get(audit_url).get_data(as_text=True)
    with app.app_context():
        action_id = db.session.scalars(select(CaseAudit)).one().actions[0].id
    response = worker_pages.submit(
        f"/audits/{audit_id}/respond",
        {"response": "I have asked Amira and recorded her words.", "done": str(action_id),
         "version": _version(app)},
    )
    assert response.status_code == 302
    assert worker_pages.get(f"/audits/{audit_id}/moderate").status_code == 403

    # The auditor cannot moderate their own audit; a second manager can.
    assert manager_pages.get(f"/audits/{audit_id}/moderate").status_code == 403
    moderator_pages = _client(app, moderator)
    with app.app_context():
        version = db.session.scalars(select(CaseAudit)).one().version
    response = moderator_pages.submit(
        f"/audits/{audit_id}/moderate",
        {
            "agrees": "no",
            "moderated-7": "good",
            "reason-7": "Mum was invited to every meeting and her view shaped the plan.",
            "note": "A careful audit.",
            "version": str(version),
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    with app.app_context():
        record = db.session.scalars(select(CaseAudit)).one()
        assert record.status == "moderated" and record.moderator_id == moderator.id
        assert record.moderation_agrees is False
        seventh = record.grades[6]
        assert seventh.grade == "requires_improvement" and seventh.moderated_grade == "good"
        assert record.actions[0].done
        actions = [e.action for e in db.session.scalars(select(AccessEvent))]
        assert {"case_audit_graded", "case_audit_responded", "case_audit_moderated"} <= set(
            actions
        )
        versions = db.session.scalars(
            select(RecordVersion).where(RecordVersion.record_type == "case_audit")
        ).all()
        assert len(versions) == 2  # the response and the moderation each kept the old values
    page = unescape(moderator_pages.get(f"/audits/{audit_id}").get_data(as_text=True))
    assert "recorded different grades" in page and "Mum was invited" in page
    listing = moderator_pages.get("/audits?status=moderated").get_data(as_text=True)
    assert f'data-audit="{audit_id}"' in listing
    assert f'data-audit="{audit_id}"' not in moderator_pages.get("/audits?status=graded").get_data(
        as_text=True
    )
    report = unescape(moderator_pages.get(f"/audits/{audit_id}/print").get_data(as_text=True))
    assert "Case audit report" in report
    for p in PRINCIPLES:
        assert p.name in report


def test_submitting_needs_every_grade_and_evidence(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages = _client(app, make_user("manager"))
    form = grading_form(**{"grade-3": "", "evidence-5": "  "})
    response = grade_through_pages(pages, case.id, form)
    assert response.status_code == 400
    html = unescape(response.get_data(as_text=True))
    assert "There is a problem" in html
    assert "Choose a grade for principle 3" in html
    assert "Enter the evidence for your grade for principle 5" in html
    with app.app_context():
        assert db.session.scalars(select(CaseAudit.status)).one() == "draft"


def test_an_action_needs_a_real_due_date(app: Flask, make_user, make_case):
    case = make_case(make_user("practitioner"))
    pages = _client(app, make_user("manager"))
    start = pages.submit(f"/cases/{case.id}/audits/draft", {},
                         form_url=f"/cases/{case.id}/audits/new")
    actions = {k: v for k, v in grading_form(**{"action-0-due-day": "45"}).items()
               if k.startswith("action-")}
    response = pages.submit(f"{start.headers['Location']}/actions", actions)
    assert response.status_code == 400
    html = unescape(response.get_data(as_text=True))
    assert "Enter a real due date for action 1" in html
    assert "Record Amira&#39;s view" in response.get_data(as_text=True)  # what was typed is kept


def test_the_one_form_grading_is_gone(app: Flask, make_user, make_case):
    case = make_case(make_user("practitioner"))
    pages = _client(app, make_user("manager"))
    response = pages.submit(f"/cases/{case.id}/audits/new", grading_form())
    assert response.status_code == 405
    with app.app_context():
        assert db.session.scalars(select(CaseAudit)).first() is None


def test_moderating_differently_needs_a_grade_and_a_reason(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    auditor = _client(app, make_user("manager"))
    grade_through_pages(auditor, case.id, grading_form())
    with app.app_context():
        audit_id = db.session.scalars(select(CaseAudit)).one().id
    _client(app, worker).submit(
        f"/audits/{audit_id}/respond", {"response": "Done.", "version": _version(app)}
    )
    principal = _client(app, make_user("principal", team=None))
    response = principal.submit(f"/audits/{audit_id}/moderate",
                                {"agrees": "no", "version": _version(app)})
    assert "Record at least one principle" in unescape(response.get_data(as_text=True))
    response = principal.submit(
        f"/audits/{audit_id}/moderate", {"agrees": "no", "moderated-2": "outstanding",
                                          "version": _version(app)}
    )
    assert "Give the reason for your grade for principle 2" in unescape(
        response.get_data(as_text=True)
    )
    response = principal.submit(f"/audits/{audit_id}/moderate",
                                {"agrees": "yes", "version": _version(app)})
    assert response.status_code == 302
    with app.app_context():
        record = db.session.scalars(select(CaseAudit)).one()
        assert record.status == "moderated" and record.moderation_agrees is True
        assert all(g.moderated_grade is None for g in record.grades)


def test_who_may_audit_and_see_audits(app: Flask, make_user, make_case):
    worker = make_user("practitioner", team="North Team")
    other_worker = make_user("practitioner", team="North Team")
    case = make_case(worker)
    north_manager = _client(app, make_user("manager", team="North Team"))
    grade_through_pages(north_manager, case.id, grading_form())
    with app.app_context():
        audit_id = db.session.scalars(select(CaseAudit)).one().id
    # Practitioners cannot grade; managers of another team cannot see the case or the audit.
    practitioner = _client(app, worker)
    assert practitioner.get(f"/cases/{case.id}/audits/new").status_code == 403
    south_manager = _client(app, make_user("manager", team="South Team"))
    assert south_manager.get(f"/cases/{case.id}/audits/new").status_code == 404
    assert south_manager.get(f"/audits/{audit_id}").status_code == 404
    assert f'data-audit="{audit_id}"' not in south_manager.get("/audits").get_data(as_text=True)
    assert south_manager.get(f"/audits/{audit_id}/moderate").status_code == 404
    # Another practitioner of the team does not see an audit of someone else's case.
    colleague = _client(app, other_worker)
    assert colleague.get(f"/audits/{audit_id}").status_code == 404
    # Principals read every audit but do not grade.
    principal = _client(app, make_user("principal", team=None))
    assert principal.get(f"/audits/{audit_id}").status_code == 200
    assert principal.get(f"/cases/{case.id}/audits/new").status_code == 403
    admin = _client(app, make_user("admin", team=None))
    assert admin.get("/audits").status_code == 403


def test_nobody_grades_or_moderates_the_audit_of_their_own_case(
    app: Flask, make_user, make_case
):
    own = make_user("manager")  # a manager who also holds a case
    other = make_user("manager")
    case = make_case(own)
    own_pages, other_pages = _client(app, own), _client(app, other)

    refused = grade_through_pages(own_pages, case.id, grading_form())
    assert refused.status_code == 403
    assert "cannot grade the audit of a case allocated to you" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(CaseAudit)) == 0

    graded = grade_through_pages(other_pages, case.id, grading_form())
    assert graded.status_code == 302
    with app.app_context():
        audit_id = db.session.scalars(select(CaseAudit)).one().id
    assert own_pages.submit(f"/audits/{audit_id}/respond",
                            {"response": "Done.", "version": _version(app)}).status_code == 302

    for pages, message in ((own_pages, "cannot moderate the audit of a case allocated to you"),
                           (other_pages, "You graded this audit")):
        response = pages.submit(f"/audits/{audit_id}/moderate",
                                {"agrees": "yes", "version": _version(app)})
        assert response.status_code == 403
        assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(CaseAudit, audit_id).status == "responded"
    principal = _client(app, make_user("principal", team=None))
    done = principal.submit(f"/audits/{audit_id}/moderate",
                            {"agrees": "yes", "version": _version(app)})
    assert done.status_code == 302
