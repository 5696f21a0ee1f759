"""Demo data for the principles' reflective tools: children's and parents' feedback on the demo
cases, reflections by the demo practitioners, and two past service self-assessments.

It draws from its own ``random.Random`` (seeded from the demo seed), after the cases exist, so
the cases themselves come out exactly as they did before these tools were added. All text is
invented here.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from parent_partners.demo.staff import Staff
from parent_partners.extensions import db
from parent_partners.models import AssessmentAction, Case, Feedback, Reflection, SelfAssessment
from parent_partners.operations import periods, summaries
from parent_partners.operations.evidence import period_dates, service_evidence
from parent_partners.operations.reflection import own_figures
from parent_partners.principles import CARER_QUESTIONS, CHILD_QUESTIONS, PRINCIPLES

FEEDBACK_CASES = 2000
CHILD_WORDS = (
    "She actually texts back when she says she will.",
    "I didn't want my dad told at first. They waited till I was ready.",
    "The meetings are better now I can go in for the bit about me.",
    "Nobody has said it was my fault, which I thought they would.",
    "I'd like to do boxing again. The youth worker is sorting it.",
    "Sometimes I still feel like a case number.",
    "I liked that we met at the café and not at school.",
    "They asked me what would make the park feel safer.",
    "I don't always want to talk but I know I can.",
    "It helped that my mum got someone to talk to as well.",
)
CARER_WORDS = (
    "For the first time someone asked what I knew about his friends.",
    "I was told what was going to the school and why. That mattered.",
    "The parents' group kept me going.",
    "I felt judged at the first meeting, less so now.",
    "I wish I'd been invited to the strategy meeting.",
    "They noticed I wasn't sleeping and put me in touch with someone.",
    "We plan things together now instead of being told.",
    "I still don't know who else was told about what happened.",
)
REFLECTIONS = {
    "3": "I ask before I call parents now, but I don't always go back and tell them what "
    "happened. I want to make telling them the outcome a habit.",
    "4": "My notes lean on risks. I'm trying to write one thing the family did well each visit.",
    "5": "When a young person misses appointments I try to ask what made it hard to come.",
    "7": "Two mums have become real partners in safety planning. With dads I stop at informing.",
}
SUPERVISION = (
    "How to involve a father who is frightened of the exploiters without putting him at risk.",
    "Whether my flags for missing strengths are about the record or about the work.",
)
NARRATIVES = {
    "strong": "The records show this most of the time, and children say so too.",
    "developing": "Good in some teams and not yet in others; the figures vary a lot.",
    "priority": "The evidence here is thin and what there is points the wrong way.",
}
ACTIONS = (
    (3, "Add 'tell the child what we decided' to the consultation guide and team briefings.",
     "Team manager, North"),
    (2, "Ask every team to record ethnicity and communication needs at allocation.",
     "Head of Service"),
    (7, "Invite parents from the peer-support group to help design partnership training.",
     "Principal social worker"),
    (4, "Run a practice workshop on writing strengths into every contact record.",
     "Practice educator"),
)


def _score(rng: random.Random, lean: float) -> int | None:
    if rng.random() < 0.07:
        return None  # rather not say
    weights = [1.0, 1.5, 3.0 + lean, 3.0 + 2 * lean]
    return rng.choices([1, 2, 3, 4], weights=weights)[0]


def _day(rng: random.Random, case: Case, today: date) -> date:
    end = case.closed_on or today
    start = max(case.opened_on, today - timedelta(days=540))
    if end <= start:
        return end
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _feedback(rng: random.Random, cases: list[Case], today: date) -> int:
    made = 0
    for case in cases:
        for _ in range(rng.choice([0, 1, 1, 2])):
            db.session.add(Feedback(
                case_id=case.id, date=_day(rng, case, today), respondent="child",
                answers={q.key: _score(rng, 1.0 if q.principle != 7 else -0.5)
                         for q in CHILD_QUESTIONS},
                own_words=rng.choice(CHILD_WORDS) if rng.random() < 0.7 else "",
                share_beyond_case=rng.random() < 0.6, recorded_by_id=case.worker_id,
            ))
            made += 1
        carers = [c for c in case.carers if c.safe_to_involve]
        for carer in carers[: rng.choice([0, 1, 1])]:
            db.session.add(Feedback(
                case_id=case.id, date=_day(rng, case, today), respondent="carer",
                carer_id=carer.id,
                answers={q.key: _score(rng, 0.0) for q in CARER_QUESTIONS},
                own_words=rng.choice(CARER_WORDS) if rng.random() < 0.6 else "",
                share_beyond_case=rng.random() < 0.5, recorded_by_id=case.worker_id,
            ))
            made += 1
    return made


def _reflections(rng: random.Random, staff: Staff, today: date) -> None:
    this_month = periods.month_key(today)
    for user in [staff.lead] if staff.lead else []:
        for months_ago, supervision in zip((4, 1), SUPERVISION, strict=True):
            end = periods.add_months(this_month, -months_ago)
            period = periods.Period(periods.add_months(end, -5), end)
            first, last = period_dates(period)
            answers = {k: v for k, v in REFLECTIONS.items() if rng.random() < 0.8}
            db.session.add(Reflection(
                user_id=user.id, period_start=first, period_end=last, answers=answers,
                to_supervision=supervision, figures=own_figures(user, period),
            ))


def _assessments(rng: random.Random, staff: Staff, today: date) -> None:
    this_month = periods.month_key(today)
    for title, ends, lean in (
        ("Annual self-assessment for the safeguarding partnership", -13, "developing"),
        ("Half-year review", -7, "strong"),
    ):
        end = periods.add_months(this_month, ends)
        period = periods.Period(periods.add_months(end, -11), end)
        first, last = period_dates(period)
        ratings = {
            str(p.number): rng.choice([lean, lean, "developing", "priority"]) for p in PRINCIPLES
        }
        assessment = SelfAssessment(
            title=title, period_start=first, period_end=last,
            figures=service_evidence(period), ratings=ratings,
            narratives={k: NARRATIVES[v] for k, v in ratings.items()},
        )
        db.session.add(assessment)
        db.session.flush()
        for principle, action, owner in rng.sample(ACTIONS, 2):
            db.session.add(AssessmentAction(
                assessment_id=assessment.id, principle=principle, action=action, owner=owner,
                due_on=last + timedelta(days=rng.choice([60, 90, 120])),
                done=ends < -10,
            ))


def seed_reflective_tools(seed: int, staff: Staff, today: date) -> int:
    """Add feedback, reflections and two past self-assessments. Returns the feedback count."""
    rng = random.Random(f"reflective-tools-{seed}")
    # A bulk demo has tens of thousands of cases; feedback on the first few thousand is plenty.
    cases = list(db.session.scalars(select(Case).order_by(Case.id).limit(FEEDBACK_CASES)))
    made = _feedback(rng, cases, today)
    db.session.flush()
    # The evidence kept with the reflections and assessments is read from the summaries.
    summaries.refresh_pending()
    _reflections(rng, staff, today)
    _assessments(rng, staff, today)
    db.session.flush()
    return made
