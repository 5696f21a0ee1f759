"""Helpers for the context unit tests: ask each question about one phrase in a sentence."""

from __future__ import annotations

from parent_partners.checks.context import (
    SentenceContext,
    Voice,
    sentence_span,
    subject_roles,
    voice_of,
)


def span(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` first occur in ``text``."""
    start = text.index(words)
    return start, start + len(words)


def voice(text: str, words: str) -> Voice:
    """Whose words ``words`` are in ``text``."""
    start, end = span(text, words)
    s_start, s_end = sentence_span(text, start)
    around = SentenceContext(text, s_start, s_end)
    return voice_of(
        text, start, end, s_start, s_end, around.ctx_start, around.quotes, around.window_end
    )


def about(text: str, words: str) -> set[str]:
    """Who ``words`` are about in ``text`` (roles, with "name" for a bare first name)."""
    start, _ = span(text, words)
    s_start, s_end = sentence_span(text, start)
    around = SentenceContext(text, s_start, s_end)
    return subject_roles(text, start, s_start, around.ctx_start, around.quotes, names=True)
