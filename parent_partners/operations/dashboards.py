"""Dashboard figures, read from the summary tables in a fixed number of grouped queries.

Nothing here reads case records to count them: every figure is a ``SUM`` over
``practice_rollup`` (teams by workers by months rows, whatever the caseload) or
``fairness_rollup``. The only queries that touch ``case_month_stats`` or ``cases`` are the
paged "cases behind a figure" lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal_column, or_, select
from sqlalchemy.sql import ColumnElement

from parent_partners.extensions import db
from parent_partners.models import Case, Flag, Team, User
from parent_partners.models.summary import (
    ALL_KINDS,
    COUNTERS,
    RESOLVE_EDGES,
    case_month_stats,
    practice_rollup,
)
from parent_partners.operations import summaries
from parent_partners.operations.periods import (
    Period,
    month_label,
)
from parent_partners.operations.rates import rate
from parent_partners.vocabulary import FLAG_KINDS, LEVEL_VALUES, OPEN_FLAG_STATUSES, TEAM_ROLES
from parent_partners.vocabulary.partnership import SHORT_LABELS

LEVEL_LABELS = SHORT_LABELS  # the name the views know


# ----------------------------------------------------------------------------- figures


def median_from_histogram(counts: list[int]) -> float | None:
    """Median days from the days-to-resolve histogram, interpolated within its bucket."""
    total = sum(counts)
    if total == 0:
        return None
    target = total / 2
    seen = 0
    for index, number in enumerate(counts):
        if number and seen + number >= target:
            low = RESOLVE_EDGES[index]
            high = RESOLVE_EDGES[index + 1] if index + 1 < len(RESOLVE_EDGES) else low * 2
            return low + (target - seen) / number * (high - low)
        seen += number
    return float(RESOLVE_EDGES[-1])


@dataclass
class Figures:
    """The sums behind one line of a dashboard, and the rates worked out from them."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))
    open_cases: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            counts={name: self.counts[name] + other.counts[name] for name in COUNTERS},
            open_cases=self.open_cases + other.open_cases,
        )

    def __getitem__(self, name: str) -> int:
        return self.counts[name]

    @property
    def involvements(self) -> int:
        """Involvements in the period."""
        return self.counts["involvements"]

    @property
    def consultation_share(self) -> float | None:
        """Of involvements that shared information about the child, the share with a valid
        child consultation (percent)."""
        return rate(self.counts["consulted_ok"], self.counts["needs_consultation"])

    @property
    def not_consulted(self) -> int:
        """Involvements that shared information without a valid consultation."""
        return self.counts["needs_consultation"] - self.counts["consulted_ok"]

    @property
    def strengths_share(self) -> float | None:
        """Share of involvements with strengths recorded (percent)."""
        return rate(self.counts["with_strengths"], self.involvements)

    @property
    def no_strengths(self) -> int:
        """Involvements with no strengths recorded."""
        return self.involvements - self.counts["with_strengths"]

    def flags(self, kind: str) -> int:
        """Flags of ``kind`` raised on the period's records."""
        return self.counts[f"flags_{kind}"]

    def flags_per_100(self, kind: str | None = None) -> float | None:
        """Flags (of ``kind``, or all) per 100 involvements."""
        number = self.flags_raised if kind is None else self.flags(kind)
        return rate(number, self.involvements)

    @property
    def flags_raised(self) -> int:
        """All flags raised on the period's records."""
        return sum(self.flags(kind) for kind in ALL_KINDS)

    def level(self, level: str) -> int:
        """Involvements that reached ``level``."""
        return self.counts[f"level_{level}"]

    def level_share(self, level: str) -> float | None:
        """Share of involvements that reached ``level`` (percent)."""
        return rate(self.level(level), self.involvements)

    @property
    def resolved(self) -> int:
        """Flags resolved (by a change to the record) in the period."""
        return sum(self.counts[f"resolved_{i}"] for i in range(len(RESOLVE_EDGES)))

    @property
    def median_days_to_resolve(self) -> float | None:
        """Median days from a flag being raised to its being resolved, for flags resolved in
        the period (estimated within grouped durations)."""
        return median_from_histogram(
            [self.counts[f"resolved_{i}"] for i in range(len(RESOLVE_EDGES))]
        )


def _sum_columns(start: int) -> list[ColumnElement[Any]]:
    """Period sums of every counter, plus the open-case balance up to the period's end."""
    table = practice_rollup.c
    in_period = table.month >= start
    return [
        *(func.sum(case((in_period, table[name]), else_=0)).label(name) for name in COUNTERS),
        func.sum(table.cases_opened - table.cases_closed).label("open_cases"),
    ]


def _figures(row: Any) -> Figures:
    mapping = row._mapping
    return Figures(
        counts={name: int(mapping[name] or 0) for name in COUNTERS},
        open_cases=int(mapping["open_cases"] or 0),
    )


