"""Seeding a whole service in bulk: deterministic, the same flags the app's checker raises,
summaries that match the records, and a command line with a progress bar."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from parent_partners import demo
from parent_partners.demo import DEMO_PASSWORD, seed_demo
from parent_partners.extensions import db
from parent_partners.models import (
    Case,
    Consultation,
    Flag,
    Involvement,
    case_month_stats,
    practice_rollup,
)
from parent_partners.operations import flags, passwords, people


@cache
def _demo_hash() -> str:
    return passwords.hash_password(DEMO_PASSWORD)


@pytest.fixture
def seeding(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An app context with one precomputed password hash for every demo account."""
    monkeypatch.setattr(people, "hash_password", lambda password: _demo_hash())
    with app.app_context():
        yield
        db.session.rollback()


def _bulk(case_count: int = 60, seed: int = 5) -> str:
    return seed_demo(
        case_count=case_count, seed=seed, if_empty=False, echo=lambda _: None, bulk=True
    )


def _snapshot() -> list[tuple[Any, ...]]:
    rows = []
    for case in db.session.scalars(select(Case).order_by(Case.id)):
        notes = db.session.scalars(
            select(Involvement.notes).where(Involvement.case_id == case.id).order_by(Involvement.id)
        ).all()
        kinds = sorted(
            db.session.scalars(select(Flag.kind + ":" + Flag.status).where(Flag.case_id == case.id))
        )
        rows.append((case.reference, case.child_name, case.opened_on, notes, kinds))
    return rows


def test_bulk_seeding_is_deterministic(seeding: None) -> None:
    _bulk(seed=5)
    first = _snapshot()
    db.session.rollback()
    _bulk(seed=5)
    assert _snapshot() == first
    db.session.rollback()
    _bulk(seed=6)
    assert [row[1] for row in _snapshot()] != [row[1] for row in first]


def test_bulk_flags_are_the_checkers_and_summaries_match(seeding: None) -> None:
    summary = _bulk(case_count=80)
    assert "80 cases" in summary
    open_before = db.session.scalar(select(func.count()).where(Flag.status.in_(flags.OPEN)))
    assert open_before
    assert db.session.scalar(select(func.count()).where(Flag.status == "resolved"))
    # Re-running the app's own checks changes nothing: bulk flags are exactly the checker's.
    for case in db.session.scalars(select(Case).order_by(Case.id)).all():
        assert flags.refresh(case) == (0, 0), case.reference
    involvements = db.session.scalar(select(func.count()).select_from(Involvement))
    assert db.session.scalar(select(func.sum(practice_rollup.c.involvements))) == involvements
    assert db.session.scalar(select(func.sum(practice_rollup.c.flags_open))) == open_before
    assert db.session.scalar(select(func.sum(practice_rollup.c.cases_opened))) == 80
    consultations = db.session.scalar(select(func.count()).select_from(Consultation))
    assert db.session.scalar(select(func.sum(case_month_stats.c.consultations))) == consultations


def test_seed_demo_command_loads_in_bulk_with_a_progress_bar(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(people, "hash_password", lambda password: _demo_hash())
    monkeypatch.setattr(demo, "BULK_FROM", 10)
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["partners", "seed-demo", "--cases", "30", "--seed", "3", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "Loading cases" in result.output and "30 cases" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Case)) == 30
        kept = db.session.scalar(select(func.sum(practice_rollup.c.involvements)))
        assert kept == db.session.scalar(select(func.count()).select_from(Involvement))
    result = runner.invoke(args=["partners", "rebuild-summaries"])
    assert result.exit_code == 0 and "rebuilt" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.sum(practice_rollup.c.involvements))) == kept
