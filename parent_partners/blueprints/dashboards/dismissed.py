"""Dismissed flags and the reasons given, one click from a dashboard."""

from __future__ import annotations

from datetime import date

from flask import abort, render_template, request

from parent_partners.blueprints.dashboards.views import MAX_PAGE, PAGE_SIZE, _team_or_404, bp
from parent_partners.identity import actor
from parent_partners.operations.dismissed_flags import dismissed_flags
from parent_partners.operations.periods import Period
from parent_partners.permissions import Permission, requires, role_has
from parent_partners.vocabulary import FLAG_KINDS


@bp.get("/dismissed")
@requires(Permission.VIEW_TEAM_DASHBOARD)
def dismissed() -> str:
    """Flags dismissed in the period, each with its reason, who dismissed it and the case."""
    user = actor()
    team_id = request.args.get("team", type=int)
    team = _team_or_404(team_id) if team_id else None
    if team is None and not role_has(user.role, Permission.VIEW_SERVICE_DASHBOARD):
        if user.team_id is None:
            abort(404)
        team = _team_or_404(user.team_id)
    period = Period.from_args(request.args)
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), MAX_PAGE)
    listing = dismissed_flags(
        team.id if team else None,
        date(period.start // 100, period.start % 100, 1),
        period.end_date,
        page=page,
        per_page=PAGE_SIZE,
    )
    return render_template(
        "parent_partners/dashboards/dismissed.html",
        listing=listing,
        team=team,
        period=period,
        kinds=dict(FLAG_KINDS),
    )
