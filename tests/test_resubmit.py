"""A form that could not be saved (a stale token) is offered again with everything typed."""

from __future__ import annotations

import html
import re

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Involvement
from tests.conftest import CSRF_INPUT, carer_ids, involvement_form

LONG_NOTE = (
    "Spent an hour with mum going through what Amira has told us about the flat on Dale Road; "
    "mum drew a map of the places Amira mentions & we agreed she rings me first."
)


def test_a_stale_token_keeps_the_note_and_saves_once_confirmed(
    pages, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    url = f"/cases/{case.id}/involvements/new"
    data = involvement_form(carer_ids(app, case), notes=LONG_NOTE)

    refused = pages.client.post(url, data={**data, "csrf_token": "stale-token"})
    body = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Your form was not saved yet" in body
    assert html.escape(LONG_NOTE) in body  # shown, so the person sees what will be saved
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Involvement.id))) == 0

    # The page's own form carries every field and a fresh token: "Save it now" saves it.
    form = re.search(r'<form id="resubmit" method="post" action="([^"]+)".*?</form>', body, re.S)
    action = form.group(1)
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form.group(0))
    resent: dict[str, list[str]] = {}
    for name, value in fields:
        resent.setdefault(name, []).append(html.unescape(value))
    assert resent["csrf_token"] == [CSRF_INPUT.search(form.group(0)).group(1)]
    saved = pages.client.post(action, data=resent)
    assert saved.status_code == 302
    with app.app_context():
        notes = db.session.scalars(db.select(Involvement.notes)).all()
    assert notes == [LONG_NOTE]


def test_a_refused_request_with_no_form_stays_a_plain_refusal(pages, make_user, app: Flask):
    worker = make_user("practitioner")
    pages.sign_in(worker)
    refused = pages.client.post("/logout")
    assert refused.status_code == 400
    assert "Your form was not saved yet" not in refused.get_data(as_text=True)


def test_a_sign_in_refused_for_its_token_never_echoes_the_password(pages, make_user):
    worker = make_user("practitioner")
    refused = pages.client.post(
        "/login", data={"email": worker.email, "password": "correct horse battery staple"}
    )
    body = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "There is a problem with your request" in body
    assert "correct horse" not in body
