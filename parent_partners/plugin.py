"""``PartnersPlugin``: parent_partners as a Flask extension, inside a host app or on its own.

Inside a host app::

    partners = PartnersPlugin(identity_loader=partners_user_for_host_user)
    partners.init_app(host_app, url_prefix="/partners")

The plugin registers its blueprints inside one parent blueprint, ``partners``, under the
prefix (endpoints ``partners.cases.show``, ``partners.api.openapi``, ...), so no blueprint
of the host's can clash with one of its own, and it keeps to them: its
deny-by-default check, security headers, CSRF check and one-commit-per-request
hook run only on its own requests, and it leaves the host's template loader,
login manager and error pages alone. The standalone service (``create_app``) is
this same extension mounted at the root, plus sign-in pages and error pages.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    g,
    make_response,
    request,
    send_from_directory,
    url_for,
)
from flask.wrappers import Response
from flask_wtf.csrf import CSRFError
from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from parent_partners import checks, contention, csp, permissions, resources, vocabulary
from parent_partners.checks.categories import category_label
from parent_partners.extensions import csrf, db, migrate
from parent_partners.identity import (
    EXTENSION_KEY,
    PARENT_NAME,
    current_actor,
    is_api_request,
)
from parent_partners.inputs import check_text_input
from parent_partners.operations import access_trail
from parent_partners.resubmit import offer_again

if TYPE_CHECKING:
    from parent_partners.models import User

MIGRATIONS_DIR = str(resources.MIGRATIONS_DIR)
STATIC_DIR = resources.STATIC_DIR

IdentityLoader = Callable[[], "User | None"]

# A host puts its own header, navigation and sign-out on the service's pages by overriding
# this (empty) template, or by naming one of its own in PARTNERS_HOST_HEADER_TEMPLATE.
HOST_HEADER_TEMPLATE = "parent_partners/host_header.html"

STALE_FORM_REASON = (
    "The page had been open for a long time, or you signed in again since opening it, so we "
    "need you to confirm before anything is saved. Nothing you typed has been lost."
)

DEFAULTS: dict[str, Any] = {
    "SERVICE_NAME": "Parents as partners",
    "CONSULTATION_WINDOW_DAYS": 90,
    "PARTNERS_API_MAX_BODY": 256 * 1024,
}


class _TemplatesBlueprint(Blueprint):
    """A route-less blueprint that only lends its loader: the package's templates
    (namespaced under ``parent_partners/``) and the GOV.UK Frontend macros.

    Flask asks the app's own loader first and blueprints' loaders after, so a host
    template at ``templates/parent_partners/...`` overrides the packaged one.
    """

    @property
    def jinja_loader(self) -> BaseLoader | None:
        return _package_loader()


@cache
def _package_loader() -> BaseLoader:
    return ChoiceLoader(
        [
            FileSystemLoader(str(resources.TEMPLATES_DIR)),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )


templates_bp = _TemplatesBlueprint("templates", __name__)


@permissions.public
def static(filename: str) -> Response:
    """Serve the service's CSS, JavaScript and images (plugin mode)."""
    return send_from_directory(STATIC_DIR, filename)


