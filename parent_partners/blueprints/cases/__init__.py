"""The caseload: listing cases, opening a case, the case page."""

from flask import Blueprint

bp = Blueprint("cases", __name__)

from parent_partners.blueprints.cases import views  # noqa: E402, F401 - registers routes
