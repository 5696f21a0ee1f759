"""Tables as CSV and XLSX downloads, safe to open in a spreadsheet.

A cell whose text starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) is
read by spreadsheet programs as a formula, which can run commands or leak data (CSV
injection). Such text is written with a leading apostrophe, so it is shown, never run.
Numbers stay numbers. CSV and XLSX are written from the same rows, so they always agree.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | None


@dataclass
class ExportTable:
    """A table to download: a title, the column headings and the rows."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def neutralise(value: Any) -> Cell:
    """Return ``value`` ready for a spreadsheet cell: text that could be a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    # One kind of line break, as XLSX (XML) would store it anyway, so both formats agree.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def safe_rows(table: ExportTable) -> list[list[Cell]]:
    """Headings then rows, every cell neutralised."""
    return [
        [neutralise(h) for h in table.headers],
        *([neutralise(cell) for cell in row] for row in table.rows),
    ]


def to_csv(table: ExportTable) -> str:
    """The table as CSV text (with a byte-order mark so spreadsheets read it as UTF-8)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in safe_rows(table):
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


def to_xlsx(table: ExportTable) -> bytes:
    """The table as an XLSX workbook of one sheet, every text cell stored as text."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(table.title)
    for number, row in enumerate(safe_rows(table), start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = TYPE_STRING  # never a formula, whatever the text
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")
    return (cleaned or "Export")[:31]


def filename(stem: str, extension: str) -> str:
    """A download file name: letters, digits and dashes only."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in stem.lower()).strip("-")
    while "--" in safe:
        safe = safe.replace("--", "-")
    return f"{safe or 'export'}.{extension}"


def content_disposition(name: str) -> str:
    """An ``attachment`` header for ``name`` per RFC 6266: an ASCII ``filename`` for old
    clients and the exact name, UTF-8 and percent-encoded, in ``filename*``.

    A header is Latin-1 on the wire: a reference in another script, put in as it is,
    cannot be sent at all.
    """
    fallback = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch in "-_.") else "-" for ch in name
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def read_xlsx_rows(data: bytes) -> list[list[Any]]:
    """Read back the first sheet's rows (for tests and checks)."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def read_csv_rows(text: str) -> list[list[str]]:
    """Read back CSV rows."""
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


__all__: Sequence[str] = (
    "ExportTable",
    "filename",
    "neutralise",
    "read_csv_rows",
    "read_xlsx_rows",
    "safe_rows",
    "to_csv",
    "to_xlsx",
)
