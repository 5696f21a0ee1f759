"""The Finding record that every check returns."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

TEXT_KINDS = ("child_blame", "parent_blame")
RECORD_KINDS = (
    "child_not_consulted",
    "child_view_overridden",
    "no_strengths",
    "partnership_stalled",
    "distress_unsupported",
    "review_overdue",
)
ALL_KINDS = TEXT_KINDS + RECORD_KINDS


def normalise_matched(text: str | None) -> str:
    """Lower-case ``text`` and collapse whitespace, so re-checks recognise the same words."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


@dataclass(frozen=True)
class Finding:
    """One slip found in a case: where it is, why it matters and what to do instead."""

    kind: str
    rule: str
    explanation: str
    suggestion: str
    source: str
    start: int | None = None
    end: int | None = None
    matched: str | None = None
    record_type: str | None = None
    record_id: int | None = None
    field: str | None = None
    carer_id: int | None = None
    # Text findings: the blame category (categories.py) and how sure the checker is (0-1).
    category: str | None = None
    confidence: float | None = None

    def key(self) -> tuple[str | int | None, ...]:
        """Identity across re-checks: everything but the span, so edits elsewhere keep it."""
        return (
            self.kind,
            self.rule,
            self.record_type,
            self.record_id,
            self.field,
            self.carer_id,
            normalise_matched(self.matched),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready) of every field."""
        return asdict(self)
