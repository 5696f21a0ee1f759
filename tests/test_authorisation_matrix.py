"""The authorisation matrix, built from the URL map: every route, as every role and signed out,
against the permission it declares; another team's objects are a 404, pages and API alike.

Nothing here lists the routes: a route added later is requested too. URL parameters are
filled from ``FILLERS`` (an object of the requester's team, and one of another team); a
parameter with no filler gets a number that matches nothing, so the role checks still run
but the other-team check is skipped for that route (and named in the skip report below).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from flask import Flask
from werkzeug.routing import Rule

from parent_partners.extensions import db
from parent_partners.models import Carer, Case, Flag, LexiconRule, Team, User
from parent_partners.operations import cases as case_ops
from parent_partners.operations import partnership, people, tokens
from parent_partners.operations.feedback import record_feedback
from parent_partners.operations.record_inputs import (
    CarerInput,
    CaseInput,
    ConsultationInput,
    InvolvementInput,
)
from parent_partners.permissions import Permission, declared_permission, role_has
from tests.conftest import PASSWORD, PageClient
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

ROLES: list[str | None] = ["practitioner", "manager", "principal", "admin", None]
TEAM_ROLES = {"practitioner", "manager"}
NOTHING = 2_000_000  # an id that matches nothing
# Routes whose POST changes who is signed in: requested last.
LAST = {"partners.auth.sign_out"}


@dataclass
class World:
    """Objects in the requester's team (``own``) and another team (``other``), by parameter."""

    own: dict[str, Any] = field(default_factory=dict)
    other: dict[str, Any] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    own_tokens: dict[str, int] = field(default_factory=dict)


def _case(team: Team, worker: User, name: str) -> tuple[Case, Carer]:
    case = case_ops.open_case(CaseInput(
        team_id=team.id, worker_id=worker.id, child_name=name, child_dob=date(2011, 5, 14),
        gender="girl", ethnicity="mixed", harm_types=["cse"], contexts=["online"],
        opened_on=date(2026, 6, 1),
    ))
    assert case is not None
    carer = partnership.add_carer(case, CarerInput(name=f"Parent of {name}",
                                             relationship_to_child="mother",
                                             parental_responsibility=True,
                                             safe_to_involve=True))
    return case, carer


def _records(case: Case, carer: Carer, worker: User) -> dict[str, int]:
    involvement = partnership.log_involvement(case, worker, InvolvementInput(
        date=date(2026, 11, 1), kind="home_visit", partnership_level="informed",
        carer_ids=(carer.id,)))
    consultation = partnership.record_consultation(case, worker, ConsultationInput(
        date=date(2026, 10, 1), child_asked=True, child_view="OK", child_wish="agrees",
        decision="proceed", child_told_outcome=True, carer_ids=(carer.id,)))
    feedback = record_feedback(case, worker, {"date": date(2026, 10, 2), "respondent": "child",
                                              "answers": {}, "share_beyond_case": False})
    db.session.flush()
    flag = db.session.scalar(db.select(Flag).where(Flag.case_id == case.id))
    assert flag is not None
    return {"case_id": case.id, "carer_id": carer.id, "involvement_id": involvement.id,
            "consultation_id": consultation.id, "flag_id": flag.id, "finding_id": flag.id,
            "team_id": case.team_id, "worker_id": worker.id, "feedback_id": feedback.id}


