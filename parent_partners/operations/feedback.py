"""Recording feedback from children, parents and carers on a case.

Their own words are their voice: unlike practitioners' notes they are never passed to the
blame checker, so recording feedback does not re-run the case checks.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Feedback, User
from parent_partners.operations import access_trail
from parent_partners.operations.versioning import trailed_edit
from parent_partners.principles import RESPONDENTS, SCALE_TOP, questions_for


class FeedbackError(ValueError):
    """Feedback that cannot be kept as given (a parent or carer not on this case, say)."""


def clean_answers(respondent: str, answers: dict[str, Any]) -> dict[str, int | None]:
    """Keep one answer per question asked: a score from 1 to 4, or None for "rather not say".

    A question left out is kept as "rather not say": nobody is made to answer.
    """
    kept: dict[str, int | None] = {}
    for question in questions_for(respondent):
        value = answers.get(question.key)
        if value in (None, "", "skip"):
            kept[question.key] = None
            continue
        try:
            score = int(value)
        except (TypeError, ValueError) as error:
            raise FeedbackError(f"{question.key}: not a score from 1 to {SCALE_TOP}") from error
        if not 1 <= score <= SCALE_TOP:
            raise FeedbackError(f"{question.key}: not a score from 1 to {SCALE_TOP}")
        kept[question.key] = score
    return kept


def _values(case: Case, values: dict[str, Any]) -> dict[str, Any]:
    respondent = values["respondent"]
    if respondent not in dict(RESPONDENTS):
        raise FeedbackError("respondent must be 'child' or 'carer'")
    carer_id = values.get("carer_id") if respondent == "carer" else None
    if respondent == "carer":
        carer = db.session.get(Carer, carer_id) if carer_id else None
        if carer is None or carer.case_id != case.id:
            raise FeedbackError("choose a parent or carer on this case")
    return {
        "date": values["date"],
        "respondent": respondent,
        "carer_id": carer_id,
        "answers": clean_answers(respondent, values.get("answers") or {}),
        "own_words": (values.get("own_words") or "").strip(),
        "share_beyond_case": bool(values.get("share_beyond_case")),
    }


def record_feedback(case: Case, user: User, values: dict[str, Any]) -> Feedback:
    """Keep what a child, parent or carer said about how the work with them feels."""
    feedback = Feedback(case_id=case.id, recorded_by_id=user.id, **_values(case, values))
    db.session.add(feedback)
    db.session.flush()
    access_trail.record(
        "feedback_recorded",
        record_type="feedback",
        record_id=feedback.id,
        case_id=case.id,
        data={"respondent": feedback.respondent},
    )
    return feedback


def edit_feedback(
    feedback: Feedback, user: User, values: dict[str, Any], seen_version: int
) -> Feedback:
    """Change feedback, keeping the earlier version; refuses an edit based on an old version."""
    trailed_edit(feedback, "feedback", "feedback_edited", _values(feedback.case, values),
                 seen_version=seen_version, user_id=user.id, case_id=feedback.case_id)
    return feedback


def case_feedback(case: Case) -> list[Feedback]:
    """The feedback on a case, newest first."""
    return list(
        db.session.scalars(
            select(Feedback)
            .options(selectinload(Feedback.carer), selectinload(Feedback.recorded_by))
            .where(Feedback.case_id == case.id, Feedback.archived_at.is_(None))
            .order_by(Feedback.date.desc(), Feedback.id.desc())
        )
    )

