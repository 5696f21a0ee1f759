"""Blueprint: feedback from children, parents and carers, and the voice views across cases."""

from parent_partners.blueprints.voice import feedback  # noqa: F401 - registers routes
from parent_partners.blueprints.voice.views import bp

__all__ = ["bp"]
