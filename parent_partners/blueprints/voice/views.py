"""Youth voice and parent voice across a team or the service."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.identity import actor
from parent_partners.models import Team
from parent_partners.operations import access_trail, periods
from parent_partners.operations.evidence import period_dates
from parent_partners.operations.voice import MINIMUM, voice
from parent_partners.permissions import Permission, requires, role_has

bp = Blueprint("voice", __name__)

TITLES = {"child": "Youth voice", "carer": "Parent and carer voice"}


def scope_team() -> Team | None:
    """The team the view is about: a manager's own always; a principal's choice, or the service.

    A manager asking for another team's figures is refused with a 404, as for a case.
    """
    user = actor()
    wanted = request.args.get("team", type=int)
    if role_has(user.role, Permission.VIEW_SERVICE_DASHBOARD):
        if not wanted:
            return None
        team = db.session.get(Team, wanted)
        if team is None:
            abort(404)
        return team
    if user.team_id is None or (wanted and wanted != user.team_id):
        abort(404)
    return db.session.get(Team, user.team_id)


@bp.get("/voice/<respondent>")
@requires(Permission.VIEW_TEAM_DASHBOARD)
def voice_page(respondent: str) -> str:
    """What children (or parents and carers) said, by principle and quarter, small numbers
    withheld."""
    if respondent not in TITLES:
        abort(404)
    team = scope_team()
    period = periods.Period.from_args(request.args)
    start, end = period_dates(period)
    heard = voice(respondent, start, end, team.id if team else None)
    access_trail.record(
        "voice_viewed",
        data={"respondent": respondent, "team_id": team.id if team else None,
              "from": start.isoformat(), "to": end.isoformat()},
    )
    teams = (
        list(db.session.scalars(select(Team).order_by(Team.name)))
        if role_has(actor().role, Permission.VIEW_SERVICE_DASHBOARD)
        else []
    )
    return render_template(
        "parent_partners/voice/voice.html",
        heard=heard,
        title=TITLES[respondent],
        respondent=respondent,
        team=team,
        teams=teams,
        period=period,
        months=periods.month_choices(),
        minimum=MINIMUM,
    )
