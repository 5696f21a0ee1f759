"""Flask extensions, created unbound and bound to an app in the factory."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from parent_partners.schema import engine_options

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
DB_EXTENSION_KEY = "parent_partners_db"
_OWN_KEYS = ("SQLALCHEMY_DATABASE_URI", "SQLALCHEMY_ENGINE_OPTIONS", "SQLALCHEMY_BINDS")


class Base(DeclarativeBase):
    """Declarative base for every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PartnersSQLAlchemy(SQLAlchemy):
    """The service's own Flask-SQLAlchemy, able to sit beside a host app's instance.

    Flask-SQLAlchemy allows one instance per app; a host that has its own keeps it, and this
    one gets its own engine (``PARTNERS_DATABASE_URL``, else the host's database URL, with
    ``PARTNERS_DB_SCHEMA`` as its PostgreSQL search path) without taking the host's place.
    """

    def init_app(self, app: Flask) -> None:
        """Create this instance's engine for ``app``, leaving any host instance in charge."""
        host = app.extensions.get("sqlalchemy")
        if host is self:
            return
        saved: dict[str, Any] = {key: app.config.get(key) for key in _OWN_KEYS}
        url = app.config.get("PARTNERS_DATABASE_URL") or saved["SQLALCHEMY_DATABASE_URI"]
        options = dict(app.config.get("PARTNERS_ENGINE_OPTIONS") or saved[_OWN_KEYS[1]] or {})
        app.config["SQLALCHEMY_DATABASE_URI"] = url
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(
            str(url), options, app.config.get("PARTNERS_DB_SCHEMA")
        )
        app.config["SQLALCHEMY_BINDS"] = {}
        if host is not None:
            del app.extensions["sqlalchemy"]
        try:
            super().init_app(app)
        finally:
            if host is not None:
                app.extensions["sqlalchemy"] = host
                app.config.update(saved)
        app.extensions[DB_EXTENSION_KEY] = self


db = PartnersSQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
