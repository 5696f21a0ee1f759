"""Naming a new API token; changing your own password."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from parent_partners.operations.tokens import NAME_MAX


class TokenForm(FlaskForm):
    """What the token is for, so you know which one to revoke later."""

    name = StringField(
        "Name of the token",
        description="Say what will use it, for example: the case-management system",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter a name for the token"),
            Length(max=NAME_MAX, message=f"The name must be {NAME_MAX} characters or fewer"),
        ],
    )
    submit = SubmitField("Create token", widget=GovSubmitInput())


class PasswordForm(FlaskForm):
    """Your current password, then the new one twice."""

    current = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your current password")],
    )
    new = PasswordField(
        "New password",
        description="At least 12 characters. A few unrelated words are easy to remember.",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter a new password")],
    )
    confirm = PasswordField(
        "Confirm the new password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter the new password again")],
    )
    submit = SubmitField("Change password", widget=GovSubmitInput())
