"""Blueprint: a case's audit trail and the subject access export (managers and principals)."""

from flask import Blueprint

bp = Blueprint("trail", __name__)

from parent_partners.blueprints.trail import views  # noqa: E402, F401 - registers routes
