"""Administrators' account work: add a user, reset a password (shown once), revoke tokens."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import ApiToken, Team, User
from parent_partners.models.common import utcnow
from parent_partners.operations import access_trail, sessions
from parent_partners.operations.passwords import hash_password
from parent_partners.operations.people import create_user

# Words for made-up passwords: easy to read out and type, never shown twice.
_WORDS = (
    "amber", "basil", "cedar", "delta", "ember", "fern", "garnet", "harbour", "iris", "juniper",
    "kestrel", "lantern", "maple", "nettle", "orchid", "pebble", "quartz", "rowan", "saffron",
    "thistle", "umber", "violet", "willow", "yarrow", "zephyr", "otter", "meadow", "river",
)  # fmt: skip


def temporary_password() -> str:
    """A made-up password of four words and a number (well over the 12-character minimum)."""
    words = [secrets.choice(_WORDS) for _ in range(4)]
    return "-".join(words) + f"-{secrets.randbelow(90) + 10}"


def add_user(*, name: str, email: str, role: str, team_id: int | None) -> tuple[User, str]:
    """Create an account with a made-up password; return it with the password, to show once."""
    team = db.session.get(Team, team_id) if team_id else None
    password = temporary_password()
    user = create_user(email=email, name=name, role=role, password=password, team=team)
    return user, password


def reset_password(user: User) -> str:
    """Give ``user`` a new made-up password and end their sessions; return it to show once."""
    password = temporary_password()
    user.password_hash = hash_password(password)
    ended = sessions.end_all_for(user.id, "password_reset")
    access_trail.record(
        "password_reset",
        record_type="user",
        record_id=user.id,
        data={"email": user.email, "sessions_ended": ended},
    )
    return password


def revoke_all_tokens(user: User) -> int:
    """Revoke every API token ``user`` holds; return how many were still in use."""
    live = list(
        db.session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        )
    )
    for token in live:
        token.revoked_at = utcnow()
    access_trail.record(
        "api_tokens_revoked_all",
        record_type="user",
        record_id=user.id,
        data={"email": user.email, "revoked": len(live)},
    )
    return len(live)
