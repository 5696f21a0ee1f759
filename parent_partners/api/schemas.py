"""The API's request and response bodies, as pydantic models.

These models validate every request and describe every response; the OpenAPI
document (``openapi.py``) is generated from their JSON schemas, so the two cannot
drift apart. Requests are parsed strictly from JSON: unknown fields, wrong types
and values outside the vocabularies are refused (422), naming the field.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from parent_partners import vocabulary as v
from parent_partners.operations import validation
from parent_partners.operations.record_inputs import (
    CarerInput,
    CaseInput,
    ConsultationInput,
    InvolvementInput,
)

LONG_TEXT = 10_000
MEDIUM_TEXT = 4_000


def _one_of(choices: v.Choices) -> Any:
    """A Literal type of the stored values of ``choices`` (the vocabulary is the one source)."""
    return Literal[tuple(v.values(choices))]


# Each vocabulary is one named schema in the OpenAPI document (``openapi.py`` puts a reference
# wherever a field takes its values), so a generated client has one type for each.
NAMED_VOCABULARIES: dict[str, v.Choices] = {
    "Gender": v.GENDERS,
    "Ethnicity": v.ETHNICITIES,
    "HarmType": v.HARM_TYPES,
    "Context": v.CONTEXTS,
    "Relationship": v.RELATIONSHIPS,
    "InvolvementKind": v.INVOLVEMENT_KINDS,
    "PartnershipLevel": v.PARTNERSHIP_LEVELS,
    "ChildWish": v.CHILD_WISHES,
    "Decision": v.DECISIONS,
    "NotAskedReason": v.NOT_ASKED_REASONS,
    "FlagKind": v.FLAG_KINDS,
    "FlagStatus": v.FLAG_STATUSES,
    "Role": v.ROLES,
}

if TYPE_CHECKING:  # the checker sees plain strings; pydantic sees the Literal values
    Gender: TypeAlias = str
    Ethnicity: TypeAlias = str
    HarmType: TypeAlias = str
    Context: TypeAlias = str
    Relationship: TypeAlias = str
    InvolvementKind: TypeAlias = str
    PartnershipLevel: TypeAlias = str
    ChildWish: TypeAlias = str
    Decision: TypeAlias = str
    NotAskedReason: TypeAlias = str
    FlagKind: TypeAlias = str
    FlagStatus: TypeAlias = str
    Role: TypeAlias = str
else:
    globals().update({name: _one_of(choices) for name, choices in NAMED_VOCABULARIES.items()})

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=LONG_TEXT)]
MediumText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MEDIUM_TEXT)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]  # a PostgreSQL integer
Reference = Annotated[str, StringConstraints(strip_whitespace=True, max_length=32)]
ExternalId = Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)]


def _as_utc(value: datetime) -> datetime:
    """Timestamps are stored in UTC; SQLite hands them back without their zone."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# A timestamp in a response: always with its offset, as RFC 3339 (and OpenAPI) requires.
UtcDateTime = Annotated[datetime, AfterValidator(_as_utc)]


class Request(BaseModel):
    """A request body: strict JSON, no field the API does not know."""

    model_config = ConfigDict(extra="forbid", strict=True)

    def problems(self) -> list[tuple[str, str]]:
        """Rules across fields, as (field, message); empty when the body is complete."""
        return []


class Response_(BaseModel):
    """A response body, read from a model's attributes."""

    model_config = ConfigDict(from_attributes=True)


def older_name(of: str, default: Any = ...) -> Any:
    """A key kept under its older name for this API version's clients: the same value as
    ``of``, marked deprecated in the document."""
    return Field(
        default=default,
        description=f"Deprecated: the same as {of}, under its older name",
        json_schema_extra={"deprecated": True},
    )


# -- requests ---------------------------------------------------------------------------------


class CaseIn(Request):
    """Open a case for the token holder's team."""

    child_name: Name
    reference: Reference = Field(
        default="", description="Your system's reference; one is made up when left out."
    )
    external_id: ExternalId | None = Field(
        default=None,
        description="Your system's own id for the case, if it has one; unique in the service.",
    )
    child_dob: date | None = None
    gender: Gender = "not_recorded"
    ethnicity: Ethnicity = "not_recorded"
    communication_needs: LongText = ""
    harm_types: list[HarmType] = Field(default_factory=list)
    contexts: list[Context] = Field(default_factory=list)
    worker_id: Id | None = Field(
        default=None,
        description="The allocated worker, from the team; the token holder when left out.",
    )
    opened_on: date | None = Field(default=None, description="Today when left out.")

    def problems(self) -> list[tuple[str, str]]:
        return validation.case_problems(self.model_dump())

    def to_input(self, team_id: int, worker_id: int) -> CaseInput:
        """The body as ``cases.open_case`` takes it."""
        data = self.model_dump(exclude={"worker_id", "opened_on"})
        return CaseInput(
            team_id=team_id,
            worker_id=worker_id,
            opened_on=self.opened_on or date.today(),
            **data,
        )


