"""Crash safety and backups: an import killed part-way leaves nothing written; a backup
restores to exactly what was backed up (SQLite online backup; pg_dump/pg_restore)."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from parent_partners import create_app
from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Carer, Case, User
from parent_partners.operations import cases as case_ops
from parent_partners.operations import partnership, people
from parent_partners.operations.backup import fingerprint
from parent_partners.operations.record_inputs import CarerInput, CaseInput
from tests.api_support import Api, cli_token
from tests.conftest import ROOT, PageClient
from tests.test_import import HEADER
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

# Backups, restores and the importer work on databases of their own, through other
# connections and processes: every write here really commits.
pytestmark = [pytest.mark.usefixtures("cheap_passwords"), pytest.mark.commits]

FLASK = str(Path(sys.executable).with_name("flask"))


def _env(database_url: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": database_url, "PARTNERS_ENV": "development"}
    env.pop("REDIS_URL", None)
    return env


def _wait_for_progress(terminal: int, at_least: int, of: int) -> int:
    """Read the importer's progress bar until it shows ``at_least`` cases; return the count."""
    shown, written = "", 0
    deadline = time.monotonic() + 180  # a loaded machine imports a few cases a second
    while written < at_least and time.monotonic() < deadline:
        ready, _, _ = select.select([terminal], [], [], max(deadline - time.monotonic(), 0))
        try:
            chunk = os.read(terminal, 4096) if ready else b""
        except OSError:  # the importer closed its terminal
            chunk = b""
        if not chunk:
            break
        shown += chunk.decode(errors="replace")
        counts = re.findall(rf"(\d+)/{of}", shown)
        written = int(counts[-1]) if counts else 0
    assert written >= at_least, shown[-2000:]
    return written


def test_an_import_killed_part_way_writes_nothing(
    app: Flask, database_url: str, make_user, tmp_path: Path
):
    worker = make_user("practitioner", team="North Team")
    rows = [
        f"KILL-{n},Child {n},2012-01-01,girl,,cce,online,North Team,{worker.email},2026-05-01,"
        f"Parent {n},mother,yes"
        for n in range(1500)
    ]
    export = tmp_path / "big.csv"
    export.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    # On a terminal the importer draws its progress ("Importing cases [#---] 50/1500"):
    # each step is a case opened with its carer, checked and audited, not yet committed.
    terminal, importer_side = pty.openpty()
    importer = subprocess.Popen(
        [FLASK, "--app", "wsgi", "partners", "import-cases", str(export)],
        cwd=ROOT, env=_env(database_url), stdout=importer_side, stderr=importer_side,
    )
    os.close(importer_side)
    try:
        written = _wait_for_progress(terminal, at_least=50, of=len(rows))
    finally:  # killed whatever the wait saw, so no importer outlives the test
        importer.send_signal(signal.SIGKILL)
        importer.wait(timeout=30)
        os.close(terminal)
    assert 50 <= written < len(rows), f"killed after {written} of {len(rows)} cases"
    assert importer.returncode == -signal.SIGKILL, "the import finished before it was killed"
    with app.app_context():
        db.session.remove()
        assert db.session.scalar(db.select(db.func.count()).select_from(Case)) == 0
        assert db.session.scalar(db.select(db.func.count()).select_from(Carer)) == 0
        actions = db.session.scalars(db.select(AccessEvent.action)).all()
        assert "cases_imported" not in actions and "case_opened" not in actions


# -- backup and restore ----------------------------------------------------------------------


def _scratch_urls(tmp_path: Path) -> list[str]:
    urls = [f"sqlite:///{tmp_path}/backup.sqlite"]
    base = os.environ.get("TEST_DATABASE_URL", "")
    if base.startswith("postgresql"):
        urls.append(make_url(base).set(database=f"{make_url(base).database}_backup")
                     .render_as_string(hide_password=False))
    return urls


