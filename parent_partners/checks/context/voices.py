"""Voices: whose words a match is (the writer's, a quoted voice, or a report).

A child's or parent's words in quotation marks are their voice, not the writer's blame.
Words reported from a professional or a document are the writer's responsibility unless
the writer challenges them ("the officer called him a runner; I challenged this").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .quotes import enclosing_quote
from .sentences import next_sentence_end
from .subjects import subject_roles
from .text import LazyPos, for_lowered, resolve

# Another's claim named as a noun: "the guardian's suggestion that mum colluded".
_NOMINAL_CLAIM = (
    "suggestion",
    "allegation",
    "submission",
    "contention",
    "possibility",
    "assertion",
)

_REPORT_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|tell|called|calls|call|described|describes|describe|"
    r"referred to|refers to|refer to|stated|states|recorded|records|wrote|writes|asked|"
    r"explained|admitted|admits|insisted|insists|shouted|replied|added|feels|felt|worries|"
    r"worried|believes|believed|thinks|thought|claims|claimed|reported|reports|suggested|"
    r"suggests|labelled|labels|labeled|considers|considered|alleged|alleges|argued|argues|"
    r"regards|regarded|noted|notes|mentioned|mentions|disclosed|texted|messaged|maintains|"
    r"maintained|view (?:is )?that|views? (?:him|her|them) as|sees (?:him|her|them) as|"
    r"put it|puts it|accepts|accepted|according to|describing|calling|branded|brands|"
    r"dismissed|dismisses|insisting|"
    r"(?:" + "|".join(_NOMINAL_CLAIM) + r") (?:that|of))\b",
    re.IGNORECASE,
)
_REPORT_VERB_LOW = for_lowered(_REPORT_VERB)
_REPORT_SCOPE_END = re.compile(
    r";|—|–|\bbut\b|\bhowever\b|,\s*(?:so|which|and I|and we)\b|\bso\b", re.IGNORECASE
)
_AFTER_QUOTE_SPEAKER = re.compile(
    r"^[\s,.!?]*(?P<who>[\w'’ ]{1,30}?)\s+(?:said|says|added|replied|explained|told|insisted|"
    r"admitted|shouted)\b",
    re.IGNORECASE,
)
_CHALLENGE = re.compile(
    r"\b(?:challeng\w*|disagree\w*|disput\w*|question(?:ed|ing)? (?:this|that|it|the)|"
    r"pointed out|point out|(?:I|we) (?:have )?explained|reminded|"
    r"(?:asked|requested|asking) (?:for )?(?:this|it|that|the \w+|them|him|her)\s+(?:\w+\s+){0,3}?"
    r"(?:to )?(?:be )?(?:amend|chang|correct|remov|reword|withdr)\w*|amend\w*|correct(?:ed|ion)|"
    r"raised (?:this|it|my concern|concerns?)|added a note|must not be (?:repeated|used)|"
    r"should not be (?:used|repeated)|not (?:accurate|appropriate|right|fair|correct|true)|"
    r"inaccurate|incorrect|wrong|untrue|unfair|victim[- ]blaming|hides? the (?:abuse|harm|"
    r"exploitation)|in my experience|having met (?:him|her|them)|I would (?:say|describe)|"
    r"(?:I|we) do(?:n't| not) (?:agree|accept|think)|(?:did|do) not agree|didn't agree|"
    r"the law is clear|cannot consent|can't consent|reframed|does not reflect|doesn't reflect|"
    r"not borne out|no evidence|is frightened|are frightened|was frightened|"
    r"(?:I|we) (?:have )?(?:seen|found|observed) (?:no|nothing|the opposite)|"
    # A reviewer's, judge's or chair's answer to another's label (issue 10: challenged
    # labels across clauses and sentences).
    r"reject\w*|declin\w* to (?:make|find|adopt|accept|endorse)|not made out|withdr[ae]w\w*|"
    r"no basis|nothing to (?:support|suggest)|nothing (?:[\w'’]+ ){0,4}?supports?|"
    r"disregard\w*|criminalis\w*|criminaliz\w*|"
    r"language of the (?:people|men|adults|exploiters)|(?:find|found|finds|could find) nothing|"
    r"(?:I|we) (?:consider|regard|see) (?:her|him|them) (?:as )?(?:a|an) |since been confirmed|"
    r"(?:not|cannot|never|n't) (?:adopt|endorse)\w*|"
    r"not (?:supported|sustained|borne out)|misread\w*|obscur\w*|"
    r"(?:hides?|hid|hiding) (?:what|that|the)|should never have been (?:used|written)|"
    r"(?:is|was|are|were|will be) not (?:be )?used|no longer (?:used|uses)|"
    r"(?:has|have|had|we|I|was|were) (?:\w+ ){0,2}removed|replac\w* (?:this|that|it|with|the)|"
    r"instead (?:record|describe|say|write)|(?:record|describe|say|write) instead|in fact|"
    r"neither (?:fits|reflects|is)|"
    r"(?:regards?|regarded|considers?|considered|treats?) (?:this|that|it|the \w+) as (?:a |an )?"
    r"(?:\w+ )?(?:label|failure|description)|helped me see|not the issue|gossip|"
    r"not driven to conclude|mistaken|(?:did|does|do) not accept|not accepted|reconsider|"
    r"adultif\w*|(?:I|we) missed|(?:I|it) was wrong|"
    r"concluded (?:that )?(?:she|he|they|it) (?:was|were|had|did) not)",
    re.IGNORECASE,
)
_ENDORSE = re.compile(
    r"\b(?:rightly|correctly|accurately|which is (?:accurate|right|true|fair|correct|fair)|"
    r"(?:I|we) (?:would |fully |completely |entirely )?(?:agree|concur)(?! with (?:the )?"
    r"(?:child|parent))|(?:I|we) share|is (?:accurate|right|correct|fair)|"
    r"fair (?:description|to say)|as (?:the )?\w+ (?:rightly )?(?:says|said|notes|noted|put it|"
    r"puts it))\b",
    re.IGNORECASE,
)
# A reviewer's or court's agreement with another's finding (issue 10: endorsed labels). Weaker
# than _ENDORSE: "does not adopt", "cannot endorse", "not borne out by" answer the finding, so
# it counts only where the writer does not also challenge it.
_ENDORSE_FINDING = re.compile(
    r"\b(?:(?:review|panel|court|conference|meeting|chair|inspectors?|reviewer|I|we)\s+(?:fully\s+|also\s+)?"
    r"(?:agrees?|agreed)\s+that|(?:endorses?|adopts?)\s+(?:the|this|that|its|their)\b|"
    r"accepts?\s+(?:the|this|that)\s+(?:[\w'’]+\s+){0,3}?(?:finding|view|description|assessment|"
    r"characteri[sz]ation|conclusion)|the correct one|"
    r"no reason to (?:depart|differ|doubt|disagree)|"
    r"in (?:the|this|my|our) (?:[\w'’]+\s+)?(?:view|opinion|judgment|assessment),?\s+"
    r"(?:accurate|correct|right|fair|justified|well[- ]founded)|borne out by|well[- ]founded)\b",
    re.IGNORECASE,
)


_PASSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_RAISED = re.compile(r"\s+to\s+(?:be|have)\b", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+by\s+(?P<who>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=\s+as\b|\s*[,.;])")
_PRO_CARER = re.compile(
    r"\b(?:staff|key ?workers?|residential workers?|residential carers?)\s+"
    r"(?:(?:have|has|had|also|both|all|often|now|been|repeatedly|consistently)\s+)*$",
    re.IGNORECASE,
)


class Voice(NamedTuple):
    """Whose words a match is: the writer's own, a voice (child/parent/others), or a report."""

    status: str  # own | voice | reported_challenged | reported
    speaker: str | None = None


