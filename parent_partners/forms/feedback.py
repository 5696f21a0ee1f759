"""The feedback form: one scale per statement, their own words, and their consent to share."""

from __future__ import annotations

from typing import Any

from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextArea
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from parent_partners.forms.common import GovDateField, VersionedForm, required_date
from parent_partners.principles import FEEDBACK_SCALE, questions_for

YES_NO = [("yes", "Yes"), ("no", "No")]


class FeedbackBase(VersionedForm):
    """The fields every feedback form has; the statements are added per respondent."""

    date = GovDateField("Date you talked", validators=required_date)
    own_words = TextAreaField(
        "Anything they want to say, in their own words (optional)",
        description="Write what they said, as they said it. It is kept as their voice and is "
        "not checked for wording.",
        widget=GovTextArea(),
        validators=[Length(max=4000)],
    )
    share_beyond_case = RadioField(
        "Did they agree that their words may be read beyond this case, without their name?",
        description="Say yes only if they agreed. Their words then help the service learn, "
        "in views that show no names and no small numbers.",
        choices=YES_NO,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select whether they agreed to share their words")],
    )
    submit = SubmitField("Save feedback", widget=GovSubmitInput())


def feedback_form(respondent: str, carers: list[tuple[int, str]], **kwargs: Any) -> Any:
    """A feedback form for a child (``"child"``) or a parent or carer (``"carer"``)."""
    fields: dict[str, Any] = {}
    if respondent == "carer":
        fields["carer_id"] = RadioField(
            "Whose feedback is this?",
            choices=carers,
            coerce=int,
            widget=GovRadioInput(),
            validators=[InputRequired(message="Select the parent or carer")],
        )
    for number, question in enumerate(questions_for(respondent), start=1):
        fields[question.key] = RadioField(
            question.text,
            choices=FEEDBACK_SCALE,
            widget=GovRadioInput(),
            validators=[
                InputRequired(
                    message=f"Select how true statement {number} is for them, or "
                    "\u2018I\u2019d rather not say\u2019"
                )
            ],
        )
    form_class = type(f"{respondent.title()}FeedbackForm", (FeedbackBase,), fields)
    return form_class(**kwargs)
