"""Recording and editing consultations with the child."""

from __future__ import annotations

from flask import Blueprint, flash, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.editing import checked, record_on_case, save_edit, save_once
from parent_partners.forms.partnership import ConsultationForm
from parent_partners.identity import actor
from parent_partners.models import Case, Consultation
from parent_partners.operations.case_page import open_record_flags
from parent_partners.operations.partnership import (
    edit_consultation,
    record_consultation,
)
from parent_partners.permissions import Permission, requires
from parent_partners.scoping import editable_case_for

bp = Blueprint("consultations", __name__)

TEMPLATE = "parent_partners/consultations/form.html"


def _form(case: Case, consultation: Consultation | None = None) -> ConsultationForm:
    form = ConsultationForm(obj=consultation) if request.method == "GET" else ConsultationForm()
    form.carer_ids.choices = [(c.id, c.name) for c in case.carers if c.archived_at is None]
    if request.method == "GET" and consultation is not None:
        form.carer_ids.data = [c.id for c in consultation.carers]
        form.child_asked.data = checked(consultation.child_asked)
        form.child_told_outcome.data = checked(consultation.child_told_outcome)
    return form


@bp.route("/cases/<int:case_id>/consultations/new", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def new(case_id: int) -> str | Response:
    """Record the child's view on involving parents or carers."""
    case = editable_case_for(actor(), case_id)
    form = _form(case)
    preselected = request.args.get("carer", "")
    # isdecimal() alone takes "²" and other digits int() refuses: ASCII digits only.
    if request.method == "GET" and preselected.isascii() and preselected.isdigit():
        form.carer_ids.data = [int(preselected)]
    if form.validate_on_submit():

        def save() -> str:
            record_consultation(case, actor(), form.to_input())
            flash("Consultation saved.", "success")
            return url_for("partners.cases.show", case_id=case.id, _anchor="timeline")

        saved = save_once(form, save)
        if saved is not None:
            return saved
    return render_template(TEMPLATE, form=form, case=case, consultation=None)


@bp.route("/cases/<int:case_id>/consultations/<int:consultation_id>/edit", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def edit(case_id: int, consultation_id: int) -> str | Response | tuple[str, int]:
    """Edit a consultation; a save based on an old version is refused."""
    case, consultation = record_on_case(Consultation, case_id, consultation_id)
    form = _form(case, consultation)
    if form.validate_on_submit():
        return save_edit(
            form,
            consultation,
            lambda seen: edit_consultation(
                consultation, actor(), form.to_input(), seen_version=seen
            ),
            template=TEMPLATE,
            message="Consultation updated.",
            anchor="timeline",
            case=case,
            consultation=consultation,
            record_flags=open_record_flags("consultation", consultation.id),
        )
    return render_template(
        TEMPLATE,
        form=form,
        case=case,
        consultation=consultation,
        record_flags=open_record_flags("consultation", consultation.id),
    )