class CarerIn(Request):
    """Add a parent or carer to a case."""

    name: Name
    relationship: Relationship
    parental_responsibility: bool = False
    communication_needs: LongText = ""
    interpreter_language: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=60)
    ] = Field(default="", description="Empty when no interpreter is needed.")
    safe_to_involve: bool = True
    safe_reason: LongText = Field(
        default="", description="Needed when it is not safe to involve them."
    )
    safe_review_on: date | None = Field(
        default=None, description="Needed when it is not safe to involve them."
    )

    def problems(self) -> list[tuple[str, str]]:
        return self.to_input().problems()

    def to_input(self) -> CarerInput:
        """The body as the operations take it."""
        data = self.model_dump(exclude={"relationship"})
        return CarerInput(relationship_to_child=self.relationship, **data)


class InvolvementIn(Request):
    """Log an involvement of one or more of the case's parents or carers."""

    carer_ids: Annotated[list[Id], Field(min_length=1)]
    date: date
    kind: InvolvementKind
    partnership_level: PartnershipLevel
    not_involved_reason: MediumText = Field(
        default="", description="Needed when partnership_level is not_involved."
    )
    shares_child_information: bool = False
    shared_what: MediumText = Field(
        default="", description="Needed when shares_child_information is true."
    )
    shared_why: MediumText = ""
    parent_view: LongText = Field(
        default="", description="The parent's own words: shown as they are, never flagged."
    )
    strengths: LongText = ""
    parent_distress: bool = False
    distress_support: MediumText = ""
    actions: LongText = ""
    notes: LongText = ""

    def problems(self) -> list[tuple[str, str]]:
        return self.to_input().problems()

    def to_input(self) -> InvolvementInput:
        """The body as the operations take it."""
        return InvolvementInput(**self.model_dump())


class ConsultationIn(Request):
    """Record the child's view on involving one or more parents or carers."""

    carer_ids: Annotated[list[Id], Field(min_length=1)]
    date: date
    child_asked: bool = True
    child_view: LongText = Field(
        default="", description="The child's own words: shown as they are, never flagged."
    )
    child_wish: ChildWish | None = Field(default=None, description="Needed when child_asked.")
    influence: MediumText = ""
    decision: Decision | None = None
    override_rationale: MediumText = ""
    child_told_outcome: bool = False
    not_asked_reason: NotAskedReason | None = Field(
        default=None, description="Needed when the child was not asked."
    )
    not_asked_detail: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=2000)
    ] = ""

    def problems(self) -> list[tuple[str, str]]:
        return self.to_input().problems()

    def to_input(self) -> ConsultationInput:
        """The body as the operations take it (no wish when the child was not asked)."""
        return ConsultationInput(**self.model_dump())


# -- responses --------------------------------------------------------------------------------


class Flag(Response_):
    """A flag: a finding of the checks stored on a case, with its id and its life."""

    id: int
    case_id: int
    kind: FlagKind
    rule: str
    status: FlagStatus = Field(description="open, resolved, dismissed or reopened")
    record_type: str | None = Field(description="involvement, consultation or carer")
    record_id: int | None
    field: str | None = Field(description="The text field, for wording findings")
    carer_id: int | None
    start: int | None = Field(
        validation_alias="span_start", description="Span in the field's text (wording findings)"
    )
    end: int | None = Field(validation_alias="span_end")
    matched: str | None
    explanation: str
    suggestion: str
    source: str
    category: str | None = Field(description="The blame category (wording findings)")
    confidence: float | None = Field(description="How sure the checker is, 0 to 1")
    dismissed_reason: str
    created_at: UtcDateTime
    resolved_at: UtcDateTime | None
    dismissed_at: UtcDateTime | None


class Carer(Response_):
    """A parent or carer on a case."""

    id: int
    case_id: int
    name: str
    relationship: Relationship = Field(validation_alias="relationship_to_child")
    parental_responsibility: bool
    communication_needs: str
    interpreter_language: str
    safe_to_involve: bool
    safe_reason: str
    safe_review_on: date | None
    version: int


