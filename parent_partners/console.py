"""The ``partners`` console script: the service's commands without ``flask --app``.

``partners db upgrade``, ``partners create-team …``, ``partners run``: the app is built with
``create_app()`` from the environment (``DATABASE_URL``, ``SECRET_KEY``, …).
"""

from __future__ import annotations

from flask.cli import FlaskGroup

from parent_partners import create_app


class PartnersGroup(FlaskGroup):
    """Flask's command group, with ``db`` meaning the service's own migrations."""

    def _load_plugin_commands(self) -> None:
        # Flask-Migrate's entry point would add its `db` over ours; ours comes back on top.
        super()._load_plugin_commands()
        from parent_partners.cli_db import db_cli

        self.add_command(db_cli, "db")


def build_cli() -> FlaskGroup:
    """A Flask command group with every ``partners`` command at its top level."""
    from parent_partners.cli import partners_cli

    cli = PartnersGroup(
        name="partners",
        help="Parents as partners: set up, administer and serve the service.",
        create_app=lambda: create_app(),
        set_debug_flag=False,
    )
    for name, command in partners_cli.commands.items():
        cli.add_command(command, name)
    return cli


def main() -> None:
    """Entry point of the ``partners`` console script."""
    build_cli().main(prog_name="partners")
