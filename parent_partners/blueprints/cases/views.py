"""Case list, new case and the case page."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.editing import save_once
from parent_partners.forms.case import CaseForm
from parent_partners.identity import actor
from parent_partners.models import Case, User
from parent_partners.operations import access_trail
from parent_partners.operations.case_page import case_page, timeline_page
from parent_partners.operations.cases import (
    REFERENCE_REFUSED,
    CaseListing,
    list_cases,
    open_case,
    team_workers,
)
from parent_partners.operations.waiting import waiting_for
from parent_partners.permissions import Permission, requires
from parent_partners.scoping import case_for
from parent_partners.vocabulary import TEAM_ROLES

bp = Blueprint("cases", __name__)

PAGE_SIZE = 50
# Roles that hold cases and answer audits, so have work waiting for them.
MAX_QUERY = 100


@bp.get("/cases")
@requires(Permission.VIEW_CASES)
def index() -> str:
    """Your cases: the team's caseload (every team's, for a principal)."""
    page = request.args.get("page", 1, type=int) or 1
    mine = request.args.get("mine") == "1"
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    flagged = request.args.get("flagged") == "1"
    user = actor()
    listing: CaseListing = list_cases(
        user,
        page=min(max(page, 1), 1_000_000),
        per_page=PAGE_SIZE,
        mine=mine,
        query=query,
        flagged=flagged,
    )
    return render_template(
        "parent_partners/cases/index.html",
        listing=listing,
        mine=mine,
        query=query,
        flagged=flagged,
        waiting=waiting_for(user) if user.role in TEAM_ROLES else None,
    )


@bp.route("/cases/new", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def new() -> str | Response:
    """Open a new case for the user's team."""
    user = actor()
    if user.team_id is None:
        abort(403)
    team_id: int = user.team_id
    form = CaseForm()
    workers = team_workers(user.team_id)
    form.worker_id.choices = [(0, "Choose a worker")] + [(w.id, w.name) for w in workers]
    if request.method == "GET":
        form.worker_id.data = user.id
        form.opened_on.data = date.today()
    if form.validate_on_submit():

        def save() -> str | None:
            # A worker from outside the team is refused by open_case, in the layer's words.
            case = open_case(form.to_input(team_id))
            if case is None:
                form.reference.errors = [REFERENCE_REFUSED]
                return None
            return url_for("partners.cases.show", case_id=case.id)

        saved = save_once(form, save)
        if saved is not None:
            return saved
    return render_template("parent_partners/cases/new.html", form=form)


@bp.get("/cases/<int:case_id>")
@requires(Permission.VIEW_CASES)
def show(case_id: int) -> str:
    """The case page: the child, parents and carers, timeline and open flags."""
    user = actor()
    return render_case_page(user, case_for(user, case_id))


def render_case_page(user: User, case: Case, **extra: Any) -> str:
    """Draw the case page (recording the view), with ``extra`` such as a refused dismissal."""
    access_trail.record("case_viewed", record_type="case", record_id=case.id, case_id=case.id)
    page = case_page(user, case)
    timeline = timeline_page(
        page["timeline"],
        kind=request.args.get("kind", ""),
        carer_id=request.args.get("carer", type=int),
        page=request.args.get("page", 1, type=int) or 1,
    )
    return render_template(
        "parent_partners/cases/show.html", **page, timeline_view=timeline, **extra
    )
