"""The standalone service: the partners extension at the root, plus sign-in and error pages."""

from __future__ import annotations

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException

from parent_partners import permissions
from parent_partners.extensions import db, login_manager
from parent_partners.plugin import PartnersPlugin, govuk_date

__all__ = ["govuk_date", "init_app"]

ERROR_PAGES = {400, 403, 404, 405, 413, 429}


def init_app(app: Flask) -> PartnersPlugin:
    """Bind everything the standalone service needs onto ``app``."""
    from parent_partners.blueprints.auth import bp as auth
    from parent_partners.blueprints.health import bp as health

    _init_login(app)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    plugin = PartnersPlugin()
    plugin.init_standalone(app, [health, auth])
    static_view = app.view_functions.get("static")
    if static_view is not None:
        permissions.public(static_view)
    _init_errors(app)
    return plugin


def _init_login(app: Flask) -> None:
    from parent_partners.models import User

    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        if not user_id.isdigit():
            return None
        user = db.session.get(User, int(user_id))
        return user if user is not None and user.active else None


def _init_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        db.session.rollback()
        code = error.code or 500
        name = f"{code}.html" if code in ERROR_PAGES else "generic.html"
        return render_template(f"parent_partners/errors/{name}", error=error), code
