"""Precision, recall and F1 of the blame checker against a labelled corpus.

    python bench/quality.py --corpus ../shared/corpus/dev.jsonl [--show-errors]

Corpus lines follow LABELLING.md: {"id", "text", "child_blame", "parent_blame", "why"}.
An item counts as flagged for a kind when scan_text returns any finding of that kind.
When lines also carry "child_category" / "parent_category", each category is scored too:
an item counts as found for a category when a finding of that kind has that category.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parent_partners.checks import Finding, scan_text
from parent_partners.checks.categories import CATEGORIES, category_id

KINDS = ("child_blame", "parent_blame")


def load_corpus(path: Path) -> list[dict[str, object]]:
    """Read a JSON-lines corpus, skipping blank lines."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _rates(c: dict[str, int]) -> dict[str, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {**{k: float(v) for k, v in c.items()}, "precision": p, "recall": r, "f1": f1}


def score_categories(
    rows: list[dict[str, object]], found: list[list[Finding]]
) -> dict[str, dict[str, float]]:
    """Per-category figures, for corpora whose lines name the category (else empty)."""
    field = {"child_blame": "child_category", "parent_blame": "parent_category"}
    if not any(row.get(f) for row in rows for f in field.values()):
        return {}
    counts = {c.id: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for c in CATEGORIES}
    for row, findings in zip(rows, found, strict=True):
        for cat in CATEGORIES:
            want = bool(row[cat.kind]) and category_id(
                cat.kind, str(row.get(field[cat.kind]) or "")
            ) == cat.id
            got = any(f.kind == cat.kind and f.category == cat.id for f in findings)
            key = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
                (got, want), "tn"
            )
            counts[cat.id][key] += 1
    return {cid: _rates(c) for cid, c in counts.items()}


def score(rows: list[dict[str, object]]) -> tuple[dict[str, dict[str, float]], list[str]]:
    """Per-kind TP/FP/FN, precision, recall, F1; plus a list of error lines."""
    results, errors, _ = score_all(rows)
    return results, errors


def score_all(
    rows: list[dict[str, object]],
) -> tuple[dict[str, dict[str, float]], list[str], dict[str, dict[str, float]]]:
    """Per-kind figures, error lines, and per-category figures (empty without categories)."""
    counts = {k: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for k in KINDS}
    errors: list[str] = []
    every: list[list[Finding]] = []
    for row in rows:
        text = str(row["text"])
        findings: list[Finding] = scan_text(text)
        every.append(findings)
        for kind in KINDS:
            got = any(f.kind == kind for f in findings)
            want = bool(row[kind])
            key = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
                (got, want), "tn"
            )
            counts[kind][key] += 1
            if key == "fp":
                hits = "; ".join(f"{f.rule}:{f.matched!r}" for f in findings if f.kind == kind)
                errors.append(f"FALSE ALARM {kind} [{row['id']}] {text}\n    -> {hits}")
            elif key == "fn":
                errors.append(f"MISS        {kind} [{row['id']}] {text}\n    ({row.get('why')})")
    out = {kind: _rates(c) for kind, c in counts.items()}
    return out, errors, score_categories(rows, every)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    rows = load_corpus(args.corpus)
    started = time.perf_counter()
    results, errors, per_category = score_all(rows)
    elapsed = time.perf_counter() - started
    print(f"corpus: {args.corpus} ({len(rows)} items, scored in {elapsed:.2f} s)")
    print(f"{'kind':<14}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
    for kind, r in results.items():
        print(
            f"{kind:<14}{int(r['tp']):>5}{int(r['fp']):>5}{int(r['fn']):>5}"
            f"{r['precision']:>11.3f}{r['recall']:>8.3f}{r['f1']:>7.3f}"
        )
    print(f"macro F1 (kinds): {sum(r['f1'] for r in results.values()) / len(results):.3f}")
    if per_category:
        print()
        print(f"{'category':<24}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
        for cid, r in per_category.items():
            print(
                f"{cid:<24}{int(r['tp']):>5}{int(r['fp']):>5}{int(r['fn']):>5}"
                f"{r['precision']:>11.3f}{r['recall']:>8.3f}{r['f1']:>7.3f}"
            )
        present = [r for r in per_category.values() if r["tp"] + r["fn"] > 0]
        macro = sum(r["f1"] for r in present) / max(1, len(present))
        print(f"macro F1 (categories present): {macro:.3f}")
    if args.show_errors:
        print()
        print("\n".join(errors) if errors else "no errors")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
