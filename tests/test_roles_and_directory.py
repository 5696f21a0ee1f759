"""A host's user who changes job or team keeps one partners account, moved by the identity
hook (``operations/roles.py``, audited) or ``partners set-role``; teams and users are looked
up on the API for allocation, each role seeing only what it may."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask, session

from parent_partners import PartnersPlugin
from parent_partners.extensions import db
from parent_partners.models import AccessEvent, User
from parent_partners.operations.roles import host_user
from tests.api_support import api_for, cli

pytestmark = pytest.mark.commits  # the host app commits through its own engine

# The host's own record of each person; a test edits it as the host's HR system would.
HOST_PEOPLE: dict[str, dict[str, str | None]] = {}


def _loader() -> User | None:
    person = HOST_PEOPLE.get(session.get("who", ""))
    if person is None:
        return None
    return host_user(email=str(person["email"]), name=str(person["name"]),
                     role=person["role"], team_name=person["team"])


@pytest.fixture
def host(app: Flask, database_url: str, tmp_path: Path) -> Iterator[Flask]:
    host_app = Flask("council", root_path=str(tmp_path))
    host_app.config.update(SECRET_KEY="host", TESTING=True, SQLALCHEMY_DATABASE_URI=database_url)

    @host_app.post("/sign-in/<who>")
    def sign_in(who: str) -> str:
        session["who"] = who
        return "ok"

    PartnersPlugin(host_app, url_prefix="/partners", identity_loader=_loader,
                   host_signed_in=lambda: "who" in session)
    HOST_PEOPLE.clear()
    HOST_PEOPLE["sam"] = {"email": "Sam@Council.example", "name": "Sam Okafor",
                          "role": "practitioner", "team": "North Team"}
    yield host_app
    with host_app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_the_hook_moves_a_host_user_to_a_new_role_and_team(host: Flask):
    client = host.test_client()
    client.post("/sign-in/sam")
    assert client.get("/partners/cases").status_code == 200
    assert client.get("/partners/dashboard").status_code == 403

    HOST_PEOPLE["sam"].update(role="manager", team="South Team")
    assert client.get("/partners/cases").status_code == 200
    with host.app_context():
        sam = db.session.scalar(db.select(User).where(User.email == "sam@council.example"))
        assert sam.role == "manager" and sam.team.name == "South Team"
        changes = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == "user_role_changed")).all()
    assert len(changes) == 1 and changes[0].record_id == sam.id
    assert changes[0].data["role"] == {"old": "practitioner", "new": "manager"}
    assert client.get("/partners/dashboard").status_code != 403

    client.get("/partners/cases")  # nothing changed: nothing written
    with host.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(AccessEvent).where(
            AccessEvent.action == "user_role_changed")) == 1

    HOST_PEOPLE["sam"].update(role=None)  # left the service: no partners role, a 403
    assert client.get("/partners/cases").status_code == 403


def test_set_role_command(app: Flask, make_user, make_team):
    user = make_user("practitioner")
    make_team("South Team")
    result = cli(app, "set-role", "--email", user.email, "--role", "manager",
                 "--team", "South Team")
    assert result.exit_code == 0, result.output
    assert "now a manager in South Team" in result.output
    again = cli(app, "set-role", "--email", user.email, "--role", "manager",
                "--team", "South Team")
    assert "nothing changed" in again.output
    no_team = cli(app, "set-role", "--email", user.email, "--role", "practitioner")
    assert no_team.exit_code != 0 and "must belong to a team" in no_team.output
    assert cli(app, "set-role", "--email", "nobody@example.org", "--role", "admin").exit_code
    with app.app_context():
        moved = db.session.get(User, user.id)
        assert moved.role == "manager" and moved.team.name == "South Team"


def test_teams_and_users_are_looked_up_within_what_you_may_see(app: Flask, make_user):
    north = make_user("practitioner", name="Nia North")
    colleague = make_user("manager", name="Mo North")
    south = make_user("practitioner", team="South Team", name="Sol South")
    api = api_for(app, north.email)
    assert [t["name"] for t in api.get("/api/v1/teams").get_json()["teams"]] == ["North Team"]
    users = api.get("/api/v1/users").get_json()["users"]
    assert {u["id"] for u in users} == {north.id, colleague.id}
    found = api.get("/api/v1/users", query_string={"email": colleague.email.upper()}).get_json()
    assert [u["id"] for u in found["users"]] == [colleague.id]
    assert found["users"][0]["role"] == "manager" and found["users"][0]["team_id"]
    hidden = api.get("/api/v1/users", query_string={"email": south.email}).get_json()
    assert hidden["users"] == []
    assert api.get("/api/v1/users?role=chef").status_code == 422

    principal = api_for(app, make_user("principal").email)
    names = [t["name"] for t in principal.get("/api/v1/teams").get_json()["teams"]]
    assert names == ["North Team", "South Team"]
    managers = principal.get("/api/v1/users?role=manager").get_json()["users"]
    assert [u["id"] for u in managers] == [colleague.id]
    admin = api_for(app, make_user("admin").email)
    assert len(admin.get("/api/v1/users").get_json()["users"]) == 5
