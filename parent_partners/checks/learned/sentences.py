"""Cutting text into the units the learned stage reads: sentences, clauses and tokens.

Offsets always refer to the original text, so a learned finding can point at its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..context import quote_spans

# A sentence ends at . ! or ? (with any closing quotes or brackets) before a space, or at a
# blank line or a new line that starts a list item or a capitalised line.
_END = re.compile(r"[.!?]+['\"’”)\]]*(?=\s)|\n\s*\n|\n(?=\s*[-*•\dA-Z])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|approx|e\.g|i\.e|etc|vs|no)|\b[A-Z])$")
# Words: letters and digits, with an apostrophe inside ("she's", "o'clock") kept whole.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
# Where a clause may be cut: punctuation, and conjunctions that start a new claim.
_CLAUSE_CUT = re.compile(
    r"\s*[;:,–—]\s+|\s+(?=(?:but|and|because|although|though|whereas|while|so|which|as)\s)"
)
# A capitalised word (not all capitals): a name when it does not start the sentence.
_NAME = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:['’][a-z]+)*(?![\w'’])")
NAME = "<name>"
# The first word, when capitalised (not all capitals) and unquoted, possessive or not:
# "Alina's view was followed" opens with a name as surely as "Alina said" does.
_FIRST = re.compile(r"\s*([A-Z][a-z]+(?:['’][a-z]+)*)(?![\w'’])")
# Stands in for a name while tokenising (see _unquoted_tokens): one token, and digits only,
# which no lower-casing makes or changes, so whether a sentence holds it can be read as is.
_NAME_MARK = "0000000000"
_CURLY = str.maketrans("‘’“”", "''\"\"")
_QUOTE_CHARS = re.compile("[\"“”‘']")
# Characters of the next sentence that the learned stage reads ("I challenged this").
_LEAD = 60


class Unit(NamedTuple):
    """A sentence's span in the original text."""

    start: int
    end: int


def sentences(text: str) -> Iterator[Unit]:
    """Yield the sentences of ``text`` (leading and trailing spaces trimmed)."""
    pos = 0
    n = len(text)
    for m in _END.finditer(text):
        if m.group().startswith(".") and _ABBREV.search(text, max(0, m.start() - 6), m.start()):
            continue
        end = m.end() if not m.group().isspace() else m.start()
        unit = _trimmed(text, pos, end)
        if unit is not None:
            yield unit
        pos = m.end()
    unit = _trimmed(text, pos, n)
    if unit is not None:
        yield unit


def _trimmed(text: str, start: int, end: int) -> Unit | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Unit(start, end) if end > start else None


def tokens(sentence: str, known: frozenset[str] | None = None) -> list[str]:
    """Lower-cased word tokens; words inside quotation marks are prefixed 'q:'.

    Quoted words are someone else's (a child's, a parent's, another agency's), so the
    model keeps them apart from the writer's own words. A capitalised word after the first
    is a name (a child's, a parent's, a place's) and becomes NAME: which name it is says
    nothing about blame. With ``known`` (the words a model has seen in lower case), a
    capitalised first word it has not seen that way is a name too: "Kayla" opening a
    sentence is the same NAME as "Kayla" in the middle of one.
    """
    out = _quoted_or_not(sentence)
    if known and out and out[0] not in known:
        first = _FIRST.match(sentence)
        if first is not None and first.group(1).lower().translate(_CURLY) == out[0]:
            out[0] = NAME
    return out


def _quoted_or_not(sentence: str) -> list[str]:
    """tokens() without reading the first word as a name."""
    if _QUOTE_CHARS.search(sentence) is None:
        return _unquoted_tokens(sentence)
    low = sentence.lower().translate(_CURLY)
    names: set[int] = set()
    if len(low) == len(sentence):
        names = {m.start() for m in _NAME.finditer(sentence, 1)}
    quoted = quote_spans(sentence, 0, len(sentence))
    out: list[str] = []
    for m in _TOKEN.finditer(low):
        at = m.start()
        word = NAME if at in names else m.group()
        out.append("q:" + word if any(a < at < b for a, b in quoted) else word)
    return out


def _mark_name(m: re.Match[str]) -> str:
    return _NAME_MARK if m.start() else m.group()


def _unquoted_tokens(sentence: str) -> list[str]:
    """tokens() of a sentence with no quotation marks (the first word as read).

    Each name (not the first word) is swapped for a marker word before tokenising, so the
    words are found in one pass: a name has no word character or apostrophe on either side,
    so it is exactly one token, as the marker is. Names are only read where lower case keeps
    the sentence's length (as in tokens()); a sentence that holds the marker itself is
    tokenised word by word instead.
    """
    marked, count = _NAME.subn(_mark_name, sentence)
    if not count or marked == sentence:
        return _TOKEN.findall(sentence.lower().translate(_CURLY))
    # Names are plain ASCII, so marking them changed no length that lower case changes.
    low = marked.lower()
    if len(low) != len(marked) or _NAME_MARK in sentence:
        return _by_word(sentence)
    return [NAME if t == _NAME_MARK else t for t in _TOKEN.findall(low.translate(_CURLY))]


def _by_word(sentence: str) -> list[str]:
    """tokens() of an unquoted sentence, one word at a time (the general case)."""
    low = sentence.lower().translate(_CURLY)
    if len(low) != len(sentence):
        return _TOKEN.findall(low)
    names = {m.start() for m in _NAME.finditer(sentence, 1)}
    return [NAME if m.start() in names else m.group() for m in _TOKEN.finditer(low)]


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets in ``text`` of each token tokens(text[start:end]) returns, in the same order."""
    low = text[start:end].lower().translate(_CURLY)
    return [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(low)]


def lead_tokens(text: str, start: int, end: int, count: int = 3) -> list[str]:
    """The first few words of text[start:end] (the start of the next sentence)."""
    return _TOKEN.findall(text[start : min(end, start + _LEAD)].lower().translate(_CURLY))[:count]


def clauses(text: str, start: int, end: int) -> list[Unit]:
    """The clauses of text[start:end], for pointing a learned finding at its words."""
    out: list[Unit] = []
    pos = start
    for m in _CLAUSE_CUT.finditer(text, start, end):
        unit = _trimmed(text, pos, m.start())
        if unit is not None:
            out.append(unit)
        pos = m.end()
    unit = _trimmed(text, pos, end)
    if unit is not None:
        out.append(unit)
    # Trailing full stops belong to the sentence, not the clause.
    return [Unit(u.start, _strip_end(text, u.start, u.end)) for u in out]


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1] in ".!?,;:":
        end -= 1
    return end
