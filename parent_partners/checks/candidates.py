"""Candidates: every place a rule's pattern matches, found from its anchor words.

Stage 1 of the scan: one Aho-Corasick pass over the lower-cased, punctuation-folded text
finds the rules' anchor words, so a plain sentence costs one automaton step per
character. Stage 2: around each anchor hit, each pattern that owns the anchor runs its
compiled regex on a small window. Before that, a cheap look at the words next to the
anchor rejects patterns that cannot match there ("dealing" followed by "with").
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, fold_lowered, lower_aligned

# Characters after an anchor that a whole pattern match can extend to.
_MARGIN = 110

# Letters that re.IGNORECASE matches to an ASCII letter although str.lower() does not map
# them to it (long s, dotted and dotless i): with any of them in a text, the cheap
# neighbour-word rejection is switched off for that text.
_ODD_CASE = ("\u0130", "\u0131", "\u017f")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")

Candidate = tuple[int, int, int]  # (start, end, rule index)


def plain_case(text: str) -> bool:
    """True when IGNORECASE matching on ``text`` equals plain matching on lower_aligned(text)."""
    return text.isascii() or not any(c in text for c in _ODD_CASE)


def _neighbour_words(padded: str, begin: int, key_end: int) -> tuple[int, int]:
    """Where the word after an anchor starts and the word before it ends, in ``padded``.

    -1 for either when it is no plain ASCII word (then nothing is rejected by it).
    """
    last = len(padded) - 1
    j = key_end
    while j < last and padded[j] == " ":
        j += 1
    k = begin
    while k > 0 and padded[k] == " ":
        k -= 1
    next_at = j if padded[j] in _ASCII_ALNUM else -1
    return next_at, (k + 1 if padded[k] in _ASCII_ALNUM else -1)


def _neighbours_fit(
    padded: str,
    next_at: int,
    prev_end: int,
    next_prefixes: tuple[str, ...] | None,
    prev_suffixes: tuple[str, ...] | None,
) -> bool:
    """False when the next (previous) word cannot start (end) the way the pattern needs.

    -1 for a position means there is no plain word to judge by, so nothing is rejected.
    """
    if next_prefixes is not None and next_at >= 0 and not padded.startswith(next_prefixes, next_at):
        return False
    return not (
        prev_suffixes is not None
        and prev_end >= 0
        and not padded.endswith(prev_suffixes, 0, prev_end)
    )


def _match_at(regex: re.Pattern[str], text: str, begin: int) -> Candidate | None:
    """A non-empty match starting at the anchor (for patterns that always start there)."""
    m = regex.match(text, begin)
    if m is None or m.end() == m.start():
        return None
    return m.start(), m.end(), 0


def _match_covering(
    regex: re.Pattern[str], text: str, begin: int, before: int, hi: int
) -> Candidate | None:
    """The match that covers the anchor at ``begin``, searching from ``before`` chars ahead.

    Matches come in order and never overlap, so at most one covers the anchor: stop at it,
    or at the first match that starts after the anchor.
    """
    for m in regex.finditer(text, max(0, begin - before - 2), hi):
        if m.start() > begin:
            return None
        if begin < m.end():
            return m.start(), m.end(), 0
    return None


def _window_end(text: str, begin: int) -> int:
    """End the regex window at a space so its end boundary never sees half a word."""
    hi = text.find(" ", begin + _MARGIN)
    return len(text) if hi < 0 else hi


def find_candidates(text: str, lexicon: Lexicon, low: str | None = None) -> list[Candidate]:
    """(start, end, rule index) of every pattern match around an anchor hit.

    Sorted by start, longest first. ``low`` is lower_aligned(text), if the caller has it.
    """
    found: set[Candidate] = set()
    # The folded text is padded by one space in front; a key is " word " (or " word" for a
    # prefix), so the word starts at key_end - (len(key) - 1) + 1 in the padded text,
    # i.e. at key_end - back in the original.
    padded = " " + fold_lowered(lower_aligned(text) if low is None else low) + " "
    filtering = plain_case(text)
    for key_end, (back, targets, key_next, key_prev) in lexicon.automaton.iter(padded):
        begin = key_end - back
        next_at, prev_end = _neighbour_words(padded, begin, key_end) if filtering else (-1, -1)
        if not _neighbours_fit(padded, next_at, prev_end, key_next, key_prev):
            continue
        hi = -1
        for regex, anchor_first, before, ri, nxt, prv in targets:
            filtered = nxt is not None or prv is not None
            if filtered and not _neighbours_fit(padded, next_at, prev_end, nxt, prv):
                continue
            if anchor_first:
                match = _match_at(regex, text, begin)
            else:
                hi = _window_end(text, begin) if hi < 0 else hi
                match = _match_covering(regex, text, begin, before, hi)
            if match is not None:
                found.add((match[0], match[1], ri))
    return sorted(found, key=lambda c: (c[0], -(c[1] - c[0])))
