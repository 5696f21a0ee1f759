"""Adding a user: name, email address, role and team."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import RadioField, SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from parent_partners.vocabulary import ROLES


class UserForm(FlaskForm):
    """A new account; its first password is made up by the service and shown once."""

    name = StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the person's full name"),
            Length(max=120, message="The name must be 120 characters or fewer"),
        ],
    )
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the person's email address"),
            Length(max=254, message="The email address must be 254 characters or fewer"),
        ],
    )
    role = RadioField(
        "Role",
        choices=ROLES,
        widget=GovRadioInput(),
        validators=[InputRequired(message="Choose the person's role")],
    )
    team_id = SelectField(
        "Team",
        description="Practitioners and team managers belong to a team",
        coerce=int,
        widget=GovSelect(),
    )
    submit = SubmitField("Add user", widget=GovSubmitInput())
