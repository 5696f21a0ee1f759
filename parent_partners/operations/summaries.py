"""Keeping the dashboard summary tables current, in SQL, in the same transaction as the change.

One SELECT (``facts_select``) defines what every case contributes to every month. It is
used two ways:

- **in bulk** (``rebuild_all``): ``INSERT INTO case_month_stats SELECT ...`` over every case,
  then the rollups are summed from it with grouped ``INSERT ... SELECT``. The seeder and
  ``flask partners rebuild-summaries`` do this.
- **per case** (``refresh_cases``): when records or flags of some cases change, their old
  rows in ``case_month_stats`` are read, the same SELECT is run for just those cases, and the
  difference is added to the rollups (``col = col + delta``, an atomic upsert on SQLite and
  PostgreSQL alike).

Which cases changed is noticed by session events (``install``): every flush notes the case
of any case, carer, involvement, consultation or flag row written, and just before the
transaction commits those cases are brought up to date. So every writer (the pages, the API,
imports, flag dismissals) keeps the summaries current without having to remember to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Integer,
    and_,
    case,
    cast,
    delete,
    event,
    exists,
    extract,
    func,
    insert,
    literal,
    literal_column,
    select,
    true,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, Select

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Consultation, Flag, Involvement
from parent_partners.models.summary import (
    ALL_KINDS,
    COUNTERS,
    FAIRNESS_COUNTERS,
    FAIRNESS_DIMENSIONS,
    RESOLVE_EDGES,
    case_month_stats,
    fairness_rollup,
    practice_rollup,
)
from parent_partners.operations import locking
from parent_partners.vocabulary import BLAME_KINDS, LEVEL_VALUES, OPEN_FLAG_STATUSES, age_bands

# More changed cases than this in one transaction: rebuild everything instead (faster).
BULK_THRESHOLD = 1500
_PENDING = "partners_summary_cases"


# ----------------------------------------------------------------------------- SQL helpers


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def month_of(column: Any) -> ColumnElement[int]:
    """The ``YYYYMM`` integer of a date or timestamp column, on SQLite and PostgreSQL."""
    return cast(extract("year", column), Integer) * 100 + cast(extract("month", column), Integer)


def _days_between(later: Any, earlier: Any, dialect: str) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return func.floor(extract("epoch", later - earlier) / 86400)
    return cast(func.julianday(later) - func.julianday(earlier), Integer)


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _zero() -> ColumnElement[int]:
    return literal_column("0", Integer)


def _part(
    case_id: Any, month: Any, values: dict[str, ColumnElement[int]]
) -> list[ColumnElement[Any]]:
    """A UNION member's select list: case id, month, then every counter (0 where not given)."""
    unknown = set(values) - set(COUNTERS)
    assert not unknown, unknown
    return [
        case_id.label("case_id"),
        month.label("month"),
        *((values.get(name, _zero())).label(name) for name in COUNTERS),
    ]


def _age_band(dob: Any, month: Any) -> ColumnElement[str]:
    """The child's age band on the first day of the month."""
    year = month // 100
    month_number = month % 100
    age = (
        year
        - cast(extract("year", dob), Integer)
        - case(
            (
                month_number * 100 + 1
                < cast(extract("month", dob), Integer) * 100
                + cast(extract("day", dob), Integer),
                1,
            ),
            else_=0,
        )
    )
    return case(
        (dob.is_(None), literal(age_bands.NOT_RECORDED)),
        *((age < upper, literal(band)) for band, upper in age_bands.UPPER_AGES),
        else_=literal(age_bands.OLDEST),
    )


