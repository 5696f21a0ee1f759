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
    SentenceContext,
    coordinated_roles,
    is_language_advice,
    is_negated,
    label_voice,
    labelled_object,
    sentence_span,
    subject_roles,
    voice_of,
)
from .findings import Finding
from .learned.combine import combine
from .lexicon import Lexicon, Rule, default_lexicon, fold_lowered, lower_aligned

# Characters after an anchor that a whole pattern match can extend to.
_MARGIN = 110


# Letters that re.IGNORECASE matches to an ASCII letter although str.lower() does not map
# them to it (long s, dotted and dotless i): with any of them in a text, the cheap
# neighbour-word rejection below is switched off for that text.
_ODD_CASE = ("\u0130", "\u0131", "\u017f")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _plain_case(text: str) -> bool:
    """True when IGNORECASE matching on ``text`` equals plain matching on lower_aligned(text)."""
    return text.isascii() or not any(c in text for c in _ODD_CASE)


def _candidates(text: str, lexicon: Lexicon, low: str | None = None) -> list[tuple[int, int, int]]:
    """(start, end, rule index) of every pattern match around an anchor hit.

    ``low`` is lower_aligned(text), if the caller has it already.
    """
    n = len(text)
    found: set[tuple[int, int, int]] = set()
    # The folded text is padded by one space in front; a key is " word " (or " word" for a
    # prefix), so the word starts at key_end - (len(key) - 1) + 1 in the padded text,
    # i.e. at key_end - back in the original.
    padded = " " + fold_lowered(lower_aligned(text) if low is None else low) + " "
    last = len(padded) - 1
    filtering = _plain_case(text)
    alnum = _ASCII_ALNUM
    for key_end, (back, targets, key_nxt, key_prv) in lexicon.automaton.iter(padded):
        begin = key_end - back
        hi = -1
        # Where the next word starts / the previous word ends in ``padded``: -2 not yet
        # looked up, -1 no plain ASCII word there (so no rejection).
        nxt_at = prv_end = -2
        if filtering:
            if key_nxt is not None:
                j = key_end
                while j < last and padded[j] == " ":
                    j += 1
                nxt_at = j if padded[j] in alnum else -1
                if nxt_at >= 0 and not padded.startswith(key_nxt, nxt_at):
                    continue
            if key_prv is not None:
                k = begin
                while k > 0 and padded[k] == " ":
                    k -= 1
                prv_end = k + 1 if padded[k] in alnum else -1
                if prv_end >= 0 and not padded.endswith(key_prv, 0, prv_end):
                    continue
        for regex, anchor_first, before, ri, nxt, prv in targets:
            if filtering:
                # Cheap rejection: the words next to the anchor cannot start/end the way
                # the pattern needs, so its regex cannot match here.
                if nxt is not None:
                    if nxt_at == -2:
                        j = key_end
                        while j < last and padded[j] == " ":
                            j += 1
                        nxt_at = j if padded[j] in alnum else -1
                    if nxt_at >= 0 and not padded.startswith(nxt, nxt_at):
                        continue
                if prv is not None:
                    if prv_end == -2:
                        k = begin
                        while k > 0 and padded[k] == " ":
                            k -= 1
                        prv_end = k + 1 if padded[k] in alnum else -1
                    if prv_end >= 0 and not padded.endswith(prv, 0, prv_end):
                        continue
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
            # Matches come in order and never overlap, so at most one covers the anchor:
            # stop at it, or at the first match that starts after the anchor.
            for m in regex.finditer(text, max(0, begin - before - 2), hi):
                if m.start() > begin:
                    break
                if begin < m.end():
                    found.add((m.start(), m.end(), ri))
                    break
    return sorted(found, key=lambda c: (c[0], -(c[1] - c[0])))


