"""Blueprint: a practitioner's own reflection against the eight principles."""

from parent_partners.blueprints.reflection.views import bp

__all__ = ["bp"]
