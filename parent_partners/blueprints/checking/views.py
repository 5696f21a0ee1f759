"""The JSON check endpoint the involvement form calls while the practitioner types."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request
from flask.wrappers import Response

from parent_partners import checks
from parent_partners.checks.categories import category_label
from parent_partners.operations.lexicon import current_lexicon
from parent_partners.permissions import Permission, requires

bp = Blueprint("checking", __name__)

MAX_TEXT = 20_000


@bp.post("/check")
@requires(Permission.EDIT_CASES)
def check_text() -> tuple[Response, int]:
    """Return the blame findings for ``{"text": ...}``; nothing is stored or audited."""
    try:
        payload: Any = request.get_json(silent=True)
    except RecursionError:  # JSON nested thousands deep: not a text to check
        payload = None
    text = payload.get("text") if isinstance(payload, dict) else None
    if not isinstance(text, str):
        return jsonify(error="Send JSON with a 'text' string"), 400
    if len(text) > MAX_TEXT:
        return jsonify(error=f"Text longer than {MAX_TEXT} characters"), 413
    findings = checks.scan_text(text, current_lexicon())
    shown = [
        {**finding.to_dict(), "category_label": category_label(finding.category)}
        for finding in findings
    ]
    return jsonify(findings=shown), 200
