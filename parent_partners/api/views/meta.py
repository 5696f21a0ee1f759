"""The OpenAPI document, its interactive reference page, and answers for unknown addresses."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from flask import current_app, jsonify, render_template, request, url_for
from flask.wrappers import Response
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from parent_partners.api.blueprint import bp, operation
from parent_partners.api.openapi import build_document
from parent_partners.permissions import Permission, public

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def api_version() -> str:
    """The API's version: the package's."""
    try:
        return version("parent_partners")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


@operation(
    "GET",
    "/openapi.json",
    summary="This OpenAPI document",
    tag="About",
    permission=Permission.PUBLIC,
)
def openapi() -> Response:
    """The OpenAPI 3.1 document of this API. Public: it describes the API, not any data."""
    # An absolute base URL: a client given only the host cannot miss the /api/v1 part.
    root = url_for("partners.api.openapi", _external=True).removesuffix("/openapi.json")
    return jsonify(build_document(root, api_version()))


@operation(
    "GET",
    "/docs",
    summary="Interactive reference page",
    tag="About",
    permission=Permission.PUBLIC,
    content_type="text/html",
)
def docs() -> str:
    """A page to read the API's reference and try calls with a token (Swagger UI)."""
    return render_template(
        "parent_partners/api/docs.html", openapi_url=url_for("partners.api.openapi")
    )


@bp.before_request
def answer_options() -> Response | None:
    """OPTIONS lists exactly the methods the address's API route takes (not the catch-all's)."""
    if request.method != "OPTIONS":
        return None
    allowed = allowed_methods()
    if not allowed:
        return None  # an unknown address: the catch-all answers 404
    if "GET" in allowed:
        allowed.add("HEAD")
    response = Response(status=204)
    response.headers["Allow"] = ", ".join(sorted(allowed | {"OPTIONS"}))
    return response


def allowed_methods() -> set[str]:
    """The methods a real API route takes at this request's address (none: it is unknown)."""
    adapter = current_app.url_map.bind_to_environ(request.environ)
    allowed = set()
    for method in METHODS:
        try:
            endpoint, _ = adapter.match(method=method)
        except HTTPException:
            continue
        if endpoint != "partners.api.unknown":
            allowed.add(method)
    return allowed


@bp.route("/", defaults={"path": ""}, methods=METHODS)
@bp.route("/<path:path>", methods=METHODS)
@public
def unknown(path: str) -> Any:
    """Any other address under the API: a 404, or a 405 where the address takes other methods."""
    allowed = allowed_methods()
    if allowed:
        raise MethodNotAllowed(valid_methods=sorted(allowed))
    raise NotFound()
