"""Summary upkeep belongs to the database set-up: a host that mounts the plugin without the
dashboards blueprint still gets figures that equal a full rebuild.

The upkeep listens on the process-wide session, and this test process has long since mounted
the whole service, so the host runs in a fresh interpreter where nothing was installed before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from flask import Flask

HOST_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from datetime import date

    from flask import Flask

    import parent_partners.blueprints as blueprints
    from parent_partners import PartnersPlugin
    from parent_partners.extensions import db
    from parent_partners.models import summary
    from parent_partners.operations import cases, people, partnership, summaries
    from parent_partners.operations.record_inputs import CarerInput, CaseInput, InvolvementInput

    every = blueprints.all_blueprints
    blueprints.all_blueprints = lambda: [b for b in every() if b.name != "dashboards"]

    host = Flask("host_without_dashboards")
    host.config.update(SECRET_KEY="host", SQLALCHEMY_DATABASE_URI=sys.argv[1])
    PartnersPlugin(host, identity_loader=lambda: None)
    assert "dashboards" not in host.blueprints

    counters = set(summary.COUNTERS) | set(summary.FAIRNESS_COUNTERS)

    def figures():
        # Rows of nothing but zeros mean the same as no row (a rebuild writes them, upkeep not).
        found = {}
        for name in ("case_month_stats", "practice_rollup", "fairness_rollup"):
            rows = db.session.execute(db.select(db.metadata.tables[name])).mappings()
            found[name] = sorted(
                json.dumps(dict(row), default=str, sort_keys=True)
                for row in rows
                if any(row[c] for c in counters if c in row)
            )
        return found

    with host.app_context():
        team = people.create_team("Upkeep Team")
        worker = people.create_user(email="upkeep@example.org", name="Uma Keep",
                                    role="practitioner", password="upkeep-host-pass-2026",
                                    team=team)
        case = cases.open_case(CaseInput(team_id=team.id, worker_id=worker.id,
                               child_name="Ada Lane", child_dob=date(2012, 3, 1),
                               gender="girl", ethnicity="white", harm_types=("cce",),
                               contexts=("online",), opened_on=date(2026, 5, 1)))
        carer = partnership.add_carer(case, CarerInput(
            name="Lee Lane", relationship_to_child="father", parental_responsibility=True))
        db.session.commit()
        for day, level, note in ((date(2026, 6, 2), "informed", "Dad keeps putting her at risk."),
                                 (date(2026, 7, 9), "involved", "Planned the week together.")):
            partnership.log_involvement(case, worker, InvolvementInput(
                date=day, kind="home_visit", partnership_level=level, carer_ids=(carer.id,),
                parent_view="Worried.", notes=note))
            db.session.commit()
        kept = figures()
        summaries.rebuild_all()
        db.session.commit()
        rebuilt = figures()
        print(json.dumps({"kept": kept, "rebuilt": rebuilt}))
    """
)


@pytest.mark.commits  # a second process writes, and reads what this one made, for real
def test_figures_kept_without_the_dashboards_blueprint(app: Flask, database_url: str) -> None:
    """Records saved through a host without dashboards leave figures equal to a rebuild."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", HOST_SCRIPT, database_url],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["rebuilt"]["case_month_stats"], "the saves should count in some month"
    assert result["kept"] == result["rebuilt"]
