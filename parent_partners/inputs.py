"""Refusing input that is not text: a form or query string that is not valid UTF-8, or that
holds a null character.

Werkzeug would quietly replace undecodable bytes with U+FFFD and the record would be saved
with them, and PostgreSQL cannot store a null character at all (a 500 otherwise); refusing
(400, saying why) keeps what is stored exactly what was typed. JSON bodies are checked by
the API's parser (``api/blueprint.parse``).

The same holds however the form is sent: urlencoded with a length or chunked (no length),
or multipart. Werkzeug decodes multipart fields with replacement characters, so a U+FFFD
or a null character in one is refused; and the service takes no files, so a file in any
field (where text is expected) is refused too.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import Request
from werkzeug.exceptions import BadRequest

from parent_partners.identity import is_api_request

NOT_UTF8 = (
    "The request is not valid text (UTF-8, with no null characters), so nothing was saved."
)
FORM = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"
DEEP_JSON = "The JSON is nested too deeply to read, so nothing was saved."
NO_FILES = "This service does not take files: send the form as text, so nothing was saved."


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
    chunked = "chunked" in request.headers.get("Transfer-Encoding", "").lower()
    if request.mimetype == FORM and (request.content_length or chunked):
        limit = request.max_content_length
        if limit is not None and (request.content_length or 0) > limit:
            return  # reading it is refused with a 413 when the form is parsed
        if not _decodes(request.get_data(cache=True)):
            raise BadRequest(NOT_UTF8)
    elif request.is_json and not is_api_request():  # the API parses its own, strictly
        try:
            # Parsed once here (and cached): forms read a JSON body too, and JSON nested
            # thousands deep overflows Python's parser wherever it is first read.
            request.get_json(silent=True, cache=True)
        except RecursionError:
            raise BadRequest(DEEP_JSON) from None
    elif request.mimetype == MULTIPART:
        if request.files:
            raise BadRequest(NO_FILES)
        for value in request.form.values():
            if "\x00" in value or "\ufffd" in value:
                raise BadRequest(NOT_UTF8)
