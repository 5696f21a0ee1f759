"""Creating teams and users, and signing in."""

from __future__ import annotations

from sqlalchemy import update

from parent_partners.extensions import db
from parent_partners.models import ApiToken, Team, User
from parent_partners.models.common import utcnow
from parent_partners.operations import access_trail
from parent_partners.operations.passwords import (
    DUMMY_HASH,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from parent_partners.vocabulary import ROLES, TEAM_ROLES, values

ROLES_WITH_TEAM = frozenset(TEAM_ROLES)


class PeopleError(ValueError):
    """A team or user could not be created as asked."""


def normalise_email(email: str) -> str:
    """Return the form of an e-mail address we store and compare."""
    return email.strip().lower()


def create_team(name: str) -> Team:
    """Create a team with a unique name."""
    name = name.strip()
    if not name:
        raise PeopleError("Enter a team name")
    if db.session.scalar(db.select(Team).where(Team.name == name)):
        raise PeopleError(f"A team called {name!r} already exists")
    team = Team(name=name)
    db.session.add(team)
    db.session.flush()
    access_trail.record("team_created", record_type="team", record_id=team.id, data={"name": name})
    return team


def find_team(name: str) -> Team | None:
    """Return the team called ``name``, if there is one."""
    return db.session.scalar(db.select(Team).where(Team.name == name.strip()))


def create_user(
    *, email: str, name: str, role: str, password: str, team: Team | None = None
) -> User:
    """Create a user; practitioners and managers must belong to a team."""
    email = normalise_email(email)
    if role not in values(ROLES):
        raise PeopleError(f"Role must be one of {', '.join(values(ROLES))}")
    if role in ROLES_WITH_TEAM and team is None:
        raise PeopleError(f"A {role} must belong to a team")
    problem = password_problem(password, email=email, name=name)
    if problem:
        raise PeopleError(problem)
    if "@" not in email:
        raise PeopleError("Enter an e-mail address in the right format, like name@example.org")
    if db.session.scalar(db.select(User).where(User.email == email)):
        raise PeopleError(f"A user with e-mail {email} already exists")
    user = User(
        email=email,
        name=name.strip(),
        role=role,
        team=team,
        password_hash=hash_password(password),
        active=True,
    )
    db.session.add(user)
    db.session.flush()
    access_trail.record(
        "user_created", record_type="user", record_id=user.id, data={"email": email, "role": role}
    )
    return user


def authenticate(email: str, password: str) -> User | None:
    """Return the active user with these credentials, or None. Audits both outcomes."""
    user = db.session.scalar(db.select(User).where(User.email == normalise_email(email)))
    if user is None:
        verify_password(DUMMY_HASH, password)
        access_trail.record("sign_in_failed", data={"reason": "unknown_email"})
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        access_trail.record(
            "sign_in_failed",
            record_type="user",
            record_id=user.id,
            user_id=user.id,
            data={"reason": "inactive" if user.active is False else "bad_password"},
        )
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_sign_in_at = utcnow()
    access_trail.record("sign_in", record_type="user", record_id=user.id, user_id=user.id)
    return user


def set_active(user: User, active: bool, *, reason: str = "account_disabled") -> int:
    """Enable or disable an account. Disabling ends every session it has, at once.

    Returns how many sessions were ended. Disabling revokes the account's API tokens
    too, for good: enabling it again does not bring them back (new ones must be made).
    """
    from parent_partners.operations import sessions

    if user.active == active:
        raise PeopleError(f"{user.email} is already {'enabled' if active else 'disabled'}")
    user.active = active
    ended = 0 if active else sessions.end_all_for(user.id, reason)
    if not active:
        db.session.execute(
            update(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
    access_trail.record(
        "user_enabled" if active else "user_disabled",
        record_type="user",
        record_id=user.id,
        data={"email": user.email, "sessions_ended": ended},
    )
    return ended
