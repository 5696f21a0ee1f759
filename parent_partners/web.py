"""Wiring the web layer onto an app: extensions, templates, blueprints, headers, errors."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from flask import Flask, g, render_template, request
from flask.wrappers import Response
from flask_login import current_user
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.exceptions import HTTPException

from parent_partners import permissions, vocabulary
from parent_partners.extensions import csrf, db, login_manager, migrate
from parent_partners.forms.errors import error_summary

MIGRATIONS_DIR = str(__import__("pathlib").Path(__file__).resolve().parent.parent / "migrations")


def init_app(app: Flask) -> None:
    """Bind extensions and register everything the standalone service needs."""
    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    csrf.init_app(app)
    _init_login(app)
    _init_templates(app)
    _register_blueprints(app)
    permissions.init_app(app)
    _init_request_hooks(app)
    _init_errors(app)

    from parent_partners.cli import partners_cli

    app.cli.add_command(partners_cli)


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


def _init_templates(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            PackageLoader("parent_partners"),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["vocab"] = vocabulary
    app.jinja_env.globals["govukRebrand"] = False
    app.jinja_env.globals["label"] = vocabulary.label
    app.jinja_env.globals["labels"] = vocabulary.labels
    app.jinja_env.filters["govuk_date"] = govuk_date
    app.jinja_env.globals["error_summary"] = error_summary
    WTFormsHelpers(app)


def govuk_date(value: date | datetime | None) -> str:
    """Format a date the GOV.UK way: 4 June 2026 (and the time, for timestamps)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value.day} {value:%B %Y} at {value:%H:%M}"
    return f"{value.day} {value:%B %Y}"


def _register_blueprints(app: Flask) -> None:
    from parent_partners.blueprints import all_blueprints

    for blueprint in all_blueprints():
        app.register_blueprint(blueprint)


def _init_request_hooks(app: Flask) -> None:
    @app.before_request
    def make_nonce() -> None:
        g.csp_nonce = secrets.token_urlsafe(16)

    @app.context_processor
    def template_globals() -> dict[str, Any]:
        return {"csp_nonce": g.get("csp_nonce", ""), "service_name": app.config["SERVICE_NAME"]}

    @app.after_request
    def commit_and_secure(response: Response) -> Response:
        # One transaction per request: operations flush, the request commits here.
        if response.status_code < 500:
            db.session.commit()
        else:
            db.session.rollback()
        _security_headers(app, response)
        return response


def _security_headers(app: Flask, response: Response) -> None:
    nonce = g.get("csp_nonce", "")
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; "
        f"script-src 'self' 'nonce-{nonce}'; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if app.config.get("SESSION_COOKIE_SECURE"):
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    # Pages for signed-in people show case data: never keep them in any cache.
    if current_user.is_authenticated and request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"


def _init_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        db.session.rollback()
        code = error.code or 500
        template = (
            f"errors/{code}.html"
            if code in {400, 403, 404, 405, 413, 429}
            else "errors/generic.html"
        )
        return render_template(template, error=error), code
