"""GOV.UK pagination for any paged list, linking back to the page being viewed."""

from __future__ import annotations

from typing import Any, Protocol

from flask import request, url_for

# Pages shown either side of the current one before an ellipsis.
WINDOW = 2


class Paged(Protocol):
    """Anything with a current page and a number of pages."""

    page: int

    @property
    def pages(self) -> int:
        """How many pages there are."""


def _href(page: int) -> str:
    values: dict[str, Any] = {**(request.view_args or {}), **request.args.to_dict(), "page": page}
    return url_for(str(request.endpoint), **values)


def pagination(listing: Paged) -> dict[str, Any]:
    """Return ``govukPagination`` parameters for ``listing``, keeping the page's other filters.

    Only the first, last and nearby pages are listed, so a list of thousands of
    pages costs the same to draw as a list of ten.
    """
    page, pages = listing.page, listing.pages
    shown = sorted({1, pages, *range(max(1, page - WINDOW), min(pages, page + WINDOW) + 1)})
    items: list[dict[str, Any]] = []
    previous = 0
    for number in shown:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": _href(number), "current": number == page})
        previous = number
    return {
        "previous": {"href": _href(page - 1)} if page > 1 else None,
        "next": {"href": _href(page + 1)} if page < pages else None,
        "items": items,
    }
