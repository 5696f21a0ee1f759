"""What every paged listing shares: how many items in all, which page, how many a page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Paging:
    """The counts behind a paged listing; each listing adds the items of its page."""

    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """How many pages the listing fills: at least one, so an empty list still has its page."""
        return max(1, -(-self.total // self.per_page))
