"""Blame flags appear beside the notes while the practitioner types, and go when reworded."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_practitioner_journey import sign_in

pytestmark = pytest.mark.browser


def test_flag_appears_while_typing_and_goes_when_reworded(page, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    sign_in(page, worker.email)
    page.goto(f"/cases/{case.id}/involvements/new")

    notes = page.get_by_label("Your notes")
    notes.fill("Amira keeps putting herself at risk by going to the flat.")
    live = page.locator("#notes-live-flags")
    expect(live).to_contain_text("putting herself at risk")
    expect(live).to_contain_text("Try instead:")
    expect(live).to_contain_text("Source:")
    screenshot(page, "live-flag")

    notes.fill("Adults at the flat are targeting Amira; we agreed a safety plan.")
    expect(live).not_to_contain_text("putting herself at risk")
    expect(live.locator(".pp-live-flag")).to_have_count(0)
    expect(live).to_have_text("No wording to check in Your notes now.")
