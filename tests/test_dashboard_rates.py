"""Rates on too few records are not given or plotted; the flags behind a figure are split by
what has become of them (open, resolved, dismissed)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

from flask import Flask
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Flag, User
from parent_partners.operations import flags as flag_ops
from tests.conftest import PageClient
from tests.dashboard_support import PERIOD, build_service, figures, involvement, links, log


def _chart(html: str, chart_id: str) -> str:
    return html.split(f'id="{chart_id}-title"', 1)[1].split("</svg>", 1)[0]


def test_a_rate_on_fewer_than_ten_is_not_given_nor_plotted(
    pages: PageClient, app: Flask, make_user, make_case
):
    service = build_service(app, make_user, make_case)
    pages.sign_in(service.south_manager)
    team = service.south_worker.team_id
    html = unescape(pages.get(f"/dashboard/teams/{team}?{PERIOD}").get_data(as_text=True))
    # Two involvements, one without strengths: not "50%", and no "50 flags per 100".
    assert figures(html)["-1"]["strengths"] == "fewer"
    table = html.split('data-testid="figures"', 1)[1].split("</table>", 1)[0]
    assert "fewer than 10" in table and "50%" not in table and "50.0" not in table
    flags_chart = _chart(html, "chart-flags")
    assert "<rect" not in flags_chart and "fewer than 10 involvements" in flags_chart
    assert "too few to give a rate" in flags_chart
    trend_chart = _chart(html, "chart-trend")
    # No line and no point: the one circle is the legend's.
    assert "<polyline" not in trend_chart and trend_chart.count("<circle") == 1
    assert "are not plotted" in trend_chart


def test_ten_involvements_give_a_rate(pages: PageClient, app: Flask, make_user, make_case):
    service = build_service(app, make_user, make_case)
    [case] = service.south_cases
    log(app, case, service.south_worker, *(involvement(date(2026, 9, d)) for d in range(3, 11)))
    pages.sign_in(service.south_manager)
    team = service.south_worker.team_id
    html = pages.get(f"/dashboard/teams/{team}?{PERIOD}").get_data(as_text=True)
    # Ten involvements, one without strengths recorded.
    assert figures(html)["-1"]["strengths"] == "90%"
    assert "<rect" in _chart(html, "chart-flags")


def test_the_flags_behind_a_figure_are_split_by_status(
    pages: PageClient, app: Flask, make_user, make_case
):
    service = build_service(app, make_user, make_case)
    with app.app_context():
        flag = db.session.scalars(select(Flag).where(Flag.kind == "child_blame")).one()
        user = db.session.get(User, service.north_worker.id)
        assert user is not None
        flag_ops.dismiss(flag, user, "Quoting the police report, challenged in the next line")
        db.session.commit()
    pages.sign_in(service.north_manager)
    team, worker = service.north_worker.team_id, service.north_worker.id
    url = f"/dashboard/teams/{team}/workers/{worker}/cases?metric=flags_child_blame&{PERIOD}"
    html = unescape(pages.get(url).get_data(as_text=True))
    split = re.sub(r"<[^>]+>", "", html.split('data-testid="status-split"', 1)[1].split("</p>")[0])
    assert "Of the 1 flag behind this figure, 0 are still open, 0 resolved" in split
    assert "1 dismissed with a reason" in split
    [dismissed] = [u for u in links(html) if u.startswith("/dashboard/dismissed")]
    assert "Quoting the police report" in pages.get(dismissed).get_data(as_text=True)
    row = html.split('data-testid="cases-behind"', 1)[1]
    assert re.search(r'data-status="open"[^>]*>0<', row)
    assert re.search(r'data-status="dismissed"[^>]*>1<', row)
