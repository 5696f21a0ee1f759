"""A form refused for its security token is offered again, with everything that was typed.

The token can go stale: the form was open longer than a host allows, or the person signed in
again in another tab. A bare "400 Bad Request" would throw away a long note, so the service
answers with a page that shows what was typed and a button to save it again with a fresh
token. The person sees exactly what will be sent before sending it.
"""

from __future__ import annotations

from flask import current_app, render_template, request
from flask.wrappers import Response
from flask_wtf.csrf import CSRFError

from parent_partners.identity import current_actor


def offer_again(error: CSRFError) -> Response:
    """The resubmit page for a refused HTML form; other refused requests stay a plain 400."""
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    fields = [
        (name, value)
        for name, values in request.form.lists()
        for value in values
        if name != field
    ]
    # Only for someone signed in, and never a password: the sign-in form is plainly refused.
    if (
        not fields
        or request.files
        or current_actor() is None
        or any("password" in name for name, _ in fields)
    ):
        raise error
    html = render_template(
        "parent_partners/errors/resubmit.html",
        fields=fields,
        action=request.full_path.rstrip("?"),
        typed=[value for _, value in fields if len(value) > 40],
    )
    response = current_app.make_response((html, 400))
    response.headers["Cache-Control"] = "no-store"
    return response
