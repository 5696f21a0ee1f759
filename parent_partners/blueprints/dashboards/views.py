"""Dashboards: the service (principal), a team (manager), a worker, the cases behind a figure,
and the fairness view. Every table downloads as CSV or XLSX (``?format=csv&table=...``)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response as BaseResponse

from parent_partners.blueprints.dashboards.charts import Series, bar_chart, line_chart
from parent_partners.blueprints.dashboards.describe import describe_series
from parent_partners.blueprints.downloads import download
from parent_partners.extensions import db
from parent_partners.identity import actor
from parent_partners.models import Case, Team, User
from parent_partners.operations import access_trail, exports, periods, rates
from parent_partners.operations import dashboards as dash
from parent_partners.operations import fairness as fair
from parent_partners.operations.dashboards import Dashboard
from parent_partners.operations.periods import Period
from parent_partners.permissions import Permission, requires, role_has
from parent_partners.same_site import require_same_site
from parent_partners.vocabulary import FLAG_KINDS, TEAM_ROLES

bp = Blueprint("dashboards", __name__, url_prefix="/dashboard")

MAX_PAGE = 100_000
PAGE_SIZE = 50
KINDS = [kind for kind, _ in FLAG_KINDS]


# ----------------------------------------------------------------------------- formatting


def _missing(base: int | None) -> str:
    return f"fewer than {rates.MIN_BASE}" if base is not None and rates.too_few(base) else "–"


def pct(value: float | None, base: int | None = None) -> str:
    """A share as a whole percentage; "fewer than 10" when ``base`` (what it is a share of)
    is too small to give one, a dash when there is nothing to divide."""
    return _missing(base) if value is None else f"{value:.0f}%"


def rate(value: float | None, base: int | None = None) -> str:
    """A rate to one decimal place; "fewer than 10" or a dash as for ``pct``."""
    return _missing(base) if value is None else f"{value:.1f}"


def days(value: float | None) -> str:
    """Median days to resolve, readable."""
    if value is None:
        return "–"
    if value < 1:
        return "under 1 day"
    return f"{value:.0f} {'day' if round(value) == 1 else 'days'}"


# ----------------------------------------------------------------------------- scope


def _team_or_404(team_id: int) -> Team:
    """The team, if the actor may see its dashboard (principals: any; managers: their own)."""
    user = actor()
    # No team has an id the database cannot even hold (PostgreSQL would refuse the query).
    team = db.session.get(Team, team_id) if 0 < team_id < 2**31 else None
    if team is None:
        abort(404)
    if role_has(user.role, Permission.VIEW_SERVICE_DASHBOARD):
        return team
    if user.team_id != team.id:
        abort(404)
    return team


def _worker_or_404(worker_id: int, team: Team) -> User | None:
    """The worker, if they belong to the team or hold (or held) one of its cases."""
    if worker_id == 0:
        return None
    worker = db.session.get(User, worker_id) if 0 < worker_id < 2**31 else None
    if worker is None or worker.role not in TEAM_ROLES:
        abort(404)
    if worker.team_id != team.id:
        # Someone who moved teams still answers for the cases they held here.
        held_here = db.session.scalar(
            select(Case.id).where(Case.team_id == team.id, Case.worker_id == worker.id).limit(1)
        )
        if held_here is None:
            abort(404)
    return worker


# ----------------------------------------------------------------------------- tables


def _figure_headers(first: str) -> list[str]:
    return [
        first,
        "Open cases at end of period",
        "Involvements",
        "Involvements sharing information about the child",
        "With a valid child consultation",
        "Valid child consultation (%)",
        "Child's view overridden",
        "Strengths recorded (%)",
        "Open flags",
        "Flags resolved",
        "Median days to resolve",
        "Flags per 100 involvements",
    ]


def _figure_cells(name: str, f: dash.Figures) -> list[Any]:
    share = f.consultation_share
    strengths = f.strengths_share
    median = f.median_days_to_resolve
    per_100 = f.flags_per_100()
    return [
        name,
        f.open_cases,
        f.involvements,
        f["needs_consultation"],
        f["consulted_ok"],
        None if share is None else round(share, 1),
        f["views_overridden"],
        None if strengths is None else round(strengths, 1),
        f["flags_open"],
        f.resolved,
        None if median is None else round(median, 1),
        None if per_100 is None else round(per_100, 1),
    ]


def _tables(board: Dashboard, first: str) -> dict[str, exports.ExportTable]:
    lines = [*board.lines, dash.Line(-1, "Total", board.total)]
    period = board.period.label
    figures = exports.ExportTable(
        "figures", f"Figures, {period}", _figure_headers(first),
        [_figure_cells(line.name, line.figures) for line in lines],
    )
    flags = exports.ExportTable(
        "flags",
        f"Flags per 100 involvements, {period}",
        [first, "Involvements", *(f"{label} per 100" for _, label in FLAG_KINDS)],
        [
            [
                line.name,
                line.figures.involvements,
                *(
                    None if (v := line.figures.flags_per_100(kind)) is None else round(v, 1)
                    for kind in KINDS
                ),
            ]
            for line in lines
        ],
    )
    levels = exports.ExportTable(
        "levels",
        f"Partnership levels reached, {period}",
        [first, *(dash.LEVEL_LABELS[level] for level in dash.LEVEL_VALUES)],
        [
            [line.name, *(line.figures.level(level) for level in dash.LEVEL_VALUES)]
            for line in lines
        ],
    )
    trend = exports.ExportTable(
        "trend",
        f"Monthly trend, {period}",
        [
            "Month",
            "Open cases at month end",
            "Involvements",
            "Valid child consultation (%)",
            "Strengths recorded (%)",
            "Flags per 100 involvements",
        ],
        [
            [
                periods.month_value(point.month),
                point.figures.open_cases,
                point.figures.involvements,
                _round(point.figures.consultation_share),
                _round(point.figures.strengths_share),
                _round(point.figures.flags_per_100()),
            ]
            for point in board.trend
        ],
    )
    return {t.key: t for t in (figures, flags, levels, trend)}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _export(tables: dict[str, exports.ExportTable], stem: str) -> BaseResponse | None:
    """Answer ``?format=csv|xlsx&table=key`` with the download, or None for the HTML page."""
    kind = request.args.get("format")
    if kind is None:
        return None
    table = tables.get(request.args.get("table", ""))
    if kind not in ("csv", "xlsx") or table is None:
        abort(404)
    require_same_site()
    access_trail.record(
        "dashboard_exported",
        summary=f"Downloaded {table.title} as {kind.upper()}",
        data={"page": request.path, "table": table.key, "format": kind},
    )
    return download(table, kind, f"{stem}-{table.key}")


# ----------------------------------------------------------------------------- charts


def _charts(board: Dashboard) -> dict[str, Any]:
    total = board.total
    flag_items = [(label, total.flags_per_100(kind)) for kind, label in FLAG_KINDS]
    worst = max(
        ((label, v) for label, v in flag_items if v is not None),
        key=lambda item: item[1],
        default=None,
    )
    small = rates.too_few(total.involvements)
    few = f"fewer than {rates.MIN_BASE} involvements"
    flags_summary = f"Flags per 100 involvements by kind, {board.period.label}. " + (
        f"The most common is {worst[0].lower()}, at {worst[1]:.1f}."
        if worst
        else f"Not worked out: {few}, too few to give a rate." if small else "No data."
    )
    labels = [point.label for point in board.trend]
    consult = [point.figures.consultation_share for point in board.trend]
    strengths = [point.figures.strengths_share for point in board.trend]
    trend_summary = (
        f"Monthly trend, {board.period.label}. "
        + describe_series("Valid child consultation", list(zip(labels, consult, strict=True)))
        + " "
        + describe_series("Strengths recorded", list(zip(labels, strengths, strict=True)))
    )
    if any(rates.too_few(point.figures.involvements) for point in board.trend):
        trend_summary += (
            f" Months with fewer than {rates.MIN_BASE} records to divide by have no figure and "
            "are not plotted."
        )
    per_100 = [point.figures.flags_per_100() for point in board.trend]
    return {
        "flags": bar_chart(
            "chart-flags", "Flags per 100 involvements, by kind", flag_items,
            summary=flags_summary, missing=few if small else "no data",
        ),
        "flags_summary": flags_summary,
        "trend": line_chart(
            "chart-trend",
            "Valid child consultation and strengths recorded, by month (%)",
            labels,
            [Series("Valid child consultation", consult), Series("Strengths recorded", strengths)],
            unit="%",
            summary=trend_summary,
            fixed_top=100,
        ),
        "trend_summary": trend_summary,
        "flag_trend": line_chart(
            "chart-flag-trend",
            "Flags per 100 involvements, by month",
            labels,
            [Series("Flags per 100 involvements", per_100)],
            summary="Flags raised per 100 involvements in each month of " + board.period.label,
        ),
    }


def _render(board: Dashboard, tables: dict[str, exports.ExportTable], **context: Any) -> str:
    return render_template(
        "parent_partners/dashboards/dashboard.html",
        board=board,
        tables=tables,
        charts=_charts(board),
        kinds=FLAG_KINDS,
        levels=[(level, dash.LEVEL_LABELS[level]) for level in dash.LEVEL_VALUES],
        months=periods.month_choices(),
        pct=pct,
        rate=rate,
        days=days,
        min_base=rates.MIN_BASE,
        **context,
    )


# ----------------------------------------------------------------------------- views


@bp.get("")
@requires(Permission.VIEW_TEAM_DASHBOARD)
def service() -> str | BaseResponse:
    """The service dashboard (principals); a manager is taken to their team's."""
    user = actor()
    period = Period.from_args(request.args)
    if not role_has(user.role, Permission.VIEW_SERVICE_DASHBOARD):
        if user.team_id is None:
            abort(404)
        target: dict[str, Any] = {"team_id": user.team_id, **period.args}
        return redirect(url_for("partners.dashboards.team", **target))
    board = dash.service_dashboard(period)
    tables = _tables(board, "Team")
    return _export(tables, "service-dashboard") or _render(board, tables)


