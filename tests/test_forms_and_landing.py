"""GOV.UK form patterns (nothing answered for the practitioner) and where each role lands."""

from __future__ import annotations

import re

from tests.conftest import PageClient


def test_relationship_to_the_child_is_not_preselected(pages: PageClient, make_user, make_case):
    worker = make_user("practitioner")
    case = make_case(worker)
    pages.sign_in(worker)
    url = f"/cases/{case.id}/carers/new"
    body = pages.get(url).get_data(as_text=True)
    select = body[
        body.index('id="relationship"') : body.index("</select>", body.index('id="relationship"'))
    ]
    assert re.search(r'<option value=""\s+selected', select) or "selected" not in select
    assert 'value="mother" selected' not in select
    refused = pages.submit(
        url, {"name": "Omar Hassan", "parental_responsibility": "yes", "safe_to_involve": "yes"}
    ).get_data(as_text=True)
    assert "There is a problem" in refused and "Select the relationship to the child" in refused
    assert 'href="#relationship"' in refused


def test_an_administrator_lands_on_a_page_they_may_use(pages: PageClient, make_user):
    admin = make_user("admin", team=None)
    response = pages.sign_in(admin)
    landing = pages.get(response.headers["Location"])
    assert landing.status_code == 200
    assert pages.get("/login").headers["Location"] == response.headers["Location"]
