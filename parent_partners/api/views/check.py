"""Checking text for blaming wording, for a host's own editor."""

from __future__ import annotations

from flask.wrappers import Response

from parent_partners import checks
from parent_partners.api import check_schemas as schemas
from parent_partners.api.blueprint import operation, parse, reply
from parent_partners.operations.flags import finding_key
from parent_partners.operations.lexicon import current_lexicon
from parent_partners.permissions import Permission


@operation(
    "POST",
    "/check",
    summary="Check text for blaming wording",
    tag="Check",
    permission=Permission.EDIT_CASES,
    body=schemas.CheckIn,
    response=schemas.TextFindings,
)
def check_text() -> Response:
    """The wording findings in a piece of text (``child_blame``, ``parent_blame``), each with
    its span, a suggestion and its source. Nothing is stored."""
    body = parse(schemas.CheckIn)
    found = []
    for finding in checks.scan_text(body.text, current_lexicon()):
        found.append(
            schemas.TextFinding(
                id=finding_key(finding)[:24],
                kind=finding.kind,
                rule=finding.rule,
                start=finding.start or 0,
                end=finding.end or 0,
                matched=finding.matched or "",
                explanation=finding.explanation,
                suggestion=finding.suggestion,
                source=finding.source,
                category=finding.category,
                confidence=finding.confidence,
            )
        )
    return reply(schemas.TextFindings(findings=found))
