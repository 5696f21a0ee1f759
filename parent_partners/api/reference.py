"""The API reference as plain data for a server-rendered page, read from the OpenAPI document.

Swagger UI (``/api/v1/docs``) stays as the interactive tool for developers; this is the
same document as an ordinary GOV.UK page that works without JavaScript and with any
assistive technology: each endpoint, its parameters, the fields it takes and returns,
and the errors it can answer with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

REF_PREFIX = "#/components/schemas/"
METHOD_ORDER = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Field:
    """One parameter or body field."""

    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Model:
    """A named body (request or response) and its fields, or a vocabulary and its values."""

    name: str
    description: str
    fields: list[Field]
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class ErrorAnswer:
    """An error status an endpoint can answer with."""

    status: str
    description: str


@dataclass
class Endpoint:
    """One operation: method, path, what it does, what it takes and gives back."""

    anchor: str
    method: str
    path: str
    summary: str
    description: str
    needs_token: bool
    parameters: list[Field] = field(default_factory=list)
    request: Model | None = None
    success_status: str = "200"
    success_type: str = ""
    response: Model | None = None
    errors: list[ErrorAnswer] = field(default_factory=list)


@dataclass
class Section:
    """A tag: a group of endpoints."""

    name: str
    description: str
    endpoints: list[Endpoint] = field(default_factory=list)


@dataclass
class Reference:
    """The whole reference."""

    title: str
    version: str
    summary: str
    description: str
    server: str
    sections: list[Section]
    models: list[Model]


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref", "")
    return ref.removeprefix(REF_PREFIX) if ref.startswith(REF_PREFIX) else None


def type_of(schema: dict[str, Any]) -> str:
    """A short, readable type: ``integer``, ``list of integer``, ``date``, ``one of: a, b``…"""
    name = _ref_name(schema)
    if name:
        return name
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        nullable = len(options) < len(schema["anyOf"])
        text = " or ".join(type_of(s) for s in options)
        return f"{text} or null" if nullable else text
    if "enum" in schema:
        return "one of: " + ", ".join(str(value) for value in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return "list of " + type_of(schema.get("items", {}))
    if kind == "string" and schema.get("format") in {"date", "date-time"}:
        return str(schema["format"])
    return str(kind)


def _limits(schema: dict[str, Any]) -> str:
    parts = []
    if "maxLength" in schema:
        parts.append(f"at most {schema['maxLength']} characters")
    if "minItems" in schema:
        parts.append(f"at least {schema['minItems']}")
    if "maximum" in schema and schema["maximum"] < 2**31 - 1:
        parts.append(f"{schema.get('minimum', 0)} to {schema['maximum']}")
    if "default" in schema and schema["default"] not in ("", None):
        default = str(schema["default"]).lower() if isinstance(schema["default"], bool) else (
            schema["default"]
        )
        parts.append(f"default {default}")
    return "; ".join(parts)


def _describe(schema: dict[str, Any]) -> str:
    text = str(schema.get("description", "")).replace("``", "")
    limits = _limits(schema)
    if text and limits:
        return f"{text} ({limits})"
    return text or (limits[:1].upper() + limits[1:] if limits else "")


def _refs_in(value: Any) -> set[str]:
    """The names of the models a schema refers to, however deeply."""
    if isinstance(value, dict):
        found = {name} if (name := _ref_name(value)) else set()
        for item in value.values():
            found |= _refs_in(item)
        return found
    if isinstance(value, list):
        return set().union(*(_refs_in(item) for item in value)) if value else set()
    return set()


def _model(name: str, schemas: dict[str, Any]) -> Model:
    schema = schemas[name]
    required = set(schema.get("required", []))
    fields = [
        Field(key, type_of(prop), key in required, _describe(prop))
        for key, prop in schema.get("properties", {}).items()
    ]
    description = str(schema.get("description", "")).replace("``", "")
    return Model(name, description, fields, tuple(str(v) for v in schema.get("enum", ())))


def _endpoint(path: str, method: str, op: dict[str, Any], document: dict[str, Any]) -> Endpoint:
    schemas = document["components"]["schemas"]
    responses_ref = document["components"].get("responses", {})
    endpoint = Endpoint(
        anchor=str(op["operationId"]).replace("_", "-"),
        method=method.upper(),
        path=path,
        summary=str(op.get("summary", "")),
        description=str(op.get("description", "")).replace("``", ""),
        needs_token=bool(op.get("security")),
    )
    for parameter in op.get("parameters", []):
        schema = parameter.get("schema", {})
        description = parameter.get("description") or _describe(schema)
        endpoint.parameters.append(
            Field(
                name=f"{parameter['name']} ({parameter['in']})",
                type=type_of(schema),
                required=bool(parameter.get("required")),
                description=str(description),
            )
        )
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    if body and _ref_name(body["schema"]):
        endpoint.request = _model(str(_ref_name(body["schema"])), schemas)
    for status, answer in op.get("responses", {}).items():
        if int(status) < 400:
            endpoint.success_status = status
            contents: dict[str, Any] = answer.get("content", {})
            content_type = next(iter(contents), "")
            endpoint.success_type = content_type
            name = _ref_name(contents.get(content_type, {}).get("schema", {}))
            if name:
                endpoint.response = _model(name, schemas)
        else:
            ref = str(answer.get("$ref", "")).rsplit("/", 1)[-1]
            description = responses_ref.get(ref, answer).get("description", "")
            endpoint.errors.append(ErrorAnswer(status, str(description)))
    return endpoint


def build_reference(document: dict[str, Any]) -> Reference:
    """Read the OpenAPI document into sections of endpoints, grouped by tag."""
    sections = {
        tag["name"]: Section(tag["name"], str(tag.get("description", "")))
        for tag in document.get("tags", [])
    }
    for path, item in document["paths"].items():
        for method in METHOD_ORDER:
            if method not in item:
                continue
            op = item[method]
            tag = (op.get("tags") or ["Other"])[0]
            section = sections.setdefault(tag, Section(tag, ""))
            section.endpoints.append(_endpoint(path, method, op, document))
    schemas = document["components"]["schemas"]
    nested = sorted(
        {name for schema in schemas.values() for name in _refs_in(schema.get("properties", {}))}
    )
    info = document["info"]
    return Reference(
        title=str(info["title"]),
        version=str(info["version"]),
        summary=str(info.get("summary", "")),
        description=str(info.get("description", "")),
        server=str(document["servers"][0]["url"]),
        sections=[section for section in sections.values() if section.endpoints],
        models=[_model(name, schemas) for name in nested],
    )
