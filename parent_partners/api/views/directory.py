"""Teams and users, looked up for allocating a case: your own team's, or every team's for
a principal or administrator."""

from __future__ import annotations

from flask.wrappers import Response

from parent_partners.api import directory_schemas as schemas
from parent_partners.api.blueprint import operation, parse_query, reply
from parent_partners.identity import actor
from parent_partners.operations.directory import visible_teams, visible_users
from parent_partners.permissions import Permission


@operation(
    "GET",
    "/teams",
    summary="List the teams you may look up",
    tag="Teams and users",
    permission=Permission.SIGNED_IN,
    response=schemas.Teams,
)
def list_teams() -> Response:
    """Your own team (every team, for a principal or administrator), by name."""
    teams = visible_teams(actor())
    return reply(schemas.Teams(teams=[schemas.Team.model_validate(t) for t in teams]))


@operation(
    "GET",
    "/users",
    summary="Look users up",
    tag="Teams and users",
    permission=Permission.SIGNED_IN,
    response=schemas.Users,
    query=schemas.UsersQuery,
)
def list_users() -> Response:
    """Your own team's members (everyone, for a principal or administrator), by name. Find
    a worker's id for ``worker_id`` with ``email``."""
    query = parse_query(schemas.UsersQuery)
    users = visible_users(actor(), email=query.email, team_id=query.team_id, role=query.role)
    return reply(schemas.Users(users=[schemas.User.model_validate(u) for u in users]))
