"""The API's views, one module per resource."""

from parent_partners.api.views import (
    audit,
    cases,
    check,
    directory,
    findings,
    meta,
    records,
    voice,
)

__all__ = [
    "audit", "cases", "check", "directory", "findings", "meta", "records", "voice",
]  # fmt: skip
