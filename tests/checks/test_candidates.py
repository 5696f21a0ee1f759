"""Candidates: where a rule's wording matches, before any context is considered."""

from __future__ import annotations

from parent_partners.checks import default_lexicon, load_lexicon
from parent_partners.checks.candidates import find_candidates, plain_case


def _found(text: str) -> list[tuple[str, str]]:
    lexicon = default_lexicon()
    return [(text[s:e], lexicon.rules[r].id) for s, e, r in find_candidates(text, lexicon)]


def test_a_plain_sentence_has_no_candidates() -> None:
    assert _found("We met at the library and talked about college.") == []


def test_wording_is_found_whatever_its_case() -> None:
    assert _found("He is STREETWISE.") == [("STREETWISE", "streetwise")]


def test_two_rules_can_match_the_same_words() -> None:
    # Context decides later whether "hard to reach" is about the child or a parent.
    assert sorted(_found("Mum is hard to reach.")) == [
        ("hard to reach", "non_engagement_child"),
        ("hard to reach", "non_engagement_parent"),
    ]


def test_longest_match_comes_first_at_each_start() -> None:
    found = _found("He was dealing drugs.")
    assert found[0] == ("dealing drugs", "criminal_label")
    assert ("dealing", "dealing") in found


def test_a_rules_exclusions_stop_the_candidate() -> None:
    # "dealing with" is coping, not selling drugs.
    assert _found("She is dealing with a lot at home.") == []


def test_anchor_words_match_only_whole_words() -> None:
    lexicon = load_lexicon(
        extra_rules=[
            {
                "id": "test_sulky",
                "kind": "child_blame",
                "patterns": ["sulky"],
                "suggestions": ["Say what happened."],
                "source": "test",
                "note": "test",
            }
        ]
    )
    rule = next(i for i, r in enumerate(lexicon.rules) if r.id == "test_sulky")
    assert [c for c in find_candidates("He was sulky.", lexicon) if c[2] == rule]
    assert not [c for c in find_candidates("He was unsulkyish.", lexicon) if c[2] == rule]


def test_special_letters_switch_off_the_neighbour_shortcut() -> None:
    assert plain_case("Kai is streetwise.")
    assert not plain_case("Kai is \u0130 streetwise.")
