"""A practitioner's own reflection against the eight principles, beside their own figures:
private to them and their manager, and every reflection kept."""

from __future__ import annotations

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Reflection
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.feedback_support import figure_on
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")


def _signed_in(app: Flask, user) -> PageClient:
    page = PageClient(app.test_client())
    page.sign_in(user)
    return page



def test_a_reflection_sits_beside_the_practitioners_own_figures(
    app: Flask, make_user, make_case
):
    worker = make_user("practitioner", name="Priya Shah")
    colleague = make_user("practitioner", name="Dan Cole")
    case = make_case(worker)
    colleague_case = make_case(colleague, child_name="Sophie Walsh")
    page = _signed_in(app, worker)
    other = _signed_in(app, colleague)
    page.submit(f"/cases/{case.id}/involvements/new", involvement_form(carer_ids(app, case)))
    other.submit(f"/cases/{colleague_case.id}/involvements/new",
                 involvement_form(carer_ids(app, colleague_case), strengths=""))

    url = "/reflections/new?from=2026-01&to=2026-12"
    form = page.get(url).get_data(as_text=True)
    # Only her own records count: her colleague's missing strengths are not hers.
    assert figure_on(form, "involvements") == "1"
    assert figure_on(form, "strengths_share") == "100%"
    assert "8. Create safe spaces and places" in form
    saved = page.submit(url, {"principle_3": "I asked Amira before I called her mum.",
                              "to_supervision": "How to keep asking when she is missing."})
    assert saved.status_code == 302
    shown = page.get(saved.headers["Location"]).get_data(as_text=True)
    assert "I asked Amira before I called her mum." in shown and "Nothing written." in shown
    page.submit(url, {"principle_7": "A second go, a month on."})
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Reflection)) == 2
    history = page.get(f"/reflections/people/{worker.id}").get_data(as_text=True)
    assert history.count("Reflection of") == 2


def test_only_the_practitioner_and_their_manager_read_it(app: Flask, make_user):
    worker = make_user("practitioner")
    page = _signed_in(app, worker)
    saved = page.submit("/reflections/new", {"principle_1": "Private thoughts."})
    reflection_url = saved.headers["Location"]

    manager = _signed_in(app, make_user("manager"))
    assert "Private thoughts." in manager.get(reflection_url).get_data(as_text=True)
    assert manager.get(f"/reflections/people/{worker.id}").status_code == 200
    with app.app_context():
        assert db.session.scalar(
            db.select(db.func.count()).where(AccessEvent.action == "reflection_viewed")
        ) == 1

    for reader in (make_user("practitioner"), make_user("manager", team="South Team")):
        stranger = _signed_in(app, reader)
        assert stranger.get(reflection_url).status_code == 404
        assert stranger.get(f"/reflections/people/{worker.id}").status_code == 404
    principal = _signed_in(app, make_user("principal"))
    assert principal.get(reflection_url).status_code == 403
