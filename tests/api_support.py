"""Helpers for the API tests: tokens made the documented way (the command line), a client."""

from __future__ import annotations

from typing import Any

from click.testing import Result
from flask import Flask
from flask.testing import FlaskClient

PROBLEM_JSON = "application/problem+json"


def cli(app: Flask, *args: str) -> Result:
    """Run ``flask partners ...``."""
    return app.test_cli_runner().invoke(args=["partners", *args])


def cli_token(app: Flask, email: str) -> str:
    """Make a token with ``create-token``; the token is the last line printed."""
    result = cli(app, "create-token", "--email", email)
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


class Api:
    """A JSON client that sends a bearer token, and nothing else (no cookies)."""

    def __init__(self, app: Flask, token: str | None) -> None:
        self.client: FlaskClient = app.test_client(use_cookies=False)
        self.token = token

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        headers.update(extra or {})
        return headers

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, headers=self.headers(kwargs.pop("headers", None)), **kwargs)

    def post(self, url: str, body: Any = None, **kwargs: Any) -> Any:
        headers = self.headers(kwargs.pop("headers", None))
        if body is not None:
            kwargs["json"] = body
        return self.client.post(url, headers=headers, **kwargs)

    def open(self, url: str, method: str, **kwargs: Any) -> Any:
        headers = self.headers(kwargs.pop("headers", None))
        return self.client.open(url, method=method, headers=headers, **kwargs)


def api_for(app: Flask, email: str) -> Api:
    """A client with a fresh command-line token for ``email``."""
    return Api(app, cli_token(app, email))


def new_case(api: Api, **overrides: Any) -> dict[str, Any]:
    body = {
        "child_name": "Amira Hassan",
        "child_dob": "2011-05-14",
        "gender": "girl",
        "ethnicity": "mixed",
        "harm_types": ["cse", "online_grooming"],
        "contexts": ["online", "park"],
        "opened_on": "2026-06-01",
    }
    body.update(overrides)
    response = api.post("/api/v1/cases", body)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def new_carer(api: Api, case_id: int, **overrides: Any) -> dict[str, Any]:
    body = {"name": "Leila Hassan", "relationship": "mother", "parental_responsibility": True}
    body.update(overrides)
    response = api.post(f"/api/v1/cases/{case_id}/carers", body)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def sharing_involvement(carer_ids: list[int], **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "carer_ids": carer_ids,
        "date": "2026-11-10",
        "kind": "home_visit",
        "partnership_level": "consulted",
        "shares_child_information": True,
        "shared_what": "The safety plan and the places of concern.",
        "shared_why": "So mum can help keep Amira safe at weekends.",
        "parent_view": "I just want her home safe.",
        "strengths": "Mum knows Amira's friends and noticed the new phone first.",
        "notes": "Talked through the safety plan together.",
    }
    body.update(overrides)
    return body