def _speaker_role(
    text: str,
    verb_start: int,
    sent_start: int,
    context_start: LazyPos,
    quotes: list[tuple[int, int]],
) -> str:
    roles = subject_roles(text, verb_start, sent_start, context_start, quotes)
    if "parent" in roles and _PRO_CARER.search(text, max(sent_start, verb_start - 60), verb_start):
        # Residential staff and key workers report as professionals, not as a parent's voice.
        roles = {"service"}
    for role in ("self", "service", "child", "parent", "other"):
        if role in roles:
            return role
    return "unknown"


def _reporter(
    text: str,
    verb: re.Match[str],
    sent_start: int,
    context_start: LazyPos,
    quotes: list[tuple[int, int]],
) -> str:
    """Who reports the words: the subject of the report verb.

    A claim named as a noun ("I reject the suggestion that ...") has no speaker in the
    sentence: whoever names it may be answering it, so it counts as a professional's.
    """
    if verb.group().lower().startswith(_NOMINAL_CLAIM):
        return "unknown"
    agent = _BY_AGENT.match(text, verb.end())
    raised = agent is None and _RAISED.match(text, verb.end()) is not None
    if (agent is not None or raised) and _PASSIVE_BEFORE.search(
        text, max(sent_start, verb.start() - 40), verb.start()
    ):
        if agent is not None:
            # "Mum is described by all agencies as ...": the agent after "by" reports, not
            # the subject.
            return _speaker_role(
                text, agent.end(), agent.start("who"), agent.start("who"), quotes
            )
        # "Mum is felt to be colluding": a professional judgement about the subject, never
        # the subject's own words.
        return "unknown"
    return _speaker_role(text, verb.start(), sent_start, context_start, quotes)


