"""Feedback from children, parents and carers, and the service self-assessments, through the
API: the same permissions, scoping and access trail as the pages."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from flask.wrappers import Response
from pydantic import BaseModel, Field

from parent_partners.api.blueprint import operation, parse, reply
from parent_partners.api.errors import field_error, validation_problem
from parent_partners.api.schemas import Id, MediumText, Request, Response_, UtcDateTime
from parent_partners.identity import actor
from parent_partners.operations import access_trail
from parent_partners.operations import self_assessment as assessments
from parent_partners.operations.feedback import FeedbackError, case_feedback, record_feedback
from parent_partners.permissions import Permission
from parent_partners.principles import questions_for
from parent_partners.scoping import case_for, editable_case_for

Score = Annotated[int, Field(ge=1, le=4)]


class FeedbackIn(Request):
    """What a child, parent or carer said about how the work with them feels."""

    date: date
    respondent: Literal["child", "carer"]
    carer_id: Id | None = Field(
        default=None, description="Which parent or carer on the case (for respondent carer)"
    )
    answers: dict[str, Score | None] = Field(
        default_factory=dict,
        description="Question key (p1 to p8 for a child; partner, knowledge, distress, "
        "sharing, no_blame, respect, strengths for a parent or carer) to a score from 1 "
        "(not true) to 4 (completely true), or null for 'rather not say'. A question left "
        "out is kept as 'rather not say'.",
    )
    own_words: MediumText = Field(default="", description="Their words; never checked")
    share_beyond_case: bool = Field(
        default=False, description="They agreed their words may be read beyond the case"
    )

    def problems(self) -> list[tuple[str, str]]:
        """A parent's feedback names the parent; answers are to questions that were asked."""
        found = []
        if self.respondent == "carer" and self.carer_id is None:
            found.append(("carer_id", "Name the parent or carer whose feedback this is"))
        asked = {q.key for q in questions_for(self.respondent)}
        unknown = sorted(set(self.answers) - asked)
        if unknown:
            found.append(("answers", "Not a question asked: " + ", ".join(unknown)))
        return found


class FeedbackOut(Response_):
    """Feedback on a case."""

    id: int
    case_id: int
    date: date
    respondent: str
    carer_id: int | None
    answers: dict[str, int | None]
    own_words: str
    share_beyond_case: bool
    recorded_by_id: int | None
    version: int


class FeedbackList(BaseModel):
    """A case's feedback, newest first."""

    feedback: list[FeedbackOut]


class ActionOut(Response_):
    """An action set by a self-assessment."""

    id: int
    principle: int
    action: str
    owner: str
    due_on: date
    done: bool


class AssessmentSummary(Response_):
    """A self-assessment in the list."""

    id: int
    title: str
    period_start: date
    period_end: date
    ratings: dict[str, str]
    created_at: UtcDateTime


class AssessmentOut(AssessmentSummary):
    """A self-assessment: ratings and narrative by principle, the evidence, the actions."""

    narratives: dict[str, str]
    figures: dict[str, Any] = Field(description="The evidence, as it stood when saved")
    previous_id: int | None = Field(description="The assessment this one is compared with")
    actions: list[ActionOut]
    version: int


class AssessmentList(BaseModel):
    """Every self-assessment, the latest period first."""

    assessments: list[AssessmentSummary]


@operation(
    "GET",
    "/cases/<int:case_id>/feedback",
    summary="List a case's feedback",
    tag="Feedback",
    permission=Permission.VIEW_CASES,
    response=FeedbackList,
)
def list_feedback(case_id: int) -> Response:
    """What the child and their parents or carers said, newest first. Reading it is recorded
    as reading the case."""
    case = case_for(actor(), case_id)
    access_trail.record("case_viewed", record_type="case", record_id=case.id, case_id=case.id,
                 data={"part": "feedback"})
    items = [FeedbackOut.model_validate(item) for item in case_feedback(case)]
    return reply(FeedbackList(feedback=items))


@operation(
    "POST",
    "/cases/<int:case_id>/feedback",
    summary="Record feedback",
    tag="Feedback",
    permission=Permission.EDIT_CASES,
    status=201,
    body=FeedbackIn,
    response=FeedbackOut,
)
def add_feedback(case_id: int) -> Response:
    """Record how the work feels to the child, or to one of their parents or carers. Their
    own words are kept as said and never checked for blame."""
    user = actor()
    case = editable_case_for(user, case_id)
    body = parse(FeedbackIn)
    try:
        made = record_feedback(case, user, body.model_dump())
    except FeedbackError as error:
        raise validation_problem([field_error(("carer_id",), str(error), "unknown_carer")]) \
            from None
    return reply(FeedbackOut.model_validate(made), 201)


@operation(
    "GET",
    "/self-assessments",
    summary="List the service self-assessments",
    tag="Self-assessment",
    permission=Permission.ASSESS_SERVICE,
    response=AssessmentList,
)
def list_assessments() -> Response:
    """Every service self-assessment, the latest period first (principal social workers)."""
    found = [AssessmentSummary.model_validate(a) for a in assessments.assessments()]
    return reply(AssessmentList(assessments=found))


@operation(
    "GET",
    "/self-assessments/<int:assessment_id>",
    summary="Read a service self-assessment",
    tag="Self-assessment",
    permission=Permission.ASSESS_SERVICE,
    response=AssessmentOut,
)
def get_assessment(assessment_id: int) -> Response:
    """A self-assessment with its evidence, ratings, narrative and actions. Reading it is
    recorded."""
    found = assessments.assessment_or_404(assessment_id)
    before = assessments.previous_to(found)
    access_trail.record("self_assessment_viewed", record_type="self_assessment", record_id=found.id)
    body = AssessmentOut.model_validate(
        {
            **{key: getattr(found, key) for key in (
                "id", "title", "period_start", "period_end", "ratings", "created_at",
                "narratives", "figures", "version",
            )},
            "previous_id": before.id if before else None,
            "actions": [ActionOut.model_validate(a) for a in found.actions],
        }
    )
    return reply(body)
