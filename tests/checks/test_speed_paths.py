"""The scanner's shortcuts never change what it finds.

Each shortcut (neighbour-word rejection, matching on lower-cased text, the near-first
sentence-boundary scan, the quote pre-check, the negation pre-check) is switched off by
monkeypatching, and the findings on many random word soups built from the lexicon's own
vocabulary must stay exactly the same.
"""

import random
import re

import pytest

from parent_partners.checks import candidates, default_lexicon, scan_text, text_scan
from parent_partners.checks.context import negation, sentences
from parent_partners.checks.patterns import inflect

SEPARATORS = [" "] * 40 + ["  ", ", ", " ,", "-", " - ", "\n", ". ", "; ", "! ", "\u2009", "\n\n"]
QUOTES = ["'", "’", '"', "“", "”", "‘"]
PEOPLE = [
    "Mum",
    "Dad",
    "she",
    "he",
    "they",
    "Kai",
    "Leah",
    "mum's",
    "the",
    "men",
    "I",
    "we",
    "officer",
    "school",
    "said",
    "told",
]
EXTRA = [
    "not",
    "no",
    "never",
    "but",
    "however",
    "rather",
    "than",
    "avoid",
    "describing",
    "the",
    "word",
    "İ",
    "ſ",
    "ı",
    "Mr.",
    "e.g.",
]


def _vocabulary() -> list[str]:
    lex = default_lexicon()
    words: set[str] = set(PEOPLE) | set(EXTRA)
    for rule in lex.rules:
        for pattern in rule.patterns:
            for token in pattern.split():
                for alt in token.rstrip("?").split("|"):
                    for word in alt.split("+"):
                        bare = word.strip("~*@#")
                        if bare and not bare.startswith("_") and bare.upper() != bare:
                            words.add(bare)
    for phrases in lex.macros.values():
        for phrase in phrases:
            words.update(w for w in phrase.split() if not w.startswith(("#", "_", "@")))
    return sorted(words)


def _instance(rng: random.Random, pattern: str, macros: dict[str, list[str]]) -> list[str]:
    """Words of one random phrase the pattern matches (or nearly matches)."""
    out: list[str] = []
    for token in pattern.split():
        gap = re.fullmatch(r"_(?:\{(\d+),(\d+)\})?", token)
        if gap:
            lo, hi = int(gap.group(1) or 1), int(gap.group(2) or 1)
            out += [
                rng.choice(["really", "very", "the", "not", "often", "Kai"])
                for _ in range(rng.randint(lo, hi))
            ]
            continue
        if token.endswith("?") and len(token) > 1:
            if rng.random() < 0.5:
                continue
            token = token[:-1]
        alt = rng.choice(token.split("|"))
        for word in alt.split("+"):
            if word.startswith("@"):
                out += _instance(rng, rng.choice(macros[word[1:]]), macros)
            elif word == "#NAME":
                out.append(rng.choice(["Kai", "Leah", "Mason"]))
            elif word == "#ADULTAGE":
                out.append(rng.choice(["24-year-old", "19 year old", "twenty-six-year-old"]))
            elif word == "#ADULTNUM":
                out.append(rng.choice(["24", "19", "31"]))
            elif word.endswith("~"):
                out.append(rng.choice(inflect(word[:-1])))
            elif word.endswith("*"):
                out.append(word[:-1] + rng.choice(["", "ing", "ed", "-ish"]))
            else:
                out.append(word.replace("-", rng.choice(["-", " ", ""])))
    return out


def _soup(rng: random.Random, vocab: list[str]) -> str:
    parts: list[str] = []
    lex = default_lexicon()
    macros = {k: list(v) for k, v in lex.macros.items()}
    words: list[str] = []
    for _ in range(rng.randint(1, 12)):
        words += [rng.choice(vocab) for _ in range(rng.randint(0, 4))]
        rule = rng.choice(lex.rules)
        words += _instance(rng, rng.choice(rule.patterns), macros)
    for word in words:
        roll = rng.random()
        if roll < 0.1:
            word = word.capitalize()
        elif roll < 0.13:
            word = word.upper()
        elif roll < 0.18:
            word = rng.choice(QUOTES) + word
        elif roll < 0.23:
            word += rng.choice(QUOTES)
        elif roll < 0.26:
            word += "s"
        parts.append(word)
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts)


@pytest.fixture(scope="module")
def soups() -> list[str]:
    rng = random.Random(2024)
    vocab = _vocabulary()
    return [_soup(rng, vocab) for _ in range(1200)]


def _all(texts: list[str]) -> list[list[tuple[str, str, int | None, int | None]]]:
    return [[(f.kind, f.rule, f.start, f.end) for f in scan_text(t)] for t in texts]


def test_shortcuts_find_the_same(soups: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _all(soups)
    assert sum(map(len, fast)) > 2000  # the soups do exercise the rules
    monkeypatch.setattr(candidates, "plain_case", lambda text: False)
    monkeypatch.setattr(text_scan, "plain_case", lambda text: False)
    monkeypatch.setattr(sentences, "_NEAR", 10**6)
    monkeypatch.setattr(sentences, "may_have_quotes", lambda text, start, end: True)
    monkeypatch.setattr(negation, "_NEG_ANY", re.compile(""))
    slow = _all(soups)
    assert fast == slow


def test_plain_case_detects_special_letters() -> None:
    assert candidates.plain_case("Kai is streetwise. “Quotes” are fine.")
    for odd in ("İ", "ı", "ſ"):
        assert not candidates.plain_case(f"Kai is {odd} streetwise.")


def test_warm_up_leaves_nothing_to_build_on_the_first_check(monkeypatch):
    """A practitioner's first save after start-up compiles no word-sense patterns."""
    from parent_partners.checks import warm_up
    from parent_partners.checks.learned import combine

    combine._rules_with_exclusions.cache_clear()
    warm_up()

    def built_late(*args, **kwargs):
        raise AssertionError("word-sense patterns compiled during a check")

    monkeypatch.setattr(combine, "_plain", built_late)
    combine.DETAILS.clear()
    combine.VERDICTS.clear()
    # The learned verdict word "aggressive" is read for its other sense ("in defending").
    assert scan_text("Mum is aggressive in defending her son and has pushed police to act.") == []
