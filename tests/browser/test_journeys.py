"""The practitioner's and the manager's journeys end to end, with axe on every page they reach.

Each journey audits the page after every step (including error states, a live flag
and opened details) and fails at the end with every WCAG 2.2 A/AA violation found.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Flag
from tests.browser.a11y import Auditor
from tests.browser.conftest import screenshot
from tests.conftest import PASSWORD, carer_ids, involvement_form

pytestmark = pytest.mark.browser


def sign_in(page: Any, email: str, auditor: Auditor | None = None) -> None:
    """Sign in through the sign-in page (audited when an auditor is given)."""
    page.goto("/login")
    if auditor:
        auditor.audit(page, "sign in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="Sign out").or_(
        page.get_by_role("button", name="Sign out")
    )).to_be_visible()


def flag_card(page: Any, kind: str) -> Any:
    """The open flag card of ``kind`` on a case page."""
    return page.locator(f'[data-flag-kind="{kind}"][data-flag-status="open"]')


def test_practitioner_journey(page, make_user, make_case):
    auditor = Auditor()
    worker = make_user("practitioner", name="Sam Okafor")
    case = make_case(worker, child_name="Amira Hassan", carers=())

    sign_in(page, worker.email, auditor)
    expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
    auditor.audit(page, "cases")

    # Find the case by searching, without the accents or capitals of the name.
    page.get_by_label("Find a case").fill("amira HASSAN")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 case matching")).to_be_visible()
    auditor.audit(page, "search results")

    page.get_by_role("link", name="Amira Hassan").click()
    expect(page.get_by_role("heading", name="Amira Hassan", level=1)).to_be_visible()
    auditor.audit(page, "new case")

    # Add a carer: first without answers, to see the error summary.
    page.get_by_role("button", name="Add a parent or carer").click()
    auditor.audit(page, "add a carer")
    page.get_by_role("button", name="Save parent or carer").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    auditor.audit(page, "add a carer: errors")
    page.get_by_label("Full name").fill("Leila Hassan")
    page.get_by_label("Relationship to the child").select_option(label="Mother")
    page.locator("#parental_responsibility").check()
    page.locator("#safe_to_involve").check()
    page.get_by_role("button", name="Save parent or carer").click()
    expect(page.get_by_role("heading", name=re.compile("Leila Hassan, mother"))).to_be_visible()
    auditor.audit(page, "case with a carer")

    # Log an involvement; the notes blame the child while typing.
    page.get_by_role("button", name="Log an involvement").click()
    auditor.audit(page, "log an involvement")
    page.get_by_label("Day").fill("10")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Leila Hassan").check()
    page.get_by_label("Home visit").check()
    page.get_by_label("Involved – their views shaped plans").check()
    page.locator("#shares_child_information").check()
    page.get_by_label("What was shared").fill("The safety plan for weekends.")
    page.get_by_label("The parent or carer's own view, in their words").fill(
        "I want to help keep her safe."
    )
    page.locator("#parent_distress-2").check()
    notes = page.get_by_label("Your notes")
    notes.press_sequentially("Amira keeps putting herself at risk by going to the flat.")
    live = page.locator("#notes-live-flags")
    expect(live).to_contain_text("putting herself at risk")
    expect(live).to_contain_text("Try instead:")
    expect(live).to_have_attribute("aria-live", "polite")
    notes.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 200)")
    screenshot(page, "involvement-live-flag", full_page=False)
    auditor.audit(page, "involvement with a live flag")

    notes.fill("Adults at the flat are targeting Amira; we agreed a safety plan together.")
    expect(live.locator(".pp-live-flag")).to_have_count(0)
    expect(live).to_have_text("No wording to check in Your notes now.")
    page.get_by_role("button", name="Save involvement").click()
    expect(page.get_by_text("Involvement saved.")).to_be_visible()
    expect(flag_card(page, "child_not_consulted")).to_be_visible()
    expect(flag_card(page, "child_not_consulted")).to_contain_text("What to do")
    expect(flag_card(page, "no_strengths")).to_be_visible()
    expect(page.locator('[data-flag-kind="child_blame"]')).to_have_count(0)
    page.locator("#flags").scroll_into_view_if_needed()
    screenshot(page, "case-with-flags", full_page=False)
    auditor.audit(page, "case with flags")

    # Record the child's view: the consultation flag resolves.
    page.get_by_role("button", name="Record a consultation with the child").click()
    auditor.audit(page, "record a consultation")
    page.get_by_label("Day").fill("9")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Leila Hassan").check()
    page.locator("#child_asked").check()
    page.get_by_label("The child's view, in their own words").fill(
        "Mum can know about the plan. She helps when I'm scared."
    )
    page.get_by_label("Agrees", exact=True).check()
    page.get_by_label("How the child's view shaped the decision").fill(
        "We shared only the plan, as Amira asked."
    )
    page.get_by_label("We went ahead with involving them").check()
    page.locator("#child_told_outcome").check()
    page.get_by_role("button", name="Save consultation").click()
    expect(page.get_by_text("Consultation saved.")).to_be_visible()
    expect(flag_card(page, "child_not_consulted")).to_have_count(0)
    auditor.audit(page, "consultation resolved the flag")
    # The child's words now open the case page, above the flags and the timeline.
    voice = page.get_by_test_id("child-voice")
    expect(voice).to_contain_text("Mum can know about the plan.")
    assert voice.bounding_box()["y"] < page.locator("#timeline").bounding_box()["y"]

    # Dismiss the strengths flag with a reason.
    card = flag_card(page, "no_strengths")
    card.get_by_text("Dismiss this flag").click()
    auditor.audit(page, "dismiss form open")
    # Without a reason: an error summary, and the panel stays open with the error beside the box.
    card.get_by_role("button", name="Dismiss flag").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you are dismissing")
    card = flag_card(page, "no_strengths")
    expect(card.locator(".govuk-error-message")).to_be_visible()
    expect(card.get_by_label("Why does this flag not apply?")).to_be_visible()
    auditor.audit(page, "dismiss refused without a reason")
    card.get_by_label("Why does this flag not apply?").fill(
        "Strengths are recorded in the consultation the day before."
    )
    card.get_by_role("button", name="Dismiss flag").click()
    expect(page.get_by_text("Flag dismissed.")).to_be_visible()
    expect(flag_card(page, "no_strengths")).to_have_count(0)
    page.get_by_text("Dismissed flags (1)").click()
    expect(page.get_by_text("Strengths are recorded in the consultation")).to_be_visible()
    auditor.audit(page, "flag dismissed")

    assert case.id
    auditor.assert_clean()


def _worker_case_with_a_dismissed_flag(app: Flask, pages: Any, worker: Any, case: Any) -> None:
    """Through the pages, as the worker: an involvement that raises flags; dismiss one."""
    pages.sign_in(worker)
    carers = carer_ids(app, case)
    response = pages.submit(
        f"/cases/{case.id}/involvements/new",
        involvement_form(
            carers,
            shares_child_information="yes",
            shared_what="The safety plan",
            strengths="",
        ),
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    with app.app_context():
        flag_id = db.session.scalar(
            select(Flag.id).where(Flag.case_id == case.id, Flag.kind == "no_strengths")
        )
    response = pages.submit(
        f"/cases/{case.id}/flags/{flag_id}/dismiss",
        {"reason": "Strengths are in last week's visit note."},
        form_url=f"/cases/{case.id}",
    )
    assert response.status_code == 302


def test_manager_journey(page, browser, server_url, app, pages, make_user, make_case):
    auditor = Auditor()
    worker = make_user("practitioner", name="Sam Okafor")
    manager = make_user("manager", name="Priya Shah")
    moderator = make_user("manager", name="Kofi Mensah")
    case = make_case(worker, child_name="Jordan Price", carers=("Dee Price",))
    _worker_case_with_a_dismissed_flag(app, pages, worker, case)

    sign_in(page, manager.email, auditor)
    page.get_by_role("link", name="Dashboard", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("svg.pp-chart").first).to_be_visible()
    auditor.audit(page, "dashboard")
    page.set_viewport_size({"width": 375, "height": 800})  # a phone: the wide tables scroll
    auditor.audit(page, "dashboard at phone width")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Drill down: the team, the worker, the cases behind a figure, the case.
    if page.get_by_role("link", name="North Team").count():
        page.get_by_role("link", name="North Team").first.click()
        auditor.audit(page, "team dashboard")
    page.locator('[data-testid="figures"]').get_by_role("link", name="Sam Okafor").click()
    expect(page.get_by_role("heading", name="Sam Okafor", level=1)).to_be_visible()
    auditor.audit(page, "worker dashboard")
    expect(page.get_by_test_id("rate-rule")).to_be_visible()
    expect(page.locator('[data-testid="figures"]')).to_contain_text("fewer than 10")
    page.locator('[data-testid="flags"] [data-figure="flags_no_strengths"] a').first.click()
    expect(page.get_by_test_id("status-split")).to_contain_text("1 dismissed with a reason")
    auditor.audit(page, "flags behind a figure, by status")
    page.go_back()
    page.locator('[data-testid="figures"] [data-figure="open_cases"] a').first.click()
    auditor.audit(page, "cases behind a figure")
    page.get_by_role("link", name=re.compile("Jordan Price")).first.click()
    expect(page.get_by_role("heading", name="Jordan Price", level=1)).to_be_visible()
    auditor.audit(page, "case")

    # The dismissed flag, with the worker's reason; reopen it.
    page.get_by_text("Dismissed flags (1)").click()
    expect(page.get_by_text("Strengths are in last week's visit note.")).to_be_visible()
    auditor.audit(page, "dismissed flag shown")
    page.get_by_role("button", name="Reopen flag").click()
    expect(page.get_by_text("Flag reopened.")).to_be_visible()
    expect(page.locator('[data-flag-kind="no_strengths"][data-flag-status="reopened"]')).to_be_visible()
    auditor.audit(page, "flag reopened")

    # Audit the case as a task list: start a draft, try to submit it empty, then save each
    # section (the first one as a draft, then completed) and submit.
    page.get_by_role("button", name="Audit this case").click()
    auditor.audit(page, "audit start")
    page.get_by_role("button", name="Start the audit").click()
    expect(page.locator(".govuk-task-list")).to_be_visible()
    auditor.audit(page, "audit task list")
    task_list = page.url
    page.get_by_role("button", name="Submit the audit").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your findings")
    auditor.audit(page, "audit task list: what is missing")
    page.locator(".govuk-error-summary a").first.click()
    page.locator("#grade-1-good").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    auditor.audit(page, "audit section: errors")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()
    expect(page.locator(".govuk-task-list__item").first).to_contain_text("In progress")
    auditor.audit(page, "audit task list: a section in progress")
    for number in range(1, 9):
        page.goto(f"{task_list}/principle-{number}")
        page.locator(f"#grade-{number}-good").check()
        page.get_by_label("Evidence for your grade").fill(
            f"What the record shows for principle {number}."
        )
        page.get_by_role("button", name="Save and continue").click()
        expect(page.locator(".govuk-task-list")).to_be_visible()
    page.get_by_role("link", name="Findings").click()
    page.get_by_label("Findings").fill("Dee is treated as a partner; Jordan's view is clear.")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="Actions for the worker").click()
    auditor.audit(page, "audit actions")
    page.locator("#action-0-text").fill("Record Dee's own view at the next visit.")
    page.locator("#action-0-due-day").fill("15")
    page.locator("#action-0-due-month").fill("1")
    page.locator("#action-0-due-year").fill("2027")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("You have completed 9 of 9 sections.")).to_be_visible()
    auditor.audit(page, "audit task list: complete")
    page.get_by_role("button", name="Submit the audit").click()
    expect(page.get_by_text("Audit graded.")).to_be_visible()
    audit_url = page.url
    auditor.audit(page, "audit graded")

    # The worker responds, in their own browser.
    for who, step in ((worker, "respond"), (moderator, "moderate")):
        context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        other = context.new_page()
        try:
            sign_in(other, who.email)
            other.goto(audit_url)
            if step == "respond":
                other.get_by_role("button", name="Respond to this audit").click()
                auditor.audit(other, "respond to the audit")
                other.get_by_label(re.compile("Record Dee's own view")).check()
                other.get_by_label("Your response").fill("Done; Dee's view is now recorded.")
                other.get_by_role("button", name="Send response").click()
                expect(other.get_by_text("Response recorded.")).to_be_visible()
            else:
                other.get_by_role("button", name="Moderate this audit").click()
                auditor.audit(other, "moderate the audit")
                other.get_by_label("No, I would grade some principles differently").check()
                other.locator("#moderated-3").select_option("requires_improvement")
                other.locator("#reason-3").fill("Jordan's words are summarised, not quoted.")
                other.get_by_role("button", name="Record moderation").click()
                expect(other.get_by_text("Moderation recorded.")).to_be_visible()
                expect(other.get_by_test_id("moderation")).to_contain_text("Kofi Mensah")
            auditor.audit(other, f"audit after {step}")
        finally:
            context.close()

    # Back as the manager: the moderated audit, and the dashboard's figures as CSV.
    page.goto(audit_url)
    expect(page.get_by_test_id("status")).to_contain_text("Moderated")
    page.get_by_role("heading", level=1).scroll_into_view_if_needed()
    page.evaluate(
        "() => window.scrollTo(0, document.querySelector('h1').getBoundingClientRect().top"
        " + window.scrollY - 60)"
    )
    screenshot(page, "case-audit", full_page=False)
    auditor.audit(page, "moderated audit")
    page.get_by_role("link", name="Case audits", exact=True).click()
    auditor.audit(page, "case audits")
    page.get_by_role("link", name="Dashboard", exact=True).click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV (figures)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) >= 2 and "Open cases" in ",".join(rows[0]), rows[:2]

    auditor.assert_clean()
