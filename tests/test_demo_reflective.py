"""The demo gives every reflective tool something to show: feedback enough for the demo team's
voice view, the demo practitioner's reflections, and two past self-assessments."""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import func, select

from parent_partners.extensions import db
from parent_partners.models import Feedback, Reflection, SelfAssessment
from parent_partners.operations import people
from tests.conftest import PageClient
from tests.test_demo import _demo_hash, _seed


def test_the_demo_fills_the_reflective_tools(app: Flask, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(people, "hash_password", lambda password: _demo_hash())
    with app.app_context():
        _seed(case_count=40)
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(SelfAssessment)) == 2
        assert db.session.scalar(select(func.count()).select_from(Reflection)) == 2
        assert db.session.scalar(select(func.count()).where(Feedback.respondent == "carer"))
        past = db.session.scalars(select(SelfAssessment).order_by(SelfAssessment.period_end)).all()
        assert past[1].figures["involvements"] > 0  # the evidence, kept as it stood
        ids, first_title = [a.id for a in past], past[0].title

    manager = PageClient(app.test_client())
    manager.sign_in("manager@example.org", "partners-demo-2026")
    voice = manager.get("/voice/child").get_data(as_text=True)
    assert "pieces of feedback from children" in voice
    assert 'data-testid="voice-quotes"' in voice
    principal = PageClient(app.test_client())
    principal.sign_in("principal@example.org", "partners-demo-2026")
    latest = principal.get(f"/self-assessment/{ids[1]}").get_data(as_text=True)
    assert f"Compared with “{first_title}”" in latest
    practitioner = PageClient(app.test_client())
    practitioner.sign_in("practitioner@example.org", "partners-demo-2026")
    assert practitioner.get("/reflections").get_data(as_text=True).count("Reflection of") == 2
