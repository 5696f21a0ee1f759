"""Downloads: CSV that a spreadsheet opens without running any formula, XLSX with the same rows."""

from __future__ import annotations

import io

import pytest
from flask import Flask
from openpyxl import load_workbook
from sqlalchemy import select

from parent_partners.extensions import db
from parent_partners.models import AccessEvent
from parent_partners.operations.exports import (
    ExportTable,
    neutralise,
    read_csv_rows,
    read_xlsx_rows,
    to_csv,
    to_xlsx,
)
from tests.conftest import PageClient
from tests.dashboard_support import PERIOD, involvement, log
from tests.test_case_audit import grade_through_pages, grading_form

DANGEROUS = ["=1+2", "+CMD|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_text_is_quoted(text: str):
    assert neutralise(text) == "'" + text.replace("\r", "\n")


def test_safe_values_are_unchanged():
    assert neutralise("Mum") == "Mum"
    assert neutralise(-3) == -3 and neutralise(2.5) == 2.5
    assert neutralise(None) == "" and neutralise(True) == "Yes"


def _cell(value: object) -> str:
    """A cell as a spreadsheet shows it: numbers by value (1.0 and 1 are the same)."""
    if value is None:
        return ""
    text = str(value)
    try:
        return f"{float(text):g}"
    except ValueError:
        return text


def _cells(rows: list[list[object]]) -> list[list[str]]:
    return [[_cell(cell) for cell in row] for row in rows]


def test_csv_and_xlsx_have_the_same_rows_and_run_nothing():
    table = ExportTable("t", "Test", ["Name", "Number"], [[t, 1] for t in DANGEROUS])
    csv_rows = read_csv_rows(to_csv(table))
    xlsx_rows = _cells(read_xlsx_rows(to_xlsx(table)))
    assert _cells(csv_rows) == xlsx_rows
    for row in csv_rows[1:]:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))
    sheet = load_workbook(io.BytesIO(to_xlsx(table))).active
    assert sheet is not None
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def _service_with_a_hostile_team(app: Flask, make_user, make_case) -> tuple[PageClient, int]:
    worker = make_user("practitioner", team="=HYPERLINK(\"http://evil.example\",\"x\")")
    case = make_case(worker, child_name="@Amira Hassan")
    from datetime import date

    log(app, case, worker, involvement(date(2026, 6, 10)))
    principal = PageClient(app.test_client())
    principal.sign_in(make_user("principal", team=None))
    assert worker.team_id is not None
    return principal, worker.team_id


def test_dashboard_tables_download_as_csv_and_xlsx(app: Flask, make_user, make_case):
    pages, team_id = _service_with_a_hostile_team(app, make_user, make_case)
    for table in ("figures", "flags", "levels", "trend"):
        csv_response = pages.get(f"/dashboard?{PERIOD}&format=csv&table={table}")
        assert csv_response.status_code == 200
        assert csv_response.mimetype == "text/csv"
        assert "attachment" in csv_response.headers["Content-Disposition"]
        xlsx_response = pages.get(f"/dashboard?{PERIOD}&format=xlsx&table={table}")
        assert xlsx_response.status_code == 200
        csv_rows = read_csv_rows(csv_response.get_data(as_text=True))
        assert _cells(csv_rows) == _cells(read_xlsx_rows(xlsx_response.get_data()))
        for row in csv_rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
                negative_number = cell.lstrip("-").replace(".", "").isdigit()
                assert not (cell.startswith("-") and not negative_number), cell
    figures = read_csv_rows(
        pages.get(f"/dashboard?{PERIOD}&format=csv&table=figures").get_data(as_text=True)
    )
    assert figures[1][0].startswith("'=HYPERLINK")
    assert figures[-1][0] == "Total" and figures[-1][2] == "1"
    assert pages.get(f"/dashboard?{PERIOD}&format=csv&table=nope").status_code == 404
    assert pages.get(f"/dashboard?{PERIOD}&format=pdf&table=figures").status_code == 404
    team = pages.get(f"/dashboard/teams/{team_id}?{PERIOD}&format=csv&table=figures")
    assert team.status_code == 200
    fairness = pages.get(f"/dashboard/fairness?{PERIOD}&format=xlsx&table=gender")
    rows = read_xlsx_rows(fairness.get_data())
    assert rows[1][1] == "fewer than 10"  # one child: suppressed
    with app.app_context():
        events = db.session.scalars(
            select(AccessEvent).where(AccessEvent.action == "dashboard_exported")
        ).all()
        assert len(events) >= 9


def test_the_cases_behind_a_figure_download_with_the_child_name_quoted(
    app: Flask, make_user, make_case
):
    pages, team_id = _service_with_a_hostile_team(app, make_user, make_case)
    with app.app_context():
        from parent_partners.models import User

        worker = db.session.scalars(select(User).where(User.team_id == team_id)).first()
        assert worker is not None
    url = f"/dashboard/teams/{team_id}/workers/{worker.id}/cases?metric=involvements&{PERIOD}"
    rows = read_csv_rows(pages.get(url + "&format=csv&table=cases").get_data(as_text=True))
    assert rows[1][1] == "'@Amira Hassan"


def test_audit_results_download(app: Flask, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    manager = PageClient(app.test_client())
    manager.sign_in(make_user("manager"))
    graded = grade_through_pages(
        manager, case.id,
        grading_form(**{"evidence-1": "=cmd|' /C calc'!A0", "findings": "+ read the plan"}),
    )
    assert graded.status_code == 302
    csv_response = manager.get("/audits?format=csv")
    xlsx_response = manager.get("/audits?format=xlsx")
    csv_rows = read_csv_rows(csv_response.get_data(as_text=True))
    assert _cells(csv_rows) == _cells(read_xlsx_rows(xlsx_response.get_data()))
    assert len(csv_rows) == 1 + 8  # a row per principle
    assert csv_rows[1][10] == "'=cmd|' /C calc'!A0"
    assert csv_rows[1][14] == "'+ read the plan"
    assert manager.get("/audits?format=xlsx&status=moderated").status_code == 200
