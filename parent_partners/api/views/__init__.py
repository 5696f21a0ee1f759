"""The API's views, one module per resource."""

from parent_partners.api.views import (
    access_trail,
    cases,
    check,
    directory,
    flags,
    meta,
    partnership,
    voice,
)

__all__ = [
    "access_trail", "cases", "check", "directory", "flags", "meta", "partnership", "voice",
]  # fmt: skip
