"""Plugin mode: a host app with its own sign-in, pages and templates mounts the service at
/partners; its users reach the service through the identity hook, and its own routes,
layout and error handling are left alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Blueprint, Flask, abort, redirect, render_template, request, session

from parent_partners import PartnersPlugin
from parent_partners.extensions import db
from parent_partners.models import Case, Flag, Involvement, User
from parent_partners.operations import cases as case_ops
from parent_partners.operations import people
from parent_partners.operations.record_inputs import CarerInput, CaseInput
from tests import transaction_support
from tests.conftest import CSRF_INPUT

# The host's own users and how they map onto partners roles and teams.
HOST_USERS = {
    "sam": {"email": "sam@council.example", "name": "Sam Okafor", "job": "social_worker",
            "unit": "North Team"},
    "pat": {"email": "pat@council.example", "name": "Pat Reid", "job": "finance", "unit": None},
}
JOB_TO_ROLE = {"social_worker": "practitioner", "team_leader": "manager"}


def partners_user_for_host_user() -> User | None:
    """The hook: the host's signed-in user as a partners user, made on first sight."""
    host_user = HOST_USERS.get(session.get("host_user", ""))
    if host_user is None:
        return None
    role = JOB_TO_ROLE.get(host_user["job"])
    if role is None:
        return None  # this host user has no business in the partners service
    email = people.normalise_email(host_user["email"])
    user = db.session.scalar(db.select(User).where(User.email == email))
    if user is None:
        team = people.find_team(host_user["unit"]) or people.create_team(host_user["unit"])
        user = people.create_user(
            email=email, name=host_user["name"], role=role, team=team,
            password=people_password(),
        )
    return user


def people_password() -> str:
    import secrets

    return secrets.token_urlsafe(24)  # never used: the host signs people in


# The host's own header and navigation, shown on the service's pages when the host provides it.
HOST_HEADER = (
    '<nav aria-label="Council" id="host-nav">'
    '<a href="{{ url_for("cases.index") }}">Council cases</a> '  # rename-endpoints: keep
    '<a href="{{ url_for("logout") }}">Sign out of the council system</a></nav>'
)


def build_host(
    tmp_path: Path,
    database_url: str,
    *,
    header: bool = False,
    host_csrf: bool = False,
    **config: object,
) -> Flask:
    """A council's app: its own sign-in, pages, ``cases`` blueprint and templates."""
    templates = tmp_path / "host" / "templates"
    (templates / "parent_partners" / "account").mkdir(parents=True)
    (templates / "base.html").write_text(
        "<html><body>HOST BASE LAYOUT {% block body %}{% endblock %}</body></html>"
    )
    (templates / "home.html").write_text(
        '{% extends "base.html" %}{% block body %}Host home page{% endblock %}'
    )
    (templates / "parent_partners" / "account" / "show.html").write_text(
        '{% extends "parent_partners/base.html" %}{% block title %}Account{% endblock %}'
        "{% block main_content %}HOST OVERRIDE of the account page for {{ actor.name }}"
        "{% endblock %}"
    )
    (templates / "host_cases.html").write_text(
        'Host case list at {{ url_for("cases.index") }}; '  # rename-endpoints: keep
        'partners at {{ url_for("partners.cases.index") }}'
    )
    if header:
        (templates / "parent_partners" / "host_header.html").write_text(HOST_HEADER)
    host = Flask("host_app", root_path=str(tmp_path / "host"))
    host.config.update(
        SECRET_KEY="host-secret",
        TESTING=True,
        SQLALCHEMY_DATABASE_URI=database_url,
        **config,
    )
    host_cases = Blueprint("cases", __name__, url_prefix="/cases")

    @host_cases.get("/")
    def index() -> str:
        return render_template("host_cases.html")

    host.register_blueprint(host_cases)

    @host.get("/")
    def home() -> str:
        return render_template("home.html")

    @host.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "POST":  # the host's own form, with no CSRF token of ours
            if request.form.get("username") not in HOST_USERS:
                abort(403)
            session["host_user"] = request.form["username"]
            return redirect("/")
        return "Host sign-in form"

    @host.post("/logout")
    def logout():
        session.clear()
        return redirect("/")

    @host.get("/host-only")
    def host_only() -> str:  # declares no partners permission: not the plugin's business
        return "A host page"

    @host.errorhandler(404)
    def host_not_found(error):
        return "HOST 404 PAGE", 404

    if host_csrf:
        from flask_wtf.csrf import CSRFProtect

        CSRFProtect(host).exempt(login)

        @host.post("/host-form")
        def host_form() -> str:
            return "saved by the host"

    PartnersPlugin(
        host,
        url_prefix="/partners",
        identity_loader=partners_user_for_host_user,
        host_signed_in=lambda: "host_user" in session,
    )
    return host


