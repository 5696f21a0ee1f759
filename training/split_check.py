"""A quick check of a training setting: fit without some writers, then score them.

    python training/split_check.py [--l2 4e-5] [--hold train_q,train_r,plain_4,train_p,train_n]
                                   [--no-meaning] [--min-count 2] [--steps 300] [--candidates]

Leave-one-writer-out cross-validation (`make train-checker`) fits one model a writer, which
takes most of an hour here; one fit without a few writers takes a minute or two, and is
enough to compare settings before a full run. The writers held out are scored through the
same decision the app makes (rules and learned stage together, evidence guard 0.9, veto
0.05) at three learned thresholds. The held-out sets in bench/corpus are never read.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

import train_checker as tc  # noqa: E402

from parent_partners.checks.learned import combine  # noqa: E402
from parent_partners.checks.learned.fit import (  # noqa: E402
    Settings,
    known_words,
    load_table,
    train,
)

HOLD = "train_q,train_r,plain_4,train_p,train_n"
THRESHOLDS = (0.85, 0.80, 0.75)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=Settings.l2)
    parser.add_argument("--min-count", type=int, default=Settings.min_count)
    parser.add_argument("--steps", type=int, default=Settings.steps)
    parser.add_argument("--no-meaning", action="store_true")
    parser.add_argument("--hold", default=HOLD, help="writers' files to leave out, no .jsonl")
    parser.add_argument(
        "--candidates",
        action="store_true",
        help="also fit on training/candidates/*.jsonl (files waiting to join the data)",
    )
    args = parser.parse_args(argv)
    paths = sorted(tc.DATA.glob("*.jsonl"))
    if args.candidates:
        paths += sorted((tc.DATA.parent / "candidates").glob("*.jsonl"))
    items = tc.training_items(paths)
    hold = {f"{name}.jsonl" for name in args.hold.split(",")}
    fitted = [i for i in items if i["file"] not in hold]
    scored = [i for i in items if i["file"] in hold]
    table = None if args.no_meaning else load_table(tc.TABLE)
    settings = Settings(
        l2=args.l2,
        min_count=args.min_count,
        steps=args.steps,
        embedding_dims=0 if table is None else int(table.vectors.shape[1]),
    )
    known = frozenset(known_words([str(i["text"]) for i in items]))
    started = time.perf_counter()
    model = tc.in_memory(train(fitted, settings, table, known), f"split-{id(settings)}", {})
    took = time.perf_counter() - started
    combine.DETAILS.clear()
    views = tc.with_guard([(i, tc.sentence_view(model, i)) for i in scored], 0.9)
    print(f"{settings}\nfitted on {len(fitted)} items in {took:.0f} s; scoring {len(scored)}")
    for threshold in THRESHOLDS:
        chosen = {"child_blame": threshold, "parent_blame": threshold, "veto": 0.05}
        parts = []
        for h, kind in enumerate(tc.HEADS):
            got = tc.scores([(tc.decide(v, h, kind, chosen), bool(i[kind])) for i, v in views])
            parts.append(f"{kind} P/R {got['precision']:.3f}/{got['recall']:.3f}")
        macro = tc.macro_f1(views, chosen)
        print(f"threshold {threshold:.2f}: macro F1 {macro:.3f}; " + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
