"""Sentences: where the sentence around a match starts and ends, and its neighbours."""

from __future__ import annotations

from parent_partners.checks.context import (
    SentenceContext,
    next_sentence_end,
    previous_sentence_start,
    sentence_span,
)


def _sentence(text: str, words: str) -> str:
    start, end = sentence_span(text, text.index(words))
    return text[start:end]


def test_a_full_stop_ends_a_sentence_but_a_title_does_not() -> None:
    text = "We met Mr. Khan at home. Kai is streetwise. He left."
    assert _sentence(text, "Khan") == "We met Mr. Khan at home."
    assert _sentence(text, "streetwise") == "Kai is streetwise."


def test_a_blank_line_or_a_list_item_ends_a_sentence() -> None:
    text = "Actions agreed\n\nKai to attend college\n- Mum to call school"
    assert _sentence(text, "college") == "Kai to attend college"
    assert _sentence(text, "Mum") == "- Mum to call school"


def test_neighbouring_sentences() -> None:
    text = "First one. Second one. Third one."
    start, end = sentence_span(text, text.index("Second"))
    assert text[previous_sentence_start(text, start) : end] == "First one. Second one."
    assert text[start : next_sentence_end(text, end)] == "Second one. Third one."


def test_quotes_near_a_sentence_are_found_only_when_there_are_any() -> None:
    text = 'Mum said "he is fine". Kai is streetwise. He left.'
    start, end = sentence_span(text, text.index("Kai"))
    assert [text[a:b] for a, b in SentenceContext(text, start, end).quotes] == ['"he is fine"']
    plain = "Kai is streetwise. He left."
    assert SentenceContext(plain, 0, 18).quotes == []
