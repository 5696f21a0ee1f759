"""Blueprint: checking text as it is typed (JSON), for the involvement form."""

from parent_partners.blueprints.checking.views import bp

__all__ = ["bp"]
