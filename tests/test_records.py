"""Parents and carers, involvements and consultations: recording, editing, versions."""

from __future__ import annotations

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Carer, Consultation, Involvement, RecordVersion
from tests.conftest import carer_ids, involvement_form


def test_add_a_carer_who_is_not_safe_to_involve_needs_a_reason(pages, make_user, make_case, app):
    worker = make_user("practitioner")
    case = make_case(worker, carers=())
    pages.sign_in(worker)
    url = f"/cases/{case.id}/carers/new"
    data = {
        "name": "Dean Price",
        "relationship": "step_parent",
        "parental_responsibility": "no",
        "safe_to_involve": "no",
        "safe_reason": "",
        "version": "1",
    }
    body = pages.submit(url, data).get_data(as_text=True)
    assert "Enter the reason it is not safe to involve them" in body
    assert "Enter the date to review the decision" in body
    data.update(
        safe_reason="Police intelligence links him to the adults exploiting Tyrese.",
        safe_review_on=["1", "3", "2027"],
    )
    assert pages.submit(url, data).status_code == 302
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Dean Price" in page and "Not at present" in page and "Police intelligence" in page
    assert "Review by 1 March 2027" in page


def test_log_an_involvement_and_see_it_on_the_timeline(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    response = pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers))
    assert response.status_code == 302
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "10 November 2026" in page and "Home visit with Leila Hassan" in page
    assert "I just want her home safe." in page
    with app.app_context():
        involvement = db.session.scalar(db.select(Involvement))
        assert [c.id for c in involvement.carers] == carers
        assert involvement.recorded_by_id == worker.id


def test_invalid_involvement_keeps_the_notes(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    data = involvement_form(
        carer_ids(app, case),
        partnership_level="",
        shares_child_information="yes",
        notes="Long careful notes that must not be lost.",
    )
    response = pages.submit(f"/cases/{case.id}/involvements/new", data)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Select how far the partnership reached" in body and "Enter what was shared" in body
    assert "Long careful notes that must not be lost." in body
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Involvement.id))) == 0


def test_cannot_involve_a_carer_from_another_case(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    other = make_case(worker, child_name="Another Child", carers=("Someone Else",))
    pages.sign_in(worker)
    response = pages.submit(
        f"/cases/{case.id}/involvements/new", involvement_form(carer_ids(app, other))
    )
    assert response.status_code == 200
    assert "is not one of the choices" in response.get_data(as_text=True)


def test_record_a_consultation_in_the_childs_words(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    data = {
        "date": ["9", "11", "2026"],
        "carer_ids": [str(c) for c in carer_ids(app, case)],
        "child_asked": "yes",
        "child_view": "Mum can know, but not about the photos.",
        "child_wish": "agrees_with_conditions",
        "influence": "We will not share the images.",
        "decision": "proceed",
        "child_told_outcome": "yes",
        "version": "1",
    }
    assert pages.submit(f"/cases/{case.id}/consultations/new", data).status_code == 302
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Mum can know, but not about the photos." in page and "Agrees, with conditions" in page


def test_consultation_not_asked_needs_a_reason(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    data = {
        "date": ["9", "11", "2026"],
        "carer_ids": [str(c) for c in carer_ids(app, case)],
        "child_asked": "no",
        "child_told_outcome": "no",
        "version": "1",
    }
    body = pages.submit(f"/cases/{case.id}/consultations/new", data).get_data(as_text=True)
    assert "Select why the child was not asked" in body
    data.update(not_asked_reason="too_young")
    body = pages.submit(f"/cases/{case.id}/consultations/new", data).get_data(as_text=True)
    assert "Enter the child&#39;s age and understanding" in body
    data.update(not_asked_detail="Aged 4; cannot yet weigh this up.")
    assert pages.submit(f"/cases/{case.id}/consultations/new", data).status_code == 302
    with app.app_context():
        consultation = db.session.scalar(db.select(Consultation))
        assert consultation.child_asked is False and consultation.not_asked_reason == "too_young"


def test_edit_keeps_the_earlier_version(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers))
    with app.app_context():
        involvement_id = db.session.scalar(db.select(Involvement.id))
    url = f"/cases/{case.id}/involvements/{involvement_id}/edit"
    assert "Talked through the safety plan together." in pages.get(url).get_data(as_text=True)
    response = pages.submit(url, involvement_form(carers, notes="Agreed a safety plan with mum."))
    assert response.status_code == 302
    with app.app_context():
        involvement = db.session.get(Involvement, involvement_id)
        assert involvement.notes == "Agreed a safety plan with mum." and involvement.version == 2
        version = db.session.scalar(db.select(RecordVersion))
        assert version.changed_by_id == worker.id
        assert version.changes["notes"] == {
            "old": "Talked through the safety plan together.",
            "new": "Agreed a safety plan with mum.",
        }


def test_second_of_two_simultaneous_edits_is_refused_and_the_first_survives(
    pages, make_user, make_case, app: Flask
):
    first_worker = make_user("practitioner")
    case = make_case(first_worker)
    pages.sign_in(first_worker)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers))
    with app.app_context():
        involvement_id = db.session.scalar(db.select(Involvement.id))
    url = f"/cases/{case.id}/involvements/{involvement_id}/edit"

    from tests.conftest import PageClient

    second = PageClient(app.test_client())
    second.sign_in(make_user("practitioner"))
    # Both open the form at version 1 ...
    first_token, second_token = pages.csrf_token(url), second.csrf_token(url)
    first = pages.client.post(
        url, data={**involvement_form(carers, notes="First save."), "csrf_token": first_token}
    )
    assert first.status_code == 302
    # ... the second save, based on version 1, must not overwrite the first.
    refused = second.client.post(
        url, data={**involvement_form(carers, notes="Second save."), "csrf_token": second_token}
    )
    body = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert "Someone else saved changes to this record" in body
    assert "Second save." in body  # nothing typed is lost
    with app.app_context():
        assert db.session.get(Involvement, involvement_id).notes == "First save."


def test_stale_carer_edit_is_refused(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carer_id = carer_ids(app, case)[0]
    url = f"/cases/{case.id}/carers/{carer_id}/edit"
    data = {
        "name": "Leila Hassan-Ali",
        "relationship": "mother",
        "parental_responsibility": "yes",
        "safe_to_involve": "yes",
        "version": "1",
    }
    assert pages.submit(url, data).status_code == 302
    assert pages.submit(url, {**data, "name": "Stale Name"}).status_code == 409
    with app.app_context():
        assert db.session.get(Carer, carer_id).name == "Leila Hassan-Ali"


def test_records_cannot_be_deleted(app: Flask):
    # api.unknown only answers other methods under /api/v1 with a 404 or 405 problem.
    methods = {
        m
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "partners.api.unknown"
        for m in rule.methods or ()
    }
    assert "DELETE" not in methods
