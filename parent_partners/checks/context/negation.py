"""Negation and advice about wording: the words are there, but not as the writer's claim.

"It would be wrong to say she is streetwise" (negated) and "avoid phrases such as
'risky behaviour'" (advice about language) are not blame.
"""

from __future__ import annotations

import re

from .text import for_lowered

_NEG_TERMINATORS = re.compile(
    r"[;:—–]|\s-\s|\b(?:but|however|although|though|yet|whereas|except|still|while|because|so)\b"
    r"|,\s*(?:and|which|who)\b"
    r"|\band\s+(?:is|was|are|were|has|have|had|did|does|do|will|would|keeps?|kept|continues?|"
    r"then|he|she|they|it|we|i|so|also|now|remains?|seems?|appears?|refuses?|refused|could|"
    r"should|must|often|always|just)\b",
    re.IGNORECASE,
)
_PSEUDO_NEG = re.compile(
    r"\b(?:not only|not just|no doubt|not least|without doubt|not sure|no longer able|"
    r"nothing to stop|no one else|not always)\b",
    re.IGNORECASE,
)
_NEG_TRIGGER = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|no-one|neither|nor|cannot|without|hardly|"
    r"rather than|instead of|far from|wrong to|unfair to|inaccurate to|incorrect to|\w+n['’]t|"
    r"disagree|disagreed|dispute|deny|denied|refute|refuted)\b",
    re.IGNORECASE,
)
# "should have known something was wrong" is not a refutation: the words after the match
# are what was not known.
_POST_NEG = re.compile(
    r"[\s'\"’”,]*(?!(?:something|anything|everything|what|things)\b)"
    r"(?:[\w'’\-]+\s+){0,5}?(?:would be|is|was|are|were|seems|sounds|feels)\s+"
    r"(?:\w+\s+)?(?:wrong|inaccurate|incorrect|unfair|misleading|untrue|unhelpful|"
    r"victim[- ]blaming|not (?:accurate|right|fair|appropriate|true|the case|helpful|correct))",
    re.IGNORECASE,
)
NEG_WINDOW = 6
# A claim the writer denies as a whole ("There is no suggestion that mum failed to
# protect him"): the denial opens a clause, so it reaches further than NEG_WINDOW words.
_NEG_FRAME = re.compile(
    r"\b(?:(?:no|little|nothing\s+in\s+the\s+\w+)\s+(?:\w+\s+)?(?:suggestion|evidence|basis|"
    r"indication|finding|sign|reason\s+to\s+think)\s+(?:\w+\s+){0,3}?(?:that|to\s+suggest)|"
    r"nothing\s+(?:[\w'’]+\s+){0,4}?(?:to\s+suggest|suggests|supports\s+(?:the\s+\w+\s+)?that)|"
    r"(?:not|never)\s+(?:been\s+|be\s+)?(?:shown|established|proved|proven|accepted|found|"
    r"suggest(?:ed|ing)?|say(?:ing)?|said|claim(?:ed|ing)?)\s+(?:\w+\s+){0,2}?that|"
    r"(?:nobody|no\s+one|no-one)\s+(?:[\w'’]+,?\s+){0,7}?(?:suggest\w*|say\w*|said|claim\w*|"
    r"think\w*|thought|believe\w*)\s+(?:\w+\s+){0,2}?that|"
    r"no\s+part\s+of\s+(?:[\w'’]+\s+){0,4}?that|"
    r"no\s+question\s+(?:of|that)\b|"
    r"no\s+criticism\s+(?:of\s+)?(?:[\w'’]+\s+){0,4}?that|"
    # "It would be wrong to conclude, with hindsight, that", "I don't think it's fair to say".
    r"(?:unfair|wrong|inaccurate|incorrect|misleading|not\s+fair)\s+to\s+(?:say|conclude|"
    r"suggest|think|claim|find|assume)\b[^.;]{0,40}?\bthat|"
    r"(?:not|don['’]t|do\s+not)\s+think\s+(?:it\s+is|it['’]s)\s+fair\s+to\s+say|"
    # "It would be unfair to characterise her refusal as obstruction".
    r"(?:unfair|wrong|inaccurate|incorrect|misleading)\s+to\s+(?:characteri[sz]e|describe|call|"
    r"label|see|regard|view|treat|read|dismiss)\s+(?:[\w'’]+\s+){0,8}?as|"
    # A finding or view declined: "I do not find that", "I am unable to find that".
    r"(?:not|never|nor|no\s+longer|unable\s+to|decline\s+to)\s+(?:\w+\s+){0,4}?(?:find|conclude|"
    r"consider|accept|satisfied|persuaded)\s+(?:\w+\s+){0,2}?that)\b",
    re.IGNORECASE,
)
# Any trigger at all in the raw prefix (multi-word triggers across any separator): when
# there is none, the windowed NegEx check below cannot find one either.
_NEG_ANY = re.compile(_NEG_TRIGGER.pattern.replace(" ", r"[^\w'’\-]+"), re.IGNORECASE)
_NEG_ANY_LOW = for_lowered(_NEG_ANY)


