"""Journeys through the principles' reflective tools, with axe on every page reached: a
practitioner records a child's feedback and writes a reflection; a principal rates the service,
sets an action and opens the printable report."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from parent_partners.principles import PRINCIPLES
from tests.browser.a11y import Auditor
from tests.browser.conftest import screenshot
from tests.browser.test_journeys import sign_in

pytestmark = pytest.mark.browser


def test_practitioner_records_a_childs_feedback_and_reflects(page, make_user, make_case):
    auditor = Auditor()
    worker = make_user("practitioner", name="Sam Okafor")
    case = make_case(worker, child_name="Amira Hassan")
    sign_in(page, worker.email, auditor)
    page.goto(f"/cases/{case.id}")
    page.get_by_role("button", name="Record the child's feedback").click()
    expect(page.get_by_role("heading", name="Record feedback from the child")).to_be_visible()
    auditor.audit(page, "child feedback form")

    # Saving with nothing answered shows the error summary, naming each statement.
    page.get_by_role("button", name="Save feedback").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Select how true statement 1 is for them")
    auditor.audit(page, "child feedback form: errors")

    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    for principle in PRINCIPLES:
        group = page.get_by_role("group", name=re.compile(rf"^{principle.number}\. "))
        answer = "I'd rather not say" if principle.number == 2 else "Mostly true"
        group.get_by_label(answer, exact=True).check()
    page.get_by_label(re.compile("in their own words")).fill(
        "She listens and she never makes me feel it's my fault."
    )
    page.get_by_role("group", name=re.compile("beyond this case")).get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("button", name="Save feedback").click()
    section = page.locator("#feedback-1, [id^=feedback-]").first
    expect(section).to_contain_text("never makes me feel it's my fault")
    expect(page.get_by_role("heading", name=re.compile(r"How the work feels to them \(1\)")))\
        .to_be_visible()
    auditor.audit(page, "case with feedback")
    screenshot(page, "case-feedback")

    page.get_by_role("link", name="Reflections").click()
    auditor.audit(page, "your reflections")
    page.get_by_role("button", name="Write a reflection").click()
    page.get_by_label("3. Respect the voices").fill("I asked Amira before calling her mum.")
    auditor.audit(page, "write a reflection")
    page.get_by_role("button", name="Save reflection").click()
    expect(page.get_by_text("I asked Amira before calling her mum.")).to_be_visible()
    auditor.audit(page, "a reflection")
    auditor.assert_clean()


def test_principal_rates_the_service_sets_an_action_and_prints(page, make_user, make_case):
    auditor = Auditor()
    worker = make_user("practitioner")
    make_case(worker)
    principal = make_user("principal", name="Ngozi Adeyemi")
    sign_in(page, principal.email, auditor)
    page.get_by_role("link", name="Self-assessment").click()
    auditor.audit(page, "self-assessments")
    page.get_by_role("button", name="Start a new self-assessment").click()
    for principle in PRINCIPLES:
        expect(page.get_by_role("heading", name=f"{principle.number}. {principle.name}"))\
            .to_be_visible()
    auditor.audit(page, "new self-assessment")
    page.get_by_label("Name of this assessment").fill("Winter review")
    for principle in PRINCIPLES:
        # The second choice of each principle's rating: "Developing".
        page.locator(f"#rating_{principle.number}-2").check()
    page.get_by_label("What the evidence tells you about principle 7 (optional)").fill(
        "Partnership with fathers stops at informing."
    )
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.get_by_role("heading", name="Winter review", level=1)).to_be_visible()
    auditor.audit(page, "a self-assessment")

    page.get_by_label("Principle", exact=True).select_option("7")
    page.get_by_label("What will be done").fill("Invite fathers to the parents' forum.")
    page.get_by_label("Who owns it").fill("Head of Service")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2027")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Invite fathers to the parents' forum.")).to_be_visible()
    auditor.audit(page, "a self-assessment with an action")

    page.get_by_role("link", name="Printable report for the safeguarding partnership board")\
        .click()
    expect(page.get_by_text("Partnership with fathers stops at informing.")).to_be_visible()
    auditor.audit(page, "printable report")
    screenshot(page, "self-assessment-report")

    page.goto("/voice/child")
    auditor.audit(page, "youth voice")
    page.goto("/voice/carer")
    auditor.audit(page, "parent voice")
    auditor.assert_clean()
