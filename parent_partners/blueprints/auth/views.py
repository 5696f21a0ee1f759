"""Sign-in and sign-out pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from parent_partners import identity
from parent_partners.blueprints.auth import bp
from parent_partners.blueprints.auth.forms import SignInForm
from parent_partners.operations import audit
from parent_partners.operations.people import authenticate
from parent_partners.permissions import Permission, public, requires


def _safe_next(target: str | None) -> str | None:
    """Only follow a ``next`` that stays on this site."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@public
def sign_in() -> str | Response:
    """Show the sign-in form and sign the user in."""
    if current_user.is_authenticated:
        return redirect(url_for("cases.index"))
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            session.clear()  # a fresh session at sign-in: nothing carried over
            login_user(user)
            identity.forget()
            session.permanent = True
            return redirect(_safe_next(request.args.get("next")) or url_for("cases.index"))
        form.password.errors = [*form.password.errors, "Enter a correct email address and password"]
    return render_template("parent_partners/auth/sign_in.html", form=form)


@bp.post("/logout")
@requires(Permission.SIGNED_IN)
def sign_out() -> Response:
    """Sign the user out (POST only, so a link on another site cannot do it)."""
    audit.record("sign_out", record_type="user", record_id=current_user.id)
    logout_user()
    identity.forget()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.sign_in"))


@bp.get("/")
@public
def home() -> Response:
    """Send people to their cases, or to sign in."""
    if current_user.is_authenticated:
        if current_user.role == "admin":
            return redirect(url_for("admin.lexicon"))
        return redirect(url_for("cases.index"))
    return redirect(url_for("auth.sign_in"))
