"""Dismissing and reopening flags."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.cases.views import render_case_page
from parent_partners.extensions import db
from parent_partners.identity import actor
from parent_partners.models import Flag
from parent_partners.operations.flags import FlagError, dismiss, reopen
from parent_partners.permissions import Permission, requires
from parent_partners.scoping import case_for, editable_case_for

bp = Blueprint("flags", __name__)


def _flag(case_id: int, flag_id: int) -> Flag:
    flag = db.session.get(Flag, flag_id)
    if flag is None or flag.case_id != case_id:
        abort(404)
    return flag


@bp.post("/cases/<int:case_id>/flags/<int:flag_id>/dismiss")
@requires(Permission.EDIT_CASES)
def dismiss_flag(case_id: int, flag_id: int) -> Response | tuple[str, int]:
    """Dismiss a flag with a reason; the reason is shown to managers.

    Refused (no reason, say), the case page is shown again with an error summary and
    that flag's dismiss panel open, as GOV.UK forms do.
    """
    case = editable_case_for(actor(), case_id)
    flag = _flag(case.id, flag_id)
    try:
        dismiss(flag, actor(), request.form.get("reason", ""))
    except FlagError as error:
        refused = {"flag_id": flag.id, "message": str(error), "reason": request.form.get("reason")}
        return render_case_page(actor(), case, dismiss_error=refused), 400
    flash("Flag dismissed. Your reason is recorded for your manager.", "success")
    return redirect(url_for("partners.cases.show", case_id=case.id, _anchor="flags"))


@bp.post("/cases/<int:case_id>/flags/<int:flag_id>/reopen")
@requires(Permission.MANAGE_FLAGS)
def reopen_flag(case_id: int, flag_id: int) -> Response:
    """Reopen a dismissed flag so the worker looks at it again."""
    case = case_for(actor(), case_id)
    flag = _flag(case.id, flag_id)
    try:
        reopen(flag, actor())
    except FlagError as error:
        flash(str(error), "error")
    else:
        flash("Flag reopened.", "success")
    return redirect(url_for("partners.cases.show", case_id=case.id, _anchor="flags"))
