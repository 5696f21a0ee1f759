"""Context analysis around a candidate match: who the words are about, and whose words they are.

Only called for candidate matches, so clarity matters more than speed here.
Everything works on the original text with absolute character offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

# A position, or a function that works it out only when it is needed (see SentenceContext).
LazyPos = int | Callable[[], int]


def _pos(value: LazyPos) -> int:
    return value if isinstance(value, int) else value()


def _for_lowered(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` without IGNORECASE, to run on lower-cased text (several times faster).

    Only for patterns whose letters are all lower-case, so that on text without the few
    letters IGNORECASE treats specially (see scan_text) both find the same matches.
    """
    if re.search(r"[A-Z]", re.sub(r"\\.", "", rx.pattern)):
        raise ValueError(f"pattern has upper-case letters: {rx.pattern[:40]!r}")
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def _words(text: str) -> frozenset[str]:
    """A set of words from a whitespace-separated block (easier to read than a list)."""
    return frozenset(text.split())


# ------------------------------------------------------------------ sentences

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sgt|Insp|No|vs|etc|e\.g|i\.e|approx)|\b[A-Z])$")
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


# ------------------------------------------------------------------ quotes

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


def _may_have_quotes(text: str, start: int, end: int) -> bool:
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
            if not _may_have_quotes(text, lo, hi):
                self._quotes = []
            else:
                end = min(len(text), self.window_end() + 1)
                self._quotes = quote_spans(text, self.ctx_start(), end)
        return self._quotes


def enclosing_quote(
    spans: list[tuple[int, int]], m_start: int, m_end: int
) -> tuple[int, int] | None:
    """The quote span containing [m_start, m_end), if any."""
    for qs, qe in spans:
        if qs < m_start and m_end <= qe:
            return qs, qe
    return None


# ------------------------------------------------------------------ mentions

