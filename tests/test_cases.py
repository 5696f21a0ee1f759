"""The caseload and the case page."""

from __future__ import annotations

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Case
from parent_partners.operations.record_inputs import CaseInput

NEW_CASE = {
    "child_name": "Tyrese Mensah",
    "reference": "",
    "child_dob": ["14", "2", "2010"],
    "gender": "boy",
    "ethnicity": "black",
    "communication_needs": "Prefers to talk while walking.",
    "harm_types": ["cce", "county_lines"],
    "contexts": ["transport", "out_of_area"],
    "opened_on": ["2", "9", "2026"],
}


def test_your_cases_lists_only_the_teams_cases_with_links(pages, make_user, make_case):
    worker = make_user("practitioner")
    own = make_case(worker, child_name="Amira Hassan")
    make_case(make_user("practitioner", team="South Team"), child_name="Other Child")
    pages.sign_in(worker)
    body = pages.get("/cases").get_data(as_text=True)
    assert "Your cases" in body
    assert f'href="/cases/{own.id}"' in body and "Amira Hassan" in body
    assert "Other Child" not in body


def test_open_a_new_case(pages, make_user, app: Flask):
    worker = make_user("practitioner")
    pages.sign_in(worker)
    response = pages.submit("/cases/new", {**NEW_CASE, "worker_id": str(worker.id)})
    assert response.status_code == 302
    page = pages.get(response.headers["Location"]).get_data(as_text=True)
    assert "Tyrese Mensah" in page and "County lines" in page and "Transport hub" in page
    with app.app_context():
        case = db.session.scalar(db.select(Case))
        assert case.reference.startswith("PP-") and case.worker_id == worker.id


def test_invalid_case_keeps_what_was_typed_and_names_the_problems(pages, make_user):
    worker = make_user("practitioner")
    pages.sign_in(worker)
    data = {
        **NEW_CASE,
        "child_dob": ["31", "2", "2010"],
        "harm_types": [],
        "worker_id": str(worker.id),
    }
    response = pages.submit("/cases/new", data)
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Date of birth must be a real date" in body and 'href="#child_dob-day"' in body
    assert "Select at least one type of harm" in body
    assert 'value="Tyrese Mensah"' in body and "Prefers to talk while walking." in body
    assert 'value="31"' in body  # the day typed is shown back


def test_cannot_allocate_a_worker_from_another_team(pages, make_user):
    worker = make_user("practitioner")
    outsider = make_user("practitioner", team="South Team")
    pages.sign_in(worker)
    response = pages.submit("/cases/new", {**NEW_CASE, "worker_id": str(outsider.id)})
    assert response.status_code == 200 and "Select the allocated worker" in response.get_data(
        as_text=True
    )


def test_case_page_shows_child_carers_and_safe_to_involve(pages, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker, carers=("Leila Hassan", "Omar Hassan"))
    pages.sign_in(worker)
    body = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    for text in [
        "Amira Hassan",
        "Leila Hassan",
        "Omar Hassan",
        "Safe to involve",
        "Timeline",
        "Open flags",
    ]:
        assert text in body


def test_viewing_a_case_is_audited(pages, make_user, make_case, app: Flask):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    pages.get(f"/cases/{case.id}")
    with app.app_context():
        views = db.session.scalars(
            db.select(AccessEvent).where(
                AccessEvent.action == "case_viewed", AccessEvent.case_id == case.id
            )
        ).all()
    assert len(views) == 1 and views[0].user_id == worker.id


def test_case_pages_are_not_cached(pages, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    response = pages.get(f"/cases/{case.id}")
    assert response.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_long_caseloads_are_paged_and_keep_the_filter(pages, make_user, app: Flask):
    from datetime import date

    from parent_partners.operations.cases import open_case

    worker = make_user("practitioner")
    with app.app_context():
        for number in range(120):
            open_case(CaseInput(
                team_id=worker.team_id,
                worker_id=worker.id,
                child_name=f"Child {number:03d}",
                child_dob=date(2011, 1, 1),
                gender="girl",
                ethnicity="white",
                harm_types=["cse"],
                contexts=[],
                opened_on=date(2026, 1, 1),
            ))
        db.session.commit()
    pages.sign_in(worker)
    first = pages.get("/cases?mine=1").get_data(as_text=True)
    assert "Child 000" in first and "Child 050" not in first
    assert 'href="/cases?mine=1&amp;page=2"' in first
    assert 'href="/cases?mine=1&amp;page=3"' in first  # the last page
    second = pages.get("/cases?mine=1&page=2").get_data(as_text=True)
    assert "Child 050" in second and "Child 000" not in second
    assert 'href="/cases?mine=1&amp;page=1"' in second
