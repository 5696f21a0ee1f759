"""Logging and editing involvements of parents and carers."""

from __future__ import annotations

from flask import Blueprint, flash, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.editing import checked, record_on_case, save_edit, save_once
from parent_partners.forms.partnership import InvolvementForm
from parent_partners.identity import actor
from parent_partners.models import Case, Involvement
from parent_partners.operations.case_page import open_record_flags
from parent_partners.operations.partnership import edit_involvement, log_involvement
from parent_partners.permissions import Permission, requires
from parent_partners.scoping import editable_case_for

bp = Blueprint("involvements", __name__)

TEMPLATE = "parent_partners/involvements/form.html"


def _form(case: Case, involvement: Involvement | None = None) -> InvolvementForm:
    form = InvolvementForm(obj=involvement) if request.method == "GET" else InvolvementForm()
    form.carer_ids.choices = [(c.id, c.name) for c in case.carers if c.archived_at is None]
    if request.method == "GET" and involvement is not None:
        form.carer_ids.data = [c.id for c in involvement.carers]
        form.shares_child_information.data = checked(involvement.shares_child_information)
        form.parent_distress.data = checked(involvement.parent_distress)
    return form


@bp.route("/cases/<int:case_id>/involvements/new", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def new(case_id: int) -> str | Response:
    """Log an involvement with one or more parents or carers."""
    case = editable_case_for(actor(), case_id)
    form = _form(case)
    if form.validate_on_submit():

        def save() -> str:
            log_involvement(case, actor(), form.to_input())
            flash("Involvement saved.", "success")
            return url_for("partners.cases.show", case_id=case.id, _anchor="timeline")

        saved = save_once(form, save)
        if saved is not None:
            return saved
    return render_template(TEMPLATE, form=form, case=case, involvement=None)


@bp.route("/cases/<int:case_id>/involvements/<int:involvement_id>/edit", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def edit(case_id: int, involvement_id: int) -> str | Response | tuple[str, int]:
    """Edit an involvement; a save based on an old version is refused."""
    case, involvement = record_on_case(Involvement, case_id, involvement_id)
    form = _form(case, involvement)
    if form.validate_on_submit():
        return save_edit(
            form,
            involvement,
            lambda seen: edit_involvement(
                involvement, actor(), form.to_input(), seen_version=seen
            ),
            template=TEMPLATE,
            message="Involvement updated.",
            anchor="timeline",
            case=case,
            involvement=involvement,
            record_flags=open_record_flags("involvement", involvement.id),
        )
    return render_template(
        TEMPLATE,
        form=form,
        case=case,
        involvement=involvement,
        record_flags=open_record_flags("involvement", involvement.id),
    )