_FEMALE = (
    r"step[- ]?mum|step[- ]?mother|foster mum|mummy|mum|mam|mom|mother|grandma|granny|gran|"
    r"nana|nanna|nan|grandmother|aunty|auntie|aunt|sister"
)
_MALE = (
    r"step[- ]?dad|step[- ]?father|foster dad|daddy|dad|father|grandad|granddad|grandpa|"
    r"grandfather|uncle|brother"
)
_PARENT_N = (
    r"foster carers?|kinship carers?|special guardians?|residential staff|"
    r"key workers?|keyworkers?|residential workers?|residential carers?|"
    r"carers?|parents?|grandparents?|guardians?|family|families|household|home|house|"
    r"staff|placement|kinship|parenting|partner"
)
_CHILD_N = (
    r"the child|this child|child|young person|young people|the boy|the girl|boy|girl|youth|"
    r"teenager|teen|pupil|(?:(?:1[0-7]|[1-9]|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen)[- ]year[- ]old)"
)
_OTHER = (
    r"men|man|males|male|adults|adult|group|gang|abusers?|perpetrators?|exploiters?|groomers?|"
    r"boys|lads|dealers|youths|security|peers|friends|strangers|suspects?|offenders?|"
    r"traffickers?|drivers?|receptionists?|landlords?|landlady|owners?|shopkeepers?|"
    r"bouncers?|doormen|doorman|cashiers?|neighbours?|neighbors?|customers?|"
    r"(?:1[89]|[2-9]\d)[- ]year[- ]old"
)
_SERVICE = (
    r"social workers?|workers?|police|officers?|sergeant|school|teachers?|manager|team|service|"
    r"services|professionals?|colleagues?|panel(?: member)?|chair|health|dsl|yot|report|"
    r"referral|log|record|entry|minutes|assessment|interpreter|advocate|nurse|gp|camhs|"
    r"housing officer|practitioners?|agenc(?:y|ies)|court|magistrates?|judge|notes?|document|"
    r"chronology|previous worker|duty manager|detective|inspector"
)
_NAME_STOP = _words(
    """The This That These Those A An In On At For With From To Of By As After Before When While
    Since During Over Under I We He She They It His Her Their Our My Your There Here Both
    Neither Nothing No Not Please Reminder Audit Supervision Strategy Security Residential
    Foster Calling Having Minutes Parenting Each Every Some Any All Most Many Following Today
    Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Snapchat
    Instagram Discord Whatsapp WhatsApp Tiktok TikTok Facebook Telegram Prevent Channel
    Christmas Easter Ramadan Eid Also However But And Or So If Then Although Though Because
    Overall Again Later Earlier Now Despite Given Until Just Only Even Still Yet Ms Mr Mrs
    Years Months Weeks Days Hours Recently Previously Historically Currently Sadly Clearly
    Honestly Frankly Apparently Obviously Perhaps Maybe Generally Initially Finally Whilst
    Unfortunately Thankfully Hopefully Sometimes Often Usually Once Twice Throughout
    Miss Dr DC PC DS DI Sgt Mum Dad Nan Gran Aunty Auntie Uncle Grandad Grandma Father Mother
    Stepdad Stepmum Police School Staff Home Plan Action Actions Agreed Discussed Visit
    Meeting Call Note Update Concern Concerns Risk Health Education Court Youth Social
    Children Child Council Team Officer Section Review Outcome Contact Support Advice Let
    Nobody Everyone Someone Anyone It's Calling Describing Write Avoid Use Don't Do Did Does
    Is Was Are Were Will Would Should Could Can May Might Must Has Have Had Be Being Been Who
    What Where Why How Which Whose Whom Whether Who's Lots Good Bad Well Yes Okay OK"""
)
# "Staff" are carers in a children's home or placement, but not at a hotel or a shop.
_STAFF_SERVICE = _words(
    """school schools college colleges hospital hospitals health police council nursery
    academy gp surgery camhs yot"""
)
_STAFF_CARE = _words(
    """home homes unit units placement placements house residential children's childrens care
    foster supported accommodation hostel semi-independent"""
)
_STAFF_OTHER = _words(
    """hotel hotels motel shop shops store stores takeaway bar bars pub pubs club clubs nightclub
    restaurant restaurants cafe café supermarket station garage venue venues cinema gym
    security airport bus train rail library leisure salon kebab chicken fast-food b&b airbnb
    park arcade retail door event festival site factory warehouse"""
)
_STAFF_SKIP = _words("""the a an this that her his their its""")


def _staff_role(text: str, words: list[re.Match[str]], i: int, end_i: int) -> str:
    """Role of "staff" at words[i] (ending at words[end_i]): parent, service or other."""
    if i > 0 and not _DET_BREAK.intersection(text[words[i - 1].end() : words[i].start()]):
        prev = words[i - 1].group().lower().rstrip("'’")
        if prev in _STAFF_SERVICE:
            return "service"
        if prev in _STAFF_OTHER:
            return "other"  # "hotel staff", "shop staff"
    j = end_i + 1
    if j < len(words) and words[j].group().lower() in ("at", "in", "from", "of"):
        j += 1
        while j < len(words) and words[j].group().lower() in _STAFF_SKIP:
            j += 1
        if j < len(words):
            place = words[j].group().lower()
            if place in _STAFF_SERVICE:
                return "service"
            return "parent" if place in _STAFF_CARE else "other"
    return "parent"


_PLACE_PREP = _words(
    """in into to from at near on via around outside inside towards toward through across of off
    opposite behind beyond"""
)
_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
    "they": "n",
    "them": "n",
    "their": "n",
    "theirs": "n",
    "themselves": "n",
    "themself": "n",
}


class Mention(NamedTuple):
    """A reference to a person (or a group, or a service) in the text (immutable)."""

    start: int
    end: int
    role: str  # child | parent | service | other | self | pronoun
    gender: str  # m | f | n
    text: str
    subject_like: bool
    after_preposition: bool
    name: bool = False  # a capitalised word taken as a first name


