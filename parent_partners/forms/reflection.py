"""The individual reflection form: one question per principle, and what to take to supervision."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length

from parent_partners.principles import PRINCIPLES


class ReflectionBase(FlaskForm):
    """What to take to supervision; the principles' questions are added below."""

    to_supervision = TextAreaField(
        "What you want to take to supervision (optional)",
        widget=GovTextArea(),
        validators=[Length(max=6000)],
    )
    submit = SubmitField("Save reflection", widget=GovSubmitInput())


def reflection_form(**kwargs: Any) -> Any:
    """The reflection form, one free-text answer per principle, all optional."""
    fields = {
        f"principle_{p.number}": TextAreaField(
            f"{p.number}. {p.name}",
            description="Where do you see this principle in your own work, what gets in the "
            "way, and what will you try next?",
            widget=GovTextArea(),
            validators=[Length(max=6000)],
        )
        for p in PRINCIPLES
    }
    return type("ReflectionForm", (ReflectionBase,), fields)(**kwargs)
