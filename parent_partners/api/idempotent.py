"""``Idempotency-Key`` on API POSTs: a retried request is answered, not done twice.

A client that sends ``Idempotency-Key: <8 to 100 letters, digits, - _ : .>`` with a POST
gets, for any later POST with the same key (its own), the first answer again, marked
``Idempotent-Replayed: true``, and nothing is saved twice. The same key with a different
request (another path or body) is a 422. Only successful answers are kept: after a
refusal the client fixes the request and sends it again with the same key. Keys are
kept for two days (``operations/idempotency.py``).
"""

from __future__ import annotations

from flask import g, request
from flask.wrappers import Response

from parent_partners.api.blueprint import bp
from parent_partners.api.errors import ApiError
from parent_partners.identity import current_actor
from parent_partners.operations import idempotency

HEADER = "Idempotency-Key"
_PENDING = "partners_api_idempotency"


@bp.before_request
def replay_or_claim() -> Response | None:
    """Answer a POST whose key was used before with the first answer; else claim the key."""
    key = request.headers.get(HEADER)
    if request.method != "POST" or key is None:
        return None
    if not idempotency.usable(key):
        raise ApiError(400, f"{HEADER} must be 8 to 100 letters, digits, '-', '_', ':' or '.'.")
    user = current_actor()
    if user is None:
        return None  # refused as unauthenticated by the view's permission
    stored = f"api:{key}"
    fingerprint = idempotency.digest(request.path, request.get_data(cache=True))
    earlier = idempotency.claim(user.id, stored, fingerprint)
    if earlier is None:
        g.setdefault(_PENDING, (user.id, stored))
        return None
    if not earlier.same_request:
        raise ApiError(422, f"This {HEADER} was already used for a different request.")
    replay = Response(earlier.body or "", status=earlier.status_code or 200,
                      mimetype="application/json")
    if earlier.location:
        replay.headers["Location"] = earlier.location
    replay.headers["Idempotent-Replayed"] = "true"
    return replay


@bp.after_request
def remember(response: Response) -> Response:
    """Keep a successful answer for the key; give the key back after a refusal."""
    pending = g.pop(_PENDING, None)
    if pending is None:
        return response
    user_id, stored = pending
    if response.status_code < 300:
        idempotency.complete(
            user_id, stored, location=response.headers.get("Location", ""),
            status_code=response.status_code, body=response.get_data(as_text=True),
        )
    else:
        idempotency.release(user_id, stored)
    return response
