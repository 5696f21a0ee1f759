"""Signing in and out."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from parent_partners.blueprints.auth import views  # noqa: E402, F401 - registers routes
