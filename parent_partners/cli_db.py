"""``partners db``: the service's own schema, never the host's migrations."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from parent_partners import migrating


@click.group("db")
def db_cli() -> None:
    """The service's database schema (its own migrations and version table)."""


@db_cli.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def upgrade_command(revision: str) -> None:
    """Apply the service's migrations up to REVISION (default: the newest)."""
    migrating.upgrade(revision)


@db_cli.command("downgrade")
@click.argument("revision")
@with_appcontext
def downgrade_command(revision: str) -> None:
    """Undo the service's migrations down to REVISION ("base" removes every table)."""
    migrating.downgrade(revision)


@db_cli.command("current")
@with_appcontext
def current_command() -> None:
    """Show the revision the service's schema is at."""
    migrating.current()
