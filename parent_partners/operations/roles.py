"""Changing a user's role and team, and the plugin's identity hook keeping a host's users
in step: a host's user who moves team or job has the same partners account, with the new
role and team from the next request on.

Records stay where they are: a case belongs to its team, not to the worker, so a worker
who moves keeps none of their old team's cases (their manager re-allocates them).
"""

from __future__ import annotations

import secrets

from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import Team, User
from parent_partners.operations import access_trail
from parent_partners.operations.people import (
    ROLES_WITH_TEAM,
    PeopleError,
    create_team,
    create_user,
    find_team,
    normalise_email,
)
from parent_partners.vocabulary import ROLES, values


def change_role_and_team(user: User, *, role: str, team: Team | None) -> bool:
    """Give ``user`` this role and team; audited. Returns False (and writes nothing) when
    they already have both. Practitioners and managers must belong to a team."""
    if role not in values(ROLES):
        raise PeopleError(f"Role must be one of {', '.join(values(ROLES))}")
    if role in ROLES_WITH_TEAM and team is None:
        raise PeopleError(f"A {role} must belong to a team")
    team_id = team.id if team is not None else None
    if user.role == role and user.team_id == team_id:
        return False
    change = {
        "email": user.email,
        "role": {"old": user.role, "new": role},
        "team_id": {"old": user.team_id, "new": team_id},
    }
    user.role = role
    user.team = team
    db.session.flush()
    access_trail.record("user_role_changed", record_type="user", record_id=user.id, data=change)
    return True


def host_user(*, email: str, name: str, role: str | None, team_name: str | None) -> User | None:
    """For an identity hook: the partners user for a host's signed-in user, made on first
    sight and moved to ``role`` and ``team_name`` when the host says they changed (a team
    is made if it does not exist). ``role`` None means no partners role: nobody (403)."""
    if role is None:
        return None
    team = None
    if team_name:
        team = find_team(team_name) or create_team(team_name)
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        # The host signs people in: this password exists only to fill the column.
        password = secrets.token_urlsafe(24)
        return create_user(email=email, name=name, role=role, password=password, team=team)
    change_role_and_team(user, role=role, team=team)
    return user
