"""Blueprint: involvements on a case."""

from flask import Blueprint

bp = Blueprint("involvements", __name__)

from parent_partners.blueprints.involvements import views  # noqa: E402, F401 - registers routes
