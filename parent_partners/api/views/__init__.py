"""The API's views, one module per resource."""

from parent_partners.api.views import audit, cases, check, findings, meta, partnership, voice

__all__ = ["audit", "cases", "check", "findings", "meta", "partnership", "voice"]
