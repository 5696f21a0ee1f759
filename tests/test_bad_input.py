"""Bad input, generated: every form takes random, oversized and odd input without a server
error; a refusal says what was wrong (the GOV.UK error summary, or a message); and a refused
form leaves nothing half-saved. Non-UTF-8, null characters and oversized bodies get a clear 4xx
on the pages and the API alike."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parent_partners.extensions import db
from parent_partners.models import Flag
from parent_partners.operations import throttling
from tests.api_support import PROBLEM_JSON, api_for
from tests.conftest import PageClient, carer_ids, involvement_form
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

EXAMPLES = int(os.environ.get("PARTNERS_FORM_EXAMPLES", "20"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
# Every table a form could write to: a refused form must leave all of them as they were.
TABLES = ["cases", "carers", "involvements", "consultations", "flags", "record_versions",
          "lexicon_rules", "api_tokens", "involvement_carers", "consultation_carers"]

short = st.text(max_size=40)
odd = st.sampled_from(["", " ", "\u200b", "'; DROP TABLE cases; --", "<script>x</script>",
                       "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👪", "\r\n\t", "0", "-1", "99999999999999999999", "null"])
longer = st.builds(lambda char, count: char * count,
                   st.sampled_from(["a", "é", "界", "🙂"]), st.integers(100, 6000))


def text_value(*valid: str) -> st.SearchStrategy[Any]:
    """A field's value: valid choices mixed with random, odd and overlong text."""
    options = [short, odd, longer]
    if valid:
        options.append(st.sampled_from(list(valid)))
    return st.one_of(*options)


def date_value() -> st.SearchStrategy[list[str]]:
    part = st.one_of(st.sampled_from(["1", "12", "31", "2026", "1900", "0", "9999"]), short)
    return st.lists(part, min_size=0, max_size=4)


def choices(*valid: str) -> st.SearchStrategy[list[str]]:
    return st.lists(text_value(*valid), max_size=4)


@dataclass
class FormCase:
    """One form: where it is, how its fields are generated, and who may use it."""

    name: str
    url: Callable[[dict[str, Any]], str]
    fields: dict[str, st.SearchStrategy[Any]]
    role: str = "practitioner"
    form_url: Callable[[dict[str, Any]], str] | None = None
    refusal_text: tuple[str, ...] = ("There is a problem",)
    saved_text: str | None = None  # a page that answers 200 when it saved (tokens)
    extra: dict[str, Any] = field(default_factory=dict)


