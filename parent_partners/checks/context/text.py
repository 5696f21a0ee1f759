"""Small helpers the context modules share."""

from __future__ import annotations

import re
from collections.abc import Callable

# A position, or a function that works it out only when it is needed (see SentenceContext).
LazyPos = int | Callable[[], int]


def resolve(value: LazyPos) -> int:
    """The position itself, or what the function gives."""
    return value if isinstance(value, int) else value()


def for_lowered(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` without IGNORECASE, to run on lower-cased text (several times faster).

    Only for patterns whose letters are all lower-case, so that on text without the few
    letters IGNORECASE treats specially (see scan_text) both find the same matches.
    """
    if re.search(r"[A-Z]", re.sub(r"\\.", "", rx.pattern)):
        raise ValueError(f"pattern has upper-case letters: {rx.pattern[:40]!r}")
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def word_set(text: str) -> frozenset[str]:
    """A set of words from a whitespace-separated block (easier to read than a list)."""
    return frozenset(text.split())
