"""Subjects: who the words at a match are about (the child, a parent, someone else).

The nearest person mentioned before the match in its clause, with pronouns resolved to an
earlier child or parent, first names introduced as parents counted as parents, "X and his
mother" giving both, and two special shapes: "neither X nor Y" and "describe X as ...".
"""

from __future__ import annotations

import re

from .mentions import SERVICE_WORDS, Mention, find_mentions
from .text import LazyPos, resolve


def _outside(mentions: list[Mention], quotes: list[tuple[int, int]]) -> list[Mention]:
    if not quotes:
        return list(mentions)
    return [m for m in mentions if not any(qs <= m.start and m.end <= qe for qs, qe in quotes)]


def _compatible(pronoun: Mention, cand: Mention) -> bool:
    if cand.role not in ("child", "parent"):
        return False
    return pronoun.gender == "n" or cand.gender in ("n", pronoun.gender)


def _known_parent(text: str, mention: Mention, named: dict[int, bool] | None) -> bool:
    """named_parent for a first name, remembered in ``named`` (by mention start) if given."""
    known = named.get(mention.start) if named is not None else None
    if known is None:
        known = named_parent(text, mention)
        if named is not None:
            named[mention.start] = known
    return known


def resolve_pronoun(
    pronoun: Mention,
    mentions: list[Mention],
    sent_start: int,
    text: str | None = None,
    named: dict[int, bool] | None = None,
) -> str:
    """Role ("child" or "parent") a pronoun most likely refers to; children by default.

    The nearest compatible subject in the same sentence, else the nearest compatible
    mention there, else the same in the sentences before. With ``text``, a first name
    introduced as a parent there (named_parent) is a parent.
    """
    earlier = [c for c in mentions if c.end <= pronoun.start and _compatible(pronoun, c)]
    same = [c for c in earlier if c.start >= sent_start]
    prev = [c for c in earlier if c.start < sent_start]
    for pool in (same, prev):
        subjects = [c for c in pool if c.subject_like]
        found = subjects[-1] if subjects else (pool[-1] if pool else None)
        if found is None:
            continue
        if text is not None and is_name(found) and _known_parent(text, found, named):
            return "parent"
        return found.role
    return "child"


