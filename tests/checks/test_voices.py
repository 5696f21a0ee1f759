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


def test_a_report_the_writer_endorses_is_the_writers_own() -> None:
    found = voice("The officer described him as a runner, which is accurate.", "a runner")
    assert found.status == "own"


def test_reporting_stops_at_but() -> None:
    # The words after "but" are the writer's again.
    assert (
        voice("The officer said he was scared, but he is streetwise.", "streetwise").status == "own"
    )
