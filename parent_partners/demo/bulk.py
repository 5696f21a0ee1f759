"""Seeding a whole service (``seed-demo --cases 100000``): the same cases, loaded in bulk.

The small path (``demo.seed_demo``) enters each case through the record operations, as a
practitioner's would be (``demo.entering``), which is right for 150 cases and far too slow
for 100,000. Here:

1. Staff and case plans are drawn exactly as in the small path (same ``random.Random(seed)``).
2. Cases are built in chunks by the same ``CaseBuilder`` (onto plain stand-in rows), each
   chunk from its own ``random.Random`` seeded by (seed, chunk number), so chunks can be built
   in any process in any order and the result is still the same for the same seed.
3. Ids are laid out in advance (a fixed stride per case), so a chunk knows its rows' ids
   before it reaches the database and can run the checker (pure Python, on plain data) to
   make the flag rows itself. A few flags that were raised and later resolved are added to
   the history so "median days to resolve" has something to show.
4. Rows go in with SQLAlchemy Core ``insert()`` executemany, chunk by chunk, while worker
   processes build the next chunks; then the dashboard summaries are rebuilt in SQL.

Nothing is committed here; the CLI commits.
"""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import func, insert, select, text

from parent_partners import checks
from parent_partners.demo.cases import BuiltCase, CaseBuilder, CasePlan
from parent_partners.extensions import db
from parent_partners.models import (
    Carer,
    Case,
    Consultation,
    Flag,
    Involvement,
    consultation_carers,
    involvement_carers,
    refresh_search_keys,
)
from parent_partners.operations import statistics, summaries
from parent_partners.operations.flags import (
    carer_data,
    check_settings,
    consultation_data,
    finding_key,
    involvement_data,
)

CHUNK = 500  # cases per chunk: one unit of work for a process, one batch of INSERTs
# Ids reserved per case: more than a case can ever have of each (asserted as rows are made).
CARER_STRIDE = 4
INVOLVEMENT_STRIDE = 16
CONSULTATION_STRIDE = 16
RESOLVED_SHARE = 0.25  # cases given one flag that was raised and later put right


@dataclass
class Bases:
    """The last id in use in each table before the load."""

    case: int
    carer: int
    involvement: int
    consultation: int


