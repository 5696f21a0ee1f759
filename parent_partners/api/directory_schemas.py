"""Teams and users as the API gives them out, for allocating a case to a worker."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from parent_partners.api.schemas import Id, Query, Response_, Role


class Team(Response_):
    """A team, which holds cases."""

    id: int
    name: str


class Teams(BaseModel):
    """The teams you may look up."""

    teams: list[Team]


class User(Response_):
    """Somebody who signs in, for allocating a case to them (``worker_id``)."""

    id: int
    name: str
    email: str
    role: Role
    team_id: int | None
    active: bool = Field(description="An inactive user cannot sign in or be allocated cases")


class Users(BaseModel):
    """The users you may look up."""

    users: list[User]


class UsersQuery(Query):
    """Looking users up: your own team's, or everyone's for a principal or administrator."""

    email: Annotated[str, StringConstraints(max_length=254)] | None = Field(
        default=None, description="Only the user with this e-mail address (any letter case)"
    )
    team_id: Id | None = Field(default=None, description="Only this team's members")
    role: Role | None = Field(default=None, description="Only users with this role")
