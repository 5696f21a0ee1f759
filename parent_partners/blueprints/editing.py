"""What the record pages share: finding the record on an editable case, stale-edit replies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from parent_partners.extensions import db
from parent_partners.forms.common import show_problems
from parent_partners.identity import actor
from parent_partners.models import Case
from parent_partners.operations import idempotency
from parent_partners.operations.validation import RecordInvalid
from parent_partners.operations.versioning import StaleEditError
from parent_partners.scoping import editable_case_for

R = TypeVar("R")

STALE_MESSAGE = (
    "Someone else saved changes to this record after you opened it. Your changes have not been "
    "saved. What you typed is below: compare it with the latest version, then save again."
)


def record_on_case(model: type[R], case_id: int, record_id: int) -> tuple[Case, R]:
    """Return the editable case and one of its records; 404 if the record is not on it."""
    case = editable_case_for(actor(), case_id)
    record = db.session.get(model, record_id)
    if (
        record is None
        or getattr(record, "case_id", None) != case.id
        or getattr(record, "archived_at", None) is not None
    ):
        abort(404)
    return case, record


def stale_reply(
    template: str, form: FlaskForm, current_version: int, **context: Any
) -> tuple[str, int]:
    """Re-show the form with what was typed, refusing the stale save (409 Conflict)."""
    form.version.data = current_version
    form.form_errors.append(STALE_MESSAGE)
    return render_template(template, form=form, stale=True, **context), 409


def save_edit(
    form: FlaskForm,
    record: Any,
    save: Callable[[int], object],
    *,
    template: str,
    message: str,
    anchor: str,
    **context: Any,
) -> Response | tuple[str, int]:
    """Save an edit made from ``form`` with ``save(seen_version)``; refuse it if stale.

    On success, back to the case page at ``anchor`` with ``message``; when someone
    else saved first, the form again with what was typed and a 409.
    """
    try:
        save(form.version.data or 0)
    except StaleEditError:
        return stale_reply(template, form, record.version, **context)
    except RecordInvalid as invalid:
        show_problems(form, invalid.problems)
        return render_template(template, form=form, **context), 200
    flash(message, "success")
    return redirect(url_for("partners.cases.show", case_id=record.case_id, _anchor=anchor))


ALREADY_SAVED = "You had already saved this. Here it is: it was saved once."


def save_once(form: FlaskForm, save: Callable[[], str | None]) -> Response | None:
    """Save with ``save()`` (it returns where to go next, or None if it did not save) once
    for the form's idempotency key: sent again, it goes to where the first save landed.

    Returns the redirect, or None when nothing was saved (show the form again).
    """
    field = getattr(form, "idempotency_key", None)
    raw = field.data if field is not None else None
    key_value = raw if isinstance(raw, str) and idempotency.usable(raw) else ""
    user_id = actor().id
    if key_value:
        earlier = idempotency.claim(user_id, key_value)
        if earlier is not None:
            flash(ALREADY_SAVED, "success")
            return redirect(earlier.location or url_for("partners.cases.index"))
    try:
        location = save()
    except RecordInvalid as invalid:  # a rule only the case can tell (a date before birth)
        show_problems(form, invalid.problems)
        location = None
    if key_value:
        if location is None:
            idempotency.release(user_id, key_value)
        else:
            idempotency.complete(user_id, key_value, location=location)
    return redirect(location) if location is not None else None


def checked(value: bool) -> str:
    """Map a stored boolean to the yes/no radio value."""
    return "yes" if value else "no"
