"""Two systems patching one record at the same moment, from the same version: one is saved
(200), the other refused with the version it must read again (409), never a 500, and the
history holds exactly one change. Real threads; on PostgreSQL each waits on the case lock."""

from __future__ import annotations

import os
from typing import Any

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, RecordVersion
from tests.api_support import api_for, new_carer, new_case
from tests.test_concurrency import _together

pytestmark = pytest.mark.commits  # each thread takes a connection of its own


def _race(app: Flask, make_user, url_of: Any) -> tuple[list[Any], str]:  # type: ignore[no-untyped-def]
    worker = make_user("practitioner")
    one, two = api_for(app, worker.email), api_for(app, worker.email)
    case = new_case(one)
    carer = new_carer(one, case["id"])
    url, field = url_of(case["id"], carer["id"])
    results = _together(
        lambda: one.open(url, "PATCH", json={"version": 1, field: "Sent by one"}),
        lambda: two.open(url, "PATCH", json={"version": 1, field: "Sent by two"}),
    )
    return results, field


def _one_won(app: Flask, results: list[Any], record_type: str) -> None:
    statuses = sorted(response.status_code for response in results)
    assert statuses == [200, 409], [r.get_data(as_text=True) for r in results]
    lost = next(response for response in results if response.status_code == 409)
    assert lost.mimetype == "application/problem+json"
    problem = lost.get_json()
    if os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"):
        assert problem["current_version"] == 2  # it waited on the case lock, then saw 2
    else:  # SQLite's one writer may refuse at the database, with no version to name
        assert problem.get("current_version") in (2, None)
    won = next(response for response in results if response.status_code == 200)
    assert won.get_json()["version"] == 2
    with app.app_context():
        versions = db.session.scalars(
            db.select(RecordVersion).where(RecordVersion.record_type == record_type)
        ).all()
        edits = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == f"{record_type}_edited")
        ).all()
    assert [v.version for v in versions] == [2] and len(edits) == 1


def test_two_case_patches_at_once_one_saved_one_409(app: Flask, make_user):
    results, _ = _race(app, make_user, lambda case_id, _: (f"/api/v1/cases/{case_id}",
                                                           "child_name"))
    _one_won(app, results, "case")


def test_two_carer_patches_at_once_one_saved_one_409(app: Flask, make_user):
    results, _ = _race(
        app, make_user,
        lambda case_id, carer_id: (f"/api/v1/cases/{case_id}/carers/{carer_id}", "name"),
    )
    _one_won(app, results, "carer")
