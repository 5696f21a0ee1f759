"""Blueprint: administrators' pages (the blame lexicon, user accounts)."""

from parent_partners.blueprints.admin import accounts, tokens, users  # noqa: F401 - registers routes
from parent_partners.blueprints.admin.views import bp

__all__ = ["bp"]
