"""Saves racing on one case, for real: gunicorn with 4 worker processes on PostgreSQL.

6 API tokens each send 5 involvements to the same case, all 30 at the same moment. None
may answer 500; every 201 is a row; the dashboard summaries equal a rebuild from the
records; no finding has two open flags. Then a short contention load run through the
pages (several practitioners sharing two cases)."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

import pytest

from tests.load.test_load_short import ROOT
from tests.load.test_load_short import scratch_postgres as scratch_postgres  # fixture

pytestmark = [pytest.mark.postgres, pytest.mark.commits]


def _module() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(
        "bench_contention", ROOT / "bench" / "contention.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_contention"] = module
    spec.loader.exec_module(module)
    return module


def test_thirty_simultaneous_involvements_on_one_case_are_all_kept(scratch_postgres: str):
    figures = _module().burst(scratch_postgres, tokens=6, each=5, workers=4, threads=4)
    assert figures["errors"] == [], figures
    assert all(status < 500 for status in figures["statuses"]), figures
    assert figures["saved"] == 30, figures
    assert figures["involvements"] == figures["saved"] == figures["involvement_logged_events"]
    assert figures["duplicate_open_flags"] == 0
    assert figures["summaries_equal_rebuild"], figures


def test_a_short_contention_run_loses_nothing(scratch_postgres: str):
    figures = _module().run(scratch_postgres, users=8, cases=2, duration=5, workers=2, threads=4)
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["lost_writes"] == 0
    assert figures["ok"], figures