_WORD = re.compile(r"[A-Za-z0-9][\w'’\-]*")
_AGE_WORD = re.compile(
    r"(\d+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty\w*|thirty\w*|forty\w*)-year-old",
    re.IGNORECASE,
)
_CHILD_AGES = _words("""ten eleven twelve thirteen fourteen fifteen sixteen seventeen""")


def _lexicon_of_people() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for group, role, gender in (
        (_FEMALE, "parent", "f"),
        (_MALE, "parent", "m"),
        (_PARENT_N, "parent", "n"),
        (_CHILD_N, "child", "n"),
        (_OTHER, "other", "n"),
        (_SERVICE, "service", "n"),
    ):
        for alt in group.split("|"):
            if "(" in alt or "[" in alt:
                continue
            base = alt.rstrip("?").replace("s?", "")
            for form in {alt.replace("s?", ""), alt.replace("s?", "s"), base}:
                form = form.rstrip("?")
                if form.startswith(("the ", "this ")):
                    form = form.split(" ", 1)[1]
                table.setdefault(form.lower(), (role, gender))
    for word in ("stepmum", "step-mum", "stepmother", "step-mother"):
        table[word] = ("parent", "f")
    for word in ("stepdad", "step-dad", "stepfather", "step-father"):
        table[word] = ("parent", "m")
    for word in ("we", "us"):
        table[word] = ("self", "n")
    for word, gender in _PRONOUNS.items():
        table[word] = ("pronoun", gender)
    return table


_PEOPLE = _lexicon_of_people()
# First words of two-word terms ("foster carers"): only these start a pair lookup.
_PAIR_FIRST = frozenset(k.split(" ")[0] for k in _PEOPLE if " " in k)
_TITLES_SERVICE = _words("""DC PC DS DI Sgt Insp Inspector Detective Officer Dr""")
_TITLES_F = _words("""Mrs Ms Miss Mrs. Ms.""")


_SUBJECT_WORDS = _words(
    """and but that because when while as so if though although where whether since until after
    before then both think feel believe view said says"""
)
_PREP_WORDS = _words(
    """with to from by for at about of on towards toward against into onto over around near like
    than between among behind"""
)
_DETERMINERS = _words(
    """the a an this that those these his her their my our some older adult same other two three
    several local"""
)


_CLAUSE_PUNCT = frozenset(",;:(—–.!?")
_DET_BREAK = frozenset(",;:.!?")