def _classify_report(
    speaker: str, text: str, sent_start: int, report_end: int, lazy_window_end: LazyPos
) -> Voice:
    if speaker in ("child", "parent", "other"):
        return Voice("voice", speaker)
    if speaker == "self":
        return Voice("own", speaker)
    window_end = resolve(lazy_window_end)
    if _ENDORSE.search(text, sent_start, window_end):
        return Voice("own", speaker)
    if _CHALLENGE.search(text, report_end, window_end) or _CHALLENGE.search(
        text, sent_start, report_end
    ):
        return Voice("reported_challenged", speaker)
    return Voice("reported", speaker)


def voice_of(
    text: str,
    m_start: int,
    m_end: int,
    sent_start: int,
    sent_end: int,
    context_start: LazyPos,
    quotes: list[tuple[int, int]],
    window_end: LazyPos | None = None,
    low: str | None = None,
) -> Voice:
    """Decide whose words the match is.

    Quoted and attributed to the child or a parent (or any other non-professional):
    a voice, not flagged. Reported from a professional or document: not flagged if the
    writer challenges it, flagged if the writer endorses it or lets it stand.
    ``context_start`` and ``window_end`` may be functions, called only when needed;
    ``low``, if given, is ``text`` lower-cased with the same offsets (faster matching).
    """
    verb_rx, verb_text = (_REPORT_VERB_LOW, low) if low is not None else (_REPORT_VERB, text)
    if window_end is None:
        window_end = next_sentence_end(text, sent_end)
    quote = enclosing_quote(quotes, m_start, m_end)
    if quote is not None:
        qs, qe = quote
        verbs = list(verb_rx.finditer(verb_text, sent_start, qs))
        if verbs:
            verb = verbs[-1]
            if verb.group().lower() == "according to":
                roles = subject_roles(text, qs, verb.end(), verb.end(), quotes)
                speaker = next(iter(roles))
            else:
                speaker = _reporter(text, verb, sent_start, context_start, quotes)
            return _classify_report(speaker, text, sent_start, qe, window_end)
        after = _AFTER_QUOTE_SPEAKER.match(text, qe, min(len(text), qe + 60))
        if after:
            who = after.start("who")
            speaker = _speaker_role(text, after.end("who"), who, who, quotes)
            return _classify_report(speaker, text, sent_start, qe, window_end)
        # Unattributed quotation marks: most often the child's or parent's own term.
        end = resolve(window_end)
        if _ENDORSE.search(text, sent_start, end) or (
            _ENDORSE_FINDING.search(text, sent_start, end)
            and not _CHALLENGE.search(text, sent_start, end)
        ):
            return Voice("own", None)
        return Voice("voice", None)
    # Unquoted reported speech: "The officer described him as a runner."
    verbs = list(verb_rx.finditer(verb_text, sent_start, m_start))
    if not verbs:
        return Voice("own", None)
    verb = verbs[-1]
    between_quotes = [q for q in quotes if verb.end() <= q[1] <= m_start]
    if between_quotes or _REPORT_SCOPE_END.search(text, verb.end(), m_start):
        return Voice("own", None)
    if verb.group().lower() == "according to":
        roles = subject_roles(text, m_start, verb.end(), verb.end(), quotes)
        speaker = next(iter(roles))
    else:
        speaker = _reporter(text, verb, sent_start, context_start, quotes)
    return _classify_report(speaker, text, sent_start, m_end, window_end)


def label_voice(
    text: str,
    verb_start: int,
    m_end: int,
    sent_start: int,
    context_start: LazyPos,
    quotes: list[tuple[int, int]],
    window_end: LazyPos,
) -> Voice:
    """Whose label "<someone> describes X as <label>" is: the verb works as a report verb."""
    speaker = _speaker_role(text, verb_start, sent_start, context_start, quotes)
    return _classify_report(speaker, text, sent_start, m_end, window_end)
