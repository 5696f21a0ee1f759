"""Signing in and out."""

from parent_partners.blueprints.auth.views import bp

__all__ = ["bp"]
