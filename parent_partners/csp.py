"""The Content-Security-Policy of the service's responses, and how a host extends it.

A host that serves images, fonts or scripts from elsewhere (its own header's logo on a
CDN, say) adds sources with ``PARTNERS_CSP_EXTRA``::

    app.config["PARTNERS_CSP_EXTRA"] = {
        "img-src": ["https://assets.council.example"],
        "script-src": ["https://analytics.council.example"],
    }

Each source is added to the service's own for that directive (a directive the service sets to
``'none'`` takes the host's sources instead, and one it does not set is added). The
per-request nonce stays in ``script-src``, so the service's inline-free pages keep working.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

CONFIG_KEY = "PARTNERS_CSP_EXTRA"

_DIRECTIVE = re.compile(r"^[a-z][a-z-]*$")
# A source is one token: no spaces, and nothing that would end the directive or the header.
_SOURCE = re.compile(r"^[^\s;,]+$")


def base_policy(nonce: str) -> dict[str, list[str]]:
    """The service's own policy: its own origin only, scripts by nonce, no framing."""
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def normalise(extra: Mapping[str, str | Iterable[str]] | None) -> dict[str, list[str]]:
    """Check a host's extra sources and return them as lists; a bad entry is a ValueError."""
    if not extra:
        return {}
    if not isinstance(extra, Mapping):
        raise ValueError(f"{CONFIG_KEY} must be a dict of directive to sources")
    checked: dict[str, list[str]] = {}
    for directive, value in extra.items():
        if not isinstance(directive, str) or not _DIRECTIVE.match(directive):
            raise ValueError(f"{CONFIG_KEY}: {directive!r} is not a CSP directive name")
        sources = value.split() if isinstance(value, str) else list(value)
        for source in sources:
            if not isinstance(source, str) or not _SOURCE.match(source):
                raise ValueError(f"{CONFIG_KEY}[{directive!r}]: {source!r} is not one CSP source")
        checked[directive] = sources
    return checked


def header(nonce: str, *extras: Mapping[str, list[str]]) -> str:
    """The Content-Security-Policy header value: the service's policy plus ``extras``."""
    sources = base_policy(nonce)
    for extra in extras:
        for directive, added in extra.items():
            if not added:
                continue
            own = sources.get(directive, [])
            if own == ["'none'"]:
                own = []
            sources[directive] = own + [source for source in added if source not in own]
    return "; ".join(f"{directive} {' '.join(values)}" for directive, values in sources.items())
