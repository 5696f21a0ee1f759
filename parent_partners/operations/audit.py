"""Writing audit events, with a fixed vocabulary so a typo fails loudly."""

from __future__ import annotations

from typing import Any

from flask import has_request_context, request

from parent_partners.extensions import db
from parent_partners.identity import current_actor, is_api_request
from parent_partners.models import AuditEvent

ACTIONS: dict[str, str] = {
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in refused",
    "sign_out": "Signed out",
    "case_viewed": "Viewed a case",
    "case_opened": "Opened a case",
    "case_edited": "Edited a case",
    "carer_added": "Added a parent or carer",
    "carer_edited": "Edited a parent or carer",
    "involvement_logged": "Logged an involvement",
    "involvement_edited": "Edited an involvement",
    "consultation_recorded": "Recorded a child consultation",
    "consultation_edited": "Edited a child consultation",
    "edit_refused_stale": "Edit refused: someone else saved first",
    "flag_dismissed": "Dismissed a flag",
    "flag_reopened": "Reopened a flag",
    "lexicon_rule_disabled": "Switched off a blame-language rule",
    "lexicon_rule_enabled": "Switched on a blame-language rule",
    "lexicon_rule_added": "Added a blame-language rule",
    "team_created": "Created a team",
    "user_created": "Created a user",
    "api_token_created": "Created an API token",
    "api_token_revoked": "Revoked an API token",
    "cases_imported": "Imported cases from a file",
    "case_audit_graded": "Graded a case audit",
    "case_audit_viewed": "Viewed a case audit",
    "case_audit_responded": "Responded to a case audit",
    "case_audit_moderated": "Moderated a case audit",
    "case_audits_exported": "Downloaded case audit results",
    "dashboard_exported": "Downloaded a dashboard table",
    "sign_in_throttled": "Sign-in refused: too many failed attempts",
    "user_disabled": "Disabled a user's account",
    "user_enabled": "Enabled a user's account",
    "audit_trail_viewed": "Viewed a case's audit trail",
    "subject_access_exported": "Exported everything held about a child",
    "database_restored": "Restored the database from a backup",
    "dismissals_exported": "Exported dismissed wording flags for review",
}


class UnknownAuditAction(ValueError):
    """An audit event name that is not in ``ACTIONS``."""


def _client_address() -> str | None:
    if not has_request_context():
        return None
    return request.remote_addr


def record(
    action: str,
    *,
    record_type: str | None = None,
    record_id: int | None = None,
    case_id: int | None = None,
    summary: str | None = None,
    data: dict[str, Any] | None = None,
    user_id: int | None = None,
) -> AuditEvent:
    """Add an audit event to the session (committed with the request's transaction)."""
    if action not in ACTIONS:
        raise UnknownAuditAction(action)
    if user_id is None:
        actor = current_actor()
        user_id = actor.id if actor is not None else None
    data = dict(data or {})
    if is_api_request():
        data.setdefault("via", "api")
    event = AuditEvent(
        action=action,
        record_type=record_type,
        record_id=record_id,
        case_id=case_id,
        user_id=user_id,
        ip_address=_client_address(),
        summary=(summary or ACTIONS[action])[:255],
        data=data,
    )
    db.session.add(event)
    return event
