"""Pages at scale: requests per second of the case list and a case page against ``/healthz``.

    python bench/pages.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/i12_bench

1. Empties the given scratch PostgreSQL database, runs the migrations and seeds the demo with
   ``--cases`` cases (10,000 by default, seed 2026) through the bulk seeder, as
   ``partners seed-demo`` does; nothing else touches the database before the measurement, so
   the figures are the ones a service sees right after seeding.
2. Starts gunicorn on 127.0.0.1 (``--workers`` processes, 4 by default, one thread each).
3. Signs in as the demo practitioner (North Exploitation Team) and, for each page in turn,
   keeps ``--clients`` connections busy for ``--seconds`` after a short warm-up, counting the
   answers (every one must be a 200).
4. Prints requests per second for ``/healthz``, ``/cases`` and the practitioner's busiest case,
   and each page's ratio to ``/healthz``; exits non-zero if a ratio is under its target
   (case list 0.1, case page 0.2).

The machine's other work moves the absolute figures; the ratios to ``/healthz`` measured in
the same run are what to compare.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import FORBIDDEN_NAMES, free_port, start_server  # noqa: E402

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
TARGETS = {"case list": 0.1, "case page": 0.2}


def prepare(database_url: str, cases: int, seed: bool = True) -> int:
    """Empty, migrate and seed the scratch database (unless ``seed`` is False: measure what a
    previous run seeded); return the busiest case of the practitioner."""
    url = make_url(database_url)
    if url.database in FORBIDDEN_NAMES or url.get_backend_name() != "postgresql":
        raise SystemExit(f"Refusing to empty {url.database!r}: give a scratch PostgreSQL database")
    if seed:
        engine = create_engine(database_url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()

    from flask_migrate import upgrade

    from parent_partners import create_app
    from parent_partners.demo import seed_demo
    from parent_partners.extensions import db
    from parent_partners.models import Case, Involvement, User

    app = create_app(
        {"ENV_NAME": "test", "SECRET_KEY": "pages-bench", "SQLALCHEMY_DATABASE_URI": database_url}
    )
    with app.app_context():
        if seed:
            upgrade()
            began = time.perf_counter()
            seed_demo(case_count=cases, seed=2026, if_empty=False, echo=print, workers=2)
            db.session.commit()
            print(f"Seeded {cases:,} cases in {time.perf_counter() - began:.0f} s")
        sam = db.session.scalar(select(User).where(User.email == "practitioner@example.org"))
        assert sam is not None
        busiest = db.session.execute(
            select(Case.id, func.count(Involvement.id))
            .join(Involvement, Involvement.case_id == Case.id)
            .where(Case.team_id == sam.team_id)
            .group_by(Case.id)
            .order_by(func.count(Involvement.id).desc(), Case.id)
            .limit(1)
        ).one()
        print(f"Case page: case {busiest[0]} with {busiest[1]} involvements")
        db.engine.dispose()
    return int(busiest[0])


def sign_in(base: str) -> httpx.Cookies:
    """Sign in as the demo practitioner through the sign-in page; return the session cookies."""
    from parent_partners.demo import DEMO_PASSWORD

    with httpx.Client(base_url=base, timeout=30) as client:
        form = client.get("/login")
        match = CSRF.search(form.text)
        assert match, "no CSRF token on the sign-in page"
        answer = client.post(
            "/login",
            data={
                "csrf_token": match.group(1),
                "email": "practitioner@example.org",
                "password": DEMO_PASSWORD,
            },
        )
        assert answer.status_code == 302, answer.status_code
        return client.cookies


def rate(base: str, path: str, cookies: httpx.Cookies, clients: int, seconds: float) -> float:
    """Requests per second answered for ``path`` with ``clients`` connections kept busy."""
    counts = [0] * clients
    failures: list[str] = []
    stop = threading.Event()
    measuring = threading.Event()

    def run(slot: int) -> None:
        with httpx.Client(base_url=base, timeout=60, cookies=cookies) as client:
            while not stop.is_set():
                response = client.get(path)
                if response.status_code != 200:
                    failures.append(f"{path}: HTTP {response.status_code}")
                    return
                if measuring.is_set():
                    counts[slot] += 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(min(3.0, seconds / 3))  # warm-up: connections, worker caches
    measuring.set()
    began = time.perf_counter()
    time.sleep(seconds)
    done = sum(counts)
    elapsed = time.perf_counter() - began
    stop.set()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(failures[0])
    return done / elapsed


def main() -> int:
    """Seed, serve, measure, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "PAGES_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/i12_bench"
        ),
    )
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--clients", type=int, default=8, help="connections kept busy")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument(
        "--reuse", action="store_true",
        help="measure the database a previous run seeded (compare two builds on the same data)",
    )
    args = parser.parse_args()

    case_id = prepare(args.database_url, args.cases, seed=not args.reuse)
    port = free_port()
    server = start_server(args.database_url, port, args.workers, 1)
    base = f"http://127.0.0.1:{port}"
    try:
        cookies = sign_in(base)
        pages = {"healthz": "/healthz", "case list": "/cases", "case page": f"/cases/{case_id}"}
        rates = {
            name: rate(base, path, cookies, args.clients, args.seconds)
            for name, path in pages.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"\n{args.cases:,} cases, gunicorn {args.workers} workers, {args.clients} clients")
    print(f"{'page':<10} {'req/s':>8} {'× /healthz':>11}")
    failed = False
    for name, value in rates.items():
        ratio = value / rates["healthz"]
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if ratio >= target else f"under {target}")
        failed = failed or (target is not None and ratio < target)
        print(f"{name:<10} {value:>8.1f} {ratio:>11.2f}  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
