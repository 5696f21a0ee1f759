"""Blueprint: the service self-assessment against the eight principles."""

from parent_partners.blueprints.assessment.views import bp

__all__ = ["bp"]
