"""Every user can change their own password; other sessions end; refusals are named."""

from __future__ import annotations

from flask import Flask

from tests.conftest import PASSWORD, PageClient

NEW = "seven ravens over the canal"


def test_changing_your_password_signs_you_out_everywhere_else(
    pages: PageClient, make_user, app: Flask
):
    user = make_user("admin", team=None)
    elsewhere = PageClient(app.test_client())
    elsewhere.sign_in(user)
    pages.sign_in(user)
    assert 'href="/account/password"' in pages.get("/account").get_data(as_text=True)
    response = pages.submit("/account/password", {"current": PASSWORD, "new": NEW, "confirm": NEW})
    assert response.status_code == 302
    assert "Password changed" in pages.get("/account").get_data(as_text=True)  # still signed in
    assert "/login" in elsewhere.get("/account").headers.get("Location", "")
    fresh = PageClient(app.test_client())
    fresh.sign_in(user.email, NEW)


def test_refusals_are_named_beside_the_box(pages: PageClient, make_user, app: Flask):
    user = make_user("practitioner")
    pages.sign_in(user)
    cases = {
        "Your current password is not right": {"current": "wrong", "new": NEW, "confirm": NEW},
        "Your new password must be at least 12 characters": {
            "current": PASSWORD,
            "new": "short",
            "confirm": "short",
        },
        "The new passwords do not match": {"current": PASSWORD, "new": NEW, "confirm": NEW + "x"},
    }
    for message, data in cases.items():
        response = pages.submit("/account/password", data)
        body = response.get_data(as_text=True)
        assert response.status_code == 400, message
        assert "There is a problem" in body and message in body, message
    PageClient(app.test_client()).sign_in(user)  # the old password still works
