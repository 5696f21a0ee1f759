"""Who is acting: the one place views, permissions and audit ask for the current user.

Standalone, the actor is the Flask-Login user. Inside a host app (plugin mode)
it is whatever the host's ``identity_loader`` hook returns. On the JSON API it
is the owner of the bearer token, and only that: a session cookie is ignored.
The answer is worked out once per request and kept on ``g``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import abort, current_app, g, has_request_context, request

if TYPE_CHECKING:
    from parent_partners.models import User

EXTENSION_KEY = "parent_partners"
# Every endpoint of the service is ``partners.<blueprint>.<view>`` (``partners.cases.show``),
# so no blueprint of a host app can clash with one of ours.
PARENT_NAME = "partners"
API_BLUEPRINT = f"{PARENT_NAME}.api"
_UNSET = object()


def current_actor() -> User | None:
    """Return the partners user acting in this request, or None if nobody is signed in."""
    if not has_request_context():
        return None
    cached = g.get("partners_actor", _UNSET)
    if cached is not _UNSET:
        return cached
    # Anything the hook does that asks again (an access trail event for a user it creates on
    # first sight, say) sees nobody yet, rather than calling the hook again.
    g.partners_actor = None
    try:
        actor = _resolve()
    except BaseException:
        g.pop("partners_actor", None)
        raise
    g.partners_actor = actor
    return actor


def forget() -> None:
    """Drop the cached actor (after signing in or out within a request)."""
    if has_request_context():
        g.pop("partners_actor", None)


def is_api_request() -> bool:
    """Return whether this request is for the JSON API."""
    return has_request_context() and request.blueprint == API_BLUEPRINT


def _resolve() -> User | None:
    if is_api_request():
        from parent_partners.operations.bearer import user_for_bearer

        return user_for_bearer(request.headers.get("Authorization", ""))
    plugin = current_app.extensions.get(EXTENSION_KEY)
    loader = getattr(plugin, "identity_loader", None)
    if loader is not None:
        user = loader()
    else:
        from flask_login import current_user

        user = current_user._get_current_object() if current_user.is_authenticated else None
    if user is None or not getattr(user, "active", False):
        return None
    return user


def actor() -> User:
    """Return the acting user in a view that declared a permission (so there is one)."""
    user = current_actor()
    if user is None:
        abort(401)
    return user
