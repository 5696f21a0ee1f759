"""The standalone service: the partners extension at the root, plus sign-in and error pages."""

from __future__ import annotations

from flask import Flask, make_response, render_template, request, session
from flask.wrappers import Response
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from parent_partners import permissions
from parent_partners.extensions import db, login_manager
from parent_partners.plugin import PartnersPlugin, govuk_date

__all__ = ["govuk_date", "init_app"]

ERROR_PAGES = {400, 403, 404, 405, 409, 413, 429}


def init_app(app: Flask) -> PartnersPlugin:
    """Bind everything the standalone service needs onto ``app``."""
    from parent_partners.blueprints.auth import bp as auth
    from parent_partners.blueprints.health import bp as health

    _init_login(app)
    from parent_partners.operations import throttling

    throttling.init_app(app)  # sign-in throttling (Flask-Limiter; Redis when REDIS_URL is set)
    hops = int(app.config.get("PARTNERS_PROXY_HOPS", 0))
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
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
    login_manager.login_view = "partners.auth.sign_in"
    login_manager.login_message = "Sign in to continue."
    login_manager.login_message_category = "info"
    # "basic": a changed address or browser string marks the session not fresh. "strong"
    # would end it, signing out anyone whose mobile network changes their address; the
    # server-side session record is what is trusted (operations/sessions.py).
    login_manager.session_protection = "basic"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        if not (user_id.isascii() and user_id.isdigit()):
            return None
        user = db.session.get(User, int(user_id))
        if user is None or not user.active:
            return None
        # The cookie is trusted only with its server-side session: signed out, disabled,
        # idle 30 minutes or 12 hours old, and it is refused (operations/sessions.py).
        from parent_partners.operations import sessions

        if sessions.check(session.get(sessions.SESSION_KEY), user.id) is not None:
            session.clear()
            return None
        return user


def _init_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        db.session.rollback()
        if request.path == "/api/v1" or request.path.startswith("/api/v1/"):
            # Refused before reaching the API blueprint (a method no route takes, such as
            # TRACE): still problem details, with the Allow header.
            from parent_partners.api.errors import http_error as api_error
            from parent_partners.api.views.meta import allowed_methods

            if isinstance(error, MethodNotAllowed):
                error = MethodNotAllowed(valid_methods=sorted(allowed_methods()))
            return api_error(error)
        code = error.code or 500
        name = f"{code}.html" if code in ERROR_PAGES else "generic.html"
        response = make_response(render_template(f"parent_partners/errors/{name}", error=error))
        response.status_code = code
        for key, value in error.get_headers():  # Allow on a 405, Retry-After, ...
            if key.lower() != "content-type":
                response.headers[key] = value
        return response
