"""Audited downloads answer only requests made from this site.

A download that writes an access trail event ("downloaded the dashboard", "exported everything
held about a child") must be something the person chose to do here. A link or a hidden
image on another site would otherwise make their browser fetch it, with their cookie,
and put an export they never made in the access trail. Browsers say where a request came
from in ``Sec-Fetch-Site`` (and ``Origin`` on most others): anything other than this
site, or a request the person typed or bookmarked (``none``), is refused with a 403.
Clients that send neither header (scripts, older browsers) are not browsers being
tricked, and are let through.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, request

ALLOWED_FETCH_SITES = {"same-origin", "none"}


def require_same_site() -> None:
    """403 unless the request came from this site (or was typed, or is not from a browser)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site.lower() not in ALLOWED_FETCH_SITES:
        abort(403)
    origin = request.headers.get("Origin")
    if origin is not None and fetch_site is None:
        parts = urlsplit(origin)
        if f"{parts.scheme}://{parts.netloc}" != request.host_url.rstrip("/"):
            abort(403)
