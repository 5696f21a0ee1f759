"""Dashboards: the figures follow every change, add up from worker to team to service, and
drill down to the flags behind them in a few clicks; managers see only their own team."""

from __future__ import annotations

import re
from html import unescape

from flask import Flask
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Flag, User, fairness_rollup, practice_rollup
from parent_partners.operations import flags as flag_ops
from parent_partners.operations import summaries
from tests.conftest import PageClient
from tests.dashboard_support import (
    BLAMING_NOTE,
    PERIOD,
    Journey,
    build_service,
    figures,
    flag_cells,
    links,
)


def _snapshot() -> tuple[list[tuple], list[tuple]]:
    practice = [
        tuple(row)
        for row in db.session.execute(select(practice_rollup))
        if any(row[3:])
    ]
    fairness = [
        tuple(row)
        for row in db.session.execute(select(fairness_rollup))
        if any(row[4:])
    ]
    return sorted(practice), sorted(fairness)


def test_summaries_kept_current_equal_a_full_rebuild(app: Flask, make_user, make_case):
    service = build_service(app, make_user, make_case)
    with app.app_context():
        kept = _snapshot()
        assert kept[0], "the rollup has rows"
        summaries.rebuild_all()
        db.session.commit()
        assert _snapshot() == kept
        # Dismissing a flag changes the open count; the rollup follows on commit.
        flag = db.session.scalars(select(Flag).where(Flag.kind == "child_blame")).one()
        user = db.session.get(User, service.north_worker.id)
        assert user is not None
        before = sum(r.flags_open for r in db.session.execute(select(practice_rollup)))
        flag_ops.dismiss(flag, user, "Quoting the police report, challenged in the next line")
        db.session.commit()
        after = sum(r.flags_open for r in db.session.execute(select(practice_rollup)))
        assert after == before - 1
        kept = _snapshot()
        summaries.rebuild_all()
        db.session.commit()
        assert _snapshot() == kept


