"""The number of SQL queries a page makes does not grow with the caseload."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event, func, select

from parent_partners.demo import DEMO_PASSWORD, seed_demo
from parent_partners.demo.staff import NORTH
from parent_partners.extensions import db
from parent_partners.models import Case, Team, User
from parent_partners.operations import passwords, people
from parent_partners.operations.case_audits import ActionInput
from tests import transaction_support
from tests.audit_support import graded_audit
from tests.conftest import PageClient


@cache
def _demo_hash() -> str:
    return passwords.hash_password(DEMO_PASSWORD)


@pytest.fixture
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every demo account gets one precomputed real hash (argon2 is slow by design)."""
    monkeypatch.setattr(people, "hash_password", lambda password: _demo_hash())
    yield


def _grow(app: Flask, cases: int, audits: int, seed: int) -> None:
    """Add ``cases`` demo cases (in bulk) and ``audits`` graded audits, and commit."""
    with app.app_context():
        seed_demo(case_count=cases, seed=seed, if_empty=False, echo=lambda _: None, bulk=True)
        manager = db.session.scalar(select(User).where(User.email == "manager@example.org"))
        assert manager is not None
        north = db.session.scalars(
            select(Case).where(Case.team_id == manager.team_id).order_by(Case.id.desc())
        ).all()
        for case in north[:audits]:
            graded_audit(case, manager, "Strong partnership with mum.",
                         [ActionInput("Record the child's view.", date(2026, 12, 1))])
        db.session.commit()


def _count(app: Flask, client: PageClient, url: str) -> int:
    seen: list[Any] = []

    def note(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not transaction_support.is_savepoint(statement):
            seen.append(1)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        response = client.get(url)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert response.status_code == 200, (url, response.status_code)
    return len(seen)


def _pages(app: Flask) -> dict[str, tuple[str, str]]:
    with app.app_context():
        north = db.session.scalar(select(Team.id).where(Team.name == NORTH))
        sam = db.session.scalar(select(User.id).where(User.email == "practitioner@example.org"))
    period = "from=2024-01&to=2026-12"
    return {
        "service dashboard": ("principal@example.org", f"/dashboard?{period}"),
        "team dashboard": ("manager@example.org", f"/dashboard/teams/{north}?{period}"),
        "worker dashboard": ("manager@example.org", f"/dashboard/teams/{north}/workers/{sam}"),
        "drill-down": (
            "manager@example.org",
            f"/dashboard/teams/{north}/workers/{sam}/cases?metric=involvements&{period}",
        ),
        "fairness": ("principal@example.org", f"/dashboard/fairness?{period}"),
        "audit list": ("manager@example.org", "/audits"),
    }


def _measure(app: Flask) -> dict[str, int]:
    clients: dict[str, PageClient] = {}
    counts = {}
    for name, (email, url) in _pages(app).items():
        if email not in clients:
            clients[email] = PageClient(app.test_client())
            clients[email].sign_in(email, DEMO_PASSWORD)
        _count(app, clients[email], url)  # warm: first-request work is not the page's
        counts[name] = _count(app, clients[email], url)
    return counts


def test_pages_make_the_same_queries_at_20_and_200_cases(app: Flask, quick_hashes: None):
    _grow(app, cases=20, audits=2, seed=11)
    small = _measure(app)
    _grow(app, cases=180, audits=20, seed=12)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Case)) == 200
    large = _measure(app)
    assert small == large, (small, large)
    assert max(small.values()) <= 12, small
