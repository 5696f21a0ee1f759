"""API tokens: make one (the secret is shown once), revoke it (finding the user behind a
bearer is ``operations/bearer.py``)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import or_, select

from parent_partners.extensions import db
from parent_partners.models import ApiToken, User
from parent_partners.models.common import utcnow
from parent_partners.operations import access_trail
from parent_partners.operations.bearer import PREFIX, hash_secret, user_for_bearer

NAME_MAX = 80
# A token that leaks from a forgotten script stops working on its own; a host renews it.
DEFAULT_DAYS = 90
MAX_DAYS = 366


class TokenError(ValueError):
    """A token action that cannot be taken as asked."""


def create_token(user: User, name: str, days: int = DEFAULT_DAYS) -> tuple[ApiToken, str]:
    """Make a token for ``user`` that works for ``days`` days; returns it and its secret,
    which is not stored anywhere."""
    name = name.strip()
    if not 1 <= days <= MAX_DAYS:
        raise TokenError(f"A token can work for 1 to {MAX_DAYS} days")
    if not name:
        raise TokenError("Enter a name for the token, such as the system that will use it")
    if len(name) > NAME_MAX:
        raise TokenError(f"The name must be {NAME_MAX} characters or fewer")
    if not user.active:
        raise TokenError(f"{user.email} is not an active user")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id,
        name=name,
        token_hash=hash_secret(secret),
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(token)
    db.session.flush()
    access_trail.record(
        "api_token_created",
        record_type="api_token",
        record_id=token.id,
        data={"name": name, "for_user": user.id, "days": days},
    )
    return token, secret


def user_tokens(user: User) -> list[ApiToken]:
    """Return the user's tokens, working ones first, newest first."""
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id)
        )
    )


def working_tokens() -> list[ApiToken]:
    """Every token neither revoked nor expired, whoever holds it, newest first (for
    administrators)."""
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.revoked_at.is_(None))
            .where(or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > utcnow()))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(token: ApiToken) -> ApiToken:
    """Revoke a token: from now on it is refused."""
    if token.revoked_at is not None:
        raise TokenError("This token is already revoked")
    token.revoked_at = utcnow()
    access_trail.record(
        "api_token_revoked", record_type="api_token", record_id=token.id, data={"name": token.name}
    )
    return token


__all__ = [
    "PREFIX",
    "TokenError",
    "create_token",
    "hash_secret",
    "revoke_token",
    "user_for_bearer",
    "user_tokens",
    "working_tokens",
]
