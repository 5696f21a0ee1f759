"""The record rules, once: the pages, the API and the import all ask these.

Each function takes a record's values as entered (and, for records on a case, the case)
and returns what is wrong, as (field, message) pairs in the words a person reads on the
page and an API client reads in ``errors``. The operations call them before writing
(``require``), so no way in can save a record that breaks a rule; the forms and the API
also call them while checking what was sent, so every problem is reported at once.

Dates: nothing happens in the future; a child is not born after their case is opened;
an involvement or consultation is not dated before the child was born or before the
case was opened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

Problems = list[tuple[str, str]]

# Said by ``cases.open_case`` (it needs the team's staff from the database).
WORKER_NOT_IN_TEAM = "Select the allocated worker from your team's practitioners and managers"


class RecordInvalid(ValueError):
    """A record that breaks a rule: ``problems`` says which fields and why."""

    def __init__(self, problems: Problems) -> None:
        super().__init__("; ".join(message for _, message in problems))
        self.problems = problems


@dataclass(frozen=True)
class CaseDates:
    """What a record on a case is checked against."""

    child_dob: date | None
    opened_on: date


def _today(today: date | None) -> date:
    return today or date.today()


def _not_future(found: Problems, field: str, label: str, value: Any, today: date) -> None:
    if isinstance(value, date) and value > today:
        found.append((field, f"{label} must be today or in the past"))


def case_problems(values: Mapping[str, Any], today: date | None = None) -> Problems:
    """A case: the child's date of birth, the opening date and (if closed) the closing date."""
    found: Problems = []
    now = _today(today)
    dob, opened = values.get("child_dob"), values.get("opened_on")
    closed = values.get("closed_on")
    _not_future(found, "child_dob", "Date of birth", dob, now)
    _not_future(found, "opened_on", "The date the case was opened", opened, now)
    _not_future(found, "closed_on", "The date the case was closed", closed, now)
    if isinstance(dob, date) and isinstance(opened, date) and opened < dob:
        found.append(("opened_on", "The case cannot be opened before the child was born"))
    if isinstance(closed, date) and isinstance(opened, date) and closed < opened:
        found.append(("closed_on", "The case cannot be closed before it was opened"))
    return found


def carer_problems(values: Mapping[str, Any], today: date | None = None) -> Problems:
    """A parent or carer: a decision not to involve them needs its reason and review date."""
    found: Problems = []
    if values.get("safe_to_involve") is False:
        if not (values.get("safe_reason") or "").strip():
            found.append(("safe_reason", "Enter the reason it is not safe to involve them"))
        if values.get("safe_review_on") is None:
            found.append(("safe_review_on", "Enter the date to review the decision"))
    return found


def _on_case(found: Problems, values: Mapping[str, Any], case: CaseDates | None,
             today: date | None) -> None:
    when = values.get("date")
    if when is None:
        found.append(("date", "Enter the date"))
    _not_future(found, "date", "The date", when, _today(today))
    if case is None or not isinstance(when, date):
        return
    if case.child_dob is not None and when < case.child_dob:
        found.append(("date", "The date cannot be before the child was born"))
    elif when < case.opened_on:
        found.append(("date", "The date cannot be before the case was opened"))


def involvement_problems(values: Mapping[str, Any], case: CaseDates | None = None,
                         today: date | None = None) -> Problems:
    """An involvement: its date, and the details each choice needs."""
    found: Problems = []
    _on_case(found, values, case, today)
    if values.get("partnership_level") == "not_involved" and not (
        values.get("not_involved_reason") or ""
    ).strip():
        found.append(("not_involved_reason", "Enter the reason they were not involved"))
    if values.get("shares_child_information") and not (values.get("shared_what") or "").strip():
        found.append(("shared_what", "Enter what was shared"))
    return found


def consultation_problems(values: Mapping[str, Any], case: CaseDates | None = None,
                          today: date | None = None) -> Problems:
    """A consultation: its date, the child's view when asked, the reason when not."""
    found: Problems = []
    _on_case(found, values, case, today)
    if values.get("child_asked", True):
        if not (values.get("child_view") or "").strip():
            found.append(("child_view", "Enter the child's view, in their own words"))
        if not values.get("child_wish"):
            found.append(("child_wish", "Select what the child wants"))
    else:
        reason = values.get("not_asked_reason")
        if not reason:
            found.append(("not_asked_reason", "Select why the child was not asked"))
        elif reason == "too_young" and not (values.get("not_asked_detail") or "").strip():
            found.append(("not_asked_detail", "Enter the child's age and understanding"))
    return found


def require(problems: Problems) -> None:
    """Refuse the write (``RecordInvalid``) if there is anything wrong."""
    if problems:
        raise RecordInvalid(problems)


__all__ = [
    "WORKER_NOT_IN_TEAM",
    "CaseDates",
    "RecordInvalid",
    "carer_problems",
    "case_problems",
    "consultation_problems",
    "involvement_problems",
    "require",
]
