"""Every page a practitioner, a manager or a principal can reach from their home page passes axe.

Breadth-first over every same-site ``<a href>`` from the home page, on the demo
data (plus one case audit, graded, answered and moderated, so the audit pages
have something in them). Downloads (CSV, spreadsheets, JSON) are not pages and
sign-out is a form, so neither is followed. URLs of one shape (digits folded) are
visited at most ``PER_SHAPE`` times so the crawl stays quick.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urldefrag, urlsplit

import pytest
from flask import Flask
from sqlalchemy import select

from parent_partners.demo import DEMO_PASSWORD, seed_demo
from parent_partners.extensions import db
from parent_partners.models import Case, User
from parent_partners.operations import case_audits, passwords, people
from tests.audit_support import graded_audit
from tests.browser.a11y import Auditor
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

PER_SHAPE = 1
SHOTS = {"manager@example.org": {r"^/dashboard/teams/\d+$": "dashboard-demo"}}
MAX_PAGES = 80
SKIP_PATHS = ("/logout", "/static/")
SKIP_SUFFIXES = (".json", ".csv", ".xlsx", ".pdf")
DOWNLOAD_FORMATS = {"csv", "xlsx", "json"}


@cache
def _demo_hash() -> str:
    return passwords.hash_password(DEMO_PASSWORD)


@pytest.fixture
def demo_data(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The demo teams, staff and a dozen cases, with one case audit through every step."""
    monkeypatch.setattr(people, "hash_password", lambda password: _demo_hash())
    with app.app_context():
        seed_demo(case_count=12, seed=2026, if_empty=False, echo=lambda line: None)
        db.session.commit()
        manager = db.session.scalar(select(User).where(User.email == "manager@example.org"))
        principal = db.session.scalar(select(User).where(User.email == "principal@example.org"))
        sam = db.session.scalar(select(User).where(User.email == "practitioner@example.org"))
        assert manager and principal and sam
        case = db.session.scalar(select(Case).where(Case.worker_id == sam.id).order_by(Case.id))
        assert case is not None
        record = graded_audit(
            case, manager, "Strong partnership with the mother; the child's voice is clear.",
            [case_audits.ActionInput("Record the father's view.", date(2030, 1, 31))],
        )
        case_audits.respond(record, sam, "Agreed; booked a visit.", set(), record.version)
        case_audits.moderate(
            record, principal, agrees=True, note="Fair grades.", different={},
            seen_version=record.version,
        )
        db.session.commit()
    yield


def _shape(url: str) -> str:
    parts = urlsplit(url)
    keys = ",".join(sorted({key for key, _ in parse_qsl(parts.query)}))
    return re.sub(r"\d+", "N", parts.path) + "?" + keys


def _followable(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return False
    if parts.path.startswith(SKIP_PATHS) or parts.path.endswith(SKIP_SUFFIXES):
        return False
    return not any(
        key == "format" and value in DOWNLOAD_FORMATS for key, value in parse_qsl(parts.query)
    )


def _show_chart(page: Any) -> None:
    """Scroll so the first chart sits below the page's heading, for a screenshot."""
    page.evaluate(
        "() => { const c = document.querySelector('#flags') || document.querySelector('h1');"
        " if (c) window.scrollTo(0, c.getBoundingClientRect().top + window.scrollY - 20) }"
    )


def crawl(
    page: Any,
    origin: str,
    auditor: Auditor,
    who: str,
    shots: dict[str, str] | None = None,
    check: Callable[[Any], None] | None = None,
) -> list[str]:
    """Visit every followable page reachable from the home page; audit each one.

    ``shots`` maps a path pattern to a screenshot name, taken on the first page that matches;
    ``check`` is called on every page as well as axe.
    """
    taken: set[str] = set()
    queue: deque[str] = deque([origin + "/"])
    seen: set[str] = {origin + "/"}
    shapes: dict[str, int] = {}
    visited: list[str] = []
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        response = page.goto(url)
        status = response.status if response is not None else None
        assert response is not None and response.ok, f"{url} answered {status}"
        seen.add(page.url)  # where a redirect led, so that page is not visited again
        visited.append(page.url)
        auditor.audit(page, f"as {who}")
        if check is not None:
            check(page)
        for pattern, name in (shots or {}).items():
            if re.search(pattern, urlsplit(page.url).path) and name not in taken:
                taken.add(name)
                _show_chart(page)
                screenshot(page, name, full_page=False)
        hrefs: list[str] = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            link = urldefrag(href).url
            if link in seen or not _followable(link, origin):
                continue
            seen.add(link)
            shape = _shape(link)
            if shapes.get(shape, 0) >= PER_SHAPE:
                continue
            shapes[shape] = shapes.get(shape, 0) + 1
            queue.append(link)
    return visited


ROLES = ("practitioner@example.org", "manager@example.org", "principal@example.org")


def test_every_page_reachable_from_home_passes_axe(
    browser: Any, server_url: str, demo_data: None
) -> None:
    """One crawl per role, on one load of the demo data; every violation listed at the end."""
    auditor = Auditor()
    for email in ROLES:
        context = browser.new_context(base_url=server_url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(10_000)
        page = context.new_page()
        try:
            page.goto("/login")
            page.get_by_label("Email address").fill(email)
            page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_load_state()
            assert "/login" not in page.url, email
            visited = crawl(page, server_url, auditor, email, SHOTS.get(email))
            assert len(visited) >= 8, (email, visited)
        finally:
            context.close()
    auditor.assert_clean()
