"""A form that could not be saved is offered again, with everything that was typed.

Two things can stop a save that the person did nothing wrong in: a stale security token (the
form was open longer than a host allows, or the person signed in again in another tab) and
another save to the same case at the same moment. A bare error page would throw away a long
note, so the service answers with a page that shows what was typed and a button that sends it
again (with a fresh token; the form's idempotency key makes a second save land once). The
person sees exactly what will be sent before sending it.
"""

from __future__ import annotations

from flask import current_app, render_template, request
from flask.wrappers import Response

from parent_partners.identity import current_actor, is_api_request


def offer_again(reason: str, status: int) -> Response | None:
    """The resubmit page for a refused HTML form, or None where it does not apply.

    It applies only to someone signed in, on a form without a file or a password: a refused
    sign-in is never echoed back.
    """
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    fields = [
        (name, value)
        for name, values in request.form.lists()
        for value in values
        if name != field
    ]
    if (
        is_api_request()
        or not fields
        or request.files
        or current_actor() is None
        or any("password" in name for name, _ in fields)
    ):
        return None
    html = render_template(
        "parent_partners/errors/resubmit.html",
        reason=reason,
        fields=fields,
        action=request.full_path.rstrip("?"),
        typed=[value for _, value in fields if len(value) > 40],
    )
    response = current_app.make_response((html, status))
    response.headers["Cache-Control"] = "no-store"
    return response
