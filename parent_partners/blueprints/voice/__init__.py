"""Blueprint: feedback from children, parents and carers, and the voice views across cases."""

from flask import Blueprint

bp = Blueprint("voice", __name__)

from parent_partners.blueprints.voice import feedback, views  # noqa: E402, F401 - registers routes
