"""Administrators: add a user, reset a password (shown once), revoke a user's API tokens."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.admin.views import bp
from parent_partners.extensions import db
from parent_partners.forms.user import UserForm
from parent_partners.models import Team, User
from parent_partners.operations.accounts import add_user, reset_password, revoke_all_tokens
from parent_partners.operations.people import ROLES_WITH_TEAM, PeopleError
from parent_partners.permissions import Permission, requires

SHOWN_ONCE = "parent_partners/admin/password_shown.html"


def _user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@bp.route("/users/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_USERS)
def new_user() -> str | tuple[str, int]:
    """Add a user; their first password is made up and shown here once."""
    form = UserForm()
    teams = list(db.session.scalars(db.select(Team).order_by(Team.name)))
    form.team_id.choices = [(0, "No team")] + [(t.id, t.name) for t in teams]
    if form.validate_on_submit():
        team_id = form.team_id.data or None
        if form.role.data in ROLES_WITH_TEAM and team_id is None:
            form.team_id.errors = ["Choose the team a practitioner or manager belongs to"]
        else:
            try:
                user, password = add_user(
                    name=form.name.data or "",
                    email=form.email.data or "",
                    role=form.role.data or "",
                    team_id=team_id,
                )
            except PeopleError as error:
                form.email.errors = [str(error)]
            else:
                return render_template(SHOWN_ONCE, user=user, password=password, new=True)
        return render_template("parent_partners/admin/new_user.html", form=form), 400
    return render_template("parent_partners/admin/new_user.html", form=form)


@bp.post("/users/<int:user_id>/reset-password")
@requires(Permission.MANAGE_USERS)
def reset_user_password(user_id: int) -> str:
    """Give the user a new password, shown once; their sessions end."""
    user = _user(user_id)
    return render_template(SHOWN_ONCE, user=user, password=reset_password(user), new=False)


@bp.post("/users/<int:user_id>/revoke-tokens")
@requires(Permission.MANAGE_USERS)
def revoke_user_tokens(user_id: int) -> Response:
    """Revoke every API token the user holds."""
    user = _user(user_id)
    revoked = revoke_all_tokens(user)
    flash(
        f"{revoked} API {'token' if revoked == 1 else 'tokens'} of {user.name} revoked.", "success"
    )
    return redirect(url_for("partners.admin.users", _anchor=f"user-{user.id}"))
