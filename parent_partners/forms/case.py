"""Opening a case."""

from __future__ import annotations

from datetime import date

from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from parent_partners.forms.common import GovDateField, MultiCheckboxField, OnceForm, not_in_future
from parent_partners.operations.record_inputs import CaseInput
from parent_partners.vocabulary import CONTEXTS, ETHNICITIES, GENDERS, HARM_TYPES


class CaseForm(OnceForm):
    """The child's details, the harm and its contexts, and who holds the case."""

    child_name = StringField(
        "Child's name",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the child's name"), Length(max=120)],
    )
    reference = StringField(
        "Case reference (optional)",
        description="The reference in your case management system. Leave blank to have one made.",
        widget=GovTextInput(),
        validators=[Optional(), Length(max=32)],
    )
    child_dob = GovDateField(
        "Date of birth",
        description="For example, 27 3 2011",
        validators=[DataRequired(message="Enter the child's date of birth"), not_in_future],
    )
    gender = RadioField(
        "Gender",
        choices=GENDERS,
        default="not_recorded",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the child's gender")],
    )
    ethnicity = SelectField(
        "Ethnicity, as recorded", choices=ETHNICITIES, default="not_recorded", widget=GovSelect()
    )
    communication_needs = TextAreaField(
        "Communication needs (optional)",
        description=(
            "For example a first language other than English, an interpreter, or a learning need."
        ),
        widget=GovTextArea(),
        validators=[Length(max=2000)],
    )
    harm_types = MultiCheckboxField(
        "Harm the child is experiencing or at risk of",
        choices=HARM_TYPES,
        validators=[DataRequired(message="Select at least one type of harm")],
    )
    contexts = MultiCheckboxField(
        "Where the harm happens (contexts)",
        description="Select all that apply, so the response can target the places and spaces.",
        choices=CONTEXTS,
    )
    worker_id = SelectField(
        "Allocated worker",
        coerce=int,
        widget=GovSelect(),
        validate_choice=False,
        validators=[InputRequired(message="Select the allocated worker")],
    )
    opened_on = GovDateField(
        "Date the case was opened",
        validators=[DataRequired(message="Enter the date the case was opened"), not_in_future],
    )
    submit = SubmitField("Open case", widget=GovSubmitInput())

    def to_input(self, team_id: int) -> CaseInput:
        """What was typed, as ``cases.open_case`` takes it, for a case of ``team_id``."""
        return CaseInput(
            team_id=team_id,
            worker_id=self.worker_id.data,
            child_name=self.child_name.data or "",
            reference=self.reference.data or "",
            child_dob=self.child_dob.data,
            gender=self.gender.data or "not_recorded",
            ethnicity=self.ethnicity.data or "not_recorded",
            communication_needs=self.communication_needs.data or "",
            harm_types=tuple(self.harm_types.data or ()),
            contexts=tuple(self.contexts.data or ()),
            opened_on=self.opened_on.data or date.today(),
        )
