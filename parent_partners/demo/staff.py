"""The demo teams and staff: fixed sign-ins people can use, plus generated colleagues."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select

from parent_partners.demo.names import STAFF_FIRST, STAFF_LAST
from parent_partners.extensions import db
from parent_partners.models import Team, User
from parent_partners.operations.people import create_team, create_user, find_team

DEMO_PASSWORD = "partners-demo-2026"  # noqa: S105 - published demo password, synthetic accounts

NORTH = "North Exploitation Team"
SOUTH = "South Exploitation Team"
HUB = "Missing and Contextual Safeguarding Hub"
TEAM_NAMES = (NORTH, SOUTH, HUB)


@dataclass(frozen=True)
class Account:
    """A fixed demo sign-in."""

    email: str
    name: str
    role: str
    team: str | None


# The sign-ins the README and the summary point people to; fixed whatever the seed.
DEMO_ACCOUNTS = (
    Account("practitioner@example.org", "Sam Okafor", "practitioner", NORTH),
    Account("manager@example.org", "Priya Shah", "manager", NORTH),
    Account("practitioner.south@example.org", "Lewis Grant", "practitioner", SOUTH),
    Account("principal@example.org", "Dr Helen Moore", "principal", None),
    Account("admin@example.org", "Ade Bello", "admin", None),
)
DEMO_PRACTITIONER = DEMO_ACCOUNTS[0].email


@dataclass
class Staff:
    """The teams and the practitioners who can hold cases in each."""

    teams: dict[str, Team] = field(default_factory=dict)
    practitioners: dict[str, list[User]] = field(default_factory=dict)
    lead: User | None = None
    featured: set[int] = field(default_factory=set)  # fixed sign-ins: given bigger caseloads
    created: int = 0


def _ascii(text: str) -> str:
    """Fold a name into the ASCII letters an e-mail local part can safely hold."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def _get_or_create_user(account: Account, team: Team | None, staff: Staff) -> User:
    """Reuse an existing account of that e-mail (a second seed adds cases, not people)."""
    user = db.session.scalar(select(User).where(User.email == account.email))
    if user is not None:
        return user
    staff.created += 1
    return create_user(
        email=account.email,
        name=account.name,
        role=account.role,
        password=DEMO_PASSWORD,
        team=team,
    )


def generated_accounts(rng: random.Random) -> list[Account]:
    """Draw the generated colleagues: 2-3 practitioners per team, managers for South and Hub.

    Kept below 20 users in all whatever the case count, because each password
    hash costs tens of milliseconds by design.
    """
    fixed = {a.email for a in DEMO_ACCOUNTS}
    pairs = [(first, last) for first in STAFF_FIRST for last in STAFF_LAST]
    rng.shuffle(pairs)
    names = iter(pairs)
    used: set[str] = set()

    def next_name() -> tuple[str, str]:
        # Distinct first names and surnames keep "Hannah" or "Walsh" to one person per screen.
        for first, last in names:
            email = f"{_ascii(first)}.{_ascii(last)}@example.org"
            if first not in used and last not in used and email not in fixed:
                used.update((first, last))
                return first, last
        raise RuntimeError("staff name bank exhausted")

    accounts: list[Account] = []
    for team, needs_manager in ((NORTH, False), (SOUTH, True), (HUB, True)):
        roles = (["manager"] if needs_manager else []) + ["practitioner"] * rng.randint(2, 3)
        for role in roles:
            first, last = next_name()
            email = f"{_ascii(first)}.{_ascii(last)}@example.org"
            accounts.append(Account(email, f"{first} {last}", role, team))
    return accounts


def create_staff(rng: random.Random) -> Staff:
    """Create (or find) the three teams, the fixed sign-ins and the generated colleagues."""
    staff = Staff()
    for name in TEAM_NAMES:
        staff.teams[name] = find_team(name) or create_team(name)
        staff.practitioners[name] = []
    for account in (*DEMO_ACCOUNTS, *generated_accounts(rng)):
        team = staff.teams[account.team] if account.team else None
        user = _get_or_create_user(account, team, staff)
        if account.role == "practitioner" and account.team:
            staff.practitioners[account.team].append(user)
            if account in DEMO_ACCOUNTS:
                staff.featured.add(user.id)
        if account.email == DEMO_PRACTITIONER:
            staff.lead = user
    return staff