def flag_months() -> tuple[Any, ColumnElement[int]]:
    """Flags joined to what dates them, and the ``YYYYMM`` each counts in: the month of the
    record it points at (the case's opening otherwise). The dashboards and the cases behind
    their figures must agree on it."""
    f, cases = Flag.__table__, Case.__table__
    fi = Involvement.__table__.alias("flag_involvement")
    fc = Consultation.__table__.alias("flag_consultation")
    joined = (
        f.join(cases, cases.c.id == f.c.case_id)
        .outerjoin(fi, and_(f.c.record_type == "involvement", fi.c.id == f.c.record_id))
        .outerjoin(fc, and_(f.c.record_type == "consultation", fc.c.id == f.c.record_id))
    )
    return joined, month_of(func.coalesce(fi.c.date, fc.c.date, cases.c.opened_on))


def facts_select(case_ids: Sequence[int] | None = None) -> Select[Any]:
    """What each case contributes to each month, one row per (case, month).

    ``case_ids`` limits it to those cases (the per-change path); None means every case.
    Archived records do not count; archived cases contribute nothing.
    """
    dialect = _dialect()

    def only(column: Any) -> ColumnElement[bool]:
        return column.in_(case_ids) if case_ids is not None else true()

    i, c, f = Involvement.__table__, Consultation.__table__, Flag.__table__

    not_consulted = exists().where(
        f.c.case_id == i.c.case_id,
        f.c.record_type == "involvement",
        f.c.record_id == i.c.id,
        f.c.kind == "child_not_consulted",
        f.c.status.in_(OPEN_FLAG_STATUSES),
    )
    has_strengths = func.length(func.trim(func.coalesce(i.c.strengths, ""))) > 0
    involvement_part = select(
        *_part(
            i.c.case_id,
            month_of(i.c.date),
            {
                "involvements": literal_column("1", Integer),
                "needs_consultation": _flag(i.c.shares_child_information.is_(True)),
                "consulted_ok": _flag(
                    and_(i.c.shares_child_information.is_(True), ~not_consulted)
                ),
                "with_strengths": _flag(has_strengths),
                **{
                    f"level_{level}": _flag(i.c.partnership_level == level)
                    for level in LEVEL_VALUES
                },
            },
        )
    ).where(i.c.archived_at.is_(None), only(i.c.case_id))

    consultation_part = select(
        *_part(
            c.c.case_id,
            month_of(c.c.date),
            {
                "consultations": literal_column("1", Integer),
                "views_overridden": _flag(
                    and_(c.c.child_wish == "does_not_agree", c.c.decision == "proceed")
                ),
            },
        )
    ).where(c.c.archived_at.is_(None), only(c.c.case_id))

    cases = Case.__table__
    flags_from, flag_month = flag_months()
    raised_part = (
        select(
            *_part(
                f.c.case_id,
                flag_month,
                {
                    **{f"flags_{kind}": _flag(f.c.kind == kind) for kind in ALL_KINDS},
                    "flags_open": _flag(f.c.status.in_(OPEN_FLAG_STATUSES)),
                    "flags_dismissed": _flag(f.c.status == "dismissed"),
                },
            )
        )
        .select_from(flags_from)
        .where(only(f.c.case_id))
    )

    days = _days_between(f.c.resolved_at, f.c.created_at, dialect)
    buckets: dict[str, ColumnElement[int]] = {}
    for index, low in enumerate(RESOLVE_EDGES):
        high = RESOLVE_EDGES[index + 1] if index + 1 < len(RESOLVE_EDGES) else None
        condition = days >= low if high is None else and_(days >= low, days < high)
        if index == 0:
            condition = days < RESOLVE_EDGES[1]  # clock skew: never below zero
        buckets[f"resolved_{index}"] = _flag(condition)
    resolved_part = select(*_part(f.c.case_id, month_of(f.c.resolved_at), buckets)).where(
        f.c.status == "resolved", f.c.resolved_at.is_not(None), only(f.c.case_id)
    )

    opened_part = select(
        *_part(cases.c.id, month_of(cases.c.opened_on), {"cases_opened": literal_column("1")})
    ).where(only(cases.c.id))
    closed_part = select(
        *_part(cases.c.id, month_of(cases.c.closed_on), {"cases_closed": literal_column("1")})
    ).where(cases.c.closed_on.is_not(None), only(cases.c.id))

    parts = union_all(
        involvement_part, consultation_part, raised_part, resolved_part, opened_part, closed_part
    ).subquery("parts")
    assert COUNTERS[-1] == "children"
    sums = [func.sum(parts.c[name]) for name in COUNTERS[:-1]]
    children = case((func.sum(parts.c.involvements) > 0, 1), else_=0)
    return (
        select(
            parts.c.case_id,
            parts.c.month,
            cases.c.team_id,
            func.coalesce(cases.c.worker_id, 0).label("worker_id"),
            _age_band(cases.c.child_dob, parts.c.month).label("age_band"),
            cases.c.gender,
            cases.c.ethnicity,
            *(sum_.label(name) for name, sum_ in zip(COUNTERS, [*sums, children], strict=True)),
        )
        .select_from(parts)
        .join(cases, cases.c.id == parts.c.case_id)
        .where(cases.c.archived_at.is_(None))
        .group_by(
            parts.c.case_id,
            parts.c.month,
            cases.c.team_id,
            cases.c.worker_id,
            cases.c.child_dob,
            cases.c.gender,
            cases.c.ethnicity,
        )
    )


