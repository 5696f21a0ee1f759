"""Where the service's non-Python files live.

In a source checkout the templates and migrations sit at the top level (the design card's
layout); a built wheel carries them inside the package (setup.py copies them in). Both
layouts resolve here, so nothing else needs to know which one it is running from.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled_or_checkout(name: str, marker: str) -> Path:
    # The marker file, not the folder, decides: a stray empty folder left in a checkout
    # must not hide the real one.
    bundled = PACKAGE_DIR / name
    return bundled if (bundled / marker).is_file() else PACKAGE_DIR.parent / name


TEMPLATES_DIR = _bundled_or_checkout("templates", "parent_partners/base.html")
MIGRATIONS_DIR = _bundled_or_checkout("migrations", "env.py")
STATIC_DIR = PACKAGE_DIR / "static"