@pytest.fixture
def host(app: Flask, database_url: str, tmp_path: Path) -> Iterator[Flask]:
    """A host app on the test database, in the test's transaction (``app`` migrated it)."""
    host_app = build_host(tmp_path, database_url)
    with transaction_support.sharing(app, host_app):
        yield host_app
    with host_app.app_context():
        db.session.remove()
        db.engine.dispose()


def sign_in(client, username: str) -> None:
    assert client.post("/login", data={"username": username}).status_code == 302


def open_case_for(host: Flask, email: str) -> int:
    with host.app_context():
        user = db.session.scalar(db.select(User).where(User.email == email))
        case = case_ops.open_case(CaseInput(
            team_id=user.team_id, worker_id=user.id, child_name="Amira Hassan",
            child_dob=date(2011, 5, 14), gender="girl", ethnicity="mixed",
            harm_types=["cse"], contexts=["online"], opened_on=date(2026, 6, 1),
        ))
        from parent_partners.operations.partnership import add_carer

        add_carer(case, CarerInput(name="Leila Hassan", relationship_to_child="mother",
                               parental_responsibility=True, safe_to_involve=True))
        db.session.commit()
        return case.id


def test_plugin_is_an_extension_under_the_prefix(host: Flask):
    assert isinstance(host.extensions["parent_partners"], PartnersPlugin)
    rules = {rule.rule for rule in host.url_map.iter_rules()}
    assert "/partners/cases" in rules and "/partners/api/v1/cases" in rules
    assert "/cases" not in rules
    assert not any(rule.startswith("/partners/login") for rule in rules)


def test_host_user_reaches_cases_and_logs_an_involvement(host: Flask):
    client = host.test_client()
    sign_in(client, "sam")
    page = client.get("/partners/cases")
    html = page.get_data(as_text=True)
    assert page.status_code == 200, html
    assert "Your cases" in html and "Sam Okafor" in html
    assert "HOST BASE LAYOUT" not in html
    assert "/partners/static/govuk/govuk-frontend.min.css" in html
    assert "Sign out" not in html  # the host signs people in and out
    asset = client.get("/partners/static/app/app.css")
    assert asset.status_code == 200
    asset.close()

    case_id = open_case_for(host, "sam@council.example")
    html = client.get(f"/partners/cases/{case_id}").get_data(as_text=True)
    assert "Amira Hassan" in html and f'href="/partners/cases/{case_id}/involvements/new"' in html

    form_url = f"/partners/cases/{case_id}/involvements/new"
    form = client.get(form_url).get_data(as_text=True)
    token = CSRF_INPUT.search(form).group(1)
    with host.app_context():
        carer_id = db.session.scalar(db.select(Case).where(Case.id == case_id)).carers[0].id
    data = {
        "csrf_token": token,
        "date": ["10", "11", "2026"],
        "carer_ids": [str(carer_id)],
        "kind": "home_visit",
        "partnership_level": "consulted",
        "shares_child_information": "yes",
        "shared_what": "The safety plan.",
        "shared_why": "So mum can help.",
        "parent_view": "I want her safe.",
        "strengths": "Mum noticed the new phone first.",
        "parent_distress": "no",
        "notes": "Planned together.",
        "version": "1",
    }
    assert client.post(form_url, data={**data, "csrf_token": "wrong"}).status_code == 400
    response = client.post(form_url, data=data)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/partners/cases/{case_id}")
    with host.app_context():
        involvement = db.session.scalar(db.select(Involvement))
        assert involvement.recorded_by.email == "sam@council.example"
        kinds = set(db.session.scalars(db.select(Flag.kind)))
        assert "child_not_consulted" in kinds


