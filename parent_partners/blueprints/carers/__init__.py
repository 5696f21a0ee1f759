"""Blueprint: carers on a case."""

from parent_partners.blueprints.carers.views import bp

__all__ = ["bp"]
