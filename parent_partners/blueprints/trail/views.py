"""Who viewed or changed a case, and everything held about the child, as one document."""

from __future__ import annotations

import json

from flask import Blueprint, render_template, request
from flask.wrappers import Response

from parent_partners.identity import actor
from parent_partners.operations import access_trail, exports
from parent_partners.operations.trail import case_trail, describe, subject_access
from parent_partners.permissions import Permission, requires
from parent_partners.same_site import require_same_site
from parent_partners.scoping import case_for

bp = Blueprint("trail", __name__)

PAGE_SIZE = 50


@bp.get("/cases/<int:case_id>/audit-trail")
@requires(Permission.VIEW_ACCESS_TRAIL)
def case_trail_page(case_id: int) -> str:
    """The case's access trail, newest first, 50 a page. Looking at it is recorded too."""
    case = case_for(actor(), case_id)
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), 1_000_000)
    access_trail.record(
        "audit_trail_viewed", record_type="case", record_id=case.id, case_id=case.id
    )
    trail = case_trail(case, page=page, per_page=PAGE_SIZE)
    return render_template(
        "parent_partners/trail/case.html", case=case, trail=trail, describe=describe
    )


@bp.get("/cases/<int:case_id>/subject-access")
@requires(Permission.VIEW_ACCESS_TRAIL)
def subject_access_page(case_id: int) -> str:
    """Everything held about the child, as one printable page. Recorded as an export."""
    case = case_for(actor(), case_id)
    document = subject_access(case, actor(), fmt="html")
    return render_template(
        "parent_partners/trail/subject_access.html", case=case, document=document
    )


@bp.get("/cases/<int:case_id>/subject-access.json")
@requires(Permission.VIEW_ACCESS_TRAIL)
def subject_access_json(case_id: int) -> Response:
    """Everything held about the child, as one JSON file to download. Recorded as an export."""
    require_same_site()
    case = case_for(actor(), case_id)
    document = subject_access(case, actor(), fmt="json")
    response = Response(
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False),
        mimetype="application/json",
    )
    response.headers["Content-Disposition"] = exports.content_disposition(
        f"subject-access-{case.reference}.json"
    )
    return response
