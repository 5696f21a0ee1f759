"""Copy the compiled GOV.UK Frontend assets from node_modules into the package's static folder,
and Swagger UI (the API reference page's viewer) beside them.

The compiled stylesheet refers to ``/assets/...`` from the site root; rewriting
those to relative URLs keeps it working when the app is mounted under a prefix
(plugin mode). The GDS Transport typeface is licensed for GOV.UK domains only,
so its ``@font-face`` rules are dropped and the stylesheet falls back to Arial,
as GOV.UK Frontend advises for services off GOV.UK.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "govuk-frontend" / "dist" / "govuk"
TARGET = ROOT / "parent_partners" / "static" / "govuk"
SWAGGER_SOURCE = ROOT / "node_modules" / "swagger-ui-dist"
SWAGGER_TARGET = ROOT / "parent_partners" / "static" / "swagger-ui"
SWAGGER_FILES = ("swagger-ui.css", "swagger-ui-bundle.js", "LICENSE", "NOTICE")

FONT_FACE = re.compile(r"@font-face\{[^}]*\}")


def main() -> int:
    """Build the static folder; exit 1 with a hint if ``npm ci`` has not been run."""
    css = SOURCE / "govuk-frontend.min.css"
    if not css.exists() or not (SWAGGER_SOURCE / "swagger-ui-bundle.js").exists():
        print("GOV.UK Frontend or Swagger UI is missing: run `npm ci` first.", file=sys.stderr)
        return 1
    if TARGET.exists():
        shutil.rmtree(TARGET)
    (TARGET / "assets").mkdir(parents=True)
    text = css.read_text(encoding="utf-8")
    text = FONT_FACE.sub("", text)
    text = text.replace("url(/assets/", "url(assets/")
    (TARGET / "govuk-frontend.min.css").write_text(text, encoding="utf-8")
    shutil.copy2(SOURCE / "govuk-frontend.min.js", TARGET / "govuk-frontend.min.js")
    shutil.copytree(SOURCE / "assets" / "images", TARGET / "assets" / "images")
    shutil.copy2(SOURCE / "assets" / "manifest.json", TARGET / "assets" / "manifest.json")
    print(f"GOV.UK Frontend assets copied to {TARGET.relative_to(ROOT)}")
    if SWAGGER_TARGET.exists():
        shutil.rmtree(SWAGGER_TARGET)
    SWAGGER_TARGET.mkdir(parents=True)
    for name in SWAGGER_FILES:
        if (SWAGGER_SOURCE / name).exists():
            shutil.copy2(SWAGGER_SOURCE / name, SWAGGER_TARGET / name)
    print(f"Swagger UI copied to {SWAGGER_TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
