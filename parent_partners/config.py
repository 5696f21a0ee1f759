"""Configuration read from the environment.

Development runs with a throwaway secret and a SQLite file under ``instance/``;
anything else must be given a ``SECRET_KEY`` or the app refuses to start.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

DEV_SECRET = "dev-only-not-secret"  # noqa: S105 - refused outside development


class ConfigError(RuntimeError):
    """Raised when the environment cannot run the app safely."""


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_url(instance_path: str) -> str:
    """Return the database URL: ``DATABASE_URL`` or a SQLite file in the instance folder."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return _psycopg(url)
    return "sqlite:///" + str(Path(instance_path) / "parent_partners.sqlite")


def _psycopg(url: str) -> str:
    # Hosting platforms often hand out postgres:// URLs; we use psycopg 3.
    if url.startswith("postgres://"):
        return "postgresql+psycopg://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def _host_database(config: dict[str, Any]) -> None:
    """``PARTNERS_DATABASE_URL`` and ``PARTNERS_DB_SCHEMA`` from the environment, so that
    ``partners db upgrade`` can migrate the service's schema in a host's database."""
    url = os.environ.get("PARTNERS_DATABASE_URL")
    if url:
        config["PARTNERS_DATABASE_URL"] = _psycopg(url)
    schema = os.environ.get("PARTNERS_DB_SCHEMA")
    if schema:
        config["PARTNERS_DB_SCHEMA"] = schema


def load_config(instance_path: str, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Build the app configuration from the environment, then apply ``overrides``."""
    overrides = dict(overrides or {})
    env = (
        overrides.get("ENV_NAME")
        or os.environ.get("PARTNERS_ENV")
        or ("development" if os.environ.get("FLASK_DEBUG") == "1" else "production")
    )
    development = env in {"development", "test"}
    secret = overrides.get("SECRET_KEY") or os.environ.get("SECRET_KEY")
    if not secret:
        if not development:
            raise ConfigError(
                "SECRET_KEY is not set. Set SECRET_KEY to a long random value "
                "(for example: python -c 'import secrets; print(secrets.token_hex(32))'), "
                "or set PARTNERS_ENV=development for a local demo."
            )
        secret = DEV_SECRET
    config: dict[str, Any] = {
        "ENV_NAME": env,
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        "WTF_CSRF_ENABLED": True,
        "WTF_CSRF_TIME_LIMIT": None,  # the session lifetime bounds the token instead
        "SESSION_COOKIE_NAME": "partners_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # Plain-HTTP local development cannot send Secure cookies back.
        "SESSION_COOKIE_SECURE": _bool(os.environ.get("SESSION_COOKIE_SECURE"), not development),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": _bool(os.environ.get("SESSION_COOKIE_SECURE"), not development),
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),  # absolute: sign in again after
        "PARTNERS_SESSION_IDLE_MINUTES": int(os.environ.get("PARTNERS_SESSION_IDLE_MINUTES", "30")),
        # Reverse proxies in front of the app whose X-Forwarded-For/-Proto to trust (0: none);
        # sign-in throttling counts by client address, so set this behind a proxy.
        "PARTNERS_PROXY_HOPS": int(os.environ.get("PARTNERS_PROXY_HOPS", "0")),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "CONSULTATION_WINDOW_DAYS": int(os.environ.get("CONSULTATION_WINDOW_DAYS", "90")),
        # Kinds of contact that need no strengths when short (a call to move a visit), and
        # how short: notes, actions and sharing together, in characters.
        "STRENGTHS_EXEMPT_KINDS": tuple(
            k.strip()
            for k in os.environ.get("STRENGTHS_EXEMPT_KINDS", "phone_call").split(",")
            if k.strip()
        ),
        "STRENGTHS_EXEMPT_MAX_CHARS": int(os.environ.get("STRENGTHS_EXEMPT_MAX_CHARS", "200")),
        "SERVICE_NAME": "Parents as partners",
    }
    _host_database(config)
    config.update(overrides)
    return config
