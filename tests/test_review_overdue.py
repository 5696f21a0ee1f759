"""A "not safe to involve" decision past its review date becomes a flag: when saved so, and
when the date passes with nobody saving anything (case page, home page, daily sweep)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Flag
from tests.conftest import PageClient, carer_ids

LATER = date.today() + timedelta(days=10)


def carer_form(review: date, safe: bool = False) -> dict:
    return {
        "name": "Leila Hassan",
        "relationship": "mother",
        "parental_responsibility": "yes",
        "safe_to_involve": "yes" if safe else "no",
        "safe_reason": "" if safe else "Police advice while the investigation is open.",
        "safe_review_on": [str(review.day), str(review.month), str(review.year)],
        "version": "1",
    }


def _review_flags(app: Flask) -> list[Flag]:
    with app.app_context():
        rows = db.session.scalars(
            db.select(Flag).where(Flag.kind == "review_overdue").order_by(Flag.id)
        ).all()
        db.session.expunge_all()
        return list(rows)


def _date_passes(app: Flask, carer_id: int, days_ago: int = 2) -> date:
    """Move the review date into the past directly, as the calendar would, with no save."""
    passed = date.today() - timedelta(days=days_ago)
    with app.app_context():
        carer = db.session.get(Carer, carer_id)
        assert carer is not None
        carer.safe_review_on = passed
        db.session.commit()
    return passed


def _words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _case_with_unsafe_carer(
    pages: PageClient, worker, make_case, app: Flask, review: date, **case: str
) -> tuple[Case, int]:
    """A case whose carer is recorded, through the form, as not safe to involve until ``review``."""
    made = make_case(worker, **case)
    [carer_id] = carer_ids(app, made)
    edit = f"/cases/{made.id}/carers/{carer_id}/edit"
    assert pages.submit(edit, carer_form(review)).status_code == 302
    return made, carer_id


@pytest.fixture
def unsafe_case(pages: PageClient, make_user, make_case, app: Flask) -> tuple[Case, int]:
    """A signed-in practitioner's case whose carer's review falls due in ten days."""
    worker = make_user("practitioner")
    pages.sign_in(worker)
    return _case_with_unsafe_carer(pages, worker, make_case, app, LATER)


def test_saving_a_passed_review_date_raises_a_flag_a_new_date_resolves_it(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    pages.sign_in(worker)
    passed = date.today() - timedelta(days=1)
    case, carer_id = _case_with_unsafe_carer(pages, worker, make_case, app, passed)

    [flag] = _review_flags(app)
    assert flag.status == "open" and (flag.record_type, flag.carer_id) == ("carer", carer_id)
    assert f"due to be reviewed on {_words(passed)}" in flag.explanation
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Safety decision past its review date" in page
    assert f"Leila Hassan (mother) was due to be reviewed on {_words(passed)}" in page

    form = carer_form(date.today() + timedelta(days=30))
    form["version"] = "2"
    edit = f"/cases/{case.id}/carers/{carer_id}/edit"
    assert pages.submit(edit, form).status_code == 302
    assert [f.status for f in _review_flags(app)] == ["resolved"]


def test_a_date_that_passes_unsaved_is_flagged_when_the_case_page_opens(
    pages: PageClient, app: Flask, unsafe_case: tuple[Case, int]
):
    case, carer_id = unsafe_case
    assert _review_flags(app) == []

    passed = _date_passes(app, carer_id)
    page = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert f"was due to be reviewed on {_words(passed)}" in page
    assert [f.status for f in _review_flags(app)] == ["open"]
    pages.get(f"/cases/{case.id}")  # opening it again raises nothing more
    assert len(_review_flags(app)) == 1


def test_the_home_page_counts_a_review_that_passed_unsaved(
    pages: PageClient, app: Flask, unsafe_case: tuple[Case, int]
):
    _date_passes(app, unsafe_case[1])

    home = pages.get("/cases").get_data(as_text=True)
    assert "1 open flag on 1 of your cases" in home
    assert [f.status for f in _review_flags(app)] == ["open"]


def test_the_daily_sweep_flags_passed_dates_on_open_cases_only(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    pages.sign_in(worker)
    open_case, first = _case_with_unsafe_carer(pages, worker, make_case, app, LATER)
    closed_case, second = _case_with_unsafe_carer(
        pages, worker, make_case, app, LATER, child_name="Kai Brown"
    )
    _date_passes(app, first)
    _date_passes(app, second)
    with app.app_context():
        closed = db.session.get(Case, closed_case.id)
        assert closed is not None
        closed.closed_on = date.today()
        db.session.commit()

    result = app.test_cli_runner().invoke(args=["partners", "review-sweep"])
    assert result.exit_code == 0, result.output
    assert "1 review flags opened" in result.output
    [flag] = _review_flags(app)
    assert flag.case_id == open_case.id
    again = app.test_cli_runner().invoke(args=["partners", "review-sweep"])
    assert "Checked 0 cases" in again.output
