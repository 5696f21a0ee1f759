"""Feedback from children, parents and carers: recorded on the case with a scale per statement
and "rather not say", never checked for blame, audited, versioned and in the subject access
export."""

from __future__ import annotations

import json

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Feedback, Flag, RecordVersion
from parent_partners.principles import CARER_QUESTIONS, CHILD_QUESTIONS, PRINCIPLES
from tests.conftest import PageClient, carer_ids
from tests.feedback_support import child_form
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")


def test_every_principle_is_asked_in_childrens_words():
    assert [q.principle for q in CHILD_QUESTIONS] == [p.number for p in PRINCIPLES]
    assert [q.text for q in CHILD_QUESTIONS] == [p.feels for p in PRINCIPLES]
    assert all(len(p.feels) > 80 for p in PRINCIPLES)
    # Parents and carers are asked above all about partnership (principle 7).
    assert [q.principle for q in CARER_QUESTIONS].count(7) >= 2


def test_a_practitioner_records_a_childs_feedback_and_it_shows_on_the_case(
    app: Flask, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker, child_name="Amira Hassan")
    page = PageClient(app.test_client())
    page.sign_in(worker)
    form_url = f"/cases/{case.id}/feedback/new?from=child"
    form_page = page.get(form_url).get_data(as_text=True)
    assert "I feel heard, acknowledged, and validated" in form_page
    assert "I&#39;d rather not say" in form_page or "I’d rather not say" in form_page

    # Nothing chosen for one statement: the error names it, and nothing is saved.
    missing = child_form()
    del missing["p5"]
    refused = page.submit(form_url, missing)
    assert refused.status_code == 200
    assert "Select how true statement 5 is for them" in refused.get_data(as_text=True)

    # Own words that would be flagged in a practitioner's notes are the child's voice.
    words = "I was putting myself at risk, I know, but she never made me feel it was my fault."
    saved = page.submit(form_url, child_form(own_words=words))
    assert saved.status_code == 302 and saved.headers["Location"].endswith("#feedback")
    shown = page.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "How the work feels to them (1)" in shown
    assert "I was putting myself at risk" in shown
    assert "Mostly true" in shown and "rather not say" in shown
    with app.app_context():
        feedback = db.session.scalars(db.select(Feedback)).one()
        assert feedback.answers["p2"] is None and feedback.answers["p1"] == 3
        assert feedback.share_beyond_case is True
        flagged = db.session.scalars(db.select(Flag.kind).where(Flag.case_id == case.id)).all()
        assert "child_blame" not in flagged
        actions = db.session.scalars(
            db.select(AccessEvent.action).where(AccessEvent.case_id == case.id)
        ).all()
        assert "feedback_recorded" in actions


def test_a_parents_feedback_asks_the_partnership_questions(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker, carers=("Leila Hassan",))
    page = PageClient(app.test_client())
    page.sign_in(worker)
    url = f"/cases/{case.id}/feedback/new?from=carer"
    assert "I was treated as a partner" in page.get(url).get_data(as_text=True)
    data = {q.key: "2" for q in CARER_QUESTIONS}
    data.update(date=["1", "11", "2026"], carer_id=str(carer_ids(app, case)[0]),
                own_words="", share_beyond_case="no", version="1")
    assert page.submit(url, data).status_code == 302
    shown = page.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Leila Hassan, <time" in shown and "A little true" in shown


def test_feedback_edits_keep_the_earlier_version_and_reach_the_subject_access_export(
    app: Flask, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker, child_name="Tyrese Walker")
    page = PageClient(app.test_client())
    page.sign_in(worker)
    page.submit(f"/cases/{case.id}/feedback/new?from=child", child_form(own_words="First."))
    with app.app_context():
        feedback_id = db.session.scalar(db.select(Feedback.id))
    edit = f"/cases/{case.id}/feedback/{feedback_id}/edit"
    assert 'value="3" checked' in page.get(edit).get_data(as_text=True)
    assert page.submit(edit, child_form(own_words="Changed.", p1="4")).status_code == 302
    # A second save from the same old version is refused, not written over.
    stale = page.submit(edit, child_form(own_words="Stale.", version="1"))
    assert stale.status_code == 409
    with app.app_context():
        version = db.session.scalars(
            db.select(RecordVersion).where(RecordVersion.record_type == "feedback")
        ).one()
        assert version.changes["own_words"] == {"old": "First.", "new": "Changed."}

    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    document = json.loads(manager.get(f"/cases/{case.id}/subject-access.json").get_data(
        as_text=True))
    assert document["records"]["feedback"][0]["own_words"] == "Changed."
    assert any(v["record_type"] == "feedback" for v in document["records"]["record_versions"])
    actions = {e["action"] for e in document["records"]["access_events"]}
    assert {"feedback_recorded", "feedback_edited"} <= actions


def test_only_the_cases_own_team_records_feedback(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    stranger = PageClient(app.test_client())
    stranger.sign_in(make_user("practitioner", team="South Team"))
    assert stranger.get(f"/cases/{case.id}/feedback/new?from=child").status_code == 404
    principal = PageClient(app.test_client())
    principal.sign_in(make_user("principal"))
    assert principal.get(f"/cases/{case.id}/feedback/new?from=child").status_code == 403
    assert "Record the child" not in principal.get(f"/cases/{case.id}").get_data(as_text=True)
