"""Quotation marks: which stretches of a text are quoted (apostrophes are not quotes)."""

from __future__ import annotations

import re

_QUOTE_CHARS = re.compile("[\"“”‘’']")


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches in text[start:end] as (open, close+1) pairs.

    A straight or curly single quote only opens after a space or bracket and only
    closes before a space or punctuation, so apostrophes ("don't", "Kwame's") are skipped.
    """
    spans: list[tuple[int, int]] = []
    open_single: int | None = None
    open_double: int | None = None
    for m in _QUOTE_CHARS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        can_open = (before.isspace() or before in "([{—–-/:") and not after.isspace()
        can_close = not before.isspace() and (not after.isalnum())
        if ch in '"“”':
            if open_double is None and (ch == "“" or (ch == '"' and can_open)):
                open_double = i
            elif open_double is not None and (ch == "”" or ch == '"'):
                spans.append((open_double, i + 1))
                open_double = None
            continue
        if ch == "‘" or (can_open and open_single is None):
            open_single = i
        elif can_close and open_single is not None:
            spans.append((open_single, i + 1))
            open_single = None
    return spans


def may_have_quotes(text: str, start: int, end: int) -> bool:
    """False only if quote_spans surely finds nothing in text[start:end].

    Any double or opening curly quote may count; a single quote between two letters or
    digits ("nan's", "don't") can neither open nor close a quotation there.
    """
    for m in _QUOTE_CHARS.finditer(text, start, end):
        i = m.start()
        if text[i] in '"“”‘':
            return True
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if not (before.isalnum() and after.isalnum()):
            return True
    return False


def enclosing_quote(
    spans: list[tuple[int, int]], m_start: int, m_end: int
) -> tuple[int, int] | None:
    """The quote span containing [m_start, m_end), if any."""
    for qs, qe in spans:
        if qs < m_start and m_end <= qe:
            return qs, qe
    return None


