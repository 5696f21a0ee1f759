"""Shared helpers for the dashboard, audit and export tests: a small service with known slips,
and reading figures out of the pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import unescape
from typing import Any

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import Case, User
from parent_partners.operations import partnership
from parent_partners.operations.record_inputs import InvolvementInput

PERIOD = "from=2026-01&to=2026-12"
BLAMING_NOTE = "Amira keeps putting herself at risk by going to the flat."
LINK = re.compile(r'<a class="govuk-link" href="([^"]+)"')


@dataclass
class Service:
    """Who and what the small service holds (ids only: objects are detached)."""

    north_worker: User
    north_manager: User
    south_worker: User
    south_manager: User
    principal: User
    north_cases: list[Case]
    south_cases: list[Case]


def involvement(day: date, **values: Any) -> dict[str, Any]:
    """An involvement's values, good practice unless overridden."""
    data: dict[str, Any] = {
        "date": day,
        "kind": "home_visit",
        "partnership_level": "consulted",
        "shares_child_information": False,
        "parent_view": "I just want her home safe.",
        "strengths": "Mum knows her friends and noticed the new phone first.",
        "notes": "Talked through the safety plan together.",
    }
    data.update(values)
    return data


def log(app: Flask, case: Case, worker: User, *entries: dict[str, Any]) -> None:
    """Log involvements with every carer of the case, through the operations, and commit."""
    with app.app_context():
        live = db.session.get(Case, case.id)
        user = db.session.get(User, worker.id)
        assert live is not None and user is not None
        carers = [c.id for c in live.carers]
        for values in entries:
            partnership.log_involvement(live, user, InvolvementInput(**values, carer_ids=carers))
        db.session.commit()


def build_service(app: Flask, make_user: Any, make_case: Any) -> Service:
    """Two teams; North has two cases (one with blaming wording, one shared without asking the
    child), South one case with no strengths recorded."""
    north_worker = make_user("practitioner", team="North Team")
    north_manager = make_user("manager", team="North Team")
    south_worker = make_user("practitioner", team="South Team")
    south_manager = make_user("manager", team="South Team")
    principal = make_user("principal", team=None)
    n1 = make_case(north_worker, child_name="Amira Hassan")
    n2 = make_case(north_worker, child_name="Bea North")
    s1 = make_case(south_worker, child_name="Cal South")
    log(
        app,
        n1,
        north_worker,
        involvement(date(2026, 6, 10)),
        involvement(date(2026, 7, 3), notes=BLAMING_NOTE, partnership_level="involved"),
    )
    log(
        app,
        n2,
        north_worker,
        involvement(
            date(2026, 7, 20),
            shares_child_information=True,
            shared_what="The safety plan.",
            shared_why="So mum can help at weekends.",
        ),
    )
    log(
        app,
        s1,
        south_worker,
        involvement(date(2026, 8, 2), strengths="", partnership_level="partner"),
        involvement(date(2026, 9, 2)),
    )
    return Service(
        north_worker, north_manager, south_worker, south_manager, principal, [n1, n2], [s1]
    )


def figures(html: str) -> dict[str, dict[str, str]]:
    """The figures table as {line id: {figure: text}} (text with links stripped)."""
    table = html.split('data-testid="figures"', 1)[1].split("</table>", 1)[0]
    out: dict[str, dict[str, str]] = {}
    for line, body in re.findall(r'data-line="(-?\d+)">(.*?)</tr>', table, re.S):
        cells = re.findall(r'data-figure="([^"]+)">(.*?)</td>', body, re.S)
        out[line] = {name: _first_number(text) for name, text in cells}
    return out


def flag_cells(html: str) -> dict[str, dict[str, str]]:
    """The flags-by-kind table as {line id: {flags_kind: cell html}}."""
    table = html.split('data-testid="flags"', 1)[1].split("</table>", 1)[0]
    out: dict[str, dict[str, str]] = {}
    for line, body in re.findall(r'data-line="(-?\d+)">(.*?)</tr>', table, re.S):
        out[line] = dict(re.findall(r'data-figure="([^"]+)">(.*?)</td>', body, re.S))
    return out


def _first_number(cell: str) -> str:
    text = unescape(re.sub(r"<[^>]+>", " ", cell)).strip()
    return text.split()[0] if text else ""


def links(html: str) -> list[str]:
    """Every GOV.UK link's target, unescaped."""
    return [unescape(href) for href in LINK.findall(html)]


class Journey:
    """A person working through pages by following links: every click is a link on the page
    they are on, and the clicks are counted as they happen."""

    def __init__(self, pages: Any, start: str) -> None:
        self.pages = pages
        self.html = pages.get(start).get_data(as_text=True)
        self.clicks = 0

    def click(self, href: str) -> str:
        """Follow ``href``, which must be a link on the current page; return the new page."""
        assert href in links(self.html), f"{href} is not a link on the page the person is on"
        response = self.pages.get(href)
        assert response.status_code == 200, (href, response.status_code)
        self.html = response.get_data(as_text=True)
        self.clicks += 1
        return self.html