def govuk_date(value: date | datetime | None) -> str:
    """Format a date the GOV.UK way: 4 June 2026 (and the time, for timestamps)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value.day} {value:%B %Y} at {value:%H:%M}"
    return f"{value.day} {value:%B %Y}"


# Record ids are PostgreSQL ``integer``s; a bigger number in a URL names nothing (and SQLite
# would fail to bind it), so it is a 404 before any query runs.
MAX_ID = 2**31 - 1


def _ids_in_range(view_args: dict[str, Any] | None) -> bool:
    """Whether every whole number in the URL fits a database id."""
    return all(
        -MAX_ID <= value <= MAX_ID
        for value in (view_args or {}).values()
        if isinstance(value, int) and not isinstance(value, bool)
    )


class PartnersPlugin:
    """The parent_partners Flask extension.

    ``identity_loader`` maps the host's signed-in user to a partners ``User``
    (role and team) or returns None when nobody is signed in; see the README's
    "Plugin mode". ``unauthorized`` answers a signed-out visitor (default: the
    host's Flask-Login ``unauthorized()`` if it has one, else 401). ``host_signed_in`` says
    whether the host has someone signed in (default: the host's Flask-Login
    ``current_user``): a host user the hook does not map to a partners user gets a 403,
    not a trip to the sign-in page they have just come from.
    """

    def __init__(
        self,
        app: Flask | None = None,
        *,
        url_prefix: str = "/partners",
        identity_loader: IdentityLoader | None = None,
        unauthorized: Callable[[], Any] | None = None,
        host_signed_in: Callable[[], bool] | None = None,
    ) -> None:
        self.url_prefix = url_prefix
        self.identity_loader = identity_loader
        self.unauthorized_handler = unauthorized
        self.host_signed_in = host_signed_in
        self.standalone = False
        self.children: list[Blueprint] = []
        self.csp_extra: dict[str, list[str]] = {}
        if app is not None:
            self.init_app(app, url_prefix=url_prefix)

    # -- wiring ------------------------------------------------------------------------------

    def init_app(self, app: Flask, url_prefix: str | None = None) -> None:
        """Mount the service in a host ``app`` under ``url_prefix`` (default ``/partners``)."""
        if self.identity_loader is None:
            raise ValueError(
                "PartnersPlugin needs identity_loader: a function that returns the partners "
                "User for the host's signed-in user (see the README's Plugin mode)"
            )
        prefix = self.url_prefix if url_prefix is None else url_prefix
        self._init(app, prefix.rstrip("/"), standalone=False)

    def init_standalone(self, app: Flask, blueprints: list[Blueprint]) -> None:
        """Mount the service at the root of its own app, with the standalone-only blueprints."""
        self._init(app, "", standalone=True, extra=blueprints)

    def _init(
        self, app: Flask, prefix: str, *, standalone: bool, extra: list[Blueprint] | None = None
    ) -> None:
        if EXTENSION_KEY in app.extensions:
            raise RuntimeError("parent_partners is already set up on this app")
        if PARENT_NAME in app.blueprints:
            raise RuntimeError(
                f"The host app already has a blueprint named {PARENT_NAME!r}; parent_partners "
                "registers all its endpoints under that name"
            )
        self.url_prefix = prefix
        self.standalone = standalone
        for key, value in DEFAULTS.items():
            app.config.setdefault(key, value)
        self.csp_extra = csp.normalise(app.config.get(csp.CONFIG_KEY))
        app.extensions[EXTENSION_KEY] = self
        self._init_database(app)
        self._init_templates(app)
        self.children = self._register_blueprints(app, prefix, extra or [])
        # Registered before the CSRF check, which would read (and consume) the form first.
        app.before_request(self._check_input)
        self._init_csrf(app)
        app.before_request(self._before_request)
        app.context_processor(self._template_context)
        app.after_request(self._after_request)
        app.register_error_handler(OperationalError, self._contention)
        app.register_error_handler(IntegrityError, self._contention)
        # The checker's model takes about a second to load: pay it at start-up, once per
        # process, rather than on a practitioner's first save.
        checks.warm_up()

        from parent_partners.cli import partners_cli

        if "partners" not in app.cli.commands:
            app.cli.add_command(partners_cli)

    def _init_database(self, app: Flask) -> None:
        # Beside a host's own Flask-SQLAlchemy, ours gets an engine of its own (extensions.py).
        db.init_app(app)
        # `flask db` stays the host's if it has Flask-Migrate; `partners db` is always ours.
        if "migrate" not in app.extensions:
            migrate.init_app(app, db, directory=MIGRATIONS_DIR)
        # Summary figures follow every commit whichever blueprints a host mounts: upkeep belongs
        # to the database, not to the dashboards that read it.
        from parent_partners.operations import summaries

        summaries.install()

    def _init_templates(self, app: Flask) -> None:
        app.jinja_env.add_extension("jinja2.ext.do")
        # The GOV.UK macros are imported without context, so these must be globals.
        app.jinja_env.globals.setdefault("govukRebrand", False)
        app.jinja_env.filters.setdefault("govuk_date", govuk_date)
        app.jinja_env.filters.setdefault("blame_category", category_label)
        from govuk_frontend_wtf.main import WTFormsHelpers

        WTFormsHelpers(app)

    def _register_blueprints(
        self, app: Flask, prefix: str, extra: list[Blueprint]
    ) -> list[Blueprint]:
        """Register the feature blueprints inside one parent blueprint, ``partners``."""
        from parent_partners.api import bp as api
        from parent_partners.blueprints import all_blueprints

        # A fresh parent for each app: a blueprint takes no children once registered.
        parent = Blueprint(PARENT_NAME, __name__)
        if not self.standalone:
            # The host's ``static`` endpoint is the host's: ours is ``partners.static``.
            parent.add_url_rule("/static/<path:filename>", endpoint="static", view_func=static)
        children = [*extra, *all_blueprints(), api, templates_bp]
        for child in children:
            parent.register_blueprint(child)
        app.register_blueprint(parent, url_prefix=prefix or None)
        return children

    def _init_csrf(self, app: Flask) -> None:
        from parent_partners.api import bp as api

        # The service checks the tokens on its own pages itself (in _before_request), so that a
        # refused form can be offered again with everything typed, never a bare 400.
        csrf.exempt(api)
        host_csrf = app.extensions.get("csrf")
        if self.standalone:
            app.config["WTF_CSRF_CHECK_DEFAULT"] = False
            csrf.init_app(app)
            return
        if host_csrf is not None:
            # Flask-WTF matches the innermost blueprint of a request, so each child is exempted.
            for child in self.children:
                host_csrf.exempt(child)
            return
        app.config.setdefault("WTF_CSRF_ENABLED", True)
        app.config["WTF_CSRF_METHODS"] = set(
            app.config.get("WTF_CSRF_METHODS", ["POST", "PUT", "PATCH", "DELETE"])
        )
        app.config.setdefault("WTF_CSRF_FIELD_NAME", "csrf_token")
        app.config.setdefault("WTF_CSRF_HEADERS", ["X-CSRFToken", "X-CSRF-Token"])
        app.config.setdefault("WTF_CSRF_TIME_LIMIT", 3600)
        app.config.setdefault("WTF_CSRF_SSL_STRICT", True)

    # -- per request -------------------------------------------------------------------------

    def owns_request(self) -> bool:
        """Return whether this request is the service's to answer (all of them, standalone)."""
        return self.standalone or PARENT_NAME in request.blueprints

    def _check_input(self) -> None:
        """A form or query string that is not UTF-8 text is a 400 saying so (``inputs.py``)."""
        if self.owns_request():
            g.csp_nonce = secrets.token_urlsafe(16)  # the refusal page needs it too
            check_text_input(request)

    def _before_request(self) -> Any:
        if not self.owns_request():
            return None
        if "csp_nonce" not in g:
            g.csp_nonce = secrets.token_urlsafe(16)
        if current_app.config["WTF_CSRF_ENABLED"]:
            try:
                csrf.protect(apply_exemptions=True)
            except CSRFError:
                page = offer_again(STALE_FORM_REASON, 400)
                if page is None:
                    raise
                return page
        refused = permissions.enforce()
        if refused is None and not _ids_in_range(request.view_args):
            abort(404)  # no record has an id the database cannot even hold
        return refused

    def unauthorized(self) -> Any:
        """Answer a request that needs a signed-in user but has none."""
        if is_api_request():
            abort(401)
        if not self.standalone and self._host_has_someone_signed_in():
            abort(403)  # signed in to the host, with no role in this service
        if self.unauthorized_handler is not None:
            return self.unauthorized_handler()
        login_manager = getattr(current_app, "login_manager", None)
        if login_manager is not None:
            return login_manager.unauthorized()
        abort(401)

    def _host_has_someone_signed_in(self) -> bool:
        if self.host_signed_in is not None:
            return bool(self.host_signed_in())
        if getattr(current_app, "login_manager", None) is None:
            return False
        from flask_login import current_user

        return bool(current_user.is_authenticated)

    def asset_url(self, filename: str) -> str:
        """URL of one of the service's static files."""
        endpoint = "static" if self.standalone else f"{PARENT_NAME}.static"
        return url_for(endpoint, filename=filename)

    def home_url(self) -> str:
        """Where the service's name in the header leads."""
        return url_for("partners.auth.home") if self.standalone else url_for("partners.cases.index")

    def _template_context(self) -> dict[str, Any]:
        if not self.owns_request():
            return {}
        from flask_wtf.csrf import generate_csrf

        from parent_partners.forms.errors import error_summary
        from parent_partners.pagination import pagination

        return {
            "actor": current_actor(),
            "can": permissions.user_can,
            "Permission": permissions.Permission,
            "vocab": vocabulary,
            "label": vocabulary.label,
            "labels": vocabulary.labels,
            "error_summary": error_summary,
            "pagination": pagination,
            "csrf_token": generate_csrf,
            "csp_nonce": g.get("csp_nonce", ""),
            "service_name": current_app.config["SERVICE_NAME"],
            "asset_url": self.asset_url,
            "home_url": self.home_url,
            "partners_standalone": self.standalone,
            "host_header_template": current_app.config.get(
                "PARTNERS_HOST_HEADER_TEMPLATE", HOST_HEADER_TEMPLATE
            ),
        }

    def _contention(self, error: DBAPIError) -> Any:
        if not self.owns_request():
            raise error
        return contention.handler(error)

    def _after_request(self, response: Response) -> Response:
        if not self.owns_request():
            return response
        # One transaction per request: operations flush, the request commits here.
        if response.status_code < 500:
            # Every response that shows a case leaves an event (a refusal after the case
            # was looked up, too: someone tried to reach it).
            access_trail.record_reads()
            try:
                db.session.commit()
            except DBAPIError as error:
                if not contention.is_contention(error):
                    raise
                response = make_response(contention.reply())
        else:
            db.session.rollback()
        self._security_headers(response)
        return response

    def _security_headers(self, response: Response) -> None:
        # The host's sources (PARTNERS_CSP_EXTRA), and any a hook added for this request.
        response.headers["Content-Security-Policy"] = csp.header(
            g.get("csp_nonce", ""), self.csp_extra, csp.normalise(g.get("csp_extra"))
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        if "frame-ancestors" not in self.csp_extra:  # else the host's frame-ancestors decide
            response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if current_app.config.get("SESSION_COOKIE_SECURE"):
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        # Pages for signed-in people show case data: never keep them in any cache.
        static = request.endpoint in {"static", f"{PARENT_NAME}.static"}
        if current_actor() is not None and not static:
            response.headers["Cache-Control"] = "no-store"
