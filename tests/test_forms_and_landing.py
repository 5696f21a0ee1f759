"""GOV.UK form patterns (nothing answered for the practitioner) and where each role lands."""

from __future__ import annotations

import re

from tests.conftest import PageClient, carer_ids, involvement_form
from tests.test_case_audit import grade_through_pages, grading_form
from tests.test_flags import flags


def test_relationship_to_the_child_is_not_preselected(pages: PageClient, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    url = f"/cases/{case.id}/carers/new"
    body = pages.get(url).get_data(as_text=True)
    select = body[
        body.index('id="relationship"') : body.index("</select>", body.index('id="relationship"'))
    ]
    assert re.search(r'<option value=""\s+selected', select) or "selected" not in select
    assert 'value="mother" selected' not in select
    refused = pages.submit(
        url, {"name": "Omar Hassan", "parental_responsibility": "yes", "safe_to_involve": "yes"}
    ).get_data(as_text=True)
    assert "There is a problem" in refused and "Select the relationship to the child" in refused
    assert 'href="#relationship"' in refused


def test_an_administrator_lands_on_a_page_they_may_use(pages: PageClient, make_user):
    admin = make_user("admin", team=None)
    response = pages.sign_in(admin)
    landing = pages.get(response.headers["Location"])
    assert landing.status_code == 200
    assert pages.get("/login").headers["Location"] == response.headers["Location"]


def test_dismissing_a_flag_without_a_reason_shows_an_error_summary_and_keeps_the_panel_open(
    pages: PageClient, make_user, make_case, app
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, strengths=""))
    [flag] = flags(app, kind="no_strengths")
    response = pages.submit(
        f"/cases/{case.id}/flags/{flag.id}/dismiss", {"reason": "  "}, form_url=f"/cases/{case.id}"
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "<title>Error: " in body and "There is a problem" in body
    assert f'<a href="#reason-{flag.id}">Enter why you are dismissing this flag</a>' in body
    card = body[body.index(f'id="flag-{flag.id}"') :]
    assert '<details class="govuk-details" open>' in card
    assert f'id="reason-{flag.id}-error"' in card
    assert flags(app, kind="no_strengths")[0].status == "open"


def test_a_practitioner_sees_what_is_waiting_for_them(pages: PageClient, make_user, make_case, app):

    worker = make_user("practitioner")
    case = make_case(worker)
    make_case(worker, child_name="Tyrese Mensah")
    pages.sign_in(worker)
    assert 'data-testid="waiting"' not in pages.get("/cases").get_data(as_text=True)
    carers = carer_ids(app, case)
    pages.submit(f"/cases/{case.id}/involvements/new", involvement_form(carers, strengths=""))
    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    assert grade_through_pages(manager, case.id, grading_form()).status_code == 302

    body = pages.get("/cases").get_data(as_text=True)
    waiting = body[
        body.index('data-testid="waiting"') : body.index(
            "</ul>", body.index('data-testid="waiting"')
        )
    ]
    assert "1 open flag on 1 of your cases" in waiting
    assert "1 case audit waiting for your response" in waiting
    assert 'href="/audits?status=graded"' in waiting
    flagged = pages.get("/cases?mine=1&flagged=1").get_data(as_text=True)
    assert "Amira Hassan" in flagged and "Tyrese Mensah" not in flagged


def test_long_text_boxes_show_their_limit_and_refuse_more(
    pages: PageClient, make_user, make_case, app
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    url = f"/cases/{case.id}/involvements/new"
    form = pages.get(url).get_data(as_text=True)
    notes = form[form.rindex("govuk-character-count", 0, form.index('id="notes"')) :]
    assert 'data-maxlength="10000"' in notes[:400]
    assert 'id="notes-info"' in form
    response = pages.submit(url, involvement_form(carer_ids(app, case), notes="x" * 10_001))
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "Keep this to 10,000 characters or fewer" in body


def test_follow_up_questions_are_revealed_by_the_answer_that_needs_them(
    pages: PageClient, make_user, make_case
):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    form = pages.get(f"/cases/{case.id}/involvements/new").get_data(as_text=True)
    for question, follow_ups in {
        "shares_child_information": ("shared_what", "shared_why"),
        "parent_distress": ("distress_support",),
        "partnership_level": ("not_involved_reason",),
    }.items():
        reveal = re.search(rf'data-aria-controls="(conditional-{question}[^"]*)"', form)
        assert reveal, question
        start = form.index(f'id="{reveal.group(1)}"')
        block = form[start : form.index('class="govuk-radios__item"', start)]
        for name in follow_ups:
            assert f'id="{name}"' in block, (question, name)
