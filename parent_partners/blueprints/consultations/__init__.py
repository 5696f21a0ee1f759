"""Blueprint: consultations on a case."""

from parent_partners.blueprints.consultations.views import bp

__all__ = ["bp"]
