"""Pages about the service itself: the accessibility statement."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

from parent_partners.permissions import public

bp = Blueprint("about", __name__)

# When the statement was last reviewed, and how (update both when it is reviewed again).
STATEMENT_PREPARED = "27 November 2026"


@bp.get("/accessibility")
@public
def accessibility() -> str:
    """The accessibility statement, open to everyone (linked from every page's footer)."""
    return render_template(
        "parent_partners/about/accessibility.html",
        prepared=STATEMENT_PREPARED,
        # Set ACCESSIBILITY_CONTACT to the e-mail address of the council's service desk.
        contact=current_app.config.get("ACCESSIBILITY_CONTACT", ""),
    )
