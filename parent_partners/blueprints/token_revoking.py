"""Revoking an API token from a page, yours or (for an administrator) anyone's."""

from __future__ import annotations

from flask import flash, redirect, url_for
from werkzeug.wrappers import Response

from parent_partners.models import ApiToken
from parent_partners.operations.tokens import TokenError, revoke_token


def revoke_and_return(token: ApiToken, revoked: str, endpoint: str) -> Response:
    """Revoke ``token``, say so (``revoked``) or why not, and go back to the token list."""
    try:
        revoke_token(token)
    except TokenError as error:
        flash(str(error), "error")
    else:
        flash(revoked, "success")
    return redirect(url_for(endpoint))
