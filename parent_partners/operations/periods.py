"""Whole-month periods for dashboards and reports: ``YYYYMM`` month keys, their labels, the
``?from=YYYY-MM&to=YYYY-MM`` arguments that ask for them, and the period picker's choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def month_key(day: date) -> int:
    """``YYYYMM`` of a date."""
    return day.year * 100 + day.month


def add_months(month: int, count: int) -> int:
    """The ``YYYYMM`` month ``count`` months after ``month`` (before, if negative)."""
    index = (month // 100) * 12 + (month % 100 - 1) + count
    return (index // 12) * 100 + index % 12 + 1


def month_label(month: int, short: bool = False) -> str:
    """``March 2026`` (or ``Mar 2026``)."""
    name = MONTH_NAMES[month % 100 - 1]
    return f"{name[:3] if short else name} {month // 100}"


def month_value(month: int) -> str:
    """The form value of a month: ``2026-03``."""
    return f"{month // 100:04d}-{month % 100:02d}"


def parse_month(raw: str | None) -> int | None:
    """Read ``2026-03`` as 202603; None if it is not a month."""
    if not raw:
        return None
    try:
        year_text, month_text = raw.split("-", 1)
        year, month = int(year_text), int(month_text)
    except ValueError:
        return None
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return year * 100 + month


@dataclass(frozen=True)
class Period:
    """A run of whole months, from ``start`` to ``end`` inclusive (``YYYYMM``)."""

    start: int
    end: int

    @classmethod
    def from_args(cls, args: Any, today: date | None = None) -> Period:
        """The period asked for in ``?from=YYYY-MM&to=YYYY-MM`` (default: the last 12 months)."""
        this_month = month_key(today or date.today())
        end = parse_month(args.get("to")) or this_month
        start = parse_month(args.get("from")) or add_months(end, -11)
        if start > end:
            start, end = end, start
        return cls(start=start, end=end)

    @property
    def months(self) -> list[int]:
        """Every month of the period, in order."""
        out, month = [], self.start
        while month <= self.end:
            out.append(month)
            month = add_months(month, 1)
        return out

    @property
    def label(self) -> str:
        """``April 2025 to March 2026``."""
        if self.start == self.end:
            return month_label(self.start)
        return f"{month_label(self.start)} to {month_label(self.end)}"

    @property
    def args(self) -> dict[str, str]:
        """The query-string arguments that ask for this period again."""
        return {"from": month_value(self.start), "to": month_value(self.end)}

    @property
    def end_date(self) -> date:
        """The last day of the period."""
        following = add_months(self.end, 1)
        return date(following // 100, following % 100, 1) - timedelta(days=1)


def month_choices(today: date | None = None, back: int = 36) -> list[tuple[str, str]]:
    """Months offered in the period picker, newest first."""
    this_month = month_key(today or date.today())
    return [
        (month_value(add_months(this_month, -n)), month_label(add_months(this_month, -n)))
        for n in range(back)
    ]