@dataclass
class ChunkRows:
    """Everything one chunk of cases adds, as rows for Core inserts."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    carers: list[dict[str, Any]] = field(default_factory=list)
    involvements: list[dict[str, Any]] = field(default_factory=list)
    consultations: list[dict[str, Any]] = field(default_factory=list)
    involvement_carers: list[dict[str, Any]] = field(default_factory=list)
    consultation_carers: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    slips: Counter[str] = field(default_factory=Counter)


@dataclass
class _Job:
    """What every chunk needs; set before the worker processes fork, so never pickled."""

    seed: int
    today: date
    plans: list[CasePlan]
    bases: Bases
    lexicon: checks.Lexicon
    settings: checks.CheckSettings
    engine: Any = None


_JOB: _Job | None = None


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC)


def _build_chunk(index: int) -> ChunkRows:
    """Build chunk ``index``: its cases, their rows with final ids, and their flags."""
    job = _JOB
    assert job is not None
    rng = random.Random(f"parent-partners-demo:{job.seed}:{index}")
    out = ChunkRows()
    first = index * CHUNK
    for offset, plan in enumerate(job.plans[first : first + CHUNK]):
        number = first + offset
        built = CaseBuilder(rng, job.today, plan).build()
        _emit(out, built, number, job, rng)
    return out


def _emit(out: ChunkRows, built: BuiltCase, number: int, job: _Job, rng: random.Random) -> None:
    bases = job.bases
    case_id = bases.case + number + 1
    if len(built.carers) > CARER_STRIDE or len(built.involvements) > INVOLVEMENT_STRIDE:
        raise RuntimeError(f"case {number} has more rows than the id stride allows")
    if len(built.consultations) > CONSULTATION_STRIDE:
        raise RuntimeError(f"case {number} has more consultations than the id stride allows")
    case: Any = built.case  # a plain stand-in row
    plan_ids = (case.team.id, case.worker.id)
    opened = _at(case.opened_on, 9)
    out.cases.append(
        {
            "id": case_id,
            "reference": case.reference,
            "child_name": case.child_name,
            "child_dob": case.child_dob,
            "gender": case.gender,
            "ethnicity": case.ethnicity,
            "communication_needs": case.communication_needs,
            "harm_types": case.harm_types,
            "contexts": case.contexts,
            "team_id": plan_ids[0],
            "worker_id": plan_ids[1],
            "opened_on": case.opened_on,
            "closed_on": case.closed_on,
            "version": 1,
            "created_at": opened,
            "updated_at": opened,
        }
    )
    carer_ids: dict[int, int] = {}
    for k, carer in enumerate(built.carers):
        carer_ids[id(carer)] = bases.carer + number * CARER_STRIDE + k + 1
        out.carers.append(
            {
                "id": carer_ids[id(carer)],
                "case_id": case_id,
                "name": carer.name,
                "relationship": carer.relationship_to_child,
                "parental_responsibility": carer.parental_responsibility,
                "communication_needs": carer.communication_needs,
                "interpreter_language": carer.interpreter_language,
                "safe_to_involve": carer.safe_to_involve,
                "safe_reason": carer.safe_reason,
                "safe_review_on": carer.safe_review_on,
                "version": 1,
                "created_at": opened,
                "updated_at": opened,
            }
        )
    worker_id = plan_ids[1]
    checked_involvements: list[checks.InvolvementData] = []
    for k, inv in enumerate(built.involvements):
        inv_id = bases.involvement + number * INVOLVEMENT_STRIDE + k + 1
        at = _at(inv.date, 17)
        members = tuple(carer_ids[id(c)] for c in inv.carers)
        out.involvements.append(
            {
                "id": inv_id,
                "case_id": case_id,
                "date": inv.date,
                "kind": inv.kind,
                "partnership_level": inv.partnership_level,
                "not_involved_reason": inv.not_involved_reason,
                "shares_child_information": inv.shares_child_information,
                "shared_what": inv.shared_what,
                "shared_why": inv.shared_why,
                "parent_view": inv.parent_view,
                "strengths": inv.strengths,
                "parent_distress": inv.parent_distress,
                "distress_support": inv.distress_support,
                "actions": inv.actions,
                "notes": inv.notes,
                "recorded_by_id": worker_id,
                "version": 1,
                "created_at": at,
                "updated_at": at,
            }
        )
        out.involvement_carers.extend(
            {"involvement_id": inv_id, "carer_id": carer_id} for carer_id in members
        )
        checked_involvements.append(involvement_data(inv, inv_id, members))
    checked_consultations: list[checks.ConsultationData] = []
    for k, con in enumerate(built.consultations):
        con_id = bases.consultation + number * CONSULTATION_STRIDE + k + 1
        at = _at(con.date, 16)
        members = tuple(carer_ids[id(c)] for c in con.carers)
        out.consultations.append(
            {
                "id": con_id,
                "case_id": case_id,
                "date": con.date,
                "child_asked": con.child_asked,
                "child_view": con.child_view,
                "child_wish": con.child_wish,
                "influence": con.influence,
                "decision": con.decision,
                "override_rationale": con.override_rationale,
                "child_told_outcome": con.child_told_outcome,
                "not_asked_reason": con.not_asked_reason,
                "not_asked_detail": con.not_asked_detail,
                "recorded_by_id": worker_id,
                "version": 1,
                "created_at": at,
                "updated_at": at,
            }
        )
        out.consultation_carers.extend(
            {"consultation_id": con_id, "carer_id": carer_id} for carer_id in members
        )
        checked_consultations.append(consultation_data(con, con_id, members))
    data = checks.CaseData(
        id=case_id,
        child_name=case.child_name,
        child_dob=case.child_dob,
        carers=tuple(carer_data(c, carer_ids[id(c)]) for c in built.carers),
        involvements=tuple(checked_involvements),
        consultations=tuple(checked_consultations),
    )
    dates = {("involvement", i.id): i.date for i in checked_involvements}
    dates.update({("consultation", c.id): c.date for c in checked_consultations})
    keys: set[str] = set()
    for finding in checks.check_case(data, job.settings, job.lexicon):
        key = finding_key(finding)
        if key in keys:
            continue
        keys.add(key)
        raised = dates.get((finding.record_type or "", finding.record_id or 0), case.opened_on)
        out.flags.append(_flag_row(case_id, key, finding, _at(raised, 18)))
    out.slips.update(built.slips)
    if rng.random() < RESOLVED_SHARE:
        _resolved_history(out, data, keys, job, rng)


def _flag_row(case_id: int, key: str, finding: checks.Finding, raised: datetime) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "kind": finding.kind,
        "rule": finding.rule,
        "finding_key": key,
        "record_type": finding.record_type,
        "record_id": finding.record_id,
        "field": finding.field,
        "carer_id": finding.carer_id,
        "span_start": finding.start,
        "span_end": finding.end,
        "matched": finding.matched,
        "explanation": finding.explanation,
        "suggestion": finding.suggestion,
        "source": finding.source,
        "status": "open",
        "resolved_at": None,
        "dismissed_reason": "",
        "created_at": raised,
        "updated_at": raised,
    }


def _resolved_history(
    out: ChunkRows, data: checks.CaseData, keys: set[str], job: _Job, rng: random.Random
) -> None:
    """One involvement once had no strengths recorded; the worker added them some days later."""
    older = [i for i in data.involvements if (job.today - i.date).days > 45 and i.strengths]
    if not older:
        return
    inv = rng.choice(older)
    bare = replace(data, involvements=(replace(inv, strengths=""),), consultations=())
    found = checks.check_case(bare, job.settings, job.lexicon)
    finding = next((f for f in found if f.kind == "no_strengths"), None)
    if finding is None:
        return
    key = finding_key(finding)
    if key in keys:
        return
    raised = _at(inv.date, 18)
    days = min(int(rng.expovariate(1 / 9)), (job.today - inv.date).days - 1)
    row = _flag_row(data.id, key, finding, raised)
    row.update(status="resolved", resolved_at=raised + timedelta(days=days, hours=2))
    row["updated_at"] = row["resolved_at"]
    out.flags.append(row)


def _init_worker() -> None:
    """In a forked worker: never use the parent's database connections."""
    if _JOB is not None and _JOB.engine is not None:
        _JOB.engine.dispose(close=False)


