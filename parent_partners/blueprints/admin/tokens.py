"""Administrators' list of working API tokens, any user's, each of which they can revoke."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.admin.views import bp
from parent_partners.extensions import db
from parent_partners.models import ApiToken
from parent_partners.operations.tokens import TokenError, revoke_token, working_tokens
from parent_partners.permissions import Permission, requires


@bp.get("/tokens")
@requires(Permission.MANAGE_USERS)
def tokens() -> str:
    """Every working API token: whose, its name, when made and last used."""
    return render_template("parent_partners/admin/tokens.html", tokens=working_tokens())


@bp.post("/tokens/<int:token_id>/revoke")
@requires(Permission.MANAGE_USERS)
def revoke_any_token(token_id: int) -> Response:
    """Revoke anyone's token (a lost laptop, a leaked script): it is refused from now on."""
    token = db.session.get(ApiToken, token_id)
    if token is None:
        abort(404)
    try:
        revoke_token(token)
    except TokenError as error:
        flash(str(error), "error")
    else:
        flash(f"The token \u201c{token.name}\u201d of {token.user.name} is revoked.", "success")
    return redirect(url_for("partners.admin.tokens"))
