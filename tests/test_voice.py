"""Youth voice and parent voice across a team or the service: by principle and quarter, figures
on fewer than ten answers withheld, own words only where the person agreed, and another team's
feedback never seen."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.conftest import PageClient
from tests.feedback_support import add_child_feedback, child_form
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

PERIOD = "from=2026-01&to=2026-12"


def _signed_in(app: Flask, user) -> PageClient:
    page = PageClient(app.test_client())
    page.sign_in(user)
    return page


def test_a_childs_feedback_reaches_the_teams_voice_once_ten_have_answered(
    app: Flask, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker)
    manager = _signed_in(app, make_user("manager"))
    south_manager = _signed_in(app, make_user("manager", team="South Team"))
    page = _signed_in(app, worker)
    shared = "Someone finally asked me what I thought."
    assert page.submit(f"/cases/{case.id}/feedback/new?from=child",
                       child_form(own_words=shared, date=["3", "11", "2026"])).status_code == 302
    add_child_feedback(app, case, worker, 8, score=4, words="Kept to my case.", share=False)

    nine = manager.get(f"/voice/child?{PERIOD}").get_data(as_text=True)
    assert "Fewer than 10 children gave feedback" in nine
    assert shared not in nine and "%" not in nine.split('data-testid="voice-table"')[1]

    add_child_feedback(app, case, worker, 1, score=1)
    ten = manager.get(f"/voice/child?{PERIOD}").get_data(as_text=True)
    assert "10 pieces of feedback from children" in ten
    # Principle 1: nine said mostly or completely true, one said not true.
    assert "90%" in ten
    # Principle 2: the practitioner's form said "rather not say", so only nine answered.
    assert "fewer than 10" in ten
    assert shared in ten and "Kept to my case." not in ten
    assert "2026 Q4" in ten

    # Another team's manager sees none of it, and cannot ask for it.
    south = south_manager.get(f"/voice/child?{PERIOD}").get_data(as_text=True)
    assert "Fewer than 10 children gave feedback" in south and shared not in south
    assert south_manager.get(f"/voice/child?team={case.team_id}&{PERIOD}").status_code == 404


def test_a_principal_sees_the_service_or_one_team(app: Flask, make_user, make_case):
    north = make_user("practitioner")
    south = make_user("practitioner", team="South Team")
    north_case = make_case(north)
    add_child_feedback(app, north_case, north, 6, score=4)
    add_child_feedback(app, make_case(south, child_name="Sophie Walsh"), south, 6, score=1)
    principal = _signed_in(app, make_user("principal"))
    service = principal.get(f"/voice/child?{PERIOD}").get_data(as_text=True)
    assert "12 pieces of feedback" in service and "50%" in service
    # One team alone has six: withheld.
    only_north = principal.get(f"/voice/child?team={north_case.team_id}&{PERIOD}")
    assert "Fewer than 10 children gave feedback" in only_north.get_data(as_text=True)
    practitioner = _signed_in(app, north)
    assert practitioner.get(f"/voice/child?{PERIOD}").status_code == 403