def figures_by(
    period: Period, group: str, *, team_id: int | None = None, worker_id: int | None = None
) -> dict[int, Figures]:
    """Figures for the period, one per team (``group="team_id"``) or worker. One query."""
    table = practice_rollup.c
    query = (
        select(table[group].label("key"), *_sum_columns(period.start))
        .where(table.month <= period.end)
        .group_by(table[group])
    )
    if team_id is not None:
        query = query.where(table.team_id == team_id)
    if worker_id is not None:
        query = query.where(table.worker_id == worker_id)
    return {int(row.key): _figures(row) for row in db.session.execute(query)}


@dataclass
class TrendPoint:
    """One month of the trend."""

    month: int
    figures: Figures

    @property
    def label(self) -> str:
        """``Mar 2026``."""
        return month_label(self.month, short=True)


def trend(
    period: Period, *, team_id: int | None = None, worker_id: int | None = None
) -> list[TrendPoint]:
    """Month by month figures over the period, with the open-case count at each month's end.

    One query: it reads every month up to the period's end so the open-case balance can be
    carried forward.
    """
    table = practice_rollup.c
    query = (
        select(
            table.month,
            *(func.sum(table[name]).label(name) for name in COUNTERS),
            func.sum(table.cases_opened - table.cases_closed).label("open_cases"),
        )
        .where(table.month <= period.end)
        .group_by(table.month)
        .order_by(table.month)
    )
    if team_id is not None:
        query = query.where(table.team_id == team_id)
    if worker_id is not None:
        query = query.where(table.worker_id == worker_id)
    by_month = {int(row.month): _figures(row) for row in db.session.execute(query)}
    balance = sum(f.open_cases for m, f in by_month.items() if m < period.start)
    points = []
    for month in period.months:
        figures = by_month.get(month, Figures())
        balance += figures.open_cases
        points.append(TrendPoint(month, Figures(counts=figures.counts, open_cases=balance)))
    return points


@dataclass
class Line:
    """One line of a dashboard table: a team or a worker."""

    id: int
    name: str
    figures: Figures


@dataclass
class Dashboard:
    """What a dashboard page shows."""

    scope: str  # "service" | "team" | "worker"
    period: Period
    lines: list[Line]
    total: Figures
    trend: list[TrendPoint]
    team: Team | None = None
    worker: User | None = None


def service_dashboard(period: Period) -> Dashboard:
    """Every team's figures and the service total (the sum of the teams). Three queries."""
    figures = figures_by(period, "team_id")
    teams = db.session.scalars(select(Team).order_by(Team.name)).all()
    lines = [Line(t.id, t.name, figures.get(t.id, Figures())) for t in teams]
    total = sum((line.figures for line in lines), Figures())
    return Dashboard("service", period, lines, total, trend(period))


def team_dashboard(period: Period, team: Team) -> Dashboard:
    """A team's figures by worker and the team total (the sum of its workers)."""
    figures = figures_by(period, "worker_id", team_id=team.id)
    people = db.session.scalars(
        select(User).where(
            or_(
                and_(User.team_id == team.id, User.role.in_(TEAM_ROLES)),
                User.id.in_([key for key in figures if key]),
            )
        )
    ).all()
    lines = [Line(u.id, u.name, figures.get(u.id, Figures())) for u in people]
    if 0 in figures:
        lines.append(Line(0, "Not allocated", figures[0]))
    lines.sort(key=lambda line: (line.id == 0, line.name))
    total = sum((line.figures for line in lines), Figures())
    return Dashboard("team", period, lines, total, trend(period, team_id=team.id), team=team)


def worker_dashboard(period: Period, team: Team, worker: User | None) -> Dashboard:
    """One worker's figures within a team (worker None: the team's unallocated cases)."""
    worker_id = worker.id if worker is not None else 0
    figures = figures_by(period, "worker_id", team_id=team.id, worker_id=worker_id)
    total = figures.get(worker_id, Figures())
    name = worker.name if worker is not None else "Not allocated"
    return Dashboard(
        "worker",
        period,
        [Line(worker_id, name, total)],
        total,
        trend(period, team_id=team.id, worker_id=worker_id),
        team=team,
        worker=worker,
    )


# ----------------------------------------------------------------------------- drill-down

