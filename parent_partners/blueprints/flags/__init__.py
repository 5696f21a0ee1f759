"""Blueprint: acting on flags (dismiss with a reason, reopen)."""

from parent_partners.blueprints.flags.views import bp

__all__ = ["bp"]
