"""Forms for parents and carers, involvements and child consultations."""

from __future__ import annotations

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from parent_partners.forms.common import (
    CountedTextArea,
    GovDateField,
    MultiCheckboxField,
    VersionedForm,
    required_date,
    show_problems,
)
from parent_partners.operations.record_inputs import CarerInput, ConsultationInput, InvolvementInput
from parent_partners.vocabulary import (
    CHILD_WISHES,
    DECISIONS,
    INVOLVEMENT_KINDS,
    NOT_ASKED_REASONS,
    PARTNERSHIP_LEVELS,
    RELATIONSHIPS,
)

YES_NO = [("yes", "Yes"), ("no", "No")]
LONG_TEXT = 10_000


def _text(label: str, hint: str | None = None, max_length: int = LONG_TEXT) -> TextAreaField:
    return TextAreaField(
        label,
        description=hint or "",
        widget=CountedTextArea(max_length),
        validators=[
            Length(max=max_length, message=f"Keep this to {max_length:,} characters or fewer")
        ],
    )


def _yes_no(label: str, message: str, hint: str | None = None) -> RadioField:
    return RadioField(
        label,
        description=hint or "",
        choices=YES_NO,
        widget=GovRadioInput(),
        validators=[InputRequired(message=message)],
    )


def _one_of(form: Any, field: Any) -> None:
    """Refuse a value that was not offered (an empty answer is left to the form's own rules)."""
    if field.data and field.data not in {value for value, _ in field.choices}:
        raise ValidationError(f"Select one of the options for '{field.label.text}'")


def _optional_choice(label: str, choices: list[tuple[str, str]]) -> RadioField:
    """Radios that may be left empty; whether they must be answered depends on other answers."""
    return RadioField(
        label, choices=choices, widget=GovRadioInput(), validate_choice=False, validators=[_one_of]
    )


class _RecordForm(VersionedForm):
    """A record's form: its fields' own checks, then the record's rules on its input."""

    def to_input(self) -> Any:
        """What was typed, as the operations take it."""
        raise NotImplementedError

    def validate(self, extra_validators: Any = None) -> bool:
        """The fields, then the record rules (``operations/record_inputs.py``), all at once."""
        fields_ok = super().validate(extra_validators)
        return show_problems(self, self.to_input().problems()) and fields_ok


class CarerForm(_RecordForm):
    """A parent or carer, and whether it is safe and appropriate to involve them."""

    name = StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the parent or carer's name"), Length(max=120)],
    )
    relationship = SelectField(
        "Relationship to the child",
        # No relationship is chosen for the practitioner: a preselected "Mother" gets saved unread.
        choices=[("", "Choose the relationship"), *RELATIONSHIPS],
        widget=GovSelect(),
        validators=[InputRequired(message="Select the relationship to the child")],
    )
    parental_responsibility = _yes_no(
        "Do they have parental responsibility?", "Select whether they have parental responsibility"
    )
    communication_needs = _text(
        "Communication needs (optional)",
        "For example a learning need, or a preferred way to talk.",
        2000,
    )
    interpreter_language = StringField(
        "Interpreter language (optional)",
        description="Leave blank if no interpreter is needed.",
        widget=GovTextInput(),
        validators=[Optional(), Length(max=60)],
    )
    safe_to_involve = _yes_no(
        "Is it currently safe and appropriate to involve them?",
        "Select whether it is safe and appropriate to involve them",
        "Say no only with a reason, for example a suspicion that they are harming or exploiting "
        "the child. This is a decision you will review.",
    )
    safe_reason = _text(
        "Reason for the decision",
        "Needed if it is not safe to involve them. Describe what is known, not a judgement.",
        4000,
    )
    safe_review_on = GovDateField("Date to review the decision")
    submit = SubmitField("Save parent or carer", widget=GovSubmitInput())

    def to_input(self) -> CarerInput:
        """What was typed, as the operations take it."""
        return CarerInput(
            name=self.name.data or "",
            relationship_to_child=self.relationship.data,
            parental_responsibility=self.parental_responsibility.data == "yes",
            communication_needs=self.communication_needs.data or "",
            interpreter_language=self.interpreter_language.data or "",
            # Unanswered is not "no": that question has its own message.
            safe_to_involve=self.safe_to_involve.data != "no",
            safe_reason=self.safe_reason.data or "",
            safe_review_on=self.safe_review_on.data,
        )


