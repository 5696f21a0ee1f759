"""Who is in which team, as the asker may see it: for a host allocating a case to a worker.

Practitioners and managers see their own team and its members; principals (who read
across teams) and administrators (who run accounts) see every team and every user.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, select

from parent_partners.extensions import db
from parent_partners.models import Team, User
from parent_partners.operations.people import normalise_email

SERVICE_WIDE_ROLES = {"principal", "admin"}


def _own_team_only(user: User, query: Select[Any], team_column: Any) -> Select[Any]:
    if user.role in SERVICE_WIDE_ROLES:
        return query
    if user.team_id is None:
        return query.where(false())
    return query.where(team_column == user.team_id)


def visible_teams(user: User) -> list[Team]:
    """The teams ``user`` may look up, by name."""
    return list(db.session.scalars(_own_team_only(user, select(Team), Team.id).order_by(Team.name)))


def visible_users(
    user: User, *, email: str | None = None, team_id: int | None = None, role: str | None = None
) -> list[User]:
    """The users ``user`` may look up (active or not), by name, narrowed by an exact e-mail
    address (in any letter case), a team or a role."""
    query = _own_team_only(user, select(User), User.team_id)
    if email is not None:
        query = query.where(User.email == normalise_email(email))
    if team_id is not None:
        query = query.where(User.team_id == team_id)
    if role is not None:
        query = query.where(User.role == role)
    return list(db.session.scalars(query.order_by(User.name, User.id)))
