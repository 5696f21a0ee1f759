"""Plain-data records the app maps its database rows onto before checking a case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CarerData:
    """A parent or carer, and whether it is currently safe to involve them."""

    id: int
    name: str
    relationship: str
    safe_to_involve: bool
    safe_reason: str = ""
    safe_review_on: date | None = None


@dataclass(frozen=True)
class InvolvementData:
    """One engagement with one or more parents/carers."""

    id: int
    date: date
    carer_ids: tuple[int, ...]
    kind: str
    partnership_level: str
    shares_child_information: bool
    shared_what: str = ""
    shared_why: str = ""
    parent_view: str = ""
    strengths: str = ""
    parent_distress: bool = False
    distress_support: str = ""
    actions: str = ""
    notes: str = ""


@dataclass(frozen=True)
class ConsultationData:
    """The child's view about involving particular parents/carers, or why they were not asked."""

    id: int
    date: date
    carer_ids: tuple[int, ...]
    child_view: str = ""
    child_wish: str | None = None
    influence: str = ""
    decision: str | None = None
    override_rationale: str = ""
    child_told_outcome: bool = False
    not_asked_reason: str | None = None
    not_asked_detail: str = ""


@dataclass(frozen=True)
class CaseData:
    """Everything the checks need about one child's case."""

    id: int
    child_name: str
    child_dob: date | None
    carers: tuple[CarerData, ...]
    involvements: tuple[InvolvementData, ...]
    consultations: tuple[ConsultationData, ...]
    today: date | None = None  # the checking day, for review dates; date.today() when None


@dataclass(frozen=True)
class CheckSettings:
    """Tunable thresholds for the record rules (an administrator may change these).

    consultation_window_days: how old a consultation may be and still cover an involvement
        (DOMAIN.md default 90 days).
    stall_min_involvements / stall_min_days: how many latest involvements, spanning at least
        how many days, must all be only ``informed`` before partnership counts as stalled.
    too_young_age: a ``too_young`` reason is accepted only when the child is younger than this
        (0 = accept whatever the practitioner recorded; the age is shown to the manager).
    strengths_exempt_kinds / strengths_exempt_max_chars: a contact of one of these kinds whose
        notes, actions and sharing together run to no more than this many characters, sharing
        nothing about the child, is administrative (rearranging a visit): "no strengths
        recorded" does not apply to it.
    """

    consultation_window_days: int = 90
    stall_min_involvements: int = 3
    stall_min_days: int = 28
    too_young_age: int = 0
    strengths_exempt_kinds: tuple[str, ...] = ("phone_call",)
    strengths_exempt_max_chars: int = 200
