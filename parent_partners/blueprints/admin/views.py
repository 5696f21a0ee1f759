"""The blame lexicon: see every rule, switch rules off and on, add rules."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.admin import bp
from parent_partners.blueprints.admin.forms import RuleForm
from parent_partners.identity import actor
from parent_partners.operations.lexicon import LexiconError, add_rule, rules_overview, set_enabled
from parent_partners.permissions import Permission, requires

RESCAN_HINT = "Run `flask --app wsgi partners rescan` to re-check existing records."


@bp.get("/lexicon")
@requires(Permission.MANAGE_LEXICON)
def lexicon() -> str:
    """List every rule, packaged and added, with whether it is on."""
    return render_template("parent_partners/admin/lexicon.html", rules=rules_overview())


@bp.post("/lexicon/<rule_id>/switch")
@requires(Permission.MANAGE_LEXICON)
def switch(rule_id: str) -> Response:
    """Switch a rule on or off."""
    enabled = request.form.get("enabled") == "1"
    try:
        set_enabled(rule_id, enabled, actor())
    except LexiconError as error:
        flash(str(error), "error")
    else:
        flash(f"Rule {rule_id} switched {'on' if enabled else 'off'}. {RESCAN_HINT}", "success")
    return redirect(url_for("partners.admin.lexicon", _anchor=f"rule-{rule_id}"))


@bp.route("/lexicon/new", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEXICON)
def new_rule() -> str | Response:
    """Add a rule to the lexicon."""
    form = RuleForm()
    if form.validate_on_submit():
        definition = {
            "id": (form.rule_id.data or "").strip(),
            "kind": form.kind.data,
            "patterns": [
                line.strip() for line in (form.patterns.data or "").splitlines() if line.strip()
            ],
            "suggestions": [(form.suggestion.data or "").strip()],
            "note": (form.note.data or "").strip(),
            "source": (form.source.data or "").strip(),
        }
        try:
            add_rule(definition, actor())
        except LexiconError as error:
            form.form_errors.append(str(error))
        else:
            flash(f"Rule {definition['id']} added. {RESCAN_HINT}", "success")
            return redirect(url_for("partners.admin.lexicon"))
    return render_template("parent_partners/admin/new_rule.html", form=form)
