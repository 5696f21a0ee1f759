"""Administrators' changes to the blame lexicon: rules switched off, and rules added."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from parent_partners.extensions import db
from parent_partners.models.common import Timestamped


class LexiconRule(Timestamped, db.Model):  # type: ignore[name-defined]
    """One rule change, merged over the packaged lexicon when the checks run.

    A row for a packaged rule only records whether it is switched on; a row for
    a rule an administrator added carries the rule's whole definition.
    """

    __tablename__ = "lexicon_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[str] = mapped_column(String(80), unique=True)
    packaged: Mapped[bool] = mapped_column(Boolean, default=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # For added rules: kind, patterns, suggestions, source, note (the lexicon file's shape).
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    def __repr__(self) -> str:
        return f"<LexiconRule {self.rule_id} {'on' if self.enabled else 'off'}>"
