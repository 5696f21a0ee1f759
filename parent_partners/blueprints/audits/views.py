"""Case audits: the list by status, starting an audit (its task list is in drafts.py), the
worker's response, moderation, the printable report and the results as CSV or XLSX."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from parent_partners.blueprints.downloads import download
from parent_partners.identity import actor
from parent_partners.operations import access_trail
from parent_partners.operations import case_audits as ops
from parent_partners.permissions import Permission, requires
from parent_partners.principles import AUDIT_GRADES, AUDIT_STATUSES, PRINCIPLES
from parent_partners.same_site import require_same_site
from parent_partners.scoping import editable_case_for

bp = Blueprint("audits", __name__)

PAGE_SIZE = 50
STATUS_TABS = [s for s in AUDIT_STATUSES if s[0] != "draft"]


def _context(**extra: Any) -> dict[str, Any]:
    return {
        "principles": PRINCIPLES,
        "grades": AUDIT_GRADES,
        "statuses": AUDIT_STATUSES,
        "grade_label": dict(AUDIT_GRADES),
        "status_label": dict(AUDIT_STATUSES),
        **extra,
    }


def _errors_summary(errors: dict[str, str]) -> list[dict[str, str]]:
    return [{"text": message, "href": f"#{key}"} for key, message in errors.items()]


def _date_from(prefix: str) -> tuple[date | None, bool]:
    parts = [request.form.get(f"{prefix}-{p}", "").strip() for p in ("day", "month", "year")]
    if not any(parts):
        return None, False
    try:
        day, month, year = (int(p) for p in parts)
        return date(year, month, day), True
    except ValueError:
        return None, True


def _version() -> int:
    return request.form.get("version", 0, type=int) or 0


@bp.get("/audits")
@requires(Permission.VIEW_AUDITS)
def index() -> str | BaseResponse:
    """Audits by status: waiting for the worker, waiting for moderation, moderated."""
    user = actor()
    status = request.args.get("status") or None
    if status is not None and status not in {s for s, _ in STATUS_TABS}:
        abort(404)
    kind = request.args.get("format")
    if kind is not None:
        if kind not in ("csv", "xlsx"):
            abort(404)
        require_same_site()
        table = ops.results_table(user, status)
        access_trail.record(
            "case_audits_exported",
            summary=f"Downloaded case audit results as {kind.upper()}",
            data={"status": status, "format": kind, "rows": len(table.rows)},
        )
        return download(table, kind, f"case-audits-{status or 'all'}")
    page = max(1, request.args.get("page", 1, type=int) or 1)
    listing = ops.list_audits(user, status=status, page=page, per_page=PAGE_SIZE)
    return render_template(
        "parent_partners/audits/index.html",
        **_context(listing=listing, status=status, tabs=STATUS_TABS),
    )


@bp.get("/cases/<int:case_id>/audits/new")
@requires(Permission.AUDIT_CASES)
def new(case_id: int) -> str | tuple[str, int]:
    """What an audit covers, to start one as a task list of drafts (or go back to the
    manager's draft); the audit itself is written section by section (``drafts``)."""
    user = actor()
    case = editable_case_for(user, case_id)
    conflict = ops.grading_conflict(case, user)
    page = render_template(
        "parent_partners/audits/start.html",
        **_context(case=case, refused=conflict, draft=ops.draft_of(case, user)),
    )
    return (page, 403) if conflict else page


@bp.get("/audits/<int:audit_id>")
@requires(Permission.VIEW_AUDITS)
def show(audit_id: int) -> str | BaseResponse:
    """One audit: the grades and evidence, findings, actions, response and moderation."""
    user = actor()
    record = ops.audit_for(user, audit_id)
    if record.status == "draft":  # only its author sees it, as the task list to finish
        return redirect(url_for("partners.audits.task_list", audit_id=record.id))
    access_trail.record(
        "case_audit_viewed", record_type="case_audit", record_id=record.id, case_id=record.case_id
    )
    return render_template(
        "parent_partners/audits/show.html",
        **_context(
            audit=record,
            can_respond=record.status == "graded" and record.worker_id == user.id,
            can_moderate=record.status == "responded"
            and record.auditor_id != user.id
            and user.role in ("manager", "principal"),
        ),
    )


@bp.get("/audits/<int:audit_id>/print")
@requires(Permission.VIEW_AUDITS)
def print_report(audit_id: int) -> str:
    """The audit as a report to print (or save as PDF from the browser)."""
    record = ops.audit_for(actor(), audit_id)
    access_trail.record(
        "case_audit_viewed",
        record_type="case_audit",
        record_id=record.id,
        case_id=record.case_id,
        data={"printable": True},
    )
    return render_template(
        "parent_partners/audits/print.html", **_context(audit=record, today=date.today())
    )


@bp.route("/audits/<int:audit_id>/respond", methods=["GET", "POST"])
@requires(Permission.VIEW_AUDITS)
def respond(audit_id: int) -> str | BaseResponse:
    """The worker responds to the audit and says which actions are done."""
    user = actor()
    record = ops.audit_for(user, audit_id)
    if record.worker_id != user.id:
        abort(403)
    errors: dict[str, str] = {}
    if request.method == "POST":
        done = {
            int(v) for v in request.form.getlist("done") if v.isascii() and v.isdigit()
        }
        try:
            ops.respond(record, user, request.form.get("response", ""), done, _version())
        except ops.AuditError as error:
            errors = error.errors
        except ops.StaleEditError:
            errors = {"response": "Someone changed this audit since you opened it: check it again"}
        else:
            flash("Response recorded. The audit now goes for moderation.", "success")
            return redirect(url_for("partners.audits.show", audit_id=record.id))
    return render_template(
        "parent_partners/audits/respond.html",
        **_context(audit=record, errors=errors, error_list=_errors_summary(errors),
                   form=request.form),
    )


@bp.route("/audits/<int:audit_id>/moderate", methods=["GET", "POST"])
@requires(Permission.MODERATE_AUDITS)
def moderate(audit_id: int) -> str | BaseResponse | tuple[str, int]:
    """A second manager agrees with the grades, or records a different grade and why."""
    user = actor()
    record = ops.audit_for(user, audit_id)
    errors: dict[str, str] = {}
    conflict = ops.moderation_conflict(record, user)
    if conflict:
        errors = {"agrees": conflict}
    elif request.method == "POST":
        raw = request.form.get("agrees")
        agrees = {"yes": True, "no": False}.get(raw or "")
        different = {
            p.number: (
                request.form.get(f"moderated-{p.number}", ""),
                request.form.get(f"reason-{p.number}", ""),
            )
            for p in PRINCIPLES
        }
        try:
            ops.moderate(
                record,
                user,
                agrees=agrees,
                note=request.form.get("note", ""),
                different=different,
                seen_version=_version(),
            )
        except ops.AuditError as error:
            errors = error.errors
        except ops.StaleEditError:
            errors = {"agrees": "Someone changed this audit since you opened it: check it again"}
        else:
            flash("Moderation recorded.", "success")
            return redirect(url_for("partners.audits.show", audit_id=record.id))
    page = render_template(
        "parent_partners/audits/moderate.html",
        **_context(audit=record, errors=errors, error_list=_errors_summary(errors),
                   form=request.form),
    )
    return (page, 403) if conflict else page
