"""Who may do what. Every route declares a permission; anything undeclared is refused.

Roles map onto permissions here and nowhere else, so a reviewer can read the
whole access policy on one screen.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

from flask import abort, current_app, request

from parent_partners.identity import EXTENSION_KEY, current_actor

F = TypeVar("F", bound=Callable[..., Any])

PERMISSION_ATTR = "_partners_permission"


class Permission(StrEnum):
    """What a route needs. ``PUBLIC`` is an explicit decision, not a default."""

    PUBLIC = "public"
    SIGNED_IN = "signed_in"
    VIEW_CASES = "view_cases"
    EDIT_CASES = "edit_cases"
    MANAGE_FLAGS = "manage_flags"
    MANAGE_USERS = "manage_users"
    MANAGE_LEXICON = "manage_lexicon"
    VIEW_TEAM_DASHBOARD = "view_team_dashboard"
    VIEW_SERVICE_DASHBOARD = "view_service_dashboard"
    VIEW_AUDITS = "view_audits"
    AUDIT_CASES = "audit_cases"
    MODERATE_AUDITS = "moderate_audits"
    # Who read or changed a case, and the subject access export (everything held on a child).
    VIEW_ACCESS_TRAIL = "view_audit_trail"
    # The service self-assessment against the principles (principal social workers).
    ASSESS_SERVICE = "assess_service"
    # A practitioner's own reflection against the principles (read by them and their manager).
    REFLECT = "reflect"


ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    "practitioner": frozenset(
        {
            Permission.SIGNED_IN,
            Permission.VIEW_CASES,
            Permission.EDIT_CASES,
            Permission.VIEW_AUDITS,  # the audits of their own cases, to respond
            Permission.REFLECT,
        }
    ),
    "manager": frozenset(
        {
            Permission.SIGNED_IN,
            Permission.VIEW_CASES,
            Permission.EDIT_CASES,
            Permission.MANAGE_FLAGS,
            Permission.VIEW_TEAM_DASHBOARD,
            Permission.VIEW_AUDITS,
            Permission.AUDIT_CASES,
            Permission.MODERATE_AUDITS,
            Permission.VIEW_ACCESS_TRAIL,
            Permission.REFLECT,
        }
    ),
    # Principals read across every team but do not write case records; they may moderate
    # audits (quality assurance) but do not grade cases themselves.
    "principal": frozenset(
        {
            Permission.SIGNED_IN,
            Permission.VIEW_CASES,
            Permission.MANAGE_FLAGS,
            Permission.VIEW_TEAM_DASHBOARD,
            Permission.VIEW_SERVICE_DASHBOARD,
            Permission.VIEW_AUDITS,
            Permission.MODERATE_AUDITS,
            Permission.VIEW_ACCESS_TRAIL,
            Permission.ASSESS_SERVICE,
        }
    ),
    # Administrators run the service; they have no special right to read cases.
    "admin": frozenset(
        {Permission.SIGNED_IN, Permission.MANAGE_USERS, Permission.MANAGE_LEXICON}
    ),
}


def requires(permission: Permission) -> Callable[[F], F]:
    """Declare the permission a view needs. The check itself runs before every request."""

    def decorate(view: F) -> F:
        setattr(view, PERMISSION_ATTR, permission)
        return view

    return decorate


def public(view: F) -> F:
    """Declare a view open to everyone, signed in or not."""
    return requires(Permission.PUBLIC)(view)


def declared_permission(view: Callable[..., Any]) -> Permission | None:
    """Return the permission a view function declared, or None if it declared none."""
    return getattr(view, PERMISSION_ATTR, None)


def role_has(role: str | None, permission: Permission) -> bool:
    """Return whether ``role`` grants ``permission``."""
    if permission is Permission.PUBLIC:
        return True
    return permission in ROLE_PERMISSIONS.get(role or "", frozenset())


def user_can(permission: Permission) -> bool:
    """Return whether the acting user (if any) has ``permission``."""
    if permission is Permission.PUBLIC:
        return True
    actor = current_actor()
    if actor is None:
        return False
    return role_has(actor.role, permission)


def enforce() -> Any:
    """Refuse the request unless its endpoint declared a permission the user holds.

    The partners extension runs this before every request it owns: every request
    in the standalone service, and its own blueprints' requests inside a host app.
    """
    if request.endpoint is None:
        return None  # Flask answers 404 or 405 itself.
    view = current_app.view_functions.get(request.endpoint)
    permission = declared_permission(view) if view else None
    if permission is None:
        current_app.logger.error("Route %s declares no permission; refused", request.endpoint)
        abort(403)
    if permission is Permission.PUBLIC:
        return None
    actor = current_actor()
    if actor is None:
        return current_app.extensions[EXTENSION_KEY].unauthorized()
    if not role_has(actor.role, permission):
        abort(403)
    return None
