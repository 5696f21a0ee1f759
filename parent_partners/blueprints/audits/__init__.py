"""Blueprint: case audits against the eight principles, the worker's response, moderation."""

from parent_partners.blueprints.audits import drafts  # noqa: F401 - registers routes
from parent_partners.blueprints.audits.views import bp

__all__ = ["bp"]
