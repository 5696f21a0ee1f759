"""axe-core (through axe-playwright-python) with the WCAG 2.0, 2.1 and 2.2 A and AA rules.

``Auditor`` runs axe on the page as it is now and keeps what it found, so a
journey can audit after each step and fail once, at the end, with a readable
list of every violation on every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": WCAG_TAGS},
    "resultTypes": ["violations"],
}

_axe = Axe()
NODES_SHOWN = 3

# axe 4.12 no longer reports duplicate ids under the WCAG tags; labels and ARIA still break
# on them (a label points at the first element of an id), so they are checked here too.
DUPLICATE_IDS = """
() => {
  const counts = {}
  for (const el of document.querySelectorAll('[id]')) counts[el.id] = (counts[el.id] || 0) + 1
  return Object.keys(counts).filter(id => counts[id] > 1)
}
"""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The WCAG A/AA violations axe finds on ``page`` as it is now."""
    results = _axe.run(page, options=AXE_OPTIONS)
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


def describe(where: str, violations: list[dict[str, Any]]) -> str:
    """A readable account of ``violations``: rule, impact, help, and up to 3 elements each."""
    lines = [f"{where}:"]
    for violation in violations:
        lines.append(
            f"  {violation['id']} ({violation['impact']}): {violation['help']}"
            f" [{len(violation['nodes'])} element(s)]"
        )
        for node in violation["nodes"][:NODES_SHOWN]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    - {target}: {node['failureSummary'].splitlines()[-1].strip()}")
            lines.append(f"      {node['html'][:160]}")
    return "\n".join(lines)


@dataclass
class Auditor:
    """Audit pages as a journey reaches them; ``assert_clean`` fails with everything found."""

    pages: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def audit(self, page: Any, label: str | None = None) -> None:
        """Run axe on ``page`` now and remember any violations under ``label`` (or its URL)."""
        where = f"{label} ({page.url})" if label else page.url
        self.pages.append(where)
        violations = axe_violations(page)
        if violations:
            self.problems.append(describe(where, violations))
        duplicates = page.evaluate(DUPLICATE_IDS)
        if duplicates:
            self.problems.append(f"{where}:\n  duplicate ids: {', '.join(duplicates)}")

    def assert_clean(self) -> None:
        """Fail, listing every violation on every page audited, if there were any."""
        assert not self.problems, (
            f"axe found WCAG 2.2 A/AA violations on {len(self.problems)} of "
            f"{len(self.pages)} pages:\n" + "\n".join(self.problems)
        )