# What "the cases behind a figure" means for each figure: a condition on a case's sums.
def _metric_conditions() -> dict[str, tuple[str, Any]]:
    s = case_month_stats.c
    metrics: dict[str, tuple[str, Any]] = {
        "involvements": ("Cases with involvements", func.sum(s.involvements)),
        "not_consulted": (
            "Cases where information was shared without a valid child consultation",
            func.sum(s.needs_consultation) - func.sum(s.consulted_ok),
        ),
        "no_strengths": (
            "Cases with involvements that record no strengths",
            func.sum(s.involvements) - func.sum(s.with_strengths),
        ),
        "overridden": (
            "Cases where the child did not agree and it went ahead",
            func.sum(s.views_overridden),
        ),
        "open_flags": ("Cases with open flags", func.sum(s.flags_open)),
        "resolved": (
            "Cases with flags resolved",
            sum((func.sum(s[f"resolved_{i}"]) for i in range(len(RESOLVE_EDGES))), 0),
        ),
    }
    for kind, kind_label in FLAG_KINDS:
        metrics[f"flags_{kind}"] = (
            f"Cases flagged: {kind_label.lower()}",
            func.sum(s[f"flags_{kind}"]),
        )
    for level in LEVEL_VALUES:
        metrics[f"level_{level}"] = (
            f"Cases with involvements at “{LEVEL_LABELS[level].lower()}”",
            func.sum(s[f"level_{level}"]),
        )
    return metrics


METRICS: tuple[str, ...] = (
    "open_cases",
    "involvements",
    "not_consulted",
    "no_strengths",
    "overridden",
    "open_flags",
    "resolved",
    *(f"flags_{kind}" for kind in ALL_KINDS),
    *(f"level_{level}" for level in LEVEL_VALUES),
)


def metric_label(metric: str) -> str:
    """What the cases listed for ``metric`` have in common."""
    if metric == "open_cases":
        return "Cases open at the end of the period"
    return _metric_conditions()[metric][0]


@dataclass
class CaseLine:
    """A case behind a figure, with how much it contributed."""

    id: int
    reference: str
    child_name: str
    number: int
    closed_on: date | None
    # Flag figures: how many of the case's flags are open, resolved and dismissed now.
    statuses: dict[str, int] = field(default_factory=dict)


@dataclass
class CasePage:
    """A page of the cases behind a figure."""

    lines: list[CaseLine]
    total: int
    page: int
    per_page: int
    # Flag figures: the flags behind the figure by what has become of them (all pages).
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        """Number of pages."""
        return max(1, -(-self.total // self.per_page))


def cases_behind(
    period: Period,
    metric: str,
    *,
    team_id: int,
    worker_id: int,
    page: int = 1,
    per_page: int = 50,
) -> CasePage:
    """The worker's cases that make up ``metric`` in the period, a page at a time. Two queries."""
    base: Any
    if metric == "open_cases":
        end = period.end_date
        base = select(Case.id.label("case_id"), literal_column("1").label("number")).where(
            Case.team_id == team_id,
            func.coalesce(Case.worker_id, 0) == worker_id,
            Case.archived_at.is_(None),
            Case.opened_on <= end,
            or_(Case.closed_on.is_(None), Case.closed_on > end),
        )
    else:
        amount = _metric_conditions()[metric][1]
        s = case_month_stats.c
        base = (
            select(s.case_id, amount.label("number"))
            .where(
                s.team_id == team_id,
                s.worker_id == worker_id,
                s.month >= period.start,
                s.month <= period.end,
            )
            .group_by(s.case_id)
            .having(amount > 0)
        )
    behind = base.subquery("behind")
    total = db.session.scalar(select(func.count()).select_from(behind)) or 0
    rows = db.session.execute(
        select(Case.id, Case.reference, Case.child_name, behind.c.number, Case.closed_on)
        .join(behind, behind.c.case_id == Case.id)
        .order_by(Case.child_name, Case.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    lines = [CaseLine(r.id, r.reference, r.child_name, int(r.number), r.closed_on) for r in rows]
    listing = CasePage(lines, total, page, per_page)
    if metric.startswith("flags_"):
        _split_by_status(listing, period, metric, select(behind.c.case_id))
    return listing


FLAG_STATUS_GROUPS = ("open", "resolved", "dismissed")


def _split_by_status(listing: CasePage, period: Period, metric: str, case_ids: Any) -> None:
    """Count the flags behind a figure of one kind of flag by status, per case and in all:
    a figure of flags raised mixes those still open with those resolved or dismissed since.
    One query."""
    f = Flag.__table__
    flags_from, month = summaries.flag_months()
    group = case((f.c.status.in_(OPEN_FLAG_STATUSES), "open"), else_=f.c.status)
    query = (
        select(f.c.case_id, group.label("status"), func.count().label("number"))
        .select_from(flags_from)
        .where(f.c.case_id.in_(case_ids), month >= period.start, month <= period.end)
        .group_by(f.c.case_id, group)
    )
    query = query.where(f.c.kind == metric.removeprefix("flags_"))
    on_page = {line.id: line for line in listing.lines}
    listing.statuses = dict.fromkeys(FLAG_STATUS_GROUPS, 0)
    for line in listing.lines:
        line.statuses = dict.fromkeys(FLAG_STATUS_GROUPS, 0)
    for row in db.session.execute(query):
        listing.statuses[row.status] = listing.statuses.get(row.status, 0) + row.number
        if row.case_id in on_page:
            on_page[row.case_id].statuses[row.status] = row.number
