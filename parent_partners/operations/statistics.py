"""Table statistics for the query planner, refreshed after loading many rows at once."""

from __future__ import annotations

from sqlalchemy import text

from parent_partners.extensions import db


def analyse() -> None:
    """Refresh the planner's table statistics, in the caller's transaction.

    Right after a bulk load PostgreSQL plans as if the tables were empty (autovacuum
    has not caught up), and the case list then takes seconds instead of milliseconds.
    """
    db.session.flush()
    db.session.execute(text("ANALYZE"))
