"""Flags: their kinds, and the statuses a flag moves through.

The kinds are the checker's (``checks/findings.py``, which must stay free of the app): the
blame kinds are raised on wording, the rest by the record rules in ``checks/case_rules.py``.
Here they get the labels people read.
"""

from __future__ import annotations

from parent_partners.checks.findings import ALL_KINDS, TEXT_KINDS
from parent_partners.vocabulary.choices import Choices

FLAG_STATUSES: Choices = [
    ("open", "Open"),
    ("resolved", "Resolved"),
    ("dismissed", "Dismissed"),
    ("reopened", "Reopened"),
]

# A flag still asking for attention; resolved and dismissed ones are closed.
OPEN_FLAG_STATUSES = ("open", "reopened")

_KIND_LABELS = {
    "child_blame": "Wording that blames the child",
    "parent_blame": "Wording that blames a parent or carer",
    "child_not_consulted": "Child not consulted",
    "child_view_overridden": "Child's view overridden",
    "no_strengths": "No strengths recorded",
    "partnership_stalled": "Partnership stuck at informed",
    "distress_unsupported": "Parent's distress with no support",
    "review_overdue": "Safety decision past its review date",
}
FLAG_KINDS: Choices = [(kind, _KIND_LABELS[kind]) for kind in ALL_KINDS]

# The kinds raised on wording rather than on the record: "blaming wording" in the figures.
BLAME_KINDS: tuple[str, ...] = TEXT_KINDS