_PARTICIPLE = re.compile(r"[A-Za-z]+ing\b")
_CONJ_GAP = re.compile(r"^\s*(?:,\s*)?(?:and|&|or|as well as)\s+(?:(?:his|her|their)\s+)?$", re.I)
# The match starts a second verb phrase joined by "and" ("... and refuses to engage").
_AND_VERB = re.compile(
    r"\band\s+(?:(?:is|was|are|were|has|have|had|seems?|remains?|now|still|then|also|just|"
    r"often|always|continues\s+to|\w+ly)\s+){0,2}$",
    re.IGNORECASE,
)
# A relative pronoun right after the subject ("The men who groomed Amara were hostile"),
# or anywhere between it and a later object when nothing better is known.
_RELATIVE = re.compile(r"\s*,?\s*(?:who|whom|that|which)\b", re.IGNORECASE)
# "The men targeting Nikita are reckless": a participle between subject and object.
_REDUCED_RELATIVE = re.compile(r"\s+[a-z]+ing\s+(?:(?:his|her|their|the)\s+)?", re.IGNORECASE)
_RELATIVE_ANYWHERE = re.compile(r"\b(?:who|whom)\b", re.IGNORECASE)
# "I find that the grandmother turned a blind eye": "that" opens a clause whose subject
# is the person right after it.
_THAT_BEFORE = re.compile(r"\bthat\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# Words that open an adverbial phrase: it tells of the clause subject's doing, so in
# "Dad lets Rashid out late despite advice" the advice was given to Dad, not to Rashid.
_ADJUNCT = re.compile(r"(?:despite|in spite of|against|regardless of)\b", re.IGNORECASE)
# A finite verb right after a mention makes it a subject after all ("Mum knows Rashid
# goes out despite advice": Rashid is the one going out).
_FINITE_NEXT = re.compile(
    r"\s+(?:(?:still|often|always|just|also|now|then|keeps|kept)\s+)?(?:is|was|are|were|has|had|"
    r"have|does|did|will|would|can|could|[a-z]+(?:s|ed))\b"
)
_CLAUSE_CUT = re.compile(r";|:|—|–|\s-\s|,\s*(?:and|but|so|which|who|whereas|while)\b|\bbut\b")


class _RoleOf:
    """The role of a mention before a match: first names may be parents, pronouns resolved.

    Only a pronoun needs the previous sentence, so only then is it found and scanned.
    """

    __slots__ = ("context_start", "full", "local", "named", "quotes", "sent_start", "text")

    def __init__(
        self,
        text: str,
        sent_start: int,
        context_start: LazyPos,
        quotes: list[tuple[int, int]],
        local: list[Mention],
        full: list[Mention] | None,
        named: dict[int, bool] | None,
    ) -> None:
        """``local``: mentions in the sentence; ``full``: from the previous one, if known."""
        self.text = text
        self.sent_start = sent_start
        self.context_start = context_start
        self.quotes = quotes
        self.local = local
        self.full = full
        self.named = named

    def __call__(self, mention: Mention) -> str:
        """Role of ``mention``: child, parent, service, other or self."""
        if is_name(mention) and _known_parent(self.text, mention, self.named):
            return "parent"
        if mention.role != "pronoun":
            return mention.role
        if self.full is None:
            ctx = resolve(self.context_start)
            earlier = (
                find_mentions(self.text, ctx, self.sent_start) if ctx < self.sent_start else []
            )
            self.full = _outside(earlier, self.quotes) + self.local
        return resolve_pronoun(mention, self.full, self.sent_start, self.text, self.named)


_WHO_NEXT = re.compile(r"\s*,?\s*who\b", re.IGNORECASE)


def _relative_head(text: str, local: list[Mention], m_start: int) -> Mention | None:
    """The person a "who" clause holding the words is about: "parents who refuse to engage".

    Only when the last person named before the words is followed by "who", so nobody
    else stands between; the person may sit after a preposition ("challenge to families
    who refuse").
    """
    if not local:
        return None
    last = local[-1]
    if last.role == "pronoun" or last.end > m_start or m_start - last.end > 60:
        return None
    return last if _WHO_NEXT.match(text, last.end) else None


def _clause_mentions(
    text: str, local: list[Mention], sent_start: int, m_start: int
) -> list[Mention]:
    """Mentions that can be the subject: in the match's clause, not after a preposition.

    A possessive pronoun directly before a noun mention ("his mother") belongs to it and
    is left out.
    """
    clause_start = sent_start
    for cut in _CLAUSE_CUT.finditer(text, sent_start, m_start):
        clause_start = cut.end()
    in_clause = [m for m in local if m.start >= clause_start and not m.after_preposition]
    if not in_clause:
        in_clause = [m for m in local if not m.after_preposition]
    kept: list[Mention] = []
    for i, m in enumerate(in_clause):
        nxt = in_clause[i + 1] if i + 1 < len(in_clause) else None
        possessive = m.role == "pronoun" and m.text.lower() in ("his", "her", "their")
        if possessive and nxt is not None and text[m.end : nxt.start].strip() == "":
            continue
        kept.append(m)
    return kept


def _earlier_subject(text: str, mentions: list[Mention], m_start: int) -> Mention | None:
    """The clause subject when the nearest mention is only an object.

    "Nathan treats the worker with contempt and refuses to ..." (a second verb phrase)
    or "The men who groomed Amara were hostile" (a relative clause) or "Dad lets Rashid
    out despite advice" (an adverbial phrase): the words belong to the earlier clause
    subject.
    """
    nearest = mentions[-1]
    if nearest.subject_like:
        return None
    earlier = [m for m in mentions[:-1] if m.subject_like]
    if not earlier:
        return None
    if _RELATIVE.match(text, earlier[-1].end, nearest.start) or _REDUCED_RELATIVE.fullmatch(
        text, earlier[-1].end, nearest.start
    ):
        return earlier[-1]
    if _THAT_BEFORE.search(text, max(0, nearest.start - 30), nearest.start):
        return None
    if (
        (_ADJUNCT.match(text, m_start) and not _FINITE_NEXT.match(text, nearest.end))
        or _AND_VERB.search(text, nearest.end, m_start)
        or _RELATIVE_ANYWHERE.search(text, earlier[-1].end, nearest.start)
    ):
        return earlier[-1]
    return None


# A clause whose subject is a place, a firm or a thing ("The hotel failed to check ages",
# "The clinic is hard to reach by bus"): no person is named, yet the words are not about
# the child or a parent. Such a subject counts as a service: it acts and reports as an
# organisation does ("The plan says ..." is a document's report). Only nouns that never
# name a person are listed.
_THING_SUBJECT = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+(?:and|but|so)\s+)(?:the|this|that|our|their|its|a|an)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:hotel|firm|company|shop|provider|database|system|website|printer|"
    r"app|clinic|flat|flats|address|building|office|council|business|restaurant|"
    r"takeaway|venue|platform|site|bus|road|route|phone|form|letter|portal|car\s+park|station|"
    r"garage|pharmacy|practice|surgery|landlord\s+company|operator|network|software|"
    r"process|policy|plan|tool|" + SERVICE_WORDS + r")"
    r"\s+(?:(?:has|have|had|was|were|is|are|been|also|again|repeatedly|then|itself|"
    r"consistently|simply|clearly|really|very|quite|extremely|particularly|totally)\s+){0,3}$",
    re.IGNORECASE,
)
_OPENERS = ("", "the", "a", "an", "his", "her", "their", "both", "both the")


