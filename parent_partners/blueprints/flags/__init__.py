"""Blueprint: acting on flags (dismiss with a reason, reopen)."""

from flask import Blueprint

bp = Blueprint("flags", __name__)

from parent_partners.blueprints.flags import views  # noqa: E402, F401 - registers routes
