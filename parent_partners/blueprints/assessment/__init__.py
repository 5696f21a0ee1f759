"""Blueprint: the service self-assessment against the eight principles."""

from flask import Blueprint

bp = Blueprint("assessment", __name__)

from parent_partners.blueprints.assessment import views  # noqa: E402, F401 - registers routes
