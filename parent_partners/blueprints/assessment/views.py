"""The service self-assessment: evidence, ratings, narrative, actions, print and download."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from parent_partners.blueprints.downloads import download
from parent_partners.blueprints.editing import stale_reply
from parent_partners.forms.assessment import ActionForm, assessment_form
from parent_partners.identity import actor
from parent_partners.models import SelfAssessment
from parent_partners.operations import access_trail, periods
from parent_partners.operations import self_assessment as ops
from parent_partners.operations.evidence import service_evidence
from parent_partners.operations.versioning import StaleEditError
from parent_partners.permissions import Permission, requires
from parent_partners.principles import PRINCIPLES, SELF_ASSESSMENT_RATINGS

bp = Blueprint("assessment", __name__)

RATING_LABELS = dict(SELF_ASSESSMENT_RATINGS)
FORM = "parent_partners/assessment/form.html"


def _answers(form: Any) -> tuple[dict[str, str], dict[str, str]]:
    ratings = {str(p.number): form[f"rating_{p.number}"].data or "" for p in PRINCIPLES}
    narratives = {str(p.number): form[f"narrative_{p.number}"].data or "" for p in PRINCIPLES}
    return ratings, narratives


@bp.get("/self-assessment")
@requires(Permission.ASSESS_SERVICE)
def index() -> str:
    """Every self-assessment, the latest first, and a way to start the next."""
    return render_template(
        "parent_partners/assessment/index.html", assessments=ops.assessments(),
        ratings=RATING_LABELS,
    )


@bp.route("/self-assessment/new", methods=["GET", "POST"])
@requires(Permission.ASSESS_SERVICE)
def new() -> str | Response:
    """Rate the service against each principle, with the evidence for the period beside it."""
    period = periods.Period.from_args(request.args)
    form = assessment_form()
    if form.validate_on_submit():
        ratings, narratives = _answers(form)
        made = ops.start_assessment(actor(), form.title.data, period, ratings, narratives)
        flash("Self-assessment saved. Add the actions it calls for below.", "success")
        return redirect(
            url_for("partners.assessment.show", assessment_id=made.id, _anchor="actions")
        )
    latest = next(iter(ops.assessments()), None)
    return render_template(
        FORM, form=form, assessment=None, period=period, months=periods.month_choices(),
        evidence=ops.evidence_by_principle(
            service_evidence(period), latest.figures if latest else None
        ),
        compared_with=latest,
    )


@bp.route("/self-assessment/<int:assessment_id>/edit", methods=["GET", "POST"])
@requires(Permission.ASSESS_SERVICE)
def edit(assessment_id: int) -> str | Response | tuple[str, int]:
    """Change the ratings and narrative; the evidence stays as it was when saved."""
    assessment = ops.assessment_or_404(assessment_id)
    before = ops.previous_to(assessment)
    if request.method == "GET":
        form = assessment_form(obj=assessment)
        for p in PRINCIPLES:
            form[f"rating_{p.number}"].data = assessment.ratings.get(str(p.number))
            form[f"narrative_{p.number}"].data = assessment.narratives.get(str(p.number), "")
    else:
        form = assessment_form()
    context: dict[str, Any] = {
        "assessment": assessment, "period": None, "compared_with": before,
        "evidence": ops.evidence_by_principle(
            assessment.figures, before.figures if before else None
        ),
    }
    if form.validate_on_submit():
        ratings, narratives = _answers(form)
        try:
            ops.revise_assessment(assessment, actor(), ratings, narratives,
                                  form.version.data or 0)
        except StaleEditError:
            return stale_reply(FORM, form, assessment.version, **context)
        flash("Self-assessment updated.", "success")
        return redirect(url_for("partners.assessment.show", assessment_id=assessment.id))
    return render_template(FORM, form=form, **context)


def _page(assessment: SelfAssessment, template: str, **context: Any) -> str:
    before = ops.previous_to(assessment)
    access_trail.record("self_assessment_viewed", record_type="self_assessment",
                 record_id=assessment.id)
    return render_template(
        template, assessment=assessment, before=before, ratings=RATING_LABELS,
        evidence=ops.evidence_by_principle(
            assessment.figures, before.figures if before else None, assessment, before
        ),
        today=date.today(), **context,
    )


@bp.get("/self-assessment/<int:assessment_id>")
@requires(Permission.ASSESS_SERVICE)
def show(assessment_id: int) -> str | Response:
    """One assessment: evidence and ratings by principle, the change since the last, actions.
    ``?format=csv|xlsx`` downloads its figures."""
    assessment = ops.assessment_or_404(assessment_id)
    kind = request.args.get("format")
    if kind is not None:
        return _download(assessment, kind)
    return _page(assessment, "parent_partners/assessment/show.html", form=ActionForm())


@bp.post("/self-assessment/<int:assessment_id>/actions")
@requires(Permission.ASSESS_SERVICE)
def add_action(assessment_id: int) -> str | Response | tuple[str, int]:
    """Add an action with an owner and a due date."""
    assessment = ops.assessment_or_404(assessment_id)
    form = ActionForm()
    if form.validate_on_submit() and form.due_on.data is not None:
        ops.add_action(assessment, int(form.principle.data), form.action.data, form.owner.data,
                       form.due_on.data)
        flash("Action added.", "success")
        return redirect(url_for("partners.assessment.show", assessment_id=assessment.id,
                                _anchor="actions"))
    return _page(assessment, "parent_partners/assessment/show.html", form=form), 400


@bp.get("/self-assessment/<int:assessment_id>/print")
@requires(Permission.ASSESS_SERVICE)
def print_report(assessment_id: int) -> str:
    """The report for the safeguarding partnership board, laid out for printing."""
    return _page(ops.assessment_or_404(assessment_id), "parent_partners/assessment/print.html")


def _download(assessment: SelfAssessment, kind: str) -> Response:
    if kind not in ("csv", "xlsx"):
        abort(404)
    table = ops.figures_table(assessment, ops.previous_to(assessment))
    access_trail.record("self_assessment_exported", record_type="self_assessment",
                 record_id=assessment.id, data={"format": kind})
    return download(table, kind, f"self-assessment-{assessment.period_end.isoformat()}")