def is_negated(
    text: str, sent_start: int, m_start: int, m_end: int, sent_end: int, low: str | None = None
) -> bool:
    """NegEx-style: a negation trigger within a few words before (scope ends at but/however/
    although/...) or a refutation right after ("... would be wrong").

    ``low``, if given, is ``text`` lower-cased with the same offsets (a faster first check).
    """
    if low is not None:
        no_trigger = _NEG_ANY_LOW.search(low[sent_start:m_start]) is None
    else:
        no_trigger = _NEG_ANY.search(text[sent_start:m_start]) is None
    if no_trigger:
        return bool(
            _POST_NEG.match(text, m_end, min(sent_end, m_end + 120))
            or _NEG_FRAME.search(text, sent_start, m_start)
        )
    prefix = text[sent_start:m_start]
    last_cut = 0
    for cut in _NEG_TERMINATORS.finditer(prefix):
        last_cut = cut.end()
    prefix = _PSEUDO_NEG.sub(" ", prefix[last_cut:])
    if _NEG_FRAME.search(prefix):
        return True
    words = re.findall(r"[\w'’\-]+", prefix)[-NEG_WINDOW:]
    if words and _NEG_TRIGGER.search(" ".join(words)):
        return True
    return bool(_POST_NEG.match(text, m_end, min(sent_end, m_end + 120)))


# ------------------------------------------------------------------ advice about language

_ADVICE = re.compile(
    r"\b(?:avoid(?:ing|s)?|stop)\s+(?:using|saying|describing|calling|writing|labelling|labeling|"
    r"the\s+(?:word|term|phrase|label)|words|terms|phrases|language|referring)"
    r"|\b(?:do not|don't|never|should not|shouldn't|must not|mustn't|not to|please don't|"
    r"please do not)\s+(?:use|say|describe|call|write|record|refer|label|talk about)"
    r"|\b(?:words?|phrases?|terms?|labels?|language|expressions?|wording)\s+(?:such as|like)\b"
    r"|\b(?:the|this|that)\s+(?:word|term|phrase|label|wording)\b"
    r"|\b(?:calling|describing|labelling|labeling|referring to)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:young people|children|child|young person|parents|carers|families|mothers|fathers|"
    r"them|him|her|this|it|someone|a child|kids|boys|girls)\b"
    r"|\bwrite\s+['\"‘“]",
    re.IGNORECASE,
)
_ADVICE_AFTER = re.compile(
    r"\b(?:should (?:not|never) be used|must not be (?:used|repeated)|should be (?:replaced|"
    r"avoided|removed|changed|reworded)|shifts? (?:the )?(?:responsibility|blame)|"
    r"(?:is|are) (?:a )?(?:victim[- ]blaming|blaming|unhelpful|stigmatising) "
    r"(?:term|phrase|word|label|language)s?)\b",
    re.IGNORECASE,
)
_ADVICE_LOW = for_lowered(_ADVICE)
_ADVICE_AFTER_LOW = for_lowered(_ADVICE_AFTER)


def is_language_advice(
    text: str, sent_start: int, m_start: int, m_end: int, sent_end: int, low: str | None = None
) -> bool:
    """True when the sentence talks about the wording itself rather than using it.

    ``low``, if given, is ``text`` lower-cased with the same offsets (faster matching).
    """
    if low is not None:
        return bool(
            _ADVICE_LOW.search(low, sent_start, m_start)
            or _ADVICE_AFTER_LOW.search(low, m_end, sent_end)
        )
    if _ADVICE.search(text, sent_start, m_start):
        return True
    return bool(_ADVICE_AFTER.search(text, m_end, sent_end))