@bp.get("/teams/<int:team_id>")
@requires(Permission.VIEW_TEAM_DASHBOARD)
def team(team_id: int) -> str | BaseResponse:
    """A team's dashboard: its figures, worker by worker."""
    team = _team_or_404(team_id)
    period = Period.from_args(request.args)
    board = dash.team_dashboard(period, team)
    tables = _tables(board, "Worker")
    return _export(tables, f"{team.name}-dashboard") or _render(board, tables)


@bp.get("/teams/<int:team_id>/workers/<int:worker_id>")
@requires(Permission.VIEW_TEAM_DASHBOARD)
def worker(team_id: int, worker_id: int) -> str | BaseResponse:
    """One worker's figures within a team, each leading to the cases behind it."""
    team = _team_or_404(team_id)
    person = _worker_or_404(worker_id, team)
    period = Period.from_args(request.args)
    board = dash.worker_dashboard(period, team, person)
    tables = _tables(board, "Worker")
    name = person.name if person else "not-allocated"
    return _export(tables, f"{name}-dashboard") or _render(board, tables)


@bp.get("/teams/<int:team_id>/workers/<int:worker_id>/cases")
@requires(Permission.VIEW_TEAM_DASHBOARD)
def cases(team_id: int, worker_id: int) -> str | BaseResponse:
    """The cases behind one of a worker's figures, a page at a time."""
    team = _team_or_404(team_id)
    person = _worker_or_404(worker_id, team)
    period = Period.from_args(request.args)
    metric = request.args.get("metric", "involvements")
    if metric not in dash.METRICS:
        abort(404)
    # Clamped: an absurd page number must not overflow the database's integer OFFSET.
    page = min(max(1, request.args.get("page", 1, type=int) or 1), MAX_PAGE)
    listing = dash.cases_behind(
        period, metric, team_id=team.id, worker_id=worker_id, page=page, per_page=PAGE_SIZE
    )
    access_trail.note_read(line.id for line in listing.lines)  # the list shows the children
    if request.args.get("format"):
        table = exports.ExportTable(
            "cases",
            dash.metric_label(metric),
            ["Reference", "Child", "Number in period", "Closed on"],
            [[c.reference, c.child_name, c.number, c.closed_on] for c in listing.lines],
        )
        response = _export({"cases": table}, f"cases-{metric}")
        if response is not None:
            return response
    return render_template(
        "parent_partners/dashboards/cases.html",
        team=team,
        worker=person,
        worker_id=worker_id,
        period=period,
        metric=metric,
        metric_label=dash.metric_label(metric),
        listing=listing,
        anchor="flags" if metric.startswith("flags_") or metric == "open_flags" else "timeline",
    )