def _forms() -> list[FormCase]:
    yes_no = text_value("yes", "no")
    return [
        FormCase("sign-in", lambda w: "/login",
                 {"email": text_value("p@example.org"), "password": text_value("x" * 12)},
                 role="", refusal_text=("There is a problem", "Too many attempts")),
        FormCase("case", lambda w: "/cases/new", {
            "child_name": text_value("Amira Hassan"), "reference": text_value("REF-1", ""),
            "child_dob": date_value(), "gender": text_value("girl", "boy"),
            "ethnicity": text_value("mixed", "white"), "communication_needs": text_value(),
            "harm_types": choices("cse", "cce"), "contexts": choices("online", "park"),
            "worker_id": text_value(str(1)), "opened_on": date_value()}),
        FormCase("carer", lambda w: f"/cases/{w['case_id']}/carers/new", {
            "name": text_value("Leila Hassan"), "relationship": text_value("mother", "father"),
            "parental_responsibility": yes_no, "communication_needs": text_value(),
            "interpreter_language": text_value("", "Arabic"), "safe_to_involve": yes_no,
            "safe_reason": text_value(), "safe_review_on": date_value(),
            "version": text_value("1")}),
        FormCase("involvement", lambda w: f"/cases/{w['case_id']}/involvements/new", {
            "date": date_value(), "carer_ids": choices(*w_carers()),
            "kind": text_value("home_visit", "call"),
            "partnership_level": text_value("informed", "partner", "not_involved"),
            "not_involved_reason": text_value(), "shares_child_information": yes_no,
            "shared_what": text_value(), "shared_why": text_value(),
            "parent_view": text_value(), "strengths": text_value(),
            "parent_distress": yes_no, "distress_support": text_value(),
            "actions": text_value(), "notes": text_value(), "version": text_value("1")}),
        FormCase("consultation", lambda w: f"/cases/{w['case_id']}/consultations/new", {
            "date": date_value(), "carer_ids": choices(*w_carers()), "child_asked": yes_no,
            "child_view": text_value(), "child_wish": text_value("agrees", "does_not_agree"),
            "influence": text_value(), "decision": text_value("proceed", "do_not_proceed"),
            "override_rationale": text_value(), "child_told_outcome": yes_no,
            "not_asked_reason": text_value("too_young"), "not_asked_detail": text_value(),
            "version": text_value("1")}),
        FormCase("edit involvement",
                 lambda w: f"/cases/{w['case_id']}/involvements/{w['involvement_id']}/edit", {
                     "date": date_value(), "carer_ids": choices(*w_carers()),
                     "kind": text_value("home_visit"), "partnership_level": text_value("informed"),
                     "notes": text_value(), "strengths": text_value(),
                     "version": text_value("1", "2", "0", "-5")}),
        FormCase("dismiss flag",
                 lambda w: f"/cases/{w['case_id']}/flags/{w['flag_id']}/dismiss",
                 {"reason": text_value("Recorded on the next visit.")},
                 form_url=lambda w: f"/cases/{w['case_id']}",
                 refusal_text=("Enter why you are dismissing", "Only an open flag")),
        FormCase("lexicon rule", lambda w: "/admin/lexicon/new", {
            "rule_id": text_value("new_rule"), "kind": text_value("child_blame", "parent_blame"),
            "patterns": text_value("gallivant~", "_{0,3}", "(("), "suggestion": text_value(),
            "subject": text_value("child", "parent", "anyone"),
            "should_flag": text_value("Kai was gallivanting."),
            "should_not_flag": text_value("Kai was not gallivanting."),
            "note": text_value(), "source": text_value()}, role="admin"),
        FormCase("token", lambda w: "/account/tokens", {"name": text_value("Nightly sync")},
                 saved_text="shown only this once"),
    ]


_CARERS: list[str] = []


def w_carers() -> list[str]:
    """The case's carer ids as form values (filled in when the world is made)."""
    return _CARERS or ["1"]


def _counts(app: Flask) -> dict[str, int]:
    with app.app_context():
        return {
            table: int(db.session.scalar(db.text(f"SELECT count(*) FROM {table}")))  # noqa: S608
            for table in TABLES
        }


@pytest.fixture
def world(app: Flask, make_user, make_case) -> dict[str, Any]:
    """A practitioner's case with a carer, an involvement and a flag; an administrator."""
    worker = make_user("practitioner")
    case = make_case(worker)
    carers = carer_ids(app, case)
    _CARERS[:] = [str(c) for c in carers]
    page = PageClient(app.test_client())
    page.sign_in(worker)
    assert page.submit(f"/cases/{case.id}/involvements/new",
                       involvement_form(carers, strengths="")).status_code == 302
    with app.app_context():
        flag = db.session.scalar(db.select(Flag).where(Flag.case_id == case.id))
        assert flag is not None
        involvement_id = flag.record_id
    return {"case_id": case.id, "flag_id": flag.id, "involvement_id": involvement_id,
            "practitioner": page, "admin_user": make_user("admin", team=None)}


