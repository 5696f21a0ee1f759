"""Importing cases from a CSV export: all rows checked first, then all written or none."""

from __future__ import annotations

from flask import Flask

from parent_partners.extensions import db
from parent_partners.models import AccessEvent, Carer, Case
from tests.api_support import cli

HEADER = (
    "reference,child_name,child_dob,gender,ethnicity,harm_types,contexts,team,worker_email,"
    "opened_on,carer_name,carer_relationship,carer_parental_responsibility\n"
)


def write(tmp_path, *rows: str, header: str = HEADER):
    path = tmp_path / "export.csv"
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return str(path)


def counts(app: Flask) -> tuple[int, int]:
    with app.app_context():
        return (
            db.session.scalar(db.select(db.func.count(Case.id))),
            db.session.scalar(db.select(db.func.count(Carer.id))),
        )


def test_good_file_imports_cases_and_carers(app: Flask, make_user, tmp_path):
    worker = make_user("practitioner", team="North Team")
    team = "North Team"
    path = write(
        tmp_path,
        f"CMS-1,Jayden Clarke,2010-02-03,boy,black,cce;county_lines,transport;online,{team},"
        f"{worker.email},2026-05-01,Grace Clarke,mother,yes",
        f"CMS-1,Jayden Clarke,2010-02-03,boy,black,cce;county_lines,transport;online,{team},"
        f"{worker.email},2026-05-01,Marcus Clarke,father,no",
        f"CMS-2,Sophie Walsh,,,,cse,,{team},{worker.email},2026-05-02,,,",
    )
    result = cli(app, "import-cases", path)
    assert result.exit_code == 0, result.output
    assert "Imported 2 cases and 2 parents or carers" in result.output
    with app.app_context():
        jayden = db.session.scalar(db.select(Case).where(Case.reference == "CMS-1"))
        assert jayden.harm_types == ["cce", "county_lines"]
        assert jayden.worker_id == worker.id and jayden.opened_on.isoformat() == "2026-05-01"
        assert [(c.name, c.parental_responsibility) for c in jayden.carers] == [
            ("Grace Clarke", True), ("Marcus Clarke", False)
        ]
        sophie = db.session.scalar(db.select(Case).where(Case.reference == "CMS-2"))
        assert sophie.gender == "not_recorded" and sophie.carers == []
        actions = set(db.session.scalars(db.select(AccessEvent.action)))
        assert {"cases_imported", "case_opened", "carer_added"} <= actions


def test_a_bad_row_writes_nothing_and_every_bad_row_is_named(app: Flask, make_user, tmp_path):
    worker = make_user("practitioner", team="North Team")
    by = f"North Team,{worker.email}"
    path = write(
        tmp_path,
        f"CMS-1,Jayden Clarke,2010-02-03,boy,black,cce,transport,{by},2026-05-01,Grace,mother,yes",
        f"CMS-2,Sophie Walsh,2012-02-30,girl,white,cse,online,{by},2026-05-02,,,",
        f"CMS-3,Ali Khan,2011-01-01,boy,asian,shoplifting,online,{by},2026-05-02,,,",
        f"CMS-4,Tia Brown,,girl,black,cse,online,Nowhere Team,{worker.email},2026-05-02,,,",
        f"CMS-5,Max Lee,2011-01-01,boy,white,cse,online,{by},2026-05-02,Jo,aunt,yes",
        f"CMS-1,Jayden Clark,2010-02-03,boy,black,cce,transport,{by},2026-05-01,,,",
    )
    result = cli(app, "import-cases", path)
    assert result.exit_code != 0
    output = result.output
    assert "line 3: child_dob '2012-02-30' is not a date" in output
    assert "line 4: harm_types has 'shoplifting'" in output
    assert "line 5: there is no team called 'Nowhere Team'" in output
    assert "line 6: carer_relationship 'aunt'" in output
    assert "line 7: child_name differ(s) from line 2" in output
    assert "line 2" not in output.replace("from line 2", "")
    assert "5 rows have errors; nothing was imported" in output
    assert counts(app) == (0, 0)


def test_header_problems_and_existing_references(app: Flask, make_user, make_case, tmp_path):
    worker = make_user("practitioner", team="North Team")
    result = cli(app, "import-cases", write(tmp_path, "x", header="reference,name\n"))
    assert result.exit_code != 0 and "line 1: missing column(s): child_name" in result.output

    case = make_case(worker)
    row = (
        f"{case.reference},Amira Hassan,,,,,,North Team,{worker.email},2026-05-01,,,"
    )
    result = cli(app, "import-cases", write(tmp_path, row))
    assert result.exit_code != 0 and "already exists" in result.output
    assert counts(app) == (1, 1)


