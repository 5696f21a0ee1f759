"""The OpenAPI 3.1 document, built from the ``operation`` declarations and the pydantic models
that validate requests and shape responses: nothing here is written by hand beside them."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from parent_partners.api.blueprint import OPERATIONS, Operation
from parent_partners.api.errors import PROBLEM_JSON
from parent_partners.api.schemas import NAMED_VOCABULARIES, Problem
from parent_partners.permissions import Permission
from parent_partners.vocabulary import values

REF = "#/components/schemas/{model}"
PATH_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")

ERROR_TEXT = {
    400: "The request could not be read: the body is not valid JSON, or the text is not UTF-8",
    401: "No working bearer token",
    403: "Your role does not allow this",
    404: "Not found, or not yours to see",
    409: "Conflicts with the current state",
    413: "The body is too large",
    415: "The body is not JSON",
    422: "The body or query has errors; each field is named",
    500: "Something went wrong on our side",
}

TAGS = [
    {"name": "Cases", "description": "A child's case, held by a team."},
    {"name": "Records", "description": "Parents and carers, involvements, consultations."},
    {"name": "Teams and users", "description": "Looking up a team or a worker to allocate."},
    {
        "name": "Flags",
        "description": "What the checks found, kept on the case as flags (a flag's id is what "
        "the flag paths take), and dismissing one with a reason.",
    },
    {"name": "Check", "description": "Checking text as it is typed, in a host's own editor."},
    {"name": "Access trail", "description": "Who viewed or changed a case, when, and from where."},
    {"name": "Feedback", "description": "How the work feels to the child and their parents."},
    {"name": "Self-assessment", "description": "The service assessed against the principles."},
    {"name": "About", "description": "This document and its reference page."},
]


class _Components:
    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {}

    def ref(self, model: type[BaseModel], mode: str) -> dict[str, str]:
        schema = model.model_json_schema(ref_template=REF, mode=mode)  # type: ignore[arg-type]
        for name, definition in schema.pop("$defs", {}).items():
            self.schemas.setdefault(name, definition)
        self.schemas[model.__name__] = schema
        return {"$ref": REF.format(model=model.__name__)}


def vocabulary_schemas() -> dict[str, dict[str, Any]]:
    """One named schema per vocabulary: its stored values, and the label people read for each."""
    return {
        name: {
            "title": name,
            "type": "string",
            "enum": values(choices),
            "description": "One of: "
            + "; ".join(f"{value} ({text})" for value, text in choices)
            + ".",
        }
        for name, choices in NAMED_VOCABULARIES.items()
    }


_BY_VALUES = {frozenset(values(choices)): name for name, choices in NAMED_VOCABULARIES.items()}


def refer_to_vocabularies(node: Any) -> Any:
    """Swap every inline list of a vocabulary's values for a reference to its named schema.

    Pydantic writes a ``Literal`` field out in full wherever it is used; left so, a client
    generator makes one type per field (``CaseGender``, ``CaseInGender``, ...).
    """
    if isinstance(node, list):
        return [refer_to_vocabularies(item) for item in node]
    if not isinstance(node, dict):
        return node
    name = _BY_VALUES.get(frozenset(node.get("enum", ())))
    if name is not None:
        rest = {k: v for k, v in node.items() if k not in {"enum", "type", "title"}}
        return {"$ref": REF.format(model=name), **rest}
    return {key: refer_to_vocabularies(value) for key, value in node.items()}


def openapi_path(rule: str) -> str:
    """``/cases/<int:case_id>`` → ``/cases/{case_id}``."""
    return PATH_PARAM.sub(r"{\2}", rule)


def _parameters(op: Operation, components: _Components) -> list[dict[str, Any]]:
    parameters: list[dict[str, Any]] = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
            if converter == "int"
            else {"type": "string"},
        }
        for converter, name in PATH_PARAM.findall(op.rule)
    ]
    if op.query is not None:
        schema = op.query.model_json_schema(ref_template=REF)
        required = set(schema.get("required", []))
        for name, prop in schema["properties"].items():
            description = prop.pop("description", None)
            parameter = {"name": name, "in": "query", "required": name in required}
            if description:
                parameter["description"] = description
            parameters.append({**parameter, "schema": prop})
    return parameters


def _operation(op: Operation, components: _Components) -> dict[str, Any]:
    public = op.permission is Permission.PUBLIC
    summary_lines = op.description.splitlines()
    document: dict[str, Any] = {
        "operationId": op.endpoint.rsplit(".", 1)[-1],
        "summary": op.summary,
        "tags": [op.tag],
    }
    if op.deprecated:
        document["deprecated"] = True
    if summary_lines:
        document["description"] = " ".join(line.strip() for line in summary_lines)
    parameters = _parameters(op, components)
    if parameters:
        document["parameters"] = parameters
    if op.body is not None:
        document["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": components.ref(op.body, "validation")}},
        }
    if op.response is not None:
        content = {op.content_type: {"schema": components.ref(op.response, "serialization")}}
    elif op.content_type == "text/html":
        content = {"text/html": {"schema": {"type": "string"}}}
    else:
        content = {op.content_type: {"schema": {"type": "object"}}}
    responses: dict[str, Any] = {
        str(op.status): {"description": "Created" if op.status == 201 else "OK", "content": content}
    }
    errors = set(op.errors)
    if not public:
        errors |= {401, 403}
        document["security"] = [{"bearer": []}]
    else:
        document["security"] = []
    if "{" in openapi_path(op.rule):
        errors.add(404)
    if op.body is not None:
        # 409: a save that met another at the same moment (send it again).
        errors |= {400, 409, 413, 415, 422}
    if op.query is not None:
        errors |= {400, 422}  # 400: a query string that is not UTF-8 text
    errors |= {405, 500}  # 405: the path with a method it does not take
    for status in sorted(errors):
        responses[str(status)] = {"$ref": f"#/components/responses/Problem{status}"}
    document["responses"] = responses
    return document


def build_document(api_root: str, version: str) -> dict[str, Any]:
    """The whole OpenAPI 3.1 document; ``api_root`` is where the API is served (its server)."""
    components = _Components()
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(openapi_path(op.rule), {})[op.method] = _operation(op, components)
    problem = components.ref(Problem, "serialization")
    paths = refer_to_vocabularies(paths)
    schemas = {**refer_to_vocabularies(components.schemas), **vocabulary_schemas()}
    statuses = sorted({int(code) for item in paths.values() for o in item.values()
                       for code in o["responses"] if int(code) >= 400})
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Parents as partners API",
            "version": version,
            "summary": "Cases, parents and carers, involvements, child consultations and the "
            "flags the practice checks keep on them.",
            "description": (
                "Authenticate with a bearer token (`Authorization: Bearer <token>`) made on "
                "the account page's API tokens, or with `flask partners create-token`. The "
                "token acts with its holder's role and team: another team's case is a 404. "
                "Every write is recorded in the access trail. Errors are RFC 9457 problem "
                "details (`application/problem+json`)."
            ),
        },
        "servers": [{"url": api_root}],
        "tags": TAGS,
        "paths": paths,
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API token from the account page or the command line.",
                }
            },
            "responses": {
                f"Problem{status}": {
                    "description": ERROR_TEXT.get(status, "Error"),
                    "content": {PROBLEM_JSON: {"schema": problem}},
                }
                for status in statuses
            },
        },
        "security": [{"bearer": []}],
    }
