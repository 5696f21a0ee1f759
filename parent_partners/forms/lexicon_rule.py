"""Adding or changing a rule of the blame lexicon, with the sentences it must and must not flag."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

SUBJECTS = {"child": ["child", "unknown"], "parent": ["parent"], "anyone": []}


def _patterns_field(label: str, description: str) -> TextAreaField:
    """An optional box of patterns, one a line."""
    return TextAreaField(
        label, description=description, widget=GovTextArea(), validators=[Length(max=2000)]
    )


def _examples_field(label: str, description: str, missing: str) -> TextAreaField:
    """A required box of example sentences, one a line."""
    return TextAreaField(
        label,
        description=description,
        widget=GovTextArea(),
        validators=[InputRequired(message=missing), Length(max=4000)],
    )


def lines(value: str | None) -> list[str]:
    """The non-blank lines of a text box, trimmed."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


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
    subject = RadioField(
        "Who must the wording be about?",
        choices=[
            ("child", "The child (or nobody named before the words)"),
            ("parent", "A parent or carer"),
            ("anyone", "Anyone"),
        ],
        default="child",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select who the wording must be about")],
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
    exclude_next = _patterns_field(
        "Not when followed by (optional)",
        "Words right after the wording that make it innocent, one pattern a line: "
        "for dealing~, the word with (dealing with a loss).",
    )
    exclude_prev = _patterns_field(
        "Not when straight after (optional)",
        "Words right before the wording that make it innocent, one pattern a line.",
    )
    unless_sentence = _patterns_field(
        "Not in a sentence containing (optional)",
        "Words anywhere in the sentence that make it innocent, one pattern a line.",
    )
    should_flag = _examples_field(
        "Sentences the rule must flag, one a line",
        "Blaming sentences as a practitioner might write them.",
        "Enter at least one sentence the rule must flag",
    )
    should_not_flag = _examples_field(
        "Sentences the rule must not flag, one a line",
        "The same words used innocently: negated, quoted from the child or parent, "
        "or about someone else.",
        "Enter at least one sentence the rule must not flag",
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


class EditRuleForm(RuleForm):
    """An administrator's rule changed: every field but its id, which flags already carry."""

    rule_id = None
    submit = SubmitField("Save rule", widget=GovSubmitInput())


def _subject_choice(subject: Any) -> str:
    """The form's answer for a saved subject; a rule saved without one applies to anyone."""
    for choice, roles in SUBJECTS.items():
        if list(subject or []) == roles:
            return choice
    return "anyone"


def form_data(definition: dict[str, Any]) -> dict[str, Any]:
    """A saved rule's definition as the edit form's fields, one item a line."""

    def joined(name: str) -> str:
        return "\n".join(definition.get(name) or [])

    suggestions = definition.get("suggestions") or [""]
    return {
        "kind": definition.get("kind"),
        "subject": _subject_choice(definition.get("subject")),
        "patterns": joined("patterns"),
        "exclude_next": joined("exclude_next"),
        "exclude_prev": joined("exclude_prev"),
        "unless_sentence": joined("unless_sentence"),
        "should_flag": joined("should_flag"),
        "should_not_flag": joined("should_not_flag"),
        "suggestion": suggestions[0],
        "note": definition.get("note", ""),
        "source": definition.get("source", ""),
    }
