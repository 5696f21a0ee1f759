"""Dev-set figures, computed (not hard-coded): F1 and precision >= 0.90 for each kind."""

import json
from pathlib import Path

import pytest

from parent_partners.checks import scan_text

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared dev corpus not present")
def test_dev_set_f1_and_precision() -> None:
    rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]
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
