"""Writing the access trail (`access_events`: who viewed or changed what, when, from where),
with a fixed vocabulary of actions so a typo fails loudly. Not to be confused with case audits
(`case_audits.py`), the graded audits of a case against the principles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import g, has_request_context, request
from sqlalchemy import insert

from parent_partners.extensions import db
from parent_partners.identity import current_actor, is_api_request
from parent_partners.models import AccessEvent
from parent_partners.models.common import utcnow

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
    "lexicon_rule_edited": "Edited a blame-language rule",
    "team_created": "Created a team",
    "user_created": "Created a user",
    "user_role_changed": "Changed a user's role or team",
    "api_token_created": "Created an API token",
    "api_token_revoked": "Revoked an API token",
    "cases_imported": "Imported cases from a file",
    "case_audit_graded": "Graded a case audit",
    "case_audit_drafted": "Began a case audit as a draft",
    "case_audit_viewed": "Viewed a case audit",
    "case_audit_responded": "Responded to a case audit",
    "case_audit_moderated": "Moderated a case audit",
    "case_audits_exported": "Downloaded case audit results",
    "dashboard_exported": "Downloaded a dashboard table",
    "sign_in_throttled": "Sign-in refused: too many failed attempts",
    "sign_in_ceiling_reached": "Alert: many wrong passwords for one account, slowing sign-in",
    "user_disabled": "Disabled a user's account",
    "user_enabled": "Enabled a user's account",
    "password_changed": "Changed their own password",
    "password_reset": "Reset a user's password",
    "api_tokens_revoked_all": "Revoked every API token of a user",
    "audit_trail_viewed": "Viewed a case's access trail",
    "subject_access_exported": "Exported everything held about a child",
    "database_restored": "Restored the database from a backup",
    "case_read": "Read a case's records",
    "feedback_recorded": "Recorded feedback from a child, parent or carer",
    "feedback_edited": "Edited feedback from a child, parent or carer",
    "voice_viewed": "Viewed what children, parents and carers said, across cases",
    "self_assessment_saved": "Saved a service self-assessment",
    "self_assessment_edited": "Changed a service self-assessment",
    "self_assessment_viewed": "Viewed a service self-assessment",
    "self_assessment_exported": "Downloaded a service self-assessment's figures",
    "reflection_written": "Wrote a reflection against the principles",
    "reflection_viewed": "Read a practitioner's reflection",
    "dismissals_exported": "Exported dismissed wording flags for review",
}


class UnknownAccessAction(ValueError):
    """An access trail action that is not in ``ACTIONS``."""


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
) -> AccessEvent:
    """Add an access event to the session (committed with the request's transaction)."""
    if action not in ACTIONS:
        raise UnknownAccessAction(action)
    if user_id is None:
        actor = current_actor()
        user_id = actor.id if actor is not None else None
    data = dict(data or {})
    if is_api_request():
        data.setdefault("via", "api")
    event = AccessEvent(
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
    if case_id is not None and has_request_context():
        g.setdefault(_RECORDED, set()).add(case_id)
    return event


# Cases whose data this request has read, and cases it has written an event about.
_READ = "partners_read_cases"
_RECORDED = "partners_trailed_cases"


def note_read(case_ids: Iterable[int]) -> None:
    """Note that this request read these cases' data (every lookup and list calls this).

    Whatever the page, a response that shows a case leaves an access event about it:
    ``record_reads`` writes ``case_read`` for each noted case the request recorded
    nothing else about (a case page's own ``case_viewed`` is enough, say).
    """
    if has_request_context():
        g.setdefault(_READ, set()).update(case_ids)


def record_reads() -> int:
    """Write ``case_read`` for each case read and not otherwise on the trail; return how many."""
    if not has_request_context():
        return 0
    read: set[int] = g.pop(_READ, set())
    missing = sorted(read - g.get(_RECORDED, set()))
    if not missing:
        return 0
    actor = current_actor()
    via = {"via": "api"} if is_api_request() else {}
    # One statement for the lot: a page listing 50 cases is still one INSERT.
    db.session.execute(
        insert(AccessEvent),
        [
            {
                "action": "case_read",
                "at": utcnow(),
                "record_type": "case",
                "record_id": case_id,
                "case_id": case_id,
                "user_id": actor.id if actor is not None else None,
                "ip_address": _client_address(),
                "summary": ACTIONS["case_read"],
                "data": {"page": request.endpoint or request.path, **via},
            }
            for case_id in missing
        ],
    )
    return len(missing)
