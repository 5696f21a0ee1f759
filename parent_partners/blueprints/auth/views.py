"""Sign-in and sign-out pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from parent_partners import identity
from parent_partners.extensions import db
from parent_partners.forms.sign_in import SignInForm
from parent_partners.models import User
from parent_partners.operations import access_trail, sessions, throttling
from parent_partners.operations.people import authenticate, normalise_email
from parent_partners.permissions import Permission, public, requires, role_has

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str | None:
    """Only follow a ``next`` that stays on this site."""
    if not target:
        return None
    # A control character (CR LF: header splitting) or a backslash (read as "/" by
    # browsers, so "/\\evil.example") is never part of one of our addresses.
    if any(ord(ch) < 32 or ord(ch) == 127 or ch == "\\" for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
@public
def sign_in() -> str | Response | tuple[str, int, dict[str, str]]:
    """Show the sign-in form and sign the user in.

    After too many failed attempts on the account from this address, or from this
    address at all, further attempts from it (the right password too) are refused for a
    while: 429, audited. Guessing from many addresses slows sign-in to the account and
    alerts administrators, but never locks out the owner (``operations/throttling.py``).
    """
    if current_user.is_authenticated:
        return redirect(landing_url(current_user))
    form = SignInForm()
    if form.validate_on_submit():
        email = normalise_email(form.email.data or "")
        address = request.remote_addr
        lock = throttling.locked(email, address) or throttling.under_attack(email, address)
        if lock is not None:
            return _throttled(email, *lock)
        user = authenticate(email, form.password.data or "")
        if user is not None:
            session.clear()  # a fresh session at sign-in: nothing carried over
            sid = sessions.start(user.id)  # a new server-side session id, every sign-in
            login_user(user)
            session[sessions.SESSION_KEY] = sid
            identity.forget()
            # A browser-session cookie (no Expires): it goes when the browser closes, and
            # is never written to disk for 12 hours. The server still ends the session
            # after 30 idle minutes or 12 hours (operations/sessions.py).
            session.permanent = False
            throttling.prune()
            return redirect(_safe_next(request.args.get("next")) or landing_url(user))
        throttling.record_failure(email, address)
        form.password.errors = [*form.password.errors, "Enter a correct email address and password"]
    return render_template("parent_partners/auth/sign_in.html", form=form)


def _throttled(email: str, by: str, seconds: int) -> tuple[str, int, dict[str, str]]:
    """Refuse a sign-in while the account or address is locked, saying how long to wait."""
    user = None
    if by == "account":
        user = db.session.scalar(db.select(User).where(User.email == email))
    access_trail.record(
        "sign_in_throttled",
        record_type="user" if user else None,
        record_id=user.id if user else None,
        user_id=user.id if user else None,
        data={"by": by, "wait_seconds": seconds},
    )
    minutes = max(1, -(-seconds // 60))
    page = render_template(
        "parent_partners/auth/throttled.html", minutes=minutes, by=by, form=None
    )
    return page, 429, {"Retry-After": str(seconds)}


@bp.post("/logout")
@requires(Permission.SIGNED_IN)
def sign_out() -> Response:
    """Sign the user out (POST only, so a link on another site cannot do it)."""
    access_trail.record("sign_out", record_type="user", record_id=current_user.id)
    sessions.end(session.get(sessions.SESSION_KEY))
    logout_user()
    identity.forget()
    session.clear()
    flash("You have signed out.", "success")
    return redirect(url_for("partners.auth.sign_in"))


@bp.get("/")
@public
def home() -> Response:
    """Send people to their cases, or to sign in."""
    if current_user.is_authenticated:
        return redirect(landing_url(current_user))
    return redirect(url_for("partners.auth.sign_in"))


def landing_url(user: Any) -> str:
    """Where a role starts: its cases, or for an administrator (no case rights) the admin pages."""
    if not role_has(user.role, Permission.VIEW_CASES):
        return url_for("partners.admin.lexicon")
    return url_for("partners.cases.index")
