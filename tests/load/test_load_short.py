"""A short version of the load run (``make load``): a few practitioners for a few seconds
against gunicorn on PostgreSQL. Runs only when TEST_DATABASE_URL names a PostgreSQL server
(a scratch database beside it is made and dropped)."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres, pytest.mark.commits]


def _load_module() -> Any:
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def scratch_postgres() -> Iterator[str]:
    """A scratch PostgreSQL database beside TEST_DATABASE_URL's, dropped afterwards."""
    base = os.environ.get("TEST_DATABASE_URL", "")
    if not base.startswith("postgresql"):
        pytest.skip("the load run needs PostgreSQL: set TEST_DATABASE_URL")
    url = make_url(base)
    name = f"{url.database}_load"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_short_load_run_has_no_errors_and_every_write_is_counted(scratch_postgres: str):
    load = _load_module()
    figures = load.run(scratch_postgres, users=5, duration=5, workers=2, threads=4)
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["writes_saved"] > 0
    assert figures["ok"], figures
