"""Odd input on every page route, derived from the URL map: never a server error.

Every page route (not the API: ``test_api_fuzz.py`` drives that from its OpenAPI
document) is sent odd values in the query string, then as a urlencoded form, a
multipart form (text, a null character, a file where text belongs) and a chunked
body, signed in as a manager and as a principal, with a valid CSRF token so the
views themselves are reached. No answer may be 500 or more; a refusal of bytes that
are not text is a 400; and every answer carries the security headers.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from flask import Flask

from tests.conftest import PageClient
from tests.test_read_audit import _url, _world
from tests.trust_support import cheap_passwords  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("cheap_passwords")

ODD = [
    "²", "/cases\r\n", "2147483648", "-1", "0", "9" * 40, "1e9", "", " ", "x" * 300, "１",
    "<b>&", "\u202e",
]
NAMES = [
    "team", "carer", "done", "page", "per_page", "metric", "from", "to", "format", "table",
    "status", "kind", "mine", "next", "name", "date-day", "date-month", "date-year", "version",
    "carer_ids", "reason", "agrees", "grade-1", "response", "text", "email", "password",
]
SKIP = {"static", "partners.auth.sign_out"}


def _bodies(token: str) -> list[dict[str, Any]]:
    odd = {name: ODD[n % len(ODD)] for n, name in enumerate(NAMES)}
    return [
        {"data": {**odd, "csrf_token": token}},
        {"data": {**odd, "csrf_token": token}, "content_type": "multipart/form-data"},
        {"data": {"name": "a\x00b", "notes": "x", "csrf_token": token},
         "content_type": "multipart/form-data", "expect": 400},
        {"data": {"name": (io.BytesIO(b"text"), "notes.txt"), "csrf_token": token},
         "content_type": "multipart/form-data", "expect": 400},
        {"input_stream": io.BytesIO(f"csrf_token={token}&name=%FF%FE".encode()),
         "headers": {"Transfer-Encoding": "chunked",
                     "Content-Type": "application/x-www-form-urlencoded"},
         "environ_overrides": {"wsgi.input_terminated": True}, "expect": 400},
        {"data": "[" * 5000 + "]" * 5000, "content_type": "application/json",
         "headers": {"X-CSRFToken": token}},
    ]


def test_no_page_answers_odd_input_with_a_server_error(app: Flask, make_user, make_case):
    world = _world(app, make_user, make_case)
    ids = world["ids"]
    _, manager, principal = world["people"]
    failures: list[str] = []
    reached = 0
    for person in (manager, principal):
        pages = PageClient(app.test_client())
        pages.sign_in(person)
        token = pages.csrf_token("/account/tokens")
        for rule in app.url_map.iter_rules():
            if rule.endpoint in SKIP or rule.endpoint.startswith("partners.api."):
                continue
            url = _url(rule, ids)
            if url is None:
                continue
            base = url.split("?")[0]
            methods = rule.methods or set()
            attempts: list[tuple[str, dict[str, Any]]] = []
            if "GET" in methods:
                for n, value in enumerate(ODD):
                    query = "&".join(f"{name}={value}" for name in NAMES[n % 5 :: 5])
                    attempts.append(("GET", {"query_string": query}))
                attempts.append(("GET", {"query_string": "team=%ff&page=%00", "expect": 400}))
            if "POST" in methods:
                attempts += [("POST", body) for body in _bodies(token)]
            for method, kwargs in attempts:
                expect = kwargs.pop("expect", None)
                response = pages.client.open(base, method=method, **kwargs)
                reached += 1
                where = f"{method} {base} {kwargs.get('query_string', '')!r} as {person.email}"
                if response.status_code >= 500:
                    failures.append(f"{where}: {response.status_code}")
                elif expect is not None and response.status_code != expect:
                    failures.append(f"{where}: {response.status_code}, not {expect}")
                if "X-Content-Type-Options" not in response.headers:
                    failures.append(f"{where}: no security headers")
            if not re.search(r"logout|sign_out", rule.endpoint):
                pages.client.get("/cases")  # still signed in: nothing above signed us out
    assert failures == [], "\n".join(failures)
    assert reached > 300
