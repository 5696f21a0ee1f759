"""Who a user is in the service; permissions follow from the role (``permissions.py``)."""

from __future__ import annotations

from parent_partners.vocabulary.choices import Choices

ROLES: Choices = [
    ("practitioner", "Practitioner"),
    ("manager", "Team manager"),
    ("principal", "Principal social worker"),
    ("admin", "Administrator"),
]

# The roles that belong to a team and hold its cases (allocated workers, team figures).
TEAM_ROLES = ("practitioner", "manager")
