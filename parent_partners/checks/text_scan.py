"""Scanning free text for blaming language.

Stages 1 and 2 (candidates.py): an Aho-Corasick pass finds the rules' anchor words, and
around each hit the rule's compiled regex runs on a small window.
Stage 3: only for actual matches, context analysis (context/) decides whether the writer, in
their own voice, is blaming the child or a parent (negation, advice about
language, quotation and attribution, who the words are about).
"""

from __future__ import annotations

from .candidates import find_candidates, plain_case
from .context import (
    SentenceContext,
    coordinated_roles,
    is_language_advice,
    is_negated,
    label_voice,
    labelled_group,
    labelled_object,
    sentence_span,
    subject_roles,
    voice_of,
)
from .findings import Finding
from .learned.combine import combine
from .lexicon import Lexicon, Rule, default_lexicon, lower_aligned


class ScanContext:
    """One text being scanned, and what is worked out once and shared between its matches.

    Matches arrive in text order and often share a sentence (two rules on the same
    words, or several slips in one sentence), so the sentence span, its surroundings,
    who the words are about and which first names are parents are each found once.
    """

    __slots__ = ("ctx_low", "low", "named", "sentences", "span_memo", "subjects", "text")

    def __init__(self, text: str) -> None:
        """Prepare to scan ``text``."""
        self.text = text
        self.low = lower_aligned(text)
        # Context regexes run without IGNORECASE on the lower-cased text, unless the text
        # has one of the letters where that would differ.
        self.ctx_low = self.low if plain_case(text) else None
        self.span_memo: list[tuple[int, int]] = []
        self.sentences: dict[int, SentenceContext] = {}
        # By the position the words start at: (the writer's own words?, who they are about,
        # a report the writer challenges?).
        self.subjects: dict[int, tuple[bool, frozenset[str], bool]] = {}
        # By mention start: is this first name a parent's?
        self.named: dict[int, bool] = {}

    def sentence(self, start: int, end: int) -> SentenceContext:
        """The surroundings of the sentence text[start:end], found once per sentence."""
        around = self.sentences.get(start)
        if around is None:
            around = SentenceContext(self.text, start, end)
            self.sentences[start] = around
        return around


def _set_aside(
    scan: ScanContext, rule: Rule, span: tuple[int, int], sentence: tuple[int, int]
) -> bool:
    """True for cheap reasons not to flag: the rule's own exclusions, negation, advice."""
    text, (start, end), (s_start, s_end) = scan.text, span, sentence
    if rule.unless_sentence is not None and rule.unless_sentence.search(text, s_start, s_end):
        return True
    if is_negated(text, s_start, start, end, s_end, scan.ctx_low):
        return True
    return is_language_advice(text, s_start, start, end, s_end, scan.ctx_low)


def _own_and_about(
    scan: ScanContext, span: tuple[int, int], at: int, sentence: tuple[int, int], labelled: bool
) -> tuple[bool, frozenset[str], bool]:
    """(the writer's own words?, who they are about, a report the writer challenges?) for
    words starting at ``at``.

    Two rules often match the same words (a child and a parent reading of "hard to
    reach"); voice and subject depend only on where the words start, so they are
    worked out once.
    """
    known = scan.subjects.get(at)
    if known is not None:
        return known
    text, (start, end), (s_start, s_end) = scan.text, span, sentence
    around = scan.sentence(s_start, s_end)
    quotes = around.quotes
    voice = voice_of(
        text, at, end, s_start, s_end, around.ctx_start, quotes, around.window_end, scan.ctx_low
    )
    if labelled and voice.status == "own" and voice.speaker is None:
        voice = label_voice(text, start, end, s_start, around.ctx_start, quotes, around.window_end)
    own = voice.status not in ("voice", "reported_challenged")
    challenged = voice.status == "reported_challenged"
    roles: frozenset[str] = frozenset()
    if own:
        found = subject_roles(
            text, at, s_start, around.ctx_start, quotes, names=True, named=scan.named
        )
        roles = frozenset("service" if r == "self" else r for r in found)
    scan.subjects[at] = (own, roles, challenged)
    return own, roles, challenged


def _fits_subject(rule: Rule, roles: frozenset[str], text: str, start: int) -> bool:
    """True when the words are about someone the rule is about."""
    if not rule.subject or roles & set(rule.subject):
        return True
    # A bare first name doing something only a parent can ("Joanne failed to protect her").
    return (
        rule.name_as_parent is not None
        and "name" in roles
        and rule.name_as_parent.match(text, start) is not None
    )


# A rule's reading that the learned stage must share: the words are the other kind's
# person ("Mother is attention seeking" is no child blame, whatever the model reads).
_OTHER_PARTY = {"child_blame": "parent", "parent_blame": "child"}
# What blame_context says of a match: the writer's own blame; set aside for the learned
# stage too; set aside by this rule only (an unquoted report, or words about a service, an
# unknown subject or other adults, where the rule's reading of who is less sure than the
# model's reading of what: in the cross-validation, 441 blaming sentences the model read
# right were lost to these against 31 false alarms they stopped).
OWN, ASIDE, ASIDE_FOR_RULE = "own", "aside", "aside for the rule"


def blame_context(scan: ScanContext, rule: Rule, start: int, end: int) -> str:
    """Whether the match at [start, end) is the writer's own blaming use of the words
    (OWN), and if not, whether the learned stage must set the clause aside too (ASIDE).

    Cheap checks run first; quotes, attribution and subject only for what survives.
    """
    text = scan.text
    if rule.exclude_prev is not None and rule.exclude_prev.search(text, max(0, start - 80), start):
        return ASIDE
    sentence = sentence_span(text, start, scan.span_memo)
    if _set_aside(scan, rule, (start, end), sentence):
        return ASIDE
    # "Staff describe her as manipulative": the label is about the object, and whose words
    # they are depends on the verb before it.
    about = labelled_object(text, start, end) if end - start > 6 else None
    at = start if about is None else about[0]
    own, roles, challenged = _own_and_about(scan, (start, end), at, sentence, about is not None)
    if not own:
        # Words in quotation marks and challenged reports bind the learned stage too; an
        # unquoted report ("Pt admits sexting adult males") does not: who the words are from
        # is less certain there than what they say. Whether these words are quoted depends
        # on where they start, not on ``at``, so it is not cached with the voice.
        quoted = any(a <= start < b for a, b in scan.sentence(*sentence).quotes)
        return ASIDE if challenged or quoted else ASIDE_FOR_RULE
    if about is not None:
        roles = frozenset(about[1])
    else:
        group = labelled_group(text, start, end)
        if group is not None:
            roles = frozenset(group)
    span = text[start:end].lower()
    if "nor" in span or "neither" in span:
        # "Neither Mia nor her mother will engage": about the people named in the match.
        coordinated = coordinated_roles(text, start, end)
        if coordinated is not None:
            roles = frozenset(coordinated)
    if _fits_subject(rule, roles, text, start):
        return OWN
    return ASIDE if _OTHER_PARTY.get(rule.kind) in roles else ASIDE_FOR_RULE


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
    scan = ScanContext(text)
    for start, end, ri in find_candidates(text, lex, scan.low):
        rule = lex.rules[ri]
        if start < last_end.get(rule.kind, -1):
            continue
        verdict = blame_context(scan, rule, start, end)
        if verdict != OWN:
            if rejected is not None and verdict == ASIDE:
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