def blame_context_ok(
    text: str,
    rule: Rule,
    start: int,
    end: int,
    cache: dict[int, SentenceContext] | None = None,
    span_memo: list[tuple[int, int]] | None = None,
    subjects: dict[int, tuple[bool, frozenset[str]]] | None = None,
    low: str | None = None,
    named: dict[int, bool] | None = None,
) -> bool:
    """True when the match at [start, end) is the writer's own blaming use of the words.

    Cheap checks run first; quotes, attribution and subject only for what survives.
    ``cache`` keeps per-sentence context between matches in the same sentence; ``low``,
    if given, is ``text`` lower-cased with the same offsets (used for faster matching).
    """
    if rule.exclude_prev is not None and rule.exclude_prev.search(text, max(0, start - 80), start):
        return False
    s_start, s_end = sentence_span(text, start, span_memo)
    if rule.unless_sentence is not None and rule.unless_sentence.search(text, s_start, s_end):
        return False
    if is_negated(text, s_start, start, end, s_end, low):
        return False
    if is_language_advice(text, s_start, start, end, s_end, low):
        return False
    around = cache.get(s_start) if cache is not None else None
    if around is None:
        # The neighbouring sentences and the quotes are worked out only when needed.
        around = SentenceContext(text, s_start, s_end)
        if cache is not None:
            cache[s_start] = around
    quotes = around.quotes
    # "Staff describe her as manipulative": the label is about the object, and whose words
    # they are depends on the verb before it.
    about = labelled_object(text, start, end) if end - start > 6 else None
    at = start if about is None else about[0]
    # Two rules often match the same words (a child and a parent reading of "hard to
    # reach"); voice and subject depend only on the span, so they are worked out once.
    known = subjects.get(at) if subjects is not None else None
    if known is None:
        voice = voice_of(
            text, at, end, s_start, s_end, around.ctx_start, quotes, around.window_end, low
        )
        if about is not None and voice.status == "own" and voice.speaker is None:
            voice = label_voice(
                text, start, end, s_start, around.ctx_start, quotes, around.window_end
            )
        own = voice.status not in ("voice", "reported_challenged")
        roles: frozenset[str] = frozenset()
        if own:
            found = subject_roles(
                text, at, s_start, around.ctx_start, quotes, names=True, named=named
            )
            roles = frozenset("service" if r == "self" else r for r in found)
        known = (own, roles)
        if subjects is not None:
            subjects[at] = known
    own, roles = known
    if about is not None:
        roles = frozenset(about[1])
    if not own:
        return False
    span = text[start:end].lower()
    if "nor" in span or "neither" in span:
        # "Neither Mia nor her mother will engage": about the people named in the match.
        coordinated = coordinated_roles(text, start, end)
        if coordinated is not None:
            roles = frozenset(coordinated)
    if not rule.subject or roles & set(rule.subject):
        return True
    # A bare first name doing something only a parent can ("Joanne failed to protect her").
    return (
        rule.name_as_parent is not None
        and "name" in roles
        and rule.name_as_parent.match(text, start) is not None
    )


def scan_rules(
    text: str, lexicon: Lexicon | None = None, rejected: list[tuple[int, str]] | None = None
) -> list[Finding]:
    """The rule stage alone: lexicon wording used, in context, as blame.

    ``lexicon`` None uses the packaged default (compiled once). Each finding has a
    character span (text[start:end] == matched), an explanation, a suggestion, the
    guidance it rests on and its rule's category. ``rejected``, if given, receives
    (start, kind) of every match the context analysis set aside (negated, quoted,
    challenged, about someone else): the learned stage is more careful there.
    """
    if not text:
        return []
    lex = lexicon if lexicon is not None else default_lexicon()
    findings: list[Finding] = []
    # Candidates come sorted by start, so an overlap can only be with the last kept span.
    last_end: dict[str, int] = {}
    cache: dict[int, SentenceContext] = {}
    span_memo: list[tuple[int, int]] = []
    subjects: dict[int, tuple[bool, frozenset[str]]] = {}
    named: dict[int, bool] = {}
    low = lower_aligned(text)
    # Context regexes run without IGNORECASE on the lower-cased text, unless the text has
    # one of the letters where that would differ.
    ctx_low = low if _plain_case(text) else None
    for start, end, ri in _candidates(text, lex, low):
        rule = lex.rules[ri]
        if start < last_end.get(rule.kind, -1):
            continue
        if not blame_context_ok(text, rule, start, end, cache, span_memo, subjects, ctx_low, named):
            if rejected is not None:
                rejected.append((start, rule.kind))
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
                category=rule.category,
            )
        )
    findings.sort(key=lambda f: (f.start or 0, f.kind))
    return findings


def scan_text(text: str, lexicon: Lexicon | None = None) -> list[Finding]:
    """Find child- and parent-blaming wording in ``text``: the rules, then the learned stage.

    The learned stage reads every sentence; it adds findings for blaming sentences the
    rules miss and gives every finding a confidence (see checks/learned/combine.py).
    """
    if not text:
        return []
    rejected: list[tuple[int, str]] = []
    found = scan_rules(text, lexicon, rejected)
    return combine(text, found, rejected)
