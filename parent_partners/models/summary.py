"""Summary tables for the dashboards: counts kept current so no page scans the caseload.

Three tables, all derived (``operations.summaries`` writes them; nothing else does):

- ``case_month_stats``: each case's contribution to each calendar month (its involvements,
  consultations, flags and so on), tagged with the case's team, worker and the child's age
  band, gender and ethnicity. It is what a case's *old* contribution was, so a change can
  subtract it exactly before adding the new one; it also drives the paged "cases behind a
  figure" lists.
- ``practice_rollup``: the same counts summed per (team, worker, month). The dashboards read
  only this, so a page reads teams by workers by months rows whatever the caseload.
- ``fairness_rollup``: counts per (team, month, dimension, value) for the fairness view.

Months are integers ``YYYYMM``. A worker id of 0 means "not allocated". Derived tables have
no foreign keys: they are rebuilt from the records by ``partners rebuild-summaries``.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table

from parent_partners.extensions import db
from parent_partners.vocabulary import FLAG_KINDS, LEVEL_VALUES, values

ALL_KINDS = tuple(values(FLAG_KINDS))

# Days-to-resolve histogram: bucket i holds flags resolved in [EDGES[i], EDGES[i + 1]) days.
RESOLVE_EDGES = (0, 1, 2, 3, 5, 8, 15, 22, 31, 61, 91, 181)

# Every additive count on a case-month, in a fixed order.
COUNTERS: tuple[str, ...] = (
    "involvements",
    "needs_consultation",  # involvements that share information about the child
    "consulted_ok",  # ... of those, with a valid consultation (no open "not consulted" flag)
    "with_strengths",
    *(f"level_{level}" for level in LEVEL_VALUES),
    "consultations",
    "views_overridden",  # the child did not agree and it went ahead
    *(f"flags_{kind}" for kind in ALL_KINDS),  # raised, by the month of the record
    "flags_open",
    "flags_dismissed",
    *(f"resolved_{i}" for i in range(len(RESOLVE_EDGES))),  # by the month resolved
    "cases_opened",
    "cases_closed",
    "children",  # 1 if the child had an involvement that month
)

FAIRNESS_COUNTERS: tuple[str, ...] = (
    "children",
    "involvements",
    "needs_consultation",
    "consulted_ok",
    "flags_raised",
    "flags_blame",
)

FAIRNESS_DIMENSIONS = ("age_band", "gender", "ethnicity")


def _counters(names: tuple[str, ...]) -> list[Column[int]]:
    return [Column(name, Integer, nullable=False, default=0) for name in names]


case_month_stats = Table(
    "case_month_stats",
    db.metadata,
    Column("case_id", Integer, primary_key=True, autoincrement=False),
    Column("month", Integer, primary_key=True, autoincrement=False),
    Column("team_id", Integer, nullable=False),
    Column("worker_id", Integer, nullable=False),
    Column("age_band", String(20), nullable=False),
    Column("gender", String(20), nullable=False),
    Column("ethnicity", String(20), nullable=False),
    *_counters(COUNTERS),
    Index("ix_case_month_stats_worker_month", "worker_id", "month"),
    Index("ix_case_month_stats_team_month", "team_id", "month"),
)

practice_rollup = Table(
    "practice_rollup",
    db.metadata,
    Column("team_id", Integer, primary_key=True, autoincrement=False),
    Column("worker_id", Integer, primary_key=True, autoincrement=False),
    Column("month", Integer, primary_key=True, autoincrement=False),
    *_counters(COUNTERS),
    Index("ix_practice_rollup_month", "month"),
)

fairness_rollup = Table(
    "fairness_rollup",
    db.metadata,
    Column("team_id", Integer, primary_key=True, autoincrement=False),
    Column("month", Integer, primary_key=True, autoincrement=False),
    Column("dimension", String(20), primary_key=True),
    Column("value", String(20), primary_key=True),
    *_counters(FAIRNESS_COUNTERS),
    Index("ix_fairness_rollup_month", "month"),
)
