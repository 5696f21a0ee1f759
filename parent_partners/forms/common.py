"""Fields and validators shared by the record forms."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovCheckboxesInput, GovDateInput
from wtforms import DateField, HiddenField, IntegerField, SelectMultipleField
from wtforms.validators import InputRequired, StopValidation, ValidationError
from wtforms.widgets import HiddenInput


class GovDateField(DateField):
    """A GOV.UK three-box date (day, month, year) with messages people understand."""

    widget = GovDateInput()

    def __init__(self, label: str, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%d %m %Y")
        super().__init__(label, **kwargs)

    def process_formdata(self, valuelist: list[Any]) -> None:
        """Parse day, month and year; say which part is wrong."""
        if not valuelist or not any(part.strip() for part in valuelist):
            # Nothing typed: the widget then shows empty boxes rather than unpacking [].
            self.raw_data = None
            self.data = None
            return
        parts = [part.strip() for part in valuelist]
        if len(parts) != 3 or not all(parts):
            # Shown again in the three boxes, however many parts were sent.
            self.raw_data = [*parts[:3], *[""] * (3 - len(parts[:3]))]
            self.data = None
            raise ValueError(f"{self.label.text} must include a day, month and year")
        try:
            day, month, year = (int(part) for part in parts)
            self.data = date(year, month, day)
        except (ValueError, OverflowError) as error:
            self.data = None
            raise ValueError(f"{self.label.text} must be a real date") from error
        if year < 1900:
            raise ValueError(f"{self.label.text} must include a 4-digit year, like 2026")

    def pre_validate(self, form: Any) -> None:
        """Keep the parsing error: "required" validators would otherwise replace it."""
        if self.process_errors:
            raise StopValidation()


class MultiCheckboxField(SelectMultipleField):
    """A group of GOV.UK checkboxes."""

    widget = GovCheckboxesInput()

    def pre_validate(self, form: Any) -> None:
        """Reject values that were not offered."""
        offered = {str(value) for value, *_ in self.iter_choices()}
        for value in self.data or []:
            if str(value) not in offered:
                raise ValidationError(f"{value!r} is not one of the choices")


def new_idempotency_key() -> str:
    """A fresh key for a form that saves something (see ``operations/idempotency.py``)."""
    return secrets.token_urlsafe(18)


class OnceForm(FlaskForm):
    """A form that saves once however often it is sent: it carries a key in a hidden field."""

    idempotency_key = HiddenField(default=new_idempotency_key)


class VersionedForm(OnceForm):
    """A form for editing a versioned record: it carries the version it was opened at."""

    version = IntegerField(widget=HiddenInput(), default=1)


def show_problems(form: FlaskForm, problems: list[tuple[str, str]]) -> bool:
    """Put the record rules' messages on the form's fields; True if there were none.

    A field that already has an error keeps it alone: one message per field.
    """
    for name, message in problems:
        field = getattr(form, name, None)
        if field is None:
            form.form_errors.append(message)
        elif not field.errors:
            field.errors = [*field.errors, message]
    return not problems


def not_in_future(form: Any, field: Any) -> None:
    """Refuse dates after today."""
    if field.data and field.data > date.today():
        raise ValidationError(f"{field.label.text} must be today or in the past")


required_date = [InputRequired(message="Enter the date"), not_in_future]

__all__ = [
    "GovDateField",
    "HiddenField",
    "MultiCheckboxField",
    "OnceForm",
    "VersionedForm",
    "not_in_future",
    "required_date",
    "show_problems",
]


class CountedTextArea(GovCharacterCount):
    """A GOV.UK character count: the limit shows while typing, not only once it is exceeded."""

    def __init__(self, max_length: int) -> None:
        super().__init__()
        self.max_length = max_length

    def map_gov_params(self, field: Any, **kwargs: Any) -> dict[str, Any]:
        """Add the limit to the macro's parameters."""
        params: dict[str, Any] = super().map_gov_params(field, **kwargs)
        params.setdefault("maxlength", self.max_length)
        return params
