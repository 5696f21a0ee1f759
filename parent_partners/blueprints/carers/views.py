"""Adding and editing parents and carers."""

from __future__ import annotations

from flask import Blueprint, flash, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.editing import checked, record_on_case, save_edit, save_once
from parent_partners.forms.partnership import CarerForm
from parent_partners.identity import actor
from parent_partners.models import Carer
from parent_partners.operations.partnership import add_carer, edit_carer
from parent_partners.permissions import Permission, requires
from parent_partners.scoping import editable_case_for

bp = Blueprint("carers", __name__)

TEMPLATE = "parent_partners/carers/form.html"


@bp.route("/cases/<int:case_id>/carers/new", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def new(case_id: int) -> str | Response:
    """Add a parent or carer to the case."""
    case = editable_case_for(actor(), case_id)
    form = CarerForm()
    if form.validate_on_submit():

        def save() -> str:
            carer = add_carer(case, form.to_input())
            flash(f"{carer.name} added.", "success")
            return url_for("partners.cases.show", case_id=case.id, _anchor="carers")

        saved = save_once(form, save)
        if saved is not None:
            return saved
    return render_template(TEMPLATE, form=form, case=case, carer=None)


@bp.route("/cases/<int:case_id>/carers/<int:carer_id>/edit", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def edit(case_id: int, carer_id: int) -> str | Response | tuple[str, int]:
    """Edit a parent or carer; a save based on an old version is refused."""
    case, carer = record_on_case(Carer, case_id, carer_id)
    form = CarerForm(obj=carer) if request.method == "GET" else CarerForm()
    if request.method == "GET":
        form.relationship.data = carer.relationship_to_child
        form.parental_responsibility.data = checked(carer.parental_responsibility)
        form.safe_to_involve.data = checked(carer.safe_to_involve)
    if form.validate_on_submit():
        return save_edit(
            form,
            carer,
            lambda seen: edit_carer(carer, actor(), form.to_input(), seen_version=seen),
            template=TEMPLATE,
            message=f"{form.name.data} updated.",
            anchor="carers",
            case=case,
            carer=carer,
        )
    return render_template(TEMPLATE, form=form, case=case, carer=carer)
