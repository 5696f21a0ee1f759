"""Each vocabulary is defined once, in ``parent_partners/vocabulary/``: no module spells out a
vocabulary's values again, where a new value would be missed."""

from __future__ import annotations

import ast
from pathlib import Path

from parent_partners import vocabulary
from parent_partners.checks import findings
from parent_partners.vocabulary import age_bands, values

PACKAGE = Path(vocabulary.__file__).resolve().parents[1]
# Where a vocabulary's values are written down: its own module, and the checker's kinds
# (the checker must not import the app, so the vocabulary takes them from it).
HOMES = {PACKAGE / "vocabulary", Path(findings.__file__).resolve()}

VOCABULARIES = {
    name: frozenset(values(getattr(vocabulary, name)))
    for name in vocabulary.__all__
    if name.isupper() and isinstance(getattr(vocabulary, name), list)
}
VOCABULARIES["OPEN_FLAG_STATUSES"] = frozenset(vocabulary.OPEN_FLAG_STATUSES)
VOCABULARIES["BLAME_KINDS"] = frozenset(vocabulary.BLAME_KINDS)
VOCABULARIES["TEAM_ROLES"] = frozenset(vocabulary.TEAM_ROLES)


def _literal_sets(tree: ast.AST) -> list[tuple[int, frozenset[str]]]:
    found = []
    for node in ast.walk(tree):
        # Tables keyed by a vocabulary's values (weights, wording) are data about it, not copies.
        if not isinstance(node, ast.Tuple | ast.List | ast.Set):
            continue
        items = node.elts
        strings = [
            i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
        ]
        if len(strings) >= 2 and len(strings) == len(items):
            found.append((node.lineno, frozenset(strings)))
    return found


def _outside_homes() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if not any(path == home or home in path.parents for home in HOMES)
    ]


def test_no_vocabulary_is_spelled_out_twice() -> None:
    """A literal sequence of one vocabulary's values outside its module is a second definition."""
    repeats = [
        f"{path.relative_to(PACKAGE.parent)}:{line} repeats {name}"
        for path in _outside_homes()
        for line, strings in _literal_sets(ast.parse(path.read_text(encoding="utf-8")))
        for name, known in VOCABULARIES.items()
        if strings == known
    ]
    assert repeats == []


def test_the_scan_recognises_a_repeated_vocabulary() -> None:
    """The scan above finds a copy of the open statuses, so its empty answer means something."""
    copy = ast.parse('OPEN = ("reopened", "open")')
    assert (1, VOCABULARIES["OPEN_FLAG_STATUSES"]) in _literal_sets(copy)


def test_age_bands_in_sql_and_labels_agree() -> None:
    """Every band the SQL can produce has a label on the fairness view, and no label is spare."""
    produced = {band for band, _ in age_bands.UPPER_AGES} | {
        age_bands.OLDEST,
        age_bands.NOT_RECORDED,
    }
    assert produced == set(values(vocabulary.AGE_BANDS))
