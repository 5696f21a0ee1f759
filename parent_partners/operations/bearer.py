"""The user behind an ``Authorization: Bearer`` header.

Apart from ``tokens`` (which makes and revokes tokens, and audits doing so) because
``identity`` asks it who is acting, and the access trail asks ``identity``: importing
``tokens`` here would close that loop.
"""

from __future__ import annotations

import hashlib

from flask import g
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import ApiToken, User
from parent_partners.models.common import utcnow

PREFIX = "pp_"


def hash_secret(secret: str) -> str:
    """Return the stored form of a token secret (sha256, hex)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def user_for_bearer(authorization: str) -> User | None:
    """Return the active user whose working (not revoked, not expired) token is in an
    ``Authorization: Bearer`` header."""
    scheme, _, secret = authorization.strip().partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_secret(secret)))
    if token is not None and token.revoked_at is None and token.is_expired:
        g.partners_token_expired = True  # so the 401 can say why
    if token is None or not token.is_active or not token.user.active:
        return None
    token.last_used_at = utcnow()
    return token.user
