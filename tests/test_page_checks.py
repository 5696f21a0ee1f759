"""The page checks the test client runs catch each kind of broken page, and pass a sound one."""

from __future__ import annotations

import pytest
from flask import Flask

from tests.page_checks import CheckedClient, page_problems

SOUND = (
    "<!DOCTYPE html><html><head><title>Cases – Parents as partners</title></head><body>"
    '<main id="main-content"><h1>Cases</h1><p>Amira Hassan</p>'
    "<script>const none = {{}};</script></main></body></html>"
)


def test_a_sound_page_passes():
    assert page_problems(SOUND) == []


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (SOUND.replace("<h1>Cases</h1>", ""), "0 h1"),
        (SOUND.replace("<p>", "<h1>Again</h1><p>"), "2 h1"),
        (SOUND.replace("Cases – Parents as partners", "  "), "no <title>"),
        (SOUND.replace("main", "div"), "0 main"),
        (SOUND.replace("Amira Hassan", "Traceback (most recent call last):"), "Traceback"),
        (SOUND.replace("Amira Hassan", "Internal Server Error"), "Internal Server Error"),
        (SOUND.replace("Amira Hassan", "{{ case.child_name }}"), "{{"),
        (SOUND.replace("Amira Hassan", "{% if case %}"), "{%"),
        (SOUND.replace("<p>Amira Hassan</p>", "<dd> None </dd>"), "'None' shown"),
        (SOUND.replace("<p>", '<p><a href="/cases/None/edit">x</a>'), "/cases/None/edit"),
        (SOUND.replace("<p>", '<p><input value="None">'), 'value="None"'),
    ],
)
def test_each_kind_of_broken_page_is_named(broken: str, problem: str):
    assert any(problem in found for found in page_problems(broken)), page_problems(broken)


def test_words_that_contain_none_are_not_mistaken_for_it():
    page = SOUND.replace("Amira Hassan", "None of the carers was told. Nonetheless…")
    assert page_problems(page) == []


def test_the_test_client_fails_a_broken_page_and_lets_a_fragment_or_json_through():
    site = Flask("pages")
    site.test_client_class = CheckedClient

    @site.get("/broken")
    def broken() -> str:
        return "<html><head><title>x</title></head><body><p>None</p></body></html>"

    @site.get("/data")
    def data() -> dict[str, None]:
        return {"value": None}

    client = site.test_client()
    with pytest.raises(AssertionError, match=r"/broken: 0 h1 .*'None' shown"):
        client.get("/broken")
    assert client.get("/broken", page_check=False).status_code == 200
    assert client.get("/data").get_json() == {"value": None}
