"""Sentences: where the sentence around a match starts and ends, and its neighbours.

Abbreviations ("Mr.", "e.g.") do not end a sentence; a blank line or a new list item does.
``SentenceContext`` works out the neighbouring sentences and the quotations near one
sentence only when first needed.
"""

from __future__ import annotations

import re

from .quotes import may_have_quotes, quote_spans

# "v." is "very" in notes ("v. resistant") and "versus" in case names, never a sentence end.
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sgt|Insp|No|vs|v|etc|e\.g|i\.e|approx)|\b[A-Z])$")
_BOUNDARY = re.compile(r"[.!?]+['\"’”)\]]*(?=\s)|\n\s*\n|\n(?=\s*[-*•\dA-Z])")
_LOOK = 240
_NEAR = 80


def _is_abbreviation(text: str, m: re.Match[str]) -> bool:
    return m.group().startswith(".") and bool(
        _ABBREV.search(text, max(0, m.start() - 6), m.start())
    )


def sentence_span(
    text: str, pos: int, memo: list[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """Return (start, end) of the sentence containing ``pos``.

    ``memo`` (a list the caller keeps for one text) remembers the last span: matches
    arrive in text order, so it is usually the right one.
    """
    if memo:
        s0, s1 = memo[0]
        if s0 <= pos < s1:
            return s0, s1
    span = _sentence_span(text, pos)
    if memo is not None:
        memo[:] = [span]
    return span


def _last_boundary_end(text: str, lo: int, pos: int) -> int:
    """End of the last non-abbreviation boundary in text[lo:pos], or -1."""
    for m in reversed(list(_BOUNDARY.finditer(text, lo, pos))):
        if not _is_abbreviation(text, m):
            return m.end()
    return -1


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    lo = max(0, pos - _LOOK)
    # Boundary matches never contain a letter or digit, so a scan that starts just after
    # one finds exactly the matches a scan from ``lo`` finds from there on: look at the
    # last stretch first and go back to the full window only when it has no boundary.
    near = max(lo, pos - _NEAR)
    while near > lo and not text[near - 1].isalnum():
        near -= 1
    found = _last_boundary_end(text, near, pos) if near > lo else -1
    if found < 0:
        found = _last_boundary_end(text, lo, pos)
    start = lo if found < 0 else found
    while start < pos and text[start].isspace():
        start += 1
    end = min(len(text), pos + _LOOK)
    for m in _BOUNDARY.finditer(text, pos, end):
        if _is_abbreviation(text, m):
            continue
        end = m.end() if not m.group().isspace() else m.start()
        break
    return start, end


def previous_sentence_start(text: str, sent_start: int) -> int:
    """Start of the sentence before the one beginning at ``sent_start`` (or the same)."""
    if sent_start <= 0:
        return 0
    back = sent_start - 1
    while back > 0 and text[back].isspace():
        back -= 1
    if back <= 0:
        return 0
    return sentence_span(text, max(0, back - 1))[0]


def next_sentence_end(text: str, sent_end: int) -> int:
    """End of the sentence after the one ending at ``sent_end`` (or the same)."""
    pos = sent_end
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        return sent_end
    return sentence_span(text, pos)[1]



class SentenceContext:
    """The surroundings of one sentence, each worked out only when first needed.

    ``ctx_start`` is the start of the previous sentence, ``window_end`` the end of the
    next one, and ``quotes`` the quotations in between (as quote_spans finds them).
    Most sentences have no quote characters near them at all; then ``quotes`` is known
    to be empty without finding the neighbouring sentences.
    """

    __slots__ = ("_ctx", "_quotes", "_win", "end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        """Context of the sentence text[start:end]."""
        self.text = text
        self.start = start
        self.end = end
        self._ctx: int | None = None
        self._win: int | None = None
        self._quotes: list[tuple[int, int]] | None = None

    def ctx_start(self) -> int:
        """Start of the previous sentence (or of this one if there is none)."""
        if self._ctx is None:
            self._ctx = previous_sentence_start(self.text, self.start)
        return self._ctx

    def window_end(self) -> int:
        """End of the next sentence (or of this one if there is none)."""
        if self._win is None:
            self._win = next_sentence_end(self.text, self.end)
        return self._win

    @property
    def quotes(self) -> list[tuple[int, int]]:
        """Quoted stretches from the previous sentence to the next one."""
        if self._quotes is None:
            text = self.text
            # Bounds that surely contain [ctx_start, window_end + 1): each neighbouring
            # sentence is found within _LOOK characters of the first non-space beside this one.
            lo = 0
            back = self.start - 1
            while back > 0 and text[back].isspace():
                back -= 1
            if back > 0:
                lo = max(0, back - 1 - _LOOK)
            pos = self.end
            while pos < len(text) and text[pos].isspace():
                pos += 1
            hi = min(len(text), max(pos, self.end) + _LOOK + 1)
            if not may_have_quotes(text, lo, hi):
                self._quotes = []
            else:
                end = min(len(text), self.window_end() + 1)
                self._quotes = quote_spans(text, self.ctx_start(), end)
        return self._quotes
