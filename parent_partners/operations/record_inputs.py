"""What each way in (a page, the API, an import, a test) hands the record operations.

One frozen dataclass per record, typed, with the shaping every way in used to repeat: text
trimmed, and the fields a choice makes meaningless emptied (no review date for a carer it is
safe to involve, no wish from a child who was not asked). ``problems`` asks the record rules in
``validation`` with the layer's one set of messages; the operations call it before writing,
and a form may call it while checking what was typed, so every problem shows at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from parent_partners.operations import validation
from parent_partners.operations.validation import CaseDates, Problems

# Inside a record with a field called ``date``, that name is the field: the type goes by this.
Day = date


def _trimmed(record: Any) -> None:
    """Strip the text fields of a frozen dataclass in place (None stays None)."""
    for item in fields(record):
        value = getattr(record, item.name)
        if isinstance(value, str):
            object.__setattr__(record, item.name, value.strip())


def _case_fields_tidied(record: Any) -> None:
    """Trim a case's text and hold its lists as tuples; an empty external id is none at all."""
    _trimmed(record)
    object.__setattr__(record, "harm_types", tuple(record.harm_types))
    object.__setattr__(record, "contexts", tuple(record.contexts))
    object.__setattr__(record, "external_id", record.external_id or None)


def _stored(record: Any, leave_out: tuple[str, ...] = ("carer_ids",)) -> dict[str, Any]:
    """The fields as the model's columns (the carers are a relationship, set apart)."""
    return {key: value for key, value in asdict(record).items() if key not in leave_out}


@dataclass(frozen=True)
class CaseInput:
    """A new case: whose it is, the child, what the case is about."""

    team_id: int
    worker_id: int | None
    child_name: str
    child_dob: date | None
    opened_on: date
    gender: str = "not_recorded"
    ethnicity: str = "not_recorded"
    reference: str = ""
    communication_needs: str = ""
    harm_types: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    external_id: str | None = None  # the host's own id for the case, when it has one

    def __post_init__(self) -> None:
        _case_fields_tidied(self)

    def problems(self, today: date | None = None) -> Problems:
        """The dates' rules (the worker's team and the external id are checked by
        ``cases.open_case``)."""
        return validation.case_problems(asdict(self), today)


@dataclass(frozen=True)
class CaseDetails:
    """A case's details as they are to be after an edit: every field, changed or not (the
    team stays: moving a case between teams is not an edit)."""

    reference: str
    child_name: str
    child_dob: date | None
    opened_on: date
    worker_id: int | None
    gender: str = "not_recorded"
    ethnicity: str = "not_recorded"
    communication_needs: str = ""
    harm_types: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    external_id: str | None = None
    closed_on: date | None = None

    def __post_init__(self) -> None:
        _case_fields_tidied(self)

    def problems(self, today: date | None = None) -> Problems:
        """The dates' rules and a reference (whether another case holds it, its external id
        or the worker's team is checked by ``partnership.edit_case``)."""
        found = validation.case_problems(asdict(self), today)
        if not self.reference:
            found.append(("reference", "Enter a reference"))
        return found

    def stored(self) -> dict[str, Any]:
        """The values as the ``Case`` columns hold them."""
        return {
            **asdict(self),
            "harm_types": list(self.harm_types),
            "contexts": list(self.contexts),
        }


@dataclass(frozen=True)
class CarerInput:
    """A parent or carer, and whether it is safe to involve them."""

    name: str
    relationship_to_child: str
    parental_responsibility: bool = False
    communication_needs: str = ""
    interpreter_language: str = ""
    safe_to_involve: bool = True
    safe_reason: str = ""
    safe_review_on: date | None = None

    def __post_init__(self) -> None:
        _trimmed(self)
        if self.safe_to_involve:
            object.__setattr__(self, "safe_review_on", None)

    def problems(self) -> Problems:
        """A decision not to involve them needs its reason and review date."""
        return validation.carer_problems(asdict(self))

    def stored(self) -> dict[str, Any]:
        """The values as the ``Carer`` columns hold them."""
        return _stored(self)


@dataclass(frozen=True)
class InvolvementInput:
    """One engagement with one or more of the case's parents or carers."""

    date: Day | None
    kind: str
    partnership_level: str
    carer_ids: tuple[int, ...] = ()
    not_involved_reason: str = ""  # needed when the level is "not_involved"
    # Sharing about the child needs the child consulted first (the checks say so if not).
    shares_child_information: bool = False
    shared_what: str = ""
    shared_why: str = ""
    parent_view: str = ""  # their own words: shown as they are, never checked for wording
    strengths: str = ""
    parent_distress: bool = False
    distress_support: str = ""
    actions: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        _trimmed(self)
        object.__setattr__(self, "carer_ids", tuple(self.carer_ids))

    def problems(self, case: CaseDates | None = None, today: Day | None = None) -> Problems:
        """Its date against the case, and the details each choice needs."""
        return validation.involvement_problems(asdict(self), case, today)

    def stored(self) -> dict[str, Any]:
        """The values as the ``Involvement`` columns hold them."""
        return _stored(self)


@dataclass(frozen=True)
class ConsultationInput:
    """The child's view on involving particular parents or carers, or why they were not
    asked."""

    date: Day | None
    carer_ids: tuple[int, ...] = ()
    child_asked: bool = True
    child_view: str = ""  # the child's own words: shown as they are, never checked
    child_wish: str | None = None
    influence: str = ""
    decision: str | None = None
    override_rationale: str = ""  # needed when going ahead against the child's wish
    child_told_outcome: bool = False
    # When the child was not asked: why, and (for "too young") their age and understanding.
    not_asked_reason: str | None = None
    not_asked_detail: str = ""

    def __post_init__(self) -> None:
        _trimmed(self)
        object.__setattr__(self, "carer_ids", tuple(self.carer_ids))
        # Only one side of the question is kept: what the child said, or why they were not asked.
        if self.child_asked:
            object.__setattr__(self, "not_asked_reason", None)
            object.__setattr__(self, "not_asked_detail", "")
        else:
            object.__setattr__(self, "child_view", "")
            object.__setattr__(self, "child_wish", None)
        for name in ("child_wish", "decision", "not_asked_reason"):
            if getattr(self, name) == "":
                object.__setattr__(self, name, None)

    def problems(self, case: CaseDates | None = None, today: Day | None = None) -> Problems:
        """Its date against the case, the child's view when asked, the reason when not."""
        return validation.consultation_problems(asdict(self), case, today)

    def stored(self) -> dict[str, Any]:
        """The values as the ``Consultation`` columns hold them."""
        return _stored(self)


__all__ = ["CarerInput", "CaseDetails", "CaseInput", "ConsultationInput", "InvolvementInput"]