class Involvement(Response_):
    """An involvement of parents or carers, with the flags on it."""

    id: int
    case_id: int
    carer_ids: list[int]
    date: date
    kind: InvolvementKind
    partnership_level: PartnershipLevel
    not_involved_reason: str
    shares_child_information: bool
    shared_what: str
    shared_why: str
    parent_view: str
    strengths: str
    parent_distress: bool
    distress_support: str
    actions: str
    notes: str
    recorded_by_id: int | None
    version: int
    flags: list[Flag] = Field(description="The flags on this record, oldest first")
    findings: list[Flag] = older_name("flags")


class Consultation(Response_):
    """A consultation with the child, with the flags on it."""

    id: int
    case_id: int
    carer_ids: list[int]
    date: date
    child_asked: bool
    child_view: str
    child_wish: ChildWish | None
    influence: str
    decision: Decision | None
    override_rationale: str
    child_told_outcome: bool
    not_asked_reason: NotAskedReason | None
    not_asked_detail: str
    recorded_by_id: int | None
    version: int
    flags: list[Flag] = Field(description="The flags on this record, oldest first")
    findings: list[Flag] = older_name("flags")


class CaseSummary(Response_):
    """A case as the case list shows it."""

    id: int
    reference: str
    external_id: str | None
    child_name: str
    child_dob: date | None
    gender: Gender
    ethnicity: Ethnicity
    harm_types: list[HarmType]
    contexts: list[Context]
    team_id: int
    worker_id: int | None
    opened_on: date
    closed_on: date | None
    version: int
    updated_at: UtcDateTime = Field(description="When the case's own details last changed")


class CaseListItem(CaseSummary):
    """A case in the list, with how many flags are open and its latest involvement."""

    open_flags: int = Field(description="How many of its flags are open (or reopened)")
    open_findings: int = older_name("open_flags")
    last_involvement: date | None


class Case(CaseSummary):
    """A case with its parents and carers, records and open flags."""

    communication_needs: str
    carers: list[Carer]
    involvements: list[Involvement]
    consultations: list[Consultation]
    flags: list[Flag] = Field(description="The case's open flags")
    findings: list[Flag] = older_name("flags")


class CaseList(BaseModel):
    """A page of the cases the token holder may see."""

    cases: list[CaseListItem]
    total: int | None = Field(description="All matching cases (page numbers only)")
    page: int | None = Field(description="This page's number (page numbers only)")
    per_page: int
    next: str | None = Field(
        default=None, description="The address of the next page; null on the last page"
    )
    next_cursor: str | None = Field(
        default=None, description="The cursor of the next page (cursor paging); null at the end"
    )


class FieldError(BaseModel):
    """What is wrong with one field of the request."""

    field: str = Field(description="Dotted path to the field, e.g. carer_ids.0")
    pointer: str = Field(description="JSON Pointer (RFC 6901) into the request body")
    message: str
    code: str = Field(description="A machine-readable reason, e.g. extra_forbidden")


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (``application/problem+json``)."""

    type: str = Field(description="A URI naming the kind of problem; about:blank for plain HTTP")
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = Field(
        default=None, description="Per-field errors (validation problems)"
    )
    current_version: int | None = Field(
        default=None, description="The record's version now (a stale edit's 409)"
    )


# -- query strings ----------------------------------------------------------------------------


class Query(BaseModel):
    """Query-string parameters: read from text, no parameter the API does not know."""

    model_config = ConfigDict(extra="forbid")


class CaseListQuery(Query):
    """Paging through the case list: by page number (open cases first, by name), or by
    cursor in the order cases changed (for a sync: give ``cursor`` empty to start, or
    ``updated_since``)."""

    page: int | None = Field(
        default=None, ge=1, le=1_000_000, description="Page number (1 when left out)"
    )
    per_page: int = Field(default=50, ge=1, le=200)
    mine: bool = Field(default=False, description="Only cases allocated to the token holder")
    reference: Reference | None = Field(
        default=None, description="Only the case with this reference"
    )
    external_id: ExternalId | None = Field(
        default=None, description="Only the case with this external id (your system's own)"
    )
    cursor: Annotated[str, StringConstraints(max_length=200)] | None = Field(
        default=None,
        description="Cursor paging, oldest change first: empty for the first page, then the "
        "previous page's next_cursor",
    )
    updated_since: datetime | None = Field(
        default=None,
        description="Cursor paging, only cases changed at or after this time (RFC 3339)",
    )

    @property
    def by_cursor(self) -> bool:
        """Whether the client pages by cursor (in the order cases changed)."""
        return self.cursor is not None or self.updated_since is not None
