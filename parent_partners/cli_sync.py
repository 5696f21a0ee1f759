"""Command-line tasks for keeping accounts in step with a host: ``partners set-role``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from flask.cli import with_appcontext

from parent_partners.extensions import db
from parent_partners.operations.people import find_team
from parent_partners.vocabulary import ROLES, values

if TYPE_CHECKING:
    from parent_partners.models import Team


def team_named(team_name: str | None) -> Team | None:
    """The team called ``team_name`` (None when no name is given); an error if there is none."""
    if not team_name:
        return None
    team = find_team(team_name)
    if team is None:
        raise click.ClickException(
            f"No team called {team_name!r}: create it with `partners create-team`"
        )
    return team


@click.command("set-role")
@click.option("--email", required=True, help="The user to change.")
@click.option("--role", required=True, type=click.Choice(values(ROLES)))
@click.option("--team", "team_name", default=None, help="Team name (practitioners and managers).")
@with_appcontext
def set_role_command(email: str, role: str, team_name: str | None) -> None:
    """Change a user's role and team (audited). Their cases stay with the old team."""
    from parent_partners.models import User
    from parent_partners.operations.people import PeopleError, normalise_email
    from parent_partners.operations.roles import change_role_and_team

    user = db.session.scalar(db.select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise click.ClickException(f"No user with e-mail {email}")
    team = team_named(team_name)
    try:
        changed = change_role_and_team(user, role=role, team=team)
    except PeopleError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    where = f" in {team.name}" if team else ""
    if changed:
        click.echo(f"{user.email} is now a {role}{where}.")
    else:
        click.echo(f"{user.email} was already a {role}{where}; nothing changed.")


COMMANDS = (set_role_command,)
