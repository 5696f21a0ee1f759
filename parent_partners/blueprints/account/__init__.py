"""Blueprint: your account, and the API tokens you made."""

from flask import Blueprint

bp = Blueprint("account", __name__, url_prefix="/account")

from parent_partners.blueprints.account import views  # noqa: E402, F401 - registers routes
