"""Prove that a change to the scanner keeps its output identical on a large sample.

    python bench/compare_findings.py --dump /tmp/before.json      # with the old code
    python bench/compare_findings.py --against /tmp/before.json   # with the new code

The sample is the synthetic notes of ``bench/speed.py`` (several seeds, scanned both as
one long text and paragraph by paragraph) plus seeded paragraphs stitched together from
the labelled sentences of every corpus in the repository (bench/corpus/*.jsonl,
training/blame/*.jsonl, training/tuning/dev.jsonl), each on its own and stitched together
with random spacing, line breaks and case changes. Every finding (kind, rule, span,
matched words, category, confidence) of every text is compared.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from speed import build_corpus  # noqa: E402

import parent_partners.checks  # noqa: E402

CORPORA = (
    *sorted((ROOT / "bench" / "corpus").glob("*.jsonl")),
    *sorted((ROOT / "training" / "blame").glob("*.jsonl")),
    ROOT / "training" / "tuning" / "dev.jsonl",
)


def _sentences() -> list[str]:
    out: list[str] = []
    for path in CORPORA:
        if path.exists():
            for line in path.read_text("utf-8").splitlines():
                # corrections.jsonl holds label corrections by id, with no text.
                row = json.loads(line) if line.strip() else {}
                if "text" in row:
                    out.append(str(row["text"]))
    return out


def _mangle(rng: random.Random, text: str) -> str:
    roll = rng.random()
    if roll < 0.1:
        return text.upper()
    if roll < 0.2:
        return text.lower()
    if roll < 0.3:
        return text.replace(" ", "  ")
    if roll < 0.35:
        return text.replace("'", "’")
    if roll < 0.4:
        return text.rstrip(".") + "\n"
    if roll < 0.43:
        # Letters that IGNORECASE treats specially: the scanner's plain-case paths switch off.
        return "İstanbul: " + text.replace(" is ", " iſ ", 1)
    if roll < 0.46:
        return text.replace(" ", "\u2009", 2).replace(",", " ,")
    return text


def sample(seeds: int, megabytes: float) -> list[str]:
    """Seeded texts to scan: synthetic notes and stitched development sentences."""
    texts: list[str] = []
    for seed in range(seeds):
        big = build_corpus(megabytes, seed)
        texts.append(big)
        texts.extend(big.split("\n\n")[:3000])
    pool = _sentences()
    rng = random.Random(12345)
    texts.extend(pool)
    for _ in range(6000):
        k = rng.randint(1, 6)
        parts = [_mangle(rng, rng.choice(pool)) for _ in range(k)]
        joiner = rng.choice([" ", " ", "\n", "\n\n", "  "])
        texts.append(joiner.join(parts))
    return texts


Row = list[tuple[str, str, int | None, int | None, str | None, str | None, float | None]]


def run(texts: list[str], scan: Callable[[str], list[Any]]) -> list[Row]:
    """Findings of every text as plain tuples."""
    return [
        [(f.kind, f.rule, f.start, f.end, f.matched, f.category, f.confidence) for f in scan(text)]
        for text in texts
    ]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--mb", type=float, default=2.0)
    parser.add_argument(
        "--module",
        help="scan with another copy of the package instead (e.g. orig_checks), found on --path",
    )
    parser.add_argument("--path", type=Path)
    args = parser.parse_args(argv)
    scan: Callable[[str], list[Any]] = parent_partners.checks.scan_text
    if args.module:
        if args.path:
            sys.path.insert(0, str(args.path))
        scan = importlib.import_module(args.module).scan_text
    texts = sample(args.seeds, args.mb)
    results = run(texts, scan)
    total = sum(len(r) for r in results)
    digest = hashlib.sha256(json.dumps(results).encode()).hexdigest()[:16]
    print(f"{len(texts)} texts, {total} findings, digest {digest}")
    if args.dump:
        args.dump.write_text(json.dumps(results), "utf-8")
    if args.against:
        before = json.loads(args.against.read_text("utf-8"))
        now = json.loads(json.dumps(results))
        if len(before) != len(now):
            print(f"DIFFERENT sample sizes: {len(before)} vs {len(now)}")
            return 1
        diffs = [i for i, (a, b) in enumerate(zip(before, now, strict=True)) if a != b]
        for i in diffs[:20]:
            print(f"--- text {i}: {texts[i][:200]!r}\n  before {before[i]}\n  after  {now[i]}")
        print("IDENTICAL" if not diffs else f"{len(diffs)} texts differ")
        return 1 if diffs else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
