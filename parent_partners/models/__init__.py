"""Database models. The schema itself lives in ``migrations/``; these map onto it."""

from parent_partners.models.access_trail import AccessEvent
from parent_partners.models.assessment import AssessmentAction, SelfAssessment
from parent_partners.models.case import Carer, Case
from parent_partners.models.case_audit import AuditAction, AuditGrade, CaseAudit
from parent_partners.models.feedback import Feedback
from parent_partners.models.flag import Flag
from parent_partners.models.history import RecordVersion
from parent_partners.models.lexicon import LexiconRule
from parent_partners.models.partnership import (
    Consultation,
    Involvement,
    consultation_carers,
    involvement_carers,
)
from parent_partners.models.people import Team, User
from parent_partners.models.reflection import Reflection
from parent_partners.models.search_key import refresh_search_keys
from parent_partners.models.session import (
    IdempotencyKey,
    ServiceInstance,
    SignInAttempt,
    UserSession,
)
from parent_partners.models.summary import case_month_stats, fairness_rollup, practice_rollup
from parent_partners.models.token import ApiToken

__all__ = [
    "AccessEvent",
    "ApiToken",
    "AssessmentAction",
    "AuditAction",
    "AuditGrade",
    "Carer",
    "Case",
    "CaseAudit",
    "Consultation",
    "Feedback",
    "Flag",
    "IdempotencyKey",
    "Involvement",
    "LexiconRule",
    "RecordVersion",
    "Reflection",
    "SelfAssessment",
    "ServiceInstance",
    "SignInAttempt",
    "Team",
    "User",
    "UserSession",
    "case_month_stats",
    "consultation_carers",
    "fairness_rollup",
    "involvement_carers",
    "practice_rollup",
    "refresh_search_keys",
]
