"""Quotes and voices: whose words a match is, and whether the writer challenges a report."""

from __future__ import annotations

import pytest

from parent_partners.checks.context import enclosing_quote, quote_spans
from tests.checks.context_support import voice


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Kai's mum said 'don't' and \"enough\"."
    quoted = [text[a:b] for a, b in quote_spans(text, 0, len(text))]
    assert quoted == ["'don't'", '"enough"']


def test_a_match_inside_quotation_marks_is_enclosed() -> None:
    spans = [(10, 20)]
    assert enclosing_quote(spans, 12, 15) == (10, 20)
    assert enclosing_quote(spans, 18, 22) is None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        ('Kai said "I chose to go with them."', "chose", "child"),
        ('Mum said he was "out of control".', "out of control", "parent"),
    ],
)
def test_quoted_child_or_parent_is_their_voice(text: str, words: str, speaker: str) -> None:
    assert voice(text, words) == ("voice", speaker)


def test_unattributed_quotation_is_taken_as_someone_elses_term() -> None:
    assert voice('He says the men are his "friends".', "friends").status == "voice"


def test_plain_writing_is_the_writers_own() -> None:
    assert voice("He is streetwise.", "streetwise") == ("own", None)


def test_a_professional_report_left_standing_is_reported() -> None:
    assert voice("The officer described him as a runner.", "a runner") == ("reported", "service")


def test_a_report_the_writer_challenges_is_not_the_writers() -> None:
    found = voice("The officer described him as a runner. I challenged this.", "a runner")
    assert found == ("reported_challenged", "service")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The 2022 plan called Nia 'boy mad'. That word hides what adults were doing.", "boy mad"),
        ("Police described Ty as a runner. The panel rejects that description.", "a runner"),
        ('The PSR described Jay as "gang-involved"; the label has since been removed.', "gang"),
        ("Earlier notes said mum was colluding; she had in fact called police twice.", "colluding"),
        ("The school called Ellie 'disengaged'. The chair asked that they instead record why.",
         "disengaged"),
    ],
)
def test_a_report_answered_in_other_words_is_challenged(text: str, words: str) -> None:
    assert voice(text, words).status == "reported_challenged"


def test_a_claim_named_as_a_noun_is_answered_by_whoever_names_it() -> None:
    # "I" rejects the suggestion: the words are not the writer's, however the sentence opens.
    text = "I reject the suggestion that mum colluded with the men."
    assert voice(text, "colluded").status == "reported_challenged"
    assert voice("There was a suggestion that mum colluded.", "colluded").status == "reported"


def test_a_report_the_writer_endorses_is_the_writers_own() -> None:
    found = voice("The officer described him as a runner, which is accurate.", "a runner")
    assert found.status == "own"


def test_reporting_stops_at_but() -> None:
    # The words after "but" are the writer's again.
    assert (
        voice("The officer said he was scared, but he is streetwise.", "streetwise").status == "own"
    )