FACT_COLUMNS = (
    "case_id",
    "month",
    "team_id",
    "worker_id",
    "age_band",
    "gender",
    "ethnicity",
    *COUNTERS,
)


# ----------------------------------------------------------------------------- bulk


def rebuild_all() -> None:
    """Recompute every summary table from the records, in a few grouped statements."""
    session = db.session
    session.flush()
    for table in (fairness_rollup, practice_rollup, case_month_stats):
        session.execute(delete(table))
    session.execute(
        insert(case_month_stats).from_select(list(FACT_COLUMNS), facts_select(None))
    )
    stats = case_month_stats.c
    session.execute(
        insert(practice_rollup).from_select(
            ["team_id", "worker_id", "month", *COUNTERS],
            select(
                stats.team_id,
                stats.worker_id,
                stats.month,
                *(func.sum(stats[name]) for name in COUNTERS),
            ).group_by(stats.team_id, stats.worker_id, stats.month),
        )
    )
    for dimension in FAIRNESS_DIMENSIONS:
        value = stats[dimension]
        session.execute(
            insert(fairness_rollup).from_select(
                ["team_id", "month", "dimension", "value", *FAIRNESS_COUNTERS],
                select(
                    stats.team_id,
                    stats.month,
                    literal(dimension),
                    value,
                    *(_fairness_sums(stats)),
                ).group_by(stats.team_id, stats.month, value),
            )
        )
    session.info.pop(_PENDING, None)


def _fairness_sums(stats: Any) -> list[ColumnElement[Any]]:
    raised = sum((stats[f"flags_{kind}"] for kind in ALL_KINDS), _zero())
    blame = sum((stats[f"flags_{kind}"] for kind in BLAME_KINDS), _zero())
    return [
        func.sum(stats.children),
        func.sum(stats.involvements),
        func.sum(stats.needs_consultation),
        func.sum(stats.consulted_ok),
        func.sum(raised),
        func.sum(blame),
    ]


# ----------------------------------------------------------------------------- per case


def _fairness_values(row: dict[str, Any]) -> dict[str, int]:
    return {
        "children": row["children"],
        "involvements": row["involvements"],
        "needs_consultation": row["needs_consultation"],
        "consulted_ok": row["consulted_ok"],
        "flags_raised": sum(row[f"flags_{kind}"] for kind in ALL_KINDS),
        "flags_blame": sum(row[f"flags_{kind}"] for kind in BLAME_KINDS),
    }


