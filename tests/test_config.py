"""Configuration from the environment."""

from __future__ import annotations

import pytest

from parent_partners import ConfigError, create_app
from parent_partners.config import database_url, load_config


def test_missing_secret_key_outside_development_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("PARTNERS_ENV", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY is not set"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite"})


def test_development_runs_without_secret_key(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("PARTNERS_ENV", "development")
    config = load_config(str(tmp_path))
    assert config["SECRET_KEY"] and config["SESSION_COOKIE_SECURE"] is False


def test_default_database_is_sqlite_in_instance_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url(str(tmp_path)) == f"sqlite:///{tmp_path}/parent_partners.sqlite"


def test_postgres_urls_use_psycopg3(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h:5432/d")
    assert database_url(str(tmp_path)) == "postgresql+psycopg://u@h:5432/d"


def test_redis_url_is_read(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTNERS_ENV", "development")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert load_config(str(tmp_path))["REDIS_URL"] == "redis://127.0.0.1:6379/0"
