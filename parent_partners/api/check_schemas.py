"""Bodies of ``POST /check``: text in, the checker's findings out. Nothing is stored, so
these are *findings* (no id of their own, no life), not flags."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from parent_partners.api.schemas import FlagKind, Request

CHECK_TEXT = 20_000


class CheckIn(Request):
    """Text to check for blaming wording; nothing is stored."""

    text: Annotated[str, StringConstraints(max_length=CHECK_TEXT)]


class TextFinding(BaseModel):
    """A finding in checked text. Not stored: ``id`` names the rule and the words it matched."""

    id: str
    kind: FlagKind
    status: Literal["open"] = "open"
    rule: str
    start: int
    end: int
    matched: str
    explanation: str
    suggestion: str
    source: str
    category: str | None = Field(
        default=None, description="The blame category, e.g. choice_consent or deficit_label"
    )
    confidence: float | None = Field(default=None, description="How sure the checker is, 0 to 1")


class TextFindings(BaseModel):
    """What the check found in the text."""

    findings: list[TextFinding]
