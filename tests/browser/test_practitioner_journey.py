"""A practitioner signs in, opens a case and logs an involvement, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def sign_in(page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_sign_in_open_a_case_and_log_an_involvement(page, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker, child_name="Amira Hassan", carers=("Leila Hassan",))

    sign_in(page, worker.email)
    expect(page.get_by_role("heading", name="Your cases")).to_be_visible()
    screenshot(page, "cases-list")

    page.get_by_role("link", name="Amira Hassan").click()
    expect(page).to_have_url(re.compile(rf"/cases/{case.id}$"))
    expect(page.get_by_role("heading", name="Amira Hassan", level=1)).to_be_visible()

    page.get_by_role("button", name="Log an involvement").click()
    page.get_by_label("Day").fill("10")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Leila Hassan").check()
    page.get_by_label("Home visit").check()
    page.get_by_label("Involved – their views shaped plans").check()
    # GOV.UK radios number their items: "-2" is the second choice, "No".
    page.locator("#shares_child_information-2").check()
    page.get_by_label("The parent or carer's own view, in their words").fill(
        "I want to help keep her safe."
    )
    page.get_by_label("Strengths seen").fill(
        "Leila spotted the new phone and told us straight away."
    )
    page.locator("#parent_distress-2").check()
    page.get_by_label("Your notes").fill("Planned next steps together at the kitchen table.")
    screenshot(page, "involvement-form")
    page.get_by_role("button", name="Save involvement").click()

    expect(page.get_by_text("Involvement saved.")).to_be_visible()
    expect(page.get_by_text("I want to help keep her safe.")).to_be_visible()
    screenshot(page, "case-page")


def test_a_form_posted_without_its_csrf_token_is_refused(page, make_user):
    worker = make_user("practitioner")
    page.goto("/login")
    page.evaluate("document.querySelector('input[name=csrf_token]').remove()")
    page.get_by_label("Email address").fill(worker.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="There is a problem with your request")).to_be_visible()
