"""The accessibility statement and the server-rendered API reference page."""

from __future__ import annotations

from markupsafe import escape

from parent_partners.api.openapi import build_document
from parent_partners.api.reference import build_reference, type_of


def test_the_accessibility_statement_is_public_and_linked_from_every_page(pages, make_user):
    statement = pages.get("/accessibility")
    assert statement.status_code == 200
    body = statement.get_data(as_text=True)
    for part in [
        "Accessibility statement for Parents as partners",
        "How accessible this service is",
        "What to do if you cannot use parts of this service",
        "Reporting accessibility problems",
        "Enforcement procedure",
        "Equality Advisory and Support Service",
        "Web Content Accessibility Guidelines version 2.2",
        "How we tested this service",
        "This statement was prepared on",
    ]:
        assert part in body, part
    assert 'href="/accessibility"' in pages.get("/login").get_data(as_text=True)
    pages.sign_in(make_user("practitioner"))
    assert 'href="/accessibility"' in pages.get("/cases").get_data(as_text=True)


def test_the_statement_names_the_contact_when_configured(app, pages):
    app.config["ACCESSIBILITY_CONTACT"] = "access@council.example"
    try:
        body = pages.get("/accessibility").get_data(as_text=True)
    finally:
        app.config.pop("ACCESSIBILITY_CONTACT")
    assert 'href="mailto:access@council.example"' in body


def test_the_api_reference_page_lists_every_operation_of_the_document(app, pages, make_user):
    assert pages.get("/account/api-reference").status_code == 302  # signed in only
    pages.sign_in(make_user("practitioner"))
    page = pages.get("/account/api-reference")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    with app.test_request_context():
        document = build_document("/api/v1", "1")
    for path, item in document["paths"].items():
        for method, op in item.items():
            assert str(escape(op["summary"])) in body, (method, path)
            assert f'id="{op["operationId"].replace("_", "-")}"' in body
    assert "carer_ids" in body and "partnership_level" in body
    # Swagger UI is named as a developer tool, not linked; the JSON document is not linked.
    assert 'href="/api/v1/docs"' not in body and 'href="/api/v1/openapi.json"' not in body
    tokens = pages.get("/account/tokens").get_data(as_text=True)
    assert 'href="/account/api-reference"' in tokens and 'href="/api/v1/docs"' not in tokens


LIST_REF = {"$ref": "#/components/schemas/L"}


def test_reference_types_read_like_words():
    assert type_of({"type": "array", "items": {"type": "integer"}}) == "list of integer"
    assert type_of({"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}) == (
        "date or null"
    )
    assert type_of({"enum": ["a", "b"], "type": "string"}) == "one of: a, b"
    assert type_of({"$ref": "#/components/schemas/Finding"}) == "Finding"
    reference = build_reference(
        {
            "info": {"title": "T", "version": "1"},
            "servers": [{"url": "/api"}],
            "tags": [{"name": "Cases", "description": "d"}],
            "paths": {
                "/cases": {
                    "get": {
                        "operationId": "list_cases",
                        "summary": "List",
                        "tags": ["Cases"],
                        "security": [{"bearer": []}],
                        "responses": {
                            "200": {"content": {"application/json": {"schema": LIST_REF}}},
                            "401": {"$ref": "#/components/responses/Problem401"},
                        },
                    }
                }
            },
            "components": {
                "schemas": {"L": {"properties": {"n": {"type": "integer"}}, "required": ["n"]}},
                "responses": {"Problem401": {"description": "No token"}},
            },
        }
    )
    endpoint = reference.sections[0].endpoints[0]
    assert endpoint.anchor == "list-cases" and endpoint.needs_token
    assert endpoint.response is not None and endpoint.response.fields[0].required
    assert [(e.status, e.description) for e in endpoint.errors] == [("401", "No token")]
