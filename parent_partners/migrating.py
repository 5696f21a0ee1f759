"""Running the service's own migrations, whatever the host app does with Alembic."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from parent_partners.resources import MIGRATIONS_DIR


def alembic_config() -> Config:
    """Alembic configuration for the service's migrations (bundled or in the checkout)."""
    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(revision: str = "head") -> None:
    """Bring the service's schema up to ``revision`` (inside an app context)."""
    command.upgrade(alembic_config(), revision)


def downgrade(revision: str) -> None:
    """Take the service's schema down to ``revision`` (inside an app context)."""
    command.downgrade(alembic_config(), revision)


def current() -> None:
    """Print the revision the service's schema is at (inside an app context)."""
    command.current(alembic_config())
