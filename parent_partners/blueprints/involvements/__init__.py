"""Blueprint: involvements on a case."""

from parent_partners.blueprints.involvements.views import bp

__all__ = ["bp"]
