"""Dashboard speed at scale: the service and a team dashboard at 10,000 and 100,000 cases.

    python bench/dashboard.py                      # SQLite and PostgreSQL, 10k and 100k cases
    python bench/dashboard.py --backends sqlite --sizes 2000,20000 --requests 9
    python bench/dashboard.py --drop               # remove the databases it made, afterwards

Databases are built once with the bulk demo seeder (seed 2026) and reused while they hold the
expected number of cases: SQLite files ``/tmp/dash_bench_<cases>.sqlite`` and PostgreSQL
databases ``dash_bench_<cases>`` next to ``--pg-url``'s database. Each page is requested
through the Flask test client, signed in (a principal for the service dashboard, the North
team's manager for the team dashboard), a few times to warm up and then ``--requests`` times;
the median is reported with the ratio of the largest size to the smallest. The goal is a
ratio near 1: the dashboards read summary tables whose size does not follow the caseload.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PARTNERS_ENV", "development")

from flask import Flask  # noqa: E402
from sqlalchemy import create_engine, func, inspect, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from parent_partners import create_app  # noqa: E402
from parent_partners.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from parent_partners.demo.staff import NORTH  # noqa: E402
from parent_partners.extensions import db  # noqa: E402
from parent_partners.models import Case, Team  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SEED = 2026


def sqlite_url(cases: int) -> str:
    """The SQLite file for a size."""
    return f"sqlite:////tmp/dash_bench_{cases}.sqlite"


def pg_url(base: str, cases: int) -> str:
    """The PostgreSQL database for a size, beside ``base``'s."""
    return make_url(base).set(database=f"dash_bench_{cases}").render_as_string(
        hide_password=False
    )


def _app(url: str) -> Flask:
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "bench",
            "WTF_CSRF_ENABLED": False,
            "TESTING": True,
        }
    )


def _case_count(app: Flask) -> int | None:
    with app.app_context():
        if "case_month_stats" not in inspect(db.engine).get_table_names():
            return None
        return int(db.session.scalar(select(func.count()).select_from(Case)) or 0)


def _recreate(url: str) -> None:
    _drop(url, then_create=True)


def drop(url: str) -> None:
    """Remove a benchmark database."""
    _drop(url, then_create=False)


def _drop(url: str, *, then_create: bool) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        Path(parsed.database or "").unlink(missing_ok=True)
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        if then_create:
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    admin.dispose()


def ensure(url: str, cases: int, workers: int) -> tuple[Flask, float | None]:
    """A database at ``url`` holding ``cases`` demo cases; returns (app, seconds to seed or
    None when an existing one was reused)."""
    app = _app(url)
    try:
        count = _case_count(app)
    except Exception:  # a missing PostgreSQL database: build it
        count = None
    if count == cases:
        from flask_migrate import upgrade

        with app.app_context():
            upgrade()  # a database kept from before newer migrations gets them
        return app, None
    with app.app_context():
        db.engine.dispose()
    _recreate(url)
    app = _app(url)
    from flask_migrate import upgrade

    with app.app_context():
        upgrade()
        started = time.perf_counter()
        seed_demo(
            case_count=cases,
            seed=SEED,
            if_empty=False,
            echo=lambda line: print("   ", line, flush=True),
            bulk=True,
            workers=workers,
        )
        db.session.commit()
        took = time.perf_counter() - started
        db.engine.dispose()
    return app, took


def _signed_in(app: Flask, email: str) -> Any:
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302, f"could not sign in as {email}"
    return client


def time_pages(app: Flask, requests: int, warmup: int = 3) -> dict[str, float]:
    """Median milliseconds for the service dashboard and the North team's dashboard."""
    with app.app_context():
        north = db.session.scalar(select(Team.id).where(Team.name == NORTH))
    pages = {
        "service dashboard": ("principal@example.org", "/dashboard"),
        "team dashboard": ("manager@example.org", f"/dashboard/teams/{north}"),
    }
    out: dict[str, float] = {}
    for name, (email, url) in pages.items():
        client = _signed_in(app, email)
        for _ in range(warmup):
            assert client.get(url).status_code == 200
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        out[name] = statistics.median(times)
    with app.app_context():
        db.engine.dispose()
    return out


def main() -> None:
    """Build or reuse the databases, time the pages, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="Case counts, comma-separated.")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=os.environ.get("BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--requests", type=int, default=15, help="Timed requests per page.")
    parser.add_argument("--workers", type=int, default=2, help="Seeding processes.")
    parser.add_argument("--drop", action="store_true", help="Drop the databases afterwards.")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    results: dict[tuple[str, int], dict[str, float]] = {}
    seeded: dict[tuple[str, int], float | None] = {}
    made: list[str] = []
    for backend in backends:
        for cases in sizes:
            url = sqlite_url(cases) if backend == "sqlite" else pg_url(args.pg_url, cases)
            print(f"{backend}, {cases:,} cases: preparing {make_url(url).database}", flush=True)
            app, took = ensure(url, cases, args.workers)
            seeded[(backend, cases)] = took
            made.append(url)
            results[(backend, cases)] = time_pages(app, args.requests)
    print()
    print(f"Median of {args.requests} requests (ms), signed in, through the test client")
    header = f"{'backend':<11}{'page':<19}" + "".join(f"{f'{n:,} cases':>15}" for n in sizes)
    print(header + f"{'ratio':>8}")
    for backend in backends:
        for page in ("service dashboard", "team dashboard"):
            medians = [results[(backend, n)][page] for n in sizes]
            ratio = medians[-1] / medians[0] if medians[0] else float("nan")
            cells = "".join(f"{m:>15.1f}" for m in medians)
            print(f"{backend:<11}{page:<19}{cells}{ratio:>8.2f}")
    for (backend, cases), took in seeded.items():
        if took is not None:
            print(f"Seeded {cases:,} cases on {backend} in {took:.0f} s")
    if args.drop:
        for url in made:
            drop(url)
        print("Dropped the benchmark databases.")


if __name__ == "__main__":
    main()
