"""The fixed vocabularies of the domain, one module each, as (value, label) pairs.

Models, SQL, forms, API schemas (one named OpenAPI schema each, ``api/schemas.py``) and charts
all read them from here, so a value is added in one place. Values are stored; labels are
what people read. Keep values stable: they are in the database and in the API.
"""

from __future__ import annotations

from parent_partners.vocabulary.age_bands import AGE_BANDS
from parent_partners.vocabulary.choices import Choices, label, labels, values
from parent_partners.vocabulary.consultation import CHILD_WISHES, DECISIONS, NOT_ASKED_REASONS
from parent_partners.vocabulary.flags import (
    BLAME_KINDS,
    FLAG_KINDS,
    FLAG_STATUSES,
    OPEN_FLAG_STATUSES,
)
from parent_partners.vocabulary.harms import CONTEXTS, HARM_TYPES
from parent_partners.vocabulary.involvement import INVOLVEMENT_KINDS
from parent_partners.vocabulary.partnership import LEVEL_VALUES, PARTNERSHIP_LEVELS
from parent_partners.vocabulary.people import ETHNICITIES, GENDERS, RELATIONSHIPS
from parent_partners.vocabulary.roles import ROLES, TEAM_ROLES

__all__ = [
    "AGE_BANDS",
    "BLAME_KINDS",
    "CHILD_WISHES",
    "CONTEXTS",
    "DECISIONS",
    "ETHNICITIES",
    "FLAG_KINDS",
    "FLAG_STATUSES",
    "GENDERS",
    "HARM_TYPES",
    "INVOLVEMENT_KINDS",
    "LEVEL_VALUES",
    "NOT_ASKED_REASONS",
    "OPEN_FLAG_STATUSES",
    "PARTNERSHIP_LEVELS",
    "RELATIONSHIPS",
    "ROLES",
    "TEAM_ROLES",
    "Choices",
    "label",
    "labels",
    "values",
]
