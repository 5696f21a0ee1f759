"""Sending a table as a CSV or XLSX download: what every page with a download shares."""

from __future__ import annotations

from flask import Response

from parent_partners.operations import exports

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(table: exports.ExportTable, kind: str, stem: str) -> Response:
    """The table as an attachment: ``kind`` is ``"csv"`` or ``"xlsx"`` (checked by the caller)."""
    if kind == "csv":
        response = Response(exports.to_csv(table), mimetype="text/csv")
    else:
        response = Response(exports.to_xlsx(table), mimetype=XLSX)
    name = exports.filename(stem, kind)
    response.headers["Content-Disposition"] = exports.content_disposition(name)
    return response
