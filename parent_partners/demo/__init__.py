"""Synthetic, deterministic demo data: ``flask --app wsgi partners seed-demo``.

Everything is made up: names are drawn from banks and combined at random, text
is assembled from phrase banks. The same seed and case count give the same
data (one ``random.Random(seed)`` drives every choice, in a fixed order); only
the dates move, because they are laid out backwards from today so the demo
always looks current.

Each case is drawn in memory (``demo.cases``), then entered through the typed inputs and
record operations the pages, API and import use (``demo.entering``), so it meets the
same record rules and leaves an access trail; the checks are held back per batch
(``flags.checks_held``) and run once on each finished case. Nothing is committed here;
the CLI commits.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select

from parent_partners.demo import practice
from parent_partners.demo.cases import BuiltCase, CaseBuilder, CasePlan
from parent_partners.demo.entering import enter_case
from parent_partners.demo.family import Household, deal_households
from parent_partners.demo.reflective import seed_reflective_tools
from parent_partners.demo.slips import SLIP_KINDS
from parent_partners.demo.staff import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    HUB,
    NORTH,
    SOUTH,
    Staff,
    create_staff,
)
from parent_partners.extensions import db
from parent_partners.models import Case, Flag, User
from parent_partners.operations import flags
from parent_partners.operations.lexicon import current_lexicon
from parent_partners.vocabulary import BLAME_KINDS, FLAG_KINDS

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "seed_demo", "sign_ins"]

BULK_FROM = 2000  # above this many cases, load in bulk (demo.bulk)
BATCH = 25  # cases per flush: big enough to batch the INSERTs, small enough to stay light
SLIP_BLOCK = 5  # one case in each block of five carries slips (about 20%)
SAM_FIRST_CASES = 3  # the demo practitioner holds the first North cases
_TEAM_WEIGHTS = {NORTH: 40, SOUTH: 35, HUB: 25}


def sign_ins() -> str:
    """The demo sign-ins, as one sentence for the summary."""
    people = "; ".join(
        f"{a.email} ({a.name}, {a.role}{', ' + a.team if a.team else ''})" for a in DEMO_ACCOUNTS
    )
    return f"Demo sign-ins: {people}; every demo password is {DEMO_PASSWORD}."


def seed_demo(
    *,
    case_count: int,
    seed: int,
    if_empty: bool,
    echo: Callable[[str], None],
    bulk: bool | None = None,
    workers: int = 0,
    progress: Callable[[int], None] | None = None,
) -> str:
    """Load teams, staff and ``case_count`` synthetic cases with their histories and flags.

    With ``if_empty``, does nothing when any user exists. Returns a one-paragraph
    summary that lists the demo sign-ins. Flushes but never commits. ``bulk`` (by default:
    more than ``BULK_FROM`` cases) loads through ``demo.bulk`` instead, building chunks in
    ``workers`` forked processes and calling ``progress(cases)`` after each chunk.
    """
    if if_empty and db.session.scalar(select(User.id).limit(1)) is not None:
        return (
            "Demo data is already loaded (there are users already), so nothing was added. "
            + sign_ins()
        )
    rng = random.Random(seed)
    today = date.today()
    echo("Creating demo teams and staff...")
    staff = create_staff(rng)
    plans = _plan_cases(rng, staff, max(0, case_count))
    if bulk or (bulk is None and case_count > BULK_FROM):
        from parent_partners.demo.bulk import load_cases

        echo(f"Loading {len(plans)} cases in bulk...")
        loaded, slipped, flagged = load_cases(
            plans, seed=seed, today=today, lexicon=current_lexicon(), workers=workers,
            progress=progress,
        )
        _reflective_tools(seed, staff, today, echo)
        return _summary(seed, staff, len(plans), loaded, slipped, dict(flagged))
    slip_kinds: Counter[str] = Counter()
    case_ids: list[int] = []
    totals: Counter[str] = Counter()
    step = max(1, case_count // 10)
    # One lexicon for the whole run (administrators' rules included) instead of one per case.
    lexicon = current_lexicon()
    for start in range(0, len(plans), BATCH):
        batch: list[BuiltCase] = [
            CaseBuilder(rng, today, plan).build() for plan in plans[start : start + BATCH]
        ]
        with flags.checks_held(lexicon):
            for built in batch:
                case_ids.append(enter_case(built).id)
                totals.update(
                    carers=len(built.carers),
                    involvements=len(built.involvements),
                    consultations=len(built.consultations),
                )
                slip_kinds.update(built.slips)
        for offset in range(start + 1, start + len(batch) + 1):
            if case_count >= 50 and offset % step == 0:
                echo(f"  {offset}/{case_count} cases ({offset * 100 // case_count}%)")
    _reflective_tools(seed, staff, today, echo)
    by_kind = _flag_counts(case_ids)  # after some are dismissed: what is open now
    return _summary(seed, staff, len(plans), totals, slip_kinds, by_kind)


def _reflective_tools(seed: int, staff: Staff, today: date, echo: Callable[[str], None]) -> None:
    """Feedback, reflections and past self-assessments, once the cases exist; then what
    managers do with the cases (dismissed flags, case audits at every stage)."""
    rng = random.Random(seed + 1)  # its own stream: the cases stay as they were drawn
    principal = db.session.scalar(select(User).where(User.role == "principal").order_by(User.id))
    echo(
        f"Dismissing {practice.dismiss_some(rng, today)} flags with reasons and auditing "
        f"{practice.audit_some(rng, today, principal)} cases..."
    )
    db.session.flush()
    echo("Adding feedback, reflections and two past self-assessments...")
    seed_reflective_tools(seed, staff, today)


def _unsafe_where_needed(
    households: list[Household], slip_at: dict[int, tuple[str, ...]]
) -> list[Household]:
    """Swap households so each case meant to carry an overdue safety review has a carer who
    is not safe to involve (swapping keeps the mix of households as dealt)."""
    def unsafe(household: Household) -> bool:
        return any(not safe for _, _, safe in household)

    for index, kinds in slip_at.items():
        if "review_overdue" not in kinds or unsafe(households[index]):
            continue
        swap = next(
            (i for i, h in enumerate(households) if unsafe(h) and "review_overdue" not in
             slip_at.get(i, ())),
            None,
        )
        if swap is not None:
            households[index], households[swap] = households[swap], households[index]
    return households


def _plan_cases(rng: random.Random, staff: Staff, case_count: int) -> list[CasePlan]:
    """Decide each case's team, worker, reference and slips before drawing any case."""
    # Every kind once in the first seven slipped cases (so even a small demo shows them all),
    # then the wording slips again: spotting blame is what people try first.
    order = list(SLIP_KINDS)
    rng.shuffle(order)
    wording = list(BLAME_KINDS)
    rng.shuffle(wording)
    order += wording
    slip_at: dict[int, tuple[str, ...]] = {}
    for block, first in enumerate(range(0, case_count, SLIP_BLOCK)):
        # The first block puts its slips on one of Sam's cases so the demo sign-in has flags.
        index = first + rng.randrange(SAM_FIRST_CASES if block == 0 else SLIP_BLOCK)
        kinds = [order[block % len(order)]]
        if rng.random() < 0.3:
            kinds.append(rng.choice([k for k in order if k not in kinds]))
        if index < case_count:
            slip_at[index] = tuple(kinds)
    households = _unsafe_where_needed(deal_households(rng, case_count), slip_at)
    taken = set(db.session.scalars(select(Case.reference)))
    plans: list[CasePlan] = []
    # People signing in as a demo practitioner should find a full caseload.
    weights = {
        team: [2 if u.id in staff.featured else 1 for u in users]
        for team, users in staff.practitioners.items()
    }
    for index in range(case_count):
        if index < SAM_FIRST_CASES:
            team_name = NORTH
        else:
            team_name = rng.choices(list(_TEAM_WEIGHTS), weights=list(_TEAM_WEIGHTS.values()))[0]
        if index < SAM_FIRST_CASES and staff.lead is not None:
            worker = staff.lead
        else:
            worker = rng.choices(staff.practitioners[team_name], weights=weights[team_name])[0]
        reference = f"PP-{rng.randrange(16**6):06X}"
        suffix = 1
        base = reference
        while reference in taken:  # deterministic, and draws nothing from the random stream
            suffix += 1
            reference = f"{base}-{suffix}"
        taken.add(reference)
        plans.append(
            CasePlan(
                team=staff.teams[team_name],
                worker=worker,
                reference=reference,
                household=households[index],
                slips=slip_at.get(index, ()),
            )
        )
    return plans


