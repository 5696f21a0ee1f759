"""Blueprint: administrators' pages (the blame lexicon, user accounts)."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from parent_partners.blueprints.admin import (  # noqa: E402, F401 - registers routes
    accounts,
    tokens,
    users,
    views,
)