@pytest.fixture(params=["sqlite", "postgresql"])
def scratch(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A scratch database of each kind (PostgreSQL only with TEST_DATABASE_URL)."""
    urls = {make_url(url).get_backend_name(): url for url in _scratch_urls(tmp_path)}
    url = urls.get(request.param)
    if url is None:
        pytest.skip("PostgreSQL backups need TEST_DATABASE_URL")
    if request.param == "postgresql":
        parsed = make_url(url)
        admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
        yield url
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        admin.dispose()
    else:
        yield url


def _seed(app: Flask) -> None:
    with app.app_context():
        team = people.create_team("North Team")
        worker = people.create_user(email="w@example.org", name="W", role="practitioner",
                                    password="correct horse battery staple", team=team)
        for number in range(3):
            case = case_ops.open_case(CaseInput(
                team_id=team.id, worker_id=worker.id, child_name=f"Child {number}",
                child_dob=date(2012, 1, 1), gender="girl", ethnicity="mixed",
                harm_types=["cce"], contexts=["online"], opened_on=date(2026, 5, 1),
            ))
            assert case is not None
            partnership.add_carer(case, CarerInput(name=f"Parent {number}",
                                             relationship_to_child="mother",
                                             parental_responsibility=True,
                                             safe_to_involve=True))
        db.session.commit()


def test_backup_then_restore_gives_back_exactly_what_was_saved(scratch: str, tmp_path: Path):
    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": scratch})
    runner = app.test_cli_runner()
    with app.app_context():
        upgrade()
    _seed(app)
    with app.app_context():
        before = fingerprint()
    target = tmp_path / "partners.backup"
    result = runner.invoke(args=["partners", "backup", "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0

    with app.app_context():  # life goes on: a new case, an edited name, a disabled account
        worker = db.session.scalar(db.select(User))
        case = db.session.scalar(db.select(Case))
        case_ops.open_case(CaseInput(team_id=case.team_id, worker_id=worker.id, child_name="Later",
                           child_dob=None, gender="girl", ethnicity="mixed", harm_types=[],
                           contexts=[], opened_on=date(2026, 6, 1)))
        db.session.scalar(db.select(Carer)).name = "Changed"
        people.set_active(worker, False)
        db.session.commit()
        assert fingerprint() != before

    refused = runner.invoke(args=["partners", "restore", "--from", str(target)], input="n\n")
    assert refused.exit_code != 0  # it asks first
    result = runner.invoke(args=["partners", "restore", "--from", str(target), "--yes"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        after = fingerprint()
        restored = db.session.scalars(
            db.select(AccessEvent).where(AccessEvent.action == "database_restored")
        ).all()
        assert len(restored) == 1  # the restore itself is recorded, after it
        db.session.delete(restored[0])
        db.session.commit()
        # The restore starts a new epoch (that is what ends the sessions from before it).
        assert fingerprint() != before
        before.pop("service_instance")
        assert {k: v for k, v in fingerprint().items() if k != "service_instance"} == before
        assert set(after) == {*before, "service_instance"}
        assert after["cases"][0] == 3 and after["carers"][0] == 3
        db.session.remove()
        db.engine.dispose()


def test_restoring_something_that_is_not_a_backup_changes_nothing(tmp_path: Path):
    url = f"sqlite:///{tmp_path}/live.sqlite"
    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
    _seed(app)
    with app.app_context():
        before = fingerprint()
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"this is not a database" * 100)
    result = app.test_cli_runner().invoke(
        args=["partners", "restore", "--from", str(junk), "--yes"]
    )
    assert result.exit_code != 0 and "not" in result.output
    with app.app_context():
        assert fingerprint() == before
        db.engine.dispose()


def test_a_backup_is_private_to_its_owner(scratch: str, tmp_path: Path):
    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": scratch})
    with app.app_context():
        upgrade()
    _seed(app)
    target = tmp_path / "new-folder" / "partners.backup"
    result = app.test_cli_runner().invoke(args=["partners", "backup", "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.parent.stat().st_mode & 0o777 == 0o700
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    refused = app.test_cli_runner().invoke(
        args=["partners", "backup", "--to", str(shared / "partners.backup")]
    )
    assert refused.exit_code != 0 and "chmod 700" in refused.output
    assert not (shared / "partners.backup").exists()
    with app.app_context():
        db.engine.dispose()


def test_after_a_restore_an_old_session_cookie_and_token_are_refused(scratch: str, tmp_path: Path):
    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": scratch,
                      "SERVER_NAME": None})
    with app.app_context():
        upgrade()
    _seed(app)
    browser = PageClient(app.test_client())
    assert browser.sign_in("w@example.org").status_code == 302
    assert browser.get("/cases").status_code == 200
    token = cli_token(app, "w@example.org")
    api = Api(app, token)
    assert api.get("/api/v1/cases").status_code == 200
    target = tmp_path / "backups" / "partners.backup"
    assert app.test_cli_runner().invoke(args=["partners", "backup", "--to", str(target)]
                                        ).exit_code == 0

    result = app.test_cli_runner().invoke(
        args=["partners", "restore", "--from", str(target), "--yes"])
    assert result.exit_code == 0, result.output

    page = browser.get("/cases")
    assert page.status_code == 302 and "/login" in page.headers["Location"]
    assert api.get("/api/v1/cases").status_code == 401
    # Signing in again works, in the new epoch.
    fresh = PageClient(app.test_client())
    assert fresh.sign_in("w@example.org").status_code == 302
    assert fresh.get("/cases").status_code == 200
    with app.app_context():
        db.engine.dispose()
