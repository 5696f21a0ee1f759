"""A form sent twice (Back then Save, a double click, a retry) saves once and lands on the
saved record; an API POST retried with the same Idempotency-Key is answered, not redone."""

from __future__ import annotations

import os
import re

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Case, Involvement
from tests.api_support import api_for, new_carer, new_case, sharing_involvement
from tests.conftest import CSRF_INPUT, PageClient, carer_ids, involvement_form
from tests.test_concurrency import _together
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")
KEY = re.compile(r'name="idempotency_key"[^>]*value="([^"]+)"')


def _form_keys(pages: PageClient, url: str) -> dict[str, str]:
    page = pages.get(url).get_data(as_text=True)
    key, token = KEY.search(page), CSRF_INPUT.search(page)
    assert key and token, "the form carries its idempotency key"
    return {"idempotency_key": key.group(1), "csrf_token": token.group(1)}


def _involvements(app: Flask) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(Involvement)) or 0


def test_the_same_form_sent_twice_saves_once_and_lands_on_the_record(
    app: Flask, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages = PageClient(app.test_client())
    pages.sign_in(worker)
    url = f"/cases/{case.id}/involvements/new"
    form = {**involvement_form(carer_ids(app, case)), **_form_keys(pages, url)}
    first = pages.client.post(url, data=form)
    again = pages.client.post(url, data=form)  # Back, then Save again
    assert first.status_code == again.status_code == 302
    assert again.headers["Location"] == first.headers["Location"]
    assert _involvements(app) == 1
    landed = pages.get(again.headers["Location"]).get_data(as_text=True)
    assert "You had already saved this" in landed


def test_a_refused_form_corrected_and_sent_with_its_key_saves(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages = PageClient(app.test_client())
    pages.sign_in(worker)
    url = f"/cases/{case.id}/involvements/new"
    keys = _form_keys(pages, url)
    carers = carer_ids(app, case)
    refused = pages.client.post(url, data={**involvement_form(carers, kind=""), **keys})
    assert refused.status_code == 200 and _involvements(app) == 0
    assert keys["idempotency_key"] in refused.get_data(as_text=True)  # the same key, kept
    saved = pages.client.post(url, data={**involvement_form(carers), **keys})
    assert saved.status_code == 302 and _involvements(app) == 1


def test_an_api_post_retried_with_its_key_is_answered_not_redone(app: Flask, make_user):
    api = api_for(app, make_user("practitioner").email)
    case = new_case(api)
    carer = new_carer(api, case["id"])
    url = f"/api/v1/cases/{case['id']}/involvements"
    body = sharing_involvement([carer["id"]])
    headers = {"Idempotency-Key": "retry-0001-abcdef"}
    first = api.post(url, body, headers=headers)
    again = api.post(url, body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.get_json() == first.get_json()
    assert _involvements(app) == 1
    other = api.post(url, {**body, "notes": "Something else."}, headers=headers)
    assert other.status_code == 422
    assert api.post(url, body, headers={"Idempotency-Key": "bad key!"}).status_code == 400
    once = {"Idempotency-Key": "case-1-xyz"}
    cases = api.post("/api/v1/cases", {"child_name": "Once"}, headers=once)
    repeat = api.post("/api/v1/cases", {"child_name": "Once"}, headers=once)
    assert cases.status_code == repeat.status_code == 201
    with app.app_context():
        assert db.session.scalar(
            db.select(db.func.count()).select_from(Case).where(Case.child_name == "Once")
        ) == 1


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="real concurrency needs PostgreSQL (TEST_DATABASE_URL)",
)
@pytest.mark.commits  # each thread takes a connection of its own
def test_a_double_click_sends_two_at_once_and_one_is_saved(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    carers = carer_ids(app, case)
    pages = PageClient(app.test_client())
    pages.sign_in(worker)
    url = f"/cases/{case.id}/involvements/new"
    for attempt in range(3):
        form = {**involvement_form(carers, notes=f"Click {attempt}."), **_form_keys(pages, url)}
        results = _together(
            lambda f=form: pages.client.post(url, data=f),
            lambda f=form: pages.client.post(url, data=f),
        )
        assert [r.status_code for r in results] == [302, 302]
        assert _involvements(app) == attempt + 1
