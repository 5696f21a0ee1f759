"""The OpenAPI 3.1 document: valid, generated from the request models, covering every route."""

from __future__ import annotations

import re

from flask import Flask
from openapi_spec_validator import validate

from parent_partners.api import openapi, schemas
from tests.api_support import Api


def document(app: Flask) -> dict:
    response = Api(app, None).get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_document_is_valid_openapi_3_1(app: Flask):
    doc = document(app)
    assert doc["openapi"] == "3.1.0"
    validate(doc)
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert doc["servers"] == [{"url": "http://localhost/api/v1"}]  # absolute, never relative


def test_every_api_route_is_in_the_document(app: Flask):
    paths = document(app)["paths"]
    missing = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("partners.api.") or rule.endpoint == "partners.api.unknown":
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
            if method.lower() not in paths.get(path, {}):
                missing.append(f"{method} {path}")
    assert missing == []


def test_request_schemas_are_the_validating_models(app: Flask):
    doc = document(app)
    components = doc["components"]["schemas"]
    body = doc["paths"]["/cases/{case_id}/involvements"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/InvolvementIn"
    }
    expected = schemas.InvolvementIn.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    assert components["InvolvementIn"] == openapi.refer_to_vocabularies(expected)
    assert components["InvolvementIn"]["additionalProperties"] is False
    assert components["ConsultationIn"]["properties"]["child_wish"]["anyOf"][0] == {
        "$ref": "#/components/schemas/ChildWish"
    }
    assert components["ChildWish"]["enum"] == [
        "agrees", "agrees_with_conditions", "does_not_agree", "undecided"
    ]


def test_errors_are_documented_as_problem_details(app: Flask):
    doc = document(app)
    post = doc["paths"]["/cases"]["post"]
    assert {"401", "403", "413", "422"} <= set(post["responses"])
    problem = doc["components"]["responses"]["Problem422"]["content"]
    assert "application/problem+json" in problem
    assert doc["paths"]["/openapi.json"]["get"]["security"] == []


def test_reference_page_loads_swagger_ui_from_this_site(app: Flask):
    response = Api(app, None).get("/api/v1/docs")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'data-openapi-url="/api/v1/openapi.json"' in page
    assert "/static/swagger-ui/swagger-ui-bundle.js" in page
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def _enums(node, where: str = ""):
    """Every inline ``enum`` in the document, with where it is."""
    if isinstance(node, dict):
        if "enum" in node:
            yield where, frozenset(node["enum"])
        for key, value in node.items():
            yield from _enums(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _enums(value, f"{where}/{index}")


def test_each_vocabulary_is_one_named_schema(app: Flask):
    """A client generator gets one type per vocabulary (Gender, not CaseGender and
    CaseInGender): each is a named schema, and every field using it refers to it."""
    from parent_partners.vocabulary import values

    doc = document(app)
    named = doc["components"]["schemas"]
    vocabularies = {
        name: frozenset(values(choices)) for name, choices in schemas.NAMED_VOCABULARIES.items()
    }
    for name, known in vocabularies.items():
        assert frozenset(named[name]["enum"]) == known
    inline = [
        f"{where} repeats {name}"
        for where, found in _enums(doc)
        for name, known in vocabularies.items()
        if found == known and where != f"/components/schemas/{name}"
    ]
    assert inline == []
    case_in = named["CaseIn"]["properties"]
    assert case_in["gender"]["$ref"] == "#/components/schemas/Gender"
    assert named["Case"]["properties"]["gender"]["$ref"] == "#/components/schemas/Gender"
    assert case_in["harm_types"]["items"] == {"$ref": "#/components/schemas/HarmType"}
    assert not any(name.endswith("Gender") and name != "Gender" for name in named)
