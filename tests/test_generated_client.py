"""The sync journey as a council's integrator runs it: generate a Python client with
openapi-python-client from the served /api/v1/openapi.json, then use it against a live
server (pytest-flask's ``live_server``) to look up a team and a worker, open a case by
reference, find it again, PATCH it, meet a stale PATCH's 409, and page by cursor."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from flask import Flask

from parent_partners.extensions import db
from tests.api_support import cli_token

pytestmark = pytest.mark.commits  # the live server runs in another thread

GENERATOR = Path(sys.executable).with_name("openapi-python-client")
PACKAGE = "partners_sync_client"


@pytest.fixture
def _server_name_kept(app: Flask) -> Iterator[None]:
    """Leave the app as it was found once the live server has gone.

    pytest-flask points ``SERVER_NAME`` at the server while it runs and afterwards sets it
    back to a name of its own, never to None, which the other tests rely on. This fixture
    is set up before ``live_server`` and so torn down after it.
    """
    app.config["SERVER_NAME"] = "localhost"  # the name the server is reached by
    with app.app_context():
        db.engine.dispose()  # the server is a forked process: it must not share connections
    yield
    app.config["SERVER_NAME"] = None


@pytest.fixture
def served(_server_name_kept: None, live_server: Any) -> Iterator[Any]:
    """A live server on the test database, surely gone afterwards.

    pytest-flask stops its forked server with SIGINT and counts a timed-out wait as done. A
    server that outlives the test holds the pipes it inherited, among them the browser
    suite's Playwright driver's, and the session then never ends. So it is ended here.
    """
    yield live_server
    process = getattr(live_server, "_process", None)
    if process is not None and process.is_alive():
        process.terminate()
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join(5)


@pytest.fixture
def client_package(served: Any, tmp_path: Path) -> Iterator[Any]:
    """The client generated from the live server's OpenAPI document, imported."""
    if not GENERATOR.exists() and shutil.which("openapi-python-client") is None:
        pytest.skip(
            "openapi-python-client cannot run here: install the test extra "
            "(pip install -e '.[test]') to generate the client"
        )
    command = str(GENERATOR) if GENERATOR.exists() else "openapi-python-client"
    document = httpx.get(served.url("/api/v1/openapi.json"), timeout=10)
    assert document.status_code == 200
    (tmp_path / "openapi.json").write_bytes(document.content)
    env = {**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    generated = subprocess.run(
        [command, "generate", "--path", "openapi.json", "--meta", "none",
         "--output-path", PACKAGE],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def _part(package: Any, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


def test_the_sync_journey_with_a_generated_client(
    app: Flask, make_user, client_package: Any, served: Any
):
    worker = make_user("practitioner", name="Wren Worker")
    colleague = make_user("manager", name="Mo Manager")
    token = cli_token(app, worker.email)
    client = client_package.AuthenticatedClient(base_url=served.url("/api/v1"), token=token)
    api = {name: _part(client_package, f"api.{name}") for name in (
        "teams_and_users.list_teams", "teams_and_users.list_users", "cases.create_case",
        "cases.list_cases_view", "cases.patch_case")}
    models = _part(client_package, "models")

    teams = api["teams_and_users.list_teams"].sync(client=client)
    assert [team.name for team in teams.teams] == ["North Team"]
    users = api["teams_and_users.list_users"].sync(client=client, email=colleague.email)
    assert [user.id for user in users.users] == [colleague.id]

    body = models.CaseIn(child_name="Amira Hassan", reference="LA-2026-0077",
                         external_id="mosaic:77", worker_id=colleague.id,
                         opened_on=date(2026, 6, 1))
    created = api["cases.create_case"].sync_detailed(client=client, body=body)
    assert created.status_code == 201, created.content
    case = created.parsed
    assert case.team_id == teams.teams[0].id and case.worker_id == colleague.id

    found = api["cases.list_cases_view"].sync(client=client, reference="LA-2026-0077")
    assert [c.id for c in found.cases] == [case.id]
    by_own_id = api["cases.list_cases_view"].sync(client=client, external_id="mosaic:77")
    assert [c.id for c in by_own_id.cases] == [case.id]

    patch = api["cases.patch_case"]
    changed = patch.sync_detailed(client=client, case_id=case.id,
                                  body=models.CasePatch(version=case.version,
                                                        child_name="Amira H."))
    assert changed.status_code == 200, changed.content
    assert changed.parsed.child_name == "Amira H." and changed.parsed.version == 2
    assert changed.parsed.reference == "LA-2026-0077"

    stale = patch.sync_detailed(client=client, case_id=case.id,
                                body=models.CasePatch(version=1, child_name="Someone else"))
    assert stale.status_code == 409
    assert isinstance(stale.parsed, models.Problem) and stale.parsed.current_version == 2

    for n in range(3):
        extra = models.CaseIn(child_name=f"Child {n}", opened_on=date(2026, 6, 2))
        assert api["cases.create_case"].sync_detailed(client=client, body=extra).status_code == 201
    seen: list[int] = []
    cursor = ""
    while cursor is not None:
        page = api["cases.list_cases_view"].sync(client=client, cursor=cursor, per_page=2)
        seen += [c.id for c in page.cases]
        cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
    assert len(seen) == 4 and len(set(seen)) == 4
    assert seen[0] == case.id  # changed before the others were opened, so it comes first
