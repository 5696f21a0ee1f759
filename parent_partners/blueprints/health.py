"""Liveness and readiness for load balancers and monitoring."""

from __future__ import annotations

from flask import Blueprint
from sqlalchemy import text

from parent_partners.extensions import db
from parent_partners.permissions import public

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@public
def healthz() -> tuple[str, int, dict[str, str]]:
    """Answer ``ok`` when the database answers ``SELECT 1``."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:
        db.session.rollback()
        return "database unavailable", 503, {"Content-Type": "text/plain; charset=utf-8"}
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
