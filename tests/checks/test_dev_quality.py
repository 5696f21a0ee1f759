"""Dev-set figures, computed (not hard-coded): F1 and precision >= 0.90 for each kind.

The dev set is the repository's own copy (``training/tuning/dev.jsonl``), so the floor
is checked in every clone; where the shared corpus sits beside the checkout, the copy
must still equal it.
"""

import json
from pathlib import Path

import pytest

from parent_partners.checks import scan_text

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "training" / "tuning" / "dev.jsonl"
SHARED_DEV = ROOT / ".." / "shared" / "corpus" / "dev.jsonl"


def test_dev_set_f1_and_precision() -> None:
    rows = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) > 100, "the dev set is there and not cut short"
    for kind in ("child_blame", "parent_blame"):
        tp = fp = fn = 0
        for row in rows:
            got = any(f.kind == kind for f in scan_text(row["text"]))
            tp += got and row[kind]
            fp += got and not row[kind]
            fn += (not got) and row[kind]
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
        assert precision >= 0.90, (kind, precision)
        assert f1 >= 0.90, (kind, f1)


@pytest.mark.skipif(not SHARED_DEV.exists(), reason="no shared corpus beside this checkout")
def test_the_repository_dev_set_is_the_shared_one() -> None:
    assert DEV.read_bytes() == SHARED_DEV.read_bytes()
