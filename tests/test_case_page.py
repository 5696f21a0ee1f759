"""The case page: the child's words first, flags that lead to their words, a timeline to narrow."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask
from sqlalchemy import event

from parent_partners.extensions import db
from parent_partners.operations.case_page import marked_text
from tests import transaction_support
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.test_flags import BLAMING_NOTE, consultation_form, flags
from tests.test_review_overdue import carer_form


def test_the_childs_latest_words_come_before_flags_and_the_timeline(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    carers = carer_ids(app, case)
    pages.sign_in(worker)
    base = f"/cases/{case.id}"
    older = consultation_form(
        carers, date=["1", "10", "2026"], child_view="I do not want mum told."
    )
    older.update(child_wish="does_not_agree", decision="not_proceed")
    response = pages.submit(f"{base}/consultations/new", older)
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    newer = consultation_form(
        carers, date=["3", "11", "2026"], child_view="Mum can know, but not my dad."
    )
    newer.update(child_told_outcome="no")
    response = pages.submit(f"{base}/consultations/new", newer)
    assert response.status_code == 302
    pages.submit(f"{base}/involvements/new", involvement_form(carers))
    body = pages.get(base).get_data(as_text=True)
    panel = body.index("What Amira Hassan has told us")
    latest_words = body.index("Mum can know, but not my dad.")
    assert panel < latest_words < body.index('id="flags"') < body.index('id="timeline"')
    voice = body[panel : body.index('id="flags"')]
    assert "I do not want mum told." not in voice  # only the latest words lead the page
    assert "3 November 2026" in voice and "Agrees" in voice and "Not yet" in voice


def test_a_case_with_no_consultation_says_the_child_has_not_been_heard(
    pages: PageClient, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    body = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Amira Hassan has not been asked yet" in body
    assert f'href="/cases/{case.id}/consultations/new"' in body


def _log(pages: PageClient, case_id: int, data: dict) -> None:
    base = f"/cases/{case_id}"
    response = pages.submit(f"{base}/involvements/new", data)
    assert response.status_code == 302


def test_a_flag_links_to_its_record_where_the_words_are_highlighted(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    carers = carer_ids(app, case)
    pages.sign_in(worker)
    _log(pages, case.id, involvement_form(carers, notes=BLAMING_NOTE))
    (flag,) = flags(app, kind="child_blame", case_id=case.id)
    body = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    card = body[body.index(f'id="flag-{flag.id}"') :]
    link = re.search(r'data-testid="flag-record-link" href="([^"]+)"', card)
    assert link and link.group(1).endswith(f"#involvement-{flag.record_id}")
    assert "See the words in the involvement of 10 November 2026" in card
    entry = body[body.index(f'id="involvement-{flag.record_id}"') :]
    assert '<mark class="pp-flagged-words">putting herself at risk</mark>' in entry


def test_the_edit_form_shows_the_records_flags_before_any_typing(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    carers = carer_ids(app, case)
    pages.sign_in(worker)
    _log(pages, case.id, involvement_form(carers, notes=BLAMING_NOTE))
    (flag,) = flags(app, kind="child_blame", case_id=case.id)
    body = pages.get(f"/cases/{case.id}/involvements/{flag.record_id}/edit").get_data(as_text=True)
    assert 'data-testid="record-flags"' in body
    assert '“<mark class="pp-flagged-words">putting herself at risk</mark>”' in body


def test_the_timeline_filters_by_kind_and_carer_and_pages(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker, carers=("Leila Hassan", "Omar Hassan"))
    leila, omar = carer_ids(app, case)
    pages.sign_in(worker)
    for day in range(1, 13):
        _log(pages, case.id, involvement_form([leila], date=[str(day), "11", "2026"]))
    _log(pages, case.id, involvement_form([omar], date=["20", "11", "2026"], notes="Omar rang."))
    base = f"/cases/{case.id}"
    pages.submit(f"{base}/consultations/new", consultation_form([leila]))

    everything = pages.get(base).get_data(as_text=True)
    assert "14 entries" in everything and "page 1 of 2" in everything
    assert everything.count('class="pp-timeline-item ') == 10

    only_omar = pages.get(f"{base}?carer={omar}").get_data(as_text=True)
    assert "1 entry match" in only_omar and "Omar rang." in only_omar
    assert only_omar.count('class="pp-timeline-item ') == 1

    consultations = pages.get(f"{base}?kind=consultation").get_data(as_text=True)
    assert consultations.count('class="pp-timeline-item pp-timeline-item--consultation"') == 1
    assert 'class="pp-timeline-item pp-timeline-item--involvement"' not in consultations

    second = pages.get(f"{base}?page=2").get_data(as_text=True)
    assert second.count('class="pp-timeline-item ') == 4
    assert "1 November 2026" in second


def test_marked_text_joins_back_into_the_text_whatever_the_spans():
    text = "she keeps putting herself at risk"
    for spans in ([(10, 33)], [(10, 20), (15, 33)], [(40, 50)], [(0, 3), (4, 9)], []):
        pieces = marked_text(text, spans)
        assert "".join(piece for piece, _ in pieces) == text
    assert marked_text(text, [(10, 33)])[1] == ("putting herself at risk", True)


def test_the_consultation_form_states_the_rule_it_is_checked_against(
    pages: PageClient, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    body = pages.get(f"/cases/{case.id}/consultations/new").get_data(as_text=True)
    rule = body[body.index('data-testid="consultation-rule"') :]
    assert "<strong>on or before the day of sharing</strong>" in rule
    assert "no more than 90 days before it" in rule
    assert "A consultation dated after the sharing does not cover it." in rule


def test_a_passed_safety_review_date_is_marked_overdue(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker)
    [carer_id] = carer_ids(app, case)
    pages.sign_in(worker)
    edit = f"/cases/{case.id}/carers/{carer_id}/edit"
    # After the case opened, before today.
    response = pages.submit(edit, carer_form(date(2026, 9, 1)))
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    body = pages.get(f"/cases/{case.id}").get_data(as_text=True)
    assert 'data-testid="review-overdue"' in body
    assert "The review was due by 1 September 2026" in body


def _queries(app: Flask, pages: PageClient, url: str) -> int:
    seen: list[str] = []

    def note(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        if not transaction_support.is_savepoint(statement):
            seen.append("query")

    with app.app_context():
        engine = db.engine
    pages.get(url)  # warm: first-request work is not the page's
    event.listen(engine, "before_cursor_execute", note)
    try:
        assert pages.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return len(seen)


def test_the_case_page_and_list_cost_the_same_round_trips_however_much_is_recorded(
    pages: PageClient, make_user, make_case, app: Flask
):
    worker = make_user("practitioner")
    case = make_case(worker, carers=("Leila Hassan", "Omar Hassan"))
    carers = carer_ids(app, case)
    pages.sign_in(worker)
    _log(pages, case.id, involvement_form(carers, notes=BLAMING_NOTE))
    pages.submit(f"/cases/{case.id}/consultations/new", consultation_form(carers))
    small = (_queries(app, pages, f"/cases/{case.id}"), _queries(app, pages, "/cases"))
    for day in range(1, 9):
        _log(pages, case.id, involvement_form(carers, date=[str(day), "11", "2026"], strengths=""))
    pages.submit(f"/cases/{case.id}/consultations/new", consultation_form(carers))
    for n in range(6):
        make_case(worker, child_name=f"Child {n}")
    large = (_queries(app, pages, f"/cases/{case.id}"), _queries(app, pages, "/cases"))
    assert small == large, (small, large)
    # Sign-in session and database-epoch checks, the read audit and the feedback section
    # included: a new query on either page shows up here.
    # The case page: 3 for the session, the case with its team and carers, the read audit,
    # involvements and consultations each with their carers, flags, feedback.
    assert large[0] <= 9 and large[1] <= 13, large
