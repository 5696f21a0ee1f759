"""Command-line tasks: ``flask --app wsgi partners ...``."""

from __future__ import annotations

import secrets

import click
from flask.cli import with_appcontext

from parent_partners.extensions import db
from parent_partners.operations.people import PeopleError, create_team, create_user, find_team
from parent_partners.vocabulary import ROLES, values


@click.group("partners")
def partners_cli() -> None:
    """Parents as partners: administration tasks."""


@partners_cli.command("create-team")
@click.argument("name")
@with_appcontext
def create_team_command(name: str) -> None:
    """Create a team called NAME."""
    try:
        team = create_team(name)
    except PeopleError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created team {team.name!r} (id {team.id})")


@partners_cli.command("create-user")
@click.option("--email", required=True, help="Sign-in e-mail address.")
@click.option("--name", required=True, help="Full name, as colleagues know them.")
@click.option("--role", required=True, type=click.Choice(values(ROLES)))
@click.option("--team", "team_name", default=None, help="Team name (practitioners and managers).")
@click.option("--password", default=None, help="At least 12 characters; one is made if omitted.")
@with_appcontext
def create_user_command(
    email: str, name: str, role: str, team_name: str | None, password: str | None
) -> None:
    """Create a user who can sign in."""
    team = None
    if team_name:
        team = find_team(team_name)
        if team is None:
            raise click.ClickException(
                f"No team called {team_name!r}: create it with `partners create-team`"
            )
    made_up = password is None
    password = password or secrets.token_urlsafe(12)
    try:
        user = create_user(email=email, name=name, role=role, password=password, team=team)
    except PeopleError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {role} {user.email} (id {user.id})")
    if made_up:
        click.echo(f"Password: {password}")


@partners_cli.command("seed-demo")
@click.option("--cases", "case_count", default=40, show_default=True, help="How many cases.")
@click.option("--seed", default=2026, show_default=True, help="Random seed (same seed, same data).")
@click.option("--if-empty", is_flag=True, help="Do nothing if there are already users.")
@with_appcontext
def seed_demo_command(case_count: int, seed: int, if_empty: bool) -> None:
    """Load synthetic, deterministic demo data: teams, staff, cases and their histories."""
    from parent_partners.demo import seed_demo

    summary = seed_demo(case_count=case_count, seed=seed, if_empty=if_empty, echo=click.echo)
    db.session.commit()
    click.echo(summary)
