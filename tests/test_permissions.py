"""Deny by default: every route declares a permission, and case access follows the team."""

from __future__ import annotations

from flask import Blueprint, Flask

from parent_partners.permissions import Permission, declared_permission


def test_every_route_declares_a_permission(app: Flask):
    undeclared = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if declared_permission(app.view_functions[rule.endpoint]) is None
    ]
    assert undeclared == []


def test_a_route_without_a_declaration_is_refused(tmp_path):
    from parent_partners import create_app

    app = create_app(
        {
            "ENV_NAME": "test",
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite",
        }
    )
    extra = Blueprint("extra", __name__)

    @extra.get("/forgotten")
    def forgotten() -> str:
        return "should never be served"

    app.register_blueprint(extra)
    assert app.test_client().get("/forgotten").status_code == 403


def test_public_routes_are_few_and_deliberate(app: Flask):
    public = sorted(
        {
            rule.endpoint
            for rule in app.url_map.iter_rules()
            if declared_permission(app.view_functions[rule.endpoint]) is Permission.PUBLIC
        }
    )
    assert public == [
        # The accessibility statement must be readable by anyone who cannot use the service.
        "partners.about.accessibility",
        # The API's description and its reference page describe the interface, not any
        # data, and a browser cannot send a bearer token to open them; unknown API
        # addresses answer 404/405 as problem details whether or not a token is sent.
        "partners.api.docs",
        "partners.api.openapi",
        "partners.api.unknown",
        "partners.auth.home",
        "partners.auth.sign_in",
        "partners.health.healthz",
        "static",
    ]


def test_signed_out_people_are_sent_to_sign_in(pages, make_user, make_case):
    case = make_case(make_user("practitioner"))
    for url in ["/cases", f"/cases/{case.id}", f"/cases/{case.id}/involvements/new", "/account"]:
        response = pages.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


def test_practitioner_of_another_team_gets_404(pages, make_user, make_case):
    case = make_case(make_user("practitioner", team="North Team"))
    pages.sign_in(make_user("practitioner", team="South Team"))
    for url in [
        f"/cases/{case.id}",
        f"/cases/{case.id}/involvements/new",
        f"/cases/{case.id}/consultations/new",
        f"/cases/{case.id}/carers/new",
    ]:
        assert pages.get(url).status_code == 404, url
    assert case.child_name not in pages.get("/cases").get_data(as_text=True)


def test_manager_of_the_team_sees_the_case(pages, make_user, make_case):
    case = make_case(make_user("practitioner"))
    pages.sign_in(make_user("manager"))
    assert pages.get(f"/cases/{case.id}").status_code == 200


def test_principal_reads_every_team_but_cannot_write(pages, make_user, make_case):
    north = make_case(make_user("practitioner", team="North Team"), child_name="Jayden Clarke")
    south = make_case(make_user("practitioner", team="South Team"), child_name="Sophie Walsh")
    pages.sign_in(make_user("principal", team=None))
    listing = pages.get("/cases").get_data(as_text=True)
    assert "Jayden Clarke" in listing and "Sophie Walsh" in listing
    assert f'href="/cases/{north.id}"' in listing and f'href="/cases/{south.id}"' in listing
    assert pages.get(f"/cases/{north.id}").status_code == 200
    assert pages.get(f"/cases/{north.id}/involvements/new").status_code == 403
    assert pages.get("/cases/new").status_code == 403


def test_administrator_cannot_read_cases(pages, make_user, make_case):
    case = make_case(make_user("practitioner"))
    pages.sign_in(make_user("admin", team=None))
    assert pages.get("/cases").status_code == 403
    assert pages.get(f"/cases/{case.id}").status_code == 403