class InvolvementForm(_RecordForm):
    """One engagement with one or more parents or carers."""

    date = GovDateField("Date of the involvement", validators=required_date)
    carer_ids = MultiCheckboxField(
        "Which parents or carers were involved?",
        coerce=int,
        validators=[DataRequired(message="Select at least one parent or carer")],
    )
    kind = RadioField(
        "Kind of involvement",
        choices=INVOLVEMENT_KINDS,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the kind of involvement")],
    )
    partnership_level = RadioField(
        "How far did the partnership reach?",
        choices=PARTNERSHIP_LEVELS,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select how far the partnership reached")],
    )
    not_involved_reason = _text("If not involved, why not?", None, 4000)
    shares_child_information = _yes_no(
        "Did you share information or plans about the child with them?",
        "Select whether you shared information or plans about the child",
        "The child should have been asked about this first.",
    )
    shared_what = _text("What was shared", None, 4000)
    shared_why = _text("Why it was shared", None, 4000)
    parent_view = _text(
        "The parent or carer's own view, in their words",
        "Record what they said. Their words are shown as they are and are never flagged.",
    )
    strengths = _text(
        "Strengths seen",
        "Strengths and assets of the child, the parents or carers, and the people around them.",
    )
    parent_distress = _yes_no(
        "Did the parent or carer show distress of their own?",
        "Select whether the parent or carer showed distress",
    )
    distress_support = _text("Support offered for their distress", None, 4000)
    actions = _text("Actions agreed, on both sides")
    notes = _text("Your notes")
    submit = SubmitField("Save involvement", widget=GovSubmitInput())

    def to_input(self) -> InvolvementInput:
        """What was typed, as the operations take it."""
        return InvolvementInput(
            date=self.date.data,
            kind=self.kind.data,
            partnership_level=self.partnership_level.data,
            carer_ids=tuple(self.carer_ids.data or ()),
            not_involved_reason=self.not_involved_reason.data or "",
            shares_child_information=self.shares_child_information.data == "yes",
            shared_what=self.shared_what.data or "",
            shared_why=self.shared_why.data or "",
            parent_view=self.parent_view.data or "",
            strengths=self.strengths.data or "",
            parent_distress=self.parent_distress.data == "yes",
            distress_support=self.distress_support.data or "",
            actions=self.actions.data or "",
            notes=self.notes.data or "",
        )


class ConsultationForm(_RecordForm):
    """The child's view on involving particular parents or carers."""

    date = GovDateField("Date of the conversation with the child", validators=required_date)
    carer_ids = MultiCheckboxField(
        "Which parents or carers is it about?",
        coerce=int,
        validators=[DataRequired(message="Select at least one parent or carer")],
    )
    child_asked = _yes_no(
        "Was the child asked?",
        "Select whether the child was asked",
        "If not, you must record why the child was not asked.",
    )
    child_view = _text(
        "The child's view, in their own words",
        "Write what the child said, as they said it. Their words are never flagged.",
    )
    child_wish = _optional_choice("What does the child want?", CHILD_WISHES)
    influence = _text("How the child's view shaped the decision", None, 4000)
    decision = _optional_choice("What was decided about involving them?", DECISIONS)
    override_rationale = _text(
        "If you went ahead against the child's wish, why?",
        "Needed when the child did not agree and you involved them anyway.",
        4000,
    )
    child_told_outcome = _yes_no(
        "Has the child been told the outcome?", "Select whether the child has been told the outcome"
    )
    not_asked_reason = _optional_choice("If the child was not asked, why not?", NOT_ASKED_REASONS)
    not_asked_detail = _text(
        "Details", "For example the child's age and understanding, or when they went missing.", 2000
    )
    submit = SubmitField("Save consultation", widget=GovSubmitInput())

    def to_input(self) -> ConsultationInput:
        """What was typed, as the operations take it."""
        return ConsultationInput(
            date=self.date.data,
            carer_ids=tuple(self.carer_ids.data or ()),
            # Unanswered is not "no": that question has its own message.
            child_asked=self.child_asked.data != "no",
            child_view=self.child_view.data or "",
            child_wish=self.child_wish.data or None,
            influence=self.influence.data or "",
            decision=self.decision.data or None,
            override_rationale=self.override_rationale.data or "",
            child_told_outcome=self.child_told_outcome.data == "yes",
            not_asked_reason=self.not_asked_reason.data or None,
            not_asked_detail=self.not_asked_detail.data or "",
        )
