"""Blueprint: consultations on a case."""

from flask import Blueprint

bp = Blueprint("consultations", __name__)

from parent_partners.blueprints.consultations import views  # noqa: E402, F401 - registers routes
