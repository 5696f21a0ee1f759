"""A consultation with the child: their wish, the decision taken, why they were not asked."""

from __future__ import annotations

from parent_partners.vocabulary.choices import Choices

CHILD_WISHES: Choices = [
    ("agrees", "Agrees"),
    ("agrees_with_conditions", "Agrees, with conditions"),
    ("does_not_agree", "Does not agree"),
    ("undecided", "Undecided"),
]

DECISIONS: Choices = [
    ("proceed", "We went ahead with involving them"),
    ("not_proceed", "We did not involve them"),
    ("pending", "No decision yet"),
]

NOT_ASKED_REASONS: Choices = [
    ("immediate_safeguarding", "Immediate safeguarding action was needed"),
    ("child_missing", "The child was missing or could not be reached"),
    ("too_young", "The child is too young or lacks understanding"),
]
