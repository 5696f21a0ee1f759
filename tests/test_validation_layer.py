"""One set of record rules (``operations/validation.py``) behind the pages, the API and the
import: the same invalid record is refused by each, with the same words, and nothing saved."""

from __future__ import annotations

from datetime import date, timedelta
from html import unescape

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Case, Consultation, Involvement
from tests.api_support import api_for, cli
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.test_import import write
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

BORN_AFTER_OPENING = "The case cannot be opened before the child was born"
BEFORE_OPENING = "The date cannot be before the case was opened"
BEFORE_BIRTH = "The date cannot be before the child was born"
FUTURE = "The date must be today or in the past"


def _count(app: Flask, model: type) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model)) or 0


def test_a_case_opened_before_the_child_was_born_is_refused_by_form_api_and_import(
    app: Flask, make_user, tmp_path
):
    worker = make_user("practitioner")
    pages = PageClient(app.test_client())
    pages.sign_in(worker)
    page = pages.submit("/cases/new", {
        "child_name": "Nia Evans", "child_dob": ["1", "6", "2015"], "gender": "girl",
        "ethnicity": "not_recorded", "harm_types": ["cce"], "worker_id": str(worker.id),
        "opened_on": ["1", "5", "2015"],
    })
    assert page.status_code == 200
    assert BORN_AFTER_OPENING in unescape(page.get_data(as_text=True))

    api = api_for(app, worker.email)
    response = api.post("/api/v1/cases", {"child_name": "Nia Evans", "child_dob": "2015-06-01",
                                          "opened_on": "2015-05-01"})
    assert response.status_code == 422
    assert [(e["field"], e["message"]) for e in response.get_json()["errors"]] == [
        ("opened_on", BORN_AFTER_OPENING)]

    export = write(tmp_path, f"IMP-1,Nia Evans,2015-06-01,girl,,cce,online,North Team,"
                             f"{worker.email},2015-05-01,,,")
    result = cli(app, "import-cases", export)
    assert result.exit_code != 0
    assert f"opened_on: {BORN_AFTER_OPENING}" in result.output
    assert _count(app, Case) == 0


def test_records_dated_in_the_future_or_before_the_case_are_refused_by_form_and_api(
    app: Flask, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker)  # the child was born 2011-05-14; the case opened 2026-06-01
    carers = carer_ids(app, case)
    pages = PageClient(app.test_client())
    pages.sign_in(worker)
    api = api_for(app, worker.email)
    tomorrow = date.today() + timedelta(days=1)
    for when, message in ((tomorrow, FUTURE), (date(2026, 5, 1), BEFORE_OPENING),
                          (date(2010, 1, 1), BEFORE_BIRTH)):
        form = pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(
            carers, date=[str(when.day), str(when.month), str(when.year)]))
        assert form.status_code == 200, when
        text = unescape(form.get_data(as_text=True))
        assert message in text or (message == FUTURE and "must be today or in the past" in text)
        response = api.post(f"/api/v1/cases/{case.id}/involvements", {
            "carer_ids": carers, "date": when.isoformat(), "kind": "home_visit",
            "partnership_level": "consulted"})
        assert response.status_code == 422, when
        assert ("date", message) in [(e["field"], e["message"])
                                     for e in response.get_json()["errors"]]
        consultation = api.post(f"/api/v1/cases/{case.id}/consultations", {
            "carer_ids": carers, "date": when.isoformat(), "child_view": "Fine.",
            "child_wish": "agrees"})
        assert consultation.status_code == 422, when
    assert _count(app, Involvement) == 0 and _count(app, Consultation) == 0
