"""Blueprint: your account, and the API tokens you made."""

from parent_partners.blueprints.account.views import bp

__all__ = ["bp"]
