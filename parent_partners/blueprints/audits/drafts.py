"""Case audits as a GOV.UK task list: start a draft, save each section (complete or not),
submit the whole audit once nothing is missing."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from parent_partners.blueprints.audits.views import _context, _date_from, _errors_summary, bp
from parent_partners.identity import actor
from parent_partners.models import CaseAudit
from parent_partners.operations import audit_drafts as drafts
from parent_partners.operations import case_audits as ops
from parent_partners.permissions import Permission, requires
from parent_partners.principles import BY_NUMBER
from parent_partners.scoping import editable_case_for

DRAFT_SAVED = "Your answers have been saved. You can come back and finish the audit later."


@bp.post("/cases/<int:case_id>/audits/draft")
@requires(Permission.AUDIT_CASES)
def start(case_id: int) -> BaseResponse | tuple[str, int]:
    """Begin (or go back to) your draft audit of the case, and open its task list."""
    user = actor()
    case = editable_case_for(user, case_id)
    try:
        record = drafts.start(case, user)
    except ops.AuditConflict as refused:
        return render_template(
            "parent_partners/audits/start.html",
            **_context(case=case, refused=next(iter(refused.errors.values()))),
        ), 403
    return redirect(url_for("partners.audits.task_list", audit_id=record.id))


def _task_list(record: CaseAudit, error_list: list[dict[str, str]] | None = None) -> str:
    tasks = drafts.tasks(record)
    return render_template(
        "parent_partners/audits/task_list.html",
        **_context(
            audit=record,
            tasks=tasks,
            done=sum(task.status == drafts.COMPLETED for task in tasks if not task.hint),
            required=sum(1 for task in tasks if not task.hint),
            error_list=error_list or [],
        ),
    )


@bp.get("/audits/<int:audit_id>/draft")
@requires(Permission.AUDIT_CASES)
def task_list(audit_id: int) -> str:
    """The draft's sections, each with its status, and the button to submit it."""
    return _task_list(drafts.draft_for(actor(), audit_id))


@bp.post("/audits/<int:audit_id>/draft/submit")
@requires(Permission.AUDIT_CASES)
def submit(audit_id: int) -> str | BaseResponse | tuple[str, int]:
    """Submit the audit to the worker, or list (linked) every part still missing."""
    user = actor()
    record = drafts.draft_for(user, audit_id)
    gaps = drafts.missing(record)
    if gaps:
        return _task_list(
            record,
            [
                {"text": message, "href": url_for("partners.audits.section", audit_id=record.id,
                                                  key=key)}
                for key, message in gaps
            ],
        ), 400
    try:
        drafts.submit(record, user)
    except ops.AuditConflict as refused:
        return _task_list(record, _errors_summary(refused.errors)), 403
    flash("Audit graded. The worker has been asked to respond.", "success")
    return redirect(url_for("partners.audits.show", audit_id=record.id))


@bp.route("/audits/<int:audit_id>/draft/<key>", methods=["GET", "POST"])
@requires(Permission.AUDIT_CASES)
def section(audit_id: int, key: str) -> str | BaseResponse | tuple[str, int]:
    """One section: a principle's grade and evidence, the findings, or the actions.

    "Save and continue" checks the section and says what is missing (keeping what was
    entered); "Save as draft" keeps it as it is. Either way nothing typed is lost.
    """
    record = drafts.draft_for(actor(), audit_id)
    number = _principle_number(key)
    if number is None and key not in ("findings", "actions"):
        abort(404)
    errors: dict[str, str] = {}
    form = request.form if request.method == "POST" else _saved(record, key, number)
    if request.method == "POST":
        checking = request.form.get("save") != "draft"
        try:
            errors = _save(record, key, number, checking)
        except ops.AuditError as refused:
            errors = refused.errors
        if not errors:
            if not checking:
                flash(DRAFT_SAVED, "success")
            return redirect(url_for("partners.audits.task_list", audit_id=record.id))
    page = render_template(
        "parent_partners/audits/section.html",
        **_context(
            audit=record, key=key, principle=BY_NUMBER.get(number) if number else None,
            form=form, errors=errors, error_list=_errors_summary(errors),
            action_rows=range(3),
        ),
    )
    return (page, 400) if errors else page


def _principle_number(key: str) -> int | None:
    """The principle a section key names ("principle-3"), or None; 404 for no such principle."""
    if not key.startswith("principle-"):
        return None
    digits = key.removeprefix("principle-")
    # isascii: "²" and other digits int() refuses are no principle, not a server error.
    if not (digits.isascii() and digits.isdigit()) or int(digits) not in BY_NUMBER:
        abort(404)
    return int(digits)


def _save(record: CaseAudit, key: str, number: int | None, checking: bool) -> dict[str, str]:
    """Keep the section's answers; return what it still needs when ``checking``."""
    form = request.form
    if number is not None:
        grade, evidence = form.get(f"grade-{number}", ""), form.get(f"evidence-{number}", "")
        drafts.save_principle(record, number, grade, evidence)
        return ops.principle_problems(number, grade, evidence) if checking else {}
    if key == "findings":
        drafts.save_findings(record, form.get("findings", ""))
        return {"findings": "Enter your findings"} if checking and not \
            form.get("findings", "").strip() else {}
    actions = []
    for index in range(ops.MAX_ACTIONS):
        due, typed = _date_from(f"action-{index}-due")
        actions.append(ops.ActionInput(form.get(f"action-{index}-text", ""), due, typed))
    drafts.save_actions(record, actions)
    return {}


def _saved(record: CaseAudit, key: str, number: int | None) -> dict[str, str]:
    """The section's saved answers in the form's field names, to fill the page."""
    if number is not None:
        grade = next((g for g in record.grades if g.principle == number), None)
        return {
            f"grade-{number}": grade.grade if grade else "",
            f"evidence-{number}": grade.evidence if grade else "",
        }
    if key == "findings":
        return {"findings": record.findings}
    values: dict[str, str] = {}
    for index, action in enumerate(record.actions):
        values[f"action-{index}-text"] = action.text
        for part, value in zip(("day", "month", "year"), (action.due_on.day,
                               action.due_on.month, action.due_on.year), strict=True):
            values[f"action-{index}-due-{part}"] = str(value)
    return values