def test_host_routes_are_left_alone(host: Flask):
    client = host.test_client()
    home = client.get("/")
    expected = "<html><body>HOST BASE LAYOUT Host home page</body></html>"
    assert home.get_data(as_text=True) == expected
    assert "Content-Security-Policy" not in home.headers
    assert client.get("/host-only").status_code == 200  # no deny-by-default on host routes
    assert client.post("/login", data={"username": "sam"}).status_code == 302  # no CSRF
    assert client.get("/nowhere").get_data(as_text=True) == "HOST 404 PAGE"


def test_plugin_pages_deny_by_default_and_send_strangers_away(host: Flask):
    client = host.test_client()
    response = client.get("/partners/cases")
    assert response.status_code == 401
    assert "Content-Security-Policy" in response.headers
    sign_in(client, "pat")  # signed in to the host, but the hook maps pat to nobody here
    refused = client.get("/partners/cases")
    assert refused.status_code == 403  # not sent back to a sign-in page pat has just used


def test_a_host_template_overrides_a_plugin_template(host: Flask):
    client = host.test_client()
    sign_in(client, "sam")
    html = client.get("/partners/account").get_data(as_text=True)
    assert "HOST OVERRIDE of the account page for Sam Okafor" in html
    assert "HOST BASE LAYOUT" not in html


def test_the_api_works_under_the_prefix(host: Flask):
    client = host.test_client()
    sign_in(client, "sam")
    client.get("/partners/cases")  # the hook makes the partners user
    form = client.post("/partners/account/tokens", data={})
    token = CSRF_INPUT.search(client.get("/partners/account/tokens").get_data(as_text=True))
    response = client.post(
        "/partners/account/tokens", data={"name": "Host sync", "csrf_token": token.group(1)}
    )
    assert form.status_code == 400
    secret = re.search(r'id="new-token">(pp_[^<]+)<', response.get_data(as_text=True)).group(1)
    api = host.test_client(use_cookies=False)
    headers = {"Authorization": f"Bearer {secret}"}
    assert api.get("/partners/api/v1/cases", headers=headers).status_code == 200
    missing = api.get("/partners/api/v1/nothing", headers=headers)
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"
    document = api.get("/partners/api/v1/openapi.json").get_json()
    assert document["servers"] == [{"url": "http://localhost/partners/api/v1"}]


def test_plugin_mode_needs_an_identity_hook():
    with pytest.raises(ValueError, match="identity_loader"):
        PartnersPlugin().init_app(Flask("bare"))


def test_the_hosts_own_cases_blueprint_lives_beside_the_service(host: Flask):
    endpoints = {rule.endpoint for rule in host.url_map.iter_rules()}
    host_cases = "cases.index"  # the host's own endpoint  # rename-endpoints: keep
    assert {host_cases, "partners.cases.index"} <= endpoints
    hosts = {"home", "login", "logout", "host_only", "static", host_cases}
    assert all(endpoint.startswith("partners.") for endpoint in endpoints - hosts)
    client = host.test_client()
    page = client.get("/cases/")
    assert page.get_data(as_text=True) == "Host case list at /cases/; partners at /partners/cases"
    assert "Content-Security-Policy" not in page.headers  # the host's page, not the service's
    sign_in(client, "sam")
    assert "Your cases" in client.get("/partners/cases").get_data(as_text=True)


