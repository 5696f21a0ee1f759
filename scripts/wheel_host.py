"""A host app, as a council would write one, using the installed wheel (run by check_wheel.sh).

The host has its own Flask-SQLAlchemy and its own ``users`` table in the same database as the
service (on PostgreSQL the service keeps to its own schema; on SQLite it gets its own file).
"""

from __future__ import annotations

import os
import secrets
import sys

from flask import Flask, session
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

import parent_partners
from parent_partners import PartnersPlugin
from parent_partners.extensions import db as partners_db
from parent_partners.migrating import upgrade
from parent_partners.models import User
from parent_partners.operations import people

url = os.environ["WHEEL_HOST_URL"]
if "site-packages" not in parent_partners.__file__:
    sys.exit(f"expected the installed wheel, got {parent_partners.__file__}")

host = Flask("council_host")
host.config.update(SECRET_KEY=secrets.token_hex(16), SQLALCHEMY_DATABASE_URI=url)
if url.startswith("postgresql"):
    host.config["PARTNERS_DB_SCHEMA"] = "partners"
else:
    host.config["PARTNERS_DATABASE_URL"] = url.replace("host.sqlite", "partners.sqlite")
host_db = SQLAlchemy()


class HostUser(host_db.Model):  # type: ignore[name-defined,misc]
    """The host's own users table."""

    __tablename__ = "users"
    id = host_db.Column(host_db.Integer, primary_key=True)
    login = host_db.Column(host_db.String(40))


host_db.init_app(host)


@host.post("/host-login")
def host_login() -> str:
    """The host's own sign-in."""
    session["who"] = "sam"
    return "ok"


def identity() -> User | None:
    """The host's user as a partners practitioner."""
    if session.get("who") != "sam":
        return None
    email = "sam@council.example"
    user = partners_db.session.scalar(partners_db.select(User).where(User.email == email))
    if user is None:
        team = people.create_team("Host Team")
        user = people.create_user(email=email, name="Sam", role="practitioner", team=team,
                                  password=secrets.token_urlsafe(24))
    return user


PartnersPlugin(host, url_prefix="/partners", identity_loader=identity)
with host.app_context():
    host_db.drop_all()
    host_db.create_all()
    host_db.session.add(HostUser(login="sam"))
    host_db.session.commit()
    upgrade()
client = host.test_client()
client.post("/host-login")
page = client.get("/partners/cases")
assert page.status_code == 200, page.status_code
assert "Your cases" in page.get_data(as_text=True)
with host.app_context():
    with host_db.engine.connect() as connection:
        assert connection.execute(text("SELECT login FROM users")).scalar() == "sam"
    assert partners_db.session.scalar(partners_db.select(User.email)) == "sam@council.example"
print("host app with its own database and users table: ok")