@bp.get("/fairness")
@requires(Permission.VIEW_TEAM_DASHBOARD)
def fairness() -> str | BaseResponse:
    """Consultation and flag rates by age band, gender and ethnicity (principle 2)."""
    user = actor()
    period = Period.from_args(request.args)
    team: Team | None = None
    raw_team = request.args.get("team", type=int)
    if role_has(user.role, Permission.VIEW_SERVICE_DASHBOARD):
        team = _team_or_404(raw_team) if raw_team else None
    else:
        if user.team_id is None:
            abort(404)
        team = _team_or_404(raw_team or user.team_id)
    groups = fair.fairness(period, team.id if team else None)
    tables: dict[str, exports.ExportTable] = {}
    for dimension, lines in groups.items():
        heading = fair.DIMENSION_LABELS[dimension][0]
        tables[dimension] = exports.ExportTable(
            dimension,
            f"{heading}, {period.label}",
            [
                heading,
                "Children (most in any month)",
                "Involvements",
                "Valid child consultation (%)",
                "Flags per 100 involvements",
                "Blaming-wording flags per 100 involvements",
            ],
            [
                [line.label, f"fewer than {fair.SUPPRESS_BELOW}", "", "", "", ""]
                if line.suppressed
                else [
                    line.label,
                    line.children,
                    line.involvements,
                    _round(line.consultation_share),
                    _round(line.flags_per_100),
                    _round(line.blame_per_100),
                ]
                for line in lines
            ],
        )
    response = _export(tables, f"fairness-{team.name if team else 'service'}")
    if response is not None:
        return response
    teams = (
        db.session.scalars(db.select(Team).order_by(Team.name)).all()
        if role_has(user.role, Permission.VIEW_SERVICE_DASHBOARD)
        else []
    )
    return render_template(
        "parent_partners/dashboards/fairness.html",
        period=period,
        team=team,
        teams=teams,
        groups=groups,
        labels=fair.DIMENSION_LABELS,
        suppress_below=fair.SUPPRESS_BELOW,
        months=periods.month_choices(),
        charts={
            dimension: bar_chart(
                f"chart-fair-{dimension}",
                f"Valid child consultation (%) by {fair.DIMENSION_LABELS[dimension][0].lower()}",
                [
                    (line.label, None if line.suppressed else line.consultation_share)
                    for line in lines
                ],
                unit="%",
                summary=(
                    "Share of involvements that shared information with a valid child "
                    f"consultation, by {fair.DIMENSION_LABELS[dimension][0].lower()}; groups "
                    f"with fewer than {fair.SUPPRESS_BELOW} children show no data."
                ),
            )
            for dimension, lines in groups.items()
        },
        pct=pct,
        rate=rate,
    )