def test_the_hosts_header_and_sign_out_appear_on_the_services_pages(
    app: Flask, database_url: str, tmp_path: Path
):
    host = build_host(tmp_path, database_url, header=True)
    client = host.test_client()
    sign_in(client, "sam")
    html = client.get("/partners/cases").get_data(as_text=True)
    assert '<nav aria-label="Council" id="host-nav"><a href="/cases/">Council cases</a>' in html
    assert 'href="/logout">Sign out of the council system</a>' in html
    assert 'data-testid="sign-out"' not in html  # the service's own sign-out is not offered
    assert "pp-header-service" not in html  # the host's header replaces the service's
    assert "Your cases" in html and 'class="govuk-service-navigation"' in html
    _dispose(host)


def test_a_host_can_name_its_own_header_template(app: Flask, database_url: str, tmp_path: Path):
    host = build_host(
        tmp_path, database_url, PARTNERS_HOST_HEADER_TEMPLATE="council/nav.html"
    )
    (tmp_path / "host" / "templates" / "council").mkdir()
    (tmp_path / "host" / "templates" / "council" / "nav.html").write_text(HOST_HEADER)
    client = host.test_client()
    sign_in(client, "sam")
    html = client.get("/partners/account").get_data(as_text=True)
    assert 'id="host-nav"' in html and "HOST OVERRIDE of the account page" in html
    _dispose(host)


def test_without_a_host_header_the_service_shows_its_own(host: Flask):
    client = host.test_client()
    sign_in(client, "sam")
    html = client.get("/partners/cases").get_data(as_text=True)
    assert "pp-header-service" in html and 'id="host-nav"' not in html


def test_a_host_extends_the_content_security_policy(
    app: Flask, database_url: str, tmp_path: Path
):
    extra = {
        "img-src": ["https://assets.council.example"],
        "frame-ancestors": "https://portal.council.example",
        "worker-src": ["'self'"],
    }
    host = build_host(tmp_path, database_url, header=True, PARTNERS_CSP_EXTRA=extra)
    client = host.test_client()
    sign_in(client, "sam")
    page = client.get("/partners/cases")
    policy = dict(
        part.strip().split(" ", 1) for part in page.headers["Content-Security-Policy"].split(";")
    )
    assert policy["img-src"] == "'self' data: https://assets.council.example"
    assert policy["frame-ancestors"] == "https://portal.council.example"  # replaces 'none'
    assert policy["worker-src"] == "'self'"
    nonce = re.search(r'<script type="module" nonce="([^"]+)"', page.get_data(as_text=True))
    assert policy["script-src"] == f"'self' 'nonce-{nonce.group(1)}'"  # nonces kept
    assert "X-Frame-Options" not in page.headers  # the host's frame-ancestors decide
    assert "Content-Security-Policy" not in client.get("/").headers
    _dispose(host)


@pytest.mark.parametrize(
    "extra",
    [{"img-src": ["https://a.example; script-src *"]}, {"img src": ["https://a.example"]},
     ["img-src"]],
)
def test_a_malformed_csp_extension_is_refused_at_start_up(
    app: Flask, database_url: str, tmp_path: Path, extra: object
):
    with pytest.raises(ValueError, match="PARTNERS_CSP_EXTRA"):
        build_host(tmp_path, database_url, PARTNERS_CSP_EXTRA=extra)


def _dispose(host_app: Flask) -> None:
    with host_app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_a_hosts_csrf_protection_leaves_the_services_forms_to_it(
    app: Flask, database_url: str, tmp_path: Path
):
    host = build_host(tmp_path, database_url, host_csrf=True)
    client = host.test_client()
    sign_in(client, "sam")
    client.get("/partners/cases")  # the hook makes the partners user
    refused = client.post("/partners/account/tokens", data={"name": "Sync", "csrf_token": "x"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Nothing you typed has been lost" in html and 'value="Sync"' in html
    assert client.post("/host-form").status_code == 400  # the host's own forms stay protected
    _dispose(host)


def test_a_host_blueprint_named_partners_is_refused_with_a_reason(
    app: Flask, database_url: str, tmp_path: Path
):
    host = Flask("host_with_partners")
    host.register_blueprint(Blueprint("partners", __name__))
    with pytest.raises(RuntimeError, match="already has a blueprint named 'partners'"):
        PartnersPlugin(host, identity_loader=lambda: None)
