"""Two people changing one record at once: one is saved, the other refused, nothing lost.
Through the API, and with real concurrency (two threads) on PostgreSQL."""

from __future__ import annotations

import os
import threading
from typing import Any

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Flag, Involvement, RecordVersion
from tests.api_support import api_for, new_carer, new_case, sharing_involvement
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

postgres_only = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="real concurrency needs PostgreSQL (TEST_DATABASE_URL); SQLite has one writer",
)


def _open_finding(app: Flask, make_user) -> tuple[Any, Any, int]:  # type: ignore[no-untyped-def]
    worker = make_user("practitioner")
    first, second = api_for(app, worker.email), api_for(app, worker.email)
    case = new_case(first)
    carer = new_carer(first, case["id"])
    logged = first.post(f"/api/v1/cases/{case['id']}/involvements",
                        sharing_involvement([carer["id"]], strengths=""))
    finding = next(f for f in logged.get_json()["flags"] if f["kind"] == "no_strengths")
    return first, second, finding["id"]


def test_two_api_dismissals_of_one_finding_one_wins(app: Flask, make_user):
    first, second, finding_id = _open_finding(app, make_user)
    url = f"/api/v1/flags/{finding_id}/dismiss"
    won = first.post(url, {"reason": "First reason."})
    lost = second.post(url, {"reason": "Second reason."})
    assert won.status_code == 200 and lost.status_code == 409
    assert lost.get_json()["type"].endswith(":conflict")
    with app.app_context():
        flag = db.session.get(Flag, finding_id)
        assert flag.dismissed_reason == "First reason."
        events = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == "flag_dismissed")
        ).all()
        assert [event.data["reason"] for event in events] == ["First reason."]


def _together(*calls: Any) -> list[Any]:
    """Run the calls in threads that start at the same moment; return their results."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int, call: Any) -> None:
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@postgres_only
@pytest.mark.commits  # each thread takes a connection of its own
def test_two_simultaneous_page_edits_one_saved_one_refused(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    carers = carer_ids(app, case)
    one, two = PageClient(app.test_client()), PageClient(app.test_client())
    one.sign_in(worker)
    two.sign_in(make_user("practitioner"))
    assert one.submit(f"/cases/{case.id}/involvements/new",
                      involvement_form(carers)).status_code == 302
    with app.app_context():
        involvement_id = db.session.scalar(db.select(Involvement.id))
    url = f"/cases/{case.id}/involvements/{involvement_id}/edit"
    for attempt in range(5):  # the race is real: repeat so both really overlap at least once
        tokens = one.csrf_token(url), two.csrf_token(url)
        with app.app_context():
            version = str(db.session.get(Involvement, involvement_id).version)
        results = _together(
            lambda t=tokens[0], n=attempt, v=version: one.client.post(url, data={
                **involvement_form(carers, notes=f"One {n}.", version=v), "csrf_token": t}),
            lambda t=tokens[1], n=attempt, v=version: two.client.post(url, data={
                **involvement_form(carers, notes=f"Two {n}.", version=v), "csrf_token": t}),
        )
        statuses = sorted(response.status_code for response in results)
        assert statuses == [302, 409], statuses
        winner = "One" if results[0].status_code == 302 else "Two"
        loser = results[1] if winner == "One" else results[0]
        assert f"{'Two' if winner == 'One' else 'One'} {attempt}." in loser.get_data(as_text=True)
        with app.app_context():
            assert db.session.get(Involvement, involvement_id).notes == f"{winner} {attempt}."
    with app.app_context():
        versions = db.session.scalar(db.select(db.func.count()).select_from(RecordVersion))
        assert versions == 5  # one kept version per saved edit, none for refused ones


@postgres_only
@pytest.mark.commits  # each thread takes a connection of its own
def test_two_simultaneous_api_dismissals_one_wins(app: Flask, make_user):
    first, second, finding_id = _open_finding(app, make_user)
    url = f"/api/v1/flags/{finding_id}/dismiss"
    results = _together(
        lambda: first.post(url, {"reason": "Reason A."}),
        lambda: second.post(url, {"reason": "Reason B."}),
    )
    assert sorted(response.status_code for response in results) == [200, 409]
    winner = "Reason A." if results[0].status_code == 200 else "Reason B."
    with app.app_context():
        assert db.session.get(Flag, finding_id).dismissed_reason == winner
        reasons = db.session.scalars(
            db.select(AccessEvent.data).where(AccessEvent.action == "flag_dismissed")
        ).all()
        assert [data["reason"] for data in reasons] == [winner]
