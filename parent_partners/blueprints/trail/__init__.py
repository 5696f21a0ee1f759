"""Blueprint: a case's access trail and the subject access export (managers and principals)."""

from parent_partners.blueprints.trail.views import bp

__all__ = ["bp"]
