"""Every way the records change (pages, API, command line) leaves its audit event, with who
did it and, for requests, from where. One test per path, so one missing event hides no other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, ApiToken, Consultation, Flag, Involvement, User
from tests.api_support import api_for, cli, new_carer, new_case, sharing_involvement
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.test_import import HEADER
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

CARER_FORM = {"name": "Dean Price", "relationship": "step_parent",
              "parental_responsibility": "no", "safe_to_involve": "yes", "version": "1"}
CONSULTATION_FORM = {"date": ["9", "11", "2026"], "child_asked": "yes", "child_view": "Fine.",
                     "child_wish": "agrees", "decision": "proceed", "child_told_outcome": "yes",
                     "version": "1"}


@dataclass
class World:
    """A practitioner signed in on the pages, with a case and its carer."""

    app: Flask
    make_user: Callable[..., User]
    worker: User
    case_id: int
    carers: list[int]
    page: PageClient
    tmp_path: Path

    @property
    def case_url(self) -> str:
        """The case page."""
        return f"/cases/{self.case_id}"

    def one(self, column: Any, *where: Any) -> int:
        """The id in ``column`` of the one row matching ``where``."""
        with self.app.app_context():
            return int(db.session.scalars(db.select(column).where(*where)).one())

    def signed_in(self, role: str, **kwargs: Any) -> PageClient:
        """A page client signed in as a new user of ``role``."""
        client = PageClient(self.app.test_client())
        client.sign_in(self.make_user(role, **kwargs))
        return client


@pytest.fixture
def world(app: Flask, make_user, make_case, tmp_path: Path) -> World:
    worker = make_user("practitioner")
    case = make_case(worker)
    page = PageClient(app.test_client())
    page.sign_in(worker)
    return World(app, make_user, worker, case.id, carer_ids(app, case), page, tmp_path)


def _found(response: Any) -> None:
    assert response.status_code in {200, 201, 302}, response.get_data(as_text=True)[-800:]


def _log_unsure_involvement(w: World) -> int:
    """Log an involvement with no strengths; return its no_strengths flag."""
    form = involvement_form(w.carers, strengths="")
    _found(w.page.submit(f"{w.case_url}/involvements/new", form))
    return w.one(Flag.id, Flag.kind == "no_strengths")


def _open_case(w: World) -> None:
    _found(w.page.submit("/cases/new", {
        "child_name": "Sophie Walsh", "reference": "", "gender": "girl", "ethnicity": "white",
        "worker_id": str(w.worker.id), "opened_on": ["1", "6", "2026"],
        "communication_needs": "", "child_dob": ["3", "2", "2012"], "harm_types": ["cce"]}))


def _view_case(w: World) -> None:
    _found(w.page.get(w.case_url))


def _add_carer(w: World) -> None:
    _found(w.page.submit(f"{w.case_url}/carers/new", CARER_FORM))


def _edit_carer(w: World) -> None:
    _found(w.page.submit(f"{w.case_url}/carers/{w.carers[0]}/edit",
                         {**CARER_FORM, "name": "Leila Hassan-Price", "relationship": "mother"}))


def _log_involvement(w: World) -> None:
    _log_unsure_involvement(w)


def _edit_involvement(w: World) -> None:
    _log_unsure_involvement(w)
    involvement_id = w.one(Involvement.id, Involvement.case_id == w.case_id)
    _found(w.page.submit(f"{w.case_url}/involvements/{involvement_id}/edit",
                         involvement_form(w.carers, strengths="", notes="Changed.")))


def _record_consultation(w: World) -> None:
    form = {**CONSULTATION_FORM, "carer_ids": [str(c) for c in w.carers]}
    _found(w.page.submit(f"{w.case_url}/consultations/new", form))


def _edit_consultation(w: World) -> None:
    _record_consultation(w)
    consultation_id = w.one(Consultation.id, Consultation.case_id == w.case_id)
    form = {**CONSULTATION_FORM, "carer_ids": [str(c) for c in w.carers],
            "child_view": "Fine by me."}
    _found(w.page.submit(f"{w.case_url}/consultations/{consultation_id}/edit", form))


def _dismiss_flag(w: World) -> None:
    flag_id = _log_unsure_involvement(w)
    _found(w.page.submit(f"{w.case_url}/flags/{flag_id}/dismiss",
                         {"reason": "Strengths are in the next visit."}, form_url=w.case_url))


def _reopen_flag(w: World) -> None:
    _dismiss_flag(w)
    flag_id = w.one(Flag.id, Flag.kind == "no_strengths")
    _found(w.signed_in("manager").submit(f"{w.case_url}/flags/{flag_id}/reopen", {},
                                         form_url=w.case_url))


def _create_token(w: World) -> None:
    w.page.submit("/account/tokens", {"name": "Laptop script"})


def _revoke_token(w: World) -> None:
    _create_token(w)
    token_id = w.one(ApiToken.id, ApiToken.user_id == w.worker.id)
    _found(w.page.submit(f"/account/tokens/{token_id}/revoke", {}, form_url="/account/tokens"))


def _api_case_carer_involvement_dismissal_consultation(w: World) -> None:
    api = api_for(w.app, w.worker.email)
    made = new_case(api, child_name="Jayden Clarke")
    carer = new_carer(api, made["id"])
    response = api.post(f"/api/v1/cases/{made['id']}/involvements",
                        sharing_involvement([carer["id"]], strengths=""))
    assert response.status_code == 201
    finding = next(f for f in response.get_json()["flags"] if f["kind"] == "no_strengths")
    _found(api.post(f"/api/v1/flags/{finding['id']}/dismiss", {"reason": "Recorded elsewhere."}))
    _found(api.post(f"/api/v1/cases/{made['id']}/consultations", {
        "carer_ids": [carer["id"]], "date": "2026-11-01", "child_asked": True,
        "child_view": "OK.", "child_wish": "agrees", "decision": "proceed",
        "child_told_outcome": True}))


def _add_edit_and_switch_off_rule(w: World) -> None:
    admin = w.signed_in("admin", team=None)
    _found(admin.submit("/admin/lexicon/new", {
        "rule_id": "test_rule", "kind": "child_blame", "subject": "child",
        "patterns": "gallivanting", "should_flag": "Kai was gallivanting.",
        "should_not_flag": "Kai was not gallivanting.",
        "suggestion": "was away from home", "note": "Blames the child.",
        "source": "Test source"}))
    _found(admin.submit("/admin/lexicon/test_rule/edit", {
        "kind": "child_blame", "subject": "anyone",
        "patterns": "gallivanting", "should_flag": "Kai was gallivanting.",
        "should_not_flag": "Kai was not gallivanting.",
        "suggestion": "was away from home", "note": "Blames the child.",
        "source": "Test source"}))
    _found(admin.submit("/admin/lexicon/test_rule/switch", {"enabled": "0"},
                        form_url="/admin/lexicon"))


def _disable_and_enable_user(w: World) -> None:
    admin = w.signed_in("admin", team=None)
    other = w.make_user("practitioner", email="other@example.org")
    _found(admin.submit(f"/admin/users/{other.id}/disable", {}, form_url="/admin/users"))
    _found(admin.submit(f"/admin/users/{other.id}/enable", {}, form_url="/admin/users"))


def _sign_in(w: World) -> None:
    w.signed_in("manager")


def _import_cases(w: World) -> None:
    csv_file = w.tmp_path / "cases.csv"
    csv_file.write_text(
        HEADER + f"IMP-1,Casey Jones,2012-01-01,girl,,cce,online,North Team,{w.worker.email},"
        "2026-05-01,Ann Jones,mother,yes\n",
        encoding="utf-8",
    )
    assert cli(w.app, "import-cases", str(csv_file)).exit_code == 0


def _create_team_and_user(w: World) -> None:
    assert cli(w.app, "create-team", "East Team").exit_code == 0
    result = cli(w.app, "create-user", "--email", "east@example.org", "--name", "Eve East",
                 "--role", "practitioner", "--team", "East Team")
    assert result.exit_code == 0, result.output


PAGE, API, COMMAND = "page", "api", "command"
PATHS = [
    (_open_case, PAGE, {"case_opened"}),
    (_view_case, PAGE, {"case_viewed"}),
    (_add_carer, PAGE, {"carer_added"}),
    (_edit_carer, PAGE, {"carer_edited"}),
    (_log_involvement, PAGE, {"involvement_logged"}),
    (_edit_involvement, PAGE, {"involvement_edited"}),
    (_record_consultation, PAGE, {"consultation_recorded"}),
    (_edit_consultation, PAGE, {"consultation_edited"}),
    (_dismiss_flag, PAGE, {"flag_dismissed"}),
    (_reopen_flag, PAGE, {"flag_reopened"}),
    (_create_token, PAGE, {"api_token_created"}),
    (_revoke_token, PAGE, {"api_token_revoked"}),
    (_add_edit_and_switch_off_rule, PAGE,
     {"lexicon_rule_added", "lexicon_rule_edited", "lexicon_rule_disabled"}),
    (_disable_and_enable_user, PAGE, {"user_disabled", "user_enabled"}),
    (_sign_in, PAGE, {"sign_in"}),
    (_api_case_carer_involvement_dismissal_consultation, API,
     {"case_opened", "carer_added", "involvement_logged", "flag_dismissed",
      "consultation_recorded"}),
    (_import_cases, COMMAND, {"cases_imported"}),
    (_create_team_and_user, COMMAND, {"team_created", "user_created"}),
]


@pytest.mark.parametrize(
    ("change", "via", "actions"), PATHS, ids=[path[0].__name__.lstrip("_") for path in PATHS]
)
def test_each_change_path_writes_its_audit_event(
    world: World, change: Callable[[World], None], via: str, actions: set[str]
):
    with world.app.app_context():
        seen = db.session.scalar(db.select(db.func.max(AccessEvent.id))) or 0
    change(world)
    with world.app.app_context():
        events = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.id > seen, AccessEvent.action.in_(actions))
        ).all()
    assert {event.action for event in events} == actions
    for event in events:
        if via == COMMAND:
            assert event.ip_address is None, event.action
            continue
        assert event.user_id is not None and event.ip_address, event.action
        assert (event.data.get("via") == "api") == (via == API), event.action
