"""Schemathesis against the app's own OpenAPI document, through the WSGI app: whatever it
generates (valid and invalid), no answer is a server error. Bounded so it stays quick; for a
longer run against a live server see the README ("Checking the API with Schemathesis")."""

from __future__ import annotations

import os

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.api_support import api_for, cli_token, new_carer, new_case
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

EXAMPLES = int(os.environ.get("PARTNERS_FUZZ_EXAMPLES", "25"))


@pytest.fixture
def api_schema(app: Flask) -> schemathesis.BaseSchema:
    """The OpenAPI document, loaded through the WSGI app."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


@pytest.fixture
def token(app: Flask, make_user, cheap_passwords) -> str:  # noqa: F811 - the fixture
    """A manager's token, with a case and a carer in the team (ids 1 and up exist)."""
    manager = make_user("manager")
    api = api_for(app, manager.email)
    case = new_case(api)
    new_carer(api, case["id"])
    return cli_token(app, manager.email)


def _operations(schema: schemathesis.BaseSchema) -> list[schemathesis.APIOperation]:
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_request_makes_a_server_error(
    api_schema: schemathesis.BaseSchema, token: str, mode: GenerationMode
) -> None:
    """Every operation, with generated valid and invalid requests: never a 5xx, and every
    refusal is problem details saying what was wrong. (Schemathesis's own pytest plugin does
    not run under pytest 9 yet, so the strategies are driven with Hypothesis directly.)"""
    operations = _operations(api_schema)
    assert len(operations) >= 10
    for operation in operations:
        label = operation.label

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            response = case.call_and_validate(
                headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error]
            )
            assert response.status_code < 500, label  # noqa: B023 - run at once, in this loop
            if response.status_code >= 400 and case.path != "/docs":
                content_type = response.headers.get("Content-Type") or response.headers.get(
                    "content-type"
                )
                text = content_type[0] if isinstance(content_type, list) else content_type
                assert text and text.startswith("application/problem+json"), label  # noqa: B023
                assert response.json()["detail"], label  # noqa: B023

        try:
            run()
        except Unsatisfiable:
            # Nothing in this operation can be made invalid (no parameters, no body).
            assert mode is GenerationMode.NEGATIVE, label
