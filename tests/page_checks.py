"""What every HTML page the tests fetch must show: the checks the test client runs.

A page a person can reach has exactly one ``h1``, a non-empty ``<title>``, a ``main``
landmark, and none of the marks of a broken render: a traceback, "Internal Server
Error", a Python ``None`` where a value belonged, or template syntax left unrendered.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from flask.testing import FlaskClient

ERROR_TEXT = ("Traceback (most recent call last)", "Internal Server Error", "{{", "{%")
NONE_IN_URL = re.compile(r"/None(?:[/?#]|$)")
# Attributes whose value is shown to a person or names a place: "None" there is a missing value.
VALUE_ATTRIBUTES = {"value", "href", "action", "src", "alt", "title", "aria-label", "content"}


class _PageReader(HTMLParser):
    """Collects headings, title, landmarks and visible text of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.h1 = 0
        self.main = 0
        self.title = ""
        self.texts: list[str] = []
        self.none_attributes: list[str] = []
        self._in_title = False
        self._hidden_depth = 0  # inside <script>/<style>, whose text is not shown

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h1":
            self.h1 += 1
        if tag == "main" or values.get("role") == "main":
            self.main += 1
        if tag == "title":
            self._in_title = True
        if tag in {"script", "style"}:
            self._hidden_depth += 1
        for name, value in attrs:
            if value is None:
                continue
            if (name in VALUE_ATTRIBUTES and value.strip() == "None") or (
                name in {"href", "action", "src"} and NONE_IN_URL.search(value)
            ):
                self.none_attributes.append(f'<{tag} {name}="{value}">')

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in {"script", "style"} and self._hidden_depth:
            self._hidden_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._hidden_depth:
            self.texts.append(data)


def page_problems(html: str) -> list[str]:
    """What is wrong with the page ``html`` (empty when nothing is)."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    problems = []
    if reader.h1 != 1:
        problems.append(f"{reader.h1} h1 elements (a page has exactly one)")
    if not reader.title.strip():
        problems.append("no <title> text")
    if reader.main != 1:
        problems.append(f"{reader.main} main landmarks (a page has exactly one)")
    shown = [text.strip() for text in reader.texts]
    problems += [f"error text {mark!r}" for mark in ERROR_TEXT if any(mark in t for t in shown)]
    if "None" in shown:
        problems.append("'None' shown where a value belongs")
    problems += [f"'None' in {attribute}" for attribute in reader.none_attributes]
    return problems


def is_page(response: Any) -> bool:
    """Whether ``response`` is a page a person reads: a 200 HTML document."""
    return response.status_code == 200 and response.mimetype == "text/html"


class CheckedClient(FlaskClient):
    """A Flask test client that fails the test when a page it fetched is broken.

    Pass ``page_check=False`` for the few HTML responses that are not pages (fragments
    a script fetches into a page).
    """

    def open(self, *args: Any, page_check: bool = True, **kwargs: Any) -> Any:
        """Send the request; check the page that comes back."""
        response = super().open(*args, **kwargs)
        if page_check and is_page(response):
            problems = page_problems(response.get_data(as_text=True))
            assert not problems, f"{response.request.path}: " + "; ".join(problems)
        return response
