"""The API blueprint, and ``operation``: one declaration per route that registers the view,
its permission, and what the OpenAPI document says about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from flask import Blueprint, current_app, request, url_for
from flask.wrappers import Response
from pydantic import BaseModel, ValidationError

from parent_partners.api.errors import ApiError, field_error, from_pydantic, validation_problem
from parent_partners.identity import PARENT_NAME
from parent_partners.permissions import Permission, requires

bp = Blueprint("api", __name__, url_prefix="/api/v1")

F = TypeVar("F", bound=Callable[..., Any])
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Operation:
    """One API route as the OpenAPI document describes it."""

    method: str
    rule: str
    endpoint: str
    summary: str
    description: str
    tag: str
    permission: Permission
    status: int = 200
    body: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    content_type: str = "application/json"
    errors: tuple[int, ...] = field(default_factory=tuple)
    deprecated: bool = False


OPERATIONS: list[Operation] = []


def operation(
    method: str,
    rule: str,
    *,
    summary: str,
    tag: str,
    permission: Permission,
    status: int = 200,
    body: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    content_type: str = "application/json",
    errors: tuple[int, ...] = (),
    deprecated_alias: tuple[str, str] | None = None,
) -> Callable[[F], F]:
    """Register an API view with its permission, and describe it for the OpenAPI document.

    ``deprecated_alias`` is (old rule, old endpoint name): an old path kept answering for
    existing clients, marked deprecated in the document and in each answer.
    """

    def decorate(view: F) -> F:
        requires(permission)(view)
        bp.add_url_rule(rule, view_func=view, methods=[method])
        declared = Operation(
            method=method.lower(),
            rule=rule,
            endpoint=f"{PARENT_NAME}.{bp.name}.{view.__name__}",
            summary=summary,
            description=(view.__doc__ or "").strip(),
            tag=tag,
            permission=permission,
            status=status,
            body=body,
            response=response,
            query=query,
            content_type=content_type,
            errors=errors,
        )
        OPERATIONS.append(declared)
        if deprecated_alias is not None:
            _add_deprecated_alias(view, declared, *deprecated_alias)
        return view

    return decorate


def _add_deprecated_alias(view: Callable[..., Any], successor: Operation, rule: str,
                          name: str) -> None:
    """Answer ``rule`` as ``view`` does, saying (``Deprecation``, ``Link``) where it moved."""

    def alias(**arguments: Any) -> Response:
        response: Response = view(**arguments)
        response.headers["Deprecation"] = "true"
        # The same question asked at the new path: the query too, encoded afresh.
        new = url_for(successor.endpoint, **{**request.args.to_dict(flat=False), **arguments})
        response.headers["Link"] = f'<{new}>; rel="successor-version"'
        return response

    alias.__name__ = name
    requires(successor.permission)(alias)
    bp.add_url_rule(rule, endpoint=name, view_func=alias, methods=[successor.method.upper()])
    OPERATIONS.append(
        replace(
            successor,
            rule=rule,
            endpoint=f"{PARENT_NAME}.{bp.name}.{name}",
            summary=f"{successor.summary} (deprecated path)",
            description=f"Deprecated: the same as {successor.method.upper()} "
            f"{successor.rule}, which clients should use instead.",
            deprecated=True,
        )
    )


@bp.before_request
def limit_body() -> None:
    """API bodies are small: refuse big ones (413) before reading them."""
    request.max_content_length = current_app.config["PARTNERS_API_MAX_BODY"]


def _null_characters(value: Any, location: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Where a string holds U+0000 (valid JSON, but PostgreSQL cannot store it)."""
    if isinstance(value, str):
        return [location] if "\x00" in value else []
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            for found in _null_characters(item, (*location, key))
        ]
    if isinstance(value, list | tuple):
        return [
            found
            for index, item in enumerate(value)
            for found in _null_characters(item, (*location, index))
        ]
    return []


def parse(model: type[M]) -> M:
    """Validate the JSON body against ``model``: 415 if not JSON, 400 if unreadable, 422 if
    invalid (naming each field), including the model's rules across fields."""
    if not request.is_json:
        raise ApiError(415, "Send the body as JSON, with Content-Type: application/json.")
    try:
        body = model.model_validate_json(request.get_data(cache=True))
    except ValidationError as error:
        raise from_pydantic(error) from None
    nul = [
        field_error(location, "Contains a null character, which cannot be stored", "null_char")
        for location in _null_characters(body.model_dump())
    ]
    if nul:
        raise validation_problem(nul)
    problems = body.problems() if hasattr(body, "problems") else []
    if problems:
        raise validation_problem(
            [field_error((name,), message, "required") for name, message in problems]
        )
    return body


def parse_query(model: type[M]) -> M:
    """Validate the query string against ``model`` (unknown parameters are a 422)."""
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as error:
        raise from_pydantic(error) from None


def reply(body: BaseModel, status: int = 200, location: str | None = None) -> Response:
    """A JSON response from a response model."""
    response = Response(body.model_dump_json(), status=status, mimetype="application/json")
    if location:
        response.headers["Location"] = location
    return response
