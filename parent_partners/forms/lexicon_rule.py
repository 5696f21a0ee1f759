"""Adding a rule to the blame lexicon."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length


class RuleForm(FlaskForm):
    """A new rule: what wording to flag, who it blames, what to say instead, and why."""

    rule_id = StringField(
        "Rule id",
        description="Lower-case letters, digits and underscores, for example: child_lured_label",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter a rule id"), Length(max=80)],
    )
    kind = RadioField(
        "Who does the wording blame?",
        choices=[("child_blame", "The child"), ("parent_blame", "A parent or carer")],
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select who the wording blames")],
    )
    patterns = TextAreaField(
        "Wording to flag, one pattern a line",
        description=(
            "Words as written. Add ~ to a word to match its other forms (put~ matches puts, "
            "putting); _{0,3} allows up to three words in between."
        ),
        widget=GovTextArea(),
        validators=[InputRequired(message="Enter at least one pattern"), Length(max=4000)],
    )
    suggestion = TextAreaField(
        "What to write instead",
        widget=GovTextArea(),
        validators=[InputRequired(message="Enter what to write instead"), Length(max=1000)],
    )
    note = TextAreaField(
        "Why this wording is a problem, in one sentence",
        widget=GovTextArea(),
        validators=[InputRequired(message="Enter why this wording is a problem"), Length(max=500)],
    )
    source = StringField(
        "Published guidance it rests on",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the source"), Length(max=300)],
    )
    submit = SubmitField("Add rule", widget=GovSubmitInput())
