"""Dismissed flags and their reasons are one click from a team dashboard, never another team's."""

from __future__ import annotations

from flask import Flask

from tests.conftest import PageClient, carer_ids, involvement_form
from tests.test_flags import flags

REASON = "Strengths are in the joint visit recorded the same day."


def test_a_manager_reads_dismissal_reasons_from_the_dashboard(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    pages.submit(
        f"/cases/{case.id}/involvements/new",
        involvement_form(carer_ids(app, case), strengths=""),
    )
    [flag] = flags(app, kind="no_strengths")
    pages.submit(
        f"/cases/{case.id}/flags/{flag.id}/dismiss",
        {"reason": REASON},
        form_url=f"/cases/{case.id}",
    )
    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    board = manager.get(f"/dashboard/teams/{worker.team_id}").get_data(as_text=True)
    assert f'href="/dashboard/dismissed?team={worker.team_id}' in board
    listing = manager.get(f"/dashboard/dismissed?team={worker.team_id}").get_data(as_text=True)
    assert REASON in listing and "No strengths recorded" in listing
    assert f'href="/cases/{case.id}#flag-{flag.id}"' in listing

    other = PageClient(app.test_client())
    other.sign_in(make_user("manager", team="South Team"))
    assert other.get(f"/dashboard/dismissed?team={worker.team_id}").status_code == 404
    own = other.get("/dashboard/dismissed").get_data(as_text=True)
    assert REASON not in own and "0 flags were dismissed" in own
