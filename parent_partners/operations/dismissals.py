"""Dismissed wording flags as candidates for the checker's training data.

A dismissal says "this flag was wrong here"; read together, dismissals show where the
checker needs new training sentences. Each row holds the flagged sentence and the
reasons, and nothing else about the case (no names beyond what the sentence holds).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from parent_partners.checks.findings import TEXT_KINDS
from parent_partners.checks.learned.sentences import sentences
from parent_partners.extensions import db
from parent_partners.models import Carer, Consultation, Flag, Involvement
from parent_partners.operations import access_trail

_RECORDS: dict[str, Any] = {
    "involvement": Involvement,
    "consultation": Consultation,
    "carer": Carer,
}


def flagged_sentence(text: str, start: int | None, end: int | None) -> str:
    """The sentence of ``text`` that holds [start, end), or the flagged words alone."""
    if start is None or end is None or end > len(text):
        return ""
    for unit in sentences(text):
        if unit.start <= start < unit.end:
            return text[unit.start : max(unit.end, end)]
    return text[start:end]


def dismissed_text_flags() -> Iterator[dict[str, Any]]:
    """Every dismissed wording flag as a plain row, oldest dismissal first."""
    flags = db.session.scalars(
        select(Flag)
        .where(Flag.status == "dismissed", Flag.kind.in_(TEXT_KINDS))
        .order_by(Flag.dismissed_at, Flag.id)
    )
    for flag in flags:
        model = _RECORDS.get(flag.record_type or "")
        record = db.session.get(model, flag.record_id) if model and flag.record_id else None
        text = getattr(record, flag.field or "", None) if record is not None else None
        sentence = flagged_sentence(text, flag.span_start, flag.span_end) if text else ""
        yield {
            "sentence": sentence or (flag.matched or ""),
            "matched": flag.matched,
            "kind": flag.kind,
            "category": flag.category,
            "rule": flag.rule,
            "confidence": flag.confidence,
            "dismissed_reason": flag.dismissed_reason,
            "found_at": flag.created_at.isoformat() if flag.created_at else None,
            "dismissed_at": flag.dismissed_at.isoformat() if flag.dismissed_at else None,
        }


def record_export(count: int) -> None:
    """Note in the access trail that dismissed flags left the service, and how many."""
    access_trail.record("dismissals_exported", data={"flags": count})
