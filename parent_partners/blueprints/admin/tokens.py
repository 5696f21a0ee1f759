"""Administrators' list of working API tokens, any user's, each of which they can revoke."""

from __future__ import annotations

from flask import abort, render_template
from werkzeug.wrappers import Response

from parent_partners.blueprints.admin.views import bp
from parent_partners.blueprints.token_revoking import revoke_and_return
from parent_partners.extensions import db
from parent_partners.models import ApiToken
from parent_partners.operations.tokens import working_tokens
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
    return revoke_and_return(
        token, f"The token \u201c{token.name}\u201d of {token.user.name} is revoked.",
        "partners.admin.tokens",
    )
