"""Blueprint: checking text as it is typed (JSON), for the involvement form."""

from flask import Blueprint

bp = Blueprint("checking", __name__)

from parent_partners.blueprints.checking import views  # noqa: E402, F401 - registers routes