def _flag_counts(case_ids: list[int]) -> dict[str, int]:
    """Open flags on the seeded cases, by kind."""
    counts: dict[str, int] = {}
    for start in range(0, len(case_ids), 500):  # keep IN lists well inside driver limits
        chunk = case_ids[start : start + 500]
        rows = db.session.execute(
            select(Flag.kind, func.count())
            .where(Flag.case_id.in_(chunk), Flag.status.in_(flags.OPEN))
            .group_by(Flag.kind)
        )
        for kind, number in rows:
            counts[kind] = counts.get(kind, 0) + number
    return counts


def _summary(
    seed: int,
    staff: Staff,
    case_count: int,
    totals: Counter[str],
    slip_kinds: Counter[str],
    by_kind: dict[str, int],
) -> str:
    labels = dict(FLAG_KINDS)
    flag_text = ", ".join(
        f"{labels.get(kind, kind).lower()} {number}" for kind, number in sorted(by_kind.items())
    )
    slipped = sum(slip_kinds.values())
    return (
        f"Loaded synthetic demo data (seed {seed}): {len(staff.teams)} teams, "
        f"{staff.created} new staff accounts, {case_count} cases with {totals['carers']} parents "
        f"and carers, {totals['involvements']} involvements and {totals['consultations']} child "
        f"consultations; {slipped} deliberate slips were written in, and the checks raised "
        f"{sum(by_kind.values())} open flags ({flag_text or 'none'}). {sign_ins()}"
    )
