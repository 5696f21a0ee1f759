"""A host app, as a council would write one, using the installed wheel (run by check_wheel.sh).

The host has its own Flask-SQLAlchemy, its own ``users`` table and its own ``cases`` blueprint
in the same database as the service (on PostgreSQL the service keeps to its own schema; on
SQLite it gets its own file). check_wheel.sh has already run ``partners db upgrade`` with
``PARTNERS_DATABASE_URL`` / ``PARTNERS_DB_SCHEMA``, as the README says. The host puts its own
navigation and sign-out on the service's pages and extends the CSP.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

from flask import Blueprint, Flask, render_template_string, session
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

import parent_partners
from parent_partners import PartnersPlugin
from parent_partners.extensions import db as partners_db
from parent_partners.models import User
from parent_partners.operations import people

url = os.environ["WHEEL_HOST_URL"]
if "site-packages" not in parent_partners.__file__:
    sys.exit(f"expected the installed wheel, got {parent_partners.__file__}")

# The host's own header on the service's pages: one small template, nothing copied.
root = Path(tempfile.mkdtemp())
(root / "templates" / "parent_partners").mkdir(parents=True)
(root / "templates" / "parent_partners" / "host_header.html").write_text(
    '<nav aria-label="Council" id="council-nav">'
    '<a href="{{ url_for("cases.index") }}">Council cases</a> '  # rename-endpoints: keep
    '<a href="{{ url_for("host_logout") }}">Sign out of the council system</a></nav>'
)

host = Flask("council_host", root_path=str(root))
host.config.update(SECRET_KEY=secrets.token_hex(16), SQLALCHEMY_DATABASE_URI=url)
if url.startswith("postgresql"):
    host.config["PARTNERS_DB_SCHEMA"] = "partners"
else:
    host.config["PARTNERS_DATABASE_URL"] = url.replace("host.sqlite", "partners.sqlite")
host.config["PARTNERS_CSP_EXTRA"] = {"img-src": ["https://assets.council.example"]}
host_db = SQLAlchemy()


class HostUser(host_db.Model):  # type: ignore[name-defined,misc]
    """The host's own users table."""

    __tablename__ = "users"
    id = host_db.Column(host_db.Integer, primary_key=True)
    login = host_db.Column(host_db.String(40))


host_db.init_app(host)
host_cases = Blueprint("cases", __name__, url_prefix="/cases")


@host_cases.get("/")
def index() -> str:
    """The host's own case list, which links to the service."""
    return render_template_string(
        'Council cases at {{ url_for("cases.index") }}; '  # rename-endpoints: keep
        'partners at {{ url_for("partners.cases.index") }}'
    )


host.register_blueprint(host_cases)


@host.post("/host-login")
def host_login() -> str:
    """The host's own sign-in."""
    session["who"] = "sam"
    return "ok"


@host.post("/host-logout")
def host_logout() -> str:
    """The host's own sign-out."""
    session.clear()
    return "signed out"


def identity() -> User | None:
    """The host's user as a partners practitioner."""
    if session.get("who") != "sam":
        return None
    email = "sam@council.example"
    user = partners_db.session.scalar(partners_db.select(User).where(User.email == email))
    if user is None:
        team = people.find_team("Host Team") or people.create_team("Host Team")
        user = people.create_user(email=email, name="Sam", role="practitioner", team=team,
                                  password=secrets.token_urlsafe(24))
    return user


PartnersPlugin(identity_loader=identity).init_app(host, url_prefix="/partners")
with host.app_context():
    host_db.drop_all()
    host_db.create_all()
    host_db.session.add(HostUser(login="sam"))
    host_db.session.commit()
client = host.test_client()
own = client.get("/cases/").get_data(as_text=True)
assert own == "Council cases at /cases/; partners at /partners/cases", own
client.post("/host-login")
page = client.get("/partners/cases")
html = page.get_data(as_text=True)
assert page.status_code == 200, page.status_code
assert "Your cases" in html
assert '<a href="/cases/">Council cases</a>' in html, "the host's navigation is on the page"
assert 'data-testid="sign-out"' not in html, "the service's own sign-out is not offered"
policy = page.headers["Content-Security-Policy"]
assert "img-src 'self' data: https://assets.council.example" in policy, policy
assert "'nonce-" in policy, policy
with host.app_context():
    with host_db.engine.connect() as connection:
        assert connection.execute(text("SELECT login FROM users")).scalar() == "sam"
    assert partners_db.session.scalar(partners_db.select(User.email)) == "sam@council.example"
print("host app with its own database, users table, cases blueprint, header and CSP: ok")