def test_a_worker_from_another_team_is_refused(app: Flask, make_user, tmp_path):
    make_user("practitioner", team="North Team")
    south = make_user("practitioner", team="South Team")
    row = f"CMS-1,Amira,,,,,,North Team,{south.email},2026-05-01,,,"
    result = cli(app, "import-cases", write(tmp_path, row))
    assert result.exit_code != 0
    assert f"line 2: {south.email} is not a practitioner or manager of North Team" in result.output


def _one_case_file(tmp_path, worker, *, name="Jayden Clarke", carer="Grace Clarke,mother,yes",
                   external: str | None = None):
    header = HEADER if external is None else HEADER.rstrip("\n") + ",external_id\n"
    row = (f"CMS-1,{name},2010-02-03,boy,black,cce,transport,North Team,{worker.email},"
           f"2026-05-01,{carer}") + ("" if external is None else f",{external}")
    new = f"CMS-9,Sophie Walsh,,,,cse,,North Team,{worker.email},2026-05-02,,," + (
        "" if external is None else ",")
    return write(tmp_path, row, new, header=header)


def test_an_existing_reference_is_refused_skipped_or_updated(app: Flask, make_user, tmp_path):
    worker = make_user("practitioner", team="North Team")
    first = cli(app, "import-cases", _one_case_file(tmp_path, worker, external="mosaic:1"))
    assert first.exit_code == 0, first.output
    assert "Imported 2 cases and 1 parents or carers; 0 cases updated, 0 skipped" in first.output

    again = _one_case_file(tmp_path, worker, name="Jayden Clarke-Ade",
                           carer="Marcus Clarke,father,no")
    refused = cli(app, "import-cases", again)
    assert refused.exit_code != 0
    assert "line 2: a case with reference 'CMS-1' already exists" in refused.output
    assert "--skip-existing or --update" in refused.output

    skipped = cli(app, "import-cases", again, "--skip-existing")
    assert skipped.exit_code == 0, skipped.output
    assert "Imported 0 cases and 0 parents or carers; 0 cases updated, 2 skipped" in skipped.output
    assert counts(app) == (2, 1)

    updated = cli(app, "import-cases", again, "--update")
    assert updated.exit_code == 0, updated.output
    assert "1 cases updated, 1 skipped" in updated.output
    with app.app_context():
        case = db.session.scalar(db.select(Case).where(Case.reference == "CMS-1"))
        assert case.child_name == "Jayden Clarke-Ade" and case.version == 2
        assert case.external_id == "mosaic:1"  # a file without the column keeps it
        assert [c.name for c in case.carers] == ["Grace Clarke", "Marcus Clarke"]
        edited = db.session.scalar(
            db.select(AccessEvent).where(AccessEvent.action == "case_edited"))
        assert edited is not None and edited.case_id == case.id
    both = cli(app, "import-cases", again, "--update", "--skip-existing")
    assert both.exit_code != 0


def test_skipped_and_updated_rows_are_still_checked_first(app: Flask, make_user, tmp_path):
    worker = make_user("practitioner", team="North Team")
    assert cli(app, "import-cases", _one_case_file(tmp_path, worker)).exit_code == 0
    bad = write(
        tmp_path,
        f"CMS-1,Jayden Clarke,2010-02-03,boy,black,cce,transport,North Team,{worker.email},"
        "2031-05-01,,,",
        f"CMS-5,Max Lee,2011-01-01,boy,white,cse,online,North Team,{worker.email},2026-05-02,,,",
    )
    for flag in ("--skip-existing", "--update"):
        result = cli(app, "import-cases", bad, flag)
        assert result.exit_code != 0 and "line 2: opened_on" in result.output
        assert counts(app) == (2, 1)


def test_external_ids_stay_unique_in_an_import(app: Flask, make_user, tmp_path):
    worker = make_user("practitioner", team="North Team")
    header = HEADER.rstrip("\n") + ",external_id\n"
    path = write(
        tmp_path,
        f"CMS-1,Jay Clarke,,,,cce,,North Team,{worker.email},2026-05-01,,,,mosaic:7",
        f"CMS-2,Sophie Walsh,,,,cse,,North Team,{worker.email},2026-05-02,,,,mosaic:7",
        header=header,
    )
    result = cli(app, "import-cases", path)
    assert "line 3: external_id 'mosaic:7' is also on line 2" in result.output
    assert counts(app) == (0, 0)