def _position(text: str, words: list[re.Match[str]], i: int, start: int) -> tuple[bool, bool]:
    """(looks like a clause subject, is the object of a preposition) for words[i]."""
    pos = words[i].start()
    if pos == start:
        return True, False
    gap = text[words[i - 1].end() : pos] if i > 0 else text[max(start, pos - 3) : pos]
    if not _CLAUSE_PUNCT.isdisjoint(gap):
        return True, False
    if i == 0:
        return False, False
    prev = words[i - 1].group().lower()
    subject_like = prev in _SUBJECT_WORDS or (
        prev == "me" and i > 1 and words[i - 2].group().lower() == "told"
    )
    j = i - 1
    while j >= 0 and words[j].group().lower() in _DETERMINERS:
        if not _DET_BREAK.isdisjoint(text[words[j].end() : words[j + 1].start()]):
            break
        j -= 1
    after_prep = j >= 0 and words[j].group().lower() in _PREP_WORDS
    if not subject_like and j < i - 1:
        # "The men ...", "and the older boys ...": the determiners stand where the subject starts.
        subject_like = _position(text, words, j + 1, start)[0]
    return subject_like, after_prep


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Person, group and service mentions in text[start:end], in order.

    A word-by-word dictionary lookup (faster than one big regex): two-word terms
    ("foster carers", "young person") are tried first; capitalised words not in the
    stop list are taken as first names, except after a place preposition.
    """
    words = list(_WORD.finditer(text, start, end))
    out: list[Mention] = []
    last_cap_end = -1
    last_cap_kept = False
    i = 0
    while i < len(words):
        m = words[i]
        raw = m.group()
        bare = raw[:-2] if raw.endswith(("'s", "’s")) else raw.rstrip("'’")
        low = bare.lower()
        if (
            not raw[:1].isupper()
            and low not in _PEOPLE
            and low not in _PAIR_FIRST
            and not low.endswith("-year-old")
        ):
            # Most words: not a person term, a title, an age or a name (all checked below).
            i += 1
            continue
        m_start, m_end = m.start(), m.end()
        role = gender = ""
        named = False
        nxt = words[i + 1] if i + 1 < len(words) else None
        adjacent = nxt is not None and text[m_end : nxt.start()] == " "
        consumed = 1
        if adjacent and nxt is not None and low in _PAIR_FIRST:
            nxt_bare = nxt.group()
            nxt_bare = nxt_bare[:-2] if nxt_bare.endswith(("'s", "’s")) else nxt_bare
            pair = _PEOPLE.get(f"{low} {nxt_bare.lower()}")
            if pair is not None:
                role, gender = pair
                m_end = nxt.end()
                consumed = 2
        if not role:
            if (
                raw in _TITLES_SERVICE
                and adjacent
                and nxt is not None
                and nxt.group()[:1].isupper()
            ):
                role, gender, m_end, consumed = "service", "n", nxt.end(), 2
            elif (raw in _TITLES_F or raw == "Mr") and adjacent and nxt is not None:
                role, gender = "parent", ("f" if raw in _TITLES_F else "m")
                j = i + 1
                if words[j].group() == "and" and j + 2 < len(words):
                    j += 2  # "Mr and Mrs Harris"
                m_end, consumed = words[j].end(), j - i + 1
            elif raw == "I":
                role, gender = "self", "n"
            elif low in _PEOPLE:
                role, gender = _PEOPLE[low]
                if low == "staff":
                    role = _staff_role(text, words, i, i)
                if (
                    role in ("parent",)
                    and adjacent
                    and nxt is not None
                    and (nxt.group()[:1].isupper() and nxt.group() not in _NAME_STOP)
                ):
                    m_end, consumed = nxt.end(), 2  # "Aunty Grace"
            else:
                age = _AGE_WORD.fullmatch(bare) if low.endswith("-year-old") else None
                if age:
                    value = age.group(1).lower()
                    young = value in _CHILD_AGES or (value.isdigit() and int(value) < 18)
                    role, gender = ("child" if young else "other"), "n"
                elif raw[:1].isupper() and raw[1:2].islower():
                    continues = m_start == last_cap_end + 1
                    last_cap_end = m.end()
                    if continues and last_cap_kept:
                        i += 1
                        continue
                    prev_words = text[max(0, m_start - 12) : m_start].split()
                    if bare in _NAME_STOP:
                        last_cap_kept = False
                        i += 1
                        continue
                    last_cap_kept = True
                    if prev_words and prev_words[-1].lower() in _PLACE_PREP:
                        i += 1
                        continue  # a place: "in Luton", "on Albion Street"
                    role, gender, named = "child", "n", True
        if role:
            subject_like, after_prep = _position(text, words, i, start)
            out.append(
                Mention(
                    start=m_start,
                    end=m_end,
                    role=role,
                    gender=gender or "n",
                    text=text[m_start:m_end],
                    subject_like=subject_like,
                    after_preposition=after_prep,
                    name=named,
                )
            )
        i += consumed
    return out


def _outside(mentions: list[Mention], quotes: list[tuple[int, int]]) -> list[Mention]:
    if not quotes:
        return list(mentions)
    return [m for m in mentions if not any(qs <= m.start and m.end <= qe for qs, qe in quotes)]


def _compatible(pronoun: Mention, cand: Mention) -> bool:
    if cand.role not in ("child", "parent"):
        return False
    return pronoun.gender == "n" or cand.gender in ("n", pronoun.gender)


def resolve_pronoun(
    pronoun: Mention,
    mentions: list[Mention],
    sent_start: int,
    text: str | None = None,
    named: dict[int, bool] | None = None,
) -> str:
    """Role ("child" or "parent") a pronoun most likely refers to; children by default.

    With ``text``, a first name introduced as a parent there (named_parent) is a parent.
    """
    earlier = [c for c in mentions if c.end <= pronoun.start and _compatible(pronoun, c)]
    same = [c for c in earlier if c.start >= sent_start]
    prev = [c for c in earlier if c.start < sent_start]

    def role(c: Mention) -> str:
        if text is not None and is_name(c):
            known = named.get(c.start) if named is not None else None
            if known is None:
                known = named_parent(text, c)
                if named is not None:
                    named[c.start] = known
            if known:
                return "parent"
        return c.role

    for pool in (same, prev):
        subjects = [c for c in pool if c.subject_like]
        if subjects:
            return role(subjects[-1])
        if pool:
            return role(pool[-1])
    return "child"


_PARTICIPLE = re.compile(r"[A-Za-z]+ing\b")
_CONJ_GAP = re.compile(r"^\s*(?:,\s*)?(?:and|&|or|as well as)\s+(?:(?:his|her|their)\s+)?$", re.I)
# The match starts a second verb phrase joined by "and" ("... and refuses to engage").
_AND_VERB = re.compile(
    r"\band\s+(?:(?:is|was|are|were|has|have|had|seems?|remains?|now|still|then|also|just|"
    r"often|always|continues\s+to|\w+ly)\s+){0,2}$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:who|whom|that|which)\b", re.IGNORECASE)
_CLAUSE_CUT = re.compile(r";|:|—|–|\s-\s|,\s*(?:and|but|so|which|who|whereas|while)\b|\bbut\b")


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
        before = [m for m in mentions if m.end <= m_start]
        local = [m for m in before if m.start >= sent_start]
        full = before

    def role_of(mention: Mention) -> str:
        nonlocal full
        if mention.role == "child" and is_name(mention):
            known = named.get(mention.start) if named is not None else None
            if known is None:
                known = named_parent(text, mention)
                if named is not None:
                    named[mention.start] = known
            if known:
                return "parent"
        if mention.role != "pronoun":
            return mention.role
        if full is None:
            # Only a pronoun needs the previous sentence, so only then is it found and scanned.
            ctx = _pos(context_start)
            earlier = find_mentions(text, ctx, sent_start) if ctx < sent_start else []
            full = _outside(earlier, quotes) + local
        return resolve_pronoun(mention, full, sent_start, text, named)

    if _PARTICIPLE.match(text, m_start) and text[sent_start:m_start].rstrip().endswith(","):
        # ", knowing full well ..." describes the main clause's subject.
        main = [m for m in local if m.subject_like]
        if main:
            return {role_of(main[0])}
    clause_start = sent_start
    for cut in _CLAUSE_CUT.finditer(text, sent_start, m_start):
        clause_start = cut.end()
    in_clause = [m for m in local if m.start >= clause_start and not m.after_preposition]
    if not in_clause:
        in_clause = [m for m in local if not m.after_preposition]
    # A possessive pronoun directly before a noun mention ("his mother") belongs to it.
    filtered: list[Mention] = []
    for i, m in enumerate(in_clause):
        nxt = in_clause[i + 1] if i + 1 < len(in_clause) else None
        if (
            m.role == "pronoun"
            and m.text.lower() in ("his", "her", "their")
            and nxt is not None
            and text[m.end : nxt.start].strip() == ""
        ):
            continue
        filtered.append(m)
    if not filtered:
        return {"unknown"}
    subject = filtered[-1]
    if not subject.subject_like:
        # The nearest mention is an object: "Nathan treats the worker with contempt and
        # refuses to ..." (a second verb phrase) or "The men who groomed Amara were
        # hostile" (a relative clause). The words belong to the earlier clause subject.
        earlier = [m for m in filtered[:-1] if m.subject_like]
        if earlier and (
            _AND_VERB.search(text, subject.end, m_start)
            or _RELATIVE.search(text, earlier[-1].end, subject.start)
        ):
            return {role_of(earlier[-1])}
    roles = {role_of(subject)}
    if names and roles == {"child"} and is_name(subject):
        roles.add("name")
    idx = len(filtered) - 1
    while idx > 0:
        prev = filtered[idx - 1]
        gap = text[prev.end : filtered[idx].start]
        if not _CONJ_GAP.match(gap):
            break
        roles.add(role_of(prev))
        idx -= 1
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


# ------------------------------------------------------------------ negation

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
_POST_NEG = re.compile(
    r"[\s'\"’”,]*(?:[\w'’\-]+\s+){0,5}?(?:would be|is|was|are|were|seems|sounds|feels)\s+"
    r"(?:\w+\s+)?(?:wrong|inaccurate|incorrect|unfair|misleading|untrue|unhelpful|"
    r"victim[- ]blaming|not (?:accurate|right|fair|appropriate|true|the case|helpful|correct))",
    re.IGNORECASE,
)
NEG_WINDOW = 6
# Any trigger at all in the raw prefix (multi-word triggers across any separator): when
# there is none, the windowed NegEx check below cannot find one either.
_NEG_ANY = re.compile(_NEG_TRIGGER.pattern.replace(" ", r"[^\w'’\-]+"), re.IGNORECASE)
_NEG_ANY_LOW = _for_lowered(_NEG_ANY)


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
        return bool(_POST_NEG.match(text, m_end, min(sent_end, m_end + 120)))
    prefix = text[sent_start:m_start]
    last_cut = 0
    for cut in _NEG_TERMINATORS.finditer(prefix):
        last_cut = cut.end()
    prefix = _PSEUDO_NEG.sub(" ", prefix[last_cut:])
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
_ADVICE_LOW = _for_lowered(_ADVICE)
_ADVICE_AFTER_LOW = _for_lowered(_ADVICE_AFTER)


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


# ------------------------------------------------------------------ reported speech

_REPORT_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|tell|called|calls|call|described|describes|describe|"
    r"referred to|refers to|refer to|stated|states|recorded|records|wrote|writes|asked|"
    r"explained|admitted|admits|insisted|insists|shouted|replied|added|feels|felt|worries|"
    r"worried|believes|believed|thinks|thought|claims|claimed|reported|reports|suggested|"
    r"suggests|labelled|labels|labeled|considers|considered|alleged|alleges|argued|argues|"
    r"regards|regarded|noted|notes|mentioned|mentions|disclosed|texted|messaged|maintains|"
    r"maintained|view (?:is )?that|views? (?:him|her|them) as|sees (?:him|her|them) as|"
    r"put it|puts it|accepts|accepted|according to|describing|calling|branded|brands|"
    r"dismissed|dismisses|insisting)\b",
    re.IGNORECASE,
)
_REPORT_VERB_LOW = _for_lowered(_REPORT_VERB)
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
    r"(?:I|we) (?:have )?(?:seen|found|observed) (?:no|nothing|the opposite))",
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


def _classify_report(
    speaker: str, text: str, sent_start: int, report_end: int, lazy_window_end: LazyPos
) -> Voice:
    if speaker in ("child", "parent", "other"):
        return Voice("voice", speaker)
    if speaker == "self":
        return Voice("own", speaker)
    window_end = _pos(lazy_window_end)
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
                speaker = _speaker_role(text, verb.start(), sent_start, context_start, quotes)
            return _classify_report(speaker, text, sent_start, qe, window_end)
        after = _AFTER_QUOTE_SPEAKER.match(text, qe, min(len(text), qe + 60))
        if after:
            who = after.start("who")
            speaker = _speaker_role(text, after.end("who"), who, who, quotes)
            return _classify_report(speaker, text, sent_start, qe, window_end)
        # Unattributed quotation marks: most often the child's or parent's own term.
        if _ENDORSE.search(text, sent_start, _pos(window_end)):
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
        speaker = _speaker_role(text, verb.start(), sent_start, context_start, quotes)
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
