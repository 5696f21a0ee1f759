"""Alembic environment for parent_partners' own schema.

It runs inside the Flask app context, through ``flask db`` (Flask-Migrate, standalone) or
``partners db`` (any app, including a host with its own Flask-Migrate). Either way it migrates
the service's own database (``parent_partners.extensions.db``), records its revision in its own
version table, and, when ``PARTNERS_DB_SCHEMA`` is set on PostgreSQL, keeps every table in that
schema, so a host's migrations and tables are never touched.
"""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from parent_partners.extensions import db
from parent_partners.schema import adopt_legacy_version_table, prepare_schema, version_table

config = context.config
if config.config_file_name:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")


def run_migrations_offline():
    """Emit SQL for the service's database without connecting to it."""
    context.configure(
        url=db.engine.url.render_as_string(hide_password=False),
        target_metadata=db.metadata,
        literal_binds=True,
        version_table=version_table(current_app),
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Migrate the service's database over one connection."""

    # An autogenerate run that finds no change writes no empty revision file.
    def process_revision_directives(context, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    table = version_table(current_app)
    with db.engine.connect() as connection:
        prepare_schema(connection, current_app)
        adopt_legacy_version_table(connection, table, context.script)
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=db.metadata,
            version_table=table,
            render_as_batch=True,
            process_revision_directives=process_revision_directives,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
