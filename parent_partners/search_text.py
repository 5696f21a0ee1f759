"""Folding text for search, so "zoe", "Zoë" and "ZOE" find the same child.

Pure Python: the same fold makes the stored search key and reads the query, on
SQLite and PostgreSQL alike (neither database folds accents the same way).
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, with single spaces between words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.translate(_LETTERS).split())


def search_key(child_name: str, reference: str, carer_names: list[str]) -> str:
    """The folded text a case is found by: the child's name, its reference, its carers' names."""
    return " | ".join(fold(part) for part in [child_name, reference, *carer_names] if part)


def query_words(query: str) -> list[str]:
    """Split a search into folded words; a case matches when its key holds every one."""
    return fold(query).split()[:8]
