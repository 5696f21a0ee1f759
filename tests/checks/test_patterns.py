"""The lexicon pattern notation: inflections, gaps, alternatives, anchors."""

import re

import pytest

from parent_partners.checks.patterns import PatternCompiler, PatternError, inflect

MACROS = {"REFL": ["himself", "herself", "themselves"], "BE": ["is", "was", "has been"]}


def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(PatternCompiler(MACROS).compile(pattern).regex, re.IGNORECASE)


@pytest.mark.parametrize(
    "lemma, forms",
    [
        ("put", {"put", "puts", "putting"}),
        ("place", {"place", "places", "placed", "placing"}),
        ("choose", {"choose", "chooses", "chose", "chosen", "choosing"}),
        ("drop", {"drops", "dropped", "dropping"}),
        ("try", {"tries", "tried", "trying"}),
    ],
)
def test_inflect_covers_forms(lemma: str, forms: set[str]) -> None:
    assert forms <= set(inflect(lemma))


@pytest.mark.parametrize(
    "text",
    [
        "she put herself at risk",
        "he puts himself at risk",
        "they are putting themselves at serious risk",
        "placed herself at risk",
        "placing himself in danger",
    ],
)
def test_lemma_and_gap_match(text: str) -> None:
    assert compiled("put~|place~ @REFL _{0,2} risk|danger").search(text)


def test_gap_is_bounded_and_never_crosses_a_sentence() -> None:
    rx = compiled("put~ @REFL _{0,2} risk")
    assert not rx.search("she put herself in a very difficult and risky spot at risk")
    assert not rx.search("she put herself first. Risk was discussed")


def test_gap_never_swallows_a_negation() -> None:
    rx = compiled("@BE _{0,2} resistant")
    assert rx.search("Dad was very resistant")
    assert not rx.search("Dad is not resistant")


def test_hyphen_and_apostrophe_variants() -> None:
    rx = compiled("non-engaging")
    for text in ("non-engaging", "non engaging", "nonengaging"):
        assert rx.search(text)
    assert compiled("won't listen").search("he won’t listen")


def test_multiword_alternative_and_word_boundaries() -> None:
    rx = compiled("by|out+of choice")
    assert rx.search("went missing out of choice")
    assert rx.search("by choice")
    assert not compiled("lax").search("relaxed")


def test_prefix_star_and_adult_age() -> None:
    assert compiled("manipulat*").search("manipulating")
    rx = compiled("with a #ADULTAGE")
    assert rx.search("with a 24-year-old")
    assert rx.search("with a twenty six year old")
    assert not rx.search("with a 14-year-old")


def test_a_prefix_match_takes_the_whole_word_before_an_exclusion() -> None:
    # An exclusion after a prefix pattern must not pass by matching half the word.
    rx = compiled("non-complian*")
    excluded = re.compile(rx.pattern + r"(?!\s+parents)", re.IGNORECASE)
    assert excluded.match("Non-compliant parents were more likely") is None
    found = excluded.match("Non-compliant with the plan")
    assert found is not None and found.group() == "Non-compliant"


def test_anchor_prefers_rare_words() -> None:
    cp = PatternCompiler(MACROS).compile("@BE _{0,2} hostile")
    assert cp.anchors == frozenset({"hostile"})
    assert not cp.anchor_first


@pytest.mark.parametrize("bad", ["_ risky", "risky _", "risky lax?", "@NOPE word", "a,b"])
def test_bad_patterns_are_rejected(bad: str) -> None:
    with pytest.raises(PatternError):
        PatternCompiler(MACROS).compile(bad)
