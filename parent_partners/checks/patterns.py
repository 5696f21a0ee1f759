"""A small pattern notation for lexicon rules, compiled to regular expressions.

Notation (tokens are separated by spaces; matching ignores case):

``word``        the literal word; ``-`` inside it also matches a space or nothing
                ("non-engaging" matches "non engaging"), ``'`` also matches a curly apostrophe.
``word~``       the word and its inflections ("put~" -> put, puts, putting;
                "choose~" -> choose, chooses, choosing, chose, chosen).
``pre*``        any word starting with ``pre`` ("manipulat*").
``a|b~|@M``     alternatives for one word position.
``out+of|from`` ``+`` joins words into one multi-word alternative ("out of" or "from").
``@MACRO``      a named list of phrases defined in the lexicon's ``macros``.
``#NAME``       a capitalised word (a person's first name).
``#ADULTAGE``   an adult's age: "24-year-old", "19 year old", "twenty-six-year-old".
``#ADULTNUM``   a bare adult age number (18-99).
``_``           any one word; ``_{m,n}`` between m and n words (a gap).
``tok?``        the token is optional (not allowed as the last token).

Words in between tokens are separated by spaces or hyphens; a gap also
crosses commas, never sentence punctuation, so a match stays in one clause.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SEP = r"(?:\s*,\s*|[\s\-]+)"
# Gap words never include a negation: "is not resistant" must not match "is _ resistant".
GAP_WORD = (
    r"(?:(?!(?:not|never|no|nothing|none|nobody|cannot|hardly|from)\b)(?![\w'’\-]*n['’]t\b)"
    r"[\w'’\-]+(?:\s*,)?[\s\-]+)"
)
NAME_RE = r"(?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:['’]s)?)"
_NUMBER_WORDS = (
    r"(?:eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[\s\-]?(?:one|two|three|four|five"
    r"|six|seven|eight|nine))?)"
)
ADULT_AGE_RE = r"(?:(?:1[89]|[2-9]\d)|" + _NUMBER_WORDS + r")[\s\-]?(?:years?|yrs?|yr)[\s\-]?old"

IRREGULAR: dict[str, tuple[str, ...]] = {
    "be": ("be", "is", "are", "was", "were", "been", "being", "am"),
    "have": ("have", "has", "had", "having"),
    "do": ("do", "does", "did", "done", "doing"),
    "go": ("go", "goes", "went", "gone", "going"),
    "choose": ("choose", "chooses", "chose", "chosen", "choosing"),
    "put": ("put", "puts", "putting"),
    "let": ("let", "lets", "letting"),
    "set": ("set", "sets", "setting"),
    "get": ("get", "gets", "got", "gotten", "getting"),
    "keep": ("keep", "keeps", "kept", "keeping"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "make": ("make", "makes", "made", "making"),
    "take": ("take", "takes", "took", "taken", "taking"),
    "bring": ("bring", "brings", "brought", "bringing"),
    "seek": ("seek", "seeks", "sought", "seeking"),
    "run": ("run", "runs", "ran", "running"),
    "give": ("give", "gives", "gave", "given", "giving"),
    "leave": ("leave", "leaves", "left", "leaving"),
    "sell": ("sell", "sells", "sold", "selling"),
    "send": ("send", "sends", "sent", "sending"),
    "deal": ("deal", "deals", "dealt", "dealing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "lose": ("lose", "loses", "lost", "losing"),
    "hold": ("hold", "holds", "held", "holding"),
    "sleep": ("sleep", "sleeps", "slept", "sleeping"),
    "see": ("see", "sees", "saw", "seen", "seeing"),
    "come": ("come", "comes", "came", "coming"),
    "become": ("become", "becomes", "became", "becoming"),
    "find": ("find", "finds", "found", "finding"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "buy": ("buy", "buys", "bought", "buying"),
    "pay": ("pay", "pays", "paid", "paying"),
    "hang": ("hang", "hangs", "hung", "hanging"),
    "steal": ("steal", "steals", "stole", "stolen", "stealing"),
    "drink": ("drink", "drinks", "drank", "drunk", "drinking"),
    "throw": ("throw", "throws", "threw", "thrown", "throwing"),
    "fall": ("fall", "falls", "fell", "fallen", "falling"),
    "can": ("can", "could"),
    "will": ("will", "would", "'ll"),
    "lie": ("lie", "lies", "lied", "lying"),
    "mean": ("mean", "means", "meant", "meaning"),
    "stand": ("stand", "stands", "stood", "standing"),
    "understand": ("understand", "understands", "understood", "understanding"),
    "ride": ("ride", "rides", "rode", "ridden", "riding"),
    "meet": ("meet", "meets", "met", "meeting"),
    "spend": ("spend", "spends", "spent", "spending"),
    "sit": ("sit", "sits", "sat", "sitting"),
    "shut": ("shut", "shuts", "shutting"),
    "win": ("win", "wins", "won", "winning"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "wear": ("wear", "wears", "wore", "worn", "wearing"),
    "turn": ("turn", "turns", "turned", "turning"),
}

_VOWELS = set("aeiou")


def inflect(lemma: str) -> tuple[str, ...]:
    """Return the word forms of ``lemma`` (verb and noun inflections), base form first."""
    lemma = lemma.lower()
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    forms: list[str] = [lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    stems = [lemma]
    # Short consonant-vowel-consonant words double the final letter ("drop" ->
    # "dropped"); without stress information both spellings are allowed.
    if (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS | set("wxy")
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    ):
        stems.append(lemma + lemma[-1])
    for stem in stems:
        if stem.endswith("e") and not stem.endswith("ee"):
            forms += [stem + "d", stem[:-1] + "ing"]
        elif stem.endswith("y") and len(stem) > 1 and stem[-2] not in _VOWELS:
            forms += [stem[:-1] + "ied", stem + "ing"]
        else:
            forms += [stem + "ed", stem + "ing"]
    seen: dict[str, None] = {}
    for form in forms:
        seen.setdefault(form, None)
    return tuple(seen)


class PatternError(ValueError):
    """A lexicon pattern that does not follow the notation."""


@dataclass(frozen=True)
class CompiledPattern:
    """One pattern as a regex plus the literal strings that every match contains one of."""

    source: str
    regex: str
    anchors: frozenset[str]
    anchor_first: bool = False  # the anchor word always starts the match
    before_chars: int = 0  # how far before the anchor word a match may start
    # Cheap first-stage rejection (None = no filter). The anchor token matches exactly one
    # plain word, so the token after it must start the next word of the folded text with
    # one of ``next_prefixes``, and the token before it must end the previous word with
    # one of ``prev_suffixes``.
    next_prefixes: tuple[str, ...] | None = None
    prev_suffixes: tuple[str, ...] | None = None


# Words so frequent in case notes that they make poor first-stage triggers.
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


COMMON_WORDS = _word_set(
    """a an the and or but to of in on at for with by from is are was were be been being am
    has have had do does did he she they him her them his their it its this that i we you
    not no as so if up out into about than then there here who what when where which go
    goes going went gone get got put puts let lets make made take took can could
    will would should must may might 's all any some very too more most much own agreed work
    working worked told asked attend attended attending care well being contact hours parent
    parents sent food return returned place like seem seems deal one through safety risk adult
    adults old year meeting plan school home visit said says police time week day night people
    men man older group help support after before again also just still seen found felt feel
    talk talked come came left phone house family friends friend child children young
    mum dad carers carer staff team worker session sessions new now next last first other back
    over without way how see saw look looked stay stayed set sets want wanted dropped turn
    turned"""
)


def anchor_score(anchors: frozenset[str]) -> tuple[int, int]:
    """Higher is a better first-stage trigger: fewer common words, then longer words."""
    bare = [a.rstrip("*") for a in anchors]
    common = sum(1 for b in bare if b in COMMON_WORDS or len(b) <= 2)
    return (-common, min(len(b) for b in bare))


def _literal_regex(word: str) -> str:
    parts = []
    for ch in word:
        if ch == "-":
            parts.append(r"[\s\-]?")
        elif ch in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _literal_anchors(word: str, prefix: bool = False) -> frozenset[str]:
    """Trigger strings for a literal: every spelling its regex accepts ("co-operative",
    "co operative", "cooperative"); a trailing "*" marks a prefix (no end boundary)."""
    parts = [p for p in word.lower().replace("’", "'").split("-") if p]
    if not parts:
        return frozenset()
    variants = [parts[0]]
    for part in parts[1:]:
        variants = [v + joint + part for v in variants for joint in ("-", " ", "")]
    return frozenset(v + "*" if prefix else v for v in variants)


@dataclass(frozen=True)
class _Phrase:
    regex: str
    anchors: frozenset[str] | None
    anchor_first: bool = False
    before_chars: int = 0
    next_prefixes: tuple[str, ...] | None = None
    prev_suffixes: tuple[str, ...] | None = None


_PLAIN_WORD = re.compile(r"[a-z0-9]+")
_ADULT_FIRST = (
    "18",
    "19",
    *"23456789",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
)
# First / last folded word pieces of the age placeholders (see ADULT_AGE_RE).
_NUMBER_EDGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "#ADULTAGE": (_ADULT_FIRST, ("old",)),
    "#ADULTNUM": (("18", "19", *"23456789"), tuple(str(n) for n in range(18, 100))),
}
_ASCII_LITERAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-_.]*")
_GAP_TOKEN = re.compile(r"_(?:\{(\d+),(\d+)\})?")


@dataclass(frozen=True)
class _Alt:
    regex: str
    anchors: frozenset[str] | None  # None: this alternative cannot be anchored


class PatternCompiler:
    """Compiles notation strings, expanding macros; keeps compiled macros cached."""

    def __init__(self, macros: Mapping[str, Sequence[str]]) -> None:
        """Create a compiler that knows the given macros (name -> list of phrases)."""
        self._macros = {k.upper(): list(v) for k, v in macros.items()}
        self._macro_cache: dict[str, _Alt] = {}
        self._active: set[str] = set()

    def _macro(self, name: str) -> _Alt:
        key = name.upper()
        if key in self._macro_cache:
            return self._macro_cache[key]
        if key not in self._macros:
            raise PatternError(f"unknown macro @{name}")
        if key in self._active:
            raise PatternError(f"macro @{name} refers to itself")
        self._active.add(key)
        try:
            regexes: list[str] = []
            anchors: set[str] | None = set()
            for phrase in self._macros[key]:
                compiled = self._phrase(phrase, require_anchor=False)
                regexes.append(compiled.regex)
                if anchors is not None and compiled.anchors is not None:
                    anchors |= compiled.anchors
                else:
                    anchors = None
        finally:
            self._active.discard(key)
        alt = _Alt(
            "(?:" + "|".join(regexes) + ")",
            frozenset(anchors) if anchors is not None else None,
        )
        self._macro_cache[key] = alt
        return alt

    def _alternative(self, text: str) -> _Alt:
        if not text:
            raise PatternError("empty alternative")
        if "+" in text:
            # "out+of" is a multi-word alternative inside one token position.
            words = [self._alternative(w) for w in text.split("+")]
            anchored = [w.anchors for w in words if w.anchors]
            best = max(anchored, key=anchor_score) if anchored else None
            return _Alt("(?:" + SEP.join(w.regex for w in words) + ")", best)
        if text.startswith("@"):
            return self._macro(text[1:])
        if text == "#NAME":
            return _Alt(NAME_RE, None)
        if text == "#ADULTNUM":
            return _Alt(r"(?:1[89]|[2-9]\d)(?!\d)", None)
        if text == "#ADULTAGE":
            return _Alt(ADULT_AGE_RE, frozenset({"year*", "yr*"}))
        if text.endswith("~"):
            forms = inflect(text[:-1])
            ordered = sorted(forms, key=len, reverse=True)
            return _Alt(
                "(?:" + "|".join(_literal_regex(f) for f in ordered) + ")",
                frozenset().union(*(_literal_anchors(f) for f in forms)),
            )
        if text.endswith("*"):
            stem = text[:-1]
            # Possessive: backtracking into the word would let an exclusion that follows
            # the pattern pass on a shorter match ("Non-complian" + "t parents").
            return _Alt(
                _literal_regex(stem) + r"[\w\-]*+",
                _literal_anchors(stem, prefix=True),
            )
        if re.search(r"[^\w'’\-£.]", text):
            raise PatternError(f"unexpected character in {text!r}")
        return _Alt(_literal_regex(text), _literal_anchors(text))

    def _token(self, text: str) -> tuple[str, frozenset[str] | None]:
        alts = [self._alternative(a) for a in text.split("|")]
        regex = alts[0].regex if len(alts) == 1 else "(?:" + "|".join(a.regex for a in alts) + ")"
        anchors: set[str] | None = set()
        for alt in alts:
            if anchors is None or alt.anchors is None:
                anchors = None
            else:
                anchors |= alt.anchors
        return regex, frozenset(anchors) if anchors is not None else None

    def _word_forms(self, alt: str) -> list[str] | None:
        """Literal spellings of one alternative ("word", "word~"), None if open-ended."""
        if alt.endswith("~"):
            return list(inflect(alt[:-1]))
        if alt[:1] in "@#" or "+" in alt or alt.endswith("*"):
            return None
        return [alt]

    def _simple_words(self, token: str) -> bool:
        """True when every spelling of ``token`` is one plain ASCII word (no hyphen etc.)."""
        for alt in token.split("|"):
            if alt.startswith("@"):
                phrases = self._macros.get(alt[1:].upper())
                if phrases is None or any(
                    len(p.split()) != 1 or not self._simple_words(p) for p in phrases
                ):
                    return False
                continue
            forms = self._word_forms(alt)
            if forms is None or not all(_PLAIN_WORD.fullmatch(f.lower()) for f in forms):
                return False
        return True

    def _edge_segments(self, token: str, first: bool, depth: int = 0) -> set[str] | None:
        """Folded first (or last) word pieces any match of ``token`` starts (or ends) with.

        None when unknown (names, ages, gaps, optional tokens, non-ASCII literals).
        """
        if depth > 8 or token.endswith("?") or _GAP_TOKEN.fullmatch(token):
            return None
        out: set[str] = set()
        for alt in token.split("|"):
            sub: set[str] | None
            if alt in _NUMBER_EDGES:
                sub = set(_NUMBER_EDGES[alt][0 if first else 1])
            elif "+" in alt:
                words = alt.split("+")
                sub = self._edge_segments(words[0] if first else words[-1], first, depth + 1)
            elif alt.startswith("@"):
                phrases = self._macros.get(alt[1:].upper())
                if phrases is None:
                    return None
                sub = set()
                for phrase in phrases:
                    toks = phrase.split()
                    part = self._edge_segments(toks[0] if first else toks[-1], first, depth + 1)
                    if part is None:
                        return None
                    sub |= part
            elif alt.endswith("*"):
                stem = alt[:-1]
                if not first or not _ASCII_LITERAL.fullmatch(stem):
                    return None
                sub = {re.split(r"[^a-z0-9]", stem.lower())[0]}
            else:
                forms = self._word_forms(alt)
                if forms is None:
                    return None
                sub = set()
                for form in forms:
                    if not _ASCII_LITERAL.fullmatch(form):
                        return None
                    pieces = [p for p in re.split(r"[^a-z0-9]", form.lower()) if p]
                    sub.add(pieces[0] if first else pieces[-1])
            if sub is None or not all(sub):
                return None
            out |= sub
        return out

    def _neighbour_filters(
        self, tokens: list[str], best_index: int
    ) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
        """(next_prefixes, prev_suffixes) for the tokens around the anchor token."""
        if best_index < 0 or not self._simple_words(tokens[best_index]):
            return None, None
        nxt = prev = None
        if best_index + 1 < len(tokens):
            segs = self._edge_segments(tokens[best_index + 1], first=True)
            nxt = tuple(sorted(segs)) if segs else None
        if best_index > 0:
            segs = self._edge_segments(tokens[best_index - 1], first=False)
            prev = tuple(sorted(segs)) if segs else None
        return nxt, prev

    def _phrase(self, phrase: str, require_anchor: bool = True) -> _Phrase:
        tokens = phrase.split()
        if not tokens:
            raise PatternError("empty pattern")
        pieces: list[str] = []
        best: frozenset[str] | None = None
        best_score: tuple[int, int] = (-(10**6), -1)
        best_index = -1
        for i, tok in enumerate(tokens):
            last = i == len(tokens) - 1
            gap = re.fullmatch(r"_(?:\{(\d+),(\d+)\})?", tok)
            if gap:
                if last or i == 0:
                    raise PatternError(f"a gap cannot start or end a pattern: {phrase!r}")
                lo, hi = (gap.group(1) or "1"), (gap.group(2) or "1")
                pieces.append(f"{GAP_WORD}{{{lo},{hi}}}?")
                continue
            optional = tok.endswith("?") and len(tok) > 1
            core = tok[:-1] if optional else tok
            if optional and last:
                raise PatternError(f"the last token cannot be optional: {phrase!r}")
            regex, anchors = self._token(core)
            if optional:
                pieces.append(f"(?:{regex}{SEP})?")
                continue
            pieces.append(regex if last else regex + SEP)
            if anchors:
                score = anchor_score(anchors)
                if score > best_score:
                    best, best_score, best_index = anchors, score, i
        if best is None and require_anchor:
            raise PatternError(f"pattern has no literal word to anchor on: {phrase!r}")
        first = tokens[0]
        anchor_first = best_index == 0 and "+" not in first and "@" not in first
        before = 0
        for tok in tokens[: max(best_index, 0)]:
            gap = re.fullmatch(r"_(?:\{(\d+),(\d+)\})?", tok)
            if gap:
                before += 24 * int(gap.group(2) or "1")
            elif "@" in tok or "#" in tok:
                before += 40
            else:
                before += max(len(a) for a in tok.rstrip("?").split("|")) + 8
        nxt, prev = self._neighbour_filters(tokens, best_index)
        return _Phrase("".join(pieces), best, anchor_first, before, nxt, prev)

    def compile(self, phrase: str) -> CompiledPattern:
        """Compile one pattern; the regex carries word boundaries at both ends."""
        inner = self._phrase(phrase)
        regex = r"(?<!\w)" + inner.regex
        if not phrase.split()[-1].endswith("*"):
            regex += r"(?![\w])"
        return CompiledPattern(
            phrase,
            regex,
            inner.anchors or frozenset(),
            inner.anchor_first,
            inner.before_chars,
            inner.next_prefixes,
            inner.prev_suffixes,
        )
