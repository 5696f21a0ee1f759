"""A vocabulary as (value, label) pairs, and the look-ups every vocabulary shares.

Values are stored; labels are what people read. Keep values stable: they are in the database
and in the API.
"""

from __future__ import annotations

Choices = list[tuple[str, str]]


def label(choices: Choices, value: str | None) -> str:
    """Return the label for ``value`` in ``choices``, or the value itself if unknown."""
    if value is None:
        return ""
    return dict(choices).get(value, value)


def labels(choices: Choices, stored: list[str] | None) -> str:
    """Return the labels for several stored values, joined with commas."""
    return ", ".join(label(choices, value) for value in stored or [])


def values(choices: Choices) -> list[str]:
    """Return the stored values of ``choices``."""
    return [value for value, _ in choices]