@pytest.mark.parametrize("form", _forms(), ids=lambda form: form.name)
def test_forms_take_anything_without_a_server_error(app: Flask, world, form: FormCase):
    if form.role == "admin":
        page = PageClient(app.test_client())
        page.sign_in(world["admin_user"])
    elif form.role == "practitioner":
        page = world["practitioner"]
    else:
        page = PageClient(app.test_client())
    url = form.url(world)
    token = page.csrf_token(form.form_url(world) if form.form_url else url)

    @SETTINGS
    @given(data=st.fixed_dictionaries(form.fields))
    def post(data: dict[str, Any]) -> None:
        with app.app_context():
            throttling.reset()
        before = _counts(app)
        response = page.client.post(url, data={**data, "csrf_token": token})
        body = response.get_data(as_text=True)
        assert response.status_code < 500, body[-1500:]
        if response.status_code in {302, 303}:
            return
        if form.saved_text and response.status_code == 200 and form.saved_text in body:
            return  # saved (or a refusal flashed on the page it leads to, checked below)
        # Refused: it says what was wrong, and nothing at all was written.
        assert response.status_code in {200, 400, 409, 413, 429}, response.status_code
        assert any(text in body for text in (*form.refusal_text, "There is a problem")), (
            body[-1500:]
        )
        if response.status_code == 200:
            assert 'class="govuk-error-summary' in body
        assert _counts(app) == before

    post()


def test_a_refused_dismissal_says_what_was_wrong(app: Flask, world):
    page = world["practitioner"]
    case_url = f"/cases/{world['case_id']}"
    response = page.submit(f"{case_url}/flags/{world['flag_id']}/dismiss", {"reason": "   "},
                           form_url=case_url)
    body = response.get_data(as_text=True)
    assert response.status_code == 400 and 'class="govuk-error-summary' in body
    assert "Enter why you are dismissing this flag" in body


# -- bytes that are not text, and bodies that are too big -----------------------------------


def test_non_utf8_and_null_characters_are_a_clear_400_on_pages(app: Flask, world):
    page = world["practitioner"]
    url = f"/cases/{world['case_id']}/carers/new"
    token = page.csrf_token(url)
    before = _counts(app)
    for raw in [b"name=%FF%FEbad&relationship=mother", b"name=Dean%00Price&relationship=mother",
                b"name=\xff\xfe&relationship=mother"]:
        response = page.client.post(
            url, data=raw + b"&csrf_token=" + token.encode(),
            content_type="application/x-www-form-urlencoded",
        )
        body = response.get_data(as_text=True)
        assert response.status_code == 400, raw
        assert "not valid text" in body and "nothing was saved" in body
        assert "'nonce-'" not in response.headers["Content-Security-Policy"]
    assert page.get("/cases?page=%FF").status_code == 400
    assert _counts(app) == before


def test_oversized_form_is_a_clear_413(app: Flask, world):
    page = world["practitioner"]
    url = f"/cases/{world['case_id']}/carers/new"
    token = page.csrf_token(url)
    before = _counts(app)
    response = page.client.post(url, data={"name": "x" * (3 * 1024 * 1024), "csrf_token": token})
    assert response.status_code == 413
    assert "What you sent is too large" in response.get_data(as_text=True)
    assert _counts(app) == before


def test_api_refuses_bad_bytes_and_big_bodies_clearly(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    api = api_for(app, worker.email)
    url = f"/api/v1/cases/{case.id}/carers"
    before = _counts(app)
    for body, status, words in [
        (b'{"name": "\xff\xfe", "relationship": "mother"}', 400, "not valid JSON"),
        (b'{"name": "Dean\\u0000Price", "relationship": "mother"}', 422, "null character"),
        (b'{"name": "' + b"x" * (300 * 1024) + b'", "relationship": "mother"}', 413, "too large"),
        (b"name=Dean", 415, "JSON"),
    ]:
        response = api.client.post(url, data=body, headers={
            **api.headers(), "Content-Type": "application/json" if status != 415 else "text/plain"})
        assert response.status_code == status, (body[:40], response.get_data(as_text=True))
        assert response.mimetype == PROBLEM_JSON
        assert words in response.get_data(as_text=True)
    query = api.get("/api/v1/cases?page=%FF%FE")
    assert query.status_code == 400 and "not valid text" in query.get_json()["detail"]
    assert _counts(app) == before
