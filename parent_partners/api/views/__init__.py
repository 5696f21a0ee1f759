"""The API's views, one module per resource."""

from parent_partners.api.views import (
    audit,
    cases,
    check,
    directory,
    findings,
    meta,
    partnership,
    voice,
)

__all__ = [
    "audit", "cases", "check", "directory", "findings", "meta", "partnership", "voice",
]  # fmt: skip
