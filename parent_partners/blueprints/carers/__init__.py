"""Blueprint: carers on a case."""

from flask import Blueprint

bp = Blueprint("carers", __name__)

from parent_partners.blueprints.carers import views  # noqa: E402, F401 - registers routes
