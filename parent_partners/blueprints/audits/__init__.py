"""Blueprint: case audits against the eight principles, the worker's response, moderation."""

from flask import Blueprint

bp = Blueprint("audits", __name__)

from parent_partners.blueprints.audits import drafts, views  # noqa: E402, F401 - registers routes
