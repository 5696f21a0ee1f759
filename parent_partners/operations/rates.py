"""Rates the dashboards show, and when there is too little to work one out.

A rate on a handful of records swings wildly (one record in a month is "300 flags per 100
involvements"), so a rate is given only when what it divides by is at least ``MIN_BASE``;
on fewer the pages say "fewer than 10" and the charts leave the point out.
"""

from __future__ import annotations

MIN_BASE = 10


def rate(part: int, whole: int, scale: int = 100) -> float | None:
    """``part`` per ``scale`` of ``whole``, or None when ``whole`` is under ``MIN_BASE``."""
    return scale * part / whole if whole >= MIN_BASE else None


def too_few(whole: int) -> bool:
    """Whether there is something to divide by, but too little to give a rate."""
    return 0 < whole < MIN_BASE
