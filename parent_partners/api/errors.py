"""API errors as RFC 9457 problem details: never an HTML page, never a stack trace."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import Blueprint, current_app, g, json
from flask.wrappers import Response
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from parent_partners.api.schemas import FieldError, Problem
from parent_partners.contention import MESSAGE, is_contention
from parent_partners.extensions import db
from parent_partners.operations.validation import RecordInvalid

PROBLEM_JSON = "application/problem+json"
BLANK = "about:blank"
VALIDATION = "urn:parent-partners:problem:validation"
CONFLICT = "urn:parent-partners:problem:conflict"

DETAILS = {
    400: "The request could not be read.",
    401: "Send a working API token: Authorization: Bearer <token>.",
    403: "Your role does not allow this.",
    404: "There is nothing here, or you may not see it.",
    405: "This address does not accept that method.",
    413: "The request body is too large.",
    415: "Send the body as JSON, with Content-Type: application/json.",
    500: "Something went wrong on our side. Nothing was saved.",
}


class ApiError(Exception):
    """Raised by API views to answer with a problem."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        title: str | None = None,
        type_: str = BLANK,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title
        self.type = type_
        self.errors = errors
        self.headers = headers or {}


def problem(
    status: int,
    detail: str | None = None,
    *,
    title: str | None = None,
    type_: str = BLANK,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    current_version: int | None = None,
) -> Response:
    """Build an ``application/problem+json`` response."""
    from http import HTTPStatus

    body = Problem(
        type=type_,
        title=title or HTTPStatus(status).phrase,
        status=status,
        detail=detail or DETAILS.get(status, HTTPStatus(status).description),
        errors=errors,
        current_version=current_version,
    )
    response = Response(
        json.dumps(body.model_dump(exclude_none=True)), status=status, mimetype=PROBLEM_JSON
    )
    response.headers.update(headers or {})
    return response


def pointer(location: Iterable[Any]) -> str:
    """A JSON Pointer (RFC 6901) for a pydantic error location."""
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in location]
    return "/" + "/".join(parts) if parts else ""


def field_error(location: tuple[Any, ...], message: str, code: str) -> FieldError:
    """One field's error."""
    return FieldError(
        field=".".join(str(part) for part in location) or "(body)",
        pointer=pointer(location),
        message=message,
        code=code,
    )


def validation_problem(errors: list[FieldError]) -> ApiError:
    """A 422 naming every field that is wrong."""
    fields = sorted({error.field for error in errors})
    noun = "field is" if len(fields) == 1 else "fields are"
    return ApiError(
        422,
        f"{len(fields)} {noun} not valid: {', '.join(fields)}.",
        title="Your request has errors",
        type_=VALIDATION,
        errors=errors,
    )


def from_pydantic(error: ValidationError) -> ApiError:
    """Turn pydantic's errors into a problem: bad JSON is a 400, anything else a 422."""
    found = error.errors(include_url=False, include_input=False)
    if any(item["type"] == "json_invalid" for item in found):
        return ApiError(400, "The body is not valid JSON.")
    messages = {"extra_forbidden": "Unknown field"}
    return validation_problem(
        [
            field_error(
                tuple(item["loc"]), messages.get(item["type"], item["msg"]), item["type"]
            )
            for item in found
        ]
    )


def api_error(error: ApiError) -> Response:
    db.session.rollback()
    return problem(
        error.status,
        error.detail,
        title=error.title,
        type_=error.type,
        errors=error.errors,
        headers=error.headers,
    )


def record_invalid(error: RecordInvalid) -> Response:
    """A rule of the record (the same as the pages' and the import's) is broken: 422."""
    fields = [field_error((name,), message, "rule") for name, message in error.problems]
    return api_error(validation_problem(fields))


def http_error(error: HTTPException) -> Response:
    db.session.rollback()
    status = error.code or 500
    detail = DETAILS.get(status)
    if status == 400 and error.description and "UTF-8" in error.description:
        detail = error.description
    headers = {
        key: value for key, value in error.get_headers() if key.lower() != "content-type"
    }
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="parent_partners"'
        if g.get("partners_token_expired"):
            detail = "This API token has expired. Make a new one (account page or create-token)."
    return problem(status, detail, headers=headers)


def unexpected_error(error: Exception) -> Response:
    if is_contention(error):
        db.session.rollback()
        return problem(409, MESSAGE, title="Conflict", type_=CONFLICT,
                       headers={"Retry-After": "1"})
    db.session.rollback()
    current_app.logger.exception("Unexpected error in the API", exc_info=error)
    return problem(500)


def install(bp: Blueprint) -> None:
    """Answer every error raised in the API blueprint's views with problem details."""
    bp.register_error_handler(ApiError, api_error)
    bp.register_error_handler(RecordInvalid, record_invalid)
    bp.register_error_handler(HTTPException, http_error)
    # Flask prefers a handler registered for a status code over one for a class, whatever its
    # scope: registering ours per code too keeps a host app's own 404 page off the API.
    for code in (400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 422, 429, 500, 501):
        bp.register_error_handler(code, http_error)
    bp.register_error_handler(Exception, unexpected_error)
