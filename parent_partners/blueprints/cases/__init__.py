"""The caseload: listing cases, opening a case, the case page."""

from parent_partners.blueprints.cases.views import bp

__all__ = ["bp"]
