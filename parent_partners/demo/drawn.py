"""The plain rows a drawn case is built on, before anything reaches the database.

``CaseBuilder`` draws a case onto these; the small path then enters them through the record
operations (``demo.entering``) and the bulk path turns them into insert rows (``demo.bulk``).
"""

from __future__ import annotations

from datetime import date
from typing import Any


class Drawn:
    """A case, carer, involvement or consultation as drawn, with the models' defaults."""

    shares_child_information = False
    shared_what = shared_why = parent_view = strengths = distress_support = ""
    actions = notes = not_involved_reason = ""
    parent_distress = False
    child_asked = True
    child_view = influence = override_rationale = not_asked_detail = ""
    child_wish: str | None = None
    decision: str | None = None
    not_asked_reason: str | None = None
    child_told_outcome = False
    safe_reason = ""
    safe_review_on: date | None = None
    communication_needs = interpreter_language = ""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)
        self.carers: list[Any] = values.get("carers", [])
