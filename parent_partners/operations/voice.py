"""Youth voice and parent voice: what children, parents and carers said, across a team or the
whole service, by principle and over time.

Small numbers identify people, so any figure resting on fewer than ``MINIMUM`` answers is
withheld, and nobody's own words are shown unless they agreed to share them beyond their case
(and then only where at least ``MINIMUM`` people answered in the same view).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Case, Feedback
from parent_partners.principles import BY_NUMBER, Question, questions_for

MINIMUM = 10
QUOTES_SHOWN = 12


@dataclass
class Figure:
    """How many answered a statement, and the share who said it was mostly or completely true.

    ``share`` is None when fewer than ``MINIMUM`` answered (withheld, not zero).
    """

    answered: int
    positive: int
    skipped: int

    @property
    def suppressed(self) -> bool:
        """Whether there are too few answers to show."""
        return self.answered < MINIMUM

    @property
    def share(self) -> float | None:
        """The share of answers that were "mostly" or "completely" true, if shown."""
        if self.suppressed:
            return None
        return self.positive / self.answered


@dataclass
class QuestionRow:
    """One statement, its principle, the whole period's figure and one figure per quarter."""

    question: Question
    principle_name: str
    overall: Figure
    by_quarter: list[Figure]


@dataclass
class Voice:
    """Everything the voice view shows for one kind of respondent in one scope."""

    respondent: str
    responses: int
    quarters: list[str]
    rows: list[QuestionRow]
    quotes: list[tuple[date, str]] = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        """Whether too few people gave feedback for anything to be shown."""
        return self.responses < MINIMUM


def quarter_of(day: date) -> str:
    """A date's quarter, as "2026 Q3"."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def quarters_between(start: date, end: date) -> list[str]:
    """Every quarter from ``start``'s to ``end``'s, in order."""
    found: list[str] = []
    year, quarter = start.year, (start.month - 1) // 3
    while (year, quarter) <= (end.year, (end.month - 1) // 3):
        found.append(f"{year} Q{quarter + 1}")
        quarter += 1
        if quarter == 4:
            year, quarter = year + 1, 0
    return found


def feedback_in_scope(
    respondent: str, start: date, end: date, team_id: int | None, worker_id: int | None = None
) -> list[Feedback]:
    """The feedback of one kind given between ``start`` and ``end``, for one team or all (or
    on one worker's cases)."""
    query = (
        select(Feedback)
        .join(Case, Case.id == Feedback.case_id)
        .where(
            Feedback.respondent == respondent,
            Feedback.archived_at.is_(None),
            Case.archived_at.is_(None),
            Feedback.date >= start,
            Feedback.date <= end,
        )
        .order_by(Feedback.date.desc(), Feedback.id.desc())
    )
    if team_id is not None:
        query = query.where(Case.team_id == team_id)
    if worker_id is not None:
        query = query.where(Case.worker_id == worker_id)
    return list(db.session.scalars(query))


def _figure(answers: list[int | None]) -> Figure:
    scores = [a for a in answers if a is not None]
    return Figure(
        answered=len(scores),
        positive=sum(1 for a in scores if a >= 3),
        skipped=len(answers) - len(scores),
    )


def voice(respondent: str, start: date, end: date, team_id: int | None) -> Voice:
    """What children (``"child"``) or parents and carers (``"carer"``) said, in one scope."""
    given = feedback_in_scope(respondent, start, end, team_id)
    quarters = quarters_between(start, end)
    rows = []
    for question in questions_for(respondent):
        per_quarter: dict[str, list[int | None]] = {q: [] for q in quarters}
        every: list[int | None] = []
        for item in given:
            answer = item.answers.get(question.key)
            every.append(answer)
            per_quarter.setdefault(quarter_of(item.date), []).append(answer)
        rows.append(
            QuestionRow(
                question=question,
                principle_name=BY_NUMBER[question.principle].name,
                overall=_figure(every),
                by_quarter=[_figure(per_quarter[q]) for q in quarters],
            )
        )
    result = Voice(respondent=respondent, responses=len(given), quarters=quarters, rows=rows)
    if not result.suppressed:
        result.quotes = [
            (item.date, item.own_words)
            for item in given
            if item.share_beyond_case and item.own_words
        ][:QUOTES_SHOWN]
    return result
