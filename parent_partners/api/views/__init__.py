"""The API's views, one module per resource."""

from parent_partners.api.views import cases, check, findings, meta, records

__all__ = ["cases", "check", "findings", "meta", "records"]
