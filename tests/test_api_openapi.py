"""The OpenAPI 3.1 document: valid, generated from the request models, covering every route."""

from __future__ import annotations

import re

from flask import Flask
from openapi_spec_validator import validate

from parent_partners.api import schemas
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
    assert components["InvolvementIn"] == expected
    assert components["InvolvementIn"]["additionalProperties"] is False
    assert components["ConsultationIn"]["properties"]["child_wish"]["anyOf"][0]["enum"] == [
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
