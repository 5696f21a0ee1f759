"""Your account page and your API tokens: create one (its secret is shown once), revoke one."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, session, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.token_revoking import revoke_and_return
from parent_partners.extensions import db
from parent_partners.forms.account import PasswordForm, TokenForm
from parent_partners.identity import actor
from parent_partners.models import ApiToken
from parent_partners.operations import sessions
from parent_partners.operations.own_password import PasswordChangeError, change_own_password
from parent_partners.operations.tokens import TokenError, create_token, user_tokens
from parent_partners.permissions import Permission, requires

bp = Blueprint("account", __name__, url_prefix="/account")

TEMPLATE = "parent_partners/account/tokens.html"


@bp.get("/api-reference")
@requires(Permission.SIGNED_IN)
def api_reference() -> str:
    """The JSON API's reference as an ordinary page, read from the OpenAPI document."""
    from parent_partners.api.openapi import build_document
    from parent_partners.api.reference import build_reference
    from parent_partners.api.views.meta import api_version

    root = url_for("partners.api.openapi").removesuffix("/openapi.json")
    reference = build_reference(build_document(root, api_version()))
    return render_template(
        "parent_partners/account/api_reference.html",
        reference=reference,
        openapi_url=url_for("partners.api.openapi"),
    )


@bp.get("")
@requires(Permission.SIGNED_IN)
def show() -> str:
    """Who is signed in, with what role and team."""
    return render_template("parent_partners/account/show.html")


@bp.route("/password", methods=["GET", "POST"])
@requires(Permission.SIGNED_IN)
def password() -> str | Response | tuple[str, int]:
    """Change your own password; every other session of the account ends."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            sid = change_own_password(
                actor(), form.current.data or "", form.new.data or "", form.confirm.data or ""
            )
        except PasswordChangeError as error:
            getattr(form, error.field).errors = [str(error)]
            return render_template("parent_partners/account/password.html", form=form), 400
        session[sessions.SESSION_KEY] = sid
        flash("Password changed. You are signed out everywhere else.", "success")
        return redirect(url_for("partners.account.show"))
    return render_template("parent_partners/account/password.html", form=form)


@bp.route("/tokens", methods=["GET", "POST"])
@requires(Permission.SIGNED_IN)
def tokens() -> str:
    """List your API tokens and make a new one; a new token's secret is shown once, here."""
    user = actor()
    form = TokenForm()
    secret = None
    if form.validate_on_submit():
        try:
            _, secret = create_token(user, form.name.data or "")
        except TokenError as error:
            form.name.errors = [*form.name.errors, str(error)]
        else:
            form = TokenForm(formdata=None)
    return render_template(TEMPLATE, form=form, tokens=user_tokens(user), secret=secret)


@bp.post("/tokens/<int:token_id>/revoke")
@requires(Permission.SIGNED_IN)
def revoke(token_id: int) -> Response:
    """Revoke one of your own tokens."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != actor().id:
        abort(404)
    return revoke_and_return(token, f"Token {token.name!r} revoked: it no longer works.",
                             "partners.account.tokens")
