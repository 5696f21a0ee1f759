"""Blueprint: a practitioner's own reflection against the eight principles."""

from flask import Blueprint

bp = Blueprint("reflection", __name__)

from parent_partners.blueprints.reflection import views  # noqa: E402, F401 - registers routes
