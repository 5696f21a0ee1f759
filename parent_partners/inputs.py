"""Refusing input that is not text: a form or query string that is not valid UTF-8, or that
holds a null character.

Werkzeug would quietly replace undecodable bytes with U+FFFD and the record would be saved
with them, and PostgreSQL cannot store a null character at all (a 500 otherwise); refusing
(400, saying why) keeps what is stored exactly what was typed. JSON bodies are checked by
the API's parser (``api/blueprint.parse``).
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import Request
from werkzeug.exceptions import BadRequest

NOT_UTF8 = (
    "The request is not valid text (UTF-8, with no null characters), so nothing was saved."
)
FORM = "application/x-www-form-urlencoded"


def _decodes(raw: bytes) -> bool:
    for pair in raw.split(b"&"):
        for part in pair.split(b"=", 1):
            raw_part = unquote_to_bytes(part.replace(b"+", b" "))
            if b"\x00" in raw_part:
                return False
            try:
                raw_part.decode("utf-8")
            except UnicodeDecodeError:
                return False
    return True


def check_text_input(request: Request) -> None:
    """Raise a 400 if the query string, or a urlencoded form body, is not valid UTF-8."""
    if request.query_string and not _decodes(request.query_string):
        raise BadRequest(NOT_UTF8)
    if request.mimetype == FORM and request.content_length:
        limit = request.max_content_length
        if limit is not None and request.content_length > limit:
            return  # reading it is refused with a 413 when the form is parsed
        if not _decodes(request.get_data(cache=True)):
            raise BadRequest(NOT_UTF8)