def test_team_figures_add_up_to_the_service(pages, app: Flask, make_user, make_case):
    service = build_service(app, make_user, make_case)
    pages.sign_in(service.principal)
    page = pages.get(f"/dashboard?{PERIOD}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    service_figures = figures(html)
    total = service_figures.pop("-1")
    assert total["involvements"] == "5"
    assert total["open_cases"] == "3"
    assert total["flags_open"] == "3"  # child blame, not consulted, no strengths
    for name in ("open_cases", "involvements", "views_overridden", "flags_open"):
        assert sum(int(line[name]) for line in service_figures.values()) == int(total[name])
    team_ids = {
        service.north_worker.team_id: "North Team",
        service.south_worker.team_id: "South Team",
    }
    for team_id in team_ids:
        team_html = pages.get(f"/dashboard/teams/{team_id}?{PERIOD}").get_data(as_text=True)
        team_figures = figures(team_html)
        team_total = team_figures.pop("-1")
        assert team_total == service_figures[str(team_id)]
        for name in ("open_cases", "involvements", "flags_open"):
            assert sum(int(w[name]) for w in team_figures.values()) == int(team_total[name])
    # One sharing involvement, or two involvements, are too few to give a share.
    assert service_figures[str(service.north_worker.team_id)]["consultation"] == "fewer"
    assert service_figures[str(service.south_worker.team_id)]["strengths"] == "fewer"


def test_a_service_figure_reaches_its_flag_in_three_clicks(pages, app: Flask, make_user, make_case):
    service = build_service(app, make_user, make_case)
    pages.sign_in(service.principal)
    journey = Journey(pages, f"/dashboard?{PERIOD}")
    north = str(service.north_worker.team_id)
    # 1: the service figure leads to the team's dashboard.
    [url] = links(flag_cells(journey.html)[north]["flags_child_blame"])
    assert "North Team" in journey.click(url)
    # 2: the worker's figure leads to the cases behind it.
    [url] = links(flag_cells(journey.html)[str(service.north_worker.id)]["flags_child_blame"])
    assert "Cases flagged: wording that blames the child" in unescape(journey.click(url))
    case_links = [u for u in links(journey.html) if u.startswith("/cases/")]
    assert len(case_links) == 1
    # 3: the case, opened at its flags.
    html = unescape(journey.click(case_links[0]))
    # The flagged words are highlighted inside the note, so compare the text without tags.
    assert "Amira Hassan" in html and BLAMING_NOTE.split(" by ")[0] in re.sub(r"<[^>]+>", "", html)
    with app.app_context():
        flag = db.session.scalars(select(Flag).where(Flag.kind == "child_blame")).one()
    assert f'id="flag-{flag.id}"' in html
    assert journey.clicks == 3  # the promise to managers is at most four


def test_the_worker_page_and_open_cases_list(pages, app: Flask, make_user, make_case):
    service = build_service(app, make_user, make_case)
    pages.sign_in(service.north_manager)
    team = service.north_worker.team_id
    worker = service.north_worker.id
    html = pages.get(f"/dashboard/teams/{team}/workers/{worker}?{PERIOD}").get_data(as_text=True)
    assert figures(html)[str(worker)]["open_cases"] == "2"
    listing = pages.get(
        f"/dashboard/teams/{team}/workers/{worker}/cases?metric=open_cases&{PERIOD}"
    ).get_data(as_text=True)
    assert "Amira Hassan" in listing and "Bea North" in listing
    listing = pages.get(
        f"/dashboard/teams/{team}/workers/{worker}/cases?metric=not_consulted&{PERIOD}"
    ).get_data(as_text=True)
    assert "Bea North" in listing and "Amira Hassan" not in listing
    unknown = f"/dashboard/teams/{team}/workers/{worker}/cases?metric=nope"
    assert pages.get(unknown).status_code == 404


def test_who_sees_which_dashboard(pages, app: Flask, make_user, make_case):
    service = build_service(app, make_user, make_case)
    north, south = service.north_worker.team_id, service.south_worker.team_id
    pages.sign_in(service.north_worker)
    assert pages.get("/dashboard").status_code == 403
    assert pages.get(f"/dashboard/teams/{north}").status_code == 403
    assert pages.get("/dashboard/fairness").status_code == 403
    pages = PageClient(app.test_client())
    pages.sign_in(service.north_manager)
    response = pages.get(f"/dashboard?{PERIOD}")
    assert response.status_code == 302
    assert f"/dashboard/teams/{north}" in response.headers["Location"]
    assert pages.get(f"/dashboard/teams/{north}").status_code == 200
    assert pages.get(f"/dashboard/teams/{south}").status_code == 404
    south_worker = f"/dashboard/teams/{south}/workers/{service.south_worker.id}"
    assert pages.get(south_worker).status_code == 404
    assert pages.get(f"/dashboard/fairness?team={south}").status_code == 404
    assert pages.get("/dashboard/fairness").status_code == 200
    assert "Dashboard" in pages.get("/cases").get_data(as_text=True)


def test_admin_sees_no_dashboard(pages, make_user):
    admin = make_user("admin", team=None)
    pages.sign_in(admin)
    assert pages.get("/dashboard").status_code == 403


def test_charts_are_accessible_svg_with_the_data_beside_them(pages, app, make_user, make_case):
    service = build_service(app, make_user, make_case)
    pages.sign_in(service.principal)
    response = pages.get(f"/dashboard?{PERIOD}")
    html = response.get_data(as_text=True)
    assert html.count('<svg class="pp-chart" role="img"') == 3
    assert 'aria-labelledby="chart-flags-title chart-flags-desc"' in html
    assert '<title id="chart-trend-title">' in html and '<desc id="chart-trend-desc">' in html
    assert 'data-testid="trend"' in html and 'data-testid="flags"' in html
    assert "style=" not in html.split("<main", 1)[1]  # the CSP forbids inline styles
    assert "cdn" not in html.lower()
    assert "style-src 'self'" in response.headers["Content-Security-Policy"]