@pytest.fixture
def world(app: Flask, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """Two teams with a case each, staff of every role, and an API token for each."""
    found = World()
    with app.app_context():
        north, south = people.create_team("North Team"), people.create_team("South Team")
        made = {
            "practitioner": people.create_user(email="p@example.org", name="P", role="practitioner",
                                               password=PASSWORD, team=north),
            "manager": people.create_user(email="m@example.org", name="M", role="manager",
                                          password=PASSWORD, team=north),
            "principal": people.create_user(email="pr@example.org", name="Pr", role="principal",
                                            password=PASSWORD),
            "admin": people.create_user(email="a@example.org", name="A", role="admin",
                                        password=PASSWORD),
        }
        stranger = people.create_user(email="s@example.org", name="S", role="practitioner",
                                      password=PASSWORD, team=south)
        victim = people.create_user(email="v@example.org", name="V", role="practitioner",
                                    password=PASSWORD, team=north)
        own_case, own_carer = _case(north, made["practitioner"], "Amira Hassan")
        other_case, other_carer = _case(south, stranger, "Sophie Walsh")
        found.own = _records(own_case, own_carer, made["practitioner"])
        found.other = _records(other_case, other_carer, stranger)
        for role, user in made.items():
            _, secret = tokens.create_token(user, "matrix")
            found.tokens[role] = secret
            spare, _ = tokens.create_token(user, "spare, for the revoke route")
            found.own_tokens[role] = spare.id
        stranger_token, _ = tokens.create_token(stranger, "someone else's")
        found.other["token_id"] = stranger_token.id
        # An administrator's rule: it can be switched like a packaged one, and edited too.
        rule_id = "matrix_rule"
        db.session.add(LexiconRule(rule_id=rule_id, packaged=False, definition={
            "kind": "child_blame", "patterns": ["gallivant~"], "suggestions": ["Say where."],
            "source": "Test", "note": "Test", "should_flag": ["Kai was gallivanting."],
            "should_not_flag": ["Kai was not gallivanting."]}))
        for values in (found.own, found.other):
            values.update(rule_id=rule_id, user_id=victim.id, filename="app/app.css",
                          path="nothing-here")
        db.session.commit()
        for role, user in made.items():
            db.session.refresh(user)
            found.users[role] = user
        db.session.expunge_all()
    yield found


def _routes(app: Flask) -> list[tuple[Rule, str]]:
    """Each route once, with the method to request: GET where it has one, otherwise POST."""
    chosen = []
    for rule in app.url_map.iter_rules():
        methods = rule.methods or set()
        if "GET" in methods:
            chosen.append((rule, "GET"))
        elif "POST" in methods:
            chosen.append((rule, "POST"))
    chosen.sort(key=lambda pair: (pair[0].endpoint in LAST, pair[0].rule))
    return chosen


def _url(rule: Rule, values: dict[str, Any]) -> tuple[str, list[str]]:
    """Build the route's URL; returns the parameters that had no filler."""
    missing = [name for name in rule.arguments if name not in values]
    filled = {name: values.get(name, NOTHING) for name in rule.arguments}
    for name in missing:
        converter = rule._converters.get(name)
        if converter is not None and "Integer" not in type(converter).__name__:
            filled[name] = "nothing-here"
    url = rule.build(filled, append_unknown=False)
    assert url is not None
    return url[1], missing


class Requester:
    """Sends a request as one role: pages with a session (and CSRF), the API with a token."""

    def __init__(self, app: Flask, role: str | None, world: World) -> None:
        self.app, self.role, self.world = app, role, world
        self.page = PageClient(app.test_client())
        self.api = app.test_client(use_cookies=False)
        if role is not None:
            self.sign_in()

    def sign_in(self) -> None:
        assert self.role is not None
        self.page.sign_in(self.world.users[self.role])

    def csrf(self) -> str:
        return self.page.csrf_token("/account" if self.role else "/login")

    def send(self, rule: Rule, method: str, url: str) -> Any:
        if rule.endpoint.startswith("partners.api."):
            headers = {}
            if self.role is not None:
                headers["Authorization"] = f"Bearer {self.world.tokens[self.role]}"
            if method == "POST":
                return self.api.post(url, headers=headers, json={})
            return self.api.get(url, headers=headers)
        if method == "POST":
            response = self.page.client.post(url, data={"csrf_token": self.csrf()})
        else:
            response = self.page.client.get(url)
        if rule.endpoint in LAST and self.role is not None:
            self.sign_in()
        return response


def _to_sign_in(response: Any) -> bool:
    return response.status_code == 302 and "/login" in response.headers.get("Location", "")


def _check(rule: Rule, role: str | None, response: Any, permission: Permission) -> str | None:
    """Return what is wrong with the answer, or None."""
    status = response.status_code
    is_api = rule.endpoint.startswith("partners.api.")
    if status >= 500:
        return f"server error {status}"
    if permission is Permission.PUBLIC:
        return f"public route answered {status}" if status in {401, 403} else None
    if role is None:
        if is_api:
            return None if status == 401 else f"signed out: expected 401, got {status}"
        return None if _to_sign_in(response) else f"signed out: expected sign-in, got {status}"
    if not role_has(role, permission):
        return None if status == 403 else f"lacks {permission}: expected 403, got {status}"
    if rule.endpoint in LAST:
        return None if _to_sign_in(response) else f"sign-out answered {status}"
    if status in {401, 403} or _to_sign_in(response):
        return f"has {permission}: refused with {status}"
    return None


def test_every_route_as_every_role(app: Flask, world: World):
    problems: list[str] = []
    unfilled: set[str] = set()
    checked = 0
    routes = _routes(app)
    assert len(routes) > 30
    for role in ROLES:
        requester = Requester(app, role, world)
        for rule, method in routes:
            permission = declared_permission(app.view_functions[rule.endpoint])
            assert permission is not None, rule.endpoint
            values = dict(world.own)
            if role is not None and "token_id" in rule.arguments:
                values["token_id"] = world.own_tokens[role]
            url, missing = _url(rule, values)
            unfilled.update(f"{rule.endpoint}:{name}" for name in missing)
            response = requester.send(rule, method, url)
            response.close()
            checked += 1
            problem = _check(rule, role, response, permission)
            if problem:
                who = role or "signed out"
                problems.append(f"{who} {method} {url} ({rule.endpoint}): {problem}")
            allowed = role is not None and role_has(role, permission)
            known = rule.arguments and not missing
            public = permission is Permission.PUBLIC
            if allowed and known and not public and response.status_code == 404:
                problems.append(f"{role} {method} {url}: own team's object answered 404")
    assert checked >= len(routes) * len(ROLES)
    assert not problems, "\n".join(problems)
    if unfilled:
        print("Parameters without a filler (role checks only):", sorted(unfilled))


# Known gaps, reported to whoever owns the route: (endpoint, role) pairs that answer an
# own-team/other-team mix with something other than 404. The test fails if one is fixed
# (so the entry is removed) or if any other route shows the gap.
KNOWN_GAPS: set[tuple[str, str]] = set()

SCOPED = {"case_id", "carer_id", "involvement_id", "consultation_id", "flag_id", "finding_id",
          "token_id", "team_id", "worker_id", "feedback_id"}


def test_another_teams_objects_are_404_through_pages_and_api(app: Flask, world: World):
    """As a practitioner and a manager, every route that names a team's object answers 404
    for another team's, and so does mixing one's own case with another team's record."""
    problems: list[str] = []
    gaps_seen: set[tuple[str, str]] = set()
    tried = 0
    for role in ["practitioner", "manager"]:
        requester = Requester(app, role, world)
        for rule, method in _routes(app):
            permission = declared_permission(app.view_functions[rule.endpoint])
            assert permission is not None
            arguments = list(rule.arguments)
            scoped = [name for name in arguments if name in SCOPED]
            if not scoped or not role_has(role, permission) or permission is Permission.PUBLIC:
                continue
            if any(name not in world.own for name in arguments):
                continue
            variants = [{**world.own, **{name: world.other[name] for name in scoped}}]
            if len(scoped) > 1:  # the first object one's own, the rest another team's
                first = min(scoped, key=lambda name: rule.rule.index(name))
                variants.append({**world.own, **{n: world.other[n] for n in scoped if n != first}})
            for values in variants:
                url, _ = _url(rule, values)
                response = requester.send(rule, method, url)
                response.close()
                tried += 1
                if (rule.endpoint, role) in KNOWN_GAPS and response.status_code != 404:
                    gaps_seen.add((rule.endpoint, role))
                    continue
                if response.status_code != 404:
                    problems.append(f"{role} {method} {url}: expected 404, got "
                                    f"{response.status_code}")
                if rule.endpoint.startswith("partners.api.") and response.status_code == 404:
                    assert response.mimetype == "application/problem+json"
    assert tried >= 20
    assert not problems, "\n".join(problems)
    fixed = KNOWN_GAPS - gaps_seen
    assert not fixed, f"fixed, so remove from KNOWN_GAPS: {sorted(fixed)}"


def test_the_matrix_sees_new_routes(app: Flask):
    """A route added to the app is picked up with no change here."""
    names: Callable[[], set[str]] = lambda: {rule.endpoint for rule, _ in _routes(app)}  # noqa: E731
    assert {
        "partners.cases.show",
        "partners.api.get_case",
        "partners.trail.case_trail_page",
        "partners.admin.users",
    } <= names()
