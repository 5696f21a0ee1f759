"""How far a partnership with a parent or carer reached, from not involved to partner."""

from __future__ import annotations

from parent_partners.vocabulary.choices import Choices

# The ladder of DOMAIN.md, lowest first: the order of figures, charts and table columns.
LEVEL_VALUES = ("not_involved", "informed", "consulted", "involved", "partner")

# The level's name alone, for chart axes and table headings.
SHORT_LABELS = {level: level.replace("_", " ").capitalize() for level in LEVEL_VALUES}

_MEANING = {
    "not_involved": "give the reason",
    "informed": "told what is happening",
    "consulted": "their views were asked",
    "involved": "their views shaped plans, invited to meetings",
    "partner": "joint planning, agreed roles and actions on both sides",
}

# As a form offers them: up the ladder, then "not involved" last, as the exception.
PARTNERSHIP_LEVELS: Choices = [
    (level, f"{SHORT_LABELS[level]} – {_MEANING[level]}")
    for level in (*LEVEL_VALUES[1:], LEVEL_VALUES[0])
]
