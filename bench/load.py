"""A bounded load run: N simulated practitioners against gunicorn on loopback, on PostgreSQL.

    python bench/load.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/load_helper \
        --users 50 --duration 60

What it does:

1. Empties the given database (it must be a scratch one: the name must not be ``test`` or
   the production one), runs the migrations, and makes one team per ten practitioners, the
   practitioners themselves (distinct accounts) and a case with two parents or carers for
   each.
2. Starts ``gunicorn`` on 127.0.0.1 (a free port) with that database.
3. Each simulated practitioner, in its own thread, signs in through the sign-in page, then
   until the time is up: reads the case list, reads one of its team's cases, opens the
   involvement form and logs an involvement through it (with its CSRF token).
4. Stops gunicorn, then counts: every involvement the run saved must be in the database,
   once, with its ``involvement_logged`` audit event; every write attempted must have been
   saved; no request may have failed.

It prints the figures (requests, errors, latency p50/p95/max, writes attempted, saved and
counted) and exits non-zero on any error or mismatch. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PASSWORD = "load test practitioner password"  # noqa: S105 - synthetic accounts on a scratch DB
PER_TEAM = 10
FORBIDDEN_NAMES = {"test", "postgres", "template0", "template1", "partners"}


@dataclass
class Stats:
    """What one simulated practitioner saw."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    writes_attempted: int = 0
    writes_saved: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)


