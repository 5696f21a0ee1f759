"""Command-line tasks for keeping the service trustworthy: accounts, backups and restores.

Registered on the ``partners`` group (``flask --app wsgi partners ...``).
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from parent_partners.extensions import db


def _user(email: str):  # type: ignore[no-untyped-def]
    from parent_partners.models import User
    from parent_partners.operations.people import normalise_email

    user = db.session.scalar(db.select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise click.ClickException(f"No user with e-mail {email}")
    return user


def _set_active(email: str, active: bool) -> None:
    from parent_partners.operations.people import PeopleError, set_active

    user = _user(email)
    try:
        ended = set_active(user, active)
    except PeopleError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    if active:
        click.echo(f"Enabled {user.email}.")
    else:
        click.echo(f"Disabled {user.email}; ended {ended} signed-in session(s).")


@click.command("disable-user")
@click.option("--email", required=True, help="The account to disable.")
@with_appcontext
def disable_user_command(email: str) -> None:
    """Disable an account: it cannot sign in, its sessions end now, its API tokens stop."""
    _set_active(email, False)


@click.command("enable-user")
@click.option("--email", required=True, help="The account to enable again.")
@with_appcontext
def enable_user_command(email: str) -> None:
    """Enable a disabled account again."""
    _set_active(email, True)


@click.command("backup")
@click.option(
    "--to", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (SQLite: a database file; PostgreSQL: a pg_dump custom-format file).",
)
@with_appcontext
def backup_command(target: Path) -> None:
    """Write a consistent copy of the whole database to a file, while the service runs."""
    from parent_partners.operations.backup import BackupError, backup

    try:
        backup(target)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backed up to {target} ({target.stat().st_size:,} bytes).")


@click.command("restore")
@click.option(
    "--from", "source", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="A file written by `partners backup`.",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(source: Path, yes: bool) -> None:
    """Replace the WHOLE database with a backup (all or nothing). Stop the service first."""
    from parent_partners.operations import access_trail
    from parent_partners.operations.backup import BackupError, restore

    if not yes:
        click.confirm(
            f"Replace everything in the database with {source}? This cannot be undone",
            abort=True,
        )
    try:
        restore(source)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    access_trail.record("database_restored", data={"from": source.name})
    db.session.commit()
    click.echo(f"Restored from {source}.")


# Added to the `partners` group by cli.py (which imports this module, never the reverse).
COMMANDS = (disable_user_command, enable_user_command, backup_command, restore_command,)
