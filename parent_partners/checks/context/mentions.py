"""Mentions: the people, groups and services a text refers to, word by word.

A mention has a role (child, parent, service, other, self or pronoun), a gender where the
word gives one, and where it stands in its clause (subject-like, after a preposition).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .text import word_set

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
# Professionals and services; subjects.py reads them as things that act, too.
SERVICE_WORDS = (
    r"social workers?|workers?|police|officers?|sergeant|school|teachers?|manager|team|service|"
    r"services|professionals?|colleagues?|panel(?: member)?|chair|health|dsl|yot|report|"
    r"referral|log|record|entry|minutes|assessment|interpreter|advocate|nurse|gp|camhs|"
    r"housing officer|practitioners?|agenc(?:y|ies)|court|magistrates?|judge|notes?|document|"
    r"chronology|previous worker|duty manager|detective|inspectors?|inspectorate|ofsted|"
    r"reviewers?|auditors?|researchers?"
)
# Endings English first names do not have: "Possible disguised compliance", "Reasonable".
_NOT_A_NAME = re.compile(r"(?:ible|able|tion|sion|ment|ness|ful|less|ism|ship|ical)$")
_NAME_STOP = word_set(
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
_STAFF_SERVICE = word_set(
    """school schools college colleges hospital hospitals health police council nursery
    academy gp surgery camhs yot"""
)
_STAFF_CARE = word_set(
    """home homes unit units placement placements house residential children's childrens care
    foster supported accommodation hostel semi-independent"""
)
_STAFF_OTHER = word_set(
    """hotel hotels motel shop shops store stores takeaway bar bars pub pubs club clubs nightclub
    restaurant restaurants cafe café supermarket station garage venue venues cinema gym
    security airport bus train rail library leisure salon kebab chicken fast-food b&b airbnb
    park arcade retail door event festival site factory warehouse"""
)
_STAFF_SKIP = word_set("""the a an this that her his their its""")


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


_PLACE_PREP = word_set(
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
_CHILD_AGES = word_set("""ten eleven twelve thirteen fourteen fifteen sixteen seventeen""")


def _lexicon_of_people() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for group, role, gender in (
        (_FEMALE, "parent", "f"),
        (_MALE, "parent", "m"),
        (_PARENT_N, "parent", "n"),
        (_CHILD_N, "child", "n"),
        (_OTHER, "other", "n"),
        (SERVICE_WORDS, "service", "n"),
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
_TITLES_SERVICE = word_set("""DC PC DS DI Sgt Insp Inspector Detective Officer Dr""")
_TITLES_F = word_set("""Mrs Ms Miss Mrs. Ms.""")


_SUBJECT_WORDS = word_set(
    """and but that because when while as so if though although where whether since until after
    before then both think feel believe view said says"""
)
_PREP_WORDS = word_set(
    """with to from by for at about of on towards toward against into onto over around near like
    than between among behind"""
)
_DETERMINERS = word_set(
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


# What a word (or a few) turned out to be: (role, gender, end, words used, a first name).
_Found = tuple[str, str, int, int, bool]


class _Reader:
    """Reads the words of one stretch of text, one possible mention at a time.

    It remembers the last capitalised word, so that a run of them ("Albion Street
    Youth Centre") gives at most one name.
    """

    __slots__ = ("last_cap_end", "last_cap_kept", "text", "words")

    def __init__(self, text: str, start: int, end: int) -> None:
        """Split text[start:end] into words."""
        self.text = text
        self.words = list(_WORD.finditer(text, start, end))
        self.last_cap_end = -1
        self.last_cap_kept = False

    def _adjacent(self, i: int) -> re.Match[str] | None:
        """The word after words[i] when a single space separates them."""
        if i + 1 < len(self.words):
            nxt = self.words[i + 1]
            if self.text[self.words[i].end() : nxt.start()] == " ":
                return nxt
        return None

    def read(self, i: int, raw: str, bare: str, low: str) -> _Found | None:
        """What words[i] starts: a two-word term, a title, a person word, an age or a name."""
        nxt = self._adjacent(i)
        if nxt is not None and low in _PAIR_FIRST:
            second = nxt.group()
            second = second[:-2] if second.endswith(("'s", "’s")) else second
            pair = _PEOPLE.get(f"{low} {second.lower()}")
            if pair is not None:
                return pair[0], pair[1], nxt.end(), 2, False
        # Titles are capitalised, so a lower-case word skips that question.
        titled = self._titled(i, raw, nxt) if raw[:1].isupper() else None
        return titled or self._person_word(i, raw, low, nxt) or self._age_or_name(i, raw, bare, low)

    def _titled(self, i: int, raw: str, nxt: re.Match[str] | None) -> _Found | None:
        """ "DC Patel" (a service), "Mrs Harris", "Mr and Mrs Harris" (parents)."""
        if nxt is None:
            return None
        if raw in _TITLES_SERVICE and nxt.group()[:1].isupper():
            return "service", "n", nxt.end(), 2, False
        if raw in _TITLES_F or raw == "Mr":
            j = i + 1
            if self.words[j].group() == "and" and j + 2 < len(self.words):
                j += 2  # "Mr and Mrs Harris"
            gender = "f" if raw in _TITLES_F else "m"
            return "parent", gender, self.words[j].end(), j - i + 1, False
        return None

    def _person_word(self, i: int, raw: str, low: str, nxt: re.Match[str] | None) -> _Found | None:
        """ "I", or a word from the lexicon of people ("mum", "foster carer", "staff")."""
        end = self.words[i].end()
        if raw == "I":
            return "self", "n", end, 1, False
        if low not in _PEOPLE:
            return None
        role, gender = _PEOPLE[low]
        if low == "staff":
            role = _staff_role(self.text, self.words, i, i)
        if role == "parent" and nxt is not None:
            after = nxt.group()
            if after[:1].isupper() and after not in _NAME_STOP:
                return role, gender, nxt.end(), 2, False  # "Aunty Grace"
        return role, gender, end, 1, False

    def _age_or_name(self, i: int, raw: str, bare: str, low: str) -> _Found | None:
        """ "a 15-year-old" (a child; 19 and over someone else), or a capitalised first name."""
        m = self.words[i]
        age = _AGE_WORD.fullmatch(bare) if low.endswith("-year-old") else None
        if age:
            value = age.group(1).lower()
            young = value in _CHILD_AGES or (value.isdigit() and int(value) < 18)
            return ("child" if young else "other"), "n", m.end(), 1, False
        if not (raw[:1].isupper() and raw[1:2].islower()):
            return None
        continues = m.start() == self.last_cap_end + 1
        self.last_cap_end = m.end()
        if continues and self.last_cap_kept:
            return None
        if bare in _NAME_STOP or _NOT_A_NAME.search(bare):
            self.last_cap_kept = False
            return None
        self.last_cap_kept = True
        prev_words = self.text[max(0, m.start() - 12) : m.start()].split()
        if prev_words and prev_words[-1].lower() in _PLACE_PREP:
            return None  # a place: "in Luton", "on Albion Street"
        return "child", "n", m.end(), 1, True


def find_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Person, group and service mentions in text[start:end], in order.

    A word-by-word dictionary lookup (faster than one big regex): two-word terms
    ("foster carers", "young person") are tried first; capitalised words not in the
    stop list are taken as first names, except after a place preposition.
    """
    reader = _Reader(text, start, end)
    words = reader.words
    out: list[Mention] = []
    i = 0
    while i < len(words):
        m = words[i]
        raw = m.group()
        # Without a trailing "'s" (or a bare apostrophe).
        bare = raw[:-2] if raw.endswith(("'s", "’s")) else raw.rstrip("'’")
        low = bare.lower()
        # Most words are not a person term, a title, an age or a name: skip them cheaply.
        found = (
            reader.read(i, raw, bare, low)
            if raw[:1].isupper()
            or low in _PEOPLE
            or low in _PAIR_FIRST
            or low.endswith("-year-old")
            else None
        )
        if found is None:
            i += 1
            continue
        role, gender, m_end, consumed, named = found
        subject_like, after_prep = _position(text, words, i, start)
        out.append(
            Mention(
                start=m.start(),
                end=m_end,
                role=role,
                gender=gender or "n",
                text=text[m.start() : m_end],
                subject_like=subject_like,
                after_preposition=after_prep,
                name=named,
            )
        )
        i += consumed
    return _possessors_resolved(text, out)


def _possessors_resolved(text: str, mentions: list[Mention]) -> list[Mention]:
    """In "Kyra's dad", the dad stands where the phrase does; Kyra only owns him.

    The head takes the possessor's place in the clause (subject or object of a
    preposition), and the possessor is neither.
    """
    for k in range(len(mentions) - 1):
        owner, head = mentions[k], mentions[k + 1]
        if not owner.text.endswith(("'s", "’s")) or text[owner.end : head.start].strip():
            continue
        mentions[k + 1] = head._replace(
            subject_like=owner.subject_like, after_preposition=owner.after_preposition
        )
        mentions[k] = owner._replace(subject_like=False)
    return mentions