def refresh_cases(case_ids: Iterable[int]) -> None:
    """Bring the summaries up to date for these cases: subtract their old rows, add the new."""
    ids = sorted(set(case_ids))
    if not ids:
        return
    session = db.session
    practice: dict[tuple[int, int, int], defaultdict[str, int]] = {}
    fairness: dict[tuple[int, int, str, str], defaultdict[str, int]] = {}

    def add(row: dict[str, Any], sign: int) -> None:
        key = (row["team_id"], row["worker_id"], row["month"])
        bucket = practice.setdefault(key, defaultdict(int))
        for name in COUNTERS:
            bucket[name] += sign * int(row[name] or 0)
        values = _fairness_values(row)
        for dimension in FAIRNESS_DIMENSIONS:
            fkey = (row["team_id"], row["month"], dimension, row[dimension])
            fbucket = fairness.setdefault(fkey, defaultdict(int))
            for name, number in values.items():
                fbucket[name] += sign * int(number or 0)

    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        old = session.execute(
            select(case_month_stats).where(case_month_stats.c.case_id.in_(chunk))
        ).mappings()
        for old_row in old:
            add(dict(old_row), -1)
        new = [dict(row) for row in session.execute(facts_select(chunk)).mappings()]
        session.execute(delete(case_month_stats).where(case_month_stats.c.case_id.in_(chunk)))
        if new:
            session.execute(insert(case_month_stats), new)
        for row in new:
            add(row, +1)

    _upsert(
        practice_rollup,
        ["team_id", "worker_id", "month"],
        COUNTERS,
        [
            {"team_id": t, "worker_id": w, "month": m, **counts}
            for (t, w, m), counts in sorted(practice.items())
            if any(counts.values())
        ],
    )
    _upsert(
        fairness_rollup,
        ["team_id", "month", "dimension", "value"],
        FAIRNESS_COUNTERS,
        [
            {"team_id": t, "month": m, "dimension": d, "value": v, **counts}
            for (t, m, d, v), counts in sorted(fairness.items())
            if any(counts.values())
        ],
    )


def _upsert(
    table: Any, keys: list[str], counters: Sequence[str], rows: list[dict[str, Any]]
) -> None:
    """Add each row's counts to the table's row of that key, creating it if it is missing."""
    if not rows:
        return
    rows = [{**{name: 0 for name in counters}, **row} for row in rows]
    dialect = _dialect()
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = make(table)
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: table.c[name] + statement.excluded[name] for name in counters},
    )
    db.session.execute(statement, rows)


# ----------------------------------------------------------------------------- hooks


def _case_ids_of(objects: Iterable[object]) -> set[int]:
    ids: set[int] = set()
    for obj in objects:
        if isinstance(obj, Case):
            ids.add(obj.id)
        elif isinstance(obj, Carer | Involvement | Consultation | Flag):
            ids.add(obj.case_id)
    return {i for i in ids if i is not None}


def _after_flush(session: Session, _context: Any) -> None:
    changed = _case_ids_of([*session.new, *session.dirty, *session.deleted])
    if changed:
        session.info.setdefault(_PENDING, set()).update(changed)


def _before_commit(session: Session) -> None:
    session.flush()
    pending: set[int] = session.info.pop(_PENDING, set())
    if not pending:
        return
    if len(pending) > BULK_THRESHOLD:
        rebuild_all()
    else:
        # Read each case's old rows only once no other writer can change them.
        locking.lock_cases(pending)
        refresh_cases(pending)
    session.flush()
    session.info.pop(_PENDING, None)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)


def refresh_pending() -> None:
    """Bring the summaries up to date now for the cases changed so far in this transaction."""
    _before_commit(db.session())


def install() -> None:
    """Listen to the app's database sessions (once per process; calling again does nothing)."""
    locking.install()
    target = db.session
    if event.contains(target, "after_flush", _after_flush):
        return
    event.listen(target, "after_flush", _after_flush)
    event.listen(target, "before_commit", _before_commit)
    event.listen(target, "after_rollback", _forget)
    event.listen(target, "after_soft_rollback", _forget)


__all__ = [
    "facts_select",
    "install",
    "month_of",
    "rebuild_all",
    "refresh_cases",
    "refresh_pending",
]
