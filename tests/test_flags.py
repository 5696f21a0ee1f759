"""Checks become flags on save; fixing the record resolves them; dismiss and reopen."""

from __future__ import annotations

import re

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Flag
from tests.conftest import PageClient, carer_ids, involvement_form

BLAMING_NOTE = "Amira keeps putting herself at risk by going to the flat."
REWORDED_NOTE = "Adults at the flat are targeting Amira; we are working on a safety plan."


def consultation_form(carers: list[int], **overrides):
    data = {
        "date": ["1", "11", "2026"],
        "carer_ids": [str(c) for c in carers],
        "child_asked": "yes",
        "child_view": "Mum can know about the plan.",
        "child_wish": "agrees",
        "decision": "proceed",
        "child_told_outcome": "yes",
        "version": "1",
    }
    data.update(overrides)
    return data


def flags(app: Flask, **where) -> list[Flag]:
    with app.app_context():
        query = db.select(Flag).filter_by(**where).order_by(Flag.id)
        found = list(db.session.scalars(query))
        db.session.expunge_all()
        return found


def sharing_involvement(carers, **overrides):
    return involvement_form(
        carers,
        shares_child_information="yes",
        shared_what="The safety plan and the places of concern.",
        shared_why="So mum can help keep Amira safe at weekends.",
        **overrides,
    )


def test_sharing_without_consultation_is_flagged_and_resolved_by_consulting(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", sharing_involvement(carers))
    [flag] = flags(app, kind="child_not_consulted")
    assert flag.status == "open" and flag.carer_id == carers[0]
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Child not consulted" in page and "Open flags (1)" in page

    pages.submit(f"/cases/{case.id}/consultations/new", consultation_form(carers))
    [flag] = flags(app, kind="child_not_consulted")
    assert flag.status == "resolved"
    assert "Open flags (0)" in pages.get(f"/cases/{case.id}").get_data(as_text=True)


def test_overriding_a_child_who_disagreed_without_a_reason_is_flagged(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(
        f"/cases/{case.id}/consultations/new",
        consultation_form(
            carers,
            child_view="I don't want dad told anything.",
            child_wish="does_not_agree",
            child_told_outcome="no",
        ),
    )
    pages.submit(f"/cases/{case.id}/involvements/new", sharing_involvement(carers))
    overridden = flags(app, kind="child_view_overridden")
    assert [f.status for f in overridden] == ["open"]
    assert flags(app, kind="child_not_consulted") == []


def test_blaming_notes_are_flagged_with_words_suggestion_and_source(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, notes=BLAMING_NOTE))
    [flag] = flags(app, kind="child_blame")
    assert flag.field == "notes" and "putting herself at risk" in flag.matched
    assert BLAMING_NOTE[flag.span_start : flag.span_end] == flag.matched
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert re.search(r"<mark>putting herself at risk</mark>", page)
    assert flag.suggestion and flag.suggestion in page.replace("&#39;", "'")
    assert "Children" in flag.source  # The Children's Society guidance


def test_rewording_resolves_the_flag(pages: PageClient, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, notes=BLAMING_NOTE))
    [flag] = flags(app, kind="child_blame")
    url = f"/cases/{case.id}/involvements/{flag.record_id}/edit"
    pages.submit(url, involvement_form(carers, notes=REWORDED_NOTE))
    [flag] = flags(app, kind="child_blame")
    assert flag.status == "resolved"


def test_parents_own_words_are_never_flagged(pages: PageClient, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    words = "She keeps putting herself at risk and I failed to protect her."
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, parent_view=words))
    assert flags(app, kind="child_blame") == [] and flags(app, kind="parent_blame") == []


def test_no_strengths_and_unsupported_distress_are_flagged(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(
        f"/cases/{case.id}/involvements/new",
        involvement_form(carers, strengths="", parent_distress="yes", distress_support=""),
    )
    assert [f.status for f in flags(app, kind="no_strengths")] == ["open"]
    assert [f.status for f in flags(app, kind="distress_unsupported")] == ["open"]


def test_dismiss_with_reason_then_manager_reopens(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, strengths=""))
    [flag] = flags(app, kind="no_strengths")
    dismiss = f"/cases/{case.id}/flags/{flag.id}/dismiss"
    case_url = f"/cases/{case.id}"
    response = pages.submit(dismiss, {"reason": ""}, form_url=case_url)
    assert flags(app, kind="no_strengths")[0].status == "open"
    reason = "Strengths are recorded in the joint visit the same day."
    pages.submit(dismiss, {"reason": reason}, form_url=case_url)
    assert flags(app, kind="no_strengths")[0].status == "dismissed"
    # The worker cannot reopen; the manager sees the reason and can.
    reopen = f"/cases/{case.id}/flags/{flag.id}/reopen"
    response = pages.submit(reopen, {}, form_url=case_url)
    assert response.status_code == 403

    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    page = manager.get(case_url).get_data(as_text=True)
    assert reason in page and "Reopen flag" in page
    manager.submit(reopen, {}, form_url=case_url)
    [flag] = flags(app, kind="no_strengths")
    assert flag.status == "reopened"
    assert "Open flags (1)" in pages.get(case_url).get_data(as_text=True)


def test_another_teams_flag_cannot_be_dismissed(pages: PageClient, make_user, make_case, app):
    worker = make_user("practitioner")
    case = make_case(worker)
    owner = PageClient(app.test_client())
    owner.sign_in(worker)
    owner.submit(
        f"/cases/{case.id}/involvements/new", involvement_form(carer_ids(app, case), strengths="")
    )
    [flag] = flags(app, kind="no_strengths")
    pages.sign_in(make_user("practitioner", team="South Team"))
    response = pages.submit(
        f"/cases/{case.id}/flags/{flag.id}/dismiss", {"reason": "not mine"}, form_url="/cases"
    )
    assert response.status_code == 404
    assert flags(app, kind="no_strengths")[0].status == "open"