def _chunks(count: int, workers: int) -> Iterator[ChunkRows]:
    indexes = range(-(-count // CHUNK))
    if workers <= 0:
        yield from map(_build_chunk, indexes)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker) as pool:
        yield from pool.imap(_build_chunk, indexes)


def _bases() -> Bases:
    def last(model: Any) -> int:
        return int(db.session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0)

    return Bases(
        case=last(Case),
        carer=last(Carer),
        involvement=last(Involvement),
        consultation=last(Consultation),
    )


def load_cases(
    plans: list[CasePlan],
    *,
    seed: int,
    today: date,
    lexicon: checks.Lexicon,
    workers: int = 0,
    progress: Callable[[int], None] | None = None,
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Build and insert every planned case in bulk, then rebuild the dashboard summaries.

    Returns (row totals, slips written, open flags by kind). ``workers`` > 0 builds chunks
    in that many forked processes while this one inserts. Flushes; never commits.
    """
    global _JOB
    db.session.flush()
    # Plain stand-ins for the team and worker: a forked process must never touch the session.
    plain = [
        replace(
            plan,
            team=cast(Any, SimpleNamespace(id=plan.team.id, name=plan.team.name)),
            worker=cast(Any, SimpleNamespace(id=plan.worker.id, name=plan.worker.name)),
        )
        for plan in plans
    ]
    connection = db.session.connection()
    _JOB = _Job(
        seed=seed,
        today=today,
        plans=plain,
        bases=_bases(),
        lexicon=lexicon,
        settings=check_settings(),
        engine=db.engine,
    )
    totals: Counter[str] = Counter()
    slips: Counter[str] = Counter()
    open_flags: Counter[str] = Counter()
    case_ids: list[int] = []
    tables = (
        (Case.__table__, "cases"),
        (Carer.__table__, "carers"),
        (Involvement.__table__, "involvements"),
        (Consultation.__table__, "consultations"),
        (involvement_carers, "involvement_carers"),
        (consultation_carers, "consultation_carers"),
        (Flag.__table__, "flags"),
    )
    try:
        for chunk in _chunks(len(plain), workers):
            for table, name in tables:
                rows = getattr(chunk, name)
                if rows:
                    connection.execute(insert(table), rows)
                    totals[name] += len(rows)
            case_ids.extend(row["id"] for row in chunk.cases)
            slips.update(chunk.slips)
            open_flags.update(f["kind"] for f in chunk.flags if f["status"] == "open")
            if progress is not None:
                progress(len(chunk.cases))
    finally:
        _JOB = None
    # Core inserts skip the mapper events that keep the search key.
    refresh_search_keys(connection, case_ids)
    if connection.dialect.name == "postgresql":
        for table in ("cases", "carers", "involvements", "consultations", "flags"):
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                    f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
                )
            )
    summaries.rebuild_all()
    statistics.analyse()
    return totals, slips, open_flags
