"""Many writers on few cases at once, against gunicorn on PostgreSQL: nothing lost.

    python bench/contention.py \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/load_helper \
        --users 50 --cases 5 --duration 60

``load.py`` gives every practitioner a case of their own; here they share: ``--users``
practitioners of one team log involvements through the pages on ``--cases`` cases for
``--duration`` seconds, and API tokens post at the same time. Afterwards:

- no response may be an error (≥ 500, or any status other than the expected ones);
- every save answered as saved is in the database once, with its audit event
  ("0 lost writes"), and nothing else was saved;
- no finding has two open flags;
- the summary tables equal what ``partners rebuild-summaries`` makes from the records.

``burst`` is the short form used by the test suite: N tokens x M involvements on one case,
all sent at the same moment.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load

FIRST_DAY = date(2026, 6, 1)


def prepare_shared(database_url: str, users: int, cases: int, tokens: int) -> dict[str, Any]:
    """Practitioners of one team, ``cases`` shared cases with two carers, API tokens."""
    accounts = load.prepare(database_url, cases)
    from parent_partners import create_app
    from parent_partners.extensions import db
    from parent_partners.models import Team, User
    from parent_partners.operations.passwords import hash_password
    from parent_partners.operations.tokens import create_token

    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "contention-setup",
                      "SQLALCHEMY_DATABASE_URI": database_url})
    secrets: list[str] = []
    emails = [account["email"] for account in accounts]
    with app.app_context():
        # load.prepare made a team per ten users: put every case's worker in the first one.
        team = db.session.scalar(db.select(Team).order_by(Team.id))
        assert team is not None
        db.session.execute(text("UPDATE users SET team_id = :t"), {"t": team.id})
        db.session.execute(text("UPDATE cases SET team_id = :t"), {"t": team.id})
        password_hash = hash_password(load.PASSWORD)
        for number in range(len(accounts), users):
            user = User(email=f"load{number + 1}@example.org", name=f"Load Worker {number + 1}",
                        role="practitioner", team=team, password_hash=password_hash,
                        active=True)
            db.session.add(user)
            emails.append(user.email)
        db.session.flush()
        first = db.session.scalar(db.select(User).order_by(User.id))
        assert first is not None
        for number in range(tokens):
            secrets.append(create_token(first, f"Contention {number + 1}")[1])
        from parent_partners.operations import summaries

        summaries.rebuild_all()  # the teams moved: start from figures that are right
        db.session.commit()
        db.engine.dispose()
    return {"emails": emails, "cases": accounts, "tokens": secrets}


def api_involvement(carer_ids: list[int], n: int) -> dict[str, Any]:
    """An involvement for the API; mostly "informed" (stalls), now and then "partner"."""
    return {
        "carer_ids": carer_ids,
        "date": (FIRST_DAY + timedelta(days=(n * 5) % 150)).isoformat(),
        "kind": "home_visit",
        "partnership_level": "partner" if n % 7 == 6 else "informed",
        "shares_child_information": n % 2 == 0,
        "shared_what": "The safety plan." if n % 2 == 0 else "",
        "shared_why": "So they can help keep the child safe." if n % 2 == 0 else "",
        "parent_view": "I want to help.",
        "strengths": "" if n % 3 == 0 else "Came to every meeting.",
        "notes": f"Contention visit {n}.",
    }


def check(database_url: str, case_ids: list[int]) -> dict[str, Any]:
    """What the database holds afterwards, and whether the summaries equal a rebuild."""
    counted = load.count(database_url, case_ids)  # involvements, their events, views
    engine = create_engine(database_url)
    with engine.connect() as connection:
        duplicates = connection.execute(text(
            "SELECT count(*) FROM (SELECT case_id, finding_key FROM flags "
            "WHERE status IN ('open', 'reopened') GROUP BY case_id, finding_key "
            "HAVING count(*) > 1) AS twice")).scalar_one()
    engine.dispose()
    return {"involvements": counted["involvements"],
            "involvement_logged_events": counted["involvement_logged_events"],
            "duplicate_open_flags": int(duplicates),
            "summaries_equal_rebuild": summaries_equal_rebuild(database_url)}


def summaries_equal_rebuild(database_url: str) -> bool:
    """Whether the kept summary tables hold exactly what a rebuild from the records makes."""
    from parent_partners import create_app
    from parent_partners.extensions import db
    from parent_partners.operations import summaries

    # Where the counts start, per table; a row whose counts are all 0 says nothing (a
    # rebuild may write one where upkeep leaves none), so neither side keeps those.
    tables = {"case_month_stats": 7, "practice_rollup": 3, "fairness_rollup": 4}
    app = create_app({"ENV_NAME": "test", "SECRET_KEY": "contention-check",
                      "SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        def snapshot() -> dict[str, list[tuple[Any, ...]]]:
            return {
                name: sorted(tuple(row) for row in db.session.execute(
                    text(f"SELECT * FROM {name}"))  # noqa: S608 - fixed names
                    if any(row[keys:]))
                for name, keys in tables.items()
            }

        kept = snapshot()
        summaries.rebuild_all()
        rebuilt = snapshot()
        db.session.rollback()
        db.engine.dispose()
    return kept == rebuilt


def burst(database_url: str, tokens: int = 6, each: int = 5, workers: int = 4,
          threads: int = 4) -> dict[str, Any]:
    """``tokens`` x ``each`` involvements to one case, all at once, through the API."""
    prepared = prepare_shared(database_url, 1, 1, tokens)
    case = prepared["cases"][0]
    port = load.free_port()
    server = load.start_server(database_url, port, workers, threads)
    statuses: list[int] = []
    errors: list[str] = []
    start = threading.Barrier(tokens * each)

    def post(secret: str, n: int) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            start.wait()
            try:
                response = client.post(
                    f"/api/v1/cases/{case['case_id']}/involvements",
                    json=api_involvement(case["carer_ids"], n),
                    headers={"Authorization": f"Bearer {secret}"},
                )
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__}: {error}")
                return
            statuses.append(response.status_code)
            if response.status_code >= 500:
                errors.append(response.text[:300])

    try:
        pool = [threading.Thread(target=post, args=(secret, t * each + n))
                for t, secret in enumerate(prepared["tokens"]) for n in range(each)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"statuses": dict(Counter(statuses)), "saved": statuses.count(201),
            "errors": errors, **check(database_url, [case["case_id"]])}


def run(database_url: str, users: int, cases: int, duration: float, workers: int = 4,
        threads: int = 4) -> dict[str, Any]:
    """The contention load run: ``users`` practitioners on ``cases`` shared cases."""
    prepared = prepare_shared(database_url, users, cases, 0)
    shared = prepared["cases"]
    accounts = [{"email": email, **{k: v for k, v in shared[n % cases].items() if k != "email"}}
                for n, email in enumerate(prepared["emails"])]
    stats, elapsed = load.serve_and_load(database_url, accounts, duration, workers, threads)
    latencies = sorted(latency for item in stats for latency in item.latencies)
    errors = [error for item in stats for error in item.errors]
    attempted = sum(item.writes_attempted for item in stats)
    saved = sum(item.writes_saved for item in stats)
    counted = check(database_url, [case["case_id"] for case in shared])
    figures = {
        "users": users, "shared_cases": cases, "duration_s": round(elapsed, 1),
        "gunicorn": f"{workers} workers x {threads} threads",
        "requests": len(latencies),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0,
        "errors": len(errors),
        "latency_ms": {
            "p50": round(latencies[len(latencies) // 2] * 1000, 1) if latencies else None,
            "p95": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1)
            if latencies else None,
            "max": round(latencies[-1] * 1000, 1) if latencies else None,
        },
        "writes_attempted": attempted, "writes_saved": saved,
        "lost_writes": attempted - counted["involvements"],
        "counted": counted, "first_errors": errors[:10],
    }
    figures["ok"] = (
        not errors and saved > 0
        and attempted == saved == counted["involvements"] == counted["involvement_logged_events"]
        and counted["duplicate_open_flags"] == 0 and counted["summaries_equal_rebuild"]
    )
    return figures


def main() -> int:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--cases", type=int, default=5)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    figures = run(args.database_url, args.users, args.cases, args.duration, args.workers,
                  args.threads)
    print(json.dumps(figures, indent=2))
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
