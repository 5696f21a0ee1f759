"""Recording and changing feedback from a child, parent or carer on their case."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.editing import checked, record_on_case, save_edit
from parent_partners.blueprints.voice.views import bp
from parent_partners.forms.feedback import feedback_form
from parent_partners.identity import actor
from parent_partners.models import Case, Feedback
from parent_partners.operations.feedback import case_feedback, edit_feedback, record_feedback
from parent_partners.permissions import Permission, requires
from parent_partners.principles import BY_NUMBER, FEEDBACK_SCALE, RESPONDENTS, questions_for
from parent_partners.scoping import can_edit, editable_case_for

TEMPLATE = "parent_partners/voice/feedback_form.html"
SCALE_LABELS = dict(FEEDBACK_SCALE)


def _form(case: Case, respondent: str, feedback: Feedback | None = None) -> Any:
    carers = [(c.id, c.name) for c in case.carers if c.archived_at is None]
    if request.method != "GET" or feedback is None:
        return feedback_form(respondent, carers)
    form = feedback_form(respondent, carers, obj=feedback)
    form.share_beyond_case.data = checked(feedback.share_beyond_case)
    for question in questions_for(respondent):
        answer = feedback.answers.get(question.key)
        form[question.key].data = "skip" if answer is None else str(answer)
    return form


def _values(form: Any, respondent: str) -> dict[str, Any]:
    return {
        "date": form.date.data,
        "respondent": respondent,
        "carer_id": form.carer_id.data if respondent == "carer" else None,
        "answers": {q.key: form[q.key].data for q in questions_for(respondent)},
        "own_words": form.own_words.data or "",
        "share_beyond_case": form.share_beyond_case.data == "yes",
    }


@bp.route("/cases/<int:case_id>/feedback/new", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def new_feedback(case_id: int) -> str | Response:
    """Record how the work feels to the child, or to one of their parents or carers."""
    case = editable_case_for(actor(), case_id)
    respondent = request.args.get("from", "child")
    if respondent not in dict(RESPONDENTS):
        abort(404)
    form = _form(case, respondent)
    if form.validate_on_submit():
        record_feedback(case, actor(), _values(form, respondent))
        flash("Feedback saved.", "success")
        return redirect(url_for("partners.cases.show", case_id=case.id, _anchor="feedback"))
    return render_template(
        TEMPLATE, form=form, case=case, feedback=None, respondent=respondent,
        questions=questions_for(respondent),
    )


@bp.route("/cases/<int:case_id>/feedback/<int:feedback_id>/edit", methods=["GET", "POST"])
@requires(Permission.EDIT_CASES)
def edit_feedback_page(case_id: int, feedback_id: int) -> str | Response | tuple[str, int]:
    """Change feedback; a save based on an old version is refused and the earlier one kept."""
    case, feedback = record_on_case(Feedback, case_id, feedback_id)
    respondent = feedback.respondent
    form = _form(case, respondent, feedback)
    context = {
        "case": case, "feedback": feedback, "respondent": respondent,
        "questions": questions_for(respondent),
    }
    if form.validate_on_submit():
        return save_edit(
            form,
            feedback,
            lambda seen: edit_feedback(feedback, actor(), _values(form, respondent), seen),
            template=TEMPLATE,
            message="Feedback updated.",
            anchor="feedback",
            **context,
        )
    return render_template(TEMPLATE, form=form, **context)


@bp.app_template_global("case_feedback")
def case_feedback_for_page(case: Case) -> dict[str, Any]:
    """What the case page's feedback section shows: the feedback, and whether it may change."""
    return {
        "items": case_feedback(case),
        "editable": can_edit(actor(), case),
        "scale": SCALE_LABELS,
        "questions": {"child": questions_for("child"), "carer": questions_for("carer")},
    }


@bp.app_template_global("principle_name")
def principle_name(number: int) -> str:
    """A principle's name from its number."""
    return BY_NUMBER[number].name