def _subject_after_opening(text: str, m_start: int) -> Mention | None:
    """The main clause's subject after an opening adverbial phrase, if it names someone.

    "Despite repeated advice, dad continues to let Rhys out": the phrase is about dad.
    A pronoun there is left alone: it would need resolving forwards.
    """
    if not _ADJUNCT.match(text, m_start):
        return None
    comma = text.find(",", m_start, m_start + 120)
    if comma < 0:
        return None
    for m in find_mentions(text, comma + 1, min(len(text), comma + 60)):
        if text[comma + 1 : m.start].strip().lower() not in _OPENERS:
            return None  # the subject must open the main clause
        return None if m.role == "pronoun" else m
    return None


def _joined_before(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions joined to the last one by "and"/"or" ("Kai and his mother")."""
    joined: list[Mention] = []
    idx = len(mentions) - 1
    while idx > 0 and _CONJ_GAP.match(text[mentions[idx - 1].end : mentions[idx].start]):
        joined.append(mentions[idx - 1])
        idx -= 1
    return joined


def subject_roles(
    text: str,
    m_start: int,
    sent_start: int,
    context_start: LazyPos,
    quotes: list[tuple[int, int]],
    mentions: list[Mention] | None = None,
    names: bool = False,
    named: dict[int, bool] | None = None,
) -> set[str]:
    """Roles of the person(s) the words at ``m_start`` are about.

    A first name introduced as a parent (see named_parent) counts as a parent. With
    ``names``, a subject that is a bare first name also adds the role "name", so that
    rules whose wording only fits a parent can treat it as one. ``named``, if given,
    remembers named_parent answers by mention start (one dict per text).

    ``mentions``, if given, are the mentions (outside quotes) of the context from
    ``context_start`` on, computed once per sentence by the caller.

    Nearest person mention before the match in its clause (skipping objects of
    prepositions and possessive pronouns that belong to a following noun); a
    pronoun is resolved to an earlier child or parent; "X and his mother" gives both.
    """
    if mentions is None:
        local = _outside(find_mentions(text, sent_start, m_start), quotes)
        full: list[Mention] | None = None
    else:
        full = [m for m in mentions if m.end <= m_start]
        local = [m for m in full if m.start >= sent_start]
    role_of = _RoleOf(text, sent_start, context_start, quotes, local, full, named)
    if _PARTICIPLE.match(text, m_start) and text[sent_start:m_start].rstrip().endswith(","):
        # ", knowing full well ..." describes the main clause's subject.
        main = [m for m in local if m.subject_like]
        if main:
            return {role_of(main[0])}
    head = _relative_head(text, local, m_start)
    if head is not None:
        return {role_of(head)}
    candidates = _clause_mentions(text, local, sent_start, m_start)
    if not candidates:
        if _THING_SUBJECT.search(text[sent_start:m_start]):
            return {"service"}
        ahead = _subject_after_opening(text, m_start)
        return {role_of(ahead)} if ahead is not None else {"unknown"}
    earlier = _earlier_subject(text, candidates, m_start)
    if earlier is not None:
        return {role_of(earlier)}
    subject = candidates[-1]
    roles = {role_of(subject)}
    if names and roles == {"child"} and is_name(subject):
        roles.add("name")
    roles.update(role_of(m) for m in _joined_before(text, candidates))
    return roles


# ------------------------------------------------------------------ named parents

_PARENT_WORD = (
    r"(?i:(?:step[- ]?|foster[- ])?(?:mum|mother|mam|mom|dad|father|parent|carer|guardian|"
    r"grandmother|grandma|nan|nana|gran|granny|grandad|granddad|grandfather|aunt|aunty|"
    r"auntie|uncle))"
)
_KIDS = (
    r"(?i:son|sons|daughter|daughters|child|children|kids|grandson|granddaughter|stepson|"
    r"stepdaughter)"
)
_OWNER = r"(?:[A-Z][\w\-]*['’]s|(?i:his|her|their|the))"


def is_name(mention: Mention) -> bool:
    """True when the mention is a capitalised first name (not a role word such as "Mum")."""
    return mention.name and mention.role == "child"


_INTRO_AFTER = re.compile(
    rf"\s*[,(]\s*(?:{_OWNER}\s+)?{_PARENT_WORD}\b|\s+(?:is|was)\s+(?:{_OWNER}\s+)?{_PARENT_WORD}\b"
)
_INTRO_BEFORE = re.compile(rf"\b{_PARENT_WORD}\s*[,(]?\s*$")
_OWN_KIDS = re.compile(rf"[^.!?;]{{0,80}}?\b(?i:her|his|their)\s+{_KIDS}\b")
_INTRO_LOOK = 300
# A cheap first check: no word for a child after the name.
_PARENT_HINTS = (
    "mum",
    "mom",
    "mam",
    "dad",
    "moth",
    "fath",
    "parent",
    "carer",
    "guardian",
    "gran",
    "nan",
    "aunt",
    "uncle",
)


def named_parent(text: str, mention: Mention) -> bool:
    """True when a first name is introduced as a parent or carer in the text.

    "Joanne, Tyler's mum, ...", "Joanne is Tyler's mum", "Tyler's mum (Joanne)",
    "mum Joanne" (within the last 300 characters), or, in the name's own sentence,
    "Donna allowed her son ...".
    """
    raw = mention.text
    name = raw[:-2] if raw.endswith(("'s", "’s")) else raw
    limit = min(len(text), mention.end + 300)
    for mark in ".!?":
        stop = text.find(mark, mention.end, limit)
        if stop >= 0:
            limit = stop
    tail = text[mention.end : limit].lower()
    if (
        "son" in tail or "daughter" in tail or "child" in tail or "kid" in tail
    ) and _OWN_KIDS.match(text, mention.start + len(name), limit):
        return True
    lo = max(0, mention.start - _INTRO_LOOK)
    pos = text.find(name, lo, limit)
    while pos >= 0:
        after = pos + len(name)
        if (pos == 0 or not text[pos - 1].isalnum()) and (
            after >= len(text) or not text[after].isalnum()
        ):
            nxt = text[after : after + 6].lstrip()
            if (nxt[:1] in ",(" or nxt.startswith(("is ", "was "))) and _INTRO_AFTER.match(
                text, after, limit
            ):
                return True
            before = text[max(0, pos - 40) : pos].lower()
            if any(w in before for w in _PARENT_HINTS) and _INTRO_BEFORE.search(
                text, max(0, pos - 40), pos
            ):
                return True
        pos = text.find(name, after, limit)
    return False


# ------------------------------------------------------------------ neither ... nor

_NEITHER = re.compile(r"\b(?:neither|nor)\b", re.IGNORECASE)


def coordinated_roles(text: str, start: int, end: int) -> set[str] | None:
    """Roles of the people a "neither ... nor" match is about, or None for other matches.

    "Neither Mia nor her mother will engage": both; "... and neither will his parents":
    the people after the last "neither"/"nor".
    """
    hits = list(_NEITHER.finditer(text, start, end))
    if not hits:
        return None
    lo = start if hits[0].start() == start else hits[-1].end()
    mentions = find_mentions(text, lo, end)
    roles: set[str] = set()
    for m in mentions:
        if m.role in ("child", "parent"):
            roles.add(
                "parent" if m.role == "child" and is_name(m) and named_parent(text, m) else m.role
            )
        elif m.role == "pronoun" and m.text.lower() in ("he", "she", "they"):
            roles.add("child")
    return roles or None


# ------------------------------------------------------------------ "describe X as ..."

_LABEL_VERB = re.compile(
    r"(?:describ|see|saw|seen|view|regard|consider|label|portray|perceiv|characteri[sz]|brand|"
    r"paint|know|knew)[\w'’]*\s+",
    re.IGNORECASE,
)
_AS = re.compile(r"\bas\b", re.IGNORECASE)


def labelled_object(text: str, start: int, end: int) -> tuple[int, set[str]] | None:
    """For a match "describe(s) X as <label>": where X starts and who X is.

    The label is about the object X, and the words are whoever's uses the verb: so
    context analysis looks at X, with the verb before it. None for other matches.
    """
    verb = _LABEL_VERB.match(text, start, end)
    if verb is None:
        return None
    as_word = _AS.search(text, verb.end(), end)
    if as_word is None:
        return None
    roles: set[str] = set()
    for m in find_mentions(text, verb.end(), as_word.start()):
        if m.role == "pronoun":
            if m.text.lower() in ("him", "her", "them"):
                roles.add("child")
        elif m.role == "child" and is_name(m) and named_parent(text, m):
            roles.add("parent")
        else:
            roles.add(m.role)
    return verb.end(), roles or {"unknown"}
