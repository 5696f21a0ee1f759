"""On a 375 px phone no page of the practitioner's or manager's day is wider than the screen.

The same breadth-first crawl as the axe crawl, at 375 by 740 CSS pixels: every page
reached must fit the viewport (nothing to scroll sideways) and still pass axe.
A table may scroll inside its own focusable region; the page itself must not.
"""

from __future__ import annotations

from typing import Any

import pytest

from parent_partners.demo import DEMO_PASSWORD
from tests.browser.a11y import Auditor
from tests.browser.conftest import screenshot
from tests.browser.test_accessibility_crawl import crawl, demo_data  # noqa: F401

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}

# The widest elements, so a failure says what overflowed.
WIDEST = """() => {
  const limit = document.documentElement.clientWidth
  return [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > limit + 1)
    .filter(e => !e.closest('.pp-table-scroll') && !e.closest('.govuk-visually-hidden'))
    .slice(0, 3)
    .map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' right=' +
              Math.round(e.getBoundingClientRect().right))
}"""


@pytest.mark.parametrize("email", ["practitioner@example.org", "manager@example.org"])
def test_no_page_is_wider_than_a_phone(
    browser: Any,
    server_url: str,
    demo_data: None,  # noqa: F811
    email: str,
) -> None:
    """Crawl as the role on a phone-sized screen; list every page that scrolls sideways."""
    auditor = Auditor()
    too_wide: list[str] = []

    def fits(page: Any) -> None:
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append(f"{page.url} is {width}px wide: {page.evaluate(WIDEST)}")

    context = browser.new_context(base_url=server_url, viewport=PHONE, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        page.goto("/login")
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        page.goto("/cases")
        screenshot(page, f"phone-cases-{email.split('@')[0]}", full_page=False)
        visited = crawl(page, server_url, auditor, f"{email} at 375px", check=fits)
        assert len(visited) >= 8, visited
    finally:
        context.close()
    assert not too_wide, "\n".join(too_wide)
    auditor.assert_clean()
