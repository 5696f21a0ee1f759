"""The blame lexicon: see every rule, switch rules off and on, add rules and change them."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.forms.lexicon_rule import SUBJECTS, EditRuleForm, RuleForm, form_data, lines
from parent_partners.identity import actor
from parent_partners.operations.lexicon import (
    LexiconError,
    add_rule,
    added_rule,
    edit_rule,
    rules_overview,
    set_enabled,
)
from parent_partners.permissions import Permission, requires

bp = Blueprint("admin", __name__, url_prefix="/admin")

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
        definition = _definition(form)
        try:
            add_rule(definition, actor())
        except LexiconError as error:
            _show_refusal(form, error)
        else:
            flash(f"Rule {definition['id']} added. {RESCAN_HINT}", "success")
            return redirect(url_for("partners.admin.lexicon"))
    return render_template("parent_partners/admin/rule.html", form=form)


@bp.route("/lexicon/<rule_id>/edit", methods=["GET", "POST"])
@requires(Permission.MANAGE_LEXICON)
def edit(rule_id: str) -> str | Response:
    """Change a rule an administrator added, or give an older one its examples."""
    row = added_rule(rule_id)
    if row is None:
        abort(404)
    form = EditRuleForm(data=form_data(row.definition))
    if form.validate_on_submit():
        try:
            edit_rule(rule_id, _definition(form, every_field=True), actor())
        except LexiconError as error:
            _show_refusal(form, error)
        else:
            flash(f"Rule {rule_id} saved. {RESCAN_HINT}", "success")
            return redirect(url_for("partners.admin.lexicon", _anchor=f"rule-{rule_id}"))
    return render_template("parent_partners/admin/rule.html", form=form, rule_id=rule_id)


def _definition(form: RuleForm, every_field: bool = False) -> dict[str, Any]:
    """The rule as the lexicon holds it (a ``[[rule]]`` of lexicon.toml).

    ``every_field`` keeps emptied exclusions as empty lists, so an edit clears them.
    """
    definition: dict[str, Any] = {
        "id": (form.rule_id.data or "").strip() if form.rule_id else "",
        "kind": form.kind.data,
        "subject": SUBJECTS.get(form.subject.data or "", []),
        "patterns": lines(form.patterns.data),
        "suggestions": lines(form.suggestion.data),
        "note": (form.note.data or "").strip(),
        "source": (form.source.data or "").strip(),
        "should_flag": lines(form.should_flag.data),
        "should_not_flag": lines(form.should_not_flag.data),
    }
    for name in ("exclude_next", "exclude_prev", "unless_sentence"):
        patterns = lines(getattr(form, name).data)
        if patterns or every_field:
            definition[name] = patterns
    return definition


def _show_refusal(form: RuleForm, error: LexiconError) -> None:
    """Put the refusal on the fields it is about, or on the form as a whole."""
    if not error.fields:
        form.form_errors.append(str(error))
    for name, message in error.fields.items():
        getattr(form, name).errors = [message]
