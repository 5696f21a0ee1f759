"""The practitioner's journey with the keyboard alone, the place of focus always visible.

Only ``page.keyboard`` drives the pages: Tab to move, Space and arrows for radios and
checkboxes, Enter for links and buttons, typing into the focused box. After every Tab
the focused element must show a focus indicator (GOV.UK's yellow, or an outline of at
least 2px) and be inside the viewport (not hidden off screen).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import Auditor
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

MAX_TABS = 80

FOCUS_STATE = """
() => {
  const el = document.activeElement
  if (!el || el === document.body || el === document.documentElement) {
    return {ok: false, onScreen: false, what: 'nothing (body)'}
  }
  const YELLOW = 'rgb(255, 221, 0)'
  const visible = (s) => Boolean(s) && (
    (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 &&
     !/rgba\\(.*, 0\\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent') ||
    s.boxShadow.includes(YELLOW) || s.backgroundColor === YELLOW)
  const styles = [getComputedStyle(el)]
  if (el.matches('.govuk-radios__input, .govuk-checkboxes__input') && el.labels && el.labels[0]) {
    styles.push(getComputedStyle(el.labels[0], '::before'))
    styles.push(getComputedStyle(el.labels[0], '::after'))
  }
  const box = (el.matches('.govuk-radios__input, .govuk-checkboxes__input') && el.labels[0]
    ? el.labels[0] : el).getBoundingClientRect()
  const onScreen = box.bottom > 0 && box.top < window.innerHeight && box.right > 0 &&
    box.left < window.innerWidth
  const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim()
  const what = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (text ? ' "' + text.slice(0, 40) + '"' : '')
  return {ok: styles.some(visible), onScreen, what}
}
"""


class Keyboard:
    """Moves through a page with Tab only, checking focus is visible after each press."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.presses = 0

    def tab(self) -> dict[str, Any]:
        self.page.keyboard.press("Tab")
        self.presses += 1
        state: dict[str, Any] = self.page.evaluate(FOCUS_STATE)
        if state["what"] == "nothing (body)":
            return state  # past the last link, focus goes to the browser's own controls
        assert state["ok"], f"no visible focus indicator on {state['what']} ({self.page.url})"
        assert state["onScreen"], f"focused {state['what']} is off screen ({self.page.url})"
        return state

    def to(self, selector: str, text: str | None = None) -> None:
        """Tab until the focused element matches ``selector`` (and contains ``text``)."""
        seen = []
        for _ in range(MAX_TABS):
            state = self.tab()
            seen.append(state["what"])
            matches = self.page.evaluate(
                "([sel, text]) => { const el = document.activeElement;"
                " return el.matches(sel) && (!text || (el.innerText || '').includes(text)) }",
                [selector, text],
            )
            if matches:
                return
        raise AssertionError(f"Tab never reached {selector} {text or ''}: went through {seen}")

    def type_into(self, selector: str, text: str) -> None:
        self.to(selector)
        self.page.keyboard.type(text)

    def check(self, selector: str) -> None:
        """Tab to a radio or checkbox and press Space."""
        self.to(selector)
        self.page.keyboard.press("Space")
        assert self.page.evaluate("() => document.activeElement.checked"), selector

    def date(self, prefix: str, day: str, month: str, year: str) -> None:
        self.type_into(f"#{prefix}-day", day)
        self.type_into(f"#{prefix}-month", month)
        self.type_into(f"#{prefix}-year", year)

    def press(self, selector: str, text: str | None = None, *, navigates: bool = True) -> None:
        """Tab to a link or button and press Enter (waiting for the page it opens)."""
        self.to(selector, text)
        if not navigates:
            self.page.keyboard.press("Enter")
            return
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")


def test_practitioner_journey_with_the_keyboard_only(page, make_user, make_case):
    auditor = Auditor()
    worker = make_user("practitioner")
    make_case(worker, child_name="Amira Hassan", carers=())
    keys = Keyboard(page)

    page.goto("/login")
    keys.press(".govuk-skip-link", "Skip to main content", navigates=False)
    keys.type_into("#email", worker.email)
    keys.type_into("#password", PASSWORD)
    keys.press("button", "Sign in")
    expect(page.get_by_role("heading", name="Your cases")).to_be_visible()

    keys.press("a", "Amira Hassan")
    expect(page.get_by_role("heading", name="Amira Hassan", level=1)).to_be_visible()

    # Add a carer.
    keys.press("a.govuk-button", "Add a parent or carer")
    expect(page.get_by_role("heading", name="Add a parent or carer")).to_be_visible()
    keys.type_into("#name", "Leila Hassan")
    keys.to("#relationship")
    page.keyboard.type("Mother")
    assert page.locator("#relationship").input_value() == "mother"
    keys.check("#parental_responsibility")
    keys.check("#safe_to_involve")
    keys.press("button", "Save parent or carer")
    expect(page.get_by_text("Leila Hassan, mother")).to_be_visible()

    # Log an involvement: the live flag shows, then goes once reworded.
    keys.press("a.govuk-button", "Log an involvement")
    keys.date("date", "10", "11", "2026")
    keys.check("#carer_ids")
    keys.check("#kind")  # Home visit
    keys.to("#partnership_level")  # the first level; arrows move and select
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#partnership_level-3")).to_be_checked()
    keys.check("#shares_child_information")
    keys.type_into("#shared_what", "The safety plan for weekends.")
    keys.type_into("#parent_view", "I want to help keep her safe.")
    keys.to("#parent_distress")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#parent_distress-2")).to_be_checked()
    keys.type_into("#notes", "Amira keeps putting herself at risk by going to the flat.")
    live = page.locator("#notes-live-flags")
    expect(live).to_contain_text("putting herself at risk")
    expect(live).to_contain_text("Try instead:")
    auditor.audit(page, "keyboard: live flag")
    page.keyboard.press("Control+A")
    page.keyboard.type("Adults at the flat are targeting Amira; we agreed a safety plan.")
    expect(live).to_have_text("No wording to check in Your notes now.")
    keys.press("button", "Save involvement")
    expect(page.get_by_text("Involvement saved.")).to_be_visible()
    expect(page.locator('[data-flag-kind="child_not_consulted"]')).to_be_visible()

    # Record the consultation: the flag resolves.
    keys.press("a.govuk-button", "Record a consultation with the child")
    keys.date("date", "9", "11", "2026")
    keys.check("#carer_ids")
    keys.check("#child_asked")
    keys.type_into("#child_view", "Mum can know about the plan.")
    keys.check("#child_wish")  # Agrees
    keys.type_into("#influence", "We shared only the plan, as Amira asked.")
    keys.check("#decision")  # We went ahead with involving them
    keys.check("#child_told_outcome")
    keys.press("button", "Save consultation")
    expect(page.get_by_text("Consultation saved.")).to_be_visible()
    expect(page.locator('[data-flag-kind="child_not_consulted"][data-flag-status="open"]')).to_have_count(0)

    # Dismiss the strengths flag with a reason, through its details.
    keys.press('[data-flag-kind="no_strengths"] summary', "Dismiss this flag", navigates=False)
    keys.type_into('[data-flag-kind="no_strengths"] textarea', "Strengths are in the consultation.")
    keys.press('[data-flag-kind="no_strengths"] button', "Dismiss flag")
    expect(page.get_by_text("Flag dismissed.")).to_be_visible()
    expect(page.locator('[data-flag-kind="no_strengths"][data-flag-status="open"]')).to_have_count(0)

    # Sign out, still by keyboard.
    keys.press("button", "Sign out")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert keys.presses > 40
    auditor.assert_clean()
