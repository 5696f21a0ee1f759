"""Chart text summaries that say what a series did: where it started, ended, and its extremes."""

from __future__ import annotations

from collections.abc import Sequence


def describe_series(name: str, points: Sequence[tuple[str, float | None]]) -> str:
    """One sentence about a monthly percentage series, true to its lowest and highest months.

    "from 100% to 100%" hides a month at 0%; the lowest and highest months are named
    whenever they are not the first and last.
    """
    known = [(label, value) for label, value in points if value is not None]
    if not known:
        return f"{name}: no months with data."
    first, last = known[0], known[-1]
    if len(known) == 1:
        return f"{name} was {first[1]:.0f}% in {first[0]}, the only month with data."
    low = min(known, key=lambda point: point[1])
    high = max(known, key=lambda point: point[1])
    if low[1] == high[1]:
        return f"{name} was {first[1]:.0f}% in every month with data ({len(known)} months)."
    text = f"{name} went from {first[1]:.0f}% in {first[0]} to {last[1]:.0f}% in {last[0]}"
    extremes = []
    if low not in (first, last):
        extremes.append(f"lowest {low[1]:.0f}% in {low[0]}")
    if high not in (first, last):
        extremes.append(f"highest {high[1]:.0f}% in {high[0]}")
    return text + (f"; {' and '.join(extremes)}." if extremes else ".")
