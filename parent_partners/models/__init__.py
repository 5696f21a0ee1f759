"""Database models. The schema itself lives in ``migrations/``; these map onto it."""

from parent_partners.models.audit import AuditEvent
from parent_partners.models.case import Carer, Case
from parent_partners.models.flag import Flag
from parent_partners.models.history import RecordVersion
from parent_partners.models.lexicon import LexiconRule
from parent_partners.models.people import Team, User
from parent_partners.models.records import (
    Consultation,
    Involvement,
    consultation_carers,
    involvement_carers,
)

__all__ = [
    "AuditEvent",
    "Carer",
    "Case",
    "Consultation",
    "Flag",
    "Involvement",
    "LexiconRule",
    "RecordVersion",
    "Team",
    "User",
    "consultation_carers",
    "involvement_carers",
]
