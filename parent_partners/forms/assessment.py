"""Forms for the service self-assessment: ratings and narrative per principle, and actions."""

from __future__ import annotations

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from parent_partners.forms.common import GovDateField, VersionedForm
from parent_partners.principles import PRINCIPLES, SELF_ASSESSMENT_RATINGS


class AssessmentBase(VersionedForm):
    """The assessment's title; the ratings and narratives are added per principle."""

    title = StringField(
        "Name of this assessment",
        description="For example, Annual self-assessment for the safeguarding partnership.",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter a name for this assessment"), Length(max=120)],
    )
    submit = SubmitField("Save the assessment", widget=GovSubmitInput())


def assessment_form(**kwargs: Any) -> Any:
    """The assessment form: for each principle, a rating and what the evidence tells you."""
    fields: dict[str, Any] = {}
    for principle in PRINCIPLES:
        fields[f"rating_{principle.number}"] = RadioField(
            f"How does the service do against principle {principle.number}?",
            choices=SELF_ASSESSMENT_RATINGS,
            widget=GovRadioInput(),
            validators=[InputRequired(
                message=f"Select a rating for principle {principle.number}"
            )],
        )
        fields[f"narrative_{principle.number}"] = TextAreaField(
            f"What the evidence tells you about principle {principle.number} (optional)",
            widget=GovTextArea(),
            validators=[Length(max=6000)],
        )
    return type("AssessmentForm", (AssessmentBase,), fields)(**kwargs)


class ActionForm(VersionedForm):
    """An action the service will take, against a principle, with an owner and a date."""

    principle = SelectField(
        "Principle",
        choices=[(str(p.number), f"{p.number}. {p.name}") for p in PRINCIPLES],
        widget=GovSelect(),
        validators=[InputRequired(message="Select the principle")],
    )
    action = TextAreaField(
        "What will be done",
        widget=GovTextArea(),
        validators=[InputRequired(message="Enter what will be done"), Length(max=2000)],
    )
    owner = StringField(
        "Who owns it",
        description="A named person or role, for example Head of Service, Exploitation.",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter who owns the action"), Length(max=120)],
    )
    due_on = GovDateField(
        "Date it is due", validators=[InputRequired(message="Enter the date it is due")]
    )
    submit = SubmitField("Add action", widget=GovSubmitInput())
