"""Saving once, however often the same form or API call arrives.

A form that creates a record carries a random key in a hidden field, made when the form
is first shown (and kept when it is shown again with errors). The browser sends the same
key again after Back, a double click or a retry. An API client sends its own key in the
``Idempotency-Key`` header. The first save with a key claims it, in the save's own
transaction; a later one with the same key (from the same person) finds it and is given
the first save's result instead of saving again: pages go to where the first save
landed, the API replays the first answer.

Two sends at the same moment: the second's claim waits on the unique index until the
first commits, then finds the first's result. A key used for a different request is
refused (the API says so; the pages never reuse one).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from parent_partners.extensions import db
from parent_partners.models import IdempotencyKey
from parent_partners.models.common import utcnow

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_\-:.]{8,100}$")
KEEP_FOR = timedelta(days=2)


@dataclass(frozen=True)
class Earlier:
    """What the first save with a key did."""

    location: str
    status_code: int | None
    body: str | None
    same_request: bool


def usable(key: object) -> bool:
    """Whether ``key`` looks like a key (anything else is ignored, as if none was sent)."""
    return isinstance(key, str) and bool(KEY_PATTERN.match(key))


def digest(*parts: str | bytes) -> str:
    """A fingerprint of a request, to tell a retry from a different request."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part if isinstance(part, bytes) else part.encode())
        hashed.update(b"\0")
    return hashed.hexdigest()


def _earlier(user_id: int, key: str, request_digest: str) -> Earlier | None:
    row = db.session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user_id, IdempotencyKey.key == key)
    )
    if row is None:
        return None
    return Earlier(row.location, row.status_code, row.body, row.request_digest == request_digest)


def claim(user_id: int, key: str, request_digest: str = "") -> Earlier | None:
    """Claim ``key`` for the save about to be made; if it was used, say what happened then."""
    found = _earlier(user_id, key, request_digest)
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            db.session.add(IdempotencyKey(user_id=user_id, key=key, request_digest=request_digest))
            db.session.flush()
    except IntegrityError:
        # Sent twice at once: the other save committed first and holds the key.
        return _earlier(user_id, key, request_digest)
    return None


def release(user_id: int, key: str) -> None:
    """Give the key back: the save it was claimed for did not happen (the form is shown
    again to be corrected, with the same key)."""
    db.session.execute(
        delete(IdempotencyKey)
        .where(IdempotencyKey.user_id == user_id, IdempotencyKey.key == key)
        .execution_options(synchronize_session="fetch")
    )


def complete(
    user_id: int, key: str, *, location: str = "", status_code: int | None = None,
    body: str | None = None,
) -> None:
    """Record what the save with ``key`` did, for any later send of it."""
    row = db.session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user_id, IdempotencyKey.key == key)
    )
    if row is None:
        return
    row.location, row.status_code, row.body = location, status_code, body
    # Old keys are no longer needed: no browser retries a form after two days.
    db.session.execute(
        delete(IdempotencyKey)
        .where(IdempotencyKey.created_at < utcnow() - KEEP_FOR)
        .execution_options(synchronize_session=False)
    )


__all__ = ["Earlier", "claim", "complete", "digest", "release", "usable"]
