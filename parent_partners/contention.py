"""A save that meets another at the same moment is never a server error.

Saves to one case wait for each other (``operations/locking.py``), so on PostgreSQL two
saves do not normally collide. Should the database still refuse one (a deadlock it
detected, a serialisation failure, a lock it gave up waiting for, SQLite busy past its
timeout, or a unique key that another save took first), nothing of it is kept and the
answer is a 409 saying so, with ``Retry-After``: a page's form comes back with everything
typed and a button to save it again (``resubmit.py``; the form's idempotency key makes the
second save land once); the API's problem details tell the client to send it again.
"""

from __future__ import annotations

from typing import Any

from flask import current_app, make_response
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from werkzeug.exceptions import Conflict

from parent_partners.extensions import db
from parent_partners.resubmit import offer_again

# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available, unique_violation.
RETRYABLE_STATES = {"40001", "40P01", "55P03", "23505"}
MESSAGE = (
    "Someone else saved to this case at the same moment, so your changes were not saved. "
    "Go back: what you typed is still there. Then save again."
)
RESUBMIT_REASON = (
    "Someone else saved to this case at the same moment, so yours was not saved yet. "
    "Nothing you typed has been lost: check it below and save it now."
)


def is_contention(error: BaseException) -> bool:
    """Whether the database refused this because of another save at the same moment."""
    if not isinstance(error, OperationalError | IntegrityError):
        return False
    original: Any = getattr(error, "orig", None)
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if state in RETRYABLE_STATES:
        return True
    return isinstance(error, OperationalError) and "database is locked" in str(original)


def reply() -> Any:
    """Roll back, and answer 409 through the app's own error pages (or problem details)."""
    db.session.rollback()
    current_app.logger.warning("A save met another at the same moment: answered 409")
    page = offer_again(RESUBMIT_REASON, 409)
    if page is not None:
        page.headers["Retry-After"] = "1"
        return page
    conflict = Conflict(description=MESSAGE)
    response = make_response(current_app.handle_http_exception(conflict))
    response.headers["Retry-After"] = "1"
    return response


def handler(error: DBAPIError) -> Any:
    """Error handler: contention is a 409; anything else stays the error it was."""
    if is_contention(error):
        return reply()
    raise error


__all__ = ["MESSAGE", "handler", "is_contention", "reply"]