def prepare(database_url: str, users: int) -> list[dict[str, Any]]:
    """Empty and migrate the scratch database; make teams, practitioners and their cases."""
    name = make_url(database_url).database or ""
    if name in FORBIDDEN_NAMES or not make_url(database_url).get_backend_name() == "postgresql":
        raise SystemExit(f"Refusing to empty {name!r}: give a scratch PostgreSQL database")
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()

    from flask_migrate import upgrade

    from parent_partners import create_app
    from parent_partners.extensions import db
    from parent_partners.models import User
    from parent_partners.operations import cases, partnership, people
    from parent_partners.operations.passwords import hash_password
    from parent_partners.operations.record_inputs import CarerInput, CaseInput

    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "load-setup",
                      "SQLALCHEMY_DATABASE_URI": database_url})
    accounts: list[dict[str, Any]] = []
    with app.app_context():
        upgrade()
        password_hash = hash_password(PASSWORD)  # one hash for all: setup stays quick
        teams = [people.create_team(f"Load Team {n + 1}")
                 for n in range(max(1, -(-users // PER_TEAM)))]
        for number in range(users):
            team = teams[number // PER_TEAM]
            user = User(email=f"load{number + 1}@example.org", name=f"Load Worker {number + 1}",
                        role="practitioner", team=team, password_hash=password_hash, active=True)
            db.session.add(user)
            db.session.flush()
            case = cases.open_case(CaseInput(
                team_id=team.id, worker_id=user.id, child_name=f"Load Child {number + 1}",
                child_dob=date(2011, 5, 14), gender="girl", ethnicity="mixed",
                harm_types=("cce",), contexts=("online",), opened_on=date(2026, 6, 1),
            ))
            assert case is not None
            carers = [
                partnership.add_carer(case, CarerInput(
                    name=f"Parent {number + 1}{suffix}", relationship_to_child=relationship,
                    parental_responsibility=True)).id
                for suffix, relationship in (("A", "mother"), ("B", "father"))
            ]
            accounts.append({"email": user.email, "case_id": case.id, "carer_ids": carers})
        db.session.commit()
        db.engine.dispose()
    return accounts


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    database_url: str, port: int, workers: int, threads: int
) -> subprocess.Popen[bytes]:
    """gunicorn on 127.0.0.1:port with the scratch database; waits (up to 90 s) until it answers."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_hex(32),
        "PARTNERS_ENV": "production",
        "SESSION_COOKIE_SECURE": "0",  # plain HTTP on loopback
    }
    env.pop("REDIS_URL", None)  # the database holds sessions, unless LOAD_REDIS_URL is given
    if os.environ.get("LOAD_REDIS_URL"):
        env["REDIS_URL"] = os.environ["LOAD_REDIS_URL"]
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
        [str(gunicorn), "--workers", str(workers), "--threads", str(threads),
         "--worker-class", "gthread", "--bind", f"127.0.0.1:{port}", "--timeout", "60",
         "--log-level", "warning", "wsgi:app"],
        cwd=ROOT, env=env,
    )
    deadline = time.monotonic() + 90  # a busy shared machine starts 4 workers slowly
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not answer within 30 s")


def involvement(carer_ids: list[int], token: str, n: int) -> dict[str, Any]:
    """A valid involvement form, as a browser sends it."""
    return {
        "csrf_token": token, "version": "1",
        "date": ["10", "11", "2026"], "carer_ids": [str(c) for c in carer_ids],
        "kind": "home_visit", "partnership_level": "consulted",
        "shares_child_information": "no", "parent_distress": "no",
        "parent_view": "I want to help keep her safe.",
        "strengths": f"Knows her friends by name (visit {n}).",
        "notes": f"Load run visit {n}: went through the safety plan together.",
    }


def practitioner(base: str, account: dict[str, Any], until: float, stats: Stats,
                 start: threading.Barrier) -> None:
    """One simulated practitioner: sign in, then read and write until ``until``."""
    client = httpx.Client(base_url=base, timeout=30, follow_redirects=False)

    def call(
        kind: str, method: str, url: str, expect: set[int], **kwargs: Any
    ) -> httpx.Response | None:
        began = time.perf_counter()
        try:
            response = client.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            stats.errors.append(f"{kind} {url}: {type(error).__name__}: {error}")
            return None
        finally:
            stats.latencies.append(time.perf_counter() - began)
            stats.requests += 1
            stats.by_kind[kind] += 1
        if response.status_code not in expect:
            stats.errors.append(f"{kind} {url}: HTTP {response.status_code}")
            return None
        return response

    try:
        page = call("sign-in form", "GET", "/login", {200})
        match = CSRF.search(page.text) if page else None
        start.wait()
        if match is None:
            stats.errors.append("no CSRF token on the sign-in page")
            return
        signed = call("sign in", "POST", "/login", {302},
                      data={"email": account["email"], "password": PASSWORD,
                            "csrf_token": match.group(1)})
        if signed is None:
            return
        case_url = f"/cases/{account['case_id']}"
        n = 0
        while time.monotonic() < until:
            n += 1
            call("case list", "GET", "/cases", {200})
            call("case page", "GET", case_url, {200})
            form = call("involvement form", "GET", f"{case_url}/involvements/new", {200})
            token = CSRF.search(form.text) if form else None
            if token is None:
                continue
            stats.writes_attempted += 1
            saved = call("log involvement", "POST", f"{case_url}/involvements/new", {302},
                         data=involvement(account["carer_ids"], token.group(1), n))
            if saved is not None:
                stats.writes_saved += 1
    finally:
        client.close()


def count(database_url: str, case_ids: list[int]) -> dict[str, int]:
    """What the database holds for the run's cases afterwards."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        involvements = connection.execute(
            text("SELECT count(*) FROM involvements WHERE case_id = ANY(:ids)"),
            {"ids": case_ids}).scalar_one()
        logged = connection.execute(
            text("SELECT count(*) FROM access_events WHERE action = 'involvement_logged' "
                 "AND case_id = ANY(:ids)"), {"ids": case_ids}).scalar_one()
        links = connection.execute(
            text("SELECT count(*) FROM involvement_carers ic JOIN involvements i "
                 "ON i.id = ic.involvement_id WHERE i.case_id = ANY(:ids)"),
            {"ids": case_ids}).scalar_one()
        views = connection.execute(
            text("SELECT count(*) FROM access_events WHERE action = 'case_viewed' "
                 "AND case_id = ANY(:ids)"), {"ids": case_ids}).scalar_one()
    engine.dispose()
    return {"involvements": int(involvements), "involvement_logged_events": int(logged),
            "carer_links": int(links), "case_viewed_events": int(views)}


def serve_and_load(database_url: str, accounts: list[dict[str, Any]], duration: float,
                   workers: int, threads: int) -> tuple[list[Stats], float]:
    """Start gunicorn, let one practitioner thread per account work for ``duration`` seconds
    (all starting together), stop the server; return each one's stats and the seconds taken."""
    port = free_port()
    server = start_server(database_url, port, workers, threads)
    stats = [Stats() for _ in accounts]
    start = threading.Barrier(len(accounts))
    try:
        began = time.monotonic()
        until = began + duration
        pool = [threading.Thread(target=practitioner,
                                 args=(f"http://127.0.0.1:{port}", account, until, mine, start))
                for account, mine in zip(accounts, stats, strict=True)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        elapsed = time.monotonic() - began
    finally:
        server.terminate()
        server.wait(timeout=30)
    return stats, elapsed


def run(database_url: str, users: int, duration: float, workers: int = 4,
        threads: int = 4) -> dict[str, Any]:
    """Prepare, serve, load, count; return the figures (``ok`` says whether all held)."""
    accounts = prepare(database_url, users)
    stats, elapsed = serve_and_load(database_url, accounts, duration, workers, threads)
    counted = count(database_url, [account["case_id"] for account in accounts])
    latencies = sorted(latency for item in stats for latency in item.latencies)
    errors = [error for item in stats for error in item.errors]
    attempted = sum(item.writes_attempted for item in stats)
    saved = sum(item.writes_saved for item in stats)
    views = sum(item.by_kind["case page"] for item in stats)
    by_kind: Counter[str] = Counter()
    for item in stats:
        by_kind.update(item.by_kind)
    figures = {
        "users": users,
        "duration_s": round(elapsed, 1),
        "gunicorn": f"{workers} workers x {threads} threads",
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0,
        "errors": len(errors),
        "latency_ms": {
            "p50": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p95": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1)
            if latencies else None,
            "max": round(latencies[-1] * 1000, 1) if latencies else None,
        },
        "by_kind": dict(sorted(by_kind.items())),
        "writes_attempted": attempted,
        "writes_saved": saved,
        "counted": counted,
        "first_errors": errors[:10],
    }
    figures["ok"] = (
        not errors
        and attempted == saved == counted["involvements"] == counted["involvement_logged_events"]
        and counted["carer_links"] == 2 * saved
        and counted["case_viewed_events"] == views
        and saved > 0
    )
    return figures


def main() -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get(
        "LOAD_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/load_helper"))
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    args = parser.parse_args()
    figures = run(args.database_url, args.users, args.duration, args.workers, args.threads)
    print(json.dumps(figures, indent=2))
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
