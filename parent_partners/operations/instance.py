"""Which copy of the data this database is (its epoch), so nothing outlives a restore.

The epoch is a random value in the ``service_instance`` table, made by the migrations and
replaced by every ``partners restore``. Session ids are stored hashed together with it
(``sessions.hash_sid``): a session made before a restore, or against another database
that shares the session store, hashes to nothing the store knows, and is refused. A
restore also revokes every API token and ends every session held in the database, so a
token or cookie from before it cannot act as whoever has that user id now.
"""

from __future__ import annotations

import secrets

from flask import g, has_request_context
from sqlalchemy import delete, select, update

from parent_partners.extensions import db
from parent_partners.models import ApiToken, ServiceInstance, UserSession
from parent_partners.models.common import utcnow

_CACHE = "partners_epoch"


def current_epoch() -> str:
    """The database's epoch (read once per request)."""
    if has_request_context() and _CACHE in g:
        return str(g.get(_CACHE))
    epoch = db.session.scalar(select(ServiceInstance.epoch).where(ServiceInstance.id == 1))
    value = epoch or ""
    if has_request_context():
        setattr(g, _CACHE, value)
    return value


def begin_new_epoch(reason: str) -> str:
    """Start a new epoch: end every session and revoke every API token issued before now.

    Returns the new epoch. The caller commits.
    """
    now = utcnow()
    epoch = secrets.token_hex(16)
    db.session.execute(delete(ServiceInstance))
    db.session.add(ServiceInstance(id=1, epoch=epoch, started_at=now))
    db.session.execute(
        update(ApiToken).where(ApiToken.revoked_at.is_(None)).values(revoked_at=now)
    )
    db.session.execute(
        update(UserSession)
        .where(UserSession.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )
    db.session.flush()
    if has_request_context():
        g.pop(_CACHE, None)
    return epoch


__all__ = ["begin_new_epoch", "current_epoch"]
