"""Administrators' user list: disable an account (its sessions end at once), or enable it."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.admin.views import bp
from parent_partners.extensions import db
from parent_partners.identity import actor
from parent_partners.models import User
from parent_partners.operations.people import PeopleError, set_active
from parent_partners.permissions import Permission, requires


@bp.get("/users")
@requires(Permission.MANAGE_USERS)
def users() -> str:
    """Everyone who can sign in, with their role, team and whether the account is enabled."""
    people = db.session.scalars(db.select(User).order_by(User.active.desc(), User.name, User.id))
    return render_template("parent_partners/admin/users.html", users=list(people))


def _switch(user_id: int, active: bool) -> Response:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if user.id == actor().id:
        flash("You cannot disable your own account.", "error")
        return redirect(url_for("partners.admin.users"))
    try:
        ended = set_active(user, active)
    except PeopleError as error:
        flash(str(error), "error")
    else:
        if active:
            flash(f"{user.name}'s account is enabled: they can sign in again.", "success")
        else:
            flash(
                f"{user.name}'s account is disabled. {ended} signed-in "
                f"{'session was' if ended == 1 else 'sessions were'} ended, and their API "
                "tokens no longer work.",
                "success",
            )
    return redirect(url_for("partners.admin.users", _anchor=f"user-{user.id}"))


@bp.post("/users/<int:user_id>/disable")
@requires(Permission.MANAGE_USERS)
def disable_user(user_id: int) -> Response:
    """Disable an account: it cannot sign in, and every session it has ends now."""
    return _switch(user_id, False)


@bp.post("/users/<int:user_id>/enable")
@requires(Permission.MANAGE_USERS)
def enable_user(user_id: int) -> Response:
    """Enable a disabled account again (it signs in afresh)."""
    return _switch(user_id, True)
