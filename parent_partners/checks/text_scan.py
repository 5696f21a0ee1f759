"""Scanning free text for blaming language.

Stage 1: one Aho-Corasick pass over the lower-cased text finds the rules' anchor
words, so plain sentences cost one automaton step per character.
Stage 2: around each anchor hit, the rule's compiled regex runs on a small window.
Stage 3: only for actual matches, context analysis decides whether the writer, in
their own voice, is blaming the child or a parent (negation, advice about
language, quotation and attribution, who the words are about).
"""

from __future__ import annotations

from .context import (
    is_language_advice,
    is_negated,
    next_sentence_end,
    previous_sentence_start,
    quote_spans,
    sentence_span,
    subject_roles,
    voice_of,
)
from .findings import Finding
from .lexicon import Lexicon, Rule, default_lexicon, fold_for_anchors

# Characters after an anchor that a whole pattern match can extend to.
_MARGIN = 110


def _candidates(text: str, lexicon: Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, rule index) of every pattern match around an anchor hit."""
    n = len(text)
    found: set[tuple[int, int, int]] = set()
    # The folded text is padded by one space in front; a key is " word " (or " word" for a
    # prefix), so the word starts at key_end - (len(key) - 1) + 1 in the padded text,
    # i.e. at key_end - back in the original.
    for key_end, (back, targets) in lexicon.automaton.iter(" " + fold_for_anchors(text) + " "):
        begin = key_end - back
        hi = -1
        for regex, anchor_first, before, ri in targets:
            if anchor_first:
                # The match can only start at the anchor: one attempt, no scanning.
                m = regex.match(text, begin)
                if m is not None and m.end() > m.start():
                    found.add((m.start(), m.end(), ri))
                continue
            if hi < 0:
                # End the window at a space so the regex's end boundary never sees half a word.
                hi = text.find(" ", begin + _MARGIN)
                hi = n if hi < 0 else hi
            for m in regex.finditer(text, max(0, begin - before - 2), hi):
                if m.start() <= begin < m.end():
                    found.add((m.start(), m.end(), ri))
    return sorted(found, key=lambda c: (c[0], -(c[1] - c[0])))


_SentenceInfo = tuple[int, list[tuple[int, int]], int]


def blame_context_ok(
    text: str,
    rule: Rule,
    start: int,
    end: int,
    cache: dict[int, _SentenceInfo] | None = None,
    span_memo: list[tuple[int, int]] | None = None,
    subjects: dict[int, tuple[bool, frozenset[str]]] | None = None,
) -> bool:
    """True when the match at [start, end) is the writer's own blaming use of the words.

    Cheap checks run first; quotes, attribution and subject only for what survives.
    ``cache`` keeps per-sentence context between matches in the same sentence.
    """
    if rule.exclude_prev is not None and rule.exclude_prev.search(text, max(0, start - 80), start):
        return False
    s_start, s_end = sentence_span(text, start, span_memo)
    if rule.unless_sentence is not None and rule.unless_sentence.search(text, s_start, s_end):
        return False
    if is_negated(text, s_start, start, end, s_end):
        return False
    if is_language_advice(text, s_start, start, end, s_end):
        return False
    info = cache.get(s_start) if cache is not None else None
    if info is None:
        ctx_start = previous_sentence_start(text, s_start)
        window_end = next_sentence_end(text, s_end)
        quotes = quote_spans(text, ctx_start, min(len(text), window_end + 1))
        info = (ctx_start, quotes, window_end)
        if cache is not None:
            cache[s_start] = info
    ctx_start, quotes, window_end = info
    # Two rules often match the same words (a child and a parent reading of "hard to
    # reach"); voice and subject depend only on the span, so they are worked out once.
    known = subjects.get(start) if subjects is not None else None
    if known is None:
        voice = voice_of(text, start, end, s_start, s_end, ctx_start, quotes, window_end)
        own = voice.status not in ("voice", "reported_challenged")
        roles: frozenset[str] = frozenset()
        if own:
            found = subject_roles(text, start, s_start, ctx_start, quotes)
            roles = frozenset("service" if r == "self" else r for r in found)
        known = (own, roles)
        if subjects is not None:
            subjects[start] = known
    own, roles = known
    if not own:
        return False
    return not rule.subject or bool(roles & set(rule.subject))


def scan_text(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    """Find child- and parent-blaming wording in ``text``.

    ``lexicon`` None uses the packaged default (compiled once). Each finding has
    a character span (text[start:end] == matched), an explanation, a suggestion
    and the guidance it rests on.
    """
    if not text:
        return []
    lex = lexicon if lexicon is not None else default_lexicon()
    findings: list[Finding] = []
    # Candidates come sorted by start, so an overlap can only be with the last kept span.
    last_end: dict[str, int] = {}
    cache: dict[int, _SentenceInfo] = {}
    span_memo: list[tuple[int, int]] = []
    subjects: dict[int, tuple[bool, frozenset[str]]] = {}
    for start, end, ri in _candidates(text, lex):
        rule = lex.rules[ri]
        if start < last_end.get(rule.kind, -1):
            continue
        if not blame_context_ok(text, rule, start, end, cache, span_memo, subjects):
            continue
        last_end[rule.kind] = end
        findings.append(
            Finding(
                kind=rule.kind,
                rule=rule.id,
                explanation=rule.note,
                suggestion=rule.suggestion,
                source=rule.source,
                start=start,
                end=end,
                matched=text[start:end],
            )
        )
    findings.sort(key=lambda f: (f.start or 0, f.kind))
    return findings
